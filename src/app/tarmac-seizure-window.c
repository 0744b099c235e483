/* tarmac-seizure-window.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-seizure-window"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "tarmac-format.h"
#include "tarmac-seizure-alert.h"
#include "tarmac-seizure-codes.h"
#include "tarmac-seizure-draft.h"
#include "tarmac-seizure-format.h"
#include "tarmac-seizure-store.h"
#include "tarmac-seizure-window-private.h"

/* The seizure form, in the order an officer fills it at the desk (research/seizures.md
 * §6.1): when and where, the flight, why the person was controlled and how the goods were
 * found, what was found, the route, the agencies, the people (never by name), a narrative
 * and photos. The record's status moves along DRAFT → SUBMITTED → VALIDATED → SHARED →
 * CLOSED with buttons that offer only the legal steps; a validated record is locked, and
 * editing it makes a new version. Built in code: its rows depend on the record. The core
 * validates (tarmac_seizure_validate()), and its messages name the field, which the form
 * marks and explains. */

G_DEFINE_FINAL_TYPE (TarmacSeizureWindow, tarmac_seizure_window, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The steps each status offers, in the order of the buttons. */
static const struct
{
  const char *from;
  const char *to[3];
} steps[] = {
  { "DRAFT", { "SUBMITTED", NULL } },
  { "SUBMITTED", { "VALIDATED", "DRAFT", NULL } },
  { "VALIDATED", { "SHARED", "CLOSED", NULL } },
  { "SHARED", { "CLOSED", NULL } },
};

static gboolean
is_locked (const char *status)
{
  return g_strcmp0 (status, "VALIDATED") == 0 || g_strcmp0 (status, "SHARED") == 0 ||
         g_strcmp0 (status, "CLOSED") == 0;
}

static const char *
step_label (const char *status)
{
  if (g_str_equal (status, "SUBMITTED"))
    return _("Submit");
  if (g_str_equal (status, "VALIDATED"))
    return _("Validate");
  if (g_str_equal (status, "DRAFT"))
    return _("Return to Draft");
  if (g_str_equal (status, "SHARED"))
    return _("Share");
  return C_("seizure status step", "Close");
}

/* A group of the form: a lock makes it insensitive. */
GtkWidget *
_tarmac_seizure_window_add_group (TarmacSeizureWindow *self,
                                  AdwPreferencesPage  *page,
                                  const char          *title,
                                  const char          *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  g_ptr_array_add (self->form_groups, group);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  g_object_set_data_full (G_OBJECT (group), "tarmac-description", g_strdup (description), g_free);
  adw_preferences_page_add (page, ADW_PREFERENCES_GROUP (group));
  return group;
}

/* A flat "Add …" button in a group's header. */
GtkWidget *
_tarmac_seizure_window_add_button (AdwPreferencesGroup *group,
                                   const char          *label,
                                   const char          *action)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *content = adw_button_content_new ();

  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "list-add-symbolic");
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), label);
  adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (content), TRUE);
  gtk_button_set_child (GTK_BUTTON (button), content);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  adw_preferences_group_set_header_suffix (group, button);
  return button;
}

void
_tarmac_seizure_window_toast (TarmacSeizureWindow *self,
                              const char          *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static GtkWidget *
entry_row (AdwPreferencesGroup *group,
           const char          *title)
{
  GtkWidget *row = adw_entry_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  /* Shown, with the reason as its tooltip, when a validation error names this field. */
  gtk_widget_add_css_class (icon, "error");
  gtk_widget_set_visible (icon, FALSE);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), icon);
  g_object_set_data (G_OBJECT (row), "tarmac-error-icon", icon);
  adw_preferences_group_add (group, row);
  return row;
}

static GtkWidget *
combo_row (AdwPreferencesGroup *group,
           const char          *title,
           const char          *table,
           gboolean             optional)
{
  GtkWidget *row = tarmac_code_combo_row_new (title, table, NULL, optional);

  adw_preferences_group_add (group, row);
  return row;
}

/* Local time for the officer, UTC in the record. */
static char *
format_local (const char *utc)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_utc ();
  g_autoptr(GDateTime) parsed = utc != NULL ? g_date_time_new_from_iso8601 (utc, zone) : NULL;
  g_autoptr(GDateTime) local = parsed != NULL ? g_date_time_to_local (parsed) : NULL;

  return local != NULL ? g_date_time_format (local, "%Y-%m-%d %H:%M") : g_strdup (utc);
}

static char *
parse_local (const char *text)
{
  g_autoptr(GTimeZone) local_zone = g_time_zone_new_local ();
  g_autoptr(GDateTime) parsed = NULL;
  g_autoptr(GDateTime) utc = NULL;
  g_autofree char *iso = NULL;
  int y, mo, d, h = 0, mi = 0;

  if (text == NULL)
    return NULL;
  parsed = g_date_time_new_from_iso8601 (text, local_zone);
  if (parsed == NULL && sscanf (text, "%4d-%2d-%2d %2d:%2d", &y, &mo, &d, &h, &mi) >= 3)
    parsed = g_date_time_new (local_zone, y, mo, d, h, mi, 0);
  if (parsed == NULL)
    return NULL;
  utc = g_date_time_to_utc (parsed);
  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

static const char *
entry_text (GtkWidget *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  while (text != NULL && g_ascii_isspace (*text))
    text++;
  return text != NULL && *text != '\0' ? text : NULL;
}

static void
set_entry (GtkWidget  *entry,
           const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), text != NULL ? text : "");
}

/* Errors: the field named by the core's message is marked, and says why. */

static void clear_error (TarmacSeizureWindow *self);

/* The officer corrects the marked field: the mark goes at once. */
static void
on_marked_changed_cb (TarmacSeizureWindow *self)
{
  clear_error (self);
}

static void
clear_error (TarmacSeizureWindow *self)
{
  GtkWidget *marked = g_object_get_data (G_OBJECT (self), "tarmac-marked");

  if (marked != NULL)
    {
      g_signal_handlers_disconnect_by_func (marked, on_marked_changed_cb, self);
      const char *subtitle = g_object_get_data (G_OBJECT (marked), "tarmac-subtitle");
      GtkWidget *icon = g_object_get_data (G_OBJECT (marked), "tarmac-error-icon");

      gtk_widget_remove_css_class (marked, "error");
      if (ADW_IS_ACTION_ROW (marked))
        adw_action_row_set_subtitle (ADW_ACTION_ROW (marked), subtitle != NULL ? subtitle : "");
      else if (ADW_IS_EXPANDER_ROW (marked))
        adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (marked), subtitle != NULL ? subtitle : "");
      else if (ADW_IS_PREFERENCES_GROUP (marked))
        adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (marked),
                                               g_object_get_data (G_OBJECT (marked), "tarmac-description"));
      if (icon != NULL)
        gtk_widget_set_visible (icon, FALSE);
      g_object_set_data (G_OBJECT (self), "tarmac-marked", NULL);
    }
  g_clear_pointer (&self->error_text, g_free);
  gtk_widget_set_visible (self->error_label, FALSE);
}

static const char *
field_title (GtkWidget *widget)
{
  if (ADW_IS_PREFERENCES_ROW (widget))
    return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget));
  if (ADW_IS_PREFERENCES_GROUP (widget))
    return adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (widget));
  return g_object_get_data (G_OBJECT (widget), "tarmac-title");
}

/* The core's messages start with the field: "items[2].quantity: …". */
static void
show_error (TarmacSeizureWindow *self,
            const GError        *error)
{
  const char *message = error->message;
  const char *colon = strstr (message, ": ");
  g_autofree char *field = NULL;
  GtkWidget *widget = NULL;
  g_autofree char *text = NULL;

  clear_error (self);

  if (colon != NULL && colon - message < 48 && strchr (message, ' ') > colon)
    {
      field = g_strndup (message, colon - message);
      widget = tarmac_seizure_window_get_field (self, field);
    }

  if (widget != NULL)
    {
      const char *why = colon + 2;
      GtkWidget *ancestor;

      g_object_set_data (G_OBJECT (self), "tarmac-marked", widget);
      gtk_widget_add_css_class (widget, "error");
      if (GTK_IS_EDITABLE (widget))
        g_signal_connect_object (widget, "notify::text", G_CALLBACK (on_marked_changed_cb), self,
                                 G_CONNECT_SWAPPED);
      else if (ADW_IS_COMBO_ROW (widget))
        g_signal_connect_object (widget, "notify::selected", G_CALLBACK (on_marked_changed_cb), self,
                                 G_CONNECT_SWAPPED);
      if (ADW_IS_ACTION_ROW (widget))
        {
          g_object_set_data_full (G_OBJECT (widget), "tarmac-subtitle",
                                  g_strdup (adw_action_row_get_subtitle (ADW_ACTION_ROW (widget))), g_free);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (widget), why);
        }
      else if (ADW_IS_EXPANDER_ROW (widget))
        {
          g_object_set_data_full (G_OBJECT (widget), "tarmac-subtitle",
                                  g_strdup (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (widget))), g_free);
          adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (widget), why);
        }
      else if (ADW_IS_PREFERENCES_GROUP (widget))
        {
          adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (widget), why);
        }
      else if (g_object_get_data (G_OBJECT (widget), "tarmac-error-icon") != NULL)
        {
          GtkWidget *icon = g_object_get_data (G_OBJECT (widget), "tarmac-error-icon");

          gtk_widget_set_tooltip_text (icon, why);
          gtk_widget_set_visible (icon, TRUE);
        }

      /* Open the item the field belongs to, and bring the field into view. */
      for (ancestor = gtk_widget_get_parent (widget); ancestor != NULL;
           ancestor = gtk_widget_get_parent (ancestor))
        if (ADW_IS_EXPANDER_ROW (ancestor))
          adw_expander_row_set_expanded (ADW_EXPANDER_ROW (ancestor), TRUE);
      gtk_widget_grab_focus (widget);

      /* Translators: a validation error under the form's status: the field's name, then
       * why it was refused ("Quantity: the quantity must be greater than zero") */
      text = g_strdup_printf (_("%1$s: %2$s"), field_title (widget) != NULL ? field_title (widget) : field, why);
    }
  else
    {
      text = g_strdup (message);
    }

  self->error_text = g_strdup (text);
  gtk_label_set_text (GTK_LABEL (self->error_label), text);
  gtk_widget_set_visible (self->error_label, TRUE);
}

static void
update_status (TarmacSeizureWindow *self)
{
  const char *status = tarmac_seizure_get_status (self->seizure);
  gboolean saved = tarmac_seizure_get_id (self->seizure) > 0;
  gboolean locked = is_locked (status);
  const char *ref_no = tarmac_seizure_get_ref_no (self->seizure);
  g_autofree char *subtitle = NULL;
  g_autofree char *lock = NULL;
  GtkWidget *child;

  if (status == NULL)
    status = "DRAFT";

  if (saved)
    /* Translators: the seizure form's subtitle: its status and version ("Draft · version 1") */
    subtitle = g_strdup_printf (_("%1$s · version %2$d"), tarmac_seizure_format_status (status),
                                tarmac_seizure_get_version (self->seizure));
  else
    subtitle = g_strdup (_("Not saved yet"));
  adw_window_title_set_title (self->title, ref_no != NULL ? ref_no : _("New Seizure"));
  adw_window_title_set_subtitle (self->title, subtitle);
  gtk_window_set_title (GTK_WINDOW (self), ref_no != NULL ? ref_no : _("New Seizure"));

  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->status_row),
                               saved ? tarmac_seizure_format_status (status) : _("Not saved yet"));

  while ((child = gtk_widget_get_first_child (self->status_buttons)) != NULL)
    gtk_box_remove (GTK_BOX (self->status_buttons), child);

  if (locked)
    {
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Edit as New Version"));

      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "seizure.new-version");
      gtk_box_append (GTK_BOX (self->status_buttons), button);

      /* A validated record may be sent as an alert to the airports on the route. */
      button = gtk_button_new_from_icon_name ("document-save-symbolic");
      gtk_widget_set_tooltip_text (button, _("Save the seizure alert (PDF, non-nominal) to send to "
                                             "the airports on the route"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Save Alert"), -1);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "seizure.save-alert");
      gtk_box_append (GTK_BOX (self->status_buttons), button);
    }
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    if (g_str_equal (status, steps[i].from))
      for (guint j = 0; steps[i].to[j] != NULL; j++)
        {
          GtkWidget *button = gtk_button_new_with_label (step_label (steps[i].to[j]));

          gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "seizure.set-status");
          gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", steps[i].to[j]);
          if (j == 0)
            gtk_widget_add_css_class (button, "suggested-action");
          gtk_box_append (GTK_BOX (self->status_buttons), button);
        }

  if (locked)
    /* Translators: %d is the number the next version of a locked seizure record gets */
    lock = g_strdup_printf (_("This version is validated and locked. Editing makes version %d; "
                              "this one stays as it was validated."),
                            tarmac_seizure_get_version (self->seizure) + 1);
  gtk_label_set_text (GTK_LABEL (self->lock_label), lock != NULL ? lock : "");
  gtk_widget_set_visible (self->lock_label, locked);
  for (guint i = 0; i < self->form_groups->len; i++)
    gtk_widget_set_sensitive (g_ptr_array_index (self->form_groups, i), !locked);
  gtk_widget_set_visible (self->save_button, !locked);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "seizure.save", !locked);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "seizure.new-version", locked);
}

static void
fill (TarmacSeizureWindow *self)
{
  TarmacSeizure *seizure = self->seizure;
  g_autofree char *when = format_local (tarmac_seizure_get_occurred_at (seizure));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->narrative));
  const char *narrative = tarmac_seizure_get_narrative (seizure);

  set_entry (self->occurred_at, when);
  set_entry (self->airport, tarmac_seizure_get_airport (seizure));
  set_entry (self->flight, tarmac_seizure_get_flight_label (seizure));
  tarmac_code_picker_set (self->place, tarmac_seizure_get_place (seizure));
  tarmac_code_picker_set (self->direction, tarmac_seizure_get_direction (seizure));
  tarmac_code_picker_set (self->flow_type, tarmac_seizure_get_flow_type (seizure));
  tarmac_code_picker_set (self->selection_reason, tarmac_seizure_get_selection_reason (seizure));
  tarmac_code_picker_set (self->detection_technique, tarmac_seizure_get_detection_technique (seizure));
  tarmac_code_picker_set (self->legal_action, tarmac_seizure_get_legal_action (seizure));
  set_entry (self->offence_summary, tarmac_seizure_get_offence_summary (seizure));
  gtk_text_buffer_set_text (buffer, narrative != NULL ? narrative : "", -1);

  _tarmac_seizure_window_fill_lists (self);
  _tarmac_seizure_window_fill_photos (self);
  _tarmac_seizure_window_fill_evidence (self);
  update_status (self);
}

/* Reads the form into the record. Only what the core cannot see (a date that does not
 * parse) is refused here, in the core's words and with the core's field names. */
static gboolean
collect (TarmacSeizureWindow  *self,
         GError              **error)
{
  TarmacSeizure *seizure = self->seizure;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->narrative));
  g_autofree char *occurred_at = NULL;
  g_autofree char *narrative = NULL;
  g_autofree char *airport = NULL;
  GtkTextIter start, end;
  const char *typed = entry_text (self->occurred_at);

  occurred_at = parse_local (typed);
  if (occurred_at == NULL)
    {
      g_set_error (error, TARMAC_SEIZURE_ERROR, TARMAC_SEIZURE_ERROR_INVALID,
                   _("%s: “%s” is not a date and time such as 2026-03-14 06:40"),
                   "occurred_at", typed != NULL ? typed : "");
      return FALSE;
    }
  airport = entry_text (self->airport) != NULL ? g_ascii_strup (entry_text (self->airport), -1) : NULL;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  narrative = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);

  tarmac_seizure_set_occurred_at (seizure, occurred_at);
  tarmac_seizure_set_airport (seizure, airport);
  tarmac_seizure_set_flight_label (seizure, entry_text (self->flight));
  tarmac_seizure_set_place (seizure, tarmac_code_picker_get (self->place));
  tarmac_seizure_set_direction (seizure, tarmac_code_picker_get (self->direction));
  tarmac_seizure_set_flow_type (seizure, tarmac_code_picker_get (self->flow_type));
  tarmac_seizure_set_selection_reason (seizure, tarmac_code_picker_get (self->selection_reason));
  tarmac_seizure_set_detection_technique (seizure, tarmac_code_picker_get (self->detection_technique));
  tarmac_seizure_set_legal_action (seizure, tarmac_code_picker_get (self->legal_action));
  tarmac_seizure_set_offence_summary (seizure, entry_text (self->offence_summary));
  tarmac_seizure_set_narrative (seizure, *g_strstrip (narrative) != '\0' ? narrative : NULL);

  tarmac_seizure_clear_lists (seizure);
  _tarmac_seizure_window_collect_lists (self, seizure);
  _tarmac_seizure_window_collect_photos (self, seizure);
  return TRUE;
}

/* After a write: the record as the database holds it (the read is audited). */
static gboolean
reload (TarmacSeizureWindow  *self,
        gint64                id,
        GError              **error)
{
  g_autoptr(TarmacSeizure) seizure = tarmac_seizure_store_load (self->store, id, error);

  if (seizure == NULL)
    return FALSE;
  g_set_object (&self->seizure, seizure);
  fill (self);
  return TRUE;
}

/**
 * tarmac_seizure_window_save:
 *
 * Saves the form (a new record as a draft). A record started from a hit also closes the
 * hit's review as "controlled: positive". On error, marks the field and says why;
 * nothing is saved.
 *
 * Returns: %TRUE when saved
 */
gboolean
tarmac_seizure_window_save (TarmacSeizureWindow *self)
{
  g_autoptr(GError) error = NULL;
  gboolean created, from_hit;
  gboolean ok;

  g_return_val_if_fail (TARMAC_IS_SEIZURE_WINDOW (self), FALSE);

  if (is_locked (tarmac_seizure_get_status (self->seizure)))
    return FALSE;

  clear_error (self);
  created = tarmac_seizure_get_id (self->seizure) == 0;
  from_hit = created && tarmac_seizure_get_hit_id (self->seizure) > 0;
  if (!collect (self, &error))
    {
      show_error (self, error);
      return FALSE;
    }
  if (from_hit)
    ok = tarmac_seizure_store_save_for_hit (self->store, self->seizure, &error);
  else
    ok = tarmac_seizure_store_save (self->store, self->seizure, &error);
  if (!ok || !reload (self, tarmac_seizure_get_id (self->seizure), &error))
    {
      show_error (self, error);
      return FALSE;
    }

  {
    g_autofree char *message = NULL;

    if (from_hit)
      /* Translators: a toast: the seizure's reference */
      message = g_strdup_printf (_("Seizure %s saved; the hit is marked controlled: positive"),
                                 tarmac_seizure_get_ref_no (self->seizure));
    else
      /* Translators: a toast: the seizure's reference */
      message = g_strdup_printf (_("Seizure %s saved"), tarmac_seizure_get_ref_no (self->seizure));
    _tarmac_seizure_window_toast (self, message);
  }
  g_signal_emit (self, signals[SAVED], 0);
  return TRUE;
}

/**
 * tarmac_seizure_window_move_status:
 * @status: the next status, one of the steps the form offers
 *
 * Submitting or validating saves the form first (an edited draft is submitted as shown).
 *
 * Returns: %TRUE when the status moved
 */
gboolean
tarmac_seizure_window_move_status (TarmacSeizureWindow *self,
                                   const char          *status)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  g_return_val_if_fail (TARMAC_IS_SEIZURE_WINDOW (self), FALSE);

  if (!is_locked (tarmac_seizure_get_status (self->seizure)) && !tarmac_seizure_window_save (self))
    return FALSE;
  if (!tarmac_seizure_store_set_status (self->store, tarmac_seizure_get_id (self->seizure), status,
                                        &error) ||
      !reload (self, tarmac_seizure_get_id (self->seizure), &error))
    {
      show_error (self, error);
      return FALSE;
    }

  /* Translators: a toast: a seizure's reference and its new status ("LFW-2026-0001: Validated") */
  message = g_strdup_printf (_("%1$s: %2$s"), tarmac_seizure_get_ref_no (self->seizure),
                             tarmac_seizure_format_status (status));
  _tarmac_seizure_window_toast (self, message);
  g_signal_emit (self, signals[SAVED], 0);
  return TRUE;
}

/**
 * tarmac_seizure_window_new_version:
 *
 * Makes an editable draft of a locked record, as version + 1; the locked one stays.
 *
 * Returns: %TRUE when the new version was made
 */
gboolean
tarmac_seizure_window_new_version (TarmacSeizureWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TarmacSeizure) next = NULL;
  g_autofree char *message = NULL;

  g_return_val_if_fail (TARMAC_IS_SEIZURE_WINDOW (self), FALSE);

  next = tarmac_seizure_store_new_version (self->store, tarmac_seizure_get_id (self->seizure), &error);
  if (next == NULL || !reload (self, tarmac_seizure_get_id (next), &error))
    {
      show_error (self, error);
      return FALSE;
    }
  /* Translators: a toast: the version number of the new draft of a validated record */
  message = g_strdup_printf (_("Editing version %d; the validated version is kept"),
                             tarmac_seizure_get_version (self->seizure));
  _tarmac_seizure_window_toast (self, message);
  g_signal_emit (self, signals[SAVED], 0);
  return TRUE;
}

/**
 * tarmac_seizure_window_save_alert:
 * @file: where to write the alert
 *
 * Writes the one-page seizure alert of the record shown (its latest version), as a PDF in
 * the officer's language; the core audits the export.
 *
 * Returns: %TRUE when written
 */
gboolean
tarmac_seizure_window_save_alert (TarmacSeizureWindow  *self,
                                  GFile                *file,
                                  GError              **error)
{
  g_autoptr(GBytes) pdf = NULL;

  g_return_val_if_fail (TARMAC_IS_SEIZURE_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  pdf = tarmac_seizure_alert_export (self->store, tarmac_seizure_get_ref_no (self->seizure), "pdf",
                                     tarmac_seizure_codes_get_language (), error);
  if (pdf == NULL)
    return FALSE;
  return g_file_replace_contents (file, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), NULL,
                                  FALSE, G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION,
                                  NULL, NULL, error);
}

static void
on_alert_chooser_response_cb (GtkNativeDialog     *chooser,
                              int                  response,
                              TarmacSeizureWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GError) error = NULL;

      if (!tarmac_seizure_window_save_alert (self, file, &error))
        _tarmac_seizure_window_toast (self, error->message);
      else
        _tarmac_seizure_window_toast (self, _("Seizure alert saved"));
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
save_alert_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  TarmacSeizureWindow *self = TARMAC_SEIZURE_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;

  chooser = gtk_file_chooser_native_new (_("Save Seizure Alert"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), NULL);
  /* Translators: the file name of a seizure alert; %s is the seizure's reference */
  name = g_strdup_printf (_("alert-%s.pdf"), tarmac_seizure_get_ref_no (self->seizure));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (on_alert_chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  tarmac_seizure_window_save (TARMAC_SEIZURE_WINDOW (widget));
}

static void
set_status_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  tarmac_seizure_window_move_status (TARMAC_SEIZURE_WINDOW (widget),
                                     g_variant_get_string (parameter, NULL));
}

static void
new_version_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  tarmac_seizure_window_new_version (TARMAC_SEIZURE_WINDOW (widget));
}

static void
build (TarmacSeizureWindow *self)
{
  AdwPreferencesPage *page;
  AdwPreferencesGroup *group;
  GtkWidget *box, *header, *frame, *status_box;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  self->title = ADW_WINDOW_TITLE (adw_window_title_new (_("New Seizure"), NULL));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), GTK_WIDGET (self->title));
  self->save_button = gtk_button_new_with_mnemonic (_("_Save"));
  gtk_widget_add_css_class (self->save_button, "suggested-action");
  gtk_widget_set_tooltip_text (self->save_button, _("Save as a draft (Ctrl+S)"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->save_button), "seizure.save");
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->save_button);
  gtk_box_append (GTK_BOX (box), header);

  page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (page), TRUE);

  /* The status and its steps stay usable when the form is locked. */
  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_page_add (page, group);
  self->status_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->status_row), _("Status"));
  status_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_valign (status_box, GTK_ALIGN_CENTER);
  self->status_buttons = status_box;
  adw_action_row_add_suffix (ADW_ACTION_ROW (self->status_row), status_box);
  adw_preferences_group_add (group, self->status_row);
  self->lock_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->lock_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->lock_label), 0.0f);
  gtk_widget_add_css_class (self->lock_label, "dim-label");
  gtk_widget_set_margin_top (self->lock_label, 6);
  adw_preferences_group_add (group, self->lock_label);
  self->error_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->error_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->error_label), 0.0f);
  gtk_widget_add_css_class (self->error_label, "error");
  gtk_widget_set_margin_top (self->error_label, 6);
  gtk_widget_set_visible (self->error_label, FALSE);
  adw_preferences_group_add (group, self->error_label);

  group = ADW_PREFERENCES_GROUP (_tarmac_seizure_window_add_group (self, page, C_("form group", "Seizure"), NULL));
  self->occurred_at = entry_row (group, _("Date and time"));
  self->airport = entry_row (group, _("Airport"));
  self->place = combo_row (group, _("Place in the airport"), "place", TRUE);
  self->direction = combo_row (group, _("Direction"), "direction", TRUE);
  self->flow_type = combo_row (group, _("Flow"), "flow_type", TRUE);
  self->flight = entry_row (group, _("Flight"));

  group = ADW_PREFERENCES_GROUP (_tarmac_seizure_window_add_group (self, page, _("Control"), NULL));
  self->selection_reason = combo_row (group, _("Why controlled"), "selection_reason", TRUE);
  self->detection_technique = combo_row (group, _("How found"), "detection_technique", TRUE);
  self->legal_action = combo_row (group, _("Legal action"), "legal_action", TRUE);

  _tarmac_seizure_window_init_lists (self, page);

  group = ADW_PREFERENCES_GROUP (_tarmac_seizure_window_add_group (self, page, _("Narrative"), NULL));
  self->offence_summary = entry_row (group, _("Offence in a few words"));
  self->narrative = gtk_text_view_new ();
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (self->narrative), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (self->narrative), 8);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (self->narrative), 8);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (self->narrative), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (self->narrative), 8);
  gtk_widget_set_size_request (self->narrative, -1, 96);
  g_object_set_data (G_OBJECT (self->narrative), "tarmac-title", (gpointer) _("Narrative"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->narrative),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Narrative and modus operandi"),
                                  -1);
  frame = gtk_frame_new (NULL);
  gtk_frame_set_child (GTK_FRAME (frame), self->narrative);
  gtk_widget_set_margin_top (frame, 6);
  adw_preferences_group_add (group, frame);

  _tarmac_seizure_window_init_photos (self, page);
  _tarmac_seizure_window_init_evidence (self, page);

  self->toast_overlay = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (page));
  adw_toast_overlay_set_child (self->toast_overlay, box);
  adw_window_set_content (ADW_WINDOW (self), GTK_WIDGET (self->toast_overlay));
}

static void
tarmac_seizure_window_dispose (GObject *object)
{
  TarmacSeizureWindow *self = (TarmacSeizureWindow *)object;

  _tarmac_seizure_window_clear_lists (self);
  g_clear_object (&self->seizure);
  g_clear_object (&self->store);
  g_clear_object (&self->photos);
  g_clear_pointer (&self->textures, g_hash_table_unref);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->legs, g_ptr_array_unref);
  g_clear_pointer (&self->agencies, g_ptr_array_unref);
  g_clear_pointer (&self->persons, g_ptr_array_unref);
  g_clear_pointer (&self->form_groups, g_ptr_array_unref);

  G_OBJECT_CLASS (tarmac_seizure_window_parent_class)->dispose (object);
}

static void
tarmac_seizure_window_finalize (GObject *object)
{
  TarmacSeizureWindow *self = (TarmacSeizureWindow *)object;

  g_free (self->error_text);

  G_OBJECT_CLASS (tarmac_seizure_window_parent_class)->finalize (object);
}

static void
tarmac_seizure_window_class_init (TarmacSeizureWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tarmac_seizure_window_dispose;
  object_class->finalize = tarmac_seizure_window_finalize;

  /**
   * TarmacSeizureWindow::saved:
   *
   * The record was written: saved, moved on, or versioned.
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "seizure.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "seizure.set-status", "s", set_status_action);
  gtk_widget_class_install_action (widget_class, "seizure.new-version", NULL, new_version_action);
  gtk_widget_class_install_action (widget_class, "seizure.save-alert", NULL, save_alert_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "seizure.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  _tarmac_seizure_window_class_init_lists (widget_class);
  _tarmac_seizure_window_class_init_photos (widget_class);
  _tarmac_seizure_window_class_init_evidence (widget_class);
}

static void
tarmac_seizure_window_init (TarmacSeizureWindow *self)
{
  gtk_window_set_default_size (GTK_WINDOW (self), 720, 560);
  self->photos = g_list_store_new (TARMAC_TYPE_SEIZURE_ATTACHMENT);
  self->textures = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  self->form_groups = g_ptr_array_new ();
  self->items = g_ptr_array_new_with_free_func (g_free);
  self->legs = g_ptr_array_new_with_free_func (g_free);
  self->agencies = g_ptr_array_new_with_free_func (g_free);
  self->persons = g_ptr_array_new_with_free_func (g_free);
  build (self);
}

static TarmacSeizureWindow *
new_window (TarmacStore   *store,
            TarmacSeizure *seizure)
{
  TarmacSeizureWindow *self = g_object_new (TARMAC_TYPE_SEIZURE_WINDOW, NULL);

  self->store = g_object_ref (store);
  self->seizure = seizure;
  fill (self);
  return self;
}

/**
 * tarmac_seizure_window_new_draft:
 * @store: the store
 * @hit_id: the hit the control came from, or 0
 * @traveller_id: the traveller, or 0
 * @flight_id: the flight, or 0
 * @error: return location for a #GError
 *
 * A form for a new record, filled from what the officer came from (see
 * tarmac_seizure_draft_new()).
 *
 * Returns: (transfer floating) (nullable): the window
 */
TarmacSeizureWindow *
tarmac_seizure_window_new_draft (TarmacStore  *store,
                                 gint64        hit_id,
                                 gint64        traveller_id,
                                 gint64        flight_id,
                                 GError      **error)
{
  TarmacSeizure *seizure;
  TarmacSeizureWindow *self;

  g_return_val_if_fail (TARMAC_IS_STORE (store), NULL);

  seizure = tarmac_seizure_draft_new (store, hit_id, traveller_id, flight_id, error);
  if (seizure == NULL)
    return NULL;
  self = new_window (store, seizure);
  /* A new record has one item line to fill, open. */
  if (g_list_model_get_n_items (tarmac_seizure_get_items (seizure)) == 0)
    tarmac_seizure_window_add_item (self);
  return self;
}

/**
 * tarmac_seizure_window_new_for_id:
 *
 * Returns: (transfer floating) (nullable): a form showing a saved record (the read is
 *   audited)
 */
TarmacSeizureWindow *
tarmac_seizure_window_new_for_id (TarmacStore  *store,
                                  gint64        seizure_id,
                                  GError      **error)
{
  TarmacSeizure *seizure;

  g_return_val_if_fail (TARMAC_IS_STORE (store), NULL);

  seizure = tarmac_seizure_store_load (store, seizure_id, error);
  if (seizure == NULL)
    return NULL;
  return new_window (store, seizure);
}

/* Returns: (transfer none): the record as last saved or loaded */
TarmacSeizure *
tarmac_seizure_window_get_seizure (TarmacSeizureWindow *self)
{
  g_return_val_if_fail (TARMAC_IS_SEIZURE_WINDOW (self), NULL);
  return self->seizure;
}

/* Returns: (nullable): the error the form shows, as the officer reads it */
const char *
tarmac_seizure_window_get_error (TarmacSeizureWindow *self)
{
  g_return_val_if_fail (TARMAC_IS_SEIZURE_WINDOW (self), NULL);
  return self->error_text;
}

/* Adds an empty item line, open (the "Add Item" button). */
GtkWidget *
tarmac_seizure_window_add_item (TarmacSeizureWindow *self)
{
  g_return_val_if_fail (TARMAC_IS_SEIZURE_WINDOW (self), NULL);
  return _tarmac_seizure_window_add_item (self, NULL);
}

/**
 * tarmac_seizure_window_get_field:
 * @field: a field as the core's messages name it: "airport", "items[1].quantity"…
 *
 * Returns: (transfer none) (nullable): the widget that edits it
 */
GtkWidget *
tarmac_seizure_window_get_field (TarmacSeizureWindow *self,
                                 const char          *field)
{
  static const struct { const char *name; gsize offset; } header[] = {
    { "occurred_at", G_STRUCT_OFFSET (TarmacSeizureWindow, occurred_at) },
    { "airport", G_STRUCT_OFFSET (TarmacSeizureWindow, airport) },
    { "place", G_STRUCT_OFFSET (TarmacSeizureWindow, place) },
    { "direction", G_STRUCT_OFFSET (TarmacSeizureWindow, direction) },
    { "flow_type", G_STRUCT_OFFSET (TarmacSeizureWindow, flow_type) },
    { "flight", G_STRUCT_OFFSET (TarmacSeizureWindow, flight) },
    { "selection_reason", G_STRUCT_OFFSET (TarmacSeizureWindow, selection_reason) },
    { "detection_technique", G_STRUCT_OFFSET (TarmacSeizureWindow, detection_technique) },
    { "legal_action", G_STRUCT_OFFSET (TarmacSeizureWindow, legal_action) },
    { "offence_summary", G_STRUCT_OFFSET (TarmacSeizureWindow, offence_summary) },
    { "narrative", G_STRUCT_OFFSET (TarmacSeizureWindow, narrative) },
    { "modus_operandi", G_STRUCT_OFFSET (TarmacSeizureWindow, narrative) },
  };

  g_return_val_if_fail (TARMAC_IS_SEIZURE_WINDOW (self), NULL);
  g_return_val_if_fail (field != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (header); i++)
    if (g_str_equal (field, header[i].name))
      return G_STRUCT_MEMBER (GtkWidget *, self, header[i].offset);
  if (g_str_has_prefix (field, "attachments"))
    return GTK_WIDGET (self->photos_group);
  return _tarmac_seizure_window_list_field (self, field);
}
