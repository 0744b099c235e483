/* tarmac-sync-indicator.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-sync-indicator"

#include "config.h"

#include <glib/gi18n.h>

#include "tarmac-format.h"
#include "tarmac-sync-indicator.h"

/* The header bar's view of the link to the hub: an icon and a few words (online and when
 * it last synced, or offline and how many items wait to be sent), small enough for a
 * 1024×600 screen; a popover with the reason, the hub and "Sync Now". Hidden while the
 * workstation is not enrolled: the Network page says how to set it up. */

#define REFRESH_SECONDS 30

struct _TarmacSyncIndicator
{
  GtkWidget          parent_instance;

  /* Template widgets */
  GtkMenuButton     *button;
  GtkImage          *icon;
  GtkLabel          *label;
  GtkLabel          *state_label;
  GtkLabel          *reason_label;
  GtkLabel          *pending_label;
  GtkLabel          *last_label;
  GtkLabel          *hub_label;

  /* Owned references */
  TarmacSyncService *service;
  GSignalGroup      *service_signals;

  guint              refresh_id;
};

G_DEFINE_FINAL_TYPE (TarmacSyncIndicator, tarmac_sync_indicator, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SERVICE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_label (GtkLabel   *label,
           const char *text)
{
  gtk_label_set_label (label, text);
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && *text != '\0');
}

static void
update (TarmacSyncIndicator *self)
{
  TarmacSyncService *service = self->service;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *age = NULL;
  g_autofree char *text = NULL;
  g_autofree char *pending_text = NULL;
  g_autofree char *last_text = NULL;
  g_autofree char *hub_text = NULL;
  g_autofree char *tooltip = NULL;
  const char *icon_name;
  const char *state_text;
  GDateTime *last_sync;
  guint pending;

  if (service == NULL || !tarmac_sync_service_get_enrolled (service))
    {
      gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
      return;
    }

  gtk_widget_set_visible (GTK_WIDGET (self), TRUE);
  pending = tarmac_sync_service_get_pending (service);
  last_sync = tarmac_sync_service_get_last_sync (service);
  age = tarmac_format_sync_age (last_sync, now);

  if (pending > 0)
    /* Translators: items written here that the hub has not taken yet */
    pending_text = g_strdup_printf (ngettext ("%u item waiting to be sent",
                                              "%u items waiting to be sent", pending),
                                    pending);

  switch (tarmac_sync_service_get_state (service))
    {
    case TARMAC_SYNC_STATE_ONLINE:
      icon_name = "network-idle-symbolic";
      state_text = _("Online");
      if (pending > 0)
        /* Translators: the header bar, short: items being sent to the hub */
        text = g_strdup_printf (ngettext ("Sending %u", "Sending %u", pending), pending);
      else
        text = g_strdup (age);
      break;

    case TARMAC_SYNC_STATE_OFFLINE:
      icon_name = "network-offline-symbolic";
      state_text = _("Offline");
      if (pending > 0)
        /* Translators: the header bar, short: offline, and items waiting to be sent */
        text = g_strdup_printf (ngettext ("Offline · %u waiting", "Offline · %u waiting", pending),
                                pending);
      else
        text = g_strdup (_("Offline"));
      break;

    case TARMAC_SYNC_STATE_ERROR:
      icon_name = "network-error-symbolic";
      state_text = _("Sync Problem");
      if (pending > 0)
        /* Translators: the header bar, short: sync failed, and items waiting to be sent */
        text = g_strdup_printf (ngettext ("Sync problem · %u waiting",
                                          "Sync problem · %u waiting", pending),
                                pending);
      else
        text = g_strdup (_("Sync problem"));
      break;

    case TARMAC_SYNC_STATE_CONNECTING:
    case TARMAC_SYNC_STATE_NOT_ENROLLED:
    default:
      icon_name = "network-transmit-receive-symbolic";
      state_text = _("Connecting…");
      text = g_strdup (_("Connecting…"));
      break;
    }

  gtk_image_set_from_icon_name (self->icon, icon_name);
  gtk_label_set_label (self->label, text);

  gtk_label_set_label (self->state_label, state_text);
  set_label (self->reason_label, tarmac_sync_service_get_reason (service));
  set_label (self->pending_label, pending_text != NULL ? pending_text
                                                       : _("Everything written here was sent"));
  set_label (self->last_label, age);

  /* Translators: in the sync popover: this workstation's site code ("DKR"), then the hub's
   * address */
  hub_text = g_strdup_printf (_("%1$s · %2$s"),
                              tarmac_sync_service_get_site (service),
                              tarmac_sync_service_get_hub_url (service) != NULL
                                ? tarmac_sync_service_get_hub_url (service) : "");
  set_label (self->hub_label, hub_text);

  tooltip = pending_text != NULL ? g_strdup_printf ("%s — %s", state_text, pending_text)
                                 : g_strdup_printf ("%s — %s", state_text, age);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->button), tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                  -1);
}

static void
on_service_changed_cb (TarmacSyncIndicator *self)
{
  update (self);
}

static gboolean
refresh_cb (gpointer user_data)
{
  update (TARMAC_SYNC_INDICATOR (user_data));
  return G_SOURCE_CONTINUE;
}

static void
sync_now_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  TarmacSyncIndicator *self = TARMAC_SYNC_INDICATOR (widget);

  if (self->service != NULL)
    tarmac_sync_service_sync_now (self->service);
}

static void
tarmac_sync_indicator_dispose (GObject *object)
{
  TarmacSyncIndicator *self = (TarmacSyncIndicator *)object;

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (self->service_signals != NULL)
    g_signal_group_set_target (self->service_signals, NULL);
  g_clear_object (&self->service_signals);
  g_clear_object (&self->service);

  gtk_widget_dispose_template (GTK_WIDGET (self), TARMAC_TYPE_SYNC_INDICATOR);

  G_OBJECT_CLASS (tarmac_sync_indicator_parent_class)->dispose (object);
}

static void
tarmac_sync_indicator_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  TarmacSyncIndicator *self = TARMAC_SYNC_INDICATOR (object);

  switch (prop_id)
    {
    case PROP_SERVICE:
      g_value_set_object (value, self->service);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tarmac_sync_indicator_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  TarmacSyncIndicator *self = TARMAC_SYNC_INDICATOR (object);

  switch (prop_id)
    {
    case PROP_SERVICE:
      tarmac_sync_indicator_set_service (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tarmac_sync_indicator_class_init (TarmacSyncIndicatorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tarmac_sync_indicator_dispose;
  object_class->get_property = tarmac_sync_indicator_get_property;
  object_class->set_property = tarmac_sync_indicator_set_property;

  properties[PROP_SERVICE] =
    g_param_spec_object ("service", NULL, NULL,
                         TARMAC_TYPE_SYNC_SERVICE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/jaitf/Tarmac/tarmac-sync-indicator.ui");
  gtk_widget_class_bind_template_child (widget_class, TarmacSyncIndicator, button);
  gtk_widget_class_bind_template_child (widget_class, TarmacSyncIndicator, hub_label);
  gtk_widget_class_bind_template_child (widget_class, TarmacSyncIndicator, icon);
  gtk_widget_class_bind_template_child (widget_class, TarmacSyncIndicator, label);
  gtk_widget_class_bind_template_child (widget_class, TarmacSyncIndicator, last_label);
  gtk_widget_class_bind_template_child (widget_class, TarmacSyncIndicator, pending_label);
  gtk_widget_class_bind_template_child (widget_class, TarmacSyncIndicator, reason_label);
  gtk_widget_class_bind_template_child (widget_class, TarmacSyncIndicator, state_label);

  gtk_widget_class_install_action (widget_class, "indicator.sync-now", NULL, sync_now_action);
}

static void
tarmac_sync_indicator_init (TarmacSyncIndicator *self)
{
  static const char * const notifies[] = {
    "notify::state", "notify::reason", "notify::pending", "notify::last-sync",
    "notify::enrolled", "notify::site", "notify::hub-url",
  };

  gtk_widget_init_template (GTK_WIDGET (self));

  self->service_signals = g_signal_group_new (TARMAC_TYPE_SYNC_SERVICE);
  for (gsize i = 0; i < G_N_ELEMENTS (notifies); i++)
    g_signal_group_connect_swapped (self->service_signals, notifies[i],
                                    G_CALLBACK (on_service_changed_cb), self);

  /* "Synced 2 min ago" ages by itself. */
  self->refresh_id = g_timeout_add_seconds (REFRESH_SECONDS, refresh_cb, self);

  update (self);
}

GtkWidget *
tarmac_sync_indicator_new (void)
{
  return g_object_new (TARMAC_TYPE_SYNC_INDICATOR, NULL);
}

/* (transfer none) (nullable) */
TarmacSyncService *
tarmac_sync_indicator_get_service (TarmacSyncIndicator *self)
{
  g_return_val_if_fail (TARMAC_IS_SYNC_INDICATOR (self), NULL);

  return self->service;
}

void
tarmac_sync_indicator_set_service (TarmacSyncIndicator *self,
                                   TarmacSyncService   *service)
{
  g_return_if_fail (TARMAC_IS_SYNC_INDICATOR (self));
  g_return_if_fail (service == NULL || TARMAC_IS_SYNC_SERVICE (service));

  if (!g_set_object (&self->service, service))
    return;

  g_signal_group_set_target (self->service_signals, service);
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SERVICE]);
}

/* The few words the header bar shows, for tests. */
const char *
tarmac_sync_indicator_get_text (TarmacSyncIndicator *self)
{
  g_return_val_if_fail (TARMAC_IS_SYNC_INDICATOR (self), NULL);

  return gtk_label_get_label (self->label);
}
