/* tarmac-translit.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The scripts a name token can come in, as far as screening cares. */
typedef enum
{
  TARMAC_SCRIPT_LATIN,
  TARMAC_SCRIPT_ARABIC,
  TARMAC_SCRIPT_CYRILLIC,
  TARMAC_SCRIPT_OTHER,
} TarmacScript;

/* How many Latin renderings one token may have (ICAO 9303, an English-style scheme such as
 * BGN/PCGN or ODNI, a French-style scheme). */
#define TARMAC_TRANSLIT_MAX_FORMS 3

/* How many other readings of a Latin word's consonants (Spanish, Portuguese) it may have. */
#define TARMAC_TRANSLIT_MAX_READINGS 2

char         *tarmac_translit_casefold  (const char  *text);
TarmacScript  tarmac_translit_script    (const char  *token);
guint         tarmac_translit_token     (const char  *token,
                                         TarmacScript script,
                                         char        *forms[TARMAC_TRANSLIT_MAX_FORMS]);
char         *tarmac_translit_skeleton  (const char  *token,
                                         TarmacScript script);
const char   *tarmac_script_to_id       (TarmacScript script);

G_END_DECLS
