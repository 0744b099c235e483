/* tarmac-name-key.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-name-key"

#include "config.h"

#include <string.h>

#include "tarmac-name-key.h"

/**
 * tarmac_name_key:
 * @name: a name as written in a manifest, in any case and with any accents
 *
 * Folds @name to the key that search compares: compatibility-decomposed, combining marks
 * dropped, case-folded, punctuation and runs of space collapsed to one space. "N'Diaye",
 * "NDIAYE" and "n’diaye" give different keys only in their apostrophe, which becomes a
 * space, so "ndiaye" still finds all of them by prefix on the last token.
 *
 * The screening pipeline (issue 4) adds script transliteration on top of this; this key
 * is what the interactive search uses.
 *
 * Returns: (transfer full): the key, possibly empty
 */
char *
tarmac_name_key (const char *name)
{
  g_autofree char *decomposed = NULL;
  g_autofree char *folded = NULL;
  GString *key;
  gboolean pending_space = FALSE;

  if (name == NULL || !g_utf8_validate (name, -1, NULL))
    return g_strdup ("");

  decomposed = g_utf8_normalize (name, -1, G_NORMALIZE_ALL);
  if (decomposed == NULL)
    return g_strdup ("");
  folded = g_utf8_casefold (decomposed, -1);

  key = g_string_sized_new (strlen (folded));
  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      GUnicodeType type = g_unichar_type (c);

      if (type == G_UNICODE_NON_SPACING_MARK ||
          type == G_UNICODE_SPACING_MARK ||
          type == G_UNICODE_ENCLOSING_MARK ||
          type == G_UNICODE_FORMAT)
        continue;

      if (!g_unichar_isalnum (c))
        {
          pending_space = key->len > 0;
          continue;
        }

      if (pending_space)
        {
          g_string_append_c (key, ' ');
          pending_space = FALSE;
        }
      g_string_append_unichar (key, c);
    }

  return g_string_free (key, FALSE);
}
