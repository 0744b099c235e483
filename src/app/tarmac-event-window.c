/* tarmac-event-window.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-event-window"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "tarmac-event-codes.h"
#include "tarmac-event-window.h"
#include "tarmac-format.h"
#include "tarmac-seizure-store.h"

/* The form of a trafficking referral, a security referral or an activity (training,
 * joint operation…): counts and outcomes, never identities (research/seizures.md §8.5).
 * It hands the core the same JSON object `tarmac-cli seizure add --json` takes, so the
 * form and the command line are checked by the same code; a refusal is shown above the
 * form, which stays open. */
struct _TarmacEventWindow
{
  AdwWindow            parent_instance;

  /* Template widgets */
  GtkRevealer         *error_revealer;
  GtkLabel            *error_label;
  AdwPreferencesGroup *activity_group;
  AdwComboRow         *activity_kind_row;
  AdwEntryRow         *title_row;
  AdwEntryRow         *operation_row;
  AdwEntryRow         *airport_row;
  AdwEntryRow         *day_row;
  AdwEntryRow         *time_row;
  AdwEntryRow         *end_day_row;
  AdwEntryRow         *country_row;
  AdwComboRow         *direction_row;
  AdwPreferencesGroup *victims_group;
  GtkSpinButton       *women_spin;
  GtkSpinButton       *men_spin;
  GtkSpinButton       *girls_spin;
  GtkSpinButton       *boys_spin;
  GtkSpinButton       *unknown_spin;
  AdwEntryRow         *nationalities_row;
  AdwComboRow         *exploitation_row;
  GtkSpinButton       *suspects_spin;
  AdwPreferencesGroup *security_group;
  AdwComboRow         *trigger_row;
  GtkSpinButton       *persons_spin;
  AdwPreferencesGroup *participants_group;
  GtkSpinButton       *female_spin;
  GtkSpinButton       *male_spin;
  GtkSpinButton       *other_spin;
  AdwEntryRow         *agencies_row;
  AdwPreferencesGroup *referral_group;
  AdwEntryRow         *referred_to_row;
  AdwEntryRow         *reference_row;
  AdwComboRow         *security_outcome_row;
  AdwEntryRow         *outcome_row;

  /* Owned references */
  TarmacStore         *store;
  char                *record;   /* ht_referral, security_referral, activity */
};

G_DEFINE_FINAL_TYPE (TarmacEventWindow, tarmac_event_window, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
fill_combo (AdwComboRow *row,
            const char  *list)
{
  g_autoptr(GtkStringList) strings = gtk_string_list_new (NULL);
  guint n_codes;
  const TarmacEventCode *codes = tarmac_event_codes_get (list, &n_codes);

  for (guint i = 0; i < n_codes; i++)
    gtk_string_list_append (strings, _(codes[i].label));
  adw_combo_row_set_model (row, G_LIST_MODEL (strings));
}

static const char *
combo_code (AdwComboRow *row,
            const char  *list)
{
  guint n_codes;
  const TarmacEventCode *codes = tarmac_event_codes_get (list, &n_codes);
  guint selected = adw_combo_row_get_selected (row);

  return selected < n_codes ? codes[selected].code : NULL;
}

/* Trimmed text of an entry row, or NULL when empty. */
static char *
row_text (AdwEntryRow *row)
{
  char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  if (*text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

/* A code typed in an entry row, in capitals, or NULL when empty. */
static char *
row_code (AdwEntryRow *row)
{
  g_autofree char *text = row_text (row);

  return text != NULL ? g_ascii_strup (text, -1) : NULL;
}

static void
set_string (JsonObject  *object,
            const char  *member,
            char        *value)   /* takes it */
{
  if (value != NULL)
    json_object_set_string_member (object, member, value);
  g_free (value);
}

static void
set_count (JsonObject    *object,
           const char    *member,
           GtkSpinButton *spin)
{
  gtk_spin_button_update (spin);
  json_object_set_int_member (object, member, gtk_spin_button_get_value_as_int (spin));
}

/* The time the officer typed, as the core's ISO 8601: the day at HH:MM UTC (noon when
 * no time is given). The core checks the result. */
static char *
occurred_at (TarmacEventWindow *self)
{
  g_autofree char *day = row_text (self->day_row);
  g_autofree char *time = row_text (self->time_row);

  if (day == NULL)
    return NULL;
  return g_strdup_printf ("%sT%s:00Z", day, time != NULL ? time : "12:00");
}

static JsonNode *
build_json (TarmacEventWindow *self)
{
  g_autoptr(JsonObject) object = json_object_new ();
  JsonNode *node;

  json_object_set_string_member (object, "record", self->record);

  if (g_str_equal (self->record, "activity"))
    {
      json_object_set_string_member (object, "kind", combo_code (self->activity_kind_row,
                                                                 "activity_kind"));
      set_string (object, "title", row_text (self->title_row));
      set_string (object, "start_date", row_text (self->day_row));
      set_string (object, "end_date", row_text (self->end_day_row));
      set_string (object, "airport", row_code (self->airport_row));
      set_string (object, "country", row_code (self->country_row));
      set_count (object, "participants_female", self->female_spin);
      set_count (object, "participants_male", self->male_spin);
      set_count (object, "participants_other", self->other_spin);
      set_string (object, "agencies", row_text (self->agencies_row));
      set_string (object, "operation_name", row_text (self->operation_row));
    }
  else
    {
      const char *direction = combo_code (self->direction_row, "direction");

      set_string (object, "airport", row_code (self->airport_row));
      set_string (object, "occurred_at", occurred_at (self));
      if (direction != NULL)
        json_object_set_string_member (object, "direction", direction);
      set_string (object, "referred_to", row_text (self->referred_to_row));
      set_string (object, "referral_ref", row_text (self->reference_row));

      if (g_str_equal (self->record, "ht_referral"))
        {
          const char *exploitation = combo_code (self->exploitation_row, "exploitation");
          g_autofree char *nationalities = row_text (self->nationalities_row);

          set_count (object, "victims_female_adult", self->women_spin);
          set_count (object, "victims_male_adult", self->men_spin);
          set_count (object, "victims_female_child", self->girls_spin);
          set_count (object, "victims_male_child", self->boys_spin);
          set_count (object, "victims_unknown", self->unknown_spin);
          set_count (object, "suspects_held", self->suspects_spin);
          if (nationalities != NULL)
            set_string (object, "nationalities",
                        g_ascii_strup (g_strdelimit (nationalities, ",;", ' '), -1));
          if (exploitation != NULL)
            json_object_set_string_member (object, "exploitation_type", exploitation);
          set_string (object, "outcome", row_text (self->outcome_row));
        }
      else
        {
          const char *outcome = combo_code (self->security_outcome_row, "security_outcome");

          json_object_set_string_member (object, "trigger_kind",
                                         combo_code (self->trigger_row, "trigger"));
          set_count (object, "persons_count", self->persons_spin);
          if (outcome != NULL)
            json_object_set_string_member (object, "outcome", outcome);
        }
    }

  node = json_node_new (JSON_NODE_OBJECT);
  json_node_set_object (node, object);
  return node;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TarmacEventWindow *self = TARMAC_EVENT_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!tarmac_event_window_save (self, &error))
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_revealer_set_reveal_child (self->error_revealer, TRUE);
      return;
    }
  gtk_window_close (GTK_WINDOW (self));
}

/* Shows the groups of the record's kind and names the window after it. */
static void
set_record (TarmacEventWindow *self,
            const char        *record)
{
  gboolean activity = g_strcmp0 (record, "activity") == 0;
  gboolean ht = g_strcmp0 (record, "ht_referral") == 0;
  gboolean security = g_strcmp0 (record, "security_referral") == 0;

  g_return_if_fail (activity || ht || security);

  self->record = g_strdup (record);
  gtk_window_set_title (GTK_WINDOW (self),
                        activity ? _("New Training or Operation")
                        : ht ? _("New Trafficking Referral") : _("New Security Referral"));
  gtk_widget_set_visible (GTK_WIDGET (self->activity_group), activity);
  gtk_widget_set_visible (GTK_WIDGET (self->participants_group), activity);
  gtk_widget_set_visible (GTK_WIDGET (self->end_day_row), activity);
  gtk_widget_set_visible (GTK_WIDGET (self->country_row), activity);
  gtk_widget_set_visible (GTK_WIDGET (self->time_row), !activity);
  gtk_widget_set_visible (GTK_WIDGET (self->direction_row), !activity);
  gtk_widget_set_visible (GTK_WIDGET (self->referral_group), !activity);
  gtk_widget_set_visible (GTK_WIDGET (self->victims_group), ht);
  gtk_widget_set_visible (GTK_WIDGET (self->outcome_row), ht);
  gtk_widget_set_visible (GTK_WIDGET (self->security_group), security);
  gtk_widget_set_visible (GTK_WIDGET (self->security_outcome_row), security);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->day_row),
                                 activity ? _("First day (YYYY-MM-DD)") : _("Date (YYYY-MM-DD)"));
}

static void
tarmac_event_window_dispose (GObject *object)
{
  TarmacEventWindow *self = (TarmacEventWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), TARMAC_TYPE_EVENT_WINDOW);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (tarmac_event_window_parent_class)->dispose (object);
}

static void
tarmac_event_window_finalize (GObject *object)
{
  TarmacEventWindow *self = (TarmacEventWindow *)object;

  g_clear_pointer (&self->record, g_free);

  G_OBJECT_CLASS (tarmac_event_window_parent_class)->finalize (object);
}

static void
tarmac_event_window_class_init (TarmacEventWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tarmac_event_window_dispose;
  object_class->finalize = tarmac_event_window_finalize;

  /**
   * TarmacEventWindow::saved:
   *
   * The record was written; the window closes.
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/jaitf/Tarmac/tarmac-event-window.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, TarmacEventWindow, name)
  BIND (error_revealer);
  BIND (error_label);
  BIND (activity_group);
  BIND (activity_kind_row);
  BIND (title_row);
  BIND (operation_row);
  BIND (airport_row);
  BIND (day_row);
  BIND (time_row);
  BIND (end_day_row);
  BIND (country_row);
  BIND (direction_row);
  BIND (victims_group);
  BIND (women_spin);
  BIND (men_spin);
  BIND (girls_spin);
  BIND (boys_spin);
  BIND (unknown_spin);
  BIND (nationalities_row);
  BIND (exploitation_row);
  BIND (suspects_spin);
  BIND (security_group);
  BIND (trigger_row);
  BIND (persons_spin);
  BIND (participants_group);
  BIND (female_spin);
  BIND (male_spin);
  BIND (other_spin);
  BIND (agencies_row);
  BIND (referral_group);
  BIND (referred_to_row);
  BIND (reference_row);
  BIND (security_outcome_row);
  BIND (outcome_row);
#undef BIND

  gtk_widget_class_install_action (widget_class, "event.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "event.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
tarmac_event_window_init (TarmacEventWindow *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *today = tarmac_format_today ();
  g_autofree char *clock = g_date_time_format (now, "%H:%M");

  gtk_widget_init_template (GTK_WIDGET (self));

  fill_combo (self->activity_kind_row, "activity_kind");
  fill_combo (self->direction_row, "direction");
  fill_combo (self->exploitation_row, "exploitation");
  fill_combo (self->trigger_row, "trigger");
  fill_combo (self->security_outcome_row, "security_outcome");

  gtk_editable_set_text (GTK_EDITABLE (self->day_row), today);
  gtk_editable_set_text (GTK_EDITABLE (self->time_row), clock);
}

/**
 * tarmac_event_window_new:
 * @parent: (nullable): the window it belongs to
 * @record: "ht_referral", "security_referral" or "activity"
 * @airport: (nullable): the airport filled in
 *
 * Returns: (transfer none): a new form, not yet shown
 */
TarmacEventWindow *
tarmac_event_window_new (GtkWindow   *parent,
                         TarmacStore *store,
                         const char  *record,
                         const char  *airport)
{
  TarmacEventWindow *self;

  g_return_val_if_fail (TARMAC_IS_STORE (store), NULL);
  g_return_val_if_fail (record != NULL, NULL);

  self = g_object_new (TARMAC_TYPE_EVENT_WINDOW, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  set_record (self, record);
  if (airport != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->airport_row), airport);
  return self;
}

const char *
tarmac_event_window_get_record (TarmacEventWindow *self)
{
  g_return_val_if_fail (TARMAC_IS_EVENT_WINDOW (self), NULL);
  return self->record;
}

/**
 * tarmac_event_window_save:
 *
 * Writes the record the form describes (what the Save button does, without closing).
 * Emits #TarmacEventWindow::saved when written.
 *
 * Returns: %TRUE when written; on error nothing was
 */
gboolean
tarmac_event_window_save (TarmacEventWindow  *self,
                          GError            **error)
{
  g_autoptr(JsonNode) node = NULL;

  g_return_val_if_fail (TARMAC_IS_EVENT_WINDOW (self), FALSE);

  node = build_json (self);
  if (!tarmac_seizure_store_add_json (self->store, node, NULL, NULL, error))
    return FALSE;
  g_signal_emit (self, signals[SAVED], 0);
  return TRUE;
}
