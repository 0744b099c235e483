/* test-store.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sys/stat.h>

#include "tarmac-audit.h"
#include "tarmac-flight.h"
#include "tarmac-name-key.h"
#include "tarmac-note.h"
#include "tarmac-store-private.h"
#include "tarmac-test-util.h"
#include "tarmac-traveller.h"

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

static void
exec_ok (TarmacStore *store,
         const char  *sql)
{
  g_autoptr(GError) error = NULL;

  _tarmac_store_exec (store, sql, &error);
  g_assert_no_error (error);
}

static char *
today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

/* Rows that only a database at @version can hold, so that migrating it must keep them. */
static void
seed_version (TarmacStore *store,
              guint        version)
{
  g_autoptr(GError) error = NULL;

  if (version >= 1)
    {
      exec_ok (store,
               "INSERT INTO officer (login, display_name, agency, role, created_at)"
               " VALUES ('akossi', 'Afi Kossi', 'customs', 'supervisor', '2026-01-01T00:00:00Z')");
      tarmac_store_set_meta (store, "seeded-at", "v1", &error);
      g_assert_no_error (error);
      tarmac_audit_append (store, "create", "officer", "akossi", "seeded", &error);
      g_assert_no_error (error);
    }

  if (version >= 2)
    exec_ok (store,
             "INSERT INTO flight (id, carrier, number, flight_date, origin, destination,"
             "  direction, created_at)"
             " VALUES (1, 'KP', '35', '2026-11-20', 'ABJ', 'LFW', 'inbound', 'x');"
             "INSERT INTO traveller (id, flight_id, kind, surname, given_names, name_key,"
             "  created_at, retain_until)"
             " VALUES (1, 1, 'passenger', 'MENSAH', 'Adjoa', 'mensah adjoa', 'x', 'y');"
             "INSERT INTO travel_document (traveller_id, type, number, number_normalised,"
             "  retain_until) VALUES (1, 'P', 'G 123-456', 'G123456', 'y');"
             "INSERT INTO pnr (id, carrier, record_locator, retain_until)"
             " VALUES (1, 'KP', 'ABC234', 'y');"
             "INSERT INTO pnr_contact (pnr_id, kind, value, value_normalised, retain_until)"
             " VALUES (1, 'phone', '+228 90 00 00 00', '22890000000', 'y');"
             /* The manifest that brought the traveller, then a PNR that named it again. */
             "INSERT INTO source_file (id, sha256, name, format, size, imported_at, result)"
             " VALUES (1, printf ('%064d', 1), 'kp35.edi', 'paxlst', 10, 'x', 'imported');"
             "INSERT INTO message (id, source_file_id, type) VALUES (1, 1, 'PAXLST'),"
             "  (2, 1, 'PNRGOV');"
             "INSERT INTO traveller_source (traveller_id, message_id) VALUES (1, 2), (1, 1);");

  /* Written by plain SQL: queued for the name index by hand, as a writer would (from
   * migration 9; that migration indexes the rows already there itself). */
  if (version >= 9)
    exec_ok (store, "INSERT OR IGNORE INTO search_pending (traveller_id) VALUES (1)");

  if (version >= 3)
    exec_ok (store,
             "INSERT INTO watchlist (id, name, kind, source, loaded_at)"
             " VALUES (1, 'National alerts', 'persons', 'national', 'x');"
             "INSERT INTO watchlist_entry (id, watchlist_id, external_id)"
             " VALUES (1, 1, 'N-1');"
             "INSERT INTO watchlist_name (entry_id, name, name_key)"
             " VALUES (1, 'Adjoa Mensah', 'adjoa mensah');"
             "INSERT INTO hit (traveller_id, source, watchlist_entry_id, score, explanation,"
             "  created_at, updated_at, retain_until)"
             " VALUES (1, 'watchlist', 1, 0.93, 'name and DOB', 'x', 'x', 'y');");

  if (version >= 4)
    exec_ok (store,
             "INSERT INTO note (uuid, author, body, created_at, updated_at, retain_until)"
             " VALUES ('00000000-0000-4000-8000-000000000001', 'akossi', 'Watch KP 35',"
             "  'x', 'x', 'y');");
}

static void
check_seeded (TarmacStore *store,
              guint        version)
{
  g_autofree char *integrity = query_text (store, "PRAGMA integrity_check");
  g_autofree char *meta = tarmac_store_get_meta (store, "seeded-at");
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (integrity, ==, "ok");
  g_assert_cmpint (count (store, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);

  g_assert_cmpstr (meta, ==, "v1");
  g_assert_cmpint (count (store, "SELECT count(*) FROM officer WHERE login = 'akossi'"), ==, 1);
  tarmac_audit_verify (store, NULL, NULL, &error);
  g_assert_no_error (error);

  if (version >= 2)
    {
      g_assert_cmpint (count (store, "SELECT count(*) FROM traveller"), ==, 1);
      g_assert_cmpint (count (store, "SELECT count(*) FROM pnr_contact"), ==, 1);
    }
  if (version >= 2 && version < 20)
    {
      /* Migration 20: the first message on the row, the later one still a source. */
      g_assert_cmpint (count (store, "SELECT message_id FROM traveller WHERE id = 1"), ==, 1);
      g_assert_cmpint (count (store, "SELECT count(*) FROM traveller_source"), ==, 1);
      g_assert_cmpint (count (store, "SELECT message_id FROM traveller_source"
                                     " WHERE traveller_id = 1"), ==, 2);
    }
  if (version >= 3)
    g_assert_cmpint (count (store, "SELECT count(*) FROM hit"), ==, 1);
  if (version >= 4)
    g_assert_cmpint (count (store, "SELECT count(*) FROM note"), ==, 1);
}

static void
test_store_create (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TarmacStore) store = NULL;
  g_autofree char *path = tarmac_test_db_path ("create.db");
  g_autofree char *mode = NULL;
  struct stat st;

  store = tarmac_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);

  /* Personal data: nobody else on the laptop may read the file. */
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  g_assert_cmpuint (tarmac_store_get_version (store), ==, tarmac_store_get_latest_version ());
  mode = query_text (store, "PRAGMA journal_mode");
  g_assert_cmpstr (mode, ==, "wal");
  g_assert_cmpint (count (store, "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpint (count (store, "PRAGMA user_version"), ==, tarmac_store_get_latest_version ());

  /* The person at the keyboard is an officer, so the audit log can name them. */
  g_assert_cmpint (count (store, "SELECT count(*) FROM officer"), ==, 1);
}

static void
test_store_default_path (void)
{
  g_autofree char *path = tarmac_store_get_default_path ();
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "tarmac", "tarmac.db",
                                                NULL);

  g_assert_cmpstr (path, ==, expected);
}

static void
test_store_tightens_mode (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TarmacStore) store = NULL;
  g_autofree char *path = tarmac_test_db_path ("loose.db");
  struct stat st;

  g_assert_true (g_file_set_contents (path, "", 0, NULL));
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);

  store = tarmac_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}

/* Every version to the latest, on a real file, keeping every row. */
static void
test_store_migrate_each_version (void)
{
  guint latest = tarmac_store_get_latest_version ();

  g_assert_cmpuint (latest, >=, 2);

  for (guint version = 1; version <= latest; version++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(TarmacStore) old = NULL;
      g_autoptr(TarmacStore) migrated = NULL;
      g_autofree char *name = g_strdup_printf ("v%u.db", version);
      g_autofree char *path = tarmac_test_db_path (name);

      old = tarmac_store_open_at_version (path, version, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (tarmac_store_get_version (old), ==, version);
      seed_version (old, version);
      /* Before version 5 the audit log had no head record: migration 5 writes it. */
      if (version < 5)
        exec_ok (old, "DELETE FROM meta WHERE key = 'audit-head'");
      tarmac_store_close (old);

      migrated = tarmac_store_open (path, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (tarmac_store_get_version (migrated), ==, latest);
      check_seeded (migrated, version);
    }
}

/* A step that fails leaves the file at the version before it, not half-way. */
static void
test_store_migrate_failure_rolls_back (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TarmacStore) old = NULL;
  g_autoptr(TarmacStore) store = NULL;
  g_autoptr(TarmacStore) reopened = NULL;
  g_autofree char *path = tarmac_test_db_path ("blocked.db");

  old = tarmac_store_open_at_version (path, 1, &error);
  g_assert_no_error (error);
  seed_version (old, 1);
  /* A table that step 2 also creates: step 2 must fail and undo its earlier tables. */
  exec_ok (old, "CREATE TABLE pnr_history (x INTEGER)");
  tarmac_store_close (old);

  store = tarmac_store_open (path, &error);
  g_assert_error (error, TARMAC_STORE_ERROR, TARMAC_STORE_ERROR_MIGRATION);
  g_assert_null (store);
  g_assert_nonnull (strstr (error->message, "version 2"));
  g_clear_error (&error);

  reopened = tarmac_store_open_at_version (path, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tarmac_store_get_version (reopened), ==, 1);
  g_assert_cmpint (count (reopened,
                          "SELECT count(*) FROM sqlite_schema WHERE name = 'source_file'"), ==, 0);
  check_seeded (reopened, 1);
}

static void
test_store_refuses_newer (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TarmacStore) store = NULL;
  g_autoptr(TarmacStore) refused = NULL;
  g_autofree char *path = tarmac_test_db_path ("newer.db");
  g_autofree char *bump = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  store = tarmac_store_open (path, &error);
  g_assert_no_error (error);
  seed_version (store, tarmac_store_get_latest_version ());
  bump = g_strdup_printf ("PRAGMA user_version = %u", tarmac_store_get_latest_version () + 1);
  exec_ok (store, bump);
  exec_ok (store, "PRAGMA wal_checkpoint(TRUNCATE)");
  tarmac_store_close (store);

  before = tarmac_test_file_digest (path);
  refused = tarmac_store_open (path, &error);
  g_assert_null (refused);
  g_assert_error (error, TARMAC_STORE_ERROR, TARMAC_STORE_ERROR_TOO_NEW);
  g_assert_nonnull (strstr (error->message, "newer version of Tarmac"));

  after = tarmac_test_file_digest (path);
  g_assert_cmpstr (before, ==, after);
}

static void
copy_file (const char *from,
           const char *to)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (from, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (to, contents, length, NULL));
}

/* The same, with the newer version's last writes still in the WAL: refusing must not
 * checkpoint them into the main file either. */
static void
test_store_refuses_newer_with_wal (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TarmacStore) store = NULL;
  g_autoptr(TarmacStore) refused = NULL;
  g_autofree char *path = tarmac_test_db_path ("newer-wal.db");
  g_autofree char *copy = tarmac_test_db_path ("newer-wal-copy.db");
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *copy_wal = g_strconcat (copy, "-wal", NULL);
  g_autofree char *bump = NULL;
  g_autofree char *db_before = NULL;
  g_autofree char *wal_before = NULL;
  g_autofree char *db_after = NULL;
  g_autofree char *wal_after = NULL;

  store = tarmac_store_open (path, &error);
  g_assert_no_error (error);
  exec_ok (store, "PRAGMA wal_checkpoint(TRUNCATE)");
  seed_version (store, tarmac_store_get_latest_version ());
  bump = g_strdup_printf ("PRAGMA user_version = %u", tarmac_store_get_latest_version () + 1);
  exec_ok (store, bump);

  /* A snapshot taken while the writer is open: the main file and its unmerged WAL. */
  copy_file (path, copy);
  copy_file (wal, copy_wal);
  db_before = tarmac_test_file_digest (copy);
  wal_before = tarmac_test_file_digest (copy_wal);

  refused = tarmac_store_open (copy, &error);
  g_assert_null (refused);
  g_assert_error (error, TARMAC_STORE_ERROR, TARMAC_STORE_ERROR_TOO_NEW);

  db_after = tarmac_test_file_digest (copy);
  wal_after = tarmac_test_file_digest (copy_wal);
  g_assert_cmpstr (db_before, ==, db_after);
  g_assert_cmpstr (wal_before, ==, wal_after);
}

static void
test_store_refuses_foreign (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TarmacStore) store = NULL;
  g_autofree char *sqlite_path = tarmac_test_db_path ("other-app.db");
  g_autofree char *junk_path = tarmac_test_db_path ("junk.db");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (sqlite_path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE bookmarks (url TEXT)", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  sqlite3_close (db);

  before = tarmac_test_file_digest (sqlite_path);
  store = tarmac_store_open (sqlite_path, &error);
  g_assert_null (store);
  g_assert_error (error, TARMAC_STORE_ERROR, TARMAC_STORE_ERROR_NOT_TARMAC);
  g_clear_error (&error);
  after = tarmac_test_file_digest (sqlite_path);
  g_assert_cmpstr (before, ==, after);

  g_assert_true (g_file_set_contents (junk_path, "PAXLST is not a database, it is a message",
                                      -1, NULL));
  store = tarmac_store_open (junk_path, &error);
  g_assert_null (store);
  g_assert_error (error, TARMAC_STORE_ERROR, TARMAC_STORE_ERROR_NOT_TARMAC);
}

static TarmacStore *
open_memory_with_flight (void)
{
  g_autoptr(GError) error = NULL;
  TarmacStore *store = tarmac_store_open (":memory:", &error);

  g_assert_no_error (error);
  seed_version (store, tarmac_store_get_latest_version ());
  return store;
}

static void
test_store_constraints (void)
{
  g_autoptr(TarmacStore) store = open_memory_with_flight ();
  g_autoptr(GError) error = NULL;

  /* The same flight twice. */
  _tarmac_store_exec (store,
                      "INSERT INTO flight (carrier, number, flight_date, origin, destination,"
                      "  direction, created_at)"
                      " VALUES ('KP', '35', '2026-11-20', 'ABJ', 'LFW', 'inbound', 'x')",
                      &error);
  g_assert_error (error, TARMAC_STORE_ERROR, TARMAC_STORE_ERROR_CONSTRAINT);
  g_assert_nonnull (strstr (error->message, "UNIQUE"));
  g_clear_error (&error);

  /* A traveller on a flight that does not exist. */
  _tarmac_store_exec (store,
                      "INSERT INTO traveller (flight_id, kind, surname, created_at, retain_until)"
                      " VALUES (999, 'passenger', 'X', 'x', 'y')",
                      &error);
  g_assert_error (error, TARMAC_STORE_ERROR, TARMAC_STORE_ERROR_CONSTRAINT);
  g_assert_nonnull (strstr (error->message, "FOREIGN KEY"));
  g_clear_error (&error);

  /* A value outside its domain. */
  _tarmac_store_exec (store, "UPDATE traveller SET sex = 'Q' WHERE id = 1", &error);
  g_assert_error (error, TARMAC_STORE_ERROR, TARMAC_STORE_ERROR_CONSTRAINT);
  g_assert_nonnull (strstr (error->message, "CHECK"));
  g_clear_error (&error);

  /* STRICT: text in an integer column is an error, not a conversion. */
  _tarmac_store_exec (store, "UPDATE traveller SET bag_count = 'many' WHERE id = 1", &error);
  g_assert_error (error, TARMAC_STORE_ERROR, TARMAC_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  /* A card number can never be stored whole. */
  _tarmac_store_exec (store,
                      "INSERT INTO pnr_payment (pnr_id, form, card_last4, retain_until)"
                      " VALUES (1, 'CC', '4111111111111111', 'y')",
                      &error);
  g_assert_error (error, TARMAC_STORE_ERROR, TARMAC_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  /* A syntax error is a query error, not a constraint. */
  _tarmac_store_exec (store, "SELEC 1", &error);
  g_assert_error (error, TARMAC_STORE_ERROR, TARMAC_STORE_ERROR_QUERY);
}

/* Writing a traveller or a document needs no temporary b-tree (a CHECK with a long IN
 * list opens one per row) and runs no trigger (an insert trigger makes SQLite keep a
 * statement journal per row): both cost a third of an import (migration 15). Nor does a
 * statement of many (migration 25). The checks still refuse what they refused. */
static void
test_store_insert_plans (void)
{
  g_autoptr(TarmacStore) store = open_memory_with_flight ();
  g_autoptr(GError) error = NULL;
  static const char * const inserts[] = {
    "INSERT INTO traveller (flight_id, kind, surname, sex, created_at, retain_until)"
    " VALUES (1, 'passenger', 'X', 'F', 'x', 'y')",
    "INSERT INTO travel_document (traveller_id, type, number, number_normalised,"
    " check_verdict, retain_until) VALUES (1, 'P', 'A1', 'A1', 'valid', 'y')",
    "INSERT INTO traveller_source (traveller_id, message_id) VALUES (1, 1)",
    /* A file and its flight, once a file (migration 26). */
    "INSERT INTO source_file (sha256, name, format, size, imported_at, result)"
    " VALUES ('0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',"
    " 'a.edi', 'PAXLST', 1, 'x', 'imported')",
    "INSERT INTO flight (carrier, number, flight_date, origin, destination, direction,"
    " created_at) VALUES ('XQ', '1', '2026-11-23', 'LFW', 'ACC', 'outbound', 'x')"
    " ON CONFLICT (carrier, number, flight_date, origin) DO UPDATE"
    " SET scheduled_departure = coalesce (scheduled_departure, excluded.scheduled_departure)",
  };
  static const char * const multi_row_inserts[] = {
    "INSERT OR FAIL INTO traveller (id, flight_id, message_id, kind, surname, given_names,"
    " sex, nationality, bag_count, transit, booking_reference, from_api, name_key,"
    " created_at, retain_until) VALUES"
    " (10, 1, 1, 'passenger', 'X', 'Y', 'F', 'TGO', 1, 0, 'ABC234', 1, 'x y', 'x', 'y'),"
    " (11, 1, 1, 'crew', 'Z', '', NULL, NULL, NULL, 0, NULL, 1, 'z', 'x', 'y')",
    "INSERT OR FAIL INTO travel_document (traveller_id, type, number, number_normalised,"
    " issuing_state, check_verdict, retain_until) VALUES"
    " (1, 'P', 'A1', 'A1', 'TGO', 'valid', 'y'), (1, 'V', 'B2', 'B2', NULL, 'unchecked', 'y')",
  };

  for (guint i = 0; i < G_N_ELEMENTS (inserts); i++)
    {
      g_autofree char *sql = g_strdup_printf ("EXPLAIN %s", inserts[i]);
      g_autoptr(sqlite3_stmt) stmt = _tarmac_store_prepare (store, sql, &error);

      g_assert_no_error (error);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          const char *opcode = (const char *) sqlite3_column_text (stmt, 1);

          g_assert_cmpstr (opcode, !=, "OpenEphemeral");
          g_assert_cmpstr (opcode, !=, "Program");
          g_assert_cmpstr (opcode, !=, "Statement");
        }
    }

  /* The import's statements of many rows keep no statement journal (migration 25): no
   * function call, no constraint that means ABORT (P2 of a Halt is OE_Abort, 2), and
   * no foreign key checked at once (P1 of FkCounter is 0) that a row could break
   * half way through the statement. */
  for (guint i = 0; i < G_N_ELEMENTS (multi_row_inserts); i++)
    {
      g_autofree char *sql = g_strdup_printf ("EXPLAIN %s", multi_row_inserts[i]);
      g_autoptr(sqlite3_stmt) stmt = _tarmac_store_prepare (store, sql, &error);

      g_assert_no_error (error);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          const char *opcode = (const char *) sqlite3_column_text (stmt, 1);

          g_assert_cmpstr (opcode, !=, "Function");
          g_assert_cmpstr (opcode, !=, "PureFunc");
          if (g_str_has_prefix (opcode, "Halt") && sqlite3_column_int (stmt, 2) != 0)
            g_assert_cmpint (sqlite3_column_int (stmt, 3), !=, 2);
          if (g_str_equal (opcode, "FkCounter") && sqlite3_column_int (stmt, 3) > 0)
            g_assert_cmpint (sqlite3_column_int (stmt, 2), ==, 1);
        }
    }

  /* What the checks still refuse. */
  _tarmac_store_exec (store,
                      "INSERT INTO flight (carrier, number, flight_date, origin, destination,"
                      " direction, created_at) VALUES ('XQ', '2', '2026-11-23', 'LFW', 'ACC',"
                      " 'sideways', 'x')",
                      &error);
  g_assert_error (error, TARMAC_STORE_ERROR, TARMAC_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  _tarmac_store_exec (store, "UPDATE source_file SET result = 'maybe'", &error);
  g_assert_error (error, TARMAC_STORE_ERROR, TARMAC_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  _tarmac_store_exec (store,
                      "INSERT INTO traveller (flight_id, kind, surname, created_at,"
                      " retain_until) VALUES (1, 'passenger', '', 'x', 'y')",
                      &error);
  g_assert_error (error, TARMAC_STORE_ERROR, TARMAC_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  _tarmac_store_exec (store,
                      "INSERT INTO travel_document (traveller_id, type, number,"
                      " number_normalised, retain_until) VALUES (1, 'P', '', '', 'y')",
                      &error);
  g_assert_error (error, TARMAC_STORE_ERROR, TARMAC_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  _tarmac_store_exec (store, "UPDATE traveller SET sex = 'Q' WHERE id = 1", &error);
  g_assert_error (error, TARMAC_STORE_ERROR, TARMAC_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  _tarmac_store_exec (store,
                      "INSERT INTO travel_document (traveller_id, type, number,"
                      " number_normalised, check_verdict, retain_until)"
                      " VALUES (1, 'P', 'A1', 'A1', 'maybe', 'y')",
                      &error);
  g_assert_error (error, TARMAC_STORE_ERROR, TARMAC_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  _tarmac_store_exec (store, "UPDATE traveller SET sex = NULL WHERE id = 1", &error);
  g_assert_no_error (error);
}

/* Foreign keys checked at COMMIT (migration 25) still fail the nested level that broke
 * them, not the whole transaction, with or without a savepoint; a level that began with
 * keys unresolved, or under PRAGMA defer_foreign_keys, leaves them to the COMMIT. */
static void
test_store_nested_foreign_keys (void)
{
  g_autoptr(TarmacStore) store = open_memory_with_flight ();
  g_autoptr(GError) error = NULL;
  static const char * const orphan =
    "INSERT INTO traveller (flight_id, kind, surname, created_at, retain_until)"
    " VALUES (999, 'passenger', 'ORPHAN', 'x', 'y')";

  for (guint unguarded = 0; unguarded <= 1; unguarded++)
    {
      g_assert_true (tarmac_store_begin (store, &error));
      g_assert_no_error (error);
      exec_ok (store, "UPDATE note SET body = 'outer'");

      _tarmac_store_set_unguarded (store, unguarded);
      g_assert_true (tarmac_store_begin (store, &error));
      exec_ok (store, orphan);
      g_assert_false (tarmac_store_commit (store, &error));
      g_assert_error (error, TARMAC_STORE_ERROR, TARMAC_STORE_ERROR_CONSTRAINT);
      g_assert_nonnull (strstr (error->message, "FOREIGN KEY"));
      g_clear_error (&error);
      _tarmac_store_set_unguarded (store, FALSE);

      if (unguarded)
        {
          /* Without a savepoint only the owner can undo the level: it learns so. */
          g_assert_true (_tarmac_store_take_spoiled (store));
          tarmac_store_rollback (store);
          g_assert_cmpint (count (store, "SELECT count(*) FROM traveller"
                                         " WHERE surname = 'ORPHAN'"), ==, 0);
          continue;
        }

      /* The savepoint undid the orphan and the count SQLite keeps of it: the next level
       * and the COMMIT succeed. */
      g_assert_true (tarmac_store_begin (store, &error));
      exec_ok (store, "INSERT INTO traveller (flight_id, kind, surname, created_at,"
                      " retain_until) VALUES (1, 'passenger', 'ADOPTED', 'x', 'y')");
      g_assert_true (tarmac_store_commit (store, &error));
      g_assert_no_error (error);
      g_assert_true (tarmac_store_commit (store, &error));
      g_assert_no_error (error);
      g_assert_cmpint (count (store, "SELECT count(*) FROM note WHERE body = 'outer'"), ==, 1);
      g_assert_cmpint (count (store, "SELECT count(*) FROM traveller WHERE surname = 'ORPHAN'"),
                       ==, 0);
      g_assert_cmpint (count (store, "SELECT count(*) FROM traveller"
                                     " WHERE surname = 'ADOPTED'"), ==, 1);
    }

  /* Under PRAGMA defer_foreign_keys the owner resolves its keys before the COMMIT. */
  g_assert_true (tarmac_store_begin (store, &error));
  exec_ok (store, "PRAGMA defer_foreign_keys = ON");
  g_assert_true (tarmac_store_begin (store, &error));
  exec_ok (store, orphan);
  g_assert_true (tarmac_store_commit (store, &error));
  g_assert_no_error (error);
  exec_ok (store, "UPDATE traveller SET flight_id = 1 WHERE surname = 'ORPHAN'");
  g_assert_true (tarmac_store_commit (store, &error));
  g_assert_no_error (error);

  /* One left unresolved fails the COMMIT, which undoes everything. */
  g_assert_true (tarmac_store_begin (store, &error));
  exec_ok (store, "DELETE FROM note");
  exec_ok (store, "UPDATE traveller SET flight_id = 999 WHERE surname = 'ORPHAN'");
  g_assert_false (tarmac_store_commit (store, &error));
  g_assert_error (error, TARMAC_STORE_ERROR, TARMAC_STORE_ERROR_CONSTRAINT);
  g_assert_cmpint (count (store, "SELECT count(*) FROM note"), ==, 1);
  g_assert_cmpint (count (store, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);
}

static void
test_store_transactions (void)
{
  g_autoptr(TarmacStore) store = open_memory_with_flight ();
  g_autoptr(GError) error = NULL;

  tarmac_store_begin (store, &error);
  g_assert_no_error (error);
  exec_ok (store, "DELETE FROM note");
  tarmac_store_rollback (store);
  g_assert_cmpint (count (store, "SELECT count(*) FROM note"), ==, 1);

  /* A failing inner step rolls back only itself. */
  tarmac_store_begin (store, &error);
  g_assert_no_error (error);
  exec_ok (store, "UPDATE note SET body = 'outer'");
  tarmac_store_begin (store, &error);
  g_assert_no_error (error);
  exec_ok (store, "DELETE FROM note");
  tarmac_store_rollback (store);
  tarmac_store_commit (store, &error);
  g_assert_no_error (error);

  g_assert_cmpint (count (store, "SELECT count(*) FROM note WHERE body = 'outer'"), ==, 1);
}

static void
test_store_meta (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TarmacStore) store = tarmac_store_open (":memory:", &error);
  g_autofree char *missing = NULL;
  g_autofree char *value = NULL;

  g_assert_no_error (error);
  missing = tarmac_store_get_meta (store, "airport-code");
  g_assert_null (missing);

  tarmac_store_set_meta (store, "airport-code", "LFW", &error);
  g_assert_no_error (error);
  tarmac_store_set_meta (store, "airport-code", "DSS", &error);
  g_assert_no_error (error);
  value = tarmac_store_get_meta (store, "airport-code");
  g_assert_cmpstr (value, ==, "DSS");
}

static void
insert_day (TarmacStore *store,
            const char  *day)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) flight = NULL;
  g_autoptr(sqlite3_stmt) traveller = NULL;
  static const struct { const char *carrier, *number, *direction, *dep, *arr; } flights[] = {
    { "ET", "935", "inbound", "T09:00:00Z", "T13:30:00Z" },
    { "AF", "718", "outbound", "T23:10:00Z", NULL },
    { "KP", "40", "outbound", "T07:15:00Z", NULL },
  };
  static const struct { int flight; const char *kind, *surname, *given; } people[] = {
    { 0, "passenger", "AGBÉKODO", "Kossi" },
    { 0, "passenger", "Gonçalves", "João da Silva" },
    { 0, "crew", "TESFAYE", "Hanna" },
    { 1, "passenger", "LEFÈVRE", "François" },
    { 2, "passenger", "N’DIAYE", "Aminata" },
  };

  flight = _tarmac_store_prepare (store,
                                  "INSERT INTO flight (carrier, number, flight_date, origin,"
                                  " destination, scheduled_departure, scheduled_arrival,"
                                  " direction, created_at)"
                                  " VALUES (?1, ?2, ?3, 'ADD', 'LFW', ?3 || ?4, ?3 || ?5, ?6, 'x')",
                                  &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (flights); i++)
    {
      sqlite3_reset (flight);
      sqlite3_bind_text (flight, 1, flights[i].carrier, -1, SQLITE_STATIC);
      sqlite3_bind_text (flight, 2, flights[i].number, -1, SQLITE_STATIC);
      sqlite3_bind_text (flight, 3, day, -1, SQLITE_STATIC);
      sqlite3_bind_text (flight, 4, flights[i].dep, -1, SQLITE_STATIC);
      sqlite3_bind_text (flight, 5, flights[i].arr ? flights[i].arr : "", -1, SQLITE_STATIC);
      sqlite3_bind_text (flight, 6, flights[i].direction, -1, SQLITE_STATIC);
      g_assert_cmpint (sqlite3_step (flight), ==, SQLITE_DONE);
    }

  traveller = _tarmac_store_prepare (store,
                                     "INSERT INTO traveller (flight_id, kind, surname,"
                                     " given_names, name_key, created_at, retain_until)"
                                     " SELECT id, ?2, ?3, ?4, ?5, 'x', 'y' FROM flight"
                                     " WHERE flight_date = ?6 ORDER BY id LIMIT 1 OFFSET ?1",
                                     &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      g_autofree char *full = g_strdup_printf ("%s %s", people[i].surname, people[i].given);
      g_autofree char *key = tarmac_name_key (full);

      sqlite3_reset (traveller);
      sqlite3_bind_int (traveller, 1, people[i].flight);
      sqlite3_bind_text (traveller, 2, people[i].kind, -1, SQLITE_STATIC);
      sqlite3_bind_text (traveller, 3, people[i].surname, -1, SQLITE_STATIC);
      sqlite3_bind_text (traveller, 4, people[i].given, -1, SQLITE_STATIC);
      sqlite3_bind_text (traveller, 5, key, -1, SQLITE_STATIC);
      sqlite3_bind_text (traveller, 6, day, -1, SQLITE_STATIC);
      g_assert_cmpint (sqlite3_step (traveller), ==, SQLITE_DONE);
    }

  exec_ok (store,
           "INSERT INTO travel_document (traveller_id, type, number, number_normalised,"
           " retain_until) SELECT id, 'P', '12AB-34567', '12AB34567', 'y' FROM traveller"
           " WHERE surname = 'LEFÈVRE'");
  /* Written by plain SQL: queued for the name index by hand, as a writer would. */
  exec_ok (store, "INSERT OR IGNORE INTO search_pending (traveller_id) SELECT id FROM traveller");
}

static void
test_store_day_counts (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TarmacStore) store = tarmac_store_open (":memory:", &error);
  g_autofree char *day = today ();
  g_autofree char *now = _tarmac_store_now ();
  g_autoptr(sqlite3_stmt) note = NULL;
  TarmacDayCounts counts;

  g_assert_no_error (error);
  g_assert_false (tarmac_store_has_imported_data (store));

  tarmac_store_get_day_counts (store, day, &counts, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (counts.flights, ==, 0);

  insert_day (store, day);
  insert_day (store, "2020-01-01");
  exec_ok (store,
           "INSERT INTO hit (traveller_id, source, score, explanation, status, created_at,"
           " updated_at, retain_until) SELECT id, 'rule', 0.5, 'r', 'new', 'x', 'x', 'y'"
           " FROM traveller WHERE given_names = 'Aminata';"
           "INSERT INTO hit (traveller_id, source, score, explanation, status, created_at,"
           " updated_at, retain_until) SELECT id, 'rule', 0.5, 'r', 'cleared', 'x', 'x', 'y'"
           " FROM traveller WHERE given_names = 'Aminata' LIMIT 1;");
  note = _tarmac_store_prepare (store,
                                "INSERT INTO note (uuid, author, body, created_at, updated_at,"
                                " retain_until) VALUES ('00000000-0000-4000-8000-000000000002',"
                                " 'x', 'hello', ?1, ?1, 'y')",
                                &error);
  g_assert_no_error (error);
  sqlite3_bind_text (note, 1, now, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (note), ==, SQLITE_DONE);

  tarmac_store_get_day_counts (store, day, &counts, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (counts.flights, ==, 3);
  g_assert_cmpuint (counts.flights_inbound, ==, 1);
  g_assert_cmpuint (counts.flights_outbound, ==, 2);
  g_assert_cmpuint (counts.travellers, ==, 4);
  g_assert_cmpuint (counts.crew, ==, 1);
  g_assert_cmpuint (counts.open_hits, ==, 2);
  g_assert_cmpuint (counts.notes, ==, 1);
  g_assert_true (tarmac_store_has_imported_data (store));

  tarmac_store_get_day_counts (store, "2026-13-45", &counts, &error);
  g_assert_error (error, TARMAC_STORE_ERROR, TARMAC_STORE_ERROR_INVALID);
}

static void
test_store_list_flights (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TarmacStore) store = tarmac_store_open (":memory:", &error);
  g_autoptr(GListModel) flights = NULL;
  g_autoptr(GListModel) travellers = NULL;
  g_autoptr(TarmacFlight) first = NULL;
  g_autoptr(TarmacFlight) last = NULL;
  g_autoptr(TarmacTraveller) crew = NULL;
  g_autofree char *first_day = NULL;
  g_autofree char *last_day = NULL;
  gint64 audit_before;

  g_assert_no_error (error);
  insert_day (store, "2026-11-21");
  insert_day (store, "2026-11-22");

  flights = tarmac_store_list_flights (store, "2026-11-22", "2026-11-22", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (flights), ==, 3);

  /* In the order they use the airport: KP 40 leaves at 07:15, ET 935 lands at 13:30. */
  first = g_list_model_get_item (flights, 0);
  last = g_list_model_get_item (flights, 2);
  g_assert_cmpstr (tarmac_flight_get_designator (first), ==, "KP 40");
  g_assert_cmpstr (tarmac_flight_get_designator (last), ==, "AF 718");
  g_assert_cmpint (tarmac_flight_get_direction (first), ==, TARMAC_DIRECTION_OUTBOUND);

  first_day = tarmac_store_get_flight_days_range (store, &last_day);
  g_assert_cmpstr (first_day, ==, "2026-11-21");
  g_assert_cmpstr (last_day, ==, "2026-11-22");

  g_clear_object (&first);
  first = g_list_model_get_item (flights, 1);
  g_assert_cmpstr (tarmac_flight_get_designator (first), ==, "ET 935");
  g_assert_cmpuint (tarmac_flight_get_passenger_count (first), ==, 2);
  g_assert_cmpuint (tarmac_flight_get_crew_count (first), ==, 1);

  /* Viewing a flight's travellers is a view of personal data: it is audited. */
  audit_before = count (store, "SELECT count(*) FROM audit_log WHERE action = 'view'");
  travellers = tarmac_store_list_flight_travellers (store, tarmac_flight_get_id (first), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (travellers), ==, 3);
  g_assert_cmpint (count (store, "SELECT count(*) FROM audit_log WHERE action = 'view'"),
                   ==, audit_before + 1);

  /* Passengers first, crew last. */
  crew = g_list_model_get_item (travellers, 2);
  g_assert_cmpint (tarmac_traveller_get_kind (crew), ==, TARMAC_TRAVELLER_CREW);
  g_assert_cmpstr (tarmac_traveller_get_full_name (crew), ==, "TESFAYE, Hanna");
}

static void
test_store_get_flight (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TarmacStore) store = tarmac_store_open (":memory:", &error);
  g_autoptr(TarmacFlight) flight = NULL;
  g_autoptr(TarmacFlight) missing = NULL;

  g_assert_no_error (error);
  insert_day (store, "2026-11-22");

  flight = tarmac_store_get_flight (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tarmac_flight_get_designator (flight), ==, "ET 935");
  g_assert_cmpstr (tarmac_flight_get_flight_date (flight), ==, "2026-11-22");
  g_assert_cmpuint (tarmac_flight_get_passenger_count (flight), ==, 2);

  missing = tarmac_store_get_flight (store, 4242, &error);
  g_assert_null (missing);
  g_assert_error (error, TARMAC_STORE_ERROR, TARMAC_STORE_ERROR_NOT_FOUND);
}

static void
test_store_recent_notes (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TarmacStore) store = tarmac_store_open (":memory:", &error);
  g_autoptr(GListModel) notes = NULL;
  g_autoptr(TarmacNote) newest = NULL;

  g_assert_no_error (error);

  notes = tarmac_store_list_recent_notes (store, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (notes), ==, 0);
  g_clear_object (&notes);

  exec_ok (store,
           "INSERT INTO note (uuid, author, origin_site, priority, body, created_at, updated_at,"
           " retain_until) VALUES"
           " ('00000000-0000-4000-8000-00000000000a', 'a', 'ABJ', 'routine', 'older',"
           "  '2026-11-20T08:00:00Z', 'x', 'y'),"
           " ('00000000-0000-4000-8000-00000000000b', 'b', 'GRU', 'urgent', 'newest',"
           "  '2026-11-21T08:00:00Z', 'x', 'y'),"
           " ('00000000-0000-4000-8000-00000000000c', 'c', 'DSS', 'priority', 'middle',"
           "  '2026-11-20T09:00:00Z', 'x', 'y')");

  notes = tarmac_store_list_recent_notes (store, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (notes), ==, 2);
  newest = g_list_model_get_item (notes, 0);
  g_assert_cmpstr (tarmac_note_get_body (newest), ==, "newest");
  g_assert_cmpstr (tarmac_note_get_origin_site (newest), ==, "GRU");
  g_assert_cmpint (tarmac_note_get_priority (newest), ==, TARMAC_NOTE_PRIORITY_URGENT);

  /* Notes can name people: reading them is in the audit log. */
  g_assert_cmpint (count (store, "SELECT count(*) FROM audit_log WHERE object_type = 'note'"),
                   ==, 1);
}

static guint
search_count (TarmacStore *store,
              const char  *query)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) results = tarmac_store_search_travellers (store, query, 50, &error);

  g_assert_no_error (error);
  return g_list_model_get_n_items (results);
}

static void
test_store_search (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TarmacStore) store = tarmac_store_open (":memory:", &error);
  g_autoptr(GListModel) results = NULL;
  g_autoptr(TarmacTraveller) found = NULL;
  g_autofree char *long_query = g_strnfill (300, 'a');

  g_assert_no_error (error);
  insert_day (store, "2026-11-22");

  /* Accents and case do not matter, nor the order of the names. */
  g_assert_cmpuint (search_count (store, "agbekodo"), ==, 1);
  g_assert_cmpuint (search_count (store, "AGBÉKODO"), ==, 1);
  g_assert_cmpuint (search_count (store, "kossi agbek"), ==, 1);
  g_assert_cmpuint (search_count (store, "joao goncalves"), ==, 1);
  g_assert_cmpuint (search_count (store, "François"), ==, 1);
  /* A letter too many is a misspelling (tests/test-search.c has the rest). */
  g_assert_cmpuint (search_count (store, "francoise"), ==, 1);
  g_assert_cmpuint (search_count (store, "zzyzx"), ==, 0);
  g_assert_cmpuint (search_count (store, "   "), ==, 0);
  /* One name however the apostrophe is written, or left out. */
  g_assert_cmpuint (search_count (store, "ndiaye"), ==, 1);
  g_assert_cmpuint (search_count (store, "N'Diaye aminata"), ==, 1);

  /* Document numbers with or without their separators. */
  results = tarmac_store_search_travellers (store, "12ab 345", 50, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 1);
  found = g_list_model_get_item (results, 0);
  g_assert_cmpstr (tarmac_traveller_get_surname (found), ==, "LEFÈVRE");
  g_assert_cmpstr (tarmac_traveller_get_document_number (found), ==, "12AB-34567");
  g_assert_cmpstr (tarmac_traveller_get_flight_label (found), ==, "AF 718 · 2026-11-22");

  /* Every search is in the audit log, with what was searched. */
  g_assert_cmpint (count (store,
                          "SELECT count(*) FROM audit_log WHERE action = 'search'"
                          " AND detail = 'kossi agbek'"), ==, 1);

  g_clear_object (&results);
  results = tarmac_store_search_travellers (store, long_query, 50, &error);
  g_assert_null (results);
  g_assert_error (error, TARMAC_STORE_ERROR, TARMAC_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* The limit counts letters, not bytes: 200 Arabic letters are 400 bytes, and allowed. */
  {
    g_autoptr(GString) arabic = g_string_new (NULL);

    for (guint i = 0; i < 200; i++)
      g_string_append (arabic, "م");
    results = tarmac_store_search_travellers (store, arabic->str, 50, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (results), ==, 0);
    g_clear_object (&results);
  }

  results = tarmac_store_search_travellers (store, "\xff\xfe", 50, &error);
  g_assert_null (results);
  g_assert_error (error, TARMAC_STORE_ERROR, TARMAC_STORE_ERROR_INVALID);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/store/open/create", test_store_create);
  g_test_add_func ("/store/open/default-path", test_store_default_path);
  g_test_add_func ("/store/open/tightens-mode", test_store_tightens_mode);
  g_test_add_func ("/store/open/refuses-newer", test_store_refuses_newer);
  g_test_add_func ("/store/open/refuses-newer-with-wal", test_store_refuses_newer_with_wal);
  g_test_add_func ("/store/open/refuses-foreign", test_store_refuses_foreign);
  g_test_add_func ("/store/migrate/each-version-to-latest", test_store_migrate_each_version);
  g_test_add_func ("/store/migrate/failure-rolls-back", test_store_migrate_failure_rolls_back);
  g_test_add_func ("/store/constraints", test_store_constraints);
  g_test_add_func ("/store/insert-plans", test_store_insert_plans);
  g_test_add_func ("/store/transactions", test_store_transactions);
  g_test_add_func ("/store/nested-foreign-keys", test_store_nested_foreign_keys);
  g_test_add_func ("/store/meta", test_store_meta);
  g_test_add_func ("/store/queries/day-counts", test_store_day_counts);
  g_test_add_func ("/store/queries/list-flights", test_store_list_flights);
  g_test_add_func ("/store/queries/get-flight", test_store_get_flight);
  g_test_add_func ("/store/queries/recent-notes", test_store_recent_notes);
  g_test_add_func ("/store/queries/search", test_store_search);

  return g_test_run ();
}
