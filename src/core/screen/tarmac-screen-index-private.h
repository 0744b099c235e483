/* tarmac-screen-index-private.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tarmac-name.h"
#include "tarmac-screen-index.h"

G_BEGIN_DECLS

/* The index's insides, shared by tarmac-screen-index.c (building) and
 * tarmac-screen-match.c (matching). */

typedef struct
{
  guint64 key;
  guint32 value;   /* a vocabulary word, or an entry for document keys */
} KeyPost;

typedef struct
{
  TarmacNameToken *token;
  guint32          df;           /* names using the word */
  float            weight;       /* rarity, in [0.5, 1.5]; particles 0.2 */
  guint32          post_offset;  /* into postings */
  guint32          post_length;
} Vocab;

typedef struct
{
  guint32  entry;
  guint32  first_token;          /* into name_tokens */
  guint8   n_tokens;
  guint8   quality;              /* TarmacNameQuality */
  char    *text;                 /* as written */
} IndexedName;

typedef struct
{
  gint64      entry_id;
  gint64      watchlist_id;
  const char *external_id;
  const char *list_name;
  const char *kind;
  const char *nationalities;     /* "AFG|IRQ" */
  char       *documents;         /* normalised numbers, "|"-separated, or NULL */
  TarmacDob  *dobs;
  guint8      n_dobs;
  char        sex;               /* 'M', 'F' or 0 */
  guint32     first_name;
  guint32     n_names;
} IndexedEntry;

struct _TarmacScreenIndex
{
  GHashTable   *vocab_by_text;   /* word → vocabulary index + 1 */
  GPtrArray    *vocab;           /* Vocab */
  GArray       *names;           /* IndexedName */
  GArray       *name_tokens;     /* guint32 vocabulary indexes */
  GArray       *entries;         /* IndexedEntry */
  GStringChunk *strings;
  GArray       *keys;            /* KeyPost → word, sorted */
  GArray       *documents;       /* KeyPost → entry, sorted */
  GPtrArray    *entry_documents;
  guint32      *postings;
  gboolean      finished;

  /* Per-match scratch space, one per thread matching at the same time: a pool, so that
   * batch screening on several threads never waits for another match. */
  GMutex        pool_lock;
  GPtrArray    *scratch_pool;    /* MatchScratch */
};

/* Per name, side by side: reading postings touches names all over the index, and one
 * cache line then brings both. */
typedef struct
{
  float   evidence;
  guint32 stamp;                 /* the query word that last credited it */
} NameScratch;

/* What one match accumulates: evidence per name, and per vocabulary word a stamp (dense,
 * so that tests stay in cache). */
typedef struct
{
  NameScratch *names;
  guint32      stamp;
  guint32     *word_stamp;
  guint32     *word_hit;
  guint32      name_round;
} MatchScratch;

MatchScratch *_tarmac_screen_index_take_scratch    (TarmacScreenIndex     *index);
void          _tarmac_screen_index_return_scratch  (TarmacScreenIndex     *index,
                                                    MatchScratch          *scratch);

guint    _tarmac_screen_index_lookup        (GArray                *keys,
                                             guint64                key,
                                             guint                 *count);
guint64  _tarmac_screen_key_hash            (char                   kind,
                                             const char            *text);
char    *_tarmac_screen_document_fuzzy_key  (const char            *normalised);
TarmacScreenIndex *_tarmac_screen_index_load_filtered (TarmacStore  *store,
                                                      gboolean      persons_only,
                                                      GError      **error);
void     _tarmac_screen_word_keys           (const TarmacNameToken *token,
                                             void                 (*emit) (guint64  key,
                                                                           char     kind,
                                                                           gpointer data),
                                             gpointer               data);

GPtrArray    *_tarmac_screen_index_match_exhaustive (TarmacScreenIndex      *index,
                                                    const TarmacMatchQuery *query,
                                                    double                  min_score,
                                                    guint                   limit);
GPtrArray    *_tarmac_screen_index_match_unbounded  (TarmacScreenIndex      *index,
                                                    const TarmacMatchQuery *query,
                                                    double                  min_score,
                                                    guint                   limit);

G_END_DECLS
