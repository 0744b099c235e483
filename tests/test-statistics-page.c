/* test-statistics-page.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "tarmac-application.h"
#include "tarmac-event-window.h"
#include "tarmac-seizure-store.h"
#include "tarmac-stat-card.h"
#include "tarmac-statistics-page.h"
#include "tarmac-store-private.h"
#include "tarmac-test-display.h"
#include "tarmac-test-store.h"
#include "tarmac-window.h"

/* Widget tests of the Statistics page and the referral form, in a main window on the
 * fixture tests/data/seizures/results-filters.json (May 2026: five validated seizures,
 * three at DSS and two at LOS, one of them made by three agencies). */

static TarmacApplication *application;

/* The fixture in a database at @db_path (":memory:" for one only this connection sees). */
static TarmacStore *
open_fixture_at (const char *db_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "seizures",
                                                 "results-filters.json", NULL);
  TarmacStore *store = tarmac_store_open (db_path, &error);
  JsonArray *array;

  g_assert_no_error (error);
  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  array = json_node_get_array (json_parser_get_root (parser));
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      tarmac_seizure_store_add_json (store, json_array_get_element (array, i), NULL, NULL, &error);
      g_assert_no_error (error);
    }
  return store;
}

static TarmacStore *
open_fixture (void)
{
  return open_fixture_at (":memory:");
}

/* The value a card shows, or the text of a figure's label. */
static char *
figure_text (TarmacStatisticsPage *page,
             const char           *key)
{
  GtkWidget *figure = tarmac_statistics_page_get_figure (page, key);

  if (figure == NULL)
    return NULL;
  if (TARMAC_IS_STAT_CARD (figure))
    return g_strdup_printf ("%u", tarmac_stat_card_get_value (TARMAC_STAT_CARD (figure)));
  return g_strdup (gtk_label_get_text (GTK_LABEL (figure)));
}

#define assert_figure(page, key, expected) \
  G_STMT_START { \
    g_autofree char *text_ = figure_text (page, key); \
    g_assert_cmpstr (text_, ==, expected); \
  } G_STMT_END

static TarmacWindow *
create_window (TarmacStore *store)
{
  TarmacWindow *window = tarmac_test_window_new (application, store);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s",
                                             "statistics"));
  tarmac_test_run_for (20);
  g_assert_cmpstr (tarmac_window_get_visible_page_name (window), ==, "statistics");
  return window;
}

static void
test_statistics_figures (void)
{
  g_autoptr(TarmacStore) store = open_fixture ();
  TarmacWindow *window = create_window (store);
  TarmacStatisticsPage *page = TARMAC_STATISTICS_PAGE (tarmac_window_get_page (window, "statistics"));

  tarmac_statistics_page_set_period (page, "2026-05-01", "2026-05-31");
  tarmac_test_run_for (20);

  /* The sheet shows the fixture's totals: the three-agency seizure counted once. */
  assert_figure (page, "seizures", "5");
  assert_figure (page, "drugs", "3");
  assert_figure (page, "cash", "2");
  assert_figure (page, "ht_victims", "4");
  assert_figure (page, "ftf", "2");
  assert_figure (page, "multi_agency", "3");
  g_assert_cmpuint (g_list_model_get_n_items (tarmac_statistics_page_get_events (page)), ==, 4);
  g_assert_cmpstr (tarmac_page_get_subtitle (TARMAC_PAGE (page)), ==, "1 May 2026 – 31 May 2026");

  /* The filters, as the dropdowns set them. */
  tarmac_statistics_page_set_filter (page, "DSS", NULL, NULL);
  tarmac_test_run_for (20);
  assert_figure (page, "seizures", "3");
  assert_figure (page, "ht_victims", "3");
  g_assert_cmpuint (g_list_model_get_n_items (tarmac_statistics_page_get_events (page)), ==, 2);

  tarmac_statistics_page_set_filter (page, NULL, "DRUG", NULL);
  tarmac_test_run_for (20);
  assert_figure (page, "seizures", "3");
  assert_figure (page, "cash", "0");
  g_assert_null (tarmac_statistics_page_get_figure (page, "ht_victims"));

  tarmac_statistics_page_set_filter (page, NULL, NULL, "Airport Police");
  tarmac_test_run_for (20);
  assert_figure (page, "seizures", "2");
  assert_figure (page, "multi_agency", "2");

  tarmac_statistics_page_set_filter (page, NULL, NULL, NULL);
  tarmac_test_run_for (20);
  assert_figure (page, "seizures", "5");

  tarmac_test_window_destroy (window);
}

/* The figures of @airport's May are shown. */
static gboolean
shows_airport (TarmacStatisticsPage *page,
               const char           *airport)
{
  TarmacSeizureStats *stats = tarmac_statistics_page_get_stats (page);

  return !tarmac_statistics_page_is_computing (page) && stats != NULL &&
         g_strcmp0 (tarmac_seizure_stats_get_from (stats), "2026-05-01") == 0 &&
         g_strcmp0 (tarmac_seizure_stats_get_airport (stats), airport) == 0;
}

/* On a database file the figures are computed in a worker thread, on a connection of its
 * own: the page answers later, keeping the old figures meanwhile, and of two quick filter
 * changes the second wins whichever thread ends first. */
static void
test_statistics_thread (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("tarmac-stats-XXXXXX", &error);
  g_autofree char *db_path = g_build_filename (dir, "tarmac.db", NULL);
  g_autoptr(TarmacStore) store = open_fixture_at (db_path);
  TarmacWindow *window = create_window (store);
  TarmacStatisticsPage *page = TARMAC_STATISTICS_PAGE (tarmac_window_get_page (window, "statistics"));
  gint64 reports;

  g_assert_no_error (error);
  tarmac_test_wait_for (!tarmac_statistics_page_is_computing (page));
  reports = tarmac_test_count (store, "SELECT count(*) FROM audit_log WHERE action = 'report'");

  tarmac_statistics_page_set_period (page, "2026-05-01", "2026-05-31");
  g_assert_true (tarmac_statistics_page_is_computing (page));
  tarmac_test_wait_for (shows_airport (page, NULL));
  assert_figure (page, "seizures", "5");
  g_assert_cmpuint (g_list_model_get_n_items (tarmac_statistics_page_get_events (page)), ==, 4);
  g_assert_cmpstr (tarmac_page_get_subtitle (TARMAC_PAGE (page)), ==, "1 May 2026 – 31 May 2026");

  /* While the next figures are computed, the page still shows these. */
  tarmac_statistics_page_set_filter (page, "DSS", NULL, NULL);
  g_assert_true (tarmac_statistics_page_is_computing (page));
  assert_figure (page, "seizures", "5");
  tarmac_test_wait_for (shows_airport (page, "DSS"));
  assert_figure (page, "seizures", "3");

  /* Two changes before the first answers: the page computes until the second answers,
   * which wins, and stays. */
  tarmac_statistics_page_set_filter (page, "DSS", "DRUG", NULL);
  tarmac_statistics_page_set_filter (page, "LOS", NULL, NULL);
  tarmac_test_wait_for (!tarmac_statistics_page_is_computing (page));
  g_assert_true (shows_airport (page, "LOS"));
  g_assert_null (tarmac_seizure_stats_get_category (tarmac_statistics_page_get_stats (page)));
  assert_figure (page, "seizures", "2");
  tarmac_test_run_for (100);
  g_assert_true (shows_airport (page, "LOS"));
  assert_figure (page, "seizures", "2");
  g_assert_cmpuint (g_list_model_get_n_items (tarmac_statistics_page_get_events (page)), ==, 2);

  /* Each computation is audited, by the worker's connection (one dropped before it
   * started writes nothing). */
  g_assert_cmpint (tarmac_test_count (store, "SELECT count(*) FROM audit_log WHERE action = 'report'"
                                      " AND detail LIKE '2026-05-01..2026-05-31 airport=LOS'"),
                   ==, 1);
  g_assert_cmpint (tarmac_test_count (store, "SELECT count(*) FROM audit_log WHERE action = 'report'"),
                   >=, reports + 3);

  tarmac_test_window_destroy (window);
  g_clear_object (&store);
  tarmac_test_remove_database (dir, db_path);
}

static void
test_statistics_export (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TarmacStore) store = open_fixture ();
  TarmacWindow *window = create_window (store);
  TarmacStatisticsPage *page = TARMAC_STATISTICS_PAGE (tarmac_window_get_page (window, "statistics"));
  g_autofree char *dir = g_dir_make_tmp ("tarmac-stats-XXXXXX", &error);
  g_autofree char *pdf = g_build_filename (dir, "results.pdf", NULL);
  g_autofree char *csv = g_build_filename (dir, "agencies.csv", NULL);
  g_autofree char *contents = NULL;
  gint64 audited = tarmac_test_count (store, "SELECT count(*) FROM audit_log WHERE action = 'export'");
  GStatBuf buf;

  g_assert_no_error (error);
  tarmac_statistics_page_set_period (page, "2026-05-01", "2026-05-31");
  tarmac_statistics_page_set_filter (page, "DSS", NULL, NULL);
  tarmac_test_run_for (20);

  g_assert_true (tarmac_statistics_page_export (page, "pdf", pdf, TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (pdf, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_assert_cmpint (g_stat (pdf, &buf), ==, 0);
  g_assert_cmpint (buf.st_mode & 0777, ==, 0600);
  g_clear_pointer (&contents, g_free);

  /* Shared: the agency on one seizure is hidden; the page itself is not. */
  g_assert_true (tarmac_statistics_page_export (page, "agencies", csv, TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (csv, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "\"Airport Police\",,,,,,,<3"));
  g_assert_nonnull (strstr (contents, "\"Customs DSS\",3,"));
  g_clear_pointer (&contents, g_free);
  g_assert_true (tarmac_statistics_page_export (page, "agencies", csv, FALSE, &error));
  g_assert_true (g_file_get_contents (csv, &contents, NULL, NULL));
  g_assert_null (strstr (contents, "<3"));

  g_assert_false (tarmac_statistics_page_export (page, "nonsense", csv, TRUE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);

  /* Each file is in the audit log, with its period and filters. */
  g_assert_cmpint (tarmac_test_count (store, "SELECT count(*) FROM audit_log WHERE action = 'export'"
                                      " AND object_type = 'seizure_report'"
                                      " AND detail LIKE '%2026-05-01..2026-05-31%airport=DSS%'"),
                   ==, audited + 3);

  g_unlink (pdf);
  g_unlink (csv);
  g_rmdir (dir);
  tarmac_test_window_destroy (window);
}

static TarmacEventWindow *
find_event_window (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* transfer none */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (toplevels, i);

      if (TARMAC_IS_EVENT_WINDOW (item) && gtk_widget_get_visible (GTK_WIDGET (item)))
        return TARMAC_EVENT_WINDOW (item);
    }
  return NULL;
}

static GtkWidget *
find_entry_row (GtkWidget  *widget,
                const char *title)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (ADW_IS_ENTRY_ROW (child) &&
          g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)), title) == 0)
        return child;
      if ((found = find_entry_row (child, title)) != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_first (GtkWidget *widget,
            GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type) && gtk_widget_get_visible (child))
        return child;
      if (gtk_widget_get_visible (child) && (found = find_first (child, type)) != NULL)
        return found;
    }
  return NULL;
}

static void
test_statistics_referral_form (void)
{
  g_autoptr(TarmacStore) store = open_fixture ();
  TarmacWindow *window = create_window (store);
  TarmacStatisticsPage *page = TARMAC_STATISTICS_PAGE (tarmac_window_get_page (window, "statistics"));
  TarmacEventWindow *form;
  GtkWidget *women;
  gint64 before = tarmac_test_count (store, "SELECT count(*) FROM ht_referral");

  tarmac_statistics_page_set_period (page, "2026-05-01", "2026-05-31");
  tarmac_test_run_for (20);
  assert_figure (page, "ht_victims", "4");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "statistics.record-event", "s",
                                             "ht_referral"));
  tarmac_test_run_for (50);
  form = find_event_window ();
  g_assert_nonnull (form);
  g_assert_cmpstr (tarmac_event_window_get_record (form), ==, "ht_referral");

  /* Nobody counted, no agency: refused, said in the form, nothing written. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (form), "event.save", NULL));
  tarmac_test_run_for (20);
  g_assert_true (find_event_window () == form);
  g_assert_cmpint (tarmac_test_count (store, "SELECT count(*) FROM ht_referral"), ==, before);

  gtk_editable_set_text (GTK_EDITABLE (find_entry_row (GTK_WIDGET (form), "Airport (IATA code)")),
                         "dss");
  gtk_editable_set_text (GTK_EDITABLE (find_entry_row (GTK_WIDGET (form), "Date (YYYY-MM-DD)")),
                         "2026-05-20");
  gtk_editable_set_text (GTK_EDITABLE (find_entry_row (GTK_WIDGET (form), "Time (HH:MM, UTC)")),
                         "09:30");
  gtk_editable_set_text (GTK_EDITABLE (find_entry_row (GTK_WIDGET (form),
                                                       "Referred to (agency or unit)")),
                         "Social services liaison");
  women = find_first (GTK_WIDGET (form), GTK_TYPE_SPIN_BUTTON);
  g_assert_nonnull (women);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (women), 2);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (form), "event.save", NULL));
  tarmac_test_run_for (50);
  g_assert_null (find_event_window ());
  g_assert_cmpint (tarmac_test_count (store, "SELECT count(*) FROM ht_referral"), ==, before + 1);
  g_assert_cmpint (tarmac_test_count (store, "SELECT victims_female_adult FROM ht_referral"
                                      " ORDER BY id DESC LIMIT 1"), ==, 2);
  g_assert_cmpint (tarmac_test_count (store, "SELECT count(*) FROM ht_referral WHERE airport = 'DSS'"
                                      " AND occurred_at = '2026-05-20T09:30:00Z'"), ==, 1);

  /* The page counts it at once, and lists it. */
  assert_figure (page, "ht_victims", "6");
  g_assert_cmpuint (g_list_model_get_n_items (tarmac_statistics_page_get_events (page)), ==, 5);

  tarmac_test_window_destroy (window);
}

static void
test_statistics_period_range (void)
{
  const struct { TarmacStatisticsPeriod period; const char *today, *from, *to; } cases[] = {
    { TARMAC_STATISTICS_PERIOD_THIS_MONTH, "2026-02-10", "2026-02-01", "2026-02-28" },
    { TARMAC_STATISTICS_PERIOD_THIS_MONTH, "2028-02-29", "2028-02-01", "2028-02-29" },
    { TARMAC_STATISTICS_PERIOD_LAST_MONTH, "2026-01-05", "2025-12-01", "2025-12-31" },
    { TARMAC_STATISTICS_PERIOD_THIS_YEAR, "2026-11-22", "2026-01-01", "2026-12-31" },
    { TARMAC_STATISTICS_PERIOD_LAST_YEAR, "2026-11-22", "2025-01-01", "2025-12-31" },
  };
  char *from = NULL, *to = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_assert_true (tarmac_statistics_period_range (cases[i].period, cases[i].today, &from, &to));
      g_assert_cmpstr (from, ==, cases[i].from);
      g_assert_cmpstr (to, ==, cases[i].to);
      g_clear_pointer (&from, g_free);
      g_clear_pointer (&to, g_free);
    }
  g_assert_false (tarmac_statistics_period_range (TARMAC_STATISTICS_PERIOD_CUSTOM, "2026-11-22",
                                                  &from, &to));
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  if (!tarmac_test_has_display ("Statistics page tests"))
    return 77;

  gtk_test_init (&argc, &argv, NULL);
  application = tarmac_test_application_new ();

  g_test_add_func ("/statistics/figures", test_statistics_figures);
  g_test_add_func ("/statistics/export", test_statistics_export);
  g_test_add_func ("/statistics/thread", test_statistics_thread);
  g_test_add_func ("/statistics/referral-form", test_statistics_referral_form);
  g_test_add_func ("/statistics/period-range", test_statistics_period_range);

  ret = g_test_run ();

  g_clear_object (&application);

  return ret;
}
