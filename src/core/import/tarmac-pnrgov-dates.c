/* tarmac-pnrgov-dates.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-pnrgov"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "tarmac-pnrgov-private.h"

/*
 * PNRGOV dates: TVL, RCI and DAT send DDMMYY (read as YYMMDD with a warning when that
 * is the only valid reading), CCYYMMDD is accepted and SSR free text uses DDMMMYY; an
 * optional time is HHMM or HHMMSS. Two-digit years are resolved against the push year.
 */

static guint
month_from_name (const char *name)
{
  static const char *months[] = { "JAN", "FEB", "MAR", "APR", "MAY", "JUN",
                                  "JUL", "AUG", "SEP", "OCT", "NOV", "DEC" };

  for (guint i = 0; i < G_N_ELEMENTS (months); i++)
    if (g_ascii_strncasecmp (name, months[i], 3) == 0)
      return i + 1;

  return 0;
}

guint
_tarmac_pnrgov_reference_year (TarmacPnrgovParser *p)
{
  g_autoptr(GDateTime) now = NULL;

  if (p->message != NULL && p->message->pushed_at != NULL)
    return (guint) atoi (p->message->pushed_at);
  if (p->envelope_time != NULL)
    return (guint) atoi (p->envelope_time);

  now = g_date_time_new_now_utc ();
  return (guint) g_date_time_get_year (now);
}

/* Reads DDMMYY (@day_first) or YYMMDD, CCYYMMDD and DDMMMYY; @other_layout is set when
 * only a layout other than the expected one fits. */
char *
_tarmac_pnrgov_read_date (const char         *value,
                          gboolean            day_first,
                          guint               reference,
                          TarmacEdifactPivot  pivot,
                          gboolean           *other_layout)
{
  gsize length = strlen (value);
  char *iso = NULL;

  *other_layout = FALSE;

  if (length == 7 && _tarmac_edifact_all_digits (value, 2) &&
      _tarmac_edifact_all_digits (value + 5, 2))
    {
      guint month = month_from_name (value + 2);

      guint year = _tarmac_edifact_resolve_year (_tarmac_edifact_number_at (value + 5, 2),
                                                 reference, pivot);

      if (month != 0)
        iso = _tarmac_edifact_format_date (year, month, _tarmac_edifact_number_at (value, 2));
      *other_layout = day_first;
      return iso;
    }

  if (length == 9 && _tarmac_edifact_all_digits (value, 2) &&
      _tarmac_edifact_all_digits (value + 5, 4))
    {
      guint month = month_from_name (value + 2);

      *other_layout = TRUE;
      return month != 0 ? _tarmac_edifact_format_date (_tarmac_edifact_number_at (value + 5, 4),
                                                       month, _tarmac_edifact_number_at (value, 2))
                        : NULL;
    }

  if (length == 8 && _tarmac_edifact_all_digits (value, 8))
    {
      iso = _tarmac_edifact_format_date (_tarmac_edifact_number_at (value, 4),
                                         _tarmac_edifact_number_at (value + 4, 2),
                                         _tarmac_edifact_number_at (value + 6, 2));
      if (iso == NULL)
        {
          iso = _tarmac_edifact_format_date (_tarmac_edifact_number_at (value + 4, 4),
                                             _tarmac_edifact_number_at (value + 2, 2),
                                             _tarmac_edifact_number_at (value, 2));
          *other_layout = iso != NULL;
        }
      return iso;
    }

  if (length == 6 && _tarmac_edifact_all_digits (value, 6))
    {
      guint first = _tarmac_edifact_number_at (value, 2);
      guint middle = _tarmac_edifact_number_at (value + 2, 2);
      guint last = _tarmac_edifact_number_at (value + 4, 2);
      char *ddmmyy = _tarmac_edifact_format_date (_tarmac_edifact_resolve_year (last, reference,
                                                                                pivot),
                                                  middle, first);
      char *yymmdd = _tarmac_edifact_format_date (_tarmac_edifact_resolve_year (first, reference,
                                                                                pivot),
                                                  middle, last);

      if (day_first ? ddmmyy != NULL : yymmdd != NULL)
        {
          iso = day_first ? g_steal_pointer (&ddmmyy) : g_steal_pointer (&yymmdd);
        }
      else
        {
          iso = day_first ? g_steal_pointer (&yymmdd) : g_steal_pointer (&ddmmyy);
          *other_layout = iso != NULL;
        }
      g_free (ddmmyy);
      g_free (yymmdd);
      return iso;
    }

  return NULL;
}

/* A date (as _tarmac_pnrgov_read_date()) with an optional HHMM or HHMMSS time; warns when
 * unreadable. */
char *
_tarmac_pnrgov_parse_date_time (TarmacPnrgovParser *p,
                                const char         *date,
                                const char         *time,
                                gboolean            day_first,
                                TarmacEdifactPivot  pivot)
{
  g_autofree char *iso = NULL;
  gboolean other_layout = FALSE;
  gsize time_length = time != NULL ? strlen (time) : 0;

  if (date == NULL)
    return NULL;

  iso = _tarmac_pnrgov_read_date (date, day_first, _tarmac_pnrgov_reference_year (p), pivot,
                                  &other_layout);
  if (iso == NULL)
    {
      _tarmac_pnrgov_add_warning (p, TARMAC_PNRGOV_WARNING_BAD_DATE,
                                  _("Unreadable date “%s”"), date);
      return NULL;
    }
  if (other_layout)
    _tarmac_pnrgov_add_warning (p, TARMAC_PNRGOV_WARNING_BAD_DATE,
                                _("Date “%s” is not in the expected layout; read as %s"),
                                date, iso);

  if (time_length == 0)
    return g_steal_pointer (&iso);

  if ((time_length == 4 || time_length == 6) && _tarmac_edifact_all_digits (time, time_length) &&
      _tarmac_edifact_number_at (time, 2) < 24 && _tarmac_edifact_number_at (time + 2, 2) < 60)
    return g_strdup_printf ("%sT%.2s:%.2s", iso, time, time + 2);

  _tarmac_pnrgov_add_warning (p, TARMAC_PNRGOV_WARNING_BAD_DATE,
                              _("Unreadable time “%s”"), time);
  return g_steal_pointer (&iso);
}
