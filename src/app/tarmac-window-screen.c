/* tarmac-window-screen.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-window"

#include "config.h"

#include <glib/gi18n.h>

#include "tarmac-screener.h"
#include "tarmac-window-private.h"

/* Screening in the window: the travellers of every imported file are screened once the
 * file is committed, and everyone again when the lists changed (win.rescreen, which the
 * Watchlists page activates after a list is loaded or removed and a manual entry saved or
 * expired, and which runs when the window opens if the lists changed since the last full
 * screening, whoever changed them).
 *
 * Runs go in threads, on connections of their own (WAL: the pages keep reading theirs):
 * one of imported files and one re-screen of everyone may run at once, so a manifest
 * dropped during a long re-screen is not kept waiting behind it; work asked for meanwhile
 * waits for the next run of its kind. Both share the screener, which keeps its index
 * between runs; their writes are short transactions that check what is there, so they
 * never raise a hit twice. When a run added hits, a toast says so and the page on show
 * reads the database again: the Hits page, Today's counts or an open traveller page show
 * the new hits.
 *
 * Closing the window cancels a full re-screen (the next start runs it again: the lists'
 * generation has not been noted), but lets the screening of imported files finish, holding
 * the application meanwhile: those travellers would otherwise wait for the next list
 * change. A ":memory:" database, which another connection cannot see, is screened on the
 * window's own connection, synchronously. */

typedef struct
{
  TarmacScreener *screener;
  char           *db_path;
  char           *actor;
  GArray         *file_ids;    /* gint64 source_file ids to screen */
  gboolean        rescreen;    /* everyone, if the lists changed */
  gboolean        held;        /* the application is held for the run */

  /* Results */
  GArray         *file_hits;   /* guint, one per file id */
  guint           added;
} ScreenRun;

static void
screen_run_free (ScreenRun *run)
{
  g_clear_object (&run->screener);
  g_free (run->db_path);
  g_free (run->actor);
  g_clear_pointer (&run->file_ids, g_array_unref);
  g_clear_pointer (&run->file_hits, g_array_unref);
  g_free (run);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScreenRun, screen_run_free)

static gboolean
run_screening (ScreenRun     *run,
               TarmacStore   *store,
               GCancellable  *cancellable,
               GError       **error)
{
  for (guint i = 0; i < run->file_ids->len; i++)
    {
      TarmacScreenScope scope = { TARMAC_SCREEN_SOURCE_FILE,
                                  g_array_index (run->file_ids, gint64, i), NULL, NULL, NULL };
      g_auto(TarmacScreenReport) report = { 0, };

      /* Not cancellable: see the top of the file. */
      if (!tarmac_screener_screen (run->screener, store, &scope, &report, NULL, error))
        return FALSE;
      g_array_index (run->file_hits, guint, i) = report.added;
      run->added += report.added;
    }

  if (run->rescreen)
    {
      g_auto(TarmacScreenReport) report = { 0, };

      if (!tarmac_screener_rescreen (run->screener, store, &report, cancellable, error))
        return FALSE;
      run->added += report.added;
      if (report.travellers > 0)
        g_debug ("Re-screened %u travellers against %u entries: %u hits added, %u updated",
                 report.travellers, report.index_entries, report.added, report.updated);
    }
  return TRUE;
}

static void
screen_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ScreenRun *run = task_data;
  g_autoptr(TarmacStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = tarmac_store_open (run->db_path, &error);
  if (store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  tarmac_store_set_actor (store, run->actor);

  if (!run_screening (run, store, cancellable, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void start_screening (TarmacWindow *self);

/* The hits each file got, in the import report's Details. */
static void
note_file_hits (TarmacWindow    *self,
                const ScreenRun *run)
{
  for (guint i = 0; self->import_reports != NULL && i < self->import_reports->len; i++)
    {
      TarmacImportReport *report = g_ptr_array_index (self->import_reports, i);

      for (guint j = 0; j < run->file_ids->len; j++)
        if (report->source_file_id == g_array_index (run->file_ids, gint64, j))
          report->n_hits = g_array_index (run->file_hits, guint, j);
    }
}

static void
show_hits_toast (TarmacWindow *self,
                 guint         added)
{
  g_autofree char *title = NULL;
  AdwToast *toast;

  /* Translators: after screening the travellers of imported files or after a list
   * changed; the button opens the Hits page */
  title = g_strdup_printf (ngettext ("%u new hit", "%u new hits", added), added);
  toast = adw_toast_new (title);
  adw_toast_set_timeout (toast, 10);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_button_label (toast, _("_Review"));
  adw_toast_set_action_name (toast, "win.show-page");
  adw_toast_set_action_target (toast, "s", "hits");
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
finish_run (TarmacWindow *self,
            ScreenRun    *run,
            GError       *error)
{
  if (run->rescreen)
    self->screening_all = FALSE;
  else
    self->screening_files = FALSE;

  if (error != NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_autofree char *title = NULL;

          g_message ("Screening failed: %s", error->message);
          /* Translators: %s says why screening the travellers failed */
          title = g_strdup_printf (_("Travellers could not be screened: %s"), error->message);
          adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
        }
    }
  else
    {
      note_file_hits (self, run);
      self->screen_hits_added += run->added;
      if (run->added > 0)
        {
          show_hits_toast (self, run->added);
          _tarmac_window_reload_visible_page (self);
        }
    }

  if (self->screen_file_ids->len > 0 || self->screen_rescreen)
    start_screening (self);
}

static void
on_screen_done_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(TarmacWindow) self = user_data;
  ScreenRun *run = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  g_task_propagate_boolean (G_TASK (result), &error);
  if (run->held && g_application_get_default () != NULL)
    g_application_release (g_application_get_default ());

  /* The window was closed meanwhile: nothing to show. */
  if (self->screen_cancellable == NULL)
    return;

  finish_run (self, run, error);
}

/* A run of the imported files waiting (@rescreen FALSE) or of everyone (TRUE). */
static void
start_run (TarmacWindow *self,
           gboolean      rescreen)
{
  g_autoptr(ScreenRun) run = NULL;
  g_autoptr(GError) error = NULL;
  const char *path;

  run = g_new0 (ScreenRun, 1);
  run->screener = g_object_ref (self->screener);
  if (rescreen)
    {
      run->file_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      run->rescreen = TRUE;
      self->screen_rescreen = FALSE;
      self->screening_all = TRUE;
    }
  else
    {
      run->file_ids = g_steal_pointer (&self->screen_file_ids);
      self->screen_file_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      self->screening_files = TRUE;
    }
  run->file_hits = g_array_new (FALSE, TRUE, sizeof (guint));
  g_array_set_size (run->file_hits, run->file_ids->len);

  path = tarmac_store_get_path (self->store);
  if (g_strcmp0 (path, ":memory:") == 0)
    {
      run_screening (run, self->store, self->screen_cancellable, &error);
      finish_run (self, run, error);
      return;
    }

  run->db_path = g_strdup (path);
  run->actor = g_strdup (tarmac_store_get_actor (self->store));
  /* Imported travellers are screened even if the window closes: see the top. */
  if (run->file_ids->len > 0 && g_application_get_default () != NULL)
    {
      g_application_hold (g_application_get_default ());
      run->held = TRUE;
    }

  {
    /* The window is not the task's source object: the task may be finalized in the
     * worker thread, and a GTK widget must not go with it there (a window closed during
     * the run). The callback holds it, and lets it go on the main thread. */
    g_autoptr(GTask) task = g_task_new (NULL, self->screen_cancellable, on_screen_done_cb,
                                        g_object_ref (self));

    g_task_set_source_tag (task, start_run);
    /* A run cancelled half-way has written nothing, but its result is still wanted: the
     * application it holds is released in the callback. */
    g_task_set_check_cancellable (task, FALSE);
    g_task_set_task_data (task, g_steal_pointer (&run), (GDestroyNotify) screen_run_free);
    g_task_run_in_thread (task, screen_thread);
  }
}

static void
start_screening (TarmacWindow *self)
{
  if (self->store == NULL || self->screener == NULL)
    return;

  if (!self->screening_files && self->screen_file_ids->len > 0)
    start_run (self, FALSE);
  if (!self->screening_all && self->screen_rescreen)
    start_run (self, TRUE);
}

/**
 * _tarmac_window_screen_imported:
 * @self: a window
 * @reports: (element-type TarmacImportReport): the reports of an import that finished
 *
 * Screens the travellers of the files @reports say were imported.
 */
void
_tarmac_window_screen_imported (TarmacWindow *self,
                                GPtrArray    *reports)
{
  g_return_if_fail (TARMAC_IS_WINDOW (self));

  if (self->screener == NULL)
    return;

  for (guint i = 0; i < reports->len; i++)
    {
      const TarmacImportReport *report = g_ptr_array_index (reports, i);

      if (report->result == TARMAC_IMPORT_RESULT_IMPORTED && report->source_file_id > 0)
        g_array_append_val (self->screen_file_ids, report->source_file_id);
    }
  start_screening (self);
}

static void
rescreen_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  TarmacWindow *self = TARMAC_WINDOW (widget);

  if (self->screener == NULL)
    return;
  self->screen_rescreen = TRUE;
  start_screening (self);
}

/* Tests: whether a run is under way, and how many hits the runs so far added. */
gboolean
_tarmac_window_get_screening (TarmacWindow *self)
{
  g_return_val_if_fail (TARMAC_IS_WINDOW (self), FALSE);

  return self->screening_files || self->screening_all || self->screen_rescreen ||
         (self->screen_file_ids != NULL && self->screen_file_ids->len > 0);
}

guint
_tarmac_window_get_screen_hits_added (TarmacWindow *self)
{
  g_return_val_if_fail (TARMAC_IS_WINDOW (self), 0);

  return self->screen_hits_added;
}

void
_tarmac_window_class_init_screening (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.rescreen", NULL, rescreen_action);
}

/* Called once the window has its store: catches up with list changes made while it was
 * closed (a list loaded by tarmac-cli, a re-screen cut short), and with files imported
 * but never screened (a crash between the two commits). */
void
_tarmac_window_init_screening (TarmacWindow *self)
{
  g_autoptr(GArray) unscreened = NULL;
  g_autoptr(GError) error = NULL;

  self->screen_file_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  if (self->store == NULL)
    return;

  self->screener = tarmac_screener_new ();
  self->screen_cancellable = g_cancellable_new ();

  /* Files whose screening never committed (Tarmac stopped in between): screened now. */
  unscreened = tarmac_screener_list_unscreened (self->screener, self->store, &error);
  if (unscreened == NULL)
    g_warning ("Could not look for imported files left unscreened: %s", error->message);
  else if (unscreened->len > 0)
    g_array_append_vals (self->screen_file_ids, unscreened->data, unscreened->len);

  if (tarmac_screener_needs_rescreen (self->screener, self->store))
    self->screen_rescreen = TRUE;
  start_screening (self);
}

void
_tarmac_window_dispose_screening (TarmacWindow *self)
{
  if (self->screen_cancellable != NULL)
    g_cancellable_cancel (self->screen_cancellable);
  g_clear_object (&self->screen_cancellable);
  g_clear_object (&self->screener);
  g_clear_pointer (&self->screen_file_ids, g_array_unref);
}
