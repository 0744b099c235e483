/* tarmac-seizure-leg.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-seizure"

#include "config.h"

#include <math.h>

#include "tarmac-seizure-leg.h"

/* One leg of a seizure's route: the route is an ordered list (research/seizures.md §0.4). */
struct _TarmacSeizureLeg
{
  GObject parent_instance;

  int seq;
  char *role;
  char *country;
  char *airport;
};

G_DEFINE_FINAL_TYPE (TarmacSeizureLeg, tarmac_seizure_leg, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SEQ,
  PROP_ROLE,
  PROP_COUNTRY,
  PROP_AIRPORT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
tarmac_seizure_leg_finalize (GObject *object)
{
  TarmacSeizureLeg *self = (TarmacSeizureLeg *)object;

  g_clear_pointer (&self->role, g_free);
  g_clear_pointer (&self->country, g_free);
  g_clear_pointer (&self->airport, g_free);

  G_OBJECT_CLASS (tarmac_seizure_leg_parent_class)->finalize (object);
}

static void
tarmac_seizure_leg_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  TarmacSeizureLeg *self = TARMAC_SEIZURE_LEG (object);

  switch (prop_id)
    {
    case PROP_SEQ:
      g_value_set_int (value, self->seq);
      break;

    case PROP_ROLE:
      g_value_set_string (value, self->role);
      break;

    case PROP_COUNTRY:
      g_value_set_string (value, self->country);
      break;

    case PROP_AIRPORT:
      g_value_set_string (value, self->airport);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tarmac_seizure_leg_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  TarmacSeizureLeg *self = TARMAC_SEIZURE_LEG (object);

  switch (prop_id)
    {
    case PROP_SEQ:
      tarmac_seizure_leg_set_seq (self, g_value_get_int (value));
      break;

    case PROP_ROLE:
      tarmac_seizure_leg_set_role (self, g_value_get_string (value));
      break;

    case PROP_COUNTRY:
      tarmac_seizure_leg_set_country (self, g_value_get_string (value));
      break;

    case PROP_AIRPORT:
      tarmac_seizure_leg_set_airport (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tarmac_seizure_leg_class_init (TarmacSeizureLegClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tarmac_seizure_leg_finalize;
  object_class->get_property = tarmac_seizure_leg_get_property;
  object_class->set_property = tarmac_seizure_leg_set_property;

  /* 1-based order */
  properties[PROP_SEQ] =
    g_param_spec_int ("seq", NULL, NULL, 0, G_MAXINT, 0,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* ORIGIN, DEPARTURE, TRANSIT, DESTINATION or FINAL_DEST */
  properties[PROP_ROLE] =
    g_param_spec_string ("role", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* ISO 3166-1 alpha-2 */
  properties[PROP_COUNTRY] =
    g_param_spec_string ("country", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* IATA code, optional */
  properties[PROP_AIRPORT] =
    g_param_spec_string ("airport", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tarmac_seizure_leg_init (TarmacSeizureLeg *self)
{
}

TarmacSeizureLeg *
tarmac_seizure_leg_new (void)
{
  return g_object_new (TARMAC_TYPE_SEIZURE_LEG, NULL);
}

int
tarmac_seizure_leg_get_seq (TarmacSeizureLeg *self)
{
  g_return_val_if_fail (TARMAC_IS_SEIZURE_LEG (self), 0);

  return self->seq;
}

void
tarmac_seizure_leg_set_seq (TarmacSeizureLeg *self,
                           int seq)
{
  g_return_if_fail (TARMAC_IS_SEIZURE_LEG (self));

  if (self->seq == seq)
    return;

  self->seq = seq;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEQ]);
}

const char *
tarmac_seizure_leg_get_role (TarmacSeizureLeg *self)
{
  g_return_val_if_fail (TARMAC_IS_SEIZURE_LEG (self), NULL);

  return self->role;
}

void
tarmac_seizure_leg_set_role (TarmacSeizureLeg *self,
                            const char *role)
{
  g_return_if_fail (TARMAC_IS_SEIZURE_LEG (self));

  if (g_strcmp0 (self->role, role) == 0)
    return;

  g_free (self->role);
  self->role = g_strdup (role);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROLE]);
}

const char *
tarmac_seizure_leg_get_country (TarmacSeizureLeg *self)
{
  g_return_val_if_fail (TARMAC_IS_SEIZURE_LEG (self), NULL);

  return self->country;
}

void
tarmac_seizure_leg_set_country (TarmacSeizureLeg *self,
                               const char *country)
{
  g_return_if_fail (TARMAC_IS_SEIZURE_LEG (self));

  if (g_strcmp0 (self->country, country) == 0)
    return;

  g_free (self->country);
  self->country = g_strdup (country);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNTRY]);
}

const char *
tarmac_seizure_leg_get_airport (TarmacSeizureLeg *self)
{
  g_return_val_if_fail (TARMAC_IS_SEIZURE_LEG (self), NULL);

  return self->airport;
}

void
tarmac_seizure_leg_set_airport (TarmacSeizureLeg *self,
                               const char *airport)
{
  g_return_if_fail (TARMAC_IS_SEIZURE_LEG (self));

  if (g_strcmp0 (self->airport, airport) == 0)
    return;

  g_free (self->airport);
  self->airport = g_strdup (airport);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AIRPORT]);
}
