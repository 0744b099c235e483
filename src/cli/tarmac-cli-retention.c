/* tarmac-cli-retention.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "tarmac-cli-private.h"
#include "tarmac-retention.h"

static int
retention_apply (TarmacStore  *store,
                 int           argc,
                 char        **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *now = NULL;
  TarmacRetentionPolicy policy;
  TarmacRetentionStats stats = { 0 };
  int mask_months = TARMAC_RETENTION_DEFAULT_MASK_MONTHS;
  int delete_years = TARMAC_RETENTION_DEFAULT_DELETE_YEARS;
  gint64 started;
  const GOptionEntry entries[] = {
    { "mask-months", 0, 0, G_OPTION_ARG_INT, &mask_months,
      N_("Mask personal data N months after the flight (default 6)"), N_("N") },
    { "delete-years", 0, 0, G_OPTION_ARG_INT, &delete_years,
      N_("Delete personal data N years after the flight (default 5)"), N_("N") },
    { "now", 0, 0, G_OPTION_ARG_STRING, &now,
      N_("Apply the periods as at this UTC time instead of now"), N_("YYYY-MM-DDTHH:MM:SSZ") },
    { NULL }
  };

  if (!tarmac_cli_parse_options (&argc, &argv, entries, &error))
    {
      tarmac_cli_print_error ("%s", error->message);
      return EXIT_USAGE;
    }

  tarmac_retention_policy_init (&policy);
  /* Negative numbers become out-of-range ones, which the core refuses with its message. */
  policy.mask_after_months = (guint) CLAMP (mask_months, 0, G_MAXINT);
  policy.delete_after_years = (guint) CLAMP (delete_years, 0, G_MAXINT);
  policy.now = now;

  started = g_get_monotonic_time ();
  if (!tarmac_retention_apply (store, &policy, &stats, &error))
    {
      tarmac_cli_print_error ("%s", error->message);
      return EXIT_FAILED;
    }

  g_print (_("Applied the retention periods to %s in %.2f s:\n"), tarmac_store_get_path (store),
           (g_get_monotonic_time () - started) / (double) G_USEC_PER_SEC);
  g_print (ngettext ("  %u traveller masked\n", "  %u travellers masked\n",
                     stats.travellers_masked), stats.travellers_masked);
  g_print (ngettext ("  %u travel document masked\n", "  %u travel documents masked\n",
                     stats.documents_masked), stats.documents_masked);
  g_print (ngettext ("  %u PNR masked\n", "  %u PNRs masked\n", stats.pnrs_masked),
           stats.pnrs_masked);
  g_print (ngettext ("  %u traveller deleted\n", "  %u travellers deleted\n",
                     stats.travellers_deleted), stats.travellers_deleted);
  g_print (ngettext ("  %u PNR deleted\n", "  %u PNRs deleted\n", stats.pnrs_deleted),
           stats.pnrs_deleted);
  g_print (ngettext ("  %u note deleted\n", "  %u notes deleted\n", stats.notes_deleted),
           stats.notes_deleted);
  g_print (ngettext ("  %u traveller kept for an open hit\n",
                     "  %u travellers kept for an open hit\n", stats.travellers_kept),
           stats.travellers_kept);

  return EXIT_OK;
}

int
tarmac_cli_retention (TarmacStore  *store,
                      int           argc,
                      char        **argv)
{
  if (argc >= 2 && g_str_equal (argv[1], "apply"))
    return retention_apply (store, argc - 1, argv + 1);

  tarmac_cli_print_error (_("usage: tarmac-cli retention apply [--mask-months N] [--delete-years N] "
                 "[--now YYYY-MM-DDTHH:MM:SSZ]"));
  return EXIT_USAGE;
}
