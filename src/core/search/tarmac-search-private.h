/* tarmac-search-private.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "tarmac-search.h"

G_BEGIN_DECLS

/* The search engine's parts, shared by tarmac-search*.c only. */

#define SEARCH_MAX_WORDS 8

/* One traveller found, before it becomes a TarmacSearchResult. Lower tiers rank first;
 * within a tier, the most recent flight first. */
typedef struct
{
  gint64            traveller_id;
  gint64            day;            /* the flight's date as YYYYMMDD */
  guint             tier;
  TarmacSearchMatch match;
  guint             distance;       /* letters different, for fuzzy names */
  guint             words_matched;
  guint             words_total;
} SearchHit;

/* Ranks of hits: identifiers found exactly first, then names, then the rest. */
enum
{
  SEARCH_TIER_IDENTIFIER = 0,
  SEARCH_TIER_NAME = 1,
  SEARCH_TIER_NAME_PREFIX = 2,
  SEARCH_TIER_NAME_FUZZY = 3,       /* + distance - 1 */
  SEARCH_TIER_IDENTIFIER_PREFIX = 6,
  SEARCH_TIER_NAME_PARTIAL = 7,     /* + words missing - 1 */
};

typedef struct
{
  GHashTable *by_id;                /* gint64* traveller id → SearchHit* (owned) */
} SearchHits;

void       _tarmac_search_hits_init      (SearchHits          *hits);
void       _tarmac_search_hits_clear     (SearchHits          *hits);
void       _tarmac_search_hits_add       (SearchHits          *hits,
                                          const SearchHit     *hit);
GPtrArray *_tarmac_search_hits_ranked    (SearchHits          *hits);

/* tarmac-search-fuzzy.c: words compared letter by letter (Unicode characters). */
guint      _tarmac_search_distance       (const gunichar      *a,
                                          glong                a_len,
                                          const gunichar      *b,
                                          glong                b_len,
                                          guint                max);
guint      _tarmac_search_allowed_distance (glong              a_len,
                                          glong                b_len);
GPtrArray *_tarmac_search_deletions      (const char          *word);
guint      _tarmac_search_compare_words  (const char          *query_word,
                                          const char          *name_word,
                                          guint               *distance);

/* Word qualities, best first. */
enum
{
  WORD_EXACT = 0,
  WORD_PREFIX = 1,
  WORD_FUZZY = 2,
  WORD_NONE = 255,
};

/* tarmac-search-names.c */
gboolean   _tarmac_search_names          (TarmacStore         *store,
                                          const char          *name_key,
                                          guint                limit,
                                          GCancellable        *cancellable,
                                          SearchHits          *hits,
                                          GError             **error);

/* tarmac-search-identifiers.c */
char      *_tarmac_search_document_key   (const char          *query);
char      *_tarmac_search_locator_key    (const char          *query);
char      *_tarmac_search_phone_digits   (const char          *query);
char      *_tarmac_search_email_key      (const char          *query);
gboolean   _tarmac_search_phones_match   (const char          *a,
                                          const char          *b);
gboolean   _tarmac_search_identifiers    (TarmacStore         *store,
                                          const char          *query,
                                          guint                limit,
                                          GCancellable        *cancellable,
                                          SearchHits          *hits,
                                          GError             **error);

/* One traveller under one word of the name index (tarmac-search-postings.c). */
typedef struct
{
  gint64 day;               /* the flight's date as YYYYMMDD */
  gint64 traveller_id;
} SearchPosting;

int        _tarmac_search_posting_compare (gconstpointer      a,
                                          gconstpointer        b);
guint      _tarmac_search_postings_encode (const SearchPosting *postings,
                                          guint                n,
                                          GByteArray          *out);
gboolean   _tarmac_search_postings_decode (const guint8       *blob,
                                          gsize                length,
                                          GArray              *out);
gboolean   _tarmac_search_postings_load  (TarmacStore         *store,
                                          const char          *token,
                                          GArray              *postings,
                                          gboolean            *damaged,
                                          GError             **error);

G_END_DECLS
