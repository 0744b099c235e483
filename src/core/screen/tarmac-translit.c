/* tarmac-translit.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-translit"

#include "config.h"

#include <string.h>

#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/uscript.h>
#include <unicode/utrans.h>

#include "tarmac-name-key.h"
#include "tarmac-translit.h"
#include "tarmac-translit-private.h"

/*
 * Transliteration of name tokens to lower-case Latin (research/screening.md §3.4, §6).
 *
 * Names of one person reach us in several scripts and several romanisations: the UN list
 * gives the Arabic original next to an English-style spelling, a passport's MRZ carries the
 * ICAO 9303 form, a French consulate writes "ou" and "dj". No single scheme is right, so a
 * Cyrillic or Arabic token gets several Latin renderings, and the matcher compares against
 * all of them. Our own tables (below) cover the two scripts that matter most; anything else
 * goes through ICU's Any-Latin.
 *
 * The tables are ours, written from the published schemes (ICAO Doc 9303 Part 3, BGN/PCGN,
 * and the French conventions of the Maghreb and West Africa).
 */

/* Cyrillic, U+0430..U+045F: ICAO 9303, BGN/PCGN-style English, French-style. */
static const char *const cyrillic_forms[][3] = {
  { "a", "a", "a" },          /* а */
  { "b", "b", "b" },          /* б */
  { "v", "v", "v" },          /* в */
  { "g", "g", "g" },          /* г */
  { "d", "d", "d" },          /* д */
  { "e", "e", "e" },          /* е (BGN: ye after a vowel or at the start, below) */
  { "zh", "zh", "j" },        /* ж */
  { "z", "z", "z" },          /* з */
  { "i", "i", "i" },          /* и */
  { "i", "y", "i" },          /* й */
  { "k", "k", "k" },          /* к */
  { "l", "l", "l" },          /* л */
  { "m", "m", "m" },          /* м */
  { "n", "n", "n" },          /* н */
  { "o", "o", "o" },          /* о */
  { "p", "p", "p" },          /* п */
  { "r", "r", "r" },          /* р */
  { "s", "s", "s" },          /* с */
  { "t", "t", "t" },          /* т */
  { "u", "u", "ou" },         /* у */
  { "f", "f", "f" },          /* ф */
  { "kh", "kh", "kh" },       /* х */
  { "ts", "ts", "ts" },       /* ц */
  { "ch", "ch", "tch" },      /* ч */
  { "sh", "sh", "ch" },       /* ш */
  { "shch", "shch", "chtch" },/* щ */
  { "ie", "", "" },           /* ъ */
  { "y", "y", "y" },          /* ы */
  { "", "", "" },             /* ь */
  { "e", "e", "e" },          /* э */
  { "iu", "yu", "iou" },      /* ю */
  { "ia", "ya", "ia" },       /* я */
  { "e", "e", "e" },          /* ѐ */
  { "e", "yo", "io" },        /* ё */
  { "d", "dj", "dj" },        /* ђ */
  { "g", "gj", "g" },         /* ѓ */
  { "ie", "ye", "ie" },       /* є */
  { "dz", "dz", "dz" },       /* ѕ */
  { "i", "i", "i" },          /* і */
  { "i", "yi", "i" },         /* ї */
  { "j", "j", "j" },          /* ј */
  { "lj", "lj", "lj" },       /* љ */
  { "nj", "nj", "nj" },       /* њ */
  { "c", "c", "c" },          /* ћ */
  { "k", "kj", "k" },         /* ќ */
  { "i", "i", "i" },          /* ѝ */
  { "u", "w", "ou" },         /* ў */
  { "dz", "dzh", "dj" },      /* џ */
};

typedef enum
{
  AR_SKIP,        /* harakat, tatweel, shadda: short vowels are not written, so ignored */
  AR_CONSONANT,
  AR_LONG_A,      /* ا آ ى */
  AR_W,           /* و: w or u */
  AR_Y,           /* ي ی: y or i */
  AR_VOWEL_SEAT,  /* ع أ إ ؤ ئ ء: a vowel or nothing in Latin */
  AR_TA_MARBUTA,  /* ة */
} ArabicKind;

typedef struct
{
  gunichar    letter;
  ArabicKind  kind;
  const char *english;   /* ICAO/ODNI-style */
  const char *french;    /* Maghreb / West African style */
  char        skeleton;  /* consonant class, or 0 */
} ArabicLetter;

static const ArabicLetter arabic_letters[] = {
  { 0x0621, AR_VOWEL_SEAT, "", "", 0 },     /* ء */
  { 0x0622, AR_LONG_A, "a", "a", 0 },       /* آ */
  { 0x0623, AR_VOWEL_SEAT, "a", "a", 0 },   /* أ */
  { 0x0624, AR_VOWEL_SEAT, "u", "ou", 0 },  /* ؤ */
  { 0x0625, AR_VOWEL_SEAT, "i", "i", 0 },   /* إ */
  { 0x0626, AR_VOWEL_SEAT, "i", "i", 0 },   /* ئ */
  { 0x0627, AR_LONG_A, "a", "a", 0 },       /* ا */
  { 0x0628, AR_CONSONANT, "b", "b", 'b' },  /* ب */
  { 0x0629, AR_TA_MARBUTA, "a", "a", 0 },   /* ة */
  { 0x062A, AR_CONSONANT, "t", "t", 't' },  /* ت */
  { 0x062B, AR_CONSONANT, "th", "th", 't' },/* ث */
  { 0x062C, AR_CONSONANT, "j", "dj", 'j' }, /* ج */
  { 0x062D, AR_CONSONANT, "h", "h", 'h' },  /* ح */
  { 0x062E, AR_CONSONANT, "kh", "kh", 'h' },/* خ */
  { 0x062F, AR_CONSONANT, "d", "d", 'd' },  /* د */
  { 0x0630, AR_CONSONANT, "dh", "dh", 'd' },/* ذ */
  { 0x0631, AR_CONSONANT, "r", "r", 'r' },  /* ر */
  { 0x0632, AR_CONSONANT, "z", "z", 'z' },  /* ز */
  { 0x0633, AR_CONSONANT, "s", "s", 's' },  /* س */
  { 0x0634, AR_CONSONANT, "sh", "ch", 'x' },/* ش */
  { 0x0635, AR_CONSONANT, "s", "s", 's' },  /* ص */
  { 0x0636, AR_CONSONANT, "d", "d", 'd' },  /* ض */
  { 0x0637, AR_CONSONANT, "t", "t", 't' },  /* ط */
  { 0x0638, AR_CONSONANT, "z", "z", 'z' },  /* ظ */
  { 0x0639, AR_VOWEL_SEAT, "a", "a", 0 },   /* ع */
  { 0x063A, AR_CONSONANT, "gh", "gh", 'j' },/* غ */
  { 0x0640, AR_SKIP, "", "", 0 },           /* tatweel */
  { 0x0641, AR_CONSONANT, "f", "f", 'f' },  /* ف */
  { 0x0642, AR_CONSONANT, "q", "k", 'k' },  /* ق */
  { 0x0643, AR_CONSONANT, "k", "k", 'k' },  /* ك */
  { 0x0644, AR_CONSONANT, "l", "l", 'l' },  /* ل */
  { 0x0645, AR_CONSONANT, "m", "m", 'm' },  /* م */
  { 0x0646, AR_CONSONANT, "n", "n", 'n' },  /* ن */
  { 0x0647, AR_CONSONANT, "h", "h", 'h' },  /* ه */
  { 0x0648, AR_W, "w", "w", 0 },            /* و */
  { 0x0649, AR_LONG_A, "a", "a", 0 },       /* ى */
  { 0x064A, AR_Y, "y", "y", 0 },            /* ي */
  { 0x0671, AR_LONG_A, "a", "a", 0 },       /* ٱ */
  { 0x067E, AR_CONSONANT, "p", "p", 'b' },  /* پ */
  { 0x0686, AR_CONSONANT, "ch", "tch", 'x' },/* چ */
  { 0x0698, AR_CONSONANT, "zh", "j", 'j' }, /* ژ */
  { 0x06A9, AR_CONSONANT, "k", "k", 'k' },  /* ک */
  { 0x06AF, AR_CONSONANT, "g", "g", 'j' },  /* گ */
  { 0x06BE, AR_CONSONANT, "h", "h", 'h' },  /* ھ */
  { 0x06C1, AR_CONSONANT, "h", "h", 'h' },  /* ہ */
  { 0x06CC, AR_Y, "y", "y", 0 },            /* ی */
  { 0x06D2, AR_Y, "y", "y", 0 },            /* ے */
};

static const ArabicLetter *
lookup_arabic (gunichar c)
{
  static const ArabicLetter skip = { 0, AR_SKIP, "", "", 0 };
  guint lo = 0, hi = G_N_ELEMENTS (arabic_letters);

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (arabic_letters[mid].letter == c)
        return &arabic_letters[mid];
      if (arabic_letters[mid].letter < c)
        lo = mid + 1;
      else
        hi = mid;
    }

  /* Harakat, shadda, superscript alif, Arabic digits and anything unknown add nothing. */
  return &skip;
}

/**
 * tarmac_translit_casefold:
 * @text: UTF-8 text
 *
 * NFKC with Unicode case folding (ICU's NFKC_Casefold): compatibility forms (ﻣ, ﬁ, full-width
 * letters) become plain letters, and case disappears in every script.
 *
 * Returns: (transfer full): the folded text, or an empty string for invalid UTF-8
 */
char *
tarmac_translit_casefold (const char *text)
{
  const UNormalizer2 *nfkc_cf;
  UErrorCode status = U_ZERO_ERROR;
  g_autofree gunichar2 *utf16 = NULL;
  g_autofree gunichar2 *folded = NULL;
  glong utf16_len = 0;
  int32_t folded_len;
  gboolean ascii = TRUE;
  char *result;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return g_strdup ("");

  for (const char *p = text; *p != '\0'; p++)
    if ((guchar) *p >= 0x80)
      {
        ascii = FALSE;
        break;
      }
  if (ascii)
    return g_ascii_strdown (text, -1);

  utf16 = g_utf8_to_utf16 (text, -1, NULL, &utf16_len, NULL);
  nfkc_cf = unorm2_getNFKCCasefoldInstance (&status);
  if (utf16 == NULL || U_FAILURE (status))
    return g_utf8_casefold (text, -1);

  /* NFKC_Casefold can grow a string (ß → ss, ligatures); three times is ample. */
  folded = g_new (gunichar2, utf16_len * 3 + 16);
  folded_len = unorm2_normalize (nfkc_cf, utf16, utf16_len, folded, utf16_len * 3 + 16,
                                 &status);
  if (U_FAILURE (status))
    return g_utf8_casefold (text, -1);

  result = g_utf16_to_utf8 (folded, folded_len, NULL, NULL, NULL);
  return result != NULL ? result : g_strdup ("");
}

/**
 * tarmac_translit_script:
 * @token: one name token
 *
 * The script of @token's first letter that belongs to a script (digits and punctuation are
 * common to all scripts and say nothing).
 */
TarmacScript
tarmac_translit_script (const char *token)
{
  for (const char *p = token; *p != '\0'; p = g_utf8_next_char (p))
    {
      UErrorCode status = U_ZERO_ERROR;
      gunichar c = g_utf8_get_char (p);
      UScriptCode script;

      if (c < 0x80)
        {
          if (g_ascii_isalpha (c))
            return TARMAC_SCRIPT_LATIN;
          continue;
        }

      script = uscript_getScript (c, &status);
      if (U_FAILURE (status) || script == USCRIPT_COMMON || script == USCRIPT_INHERITED)
        continue;
      if (script == USCRIPT_LATIN)
        return TARMAC_SCRIPT_LATIN;
      if (script == USCRIPT_ARABIC)
        return TARMAC_SCRIPT_ARABIC;
      if (script == USCRIPT_CYRILLIC)
        return TARMAC_SCRIPT_CYRILLIC;
      return TARMAC_SCRIPT_OTHER;
    }

  return TARMAC_SCRIPT_LATIN;
}

const char *
tarmac_script_to_id (TarmacScript script)
{
  switch (script)
    {
    case TARMAC_SCRIPT_LATIN:
      return "latin";
    case TARMAC_SCRIPT_ARABIC:
      return "arabic";
    case TARMAC_SCRIPT_CYRILLIC:
      return "cyrillic";
    case TARMAC_SCRIPT_OTHER:
    default:
      return "other";
    }
}

/* A Latin token folded to lower-case letters and digits: the search key's folding (marks
 * dropped, ł → l, apostrophes gone), glued into one word. */
static char *
fold_latin (const char *token)
{
  g_autofree char *key = NULL;
  GString *out;
  gboolean ascii = TRUE;

  for (const char *p = token; *p != '\0'; p++)
    if ((guchar) *p >= 0x80)
      {
        ascii = FALSE;
        break;
      }

  if (ascii)
    {
      out = g_string_sized_new (strlen (token));
      for (const char *p = token; *p != '\0'; p++)
        if (g_ascii_isalnum (*p))
          g_string_append_c (out, g_ascii_tolower (*p));
      return g_string_free (out, FALSE);
    }

  key = tarmac_name_key (token);
  out = g_string_sized_new (strlen (key));
  for (const char *p = key; *p != '\0'; p++)
    if (*p != ' ')
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

static gboolean
is_latin_vowel (char c)
{
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

static guint
translit_cyrillic (const char *token,
                   char       *forms[TARMAC_TRANSLIT_MAX_FORMS])
{
  GString *out[3];

  for (guint f = 0; f < 3; f++)
    out[f] = g_string_new (NULL);

  for (const char *p = token; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= 0x0430 && c <= 0x045F)
        {
          for (guint f = 0; f < 3; f++)
            {
              const char *piece = cyrillic_forms[c - 0x0430][f];

              /* BGN/PCGN writes е as "ye" at the start of a word and after a vowel. */
              if (f == 1 && c == 0x0435 &&
                  (out[f]->len == 0 || is_latin_vowel (out[f]->str[out[f]->len - 1])))
                piece = "ye";
              g_string_append (out[f], piece);
            }
        }
      else if (c == 0x0491) /* ґ */
        {
          for (guint f = 0; f < 3; f++)
            g_string_append_c (out[f], 'g');
        }
      else if (c < 0x80 && g_ascii_isalnum (c))
        {
          for (guint f = 0; f < 3; f++)
            g_string_append_c (out[f], g_ascii_tolower (c));
        }
    }

  for (guint f = 0; f < 3; f++)
    forms[f] = g_string_free (out[f], FALSE);
  return 3;
}

/* Arabic script writes consonants and long vowels only. A rendering inserts the short
 * vowel most schemes would write between two consonants ('a' in English-style schemes,
 * 'e' in the French style of the Maghreb and West Africa); the consonant skeleton, not the
 * rendering, is what finds the Latin spellings whatever vowels they chose. */
static char *
render_arabic (const ArabicLetter **letters,
               guint                n_letters,
               gboolean             french)
{
  GString *out = g_string_new (NULL);
  gboolean last_vowel = FALSE;

  for (guint i = 0; i < n_letters; i++)
    {
      const ArabicLetter *letter = letters[i];
      const ArabicLetter *next = i + 1 < n_letters ? letters[i + 1] : NULL;

      switch (letter->kind)
        {
        case AR_CONSONANT:
          g_string_append (out, french ? letter->french : letter->english);
          last_vowel = FALSE;
          if (next != NULL && next->kind == AR_CONSONANT)
            {
              g_string_append_c (out, french ? 'e' : 'a');
              last_vowel = TRUE;
            }
          break;

        case AR_W:
          if (out->len == 0 || last_vowel || (next != NULL && next->kind == AR_LONG_A))
            {
              g_string_append_c (out, 'w');
              last_vowel = FALSE;
            }
          else
            {
              g_string_append (out, french ? "ou" : "u");
              last_vowel = TRUE;
            }
          break;

        case AR_Y:
          if (out->len == 0 || (next != NULL && next->kind == AR_LONG_A))
            {
              g_string_append_c (out, 'y');
              last_vowel = FALSE;
            }
          else
            {
              g_string_append_c (out, 'i');
              last_vowel = TRUE;
            }
          break;

        case AR_LONG_A:
        case AR_TA_MARBUTA:
        case AR_VOWEL_SEAT:
          /* ع and the hamza seats carry a vowel before a consonant, nothing after one. */
          if (letter->kind == AR_VOWEL_SEAT && last_vowel && letter->english[0] == 'a')
            break;
          g_string_append (out, french ? letter->french : letter->english);
          last_vowel = letter->english[0] != '\0';
          break;

        case AR_SKIP:
        default:
          break;
        }
    }

  return g_string_free (out, FALSE);
}

/* The letters as written, one Latin letter or digraph each and no vowel guessed: what ICU's
 * Arabic-Latin gives once its marks are folded to ASCII, and what systems that
 * transliterate letter by letter print ("MHMD LY ALHBW" for محمد علي الحبو): alif, the
 * hamza seats and alif maqsura as the letter they stand on (a, w, y), waw w, ya y, ta
 * marbuta t, ʿayn and a bare hamza nothing. */
static char *
render_abjad (const ArabicLetter **letters,
              guint                n_letters)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < n_letters; i++)
    {
      const ArabicLetter *letter = letters[i];

      switch (letter->kind)
        {
        case AR_CONSONANT:
          g_string_append (out, letter->english);
          break;
        case AR_LONG_A:
          g_string_append_c (out, letter->letter == 0x0649 ? 'y' : 'a');
          break;
        case AR_W:
          g_string_append_c (out, 'w');
          break;
        case AR_Y:
          g_string_append_c (out, 'y');
          break;
        case AR_TA_MARBUTA:
          g_string_append_c (out, 't');
          break;
        case AR_VOWEL_SEAT:
          /* أ إ → a, ؤ → w, ئ → y; ع and ء are not written */
          if (letter->letter == 0x0623 || letter->letter == 0x0625)
            g_string_append_c (out, 'a');
          else if (letter->letter == 0x0624)
            g_string_append_c (out, 'w');
          else if (letter->letter == 0x0626)
            g_string_append_c (out, 'y');
          break;
        case AR_SKIP:
        default:
          break;
        }
    }

  return g_string_free (out, FALSE);
}

static guint
translit_arabic (const char *token,
                 char       *forms[TARMAC_TRANSLIT_MAX_FORMS])
{
  g_autoptr(GPtrArray) letters = g_ptr_array_new ();
  static const gunichar allah[] = { 0x0627, 0x0644, 0x0644, 0x0647 };
  gboolean is_allah = TRUE;

  for (const char *p = token; *p != '\0'; p = g_utf8_next_char (p))
    {
      const ArabicLetter *letter = lookup_arabic (g_utf8_get_char (p));

      if (letter->kind != AR_SKIP)
        {
          /* ه or the Urdu ہ */
          is_allah &= letters->len < G_N_ELEMENTS (allah) &&
                      (letter->letter == allah[letters->len] ||
                       (letters->len == 3 && letter->letter == 0x06C1));
          g_ptr_array_add (letters, (gpointer) letter);
        }
    }

  /* The name of God in compound names (Hidayatullah, عبد الله): one word said Allāh,
   * its vowels not guessed letter by letter. */
  if (is_allah && letters->len == G_N_ELEMENTS (allah))
    {
      forms[0] = g_strdup ("allah");
      forms[1] = g_strdup ("ullah");
      forms[2] = g_strdup ("allh");
      return 3;
    }

  forms[0] = render_arabic ((const ArabicLetter **) letters->pdata, letters->len, FALSE);
  forms[1] = render_arabic ((const ArabicLetter **) letters->pdata, letters->len, TRUE);
  forms[2] = render_abjad ((const ArabicLetter **) letters->pdata, letters->len);
  return 3;
}

/* ICU's transforms are costly to open and not thread-safe: one, opened on first use,
 * behind a lock. Only scripts without our own table come here. */
static GMutex any_latin_lock;
static UTransliterator *any_latin;

static char *
translit_any (const char *token)
{
  g_autofree gunichar2 *utf16 = NULL;
  g_autofree gunichar2 *buffer = NULL;
  g_autofree char *latin = NULL;
  UErrorCode status = U_ZERO_ERROR;
  glong len = 0;
  int32_t text_len, limit, capacity;

  utf16 = g_utf8_to_utf16 (token, -1, NULL, &len, NULL);
  if (utf16 == NULL)
    return g_strdup ("");

  capacity = len * 4 + 32;
  buffer = g_new0 (gunichar2, capacity);
  memcpy (buffer, utf16, len * sizeof (gunichar2));
  text_len = len;
  limit = len;

  g_mutex_lock (&any_latin_lock);
  if (any_latin == NULL)
    {
      static const UChar id[] = u"Any-Latin; Latin-ASCII";

      any_latin = utrans_openU (id, -1, UTRANS_FORWARD, NULL, 0, NULL, &status);
      if (U_FAILURE (status))
        {
          g_warning ("ICU's Any-Latin transform is not available: %s", u_errorName (status));
          any_latin = NULL;
        }
      status = U_ZERO_ERROR;
    }
  if (any_latin != NULL)
    utrans_transUChars (any_latin, buffer, &text_len, capacity, 0, &limit, &status);
  else
    status = U_UNSUPPORTED_ERROR;
  g_mutex_unlock (&any_latin_lock);

  if (U_FAILURE (status))
    return g_strdup ("");

  latin = g_utf16_to_utf8 (buffer, text_len, NULL, NULL, NULL);
  return latin != NULL ? fold_latin (latin) : g_strdup ("");
}

/**
 * tarmac_translit_token:
 * @token: one case-folded name token (see tarmac_translit_casefold())
 * @script: its script, from tarmac_translit_script()
 * @forms: (out): filled with up to %TARMAC_TRANSLIT_MAX_FORMS Latin renderings
 *
 * Renders @token in lower-case Latin letters and digits. A Latin token gets one form (marks
 * dropped, ł → l); a Cyrillic one its ICAO 9303, BGN/PCGN and French forms; an Arabic one an
 * English-style form, a French-style one and its letters without vowels (render_abjad());
 * other scripts ICU's Any-Latin. Duplicate forms are
 * dropped, so the first form is always the ICAO one where ICAO has a table.
 *
 * Returns: how many forms were written (at least one; a form may be empty)
 */
guint
tarmac_translit_token (const char   *token,
                       TarmacScript  script,
                       char         *forms[TARMAC_TRANSLIT_MAX_FORMS])
{
  guint n = 0, kept = 0;

  for (guint i = 0; i < TARMAC_TRANSLIT_MAX_FORMS; i++)
    forms[i] = NULL;

  switch (script)
    {
    case TARMAC_SCRIPT_CYRILLIC:
      n = translit_cyrillic (token, forms);
      break;
    case TARMAC_SCRIPT_ARABIC:
      n = translit_arabic (token, forms);
      break;
    case TARMAC_SCRIPT_OTHER:
      forms[0] = translit_any (token);
      n = 1;
      break;
    case TARMAC_SCRIPT_LATIN:
    default:
      forms[0] = fold_latin (token);
      n = 1;
      break;
    }

  for (guint i = 0; i < n; i++)
    {
      gboolean duplicate = FALSE;

      for (guint j = 0; j < kept; j++)
        duplicate |= g_str_equal (forms[i], forms[j]);
      if (duplicate)
        g_clear_pointer (&forms[i], g_free);
      else
        forms[kept++] = g_steal_pointer (&forms[i]);
    }

  return kept;
}

/* The consonant skeleton of a folded Latin token (research/screening.md §3.3): digraphs
 * folded (kh → h, sh/ch → x, th → t, dh → d, gh/dj/zh → j), the consonants Arabic
 * romanisations confuse put in one class (q/k/c, g/j, p/b, v/f), vowels, w and y dropped,
 * a final h after a vowel dropped (Hamzah = Hamza), doubles squeezed. */
static char *
latin_skeleton (const char *s)
{
  GString *out = g_string_sized_new (strlen (s));
  gsize n = strlen (s);
  gboolean after_vowel = FALSE;

  for (gsize i = 0; i < n;)
    {
      char c = s[i], d = i + 1 < n ? s[i + 1] : '\0';
      char e = i + 2 < n ? s[i + 2] : '\0';
      const char *emit = NULL;
      char single[2] = { c, '\0' };
      gsize step = 1;

      if (c == 't' && d == 'c' && e == 'h')
        emit = "x", step = 3;
      else if (d == 'h' && strchr ("kgsctdpz", c) != NULL)
        {
          step = 2;
          switch (c)
            {
            case 'k': emit = "h"; break;
            case 'g': emit = "j"; break;
            case 's': case 'c': emit = "x"; break;
            case 't': emit = "t"; break;
            case 'd': emit = "d"; break;
            case 'p': emit = "f"; break;
            case 'z': default: emit = "j"; break;
            }
        }
      else if (c == 'd' && d == 'j')
        emit = "j", step = 2;
      else if (is_latin_vowel (c) || c == 'w')
        {
          after_vowel = TRUE;
          i++;
          continue;
        }
      else if (c == 'h')
        emit = (i + 1 == n && after_vowel) ? "" : "h";
      else if (c == 'c' || c == 'q')
        emit = "k";
      else if (c == 'g')
        emit = "j";
      else if (c == 'p')
        emit = "b";
      else if (c == 'v')
        emit = "f";
      else if (c == 'x')
        emit = "ks";
      else if (g_ascii_isalpha (c))
        emit = single;
      else
        emit = "";

      for (const char *q = emit; *q != '\0'; q++)
        if (out->len == 0 || out->str[out->len - 1] != *q)
          g_string_append_c (out, *q);
      after_vowel = FALSE;
      i += step;
    }

  return g_string_free (out, FALSE);
}

/* The skeleton of an Arabic-script word, with @persian: read as Persian, Urdu, Pashto and
 * Turkish speakers say the letters of Arabic loans, and write them in Latin: ث as s
 * (Sanaullah, Osman), ذ and ض as z (Zakir, Ramazan). */
static char *
arabic_skeleton (const char *token,
                 gboolean    persian)
{
  GString *out = g_string_new (NULL);

  for (const char *p = token; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      const ArabicLetter *letter = lookup_arabic (c);
      char skeleton = letter->skeleton;

      if (persian && c == 0x062B)
        skeleton = 's';
      else if (persian && (c == 0x0630 || c == 0x0636))
        skeleton = 'z';
      if (skeleton != 0 && (out->len == 0 || out->str[out->len - 1] != skeleton))
        g_string_append_c (out, skeleton);
    }
  return g_string_free (out, FALSE);
}

/**
 * _tarmac_translit_arabic_reading:
 * @token: an Arabic-script word
 * @skeleton: its skeleton (tarmac_translit_skeleton())
 *
 * Returns: (transfer full) (nullable): @token's skeleton read the Persian way (ث as s, ذ
 *   and ض as z), or %NULL when it is @skeleton
 */
char *
_tarmac_translit_arabic_reading (const char *token,
                                 const char *skeleton)
{
  char *reading = arabic_skeleton (token, TRUE);

  if (g_str_equal (reading, skeleton))
    g_clear_pointer (&reading, g_free);
  return reading;
}

/**
 * tarmac_translit_skeleton:
 * @token: one case-folded name token
 * @script: its script
 *
 * The consonant skeleton of @token: what stays of a name once the vowels, which Arabic
 * script does not write and romanisations choose freely, are gone. "محمد", "Muhammad",
 * "Mohamed" and "Mouhammed" all give "mhmd"; an Arabic token's skeleton is taken from its
 * letters, so it meets the Latin spellings without any vowel guess.
 *
 * Returns: (transfer full): the skeleton, possibly empty
 */
char *
tarmac_translit_skeleton (const char   *token,
                          TarmacScript  script)
{
  if (script == TARMAC_SCRIPT_ARABIC)
    return arabic_skeleton (token, FALSE);
  else
    {
      char *forms[TARMAC_TRANSLIT_MAX_FORMS];
      char *skeleton;

      tarmac_translit_token (token, script, forms);
      skeleton = latin_skeleton (forms[0]);
      for (guint i = 0; i < TARMAC_TRANSLIT_MAX_FORMS; i++)
        g_free (forms[i]);
      return skeleton;
    }
}

char *
_tarmac_translit_latin_skeleton (const char *folded)
{
  return latin_skeleton (folded);
}

static gboolean
is_plain_vowel (char c)
{
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

/* Whether the y at @i of @s stands for a consonant: before a vowel, at the start of the
 * word or after another vowel (Yamal, Noyib, Hoyi; not Amyr, Zyz). */
static gboolean
consonantal_y (const char *s,
               gsize       i)
{
  return s[i] == 'y' && is_plain_vowel (s[i + 1]) && (i == 0 || is_plain_vowel (s[i - 1]));
}

/**
 * _tarmac_translit_latin_readings:
 * @folded: a token folded to Latin (a Latin word as written)
 * @readings: (out): filled with up to %TARMAC_TRANSLIT_MAX_READINGS skeletons
 * @skeleton: the word's skeleton, read the English way (latin_skeleton())
 *
 * The consonant skeletons of @folded read by the conventions of other languages, where
 * they differ from @skeleton: Latin letters stand for different Arabic consonants in
 * different traditions, so the same letters may be two names.
 *
 *  - Spanish: j is the jota, the sound of خ and ح (Jalid, Jasan, Mujammad), y before a
 *    vowel is the consonant that English writes j for ج (Yamal, Noyib), and x is an old
 *    jota (Ximénez), as it is ح in Somali spelling (Maxamed, Xasan);
 *  - Portuguese and Catalan: x is ش (Xeque, Xarif).
 *
 * Returns: how many readings were written (0 when the word has none of these letters)
 */
guint
_tarmac_translit_latin_readings (const char *folded,
                                 const char *skeleton,
                                 char       *readings[TARMAC_TRANSLIT_MAX_READINGS])
{
  GString *iberian = g_string_new (NULL);
  GString *portuguese = g_string_new (NULL);
  gboolean changed = FALSE, has_x = FALSE;
  guint n = 0;

  for (gsize i = 0; folded[i] != '\0'; i++)
    {
      char c = folded[i];

      if (c == 'j' && (i == 0 || folded[i - 1] != 'd'))
        {
          g_string_append (iberian, "kh");
          changed = TRUE;
        }
      else if (c == 'x')
        {
          g_string_append (iberian, "kh");
          changed = has_x = TRUE;
        }
      else if (consonantal_y (folded, i))
        {
          g_string_append_c (iberian, 'j');
          changed = TRUE;
        }
      else
        g_string_append_c (iberian, c);

      if (c == 'x')
        g_string_append (portuguese, "sh");
      else
        g_string_append_c (portuguese, c);
    }

  if (changed)
    {
      char *reading = latin_skeleton (iberian->str);

      if (!g_str_equal (reading, skeleton))
        readings[n++] = reading;
      else
        g_free (reading);
    }
  if (has_x)
    {
      char *reading = latin_skeleton (portuguese->str);

      if (!g_str_equal (reading, skeleton) && (n == 0 || !g_str_equal (reading, readings[0])))
        readings[n++] = reading;
      else
        g_free (reading);
    }

  g_string_free (iberian, TRUE);
  g_string_free (portuguese, TRUE);
  return n;
}
