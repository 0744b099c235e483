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
store_with_file (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "seizures", name, NULL);
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

static TarmacStore *
store_with_fixture (void)
{
  return store_with_file ("results-march-2026.json");
}

static gint64
count_audit (TarmacStore *store,
             const char  *action,
             const char  *object_type)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = _tarmac_store_prepare (store,
    "SELECT count(*) FROM audit_log WHERE action = ?1 AND object_type = ?2", &error);

  g_assert_no_error (error);
  sqlite3_bind_text (stmt, 1, action, -1, NULL);
  sqlite3_bind_text (stmt, 2, object_type, -1, NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
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


static gint64
table_sum (TarmacSeizureStats *stats,
           const char         *table)
{
  GListModel *rows = tarmac_seizure_stats_get_table (stats, table);
  gint64 sum = 0;

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(TarmacStatRow) row = g_list_model_get_item (rows, i);

      sum += tarmac_stat_row_get_seizures (row);
    }
  return sum;
}

static TarmacSeizureStats *
compute_may (TarmacStore *store,
             const char  *airport,
             const char  *category,
             const char  *agency,
             gboolean     shared)
{
  g_autoptr(GError) error = NULL;
  TarmacSeizureStatsFilter filter = { airport, category, agency };
  TarmacSeizureStats *stats;

  stats = tarmac_seizure_stats_compute_filtered (store, "2026-05-01", "2026-05-31", &filter,
                                                 shared, "en", &error);
  g_assert_no_error (error);
  g_assert_nonnull (stats);
  return stats;
}

#define HEADLINE(stats, key) tarmac_seizure_stats_get_headline (stats, key)

/* tests/data/seizures/results-filters.json, May 2026, by hand: five validated seizures
 * (three at DSS, two at LOS) and one submitted; the first has three agencies. */
static void
test_stats_filters (void)
{
  g_autoptr(TarmacStore) store = store_with_file ("results-filters.json");
  g_autoptr(TarmacSeizureStats) all = compute_may (store, NULL, "", NULL, FALSE);
  g_autoptr(TarmacSeizureStats) dss = compute_may (store, "DSS", NULL, NULL, FALSE);
  g_autoptr(TarmacSeizureStats) drugs = compute_may (store, NULL, "DRUG", NULL, FALSE);
  g_autoptr(TarmacSeizureStats) police = compute_may (store, NULL, NULL, "Airport Police", FALSE);
  g_autoptr(TarmacSeizureStats) none = compute_may (store, "LOS", NULL, "Customs DSS", FALSE);
  GListModel *rows;

  /* Everything: a seizure made by three agencies counts once in the totals, and once
   * for each agency in theirs (3 + 1 + 2 + 1 + 2). */
  g_assert_cmpint (tarmac_stat_row_get_seizures (HEADLINE (all, "seizures")), ==, 5);
  g_assert_cmpint (tarmac_stat_row_get_count (HEADLINE (all, "pending")), ==, 1);
  g_assert_cmpint (tarmac_stat_row_get_seizures (HEADLINE (all, "drugs")), ==, 3);
  g_assert_cmpfloat_with_epsilon (tarmac_stat_row_get_kg (HEADLINE (all, "drugs")), 32, 1e-9);
  g_assert_cmpint (tarmac_stat_row_get_usd_minor (HEADLINE (all, "cash")), ==, 1550000);
  g_assert_cmpint (tarmac_stat_row_get_seizures (HEADLINE (all, "multi_agency")), ==, 3);
  g_assert_cmpint (tarmac_stat_row_get_count (HEADLINE (all, "ht_victims")), ==, 4);
  g_assert_cmpint (tarmac_stat_row_get_count2 (HEADLINE (all, "ht_victims")), ==, 2);
  g_assert_cmpint (tarmac_stat_row_get_count (HEADLINE (all, "ftf")), ==, 2);
  g_assert_cmpint (table_sum (all, "agencies"), ==, 9);
  g_assert_cmpint (tarmac_stat_row_get_seizures (find_row (all, "agencies", "Airport Police")), ==, 2);
  g_assert_cmpint (tarmac_stat_row_get_seizures (find_row (all, "monthly", "2026-05")), ==, 5);
  g_assert_null (tarmac_seizure_stats_get_category (all));

  /* One airport: its seizures, pending records, referrals and trainings only. */
  g_assert_cmpstr (tarmac_seizure_stats_get_airport (dss), ==, "DSS");
  g_assert_cmpint (tarmac_stat_row_get_seizures (HEADLINE (dss, "seizures")), ==, 3);
  g_assert_cmpint (tarmac_stat_row_get_count (HEADLINE (dss, "pending")), ==, 1);
  g_assert_cmpfloat_with_epsilon (tarmac_stat_row_get_kg (HEADLINE (dss, "drugs")), 30, 1e-9);
  g_assert_cmpint (tarmac_stat_row_get_usd_minor (HEADLINE (dss, "cash")), ==, 1000000);
  g_assert_cmpfloat_with_epsilon (tarmac_stat_row_get_kg (HEADLINE (dss, "wildlife")), 3, 1e-9);
  g_assert_cmpint (tarmac_stat_row_get_count (HEADLINE (dss, "ht_victims")), ==, 3);
  g_assert_cmpint (tarmac_stat_row_get_count (HEADLINE (dss, "ftf")), ==, 0);
  g_assert_cmpint (tarmac_stat_row_get_count (HEADLINE (dss, "trainings")), ==, 4);
  g_assert_cmpint (tarmac_stat_row_get_count2 (HEADLINE (dss, "trainings")), ==, 8);
  g_assert_cmpint (table_sum (dss, "agencies"), ==, 3 + 1 + 2);

  /* One category: the seizures with a drug, and only their drugs: the cannabis
   * seizure's banknotes stay out of the cash figure and of the commodities. */
  g_assert_cmpint (tarmac_stat_row_get_seizures (HEADLINE (drugs, "seizures")), ==, 3);
  g_assert_cmpfloat_with_epsilon (tarmac_stat_row_get_kg (HEADLINE (drugs, "drugs")), 32, 1e-9);
  g_assert_cmpint (tarmac_stat_row_get_seizures (HEADLINE (drugs, "cash")), ==, 0);
  g_assert_cmpint (tarmac_stat_row_get_usd_minor (HEADLINE (drugs, "cash")), ==, 0);
  rows = tarmac_seizure_stats_get_table (drugs, "commodities");
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 3);
  g_assert_cmpfloat_with_epsilon (tarmac_stat_row_get_kg (find_row (drugs, "monthly", "2026-05")),
                                  32, 1e-9);
  /* Referrals and the hit rate have no commodity: left out, not shown unfiltered. */
  g_assert_null (HEADLINE (drugs, "ht_victims"));
  g_assert_null (HEADLINE (drugs, "trainings"));
  g_assert_null (HEADLINE (drugs, "hit_rate"));

  /* One agency, in any role: its seizures, and the agencies it worked with. */
  g_assert_cmpint (tarmac_stat_row_get_seizures (HEADLINE (police, "seizures")), ==, 2);
  g_assert_cmpfloat_with_epsilon (tarmac_stat_row_get_kg (HEADLINE (police, "drugs")), 12, 1e-9);
  g_assert_cmpint (tarmac_stat_row_get_seizures (HEADLINE (police, "multi_agency")), ==, 2);
  g_assert_cmpint (tarmac_stat_row_get_seizures (find_row (police, "agencies", "Airport Police")), ==, 2);
  g_assert_cmpint (tarmac_stat_row_get_seizures (find_row (police, "agencies", "Customs DSS")), ==, 1);
  g_assert_null (HEADLINE (police, "ftf"));
  g_assert_nonnull (HEADLINE (police, "hit_rate"));

  /* An unknown category is refused rather than counted as nothing. */
  {
    g_autoptr(GError) error = NULL;
    TarmacSeizureStatsFilter bad = { NULL, "NARCOTICS", NULL };

    g_assert_null (tarmac_seizure_stats_compute_filtered (store, "2026-05-01", "2026-05-31", &bad,
                                                          FALSE, "en", &error));
    g_assert_error (error, TARMAC_STORE_ERROR, TARMAC_STORE_ERROR_INVALID);
  }

  /* Filters combine. */
  g_assert_cmpint (tarmac_stat_row_get_seizures (HEADLINE (none, "seizures")), ==, 0);
  g_assert_cmpint (g_list_model_get_n_items (tarmac_seizure_stats_get_table (none, "commodities")), ==, 0);
}

static void
test_stats_filters_shared (void)
{
  g_autoptr(TarmacStore) store = store_with_file ("results-filters.json");
  g_autoptr(TarmacSeizureStats) dss = compute_may (store, "DSS", NULL, NULL, TRUE);
  g_autofree char *csv = NULL;

  /* Three seizures and three victims are shown; two drug seizures, one cash seizure and
   * an agency on one seizure are not. */
  g_assert_false (tarmac_stat_row_get_suppressed (HEADLINE (dss, "seizures")));
  g_assert_false (tarmac_stat_row_get_suppressed (HEADLINE (dss, "ht_victims")));
  g_assert_true (tarmac_stat_row_get_suppressed (HEADLINE (dss, "drugs")));
  g_assert_cmpfloat (tarmac_stat_row_get_kg (HEADLINE (dss, "drugs")), ==, 0);
  g_assert_true (tarmac_stat_row_get_suppressed (HEADLINE (dss, "cash")));
  g_assert_true (tarmac_stat_row_get_suppressed (find_row (dss, "agencies", "Airport Police")));
  g_assert_false (tarmac_stat_row_get_suppressed (find_row (dss, "agencies", "Customs DSS")));

  csv = tarmac_seizure_stats_table_to_csv (dss, "agencies");
  g_assert_true (g_str_has_prefix (csv, "table,key,label,"));
  g_assert_nonnull (strstr (csv, "agencies,\"Customs DSS\",\"Customs DSS\",3,"));
  g_assert_nonnull (strstr (csv, "agencies,\"Airport Police\",\"Airport Police\",,,,,,,<3\r\n"));
  g_assert_null (strstr (csv, "headline,"));
  g_assert_null (tarmac_seizure_stats_table_to_csv (dss, "nonsense"));
}

static void
test_stats_choices_and_summary (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TarmacStore) store = store_with_file ("results-filters.json");
  g_autoptr(TarmacSeizureStats) stats = compute_may (store, NULL, NULL, NULL, FALSE);
  g_autoptr(GListModel) events = NULL;
  g_auto(GStrv) airports = NULL;
  g_auto(GStrv) agencies = NULL;
  g_autofree char *top = NULL;
  gint64 n = 0;

  airports = tarmac_seizure_stats_list_airports (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (airports), ==, 2);
  g_assert_cmpstr (airports[0], ==, "DSS");
  g_assert_cmpstr (airports[1], ==, "LOS");
  agencies = tarmac_seizure_stats_list_agencies (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (agencies), ==, 6);

  /* Up to the 12th: the cocaine (4th) and cannabis (9th) seizures, not the submitted one. */
  g_assert_true (tarmac_seizure_stats_month_summary (store, "2026-05-12", &n, &top, &error));
  g_assert_no_error (error);
  g_assert_cmpint (n, ==, 3);
  g_assert_cmpstr (top, ==, "DRUG");
  g_clear_pointer (&top, g_free);
  g_assert_true (tarmac_seizure_stats_month_summary (store, "2026-06-30", &n, &top, &error));
  g_assert_cmpint (n, ==, 0);
  g_assert_null (top);

  /* The other events, listed non-nominally, one airport's or all. */
  events = tarmac_seizure_store_list_events (store, "2026-05-01", "2026-05-31", "LOS", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (events), ==, 2);
  g_clear_object (&events);
  events = tarmac_seizure_store_list_events (store, "2026-05-01", "2026-05-31", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (events), ==, 4);
  {
    g_autoptr(TarmacSeizureEvent) first = g_list_model_get_item (events, 0);

    g_assert_cmpstr (tarmac_seizure_event_get_record (first), ==, "security_referral");
    g_assert_cmpstr (tarmac_seizure_event_get_day (first), ==, "2026-05-16");
    g_assert_cmpint (tarmac_seizure_event_get_persons (first), ==, 2);
    g_assert_cmpstr (tarmac_seizure_event_get_outcome (first), ==, "HANDED_OVER");
  }

  g_assert_true (tarmac_seizure_stats_audit_export (stats, store, "pdf", "/tmp/x.pdf", &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_audit (store, "export", "seizure_report"), ==, 1);
}

static void
test_stats_events_refused (void)
{
  g_autoptr(TarmacStore) store = store_with_file ("results-filters.json");
  const char *bad[] = {
    "{\"record\": \"ht_referral\", \"airport\": \"DSS\", \"occurred_at\": \"2026-05-10T07:00:00Z\","
    " \"referred_to\": \"Liaison\"}",
    "{\"record\": \"ht_referral\", \"airport\": \"DSS\", \"occurred_at\": \"yesterday\","
    " \"victims_unknown\": 1, \"referred_to\": \"Liaison\"}",
    "{\"record\": \"security_referral\", \"airport\": \"DSS\", \"occurred_at\": \"2026-02-30T07:00:00Z\","
    " \"trigger_kind\": \"NOTICE\", \"persons_count\": 1, \"referred_to\": \"NCB\"}",
    "{\"record\": \"activity\", \"kind\": \"TRAINING\", \"title\": \"X\", \"start_date\": \"05/06/2026\"}",
    "{\"record\": \"ht_referral\", \"airport\": \"DSS\", \"occurred_at\": \"2026-05-10T07:00:00Z\","
    " \"victims_unknown\": 1, \"referred_to\": \"Liaison\", \"names\": \"A B\"}",
  };
  g_autoptr(GListModel) before = tarmac_seizure_store_list_events (store, "2000-01-01", "2100-01-01",
                                                                   NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) node = json_from_string (bad[i], NULL);

      g_assert_false (tarmac_seizure_store_add_json (store, node, NULL, NULL, &error));
      g_assert_error (error, TARMAC_SEIZURE_ERROR, TARMAC_SEIZURE_ERROR_INVALID);
    }
  {
    g_autoptr(GListModel) after = tarmac_seizure_store_list_events (store, "2000-01-01", "2100-01-01",
                                                                    NULL, NULL);

    g_assert_cmpuint (g_list_model_get_n_items (after), ==, g_list_model_get_n_items (before));
  }
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
  g_test_add_func ("/seizure/stats/filters", test_stats_filters);
  g_test_add_func ("/seizure/stats/filters-shared", test_stats_filters_shared);
  g_test_add_func ("/seizure/stats/choices-and-summary", test_stats_choices_and_summary);
  g_test_add_func ("/seizure/stats/events-refused", test_stats_events_refused);

  return g_test_run ();
}
