/* tarmac-name-compare.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

#include "tarmac-name.h"

G_BEGIN_DECLS

/* How two tokens (or a token and a run of glued tokens) were found to be the same. */
typedef enum
{
  TARMAC_TOKEN_MATCH_EXACT,     /* the same word */
  TARMAC_TOKEN_MATCH_TRANSLIT,  /* the same once transliterated from another script */
  TARMAC_TOKEN_MATCH_FAMILY,    /* spellings of one name (Mohamed, Muhammad, Mamadou) */
  TARMAC_TOKEN_MATCH_PHONETIC,  /* the same phonetic key (Coulibaly, Kulibali) */
  TARMAC_TOKEN_MATCH_SKELETON,  /* the same consonants (محمد, Mhmd, Mouhammed) */
  TARMAC_TOKEN_MATCH_FUZZY,     /* a few letters apart (typos, doubled letters) */
  TARMAC_TOKEN_MATCH_INITIAL,   /* an initial and a name starting with it */
} TarmacTokenMatch;

typedef struct
{
  guint8           a_first, a_count;  /* a run of tokens of the first name */
  guint8           b_first, b_count;  /* and of the second */
  TarmacTokenMatch how;
  float            similarity;        /* in [0, 1] */
} TarmacNamePair;

typedef struct
{
  double         score;              /* in [0, 1] */
  guint          n_pairs;
  TarmacNamePair pairs[TARMAC_NAME_MAX_TOKENS];
  guint32        a_matched;          /* bit i: token i of the first name is aligned */
  guint32        b_matched;
} TarmacNameComparison;

double      tarmac_name_compare            (TarmacNameToken *const     *a,
                                            const float                *a_weights,
                                            guint                       n_a,
                                            TarmacNameToken *const     *b,
                                            const float                *b_weights,
                                            guint                       n_b,
                                            TarmacNameComparison       *out);
double      tarmac_name_compare_strings    (const char                 *a,
                                            const char                 *b,
                                            TarmacNameComparison       *out);
float       tarmac_name_token_weight       (const TarmacNameToken      *token);
const char *tarmac_token_match_to_id       (TarmacTokenMatch            how);
JsonNode   *tarmac_name_comparison_to_json (TarmacNameToken *const     *a,
                                            guint                       n_a,
                                            TarmacNameToken *const     *b,
                                            guint                       n_b,
                                            const TarmacNameComparison *comparison);
char       *tarmac_name_comparison_describe_json (JsonObject            *json);
char       *tarmac_name_comparison_describe (TarmacNameToken *const    *a,
                                            guint                       n_a,
                                            TarmacNameToken *const     *b,
                                            guint                       n_b,
                                            const TarmacNameComparison *comparison);

G_END_DECLS
