/* tarmac-chart.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "tarmac-chart-data.h"

G_BEGIN_DECLS

/* Charts drawn with cairo and Pango into any cairo_t: a PDF page or a widget's snapshot.
 * Needs cairo and pangocairo only, never GTK, so the core's PDF reports and the app draw
 * the same pictures (research/seizures.md §9). */

typedef enum
{
  TARMAC_CHART_BAR,          /* grouped vertical bars, one per series and label */
  TARMAC_CHART_STACKED_BAR,  /* one bar per label, series stacked */
  TARMAC_CHART_LINE,         /* one line per series; the second is dashed (last year) */
  TARMAC_CHART_DONUT,        /* the first series, one slice per label */
  TARMAC_CHART_TOP_N,        /* the first series as horizontal bars, in the given order */
} TarmacChartKind;

typedef struct
{
  gboolean    dark;         /* dark background: lighter colours and text */
  gboolean    rtl;          /* right-to-left: axes, legends and bars mirrored */
  const char *font_family;  /* NULL for "Sans" */
  double      font_size;    /* in cairo units; 0 for 9 */
} TarmacChartStyle;

void    tarmac_chart_draw             (TarmacChartKind         kind,
                                       TarmacChartData        *data,
                                       const TarmacChartStyle *style,
                                       cairo_t                *cr,
                                       double                  x,
                                       double                  y,
                                       double                  width,
                                       double                  height);
void    tarmac_chart_get_color        (guint                   index,
                                       gboolean                dark,
                                       double                  rgb[3]);
double  tarmac_chart_nice_ticks       (double                  max,
                                       guint                   wanted,
                                       gboolean                integers,
                                       double                 *step);
gboolean tarmac_chart_direction_is_rtl (const char            *language);
double  tarmac_chart_show_text        (cairo_t                *cr,
                                       const TarmacChartStyle *style,
                                       const char             *text,
                                       double                  x,
                                       double                  y,
                                       double                  width,
                                       double                  align,
                                       double                  size,
                                       gboolean                bold,
                                       gboolean                wrap);

G_END_DECLS
