/* tarmac-window-sheets.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-window"

#include "config.h"

#include <glib/gi18n.h>

#include "tarmac-importer.h"
#include "tarmac-sheet-preview.h"
#include "tarmac-sniff.h"
#include "tarmac-window-private.h"

/* Files the officer opens or drops on the window: spreadsheets are shown in a preview
 * (TarmacSheetPreview) one after the other, where the officer corrects the column
 * mapping and the flight; then all the files go to the import batch together, each
 * spreadsheet with its chosen mapping, or left out when its preview was cancelled. The
 * watched drop folder does not come here: nobody is there to answer a preview, so its
 * spreadsheets import with the remembered or proposed mapping. */

/* Spreadsheets larger than this import without a preview: reading them on the main
 * thread would freeze the window, and no station office types that many rows. */
#define PREVIEW_MAX_SIZE ((gsize) 16 * 1024 * 1024)

typedef struct
{
  TarmacWindow *window;      /* owned */
  GPtrArray    *files;       /* of GFile, NULL where a preview was cancelled */
  GPtrArray    *mappings;    /* of TarmacSheetMapping, NULL for "as proposed" */
  guint         next;
} Review;

static void
object_unref (gpointer object)
{
  if (object != NULL)
    g_object_unref (object);
}

static void
mapping_unref (gpointer mapping)
{
  if (mapping != NULL)
    tarmac_sheet_mapping_unref (mapping);
}

static void
review_free (Review *review)
{
  g_clear_object (&review->window);
  g_clear_pointer (&review->files, g_ptr_array_unref);
  g_clear_pointer (&review->mappings, g_ptr_array_unref);
  g_free (review);
}

/* The file as a sheet with the mapping Tarmac proposes, when it is a spreadsheet small
 * enough to preview; %FALSE otherwise (it imports as any file does, errors included). */
static gboolean
read_spreadsheet (TarmacWindow        *self,
                  GFile               *file,
                  TarmacSheet        **sheet,
                  TarmacSheetMapping **mapping)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = g_file_get_basename (file);
  TarmacFileFormat format;
  gsize length;
  const guint8 *data;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                            NULL, NULL);
  if (info == NULL || (guint64) g_file_info_get_size (info) > PREVIEW_MAX_SIZE)
    return FALSE;
  if ((bytes = g_file_load_bytes (file, NULL, NULL, NULL)) == NULL)
    return FALSE;

  data = g_bytes_get_data (bytes, &length);
  format = tarmac_sniff_format (data, length);
  if (format != TARMAC_FILE_FORMAT_CSV && format != TARMAC_FILE_FORMAT_XLSX)
    return FALSE;

  if ((*sheet = tarmac_import_read_sheet (name != NULL ? name : "", data, length, NULL)) == NULL)
    return FALSE;
  if ((*mapping = tarmac_import_propose_mapping (self->store, *sheet, NULL)) == NULL)
    {
      g_clear_pointer (sheet, tarmac_sheet_free);
      return FALSE;
    }
  return TRUE;
}

static void review_next (Review *review);

static void
on_preview_finished_cb (TarmacSheetPreview *preview,
                        gboolean            import,
                        Review             *review)
{
  if (import)
    g_ptr_array_index (review->mappings, review->next) =
      tarmac_sheet_mapping_ref (tarmac_sheet_preview_get_mapping (preview));
  else
    g_clear_object (&g_ptr_array_index (review->files, review->next));

  review->window->sheet_preview = NULL;
  review->next++;
  review_next (review);
}

static void
review_next (Review *review)
{
  TarmacWindow *self = review->window;
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GPtrArray) mappings = NULL;

  for (; review->next < review->files->len; review->next++)
    {
      GFile *file = g_ptr_array_index (review->files, review->next);
      g_autofree char *name = g_file_get_basename (file);
      TarmacSheet *sheet = NULL;
      g_autoptr(TarmacSheetMapping) mapping = NULL;
      TarmacSheetPreview *preview;

      if (self->store == NULL || !read_spreadsheet (self, file, &sheet, &mapping))
        continue;

      preview = tarmac_sheet_preview_new (GTK_WINDOW (self), name, sheet, mapping);
      self->sheet_preview = preview;
      g_signal_connect (preview, "finished", G_CALLBACK (on_preview_finished_cb), review);
      gtk_window_present (GTK_WINDOW (preview));
      return;
    }

  /* Every spreadsheet answered: import what is left, in the order given. */
  files = g_ptr_array_new ();
  mappings = g_ptr_array_new ();
  for (guint i = 0; i < review->files->len; i++)
    if (g_ptr_array_index (review->files, i) != NULL)
      {
        g_ptr_array_add (files, g_ptr_array_index (review->files, i));
        g_ptr_array_add (mappings, g_ptr_array_index (review->mappings, i));
      }
  if (files->len > 0)
    _tarmac_window_import_files_mapped (self, (GFile **) files->pdata,
                                        (TarmacSheetMapping **) mappings->pdata, files->len);
  self->sheet_review = NULL;
  review_free (review);
}

/**
 * _tarmac_window_open_files:
 * @self: a window with a store
 * @files: (array length=n_files): what the officer opened or dropped
 * @n_files: their number
 *
 * Previews the spreadsheets among @files, then imports them all. Ignored while an import
 * or a preview is in progress.
 */
void
_tarmac_window_open_files (TarmacWindow  *self,
                           GFile        **files,
                           guint          n_files)
{
  Review *review;

  g_return_if_fail (TARMAC_IS_WINDOW (self));
  g_return_if_fail (files != NULL || n_files == 0);

  if (self->store == NULL || self->import_batch != NULL || self->sheet_review != NULL ||
      n_files == 0)
    return;

  review = g_new0 (Review, 1);
  review->window = g_object_ref (self);
  review->files = g_ptr_array_new_with_free_func (object_unref);
  review->mappings = g_ptr_array_new_with_free_func (mapping_unref);
  for (guint i = 0; i < n_files; i++)
    {
      g_ptr_array_add (review->files, g_object_ref (files[i]));
      g_ptr_array_add (review->mappings, NULL);
    }
  self->sheet_review = review;
  review_next (review);
}

/**
 * _tarmac_window_get_sheet_preview:
 * @self: a window
 *
 * Returns: (transfer none) (nullable): the spreadsheet preview shown, if any
 */
GtkWindow *
_tarmac_window_get_sheet_preview (TarmacWindow *self)
{
  g_return_val_if_fail (TARMAC_IS_WINDOW (self), NULL);

  return self->sheet_preview != NULL ? GTK_WINDOW (self->sheet_preview) : NULL;
}

/* The window goes away with a preview open: the preview goes too, importing nothing. */
void
_tarmac_window_dispose_sheets (TarmacWindow *self)
{
  Review *review = self->sheet_review;
  GtkWindow *preview = self->sheet_preview;

  if (review == NULL)
    return;

  self->sheet_review = NULL;
  self->sheet_preview = NULL;
  if (preview != NULL)
    {
      g_signal_handlers_disconnect_by_data (preview, review);
      gtk_window_destroy (preview);
    }
  review_free (review);
}
