/* test-watchlist-view.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "tarmac-demo.h"
#include "tarmac-hit.h"
#include "tarmac-screen-thresholds.h"
#include "tarmac-test-store.h"
#include "tarmac-watchlist-entry-model.h"
#include "tarmac-watchlist-entry.h"
#include "tarmac-watchlist-import.h"
#include "tarmac-watchlist-item.h"
#include "tarmac-watchlist.h"

/* The core objects behind the Watchlists and Hits pages: lists, a paged model of
 * entries with search, the entry detail, manual entries, the review queue. */

static TarmacStore *
open_memory (void)
{
  g_autoptr(GError) error = NULL;
  TarmacStore *store = tarmac_store_open (":memory:", &error);

  g_assert_no_error (error);
  return store;
}

static gint64
import_fixture (TarmacStore *store,
                const char  *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "watchlists", name, NULL);
  g_autoptr(TarmacWatchlistImportReport) report = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (tarmac_watchlist_import_file (store, path, NULL, NULL, &report, &error));
  g_assert_no_error (error);
  return report->watchlist_id;
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

static void
test_lists (void)
{
  g_autoptr(TarmacStore) store = open_memory ();
  g_autoptr(GListModel) lists = NULL;
  g_autoptr(TarmacWatchlist) list = NULL;
  g_autoptr(GError) error = NULL;
  gint64 un, national;

  un = import_fixture (store, "un-small.xml");
  national = import_fixture (store, "national.csv");

  lists = tarmac_watchlist_list_all (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (lists), ==, 2);

  list = tarmac_watchlist_get (store, un, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tarmac_watchlist_get_source (list), ==, "un");
  g_assert_cmpstr (tarmac_watchlist_get_kind (list), ==, "persons");
  g_assert_cmpuint (tarmac_watchlist_get_entry_count (list), ==,
                    tarmac_test_count (store, "SELECT count(*) FROM watchlist_entry e"
                                              " JOIN watchlist w ON w.id = e.watchlist_id"
                                              " WHERE w.source = 'un'"));
  g_assert_false (tarmac_watchlist_is_manual (list));
  g_assert_nonnull (tarmac_watchlist_get_loaded_at (list));

  /* Listing lists shows no personal data: no audit row. */
  g_assert_cmpint (audit_rows (store, "view", "watchlist"), ==, 0);

  g_assert_true (tarmac_watchlist_remove (store, national, &error));
  g_assert_no_error (error);
  g_assert_cmpint (audit_rows (store, "delete", "watchlist"), ==, 1);
  g_assert_cmpint (tarmac_test_count (store, "SELECT count(*) FROM watchlist_name n"
                                             " JOIN watchlist_entry e ON e.id = n.entry_id"
                                             " JOIN watchlist w ON w.id = e.watchlist_id"
                                             " WHERE w.source = 'tarmac-csv'"), ==, 0);
  g_assert_false (tarmac_watchlist_remove (store, national, &error));
  g_assert_error (error, TARMAC_STORE_ERROR, TARMAC_STORE_ERROR_NOT_FOUND);
}

static void
test_entries_search (void)
{
  g_autoptr(TarmacStore) store = open_memory ();
  g_autoptr(TarmacWatchlistEntryModel) all = NULL;
  g_autoptr(TarmacWatchlistEntryModel) found = NULL;
  g_autoptr(TarmacWatchlistItem) item = NULL;
  g_autoptr(GError) error = NULL;
  gint64 national = import_fixture (store, "national.csv");

  all = tarmac_watchlist_entry_model_new (store, national, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (all)), ==,
                    tarmac_test_count (store, "SELECT count(*) FROM watchlist_entry"));
  g_assert_cmpint (audit_rows (store, "view", "watchlist"), ==, 1);

  item = g_list_model_get_item (G_LIST_MODEL (all), 0);
  g_assert_cmpstr (tarmac_watchlist_item_get_external_id (item), ==, "NAT-1");
  g_assert_true (strstr (tarmac_watchlist_item_get_name (item), "NDIAYE") != NULL ||
                 strstr (tarmac_watchlist_item_get_name (item), "Ndiaye") != NULL);
  g_assert_cmpuint (tarmac_watchlist_item_get_n_names (item), >=, 2);
  g_assert_cmpstr (tarmac_watchlist_item_get_dates_of_birth (item), ==, "1984-09-21");
  g_assert_cmpstr (tarmac_watchlist_item_get_document (item), ==, "A01234567");
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (all), 10000));
  g_clear_object (&item);

  /* Names: any case, accents, word order, word beginnings. */
  found = tarmac_watchlist_entry_model_new (store, national, "fallou ndiayé", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (found)), ==, 1);
  g_clear_object (&found);
  found = tarmac_watchlist_entry_model_new (store, national, "DIAL", &error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (found)), ==, 1);
  item = g_list_model_get_item (G_LIST_MODEL (found), 0);
  g_assert_cmpstr (tarmac_watchlist_item_get_external_id (item), ==, "NAT-2");
  g_clear_object (&item);
  g_clear_object (&found);
  /* A word inside another word does not match. */
  found = tarmac_watchlist_entry_model_new (store, national, "iallo", &error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (found)), ==, 0);
  g_clear_object (&found);
  /* Documents, however they are written. */
  found = tarmac_watchlist_entry_model_new (store, national, "1234 5678 90123", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (found)), ==, 1);
  g_clear_object (&found);
  found = tarmac_watchlist_entry_model_new (store, national, "v 998877", &error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (found)), ==, 1);
  g_assert_cmpint (audit_rows (store, "search", "watchlist"), ==, 5);
  g_clear_object (&found);

  /* Finding the ids writes nothing and stops when cancelled. */
  {
    g_autoptr(GCancellable) cancellable = g_cancellable_new ();
    g_autoptr(GArray) ids = NULL;

    ids = tarmac_watchlist_entry_ids (store, national, "ndiaye", NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (ids->len, ==, 1);
    g_assert_cmpint (audit_rows (store, "search", "watchlist"), ==, 5);
    g_clear_pointer (&ids, g_array_unref);

    g_cancellable_cancel (cancellable);
    ids = tarmac_watchlist_entry_ids (store, national, "ndiaye", cancellable, &error);
    g_assert_null (ids);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  }
}

static void
test_entries_paged (void)
{
  g_autoptr(TarmacStore) store = open_memory ();
  g_autoptr(TarmacWatchlistData) data = tarmac_watchlist_data_new ("tarmac-csv", "Big", "persons");
  g_autoptr(TarmacWatchlistEntryModel) model = NULL;
  g_autoptr(TarmacWatchlistImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  const guint n = 5000;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("B-%u", i);
      g_autofree char *name = g_strdup_printf ("Person Number%u", i);
      TarmacWatchlistEntry *entry = tarmac_watchlist_entry_new (id, "person");

      tarmac_watchlist_entry_add_name (entry, name, TARMAC_NAME_QUALITY_PRIMARY);
      g_ptr_array_add (data->entries, entry);
    }
  g_assert_true (tarmac_watchlist_import (store, data, NULL, NULL, NULL, &report, &error));
  g_assert_no_error (error);

  model = tarmac_watchlist_entry_model_new (store, report->watchlist_id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, n);
  g_assert_cmpuint (tarmac_watchlist_entry_model_get_pages_read (model), ==, 0);

  /* Reading the rows around one position reads one page, not the list. */
  for (guint i = 4000; i < 4050; i++)
    {
      g_autoptr(TarmacWatchlistItem) item = g_list_model_get_item (G_LIST_MODEL (model), i);
      g_autofree char *expected = g_strdup_printf ("B-%u", i);

      g_assert_cmpstr (tarmac_watchlist_item_get_external_id (item), ==, expected);
    }
  g_assert_cmpuint (tarmac_watchlist_entry_model_get_pages_read (model), <=, 2);

  /* Every row once, in order: each page read once. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TarmacWatchlistItem) item = g_list_model_get_item (G_LIST_MODEL (model), i);
      g_autofree char *expected = g_strdup_printf ("B-%u", i);

      g_assert_cmpstr (tarmac_watchlist_item_get_external_id (item), ==, expected);
    }
  g_assert_cmpuint (tarmac_watchlist_entry_model_get_pages_read (model), <=, n / 128 + 3);
}

static void
test_entry_detail (void)
{
  g_autoptr(TarmacStore) store = open_memory ();
  g_autoptr(TarmacWatchlistEntry) entry = NULL;
  g_autoptr(GError) error = NULL;
  gint64 watchlist_id = 0;
  gint64 national = import_fixture (store, "national.csv");
  gint64 id = tarmac_test_count (store, "SELECT id FROM watchlist_entry WHERE external_id = 'NAT-1'");

  entry = tarmac_watchlist_entry_load (store, id, &watchlist_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (watchlist_id, ==, national);
  g_assert_cmpuint (entry->names->len, >=, 3);
  g_assert_cmpuint (entry->documents->len, ==, 2);
  g_assert_cmpuint (entry->dobs->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (entry->nationalities, 0), ==, "SEN");
  g_assert_cmpstr (entry->reason, ==, "Drug courier");
  g_assert_cmpint (audit_rows (store, "view", "watchlist_entry"), ==, 1);
  g_clear_pointer (&entry, tarmac_watchlist_entry_free);

  entry = tarmac_watchlist_entry_load (store, 999999, NULL, &error);
  g_assert_null (entry);
  g_assert_error (error, TARMAC_STORE_ERROR, TARMAC_STORE_ERROR_NOT_FOUND);
}

static TarmacWatchlistEntry *
typed_entry (const char *name,
             const char *reason)
{
  TarmacWatchlistEntry *entry = tarmac_watchlist_entry_new (NULL, "person");
  TarmacDob dob;

  tarmac_watchlist_entry_add_name (entry, name, TARMAC_NAME_QUALITY_PRIMARY);
  g_assert_true (tarmac_dob_parse ("1979-04-02", &dob));
  g_array_append_val (entry->dobs, dob);
  tarmac_watchlist_entry_add_nationality (entry, "tgo");
  tarmac_watchlist_entry_add_document (entry, "passport", "TG 123 456", "TGO");
  entry->reason = g_strdup (reason);
  return entry;
}

static void
test_manual (void)
{
  g_autoptr(TarmacStore) store = open_memory ();
  g_autoptr(TarmacWatchlistEntry) entry = NULL;
  g_autoptr(GError) error = NULL;
  TarmacWatchlistEntry *typed;
  gint64 first = 0, second = 0, edited = 0;
  gint64 other;

  other = import_fixture (store, "national.csv");

  g_assert_true (tarmac_watchlist_manual_save (store, 0, typed_entry ("Kossi Agbéko", "Courier"),
                                               &first, &error));
  g_assert_no_error (error);
  g_assert_true (tarmac_watchlist_manual_save (store, 0, typed_entry ("Ama Mensah", "Lookout"),
                                               &second, &error));
  g_assert_no_error (error);
  g_assert_cmpint (tarmac_test_count (store, "SELECT count(*) FROM watchlist WHERE source = 'manual'"),
                   ==, 1);
  g_assert_cmpint (audit_rows (store, "add", "watchlist_entry"), ==, 2);

  /* Edited: same row id, new content; the other entry is untouched. */
  typed = typed_entry ("Kossi Agbeko Mawuli", "Courier, seen twice");
  g_assert_true (tarmac_watchlist_manual_save (store, first, typed, &edited, &error));
  g_assert_no_error (error);
  g_assert_cmpint (edited, ==, first);
  entry = tarmac_watchlist_entry_load (store, first, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (((TarmacWatchlistName *) g_ptr_array_index (entry->names, 0))->name, ==,
                   "Kossi Agbeko Mawuli");
  g_assert_cmpstr (entry->reason, ==, "Courier, seen twice");
  g_assert_cmpstr (entry->external_id, ==, "M1");
  g_clear_pointer (&entry, tarmac_watchlist_entry_free);
  entry = tarmac_watchlist_entry_load (store, second, NULL, &error);
  g_assert_cmpstr (entry->external_id, ==, "M2");
  g_assert_cmpstr (entry->reason, ==, "Lookout");
  g_clear_pointer (&entry, tarmac_watchlist_entry_free);
  g_assert_cmpint (audit_rows (store, "edit", "watchlist_entry"), ==, 1);

  /* Expired: kept, with yesterday's date, so the list counts it as expired. */
  g_assert_true (tarmac_watchlist_manual_expire (store, second, &error));
  g_assert_no_error (error);
  {
    g_autoptr(GListModel) lists = tarmac_watchlist_list_all (store, &error);

    for (guint i = 0; i < g_list_model_get_n_items (lists); i++)
      {
        g_autoptr(TarmacWatchlist) list = g_list_model_get_item (lists, i);

        if (tarmac_watchlist_is_manual (list))
          {
            g_assert_cmpuint (tarmac_watchlist_get_entry_count (list), ==, 2);
            g_assert_cmpuint (tarmac_watchlist_get_expired_count (list), ==, 1);
          }
      }
  }

  /* Invalid entries are refused and nothing is written. */
  {
    g_autofree char *before = tarmac_test_snapshot (store);
    g_autofree char *after = NULL;

    typed = typed_entry ("Someone", "");
    g_assert_false (tarmac_watchlist_manual_save (store, 0, typed, NULL, &error));
    g_assert_error (error, TARMAC_STORE_ERROR, TARMAC_STORE_ERROR_INVALID);
    g_clear_error (&error);

    typed = tarmac_watchlist_entry_new (NULL, "person");
    typed->reason = g_strdup ("No name");
    g_assert_false (tarmac_watchlist_manual_save (store, 0, typed, NULL, &error));
    g_assert_error (error, TARMAC_STORE_ERROR, TARMAC_STORE_ERROR_INVALID);
    g_clear_error (&error);

    typed = typed_entry ("Someone", "Reason");
    tarmac_watchlist_entry_add_nationality (typed, "Atlantis");
    g_assert_false (tarmac_watchlist_manual_save (store, 0, typed, NULL, &error));
    g_assert_error (error, TARMAC_STORE_ERROR, TARMAC_STORE_ERROR_INVALID);
    g_clear_error (&error);

    typed = typed_entry ("Someone", "Reason");
    typed->expires_at = g_strdup ("next week");
    g_assert_false (tarmac_watchlist_manual_save (store, 0, typed, NULL, &error));
    g_assert_error (error, TARMAC_STORE_ERROR, TARMAC_STORE_ERROR_INVALID);
    g_clear_error (&error);

    /* Entries of loaded lists change only when the list is loaded again. */
    typed = typed_entry ("Someone", "Reason");
    g_assert_false (tarmac_watchlist_manual_save (store,
                                                  tarmac_test_count (store,
                                                    "SELECT min (id) FROM watchlist_entry"
                                                    " WHERE watchlist_id = (SELECT id FROM"
                                                    " watchlist WHERE source = 'tarmac-csv')"),
                                                  typed, NULL, &error));
    g_assert_error (error, TARMAC_STORE_ERROR, TARMAC_STORE_ERROR_INVALID);
    g_clear_error (&error);

    after = tarmac_test_snapshot (store);
    g_assert_cmpstr (before, ==, after);
  }
  (void) other;
}

static gint64
insert_hit (TarmacStore *store,
            gint64       traveller_id,
            gint64       entry_id,
            const char  *explanation,
            const char  *created_at)
{
  g_autoptr(sqlite3_stmt) stmt = _tarmac_store_prepare (store,
    "INSERT INTO hit (traveller_id, source, watchlist_entry_id, score, explanation, created_at,"
    " updated_at, retain_until) VALUES (?1, 'watchlist', ?2, 0.93, ?3, ?4, ?4, '2031-01-01')",
    NULL);

  sqlite3_bind_int64 (stmt, 1, traveller_id);
  sqlite3_bind_int64 (stmt, 2, entry_id);
  sqlite3_bind_text (stmt, 3, explanation, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, created_at, -1, SQLITE_STATIC);
  g_assert_true (_tarmac_store_step_done (store, stmt, NULL));
  return sqlite3_last_insert_rowid (_tarmac_store_get_db (store));
}

static void
test_hits (void)
{
  g_autoptr(TarmacStore) store = open_memory ();
  g_autoptr(GListModel) hits = NULL;
  g_autoptr(TarmacHit) hit = NULL;
  g_autoptr(GPtrArray) comments = NULL;
  g_autoptr(GError) error = NULL;
  TarmacDemoOptions options;
  TarmacDayCounts counts;
  gint64 entry_id, traveller_id, older, newer;

  tarmac_demo_options_init (&options);
  options.days = 1;
  options.scale = 0.2;
  options.results = FALSE;   /* without the demo's own list and its hits */
  g_assert_true (tarmac_demo_generate (store, &options, NULL, &error));
  g_assert_no_error (error);
  import_fixture (store, "national.csv");
  entry_id = tarmac_test_count (store, "SELECT id FROM watchlist_entry WHERE external_id = 'NAT-1'");
  traveller_id = tarmac_test_count (store, "SELECT min (id) FROM traveller");

  older = insert_hit (store, traveller_id, entry_id, "name “NDIAYE”: all words aligned\nmore",
                      "2026-01-01T10:00:00Z");
  newer = insert_hit (store, traveller_id, entry_id,
                      "{\"text\": \"name “Ousmane NDIAYE”: 2 of 2 words\", \"name\": {}}",
                      "2026-01-02T10:00:00Z");

  hits = tarmac_hit_list (store, NULL, 100, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 2);
  hit = g_list_model_get_item (hits, 0);
  g_assert_cmpint (tarmac_hit_get_id (hit), ==, newer);
  g_assert_cmpstr (tarmac_hit_get_summary (hit), ==, "name “Ousmane NDIAYE”: 2 of 2 words");
  g_assert_cmpstr (tarmac_hit_get_entry_ref (hit), ==, "NAT-1");
  g_assert_nonnull (tarmac_hit_get_list_name (hit));
  g_assert_nonnull (tarmac_hit_get_traveller_name (hit));
  g_assert_nonnull (tarmac_hit_get_flight_label (hit));
  g_assert_cmpint (tarmac_hit_get_traveller_id (hit), ==, traveller_id);
  g_clear_object (&hit);
  hit = g_list_model_get_item (hits, 1);
  g_assert_cmpstr (tarmac_hit_get_summary (hit), ==, "name “NDIAYE”: all words aligned");
  g_clear_object (&hit);
  g_assert_cmpint (audit_rows (store, "view", "hit"), ==, 1);
  g_assert_cmpuint (tarmac_hit_count (store, TARMAC_HIT_NEW), ==, 2);
  g_assert_cmpuint (tarmac_hit_count (store, NULL), ==, 2);

  /* new → in review → referred → controlled positive, each with its comment and audit
   * row; a skipped step or a closing without a reason is refused. */
  g_assert_false (tarmac_hit_set_status (store, older, TARMAC_HIT_CONTROLLED_POSITIVE, "x",
                                         &error));
  g_assert_error (error, TARMAC_STORE_ERROR, TARMAC_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (tarmac_hit_set_status (store, older, TARMAC_HIT_IN_REVIEW, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (tarmac_hit_set_status (store, older, TARMAC_HIT_REFERRED, "  ", &error));
  g_assert_error (error, TARMAC_STORE_ERROR, TARMAC_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (tarmac_hit_set_status (store, older, TARMAC_HIT_REFERRED,
                                        "Same DOB and passport", &error));
  g_assert_true (tarmac_hit_set_status (store, older, TARMAC_HIT_CONTROLLED_POSITIVE,
                                        "Found at the gate", &error));
  g_assert_no_error (error);
  g_assert_cmpint (audit_rows (store, "update", "hit"), ==, 3);
  g_assert_cmpint (tarmac_test_count (store, "SELECT count(*) FROM hit_comment"), ==, 2);

  comments = tarmac_hit_list_comments (store, older, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (comments->len, ==, 2);
  g_assert_cmpstr (((TarmacHitComment *) g_ptr_array_index (comments, 1))->text, ==,
                   "Found at the gate");

  /* Closed: nothing more to do; the open filter and the Today count leave it out. */
  g_assert_cmpuint (g_strv_length ((char **) tarmac_hit_next_statuses (TARMAC_HIT_CONTROLLED_POSITIVE)),
                    ==, 0);
  g_clear_object (&hits);
  hits = tarmac_hit_list (store, TARMAC_HIT_FILTER_OPEN, 100, &error);
  g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 1);
  g_clear_object (&hits);
  hits = tarmac_hit_list (store, TARMAC_HIT_CONTROLLED_POSITIVE, 100, &error);
  g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 1);
  g_clear_object (&hits);
  hits = tarmac_hit_list (store, TARMAC_HIT_FILTER_ALL, 100, &error);
  g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 2);
  g_clear_object (&hits);
  g_assert_null (tarmac_hit_list (store, "bogus", 100, &error));
  g_assert_error (error, TARMAC_STORE_ERROR, TARMAC_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (tarmac_store_get_day_counts (store, options.anchor_day, &counts, &error));
  g_assert_cmpuint (counts.open_hits, ==, 1);

  hit = tarmac_hit_get (store, older, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tarmac_hit_get_status (hit), ==, TARMAC_HIT_CONTROLLED_POSITIVE);
}

static void
test_thresholds (void)
{
  g_autoptr(TarmacStore) store = open_memory ();
  g_autoptr(GError) error = NULL;
  double alert, review;

  tarmac_screen_get_thresholds (store, &alert, &review);
  g_assert_cmpfloat (alert, ==, TARMAC_SCREEN_DEFAULT_ALERT_THRESHOLD);
  g_assert_cmpfloat (review, ==, TARMAC_SCREEN_DEFAULT_REVIEW_THRESHOLD);

  g_assert_true (tarmac_screen_set_thresholds (store, 0.9, 0.6, &error));
  g_assert_no_error (error);
  tarmac_screen_get_thresholds (store, &alert, &review);
  g_assert_cmpfloat_with_epsilon (alert, 0.9, 1e-9);
  g_assert_cmpfloat_with_epsilon (review, 0.6, 1e-9);

  g_assert_false (tarmac_screen_set_thresholds (store, 0.5, 0.6, &error));
  g_assert_error (error, TARMAC_STORE_ERROR, TARMAC_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (tarmac_screen_set_thresholds (store, 1.5, 0.6, &error));
  g_clear_error (&error);
  tarmac_screen_get_thresholds (store, &alert, NULL);
  g_assert_cmpfloat_with_epsilon (alert, 0.9, 1e-9);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/watchlist-view/lists", test_lists);
  g_test_add_func ("/watchlist-view/entries/search", test_entries_search);
  g_test_add_func ("/watchlist-view/entries/paged", test_entries_paged);
  g_test_add_func ("/watchlist-view/entry-detail", test_entry_detail);
  g_test_add_func ("/watchlist-view/manual", test_manual);
  g_test_add_func ("/watchlist-view/hits", test_hits);
  g_test_add_func ("/watchlist-view/thresholds", test_thresholds);

  return g_test_run ();
}
