/* tarmac-batch-import.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-import"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "tarmac-batch-import.h"
#include "tarmac-importer-private.h"
#include "tarmac-store-private.h"

/* Importing many files with one fsync per batch instead of one per file. A committed
 * SQLite transaction costs at least one fsync (synchronous=FULL), which for the small
 * files airlines push every minute is most of the time an import takes (DESIGN.md §10).
 * So the batch keeps one write transaction open, and each file runs in a savepoint of it
 * (tarmac_import_bytes() calls tarmac_store_begin(), which nests): a rejected file rolls
 * back to its savepoint and leaves nothing, the others stay. The batch commits after
 * max_files files or max_msec milliseconds, and hands back the reports of the files it
 * committed only then, so a caller that shows a report shows what is on disk. The name
 * index is brought up to date once per batch, just before the commit.
 *
 * A savepoint is not free: SQLite copies every page a file changes that the batch had
 * changed before (its statement journal), a fifth of a large import's work. So PAXLST
 * manifests, which the importer writes to the database alone, go without one: the batch
 * keeps their bytes, and when one of them fails after writing part of itself, the
 * batch rolls its transaction back and imports those files again, each in a savepoint
 * as above (replay()). A failure costs the batch's files twice; a bad file is rare. Any
 * other file (a PNR, whose card key lives outside the database too, a spreadsheet, a
 * file the importer refuses) makes the rest of the transaction use savepoints, so a
 * replay never undoes more than manifests. */

struct _TarmacBatchImport
{
  TarmacStore *store;
  guint        max_files;
  gint64       max_usec;

  gboolean     open;            /* our transaction is open */
  gint64       opened_at;       /* monotonic, when it began */
  GPtrArray   *pending;         /* of TarmacImportReport, imported but not committed */
  guint        commits;
  gint64       old_cache_size;  /* for _tarmac_store_restore_cache() */

  GThreadPool *preparer;        /* one thread, preparing the next files */
  GQueue       jobs;            /* of Job, in the order the files were added */
  gsize        jobs_bytes;      /* their sizes together */

  /* The files of the open transaction, in the order of pending, while all of them went
   * without a savepoint (guarded is FALSE); what replay() imports again. */
  GPtrArray   *kept;            /* of Kept */
  gsize        kept_bytes;
  gboolean     guarded;         /* a file of the open transaction has a savepoint */
};

/* A file imported without a savepoint, as replay() needs it. */
typedef struct
{
  char         *name;
  char         *contents;
  gsize         length;
  GCancellable *cancellable;
} Kept;

static void
kept_free (Kept *kept)
{
  g_free (kept->name);
  g_free (kept->contents);
  g_clear_object (&kept->cancellable);
  g_free (kept);
}

/* The bytes kept for a replay stay below this: past it, files get savepoints. */
#define KEPT_MAX_BYTES (32 * 1024 * 1024)

/* A file added to the batch: prepared on the preparer thread (read, hashed, parsed),
 * then imported on the caller's thread, in order. While file n is written, the files
 * after it are parsed: on two cores the parser and SQLite run side by side. */
typedef struct
{
  TarmacImportPrepared *spent;     /* or, a file written: only to be freed */
  char                 *path;      /* or: */
  char                 *name;
  guint8               *data;      /* a copy: the caller's buffer may go */
  gsize                 length;
  gsize                 size;      /* what it counts against AHEAD_BYTES */
  GCancellable         *cancellable;

  GMutex                lock;
  GCond                 cond;
  TarmacImportPrepared *prepared;  /* set under lock when ready */
} Job;

static void
job_free (Job *job)
{
  g_free (job->path);
  g_free (job->name);
  g_free (job->data);
  g_clear_object (&job->cancellable);
  g_clear_pointer (&job->prepared, _tarmac_import_prepared_free);
  g_mutex_clear (&job->lock);
  g_cond_clear (&job->cond);
  g_free (job);
}

static void
prepare_job (gpointer data,
             gpointer user_data)
{
  Job *job = data;
  TarmacImportPrepared *prepared;

  (void) user_data;

  /* Freeing a file's parsed messages (a few allocations per traveller) is work the
   * writer's thread would otherwise do between two files. */
  if (job->spent != NULL)
    {
      _tarmac_import_prepared_free (job->spent);
      g_free (job);
      return;
    }

  if (job->path != NULL)
    prepared = _tarmac_import_prepare_file (job->path);
  else
    prepared = _tarmac_import_prepare_bytes (job->name, job->data, job->length);
  g_clear_pointer (&job->data, g_free);

  g_mutex_lock (&job->lock);
  job->prepared = prepared;
  g_cond_signal (&job->cond);
  g_mutex_unlock (&job->lock);
}

static TarmacImportPrepared *
wait_for_job (Job *job)
{
  TarmacImportPrepared *prepared;

  g_mutex_lock (&job->lock);
  while (job->prepared == NULL)
    g_cond_wait (&job->cond, &job->lock);
  prepared = g_steal_pointer (&job->prepared);
  g_mutex_unlock (&job->lock);
  return prepared;
}

/* A million travellers' indexes are hundreds of MiB, and each traveller adds keys to
 * them all over (names, document numbers); with SQLite's default 2 MiB cache most of
 * those pages would be read again for every file. */
#define BATCH_CACHE_KIB (128 * 1024)

/**
 * tarmac_batch_import_new:
 * @store: the database
 *
 * A batch of imports into @store with the default limits
 * (%TARMAC_BATCH_IMPORT_MAX_FILES files, %TARMAC_BATCH_IMPORT_MAX_MSEC ms). Nothing is
 * written until a file is added. While the batch is open the store is in a transaction:
 * other writers on other connections wait for at most one batch.
 *
 * Returns: (transfer full): the batch, to be finished with tarmac_batch_import_finish()
 */
TarmacBatchImport *
tarmac_batch_import_new (TarmacStore *store)
{
  TarmacBatchImport *self;

  g_return_val_if_fail (TARMAC_IS_STORE (store), NULL);

  self = g_new0 (TarmacBatchImport, 1);
  self->store = g_object_ref (store);
  self->max_files = TARMAC_BATCH_IMPORT_MAX_FILES;
  self->max_usec = TARMAC_BATCH_IMPORT_MAX_MSEC * G_TIME_SPAN_MILLISECOND;
  self->pending = g_ptr_array_new_with_free_func ((GDestroyNotify) tarmac_import_report_free);
  self->kept = g_ptr_array_new_with_free_func ((GDestroyNotify) kept_free);
  self->old_cache_size = _tarmac_store_grow_cache (store, BATCH_CACHE_KIB);
  self->preparer = g_thread_pool_new (prepare_job, NULL, 1, FALSE, NULL);
  g_queue_init (&self->jobs);

  return self;
}

/**
 * tarmac_batch_import_set_limits:
 * @self: a batch
 * @max_files: commit after this many files (1 commits every file, as
 *   tarmac_import_file() does)
 * @max_msec: commit once the batch is this old, checked after each file
 */
void
tarmac_batch_import_set_limits (TarmacBatchImport *self,
                                guint              max_files,
                                guint              max_msec)
{
  g_return_if_fail (self != NULL);

  self->max_files = MAX (max_files, 1);
  self->max_usec = (gint64) max_msec * G_TIME_SPAN_MILLISECOND;
}

/* A report that said "imported" whose batch was not committed: nothing of it is on
 * disk, so it says failed, with the reason, as a refused file's report does. */
static void
mark_not_saved (TarmacImportReport *report,
                const char         *reason)
{
  if (report->result == TARMAC_IMPORT_RESULT_FAILED)
    return;

  report->result = TARMAC_IMPORT_RESULT_FAILED;
  g_free (report->error_message);
  /* Translators: "manifest.edi was not saved: disk I/O error" */
  report->error_message = g_strdup_printf (_("%s was not saved: %s"), report->name, reason);
  report->n_messages = report->n_flights = report->n_travellers = 0;
  report->n_crew = report->n_documents = report->n_pnrs = report->n_findings = 0;
  report->source_file_id = 0;
}

/* The transaction ended (committed or gone), or holds a file with a savepoint: what
 * replay() would need is no longer needed. */
static void
forget_kept (TarmacBatchImport *self)
{
  g_ptr_array_set_size (self->kept, 0);
  self->kept_bytes = 0;
}

static GPtrArray *
take_pending (TarmacBatchImport *self)
{
  GPtrArray *done = g_steal_pointer (&self->pending);

  forget_kept (self);
  self->guarded = FALSE;
  self->pending = g_ptr_array_new_with_free_func ((GDestroyNotify) tarmac_import_report_free);
  return done;
}

/* Commits the batch; the reports of its files, failed ones said so if the commit
 * failed. */
static GPtrArray *
commit (TarmacBatchImport *self)
{
  g_autoptr(GError) error = NULL;

  if (self->open)
    {
      gboolean ok;

      self->open = FALSE;
      /* The commit indexes all the batch's files in one pass, in the same transaction (the
       * files' own commits are savepoints, which do not); a failed one rolls the batch
       * back whole (tarmac_store_commit()). */
      ok = tarmac_store_commit (self->store, &error);

      if (!ok)
        for (guint i = 0; i < self->pending->len; i++)
          mark_not_saved (g_ptr_array_index (self->pending, i), error->message);
      else
        self->commits++;
    }

  return take_pending (self);
}

static gboolean
due (TarmacBatchImport *self)
{
  return self->pending->len >= self->max_files ||
         g_get_monotonic_time () - self->opened_at >= self->max_usec;
}

/* Opens the batch's transaction before a file; on failure the file is refused with
 * the reason, like any file the database would not take. */
static gboolean
open_batch (TarmacBatchImport  *self,
            GError            **error)
{
  if (self->open)
    return TRUE;
  if (!tarmac_store_begin (self->store, error))
    return FALSE;

  self->open = TRUE;
  self->opened_at = g_get_monotonic_time ();
  return TRUE;
}

/* After a file: SQLite rolls a whole transaction back by itself on some errors (disk
 * full, I/O error, out of memory). The files before this one went with it, so their
 * reports must not say imported. */
static void
check_lost (TarmacBatchImport *self)
{
  if (!self->open || !_tarmac_store_transaction_lost (self->store))
    return;

  self->open = FALSE;
  for (guint i = 0; i < self->pending->len; i++)
    mark_not_saved (g_ptr_array_index (self->pending, i),
                    _("the database rolled back the batch of files it was imported with"));
  forget_kept (self);
  self->guarded = FALSE;
}

static GPtrArray *
added (TarmacBatchImport  *self,
       TarmacImportReport *report)
{
  g_ptr_array_add (self->pending, report);
  check_lost (self);

  if (!self->open || due (self))
    return commit (self);
  return g_ptr_array_new_with_free_func ((GDestroyNotify) tarmac_import_report_free);
}

/* Imports a kept file again, with a savepoint, in the (open) batch. */
static TarmacImportReport *
import_kept (TarmacBatchImport *self,
             Kept              *kept)
{
  g_autoptr(GError) error = NULL;
  TarmacImportPrepared *prepared;
  TarmacImportReport *report = NULL;

  if (!open_batch (self, &error))
    return _tarmac_import_report_new_failed (kept->name, error->message);

  prepared = _tarmac_import_prepare_bytes (kept->name, (const guint8 *) kept->contents,
                                           kept->length);
  _tarmac_import_prepared (self->store, prepared, &report, kept->cancellable, NULL);
  _tarmac_import_prepared_free (prepared);
  return report;
}

/* @failed, imported without a savepoint, failed after writing part of itself: rolls
 * the transaction back (only manifests, the files kept) and imports them all again,
 * @failed last, each with a savepoint, so @failed leaves nothing and the others stay.
 * They stay kept: being manifests, a later replay may undo them again. Returns
 * @failed's report. */
static TarmacImportReport *
replay (TarmacBatchImport *self,
        Kept              *failed)
{
  g_autoptr(GPtrArray) files = g_steal_pointer (&self->kept);
  TarmacImportReport *report = NULL;
  guint first_kept = 0;

  g_ptr_array_add (files, failed);
  self->kept = g_ptr_array_new_with_free_func ((GDestroyNotify) kept_free);
  self->kept_bytes = 0;

  tarmac_store_rollback (self->store);
  self->open = FALSE;
  g_ptr_array_set_size (self->pending, 0);

  for (guint i = 0; i < files->len; i++)
    {
      Kept *kept = g_ptr_array_index (files, i);

      report = import_kept (self, kept);
      if (i + 1 < files->len)
        g_ptr_array_add (self->pending, report);
      /* SQLite may lose the transaction again: the files replayed so far are then not
       * saved (check_lost() says so in their reports), and the rest go into a new one. */
      if (self->open)
        {
          check_lost (self);
          if (!self->open)
            first_kept = i + 1;
        }
    }

  /* The files since the last loss are in the transaction again, as manifests written by
   * savepoints; keep them for the next replay. */
  g_ptr_array_remove_range (files, 0, first_kept);
  for (guint i = 0; i < files->len; i++)
    self->kept_bytes += ((Kept *) g_ptr_array_index (files, i))->length;
  g_ptr_array_extend_and_steal (self->kept, g_steal_pointer (&files));
  return report;
}

/* Whether @prepared may go without a savepoint: a manifest, whose import touches nothing
 * but the database, in a transaction that holds only such files, and bytes to spare for
 * keeping it. */
static gboolean
may_go_unguarded (TarmacBatchImport    *self,
                  TarmacImportPrepared *prepared)
{
  return !self->guarded &&
         prepared->read_error == NULL &&
         prepared->format == TARMAC_FILE_FORMAT_PAXLST &&
         self->kept_bytes + prepared->length <= KEPT_MAX_BYTES;
}

/* Hands @prepared, written, to the preparer thread to free, after the file it is
 * preparing. */
static void
free_on_preparer (TarmacBatchImport    *self,
                  TarmacImportPrepared *prepared)
{
  Job *job = g_new0 (Job, 1);

  job->spent = prepared;
  g_thread_pool_push (self->preparer, job, NULL);
}

/* Imports the oldest added file, once prepared. */
static GPtrArray *
import_next (TarmacBatchImport *self)
{
  g_autoptr(GError) error = NULL;
  Job *job = g_queue_pop_head (&self->jobs);
  TarmacImportPrepared *prepared = wait_for_job (job);
  TarmacImportReport *report = NULL;

  self->jobs_bytes -= job->size;

  if (!open_batch (self, &error))
    report = _tarmac_import_report_new_failed (prepared->name, error->message);
  else if (may_go_unguarded (self, prepared))
    {
      Kept *kept;
      gboolean spoiled;

      _tarmac_store_set_unguarded (self->store, TRUE);
      _tarmac_import_prepared (self->store, prepared, &report, job->cancellable, NULL);
      _tarmac_store_set_unguarded (self->store, FALSE);
      spoiled = _tarmac_store_take_spoiled (self->store);

      kept = g_new0 (Kept, 1);
      kept->name = g_strdup (prepared->name);
      kept->contents = g_steal_pointer (&prepared->contents);
      kept->length = prepared->length;
      kept->cancellable = job->cancellable != NULL ? g_object_ref (job->cancellable) : NULL;

      /* A transaction SQLite lost is check_lost()'s, there is nothing to replay in. */
      if (spoiled && !sqlite3_get_autocommit (_tarmac_store_get_db (self->store)))
        {
          tarmac_import_report_free (report);
          report = replay (self, kept);
        }
      else
        {
          self->kept_bytes += kept->length;
          g_ptr_array_add (self->kept, kept);
        }
    }
  else
    {
      self->guarded = TRUE;
      forget_kept (self);
      _tarmac_import_prepared (self->store, prepared, &report, job->cancellable, NULL);
    }

  job_free (job);
  free_on_preparer (self, prepared);
  return added (self, report);
}

/* Files parsed ahead of the one being written: up to AHEAD_FILES, while they come to no
 * more than AHEAD_BYTES together (a parsed file takes a few times its size), and always
 * one; the file just added makes one more until the next is written. With one only, the
 * writer waited for the parser whenever a file took longer to parse than the one before
 * it took to write: 1,091 times in a million-traveller import of 6,660 files, 0.4 s of
 * its 10. Written files wait behind them for the preparer to free them. */
#define AHEAD_FILES 4
#define AHEAD_BYTES (4 * 1024 * 1024)

/* Queues @job for preparing, and imports the files before it that are past the bound
 * above. */
static GPtrArray *
add_job (TarmacBatchImport *self,
         Job               *job,
         GCancellable      *cancellable)
{
  GPtrArray *done = g_ptr_array_new_with_free_func ((GDestroyNotify) tarmac_import_report_free);

  g_mutex_init (&job->lock);
  g_cond_init (&job->cond);
  job->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  g_queue_push_tail (&self->jobs, job);
  self->jobs_bytes += job->size;
  g_thread_pool_push (self->preparer, job, NULL);

  while (self->jobs.length > AHEAD_FILES + 1 ||
         (self->jobs.length > 1 && self->jobs_bytes > AHEAD_BYTES))
    {
      g_autoptr(GPtrArray) reports = import_next (self);

      g_ptr_array_extend_and_steal (done, g_steal_pointer (&reports));
    }

  return done;
}

/**
 * tarmac_batch_import_add_file:
 * @self: a batch
 * @path: the file to import, as for tarmac_import_file()
 * @cancellable: (nullable): checked between messages
 *
 * Imports @path in a savepoint of the batch: a refused file leaves nothing in the
 * database, the other files of the batch stay. Commits the batch when it is due. The
 * file is read and parsed on a second thread while the files added before it are
 * written; it is written a few calls later (AHEAD_FILES), or by
 * tarmac_batch_import_finish(). Once @cancellable is cancelled, the files not written
 * yet are reported failed, with report->cancelled set.
 *
 * Returns: (transfer full) (element-type TarmacImportReport): the reports of the files
 *   that are now committed (or known not saved), in the order they were added; often
 *   empty, since a report waits for its batch's commit
 */
GPtrArray *
tarmac_batch_import_add_file (TarmacBatchImport *self,
                              const char        *path,
                              GCancellable      *cancellable)
{
  GStatBuf st;
  Job *job;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (path != NULL, NULL);

  job = g_new0 (Job, 1);
  job->path = g_strdup (path);
  /* A file that cannot be read says so when it is prepared; counted as large, it is
   * not waited for behind others. */
  job->size = g_stat (path, &st) == 0 && st.st_size >= 0 ? (gsize) st.st_size
                                                        : AHEAD_BYTES + 1;
  return add_job (self, job, cancellable);
}

/**
 * tarmac_batch_import_add_bytes:
 * @self: a batch
 * @name: the file name shown in reports and errors
 * @data: (array length=length): the file's bytes, copied
 * @length: the number of bytes
 * @cancellable: (nullable): checked between messages
 *
 * As tarmac_batch_import_add_file(), for bytes in memory (tarmac_import_bytes()).
 *
 * Returns: (transfer full) (element-type TarmacImportReport): as for
 *   tarmac_batch_import_add_file()
 */
GPtrArray *
tarmac_batch_import_add_bytes (TarmacBatchImport *self,
                               const char        *name,
                               const guint8      *data,
                               gsize              length,
                               GCancellable      *cancellable)
{
  Job *job;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (data != NULL || length == 0, NULL);

  job = g_new0 (Job, 1);
  job->name = g_strdup (name);
  job->data = length > 0 ? g_memdup2 (data, length) : NULL;
  job->length = length;
  job->size = length;
  return add_job (self, job, cancellable);
}

/**
 * tarmac_batch_import_finish:
 * @self: a batch
 *
 * Commits what the batch holds. Call it before telling anyone the files were imported;
 * the batch can take more files afterwards.
 *
 * Returns: (transfer full) (element-type TarmacImportReport): the reports not returned
 *   yet
 */
GPtrArray *
tarmac_batch_import_finish (TarmacBatchImport *self)
{
  GPtrArray *done;

  g_return_val_if_fail (self != NULL, NULL);

  done = g_ptr_array_new_with_free_func ((GDestroyNotify) tarmac_import_report_free);
  while (self->jobs.length > 0)
    {
      g_autoptr(GPtrArray) reports = import_next (self);

      g_ptr_array_extend_and_steal (done, g_steal_pointer (&reports));
    }

  check_lost (self);
  g_ptr_array_extend_and_steal (done, commit (self));
  return done;
}

/**
 * tarmac_batch_import_get_commits:
 * @self: a batch
 *
 * Returns: how many transactions the batch committed, for benchmarks
 */
guint
tarmac_batch_import_get_commits (TarmacBatchImport *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->commits;
}

/**
 * tarmac_batch_import_free:
 * @self: (nullable): a batch
 *
 * Frees the batch. Files not finished with tarmac_batch_import_finish() are rolled
 * back: their reports were never handed out.
 */
void
tarmac_batch_import_free (TarmacBatchImport *self)
{
  if (self == NULL)
    return;

  /* Files added but never imported: their preparing ends, nothing is written. */
  g_thread_pool_free (self->preparer, FALSE, TRUE);
  g_queue_clear_full (&self->jobs, (GDestroyNotify) job_free);

  if (self->open)
    {
      g_warning ("A batch of %u imported files was freed without being finished: "
                 "rolling it back", self->pending->len);
      if (!_tarmac_store_transaction_lost (self->store))
        tarmac_store_rollback (self->store);
    }

  _tarmac_store_restore_cache (self->store, self->old_cache_size);
  g_ptr_array_unref (self->pending);
  g_ptr_array_unref (self->kept);
  g_object_unref (self->store);
  g_free (self);
}
