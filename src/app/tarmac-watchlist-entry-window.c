/* tarmac-watchlist-entry-window.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-watchlist-entry-window"

#include "config.h"

#include <glib/gi18n.h>

#include "tarmac-countries.h"
#include "tarmac-format.h"
#include "tarmac-detail-rows.h"
#include "tarmac-screen-format.h"
#include "tarmac-watchlist-entry-editor.h"
#include "tarmac-watchlist-entry-window.h"
#include "tarmac-watchlist-entry.h"
#include "tarmac-watchlist.h"

/* Everything a list says about one entry: all its names and aliases with their quality
 * and script, every DOB form, nationalities, documents, why it is listed and until when.
 * A manual entry can be edited or expired from here. Built in code: its rows depend on
 * the entry. Reading the entry is audited by tarmac_watchlist_entry_load(). */
struct _TarmacWatchlistEntryWindow
{
  AdwWindow             parent_instance;

  /* Owned references */
  TarmacStore          *store;
  TarmacWatchlistEntry *entry;
  TarmacWatchlist      *list;
  gint64                entry_id;
};

G_DEFINE_FINAL_TYPE (TarmacWatchlistEntryWindow, tarmac_watchlist_entry_window, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
add_optional (AdwPreferencesGroup *group,
              const char          *title,
              const char          *value)
{
  if (value != NULL && *value != '\0')
    tarmac_detail_add_row (group, title, value);
}

static void
fill (TarmacWatchlistEntryWindow *self,
      AdwPreferencesPage         *page)
{
  TarmacWatchlistEntry *entry = self->entry;
  AdwPreferencesGroup *group;

  group = tarmac_detail_add_group (page, _("Names"));
  for (guint i = 0; i < entry->names->len; i++)
    {
      const TarmacWatchlistName *name = g_ptr_array_index (entry->names, i);
      const char *script = tarmac_screen_format_script (name->script);
      g_autofree char *subtitle = NULL;

      if (script != NULL)
        /* Translators: a listed name's quality ("Alias") and script ("Arabic script") */
        subtitle = g_strdup_printf (_("%1$s · %2$s"),
                                    tarmac_screen_format_name_quality (name->quality), script);
      else
        subtitle = g_strdup (tarmac_screen_format_name_quality (name->quality));
      tarmac_detail_add_row (group, name->name, subtitle);
    }

  group = tarmac_detail_add_group (page, _("Identity"));
  for (guint i = 0; i < entry->dobs->len; i++)
    {
      g_autofree char *dob = tarmac_screen_format_dob (&g_array_index (entry->dobs, TarmacDob, i));

      tarmac_detail_add_row (group, _("Date of birth"), dob);
    }
  if (entry->dobs->len == 0)
    tarmac_detail_add_row (group, _("Date of birth"), _("Not known"));
  for (guint i = 0; i < entry->nationalities->len; i++)
    {
      const char *code = g_ptr_array_index (entry->nationalities, i);
      const char *name = tarmac_country_name (code);
      g_autofree char *text = name != NULL ? g_strdup_printf ("%s (%s)", name, code)
                                           : g_strdup (code);

      tarmac_detail_add_row (group, _("Nationality"), text);
    }
  if (entry->sex != NULL)
    tarmac_detail_add_row (group, _("Sex"), g_str_equal (entry->sex, "F") ? _("Female")
                              : g_str_equal (entry->sex, "M") ? _("Male") : entry->sex);

  if (entry->documents->len > 0)
    {
      group = tarmac_detail_add_group (page, _("Documents"));
      for (guint i = 0; i < entry->documents->len; i++)
        {
          const TarmacWatchlistDocument *document = g_ptr_array_index (entry->documents, i);
          GString *subtitle = g_string_new (tarmac_screen_format_document_type (document->type));

          if (document->issuing_country != NULL)
            g_string_append_printf (subtitle, " · %s", document->issuing_country);
          if (document->status != NULL)
            g_string_append_printf (subtitle, " · %s", document->status);
          if (document->note != NULL)
            g_string_append_printf (subtitle, " · %s", document->note);
          tarmac_detail_add_row (group, document->number, subtitle->str);
          g_string_free (subtitle, TRUE);
        }
    }

  group = tarmac_detail_add_group (page, _("Listing"));
  add_optional (group, _("Reason"), entry->reason);
  add_optional (group, _("Category"), entry->category);
  add_optional (group, _("Listed on"), entry->listed_on);
  if (entry->expires_at != NULL)
    {
      g_autofree char *day = tarmac_format_date (entry->expires_at);

      tarmac_detail_add_row (group, _("Expires"), day != NULL ? day : entry->expires_at);
    }
  else
    {
      tarmac_detail_add_row (group, _("Expires"), _("Never"));
    }
  add_optional (group, _("Reference"), entry->reference);
  add_optional (group, _("Entry"), entry->external_id);
  tarmac_detail_add_row (group, _("List"), tarmac_screen_format_list_name (self->list));
  for (guint i = 0; i < entry->addresses->len; i++)
    tarmac_detail_add_row (group, _("Address"), g_ptr_array_index (entry->addresses, i));
}

static void
on_editor_saved_cb (TarmacWatchlistEntryWindow *self,
                    gint64                      entry_id,
                    gpointer                    editor)
{
  g_signal_emit (self, signals[SAVED], 0, entry_id);
  gtk_window_close (GTK_WINDOW (self));
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TarmacWatchlistEntryWindow *self = TARMAC_WATCHLIST_ENTRY_WINDOW (widget);
  TarmacWatchlistEntryEditor *editor;

  editor = tarmac_watchlist_entry_editor_new (self->store, self->entry_id, self->entry);
  gtk_window_set_transient_for (GTK_WINDOW (editor), gtk_window_get_transient_for (GTK_WINDOW (self)));
  g_signal_connect_object (editor, "saved", G_CALLBACK (on_editor_saved_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
expire_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TarmacWatchlistEntryWindow *self = TARMAC_WATCHLIST_ENTRY_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!tarmac_watchlist_manual_expire (self->store, self->entry_id, &error))
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Could Not Expire the Entry"),
                                                  error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  g_signal_emit (self, signals[SAVED], 0, self->entry_id);
  gtk_window_close (GTK_WINDOW (self));
}

static void
tarmac_watchlist_entry_window_dispose (GObject *object)
{
  TarmacWatchlistEntryWindow *self = (TarmacWatchlistEntryWindow *)object;

  g_clear_pointer (&self->entry, tarmac_watchlist_entry_free);
  g_clear_object (&self->list);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (tarmac_watchlist_entry_window_parent_class)->dispose (object);
}

static void
tarmac_watchlist_entry_window_class_init (TarmacWatchlistEntryWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tarmac_watchlist_entry_window_dispose;

  /**
   * TarmacWatchlistEntryWindow::saved:
   * @entry_id: the entry
   *
   * The manual entry was edited or expired.
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_install_action (widget_class, "entry.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "entry.expire", NULL, expire_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
tarmac_watchlist_entry_window_init (TarmacWatchlistEntryWindow *self)
{
  gtk_window_set_default_size (GTK_WINDOW (self), 480, 540);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
}

static GtkWidget *
header_button (const char *label,
               const char *action)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  return button;
}

/**
 * tarmac_watchlist_entry_window_new:
 * @store: the store
 * @entry_id: the entry to show
 * @error: return location for a #GError
 *
 * Reads the entry (an audited view) and builds its detail.
 *
 * Returns: (transfer floating): the window, or %NULL when the entry cannot be read
 */
TarmacWatchlistEntryWindow *
tarmac_watchlist_entry_window_new (TarmacStore  *store,
                                   gint64        entry_id,
                                   GError      **error)
{
  TarmacWatchlistEntryWindow *self;
  g_autoptr(TarmacWatchlistEntry) entry = NULL;
  g_autoptr(TarmacWatchlist) list = NULL;
  GtkWidget *box, *header, *page, *title;
  const char *first_name;
  gint64 watchlist_id = 0;
  gboolean manual;

  g_return_val_if_fail (TARMAC_IS_STORE (store), NULL);

  entry = tarmac_watchlist_entry_load (store, entry_id, &watchlist_id, error);
  if (entry == NULL)
    return NULL;
  list = tarmac_watchlist_get (store, watchlist_id, error);
  if (list == NULL)
    return NULL;

  self = g_object_new (TARMAC_TYPE_WATCHLIST_ENTRY_WINDOW, NULL);
  self->store = g_object_ref (store);
  self->entry = g_steal_pointer (&entry);
  self->list = g_steal_pointer (&list);
  self->entry_id = entry_id;
  manual = tarmac_watchlist_is_manual (self->list);

  first_name = self->entry->names->len > 0
               ? ((TarmacWatchlistName *) g_ptr_array_index (self->entry->names, 0))->name
               : self->entry->external_id;
  gtk_window_set_title (GTK_WINDOW (self), first_name);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  title = adw_window_title_new (first_name, tarmac_screen_format_list_name (self->list));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), title);
  if (manual)
    {
      adw_header_bar_pack_start (ADW_HEADER_BAR (header), header_button (_("_Edit…"), "entry.edit"));
      adw_header_bar_pack_end (ADW_HEADER_BAR (header), header_button (_("E_xpire"), "entry.expire"));
    }
  gtk_box_append (GTK_BOX (box), header);

  page = adw_preferences_page_new ();
  gtk_widget_set_vexpand (page, TRUE);
  fill (self, ADW_PREFERENCES_PAGE (page));
  gtk_box_append (GTK_BOX (box), page);
  adw_window_set_content (ADW_WINDOW (self), box);

  return self;
}
