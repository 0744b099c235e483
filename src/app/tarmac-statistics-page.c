/* tarmac-statistics-page.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-statistics-page"

#include "config.h"

#include <glib/gi18n.h>

#include "tarmac-chart-view.h"
#include "tarmac-event-codes.h"
#include "tarmac-event-window.h"
#include "tarmac-format.h"
#include "tarmac-seizure-code.h"
#include "tarmac-seizure-codes.h"
#include "tarmac-seizure-store.h"
#include "tarmac-stat-card.h"
#include "tarmac-statistics-page.h"
#include "tarmac-store.h"

/* The period results a coordinator reports (research/seizures.md §9): the AIRCOP-style
 * sheet as cards, the report's charts drawn by the same code as the PDF, the commodities
 * and agencies, and the referrals and activities of the period with forms to record
 * them. Filtered by period, airport, category and agency; every figure comes from
 * tarmac_seizure_stats_compute_filtered(), never from SQL here. The page shows the full
 * figures (it stays inside the task force); an export asks whether it leaves it, and then
 * hides counts below 3.
 *
 * The figures are computed in a worker thread on a connection of its own (a year of a
 * multi-airport database takes a good part of a second), while the page keeps the old
 * ones dimmed; a filter changed meanwhile starts another computation and the answer of
 * the older one is dropped. */
struct _TarmacStatisticsPage
{
  TarmacPage           parent_instance;

  /* Template widgets */
  AdwToastOverlay     *toast_overlay;
  GtkDropDown         *period_dropdown;
  GtkFlowBoxChild     *custom_child;
  GtkEntry            *from_entry;
  GtkEntry            *to_entry;
  GtkDropDown         *airport_dropdown;
  GtkDropDown         *category_dropdown;
  GtkDropDown         *agency_dropdown;
  AdwPreferencesGroup *sheet_group;
  GtkSpinner          *spinner;
  GtkFlowBox          *sheet_box;
  GtkListBox          *sheet_list;
  AdwStatusPage       *empty_status;
  GtkWidget           *charts_box;
  TarmacChartView     *commodities_chart;
  GtkListBox          *commodities_list;
  TarmacChartView     *trend_chart;
  TarmacChartView     *drugs_trend_chart;
  TarmacChartView     *routes_chart;
  TarmacChartView     *concealment_chart;
  AdwPreferencesGroup *targeting_group;
  TarmacChartView     *selection_chart;
  TarmacChartView     *controls_chart;
  AdwPreferencesGroup *agencies_group;
  TarmacChartView     *agencies_chart;
  GtkListBox          *agencies_list;
  AdwPreferencesGroup *events_group;
  GtkListBox          *events_list;

  /* Owned references */
  TarmacSeizureStats  *stats;
  GListModel          *events;
  GPtrArray           *airports;     /* filter codes, [0] NULL for all */
  GPtrArray           *categories;
  GPtrArray           *agencies;
  GHashTable          *figures;      /* headline key → the figure's GtkLabel (borrowed) */
  char                *from;
  char                *to;

  /* The computation in progress: its generation (answers of older ones are dropped) and
   * what cancels it before it starts. */
  guint                generation;
  GCancellable        *cancellable;

  /* Set while the page changes its own dropdowns: no reload per change. */
  guint                updating : 1;
};

G_DEFINE_FINAL_TYPE (TarmacStatisticsPage, tarmac_statistics_page, TARMAC_TYPE_PAGE)

static const char *
filter_code (GPtrArray   *codes,
             GtkDropDown *dropdown)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  return codes != NULL && selected < codes->len ? g_ptr_array_index (codes, selected) : NULL;
}

/* Fills @dropdown with "all" and @codes (labels from @labels when given), keeping the
 * code that was selected. */
static void
fill_filter (TarmacStatisticsPage  *self,
             GtkDropDown           *dropdown,
             GPtrArray            **codes,
             const char            *all,
             const char * const    *new_codes,
             const char * const    *labels)
{
  g_autofree char *selected = g_strdup (filter_code (*codes, dropdown));
  g_autoptr(GtkStringList) strings = gtk_string_list_new (NULL);
  guint position = 0;

  g_clear_pointer (codes, g_ptr_array_unref);
  *codes = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (*codes, NULL);
  gtk_string_list_append (strings, all);
  for (guint i = 0; new_codes != NULL && new_codes[i] != NULL; i++)
    {
      g_ptr_array_add (*codes, g_strdup (new_codes[i]));
      gtk_string_list_append (strings, labels != NULL ? labels[i] : new_codes[i]);
      if (g_strcmp0 (selected, new_codes[i]) == 0)
        position = i + 1;
    }

  self->updating = TRUE;
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (strings));
  gtk_drop_down_set_selected (dropdown, position);
  self->updating = FALSE;
}

static void
update_filters (TarmacStatisticsPage *self)
{
  TarmacStore *store = tarmac_page_get_store (TARMAC_PAGE (self));
  TarmacSeizureCodes *codes = tarmac_seizure_codes_get_default ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) airports = NULL;
  g_auto(GStrv) agencies = NULL;

  airports = tarmac_seizure_stats_list_airports (store, &error);
  if (airports == NULL)
    g_warning ("Could not list the airports of the records: %s", error->message);
  g_clear_error (&error);
  agencies = tarmac_seizure_stats_list_agencies (store, &error);
  if (agencies == NULL)
    g_warning ("Could not list the agencies of the records: %s", error->message);

  fill_filter (self, self->airport_dropdown, &self->airports, _("All airports"),
               (const char * const *) airports, NULL);
  fill_filter (self, self->agency_dropdown, &self->agencies, _("All agencies"),
               (const char * const *) agencies, NULL);

  /* The categories come with the program: once. */
  if (self->categories == NULL)
    {
      g_autoptr(GListModel) list = tarmac_seizure_codes_list (codes, "category", NULL, NULL);
      g_autoptr(GStrvBuilder) code_builder = g_strv_builder_new ();
      g_autoptr(GStrvBuilder) label_builder = g_strv_builder_new ();
      g_auto(GStrv) category_codes = NULL;
      g_auto(GStrv) labels = NULL;

      for (guint i = 0; i < g_list_model_get_n_items (list); i++)
        {
          g_autoptr(TarmacSeizureCode) code = g_list_model_get_item (list, i);

          g_strv_builder_add (code_builder, tarmac_seizure_code_get_code (code));
          g_strv_builder_add (label_builder, tarmac_seizure_code_get_label (code));
        }
      category_codes = g_strv_builder_end (code_builder);
      labels = g_strv_builder_end (label_builder);
      fill_filter (self, self->category_dropdown, &self->categories, _("All categories"),
                   (const char * const *) category_codes, (const char * const *) labels);
    }
}

static char *
format_kg (double kg)
{
  /* Translators: a weight in kilograms on the Statistics page */
  return g_strdup_printf (_("%'.1f kg"), kg);
}

static char *
format_usd (gint64 minor)
{
  /* Translators: an amount in US dollars on the Statistics page */
  return g_strdup_printf (_("%'.0f USD"), minor / 100.0);
}

static double
percent (gint64 part,
         gint64 whole)
{
  return whole > 0 ? 100.0 * part / whole : 0;
}

/* One of the main figures, as a card. */
static void
add_card (TarmacStatisticsPage *self,
          const char           *key,
          gint64                value,
          const char           *title,
          const char           *detail)
{
  TarmacStatCard *card = g_object_new (TARMAC_TYPE_STAT_CARD, NULL);
  GtkWidget *frame = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *child = gtk_flow_box_child_new ();

  tarmac_stat_card_set_value (card, (guint) CLAMP (value, 0, G_MAXUINT));
  tarmac_stat_card_set_title (card, title);
  tarmac_stat_card_set_detail (card, detail);
  gtk_widget_add_css_class (frame, "card");
  gtk_widget_add_css_class (frame, "stat");
  gtk_box_append (GTK_BOX (frame), GTK_WIDGET (card));
  gtk_flow_box_child_set_child (GTK_FLOW_BOX_CHILD (child), frame);
  gtk_widget_set_focusable (child, FALSE);
  gtk_flow_box_append (self->sheet_box, child);
  g_hash_table_insert (self->figures, (gpointer) key, card);
}

static GtkWidget *
figure_row (const char  *title,
            const char  *subtitle,
            const char  *figure,
            GtkWidget  **figure_label)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label = gtk_label_new (figure);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_add_css_class (label, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  if (figure_label != NULL)
    *figure_label = label;
  return row;
}

/* One of the other figures, as a row: the title has room for a long label. */
static void
add_figure (TarmacStatisticsPage *self,
            const char           *key,
            gint64                value,
            const char           *title,
            const char           *detail)
{
  g_autofree char *text = g_strdup_printf ("%lld", (long long) value);
  GtkWidget *label;

  gtk_list_box_append (self->sheet_list, figure_row (title, detail, text, &label));
  gtk_widget_add_css_class (label, "title-3");
  g_hash_table_insert (self->figures, (gpointer) key, label);
}

#define HEADLINE(key) tarmac_seizure_stats_get_headline (self->stats, key)

/* The results sheet: the seizures by kind of goods as cards, then the other figures the
 * filters keep. */
static void
update_sheet (TarmacStatisticsPage *self)
{
  TarmacStatRow *row;
  GtkWidget *child;
  gint64 total;

  g_hash_table_remove_all (self->figures);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sheet_box))) != NULL)
    gtk_flow_box_remove (self->sheet_box, child);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sheet_list))) != NULL)
    gtk_list_box_remove (self->sheet_list, child);

  total = tarmac_stat_row_get_seizures (HEADLINE ("seizures"));
  {
    gint64 pending = tarmac_stat_row_get_count (HEADLINE ("pending"));
    g_autofree char *detail = pending > 0
      ? g_strdup_printf (ngettext ("%lld more awaiting validation", "%lld more awaiting validation",
                                   pending), (long long) pending)
      : g_strdup (_("Validated records"));

    add_card (self, "seizures", total, ngettext ("Seizure", "Seizures", total), detail);
  }
  if ((row = HEADLINE ("drugs")) != NULL)
    {
      g_autofree char *detail = format_kg (tarmac_stat_row_get_kg (row));

      add_card (self, "drugs", tarmac_stat_row_get_seizures (row), _("Drugs"), detail);
    }
  if ((row = HEADLINE ("cash")) != NULL)
    {
      g_autofree char *usd = format_usd (tarmac_stat_row_get_usd_minor (row));

      add_card (self, "cash", tarmac_stat_row_get_seizures (row), _("Cash"), usd);
    }
  if ((row = HEADLINE ("wildlife")) != NULL)
    {
      g_autofree char *kg = format_kg (tarmac_stat_row_get_kg (row));
      gint64 pieces = tarmac_stat_row_get_count (row);
      /* Translators: wildlife seized: a weight ("3.0 kg"), then a number of specimens or pieces */
      g_autofree char *detail = pieces > 0 ? g_strdup_printf (_("%s and %lld specimens or pieces"),
                                                              kg, (long long) pieces)
                                           : g_strdup (kg);

      add_card (self, "wildlife", tarmac_stat_row_get_seizures (row), _("Wildlife"), detail);
    }
  if ((row = HEADLINE ("counterfeit")) != NULL)
    {
      gint64 units = tarmac_stat_row_get_count (row);
      g_autofree char *detail = g_strdup_printf (ngettext ("%lld unit", "%lld units", units),
                                                 (long long) units);

      add_card (self, "counterfeit", tarmac_stat_row_get_seizures (row), _("Counterfeits"), detail);
    }

  if ((row = HEADLINE ("arrests")) != NULL)
    add_figure (self, "arrests", tarmac_stat_row_get_count (row), _("Persons arrested"), NULL);
  if ((row = HEADLINE ("ht_victims")) != NULL)
    {
      gint64 referrals = tarmac_stat_row_get_count2 (row);
      g_autofree char *detail = g_strdup_printf (ngettext ("In %lld referral", "In %lld referrals",
                                                           referrals), (long long) referrals);

      add_figure (self, "ht_victims", tarmac_stat_row_get_count (row),
                  _("Possible trafficking victims referred"), detail);
    }
  if ((row = HEADLINE ("ftf")) != NULL)
    {
      gint64 referrals = tarmac_stat_row_get_count2 (row);
      g_autofree char *detail = g_strdup_printf (ngettext ("In %lld referral", "In %lld referrals",
                                                           referrals), (long long) referrals);

      add_figure (self, "ftf", tarmac_stat_row_get_count (row),
                  _("Potential foreign terrorist fighters referred"), detail);
    }
  if ((row = HEADLINE ("trainings")) != NULL)
    {
      /* Translators: people trained, by sex */
      g_autofree char *detail = g_strdup_printf (_("%lld women and %lld men trained"),
                                                 (long long) tarmac_stat_row_get_count (row),
                                                 (long long) tarmac_stat_row_get_count2 (row));

      add_figure (self, "trainings", (gint64) tarmac_stat_row_get_kg (row), _("Trainings"), detail);
    }
  if ((row = HEADLINE ("joint_operations")) != NULL)
    add_figure (self, "joint_operations", tarmac_stat_row_get_count (row), _("Joint operations"),
                NULL);
  if ((row = HEADLINE ("hit_rate")) != NULL)
    {
      gint64 positive = tarmac_stat_row_get_count (row);
      gint64 controls = positive + tarmac_stat_row_get_count2 (row);
      /* Translators: the hit rate in percent, then the number of controls it is out of */
      g_autofree char *detail = g_strdup_printf (ngettext ("Hit rate %.0f%% of %lld control",
                                                           "Hit rate %.0f%% of %lld controls",
                                                           controls),
                                                 percent (positive, controls), (long long) controls);

      add_figure (self, "hit_rate", positive, _("Positive controls of flagged targets"), detail);
    }
  if ((row = HEADLINE ("targeted")) != NULL)
    {
      /* Translators: a share of all seizures, in percent */
      g_autofree char *detail = g_strdup_printf (_("%.0f%% of seizures"),
                                                 percent (tarmac_stat_row_get_seizures (row), total));

      add_figure (self, "targeted", tarmac_stat_row_get_seizures (row),
                  _("Seizures from targeting, intelligence or alerts"), detail);
    }
  if ((row = HEADLINE ("multi_agency")) != NULL)
    {
      g_autofree char *detail = g_strdup_printf (_("%.0f%% of seizures"),
                                                 percent (tarmac_stat_row_get_seizures (row), total));

      add_figure (self, "multi_agency", tarmac_stat_row_get_seizures (row),
                  _("Seizures made jointly by several agencies"), detail);
    }
}

static void
set_chart (TarmacStatisticsPage *self,
           TarmacChartView      *view,
           const char           *name)
{
  TarmacChartKind kind = TARMAC_CHART_BAR;
  g_autoptr(TarmacChartData) data = tarmac_seizure_stats_get_chart (self->stats, name, &kind);

  tarmac_chart_view_set_data (view, kind, data);
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
update_tables (TarmacStatisticsPage *self)
{
  GListModel *commodities = tarmac_seizure_stats_get_table (self->stats, "commodities");
  GListModel *agencies = tarmac_seizure_stats_get_table (self->stats, "agencies");

  clear_list (self->commodities_list);
  for (guint i = 0; i < g_list_model_get_n_items (commodities); i++)
    {
      g_autoptr(TarmacStatRow) row = g_list_model_get_item (commodities, i);
      gint64 seizures = tarmac_stat_row_get_seizures (row);
      g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *subtitle = g_strdup_printf (ngettext ("%lld seizure", "%lld seizures",
                                                             seizures), (long long) seizures);
      g_autofree char *figure = NULL;

      if (tarmac_stat_row_get_kg (row) > 0)
        g_ptr_array_add (parts, format_kg (tarmac_stat_row_get_kg (row)));
      if (tarmac_stat_row_get_count (row) > 0)
        g_ptr_array_add (parts, g_strdup_printf (ngettext ("%lld unit", "%lld units",
                                                           tarmac_stat_row_get_count (row)),
                                                 (long long) tarmac_stat_row_get_count (row)));
      if (tarmac_stat_row_get_usd_minor (row) > 0)
        g_ptr_array_add (parts, format_usd (tarmac_stat_row_get_usd_minor (row)));
      g_ptr_array_add (parts, NULL);
      figure = g_strjoinv (" · ", (char **) parts->pdata);
      gtk_list_box_append (self->commodities_list,
                           figure_row (tarmac_stat_row_get_label (row), subtitle, figure, NULL));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->commodities_list),
                          g_list_model_get_n_items (commodities) > 0);

  clear_list (self->agencies_list);
  for (guint i = 0; i < g_list_model_get_n_items (agencies); i++)
    {
      g_autoptr(TarmacStatRow) row = g_list_model_get_item (agencies, i);
      gint64 seizures = tarmac_stat_row_get_seizures (row);
      /* Translators: an agency's seizures: as lead agency, in another role */
      g_autofree char *subtitle = g_strdup_printf (_("Led %lld · took part in %lld"),
                                                   (long long) tarmac_stat_row_get_count (row),
                                                   (long long) tarmac_stat_row_get_count2 (row));
      g_autofree char *figure = g_strdup_printf (ngettext ("%lld seizure", "%lld seizures",
                                                           seizures), (long long) seizures);

      gtk_list_box_append (self->agencies_list,
                           figure_row (tarmac_stat_row_get_label (row), subtitle, figure, NULL));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->agencies_group),
                          g_list_model_get_n_items (agencies) > 0);
}

static GtkWidget *
event_row (TarmacSeizureEvent *event)
{
  const char *record = tarmac_seizure_event_get_record (event);
  gint64 persons = tarmac_seizure_event_get_persons (event);
  const char *airport = tarmac_seizure_event_get_airport (event);
  const char *referred_to = tarmac_seizure_event_get_referred_to (event);
  const char *outcome = tarmac_seizure_event_get_outcome (event);
  g_autofree char *day = tarmac_format_date (tarmac_seizure_event_get_day (event));
  g_autofree char *title = NULL;
  g_autofree char *figure = NULL;
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  g_autofree char *subtitle = NULL;
  GtkWidget *row;

  g_ptr_array_add (parts, day != NULL ? day : (char *) tarmac_seizure_event_get_day (event));
  if (airport != NULL)
    g_ptr_array_add (parts, (char *) airport);

  if (g_strcmp0 (record, "activity") == 0)
    {
      title = g_strdup_printf ("%s: %s",
                               tarmac_event_codes_label ("activity_kind",
                                                         tarmac_seizure_event_get_kind (event)),
                               tarmac_seizure_event_get_title (event));
      figure = g_strdup_printf (ngettext ("%lld participant", "%lld participants", persons),
                                (long long) persons);
      if (outcome != NULL)   /* an operation's name */
        g_ptr_array_add (parts, (char *) outcome);
    }
  else
    {
      const char *kind = tarmac_seizure_event_get_kind (event);

      if (g_strcmp0 (record, "ht_referral") == 0 && kind != NULL)
        /* Translators: a trafficking referral and the suspected exploitation */
        title = g_strdup_printf (_("Trafficking referral: %s"),
                                 tarmac_event_codes_label ("exploitation", kind));
      else if (g_strcmp0 (record, "ht_referral") == 0)
        title = g_strdup (_("Trafficking referral"));
      else
        title = g_strdup_printf (_("Security referral: %s"),
                                 tarmac_event_codes_label ("trigger", kind));
      figure = g_strdup_printf (ngettext ("%lld person", "%lld persons", persons),
                                (long long) persons);
      if (referred_to != NULL)
        g_ptr_array_add (parts, (char *) referred_to);
      if (outcome != NULL)
        g_ptr_array_add (parts, (char *) tarmac_event_codes_label ("security_outcome", outcome));
    }
  g_ptr_array_add (parts, NULL);
  subtitle = g_strjoinv (" · ", (char **) parts->pdata);

  row = figure_row (title, subtitle, figure, NULL);
  return row;
}

static void
update_events (TarmacStatisticsPage *self)
{
  guint n = self->events != NULL ? g_list_model_get_n_items (self->events) : 0;

  clear_list (self->events_list);
  for (guint i = 0; i < n && i < 200; i++)
    {
      g_autoptr(TarmacSeizureEvent) event = g_list_model_get_item (self->events, i);

      gtk_list_box_append (self->events_list, event_row (event));
    }
  if (n == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     _("No referral or activity recorded in this period"));
      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (self->events_list, row);
    }
}

static void
update_subtitle (TarmacStatisticsPage *self)
{
  g_autofree char *from = tarmac_format_date (tarmac_seizure_stats_get_from (self->stats));
  g_autofree char *to = tarmac_format_date (tarmac_seizure_stats_get_to (self->stats));
  /* Translators: the Statistics page's subtitle: the first and last day of the period */
  g_autofree char *subtitle = g_strdup_printf (_("%s – %s"), from, to);

  tarmac_page_set_subtitle (TARMAC_PAGE (self), subtitle);
}

/* The period the Period filter says, or FALSE (and the entry marked) for a custom
 * range that is not one. */
static gboolean
read_period (TarmacStatisticsPage *self)
{
  TarmacStatisticsPeriod period = gtk_drop_down_get_selected (self->period_dropdown);
  g_autofree char *today = tarmac_format_today ();
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->custom_child), period == TARMAC_STATISTICS_PERIOD_CUSTOM);
  if (period == TARMAC_STATISTICS_PERIOD_CUSTOM)
    {
      g_autoptr(GDateTime) first = NULL;
      g_autoptr(GDateTime) last = NULL;

      from = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->from_entry))));
      to = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->to_entry))));
      first = tarmac_format_parse_day (from);
      last = tarmac_format_parse_day (to);
      if (first == NULL)
        gtk_widget_add_css_class (GTK_WIDGET (self->from_entry), "error");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (self->from_entry), "error");
      if (last == NULL || (first != NULL && g_date_time_compare (first, last) > 0))
        gtk_widget_add_css_class (GTK_WIDGET (self->to_entry), "error");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (self->to_entry), "error");
      if (first == NULL || last == NULL || g_date_time_compare (first, last) > 0)
        return FALSE;
    }
  else if (!tarmac_statistics_period_range (period, today, &from, &to))
    return FALSE;

  g_free (self->from);
  self->from = g_steal_pointer (&from);
  g_free (self->to);
  self->to = g_steal_pointer (&to);
  return TRUE;
}

static void
show_error (TarmacStatisticsPage *self,
            const GError         *error)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
}

/* Shows @stats and @events, the answer of the latest computation. */
static void
show_results (TarmacStatisticsPage *self,
              TarmacSeizureStats   *stats,
              GListModel           *events)
{
  gboolean empty;

  g_set_object (&self->stats, stats);
  g_set_object (&self->events, events);

  update_subtitle (self);
  update_sheet (self);
  update_tables (self);
  update_events (self);
  set_chart (self, self->commodities_chart, "commodities");
  set_chart (self, self->trend_chart, "trend");
  set_chart (self, self->drugs_trend_chart, "drugs_trend");
  set_chart (self, self->routes_chart, "routes");
  set_chart (self, self->concealment_chart, "concealment");
  set_chart (self, self->selection_chart, "selection");
  set_chart (self, self->controls_chart, "controls");
  set_chart (self, self->agencies_chart, "agencies");
  gtk_widget_set_visible (GTK_WIDGET (self->controls_chart), HEADLINE ("hit_rate") != NULL);

  /* Nothing counted: say so instead of empty charts; the referrals stay below. */
  empty = tarmac_stat_row_get_seizures (HEADLINE ("seizures")) == 0;
  gtk_widget_set_visible (self->charts_box, !empty);
  gtk_widget_set_visible (GTK_WIDGET (self->empty_status),
                          empty && g_list_model_get_n_items (self->events) == 0);
  tarmac_page_set_empty (TARMAC_PAGE (self), empty && g_list_model_get_n_items (self->events) == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->events_group),
                          tarmac_seizure_stats_get_category (stats) == NULL &&
                          tarmac_seizure_stats_get_agency (stats) == NULL);
}

/* While a computation runs, the figures shown are those of other filters: dimmed, with
 * a spinner by the title. */
static void
set_computing (TarmacStatisticsPage *self,
               gboolean              computing)
{
  GtkWidget *shown[] = { GTK_WIDGET (self->sheet_box), GTK_WIDGET (self->sheet_list),
                         self->charts_box, GTK_WIDGET (self->events_group) };

  for (guint i = 0; i < G_N_ELEMENTS (shown); i++)
    {
      if (computing)
        gtk_widget_add_css_class (shown[i], "dim-label");
      else
        gtk_widget_remove_css_class (shown[i], "dim-label");
    }
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), computing);
  gtk_spinner_set_spinning (self->spinner, computing);
}

/* What a computation needs, copied from the page: the worker never sees a widget. */
typedef struct
{
  char     *db_path;
  char     *actor;
  char     *from;
  char     *to;
  char     *airport;
  char     *category;
  char     *agency;
  char     *language;
  guint     generation;
  GWeakRef  page;
} ComputeData;

static void
compute_data_free (gpointer user_data)
{
  ComputeData *data = user_data;

  g_free (data->db_path);
  g_free (data->actor);
  g_free (data->from);
  g_free (data->to);
  g_free (data->airport);
  g_free (data->category);
  g_free (data->agency);
  g_free (data->language);
  g_weak_ref_clear (&data->page);
  g_free (data);
}

/* The answer of a computation: the figures and the period's referrals and activities. */
typedef struct
{
  TarmacSeizureStats *stats;
  GListModel         *events;
} ComputeResult;

static void
compute_result_free (gpointer user_data)
{
  ComputeResult *result = user_data;

  g_clear_object (&result->stats);
  g_clear_object (&result->events);
  g_free (result);
}

static ComputeResult *
compute (TarmacStore        *store,
         const ComputeData  *data,
         GError            **error)
{
  TarmacSeizureStatsFilter filter = { data->airport, data->category, data->agency };
  g_autoptr(TarmacSeizureStats) stats = NULL;
  g_autoptr(GListModel) events = NULL;
  ComputeResult *result;

  stats = tarmac_seizure_stats_compute_filtered (store, data->from, data->to, &filter, FALSE,
                                                 data->language, error);
  if (stats == NULL)
    return NULL;
  events = tarmac_seizure_store_list_events (store, data->from, data->to, data->airport, error);
  if (events == NULL)
    return NULL;

  result = g_new0 (ComputeResult, 1);
  result->stats = g_steal_pointer (&stats);
  result->events = g_steal_pointer (&events);
  return result;
}

static void
compute_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  ComputeData *data = task_data;
  g_autoptr(TarmacStore) store = NULL;
  GError *error = NULL;
  ComputeResult *result;

  /* Filters changed again before this one started: nothing to compute. */
  if (g_task_return_error_if_cancelled (task))
    return;

  store = tarmac_store_open (data->db_path, &error);
  if (store == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (data->actor != NULL)
    tarmac_store_set_actor (store, data->actor);

  result = compute (store, data, &error);
  if (result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, compute_result_free);
}

/* The figures computed, or why not, in place of the dimmed ones. */
static void
show_computed (TarmacStatisticsPage *self,
               ComputeResult        *computed,
               const GError         *error)
{
  set_computing (self, FALSE);
  if (computed == NULL)
    show_error (self, error);
  else
    show_results (self, computed->stats, computed->events);
}

static void
on_computed_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  ComputeData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(TarmacStatisticsPage) self = g_weak_ref_get (&data->page);
  g_autoptr(GError) error = NULL;
  ComputeResult *computed = g_task_propagate_pointer (G_TASK (result), &error);

  /* The page is gone, or its filters changed since: another answer is on its way. */
  if (self == NULL || data->generation != self->generation)
    {
      g_clear_pointer (&computed, compute_result_free);
      return;
    }

  g_clear_object (&self->cancellable);
  show_computed (self, computed, error);
  g_clear_pointer (&computed, compute_result_free);
}

static void
tarmac_statistics_page_reload (TarmacPage *page)
{
  TarmacStatisticsPage *self = TARMAC_STATISTICS_PAGE (page);
  TarmacStore *store = tarmac_page_get_store (page);
  const char *db_path;
  g_autoptr(GTask) task = NULL;
  ComputeData *data;

  if (store == NULL || self->updating)
    return;

  update_filters (self);
  if (!read_period (self))
    return;

  /* Whatever still runs answers for filters no longer chosen. */
  self->generation++;
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  data = g_new0 (ComputeData, 1);
  data->from = g_strdup (self->from);
  data->to = g_strdup (self->to);
  data->airport = g_strdup (filter_code (self->airports, self->airport_dropdown));
  data->category = g_strdup (filter_code (self->categories, self->category_dropdown));
  data->agency = g_strdup (filter_code (self->agencies, self->agency_dropdown));
  data->language = g_strdup (tarmac_seizure_codes_get_language ());
  data->generation = self->generation;
  g_weak_ref_init (&data->page, self);

  /* An in-memory database (tests, the demo) has only this connection: compute on it,
   * here. */
  db_path = tarmac_store_get_path (store);
  if (db_path == NULL || g_str_equal (db_path, ":memory:"))
    {
      g_autoptr(GError) error = NULL;
      ComputeResult *computed = compute (store, data, &error);

      show_computed (self, computed, error);
      g_clear_pointer (&computed, compute_result_free);
      compute_data_free (data);
      return;
    }

  data->db_path = g_strdup (db_path);
  data->actor = g_strdup (tarmac_store_get_actor (store));
  self->cancellable = g_cancellable_new ();
  set_computing (self, TRUE);

  /* No source object and only a weak reference to the page: the task may be finalized in
   * the worker thread, where a widget must never be disposed. */
  task = g_task_new (NULL, self->cancellable, on_computed_cb, NULL);
  g_task_set_source_tag (task, tarmac_statistics_page_reload);
  g_task_set_task_data (task, data, compute_data_free);
  g_task_run_in_thread (task, compute_thread);
}

static void
on_period_changed_cb (TarmacStatisticsPage *self)
{
  if (gtk_drop_down_get_selected (self->period_dropdown) == TARMAC_STATISTICS_PERIOD_CUSTOM)
    {
      /* Start the custom range from the period shown, for the officer to change. */
      if (self->from != NULL && *gtk_editable_get_text (GTK_EDITABLE (self->from_entry)) == '\0')
        {
          gtk_editable_set_text (GTK_EDITABLE (self->from_entry), self->from);
          gtk_editable_set_text (GTK_EDITABLE (self->to_entry), self->to);
        }
      gtk_widget_set_visible (GTK_WIDGET (self->custom_child), TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (self->from_entry));
    }
  if (!self->updating)
    tarmac_page_reload (TARMAC_PAGE (self));
}

static void
on_custom_period_cb (TarmacStatisticsPage *self)
{
  tarmac_page_reload (TARMAC_PAGE (self));
}

static void
on_filter_changed_cb (TarmacStatisticsPage *self)
{
  if (!self->updating)
    tarmac_page_reload (TARMAC_PAGE (self));
}

/* Export */

static void
on_export_response_cb (GtkNativeDialog *native,
                       int              response,
                       gpointer         user_data)
{
  g_autoptr(TarmacStatisticsPage) self = user_data;
  const char *table = g_object_get_data (G_OBJECT (native), "tarmac-table");

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autofree char *path = g_file_get_path (file);
      const char *shared = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (native), "shared");
      g_autoptr(GError) error = NULL;

      if (path == NULL)
        g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                     _("Choose a file on this computer"));
      if (error == NULL &&
          tarmac_statistics_page_export (self, table, path, g_strcmp0 (shared, "false") != 0,
                                         &error))
        {
          g_autofree char *name = g_file_get_basename (file);
          /* Translators: %s is a file name */
          g_autofree char *message = g_strdup_printf (_("Saved “%s”"), name);

          adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
        }
      else
        show_error (self, error);
    }

  gtk_native_dialog_destroy (native);
  g_object_unref (native);
}

static void
open_export_dialog (TarmacStatisticsPage *self,
                    const char           *table)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) filter = NULL;
  g_autofree char *name = NULL;
  gboolean pdf = g_strcmp0 (table, "pdf") == 0;
  const char *from, *to;

  if (self->stats == NULL)
    return;

  native = gtk_file_chooser_native_new (pdf ? _("Export the Results Report")
                                            : _("Export a Table of Results"),
                                        GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  from = tarmac_seizure_stats_get_from (self->stats);
  to = tarmac_seizure_stats_get_to (self->stats);
  name = pdf ? g_strdup_printf ("results-%s-%s.pdf", from, to)
             : g_strdup_printf ("results-%s-%s-%s.csv", g_str_equal (table, "all") ? "tables" : table,
                                from, to);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, pdf ? _("PDF documents") : _("CSV files"));
  gtk_file_filter_add_suffix (filter, pdf ? "pdf" : "csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  /* The choice the core offers (research/seizures.md §9.7): on by default, since a
   * file usually leaves the task force. */
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (native), "shared",
                               _("For sharing: hide figures below 3"), NULL, NULL);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (native), "shared", "true");
  g_object_set_data_full (G_OBJECT (native), "tarmac-table", g_strdup (table), g_free);
  g_signal_connect (native, "response", G_CALLBACK (on_export_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
export_pdf_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  open_export_dialog (TARMAC_STATISTICS_PAGE (widget), "pdf");
}

static void
export_csv_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  open_export_dialog (TARMAC_STATISTICS_PAGE (widget), g_variant_get_string (parameter, NULL));
}

static void
on_event_saved_cb (TarmacStatisticsPage *self,
                   TarmacEventWindow    *window)
{
  const char *record = tarmac_event_window_get_record (window);

  tarmac_page_reload (TARMAC_PAGE (self));
  adw_toast_overlay_add_toast (self->toast_overlay,
                               adw_toast_new (g_str_equal (record, "activity")
                                              ? _("Activity recorded")
                                              : _("Referral recorded")));
}

static void
record_event_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  TarmacStatisticsPage *self = TARMAC_STATISTICS_PAGE (widget);
  TarmacStore *store = tarmac_page_get_store (TARMAC_PAGE (self));
  GtkRoot *root = gtk_widget_get_root (widget);
  const char *airport = filter_code (self->airports, self->airport_dropdown);
  g_autofree char *own_airport = NULL;
  TarmacEventWindow *window;

  if (store == NULL)
    return;
  if (airport == NULL)
    airport = own_airport = tarmac_store_get_airport_code (store);
  window = tarmac_event_window_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, store,
                                    g_variant_get_string (parameter, NULL), airport);
  g_signal_connect_object (window, "saved", G_CALLBACK (on_event_saved_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (window));
}

static void
tarmac_statistics_page_dispose (GObject *object)
{
  TarmacStatisticsPage *self = (TarmacStatisticsPage *)object;

  /* A computation still running answers to nobody: its callback finds the page gone. */
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), TARMAC_TYPE_STATISTICS_PAGE);

  g_clear_object (&self->stats);
  g_clear_object (&self->events);
  g_clear_pointer (&self->airports, g_ptr_array_unref);
  g_clear_pointer (&self->categories, g_ptr_array_unref);
  g_clear_pointer (&self->agencies, g_ptr_array_unref);
  g_clear_pointer (&self->figures, g_hash_table_unref);

  G_OBJECT_CLASS (tarmac_statistics_page_parent_class)->dispose (object);
}

static void
tarmac_statistics_page_finalize (GObject *object)
{
  TarmacStatisticsPage *self = (TarmacStatisticsPage *)object;

  g_clear_pointer (&self->from, g_free);
  g_clear_pointer (&self->to, g_free);

  G_OBJECT_CLASS (tarmac_statistics_page_parent_class)->finalize (object);
}

static void
tarmac_statistics_page_class_init (TarmacStatisticsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  TarmacPageClass *page_class = TARMAC_PAGE_CLASS (klass);

  object_class->dispose = tarmac_statistics_page_dispose;
  object_class->finalize = tarmac_statistics_page_finalize;
  page_class->reload = tarmac_statistics_page_reload;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/jaitf/Tarmac/tarmac-statistics-page.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, TarmacStatisticsPage, name)
  BIND (toast_overlay);
  BIND (period_dropdown);
  BIND (custom_child);
  BIND (from_entry);
  BIND (to_entry);
  BIND (airport_dropdown);
  BIND (category_dropdown);
  BIND (agency_dropdown);
  BIND (sheet_group);
  BIND (spinner);
  BIND (sheet_box);
  BIND (sheet_list);
  BIND (empty_status);
  BIND (charts_box);
  BIND (commodities_chart);
  BIND (commodities_list);
  BIND (trend_chart);
  BIND (drugs_trend_chart);
  BIND (routes_chart);
  BIND (concealment_chart);
  BIND (targeting_group);
  BIND (selection_chart);
  BIND (controls_chart);
  BIND (agencies_group);
  BIND (agencies_chart);
  BIND (agencies_list);
  BIND (events_group);
  BIND (events_list);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, on_period_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_custom_period_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed_cb);

  gtk_widget_class_install_action (widget_class, "statistics.export-pdf", NULL, export_pdf_action);
  gtk_widget_class_install_action (widget_class, "statistics.export-csv", "s", export_csv_action);
  gtk_widget_class_install_action (widget_class, "statistics.record-event", "s",
                                   record_event_action);

  g_type_ensure (TARMAC_TYPE_CHART_VIEW);
  g_type_ensure (TARMAC_TYPE_STAT_CARD);
}

static void
tarmac_statistics_page_init (TarmacStatisticsPage *self)
{
  self->figures = g_hash_table_new (g_str_hash, g_str_equal);
  self->updating = TRUE;   /* the template's dropdowns settle first */
  gtk_widget_init_template (GTK_WIDGET (self));
  self->updating = FALSE;
}

/**
 * tarmac_statistics_period_range:
 * @period: a choice of the Period filter, but %TARMAC_STATISTICS_PERIOD_CUSTOM
 * @today: today, YYYY-MM-DD
 * @from_day: (out) (transfer full): its first day
 * @to_day: (out) (transfer full): its last day (whole months and years)
 *
 * Returns: %TRUE for a period this function knows
 */
gboolean
tarmac_statistics_period_range (TarmacStatisticsPeriod   period,
                                const char              *today,
                                char                   **from_day,
                                char                   **to_day)
{
  int year, month;

  g_return_val_if_fail (today != NULL && strlen (today) == 10, FALSE);

  year = (int) g_ascii_strtoll (today, NULL, 10);
  month = (int) g_ascii_strtoll (today + 5, NULL, 10);

  switch (period)
    {
    case TARMAC_STATISTICS_PERIOD_LAST_MONTH:
      if (--month < 1)
        month = 12, year--;
      G_GNUC_FALLTHROUGH;
    case TARMAC_STATISTICS_PERIOD_THIS_MONTH:
      *from_day = g_strdup_printf ("%04d-%02d-01", year, month);
      *to_day = g_strdup_printf ("%04d-%02d-%02d", year, month,
                                 g_date_get_days_in_month (month, year));
      return TRUE;

    case TARMAC_STATISTICS_PERIOD_LAST_YEAR:
      year--;
      G_GNUC_FALLTHROUGH;
    case TARMAC_STATISTICS_PERIOD_THIS_YEAR:
      *from_day = g_strdup_printf ("%04d-01-01", year);
      *to_day = g_strdup_printf ("%04d-12-31", year);
      return TRUE;

    case TARMAC_STATISTICS_PERIOD_CUSTOM:
    default:
      return FALSE;
    }
}

/**
 * tarmac_statistics_page_set_period:
 * @from_day: first day, YYYY-MM-DD
 * @to_day: last day
 *
 * Chooses a custom period and shows it.
 */
void
tarmac_statistics_page_set_period (TarmacStatisticsPage *self,
                                   const char           *from_day,
                                   const char           *to_day)
{
  g_return_if_fail (TARMAC_IS_STATISTICS_PAGE (self));

  self->updating = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->from_entry), from_day);
  gtk_editable_set_text (GTK_EDITABLE (self->to_entry), to_day);
  gtk_drop_down_set_selected (self->period_dropdown, TARMAC_STATISTICS_PERIOD_CUSTOM);
  self->updating = FALSE;
  tarmac_page_reload (TARMAC_PAGE (self));
}

static void
select_code (GtkDropDown *dropdown,
             GPtrArray   *codes,
             const char  *code)
{
  guint position = 0;

  for (guint i = 1; codes != NULL && i < codes->len; i++)
    if (g_strcmp0 (g_ptr_array_index (codes, i), code) == 0)
      position = i;
  gtk_drop_down_set_selected (dropdown, position);
}

/**
 * tarmac_statistics_page_set_filter:
 * @airport: (nullable): an airport of the records, %NULL for all
 * @category: (nullable): a category code, %NULL for all
 * @agency: (nullable): an agency of the records, %NULL for all
 *
 * Chooses the filters (as the dropdowns do) and shows the figures.
 */
void
tarmac_statistics_page_set_filter (TarmacStatisticsPage *self,
                                   const char           *airport,
                                   const char           *category,
                                   const char           *agency)
{
  g_return_if_fail (TARMAC_IS_STATISTICS_PAGE (self));

  if (tarmac_page_get_store (TARMAC_PAGE (self)) == NULL)
    return;
  update_filters (self);
  self->updating = TRUE;
  select_code (self->airport_dropdown, self->airports, airport);
  select_code (self->category_dropdown, self->categories, category);
  select_code (self->agency_dropdown, self->agencies, agency);
  self->updating = FALSE;
  tarmac_page_reload (TARMAC_PAGE (self));
}

/* Returns: (transfer none) (nullable): the figures shown */
TarmacSeizureStats *
tarmac_statistics_page_get_stats (TarmacStatisticsPage *self)
{
  g_return_val_if_fail (TARMAC_IS_STATISTICS_PAGE (self), NULL);
  return self->stats;
}

/**
 * tarmac_statistics_page_is_computing:
 *
 * Returns: %TRUE while the figures for the filters chosen are being computed (in a
 *   worker thread); the figures shown until then are those of the filters before
 */
gboolean
tarmac_statistics_page_is_computing (TarmacStatisticsPage *self)
{
  g_return_val_if_fail (TARMAC_IS_STATISTICS_PAGE (self), FALSE);
  return self->cancellable != NULL;
}

/* Returns: (transfer none) (nullable): the referrals and activities listed */
GListModel *
tarmac_statistics_page_get_events (TarmacStatisticsPage *self)
{
  g_return_val_if_fail (TARMAC_IS_STATISTICS_PAGE (self), NULL);
  return self->events;
}

/**
 * tarmac_statistics_page_export:
 * @table: "pdf" for the results report, "all" for every table as CSV, or a table name
 * @path: the file to write (0600, replaced whole or not at all)
 * @shared: the file leaves the task force: hide figures below 3
 *
 * Exports the period and filters shown, as `tarmac-cli report results` does, and records
 * the export in the audit log.
 *
 * Returns: %TRUE when written
 */
gboolean
tarmac_statistics_page_export (TarmacStatisticsPage  *self,
                               const char            *table,
                               const char            *path,
                               gboolean               shared,
                               GError               **error)
{
  TarmacStore *store;
  TarmacSeizureStatsFilter filter = { NULL, NULL, NULL };
  g_autoptr(TarmacSeizureStats) stats = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *what = NULL;

  g_return_val_if_fail (TARMAC_IS_STATISTICS_PAGE (self), FALSE);
  g_return_val_if_fail (table != NULL && path != NULL, FALSE);

  store = tarmac_page_get_store (TARMAC_PAGE (self));
  if (store == NULL || self->stats == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("No figures to export yet"));
      return FALSE;
    }

  filter.airport = tarmac_seizure_stats_get_airport (self->stats);
  filter.category = tarmac_seizure_stats_get_category (self->stats);
  filter.agency = tarmac_seizure_stats_get_agency (self->stats);
  stats = tarmac_seizure_stats_compute_filtered (store, tarmac_seizure_stats_get_from (self->stats),
                                                 tarmac_seizure_stats_get_to (self->stats),
                                                 &filter, shared, NULL, error);
  if (stats == NULL)
    return FALSE;

  if (g_str_equal (table, "pdf"))
    {
      g_autofree char *airport = tarmac_store_get_airport_code (store);

      bytes = tarmac_seizure_stats_to_pdf (stats, airport, error);
      if (bytes == NULL)
        return FALSE;
      what = g_strdup ("pdf");
    }
  else
    {
      char *csv = g_str_equal (table, "all") ? tarmac_seizure_stats_to_csv (stats)
                                             : tarmac_seizure_stats_table_to_csv (stats, table);

      if (csv == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       _("No table called “%s”"), table);
          return FALSE;
        }
      bytes = g_bytes_new_take (csv, strlen (csv));
      what = g_strdup_printf ("csv:%s", table);
    }

  if (!g_file_set_contents_full (path, g_bytes_get_data (bytes, NULL),
                                 (gssize) g_bytes_get_size (bytes),
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0600, error))
    return FALSE;
  return tarmac_seizure_stats_audit_export (stats, store, what, path, error);
}

/**
 * tarmac_statistics_page_get_figure:
 * @key: a key of the results sheet ("seizures", "drugs", "ht_victims"…)
 *
 * Returns: (transfer none) (nullable): the widget that shows it: a #TarmacStatCard for
 *   the main figures, a #GtkLabel for the others
 */
GtkWidget *
tarmac_statistics_page_get_figure (TarmacStatisticsPage *self,
                                   const char           *key)
{
  g_return_val_if_fail (TARMAC_IS_STATISTICS_PAGE (self), NULL);
  return g_hash_table_lookup (self->figures, key);
}
