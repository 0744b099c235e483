/* tarmac-mrz.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-mrz"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tarmac-mrz.h"

/* Reads an ICAO Doc 9303 machine readable zone (research/formats.md §5): TD1, TD2, TD3
 * and the two visa layouts, every check digit with its own verdict, filler handling and
 * the TD1/TD2 long document number. It never allocates: the result is a fixed struct, so
 * checking a document costs nothing next to storing it.
 *
 * OCR tolerance follows the standard's character classes and nothing else: a field
 * that only admits digits (dates, check digits) reads O as 0, I as 1…; a field that only
 * admits letters and the filler (issuing state, nationality, names, the document code's
 * first letter) reads 0 as O, 1 as I… Document numbers and optional data admit both, so
 * a confusion there cannot be resolved and is left as printed: the check digit then
 * fails, which is the honest answer. */

#define MAX_LINES 3
#define MAX_LINE  44

G_DEFINE_QUARK (tarmac-mrz-error-quark, tarmac_mrz_error)

typedef struct
{
  char   lines[MAX_LINES][MAX_LINE + 1];
  guint  n_lines;
  guint  width;
  guint  n_corrections;
} Zone;

static int
char_value (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'A' && c <= 'Z')
    return c - 'A' + 10;
  if (c == '<')
    return 0;
  return -1;
}

/**
 * tarmac_mrz_check_digit:
 * @text: MRZ characters (digits, A–Z, `<`)
 * @length: how many of them
 *
 * The Doc 9303 Part 3 check digit: values 0–9, A–Z = 10–35, `<` = 0, weights 7, 3, 1
 * from the left, sum modulo 10.
 *
 * Returns: 0–9, or -1 when @text holds another character
 */
int
tarmac_mrz_check_digit (const char *text,
                        gsize       length)
{
  static const int weights[] = { 7, 3, 1 };
  int sum = 0;

  g_return_val_if_fail (text != NULL || length == 0, -1);

  for (gsize i = 0; i < length; i++)
    {
      int value = char_value (text[i]);

      if (value < 0)
        return -1;
      sum += value * weights[i % 3];
    }

  return sum % 10;
}

static char
as_digit (char c)
{
  switch (c)
    {
    case 'O': case 'Q': case 'D':
      return '0';
    case 'I': case 'L':
      return '1';
    case 'Z':
      return '2';
    case 'S':
      return '5';
    case 'G':
      return '6';
    case 'B':
      return '8';
    default:
      return c;
    }
}

static char
as_letter (char c)
{
  static const char letters[] = "OIZEASGTB";

  if (c >= '0' && c <= '8')
    return letters[c - '0'];
  return c;
}

/* Positions [start, start + length) of @line only admit digits (and `<` when a date
 * part is unknown, or a check digit is allowed to be empty). */
static void
correct_digits (Zone  *zone,
                guint  line,
                guint  start,
                guint  length)
{
  for (guint i = start; i < start + length; i++)
    {
      char c = zone->lines[line][i];
      char fixed = as_digit (c);

      if (fixed != c)
        {
          zone->lines[line][i] = fixed;
          zone->n_corrections++;
        }
    }
}

static void
correct_letters (Zone  *zone,
                 guint  line,
                 guint  start,
                 guint  length)
{
  for (guint i = start; i < start + length; i++)
    {
      char c = zone->lines[line][i];
      char fixed = as_letter (c);

      if (fixed != c)
        {
          zone->lines[line][i] = fixed;
          zone->n_corrections++;
        }
    }
}

/* Splits @text into lines on any white space; a single run of 90, 88 or 72 characters
 * (lines pasted without breaks) is cut into the layout it must be. */
static gboolean
split_lines (const char  *text,
             Zone        *zone,
             GError     **error)
{
  char run[MAX_LINES * MAX_LINE + 1];
  gsize len = 0;
  gsize total = strlen (text);

  if (total > TARMAC_MRZ_MAX_INPUT)
    {
      g_set_error (error, TARMAC_MRZ_ERROR, TARMAC_MRZ_ERROR_LAYOUT,
                   _("The MRZ is longer than %u characters"), TARMAC_MRZ_MAX_INPUT);
      return FALSE;
    }

  for (const char *p = text; ; p++)
    {
      char c = *p;

      if (c == '\0' || g_ascii_isspace (c))
        {
          if (len > 0)
            {
              if (zone->n_lines == MAX_LINES || len > MAX_LINE)
                {
                  /* One unbroken run of a whole zone. */
                  if (zone->n_lines == 0 && c == '\0' &&
                      (len == 90 || len == 88 || len == 72))
                    break;
                  g_set_error_literal (error, TARMAC_MRZ_ERROR, TARMAC_MRZ_ERROR_LAYOUT,
                                       _("The MRZ does not have the lines of a TD1, TD2, "
                                         "TD3 or visa layout"));
                  return FALSE;
                }
              memcpy (zone->lines[zone->n_lines], run, len);
              zone->lines[zone->n_lines][len] = '\0';
              zone->n_lines++;
              len = 0;
            }
          if (c == '\0')
            break;
          continue;
        }

      if (len == sizeof run - 1)
        {
          g_set_error_literal (error, TARMAC_MRZ_ERROR, TARMAC_MRZ_ERROR_LAYOUT,
                               _("The MRZ does not have the lines of a TD1, TD2, TD3 or "
                                 "visa layout"));
          return FALSE;
        }

      c = g_ascii_toupper (c);
      if (char_value (c) < 0)
        {
          g_set_error (error, TARMAC_MRZ_ERROR, TARMAC_MRZ_ERROR_CHARACTERS,
                       _("The MRZ holds a character other than A–Z, 0–9 and “<” at "
                         "position %u"), (guint) (p - text) + 1);
          return FALSE;
        }
      run[len++] = c;
    }

  if (zone->n_lines == 0 && len > 0)
    {
      guint width = len == 90 ? 30 : len == 88 ? 44 : 36;

      for (guint i = 0; i * width < len; i++)
        {
          memcpy (zone->lines[i], run + i * width, width);
          zone->lines[i][width] = '\0';
        }
      zone->n_lines = (guint) (len / width);
    }

  zone->width = zone->n_lines > 0 ? (guint) strlen (zone->lines[0]) : 0;
  for (guint i = 1; i < zone->n_lines; i++)
    if (strlen (zone->lines[i]) != zone->width)
      zone->width = 0;

  return TRUE;
}

/* Copies @length characters at @src without the filler at both ends; with @spaces, a
 * filler between words becomes a space. */
static void
copy_field (char       *dest,
            gsize       size,
            const char *src,
            gsize       length,
            gboolean    spaces)
{
  gsize start = 0;
  gsize end = length;
  gsize n = 0;

  while (start < end && src[start] == '<')
    start++;
  while (end > start && src[end - 1] == '<')
    end--;

  for (gsize i = start; i < end && n + 1 < size; i++)
    {
      if (src[i] == '<')
        {
          if (!spaces)
            continue;
          if (n > 0 && dest[n - 1] == ' ')
            continue;
          dest[n++] = ' ';
        }
      else
        dest[n++] = src[i];
    }
  dest[n] = '\0';
}

static gboolean
all_filler (const char *text,
            gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if (text[i] != '<')
      return FALSE;
  return TRUE;
}

static TarmacMrzVerdict
verdict (const char *field,
         gsize       length,
         char        digit)
{
  int expected = tarmac_mrz_check_digit (field, length);

  if (expected < 0 || digit < '0' || digit > '9')
    return TARMAC_MRZ_VERDICT_INVALID;
  return digit - '0' == expected ? TARMAC_MRZ_VERDICT_VALID : TARMAC_MRZ_VERDICT_INVALID;
}

static gboolean
date_ok (const char *yymmdd,
         gboolean    unknown_parts)
{
  int month, day;

  for (guint i = 0; i < 2; i++)
    if (!g_ascii_isdigit (yymmdd[i]))
      return FALSE;

  /* Part 3: an unknown day or month is written as filler. */
  if (unknown_parts && yymmdd[2] == '<' && yymmdd[3] == '<')
    return (yymmdd[4] == '<' && yymmdd[5] == '<') ||
           (g_ascii_isdigit (yymmdd[4]) && g_ascii_isdigit (yymmdd[5]));
  if (!g_ascii_isdigit (yymmdd[2]) || !g_ascii_isdigit (yymmdd[3]))
    return FALSE;
  month = (yymmdd[2] - '0') * 10 + (yymmdd[3] - '0');
  if (month < 1 || month > 12)
    return FALSE;
  if (unknown_parts && yymmdd[4] == '<' && yymmdd[5] == '<')
    return TRUE;
  if (!g_ascii_isdigit (yymmdd[4]) || !g_ascii_isdigit (yymmdd[5]))
    return FALSE;
  day = (yymmdd[4] - '0') * 10 + (yymmdd[5] - '0');
  /* Any year: 29 February is allowed, the century is not known here. */
  return day >= 1 && day <= (month == 2 ? 29 : (month == 4 || month == 6 || month == 9 ||
                                                  month == 11) ? 30 : 31);
}

/* The document number of TD1 (line 1) or TD2 (line 2) at @number: nine characters and a
 * check digit, or, when the check position holds `<`, a long number whose rest and
 * check digit open the optional data at @optional (Parts 5 and 6). */
static void
read_document_number (Zone        *zone,
                      TarmacMrz   *mrz,
                      guint        line,
                      guint        number,
                      guint        optional,
                      guint        optional_length,
                      gboolean     long_allowed)
{
  char *l = zone->lines[line];
  char whole[32];
  gsize n = 0;

  if (long_allowed && l[number + 9] == '<' && l[optional] != '<')
    {
      gsize rest = 0;

      while (rest < optional_length && l[optional + rest] != '<')
        rest++;
      /* The last character of the run is the check digit: digits only. */
      correct_digits (zone, line, optional + (guint) rest - 1, 1);

      memcpy (whole, l + number, 9);
      n = 9;
      if (rest > 1)
        {
          memcpy (whole + n, l + optional, rest - 1);
          n += rest - 1;
        }
      mrz->checks[TARMAC_MRZ_FIELD_DOCUMENT_NUMBER] =
        verdict (whole, n, l[optional + rest - 1]);

      /* Some issuers compute this digit over the field as printed, the `<` included
       * (Belgian identity cards; cheminfo/mrz#36). The standard's example cannot tell
       * the two apart, so either reading is accepted. */
      if (mrz->checks[TARMAC_MRZ_FIELD_DOCUMENT_NUMBER] == TARMAC_MRZ_VERDICT_INVALID)
        {
          char printed[33];

          memcpy (printed, whole, 9);
          printed[9] = '<';
          memcpy (printed + 10, whole + 9, n - 9);
          mrz->checks[TARMAC_MRZ_FIELD_DOCUMENT_NUMBER] =
            verdict (printed, n + 1, l[optional + rest - 1]);
        }
      copy_field (mrz->document_number, sizeof mrz->document_number, whole, n, FALSE);
      copy_field (mrz->optional_data, sizeof mrz->optional_data, l + optional + rest,
                  optional_length - rest, FALSE);
      return;
    }

  correct_digits (zone, line, number + 9, 1);
  mrz->checks[TARMAC_MRZ_FIELD_DOCUMENT_NUMBER] = verdict (l + number, 9, l[number + 9]);
  copy_field (mrz->document_number, sizeof mrz->document_number, l + number, 9, FALSE);
  copy_field (mrz->optional_data, sizeof mrz->optional_data, l + optional, optional_length,
              FALSE);
}

/* Birth date, its check, sex, expiry and its check: the same run in every layout. */
static void
read_dates (Zone       *zone,
            TarmacMrz  *mrz,
            guint       line,
            guint       birth,
            guint       expiry)
{
  char *l;

  correct_digits (zone, line, birth, 7);
  correct_digits (zone, line, expiry, 7);
  l = zone->lines[line];

  memcpy (mrz->birth_date, l + birth, 6);
  mrz->birth_date[6] = '\0';
  mrz->checks[TARMAC_MRZ_FIELD_BIRTH_DATE] = verdict (l + birth, 6, l[birth + 6]);
  mrz->birth_date_ok = date_ok (mrz->birth_date, TRUE);

  mrz->sex = l[birth + 7];
  if (mrz->sex != 'M' && mrz->sex != 'F' && mrz->sex != 'X')
    mrz->sex = '<';

  memcpy (mrz->expiry, l + expiry, 6);
  mrz->expiry[6] = '\0';
  mrz->checks[TARMAC_MRZ_FIELD_EXPIRY] = verdict (l + expiry, 6, l[expiry + 6]);
  mrz->expiry_ok = date_ok (mrz->expiry, FALSE);
}

static void
read_name (Zone        *zone,
           TarmacMrz   *mrz,
           guint        line,
           guint        start)
{
  const char *field;
  const char *split;
  gsize length = zone->width - start;

  correct_letters (zone, line, start, (guint) length);
  field = zone->lines[line] + start;
  split = strstr (field, "<<");

  /* A field full to its end may have been cut: names then match by prefix (§5.4). */
  mrz->name_truncated = field[length - 1] != '<';

  if (split == NULL)
    {
      copy_field (mrz->primary_name, sizeof mrz->primary_name, field, length, TRUE);
      mrz->secondary_names[0] = '\0';
      return;
    }
  copy_field (mrz->primary_name, sizeof mrz->primary_name, field, (gsize) (split - field),
              TRUE);
  copy_field (mrz->secondary_names, sizeof mrz->secondary_names, split + 2,
              length - (gsize) (split - field) - 2, TRUE);
}

/* Document code and issuing state at the start of line 0. */
static gboolean
read_header (Zone       *zone,
             TarmacMrz  *mrz,
             GError    **error)
{
  char *l = zone->lines[0];

  correct_letters (zone, 0, 0, 1);
  correct_letters (zone, 0, 2, 3);
  if (strchr ("PIACV", l[0]) == NULL ||
      (l[0] == 'V') != (mrz->format == TARMAC_MRZ_FORMAT_MRV_A ||
                        mrz->format == TARMAC_MRZ_FORMAT_MRV_B) ||
      (l[0] == 'P' && mrz->format == TARMAC_MRZ_FORMAT_TD1))
    {
      g_set_error (error, TARMAC_MRZ_ERROR, TARMAC_MRZ_ERROR_DOCUMENT_CODE,
                   _("The MRZ starts with “%.2s”, which is not an ICAO document code for "
                     "this layout"), l);
      return FALSE;
    }

  copy_field (mrz->document_code, sizeof mrz->document_code, l, 2, FALSE);
  /* "D<<" is Germany: keep the letters. */
  copy_field (mrz->issuing_state, sizeof mrz->issuing_state, l + 2, 3, FALSE);
  return TRUE;
}

static void
parse_td1 (Zone      *zone,
           TarmacMrz *mrz)
{
  char *l1 = zone->lines[0];
  char *l2 = zone->lines[1];
  char composite[64];
  char line2_optional[16];
  gsize n = 0;

  read_document_number (zone, mrz, 0, 5, 15, 15, TRUE);
  read_dates (zone, mrz, 1, 0, 8);
  correct_letters (zone, 1, 15, 3);
  copy_field (mrz->nationality, sizeof mrz->nationality, l2 + 15, 3, FALSE);

  /* Both optional data fields, as one value: line 1's rest, then line 2's. */
  copy_field (line2_optional, sizeof line2_optional, l2 + 18, 11, FALSE);
  if (*line2_optional != '\0')
    {
      gsize used = strlen (mrz->optional_data);

      g_snprintf (mrz->optional_data + used, sizeof mrz->optional_data - used, "%s%s",
                  used > 0 ? " " : "", line2_optional);
    }

  correct_digits (zone, 1, 29, 1);
  memcpy (composite + n, l1 + 5, 25), n += 25;
  memcpy (composite + n, l2, 7), n += 7;
  memcpy (composite + n, l2 + 8, 7), n += 7;
  memcpy (composite + n, l2 + 18, 11), n += 11;
  mrz->checks[TARMAC_MRZ_FIELD_COMPOSITE] = verdict (composite, n, l2[29]);

  read_name (zone, mrz, 2, 0);
}

/* TD2, TD3 and the visas share line 2 up to the expiry's check digit. */
static void
parse_two_lines (Zone      *zone,
                 TarmacMrz *mrz)
{
  gboolean visa = mrz->format == TARMAC_MRZ_FORMAT_MRV_A || mrz->format == TARMAC_MRZ_FORMAT_MRV_B;
  gboolean td3 = mrz->format == TARMAC_MRZ_FORMAT_TD3;
  char *l2 = zone->lines[1];
  guint width = zone->width;
  /* Optional data: TD3 28–41 + check 42; TD2 28–34; visas 28 to the end. */
  guint optional_length = td3 ? 14 : visa ? width - 28 : 7;

  read_document_number (zone, mrz, 1, 0, 28, optional_length,
                        mrz->format == TARMAC_MRZ_FORMAT_TD2);
  correct_letters (zone, 1, 10, 3);
  copy_field (mrz->nationality, sizeof mrz->nationality, l2 + 10, 3, FALSE);
  read_dates (zone, mrz, 1, 13, 21);

  if (td3)
    {
      correct_digits (zone, 1, 42, 1);
      if (l2[42] == '<' && all_filler (l2 + 28, 14))
        mrz->checks[TARMAC_MRZ_FIELD_OPTIONAL] = TARMAC_MRZ_VERDICT_FILLER;
      else
        mrz->checks[TARMAC_MRZ_FIELD_OPTIONAL] = verdict (l2 + 28, 14, l2[42]);
    }

  if (!visa)
    {
      char composite[48];
      guint last = width - 1;
      gsize n = 0;

      correct_digits (zone, 1, last, 1);
      memcpy (composite + n, l2, 10), n += 10;
      memcpy (composite + n, l2 + 13, 7), n += 7;
      memcpy (composite + n, l2 + 21, last - 21), n += last - 21;
      mrz->checks[TARMAC_MRZ_FIELD_COMPOSITE] = verdict (composite, n, l2[last]);
    }

  read_name (zone, mrz, 0, 5);
}

/**
 * tarmac_mrz_parse:
 * @text: the zone: its lines separated by any white space, or run together
 * @mrz: (out caller-allocates): the fields and a verdict per check digit
 * @error: return location for a #GError
 *
 * Reads @text as a TD1, TD2, TD3, MRV-A or MRV-B zone, by its line count and width
 * (and the document code `V` for visas). Lower-case letters are read as upper case.
 * A wrong check digit is not an error: it is a verdict in @mrz.
 *
 * Returns: %FALSE when @text is not a zone of any of these layouts
 */
gboolean
tarmac_mrz_parse (const char  *text,
                  TarmacMrz   *mrz,
                  GError     **error)
{
  Zone zone = { 0 };

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (mrz != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  memset (mrz, 0, sizeof *mrz);
  if (!split_lines (text, &zone, error))
    return FALSE;

  if (zone.n_lines == 3 && zone.width == 30)
    mrz->format = TARMAC_MRZ_FORMAT_TD1;
  else if (zone.n_lines == 2 && zone.width == 44)
    mrz->format = zone.lines[0][0] == 'V' ? TARMAC_MRZ_FORMAT_MRV_A : TARMAC_MRZ_FORMAT_TD3;
  else if (zone.n_lines == 2 && zone.width == 36)
    mrz->format = zone.lines[0][0] == 'V' ? TARMAC_MRZ_FORMAT_MRV_B : TARMAC_MRZ_FORMAT_TD2;
  else
    {
      g_set_error_literal (error, TARMAC_MRZ_ERROR, TARMAC_MRZ_ERROR_LAYOUT,
                           _("The MRZ does not have the lines of a TD1, TD2, TD3 or visa "
                             "layout"));
      return FALSE;
    }

  if (!read_header (&zone, mrz, error))
    {
      mrz->format = TARMAC_MRZ_FORMAT_UNKNOWN;
      return FALSE;
    }

  if (mrz->format == TARMAC_MRZ_FORMAT_TD1)
    parse_td1 (&zone, mrz);
  else
    parse_two_lines (&zone, mrz);

  mrz->n_corrections = zone.n_corrections;
  return TRUE;
}

/**
 * tarmac_mrz_is_valid:
 * @mrz: a parsed zone
 *
 * Returns: %TRUE when no check digit fails and both dates are calendar dates
 */
gboolean
tarmac_mrz_is_valid (const TarmacMrz *mrz)
{
  g_return_val_if_fail (mrz != NULL, FALSE);

  if (mrz->format == TARMAC_MRZ_FORMAT_UNKNOWN || !mrz->birth_date_ok || !mrz->expiry_ok)
    return FALSE;
  for (guint i = 0; i < TARMAC_MRZ_N_FIELDS; i++)
    if (mrz->checks[i] == TARMAC_MRZ_VERDICT_INVALID)
      return FALSE;
  return TRUE;
}

const char *
tarmac_mrz_format_to_id (TarmacMrzFormat format)
{
  switch (format)
    {
    case TARMAC_MRZ_FORMAT_TD1:
      return "TD1";
    case TARMAC_MRZ_FORMAT_TD2:
      return "TD2";
    case TARMAC_MRZ_FORMAT_TD3:
      return "TD3";
    case TARMAC_MRZ_FORMAT_MRV_A:
      return "MRV-A";
    case TARMAC_MRZ_FORMAT_MRV_B:
      return "MRV-B";
    case TARMAC_MRZ_FORMAT_UNKNOWN:
    default:
      return "unknown";
    }
}

/* These ids are what a finding's detail says ("mrz-check-digit", "birth-date"). */
const char *
tarmac_mrz_field_to_id (TarmacMrzField field)
{
  switch (field)
    {
    case TARMAC_MRZ_FIELD_DOCUMENT_NUMBER:
      return "document-number";
    case TARMAC_MRZ_FIELD_BIRTH_DATE:
      return "birth-date";
    case TARMAC_MRZ_FIELD_EXPIRY:
      return "expiry";
    case TARMAC_MRZ_FIELD_OPTIONAL:
      return "optional-data";
    case TARMAC_MRZ_FIELD_COMPOSITE:
      return "composite";
    case TARMAC_MRZ_N_FIELDS:
    default:
      return "unknown";
    }
}

const char *
tarmac_mrz_verdict_to_id (TarmacMrzVerdict verdict)
{
  switch (verdict)
    {
    case TARMAC_MRZ_VERDICT_VALID:
      return "valid";
    case TARMAC_MRZ_VERDICT_FILLER:
      return "filler";
    case TARMAC_MRZ_VERDICT_INVALID:
      return "invalid";
    case TARMAC_MRZ_VERDICT_ABSENT:
    default:
      return "absent";
    }
}
