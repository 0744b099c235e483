/* tarmac-flight-page.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-flight-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tarmac-flight-page.h"
#include "tarmac-format.h"
#include "tarmac-traveller.h"

/* One flight: its schedule and the travellers and crew of its manifest in a sortable,
 * filterable table. The model chain is store list → filter → sort → selection.
 * Activating a row opens that traveller's page (win.show-traveller). */
struct _TarmacFlightPage
{
  TarmacPage          parent_instance;

  /* Template widgets */
  GtkImage           *direction_image;
  GtkLabel           *designator_label;
  GtkWidget          *note_button;
  GtkLabel           *details_label;
  GtkLabel           *count_label;
  GtkSearchEntry     *filter_entry;
  GtkWidget          *seizure_button;
  GtkStack           *stack;
  GtkColumnView      *column_view;
  AdwStatusPage      *empty_page;

  /* Owned references */
  TarmacFlight       *flight;
  GListStore         *travellers;
  GtkCustomFilter    *filter;
  GtkFilterListModel *filter_model;
  GtkSortListModel   *sort_model;
  char               *needle;
};

G_DEFINE_FINAL_TYPE (TarmacFlightPage, tarmac_flight_page, TARMAC_TYPE_PAGE)

enum {
  PROP_0,
  PROP_FLIGHT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *direction_classes[] = { "inbound", "outbound", "transit" };

static char *
traveller_kind_cb (TarmacTraveller *traveller,
                   gpointer         user_data)
{
  if (traveller == NULL)
    return NULL;

  return g_strdup (tarmac_format_traveller_kind (tarmac_traveller_get_kind (traveller)));
}

static gboolean
contains_casefolded (const char *haystack,
                     const char *needle)
{
  g_autofree char *folded = NULL;

  if (haystack == NULL)
    return FALSE;

  folded = g_utf8_casefold (haystack, -1);
  return strstr (folded, needle) != NULL;
}

static gboolean
filter_traveller_cb (gpointer item,
                     gpointer user_data)
{
  TarmacFlightPage *self = user_data;
  TarmacTraveller *traveller = item;

  if (self->needle == NULL)
    return TRUE;

  return contains_casefolded (tarmac_traveller_get_full_name (traveller), self->needle) ||
         contains_casefolded (tarmac_traveller_get_document_number (traveller), self->needle) ||
         contains_casefolded (tarmac_traveller_get_nationality (traveller), self->needle);
}

static void
expression_unref_notify (gpointer  data,
                         GClosure *closure)
{
  gtk_expression_unref (data);
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (list_item, label);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              GtkExpression            *expression)
{
  g_auto(GValue) value = G_VALUE_INIT;
  GtkWidget *label = gtk_list_item_get_child (list_item);
  gpointer item = gtk_list_item_get_item (list_item);

  if (item != NULL && gtk_expression_evaluate (expression, item, &value))
    gtk_label_set_label (GTK_LABEL (label), g_value_get_string (&value));
  else
    gtk_label_set_label (GTK_LABEL (label), NULL);
}

static void
add_column (TarmacFlightPage *self,
            const char       *title,
            GtkExpression    *expression,
            gboolean          expand)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) column = NULL;
  g_autoptr(GtkStringSorter) sorter = NULL;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), NULL);
  g_signal_connect_data (factory, "bind", G_CALLBACK (bind_cell_cb),
                         gtk_expression_ref (expression),
                         expression_unref_notify, 0);

  sorter = gtk_string_sorter_new (expression);

  column = gtk_column_view_column_new (title, g_steal_pointer (&factory));
  gtk_column_view_column_set_sorter (column, GTK_SORTER (sorter));
  gtk_column_view_column_set_expand (column, expand);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_append_column (self->column_view, column);
}

static GtkExpression *
property_expression (const char *property)
{
  return gtk_property_expression_new (TARMAC_TYPE_TRAVELLER, NULL, property);
}

static void
add_columns (TarmacFlightPage *self)
{
  /* No column is sorted at first: the store lists passengers, then crew, by name. */
  add_column (self, _("Name"), property_expression ("full-name"), TRUE);
  add_column (self, C_("traveller", "Kind"),
              gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                           G_CALLBACK (traveller_kind_cb), NULL, NULL),
              FALSE);
  add_column (self, C_("traveller", "Sex"), property_expression ("sex"), FALSE);
  add_column (self, _("Date of Birth"), property_expression ("date-of-birth"), FALSE);
  add_column (self, _("Nationality"), property_expression ("nationality"), FALSE);
  add_column (self, _("Document"), property_expression ("document-number"), FALSE);
  add_column (self, C_("aircraft seat", "Seat"), property_expression ("seat"), FALSE);
}

static void
update_count (TarmacFlightPage *self)
{
  guint total = g_list_model_get_n_items (G_LIST_MODEL (self->travellers));
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
  g_autofree char *text = NULL;

  if (self->needle == NULL)
    {
      text = g_strdup_printf (ngettext ("%u traveller", "%u travellers", total), total);
    }
  else
    {
      /* Translators: how many travellers match the filter, out of the flight's total */
      text = g_strdup_printf (ngettext ("%1$u of %2$u traveller", "%1$u of %2$u travellers",
                                        total),
                              shown, total);
    }

  gtk_label_set_label (self->count_label, text);

  if (shown > 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "travellers");
    }
  else if (total == 0)
    {
      adw_status_page_set_title (self->empty_page, _("No Travellers Listed"));
      adw_status_page_set_description (self->empty_page,
                                       _("The manifest of this flight lists no passengers "
                                         "or crew."));
      gtk_stack_set_visible_child_name (self->stack, "empty");
    }
  else
    {
      const char *typed = gtk_editable_get_text (GTK_EDITABLE (self->filter_entry));
      g_autofree char *description = NULL;

      /* Translators: %s is what the officer typed in the filter */
      description = g_markup_printf_escaped (_("No traveller on this flight matches “%s”. "
                                               "Names, document numbers and nationalities "
                                               "are searched."),
                                             typed);
      adw_status_page_set_title (self->empty_page, _("No Matching Travellers"));
      adw_status_page_set_description (self->empty_page, description);
      gtk_stack_set_visible_child_name (self->stack, "empty");
    }

  tarmac_page_set_empty (TARMAC_PAGE (self), total == 0);
}

static void
update_header (TarmacFlightPage *self)
{
  TarmacFlight *flight = self->flight;
  TarmacDirection direction = tarmac_flight_get_direction (flight);
  g_autofree char *route = tarmac_format_route (flight);
  g_autofree char *departs = tarmac_format_time (tarmac_flight_get_scheduled_departure (flight));
  g_autofree char *arrives = tarmac_format_time (tarmac_flight_get_scheduled_arrival (flight));
  g_autofree char *day = tarmac_format_day_long (tarmac_flight_get_flight_date (flight));
  g_autoptr(GString) details = g_string_new (route);

  for (guint i = 0; i < G_N_ELEMENTS (direction_classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->direction_image), direction_classes[i]);
  if (direction < G_N_ELEMENTS (direction_classes))
    gtk_widget_add_css_class (GTK_WIDGET (self->direction_image), direction_classes[direction]);

  gtk_image_set_from_icon_name (self->direction_image, tarmac_format_direction_icon (direction));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->direction_image),
                               tarmac_format_direction_label (direction));
  gtk_label_set_label (self->designator_label, tarmac_flight_get_designator (flight));
  /* The action is named with its target: a button naming it without one is refused. */
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->note_button), "(ss)", "flight",
                                    tarmac_flight_get_designator (flight));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->note_button), "win.send-note-about");

  /* Each part is a complete phrase; the parts are joined like a list. */
  if (departs != NULL)
    {
      g_string_append (details, " · ");
      /* Translators: %s is a scheduled time of day, for example "08:10" */
      g_string_append_printf (details, _("Departs %s"), departs);
    }
  if (arrives != NULL)
    {
      g_string_append (details, " · ");
      /* Translators: %s is a scheduled time of day, for example "12:35" */
      g_string_append_printf (details, _("Arrives %s"), arrives);
    }
  /* A multi-part manifest that misses a part: the list below is not the whole flight. */
  if (!tarmac_flight_get_manifest_complete (flight))
    {
      g_auto(GStrv) parts = g_strsplit (tarmac_flight_get_manifest_parts (flight), ",", -1);
      g_autofree char *received = g_strjoinv (", ", parts);
      guint last = tarmac_flight_get_manifest_last_part (flight);

      g_string_append (details, " · ");
      if (last > 0)
        /* Translators: "Manifest incomplete (parts 1, 3 of 3)": the parts received */
        g_string_append_printf (details, _("Manifest incomplete (parts %s of %u)"),
                                received, last);
      else
        /* Translators: "Manifest incomplete (parts 1, 2 received; the last part has not
         * arrived)" */
        g_string_append_printf (details, _("Manifest incomplete (parts %s received; the "
                                           "last part has not arrived)"), received);
    }
  gtk_label_set_label (self->details_label, details->str);

  tarmac_page_set_title (TARMAC_PAGE (self), tarmac_flight_get_designator (flight));
  tarmac_page_set_subtitle (TARMAC_PAGE (self), day);
}

static void
load_travellers (TarmacFlightPage *self)
{
  TarmacStore *store = tarmac_page_get_store (TARMAC_PAGE (self));
  g_autoptr(GListModel) travellers = NULL;
  g_autoptr(GError) error = NULL;
  guint n_items;

  g_list_store_remove_all (self->travellers);

  if (store == NULL || self->flight == NULL)
    return;

  travellers = tarmac_store_list_flight_travellers (store, tarmac_flight_get_id (self->flight),
                                                    &error);
  if (travellers == NULL)
    {
      g_warning ("Could not list the travellers of flight %" G_GINT64_FORMAT ": %s",
                 tarmac_flight_get_id (self->flight), error->message);
      return;
    }

  n_items = g_list_model_get_n_items (travellers);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(GObject) traveller = g_list_model_get_item (travellers, i);

      g_list_store_append (self->travellers, traveller);
    }
}

static void
on_filter_changed_cb (TarmacFlightPage *self,
                      GtkSearchEntry   *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autofree char *needle = NULL;
  GtkFilterChange change = GTK_FILTER_CHANGE_DIFFERENT;

  needle = g_utf8_casefold (text, -1);
  g_strstrip (needle);

  if (*needle == '\0')
    g_clear_pointer (&needle, g_free);

  if (g_strcmp0 (needle, self->needle) == 0)
    return;

  if (self->needle == NULL)
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (needle == NULL)
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  else if (strstr (needle, self->needle) != NULL)
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (strstr (self->needle, needle) != NULL)
    change = GTK_FILTER_CHANGE_LESS_STRICT;

  g_free (self->needle);
  self->needle = g_steal_pointer (&needle);

  gtk_filter_changed (GTK_FILTER (self->filter), change);
}

static void
on_filtered_items_changed_cb (TarmacFlightPage *self,
                              guint             position,
                              guint             removed,
                              guint             added,
                              GListModel       *model)
{
  update_count (self);
}

/* A double click or Enter on a row opens the traveller's page. */
static void
on_traveller_activated_cb (TarmacFlightPage *self,
                           guint             position,
                           GtkColumnView    *column_view)
{
  g_autoptr(TarmacTraveller) traveller = NULL;

  traveller = g_list_model_get_item (G_LIST_MODEL (self->sort_model), position);
  if (traveller == NULL)
    return;

  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-traveller", "x",
                              tarmac_traveller_get_id (traveller));
}

static void
on_stop_search_cb (TarmacFlightPage *self,
                   GtkSearchEntry   *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

static void
tarmac_flight_page_dispose (GObject *object)
{
  TarmacFlightPage *self = (TarmacFlightPage *)object;

  if (self->filter_model != NULL)
    g_signal_handlers_disconnect_by_data (self->filter_model, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), TARMAC_TYPE_FLIGHT_PAGE);

  g_clear_object (&self->sort_model);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->filter);
  g_clear_object (&self->travellers);
  g_clear_object (&self->flight);

  G_OBJECT_CLASS (tarmac_flight_page_parent_class)->dispose (object);
}

static void
tarmac_flight_page_finalize (GObject *object)
{
  TarmacFlightPage *self = (TarmacFlightPage *)object;

  g_clear_pointer (&self->needle, g_free);

  G_OBJECT_CLASS (tarmac_flight_page_parent_class)->finalize (object);
}

static void
tarmac_flight_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  TarmacFlightPage *self = TARMAC_FLIGHT_PAGE (object);

  switch (prop_id)
    {
    case PROP_FLIGHT:
      g_value_set_object (value, tarmac_flight_page_get_flight (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tarmac_flight_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  TarmacFlightPage *self = TARMAC_FLIGHT_PAGE (object);

  switch (prop_id)
    {
    case PROP_FLIGHT:
      tarmac_flight_page_set_flight (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tarmac_flight_page_class_init (TarmacFlightPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tarmac_flight_page_dispose;
  object_class->finalize = tarmac_flight_page_finalize;
  object_class->get_property = tarmac_flight_page_get_property;
  object_class->set_property = tarmac_flight_page_set_property;

  properties[PROP_FLIGHT] =
    g_param_spec_object ("flight", NULL, NULL,
                         TARMAC_TYPE_FLIGHT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/jaitf/Tarmac/tarmac-flight-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TarmacFlightPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, TarmacFlightPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, TarmacFlightPage, designator_label);
  gtk_widget_class_bind_template_child (widget_class, TarmacFlightPage, note_button);
  gtk_widget_class_bind_template_child (widget_class, TarmacFlightPage, details_label);
  gtk_widget_class_bind_template_child (widget_class, TarmacFlightPage, direction_image);
  gtk_widget_class_bind_template_child (widget_class, TarmacFlightPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, TarmacFlightPage, filter_entry);
  gtk_widget_class_bind_template_child (widget_class, TarmacFlightPage, seizure_button);
  gtk_widget_class_bind_template_child (widget_class, TarmacFlightPage, stack);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_traveller_activated_cb);
}

static void
tarmac_flight_page_init (TarmacFlightPage *self)
{
  g_autoptr(GtkSingleSelection) selection = NULL;
  GtkSorter *sorter;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* The target names what the form starts from; set before the action, which checks it. */
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->seizure_button), "(xxx)",
                                    (gint64) 0, (gint64) 0, (gint64) 0);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->seizure_button), "win.record-seizure");

  self->travellers = g_list_store_new (TARMAC_TYPE_TRAVELLER);
  self->filter = gtk_custom_filter_new (filter_traveller_cb, self, NULL);
  self->filter_model = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->travellers)),
                                                  g_object_ref (GTK_FILTER (self->filter)));
  g_signal_connect_object (self->filter_model, "items-changed",
                           G_CALLBACK (on_filtered_items_changed_cb),
                           self, G_CONNECT_SWAPPED);

  add_columns (self);

  sorter = gtk_column_view_get_sorter (self->column_view);
  self->sort_model = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->filter_model)),
                                              g_object_ref (sorter));
  selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->sort_model)));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));

  gtk_search_entry_set_key_capture_widget (self->filter_entry, GTK_WIDGET (self));
}

TarmacFlight *
tarmac_flight_page_get_flight (TarmacFlightPage *self)
{
  g_return_val_if_fail (TARMAC_IS_FLIGHT_PAGE (self), NULL);

  return self->flight;
}

/**
 * tarmac_flight_page_set_flight:
 * @self: a flight page
 * @flight: (nullable): the flight to show
 *
 * Shows @flight and reads its travellers and crew from the store. Clears the filter.
 */
void
tarmac_flight_page_set_flight (TarmacFlightPage *self,
                               TarmacFlight     *flight)
{
  g_return_if_fail (TARMAC_IS_FLIGHT_PAGE (self));
  g_return_if_fail (flight == NULL || TARMAC_IS_FLIGHT (flight));

  if (!g_set_object (&self->flight, flight))
    return;

  gtk_editable_set_text (GTK_EDITABLE (self->filter_entry), "");

  if (flight != NULL)
    {
      update_header (self);
      gtk_actionable_set_action_target (GTK_ACTIONABLE (self->seizure_button), "(xxx)", (gint64) 0,
                                        (gint64) 0, tarmac_flight_get_id (flight));
    }
  gtk_widget_set_sensitive (self->seizure_button, flight != NULL);

  load_travellers (self);
  update_count (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FLIGHT]);
}

/**
 * tarmac_flight_page_set_filter:
 * @self: a flight page
 * @text: (nullable): what to look for in names, document numbers and nationalities
 *
 * Filters the table, as if the officer had typed @text.
 */
void
tarmac_flight_page_set_filter (TarmacFlightPage *self,
                               const char       *text)
{
  g_return_if_fail (TARMAC_IS_FLIGHT_PAGE (self));

  gtk_editable_set_text (GTK_EDITABLE (self->filter_entry), text != NULL ? text : "");
  on_filter_changed_cb (self, self->filter_entry);
}

/**
 * tarmac_flight_page_get_travellers:
 * @self: a flight page
 *
 * Returns: (transfer none): the travellers shown, filtered and sorted as in the table
 */
GListModel *
tarmac_flight_page_get_travellers (TarmacFlightPage *self)
{
  g_return_val_if_fail (TARMAC_IS_FLIGHT_PAGE (self), NULL);

  return G_LIST_MODEL (self->sort_model);
}
