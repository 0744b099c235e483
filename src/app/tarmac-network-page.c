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

/* Notes, alerts and lookouts exchanged with other airports through the hub. Without a hub
 * address the page offers to set one; with one it says what will arrive. */
struct _TarmacNetworkPage
{
  TarmacPage     parent_instance;

  /* Template widgets */
  GtkStack      *stack;
  AdwStatusPage *waiting_page;

  /* Owned references */
  GSettings     *settings;
};

G_DEFINE_FINAL_TYPE (TarmacNetworkPage, tarmac_network_page, TARMAC_TYPE_PAGE)

static void
update_state (TarmacNetworkPage *self)
{
  g_autofree char *hub = g_settings_get_string (self->settings, "hub-address");
  g_autofree char *description = NULL;

  g_strstrip (hub);

  if (*hub == '\0')
    {
      gtk_stack_set_visible_child_name (self->stack, "offline");
      tarmac_page_set_subtitle (TARMAC_PAGE (self), _("Not connected to a hub"));
      return;
    }

  /* Translators: %s is the hub's address, for example "https://hub.example:8443" */
  description = g_markup_printf_escaped (_("Notes, alerts and lookouts from other airports "
                                           "appear here once they arrive from the hub at %s."),
                                         hub);
  adw_status_page_set_description (self->waiting_page, description);
  gtk_stack_set_visible_child_name (self->stack, "waiting");
  tarmac_page_set_subtitle (TARMAC_PAGE (self), hub);
}

static void
on_hub_address_changed_cb (TarmacNetworkPage *self,
                           const char        *key,
                           GSettings         *settings)
{
  update_state (self);
}

static void
tarmac_network_page_dispose (GObject *object)
{
  TarmacNetworkPage *self = (TarmacNetworkPage *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), TARMAC_TYPE_NETWORK_PAGE);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (tarmac_network_page_parent_class)->dispose (object);
}

static void
tarmac_network_page_class_init (TarmacNetworkPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tarmac_network_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/jaitf/Tarmac/tarmac-network-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TarmacNetworkPage, stack);
  gtk_widget_class_bind_template_child (widget_class, TarmacNetworkPage, waiting_page);
}

static void
tarmac_network_page_init (TarmacNetworkPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (BASE_ID);
  g_signal_connect_object (self->settings, "changed::hub-address",
                           G_CALLBACK (on_hub_address_changed_cb),
                           self, G_CONNECT_SWAPPED);

  tarmac_page_set_empty (TARMAC_PAGE (self), TRUE);
  update_state (self);
}
