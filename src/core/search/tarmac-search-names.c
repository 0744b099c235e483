/* tarmac-search-names.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-search"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "tarmac-search-private.h"
#include "tarmac-store-private.h"

/* Names through the word index (migrations 9 and 23).
 *
 * Each word of the query is expanded against the vocabulary: the word itself, the words
 * it begins (at most MAX_PREFIXES), and the words one or two letters away, found through
 * the deletion neighbourhoods in search_variant and checked with the true distance.
 * The word with the fewest postings drives: its travellers are read (newest flights
 * first), then each other word's postings are gone through, or the driver's candidates
 * looked up in them, whichever costs less. A word's postings are read from its segments
 * once per search (tarmac-search-postings.c). Travellers who have every word come first,
 * exact before prefix before fuzzy; then those with some of the words.
 *
 * Travellers a writer inserted without indexing them yet (search_pending) are compared
 * one by one, so nothing is missed while an index update is due. */

#define MAX_PREFIXES 24
#define MAX_EXPANSIONS 64
#define MAX_DRIVER_POSTINGS 60000
#define MAX_PENDING 100000

typedef struct
{
  char   *token;
  guint   quality;
  guint   distance;
  gint64  postings;
} Expansion;

typedef struct
{
  char   *word;
  GArray *expansions;     /* of Expansion */
  gint64  postings;
} QueryWord;

typedef struct
{
  gint64 day;
  gint64 id;
  guint8 quality[SEARCH_MAX_WORDS];
  guint8 distance[SEARCH_MAX_WORDS];
} Candidate;

static void
expansion_clear (gpointer data)
{
  Expansion *expansion = data;

  g_free (expansion->token);
}

static void
query_word_free (gpointer data)
{
  QueryWord *word = data;

  g_free (word->word);
  g_array_unref (word->expansions);
  g_free (word);
}

static gboolean
has_expansion (QueryWord  *word,
               const char *token)
{
  for (guint i = 0; i < word->expansions->len; i++)
    if (g_str_equal (g_array_index (word->expansions, Expansion, i).token, token))
      return TRUE;
  return FALSE;
}

static void
add_expansion (QueryWord  *word,
               const char *token,
               guint       quality,
               guint       distance)
{
  Expansion expansion = { g_strdup (token), quality, distance, 0 };

  g_array_append_val (word->expansions, expansion);
}

static int
compare_expansions (gconstpointer a,
                    gconstpointer b)
{
  const Expansion *ea = a, *eb = b;

  if (ea->quality != eb->quality)
    return ea->quality < eb->quality ? -1 : 1;
  if (ea->distance != eb->distance)
    return ea->distance < eb->distance ? -1 : 1;
  return strcmp (ea->token, eb->token);
}

typedef struct
{
  TarmacStore  *store;
  sqlite3_stmt *vocab_exact;
  sqlite3_stmt *vocab_prefix;
  sqlite3_stmt *variant;
  sqlite3_stmt *count;
  GHashTable   *postings;   /* token → GArray of SearchPosting, read once per search */
} Statements;

static void
statements_clear (Statements *s)
{
  g_clear_pointer (&s->vocab_exact, sqlite3_finalize);
  g_clear_pointer (&s->vocab_prefix, sqlite3_finalize);
  g_clear_pointer (&s->variant, sqlite3_finalize);
  g_clear_pointer (&s->count, sqlite3_finalize);
  g_clear_pointer (&s->postings, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Statements, statements_clear)

static gboolean
statements_prepare (Statements   *s,
                    TarmacStore  *store,
                    GError      **error)
{
  s->store = store;
  s->postings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       (GDestroyNotify) g_array_unref);
  return
    (s->vocab_exact = _tarmac_store_prepare (store,
                                             "SELECT 1 FROM search_vocab WHERE token = ?1",
                                             error)) != NULL &&
    (s->vocab_prefix = _tarmac_store_prepare (store,
                                              "SELECT token FROM search_vocab"
                                              " WHERE token > ?1 AND token < ?1 || char (1114111)"
                                              " ORDER BY length (token), token LIMIT ?2",
                                              error)) != NULL &&
    (s->variant = _tarmac_store_prepare (store,
                                         "SELECT token FROM search_variant WHERE variant = ?1",
                                         error)) != NULL &&
    (s->count = _tarmac_store_prepare (store,
                                       "SELECT total (count) FROM search_segment"
                                       " WHERE token = ?1",
                                       error)) != NULL;
}

/* A word's postings in (day, traveller) order, read and decoded once per search. */
static GArray *
word_postings (Statements  *s,
               const char  *token,
               GError     **error)
{
  GArray *postings = g_hash_table_lookup (s->postings, token);

  if (postings != NULL)
    return postings;

  postings = g_array_new (FALSE, FALSE, sizeof (SearchPosting));
  if (!_tarmac_search_postings_load (s->store, token, postings, NULL, error))
    {
      g_array_unref (postings);
      return NULL;
    }
  g_hash_table_insert (s->postings, g_strdup (token), postings);
  return postings;
}

static gboolean
step_error (Statements    *s,
            sqlite3_stmt  *stmt,
            int            rc,
            GError       **error)
{
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE || rc == SQLITE_ROW)
    return FALSE;
  _tarmac_store_set_error (s->store, rc, error);
  return TRUE;
}

/* The expansions of one word, best first, each with its number of postings. */
static gboolean
expand_word (Statements  *s,
             QueryWord   *word,
             gboolean     last,
             GError     **error)
{
  glong letters = g_utf8_strlen (word->word, -1);
  int rc;

  sqlite3_bind_text (s->vocab_exact, 1, word->word, -1, SQLITE_STATIC);
  rc = sqlite3_step (s->vocab_exact);
  if (rc == SQLITE_ROW)
    add_expansion (word, word->word, WORD_EXACT, 0);
  if (step_error (s, s->vocab_exact, rc, error))
    return FALSE;

  /* The last word may be half typed; an earlier word that is a whole name ("de" in
   * "de souza") stands for itself, and its beginnings would only add noise and work. */
  if (letters >= 2 && (last || word->expansions->len == 0))
    {
      sqlite3_bind_text (s->vocab_prefix, 1, word->word, -1, SQLITE_STATIC);
      sqlite3_bind_int (s->vocab_prefix, 2, MAX_PREFIXES);
      while ((rc = sqlite3_step (s->vocab_prefix)) == SQLITE_ROW)
        add_expansion (word, _tarmac_store_column_text (s->vocab_prefix, 0), WORD_PREFIX, 0);
      if (step_error (s, s->vocab_prefix, rc, error))
        return FALSE;
    }

  if (_tarmac_search_allowed_distance (letters, letters + 2) > 0)
    {
      g_autoptr(GPtrArray) variants = _tarmac_search_deletions (word->word);
      g_autoptr(GArray) fuzzy = g_array_new (FALSE, FALSE, sizeof (Expansion));

      g_array_set_clear_func (fuzzy, expansion_clear);
      for (guint i = 0; i < variants->len; i++)
        {
          sqlite3_bind_text (s->variant, 1, variants->pdata[i], -1, SQLITE_STATIC);
          while ((rc = sqlite3_step (s->variant)) == SQLITE_ROW)
            {
              const char *token = _tarmac_store_column_text (s->variant, 0);
              gboolean seen = has_expansion (word, token);
              guint distance = 0;

              for (guint j = 0; j < fuzzy->len && !seen; j++)
                seen = g_str_equal (g_array_index (fuzzy, Expansion, j).token, token);
              if (seen ||
                  _tarmac_search_compare_words (word->word, token, &distance) != WORD_FUZZY)
                continue;

              {
                Expansion expansion = { g_strdup (token), WORD_FUZZY, distance, 0 };
                g_array_append_val (fuzzy, expansion);
              }
            }
          if (step_error (s, s->variant, rc, error))
            return FALSE;
        }

      g_array_sort (fuzzy, compare_expansions);
      for (guint i = 0; i < fuzzy->len && word->expansions->len < MAX_EXPANSIONS; i++)
        {
          Expansion *expansion = &g_array_index (fuzzy, Expansion, i);
          add_expansion (word, expansion->token, WORD_FUZZY, expansion->distance);
        }
    }

  g_array_sort (word->expansions, compare_expansions);

  for (guint i = 0; i < word->expansions->len; i++)
    {
      Expansion *expansion = &g_array_index (word->expansions, Expansion, i);

      /* The segments' counts, stale postings included: an estimate is all the plan needs. */
      sqlite3_bind_text (s->count, 1, expansion->token, -1, SQLITE_STATIC);
      rc = sqlite3_step (s->count);
      if (rc == SQLITE_ROW)
        expansion->postings = sqlite3_column_int64 (s->count, 0);
      if (step_error (s, s->count, rc, error))
        return FALSE;
      word->postings += expansion->postings;
    }

  return TRUE;
}

static int
compare_words (gconstpointer a,
               gconstpointer b)
{
  const QueryWord *wa = *(QueryWord * const *) a;
  const QueryWord *wb = *(QueryWord * const *) b;

  return wa->postings < wb->postings ? -1 : wa->postings > wb->postings ? 1 : 0;
}

static Candidate *
candidate_new (gint64 day,
               gint64 id)
{
  Candidate *candidate = g_new (Candidate, 1);

  candidate->day = day;
  candidate->id = id;
  memset (candidate->quality, WORD_NONE, sizeof candidate->quality);
  memset (candidate->distance, 0, sizeof candidate->distance);

  return candidate;
}

static void
candidate_mark (Candidate *candidate,
                guint      word_index,
                guint      quality,
                guint      distance)
{
  if (quality < candidate->quality[word_index] ||
      (quality == candidate->quality[word_index] && distance < candidate->distance[word_index]))
    {
      candidate->quality[word_index] = quality;
      candidate->distance[word_index] = distance;
    }
}

/* Reads the driver word's travellers into @candidates (id → Candidate). */
static gboolean
read_driver (Statements   *s,
             QueryWord    *word,
             guint         word_index,
             gint64        per_expansion,
             GHashTable   *candidates,
             GError      **error)
{
  for (guint i = 0; i < word->expansions->len; i++)
    {
      Expansion *expansion = &g_array_index (word->expansions, Expansion, i);
      GArray *postings;
      gint64 taken = 0;

      /* Expansions come best first: the worse ones stop at the bound. */
      if (g_hash_table_size (candidates) >= MAX_DRIVER_POSTINGS)
        break;

      if ((postings = word_postings (s, expansion->token, error)) == NULL)
        return FALSE;
      /* Newest flights first. */
      for (guint j = postings->len; j > 0 && taken < per_expansion; j--, taken++)
        {
          const SearchPosting *posting = &g_array_index (postings, SearchPosting, j - 1);
          gint64 id = posting->traveller_id;
          Candidate *candidate = g_hash_table_lookup (candidates, &id);

          if (candidate == NULL)
            {
              candidate = candidate_new (posting->day, id);
              g_hash_table_insert (candidates, &candidate->id, candidate);
            }
          candidate_mark (candidate, word_index, expansion->quality, expansion->distance);
        }
    }

  return TRUE;
}

/* Marks the candidates that also have @word, going through its postings or looking each
 * candidate up in them, whichever costs less. */
static gboolean
match_word (Statements   *s,
            QueryWord    *word,
            guint         word_index,
            GHashTable   *candidates,
            GError      **error)
{
  guint n_candidates = g_hash_table_size (candidates);

  for (guint i = 0; i < word->expansions->len; i++)
    {
      Expansion *expansion = &g_array_index (word->expansions, Expansion, i);
      GArray *postings = word_postings (s, expansion->token, error);

      if (postings == NULL)
        return FALSE;

      /* A binary search takes a few steps: count it as a few postings gone through. */
      if (postings->len <= n_candidates * 4)
        {
          for (guint j = 0; j < postings->len; j++)
            {
              gint64 id = g_array_index (postings, SearchPosting, j).traveller_id;
              Candidate *candidate = g_hash_table_lookup (candidates, &id);

              if (candidate != NULL)
                candidate_mark (candidate, word_index, expansion->quality,
                                expansion->distance);
            }
        }
      else
        {
          GHashTableIter iter;
          Candidate *candidate;

          g_hash_table_iter_init (&iter, candidates);
          while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &candidate))
            {
              SearchPosting key = { candidate->day, candidate->id };

              if (candidate->quality[word_index] <= expansion->quality)
                continue;
              if (bsearch (&key, postings->data, postings->len, sizeof (SearchPosting),
                           _tarmac_search_posting_compare) != NULL)
                candidate_mark (candidate, word_index, expansion->quality,
                                expansion->distance);
            }
        }
    }

  return TRUE;
}

/* Travellers not indexed yet, compared word by word. */
static gboolean
match_pending (TarmacStore  *store,
               GPtrArray    *words,
               GHashTable   *candidates,
               GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = _tarmac_store_prepare (store,
                                "SELECT CAST (replace (f.flight_date, '-', '') AS INTEGER),"
                                " t.id, t.name_key"
                                " FROM search_pending p"
                                " CROSS JOIN traveller t ON t.id = p.traveller_id"
                                " JOIN flight f ON f.id = t.flight_id"
                                " WHERE t.masked = 0 LIMIT ?1",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, MAX_PENDING);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_auto(GStrv) name_words = g_strsplit (_tarmac_store_column_text (stmt, 2), " ", -1);
      gint64 id = sqlite3_column_int64 (stmt, 1);
      Candidate *candidate = NULL;

      for (guint w = 0; w < words->len; w++)
        {
          QueryWord *word = g_ptr_array_index (words, w);

          for (guint n = 0; name_words[n] != NULL; n++)
            {
              guint distance = 0;
              guint quality;

              if (*name_words[n] == '\0')
                continue;
              quality = _tarmac_search_compare_words (word->word, name_words[n], &distance);
              if (quality == WORD_NONE)
                continue;
              if (candidate == NULL && !(candidate = g_hash_table_lookup (candidates, &id)))
                {
                  candidate = candidate_new (sqlite3_column_int64 (stmt, 0), id);
                  g_hash_table_insert (candidates, &candidate->id, candidate);
                }
              candidate_mark (candidate, w, quality, distance);
            }
        }
    }

  if (rc != SQLITE_DONE)
    {
      _tarmac_store_set_error (store, rc, error);
      return FALSE;
    }

  return TRUE;
}

static void
add_candidate_hit (Candidate  *candidate,
                   guint       n_words,
                   SearchHits *hits)
{
  SearchHit hit = { 0, };
  gboolean prefix = FALSE;

  hit.traveller_id = candidate->id;
  hit.day = candidate->day;
  hit.words_total = n_words;

  for (guint w = 0; w < n_words; w++)
    {
      if (candidate->quality[w] == WORD_NONE)
        continue;
      hit.words_matched++;
      hit.distance += candidate->distance[w];
      prefix |= candidate->quality[w] == WORD_PREFIX;
    }

  if (hit.words_matched == 0)
    return;

  if (hit.words_matched < n_words)
    {
      hit.match = TARMAC_SEARCH_MATCH_NAME_PARTIAL;
      hit.tier = SEARCH_TIER_NAME_PARTIAL + (n_words - hit.words_matched - 1);
    }
  else if (hit.distance > 0)
    {
      hit.match = TARMAC_SEARCH_MATCH_NAME_FUZZY;
      hit.tier = SEARCH_TIER_NAME_FUZZY + MIN (hit.distance, 3) - 1;
    }
  else if (prefix)
    {
      hit.match = TARMAC_SEARCH_MATCH_NAME_PREFIX;
      hit.tier = SEARCH_TIER_NAME_PREFIX;
    }
  else
    {
      hit.match = TARMAC_SEARCH_MATCH_NAME;
      hit.tier = SEARCH_TIER_NAME;
    }

  _tarmac_search_hits_add (hits, &hit);
}

/**
 * _tarmac_search_names:
 * @store: the store to read
 * @name_key: the query folded by tarmac_name_key()
 * @limit: how many results the caller shows
 * @cancellable: (nullable): checked between steps
 * @hits: where the travellers found go
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
_tarmac_search_names (TarmacStore   *store,
                      const char    *name_key,
                      guint          limit,
                      GCancellable  *cancellable,
                      SearchHits    *hits,
                      GError       **error)
{
  g_auto(Statements) s = { 0, };
  g_auto(GStrv) split = g_strsplit (name_key, " ", -1);
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (query_word_free);
  g_autoptr(GPtrArray) driving = g_ptr_array_new ();
  g_autoptr(GHashTable) candidates = NULL;
  GHashTableIter iter;
  Candidate *candidate;

  if (!statements_prepare (&s, store, error))
    return FALSE;

  for (guint i = 0; split[i] != NULL && words->len < SEARCH_MAX_WORDS; i++)
    {
      QueryWord *word;
      gboolean repeated = FALSE;

      if (*split[i] == '\0' || g_utf8_strlen (split[i], -1) > 64)
        continue;
      for (guint j = 0; j < words->len; j++)
        repeated |= g_str_equal (((QueryWord *) words->pdata[j])->word, split[i]);
      if (repeated)
        continue;

      word = g_new0 (QueryWord, 1);
      word->word = g_strdup (split[i]);
      word->expansions = g_array_new (FALSE, FALSE, sizeof (Expansion));
      g_array_set_clear_func (word->expansions, expansion_clear);
      g_ptr_array_add (words, word);

      if (!expand_word (&s, word, split[i + 1] == NULL, error))
        return FALSE;
      if (word->expansions->len > 0)
        g_ptr_array_add (driving, word);
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  candidates = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_free);

  if (driving->len > 0)
    {
      QueryWord *driver;
      guint driver_index = 0;
      gint64 per_expansion;

      g_ptr_array_sort (driving, compare_words);
      driver = g_ptr_array_index (driving, 0);
      for (guint w = 0; w < words->len; w++)
        if (words->pdata[w] == driver)
          driver_index = w;

      /* One word: the newest @limit of each expansion hold the best @limit overall.
       * Several: every traveller of the driver, up to a bound that keeps the search
       * interactive on the commonest names (the newest flights are read first). */
      per_expansion = driving->len == 1 && words->len == 1 ? limit : MAX_DRIVER_POSTINGS;
      if (!read_driver (&s, driver, driver_index, per_expansion, candidates, error))
        return FALSE;

      for (guint i = 1; i < driving->len; i++)
        {
          QueryWord *word = g_ptr_array_index (driving, i);
          guint word_index = 0;

          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            return FALSE;
          for (guint w = 0; w < words->len; w++)
            if (words->pdata[w] == word)
              word_index = w;
          if (!match_word (&s, word, word_index, candidates, error))
            return FALSE;
        }

      /* Travellers with another word but not the driver's rank after those with all
       * the words: the newest few of each word are enough to fill the list. */
      for (guint i = 1; i < driving->len; i++)
        {
          QueryWord *word = g_ptr_array_index (driving, i);

          for (guint w = 0; w < words->len; w++)
            if (words->pdata[w] == word &&
                !read_driver (&s, word, w, limit, candidates, error))
              return FALSE;
        }
    }

  if (!match_pending (store, words, candidates, error))
    return FALSE;

  g_hash_table_iter_init (&iter, candidates);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &candidate))
    add_candidate_hit (candidate, words->len, hits);

  return TRUE;
}
