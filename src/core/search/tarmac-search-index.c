/* tarmac-search-index.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-search"

#include "config.h"

#include <string.h>

#include "tarmac-search.h"
#include "tarmac-store-private.h"

/* Keeping the name index (migration 9) up to date. Writers queue each traveller they
 * insert (_tarmac_store_queue_for_search(), or with its name key and flight date
 * _tarmac_store_queue_for_search_key(), which spares reading the row back); rows written
 * by plain SQL (and renamed ones, by trigger) wait in search_pending. tarmac_search_index_update() then indexes them all
 * in one pass: their keys are split into words here, sorted by (word, day, traveller),
 * and written in that order, so each page of search_token is written once instead of
 * once per word, and each new word reaches search_vocab (whose trigger adds its
 * misspellings) once per pass. Writers call it just before they commit, so the index and
 * the rows land together. Deletes are handled by triggers and need nothing here.
 *
 * The words are the key's space-separated parts without '\' and '"', as the delete
 * and update triggers split them (json_each over the same key). */

/* Postings written by one statement: a statement's own cost (binding aside) was as much
 * as a posting's b-tree insert. 64 rows of 3 values stay far below SQLite's limit of
 * 32,766 variables. */
#define POSTINGS_PER_INSERT 64

typedef struct
{
  const char *token;    /* in the pass's string chunk */
  gint64      day;
  gint64      traveller_id;
} Posting;

static int
compare_postings (gconstpointer a,
                  gconstpointer b)
{
  const Posting *pa = a;
  const Posting *pb = b;
  int cmp = strcmp (pa->token, pb->token);

  if (cmp != 0)
    return cmp;
  if (pa->day != pb->day)
    return pa->day < pb->day ? -1 : 1;
  if (pa->traveller_id != pb->traveller_id)
    return pa->traveller_id < pb->traveller_id ? -1 : 1;
  return 0;
}

/* "2026-11-22" → 20261122, as CAST (replace (flight_date, '-', '') AS INTEGER). */
static gint64
day_of (const char *date)
{
  gint64 day = 0;

  for (const char *p = date; p != NULL && *p != '\0'; p++)
    {
      if (*p >= '0' && *p <= '9')
        day = day * 10 + (*p - '0');
      else if (*p != '-')
        break;
    }
  return day;
}

static void
add_postings (GArray       *postings,
              GStringChunk *chunk,
              GString      *word,
              const char   *key,
              gint64        day,
              gint64        traveller_id)
{
  const char *p = key;

  while (*p != '\0')
    {
      g_string_truncate (word, 0);
      for (; *p != '\0' && *p != ' '; p++)
        if (*p != '\\' && *p != '"')
          g_string_append_c (word, *p);
      if (*p == ' ')
        p++;
      if (word->len > 0)
        {
          Posting posting = {
            g_string_chunk_insert_const (chunk, word->str), day, traveller_id
          };

          g_array_append_val (postings, posting);
        }
    }
}

/* The (id, name_key, flight_date) rows of @stmt into @postings; resets @stmt. */
static gboolean
read_postings (TarmacStore   *store,
               sqlite3_stmt  *stmt,
               GArray        *postings,
               GStringChunk  *chunk,
               GString       *word,
               GError       **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *key = (const char *) sqlite3_column_text (stmt, 1);

      if (key != NULL)
        add_postings (postings, chunk, word, key,
                      day_of ((const char *) sqlite3_column_text (stmt, 2)),
                      sqlite3_column_int64 (stmt, 0));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _tarmac_store_set_error (store, rc, error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
step_done (TarmacStore   *store,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _tarmac_store_set_error (store, rc, error);
      return FALSE;
    }
  return TRUE;
}

/**
 * tarmac_search_index_update:
 * @store: a #TarmacStore, inside the writer's transaction
 * @error: return location for a #GError
 *
 * Indexes the travellers inserted (or renamed) since the last call. Cheap when there are
 * none.
 *
 * Returns: %TRUE on success
 */
gboolean
tarmac_search_index_update (TarmacStore  *store,
                            GError      **error)
{
  g_autoptr(TarmacCachedStmt) pending = NULL;
  g_autoptr(TarmacCachedStmt) queued = NULL;
  g_autoptr(GArray) queue = NULL;
  g_autoptr(TarmacCachedStmt) insert_tokens = NULL;
  g_autoptr(TarmacCachedStmt) insert_token = NULL;
  g_autoptr(TarmacCachedStmt) insert_vocab = NULL;
  g_autoptr(GArray) postings = NULL;
  g_autoptr(GString) word = NULL;
  GStringChunk *chunk = NULL;
  const char *last_token = NULL;
  gboolean ok = FALSE;

  g_return_val_if_fail (TARMAC_IS_STORE (store), FALSE);

  postings = g_array_new (FALSE, FALSE, sizeof (Posting));
  word = g_string_new (NULL);
  chunk = g_string_chunk_new (64 * 1024);

  queue = _tarmac_store_take_search_queue (store);
  for (guint i = 0; i < queue->len; i++)
    {
      const TarmacSearchQueued *entry = &g_array_index (queue, TarmacSearchQueued, i);

      /* The writer gave what the row holds: no need to read it back. */
      if (entry->name_key != NULL)
        {
          add_postings (postings, chunk, word, entry->name_key, day_of (entry->flight_date),
                        entry->traveller_id);
          continue;
        }

      if (queued == NULL)
        {
          queued = _tarmac_store_prepare_cached (store,
                                                 "SELECT t.id, t.name_key, f.flight_date"
                                                 " FROM traveller t"
                                                 " JOIN flight f ON f.id = t.flight_id"
                                                 " WHERE t.id = ?1 AND t.masked = 0",
                                                 error);
          if (queued == NULL)
            goto out;
        }
      sqlite3_bind_int64 (queued, 1, entry->traveller_id);
      if (!read_postings (store, queued, postings, chunk, word, error))
        goto out;
    }

  /* CROSS JOIN keeps search_pending the outer loop: without statistics SQLite would
   * rather scan the million travellers and probe the few pending ones. */
  pending = _tarmac_store_prepare_cached (store,
                                          "SELECT t.id, t.name_key, f.flight_date"
                                          " FROM search_pending p"
                                          " CROSS JOIN traveller t ON t.id = p.traveller_id"
                                          " JOIN flight f ON f.id = t.flight_id"
                                          " WHERE t.masked = 0",
                                          error);
  if (pending == NULL || !read_postings (store, pending, postings, chunk, word, error))
    goto out;

  if (postings->len > 0)
    {
      g_autofree char *many_sql = NULL;
      GString *sql = g_string_new ("INSERT OR IGNORE INTO search_token (token, day, traveller_id)"
                                   " VALUES (?, ?, ?)");

      for (guint i = 1; i < POSTINGS_PER_INSERT; i++)
        g_string_append (sql, ", (?, ?, ?)");
      many_sql = g_string_free (sql, FALSE);

      insert_tokens = _tarmac_store_prepare_cached (store, many_sql, error);
      insert_token = _tarmac_store_prepare_cached (store,
                                                   "INSERT OR IGNORE INTO search_token"
                                                   " (token, day, traveller_id)"
                                                   " VALUES (?1, ?2, ?3)",
                                                   error);
      insert_vocab = _tarmac_store_prepare_cached (store,
                                                   "INSERT OR IGNORE INTO search_vocab (token)"
                                                   " VALUES (?1)",
                                                   error);
      if (insert_tokens == NULL || insert_token == NULL || insert_vocab == NULL)
        goto out;

      g_array_sort (postings, compare_postings);
      for (guint i = 0; i < postings->len; )
        {
          guint n = postings->len - i >= POSTINGS_PER_INSERT ? POSTINGS_PER_INSERT : 1;
          sqlite3_stmt *insert = n > 1 ? insert_tokens : insert_token;

          for (guint k = 0; k < n; k++)
            {
              const Posting *posting = &g_array_index (postings, Posting, i + k);

              sqlite3_bind_text (insert, 3 * k + 1, posting->token, -1, SQLITE_STATIC);
              sqlite3_bind_int64 (insert, 3 * k + 2, posting->day);
              sqlite3_bind_int64 (insert, 3 * k + 3, posting->traveller_id);
            }
          if (!step_done (store, insert, error))
            goto out;

          for (guint k = 0; k < n; k++)
            {
              const Posting *posting = &g_array_index (postings, Posting, i + k);

              /* Equal words share one string in the chunk. */
              if (posting->token == last_token)
                continue;
              last_token = posting->token;
              sqlite3_bind_text (insert_vocab, 1, posting->token, -1, SQLITE_STATIC);
              if (!step_done (store, insert_vocab, error))
                goto out;
            }
          i += n;
        }
      sqlite3_clear_bindings (insert_tokens);
      sqlite3_clear_bindings (insert_token);
      sqlite3_clear_bindings (insert_vocab);
    }

  ok = _tarmac_store_exec (store, "DELETE FROM search_pending", error);

out:
  g_string_chunk_free (chunk);
  return ok;
}
