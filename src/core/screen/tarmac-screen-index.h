/* tarmac-screen-index.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "tarmac-store.h"
#include "tarmac-watchlist-data.h"

G_BEGIN_DECLS

/* The in-memory candidate index over every enabled, unexpired watchlist entry, built from
 * the database (or, for benchmarks, from entries in memory), and the matcher over it. */
typedef struct _TarmacScreenIndex TarmacScreenIndex;

/* What a traveller brings to a match: any field may be NULL. */
typedef struct
{
  const char *name;          /* the full name as written, in any order */
  const char *dob;           /* YYYY-MM-DD or YYYY */
  const char *nationality;   /* ISO 3166 alpha-3 */
  const char *sex;           /* M or F */
  const char *document;      /* a travel document number */
} TarmacMatchQuery;

typedef struct
{
  gint64     entry_id;       /* watchlist_entry.id (0 for entries added in memory) */
  const char *external_id;
  const char *list_name;
  gint64     watchlist_id;
  const char *kind;          /* person, document */
  double     score;          /* in [0, 1] */
  double     name_score;
  const char *matched_name;
  const char *matched_quality;
  JsonNode   *explanation;   /* owned */
  char       *summary;       /* the explanation in words, translated */
  GPtrArray  *names;         /* (element-type utf8) the entry's names */
} TarmacMatchCandidate;

typedef struct
{
  guint names_indexed;
  guint candidates_generated;
  guint candidates_scored;    /* names compared in full */
  guint candidates_bounded;   /* names whose comparison stopped early: under the floor */
} TarmacMatchStats;

TarmacScreenIndex *tarmac_screen_index_new           (void);
void               tarmac_screen_index_free          (TarmacScreenIndex          *index);
void               tarmac_screen_index_add_entry     (TarmacScreenIndex          *index,
                                                      const TarmacWatchlistEntry *entry,
                                                      gint64                      entry_id,
                                                      const char                 *list_name,
                                                      gint64                      watchlist_id);
void               tarmac_screen_index_finish        (TarmacScreenIndex          *index);
TarmacScreenIndex *tarmac_screen_index_load          (TarmacStore                *store,
                                                      GError                    **error);
guint              tarmac_screen_index_get_n_names   (TarmacScreenIndex          *index);
guint              tarmac_screen_index_get_n_entries (TarmacScreenIndex          *index);
guint              _tarmac_screen_index_get_n_words  (TarmacScreenIndex          *index);
guint              _tarmac_screen_index_get_n_alive  (void);
GPtrArray         *tarmac_screen_index_match         (TarmacScreenIndex          *index,
                                                      const TarmacMatchQuery     *query,
                                                      double                      min_score,
                                                      guint                       limit,
                                                      TarmacMatchStats           *stats);
GPtrArray         *tarmac_screen_match               (TarmacStore                *store,
                                                      TarmacScreenIndex          *index,
                                                      const TarmacMatchQuery     *query,
                                                      double                      min_score,
                                                      guint                       limit,
                                                      GError                    **error);
JsonNode          *tarmac_match_candidate_to_json    (const TarmacMatchCandidate *candidate);
char              *tarmac_screen_explanation_render  (JsonObject                 *explanation,
                                                     const char                 *matched_name);
void               tarmac_match_candidate_free       (TarmacMatchCandidate       *candidate);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TarmacScreenIndex, tarmac_screen_index_free)

G_END_DECLS
