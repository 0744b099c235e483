/* tarmac-pnr-segment.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-pnr-segment"

#include "config.h"

#include "tarmac-pnr-segment.h"

/* One flight of a booking's itinerary. Times are as the PNR gives them. */

struct _TarmacPnrSegment
{
  GObject  parent_instance;

  int      seq;
  char    *carrier;
  char    *number;
  char    *flight_date;
  char    *origin;
  char    *destination;
  char    *departure;
  char    *arrival;
  char    *status;
};

G_DEFINE_FINAL_TYPE (TarmacPnrSegment, tarmac_pnr_segment, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SEQ,
  PROP_CARRIER,
  PROP_NUMBER,
  PROP_FLIGHT_DATE,
  PROP_ORIGIN,
  PROP_DESTINATION,
  PROP_DEPARTURE,
  PROP_ARRIVAL,
  PROP_STATUS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
tarmac_pnr_segment_finalize (GObject *object)
{
  TarmacPnrSegment *self = (TarmacPnrSegment *)object;

  g_clear_pointer (&self->carrier, g_free);
  g_clear_pointer (&self->number, g_free);
  g_clear_pointer (&self->flight_date, g_free);
  g_clear_pointer (&self->origin, g_free);
  g_clear_pointer (&self->destination, g_free);
  g_clear_pointer (&self->departure, g_free);
  g_clear_pointer (&self->arrival, g_free);
  g_clear_pointer (&self->status, g_free);

  G_OBJECT_CLASS (tarmac_pnr_segment_parent_class)->finalize (object);
}

static void
tarmac_pnr_segment_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  TarmacPnrSegment *self = TARMAC_PNR_SEGMENT (object);

  switch (prop_id)
    {
    case PROP_SEQ:
      g_value_set_int (value, self->seq);
      break;

    case PROP_CARRIER:
      g_value_set_string (value, self->carrier);
      break;

    case PROP_NUMBER:
      g_value_set_string (value, self->number);
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

    case PROP_DEPARTURE:
      g_value_set_string (value, self->departure);
      break;

    case PROP_ARRIVAL:
      g_value_set_string (value, self->arrival);
      break;

    case PROP_STATUS:
      g_value_set_string (value, self->status);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tarmac_pnr_segment_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  TarmacPnrSegment *self = TARMAC_PNR_SEGMENT (object);

  switch (prop_id)
    {
    case PROP_SEQ:
      self->seq = g_value_get_int (value);
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

    case PROP_DEPARTURE:
      self->departure = g_value_dup_string (value);
      break;

    case PROP_ARRIVAL:
      self->arrival = g_value_dup_string (value);
      break;

    case PROP_STATUS:
      self->status = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tarmac_pnr_segment_class_init (TarmacPnrSegmentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags construct_flags = (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                       G_PARAM_STATIC_STRINGS);

  object_class->finalize = tarmac_pnr_segment_finalize;
  object_class->get_property = tarmac_pnr_segment_get_property;
  object_class->set_property = tarmac_pnr_segment_set_property;

  properties[PROP_SEQ] =
    g_param_spec_int ("seq", NULL, NULL, 1, G_MAXINT, 1, construct_flags);
  properties[PROP_CARRIER] =
    g_param_spec_string ("carrier", NULL, NULL, NULL, construct_flags);
  properties[PROP_NUMBER] =
    g_param_spec_string ("number", NULL, NULL, NULL, construct_flags);
  properties[PROP_FLIGHT_DATE] =
    g_param_spec_string ("flight-date", NULL, NULL, NULL, construct_flags);
  properties[PROP_ORIGIN] =
    g_param_spec_string ("origin", NULL, NULL, NULL, construct_flags);
  properties[PROP_DESTINATION] =
    g_param_spec_string ("destination", NULL, NULL, NULL, construct_flags);
  properties[PROP_DEPARTURE] =
    g_param_spec_string ("departure", NULL, NULL, NULL, construct_flags);
  properties[PROP_ARRIVAL] =
    g_param_spec_string ("arrival", NULL, NULL, NULL, construct_flags);
  properties[PROP_STATUS] =
    g_param_spec_string ("status", NULL, NULL, NULL, construct_flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tarmac_pnr_segment_init (TarmacPnrSegment *self)
{
}

int
tarmac_pnr_segment_get_seq (TarmacPnrSegment *self)
{
  g_return_val_if_fail (TARMAC_IS_PNR_SEGMENT (self), 1);
  return self->seq;
}

const char *
tarmac_pnr_segment_get_carrier (TarmacPnrSegment *self)
{
  g_return_val_if_fail (TARMAC_IS_PNR_SEGMENT (self), NULL);
  return self->carrier;
}

const char *
tarmac_pnr_segment_get_number (TarmacPnrSegment *self)
{
  g_return_val_if_fail (TARMAC_IS_PNR_SEGMENT (self), NULL);
  return self->number;
}

const char *
tarmac_pnr_segment_get_flight_date (TarmacPnrSegment *self)
{
  g_return_val_if_fail (TARMAC_IS_PNR_SEGMENT (self), NULL);
  return self->flight_date;
}

const char *
tarmac_pnr_segment_get_origin (TarmacPnrSegment *self)
{
  g_return_val_if_fail (TARMAC_IS_PNR_SEGMENT (self), NULL);
  return self->origin;
}

const char *
tarmac_pnr_segment_get_destination (TarmacPnrSegment *self)
{
  g_return_val_if_fail (TARMAC_IS_PNR_SEGMENT (self), NULL);
  return self->destination;
}

const char *
tarmac_pnr_segment_get_departure (TarmacPnrSegment *self)
{
  g_return_val_if_fail (TARMAC_IS_PNR_SEGMENT (self), NULL);
  return self->departure;
}

const char *
tarmac_pnr_segment_get_arrival (TarmacPnrSegment *self)
{
  g_return_val_if_fail (TARMAC_IS_PNR_SEGMENT (self), NULL);
  return self->arrival;
}

const char *
tarmac_pnr_segment_get_status (TarmacPnrSegment *self)
{
  g_return_val_if_fail (TARMAC_IS_PNR_SEGMENT (self), NULL);
  return self->status;
}
