/* tarmac-demo-private.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tarmac-demo.h"

G_BEGIN_DECLS

/* Internals of src/core/demo, shared between its files. */

#define TARMAC_DEMO_SECONDS_PER_DAY 86400
#define TARMAC_DEMO_MINUTE          60
#define TARMAC_DEMO_HOUR            3600

/* tarmac-demo-calendar.c: days since 1970-01-01 and back, proleptic Gregorian calendar,
 * formatted without allocations. */
gint64   _tarmac_demo_days_from_civil (int          year,
                                       int          month,
                                       int          day);
void     _tarmac_demo_civil_from_days (gint64       days,
                                       int         *year,
                                       int         *month,
                                       int         *day);
gboolean _tarmac_demo_parse_day       (const char  *text,
                                       gint64      *days);
int      _tarmac_demo_weekday         (gint64       days);
gint64   _tarmac_demo_floor_div       (gint64       a,
                                       gint64       b);
gint64   _tarmac_demo_add_years       (gint64       days,
                                       int          years);
gint64   _tarmac_demo_last_sunday     (int          year,
                                       int          month);
gint64   _tarmac_demo_nth_sunday      (int          year,
                                       int          month,
                                       int          n);
void     _tarmac_demo_format_day      (gint64       days,
                                       char         out[11]);
void     _tarmac_demo_format_time     (gint64       t,
                                       char         out[21]);
void     _tarmac_demo_format_docs_day (gint64       days,
                                       char         out[8]);

/* tarmac-demo-generator.c: writes every generated row; the caller holds the transaction.
 * @first_day is the first day of the window (days since the epoch), @retention_years how
 * long personal data is kept after the flight. */
gboolean _tarmac_demo_write_rows      (TarmacStore             *store,
                                       const TarmacDemoOptions *options,
                                       gint64                   first_day,
                                       guint                    retention_years,
                                       TarmacDemoStats         *stats,
                                       GError                 **error);

/* tarmac-demo-seizures.c: a year of results at the demo airport. */
gboolean _tarmac_demo_write_seizures  (TarmacStore  *store,
                                       gint64        anchor_day,
                                       guint         seed,
                                       GError      **error);

/* tarmac-demo-watchlist.c: a list of invented people, some on the demo's flights. */
gboolean _tarmac_demo_write_watchlist (TarmacStore  *store,
                                       gint64        anchor_day,
                                       guint         seed,
                                       GError      **error);

G_END_DECLS
