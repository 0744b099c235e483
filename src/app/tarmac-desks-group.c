/* tarmac-desks-group.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-desks-group"

#include "config.h"

#include <glib/gi18n.h>

#include "tarmac-desks-group.h"
#include "tarmac-site-desk.h"

/* Preferences → Network, the desks of this airport (tarmac-site-handover.c). On a desk
 * that waits for the airport's key: why it cannot read yet, and the code to read out to
 * an officer at a desk that can. On a desk that holds the key: each new desk waiting,
 * with its code, and Approve…, which asks for the code shown at the new desk and hands
 * the key over if it is the same; and Change the Airport's Key…, for after a desk was
 * revoked (tarmac_sync_client_rotate_site_key()). The list comes from a fresh roster,
 * fetched by the sync service when the page opens, after an approval, and on Refresh; the
 * group hides itself when there is nothing to say. */

struct _TarmacDesksGroup
{
  AdwPreferencesGroup  parent_instance;

  TarmacSyncService   *service;
  GCancellable        *cancellable;
  GPtrArray           *rows;        /* the rows added, to remove at the next refresh */
  GtkWidget           *refresh_button;
  char                *own_code;    /* this desk's, while it waits */
  guint                n_waiting;
  guint                busy;
  gboolean             rotated;     /* a rotation succeeded here (tests) */
};

G_DEFINE_FINAL_TYPE (TarmacDesksGroup, tarmac_desks_group, ADW_TYPE_PREFERENCES_GROUP)

static void
toast (TarmacDesksGroup *self,
       const char       *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (ADW_IS_PREFERENCES_WINDOW (root))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (root), adw_toast_new (message));
}

static void
clear_rows (TarmacDesksGroup *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
}

static void
add_row (TarmacDesksGroup *self,
         GtkWidget        *row)
{
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
  g_ptr_array_add (self->rows, row);
}

static void
on_approve_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        TarmacDesksGroup *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "code-entry");
  const char *device_id = g_object_get_data (G_OBJECT (dialog), "device-id");

  if (g_strcmp0 (response, "approve") != 0)
    return;

  tarmac_desks_group_approve (self, device_id, gtk_editable_get_text (entry));
}

static void
on_approve_clicked_cb (GtkButton        *button,
                       TarmacDesksGroup *self)
{
  TarmacSiteDesk *desk = g_object_get_data (G_OBJECT (button), "desk");
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *body = NULL;
  GtkWidget *dialog, *entry;

  /* Translators: %s is a workstation's id */
  body = g_strdup_printf (_("Approve the desk %s only if an officer standing at it reads "
                            "you its code, and it is the one shown here. Type the code it "
                            "shows. The airport’s key then goes to that desk, sealed so that "
                            "only it can open it."),
                          tarmac_site_desk_get_device_id (desk));
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Approve the New Desk?"), body);
  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), "XXXXX-XXXXX");
  gtk_entry_set_input_hints (GTK_ENTRY (entry), GTK_INPUT_HINT_UPPERCASE_CHARS | GTK_INPUT_HINT_NO_SPELLCHECK);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "approve", _("_Approve"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "approve",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "approve");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "code-entry", entry);
  g_object_set_data_full (G_OBJECT (dialog), "device-id",
                          g_strdup (tarmac_site_desk_get_device_id (desk)), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_approve_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_rotated_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(TarmacDesksGroup) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  guint sealed = 0, left_out = 0;

  if (!tarmac_sync_service_rotate_site_key_finish (TARMAC_SYNC_SERVICE (object), result,
                                                   &sealed, &left_out, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      self->busy--;
      toast (self, error->message);
      tarmac_desks_group_refresh (self);
      return;
    }

  self->busy--;
  self->rotated = TRUE;
  if (left_out > 0)
    message = g_strdup_printf (ngettext ("The airport has a new key; %u desk must be approved again",
                                         "The airport has a new key; %u desks must be approved again",
                                         left_out),
                               left_out);
  else
    message = g_strdup (_("The airport has a new key"));
  toast (self, message);
  tarmac_desks_group_refresh (self);
}

static void
on_rotate_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       TarmacDesksGroup *self)
{
  if (g_strcmp0 (response, "rotate") == 0)
    tarmac_desks_group_rotate (self);
}

static void
on_rotate_clicked_cb (GtkButton        *button,
                      TarmacDesksGroup *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Change the Airport’s Key?"),
                                   _("Do it after a desk of this airport was revoked. The other "
                                     "desks get the new key at their next sync, and keep reading "
                                     "older notes; a revoked desk does not get it. A desk that "
                                     "cannot prove it held the key must be approved again."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "rotate", _("C_hange Key"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "rotate",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_rotate_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_desks (TarmacDesksGroup *self,
            GListModel       *desks)
{
  gboolean holds_key = FALSE;
  const char *site = self->service != NULL ? tarmac_sync_service_get_site (self->service) : NULL;

  clear_rows (self);
  g_clear_pointer (&self->own_code, g_free);
  self->n_waiting = 0;

  for (guint i = 0; desks != NULL && i < g_list_model_get_n_items (desks); i++)
    {
      g_autoptr(TarmacSiteDesk) desk = g_list_model_get_item (desks, i);
      g_autofree char *subtitle = NULL;
      GtkWidget *row, *button;

      if (tarmac_site_desk_get_this_desk (desk) && !tarmac_site_desk_get_waiting (desk))
        holds_key = TRUE;
      if (!tarmac_site_desk_get_waiting (desk) || tarmac_site_desk_get_code (desk) == NULL)
        continue;

      row = adw_action_row_new ();
      gtk_widget_add_css_class (row, "fingerprint");
      if (tarmac_site_desk_get_this_desk (desk))
        {
          self->own_code = g_strdup (tarmac_site_desk_get_code (desk));
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                         _("This Desk Waits for the Airport’s Key"));
          /* Translators: %1$s is the airport's code, %2$s the confirmation code */
          subtitle = g_strdup_printf (_("It reads no notes until a desk of %1$s that already "
                                        "reads them approves it. Read this code to the officer "
                                        "there: %2$s"),
                                      site != NULL ? site : "", self->own_code);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
          adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 4);
          add_row (self, row);
          continue;
        }

      self->n_waiting++;
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("New Desk Waiting"));
      /* Translators: %1$s is a workstation's id, %2$s its confirmation code */
      subtitle = g_strdup_printf (_("Workstation %1$s, code %2$s"),
                                  tarmac_site_desk_get_device_id (desk), tarmac_site_desk_get_code (desk));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
      button = gtk_button_new_with_mnemonic (_("_Approve…"));
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      g_object_set_data_full (G_OBJECT (button), "desk", g_object_ref (desk), g_object_unref);
      g_signal_connect_object (button, "clicked", G_CALLBACK (on_approve_clicked_cb), self, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      add_row (self, row);
    }

  /* Only a desk that holds the key can change it, and only where there are other desks
   * (a desk alone gains nothing from it). */
  if (holds_key && desks != NULL && g_list_model_get_n_items (desks) > 1)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = gtk_button_new_with_mnemonic (_("C_hange Key…"));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("The Airport’s Key"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   _("Change it after a desk of this airport was revoked"));
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      g_signal_connect_object (button, "clicked", G_CALLBACK (on_rotate_clicked_cb), self, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      add_row (self, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self), self->rows->len > 0);
}

static void
on_listed_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(TarmacDesksGroup) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) desks = tarmac_sync_service_list_desks_finish (TARMAC_SYNC_SERVICE (object),
                                                                      result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->busy--;
  gtk_widget_set_sensitive (self->refresh_button, self->busy == 0);
  if (desks == NULL)
    {
      g_debug ("The desks could not be listed: %s", error->message);
      return;
    }

  show_desks (self, desks);
}

static void
on_approved_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(TarmacDesksGroup) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!tarmac_sync_service_approve_finish (TARMAC_SYNC_SERVICE (object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      self->busy--;
      toast (self, error->message);
      tarmac_desks_group_refresh (self);
      return;
    }

  self->busy--;
  toast (self, _("The new desk reads this airport’s notes from its next sync"));
  tarmac_desks_group_refresh (self);
}

static void
tarmac_desks_group_dispose (GObject *object)
{
  TarmacDesksGroup *self = (TarmacDesksGroup *) object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->service);

  G_OBJECT_CLASS (tarmac_desks_group_parent_class)->dispose (object);
}

static void
tarmac_desks_group_finalize (GObject *object)
{
  TarmacDesksGroup *self = (TarmacDesksGroup *) object;

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->own_code, g_free);

  G_OBJECT_CLASS (tarmac_desks_group_parent_class)->finalize (object);
}

static void
tarmac_desks_group_class_init (TarmacDesksGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = tarmac_desks_group_dispose;
  object_class->finalize = tarmac_desks_group_finalize;
}

static void
tarmac_desks_group_init (TarmacDesksGroup *self)
{
  self->cancellable = g_cancellable_new ();
  self->rows = g_ptr_array_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Desks of This Airport"));
  self->refresh_button = gtk_button_new_from_icon_name ("view-refresh-symbolic");
  gtk_widget_set_valign (self->refresh_button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (self->refresh_button, _("Look for New Desks"));
  gtk_widget_add_css_class (self->refresh_button, "flat");
  g_signal_connect_swapped (self->refresh_button, "clicked", G_CALLBACK (tarmac_desks_group_refresh), self);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self), self->refresh_button);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

void
tarmac_desks_group_set_service (TarmacDesksGroup  *self,
                                TarmacSyncService *service)
{
  g_return_if_fail (TARMAC_IS_DESKS_GROUP (self));
  g_return_if_fail (service == NULL || TARMAC_IS_SYNC_SERVICE (service));

  g_set_object (&self->service, service);
  tarmac_desks_group_refresh (self);
}

/**
 * tarmac_desks_group_refresh:
 *
 * Asks the sync service for the desks of this airport, from a fresh roster.
 */
void
tarmac_desks_group_refresh (TarmacDesksGroup *self)
{
  g_return_if_fail (TARMAC_IS_DESKS_GROUP (self));

  if (self->service == NULL || !tarmac_sync_service_get_enrolled (self->service))
    {
      show_desks (self, NULL);
      return;
    }

  self->busy++;
  gtk_widget_set_sensitive (self->refresh_button, FALSE);
  tarmac_sync_service_list_desks_async (self->service, self->cancellable, on_listed_cb,
                                        g_object_ref (self));
}

/* How many other desks wait for this one's approval. */
guint
tarmac_desks_group_get_n_waiting (TarmacDesksGroup *self)
{
  g_return_val_if_fail (TARMAC_IS_DESKS_GROUP (self), 0);

  return self->n_waiting;
}

/* (nullable): this desk's code while it waits for the airport's key */
const char *
tarmac_desks_group_get_own_code (TarmacDesksGroup *self)
{
  g_return_val_if_fail (TARMAC_IS_DESKS_GROUP (self), NULL);

  return self->own_code;
}

/* Whether a listing or an approval is under way (tests wait for it). */
gboolean
tarmac_desks_group_get_busy (TarmacDesksGroup *self)
{
  g_return_val_if_fail (TARMAC_IS_DESKS_GROUP (self), FALSE);

  return self->busy > 0;
}

/**
 * tarmac_desks_group_approve:
 * @device_id: a waiting desk
 * @code: the code as typed
 *
 * What Approve does once the code is typed; the result comes as a toast, and the list is
 * fetched again.
 */
void
tarmac_desks_group_approve (TarmacDesksGroup *self,
                            const char       *device_id,
                            const char       *code)
{
  g_return_if_fail (TARMAC_IS_DESKS_GROUP (self));

  if (self->service == NULL || device_id == NULL || code == NULL)
    return;

  self->busy++;
  tarmac_sync_service_approve_async (self->service, device_id, code, self->cancellable,
                                     on_approved_cb, g_object_ref (self));
}

/**
 * tarmac_desks_group_rotate:
 *
 * What Change Key does once confirmed; the result comes as a toast, and the list is
 * fetched again.
 */
void
tarmac_desks_group_rotate (TarmacDesksGroup *self)
{
  g_return_if_fail (TARMAC_IS_DESKS_GROUP (self));

  if (self->service == NULL)
    return;

  self->busy++;
  tarmac_sync_service_rotate_site_key_async (self->service, self->cancellable, on_rotated_cb,
                                             g_object_ref (self));
}

/* Whether a rotation made here succeeded (tests). */
gboolean
tarmac_desks_group_get_rotated (TarmacDesksGroup *self)
{
  g_return_val_if_fail (TARMAC_IS_DESKS_GROUP (self), FALSE);

  return self->rotated;
}
