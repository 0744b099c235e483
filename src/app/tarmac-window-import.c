/* tarmac-window-import.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-window"

#include "config.h"

#include <glib/gi18n.h>

#include "tarmac-batch-import.h"
#include "tarmac-importer.h"
#include "tarmac-window-private.h"

/* Importing files into the window's database: win.import (Ctrl+O) opens a file chooser,
 * and files dropped on the window are imported the same way. Each file is imported in a
 * thread on a second connection to the same database, so the pages keep reading from
 * theirs meanwhile (WAL); a ":memory:" database, which another connection cannot see, is
 * imported synchronously on the window's own. A bar under the header shows the progress
 * and cancels; a toast sums the batch up and opens the report. */

struct _TarmacImportBatch
{
  TarmacWindow *window;          /* owned */
  GPtrArray    *files;           /* of GFile */
  GPtrArray    *mappings;        /* of TarmacSheetMapping or NULL, one per file: a
                                  * spreadsheet's mapping as the officer chose it */
  guint         next;
  GPtrArray    *reports;         /* of TarmacImportReport */
  GCancellable *cancellable;

  /* Used by the import thread only, one file at a time */
  char              *db_path;
  char              *actor;
  TarmacStore       *store;
  TarmacBatchImport *importer;   /* commits every few files (tarmac-batch-import.c) */
};

static void
import_batch_free (TarmacImportBatch *batch)
{
  /* Files imported but not committed yet (the window closed in between) are committed
   * rather than thrown away: their reports are just not shown. */
  if (batch->importer != NULL)
    {
      g_autoptr(GPtrArray) reports = tarmac_batch_import_finish (batch->importer);
    }
  g_clear_pointer (&batch->importer, tarmac_batch_import_free);
  g_clear_object (&batch->window);
  g_clear_pointer (&batch->files, g_ptr_array_unref);
  g_clear_pointer (&batch->mappings, g_ptr_array_unref);
  g_clear_pointer (&batch->reports, g_ptr_array_unref);
  g_clear_object (&batch->cancellable);
  g_clear_object (&batch->store);
  g_free (batch->db_path);
  g_free (batch->actor);
  g_free (batch);
}

static TarmacImportReport *
failed_report_new (GFile      *file,
                   const char *message)
{
  TarmacImportReport *report = g_new0 (TarmacImportReport, 1);

  report->name = g_file_get_basename (file);
  if (report->name == NULL)
    report->name = g_file_get_uri (file);
  report->result = TARMAC_IMPORT_RESULT_FAILED;
  report->warnings = g_ptr_array_new ();
  report->error_message = g_strdup (message);

  return report;
}

static void
mapping_unref (gpointer mapping)
{
  if (mapping != NULL)
    tarmac_sheet_mapping_unref (mapping);
}

/* Imports @file into @store, a spreadsheet with @mapping when there is one; returns the
 * report, which is set even on failure. */
static TarmacImportReport *
import_one (TarmacStore        *store,
            GFile              *file,
            TarmacSheetMapping *mapping,
            GCancellable       *cancellable)
{
  g_autofree char *path = g_file_get_path (file);
  TarmacImportReport *report = NULL;

  if (mapping != NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autofree char *name = g_file_get_basename (file);

      bytes = g_file_load_bytes (file, cancellable, NULL, &error);
      if (bytes == NULL)
        return failed_report_new (file, error->message);

      tarmac_import_sheet_bytes (store, name != NULL ? name : "",
                                 g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                 mapping, &report, cancellable, NULL);
    }
  else if (path != NULL)
    {
      tarmac_import_file (store, path, &report, cancellable, NULL);
    }
  else
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autofree char *name = g_file_get_basename (file);

      bytes = g_file_load_bytes (file, cancellable, NULL, &error);
      if (bytes == NULL)
        return failed_report_new (file, error->message);

      tarmac_import_bytes (store, name != NULL ? name : "", g_bytes_get_data (bytes, NULL),
                           g_bytes_get_size (bytes), &report, cancellable, NULL);
    }

  if (report == NULL)
    report = failed_report_new (file, _("The file could not be imported"));

  return report;
}

/* As import_one(), in @importer's batch: returns the reports of the files now
 * committed, often none. */
static GPtrArray *
import_one_batched (TarmacBatchImport *importer,
                    GFile             *file,
                    GCancellable      *cancellable)
{
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;
  GPtrArray *done;

  if (path != NULL)
    return tarmac_batch_import_add_file (importer, path, cancellable);

  name = g_file_get_basename (file);
  bytes = g_file_load_bytes (file, cancellable, NULL, &error);
  if (bytes == NULL)
    {
      /* The files before it are committed first, so the reports stay in order. */
      done = tarmac_batch_import_finish (importer);
      g_ptr_array_add (done, failed_report_new (file, error->message));
      return done;
    }

  return tarmac_batch_import_add_bytes (importer, name != NULL ? name : "",
                                        g_bytes_get_data (bytes, NULL),
                                        g_bytes_get_size (bytes), cancellable);
}

static void
append_count (GString    *summary,
              const char *part)
{
  if (summary->len > 0)
    /* Translators: separates the parts of "2 files imported, 1 already imported" */
    g_string_append (summary, C_("import summary", ", "));

  g_string_append (summary, part);
}

static char *
build_summary (GPtrArray *reports,
               gboolean   cancelled)
{
  g_autoptr(GString) summary = g_string_new (NULL);
  guint n_imported = 0;
  guint n_duplicate = 0;
  guint n_failed = 0;

  for (guint i = 0; i < reports->len; i++)
    {
      const TarmacImportReport *report = g_ptr_array_index (reports, i);

      if (report->result == TARMAC_IMPORT_RESULT_IMPORTED)
        n_imported++;
      else if (report->result == TARMAC_IMPORT_RESULT_DUPLICATE)
        n_duplicate++;
      else
        n_failed++;
    }

  if (n_imported > 0 || (n_duplicate == 0 && n_failed == 0))
    {
      g_autofree char *part = g_strdup_printf (ngettext ("%u file imported",
                                                         "%u files imported",
                                                         n_imported),
                                               n_imported);
      append_count (summary, part);
    }

  if (n_duplicate > 0)
    {
      g_autofree char *part = g_strdup_printf (ngettext ("%u already imported",
                                                         "%u already imported",
                                                         n_duplicate),
                                               n_duplicate);
      append_count (summary, part);
    }

  if (n_failed > 0)
    {
      g_autofree char *part = g_strdup_printf (ngettext ("%u refused",
                                                         "%u refused",
                                                         n_failed),
                                               n_failed);
      append_count (summary, part);
    }

  if (cancelled)
    /* Translators: %s is a summary such as "2 files imported" */
    return g_strdup_printf (_("Import cancelled: %s"), summary->str);

  return g_string_free (g_steal_pointer (&summary), FALSE);
}

static void
update_progress (TarmacWindow      *self,
                 TarmacImportBatch *batch)
{
  GFile *file = g_ptr_array_index (batch->files, batch->next);
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *text = NULL;

  /* Translators: %s is a file name, then "(2 of 5)" */
  text = g_strdup_printf (_("Importing %s (%u of %u)…"), name != NULL ? name : "",
                          batch->next + 1, batch->files->len);
  gtk_label_set_label (self->import_label, text);
  gtk_progress_bar_set_fraction (self->import_progress,
                                 (double) batch->next / (double) batch->files->len);
}

static void
set_importing (TarmacWindow *self,
               gboolean      importing)
{
  gtk_revealer_set_reveal_child (self->import_revealer, importing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import", !importing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-import", importing);
}

void
_tarmac_window_reload_visible_page (TarmacWindow *self)
{
  GtkWidget *child = gtk_stack_get_visible_child (self->page_stack);

  /* The other pages read the store again when they are shown. */
  if (TARMAC_IS_PAGE (child))
    tarmac_page_reload (TARMAC_PAGE (child));
}

static void
on_import_toast_dismissed_cb (TarmacWindow *self,
                              AdwToast     *toast)
{
  if (toast == self->import_toast)
    self->import_toast_up = FALSE;
}

static void
finish_import (TarmacWindow *self,
               GPtrArray    *reports,
               gboolean      cancelled)
{
  g_autofree char *summary = NULL;
  AdwToast *toast;

  g_clear_pointer (&self->import_reports, g_ptr_array_unref);
  self->import_reports = g_ptr_array_ref (reports);

  summary = build_summary (reports, cancelled);

  /* The last batch's toast, while it is still up or queued, takes the new summary and
   * starts its timeout again, rather than being dismissed for a new one: libadwaita 1.2
   * frees a toast dismissed within its show animation before that animation ends, and
   * then crashes when it does (a second import finishing while the "new hits" toast
   * slid in, seen in test window-screen). */
  if (self->import_toast != NULL && self->import_toast_up)
    toast = g_object_ref (self->import_toast);
  else
    {
      toast = adw_toast_new (summary);
      adw_toast_set_timeout (toast, 10);
      g_signal_connect_object (toast, "dismissed", G_CALLBACK (on_import_toast_dismissed_cb),
                               self, G_CONNECT_SWAPPED);
      g_set_object (&self->import_toast, toast);
      self->import_toast_up = TRUE;
    }
  adw_toast_set_title (toast, summary);
  adw_toast_set_button_label (toast, reports->len > 0 ? _("_Details") : NULL);
  adw_toast_set_action_name (toast, reports->len > 0 ? "win.import-report" : NULL);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);

  _tarmac_window_reload_visible_page (self);

  /* The travellers of the imported files are screened next, in a thread of their own. */
  _tarmac_window_screen_imported (self, reports);
}

static void start_next_file (TarmacImportBatch *batch);

static void
import_file_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  TarmacImportBatch *batch = task_data;
  GFile *file = g_ptr_array_index (batch->files, batch->next);
  TarmacSheetMapping *mapping;
  GPtrArray *done;

  if (batch->store == NULL)
    {
      g_autoptr(GError) error = NULL;

      batch->store = tarmac_store_open (batch->db_path, &error);
      if (batch->store == NULL)
        {
          done = g_ptr_array_new_with_free_func ((GDestroyNotify) tarmac_import_report_free);
          g_ptr_array_add (done, failed_report_new (file, error->message));
          g_task_return_pointer (task, done, (GDestroyNotify) g_ptr_array_unref);
          return;
        }

      tarmac_store_set_actor (batch->store, batch->actor);
      batch->importer = tarmac_batch_import_new (batch->store);
      /* Short batches: the window's own connection waits for ours to write a note. */
      tarmac_batch_import_set_limits (batch->importer, TARMAC_BATCH_IMPORT_MAX_FILES, 250);
    }

  mapping = g_ptr_array_index (batch->mappings, batch->next);
  if (mapping != NULL)
    {
      /* A previewed spreadsheet imports with its mapping in a transaction of its own,
       * once the files before it are committed, so the reports stay in order. */
      done = tarmac_batch_import_finish (batch->importer);
      g_ptr_array_add (done, import_one (batch->store, file, mapping, cancellable));
    }
  else
    done = import_one_batched (batch->importer, file, cancellable);

  /* The last file, or Cancel: what was imported is committed before it is shown. */
  if (batch->next + 1 >= batch->files->len || g_cancellable_is_cancelled (cancellable))
    {
      g_autoptr(GPtrArray) rest = tarmac_batch_import_finish (batch->importer);

      g_ptr_array_extend_and_steal (done, g_steal_pointer (&rest));
    }

  g_task_return_pointer (task, done, (GDestroyNotify) g_ptr_array_unref);
}

/* Moves @reports into the batch's summary. The files Cancel cut short or stopped before
 * they began (the batch reads a few ahead of the one it writes) were not saved: they
 * are not part of it. */
static void
keep_reports (TarmacImportBatch *batch,
              GPtrArray         *reports)
{
  for (guint i = 0; i < reports->len; i++)
    {
      TarmacImportReport *report = g_steal_pointer (&reports->pdata[i]);

      if (report->cancelled)
        tarmac_import_report_free (report);
      else
        g_ptr_array_add (batch->reports, report);
    }
}

static void
on_import_file_done_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  TarmacImportBatch *batch = user_data;
  TarmacWindow *self = batch->window;
  g_autoptr(GPtrArray) done = NULL;
  gboolean cancelled;

  done = g_task_propagate_pointer (G_TASK (result), NULL);
  cancelled = g_cancellable_is_cancelled (batch->cancellable);

  /* The window went away: nothing to show. */
  if (self->import_batch != batch)
    {
      import_batch_free (batch);
      return;
    }

  if (done != NULL)
    keep_reports (batch, done);

  batch->next++;

  if (!cancelled && batch->next < batch->files->len)
    {
      start_next_file (batch);
      return;
    }

  /* Cancel pressed after the thread looked: it left its batch open. Nothing runs in the
   * thread now, so the batch is committed here, and its files shown. */
  if (batch->importer != NULL)
    {
      g_autoptr(GPtrArray) rest = tarmac_batch_import_finish (batch->importer);

      keep_reports (batch, rest);
    }

  self->import_batch = NULL;
  set_importing (self, FALSE);
  finish_import (self, batch->reports, cancelled);
  import_batch_free (batch);
}

static void
start_next_file (TarmacImportBatch *batch)
{
  g_autoptr(GTask) task = NULL;

  update_progress (batch->window, batch);

  /* Not the window as the task's source object: the task may be finalized in the worker
   * thread, and the window must not be disposed there. The batch holds it instead, and
   * lets it go on the main thread. */
  task = g_task_new (NULL, batch->cancellable, on_import_file_done_cb, batch);
  g_task_set_source_tag (task, start_next_file);
  /* A file committed just before Cancel is in the database: its report must come back
   * and be shown, so the result is judged by the report, not by the cancellable. */
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, batch, NULL);
  g_task_run_in_thread (task, import_file_thread);
}

/**
 * _tarmac_window_import_files:
 * @self: a window with a store
 * @files: (array length=n_files): the files to import
 * @n_files: their number
 *
 * Imports @files one after the other, the code path of win.import and of dropping files.
 * Ignored while a batch is in progress.
 */
void
_tarmac_window_import_files (TarmacWindow  *self,
                             GFile        **files,
                             guint          n_files)
{
  _tarmac_window_import_files_mapped (self, files, NULL, n_files);
}

/**
 * _tarmac_window_import_files_mapped:
 * @self: a window with a store
 * @files: (array length=n_files): the files to import
 * @mappings: (array length=n_files) (nullable): for each file, the mapping of a
 *   spreadsheet as the officer chose it, or %NULL to import as proposed
 * @n_files: their number
 *
 * As _tarmac_window_import_files(), with the mappings of previewed spreadsheets.
 */
void
_tarmac_window_import_files_mapped (TarmacWindow        *self,
                                    GFile              **files,
                                    TarmacSheetMapping **mappings,
                                    guint                n_files)
{
  TarmacImportBatch *batch;
  const char *path;

  g_return_if_fail (TARMAC_IS_WINDOW (self));
  g_return_if_fail (files != NULL || n_files == 0);

  if (self->store == NULL || self->import_batch != NULL || n_files == 0)
    return;

  path = tarmac_store_get_path (self->store);

  if (g_strcmp0 (path, ":memory:") == 0)
    {
      g_autoptr(GPtrArray) reports = NULL;

      reports = g_ptr_array_new_with_free_func ((GDestroyNotify) tarmac_import_report_free);
      for (guint i = 0; i < n_files; i++)
        g_ptr_array_add (reports, import_one (self->store, files[i],
                                              mappings != NULL ? mappings[i] : NULL,
                                              self->cancellable));

      finish_import (self, reports, FALSE);
      return;
    }

  batch = g_new0 (TarmacImportBatch, 1);
  batch->window = g_object_ref (self);
  batch->files = g_ptr_array_new_with_free_func (g_object_unref);
  batch->mappings = g_ptr_array_new_with_free_func (mapping_unref);
  for (guint i = 0; i < n_files; i++)
    {
      g_ptr_array_add (batch->files, g_object_ref (files[i]));
      g_ptr_array_add (batch->mappings, mappings != NULL && mappings[i] != NULL ?
                       tarmac_sheet_mapping_ref (mappings[i]) : NULL);
    }
  batch->reports = g_ptr_array_new_with_free_func ((GDestroyNotify) tarmac_import_report_free);
  batch->cancellable = g_cancellable_new ();
  batch->db_path = g_strdup (path);
  batch->actor = g_strdup (tarmac_store_get_actor (self->store));

  self->import_batch = batch;
  set_importing (self, TRUE);
  start_next_file (batch);
}

static void
on_file_chooser_response_cb (GtkNativeDialog *native,
                             int              response,
                             gpointer         user_data)
{
  TarmacWindow *self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) list = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (native));
      g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < g_list_model_get_n_items (list); i++)
        g_ptr_array_add (files, g_list_model_get_item (list, i));

      _tarmac_window_open_files (self, (GFile **) files->pdata, files->len);
    }

  gtk_native_dialog_destroy (native);
  g_object_unref (native);
  g_object_unref (self);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TarmacWindow *self = TARMAC_WINDOW (widget);
  GtkFileChooserNative *native;

  if (self->store == NULL || self->import_batch != NULL)
    return;

  native = gtk_file_chooser_native_new (_("Import Files"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Import"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (native), TRUE);
  g_signal_connect (native, "response", G_CALLBACK (on_file_chooser_response_cb),
                    g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
cancel_import_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  TarmacWindow *self = TARMAC_WINDOW (widget);

  if (self->import_batch != NULL)
    g_cancellable_cancel (self->import_batch->cancellable);
}

static void
import_report_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  _tarmac_window_show_import_report (TARMAC_WINDOW (widget));
}

static gboolean
on_drop_cb (GtkDropTarget *target,
            const GValue  *value,
            double         x,
            double         y,
            gpointer       user_data)
{
  TarmacWindow *self = user_data;
  g_autoptr(GPtrArray) files = g_ptr_array_new ();
  GSList *list;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST) ||
      self->store == NULL || self->import_batch != NULL || self->sheet_review != NULL)
    return FALSE;

  list = g_value_get_boxed (value);
  for (GSList *l = list; l != NULL; l = l->next)
    g_ptr_array_add (files, l->data);

  _tarmac_window_open_files (self, (GFile **) files->pdata, files->len);

  return files->len > 0;
}

static const char *
result_label (TarmacImportResult result)
{
  switch (result)
    {
    case TARMAC_IMPORT_RESULT_IMPORTED:
      return _("Imported");

    case TARMAC_IMPORT_RESULT_DUPLICATE:
      return _("Already imported");

    case TARMAC_IMPORT_RESULT_FAILED:
    default:
      return _("Refused");
    }
}

/* The format as an officer knows it; the stable identifier (what the CLI prints) for the
 * rarer ones. */
static const char *
format_label (const char *format)
{
  if (format == NULL || g_str_equal (format, "unknown"))
    return C_("file format", "Unknown");
  if (g_str_equal (format, "paxlst"))
    return C_("file format", "Passenger manifest (PAXLST)");
  if (g_str_equal (format, "pnrgov"))
    return C_("file format", "Booking records (PNRGOV)");
  if (g_str_equal (format, "pnrgov-xml"))
    return C_("file format", "Booking records (PNRGOV XML)");
  if (g_str_equal (format, "csv"))
    return C_("file format", "Spreadsheet (CSV)");
  if (g_str_equal (format, "xlsx"))
    return C_("file format", "Spreadsheet (Excel)");
  return format;
}

static void
append_report (GtkTextBuffer            *buffer,
               const TarmacImportReport *report)
{
  GtkTextIter end;
  g_autofree char *line = NULL;

  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert_with_tags_by_name (buffer, &end, report->name, -1, "heading", NULL);
  gtk_text_buffer_insert (buffer, &end, "\n", -1);

  /* Translators: the first %s is a file format ("Passenger manifest (PAXLST)"), the
   * second what happened to the file ("Imported", "Already imported", "Refused") */
  line = g_strdup_printf (_("Format: %s — %s"), format_label (report->format),
                          result_label (report->result));
  gtk_text_buffer_insert (buffer, &end, line, -1);
  gtk_text_buffer_insert (buffer, &end, "\n", -1);
  g_clear_pointer (&line, g_free);

  if (report->result != TARMAC_IMPORT_RESULT_FAILED)
    {
      /* Translators: counts of what one file held; "crew" counts travellers who are crew */
      line = g_strdup_printf (_("Messages: %u, flights: %u, travellers: %u (crew: %u), "
                                "documents: %u"),
                              report->n_messages, report->n_flights, report->n_travellers,
                              report->n_crew, report->n_documents);
      gtk_text_buffer_insert (buffer, &end, line, -1);
      gtk_text_buffer_insert (buffer, &end, "\n", -1);
      g_clear_pointer (&line, g_free);
    }
  if (report->result == TARMAC_IMPORT_RESULT_IMPORTED && report->n_hits > 0)
    {
      /* Translators: hits that screening the file's travellers against the watchlists
       * raised */
      line = g_strdup_printf (_("Hits to review: %u"), report->n_hits);
      gtk_text_buffer_insert (buffer, &end, line, -1);
      gtk_text_buffer_insert (buffer, &end, "\n", -1);
      g_clear_pointer (&line, g_free);
    }
  if (report->result == TARMAC_IMPORT_RESULT_IMPORTED && report->n_findings > 0)
    {
      /* Translators: problems the document checks found (expired documents…) */
      line = g_strdup_printf (_("Findings on travellers: %u"), report->n_findings);
      gtk_text_buffer_insert (buffer, &end, line, -1);
      gtk_text_buffer_insert (buffer, &end, "\n", -1);
      g_clear_pointer (&line, g_free);
    }

  if (report->error_message != NULL)
    {
      gtk_text_buffer_insert_with_tags_by_name (buffer, &end, report->error_message, -1,
                                                "error", NULL);
      gtk_text_buffer_insert (buffer, &end, "\n", -1);
    }

  for (guint i = 0; report->warnings != NULL && i < report->warnings->len; i++)
    {
      const TarmacImportWarning *warning = g_ptr_array_index (report->warnings, i);

      /* Translators: a warning about one place in an imported file: its line, segment
       * number and byte offset, then the explanation */
      line = g_strdup_printf (_("Line %u, segment %u, byte %llu: %s"),
                              warning->line, warning->segment_index + 1,
                              (unsigned long long) warning->offset,
                              warning->message);
      gtk_text_buffer_insert (buffer, &end, line, -1);
      gtk_text_buffer_insert (buffer, &end, "\n", -1);
      g_clear_pointer (&line, g_free);
    }

  gtk_text_buffer_insert (buffer, &end, "\n", -1);
}

/**
 * _tarmac_window_show_import_report:
 * @self: a window
 *
 * Opens a window listing each file of the last import: its format, what happened, its
 * counts and every warning or error with its line, segment and byte.
 *
 * Returns: (transfer none) (nullable): the report window, %NULL when nothing was imported
 */
GtkWindow *
_tarmac_window_show_import_report (TarmacWindow *self)
{
  g_autofree char *summary = NULL;
  GtkTextBuffer *buffer;
  GtkWidget *window;
  GtkWidget *box;
  GtkWidget *header;
  GtkWidget *scrolled;
  GtkWidget *view;
  GtkEventController *shortcuts;

  g_return_val_if_fail (TARMAC_IS_WINDOW (self), NULL);

  if (self->import_reports == NULL)
    return NULL;

  summary = build_summary (self->import_reports, FALSE);

  window = adw_window_new ();
  gtk_window_set_title (GTK_WINDOW (window), _("Import Report"));
  gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (self));
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (window), 640, 480);
  gtk_widget_set_size_request (window, 360, 294);

  header = adw_header_bar_new ();
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header),
                                   adw_window_title_new (_("Import Report"), summary));

  buffer = gtk_text_buffer_new (NULL);
  gtk_text_buffer_create_tag (buffer, "heading", "weight", PANGO_WEIGHT_BOLD,
                              "scale", 1.1, NULL);
  gtk_text_buffer_create_tag (buffer, "error", "weight", PANGO_WEIGHT_BOLD, NULL);
  for (guint i = 0; i < self->import_reports->len; i++)
    append_report (buffer, g_ptr_array_index (self->import_reports, i));

  view = gtk_text_view_new_with_buffer (buffer);
  g_object_unref (buffer);
  gtk_text_view_set_editable (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_cursor_visible (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 12);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Import Report"),
                                  -1);

  scrolled = gtk_scrolled_window_new ();
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled),
                                  GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), scrolled);
  adw_window_set_content (ADW_WINDOW (window), box);

  /* Like the app's other secondary windows, Escape closes it. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                     GTK_SHORTCUT_SCOPE_MANAGED);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape,
                                                                                  0),
                                                          gtk_named_action_new ("window.close")));
  gtk_widget_add_controller (window, shortcuts);

  gtk_window_present (GTK_WINDOW (window));

  return GTK_WINDOW (window);
}

gboolean
_tarmac_window_get_importing (TarmacWindow *self)
{
  g_return_val_if_fail (TARMAC_IS_WINDOW (self), FALSE);

  return self->import_batch != NULL;
}

/**
 * _tarmac_window_get_import_reports:
 * @self: a window
 *
 * Returns: (transfer none) (nullable) (element-type TarmacImportReport): the reports of
 *   the last batch that finished
 */
GPtrArray *
_tarmac_window_get_import_reports (TarmacWindow *self)
{
  g_return_val_if_fail (TARMAC_IS_WINDOW (self), NULL);

  return self->import_reports;
}

/**
 * _tarmac_window_get_import_toast:
 * @self: a window
 *
 * Returns: (transfer none) (nullable): the toast that summed up the last batch
 */
AdwToast *
_tarmac_window_get_import_toast (TarmacWindow *self)
{
  g_return_val_if_fail (TARMAC_IS_WINDOW (self), NULL);

  return self->import_toast;
}

void
_tarmac_window_class_init_import (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-import", NULL,
                                   cancel_import_action);
  gtk_widget_class_install_action (widget_class, "win.import-report", NULL,
                                   import_report_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK,
                                       "win.import", NULL);
}

void
_tarmac_window_init_import (TarmacWindow *self)
{
  GtkDropTarget *target;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-import", FALSE);

  target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_object (target, "drop", G_CALLBACK (on_drop_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->toast_overlay), GTK_EVENT_CONTROLLER (target));
}

/* Cancels the batch in progress; its last callback frees it. */
void
_tarmac_window_dispose_import (TarmacWindow *self)
{
  if (self->import_batch != NULL)
    {
      g_cancellable_cancel (self->import_batch->cancellable);
      self->import_batch = NULL;
    }

  g_clear_pointer (&self->import_reports, g_ptr_array_unref);
  g_clear_object (&self->import_toast);
}
