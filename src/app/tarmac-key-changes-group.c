/* tarmac-key-changes-group.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-key-changes-group"

#include "config.h"

#include <glib/gi18n.h>

#include "tarmac-key-change.h"
#include "tarmac-key-changes-group.h"

/* The Network page's warning: an airport's key (or a desk's signing key) that the roster
 * changed without a proof from the airport's own desks (tarmac-sync-pins.c). Each row
 * gives the code of the key known here, says that the key changed and how many notes are
 * held meanwhile, and offers Accept…, which asks for the code an officer of that airport
 * reads out by phone and accepts the key only if it is the new key's. The new key's code
 * is never shown here: an officer who could copy it would not need to call, and a key
 * forged by the hub would pass. The list is read when the page is shown and after each
 * sync; the group hides itself when nothing waits. */

struct _TarmacKeyChangesGroup
{
  AdwPreferencesGroup  parent_instance;

  TarmacSyncService   *service;
  GCancellable        *cancellable;
  GPtrArray           *rows;
  guint                busy;
};

G_DEFINE_FINAL_TYPE (TarmacKeyChangesGroup, tarmac_key_changes_group, ADW_TYPE_PREFERENCES_GROUP)

static void
toast (TarmacKeyChangesGroup *self,
       const char            *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
  else
    g_message ("%s", message);
}

static void
on_trust_response_cb (AdwMessageDialog      *dialog,
                      const char            *response,
                      TarmacKeyChangesGroup *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "code-entry");
  const char *subject = g_object_get_data (G_OBJECT (dialog), "subject");

  if (g_strcmp0 (response, "accept") == 0)
    tarmac_key_changes_group_trust (self, subject, gtk_editable_get_text (entry));
}

static void
on_trust_clicked_cb (GtkButton             *button,
                     TarmacKeyChangesGroup *self)
{
  TarmacKeyChange *change = g_object_get_data (G_OBJECT (button), "change");
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  const char *subject = tarmac_key_change_get_subject (change);
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog, *entry;

  if (tarmac_key_change_get_is_site (change))
    {
      /* Translators: %s is an airport's code */
      heading = g_strdup_printf (_("Accept the New Key of %s?"), subject);
      /* Translators: %s is an airport's code. "Preferences → Network" and "Code of the
       * Airport’s Key" must be translated as they are in the preferences window. */
      body = g_strdup_printf (_("Call %1$s by a number you already know, and ask an officer there "
                                "to read out the code of the airport’s key (Preferences → Network, "
                                "Code of the Airport’s Key, or tarmac-cli sync keys). Type the code "
                                "they read out: the key is accepted only if it is the new key’s. Notes "
                                "to %1$s are sealed to it from then on."),
                              subject);
    }
  else
    {
      heading = g_strdup (_("Accept the Desk’s New Key?"));
      /* Translators: %1$s is a workstation's id, %2$s its airport */
      body = g_strdup_printf (_("Call %2$s by a number you already know, and ask an officer at the "
                                "desk %1$s to read out the code of its signing key (tarmac-cli sync "
                                "keys there). Type the code they read out: the key is accepted only "
                                "if it is the new key’s."),
                              subject, tarmac_key_change_get_site (change));
    }

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, body);
  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), "XXXXX-XXXXX-XXXXX-XXXXX");
  gtk_entry_set_input_hints (GTK_ENTRY (entry), GTK_INPUT_HINT_UPPERCASE_CHARS | GTK_INPUT_HINT_NO_SPELLCHECK);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "accept", _("_Accept Key"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "accept",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "code-entry", entry);
  g_object_set_data_full (G_OBJECT (dialog), "subject", g_strdup (subject), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_trust_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
clear_rows (TarmacKeyChangesGroup *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
}

static void
show_changes (TarmacKeyChangesGroup *self,
              GListModel            *changes)
{
  clear_rows (self);

  for (guint i = 0; changes != NULL && i < g_list_model_get_n_items (changes); i++)
    {
      g_autoptr(TarmacKeyChange) change = g_list_model_get_item (changes, i);
      const char *subject = tarmac_key_change_get_subject (change);
      guint held = tarmac_key_change_get_n_held (change);
      g_autofree char *title = NULL;
      g_autofree char *codes = NULL;
      g_autofree char *subtitle = NULL;
      GtkWidget *row, *button, *icon;

      /* Translators: %s is the code of the key known here (XXXXX-XXXXX-XXXXX-XXXXX); the
       * new key's code is not shown, on purpose */
      codes = g_strdup_printf (_("Key known here: %s"), tarmac_key_change_get_old_code (change));
      if (tarmac_key_change_get_is_site (change))
        {
          g_autofree char *held_text = NULL;

          /* Translators: %s is an airport's code */
          title = g_strdup_printf (_("The key of airport %s changed without proof from its desks"), subject);
          if (held > 0)
            /* Translators: %1$u is a number of notes, %2$s an airport's code */
            held_text = g_strdup_printf (ngettext ("%1$u note to %2$s is held until you accept the new key.",
                                                   "%1$u notes to %2$s are held until you accept the new key.",
                                                   held),
                                         held, subject);
          else
            held_text = g_strdup_printf (_("Notes to %s are held until you accept the new key."), subject);
          /* Translators: %1$s the key known here, %2$s what is held, %3$s an airport's code */
          subtitle = g_strdup_printf (_("%1$s\n%2$s To accept the new key, call %3$s and type the "
                                        "code they read out: a key changed this way may be the hub’s, "
                                        "not the airport’s."),
                                      codes, held_text, subject);
        }
      else
        {
          /* Translators: %1$s is a workstation's id, %2$s its airport */
          title = g_strdup_printf (_("The signing key of the desk %1$s of %2$s changed"), subject,
                                   tarmac_key_change_get_site (change));
          /* Translators: %s the key known here */
          subtitle = g_strdup_printf (_("%s\nWhat it sends is refused until you accept the new key "
                                        "with the code that desk reads out by phone."), codes);
        }

      row = adw_action_row_new ();
      gtk_widget_add_css_class (row, "fingerprint");
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 8);
      icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
      gtk_widget_add_css_class (icon, "warning");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      button = gtk_button_new_with_mnemonic (_("_Accept…"));
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      g_object_set_data_full (G_OBJECT (button), "change", g_object_ref (change), g_object_unref);
      g_signal_connect_object (button, "clicked", G_CALLBACK (on_trust_clicked_cb), self, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
      g_ptr_array_add (self->rows, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self), self->rows->len > 0);
}

static void
on_listed_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(TarmacKeyChangesGroup) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) changes = tarmac_sync_service_list_key_changes_finish (TARMAC_SYNC_SERVICE (object),
                                                                              result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->busy--;
  if (changes == NULL)
    {
      g_debug ("The key changes could not be listed: %s", error->message);
      return;
    }

  show_changes (self, changes);
}

static void
on_trusted_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(TarmacKeyChangesGroup) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!tarmac_sync_service_trust_key_finish (TARMAC_SYNC_SERVICE (object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      self->busy--;
      toast (self, error->message);
      tarmac_key_changes_group_refresh (self);
      return;
    }

  self->busy--;
  toast (self, _("The new key is accepted: what was held goes now"));
  tarmac_key_changes_group_refresh (self);
}

static void
tarmac_key_changes_group_dispose (GObject *object)
{
  TarmacKeyChangesGroup *self = (TarmacKeyChangesGroup *) object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->service);

  G_OBJECT_CLASS (tarmac_key_changes_group_parent_class)->dispose (object);
}

static void
tarmac_key_changes_group_finalize (GObject *object)
{
  TarmacKeyChangesGroup *self = (TarmacKeyChangesGroup *) object;

  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (tarmac_key_changes_group_parent_class)->finalize (object);
}

static void
tarmac_key_changes_group_class_init (TarmacKeyChangesGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = tarmac_key_changes_group_dispose;
  object_class->finalize = tarmac_key_changes_group_finalize;
}

static void
tarmac_key_changes_group_init (TarmacKeyChangesGroup *self)
{
  self->cancellable = g_cancellable_new ();
  self->rows = g_ptr_array_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Keys That Changed"));
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

GtkWidget *
tarmac_key_changes_group_new (void)
{
  return g_object_new (TARMAC_TYPE_KEY_CHANGES_GROUP, NULL);
}

void
tarmac_key_changes_group_set_service (TarmacKeyChangesGroup *self,
                                      TarmacSyncService     *service)
{
  g_return_if_fail (TARMAC_IS_KEY_CHANGES_GROUP (self));
  g_return_if_fail (service == NULL || TARMAC_IS_SYNC_SERVICE (service));

  g_set_object (&self->service, service);
  tarmac_key_changes_group_refresh (self);
}

/* Reads the key changes waiting for an officer (on the sync service's worker). */
void
tarmac_key_changes_group_refresh (TarmacKeyChangesGroup *self)
{
  g_return_if_fail (TARMAC_IS_KEY_CHANGES_GROUP (self));

  if (self->service == NULL || !tarmac_sync_service_get_enrolled (self->service))
    {
      show_changes (self, NULL);
      return;
    }

  self->busy++;
  tarmac_sync_service_list_key_changes_async (self->service, self->cancellable, on_listed_cb,
                                              g_object_ref (self));
}

/* How many keys wait for an officer, as last listed. */
guint
tarmac_key_changes_group_get_n_changes (TarmacKeyChangesGroup *self)
{
  g_return_val_if_fail (TARMAC_IS_KEY_CHANGES_GROUP (self), 0);

  return self->rows->len;
}

/* Whether a listing or an acceptance is under way (tests wait for it). */
gboolean
tarmac_key_changes_group_get_busy (TarmacKeyChangesGroup *self)
{
  g_return_val_if_fail (TARMAC_IS_KEY_CHANGES_GROUP (self), FALSE);

  return self->busy > 0;
}

/**
 * tarmac_key_changes_group_trust:
 * @subject: an airport's code or a desk's id
 * @code: the new key's code as the officer typed it
 *
 * What Accept… does once the code is typed.
 */
void
tarmac_key_changes_group_trust (TarmacKeyChangesGroup *self,
                                const char            *subject,
                                const char            *code)
{
  g_return_if_fail (TARMAC_IS_KEY_CHANGES_GROUP (self));
  g_return_if_fail (subject != NULL && code != NULL);

  if (self->service == NULL)
    return;

  self->busy++;
  tarmac_sync_service_trust_key_async (self->service, subject, code, self->cancellable, on_trusted_cb,
                                       g_object_ref (self));
}
