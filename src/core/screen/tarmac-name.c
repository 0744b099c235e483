/* tarmac-name.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-name"

#include "config.h"

#include <string.h>

#include "tarmac-name-compare-private.h"
#include "tarmac-name-families.h"
#include "tarmac-name.h"
#include "tarmac-phonetic.h"
#include "tarmac-translit-private.h"

/*
 * From a name as written to the tokens the matcher compares (research/screening.md §6.1–2):
 * NFKC with case folding, split into words, every word rendered in Latin in the schemes
 * that matter for its script, with its consonant skeleton, phonetic key and name family.
 *
 * Particles (al, bin, ould, de, dos, van…) are tagged, never deleted: "Abd al-Rahman"
 * keeps its "al", which the comparator weighs lightly and can glue to a neighbour, so
 * the name still meets "Abdelrahman" and "Abd Rahman".
 */

static const char *const latin_particles[] = {
  /* Arabic article, with the sun-letter assimilations romanisations write */
  "al", "el", "ul", "il", "ad", "ar", "as", "ash", "at", "az", "an", "ath", "adh", "ed", "er",
  "es", "et", "ez",
  /* patronymics and kunya */
  "bin", "ben", "ibn", "bint", "binti", "ould", "uld", "wuld", "ag", "ait", "abu", "abou",
  "bou",
  /* Romance, Dutch, German */
  "de", "da", "do", "dos", "das", "del", "della", "di", "du", "des", "la", "le", "lo", "y",
  "e", "van", "von", "der", "den", "ter", "ten", "zu",
};

/* Arabic particles, as written after the folding of tarmac-name-families.c. */
static const char *const arabic_particles[] = {
  "ال", "بن", "ابن", "بنت", "ولد", "ابو", "أبو",
};

static gboolean
is_joiner (gunichar c)
{
  /* Apostrophes and the modifier letters for ʿayn and hamza join a word (N'Diaye, Ma'ruf);
   * tatweel is a typographic stretch. */
  return c == 0x0027 || c == 0x2019 || c == 0x2018 || c == 0x02BC || c == 0x0060 ||
         c == 0x00B4 || c == 0x02BE || c == 0x02BF || c == 0x02BB || c == 0x0640;
}

static gboolean
starts_with_arabic_article (const char *token)
{
  /* ال followed by at least two letters; الله (God, in Abdallah; اللہ in Urdu spelling) is
   * a word of its own */
  return g_str_has_prefix (token, "ال") && g_utf8_strlen (token, -1) > 3 &&
         !g_str_equal (token, "الله") && !g_str_equal (token, "اللہ");
}

/**
 * tarmac_name_split:
 * @name: a name as written
 *
 * Splits @name into case-folded words: letters, digits and combining marks make words,
 * apostrophes join them, anything else separates them. The Arabic article is split from
 * its noun (الرحمن → ال + رحمن), as Latin spellings mostly write it apart.
 *
 * Returns: (transfer full) (element-type utf8): at most %TARMAC_NAME_MAX_TOKENS words
 */
GPtrArray *
tarmac_name_split (const char *name)
{
  g_autofree char *folded = tarmac_translit_casefold (name);
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);
  GString *word = g_string_new (NULL);

  for (const char *p = folded;; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0 && is_joiner (c))
        continue;

      if (c != 0 && (g_unichar_isalnum (c) || g_unichar_ismark (c)))
        {
          g_string_append_unichar (word, c);
          continue;
        }

      if (word->len > 0 && words->len < TARMAC_NAME_MAX_TOKENS)
        {
          if (starts_with_arabic_article (word->str))
            {
              g_ptr_array_add (words, g_strdup ("ال"));
              if (words->len < TARMAC_NAME_MAX_TOKENS)
                g_ptr_array_add (words, g_strdup (word->str + strlen ("ال")));
            }
          else
            g_ptr_array_add (words, g_strdup (word->str));
        }
      g_string_truncate (word, 0);

      if (c == 0)
        break;
    }

  g_string_free (word, TRUE);
  return words;
}

static gboolean
in_list (const char        *word,
         const char *const *list,
         guint              n)
{
  for (guint i = 0; i < n; i++)
    if (g_str_equal (word, list[i]))
      return TRUE;
  return FALSE;
}

/* Whether a folded Latin word of three letters or more has no vowel at all (not even y):
 * Mhmd, Hmz, Bd — a name written as Arabic script writes it, or as a transliteration
 * letter by letter leaves it (w, for و, may be there: Mhmwd). */
static gboolean
is_bare (const char *form)
{
  gsize length = 0;

  for (const char *p = form; *p != '\0'; p++, length++)
    if (!g_ascii_isalpha (*p) || strchr ("aeiouy", *p) != NULL)
      return FALSE;
  return length >= 3;
}

/**
 * tarmac_name_token_new:
 * @text: one case-folded word, from tarmac_name_split()
 *
 * Analyses one word: its script, Latin forms, skeleton, phonetic key, family and flags.
 *
 * Returns: (transfer full): the token
 */
TarmacNameToken *
tarmac_name_token_new (const char *text)
{
  TarmacNameToken *token = g_new0 (TarmacNameToken, 1);

  token->text = g_strdup (text);
  token->script = tarmac_translit_script (text);

  if (token->script == TARMAC_SCRIPT_ARABIC &&
      in_list (text, arabic_particles, G_N_ELEMENTS (arabic_particles)))
    {
      token->flags |= TARMAC_NAME_TOKEN_PARTICLE;
      if (g_str_equal (text, "ال"))
        {
          /* The article is "al" in every scheme. */
          token->forms[0] = g_strdup ("al");
          token->n_forms = 1;
        }
    }

  if (token->n_forms == 0)
    token->n_forms = tarmac_translit_token (text, token->script, token->forms);

  if (token->script == TARMAC_SCRIPT_ARABIC && !(token->flags & TARMAC_NAME_TOKEN_PARTICLE))
    {
      token->skeleton = tarmac_translit_skeleton (text, token->script);
      token->readings[0] = _tarmac_translit_arabic_reading (text, token->skeleton);
      token->n_readings = token->readings[0] != NULL;
    }
  else
    token->skeleton = _tarmac_translit_latin_skeleton (token->forms[0]);
  if (token->script == TARMAC_SCRIPT_LATIN)
    token->n_readings = _tarmac_translit_latin_readings (token->forms[0], token->skeleton,
                                                         token->readings);

  token->phonetic = tarmac_phonetic_key (token->forms[0]);
  token->family = tarmac_name_family (text, token->forms[0]);

  if (token->script != TARMAC_SCRIPT_ARABIC &&
      in_list (token->forms[0], latin_particles, G_N_ELEMENTS (latin_particles)))
    token->flags |= TARMAC_NAME_TOKEN_PARTICLE;
  if (strlen (token->forms[0]) == 1 && g_ascii_isalpha (token->forms[0][0]))
    token->flags |= TARMAC_NAME_TOKEN_INITIAL;
  if (token->script == TARMAC_SCRIPT_LATIN && is_bare (token->forms[0]))
    token->flags |= TARMAC_NAME_TOKEN_BARE;

  _tarmac_name_token_measure_forms (token);
  return token;
}

/* Fills in the length and the byte set of each of @token's forms, and the hashes of its
 * keys. */
void
_tarmac_name_token_measure_forms (TarmacNameToken *token)
{
  token->skeleton_hash = g_str_hash (token->skeleton);
  token->phonetic_hash = g_str_hash (token->phonetic);
  for (guint i = 0; i < token->n_readings; i++)
    token->reading_hashes[i] = g_str_hash (token->readings[i]);
  token->form_initial = token->forms[0][0];
  token->skeleton_initial = token->skeleton[0];
  for (guint i = 0; i < token->n_forms; i++)
    {
      const char *form = token->forms[i];
      guint64 letters = 0;
      gsize length = 0;

      for (; form[length] != '\0'; length++)
        letters |= G_GUINT64_CONSTANT (1) << ((guchar) form[length] & 63);
      token->form_lengths[i] = length;
      token->form_letters[i] = letters;
      token->form_reach[i] = _tarmac_name_slip_reach (letters);
      memset (token->form_heads[i], 0, sizeof token->form_heads[i]);
      memcpy (token->form_heads[i], form, MIN (length, sizeof token->form_heads[i]));
    }
}

void
tarmac_name_token_free (TarmacNameToken *token)
{
  if (token == NULL)
    return;
  g_free (token->text);
  for (guint i = 0; i < TARMAC_TRANSLIT_MAX_FORMS; i++)
    g_free (token->forms[i]);
  g_free (token->skeleton);
  for (guint i = 0; i < token->n_readings; i++)
    g_free (token->readings[i]);
  g_free (token->phonetic);
  g_free (token);
}

/**
 * tarmac_name_analyse:
 * @name: a name as written
 *
 * Splits and analyses @name. A lone particle is not a particle: "Al" alone, or "Da" as the
 * only surname, is the name.
 *
 * Returns: (transfer full) (element-type TarmacNameToken): the tokens, in order
 */
GPtrArray *
tarmac_name_analyse (const char *name)
{
  g_autoptr(GPtrArray) words = tarmac_name_split (name);
  GPtrArray *tokens = g_ptr_array_new_with_free_func ((GDestroyNotify) tarmac_name_token_free);
  guint n_full = 0;

  for (guint i = 0; i < words->len; i++)
    {
      TarmacNameToken *token = tarmac_name_token_new (g_ptr_array_index (words, i));

      if (token->forms[0][0] == '\0' && token->skeleton[0] == '\0')
        {
          tarmac_name_token_free (token);
          continue;
        }
      g_ptr_array_add (tokens, token);
      if (!(token->flags & TARMAC_NAME_TOKEN_PARTICLE))
        n_full++;
    }

  if (n_full == 0)
    for (guint i = 0; i < tokens->len; i++)
      ((TarmacNameToken *) g_ptr_array_index (tokens, i))->flags &= ~TARMAC_NAME_TOKEN_PARTICLE;

  return tokens;
}
