/* tarmac-demo-calendar.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-demo"

#include "config.h"

#include <string.h>

#include "tarmac-demo-private.h"

/*
 * Calendar arithmetic for the generator, which formats millions of dates: integers and
 * fixed buffers instead of GDateTime (H. Hinnant's days-from-civil algorithms).
 */

gint64
_tarmac_demo_days_from_civil (int year,
                              int month,
                              int day)
{
  gint64 y = year - (month <= 2);
  gint64 era = (y >= 0 ? y : y - 399) / 400;
  gint64 yoe = y - era * 400;
  gint64 doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
  gint64 doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

  return era * 146097 + doe - 719468;
}

void
_tarmac_demo_civil_from_days (gint64  days,
                              int    *year,
                              int    *month,
                              int    *day)
{
  gint64 z = days + 719468;
  gint64 era = (z >= 0 ? z : z - 146096) / 146097;
  gint64 doe = z - era * 146097;
  gint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  gint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  gint64 mp = (5 * doy + 2) / 153;
  gint64 m = mp < 10 ? mp + 3 : mp - 9;

  *day = (int) (doy - (153 * mp + 2) / 5 + 1);
  *month = (int) m;
  *year = (int) (yoe + era * 400 + (m <= 2));
}

/* Strict "YYYY-MM-DD": rejects 2026-02-30 and friends. */
gboolean
_tarmac_demo_parse_day (const char *text,
                        gint64     *days)
{
  int y, m, d;
  int check_y, check_m, check_d;

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;

  y = (int) g_ascii_strtoll (text, NULL, 10);
  m = (int) g_ascii_strtoll (text + 5, NULL, 10);
  d = (int) g_ascii_strtoll (text + 8, NULL, 10);
  if (y < 1900 || m < 1 || m > 12 || d < 1 || d > 31)
    return FALSE;

  *days = _tarmac_demo_days_from_civil (y, m, d);

  _tarmac_demo_civil_from_days (*days, &check_y, &check_m, &check_d);
  return check_y == y && check_m == m && check_d == d;
}

/* Monday is 0; 1970-01-01 was a Thursday. */
int
_tarmac_demo_weekday (gint64 days)
{
  return (int) (((days + 3) % 7 + 7) % 7);
}

gint64
_tarmac_demo_floor_div (gint64 a,
                        gint64 b)
{
  return a >= 0 ? a / b : -((-a + b - 1) / b);
}

gint64
_tarmac_demo_add_years (gint64 days,
                        int    years)
{
  int y, m, d;

  _tarmac_demo_civil_from_days (days, &y, &m, &d);
  if (m == 2 && d == 29)
    d = 28;
  return _tarmac_demo_days_from_civil (y + years, m, d);
}

gint64
_tarmac_demo_last_sunday (int year,
                          int month)
{
  gint64 last = month == 12 ? _tarmac_demo_days_from_civil (year + 1, 1, 1) - 1
                            : _tarmac_demo_days_from_civil (year, month + 1, 1) - 1;

  return last - (_tarmac_demo_weekday (last) + 1) % 7;
}

gint64
_tarmac_demo_nth_sunday (int year,
                         int month,
                         int n)
{
  gint64 first = _tarmac_demo_days_from_civil (year, month, 1);

  return first + (6 - _tarmac_demo_weekday (first)) + 7 * (n - 1);
}

static inline void
put_digits (char *out,
            int   value,
            int   width)
{
  for (int i = width - 1; i >= 0; i--)
    {
      out[i] = (char) ('0' + value % 10);
      value /= 10;
    }
}

void
_tarmac_demo_format_day (gint64 days,
                         char   out[11])
{
  int y, m, d;

  _tarmac_demo_civil_from_days (days, &y, &m, &d);
  put_digits (out, y, 4);
  out[4] = '-';
  put_digits (out + 5, m, 2);
  out[7] = '-';
  put_digits (out + 8, d, 2);
  out[10] = '\0';
}

/* "2026-11-22T06:45:00Z" */
void
_tarmac_demo_format_time (gint64 t,
                          char   out[21])
{
  gint64 days = _tarmac_demo_floor_div (t, TARMAC_DEMO_SECONDS_PER_DAY);
  int secs = (int) (t - days * TARMAC_DEMO_SECONDS_PER_DAY);

  _tarmac_demo_format_day (days, out);
  out[10] = 'T';
  put_digits (out + 11, secs / 3600, 2);
  out[13] = ':';
  put_digits (out + 14, (secs / 60) % 60, 2);
  out[16] = ':';
  put_digits (out + 17, secs % 60, 2);
  out[19] = 'Z';
  out[20] = '\0';
}

/* "12MAR85", as in SSR DOCS. */
void
_tarmac_demo_format_docs_day (gint64 days,
                              char   out[8])
{
  static const char months[] = "JANFEBMARAPRMAYJUNJULAUGSEPOCTNOVDEC";
  int y, m, d;

  _tarmac_demo_civil_from_days (days, &y, &m, &d);
  put_digits (out, d, 2);
  memcpy (out + 2, months + (m - 1) * 3, 3);
  put_digits (out + 5, y % 100, 2);
  out[7] = '\0';
}
