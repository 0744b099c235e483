/* tarmac-watchlists-page.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-watchlists-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tarmac-format.h"
#include "tarmac-screen-format.h"
#include "tarmac-watchlist-entry-editor.h"
#include "tarmac-watchlist-entry-model.h"
#include "tarmac-watchlist-entry-window.h"
#include "tarmac-watchlist-import.h"
#include "tarmac-watchlist-item.h"
#include "tarmac-watchlist.h"
#include "tarmac-watchlists-page.h"

/*
 * The lists screening applies: each loaded list with what it is and when it was loaded;
 * importing one from a file in a worker thread (with progress and cancel); the entries of
 * a list in a table that pages from the database, with search; an entry's detail; manual
 * entries; removing a list. Opening a list and each entry is audited by the core.
 */

typedef enum
{
  COLUMN_NAME,
  COLUMN_OTHER_NAMES,
  COLUMN_DOB,
  COLUMN_NATIONALITY,
  COLUMN_DOCUMENT,
  COLUMN_REASON,
  COLUMN_EXPIRES,
} Column;

/* Shared between the page and its import thread; the thread only writes @phase. */
typedef struct
{
  gint          ref_count;
  char         *db_path;
  char         *path;
  char         *file_name;
  gint          phase;       /* 0 reading, 1 storing */
  guint         n_entries;
  GCancellable *cancellable;
} ImportJob;

struct _TarmacWatchlistsPage
{
  TarmacPage                 parent_instance;

  /* Template widgets */
  AdwToastOverlay           *toast_overlay;
  GtkRevealer               *progress_revealer;
  GtkLabel                  *progress_label;
  GtkProgressBar            *progress_bar;
  GtkStack                  *stack;
  GtkListBox                *list_box;
  GtkSearchEntry            *search_entry;
  GtkWidget                 *add_button;
  GtkSpinner                *search_spinner;
  GtkStack                  *entries_stack;
  GtkColumnView             *column_view;
  AdwStatusPage             *none_page;

  /* Owned references */
  GListModel                *lists;
  TarmacWatchlist           *list;         /* the list whose entries are shown */
  TarmacWatchlistEntryModel *entries;
  GtkSingleSelection        *selection;
  GtkFileChooserNative      *chooser;
  ImportJob                 *job;
  GCancellable              *search_cancellable;

  char                      *shown_query;  /* of the entries shown, "" for none */
  guint                      pulse_id;
  gboolean                   setting_query;
};

G_DEFINE_FINAL_TYPE (TarmacWatchlistsPage, tarmac_watchlists_page, TARMAC_TYPE_PAGE)

static ImportJob *
import_job_ref (ImportJob *job)
{
  g_atomic_int_inc (&job->ref_count);
  return job;
}

static void
import_job_unref (ImportJob *job)
{
  if (!g_atomic_int_dec_and_test (&job->ref_count))
    return;
  g_free (job->db_path);
  g_free (job->path);
  g_free (job->file_name);
  g_clear_object (&job->cancellable);
  g_free (job);
}

static void
show_toast (TarmacWatchlistsPage *self,
            const char           *text)
{
  AdwToast *toast = adw_toast_new (text);

  adw_toast_set_timeout (toast, 6);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static TarmacStore *
get_store (TarmacWatchlistsPage *self)
{
  return tarmac_page_get_store (TARMAC_PAGE (self));
}

/* Lists */

static char *
list_subtitle (TarmacWatchlist *list)
{
  g_autofree char *loaded = tarmac_format_timestamp_long (tarmac_watchlist_get_loaded_at (list));
  g_autofree char *count = NULL;
  g_autofree char *version_day = NULL;
  g_autofree char *version_day_text = NULL;
  GString *text = g_string_new (NULL);
  guint entries = tarmac_watchlist_get_entry_count (list);
  guint expired = tarmac_watchlist_get_expired_count (list);
  const char *version = tarmac_watchlist_get_version (list);
  const char *next = tarmac_watchlist_get_next_expiry (list);

  count = g_strdup_printf (ngettext ("%u entry", "%u entries", entries), entries);
  /* Translators: a list's kind ("Persons"), source ("UN Security Council") and size */
  g_string_append_printf (text, _("%1$s · %2$s · %3$s"),
                          tarmac_screen_format_list_kind (tarmac_watchlist_get_kind (list)),
                          tarmac_screen_format_list_source (tarmac_watchlist_get_source (list)),
                          count);
  g_string_append_c (text, '\n');
  if (version != NULL && strlen (version) > 10 && version[4] == '-' && version[10] == 'T')
    version_day = tarmac_format_date (version_day_text = g_strndup (version, 10));
  if (version_day != NULL)
    version = version_day;
  if (version != NULL && *version != '\0')
    /* Translators: the version of a list as its publisher dates it, then when it was loaded */
    g_string_append_printf (text, _("Version %1$s, loaded %2$s"), version,
                            loaded != NULL ? loaded : "");
  else
    g_string_append_printf (text, _("Loaded %s"), loaded != NULL ? loaded : "");
  if (expired > 0)
    {
      g_string_append (text, " · ");
      g_string_append_printf (text, ngettext ("%u expired", "%u expired", expired), expired);
    }
  if (next != NULL)
    {
      g_autofree char *day = tarmac_format_date (next);

      g_string_append (text, " · ");
      /* Translators: the day the next entry of a list expires */
      g_string_append_printf (text, _("next expiry %s"), day != NULL ? day : next);
    }

  return g_string_free (text, FALSE);
}

static GtkWidget *
create_list_row_cb (gpointer item,
                    gpointer user_data)
{
  TarmacWatchlist *list = item;
  g_autofree char *subtitle = list_subtitle (list);
  GtkWidget *row;

  row = g_object_new (ADW_TYPE_ACTION_ROW,
                      "use-markup", FALSE,
                      "title", tarmac_screen_format_list_name (list),
                      "subtitle", subtitle,
                      "subtitle-lines", 3,
                      "activatable", TRUE,
                      NULL);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                             g_object_new (GTK_TYPE_IMAGE,
                                           "icon-name", tarmac_watchlist_is_manual (list)
                                                          ? "document-edit-symbolic"
                                                          : "view-list-symbolic",
                                           "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                           NULL));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             g_object_new (GTK_TYPE_IMAGE,
                                           "icon-name", "go-next-symbolic",
                                           "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                           NULL));
  return row;
}

static void
reload_lists (TarmacWatchlistsPage *self)
{
  TarmacStore *store = get_store (self);
  g_autoptr(GError) error = NULL;

  g_clear_object (&self->lists);
  if (store != NULL)
    self->lists = tarmac_watchlist_list_all (store, &error);
  if (error != NULL)
    g_warning ("Could not list the watchlists: %s", error->message);

  gtk_list_box_bind_model (self->list_box, self->lists, create_list_row_cb, NULL, NULL);

  if (self->lists == NULL || g_list_model_get_n_items (self->lists) == 0)
    {
      g_clear_object (&self->list);
      g_clear_object (&self->entries);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      tarmac_page_set_subtitle (TARMAC_PAGE (self), NULL);
      tarmac_page_set_empty (TARMAC_PAGE (self), TRUE);
      return;
    }

  tarmac_page_set_empty (TARMAC_PAGE (self), FALSE);

  /* Still showing a list's entries: keep them (reading them again would be another
   * audited view), unless the list went. */
  if (self->list != NULL)
    {
      g_autoptr(TarmacWatchlist) fresh = tarmac_watchlist_get (store,
                                                               tarmac_watchlist_get_id (self->list),
                                                               NULL);

      if (fresh != NULL)
        {
          g_set_object (&self->list, fresh);
          return;
        }
      g_clear_object (&self->list);
      g_clear_object (&self->entries);
    }

  gtk_stack_set_visible_child_name (self->stack, "lists");
  tarmac_page_set_subtitle (TARMAC_PAGE (self), NULL);
}

/* Entries */

static const char *
item_text (TarmacWatchlistItem *item,
           Column               column,
           char               **owned)
{
  switch (column)
    {
    case COLUMN_NAME:
      return tarmac_watchlist_item_get_name (item);
    case COLUMN_OTHER_NAMES:
      {
        guint n = tarmac_watchlist_item_get_n_names (item);

        return n > 1 ? (*owned = g_strdup_printf ("%u", n - 1)) : NULL;
      }
    case COLUMN_DOB:
      return *owned = tarmac_screen_format_stored_list (tarmac_watchlist_item_get_dates_of_birth (item));
    case COLUMN_NATIONALITY:
      return *owned = tarmac_screen_format_stored_list (tarmac_watchlist_item_get_nationalities (item));
    case COLUMN_DOCUMENT:
      return tarmac_watchlist_item_get_document (item);
    case COLUMN_REASON:
      return tarmac_watchlist_item_get_reason (item);
    case COLUMN_EXPIRES:
      if (tarmac_watchlist_item_get_expired (item))
        return _("Expired");
      return tarmac_watchlist_item_get_expires_at (item);
    default:
      g_assert_not_reached ();
    }
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  gtk_list_item_set_child (list_item, label);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  Column column = GPOINTER_TO_UINT (user_data);
  TarmacWatchlistItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *label = gtk_list_item_get_child (list_item);
  g_autofree char *owned = NULL;
  const char *text = item_text (item, column, &owned);

  /* Dates, codes and numbers read left to right in an Arabic window too: isolated, the
   * cell keeps its side while "1954, 1953" stays in order. */
  if (text != NULL && column != COLUMN_NAME && column != COLUMN_REASON)
    {
      char *isolated = g_strconcat ("\u2066", text, "\u2069", NULL);

      g_free (owned);
      text = owned = isolated;
    }
  gtk_label_set_text (GTK_LABEL (label), text != NULL ? text : "");
  gtk_widget_set_tooltip_text (label, column == COLUMN_NAME || column == COLUMN_REASON
                                        ? text : NULL);
  if (column == COLUMN_EXPIRES && tarmac_watchlist_item_get_expired (item))
    gtk_widget_add_css_class (label, "error");
  else
    gtk_widget_remove_css_class (label, "error");
}

static void
add_column (TarmacWatchlistsPage *self,
            const char           *title,
            Column                column,
            int                   width,
            gboolean              expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *view_column;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), GUINT_TO_POINTER (column));

  view_column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  gtk_column_view_column_set_expand (view_column, expand);
  if (width > 0)
    gtk_column_view_column_set_fixed_width (view_column, width);
  gtk_column_view_append_column (self->column_view, view_column);
  g_object_unref (view_column);
}

typedef struct
{
  char   *db_path;
  gint64  watchlist_id;
  char   *query;
} SearchData;

static void
search_data_free (SearchData *data)
{
  g_free (data->db_path);
  g_free (data->query);
  g_free (data);
}

static void
show_model (TarmacWatchlistsPage *self,
            const char           *query,
            GArray               *ids,
            GError               *search_error)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *subtitle = NULL;
  guint n;

  g_clear_object (&self->entries);
  if (ids != NULL)
    self->entries = tarmac_watchlist_entry_model_new_for_ids (get_store (self),
                                                              tarmac_watchlist_get_id (self->list),
                                                              query, ids, &error);
  else
    error = g_error_copy (search_error);

  if (self->entries == NULL)
    {
      g_autofree char *description = g_markup_escape_text (error->message, -1);

      gtk_single_selection_set_model (self->selection, NULL);
      adw_status_page_set_description (self->none_page, description);
      gtk_stack_set_visible_child_name (self->entries_stack, "none");
      return;
    }

  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->entries));
  n = g_list_model_get_n_items (G_LIST_MODEL (self->entries));

  if (n == 0 && query != NULL && *query != '\0')
    {
      g_autofree char *description = NULL;

      /* Translators: %s is what the officer searched a list for */
      description = g_markup_printf_escaped (_("No entry of this list matches “%s”. Names "
                                               "match from the start of each word, in any "
                                               "order."), query);
      adw_status_page_set_description (self->none_page, description);
      gtk_stack_set_visible_child_name (self->entries_stack, "none");
    }
  else if (n == 0)
    {
      adw_status_page_set_description (self->none_page, _("This list has no entries."));
      gtk_stack_set_visible_child_name (self->entries_stack, "none");
    }
  else
    {
      gtk_stack_set_visible_child_name (self->entries_stack, "table");
    }

  /* Translators: the list shown, and how many of its entries are */
  subtitle = g_strdup_printf (ngettext ("%s · %u entry", "%s · %u entries", n),
                              tarmac_screen_format_list_name (self->list), n);
  tarmac_page_set_subtitle (TARMAC_PAGE (self), subtitle);
}

static void
search_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  SearchData *data = task_data;
  g_autoptr(TarmacStore) store = NULL;
  GError *error = NULL;
  GArray *ids;

  store = tarmac_store_open (data->db_path, &error);
  if (store == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  ids = tarmac_watchlist_entry_ids (store, data->watchlist_id, data->query, cancellable, &error);
  if (ids == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, ids, (GDestroyNotify) g_array_unref);
}

static void
on_search_done_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(TarmacWatchlistsPage) self = user_data;
  SearchData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;

  ids = g_task_propagate_pointer (G_TASK (result), &error);

  /* A newer search replaced this one: it says nothing. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      g_task_get_cancellable (G_TASK (result)) != self->search_cancellable)
    return;

  g_clear_object (&self->search_cancellable);
  gtk_spinner_set_spinning (self->search_spinner, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->search_spinner), FALSE);

  if (self->list == NULL || tarmac_watchlist_get_id (self->list) != data->watchlist_id)
    return;
  show_model (self, data->query, ids, error);
}

/* Finds the entries in a worker thread on its own connection (a search of a million
 * names takes a second or two), then shows them; a newer search cancels an older one. */
static void
show_entries (TarmacWatchlistsPage *self,
              const char           *query)
{
  TarmacStore *store = get_store (self);
  const char *db_path = tarmac_store_get_path (store);
  g_autoptr(GTask) task = NULL;
  SearchData *data;

  /* What is shown, or will be once the search ends: the entry's delayed signal for the
   * same text must not search again. */
  g_free (self->shown_query);
  self->shown_query = g_strdup (query != NULL ? query : "");

  if (self->search_cancellable != NULL)
    g_cancellable_cancel (self->search_cancellable);
  g_clear_object (&self->search_cancellable);

  data = g_new0 (SearchData, 1);
  data->watchlist_id = tarmac_watchlist_get_id (self->list);
  data->query = g_strdup (query);

  /* An in-memory database (tests) has only this connection: search on it, here. */
  if (db_path == NULL || g_str_equal (db_path, ":memory:"))
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GArray) ids = tarmac_watchlist_entry_ids (store, data->watchlist_id, query,
                                                          NULL, &error);

      show_model (self, query, ids, error);
      search_data_free (data);
      return;
    }

  data->db_path = g_strdup (db_path);
  self->search_cancellable = g_cancellable_new ();
  gtk_widget_set_visible (GTK_WIDGET (self->search_spinner), TRUE);
  gtk_spinner_set_spinning (self->search_spinner, TRUE);

  /* The page is held by the callback, not by the task, which may be finalized in the
   * worker thread: a widget must not be disposed there. */
  task = g_task_new (NULL, self->search_cancellable, on_search_done_cb, g_object_ref (self));
  g_task_set_source_tag (task, show_entries);
  g_task_set_task_data (task, data, (GDestroyNotify) search_data_free);
  g_task_run_in_thread (task, search_thread);
}

static void
on_search_changed_cb (TarmacWatchlistsPage *self,
                      GtkSearchEntry       *entry)
{
  g_autofree char *query = NULL;

  if (self->list == NULL || self->setting_query)
    return;
  query = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));

  /* The entry's signal is delayed: it also comes after text set from code (a list opened,
   * set_query), whose entries are already shown. Reading them again would be a second
   * audited view or search the officer never made. */
  if (g_strcmp0 (query, self->shown_query) == 0)
    return;

  show_entries (self, query);
}

static void
on_list_activated_cb (TarmacWatchlistsPage *self,
                      GtkListBoxRow        *row,
                      GtkListBox           *list_box)
{
  g_autoptr(TarmacWatchlist) list = NULL;

  if (self->lists == NULL)
    return;
  list = g_list_model_get_item (self->lists, gtk_list_box_row_get_index (row));
  if (list != NULL)
    tarmac_watchlists_page_open_list (self, tarmac_watchlist_get_id (list));
}

static void
on_entry_saved_cb (TarmacWatchlistsPage *self,
                   gint64                entry_id,
                   gpointer              source)
{
  g_autofree char *query = NULL;

  show_toast (self, _("Entry saved"));
  reload_lists (self);
  /* Added, edited or expired: everyone is screened again (tarmac-window-screen.c). */
  gtk_widget_activate_action (GTK_WIDGET (self), "win.rescreen", NULL);
  if (self->list != NULL && tarmac_watchlist_is_manual (self->list))
    {
      query = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));
      show_entries (self, query);
    }
  else
    {
      /* The first manual entry creates the list: open it, so the officer sees the entry. */
      g_autoptr(GListModel) lists = tarmac_watchlist_list_all (get_store (self), NULL);

      for (guint i = 0; lists != NULL && i < g_list_model_get_n_items (lists); i++)
        {
          g_autoptr(TarmacWatchlist) list = g_list_model_get_item (lists, i);

          if (tarmac_watchlist_is_manual (list))
            tarmac_watchlists_page_open_list (self, tarmac_watchlist_get_id (list));
        }
    }
}

static void
on_entry_activated_cb (TarmacWatchlistsPage *self,
                       guint                 position,
                       GtkColumnView        *view)
{
  tarmac_watchlists_page_open_entry (self, position);
}

/* Import */

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportJob *job = task_data;
  g_autoptr(TarmacStore) own_store = NULL;
  TarmacStore *store = NULL;
  g_autoptr(TarmacWatchlistData) data = NULL;
  g_autoptr(TarmacWatchlistImportReport) report = NULL;
  g_autoptr(GMappedFile) mapped = NULL;
  g_autofree char *sha256 = NULL;
  GError *error = NULL;

  /* A database file gets a connection of the thread's own; an in-memory one (tests)
   * has only the page's, and this runs on the main thread then. */
  if (job->db_path != NULL)
    {
      own_store = tarmac_store_open (job->db_path, &error);
      if (own_store == NULL)
        {
          g_task_return_error (task, error);
          return;
        }
      store = own_store;
    }
  else
    {
      store = g_object_get_data (G_OBJECT (task), "store");
    }

  data = tarmac_watchlist_load (job->path, NULL, &error);
  if (data == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  /* Storing is one transaction, all or nothing: cancelling stops before it starts. */
  if (g_cancellable_set_error_if_cancelled (cancellable, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  job->n_entries = data->entries->len;
  g_atomic_int_set (&job->phase, 1);

  mapped = g_mapped_file_new (job->path, FALSE, NULL);
  if (mapped != NULL)
    sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256,
                                          (const guchar *) g_mapped_file_get_contents (mapped),
                                          g_mapped_file_get_length (mapped));

  if (!tarmac_watchlist_import (store, data, NULL, job->file_name, sha256, &report, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_pointer (task, g_steal_pointer (&report),
                         (GDestroyNotify) tarmac_watchlist_import_report_free);
}

static gboolean
pulse_cb (gpointer user_data)
{
  TarmacWatchlistsPage *self = user_data;
  g_autofree char *text = NULL;

  if (self->job == NULL)
    return G_SOURCE_REMOVE;

  gtk_progress_bar_pulse (self->progress_bar);
  if (g_atomic_int_get (&self->job->phase) == 1)
    /* Translators: %u entries of the file %s are being written to the database */
    text = g_strdup_printf (ngettext ("Storing %u entry from “%s”…",
                                      "Storing %u entries from “%s”…", self->job->n_entries),
                            self->job->n_entries, self->job->file_name);
  else
    text = g_strdup_printf (_("Reading “%s”…"), self->job->file_name);
  gtk_label_set_text (self->progress_label, text);

  return G_SOURCE_CONTINUE;
}

static void
finish_import (TarmacWatchlistsPage *self)
{
  g_clear_handle_id (&self->pulse_id, g_source_remove);
  g_clear_pointer (&self->job, import_job_unref);
  gtk_revealer_set_reveal_child (self->progress_revealer, FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "watchlists.import", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "watchlists.cancel-import", FALSE);
}

static void
show_report_details (TarmacWatchlistsPage              *self,
                     const TarmacWatchlistImportReport *report)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GString *body = g_string_new (NULL);
  GtkWidget *dialog;

  g_string_append_printf (body, _("Entries: %u (%u names, %u documents)"), report->entries,
                          report->names, report->documents);
  g_string_append_c (body, '\n');
  g_string_append_printf (body, _("Added: %u · Changed: %u · Removed: %u · Unchanged: %u"),
                          report->added, report->changed, report->removed, report->unchanged);
  if (report->version != NULL)
    {
      g_string_append_c (body, '\n');
      g_string_append_printf (body, _("Version: %s"), report->version);
    }
  for (guint i = 0; i < report->warnings->len && i < 20; i++)
    {
      g_string_append (body, "\n• ");
      g_string_append (body, g_ptr_array_index (report->warnings, i));
    }
  if (report->warnings->len > 20)
    {
      g_string_append (body, "\n");
      g_string_append_printf (body, ngettext ("…and %u more warning", "…and %u more warnings",
                                              report->warnings->len - 20),
                              report->warnings->len - 20);
    }

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   report->list_name, body->str);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
  g_string_free (body, TRUE);
}

static void
on_details_clicked_cb (AdwToast *toast,
                       gpointer  user_data)
{
  TarmacWatchlistsPage *self = g_object_get_data (G_OBJECT (toast), "page");

  if (self != NULL)
    show_report_details (self, user_data);
}

static void
on_import_done_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(TarmacWatchlistsPage) self = user_data;
  g_autoptr(TarmacWatchlistImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  report = g_task_propagate_pointer (G_TASK (result), &error);
  finish_import (self);

  if (report == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_toast (self, _("Import cancelled: the list was not changed"));
      else
        show_toast (self, error->message);
      return;
    }

  reload_lists (self);
  /* Everyone is screened again against the changed list (tarmac-window-screen.c). */
  gtk_widget_activate_action (GTK_WIDGET (self), "win.rescreen", NULL);

  /* Translators: after a list import: the list's name, then what changed */
  title = g_strdup_printf (_("%1$s: %2$u added, %3$u changed, %4$u removed"),
                           report->list_name, report->added, report->changed, report->removed);
  toast = adw_toast_new (title);
  adw_toast_set_timeout (toast, 10);
  adw_toast_set_button_label (toast, _("_Details"));
  g_object_set_data (G_OBJECT (toast), "page", self);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_details_clicked_cb),
                         g_steal_pointer (&report),
                         (GClosureNotify) (void (*) (void)) tarmac_watchlist_import_report_free,
                         0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
on_chooser_response_cb (TarmacWatchlistsPage *self,
                        int                   response,
                        GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
  g_clear_object (&self->chooser);

  if (file != NULL)
    tarmac_watchlists_page_import_file (self, file);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TarmacWatchlistsPage *self = TARMAC_WATCHLISTS_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GtkFileFilter) lists = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  if (self->chooser != NULL || self->job != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Import a Watchlist"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Import"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);

  gtk_file_filter_set_name (lists, _("Watchlists (XML, CSV)"));
  gtk_file_filter_add_suffix (lists, "xml");
  gtk_file_filter_add_suffix (lists, "csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), lists);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), all);

  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
cancel_import_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  TarmacWatchlistsPage *self = TARMAC_WATCHLISTS_PAGE (widget);

  if (self->job != NULL)
    g_cancellable_cancel (self->job->cancellable);
}

/* Manual entries, lists */

static void
add_entry_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TarmacWatchlistsPage *self = TARMAC_WATCHLISTS_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  TarmacWatchlistEntryEditor *editor;

  editor = tarmac_watchlist_entry_editor_new (get_store (self), 0, NULL);
  gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL);
  g_signal_connect_object (editor, "saved", G_CALLBACK (on_entry_saved_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
show_lists_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  TarmacWatchlistsPage *self = TARMAC_WATCHLISTS_PAGE (widget);

  if (self->search_cancellable != NULL)
    g_cancellable_cancel (self->search_cancellable);
  g_clear_object (&self->search_cancellable);
  gtk_widget_set_visible (GTK_WIDGET (self->search_spinner), FALSE);
  g_clear_object (&self->list);
  g_clear_object (&self->entries);
  gtk_single_selection_set_model (self->selection, NULL);
  reload_lists (self);
}

static void
on_remove_response_cb (AdwMessageDialog     *dialog,
                       const char           *response,
                       TarmacWatchlistsPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "watchlist-id"));
  const char *name = g_object_get_data (G_OBJECT (dialog), "watchlist-name");

  if (!g_str_equal (response, "remove"))
    return;

  if (!tarmac_watchlist_remove (get_store (self), id, &error))
    {
      show_toast (self, error->message);
      return;
    }

  gtk_widget_activate_action (GTK_WIDGET (self), "win.rescreen", NULL);

  /* Translators: %s is the name of the list that was removed */
  text = g_strdup_printf (_("“%s” removed"), name);
  show_toast (self, text);
  show_lists_action (GTK_WIDGET (self), NULL, NULL);
}

static void
remove_list_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  TarmacWatchlistsPage *self = TARMAC_WATCHLISTS_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  guint n;
  GtkWidget *dialog;

  if (self->list == NULL)
    return;

  n = tarmac_watchlist_get_entry_count (self->list);
  /* Translators: %s is a watchlist's name */
  heading = g_strdup_printf (_("Remove “%s”?"), tarmac_screen_format_list_name (self->list));
  body = g_strdup_printf (ngettext ("Its %u entry is deleted and travellers are no longer "
                                    "screened against it. Hits it raised stay in the review "
                                    "queue.",
                                    "Its %u entries are deleted and travellers are no longer "
                                    "screened against them. Hits they raised stay in the "
                                    "review queue.", n), n);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "remove", _("_Remove"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "watchlist-id",
                     GSIZE_TO_POINTER ((gsize) tarmac_watchlist_get_id (self->list)));
  g_object_set_data_full (G_OBJECT (dialog), "watchlist-name",
                          g_strdup (tarmac_screen_format_list_name (self->list)), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_remove_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
tarmac_watchlists_page_reload (TarmacPage *page)
{
  reload_lists (TARMAC_WATCHLISTS_PAGE (page));
}

static void
tarmac_watchlists_page_dispose (GObject *object)
{
  TarmacWatchlistsPage *self = (TarmacWatchlistsPage *)object;

  if (self->job != NULL)
    g_cancellable_cancel (self->job->cancellable);
  g_clear_handle_id (&self->pulse_id, g_source_remove);
  g_clear_pointer (&self->job, import_job_unref);
  if (self->search_cancellable != NULL)
    g_cancellable_cancel (self->search_cancellable);
  g_clear_object (&self->search_cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);

  gtk_widget_dispose_template (GTK_WIDGET (object), TARMAC_TYPE_WATCHLISTS_PAGE);

  g_clear_object (&self->selection);
  g_clear_object (&self->entries);
  g_clear_object (&self->list);
  g_clear_pointer (&self->shown_query, g_free);
  g_clear_object (&self->lists);

  G_OBJECT_CLASS (tarmac_watchlists_page_parent_class)->dispose (object);
}

static void
tarmac_watchlists_page_class_init (TarmacWatchlistsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  TarmacPageClass *page_class = TARMAC_PAGE_CLASS (klass);

  object_class->dispose = tarmac_watchlists_page_dispose;
  page_class->reload = tarmac_watchlists_page_reload;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/jaitf/Tarmac/tarmac-watchlists-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TarmacWatchlistsPage, add_button);
  gtk_widget_class_bind_template_child (widget_class, TarmacWatchlistsPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, TarmacWatchlistsPage, entries_stack);
  gtk_widget_class_bind_template_child (widget_class, TarmacWatchlistsPage, list_box);
  gtk_widget_class_bind_template_child (widget_class, TarmacWatchlistsPage, none_page);
  gtk_widget_class_bind_template_child (widget_class, TarmacWatchlistsPage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, TarmacWatchlistsPage, progress_label);
  gtk_widget_class_bind_template_child (widget_class, TarmacWatchlistsPage, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, TarmacWatchlistsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, TarmacWatchlistsPage, search_spinner);
  gtk_widget_class_bind_template_child (widget_class, TarmacWatchlistsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, TarmacWatchlistsPage, toast_overlay);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_list_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);

  gtk_widget_class_install_action (widget_class, "watchlists.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "watchlists.cancel-import", NULL,
                                   cancel_import_action);
  gtk_widget_class_install_action (widget_class, "watchlists.add-entry", NULL, add_entry_action);
  gtk_widget_class_install_action (widget_class, "watchlists.show-lists", NULL,
                                   show_lists_action);
  gtk_widget_class_install_action (widget_class, "watchlists.remove-list", NULL,
                                   remove_list_action);
}

static void
tarmac_watchlists_page_init (TarmacWatchlistsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  /* Fixed widths that fit 1024×600 beside the sidebar; the name takes the rest. */
  add_column (self, _("Name"), COLUMN_NAME, 0, TRUE);
  /* Translators: a narrow column: how many other names (aliases) an entry has, "+3" */
  add_column (self, C_("column", "Aliases"), COLUMN_OTHER_NAMES, 64, FALSE);
  add_column (self, _("Date of Birth"), COLUMN_DOB, 110, FALSE);
  add_column (self, C_("column", "Nationality"), COLUMN_NATIONALITY, 90, FALSE);
  add_column (self, C_("column", "Document"), COLUMN_DOCUMENT, 100, FALSE);
  add_column (self, _("Reason"), COLUMN_REASON, 150, FALSE);
  add_column (self, _("Expires"), COLUMN_EXPIRES, 90, FALSE);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "watchlists.cancel-import", FALSE);
  tarmac_page_set_empty (TARMAC_PAGE (self), TRUE);
}

/**
 * tarmac_watchlists_page_get_lists:
 *
 * Returns: (transfer none) (nullable): the lists shown, of #TarmacWatchlist
 */
GListModel *
tarmac_watchlists_page_get_lists (TarmacWatchlistsPage *self)
{
  g_return_val_if_fail (TARMAC_IS_WATCHLISTS_PAGE (self), NULL);
  return self->lists;
}

/**
 * tarmac_watchlists_page_open_list:
 * @self: the page
 * @watchlist_id: a list
 *
 * Shows a list's entries (an audited view).
 *
 * Returns: %TRUE when the list exists
 */
gboolean
tarmac_watchlists_page_open_list (TarmacWatchlistsPage *self,
                                  gint64                watchlist_id)
{
  g_autoptr(TarmacWatchlist) list = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (TARMAC_IS_WATCHLISTS_PAGE (self), FALSE);

  list = tarmac_watchlist_get (get_store (self), watchlist_id, &error);
  if (list == NULL)
    {
      show_toast (self, error->message);
      return FALSE;
    }

  g_set_object (&self->list, list);
  g_clear_object (&self->entries);
  gtk_single_selection_set_model (self->selection, NULL);
  gtk_widget_set_visible (self->add_button, tarmac_watchlist_is_manual (list));
  self->setting_query = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  self->setting_query = FALSE;
  show_entries (self, NULL);
  gtk_stack_set_visible_child_name (self->stack, "entries");
  return TRUE;
}

/**
 * tarmac_watchlists_page_get_entries:
 *
 * Returns: (transfer none) (nullable): the entries shown, of #TarmacWatchlistItem
 */
GListModel *
tarmac_watchlists_page_get_entries (TarmacWatchlistsPage *self)
{
  g_return_val_if_fail (TARMAC_IS_WATCHLISTS_PAGE (self), NULL);
  return self->entries != NULL ? G_LIST_MODEL (self->entries) : NULL;
}

/* Searches the open list at once, as if typed. */
void
tarmac_watchlists_page_set_query (TarmacWatchlistsPage *self,
                                  const char           *query)
{
  g_return_if_fail (TARMAC_IS_WATCHLISTS_PAGE (self));

  self->setting_query = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), query);
  self->setting_query = FALSE;
  if (self->list != NULL)
    show_entries (self, query);
}

/**
 * tarmac_watchlists_page_open_entry:
 * @self: the page
 * @position: an entry's position in the table
 *
 * Opens the entry's detail (an audited view).
 *
 * Returns: (transfer none) (nullable): the detail window
 */
GtkWindow *
tarmac_watchlists_page_open_entry (TarmacWatchlistsPage *self,
                                   guint                 position)
{
  g_autoptr(TarmacWatchlistItem) item = NULL;
  TarmacWatchlistEntryWindow *window;
  g_autoptr(GError) error = NULL;
  GtkRoot *root;

  g_return_val_if_fail (TARMAC_IS_WATCHLISTS_PAGE (self), NULL);

  if (self->entries == NULL)
    return NULL;
  item = g_list_model_get_item (G_LIST_MODEL (self->entries), position);
  if (item == NULL)
    return NULL;

  window = tarmac_watchlist_entry_window_new (get_store (self),
                                              tarmac_watchlist_item_get_id (item), &error);
  if (window == NULL)
    {
      show_toast (self, error->message);
      return NULL;
    }

  root = gtk_widget_get_root (GTK_WIDGET (self));
  gtk_window_set_transient_for (GTK_WINDOW (window), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL);
  g_signal_connect_object (window, "saved", G_CALLBACK (on_entry_saved_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (window));
  return GTK_WINDOW (window);
}

/**
 * tarmac_watchlists_page_import_file:
 * @self: the page
 * @file: a list file
 *
 * Imports @file in a worker thread, with progress and a Cancel button, then reports what
 * was added, changed and removed in a toast.
 */
void
tarmac_watchlists_page_import_file (TarmacWatchlistsPage *self,
                                    GFile                *file)
{
  TarmacStore *store = get_store (self);
  g_autoptr(GTask) task = NULL;
  const char *db_path;
  ImportJob *job;

  g_return_if_fail (TARMAC_IS_WATCHLISTS_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->job != NULL || store == NULL)
    return;

  job = g_new0 (ImportJob, 1);
  job->ref_count = 1;
  job->path = g_file_get_path (file);
  job->file_name = g_file_get_basename (file);
  job->cancellable = g_cancellable_new ();
  db_path = tarmac_store_get_path (store);
  if (db_path != NULL && g_strcmp0 (db_path, ":memory:") != 0)
    job->db_path = g_strdup (db_path);
  self->job = job;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "watchlists.import", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "watchlists.cancel-import", TRUE);
  gtk_revealer_set_reveal_child (self->progress_revealer, TRUE);
  pulse_cb (self);
  self->pulse_id = g_timeout_add (120, pulse_cb, self);

  /* Held by the callback, not by the task (see show_entries()). */
  task = g_task_new (NULL, job->cancellable, on_import_done_cb, g_object_ref (self));
  g_task_set_source_tag (task, tarmac_watchlists_page_import_file);
  /* Cancelling while the list is stored cannot stop the transaction: report what it did. */
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, import_job_ref (job), (GDestroyNotify) import_job_unref);
  if (job->db_path != NULL)
    {
      g_task_run_in_thread (task, import_thread);
    }
  else
    {
      g_object_set_data_full (G_OBJECT (task), "store", g_object_ref (store), g_object_unref);
      import_thread (task, self, job, job->cancellable);
    }
}

/* Whether a search (or the opening of a list) is still running. */
gboolean
tarmac_watchlists_page_is_searching (TarmacWatchlistsPage *self)
{
  g_return_val_if_fail (TARMAC_IS_WATCHLISTS_PAGE (self), FALSE);
  return self->search_cancellable != NULL;
}

gboolean
tarmac_watchlists_page_is_importing (TarmacWatchlistsPage *self)
{
  g_return_val_if_fail (TARMAC_IS_WATCHLISTS_PAGE (self), FALSE);
  return self->job != NULL;
}
