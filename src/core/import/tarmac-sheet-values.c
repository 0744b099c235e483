/* tarmac-sheet-values.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-sheet"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "tarmac-sheet-private.h"

/* Reading one spreadsheet cell as the value of a field: dates in the orders station
 * offices write them, names in the shapes they come in, and the codes of sex, document
 * type, country and traveller kind in English, French, Spanish and Portuguese. Shared by
 * the mapper (which tries them on columns to guess by content), the preview and the
 * importer, so what the officer sees is what is stored. */

/* ISO 3166-1: alpha-2 then alpha-3, sorted by alpha-2 (from Debian's iso-codes). */
static const char iso3166[] =
  "ADANDAEAREAFAFGAGATGAIAIAALALBAMARMAOAGOAQATAARARGASASMATAUTAUAUSAWABWAXALAAZAZEBABIHBBBRB"
  "BDBGDBEBELBFBFABGBGRBHBHRBIBDIBJBENBLBLMBMBMUBNBRNBOBOLBQBESBRBRABSBHSBTBTNBVBVTBWBWABYBLR"
  "BZBLZCACANCCCCKCDCODCFCAFCGCOGCHCHECICIVCKCOKCLCHLCMCMRCNCHNCOCOLCRCRICUCUBCVCPVCWCUWCXCXR"
  "CYCYPCZCZEDEDEUDJDJIDKDNKDMDMADODOMDZDZAECECUEEESTEGEGYEHESHERERIESESPETETHFIFINFJFJIFKFLK"
  "FMFSMFOFROFRFRAGAGABGBGBRGDGRDGEGEOGFGUFGGGGYGHGHAGIGIBGLGRLGMGMBGNGINGPGLPGQGNQGRGRCGSSGS"
  "GTGTMGUGUMGWGNBGYGUYHKHKGHMHMDHNHNDHRHRVHTHTIHUHUNIDIDNIEIRLILISRIMIMNININDIOIOTIQIRQIRIRN"
  "ISISLITITAJEJEYJMJAMJOJORJPJPNKEKENKGKGZKHKHMKIKIRKMCOMKNKNAKPPRKKRKORKWKWTKYCYMKZKAZLALAO"
  "LBLBNLCLCALILIELKLKALRLBRLSLSOLTLTULULUXLVLVALYLBYMAMARMCMCOMDMDAMEMNEMFMAFMGMDGMHMHLMKMKD"
  "MLMLIMMMMRMNMNGMOMACMPMNPMQMTQMRMRTMSMSRMTMLTMUMUSMVMDVMWMWIMXMEXMYMYSMZMOZNANAMNCNCLNENER"
  "NFNFKNGNGANINICNLNLDNONORNPNPLNRNRUNUNIUNZNZLOMOMNPAPANPEPERPFPYFPGPNGPHPHLPKPAKPLPOLPMSPM"
  "PNPCNPRPRIPSPSEPTPRTPWPLWPYPRYQAQATREREUROROURSSRBRURUSRWRWASASAUSBSLBSCSYCSDSDNSESWESGSGP"
  "SHSHNSISVNSJSJMSKSVKSLSLESMSMRSNSENSOSOMSRSURSSSSDSTSTPSVSLVSXSXMSYSYRSZSWZTCTCATDTCDTFATF"
  "TGTGOTHTHATJTJKTKTKLTLTLSTMTKMTNTUNTOTONTRTURTTTTOTVTUVTWTWNTZTZAUAUKRUGUGAUMUMIUSUSAUYURY"
  "UZUZBVAVATVCVCTVEVENVGVGBVIVIRVNVNMVUVUTWFWLFWSWSMYEYEMYTMYTZAZAFZMZMBZWZWE"
  ;

/* Codes ICAO 9303 adds for documents: Germany's "D", British nationals, the UN, stateless
 * and refugees, Kosovo, the EU. */
static const char *const icao_codes[] = {
  "D", "GBD", "GBN", "GBO", "GBP", "GBS", "UNO", "UNA", "UNK", "XXA", "XXB", "XXC", "XXX",
  "RKS", "EUE",
};

char *
_tarmac_sheet_fold (const char *text)
{
  g_autofree char *ascii = g_str_to_ascii (text, "C");
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = ascii; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        {
          if (space && out->len > 0)
            g_string_append_c (out, ' ');
          g_string_append_c (out, g_ascii_tolower (*p));
          space = FALSE;
        }
      else
        space = TRUE;
    }

  return g_string_free (out, FALSE);
}

char *
_tarmac_sheet_trim (const char *cell)
{
  char *copy = g_strdup (cell != NULL ? cell : "");

  /* Non-breaking spaces are common in exported cells. */
  for (char *p = copy; (p = strstr (p, "\xC2\xA0")) != NULL;)
    {
      p[0] = ' ';
      memmove (p + 1, p + 2, strlen (p + 2) + 1);
    }
  return g_strstrip (copy);
}

gboolean
_tarmac_sheet_is_country (const char *code)
{
  gsize length = strlen (code);

  for (guint i = 0; i < G_N_ELEMENTS (icao_codes); i++)
    if (g_str_equal (code, icao_codes[i]))
      return TRUE;
  if (length != 3)
    return FALSE;
  for (gsize i = 0; i + 5 <= sizeof iso3166 - 1; i += 5)
    if (strncmp (iso3166 + i + 2, code, 3) == 0)
      return TRUE;
  return FALSE;
}

/* "FRA", "fra", "FR", "D" → the three-letter code; NULL otherwise. */
char *
_tarmac_sheet_read_country (const char *cell)
{
  g_autofree char *code = g_ascii_strup (cell, -1);

  if (g_str_equal (code, "D"))
    return g_strdup ("DEU");
  if (strlen (code) == 2)
    {
      for (gsize i = 0; i + 5 <= sizeof iso3166 - 1; i += 5)
        if (strncmp (iso3166 + i, code, 2) == 0)
          return g_strndup (iso3166 + i + 2, 3);
      return NULL;
    }
  if (_tarmac_sheet_is_country (code))
    return g_steal_pointer (&code);
  return NULL;
}

static int
month_from_name (const char *word)
{
  static const struct { const char *prefix; int month; } months[] = {
    { "jan", 1 }, { "ene", 1 }, { "feb", 2 }, { "fev", 2 }, { "mar", 3 }, { "apr", 4 },
    { "avr", 4 }, { "abr", 4 }, { "may", 5 }, { "mai", 5 }, { "juin", 6 }, { "juil", 7 },
    { "jun", 6 }, { "jul", 7 }, { "aug", 8 }, { "aou", 8 }, { "ago", 8 }, { "sep", 9 },
    { "set", 9 }, { "oct", 10 }, { "out", 10 }, { "nov", 11 }, { "dec", 12 },
    { "dic", 12 }, { "dez", 12 },
  };
  g_autofree char *folded = _tarmac_sheet_fold (word);

  if (strlen (folded) < 3)
    return 0;
  for (guint i = 0; i < G_N_ELEMENTS (months); i++)
    if (g_str_has_prefix (folded, months[i].prefix))
      return months[i].month;
  return 0;
}

static int
full_year (int      year,
           guint    digits,
           gboolean past)
{
  GDateTime *now;
  int this_year;

  if (digits != 2)
    return year;

  now = g_date_time_new_now_utc ();
  this_year = g_date_time_get_year (now);
  g_date_time_unref (now);

  /* Births are in the past; expiries and flights in this century. */
  if (past && 2000 + year > this_year)
    return 1900 + year;
  return 2000 + year;
}

static char *
iso_date (int year,
          int month,
          int day)
{
  if (year < 1800 || year > 2200 || !g_date_valid_dmy (day, month, year))
    return NULL;
  return g_strdup_printf ("%04d-%02d-%02d", year, month, day);
}

/* Splits "12/11/1980", "1980-11-12", "12-NOV-80", "12NOV1980", "12 nov. 1980" into up to
 * three parts: numbers, or a month name (as -month). Returns the number of parts. */
static guint
split_date (const char *text,
            int         parts[3],
            guint       digits[3],
            gboolean   *named_month)
{
  const char *p = text;
  guint n = 0;

  *named_month = FALSE;
  while (*p != '\0' && n < 3)
    {
      if (g_ascii_isdigit (*p))
        {
          int value = 0;
          guint count = 0;

          while (g_ascii_isdigit (*p) && count < 9)
            value = value * 10 + (*p++ - '0'), count++;
          parts[n] = value;
          digits[n++] = count;
        }
      else if (g_ascii_isalpha (*p) || (guchar) *p >= 0x80)
        {
          const char *start = p;
          g_autofree char *word = NULL;
          int month;

          while (g_ascii_isalpha (*p) || (guchar) *p >= 0x80)
            p++;
          word = g_strndup (start, p - start);
          /* "de" in "12 de noviembre de 1980" */
          if (g_ascii_strcasecmp (word, "de") == 0 || g_ascii_strcasecmp (word, "of") == 0)
            continue;
          if ((month = month_from_name (word)) == 0 || *named_month)
            return 0;
          *named_month = TRUE;
          parts[n] = -month;
          digits[n++] = 0;
        }
      else if (strchr ("/.- ,", *p) != NULL)
        p++;
      else if (*p == 'T' || *p == ':')
        break;
      else
        return 0;
    }

  /* A time after the date ("1980-11-12 00:00:00") is ignored. */
  if (n == 3 && *p != '\0' && *p != 'T' && *p != ' ' && *p != ':')
    return 0;
  return n;
}

/**
 * _tarmac_sheet_date_orders:
 * @cell: a trimmed cell
 *
 * Returns: the orders (bits of 1 << TarmacSheetDateOrder) in which @cell reads as a valid
 *   date; 0 when it is not a date
 */
guint
_tarmac_sheet_date_orders (const char *cell)
{
  g_autofree char *dmy = _tarmac_sheet_read_date (cell, TARMAC_SHEET_DATE_ORDER_DMY, TRUE);
  g_autofree char *mdy = _tarmac_sheet_read_date (cell, TARMAC_SHEET_DATE_ORDER_MDY, TRUE);
  int parts[3];
  guint digits[3];
  gboolean named;
  guint orders = 0;

  /* A year first, a month name or eight digits read one way only. */
  if ((strlen (cell) == 8 && strspn (cell, "0123456789") == 8) ||
      (split_date (cell, parts, digits, &named) == 3 && (named || digits[0] == 4)))
    return dmy != NULL ? 1 << TARMAC_SHEET_DATE_ORDER_YMD : 0;

  if (dmy != NULL)
    orders |= 1 << TARMAC_SHEET_DATE_ORDER_DMY;
  if (mdy != NULL)
    orders |= 1 << TARMAC_SHEET_DATE_ORDER_MDY;
  return orders;
}

/**
 * _tarmac_sheet_read_date:
 * @cell: a trimmed cell
 * @order: how to read two numbers before the year; a four-digit first number or a month
 *   name decide by themselves
 * @past: a two-digit year is in the past (a birth), else in this century
 *
 * Returns: (nullable): the date as "YYYY-MM-DD"
 */
char *
_tarmac_sheet_read_date (const char           *cell,
                         TarmacSheetDateOrder  order,
                         gboolean              past)
{
  int parts[3];
  guint digits[3];
  gboolean named;
  guint n;

  /* 19801112 */
  if (strlen (cell) == 8 && strspn (cell, "0123456789") == 8)
    {
      int value = atoi (cell);

      return iso_date (value / 10000, value / 100 % 100, value % 100);
    }

  n = split_date (cell, parts, digits, &named);
  if (n != 3)
    return NULL;

  if (named)
    {
      /* 12-NOV-1980, NOV 12 1980 */
      if (parts[1] < 0 && parts[0] > 0 && parts[2] >= 0)
        return iso_date (full_year (parts[2], digits[2], past), -parts[1], parts[0]);
      if (parts[0] < 0 && parts[1] > 0 && parts[2] >= 0)
        return iso_date (full_year (parts[2], digits[2], past), -parts[0], parts[1]);
      return NULL;
    }

  if (digits[0] == 4)
    return iso_date (parts[0], parts[1], parts[2]);
  if (digits[2] != 4 && digits[2] != 2)
    return NULL;

  switch (order)
    {
    case TARMAC_SHEET_DATE_ORDER_MDY:
      return iso_date (full_year (parts[2], digits[2], past), parts[0], parts[1]);
    case TARMAC_SHEET_DATE_ORDER_YMD:
      return NULL;
    case TARMAC_SHEET_DATE_ORDER_AUTO:
    case TARMAC_SHEET_DATE_ORDER_DMY:
    default:
      return iso_date (full_year (parts[2], digits[2], past), parts[1], parts[0]);
    }
}

static gboolean
word_in (const char        *folded,
         const char *const *words)
{
  for (guint i = 0; words[i] != NULL; i++)
    if (g_str_equal (folded, words[i]))
      return TRUE;
  return FALSE;
}

/* "M", "F", "X" or NULL. */
const char *
_tarmac_sheet_read_sex (const char *cell)
{
  static const char *const male[] = {
    "m", "h", "v", "male", "man", "masculin", "homme", "hombre", "masculino", "varon", "mr",
    NULL,
  };
  static const char *const female[] = {
    "f", "w", "female", "woman", "feminin", "femme", "mujer", "femenino", "feminino", "mrs",
    "ms", "mme", NULL,
  };
  static const char *const other[] = { "x", "u", "unspecified", "non specifie", NULL };
  g_autofree char *folded = _tarmac_sheet_fold (cell);

  if (word_in (folded, male))
    return "M";
  if (word_in (folded, female))
    return "F";
  if (word_in (folded, other))
    return "X";
  return NULL;
}

/* TRUE for crew, FALSE for a passenger; -1 when the cell says neither. */
int
_tarmac_sheet_read_kind (const char *cell)
{
  static const char *const crew[] = {
    "crew", "c", "cr", "crw", "crew member", "flight crew", "cabin crew", "equipage",
    "membre d equipage", "pnc", "pnt", "tripulante", "tripulacion", "tripulacao", "e",
    "t", "dh", "deadhead", NULL,
  };
  static const char *const passenger[] = {
    "pax", "p", "passenger", "passager", "pasajero", "passageiro", "adt", "adult", "chd",
    "child", "inf", "infant", "adulte", "enfant", "bebe", "adulto", "nino", "crianca", "y",
    "j", "f", NULL,
  };
  g_autofree char *folded = _tarmac_sheet_fold (cell);

  if (word_in (folded, crew))
    return TRUE;
  if (word_in (folded, passenger))
    return FALSE;
  return -1;
}

/* "P", "I", "V", a short code as given, or NULL. */
char *
_tarmac_sheet_read_document_type (const char *cell)
{
  static const char *const passport[] = {
    "p", "pp", "pt", "passport", "passeport", "pasaporte", "passaporte", NULL,
  };
  static const char *const identity[] = {
    "i", "id", "idcard", "id card", "identity card", "national id", "carte d identite",
    "carte nationale d identite", "cni", "dni", "documento nacional de identidad", "rg",
    "cc", "bilhete de identidade", "cartao de cidadao", NULL,
  };
  static const char *const visa[] = { "v", "visa", "visto", NULL };
  g_autofree char *folded = _tarmac_sheet_fold (cell);

  if (word_in (folded, passport))
    return g_strdup ("P");
  if (word_in (folded, identity))
    return g_strdup ("I");
  if (word_in (folded, visa))
    return g_strdup ("V");
  if (strlen (cell) <= 3 && strspn (cell, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                                    "0123456789") == strlen (cell) && *cell != '\0')
    return g_ascii_strup (cell, -1);
  return NULL;
}

static gboolean
is_upper_word (const char *word)
{
  gboolean letters = FALSE;

  for (const char *p = word; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_islower (c))
        return FALSE;
      if (g_unichar_isupper (c))
        letters = TRUE;
    }
  return letters;
}

/* Titles to drop from the end or the start of a name. */
static gboolean
is_title (const char *word)
{
  static const char *const titles[] = {
    "mr", "mrs", "ms", "miss", "mstr", "dr", "m", "mme", "mlle", "sr", "sra", "srta", "snr",
    "chd", "inf", NULL,
  };
  g_autofree char *folded = _tarmac_sheet_fold (word);

  return word_in (folded, titles);
}

/**
 * _tarmac_sheet_split_name:
 * @cell: a full name: "SURNAME/GIVEN NAMES MR", "SURNAME, Given", "Given SURNAME", or
 *   "SURNAME GIVEN" when all in capitals (the airline order)
 * @surname: (out): the surname
 * @given_names: (out): the given names, "" when none
 *
 * Returns: %FALSE when @cell holds no name
 */
gboolean
_tarmac_sheet_split_name (const char  *cell,
                          char       **surname,
                          char       **given_names)
{
  g_auto(GStrv) words = NULL;
  g_autoptr(GString) family = g_string_new (NULL);
  g_autoptr(GString) given = g_string_new (NULL);
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();
  const char *separator;
  guint upper = 0;

  *surname = *given_names = NULL;

  if ((separator = strchr (cell, '/')) != NULL || (separator = strchr (cell, ',')) != NULL)
    {
      g_autofree char *left = g_strstrip (g_strndup (cell, separator - cell));
      g_autofree char *right = g_strstrip (g_strdup (separator + 1));
      g_auto(GStrv) right_words = g_strsplit_set (right, " ", -1);
      guint n = g_strv_length (right_words);

      if (*left == '\0')
        return FALSE;
      /* "SMITH/JOHN MR": the title goes. */
      while (n > 1 && (right_words[n - 1][0] == '\0' || is_title (right_words[n - 1])))
        g_clear_pointer (&right_words[--n], g_free);
      *surname = g_steal_pointer (&left);
      *given_names = g_strjoinv (" ", right_words);
      g_strstrip (*given_names);
      return TRUE;
    }

  words = g_strsplit_set (cell, " \t", -1);
  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0' && !is_title (words[i]))
      g_ptr_array_add (kept, words[i]);
  if (kept->len == 0)
    return FALSE;

  for (guint i = 0; i < kept->len; i++)
    upper += is_upper_word (g_ptr_array_index (kept, i));

  for (guint i = 0; i < kept->len; i++)
    {
      const char *word = g_ptr_array_index (kept, i);
      gboolean is_family;

      /* Mixed case: the capitalised words are the surname ("Jean-Paul DUPONT").
       * All capitals or none: the first word is the surname. */
      if (upper > 0 && upper < kept->len)
        is_family = is_upper_word (word);
      else
        is_family = i == 0;

      g_string_append (is_family ? family : given, word);
      g_string_append_c (is_family ? family : given, ' ');
    }

  *surname = g_strstrip (g_string_free (g_steal_pointer (&family), FALSE));
  *given_names = g_strstrip (g_string_free (g_steal_pointer (&given), FALSE));
  return TRUE;
}

/* A number of bags ("2", "2 PC", "2 pcs"), -1 when none can be read. */
int
_tarmac_sheet_read_count (const char *cell)
{
  char *end = NULL;
  long value = strtol (cell, &end, 10);

  if (end == cell || value < 0 || value > 999)
    return -1;
  while (*end == ' ')
    end++;
  if (*end != '\0' && !g_ascii_isalpha (*end))
    return -1;
  return (int) value;
}

/* A weight in kg ("23", "23,5", "23.5 kg", "50 lb"), -1 when none can be read. */
double
_tarmac_sheet_read_weight (const char *cell)
{
  g_autofree char *copy = g_strdup (cell);
  char *end = NULL;
  double value;

  g_strdelimit (copy, ",", '.');
  value = g_ascii_strtod (copy, &end);
  if (end == copy || value < 0 || value > 10000)
    return -1;
  while (*end == ' ')
    end++;
  if (g_ascii_strncasecmp (end, "lb", 2) == 0)
    value *= 0.45359237;
  else if (*end != '\0' && g_ascii_strncasecmp (end, "kg", 2) != 0)
    return -1;
  return value;
}

/* A seat "12A", "012A", "3 C" as "12A"; NULL when it does not look like one. */
char *
_tarmac_sheet_read_seat (const char *cell)
{
  g_autoptr(GString) compact = g_string_new (NULL);
  gsize digits;

  for (const char *p = cell; *p != '\0'; p++)
    if (*p != ' ')
      g_string_append_c (compact, g_ascii_toupper (*p));

  digits = strspn (compact->str, "0123456789");
  if (digits < 1 || digits > 3 || compact->len != digits + 1 ||
      !g_ascii_isalpha (compact->str[digits]))
    return NULL;
  while (compact->str[0] == '0' && digits > 1)
    {
      g_string_erase (compact, 0, 1);
      digits--;
    }
  return g_string_free (g_steal_pointer (&compact), FALSE);
}

/* Flight designator "AF0702", "AF 702", "af702", "702" (with @carrier known): carrier and
 * number (without leading zeros). */
gboolean
_tarmac_sheet_read_flight (const char  *cell,
                           char       **carrier,
                           char       **number)
{
  g_autofree char *compact = g_ascii_strup (cell, -1);
  char *w = compact;
  gsize length, digits_at;
  const char *n;

  *carrier = *number = NULL;
  for (const char *r = compact; *r != '\0'; r++)
    if (*r != ' ' && *r != '-')
      *w++ = *r;
  *w = '\0';
  length = strlen (compact);

  /* The carrier is 2 characters (one a letter at least) or 3 letters; the number 1 to 4
   * digits with an optional operational suffix letter. */
  if (length >= 1 && strspn (compact, "0123456789") == length)
    digits_at = 0;
  else if (length >= 4 && g_ascii_isalpha (compact[0]) && g_ascii_isalpha (compact[1]) &&
           g_ascii_isalpha (compact[2]))
    digits_at = 3;
  else if (length >= 3 && g_ascii_isalnum (compact[0]) && g_ascii_isalnum (compact[1]) &&
           (g_ascii_isalpha (compact[0]) || g_ascii_isalpha (compact[1])))
    digits_at = 2;
  else
    return FALSE;

  n = compact + digits_at;
  {
    gsize digits = strspn (n, "0123456789");

    if (digits < 1 || digits > 5 || (n[digits] != '\0' && (!g_ascii_isalpha (n[digits]) ||
                                                          n[digits + 1] != '\0')))
      return FALSE;
  }
  while (n[0] == '0' && g_ascii_isdigit (n[1]))
    n++;
  if (strlen (n) > 5)
    return FALSE;

  *carrier = digits_at > 0 ? g_strndup (compact, digits_at) : NULL;
  *number = g_strdup (n);
  return TRUE;
}
