/* tarmac-test-store.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "tarmac-store-private.h"

G_BEGIN_DECLS

/* Database checks shared by the import tests. */

static inline gint64
tarmac_test_count (TarmacStore *store,
                   const char  *sql)
{
  g_autoptr(sqlite3_stmt) stmt = _tarmac_store_prepare (store, sql, NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

static inline char *
tarmac_test_query_text (TarmacStore *store,
                        const char  *sql)
{
  g_autoptr(sqlite3_stmt) stmt = _tarmac_store_prepare (store, sql, NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return g_strdup (_tarmac_store_column_text (stmt, 0));
}

/* The row count of every table plus the audit log's last hash: equal snapshots mean
 * nothing was written. */
static inline char *
tarmac_test_snapshot (TarmacStore *store)
{
  g_autoptr(sqlite3_stmt) tables = NULL;
  GString *text = g_string_new (NULL);
  g_autofree char *head = NULL;

  tables = _tarmac_store_prepare (store,
                                  "SELECT name FROM sqlite_master WHERE type = 'table'"
                                  " AND name NOT LIKE 'sqlite_%' ORDER BY name", NULL);
  g_assert_nonnull (tables);
  while (sqlite3_step (tables) == SQLITE_ROW)
    {
      const char *name = _tarmac_store_column_text (tables, 0);
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM \"%s\"", name);

      g_string_append_printf (text, "%s=%lld ", name, (long long) tarmac_test_count (store, sql));
    }

  head = tarmac_test_query_text (store,
                                 "SELECT coalesce ((SELECT hash FROM audit_log ORDER BY id DESC"
                                 " LIMIT 1), '')");
  g_string_append (text, head);

  return g_string_free (text, FALSE);
}

/* How many text values in the whole database contain @needle (digits or letters only). */
static inline gint64
tarmac_test_count_everywhere (TarmacStore *store,
                              const char  *needle)
{
  g_autoptr(sqlite3_stmt) tables = NULL;
  gint64 total = 0;

  tables = _tarmac_store_prepare (store,
                                  "SELECT m.name, p.name FROM sqlite_master AS m,"
                                  " pragma_table_info (m.name) AS p"
                                  " WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'",
                                  NULL);
  g_assert_nonnull (tables);
  while (sqlite3_step (tables) == SQLITE_ROW)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM \"%s\" WHERE"
                                              " instr (CAST (\"%s\" AS TEXT), '%s') > 0",
                                              _tarmac_store_column_text (tables, 0),
                                              _tarmac_store_column_text (tables, 1), needle);

      total += tarmac_test_count (store, sql);
    }
  return total;
}

G_END_DECLS
