/* tarmac-window-private.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tarmac-importer.h"
#include "tarmac-page.h"
#include "tarmac-screener.h"
#include "tarmac-sync-indicator.h"
#include "tarmac-window.h"

G_BEGIN_DECLS

typedef struct _TarmacImportBatch TarmacImportBatch;

/* The main window: a sidebar of pages and a content pane in an AdwLeaflet, or an error
 * page when the database could not be opened. The class spans tarmac-window.c and
 * tarmac-window-import.c (opening, dropping and importing files). */
struct _TarmacWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  AdwLeaflet           *leaflet;
  GtkListBox           *sidebar_list;
  GtkWidget            *content_box;
  GtkWidget            *back_button;
  AdwWindowTitle       *window_title;
  GtkWidget            *demo_pill;
  GtkRevealer          *demo_revealer;
  GtkRevealer          *import_revealer;
  GtkLabel             *import_label;
  GtkProgressBar       *import_progress;
  GtkStack             *page_stack;
  AdwStatusPage        *error_page;
  TarmacSyncIndicator  *sync_indicator;

  /* Owned references */
  TarmacStore          *store;
  GSettings            *settings;
  GBindingGroup        *title_bindings;
  GCancellable         *cancellable;
  TarmacSyncService    *sync_service;     /* NULL for the demo and in-memory databases */
  char                 *last_alert_uuid;  /* the last urgent alert notified */
  GtkWidget            *compose_window;   /* weak: the note being written, or NULL */
  GPtrArray            *import_reports;   /* of TarmacImportReport, the last batch's */
  AdwToast             *import_toast;     /* the last batch's summary */
  gboolean              import_toast_up;  /* …and it is shown or queued */

  /* The batch in progress, or NULL. It frees itself when its last file is done. */
  TarmacImportBatch    *import_batch;

  /* Spreadsheets being previewed before an import (tarmac-window-sheets.c), or NULL */
  gpointer              sheet_review;
  gpointer              sheet_preview;    /* the TarmacSheetPreview shown, borrowed */

  /* The drop folder (tarmac-window-drop-folder.c) */
  GFileMonitor         *drop_monitor;
  GPtrArray            *drop_pending;     /* of GFile, imported at the next flush */
  GHashTable           *drop_queued;      /* the same GFiles, to skip a file queued twice */
  guint                 drop_flush_id;
  GCancellable         *drop_cancellable; /* the listing of the folder, while it runs */
  GFileEnumerator      *drop_enumerator;
  gboolean              drop_listing;     /* the folder's files are still being listed */
  gboolean              drop_paused;      /* listing waits for the queue to drain */

  /* Screening (tarmac-window-screen.c): the run in progress, and the work that waits */
  TarmacScreener       *screener;
  GCancellable         *screen_cancellable;
  GArray               *screen_file_ids;  /* of gint64, source files to screen next */
  gboolean              screen_rescreen;  /* everyone, at the next run */
  gboolean              screening_files; /* a run of imported files under way */
  gboolean              screening_all;   /* a full re-screen under way */
  guint                 screen_hits_added;

  /* Borrowed references (children of page_stack) */
  TarmacPage           *flight_page;
  TarmacPage           *traveller_page;
  TarmacPage           *previous_page;

  /* The sidebar page the flight page goes back to */
  const char           *flight_origin;

  /* Where the traveller page goes back to: the travellers opened from it (co-travellers)
   * first, newest last, then the page it was opened from (a sidebar page or "flight") */
  GArray               *traveller_history;  /* of gint64 */
  const char           *traveller_origin;
};

void        _tarmac_window_class_init_import    (GtkWidgetClass *widget_class);
void        _tarmac_window_init_import          (TarmacWindow   *self);
void        _tarmac_window_dispose_import       (TarmacWindow   *self);

void        _tarmac_window_class_init_sync      (GtkWidgetClass *widget_class);
void        _tarmac_window_init_sync            (TarmacWindow   *self);
GtkWindow  *_tarmac_window_get_compose_window   (TarmacWindow   *self);
void        _tarmac_window_dispose_sync         (TarmacWindow   *self);
const char *_tarmac_window_get_last_alert       (TarmacWindow   *self);
guint       _tarmac_window_get_unread_notes     (TarmacWindow   *self);

void        _tarmac_window_init_drop_folder     (TarmacWindow   *self);
void        _tarmac_window_dispose_drop_folder  (TarmacWindow   *self);
guint       _tarmac_window_get_drop_pending     (TarmacWindow   *self);
gboolean    _tarmac_window_get_drop_listing     (TarmacWindow   *self);
void        _tarmac_window_import_files         (TarmacWindow   *self,
                                                 GFile         **files,
                                                 guint           n_files);
gboolean    _tarmac_window_get_importing        (TarmacWindow   *self);
void        _tarmac_window_import_files_mapped  (TarmacWindow        *self,
                                                 GFile              **files,
                                                 TarmacSheetMapping **mappings,
                                                 guint                n_files);
void        _tarmac_window_open_files           (TarmacWindow   *self,
                                                 GFile         **files,
                                                 guint           n_files);
void        _tarmac_window_dispose_sheets       (TarmacWindow   *self);
GtkWindow  *_tarmac_window_get_sheet_preview    (TarmacWindow   *self);
GPtrArray  *_tarmac_window_get_import_reports   (TarmacWindow   *self);
AdwToast   *_tarmac_window_get_import_toast     (TarmacWindow   *self);
GtkWindow  *_tarmac_window_show_import_report   (TarmacWindow   *self);
void        _tarmac_window_reload_visible_page  (TarmacWindow   *self);

void        _tarmac_window_class_init_screening (GtkWidgetClass *widget_class);
void        _tarmac_window_init_screening       (TarmacWindow   *self);
void        _tarmac_window_dispose_screening    (TarmacWindow   *self);
void        _tarmac_window_screen_imported      (TarmacWindow   *self,
                                                 GPtrArray      *reports);
gboolean    _tarmac_window_get_screening        (TarmacWindow   *self);
guint       _tarmac_window_get_screen_hits_added (TarmacWindow  *self);

G_END_DECLS
