/* test-batch-import.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "tarmac-audit.h"
#include "tarmac-batch-import.h"
#include "tarmac-demo-messages.h"
#include "tarmac-store-private.h"
#include "tarmac-test-interrupt.h"
#include "tarmac-test-util.h"

/* Batch import (tarmac-batch-import.c): one commit for many files, each file still
 * all-or-nothing, and no report before its file is on disk. A second connection to the
 * same file sees only what was committed. */

static gint64
count (TarmacStore *store,
       const char  *sql)
{
  g_autoptr(sqlite3_stmt) stmt = _tarmac_store_prepare (store, sql, NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

/* The row count of every table: equal for two databases that hold the same files. */
static char *
table_counts (TarmacStore *store)
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

static char *
fixture (const char *dir,
         const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", dir, name, NULL);
}

static TarmacStore *
open_store (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TarmacStore) store = tarmac_store_open (path, &error);

  g_assert_no_error (error);
  return g_steal_pointer (&store);
}

static void
assert_report (GPtrArray          *reports,
               guint               index,
               const char         *name,
               TarmacImportResult  result)
{
  const TarmacImportReport *report;

  g_assert_cmpuint (index, <, reports->len);
  report = g_ptr_array_index (reports, index);
  g_assert_cmpstr (report->name, ==, name);
  g_assert_cmpint (report->result, ==, result);
}

/* A file refused half-way through writing (minimal.edi: its travellers have no flight
 * to hang on, found after its source file and message rows were written) in the middle
 * of a batch: the files around it are imported, nothing of it is left, and no report
 * comes back before the commit. */
static void
test_batch_import_bad_in_middle (void)
{
  g_autofree char *db = tarmac_test_db_path ("batch-middle.db");
  g_autofree char *alone_db = tarmac_test_db_path ("batch-middle-alone.db");
  g_autofree char *d02b = fixture ("import", "d02b-passengers.edi");
  g_autofree char *minimal = fixture ("paxlst", "minimal.edi");
  g_autofree char *pnrgov = fixture ("import", "pnrgov.edi");
  g_autoptr(TarmacStore) store = open_store (db);
  g_autoptr(TarmacStore) reader = open_store (db);
  g_autoptr(TarmacStore) alone = open_store (alone_db);
  g_autoptr(TarmacBatchImport) batch = tarmac_batch_import_new (store);
  g_autoptr(GPtrArray) done = NULL;
  g_autofree char *with_bad = NULL;
  g_autofree char *without_bad = NULL;
  const TarmacImportReport *failed;

  tarmac_batch_import_set_limits (batch, 100, G_MAXUINT);

  done = tarmac_batch_import_add_file (batch, d02b, NULL);
  g_assert_cmpuint (done->len, ==, 0);
  g_clear_pointer (&done, g_ptr_array_unref);
  done = tarmac_batch_import_add_file (batch, minimal, NULL);
  g_assert_cmpuint (done->len, ==, 0);
  g_clear_pointer (&done, g_ptr_array_unref);
  done = tarmac_batch_import_add_file (batch, pnrgov, NULL);
  g_assert_cmpuint (done->len, ==, 0);
  g_clear_pointer (&done, g_ptr_array_unref);

  /* Not committed yet: another connection sees nothing. */
  g_assert_cmpint (count (reader, "SELECT count(*) FROM source_file"), ==, 0);

  done = tarmac_batch_import_finish (batch);
  g_assert_cmpuint (done->len, ==, 3);
  assert_report (done, 0, "d02b-passengers.edi", TARMAC_IMPORT_RESULT_IMPORTED);
  assert_report (done, 1, "minimal.edi", TARMAC_IMPORT_RESULT_FAILED);
  assert_report (done, 2, "pnrgov.edi", TARMAC_IMPORT_RESULT_IMPORTED);
  failed = g_ptr_array_index (done, 1);
  /* The same report as a file imported on its own: the reason, with the position. */
  g_assert_nonnull (strstr (failed->error_message, "minimal.edi"));
  g_assert_nonnull (strstr (failed->error_message, "line 3 (byte"));
  g_assert_cmpuint (((TarmacImportReport *) g_ptr_array_index (done, 0))->n_travellers, ==, 3);
  g_assert_cmpuint (tarmac_batch_import_get_commits (batch), ==, 1);

  /* Committed: on disk, seen by the other connection, and the refused file left
   * nothing. */
  g_assert_cmpint (count (reader, "SELECT count(*) FROM source_file"), ==, 2);
  g_assert_cmpint (count (reader, "SELECT count(*) FROM source_file WHERE name = 'minimal.edi'"),
                   ==, 0);
  g_assert_cmpint (count (reader, "SELECT count(*) FROM audit_log WHERE action = 'import'"),
                   ==, 2);

  /* Row for row what the two good files give on their own, one transaction each. */
  g_assert_true (tarmac_import_file (alone, d02b, NULL, NULL, NULL));
  g_assert_true (tarmac_import_file (alone, pnrgov, NULL, NULL, NULL));
  /* The name index holds every traveller of the good files, and none of the refused
   * one's (their ids were queued for it before the savepoint rolled back). */
  g_assert_cmpint (count (reader, "SELECT count(*) FROM search_token"
                                  " WHERE traveller_id NOT IN (SELECT id FROM traveller)"), ==, 0);
  g_assert_cmpint (count (reader, "SELECT count(*) FROM traveller t WHERE t.name_key <> ''"
                                  " AND NOT EXISTS (SELECT 1 FROM search_token s"
                                  "                 WHERE s.traveller_id = t.id)"), ==, 0);
  g_assert_cmpint (count (reader, "SELECT count(*) FROM search_pending"), ==, 0);

  with_bad = table_counts (reader);
  without_bad = table_counts (alone);
  g_assert_cmpstr (with_bad, ==, without_bad);
}

/* A batch commits every max_files files and hands back those files' reports, in order;
 * a file seen earlier in the same, uncommitted batch is a duplicate. */
static void
test_batch_import_limits (void)
{
  g_autofree char *db = tarmac_test_db_path ("batch-limits.db");
  g_autofree char *d02b = fixture ("import", "d02b-passengers.edi");
  g_autofree char *pnrgov = fixture ("import", "pnrgov.edi");
  g_autofree char *minimal = fixture ("paxlst", "minimal.edi");
  g_autofree char *part1 = fixture ("import", "multipart-part1.edi");
  g_autoptr(TarmacStore) store = open_store (db);
  g_autoptr(TarmacStore) reader = open_store (db);
  g_autoptr(TarmacBatchImport) batch = tarmac_batch_import_new (store);
  g_autoptr(GPtrArray) done = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autofree guint8 *big = NULL;
  static const guint8 empty[] = "";

  tarmac_batch_import_set_limits (batch, 2, G_MAXUINT);

  /* Files are written in the order they were added, while the ones after them are parsed
   * on the preparer thread; a few small files are parsed ahead, so nothing is written
   * yet here, and a batch's reports come back at the call that wrote its last file. */
  done = tarmac_batch_import_add_file (batch, d02b, NULL);
  g_assert_cmpuint (done->len, ==, 0);
  g_clear_pointer (&done, g_ptr_array_unref);
  done = tarmac_batch_import_add_file (batch, d02b, NULL);
  g_assert_cmpuint (done->len, ==, 0);
  g_clear_pointer (&done, g_ptr_array_unref);
  g_assert_cmpint (count (reader, "SELECT count(*) FROM source_file"), ==, 0);

  all = g_ptr_array_new_with_free_func ((GDestroyNotify) tarmac_import_report_free);
  g_ptr_array_extend_and_steal (all, tarmac_batch_import_add_file (batch, pnrgov, NULL));
  g_ptr_array_extend_and_steal (all, tarmac_batch_import_add_file (batch, minimal, NULL));
  g_ptr_array_extend_and_steal (all, tarmac_batch_import_add_file (batch, part1, NULL));
  g_ptr_array_extend_and_steal (all, tarmac_batch_import_add_bytes (batch, "empty.edi", empty,
                                                                    0, NULL));
  /* The last batch's reports come with finish(), which writes what is still waiting. */
  g_ptr_array_extend_and_steal (all, tarmac_batch_import_finish (batch));
  g_assert_cmpuint (all->len, ==, 6);
  assert_report (all, 0, "d02b-passengers.edi", TARMAC_IMPORT_RESULT_IMPORTED);
  assert_report (all, 1, "d02b-passengers.edi", TARMAC_IMPORT_RESULT_DUPLICATE);
  assert_report (all, 2, "pnrgov.edi", TARMAC_IMPORT_RESULT_IMPORTED);
  assert_report (all, 3, "minimal.edi", TARMAC_IMPORT_RESULT_FAILED);
  assert_report (all, 4, "multipart-part1.edi", TARMAC_IMPORT_RESULT_IMPORTED);
  assert_report (all, 5, "empty.edi", TARMAC_IMPORT_RESULT_FAILED);

  /* Nothing left: finishing again commits nothing more. */
  done = tarmac_batch_import_finish (batch);
  g_assert_cmpuint (done->len, ==, 0);
  g_assert_cmpuint (tarmac_batch_import_get_commits (batch), ==, 3);
  g_assert_cmpint (count (reader, "SELECT count(*) FROM source_file"), ==, 3);
  g_clear_pointer (&done, g_ptr_array_unref);

  /* The batch goes on after finish(). Files are parsed ahead only while the waiting
   * ones are small: behind a file of 5 MiB, the file before it is written (and, in
   * batches of one, committed) at the call that adds it. */
  tarmac_batch_import_set_limits (batch, 1, G_MAXUINT);
  done = tarmac_batch_import_add_file (batch, pnrgov, NULL);
  g_assert_cmpuint (done->len, ==, 0);
  g_clear_pointer (&done, g_ptr_array_unref);
  big = g_malloc (5 * 1024 * 1024);
  memset (big, 'x', 5 * 1024 * 1024);
  done = tarmac_batch_import_add_bytes (batch, "big.edi", big, 5 * 1024 * 1024, NULL);
  g_assert_cmpuint (done->len, ==, 1);
  assert_report (done, 0, "pnrgov.edi", TARMAC_IMPORT_RESULT_DUPLICATE);
  g_clear_pointer (&done, g_ptr_array_unref);
  done = tarmac_batch_import_finish (batch);
  g_assert_cmpuint (done->len, ==, 1);
  assert_report (done, 0, "big.edi", TARMAC_IMPORT_RESULT_FAILED);
}

/* Cancel: the files written before it are saved; those it stopped, including the ones
 * read ahead and not yet begun, are reported failed and marked cancelled (the window
 * leaves them out of its report), and nothing of them is in the database. A file that
 * failed on its own is not marked. */
static void
test_batch_import_cancelled (void)
{
  g_autofree char *db = tarmac_test_db_path ("batch-cancelled.db");
  g_autofree char *d02b = fixture ("import", "d02b-passengers.edi");
  g_autofree char *minimal = fixture ("paxlst", "minimal.edi");
  g_autoptr(TarmacStore) store = open_store (db);
  g_autoptr(TarmacBatchImport) batch = tarmac_batch_import_new (store);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func ((GDestroyNotify)
                                                             tarmac_import_report_free);
  static const char * const later[] = { "pnrgov.edi", "multipart-part1.edi",
                                        "multipart-part2.edi", "pnrgov-xq0042.edi" };

  g_ptr_array_extend_and_steal (all, tarmac_batch_import_add_file (batch, d02b, NULL));
  g_ptr_array_extend_and_steal (all, tarmac_batch_import_add_file (batch, minimal, NULL));
  g_ptr_array_extend_and_steal (all, tarmac_batch_import_finish (batch));
  for (guint i = 0; i < G_N_ELEMENTS (later); i++)
    {
      g_autofree char *path = fixture ("import", later[i]);

      g_ptr_array_extend_and_steal (all, tarmac_batch_import_add_file (batch, path,
                                                                       cancellable));
    }
  g_cancellable_cancel (cancellable);
  g_ptr_array_extend_and_steal (all, tarmac_batch_import_finish (batch));

  g_assert_cmpuint (all->len, ==, 2 + G_N_ELEMENTS (later));
  assert_report (all, 0, "d02b-passengers.edi", TARMAC_IMPORT_RESULT_IMPORTED);
  g_assert_false (((TarmacImportReport *) g_ptr_array_index (all, 0))->cancelled);
  assert_report (all, 1, "minimal.edi", TARMAC_IMPORT_RESULT_FAILED);
  g_assert_false (((TarmacImportReport *) g_ptr_array_index (all, 1))->cancelled);
  for (guint i = 0; i < G_N_ELEMENTS (later); i++)
    {
      assert_report (all, 2 + i, later[i], TARMAC_IMPORT_RESULT_FAILED);
      g_assert_true (((TarmacImportReport *) g_ptr_array_index (all, 2 + i))->cancelled);
    }
  g_assert_cmpint (count (store, "SELECT count(*) FROM source_file"), ==, 1);
  g_assert_cmpint (count (store, "SELECT count(*) FROM pnr"), ==, 0);
}

/* Adds @paths to @batch, then finishes it: all the reports, in order. */
static GPtrArray *
import_all (TarmacBatchImport  *batch,
            const char * const *paths)
{
  GPtrArray *done = g_ptr_array_new_with_free_func ((GDestroyNotify) tarmac_import_report_free);

  for (guint i = 0; paths[i] != NULL; i++)
    g_ptr_array_extend_and_steal (done, tarmac_batch_import_add_file (batch, paths[i], NULL));
  g_ptr_array_extend_and_steal (done, tarmac_batch_import_finish (batch));
  return done;
}

/* The name index holds every traveller there is, by the words of their own name, and
 * nobody else: a traveller rolled back leaves no word behind, not even on the traveller
 * who gets its id next. */
static void
assert_index_complete (TarmacStore *store)
{
  g_assert_cmpint (count (store, "SELECT count(*) FROM search_token"
                                 " WHERE traveller_id NOT IN (SELECT id FROM traveller)"), ==, 0);
  g_assert_cmpint (count (store, "SELECT count(*) FROM search_token s"
                                 " JOIN traveller t ON t.id = s.traveller_id"
                                 " WHERE instr (' ' || t.name_key || ' ', ' ' || s.token || ' ') = 0"),
                   ==, 0);
  g_assert_cmpint (count (store, "SELECT count(*) FROM traveller t WHERE t.name_key <> ''"
                                 " AND NOT EXISTS (SELECT 1 FROM search_token s"
                                 "                 WHERE s.traveller_id = t.id)"), ==, 0);
}

/* Manifests go without a savepoint each; one refused after writing part of itself makes
 * the batch roll back and import its manifests again, each in a savepoint. What lands
 * is what the good files give on their own: the parts of a multi-part set tied
 * together once, a file seen twice a duplicate, the audit chain whole, the index
 * complete; and the manifests after the bad one go on as before. */
static void
test_batch_import_replay (void)
{
  g_autofree char *db = tarmac_test_db_path ("batch-replay.db");
  g_autofree char *alone_db = tarmac_test_db_path ("batch-replay-alone.db");
  g_autofree char *part1 = fixture ("import", "multipart-part1.edi");
  g_autofree char *part2 = fixture ("import", "multipart-part2.edi");
  g_autofree char *part3 = fixture ("import", "multipart-part3.edi");
  g_autofree char *d02b = fixture ("import", "d02b-passengers.edi");
  g_autofree char *minimal = fixture ("paxlst", "minimal.edi");
  g_autofree char *crew = fixture ("paxlst", "crew.edi");
  g_autofree char *multileg = fixture ("paxlst", "d05b-multileg.edi");
  g_autofree char *second_bad = fixture ("import", "second-message-bad.edi");
  const char * const files[] = { part1, d02b, part2, d02b, minimal, part3, crew, second_bad,
                                 multileg, NULL };
  const char * const good[] = { part1, d02b, part2, part3, crew, multileg, NULL };
  g_autoptr(TarmacStore) store = open_store (db);
  g_autoptr(TarmacStore) alone = open_store (alone_db);
  g_autoptr(TarmacBatchImport) batch = tarmac_batch_import_new (store);
  g_autoptr(GPtrArray) done = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *with_bad = NULL;
  g_autofree char *without_bad = NULL;

  tarmac_batch_import_set_limits (batch, 100, G_MAXUINT);
  done = import_all (batch, files);

  g_assert_cmpuint (done->len, ==, 9);
  assert_report (done, 0, "multipart-part1.edi", TARMAC_IMPORT_RESULT_IMPORTED);
  assert_report (done, 1, "d02b-passengers.edi", TARMAC_IMPORT_RESULT_IMPORTED);
  assert_report (done, 2, "multipart-part2.edi", TARMAC_IMPORT_RESULT_IMPORTED);
  assert_report (done, 3, "d02b-passengers.edi", TARMAC_IMPORT_RESULT_DUPLICATE);
  assert_report (done, 4, "minimal.edi", TARMAC_IMPORT_RESULT_FAILED);
  assert_report (done, 5, "multipart-part3.edi", TARMAC_IMPORT_RESULT_IMPORTED);
  assert_report (done, 6, "crew.edi", TARMAC_IMPORT_RESULT_IMPORTED);
  assert_report (done, 7, "second-message-bad.edi", TARMAC_IMPORT_RESULT_FAILED);
  assert_report (done, 8, "d05b-multileg.edi", TARMAC_IMPORT_RESULT_IMPORTED);
  g_assert_nonnull (strstr (((TarmacImportReport *) g_ptr_array_index (done, 4))->error_message,
                            "line 3 (byte"));
  g_assert_nonnull (strstr (((TarmacImportReport *) g_ptr_array_index (done, 7))->error_message,
                            "line 26 (byte"));
  g_assert_cmpuint (((TarmacImportReport *) g_ptr_array_index (done, 1))->n_travellers, ==, 3);
  g_assert_cmpuint (tarmac_batch_import_get_commits (batch), ==, 1);

  g_assert_cmpint (count (store, "SELECT count(*) FROM source_file WHERE name = 'minimal.edi'"
                                 " OR name = 'second-message-bad.edi'"), ==, 0);
  g_assert_cmpint (count (store, "SELECT count(*) FROM traveller WHERE surname = 'ZARKOWSKA'"),
                   ==, 0);
  g_assert_cmpint (count (store, "SELECT count(*) FROM message_set WHERE complete = 1"), ==, 1);
  g_assert_cmpint (count (store, "SELECT count(*) FROM audit_log WHERE action = 'import'"),
                   ==, 6);
  g_assert_true (tarmac_audit_verify (store, NULL, NULL, &error));
  g_assert_no_error (error);
  assert_index_complete (store);
  g_assert_cmpint (count (store, "SELECT count(*) FROM search_pending"), ==, 0);

  for (guint i = 0; good[i] != NULL; i++)
    g_assert_true (tarmac_import_file (alone, good[i], NULL, NULL, NULL));
  with_bad = table_counts (store);
  without_bad = table_counts (alone);
  g_assert_cmpstr (with_bad, ==, without_bad);
}

/* After a PNR (whose card key is kept outside the database too), the batch's files get
 * savepoints again, so a bad manifest after it rolls back to its own savepoint and never
 * undoes the PNR; the travellers it had written leave the name index's queue with it. */
static void
test_batch_import_bad_after_pnr (void)
{
  g_autofree char *db = tarmac_test_db_path ("batch-after-pnr.db");
  g_autofree char *alone_db = tarmac_test_db_path ("batch-after-pnr-alone.db");
  g_autofree char *pnrgov = fixture ("import", "pnrgov.edi");
  g_autofree char *d02b = fixture ("import", "d02b-passengers.edi");
  g_autofree char *minimal = fixture ("paxlst", "minimal.edi");
  g_autofree char *crew = fixture ("paxlst", "crew.edi");
  g_autofree char *second_bad = fixture ("import", "second-message-bad.edi");
  const char * const files[] = { d02b, pnrgov, minimal, second_bad, crew, NULL };
  g_autoptr(TarmacStore) store = open_store (db);
  g_autoptr(TarmacStore) alone = open_store (alone_db);
  g_autoptr(TarmacBatchImport) batch = tarmac_batch_import_new (store);
  g_autoptr(GPtrArray) done = NULL;
  g_autofree char *with_bad = NULL;
  g_autofree char *without_bad = NULL;

  tarmac_batch_import_set_limits (batch, 100, G_MAXUINT);
  done = import_all (batch, files);

  g_assert_cmpuint (done->len, ==, 5);
  assert_report (done, 0, "d02b-passengers.edi", TARMAC_IMPORT_RESULT_IMPORTED);
  assert_report (done, 1, "pnrgov.edi", TARMAC_IMPORT_RESULT_IMPORTED);
  assert_report (done, 2, "minimal.edi", TARMAC_IMPORT_RESULT_FAILED);
  assert_report (done, 3, "second-message-bad.edi", TARMAC_IMPORT_RESULT_FAILED);
  assert_report (done, 4, "crew.edi", TARMAC_IMPORT_RESULT_IMPORTED);
  g_assert_cmpint (count (store, "SELECT count(*) FROM traveller WHERE surname = 'ZARKOWSKA'"),
                   ==, 0);
  assert_index_complete (store);

  g_assert_true (tarmac_import_file (alone, d02b, NULL, NULL, NULL));
  g_assert_true (tarmac_import_file (alone, pnrgov, NULL, NULL, NULL));
  g_assert_true (tarmac_import_file (alone, crew, NULL, NULL, NULL));
  with_bad = table_counts (store);
  without_bad = table_counts (alone);
  g_assert_cmpstr (with_bad, ==, without_bad);
}

/* Foreign keys of travellers and documents are checked at COMMIT (migration 25), yet a
 * file that leaves a traveller without its flight (here a trigger plays the importer's
 * bug) is refused alone, with the files around it saved: at the end of the file, not
 * of the batch, the store finds the broken key and the batch replays it in a
 * savepoint. */
static void
test_batch_import_broken_key (void)
{
  g_autofree char *db = tarmac_test_db_path ("batch-broken-key.db");
  g_autofree char *alone_db = tarmac_test_db_path ("batch-broken-key-alone.db");
  g_autofree char *d02b = fixture ("import", "d02b-passengers.edi");
  g_autofree char *crew = fixture ("paxlst", "crew.edi");
  g_autofree char *multileg = fixture ("paxlst", "d05b-multileg.edi");
  const char * const files[] = { d02b, crew, multileg, NULL };
  g_autoptr(TarmacStore) store = open_store (db);
  g_autoptr(TarmacStore) alone = open_store (alone_db);
  g_autoptr(TarmacBatchImport) batch = tarmac_batch_import_new (store);
  g_autoptr(GPtrArray) done = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *with_bad = NULL;
  g_autofree char *without_bad = NULL;

  g_assert_true (_tarmac_store_exec (store,
                                     "CREATE TEMP TRIGGER lose_flight AFTER INSERT ON traveller"
                                     " WHEN new.surname = 'OKONKWO' BEGIN"
                                     " UPDATE traveller SET flight_id = 999999 WHERE id = new.id;"
                                     " END", &error));
  g_assert_no_error (error);

  tarmac_batch_import_set_limits (batch, 100, G_MAXUINT);
  done = import_all (batch, files);

  g_assert_cmpuint (done->len, ==, 3);
  assert_report (done, 0, "d02b-passengers.edi", TARMAC_IMPORT_RESULT_IMPORTED);
  assert_report (done, 1, "crew.edi", TARMAC_IMPORT_RESULT_FAILED);
  assert_report (done, 2, "d05b-multileg.edi", TARMAC_IMPORT_RESULT_IMPORTED);
  g_assert_nonnull (strstr (((TarmacImportReport *) g_ptr_array_index (done, 1))->error_message,
                            "FOREIGN KEY"));
  g_assert_cmpuint (tarmac_batch_import_get_commits (batch), ==, 1);
  g_assert_cmpint (count (store, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);
  g_assert_cmpint (count (store, "SELECT count(*) FROM source_file WHERE name = 'crew.edi'"),
                   ==, 0);
  assert_index_complete (store);

  g_assert_true (tarmac_import_file (alone, d02b, NULL, NULL, NULL));
  g_assert_true (tarmac_import_file (alone, multileg, NULL, NULL, NULL));
  with_bad = table_counts (store);
  without_bad = table_counts (alone);
  g_assert_cmpstr (with_bad, ==, without_bad);

  /* The same file on its own, one transaction: refused at its COMMIT. */
  g_assert_false (tarmac_import_file (store, crew, NULL, NULL, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "FOREIGN KEY"));
  g_assert_cmpint (count (store, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);
  g_assert_cmpint (count (store, "SELECT count(*) FROM source_file WHERE name = 'crew.edi'"),
                   ==, 0);
}

/* @sql's rows, one line each: equal for two databases that hold the same rows. */
static char *
rows_text (TarmacStore *store,
           const char  *sql)
{
  g_autoptr(sqlite3_stmt) stmt = _tarmac_store_prepare (store, sql, NULL);
  GString *text = g_string_new (NULL);

  g_assert_nonnull (stmt);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        g_string_append_printf (text, "%s|", _tarmac_store_column_text (stmt, i));
      g_string_append_c (text, '\n');
    }
  return g_string_free (text, FALSE);
}

/* The name index the rows give, as migration 9 builds it from scratch. */
#define INDEX_FROM_ROWS \
  "SELECT DISTINCT j.value, CAST (replace (f.flight_date, '-', '') AS INTEGER), t.id" \
  " FROM traveller t JOIN flight f ON f.id = t.flight_id," \
  "  json_each ('[\"' || replace (replace (replace (t.name_key, '\\', ''), '\"', '')," \
  "  ' ', '\",\"') || '\"]') j" \
  " WHERE t.masked = 0 AND t.name_key <> '' AND j.value <> ''"

/* Generated manifests and PNR pushes (a few thousand travellers, names with accents and
 * in Arabic script) imported through a batch of several commits and one file at a time:
 * the two databases hold the same rows, travellers linked to the same messages, and the
 * batch's name index is exactly the one the rows give. */
static void
test_batch_import_generated (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *batch_path = tarmac_test_db_path ("generated-batch.db");
  g_autofree char *single_path = tarmac_test_db_path ("generated-single.db");
  g_autoptr(TarmacStore) batch_store = open_store (batch_path);
  g_autoptr(TarmacStore) single_store = open_store (single_path);
  g_autoptr(TarmacDemoMessages) generator = NULL;
  TarmacBatchImport *batch = tarmac_batch_import_new (batch_store);
  g_autoptr(GPtrArray) reports = g_ptr_array_new_with_free_func ((GDestroyNotify) tarmac_import_report_free);
  TarmacDemoMessagesOptions options;
  const char *queries[] = {
    "SELECT id, flight_id, message_id, pnr_id, kind, surname, given_names, date_of_birth,"
    " nationality, booking_reference, from_api, from_pnr, name_key FROM traveller ORDER BY id",
    "SELECT traveller_id, message_id FROM traveller_source ORDER BY 1, 2",
    "SELECT id, traveller_id, type, number, number_normalised, check_verdict"
    " FROM travel_document ORDER BY id",
    "SELECT traveller_id, code, detail FROM finding ORDER BY 1, 2, 3",
    "SELECT token, day, traveller_id FROM search_token ORDER BY 1, 2, 3",
    "SELECT token FROM search_vocab ORDER BY 1",
  };
  GBytes *file;
  char *name;
  guint files = 0;

  tarmac_demo_messages_options_init (&options);
  options.seed = 7;
  options.travellers = 3000;
  generator = tarmac_demo_messages_new (&options);

  tarmac_batch_import_set_limits (batch, 5, 60 * 1000);
  while ((file = tarmac_demo_messages_next (generator, &name, NULL, NULL)) != NULL)
    {
      gsize length;
      const guint8 *data = g_bytes_get_data (file, &length);

      g_ptr_array_extend_and_steal (reports, tarmac_batch_import_add_bytes (batch, name, data,
                                                                            length, NULL));
      g_assert_true (tarmac_import_bytes (single_store, name, data, length, NULL, NULL,
                                          &error));
      g_assert_no_error (error);
      files++;
      g_free (name);
      g_bytes_unref (file);
    }
  g_ptr_array_extend_and_steal (reports, tarmac_batch_import_finish (batch));
  g_assert_cmpuint (tarmac_batch_import_get_commits (batch), >=, 3);
  tarmac_batch_import_free (batch);

  g_assert_cmpuint (reports->len, ==, files);
  for (guint i = 0; i < reports->len; i++)
    g_assert_cmpint (((TarmacImportReport *) g_ptr_array_index (reports, i))->result, ==,
                     TARMAC_IMPORT_RESULT_IMPORTED);
  g_assert_cmpint (count (batch_store, "SELECT count(*) FROM traveller WHERE from_api = 1"),
                   >=, 3000);

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autofree char *batch_rows = rows_text (batch_store, queries[i]);
      g_autofree char *single_rows = rows_text (single_store, queries[i]);
      g_auto(GStrv) batch_lines = g_strsplit (batch_rows, "\n", -1);
      g_auto(GStrv) single_lines = g_strsplit (single_rows, "\n", -1);

      /* Line by line, so a difference shows as one row. */
      for (guint j = 0; batch_lines[j] != NULL || single_lines[j] != NULL; j++)
        g_assert_cmpstr (batch_lines[j], ==, single_lines[j]);
    }

  /* Every traveller names the message that brought it, and the index is what the rows
   * give. */
  g_assert_cmpint (count (batch_store, "SELECT count(*) FROM traveller t WHERE NOT EXISTS"
                                       " (SELECT 1 FROM message m WHERE m.id = t.message_id)"),
                   ==, 0);
  g_assert_cmpint (count (batch_store, "SELECT count(*) FROM (SELECT token, day, traveller_id"
                                       " FROM search_token EXCEPT " INDEX_FROM_ROWS ")"), ==, 0);
  g_assert_cmpint (count (batch_store, "SELECT count(*) FROM (" INDEX_FROM_ROWS
                                       " EXCEPT SELECT token, day, traveller_id"
                                       " FROM search_token)"), ==, 0);
  g_assert_cmpint (count (batch_store, "SELECT count(*) FROM search_token"), >, 6000);
}

/* SQLite loses the transaction (an interruption here; a full disk or an I/O error do the
 * same) while a replay writes the batch's files again: a file reported imported must be
 * on disk, one reported otherwise must not, and every traveller on disk must be in the
 * name index — no savepoint may open a transaction of its own and commit it alone. */
static void
test_batch_import_replay_lost (void)
{
  g_autofree char *path = tarmac_test_db_path ("replay-lost.db");
  g_autofree char *part1 = fixture ("import", "multipart-part1.edi");
  g_autofree char *d02b = fixture ("import", "d02b-passengers.edi");
  g_autofree char *second_bad = fixture ("import", "second-message-bad.edi");
  const char * const files[] = { part1, d02b, second_bad, NULL };
  g_autoptr(TarmacStore) store = open_store (path);
  g_autoptr(TarmacBatchImport) batch = tarmac_batch_import_new (store);
  g_autoptr(GPtrArray) done = NULL;
  sqlite3 *db = _tarmac_store_get_db (store);
  /* When the fourth file starts: the first one the replay writes again. */
  TarmacTestInterrupt interrupt = { "INSERT INTO source_file", NULL, 4, 0, FALSE };

  tarmac_batch_import_set_limits (batch, 100, G_MAXUINT);
  tarmac_test_interrupt_start (db, &interrupt);
  done = import_all (batch, files);
  tarmac_test_interrupt_stop (db);

  g_assert_cmpuint (interrupt.seen, >=, 4);
  g_assert_cmpuint (done->len, ==, 3);
  for (guint i = 0; i < done->len; i++)
    {
      TarmacImportReport *report = g_ptr_array_index (done, i);
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM source_file"
                                              " WHERE name = '%s'", report->name);

      g_assert_cmpint (count (store, sql), ==,
                       report->result == TARMAC_IMPORT_RESULT_IMPORTED ? 1 : 0);
    }
  g_assert_cmpint (count (store, "SELECT count(*) FROM traveller t WHERE t.name_key <> ''"
                                 " AND NOT EXISTS (SELECT 1 FROM search_token s"
                                 "   WHERE s.traveller_id = t.id)"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/batch-import/bad-in-middle", test_batch_import_bad_in_middle);
  g_test_add_func ("/batch-import/limits", test_batch_import_limits);
  g_test_add_func ("/batch-import/cancelled", test_batch_import_cancelled);
  g_test_add_func ("/batch-import/replay", test_batch_import_replay);
  g_test_add_func ("/batch-import/replay-lost", test_batch_import_replay_lost);
  g_test_add_func ("/batch-import/bad-after-pnr", test_batch_import_bad_after_pnr);
  g_test_add_func ("/batch-import/broken-key", test_batch_import_broken_key);
  g_test_add_func ("/batch-import/generated", test_batch_import_generated);

  return g_test_run ();
}
