/* tarmac-search-postings.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-search"

#include "config.h"

#include "tarmac-search-private.h"
#include "tarmac-store-private.h"

/* The postings of one word, as the name index keeps them since migration 23: a segment
 * (a row of search_segment) holds, for one word, the travellers one index update wrote
 * (or one merge of such segments) as a blob:
 *
 *   the format byte 1, then for each posting in (day, traveller) order
 *   varint (day − previous day), varint (zigzag (traveller − previous traveller))
 *
 * with "previous" 0 at the start, and varints of 7 bits a byte, low bits first. A day's
 * travellers are consecutive ids more often than not: most postings take two bytes,
 * against a b-tree entry of 20 to 30 bytes for a row (token, day, traveller).
 *
 * Traveller rows deleted or renamed since (search_stale) are left out when a word's
 * postings are read, until the next index update rewrites the segments without them. */

#define FORMAT_VERSION 1
#define MAX_VARINT_BYTES 10

/* Differences are taken and added in unsigned arithmetic, which wraps where signed
 * arithmetic would be undefined: a damaged blob decodes to nonsense, never to a crash. */
static inline guint64
zigzag (guint64 difference)
{
  return (difference << 1) ^ (0 - (difference >> 63));
}

static inline guint64
unzigzag (guint64 value)
{
  return (value >> 1) ^ (0 - (value & 1));
}

static void
append_varint (GByteArray *out,
               guint64     value)
{
  guint8 bytes[MAX_VARINT_BYTES];
  guint n = 0;

  do
    {
      bytes[n] = value & 0x7f;
      value >>= 7;
      if (value != 0)
        bytes[n] |= 0x80;
      n++;
    }
  while (value != 0);

  g_byte_array_append (out, bytes, n);
}

static gboolean
read_varint (const guint8 **p,
             const guint8  *end,
             guint64       *value)
{
  guint64 result = 0;

  for (guint shift = 0; shift < 7 * MAX_VARINT_BYTES && *p < end; shift += 7)
    {
      guint8 byte = *(*p)++;

      result |= (guint64) (byte & 0x7f) << shift;
      if ((byte & 0x80) == 0)
        {
          *value = result;
          return TRUE;
        }
    }
  return FALSE;
}

int
_tarmac_search_posting_compare (gconstpointer a,
                                gconstpointer b)
{
  const SearchPosting *pa = a;
  const SearchPosting *pb = b;

  if (pa->day != pb->day)
    return pa->day < pb->day ? -1 : 1;
  if (pa->traveller_id != pb->traveller_id)
    return pa->traveller_id < pb->traveller_id ? -1 : 1;
  return 0;
}

/**
 * _tarmac_search_postings_encode:
 * @postings: postings in (day, traveller) order; a repeated one is written once
 * @n: how many
 * @out: where the blob is appended
 *
 * Returns: how many postings the blob holds
 */
guint
_tarmac_search_postings_encode (const SearchPosting *postings,
                                guint                n,
                                GByteArray          *out)
{
  gint64 day = 0;
  gint64 traveller_id = 0;
  guint written = 0;
  const guint8 format = FORMAT_VERSION;

  g_byte_array_append (out, &format, 1);
  for (guint i = 0; i < n; i++)
    {
      if (i > 0 && postings[i].day == day && postings[i].traveller_id == traveller_id)
        continue;
      g_assert (postings[i].day >= day);
      append_varint (out, (guint64) postings[i].day - (guint64) day);
      append_varint (out, zigzag ((guint64) postings[i].traveller_id - (guint64) traveller_id));
      day = postings[i].day;
      traveller_id = postings[i].traveller_id;
      written++;
    }
  return written;
}

/**
 * _tarmac_search_postings_decode:
 * @blob: a segment's postings
 * @length: its length in bytes
 * @out: where the postings are appended, as #SearchPosting
 *
 * Returns: %FALSE when @blob is not a blob this code wrote (nothing is appended then)
 */
gboolean
_tarmac_search_postings_decode (const guint8 *blob,
                                gsize         length,
                                GArray       *out)
{
  const guint8 *p = blob;
  const guint8 *end = blob + length;
  guint start = out->len;
  SearchPosting posting = { 0, 0 };

  if (length == 0 || *p++ != FORMAT_VERSION)
    return FALSE;

  while (p < end)
    {
      guint64 day_delta, traveller_delta;

      if (!read_varint (&p, end, &day_delta) || !read_varint (&p, end, &traveller_delta) ||
          day_delta > G_MAXINT32 || posting.day + (gint64) day_delta > G_MAXINT32)
        {
          g_array_set_size (out, start);
          return FALSE;
        }
      posting.day += (gint64) day_delta;
      posting.traveller_id = (gint64) ((guint64) posting.traveller_id +
                                       unzigzag (traveller_delta));
      g_array_append_val (out, posting);
    }
  return TRUE;
}

/**
 * _tarmac_search_postings_load:
 * @store: the store to read
 * @token: a word of the name index
 * @postings: (out): an array of #SearchPosting, emptied and filled in (day, traveller)
 *   order, each once, without the travellers deleted or renamed since the word was
 *   indexed
 * @damaged: (out) (optional): set to whether a segment could not be read; its postings
 *   are left out, so a search still answers with the rest
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
_tarmac_search_postings_load (TarmacStore  *store,
                              const char   *token,
                              GArray       *postings,
                              gboolean     *damaged,
                              GError      **error)
{
  g_autoptr(TarmacCachedStmt) segments = NULL;
  g_autoptr(TarmacCachedStmt) stale = NULL;
  g_autoptr(GHashTable) gone = NULL;
  guint n_segments = 0;
  guint kept = 0;
  int rc;

  g_array_set_size (postings, 0);
  if (damaged != NULL)
    *damaged = FALSE;

  segments = _tarmac_store_prepare_cached (store,
                                           "SELECT postings FROM search_segment"
                                           " WHERE token = ?1",
                                           error);
  if (segments == NULL)
    return FALSE;
  sqlite3_bind_text (segments, 1, token, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (segments)) == SQLITE_ROW)
    {
      const guint8 *blob = sqlite3_column_blob (segments, 0);
      gsize length = (gsize) sqlite3_column_bytes (segments, 0);

      if (!_tarmac_search_postings_decode (blob, length, postings))
        {
          g_warning ("A segment of the name index entry of “%s” is damaged", token);
          if (damaged != NULL)
            *damaged = TRUE;
          continue;
        }
      n_segments++;
    }
  if (rc != SQLITE_DONE)
    {
      _tarmac_store_set_error (store, rc, error);
      return FALSE;
    }

  /* Each segment is in order; several are put in order together. A traveller indexed
   * again (a writer's search_pending) may be in two. */
  if (n_segments > 1)
    g_array_sort (postings, _tarmac_search_posting_compare);

  stale = _tarmac_store_prepare_cached (store,
                                        "SELECT traveller_id FROM search_stale WHERE token = ?1",
                                        error);
  if (stale == NULL)
    return FALSE;
  sqlite3_bind_text (stale, 1, token, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stale)) == SQLITE_ROW)
    {
      gint64 *id = g_new (gint64, 1);

      if (gone == NULL)
        gone = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      *id = sqlite3_column_int64 (stale, 0);
      g_hash_table_add (gone, id);
    }
  if (rc != SQLITE_DONE)
    {
      _tarmac_store_set_error (store, rc, error);
      return FALSE;
    }

  for (guint i = 0; i < postings->len; i++)
    {
      SearchPosting *posting = &g_array_index (postings, SearchPosting, i);

      if (kept > 0 &&
          _tarmac_search_posting_compare (posting,
                                          &g_array_index (postings, SearchPosting, kept - 1)) == 0)
        continue;
      if (gone != NULL && g_hash_table_contains (gone, &posting->traveller_id))
        continue;
      g_array_index (postings, SearchPosting, kept++) = *posting;
    }
  g_array_set_size (postings, kept);

  return TRUE;
}

/* search_postings (blob) → '[day << 32 | traveller, …]': the search_token view of
 * migration 23 shows the index as rows with it, for the tests and for a look into the
 * index from Tarmac's own connection (the sqlite3 shell does not have the function).
 * Traveller ids of 2³² and more would come out wrong there, and only there. */
static void
postings_json (sqlite3_context  *context,
               int               argc,
               sqlite3_value   **argv)
{
  g_autoptr(GArray) postings = g_array_new (FALSE, FALSE, sizeof (SearchPosting));
  g_autoptr(GString) json = NULL;
  const guint8 *blob;
  gsize length;

  if (sqlite3_value_type (argv[0]) != SQLITE_BLOB)
    {
      sqlite3_result_null (context);
      return;
    }
  blob = sqlite3_value_blob (argv[0]);
  length = (gsize) sqlite3_value_bytes (argv[0]);
  if (!_tarmac_search_postings_decode (blob, length, postings))
    {
      sqlite3_result_error (context, "damaged postings", -1);
      return;
    }

  json = g_string_sized_new (20 * postings->len + 2);
  g_string_append_c (json, '[');
  for (guint i = 0; i < postings->len; i++)
    {
      const SearchPosting *posting = &g_array_index (postings, SearchPosting, i);

      g_string_append_printf (json, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "",
                              (gint64) (((guint64) posting->day << 32) |
                                        ((guint64) posting->traveller_id & G_MAXUINT32)));
    }
  g_string_append_c (json, ']');
  length = json->len;
  sqlite3_result_text64 (context, g_string_free (g_steal_pointer (&json), FALSE), length,
                         g_free, SQLITE_UTF8);
}

/**
 * _tarmac_search_postings_register:
 * @db: a connection
 *
 * Adds search_postings() to @db. It only reads its argument, so the schema may use it
 * with trusted_schema off.
 *
 * Returns: an SQLite result code
 */
int
_tarmac_search_postings_register (sqlite3 *db)
{
  return sqlite3_create_function_v2 (db, "search_postings", 1,
                                     SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                                     NULL, postings_json, NULL, NULL, NULL);
}
