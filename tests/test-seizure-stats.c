/* test-seizure-stats.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "tarmac-seizure-stats.h"
#include "tarmac-seizure-store.h"
#include "tarmac-store-private.h"

/* The figures of tests/data/seizures/results-march-2026.json, worked out by hand:
 * six validated records in March 2026 (one draft and one April record left out, one
 * March 2025 record for the trend). */

static TarmacStore *
store_with_fixture (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "seizures",
                                                 "results-march-2026.json", NULL);
  TarmacStore *store = tarmac_store_open (":memory:", &error);
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

static TarmacStatRow *
find_row (TarmacSeizureStats *stats,
          const char         *table,
          const char         *key)
{
  GListModel *rows = tarmac_seizure_stats_get_table (stats, table);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(TarmacStatRow) row = g_list_model_get_item (rows, i);

      if (g_strcmp0 (tarmac_stat_row_get_key (row), key) == 0)
        return row;
    }
  g_error ("no row %s in %s", key, table);
  return NULL;
}

static void
test_stats_results_sheet (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TarmacStore) store = store_with_fixture ();
  g_autoptr(TarmacSeizureStats) stats = NULL;
  TarmacStatRow *row;
  gint64 agency_sum = 0;
  GListModel *agencies;

  stats = tarmac_seizure_stats_compute (store, "2026-03-01", "2026-03-31", FALSE, "en", &error);
  g_assert_no_error (error);

  g_assert_cmpint (tarmac_stat_row_get_seizures (tarmac_seizure_stats_get_headline (stats, "seizures")), ==, 6);
  g_assert_cmpint (tarmac_stat_row_get_count (tarmac_seizure_stats_get_headline (stats, "pending")), ==, 1);
  row = tarmac_seizure_stats_get_headline (stats, "drugs");
  g_assert_cmpint (tarmac_stat_row_get_seizures (row), ==, 3);
  g_assert_cmpfloat_with_epsilon (tarmac_stat_row_get_kg (row), 0.87 + 12.5 + 20, 1e-9);
  row = tarmac_seizure_stats_get_headline (stats, "cash");
  g_assert_cmpint (tarmac_stat_row_get_seizures (row), ==, 2);
  g_assert_cmpint (tarmac_stat_row_get_usd_minor (row), ==, 5400000 + 1000000);
  row = tarmac_seizure_stats_get_headline (stats, "wildlife");
  g_assert_cmpfloat_with_epsilon (tarmac_stat_row_get_kg (row), 150, 1e-9);
  g_assert_cmpint (tarmac_stat_row_get_count (tarmac_seizure_stats_get_headline (stats, "counterfeit")), ==, 300);
  g_assert_cmpint (tarmac_stat_row_get_count (tarmac_seizure_stats_get_headline (stats, "arrests")), ==, 2);
  g_assert_cmpint (tarmac_stat_row_get_count (tarmac_seizure_stats_get_headline (stats, "ht_victims")), ==, 3);
  g_assert_cmpint (tarmac_stat_row_get_count (tarmac_seizure_stats_get_headline (stats, "ftf")), ==, 1);
  row = tarmac_seizure_stats_get_headline (stats, "trainings");
  g_assert_cmpint (tarmac_stat_row_get_count (row), ==, 6);
  g_assert_cmpint (tarmac_stat_row_get_count2 (row), ==, 14);
  g_assert_cmpint (tarmac_stat_row_get_count (tarmac_seizure_stats_get_headline (stats, "joint_operations")), ==, 1);
  g_assert_cmpint (tarmac_stat_row_get_seizures (tarmac_seizure_stats_get_headline (stats, "multi_agency")), ==, 4);
  g_assert_cmpint (tarmac_stat_row_get_seizures (tarmac_seizure_stats_get_headline (stats, "targeted")), ==, 4);

  /* Cocaine: 87 pellets and 12.5 kg, two seizures. */
  row = find_row (stats, "commodities", "COCAINE");
  g_assert_cmpint (tarmac_stat_row_get_seizures (row), ==, 2);
  g_assert_cmpfloat_with_epsilon (tarmac_stat_row_get_kg (row), 13.37, 1e-9);
  g_assert_cmpstr (tarmac_stat_row_get_label (row), ==, "Cocaine (salt)");

  /* Multi-agency credit: Customs is on five seizures as lead and one as participant;
   * the per-agency figures add up to more than the six seizures, the totals do not. */
  row = find_row (stats, "agencies", "Customs DSS");
  g_assert_cmpint (tarmac_stat_row_get_seizures (row), ==, 6);
  g_assert_cmpint (tarmac_stat_row_get_count (row), ==, 5);
  g_assert_cmpint (tarmac_stat_row_get_count2 (row), ==, 1);
  agencies = tarmac_seizure_stats_get_table (stats, "agencies");
  for (guint i = 0; i < g_list_model_get_n_items (agencies); i++)
    {
      g_autoptr(TarmacStatRow) agency = g_list_model_get_item (agencies, i);

      agency_sum += tarmac_stat_row_get_seizures (agency);
    }
  g_assert_cmpint (agency_sum, ==, 10);

  /* Trend against March 2025 (one seizure, 5 kg). */
  row = find_row (stats, "monthly", "2026-03");
  g_assert_cmpint (tarmac_stat_row_get_seizures (row), ==, 6);
  g_assert_cmpfloat_with_epsilon (tarmac_stat_row_get_kg (row), 33.37, 1e-9);
  g_assert_cmpint (tarmac_stat_row_get_count2 (row), ==, 1);
  g_assert_cmpfloat_with_epsilon (tarmac_stat_row_get_kg2 (row), 5, 1e-9);

  row = find_row (stats, "routes", "BR→FR");
  g_assert_cmpint (tarmac_stat_row_get_seizures (row), ==, 1);
  row = find_row (stats, "concealment", "INTERNAL");
  g_assert_cmpint (tarmac_stat_row_get_seizures (row), ==, 1);
}

static void
test_stats_no_double_count (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TarmacStore) store = store_with_fixture ();
  g_autoptr(TarmacSeizureStats) stats = NULL;
  g_autoptr(TarmacSeizure) second = NULL;
  gint64 id = tarmac_seizure_store_find (store, "DSS-2026-0002", &error);

  /* A draft edit of a validated record: the validated version still counts, once. */
  second = tarmac_seizure_store_new_version (store, id, &error);
  g_assert_no_error (error);
  stats = tarmac_seizure_stats_compute (store, "2026-03-01", "2026-03-31", FALSE, "en", &error);
  g_assert_no_error (error);
  g_assert_cmpint (tarmac_stat_row_get_seizures (tarmac_seizure_stats_get_headline (stats, "seizures")), ==, 6);
  g_assert_cmpfloat_with_epsilon (tarmac_stat_row_get_kg (find_row (stats, "commodities", "COCAINE")),
                                  13.37, 1e-9);
}

static void
test_stats_shared_suppression (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TarmacStore) store = store_with_fixture ();
  g_autoptr(TarmacSeizureStats) stats = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *json = NULL;
  TarmacStatRow *row;

  stats = tarmac_seizure_stats_compute (store, "2026-03-01", "2026-03-31", TRUE, "fr", &error);
  g_assert_no_error (error);
  g_assert_cmpint (tarmac_stat_row_get_seizures (tarmac_seizure_stats_get_headline (stats, "seizures")), ==, 6);
  /* Two cocaine seizures, one FTF, two arrests: hidden. Three victims: shown. */
  row = find_row (stats, "commodities", "COCAINE");
  g_assert_true (tarmac_stat_row_get_suppressed (row));
  g_assert_cmpfloat (tarmac_stat_row_get_kg (row), ==, 0);
  g_assert_cmpstr (tarmac_stat_row_get_label (row), ==, "Cocaïne (sel)");
  g_assert_true (tarmac_stat_row_get_suppressed (tarmac_seizure_stats_get_headline (stats, "ftf")));
  g_assert_true (tarmac_stat_row_get_suppressed (tarmac_seizure_stats_get_headline (stats, "arrests")));
  g_assert_false (tarmac_stat_row_get_suppressed (tarmac_seizure_stats_get_headline (stats, "ht_victims")));

  csv = tarmac_seizure_stats_to_csv (stats);
  g_assert_nonnull (strstr (csv, "commodities,\"COCAINE\",\"Cocaïne (sel)\",,,,,,,<3\r\n"));
  g_assert_null (strstr (csv, "13.370"));
  json = tarmac_seizure_stats_to_json (stats);
  g_assert_nonnull (strstr (json, "\"suppressed\" : true"));
  g_assert_null (strstr (json, "13.37"));
}

static void
test_stats_hit_rate_and_bad_period (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TarmacStore) store = store_with_fixture ();
  g_autoptr(TarmacSeizureStats) stats = NULL;
  TarmacStatRow *row;

  g_assert_true (_tarmac_store_exec (store,
    "INSERT INTO flight (carrier, number, flight_date, origin, destination, direction, created_at)"
    " VALUES ('LA', '8112', '2026-03-02', 'GRU', 'DSS', 'inbound', '2026-03-02T00:00:00Z');"
    "INSERT INTO traveller (flight_id, kind, surname, created_at, retain_until)"
    " VALUES (1, 'passenger', 'TEST', '2026-03-02T00:00:00Z', '2031-03-02');", &error));
  g_assert_no_error (error);
  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(sqlite3_stmt) stmt = _tarmac_store_prepare (store,
        "INSERT INTO hit (traveller_id, source, score, explanation, status, created_at, updated_at,"
        " retain_until) VALUES (1, 'rule', 0.5, 'test', ?, '2026-03-02T00:00:00Z',"
        " '2026-03-03T00:00:00Z', '2031-03-02')", &error);

      g_assert_no_error (error);
      sqlite3_bind_text (stmt, 1, i < 2 ? "controlled_positive" : "controlled_negative", -1, NULL);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
    }

  stats = tarmac_seizure_stats_compute (store, "2026-03-01", "2026-03-31", FALSE, "en", &error);
  g_assert_no_error (error);
  row = tarmac_seizure_stats_get_headline (stats, "hit_rate");
  g_assert_cmpint (tarmac_stat_row_get_count (row), ==, 2);
  g_assert_cmpint (tarmac_stat_row_get_count2 (row), ==, 3);
  g_clear_object (&stats);

  stats = tarmac_seizure_stats_compute (store, "2026-03-31", "2026-03-01", FALSE, "en", &error);
  g_assert_null (stats);
  g_assert_error (error, TARMAC_STORE_ERROR, TARMAC_STORE_ERROR_INVALID);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/seizure/stats/results-sheet", test_stats_results_sheet);
  g_test_add_func ("/seizure/stats/no-double-count", test_stats_no_double_count);
  g_test_add_func ("/seizure/stats/shared-suppression", test_stats_shared_suppression);
  g_test_add_func ("/seizure/stats/hit-rate-and-bad-period", test_stats_hit_rate_and_bad_period);

  return g_test_run ();
}
