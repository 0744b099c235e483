/* test-sync-crash.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <sqlite3.h>
#include <string.h>

#include "tarmac-test-cli.h"
#include "tarmac-test-hub.h"

/* research/sync.md §5.5 F2 and F4 with real processes: a real hub on loopback and two
 * workstations — Dakar and Lomé — driven only through `tarmac-cli` children, each killed
 * at a commit boundary by the crash hook (TARMAC_SYNC_CRASH makes the child _exit (137)
 * there, as kill -9 would leave it), then run again: every note reaches the hub and Lomé
 * exactly once, every delivery is acknowledged exactly once. Then a workstation whose
 * clock is three hours ahead (TARMAC_TEST_CLOCK_SKEW_MS), and one three hours behind; and
 * the note, read and bundle commands as the README documents them. */

typedef struct
{
  TarmacTestHub  hub;
  char          *dkr;
  char          *lfw;
} Fixture;

/* Runs tarmac-cli on @db, stopped at @crash_point (TARMAC_SYNC_CRASH) when set, its
 * clock moved by @skew_ms (TARMAC_TEST_CLOCK_SKEW_MS) when set; returns its exit status. */
static int
cli (const char *db,
     const char *crash_point,
     const char *skew_ms,
     const char *first,
     ...)
{
  /* Set when given, unset otherwise: never inherited from the test's environment. */
  g_autofree char *crash = crash_point != NULL
                           ? g_strconcat ("TARMAC_SYNC_CRASH=", crash_point, NULL)
                           : g_strdup ("TARMAC_SYNC_CRASH");
  g_autofree char *skew = skew_ms != NULL
                          ? g_strconcat ("TARMAC_TEST_CLOCK_SKEW_MS=", skew_ms, NULL)
                          : g_strdup ("TARMAC_TEST_CLOCK_SKEW_MS");
  const char *env[] = { crash, skew, NULL };
  va_list ap;
  int status;

  va_start (ap, first);
  status = tarmac_test_cli_valist (db, env, NULL, NULL, first, ap);
  va_end (ap);
  return status;
}

/* One number from a database file, read as another process would. */
static gint64
query (const char *path,
       const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static char *
hub_db (Fixture *f)
{
  return g_build_filename (f->hub.data, "hub.db", NULL);
}

static void
enrol (Fixture    *f,
       const char *db,
       const char *site)
{
  g_autofree char *code = tarmac_test_hub_run (&f->hub, "enrol-code", site, NULL);

  g_assert_cmpint (cli (db, NULL, NULL, "sync", "enrol", "--hub", f->hub.url, "--code", code,
                        "--fingerprint", f->hub.fingerprint, NULL), ==, 0);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  tarmac_test_hub_init (&f->hub, "DKR", "Dakar", "LFW", "Lomé", NULL);
  f->dkr = g_build_filename (g_get_user_data_dir (), "dkr.db", NULL);
  f->lfw = g_build_filename (g_get_user_data_dir (), "lfw.db", NULL);
  enrol (f, f->dkr, "DKR");
  enrol (f, f->lfw, "LFW");
  g_assert_cmpint (cli (f->dkr, NULL, NULL, "sync", NULL), ==, 0);
  g_assert_cmpint (cli (f->lfw, NULL, NULL, "sync", NULL), ==, 0);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  tarmac_test_hub_clear (&f->hub);
  g_clear_pointer (&f->dkr, g_free);
  g_clear_pointer (&f->lfw, g_free);
}

/* Runs @argv on @db killed at @point (when it is this step's), then again whole. */
static void
run_through_crash (const char *db,
                   const char *point,
                   const char *step_points,
                   const char *what)
{
  gboolean crashes = point != NULL && strstr (step_points, point) != NULL;

  if (g_str_equal (what, "sync"))
    {
      if (crashes)
        g_assert_cmpint (cli (db, point, NULL, "sync", NULL), ==, 137);
      g_assert_cmpint (cli (db, NULL, NULL, "sync", NULL), ==, 0);
    }
}

static void
test_commit_boundaries (Fixture       *f,
                        gconstpointer  data)
{
  static const char * const points[] = {
    "save.after_commit", "push.after_reply", "pull.before_commit", "pull.after_commit",
  };
  g_autofree char *hub = hub_db (f);

  for (guint round = 0; round < G_N_ELEMENTS (points); round++)
    {
      g_autofree char *text = g_strdup_printf ("Courier on ET908, round %u (%s)", round, points[round]);
      g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM note WHERE body = '%s'", text);
      gboolean at_save = g_str_equal (points[round], "save.after_commit");

      /* Dakar writes (killed just after its commit, the note is saved: it is sent). */
      g_assert_cmpint (cli (f->dkr, at_save ? points[round] : NULL, NULL,
                            "note", "send", "--to", "LFW", "--text", text, NULL), ==, at_save ? 137 : 0);
      g_assert_cmpint (query (f->dkr, sql), ==, 1);

      /* Dakar sends (killed after the hub's answer, before its outbox is cleared). */
      run_through_crash (f->dkr, points[round], "push.after_reply", "sync");
      g_assert_cmpint (query (f->dkr, "SELECT count (*) FROM outbox"), ==, 0);

      /* Lomé receives (killed before or after the batch and its cursor commit). */
      run_through_crash (f->lfw, points[round], "pull.before_commit pull.after_commit", "sync");

      /* Exactly once: on the hub, at Lomé, and one delivery ack per batch. */
      g_assert_cmpint (query (hub, "SELECT count (*) FROM versions WHERE kind = 'note'"), ==, round + 1);
      g_assert_cmpint (query (f->lfw, sql), ==, 1);
      g_assert_cmpint (query (f->lfw, "SELECT count (*) FROM versions WHERE kind = 'note'"), ==, round + 1);
      g_assert_cmpint (query (f->lfw, "SELECT count (*) FROM versions WHERE kind = 'ack'"), ==, round + 1);
      g_assert_cmpint (query (f->lfw, "SELECT count (*) FROM note"), ==, round + 1);
    }

  /* Lomé's acks go up, Dakar learns every note was delivered: nothing twice. */
  g_assert_cmpint (cli (f->lfw, NULL, NULL, "sync", NULL), ==, 0);
  g_assert_cmpint (cli (f->dkr, NULL, NULL, "sync", NULL), ==, 0);
  g_assert_cmpint (query (hub, "SELECT count (*) FROM versions WHERE kind = 'ack'"), ==, G_N_ELEMENTS (points));
  g_assert_cmpint (query (hub, "SELECT count (*) FROM (SELECT version_id FROM versions"
                               " GROUP BY version_id HAVING count (*) > 1)"), ==, 0);
  g_assert_cmpint (query (f->dkr, "SELECT count (*) FROM note_receipt WHERE site = 'LFW'"
                                  " AND delivered_at IS NOT NULL"), ==, G_N_ELEMENTS (points));
  g_assert_cmpint (query (f->dkr, "SELECT count (*) FROM outbox"), ==, 0);
  g_assert_cmpint (query (f->lfw, "SELECT count (*) FROM outbox"), ==, 0);
}

/* Dakar's clock is three hours ahead: its note, dated in the future, is refused by the
 * hub for clock skew; the client learns the hub's time, seals it again with the right
 * date and sends it — once. Lomé's clock is three hours behind: its note goes through and
 * is read at Dakar. */
static void
test_clock_skew (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *hub = hub_db (f);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) soon = g_date_time_add_minutes (now, 15);
  g_autofree char *limit = g_date_time_format (soon, "%Y-%m-%dT%H:%M:%SZ");
  g_autofree char *sql = NULL;

  g_assert_cmpint (cli (f->dkr, NULL, "10800000", "note", "send", "--to", "LFW",
                        "--text", "Written three hours ahead", NULL), ==, 0);
  g_assert_cmpint (cli (f->dkr, NULL, "10800000", "sync", NULL), ==, 0);
  g_assert_cmpint (query (f->dkr, "SELECT count (*) FROM outbox"), ==, 0);
  g_assert_cmpint (query (f->dkr, "SELECT count (*) FROM audit_log WHERE action = 'restamp'"), ==, 1);
  g_assert_cmpint (query (hub, "SELECT count (*) FROM versions WHERE kind = 'note'"), ==, 1);

  /* Now that it knows the hub's time, its next note is dated right at once. */
  g_assert_cmpint (cli (f->dkr, NULL, "10800000", "note", "send", "--to", "LFW",
                        "--text", "Still three hours ahead", NULL), ==, 0);
  g_assert_cmpint (cli (f->dkr, NULL, "10800000", "sync", NULL), ==, 0);
  g_assert_cmpint (query (f->dkr, "SELECT count (*) FROM audit_log WHERE action = 'restamp'"), ==, 1);

  g_assert_cmpint (cli (f->lfw, NULL, "-10800000", "note", "send", "--to", "DKR",
                        "--text", "Written three hours behind", NULL), ==, 0);
  g_assert_cmpint (cli (f->lfw, NULL, "-10800000", "sync", NULL), ==, 0);

  /* Lomé has both notes once, dated by the corrected clock, not three hours ahead. */
  sql = g_strdup_printf ("SELECT count (*) FROM note WHERE origin_site = 'DKR' AND created_at < '%s'", limit);
  g_assert_cmpint (query (f->lfw, sql), ==, 2);
  g_assert_cmpint (query (f->lfw, "SELECT count (*) FROM note WHERE origin_site = 'DKR'"), ==, 2);
  g_assert_cmpint (cli (f->dkr, NULL, "10800000", "sync", NULL), ==, 0);
  g_assert_cmpint (query (f->dkr, "SELECT count (*) FROM note WHERE origin_site = 'LFW'"), ==, 1);
  g_assert_cmpint (query (hub, "SELECT count (*) FROM versions WHERE kind = 'note'"), ==, 3);
}

/* The commands as documented: note list --json (thread, unread, receipts), note read,
 * note unread, note send --reply-to, bundle export and import. */
static void
test_cli (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *out = NULL;
  g_autofree char *bundle = g_build_filename (g_get_user_data_dir (), "lfw.tarmac-bundle", NULL);
  JsonObject *note;
  JsonObject *receipt;

  uuid = tarmac_test_cli_output (f->dkr, "note", "send", "--to", "LFW", "--priority", "urgent",
                                 "--alert", "--text", "Two bags checked through to ACC", NULL);
  g_assert_true (g_uuid_string_is_valid (uuid));
  g_assert_cmpint (cli (f->dkr, NULL, NULL, "sync", NULL), ==, 0);
  g_assert_cmpint (cli (f->lfw, NULL, NULL, "sync", NULL), ==, 0);

  out = tarmac_test_cli_output (f->lfw, "note", "unread", NULL);
  g_assert_cmpstr (out, ==, "1");
  g_clear_pointer (&out, g_free);

  out = tarmac_test_cli_output (f->lfw, "note", "list", "--json", NULL);
  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  g_assert_no_error (error);
  note = json_array_get_object_element (json_node_get_array (json_parser_get_root (parser)), 0);
  g_assert_cmpstr (json_object_get_string_member (note, "uuid"), ==, uuid);
  g_assert_cmpstr (json_object_get_string_member (note, "kind"), ==, "alert");
  g_assert_cmpstr (json_object_get_string_member (note, "thread"), ==, uuid);
  g_assert_cmpstr (json_object_get_string_member (note, "delivery"), ==, "received");
  g_assert_true (json_object_get_boolean_member (note, "unread"));
  receipt = json_array_get_object_element (json_object_get_array_member (note, "receipts"), 0);
  g_assert_cmpstr (json_object_get_string_member (receipt, "site"), ==, "DKR");
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (cli (f->lfw, NULL, NULL, "note", "read", uuid, "--author", "officer-3", NULL), ==, 0);
  out = tarmac_test_cli_output (f->lfw, "note", "unread", NULL);
  g_assert_cmpstr (out, ==, "0");
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (cli (f->lfw, NULL, NULL, "note", "send", "--reply-to", uuid,
                        "--text", "Found them, both", NULL), ==, 0);

  /* Lomé's outbox (a delivery ack, a read ack, the reply) carried to Dakar on a bundle. */
  out = tarmac_test_cli_output (f->lfw, "bundle", "export", bundle, "--json", NULL);
  g_assert_cmpstr (out, ==, "{\"exported\":3}");
  g_clear_pointer (&out, g_free);
  out = tarmac_test_cli_output (f->dkr, "bundle", "import", bundle, "--json", NULL);
  g_assert_cmpstr (out, ==, "{\"new\":3,\"duplicate\":0}");
  g_clear_pointer (&out, g_free);
  out = tarmac_test_cli_output (f->dkr, "bundle", "import", bundle, "--json", NULL);
  g_assert_cmpstr (out, ==, "{\"new\":0,\"duplicate\":3}");
  g_clear_pointer (&out, g_free);

  out = tarmac_test_cli_output (f->dkr, "note", "list", "--json", NULL);
  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  g_assert_no_error (error);
  note = json_array_get_object_element (json_node_get_array (json_parser_get_root (parser)), 1);
  g_assert_cmpstr (json_object_get_string_member (note, "uuid"), ==, uuid);
  receipt = json_array_get_object_element (json_object_get_array_member (note, "receipts"), 0);
  g_assert_cmpstr (json_object_get_string_member (receipt, "state"), ==, "read");
  g_assert_cmpstr (json_object_get_string_member (receipt, "read_by"), ==, "officer-3");
  note = json_array_get_object_element (json_node_get_array (json_parser_get_root (parser)), 0);
  g_assert_cmpstr (json_object_get_string_member (note, "reply_to"), ==, uuid);
  g_assert_cmpstr (json_object_get_string_member (note, "thread"), ==, uuid);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/sync-crash/commit-boundaries", Fixture, NULL, fixture_set_up, test_commit_boundaries,
              fixture_tear_down);
  g_test_add ("/sync-crash/clock-skew", Fixture, NULL, fixture_set_up, test_clock_skew, fixture_tear_down);
  g_test_add ("/sync-crash/cli", Fixture, NULL, fixture_set_up, test_cli, fixture_tear_down);

  return g_test_run ();
}
