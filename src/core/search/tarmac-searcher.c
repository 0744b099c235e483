/* tarmac-searcher.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-search"

#include "config.h"

#include "tarmac-search.h"
#include "tarmac-searcher.h"
#include "tarmac-store-private.h"

/* Searches off the main thread, for a page that searches as the officer types. The
 * worker has a connection of its own to the same file (WAL lets it read while the window
 * or an import writes), opened on first use and kept; searches run one at a time on it,
 * and a cancelled search stops inside SQLite through the progress handler. The search
 * writes its own audit row on that connection, as tarmac_store_search() always does.
 *
 * An in-memory store (tests) cannot be shared between connections: its searches run on
 * the caller's store, in the caller's thread. */

#define PROGRESS_STEPS 1000

struct _TarmacSearcher
{
  GObject      parent_instance;

  /* Owned */
  TarmacStore *main_store;     /* only for an in-memory database */
  char        *path;
  char        *actor;

  /* Owned, used by the worker under the lock */
  GMutex       lock;
  TarmacStore *reader;
};

G_DEFINE_FINAL_TYPE (TarmacSearcher, tarmac_searcher, G_TYPE_OBJECT)

typedef struct
{
  char  *query;
  guint  limit;
} SearchData;

static void
search_data_free (gpointer data)
{
  SearchData *search = data;

  g_free (search->query);
  g_free (search);
}

static int
progress_cb (void *user_data)
{
  return g_cancellable_is_cancelled (user_data) ? 1 : 0;
}

static void
search_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  TarmacSearcher *self = source_object;
  SearchData *search = task_data;
  g_autoptr(GListModel) results = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->lock);

  /* Typing on queued a newer search: this one is not wanted any more. */
  if (g_task_return_error_if_cancelled (task))
    return;

  if (self->reader == NULL)
    {
      if (!(self->reader = tarmac_store_open (self->path, &error)))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      tarmac_store_set_actor (self->reader, self->actor);
    }

  if (cancellable != NULL)
    sqlite3_progress_handler (_tarmac_store_get_db (self->reader), PROGRESS_STEPS,
                              progress_cb, cancellable);
  results = tarmac_store_search (self->reader, search->query, search->limit, cancellable,
                                 &error);
  sqlite3_progress_handler (_tarmac_store_get_db (self->reader), 0, NULL, NULL);

  if (results == NULL)
    {
      if (g_cancellable_is_cancelled (cancellable))
        g_task_return_error_if_cancelled (task);
      else
        g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_pointer (task, g_steal_pointer (&results), g_object_unref);
}

static void
tarmac_searcher_finalize (GObject *object)
{
  TarmacSearcher *self = (TarmacSearcher *)object;

  g_clear_object (&self->reader);
  g_clear_object (&self->main_store);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->actor, g_free);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (tarmac_searcher_parent_class)->finalize (object);
}

static void
tarmac_searcher_class_init (TarmacSearcherClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tarmac_searcher_finalize;
}

static void
tarmac_searcher_init (TarmacSearcher *self)
{
  g_mutex_init (&self->lock);
}

/**
 * tarmac_searcher_new:
 * @store: the store whose database to search
 *
 * Returns: (transfer full): a searcher for @store's file, as @store's actor
 */
TarmacSearcher *
tarmac_searcher_new (TarmacStore *store)
{
  TarmacSearcher *self;

  g_return_val_if_fail (TARMAC_IS_STORE (store), NULL);

  self = g_object_new (TARMAC_TYPE_SEARCHER, NULL);
  self->path = g_strdup (tarmac_store_get_path (store));
  self->actor = g_strdup (tarmac_store_get_actor (store));
  if (g_strcmp0 (self->path, ":memory:") == 0)
    self->main_store = g_object_ref (store);

  return self;
}

/**
 * tarmac_searcher_search_async:
 * @self: a #TarmacSearcher
 * @query: what the officer typed (see tarmac_store_search())
 * @limit: the most results
 * @cancellable: (nullable): cancel it when a newer query replaces this one
 * @callback: called in the caller's main context with the results
 * @user_data: for @callback
 */
void
tarmac_searcher_search_async (TarmacSearcher      *self,
                              const char          *query,
                              guint                limit,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SearchData *search;

  g_return_if_fail (TARMAC_IS_SEARCHER (self));
  g_return_if_fail (query != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, tarmac_searcher_search_async);
  g_task_set_return_on_cancel (task, FALSE);

  if (self->main_store != NULL)
    {
      g_autoptr(GError) error = NULL;
      GListModel *results = tarmac_store_search (self->main_store, query, limit, cancellable,
                                                 &error);

      if (results != NULL)
        g_task_return_pointer (task, results, g_object_unref);
      else
        g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  search = g_new0 (SearchData, 1);
  search->query = g_strdup (query);
  search->limit = limit;
  g_task_set_task_data (task, search, search_data_free);
  g_task_run_in_thread (task, search_thread);
}

/**
 * tarmac_searcher_search_finish:
 * @self: a #TarmacSearcher
 * @result: the #GAsyncResult
 * @error: return location for a #GError; %G_IO_ERROR_CANCELLED for a cancelled search
 *
 * Returns: (transfer full): a #GListModel of #TarmacSearchResult, or %NULL with @error set
 */
GListModel *
tarmac_searcher_search_finish (TarmacSearcher  *self,
                               GAsyncResult    *result,
                               GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
