/* test-window-screen.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "tarmac-application.h"
#include "tarmac-hit.h"
#include "tarmac-hits-page.h"
#include "tarmac-page.h"
#include "tarmac-screen-thresholds.h"
#include "tarmac-store-private.h"
#include "tarmac-test-display.h"
#include "tarmac-test-store.h"
#include "tarmac-traveller-detail.h"
#include "tarmac-traveller-page.h"
#include "tarmac-watchlist-import.h"
#include "tarmac-window-private.h"

/* Screening in the application: a manifest imported through the window (the code path of
 * Ctrl+O, drops and the drop folder) has its travellers screened in a thread, and the
 * listed person's hit shows on the Hits page; a list changed re-screens everyone and an
 * open traveller page shows its new hit. Fixtures: tests/data/screening (test-screener.c
 * says who is who). */

static TarmacApplication *application;

static char *
data_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "screening", name, NULL);
}

/* Bounded: a shared, loaded machine may take seconds to get there. */
static void
wait_for_screening (TarmacWindow *window)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (_tarmac_window_get_screening (window) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (_tarmac_window_get_screening (window));
  tarmac_test_run_for (10);
}

static void
import_and_wait (TarmacWindow *window,
                 const char   *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  _tarmac_window_import_files (window, &file, 1);
  while (_tarmac_window_get_importing (window) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (_tarmac_window_get_importing (window));
  wait_for_screening (window);
}

static TarmacHit *
find_hit (GListModel *hits,
          const char *traveller_name)
{
  for (guint i = 0; i < g_list_model_get_n_items (hits); i++)
    {
      g_autoptr(TarmacHit) hit = g_list_model_get_item (hits, i);

      if (g_strcmp0 (tarmac_hit_get_traveller_name (hit), traveller_name) == 0)
        return hit;
    }
  return NULL;
}

/* The traveller page's detail once it has read @traveller_id with @n_hits hits. */
static TarmacTravellerDetail *
wait_for_traveller_hits (TarmacTravellerPage *page,
                         gint64               traveller_id,
                         guint                n_hits)
{
  for (guint i = 0; i < 3000; i++)
    {
      TarmacTravellerDetail *detail = tarmac_traveller_page_get_detail (page);

      if (detail != NULL && tarmac_traveller_detail_get_id (detail) == traveller_id &&
          g_list_model_get_n_items (tarmac_traveller_detail_get_hits (detail)) == n_hits)
        return detail;
      tarmac_test_run_for (10);
    }
  g_assert_not_reached ();
  return NULL;
}

static void
test_import_shows_hit (void)
{
  g_autofree char *national = data_path ("national.csv");
  g_autofree char *update = data_path ("national-update.csv");
  g_autofree char *documents = data_path ("documents.csv");
  g_autofree char *manifest = data_path ("manifest.edi");
  g_autofree char *dir = NULL;
  g_autofree char *db_path = NULL;
  g_autoptr(TarmacStore) store = NULL;
  g_autoptr(GError) error = NULL;
  TarmacHitsPage *hits_page;
  TarmacTravellerPage *traveller_page;
  TarmacTravellerDetail *detail;
  const TarmacImportReport *report;
  TarmacWindow *window;
  GListModel *hits;
  TarmacHit *hit;
  gint64 diallo;

  /* A file, not ":memory:": import and screening run in threads on connections of their
   * own, as in the field. */
  dir = g_dir_make_tmp ("tarmac-screen-XXXXXX", &error);
  g_assert_no_error (error);
  db_path = g_build_filename (dir, "tarmac.db", NULL);
  store = tarmac_store_open (db_path, &error);
  g_assert_no_error (error);
  g_assert_true (tarmac_watchlist_import_file (store, national, NULL, NULL, NULL, &error));
  g_assert_true (tarmac_watchlist_import_file (store, documents, NULL, "documents", NULL,
                                               &error));
  g_assert_no_error (error);

  window = tarmac_test_window_new (application, store);
  /* The lists changed since nobody was screened: the window catches up at once (with
   * nobody to screen yet). */
  wait_for_screening (window);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "hits"));
  tarmac_test_run_for (20);
  hits_page = TARMAC_HITS_PAGE (tarmac_window_get_page (window, "hits"));
  g_assert_true (tarmac_page_get_empty (TARMAC_PAGE (hits_page)));

  /* The manifest dropped: its listed travellers are on the Hits page the moment
   * screening is done, without the officer doing anything. */
  import_and_wait (window, manifest);
  g_assert_cmpuint (_tarmac_window_get_screen_hits_added (window), ==, 3);
  report = g_ptr_array_index (_tarmac_window_get_import_reports (window), 0);
  g_assert_cmpint (report->result, ==, TARMAC_IMPORT_RESULT_IMPORTED);
  g_assert_cmpuint (report->n_hits, ==, 3);

  g_assert_false (tarmac_page_get_empty (TARMAC_PAGE (hits_page)));
  hits = tarmac_hits_page_get_hits (hits_page);
  g_assert_nonnull (hits);
  g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 3);
  hit = find_hit (hits, "ABDULRAHMAN, YOUSEF ALHADDADI");
  g_assert_nonnull (hit);
  g_assert_cmpstr (tarmac_hit_get_list_name (hit), ==, "national");
  g_assert_cmpstr (tarmac_hit_get_entry_name (hit), ==, "عبد الرحمن يوسف الحدادي");
  g_assert_cmpstr (tarmac_hit_get_entry_ref (hit), ==, "SCR-1");
  g_assert_cmpstr (tarmac_hit_get_status (hit), ==, TARMAC_HIT_NEW);
  g_assert_nonnull (strstr (tarmac_hit_get_summary (hit), "yousef ↔ يوسف"));
  hit = find_hit (hits, "MENSAH, KWAME");
  g_assert_nonnull (hit);
  g_assert_cmpstr (tarmac_hit_get_source (hit), ==, "document_list");
  g_assert_nonnull (strstr (tarmac_hit_get_summary (hit), "stolen"));
  g_assert_cmpuint (tarmac_hit_count (store, TARMAC_HIT_FILTER_OPEN), ==, 3);

  /* An officer has DIALLO's page open when the list gains him: the re-screen the
   * Watchlists page asks for after a load finds him, and the page shows the hit. */
  diallo = tarmac_test_count (store, "SELECT id FROM traveller WHERE surname = 'DIALLO'");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-traveller", "x",
                                             diallo));
  traveller_page = TARMAC_TRAVELLER_PAGE (tarmac_window_get_page (window, "traveller"));
  wait_for_traveller_hits (traveller_page, diallo, 0);

  g_assert_true (tarmac_watchlist_import_file (store, update, "national", NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.rescreen", NULL));
  wait_for_screening (window);
  g_assert_cmpuint (_tarmac_window_get_screen_hits_added (window), ==, 4);
  detail = wait_for_traveller_hits (traveller_page, diallo, 1);
  g_assert_nonnull (detail);
  {
    g_autoptr(GObject) traveller_hit = g_list_model_get_item (tarmac_traveller_detail_get_hits (detail), 0);
    g_autofree char *explanation = NULL;

    /* The page shows the explanation's words, not its JSON. */
    g_object_get (traveller_hit, "explanation", &explanation, NULL);
    g_assert_true (g_str_has_prefix (explanation, "name “Mamadou DIALLO”"));
  }

  /* Nothing changed since: asking again screens no one. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.rescreen", NULL));
  wait_for_screening (window);
  g_assert_cmpuint (_tarmac_window_get_screen_hits_added (window), ==, 4);
  g_assert_cmpint (tarmac_test_count (store, "SELECT count(*) FROM hit"), ==, 4);

  /* The same people on the next day's flight, dropped while everyone is being screened
   * again (the review threshold lowered): both runs go at once, and each of the new
   * travellers gets its hit once. */
  {
    g_autofree char *contents = NULL;
    g_autofree char *second = g_build_filename (dir, "next-day.edi", NULL);
    g_autoptr(GString) edited = NULL;
    g_autoptr(GFile) file = NULL;
    gsize length = 0;

    g_assert_true (g_file_get_contents (manifest, &contents, &length, NULL));
    edited = g_string_new (contents);
    g_string_replace (edited, "261122:0800", "261123:0800", 0);
    g_string_replace (edited, "2611221010", "2611231010", 0);
    g_string_replace (edited, "2611221230", "2611231230", 0);
    g_assert_true (g_file_set_contents (second, edited->str, edited->len, NULL));
    file = g_file_new_for_path (second);

    g_assert_true (tarmac_screen_set_thresholds (store, 0.85, 0.65, &error));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.rescreen", NULL));
    _tarmac_window_import_files (window, &file, 1);
    while (_tarmac_window_get_importing (window))
      g_main_context_iteration (NULL, TRUE);
    wait_for_screening (window);
    g_remove (second);
  }
  g_assert_cmpint (tarmac_test_count (store, "SELECT count(*) FROM flight"), ==, 2);
  g_assert_cmpint (tarmac_test_count (store, "SELECT count(*) FROM hit h JOIN traveller t"
                                     " ON t.id = h.traveller_id JOIN flight f ON f.id = t.flight_id"
                                     " WHERE f.flight_date = '2026-11-23'"
                                     " AND t.surname IN ('ABDULRAHMAN', 'MENSAH', 'TRAORE', 'DIALLO')"),
                   >=, 4);
  g_assert_cmpint (tarmac_test_count (store, "SELECT count(*) FROM (SELECT 1 FROM hit"
                                     " GROUP BY traveller_id, watchlist_entry_id"
                                     " HAVING count(*) > 1)"), ==, 0);

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

  g_test_add_func ("/window-screen/import-shows-hit", test_import_shows_hit);

  ret = g_test_run ();

  g_clear_object (&application);

  return ret;
}
