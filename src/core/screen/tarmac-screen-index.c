/* tarmac-screen-index.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-screen-index"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "tarmac-name-compare.h"
#include "tarmac-screen-index-private.h"
#include "tarmac-store-private.h"

/*
 * The candidate index (research/screening.md §3.2, §6.3), in memory.
 *
 * Every distinct word of every list name is analysed once (tarmac-name.c) into the
 * vocabulary, which keeps how many names use it (its rarity) and, after
 * tarmac_screen_index_finish(), the names that use it. A sorted array of 64-bit keys maps
 * to vocabulary words: each Latin form, the consonant skeleton, the phonetic key, the name
 * family, and the one-letter deletions of the first form (SymSpell: a query word finds
 * every list word one edit away through the deletions they share). Document numbers have
 * their own keys, exact and with OCR confusions folded.
 *
 * A query looks up its words' keys, adds each matching word's rarity to the names that
 * use it — rarest words first, and words too common to narrow anything down only raise
 * names already found — and scores the best few hundred names in full.
 */


static guint64
key_hash (char        kind,
          const char *text,
          gsize       length)
{
  guint64 hash = 14695981039346656037ULL;

  hash = (hash ^ (guchar) kind) * 1099511628211ULL;
  for (gsize i = 0; i < length; i++)
    hash = (hash ^ (guchar) text[i]) * 1099511628211ULL;
  return hash;
}

static int
compare_key_posts (gconstpointer a,
                   gconstpointer b)
{
  const KeyPost *x = a, *y = b;

  if (x->key != y->key)
    return x->key < y->key ? -1 : 1;
  return x->value < y->value ? -1 : (x->value > y->value);
}

/* The keys of one word, through @emit: its forms, skeleton (and its other readings),
 * phonetic key, family and the deletions of its first form. */
typedef void (*EmitKey) (guint64  key,
                         char     kind,
                         gpointer data);

/* @form with the letters OCR takes for one another folded together (l → i, v → u,
 * b → h, c → e), and with @shapes its two-letter shapes too (rn → m, cl → d, vv → w), in
 * @out (as long as @form at most). */
static gsize
ocr_fold (const char *form,
          gsize       length,
          gboolean    shapes,
          char       *out)
{
  gsize n = 0;

  for (gsize i = 0; i < length; i++)
    {
      char c = form[i], d = i + 1 < length ? form[i + 1] : '\0';

      if (shapes && ((c == 'r' && d == 'n') || (c == 'c' && d == 'l') || (c == 'v' && d == 'v')))
        {
          out[n++] = c == 'r' ? 'm' : c == 'c' ? 'd' : 'w';
          i++;
          continue;
        }
      switch (c)
        {
        case 'l': c = 'i'; break;
        case 'v': c = 'u'; break;
        case 'b': c = 'h'; break;
        case 'c': c = 'e'; break;
        default: break;
        }
      out[n++] = c;
    }
  return n;
}

static void
word_keys (const TarmacNameToken *token,
           EmitKey                emit,
           gpointer               data)
{
  const char *form = token->forms[0];
  gsize length = strlen (form);

  for (guint i = 0; i < token->n_forms; i++)
    if (token->forms[i][0] != '\0')
      emit (key_hash ('x', token->forms[i], strlen (token->forms[i])), 'x', data);
  if (strlen (token->skeleton) >= 2)
    emit (key_hash ('s', token->skeleton, strlen (token->skeleton)), 's', data);
  for (guint i = 0; i < token->n_readings; i++)
    if (strlen (token->readings[i]) >= 2)
      emit (key_hash ('s', token->readings[i], strlen (token->readings[i])), 's', data);
  if (strlen (token->phonetic) >= 2)
    emit (key_hash ('p', token->phonetic, strlen (token->phonetic)), 'p', data);
  if (token->family != 0)
    {
      char family[16];
      int n = g_snprintf (family, sizeof family, "%u", token->family);

      emit (key_hash ('f', family, n), 'f', data);
    }

  /* Words of three letters or less match exactly or not at all (the comparator's edit
   * budget is zero there), so they need no deletions. The deletions are those of the form
   * with OCR's look-alike letters folded (a word one edit away is so still, and one
   * misread letter more is not another word), and the form with OCR's shapes folded too
   * is a key of its own ("sharnsuddin" finds "shamsuddin"). */
  if (length >= 4 && length <= 32)
    {
      char folded[32], shaped[32], deleted[32];
      gsize shaped_length;

      length = ocr_fold (form, length, FALSE, folded);
      emit (key_hash ('d', folded, length), 'd', data);
      for (gsize i = 0; i < length; i++)
        {
          memcpy (deleted, folded, i);
          memcpy (deleted + i, folded + i + 1, length - i - 1);
          emit (key_hash ('d', deleted, length - 1), 'd', data);
        }
      shaped_length = ocr_fold (form, strlen (form), TRUE, shaped);
      if (shaped_length != length || memcmp (shaped, folded, length) != 0)
        emit (key_hash ('d', shaped, shaped_length), 'd', data);
    }
}

/* Document numbers: exact, and with the OCR and keying confusions folded (O/0, I/1, S/5,
 * B/8, Z/2) and leading zeros dropped, for near misses. */
static char *
document_fuzzy_key (const char *normalised)
{
  GString *out = g_string_new (NULL);

  for (const char *p = normalised; *p != '\0'; p++)
    {
      char c = *p;

      switch (c)
        {
        case 'O': case 'Q': case 'D': c = '0'; break;
        case 'I': case 'L': c = '1'; break;
        case 'S': c = '5'; break;
        case 'B': c = '8'; break;
        case 'Z': c = '2'; break;
        default: break;
        }
      if (c == '0' && out->len == 0)
        continue;
      g_string_append_c (out, c);
    }
  return g_string_free (out, FALSE);
}

/* How many indexes exist, for the tests: every index built is freed once, however many
 * threads shared it. */
static int n_alive;

static void
scratch_free (MatchScratch *scratch)
{
  g_free (scratch->names);
  g_free (scratch->word_stamp);
  g_free (scratch->word_hit);
  g_free (scratch);
}

/* A scratch space for one match: a free one from the pool, or a new one. It comes back
 * zeroed where it counts (evidence), and with stamps that only grow. */
MatchScratch *
_tarmac_screen_index_take_scratch (TarmacScreenIndex *self)
{
  MatchScratch *scratch = NULL;

  g_mutex_lock (&self->pool_lock);
  if (self->scratch_pool->len > 0)
    scratch = g_ptr_array_steal_index_fast (self->scratch_pool, self->scratch_pool->len - 1);
  g_mutex_unlock (&self->pool_lock);

  if (scratch == NULL)
    {
      scratch = g_new0 (MatchScratch, 1);
      scratch->names = g_new0 (NameScratch, MAX (self->names->len, 1));
      scratch->word_stamp = g_new0 (guint32, MAX (self->vocab->len, 1));
      scratch->word_hit = g_new0 (guint32, MAX (self->vocab->len, 1));
    }
  return scratch;
}

void
_tarmac_screen_index_return_scratch (TarmacScreenIndex *self,
                                     MatchScratch      *scratch)
{
  g_mutex_lock (&self->pool_lock);
  g_ptr_array_add (self->scratch_pool, scratch);
  g_mutex_unlock (&self->pool_lock);
}

TarmacScreenIndex *
tarmac_screen_index_new (void)
{
  TarmacScreenIndex *self = g_new0 (TarmacScreenIndex, 1);

  self->vocab_by_text = g_hash_table_new (g_str_hash, g_str_equal);
  self->vocab = g_ptr_array_new ();
  self->names = g_array_new (FALSE, TRUE, sizeof (IndexedName));
  self->name_tokens = g_array_new (FALSE, FALSE, sizeof (guint32));
  self->entries = g_array_new (FALSE, TRUE, sizeof (IndexedEntry));
  self->strings = g_string_chunk_new (1 << 20);
  self->keys = g_array_new (FALSE, FALSE, sizeof (KeyPost));
  self->documents = g_array_new (FALSE, FALSE, sizeof (KeyPost));
  self->entry_documents = g_ptr_array_new_with_free_func (g_free);
  g_mutex_init (&self->pool_lock);
  self->scratch_pool = g_ptr_array_new ();
  g_atomic_int_inc (&n_alive);
  return self;
}

void
tarmac_screen_index_free (TarmacScreenIndex *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->vocab_by_text);
  for (guint i = 0; i < self->vocab->len; i++)
    {
      Vocab *vocab = g_ptr_array_index (self->vocab, i);

      tarmac_name_token_free (vocab->token);
      g_free (vocab);
    }
  g_ptr_array_unref (self->vocab);
  for (guint i = 0; i < self->entries->len; i++)
    g_free (g_array_index (self->entries, IndexedEntry, i).dobs);
  g_array_unref (self->names);
  g_array_unref (self->name_tokens);
  g_array_unref (self->entries);
  g_string_chunk_free (self->strings);
  g_array_unref (self->keys);
  g_array_unref (self->documents);
  g_ptr_array_unref (self->entry_documents);
  g_free (self->postings);
  for (guint i = 0; i < self->scratch_pool->len; i++)
    scratch_free (g_ptr_array_index (self->scratch_pool, i));
  g_ptr_array_unref (self->scratch_pool);
  g_mutex_clear (&self->pool_lock);
  g_free (self);
  g_atomic_int_add (&n_alive, -1);
}

static guint32
intern_word (TarmacScreenIndex *self,
             const char        *word)
{
  gpointer found = g_hash_table_lookup (self->vocab_by_text, word);
  Vocab *vocab;

  if (found != NULL)
    return GPOINTER_TO_UINT (found) - 1;

  vocab = g_new0 (Vocab, 1);
  vocab->token = tarmac_name_token_new (word);
  g_ptr_array_add (self->vocab, vocab);
  g_hash_table_insert (self->vocab_by_text, vocab->token->text,
                       GUINT_TO_POINTER (self->vocab->len));
  return self->vocab->len - 1;
}

/**
 * tarmac_screen_index_add_entry:
 * @entry_id: the entry's row id, or 0 for an entry that is not stored
 *
 * Adds @entry's names, DOB forms, nationalities, sex and documents to the index. Call
 * tarmac_screen_index_finish() once all are added.
 */
void
tarmac_screen_index_add_entry (TarmacScreenIndex          *self,
                               const TarmacWatchlistEntry *entry,
                               gint64                      entry_id,
                               const char                 *list_name,
                               gint64                      watchlist_id)
{
  IndexedEntry indexed = { 0 };
  guint32 entry_index = self->entries->len;
  GString *nationalities = g_string_new (NULL);

  g_return_if_fail (!self->finished);

  indexed.entry_id = entry_id;
  indexed.watchlist_id = watchlist_id;
  indexed.external_id = g_string_chunk_insert_const (self->strings,
                                                     entry->external_id ? entry->external_id : "");
  indexed.list_name = g_string_chunk_insert_const (self->strings, list_name ? list_name : "");
  indexed.kind = g_string_chunk_insert_const (self->strings, entry->kind);
  indexed.sex = entry->sex != NULL ? entry->sex[0] : '\0';
  for (guint i = 0; i < entry->nationalities->len; i++)
    g_string_append_printf (nationalities, "%s%s", i > 0 ? "|" : "",
                            (const char *) g_ptr_array_index (entry->nationalities, i));
  indexed.nationalities = g_string_chunk_insert_const (self->strings, nationalities->str);
  g_string_free (nationalities, TRUE);
  indexed.n_dobs = MIN (entry->dobs->len, 255);
  indexed.dobs = g_memdup2 (entry->dobs->data, indexed.n_dobs * sizeof (TarmacDob));
  indexed.first_name = self->names->len;

  for (guint i = 0; i < entry->names->len; i++)
    {
      const TarmacWatchlistName *name = g_ptr_array_index (entry->names, i);
      g_autoptr(GPtrArray) words = tarmac_name_split (name->name);
      IndexedName indexed_name = { 0 };

      if (words->len == 0)
        continue;
      indexed_name.entry = entry_index;
      indexed_name.first_token = self->name_tokens->len;
      indexed_name.n_tokens = words->len;
      indexed_name.quality = name->quality;
      indexed_name.text = g_string_chunk_insert (self->strings, name->name);

      for (guint w = 0; w < words->len; w++)
        {
          guint32 vid = intern_word (self, g_ptr_array_index (words, w));
          Vocab *vocab = g_ptr_array_index (self->vocab, vid);
          gboolean repeated = FALSE;

          for (guint k = 0; k < w; k++)
            repeated |= g_array_index (self->name_tokens, guint32,
                                       indexed_name.first_token + k) == vid;
          if (!repeated)
            vocab->df++;
          g_array_append_val (self->name_tokens, vid);
        }
      g_array_append_val (self->names, indexed_name);
      indexed.n_names++;
    }

  for (guint i = 0; i < entry->documents->len; i++)
    {
      const TarmacWatchlistDocument *document = g_ptr_array_index (entry->documents, i);
      g_autofree char *fuzzy = document_fuzzy_key (document->number_normalised);
      KeyPost exact = { key_hash ('N', document->number_normalised,
                                  strlen (document->number_normalised)), entry_index };
      KeyPost near = { key_hash ('F', fuzzy, strlen (fuzzy)), entry_index };

      g_array_append_val (self->documents, exact);
      if (strlen (fuzzy) >= 4)
        g_array_append_val (self->documents, near);
    }
  if (entry->documents->len > 0)
    {
      GString *text = g_string_new (NULL);

      for (guint i = 0; i < entry->documents->len; i++)
        {
          const TarmacWatchlistDocument *document = g_ptr_array_index (entry->documents, i);

          g_string_append_printf (text, "%s%s", i > 0 ? "|" : "", document->number_normalised);
        }
      indexed.documents = g_string_chunk_insert (self->strings, text->str);
      g_string_free (text, TRUE);
    }

  g_array_append_val (self->entries, indexed);
}

typedef struct
{
  GArray  *keys;
  guint32  vid;
} EmitData;

static void
emit_index_key (guint64  key,
                char     kind,
                gpointer user_data)
{
  EmitData *data = user_data;
  KeyPost post = { key, data->vid };

  g_array_append_val (data->keys, post);
}

/**
 * tarmac_screen_index_finish:
 *
 * Computes rarity weights, posting lists and the sorted key arrays. The index answers
 * matches from then on and takes no more entries.
 */
void
tarmac_screen_index_finish (TarmacScreenIndex *self)
{
  guint n_names = self->names->len;
  double max_idf = log ((double) n_names + 2.0);
  guint32 *fill;

  g_return_if_fail (!self->finished);

  /* Rarity: an idf over the list's names, mapped into [0.5, 1.5]; particles and initials
   * keep the comparator's low weights. */
  for (guint v = 0; v < self->vocab->len; v++)
    {
      Vocab *vocab = g_ptr_array_index (self->vocab, v);
      double idf = log (((double) n_names + 2.0) / ((double) vocab->df + 1.0));

      vocab->weight = 0.5f + (float) (MAX (idf, 0.0) / max_idf);
      if (vocab->token->flags & TARMAC_NAME_TOKEN_PARTICLE)
        vocab->weight = 0.2f;
      else if (vocab->token->flags & TARMAC_NAME_TOKEN_INITIAL)
        vocab->weight = 0.3f;
    }

  /* Postings: the names of each word, in name order. */
  {
    guint32 offset = 0;

    for (guint v = 0; v < self->vocab->len; v++)
      {
        Vocab *vocab = g_ptr_array_index (self->vocab, v);

        vocab->post_offset = offset;
        offset += vocab->df;
      }
    self->postings = g_new (guint32, MAX (offset, 1));
    fill = g_new0 (guint32, MAX (self->vocab->len, 1));
    for (guint n = 0; n < n_names; n++)
      {
        const IndexedName *name = &g_array_index (self->names, IndexedName, n);

        for (guint k = 0; k < name->n_tokens; k++)
          {
            guint32 vid = g_array_index (self->name_tokens, guint32, name->first_token + k);
            Vocab *vocab = g_ptr_array_index (self->vocab, vid);

            if (fill[vid] > 0 && self->postings[vocab->post_offset + fill[vid] - 1] == n)
              continue;
            if (fill[vid] < vocab->df)
              self->postings[vocab->post_offset + fill[vid]++] = n;
          }
      }
    for (guint v = 0; v < self->vocab->len; v++)
      ((Vocab *) g_ptr_array_index (self->vocab, v))->post_length = fill[v];
    g_free (fill);
  }

  for (guint v = 0; v < self->vocab->len; v++)
    {
      EmitData data = { self->keys, v };

      word_keys (((Vocab *) g_ptr_array_index (self->vocab, v))->token, emit_index_key, &data);
    }
  g_array_sort (self->keys, compare_key_posts);
  g_array_sort (self->documents, compare_key_posts);

  self->finished = TRUE;
}

guint
tarmac_screen_index_get_n_names (TarmacScreenIndex *self)
{
  return self->names->len;
}

guint
tarmac_screen_index_get_n_entries (TarmacScreenIndex *self)
{
  return self->entries->len;
}

/* How many indexes are built and not freed yet, in the whole process. */
guint
_tarmac_screen_index_get_n_alive (void)
{
  return (guint) g_atomic_int_get (&n_alive);
}

guint
_tarmac_screen_index_get_n_words (TarmacScreenIndex *self)
{
  return self->vocab->len;
}

/* The first position of @key in a sorted KeyPost array, and how many follow. */
guint
_tarmac_screen_index_lookup (GArray  *keys,
                             guint64  key,
                             guint   *count)
{
  const KeyPost *posts = (const KeyPost *) keys->data;
  guint lo = 0, hi = keys->len, first;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (posts[mid].key < key)
        lo = mid + 1;
      else
        hi = mid;
    }
  first = lo;
  while (lo < keys->len && posts[lo].key == key)
    lo++;
  *count = lo - first;
  return first;
}

guint64
_tarmac_screen_key_hash (char        kind,
                         const char *text)
{
  return key_hash (kind, text, strlen (text));
}

char *
_tarmac_screen_document_fuzzy_key (const char *normalised)
{
  return document_fuzzy_key (normalised);
}

void
_tarmac_screen_word_keys (const TarmacNameToken *token,
                          void                 (*emit) (guint64  key,
                                                        char     kind,
                                                        gpointer data),
                          gpointer               data)
{
  word_keys (token, emit, data);
}

/* Loading from the database --------------------------------------------------------- */

static TarmacWatchlistEntry *
lookup_entry (GHashTable *entries,
              gint64      id)
{
  return g_hash_table_lookup (entries, &id);
}

/**
 * tarmac_screen_index_load:
 * @store: the store
 *
 * Builds the index over every entry of the enabled lists that has not expired.
 *
 * Returns: (transfer full): the finished index, or %NULL with @error set
 */
TarmacScreenIndex *
tarmac_screen_index_load (TarmacStore  *store,
                          GError      **error)
{
  return _tarmac_screen_index_load_filtered (store, FALSE, error);
}

/* With @persons_only, the people of the person lists alone: what travellers are screened
 * against (tarmac-screener.c). Entities are not travellers, and stolen documents are
 * compared by number, not through a name index a million numbers would swell. */
TarmacScreenIndex *
_tarmac_screen_index_load_filtered (TarmacStore  *store,
                                    gboolean      persons_only,
                                    GError      **error)
{
  g_autoptr(TarmacScreenIndex) self = tarmac_screen_index_new ();
  g_autoptr(GHashTable) entries = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                         (GDestroyNotify) tarmac_watchlist_entry_free);
  g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GHashTable) lists = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                       g_free);
  g_autoptr(GHashTable) entry_lists = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                             g_free, NULL);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = _tarmac_store_now ();
  int rc;

#define ENABLED_ENTRIES \
  " FROM watchlist_entry e JOIN watchlist w ON w.id = e.watchlist_id" \
  " WHERE w.enabled = 1 AND (e.expires_at IS NULL OR e.expires_at >= substr (?1, 1, 10))" \
  " AND (?2 = 0 OR (w.kind <> 'documents' AND e.kind = 'person'))"

  stmt = _tarmac_store_prepare (store,
                                "SELECT e.id, e.watchlist_id, w.name, e.external_id, e.kind,"
                                " e.sex, e.nationalities" ENABLED_ENTRIES " ORDER BY e.id",
                                error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, persons_only);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      gint64 list = sqlite3_column_int64 (stmt, 1);
      TarmacWatchlistEntry *entry = tarmac_watchlist_entry_new (_tarmac_store_column_text (stmt, 3),
                                                                _tarmac_store_column_text (stmt, 4));
      const char *sex = _tarmac_store_column_text (stmt, 5);
      const char *nationalities = _tarmac_store_column_text (stmt, 6);

      if (sex != NULL && sex[0] != '\0')
        entry->sex = g_strdup (sex);
      if (nationalities != NULL && nationalities[0] != '\0')
        {
          g_auto(GStrv) codes = g_strsplit (nationalities, "|", 32);

          for (guint i = 0; codes[i] != NULL; i++)
            g_ptr_array_add (entry->nationalities, g_strdup (codes[i]));
        }
      g_hash_table_insert (entries, g_memdup2 (&id, sizeof id), entry);
      g_hash_table_insert (entry_lists, g_memdup2 (&id, sizeof id), GINT_TO_POINTER ((int) list));
      if (!g_hash_table_contains (lists, &list))
        g_hash_table_insert (lists, g_memdup2 (&list, sizeof list),
                             g_strdup (_tarmac_store_column_text (stmt, 2)));
      g_array_append_val (order, id);
    }
  if (rc != SQLITE_DONE)
    {
      _tarmac_store_set_error (store, rc, error);
      return NULL;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = _tarmac_store_prepare (store,
                                "SELECT n.entry_id, n.name, n.quality FROM watchlist_name n"
                                " WHERE n.entry_id IN (SELECT e.id" ENABLED_ENTRIES ")"
                                " ORDER BY n.entry_id, n.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, persons_only);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TarmacWatchlistEntry *entry = lookup_entry (entries, sqlite3_column_int64 (stmt, 0));
      const char *quality = _tarmac_store_column_text (stmt, 2);
      TarmacWatchlistName *name;

      if (entry == NULL)
        continue;
      /* Stored names are added as they are: no second cleaning or deduplication. */
      name = g_new0 (TarmacWatchlistName, 1);
      name->name = g_strdup (_tarmac_store_column_text (stmt, 1));
      name->quality = g_str_equal (quality, "primary") ? TARMAC_NAME_QUALITY_PRIMARY
                      : g_str_equal (quality, "weak") ? TARMAC_NAME_QUALITY_WEAK
                                                      : TARMAC_NAME_QUALITY_STRONG;
      g_ptr_array_add (entry->names, name);
    }
  if (rc != SQLITE_DONE)
    {
      _tarmac_store_set_error (store, rc, error);
      return NULL;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = _tarmac_store_prepare (store,
                                "SELECT entry_id, kind, year_from, year_to, coalesce (month, 0),"
                                " coalesce (day, 0) FROM watchlist_dob ORDER BY entry_id, id",
                                error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TarmacWatchlistEntry *entry = lookup_entry (entries, sqlite3_column_int64 (stmt, 0));
      const char *kind = _tarmac_store_column_text (stmt, 1);
      TarmacDob dob = { 0 };

      if (entry == NULL)
        continue;
      dob.kind = g_str_equal (kind, "exact") ? TARMAC_DOB_EXACT
                 : g_str_equal (kind, "month") ? TARMAC_DOB_MONTH
                 : g_str_equal (kind, "approximate") ? TARMAC_DOB_APPROXIMATE
                 : g_str_equal (kind, "range") ? TARMAC_DOB_RANGE : TARMAC_DOB_YEAR;
      dob.year_from = sqlite3_column_int (stmt, 2);
      dob.year_to = sqlite3_column_int (stmt, 3);
      dob.month = sqlite3_column_int (stmt, 4);
      dob.day = sqlite3_column_int (stmt, 5);
      g_array_append_val (entry->dobs, dob);
    }
  if (rc != SQLITE_DONE)
    {
      _tarmac_store_set_error (store, rc, error);
      return NULL;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = _tarmac_store_prepare (store,
                                "SELECT entry_id, type, number, issuing_country"
                                " FROM watchlist_document ORDER BY entry_id, id", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TarmacWatchlistEntry *entry = lookup_entry (entries, sqlite3_column_int64 (stmt, 0));

      if (entry != NULL)
        tarmac_watchlist_entry_add_document (entry, _tarmac_store_column_text (stmt, 1),
                                             _tarmac_store_column_text (stmt, 2),
                                             _tarmac_store_column_text (stmt, 3));
    }
  if (rc != SQLITE_DONE)
    {
      _tarmac_store_set_error (store, rc, error);
      return NULL;
    }
#undef ENABLED_ENTRIES

  for (guint i = 0; i < order->len; i++)
    {
      gint64 id = g_array_index (order, gint64, i);
      gint64 list = GPOINTER_TO_INT (g_hash_table_lookup (entry_lists, &id));

      tarmac_screen_index_add_entry (self, lookup_entry (entries, id), id,
                                     g_hash_table_lookup (lists, &list), list);
    }
  tarmac_screen_index_finish (self);

  return g_steal_pointer (&self);
}
