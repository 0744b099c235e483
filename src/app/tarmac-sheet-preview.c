/* tarmac-sheet-preview.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-sheet-preview"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "tarmac-sheet-preview.h"

/* The preview of a spreadsheet before it is imported (DESIGN.md §5): the first rows in a
 * column view whose first row is a field picker per column, the flight prefilled from
 * what the mapper found, cells that cannot be read as their column's field in red with
 * the reason as a tooltip. The officer corrects the mapping and presses Import; the
 * window imports with it (and the importer remembers it for the airline). The items of
 * the view are strings: "" for the picker row, else the index of a preview row. */

#define PREVIEW_ROWS 50

struct _TarmacSheetPreview
{
  AdwWindow           parent_instance;

  /* Template widgets */
  AdwWindowTitle     *window_title;
  GtkEntry           *carrier_entry;
  GtkEntry           *number_entry;
  GtkEntry           *date_entry;
  GtkEntry           *origin_entry;
  GtkEntry           *destination_entry;
  GtkDropDown        *order_dropdown;
  GtkLabel           *status_label;
  GtkColumnView      *column_view;
  GtkWidget          *import_button;

  /* Owned */
  TarmacSheet        *sheet;
  TarmacSheetMapping *mapping;
  GPtrArray          *rows;           /* of TarmacSheetPreviewRow */
  GtkStringList      *items;
  GtkStringList      *field_labels;
  gboolean            finished;
};

G_DEFINE_FINAL_TYPE (TarmacSheetPreview, tarmac_sheet_preview, ADW_TYPE_WINDOW)

enum {
  FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
finish (TarmacSheetPreview *self,
        gboolean            import)
{
  if (self->finished)
    return;
  self->finished = TRUE;
  g_signal_emit (self, signals[FINISHED], 0, import);
  gtk_window_destroy (GTK_WINDOW (self));
}

static guint
count_problems (TarmacSheetPreview *self)
{
  guint n = 0;
  guint n_columns = tarmac_sheet_mapping_get_n_columns (self->mapping);

  for (guint r = 0; r < self->rows->len; r++)
    {
      TarmacSheetPreviewRow *row = g_ptr_array_index (self->rows, r);

      for (guint c = 0; c < n_columns; c++)
        n += row->problems[c] != NULL;
    }
  return n;
}

static void
update_status (TarmacSheetPreview *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  gboolean ok = tarmac_sheet_mapping_validate (self->mapping, self->sheet, &error);
  guint problems = count_problems (self);

  if (!ok)
    g_string_append (text, error->message);
  else if (tarmac_sheet_mapping_get_remembered (self->mapping))
    g_string_append (text, _("Columns as chosen last time for this airline."));
  else
    g_string_append (text, _("Check what each column holds and correct it above the "
                             "column."));

  if (ok && tarmac_sheet_mapping_get_dates_ambiguous (self->mapping))
    {
      g_string_append_c (text, ' ');
      g_string_append (text, _("The dates read both day first and month first: choose "
                               "the order."));
    }
  if (ok && problems > 0)
    {
      g_string_append_c (text, ' ');
      g_string_append_printf (text, ngettext ("%u cell shown in red cannot be read and will "
                                              "be left empty.",
                                              "%u cells shown in red cannot be read and "
                                              "will be left empty.", problems), problems);
    }

  gtk_label_set_label (self->status_label, text->str);
  if (ok)
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "error");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.import", ok);
}

/* Reads the rows again with the current mapping and binds every item anew. */
static void
refresh (TarmacSheetPreview *self)
{
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->items));

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  self->rows = tarmac_sheet_mapping_preview (self->mapping, self->sheet, PREVIEW_ROWS);

  g_ptr_array_add (strings, g_strdup (""));
  for (guint r = 0; r < self->rows->len; r++)
    g_ptr_array_add (strings, g_strdup_printf ("%u", r));
  g_ptr_array_add (strings, NULL);
  gtk_string_list_splice (self->items, 0, n_items, (const char * const *) strings->pdata);

  update_status (self);
}

static TarmacSheetPreviewRow *
item_row (TarmacSheetPreview *self,
          GtkListItem        *list_item)
{
  GtkStringObject *item = gtk_list_item_get_item (list_item);
  const char *text = gtk_string_object_get_string (item);
  guint index;

  if (*text == '\0')
    return NULL;
  index = (guint) strtoul (text, NULL, 10);
  return index < self->rows->len ? g_ptr_array_index (self->rows, index) : NULL;
}

static void
on_field_selected_cb (GtkDropDown        *dropdown,
                      GParamSpec         *pspec,
                      TarmacSheetPreview *self)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dropdown), "column"));
  guint selected = gtk_drop_down_get_selected (dropdown);

  /* Binding sets the mapping's own field: nothing changed then. */
  if (selected >= TARMAC_SHEET_N_FIELDS ||
      selected == tarmac_sheet_mapping_get_field (self->mapping, column) ||
      !gtk_widget_get_visible (GTK_WIDGET (dropdown)))
    return;

  tarmac_sheet_preview_set_field (self, column, selected);
}

static void
cell_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               TarmacSheetPreview       *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *dropdown = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (self->field_labels)), NULL);
  GtkWidget *label = gtk_label_new (NULL);

  g_object_set_data (G_OBJECT (dropdown), "column", g_object_get_data (G_OBJECT (factory), "column"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("What the column holds"), -1);
  g_signal_connect_object (dropdown, "notify::selected", G_CALLBACK (on_field_selected_cb),
                           self, 0);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
  gtk_box_append (GTK_BOX (box), dropdown);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_item_set_child (list_item, box);
}

static void
cell_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              TarmacSheetPreview       *self)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "column"));
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *dropdown = gtk_widget_get_first_child (box);
  GtkWidget *label = gtk_widget_get_next_sibling (dropdown);
  TarmacSheetPreviewRow *row = item_row (self, list_item);

  gtk_widget_remove_css_class (label, "error");
  gtk_widget_set_tooltip_text (label, NULL);

  if (row == NULL)
    {
      gtk_widget_set_visible (label, FALSE);
      gtk_widget_set_visible (dropdown, TRUE);
      gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown),
                                  tarmac_sheet_mapping_get_field (self->mapping, column));
      return;
    }

  gtk_widget_set_visible (dropdown, FALSE);
  gtk_widget_set_visible (label, TRUE);
  gtk_label_set_label (GTK_LABEL (label), row->cells[column]);
  if (row->problems[column] != NULL)
    {
      gtk_widget_add_css_class (label, "error");
      gtk_widget_set_tooltip_text (label, row->problems[column]);
    }
  else if (*row->values[column] != '\0' && g_strcmp0 (row->values[column], row->cells[column]) != 0)
    {
      /* Translators: how a cell is read, "Read as 1980-11-12" */
      g_autofree char *tooltip = g_strdup_printf (_("Read as %s"), row->values[column]);

      gtk_widget_set_tooltip_text (label, tooltip);
    }
}

static void
number_setup_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 TarmacSheetPreview       *self)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (list_item, label);
}

static void
number_bind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                TarmacSheetPreview       *self)
{
  TarmacSheetPreviewRow *row = item_row (self, list_item);
  g_autofree char *text = row != NULL ? g_strdup_printf ("%u", row->row_number) : NULL;

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (list_item)), text);
}

/* "A", "B", … "AA": the spreadsheet's name for a column. */
static char *
column_letters (guint column)
{
  char letters[8] = { 0 };
  int i = G_N_ELEMENTS (letters) - 1;

  column++;
  while (column > 0 && i > 0)
    {
      letters[--i] = (char) ('A' + (column - 1) % 26);
      column = (column - 1) / 26;
    }
  return g_strdup (letters + i);
}

static void
add_columns (TarmacSheetPreview *self)
{
  g_autoptr(GtkListItemFactory) number_factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) number_column = NULL;
  int header = tarmac_sheet_mapping_get_header_row (self->mapping);

  g_signal_connect (number_factory, "setup", G_CALLBACK (number_setup_cb), self);
  g_signal_connect (number_factory, "bind", G_CALLBACK (number_bind_cb), self);
  /* Translators: the column of row numbers in the spreadsheet preview */
  number_column = gtk_column_view_column_new (_("Row"), g_object_ref (number_factory));
  gtk_column_view_append_column (self->column_view, number_column);

  for (guint c = 0; c < tarmac_sheet_mapping_get_n_columns (self->mapping); c++)
    {
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;
      g_autofree char *letters = column_letters (c);
      g_autofree char *title = NULL;
      const char *name = header >= 0 ? tarmac_sheet_get_cell (self->sheet, header, c) : "";

      g_object_set_data (G_OBJECT (factory), "column", GUINT_TO_POINTER (c));
      g_signal_connect (factory, "setup", G_CALLBACK (cell_setup_cb), self);
      g_signal_connect (factory, "bind", G_CALLBACK (cell_bind_cb), self);
      /* Translators: a spreadsheet column's title: its letter and its header, "C · Nom" */
      title = *name != '\0' ? g_strdup_printf (_("%s · %s"), letters, name) : g_strdup (letters);
      column = gtk_column_view_column_new (title, g_object_ref (factory));
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_append_column (self->column_view, column);
    }
}

static void
set_entry (GtkEntry   *entry,
           const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), text != NULL ? text : "");
}

static void
on_flight_changed_cb (TarmacSheetPreview *self)
{
  if (self->mapping == NULL)
    return;

  tarmac_sheet_mapping_set_flight (self->mapping,
                                   gtk_editable_get_text (GTK_EDITABLE (self->carrier_entry)),
                                   gtk_editable_get_text (GTK_EDITABLE (self->number_entry)),
                                   gtk_editable_get_text (GTK_EDITABLE (self->date_entry)),
                                   gtk_editable_get_text (GTK_EDITABLE (self->origin_entry)),
                                   gtk_editable_get_text (GTK_EDITABLE (self->destination_entry)));
  update_status (self);
}

static void
on_order_selected_cb (TarmacSheetPreview *self)
{
  static const TarmacSheetDateOrder orders[] = {
    TARMAC_SHEET_DATE_ORDER_DMY, TARMAC_SHEET_DATE_ORDER_MDY, TARMAC_SHEET_DATE_ORDER_YMD,
  };
  guint selected = gtk_drop_down_get_selected (self->order_dropdown);

  if (self->mapping == NULL || selected >= G_N_ELEMENTS (orders))
    return;
  /* Day first is also what an undecided order reads as: leave it undecided until the
   * officer picks something else, so the warning stays until then. */
  if (orders[selected] == TARMAC_SHEET_DATE_ORDER_DMY &&
      tarmac_sheet_mapping_get_date_order (self->mapping) == TARMAC_SHEET_DATE_ORDER_AUTO)
    return;
  tarmac_sheet_mapping_set_date_order (self->mapping, orders[selected]);
  refresh (self);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TarmacSheetPreview *self = TARMAC_SHEET_PREVIEW (widget);

  if (tarmac_sheet_preview_can_import (self))
    finish (self, TRUE);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  finish (TARMAC_SHEET_PREVIEW (widget), FALSE);
}

static gboolean
tarmac_sheet_preview_close_request (GtkWindow *window)
{
  TarmacSheetPreview *self = TARMAC_SHEET_PREVIEW (window);

  if (!self->finished)
    {
      self->finished = TRUE;
      g_signal_emit (self, signals[FINISHED], 0, FALSE);
    }
  return GTK_WINDOW_CLASS (tarmac_sheet_preview_parent_class)->close_request (window);
}

static void
tarmac_sheet_preview_dispose (GObject *object)
{
  TarmacSheetPreview *self = TARMAC_SHEET_PREVIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TARMAC_TYPE_SHEET_PREVIEW);

  G_OBJECT_CLASS (tarmac_sheet_preview_parent_class)->dispose (object);
}

static void
tarmac_sheet_preview_finalize (GObject *object)
{
  TarmacSheetPreview *self = TARMAC_SHEET_PREVIEW (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->sheet, tarmac_sheet_free);
  g_clear_pointer (&self->mapping, tarmac_sheet_mapping_unref);
  g_clear_object (&self->items);
  g_clear_object (&self->field_labels);

  G_OBJECT_CLASS (tarmac_sheet_preview_parent_class)->finalize (object);
}

static void
tarmac_sheet_preview_class_init (TarmacSheetPreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = tarmac_sheet_preview_dispose;
  object_class->finalize = tarmac_sheet_preview_finalize;
  window_class->close_request = tarmac_sheet_preview_close_request;

  /**
   * TarmacSheetPreview::finished:
   * @self: the preview
   * @import: %TRUE when the officer pressed Import
   *
   * Emitted once, when the preview goes away.
   */
  signals[FINISHED] = g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_BOOLEAN);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/jaitf/Tarmac/tarmac-sheet-preview.ui");
  gtk_widget_class_bind_template_child (widget_class, TarmacSheetPreview, window_title);
  gtk_widget_class_bind_template_child (widget_class, TarmacSheetPreview, carrier_entry);
  gtk_widget_class_bind_template_child (widget_class, TarmacSheetPreview, number_entry);
  gtk_widget_class_bind_template_child (widget_class, TarmacSheetPreview, date_entry);
  gtk_widget_class_bind_template_child (widget_class, TarmacSheetPreview, origin_entry);
  gtk_widget_class_bind_template_child (widget_class, TarmacSheetPreview, destination_entry);
  gtk_widget_class_bind_template_child (widget_class, TarmacSheetPreview, order_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TarmacSheetPreview, status_label);
  gtk_widget_class_bind_template_child (widget_class, TarmacSheetPreview, column_view);
  gtk_widget_class_bind_template_child (widget_class, TarmacSheetPreview, import_button);
  gtk_widget_class_bind_template_callback (widget_class, on_flight_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_order_selected_cb);

  gtk_widget_class_install_action (widget_class, "preview.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "preview.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "preview.cancel", NULL);
}

static void
tarmac_sheet_preview_init (TarmacSheetPreview *self)
{
  self->items = gtk_string_list_new (NULL);
  self->field_labels = gtk_string_list_new (NULL);
  for (guint f = 0; f < TARMAC_SHEET_N_FIELDS; f++)
    gtk_string_list_append (self->field_labels, tarmac_sheet_field_get_label (f));

  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * tarmac_sheet_preview_new:
 * @parent: the window it belongs to
 * @name: the file's name, shown as the subtitle
 * @sheet: (transfer full): the file's table
 * @mapping: the proposed mapping; the preview works on a copy
 *
 * Returns: (transfer none): a new preview; connect to ::finished, then present it
 */
TarmacSheetPreview *
tarmac_sheet_preview_new (GtkWindow          *parent,
                          const char         *name,
                          TarmacSheet        *sheet,
                          TarmacSheetMapping *mapping)
{
  TarmacSheetPreview *self;
  TarmacSheetDateOrder order;

  g_return_val_if_fail (sheet != NULL, NULL);
  g_return_val_if_fail (mapping != NULL, NULL);

  self = g_object_new (TARMAC_TYPE_SHEET_PREVIEW, "transient-for", parent, NULL);
  self->sheet = sheet;
  adw_window_title_set_subtitle (self->window_title, name);

  /* The entries' handlers write the mapping: fill them before it is set. */
  set_entry (self->carrier_entry, tarmac_sheet_mapping_get_carrier (mapping));
  set_entry (self->number_entry, tarmac_sheet_mapping_get_flight_number (mapping));
  set_entry (self->date_entry, tarmac_sheet_mapping_get_flight_date (mapping));
  set_entry (self->origin_entry, tarmac_sheet_mapping_get_origin (mapping));
  set_entry (self->destination_entry, tarmac_sheet_mapping_get_destination (mapping));
  order = tarmac_sheet_mapping_get_date_order (mapping);
  gtk_drop_down_set_selected (self->order_dropdown,
                              order == TARMAC_SHEET_DATE_ORDER_MDY ? 1 :
                              order == TARMAC_SHEET_DATE_ORDER_YMD ? 2 : 0);

  self->mapping = tarmac_sheet_mapping_copy (mapping);
  add_columns (self);
  gtk_column_view_set_model (self->column_view,
                             GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->items)))));
  refresh (self);

  return self;
}

/**
 * tarmac_sheet_preview_get_mapping:
 * @self: a preview
 *
 * Returns: (transfer none): the mapping as the officer corrected it
 */
TarmacSheetMapping *
tarmac_sheet_preview_get_mapping (TarmacSheetPreview *self)
{
  g_return_val_if_fail (TARMAC_IS_SHEET_PREVIEW (self), NULL);

  return self->mapping;
}

gboolean
tarmac_sheet_preview_can_import (TarmacSheetPreview *self)
{
  g_return_val_if_fail (TARMAC_IS_SHEET_PREVIEW (self), FALSE);

  return tarmac_sheet_mapping_validate (self->mapping, self->sheet, NULL);
}

/**
 * tarmac_sheet_preview_set_field:
 * @self: a preview
 * @column: a 0-based column
 * @field: what it holds
 *
 * What choosing @field above @column does.
 */
void
tarmac_sheet_preview_set_field (TarmacSheetPreview *self,
                                guint               column,
                                TarmacSheetField    field)
{
  g_return_if_fail (TARMAC_IS_SHEET_PREVIEW (self));
  g_return_if_fail (column < tarmac_sheet_mapping_get_n_columns (self->mapping));

  tarmac_sheet_mapping_set_field (self->mapping, column, field);
  refresh (self);
}
