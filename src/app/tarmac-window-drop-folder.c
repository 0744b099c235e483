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
 * so a restart imports only what arrived while Tarmac was closed. */

#define FLUSH_SECONDS 2
#define MAX_PENDING   1000

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
  if (self->drop_pending->len >= MAX_PENDING || !is_candidate (file))
    return;

  for (guint i = 0; i < self->drop_pending->len; i++)
    if (g_file_equal (g_ptr_array_index (self->drop_pending, i), file))
      return;

  g_ptr_array_add (self->drop_pending, g_object_ref (file));
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

  _tarmac_window_import_files (self, (GFile **) files->pdata, files->len);

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

static void
queue_existing_files (TarmacWindow *self,
                      GFile        *folder)
{
  g_autoptr(GFileEnumerator) children = NULL;
  GFileInfo *info;
  GFile *child;

  /* The type comes with the listing, so sub-folders are skipped without more I/O. */
  children = g_file_enumerate_children (folder,
                                        G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                        G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);

  while (children != NULL &&
         g_file_enumerator_iterate (children, &info, &child, NULL, NULL) &&
         info != NULL)
    if (g_file_info_get_file_type (info) == G_FILE_TYPE_REGULAR)
      queue_file (self, child);
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
  if (self->drop_pending != NULL)
    g_ptr_array_set_size (self->drop_pending, 0);
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
}

/* Tests: the files waiting for the next flush. */
guint
_tarmac_window_get_drop_pending (TarmacWindow *self)
{
  return self->drop_pending != NULL ? self->drop_pending->len : 0;
}
