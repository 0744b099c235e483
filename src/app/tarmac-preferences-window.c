/* tarmac-preferences-window.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "tarmac-network-preferences.h"
#include "tarmac-preferences-window.h"
#include "tarmac-window.h"

/* Every row is bound to a key of org.jaitf.Tarmac with g_settings_bind(): the window holds
 * no state of its own and changes apply at once. */
struct _TarmacPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  /* Template widgets */
  AdwEntryRow          *airport_row;
  AdwActionRow         *drop_folder_row;
  AdwActionRow         *watch_row;
  GtkSwitch            *watch_switch;
  GtkSpinButton        *mask_spin;
  GtkSpinButton        *delete_spin;
  GtkSpinButton        *alert_spin;
  GtkSpinButton        *review_spin;

  /* Owned references */
  GSettings            *settings;
  GtkFileChooserNative *chooser;
};

G_DEFINE_FINAL_TYPE (TarmacPreferencesWindow, tarmac_preferences_window,
                     ADW_TYPE_PREFERENCES_WINDOW)

static gboolean
folder_to_subtitle (GValue   *value,
                    GVariant *variant,
                    gpointer  user_data)
{
  const char *folder = g_variant_get_string (variant, NULL);

  if (folder == NULL || *folder == '\0')
    g_value_set_string (value, _("No folder chosen"));
  else
    g_value_take_string (value, g_filename_display_name (folder));

  return TRUE;
}

static gboolean
folder_to_sensitive (GValue   *value,
                     GVariant *variant,
                     gpointer  user_data)
{
  const char *folder = g_variant_get_string (variant, NULL);

  g_value_set_boolean (value, folder != NULL && *folder != '\0');

  return TRUE;
}

static void
on_chooser_response_cb (TarmacPreferencesWindow *self,
                        int                      response,
                        GtkFileChooserNative    *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = folder != NULL ? g_file_get_path (folder) : NULL;

      if (path != NULL)
        g_settings_set_string (self->settings, "drop-folder", path);
    }

  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
  g_clear_object (&self->chooser);
}

static void
choose_folder_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  TarmacPreferencesWindow *self = TARMAC_PREFERENCES_WINDOW (widget);
  g_autofree char *current = NULL;

  if (self->chooser != NULL)
    {
      gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
      return;
    }

  self->chooser = gtk_file_chooser_native_new (_("Choose the Drop Folder"),
                                               GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                               _("_Select"),
                                               _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);

  current = g_settings_get_string (self->settings, "drop-folder");
  if (*current != '\0')
    {
      g_autoptr(GFile) folder = g_file_new_for_path (current);

      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), folder, NULL);
    }

  g_signal_connect_object (self->chooser, "response",
                           G_CALLBACK (on_chooser_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
tarmac_preferences_window_dispose (GObject *object)
{
  TarmacPreferencesWindow *self = (TarmacPreferencesWindow *)object;

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);

  gtk_widget_dispose_template (GTK_WIDGET (self), TARMAC_TYPE_PREFERENCES_WINDOW);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (tarmac_preferences_window_parent_class)->dispose (object);
}

static void
tarmac_preferences_window_class_init (TarmacPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tarmac_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/jaitf/Tarmac/tarmac-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TarmacPreferencesWindow, airport_row);
  gtk_widget_class_bind_template_child (widget_class, TarmacPreferencesWindow, alert_spin);
  gtk_widget_class_bind_template_child (widget_class, TarmacPreferencesWindow, review_spin);
  gtk_widget_class_bind_template_child (widget_class, TarmacPreferencesWindow, delete_spin);
  gtk_widget_class_bind_template_child (widget_class, TarmacPreferencesWindow, drop_folder_row);
  gtk_widget_class_bind_template_child (widget_class, TarmacPreferencesWindow, mask_spin);
  gtk_widget_class_bind_template_child (widget_class, TarmacPreferencesWindow, watch_row);
  gtk_widget_class_bind_template_child (widget_class, TarmacPreferencesWindow, watch_switch);

  gtk_widget_class_install_action (widget_class, "prefs.choose-folder", NULL, choose_folder_action);
}

static void
tarmac_preferences_window_init (TarmacPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (BASE_ID);

  g_settings_bind (self->settings, "airport-code", self->airport_row, "text",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "watch-drop-folder", self->watch_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "retention-mask-months", self->mask_spin, "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "retention-delete-years", self->delete_spin, "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "screen-alert-threshold", self->alert_spin, "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "screen-review-threshold", self->review_spin, "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (self->settings, "drop-folder",
                                self->drop_folder_row, "subtitle",
                                G_SETTINGS_BIND_GET,
                                folder_to_subtitle, NULL, NULL, NULL);
  g_settings_bind_with_mapping (self->settings, "drop-folder",
                                self->watch_row, "sensitive",
                                G_SETTINGS_BIND_GET,
                                folder_to_sensitive, NULL, NULL, NULL);
}

/**
 * tarmac_preferences_window_new:
 * @parent: (nullable): the window it belongs to; a #TarmacWindow gives the Network page
 *   its sync service
 */
TarmacPreferencesWindow *
tarmac_preferences_window_new (GtkWindow *parent)
{
  TarmacPreferencesWindow *self;
  TarmacSyncService *service = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  self = g_object_new (TARMAC_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       NULL);

  if (TARMAC_IS_WINDOW (parent))
    service = tarmac_window_get_sync_service (TARMAC_WINDOW (parent));
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self),
                              ADW_PREFERENCES_PAGE (tarmac_network_preferences_new (service)));

  return self;
}
