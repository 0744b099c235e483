/* test-screen-match.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "tarmac-screen-index.h"
#include "tarmac-store-private.h"
#include "tarmac-test-util.h"
#include "tarmac-watchlist-import.h"

static TarmacStore *
store_with_lists (void)
{
  g_autofree char *db = tarmac_test_db_path ("match.db");
  g_autofree char *un = g_test_build_filename (G_TEST_DIST, "data", "watchlists",
                                               "un-small.xml", NULL);
  g_autofree char *national = g_test_build_filename (G_TEST_DIST, "data", "watchlists",
                                                     "national.csv", NULL);
  g_autoptr(GError) error = NULL;
  TarmacStore *store = tarmac_store_open (db, &error);

  g_assert_no_error (error);
  g_assert_true (tarmac_watchlist_import_file (store, un, NULL, NULL, NULL, &error));
  g_assert_true (tarmac_watchlist_import_file (store, national, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  return store;
}

static GPtrArray *
match (TarmacScreenIndex *index,
       const char        *name,
       const char        *dob,
       const char        *nationality,
       const char        *document)
{
  TarmacMatchQuery query = { name, dob, nationality, NULL, document };

  return tarmac_screen_index_match (index, &query, 0.5, 5, NULL);
}

static const TarmacMatchCandidate *
top (GPtrArray *result)
{
  g_assert_cmpuint (result->len, >, 0);
  return g_ptr_array_index (result, 0);
}

static const char *
evidence (const TarmacMatchCandidate *candidate,
          const char                 *what)
{
  JsonObject *object = json_node_get_object (candidate->explanation);

  return json_object_get_string_member (json_object_get_object_member (object, what), "result");
}

static void
test_match (void)
{
  g_autoptr(TarmacStore) store = store_with_lists ();
  g_autoptr(GError) error = NULL;
  g_autoptr(TarmacScreenIndex) index = tarmac_screen_index_load (store, &error);
  g_autoptr(GPtrArray) spelt = NULL;
  g_autoptr(GPtrArray) arabic = NULL;
  g_autoptr(GPtrArray) range = NULL;
  g_autoptr(GPtrArray) document = NULL;
  g_autoptr(GPtrArray) nobody = NULL;
  g_autoptr(GPtrArray) expired = NULL;
  g_autoptr(GPtrArray) right_year = NULL;
  g_autoptr(GPtrArray) wrong_year = NULL;
  g_autoptr(GPtrArray) weak = NULL;
  g_autoptr(GPtrArray) weak_dob = NULL;
  g_autoptr(GPtrArray) misread = NULL;
  g_autoptr(JsonNode) json = NULL;

  g_assert_no_error (error);
  /* NAT-3 expired on 2026-06-30; the UN entity has no person's name but is indexed too */
  g_assert_cmpuint (tarmac_screen_index_get_n_entries (index), ==, 4 + 2);

  /* Another spelling, words in another order, with the listed DOB */
  spelt = match (index, "HADDADI Abdel Rahman Youssef", "1971-05-14", "SYR", NULL);
  g_assert_cmpstr (top (spelt)->external_id, ==, "900001");
  g_assert_cmpfloat (top (spelt)->score, >=, 0.9);
  g_assert_cmpstr (evidence (top (spelt), "dob"), ==, "same-date");
  g_assert_cmpstr (evidence (top (spelt), "nationality"), ==, "same");
  g_assert_nonnull (strstr (top (spelt)->summary, "haddadi"));

  /* The original script finds the entry */
  arabic = match (index, "عبد الرحمن يوسف الحدادي", NULL, NULL, NULL);
  g_assert_cmpstr (top (arabic)->external_id, ==, "900001");
  g_assert_cmpfloat (top (arabic)->score, >=, 0.9);

  /* A Cyrillic entry, from its ICAO passport spelling, inside its DOB range */
  range = match (index, "SHCHEGLOVSKII VLADISLAV", "1960", NULL, NULL);
  g_assert_cmpstr (top (range)->external_id, ==, "900002");
  g_assert_cmpstr (evidence (top (range), "dob"), ==, "within-range");

  /* A document number decides on its own, whatever the separators */
  document = match (index, "Somebody Else", NULL, NULL, "n 0123-456");
  g_assert_cmpstr (top (document)->external_id, ==, "900001");
  g_assert_cmpfloat (top (document)->score, >=, 0.99);
  g_assert_cmpstr (evidence (top (document), "document"), ==, "same-number");

  nobody = match (index, "Jean-Baptiste Dupont", "1990-01-01", "FRA", NULL);
  for (guint i = 0; i < nobody->len; i++)
    g_assert_cmpfloat (((TarmacMatchCandidate *) g_ptr_array_index (nobody, i))->score, <, 0.7);

  expired = match (index, "Руслан Хабибуллаев", NULL, NULL, NULL);
  for (guint i = 0; i < expired->len; i++)
    g_assert_cmpstr (((TarmacMatchCandidate *) g_ptr_array_index (expired, i))->external_id,
                     !=, "NAT-3");

  /* Misread letters find the entry: "rn" for "m", "i" for "l" twice */
  misread = match (index, "Arnadou Kouiibaiy", "1980", NULL, NULL);
  g_assert_cmpstr (top (misread)->external_id, ==, "900003");
  g_assert_cmpfloat (top (misread)->score, >=, 0.8);

  /* A DOB that disagrees pulls the score down */
  right_year = match (index, "Amadou Coulibaly", "1980", NULL, NULL);
  wrong_year = match (index, "Amadou Coulibaly", "1950", NULL, NULL);
  g_assert_cmpstr (top (right_year)->external_id, ==, "900003");
  g_assert_cmpfloat (top (right_year)->score, >=, 0.9);
  g_assert_true (wrong_year->len == 0 || top (wrong_year)->score < top (right_year)->score - 0.1);

  /* A weak alias alone is held down; a DOB that agrees lifts it */
  weak = match (index, "Abu Yusuf", NULL, NULL, NULL);
  weak_dob = match (index, "Abu Yusuf", "1971", NULL, NULL);
  g_assert_cmpstr (top (weak)->external_id, ==, "900001");
  g_assert_cmpstr (top (weak)->matched_quality, ==, "weak");
  g_assert_cmpfloat (top (weak)->score, <=, 0.85);
  g_assert_cmpfloat (top (weak_dob)->score, >, top (weak)->score);

  /* The JSON names the list, the entry and its names */
  json = tarmac_match_candidate_to_json (top (spelt));
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (json), "list"), ==,
                   "UN Security Council Consolidated List");
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (json), "external_id"),
                   ==, "900001");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (
                      json_node_get_object (json), "names")), ==, 4);
}

static void
test_match_audited (void)
{
  g_autoptr(TarmacStore) store = store_with_lists ();
  g_autoptr(GError) error = NULL;
  g_autoptr(TarmacScreenIndex) index = tarmac_screen_index_load (store, &error);
  g_autoptr(GPtrArray) result = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  TarmacMatchQuery query = { "Ousmane Ndiaye", "1984", NULL, NULL, NULL };

  result = tarmac_screen_match (store, index, &query, 0.5, 5, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (top (result)->external_id, ==, "NAT-1");

  stmt = _tarmac_store_prepare (store, "SELECT count(*) FROM audit_log WHERE action = 'search'"
                                       " AND object_type = 'watchlist'", NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/screen/match/evidence", test_match);
  g_test_add_func ("/screen/match/audited", test_match_audited);

  return g_test_run ();
}
