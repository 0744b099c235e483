/* test-sheet-import.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "tarmac-importer.h"
#include "tarmac-store-private.h"
#include "tarmac-test-util.h"

/* Spreadsheet manifests into the database (tarmac-importer-sheet.c), from the fixtures in
 * tests/data/sheets: the automatic path of tarmac_import_file(), an explicit mapping with
 * tarmac_import_sheet_bytes(), the mapping remembered per airline, and refusals that
 * leave the database as it was. */

static gint64
count (TarmacStore *store,
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
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return g_strdup (_tarmac_store_column_text (stmt, 0));
}

/* Row counts of every table: equal snapshots mean nothing was written. */
static char *
snapshot (TarmacStore *store)
{
  g_autoptr(sqlite3_stmt) tables = NULL;
  GString *text = g_string_new (NULL);

  tables = _tarmac_store_prepare (store,
                                  "SELECT name FROM sqlite_master WHERE type = 'table'"
                                  " AND name NOT LIKE 'sqlite_%' ORDER BY name", NULL);
  g_assert_nonnull (tables);
  while (sqlite3_step (tables) == SQLITE_ROW)
    {
      const char *name = _tarmac_store_column_text (tables, 0);
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM \"%s\"", name);

      g_string_append_printf (text, "%s=%lld ", name, (long long) count (store, sql));
    }
  return g_string_free (text, FALSE);
}

static TarmacStore *
open_store (void)
{
  g_autoptr(GError) error = NULL;
  TarmacStore *store = tarmac_store_open (":memory:", &error);

  g_assert_no_error (error);
  return store;
}

static char *
fixture (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "sheets", name, NULL);
}

static TarmacImportReport *
import_ok (TarmacStore *store,
           const char  *name)
{
  g_autofree char *path = fixture (name);
  g_autoptr(GError) error = NULL;
  TarmacImportReport *report = NULL;

  tarmac_import_file (store, path, &report, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (report->result, ==, TARMAC_IMPORT_RESULT_IMPORTED);
  return report;
}

static gboolean
has_warning (TarmacImportReport *report,
             const char         *code,
             guint               line,
             guint               column)
{
  for (guint i = 0; i < report->warnings->len; i++)
    {
      TarmacImportWarning *warning = g_ptr_array_index (report->warnings, i);

      if (g_str_equal (warning->code, code) && warning->line == line &&
          warning->segment_index == column)
        return TRUE;
    }
  return FALSE;
}

static void
test_import_csv_languages (void)
{
  g_autoptr(TarmacStore) store = open_store ();
  g_autoptr(TarmacImportReport) en = import_ok (store, "manifest-en.csv");
  g_autoptr(TarmacImportReport) fr = NULL;
  g_autoptr(TarmacImportReport) es = NULL;
  g_autoptr(TarmacImportReport) pt = NULL;
  g_autofree char *text = NULL;

  g_assert_cmpstr (en->format, ==, "csv");
  g_assert_cmpuint (en->n_messages, ==, 1);
  g_assert_cmpuint (en->n_flights, ==, 1);
  g_assert_cmpuint (en->n_travellers, ==, 3);
  g_assert_cmpuint (en->n_documents, ==, 3);
  g_assert_cmpint (count (store, "SELECT count(*) FROM flight WHERE carrier = 'AF'"
                                 " AND number = '0702' AND flight_date = '2026-11-22'"
                                 " AND origin = 'CDG' AND destination = 'LFW'"
                                 " AND scheduled_departure IS NULL"), ==, 1);
  g_assert_cmpint (count (store, "SELECT count(*) FROM traveller WHERE from_api = 1"
                                 " AND kind = 'passenger'"), ==, 3);
  text = query_text (store, "SELECT surname || '|' || given_names || '|' || sex || '|' ||"
                            " date_of_birth || '|' || nationality || '|' || seat || '|' ||"
                            " booking_reference || '|' || bag_count FROM traveller"
                            " WHERE surname = 'TESTER'");
  g_assert_cmpstr (text, ==, "TESTER|Jean, Junior|M|1990-12-02|TGO|12B|XKQ7PL|2");
  g_clear_pointer (&text, g_free);
  text = query_text (store, "SELECT number_normalised || '|' || expires_on FROM travel_document"
                            " JOIN traveller ON traveller.id = traveller_id"
                            " WHERE surname = 'O''SAMPLE'");
  g_assert_cmpstr (text, ==, "PA0000001|2031-09-15");
  g_clear_pointer (&text, g_free);
  /* The provenance: a message of type CSV from this file. */
  g_assert_cmpint (count (store, "SELECT count(*) FROM traveller"
                                 " JOIN message ON message.id = traveller.message_id"
                                 " WHERE message.type = 'CSV'"), ==, 3);

  /* French in Windows-1252: the flight from columns, the encoding a warning. */
  fr = import_ok (store, "manifest-fr.csv");
  g_assert_cmpuint (fr->n_travellers, ==, 2);
  g_assert_true (has_warning (fr, "encoding", 0, 0));
  g_assert_cmpint (count (store, "SELECT count(*) FROM traveller WHERE given_names = 'François'"
                                 " AND date_of_birth = '1975-01-17'"), ==, 1);
  /* Same flight as the English file: one flight row. */
  g_assert_cmpint (count (store, "SELECT count(*) FROM flight"), ==, 1);

  /* Spanish: full names, crew, airports from columns. */
  es = import_ok (store, "manifest-es.csv");
  g_assert_false (TRUE && es->n_travellers == 0);
  g_assert_cmpuint (es->n_crew, ==, 1);
  g_assert_cmpint (count (store, "SELECT count(*) FROM traveller WHERE surname = 'PRUEBA'"
                                 " AND given_names = 'MARIA JOSE' AND embarkation = 'MAD'"), ==, 1);

  /* Portuguese UTF-16 with a tab: the flight TP1521 from columns. */
  pt = import_ok (store, "manifest-pt.txt");
  g_assert_cmpuint (pt->n_travellers, ==, 2);
  g_assert_cmpint (count (store, "SELECT count(*) FROM traveller WHERE given_names = 'Conceição'"
                                 " AND nationality = 'BRA' AND seat = '7E'"), ==, 1);
}

static void
test_import_rejections (void)
{
  const char *files[] = {
    "manifest-noflight.csv", "bomb.xlsx", "truncated.xlsx", "zip64.xlsx",
  };
  g_autoptr(TarmacStore) store = open_store ();
  g_autoptr(TarmacImportReport) first = import_ok (store, "manifest-en.csv");
  g_autofree char *before = snapshot (store);

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = fixture (files[i]);
      g_autofree char *after = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(TarmacImportReport) report = NULL;

      g_assert_false (tarmac_import_file (store, path, &report, NULL, &error));
      g_assert_error (error, TARMAC_IMPORT_ERROR, TARMAC_IMPORT_ERROR_INVALID);
      g_test_message ("%s", error->message);
      /* The reason names the file. */
      g_assert_true (g_str_has_prefix (error->message, files[i]));
      g_assert_cmpint (report->result, ==, TARMAC_IMPORT_RESULT_FAILED);
      after = snapshot (store);
      g_assert_cmpstr (after, ==, before);
    }
}

static void
test_import_xlsx (void)
{
  g_autoptr(TarmacStore) store = open_store ();
  g_autoptr(TarmacImportReport) report = import_ok (store, "manifest.xlsx");
  g_autoptr(TarmacImportReport) again = import_ok (store, "manifest-1904.xlsx");
  g_autofree char *text = NULL;

  g_assert_cmpstr (report->format, ==, "xlsx");
  g_assert_cmpuint (report->n_travellers, ==, 2);
  text = query_text (store, "SELECT given_names || '|' || date_of_birth || '|' ||"
                            " bag_weight_kg FROM traveller WHERE surname = 'EXCELTEST'");
  g_assert_cmpstr (text, ==, "Zoé|1985-03-14|23.5");
  g_assert_cmpint (count (store, "SELECT count(*) FROM message WHERE type = 'XLSX'"), ==, 2);
  /* The 1904 workbook holds the same dates. */
  g_assert_cmpint (count (store, "SELECT count(*) FROM traveller WHERE surname = 'SHEETSON'"
                                 " AND date_of_birth = '1980-07-09' AND nationality = 'DEU'"),
                   ==, 2);
}

static GBytes *
read_fixture (const char *name)
{
  g_autofree char *path = fixture (name);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static void
test_import_explicit_mapping (void)
{
  g_autoptr(TarmacStore) store = open_store ();
  g_autoptr(GBytes) bytes = read_fixture ("manifest-noflight.csv");
  g_autoptr(TarmacSheet) sheet = NULL;
  g_autoptr(TarmacSheetMapping) mapping = NULL;
  g_autoptr(TarmacSheetMapping) next = NULL;
  g_autoptr(TarmacImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = snapshot (store);
  g_autofree char *after = NULL;
  gsize length;
  const guint8 *data = g_bytes_get_data (bytes, &length);
  const char *again = "Surname,Given names,Sex\nOTHERFILE,Gamma,F\n";

  sheet = tarmac_import_read_sheet ("manifest-noflight.csv", data, length, &error);
  g_assert_no_error (error);
  mapping = tarmac_import_propose_mapping (store, sheet, &error);
  g_assert_no_error (error);
  g_assert_false (tarmac_sheet_mapping_get_remembered (mapping));

  /* Without a flight: refused, naming it, nothing written. */
  g_assert_false (tarmac_import_sheet_bytes (store, "manifest-noflight.csv", data, length,
                                             mapping, &report, NULL, &error));
  g_assert_error (error, TARMAC_IMPORT_ERROR, TARMAC_IMPORT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "flight"));
  g_clear_error (&error);
  g_clear_pointer (&report, tarmac_import_report_free);
  after = snapshot (store);
  g_assert_cmpstr (after, ==, before);

  /* A flight without airports, not in the database: refused too. */
  tarmac_sheet_mapping_set_flight (mapping, "KP", "55", "2026-11-05", NULL, NULL);
  g_assert_false (tarmac_import_sheet_bytes (store, "manifest-noflight.csv", data, length,
                                             mapping, &report, NULL, &error));
  g_assert_nonnull (strstr (error->message, "airport"));
  g_clear_error (&error);
  g_clear_pointer (&report, tarmac_import_report_free);

  /* The officer states the flight and ignores the sex column. */
  tarmac_sheet_mapping_set_flight (mapping, "KP", "55", "2026-11-05", "LFW", "ACC");
  tarmac_sheet_mapping_set_field (mapping, 2, TARMAC_SHEET_FIELD_IGNORE);
  g_assert_true (tarmac_import_sheet_bytes (store, "manifest-noflight.csv", data, length,
                                            mapping, &report, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report->n_travellers, ==, 2);
  g_assert_cmpint (count (store, "SELECT count(*) FROM traveller WHERE sex IS NULL"), ==, 2);
  g_assert_cmpint (count (store, "SELECT count(*) FROM sheet_mapping WHERE carrier = 'KP'"),
                   ==, 1);

  /* The next file with that layout gets the remembered mapping, even without a flight of
   * its own; the flight number "55" finds the stored "0055" and its airports. */
  g_clear_pointer (&sheet, tarmac_sheet_free);
  sheet = tarmac_import_read_sheet ("next.csv", (const guint8 *) again, strlen (again), &error);
  g_assert_no_error (error);
  next = tarmac_import_propose_mapping (store, sheet, &error);
  g_assert_no_error (error);
  g_assert_true (tarmac_sheet_mapping_get_remembered (next));
  g_assert_cmpint (tarmac_sheet_mapping_get_field (next, 2), ==, TARMAC_SHEET_FIELD_IGNORE);
  tarmac_sheet_mapping_set_flight (next, "KP", "55", "2026-11-05", NULL, NULL);
  g_clear_pointer (&report, tarmac_import_report_free);
  g_assert_true (tarmac_import_sheet_bytes (store, "next.csv", (const guint8 *) again,
                                            strlen (again), next, &report, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (store, "SELECT count(*) FROM flight"), ==, 1);
  g_assert_cmpint (count (store, "SELECT count(*) FROM traveller"), ==, 3);

  /* The same bytes again: a duplicate, nothing written. */
  g_clear_pointer (&report, tarmac_import_report_free);
  g_assert_true (tarmac_import_sheet_bytes (store, "next.csv", (const guint8 *) again,
                                            strlen (again), next, &report, NULL, &error));
  g_assert_cmpint (report->result, ==, TARMAC_IMPORT_RESULT_DUPLICATE);
}

static void
test_import_warnings (void)
{
  g_autoptr(TarmacStore) store = open_store ();
  g_autoptr(TarmacImportReport) ambiguous = import_ok (store, "manifest-ambiguous.csv");
  g_autoptr(TarmacImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  const char *text = "Flight AF702 2026-11-22 CDG-LFW\n"
                     "Surname,Given names,DOB,Sex,Seat\n"
                     "GOODROW,One,1980-01-01,M,1A\n"
                     "BADDATE,Two,31/02/1980,Q,1B\n"
                     ",,,,\n"
                     "Total,,,,2\n";

  g_assert_true (has_warning (ambiguous, "ambiguous-dates", 0, 0));
  g_assert_cmpint (count (store, "SELECT count(*) FROM traveller"
                                 " WHERE date_of_birth = '1980-04-03'"), ==, 1);

  /* Problems in cells are warnings at their row and column; a row without a name is
   * skipped with a warning. */
  g_assert_true (tarmac_import_bytes (store, "warnings.csv", (const guint8 *) text,
                                      strlen (text), &report, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report->n_travellers, ==, 3);
  g_assert_true (has_warning (report, "bad-value", 4, 3));
  g_assert_true (has_warning (report, "bad-value", 4, 4));
  g_assert_cmpint (count (store, "SELECT count(*) FROM traveller WHERE surname = 'BADDATE'"
                                 " AND date_of_birth IS NULL AND sex IS NULL"), ==, 1);
}

static int
run_cli (const char *db,
         char      **out,
         ...)
{
  g_autofree char *cli = tarmac_test_build_path ("src/cli/tarmac-cli");
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *arg;
  int status = 0;
  va_list args;

  g_ptr_array_add (argv, cli);
  g_ptr_array_add (argv, (char *) "--db");
  g_ptr_array_add (argv, (char *) db);
  g_ptr_array_add (argv, (char *) "import");
  va_start (args, out);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               out, NULL, &status, &error));
  g_assert_no_error (error);
  return g_spawn_check_wait_status (status, NULL) ? 0 : 1;
}

/* tarmac-cli import with --flight and --map, and the mapping remembered by it. */
static void
test_import_cli (void)
{
  g_autofree char *db = tarmac_test_db_path ("cli.db");
  g_autofree char *noflight = fixture ("manifest-noflight.csv");
  g_autofree char *ambiguous = fixture ("manifest-ambiguous.csv");
  g_autofree char *out = NULL;
  g_autoptr(TarmacStore) store = NULL;
  g_autoptr(GError) error = NULL;

  /* Without a flight: refused, exit 1. */
  g_assert_cmpint (run_cli (db, &out, noflight, NULL), ==, 1);
  g_assert_nonnull (strstr (out, "failed"));
  g_clear_pointer (&out, g_free);

  /* A wrong option: exit 1, nothing imported. */
  g_assert_cmpint (run_cli (db, &out, "--map", "Z=surname", noflight, NULL), ==, 1);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_cli (db, &out, "--flight", "AF702", noflight, NULL), ==, 1);
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (run_cli (db, &out, "--flight", "KP55/2026-11-05/LFW-ACC", "--map", "C=ignore",
                            "--json", noflight, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "\"travellers\" : 2"));
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_cli (db, &out, "--map", "dates=mdy", ambiguous, NULL), ==, 0);
  g_clear_pointer (&out, g_free);

  store = tarmac_store_open (db, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count (store, "SELECT count(*) FROM flight WHERE carrier = 'KP'"
                                 " AND number = '0055' AND origin = 'LFW'"), ==, 1);
  g_assert_cmpint (count (store, "SELECT count(*) FROM traveller WHERE sex IS NOT NULL"), ==, 2);
  /* --map dates=mdy: 03/04/1980 is March the 4th. */
  g_assert_cmpint (count (store, "SELECT count(*) FROM traveller"
                                 " WHERE date_of_birth = '1980-03-04'"), ==, 1);
  /* Both files' layouts are remembered for KP: the options were the officer's choice. */
  g_assert_cmpint (count (store, "SELECT count(*) FROM sheet_mapping WHERE carrier = 'KP'"),
                   ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/sheet-import/csv-languages", test_import_csv_languages);
  g_test_add_func ("/sheet-import/xlsx", test_import_xlsx);
  g_test_add_func ("/sheet-import/rejections", test_import_rejections);
  g_test_add_func ("/sheet-import/explicit-mapping", test_import_explicit_mapping);
  g_test_add_func ("/sheet-import/warnings", test_import_warnings);
  g_test_add_func ("/sheet-import/cli", test_import_cli);

  return g_test_run ();
}
