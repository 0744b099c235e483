/* tarmac-sync-service.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-sync-service"

#include "config.h"

#include <glib/gi18n.h>
#include <libsoup/soup.h>
#include <sodium.h>

#include "tarmac-enums.h"
#include "tarmac-note.h"
#include "tarmac-store-private.h"
#include "tarmac-sync-client.h"
#include "tarmac-sync-error.h"
#include "tarmac-sync-service.h"

/* The app's link to the hub (research/sync.md §4.10, "thread model"): one worker thread
 * owns a connection of its own to the database, the replica and the synchronous client.
 * It syncs at start, after each note saved here, and whenever the hub says there is more
 * (on its notification socket, or in a long-poll of 25 s where the socket cannot be had:
 * tarmac_sync_client_wait()), and after a failure waits 1 s × 2ⁿ, at most 5 minutes, with
 * jitter, so that thirty-five airports coming back together do not all knock at once. A
 * refusal no retry can change (the device revoked, or a restored copy) stops the rounds
 * until the officer asks again (Sync Now).
 *
 * Everything that writes shared records goes through the worker too (saving a note,
 * enrolling, leaving): one replica, one device sequence, one HLC. A job interrupts the
 * long-poll (its GCancellable), runs, and the round after it sends what it wrote.
 *
 * The main thread sees the state through properties, updated by snapshots the worker
 * posts to the main context (g_main_context_invoke), and "notes-arrived" when notes from
 * other airports came in. Stopping cancels the request in progress and joins the thread:
 * every write is one transaction, so stopping at any moment loses nothing. */

#define WAIT_SECONDS 25
#define ACK_QUIET_WAITS 5

typedef enum
{
  JOB_SAVE_NOTE,
  JOB_ENROL,
  JOB_LEAVE,
  JOB_MARK_READ,
  JOB_LIST_RECEIPTS,
  JOB_LIST_DESKS,
  JOB_APPROVE,
  JOB_ROTATE,
  JOB_LIST_KEY_CHANGES,
  JOB_TRUST_KEY,
} JobKind;

typedef struct
{
  JobKind             kind;
  /* JOB_SAVE_NOTE */
  char               *note_kind;
  TarmacNotePriority  priority;
  GStrv               recipients;
  char               *author;
  char               *text;
  char               *subject_type;
  char               *subject_ref;
  char               *reply_to;
  /* JOB_MARK_READ, JOB_LIST_RECEIPTS */
  GStrv               uuids;
  /* JOB_ENROL; JOB_APPROVE (code) */
  char               *hub_url;
  char               *code;
  char               *fingerprint;
  /* JOB_APPROVE; JOB_TRUST_KEY (the airport or desk) */
  char               *device_id;
} Job;

/* What the worker tells the main thread, all copies. */
typedef struct
{
  GWeakRef         service;
  gboolean         has_state;
  TarmacSyncState  state;
  char            *reason;
  gint64           pending;       /* -1: unknown */
  gint64           unread;        /* -1: unknown */
  gint64           last_sync_ms;  /* 0: never */
  guint            failures;
  gint64           notified;      /* -1: unknown */
  gboolean         has_identity;
  char            *site;
  char            *device_id;
  char            *hub_url;
  char            *site_key_code;
  GStrv            site_codes;
  GStrv            site_names;
  guint            n_arrived;
  TarmacNotePriority arrived_priority;
  char            *arrived_uuid;
  char            *arrived_site;
} Snapshot;

struct _TarmacSyncService
{
  GObject             parent_instance;

  /* Set at construction, read by both threads */
  char               *path;
  char               *actor;
  GMainContext       *context;

  /* Guarded by mutex */
  GMutex              mutex;
  GCond               cond;
  GQueue              jobs;              /* of GTask, Job as task data */
  gboolean            stopping;
  gboolean            wake;
  GCancellable       *interrupt;         /* the round or long-poll in progress, or NULL */
  gboolean            in_wait;           /* ... and it is the long-poll */
  GCancellable       *stop_cancellable;

  /* Main thread only */
  GThread            *thread;
  GNetworkMonitor    *monitor;
  TarmacSyncState     state;
  char               *reason;
  guint               pending;
  guint               unread;
  GDateTime          *last_sync;
  gint64              last_sync_ms;
  guint               failures;
  guint               notified;
  char               *site;
  char               *device_id;
  char               *hub_url;
  char               *site_key_code;
  GStrv               site_codes;
  GStrv               site_names;
};

G_DEFINE_FINAL_TYPE (TarmacSyncService, tarmac_sync_service, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STATE,
  PROP_REASON,
  PROP_PENDING,
  PROP_UNREAD,
  PROP_LAST_SYNC,
  PROP_FAILURES,
  PROP_NOTIFIED,
  PROP_ENROLLED,
  PROP_SITE,
  PROP_DEVICE_ID,
  PROP_HUB_URL,
  PROP_SITE_KEY_CODE,
  N_PROPS
};

enum {
  NOTES_ARRIVED,
  SITES_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
job_free (gpointer data)
{
  Job *job = data;

  g_free (job->note_kind);
  g_strfreev (job->recipients);
  g_free (job->author);
  g_free (job->text);
  g_free (job->subject_type);
  g_free (job->subject_ref);
  g_free (job->reply_to);
  g_strfreev (job->uuids);
  g_free (job->hub_url);
  g_free (job->code);
  g_free (job->fingerprint);
  g_free (job->device_id);
  g_free (job);
}

static void
snapshot_free (gpointer data)
{
  Snapshot *snapshot = data;

  g_weak_ref_clear (&snapshot->service);
  g_free (snapshot->reason);
  g_free (snapshot->site);
  g_free (snapshot->device_id);
  g_free (snapshot->hub_url);
  g_free (snapshot->site_key_code);
  g_strfreev (snapshot->site_codes);
  g_strfreev (snapshot->site_names);
  g_free (snapshot->arrived_uuid);
  g_free (snapshot->arrived_site);
  g_free (snapshot);
}

static Snapshot *
snapshot_new (TarmacSyncService *self)
{
  Snapshot *snapshot = g_new0 (Snapshot, 1);

  g_weak_ref_init (&snapshot->service, self);
  snapshot->pending = -1;
  snapshot->unread = -1;
  snapshot->notified = -1;
  return snapshot;
}

/**
 * tarmac_sync_backoff_ms:
 * @failures: failed rounds in a row, from 1
 * @random: a uniformly random number
 *
 * How long to wait before the next round: "equal jitter" over 1 s × 2ⁿ⁻¹ capped at
 * 5 minutes, that is between half of it and all of it. Never nothing (a hub that refuses
 * at once would be hammered) and never more than the cap.
 */
guint
tarmac_sync_backoff_ms (guint   failures,
                        guint32 random)
{
  guint64 ceiling = TARMAC_SYNC_BACKOFF_BASE_MS;

  for (guint i = 1; i < failures && ceiling < TARMAC_SYNC_BACKOFF_MAX_MS; i++)
    ceiling *= 2;
  ceiling = MIN (ceiling, TARMAC_SYNC_BACKOFF_MAX_MS);

  return (guint) (ceiling / 2 + random % (ceiling / 2 + 1));
}

/* Main thread */

static void
set_string (char       **field,
            const char  *value,
            GObject     *object,
            GParamSpec  *pspec)
{
  if (g_strcmp0 (*field, value) == 0)
    return;

  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (object, pspec);
}

static gboolean
apply_snapshot_cb (gpointer data)
{
  Snapshot *snapshot = data;
  g_autoptr(TarmacSyncService) self = g_weak_ref_get (&snapshot->service);
  GObject *object = (GObject *) self;

  if (self == NULL || self->thread == NULL)
    return G_SOURCE_REMOVE;

  g_object_freeze_notify (object);

  if (snapshot->has_identity)
    {
      gboolean was_enrolled = self->site != NULL;

      set_string (&self->site, snapshot->site, object, properties[PROP_SITE]);
      set_string (&self->device_id, snapshot->device_id, object, properties[PROP_DEVICE_ID]);
      set_string (&self->hub_url, snapshot->hub_url, object, properties[PROP_HUB_URL]);
      set_string (&self->site_key_code, snapshot->site_key_code, object, properties[PROP_SITE_KEY_CODE]);
      if (was_enrolled != (self->site != NULL))
        g_object_notify_by_pspec (object, properties[PROP_ENROLLED]);

      if (self->site_codes == NULL || snapshot->site_codes == NULL
          || !g_strv_equal ((const char * const *) self->site_codes,
                            (const char * const *) snapshot->site_codes)
          || !g_strv_equal ((const char * const *) self->site_names,
                            (const char * const *) snapshot->site_names))
        {
          g_strfreev (self->site_codes);
          g_strfreev (self->site_names);
          self->site_codes = g_steal_pointer (&snapshot->site_codes);
          self->site_names = g_steal_pointer (&snapshot->site_names);
          g_signal_emit (self, signals[SITES_CHANGED], 0);
        }
    }

  if (snapshot->has_state)
    {
      if (self->state != snapshot->state)
        {
          self->state = snapshot->state;
          g_object_notify_by_pspec (object, properties[PROP_STATE]);
        }
      set_string (&self->reason, snapshot->reason, object, properties[PROP_REASON]);
      if (self->failures != snapshot->failures)
        {
          self->failures = snapshot->failures;
          g_object_notify_by_pspec (object, properties[PROP_FAILURES]);
        }
    }

  if (snapshot->notified >= 0 && self->notified != (guint) snapshot->notified)
    {
      self->notified = (guint) snapshot->notified;
      g_object_notify_by_pspec (object, properties[PROP_NOTIFIED]);
    }

  if (snapshot->pending >= 0 && self->pending != (guint) snapshot->pending)
    {
      self->pending = (guint) snapshot->pending;
      g_object_notify_by_pspec (object, properties[PROP_PENDING]);
    }

  if (snapshot->unread >= 0 && self->unread != (guint) snapshot->unread)
    {
      self->unread = (guint) snapshot->unread;
      g_object_notify_by_pspec (object, properties[PROP_UNREAD]);
    }

  /* To the millisecond: two rounds in the same second are two rounds (the Network page
   * reads the receipts again after each). */
  if (snapshot->last_sync_ms > 0 && snapshot->last_sync_ms != self->last_sync_ms)
    {
      g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (snapshot->last_sync_ms / 1000);

      self->last_sync_ms = snapshot->last_sync_ms;
      g_clear_pointer (&self->last_sync, g_date_time_unref);
      self->last_sync = g_date_time_add (utc, (snapshot->last_sync_ms % 1000) * G_TIME_SPAN_MILLISECOND);
      g_object_notify_by_pspec (object, properties[PROP_LAST_SYNC]);
    }

  g_object_thaw_notify (object);

  if (snapshot->n_arrived > 0)
    g_signal_emit (self, signals[NOTES_ARRIVED], 0, snapshot->n_arrived,
                   snapshot->arrived_priority, snapshot->arrived_uuid, snapshot->arrived_site);

  return G_SOURCE_REMOVE;
}

/* Worker thread */

typedef struct
{
  TarmacStore       *store;
  TarmacSyncReplica *replica;
  TarmacSyncClient  *client;
  gint64             last_note_id;
} Worker;

static void
post (TarmacSyncService *self,
      Snapshot          *snapshot)
{
  g_main_context_invoke_full (self->context, G_PRIORITY_DEFAULT, apply_snapshot_cb,
                              snapshot, snapshot_free);
}

static gint64
query_int (TarmacStore *store,
           const char  *sql)
{
  g_autoptr(sqlite3_stmt) stmt = _tarmac_store_prepare (store, sql, NULL);

  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return -1;

  return sqlite3_column_int64 (stmt, 0);
}

static void
fill_identity (Worker   *worker,
               Snapshot *snapshot)
{
  g_autoptr(GPtrArray) codes = g_ptr_array_new ();
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(sqlite3_stmt) stmt = NULL;

  snapshot->has_identity = TRUE;
  if (worker->replica == NULL || !tarmac_sync_replica_is_enrolled (worker->replica))
    return;

  snapshot->site = g_strdup (tarmac_sync_replica_get_site (worker->replica));
  snapshot->device_id = g_strdup (tarmac_device_keys_get_device_id (tarmac_sync_replica_get_keys (worker->replica)));
  snapshot->hub_url = tarmac_sync_replica_dup_setting (worker->replica, "hub_url");
  snapshot->site_key_code = tarmac_sync_replica_dup_site_key_code (worker->replica);

  /* The airports notes can be sent to: the roster's, this one aside. Public data. */
  stmt = _tarmac_store_prepare (worker->store,
                                "SELECT code, name FROM sync_site"
                                " WHERE status = 'active' AND code <> ?1 ORDER BY code",
                                NULL);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, snapshot->site, -1, SQLITE_STATIC);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          g_ptr_array_add (codes, g_strdup (_tarmac_store_column_text (stmt, 0)));
          g_ptr_array_add (names, g_strdup (_tarmac_store_column_text (stmt, 1)));
        }
    }
  g_ptr_array_add (codes, NULL);
  g_ptr_array_add (names, NULL);
  snapshot->site_codes = (GStrv) g_ptr_array_free (g_steal_pointer (&codes), FALSE);
  snapshot->site_names = (GStrv) g_ptr_array_free (g_steal_pointer (&names), FALSE);
}

static void
post_state (TarmacSyncService *self,
            Worker            *worker,
            TarmacSyncState    state,
            const char        *reason,
            guint              failures)
{
  Snapshot *snapshot = snapshot_new (self);
  g_autofree char *last = NULL;

  snapshot->has_state = TRUE;
  snapshot->state = state;
  snapshot->reason = g_strdup (reason);
  snapshot->failures = failures;
  if (worker->client != NULL)
    snapshot->notified = tarmac_sync_client_get_notified (worker->client);
  if (worker->replica != NULL)
    {
      snapshot->pending = tarmac_sync_replica_count_pending (worker->replica, NULL);
      snapshot->unread = tarmac_sync_replica_count_unread (worker->replica, NULL);
      last = tarmac_sync_replica_dup_setting (worker->replica, "last_sync_ms");
      snapshot->last_sync_ms = last != NULL ? g_ascii_strtoll (last, NULL, 10) : 0;
    }
  post (self, snapshot);
}

/* Notes from other airports written since the last look: how many, the highest priority
 * and which note has it (the newest of them), for the badge and the notification. Their
 * text is not read here: nothing is shown yet, so nothing is audited. */
static void
post_arrivals (TarmacSyncService *self,
               Worker            *worker)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  Snapshot *snapshot;
  const char *site;

  if (worker->replica == NULL)
    return;

  site = tarmac_sync_replica_get_site (worker->replica);
  stmt = _tarmac_store_prepare (worker->store,
                                "SELECT id, uuid, priority, origin_site FROM note"
                                " WHERE id > ?1 AND origin_site <> ?2 AND delivery = 'received'"
                                " ORDER BY id",
                                NULL);
  if (stmt == NULL)
    return;

  sqlite3_bind_int64 (stmt, 1, worker->last_note_id);
  sqlite3_bind_text (stmt, 2, site != NULL ? site : "", -1, SQLITE_STATIC);

  snapshot = snapshot_new (self);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *priority = _tarmac_store_column_text (stmt, 2);
      TarmacNotePriority value = g_strcmp0 (priority, "urgent") == 0 ? TARMAC_NOTE_PRIORITY_URGENT
                                 : g_strcmp0 (priority, "priority") == 0 ? TARMAC_NOTE_PRIORITY_PRIORITY
                                 : TARMAC_NOTE_PRIORITY_ROUTINE;

      worker->last_note_id = MAX (worker->last_note_id, sqlite3_column_int64 (stmt, 0));
      if (snapshot->n_arrived == 0 || value >= snapshot->arrived_priority)
        {
          snapshot->arrived_priority = value;
          g_free (snapshot->arrived_uuid);
          snapshot->arrived_uuid = g_strdup (_tarmac_store_column_text (stmt, 1));
          g_free (snapshot->arrived_site);
          snapshot->arrived_site = g_strdup (_tarmac_store_column_text (stmt, 3));
        }
      snapshot->n_arrived++;
    }

  if (snapshot->n_arrived > 0)
    {
      snapshot->unread = tarmac_sync_replica_count_unread (worker->replica, NULL);
      snapshot->notified = tarmac_sync_client_get_notified (worker->client);
      post (self, snapshot);
    }
  else
    snapshot_free (snapshot);
}

static void
worker_close (Worker *worker)
{
  g_clear_object (&worker->client);
  g_clear_object (&worker->replica);
  if (worker->store != NULL)
    tarmac_store_close (worker->store);
  g_clear_object (&worker->store);
}

static gboolean
worker_open_replica (Worker  *worker,
                     GError **error)
{
  g_clear_object (&worker->client);
  g_clear_object (&worker->replica);

  worker->replica = tarmac_sync_replica_new (worker->store, error);
  if (worker->replica == NULL)
    return FALSE;

  worker->client = tarmac_sync_client_new (worker->replica);
  return TRUE;
}

static void
run_job (TarmacSyncService *self,
         Worker            *worker,
         GTask             *task)
{
  Job *job = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  if (worker->replica == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED,
                               _("The database cannot be opened for sharing"));
      return;
    }

  switch (job->kind)
    {
    case JOB_SAVE_NOTE:
      {
        TarmacNoteDraft draft = {
          .kind = job->note_kind,
          .priority = job->priority,
          .recipients = (const char * const *) job->recipients,
          .author = job->author,
          .text = job->text,
          .subject_type = job->subject_type,
          .subject_ref = job->subject_ref,
          .reply_to = job->reply_to,
        };
        TarmacNote *note = tarmac_sync_replica_save_note (worker->replica, &draft, &error);

        if (note == NULL)
          g_task_return_error (task, g_steal_pointer (&error));
        else
          g_task_return_pointer (task, note, g_object_unref);
        break;
      }

    case JOB_ENROL:
      /* Only a stop interrupts an enrolment: a note saved meanwhile waits for it. */
      tarmac_sync_client_set_cancellable (worker->client, self->stop_cancellable);
      if (tarmac_sync_client_enrol (worker->client, job->hub_url, job->code, job->fingerprint,
                                    &error))
        g_task_return_boolean (task, TRUE);
      else
        g_task_return_error (task, g_steal_pointer (&error));
      break;

    case JOB_LEAVE:
      if (tarmac_sync_replica_forget_identity (worker->replica, &error)
          && worker_open_replica (worker, &error))
        g_task_return_boolean (task, TRUE);
      else
        g_task_return_error (task, g_steal_pointer (&error));
      break;

    case JOB_MARK_READ:
      {
        gboolean ok = TRUE;

        for (gsize i = 0; ok && job->uuids[i] != NULL; i++)
          ok = tarmac_sync_replica_mark_read (worker->replica, job->uuids[i], self->actor, &error);

        if (ok)
          g_task_return_boolean (task, TRUE);
        else
          g_task_return_error (task, g_steal_pointer (&error));
        break;
      }

    case JOB_LIST_RECEIPTS:
      {
        g_autoptr(GHashTable) receipts = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                                g_free, g_object_unref);

        for (gsize i = 0; job->uuids[i] != NULL; i++)
          {
            GListModel *list = tarmac_sync_replica_list_receipts (worker->replica, job->uuids[i],
                                                                  &error);

            if (list == NULL)
              break;
            g_hash_table_insert (receipts, g_strdup (job->uuids[i]), list);
          }

        if (error != NULL)
          g_task_return_error (task, g_steal_pointer (&error));
        else
          g_task_return_pointer (task, g_steal_pointer (&receipts),
                                 (GDestroyNotify) g_hash_table_unref);
        /* Reading changes nothing: no state to post. */
        return;
      }

    case JOB_LIST_DESKS:
      {
        g_autoptr(GListModel) desks = NULL;
        g_autoptr(GError) waiting = NULL;

        /* A fresh roster (a desk may have enrolled since); a desk that waits learns
         * here too that it was approved. Waiting is not a failure of the listing. */
        tarmac_sync_client_set_cancellable (worker->client, self->stop_cancellable);
        if (!tarmac_sync_client_refresh_desks (worker->client, &waiting)
            && !g_error_matches (waiting, TARMAC_SYNC_ERROR, TARMAC_SYNC_ERROR_AWAITING_KEY))
          {
            g_task_return_error (task, g_steal_pointer (&waiting));
            break;
          }
        desks = tarmac_sync_replica_list_desks (worker->replica, &error);
        if (desks == NULL)
          g_task_return_error (task, g_steal_pointer (&error));
        else
          g_task_return_pointer (task, g_steal_pointer (&desks), g_object_unref);
        break;
      }

    case JOB_ROTATE:
      {
        guint *counts = g_new0 (guint, 2);

        tarmac_sync_client_set_cancellable (worker->client, self->stop_cancellable);
        if (tarmac_sync_client_rotate_site_key (worker->client, &counts[0], &counts[1], &error))
          g_task_return_pointer (task, counts, g_free);
        else
          {
            g_free (counts);
            g_task_return_error (task, g_steal_pointer (&error));
          }
        break;
      }

    case JOB_APPROVE:
      tarmac_sync_client_set_cancellable (worker->client, self->stop_cancellable);
      if (tarmac_sync_client_approve (worker->client, job->device_id, job->code, &error))
        g_task_return_boolean (task, TRUE);
      else
        g_task_return_error (task, g_steal_pointer (&error));
      break;

    case JOB_LIST_KEY_CHANGES:
      {
        GListModel *changes = tarmac_sync_replica_list_key_changes (worker->replica, &error);

        if (changes == NULL)
          g_task_return_error (task, g_steal_pointer (&error));
        else
          g_task_return_pointer (task, changes, g_object_unref);
        return;
      }

    case JOB_TRUST_KEY:
      if (tarmac_sync_replica_trust_key (worker->replica, job->device_id, job->code, &error))
        {
          g_task_return_boolean (task, TRUE);
          /* The notes held back go now, not at the next round. */
          g_mutex_lock (&self->mutex);
          self->wake = TRUE;
          g_mutex_unlock (&self->mutex);
        }
      else
        g_task_return_error (task, g_steal_pointer (&error));
      break;

    default:
      g_assert_not_reached ();
    }

  /* The roster, the site and the pending count may have changed. */
  {
    Snapshot *snapshot = snapshot_new (self);

    fill_identity (worker, snapshot);
    snapshot->pending = tarmac_sync_replica_count_pending (worker->replica, NULL);
    snapshot->unread = tarmac_sync_replica_count_unread (worker->replica, NULL);
    post (self, snapshot);
  }
}

/* Runs the queued jobs; FALSE when the service stops. */
static gboolean
run_jobs (TarmacSyncService *self,
          Worker            *worker)
{
  for (;;)
    {
      g_autoptr(GTask) task = NULL;

      g_mutex_lock (&self->mutex);
      if (!self->stopping)
        task = g_queue_pop_head (&self->jobs);
      g_mutex_unlock (&self->mutex);

      if (task == NULL)
        break;

      run_job (self, worker, task);
    }

  {
    gboolean stopping;

    g_mutex_lock (&self->mutex);
    stopping = self->stopping;
    g_mutex_unlock (&self->mutex);
    return !stopping;
  }
}

/* Waits until a job arrives, sync_now() is called, the service stops or @timeout_ms
 * passes (-1: no timeout). */
static void
wait_for_event (TarmacSyncService *self,
                gint64             timeout_ms)
{
  gint64 end = timeout_ms >= 0 ? g_get_monotonic_time () + timeout_ms * G_TIME_SPAN_MILLISECOND : -1;

  g_mutex_lock (&self->mutex);
  while (!self->stopping && !self->wake && g_queue_is_empty (&self->jobs))
    {
      if (end < 0)
        g_cond_wait (&self->cond, &self->mutex);
      else if (!g_cond_wait_until (&self->cond, &self->mutex, end))
        break;
    }
  self->wake = FALSE;
  g_mutex_unlock (&self->mutex);
}

/* Makes @cancellable the one a job or stop() cancels (and sync_now() too when @wait),
 * unless one is already waiting: then FALSE, and nothing to do but run it. */
static gboolean
begin_interruptible (TarmacSyncService *self,
                     Worker            *worker,
                     GCancellable      *cancellable,
                     gboolean           wait)
{
  gboolean go;

  g_mutex_lock (&self->mutex);
  go = !self->stopping && g_queue_is_empty (&self->jobs) && !(wait && self->wake);
  if (go)
    {
      g_set_object (&self->interrupt, cancellable);
      self->in_wait = wait;
    }
  if (wait)
    self->wake = FALSE;
  g_mutex_unlock (&self->mutex);

  if (go)
    tarmac_sync_client_set_cancellable (worker->client, cancellable);
  return go;
}

static void
end_interruptible (TarmacSyncService *self,
                   Worker            *worker)
{
  g_mutex_lock (&self->mutex);
  g_clear_object (&self->interrupt);
  self->in_wait = FALSE;
  g_mutex_unlock (&self->mutex);

  tarmac_sync_client_set_cancellable (worker->client, self->stop_cancellable);
}

/* A long-poll that a job, sync_now() or stop() interrupts. */
static gboolean
long_poll (TarmacSyncService  *self,
           Worker             *worker,
           guint               seconds,
           gboolean           *more,
           GError            **error)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  gboolean ok;

  *more = FALSE;
  if (!begin_interruptible (self, worker, cancellable, TRUE))
    return TRUE;

  ok = tarmac_sync_client_wait (worker->client, seconds, more, error);
  end_interruptible (self, worker);

  if (!ok && g_cancellable_is_cancelled (cancellable))
    {
      g_clear_error (error);
      return TRUE;
    }

  return ok;
}

/* A round that a job or stop() interrupts: the note the officer saves goes before the
 * hub's answer, however slow. Everything a round writes is one transaction and every
 * request can be repeated, so an interrupted round loses nothing: the next one redoes
 * what was cut. Sets @interrupted when that happened. */
static gboolean
sync_round (TarmacSyncService  *self,
            Worker             *worker,
            gboolean           *interrupted,
            GError            **error)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  gboolean ok;

  *interrupted = FALSE;
  if (!begin_interruptible (self, worker, cancellable, FALSE))
    {
      *interrupted = TRUE;
      return FALSE;
    }

  ok = tarmac_sync_client_sync (worker->client, NULL, error);
  end_interruptible (self, worker);

  if (!ok && g_cancellable_is_cancelled (cancellable))
    {
      g_clear_error (error);
      *interrupted = TRUE;
    }

  return ok;
}

static gboolean
is_network_error (const GError *error)
{
  return error->domain == G_IO_ERROR
         || error->domain == G_RESOLVER_ERROR
         || error->domain == G_TLS_ERROR
         || error->domain == SOUP_SESSION_ERROR;
}

/* Refusals that waiting does not change: the device was revoked, the hub does not know
 * it, or this database is a restored copy. */
static gboolean
is_final_error (const GError *error)
{
  return error->domain == TARMAC_SYNC_ERROR
         && (error->code == TARMAC_SYNC_ERROR_REVOKED
             || error->code == TARMAC_SYNC_ERROR_UNKNOWN_DEVICE
             || error->code == TARMAC_SYNC_ERROR_SEQ_REUSE);
}

static char *
describe_failure (const GError *error)
{
  if (is_network_error (error))
    /* Translators: %s says why, for example "Could not connect: Connection refused" */
    return g_strdup_printf (_("The hub cannot be reached: %s"), error->message);

  return g_strdup (error->message);
}

static void
record_sync_time (Worker *worker)
{
  g_autofree char *now = g_strdup_printf ("%" G_GINT64_FORMAT, g_get_real_time () / 1000);

  tarmac_sync_replica_set_setting (worker->replica, "last_sync_ms", now, NULL);
}

static gpointer
worker_main (gpointer data)
{
  TarmacSyncService *self = data;
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(GError) error = NULL;
  Worker worker = { 0 };
  guint failures = 0;
  gboolean online = FALSE;

  /* libsoup's synchronous calls iterate the thread-default context. */
  g_main_context_push_thread_default (context);

  worker.store = tarmac_store_open (self->path, &error);
  if (worker.store != NULL)
    {
      tarmac_store_set_actor (worker.store, self->actor);
      worker_open_replica (&worker, &error);
    }

  if (worker.replica == NULL)
    {
      g_autofree char *reason = g_strdup_printf (_("Sharing is not available: %s"), error->message);

      g_clear_error (&error);
      post_state (self, &worker, TARMAC_SYNC_STATE_ERROR, reason, 0);
    }
  else
    {
      Snapshot *snapshot = snapshot_new (self);

      fill_identity (&worker, snapshot);
      post (self, snapshot);
      /* What is already here was seen (or not) before this start: not "new". */
      worker.last_note_id = query_int (worker.store, "SELECT coalesce (max (id), 0) FROM note");
    }

  for (;;)
    {
      gboolean ok, interrupted = FALSE;

      if (!run_jobs (self, &worker))
        break;

      if (worker.replica == NULL || !tarmac_sync_replica_is_enrolled (worker.replica))
        {
          if (worker.replica != NULL)
            post_state (self, &worker, TARMAC_SYNC_STATE_NOT_ENROLLED, NULL, 0);
          online = FALSE;
          failures = 0;
          wait_for_event (self, -1);
          continue;
        }

      /* Not "connecting" between two rounds that went through: the header bar would
       * flicker at every note saved. */
      if (failures == 0 && !online)
        post_state (self, &worker, TARMAC_SYNC_STATE_CONNECTING, NULL, 0);

      ok = sync_round (self, &worker, &interrupted, &error);
      if (interrupted)
        continue;
      if (ok)
        {
          record_sync_time (&worker);
          failures = 0;
          online = TRUE;
          post_state (self, &worker, TARMAC_SYNC_STATE_ONLINE, NULL, 0);
          /* The roster may have grown (an airport enrolled): the compose window's list. */
          {
            Snapshot *snapshot = snapshot_new (self);

            fill_identity (&worker, snapshot);
            post (self, snapshot);
          }
          post_arrivals (self, &worker);

          /* What arrived is shown at once; the round that sends its acknowledgements
           * of delivery waits for a second without news (five at most), so a burst of
           * notes is acknowledged in one request, not one per note. A note written
           * here, Sync Now or a stop ends the wait at once. */
          {
            gboolean more = FALSE;

            ok = long_poll (self, &worker, WAIT_SECONDS, &more, &error);
            post_arrivals (self, &worker);
            for (guint i = 0; ok && more && i < ACK_QUIET_WAITS; i++)
              {
                ok = long_poll (self, &worker, 1, &more, &error);
                post_arrivals (self, &worker);
              }
          }
          if (ok)
            continue;
        }

      if (g_cancellable_is_cancelled (self->stop_cancellable))
        break;

      {
        g_autofree char *reason = describe_failure (error);
        TarmacSyncState state = is_network_error (error) ? TARMAC_SYNC_STATE_OFFLINE
                                                         : TARMAC_SYNC_STATE_ERROR;

        gboolean final = is_final_error (error);
        /* A desk waiting for its airport's key asks again every half-minute at most: the
         * approval comes from a colleague at the next desk, and should show soon. */
        guint most = g_error_matches (error, TARMAC_SYNC_ERROR, TARMAC_SYNC_ERROR_AWAITING_KEY) ? 6 : 64;

        g_debug ("Round failed (%u in a row): %s", failures + 1, error->message);
        g_clear_error (&error);
        failures = MIN (failures + 1, most);
        online = FALSE;
        post_state (self, &worker, state, reason, failures);
        /* Knocking again would change nothing: only Sync Now, a job or a stop. */
        wait_for_event (self, final ? -1 : (gint64) tarmac_sync_backoff_ms (failures, randombytes_random ()));
      }
    }

  worker_close (&worker);
  g_main_context_pop_thread_default (context);
  return NULL;
}

/* GObject */

static void
on_network_changed_cb (TarmacSyncService *self,
                       gboolean           available,
                       GNetworkMonitor   *monitor)
{
  /* A link that comes back is worth a try now, not at the end of the backoff. */
  if (available && self->state != TARMAC_SYNC_STATE_ONLINE)
    tarmac_sync_service_sync_now (self);
}

static void
tarmac_sync_service_dispose (GObject *object)
{
  TarmacSyncService *self = (TarmacSyncService *)object;

  tarmac_sync_service_stop (self);
  if (self->monitor != NULL)
    g_signal_handlers_disconnect_by_data (self->monitor, self);
  g_clear_object (&self->monitor);

  G_OBJECT_CLASS (tarmac_sync_service_parent_class)->dispose (object);
}

static void
tarmac_sync_service_finalize (GObject *object)
{
  TarmacSyncService *self = (TarmacSyncService *)object;

  g_assert (g_queue_is_empty (&self->jobs));
  g_mutex_clear (&self->mutex);
  g_cond_clear (&self->cond);
  g_clear_object (&self->stop_cancellable);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->actor, g_free);
  g_clear_pointer (&self->reason, g_free);
  g_clear_pointer (&self->last_sync, g_date_time_unref);
  g_clear_pointer (&self->site, g_free);
  g_clear_pointer (&self->device_id, g_free);
  g_clear_pointer (&self->site_key_code, g_free);
  g_clear_pointer (&self->hub_url, g_free);
  g_clear_pointer (&self->site_codes, g_strfreev);
  g_clear_pointer (&self->site_names, g_strfreev);

  G_OBJECT_CLASS (tarmac_sync_service_parent_class)->finalize (object);
}

static void
tarmac_sync_service_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  TarmacSyncService *self = TARMAC_SYNC_SERVICE (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;

    case PROP_REASON:
      g_value_set_string (value, self->reason);
      break;

    case PROP_PENDING:
      g_value_set_uint (value, self->pending);
      break;

    case PROP_UNREAD:
      g_value_set_uint (value, self->unread);
      break;

    case PROP_LAST_SYNC:
      g_value_set_boxed (value, self->last_sync);
      break;

    case PROP_FAILURES:
      g_value_set_uint (value, self->failures);
      break;

    case PROP_NOTIFIED:
      g_value_set_uint (value, self->notified);
      break;

    case PROP_ENROLLED:
      g_value_set_boolean (value, tarmac_sync_service_get_enrolled (self));
      break;

    case PROP_SITE:
      g_value_set_string (value, self->site);
      break;

    case PROP_DEVICE_ID:
      g_value_set_string (value, self->device_id);
      break;

    case PROP_HUB_URL:
      g_value_set_string (value, self->hub_url);
      break;

    case PROP_SITE_KEY_CODE:
      g_value_set_string (value, self->site_key_code);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tarmac_sync_service_class_init (TarmacSyncServiceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = tarmac_sync_service_dispose;
  object_class->finalize = tarmac_sync_service_finalize;
  object_class->get_property = tarmac_sync_service_get_property;

  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL,
                       TARMAC_TYPE_SYNC_STATE, TARMAC_SYNC_STATE_NOT_ENROLLED,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * TarmacSyncService:reason:
   *
   * Why the state is offline or error, translated, or %NULL.
   */
  properties[PROP_REASON] =
    g_param_spec_string ("reason", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * TarmacSyncService:pending:
   *
   * Versions written here and not yet taken by the hub.
   */
  properties[PROP_PENDING] =
    g_param_spec_uint ("pending", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * TarmacSyncService:unread:
   *
   * Notes from other airports that nobody here has read yet.
   */
  properties[PROP_UNREAD] =
    g_param_spec_uint ("unread", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * TarmacSyncService:last-sync:
   *
   * When a round last went through, in local time (kept in the database across starts),
   * or %NULL.
   */
  properties[PROP_LAST_SYNC] =
    g_param_spec_boxed ("last-sync", NULL, NULL, G_TYPE_DATE_TIME,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_FAILURES] =
    g_param_spec_uint ("failures", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * TarmacSyncService:notified:
   *
   * How many pulls the hub's notification socket started (its news of a note for this
   * airport), since the start.
   */
  properties[PROP_NOTIFIED] =
    g_param_spec_uint ("notified", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_ENROLLED] =
    g_param_spec_boolean ("enrolled", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SITE] =
    g_param_spec_string ("site", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_DEVICE_ID] =
    g_param_spec_string ("device-id", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_HUB_URL] =
    g_param_spec_string ("hub-url", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* The code of this airport's key, which an officer reads out to another airport that
   * saw it change without proof (tarmac-sync-pins.c); NULL while the desk waits for it. */
  properties[PROP_SITE_KEY_CODE] =
    g_param_spec_string ("site-key-code", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TarmacSyncService::notes-arrived:
   * @n_notes: how many notes from other airports came in
   * @priority: the highest priority among them (a #TarmacNotePriority)
   * @uuid: the newest note with that priority
   * @origin_site: the airport that note came from
   */
  signals[NOTES_ARRIVED] =
    g_signal_new ("notes-arrived",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 4, G_TYPE_UINT, TARMAC_TYPE_NOTE_PRIORITY, G_TYPE_STRING,
                  G_TYPE_STRING);

  /**
   * TarmacSyncService::sites-changed:
   *
   * The roster's airports (tarmac_sync_service_dup_sites()) may have changed.
   */
  signals[SITES_CHANGED] =
    g_signal_new ("sites-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
tarmac_sync_service_init (TarmacSyncService *self)
{
  g_mutex_init (&self->mutex);
  g_cond_init (&self->cond);
  g_queue_init (&self->jobs);
  self->stop_cancellable = g_cancellable_new ();
  self->context = g_main_context_ref_thread_default ();
}

/**
 * tarmac_sync_service_new:
 * @path: the database file (the worker opens a connection of its own to it)
 * @actor: who the audit rows name
 *
 * Returns: (transfer full): a service, not started
 */
TarmacSyncService *
tarmac_sync_service_new (const char *path,
                         const char *actor)
{
  TarmacSyncService *self;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (TARMAC_TYPE_SYNC_SERVICE, NULL);
  self->path = g_strdup (path);
  self->actor = g_strdup (actor);
  return self;
}

/**
 * tarmac_sync_service_start:
 *
 * Starts the worker thread: it opens the database, syncs if this workstation is enrolled,
 * and keeps going until tarmac_sync_service_stop().
 */
void
tarmac_sync_service_start (TarmacSyncService *self)
{
  g_return_if_fail (TARMAC_IS_SYNC_SERVICE (self));

  if (self->thread != NULL || self->stopping)
    return;

  self->state = TARMAC_SYNC_STATE_CONNECTING;
  self->thread = g_thread_new ("tarmac-sync", worker_main, self);

  self->monitor = g_object_ref (g_network_monitor_get_default ());
  g_signal_connect_swapped (self->monitor, "network-changed",
                            G_CALLBACK (on_network_changed_cb), self);
}

/**
 * tarmac_sync_service_stop:
 *
 * Cancels the request in progress and waits for the worker to finish what it was
 * writing (a transaction, at most). Jobs not yet run fail with %G_IO_ERROR_CANCELLED.
 * Safe to call twice.
 */
void
tarmac_sync_service_stop (TarmacSyncService *self)
{
  GTask *task;

  g_return_if_fail (TARMAC_IS_SYNC_SERVICE (self));

  g_mutex_lock (&self->mutex);
  self->stopping = TRUE;
  g_cancellable_cancel (self->stop_cancellable);
  if (self->interrupt != NULL)
    g_cancellable_cancel (self->interrupt);
  g_cond_broadcast (&self->cond);
  g_mutex_unlock (&self->mutex);

  if (self->thread != NULL)
    g_thread_join (g_steal_pointer (&self->thread));

  while ((task = g_queue_pop_head (&self->jobs)) != NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                               _("Tarmac is closing"));
      g_object_unref (task);
    }
}

/**
 * tarmac_sync_service_sync_now:
 *
 * Ends the wait (a long-poll or a backoff) and starts a round at once.
 */
void
tarmac_sync_service_sync_now (TarmacSyncService *self)
{
  g_return_if_fail (TARMAC_IS_SYNC_SERVICE (self));

  g_mutex_lock (&self->mutex);
  self->wake = TRUE;
  if (self->interrupt != NULL && self->in_wait)
    g_cancellable_cancel (self->interrupt);
  g_cond_broadcast (&self->cond);
  g_mutex_unlock (&self->mutex);
}

TarmacSyncState
tarmac_sync_service_get_state (TarmacSyncService *self)
{
  g_return_val_if_fail (TARMAC_IS_SYNC_SERVICE (self), TARMAC_SYNC_STATE_NOT_ENROLLED);

  return self->state;
}

const char *
tarmac_sync_service_get_reason (TarmacSyncService *self)
{
  g_return_val_if_fail (TARMAC_IS_SYNC_SERVICE (self), NULL);

  return self->reason;
}

guint
tarmac_sync_service_get_pending (TarmacSyncService *self)
{
  g_return_val_if_fail (TARMAC_IS_SYNC_SERVICE (self), 0);

  return self->pending;
}

guint
tarmac_sync_service_get_unread (TarmacSyncService *self)
{
  g_return_val_if_fail (TARMAC_IS_SYNC_SERVICE (self), 0);

  return self->unread;
}

/* (transfer none) (nullable) */
GDateTime *
tarmac_sync_service_get_last_sync (TarmacSyncService *self)
{
  g_return_val_if_fail (TARMAC_IS_SYNC_SERVICE (self), NULL);

  return self->last_sync;
}

/* Pulls the hub's notification socket started. */
guint
tarmac_sync_service_get_notified (TarmacSyncService *self)
{
  g_return_val_if_fail (TARMAC_IS_SYNC_SERVICE (self), 0);

  return self->notified;
}

/* Failed rounds in a row, 0 once one goes through. */
guint
tarmac_sync_service_get_failures (TarmacSyncService *self)
{
  g_return_val_if_fail (TARMAC_IS_SYNC_SERVICE (self), 0);

  return self->failures;
}

gboolean
tarmac_sync_service_get_enrolled (TarmacSyncService *self)
{
  g_return_val_if_fail (TARMAC_IS_SYNC_SERVICE (self), FALSE);

  return self->site != NULL;
}

const char *
tarmac_sync_service_get_site (TarmacSyncService *self)
{
  g_return_val_if_fail (TARMAC_IS_SYNC_SERVICE (self), NULL);

  return self->site;
}

/* (nullable): the code of this airport's key, while this desk holds it */
const char *
tarmac_sync_service_get_site_key_code (TarmacSyncService *self)
{
  g_return_val_if_fail (TARMAC_IS_SYNC_SERVICE (self), NULL);

  return self->site_key_code;
}

const char *
tarmac_sync_service_get_device_id (TarmacSyncService *self)
{
  g_return_val_if_fail (TARMAC_IS_SYNC_SERVICE (self), NULL);

  return self->device_id;
}

const char *
tarmac_sync_service_get_hub_url (TarmacSyncService *self)
{
  g_return_val_if_fail (TARMAC_IS_SYNC_SERVICE (self), NULL);

  return self->hub_url;
}

/**
 * tarmac_sync_service_dup_sites:
 * @names: (out) (optional) (transfer full): their names, in the same order
 *
 * Returns: (transfer full): the codes of the airports notes can be sent to (the roster's,
 *   this one aside), sorted
 */
GStrv
tarmac_sync_service_dup_sites (TarmacSyncService *self,
                               GStrv             *names)
{
  const char * const empty[] = { NULL };

  g_return_val_if_fail (TARMAC_IS_SYNC_SERVICE (self), NULL);

  if (names != NULL)
    *names = g_strdupv (self->site_names != NULL ? self->site_names : (GStrv) empty);

  return g_strdupv (self->site_codes != NULL ? self->site_codes : (GStrv) empty);
}

static Job *
job_new (JobKind kind)
{
  Job *job = g_new0 (Job, 1);

  job->kind = kind;
  return job;
}

/* Hands @job to the worker, in a task tagged @source_tag that reports to @callback. */
static void
queue_job (TarmacSyncService   *self,
           Job                 *job,
           gpointer             source_tag,
           GCancellable        *cancellable,
           GAsyncReadyCallback  callback,
           gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, job, job_free);

  g_mutex_lock (&self->mutex);
  if (self->stopping || self->thread == NULL)
    {
      g_mutex_unlock (&self->mutex);
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED,
                               _("Sharing is not running"));
      g_object_unref (task);
      return;
    }

  g_queue_push_tail (&self->jobs, task);
  /* Stop talking to the hub: this comes first, then a round sends what it wrote. */
  if (self->interrupt != NULL)
    g_cancellable_cancel (self->interrupt);
  g_cond_broadcast (&self->cond);
  g_mutex_unlock (&self->mutex);
}

/**
 * tarmac_sync_service_save_note_async:
 * @draft: the note (copied)
 *
 * Saves a note or an alert here (version, outbox, note and audit rows in one transaction)
 * on the worker, which sends it at once if the hub can be reached, later if not.
 */
void
tarmac_sync_service_save_note_async (TarmacSyncService     *self,
                                     const TarmacNoteDraft *draft,
                                     GCancellable          *cancellable,
                                     GAsyncReadyCallback    callback,
                                     gpointer               user_data)
{
  Job *job;

  g_return_if_fail (TARMAC_IS_SYNC_SERVICE (self));
  g_return_if_fail (draft != NULL);

  job = job_new (JOB_SAVE_NOTE);
  job->note_kind = g_strdup (draft->kind != NULL ? draft->kind : "note");
  job->priority = draft->priority;
  job->recipients = g_strdupv ((GStrv) draft->recipients);
  job->author = g_strdup (draft->author);
  job->text = g_strdup (draft->text);
  job->subject_type = g_strdup (draft->subject_type);
  job->subject_ref = g_strdup (draft->subject_ref);
  job->reply_to = g_strdup (draft->reply_to);
  queue_job (self, job, tarmac_sync_service_save_note_async, cancellable, callback, user_data);
}

/**
 * tarmac_sync_service_save_note_finish:
 *
 * Returns: (transfer full) (nullable): the note as saved
 */
TarmacNote *
tarmac_sync_service_save_note_finish (TarmacSyncService  *self,
                                      GAsyncResult       *result,
                                      GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * tarmac_sync_service_list_desks_async:
 *
 * The desks of this airport from a fresh roster (tarmac_sync_replica_list_desks()), on
 * the worker: those that wait for the airport's key come with their confirmation code.
 */
void
tarmac_sync_service_list_desks_async (TarmacSyncService   *self,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_return_if_fail (TARMAC_IS_SYNC_SERVICE (self));

  queue_job (self, job_new (JOB_LIST_DESKS), tarmac_sync_service_list_desks_async, cancellable,
             callback, user_data);
}

/**
 * tarmac_sync_service_list_desks_finish:
 *
 * Returns: (transfer full): a list of #TarmacSiteDesk
 */
GListModel *
tarmac_sync_service_list_desks_finish (TarmacSyncService  *self,
                                       GAsyncResult       *result,
                                       GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * tarmac_sync_service_approve_async:
 * @device_id: a desk of this airport that waits for the airport's key
 * @code: the code shown at that desk, as the officer read it
 *
 * Hands the airport's key to @device_id (tarmac_sync_client_approve()) on the worker.
 */
void
tarmac_sync_service_approve_async (TarmacSyncService   *self,
                                   const char          *device_id,
                                   const char          *code,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  Job *job;

  g_return_if_fail (TARMAC_IS_SYNC_SERVICE (self));
  g_return_if_fail (device_id != NULL && code != NULL);

  job = job_new (JOB_APPROVE);
  job->device_id = g_strdup (device_id);
  job->code = g_strdup (code);
  queue_job (self, job, tarmac_sync_service_approve_async, cancellable, callback, user_data);
}

gboolean
tarmac_sync_service_approve_finish (TarmacSyncService  *self,
                                    GAsyncResult       *result,
                                    GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * tarmac_sync_service_list_key_changes_async:
 *
 * The keys the roster changed without proof, waiting for an officer
 * (tarmac_sync_replica_list_key_changes()), read on the worker.
 */
void
tarmac_sync_service_list_key_changes_async (TarmacSyncService   *self,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data)
{
  g_return_if_fail (TARMAC_IS_SYNC_SERVICE (self));

  queue_job (self, job_new (JOB_LIST_KEY_CHANGES), tarmac_sync_service_list_key_changes_async,
             cancellable, callback, user_data);
}

/**
 * tarmac_sync_service_list_key_changes_finish:
 *
 * Returns: (transfer full): a list of #TarmacKeyChange
 */
GListModel *
tarmac_sync_service_list_key_changes_finish (TarmacSyncService  *self,
                                             GAsyncResult       *result,
                                             GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * tarmac_sync_service_trust_key_async:
 * @subject: an airport's code or a desk's id whose key changed without proof
 * @code: the new key's code, as the airport read it out
 *
 * Accepts the new key (tarmac_sync_replica_trust_key()) on the worker, then syncs, so
 * the notes held back from the airport go at once.
 */
void
tarmac_sync_service_trust_key_async (TarmacSyncService   *self,
                                     const char          *subject,
                                     const char          *code,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  Job *job;

  g_return_if_fail (TARMAC_IS_SYNC_SERVICE (self));
  g_return_if_fail (subject != NULL && code != NULL);

  job = job_new (JOB_TRUST_KEY);
  job->device_id = g_strdup (subject);
  job->code = g_strdup (code);
  queue_job (self, job, tarmac_sync_service_trust_key_async, cancellable, callback, user_data);
}

gboolean
tarmac_sync_service_trust_key_finish (TarmacSyncService  *self,
                                      GAsyncResult       *result,
                                      GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * tarmac_sync_service_rotate_site_key_async:
 *
 * Replaces the airport's key (tarmac_sync_client_rotate_site_key()) on the worker.
 */
void
tarmac_sync_service_rotate_site_key_async (TarmacSyncService   *self,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data)
{
  g_return_if_fail (TARMAC_IS_SYNC_SERVICE (self));

  queue_job (self, job_new (JOB_ROTATE), tarmac_sync_service_rotate_site_key_async, cancellable,
             callback, user_data);
}

/**
 * tarmac_sync_service_rotate_site_key_finish:
 * @n_sealed: (out) (optional): the desks that got the new key, this one included
 * @n_left_out: (out) (optional): the desks that must be approved again
 */
gboolean
tarmac_sync_service_rotate_site_key_finish (TarmacSyncService  *self,
                                            GAsyncResult       *result,
                                            guint              *n_sealed,
                                            guint              *n_left_out,
                                            GError            **error)
{
  g_autofree guint *counts = NULL;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  counts = g_task_propagate_pointer (G_TASK (result), error);
  if (counts == NULL)
    return FALSE;
  if (n_sealed != NULL)
    *n_sealed = counts[0];
  if (n_left_out != NULL)
    *n_left_out = counts[1];
  return TRUE;
}

/**
 * tarmac_sync_service_enrol_async:
 * @hub_url: "https://host:port"
 * @code: the one-time code
 * @fingerprint: the hub certificate's fingerprint, compared by phone
 *
 * Enrols this workstation (tarmac_sync_client_enrol()) on the worker; the first round
 * follows at once.
 */
void
tarmac_sync_service_enrol_async (TarmacSyncService   *self,
                                 const char          *hub_url,
                                 const char          *code,
                                 const char          *fingerprint,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  Job *job;

  g_return_if_fail (TARMAC_IS_SYNC_SERVICE (self));
  g_return_if_fail (hub_url != NULL && code != NULL && fingerprint != NULL);

  job = job_new (JOB_ENROL);
  job->hub_url = g_strdup (hub_url);
  job->code = g_strdup (code);
  job->fingerprint = g_strdup (fingerprint);
  queue_job (self, job, tarmac_sync_service_enrol_async, cancellable, callback, user_data);
}

gboolean
tarmac_sync_service_enrol_finish (TarmacSyncService  *self,
                                  GAsyncResult       *result,
                                  GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * tarmac_sync_service_leave_async:
 *
 * Leaves the network (tarmac_sync_replica_forget_identity()) on the worker.
 */
void
tarmac_sync_service_leave_async (TarmacSyncService   *self,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  Job *job;

  g_return_if_fail (TARMAC_IS_SYNC_SERVICE (self));

  job = job_new (JOB_LEAVE);
  queue_job (self, job, tarmac_sync_service_leave_async, cancellable, callback, user_data);
}

gboolean
tarmac_sync_service_leave_finish (TarmacSyncService  *self,
                                  GAsyncResult       *result,
                                  GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * tarmac_sync_service_mark_read_async:
 * @uuids: the notes the officer was shown
 *
 * Marks the notes read here (tarmac_sync_replica_mark_read()): the first time, an
 * acknowledgement goes back to their writers.
 */
void
tarmac_sync_service_mark_read_async (TarmacSyncService   *self,
                                     const char * const  *uuids,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  Job *job;

  g_return_if_fail (TARMAC_IS_SYNC_SERVICE (self));
  g_return_if_fail (uuids != NULL);

  job = job_new (JOB_MARK_READ);
  job->uuids = g_strdupv ((GStrv) uuids);
  queue_job (self, job, tarmac_sync_service_mark_read_async, cancellable, callback, user_data);
}

gboolean
tarmac_sync_service_mark_read_finish (TarmacSyncService  *self,
                                      GAsyncResult       *result,
                                      GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * tarmac_sync_service_list_receipts_async:
 * @uuids: notes
 *
 * Where each note stands at each of its recipients (tarmac_sync_replica_list_receipts()).
 */
void
tarmac_sync_service_list_receipts_async (TarmacSyncService   *self,
                                         const char * const  *uuids,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  Job *job;

  g_return_if_fail (TARMAC_IS_SYNC_SERVICE (self));
  g_return_if_fail (uuids != NULL);

  job = job_new (JOB_LIST_RECEIPTS);
  job->uuids = g_strdupv ((GStrv) uuids);
  queue_job (self, job, tarmac_sync_service_list_receipts_async, cancellable, callback, user_data);
}

/**
 * tarmac_sync_service_list_receipts_finish:
 *
 * Returns: (transfer full): a table from each note's uuid to a #GListModel of
 *   #TarmacNoteReceipt, or %NULL with @error set
 */
GHashTable *
tarmac_sync_service_list_receipts_finish (TarmacSyncService  *self,
                                          GAsyncResult       *result,
                                          GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
