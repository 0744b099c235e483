/* tarmac-phonetic.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-phonetic"

#include "config.h"

#include <string.h>

#include "tarmac-phonetic.h"

/*
 * A phonetic key for the names officers meet (research/screening.md §3.3).
 *
 * Soundex and Metaphone are English; Beider–Morse fits our languages best but is a large
 * rule engine. This key is ours and small: it folds the spelling conventions that make one
 * name look like several across French, English, Spanish, Portuguese, West African and
 * Slavic romanisations, and keeps the vowels in three classes, because unlike the consonant
 * skeleton it must still tell Ali from Ely from Ola:
 *
 *  - "ou" is u (Ousmane = Usman), or w before a vowel (Ouattara = Wattara);
 *  - "dj", "dzh", "zh", a soft g and "di" + vowel at the start are j (Djalo = Jalo = Diallo);
 *  - "sh", "ch", "sch", "tch" are one sound class; "ph" is f, "th" t, "dh" d, "kh" h, "gh" g;
 *  - c, q, ck, qu are k, but c before e/i/y is s; ç was folded to c before we get here;
 *  - z is s, v and w are v, x is ks, y is i;
 *  - h is dropped but at the start; a final mute e after a consonant is dropped (Touré =
 *    Ture);
 *  - vowels fall in three classes: a; e, i, y; o, u — Coulibaly = Kulibali, Yuriy = Iurii;
 *  - runs of one class are squeezed (Diallo = Dialo).
 */

static gboolean
is_vowel (char c)
{
  return c != '\0' && strchr ("aeiouy", c) != NULL;
}

/**
 * tarmac_phonetic_key:
 * @folded: a token folded to lower-case Latin letters (see tarmac_translit_token())
 *
 * Returns: (transfer full): the phonetic key, possibly empty
 */
char *
tarmac_phonetic_key (const char *folded)
{
  gsize n = strlen (folded);
  GString *sound = g_string_sized_new (n + 2);
  GString *key;

  for (gsize i = 0; i < n;)
    {
      char c = folded[i];
      char d = i + 1 < n ? folded[i + 1] : '\0';
      char e = i + 2 < n ? folded[i + 2] : '\0';

      if (!g_ascii_isalpha (c))
        {
          i++;
          continue;
        }

      if (c == 't' && d == 's' && e == 'c' && i + 3 < n && folded[i + 3] == 'h')
        g_string_append_c (sound, 'x'), i += 4;
      else if ((c == 't' || c == 's') && d == 'c' && e == 'h')
        g_string_append_c (sound, 'x'), i += 3;
      else if ((c == 's' || c == 'c') && d == 'h')
        g_string_append_c (sound, 'x'), i += 2;
      else if (c == 'd' && d == 'z' && e == 'h')
        g_string_append_c (sound, 'j'), i += 3;
      else if ((c == 'd' && d == 'j') || (c == 'z' && d == 'h'))
        g_string_append_c (sound, 'j'), i += 2;
      else if (c == 'd' && d == 'i' && i == 0 && is_vowel (e) && e != 'i')
        g_string_append_c (sound, 'j'), i += 2;
      else if (c == 'p' && d == 'h')
        g_string_append_c (sound, 'f'), i += 2;
      else if (c == 't' && d == 'h')
        g_string_append_c (sound, 't'), i += 2;
      else if (c == 'd' && d == 'h')
        g_string_append_c (sound, 'd'), i += 2;
      else if (c == 'k' && d == 'h')
        g_string_append_c (sound, i == 0 ? 'h' : 'k'), i += 2;
      else if (c == 'g' && d == 'h')
        g_string_append_c (sound, 'g'), i += 2;
      else if (c == 'o' && d == 'u')
        g_string_append_c (sound, is_vowel (e) ? 'v' : 'u'), i += 2;
      else if (c == 'q' && d == 'u')
        g_string_append_c (sound, 'k'), i += 2;
      else if (c == 'c' && d == 'k')
        g_string_append_c (sound, 'k'), i += 2;
      else if (c == 'g' && d == 'u' && (e == 'e' || e == 'i'))
        g_string_append_c (sound, 'g'), i += 2;
      else
        {
          char out;

          switch (c)
            {
            case 'c': out = (d == 'e' || d == 'i' || d == 'y') ? 's' : 'k'; break;
            case 'q': out = 'k'; break;
            case 'g': out = (d == 'e' || d == 'i') ? 'j' : 'g'; break;
            case 'z': out = 's'; break;
            case 'w': out = 'v'; break;
            case 'y': out = 'i'; break;
            case 'e': out = 'i'; break;
            case 'o': out = 'u'; break;
            case 'h': out = i == 0 ? 'h' : '\0'; break;
            case 'x':
              g_string_append (sound, "ks");
              out = '\0';
              break;
            default: out = c; break;
            }
          /* A mute final e after a consonant (Touré, Ousmane). */
          if (c == 'e' && i + 1 == n && n > 3 && !is_vowel (folded[i - 1]))
            out = '\0';
          if (out != '\0')
            g_string_append_c (sound, out);
          i++;
        }
    }

  /* A final w or v after a vowel is a long vowel's spelling (Jallow = Jallo). */
  if (sound->len > 2 && sound->str[sound->len - 1] == 'v' &&
      is_vowel (sound->str[sound->len - 2]))
    g_string_truncate (sound, sound->len - 1);

  key = g_string_sized_new (sound->len);
  for (gsize i = 0; i < sound->len; i++)
    if (key->len == 0 || key->str[key->len - 1] != sound->str[i])
      g_string_append_c (key, sound->str[i]);
  g_string_free (sound, TRUE);

  return g_string_free (key, FALSE);
}
