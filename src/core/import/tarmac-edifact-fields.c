/* tarmac-edifact-fields.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-edifact-fields"

#include "config.h"

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

  return _tarmac_edifact_strip_or_null (g_strdup (value));
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
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 ||
      !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return NULL;

  return g_strdup_printf ("%04u-%02u-%02u", year, month, day);
}
