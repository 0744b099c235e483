/* test-audit.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "tarmac-audit.h"
#include "tarmac-store-private.h"
#include "tarmac-test-util.h"

static TarmacStore *
store_with_rows (const char *path,
                 guint       n_rows)
{
  g_autoptr(GError) error = NULL;
  TarmacStore *store = tarmac_store_open (path, &error);

  g_assert_no_error (error);

  for (guint i = 1; i <= n_rows; i++)
    {
      g_autofree char *id = g_strdup_printf ("%u", i);

      tarmac_audit_append (store, "view", "traveller", id, "flight page", &error);
      g_assert_no_error (error);
    }

  return store;
}

/* What someone with the file and the sqlite3 tool could do: the triggers only stop the
 * honest path, so tampering has to remove them first. */
static void
tamper (TarmacStore *store,
        const char  *sql)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *script = g_strconcat ("DROP TRIGGER audit_log_no_update;"
                                         "DROP TRIGGER audit_log_no_delete;",
                                         sql, NULL);

  _tarmac_store_exec (store, script, &error);
  g_assert_no_error (error);
}

/* Once the triggers are gone, further tampering needs no more preparation. */
static void
tamper_again (TarmacStore *store,
              const char  *sql)
{
  g_autoptr(GError) error = NULL;

  _tarmac_store_exec (store, sql, &error);
  g_assert_no_error (error);
}

static void
test_audit_chain_verifies (void)
{
  g_autoptr(TarmacStore) store = store_with_rows (":memory:", 25);
  g_autoptr(GError) error = NULL;
  guint64 n_rows = 0;
  gint64 broken = -1;

  g_assert_true (tarmac_audit_verify (store, &n_rows, &broken, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_rows, ==, 25);
  g_assert_cmpint (broken, ==, 0);
}

static void
test_audit_empty_verifies (void)
{
  g_autoptr(TarmacStore) store = store_with_rows (":memory:", 0);
  g_autoptr(GError) error = NULL;
  guint64 n_rows = 99;

  g_assert_true (tarmac_audit_verify (store, &n_rows, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_rows, ==, 0);
}

static void
test_audit_append_only (void)
{
  g_autoptr(TarmacStore) store = store_with_rows (":memory:", 3);
  g_autoptr(GError) error = NULL;

  _tarmac_store_exec (store, "UPDATE audit_log SET actor = 'someone' WHERE id = 2", &error);
  g_assert_error (error, TARMAC_STORE_ERROR, TARMAC_STORE_ERROR_CONSTRAINT);
  g_assert_nonnull (strstr (error->message, "append-only"));
  g_clear_error (&error);

  _tarmac_store_exec (store, "DELETE FROM audit_log WHERE id = 2", &error);
  g_assert_error (error, TARMAC_STORE_ERROR, TARMAC_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  g_assert_true (tarmac_audit_verify (store, NULL, NULL, &error));
  g_assert_no_error (error);
}

static void
test_audit_detects_edit (void)
{
  g_autoptr(TarmacStore) store = store_with_rows (":memory:", 10);
  g_autoptr(GError) error = NULL;
  guint64 n_rows = 0;
  gint64 broken = 0;

  tamper (store, "UPDATE audit_log SET object_id = '42' WHERE id = 7");

  g_assert_false (tarmac_audit_verify (store, &n_rows, &broken, &error));
  g_assert_error (error, TARMAC_STORE_ERROR, TARMAC_STORE_ERROR_AUDIT_BROKEN);
  g_assert_nonnull (strstr (error->message, "row 7"));
  g_assert_cmpint (broken, ==, 7);
  g_assert_cmpuint (n_rows, ==, 6);
}

static void
test_audit_detects_rehashed_edit (void)
{
  g_autoptr(TarmacStore) store = store_with_rows (":memory:", 10);
  g_autoptr(GError) error = NULL;
  gint64 broken = 0;

  /* A forger who also rewrites the row's own hash still breaks the next row's link. */
  tamper (store,
          "UPDATE audit_log SET detail = 'nothing to see',"
          " hash = (SELECT hash FROM audit_log WHERE id = 3) WHERE id = 4");

  g_assert_false (tarmac_audit_verify (store, NULL, &broken, &error));
  g_assert_error (error, TARMAC_STORE_ERROR, TARMAC_STORE_ERROR_AUDIT_BROKEN);
  g_assert_cmpint (broken, ==, 4);
}

static void
test_audit_detects_removal (void)
{
  g_autoptr(TarmacStore) store = store_with_rows (":memory:", 10);
  g_autoptr(GError) error = NULL;
  gint64 broken = 0;

  tamper (store, "DELETE FROM audit_log WHERE id = 5");

  g_assert_false (tarmac_audit_verify (store, NULL, &broken, &error));
  g_assert_error (error, TARMAC_STORE_ERROR, TARMAC_STORE_ERROR_AUDIT_BROKEN);
  g_assert_cmpint (broken, ==, 6);
}

static void
test_audit_detects_truncation (void)
{
  g_autoptr(TarmacStore) store = store_with_rows (":memory:", 10);
  g_autoptr(GError) error = NULL;
  gint64 broken = 0;

  /* The rows left still chain correctly; only the head record shows the loss. */
  tamper (store, "DELETE FROM audit_log WHERE id > 6");

  g_assert_false (tarmac_audit_verify (store, NULL, &broken, &error));
  g_assert_error (error, TARMAC_STORE_ERROR, TARMAC_STORE_ERROR_AUDIT_BROKEN);
  g_assert_nonnull (strstr (error->message, "row 10 was written"));
  g_assert_cmpint (broken, ==, 7);
  g_clear_error (&error);

  /* Emptying the log entirely is no escape either. */
  tamper_again (store, "DELETE FROM audit_log");
  g_assert_false (tarmac_audit_verify (store, NULL, &broken, &error));
  g_assert_error (error, TARMAC_STORE_ERROR, TARMAC_STORE_ERROR_AUDIT_BROKEN);
  g_assert_cmpint (broken, ==, 1);
}

static void
test_audit_joins_transaction (void)
{
  g_autoptr(TarmacStore) store = store_with_rows (":memory:", 2);
  g_autoptr(GError) error = NULL;
  guint64 n_rows = 0;

  /* An operation that fails takes its audit row with it, and the chain stays whole. */
  tarmac_store_begin (store, &error);
  g_assert_no_error (error);
  tarmac_audit_append (store, "delete", "traveller", "1", NULL, &error);
  g_assert_no_error (error);
  tarmac_store_rollback (store);

  tarmac_audit_append (store, "view", "traveller", "2", NULL, &error);
  g_assert_no_error (error);

  g_assert_true (tarmac_audit_verify (store, &n_rows, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_rows, ==, 3);
}

static void
test_audit_bounds_detail (void)
{
  g_autoptr(TarmacStore) store = store_with_rows (":memory:", 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) detail = g_string_new (NULL);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  /* 3,000 two-byte letters: 6,000 bytes, cut to at most 4,096 on a letter boundary. */
  for (guint i = 0; i < 3000; i++)
    g_string_append (detail, "é");

  tarmac_audit_append (store, "search", "traveller", NULL, detail->str, &error);
  g_assert_no_error (error);

  stmt = _tarmac_store_prepare (store, "SELECT detail FROM audit_log", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (strlen (_tarmac_store_column_text (stmt, 0)), <=, 4096);
  g_assert_true (g_utf8_validate (_tarmac_store_column_text (stmt, 0), -1, NULL));
}

/* The command officers and auditors run: it names the first broken row. */
static void
test_audit_cli_names_broken_row (void)
{
  g_autofree char *path = tarmac_test_db_path ("audit-cli.db");
  g_autofree char *cli = tarmac_test_build_path ("src/cli/tarmac-cli");
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = 0;

  {
    g_autoptr(TarmacStore) store = store_with_rows (path, 5);
    tarmac_store_close (store);
  }

  {
    const char *argv[] = { cli, "--db", path, "audit", "verify", NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                  &out, &err, &status, &error);
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
    g_assert_nonnull (strstr (out, "5 rows"));
  }

  {
    g_autoptr(TarmacStore) store = tarmac_store_open (path, &error);
    g_assert_no_error (error);
    tamper (store, "UPDATE audit_log SET actor = 'mallory' WHERE id = 3");
    tarmac_store_close (store);
  }

  {
    const char *argv[] = { cli, "--db", path, "audit", "verify", NULL };

    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                  &out, &err, &status, &error);
    g_assert_no_error (error);
    g_assert_false (g_spawn_check_wait_status (status, NULL));
    g_assert_cmpint (WEXITSTATUS (status), ==, 1);
    g_assert_nonnull (strstr (err, "row 3"));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/audit/chain-verifies", test_audit_chain_verifies);
  g_test_add_func ("/audit/empty-verifies", test_audit_empty_verifies);
  g_test_add_func ("/audit/append-only", test_audit_append_only);
  g_test_add_func ("/audit/detects-edit", test_audit_detects_edit);
  g_test_add_func ("/audit/detects-rehashed-edit", test_audit_detects_rehashed_edit);
  g_test_add_func ("/audit/detects-removal", test_audit_detects_removal);
  g_test_add_func ("/audit/detects-truncation", test_audit_detects_truncation);
  g_test_add_func ("/audit/joins-transaction", test_audit_joins_transaction);
  g_test_add_func ("/audit/bounds-detail", test_audit_bounds_detail);
  g_test_add_func ("/audit/cli-names-broken-row", test_audit_cli_names_broken_row);

  return g_test_run ();
}
