/* tarmac-co-traveller.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-co-traveller"

#include "config.h"

#include "tarmac-co-traveller.h"
#include "tarmac-enums.h"

/* Another traveller linked to the one on the traveller page, and why: booked together,
 * the same booking reference on the same flight, or a contact in common (detail holds
 * the shared value). */

struct _TarmacCoTraveller
{
  GObject                  parent_instance;

  gint64                   traveller_id;
  char                    *full_name;
  char                    *flight_label;
  TarmacCoTravellerReason  reason;
  char                    *detail;
  gboolean                 masked;
};

G_DEFINE_FINAL_TYPE (TarmacCoTraveller, tarmac_co_traveller, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TRAVELLER_ID,
  PROP_FULL_NAME,
  PROP_FLIGHT_LABEL,
  PROP_REASON,
  PROP_DETAIL,
  PROP_MASKED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
tarmac_co_traveller_finalize (GObject *object)
{
  TarmacCoTraveller *self = (TarmacCoTraveller *)object;

  g_clear_pointer (&self->full_name, g_free);
  g_clear_pointer (&self->flight_label, g_free);
  g_clear_pointer (&self->detail, g_free);

  G_OBJECT_CLASS (tarmac_co_traveller_parent_class)->finalize (object);
}

static void
tarmac_co_traveller_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  TarmacCoTraveller *self = TARMAC_CO_TRAVELLER (object);

  switch (prop_id)
    {
    case PROP_TRAVELLER_ID:
      g_value_set_int64 (value, self->traveller_id);
      break;

    case PROP_FULL_NAME:
      g_value_set_string (value, self->full_name);
      break;

    case PROP_FLIGHT_LABEL:
      g_value_set_string (value, self->flight_label);
      break;

    case PROP_REASON:
      g_value_set_enum (value, self->reason);
      break;

    case PROP_DETAIL:
      g_value_set_string (value, self->detail);
      break;

    case PROP_MASKED:
      g_value_set_boolean (value, self->masked);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tarmac_co_traveller_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  TarmacCoTraveller *self = TARMAC_CO_TRAVELLER (object);

  switch (prop_id)
    {
    case PROP_TRAVELLER_ID:
      self->traveller_id = g_value_get_int64 (value);
      break;

    case PROP_FULL_NAME:
      self->full_name = g_value_dup_string (value);
      break;

    case PROP_FLIGHT_LABEL:
      self->flight_label = g_value_dup_string (value);
      break;

    case PROP_REASON:
      self->reason = g_value_get_enum (value);
      break;

    case PROP_DETAIL:
      self->detail = g_value_dup_string (value);
      break;

    case PROP_MASKED:
      self->masked = g_value_get_boolean (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tarmac_co_traveller_class_init (TarmacCoTravellerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags construct_flags = (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                       G_PARAM_STATIC_STRINGS);

  object_class->finalize = tarmac_co_traveller_finalize;
  object_class->get_property = tarmac_co_traveller_get_property;
  object_class->set_property = tarmac_co_traveller_set_property;

  properties[PROP_TRAVELLER_ID] =
    g_param_spec_int64 ("traveller-id", NULL, NULL, 0, G_MAXINT64, 0, construct_flags);
  properties[PROP_FULL_NAME] =
    g_param_spec_string ("full-name", NULL, NULL, NULL, construct_flags);
  properties[PROP_FLIGHT_LABEL] =
    g_param_spec_string ("flight-label", NULL, NULL, NULL, construct_flags);
  properties[PROP_REASON] =
    g_param_spec_enum ("reason", NULL, NULL,
                       TARMAC_TYPE_CO_TRAVELLER_REASON, TARMAC_CO_TRAVELLER_SAME_BOOKING,
                       construct_flags);
  properties[PROP_DETAIL] =
    g_param_spec_string ("detail", NULL, NULL, NULL, construct_flags);
  properties[PROP_MASKED] =
    g_param_spec_boolean ("masked", NULL, NULL, FALSE, construct_flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tarmac_co_traveller_init (TarmacCoTraveller *self)
{
}

gint64
tarmac_co_traveller_get_traveller_id (TarmacCoTraveller *self)
{
  g_return_val_if_fail (TARMAC_IS_CO_TRAVELLER (self), 0);
  return self->traveller_id;
}

const char *
tarmac_co_traveller_get_full_name (TarmacCoTraveller *self)
{
  g_return_val_if_fail (TARMAC_IS_CO_TRAVELLER (self), NULL);
  return self->full_name;
}

const char *
tarmac_co_traveller_get_flight_label (TarmacCoTraveller *self)
{
  g_return_val_if_fail (TARMAC_IS_CO_TRAVELLER (self), NULL);
  return self->flight_label;
}

TarmacCoTravellerReason
tarmac_co_traveller_get_reason (TarmacCoTraveller *self)
{
  g_return_val_if_fail (TARMAC_IS_CO_TRAVELLER (self), TARMAC_CO_TRAVELLER_SAME_BOOKING);
  return self->reason;
}

const char *
tarmac_co_traveller_get_detail (TarmacCoTraveller *self)
{
  g_return_val_if_fail (TARMAC_IS_CO_TRAVELLER (self), NULL);
  return self->detail;
}

gboolean
tarmac_co_traveller_get_masked (TarmacCoTraveller *self)
{
  g_return_val_if_fail (TARMAC_IS_CO_TRAVELLER (self), FALSE);
  return self->masked;
}
