/* tarmac-search-index.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-search"

#include "config.h"

#include <string.h>

#include "tarmac-search-private.h"
#include "tarmac-store-private.h"

/* Keeping the name index (migrations 9 and 23) up to date. Writers queue each traveller
 * they insert (_tarmac_store_queue_for_search(), or with its name key and flight date
 * _tarmac_store_queue_for_search_key(), which spares reading the row back); rows written
 * by plain SQL (and renamed ones, by trigger) wait in search_pending.
 * tarmac_search_index_update() then indexes them all in one pass: their keys are split
 * into words here, sorted by (word, day, traveller), and each word's postings written as
 * one segment (tarmac-search-postings.c): one row per word per pass, where a row per
 * posting cost three b-tree inserts per traveller, each into a page of its own. Each new
 * word reaches search_vocab (whose trigger adds its misspellings) once. The outermost
 * commit runs it (tarmac_store_commit()), so the index and the rows land together, and a
 * batch import's files, each in a savepoint of the batch, are indexed in one pass.
 *
 * Deleted and renamed travellers wait in search_stale (by trigger): the update first
 * writes their words' segments again without them, and forgets the words nobody has any
 * more, so a masked traveller's name leaves the index in the transaction that masks it.
 *
 * The words are the key's space-separated parts without '\' and '"', as the triggers
 * split them (json_each over the same key). */

/* Postings a word's newest segment takes before the next update starts another: a
 * word's segments other than its newest hold this many or more, so even the commonest
 * name is a few hundred rows, while an update that adds a few postings rewrites a few
 * kilobytes at most. */
#define APPEND_LIMIT 1024

/* Travellers of search_pending read in one pass: about 60 MiB of postings and words. */
#define PENDING_PER_PASS 200000

typedef struct
{
  const char    *token;   /* in the pass's string chunk, one copy per word */
  guint          word;    /* the word's number in the pass, then its rank in word order */
  SearchPosting  at;
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
  return _tarmac_search_posting_compare (&((const Posting *) a)->at, &((const Posting *) b)->at);
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
          posting.at.day = day;
          posting.at.traveller_id = traveller_id;
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

/* Runs @sql, a statement on one word (?1 = @token) that returns no row. */
static gboolean
exec_for_word (TarmacStore  *store,
               const char   *sql,
               const char   *token,
               GError      **error)
{
  g_autoptr(TarmacCachedStmt) stmt = _tarmac_store_prepare_cached (store, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, token, -1, SQLITE_STATIC);
  return step_done (store, stmt, error);
}

/* Whether @sql, SELECT EXISTS (…), says so. */
static gboolean
exists (TarmacStore  *store,
        const char   *sql,
        gboolean     *result,
        GError      **error)
{
  g_autoptr(TarmacCachedStmt) stmt = _tarmac_store_prepare_cached (store, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      _tarmac_store_set_error (store, rc, error);
      return FALSE;
    }
  *result = sqlite3_column_int (stmt, 0) != 0;
  return TRUE;
}

/* Writes @postings (in order) as segment @segment of @token, a new row or over the row
 * of that number. */
static gboolean
write_segment (TarmacStore          *store,
               const char           *token,
               gint64                segment,
               const SearchPosting  *postings,
               guint                 n,
               GByteArray           *blob,
               GError              **error)
{
  g_autoptr(TarmacCachedStmt) write = NULL;
  guint count;

  write = _tarmac_store_prepare_cached (store,
                                        "INSERT OR REPLACE INTO search_segment"
                                        " (token, segment, count, postings)"
                                        " VALUES (?1, ?2, ?3, ?4)",
                                        error);
  if (write == NULL)
    return FALSE;

  g_byte_array_set_size (blob, 0);
  count = _tarmac_search_postings_encode (postings, n, blob);
  sqlite3_bind_text (write, 1, token, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (write, 2, segment);
  sqlite3_bind_int (write, 3, (int) count);
  sqlite3_bind_blob (write, 4, blob->data, (int) blob->len, SQLITE_STATIC);
  return step_done (store, write, error);
}

/* A segment of @token that cannot be read loses its travellers: all of the word's
 * segments go, and the travellers whose name has the word wait in search_pending for
 * the next update (a scan of every traveller, for what should never happen). */
static gboolean
repair_word (TarmacStore  *store,
             const char   *token,
             GError      **error)
{
  g_warning ("The name index entry of “%s” was damaged: its travellers are indexed again",
             token);

  return exec_for_word (store, "DELETE FROM search_segment WHERE token = ?1", token, error) &&
         exec_for_word (store,
                        "INSERT OR IGNORE INTO search_pending (traveller_id)"
                        " SELECT id FROM traveller WHERE masked = 0"
                        " AND instr (' ' || name_key || ' ', ' ' || ?1 || ' ') > 0",
                        token, error);
}

/* Adds @run, postings of @token in order, to the index: to the word's newest segment
 * while that one is small, else as a segment of their own. @merged is scratch. */
static gboolean
add_word (TarmacStore          *store,
          const char           *token,
          const SearchPosting  *run,
          guint                 n,
          GArray               *merged,
          GByteArray           *blob,
          GError              **error)
{
  g_autoptr(TarmacCachedStmt) newest = NULL;
  g_autoptr(TarmacCachedStmt) read = NULL;
  gint64 segment = 0;
  gint64 count = 0;
  int rc;

  /* The count before the blob: SQLite reads no further than the columns asked for, so
   * a large segment's overflow pages stay on disk. */
  newest = _tarmac_store_prepare_cached (store,
                                         "SELECT segment, count FROM search_segment"
                                         " WHERE token = ?1 ORDER BY segment DESC LIMIT 1",
                                         error);
  if (newest == NULL)
    return FALSE;
  sqlite3_bind_text (newest, 1, token, -1, SQLITE_STATIC);
  rc = sqlite3_step (newest);
  if (rc == SQLITE_ROW)
    {
      segment = sqlite3_column_int64 (newest, 0);
      count = sqlite3_column_int64 (newest, 1);
    }
  else if (rc != SQLITE_DONE)
    {
      _tarmac_store_set_error (store, rc, error);
      return FALSE;
    }

  /* A word has segments exactly while it is in search_vocab: a new one fires the
   * trigger that adds its misspellings. */
  if (segment == 0 &&
      !exec_for_word (store, "INSERT OR IGNORE INTO search_vocab (token) VALUES (?1)", token,
                      error))
    return FALSE;

  if (segment == 0 || count >= APPEND_LIMIT)
    return write_segment (store, token, segment + 1, run, n, blob, error);

  read = _tarmac_store_prepare_cached (store,
                                       "SELECT postings FROM search_segment"
                                       " WHERE token = ?1 AND segment = ?2",
                                       error);
  if (read == NULL)
    return FALSE;
  sqlite3_bind_text (read, 1, token, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (read, 2, segment);
  g_array_set_size (merged, 0);
  rc = sqlite3_step (read);
  if (rc != SQLITE_ROW)
    {
      _tarmac_store_set_error (store, rc, error);
      return FALSE;
    }
  if (!_tarmac_search_postings_decode (sqlite3_column_blob (read, 0),
                                       (gsize) sqlite3_column_bytes (read, 0), merged))
    {
      g_clear_pointer (&read, _tarmac_store_release_cached);
      return repair_word (store, token, error) &&
             write_segment (store, token, 1, run, n, blob, error);
    }
  g_clear_pointer (&read, _tarmac_store_release_cached);

  /* New travellers have the largest ids: in order already, unless their flight is older
   * than one already in the segment. */
  if (merged->len > 0 &&
      _tarmac_search_posting_compare (&g_array_index (merged, SearchPosting, merged->len - 1),
                                      &run[0]) > 0)
    {
      g_array_append_vals (merged, run, n);
      g_array_sort (merged, _tarmac_search_posting_compare);
    }
  else
    g_array_append_vals (merged, run, n);

  return write_segment (store, token, segment, (const SearchPosting *) (gpointer) merged->data,
                        merged->len, blob, error);
}

/* Writes again, without them, the segments of the words of the travellers in
 * search_stale (as one segment per word), and forgets the words left without a
 * traveller. */
static gboolean
purge_stale (TarmacStore  *store,
             GByteArray   *blob,
             GError      **error)
{
  g_autoptr(TarmacCachedStmt) words = NULL;
  g_autoptr(GPtrArray) tokens = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) kept = g_array_new (FALSE, FALSE, sizeof (SearchPosting));
  int rc;

  words = _tarmac_store_prepare_cached (store, "SELECT DISTINCT token FROM search_stale",
                                        error);
  if (words == NULL)
    return FALSE;
  while ((rc = sqlite3_step (words)) == SQLITE_ROW)
    g_ptr_array_add (tokens, g_strdup ((const char *) sqlite3_column_text (words, 0)));
  sqlite3_reset (words);
  if (rc != SQLITE_DONE)
    {
      _tarmac_store_set_error (store, rc, error);
      return FALSE;
    }

  for (guint t = 0; t < tokens->len; t++)
    {
      const char *token = g_ptr_array_index (tokens, t);
      gboolean damaged;

      /* What the readers see, the stale ones left out, becomes the word's one segment. A
       * damaged word loses its segments and is forgotten: if a traveller still has it,
       * indexing that traveller again adds it back. */
      if (!_tarmac_search_postings_load (store, token, kept, &damaged, error))
        return FALSE;
      if (damaged)
        {
          if (!repair_word (store, token, error))
            return FALSE;
          g_array_set_size (kept, 0);
        }
      else if (!exec_for_word (store, "DELETE FROM search_segment WHERE token = ?1", token,
                               error))
        return FALSE;

      if (kept->len == 0)
        {
          if (!exec_for_word (store, "DELETE FROM search_vocab WHERE token = ?1", token, error))
            return FALSE;
        }
      else if (!write_segment (store, token, 1, (const SearchPosting *) (gpointer) kept->data,
                               kept->len, blob, error))
        return FALSE;
    }

  return _tarmac_store_exec (store, "DELETE FROM search_stale", error);
}

/* The travellers in search_stale, as a set of gint64. */
static GHashTable *
stale_travellers (TarmacStore  *store,
                  GError      **error)
{
  g_autoptr(TarmacCachedStmt) stmt = NULL;
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                     NULL);
  int rc;

  stmt = _tarmac_store_prepare_cached (store, "SELECT DISTINCT traveller_id FROM search_stale",
                                       error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_add (ids, g_memdup2 (&(gint64) { sqlite3_column_int64 (stmt, 0) },
                                      sizeof (gint64)));
  if (rc != SQLITE_DONE)
    {
      _tarmac_store_set_error (store, rc, error);
      return NULL;
    }
  return g_steal_pointer (&ids);
}

/* Reads back the unmasked traveller @traveller_id's name key and flight day into
 * @postings (nothing for one masked or gone). */
static gboolean
read_traveller (TarmacStore  *store,
                gint64        traveller_id,
                GArray       *postings,
                Words        *words,
                GString      *word,
                GError      **error)
{
  g_autoptr(TarmacCachedStmt) stmt = NULL;

  stmt = _tarmac_store_prepare_cached (store,
                                       "SELECT t.id, t.name_key, f.flight_date FROM traveller t"
                                       " JOIN flight f ON f.id = t.flight_id"
                                       " WHERE t.id = ?1 AND t.masked = 0",
                                       error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, traveller_id);
  return read_postings (store, stmt, postings, words, word, error);
}

/* Up to PENDING_PER_PASS travellers of search_pending, by id, taken out of it. */
static gboolean
take_pending (TarmacStore  *store,
              GArray       *ids,
              GError      **error)
{
  g_autoptr(TarmacCachedStmt) read = NULL;
  g_autoptr(TarmacCachedStmt) drop = NULL;
  int rc;

  g_array_set_size (ids, 0);
  read = _tarmac_store_prepare_cached (store,
                                       "SELECT traveller_id FROM search_pending"
                                       " ORDER BY traveller_id LIMIT ?1",
                                       error);
  if (read == NULL)
    return FALSE;
  sqlite3_bind_int (read, 1, PENDING_PER_PASS);
  while ((rc = sqlite3_step (read)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (read, 0);

      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    {
      _tarmac_store_set_error (store, rc, error);
      return FALSE;
    }
  if (ids->len == 0)
    return TRUE;

  /* The first ones in order: the range holds exactly them. */
  drop = _tarmac_store_prepare_cached (store,
                                       "DELETE FROM search_pending"
                                       " WHERE traveller_id BETWEEN ?1 AND ?2",
                                       error);
  if (drop == NULL)
    return FALSE;
  sqlite3_bind_int64 (drop, 1, g_array_index (ids, gint64, 0));
  sqlite3_bind_int64 (drop, 2, g_array_index (ids, gint64, ids->len - 1));
  return step_done (store, drop, error);
}

/* One sorted pass: the postings of @queue (may be %NULL) and of the travellers @pending,
 * written word by word. */
static gboolean
index_pass (TarmacStore  *store,
            GArray       *queue,
            GHashTable   *changed,
            GArray       *pending,
            GByteArray   *blob,
            GError      **error)
{
  g_autoptr(GArray) postings = g_array_new (FALSE, FALSE, sizeof (Posting));
  g_autoptr(GArray) sorted = NULL;
  g_autoptr(GArray) run = NULL;
  g_autoptr(GArray) merged = NULL;
  g_autoptr(GString) word = g_string_new (NULL);
  Words words;
  gboolean ok = FALSE;

  words.chunk = g_string_chunk_new (64 * 1024);
  words.numbers = g_hash_table_new (g_str_hash, g_str_equal);
  words.words = g_ptr_array_new ();

  for (guint i = 0; queue != NULL && i < queue->len; i++)
    {
      const TarmacSearchQueued *entry = &g_array_index (queue, TarmacSearchQueued, i);

      /* The writer gave what the row holds: no need to read it back, unless it was
       * renamed, masked or deleted since. */
      if (entry->name_key != NULL &&
          (changed == NULL || !g_hash_table_contains (changed, &entry->traveller_id)))
        add_postings (postings, &words, word, entry->name_key, day_of (entry->flight_date),
                      entry->traveller_id);
      else if (!read_traveller (store, entry->traveller_id, postings, &words, word, error))
        goto out;
    }
  for (guint i = 0; i < pending->len; i++)
    if (!read_traveller (store, g_array_index (pending, gint64, i), postings, &words, word,
                         error))
      goto out;

  /* Each word's postings, a run of the sorted ones, go to the index together. */
  sorted = sort_postings (postings, &words);
  run = g_array_new (FALSE, FALSE, sizeof (SearchPosting));
  merged = g_array_new (FALSE, FALSE, sizeof (SearchPosting));
  for (guint i = 0; i < sorted->len; )
    {
      const char *token = g_array_index (sorted, Posting, i).token;

      g_array_set_size (run, 0);
      for (; i < sorted->len && g_array_index (sorted, Posting, i).token == token; i++)
        g_array_append_val (run, g_array_index (sorted, Posting, i).at);
      if (!add_word (store, token, (const SearchPosting *) (gpointer) run->data, run->len,
                     merged, blob, error))
        goto out;
    }

  ok = TRUE;

out:
  g_ptr_array_unref (words.words);
  g_hash_table_unref (words.numbers);
  g_string_chunk_free (words.chunk);
  return ok;
}

/**
 * tarmac_search_index_update:
 * @store: a #TarmacStore, inside the writer's transaction
 * @error: return location for a #GError
 *
 * Indexes the travellers inserted (or renamed) since the last call, and takes those
 * deleted or renamed out. Cheap when there are none: it reads, and writes nothing, so a
 * transaction that only read stays a read. The travellers of search_pending go
 * PENDING_PER_PASS at a time, so indexing a whole database again (migration 23) takes the
 * memory of one pass, not of all of them.
 *
 * Returns: %TRUE on success
 */
gboolean
tarmac_search_index_update (TarmacStore  *store,
                            GError      **error)
{
  g_autoptr(GArray) queue = NULL;
  g_autoptr(GArray) pending = NULL;
  g_autoptr(GByteArray) blob = NULL;
  g_autoptr(GHashTable) changed = NULL;
  gboolean has_stale = FALSE;
  gboolean has_pending = FALSE;

  g_return_val_if_fail (TARMAC_IS_STORE (store), FALSE);

  blob = g_byte_array_new ();
  if (!exists (store, "SELECT EXISTS (SELECT 1 FROM search_stale)", &has_stale, error) ||
      (has_stale && !(changed = stale_travellers (store, error))) ||
      (has_stale && !purge_stale (store, blob, error)) ||
      !exists (store, "SELECT EXISTS (SELECT 1 FROM search_pending)", &has_pending, error))
    return FALSE;

  queue = _tarmac_store_take_search_queue (store);
  if (queue->len == 0 && !has_pending)
    return TRUE;
  pending = g_array_new (FALSE, FALSE, sizeof (gint64));

  /* The queue with the first pending travellers; then the rest of them, pass by pass,
   * until none is left (a damaged word's travellers, put back while a pass writes, come
   * in a later one). */
  if ((has_pending && !take_pending (store, pending, error)) ||
      !index_pass (store, queue, changed, pending, blob, error))
    return FALSE;
  for (;;)
    {
      if (!take_pending (store, pending, error))
        return FALSE;
      if (pending->len == 0)
        return TRUE;
      if (!index_pass (store, NULL, NULL, pending, blob, error))
        return FALSE;
    }
}
