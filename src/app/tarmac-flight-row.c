/* tarmac-flight-row.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-flight-row"

#include "config.h"

#include <glib/gi18n.h>

#include "tarmac-flight-row.h"
#include "tarmac-format.h"

/* One flight in a boxed list (Today and Flights): direction, time, designator and route,
 * open hits, and how many passengers and crew are on board. */
struct _TarmacFlightRow
{
  GtkListBoxRow  parent_instance;

  /* Template widgets */
  GtkImage      *direction_image;
  GtkLabel      *time_label;
  GtkLabel      *designator_label;
  GtkLabel      *route_label;
  GtkLabel      *hits_label;
  GtkLabel      *passengers_label;
  GtkLabel      *crew_label;

  /* Owned references */
  TarmacFlight  *flight;
};

G_DEFINE_FINAL_TYPE (TarmacFlightRow, tarmac_flight_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  PROP_0,
  PROP_FLIGHT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *direction_classes[] = { "inbound", "outbound", "transit" };

static void
update_row (TarmacFlightRow *self)
{
  TarmacFlight *flight = self->flight;
  TarmacDirection direction = tarmac_flight_get_direction (flight);
  guint hits = tarmac_flight_get_open_hit_count (flight);
  guint passengers = tarmac_flight_get_passenger_count (flight);
  guint crew = tarmac_flight_get_crew_count (flight);
  g_autofree char *time = tarmac_format_time (tarmac_format_flight_time (flight));
  g_autofree char *route = tarmac_format_route (flight);
  g_autofree char *hits_text = NULL;
  g_autofree char *passengers_text = NULL;
  g_autofree char *crew_text = NULL;
  g_autofree char *accessible_label = NULL;

  gtk_image_set_from_icon_name (self->direction_image, tarmac_format_direction_icon (direction));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->direction_image),
                               tarmac_format_direction_label (direction));
  if (direction < G_N_ELEMENTS (direction_classes))
    gtk_widget_add_css_class (GTK_WIDGET (self->direction_image), direction_classes[direction]);

  /* Translators: shown instead of a time when the manifest gave none */
  gtk_label_set_label (self->time_label, time != NULL ? time : C_("time", "—"));
  gtk_label_set_label (self->designator_label, tarmac_flight_get_designator (flight));
  gtk_label_set_label (self->route_label, route);

  hits_text = g_strdup_printf (ngettext ("%u hit", "%u hits", hits), hits);
  gtk_label_set_label (self->hits_label, hits_text);
  gtk_widget_set_visible (GTK_WIDGET (self->hits_label), hits > 0);

  passengers_text = g_strdup_printf (ngettext ("%u passenger", "%u passengers", passengers),
                                     passengers);
  gtk_label_set_label (self->passengers_label, passengers_text);

  crew_text = g_strdup_printf (ngettext ("%u crew member", "%u crew members", crew), crew);
  gtk_label_set_label (self->crew_label, crew_text);

  /* Translators: the accessible description of a flight row: designator, route, time */
  accessible_label = g_strdup_printf (_("%1$s, %2$s, %3$s"),
                                      tarmac_flight_get_designator (flight), route,
                                      gtk_label_get_label (self->time_label));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label,
                                  -1);
}

static void
tarmac_flight_row_constructed (GObject *object)
{
  TarmacFlightRow *self = (TarmacFlightRow *)object;

  G_OBJECT_CLASS (tarmac_flight_row_parent_class)->constructed (object);

  g_assert (TARMAC_IS_FLIGHT (self->flight));

  update_row (self);
}

static void
tarmac_flight_row_dispose (GObject *object)
{
  TarmacFlightRow *self = (TarmacFlightRow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), TARMAC_TYPE_FLIGHT_ROW);

  g_clear_object (&self->flight);

  G_OBJECT_CLASS (tarmac_flight_row_parent_class)->dispose (object);
}

static void
tarmac_flight_row_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  TarmacFlightRow *self = TARMAC_FLIGHT_ROW (object);

  switch (prop_id)
    {
    case PROP_FLIGHT:
      g_value_set_object (value, tarmac_flight_row_get_flight (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tarmac_flight_row_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  TarmacFlightRow *self = TARMAC_FLIGHT_ROW (object);

  switch (prop_id)
    {
    case PROP_FLIGHT:
      self->flight = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tarmac_flight_row_class_init (TarmacFlightRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = tarmac_flight_row_constructed;
  object_class->dispose = tarmac_flight_row_dispose;
  object_class->get_property = tarmac_flight_row_get_property;
  object_class->set_property = tarmac_flight_row_set_property;

  properties[PROP_FLIGHT] =
    g_param_spec_object ("flight", NULL, NULL,
                         TARMAC_TYPE_FLIGHT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/jaitf/Tarmac/tarmac-flight-row.ui");
  gtk_widget_class_bind_template_child (widget_class, TarmacFlightRow, crew_label);
  gtk_widget_class_bind_template_child (widget_class, TarmacFlightRow, designator_label);
  gtk_widget_class_bind_template_child (widget_class, TarmacFlightRow, direction_image);
  gtk_widget_class_bind_template_child (widget_class, TarmacFlightRow, hits_label);
  gtk_widget_class_bind_template_child (widget_class, TarmacFlightRow, passengers_label);
  gtk_widget_class_bind_template_child (widget_class, TarmacFlightRow, route_label);
  gtk_widget_class_bind_template_child (widget_class, TarmacFlightRow, time_label);
}

static void
tarmac_flight_row_init (TarmacFlightRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
tarmac_flight_row_new (TarmacFlight *flight)
{
  g_return_val_if_fail (TARMAC_IS_FLIGHT (flight), NULL);

  return g_object_new (TARMAC_TYPE_FLIGHT_ROW, "flight", flight, NULL);
}

TarmacFlight *
tarmac_flight_row_get_flight (TarmacFlightRow *self)
{
  g_return_val_if_fail (TARMAC_IS_FLIGHT_ROW (self), NULL);

  return self->flight;
}
