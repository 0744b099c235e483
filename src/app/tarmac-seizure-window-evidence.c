/* tarmac-seizure-window-evidence.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-seizure-window"

#include "config.h"

#include <glib/gi18n.h>

#include "tarmac-format.h"
#include "tarmac-seizure-evidence.h"
#include "tarmac-seizure-format.h"
#include "tarmac-seizure-store.h"
#include "tarmac-seizure-window-private.h"

/* The evidence of a saved record: its exhibits, each with its chain of custody and its
 * lab results, and buttons to add an exhibit, a custody step or a lab result. Evidence
 * belongs to the record's series, so this group stays usable when the record is locked.
 * Each addition is asked for in a small dialog; the core checks it and says why when it
 * refuses (the dialog then stays open). */

typedef enum
{
  ASK_EXHIBIT,
  ASK_CUSTODY,
  ASK_LAB,
} AskKind;

typedef struct
{
  TarmacSeizureWindow *self;
  AskKind              kind;
  gint64               exhibit_id;
  GtkWidget           *rows[6];
  GtkWidget           *error_label;
  gboolean             keep_open;    /* refused: the next close request is ignored */
} Ask;

static void
ask_free (gpointer  data,
          GClosure *closure)
{
  g_free (data);
}

static gboolean
on_ask_close_request_cb (GtkWindow *dialog,
                         Ask       *ask)
{
  gboolean keep = ask->keep_open;

  ask->keep_open = FALSE;
  return keep;
}

static const char *
entry_text (GtkWidget *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  while (text != NULL && g_ascii_isspace (*text))
    text++;
  return text != NULL && *text != '\0' ? text : NULL;
}

static GtkWidget *
add_entry (AdwPreferencesGroup *group,
           const char          *title)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_group_add (group, row);
  return row;
}

static GtkWidget *
add_combo (AdwPreferencesGroup *group,
           const char          *title,
           const char          *table,
           gboolean             optional)
{
  GtkWidget *row = tarmac_code_combo_row_new (title, table, NULL, optional);

  adw_preferences_group_add (group, row);
  return row;
}

static gboolean
save_answer (Ask     *ask,
             GError **error)
{
  TarmacSeizureWindow *self = ask->self;

  if (ask->kind == ASK_EXHIBIT)
    {
      g_autoptr(TarmacSeizureExhibit) exhibit = tarmac_seizure_exhibit_new ();

      tarmac_seizure_exhibit_set_series_id (exhibit, tarmac_seizure_get_series_id (self->seizure));
      tarmac_seizure_exhibit_set_exhibit_no (exhibit, entry_text (ask->rows[0]));
      tarmac_seizure_exhibit_set_seal_no (exhibit, entry_text (ask->rows[1]));
      tarmac_seizure_exhibit_set_storage_location (exhibit, entry_text (ask->rows[2]));
      tarmac_seizure_exhibit_set_item_seq (exhibit, (int) adw_combo_row_get_selected (ADW_COMBO_ROW (ask->rows[3])));
      return tarmac_seizure_store_add_exhibit (self->store, exhibit, error);
    }
  if (ask->kind == ASK_CUSTODY)
    {
      g_autoptr(TarmacSeizureCustodyEvent) event = tarmac_seizure_custody_event_new ();

      tarmac_seizure_custody_event_set_exhibit_id (event, ask->exhibit_id);
      tarmac_seizure_custody_event_set_action (event, tarmac_code_picker_get (ask->rows[0]));
      tarmac_seizure_custody_event_set_from_party (event, entry_text (ask->rows[1]));
      tarmac_seizure_custody_event_set_to_party (event, entry_text (ask->rows[2]));
      tarmac_seizure_custody_event_set_seal_no_after (event, entry_text (ask->rows[3]));
      tarmac_seizure_custody_event_set_witness (event, entry_text (ask->rows[4]));
      tarmac_seizure_custody_event_set_reason (event, entry_text (ask->rows[5]));
      return tarmac_seizure_store_add_custody_event (self->store, event, error);
    }
  else
    {
      g_autoptr(TarmacSeizureLabResult) result = tarmac_seizure_lab_result_new ();
      double purity = 0;

      if (entry_text (ask->rows[2]) != NULL &&
          !tarmac_seizure_parse_number (entry_text (ask->rows[2]), &purity))
        purity = -1;
      tarmac_seizure_lab_result_set_exhibit_id (result, ask->exhibit_id);
      tarmac_seizure_lab_result_set_lab_name (result, entry_text (ask->rows[0]));
      tarmac_seizure_lab_result_set_substance (result, tarmac_code_picker_get (ask->rows[1]));
      tarmac_seizure_lab_result_set_purity_pct (result, purity);
      tarmac_seizure_lab_result_set_report_ref (result, entry_text (ask->rows[3]));
      return tarmac_seizure_store_add_lab_result (self->store, result, error);
    }
}

static void
on_ask_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    Ask              *ask)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "add") != 0)
    return;
  if (!save_answer (ask, &error))
    {
      /* Stays open, saying why. */
      gtk_label_set_text (GTK_LABEL (ask->error_label), error->message);
      gtk_widget_set_visible (ask->error_label, TRUE);
      ask->keep_open = TRUE;
      return;
    }
  _tarmac_seizure_window_fill_evidence (ask->self);
}

static GtkWindow *
ask (TarmacSeizureWindow *self,
     AskKind              kind,
     gint64               exhibit_id,
     const char          *heading)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, NULL);
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  Ask *answer = g_new0 (Ask, 1);

  answer->self = self;
  answer->kind = kind;
  answer->exhibit_id = exhibit_id;
  if (kind == ASK_EXHIBIT)
    {
      g_autoptr(GtkStringList) items = gtk_string_list_new (NULL);
      GListModel *list = tarmac_seizure_get_items (self->seizure);

      answer->rows[0] = add_entry (group, _("Exhibit number"));
      answer->rows[1] = add_entry (group, _("Seal number"));
      answer->rows[2] = add_entry (group, _("Where it is kept"));
      answer->rows[3] = adw_combo_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (answer->rows[3]), _("Item"));
      gtk_string_list_append (items, C_("item", "All or several"));
      for (guint i = 0; i < g_list_model_get_n_items (list); i++)
        {
          g_autoptr(TarmacSeizureItem) item = g_list_model_get_item (list, i);
          /* Translators: an item of a seizure in a list: its number and kind ("1: Cocaine") */
          g_autofree char *label = g_strdup_printf (_("%1$u: %2$s"), i + 1,
                                                    tarmac_seizure_format_label ("subtype", tarmac_seizure_item_get_subtype (item)));

          gtk_string_list_append (items, label);
        }
      adw_combo_row_set_model (ADW_COMBO_ROW (answer->rows[3]), G_LIST_MODEL (items));
      adw_combo_row_set_selected (ADW_COMBO_ROW (answer->rows[3]), g_list_model_get_n_items (list) == 1 ? 1 : 0);
      adw_preferences_group_add (group, answer->rows[3]);
    }
  else if (kind == ASK_CUSTODY)
    {
      answer->rows[0] = add_combo (group, _("Step"), "custody_action", FALSE);
      tarmac_code_picker_set (answer->rows[0], "TRANSFERRED");
      answer->rows[1] = add_entry (group, _("From"));
      answer->rows[2] = add_entry (group, _("To"));
      answer->rows[3] = add_entry (group, _("Seal number after"));
      answer->rows[4] = add_entry (group, _("Witness"));
      answer->rows[5] = add_entry (group, _("Reason"));
    }
  else
    {
      answer->rows[0] = add_entry (group, _("Laboratory"));
      answer->rows[1] = add_combo (group, _("Substance found"), "subtype", TRUE);
      answer->rows[2] = add_entry (group, _("Purity (%)"));
      answer->rows[3] = add_entry (group, _("Report reference"));
    }
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (group));
  answer->error_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (answer->error_label), TRUE);
  gtk_widget_add_css_class (answer->error_label, "error");
  gtk_widget_set_visible (answer->error_label, FALSE);
  gtk_box_append (GTK_BOX (box), answer->error_label);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "add", _("_Add"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "add",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "add");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_ask_response_cb), answer,
                         ask_free, 0);
  g_signal_connect (dialog, "close-request", G_CALLBACK (on_ask_close_request_cb), answer);
  g_object_set_data (G_OBJECT (dialog), "tarmac-ask", answer);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

static void
add_exhibit_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  ask (TARMAC_SEIZURE_WINDOW (widget), ASK_EXHIBIT, 0, _("New Exhibit"));
}

static void
add_custody_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  ask (TARMAC_SEIZURE_WINDOW (widget), ASK_CUSTODY, g_variant_get_int64 (parameter),
       _("Custody Step"));
}

static void
add_lab_result_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  ask (TARMAC_SEIZURE_WINDOW (widget), ASK_LAB, g_variant_get_int64 (parameter), _("Lab Result"));
}

static GtkWidget *
small_button (const char *label,
              const char *action,
              gint64      exhibit_id)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", exhibit_id);
  return button;
}

static GtkWidget *
exhibit_row (TarmacSeizureWindow  *self,
             TarmacSeizureExhibit *exhibit)
{
  gint64 id = tarmac_seizure_exhibit_get_id (exhibit);
  g_autoptr(GListModel) chain = tarmac_seizure_store_list_custody (self->store, id, NULL);
  g_autoptr(GListModel) results = tarmac_seizure_store_list_lab_results (self->store, id, NULL);
  const char *status = tarmac_seizure_exhibit_get_status (exhibit);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *buttons;

  /* Translators: an exhibit: its number and where it is ("LFW-EX-001 · At the lab") */
  title = g_strdup_printf (_("%1$s · %2$s"), tarmac_seizure_exhibit_get_exhibit_no (exhibit),
                           g_str_equal (status, "AT_LAB") ? _("At the lab")
                           : g_str_equal (status, "IN_COURT") ? _("In court")
                           : g_str_equal (status, "RETURNED") ? _("Returned")
                           : g_str_equal (status, "DESTROYED") ? _("Destroyed")
                           : _("In store"));
  /* Translators: an exhibit's seal and storage place */
  subtitle = g_strdup_printf (_("Seal %1$s · %2$s"),
                              tarmac_seizure_exhibit_get_seal_no (exhibit) != NULL
                                ? tarmac_seizure_exhibit_get_seal_no (exhibit) : "—",
                              tarmac_seizure_exhibit_get_storage_location (exhibit) != NULL
                                ? tarmac_seizure_exhibit_get_storage_location (exhibit) : "—");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
  g_object_set (row, "use-markup", FALSE, NULL);

  for (guint i = 0; chain != NULL && i < g_list_model_get_n_items (chain); i++)
    {
      g_autoptr(TarmacSeizureCustodyEvent) event = g_list_model_get_item (chain, i);
      g_autofree char *at = tarmac_format_timestamp_long (tarmac_seizure_custody_event_get_at (event));
      g_autofree char *detail = NULL;
      GtkWidget *step = adw_action_row_new ();

      /* Translators: a custody step's detail: when, from whom, to whom, the seal after it,
       * the witness */
      detail = g_strdup_printf (_("%1$s · %2$s → %3$s · seal %4$s · witness %5$s"),
                                at != NULL ? at : tarmac_seizure_custody_event_get_at (event),
                                tarmac_seizure_custody_event_get_from_party (event) != NULL
                                  ? tarmac_seizure_custody_event_get_from_party (event) : "—",
                                tarmac_seizure_custody_event_get_to_party (event) != NULL
                                  ? tarmac_seizure_custody_event_get_to_party (event) : "—",
                                tarmac_seizure_custody_event_get_seal_no_after (event) != NULL
                                  ? tarmac_seizure_custody_event_get_seal_no_after (event) : "—",
                                tarmac_seizure_custody_event_get_witness (event) != NULL
                                  ? tarmac_seizure_custody_event_get_witness (event) : "—");
      g_object_set (step, "use-markup", FALSE, NULL);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (step),
                                     tarmac_seizure_format_label ("custody_action",
                                                                  tarmac_seizure_custody_event_get_action (event)));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (step), detail);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), step);
    }
  for (guint i = 0; results != NULL && i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr(TarmacSeizureLabResult) result = g_list_model_get_item (results, i);
      g_autofree char *found = NULL;
      GtkWidget *line = adw_action_row_new ();

      /* Translators: a lab result: the substance and its purity ("Cocaine, 78.5 %") */
      found = g_strdup_printf (_("%1$s, %2$.1f %%"),
                               tarmac_seizure_format_label ("subtype", tarmac_seizure_lab_result_get_substance (result)),
                               tarmac_seizure_lab_result_get_purity_pct (result));
      g_object_set (line, "use-markup", FALSE, NULL);
      /* Translators: the title of a lab result row: the laboratory */
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (line), tarmac_seizure_lab_result_get_lab_name (result));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (line), found);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), line);
    }

  buttons = adw_action_row_new ();
  if (!g_str_equal (status, "DESTROYED") && !g_str_equal (status, "RETURNED"))
    adw_action_row_add_suffix (ADW_ACTION_ROW (buttons),
                               small_button (_("Add Custody _Step…"), "seizure.add-custody", id));
  adw_action_row_add_suffix (ADW_ACTION_ROW (buttons),
                             small_button (_("Add Lab _Result…"), "seizure.add-lab-result", id));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), buttons);
  return row;
}

/* Reads the record's exhibits (an audited view) and shows them. Only a saved record has
 * evidence. */
void
_tarmac_seizure_window_fill_evidence (TarmacSeizureWindow *self)
{
  g_autoptr(GListModel) exhibits = NULL;
  gint64 series_id = tarmac_seizure_get_series_id (self->seizure);
  gboolean saved = tarmac_seizure_get_id (self->seizure) > 0 && series_id > 0;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->exhibit_list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->exhibit_list), child);
  gtk_widget_set_visible (GTK_WIDGET (self->evidence_group), saved);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "seizure.add-exhibit", saved);
  if (!saved)
    return;

  exhibits = tarmac_seizure_store_list_exhibits (self->store, series_id, NULL);
  for (guint i = 0; exhibits != NULL && i < g_list_model_get_n_items (exhibits); i++)
    {
      g_autoptr(TarmacSeizureExhibit) exhibit = g_list_model_get_item (exhibits, i);

      gtk_list_box_append (GTK_LIST_BOX (self->exhibit_list), exhibit_row (self, exhibit));
    }
  gtk_widget_set_visible (self->exhibit_list,
                          exhibits != NULL && g_list_model_get_n_items (exhibits) > 0);
}

void
_tarmac_seizure_window_class_init_evidence (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "seizure.add-exhibit", NULL, add_exhibit_action);
  gtk_widget_class_install_action (widget_class, "seizure.add-custody", "x", add_custody_action);
  gtk_widget_class_install_action (widget_class, "seizure.add-lab-result", "x",
                                   add_lab_result_action);
}

/* Not one of the form's groups: a lock leaves it usable. */
void
_tarmac_seizure_window_init_evidence (TarmacSeizureWindow *self,
                                      AdwPreferencesPage  *page)
{
  self->evidence_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->evidence_group, _("Evidence"));
  adw_preferences_group_set_description (self->evidence_group,
                                         _("Exhibits, their chain of custody and lab results. "
                                           "Custody goes on after the record is validated."));
  _tarmac_seizure_window_add_button (self->evidence_group, _("Add E_xhibit…"), "seizure.add-exhibit");
  self->exhibit_list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->exhibit_list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (self->exhibit_list, "boxed-list");
  adw_preferences_group_add (self->evidence_group, self->exhibit_list);
  adw_preferences_page_add (page, self->evidence_group);
}

/**
 * tarmac_seizure_window_ask_evidence:
 * @kind: 0 an exhibit, 1 a custody step, 2 a lab result
 * @exhibit_id: the exhibit, for a step or a result
 *
 * Opens the dialog the buttons open (for tests).
 *
 * Returns: (transfer none): the dialog
 */
GtkWindow *
tarmac_seizure_window_ask_evidence (TarmacSeizureWindow *self,
                                    guint                kind,
                                    gint64               exhibit_id)
{
  static const char *headings[] = { N_("New Exhibit"), N_("Custody Step"), N_("Lab Result") };

  g_return_val_if_fail (TARMAC_IS_SEIZURE_WINDOW (self), NULL);
  g_return_val_if_fail (kind <= ASK_LAB, NULL);

  return ask (self, kind, exhibit_id, _(headings[kind]));
}

/**
 * tarmac_seizure_window_answer_evidence:
 * @dialog: a dialog from tarmac_seizure_window_ask_evidence()
 * @values: (array zero-terminated=1): the text of its rows in order (a code for a list)
 *
 * Fills the dialog and presses Add, as the officer would (for tests).
 *
 * Returns: (nullable): %NULL when added, else the reason the dialog shows
 */
const char *
tarmac_seizure_window_answer_evidence (GtkWindow          *dialog,
                                       const char * const *values)
{
  Ask *answer = g_object_get_data (G_OBJECT (dialog), "tarmac-ask");

  g_return_val_if_fail (answer != NULL, NULL);

  for (guint i = 0; values[i] != NULL && i < G_N_ELEMENTS (answer->rows); i++)
    {
      GtkWidget *row = answer->rows[i];

      if (row == NULL)
        break;
      if (ADW_IS_ENTRY_ROW (row))
        gtk_editable_set_text (GTK_EDITABLE (row), values[i]);
      else if (g_object_get_data (G_OBJECT (row), "tarmac-codes") != NULL)
        tarmac_code_picker_set (row, *values[i] != '\0' ? values[i] : NULL);
      else
        adw_combo_row_set_selected (ADW_COMBO_ROW (row), (guint) g_ascii_strtoull (values[i], NULL, 10));
    }
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "add");
  if (answer->keep_open)
    {
      answer->keep_open = FALSE;
      return gtk_label_get_text (GTK_LABEL (answer->error_label));
    }
  gtk_window_close (dialog);
  return NULL;
}
