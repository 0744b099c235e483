/* tarmac-cli-audit.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "tarmac-audit.h"
#include "tarmac-cli-private.h"
#include "tarmac-store-private.h"

static int
audit_verify (TarmacStore *store)
{
  g_autoptr(GError) error = NULL;
  guint64 n_rows = 0;
  gint64 broken = 0;

  if (!tarmac_audit_verify (store, &n_rows, &broken, &error))
    {
      tarmac_cli_print_error ("%s", error->message);
      if (broken > 0)
        g_printerr (ngettext ("%llu row before it verified.\n",
                              "%llu rows before it verified.\n",
                              n_rows),
                    (unsigned long long) n_rows);
      return EXIT_FAILED;
    }

  g_print (ngettext ("The audit log verifies: %llu row, chain intact.\n",
                     "The audit log verifies: %llu rows, chain intact.\n",
                     n_rows),
           (unsigned long long) n_rows);

  return EXIT_OK;
}

static int
audit_list (TarmacStore  *store,
            int           argc,
            char        **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int limit = 50;
  int rc;
  const GOptionEntry entries[] = {
    { "limit", 'n', 0, G_OPTION_ARG_INT, &limit, N_("Show the last N rows (default 50)"),
      N_("N") },
    { NULL }
  };

  if (!tarmac_cli_parse_options (&argc, &argv, entries, &error))
    {
      tarmac_cli_print_error ("%s", error->message);
      return EXIT_USAGE;
    }
  if (limit < 1)
    {
      tarmac_cli_print_error (_("--limit must be at least 1"));
      return EXIT_USAGE;
    }

  stmt = _tarmac_store_prepare (store,
                                "SELECT * FROM (SELECT id, at, actor, action, object_type,"
                                " coalesce (object_id, ''), coalesce (detail, '')"
                                " FROM audit_log ORDER BY id DESC LIMIT ?1) ORDER BY id",
                                &error);
  if (stmt == NULL)
    {
      tarmac_cli_print_error ("%s", error->message);
      return EXIT_FAILED;
    }

  sqlite3_bind_int (stmt, 1, limit);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_print ("%6" G_GINT64_FORMAT "  %s  %-12s %-8s %s %s  %s\n",
             (gint64) sqlite3_column_int64 (stmt, 0),
             _tarmac_store_column_text (stmt, 1),
             _tarmac_store_column_text (stmt, 2),
             _tarmac_store_column_text (stmt, 3),
             _tarmac_store_column_text (stmt, 4),
             _tarmac_store_column_text (stmt, 5),
             _tarmac_store_column_text (stmt, 6));

  if (rc != SQLITE_DONE)
    {
      tarmac_cli_print_error (_("Could not read the audit log: %s"),
                   sqlite3_errmsg (_tarmac_store_get_db (store)));
      return EXIT_FAILED;
    }

  /* The log holds what officers searched for: reading it is itself a view to record. */
  if (!tarmac_audit_append (store, "view", "audit_log", NULL, "audit list", &error))
    {
      tarmac_cli_print_error ("%s", error->message);
      return EXIT_FAILED;
    }

  return EXIT_OK;
}

int
tarmac_cli_audit (TarmacStore  *store,
                  int           argc,
                  char        **argv)
{
  if (argc >= 2 && g_str_equal (argv[1], "verify") && argc == 2)
    return audit_verify (store);

  if (argc >= 2 && g_str_equal (argv[1], "list"))
    return audit_list (store, argc - 1, argv + 1);

  tarmac_cli_print_error (_("usage: tarmac-cli audit verify | audit list [--limit N]"));
  return EXIT_USAGE;
}
