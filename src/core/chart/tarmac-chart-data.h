/* tarmac-chart-data.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* What a chart shows: category labels (months, commodities, routes) and one or more named
 * series of values, one value per label. Plain data, filled by the caller from whatever
 * model it has (the statistics tables, a test), drawn by tarmac_chart_draw(). */

#define TARMAC_TYPE_CHART_DATA (tarmac_chart_data_get_type ())

G_DECLARE_FINAL_TYPE (TarmacChartData, tarmac_chart_data, TARMAC, CHART_DATA, GObject)

TarmacChartData *tarmac_chart_data_new              (const char      *title);
const char      *tarmac_chart_data_get_title        (TarmacChartData *self);
guint            tarmac_chart_data_add_label        (TarmacChartData *self,
                                                     const char      *label);
guint            tarmac_chart_data_add_series       (TarmacChartData *self,
                                                     const char      *name);
void             tarmac_chart_data_set_value        (TarmacChartData *self,
                                                     guint            series,
                                                     guint            label,
                                                     double           value);
guint            tarmac_chart_data_get_n_labels     (TarmacChartData *self);
guint            tarmac_chart_data_get_n_series     (TarmacChartData *self);
const char      *tarmac_chart_data_get_label        (TarmacChartData *self,
                                                     guint            label);
const char      *tarmac_chart_data_get_series_name  (TarmacChartData *self,
                                                     guint            series);
double           tarmac_chart_data_get_value        (TarmacChartData *self,
                                                     guint            series,
                                                     guint            label);
void             tarmac_chart_data_set_decimals     (TarmacChartData *self,
                                                     int              decimals);
int              tarmac_chart_data_get_decimals     (TarmacChartData *self);
char            *tarmac_chart_data_format_value     (TarmacChartData *self,
                                                     double           value);

G_END_DECLS
