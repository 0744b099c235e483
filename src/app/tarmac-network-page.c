/* tarmac-network-page.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-network-page"

#include "config.h"

#include <glib/gi18n.h>

#include "tarmac-format.h"
#include "tarmac-key-changes-group.h"
#include "tarmac-network-page.h"
#include "tarmac-note-row.h"

#define MAX_NOTES 200

/* Notes, alerts and lookouts exchanged with other airports through the hub: the state of
 * the hub link, then the notes on this workstation, newest first. Reading notes is
 * audited, so they are read when the officer opens the page. The hub row follows the
 * window's sync service (TarmacSyncService). */
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
  GtkWidget           *new_button;
  GtkBox              *content_box;
  GtkWidget           *hub_list;
  GtkWidget           *key_changes;      /* TarmacKeyChangesGroup */

  /* Owned references */
  GSettings           *settings;
  GListModel          *notes;
  TarmacSyncService   *service;
  GSignalGroup        *service_signals;
  GCancellable        *cancellable;
  GHashTable          *receipts;        /* uuid → GListModel of TarmacNoteReceipt */
};

G_DEFINE_FINAL_TYPE (TarmacNetworkPage, tarmac_network_page, TARMAC_TYPE_PAGE)

static const char *
describe_state (TarmacSyncService *service)
{
  switch (tarmac_sync_service_get_state (service))
    {
    case TARMAC_SYNC_STATE_ONLINE:
      return _("Online: notes are sent and received as they are written");
    case TARMAC_SYNC_STATE_OFFLINE:
      return _("Offline: notes written here are kept and sent when the hub can be reached");
    case TARMAC_SYNC_STATE_ERROR:
      return tarmac_sync_service_get_reason (service) != NULL
               ? tarmac_sync_service_get_reason (service) : _("The hub refused to sync");
    case TARMAC_SYNC_STATE_CONNECTING:
    case TARMAC_SYNC_STATE_NOT_ENROLLED:
    default:
      return _("Connecting…");
    }
}

static void
update_state (TarmacNetworkPage *self)
{
  guint n_notes = self->notes != NULL ? g_list_model_get_n_items (self->notes) : 0;
  gboolean enrolled = self->service != NULL && tarmac_sync_service_get_enrolled (self->service);
  g_autofree char *subtitle = NULL;
  const char *page_subtitle;

  if (enrolled)
    {
      g_autofree char *title = NULL;
      TarmacSyncState state = tarmac_sync_service_get_state (self->service);

      /* Translators: %1$s is this workstation's airport code (DKR), %2$s the hub's
       * address, for example "https://hub.example:8443" */
      title = g_strdup_printf (_("%1$s on the hub %2$s"),
                               tarmac_sync_service_get_site (self->service),
                               tarmac_sync_service_get_hub_url (self->service));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->hub_row), title);
      adw_action_row_set_subtitle (self->hub_row, describe_state (self->service));
      adw_action_row_set_icon_name (self->hub_row,
                                    state == TARMAC_SYNC_STATE_ONLINE ? "network-idle-symbolic"
                                    : state == TARMAC_SYNC_STATE_ERROR ? "network-error-symbolic"
                                    : "network-offline-symbolic");
      adw_status_page_set_description (self->empty_page,
                                       _("Notes and alerts from other airports appear here as "
                                         "they arrive. Write one with New Note."));
      page_subtitle = tarmac_sync_service_get_site (self->service);
    }
  else
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->hub_row),
                                     _("Not connected to a hub"));
      adw_action_row_set_subtitle (self->hub_row,
                                   self->service != NULL
                                     ? _("Enrol this workstation in Preferences to exchange notes "
                                         "with other airports")
                                     : NULL);
      adw_action_row_set_icon_name (self->hub_row, "network-offline-symbolic");

      adw_status_page_set_description (self->empty_page,
                                       _("Notes, alerts and lookouts from other airports "
                                         "appear here once this workstation is enrolled "
                                         "in the task force network."));
      page_subtitle = _("Not connected to a hub");
    }

  gtk_widget_set_visible (self->hub_button, !enrolled && self->service != NULL);
  gtk_widget_set_visible (self->new_button, enrolled);
  gtk_widget_set_visible (self->empty_button, self->service != NULL);
  gtk_button_set_label (GTK_BUTTON (self->empty_button), enrolled ? _("_New Note…") : _("_Enrol…"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->empty_button),
                                  enrolled ? "win.new-note" : "app.preferences");

  if (n_notes == 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      tarmac_page_set_subtitle (TARMAC_PAGE (self), page_subtitle);
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

static void
on_service_changed_cb (TarmacNetworkPage *self)
{
  update_state (self);
}

static char *
describe_receipts (TarmacNetworkPage *self,
                   TarmacNote        *note)
{
  g_autoptr(GDateTime) now = NULL;
  GListModel *receipts;

  if (self->receipts == NULL
      || (receipts = g_hash_table_lookup (self->receipts, tarmac_note_get_uuid (note))) == NULL)
    return NULL;

  now = g_date_time_new_now_local ();
  return tarmac_format_receipts (receipts, now);
}

static GtkWidget *
create_note_row_cb (gpointer item,
                    gpointer user_data)
{
  TarmacNetworkPage *self = user_data;
  GtkWidget *row = tarmac_note_row_new (TARMAC_NOTE (item), FALSE);
  g_autofree char *receipts = describe_receipts (self, TARMAC_NOTE (item));

  tarmac_note_row_set_can_reply (TARMAC_NOTE_ROW (row),
                                 self->service != NULL
                                 && tarmac_sync_service_get_enrolled (self->service));
  tarmac_note_row_set_receipts (TARMAC_NOTE_ROW (row), receipts);
  return row;
}

static void
update_receipt_rows (TarmacNetworkPage *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->notes_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      g_autofree char *receipts = NULL;

      if (!TARMAC_IS_NOTE_ROW (child))
        continue;

      receipts = describe_receipts (self, tarmac_note_row_get_note (TARMAC_NOTE_ROW (child)));
      tarmac_note_row_set_receipts (TARMAC_NOTE_ROW (child), receipts);
    }
}

/**
 * _tarmac_network_page_order_threads:
 * @notes: notes, newest first
 *
 * The feed's order: threads by their latest note, newest first; in each, the note that
 * started it, then its replies, oldest first. A reply whose first note is not in @notes
 * (older than the latest MAX_NOTES) leads its thread.
 *
 * Returns: (transfer full): the same notes, in that order
 */
GListModel *
_tarmac_network_page_order_threads (GListModel *notes)
{
  g_autoptr(GHashTable) present = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) done = g_hash_table_new (g_str_hash, g_str_equal);
  GListStore *ordered = g_list_store_new (TARMAC_TYPE_NOTE);
  guint n = g_list_model_get_n_items (notes);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TarmacNote) note = g_list_model_get_item (notes, i);

      g_hash_table_add (present, (gpointer) tarmac_note_get_uuid (note));
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TarmacNote) note = g_list_model_get_item (notes, i);
      const char *root = tarmac_note_get_thread_root (note);

      if (root == NULL || !g_hash_table_contains (present, root))
        root = tarmac_note_get_uuid (note);
      if (g_hash_table_contains (done, root))
        continue;
      g_hash_table_add (done, (gpointer) root);

      /* The thread, oldest first: its root, then the rest from the end of the list. */
      for (guint j = 0; j < n; j++)
        {
          g_autoptr(TarmacNote) other = g_list_model_get_item (notes, j);

          if (g_strcmp0 (tarmac_note_get_uuid (other), root) == 0)
            {
              g_list_store_append (ordered, other);
              break;
            }
        }
      for (guint j = n; j > 0; j--)
        {
          g_autoptr(TarmacNote) other = g_list_model_get_item (notes, j - 1);
          const char *other_root = tarmac_note_get_thread_root (other);

          if (other_root != NULL && g_strcmp0 (other_root, root) == 0
              && g_strcmp0 (tarmac_note_get_uuid (other), root) != 0)
            g_list_store_append (ordered, other);
        }
    }

  return G_LIST_MODEL (ordered);
}

static void
on_receipts_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(TarmacNetworkPage) self = user_data;
  g_autoptr(GError) error = NULL;
  GHashTable *receipts;

  receipts = tarmac_sync_service_list_receipts_finish (TARMAC_SYNC_SERVICE (object), result, &error);
  if (receipts == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
          && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED))
        g_message ("Could not read the notes’ receipts: %s", error->message);
      return;
    }

  g_clear_pointer (&self->receipts, g_hash_table_unref);
  self->receipts = receipts;
  update_receipt_rows (self);
}

static void
on_marked_read_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!tarmac_sync_service_mark_read_finish (TARMAC_SYNC_SERVICE (object), result, &error)
      && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
      && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED))
    g_message ("Could not mark the notes read: %s", error->message);
}

/* The page shows every note in full: the unread ones shown are read now (an
 * acknowledgement goes back to their writers), and the ones written here say how far
 * they got. */
static void
follow_up_notes (TarmacNetworkPage *self)
{
  g_autoptr(GStrvBuilder) unread = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) mine = g_strv_builder_new ();
  g_auto(GStrv) unread_uuids = NULL;
  g_auto(GStrv) mine_uuids = NULL;
  const char *site;

  if (self->service == NULL || !tarmac_sync_service_get_enrolled (self->service) || self->notes == NULL)
    return;

  site = tarmac_sync_service_get_site (self->service);
  for (guint i = 0; i < g_list_model_get_n_items (self->notes); i++)
    {
      g_autoptr(TarmacNote) note = g_list_model_get_item (self->notes, i);
      const char *recipients = tarmac_note_get_recipients (note);

      if (tarmac_note_get_unread (note))
        g_strv_builder_add (unread, tarmac_note_get_uuid (note));
      if (g_strcmp0 (tarmac_note_get_origin_site (note), site) == 0
          && recipients != NULL && *recipients != '\0')
        g_strv_builder_add (mine, tarmac_note_get_uuid (note));
    }

  unread_uuids = g_strv_builder_end (unread);
  mine_uuids = g_strv_builder_end (mine);
  if (unread_uuids[0] != NULL)
    tarmac_sync_service_mark_read_async (self->service, (const char * const *) unread_uuids,
                                         self->cancellable, on_marked_read_cb, NULL);
  if (mine_uuids[0] != NULL)
    tarmac_sync_service_list_receipts_async (self->service, (const char * const *) mine_uuids,
                                             self->cancellable, on_receipts_cb, g_object_ref (self));
}

/* The service tells who this workstation is a moment after the window opens: the rows
 * shown before that get their Reply buttons, receipts and read marks now. */
static void
on_enrolled_changed_cb (TarmacNetworkPage *self)
{
  gboolean enrolled = self->service != NULL && tarmac_sync_service_get_enrolled (self->service);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->notes_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (TARMAC_IS_NOTE_ROW (child))
      tarmac_note_row_set_can_reply (TARMAC_NOTE_ROW (child), enrolled);

  update_state (self);
  tarmac_key_changes_group_refresh (TARMAC_KEY_CHANGES_GROUP (self->key_changes));
  /* Child-visible: the stack's page on show, mapped or about to be (at start-up the
   * window may not be mapped yet). */
  if (gtk_widget_get_child_visible (GTK_WIDGET (self)))
    follow_up_notes (self);
}

static void
on_synced_cb (TarmacNetworkPage *self)
{
  /* A round may have brought a roster that changed a key without proof. */
  tarmac_key_changes_group_refresh (TARMAC_KEY_CHANGES_GROUP (self->key_changes));

  /* Acknowledgements came in with the round: where the notes got may have changed. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)) && self->notes != NULL)
    follow_up_notes (self);
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

  if (self->notes != NULL)
    {
      GListModel *ordered = _tarmac_network_page_order_threads (self->notes);

      g_set_object (&self->notes, ordered);
      g_object_unref (ordered);
    }

  gtk_list_box_bind_model (self->notes_list, self->notes, create_note_row_cb, self, NULL);
  update_state (self);
  follow_up_notes (self);
  tarmac_key_changes_group_refresh (TARMAC_KEY_CHANGES_GROUP (self->key_changes));
}

static void
tarmac_network_page_dispose (GObject *object)
{
  TarmacNetworkPage *self = (TarmacNetworkPage *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->receipts, g_hash_table_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), TARMAC_TYPE_NETWORK_PAGE);

  g_clear_object (&self->settings);
  g_clear_object (&self->notes);
  if (self->service_signals != NULL)
    g_signal_group_set_target (self->service_signals, NULL);
  g_clear_object (&self->service_signals);
  g_clear_object (&self->service);

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
  gtk_widget_class_bind_template_child (widget_class, TarmacNetworkPage, content_box);
  gtk_widget_class_bind_template_child (widget_class, TarmacNetworkPage, empty_button);
  gtk_widget_class_bind_template_child (widget_class, TarmacNetworkPage, hub_list);
  gtk_widget_class_bind_template_child (widget_class, TarmacNetworkPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, TarmacNetworkPage, hub_button);
  gtk_widget_class_bind_template_child (widget_class, TarmacNetworkPage, hub_row);
  gtk_widget_class_bind_template_child (widget_class, TarmacNetworkPage, new_button);
  gtk_widget_class_bind_template_child (widget_class, TarmacNetworkPage, notes_list);
  gtk_widget_class_bind_template_child (widget_class, TarmacNetworkPage, stack);
}

static void
tarmac_network_page_init (TarmacNetworkPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Keys that changed without proof come first, under the link's state. */
  self->key_changes = tarmac_key_changes_group_new ();
  gtk_box_insert_child_after (self->content_box, self->key_changes, self->hub_list);

  self->settings = g_settings_new (BASE_ID);
  g_signal_connect_object (self->settings, "changed::hub-address",
                           G_CALLBACK (on_hub_address_changed_cb),
                           self, G_CONNECT_SWAPPED);

  self->cancellable = g_cancellable_new ();
  self->service_signals = g_signal_group_new (TARMAC_TYPE_SYNC_SERVICE);
  g_signal_group_connect_swapped (self->service_signals, "notify::last-sync",
                                  G_CALLBACK (on_synced_cb), self);
  g_signal_group_connect_swapped (self->service_signals, "notify::state",
                                  G_CALLBACK (on_service_changed_cb), self);
  g_signal_group_connect_swapped (self->service_signals, "notify::enrolled",
                                  G_CALLBACK (on_enrolled_changed_cb), self);
  g_signal_group_connect_swapped (self->service_signals, "notify::reason",
                                  G_CALLBACK (on_service_changed_cb), self);

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

/**
 * tarmac_network_page_set_sync_service:
 * @service: (nullable): the window's link to the hub
 */
void
tarmac_network_page_set_sync_service (TarmacNetworkPage *self,
                                      TarmacSyncService *service)
{
  g_return_if_fail (TARMAC_IS_NETWORK_PAGE (self));
  g_return_if_fail (service == NULL || TARMAC_IS_SYNC_SERVICE (service));

  if (!g_set_object (&self->service, service))
    return;

  g_signal_group_set_target (self->service_signals, service);
  tarmac_key_changes_group_set_service (TARMAC_KEY_CHANGES_GROUP (self->key_changes), service);
  update_state (self);
}

/**
 * tarmac_network_page_reveal_note:
 * @uuid: a note's uuid
 *
 * Scrolls to the note @uuid and gives it the focus, once the page has read its notes.
 */
void
tarmac_network_page_reveal_note (TarmacNetworkPage *self,
                                 const char        *uuid)
{
  g_return_if_fail (TARMAC_IS_NETWORK_PAGE (self));
  g_return_if_fail (uuid != NULL);

  for (guint i = 0; self->notes != NULL && i < g_list_model_get_n_items (self->notes); i++)
    {
      g_autoptr(TarmacNote) note = g_list_model_get_item (self->notes, i);
      GtkListBoxRow *row;

      if (g_strcmp0 (tarmac_note_get_uuid (note), uuid) != 0)
        continue;

      row = gtk_list_box_get_row_at_index (self->notes_list, (int) i);
      if (row != NULL)
        gtk_widget_grab_focus (GTK_WIDGET (row));
      return;
    }
}

/* (transfer none): the group that lists the keys changed without proof (tests) */
GtkWidget *
tarmac_network_page_get_key_changes (TarmacNetworkPage *self)
{
  g_return_val_if_fail (TARMAC_IS_NETWORK_PAGE (self), NULL);

  return self->key_changes;
}
