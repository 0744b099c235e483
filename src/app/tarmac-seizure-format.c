/* tarmac-seizure-format.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-seizure-format"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "tarmac-seizure-code.h"
#include "tarmac-seizure-codes.h"
#include "tarmac-seizure-format.h"

/* A picker keeps its codes beside its labels, in the same order ("tarmac-codes"; NULL
 * first when it is optional), and its table ("tarmac-table"). */

static GListModel *
build_model (GtkWidget  *picker,
             const char *table,
             const char *parent,
             gboolean    optional)
{
  g_autoptr(GListModel) codes = NULL;
  GtkStringList *labels = gtk_string_list_new (NULL);
  GPtrArray *values = g_ptr_array_new_with_free_func (g_free);

  codes = tarmac_seizure_codes_list (tarmac_seizure_codes_get_default (), table, parent, NULL);
  if (optional)
    {
      /* Translators: the first choice of an optional list: no value */
      gtk_string_list_append (labels, C_("choice", "None"));
      g_ptr_array_add (values, NULL);
    }
  for (guint i = 0; codes != NULL && i < g_list_model_get_n_items (codes); i++)
    {
      g_autoptr(TarmacSeizureCode) code = g_list_model_get_item (codes, i);

      gtk_string_list_append (labels, tarmac_seizure_code_get_label (code));
      g_ptr_array_add (values, g_strdup (tarmac_seizure_code_get_code (code)));
    }
  g_object_set_data_full (G_OBJECT (picker), "tarmac-codes", values,
                          (GDestroyNotify) g_ptr_array_unref);
  g_object_set_data_full (G_OBJECT (picker), "tarmac-table", g_strdup (table), g_free);
  g_object_set_data (G_OBJECT (picker), "tarmac-optional", GINT_TO_POINTER (optional));
  return G_LIST_MODEL (labels);
}

static void
set_model (GtkWidget  *picker,
           GListModel *model)
{
  if (ADW_IS_COMBO_ROW (picker))
    adw_combo_row_set_model (ADW_COMBO_ROW (picker), model);
  else
    gtk_drop_down_set_model (GTK_DROP_DOWN (picker), model);
  g_object_unref (model);
}

GtkWidget *
tarmac_code_combo_row_new (const char *title,
                           const char *table,
                           const char *parent,
                           gboolean    optional)
{
  GtkWidget *row = adw_combo_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  set_model (row, build_model (row, table, parent, optional));
  return row;
}

GtkWidget *
tarmac_code_drop_down_new (const char *table,
                           const char *parent,
                           gboolean    optional)
{
  GtkWidget *drop_down = gtk_drop_down_new (NULL, NULL);

  gtk_widget_set_valign (drop_down, GTK_ALIGN_CENTER);
  set_model (drop_down, build_model (drop_down, table, parent, optional));
  return drop_down;
}

/* Lists the codes under @parent (the sub-types of a category), keeping the choice when
 * it is still there. */
void
tarmac_code_picker_set_parent (GtkWidget  *picker,
                               const char *parent)
{
  g_autofree char *current = g_strdup (tarmac_code_picker_get (picker));
  const char *table = g_object_get_data (G_OBJECT (picker), "tarmac-table");
  gboolean optional = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (picker), "tarmac-optional"));
  g_autofree char *table_copy = g_strdup (table);

  set_model (picker, build_model (picker, table_copy, parent, optional));
  if (current != NULL)
    tarmac_code_picker_set (picker, current);
}

static guint
get_selected (GtkWidget *picker)
{
  return ADW_IS_COMBO_ROW (picker) ? adw_combo_row_get_selected (ADW_COMBO_ROW (picker))
                                   : gtk_drop_down_get_selected (GTK_DROP_DOWN (picker));
}

/* Returns: (nullable): the chosen code */
const char *
tarmac_code_picker_get (GtkWidget *picker)
{
  GPtrArray *values = g_object_get_data (G_OBJECT (picker), "tarmac-codes");
  guint selected = get_selected (picker);

  if (values == NULL || selected >= values->len)
    return NULL;
  return g_ptr_array_index (values, selected);
}

/* Returns: whether @code is in the list (an optional picker takes NULL) */
gboolean
tarmac_code_picker_set (GtkWidget  *picker,
                        const char *code)
{
  GPtrArray *values = g_object_get_data (G_OBJECT (picker), "tarmac-codes");

  for (guint i = 0; values != NULL && i < values->len; i++)
    if (g_strcmp0 (g_ptr_array_index (values, i), code) == 0)
      {
        if (ADW_IS_COMBO_ROW (picker))
          adw_combo_row_set_selected (ADW_COMBO_ROW (picker), i);
        else
          gtk_drop_down_set_selected (GTK_DROP_DOWN (picker), i);
        return TRUE;
      }
  return FALSE;
}

/* Returns: the label of @code in the officer's language, or @code itself */
const char *
tarmac_seizure_format_label (const char *table,
                             const char *code)
{
  const char *label;

  if (code == NULL)
    return "";
  label = tarmac_seizure_codes_get_label (tarmac_seizure_codes_get_default (), table, code, NULL);
  return label != NULL ? label : code;
}

const char *
tarmac_seizure_format_status (const char *status)
{
  return tarmac_seizure_format_label ("status", status != NULL ? status : "DRAFT");
}

/* Reads a number as typed: "2.5", "2,5" or "1 200" (a comma is a decimal point in most of
 * the languages Tarmac speaks). */
gboolean
tarmac_seizure_parse_number (const char *text,
                             double     *value)
{
  g_autoptr(GString) clean = g_string_new (NULL);
  char *end = NULL;
  double parsed;

  if (text == NULL)
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == ' ' || *p == '\'' || *p == '_')
        continue;
      g_string_append_c (clean, *p == ',' ? '.' : *p);
    }
  if (clean->len == 0 || clean->len > 32)
    return FALSE;
  parsed = g_ascii_strtod (clean->str, &end);
  if (end == NULL || *end != '\0' || !isfinite (parsed))
    return FALSE;
  *value = parsed;
  return TRUE;
}

/* Short unit names for lists and totals; the pickers show the long labels. */
static const char *
unit_symbol (const char *unit)
{
  static const struct { const char *code; const char *symbol; } symbols[] = {
    { "KG", N_("kg") }, { "G", N_("g") }, { "L", N_("L") }, { "ML", N_("mL") },
    { "U", N_("units") }, { "PCS", N_("pieces") }, { "STK", N_("sticks") },
    { "PKT", N_("packs") }, { "SPEC", N_("specimens") }, { "RND", N_("rounds") },
    { "M3", N_("m³") }, { "CT", N_("ct") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (symbols); i++)
    if (g_strcmp0 (unit, symbols[i].code) == 0)
      return _(symbols[i].symbol);
  return unit != NULL ? unit : "";
}

char *
tarmac_seizure_format_quantity (double      quantity,
                                const char *unit)
{
  g_autofree char *number = NULL;

  if (fabs (quantity - round (quantity)) < 1e-9)
    number = g_strdup_printf ("%.0f", quantity);
  else
    {
      number = g_strdup_printf ("%.3f", quantity);
      /* 2.500 reads better as 2.5 */
      for (char *end = number + strlen (number) - 1; *end == '0'; end--)
        *end = '\0';
    }
  /* Translators: a quantity and its unit, as in "2.4 kg" */
  return g_strdup_printf (_("%1$s %2$s"), number, unit_symbol (unit));
}

char *
tarmac_seizure_format_money (gint64      minor,
                             const char *currency)
{
  int digits = tarmac_seizure_codes_get_minor_units (tarmac_seizure_codes_get_default (), currency);
  double major = (double) minor / pow (10, MAX (digits, 0));
  g_autofree char *number = g_strdup_printf ("%.*f", MAX (digits, 0), major);

  /* Translators: an amount and its currency code, as in "10000.00 USD" */
  return g_strdup_printf (_("%1$s %2$s"), number, currency != NULL ? currency : "");
}

/* "Cocaine 2.4 kg (2.4 kg eq.) · Cash 10000.00 USD" */
char *
tarmac_seizure_format_items (TarmacSeizure *seizure)
{
  GListModel *items = tarmac_seizure_get_items (seizure);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(TarmacSeizureItem) item = g_list_model_get_item (items, i);
      const char *label = tarmac_seizure_format_label ("subtype", tarmac_seizure_item_get_subtype (item));
      g_autofree char *amount = NULL;

      if (tarmac_seizure_item_get_unit (item) != NULL)
        amount = tarmac_seizure_format_quantity (tarmac_seizure_item_get_quantity (item),
                                                 tarmac_seizure_item_get_unit (item));
      else if (tarmac_seizure_item_get_value_minor (item) > 0)
        amount = tarmac_seizure_format_money (tarmac_seizure_item_get_value_minor (item),
                                              tarmac_seizure_item_get_value_currency (item));
      if (text->len > 0)
        g_string_append (text, " · ");
      if (tarmac_seizure_item_get_kg_equivalent (item) > 0 &&
          g_strcmp0 (tarmac_seizure_item_get_unit (item), "KG") != 0)
        {
          g_autofree char *kg = tarmac_seizure_format_quantity (tarmac_seizure_item_get_kg_equivalent (item), "KG");

          /* Translators: an item in a list of seizures: what, how much, its weight in kg,
           * as in "Captagon 2000 units (0.34 kg)" */
          g_string_append_printf (text, _("%1$s %2$s (%3$s)"), label, amount != NULL ? amount : "", kg);
        }
      else
        /* Translators: an item in a list of seizures: what and how much ("Cocaine 2.4 kg") */
        g_string_append_printf (text, _("%1$s %2$s"), label, amount != NULL ? amount : "");
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* "Customs (lead), Police" */
char *
tarmac_seizure_format_agencies (TarmacSeizure *seizure)
{
  GListModel *agencies = tarmac_seizure_get_agencies (seizure);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (agencies); i++)
    {
      g_autoptr(TarmacSeizureAgency) agency = g_list_model_get_item (agencies, i);

      if (text->len > 0)
        g_string_append (text, ", ");
      if (g_strcmp0 (tarmac_seizure_agency_get_role (agency), "LEAD") == 0)
        /* Translators: the lead agency of a seizure in a list of agencies */
        g_string_append_printf (text, _("%s (lead)"), tarmac_seizure_agency_get_agency (agency));
      else
        g_string_append (text, tarmac_seizure_agency_get_agency (agency));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}
