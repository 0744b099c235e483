/* test-window.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "tarmac-application.h"
#include "tarmac-demo.h"
#include "tarmac-flight-page.h"
#include "tarmac-flight-row.h"
#include "tarmac-flights-page.h"
#include "tarmac-page.h"
#include "tarmac-preferences-window.h"
#include "tarmac-search-page.h"
#include "tarmac-window.h"

/* Widget tests of the main window, run against the demo database and an empty one. */

static TarmacApplication *application;

static const char *page_names[] = {
  "today", "flights", "search", "hits", "cargo", "seizures", "network", "watchlists",
};

static gboolean
timeout_cb (gpointer user_data)
{
  gboolean *done = user_data;

  *done = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop for @ms milliseconds: layout, frames, idles and timeouts happen. */
static void
run_for (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;

      if ((found = find_descendant (child, type)) != NULL)
        return found;
    }

  return NULL;
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

static TarmacWindow *
create_window (TarmacStore *store)
{
  TarmacWindow *window = tarmac_window_new (application, store);

  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 600);
  gtk_window_present (GTK_WINDOW (window));
  run_for (50);

  return window;
}

static void
destroy_window (TarmacWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  run_for (10);
}

static void
show_page (TarmacWindow *window,
           const char   *name)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", name));
  run_for (10);
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
      g_assert_nonnull (tarmac_page_get_title (page));
      g_assert_nonnull (tarmac_page_get_icon_name (page));
    }
}

static void
test_window_demo_pages (void)
{
  g_autoptr(TarmacStore) store = open_demo ();
  g_auto(GStrv) actions = NULL;
  TarmacWindow *window = create_window (store);

  visit_every_page (window);

  /* The demo has flights today, so Today and Flights show data. */
  show_page (window, "today");
  g_assert_false (tarmac_page_get_empty (TARMAC_PAGE (tarmac_window_get_page (window, "today"))));
  g_assert_false (tarmac_page_get_empty (TARMAC_PAGE (tarmac_window_get_page (window, "flights"))));

  /* Ctrl+F goes to Search. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL));
  run_for (10);
  g_assert_cmpstr (tarmac_window_get_visible_page_name (window), ==, "search");

  /* Alt+1…8 are wired to the pages. */
  actions = gtk_application_get_actions_for_accel (GTK_APPLICATION (application), "<Alt>2");
  g_assert_nonnull (actions);
  g_assert_cmpstr (actions[0], ==, "win.show-page::flights");

  show_page (window, "network");
  destroy_window (window);

  /* The last page comes back with the next window. */
  window = create_window (store);
  g_assert_cmpstr (tarmac_window_get_visible_page_name (window), ==, "network");
  show_page (window, "today");
  destroy_window (window);
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
  row = find_descendant (GTK_WIDGET (flights_page), TARMAC_TYPE_FLIGHT_ROW);
  g_assert_nonnull (row);
  gtk_widget_activate (row);
  run_for (10);

  g_assert_cmpstr (tarmac_window_get_visible_page_name (window), ==, "flight");

  return TARMAC_FLIGHT_PAGE (tarmac_window_get_page (window, "flight"));
}

static void
test_window_demo_flight (void)
{
  g_autoptr(TarmacStore) store = open_demo ();
  g_autoptr(TarmacTraveller) traveller = NULL;
  g_autoptr(GtkColumnViewColumn) name_column = NULL;
  TarmacWindow *window = create_window (store);
  TarmacFlightPage *flight_page;
  GtkColumnView *column_view;
  GListModel *model;
  GListModel *travellers;
  guint n_travellers;

  flight_page = open_first_flight (window);
  travellers = tarmac_flight_page_get_travellers (flight_page);
  n_travellers = g_list_model_get_n_items (travellers);
  g_assert_cmpuint (n_travellers, >, 0);

  column_view = GTK_COLUMN_VIEW (find_descendant (GTK_WIDGET (flight_page), GTK_TYPE_COLUMN_VIEW));
  g_assert_nonnull (column_view);
  model = G_LIST_MODEL (gtk_column_view_get_model (column_view));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_travellers);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_column_view_get_columns (column_view)), ==, 7);

  /* The filter ignores case, and an impossible filter empties the table. */
  traveller = g_list_model_get_item (travellers, 0);
  {
    g_autofree char *lower = g_utf8_strdown (tarmac_traveller_get_full_name (traveller), -1);

    tarmac_flight_page_set_filter (flight_page, lower);
    run_for (10);
    g_assert_cmpuint (g_list_model_get_n_items (travellers), >=, 1);
    g_assert_cmpuint (g_list_model_get_n_items (travellers), <=, n_travellers);
  }

  tarmac_flight_page_set_filter (flight_page, "no such traveller 0000");
  run_for (10);
  g_assert_cmpuint (g_list_model_get_n_items (travellers), ==, 0);

  tarmac_flight_page_set_filter (flight_page, NULL);
  run_for (10);
  g_assert_cmpuint (g_list_model_get_n_items (travellers), ==, n_travellers);

  /* Sorting by a column keeps every row. */
  name_column = g_list_model_get_item (gtk_column_view_get_columns (column_view), 0);
  gtk_column_view_sort_by_column (column_view, name_column, GTK_SORT_DESCENDING);
  run_for (10);
  g_assert_cmpuint (g_list_model_get_n_items (travellers), ==, n_travellers);

  /* Back returns to the flights of the day. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.go-back", NULL));
  run_for (10);
  g_assert_cmpstr (tarmac_window_get_visible_page_name (window), ==, "flights");

  destroy_window (window);
}

static void
test_window_demo_search (void)
{
  g_autoptr(TarmacStore) store = open_demo ();
  g_autoptr(TarmacTraveller) traveller = NULL;
  TarmacWindow *window = create_window (store);
  TarmacFlightPage *flight_page;
  TarmacSearchPage *search_page;
  GListModel *travellers;
  GListModel *results;
  const char *surname;

  /* Take a real name from a flight of the demo. */
  flight_page = open_first_flight (window);
  traveller = g_list_model_get_item (tarmac_flight_page_get_travellers (flight_page), 0);
  surname = tarmac_traveller_get_surname (traveller);
  g_assert_nonnull (surname);

  show_page (window, "search");
  search_page = TARMAC_SEARCH_PAGE (tarmac_window_get_page (window, "search"));
  g_assert_true (tarmac_page_get_empty (TARMAC_PAGE (search_page)));

  tarmac_search_page_set_query (search_page, surname);
  run_for (10);
  results = tarmac_search_page_get_results (search_page);
  g_assert_nonnull (results);
  g_assert_cmpuint (g_list_model_get_n_items (results), >, 0);
  g_assert_false (tarmac_page_get_empty (TARMAC_PAGE (search_page)));

  /* Opening a result shows its flight, filtered to that traveller. */
  tarmac_search_page_open_result (search_page, 0);
  run_for (10);
  g_assert_cmpstr (tarmac_window_get_visible_page_name (window), ==, "flight");
  travellers = tarmac_flight_page_get_travellers (flight_page);
  g_assert_cmpuint (g_list_model_get_n_items (travellers), >=, 1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.go-back", NULL));
  run_for (10);
  g_assert_cmpstr (tarmac_window_get_visible_page_name (window), ==, "search");

  /* Nothing found: the "No Results" state. */
  tarmac_search_page_set_query (search_page, "Zzyzxqwv Qqqqxz");
  run_for (10);
  g_assert_cmpuint (g_list_model_get_n_items (tarmac_search_page_get_results (search_page)), ==, 0);
  g_assert_true (tarmac_page_get_empty (TARMAC_PAGE (search_page)));

  destroy_window (window);
}

static void
test_window_empty (void)
{
  g_autoptr(TarmacStore) store = NULL;
  g_autoptr(GError) error = NULL;
  TarmacWindow *window;

  store = tarmac_store_open (":memory:", &error);
  g_assert_no_error (error);
  g_assert_false (tarmac_store_is_demo (store));

  window = create_window (store);
  visit_every_page (window);

  for (guint i = 0; i < G_N_ELEMENTS (page_names); i++)
    {
      TarmacPage *page = TARMAC_PAGE (tarmac_window_get_page (window, page_names[i]));

      g_test_message ("page %s", page_names[i]);
      g_assert_true (tarmac_page_get_empty (page));
    }

  /* Other days are empty too. */
  tarmac_flights_page_set_day (TARMAC_FLIGHTS_PAGE (tarmac_window_get_page (window, "flights")),
                               "2020-02-29");
  run_for (10);
  g_assert_true (tarmac_page_get_empty (TARMAC_PAGE (tarmac_window_get_page (window, "flights"))));

  destroy_window (window);
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

  window = create_window (NULL);
  tarmac_window_show_store_error (window, path, error);
  run_for (20);
  g_assert_null (tarmac_window_get_store (window));

  /* Page actions do nothing without a database. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "flights");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL);
  run_for (10);
  g_assert_null (tarmac_window_get_visible_page_name (window));
  destroy_window (window);

  /* A database from a newer Tarmac gets its own explanation. */
  g_clear_error (&error);
  g_set_error_literal (&error, TARMAC_STORE_ERROR, TARMAC_STORE_ERROR_TOO_NEW, "too new");
  window = create_window (NULL);
  tarmac_window_show_store_error (window, path, error);
  run_for (20);
  destroy_window (window);

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_window_preferences (void)
{
  g_autoptr(GSettings) settings = g_settings_new (BASE_ID);
  g_autoptr(TarmacStore) store = open_demo ();
  TarmacWindow *window = create_window (store);
  TarmacPreferencesWindow *preferences;
  TarmacPage *network;

  preferences = tarmac_preferences_window_new (GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (preferences));
  run_for (50);

  /* Settings reach the pages: the Network page follows the hub address. */
  network = TARMAC_PAGE (tarmac_window_get_page (window, "network"));
  g_settings_set_string (settings, "hub-address", "https://hub.example:8443");
  run_for (10);
  g_assert_cmpstr (tarmac_page_get_subtitle (network), ==, "https://hub.example:8443");
  g_settings_reset (settings, "hub-address");
  run_for (10);
  g_assert_cmpstr (tarmac_page_get_subtitle (network), !=, "https://hub.example:8443");

  gtk_window_destroy (GTK_WINDOW (preferences));
  destroy_window (window);
}

static void
test_window_about (void)
{
  g_autoptr(TarmacStore) store = open_demo ();
  TarmacWindow *window = create_window (store);
  GList *windows;
  GtkWindow *about = NULL;

  g_action_group_activate_action (G_ACTION_GROUP (application), "about", NULL);
  run_for (50);

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
  run_for (50);
  g_assert_nonnull (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));

  destroy_window (window);
}

static void
test_window_narrow (void)
{
  g_autoptr(TarmacStore) store = open_demo ();
  TarmacWindow *window = tarmac_window_new (application, store);
  AdwLeaflet *leaflet;

  gtk_window_set_default_size (GTK_WINDOW (window), 400, 700);
  gtk_window_present (GTK_WINDOW (window));
  run_for (100);

  leaflet = ADW_LEAFLET (find_descendant (GTK_WIDGET (window), ADW_TYPE_LEAFLET));
  g_assert_true (adw_leaflet_get_folded (leaflet));

  visit_every_page (window);
  open_first_flight (window);

  destroy_window (window);
}

static void
test_window_rtl (void)
{
  g_autoptr(TarmacStore) store = open_demo ();
  TarmacWindow *window;

  gtk_widget_set_default_direction (GTK_TEXT_DIR_RTL);

  window = create_window (store);
  g_assert_cmpint (gtk_widget_get_direction (GTK_WIDGET (window)), ==, GTK_TEXT_DIR_RTL);
  visit_every_page (window);
  open_first_flight (window);
  destroy_window (window);

  gtk_widget_set_default_direction (GTK_TEXT_DIR_LTR);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_printerr ("No display: skipping the window tests\n");
      return 77;
    }

  gtk_test_init (&argc, &argv, NULL);

  /* Windows belong to a registered application; NON_UNIQUE needs no bus name. */
  application = tarmac_application_new ();
  g_application_set_flags (G_APPLICATION (application), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (application), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/window/demo/pages", test_window_demo_pages);
  g_test_add_func ("/window/demo/flight", test_window_demo_flight);
  g_test_add_func ("/window/demo/search", test_window_demo_search);
  g_test_add_func ("/window/empty", test_window_empty);
  g_test_add_func ("/window/store-error", test_window_store_error);
  g_test_add_func ("/window/preferences", test_window_preferences);
  g_test_add_func ("/window/about", test_window_about);
  g_test_add_func ("/window/narrow", test_window_narrow);
  g_test_add_func ("/window/rtl", test_window_rtl);

  ret = g_test_run ();

  g_clear_object (&application);

  return ret;
}
