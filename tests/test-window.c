/* test-window.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "tarmac-application.h"
#include "tarmac-audit.h"
#include "tarmac-demo.h"
#include "tarmac-flight-page.h"
#include "tarmac-flight-row.h"
#include "tarmac-flights-page.h"
#include "tarmac-format.h"
#include "tarmac-network-page.h"
#include "tarmac-note-row.h"
#include "tarmac-page.h"
#include "tarmac-preferences-window.h"
#include "tarmac-search-page.h"
#include "tarmac-search-result.h"
#include "tarmac-sheet-preview.h"
#include "tarmac-statistics-page.h"
#include "tarmac-store-private.h"
#include "tarmac-test-display.h"
#include "tarmac-test-store.h"
#include "tarmac-today-page-private.h"
#include "tarmac-traveller-page.h"
#include "tarmac-window-private.h"

/* Widget tests of the main window, run against the demo database and an empty one. */

static TarmacApplication *application;

static const char *page_names[] = {
  "today", "flights", "search", "hits", "cargo", "seizures", "statistics", "network", "watchlists",
};

static guint
count_children (GtkWidget *widget,
                GType      type)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        n++;
      else
        n += count_children (child, type);
    }

  return n;
}

static guint64
count_audit_rows (TarmacStore *store)
{
  g_autoptr(GError) error = NULL;
  guint64 n_rows = 0;
  gint64 first_broken_id = 0;

  g_assert_true (tarmac_audit_verify (store, &n_rows, &first_broken_id, &error));
  g_assert_no_error (error);

  return n_rows;
}

/* Fails naming the audit rows written since @before rows when there are not @expected:
 * a row nobody expected says who wrote it. */
static void
assert_audit_rows (TarmacStore *store,
                   guint64      before,
                   guint64      expected)
{
  guint64 n_rows = count_audit_rows (store);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (n_rows == expected)
    return;

  stmt = _tarmac_store_prepare (store,
                                "SELECT at, action, object_type, coalesce (object_id, ''),"
                                " coalesce (detail, '') FROM audit_log ORDER BY id"
                                " LIMIT -1 OFFSET ?1", NULL);
  g_assert_nonnull (stmt);
  sqlite3_bind_int64 (stmt, 1, (sqlite3_int64) before);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_printerr ("audit row: %s %s %s %s %s\n", sqlite3_column_text (stmt, 0),
                sqlite3_column_text (stmt, 1), sqlite3_column_text (stmt, 2),
                sqlite3_column_text (stmt, 3), sqlite3_column_text (stmt, 4));
  g_assert_cmpuint (n_rows, ==, expected);
}

static TarmacStore *
open_demo (void)
{
  g_autoptr(GError) error = NULL;
  TarmacStore *store;

  store = tarmac_demo_open (NULL, &error);
  g_assert_no_error (error);
  g_assert_true (TARMAC_IS_STORE (store));
  g_assert_true (tarmac_store_is_demo (store));

  return store;
}

static void
show_page (TarmacWindow *window,
           const char   *name)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", name));
  tarmac_test_run_for (10);
  g_assert_cmpstr (tarmac_window_get_visible_page_name (window), ==, name);
}

static void
visit_every_page (TarmacWindow *window)
{
  for (guint i = 0; i < G_N_ELEMENTS (page_names); i++)
    {
      TarmacPage *page;

      show_page (window, page_names[i]);

      page = TARMAC_PAGE (tarmac_window_get_page (window, page_names[i]));
      /* Its figures are computed (and audited) in a thread: let it answer before the
       * test goes on to count audit rows. */
      if (TARMAC_IS_STATISTICS_PAGE (page))
        tarmac_test_wait_for (!tarmac_statistics_page_is_computing (TARMAC_STATISTICS_PAGE (page)));
      g_assert_nonnull (tarmac_page_get_title (page));
      g_assert_nonnull (tarmac_page_get_icon_name (page));
    }
}

static void
test_window_demo_pages (void)
{
  g_autoptr(TarmacStore) store = open_demo ();
  g_auto(GStrv) actions = NULL;
  TarmacWindow *window = tarmac_test_window_new (application, store);

  visit_every_page (window);

  /* The demo has flights today, so Today and Flights show data. */
  show_page (window, "today");
  g_assert_false (tarmac_page_get_empty (TARMAC_PAGE (tarmac_window_get_page (window, "today"))));
  g_assert_false (tarmac_page_get_empty (TARMAC_PAGE (tarmac_window_get_page (window, "flights"))));

  /* Ctrl+F goes to Search. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL));
  tarmac_test_run_for (10);
  g_assert_cmpstr (tarmac_window_get_visible_page_name (window), ==, "search");

  /* Alt+1…8 are wired to the pages. */
  actions = gtk_application_get_actions_for_accel (GTK_APPLICATION (application), "<Alt>2");
  g_assert_nonnull (actions);
  g_assert_cmpstr (actions[0], ==, "win.show-page::flights");

  show_page (window, "network");
  tarmac_test_window_destroy (window);

  /* The last page comes back with the next window. */
  window = tarmac_test_window_new (application, store);
  g_assert_cmpstr (tarmac_window_get_visible_page_name (window), ==, "network");
  show_page (window, "today");
  tarmac_test_window_destroy (window);
}

static TarmacFlightPage *
open_first_flight (TarmacWindow *window)
{
  TarmacFlightsPage *flights_page;
  GListModel *flights;
  GtkWidget *row;

  show_page (window, "flights");
  flights_page = TARMAC_FLIGHTS_PAGE (tarmac_window_get_page (window, "flights"));
  flights = tarmac_flights_page_get_flights (flights_page);
  g_assert_nonnull (flights);
  g_assert_cmpuint (g_list_model_get_n_items (flights), >, 0);

  /* Activate the first row, as a click would. */
  row = tarmac_test_find_descendant (GTK_WIDGET (flights_page), TARMAC_TYPE_FLIGHT_ROW);
  g_assert_nonnull (row);
  gtk_widget_activate (row);
  tarmac_test_run_for (10);

  g_assert_cmpstr (tarmac_window_get_visible_page_name (window), ==, "flight");

  return TARMAC_FLIGHT_PAGE (tarmac_window_get_page (window, "flight"));
}

static void
test_window_demo_flight (void)
{
  g_autoptr(TarmacStore) store = open_demo ();
  g_autoptr(TarmacTraveller) traveller = NULL;
  g_autoptr(GtkColumnViewColumn) name_column = NULL;
  TarmacWindow *window = tarmac_test_window_new (application, store);
  TarmacFlightPage *flight_page;
  GtkColumnView *column_view;
  GListModel *model;
  GListModel *travellers;
  guint n_travellers;

  flight_page = open_first_flight (window);
  travellers = tarmac_flight_page_get_travellers (flight_page);
  n_travellers = g_list_model_get_n_items (travellers);
  g_assert_cmpuint (n_travellers, >, 0);

  column_view = GTK_COLUMN_VIEW (tarmac_test_find_descendant (GTK_WIDGET (flight_page), GTK_TYPE_COLUMN_VIEW));
  g_assert_nonnull (column_view);
  model = G_LIST_MODEL (gtk_column_view_get_model (column_view));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_travellers);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_column_view_get_columns (column_view)), ==, 7);

  /* The filter ignores case, and an impossible filter empties the table. */
  traveller = g_list_model_get_item (travellers, 0);
  {
    g_autofree char *lower = g_utf8_strdown (tarmac_traveller_get_full_name (traveller), -1);

    tarmac_flight_page_set_filter (flight_page, lower);
    tarmac_test_run_for (10);
    g_assert_cmpuint (g_list_model_get_n_items (travellers), >=, 1);
    g_assert_cmpuint (g_list_model_get_n_items (travellers), <=, n_travellers);
  }

  tarmac_flight_page_set_filter (flight_page, "no such traveller 0000");
  tarmac_test_run_for (10);
  g_assert_cmpuint (g_list_model_get_n_items (travellers), ==, 0);

  tarmac_flight_page_set_filter (flight_page, NULL);
  tarmac_test_run_for (10);
  g_assert_cmpuint (g_list_model_get_n_items (travellers), ==, n_travellers);

  /* Sorting by a column keeps every row. */
  name_column = g_list_model_get_item (gtk_column_view_get_columns (column_view), 0);
  gtk_column_view_sort_by_column (column_view, name_column, GTK_SORT_DESCENDING);
  tarmac_test_run_for (10);
  g_assert_cmpuint (g_list_model_get_n_items (travellers), ==, n_travellers);

  /* Back returns to the flights of the day. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.go-back", NULL));
  tarmac_test_run_for (10);
  g_assert_cmpstr (tarmac_window_get_visible_page_name (window), ==, "flights");

  tarmac_test_window_destroy (window);
}

/* Runs the main loop until the search page's worker has answered. */
static void
wait_for_search (TarmacSearchPage *page)
{
  tarmac_test_wait_for (!tarmac_search_page_is_searching (page));
}

static TarmacTravellerDetail *wait_for_traveller (TarmacTravellerPage *page,
                                                  gint64               traveller_id);

static void
test_window_demo_search (void)
{
  g_autoptr(TarmacStore) store = open_demo ();
  g_autoptr(TarmacTraveller) traveller = NULL;
  g_autoptr(TarmacSearchResult) result = NULL;
  g_autofree char *misspelt = NULL;
  TarmacWindow *window = tarmac_test_window_new (application, store);
  TarmacFlightPage *flight_page;
  TarmacSearchPage *search_page;
  TarmacTravellerPage *traveller_page;
  TarmacTravellerDetail *detail;
  GListModel *results;
  GtkWidget *focus;
  GtkWidget *entry;
  const char *surname;
  gint64 found_id;

  /* Take a real name from a flight of the demo. */
  flight_page = open_first_flight (window);
  traveller = g_list_model_get_item (tarmac_flight_page_get_travellers (flight_page), 0);
  surname = tarmac_traveller_get_surname (traveller);
  g_assert_nonnull (surname);

  show_page (window, "search");
  search_page = TARMAC_SEARCH_PAGE (tarmac_window_get_page (window, "search"));
  g_assert_true (tarmac_page_get_empty (TARMAC_PAGE (search_page)));

  /* The search runs in the background and the page fills in when it answers. */
  tarmac_search_page_set_query (search_page, surname);
  wait_for_search (search_page);
  results = tarmac_search_page_get_results (search_page);
  g_assert_nonnull (results);
  g_assert_cmpuint (g_list_model_get_n_items (results), >, 0);
  g_assert_false (tarmac_page_get_empty (TARMAC_PAGE (search_page)));

  /* A newer query cancels the one still running; the last one's results stay. */
  misspelt = g_strconcat (tarmac_traveller_get_given_names (traveller), " ", surname, "x", NULL);
  tarmac_search_page_set_query (search_page, "Zzyzxqwv");
  tarmac_search_page_set_query (search_page, misspelt);
  wait_for_search (search_page);
  results = tarmac_search_page_get_results (search_page);
  g_assert_cmpuint (g_list_model_get_n_items (results), >, 0);

  /* Opening a result shows that traveller's page. */
  result = g_list_model_get_item (results, 0);
  found_id = tarmac_traveller_get_id (tarmac_search_result_get_traveller (result));
  tarmac_search_page_open_result (search_page, 0);
  tarmac_test_run_for (10);
  g_assert_cmpstr (tarmac_window_get_visible_page_name (window), ==, "traveller");
  traveller_page = TARMAC_TRAVELLER_PAGE (tarmac_window_get_page (window, "traveller"));
  detail = wait_for_traveller (traveller_page, found_id);
  g_assert_nonnull (detail);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.go-back", NULL));
  tarmac_test_run_for (10);
  g_assert_cmpstr (tarmac_window_get_visible_page_name (window), ==, "search");

  /* Enter in the entry opens the first result, even pressed before the search answers;
   * the delayed search for the same text does not forget it. */
  tarmac_search_page_focus_entry (search_page);
  focus = gtk_root_get_focus (GTK_ROOT (window));
  entry = gtk_widget_get_ancestor (focus, GTK_TYPE_SEARCH_ENTRY);
  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), surname);
  g_signal_emit_by_name (entry, "activate");
  wait_for_search (search_page);
  tarmac_test_run_for (300);
  g_assert_cmpstr (tarmac_window_get_visible_page_name (window), ==, "traveller");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.go-back", NULL));
  tarmac_test_run_for (10);
  g_assert_cmpstr (tarmac_window_get_visible_page_name (window), ==, "search");

  /* Nothing found: the "No Results" state. */
  tarmac_search_page_set_query (search_page, "Zzyzxqwv Qqqqxz");
  wait_for_search (search_page);
  g_assert_cmpuint (g_list_model_get_n_items (tarmac_search_page_get_results (search_page)), ==, 0);
  g_assert_true (tarmac_page_get_empty (TARMAC_PAGE (search_page)));

  tarmac_test_window_destroy (window);
}

static gboolean
shows_traveller (TarmacTravellerPage *page,
                 gint64               traveller_id)
{
  TarmacTravellerDetail *detail = tarmac_traveller_page_get_detail (page);

  return detail != NULL && tarmac_traveller_detail_get_id (detail) == traveller_id;
}

/* Runs the main loop until the traveller page has read its traveller (in a thread). */
static TarmacTravellerDetail *
wait_for_traveller (TarmacTravellerPage *page,
                    gint64               traveller_id)
{
  tarmac_test_wait_for (shows_traveller (page, traveller_id));
  return tarmac_traveller_page_get_detail (page);
}

static GtkWidget *
find_row_with_action (GtkWidget  *widget,
                      const char *action_name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_LIST_BOX_ROW (child) &&
          g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (child)), action_name) == 0)
        return child;

      if ((found = find_row_with_action (child, action_name)) != NULL)
        return found;
    }

  return NULL;
}

static gint64
find_traveller_with_companions (TarmacStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = _tarmac_store_prepare (store,
                                "SELECT t.id FROM traveller t WHERE t.pnr_id IS NOT NULL"
                                " AND t.kind = 'passenger' AND t.masked = 0"
                                " AND (SELECT count(*) FROM traveller o"
                                "      WHERE o.pnr_id = t.pnr_id) >= 2"
                                " ORDER BY t.id LIMIT 1",
                                &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);

  return sqlite3_column_int64 (stmt, 0);
}

static const char *
window_title (TarmacWindow *window)
{
  GtkWidget *title = tarmac_test_find_descendant (GTK_WIDGET (window), ADW_TYPE_WINDOW_TITLE);

  g_assert_nonnull (title);
  return adw_window_title_get_title (ADW_WINDOW_TITLE (title));
}

static void
test_window_demo_traveller (void)
{
  g_autoptr(TarmacStore) store = open_demo ();
  g_autoptr(TarmacTraveller) first = NULL;
  TarmacWindow *window = tarmac_test_window_new (application, store);
  TarmacTravellerPage *page;
  TarmacTravellerDetail *detail;
  TarmacFlightPage *flight_page;
  GtkColumnView *column_view;
  GtkWidget *row;
  gint64 id, other_id;
  guint64 n_audit;

  /* From a flight: activating a row (double click, Enter) opens that traveller. */
  flight_page = open_first_flight (window);
  first = g_list_model_get_item (tarmac_flight_page_get_travellers (flight_page), 0);
  column_view = GTK_COLUMN_VIEW (tarmac_test_find_descendant (GTK_WIDGET (flight_page),
                                                  GTK_TYPE_COLUMN_VIEW));
  n_audit = count_audit_rows (store);
  g_signal_emit_by_name (column_view, "activate", 0);
  tarmac_test_run_for (10);
  g_assert_cmpstr (tarmac_window_get_visible_page_name (window), ==, "traveller");

  page = TARMAC_TRAVELLER_PAGE (tarmac_window_get_page (window, "traveller"));
  detail = wait_for_traveller (page, tarmac_traveller_get_id (first));
  g_assert_cmpstr (tarmac_traveller_detail_get_full_name (detail), ==,
                   tarmac_traveller_get_full_name (first));
  g_assert_cmpstr (tarmac_page_get_title (TARMAC_PAGE (page)), ==,
                   tarmac_traveller_get_full_name (first));
  g_assert_cmpstr (window_title (window), ==, tarmac_traveller_get_full_name (first));
  /* One audited view, written by the page's own connection. */
  assert_audit_rows (store, n_audit, n_audit + 1);

  /* Back returns to the flight, as it was. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.go-back", NULL));
  tarmac_test_run_for (10);
  g_assert_cmpstr (tarmac_window_get_visible_page_name (window), ==, "flight");

  /* win.show-traveller, as Search results use it: the name is the page's title. */
  id = find_traveller_with_companions (store);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-traveller", "x",
                                             id));
  detail = wait_for_traveller (page, id);
  g_assert_false (tarmac_traveller_detail_get_masked (detail));
  g_assert_cmpstr (window_title (window), ==, tarmac_traveller_detail_get_full_name (detail));
  g_assert_nonnull (tarmac_traveller_detail_get_pnr_locator (detail));
  g_assert_cmpuint (g_list_model_get_n_items (tarmac_traveller_detail_get_co_travellers (detail)),
                    >, 0);

  /* Its groups are shown; the empty ones (no hits, no findings in the demo) are not. */
  for (GtkWidget *group = tarmac_test_find_descendant (GTK_WIDGET (page), ADW_TYPE_PREFERENCES_GROUP);
       group != NULL;
       group = gtk_widget_get_next_sibling (group))
    {
      if (!ADW_IS_PREFERENCES_GROUP (group))
        continue;

      g_assert_true (gtk_widget_get_visible (group) ==
                     (tarmac_test_find_descendant (group, ADW_TYPE_ACTION_ROW) != NULL));
    }

  /* A co-traveller row opens that traveller; back returns to the first. */
  row = find_row_with_action (GTK_WIDGET (page), "win.show-traveller");
  g_assert_nonnull (row);
  other_id = g_variant_get_int64 (gtk_actionable_get_action_target_value (GTK_ACTIONABLE (row)));
  g_assert_cmpint (other_id, !=, id);
  gtk_widget_activate (row);
  tarmac_test_run_for (10);
  wait_for_traveller (page, other_id);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.go-back", NULL));
  wait_for_traveller (page, id);
  g_assert_cmpstr (tarmac_window_get_visible_page_name (window), ==, "traveller");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.go-back", NULL));
  tarmac_test_run_for (10);
  g_assert_cmpstr (tarmac_window_get_visible_page_name (window), ==, "flight");

  /* An unknown traveller: the page says so instead of showing stale data. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-traveller", "x",
                                             (gint64) 999999999));
  tarmac_test_wait_for (tarmac_page_get_empty (TARMAC_PAGE (page)));
  g_assert_null (tarmac_traveller_page_get_detail (page));

  /* Closed while a load runs: the load holds the page only weakly, so the page goes with
   * the window (cancelling the load) instead of living on with a thread; the load's
   * answer, whenever it comes, finds nothing to show. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-traveller", "x", id));
  g_object_add_weak_pointer (G_OBJECT (page), (gpointer *) &page);
  g_object_ref (window);
  gtk_window_destroy (GTK_WINDOW (window));
  g_object_run_dispose (G_OBJECT (window));
  g_assert_null (page);   /* before the main loop could deliver the load's answer */
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  g_object_unref (window);
  tarmac_test_wait_for (window == NULL);
  tarmac_test_run_for (50);
}

static void
test_window_demo_notes (void)
{
  g_autoptr(GSettings) settings = g_settings_new (BASE_ID);
  g_autoptr(TarmacStore) store = open_demo ();
  g_autoptr(TarmacNote) newest = NULL;
  TarmacWindow *window;
  TarmacPage *today;
  TarmacPage *network;
  GListModel *notes;
  GtkWidget *row;
  guint n_notes;
  guint64 n_audit;

  /* Reading notes is audited, so a window that opens on another page reads none. */
  g_settings_set_string (settings, "last-page", "flights");
  n_audit = count_audit_rows (store);
  window = tarmac_test_window_new (application, store);
  g_assert_cmpstr (tarmac_window_get_visible_page_name (window), ==, "flights");
  assert_audit_rows (store, n_audit, n_audit);

  /* Today: the latest notes, below the next flights, as compact rows. */
  show_page (window, "today");
  assert_audit_rows (store, n_audit, n_audit + 1);
  today = TARMAC_PAGE (tarmac_window_get_page (window, "today"));
  notes = tarmac_today_page_get_notes (TARMAC_TODAY_PAGE (today));
  g_assert_nonnull (notes);
  n_notes = g_list_model_get_n_items (notes);
  g_assert_cmpuint (n_notes, >, 0);
  g_assert_cmpuint (n_notes, <=, 5);
  g_assert_cmpuint (count_children (GTK_WIDGET (today), TARMAC_TYPE_NOTE_ROW), ==, n_notes);

  row = tarmac_test_find_descendant (GTK_WIDGET (today), TARMAC_TYPE_NOTE_ROW);
  g_assert_true (tarmac_note_row_get_compact (TARMAC_NOTE_ROW (row)));
  g_assert_true (gtk_widget_get_mapped (row));
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_ancestor (row,
                                                                  ADW_TYPE_PREFERENCES_GROUP)));
  newest = g_object_ref (tarmac_note_row_get_note (TARMAC_NOTE_ROW (row)));

  /* Reading notes is audited: the one-minute refresh must not read them, a visit must
   * (the window's reload of the page on show; the map that comes with it in the same turn
   * of the main loop reads nothing more). */
  n_audit = count_audit_rows (store);
  _tarmac_today_page_refresh (TARMAC_TODAY_PAGE (today));
  assert_audit_rows (store, n_audit, n_audit);
  g_assert_true (tarmac_today_page_get_notes (TARMAC_TODAY_PAGE (today)) == notes);
  tarmac_page_reload (today);
  assert_audit_rows (store, n_audit, n_audit + 1);
  tarmac_page_reload (today);
  assert_audit_rows (store, n_audit, n_audit + 1);
  tarmac_test_run_for (10);

  /* A note on Today leads to the Network page. */
  row = tarmac_test_find_descendant (GTK_WIDGET (today), TARMAC_TYPE_NOTE_ROW);
  gtk_widget_activate (row);
  tarmac_test_run_for (10);
  g_assert_cmpstr (tarmac_window_get_visible_page_name (window), ==, "network");

  /* Network: every note, newest first, in full rows instead of the empty state. */
  network = TARMAC_PAGE (tarmac_window_get_page (window, "network"));
  g_assert_false (tarmac_page_get_empty (network));
  notes = tarmac_network_page_get_notes (TARMAC_NETWORK_PAGE (network));
  g_assert_nonnull (notes);
  g_assert_cmpuint (g_list_model_get_n_items (notes), >=, n_notes);
  g_assert_cmpuint (g_list_model_get_n_items (notes), <=, 200);
  g_assert_cmpuint (count_children (GTK_WIDGET (network), TARMAC_TYPE_NOTE_ROW),
                    ==, g_list_model_get_n_items (notes));
  {
    g_autoptr(TarmacNote) first = g_list_model_get_item (notes, 0);

    g_assert_cmpint (tarmac_note_get_id (first), ==, tarmac_note_get_id (newest));
  }

  row = tarmac_test_find_descendant (GTK_WIDGET (network), TARMAC_TYPE_NOTE_ROW);
  g_assert_false (tarmac_note_row_get_compact (TARMAC_NOTE_ROW (row)));
  g_assert_false (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)));
  g_assert_true (gtk_widget_get_mapped (row));

  tarmac_test_window_destroy (window);
}

static void
test_window_empty (void)
{
  g_autoptr(TarmacStore) store = NULL;
  g_autoptr(GError) error = NULL;
  TarmacNetworkPage *network;
  TarmacWindow *window;

  store = tarmac_store_open (":memory:", &error);
  g_assert_no_error (error);
  g_assert_false (tarmac_store_is_demo (store));

  window = tarmac_test_window_new (application, store);
  visit_every_page (window);

  for (guint i = 0; i < G_N_ELEMENTS (page_names); i++)
    {
      TarmacPage *page = TARMAC_PAGE (tarmac_window_get_page (window, page_names[i]));

      g_test_message ("page %s", page_names[i]);
      g_assert_true (tarmac_page_get_empty (page));
    }

  /* No notes: Today has no flights to show them beside, Network shows its empty state. */
  network = TARMAC_NETWORK_PAGE (tarmac_window_get_page (window, "network"));
  g_assert_true (tarmac_network_page_get_notes (network) == NULL ||
                 g_list_model_get_n_items (tarmac_network_page_get_notes (network)) == 0);
  g_assert_cmpuint (count_children (GTK_WIDGET (network), TARMAC_TYPE_NOTE_ROW), ==, 0);
  g_assert_null (tarmac_today_page_get_notes (TARMAC_TODAY_PAGE (tarmac_window_get_page (window,
                                                                                         "today"))));

  /* Other days are empty too. */
  tarmac_flights_page_set_day (TARMAC_FLIGHTS_PAGE (tarmac_window_get_page (window, "flights")),
                               "2020-02-29");
  tarmac_test_run_for (10);
  g_assert_true (tarmac_page_get_empty (TARMAC_PAGE (tarmac_window_get_page (window, "flights"))));

  tarmac_test_window_destroy (window);
}

static void
test_window_store_error (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TarmacStore) store = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  TarmacWindow *window;

  dir = g_dir_make_tmp ("tarmac-test-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "notes.db", NULL);
  g_file_set_contents (path, "These are not the flights you are looking for.\n", -1, &error);
  g_assert_no_error (error);

  store = tarmac_store_open (path, &error);
  g_assert_null (store);
  g_assert_nonnull (error);

  window = tarmac_test_window_new (application, NULL);
  tarmac_window_show_store_error (window, path, error);
  tarmac_test_run_for (20);
  g_assert_null (tarmac_window_get_store (window));

  /* Page actions do nothing without a database. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "flights");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL);
  tarmac_test_run_for (10);
  g_assert_null (tarmac_window_get_visible_page_name (window));
  tarmac_test_window_destroy (window);

  /* A database from a newer Tarmac gets its own explanation. */
  g_clear_error (&error);
  g_set_error_literal (&error, TARMAC_STORE_ERROR, TARMAC_STORE_ERROR_TOO_NEW, "too new");
  window = tarmac_test_window_new (application, NULL);
  tarmac_window_show_store_error (window, path, error);
  tarmac_test_run_for (20);
  tarmac_test_window_destroy (window);

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_window_preferences (void)
{
  g_autoptr(GSettings) settings = g_settings_new (BASE_ID);
  g_autoptr(TarmacStore) store = open_demo ();
  TarmacWindow *window = tarmac_test_window_new (application, store);
  TarmacPreferencesWindow *preferences;
  TarmacPage *network;
  GtkWidget *hub_row;

  preferences = tarmac_preferences_window_new (GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (preferences));
  tarmac_test_run_for (50);

  /* The demo does not share: the Network page says it is not connected, and offers no
   * enrolment (its data is generated again at each start). The hub address is only the
   * enrolment form's default now: it does not make a workstation connected. */
  show_page (window, "network");
  network = TARMAC_PAGE (tarmac_window_get_page (window, "network"));
  hub_row = tarmac_test_find_descendant (GTK_WIDGET (network), ADW_TYPE_ACTION_ROW);
  g_assert_nonnull (hub_row);
  g_assert_nonnull (strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (hub_row)),
                            "hub"));
  g_assert_null (tarmac_window_get_sync_service (window));
  g_settings_set_string (settings, "hub-address", "https://hub.example:8443");
  tarmac_test_run_for (10);
  g_assert_null (strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (hub_row)),
                         "https://hub.example:8443"));
  g_settings_reset (settings, "hub-address");
  tarmac_test_run_for (10);

  gtk_window_destroy (GTK_WINDOW (preferences));
  tarmac_test_window_destroy (window);
}

static char *
expected_retain_year (int years)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) until = g_date_time_add_years (now, years);

  return g_date_time_format (until, "%Y-");
}

static void
test_window_retention (void)
{
  g_autoptr(GSettings) settings = g_settings_new (BASE_ID);
  g_autoptr(TarmacStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *until = NULL;
  g_autofree char *year = NULL;
  TarmacWindow *window;

  store = tarmac_store_open (":memory:", &error);
  g_assert_no_error (error);

  /* The setting reaches the store when the window gets it… */
  g_settings_set_int (settings, "retention-delete-years", 7);
  window = tarmac_test_window_new (application, store);
  until = _tarmac_store_retain_until (store);
  year = expected_retain_year (7);
  g_assert_true (g_str_has_prefix (until, year));

  /* …and whenever it changes. */
  g_settings_set_int (settings, "retention-delete-years", 12);
  tarmac_test_run_for (10);
  g_clear_pointer (&until, g_free);
  g_clear_pointer (&year, g_free);
  until = _tarmac_store_retain_until (store);
  year = expected_retain_year (12);
  g_assert_true (g_str_has_prefix (until, year));

  /* A closed window lets go of the setting. */
  tarmac_test_window_destroy (window);
  g_settings_set_int (settings, "retention-delete-years", 3);
  tarmac_test_run_for (10);
  g_clear_pointer (&until, g_free);
  until = _tarmac_store_retain_until (store);
  g_assert_true (g_str_has_prefix (until, year));

  g_settings_reset (settings, "retention-delete-years");
}

/* A UTC ISO 8601 timestamp for a local date and time. */
static char *
utc_timestamp (int year,
               int month,
               int day,
               int hour,
               int minute)
{
  g_autoptr(GDateTime) local = g_date_time_new_local (year, month, day, hour, minute, 0);
  g_autoptr(GDateTime) utc = g_date_time_to_utc (local);

  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

static void
assert_short (GDateTime  *now,
              const char *timestamp,
              const char *expected)
{
  g_autofree char *text = tarmac_format_timestamp_short (timestamp, now);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_format_timestamp (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_local (2026, 11, 22, 12, 0, 0);
  g_autoptr(GDateTime) three_days_ago = g_date_time_new_local (2026, 11, 19, 9, 0, 0);
  g_autofree char *weekday = g_date_time_format (three_days_ago, "%A");
  g_autofree char *stamp = NULL;
  g_autofree char *text = NULL;

  stamp = utc_timestamp (2026, 11, 22, 6, 45);
  assert_short (now, stamp, "06:45");
  g_clear_pointer (&stamp, g_free);

  stamp = utc_timestamp (2026, 11, 21, 23, 59);
  assert_short (now, stamp, "Yesterday");
  g_clear_pointer (&stamp, g_free);

  stamp = utc_timestamp (2026, 11, 19, 9, 0);
  assert_short (now, stamp, weekday);
  g_clear_pointer (&stamp, g_free);

  stamp = utc_timestamp (2026, 10, 13, 9, 0);
  assert_short (now, stamp, "13 Oct");
  g_clear_pointer (&stamp, g_free);

  stamp = utc_timestamp (2025, 11, 22, 9, 0);
  assert_short (now, stamp, "22 Nov 2025");

  /* Later than now (a clock ahead elsewhere): a date, never "in 3 days". */
  g_clear_pointer (&stamp, g_free);
  stamp = utc_timestamp (2026, 11, 25, 9, 0);
  assert_short (now, stamp, "25 Nov");

  assert_short (now, NULL, NULL);
  assert_short (now, "", NULL);
  assert_short (now, "yesterday at noon", NULL);

  text = tarmac_format_timestamp_long (stamp);
  g_assert_cmpstr (text, ==, "Wednesday 25 November 2026, 09:00");
  g_clear_pointer (&text, g_free);
  g_assert_null (tarmac_format_timestamp_long ("2026-13-45T99:00:00Z"));
}

/* Stored times are UTC; the officer reads them in the local (airport) time. */
static void
test_format_local_time (void)
{
  g_autofree char *old_tz = g_strdup (g_getenv ("TZ"));
  g_autofree char *bogota = NULL;
  g_autofree char *utc = NULL;
  g_autofree char *bare = NULL;

  g_setenv ("TZ", "UTC", TRUE);
  utc = tarmac_format_time ("2026-11-22T07:05:00Z");
  g_setenv ("TZ", "COT+5", TRUE);
  bogota = tarmac_format_time ("2026-11-22T07:05:00Z");
  bare = tarmac_format_time ("23:40");

  if (old_tz != NULL)
    g_setenv ("TZ", old_tz, TRUE);
  else
    g_unsetenv ("TZ");

  g_assert_cmpstr (utc, ==, "07:05");
  g_assert_cmpstr (bogota, ==, "02:05");
  g_assert_cmpstr (bare, ==, "23:40");
}

/* Airline times have no zone and often no seconds: written out as given, in full,
 * whatever the machine's zone; one that names its zone is converted. */
static void
test_format_source_time (void)
{
  g_autofree char *old_tz = g_strdup (g_getenv ("TZ"));
  g_autofree char *minutes = NULL;
  g_autofree char *seconds = NULL;
  g_autofree char *zoned = NULL;

  g_setenv ("TZ", "COT+5", TRUE);
  minutes = tarmac_format_source_time_long ("2026-03-02T10:15");
  seconds = tarmac_format_source_time_long ("2026-03-02 10:15:30");
  zoned = tarmac_format_source_time_long ("2026-03-02T10:15:00Z");

  if (old_tz != NULL)
    g_setenv ("TZ", old_tz, TRUE);
  else
    g_unsetenv ("TZ");

  g_assert_cmpstr (minutes, ==, "Monday 2 March 2026, 10:15");
  g_assert_cmpstr (seconds, ==, "Monday 2 March 2026, 10:15");
  g_assert_cmpstr (zoned, ==, "Monday 2 March 2026, 05:15");
  g_assert_null (tarmac_format_source_time_long (NULL));
  g_assert_null (tarmac_format_source_time_long ("2026-03-02"));
  g_assert_null (tarmac_format_source_time_long ("2026-02-30T10:15"));
  g_assert_null (tarmac_format_source_time_long ("next Monday at 10"));
}

/* Ctrl+Q with two windows open closes both; closing a window takes it out of the list
 * quit walks, which once made it read freed memory. */
static void
test_window_quit (void)
{
  g_autoptr(TarmacStore) store = open_demo ();

  tarmac_test_window_new (application, store);
  tarmac_test_window_new (application, store);
  tarmac_test_run_for (50);
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (application))),
                    ==, 2);

  g_action_group_activate_action (G_ACTION_GROUP (application), "quit", NULL);
  tarmac_test_run_for (50);

  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (application)));
}

static void
test_format_note (void)
{
  g_autoptr(TarmacNote) flight_note = NULL;
  g_autoptr(TarmacNote) plain_note = NULL;
  g_autofree char *subject = NULL;

  flight_note = g_object_new (TARMAC_TYPE_NOTE,
                              "subject-type", "flight",
                              "subject-ref", "ET 935",
                              "body", "Check the crew.",
                              NULL);
  subject = tarmac_format_note_subject (flight_note);
  g_assert_cmpstr (subject, ==, "Flight ET 935");

  plain_note = g_object_new (TARMAC_TYPE_NOTE, "body", "For information.", NULL);
  g_assert_null (tarmac_format_note_subject (plain_note));

  g_assert_cmpstr (tarmac_format_note_priority (TARMAC_NOTE_PRIORITY_URGENT), ==, "Urgent");
  g_assert_cmpstr (tarmac_format_note_priority (TARMAC_NOTE_PRIORITY_PRIORITY), ==, "Priority");
  g_assert_null (tarmac_format_note_priority (TARMAC_NOTE_PRIORITY_ROUTINE));
}

static void
test_window_about (void)
{
  g_autoptr(TarmacStore) store = open_demo ();
  TarmacWindow *window = tarmac_test_window_new (application, store);
  GList *windows;
  GtkWindow *about = NULL;

  g_action_group_activate_action (G_ACTION_GROUP (application), "about", NULL);
  tarmac_test_run_for (50);

  windows = gtk_window_list_toplevels ();
  for (GList *l = windows; l != NULL; l = l->next)
    {
      if (ADW_IS_ABOUT_WINDOW (l->data))
        about = l->data;
    }
  g_list_free (windows);

  g_assert_nonnull (about);
  g_assert_cmpstr (adw_about_window_get_application_name (ADW_ABOUT_WINDOW (about)), ==, "Tarmac");
  gtk_window_destroy (about);

  /* The shortcuts window comes from the resource. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  tarmac_test_run_for (50);
  g_assert_nonnull (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));

  tarmac_test_window_destroy (window);
}

static void
test_window_narrow (void)
{
  g_autoptr(TarmacStore) store = open_demo ();
  TarmacWindow *window = tarmac_window_new (application, store);
  AdwLeaflet *leaflet;

  gtk_window_set_default_size (GTK_WINDOW (window), 400, 700);
  gtk_window_present (GTK_WINDOW (window));

  /* The leaflet folds once the window is allocated, which a loaded machine (the suite
   * runs beside builds) may take well over 100 ms to get to: wait up to 10 s. */
  leaflet = ADW_LEAFLET (tarmac_test_find_descendant (GTK_WIDGET (window), ADW_TYPE_LEAFLET));
  tarmac_test_wait_for (adw_leaflet_get_folded (leaflet));

  visit_every_page (window);
  open_first_flight (window);

  tarmac_test_window_destroy (window);
}

static void
test_window_rtl (void)
{
  g_autoptr(TarmacStore) store = open_demo ();
  TarmacWindow *window;

  gtk_widget_set_default_direction (GTK_TEXT_DIR_RTL);

  window = tarmac_test_window_new (application, store);
  g_assert_cmpint (gtk_widget_get_direction (GTK_WIDGET (window)), ==, GTK_TEXT_DIR_RTL);
  visit_every_page (window);
  open_first_flight (window);
  tarmac_test_window_destroy (window);

  gtk_widget_set_default_direction (GTK_TEXT_DIR_LTR);
}

/* Imports @path through the code path of win.import and drops, and waits (bounded) for
 * the batch to end. Returns the batch's reports. */
static GPtrArray *
import_and_wait (TarmacWindow *window,
                 const char   *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  _tarmac_window_import_files (window, &file, 1);
  tarmac_test_wait_for (!_tarmac_window_get_importing (window));
  tarmac_test_run_for (10);

  g_assert_nonnull (_tarmac_window_get_import_toast (window));
  g_assert_nonnull (_tarmac_window_get_import_reports (window));
  g_assert_cmpuint (_tarmac_window_get_import_reports (window)->len, ==, 1);

  return _tarmac_window_get_import_reports (window);
}

static void
test_window_import (void)
{
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "data", "import",
                                                    "d02b-passengers.edi", NULL);
  g_autofree char *dir = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *first_day = NULL;
  g_autofree char *last_day = NULL;
  g_autoptr(TarmacStore) store = NULL;
  g_autoptr(GError) error = NULL;
  TarmacFlightsPage *flights;
  const TarmacImportReport *report;
  GtkWindow *report_window;
  GPtrArray *reports;
  TarmacWindow *window;

  /* A file, not ":memory:": the import runs in a thread on a second connection. */
  dir = g_dir_make_tmp ("tarmac-import-XXXXXX", &error);
  g_assert_no_error (error);
  db_path = g_build_filename (dir, "tarmac.db", NULL);
  store = tarmac_store_open (db_path, &error);
  g_assert_no_error (error);

  window = tarmac_test_window_new (application, store);
  show_page (window, "flights");
  flights = TARMAC_FLIGHTS_PAGE (tarmac_window_get_page (window, "flights"));
  g_assert_true (tarmac_page_get_empty (TARMAC_PAGE (flights)));
  g_assert_null (tarmac_store_get_flight_days_range (store, NULL));

  reports = import_and_wait (window, fixture);
  report = g_ptr_array_index (reports, 0);
  g_assert_cmpint (report->result, ==, TARMAC_IMPORT_RESULT_IMPORTED);
  g_assert_cmpuint (report->n_flights, >, 0);
  g_assert_cmpstr (adw_toast_get_title (_tarmac_window_get_import_toast (window)), ==,
                   "1 file imported");

  /* The window's connection sees the flight, and the Flights page reloaded. */
  first_day = tarmac_store_get_flight_days_range (store, &last_day);
  g_assert_nonnull (first_day);
  tarmac_flights_page_set_day (flights, first_day);
  tarmac_test_run_for (10);
  g_assert_false (tarmac_page_get_empty (TARMAC_PAGE (flights)));
  g_assert_cmpuint (g_list_model_get_n_items (tarmac_flights_page_get_flights (flights)), >, 0);

  /* The report lists the file. */
  report_window = _tarmac_window_show_import_report (window);
  g_assert_nonnull (report_window);
  tarmac_test_run_for (50);
  {
    GtkWidget *view = tarmac_test_find_descendant (GTK_WIDGET (report_window), GTK_TYPE_TEXT_VIEW);
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
    GtkTextIter start, end;
    g_autofree char *text = NULL;

    /* The format in words, not its identifier. */
    gtk_text_buffer_get_bounds (buffer, &start, &end);
    text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    g_assert_nonnull (strstr (text, "Format: Passenger manifest (PAXLST) — Imported"));
  }
  gtk_window_destroy (report_window);

  /* The same file again is a duplicate. */
  reports = import_and_wait (window, fixture);
  report = g_ptr_array_index (reports, 0);
  g_assert_cmpint (report->result, ==, TARMAC_IMPORT_RESULT_DUPLICATE);
  g_assert_cmpstr (adw_toast_get_title (_tarmac_window_get_import_toast (window)), ==,
                   "1 already imported");

  tarmac_test_window_destroy (window);
  g_clear_object (&store);

  tarmac_test_remove_database (dir, db_path);
}

static gboolean
has_label_containing (GtkWidget  *widget,
                      const char *needle)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child) &&
          strstr (gtk_label_get_label (GTK_LABEL (child)), needle) != NULL)
        return TRUE;
      if (has_label_containing (child, needle))
        return TRUE;
    }
  return FALSE;
}

/* The Preferences' airport reaches the database the window opens, now and on change, so
 * imports (which read it there) see flights from this airport. */
static void
test_window_airport_code (void)
{
  g_autoptr(GSettings) settings = g_settings_new (BASE_ID);
  g_autoptr(TarmacStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *code = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "import",
                                                 "d02b-passengers.edi", NULL);
  TarmacWindow *window;

  store = tarmac_store_open (":memory:", &error);
  g_assert_no_error (error);
  g_settings_set_string (settings, "airport-code", " lis ");

  window = tarmac_test_window_new (application, store);
  code = tarmac_store_get_airport_code (store);
  g_assert_cmpstr (code, ==, "LIS");
  g_clear_pointer (&code, g_free);

  g_settings_set_string (settings, "airport-code", "OS");
  code = tarmac_store_get_airport_code (store);
  g_assert_cmpstr (code, ==, "LIS");
  g_clear_pointer (&code, g_free);
  g_settings_set_string (settings, "airport-code", "OSL");
  code = tarmac_store_get_airport_code (store);
  g_assert_cmpstr (code, ==, "OSL");

  g_assert_true (tarmac_import_file (store, path, NULL, NULL, &error));
  g_assert_no_error (error);
  {
    g_autoptr(GListModel) flights = tarmac_store_list_flights (store, "2026-03-14",
                                                               "2026-03-14", &error);
    g_autoptr(TarmacFlight) flight = g_list_model_get_item (flights, 0);

    g_assert_no_error (error);
    g_assert_cmpint (tarmac_flight_get_direction (flight), ==, TARMAC_DIRECTION_OUTBOUND);
  }

  tarmac_test_window_destroy (window);
  g_settings_reset (settings, "airport-code");
}

/* A multi-part manifest missing its part 2: the flight's header says so. */
static void
test_window_incomplete_manifest (void)
{
  g_autoptr(TarmacStore) store = NULL;
  g_autoptr(GError) error = NULL;
  TarmacFlightsPage *flights;
  TarmacFlightPage *flight_page;
  TarmacWindow *window;

  store = tarmac_store_open (":memory:", &error);
  g_assert_no_error (error);
  for (guint part = 1; part <= 3; part += 2)
    {
      g_autofree char *name = g_strdup_printf ("multipart-part%u.edi", part);
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "import", name,
                                                     NULL);

      g_assert_true (tarmac_import_file (store, path, NULL, NULL, &error));
      g_assert_no_error (error);
    }

  window = tarmac_test_window_new (application, store);
  show_page (window, "flights");
  flights = TARMAC_FLIGHTS_PAGE (tarmac_window_get_page (window, "flights"));
  tarmac_flights_page_set_day (flights, "2026-06-01");
  tarmac_test_run_for (10);
  flight_page = open_first_flight (window);
  g_assert_false (tarmac_flight_get_manifest_complete (tarmac_flight_page_get_flight (flight_page)));
  g_assert_true (has_label_containing (GTK_WIDGET (flight_page),
                                       "Manifest incomplete (parts 1, 3 of 3)"));

  tarmac_test_window_destroy (window);
}

static gint64
count_messages (TarmacStore *store)
{
  g_autoptr(sqlite3_stmt) stmt = _tarmac_store_prepare (store, "SELECT count(*) FROM message",
                                                        NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

/* Waits, bounded, until the store holds @n messages. */
static void
wait_for_messages (TarmacStore *store,
                   gint64       n)
{
  tarmac_test_wait_for (count_messages (store) >= n);
  g_assert_cmpint (count_messages (store), ==, n);
}

/* The drop folder: a file already there when watching starts, and one renamed into it
 * later (the way careful senders deliver), are imported without the officer. */
static void
test_window_drop_folder (void)
{
  g_autoptr(GSettings) settings = g_settings_new (BASE_ID);
  g_autoptr(TarmacStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("tarmac-drop-XXXXXX", &error);
  g_autofree char *drop = g_build_filename (dir, "drop", NULL);
  g_autofree char *db_path = g_build_filename (dir, "tarmac.db", NULL);
  g_autofree char *first = g_build_filename (drop, "first.edi", NULL);
  g_autofree char *partial = g_build_filename (drop, "second.edi.part", NULL);
  g_autofree char *second = g_build_filename (drop, "second.edi", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *later = NULL;
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "data", "import",
                                                    "d02b-passengers.edi", NULL);
  g_autofree char *fixture2 = g_test_build_filename (G_TEST_DIST, "data", "import",
                                                     "multipart-part1.edi", NULL);
  TarmacWindow *window;

  g_assert_no_error (error);
  g_assert_cmpint (g_mkdir (drop, 0700), ==, 0);
  g_assert_true (g_file_get_contents (fixture, &contents, NULL, NULL));
  g_assert_true (g_file_set_contents (first, contents, -1, NULL));

  store = tarmac_store_open (db_path, &error);
  g_assert_no_error (error);

  g_settings_set_string (settings, "drop-folder", drop);
  g_settings_set_boolean (settings, "watch-drop-folder", TRUE);

  window = tarmac_test_window_new (application, store);
  wait_for_messages (store, 1);

  /* Half-written files are left alone until they are renamed into place. */
  g_assert_true (g_file_get_contents (fixture2, &later, NULL, NULL));
  g_assert_true (g_file_set_contents (partial, later, -1, NULL));
  tarmac_test_run_for (300);
  g_assert_cmpint (count_messages (store), ==, 1);
  g_assert_cmpint (g_rename (partial, second), ==, 0);
  wait_for_messages (store, 2);

  /* Switched off, nothing more is watched. */
  g_settings_set_boolean (settings, "watch-drop-folder", FALSE);
  g_assert_cmpuint (_tarmac_window_get_drop_pending (window), ==, 0);

  tarmac_test_window_destroy (window);
  g_settings_reset (settings, "drop-folder");
  g_settings_reset (settings, "watch-drop-folder");
  g_clear_object (&store);

  {
    const char *files[] = { first, second };
    const char *suffixes[] = { "", "-wal", "-shm" };

    for (guint i = 0; i < G_N_ELEMENTS (files); i++)
      g_remove (files[i]);
    for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
      {
        g_autofree char *name = g_strconcat (db_path, suffixes[i], NULL);
        g_remove (name);
      }
    g_rmdir (drop);
    g_rmdir (dir);
  }
}

/* A folder of thousands of files is listed in the background: the window is up before a
 * single name is read, and the one manifest among them is imported in the end. */
static void
test_window_drop_folder_many (void)
{
  g_autoptr(GSettings) settings = g_settings_new (BASE_ID);
  g_autoptr(TarmacStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("tarmac-drop-many-XXXXXX", &error);
  g_autofree char *drop = g_build_filename (dir, "drop", NULL);
  g_autofree char *db_path = g_build_filename (dir, "tarmac.db", NULL);
  g_autofree char *manifest = g_build_filename (drop, "manifest.edi", NULL);
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "data", "import",
                                                    "d02b-passengers.edi", NULL);
  g_autofree char *contents = NULL;
  TarmacWindow *window;
  const guint n_files = 3000;

  g_assert_no_error (error);
  g_assert_cmpint (g_mkdir (drop, 0700), ==, 0);
  /* Names the drop folder ignores (half-written, hidden), so only listing them costs. */
  for (guint i = 0; i < n_files; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s/upload-%04u.part", drop, i);

      g_assert_true (g_file_set_contents (name, "", 0, NULL));
    }
  g_assert_true (g_file_get_contents (fixture, &contents, NULL, NULL));
  g_assert_true (g_file_set_contents (manifest, contents, -1, NULL));

  store = tarmac_store_open (db_path, &error);
  g_assert_no_error (error);
  g_settings_set_string (settings, "drop-folder", drop);
  g_settings_set_boolean (settings, "watch-drop-folder", TRUE);

  window = tarmac_window_new (application, store);
  g_assert_true (_tarmac_window_get_drop_listing (window));
  g_assert_cmpuint (_tarmac_window_get_drop_pending (window), ==, 0);
  gtk_window_present (GTK_WINDOW (window));

  wait_for_messages (store, 1);
  tarmac_test_wait_for (!_tarmac_window_get_drop_listing (window));

  tarmac_test_window_destroy (window);
  g_settings_reset (settings, "drop-folder");
  g_settings_reset (settings, "watch-drop-folder");
  g_clear_object (&store);

  for (guint i = 0; i < n_files; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s/upload-%04u.part", drop, i);

      g_remove (name);
    }
  g_remove (manifest);
  {
    const char *suffixes[] = { "", "-wal", "-shm" };

    for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
      {
        g_autofree char *name = g_strconcat (db_path, suffixes[i], NULL);
        g_remove (name);
      }
  }
  g_rmdir (drop);
  g_rmdir (dir);
}

static void
test_window_import_junk (void)
{
  g_autofree char *junk = g_test_build_filename (G_TEST_DIST, "data", "import", "junk.txt",
                                                 NULL);
  g_autoptr(TarmacStore) store = NULL;
  g_autoptr(GError) error = NULL;
  const TarmacImportReport *report;
  GPtrArray *reports;
  TarmacWindow *window;

  /* ":memory:" imports synchronously on the window's own connection. */
  store = tarmac_store_open (":memory:", &error);
  g_assert_no_error (error);

  window = tarmac_test_window_new (application, store);
  reports = import_and_wait (window, junk);
  report = g_ptr_array_index (reports, 0);
  g_assert_cmpint (report->result, ==, TARMAC_IMPORT_RESULT_FAILED);
  g_assert_nonnull (report->error_message);
  g_assert_cmpstr (adw_toast_get_title (_tarmac_window_get_import_toast (window)), ==,
                   "1 refused");
  g_assert_null (tarmac_store_get_flight_days_range (store, NULL));
  g_assert_true (tarmac_page_get_empty (TARMAC_PAGE (tarmac_window_get_page (window, "flights"))));

  tarmac_test_window_destroy (window);
}

/* A spreadsheet opened in the window goes through the preview: the flight prefilled from
 * the title row, a column corrected, then Import; the corrected mapping is stored and
 * used again for the next file of the layout. Cancel imports nothing. */
static void
test_window_sheet_preview (void)
{
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "data", "sheets",
                                                    "manifest-en.csv", NULL);
  g_autofree char *noflight = g_test_build_filename (G_TEST_DIST, "data", "sheets",
                                                     "manifest-noflight.csv", NULL);
  g_autofree char *dir = NULL;
  g_autofree char *db_path = NULL;
  g_autoptr(TarmacStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (fixture);
  g_autoptr(GFile) other = g_file_new_for_path (noflight);
  TarmacSheetPreview *preview;
  TarmacSheetMapping *mapping;
  const TarmacImportReport *report;
  TarmacWindow *window;

  dir = g_dir_make_tmp ("tarmac-sheet-XXXXXX", &error);
  g_assert_no_error (error);
  db_path = g_build_filename (dir, "tarmac.db", NULL);
  store = tarmac_store_open (db_path, &error);
  g_assert_no_error (error);
  window = tarmac_test_window_new (application, store);

  _tarmac_window_open_files (window, &file, 1);
  tarmac_test_run_for (100);
  preview = TARMAC_SHEET_PREVIEW (_tarmac_window_get_sheet_preview (window));
  g_assert_nonnull (preview);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (preview)));
  g_assert_false (_tarmac_window_get_importing (window));

  /* What the mapper found: the flight from the title row, the columns from the headers;
   * the view holds the picker row and the three travellers. */
  mapping = tarmac_sheet_preview_get_mapping (preview);
  g_assert_cmpstr (tarmac_sheet_mapping_get_carrier (mapping), ==, "AF");
  g_assert_cmpstr (tarmac_sheet_mapping_get_origin (mapping), ==, "CDG");
  g_assert_cmpint (tarmac_sheet_mapping_get_field (mapping, 8), ==,
                   TARMAC_SHEET_FIELD_BOOKING_REFERENCE);
  g_assert_true (tarmac_sheet_preview_can_import (preview));
  g_assert_cmpuint (count_children (GTK_WIDGET (preview), GTK_TYPE_DROP_DOWN), >=, 11);

  /* The officer says column I is not a booking reference. */
  tarmac_sheet_preview_set_field (preview, 8, TARMAC_SHEET_FIELD_IGNORE);
  tarmac_test_run_for (50);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (preview), "preview.import", NULL));
  g_assert_null (_tarmac_window_get_sheet_preview (window));

  tarmac_test_run_for (10);
  tarmac_test_wait_for (!_tarmac_window_get_importing (window));
  tarmac_test_run_for (10);
  report = g_ptr_array_index (_tarmac_window_get_import_reports (window), 0);
  g_assert_cmpint (report->result, ==, TARMAC_IMPORT_RESULT_IMPORTED);
  g_assert_cmpuint (report->n_travellers, ==, 3);
  g_assert_cmpstr (report->format, ==, "csv");
  g_assert_cmpint (tarmac_test_count (store, "SELECT count(*) FROM traveller"
                                      " WHERE booking_reference IS NOT NULL"), ==, 0);
  g_assert_cmpint (tarmac_test_count (store, "SELECT count(*) FROM sheet_mapping"
                                      " WHERE carrier = 'AF'"), ==, 1);

  /* A file without a flight: Import stays off until the flight is given; Cancel (or
   * Escape) imports nothing. */
  _tarmac_window_open_files (window, &other, 1);
  tarmac_test_run_for (100);
  preview = TARMAC_SHEET_PREVIEW (_tarmac_window_get_sheet_preview (window));
  g_assert_nonnull (preview);
  g_assert_false (tarmac_sheet_preview_can_import (preview));
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (preview), "preview.import", NULL) &&
                  _tarmac_window_get_sheet_preview (window) == NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (preview), "preview.cancel", NULL));
  tarmac_test_run_for (50);
  g_assert_null (_tarmac_window_get_sheet_preview (window));
  g_assert_false (_tarmac_window_get_importing (window));
  g_assert_cmpint (tarmac_test_count (store, "SELECT count(*) FROM traveller"), ==, 3);

  tarmac_test_window_destroy (window);
  g_clear_object (&store);
  tarmac_test_remove_database (dir, db_path);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  if (!tarmac_test_has_display ("window tests"))
    return 77;

  gtk_test_init (&argc, &argv, NULL);
  application = tarmac_test_application_new ();

  g_test_add_func ("/window/demo/pages", test_window_demo_pages);
  g_test_add_func ("/window/demo/flight", test_window_demo_flight);
  g_test_add_func ("/window/demo/search", test_window_demo_search);
  g_test_add_func ("/window/demo/traveller", test_window_demo_traveller);
  g_test_add_func ("/window/demo/notes", test_window_demo_notes);
  g_test_add_func ("/window/empty", test_window_empty);
  g_test_add_func ("/window/store-error", test_window_store_error);
  g_test_add_func ("/window/preferences", test_window_preferences);
  g_test_add_func ("/window/retention", test_window_retention);
  g_test_add_func ("/window/about", test_window_about);
  g_test_add_func ("/window/narrow", test_window_narrow);
  g_test_add_func ("/window/rtl", test_window_rtl);
  g_test_add_func ("/window/import", test_window_import);
  g_test_add_func ("/window/sheet-preview", test_window_sheet_preview);
  g_test_add_func ("/window/incomplete-manifest", test_window_incomplete_manifest);
  g_test_add_func ("/window/airport-code", test_window_airport_code);
  g_test_add_func ("/window/import-junk", test_window_import_junk);
  g_test_add_func ("/window/quit", test_window_quit);
  g_test_add_func ("/window/drop-folder", test_window_drop_folder);
  g_test_add_func ("/window/drop-folder-many", test_window_drop_folder_many);
  g_test_add_func ("/format/timestamp", test_format_timestamp);
  g_test_add_func ("/format/local-time", test_format_local_time);
  g_test_add_func ("/format/source-time", test_format_source_time);
  g_test_add_func ("/format/note", test_format_note);

  ret = g_test_run ();

  g_clear_object (&application);

  return ret;
}
