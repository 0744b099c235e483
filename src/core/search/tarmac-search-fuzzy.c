/* tarmac-search-fuzzy.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-search"

#include "config.h"

#include <string.h>

#include "tarmac-search-private.h"

/* Misspelt words. Names are compared letter by letter (Unicode characters, so an Arabic
 * letter is one letter), with the optimal string alignment distance: a letter replaced,
 * added, left out, or two neighbours swapped each count one. Short words allow one such
 * difference and long ones two, as a manifest's typist or a transliteration makes them
 * ("Mohammed", "Muhammad"); shorter than three letters, a word must be exact. */

#define LONG_WORD 8
#define SHORT_WORD 3
#define MAX_LETTERS 64

guint
_tarmac_search_allowed_distance (glong a_len,
                                 glong b_len)
{
  if (MIN (a_len, b_len) < SHORT_WORD)
    return 0;
  return MAX (a_len, b_len) >= LONG_WORD ? 2 : 1;
}

/* The distance, or max + 1 as soon as it must exceed @max. */
guint
_tarmac_search_distance (const gunichar *a,
                         glong           a_len,
                         const gunichar *b,
                         glong           b_len,
                         guint           max)
{
  guint rows[3][MAX_LETTERS + 1];
  guint *prev2 = rows[0], *prev = rows[1], *cur = rows[2];

  if (a_len > MAX_LETTERS || b_len > MAX_LETTERS)
    return max + 1;
  if ((guint) ABS (a_len - b_len) > max)
    return max + 1;

  for (glong j = 0; j <= b_len; j++)
    prev[j] = j;

  for (glong i = 1; i <= a_len; i++)
    {
      guint row_min;

      cur[0] = i;
      row_min = cur[0];
      for (glong j = 1; j <= b_len; j++)
        {
          guint cost = a[i - 1] == b[j - 1] ? 0 : 1;
          guint best = MIN (prev[j] + 1, cur[j - 1] + 1);

          best = MIN (best, prev[j - 1] + cost);
          if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
            best = MIN (best, prev2[j - 2] + 1);
          cur[j] = best;
          row_min = MIN (row_min, best);
        }
      if (row_min > max)
        return max + 1;

      {
        guint *tmp = prev2;
        prev2 = prev;
        prev = cur;
        cur = tmp;
      }
    }

  return MIN (prev[b_len], max + 1);
}

static void
add_unique (GPtrArray  *out,
            GHashTable *seen,
            char       *word)
{
  if (g_hash_table_contains (seen, word))
    {
      g_free (word);
      return;
    }
  g_hash_table_add (seen, word);
  g_ptr_array_add (out, word);
}

/**
 * _tarmac_search_deletions:
 * @word: a word of a name key
 *
 * The deletion neighbourhood that search_variant stores for the vocabulary (see migration
 * 9): the word itself, the word less one letter (three letters or more), and less two
 * letters (seven or more here, eight or more in the vocabulary, so a seven-letter query
 * still meets an eight-letter name two letters away). Only the first 24 positions are
 * deleted, as in the migration.
 *
 * Returns: (transfer full) (element-type utf8): the variants, without repeats
 */
GPtrArray *
_tarmac_search_deletions (const char *word)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree gunichar *letters = NULL;
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);
  glong n = 0;

  letters = g_utf8_to_ucs4_fast (word, -1, &n);
  add_unique (out, seen, g_strdup (word));

  if (n < SHORT_WORD || n > MAX_LETTERS)
    return out;

  for (glong i = 0; i < MIN (n, 24); i++)
    {
      g_autofree gunichar *shorter = g_new (gunichar, n);
      glong k = 0;

      for (glong x = 0; x < n; x++)
        if (x != i)
          shorter[k++] = letters[x];
      add_unique (out, seen, g_ucs4_to_utf8 (shorter, k, NULL, NULL, NULL));

      if (n < LONG_WORD - 1)
        continue;

      for (glong j = i + 1; j < MIN (n, 24); j++)
        {
          g_autofree gunichar *shortest = g_new (gunichar, n);
          glong m = 0;

          for (glong x = 0; x < n; x++)
            if (x != i && x != j)
              shortest[m++] = letters[x];
          add_unique (out, seen, g_ucs4_to_utf8 (shortest, m, NULL, NULL, NULL));
        }
    }

  return out;
}

/**
 * _tarmac_search_compare_words:
 * @query_word: a word the officer typed, as a name key
 * @name_word: a word of a traveller's name key
 * @distance: (out): letters different, for %WORD_FUZZY
 *
 * Returns: %WORD_EXACT, %WORD_PREFIX, %WORD_FUZZY or %WORD_NONE
 */
guint
_tarmac_search_compare_words (const char *query_word,
                              const char *name_word,
                              guint      *distance)
{
  g_autofree gunichar *a = NULL;
  g_autofree gunichar *b = NULL;
  glong a_len = 0, b_len = 0;
  guint allowed, d;

  *distance = 0;
  if (strcmp (query_word, name_word) == 0)
    return WORD_EXACT;
  if (g_utf8_strlen (query_word, -1) >= 2 && g_str_has_prefix (name_word, query_word))
    return WORD_PREFIX;

  a = g_utf8_to_ucs4_fast (query_word, -1, &a_len);
  b = g_utf8_to_ucs4_fast (name_word, -1, &b_len);
  allowed = _tarmac_search_allowed_distance (a_len, b_len);
  if (allowed == 0)
    return WORD_NONE;

  d = _tarmac_search_distance (a, a_len, b, b_len, allowed);
  if (d > allowed)
    return WORD_NONE;

  *distance = d;
  return WORD_FUZZY;
}
