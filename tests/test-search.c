/* test-search.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>

#include "tarmac-importer.h"
#include "tarmac-retention.h"
#include "tarmac-search.h"
#include "tarmac-search-result.h"
#include "tarmac-searcher.h"
#include "tarmac-store-private.h"
#include "tarmac-test-util.h"
#include "tarmac-traveller.h"

/* The people below are invented. */

static void
exec_ok (TarmacStore *store,
         const char  *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (_tarmac_store_exec (store, sql, &error));
  g_assert_no_error (error);
}

static gint64
count (TarmacStore *store,
       const char  *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = _tarmac_store_prepare (store, sql, &error);

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

/* Two flights a week apart; travellers inserted as a writer would, then indexed. */
static TarmacStore *
open_fixture (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = tarmac_test_db_path ("search.db");
  TarmacStore *store = tarmac_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_true (tarmac_store_begin (store, &error));
  exec_ok (store,
           "INSERT INTO flight (id, carrier, number, flight_date, origin, destination, direction,"
           " created_at) VALUES (1, 'ET', '935', '2026-11-15', 'ADD', 'LFW', 'inbound', 'x'),"
           " (2, 'AF', '718', '2026-11-22', 'CDG', 'LFW', 'inbound', 'x');"
           "INSERT INTO pnr (id, carrier, record_locator, retain_until) VALUES"
           " (1, 'ET', 'QX7R2M', 'y'), (2, 'AF', 'LM4KZP', 'y');"
           "INSERT INTO pnr_contact (pnr_id, kind, value, value_normalised, retain_until) VALUES"
           " (1, 'phone', '+228 90 12 34 56', '+22890123456', 'y'),"
           " (2, 'phone', '0033612345678', '+0033612345678', 'y'),"
           " (1, 'email', 'K.Agbekodo@Example.org', 'k.agbekodo@example.org', 'y');"
           "INSERT INTO traveller (id, flight_id, pnr_id, kind, surname, given_names, name_key,"
           " created_at, retain_until) VALUES"
           " (1, 1, 1, 'passenger', 'AGBÉKODO', 'Kossi', 'agbekodo kossi', 'x', 'y'),"
           " (2, 2, NULL, 'passenger', 'AGBEKODO', 'Kossi', 'agbekodo kossi', 'x', 'y'),"
           " (3, 2, 2, 'passenger', 'DIALLO', 'Aminata', 'diallo aminata', 'x', 'y'),"
           " (4, 2, NULL, 'passenger', 'MOHAMMED', 'Ibrahim', 'mohammed ibrahim', 'x', 'y'),"
           " (5, 1, NULL, 'passenger', 'الحسن', 'مُحَمَّد', 'الحسن محمد', 'x', 'y'),"
           " (6, 1, NULL, 'crew', 'FERNANDES', 'Joana', 'fernandes joana', 'x', 'y'),"
           " (7, 2, NULL, 'passenger', 'DIALLO', 'Ousmane', 'diallo ousmane', 'x', 'y');"
           /* Written by plain SQL: queued for the name index by hand, as a writer would. */
           "INSERT INTO search_pending (traveller_id) SELECT id FROM traveller;"
           "INSERT INTO travel_document (traveller_id, type, number, number_normalised,"
           " retain_until) VALUES (3, 'P', 'AB-12 34567', 'AB1234567', 'y'),"
           " (6, 'P', 'C7788991', 'C7788991', 'y');");
  g_assert_true (tarmac_search_index_update (store, &error));
  g_assert_no_error (error);
  g_assert_true (tarmac_store_commit (store, &error));

  return store;
}

static GListModel *
search_ok (TarmacStore *store,
           const char  *query)
{
  g_autoptr(GError) error = NULL;
  GListModel *results = tarmac_store_search (store, query, 50, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (results);
  return results;
}

/* The first result's traveller id and match, or 0 when nothing was found. */
static gint64
first_id (TarmacStore       *store,
          const char        *query,
          TarmacSearchMatch *match)
{
  g_autoptr(GListModel) results = search_ok (store, query);
  g_autoptr(TarmacSearchResult) result = NULL;

  if (g_list_model_get_n_items (results) == 0)
    return 0;
  result = g_list_model_get_item (results, 0);
  if (match != NULL)
    *match = tarmac_search_result_get_match (result);
  return tarmac_traveller_get_id (tarmac_search_result_get_traveller (result));
}

static gboolean
finds (TarmacStore       *store,
       const char        *query,
       gint64             id,
       TarmacSearchMatch  match)
{
  g_autoptr(GListModel) results = search_ok (store, query);

  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr(TarmacSearchResult) result = g_list_model_get_item (results, i);

      if (tarmac_traveller_get_id (tarmac_search_result_get_traveller (result)) == id)
        return tarmac_search_result_get_match (result) == match;
    }
  return FALSE;
}

static void
test_search_misspelt (void)
{
  g_autoptr(TarmacStore) store = open_fixture ();
  g_autoptr(GListModel) results = NULL;
  g_autoptr(TarmacSearchResult) result = NULL;
  g_autofree char *why = NULL;

  /* One letter replaced, two letters swapped, one left out, one too many. */
  g_assert_true (finds (store, "Diallo Aminota", 3, TARMAC_SEARCH_MATCH_NAME_FUZZY));
  g_assert_true (finds (store, "Dialol Aminata", 3, TARMAC_SEARCH_MATCH_NAME_FUZZY));
  g_assert_true (finds (store, "Dialo Aminata", 3, TARMAC_SEARCH_MATCH_NAME_FUZZY));
  g_assert_true (finds (store, "Diallo Aminatta", 3, TARMAC_SEARCH_MATCH_NAME_FUZZY));
  /* Long words allow two letters: Muhammad for Mohammed. */
  g_assert_true (finds (store, "Muhammad Ibrahim", 4, TARMAC_SEARCH_MATCH_NAME_FUZZY));
  /* Short ones only one: "Dallio" is two away from "Diallo". */
  g_assert_false (finds (store, "Dxallx", 3, TARMAC_SEARCH_MATCH_NAME_FUZZY));

  results = search_ok (store, "Dialo Aminata");
  result = g_list_model_get_item (results, 0);
  g_assert_cmpint (tarmac_traveller_get_id (tarmac_search_result_get_traveller (result)), ==, 3);
  g_assert_cmpuint (tarmac_search_result_get_distance (result), ==, 1);
  why = tarmac_search_result_describe_match (result);
  g_assert_cmpstr (why, ==, "name, 1 letter different");
}

static void
test_search_names (void)
{
  g_autoptr(TarmacStore) store = open_fixture ();
  g_autoptr(GListModel) results = NULL;
  TarmacSearchMatch match = TARMAC_SEARCH_MATCH_NAME_PARTIAL;

  /* Accents and case, in any order; the newest flight first. */
  g_assert_cmpint (first_id (store, "agbékodo KOSSI", &match), ==, 2);
  g_assert_cmpint (match, ==, TARMAC_SEARCH_MATCH_NAME);
  g_assert_cmpint (first_id (store, "Kossi Agbekodo", NULL), ==, 2);
  results = search_ok (store, "AGBEKODO");
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 2);
  g_clear_object (&results);

  /* The beginning of a word, as the officer types. */
  g_assert_true (finds (store, "fernan jo", 6, TARMAC_SEARCH_MATCH_NAME_PREFIX));

  /* Exact names rank before misspelt ones, both words before one. */
  results = search_ok (store, "diallo aminata");
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 2);
  {
    g_autoptr(TarmacSearchResult) best = g_list_model_get_item (results, 0);
    g_autoptr(TarmacSearchResult) other = g_list_model_get_item (results, 1);

    g_assert_cmpint (tarmac_traveller_get_id (tarmac_search_result_get_traveller (best)), ==, 3);
    g_assert_cmpint (tarmac_search_result_get_match (other), ==,
                     TARMAC_SEARCH_MATCH_NAME_PARTIAL);
    g_assert_cmpuint (tarmac_search_result_get_words_matched (other), ==, 1);
  }

  /* Arabic script, with or without its vowel marks, and one letter off. */
  g_assert_true (finds (store, "محمد الحسن", 5, TARMAC_SEARCH_MATCH_NAME));
  g_assert_true (finds (store, "مُحَمَّد", 5, TARMAC_SEARCH_MATCH_NAME));
  g_assert_true (finds (store, "الحسين محمد", 5, TARMAC_SEARCH_MATCH_NAME_FUZZY));

  g_assert_cmpint (first_id (store, "Zzyzxqwv", NULL), ==, 0);
}

static void
test_search_identifiers (void)
{
  g_autoptr(TarmacStore) store = open_fixture ();

  /* Documents with or without separators, and their beginning. */
  g_assert_true (finds (store, "ab 1234567", 3, TARMAC_SEARCH_MATCH_DOCUMENT));
  g_assert_true (finds (store, "AB-12-34567", 3, TARMAC_SEARCH_MATCH_DOCUMENT));
  g_assert_true (finds (store, "AB123", 3, TARMAC_SEARCH_MATCH_DOCUMENT_PREFIX));

  /* The locator of the traveller's PNR, in any case. */
  g_assert_true (finds (store, "qx7r2m", 1, TARMAC_SEARCH_MATCH_LOCATOR));
  g_assert_false (finds (store, "qx7r2m", 2, TARMAC_SEARCH_MATCH_LOCATOR));

  /* One phone in its international, "00" and national forms. */
  g_assert_true (finds (store, "+228 90 12 34 56", 1, TARMAC_SEARCH_MATCH_PHONE));
  g_assert_true (finds (store, "0022890123456", 1, TARMAC_SEARCH_MATCH_PHONE));
  g_assert_true (finds (store, "90 12 34 56", 1, TARMAC_SEARCH_MATCH_PHONE));
  /* Stored as "+00…" from a PNR that wrote the prefix as digits. */
  g_assert_true (finds (store, "+33 6 12 34 56 78", 3, TARMAC_SEARCH_MATCH_PHONE));
  g_assert_true (finds (store, "06 12 34 56 78", 3, TARMAC_SEARCH_MATCH_PHONE));
  g_assert_cmpint (first_id (store, "+228 91 12 34 56", NULL), ==, 0);

  /* E-mail addresses in any case. */
  g_assert_true (finds (store, "K.AGBEKODO@EXAMPLE.ORG", 1, TARMAC_SEARCH_MATCH_EMAIL));
  g_assert_cmpint (first_id (store, "k.agbekodo@", NULL), ==, 1);
}

static void
test_search_audit (void)
{
  g_autoptr(TarmacStore) store = open_fixture ();
  g_autoptr(GListModel) results = search_ok (store, "Dialo Aminata");

  g_assert_cmpint (count (store,
                          "SELECT count(*) FROM audit_log WHERE action = 'search'"
                          " AND object_type = 'traveller' AND detail = 'Dialo Aminata'"), ==, 1);
}

static void
test_search_masked (void)
{
  g_autoptr(TarmacStore) store = open_fixture ();

  g_assert_true (finds (store, "fernandes joana", 6, TARMAC_SEARCH_MATCH_NAME));
  g_assert_cmpint (count (store, "SELECT count(*) FROM search_vocab WHERE token = 'joana'"),
                   ==, 1);

  /* Masking as retention does: the name and its words go from the index. */
  exec_ok (store,
           "UPDATE traveller SET surname = '***', given_names = '', name_key = '', masked = 1"
           " WHERE id = 6;"
           "UPDATE travel_document SET number = '***', number_normalised = ''"
           " WHERE traveller_id = 6");
  g_assert_false (finds (store, "fernandes joana", 6, TARMAC_SEARCH_MATCH_NAME));
  g_assert_cmpint (first_id (store, "fernandes", NULL), ==, 0);
  g_assert_cmpint (first_id (store, "fernandez", NULL), ==, 0);
  g_assert_cmpint (first_id (store, "C7788991", NULL), ==, 0);
  g_assert_cmpint (count (store, "SELECT count(*) FROM search_token WHERE traveller_id = 6"),
                   ==, 0);
  g_assert_cmpint (count (store, "SELECT count(*) FROM search_vocab WHERE token = 'joana'"),
                   ==, 0);
  g_assert_cmpint (count (store, "SELECT count(*) FROM search_variant WHERE token = 'joana'"
                                 " OR token = 'fernandes'"), ==, 0);

  /* Deleting a traveller takes its words too; the other Diallo keeps the shared one.
   * Deleted outside the store's transactions, it waits in search_stale, and readers
   * leave it out; the next commit (the search's audit row) rewrites the segments. */
  exec_ok (store, "DELETE FROM traveller WHERE id = 3");
  g_assert_cmpint (count (store, "SELECT count(*) FROM search_stale WHERE traveller_id = 3"),
                   ==, 2);
  g_assert_cmpint (count (store, "SELECT count(*) FROM search_token WHERE traveller_id = 3"),
                   ==, 0);
  g_assert_cmpint (first_id (store, "aminata", NULL), ==, 0);
  g_assert_cmpint (count (store, "SELECT count(*) FROM search_stale"), ==, 0);
  g_assert_cmpint (count (store, "SELECT count(*) FROM search_token WHERE traveller_id = 3"),
                   ==, 0);
  g_assert_cmpint (count (store, "SELECT count(*) FROM search_vocab WHERE token = 'aminata'"),
                   ==, 0);
  g_assert_cmpint (count (store, "SELECT count(*) FROM search_vocab WHERE token = 'diallo'"),
                   ==, 1);
  g_assert_cmpint (first_id (store, "diallo", NULL), ==, 7);
}

/* Document numbers and booking references are indexed block by block of traveller ids
 * (migration 19): a lookup must reach every block, the first, the last and those between,
 * including blocks with nobody left in them. */
static void
test_search_identifiers_blocks (void)
{
  g_autoptr(TarmacStore) store = open_fixture ();
  /* The last one far away: only blocks that hold someone are visited. */
  static const gint64 ids[] = { 4095, 4096, 70000, 1000000, G_GINT64_CONSTANT (1) << 50,
                                G_MAXINT64 };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autofree char *sql = NULL;
      g_autofree char *document = g_strdup_printf ("ZB90%07" G_GINT64_FORMAT, ids[i]);
      g_autofree char *reference = g_strdup_printf ("R%05" G_GINT64_FORMAT, ids[i] % 100000);

      sql = g_strdup_printf ("INSERT INTO traveller (id, flight_id, kind, surname, name_key,"
                             " booking_reference, created_at, retain_until) VALUES"
                             " (%" G_GINT64_FORMAT ", 2, 'passenger', 'BLOCK', 'block', '%s',"
                             " 'x', 'y');"
                             "INSERT INTO travel_document (traveller_id, type, number,"
                             " number_normalised, retain_until) VALUES"
                             " (%" G_GINT64_FORMAT ", 'P', '%s', '%s', 'y')",
                             ids[i], reference, ids[i], document, document);
      exec_ok (store, sql);
    }

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autofree char *document = g_strdup_printf ("zb90%07" G_GINT64_FORMAT, ids[i]);
      g_autofree char *reference = g_strdup_printf ("r%05" G_GINT64_FORMAT, ids[i] % 100000);

      g_assert_true (finds (store, document, ids[i], TARMAC_SEARCH_MATCH_DOCUMENT));
      g_assert_true (finds (store, reference, ids[i], TARMAC_SEARCH_MATCH_LOCATOR));
    }
  /* A beginning finds the documents of every block. */
  {
    g_autoptr(GListModel) results = search_ok (store, "ZB90");

    g_assert_cmpuint (g_list_model_get_n_items (results), ==, G_N_ELEMENTS (ids));
  }

  /* The first traveller gone: the blocks start later, and the rest are still found. */
  exec_ok (store, "DELETE FROM traveller WHERE id < 4096");
  g_assert_cmpint (first_id (store, "ZB900004095", NULL), ==, 0);
  g_assert_true (finds (store, "ZB900004096", 4096, TARMAC_SEARCH_MATCH_DOCUMENT));
  g_assert_true (finds (store, "ZB901000000", 1000000, TARMAC_SEARCH_MATCH_DOCUMENT));
}

static void
test_search_pending (void)
{
  g_autoptr(TarmacStore) store = open_fixture ();

  /* A writer that has not indexed yet: the traveller is still found, by comparison. */
  exec_ok (store,
           "INSERT INTO traveller (id, flight_id, kind, surname, given_names, name_key,"
           " created_at, retain_until) VALUES (8, 2, 'passenger', 'OKONKWO', 'Chidi',"
           " 'okonkwo chidi', 'x', 'y');"
           "INSERT INTO search_pending (traveller_id) VALUES (8)");
  g_assert_cmpint (count (store, "SELECT count(*) FROM search_pending"), ==, 1);
  g_assert_true (finds (store, "okonkow chidi", 8, TARMAC_SEARCH_MATCH_NAME_FUZZY));

  /* A renamed traveller is indexed again under the new name. */
  exec_ok (store, "UPDATE traveller SET name_key = 'okafor chidi' WHERE id = 8");
  {
    g_autoptr(GError) error = NULL;

    g_assert_true (tarmac_search_index_update (store, &error));
    g_assert_no_error (error);
  }
  g_assert_cmpint (count (store, "SELECT count(*) FROM search_pending"), ==, 0);
  g_assert_true (finds (store, "okafor chidi", 8, TARMAC_SEARCH_MATCH_NAME));
  g_assert_cmpint (first_id (store, "okonkwo", NULL), ==, 0);
}

/* What a writer queued with its name key and then renamed, masked or deleted in the same
 * transaction is indexed as the row is at the commit, not as it was queued; a segment
 * that cannot be read is left out by searches and written again by the next commit that
 * touches its word. */
static void
test_search_segments (void)
{
  g_autoptr(TarmacStore) store = open_fixture ();
  g_autoptr(GError) error = NULL;

  g_assert_true (tarmac_store_begin (store, &error));
  exec_ok (store,
           "INSERT INTO traveller (id, flight_id, kind, surname, given_names, name_key,"
           " created_at, retain_until) VALUES"
           " (8, 2, 'passenger', 'OKONKWO', 'Chidi', 'okonkwo chidi', 'x', 'y'),"
           " (9, 2, 'passenger', 'MENSAH', 'Efua', 'mensah efua', 'x', 'y'),"
           " (10, 2, 'passenger', 'ASANTE', 'Kwame', 'asante kwame', 'x', 'y')");
  _tarmac_store_queue_for_search_key (store, 8, "okonkwo chidi", "2026-11-22");
  _tarmac_store_queue_for_search_key (store, 9, "mensah efua", "2026-11-22");
  _tarmac_store_queue_for_search_key (store, 10, "asante kwame", "2026-11-22");
  exec_ok (store,
           "UPDATE traveller SET surname = '***', given_names = '', name_key = '', masked = 1"
           " WHERE id = 8;"
           "UPDATE traveller SET name_key = 'mensah abena' WHERE id = 9;"
           "DELETE FROM traveller WHERE id = 10;"
           /* Its id again, another person. */
           "INSERT INTO traveller (id, flight_id, kind, surname, given_names, name_key,"
           " created_at, retain_until) VALUES"
           " (10, 2, 'passenger', 'BOATENG', 'Yaw', 'boateng yaw', 'x', 'y');"
           "INSERT INTO search_pending (traveller_id) VALUES (10)");
  g_assert_true (tarmac_store_commit (store, &error));
  g_assert_no_error (error);

  g_assert_cmpint (count (store, "SELECT count(*) FROM search_vocab"
                                 " WHERE token IN ('okonkwo', 'chidi', 'efua', 'asante',"
                                 " 'kwame')"), ==, 0);
  g_assert_cmpint (count (store, "SELECT count(*) FROM search_token WHERE traveller_id = 8"),
                   ==, 0);
  g_assert_cmpint (first_id (store, "okonkwo", NULL), ==, 0);
  g_assert_cmpint (first_id (store, "asante kwame", NULL), ==, 0);
  g_assert_true (finds (store, "mensah abena", 9, TARMAC_SEARCH_MATCH_NAME));
  g_assert_true (finds (store, "boateng yaw", 10, TARMAC_SEARCH_MATCH_NAME));
  g_assert_cmpint (count (store, "SELECT count(*) FROM search_stale"), ==, 0);

  /* A traveller indexed twice (queued again by hand) is found once. */
  exec_ok (store, "INSERT INTO search_pending (traveller_id) VALUES (3)");
  g_assert_true (tarmac_store_begin (store, &error));
  g_assert_true (tarmac_store_commit (store, &error));
  g_assert_no_error (error);
  {
    g_autoptr(GListModel) results = search_ok (store, "diallo aminata");

    g_assert_cmpuint (g_list_model_get_n_items (results), ==, 2);
  }

  /* Damaged: Diallo's segments cannot be read. Searches answer without them. */
  exec_ok (store, "UPDATE search_segment SET postings = x'01ff' WHERE token = 'diallo'");
  g_test_expect_message ("tarmac-search", G_LOG_LEVEL_WARNING, "*diallo*damaged");
  g_assert_cmpint (first_id (store, "diallo", NULL), ==, 0);
  g_test_assert_expected_messages ();

  /* The next commit that adds to the word writes it again from the travellers, in the
   * same commit. */
  g_test_expect_message ("tarmac-search", G_LOG_LEVEL_WARNING, "*diallo*damaged*again");
  g_assert_true (tarmac_store_begin (store, &error));
  exec_ok (store,
           "INSERT INTO traveller (id, flight_id, kind, surname, given_names, name_key,"
           " created_at, retain_until) VALUES"
           " (11, 1, 'passenger', 'DIALLO', 'Kofi', 'diallo kofi', 'x', 'y')");
  _tarmac_store_queue_for_search_key (store, 11, "diallo kofi", "2026-11-15");
  g_assert_true (tarmac_store_commit (store, &error));
  g_assert_no_error (error);
  g_test_assert_expected_messages ();
  g_assert_cmpint (count (store, "SELECT count(*) FROM search_pending"), ==, 0);
  g_assert_cmpint (count (store, "SELECT count(*) FROM search_token WHERE token = 'diallo'"),
                   ==, 3);
  g_assert_true (finds (store, "diallo aminata", 3, TARMAC_SEARCH_MATCH_NAME));
  g_assert_true (finds (store, "diallo kofi", 11, TARMAC_SEARCH_MATCH_NAME));

  /* Damaged, and its only traveller masked: the word goes, misspellings and all. */
  exec_ok (store, "UPDATE search_segment SET postings = x'01ff' WHERE token = 'fernandes'");
  g_test_expect_message ("tarmac-search", G_LOG_LEVEL_WARNING, "*fernandes*damaged");
  g_test_expect_message ("tarmac-search", G_LOG_LEVEL_WARNING, "*fernandes*damaged*again");
  g_assert_true (tarmac_store_begin (store, &error));
  exec_ok (store, "UPDATE traveller SET surname = '***', given_names = '', name_key = '',"
                  " masked = 1 WHERE id = 6");
  g_assert_true (tarmac_store_commit (store, &error));
  g_assert_no_error (error);
  g_test_assert_expected_messages ();
  g_assert_cmpint (count (store, "SELECT count(*) FROM search_pending"), ==, 0);
  g_assert_cmpint (count (store, "SELECT count(*) FROM search_segment"
                                 " WHERE token IN ('fernandes', 'joana')"), ==, 0);
  g_assert_cmpint (count (store, "SELECT count(*) FROM search_vocab"
                                 " WHERE token IN ('fernandes', 'joana')"), ==, 0);
  g_assert_cmpint (count (store, "SELECT count(*) FROM search_variant"
                                 " WHERE token IN ('fernandes', 'joana')"), ==, 0);
}

static char *
fixture (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "import", name, NULL);
}

static void
import_ok (TarmacStore *store,
           const char  *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TarmacImportReport) report = NULL;
  g_autofree char *path = fixture (name);

  g_assert_true (tarmac_import_file (store, path, &report, NULL, &error));
  g_assert_no_error (error);
}

static void
test_search_after_import (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = tarmac_test_db_path ("import.db");
  g_autoptr(TarmacStore) store = tarmac_store_open (path, &error);
  TarmacRetentionPolicy policy;
  gint64 obrien;

  g_assert_no_error (error);
  g_assert_true (tarmac_store_set_meta (store, "airport-code", "LIS", &error));

  import_ok (store, "d02b-passengers.edi");
  obrien = count (store, "SELECT id FROM traveller WHERE surname = 'O''BRIEN'");

  /* Before any PNR: the locator is the manifest's booking reference, in any case. */
  g_assert_true (finds (store, "zq7klm", obrien, TARMAC_SEARCH_MATCH_LOCATOR));

  import_ok (store, "pnrgov-xq0042.edi");
  g_assert_cmpint (count (store, "SELECT count(*) FROM search_pending"), ==, 0);
  g_assert_cmpint (count (store, "SELECT id FROM traveller WHERE surname = 'O''BRIEN'"), ==,
                   obrien);

  g_assert_true (finds (store, "Aoife O'Brien", obrien, TARMAC_SEARCH_MATCH_NAME));
  g_assert_true (finds (store, "obrein aoife", obrien, TARMAC_SEARCH_MATCH_NAME_FUZZY));
  g_assert_true (finds (store, "PA 123 4567", obrien, TARMAC_SEARCH_MATCH_DOCUMENT));
  g_assert_true (finds (store, "ZQ7KLM", obrien, TARMAC_SEARCH_MATCH_LOCATOR));
  g_assert_true (finds (store, "+47 22 55 50 10", obrien, TARMAC_SEARCH_MATCH_PHONE));
  g_assert_true (finds (store, "0047 22555010", obrien, TARMAC_SEARCH_MATCH_PHONE));
  g_assert_true (finds (store, "Aoife.OBrien@example.org", obrien, TARMAC_SEARCH_MATCH_EMAIL));

  /* The same file again changes nothing. */
  import_ok (store, "d02b-passengers.edi");
  g_assert_cmpint (count (store, "SELECT count(*) FROM search_token WHERE traveller_id = (SELECT"
                                 " id FROM traveller WHERE surname = 'O''BRIEN')"), ==, 3);

  /* Retention, long after the flight: masked, so no longer found by anything. */
  tarmac_retention_policy_init (&policy);
  policy.now = "2030-01-01T00:00:00Z";
  policy.delete_after_years = 10;
  g_assert_true (tarmac_retention_apply (store, &policy, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (first_id (store, "Aoife O'Brien", NULL), ==, 0);
  g_assert_cmpint (first_id (store, "obrein aoife", NULL), ==, 0);
  g_assert_cmpint (first_id (store, "PA1234567", NULL), ==, 0);
  g_assert_cmpint (first_id (store, "ZQ7KLM", NULL), ==, 0);
  g_assert_cmpint (count (store, "SELECT count(*) FROM search_token"), ==, 0);
  g_assert_cmpint (count (store, "SELECT count(*) FROM search_vocab"), ==, 0);
  g_assert_cmpint (count (store, "SELECT count(*) FROM search_variant"), ==, 0);
}

static void
test_search_cli (void)
{
  g_autoptr(TarmacStore) store = open_fixture ();
  g_autofree char *cli = tarmac_test_build_path ("src/cli/tarmac-cli");
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *first;
  int status = 0;
  const char *argv[] = { cli, "--db", tarmac_store_get_path (store), "search", "--json",
                         "--limit", "5", "Dialo", "Aminata", NULL };

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, &error));

  root = json_from_string (out, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (root));
  first = json_array_get_object_element (json_node_get_array (root), 0);
  g_assert_cmpint (json_object_get_int_member (first, "traveller_id"), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (first, "match"), ==, "name-fuzzy");
  g_assert_cmpint (json_object_get_int_member (first, "distance"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (first, "document"), ==, "AB-12 34567");

  /* Audited like the app's. */
  g_assert_cmpint (count (store, "SELECT count(*) FROM audit_log WHERE action = 'search'"
                                 " AND detail = 'Dialo Aminata'"), ==, 1);
}

static void
searched_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static GListModel *
search_in_thread (TarmacSearcher  *searcher,
                  const char      *query,
                  GCancellable    *cancellable,
                  GError         **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  tarmac_searcher_search_async (searcher, query, 10, cancellable, searched_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return tarmac_searcher_search_finish (searcher, result, error);
}

static void
test_search_searcher (void)
{
  g_autoptr(TarmacStore) store = open_fixture ();
  g_autoptr(TarmacSearcher) searcher = tarmac_searcher_new (store);
  g_autoptr(GCancellable) cancelled = g_cancellable_new ();
  g_autoptr(GListModel) results = NULL;
  g_autoptr(GListModel) none = NULL;
  g_autoptr(TarmacSearchResult) first = NULL;
  g_autoptr(GError) error = NULL;

  /* On its own connection: a search started while an import holds the write lock waits
   * for it (its audit row needs the lock) and then answers. */
  g_assert_true (tarmac_store_begin (store, &error));
  exec_ok (store, "INSERT INTO meta (key, value) VALUES ('search-test', '1')");
  {
    g_autoptr(GAsyncResult) result = NULL;
    gint64 until = g_get_monotonic_time () + 200 * G_TIME_SPAN_MILLISECOND;

    tarmac_searcher_search_async (searcher, "dialo aminata", 10, NULL, searched_cb, &result);
    while (g_get_monotonic_time () < until)
      g_main_context_iteration (NULL, FALSE);
    g_assert_null (result);
    g_assert_true (tarmac_store_commit (store, &error));
    while (result == NULL)
      g_main_context_iteration (NULL, TRUE);
    results = tarmac_searcher_search_finish (searcher, result, &error);
  }
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (results), >=, 1);
  first = g_list_model_get_item (results, 0);
  g_assert_cmpint (tarmac_traveller_get_id (tarmac_search_result_get_traveller (first)), ==, 3);

  /* Audited, as the store's actor. */
  g_assert_cmpint (count (store, "SELECT count(*) FROM audit_log WHERE action = 'search'"
                                 " AND detail = 'dialo aminata' AND actor = (SELECT actor FROM"
                                 " audit_log ORDER BY id LIMIT 1)"), ==, 1);

  /* A search replaced by a newer one reports itself cancelled. */
  g_cancellable_cancel (cancelled);
  none = search_in_thread (searcher, "diallo", cancelled, &error);
  g_assert_null (none);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/search/names/misspelt", test_search_misspelt);
  g_test_add_func ("/search/names/accents-order-script", test_search_names);
  g_test_add_func ("/search/identifiers", test_search_identifiers);
  g_test_add_func ("/search/identifiers/blocks", test_search_identifiers_blocks);
  g_test_add_func ("/search/audit", test_search_audit);
  g_test_add_func ("/search/index/masked-and-deleted", test_search_masked);
  g_test_add_func ("/search/index/pending", test_search_pending);
  g_test_add_func ("/search/index/segments", test_search_segments);
  g_test_add_func ("/search/index/import-retention", test_search_after_import);
  g_test_add_func ("/search/cli", test_search_cli);
  g_test_add_func ("/search/searcher", test_search_searcher);

  return g_test_run ();
}
