/* tarmac-seizure-window-lists.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-seizure-window"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "tarmac-seizure-code.h"
#include "tarmac-seizure-codes.h"
#include "tarmac-seizure-format.h"
#include "tarmac-seizure-window-private.h"

/* The seizure form's lists: items (with the kg-equivalent and the USD value worked out as
 * the officer types, and the factor and rate used), route legs, agencies with their
 * roles, and the people involved, non-nominally (role, nationality, sex, age band). */

enum { LEG_ROLE, LEG_COUNTRY, LEG_AIRPORT };
enum { AGENCY_NAME, AGENCY_TYPE, AGENCY_ROLE };
enum { PERSON_ROLE, PERSON_NATIONALITY, PERSON_SEX, PERSON_AGE, PERSON_ARRESTED };

static TarmacSeizureCodes *
codes (void)
{
  return tarmac_seizure_codes_get_default ();
}

/* An entry row with a warning icon that a validation error shows. */
static GtkWidget *
new_entry_row (const char *title)
{
  GtkWidget *row = adw_entry_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_add_css_class (icon, "error");
  gtk_widget_set_visible (icon, FALSE);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), icon);
  g_object_set_data (G_OBJECT (row), "tarmac-error-icon", icon);
  return row;
}

static GtkWidget *
new_info_row (const char *title)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), "");
  gtk_widget_add_css_class (row, "property");
  return row;
}

static const char *
entry_text (GtkWidget *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  while (text != NULL && g_ascii_isspace (*text))
    text++;
  return text != NULL && *text != '\0' ? text : NULL;
}

static char *
upper_text (GtkWidget *entry)
{
  const char *text = entry_text (entry);

  return text != NULL ? g_strstrip (g_ascii_strup (text, -1)) : NULL;
}

static void
set_entry (GtkWidget  *entry,
           const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), text != NULL ? text : "");
}

static char *
format_number (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.10g", value));
}

/* Items */

static gboolean
is_cash (TarmacItemWidgets *w)
{
  return g_strcmp0 (tarmac_code_picker_get (w->category), "CASH") == 0;
}

static gint64
typed_minor (TarmacItemWidgets *w)
{
  const char *currency = tarmac_code_picker_get (w->currency);
  int digits = tarmac_seizure_codes_get_minor_units (codes (), currency);
  double value = 0;

  if (!tarmac_seizure_parse_number (entry_text (w->value), &value) || value <= 0 || value > 1e13)
    return 0;
  return (gint64) llround (value * pow (10, MAX (digits, 0)));
}

/* The live figures: what the core will compute on save, shown as the officer types. */
static void
update_item (TarmacItemWidgets *w)
{
  const char *subtype = tarmac_code_picker_get (w->subtype);
  const char *unit = tarmac_code_picker_get (w->unit);
  const char *currency = tarmac_code_picker_get (w->currency);
  g_autofree char *summary = NULL;
  g_autofree char *kg_text = NULL;
  g_autofree char *usd_text = NULL;
  double quantity = 0, kg = 0, factor = 0, rate = 0;
  gint64 minor = typed_minor (w), usd = 0;
  gboolean cash = is_cash (w);
  gboolean usd_currency = g_strcmp0 (currency, "USD") == 0;

  gtk_widget_set_visible (w->quantity, !cash);
  gtk_widget_set_visible (w->kg_label, !cash);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (w->value),
                                 cash ? _("Amount seized") : _("Value (optional)"));

  tarmac_seizure_parse_number (entry_text (w->quantity), &quantity);
  if (!cash && quantity > 0 && tarmac_seizure_kg_equivalent (codes (), subtype, unit, quantity, &kg, &factor))
    {
      g_autofree char *kg_amount = tarmac_seizure_format_quantity (kg, "KG");
      g_autofree char *per_unit = tarmac_seizure_format_quantity (factor, "KG");

      /* Translators: the kg-equivalent of an item and the factor used: "2.4 kg (1 kg per
       * kilogram)"; the last %s is the unit's name */
      kg_text = g_strdup_printf (_("%1$s (%2$s per %3$s)"), kg_amount, per_unit,
                                 tarmac_seizure_format_label ("unit", unit));
    }
  else if (!cash && quantity > 0)
    kg_text = g_strdup (_("No kg-equivalent for this unit"));
  else
    kg_text = g_strdup (_("Type a quantity"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (w->kg_label), kg_text);

  gtk_widget_set_sensitive (w->rate, !usd_currency);
  /* Only when it differs: setting the text calls this function again. */
  if (usd_currency && g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (w->rate)), "1") != 0)
    set_entry (w->rate, "1");
  tarmac_seizure_parse_number (entry_text (w->rate), &rate);
  if (minor > 0 && rate > 0 && tarmac_seizure_usd_minor (codes (), currency, minor, rate, &usd))
    {
      g_autofree char *amount = tarmac_seizure_format_money (usd, "USD");
      g_autofree char *one = tarmac_seizure_format_money ((gint64) llround (rate * 100), "USD");

      /* Translators: a value in US dollars and the rate used: "1080.00 USD (1 EUR = 1.08 USD)" */
      usd_text = g_strdup_printf (_("%1$s (1 %2$s = %3$s)"), amount, currency, one);
    }
  else if (minor > 0)
    usd_text = g_strdup (_("Type the rate to US dollars"));
  else
    usd_text = g_strdup ("");
  adw_action_row_set_subtitle (ADW_ACTION_ROW (w->usd_label), usd_text);

  if (cash && minor > 0)
    {
      g_autofree char *amount = tarmac_seizure_format_money (minor, currency);

      summary = g_strdup_printf (_("%1$s %2$s"), tarmac_seizure_format_label ("subtype", subtype), amount);
    }
  else if (!cash && quantity > 0)
    {
      g_autofree char *amount = tarmac_seizure_format_quantity (quantity, unit);

      summary = g_strdup_printf (_("%1$s %2$s"), tarmac_seizure_format_label ("subtype", subtype), amount);
    }
  else
    summary = g_strdup (tarmac_seizure_format_label ("subtype", subtype));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (w->expander), summary);
}

/* The units a sub-type allows: keep the chosen one if allowed, else the first allowed. */
static void
update_unit (TarmacItemWidgets *w)
{
  const char *subtype = tarmac_code_picker_get (w->subtype);
  g_autoptr(GListModel) units = NULL;

  if (tarmac_seizure_codes_unit_allowed (codes (), subtype, tarmac_code_picker_get (w->unit)))
    return;
  units = tarmac_seizure_codes_list (codes (), "unit", NULL, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (units); i++)
    {
      g_autoptr(TarmacSeizureCode) code = g_list_model_get_item (units, i);

      if (tarmac_seizure_codes_unit_allowed (codes (), subtype, tarmac_seizure_code_get_code (code)))
        {
          tarmac_code_picker_set (w->unit, tarmac_seizure_code_get_code (code));
          return;
        }
    }
}

static void
on_category_changed_cb (GtkWidget         *picker,
                        GParamSpec        *pspec,
                        TarmacItemWidgets *w)
{
  tarmac_code_picker_set_parent (w->subtype, tarmac_code_picker_get (w->category));
  update_unit (w);
  update_item (w);
}

static void
on_subtype_changed_cb (GtkWidget         *picker,
                       GParamSpec        *pspec,
                       TarmacItemWidgets *w)
{
  update_unit (w);
  update_item (w);
}

static void
on_item_changed_cb (GtkWidget         *widget,
                    GParamSpec        *pspec,
                    TarmacItemWidgets *w)
{
  update_item (w);
}

static void
renumber_items (TarmacSeizureWindow *self)
{
  for (guint i = 0; i < self->items->len; i++)
    {
      TarmacItemWidgets *w = g_ptr_array_index (self->items, i);
      /* Translators: the title of an item line in the seizure form */
      g_autofree char *title = g_strdup_printf (_("Item %u"), i + 1);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (w->expander), title);
    }
}

static void
on_remove_item_cb (GtkButton           *button,
                   TarmacSeizureWindow *self)
{
  for (guint i = 0; i < self->items->len; i++)
    {
      TarmacItemWidgets *w = g_ptr_array_index (self->items, i);

      if (w->remove == GTK_WIDGET (button))
        {
          adw_preferences_group_remove (self->items_group, w->expander);
          g_ptr_array_remove_index (self->items, i);
          renumber_items (self);
          return;
        }
    }
}

GtkWidget *
_tarmac_seizure_window_add_item (TarmacSeizureWindow *self,
                                 TarmacSeizureItem   *item)
{
  TarmacItemWidgets *w = g_new0 (TarmacItemWidgets, 1);
  const char *subtype = item != NULL ? tarmac_seizure_item_get_subtype (item) : NULL;
  const char *category = item != NULL ? tarmac_seizure_item_get_category (item) : NULL;
  GtkWidget *remove_row;

  if (category == NULL && subtype != NULL)
    category = tarmac_seizure_codes_get_category (codes (), subtype);
  if (category == NULL)
    category = "DRUG";

  w->expander = adw_expander_row_new ();
  w->category = tarmac_code_combo_row_new (_("Category"), "category", NULL, FALSE);
  tarmac_code_picker_set (w->category, category);
  /* No kind chosen for the officer: a wrong default would pass unnoticed. */
  w->subtype = tarmac_code_combo_row_new (_("Kind"), "subtype", category, TRUE);
  w->quantity = new_entry_row (_("Quantity"));
  gtk_editable_set_width_chars (GTK_EDITABLE (w->quantity), 8);
  w->unit = tarmac_code_drop_down_new ("unit", NULL, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (w->unit), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Unit"), -1);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (w->quantity), w->unit);
  w->kg_label = new_info_row (_("Kilogram equivalent"));
  w->concealment = tarmac_code_combo_row_new (_("Concealment"), "concealment", NULL, TRUE);
  w->value = new_entry_row (_("Value (optional)"));
  w->currency = tarmac_code_drop_down_new ("currency", NULL, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (w->currency), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Currency"), -1);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (w->value), w->currency);
  w->rate = new_entry_row (_("Rate: US dollars per unit of currency"));
  w->usd_label = new_info_row (_("Value in US dollars"));
  w->description = new_entry_row (_("Description (optional)"));

  remove_row = adw_action_row_new ();
  w->remove = gtk_button_new_with_mnemonic (_("_Remove Item"));
  gtk_widget_add_css_class (w->remove, "flat");
  gtk_widget_add_css_class (w->remove, "error");
  gtk_widget_set_valign (w->remove, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (remove_row), w->remove);

  adw_expander_row_add_row (ADW_EXPANDER_ROW (w->expander), w->category);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (w->expander), w->subtype);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (w->expander), w->quantity);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (w->expander), w->kg_label);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (w->expander), w->concealment);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (w->expander), w->value);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (w->expander), w->rate);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (w->expander), w->usd_label);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (w->expander), w->description);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (w->expander), remove_row);

  if (item != NULL)
    {
      tarmac_code_picker_set (w->subtype, subtype);
      if (tarmac_seizure_item_get_unit (item) != NULL)
        {
          g_autofree char *quantity = format_number (tarmac_seizure_item_get_quantity (item));

          set_entry (w->quantity, quantity);
          tarmac_code_picker_set (w->unit, tarmac_seizure_item_get_unit (item));
        }
      tarmac_code_picker_set (w->concealment, tarmac_seizure_item_get_concealment (item));
      if (tarmac_seizure_item_get_value_minor (item) > 0)
        {
          const char *currency = tarmac_seizure_item_get_value_currency (item);
          int digits = tarmac_seizure_codes_get_minor_units (codes (), currency);
          g_autofree char *value = format_number ((double) tarmac_seizure_item_get_value_minor (item) /
                                                  pow (10, MAX (digits, 0)));
          g_autofree char *rate = format_number (tarmac_seizure_item_get_fx_rate (item));

          tarmac_code_picker_set (w->currency, currency);
          set_entry (w->value, value);
          set_entry (w->rate, rate);
        }
      set_entry (w->description, tarmac_seizure_item_get_description (item));
    }
  update_unit (w);

  g_signal_connect (w->category, "notify::selected", G_CALLBACK (on_category_changed_cb), w);
  g_signal_connect (w->subtype, "notify::selected", G_CALLBACK (on_subtype_changed_cb), w);
  g_signal_connect (w->unit, "notify::selected", G_CALLBACK (on_item_changed_cb), w);
  g_signal_connect (w->currency, "notify::selected", G_CALLBACK (on_item_changed_cb), w);
  g_signal_connect (w->quantity, "notify::text", G_CALLBACK (on_item_changed_cb), w);
  g_signal_connect (w->value, "notify::text", G_CALLBACK (on_item_changed_cb), w);
  g_signal_connect (w->rate, "notify::text", G_CALLBACK (on_item_changed_cb), w);
  g_signal_connect (w->remove, "clicked", G_CALLBACK (on_remove_item_cb), self);

  g_ptr_array_add (self->items, w);
  adw_preferences_group_add (self->items_group, w->expander);
  renumber_items (self);
  update_item (w);
  if (item == NULL)
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (w->expander), TRUE);
  return w->expander;
}

static void
collect_items (TarmacSeizureWindow *self,
               TarmacSeizure       *seizure)
{
  for (guint i = 0; i < self->items->len; i++)
    {
      TarmacItemWidgets *w = g_ptr_array_index (self->items, i);
      g_autoptr(TarmacSeizureItem) item = tarmac_seizure_item_new ();
      double quantity = 0, rate = 0;
      gint64 minor = typed_minor (w);

      tarmac_seizure_item_set_category (item, tarmac_code_picker_get (w->category));
      tarmac_seizure_item_set_subtype (item, tarmac_code_picker_get (w->subtype));
      if (!is_cash (w))
        {
          tarmac_seizure_parse_number (entry_text (w->quantity), &quantity);
          tarmac_seizure_item_set_quantity (item, quantity);
          tarmac_seizure_item_set_unit (item, tarmac_code_picker_get (w->unit));
        }
      tarmac_seizure_item_set_concealment (item, tarmac_code_picker_get (w->concealment));
      if (minor > 0 || entry_text (w->value) != NULL)
        {
          /* A value that does not read as a number reaches the core as -1: refused there,
           * with the field named. */
          tarmac_seizure_item_set_value_minor (item, minor > 0 ? minor : -1);
          tarmac_seizure_item_set_value_currency (item, tarmac_code_picker_get (w->currency));
          tarmac_seizure_parse_number (entry_text (w->rate), &rate);
          tarmac_seizure_item_set_fx_rate (item, rate);
        }
      tarmac_seizure_item_set_description (item, entry_text (w->description));
      tarmac_seizure_add_item (seizure, item);
    }
}

/* Route legs, agencies and persons: one line each */

static GtkWidget *
small_entry (const char *placeholder,
             int         max_length)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_entry_set_max_length (GTK_ENTRY (entry), max_length);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), MAX (max_length, 4) + 1);
  gtk_widget_set_valign (entry, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  placeholder, -1);
  return entry;
}

static void
on_remove_line_cb (GtkButton           *button,
                   TarmacSeizureWindow *self)
{
  GPtrArray *lists[] = { self->legs, self->agencies, self->persons };
  AdwPreferencesGroup *groups[] = { self->legs_group, self->agencies_group, self->persons_group };

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; i < lists[l]->len; i++)
      {
        TarmacLineWidgets *line = g_ptr_array_index (lists[l], i);

        if (g_object_get_data (G_OBJECT (button), "tarmac-line") == line)
          {
            adw_preferences_group_remove (groups[l], line->row);
            g_ptr_array_remove_index (lists[l], i);
            return;
          }
      }
}

static TarmacLineWidgets *
add_line (TarmacSeizureWindow *self,
          GPtrArray           *list,
          AdwPreferencesGroup *group,
          GtkWidget          **widgets,
          guint                n_widgets,
          const char          *remove_label)
{
  TarmacLineWidgets *line = g_new0 (TarmacLineWidgets, 1);
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  line->row = adw_action_row_new ();
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  for (guint i = 0; i < n_widgets; i++)
    {
      line->widgets[i] = widgets[i];
      gtk_box_append (GTK_BOX (box), widgets[i]);
    }
  adw_action_row_add_prefix (ADW_ACTION_ROW (line->row), box);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (remove, remove_label);
  g_object_set_data (G_OBJECT (remove), "tarmac-line", line);
  g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_line_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (line->row), remove);

  g_ptr_array_add (list, line);
  adw_preferences_group_add (group, line->row);
  return line;
}

static void
add_leg (TarmacSeizureWindow *self,
         TarmacSeizureLeg    *leg)
{
  GtkWidget *widgets[3];

  widgets[LEG_ROLE] = tarmac_code_drop_down_new ("route_role", NULL, FALSE);
  widgets[LEG_COUNTRY] = small_entry (_("Country"), 2);
  widgets[LEG_AIRPORT] = small_entry (_("Airport"), 3);
  gtk_widget_set_tooltip_text (widgets[LEG_COUNTRY], _("Two-letter country code, as TG"));
  gtk_widget_set_tooltip_text (widgets[LEG_AIRPORT], _("Three-letter airport code, as LFW (optional)"));
  if (leg != NULL)
    {
      tarmac_code_picker_set (widgets[LEG_ROLE], tarmac_seizure_leg_get_role (leg));
      set_entry (widgets[LEG_COUNTRY], tarmac_seizure_leg_get_country (leg));
      set_entry (widgets[LEG_AIRPORT], tarmac_seizure_leg_get_airport (leg));
    }
  else
    {
      tarmac_code_picker_set (widgets[LEG_ROLE], self->legs->len == 0 ? "ORIGIN" : "TRANSIT");
    }
  add_line (self, self->legs, self->legs_group, widgets, 3, _("Remove this leg"));
}

static void
add_agency (TarmacSeizureWindow *self,
            TarmacSeizureAgency *agency)
{
  GtkWidget *widgets[3];

  widgets[AGENCY_NAME] = small_entry (_("Agency name"), 128);
  gtk_editable_set_width_chars (GTK_EDITABLE (widgets[AGENCY_NAME]), 14);
  widgets[AGENCY_TYPE] = tarmac_code_drop_down_new ("agency_type", NULL, FALSE);
  widgets[AGENCY_ROLE] = tarmac_code_drop_down_new ("agency_role", NULL, FALSE);
  if (agency != NULL)
    {
      set_entry (widgets[AGENCY_NAME], tarmac_seizure_agency_get_agency (agency));
      tarmac_code_picker_set (widgets[AGENCY_TYPE], tarmac_seizure_agency_get_agency_type (agency));
      tarmac_code_picker_set (widgets[AGENCY_ROLE], tarmac_seizure_agency_get_role (agency));
    }
  else
    {
      tarmac_code_picker_set (widgets[AGENCY_ROLE], self->agencies->len == 0 ? "LEAD" : "PARTICIPATED");
    }
  add_line (self, self->agencies, self->agencies_group, widgets, 3, _("Remove this agency"));
}

static void
add_person (TarmacSeizureWindow *self,
            TarmacSeizurePerson *person)
{
  GtkWidget *widgets[5];

  widgets[PERSON_ROLE] = tarmac_code_drop_down_new ("person_role", NULL, FALSE);
  widgets[PERSON_NATIONALITY] = small_entry (_("Nationality"), 2);
  gtk_widget_set_tooltip_text (widgets[PERSON_NATIONALITY], _("Two-letter country code, as NG"));
  widgets[PERSON_SEX] = tarmac_code_drop_down_new ("sex", NULL, FALSE);
  widgets[PERSON_AGE] = tarmac_code_drop_down_new ("age_band", NULL, FALSE);
  widgets[PERSON_ARRESTED] = gtk_check_button_new_with_label (_("Arrested"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (widgets[PERSON_SEX]), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Sex"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widgets[PERSON_AGE]), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Age band"), -1);
  tarmac_code_picker_set (widgets[PERSON_SEX], "U");
  tarmac_code_picker_set (widgets[PERSON_AGE], "UNK");
  if (person != NULL)
    {
      tarmac_code_picker_set (widgets[PERSON_ROLE], tarmac_seizure_person_get_role (person));
      set_entry (widgets[PERSON_NATIONALITY], tarmac_seizure_person_get_nationality (person));
      tarmac_code_picker_set (widgets[PERSON_SEX], tarmac_seizure_person_get_sex (person));
      tarmac_code_picker_set (widgets[PERSON_AGE], tarmac_seizure_person_get_age_band (person));
      gtk_check_button_set_active (GTK_CHECK_BUTTON (widgets[PERSON_ARRESTED]),
                                   tarmac_seizure_person_get_arrested (person));
    }
  add_line (self, self->persons, self->persons_group, widgets, 5, _("Remove this person"));
}

static void
add_item_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  _tarmac_seizure_window_add_item (TARMAC_SEIZURE_WINDOW (widget), NULL);
}

static void
add_leg_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  add_leg (TARMAC_SEIZURE_WINDOW (widget), NULL);
}

static void
add_agency_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  add_agency (TARMAC_SEIZURE_WINDOW (widget), NULL);
}

static void
add_person_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  add_person (TARMAC_SEIZURE_WINDOW (widget), NULL);
}

void
_tarmac_seizure_window_class_init_lists (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "seizure.add-item", NULL, add_item_action);
  gtk_widget_class_install_action (widget_class, "seizure.add-leg", NULL, add_leg_action);
  gtk_widget_class_install_action (widget_class, "seizure.add-agency", NULL, add_agency_action);
  gtk_widget_class_install_action (widget_class, "seizure.add-person", NULL, add_person_action);
}

void
_tarmac_seizure_window_init_lists (TarmacSeizureWindow *self,
                                   AdwPreferencesPage  *page)
{
  self->items_group = ADW_PREFERENCES_GROUP (
    _tarmac_seizure_window_add_group (self, page, _("What Was Found"),
                                      _("One line per commodity. The kilogram equivalent and "
                                        "the value in US dollars are worked out as you type.")));
  _tarmac_seizure_window_add_button (self->items_group, _("Add _Item"), "seizure.add-item");

  self->legs_group = ADW_PREFERENCES_GROUP (
    _tarmac_seizure_window_add_group (self, page, _("Route"),
                                      _("Where the goods came from and were going: country, and "
                                        "airport if known.")));
  _tarmac_seizure_window_add_button (self->legs_group, _("Add _Leg"), "seizure.add-leg");

  self->agencies_group = ADW_PREFERENCES_GROUP (
    _tarmac_seizure_window_add_group (self, page, _("Agencies"),
                                      _("One lead agency; others took part, gave the "
                                        "information or received the case.")));
  _tarmac_seizure_window_add_button (self->agencies_group, _("Add A_gency"), "seizure.add-agency");

  self->persons_group = ADW_PREFERENCES_GROUP (
    _tarmac_seizure_window_add_group (self, page, _("People Involved"),
                                      _("Never by name: role, nationality, sex and age band.")));
  _tarmac_seizure_window_add_button (self->persons_group, _("Add _Person"), "seizure.add-person");
}

void
_tarmac_seizure_window_clear_lists (TarmacSeizureWindow *self)
{
  GPtrArray *lists[] = { self->legs, self->agencies, self->persons };
  AdwPreferencesGroup *groups[] = { self->legs_group, self->agencies_group, self->persons_group };

  if (self->items != NULL)
    {
      for (guint i = 0; i < self->items->len; i++)
        {
          TarmacItemWidgets *w = g_ptr_array_index (self->items, i);

          /* The callbacks hold the struct: disconnect before it goes. */
          g_signal_handlers_disconnect_by_data (w->category, w);
          g_signal_handlers_disconnect_by_data (w->subtype, w);
          g_signal_handlers_disconnect_by_data (w->unit, w);
          g_signal_handlers_disconnect_by_data (w->currency, w);
          g_signal_handlers_disconnect_by_data (w->quantity, w);
          g_signal_handlers_disconnect_by_data (w->value, w);
          g_signal_handlers_disconnect_by_data (w->rate, w);
          adw_preferences_group_remove (self->items_group, w->expander);
        }
      g_ptr_array_set_size (self->items, 0);
    }
  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    {
      if (lists[l] == NULL)
        continue;
      for (guint i = 0; i < lists[l]->len; i++)
        adw_preferences_group_remove (groups[l], ((TarmacLineWidgets *) g_ptr_array_index (lists[l], i))->row);
      g_ptr_array_set_size (lists[l], 0);
    }
}

void
_tarmac_seizure_window_fill_lists (TarmacSeizureWindow *self)
{
  GListModel *list;

  _tarmac_seizure_window_clear_lists (self);

  list = tarmac_seizure_get_items (self->seizure);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(TarmacSeizureItem) item = g_list_model_get_item (list, i);

      _tarmac_seizure_window_add_item (self, item);
    }
  list = tarmac_seizure_get_legs (self->seizure);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(TarmacSeizureLeg) leg = g_list_model_get_item (list, i);

      add_leg (self, leg);
    }
  list = tarmac_seizure_get_agencies (self->seizure);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(TarmacSeizureAgency) agency = g_list_model_get_item (list, i);

      add_agency (self, agency);
    }
  if (self->agencies->len == 0)
    add_agency (self, NULL);
  list = tarmac_seizure_get_persons (self->seizure);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(TarmacSeizurePerson) person = g_list_model_get_item (list, i);

      add_person (self, person);
    }
}

void
_tarmac_seizure_window_collect_lists (TarmacSeizureWindow *self,
                                      TarmacSeizure       *seizure)
{
  collect_items (self, seizure);

  for (guint i = 0; i < self->legs->len; i++)
    {
      TarmacLineWidgets *line = g_ptr_array_index (self->legs, i);
      g_autoptr(TarmacSeizureLeg) leg = tarmac_seizure_leg_new ();
      g_autofree char *country = upper_text (line->widgets[LEG_COUNTRY]);
      g_autofree char *airport = upper_text (line->widgets[LEG_AIRPORT]);

      tarmac_seizure_leg_set_role (leg, tarmac_code_picker_get (line->widgets[LEG_ROLE]));
      tarmac_seizure_leg_set_country (leg, country);
      tarmac_seizure_leg_set_airport (leg, airport);
      tarmac_seizure_add_leg (seizure, leg);
    }
  for (guint i = 0; i < self->agencies->len; i++)
    {
      TarmacLineWidgets *line = g_ptr_array_index (self->agencies, i);
      g_autoptr(TarmacSeizureAgency) agency = tarmac_seizure_agency_new ();

      tarmac_seizure_agency_set_agency (agency, entry_text (line->widgets[AGENCY_NAME]));
      tarmac_seizure_agency_set_agency_type (agency, tarmac_code_picker_get (line->widgets[AGENCY_TYPE]));
      tarmac_seizure_agency_set_role (agency, tarmac_code_picker_get (line->widgets[AGENCY_ROLE]));
      tarmac_seizure_add_agency (seizure, agency);
    }
  for (guint i = 0; i < self->persons->len; i++)
    {
      TarmacLineWidgets *line = g_ptr_array_index (self->persons, i);
      g_autoptr(TarmacSeizurePerson) person = tarmac_seizure_person_new ();
      g_autofree char *nationality = upper_text (line->widgets[PERSON_NATIONALITY]);

      tarmac_seizure_person_set_role (person, tarmac_code_picker_get (line->widgets[PERSON_ROLE]));
      tarmac_seizure_person_set_nationality (person, nationality);
      tarmac_seizure_person_set_sex (person, tarmac_code_picker_get (line->widgets[PERSON_SEX]));
      tarmac_seizure_person_set_age_band (person, tarmac_code_picker_get (line->widgets[PERSON_AGE]));
      tarmac_seizure_person_set_arrested (person,
                                          gtk_check_button_get_active (GTK_CHECK_BUTTON (line->widgets[PERSON_ARRESTED])));
      tarmac_seizure_add_person (seizure, person);
    }
}

/* "items[2].quantity" → the widget; "route[1].country" → the leg's line… */
GtkWidget *
_tarmac_seizure_window_list_field (TarmacSeizureWindow *self,
                                   const char          *field)
{
  static const struct { const char *prefix; gsize list; } lists[] = {
    { "route[", G_STRUCT_OFFSET (TarmacSeizureWindow, legs) },
    { "agencies[", G_STRUCT_OFFSET (TarmacSeizureWindow, agencies) },
    { "persons[", G_STRUCT_OFFSET (TarmacSeizureWindow, persons) },
  };
  const char *member;
  guint64 n;
  char *end = NULL;

  if (g_str_equal (field, "items"))
    return GTK_WIDGET (self->items_group);
  if (g_str_equal (field, "route"))
    return GTK_WIDGET (self->legs_group);
  if (g_str_equal (field, "agencies"))
    return GTK_WIDGET (self->agencies_group);
  if (g_str_equal (field, "persons"))
    return GTK_WIDGET (self->persons_group);

  if (g_str_has_prefix (field, "items["))
    {
      TarmacItemWidgets *w;

      n = g_ascii_strtoull (field + 6, &end, 10);
      if (end == NULL || *end != ']' || n < 1 || n > self->items->len)
        return GTK_WIDGET (self->items_group);
      w = g_ptr_array_index (self->items, n - 1);
      member = end[1] == '.' ? end + 2 : "";
      if (g_str_equal (member, "category"))
        return w->category;
      if (g_str_equal (member, "subtype"))
        return w->subtype;
      if (g_str_equal (member, "quantity") || g_str_equal (member, "unit"))
        return w->quantity;
      if (g_str_equal (member, "concealment"))
        return w->concealment;
      if (g_str_equal (member, "value") || g_str_equal (member, "currency"))
        return w->value;
      if (g_str_equal (member, "fx_rate"))
        return w->rate;
      if (g_str_equal (member, "description"))
        return w->description;
      return w->expander;
    }

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    if (g_str_has_prefix (field, lists[l].prefix))
      {
        GPtrArray *list = G_STRUCT_MEMBER (GPtrArray *, self, lists[l].list);

        n = g_ascii_strtoull (field + strlen (lists[l].prefix), &end, 10);
        if (end == NULL || *end != ']' || n < 1 || n > list->len)
          return NULL;
        return ((TarmacLineWidgets *) g_ptr_array_index (list, n - 1))->row;
      }
  return NULL;
}
