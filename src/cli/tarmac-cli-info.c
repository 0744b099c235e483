/* tarmac-cli-info.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "tarmac-cli-private.h"
#include "tarmac-store-private.h"

int
tarmac_cli_info (TarmacStore  *store,
                 int           argc,
                 char        **argv)
{
  /* Table names are literals of ours, never input. */
  static const struct { const char *label; const char *sql; } tables[] = {
    { N_("Imported files"), "SELECT count(*) FROM source_file" },
    { N_("Flights"), "SELECT count(*) FROM flight" },
    { N_("Passengers"), "SELECT count(*) FROM traveller WHERE kind = 'passenger'" },
    { N_("Crew"), "SELECT count(*) FROM traveller WHERE kind = 'crew'" },
    { N_("Travel documents"), "SELECT count(*) FROM travel_document" },
    { N_("PNRs"), "SELECT count(*) FROM pnr" },
    { N_("Watchlists"), "SELECT count(*) FROM watchlist" },
    { N_("Open hits"), "SELECT count(*) FROM hit WHERE status IN ('new', 'in_review', 'referred')" },
    { N_("Notes"), "SELECT count(*) FROM note" },
    { N_("Audit log rows"), "SELECT count(*) FROM audit_log" },
  };

  g_autofree char *version = NULL;

  if (argc > 1)
    {
      tarmac_cli_print_error (_("“info” takes no arguments"));
      return EXIT_USAGE;
    }

  tarmac_cli_print_field (_("Database"), tarmac_store_get_path (store));
  version = g_strdup_printf ("%u", tarmac_store_get_version (store));
  tarmac_cli_print_field (_("Schema version"), version);
  tarmac_cli_print_field (_("Demo data"), tarmac_store_is_demo (store) ? _("yes") : _("no"));

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      gint64 count = 0;

      if (!tarmac_cli_count_rows (store, tables[i].sql, &count))
        {
          tarmac_cli_print_error (_("Could not read the database: %s"),
                       sqlite3_errmsg (_tarmac_store_get_db (store)));
          return EXIT_FAILED;
        }
      g_autofree char *value = g_strdup_printf ("%" G_GINT64_FORMAT, count);

      tarmac_cli_print_field (_(tables[i].label), value);
    }

  return EXIT_OK;
}

int
tarmac_cli_migrate (TarmacStore  *store,
                    int           argc,
                    char        **argv)
{
  /* Opening the store already migrated it, each step in its own transaction. */
  g_print (_("%s is at database version %u (the latest).\n"),
           tarmac_store_get_path (store), tarmac_store_get_version (store));
  return EXIT_OK;
}

/* For scripts: the exit status alone says whether anything was imported yet. */
int
tarmac_cli_has_data (TarmacStore  *store,
                     int           argc,
                     char        **argv)
{
  return tarmac_store_has_imported_data (store) ? EXIT_OK : EXIT_FAILED;
}
