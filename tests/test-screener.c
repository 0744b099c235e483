/* test-screener.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "tarmac-hit.h"
#include "tarmac-importer.h"
#include "tarmac-screen-index.h"
#include "tarmac-screen-thresholds.h"
#include "tarmac-screener.h"
#include "tarmac-store-private.h"
#include "tarmac-test-util.h"
#include "tarmac-watchlist-import.h"
#include "tarmac-watchlist.h"

/* Screening travellers end to end, on fixtures written for it (tests/data/screening):
 * a national list (an Arabic-script entry, a Latin one with a passport, an expired
 * Cyrillic one), a stolen and lost documents list, and a manifest of six travellers:
 *
 *   ABDULRAHMAN, YOUSEF ALHADDADI  the Arabic entry SCR-1, re-spelt, names swapped
 *   DIALLO, MAMADOU                nobody listed
 *   KOVALENKO, DMYTRO              the expired entry SCR-3: no hit
 *   MENSAH, KWAME                  passport PX998877 (GHA), stolen: a document hit
 *   BOATENG, AMA                   passport QQ1234567 (SEN), listed as CIV's: no hit
 *   TRAORE, AMINATA                SCR-2 exactly, masked by the tests that say so */

static char *
data_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "screening", name, NULL);
}

static gint64
query_int (TarmacStore *store,
           const char  *sql)
{
  g_autoptr(sqlite3_stmt) stmt = _tarmac_store_prepare (store, sql, NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

static char *
query_text (TarmacStore *store,
            const char  *sql)
{
  g_autoptr(sqlite3_stmt) stmt = _tarmac_store_prepare (store, sql, NULL);

  g_assert_nonnull (stmt);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return g_strdup (_tarmac_store_column_text (stmt, 0));
}

static void
exec (TarmacStore *store,
      const char  *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (_tarmac_store_exec (store, sql, &error));
  g_assert_no_error (error);
}

/* The hits of the traveller with @surname, and the entry of the first one. */
static gint64
count_hits (TarmacStore *store,
            const char  *surname)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = _tarmac_store_prepare (store, "SELECT count(*) FROM hit h"
                                       " JOIN traveller t ON t.id = h.traveller_id"
                                       " WHERE t.surname = ?1", NULL);
  sqlite3_bind_text (stmt, 1, surname, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

static char *
hit_field (TarmacStore *store,
           const char  *surname,
           const char  *column)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM hit h"
                                          " JOIN traveller t ON t.id = h.traveller_id"
                                          " LEFT JOIN watchlist_entry e ON e.id = h.watchlist_entry_id"
                                          " WHERE t.surname = '%s' ORDER BY h.id LIMIT 1",
                                          column, surname);

  return query_text (store, sql);
}

static TarmacStore *
open_with_lists (const char *db_name)
{
  g_autofree char *db = tarmac_test_db_path (db_name);
  g_autofree char *national = data_path ("national.csv");
  g_autofree char *documents = data_path ("documents.csv");
  g_autoptr(GError) error = NULL;
  TarmacStore *store = tarmac_store_open (db, &error);

  g_assert_no_error (error);
  g_assert_true (tarmac_watchlist_import_file (store, national, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (tarmac_watchlist_import_file (store, documents, NULL, "documents", NULL,
                                               &error));
  g_assert_no_error (error);
  return store;
}

static gint64
import_manifest (TarmacStore *store)
{
  g_autofree char *manifest = data_path ("manifest.edi");
  g_autoptr(TarmacImportReport) report = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (tarmac_import_file (store, manifest, &report, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (report->result, ==, TARMAC_IMPORT_RESULT_IMPORTED);
  g_assert_cmpuint (report->n_travellers, ==, 6);
  return report->source_file_id;
}

static void
screen (TarmacScreener      *screener,
        TarmacStore         *store,
        TarmacScreenScopeKind kind,
        gint64               id,
        TarmacScreenReport  *report)
{
  TarmacScreenScope scope = { kind, id, NULL, NULL, NULL };
  g_autoptr(GError) error = NULL;

  g_assert_true (tarmac_screener_screen (screener, store, &scope, report, NULL, &error));
  g_assert_no_error (error);
}

static void
test_import_hits (void)
{
  g_autoptr(TarmacStore) store = open_with_lists ("import-hits.db");
  g_autoptr(TarmacScreener) screener = tarmac_screener_new ();
  g_auto(TarmacScreenReport) report = { 0, };
  g_autofree char *entry = NULL;
  g_autofree char *source = NULL;
  g_autofree char *explanation = NULL;
  g_autofree char *text = NULL;
  g_autoptr(JsonNode) json = NULL;
  gint64 file_id = import_manifest (store);

  /* Masked by retention between the import and the screening: never screened. */
  exec (store, "UPDATE traveller SET masked = 1 WHERE surname = 'TRAORE'");

  screen (screener, store, TARMAC_SCREEN_SOURCE_FILE, file_id, &report);
  g_assert_cmpuint (report.travellers, ==, 5);
  g_assert_cmpuint (report.added, ==, 2);
  g_assert_cmpuint (report.hit_ids->len, ==, 2);
  /* The expired entry is not in the index; the stolen documents are not either. */
  g_assert_cmpuint (report.index_entries, ==, 2);

  /* The Arabic-script entry, from a re-spelt Latin name with the names swapped: one hit,
   * on the right entry, that says why. */
  g_assert_cmpint (count_hits (store, "ABDULRAHMAN"), ==, 1);
  entry = hit_field (store, "ABDULRAHMAN", "e.external_id");
  source = hit_field (store, "ABDULRAHMAN", "h.source");
  g_assert_cmpstr (entry, ==, "SCR-1");
  g_assert_cmpstr (source, ==, "watchlist");
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM hit h JOIN traveller t"
                                     " ON t.id = h.traveller_id WHERE t.surname = 'ABDULRAHMAN'"
                                     " AND h.score >= 0.9 AND h.status = 'new'"), ==, 1);
  explanation = hit_field (store, "ABDULRAHMAN", "h.explanation");
  json = json_from_string (explanation, NULL);
  g_assert_nonnull (json);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (json), "matched_name"),
                   ==, "عبد الرحمن يوسف الحدادي");
  text = tarmac_hit_explanation_text (explanation);
  g_assert_nonnull (strstr (text, "yousef ↔ يوسف"));
  g_assert_nonnull (strstr (text, "date of birth: the same date"));
  /* The words are made again in the reader's language, not read from what the screening
   * officer's language wrote: a hit screened in Arabic reads in English here. */
  {
    g_autofree char *stored_text = g_strdup (text);
    JsonObject *object = json_node_get_object (json);
    g_autofree char *arabic = NULL;
    g_autofree char *read_again = NULL;

    json_object_set_string_member (object, "text", "الاسم «عبد الرحمن»: مطابق");
    arabic = json_to_string (json, FALSE);
    read_again = tarmac_hit_explanation_text (arabic);
    g_assert_cmpstr (read_again, ==, stored_text);
    /* Without what the words are made from, the stored words are all there is. */
    json_object_remove_member (object, "matched_name");
    g_clear_pointer (&arabic, g_free);
    g_clear_pointer (&read_again, g_free);
    arabic = json_to_string (json, FALSE);
    read_again = tarmac_hit_explanation_text (arabic);
    g_assert_cmpstr (read_again, ==, "الاسم «عبد الرحمن»: مطابق");
  }

  /* The stolen passport, same number and issuing country. */
  g_assert_cmpint (count_hits (store, "MENSAH"), ==, 1);
  g_clear_pointer (&entry, g_free);
  g_clear_pointer (&source, g_free);
  entry = hit_field (store, "MENSAH", "e.external_id");
  source = hit_field (store, "MENSAH", "h.source");
  g_assert_cmpstr (entry, ==, "SLTD-X1");
  g_assert_cmpstr (source, ==, "document_list");

  /* Expired entry, another issuing country, nobody listed, masked: nothing. */
  g_assert_cmpint (count_hits (store, "KOVALENKO"), ==, 0);
  g_assert_cmpint (count_hits (store, "BOATENG"), ==, 0);
  g_assert_cmpint (count_hits (store, "DIALLO"), ==, 0);
  g_assert_cmpint (count_hits (store, "TRAORE"), ==, 0);

  /* One audit row for the run. */
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM audit_log WHERE action = 'screen'"
                                     " AND object_type = 'traveller'"), ==, 1);
}

static void
test_no_duplicates (void)
{
  g_autoptr(TarmacStore) store = open_with_lists ("no-duplicates.db");
  g_autoptr(TarmacScreener) screener = tarmac_screener_new ();
  g_autoptr(GError) error = NULL;
  gint64 file_id = import_manifest (store);
  gint64 hits;

  {
    g_auto(TarmacScreenReport) report = { 0, };

    screen (screener, store, TARMAC_SCREEN_SOURCE_FILE, file_id, &report);
    g_assert_cmpuint (report.added, ==, 3);
  }
  hits = query_int (store, "SELECT count(*) FROM hit");
  g_assert_cmpint (hits, ==, 3);

  /* The same file, the flight, everyone: found again, written once. */
  {
    g_auto(TarmacScreenReport) report = { 0, };

    screen (screener, store, TARMAC_SCREEN_SOURCE_FILE, file_id, &report);
    g_assert_cmpuint (report.added, ==, 0);
    g_assert_cmpuint (report.updated, ==, 0);
    g_assert_cmpuint (report.unchanged, ==, 3);
  }
  {
    g_auto(TarmacScreenReport) report = { 0, };

    screen (screener, store, TARMAC_SCREEN_FLIGHT,
            query_int (store, "SELECT id FROM flight"), &report);
    g_assert_cmpuint (report.travellers, ==, 6);
    g_assert_cmpuint (report.added, ==, 0);
  }
  {
    g_auto(TarmacScreenReport) report = { 0, };
    TarmacScreenScope named = { TARMAC_SCREEN_FLIGHT_NAMED, 0, "XQ", "77", "2026-11-22" };

    g_assert_true (tarmac_screener_screen (screener, store, &named, &report, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (report.travellers, ==, 6);
    g_assert_cmpuint (report.added, ==, 0);
  }

  /* The same manifest imported again is a duplicate: nothing new to screen. */
  {
    g_autofree char *manifest = data_path ("manifest.edi");
    g_autoptr(TarmacImportReport) again = NULL;

    g_assert_true (tarmac_import_file (store, manifest, &again, NULL, &error));
    g_assert_cmpint (again->result, ==, TARMAC_IMPORT_RESULT_DUPLICATE);
  }
  {
    g_auto(TarmacScreenReport) report = { 0, };

    screen (screener, store, TARMAC_SCREEN_ALL, 0, &report);
    g_assert_cmpuint (report.added, ==, 0);
  }
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM hit"), ==, hits);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM (SELECT 1 FROM hit"
                                     " GROUP BY traveller_id, watchlist_entry_id"
                                     " HAVING count(*) > 1)"), ==, 0);
}

static void
test_reviewed_not_reopened (void)
{
  g_autoptr(TarmacStore) store = open_with_lists ("reviewed.db");
  g_autoptr(TarmacScreener) screener = tarmac_screener_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *status = NULL;
  gint64 file_id = import_manifest (store);
  gint64 reviewed, fresh;

  {
    g_auto(TarmacScreenReport) report = { 0, };

    screen (screener, store, TARMAC_SCREEN_SOURCE_FILE, file_id, &report);
  }
  reviewed = query_int (store, "SELECT h.id FROM hit h JOIN traveller t ON t.id = h.traveller_id"
                               " WHERE t.surname = 'ABDULRAHMAN'");
  fresh = query_int (store, "SELECT h.id FROM hit h JOIN traveller t ON t.id = h.traveller_id"
                            " WHERE t.surname = 'MENSAH'");
  g_assert_true (tarmac_hit_set_status (store, reviewed, TARMAC_HIT_CLEARED,
                                        "Not the listed person: another date of birth",
                                        &error));
  g_assert_no_error (error);

  /* Stale scores: the new hit is brought up to date, the cleared one is left alone. */
  exec (store, "UPDATE hit SET score = 0.5");
  {
    g_auto(TarmacScreenReport) report = { 0, };

    screen (screener, store, TARMAC_SCREEN_ALL, 0, &report);
    g_assert_cmpuint (report.added, ==, 0);
    g_assert_cmpuint (report.updated, ==, 2);   /* MENSAH's and TRAORE's, still new */
    g_assert_cmpuint (report.unchanged, ==, 1);
    g_assert_cmpuint (report.hit_ids->len, ==, 2);
    for (guint i = 0; i < report.hit_ids->len; i++)
      g_assert_cmpint (g_array_index (report.hit_ids, gint64, i), !=, reviewed);
  }
  g_assert_cmpint (count_hits (store, "ABDULRAHMAN"), ==, 1);
  status = hit_field (store, "ABDULRAHMAN", "h.status");
  g_assert_cmpstr (status, ==, "cleared");
  g_assert_cmpint (query_int (store, "SELECT score = 0.5 FROM hit WHERE id = (SELECT h.id FROM hit h"
                                     " JOIN traveller t ON t.id = h.traveller_id"
                                     " WHERE t.surname = 'ABDULRAHMAN')"), ==, 1);
  g_assert_cmpint (query_int (store, "SELECT score = 1.0 FROM hit h JOIN traveller t"
                                     " ON t.id = h.traveller_id WHERE t.surname = 'MENSAH'"), ==, 1);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM hit WHERE status = 'new'"), ==, 2);
  g_assert_cmpint (fresh, >, 0);
}

static void
test_list_change_rescreens (void)
{
  g_autoptr(TarmacStore) store = open_with_lists ("rescreen.db");
  g_autoptr(TarmacScreener) screener = tarmac_screener_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(TarmacWatchlistImportReport) loaded = NULL;
  g_autofree char *second = data_path ("national-update.csv");
  g_autofree char *entry = NULL;
  gint64 file_id = import_manifest (store);
  gint64 generation;

  {
    g_auto(TarmacScreenReport) report = { 0, };

    screen (screener, store, TARMAC_SCREEN_SOURCE_FILE, file_id, &report);
  }
  /* Screening a file does not cover what the lists were before: a full run does. */
  g_assert_true (tarmac_screener_needs_rescreen (screener, store));
  {
    g_auto(TarmacScreenReport) report = { 0, };

    g_assert_true (tarmac_screener_rescreen (screener, store, &report, NULL, &error));
    g_assert_cmpuint (report.travellers, ==, 6);
    g_assert_cmpuint (report.added, ==, 0);
  }
  g_assert_false (tarmac_screener_needs_rescreen (screener, store));
  generation = tarmac_screen_get_list_generation (store);

  /* The list is loaded again with DIALLO Mamadou added: everyone is screened again, and
   * the cached index is rebuilt for it. */
  g_assert_true (tarmac_watchlist_import_file (store, second, "national", NULL, &loaded, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (loaded->added, ==, 1);
  g_assert_cmpint (tarmac_screen_get_list_generation (store), >, generation);
  g_assert_true (tarmac_screener_needs_rescreen (screener, store));
  {
    g_auto(TarmacScreenReport) report = { 0, };

    g_assert_true (tarmac_screener_rescreen (screener, store, &report, NULL, &error));
    g_assert_cmpuint (report.added, ==, 1);
    g_assert_cmpuint (report.index_entries, ==, 3);
    g_assert_cmpfloat (report.build_ms, >, 0.0);
  }
  g_assert_cmpint (count_hits (store, "DIALLO"), ==, 1);
  entry = hit_field (store, "DIALLO", "e.external_id");
  g_assert_cmpstr (entry, ==, "SCR-4");

  /* The same file again changes no entry: nothing to screen, nothing rebuilt. */
  g_clear_pointer (&loaded, tarmac_watchlist_import_report_free);
  generation = tarmac_screen_get_list_generation (store);
  g_assert_true (tarmac_watchlist_import_file (store, second, "national", NULL, &loaded, &error));
  g_assert_cmpint (tarmac_screen_get_list_generation (store), ==, generation);
  g_assert_false (tarmac_screener_needs_rescreen (screener, store));
  {
    g_auto(TarmacScreenReport) report = { 0, };

    g_assert_true (tarmac_screener_rescreen (screener, store, &report, NULL, &error));
    g_assert_cmpuint (report.travellers, ==, 0);
  }

  /* A lower review threshold may turn matches into hits: everyone again; a higher one
   * cannot. */
  g_assert_true (tarmac_screen_set_thresholds (store, 0.85, 0.75, &error));
  g_assert_false (tarmac_screener_needs_rescreen (screener, store));
  g_assert_true (tarmac_screen_set_thresholds (store, 0.85, 0.60, &error));
  g_assert_true (tarmac_screener_needs_rescreen (screener, store));
  {
    g_auto(TarmacScreenReport) report = { 0, };

    g_assert_true (tarmac_screener_rescreen (screener, store, &report, NULL, &error));
    g_assert_cmpuint (report.travellers, ==, 6);
  }
  g_assert_false (tarmac_screener_needs_rescreen (screener, store));

  /* Removing a list moves the generation on too. */
  g_assert_true (tarmac_watchlist_remove (store, query_int (store, "SELECT id FROM watchlist"
                                                                   " WHERE name = 'documents'"),
                                          &error));
  g_assert_no_error (error);
  g_assert_true (tarmac_screener_needs_rescreen (screener, store));
}

/* A file imported and never screened (Tarmac stopped between the two commits) is found
 * at the next start, screened, and then no longer listed; a screening of everyone marks
 * every file before it; without any list, files are marked at once. */
static void
test_unscreened (void)
{
  g_autoptr(TarmacStore) store = open_with_lists ("unscreened.db");
  g_autoptr(TarmacScreener) screener = tarmac_screener_new ();
  g_autoptr(GArray) left = NULL;
  g_autoptr(GError) error = NULL;
  gint64 file_id = import_manifest (store);

  left = tarmac_screener_list_unscreened (screener, store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (left->len, ==, 1);
  g_assert_cmpint (g_array_index (left, gint64, 0), ==, file_id);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM hit"), ==, 0);

  {
    g_auto(TarmacScreenReport) report = { 0, };

    screen (screener, store, TARMAC_SCREEN_SOURCE_FILE, file_id, &report);
    g_assert_cmpuint (report.added, >, 0);
  }
  g_clear_pointer (&left, g_array_unref);
  left = tarmac_screener_list_unscreened (screener, store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (left->len, ==, 0);

  /* A screening of everyone covers the files before it. */
  exec (store, "UPDATE source_file SET screened_at = NULL");
  {
    g_auto(TarmacScreenReport) report = { 0, };

    screen (screener, store, TARMAC_SCREEN_ALL, 0, &report);
  }
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM source_file"
                                     " WHERE screened_at IS NULL"), ==, 0);

  /* No list to screen against: nothing to wait for. */
  exec (store, "UPDATE source_file SET screened_at = NULL;"
               "UPDATE watchlist SET enabled = 0");
  g_clear_pointer (&left, g_array_unref);
  left = tarmac_screener_list_unscreened (screener, store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (left->len, ==, 0);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM source_file"
                                     " WHERE screened_at IS NULL"), ==, 0);
}

static void
test_cancelled (void)
{
  g_autoptr(TarmacStore) store = open_with_lists ("cancelled.db");
  g_autoptr(TarmacScreener) screener = tarmac_screener_new ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_auto(TarmacScreenReport) report = { 0, };
  TarmacScreenScope all = { TARMAC_SCREEN_ALL, 0, NULL, NULL, NULL };

  import_manifest (store);
  g_cancellable_cancel (cancellable);
  g_assert_false (tarmac_screener_screen (screener, store, &all, &report, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM hit"), ==, 0);
  g_assert_true (tarmac_screener_needs_rescreen (screener, store));
}

/* Many screenings at once on one screener and its one index, which none of them changes:
 * each takes a reference on the index when it starts and lets it go when it ends, on its
 * own thread. However these interleave, the index must stay alive while any run uses it,
 * and be freed once, with the screener, when the last one is done: a reference count
 * that is not atomic loses an update now and then, and the index is either freed under
 * a run still matching on it (a crash) or never freed. */

#define SHARED_THREADS    4
#define SHARED_SCREENINGS 5000

typedef struct
{
  TarmacScreener *screener;
  const char     *db_path;
  gint64          flight_id;
  int            *gate;       /* atomic: the threads start together once it is set */
  guint           matched;    /* screenings that matched the flight's travellers */
  GError         *error;
} SharedRun;

static gpointer
shared_run_thread (gpointer data)
{
  SharedRun *run = data;
  g_autoptr(TarmacStore) store = tarmac_store_open (run->db_path, &run->error);
  TarmacScreenScope nobody = { TARMAC_SCREEN_FLIGHT, -1, NULL, NULL, NULL };
  TarmacScreenScope flight = { TARMAC_SCREEN_FLIGHT, run->flight_id, NULL, NULL, NULL };

  while (!g_atomic_int_get (run->gate))
    g_thread_yield ();

  /* Mostly nobody, so that taking and letting go of the index is most of the work; now
   * and then the flight, so that a run matches on it meanwhile. */
  for (guint i = 0; store != NULL && i < SHARED_SCREENINGS; i++)
    {
      g_auto(TarmacScreenReport) report = { 0, };
      gboolean match = i % 100 == 0;

      if (!tarmac_screener_screen (run->screener, store, match ? &flight : &nobody, &report,
                                   NULL, &run->error))
        break;
      run->matched += match && report.travellers == 6 && report.unchanged == 3;
    }
  return NULL;
}

static void
test_shared_index (void)
{
  g_autofree char *db_path = tarmac_test_db_path ("shared-index.db");
  g_autoptr(TarmacStore) store = open_with_lists ("shared-index.db");
  TarmacScreener *screener = tarmac_screener_new ();
  guint alive = _tarmac_screen_index_get_n_alive ();
  SharedRun runs[SHARED_THREADS];
  GThread *threads[SHARED_THREADS];
  int gate = FALSE;
  gint64 file_id = import_manifest (store);
  gint64 flight_id = query_int (store, "SELECT id FROM flight");

  {
    g_auto(TarmacScreenReport) report = { 0, };

    screen (screener, store, TARMAC_SCREEN_SOURCE_FILE, file_id, &report);
    g_assert_cmpuint (report.added, ==, 3);
  }
  /* The index the screener keeps, and no other. */
  g_assert_cmpuint (_tarmac_screen_index_get_n_alive (), ==, alive + 1);

  for (guint t = 0; t < SHARED_THREADS; t++)
    {
      runs[t] = (SharedRun) { screener, db_path, flight_id, &gate, 0, NULL };
      threads[t] = g_thread_new ("screen", shared_run_thread, &runs[t]);
    }
  g_atomic_int_set (&gate, TRUE);
  for (guint t = 0; t < SHARED_THREADS; t++)
    {
      g_thread_join (threads[t]);
      g_assert_no_error (runs[t].error);
      g_assert_cmpuint (runs[t].matched, ==, SHARED_SCREENINGS / 100);
    }

  /* The lists never changed: the same index served every run, and it is the screener's
   * alone now; it goes with the screener. */
  g_assert_cmpuint (_tarmac_screen_index_get_n_alive (), ==, alive + 1);
  g_object_unref (screener);
  g_assert_cmpuint (_tarmac_screen_index_get_n_alive (), ==, alive);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM hit"), ==, 3);
}

/* Two screenings at once on one screener, as the window runs them: a re-screen of
 * everyone and the screening of the file just imported, each in a thread on a connection
 * of its own, while a third thread keeps moving the lists' generation on and screening,
 * so that the index is rebuilt and swapped while the other two still match on the one
 * they started with. Round after round, neither may fail or crash, and each listed
 * traveller of each file gets his hit once: not lost, not raised twice, and counted as
 * added by exactly one of the two runs. */

#define CONCURRENT_ROUNDS 25

typedef struct
{
  TarmacScreener *screener;
  const char     *db_path;
  gint64          file_id;    /* the file to screen, or 0: everyone */
  int            *gate;       /* atomic: the runs start together once it is set */
  guint           added;
  GError         *error;
} ConcurrentRun;

static gpointer
concurrent_run_thread (gpointer data)
{
  ConcurrentRun *run = data;
  g_autoptr(TarmacStore) store = tarmac_store_open (run->db_path, &run->error);
  g_auto(TarmacScreenReport) report = { 0, };
  TarmacScreenScope scope = { TARMAC_SCREEN_SOURCE_FILE, run->file_id, NULL, NULL, NULL };

  while (!g_atomic_int_get (run->gate))
    g_thread_yield ();
  if (store == NULL)
    return NULL;

  if (run->file_id > 0
      ? tarmac_screener_screen (run->screener, store, &scope, &report, NULL, &run->error)
      : tarmac_screener_rescreen (run->screener, store, &report, NULL, &run->error))
    run->added = report.added;
  return NULL;
}

typedef struct
{
  TarmacScreener *screener;
  const char     *db_path;
  int             stop;       /* atomic */
  guint           rebuilds;
  guint           wrong_entries;
  GError         *error;
} IndexChurn;

static gboolean
bump_generation_on (TarmacStore  *store,
                    GError      **error)
{
  return tarmac_store_begin (store, error) &&
         _tarmac_screen_bump_list_generation (store, error) &&
         tarmac_store_commit (store, error);
}

static void
bump_list_generation (TarmacStore *store)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (bump_generation_on (store, &error));
  g_assert_no_error (error);
}

/* The lists "change" (the generation moves on, the entries stay, so the hits expected do
 * not change) and a screening of nobody takes the new index, again and again. */
static gpointer
index_churn_thread (gpointer data)
{
  IndexChurn *churn = data;
  g_autoptr(TarmacStore) store = tarmac_store_open (churn->db_path, &churn->error);
  TarmacScreenScope nobody = { TARMAC_SCREEN_FLIGHT, -1, NULL, NULL, NULL };

  while (store != NULL && !g_atomic_int_get (&churn->stop))
    {
      g_auto(TarmacScreenReport) report = { 0, };

      if (!bump_generation_on (store, &churn->error) ||
          !tarmac_screener_screen (churn->screener, store, &nobody, &report, NULL,
                                   &churn->error))
        break;
      churn->wrong_entries += report.index_entries != 2;
      churn->rebuilds += report.build_ms > 0.0;
      /* A new index every moment is enough: the runs are what is tested. */
      g_usleep (500);
    }
  return NULL;
}

/* The fixture's manifest as another flight (another number), so that it is a new file. */
static gint64
import_flight (TarmacStore *store,
               guint        number)
{
  g_autofree char *manifest = data_path ("manifest.edi");
  g_autofree char *contents = NULL;
  g_autofree char *flight = g_strdup_printf ("XQ%04u", number);
  g_autofree char *name = g_strdup_printf ("%s.edi", flight);
  g_autoptr(GString) edited = NULL;
  g_autoptr(TarmacImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (manifest, &contents, &length, NULL));
  edited = g_string_new_len (contents, length);
  g_string_replace (edited, "XQ0077", flight, 0);
  g_assert_true (tarmac_import_bytes (store, name, (const guint8 *) edited->str, edited->len,
                                      &report, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (report->result, ==, TARMAC_IMPORT_RESULT_IMPORTED);
  return report->source_file_id;
}

static void
test_concurrent (void)
{
  g_autofree char *db_path = tarmac_test_db_path ("concurrent.db");
  g_autoptr(TarmacStore) store = open_with_lists ("concurrent.db");
  g_autoptr(TarmacScreener) screener = tarmac_screener_new ();
  IndexChurn churn = { screener, db_path, FALSE, 0, 0, NULL };
  GThread *churner;

  churner = g_thread_new ("index-churn", index_churn_thread, &churn);
  for (guint round = 1; round <= CONCURRENT_ROUNDS; round++)
    {
      int gate = FALSE;
      ConcurrentRun everyone = { screener, db_path, 0, &gate, 0, NULL };
      ConcurrentRun file = { screener, db_path, import_flight (store, 100 + round), &gate, 0,
                             NULL };
      GThread *threads[2];

      /* The lists moved on, as the churn does: everyone is screened again, on an index
       * one of the two runs builds. */
      bump_list_generation (store);
      g_assert_true (tarmac_screener_needs_rescreen (screener, store));

      threads[0] = g_thread_new ("rescreen", concurrent_run_thread, &everyone);
      threads[1] = g_thread_new ("screen-file", concurrent_run_thread, &file);
      g_atomic_int_set (&gate, TRUE);
      g_thread_join (threads[0]);
      g_thread_join (threads[1]);

      g_assert_no_error (everyone.error);
      g_assert_no_error (file.error);
      /* ABDULRAHMAN (SCR-1), MENSAH (a stolen passport) and TRAORE (SCR-2), each raised
       * by whichever run wrote first, and found again by the other. */
      g_assert_cmpuint (everyone.added + file.added, ==, 3);
      g_assert_cmpint (query_int (store, "SELECT count(*) FROM hit"), ==, 3 * round);
      g_assert_cmpint (query_int (store, "SELECT count(*) FROM source_file"
                                         " WHERE screened_at IS NULL"), ==, 0);
    }
  g_atomic_int_set (&churn.stop, TRUE);
  g_thread_join (churner);
  g_assert_no_error (churn.error);
  g_assert_cmpuint (churn.wrong_entries, ==, 0);
  g_test_message ("%u index rebuilds by the churn in %u rounds", churn.rebuilds,
                  CONCURRENT_ROUNDS);

  g_assert_cmpint (query_int (store, "SELECT count(*) FROM (SELECT 1 FROM hit"
                                     " GROUP BY traveller_id, watchlist_entry_id, source"
                                     " HAVING count(*) > 1)"), ==, 0);
  g_assert_cmpint (count_hits (store, "ABDULRAHMAN"), ==, CONCURRENT_ROUNDS);
  g_assert_cmpint (count_hits (store, "MENSAH"), ==, CONCURRENT_ROUNDS);
  g_assert_cmpint (count_hits (store, "TRAORE"), ==, CONCURRENT_ROUNDS);
  g_assert_cmpint (count_hits (store, "DIALLO"), ==, 0);
}

/* The command line: import screens each file and counts its hits; hits list and screen
 * print the documented JSON; listing hits is audited. */
static char *
run_cli (const char *const *args)
{
  g_autofree char *cli = tarmac_test_build_path ("src/cli/tarmac-cli");
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  g_ptr_array_add (argv, cli);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, &error));
  g_assert_no_error (error);
  return out;
}

static JsonObject *
find_hit (JsonArray  *hits,
          const char *surname)
{
  for (guint i = 0; i < json_array_get_length (hits); i++)
    {
      JsonObject *hit = json_array_get_object_element (hits, i);
      JsonObject *traveller = json_object_get_object_member (hit, "traveller");

      if (g_strcmp0 (json_object_get_string_member (traveller, "surname"), surname) == 0)
        return hit;
    }
  return NULL;
}

static void
test_cli (void)
{
  g_autofree char *db = tarmac_test_db_path ("cli.db");
  g_autofree char *national = data_path ("national.csv");
  g_autofree char *update = data_path ("national-update.csv");
  g_autofree char *documents = data_path ("documents.csv");
  g_autofree char *manifest = data_path ("manifest.edi");
  g_autofree char *out = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TarmacStore) store = NULL;
  JsonObject *object, *hit, *traveller, *flight, *explanation;
  JsonArray *hits, *names;
  gint64 views;

  g_free (run_cli ((const char *[]) { "--db", db, "watchlist", "import", national, NULL }));
  g_free (run_cli ((const char *[]) { "--db", db, "watchlist", "import", "--kind", "documents",
                                      documents, NULL }));

  /* import --json: the file's hits */
  out = run_cli ((const char *[]) { "--db", db, "import", "--json", manifest, NULL });
  root = json_from_string (out, &error);
  g_assert_no_error (error);
  object = json_array_get_object_element (json_node_get_array (root), 0);
  g_assert_cmpstr (json_object_get_string_member (object, "result"), ==, "imported");
  g_assert_cmpint (json_object_get_int_member (object, "hits"), ==, 3);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&root, json_node_unref);

  /* hits list --json */
  out = run_cli ((const char *[]) { "--db", db, "hits", "list", "--json", NULL });
  root = json_from_string (out, &error);
  g_assert_no_error (error);
  object = json_node_get_object (root);
  g_assert_cmpstr (json_object_get_string_member (object, "filter"), ==, "open");
  hits = json_object_get_array_member (object, "hits");
  g_assert_cmpuint (json_array_get_length (hits), ==, 3);
  hit = find_hit (hits, "ABDULRAHMAN");
  g_assert_nonnull (hit);
  g_assert_cmpint (json_object_get_int_member (hit, "id"), >, 0);
  g_assert_cmpstr (json_object_get_string_member (hit, "status"), ==, "new");
  g_assert_cmpstr (json_object_get_string_member (hit, "source"), ==, "watchlist");
  g_assert_cmpfloat (json_object_get_double_member (hit, "score"), >=, 0.9);
  g_assert_cmpstr (json_object_get_string_member (hit, "list"), ==, "national");
  g_assert_cmpint (json_object_get_int_member (hit, "entry_id"), >, 0);
  g_assert_cmpstr (json_object_get_string_member (hit, "external_id"), ==, "SCR-1");
  names = json_object_get_array_member (hit, "names");
  g_assert_cmpstr (json_array_get_string_element (names, 0), ==, "عبد الرحمن يوسف الحدادي");
  traveller = json_object_get_object_member (hit, "traveller");
  g_assert_cmpstr (json_object_get_string_member (traveller, "given_names"), ==,
                   "YOUSEF ALHADDADI");
  g_assert_cmpstr (json_object_get_string_member (traveller, "date_of_birth"), ==, "1971-05-14");
  g_assert_cmpstr (json_object_get_string_member (traveller, "document_number"), ==, "N7001234");
  flight = json_object_get_object_member (traveller, "flight");
  g_assert_cmpstr (json_object_get_string_member (flight, "carrier"), ==, "XQ");
  g_assert_cmpstr (json_object_get_string_member (flight, "date"), ==, "2026-11-22");
  explanation = json_object_get_object_member (hit, "explanation");
  g_assert_nonnull (strstr (json_object_get_string_member (explanation, "text"), "yousef"));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (explanation,
                                                                                  "dob"),
                                                  "result"), ==, "same-date");
  hit = find_hit (hits, "MENSAH");
  g_assert_cmpstr (json_object_get_string_member (hit, "source"), ==, "document_list");
  g_assert_cmpstr (json_object_get_string_member (hit, "external_id"), ==, "SLTD-X1");
  explanation = json_object_get_object_member (hit, "explanation");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (explanation,
                                                                                  "document"),
                                                  "status"), ==, "stolen");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&root, json_node_unref);

  /* Listing hits is audited. */
  store = tarmac_store_open (db, &error);
  g_assert_no_error (error);
  views = query_int (store, "SELECT count(*) FROM audit_log WHERE action = 'view'"
                            " AND object_type = 'hit'");
  g_assert_cmpint (views, ==, 1);

  /* screen --json: nothing new; the JSON says what ran. */
  out = run_cli ((const char *[]) { "--db", db, "screen", "--flight", "XQ0077/2026-11-22",
                                    "--json", NULL });
  root = json_from_string (out, &error);
  g_assert_no_error (error);
  object = json_node_get_object (root);
  g_assert_cmpstr (json_object_get_string_member (object, "scope"), ==, "flight");
  g_assert_cmpstr (json_object_get_string_member (object, "flight"), ==, "XQ77/2026-11-22");
  g_assert_cmpint (json_object_get_int_member (object, "travellers"), ==, 6);
  g_assert_cmpint (json_object_get_int_member (object, "added"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (object, "unchanged"), ==, 3);
  g_assert_true (json_object_has_member (object, "travellers_per_second"));
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (object, "index"),
                                               "entries"), ==, 2);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "hits")), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&root, json_node_unref);

  /* watchlist import re-screens everyone and says what it added. */
  out = run_cli ((const char *[]) { "--db", db, "watchlist", "import", "--name", "national",
                                    "--json", update, NULL });
  root = json_from_string (out, &error);
  g_assert_no_error (error);
  object = json_object_get_object_member (json_node_get_object (root), "screening");
  g_assert_nonnull (object);
  g_assert_cmpint (json_object_get_int_member (object, "travellers"), ==, 6);
  g_assert_cmpint (json_object_get_int_member (object, "added"), ==, 1);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&root, json_node_unref);

  out = run_cli ((const char *[]) { "--db", db, "hits", "list", "--status", "new", "--json",
                                    NULL });
  root = json_from_string (out, &error);
  g_assert_no_error (error);
  hits = json_object_get_array_member (json_node_get_object (root), "hits");
  g_assert_cmpuint (json_array_get_length (hits), ==, 4);
  g_assert_nonnull (find_hit (hits, "DIALLO"));
}

static int
refuse_commit (void *data)
{
  return 1;
}

/* A commit that fails (refused here; a full disk does the same) ends its level by itself:
 * the caller must not roll back once more, which used to fail a critical check (and,
 * nested, end the caller's caller's level). Nothing is saved, and the store goes on. */
static void
test_thresholds_failed_commit (void)
{
  g_autofree char *path = tarmac_test_db_path ("failed-commit.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(TarmacStore) store = tarmac_store_open (path, &error);
  double alert = 0, review = 0;

  g_assert_no_error (error);
  g_assert_true (tarmac_screen_set_thresholds (store, 0.85, 0.70, &error));
  g_assert_no_error (error);

  sqlite3_commit_hook (_tarmac_store_get_db (store), refuse_commit, NULL);
  g_assert_false (tarmac_screen_set_thresholds (store, 0.90, 0.80, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  sqlite3_commit_hook (_tarmac_store_get_db (store), NULL, NULL);

  tarmac_screen_get_thresholds (store, &alert, &review);
  g_assert_cmpfloat (alert, ==, 0.85);
  g_assert_cmpfloat (review, ==, 0.70);
  g_assert_true (tarmac_screen_set_thresholds (store, 0.90, 0.80, &error));
  g_assert_no_error (error);
  tarmac_screen_get_thresholds (store, &alert, &review);
  g_assert_cmpfloat (alert, ==, 0.90);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/screen/screener/import-hits", test_import_hits);
  g_test_add_func ("/screen/thresholds/failed-commit", test_thresholds_failed_commit);
  g_test_add_func ("/screen/screener/no-duplicates", test_no_duplicates);
  g_test_add_func ("/screen/screener/reviewed-not-reopened", test_reviewed_not_reopened);
  g_test_add_func ("/screen/screener/list-change-rescreens", test_list_change_rescreens);
  g_test_add_func ("/screen/screener/cancelled", test_cancelled);
  g_test_add_func ("/screen/screener/unscreened", test_unscreened);
  g_test_add_func ("/screen/screener/shared-index", test_shared_index);
  g_test_add_func ("/screen/screener/concurrent", test_concurrent);
  g_test_add_func ("/screen/screener/cli", test_cli);

  return g_test_run ();
}
