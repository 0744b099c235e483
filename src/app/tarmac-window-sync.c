/* tarmac-window-sync.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-window"

#include "config.h"

#include <glib/gi18n.h>

#include "tarmac-compose-window.h"
#include "tarmac-demo.h"
#include "tarmac-format.h"
#include "tarmac-network-page.h"
#include "tarmac-window-private.h"

/* The window's link to the hub: the sync service runs while the window is open (the
 * window owns the database), the header bar shows its state, and notes from other
 * airports that arrive meanwhile raise the Network row's unread badge, a toast, and for
 * an urgent alert a desktop notification that opens it. The notification says who sent
 * an alert, never what it says: notes may name travellers, and a notification shows on a
 * locked screen. */

#define NOTIFICATION_ID "tarmac-urgent-alert"

static TarmacNetworkPage *
get_network_page (TarmacWindow *self)
{
  GtkWidget *page = gtk_stack_get_child_by_name (self->page_stack, "network");

  return TARMAC_IS_NETWORK_PAGE (page) ? TARMAC_NETWORK_PAGE (page) : NULL;
}

static GtkLabel *
get_network_badge (TarmacWindow *self)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *box, *badge;

      if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "tarmac-page-name"), "network") != 0)
        continue;

      badge = g_object_get_data (G_OBJECT (row), "tarmac-badge");
      if (badge != NULL)
        return GTK_LABEL (badge);

      box = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row));
      badge = gtk_label_new (NULL);
      gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (badge, "unread-badge");
      gtk_widget_set_visible (badge, FALSE);
      gtk_box_append (GTK_BOX (box), badge);
      g_object_set_data (G_OBJECT (row), "tarmac-badge", badge);
      return GTK_LABEL (badge);
    }

  return NULL;
}

static void
update_badge (TarmacWindow *self)
{
  GtkLabel *badge = get_network_badge (self);
  g_autofree char *text = NULL;
  g_autofree char *description = NULL;
  guint unread;

  if (badge == NULL || self->sync_service == NULL)
    return;

  unread = tarmac_sync_service_get_unread (self->sync_service);
  text = g_strdup_printf ("%u", unread);
  gtk_label_set_label (badge, text);
  gtk_widget_set_visible (GTK_WIDGET (badge), unread > 0);

  /* Translators: read by screen readers on the Network row of the sidebar */
  description = g_strdup_printf (ngettext ("%u unread note", "%u unread notes", unread), unread);
  gtk_accessible_update_property (GTK_ACCESSIBLE (badge),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, description,
                                  -1);
}

static gboolean
network_page_is_seen (TarmacWindow *self)
{
  TarmacNetworkPage *page = get_network_page (self);

  return page != NULL
         && gtk_stack_get_visible_child (self->page_stack) == GTK_WIDGET (page)
         && gtk_window_is_active (GTK_WINDOW (self));
}

static void
send_alert_notification (TarmacWindow *self,
                         const char   *uuid,
                         const char   *origin_site)
{
  GApplication *application = G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  g_autoptr(GNotification) notification = NULL;
  g_autofree char *title = NULL;

  g_free (self->last_alert_uuid);
  self->last_alert_uuid = g_strdup (uuid);

  if (application == NULL)
    return;

  /* Translators: a desktop notification's title; %s is an airport code, for example DKR */
  title = g_strdup_printf (_("Urgent alert from %s"), origin_site);
  notification = g_notification_new (title);
  g_notification_set_body (notification, _("Open Tarmac to read and acknowledge it."));
  g_notification_set_priority (notification, G_NOTIFICATION_PRIORITY_URGENT);
  g_notification_set_default_action_and_target (notification, "app.show-note", "s", uuid);
  g_application_send_notification (application, NOTIFICATION_ID, notification);
}

static void
on_notes_arrived_cb (TarmacWindow       *self,
                     guint               n_notes,
                     TarmacNotePriority  priority,
                     const char         *uuid,
                     const char         *origin_site,
                     TarmacSyncService  *service)
{
  TarmacNetworkPage *page = get_network_page (self);

  if (priority == TARMAC_NOTE_PRIORITY_URGENT)
    send_alert_notification (self, uuid, origin_site);

  /* On the page already: show them (reading them there is what marks them read). */
  if (network_page_is_seen (self))
    {
      tarmac_page_reload (TARMAC_PAGE (page));
      return;
    }

  {
    g_autoptr(AdwToast) toast = NULL;
    g_autofree char *title = NULL;

    if (n_notes == 1)
      /* Translators: a toast; %s is an airport code, for example DKR */
      title = g_strdup_printf (_("New note from %s"), origin_site);
    else
      /* Translators: a toast, when several notes arrived at once */
      title = g_strdup_printf (ngettext ("%u new note", "%u new notes", n_notes), n_notes);
    toast = adw_toast_new (title);
    adw_toast_set_button_label (toast, _("_Show"));
    adw_toast_set_action_name (toast, "win.show-page");
    adw_toast_set_action_target (toast, "s", "network");
    adw_toast_overlay_add_toast (self->toast_overlay, g_steal_pointer (&toast));
  }
}

/* Back to the window with the Network page on it: what arrived meanwhile is shown (and
 * so marked read) now. */
static void
on_active_changed_cb (TarmacWindow *self)
{
  if (network_page_is_seen (self) && tarmac_sync_service_get_unread (self->sync_service) > 0)
    tarmac_page_reload (TARMAC_PAGE (get_network_page (self)));
}

static void
on_note_sent_cb (TarmacWindow        *self,
                 TarmacNote          *note,
                 TarmacComposeWindow *compose)
{
  TarmacNetworkPage *page = get_network_page (self);
  const char *recipients = tarmac_note_get_recipients (note);
  g_autofree char *held = tarmac_sync_dup_held_sites (self->store, tarmac_note_get_uuid (note));
  g_autofree char *title = NULL;

  if (held != NULL)
    /* Translators: a toast; %s lists airport codes, for example "LFW,ADD" */
    title = g_strdup_printf (_("Saved, but held for %s: the key changed without proof (see the Network page)"),
                             held);
  else if (recipients == NULL || *recipients == '\0')
    title = g_strdup (_("Note saved at this airport"));
  else if (tarmac_sync_service_get_state (self->sync_service) == TARMAC_SYNC_STATE_ONLINE)
    /* Translators: a toast; %s lists airport codes, for example "LFW,ADD" */
    title = g_strdup_printf (_("Sent to %s"), recipients);
  else
    /* Translators: a toast; %s lists airport codes, for example "LFW,ADD" */
    title = g_strdup_printf (_("Saved: it goes to %s when the hub can be reached"), recipients);

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));

  if (page != NULL && gtk_stack_get_visible_child (self->page_stack) == GTK_WIDGET (page))
    tarmac_page_reload (TARMAC_PAGE (page));
}

/* A note about a flight names one of yesterday's, today's or tomorrow's flights, each
 * once (flights are not personal data: listing them is not audited). */
static void
offer_recent_flights (TarmacWindow        *self,
                      TarmacComposeWindow *window)
{
  g_autofree char *today = tarmac_format_today ();
  g_autofree char *from = tarmac_format_day_offset (today, -1);
  g_autofree char *to = tarmac_format_day_offset (today, 1);
  g_autoptr(GListModel) flights = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto(GStrv) designators = NULL;
  g_autoptr(GError) error = NULL;

  flights = tarmac_store_list_flights (self->store, from, to, &error);
  if (flights == NULL)
    {
      g_debug ("No flights to offer: %s", error->message);
      return;
    }

  for (guint i = 0; i < g_list_model_get_n_items (flights) && i < 200; i++)
    {
      g_autoptr(TarmacFlight) flight = g_list_model_get_item (flights, i);
      const char *designator = tarmac_flight_get_designator (flight);

      if (designator != NULL && g_hash_table_add (seen, g_strdup (designator)))
        g_strv_builder_add (builder, designator);
    }

  designators = g_strv_builder_end (builder);
  tarmac_compose_window_set_recent_flights (window, (const char * const *) designators);
}

static TarmacComposeWindow *
compose (TarmacWindow *self)
{
  TarmacComposeWindow *window;

  if (self->sync_service == NULL)
    return NULL;

  window = tarmac_compose_window_new (GTK_WINDOW (self), self->sync_service);
  g_signal_connect_object (window, "sent", G_CALLBACK (on_note_sent_cb), self, G_CONNECT_SWAPPED);
  offer_recent_flights (self, window);
  gtk_window_present (GTK_WINDOW (window));
  self->compose_window = GTK_WIDGET (window);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &self->compose_window);
  return window;
}

static void
new_note_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  TarmacWindow *self = TARMAC_WINDOW (widget);

  /* Ctrl+N is "new" for the page shown: on the Seizures page, a new seizure. The
   * application's accelerator runs before the page's own shortcut, so it asks here. */
  if (g_strcmp0 (tarmac_window_get_visible_page_name (self), "seizures") == 0)
    {
      gtk_widget_activate_action (tarmac_window_get_page (self, "seizures"), "seizures.new", NULL);
      return;
    }
  compose (self);
}

/* From the flight and traveller pages: a note about what they show. */
static void
send_note_about_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  TarmacComposeWindow *window = compose (TARMAC_WINDOW (widget));
  const char *type, *ref;

  g_variant_get (parameter, "(&s&s)", &type, &ref);
  if (window != NULL)
    tarmac_compose_window_set_subject (window, type, ref);
}

static void
reply_note_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  TarmacWindow *self = TARMAC_WINDOW (widget);
  TarmacNetworkPage *page = get_network_page (self);
  GListModel *notes = page != NULL ? tarmac_network_page_get_notes (page) : NULL;
  const char *uuid = g_variant_get_string (parameter, NULL);

  for (guint i = 0; notes != NULL && i < g_list_model_get_n_items (notes); i++)
    {
      g_autoptr(TarmacNote) note = g_list_model_get_item (notes, i);

      if (g_strcmp0 (tarmac_note_get_uuid (note), uuid) == 0)
        {
          TarmacComposeWindow *window = compose (self);

          if (window != NULL)
            tarmac_compose_window_set_reply_to (window, note);
          return;
        }
    }
}

void
_tarmac_window_class_init_sync (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.new-note", NULL, new_note_action);
  gtk_widget_class_install_action (widget_class, "win.send-note-about", "(ss)",
                                   send_note_about_action);
  gtk_widget_class_install_action (widget_class, "win.reply-note", "s", reply_note_action);
}

void
_tarmac_window_init_sync (TarmacWindow *self)
{
  const char *path = tarmac_store_get_path (self->store);
  TarmacNetworkPage *page;

  /* The demo is generated again at each start, and another connection cannot see an
   * in-memory database: neither can share. */
  if (tarmac_store_is_demo (self->store) || path == NULL || g_strcmp0 (path, ":memory:") == 0)
    {
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-note", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.send-note-about", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.reply-note", FALSE);
      return;
    }

  self->sync_service = tarmac_sync_service_new (path, tarmac_store_get_actor (self->store));
  g_signal_connect_object (self->sync_service, "notes-arrived",
                           G_CALLBACK (on_notes_arrived_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sync_service, "notify::unread",
                           G_CALLBACK (update_badge),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self, "notify::is-active",
                           G_CALLBACK (on_active_changed_cb),
                           self, G_CONNECT_SWAPPED);

  tarmac_sync_indicator_set_service (self->sync_indicator, self->sync_service);
  page = get_network_page (self);
  if (page != NULL)
    tarmac_network_page_set_sync_service (page, self->sync_service);

  tarmac_sync_service_start (self->sync_service);
}

void
_tarmac_window_dispose_sync (TarmacWindow *self)
{
  /* Stops the worker before the database goes: it cancels the request in progress and
   * waits for the transaction in progress, if any. */
  if (self->compose_window != NULL)
    gtk_window_destroy (GTK_WINDOW (self->compose_window));
  if (self->sync_service != NULL)
    tarmac_sync_service_stop (self->sync_service);
  if (self->sync_indicator != NULL)
    tarmac_sync_indicator_set_service (self->sync_indicator, NULL);
  g_clear_object (&self->sync_service);
  g_clear_pointer (&self->last_alert_uuid, g_free);
}

/* (transfer none) (nullable): the uuid of the last urgent alert notified */
const char *
_tarmac_window_get_last_alert (TarmacWindow *self)
{
  return self->last_alert_uuid;
}

/* The number on the Network row's badge, 0 when hidden */
guint
_tarmac_window_get_unread_notes (TarmacWindow *self)
{
  GtkLabel *badge = get_network_badge (self);

  if (badge == NULL || !gtk_widget_get_visible (GTK_WIDGET (badge)))
    return 0;

  return (guint) g_ascii_strtoull (gtk_label_get_label (badge), NULL, 10);
}

/* (transfer none) (nullable): the compose window open, if any */
GtkWindow *
_tarmac_window_get_compose_window (TarmacWindow *self)
{
  return self->compose_window != NULL ? GTK_WINDOW (self->compose_window) : NULL;
}

/**
 * tarmac_window_get_sync_service:
 *
 * Returns: (transfer none) (nullable): the window's link to the hub, or %NULL for the
 *   demo and in-memory databases
 */
TarmacSyncService *
tarmac_window_get_sync_service (TarmacWindow *self)
{
  g_return_val_if_fail (TARMAC_IS_WINDOW (self), NULL);

  return self->sync_service;
}

/**
 * tarmac_window_show_note:
 * @uuid: the note to show
 *
 * Shows the Network page with the note @uuid in view.
 */
void
tarmac_window_show_note (TarmacWindow *self,
                         const char   *uuid)
{
  TarmacNetworkPage *page;

  g_return_if_fail (TARMAC_IS_WINDOW (self));

  if (self->store == NULL)
    return;

  page = get_network_page (self);
  /* Already on the page (behind another window, say): read it again, so the note is
   * there and marked read. */
  if (page != NULL && gtk_stack_get_visible_child (self->page_stack) == GTK_WIDGET (page))
    tarmac_page_reload (TARMAC_PAGE (page));
  else
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-page", "s", "network");
  if (page != NULL && uuid != NULL)
    tarmac_network_page_reveal_note (page, uuid);
}
