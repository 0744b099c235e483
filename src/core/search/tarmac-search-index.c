/* tarmac-search-index.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-search"

#include "config.h"

#include "tarmac-search.h"
#include "tarmac-store-private.h"

/* Keeping the name index (migration 9) up to date. A trigger records each new traveller
 * in search_pending; tarmac_search_index_update() then indexes them all in one pass,
 * sorted, which writes each page of search_token once instead of once per word. Writers
 * call it just before they commit, so the index and the rows land together. Updates and
 * deletes are handled by triggers and need nothing here.
 *
 * CROSS JOIN keeps search_pending the outer loop: without statistics SQLite would rather
 * scan the million travellers and probe the few pending ones. */

#define TOKENS_OF(key) \
  "json_each ('[\"' || replace (replace (replace (" key ", '\\', ''), '\"', '')," \
  " ' ', '\",\"') || '\"]')"

/**
 * tarmac_search_index_update:
 * @store: a #TarmacStore, inside the writer's transaction
 * @error: return location for a #GError
 *
 * Indexes the travellers inserted (or renamed) since the last call. Cheap when there are
 * none; about 2 µs a word when there are many.
 *
 * Returns: %TRUE on success
 */
gboolean
tarmac_search_index_update (TarmacStore  *store,
                            GError      **error)
{
  g_autoptr(sqlite3_stmt) pending = NULL;

  g_return_val_if_fail (TARMAC_IS_STORE (store), FALSE);

  pending = _tarmac_store_prepare (store, "SELECT EXISTS (SELECT 1 FROM search_pending)", error);
  if (pending == NULL)
    return FALSE;
  if (sqlite3_step (pending) != SQLITE_ROW)
    {
      _tarmac_store_set_error (store, sqlite3_errcode (_tarmac_store_get_db (store)), error);
      return FALSE;
    }
  if (sqlite3_column_int (pending, 0) == 0)
    return TRUE;

  return _tarmac_store_exec (store,
                             "INSERT OR IGNORE INTO search_token (token, day, traveller_id)"
                             " SELECT j.value,"
                             "  CAST (replace (f.flight_date, '-', '') AS INTEGER), t.id"
                             " FROM search_pending p"
                             " CROSS JOIN traveller t ON t.id = p.traveller_id"
                             " JOIN flight f ON f.id = t.flight_id, " TOKENS_OF ("t.name_key") " j"
                             " WHERE t.masked = 0 AND j.value <> ''"
                             " ORDER BY 1, 2, 3;"
                             "INSERT OR IGNORE INTO search_vocab (token)"
                             " SELECT DISTINCT j.value"
                             " FROM search_pending p"
                             " CROSS JOIN traveller t ON t.id = p.traveller_id,"
                             " " TOKENS_OF ("t.name_key") " j"
                             " WHERE t.masked = 0 AND j.value <> '';"
                             "DELETE FROM search_pending;",
                             error);
}
