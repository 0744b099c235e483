/* tarmac-window-drop-folder.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-window"

#include "config.h"

#include "tarmac-demo.h"
#include "tarmac-window-private.h"

/* The drop folder of Preferences: manifest files that appear in it are imported through
 * the same path as Ctrl+O and drag and drop.
 *
 * A file is queued when the monitor says it is complete (CHANGES_DONE_HINT, or MOVED_IN
 * for a rename into the folder, which is how careful senders deliver), and the queue is
 * flushed every FLUSH_SECONDS while no import runs. Files already in the folder are
 * queued when watching starts: the importer recognises bytes it has seen and skips them,
 * so a restart imports only what arrived while Tarmac was closed.
 *
 * That listing is asynchronous, in batches of LIST_BATCH names at low priority, so a
 * folder of thousands of files (or one on a slow share) never holds up the window; it
 * pauses while MAX_PENDING files wait and carries on after each flush, so every file is
 * queued in the end without the queue growing past that. */

#define FLUSH_SECONDS 2
#define MAX_PENDING   1000
#define LIST_BATCH    100

/* What a listing callback needs: the window, and the cancellable of the listing it
 * belongs to, since watching may have restarted on another folder since. */
typedef struct
{
  TarmacWindow *self;
  GCancellable *cancellable;
} Listing;

static void request_next_files (TarmacWindow *self);

/* By name only: no I/O here, since this runs on the main thread for every event, and a
 * drop folder may sit on a slow network share. Whatever is not a readable regular file is
 * refused by the importer with a reason in the report. */
static gboolean
is_candidate (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);

  /* Hidden files and the temporary names of half-written files are not manifests yet. */
  return name != NULL && name[0] != '.' && !g_str_has_suffix (name, "~") &&
         !g_str_has_suffix (name, ".part") && !g_str_has_suffix (name, ".tmp") &&
         !g_str_has_suffix (name, ".crdownload");
}

static void
queue_file (TarmacWindow *self,
            GFile        *file)
{
  if (self->drop_pending->len >= MAX_PENDING || !is_candidate (file) ||
      g_hash_table_contains (self->drop_queued, file))
    return;

  g_ptr_array_add (self->drop_pending, g_object_ref (file));
  g_hash_table_add (self->drop_queued, g_object_ref (file));
}

static gboolean
flush_cb (gpointer user_data)
{
  TarmacWindow *self = user_data;
  g_autoptr(GPtrArray) files = NULL;

  if (self->drop_pending->len == 0 || _tarmac_window_get_importing (self))
    return G_SOURCE_CONTINUE;

  files = g_steal_pointer (&self->drop_pending);
  self->drop_pending = g_ptr_array_new_with_free_func (g_object_unref);
  g_hash_table_remove_all (self->drop_queued);

  _tarmac_window_import_files (self, (GFile **) files->pdata, files->len);

  if (self->drop_paused)
    {
      self->drop_paused = FALSE;
      request_next_files (self);
    }

  return G_SOURCE_CONTINUE;
}

static void
on_folder_changed_cb (GFileMonitor      *monitor,
                      GFile             *file,
                      GFile             *other_file,
                      GFileMonitorEvent  event,
                      TarmacWindow      *self)
{
  if (event == G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT)
    queue_file (self, file);
  else if (event == G_FILE_MONITOR_EVENT_MOVED_IN ||
           (event == G_FILE_MONITOR_EVENT_RENAMED && other_file != NULL))
    queue_file (self, other_file != NULL ? other_file : file);
}

static Listing *
listing_new (TarmacWindow *self)
{
  Listing *listing = g_new0 (Listing, 1);

  listing->self = g_object_ref (self);
  listing->cancellable = g_object_ref (self->drop_cancellable);
  return listing;
}

static void
listing_free (Listing *listing)
{
  g_object_unref (listing->self);
  g_object_unref (listing->cancellable);
  g_free (listing);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Listing, listing_free)

static void
finish_listing (TarmacWindow *self)
{
  if (self->drop_enumerator != NULL && !g_file_enumerator_has_pending (self->drop_enumerator))
    g_file_enumerator_close_async (self->drop_enumerator, G_PRIORITY_LOW, NULL, NULL, NULL);
  g_clear_object (&self->drop_enumerator);
  self->drop_listing = FALSE;
  self->drop_paused = FALSE;
}

static void
on_next_files_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(Listing) listing = user_data;
  g_autoptr(GError) error = NULL;
  TarmacWindow *self = listing->self;
  GList *infos;

  infos = g_file_enumerator_next_files_finish (G_FILE_ENUMERATOR (object), result, &error);
  if (g_cancellable_is_cancelled (listing->cancellable))
    {
      g_list_free_full (infos, g_object_unref);
      return;
    }
  if (error != NULL || infos == NULL)
    {
      if (error != NULL)
        g_message ("Stopped listing the drop folder: %s", error->message);
      finish_listing (self);
      return;
    }

  /* The type comes with the listing, so sub-folders are skipped without more I/O. */
  for (GList *l = infos; l != NULL; l = l->next)
    if (g_file_info_get_file_type (l->data) == G_FILE_TYPE_REGULAR)
      {
        g_autoptr(GFile) child = g_file_enumerator_get_child (self->drop_enumerator, l->data);

        queue_file (self, child);
      }
  g_list_free_full (infos, g_object_unref);

  request_next_files (self);
}

static void
request_next_files (TarmacWindow *self)
{
  if (self->drop_enumerator == NULL)
    return;

  /* A full queue waits for the next flush (flush_cb) rather than dropping names. */
  if (self->drop_pending->len >= MAX_PENDING)
    {
      self->drop_paused = TRUE;
      return;
    }

  g_file_enumerator_next_files_async (self->drop_enumerator, LIST_BATCH, G_PRIORITY_LOW,
                                      self->drop_cancellable, on_next_files_cb,
                                      listing_new (self));
}

static void
on_enumerate_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(Listing) listing = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFileEnumerator) enumerator = NULL;
  TarmacWindow *self = listing->self;

  enumerator = g_file_enumerate_children_finish (G_FILE (object), result, &error);
  if (g_cancellable_is_cancelled (listing->cancellable))
    return;
  if (enumerator == NULL)
    {
      g_message ("Cannot list the drop folder: %s", error->message);
      self->drop_listing = FALSE;
      return;
    }

  self->drop_enumerator = g_steal_pointer (&enumerator);
  request_next_files (self);
}

static void
queue_existing_files (TarmacWindow *self,
                      GFile        *folder)
{
  self->drop_cancellable = g_cancellable_new ();
  self->drop_listing = TRUE;
  g_file_enumerate_children_async (folder,
                                   G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                   G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                   G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, G_PRIORITY_LOW,
                                   self->drop_cancellable, on_enumerate_cb,
                                   listing_new (self));
}

static void
stop_watching (TarmacWindow *self)
{
  if (self->drop_monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->drop_monitor, self);
      g_file_monitor_cancel (self->drop_monitor);
      g_clear_object (&self->drop_monitor);
    }
  g_clear_handle_id (&self->drop_flush_id, g_source_remove);
  if (self->drop_cancellable != NULL)
    g_cancellable_cancel (self->drop_cancellable);
  g_clear_object (&self->drop_cancellable);
  finish_listing (self);
  if (self->drop_pending != NULL)
    g_ptr_array_set_size (self->drop_pending, 0);
  if (self->drop_queued != NULL)
    g_hash_table_remove_all (self->drop_queued);
}

static void
update_watch (TarmacWindow *self)
{
  g_autofree char *path = g_settings_get_string (self->settings, "drop-folder");
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GError) error = NULL;

  stop_watching (self);

  /* Not for the demo: it is generated data, and real files must not land in it. */
  if (!g_settings_get_boolean (self->settings, "watch-drop-folder") || *path == '\0' ||
      self->store == NULL || tarmac_store_is_demo (self->store))
    return;

  folder = g_file_new_for_path (path);
  self->drop_monitor = g_file_monitor_directory (folder, G_FILE_MONITOR_WATCH_MOVES, NULL,
                                                 &error);
  if (self->drop_monitor == NULL)
    {
      /* The folder may be on a disconnected drive; watching starts again when the
       * setting changes or Tarmac restarts. */
      g_message ("Cannot watch the drop folder %s: %s", path, error->message);
      return;
    }

  g_signal_connect (self->drop_monitor, "changed", G_CALLBACK (on_folder_changed_cb), self);
  queue_existing_files (self, folder);
  self->drop_flush_id = g_timeout_add_seconds (FLUSH_SECONDS, flush_cb, self);
}

static void
on_drop_folder_setting_changed_cb (TarmacWindow *self)
{
  update_watch (self);
}

void
_tarmac_window_init_drop_folder (TarmacWindow *self)
{
  self->drop_pending = g_ptr_array_new_with_free_func (g_object_unref);
  self->drop_queued = g_hash_table_new_full (g_file_hash, (GEqualFunc) g_file_equal,
                                             g_object_unref, NULL);

  g_signal_connect_object (self->settings, "changed::drop-folder",
                           G_CALLBACK (on_drop_folder_setting_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::watch-drop-folder",
                           G_CALLBACK (on_drop_folder_setting_changed_cb), self,
                           G_CONNECT_SWAPPED);
  update_watch (self);
}

void
_tarmac_window_dispose_drop_folder (TarmacWindow *self)
{
  stop_watching (self);
  g_clear_pointer (&self->drop_pending, g_ptr_array_unref);
  g_clear_pointer (&self->drop_queued, g_hash_table_unref);
}

/* Tests: the files waiting for the next flush. */
guint
_tarmac_window_get_drop_pending (TarmacWindow *self)
{
  return self->drop_pending != NULL ? self->drop_pending->len : 0;
}

/* Tests: whether the files already in the folder are still being listed. */
gboolean
_tarmac_window_get_drop_listing (TarmacWindow *self)
{
  return self->drop_listing;
}
