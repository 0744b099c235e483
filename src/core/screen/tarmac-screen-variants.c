/* tarmac-screen-variants.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-screen-variants"

#include "config.h"

#include <string.h>

#include <unicode/utrans.h>

#include "tarmac-countries.h"
#include "tarmac-demo-names.h"
#include "tarmac-screen-variants.h"
#include "tarmac-translit.h"

/*
 * The planted-variant generator of the accuracy benchmark (research/screening.md §5.3,
 * B2): from every person of a real list, the names and dates a manifest may carry for
 * them, each labelled with its variant class; and travellers who are not on the list,
 * drawn from the demo generator's name tables.
 *
 * The generator's spelling rules are its own, written from how romanisations and
 * manifests differ, and deliberately not the matcher's tables: where it shares the
 * matcher's knowledge (a name family), it only tests that the table is used, not that it
 * is right. Its Arabic and Cyrillic romanisations choose vowels and digraphs at random
 * within each scheme (English/ODNI-style, French, Spanish, Portuguese, German and ICU's
 * Any-Latin), as clerks and consulates do.
 */

typedef struct
{
  GRand           *rand;
  UTransliterator *any_latin;
} Gen;

static guint
below (Gen  *gen,
       guint n)
{
  return n > 1 ? (guint) g_rand_int_range (gen->rand, 0, (gint32) n) : 0;
}

static gboolean
chance (Gen  *gen,
        guint percent)
{
  return below (gen, 100) < percent;
}

static const char *
pick (Gen               *gen,
      const char *const *items,
      guint              n)
{
  return items[below (gen, n)];
}

const char *
tarmac_variant_class_to_id (TarmacVariantClass klass)
{
  static const char *const ids[] = {
    "none", "retransliteration", "alias", "order", "omission", "segmentation", "spelling",
    "typo", "dob-document", "low-alias", "negative",
  };

  return klass < G_N_ELEMENTS (ids) ? ids[klass] : "none";
}

void
tarmac_screen_probe_free (TarmacScreenProbe *probe)
{
  if (probe == NULL)
    return;
  g_free (probe->name);
  g_free (probe->dob);
  g_free (probe->nationality);
  g_free (probe->sex);
  g_free (probe->document);
  g_free (probe);
}

/* Words ----------------------------------------------------------------------------- */

/* Splits on spaces and hyphens, keeping hyphens as their own words so that they can be
 * rewritten; lower-cases nothing: manifests come in every case. */
static GPtrArray *
words_of (const char *name)
{
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) parts = g_strsplit_set (name, " ,", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    if (parts[i][0] != '\0')
      g_ptr_array_add (words, g_strdup (parts[i]));
  return words;
}

static char *
join_words (GPtrArray  *words,
            const char *separator)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < words->len; i++)
    {
      if (i > 0)
        g_string_append (out, separator);
      g_string_append (out, g_ptr_array_index (words, i));
    }
  return g_string_free (out, FALSE);
}

static gboolean
is_ascii_word (const char *word)
{
  for (const char *p = word; *p != '\0'; p++)
    if ((guchar) *p >= 0x80)
      return FALSE;
  return TRUE;
}

/* The word as the case of @model: all upper, or capitalised. */
static char *
like_case (const char *word,
           const char *model)
{
  gboolean upper = TRUE;

  for (const char *p = model; *p != '\0'; p++)
    if (g_ascii_islower (*p))
      upper = FALSE;
  if (upper)
    return g_ascii_strup (word, -1);
  else
    {
      char *out = g_ascii_strdown (word, -1);

      out[0] = g_ascii_toupper (out[0]);
      return out;
    }
}

/* Class 1: romanising an original-script name ----------------------------------------- */

typedef enum
{
  SCHEME_ENGLISH,
  SCHEME_FRENCH,
  SCHEME_SPANISH,
  SCHEME_PORTUGUESE,
  SCHEME_ICU,
  N_SCHEMES
} Scheme;

static const char *const scheme_ids[] = { "english", "french", "spanish", "portuguese", "icu" };

static char *
icu_latin (Gen        *gen,
           const char *text)
{
  g_autofree gunichar2 *utf16 = NULL;
  g_autofree gunichar2 *buffer = NULL;
  g_autofree char *latin = NULL;
  UErrorCode status = U_ZERO_ERROR;
  glong length = 0;
  int32_t text_length, limit, capacity;
  GString *out;

  if (gen->any_latin == NULL)
    {
      static const UChar id[] = u"Any-Latin; Latin-ASCII";

      gen->any_latin = utrans_openU (id, -1, UTRANS_FORWARD, NULL, 0, NULL, &status);
      if (U_FAILURE (status))
        gen->any_latin = NULL;
      status = U_ZERO_ERROR;
    }
  utf16 = g_utf8_to_utf16 (text, -1, NULL, &length, NULL);
  if (gen->any_latin == NULL || utf16 == NULL)
    return g_strdup ("");
  capacity = length * 4 + 32;
  buffer = g_new0 (gunichar2, capacity);
  memcpy (buffer, utf16, length * sizeof (gunichar2));
  text_length = limit = length;
  utrans_transUChars (gen->any_latin, buffer, &text_length, capacity, 0, &limit, &status);
  if (U_FAILURE (status))
    return g_strdup ("");
  latin = g_utf16_to_utf8 (buffer, text_length, NULL, NULL, NULL);

  /* Keep letters, spaces and hyphens: ICU writes ʿ and ʾ as apostrophes. */
  out = g_string_new (NULL);
  for (const char *p = latin != NULL ? latin : ""; *p != '\0'; p++)
    if (g_ascii_isalpha (*p) || *p == ' ' || *p == '-')
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

typedef struct
{
  gunichar    letter;
  const char *forms[N_SCHEMES - 1];   /* english, french, spanish, portuguese; "a|b" = either */
  gboolean    consonant;
  gboolean    sun;                    /* assimilates the article: ar-Rahman */
} ArabicRule;

static const ArabicRule arabic_rules[] = {
  { 0x0621, { "|'", "", "", "" }, FALSE, FALSE },
  { 0x0622, { "a|aa", "a", "a", "a" }, FALSE, FALSE },
  { 0x0623, { "a", "a", "a", "a" }, FALSE, FALSE },
  { 0x0624, { "u|'u", "ou", "u", "u" }, FALSE, FALSE },
  { 0x0625, { "i|e", "i", "i", "i" }, FALSE, FALSE },
  { 0x0626, { "i|'i|y", "i", "i", "i" }, FALSE, FALSE },
  { 0x0627, { "a|aa", "a", "a", "a" }, FALSE, FALSE },
  { 0x0628, { "b", "b", "b", "b" }, TRUE, FALSE },
  { 0x0629, { "a|ah", "a|ah", "a", "a" }, FALSE, FALSE },
  { 0x062A, { "t", "t", "t", "t" }, TRUE, TRUE },
  { 0x062B, { "th|s", "th|t", "z|t", "t" }, TRUE, TRUE },
  { 0x062C, { "j|g", "dj|j", "y|j", "j" }, TRUE, FALSE },
  { 0x062D, { "h", "h", "h|j", "h" }, TRUE, FALSE },
  { 0x062E, { "kh", "kh", "j|kh", "kh|x" }, TRUE, FALSE },
  { 0x062F, { "d", "d", "d", "d" }, TRUE, TRUE },
  { 0x0630, { "dh|z", "dh|d", "d|z", "d" }, TRUE, TRUE },
  { 0x0631, { "r", "r", "r", "r" }, TRUE, TRUE },
  { 0x0632, { "z", "z", "z", "z" }, TRUE, TRUE },
  { 0x0633, { "s", "s|ss", "s", "s" }, TRUE, TRUE },
  { 0x0634, { "sh", "ch", "ch|sh", "x|ch" }, TRUE, TRUE },
  { 0x0635, { "s", "s", "s", "s" }, TRUE, TRUE },
  { 0x0636, { "d|dh", "d", "d", "d" }, TRUE, TRUE },
  { 0x0637, { "t", "t", "t", "t" }, TRUE, TRUE },
  { 0x0638, { "z|dh", "z", "z", "z" }, TRUE, TRUE },
  { 0x0639, { "a|'a|", "a|", "a|", "a|" }, FALSE, FALSE },
  { 0x063A, { "gh", "gh|r", "g|gh", "gh" }, TRUE, FALSE },
  { 0x0641, { "f", "f", "f", "f" }, TRUE, FALSE },
  { 0x0642, { "q|k", "k|q", "q|k", "q" }, TRUE, FALSE },
  { 0x0643, { "k", "k", "k|c", "k|c" }, TRUE, FALSE },
  { 0x0644, { "l", "l", "l", "l" }, TRUE, TRUE },
  { 0x0645, { "m", "m", "m", "m" }, TRUE, FALSE },
  { 0x0646, { "n", "n", "n", "n" }, TRUE, TRUE },
  { 0x0647, { "h", "h", "h", "h" }, TRUE, FALSE },
  { 0x0648, { "w|u|oo", "ou|w", "u|w", "u|w" }, FALSE, FALSE },
  { 0x0649, { "a", "a", "a", "a" }, FALSE, FALSE },
  { 0x064A, { "y|i|ee", "i|y", "i|y", "i|y" }, FALSE, FALSE },
  { 0x067E, { "p", "p", "p", "p" }, TRUE, FALSE },
  { 0x0686, { "ch", "tch", "ch", "tch" }, TRUE, FALSE },
  { 0x06A9, { "k", "k", "k", "k" }, TRUE, FALSE },
  { 0x06AF, { "g", "g", "g", "g" }, TRUE, FALSE },
  { 0x06CC, { "y|i", "i|y", "i|y", "i|y" }, FALSE, FALSE },
};

static const ArabicRule *
arabic_rule (gunichar c)
{
  for (guint i = 0; i < G_N_ELEMENTS (arabic_rules); i++)
    if (arabic_rules[i].letter == c)
      return &arabic_rules[i];
  return NULL;
}

static const char *
pick_form (Gen        *gen,
           const char *forms,
           char       *buffer,
           gsize       size)
{
  g_auto(GStrv) choices = g_strsplit (forms, "|", -1);
  guint n = g_strv_length (choices);

  g_strlcpy (buffer, n > 0 ? choices[below (gen, n)] : "", size);
  return buffer;
}

/* The short vowel a clerk writes between two consonants. */
static const char *
short_vowel (Gen    *gen,
             Scheme  scheme)
{
  static const char *const english[] = { "a", "a", "a", "i", "u", "e", "o" };
  static const char *const french[] = { "e", "a", "a", "ou", "i", "e" };
  static const char *const spanish[] = { "a", "a", "e", "i", "u", "o" };

  switch (scheme)
    {
    case SCHEME_FRENCH:
      return pick (gen, french, G_N_ELEMENTS (french));
    case SCHEME_SPANISH:
    case SCHEME_PORTUGUESE:
      return pick (gen, spanish, G_N_ELEMENTS (spanish));
    case SCHEME_ENGLISH:
    case SCHEME_ICU:
    case N_SCHEMES:
    default:
      return pick (gen, english, G_N_ELEMENTS (english));
    }
}

/* One Arabic word, romanised letter by letter in @scheme, with a guessed short vowel
 * between consonants (mostly; a clerk sometimes writes none: "Mhmd" is rare, "Abdlrahman"
 * not). */
static char *
romanise_arabic_word (Gen        *gen,
                      const char *word,
                      Scheme      scheme)
{
  GString *out = g_string_new (NULL);
  gboolean previous_consonant = FALSE;
  char buffer[16];

  for (const char *p = word; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      const ArabicRule *rule = arabic_rule (c);

      if (c == 0x0651 && out->len > 0 && chance (gen, 50))
        {
          /* shadda: the consonant doubled, in most schemes */
          g_string_append_c (out, out->str[out->len - 1]);
          continue;
        }
      if (rule == NULL)
        continue;
      if (rule->consonant && previous_consonant && chance (gen, 92))
        g_string_append (out, short_vowel (gen, scheme));
      g_string_append (out, pick_form (gen, rule->forms[scheme], buffer, sizeof buffer));
      previous_consonant = rule->consonant;
    }
  return g_string_free (out, FALSE);
}

/* The name of God, الله, in compound names (Hidayatullah, Abdallah, Nasrallah): one word
 * said Allāh, whose article is part of it and whose vowels no scheme guesses. It is
 * written Allah or Ullah, often glued to the word before it, Ellah or Oullah in French,
 * Alá in Spanish and Portuguese. */
static const char *const allah_english[] = { "allah", "ullah", "ullah", "ulla" };
static const char *const allah_french[] = { "allah", "ellah", "oullah" };
static const char *const allah_iberian[] = { "ala", "allah", "ala" };

static gboolean
is_allah (const char *word)
{
  GString *letters = g_string_new (NULL);
  gboolean allah;

  for (const char *p = word; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* harakat, shadda, the dagger alif and tatweel */
      if ((c >= 0x064B && c <= 0x065F) || c == 0x0670 || c == 0x0640)
        continue;
      g_string_append_unichar (letters, c);
    }
  allah = g_str_equal (letters->str, "الله") || g_str_equal (letters->str, "اللہ");
  g_string_free (letters, TRUE);
  return allah;
}

static gboolean
is_allah_rendering (const char *word)
{
  const char *const *lists[] = { allah_english, allah_french, allah_iberian };
  const guint sizes[] = { G_N_ELEMENTS (allah_english), G_N_ELEMENTS (allah_french),
                          G_N_ELEMENTS (allah_iberian) };

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; i < sizes[l]; i++)
      if (g_str_equal (word, lists[l][i]))
        return TRUE;
  return FALSE;
}

static gboolean
is_abd (const char *word)
{
  return g_str_equal (word, "abd") || g_str_equal (word, "'abd") || g_str_equal (word, "abad");
}

static char *
romanise_arabic (Gen        *gen,
                 const char *name,
                 Scheme      scheme)
{
  g_auto(GStrv) words = g_strsplit (name, " ", -1);
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; words[i] != NULL; i++)
    {
      const char *word = words[i];
      const char *article = NULL;
      g_autofree char *rest = NULL;

      if (word[0] == '\0')
        continue;
      if (is_allah (word))
        {
          const char *allah;

          if (scheme == SCHEME_FRENCH)
            allah = pick (gen, allah_french, G_N_ELEMENTS (allah_french));
          else if (scheme == SCHEME_SPANISH || scheme == SCHEME_PORTUGUESE)
            allah = pick (gen, allah_iberian, G_N_ELEMENTS (allah_iberian));
          else
            allah = pick (gen, allah_english, G_N_ELEMENTS (allah_english));
          /* Glued to the word before (Abd is glued below, its own way). */
          if (out->len > 0 && !is_abd (g_ptr_array_index (out, out->len - 1)) &&
              chance (gen, 50))
            {
              char *before = g_ptr_array_index (out, out->len - 1);

              g_ptr_array_index (out, out->len - 1) = g_strconcat (before, allah, NULL);
              g_free (before);
            }
          else
            g_ptr_array_add (out, g_strdup (allah));
          continue;
        }
      if (g_str_has_prefix (word, "ال") && g_utf8_strlen (word, -1) > 3)
        {
          const ArabicRule *first = arabic_rule (g_utf8_get_char (word + strlen ("ال")));
          static const char *const english[] = { "al-", "al-", "al ", "el-", "", "al" };
          static const char *const french[] = { "el-", "el ", "al-", "", "el" };

          article = scheme == SCHEME_FRENCH ? pick (gen, french, G_N_ELEMENTS (french))
                                            : pick (gen, english, G_N_ELEMENTS (english));
          word += strlen ("ال");
          rest = romanise_arabic_word (gen, word, scheme);
          /* Sun letters: ar-Rahman, as-Sayed, ash-Shami. */
          if (first != NULL && first->sun && article[0] != '\0' && chance (gen, 30) &&
              rest[0] != '\0')
            {
              g_autofree char *sun = g_strndup (rest, rest[1] == 'h' ? 2 : 1);

              g_ptr_array_add (out, g_strdup_printf ("%c%s-%s", article[0], sun, rest));
            }
          else
            g_ptr_array_add (out, g_strconcat (article, rest, NULL));
          continue;
        }
      g_ptr_array_add (out, romanise_arabic_word (gen, word, scheme));
    }

  /* "Abd" glued to what follows, often with the article: Abdulrahman, Abdel Kader. */
  for (guint i = 0; i + 1 < out->len; i++)
    {
      const char *word = g_ptr_array_index (out, i);

      if (is_abd (word) && chance (gen, 60))
        {
          const char *next = g_ptr_array_index (out, i + 1);
          static const char *const glue[] = { "abdul", "abdel", "abdoul", "abd", "abdal" };
          const char *tail = next;

          /* Abdullah, Abdellah, Abdalla */
          if (is_allah_rendering (tail))
            tail = g_str_has_suffix (tail, "h") ? "lah" : "la";
          else if (g_str_has_prefix (tail, "al-") || g_str_has_prefix (tail, "el-"))
            tail += 3;
          else if (g_str_has_prefix (tail, "al") || g_str_has_prefix (tail, "el"))
            tail += 2;
          g_ptr_array_index (out, i) = chance (gen, 50)
                                         ? g_strconcat (pick (gen, glue, G_N_ELEMENTS (glue)),
                                                        tail, NULL)
                                         : g_strconcat (pick (gen, glue, G_N_ELEMENTS (glue)),
                                                        " ", tail, NULL);
          g_free ((char *) word);
          g_ptr_array_remove_index (out, i + 1);
        }
    }
  {
    g_autofree char *joined = join_words (out, " ");
    char *upper = g_ascii_strup (joined, -1);

    return upper;
  }
}

/* Cyrillic, per scheme: ICAO-like English, BGN-like, French, German. */
static const char *const cyrillic_rules[][4] = {
  { "a", "a", "a", "a" }, { "b", "b", "b", "b" }, { "v", "v", "v", "w" },
  { "g", "g", "g", "g" }, { "d", "d", "d", "d" }, { "e", "ye|e", "e", "je|e" },
  { "zh", "zh", "j", "sch" }, { "z", "z", "z", "s" }, { "i", "i", "i", "i" },
  { "i|y", "y", "i|y", "j" }, { "k", "k", "k", "k" }, { "l", "l", "l", "l" },
  { "m", "m", "m", "m" }, { "n", "n", "n", "n" }, { "o", "o", "o", "o" },
  { "p", "p", "p", "p" }, { "r", "r", "r", "r" }, { "s", "s", "ss|s", "s" },
  { "t", "t", "t", "t" }, { "u", "u", "ou", "u" }, { "f", "f", "f", "f" },
  { "kh|h", "kh", "kh", "ch" }, { "ts", "ts", "ts", "z" }, { "ch", "ch", "tch", "tsch" },
  { "sh", "sh", "ch", "sch" }, { "shch", "shch", "chtch", "schtsch" }, { "", "", "", "" },
  { "y", "y", "y", "y" }, { "", "", "", "" }, { "e", "e", "e", "e" },
  { "iu|yu", "yu", "iou", "ju" }, { "ia|ya", "ya", "ia", "ja" },
};

static char *
romanise_cyrillic (Gen        *gen,
                   const char *name,
                   Scheme      scheme)
{
  g_autofree char *folded = g_utf8_strdown (name, -1);
  GString *out = g_string_new (NULL);
  guint column = scheme == SCHEME_FRENCH ? 2 : scheme == SCHEME_SPANISH ? 1
                 : scheme == SCHEME_PORTUGUESE ? 3 : 0;
  char buffer[16];

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= 0x0430 && c <= 0x044F)
        {
          const char *piece = pick_form (gen, cyrillic_rules[c - 0x0430][column], buffer,
                                         sizeof buffer);

          /* -ий: -iy, -ii, -y or -i at the end of a word */
          if (c == 0x0439 && out->len > 0 && out->str[out->len - 1] == 'i' &&
              (p[2] == '\0' || p[2] == ' '))
            {
              static const char *const endings[] = { "y", "i", "", "j" };

              piece = pick (gen, endings, G_N_ELEMENTS (endings));
            }
          g_string_append (out, piece);
        }
      else if (c == 0x0451)
        g_string_append (out, chance (gen, 50) ? "yo" : "e");
      else if (c < 0x80)
        g_string_append_c (out, (char) c);
    }
  {
    char *upper = g_ascii_strup (out->str, -1);

    g_string_free (out, TRUE);
    return upper;
  }
}

/* Spelling families and rules (class 6) -------------------------------------------- */

/* Regional spellings of one name, as manifests write them. Ours: from the research's list
 * (§5.3 class 6) and common usage. */
static const char *const spelling_families[] = {
  "mohamed muhammad mohammed mehmet mamadou mahamat mouhamed mohamad muhammed",
  "ousmane usman othman osman uthman outhmane",
  "diallo jallow djalo dialo",
  "coulibaly kulibali kulibaly koulibali",
  "toure ture touray",
  "abdoulaye abdullahi abdallah abdullah abdulla",
  "ahmed ahmad ahmadou ahmet",
  "ibrahim ibrahima brahim ebrahim",
  "youssef yusuf yousef youssouf yusif",
  "hussein husayn hossein houssein husain",
  "omar umar oumar omer",
  "ali aly",
  "hassan hasan hassane",
  "mustafa moustapha mostafa mustapha",
  "abdul abdel abdoul abdal",
  "abu abou",
  "bin ben ibn",
  "khalid khaled",
  "said saeed sayed",
  "salih saleh",
  "yahya yahia yaya",
  "sulaiman suleiman souleymane sulayman",
  "ismail ismael ismaila",
  "musa moussa mousa",
  "idris idriss idrissa",
  "yaqub yacoub yakub",
  "jamal djamel gamal",
  "nasser nasir nacer",
  "abdelkader abdulqadir abdulkadir",
  "abdelaziz abdulaziz",
  "abdelrahman abdulrahman abderrahmane",
  "mahmoud mahmud",
  "tariq tarek tarik",
  "rashid rachid rasheed",
  "faisal faycal faysal",
  "yasin yassine yassin",
  "zakaria zakariya",
  "aleksandr alexander alexandre",
  "sergey sergei serguei",
  "dmitriy dmitri dmitry",
  "yuriy yuri iouri",
};

static char *
family_variant (Gen        *gen,
                const char *lower)
{
  for (guint i = 0; i < G_N_ELEMENTS (spelling_families); i++)
    {
      g_auto(GStrv) members = g_strsplit (spelling_families[i], " ", -1);
      guint n = g_strv_length (members);

      if (!g_strv_contains ((const char *const *) members, lower))
        continue;
      for (guint tries = 0; tries < 8; tries++)
        {
          const char *other = members[below (gen, n)];

          if (!g_str_equal (other, lower))
            return g_strdup (other);
        }
    }
  return NULL;
}

typedef struct
{
  const char *from;
  const char *to;
} Rewrite;

/* Conventions that differ between French, English, Spanish and Portuguese spellings of
 * the same sounds, and Slavic endings. */
static const Rewrite spelling_rules[] = {
  { "ou", "u" }, { "u", "ou" }, { "dj", "j" }, { "j", "dj" }, { "sh", "ch" }, { "ch", "sh" },
  { "kh", "h" }, { "q", "k" }, { "k", "q" }, { "ee", "i" }, { "oo", "u" }, { "ph", "f" },
  { "ai", "ei" }, { "ei", "ai" }, { "ie", "iye" }, { "ia", "iya" }, { "ss", "s" },
  { "ll", "l" }, { "dh", "z" }, { "th", "t" }, { "iy", "ii" }, { "ii", "iy" }, { "y", "i" },
  { "ov", "off" }, { "ova", "ov" }, { "ah", "a" }, { "gh", "g" },
};

static char *
rule_variant (Gen        *gen,
              const char *lower)
{
  guint start = below (gen, G_N_ELEMENTS (spelling_rules));

  if (strlen (lower) < 4)
    return NULL;
  for (guint k = 0; k < G_N_ELEMENTS (spelling_rules); k++)
    {
      const Rewrite *rule = &spelling_rules[(start + k) % G_N_ELEMENTS (spelling_rules)];
      const char *at = strstr (lower, rule->from);

      if (at != NULL)
        {
          GString *out = g_string_new (NULL);

          g_string_append_len (out, lower, at - lower);
          g_string_append (out, rule->to);
          g_string_append (out, at + strlen (rule->from));
          return g_string_free (out, FALSE);
        }
    }
  return NULL;
}

/* Typos (class 7) ---------------------------------------------------------------------- */

static const char *const keyboard[] = {
  "qwertyuiop", "asdfghjkl", "zxcvbnm",
};

static char
neighbour (Gen  *gen,
           char  c)
{
  for (guint r = 0; r < G_N_ELEMENTS (keyboard); r++)
    {
      const char *at = strchr (keyboard[r], c);

      if (at != NULL)
        {
          gsize i = at - keyboard[r];

          if (i == 0)
            return keyboard[r][1];
          if (keyboard[r][i + 1] == '\0')
            return keyboard[r][i - 1];
          return keyboard[r][chance (gen, 50) ? i - 1 : i + 1];
        }
    }
  return c;
}

/* One error in a lower-case ASCII word of four letters or more. */
static char *
typo (Gen        *gen,
      const char *word,
      const char **how)
{
  GString *out = g_string_new (word);
  gsize n = out->len;
  gsize at = 1 + below (gen, n - 2);   /* clerks and OCR rarely miss the first letter */

  switch (below (gen, 5))
    {
    case 0:
      {
        char c = out->str[at];

        out->str[at] = out->str[at + 1];
        out->str[at + 1] = c;
        *how = "transposition";
      }
      break;
    case 1:
      out->str[at] = neighbour (gen, out->str[at]);
      *how = "keyboard";
      break;
    case 2:
      g_string_insert_c (out, at, out->str[at]);
      *how = "doubled";
      break;
    case 3:
      g_string_erase (out, at, 1);
      *how = "dropped";
      break;
    default:
      {
        /* OCR of a scanned MRZ or a photographed page */
        static const Rewrite ocr[] = {
          { "m", "rn" }, { "rn", "m" }, { "cl", "d" }, { "i", "l" }, { "l", "i" }, { "u", "v" },
          { "o", "c" }, { "e", "c" }, { "h", "b" },
        };
        guint start = below (gen, G_N_ELEMENTS (ocr));

        *how = "ocr";
        for (guint k = 0; k < G_N_ELEMENTS (ocr); k++)
          {
            const Rewrite *rule = &ocr[(start + k) % G_N_ELEMENTS (ocr)];
            const char *found = strstr (out->str + 1, rule->from);

            if (found != NULL)
              {
                gsize pos = found - out->str;

                g_string_erase (out, pos, strlen (rule->from));
                g_string_insert (out, pos, rule->to);
                return g_string_free (out, FALSE);
              }
          }
        out->str[at] = neighbour (gen, out->str[at]);
      }
      break;
    }
  return g_string_free (out, FALSE);
}

/* Dates --------------------------------------------------------------------------------- */

typedef struct
{
  int year, month, day;
  gboolean known;     /* the list has a date for this person */
  gboolean range;     /* the list's date is a range or an approximate year */
} PlantedDob;

static PlantedDob
planted_dob (Gen                        *gen,
             const TarmacWatchlistEntry *entry)
{
  PlantedDob dob = { 0 };
  const TarmacDob *listed;

  dob.month = 1 + below (gen, 12);
  dob.day = 1 + below (gen, 28);
  if (entry->dobs->len == 0)
    {
      dob.year = 1950 + below (gen, 45);
      return dob;
    }
  listed = &g_array_index (entry->dobs, TarmacDob, below (gen, entry->dobs->len));
  dob.known = TRUE;
  dob.year = listed->year_from + (listed->year_to > listed->year_from
                                    ? below (gen, listed->year_to - listed->year_from + 1) : 0);
  dob.range = listed->kind == TARMAC_DOB_RANGE || listed->kind == TARMAC_DOB_APPROXIMATE;
  if (listed->month > 0)
    dob.month = listed->month;
  if (listed->day > 0)
    dob.day = listed->day;
  return dob;
}

static char *
format_dob (int year,
            int month,
            int day)
{
  return g_strdup_printf ("%04d-%02d-%02d", year, month, day);
}

/* Probes ------------------------------------------------------------------------------- */

static const TarmacWatchlistName *
primary_name (const TarmacWatchlistEntry *entry)
{
  for (guint i = 0; i < entry->names->len; i++)
    {
      const TarmacWatchlistName *name = g_ptr_array_index (entry->names, i);

      if (name->quality == TARMAC_NAME_QUALITY_PRIMARY && name->script == NULL)
        return name;
    }
  for (guint i = 0; i < entry->names->len; i++)
    {
      const TarmacWatchlistName *name = g_ptr_array_index (entry->names, i);

      if (name->script == NULL)
        return name;
    }
  return NULL;
}

static TarmacScreenProbe *
probe_for (Gen                        *gen,
           TarmacVariantClass          klass,
           int                         index,
           const TarmacWatchlistEntry *entry,
           char                       *name,
           const char                 *how)
{
  TarmacScreenProbe *probe = g_new0 (TarmacScreenProbe, 1);
  PlantedDob dob = planted_dob (gen, entry);

  probe->klass = klass;
  probe->entry = index;
  probe->name = name;
  probe->how = how;
  if (klass != TARMAC_VARIANT_LOW_ALIAS)
    {
      probe->dob = format_dob (dob.year, dob.month, dob.day);
      if (entry->nationalities->len > 0)
        probe->nationality = g_strdup (g_ptr_array_index (entry->nationalities,
                                                          below (gen, entry->nationalities->len)));
      probe->sex = g_strdup (entry->sex != NULL ? entry->sex : chance (gen, 80) ? "M" : "F");
    }
  return probe;
}

static char *
retransliterate (Gen                        *gen,
                 const TarmacWatchlistEntry *entry,
                 const char                **how)
{
  g_autoptr(GPtrArray) originals = g_ptr_array_new ();
  const TarmacWatchlistName *original;
  Scheme scheme = below (gen, N_SCHEMES);

  for (guint i = 0; i < entry->names->len; i++)
    {
      const TarmacWatchlistName *name = g_ptr_array_index (entry->names, i);

      /* A Low-quality alias counts only as written (class 9): romanised anew, it is not
       * a name the entry should alert on. */
      if (name->script != NULL && name->quality != TARMAC_NAME_QUALITY_WEAK &&
          (g_str_equal (name->script, "arabic") || g_str_equal (name->script, "cyrillic")))
        g_ptr_array_add (originals, (gpointer) name);
    }
  if (originals->len == 0)
    return NULL;
  original = g_ptr_array_index (originals, below (gen, originals->len));
  *how = scheme_ids[scheme];
  if (scheme == SCHEME_ICU)
    {
      g_autofree char *latin = icu_latin (gen, original->name);

      return g_ascii_strup (latin, -1);
    }
  if (g_str_equal (original->script, "arabic"))
    return romanise_arabic (gen, original->name, scheme);
  return romanise_cyrillic (gen, original->name, scheme);
}

static char *
alias (Gen                        *gen,
       const TarmacWatchlistEntry *entry,
       TarmacNameQuality           quality)
{
  const TarmacWatchlistName *primary = primary_name (entry);
  g_autoptr(GPtrArray) aliases = g_ptr_array_new ();

  for (guint i = 0; i < entry->names->len; i++)
    {
      const TarmacWatchlistName *name = g_ptr_array_index (entry->names, i);

      if (name->quality == quality && name->script == NULL && name != primary)
        g_ptr_array_add (aliases, (gpointer) name);
    }
  if (aliases->len == 0)
    return NULL;
  return g_strdup (((const TarmacWatchlistName *)
                    g_ptr_array_index (aliases, below (gen, aliases->len)))->name);
}

static char *
reorder (Gen        *gen,
         GPtrArray  *words,
         const char **how)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new ();
  guint n = words->len;

  if (n < 2)
    return NULL;
  switch (below (gen, 3))
    {
    case 0:
      /* family name first */
      g_ptr_array_add (out, g_ptr_array_index (words, n - 1));
      for (guint i = 0; i + 1 < n; i++)
        g_ptr_array_add (out, g_ptr_array_index (words, i));
      *how = "family-first";
      return join_words (out, " ");
    case 1:
      {
        /* "SURNAME, Given Names" */
        g_autoptr(GPtrArray) given = g_ptr_array_new ();

        for (guint i = 0; i + 1 < n; i++)
          g_ptr_array_add (given, g_ptr_array_index (words, i));
        {
          g_autofree char *rest = join_words (given, " ");

          *how = "comma";
          return g_strdup_printf ("%s, %s", (char *) g_ptr_array_index (words, n - 1), rest);
        }
      }
    default:
      /* An APIS record whose fields were swapped: the first word as the surname, the
       * rest as given names, printed surname first. */
      for (guint i = 1; i < n; i++)
        g_ptr_array_add (out, g_ptr_array_index (words, i));
      g_ptr_array_add (out, g_ptr_array_index (words, 0));
      *how = "fields-swapped";
      return join_words (out, " ");
    }
}

static gboolean
is_patronymic (const char *word)
{
  g_autofree char *lower = g_ascii_strdown (word, -1);

  return g_str_equal (lower, "bin") || g_str_equal (lower, "ibn") || g_str_equal (lower, "ben") ||
         g_str_equal (lower, "bint") || g_str_equal (lower, "ould");
}

static gboolean
is_article (const char *word)
{
  g_autofree char *lower = g_ascii_strdown (word, -1);

  return g_str_has_prefix (lower, "al-") || g_str_has_prefix (lower, "el-") ||
         g_str_equal (lower, "al") || g_str_equal (lower, "el");
}

/* A space and the initial of @word: its first letter, whole (a word may start with ‘ or '
 * before its letter, and a letter may take several bytes); nothing for a word without
 * letters. */
static void
append_initial (GString    *text,
                const char *word)
{
  for (const char *p = word; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalpha (c))
        {
          g_string_append_c (text, ' ');
          g_string_append_unichar (text, c);
          return;
        }
    }
}

static char *
omit (Gen        *gen,
      GPtrArray  *words,
      const char **how)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new ();
  guint n = words->len;
  gboolean has_patronymic = FALSE, has_article = FALSE;

  for (guint i = 0; i < n; i++)
    {
      has_patronymic |= is_patronymic (g_ptr_array_index (words, i));
      has_article |= is_article (g_ptr_array_index (words, i));
    }

  if (has_patronymic && chance (gen, 70))
    {
      /* "X bin Y bin Z" → "X Z" */
      for (guint i = 0; i < n; i++)
        {
          if (i > 0 && i + 2 < n && is_patronymic (g_ptr_array_index (words, i)))
            {
              i++;
              continue;
            }
          if (!is_patronymic (g_ptr_array_index (words, i)))
            g_ptr_array_add (out, g_ptr_array_index (words, i));
        }
      *how = "nasab";
      if (out->len >= 2 && out->len < n)
        return join_words (out, " ");
      g_ptr_array_set_size (out, 0);
    }

  if (has_article && chance (gen, 60))
    {
      GString *text = g_string_new (NULL);

      for (guint i = 0; i < n; i++)
        {
          const char *word = g_ptr_array_index (words, i);

          if (is_article (word) && strlen (word) <= 2)
            continue;
          if (is_article (word))
            word += 3;
          g_string_append_printf (text, "%s%s", text->len > 0 ? " " : "", word);
        }
      *how = "article-dropped";
      return g_string_free (text, FALSE);
    }

  if (n >= 3)
    {
      if (chance (gen, 30))
        {
          /* middle names as initials */
          GString *text = g_string_new (g_ptr_array_index (words, 0));

          for (guint i = 1; i + 1 < n; i++)
            append_initial (text, g_ptr_array_index (words, i));
          g_string_append_printf (text, " %s", (char *) g_ptr_array_index (words, n - 1));
          *how = "initials";
          return g_string_free (text, FALSE);
        }
      g_ptr_array_add (out, g_ptr_array_index (words, 0));
      g_ptr_array_add (out, g_ptr_array_index (words, n - 1));
      *how = "middle-dropped";
      return join_words (out, " ");
    }

  if (n == 2 && !has_article && chance (gen, 50))
    {
      /* an article added where the list has none */
      *how = "article-added";
      return g_strdup_printf ("%s AL-%s", (char *) g_ptr_array_index (words, 0),
                              (char *) g_ptr_array_index (words, 1));
    }
  return NULL;
}

static char *
segment (Gen        *gen,
         GPtrArray  *words,
         const char **how)
{
  static const char *const prefixes[] = { "abdul", "abdel", "abdoul", "abd", "abu", "abou",
                                          "al", "el", "bin", "ben", "ould" };
  guint n = words->len;

  /* Split a glued word: Abdulrahman → Abdul Rahman. */
  for (guint i = 0; i < n; i++)
    {
      const char *word = g_ptr_array_index (words, i);
      g_autofree char *lower = g_ascii_strdown (word, -1);

      if (strchr (word, '-') != NULL)
        {
          char *copy = g_strdup (word);

          for (char *p = copy; *p != '\0'; p++)
            if (*p == '-')
              *p = chance (gen, 50) ? ' ' : '\x01';
          {
            GString *text = g_string_new (NULL);

            for (guint k = 0; k < n; k++)
              {
                const char *w = k == i ? copy : g_ptr_array_index (words, k);

                g_string_append_printf (text, "%s%s", k > 0 ? " " : "", w);
              }
            g_free (copy);
            /* \x01 marks a hyphen dropped with its words glued */
            {
              GString *clean = g_string_new (NULL);

              for (const char *p = text->str; *p != '\0'; p++)
                if (*p != '\x01')
                  g_string_append_c (clean, *p);
              g_string_free (text, TRUE);
              *how = "hyphen";
              return g_string_free (clean, FALSE);
            }
          }
        }

      for (guint k = 0; k < G_N_ELEMENTS (prefixes); k++)
        if (g_str_has_prefix (lower, prefixes[k]) && strlen (lower) >= strlen (prefixes[k]) + 4)
          {
            GString *text = g_string_new (NULL);
            gsize cut = strlen (prefixes[k]);

            for (guint m = 0; m < n; m++)
              {
                const char *w = g_ptr_array_index (words, m);

                if (m > 0)
                  g_string_append_c (text, ' ');
                if (m == i)
                  {
                    g_string_append_len (text, w, cut);
                    g_string_append_c (text, ' ');
                    g_string_append (text, w + cut);
                  }
                else
                  g_string_append (text, w);
              }
            *how = "split";
            return g_string_free (text, FALSE);
          }
    }

  /* Glue a particle or a short first part to the next word: Abdul Rahman → Abdulrahman,
   * Al Sabah → Alsabah; failing that, any two neighbours. */
  {
    guint at = n;

    for (guint i = 0; i + 1 < n; i++)
      {
        g_autofree char *lower = g_ascii_strdown (g_ptr_array_index (words, i), -1);

        for (guint k = 0; k < G_N_ELEMENTS (prefixes); k++)
          if (g_str_equal (lower, prefixes[k]))
            at = i;
      }
    if (at == n && n >= 3)
      at = below (gen, n - 1);
    if (at == n)
      return NULL;
    {
      GString *text = g_string_new (NULL);

      for (guint m = 0; m < n; m++)
        {
          if (m > 0 && m != at + 1)
            g_string_append_c (text, ' ');
          g_string_append (text, g_ptr_array_index (words, m));
        }
      *how = "glued";
      return g_string_free (text, FALSE);
    }
  }
}

static char *
respell (Gen        *gen,
         GPtrArray  *words,
         const char **how)
{
  guint n = words->len;
  guint start = below (gen, MAX (n, 1));

  /* A name family first, on any word; then a spelling convention. */
  for (guint pass = 0; pass < 2; pass++)
    for (guint k = 0; k < n; k++)
      {
        guint i = (start + k) % n;
        const char *word = g_ptr_array_index (words, i);
        g_autofree char *lower = g_ascii_strdown (word, -1);
        g_autofree char *variant = NULL;

        if (!is_ascii_word (word))
          continue;
        variant = pass == 0 ? family_variant (gen, lower) : rule_variant (gen, lower);
        if (variant != NULL)
          {
            g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (g_free);

            for (guint m = 0; m < n; m++)
              g_ptr_array_add (out, m == i ? like_case (variant, word)
                                           : g_strdup (g_ptr_array_index (words, m)));
            *how = pass == 0 ? "family" : "convention";
            return join_words (out, " ");
          }
      }

  /* A Spanish or Portuguese double surname reduced to one. */
  if (n >= 3)
    {
      g_autoptr(GPtrArray) out = g_ptr_array_new ();

      for (guint m = 0; m + 1 < n; m++)
        g_ptr_array_add (out, g_ptr_array_index (words, m));
      *how = "double-surname";
      return join_words (out, " ");
    }
  return NULL;
}

static char *
mistype (Gen        *gen,
         GPtrArray  *words,
         guint       errors,
         const char **how)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (g_free);
  guint made = 0;

  for (guint m = 0; m < words->len; m++)
    g_ptr_array_add (out, g_ascii_strdown (g_ptr_array_index (words, m), -1));

  for (guint tries = 0; tries < 16 && made < errors; tries++)
    {
      guint i = below (gen, out->len);
      char *word = g_ptr_array_index (out, i);

      if (strlen (word) < 5 || !is_ascii_word (word))
        continue;
      g_ptr_array_index (out, i) = typo (gen, word, how);
      g_free (word);
      made++;
    }
  if (made == 0)
    return NULL;
  {
    g_autofree char *joined = join_words (out, " ");

    return g_ascii_strup (joined, -1);
  }
}

/* Class 8: the name as listed, the date or document as a manifest may differ. */
static TarmacScreenProbe *
dob_document (Gen                        *gen,
              int                         index,
              const TarmacWatchlistEntry *entry,
              const char                 *name)
{
  TarmacScreenProbe *probe = probe_for (gen, TARMAC_VARIANT_DOB_DOCUMENT, index, entry,
                                        g_strdup (name), NULL);
  PlantedDob dob = planted_dob (gen, entry);
  const TarmacWatchlistDocument *passport = NULL;

  for (guint i = 0; i < entry->documents->len; i++)
    {
      const TarmacWatchlistDocument *document = g_ptr_array_index (entry->documents, i);

      if (document->number_normalised != NULL && strlen (document->number_normalised) >= 5)
        passport = document;
    }

  switch (below (gen, passport != NULL ? 6 : 5))
    {
    case 0:
      g_free (probe->dob);
      probe->dob = g_strdup_printf ("%04d", dob.year);
      probe->how = "year-only";
      break;
    case 1:
      g_free (probe->dob);
      probe->dob = format_dob (dob.year + (chance (gen, 50) ? 1 : -1), dob.month, dob.day);
      probe->how = "one-year-apart";
      break;
    case 2:
      g_free (probe->dob);
      if (dob.day <= 12 && dob.day != dob.month)
        {
          probe->dob = format_dob (dob.year, dob.day, dob.month);
          probe->how = "day-month-swapped";
        }
      else
        {
          probe->dob = format_dob (dob.year, dob.month, dob.day);
          probe->how = "same-date";
        }
      break;
    case 3:
      /* the nationality in words, as a manifest or an officer may type it */
      if (probe->nationality != NULL && tarmac_country_name (probe->nationality) != NULL)
        {
          char *words = g_strdup (tarmac_country_name (probe->nationality));

          g_free (probe->nationality);
          probe->nationality = words;
        }
      probe->how = "nationality-in-words";
      break;
    case 4:
      /* a date inside the list's range, or the listed date */
      probe->how = dob.range ? "within-range" : "same-date";
      break;
    default:
      {
        GString *number = g_string_new (NULL);

        for (const char *p = passport->number_normalised; *p != '\0'; p++)
          {
            char c = *p;

            if (c == '0' && chance (gen, 60))
              c = 'O';
            else if (c == 'O' && chance (gen, 60))
              c = '0';
            g_string_append_c (number, c);
            if (p[1] != '\0' && chance (gen, 15))
              g_string_append_c (number, chance (gen, 50) ? ' ' : '-');
          }
        probe->document = g_string_free (number, FALSE);
        probe->how = "document-variant";
      }
      break;
    }
  return probe;
}

/* Negatives ----------------------------------------------------------------------------- */

static char *
pick_listed (Gen        *gen,
             const char *list)
{
  g_auto(GStrv) items = NULL;
  g_auto(GStrv) variants = NULL;
  guint n;
  char *word, *slash, *equal;

  if (list == NULL || list[0] == '\0')
    return NULL;
  items = g_strsplit (list, "|", -1);
  n = g_strv_length (items);
  variants = g_strsplit (items[below (gen, n)], "~", -1);
  word = g_strdup (variants[below (gen, g_strv_length (variants))]);
  slash = strchr (word, '/');
  equal = strchr (word, '=');
  if (equal != NULL)
    *equal = '\0';
  if (slash != NULL)
    *slash = '\0';
  return word;
}

static const TarmacDemoCulture *
culture_for (Gen                         *gen,
             const TarmacDemoNationality *nationality)
{
  g_auto(GStrv) parts = g_strsplit (nationality->cultures, "|", -1);
  guint total = 0, n = g_strv_length (parts), roll;
  g_autofree guint *weights = g_new0 (guint, n + 1);
  const char *chosen = NULL;

  for (guint i = 0; i < n; i++)
    {
      const char *colon = strchr (parts[i], ':');

      weights[i] = colon != NULL ? (guint) g_ascii_strtoull (colon + 1, NULL, 10) : 1;
      total += weights[i];
    }
  roll = below (gen, MAX (total, 1));
  for (guint i = 0; i < n && chosen == NULL; i++)
    {
      if (roll < weights[i])
        chosen = parts[i];
      else
        roll -= weights[i];
    }
  if (chosen == NULL)
    return &_tarmac_demo_cultures[0];
  for (guint c = 0; c < _tarmac_demo_n_cultures; c++)
    if (strncmp (_tarmac_demo_cultures[c].id, chosen, strcspn (chosen, ":")) == 0 &&
        _tarmac_demo_cultures[c].id[strcspn (chosen, ":")] == '\0')
      return &_tarmac_demo_cultures[c];
  return &_tarmac_demo_cultures[below (gen, _tarmac_demo_n_cultures)];
}

static TarmacScreenProbe *
traveller (Gen *gen)
{
  const TarmacDemoNationality *nationality =
    &_tarmac_demo_nationalities[below (gen, _tarmac_demo_n_nationalities)];
  const TarmacDemoCulture *culture = culture_for (gen, nationality);
  TarmacScreenProbe *probe = g_new0 (TarmacScreenProbe, 1);
  gboolean male = chance (gen, 60);
  GString *name = g_string_new (NULL);
  g_autofree char *given = pick_listed (gen, male ? culture->given_m : culture->given_f);
  guint surnames = culture->min_surnames +
                   below (gen, culture->max_surnames - culture->min_surnames + 1);

  if (given == NULL)
    given = pick_listed (gen, culture->given_m);
  g_string_append (name, given != NULL ? given : "Alex");
  if (chance (gen, culture->second_given))
    {
      g_autofree char *second = pick_listed (gen, male ? culture->given_m : culture->given_f);

      if (second != NULL)
        g_string_append_printf (name, " %s", second);
    }
  for (guint i = 0; i < MAX (surnames, 1); i++)
    {
      g_autofree char *surname = pick_listed (gen, culture->surnames);

      if (surname != NULL)
        g_string_append_printf (name, " %s", surname);
    }

  probe->klass = TARMAC_VARIANT_NEGATIVE;
  probe->entry = -1;
  probe->name = g_string_free (name, FALSE);
  probe->dob = format_dob (1940 + below (gen, 68), 1 + below (gen, 12), 1 + below (gen, 28));
  probe->nationality = g_strdup (nationality->iso3);
  probe->sex = g_strdup (male ? "M" : "F");
  probe->document = g_strdup_printf ("%c%c%07u", 'A' + below (gen, 26), 'A' + below (gen, 26),
                                     below (gen, 10000000));
  probe->how = culture->id;
  return probe;
}

/**
 * tarmac_screen_variants_new:
 * @list: a list of persons (the UN Consolidated List, or a fixture in its shape)
 * @seed: the generator's seed; the same seed gives the same probes
 * @n_travellers: how many travellers who are not on the list to add
 *
 * Plants about ten variants of every person of @list (research/screening.md §5.3), each
 * labelled with its class and the entry it must find, among @n_travellers synthetic
 * travellers. Every planted probe carries a date of birth (the list's, when it has one),
 * the nationality and the sex as a manifest would, but the low-quality-alias ones, which
 * carry the name alone.
 *
 * Returns: (transfer full) (element-type TarmacScreenProbe): the probes
 */
GPtrArray *
tarmac_screen_variants_new (const TarmacWatchlistData *list,
                            guint64                    seed,
                            guint                      n_travellers)
{
  GPtrArray *probes = g_ptr_array_new_with_free_func ((GDestroyNotify) tarmac_screen_probe_free);
  guint32 seeds[2] = { (guint32) seed, (guint32) (seed >> 32) };
  Gen gen = { g_rand_new_with_seed_array (seeds, 2), NULL };

  for (guint e = 0; e < list->entries->len; e++)
    {
      const TarmacWatchlistEntry *entry = g_ptr_array_index (list->entries, e);
      const TarmacWatchlistName *primary = primary_name (entry);
      g_autoptr(GPtrArray) words = NULL;
      const char *how = NULL;
      char *name;

      if (!g_str_equal (entry->kind, "person") || primary == NULL)
        continue;
      words = words_of (primary->name);
      if (words->len == 0)
        continue;

      for (guint k = 0; k < 2; k++)
        if ((name = retransliterate (&gen, entry, &how)) != NULL)
          g_ptr_array_add (probes, probe_for (&gen, TARMAC_VARIANT_RETRANSLIT, e, entry, name,
                                              how));
      if ((name = alias (&gen, entry, TARMAC_NAME_QUALITY_STRONG)) != NULL)
        g_ptr_array_add (probes, probe_for (&gen, TARMAC_VARIANT_ALIAS, e, entry, name, "good"));
      if ((name = alias (&gen, entry, TARMAC_NAME_QUALITY_WEAK)) != NULL)
        g_ptr_array_add (probes, probe_for (&gen, TARMAC_VARIANT_LOW_ALIAS, e, entry, name,
                                            "low"));
      if ((name = reorder (&gen, words, &how)) != NULL)
        g_ptr_array_add (probes, probe_for (&gen, TARMAC_VARIANT_ORDER, e, entry, name, how));
      if ((name = omit (&gen, words, &how)) != NULL)
        g_ptr_array_add (probes, probe_for (&gen, TARMAC_VARIANT_OMISSION, e, entry, name, how));
      if ((name = segment (&gen, words, &how)) != NULL)
        g_ptr_array_add (probes, probe_for (&gen, TARMAC_VARIANT_SEGMENTATION, e, entry, name,
                                            how));
      if ((name = respell (&gen, words, &how)) != NULL)
        g_ptr_array_add (probes, probe_for (&gen, TARMAC_VARIANT_SPELLING, e, entry, name, how));
      if ((name = mistype (&gen, words, 1, &how)) != NULL)
        g_ptr_array_add (probes, probe_for (&gen, TARMAC_VARIANT_TYPO, e, entry, name, how));
      if ((name = mistype (&gen, words, 2, &how)) != NULL)
        g_ptr_array_add (probes, probe_for (&gen, TARMAC_VARIANT_TYPO, e, entry, name, how));
      g_ptr_array_add (probes, dob_document (&gen, e, entry, primary->name));
    }

  for (guint i = 0; i < n_travellers; i++)
    g_ptr_array_add (probes, traveller (&gen));

  if (gen.any_latin != NULL)
    utrans_close (gen.any_latin);
  g_rand_free (gen.rand);
  return probes;
}
