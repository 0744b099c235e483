/* tarmac-traveller-hit.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-traveller-hit"

#include "config.h"

#include "tarmac-traveller-hit.h"

/* An alert about a traveller, as the traveller page lists it: where it came from
 * ("watchlist", "rule"…), its status ("new", "cleared"…), score and explanation. */

struct _TarmacTravellerHit
{
  GObject  parent_instance;

  gint64   id;
  char    *source;
  char    *status;
  double   score;
  char    *explanation;
  char    *created_at;
};

G_DEFINE_FINAL_TYPE (TarmacTravellerHit, tarmac_traveller_hit, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_SOURCE,
  PROP_STATUS,
  PROP_SCORE,
  PROP_EXPLANATION,
  PROP_CREATED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
tarmac_traveller_hit_finalize (GObject *object)
{
  TarmacTravellerHit *self = (TarmacTravellerHit *)object;

  g_clear_pointer (&self->source, g_free);
  g_clear_pointer (&self->status, g_free);
  g_clear_pointer (&self->explanation, g_free);
  g_clear_pointer (&self->created_at, g_free);

  G_OBJECT_CLASS (tarmac_traveller_hit_parent_class)->finalize (object);
}

static void
tarmac_traveller_hit_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  TarmacTravellerHit *self = TARMAC_TRAVELLER_HIT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_SOURCE:
      g_value_set_string (value, self->source);
      break;

    case PROP_STATUS:
      g_value_set_string (value, self->status);
      break;

    case PROP_SCORE:
      g_value_set_double (value, self->score);
      break;

    case PROP_EXPLANATION:
      g_value_set_string (value, self->explanation);
      break;

    case PROP_CREATED_AT:
      g_value_set_string (value, self->created_at);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tarmac_traveller_hit_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  TarmacTravellerHit *self = TARMAC_TRAVELLER_HIT (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;

    case PROP_SOURCE:
      self->source = g_value_dup_string (value);
      break;

    case PROP_STATUS:
      self->status = g_value_dup_string (value);
      break;

    case PROP_SCORE:
      self->score = g_value_get_double (value);
      break;

    case PROP_EXPLANATION:
      self->explanation = g_value_dup_string (value);
      break;

    case PROP_CREATED_AT:
      self->created_at = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tarmac_traveller_hit_class_init (TarmacTravellerHitClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags construct_flags = (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                       G_PARAM_STATIC_STRINGS);

  object_class->finalize = tarmac_traveller_hit_finalize;
  object_class->get_property = tarmac_traveller_hit_get_property;
  object_class->set_property = tarmac_traveller_hit_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, construct_flags);
  properties[PROP_SOURCE] =
    g_param_spec_string ("source", NULL, NULL, NULL, construct_flags);
  properties[PROP_STATUS] =
    g_param_spec_string ("status", NULL, NULL, NULL, construct_flags);
  properties[PROP_SCORE] =
    g_param_spec_double ("score", NULL, NULL, 0.0, 1.0, 0.0, construct_flags);
  properties[PROP_EXPLANATION] =
    g_param_spec_string ("explanation", NULL, NULL, NULL, construct_flags);
  properties[PROP_CREATED_AT] =
    g_param_spec_string ("created-at", NULL, NULL, NULL, construct_flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tarmac_traveller_hit_init (TarmacTravellerHit *self)
{
}

gint64
tarmac_traveller_hit_get_id (TarmacTravellerHit *self)
{
  g_return_val_if_fail (TARMAC_IS_TRAVELLER_HIT (self), 0);
  return self->id;
}

const char *
tarmac_traveller_hit_get_source (TarmacTravellerHit *self)
{
  g_return_val_if_fail (TARMAC_IS_TRAVELLER_HIT (self), NULL);
  return self->source;
}

const char *
tarmac_traveller_hit_get_status (TarmacTravellerHit *self)
{
  g_return_val_if_fail (TARMAC_IS_TRAVELLER_HIT (self), NULL);
  return self->status;
}

double
tarmac_traveller_hit_get_score (TarmacTravellerHit *self)
{
  g_return_val_if_fail (TARMAC_IS_TRAVELLER_HIT (self), 0.0);
  return self->score;
}

const char *
tarmac_traveller_hit_get_explanation (TarmacTravellerHit *self)
{
  g_return_val_if_fail (TARMAC_IS_TRAVELLER_HIT (self), NULL);
  return self->explanation;
}

const char *
tarmac_traveller_hit_get_created_at (TarmacTravellerHit *self)
{
  g_return_val_if_fail (TARMAC_IS_TRAVELLER_HIT (self), NULL);
  return self->created_at;
}
