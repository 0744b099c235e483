/* test-import.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <fcntl.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <unistd.h>

#include "tarmac-flight.h"
#include "tarmac-importer.h"
#include "tarmac-name-key.h"
#include "tarmac-paxlst.h"
#include "tarmac-sniff.h"
#include "tarmac-store-private.h"
#include "tarmac-test-interrupt.h"
#include "tarmac-test-util.h"

/* The import pipeline (PAXLST → database) against our fixtures in tests/data/import (names
 * invented), and against ../shared/samples/paxlst when it is there. */

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

/* The row count of every table plus the audit log's last hash: equal snapshots mean
 * nothing was written. */
static char *
snapshot (TarmacStore *store)
{
  g_autoptr(sqlite3_stmt) tables = NULL;
  GString *text = g_string_new (NULL);
  g_autofree char *head = NULL;

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

  head = query_text (store, "SELECT coalesce (max (hash), '') || ':' ||"
                            " coalesce ((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1),"
                            " '') FROM audit_log");
  g_string_append (text, head);

  return g_string_free (text, FALSE);
}

static TarmacStore *
open_store (const char *airport)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TarmacStore) store = tarmac_store_open (":memory:", &error);

  g_assert_no_error (error);
  if (airport != NULL)
    {
      tarmac_store_set_meta (store, "airport-code", airport, &error);
      g_assert_no_error (error);
    }
  return g_steal_pointer (&store);
}

static char *
fixture (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "import", name, NULL);
}

static void
import_fixture_ok (TarmacStore         *store,
                   const char          *name,
                   TarmacImportResult   expected)
{
  g_autofree char *path = fixture (name);
  g_autoptr(TarmacImportReport) report = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (tarmac_import_file (store, path, &report, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (report);
  g_assert_cmpint (report->result, ==, expected);
  g_assert_cmpstr (report->name, ==, name);
  g_assert_cmpstr (report->format, ==, "paxlst");
  g_assert_cmpuint (strlen (report->sha256), ==, 64);
}

static void
test_import_d02b (void)
{
  g_autoptr(TarmacStore) store = open_store ("LIS");
  g_autofree char *path = fixture ("d02b-passengers.edi");
  g_autoptr(TarmacImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) warnings = NULL;
  g_autofree char *key = tarmac_name_key ("O'BRIEN AOIFE MARY");
  g_autofree char *text = NULL;
  g_autofree char *json = NULL;

  g_assert_true (tarmac_import_file (store, path, &report, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (report->result, ==, TARMAC_IMPORT_RESULT_IMPORTED);
  g_assert_cmpuint (report->n_messages, ==, 1);
  g_assert_cmpuint (report->n_flights, ==, 1);
  g_assert_cmpuint (report->n_travellers, ==, 3);
  g_assert_cmpuint (report->n_crew, ==, 0);
  g_assert_cmpuint (report->n_documents, ==, 3);
  g_assert_cmpint (report->source_file_id, >, 0);

  /* source_file, with the warnings as JSON */
  g_assert_cmpint (count (store, "SELECT count(*) FROM source_file WHERE name ="
                                 " 'd02b-passengers.edi' AND format = 'paxlst' AND result ="
                                 " 'imported' AND length (sha256) = 64"), ==, 1);
  json = query_text (store, "SELECT report FROM source_file");
  warnings = json_from_string (json, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (warnings));
  g_assert_cmpuint (json_array_get_length (json_node_get_array (warnings)), ==,
                    report->warnings->len);
  g_assert_cmpint (count (store, "SELECT warnings FROM source_file"), ==, report->warnings->len);

  /* message */
  g_assert_cmpint (count (store, "SELECT count(*) FROM message WHERE type = 'PAXLST' AND"
                                 " version = 'D02B' AND sender = 'TARMACAIR' AND recipient ="
                                 " 'TESTAPIS' AND reference = 'M1' AND part_number = 1 AND"
                                 " last_part = 1 AND byte_offset > 0"), ==, 1);

  /* flight and leg; LIS is the destination, so inbound */
  g_assert_cmpint (count (store, "SELECT count(*) FROM flight WHERE carrier = 'XQ' AND"
                                 " number = '0042' AND flight_date = '2026-03-14' AND"
                                 " origin = 'OSL' AND destination = 'LIS' AND"
                                 " direction = 'inbound' AND scheduled_departure ="
                                 " '2026-03-14T09:10'"), ==, 1);
  g_assert_cmpint (count (store, "SELECT count(*) FROM flight_leg WHERE seq = 1 AND"
                                 " origin = 'OSL' AND destination = 'LIS'"), ==, 1);

  /* travellers */
  g_assert_cmpint (count (store, "SELECT count(*) FROM traveller WHERE from_api = 1 AND"
                                 " kind = 'passenger'"), ==, 3);
  text = query_text (store, "SELECT name_key FROM traveller WHERE surname = 'O''BRIEN'");
  g_assert_cmpstr (text, ==, key);
  g_clear_pointer (&text, g_free);
  g_assert_cmpint (count (store, "SELECT count(*) FROM traveller WHERE surname = 'O''BRIEN'"
                                 " AND given_names = 'AOIFE MARY' AND sex = 'F' AND"
                                 " date_of_birth = '1985-04-12' AND nationality = 'IRL' AND"
                                 " seat = '12C' AND bag_count = 2 AND bag_weight_kg = 31.5 AND"
                                 " booking_reference = 'ZQ7KLM' AND embarkation = 'OSL' AND"
                                 " debarkation = 'LIS' AND transit = 0 AND retain_until >"
                                 " created_at"), ==, 1);
  /* the surname as sent, whitespace collapsed */
  g_assert_cmpint (count (store, "SELECT count(*) FROM traveller WHERE surname = 'VANTERPOOL'"
                                 " AND given_names = 'JONAS ERIK' AND sex = 'M'"), ==, 1);

  /* documents: as given and normalised */
  g_assert_cmpint (count (store, "SELECT count(*) FROM travel_document"), ==, 3);
  g_assert_cmpint (count (store, "SELECT count(*) FROM travel_document WHERE"
                                 " number = 'no-555 000.1' AND number_normalised ="
                                 " 'NO5550001' AND type = 'P'"), ==, 1);
  g_assert_cmpint (count (store, "SELECT count(*) FROM travel_document WHERE type = 'V' AND"
                                 " number_normalised = 'VX99887' AND expires_on ="
                                 " '2027-06-30'"), ==, 1);

  /* sources and audit */
  g_assert_cmpint (count (store, "SELECT count(*) FROM traveller t JOIN message m"
                                 " ON m.id = t.message_id WHERE m.type = 'PAXLST'"), ==, 3);
  g_assert_cmpint (count (store, "SELECT count(*) FROM traveller_source"), ==, 0);
  text = query_text (store, "SELECT detail FROM audit_log WHERE action = 'import' AND"
                            " object_type = 'source_file'");
  g_assert_cmpstr (text, ==, "d02b-passengers.edi: 3 travellers");
}

static void
test_import_direction (void)
{
  const struct { const char *airport; const char *direction; } cases[] = {
    { NULL, "inbound" },
    { "LIS", "inbound" },
    { "OSL", "outbound" },
    { "CDG", "transit" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(TarmacStore) store = open_store (cases[i].airport);
      g_autofree char *direction = NULL;

      import_fixture_ok (store, "d02b-passengers.edi", TARMAC_IMPORT_RESULT_IMPORTED);
      direction = query_text (store, "SELECT direction FROM flight");
      g_assert_cmpstr (direction, ==, cases[i].direction);
    }
}

static void
test_import_duplicate (void)
{
  g_autoptr(TarmacStore) store = open_store (NULL);
  g_autofree char *path = fixture ("d02b-passengers.edi");
  g_autoptr(TarmacImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 first_id;

  import_fixture_ok (store, "d02b-passengers.edi", TARMAC_IMPORT_RESULT_IMPORTED);
  first_id = count (store, "SELECT id FROM source_file");
  before = snapshot (store);

  g_assert_true (tarmac_import_file (store, path, &report, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (report->result, ==, TARMAC_IMPORT_RESULT_DUPLICATE);
  g_assert_cmpint (report->source_file_id, ==, first_id);
  g_assert_cmpuint (report->n_travellers, ==, 0);

  after = snapshot (store);
  g_assert_cmpstr (before, ==, after);
}

static void
assert_rejected (TarmacStore  *store,
                 const char   *name,
                 const guint8 *data,
                 gsize         length,
                 gint          code,
                 const char   *expected)
{
  g_autoptr(TarmacImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = snapshot (store);
  g_autofree char *after = NULL;

  g_assert_false (tarmac_import_bytes (store, name, data, length, &report, NULL, &error));
  g_assert_error (error, TARMAC_IMPORT_ERROR, code);
  g_assert_nonnull (strstr (error->message, name));
  if (expected != NULL)
    g_assert_nonnull (strstr (error->message, expected));
  g_assert_cmpint (report->result, ==, TARMAC_IMPORT_RESULT_FAILED);
  g_assert_cmpstr (report->error_message, ==, error->message);

  after = snapshot (store);
  g_assert_cmpstr (before, ==, after);
}

/* A manifest of @n passengers on one flight, a segment a line, PASSENGER 1 to @n; the
 * one numbered @refused (from 1) has REFUSED after its number. */
static char *
many_passengers (guint n,
                 guint refused)
{
  GString *text = g_string_new ("UNA:+.? '\n"
                                "UNB+UNOA:4+TARMACAIR:ZZ+TESTAPIS:ZZ+260313:2200+900077++APIS'\n"
                                "UNH+M1+PAXLST:D:02B:UN:IATA+XQ0077/260314/0910+01:F'\n"
                                "BGM+745'\n"
                                "NAD+MS+++OPS DESK ZETA'\n"
                                "TDT+20+XQ0077+++XQ'\n"
                                "LOC+125+OSL'\n"
                                "DTM+189:2603140910:201'\n"
                                "LOC+87+LIS'\n"
                                "DTM+232:2603141345:201'\n");

  for (guint i = 1; i <= n; i++)
    g_string_append_printf (text,
                            "NAD+FL+++TESTPERSON:PASSENGER %u%s'\n"
                            "ATT+2++F'\n"
                            "DTM+329:850412'\n"
                            "DOC+P+ZX%07u'\n",
                            i, i == refused ? " REFUSED" : "", i);
  g_string_append_printf (text, "CNT+42:%u'\nUNT+%u+M1'\nUNZ+1+900077'\n", n, 8 + 4 * n);
  return g_string_free (text, FALSE);
}

/* Travellers and documents are written many rows to a statement: when one row is
 * refused, the error still names that traveller's line, and nothing of the file stays. */
static void
test_import_row_refused (void)
{
  g_autoptr(TarmacStore) store = open_store (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *whole = many_passengers (70, 0);
  /* The rows go in the order of the names (PASSENGER 1, 10 to 19, 2, 20…): passenger 20
   * is the 13th, in the first statement of 64 rows, and 9 the last, in the last one, of 2.
   * A passenger's NAD is on line 11 + 4 × (its number − 1). */
  static const guint refused[] = { 20, 9 };
  /* ABORT undoes the statement as a whole; FAIL, as a CHECK refuses a row in the
   * import's INSERT OR FAIL, keeps the rows before the refused one, and the import goes
   * on from there. */
  static const char * const actions[] = { "ABORT", "FAIL" };

  for (guint a = 0; a < G_N_ELEMENTS (actions); a++)
    {
      g_autofree char *trigger = NULL;
      g_autofree char *document_trigger = NULL;

      trigger = g_strdup_printf ("CREATE TEMP TRIGGER refuse BEFORE INSERT ON traveller"
                                 " WHEN new.given_names LIKE '%% REFUSED'"
                                 " BEGIN SELECT RAISE (%s, 'refused by the test'); END",
                                 actions[a]);
      g_assert_true (_tarmac_store_exec (store, trigger, &error));
      g_assert_no_error (error);

      for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
        {
          g_autofree char *text = many_passengers (70, refused[i]);
          g_autofree char *where = g_strdup_printf ("line %u ", 11 + 4 * (refused[i] - 1));

          assert_rejected (store, "refused.edi", (const guint8 *) text, strlen (text),
                           TARMAC_IMPORT_ERROR_INVALID, where);
        }
      g_assert_true (_tarmac_store_exec (store, "DROP TRIGGER refuse", &error));
      g_assert_no_error (error);

      /* A refused document, passenger 50's, the 46th in the first statement of 64
       * documents: its holder's line. */
      document_trigger = g_strdup_printf ("CREATE TEMP TRIGGER refuse_document BEFORE INSERT"
                                          " ON travel_document WHEN new.number = 'ZX0000050'"
                                          " BEGIN SELECT RAISE (%s, 'refused by the test');"
                                          " END", actions[a]);
      g_assert_true (_tarmac_store_exec (store, document_trigger, &error));
      g_assert_no_error (error);
      assert_rejected (store, "refused.edi", (const guint8 *) whole, strlen (whole),
                       TARMAC_IMPORT_ERROR_INVALID, "line 207 ");
      g_assert_true (_tarmac_store_exec (store, "DROP TRIGGER refuse_document", &error));
      g_assert_no_error (error);
    }

  /* Without the refused name, all 70, each with its own document, their ids following
   * each other in the order of their names (that of the index traveller_flight). */
  {
    g_autoptr(TarmacImportReport) report = NULL;

    g_assert_true (tarmac_import_bytes (store, "whole.edi", (const guint8 *) whole,
                                        strlen (whole), &report, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (report->n_travellers, ==, 70);
    g_assert_cmpint (count (store, "SELECT count(*) FROM traveller t"
                                   " JOIN travel_document d ON d.traveller_id = t.id"
                                   " WHERE d.number = printf ('ZX%07d',"
                                   "   CAST (substr (t.given_names, 11) AS INTEGER))"), ==, 70);
    g_assert_cmpint (count (store, "SELECT count(*) FROM traveller WHERE message_id ="
                                   " (SELECT max (id) FROM message)"), ==, 70);
    g_assert_cmpint (count (store, "SELECT max (id) - min (id) + 1 FROM traveller"), ==, 70);
    g_assert_cmpint (count (store, "SELECT count(*) FROM traveller a"
                                   " JOIN traveller b ON b.id = a.id + 1"
                                   " WHERE b.name_key < a.name_key"), ==, 0);
  }
}

/* An error that is not a refused row (here an interruption; a full disk or an I/O error
 * do the same) rolls SQLite's whole transaction back in the middle of a statement of many
 * travellers. The import must stop there and say so, not write the rows again one by
 * one outside any transaction: nothing of the file stays. */
static void
test_import_rows_interrupted (void)
{
  g_autoptr(TarmacStore) store = open_store (NULL);
  g_autoptr(TarmacImportReport) first = NULL;
  g_autoptr(TarmacImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = many_passengers (70, 0);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  sqlite3 *db = _tarmac_store_get_db (store);
  TarmacTestInterrupt interrupt = { "INSERT OR FAIL INTO traveller (flight_id", "), (", 1, 0, FALSE };
  char *p;

  g_assert_true (tarmac_import_bytes (store, "first.edi", (const guint8 *) text,
                                      strlen (text), &first, NULL, &error));
  g_assert_no_error (error);
  before = snapshot (store);

  /* The same flight, from another message, so the flight row is there already. */
  while ((p = strstr (text, "XQ0077/260314/0910")) != NULL)
    memcpy (p, "XQ0077/260314/0999", 18);
  while ((p = strstr (text, "900077")) != NULL)
    memcpy (p, "900079", 6);
  while ((p = strstr (text, "TESTPERSON")) != NULL)
    memcpy (p, "OTHERGUEST", 10);

  /* In the first statement writing several travellers. */
  tarmac_test_interrupt_start (db, &interrupt);
  g_assert_false (tarmac_import_bytes (store, "second.edi", (const guint8 *) text,
                                       strlen (text), &report, NULL, &error));
  tarmac_test_interrupt_stop (db);

  g_assert_error (error, TARMAC_IMPORT_ERROR, TARMAC_IMPORT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "interrupt"));
  /* The first passenger's NAD, where the statement began. */
  g_assert_nonnull (strstr (error->message, "second.edi, line 11 "));
  after = snapshot (store);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (count (store, "SELECT count(*) FROM traveller"), ==, 70);
}

/* Names longer than their columns allow are cut at 256 characters, not bytes, and the
 * traveller is imported. */
static void
test_import_long_names (void)
{
  g_autoptr(TarmacStore) store = open_store (NULL);
  g_autoptr(TarmacImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) surname = g_string_new (NULL);
  g_autofree char *given = g_strnfill (300, 'A');
  g_autofree char *text = NULL;

  for (guint i = 0; i < 300; i++)
    g_string_append (surname, "\xc3\x89");  /* É: two bytes */
  text = g_strdup_printf ("UNA:+.? '\n"
                          "UNB+UNOY:4+TARMACAIR:ZZ+TESTAPIS:ZZ+260313:2200+900078++APIS'\n"
                          "UNH+M1+PAXLST:D:02B:UN:IATA+XQ0078/260314/0910+01:F'\n"
                          "BGM+745'\n"
                          "TDT+20+XQ0078+++XQ'\n"
                          "LOC+125+OSL'\n"
                          "DTM+189:2603140910:201'\n"
                          "LOC+87+LIS'\n"
                          "DTM+232:2603141345:201'\n"
                          "NAD+FL+++%s:%s'\n"
                          "NAD+FL+++%s:SHORT'\n"
                          "CNT+42:2'\nUNT+11+M1'\nUNZ+1+900078'\n",
                          surname->str, given, surname->str);

  g_assert_true (tarmac_import_bytes (store, "long.edi", (const guint8 *) text, strlen (text),
                                      &report, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report->n_travellers, ==, 2);
  g_assert_cmpint (count (store, "SELECT count(*) FROM traveller WHERE length (surname) = 256"
                                 " AND replace (surname, 'É', '') = ''"),
                   ==, 2);
  g_assert_cmpint (count (store, "SELECT count(*) FROM traveller"
                                 " WHERE length (given_names) = 256"), ==, 1);
}

static void
test_import_corrupt (void)
{
  g_autoptr(TarmacStore) store = open_store (NULL);
  g_autofree char *junk_path = fixture ("junk.txt");
  g_autofree char *junk = NULL;
  g_autofree char *minimal_path = g_test_build_filename (G_TEST_DIST, "data", "paxlst",
                                                         "minimal.edi", NULL);
  g_autofree char *minimal = NULL;
  g_autofree char *filler = g_strnfill (70 * 1024, 'A');
  g_autofree char *long_segment = NULL;
  static const guint8 tiny[] = "UNH";
  gsize length = 0;

  /* Something already there, which must stay as it is. */
  import_fixture_ok (store, "multipart-part1.edi", TARMAC_IMPORT_RESULT_IMPORTED);

  /* A 70 KiB segment inside the message: the tokenizer stops there; the whole file is
   * refused, with the position. */
  long_segment = g_strdup_printf ("UNB+UNOA:4+TARMACAIR:ZZ+TESTAPIS:ZZ+260601:1000+1++APIS'\n"
                                  "UNH+1+PAXLST:D:02B:UN:IATA'\nBGM+745'\n"
                                  "TDT+20+XQ0099+++XQ'\nLOC+125+OSL'\n"
                                  "DTM+189:2606011200:201'\nLOC+87+RIX'\n"
                                  "NAD+FL+++ALPHA:BETA'\nFTX+AAA+++%s'\n"
                                  "NAD+FL+++GAMMA:DELTA'\nUNT+5+1'\nUNZ+1+1'\n", filler);
  assert_rejected (store, "long-segment.edi", (const guint8 *) long_segment,
                   strlen (long_segment), TARMAC_IMPORT_ERROR_INVALID, "(line 9)");

  g_assert_true (g_file_get_contents (junk_path, &junk, &length, NULL));
  assert_rejected (store, "junk.txt", (const guint8 *) junk, length,
                   TARMAC_IMPORT_ERROR_UNSUPPORTED, NULL);

  /* Travellers with no airport or date to hang a flight on: rejected, with position. */
  g_assert_true (g_file_get_contents (minimal_path, &minimal, &length, NULL));
  assert_rejected (store, "minimal.edi", (const guint8 *) minimal, length,
                   TARMAC_IMPORT_ERROR_INVALID, "line 3 (byte");

  assert_rejected (store, "empty.edi", tiny, 0, TARMAC_IMPORT_ERROR_EMPTY, NULL);
  /* Refused on its length alone: the bytes are never read. */
  assert_rejected (store, "huge.edi", tiny, TARMAC_IMPORT_MAX_SIZE + 1,
                   TARMAC_IMPORT_ERROR_TOO_LARGE, "256");

  /* A rejected file can be imported once it is fixed. */
  import_fixture_ok (store, "d02b-passengers.edi", TARMAC_IMPORT_RESULT_IMPORTED);
}

static void
test_import_multipart (void)
{
  g_autoptr(TarmacStore) store = open_store ("RIX");

  import_fixture_ok (store, "multipart-part1.edi", TARMAC_IMPORT_RESULT_IMPORTED);
  import_fixture_ok (store, "multipart-part2.edi", TARMAC_IMPORT_RESULT_IMPORTED);
  import_fixture_ok (store, "multipart-part3.edi", TARMAC_IMPORT_RESULT_IMPORTED);

  g_assert_cmpint (count (store, "SELECT count(*) FROM source_file"), ==, 3);
  g_assert_cmpint (count (store, "SELECT count(*) FROM message"), ==, 3);
  g_assert_cmpint (count (store, "SELECT count(*) FROM message WHERE reference = 'P3' AND"
                                 " part_number = 3 AND last_part = 1"), ==, 1);
  g_assert_cmpint (count (store, "SELECT count(*) FROM flight"), ==, 1);
  g_assert_cmpint (count (store, "SELECT count(*) FROM flight_leg"), ==, 1);
  g_assert_cmpint (count (store, "SELECT count(*) FROM traveller WHERE flight_id ="
                                 " (SELECT id FROM flight WHERE carrier = 'XQ' AND number ="
                                 " '0099' AND direction = 'inbound')"), ==, 4);
  g_assert_cmpint (count (store, "SELECT count(DISTINCT message_id) FROM traveller"), ==, 3);
}

/* The airport set after an import turns the stored flights around; later imports use
 * it; a code that is not one is refused and changes nothing. */
static void
test_import_airport_code (void)
{
  g_autoptr(TarmacStore) store = open_store (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *code = NULL;
  g_autofree char *path = fixture ("multipart-wrong-count.edi");

  g_assert_null (tarmac_store_get_airport_code (store));
  import_fixture_ok (store, "d02b-passengers.edi", TARMAC_IMPORT_RESULT_IMPORTED);
  g_assert_cmpint (count (store, "SELECT count(*) FROM flight WHERE direction = 'inbound'"), ==, 1);

  /* OSL → LIS seen from Oslo */
  g_assert_true (tarmac_store_set_airport_code (store, "osl", &error));
  g_assert_no_error (error);
  code = tarmac_store_get_airport_code (store);
  g_assert_cmpstr (code, ==, "OSL");
  g_assert_cmpint (count (store, "SELECT count(*) FROM flight WHERE direction = 'outbound'"), ==, 1);

  /* seen from Lisbon, and from elsewhere */
  g_assert_true (tarmac_store_set_airport_code (store, "LIS", &error));
  g_assert_cmpint (count (store, "SELECT count(*) FROM flight WHERE direction = 'inbound'"), ==, 1);
  g_assert_true (tarmac_store_set_airport_code (store, "DSS", &error));
  g_assert_cmpint (count (store, "SELECT count(*) FROM flight WHERE direction = 'transit'"), ==, 1);

  /* the next import (OSL → RIX) uses the code: from RIX it is inbound */
  g_assert_true (tarmac_store_set_airport_code (store, "RIX", &error));
  import_fixture_ok (store, "multipart-wrong-count.edi", TARMAC_IMPORT_RESULT_IMPORTED);
  g_assert_cmpint (count (store, "SELECT count(*) FROM flight WHERE number = '0777' AND"
                                 " direction = 'inbound'"), ==, 1);
  g_assert_cmpint (count (store, "SELECT count(*) FROM flight WHERE number = '0042' AND"
                                 " direction = 'transit'"), ==, 1);

  {
    const char *bad[] = { "", "LF", "LFWX", "L1W", "ÉTÉ" };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_autofree char *after = NULL;

        g_assert_false (tarmac_store_set_airport_code (store, bad[i], &error));
        g_assert_error (error, TARMAC_STORE_ERROR, TARMAC_STORE_ERROR_INVALID);
        g_clear_error (&error);
        after = tarmac_store_get_airport_code (store);
        g_assert_cmpstr (after, ==, "RIX");
      }
  }
}

/* tarmac-cli config set/get airport, then an import through the CLI. */
static void
test_import_cli_airport (void)
{
  g_autofree char *cli = tarmac_test_build_path ("src/cli/tarmac-cli");
  g_autofree char *db = tarmac_test_db_path ("import-airport.db");
  g_autofree char *d02b = fixture ("d02b-passengers.edi");
  const char *get[] = { cli, "--db", db, "config", "get", "airport", NULL };
  const char *set[] = { cli, "--db", db, "config", "set", "airport", "osl", NULL };
  const char *bad[] = { cli, "--db", db, "config", "set", "airport", "OS", NULL };
  const char *import[] = { cli, "--db", db, "import", d02b, NULL };
  g_autoptr(TarmacStore) store = NULL;
  g_autoptr(GError) error = NULL;
  struct { const char **argv; int status; const char *out; } steps[] = {
    { get, 1, "" },
    { set, 0, "" },
    { get, 0, "OSL\n" },
    { bad, 2, "" },
    { get, 0, "OSL\n" },
    { import, 0, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_autofree char *out = NULL;
      int status = 0;

      g_assert_true (g_spawn_sync (NULL, (char **) steps[i].argv, NULL, G_SPAWN_DEFAULT, NULL,
                                   NULL, &out, NULL, &status, &error));
      g_assert_no_error (error);
      if (!g_spawn_check_wait_status (status, &error))
        {
          g_assert_error (error, G_SPAWN_EXIT_ERROR, steps[i].status);
          g_clear_error (&error);
        }
      else
        g_assert_cmpint (steps[i].status, ==, 0);
      if (steps[i].out != NULL)
        g_assert_cmpstr (out, ==, steps[i].out);
    }

  store = tarmac_store_open (db, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count (store, "SELECT count(*) FROM flight WHERE origin = 'OSL' AND"
                                 " direction = 'outbound'"), ==, 1);
}

/* The report's warning of @code whose message contains @needle (any, when NULL). */
static gboolean
has_warning (const TarmacImportReport *report,
             const char               *code,
             const char               *needle)
{
  for (guint i = 0; i < report->warnings->len; i++)
    {
      const TarmacImportWarning *warning = g_ptr_array_index (report->warnings, i);

      if (g_str_equal (warning->code, code) &&
          (needle == NULL || strstr (warning->message, needle) != NULL))
        return TRUE;
    }
  return FALSE;
}

static TarmacImportReport *
import_path (TarmacStore *store,
             const char  *path)
{
  g_autoptr(TarmacImportReport) report = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (tarmac_import_file (store, path, &report, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (report->result, ==, TARMAC_IMPORT_RESULT_IMPORTED);
  return g_steal_pointer (&report);
}

static TarmacImportReport *
import_fixture (TarmacStore *store,
                const char  *name)
{
  g_autofree char *path = fixture (name);

  return import_path (store, path);
}

static TarmacFlight *
get_flight (TarmacStore *store,
            const char  *number)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM flight WHERE number = '%s'", number);
  TarmacFlight *flight = tarmac_store_get_flight (store, count (store, sql), &error);

  g_assert_no_error (error);
  return flight;
}

/* Parts 3 and 1 first: the set is kept, incomplete, on the flight and in the reports;
 * part 2 completes it; part 2 sent again adds nobody. */
static void
test_import_multipart_sets (void)
{
  g_autoptr(TarmacStore) store = open_store ("RIX");
  g_autoptr(TarmacImportReport) report = NULL;
  g_autoptr(TarmacFlight) flight = NULL;

  report = import_fixture (store, "multipart-part3.edi");
  g_assert_true (has_warning (report, "parts-missing", "parts 1, 2 of 3 missing"));
  g_clear_pointer (&report, tarmac_import_report_free);

  report = import_fixture (store, "multipart-part1.edi");
  g_assert_true (has_warning (report, "parts-missing",
                              "Manifest XQ0099/260601/1200: part 2 of 3 missing; the set is"
                              " kept"));
  g_assert_false (has_warning (report, "count-mismatch", NULL));
  g_clear_pointer (&report, tarmac_import_report_free);

  g_assert_cmpint (count (store, "SELECT count(*) FROM message_set WHERE type = 'PAXLST' AND"
                                 " sender = 'TARMACAIR' AND reference ="
                                 " 'XQ0099/260601/1200' AND document_code = '745' AND"
                                 " parts_seen = '1,3' AND last_part = 3 AND complete = 0 AND"
                                 " declared_count = 4 AND count_qualifier = '42' AND"
                                 " flight_id = (SELECT id FROM flight)"), ==, 1);
  g_assert_cmpint (count (store, "SELECT count(*) FROM message WHERE set_id IS NOT NULL"), ==, 2);
  g_assert_cmpint (count (store, "SELECT count(*) FROM traveller"), ==, 3);

  flight = get_flight (store, "0099");
  g_assert_false (tarmac_flight_get_manifest_complete (flight));
  g_assert_cmpstr (tarmac_flight_get_manifest_parts (flight), ==, "1,3");
  g_assert_cmpuint (tarmac_flight_get_manifest_last_part (flight), ==, 3);
  g_clear_object (&flight);

  /* the missing part completes the set; CNT (4 in each part) matches the four */
  report = import_fixture (store, "multipart-part2.edi");
  g_assert_false (has_warning (report, "parts-missing", NULL));
  g_assert_false (has_warning (report, "count-mismatch", NULL));
  g_clear_pointer (&report, tarmac_import_report_free);
  g_assert_cmpint (count (store, "SELECT count(*) FROM message_set WHERE parts_seen = '1,2,3'"
                                 " AND complete = 1"), ==, 1);
  g_assert_cmpint (count (store, "SELECT count(*) FROM traveller"), ==, 4);
  flight = get_flight (store, "0099");
  g_assert_true (tarmac_flight_get_manifest_complete (flight));
  g_assert_null (tarmac_flight_get_manifest_parts (flight));
  g_assert_cmpuint (tarmac_flight_get_passenger_count (flight), ==, 4);
  g_clear_object (&flight);

  /* a resend of part 2 (other bytes, same part) is recorded but adds nobody */
  report = import_fixture (store, "multipart-part2-resent.edi");
  g_assert_cmpuint (report->n_travellers, ==, 0);
  g_assert_true (has_warning (report, "duplicate-part",
                              "Part 2 of manifest XQ0099/260601/1200 was already imported"));
  g_assert_cmpint (count (store, "SELECT count(*) FROM traveller"), ==, 4);
  g_assert_cmpint (count (store, "SELECT count(*) FROM message_set WHERE complete = 1"), ==, 1);
}

/* CNT against what was read: per message, and per assembled set (never summed). */
static void
test_import_counts (void)
{
  g_autoptr(TarmacStore) store = open_store ("RIX");
  g_autoptr(TarmacImportReport) report = NULL;

  report = import_fixture (store, "count-mismatch.edi");
  g_assert_true (has_warning (report, "count-mismatch",
                              "Message C1: CNT gives 3 passengers, but 2 were read"));
  g_clear_pointer (&report, tarmac_import_report_free);

  /* two parts in one file, each repeating CNT+42:5, three travellers in all */
  report = import_fixture (store, "multipart-wrong-count.edi");
  g_assert_false (has_warning (report, "parts-missing", NULL));
  g_assert_true (has_warning (report, "count-mismatch",
                              "Manifest XQ0777/260603/1000: CNT gives 5 passengers, but 3"
                              " were read"));
  g_assert_cmpuint (report->warnings->len, ==, 1);
  g_clear_pointer (&report, tarmac_import_report_free);
  g_assert_cmpint (count (store, "SELECT count(*) FROM message_set WHERE complete = 1 AND"
                                 " parts_seen = '1,2' AND last_part = 2"), ==, 1);

  /* a right count says nothing */
  report = import_fixture (store, "d02b-passengers.edi");
  g_assert_false (has_warning (report, "count-mismatch", NULL));
}

/* Warnings raised while writing (a CNT that does not match, a missing part) are in the
 * stored report with the parser's, and the report reads back whole. */
static void
test_import_stored_report (void)
{
  const char *names[] = { "count-mismatch.edi", "multipart-part1.edi", "d02b-passengers.edi",
                          "pnrgov.edi" };
  g_autoptr(TarmacStore) store = open_store ("RIX");

  for (guint n = 0; n < G_N_ELEMENTS (names); n++)
    {
      g_autofree char *path = fixture (names[n]);
      g_autoptr(TarmacImportReport) report = import_path (store, path);
      g_autoptr(TarmacImportReport) loaded = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *sql = NULL;

      if (n == 0)
        g_assert_true (has_warning (report, "count-mismatch", NULL));
      if (n == 1)
        g_assert_true (has_warning (report, "parts-missing", NULL));

      sql = g_strdup_printf ("SELECT warnings FROM source_file WHERE id = %lld",
                             (long long) report->source_file_id);
      g_assert_cmpint (count (store, sql), ==, report->warnings->len);
      g_clear_pointer (&sql, g_free);
      sql = g_strdup_printf ("SELECT json_array_length (report) FROM source_file"
                             " WHERE id = %lld", (long long) report->source_file_id);
      g_assert_cmpint (count (store, sql), ==, report->warnings->len);

      loaded = tarmac_import_report_load (store, report->source_file_id, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (loaded->name, ==, names[n]);
      g_assert_cmpstr (loaded->sha256, ==, report->sha256);
      g_assert_cmpstr (loaded->format, ==, report->format);
      g_assert_cmpint (loaded->result, ==, TARMAC_IMPORT_RESULT_IMPORTED);
      g_assert_cmpuint (loaded->warnings->len, ==, report->warnings->len);
      for (guint i = 0; i < report->warnings->len; i++)
        {
          const TarmacImportWarning *a = g_ptr_array_index (report->warnings, i);
          const TarmacImportWarning *b = g_ptr_array_index (loaded->warnings, i);

          g_assert_cmpstr (a->code, ==, b->code);
          g_assert_cmpstr (a->message, ==, b->message);
          g_assert_cmpuint (a->offset, ==, b->offset);
          g_assert_cmpuint (a->line, ==, b->line);
          g_assert_cmpuint (a->segment_index, ==, b->segment_index);
        }
    }

  {
    g_autoptr(GError) error = NULL;

    g_assert_null (tarmac_import_report_load (store, 999, &error));
    g_assert_error (error, TARMAC_STORE_ERROR, TARMAC_STORE_ERROR_NOT_FOUND);
  }
}

/* Issue 3, item 10, case by case: each refused file names itself and the place, and
 * leaves the database as it was; damaged envelopes and character sets are warnings. */
static void
test_import_bad_input (void)
{
  g_autoptr(TarmacStore) store = open_store ("RIX");
  g_autoptr(GError) error = NULL;
  g_autofree char *full_path = fixture ("d02b-passengers.edi");
  g_autofree char *full = NULL;
  g_autofree char *cut_at = NULL;
  const char *segment_end;
  g_autofree char *xml = NULL;
  static const guint8 binary[] = { 'U', 'N', 'B', 0x00, 0x01, 0xff, 0xd8, 0x10, 'x' };
  gsize length = 0;
  gsize boundary;

  import_fixture_ok (store, "multipart-part1.edi", TARMAC_IMPORT_RESULT_IMPORTED);
  g_assert_true (g_file_get_contents (full_path, &full, &length, NULL));

  /* empty, as a real file */
  {
    g_autofree char *empty = tarmac_test_db_path ("empty.edi");
    g_autoptr(TarmacImportReport) report = NULL;
    g_autofree char *before = snapshot (store);
    g_autofree char *after = NULL;

    g_assert_true (g_file_set_contents (empty, "", 0, NULL));
    g_assert_false (tarmac_import_file (store, empty, &report, NULL, &error));
    g_assert_error (error, TARMAC_IMPORT_ERROR, TARMAC_IMPORT_ERROR_EMPTY);
    g_assert_cmpstr (error->message, ==, "empty.edi is empty");
    g_clear_error (&error);
    after = snapshot (store);
    g_assert_cmpstr (before, ==, after);
  }

  /* binary: the first byte no text holds, and where */
  assert_rejected (store, "photo.edi", binary, sizeof binary, TARMAC_IMPORT_ERROR_UNSUPPORTED,
                   "holds binary data (byte 0x00 at byte 3)");

  /* an unknown format, and a known one this version does not import */
  xml = g_strdup ("<?xml version=\"1.0\"?><catalogue><item>x</item></catalogue>");
  assert_rejected (store, "catalogue.xml", (const guint8 *) xml, strlen (xml),
                   TARMAC_IMPORT_ERROR_UNSUPPORTED, "not in a format Tarmac recognises");

  /* truncated inside a segment, and cleanly after one: both end inside the message */
  assert_rejected (store, "cut.edi", (const guint8 *) full, 700, TARMAC_IMPORT_ERROR_INVALID,
                   "line 34 (byte 700): the file ends inside a message");
  segment_end = g_strstr_len (full, length, "NAT+2+NOR'");
  g_assert_nonnull (segment_end);
  boundary = segment_end - full + strlen ("NAT+2+NOR'\n");
  cut_at = g_strdup_printf ("(byte %zu): the file ends inside a message", boundary);
  assert_rejected (store, "cut.edi", (const guint8 *) full, boundary,
                   TARMAC_IMPORT_ERROR_INVALID, cut_at);
  /* …and refused again, not taken for a duplicate: a refusal records nothing */
  assert_rejected (store, "cut.edi", (const guint8 *) full, boundary,
                   TARMAC_IMPORT_ERROR_INVALID, "cut off");

  /* 500 MB: a sparse file, refused on its size before a byte is read */
  {
    g_autofree char *huge = tarmac_test_db_path ("huge.edi");
    g_autoptr(TarmacImportReport) report = NULL;
    g_autofree char *before = snapshot (store);
    g_autofree char *after = NULL;
    int fd = g_open (huge, O_WRONLY | O_CREAT | O_TRUNC, 0600);

    g_assert_cmpint (fd, >=, 0);
    g_assert_cmpint (ftruncate (fd, (off_t) 500 * 1024 * 1024), ==, 0);
    g_assert_cmpint (close (fd), ==, 0);
    g_assert_false (tarmac_import_file (store, huge, &report, NULL, &error));
    g_assert_error (error, TARMAC_IMPORT_ERROR, TARMAC_IMPORT_ERROR_TOO_LARGE);
    g_assert_cmpstr (error->message, ==,
                     "huge.edi is 500 MiB; Tarmac imports files of at most 256 MiB");
    g_assert_cmpint (report->result, ==, TARMAC_IMPORT_RESULT_FAILED);
    g_clear_error (&error);
    after = snapshot (store);
    g_assert_cmpstr (before, ==, after);
    g_remove (huge);
  }

  /* the whole file, once fixed, imports; the same bytes again say so */
  {
    g_autoptr(TarmacImportReport) report = NULL;

    g_assert_true (tarmac_import_bytes (store, "cut.edi", (const guint8 *) full, length,
                                        &report, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpint (report->result, ==, TARMAC_IMPORT_RESULT_IMPORTED);
    g_assert_cmpuint (report->n_travellers, ==, 3);
    g_clear_pointer (&report, tarmac_import_report_free);

    g_assert_true (tarmac_import_bytes (store, "cut-again.edi", (const guint8 *) full, length,
                                        &report, NULL, &error));
    g_assert_cmpint (report->result, ==, TARMAC_IMPORT_RESULT_DUPLICATE);
  }

  /* wrong envelope counts and references: warnings with their places, data imported */
  {
    g_autoptr(TarmacImportReport) report = import_fixture (store, "envelope-mismatch.edi");

    g_assert_cmpuint (report->n_travellers, ==, 1);
    g_assert_true (has_warning (report, "syntax", "UNT at byte 339 gives the count “99”"));
    g_assert_true (has_warning (report, "syntax", "UNE at byte 350 gives the count “3”"));
    g_assert_true (has_warning (report, "syntax", "UNE at byte 350 has the reference “G51”"));
    g_assert_true (has_warning (report, "syntax", "UNZ at byte 361 gives the count “2”"));
    g_assert_true (has_warning (report, "syntax",
                                "UNZ at byte 361 has the reference “900051”"));
    g_assert_cmpuint (((TarmacImportWarning *) g_ptr_array_index (report->warnings, 0))->line,
                      ==, 14);
  }

  /* wrong character sets: read, flagged, never refused */
  {
    g_autoptr(TarmacImportReport) utf8 = import_fixture (store, "charset-invalid-utf8.edi");
    g_autoptr(TarmacImportReport) iata = import_fixture (store, "charset-iata-latin1.edi");
    g_autoptr(TarmacImportReport) unknown = import_fixture (store, "charset-unknown.edi");

    g_assert_true (has_warning (utf8, "syntax", "Invalid byte 0xff at byte 250"));
    g_assert_cmpint (count (store, "SELECT count(*) FROM traveller WHERE surname ="
                                   " 'MüLLER-BR' || char (65533) || 'NN'"
                                   " AND given_names = 'JöRG'"), ==, 1);
    g_assert_true (has_warning (iata, "syntax", "Byte 0xc9 at byte 241 is not UTF-8"));
    g_assert_cmpint (count (store, "SELECT count(*) FROM traveller WHERE surname = 'LÉVESQUE'"
                                   " AND given_names = 'AMÉLIE'"), ==, 1);
    g_assert_true (has_warning (unknown, "syntax", "Unknown syntax identifier “UNOX”"));
    g_assert_cmpint (count (store, "SELECT count(*) FROM traveller WHERE surname ="
                                   " 'HALLORAN'"), ==, 1);
  }
}

/* The Astra 3-part set (research/formats.md §1.8): any order gives the complete flight
 * with its five passengers; one part missing leaves it incomplete until it arrives. */
static void
test_import_multipart_samples (void)
{
  const char *root = g_getenv ("TARMAC_SAMPLES_DIR");
  const guint orders[][3] = {
    { 1, 2, 3 }, { 1, 3, 2 }, { 2, 1, 3 }, { 2, 3, 1 }, { 3, 1, 2 }, { 3, 2, 1 },
  };
  g_autofree char *first = NULL;

  first = g_strdup_printf ("%s/paxlst/deyoz-astra_apis_edi_file_test7_part1.edi",
                           root ? root : ".");
  if (root == NULL || !g_file_test (first, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("no Astra multi-part sample in $TARMAC_SAMPLES_DIR/paxlst");
      return;
    }

  for (guint o = 0; o < G_N_ELEMENTS (orders); o++)
    {
      g_autoptr(TarmacStore) store = open_store ("BCN");

      for (guint i = 0; i < 3; i++)
        {
          g_autofree char *path = g_strdup_printf ("%s/paxlst/deyoz-astra_apis_edi_file_"
                                                   "test7_part%u.edi", root, orders[o][i]);
          g_autoptr(TarmacImportReport) report = import_path (store, path);
          g_autoptr(TarmacFlight) flight = get_flight (store, "688");

          g_assert_cmpint (tarmac_flight_get_manifest_complete (flight), ==, i == 2);
          g_assert_cmpint (has_warning (report, "parts-missing", NULL), ==, i < 2);
          g_assert_false (has_warning (report, "count-mismatch", NULL));
          if (i == 1)
            {
              g_autofree char *expected = g_strdup_printf ("part %u of 3 missing",
                                                           orders[o][2]);

              /* the last part's number is known once part 3 is in */
              if (orders[o][0] == 3 || orders[o][1] == 3)
                g_assert_true (has_warning (report, "parts-missing", expected));
            }
        }

      g_assert_cmpint (count (store, "SELECT count(*) FROM flight"), ==, 1);
      g_assert_cmpint (count (store, "SELECT count(*) FROM traveller"), ==, 5);
      g_assert_cmpint (count (store, "SELECT count(*) FROM message_set WHERE complete = 1 AND"
                                     " parts_seen = '1,2,3' AND last_part = 3 AND"
                                     " declared_count = 5 AND reference ="
                                     " 'OK688/071008/1310'"), ==, 1);
    }
}

static void
import_pnrgov_ok (TarmacStore         *store,
                  const char          *name,
                  TarmacImportReport **out_report)
{
  g_autofree char *path = fixture (name);
  g_autoptr(TarmacImportReport) report = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (tarmac_import_file (store, path, &report, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (report->result, ==, TARMAC_IMPORT_RESULT_IMPORTED);
  g_assert_cmpstr (report->format, ==, "pnrgov");
  *out_report = g_steal_pointer (&report);
}

/* How many text values in the whole database contain @needle. */
static gint64
count_everywhere (TarmacStore *store,
                  const char  *needle)
{
  g_autoptr(sqlite3_stmt) tables = NULL;
  gint64 total = 0;

  tables = _tarmac_store_prepare (store,
                                  "SELECT m.name, p.name FROM sqlite_master AS m,"
                                  " pragma_table_info (m.name) AS p"
                                  " WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'",
                                  NULL);
  g_assert_nonnull (tables);
  while (sqlite3_step (tables) == SQLITE_ROW)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM \"%s\" WHERE"
                                              " instr (CAST (\"%s\" AS TEXT), '%s') > 0",
                                              _tarmac_store_column_text (tables, 0),
                                              _tarmac_store_column_text (tables, 1), needle);

      total += count (store, sql);
    }
  return total;
}

/* The card-hash key, opened from the keystore. */
static char *
card_key (TarmacStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) key = tarmac_secrets_get (tarmac_store_get_secrets (store), "card-hash-key",
                                              &error);

  g_assert_no_error (error);
  return g_strndup (g_bytes_get_data (key, NULL), g_bytes_get_size (key));
}

static void
test_import_pnrgov (void)
{
  g_autoptr(TarmacStore) store = open_store (NULL);
  g_autoptr(TarmacImportReport) report = NULL;
  g_autoptr(TarmacImportReport) later = NULL;
  g_autoptr(JsonNode) json = NULL;
  g_autofree char *key = NULL;

  import_pnrgov_ok (store, "pnrgov-two-pnrs.edi", &report);
  g_assert_cmpuint (report->n_messages, ==, 1);
  g_assert_cmpuint (report->n_pnrs, ==, 2);
  g_assert_cmpuint (report->n_flights, ==, 1);
  g_assert_cmpuint (report->n_travellers, ==, 4);
  json = tarmac_import_report_to_json (report);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (json), "pnrs"), ==, 2);

  g_assert_cmpint (count (store, "SELECT count(*) FROM message WHERE type = 'PNRGOV' AND"
                                 " pushed_at = '2026-03-10T08:00'"), ==, 1);
  g_assert_cmpint (count (store, "SELECT count(*) FROM pnr WHERE carrier = 'ZX' AND version = 1"
                                 " AND record_locator IN ('QWERTY', 'ASDFGH') AND message_id"
                                 " IS NOT NULL"), ==, 2);
  g_assert_cmpint (count (store, "SELECT count(*) FROM pnr WHERE record_locator = 'QWERTY' AND"
                                 " agency = '12345675' AND point_of_sale = 'PAR' AND"
                                 " modified_at_source = '2026-03-09T14:12'"), ==, 1);
  g_assert_cmpint (count (store, "SELECT count(*) FROM pnr_contact WHERE kind = 'email' AND"
                                 " value_normalised = 'odile.varenne@example.org'"), ==, 1);
  g_assert_cmpint (count (store, "SELECT count(*) FROM pnr_contact WHERE kind = 'phone' AND"
                                 " value_normalised = '+351215550199'"), ==, 1);
  g_assert_cmpint (count (store, "SELECT count(*) FROM pnr_payment WHERE form = 'CC' AND"
                                 " card_last4 = '1111' AND length (card_hash) = 64"), ==, 2);
  /* The same card in both PNRs: one hash, to link them. */
  g_assert_cmpint (count (store, "SELECT count(DISTINCT card_hash) FROM pnr_payment"), ==, 1);
  g_assert_cmpint (count (store, "SELECT count(*) FROM pnr_payment WHERE amount = 389.2 AND"
                                 " currency = 'EUR' AND card_holder LIKE 'ODILE VARENNE%'"),
                   ==, 1);
  g_assert_cmpint (count_everywhere (store, "4111111111111111"), ==, 0);
  g_assert_cmpint (count_everywhere (store, "411111111111"), ==, 0);
  g_assert_cmpint (count (store, "SELECT count(*) FROM pnr_segment AS s JOIN pnr AS p ON"
                                 " p.id = s.pnr_id WHERE p.record_locator = 'QWERTY' AND"
                                 " s.seq = 2 AND s.origin = 'LIS' AND s.number = '124'"), ==, 1);
  g_assert_cmpint (count (store, "SELECT count(*) FROM pnr_segment"), ==, 4);
  g_assert_cmpint (count (store, "SELECT count(*) FROM pnr_ssr WHERE code = 'DOCS'"), ==, 3);
  g_assert_cmpint (count (store, "SELECT count(*) FROM pnr_ssr WHERE length (code) <> 4"), ==, 0);
  g_assert_cmpint (count (store, "SELECT count(*) FROM pnr_history"), ==, 2);
  g_assert_cmpint (count (store, "SELECT count(*) FROM traveller WHERE from_pnr = 1 AND"
                                 " from_api = 0 AND pnr_id IS NOT NULL"), ==, 4);
  g_assert_cmpint (count (store, "SELECT count(*) FROM travel_document WHERE"
                                 " number_normalised = '17AB12345'"), ==, 1);
  g_assert_cmpint (count (store, "SELECT count(*) FROM traveller t JOIN message m"
                                 " ON m.id = t.message_id WHERE m.type = 'PNRGOV'"), ==, 4);
  g_assert_cmpint (count (store, "SELECT count(*) FROM traveller_source"), ==, 0);
  g_assert_cmpint (count (store, "SELECT count(*) FROM audit_log WHERE action = 'import'"), ==, 1);
  key = card_key (store);
  g_assert_cmpuint (strlen (key), ==, 64);
  /* Sealed, never in plain text (tarmac-secrets.c). */
  g_assert_cmpint (count (store, "SELECT count(*) FROM meta WHERE key = 'card-hash-key'"), ==, 0);
  g_assert_cmpint (count_everywhere (store, key), ==, 0);

  /* The same PNRs pushed again, later: version 2, both kept, the same people. */
  import_pnrgov_ok (store, "pnrgov-two-pnrs-later.edi", &later);
  g_assert_cmpuint (later->n_pnrs, ==, 2);
  g_assert_cmpint (count (store, "SELECT count(*) FROM pnr WHERE record_locator = 'QWERTY'"),
                   ==, 2);
  g_assert_cmpint (count (store, "SELECT count(*) FROM pnr WHERE record_locator = 'QWERTY' AND"
                                 " version = 2 AND pushed_at = '2026-03-11T06:15'"), ==, 1);
  g_assert_cmpint (count (store, "SELECT count(*) FROM traveller"), ==, 4);
  g_assert_cmpint (count (store, "SELECT count(*) FROM traveller WHERE pnr_id IN (SELECT id"
                                 " FROM pnr WHERE version = 2)"), ==, 4);
  g_assert_cmpint (count (store, "SELECT count(DISTINCT card_hash) FROM pnr_payment"), ==, 1);
  g_assert_cmpint (count_everywhere (store, "4111111111111111"), ==, 0);
  {
    g_autofree char *again = card_key (store);

    g_assert_cmpstr (key, ==, again);
  }
}

/* The document checks at import (issue 3 item 6): each problem a finding row on its
 * traveller, the verdict on the document, the count in the report; and a PNR traveller
 * linked to an API one gets no second finding for the same document. */
static gboolean
has_finding (TarmacStore *store,
             const char  *surname,
             const char  *code,
             const char  *detail)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = _tarmac_store_prepare (store,
                                "SELECT count(*) FROM finding AS f JOIN traveller AS t"
                                " ON t.id = f.traveller_id WHERE t.surname = ?1"
                                " AND f.code = ?2 AND f.detail = ?3 AND f.created_at <> ''",
                                NULL);
  g_assert_nonnull (stmt);
  sqlite3_bind_text (stmt, 1, surname, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, code, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, detail, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0) == 1;
}

static void
test_import_document_checks (void)
{
  g_autoptr(TarmacStore) store = open_store (NULL);
  g_autoptr(TarmacImportReport) report = NULL;
  g_autoptr(TarmacImportReport) pnr_report = NULL;
  g_autoptr(JsonNode) json = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = fixture ("doccheck-paxlst.edi");

  g_assert_true (tarmac_import_file (store, path, &report, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report->n_travellers, ==, 6);
  g_assert_cmpuint (report->n_findings, ==, 5);
  g_assert_cmpint (count (store, "SELECT count(*) FROM finding"), ==, 5);
  json = tarmac_import_report_to_json (report);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (json), "findings"), ==, 5);

  /* The flight is on 2026-05-02. */
  g_assert_true (has_finding (store, "ADEYEMI", "document-expired", "2026-05-01"));
  g_assert_true (has_finding (store, "MBALLA", "document-number-invalid", "characters"));
  g_assert_true (has_finding (store, "SOUZA", "document-number-invalid", "length"));
  g_assert_true (has_finding (store, "NKEMELU", "dob-after-flight", "2026-06-01"));
  g_assert_true (has_finding (store, "ELDER", "dob-implausible", "1890-01-01"));
  g_assert_cmpint (count (store, "SELECT count(*) FROM finding AS f JOIN traveller AS t"
                                 " ON t.id = f.traveller_id WHERE t.surname = 'OKAFOR'"), ==, 0);

  /* Verdicts: the expired passport is invalid, the same holder's visa valid. */
  g_assert_cmpint (count (store, "SELECT count(*) FROM travel_document WHERE"
                                 " number_normalised = 'A07123456' AND check_verdict = 'invalid'"),
                   ==, 1);
  g_assert_cmpint (count (store, "SELECT count(*) FROM travel_document WHERE"
                                 " number_normalised = 'VX4411' AND check_verdict = 'valid'"),
                   ==, 1);
  g_assert_cmpint (count (store, "SELECT count(*) FROM travel_document WHERE"
                                 " number = 'AB#12345' AND number_normalised = 'AB12345'"
                                 " AND check_verdict = 'invalid'"), ==, 1);
  g_assert_cmpint (count (store, "SELECT count(*) FROM travel_document WHERE"
                                 " check_verdict = 'valid'"), ==, 4);
  g_assert_cmpint (count (store, "SELECT count(*) FROM travel_document WHERE"
                                 " check_verdict = 'unchecked'"), ==, 0);

  /* The PNR push for the same flight: Adeyemi is linked, her passport already known, so
   * no second finding; the new travellers are checked. */
  import_pnrgov_ok (store, "doccheck-pnrgov.edi", &pnr_report);
  g_assert_cmpuint (pnr_report->n_findings, ==, 2);
  g_assert_cmpint (count (store, "SELECT count(*) FROM finding"), ==, 7);
  g_assert_cmpint (count (store, "SELECT count(*) FROM finding AS f JOIN traveller AS t"
                                 " ON t.id = f.traveller_id WHERE t.surname = 'ADEYEMI'"), ==, 1);
  g_assert_true (has_finding (store, "TANDOH", "document-expired", "2026-04-30"));
  g_assert_true (has_finding (store, "MENSAH", "document-number-invalid", "characters"));
  g_assert_cmpint (count (store, "SELECT count(*) FROM travel_document AS d JOIN traveller AS t"
                                 " ON t.id = d.traveller_id WHERE t.surname = 'AMPONSAH'"
                                 " AND d.check_verdict = 'valid' AND d.issuing_state = 'GHA'"),
                   ==, 1);
}

/* An older push arriving after a newer one is kept as the next version, with a warning. */
static void
test_import_pnrgov_out_of_order (void)
{
  g_autoptr(TarmacStore) store = open_store (NULL);
  g_autoptr(TarmacImportReport) later = NULL;
  g_autoptr(TarmacImportReport) earlier = NULL;
  gboolean warned = FALSE;

  import_pnrgov_ok (store, "pnrgov-two-pnrs-later.edi", &later);
  import_pnrgov_ok (store, "pnrgov-two-pnrs.edi", &earlier);
  for (guint i = 0; i < earlier->warnings->len; i++)
    {
      const TarmacImportWarning *warning = g_ptr_array_index (earlier->warnings, i);

      warned |= g_strcmp0 (warning->code, "out-of-order") == 0;
    }
  g_assert_true (warned);
  g_assert_cmpint (count (store, "SELECT count(*) FROM pnr WHERE record_locator = 'QWERTY' AND"
                                 " version = 2 AND pushed_at = '2026-03-10T08:00'"), ==, 1);
}

/* The API manifest then the PNR push of the same flight: one person, both sources. */
static void
test_import_pnrgov_link (void)
{
  g_autoptr(TarmacStore) store = open_store ("LIS");
  g_autoptr(TarmacImportReport) report = NULL;

  import_fixture_ok (store, "d02b-passengers.edi", TARMAC_IMPORT_RESULT_IMPORTED);
  import_pnrgov_ok (store, "pnrgov-xq0042.edi", &report);
  g_assert_cmpuint (report->n_pnrs, ==, 1);
  g_assert_cmpuint (report->n_flights, ==, 1);

  g_assert_cmpint (count (store, "SELECT count(*) FROM flight"), ==, 1);
  /* O'Brien (same DOB and passport) and Krumholz (name only) are linked; Newcombe is new. */
  g_assert_cmpint (count (store, "SELECT count(*) FROM traveller"), ==, 4);
  g_assert_cmpint (count (store, "SELECT count(*) FROM traveller WHERE surname = 'O''BRIEN'"),
                   ==, 1);
  g_assert_cmpint (count (store, "SELECT count(*) FROM traveller WHERE from_api = 1 AND"
                                 " from_pnr = 1 AND pnr_id = (SELECT id FROM pnr WHERE"
                                 " record_locator = 'ZQ7KLM') AND surname IN ('O''BRIEN',"
                                 " 'KRUMHOLZ')"), ==, 2);
  g_assert_cmpint (count (store, "SELECT count(*) FROM traveller WHERE surname = 'NEWCOMBE' AND"
                                 " from_api = 0 AND from_pnr = 1 AND date_of_birth ="
                                 " '1990-07-07'"), ==, 1);
  g_assert_cmpint (count (store, "SELECT count(*) FROM traveller WHERE surname = 'VANTERPOOL'"
                                 " AND from_pnr = 0 AND pnr_id IS NULL"), ==, 1);
  /* The passport was already there from the manifest: not added twice. */
  g_assert_cmpint (count (store, "SELECT count(*) FROM travel_document WHERE"
                                 " number_normalised = 'PA1234567'"), ==, 1);
  /* Brought by the manifest, named again by the PNR. */
  g_assert_cmpint (count (store, "SELECT count(*) FROM traveller t JOIN message m"
                                 " ON m.id = t.message_id"
                                 " WHERE t.surname = 'O''BRIEN' AND m.type = 'PAXLST'"), ==, 1);
  g_assert_cmpint (count (store, "SELECT count(*) FROM traveller_source s JOIN message m"
                                 " ON m.id = s.message_id WHERE m.type = 'PNRGOV' AND"
                                 " s.traveller_id = (SELECT id FROM traveller"
                                 "   WHERE surname = 'O''BRIEN')"), ==, 1);
  g_assert_cmpint (count (store, "SELECT count(*) FROM pnr_contact WHERE value_normalised IN"
                                 " ('+4722555010', 'aoife.obrien@example.org')"), ==, 2);
  g_assert_cmpint (count (store, "SELECT count(*) FROM pnr_payment WHERE card_last4 = '0004'"),
                   ==, 1);
  g_assert_cmpint (count_everywhere (store, "5500000000000004"), ==, 0);
}

/* pnrgov-xq0042.edi with O'Brien's name in Arabic script, her DOCS (passport, date of
 * birth) in Latin as the airline sends it; @born is her date of birth there. */
static GBytes *
arabic_pnrgov (const char *born)
{
  g_autofree char *path = fixture ("pnrgov-xq0042.edi");
  g_autofree char *contents = NULL;
  g_autoptr(GString) text = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  text = g_string_new (contents);
  g_assert_cmpuint (g_string_replace (text, "TIF+O?'BRIEN+AOIFE MARY MS:A:1'",
                                      "TIF+\xd8\xa3\xd9\x88\xd8\xa8\xd8\xb1\xd8\xa7\xd9\x8a\xd9\x86"
                                      "+\xd8\xa3\xd9\x88\xd9\x8a\xd9\x81:A:1'", 0), ==, 1);
  g_assert_cmpuint (g_string_replace (text, "/12APR85/", born, 0), ==, 1);
  return g_string_free_to_bytes (g_steal_pointer (&text));
}

/* A PNR name in Arabic script and the manifest's in Latin: the same person when the
 * passport number and the date of birth agree, someone else when the date differs. */
static void
test_import_pnrgov_other_script (void)
{
  const struct { const char *born; gint64 travellers; gint64 linked; } cases[] = {
    { "/12APR85/", 4, 1 },
    { "/12APR86/", 5, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(TarmacStore) store = open_store ("LIS");
      g_autoptr(GBytes) bytes = arabic_pnrgov (cases[i].born);
      g_autoptr(TarmacImportReport) report = NULL;
      g_autoptr(GError) error = NULL;

      import_fixture_ok (store, "d02b-passengers.edi", TARMAC_IMPORT_RESULT_IMPORTED);
      g_assert_true (tarmac_import_bytes (store, "arabic.edi", g_bytes_get_data (bytes, NULL),
                                          g_bytes_get_size (bytes), &report, NULL, &error));
      g_assert_no_error (error);

      g_assert_cmpint (count (store, "SELECT count(*) FROM traveller"), ==,
                       cases[i].travellers);
      g_assert_cmpint (count (store, "SELECT count(*) FROM traveller WHERE surname = 'O''BRIEN'"
                                     " AND from_api = 1 AND from_pnr = 1 AND pnr_id ="
                                     " (SELECT id FROM pnr WHERE record_locator = 'ZQ7KLM')"),
                       ==, cases[i].linked);
      /* Krumholz still links by name. */
      g_assert_cmpint (count (store, "SELECT count(*) FROM traveller WHERE surname = 'KRUMHOLZ'"
                                     " AND from_pnr = 1"), ==, 1);
    }
}

static void
test_import_pnrgov_broken (void)
{
  g_autoptr(TarmacStore) store = open_store (NULL);
  g_autoptr(TarmacImportReport) report = NULL;
  g_autofree char *filler = g_strnfill (70 * 1024, 'A');
  g_autofree char *broken = NULL;

  /* Something already there, which must stay as it is (and no key made by the refusal). */
  import_fixture_ok (store, "d02b-passengers.edi", TARMAC_IMPORT_RESULT_IMPORTED);

  broken = g_strdup_printf ("UNB+IATA:1+ZX+TARMACPIU+260310:0815+1'\n"
                            "UNH+1+PNRGOV:13:1:IA+ZX0123/120326/0900'\nMSG+:22'\n"
                            "TVL+120326:0900+ORY+LIS+ZX+123'\nSRC'\nRCI+ZX:QWERTY'\n"
                            "TIF+ALPHA+BETA:A:1'\nSRC'\nRCI+ZX:ASDFGH'\n"
                            "IFT+4:28+%s'\nTIF+GAMMA+DELTA:A:1'\nUNT+11+1'\nUNZ+1+1'\n",
                            filler);
  assert_rejected (store, "broken.edi", (const guint8 *) broken, strlen (broken),
                   TARMAC_IMPORT_ERROR_INVALID, "line 10");
  g_assert_cmpint (count (store, "SELECT count(*) FROM secret"), ==, 0);
  g_assert_cmpint (count (store, "SELECT count(*) FROM secret_wrap"), ==, 0);

  /* The fixed file goes in. */
  import_pnrgov_ok (store, "pnrgov-two-pnrs.edi", &report);
}

static void
test_import_cancel (void)
{
  g_autoptr(TarmacStore) store = open_store (NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *path = fixture ("d02b-passengers.edi");
  g_autofree char *before = snapshot (store);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  g_assert_false (tarmac_import_file (store, path, NULL, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  after = snapshot (store);
  g_assert_cmpstr (before, ==, after);

  /* Nothing was recorded, so the same file imports afterwards. */
  import_fixture_ok (store, "d02b-passengers.edi", TARMAC_IMPORT_RESULT_IMPORTED);
}

static JsonArray *
run_cli_json (const char  *db,
              const char **files,
              int         *exit_status)
{
  g_autofree char *cli = tarmac_test_build_path ("src/cli/tarmac-cli");
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  int status = 0;

  g_ptr_array_add (argv, cli);
  g_ptr_array_add (argv, (char *) "--db");
  g_ptr_array_add (argv, (char *) db);
  g_ptr_array_add (argv, (char *) "import");
  g_ptr_array_add (argv, (char *) "--json");
  for (guint i = 0; files[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) files[i]);
  g_ptr_array_add (argv, NULL);

  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  if (g_spawn_check_wait_status (status, &error))
    *exit_status = 0;
  else
    {
      g_assert_error (error, G_SPAWN_EXIT_ERROR, error->code);
      *exit_status = error->code;
      g_clear_error (&error);
    }

  root = json_from_string (out, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (root));
  return json_array_ref (json_node_get_array (root));
}

static void
test_import_cli (void)
{
  g_autofree char *db = tarmac_test_db_path ("import-cli.db");
  g_autofree char *d02b = fixture ("d02b-passengers.edi");
  g_autofree char *pnrgov = fixture ("pnrgov.edi");
  g_autofree char *junk = fixture ("junk.txt");
  const char *both[] = { d02b, pnrgov, junk, NULL };
  const char *again[] = { d02b, NULL };
  g_autoptr(JsonArray) reports = NULL;
  JsonObject *report;
  int status = -1;

  reports = run_cli_json (db, both, &status);
  g_assert_cmpint (status, ==, 1);
  g_assert_cmpuint (json_array_get_length (reports), ==, 3);

  report = json_array_get_object_element (reports, 0);
  g_assert_cmpstr (json_object_get_string_member (report, "name"), ==, "d02b-passengers.edi");
  g_assert_cmpstr (json_object_get_string_member (report, "format"), ==, "paxlst");
  g_assert_cmpstr (json_object_get_string_member (report, "result"), ==, "imported");
  g_assert_cmpint (json_object_get_int_member (report, "travellers"), ==, 3);
  g_assert_cmpint (json_object_get_int_member (report, "documents"), ==, 3);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (json_object_get_member (report, "warnings")));

  g_assert_cmpint (json_object_get_int_member (report, "pnrs"), ==, 0);

  report = json_array_get_object_element (reports, 1);
  g_assert_cmpstr (json_object_get_string_member (report, "format"), ==, "pnrgov");
  g_assert_cmpstr (json_object_get_string_member (report, "result"), ==, "imported");
  g_assert_cmpint (json_object_get_int_member (report, "pnrs"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (report, "travellers"), ==, 1);

  report = json_array_get_object_element (reports, 2);
  g_assert_cmpstr (json_object_get_string_member (report, "result"), ==, "failed");
  g_assert_nonnull (strstr (json_object_get_string_member (report, "error"), "junk.txt"));
  g_clear_pointer (&reports, json_array_unref);

  reports = run_cli_json (db, again, &status);
  g_assert_cmpint (status, ==, 0);
  report = json_array_get_object_element (reports, 0);
  g_assert_cmpstr (json_object_get_string_member (report, "result"), ==, "duplicate");
}

/* Every public sample into one store: each imports, and the traveller rows are what the
 * parser read. A message that names no flight (a US master crew list of a vessel, with no
 * carrier and flight number) has nothing to hang its travellers on and is rejected with
 * its position; such files are checked to be exactly those. */
static void
test_import_samples (void)
{
  const char *root = g_getenv ("TARMAC_SAMPLES_DIR");
  g_autofree char *dir_path = root != NULL ? g_build_filename (root, "paxlst", NULL) : NULL;
  g_autoptr(GDir) dir = NULL;
  g_autoptr(TarmacStore) store = NULL;
  const char *name;
  gint64 expected = 0;
  guint n_files = 0;

  if (dir_path == NULL || !g_file_test (dir_path, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("no samples directory ($TARMAC_SAMPLES_DIR/paxlst)");
      return;
    }

  store = open_store (NULL);
  dir = g_dir_open (dir_path, 0, NULL);
  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);
      g_autofree char *contents = NULL;
      g_autoptr(GPtrArray) messages = NULL;
      g_autoptr(GPtrArray) warnings = NULL;
      g_autoptr(TarmacImportReport) report = NULL;
      g_autoptr(GError) error = NULL;
      gboolean has_flight = TRUE;
      guint n_parsed = 0;
      gsize length = 0;

      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      g_assert_true (tarmac_paxlst_parse ((const guint8 *) contents, length, &messages,
                                          &warnings, NULL));
      for (guint i = 0; i < messages->len; i++)
        {
          const TarmacPaxlstMessage *message = g_ptr_array_index (messages, i);

          n_parsed += message->travellers->len;
          if (message->travellers->len > 0 && message->flight_number == NULL)
            has_flight = FALSE;
        }

      n_files++;
      if (tarmac_import_file (store, path, &report, NULL, &error))
        {
          g_assert_cmpint (report->result, ==, TARMAC_IMPORT_RESULT_IMPORTED);
          g_assert_cmpuint (report->n_travellers, ==, n_parsed);
          expected += n_parsed;
          g_test_message ("%s: %u travellers, %u warnings", name, report->n_travellers,
                          report->warnings->len);
        }
      else
        {
          g_test_message ("%s: %s", name, error->message);
          g_assert_false (has_flight);
          g_assert_error (error, TARMAC_IMPORT_ERROR, TARMAC_IMPORT_ERROR_INVALID);
        }
    }

  g_assert_cmpuint (n_files, >, 0);
  g_assert_cmpint (count (store, "SELECT count(*) FROM traveller"), ==, expected);
}

/* Every PNRGOV file in $TARMAC_SAMPLES_DIR/pnrgov, EDIFACT or XML, imports, each into a
 * fresh database; the counts are reported per file (test-pnrgov-xml.c checks the XML
 * sample's counts one by one). */
static void
test_import_pnrgov_samples (void)
{
  const char *root = g_getenv ("TARMAC_SAMPLES_DIR");
  g_autofree char *dir_path = root != NULL ? g_build_filename (root, "pnrgov", NULL) : NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;
  guint n_files = 0;

  if (dir_path == NULL || !g_file_test (dir_path, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("no samples directory ($TARMAC_SAMPLES_DIR/pnrgov)");
      return;
    }

  dir = g_dir_open (dir_path, 0, NULL);
  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);
      g_autoptr(TarmacStore) store = open_store (NULL);
      g_autoptr(TarmacImportReport) report = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *contents = NULL;
      TarmacFileFormat format;
      gsize length = 0;

      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      format = tarmac_sniff_format ((const guint8 *) contents, length);
      if (format != TARMAC_FILE_FORMAT_PNRGOV && format != TARMAC_FILE_FORMAT_PNRGOV_XML)
        continue;

      n_files++;
      g_assert_true (tarmac_import_file (store, path, &report, NULL, &error));
      g_assert_no_error (error);
      g_assert_cmpint (report->result, ==, TARMAC_IMPORT_RESULT_IMPORTED);
      g_assert_cmpuint (report->n_pnrs, >, 0);
      g_assert_cmpint (count (store, "SELECT count(*) FROM pnr"), ==, report->n_pnrs);
      g_test_message ("%s: %u messages, %u PNRs, %u flights, %u travellers, %u documents,"
                      " %u warnings", name, report->n_messages, report->n_pnrs,
                      report->n_flights, report->n_travellers, report->n_documents,
                      report->warnings->len);
    }

  g_assert_cmpuint (n_files, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/import/d02b", test_import_d02b);
  g_test_add_func ("/import/direction", test_import_direction);
  g_test_add_func ("/import/airport-code", test_import_airport_code);
  g_test_add_func ("/import/cli-airport", test_import_cli_airport);
  g_test_add_func ("/import/duplicate", test_import_duplicate);
  g_test_add_func ("/import/corrupt", test_import_corrupt);
  g_test_add_func ("/import/row-refused", test_import_row_refused);
  g_test_add_func ("/import/rows-interrupted", test_import_rows_interrupted);
  g_test_add_func ("/import/long-names", test_import_long_names);
  g_test_add_func ("/import/bad-input", test_import_bad_input);
  g_test_add_func ("/import/multipart", test_import_multipart);
  g_test_add_func ("/import/multipart-sets", test_import_multipart_sets);
  g_test_add_func ("/import/multipart-samples", test_import_multipart_samples);
  g_test_add_func ("/import/counts", test_import_counts);
  g_test_add_func ("/import/stored-report", test_import_stored_report);
  g_test_add_func ("/import/pnrgov", test_import_pnrgov);
  g_test_add_func ("/import/pnrgov-out-of-order", test_import_pnrgov_out_of_order);
  g_test_add_func ("/import/pnrgov-other-script", test_import_pnrgov_other_script);
  g_test_add_func ("/import/pnrgov-link", test_import_pnrgov_link);
  g_test_add_func ("/import/pnrgov-broken", test_import_pnrgov_broken);
  g_test_add_func ("/import/pnrgov-samples", test_import_pnrgov_samples);
  g_test_add_func ("/import/document-checks", test_import_document_checks);
  g_test_add_func ("/import/cancel", test_import_cancel);
  g_test_add_func ("/import/cli", test_import_cli);
  g_test_add_func ("/import/samples", test_import_samples);

  return g_test_run ();
}
