/* tarmac-seizure-stats-pdf.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-seizure"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tarmac-chart.h"
#include "tarmac-pdf-document.h"
#include "tarmac-seizure-codes.h"
#include "tarmac-seizure-stats.h"

/* The period results report as PDF (research/seizures.md §9): the AIRCOP-style sheet,
 * then per section a chart and its table. Same figures as the JSON and CSV exports, so
 * hidden (shared) rows are "<3" here too and left out of the charts. Non-nominal. */

#define SUPPRESSED "<3"

static char *
format_kg (double kg)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  char *end;

  g_ascii_formatd (buffer, sizeof buffer, "%.3f", kg);
  end = buffer + strlen (buffer) - 1;
  while (*end == '0')
    *end-- = '\0';
  if (*end == '.')
    *end = '\0';
  return g_strdup (buffer);
}

static char *
format_usd (gint64 minor)
{
  return g_strdup_printf ("%lld.%02lld", (long long) (minor / 100), (long long) (minor % 100));
}

static char *
format_count (gint64 n)
{
  return g_strdup_printf ("%lld", (long long) n);
}

static GPtrArray *
new_rows (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
}

/* Takes ownership of the cells, NULL-terminated. */
static void
add_row (GPtrArray *rows,
         char      *first,
         ...)
{
  GPtrArray *cells = g_ptr_array_new ();
  va_list args;
  char *cell;

  va_start (args, first);
  for (cell = first; cell != NULL; cell = va_arg (args, char *))
    g_ptr_array_add (cells, cell);
  va_end (args);
  g_ptr_array_add (cells, NULL);
  g_ptr_array_add (rows, g_ptr_array_free (cells, FALSE));
}

static double
percent (gint64 part,
         gint64 whole)
{
  return whole > 0 ? 100.0 * part / whole : 0;
}

static void
headline_table (TarmacSeizureStats *self,
                TarmacPdfDocument  *doc)
{
  const char *header[] = { _("Indicator"), _("Cases"), _("Quantity"), NULL };
  const double widths[] = { 0.5, 0.15, 0.35 };
  g_autoptr(GPtrArray) rows = new_rows ();
  GListModel *headline = tarmac_seizure_stats_get_table (self, "headline");

  for (guint i = 0; i < g_list_model_get_n_items (headline); i++)
    {
      g_autoptr(TarmacStatRow) row = g_list_model_get_item (headline, i);
      const char *key = tarmac_stat_row_get_key (row);
      gint64 seizures = tarmac_stat_row_get_seizures (row);
      gint64 count = tarmac_stat_row_get_count (row);
      gint64 count2 = tarmac_stat_row_get_count2 (row);
      g_autofree char *kg = format_kg (tarmac_stat_row_get_kg (row));
      g_autofree char *usd = format_usd (tarmac_stat_row_get_usd_minor (row));
      char *cases = NULL, *quantity = NULL;

      if (tarmac_stat_row_get_suppressed (row))
        cases = g_strdup (SUPPRESSED), quantity = g_strdup (SUPPRESSED);
      else if (g_str_equal (key, "seizures"))
        cases = format_count (seizures);
      else if (g_str_equal (key, "pending") || g_str_equal (key, "joint_operations") ||
               g_str_equal (key, "arrests"))
        cases = format_count (count);
      else if (g_str_equal (key, "drugs"))
        /* Translators: a quantity in kilograms in the results report */
        cases = format_count (seizures), quantity = g_strdup_printf (_("%s kg"), kg);
      else if (g_str_equal (key, "cash"))
        /* Translators: an amount in US dollars in the results report */
        cases = format_count (seizures), quantity = g_strdup_printf (_("%s USD"), usd);
      else if (g_str_equal (key, "wildlife"))
        cases = format_count (seizures),
        /* Translators: wildlife seized: kilograms, then a number of specimens or pieces */
        quantity = g_strdup_printf (_("%s kg, %lld specimens or pieces"), kg, (long long) count);
      else if (g_str_equal (key, "counterfeit"))
        cases = format_count (seizures),
        quantity = g_strdup_printf (ngettext ("%lld unit", "%lld units", count), (long long) count);
      else if (g_str_equal (key, "multi_agency") || g_str_equal (key, "targeted"))
        cases = format_count (seizures),
        /* Translators: a share of all seizures, in percent */
        quantity = g_strdup_printf (_("%.0f%% of seizures"), percent (seizures, count));
      else if (g_str_equal (key, "ht_victims") || g_str_equal (key, "ftf"))
        cases = format_count (count2),
        quantity = g_strdup_printf (ngettext ("%lld person", "%lld persons", count),
                                    (long long) count);
      else if (g_str_equal (key, "trainings"))
        cases = format_count ((gint64) tarmac_stat_row_get_kg (row)),
        /* Translators: participants in trainings, by sex */
        quantity = g_strdup_printf (_("%lld women, %lld men"), (long long) count, (long long) count2);
      else if (g_str_equal (key, "hit_rate"))
        cases = format_count (count + count2),
        /* Translators: the hit rate: positive controls over all controls of flagged targets */
        quantity = g_strdup_printf (_("hit rate %.0f%% (%lld positive)"),
                                    percent (count, count + count2), (long long) count);
      else
        cases = format_count (seizures);

      add_row (rows, g_strdup (tarmac_stat_row_get_label (row)), cases,
               quantity != NULL ? quantity : g_strdup (""), NULL);
    }
  tarmac_pdf_document_table (doc, 3, widths, header, rows);
}

/* A chart of one figure of a table's rows, hidden rows left out; at most @limit rows. */
static TarmacChartData *
chart_of (TarmacSeizureStats *self,
          const char         *table,
          const char         *title,
          const char         *series,
          guint               limit,
          double            (*figure) (TarmacStatRow *row))
{
  TarmacChartData *data = tarmac_chart_data_new (title);
  GListModel *rows = tarmac_seizure_stats_get_table (self, table);
  guint s = tarmac_chart_data_add_series (data, series);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(TarmacStatRow) row = g_list_model_get_item (rows, i);
      guint label;

      if (tarmac_stat_row_get_suppressed (row) || figure (row) <= 0)
        continue;
      if (tarmac_chart_data_get_n_labels (data) >= limit)
        break;
      label = tarmac_chart_data_add_label (data, tarmac_stat_row_get_label (row));
      tarmac_chart_data_set_value (data, s, label, figure (row));
    }
  return data;
}

/* A top-N chart as tall as its rows need. */
static double
top_n_height (TarmacChartData *data)
{
  return 30 + 17 * MAX (tarmac_chart_data_get_n_labels (data), 2);
}

static double
row_seizures (TarmacStatRow *row)
{
  return tarmac_stat_row_get_seizures (row);
}

/* Commodities sorted by seizures for the top-N chart (the table keeps category order). */
static TarmacChartData *
commodities_chart (TarmacSeizureStats *self)
{
  GListModel *rows = tarmac_seizure_stats_get_table (self, "commodities");
  g_autoptr(GPtrArray) sorted = g_ptr_array_new_with_free_func (g_object_unref);
  TarmacChartData *data = tarmac_chart_data_new (_("Main commodities (seizures)"));
  guint s = tarmac_chart_data_add_series (data, _("Seizures"));

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      TarmacStatRow *row = g_list_model_get_item (rows, i);

      if (tarmac_stat_row_get_suppressed (row))
        g_object_unref (row);
      else
        g_ptr_array_add (sorted, row);
    }
  for (guint i = 1; i < sorted->len; i++)   /* stable insertion sort, a dozen rows */
    for (guint j = i; j > 0 && tarmac_stat_row_get_seizures (g_ptr_array_index (sorted, j)) >
                               tarmac_stat_row_get_seizures (g_ptr_array_index (sorted, j - 1)); j--)
      {
        gpointer tmp = sorted->pdata[j];

        sorted->pdata[j] = sorted->pdata[j - 1];
        sorted->pdata[j - 1] = tmp;
      }
  for (guint i = 0; i < sorted->len && i < 10; i++)
    {
      TarmacStatRow *row = g_ptr_array_index (sorted, i);
      guint label = tarmac_chart_data_add_label (data, tarmac_stat_row_get_label (row));

      tarmac_chart_data_set_value (data, s, label, tarmac_stat_row_get_seizures (row));
    }
  return data;
}

static void
commodities_table (TarmacSeizureStats *self,
                   TarmacPdfDocument  *doc)
{
  const char *header[] = { _("Commodity"), _("Seizures"), _("kg-equivalent"),
                           _("Units"), _("Pieces"), _("USD"), NULL };
  const double widths[] = { 0.32, 0.12, 0.15, 0.12, 0.12, 0.17 };
  g_autoptr(GPtrArray) rows = new_rows ();
  GListModel *model = tarmac_seizure_stats_get_table (self, "commodities");

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(TarmacStatRow) row = g_list_model_get_item (model, i);

      if (tarmac_stat_row_get_suppressed (row))
        add_row (rows, g_strdup (tarmac_stat_row_get_label (row)), g_strdup (SUPPRESSED),
                 g_strdup (""), g_strdup (""), g_strdup (""), g_strdup (""), NULL);
      else
        add_row (rows, g_strdup (tarmac_stat_row_get_label (row)),
                 format_count (tarmac_stat_row_get_seizures (row)),
                 format_kg (tarmac_stat_row_get_kg (row)),
                 format_count (tarmac_stat_row_get_count (row)),
                 format_count (tarmac_stat_row_get_count2 (row)),
                 format_usd (tarmac_stat_row_get_usd_minor (row)), NULL);
    }
  tarmac_pdf_document_table (doc, 6, widths, header, rows);
}

/* Two series, the period and the same months a year before, of the seizures or the drugs
 * (kg); a line from three months on, bars for shorter periods (a line needs points to
 * join). */
static TarmacChartData *
trend_chart (TarmacSeizureStats *self,
             gboolean            drugs,
             TarmacChartKind    *kind)
{
  GListModel *model = tarmac_seizure_stats_get_table (self, "monthly");
  guint n = g_list_model_get_n_items (model);
  TarmacChartData *data = tarmac_chart_data_new (drugs ? _("Drugs by month (kg-equivalent)")
                                                       : _("Seizures by month"));
  const char *from = tarmac_seizure_stats_get_from (self);
  g_autofree char *this_year = g_strndup (from, 4);
  g_autofree char *last_year = g_strdup_printf ("%d", (int) g_ascii_strtoll (from, NULL, 10) - 1);

  *kind = n >= 3 ? TARMAC_CHART_LINE : TARMAC_CHART_BAR;
  tarmac_chart_data_add_series (data, this_year);
  tarmac_chart_data_add_series (data, last_year);
  if (drugs)
    tarmac_chart_data_set_decimals (data, 1);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TarmacStatRow) row = g_list_model_get_item (model, i);
      guint label = tarmac_chart_data_add_label (data, tarmac_stat_row_get_label (row));

      if (tarmac_stat_row_get_suppressed (row))
        continue;
      tarmac_chart_data_set_value (data, 0, label, drugs ? tarmac_stat_row_get_kg (row)
                                                         : tarmac_stat_row_get_seizures (row));
      tarmac_chart_data_set_value (data, 1, label, drugs ? tarmac_stat_row_get_kg2 (row)
                                                         : tarmac_stat_row_get_count2 (row));
    }
  return data;
}

static void
trend_charts (TarmacSeizureStats *self,
              TarmacPdfDocument  *doc)
{
  TarmacChartKind kind;
  g_autoptr(TarmacChartData) seizures = trend_chart (self, FALSE, &kind);
  g_autoptr(TarmacChartData) drugs = trend_chart (self, TRUE, &kind);

  tarmac_pdf_document_charts (doc, 190, kind, seizures, kind, drugs);
}

static void
simple_table (TarmacSeizureStats *self,
              TarmacPdfDocument  *doc,
              const char         *table,
              const char         *first_column,
              gboolean            with_kg)
{
  const char *header[] = { first_column, _("Seizures"), _("kg-equivalent"), NULL };
  const double widths[] = { 0.6, 0.2, 0.2 };
  const double two_widths[] = { 0.8, 0.2 };
  g_autoptr(GPtrArray) rows = new_rows ();
  GListModel *model = tarmac_seizure_stats_get_table (self, table);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(TarmacStatRow) row = g_list_model_get_item (model, i);
      gboolean hidden = tarmac_stat_row_get_suppressed (row);

      add_row (rows, g_strdup (tarmac_stat_row_get_label (row)),
               hidden ? g_strdup (SUPPRESSED) : format_count (tarmac_stat_row_get_seizures (row)),
               hidden || !with_kg ? g_strdup ("") : format_kg (tarmac_stat_row_get_kg (row)), NULL);
    }
  tarmac_pdf_document_table (doc, with_kg ? 3 : 2, with_kg ? widths : two_widths, header, rows);
}

/* The first eight agencies, stacked: as lead, in another role. */
static TarmacChartData *
agencies_chart (TarmacSeizureStats *self)
{
  TarmacChartData *data = tarmac_chart_data_new (_("Seizures per agency, as lead or in another role"));
  GListModel *model = tarmac_seizure_stats_get_table (self, "agencies");

  tarmac_chart_data_add_series (data, _("As lead"));
  tarmac_chart_data_add_series (data, _("In another role"));
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(TarmacStatRow) row = g_list_model_get_item (model, i);
      guint label;

      if (tarmac_stat_row_get_suppressed (row))
        continue;
      if (tarmac_chart_data_get_n_labels (data) >= 8)
        break;
      label = tarmac_chart_data_add_label (data, tarmac_stat_row_get_label (row));
      tarmac_chart_data_set_value (data, 0, label, tarmac_stat_row_get_count (row));
      tarmac_chart_data_set_value (data, 1, label, tarmac_stat_row_get_count2 (row));
    }
  return data;
}

static void
agencies_section (TarmacSeizureStats *self,
                  TarmacPdfDocument  *doc)
{
  const char *header[] = { _("Agency"), _("Seizures"), _("As lead"), _("In another role"), NULL };
  const double widths[] = { 0.46, 0.18, 0.18, 0.18 };
  g_autoptr(TarmacChartData) data = agencies_chart (self);
  g_autoptr(GPtrArray) rows = new_rows ();
  GListModel *model = tarmac_seizure_stats_get_table (self, "agencies");
  TarmacStatRow *joint = tarmac_seizure_stats_get_headline (self, "multi_agency");
  g_autofree char *share = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(TarmacStatRow) row = g_list_model_get_item (model, i);

      if (tarmac_stat_row_get_suppressed (row))
        {
          add_row (rows, g_strdup (tarmac_stat_row_get_label (row)), g_strdup (SUPPRESSED),
                   g_strdup (""), g_strdup (""), NULL);
          continue;
        }
      add_row (rows, g_strdup (tarmac_stat_row_get_label (row)),
               format_count (tarmac_stat_row_get_seizures (row)),
               format_count (tarmac_stat_row_get_count (row)),
               format_count (tarmac_stat_row_get_count2 (row)), NULL);
    }
  tarmac_pdf_document_charts (doc, 190, TARMAC_CHART_STACKED_BAR, data, 0, NULL);
  if (joint != NULL && !tarmac_stat_row_get_suppressed (joint))
    {
      /* Translators: seizures made jointly, out of all seizures, and the share in percent */
      share = g_strdup_printf (_("Made jointly by several agencies: %lld of %lld seizures (%.0f%%). "
                                 "An agency's figures count every seizure it took part in, so "
                                 "they add up to more than the total."),
                               (long long) tarmac_stat_row_get_seizures (joint),
                               (long long) tarmac_stat_row_get_count (joint),
                               percent (tarmac_stat_row_get_seizures (joint),
                                        tarmac_stat_row_get_count (joint)));
      tarmac_pdf_document_text (doc, share, 0, FALSE);
    }
  tarmac_pdf_document_table (doc, 4, widths, header, rows);
}

static TarmacChartData *
controls_chart (TarmacSeizureStats *self)
{
  TarmacChartData *controls = tarmac_chart_data_new (_("Controls of flagged targets"));
  TarmacStatRow *hits = tarmac_seizure_stats_get_headline (self, "hit_rate");
  guint s = tarmac_chart_data_add_series (controls, _("Controls"));

  if (hits != NULL && !tarmac_stat_row_get_suppressed (hits))
    {
      tarmac_chart_data_set_value (controls, s, tarmac_chart_data_add_label (controls, _("Positive")),
                                   tarmac_stat_row_get_count (hits));
      tarmac_chart_data_set_value (controls, s, tarmac_chart_data_add_label (controls, _("Negative")),
                                   tarmac_stat_row_get_count2 (hits));
    }
  return controls;
}

static void
targeting_section (TarmacSeizureStats *self,
                   TarmacPdfDocument  *doc)
{
  const char *header[] = { _("Selection reason"), _("Seizures"), _("Targeting"), NULL };
  const double widths[] = { 0.6, 0.2, 0.2 };
  g_autoptr(TarmacChartData) reasons = chart_of (self, "selection", _("Seizures by selection reason"),
                                                 _("Seizures"), 9, row_seizures);
  g_autoptr(TarmacChartData) controls = controls_chart (self);
  g_autoptr(GPtrArray) rows = new_rows ();
  GListModel *model = tarmac_seizure_stats_get_table (self, "selection");
  tarmac_pdf_document_charts (doc, 150, TARMAC_CHART_DONUT, reasons, TARMAC_CHART_DONUT, controls);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(TarmacStatRow) row = g_list_model_get_item (model, i);
      gboolean hidden = tarmac_stat_row_get_suppressed (row);

      add_row (rows, g_strdup (tarmac_stat_row_get_label (row)),
               hidden ? g_strdup (SUPPRESSED) : format_count (tarmac_stat_row_get_seizures (row)),
               g_strdup (hidden ? "" : tarmac_stat_row_get_count (row) > 0 ? _("yes") : _("no")),
               NULL);
    }
  tarmac_pdf_document_table (doc, 3, widths, header, rows);
}

/**
 * tarmac_seizure_stats_to_pdf:
 * @airport: (nullable): the airport named in the title
 *
 * Lays the report out right to left when the labels' language is written so (Arabic).
 * Titles and headings are in the UI language (gettext).
 *
 * Returns: (transfer full) (nullable): the PDF, A4
 */
GBytes *
tarmac_seizure_stats_to_pdf (TarmacSeizureStats  *self,
                             const char          *airport,
                             GError             **error)
{
  g_autoptr(TarmacPdfDocument) doc = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%d %H:%M UTC");
  g_autofree char *footer = NULL;
  g_autofree char *period = NULL;
  g_autoptr(TarmacChartData) commodities = NULL;
  g_autoptr(TarmacChartData) routes = NULL;
  g_autoptr(TarmacChartData) concealment = NULL;
  gboolean rtl;

  g_return_val_if_fail (TARMAC_IS_SEIZURE_STATS (self), NULL);

  rtl = tarmac_chart_direction_is_rtl (tarmac_seizure_stats_get_language (self));
  /* Translators: the footer of every report page; %s is the date and time */
  footer = g_strdup_printf (_("Tarmac · generated %s · non-nominal"), stamp);
  doc = tarmac_pdf_document_new (_("Seizure results report"), rtl, footer);

  tarmac_pdf_document_text (doc, _("Seizure results report"), 20, TRUE);
  /* Translators: airport code, then the first and last day of the period */
  period = g_strdup_printf (_("Airport %s · from %s to %s"),
                            tarmac_seizure_stats_get_airport (self) != NULL
                            ? tarmac_seizure_stats_get_airport (self)
                            : airport != NULL && *airport != '\0' ? airport : "—",
                            tarmac_seizure_stats_get_from (self), tarmac_seizure_stats_get_to (self));
  tarmac_pdf_document_text (doc, period, 11, FALSE);
  if (tarmac_seizure_stats_get_category (self) != NULL || tarmac_seizure_stats_get_agency (self) != NULL)
    {
      const char *category = tarmac_seizure_stats_get_category (self);
      const char *agency = tarmac_seizure_stats_get_agency (self);
      g_autofree char *only = NULL;

      /* Translators: the filters of a results report: a commodity category and an
       * agency; "all" stands for either when it is not filtered on */
      only = g_strdup_printf (_("Only seizures of category: %s · with agency: %s"),
                              category != NULL
                              ? tarmac_seizure_codes_get_label (tarmac_seizure_codes_get_default (),
                                                                "category", category,
                                                                tarmac_seizure_stats_get_language (self))
                              : C_("filter", "all"),
                              agency != NULL ? agency : C_("filter", "all"));
      tarmac_pdf_document_text (doc, only, 0, TRUE);
    }
  if (tarmac_seizure_stats_get_shared (self))
    tarmac_pdf_document_text (doc, _("Shared edition: figures below 3 are hidden and shown as “<3”."),
                              0, TRUE);
  tarmac_pdf_document_text (doc, _("Counted: the last validated version of each record dated in "
                                   "the period; a seizure counts once however many agencies took "
                                   "part. No names, dates of birth or document numbers."), 8, FALSE);
  tarmac_pdf_document_space (doc, 6);

  tarmac_pdf_document_heading (doc, _("Period results"));
  headline_table (self, doc);

  tarmac_pdf_document_heading (doc, _("Commodities"));
  commodities = commodities_chart (self);
  tarmac_pdf_document_charts (doc, top_n_height (commodities), TARMAC_CHART_TOP_N, commodities,
                              0, NULL);
  commodities_table (self, doc);

  tarmac_pdf_document_heading (doc, _("Monthly trend against last year"));
  trend_charts (self, doc);

  tarmac_pdf_document_heading (doc, _("Routes"));
  routes = chart_of (self, "routes", _("Top routes (seizures)"), _("Seizures"), 10, row_seizures);
  tarmac_pdf_document_charts (doc, top_n_height (routes), TARMAC_CHART_TOP_N, routes, 0, NULL);
  simple_table (self, doc, "routes", _("Route (from → to)"), FALSE);

  tarmac_pdf_document_heading (doc, _("Concealment"));
  concealment = chart_of (self, "concealment", _("Seizures by concealment"), _("Seizures"), 9,
                          row_seizures);
  tarmac_pdf_document_charts (doc, 150, TARMAC_CHART_DONUT, concealment, 0, NULL);
  simple_table (self, doc, "concealment", _("Concealment"), TRUE);

  tarmac_pdf_document_heading (doc, _("Agencies"));
  agencies_section (self, doc);

  tarmac_pdf_document_heading (doc, _("Targeting effectiveness"));
  targeting_section (self, doc);

  return tarmac_pdf_document_finish (doc, error);
}

/**
 * tarmac_seizure_stats_get_chart:
 * @name: "commodities", "trend", "drugs_trend", "routes", "concealment", "selection",
 *   "controls" or "agencies"
 * @kind: (out): how the report draws it
 *
 * The data of one of the report's charts, so that a statistics page draws the same
 * pictures as the PDF. Hidden (shared) rows are left out.
 *
 * Returns: (transfer full) (nullable): the chart's data; %NULL for an unknown name
 */
TarmacChartData *
tarmac_seizure_stats_get_chart (TarmacSeizureStats *self,
                                const char         *name,
                                TarmacChartKind    *kind)
{
  g_return_val_if_fail (TARMAC_IS_SEIZURE_STATS (self), NULL);
  g_return_val_if_fail (kind != NULL, NULL);

  if (g_strcmp0 (name, "commodities") == 0)
    return *kind = TARMAC_CHART_TOP_N, commodities_chart (self);
  if (g_strcmp0 (name, "trend") == 0)
    return trend_chart (self, FALSE, kind);
  if (g_strcmp0 (name, "drugs_trend") == 0)
    return trend_chart (self, TRUE, kind);
  if (g_strcmp0 (name, "routes") == 0)
    return *kind = TARMAC_CHART_TOP_N,
           chart_of (self, "routes", _("Top routes (seizures)"), _("Seizures"), 10, row_seizures);
  if (g_strcmp0 (name, "concealment") == 0)
    return *kind = TARMAC_CHART_DONUT,
           chart_of (self, "concealment", _("Seizures by concealment"), _("Seizures"), 9,
                     row_seizures);
  if (g_strcmp0 (name, "selection") == 0)
    return *kind = TARMAC_CHART_DONUT,
           chart_of (self, "selection", _("Seizures by selection reason"), _("Seizures"), 9,
                     row_seizures);
  if (g_strcmp0 (name, "controls") == 0)
    return *kind = TARMAC_CHART_DONUT, controls_chart (self);
  if (g_strcmp0 (name, "agencies") == 0)
    return *kind = TARMAC_CHART_STACKED_BAR, agencies_chart (self);
  return NULL;
}
