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
  const char *token;    /* in the pass's string chunk, one copy per word */
  guint       word;     /* the word's number in the pass, then its rank in word order */
  gint64      day;
  gint64      traveller_id;
} Posting;

/* The pass's words, each kept once: the postings point to them. */
typedef struct
{
  GStringChunk *chunk;
  GHashTable   *numbers;   /* word → its number + 1 */
  GPtrArray    *words;     /* by number */
} Words;

static int
compare_postings (gconstpointer a,
                  gconstpointer b)
{
  const Posting *pa = a;
  const Posting *pb = b;

  if (pa->day != pb->day)
    return pa->day < pb->day ? -1 : 1;
  if (pa->traveller_id != pb->traveller_id)
    return pa->traveller_id < pb->traveller_id ? -1 : 1;
  return 0;
}

static int
compare_words (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  const char * const *words = user_data;

  return strcmp (words[*(const guint *) a], words[*(const guint *) b]);
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
add_postings (GArray     *postings,
              Words      *words,
              GString    *word,
              const char *key,
              gint64      day,
              gint64      traveller_id)
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
          guint number = GPOINTER_TO_UINT (g_hash_table_lookup (words->numbers, word->str));
          Posting posting;

          if (number == 0)
            {
              char *copy = g_string_chunk_insert_len (words->chunk, word->str,
                                                      (gssize) word->len);

              g_ptr_array_add (words->words, copy);
              number = words->words->len;
              g_hash_table_insert (words->numbers, copy, GUINT_TO_POINTER (number));
            }
          posting.token = g_ptr_array_index (words->words, number - 1);
          posting.word = number - 1;
          posting.day = day;
          posting.traveller_id = traveller_id;
          g_array_append_val (postings, posting);
        }
    }
}

/* @postings in (word, day, traveller) order, the order of search_token's key. There are
 * far fewer words than postings: the words are sorted, and the postings then counted into
 * their word's place; a word's postings come by traveller, already in order unless
 * flights of several days were imported out of order. A sort of all the postings by
 * their text was a twentieth of a large import. */
static GArray *
sort_postings (GArray *postings,
               Words  *words)
{
  guint n_words = words->words->len;
  g_autofree guint *order = g_new (guint, MAX (n_words, 1));
  g_autofree guint *rank = g_new (guint, MAX (n_words, 1));
  g_autofree guint *start = g_new0 (guint, n_words + 1);
  GArray *sorted = g_array_sized_new (FALSE, FALSE, sizeof (Posting), postings->len);

  for (guint i = 0; i < n_words; i++)
    order[i] = i;
  g_qsort_with_data (order, (gint) n_words, sizeof (guint), compare_words, words->words->pdata);
  for (guint i = 0; i < n_words; i++)
    rank[order[i]] = i;

  for (guint i = 0; i < postings->len; i++)
    start[rank[g_array_index (postings, Posting, i).word] + 1]++;
  for (guint i = 1; i <= n_words; i++)
    start[i] += start[i - 1];

  g_array_set_size (sorted, postings->len);
  for (guint i = 0; i < postings->len; i++)
    {
      Posting posting = g_array_index (postings, Posting, i);

      posting.word = rank[posting.word];
      g_array_index (sorted, Posting, start[posting.word]++) = posting;
    }

  /* start[w] is now where word w's postings end. */
  for (guint w = 0, begin = 0; w < n_words; begin = start[w++])
    {
      Posting *first = &g_array_index (sorted, Posting, begin);
      guint n = start[w] - begin;

      for (guint i = 1; i < n; i++)
        if (compare_postings (&first[i - 1], &first[i]) > 0)
          {
            qsort (first, n, sizeof (Posting), compare_postings);
            break;
          }
    }

  return sorted;
}

/* The (id, name_key, flight_date) rows of @stmt into @postings; resets @stmt. */
static gboolean
read_postings (TarmacStore   *store,
               sqlite3_stmt  *stmt,
               GArray        *postings,
               Words         *words,
               GString       *word,
               GError       **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *key = (const char *) sqlite3_column_text (stmt, 1);

      if (key != NULL)
        add_postings (postings, words, word, key,
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
  g_autoptr(GArray) sorted = NULL;
  g_autoptr(GString) word = NULL;
  Words words;
  const char *last_token = NULL;
  gboolean ok = FALSE;

  g_return_val_if_fail (TARMAC_IS_STORE (store), FALSE);

  postings = g_array_new (FALSE, FALSE, sizeof (Posting));
  word = g_string_new (NULL);
  words.chunk = g_string_chunk_new (64 * 1024);
  words.numbers = g_hash_table_new (g_str_hash, g_str_equal);
  words.words = g_ptr_array_new ();

  queue = _tarmac_store_take_search_queue (store);
  for (guint i = 0; i < queue->len; i++)
    {
      const TarmacSearchQueued *entry = &g_array_index (queue, TarmacSearchQueued, i);

      /* The writer gave what the row holds: no need to read it back. */
      if (entry->name_key != NULL)
        {
          add_postings (postings, &words, word, entry->name_key, day_of (entry->flight_date),
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
      if (!read_postings (store, queued, postings, &words, word, error))
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
  if (pending == NULL || !read_postings (store, pending, postings, &words, word, error))
    goto out;

  if (postings->len > 0)
    {
      insert_tokens = _tarmac_store_prepare_rows_cached (store,
                                                         "INSERT OR IGNORE INTO search_token"
                                                         " (token, day, traveller_id) VALUES ",
                                                         "(?, ?, ?)", POSTINGS_PER_INSERT,
                                                         error);
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

      sorted = sort_postings (postings, &words);
      for (guint i = 0; i < sorted->len; )
        {
          guint n = sorted->len - i >= POSTINGS_PER_INSERT ? POSTINGS_PER_INSERT : 1;
          sqlite3_stmt *insert = n > 1 ? insert_tokens : insert_token;

          for (guint k = 0; k < n; k++)
            {
              const Posting *posting = &g_array_index (sorted, Posting, i + k);

              sqlite3_bind_text (insert, 3 * k + 1, posting->token, -1, SQLITE_STATIC);
              sqlite3_bind_int64 (insert, 3 * k + 2, posting->day);
              sqlite3_bind_int64 (insert, 3 * k + 3, posting->traveller_id);
            }
          if (!step_done (store, insert, error))
            goto out;

          for (guint k = 0; k < n; k++)
            {
              const Posting *posting = &g_array_index (sorted, Posting, i + k);

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
  g_ptr_array_unref (words.words);
  g_hash_table_unref (words.numbers);
  g_string_chunk_free (words.chunk);
  return ok;
}
