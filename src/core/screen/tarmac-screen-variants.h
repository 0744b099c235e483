/* tarmac-screen-variants.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tarmac-watchlist-data.h"

G_BEGIN_DECLS

/* The variant classes of research/screening.md §5.3 (B2), numbered as there, and the two
 * kinds of traveller that must not alert. */
typedef enum
{
  TARMAC_VARIANT_RETRANSLIT = 1,  /* the original-script name, romanised another way */
  TARMAC_VARIANT_ALIAS,           /* a good alias as the traveller's name */
  TARMAC_VARIANT_ORDER,           /* given and family names swapped, "SURNAME, Given" */
  TARMAC_VARIANT_OMISSION,        /* middle names dropped, nasab cut, al- dropped or added */
  TARMAC_VARIANT_SEGMENTATION,    /* Abdul Rahman ↔ Abdulrahman, hyphens */
  TARMAC_VARIANT_SPELLING,        /* regional spelling families */
  TARMAC_VARIANT_TYPO,            /* one or two keying or OCR errors */
  TARMAC_VARIANT_DOB_DOCUMENT,    /* DOB as a year, ±1 year, day/month swapped; document
                                   * number with separators or O/0; nationality in words */
  TARMAC_VARIANT_LOW_ALIAS,       /* a low-quality alias alone, no DOB: should not alert */
  TARMAC_VARIANT_NEGATIVE,        /* a traveller who is not on the list */
  TARMAC_VARIANT_N_CLASSES
} TarmacVariantClass;

typedef struct
{
  TarmacVariantClass  klass;
  int                 entry;        /* index into the list's entries; -1 for negatives */
  char               *name;
  char               *dob;          /* YYYY-MM-DD or YYYY, or NULL */
  char               *nationality;  /* ISO 3166 alpha-3 or a country name, or NULL */
  char               *sex;          /* M, F or NULL */
  char               *document;     /* or NULL */
  const char         *how;          /* the treatment, e.g. "icu", "swap", "year-only" */
} TarmacScreenProbe;

const char *tarmac_variant_class_to_id   (TarmacVariantClass        klass);
GPtrArray  *tarmac_screen_variants_new   (const TarmacWatchlistData *list,
                                          guint64                    seed,
                                          guint                      n_travellers);
void        tarmac_screen_probe_free     (TarmacScreenProbe         *probe);

G_END_DECLS
