/* tarmac-cli-bundle.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "tarmac-cli-private.h"
#include "tarmac-sync-replica.h"

/* bundle export FILE: this workstation's outbox (notes, lookouts, acknowledgements) to a
 * signed bundle file, for an air-gapped site; the outbox stays, to be pushed (or
 * exported) again.
 * bundle import FILE: a bundle carried in (from another workstation, or the hub's
 * `bundle export` of this site's inbox), applied whole or not at all. */

static gboolean opt_json = FALSE;

static const GOptionEntry entries[] = {
  { "json", 0, 0, G_OPTION_ARG_NONE, &opt_json, N_("Print JSON"), NULL },
  { NULL }
};

static int
usage (void)
{
  tarmac_cli_print_error (_("usage: tarmac-cli bundle export FILE | bundle import FILE"));
  return EXIT_USAGE;
}

int
tarmac_cli_bundle (TarmacStore  *store,
                   int           argc,
                   char        **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TarmacSyncReplica) replica = NULL;
  const char *command, *path;

  if (argc < 3 || argv[2][0] == '-')
    return usage ();
  command = argv[1];
  path = argv[2];
  argc -= 2;
  argv += 2;
  if (!tarmac_cli_parse_options (&argc, &argv, entries, &error))
    {
      tarmac_cli_print_error ("%s", error->message);
      return EXIT_USAGE;
    }

  replica = tarmac_sync_replica_new (store, &error);
  if (replica == NULL)
    {
      tarmac_cli_print_error ("%s", error->message);
      return EXIT_FAILED;
    }

  if (g_str_equal (command, "export"))
    {
      guint exported = 0;

      if (!tarmac_sync_replica_export_bundle (replica, path, &exported, &error))
        {
          tarmac_cli_print_error ("%s", error->message);
          return EXIT_FAILED;
        }
      if (opt_json)
        g_print ("{\"exported\":%u}\n", exported);
      else
        g_print (ngettext ("Wrote %u version to %s\n", "Wrote %u versions to %s\n", exported),
                 exported, path);
      return EXIT_OK;
    }

  if (g_str_equal (command, "import"))
    {
      guint added = 0, duplicate = 0;

      if (!tarmac_sync_replica_import_bundle (replica, path, &added, &duplicate, &error))
        {
          tarmac_cli_print_error ("%s", error->message);
          return EXIT_FAILED;
        }
      if (opt_json)
        g_print ("{\"new\":%u,\"duplicate\":%u}\n", added, duplicate);
      else
        g_print (_("Imported %u new, %u already here\n"), added, duplicate);
      return EXIT_OK;
    }

  return usage ();
}
