/* tarmac-edifact-fields.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-edifact-fields"

#include "config.h"

#include <string.h>

#include "tarmac-edifact-fields-private.h"

/* Takes @copy; returns it with outer whitespace removed, or NULL when absent or blank. */
char *
_tarmac_edifact_strip_or_null (char *copy)
{
  if (copy == NULL)
    return NULL;

  g_strstrip (copy);
  if (*copy == '\0')
    g_clear_pointer (&copy, g_free);

  return copy;
}

/* A value with outer whitespace removed, or NULL when absent or blank. */
char *
_tarmac_edifact_dup_code (TarmacEdifactSegment *segment,
                          guint                 element,
                          guint                 component)
{
  const char *value = tarmac_edifact_segment_get_value (segment, element, component);
  const char *end;

  /* As _tarmac_edifact_strip_or_null (g_strdup (value)), copying only what stays. */
  if (value == NULL)
    return NULL;
  while (g_ascii_isspace (*value))
    value++;
  end = value + strlen (value);
  while (end > value && g_ascii_isspace (end[-1]))
    end--;
  return end > value ? g_strndup (value, (gsize) (end - value)) : NULL;
}

void
_tarmac_edifact_set_string (char **field,
                            char  *value)
{
  g_free (*field);
  *field = value;
}

/* Whether the first @length bytes of @text are ASCII digits (and @length is not 0). */
gboolean
_tarmac_edifact_all_digits (const char *text,
                            gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;
  return length > 0;
}

/* The value of @n_digits digits already checked with _tarmac_edifact_all_digits(). */
guint
_tarmac_edifact_number_at (const char *text,
                           guint       n_digits)
{
  guint value = 0;

  for (guint i = 0; i < n_digits; i++)
    value = value * 10 + (guint) (text[i] - '0');

  return value;
}

/* Reads exactly @n_digits digits into @out; FALSE (and @out untouched) otherwise. */
gboolean
_tarmac_edifact_read_number (const char *text,
                             guint       n_digits,
                             guint      *out)
{
  guint value = 0;

  for (guint i = 0; i < n_digits; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      value = value * 10 + (guint) (text[i] - '0');
    }

  *out = value;
  return TRUE;
}

guint
_tarmac_edifact_resolve_year (guint              yy,
                              guint              reference,
                              TarmacEdifactPivot pivot)
{
  guint year = (reference / 100) * 100 + yy;

  switch (pivot)
    {
    case TARMAC_EDIFACT_PIVOT_PAST:
      if (year > reference)
        year -= 100;
      break;
    case TARMAC_EDIFACT_PIVOT_FUTURE:
      if (year + 20 < reference)
        year += 100;
      else if (year >= reference + 80)
        year -= 100;
      break;
    case TARMAC_EDIFACT_PIVOT_FLIGHT:
    default:
      year = 2000 + yy;
      break;
    }

  return year;
}

/* "YYYY-MM-DD", or NULL when the date does not exist. */
char *
_tarmac_edifact_format_date (guint year,
                             guint month,
                             guint day)
{
  char *date;

  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 ||
      !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return NULL;

  /* By hand: a manifest has a few dates per traveller, and printf was most of their
   * cost. */
  date = g_malloc (11);
  date[0] = (char) ('0' + year / 1000);
  date[1] = (char) ('0' + year / 100 % 10);
  date[2] = (char) ('0' + year / 10 % 10);
  date[3] = (char) ('0' + year % 10);
  date[4] = '-';
  date[5] = (char) ('0' + month / 10);
  date[6] = (char) ('0' + month % 10);
  date[7] = '-';
  date[8] = (char) ('0' + day / 10);
  date[9] = (char) ('0' + day % 10);
  date[10] = '\0';
  return date;
}
