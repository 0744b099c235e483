/* tarmac-chart-view.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-chart-view"

#include "config.h"

#include <adwaita.h>

#include "tarmac-chart-view.h"

/* A chart on screen: a GtkDrawingArea that hands its cairo context to the same drawing
 * code as the PDF reports (src/core/chart), so the page and the printed report show the
 * same picture. It follows the widget's text direction and the dark style, and takes the
 * chart's title as its accessible name. */
struct _TarmacChartView
{
  GtkDrawingArea   parent_instance;

  TarmacChartData *data;
  TarmacChartKind  kind;
};

G_DEFINE_FINAL_TYPE (TarmacChartView, tarmac_chart_view, GTK_TYPE_DRAWING_AREA)

static void
draw_cb (GtkDrawingArea *area,
         cairo_t        *cr,
         int             width,
         int             height,
         gpointer        user_data)
{
  TarmacChartView *self = TARMAC_CHART_VIEW (area);
  TarmacChartStyle style = { 0 };

  if (self->data == NULL)
    return;

  style.dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  style.rtl = gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL;
  style.font_size = 11;
  /* Inside the card's rounded border. */
  tarmac_chart_draw (self->kind, self->data, &style, cr, 12, 10, MAX (width - 24, 1),
                     MAX (height - 20, 1));
}

static void
on_dark_changed_cb (TarmacChartView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
tarmac_chart_view_direction_changed (GtkWidget        *widget,
                                     GtkTextDirection  previous)
{
  GTK_WIDGET_CLASS (tarmac_chart_view_parent_class)->direction_changed (widget, previous);
  gtk_widget_queue_draw (widget);
}

static void
tarmac_chart_view_dispose (GObject *object)
{
  TarmacChartView *self = (TarmacChartView *)object;

  g_clear_object (&self->data);

  G_OBJECT_CLASS (tarmac_chart_view_parent_class)->dispose (object);
}

static void
tarmac_chart_view_class_init (TarmacChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tarmac_chart_view_dispose;
  widget_class->direction_changed = tarmac_chart_view_direction_changed;

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
  gtk_widget_class_set_css_name (widget_class, "chartview");
}

static void
tarmac_chart_view_init (TarmacChartView *self)
{
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self), draw_cb, NULL, NULL);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (self), 220);
  /* Narrower than this, a donut's legend has no room: two charts side by side wrap to
   * one under the other instead. */
  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (self), 280);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_dark_changed_cb), self, G_CONNECT_SWAPPED);
}

GtkWidget *
tarmac_chart_view_new (void)
{
  return g_object_new (TARMAC_TYPE_CHART_VIEW, NULL);
}

/**
 * tarmac_chart_view_set_data:
 * @kind: how to draw it
 * @data: (nullable): what to draw
 *
 * A top-N chart grows with its rows, as in the PDF report.
 */
void
tarmac_chart_view_set_data (TarmacChartView *self,
                            TarmacChartKind  kind,
                            TarmacChartData *data)
{
  g_return_if_fail (TARMAC_IS_CHART_VIEW (self));
  g_return_if_fail (data == NULL || TARMAC_IS_CHART_DATA (data));

  g_set_object (&self->data, data);
  self->kind = kind;

  if (kind == TARMAC_CHART_TOP_N && data != NULL)
    gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (self),
                                         40 + 22 * MAX (tarmac_chart_data_get_n_labels (data), 2));
  else
    gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (self), 220);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  data != NULL ? tarmac_chart_data_get_title (data) : "",
                                  -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Returns: (transfer none) (nullable): what the chart shows */
TarmacChartData *
tarmac_chart_view_get_data (TarmacChartView *self)
{
  g_return_val_if_fail (TARMAC_IS_CHART_VIEW (self), NULL);
  return self->data;
}

TarmacChartKind
tarmac_chart_view_get_kind (TarmacChartView *self)
{
  g_return_val_if_fail (TARMAC_IS_CHART_VIEW (self), 0);
  return self->kind;
}
