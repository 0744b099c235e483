/* test-screen-pages.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "tarmac-application.h"
#include "tarmac-demo.h"
#include "tarmac-hit-window.h"
#include "tarmac-hit.h"
#include "tarmac-hits-page.h"
#include "tarmac-screen-thresholds.h"
#include "tarmac-screener.h"
#include "tarmac-test-display.h"
#include "tarmac-test-store.h"
#include "tarmac-test-util.h"
#include "tarmac-watchlist-entry-editor.h"
#include "tarmac-watchlist-entry.h"
#include "tarmac-watchlist-import.h"
#include "tarmac-watchlist-item.h"
#include "tarmac-watchlist.h"
#include "tarmac-watchlists-page.h"
#include "tarmac-window.h"

/* Widget tests of the Watchlists and Hits pages and the screening preferences, in a main
 * window on a database file (so list imports take the worker-thread path). */

static TarmacApplication *application;

static TarmacStore *
open_file_store (void)
{
  g_autofree char *path = tarmac_test_db_path ("screen-pages.db");
  g_autoptr(GError) error = NULL;
  TarmacStore *store;

  g_remove (path);
  store = tarmac_store_open (path, &error);
  g_assert_no_error (error);
  return store;
}

static gpointer
show_page (TarmacWindow *window,
           const char   *name)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", name));
  tarmac_test_run_for (20);
  return tarmac_window_get_page (window, name);
}

/* Waits (bounded) for the page's search thread. */
static void
wait_search (TarmacWatchlistsPage *page)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (tarmac_watchlists_page_is_searching (page) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (tarmac_watchlists_page_is_searching (page));
}

static gint64
audit_rows (TarmacStore *store,
            const char  *action,
            const char  *object_type)
{
  g_autoptr(sqlite3_stmt) stmt = _tarmac_store_prepare (store,
                                   "SELECT count(*) FROM audit_log WHERE action = ?1"
                                   " AND object_type = ?2", NULL);

  sqlite3_bind_text (stmt, 1, action, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, object_type, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

static char *
fixture (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "watchlists", name, NULL);
}

static void
test_watchlists_page (void)
{
  g_autoptr(TarmacStore) store = open_file_store ();
  g_autofree char *path = fixture ("national.csv");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  TarmacWindow *window = tarmac_test_window_new (application, store);
  TarmacWatchlistsPage *page = show_page (window, "watchlists");
  g_autoptr(TarmacWatchlist) list = NULL;
  gint64 deadline;
  GListModel *entries;
  GtkWindow *detail;
  guint n_entries;

  /* Empty until a list is loaded. */
  g_assert_true (tarmac_page_get_empty (TARMAC_PAGE (page)));

  /* Imported through the page: in a worker thread, reported, listed. */
  tarmac_watchlists_page_import_file (page, file);
  g_assert_true (tarmac_watchlists_page_is_importing (page));
  deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  while (tarmac_watchlists_page_is_importing (page) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (tarmac_watchlists_page_is_importing (page));
  tarmac_test_run_for (20);
  g_assert_false (tarmac_page_get_empty (TARMAC_PAGE (page)));
  g_assert_cmpuint (g_list_model_get_n_items (tarmac_watchlists_page_get_lists (page)), ==, 1);
  list = g_list_model_get_item (tarmac_watchlists_page_get_lists (page), 0);
  n_entries = tarmac_watchlist_get_entry_count (list);
  g_assert_cmpuint (n_entries, >, 2);

  /* Opened: every entry in the table, one audit row for the list. */
  g_assert_cmpint (audit_rows (store, "view", "watchlist"), ==, 0);
  g_assert_true (tarmac_watchlists_page_open_list (page, tarmac_watchlist_get_id (list)));
  wait_search (page);
  /* Past the search entry's delayed signal for the text cleared in code (150 ms). */
  tarmac_test_run_for (400);
  g_assert_false (tarmac_watchlists_page_is_searching (page));
  entries = tarmac_watchlists_page_get_entries (page);
  g_assert_cmpuint (g_list_model_get_n_items (entries), ==, n_entries);
  g_assert_cmpint (audit_rows (store, "view", "watchlist"), ==, 1);

  /* Searched, accent- and case-blind. */
  /* A search started and replaced at once: only the second one shows and is audited. */
  tarmac_watchlists_page_set_query (page, "ndiaye");
  tarmac_watchlists_page_set_query (page, "FATOUMATA diallo");
  wait_search (page);
  tarmac_test_run_for (400);
  g_assert_false (tarmac_watchlists_page_is_searching (page));
  entries = tarmac_watchlists_page_get_entries (page);
  g_assert_cmpuint (g_list_model_get_n_items (entries), ==, 1);
  g_assert_cmpint (audit_rows (store, "search", "watchlist"), ==, 1);

  /* An entry's detail: audited once per opening. */
  detail = tarmac_watchlists_page_open_entry (page, 0);
  g_assert_nonnull (detail);
  tarmac_test_run_for (50);
  g_assert_cmpint (audit_rows (store, "view", "watchlist_entry"), ==, 1);
  gtk_window_destroy (detail);

  /* Showing the page again keeps the open list without reading it again. */
  show_page (window, "today");
  show_page (window, "watchlists");
  g_assert_cmpint (audit_rows (store, "view", "watchlist"), ==, 1);

  /* Removed: the list and its entries go, with an audit row. */
  g_assert_true (tarmac_watchlist_remove (store, tarmac_watchlist_get_id (list), NULL));
  gtk_widget_activate_action (GTK_WIDGET (page), "watchlists.show-lists", NULL);
  tarmac_test_run_for (20);
  g_assert_true (tarmac_page_get_empty (TARMAC_PAGE (page)));
  g_assert_cmpint (tarmac_test_count (store, "SELECT count(*) FROM watchlist_entry"), ==, 0);

  tarmac_test_window_destroy (window);
}

static void
test_manual_entry (void)
{
  g_autoptr(TarmacStore) store = open_file_store ();
  TarmacWindow *window = tarmac_test_window_new (application, store);
  TarmacWatchlistsPage *page = show_page (window, "watchlists");
  TarmacWatchlistEntryEditor *editor;
  g_autoptr(TarmacWatchlistEntry) entry = NULL;
  g_autoptr(TarmacWatchlistItem) item = NULL;
  GListModel *entries;
  gint64 entry_id;

  /* Refused without a reason: the editor stays open and says why; nothing is written. */
  editor = tarmac_watchlist_entry_editor_new (store, 0, NULL);
  g_object_ref_sink (editor);
  tarmac_watchlist_entry_editor_set_field (editor, "name", "Kossi Agbéko");
  tarmac_watchlist_entry_editor_set_field (editor, "dob", "1979-04-02");
  tarmac_watchlist_entry_editor_set_field (editor, "nationalities", "TGO");
  g_assert_false (tarmac_watchlist_entry_editor_save (editor));
  g_assert_nonnull (tarmac_watchlist_entry_editor_get_error (editor));
  g_assert_cmpint (tarmac_test_count (store, "SELECT count(*) FROM watchlist"), ==, 0);

  /* A date of birth that is not one is refused by the form. */
  tarmac_watchlist_entry_editor_set_field (editor, "reason", "Courier for a seized shipment");
  tarmac_watchlist_entry_editor_set_field (editor, "dob", "last spring");
  g_assert_false (tarmac_watchlist_entry_editor_save (editor));

  tarmac_watchlist_entry_editor_set_field (editor, "dob", "1979-04-02");
  tarmac_watchlist_entry_editor_set_field (editor, "document", "TG 123 456");
  g_assert_true (tarmac_watchlist_entry_editor_save (editor));
  g_assert_null (tarmac_watchlist_entry_editor_get_error (editor));
  gtk_window_destroy (GTK_WINDOW (editor));
  g_object_unref (editor);
  tarmac_test_run_for (20);

  /* Saved and read back through the page: the Manual Entries list, its one entry. */
  tarmac_page_reload (TARMAC_PAGE (page));
  g_assert_cmpuint (g_list_model_get_n_items (tarmac_watchlists_page_get_lists (page)), ==, 1);
  {
    g_autoptr(TarmacWatchlist) list = g_list_model_get_item (tarmac_watchlists_page_get_lists (page), 0);

    g_assert_true (tarmac_watchlist_is_manual (list));
    g_assert_true (tarmac_watchlists_page_open_list (page, tarmac_watchlist_get_id (list)));
  }
  wait_search (page);
  entries = tarmac_watchlists_page_get_entries (page);
  g_assert_cmpuint (g_list_model_get_n_items (entries), ==, 1);
  item = g_list_model_get_item (entries, 0);
  g_assert_cmpstr (tarmac_watchlist_item_get_name (item), ==, "Kossi Agbéko");
  g_assert_cmpstr (tarmac_watchlist_item_get_document (item), ==, "TG 123 456");
  entry_id = tarmac_watchlist_item_get_id (item);

  /* Edited from the stored entry: the form is filled, the change saved in place. */
  entry = tarmac_watchlist_entry_load (store, entry_id, NULL, NULL);
  editor = tarmac_watchlist_entry_editor_new (store, entry_id, entry);
  g_object_ref_sink (editor);
  tarmac_watchlist_entry_editor_set_field (editor, "reason", "Seen twice with the same bags");
  g_assert_true (tarmac_watchlist_entry_editor_save (editor));
  gtk_window_destroy (GTK_WINDOW (editor));
  g_object_unref (editor);
  g_clear_pointer (&entry, tarmac_watchlist_entry_free);

  entry = tarmac_watchlist_entry_load (store, entry_id, NULL, NULL);
  g_assert_cmpstr (entry->reason, ==, "Seen twice with the same bags");
  g_assert_cmpuint (entry->dobs->len, ==, 1);
  g_assert_cmpuint (entry->documents->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (entry->nationalities, 0), ==, "TGO");
  g_assert_cmpint (audit_rows (store, "add", "watchlist_entry"), ==, 1);
  g_assert_cmpint (audit_rows (store, "edit", "watchlist_entry"), ==, 1);

  tarmac_test_window_destroy (window);
}

static void
insert_hit (TarmacStore *store,
            gint64       traveller_id,
            gint64       entry_id,
            const char  *created_at)
{
  g_autoptr(sqlite3_stmt) stmt = _tarmac_store_prepare (store,
    "INSERT INTO hit (traveller_id, source, watchlist_entry_id, score, explanation, created_at,"
    " updated_at, retain_until) VALUES (?1, 'watchlist', ?2, 0.91,"
    " '{\"text\": \"name “Ousmane NDIAYE”: 2 of 2 words; date of birth: the same day (+0.05)\"}',"
    " ?3, ?3, '2031-01-01')", NULL);

  sqlite3_bind_int64 (stmt, 1, traveller_id);
  sqlite3_bind_int64 (stmt, 2, entry_id);
  sqlite3_bind_text (stmt, 3, created_at, -1, SQLITE_STATIC);
  g_assert_true (_tarmac_store_step_done (store, stmt, NULL));
}

static void
test_hits_page (void)
{
  g_autoptr(TarmacStore) store = open_file_store ();
  g_autofree char *path = fixture ("national.csv");
  g_autoptr(GError) error = NULL;
  TarmacDemoOptions options;
  TarmacWindow *window;
  TarmacHitsPage *page;
  GtkWindow *hit_window;
  gint64 traveller_id, entry_id;

  tarmac_demo_options_init (&options);
  options.days = 1;
  options.scale = 0.2;
  options.results = FALSE;   /* without the demo's own list and its hits */
  g_assert_true (tarmac_demo_generate (store, &options, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (tarmac_watchlist_import_file (store, path, NULL, NULL, NULL, &error));
  traveller_id = tarmac_test_count (store, "SELECT min (id) FROM traveller");
  entry_id = tarmac_test_count (store, "SELECT id FROM watchlist_entry WHERE external_id = 'NAT-1'");
  /* The hits here are inserted by hand: the window's own screening of the demo travellers
   * against the list (test-window-screen.c) is told it has nothing to catch up on. */
  {
    g_autofree char *generation = g_strdup_printf ("%" G_GINT64_FORMAT,
                                                   tarmac_screen_get_list_generation (store));

    g_assert_true (tarmac_store_set_meta (store, "screened-list-generation", generation, &error));
  }

  window = tarmac_test_window_new (application, store);
  page = show_page (window, "hits");
  g_assert_true (tarmac_page_get_empty (TARMAC_PAGE (page)));
  g_assert_null (tarmac_hits_page_get_hits (page));

  insert_hit (store, traveller_id, entry_id, "2026-01-01T08:00:00Z");
  insert_hit (store, traveller_id, entry_id, "2026-01-02T08:00:00Z");
  tarmac_page_reload (TARMAC_PAGE (page));
  g_assert_false (tarmac_page_get_empty (TARMAC_PAGE (page)));
  g_assert_cmpuint (g_list_model_get_n_items (tarmac_hits_page_get_hits (page)), ==, 2);
  g_assert_cmpint (audit_rows (store, "view", "hit"), ==, 1);

  /* Opened, reviewed: the hit row, its comment and an audit row change together. */
  hit_window = tarmac_hits_page_open_hit (page, 0);
  g_assert_nonnull (hit_window);
  tarmac_test_run_for (50);
  g_assert_false (tarmac_hit_window_change_status (TARMAC_HIT_WINDOW (hit_window),
                                                   TARMAC_HIT_CONTROLLED_POSITIVE));
  tarmac_hit_window_set_comment (TARMAC_HIT_WINDOW (hit_window), "Different person: DOB 1990");
  g_assert_true (tarmac_hit_window_change_status (TARMAC_HIT_WINDOW (hit_window),
                                                  TARMAC_HIT_CLEARED));
  tarmac_test_run_for (20);
  g_assert_cmpint (tarmac_test_count (store, "SELECT count(*) FROM hit WHERE status = 'cleared'"),
                   ==, 1);
  g_assert_cmpint (tarmac_test_count (store, "SELECT count(*) FROM hit_comment"
                                             " WHERE text = 'Different person: DOB 1990'"), ==, 1);
  g_assert_cmpint (audit_rows (store, "update", "hit"), ==, 1);

  /* The open queue no longer has it; the cleared filter does; Today counts one open hit. */
  g_assert_cmpuint (g_list_model_get_n_items (tarmac_hits_page_get_hits (page)), ==, 1);
  tarmac_hits_page_set_filter (page, TARMAC_HIT_CLEARED);
  tarmac_test_run_for (20);
  g_assert_cmpuint (g_list_model_get_n_items (tarmac_hits_page_get_hits (page)), ==, 1);
  g_assert_cmpuint (tarmac_hit_count (store, TARMAC_HIT_FILTER_OPEN), ==, 1);

  tarmac_test_window_destroy (window);
}

static void
test_thresholds (void)
{
  g_autoptr(TarmacStore) store = open_file_store ();
  g_autoptr(GSettings) settings = g_settings_new ("org.jaitf.Tarmac");
  TarmacWindow *window;
  double alert, review;

  g_settings_set_double (settings, "screen-alert-threshold", 0.9);
  g_settings_set_double (settings, "screen-review-threshold", 0.75);
  window = tarmac_test_window_new (application, store);
  tarmac_screen_get_thresholds (store, &alert, &review);
  g_assert_cmpfloat_with_epsilon (alert, 0.9, 1e-9);
  g_assert_cmpfloat_with_epsilon (review, 0.75, 1e-9);

  /* A change in the preferences reaches the database at once; a review threshold above
   * the alert one is not written. */
  g_settings_set_double (settings, "screen-alert-threshold", 0.8);
  tarmac_test_run_for (10);
  tarmac_screen_get_thresholds (store, &alert, NULL);
  g_assert_cmpfloat_with_epsilon (alert, 0.8, 1e-9);
  g_settings_set_double (settings, "screen-review-threshold", 0.95);
  tarmac_test_run_for (10);
  tarmac_screen_get_thresholds (store, NULL, &review);
  g_assert_cmpfloat_with_epsilon (review, 0.75, 1e-9);

  g_settings_reset (settings, "screen-alert-threshold");
  g_settings_reset (settings, "screen-review-threshold");
  tarmac_test_window_destroy (window);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  if (!tarmac_test_has_display ("screening page tests"))
    return 77;

  gtk_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  application = tarmac_test_application_new ();

  g_test_add_func ("/screen-pages/watchlists", test_watchlists_page);
  g_test_add_func ("/screen-pages/manual-entry", test_manual_entry);
  g_test_add_func ("/screen-pages/hits", test_hits_page);
  g_test_add_func ("/screen-pages/thresholds", test_thresholds);

  ret = g_test_run ();

  g_clear_object (&application);

  return ret;
}
