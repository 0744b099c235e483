/* tarmac-chart-view.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "tarmac-chart.h"

G_BEGIN_DECLS

#define TARMAC_TYPE_CHART_VIEW (tarmac_chart_view_get_type ())

G_DECLARE_FINAL_TYPE (TarmacChartView, tarmac_chart_view, TARMAC, CHART_VIEW, GtkDrawingArea)

GtkWidget       *tarmac_chart_view_new      (void);
void             tarmac_chart_view_set_data (TarmacChartView *self,
                                             TarmacChartKind  kind,
                                             TarmacChartData *data);
TarmacChartData *tarmac_chart_view_get_data (TarmacChartView *self);
TarmacChartKind  tarmac_chart_view_get_kind (TarmacChartView *self);

G_END_DECLS
