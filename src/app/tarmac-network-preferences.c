/* tarmac-network-preferences.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-network-preferences"

#include "config.h"

#include <glib/gi18n.h>

#include "tarmac-desks-group.h"
#include "tarmac-format.h"
#include "tarmac-network-preferences.h"
#include "tarmac-sync-tls.h"

/* Preferences → Network. Before enrolment: the hub's address (kept in GSettings), the
 * one-time code, and the hub certificate's fingerprint, fetched from the hub and shown in
 * groups of four so that the officer can compare it with the one the hub's administrator
 * reads out over the phone; enrolling needs that comparison ticked. After: the airport,
 * the hub, this workstation's device id and the link's state, and a way to leave, after
 * a confirmation, and the airport's desks (tarmac-desks-group.c): a desk that waits for
 * the airport's key, or new desks waiting for this one's approval. The work is the sync
 * service's (tarmac-sync-service.c); this page only asks and shows. */

struct _TarmacNetworkPreferences
{
  AdwPreferencesPage  parent_instance;

  /* Template widgets */
  AdwPreferencesGroup *unavailable_group;
  AdwPreferencesGroup *enrol_group;
  AdwEntryRow         *hub_row;
  AdwEntryRow         *code_row;
  AdwActionRow        *fingerprint_row;
  GtkStack            *check_stack;
  GtkSpinner          *check_spinner;
  AdwActionRow        *confirm_row;
  GtkCheckButton      *confirm_check;
  GtkLabel            *error_label;
  GtkSpinner          *enrol_spinner;
  AdwPreferencesGroup *identity_group;
  AdwActionRow        *site_row;
  AdwActionRow        *hub_url_row;
  AdwActionRow        *device_row;
  AdwActionRow        *key_row;
  AdwActionRow        *state_row;
  TarmacDesksGroup    *desks_group;
  AdwPreferencesGroup *leave_group;

  /* Owned references */
  TarmacSyncService   *service;
  GSettings           *settings;
  GCancellable        *cancellable;
  char                *fingerprint;   /* fetched for the address in fingerprint_url */
  char                *fingerprint_url;

  guint                checking : 1;
  guint                enrolling : 1;
};

G_DEFINE_FINAL_TYPE (TarmacNetworkPreferences, tarmac_network_preferences, ADW_TYPE_PREFERENCES_PAGE)

static char *
dup_hub_url (TarmacNetworkPreferences *self)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->hub_row))));
}

static void
show_error (TarmacNetworkPreferences *self,
            const char               *message)
{
  gtk_label_set_label (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
update (TarmacNetworkPreferences *self)
{
  gboolean available = self->service != NULL;
  gboolean enrolled = available && tarmac_sync_service_get_enrolled (self->service);
  g_autofree char *url = dup_hub_url (self);
  gboolean fingerprint_current = self->fingerprint != NULL
                                 && g_strcmp0 (url, self->fingerprint_url) == 0;
  const char *code = gtk_editable_get_text (GTK_EDITABLE (self->code_row));
  gboolean busy = self->checking || self->enrolling;

  gtk_widget_set_visible (GTK_WIDGET (self->unavailable_group), !available);
  gtk_widget_set_visible (GTK_WIDGET (self->enrol_group), available && !enrolled);
  gtk_widget_set_visible (GTK_WIDGET (self->identity_group), enrolled);
  gtk_widget_set_visible (GTK_WIDGET (self->leave_group), enrolled);

  /* A fingerprint read from another address than the one typed now says nothing. */
  if (fingerprint_current)
    {
      g_autofree char *grouped = tarmac_format_fingerprint (self->fingerprint);

      adw_action_row_set_subtitle (self->fingerprint_row, grouped);
      gtk_widget_add_css_class (GTK_WIDGET (self->fingerprint_row), "fingerprint");
    }
  else
    {
      adw_action_row_set_subtitle (self->fingerprint_row,
                                   _("Check the hub to see its certificate’s fingerprint"));
      gtk_widget_remove_css_class (GTK_WIDGET (self->fingerprint_row), "fingerprint");
      gtk_check_button_set_active (self->confirm_check, FALSE);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->confirm_row), fingerprint_current);

  gtk_stack_set_visible_child_name (self->check_stack, self->checking ? "spinner" : "button");
  gtk_spinner_set_spinning (self->check_spinner, self->checking);
  gtk_spinner_set_spinning (self->enrol_spinner, self->enrolling);
  gtk_widget_set_visible (GTK_WIDGET (self->enrol_spinner), self->enrolling);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "network.check",
                                 available && !busy && *url != '\0');
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "network.enrol",
                                 available && !busy && fingerprint_current
                                 && gtk_check_button_get_active (self->confirm_check)
                                 && *code != '\0');
  gtk_widget_set_sensitive (GTK_WIDGET (self->hub_row), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->code_row), !busy);

  if (enrolled)
    {
      g_autofree char *state = NULL;
      const char *state_text;
      guint pending = tarmac_sync_service_get_pending (self->service);

      adw_action_row_set_subtitle (self->site_row, tarmac_sync_service_get_site (self->service));
      adw_action_row_set_subtitle (self->hub_url_row, tarmac_sync_service_get_hub_url (self->service));
      adw_action_row_set_subtitle (self->device_row, tarmac_sync_service_get_device_id (self->service));
      adw_action_row_set_subtitle (self->key_row, tarmac_sync_service_get_site_key_code (self->service));
      gtk_widget_set_visible (GTK_WIDGET (self->key_row),
                              tarmac_sync_service_get_site_key_code (self->service) != NULL);

      switch (tarmac_sync_service_get_state (self->service))
        {
        case TARMAC_SYNC_STATE_ONLINE:
          state_text = _("Online");
          break;
        case TARMAC_SYNC_STATE_OFFLINE:
          state_text = _("Offline");
          break;
        case TARMAC_SYNC_STATE_ERROR:
          state_text = _("Sync Problem");
          break;
        case TARMAC_SYNC_STATE_CONNECTING:
        case TARMAC_SYNC_STATE_NOT_ENROLLED:
        default:
          state_text = _("Connecting…");
          break;
        }

      if (tarmac_sync_service_get_reason (self->service) != NULL)
        /* Translators: the link's state ("Offline"), then why */
        state = g_strdup_printf (_("%1$s: %2$s"), state_text,
                                 tarmac_sync_service_get_reason (self->service));
      else if (pending > 0)
        /* Translators: the link's state ("Online"), then how many items wait to be sent */
        state = g_strdup_printf (ngettext ("%1$s, %2$u item waiting to be sent",
                                           "%1$s, %2$u items waiting to be sent", pending),
                                 state_text, pending);
      else
        state = g_strdup (state_text);
      adw_action_row_set_subtitle (self->state_row, state);
    }
}

static void
on_form_changed_cb (TarmacNetworkPreferences *self)
{
  show_error (self, NULL);
  update (self);
}

static void
on_service_changed_cb (TarmacNetworkPreferences *self)
{
  update (self);
}

/* Enrolled or left: the airport's desks are others. A desk that waits may have been
 * approved when the link's state changes (its round took the key). */
static void
on_desks_changed_cb (TarmacNetworkPreferences *self,
                     GParamSpec               *pspec)
{
  if (g_str_equal (pspec->name, "enrolled")
      || tarmac_desks_group_get_own_code (self->desks_group) != NULL)
    tarmac_desks_group_refresh (self->desks_group);
}

static void
on_probed_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(TarmacNetworkPreferences) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *fingerprint = tarmac_sync_tls_probe_fingerprint_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->checking = FALSE;
  if (fingerprint == NULL)
    {
      g_autofree char *message = NULL;

      /* Translators: %s says why, for example "Connection refused" */
      message = g_strdup_printf (_("The hub could not be checked: %s"), error->message);
      show_error (self, message);
    }
  else
    {
      g_clear_pointer (&self->fingerprint, g_free);
      self->fingerprint = g_steal_pointer (&fingerprint);
      gtk_check_button_set_active (self->confirm_check, FALSE);
    }

  update (self);
}

static void
check_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  TarmacNetworkPreferences *self = TARMAC_NETWORK_PREFERENCES (widget);
  g_autofree char *url = dup_hub_url (self);

  g_clear_pointer (&self->fingerprint, g_free);
  g_free (self->fingerprint_url);
  self->fingerprint_url = g_strdup (url);
  self->checking = TRUE;
  show_error (self, NULL);
  update (self);

  tarmac_sync_tls_probe_fingerprint_async (url, self->cancellable, on_probed_cb,
                                           g_object_ref (self));
}

static void
on_enrolled_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(TarmacNetworkPreferences) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!tarmac_sync_service_enrol_finish (TARMAC_SYNC_SERVICE (object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      self->enrolling = FALSE;
      {
        g_autofree char *message = NULL;

        /* Translators: %s says why, for example "The hub refused: 403 bad_code" */
        message = g_strdup_printf (_("This workstation could not be enrolled: %s"), error->message);
        show_error (self, message);
      }
      update (self);
      return;
    }

  self->enrolling = FALSE;
  gtk_editable_set_text (GTK_EDITABLE (self->code_row), "");
  update (self);
}

static void
enrol_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  TarmacNetworkPreferences *self = TARMAC_NETWORK_PREFERENCES (widget);
  g_autofree char *url = dup_hub_url (self);
  g_autofree char *code = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->code_row))));

  if (self->service == NULL || self->fingerprint == NULL)
    return;

  self->enrolling = TRUE;
  show_error (self, NULL);
  update (self);

  tarmac_sync_service_enrol_async (self->service, url, code, self->fingerprint,
                                   self->cancellable, on_enrolled_cb, g_object_ref (self));
}

static void
on_left_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(TarmacNetworkPreferences) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!tarmac_sync_service_leave_finish (TARMAC_SYNC_SERVICE (object), result, &error)
      && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

      if (ADW_IS_PREFERENCES_WINDOW (root))
        adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (root), adw_toast_new (error->message));
    }

  update (self);
}

static void
on_leave_response_cb (TarmacNetworkPreferences *self,
                      const char               *response,
                      AdwMessageDialog         *dialog)
{
  if (g_strcmp0 (response, "leave") != 0 || self->service == NULL)
    return;

  tarmac_sync_service_leave_async (self->service, self->cancellable, on_left_cb,
                                   g_object_ref (self));
}

static void
leave_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  TarmacNetworkPreferences *self = TARMAC_NETWORK_PREFERENCES (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autofree char *body = NULL;
  GtkWidget *dialog;
  guint pending;

  if (self->service == NULL)
    return;

  pending = tarmac_sync_service_get_pending (self->service);
  if (pending > 0)
    body = g_strdup_printf (ngettext ("This workstation will stop exchanging notes with other "
                                      "airports, and %u item written here and not yet sent will "
                                      "never be sent. Notes already here stay. Enrolling this "
                                      "airport again will need the hub’s administrator.",
                                      "This workstation will stop exchanging notes with other "
                                      "airports, and %u items written here and not yet sent "
                                      "will never be sent. Notes already here stay. Enrolling "
                                      "this airport again will need the hub’s administrator.",
                                      pending),
                            pending);
  else
    /* The airport's key goes with the device's, and the hub keeps the first key an
     * airport enrolled with (tarmac-hub-db.c, site_key_differs). */
    body = g_strdup (_("This workstation will stop exchanging notes with other airports. "
                       "Notes already here stay. Enrolling this airport again will need the "
                       "hub’s administrator."));

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Leave the Network?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "leave", _("_Leave"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "leave",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_leave_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
tarmac_network_preferences_dispose (GObject *object)
{
  TarmacNetworkPreferences *self = (TarmacNetworkPreferences *)object;

  g_cancellable_cancel (self->cancellable);
  if (self->service != NULL)
    g_signal_handlers_disconnect_by_data (self->service, self);
  g_clear_object (&self->service);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), TARMAC_TYPE_NETWORK_PREFERENCES);

  G_OBJECT_CLASS (tarmac_network_preferences_parent_class)->dispose (object);
}

static void
tarmac_network_preferences_finalize (GObject *object)
{
  TarmacNetworkPreferences *self = (TarmacNetworkPreferences *)object;

  g_clear_pointer (&self->fingerprint, g_free);
  g_clear_pointer (&self->fingerprint_url, g_free);

  G_OBJECT_CLASS (tarmac_network_preferences_parent_class)->finalize (object);
}

static void
tarmac_network_preferences_class_init (TarmacNetworkPreferencesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tarmac_network_preferences_dispose;
  object_class->finalize = tarmac_network_preferences_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/jaitf/Tarmac/tarmac-network-preferences.ui");
  gtk_widget_class_bind_template_child (widget_class, TarmacNetworkPreferences, check_spinner);
  gtk_widget_class_bind_template_child (widget_class, TarmacNetworkPreferences, check_stack);
  gtk_widget_class_bind_template_child (widget_class, TarmacNetworkPreferences, code_row);
  gtk_widget_class_bind_template_child (widget_class, TarmacNetworkPreferences, confirm_check);
  gtk_widget_class_bind_template_child (widget_class, TarmacNetworkPreferences, confirm_row);
  gtk_widget_class_bind_template_child (widget_class, TarmacNetworkPreferences, desks_group);
  gtk_widget_class_bind_template_child (widget_class, TarmacNetworkPreferences, device_row);
  gtk_widget_class_bind_template_child (widget_class, TarmacNetworkPreferences, key_row);
  gtk_widget_class_bind_template_child (widget_class, TarmacNetworkPreferences, enrol_group);
  gtk_widget_class_bind_template_child (widget_class, TarmacNetworkPreferences, enrol_spinner);
  gtk_widget_class_bind_template_child (widget_class, TarmacNetworkPreferences, error_label);
  gtk_widget_class_bind_template_child (widget_class, TarmacNetworkPreferences, fingerprint_row);
  gtk_widget_class_bind_template_child (widget_class, TarmacNetworkPreferences, hub_row);
  gtk_widget_class_bind_template_child (widget_class, TarmacNetworkPreferences, hub_url_row);
  gtk_widget_class_bind_template_child (widget_class, TarmacNetworkPreferences, identity_group);
  gtk_widget_class_bind_template_child (widget_class, TarmacNetworkPreferences, leave_group);
  gtk_widget_class_bind_template_child (widget_class, TarmacNetworkPreferences, site_row);
  gtk_widget_class_bind_template_child (widget_class, TarmacNetworkPreferences, state_row);
  gtk_widget_class_bind_template_child (widget_class, TarmacNetworkPreferences, unavailable_group);
  gtk_widget_class_bind_template_callback (widget_class, on_form_changed_cb);

  gtk_widget_class_install_action (widget_class, "network.check", NULL, check_action);
  g_type_ensure (TARMAC_TYPE_DESKS_GROUP);
  gtk_widget_class_install_action (widget_class, "network.enrol", NULL, enrol_action);
  gtk_widget_class_install_action (widget_class, "network.leave", NULL, leave_action);
}

static void
tarmac_network_preferences_init (TarmacNetworkPreferences *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->settings = g_settings_new (BASE_ID);
  g_settings_bind (self->settings, "hub-address", self->hub_row, "text",
                   G_SETTINGS_BIND_DEFAULT);
}

/**
 * tarmac_network_preferences_new:
 * @service: (nullable): the window's sync service; %NULL where sharing is not possible
 *   (the demo)
 */
GtkWidget *
tarmac_network_preferences_new (TarmacSyncService *service)
{
  TarmacNetworkPreferences *self;
  static const char * const notifies[] = {
    "notify::state", "notify::reason", "notify::pending", "notify::enrolled",
    "notify::site", "notify::device-id", "notify::hub-url", "notify::site-key-code",
  };

  g_return_val_if_fail (service == NULL || TARMAC_IS_SYNC_SERVICE (service), NULL);

  self = g_object_new (TARMAC_TYPE_NETWORK_PREFERENCES, NULL);
  if (service != NULL)
    {
      self->service = g_object_ref (service);
      for (gsize i = 0; i < G_N_ELEMENTS (notifies); i++)
        g_signal_connect_swapped (service, notifies[i], G_CALLBACK (on_service_changed_cb), self);
      g_signal_connect_swapped (service, "notify::enrolled", G_CALLBACK (on_desks_changed_cb), self);
      g_signal_connect_swapped (service, "notify::state", G_CALLBACK (on_desks_changed_cb), self);
      tarmac_desks_group_set_service (self->desks_group, service);
    }

  update (self);
  return GTK_WIDGET (self);
}

/* Types the address and the code, as an officer would (tests). */
void
tarmac_network_preferences_fill (TarmacNetworkPreferences *self,
                                 const char               *hub_url,
                                 const char               *code)
{
  g_return_if_fail (TARMAC_IS_NETWORK_PREFERENCES (self));

  gtk_editable_set_text (GTK_EDITABLE (self->hub_row), hub_url);
  gtk_editable_set_text (GTK_EDITABLE (self->code_row), code);
}

/* (nullable): the fingerprint read from the hub */
const char *
tarmac_network_preferences_get_fingerprint (TarmacNetworkPreferences *self)
{
  g_return_val_if_fail (TARMAC_IS_NETWORK_PREFERENCES (self), NULL);

  return self->fingerprint;
}

/* (transfer none): the group of the airport's desks (tests) */
TarmacDesksGroup *
tarmac_network_preferences_get_desks_group (TarmacNetworkPreferences *self)
{
  g_return_val_if_fail (TARMAC_IS_NETWORK_PREFERENCES (self), NULL);

  return self->desks_group;
}

/* (nullable): the error shown, if any */
const char *
tarmac_network_preferences_get_error (TarmacNetworkPreferences *self)
{
  g_return_val_if_fail (TARMAC_IS_NETWORK_PREFERENCES (self), NULL);

  return gtk_widget_get_visible (GTK_WIDGET (self->error_label))
           ? gtk_label_get_label (self->error_label) : NULL;
}
