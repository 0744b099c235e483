/* test-export.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>
#include <fcntl.h>
#include <glib-unix.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tarmac-export.h"
#include "tarmac-importer.h"
#include "tarmac-store-private.h"
#include "tarmac-test-util.h"

/* Exporting travellers (tarmac-export.c, tarmac-cli export): the fields, RFC 4180 quoting,
 * formula-injection guard, JSON, the flight filter, streaming, the audit row, and the
 * CLI's file handling. Names below are invented. */

/* A GOutputStream that keeps what it is given and the largest single write, to show that
 * an export reaches its output in bounded pieces rather than all at once. */
#define TEST_TYPE_RECORDING_STREAM (test_recording_stream_get_type ())
G_DECLARE_FINAL_TYPE (TestRecordingStream, test_recording_stream, TEST, RECORDING_STREAM,
                      GOutputStream)

struct _TestRecordingStream
{
  GOutputStream  parent_instance;
  GString       *data;
  gsize          largest_write;
  guint          n_writes;
};

G_DEFINE_FINAL_TYPE (TestRecordingStream, test_recording_stream, G_TYPE_OUTPUT_STREAM)

static gssize
test_recording_stream_write_fn (GOutputStream  *stream,
                                const void     *buffer,
                                gsize           count,
                                GCancellable   *cancellable,
                                GError        **error)
{
  TestRecordingStream *self = TEST_RECORDING_STREAM (stream);

  g_string_append_len (self->data, buffer, count);
  self->largest_write = MAX (self->largest_write, count);
  self->n_writes++;
  return count;
}

static void
test_recording_stream_finalize (GObject *object)
{
  g_string_free (TEST_RECORDING_STREAM (object)->data, TRUE);
  G_OBJECT_CLASS (test_recording_stream_parent_class)->finalize (object);
}

static void
test_recording_stream_class_init (TestRecordingStreamClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = test_recording_stream_finalize;
  G_OUTPUT_STREAM_CLASS (klass)->write_fn = test_recording_stream_write_fn;
}

static void
test_recording_stream_init (TestRecordingStream *self)
{
  self->data = g_string_new (NULL);
}

static void
exec_sql (TarmacStore *store,
          const char  *sql)
{
  g_autoptr(GError) error = NULL;

  _tarmac_store_exec (store, sql, &error);
  g_assert_no_error (error);
}

static gint64
count (TarmacStore *store,
       const char  *sql)
{
  g_autoptr(sqlite3_stmt) stmt = _tarmac_store_prepare (store, sql, NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

/* Two flights, one of them with awkward names: a comma, a quote, a line break, and values
 * a spreadsheet would take for formulas. */
static TarmacStore *
open_store_with_travellers (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TarmacStore) store = tarmac_store_open (":memory:", &error);

  g_assert_no_error (error);
  exec_sql (store,
            "INSERT INTO flight (id, carrier, number, flight_date, origin, destination,"
            " direction, created_at) VALUES"
            " (1, 'AF', '0702', '2026-11-22', 'CDG', 'LFW', 'inbound', 'now'),"
            " (2, 'XQ', '42', '2026-11-23', 'LFW', 'ACC', 'outbound', 'now');"
            "INSERT INTO pnr (id, carrier, record_locator, retain_until) VALUES"
            " (1, 'AF', 'KX7Q2M', '2099-01-01');"
            "INSERT INTO traveller (id, flight_id, pnr_id, kind, surname, given_names, sex,"
            " date_of_birth, nationality, seat, from_api, from_pnr, created_at, retain_until)"
            " VALUES"
            " (1, 1, 1, 'passenger', 'MENSAH-OKAFOR', 'Ama, \"Efua\"', 'F', '1990-02-03',"
            "  'GHA', '14A', 1, 1, 'now', '2099-01-01'),"
            " (2, 1, NULL, 'crew', '=HYPERLINK(\"http://x\")', '+33 1', 'M', NULL, 'FRA',"
            "  NULL, 1, 0, 'now', '2099-01-01'),"
            " (3, 1, NULL, 'passenger', '@SUM(A1)', 'line' || char (10) || 'break', 'X',"
            "  NULL, NULL, NULL, 0, 1, 'now', '2099-01-01'),"
            " (4, 2, NULL, 'passenger', 'N’DIAYE', 'Aïssatou', 'F', '1985-07-30', 'SEN',"
            "  '3C', 1, 0, 'now', '2099-01-01');"
            "INSERT INTO travel_document (traveller_id, type, number, number_normalised,"
            " issuing_state, expires_on, retain_until) VALUES"
            " (1, 'P', 'G1234567', 'G1234567', 'GHA', '2030-01-31', '2099-01-01'),"
            " (1, 'V', 'FR998877', 'FR998877', 'FRA', NULL, '2099-01-01'),"
            " (2, 'C', '-7788', '7788', 'FRA', NULL, '2099-01-01');");

  return g_steal_pointer (&store);
}

/* RFC 4180 read back: rows of fields, CRLF line ends, quotes doubled inside quotes. */
static GPtrArray *
parse_csv (const char *text)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GPtrArray) row = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) field = g_string_new (NULL);
  const char *p = text;

  while (*p != '\0')
    {
      if (*p == '"')
        {
          for (p++; !(*p == '"' && p[1] != '"'); p++)
            {
              g_assert_true (*p != '\0');
              if (*p == '"')
                p++;
              g_string_append_c (field, *p);
            }
          p++;
        }
      else
        while (*p != ',' && *p != '\r' && *p != '\0')
          {
            g_assert_true (*p != '\n' && *p != '"');
            g_string_append_c (field, *p++);
          }

      g_ptr_array_add (row, g_strdup (field->str));
      g_string_truncate (field, 0);

      if (*p == ',')
        p++;
      else
        {
          g_assert_true (p[0] == '\r' && p[1] == '\n');
          p += 2;
          g_ptr_array_add (row, NULL);
          g_ptr_array_add (rows, g_ptr_array_steal (row, NULL));
        }
    }

  return rows;
}

static char *
export_to_string (TarmacStore               *store,
                  const TarmacExportFlight  *flight,
                  TarmacExportFormat         format,
                  guint64                   *n_rows)
{
  g_autoptr(TestRecordingStream) stream = g_object_new (TEST_TYPE_RECORDING_STREAM, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (tarmac_export_travellers (store, flight, format, G_OUTPUT_STREAM (stream),
                                           "a test", n_rows, NULL, &error));
  g_assert_no_error (error);
  return g_strdup (stream->data->str);
}

static void
test_export_parse_flight (void)
{
  const struct { const char *text; const char *carrier; const char *number; } good[] = {
    { "AF702/2026-11-22", "AF", "702" },
    { "AF0702/2026-11-22", "AF", "702" },
    { "af 702/2026-11-22", "AF", "702" },
    { "AFR0702A/2026-11-22", "AFR", "702A" },
    { "U2123/2026-11-22", "U2", "123" },
    { "9W0001/2026-11-22", "9W", "1" },
    { "XQ0/2026-11-22", "XQ", "0" },
  };
  const char *bad[] = {
    "AF702", "AF/2026-11-22", "AF12345/2026-11-22", "AF702/2026-13-01", "AF702/2026-11-2",
    "AF702XY/2026-11-22", "A/2026-11-22", "A-702/2026-11-22", "AF702/2026-11-22x", "",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_auto(TarmacExportFlight) flight = { NULL, };
      g_autoptr(GError) error = NULL;

      g_assert_true (tarmac_export_parse_flight (good[i].text, &flight, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (flight.carrier, ==, good[i].carrier);
      g_assert_cmpstr (flight.number, ==, good[i].number);
      g_assert_cmpstr (flight.date, ==, "2026-11-22");
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_auto(TarmacExportFlight) flight = { NULL, };
      g_autoptr(GError) error = NULL;

      g_assert_false (tarmac_export_parse_flight (bad[i], &flight, &error));
      g_assert_error (error, TARMAC_STORE_ERROR, TARMAC_STORE_ERROR_INVALID);
      g_assert_null (flight.carrier);
    }
}

static void
test_export_csv (void)
{
  g_autoptr(TarmacStore) store = open_store_with_travellers ();
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *text = NULL;
  g_autofree char *detail = NULL;
  char **row;
  guint64 n_rows = 0;

  text = export_to_string (store, NULL, TARMAC_EXPORT_FORMAT_CSV, &n_rows);
  g_assert_cmpuint (n_rows, ==, 4);
  g_assert_true (g_utf8_validate (text, -1, NULL));
  rows = parse_csv (text);
  g_assert_cmpuint (rows->len, ==, 5);

  row = g_ptr_array_index (rows, 0);
  g_assert_cmpuint (g_strv_length (row), ==, 19);
  g_assert_cmpstr (row[0], ==, "flight");
  g_assert_cmpstr (row[6], ==, "surname");
  g_assert_cmpstr (row[17], ==, "pnr_locator");
  g_assert_cmpstr (row[18], ==, "sources");

  /* passengers first, then crew, flight by flight */
  row = g_ptr_array_index (rows, 1);
  g_assert_cmpuint (g_strv_length (row), ==, 19);
  g_assert_cmpstr (row[0], ==, "AF0702");
  g_assert_cmpstr (row[1], ==, "2026-11-22");
  g_assert_cmpstr (row[2], ==, "CDG");
  g_assert_cmpstr (row[3], ==, "LFW");
  g_assert_cmpstr (row[4], ==, "inbound");
  g_assert_cmpstr (row[5], ==, "passenger");
  g_assert_cmpstr (row[6], ==, "MENSAH-OKAFOR");
  g_assert_cmpstr (row[7], ==, "Ama, \"Efua\"");
  g_assert_cmpstr (row[8], ==, "F");
  g_assert_cmpstr (row[9], ==, "1990-02-03");
  g_assert_cmpstr (row[10], ==, "GHA");
  g_assert_cmpstr (row[11], ==, "P");
  g_assert_cmpstr (row[12], ==, "G1234567");
  g_assert_cmpstr (row[13], ==, "GHA");
  g_assert_cmpstr (row[14], ==, "2030-01-31");
  g_assert_cmpstr (row[15], ==, "V FR998877 FRA -");
  g_assert_cmpstr (row[16], ==, "14A");
  g_assert_cmpstr (row[17], ==, "KX7Q2M");
  g_assert_cmpstr (row[18], ==, "api;pnr");

  /* a line break stays inside its quoted cell; a formula is disarmed */
  row = g_ptr_array_index (rows, 2);
  g_assert_cmpstr (row[5], ==, "passenger");
  g_assert_cmpstr (row[6], ==, "'@SUM(A1)");
  g_assert_cmpstr (row[7], ==, "line\nbreak");
  g_assert_cmpstr (row[18], ==, "pnr");

  row = g_ptr_array_index (rows, 3);
  g_assert_cmpstr (row[5], ==, "crew");
  g_assert_cmpstr (row[6], ==, "'=HYPERLINK(\"http://x\")");
  g_assert_cmpstr (row[7], ==, "'+33 1");
  g_assert_cmpstr (row[12], ==, "'-7788");
  g_assert_cmpstr (row[18], ==, "api");

  row = g_ptr_array_index (rows, 4);
  g_assert_cmpstr (row[0], ==, "XQ42");
  g_assert_cmpstr (row[6], ==, "N’DIAYE");
  g_assert_cmpstr (row[7], ==, "Aïssatou");
  g_assert_cmpstr (row[11], ==, "");
  g_assert_cmpstr (row[17], ==, "");

  /* one audit row: what, how many, where */
  g_assert_cmpint (count (store, "SELECT count(*) FROM audit_log WHERE action = 'export'"), ==, 1);
  {
    g_autoptr(sqlite3_stmt) stmt = _tarmac_store_prepare (store,
                                                          "SELECT detail, object_type,"
                                                          " object_id IS NULL FROM audit_log"
                                                          " WHERE action = 'export'", NULL);

    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpstr (_tarmac_store_column_text (stmt, 0), ==, "csv, 4 rows, to a test");
    g_assert_cmpstr (_tarmac_store_column_text (stmt, 1), ==, "traveller");
    g_assert_cmpint (sqlite3_column_int (stmt, 2), ==, 1);
  }
}

static void
test_export_json (void)
{
  g_autoptr(TarmacStore) store = open_store_with_travellers ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  JsonArray *array;
  JsonObject *object;
  JsonArray *documents;
  JsonArray *sources;
  guint64 n_rows = 0;

  text = export_to_string (store, NULL, TARMAC_EXPORT_FORMAT_JSON, &n_rows);
  g_assert_cmpuint (n_rows, ==, 4);
  root = json_from_string (text, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (root));
  array = json_node_get_array (root);
  g_assert_cmpuint (json_array_get_length (array), ==, 4);

  object = json_array_get_object_element (array, 0);
  g_assert_cmpstr (json_object_get_string_member (object, "flight"), ==, "AF0702");
  g_assert_cmpstr (json_object_get_string_member (object, "given_names"), ==, "Ama, \"Efua\"");
  g_assert_cmpstr (json_object_get_string_member (object, "pnr_locator"), ==, "KX7Q2M");
  documents = json_object_get_array_member (object, "documents");
  g_assert_cmpuint (json_array_get_length (documents), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (documents, 1),
                                                  "number"), ==, "FR998877");
  g_assert_true (json_object_get_null_member (json_array_get_object_element (documents, 1),
                                              "expires_on"));
  sources = json_object_get_array_member (object, "sources");
  g_assert_cmpuint (json_array_get_length (sources), ==, 2);
  g_assert_cmpstr (json_array_get_string_element (sources, 0), ==, "api");
  g_assert_cmpstr (json_array_get_string_element (sources, 1), ==, "pnr");

  /* JSON carries values as they are: no formula guard, escapes for the line break */
  object = json_array_get_object_element (array, 1);
  g_assert_cmpstr (json_object_get_string_member (object, "surname"), ==, "@SUM(A1)");
  g_assert_cmpstr (json_object_get_string_member (object, "given_names"), ==, "line\nbreak");
  g_assert_true (json_object_get_null_member (object, "date_of_birth"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "documents")),
                    ==, 0);

  object = json_array_get_object_element (array, 3);
  g_assert_cmpstr (json_object_get_string_member (object, "surname"), ==, "N’DIAYE");
  g_assert_cmpstr (json_object_get_string_member (object, "direction"), ==, "outbound");
}

static void
test_export_flight (void)
{
  g_autoptr(TarmacStore) store = open_store_with_travellers ();
  const char *names[] = { "AF702/2026-11-22", "AF0702/2026-11-22", "af 0702/2026-11-22" };
  g_autofree char *text = NULL;
  guint64 n_rows = 0;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_auto(TarmacExportFlight) flight = { NULL, };
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) rows = NULL;

      g_assert_true (tarmac_export_parse_flight (names[i], &flight, &error));
      text = export_to_string (store, &flight, TARMAC_EXPORT_FORMAT_CSV, &n_rows);
      g_assert_cmpuint (n_rows, ==, 3);
      rows = parse_csv (text);
      g_assert_cmpuint (rows->len, ==, 4);
      for (guint j = 1; j < rows->len; j++)
        g_assert_cmpstr (((char **) g_ptr_array_index (rows, j))[0], ==, "AF0702");
      g_clear_pointer (&text, g_free);
    }

  /* another day, or nothing: a header and no rows */
  {
    g_auto(TarmacExportFlight) flight = { NULL, };

    g_assert_true (tarmac_export_parse_flight ("AF702/2026-11-23", &flight, NULL));
    text = export_to_string (store, &flight, TARMAC_EXPORT_FORMAT_JSON, &n_rows);
    g_assert_cmpuint (n_rows, ==, 0);
    g_assert_cmpstr (text, ==, "[]\n");
  }

  g_assert_cmpint (count (store, "SELECT count(*) FROM audit_log WHERE action = 'export'"
                                 " AND object_id = 'AF702/2026-11-22'"), ==, 3);
  g_assert_cmpint (count (store, "SELECT count(*) FROM audit_log WHERE action = 'export'"
                                 " AND object_id = 'AF702/2026-11-23' AND detail ="
                                 " 'json, 0 rows, to a test'"), ==, 1);
}

/* Thousands of travellers reach the output in pieces of at most the buffer's size. */
static void
test_export_streams (void)
{
  g_autoptr(TarmacStore) store = open_store_with_travellers ();
  g_autoptr(TestRecordingStream) stream = g_object_new (TEST_TYPE_RECORDING_STREAM, NULL);
  g_autoptr(GError) error = NULL;
  guint64 n_rows = 0;

  exec_sql (store,
            "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000)"
            " INSERT INTO traveller (flight_id, kind, surname, given_names, from_api,"
            " created_at, retain_until)"
            " SELECT 2, 'passenger', 'TRAVELLER' || i, 'Given Names Long Enough', 1, 'now',"
            " '2099-01-01' FROM n");

  g_assert_true (tarmac_export_travellers (store, NULL, TARMAC_EXPORT_FORMAT_JSON,
                                           G_OUTPUT_STREAM (stream), "a test", &n_rows,
                                           NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_rows, ==, 20004);
  g_assert_cmpuint (stream->data->len, >, 4 * 1024 * 1024);
  g_assert_cmpuint (stream->largest_write, <=, 64 * 1024);
  g_assert_cmpuint (stream->n_writes, >, 50);
}

/* tarmac-cli export: a 0600 file, the format's content, usage errors. */
static int
run_cli (const char  *db,
         const char **args,
         char       **out)
{
  g_autofree char *cli = tarmac_test_build_path ("src/cli/tarmac-cli");
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_ptr_array_add (argv, cli);
  g_ptr_array_add (argv, (char *) "--db");
  g_ptr_array_add (argv, (char *) db);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               out, NULL, &status, &error));
  g_assert_no_error (error);
  if (g_spawn_check_wait_status (status, &error))
    return 0;
  g_assert_error (error, G_SPAWN_EXIT_ERROR, error->code);
  return error->code;
}

static void
test_export_cli (void)
{
  g_autofree char *db = tarmac_test_db_path ("export-cli.db");
  g_autofree char *csv = tarmac_test_db_path ("travellers.csv");
  g_autofree char *json = tarmac_test_db_path ("travellers.json");
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "data", "import",
                                                    "d02b-passengers.edi", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TarmacStore) store = NULL;
  g_autoptr(JsonNode) root = NULL;
  GStatBuf st;

  store = tarmac_store_open (db, &error);
  g_assert_no_error (error);
  g_assert_true (tarmac_import_file (store, fixture, NULL, NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  {
    const char *args[] = { "export", "travellers", "--format", "csv", "--output", csv, NULL };

    g_assert_cmpint (run_cli (db, args, NULL), ==, 0);
    g_assert_cmpint (g_stat (csv, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0600);
    g_assert_true (g_file_get_contents (csv, &contents, NULL, NULL));
    g_assert_true (g_str_has_prefix (contents, "flight,flight_date,origin,"));
    g_assert_nonnull (strstr (contents, "\r\nXQ0042,2026-03-14,OSL,LIS,inbound,passenger,"
                                        "O'BRIEN,AOIFE MARY,F,1985-04-12,IRL,P,PA1234567,"));
    g_clear_pointer (&contents, g_free);
  }

  /* an existing, world-readable file is narrowed before it is written */
  {
    const char *args[] = { "export", "travellers", "--flight", "XQ42/2026-03-14",
                           "--format", "json", "-o", json, NULL };

    g_assert_true (g_file_set_contents (json, "old", -1, NULL));
    g_assert_cmpint (g_chmod (json, 0644), ==, 0);
    g_assert_cmpint (run_cli (db, args, NULL), ==, 0);
    g_assert_cmpint (g_stat (json, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0600);
    g_assert_true (g_file_get_contents (json, &contents, NULL, NULL));
    root = json_from_string (contents, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (json_array_get_length (json_node_get_array (root)), ==, 3);
  }

  /* standard output */
  {
    const char *args[] = { "export", "travellers", "--format", "json", NULL };

    g_assert_cmpint (run_cli (db, args, &out), ==, 0);
    g_clear_pointer (&root, json_node_unref);
    root = json_from_string (out, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (json_array_get_length (json_node_get_array (root)), ==, 3);
  }

  /* usage errors: exit 2, nothing audited */
  {
    const char *no_format[] = { "export", "travellers", NULL };
    const char *bad_format[] = { "export", "travellers", "--format", "xml", NULL };
    const char *bad_flight[] = { "export", "travellers", "--format", "csv", "--flight", "XQ",
                                 NULL };
    const char *no_what[] = { "export", "--format", "csv", NULL };

    g_assert_cmpint (run_cli (db, no_format, NULL), ==, 2);
    g_assert_cmpint (run_cli (db, bad_format, NULL), ==, 2);
    g_assert_cmpint (run_cli (db, bad_flight, NULL), ==, 2);
    g_assert_cmpint (run_cli (db, no_what, NULL), ==, 2);
  }

  /* a folder that does not exist: exit 1 */
  {
    g_autofree char *nowhere = tarmac_test_db_path ("no/such/folder/out.csv");
    const char *args[] = { "export", "travellers", "--format", "csv", "-o", nowhere, NULL };

    g_assert_cmpint (run_cli (db, args, NULL), ==, 1);
  }

  /* the reader is gone before a byte is written (| head that quit): the export fails
   * instead of dying on SIGPIPE, and its audit row says it stopped */
  {
    g_autofree char *cli = tarmac_test_build_path ("src/cli/tarmac-cli");
    const char *argv[] = { cli, "--db", db, "export", "travellers", "--format", "csv", NULL };
    int fds[2];
    int wait_status = 0;
    GPid pid;

    g_assert_true (g_unix_open_pipe (fds, FD_CLOEXEC, &error));
    close (fds[0]);
    g_assert_true (g_spawn_async_with_fds (NULL, (char **) argv, NULL,
                                           G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &pid, -1,
                                           fds[1], -1, &error));
    g_assert_no_error (error);
    close (fds[1]);
    g_assert_cmpint (waitpid (pid, &wait_status, 0), ==, pid);
    g_assert_true (WIFEXITED (wait_status));
    g_assert_cmpint (WEXITSTATUS (wait_status), ==, 1);
    g_spawn_close_pid (pid);
  }

  store = tarmac_store_open (db, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count (store, "SELECT count(*) FROM audit_log WHERE action = 'export'"), ==, 4);
  g_assert_cmpint (count (store, "SELECT count(*) FROM audit_log WHERE action = 'export'"
                                 " AND detail = 'csv, 3 rows (stopped by an error),"
                                 " to standard output'"), ==, 1);
  g_assert_cmpint (count (store, "SELECT count(*) FROM audit_log WHERE action = 'export'"
                                 " AND object_id = 'XQ42/2026-03-14'"
                                 " AND detail LIKE 'json, 3 rows, to /%travellers.json'"), ==, 1);
  g_assert_cmpint (count (store, "SELECT count(*) FROM audit_log WHERE action = 'export'"
                                 " AND detail = 'json, 3 rows, to standard output'"), ==, 1);
}

/* A flight's passengers, then its crew, each by name whatever their ids, as the flight
 * page lists them (an import writes a manifest's travellers in name order). */
static void
test_export_order (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TarmacStore) store = tarmac_store_open (":memory:", &error);
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *text = NULL;
  static const char * const expected[] = { "ABARA", "OKONJO", "ZUMA", "BELLO", "YEBOAH" };

  g_assert_no_error (error);
  exec_sql (store,
            "INSERT INTO flight (id, carrier, number, flight_date, origin, destination,"
            " direction, created_at) VALUES"
            " (1, 'XQ', '42', '2026-11-23', 'LFW', 'ACC', 'outbound', 'now');"
            "INSERT INTO traveller (id, flight_id, kind, surname, name_key, created_at,"
            " retain_until) VALUES"
            " (1, 1, 'crew', 'YEBOAH', 'yeboah', 'now', '2099-01-01'),"
            " (2, 1, 'passenger', 'ZUMA', 'zuma', 'now', '2099-01-01'),"
            " (3, 1, 'passenger', 'ABARA', 'abara', 'now', '2099-01-01'),"
            " (4, 1, 'crew', 'BELLO', 'bello', 'now', '2099-01-01'),"
            " (5, 1, 'passenger', 'OKONJO', 'okonjo', 'now', '2099-01-01');");

  text = export_to_string (store, NULL, TARMAC_EXPORT_FORMAT_CSV, NULL);
  rows = parse_csv (text);
  g_assert_cmpuint (rows->len, ==, 1 + G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpstr (((char **) g_ptr_array_index (rows, i + 1))[6], ==, expected[i]);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/export/parse-flight", test_export_parse_flight);
  g_test_add_func ("/export/csv", test_export_csv);
  g_test_add_func ("/export/json", test_export_json);
  g_test_add_func ("/export/flight", test_export_flight);
  g_test_add_func ("/export/order", test_export_order);
  g_test_add_func ("/export/streams", test_export_streams);
  g_test_add_func ("/export/cli", test_export_cli);

  return g_test_run ();
}
