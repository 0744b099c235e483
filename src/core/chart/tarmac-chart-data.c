/* tarmac-chart-data.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-chart"

#include "config.h"

#include <math.h>

#include "tarmac-chart-data.h"

/* Charts are small (a year of months, a top ten), so a bound keeps a bad caller from
 * asking for a chart nobody could read, or memory nobody has. */
#define MAX_LABELS 400
#define MAX_SERIES 16

struct _TarmacChartData
{
  GObject    parent_instance;

  char      *title;
  GPtrArray *labels;   /* char * */
  GPtrArray *names;    /* char *, one per series */
  GPtrArray *values;   /* GArray of double, one per series, n_labels long */
  int        decimals;
};

G_DEFINE_FINAL_TYPE (TarmacChartData, tarmac_chart_data, G_TYPE_OBJECT)

static void
tarmac_chart_data_finalize (GObject *object)
{
  TarmacChartData *self = (TarmacChartData *)object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->labels, g_ptr_array_unref);
  g_clear_pointer (&self->names, g_ptr_array_unref);
  g_clear_pointer (&self->values, g_ptr_array_unref);

  G_OBJECT_CLASS (tarmac_chart_data_parent_class)->finalize (object);
}

static void
tarmac_chart_data_class_init (TarmacChartDataClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tarmac_chart_data_finalize;
}

static void
tarmac_chart_data_init (TarmacChartData *self)
{
  self->labels = g_ptr_array_new_with_free_func (g_free);
  self->names = g_ptr_array_new_with_free_func (g_free);
  self->values = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
}

TarmacChartData *
tarmac_chart_data_new (const char *title)
{
  TarmacChartData *self = g_object_new (TARMAC_TYPE_CHART_DATA, NULL);

  self->title = g_strdup (title);
  return self;
}

const char *
tarmac_chart_data_get_title (TarmacChartData *self)
{
  g_return_val_if_fail (TARMAC_IS_CHART_DATA (self), NULL);
  return self->title;
}

/* Returns: the index of the new label; every series gets a 0 for it */
guint
tarmac_chart_data_add_label (TarmacChartData *self,
                             const char      *label)
{
  double zero = 0;

  g_return_val_if_fail (TARMAC_IS_CHART_DATA (self), 0);
  g_return_val_if_fail (self->labels->len < MAX_LABELS, self->labels->len - 1);

  g_ptr_array_add (self->labels, g_strdup (label != NULL ? label : ""));
  for (guint i = 0; i < self->values->len; i++)
    g_array_append_val (g_ptr_array_index (self->values, i), zero);
  return self->labels->len - 1;
}

/* Returns: the index of the new series, all zeros */
guint
tarmac_chart_data_add_series (TarmacChartData *self,
                              const char      *name)
{
  GArray *values;

  g_return_val_if_fail (TARMAC_IS_CHART_DATA (self), 0);
  g_return_val_if_fail (self->names->len < MAX_SERIES, self->names->len - 1);

  values = g_array_sized_new (FALSE, TRUE, sizeof (double), self->labels->len);
  g_array_set_size (values, self->labels->len);
  g_ptr_array_add (self->names, g_strdup (name != NULL ? name : ""));
  g_ptr_array_add (self->values, values);
  return self->names->len - 1;
}

/* A value that is not a finite number, or negative, is drawn as 0: charts of counts,
 * weights and amounts have no negative bars. */
void
tarmac_chart_data_set_value (TarmacChartData *self,
                             guint            series,
                             guint            label,
                             double           value)
{
  g_return_if_fail (TARMAC_IS_CHART_DATA (self));
  g_return_if_fail (series < self->values->len);
  g_return_if_fail (label < self->labels->len);

  if (!isfinite (value) || value < 0)
    value = 0;
  g_array_index ((GArray *) g_ptr_array_index (self->values, series), double, label) = value;
}

guint
tarmac_chart_data_get_n_labels (TarmacChartData *self)
{
  g_return_val_if_fail (TARMAC_IS_CHART_DATA (self), 0);
  return self->labels->len;
}

guint
tarmac_chart_data_get_n_series (TarmacChartData *self)
{
  g_return_val_if_fail (TARMAC_IS_CHART_DATA (self), 0);
  return self->names->len;
}

const char *
tarmac_chart_data_get_label (TarmacChartData *self,
                             guint            label)
{
  g_return_val_if_fail (TARMAC_IS_CHART_DATA (self), NULL);
  g_return_val_if_fail (label < self->labels->len, NULL);
  return g_ptr_array_index (self->labels, label);
}

const char *
tarmac_chart_data_get_series_name (TarmacChartData *self,
                                   guint            series)
{
  g_return_val_if_fail (TARMAC_IS_CHART_DATA (self), NULL);
  g_return_val_if_fail (series < self->names->len, NULL);
  return g_ptr_array_index (self->names, series);
}

double
tarmac_chart_data_get_value (TarmacChartData *self,
                             guint            series,
                             guint            label)
{
  g_return_val_if_fail (TARMAC_IS_CHART_DATA (self), 0);
  g_return_val_if_fail (series < self->values->len, 0);
  g_return_val_if_fail (label < self->labels->len, 0);
  return g_array_index ((GArray *) g_ptr_array_index (self->values, series), double, label);
}

/* Digits after the decimal point in value labels (0 for counts, 1 for kilograms…). */
void
tarmac_chart_data_set_decimals (TarmacChartData *self,
                                int              decimals)
{
  g_return_if_fail (TARMAC_IS_CHART_DATA (self));
  self->decimals = CLAMP (decimals, 0, 3);
}

/* Returns: the decimals of the values: 0 for counts */
int
tarmac_chart_data_get_decimals (TarmacChartData *self)
{
  g_return_val_if_fail (TARMAC_IS_CHART_DATA (self), 0);
  return self->decimals;
}

/* Returns: (transfer full): @value as a label; large values lose their decimals, and
 * trailing zeros go ("12.5", not "12.50") */
char *
tarmac_chart_data_format_value (TarmacChartData *self,
                                double           value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  int decimals;
  char *end;

  g_return_val_if_fail (TARMAC_IS_CHART_DATA (self), NULL);

  decimals = fabs (value) >= 1000 ? 0 : self->decimals;
  g_ascii_formatd (buffer, sizeof buffer, decimals == 0 ? "%.0f" : decimals == 1 ? "%.1f"
                                         : decimals == 2 ? "%.2f" : "%.3f", value);
  if (decimals > 0)
    {
      end = buffer + strlen (buffer) - 1;
      while (*end == '0')
        *end-- = '\0';
      if (*end == '.')
        *end = '\0';
    }
  return g_strdup (buffer);
}
