/* tarmac-name.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "tarmac-translit.h"

G_BEGIN_DECLS

typedef enum
{
  TARMAC_NAME_TOKEN_PARTICLE = 1 << 0, /* al, bin, de, van…: kept, weighs little */
  TARMAC_NAME_TOKEN_INITIAL  = 1 << 1, /* one letter */
  TARMAC_NAME_TOKEN_BARE     = 1 << 2, /* Latin letters without a vowel (Mhmd), as an abjad
                                        * is written: its consonants are all it says */
} TarmacNameTokenFlags;

/* One analysed name token: what the matcher compares. */
typedef struct
{
  char                 *text;      /* as written, NFKC case-folded */
  char                 *forms[TARMAC_TRANSLIT_MAX_FORMS]; /* Latin renderings; forms[0] set */
  guint                 n_forms;
  char                 *skeleton;  /* consonant skeleton */
  /* The skeleton read by other conventions, where it differs: a Latin word's Spanish
   * (j = خ) and Portuguese (x = ش) readings, an Arabic word's Persian one (ث = s) */
  char                 *readings[TARMAC_TRANSLIT_MAX_READINGS];
  guint                 n_readings;
  char                 *phonetic;  /* tarmac_phonetic_key() of forms[0] */
  guint                 family;    /* tarmac_name_family(), 0 when none */
  TarmacScript          script;
  TarmacNameTokenFlags  flags;
  /* Of each form, for the comparator's cheap bounds: its length in bytes, and which bytes
   * it holds (bit b & 63 for byte b). */
  guint                 form_lengths[TARMAC_TRANSLIT_MAX_FORMS];
  guint64               form_letters[TARMAC_TRANSLIT_MAX_FORMS];
  /* and the bytes one keying or OCR slip away from those (_tarmac_name_slip_reach()) */
  guint64               form_reach[TARMAC_TRANSLIT_MAX_FORMS];
  /* and its first four bytes (0-padded), for the bounds' common prefix without reading
   * the form itself */
  char                  form_heads[TARMAC_TRANSLIT_MAX_FORMS][4];
  /* g_str_hash() of the skeleton and of the phonetic key: keys that differ in hash differ */
  guint                 skeleton_hash;
  guint                 phonetic_hash;
  guint                 reading_hashes[TARMAC_TRANSLIT_MAX_READINGS];
  /* The first byte of forms[0] and of the skeleton (0 when empty), at hand */
  char                  form_initial;
  char                  skeleton_initial;
} TarmacNameToken;

/* Names longer than this many tokens are cut: no real name has more, and it bounds the
 * alignment's work. */
#define TARMAC_NAME_MAX_TOKENS 12

GPtrArray       *tarmac_name_split       (const char            *name);
TarmacNameToken *tarmac_name_token_new   (const char            *text);
void             tarmac_name_token_free  (TarmacNameToken       *token);
void             _tarmac_name_token_measure_forms (TarmacNameToken *token);
GPtrArray       *tarmac_name_analyse     (const char            *name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TarmacNameToken, tarmac_name_token_free)

G_END_DECLS
