/* tarmac-compose-window.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-compose-window"

#include "config.h"

#include <glib/gi18n.h>

#include "tarmac-compose-window.h"
#include "tarmac-format.h"

/* Writing a note or an alert: the text, its priority, whether the airports must
 * acknowledge it, what it is about (prefilled from the flight or traveller page that
 * opened it), and the airports of the roster it goes to. Sending saves it here through
 * the sync service, which sends it at once or when the hub can be reached: the window
 * closes as soon as it is saved, and says so with "sent" (the main window shows a
 * toast). A reply goes to the note's writer and its other recipients. */

struct _TarmacComposeWindow
{
  AdwWindow          parent_instance;

  /* Template widgets */
  GtkWidget         *send_button;
  GtkSpinner        *spinner;
  GtkLabel          *reply_label;
  GtkTextView       *text_view;
  AdwComboRow       *priority_row;
  GtkSwitch         *alert_switch;
  AdwComboRow       *subject_row;
  AdwEntryRow       *reference_row;
  GtkMenuButton     *recent_button;
  GtkListBox        *recent_list;
  AdwPreferencesGroup *recipients_group;
  GtkListBox        *recipients_list;
  GtkLabel          *error_label;

  /* Owned references */
  TarmacSyncService *service;
  GCancellable      *cancellable;
  GPtrArray         *checks;         /* of GtkCheckButton, with "tarmac-site" data */
  char              *reply_to;

  guint              sending : 1;
};

G_DEFINE_FINAL_TYPE (TarmacComposeWindow, tarmac_compose_window, ADW_TYPE_WINDOW)

enum {
  SENT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The order of the "About" list */
static const char * const subject_types[] = { NULL, "flight", "traveller", "consignment", "seizure" };

static char *
dup_text (TarmacComposeWindow *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
}

static void
update (TarmacComposeWindow *self)
{
  g_autofree char *text = dup_text (self);
  guint subject = adw_combo_row_get_selected (self->subject_row);

  gtk_widget_set_visible (GTK_WIDGET (self->reference_row), subject > 0);
  /* The flights pick list, for a note about a flight (subject_types[1]). */
  gtk_widget_set_visible (GTK_WIDGET (self->recent_button),
                          subject == 1 && gtk_list_box_get_row_at_index (self->recent_list, 0) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "compose.send",
                                 !self->sending && *text != '\0' && self->service != NULL);
  gtk_spinner_set_spinning (self->spinner, self->sending);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), self->sending);
}

static void
show_error (TarmacComposeWindow *self,
            const char          *message)
{
  gtk_label_set_label (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
on_changed_cb (TarmacComposeWindow *self)
{
  show_error (self, NULL);
  update (self);
}

/* Urgent is what an alert usually is, but an officer may want either alone. */
static void
on_priority_changed_cb (TarmacComposeWindow *self)
{
  if (adw_combo_row_get_selected (self->priority_row) == TARMAC_NOTE_PRIORITY_URGENT)
    gtk_switch_set_active (self->alert_switch, TRUE);
}

static void
on_recent_activated_cb (TarmacComposeWindow *self,
                        GtkListBoxRow       *row,
                        GtkListBox          *list)
{
  const char *designator = g_object_get_data (G_OBJECT (row), "tarmac-designator");

  gtk_editable_set_text (GTK_EDITABLE (self->reference_row), designator);
  gtk_menu_button_popdown (self->recent_button);
}

static void
add_recipient (TarmacComposeWindow *self,
               const char          *code,
               const char          *name)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), code);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (name != NULL && *name != '\0')
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), name);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  g_object_set_data_full (G_OBJECT (check), "tarmac-site", g_strdup (code), g_free);
  gtk_list_box_append (self->recipients_list, row);
  g_ptr_array_add (self->checks, check);
}

static void
fill_recipients (TarmacComposeWindow *self)
{
  g_auto(GStrv) names = NULL;
  g_auto(GStrv) codes = NULL;

  if (self->service != NULL)
    codes = tarmac_sync_service_dup_sites (self->service, &names);

  for (gsize i = 0; codes != NULL && codes[i] != NULL; i++)
    add_recipient (self, codes[i], names[i]);

  if (codes == NULL || codes[0] == NULL)
    adw_preferences_group_set_description (self->recipients_group,
                                           _("No other airport is in the network’s roster yet: "
                                             "the note stays at this airport."));
}

static void
on_saved_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(TarmacComposeWindow) self = user_data;
  g_autoptr(TarmacNote) note = NULL;
  g_autoptr(GError) error = NULL;

  note = tarmac_sync_service_save_note_finish (TARMAC_SYNC_SERVICE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->sending = FALSE;
  if (note == NULL)
    {
      g_autofree char *message = NULL;

      /* Translators: %s says why, for example "“XYZ” is not in the roster" */
      message = g_strdup_printf (_("The note was not saved: %s"), error->message);
      show_error (self, message);
      update (self);
      return;
    }

  g_signal_emit (self, signals[SENT], 0, note);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
send_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TarmacComposeWindow *self = TARMAC_COMPOSE_WINDOW (widget);
  g_autofree char *text = dup_text (self);
  g_autofree char *reference = NULL;
  g_auto(GStrv) recipients = tarmac_compose_window_dup_recipients (self);
  guint subject = adw_combo_row_get_selected (self->subject_row);
  TarmacNoteDraft draft = { 0 };

  if (self->service == NULL || self->sending || *text == '\0')
    return;

  reference = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->reference_row))));
  if (subject >= G_N_ELEMENTS (subject_types) || *reference == '\0')
    subject = 0;

  draft.kind = gtk_switch_get_active (self->alert_switch) ? "alert" : "note";
  draft.priority = (TarmacNotePriority) MIN (adw_combo_row_get_selected (self->priority_row),
                                             TARMAC_NOTE_PRIORITY_URGENT);
  draft.recipients = (const char * const *) recipients;
  draft.author = g_get_user_name ();
  draft.text = text;
  draft.subject_type = subject_types[subject];
  draft.subject_ref = subject > 0 ? reference : NULL;
  draft.reply_to = self->reply_to;

  self->sending = TRUE;
  show_error (self, NULL);
  update (self);
  tarmac_sync_service_save_note_async (self->service, &draft, self->cancellable,
                                       on_saved_cb, g_object_ref (self));
}

static void
tarmac_compose_window_dispose (GObject *object)
{
  TarmacComposeWindow *self = (TarmacComposeWindow *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->service);
  g_clear_pointer (&self->checks, g_ptr_array_unref);
  g_clear_pointer (&self->reply_to, g_free);

  gtk_widget_dispose_template (GTK_WIDGET (self), TARMAC_TYPE_COMPOSE_WINDOW);

  G_OBJECT_CLASS (tarmac_compose_window_parent_class)->dispose (object);
}

static void
tarmac_compose_window_class_init (TarmacComposeWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tarmac_compose_window_dispose;

  /**
   * TarmacComposeWindow::sent:
   * @note: the note as saved (sent now or when the hub can be reached)
   */
  signals[SENT] =
    g_signal_new ("sent",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, TARMAC_TYPE_NOTE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/jaitf/Tarmac/tarmac-compose-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TarmacComposeWindow, alert_switch);
  gtk_widget_class_bind_template_child (widget_class, TarmacComposeWindow, error_label);
  gtk_widget_class_bind_template_child (widget_class, TarmacComposeWindow, priority_row);
  gtk_widget_class_bind_template_child (widget_class, TarmacComposeWindow, recipients_group);
  gtk_widget_class_bind_template_child (widget_class, TarmacComposeWindow, recipients_list);
  gtk_widget_class_bind_template_child (widget_class, TarmacComposeWindow, recent_button);
  gtk_widget_class_bind_template_child (widget_class, TarmacComposeWindow, recent_list);
  gtk_widget_class_bind_template_child (widget_class, TarmacComposeWindow, reference_row);
  gtk_widget_class_bind_template_callback (widget_class, on_recent_activated_cb);
  gtk_widget_class_bind_template_child (widget_class, TarmacComposeWindow, reply_label);
  gtk_widget_class_bind_template_child (widget_class, TarmacComposeWindow, send_button);
  gtk_widget_class_bind_template_child (widget_class, TarmacComposeWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, TarmacComposeWindow, subject_row);
  gtk_widget_class_bind_template_child (widget_class, TarmacComposeWindow, text_view);

  gtk_widget_class_install_action (widget_class, "compose.send", NULL, send_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
tarmac_compose_window_init (TarmacComposeWindow *self)
{
  GtkEventController *shortcuts;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Ctrl+Enter sends, even from the text, which would otherwise take it as a new line:
   * the shortcut is looked at before the focused widget sees the key. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>Return|<Control>KP_Enter"),
                                                          gtk_named_action_new ("compose.send")));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);

  self->cancellable = g_cancellable_new ();
  self->checks = g_ptr_array_new ();

  g_signal_connect_object (gtk_text_view_get_buffer (self->text_view), "changed",
                           G_CALLBACK (on_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->subject_row, "notify::selected",
                           G_CALLBACK (on_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->priority_row, "notify::selected",
                           G_CALLBACK (on_priority_changed_cb), self, G_CONNECT_SWAPPED);

  update (self);
}

/**
 * tarmac_compose_window_new:
 * @parent: the main window
 * @service: the sync service the note is saved through
 */
TarmacComposeWindow *
tarmac_compose_window_new (GtkWindow         *parent,
                           TarmacSyncService *service)
{
  TarmacComposeWindow *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (TARMAC_IS_SYNC_SERVICE (service), NULL);

  self = g_object_new (TARMAC_TYPE_COMPOSE_WINDOW,
                       "transient-for", parent,
                       NULL);
  self->service = g_object_ref (service);
  fill_recipients (self);
  update (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));

  return self;
}

/**
 * tarmac_compose_window_set_subject:
 * @subject_type: "flight", "traveller", "consignment" or "seizure"
 * @subject_ref: the flight designator, the traveller's name…
 */
void
tarmac_compose_window_set_subject (TarmacComposeWindow *self,
                                   const char          *subject_type,
                                   const char          *subject_ref)
{
  g_return_if_fail (TARMAC_IS_COMPOSE_WINDOW (self));

  for (guint i = 1; i < G_N_ELEMENTS (subject_types); i++)
    if (g_strcmp0 (subject_types[i], subject_type) == 0)
      adw_combo_row_set_selected (self->subject_row, i);

  gtk_editable_set_text (GTK_EDITABLE (self->reference_row), subject_ref != NULL ? subject_ref : "");
  update (self);
}

/**
 * tarmac_compose_window_set_reply_to:
 * @note: the note answered
 *
 * Makes this a reply: to the note's writer and its other recipients, about the same
 * subject, with the same priority.
 */
void
tarmac_compose_window_set_reply_to (TarmacComposeWindow *self,
                                    TarmacNote          *note)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) listed = NULL;
  g_auto(GStrv) recipients = NULL;
  g_autofree char *quote = NULL;

  g_return_if_fail (TARMAC_IS_COMPOSE_WINDOW (self));
  g_return_if_fail (TARMAC_IS_NOTE (note));

  g_free (self->reply_to);
  self->reply_to = g_strdup (tarmac_note_get_uuid (note));

  g_strv_builder_add (builder, tarmac_note_get_origin_site (note));
  listed = g_strsplit (tarmac_note_get_recipients (note) != NULL ? tarmac_note_get_recipients (note) : "",
                       ",", 64);
  for (gsize i = 0; listed[i] != NULL; i++)
    if (*listed[i] != '\0')
      g_strv_builder_add (builder, listed[i]);
  recipients = g_strv_builder_end (builder);
  tarmac_compose_window_set_recipients (self, (const char * const *) recipients);

  tarmac_compose_window_set_subject (self, tarmac_note_get_subject_type (note),
                                     tarmac_note_get_subject_ref (note));
  adw_combo_row_set_selected (self->priority_row, tarmac_note_get_priority (note));
  gtk_switch_set_active (self->alert_switch, FALSE);

  gtk_window_set_title (GTK_WINDOW (self), _("Reply"));
  /* Translators: above a reply: the airport that wrote the note answered, then its text */
  quote = g_strdup_printf (_("In reply to %1$s: %2$s"), tarmac_note_get_origin_site (note),
                           tarmac_note_get_body (note));
  gtk_label_set_label (self->reply_label, quote);
  gtk_widget_set_visible (GTK_WIDGET (self->reply_label), TRUE);
}

/**
 * tarmac_compose_window_set_recent_flights:
 * @designators: flight designators to pick from ("ET 908"), in the order shown
 *
 * Offers these flights next to the reference, for a note about a flight.
 */
void
tarmac_compose_window_set_recent_flights (TarmacComposeWindow *self,
                                          const char * const  *designators)
{
  GtkWidget *child;

  g_return_if_fail (TARMAC_IS_COMPOSE_WINDOW (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->recent_list))) != NULL)
    gtk_list_box_remove (self->recent_list, child);

  for (gsize i = 0; designators != NULL && designators[i] != NULL; i++)
    {
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *label = gtk_label_new (designators[i]);

      gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
      gtk_widget_set_margin_top (label, 6);
      gtk_widget_set_margin_bottom (label, 6);
      gtk_widget_set_margin_start (label, 6);
      gtk_widget_set_margin_end (label, 6);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
      g_object_set_data_full (G_OBJECT (row), "tarmac-designator", g_strdup (designators[i]), g_free);
      gtk_list_box_append (self->recent_list, row);
    }

  update (self);
}

void
tarmac_compose_window_set_text (TarmacComposeWindow *self,
                                const char          *text)
{
  g_return_if_fail (TARMAC_IS_COMPOSE_WINDOW (self));

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), text, -1);
}

void
tarmac_compose_window_set_priority (TarmacComposeWindow *self,
                                    TarmacNotePriority   priority)
{
  g_return_if_fail (TARMAC_IS_COMPOSE_WINDOW (self));

  adw_combo_row_set_selected (self->priority_row, priority);
}

/* Ticks the airports in @codes, and only them; codes not in the roster are ignored
 * (this site among them). */
void
tarmac_compose_window_set_recipients (TarmacComposeWindow *self,
                                      const char * const  *codes)
{
  g_return_if_fail (TARMAC_IS_COMPOSE_WINDOW (self));

  for (guint i = 0; i < self->checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->checks, i);
      const char *site = g_object_get_data (G_OBJECT (check), "tarmac-site");

      gtk_check_button_set_active (check, codes != NULL && g_strv_contains (codes, site));
    }
}

/* Returns: (transfer full): the airports ticked */
GStrv
tarmac_compose_window_dup_recipients (TarmacComposeWindow *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (TARMAC_IS_COMPOSE_WINDOW (self), NULL);

  for (guint i = 0; i < self->checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->checks, i);

      if (gtk_check_button_get_active (check))
        g_strv_builder_add (builder, g_object_get_data (G_OBJECT (check), "tarmac-site"));
    }

  return g_strv_builder_end (builder);
}

/* (nullable): the error shown, if any */
const char *
tarmac_compose_window_get_error (TarmacComposeWindow *self)
{
  g_return_val_if_fail (TARMAC_IS_COMPOSE_WINDOW (self), NULL);

  return gtk_widget_get_visible (GTK_WIDGET (self->error_label))
           ? gtk_label_get_label (self->error_label) : NULL;
}
