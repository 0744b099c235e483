/* tarmac-network-page.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-network-page"

#include "config.h"

#include <glib/gi18n.h>

#include "tarmac-network-page.h"
#include "tarmac-note-row.h"

#define MAX_NOTES 200

/* Notes, alerts and lookouts exchanged with other airports through the hub: the state of
 * the hub link, then the notes on this workstation, newest first. Reading notes is
 * audited, so they are read when the officer opens the page. Tarmac does not sync yet:
 * the page says so rather than claim a connection. */
struct _TarmacNetworkPage
{
  TarmacPage           parent_instance;

  /* Template widgets */
  GtkStack            *stack;
  AdwActionRow        *hub_row;
  GtkWidget           *hub_button;
  GtkListBox          *notes_list;
  AdwStatusPage       *empty_page;
  GtkWidget           *empty_button;

  /* Owned references */
  GSettings           *settings;
  GListModel          *notes;
};

G_DEFINE_FINAL_TYPE (TarmacNetworkPage, tarmac_network_page, TARMAC_TYPE_PAGE)

static void
update_state (TarmacNetworkPage *self)
{
  g_autofree char *hub = g_settings_get_string (self->settings, "hub-address");
  guint n_notes = self->notes != NULL ? g_list_model_get_n_items (self->notes) : 0;
  g_autofree char *subtitle = NULL;
  gboolean has_hub;

  g_strstrip (hub);
  has_hub = *hub != '\0';

  if (has_hub)
    {
      g_autofree char *title = NULL;
      g_autofree char *description = NULL;

      /* Translators: %s is the hub's address, for example "https://hub.example:8443" */
      title = g_strdup_printf (_("Hub: %s"), hub);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->hub_row), title);
      adw_action_row_set_subtitle (self->hub_row,
                                   _("This version of Tarmac does not sync with the hub yet"));
      adw_action_row_set_icon_name (self->hub_row, "network-server-symbolic");

      /* Translators: %s is the hub's address, for example "https://hub.example:8443" */
      description = g_markup_printf_escaped (_("Notes, alerts and lookouts from other airports "
                                               "appear here once this workstation syncs with "
                                               "the hub at %s. This version of Tarmac does not "
                                               "sync yet."),
                                             hub);
      adw_status_page_set_description (self->empty_page, description);
    }
  else
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->hub_row),
                                     _("Not connected to a hub"));
      adw_action_row_set_subtitle (self->hub_row, NULL);
      adw_action_row_set_icon_name (self->hub_row, "network-offline-symbolic");

      adw_status_page_set_description (self->empty_page,
                                       _("Notes, alerts and lookouts from other airports "
                                         "appear here once this workstation is connected "
                                         "to a hub."));
    }

  gtk_widget_set_visible (self->hub_button, !has_hub);
  gtk_widget_set_visible (self->empty_button, !has_hub);

  if (n_notes == 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      tarmac_page_set_subtitle (TARMAC_PAGE (self), has_hub ? hub : _("Not connected to a hub"));
      tarmac_page_set_empty (TARMAC_PAGE (self), TRUE);
      return;
    }

  if (n_notes >= MAX_NOTES)
    subtitle = g_strdup_printf (ngettext ("Latest %u note", "Latest %u notes", n_notes),
                                n_notes);
  else
    subtitle = g_strdup_printf (ngettext ("%u note", "%u notes", n_notes), n_notes);

  tarmac_page_set_subtitle (TARMAC_PAGE (self), subtitle);
  gtk_stack_set_visible_child_name (self->stack, "notes");
  tarmac_page_set_empty (TARMAC_PAGE (self), FALSE);
}

static GtkWidget *
create_note_row_cb (gpointer item,
                    gpointer user_data)
{
  return tarmac_note_row_new (TARMAC_NOTE (item), FALSE);
}

static void
on_hub_address_changed_cb (TarmacNetworkPage *self,
                           const char        *key,
                           GSettings         *settings)
{
  update_state (self);
}

static void
tarmac_network_page_reload (TarmacPage *page)
{
  TarmacNetworkPage *self = TARMAC_NETWORK_PAGE (page);
  TarmacStore *store = tarmac_page_get_store (page);
  g_autoptr(GError) error = NULL;

  g_clear_object (&self->notes);

  if (store != NULL)
    {
      self->notes = tarmac_store_list_recent_notes (store, MAX_NOTES, &error);
      if (self->notes == NULL)
        g_warning ("Could not list the notes: %s", error->message);
    }

  gtk_list_box_bind_model (self->notes_list, self->notes, create_note_row_cb, NULL, NULL);
  update_state (self);
}

static void
tarmac_network_page_dispose (GObject *object)
{
  TarmacNetworkPage *self = (TarmacNetworkPage *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), TARMAC_TYPE_NETWORK_PAGE);

  g_clear_object (&self->settings);
  g_clear_object (&self->notes);

  G_OBJECT_CLASS (tarmac_network_page_parent_class)->dispose (object);
}

static void
tarmac_network_page_class_init (TarmacNetworkPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  TarmacPageClass *page_class = TARMAC_PAGE_CLASS (klass);

  object_class->dispose = tarmac_network_page_dispose;

  page_class->reload = tarmac_network_page_reload;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/jaitf/Tarmac/tarmac-network-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TarmacNetworkPage, empty_button);
  gtk_widget_class_bind_template_child (widget_class, TarmacNetworkPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, TarmacNetworkPage, hub_button);
  gtk_widget_class_bind_template_child (widget_class, TarmacNetworkPage, hub_row);
  gtk_widget_class_bind_template_child (widget_class, TarmacNetworkPage, notes_list);
  gtk_widget_class_bind_template_child (widget_class, TarmacNetworkPage, stack);
}

static void
tarmac_network_page_init (TarmacNetworkPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (BASE_ID);
  g_signal_connect_object (self->settings, "changed::hub-address",
                           G_CALLBACK (on_hub_address_changed_cb),
                           self, G_CONNECT_SWAPPED);

  /* The notes are read when the page is shown (tarmac_page_reload()), not before. */
  update_state (self);
}

/**
 * tarmac_network_page_get_notes:
 * @self: a Network page
 *
 * Returns: (transfer none) (nullable): the notes the page shows, newest first
 */
GListModel *
tarmac_network_page_get_notes (TarmacNetworkPage *self)
{
  g_return_val_if_fail (TARMAC_IS_NETWORK_PAGE (self), NULL);

  return self->notes;
}
