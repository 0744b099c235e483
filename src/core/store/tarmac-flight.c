/* tarmac-flight.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-flight"

#include "config.h"

#include "tarmac-enums.h"
#include "tarmac-flight.h"

/* A flight as the pages list it: immutable, built by the store from one row. */
struct _TarmacFlight
{
  GObject          parent_instance;

  gint64           id;
  char            *carrier;
  char            *number;
  char            *designator;
  char            *flight_date;
  char            *origin;
  char            *destination;
  char            *scheduled_departure;
  char            *scheduled_arrival;
  TarmacDirection  direction;
  guint            passenger_count;
  guint            crew_count;
  guint            open_hit_count;
  char            *manifest_parts;
  guint            manifest_last_part;
};

G_DEFINE_FINAL_TYPE (TarmacFlight, tarmac_flight, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CARRIER,
  PROP_NUMBER,
  PROP_DESIGNATOR,
  PROP_FLIGHT_DATE,
  PROP_ORIGIN,
  PROP_DESTINATION,
  PROP_SCHEDULED_DEPARTURE,
  PROP_SCHEDULED_ARRIVAL,
  PROP_DIRECTION,
  PROP_PASSENGER_COUNT,
  PROP_CREW_COUNT,
  PROP_OPEN_HIT_COUNT,
  PROP_MANIFEST_PARTS,
  PROP_MANIFEST_LAST_PART,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
tarmac_flight_constructed (GObject *object)
{
  TarmacFlight *self = (TarmacFlight *)object;

  G_OBJECT_CLASS (tarmac_flight_parent_class)->constructed (object);

  self->designator = g_strdup_printf ("%s %s",
                                      self->carrier ? self->carrier : "",
                                      self->number ? self->number : "");
}

static void
tarmac_flight_finalize (GObject *object)
{
  TarmacFlight *self = (TarmacFlight *)object;

  g_clear_pointer (&self->carrier, g_free);
  g_clear_pointer (&self->number, g_free);
  g_clear_pointer (&self->designator, g_free);
  g_clear_pointer (&self->flight_date, g_free);
  g_clear_pointer (&self->origin, g_free);
  g_clear_pointer (&self->destination, g_free);
  g_clear_pointer (&self->scheduled_departure, g_free);
  g_clear_pointer (&self->scheduled_arrival, g_free);
  g_clear_pointer (&self->manifest_parts, g_free);

  G_OBJECT_CLASS (tarmac_flight_parent_class)->finalize (object);
}

static void
tarmac_flight_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  TarmacFlight *self = TARMAC_FLIGHT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_CARRIER:
      g_value_set_string (value, self->carrier);
      break;

    case PROP_NUMBER:
      g_value_set_string (value, self->number);
      break;

    case PROP_DESIGNATOR:
      g_value_set_string (value, self->designator);
      break;

    case PROP_FLIGHT_DATE:
      g_value_set_string (value, self->flight_date);
      break;

    case PROP_ORIGIN:
      g_value_set_string (value, self->origin);
      break;

    case PROP_DESTINATION:
      g_value_set_string (value, self->destination);
      break;

    case PROP_SCHEDULED_DEPARTURE:
      g_value_set_string (value, self->scheduled_departure);
      break;

    case PROP_SCHEDULED_ARRIVAL:
      g_value_set_string (value, self->scheduled_arrival);
      break;

    case PROP_DIRECTION:
      g_value_set_enum (value, self->direction);
      break;

    case PROP_PASSENGER_COUNT:
      g_value_set_uint (value, self->passenger_count);
      break;

    case PROP_CREW_COUNT:
      g_value_set_uint (value, self->crew_count);
      break;

    case PROP_OPEN_HIT_COUNT:
      g_value_set_uint (value, self->open_hit_count);
      break;

    case PROP_MANIFEST_PARTS:
      g_value_set_string (value, self->manifest_parts);
      break;

    case PROP_MANIFEST_LAST_PART:
      g_value_set_uint (value, self->manifest_last_part);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tarmac_flight_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  TarmacFlight *self = TARMAC_FLIGHT (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;

    case PROP_CARRIER:
      self->carrier = g_value_dup_string (value);
      break;

    case PROP_NUMBER:
      self->number = g_value_dup_string (value);
      break;

    case PROP_FLIGHT_DATE:
      self->flight_date = g_value_dup_string (value);
      break;

    case PROP_ORIGIN:
      self->origin = g_value_dup_string (value);
      break;

    case PROP_DESTINATION:
      self->destination = g_value_dup_string (value);
      break;

    case PROP_SCHEDULED_DEPARTURE:
      self->scheduled_departure = g_value_dup_string (value);
      break;

    case PROP_SCHEDULED_ARRIVAL:
      self->scheduled_arrival = g_value_dup_string (value);
      break;

    case PROP_DIRECTION:
      self->direction = g_value_get_enum (value);
      break;

    case PROP_PASSENGER_COUNT:
      self->passenger_count = g_value_get_uint (value);
      break;

    case PROP_CREW_COUNT:
      self->crew_count = g_value_get_uint (value);
      break;

    case PROP_OPEN_HIT_COUNT:
      self->open_hit_count = g_value_get_uint (value);
      break;

    case PROP_MANIFEST_PARTS:
      self->manifest_parts = g_value_dup_string (value);
      break;

    case PROP_MANIFEST_LAST_PART:
      self->manifest_last_part = g_value_get_uint (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
string_property (const char *name)
{
  return g_param_spec_string (name, NULL, NULL, NULL,
                              (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                               G_PARAM_STATIC_STRINGS));
}

static GParamSpec *
count_property (const char *name)
{
  return g_param_spec_uint (name, NULL, NULL, 0, G_MAXUINT, 0,
                            (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                             G_PARAM_STATIC_STRINGS));
}

static void
tarmac_flight_class_init (TarmacFlightClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = tarmac_flight_constructed;
  object_class->finalize = tarmac_flight_finalize;
  object_class->get_property = tarmac_flight_get_property;
  object_class->set_property = tarmac_flight_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CARRIER] = string_property ("carrier");
  properties[PROP_NUMBER] = string_property ("number");
  properties[PROP_DESIGNATOR] =
    g_param_spec_string ("designator", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_FLIGHT_DATE] = string_property ("flight-date");
  properties[PROP_ORIGIN] = string_property ("origin");
  properties[PROP_DESTINATION] = string_property ("destination");
  properties[PROP_SCHEDULED_DEPARTURE] = string_property ("scheduled-departure");
  properties[PROP_SCHEDULED_ARRIVAL] = string_property ("scheduled-arrival");
  properties[PROP_DIRECTION] =
    g_param_spec_enum ("direction", NULL, NULL,
                       TARMAC_TYPE_DIRECTION, TARMAC_DIRECTION_INBOUND,
                       (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_PASSENGER_COUNT] = count_property ("passenger-count");
  properties[PROP_CREW_COUNT] = count_property ("crew-count");
  properties[PROP_OPEN_HIT_COUNT] = count_property ("open-hit-count");
  /* An incomplete multi-part manifest: the parts received ("1,3") and the number of the
   * last part (0 while it has not arrived). NULL parts means every set is complete. */
  properties[PROP_MANIFEST_PARTS] = string_property ("manifest-parts");
  properties[PROP_MANIFEST_LAST_PART] = count_property ("manifest-last-part");

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tarmac_flight_init (TarmacFlight *self)
{
}

gint64
tarmac_flight_get_id (TarmacFlight *self)
{
  g_return_val_if_fail (TARMAC_IS_FLIGHT (self), 0);
  return self->id;
}

const char *
tarmac_flight_get_carrier (TarmacFlight *self)
{
  g_return_val_if_fail (TARMAC_IS_FLIGHT (self), NULL);
  return self->carrier;
}

const char *
tarmac_flight_get_number (TarmacFlight *self)
{
  g_return_val_if_fail (TARMAC_IS_FLIGHT (self), NULL);
  return self->number;
}

const char *
tarmac_flight_get_designator (TarmacFlight *self)
{
  g_return_val_if_fail (TARMAC_IS_FLIGHT (self), NULL);
  return self->designator;
}

const char *
tarmac_flight_get_flight_date (TarmacFlight *self)
{
  g_return_val_if_fail (TARMAC_IS_FLIGHT (self), NULL);
  return self->flight_date;
}

const char *
tarmac_flight_get_origin (TarmacFlight *self)
{
  g_return_val_if_fail (TARMAC_IS_FLIGHT (self), NULL);
  return self->origin;
}

const char *
tarmac_flight_get_destination (TarmacFlight *self)
{
  g_return_val_if_fail (TARMAC_IS_FLIGHT (self), NULL);
  return self->destination;
}

const char *
tarmac_flight_get_scheduled_departure (TarmacFlight *self)
{
  g_return_val_if_fail (TARMAC_IS_FLIGHT (self), NULL);
  return self->scheduled_departure;
}

const char *
tarmac_flight_get_scheduled_arrival (TarmacFlight *self)
{
  g_return_val_if_fail (TARMAC_IS_FLIGHT (self), NULL);
  return self->scheduled_arrival;
}

TarmacDirection
tarmac_flight_get_direction (TarmacFlight *self)
{
  g_return_val_if_fail (TARMAC_IS_FLIGHT (self), TARMAC_DIRECTION_INBOUND);
  return self->direction;
}

guint
tarmac_flight_get_passenger_count (TarmacFlight *self)
{
  g_return_val_if_fail (TARMAC_IS_FLIGHT (self), 0);
  return self->passenger_count;
}

guint
tarmac_flight_get_crew_count (TarmacFlight *self)
{
  g_return_val_if_fail (TARMAC_IS_FLIGHT (self), 0);
  return self->crew_count;
}

guint
tarmac_flight_get_open_hit_count (TarmacFlight *self)
{
  g_return_val_if_fail (TARMAC_IS_FLIGHT (self), 0);
  return self->open_hit_count;
}

/**
 * tarmac_flight_get_manifest_complete:
 * @self: a #TarmacFlight
 *
 * Returns: %FALSE while a multi-part manifest of this flight misses a part
 */
gboolean
tarmac_flight_get_manifest_complete (TarmacFlight *self)
{
  g_return_val_if_fail (TARMAC_IS_FLIGHT (self), TRUE);
  return self->manifest_parts == NULL;
}

/**
 * tarmac_flight_get_manifest_parts:
 * @self: a #TarmacFlight
 *
 * Returns: (nullable): the parts received of an incomplete manifest, "1,3"; %NULL when
 *   complete
 */
const char *
tarmac_flight_get_manifest_parts (TarmacFlight *self)
{
  g_return_val_if_fail (TARMAC_IS_FLIGHT (self), NULL);
  return self->manifest_parts;
}

/**
 * tarmac_flight_get_manifest_last_part:
 * @self: a #TarmacFlight
 *
 * Returns: the number of parts of an incomplete manifest, 0 while its last part is unknown
 */
guint
tarmac_flight_get_manifest_last_part (TarmacFlight *self)
{
  g_return_val_if_fail (TARMAC_IS_FLIGHT (self), 0);
  return self->manifest_last_part;
}
