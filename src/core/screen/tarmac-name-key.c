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

/* Latin letters that Unicode does not decompose into a base letter and a mark, folded
 * the way an ASCII-only departure control system writes them. */
static const struct
{
  gunichar    letter;
  const char *ascii;
} latin_folds[] = {
  { 0x00E6, "ae" }, /* æ */
  { 0x00F0, "d" },  /* ð */
  { 0x00F8, "o" },  /* ø */
  { 0x00FE, "th" }, /* þ */
  { 0x0111, "d" },  /* đ */
  { 0x0127, "h" },  /* ħ */
  { 0x0131, "i" },  /* ı */
  { 0x0142, "l" },  /* ł */
  { 0x014B, "n" },  /* ŋ */
  { 0x0153, "oe" }, /* œ */
  { 0x0167, "t" },  /* ŧ */
};

/* Apostrophes join the parts of one name (N'Diaye, O'Brien, Ma'ruf): dropping them, not
 * splitting on them, lets "ndiaye" find "N'DIAYE" and "N’Diaye" alike. */
static gboolean
is_apostrophe (gunichar c)
{
  return c == 0x0027 || c == 0x2019 || c == 0x2018 || c == 0x02BC || c == 0x0060 ||
         c == 0x00B4;
}

static char *
unicode_name_key (const char *name)
{
  g_autofree char *without_apostrophes = NULL;
  g_autofree char *decomposed = NULL;
  g_autofree char *folded = NULL;
  GString *key;
  gboolean pending_space = FALSE;

  /* Apostrophes go before normalising: compatibility decomposition turns some of them
   * (´) into a space and a combining mark, which would split the name. */
  {
    GString *joined = g_string_sized_new (strlen (name));

    for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
      if (!is_apostrophe (g_utf8_get_char (p)))
        g_string_append_unichar (joined, g_utf8_get_char (p));
    without_apostrophes = g_string_free (joined, FALSE);
  }

  decomposed = g_utf8_normalize (without_apostrophes, -1, G_NORMALIZE_ALL);
  if (decomposed == NULL)
    return g_strdup ("");
  folded = g_utf8_casefold (decomposed, -1);

  key = g_string_sized_new (strlen (folded));
  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      GUnicodeType type = g_unichar_type (c);

      const char *ascii = NULL;

      if (type == G_UNICODE_NON_SPACING_MARK ||
          type == G_UNICODE_SPACING_MARK ||
          type == G_UNICODE_ENCLOSING_MARK ||
          type == G_UNICODE_FORMAT ||
          is_apostrophe (c))
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

      for (guint i = 0; i < G_N_ELEMENTS (latin_folds); i++)
        if (latin_folds[i].letter == c)
          ascii = latin_folds[i].ascii;

      if (ascii != NULL)
        g_string_append (key, ascii);
      else
        g_string_append_unichar (key, c);
    }

  return g_string_free (key, FALSE);
}

/* The key of an ASCII name, as unicode_name_key() makes it: for ASCII, normalising
 * changes nothing and case folding is lowering, so this is one pass over the bytes. Most
 * names in manifests are ASCII (IATA's character set), and an import keys every
 * traveller. */
static char *
ascii_name_key (const char *name,
                gsize       length)
{
  char *key = g_malloc (length + 1);
  gsize n = 0;
  gboolean pending_space = FALSE;

  for (gsize i = 0; i < length; i++)
    {
      char c = name[i];

      if (c == '\'' || c == '`')
        continue;
      if (!g_ascii_isalnum (c))
        {
          pending_space = n > 0;
          continue;
        }
      if (pending_space)
        {
          key[n++] = ' ';
          pending_space = FALSE;
        }
      key[n++] = g_ascii_tolower (c);
    }
  key[n] = '\0';
  return key;
}

/**
 * tarmac_name_key:
 * @name: a name as written in a manifest, in any case and with any accents
 *
 * Folds @name to the key that search compares: compatibility-decomposed, combining marks
 * dropped, case-folded, Latin letters without a decomposition folded to ASCII (ł → l),
 * apostrophes dropped, other punctuation and runs of space collapsed to one space. So
 * "N'DIAYE", "N’Diaye" and "Ndiaye" give one key, and so do "Łukasz" and "Lukasz".
 *
 * The screening pipeline adds script transliteration on top of this; this key is what the
 * interactive search uses.
 *
 * Returns: (transfer full): the key, possibly empty
 */
char *
tarmac_name_key (const char *name)
{
  gsize length = 0;

  if (name == NULL)
    return g_strdup ("");

  while (name[length] != '\0' && (guchar) name[length] < 0x80)
    length++;
  if (name[length] == '\0')
    return ascii_name_key (name, length);

  if (!g_utf8_validate (name, -1, NULL))
    return g_strdup ("");
  return unicode_name_key (name);
}
