/* tarmac-cli-demo.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "tarmac-cli-private.h"
#include "tarmac-demo.h"

gboolean
tarmac_cli_parse_demo_options (int                 argc,
                               char              **argv,
                               TarmacDemoOptions  *options,
                               GError            **error)
{
  g_autofree char *anchor = NULL;
  int seed = -1;
  int days = 0;
  double scale = 0;
  const GOptionEntry entries[] = {
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, N_("Seed of the generator"), N_("N") },
    { "days", 0, 0, G_OPTION_ARG_INT, &days, N_("Number of days of flights (default 7)"),
      N_("N") },
    { "scale", 0, 0, G_OPTION_ARG_DOUBLE, &scale,
      N_("Multiply the daily traffic (default 1.0)"), N_("X") },
    { "anchor", 0, 0, G_OPTION_ARG_STRING, &anchor,
      N_("Middle day of the generated period (default today)"), N_("YYYY-MM-DD") },
    { NULL }
  };

  tarmac_demo_options_init (options);

  if (!tarmac_cli_parse_options (&argc, &argv, entries, error))
    return FALSE;

  if (seed >= 0)
    options->seed = (guint32) seed;
  if (days != 0)
    {
      if (days < 1 || days > 366)
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("--days must be between 1 and 366"));
          return FALSE;
        }
      options->days = days;
    }
  if (scale != 0)
    {
      if (scale < 0.01 || scale > 1000)
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("--scale must be between 0.01 and 1000"));
          return FALSE;
        }
      options->scale = scale;
    }
  if (anchor != NULL)
    {
      guint y, m, d;

      if (strlen (anchor) != 10 || sscanf (anchor, "%4u-%2u-%2u", &y, &m, &d) != 3 ||
          !g_date_valid_dmy (d, m, y))
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("--anchor must be a date written YYYY-MM-DD"));
          return FALSE;
        }
      g_strlcpy (options->anchor_day, anchor, sizeof options->anchor_day);
    }

  return TRUE;
}

int
tarmac_cli_demo (TarmacStore  *store,
                 int           argc,
                 char        **argv)
{
  g_autoptr(GError) error = NULL;
  TarmacDemoOptions options;
  TarmacDemoStats stats = { 0 };

  if (!tarmac_cli_parse_demo_options (argc, argv, &options, &error))
    {
      tarmac_cli_print_error ("%s", error->message);
      return EXIT_USAGE;
    }

  if (!tarmac_demo_generate (store, &options, &stats, &error))
    {
      tarmac_cli_print_error ("%s", error->message);
      return EXIT_FAILED;
    }

  g_print (_("Generated demo data in %s:\n"), tarmac_store_get_path (store));
  g_print (ngettext ("  %u flight\n", "  %u flights\n", stats.flights), stats.flights);
  g_print (ngettext ("  %u passenger\n", "  %u passengers\n", stats.passengers),
           stats.passengers);
  g_print (ngettext ("  %u crew member\n", "  %u crew members\n", stats.crew), stats.crew);
  g_print (ngettext ("  %u travel document\n", "  %u travel documents\n", stats.documents),
           stats.documents);
  g_print (ngettext ("  %u PNR\n", "  %u PNRs\n", stats.pnrs), stats.pnrs);
  g_print (ngettext ("  %u note\n", "  %u notes\n", stats.notes), stats.notes);

  return EXIT_OK;
}
