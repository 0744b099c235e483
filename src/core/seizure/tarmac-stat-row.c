/* tarmac-stat-row.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-seizure"

#include "config.h"

#include <math.h>

#include "tarmac-stat-row.h"

/* One row of a statistics table: a key (a code, a month, a route), its label and figures. Suppressed rows hide their figures (counts below 3 in shared reports). */
struct _TarmacStatRow
{
  GObject parent_instance;

  char *key;
  char *label;
  gint64 seizures;
  gint64 count;
  gint64 count2;
  double kg;
  double kg2;
  gint64 usd_minor;
  gboolean suppressed;
};

G_DEFINE_FINAL_TYPE (TarmacStatRow, tarmac_stat_row, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KEY,
  PROP_LABEL,
  PROP_SEIZURES,
  PROP_COUNT,
  PROP_COUNT2,
  PROP_KG,
  PROP_KG2,
  PROP_USD_MINOR,
  PROP_SUPPRESSED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
tarmac_stat_row_finalize (GObject *object)
{
  TarmacStatRow *self = (TarmacStatRow *)object;

  g_clear_pointer (&self->key, g_free);
  g_clear_pointer (&self->label, g_free);

  G_OBJECT_CLASS (tarmac_stat_row_parent_class)->finalize (object);
}

static void
tarmac_stat_row_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  TarmacStatRow *self = TARMAC_STAT_ROW (object);

  switch (prop_id)
    {
    case PROP_KEY:
      g_value_set_string (value, self->key);
      break;

    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;

    case PROP_SEIZURES:
      g_value_set_int64 (value, self->seizures);
      break;

    case PROP_COUNT:
      g_value_set_int64 (value, self->count);
      break;

    case PROP_COUNT2:
      g_value_set_int64 (value, self->count2);
      break;

    case PROP_KG:
      g_value_set_double (value, self->kg);
      break;

    case PROP_KG2:
      g_value_set_double (value, self->kg2);
      break;

    case PROP_USD_MINOR:
      g_value_set_int64 (value, self->usd_minor);
      break;

    case PROP_SUPPRESSED:
      g_value_set_boolean (value, self->suppressed);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tarmac_stat_row_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  TarmacStatRow *self = TARMAC_STAT_ROW (object);

  switch (prop_id)
    {
    case PROP_KEY:
      tarmac_stat_row_set_key (self, g_value_get_string (value));
      break;

    case PROP_LABEL:
      tarmac_stat_row_set_label (self, g_value_get_string (value));
      break;

    case PROP_SEIZURES:
      tarmac_stat_row_set_seizures (self, g_value_get_int64 (value));
      break;

    case PROP_COUNT:
      tarmac_stat_row_set_count (self, g_value_get_int64 (value));
      break;

    case PROP_COUNT2:
      tarmac_stat_row_set_count2 (self, g_value_get_int64 (value));
      break;

    case PROP_KG:
      tarmac_stat_row_set_kg (self, g_value_get_double (value));
      break;

    case PROP_KG2:
      tarmac_stat_row_set_kg2 (self, g_value_get_double (value));
      break;

    case PROP_USD_MINOR:
      tarmac_stat_row_set_usd_minor (self, g_value_get_int64 (value));
      break;

    case PROP_SUPPRESSED:
      tarmac_stat_row_set_suppressed (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tarmac_stat_row_class_init (TarmacStatRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tarmac_stat_row_finalize;
  object_class->get_property = tarmac_stat_row_get_property;
  object_class->set_property = tarmac_stat_row_set_property;

  /* code, YYYY-MM, or FROM→TO */
  properties[PROP_KEY] =
    g_param_spec_string ("key", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* label in the report's language */
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* number of distinct seizures */
  properties[PROP_SEIZURES] =
    g_param_spec_int64 ("seizures", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* another count: units, persons, controls */
  properties[PROP_COUNT] =
    g_param_spec_int64 ("count", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* a second count (last year, negative controls, participated) */
  properties[PROP_COUNT2] =
    g_param_spec_int64 ("count2", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* kg-equivalent */
  properties[PROP_KG] =
    g_param_spec_double ("kg", NULL, NULL, 0.0, G_MAXDOUBLE, 0.0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* a second mass (last year) */
  properties[PROP_KG2] =
    g_param_spec_double ("kg2", NULL, NULL, 0.0, G_MAXDOUBLE, 0.0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* US cents */
  properties[PROP_USD_MINOR] =
    g_param_spec_int64 ("usd-minor", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* figures hidden: fewer than 3 */
  properties[PROP_SUPPRESSED] =
    g_param_spec_boolean ("suppressed", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tarmac_stat_row_init (TarmacStatRow *self)
{
}

TarmacStatRow *
tarmac_stat_row_new (void)
{
  return g_object_new (TARMAC_TYPE_STAT_ROW, NULL);
}

const char *
tarmac_stat_row_get_key (TarmacStatRow *self)
{
  g_return_val_if_fail (TARMAC_IS_STAT_ROW (self), NULL);

  return self->key;
}

void
tarmac_stat_row_set_key (TarmacStatRow *self,
                        const char *key)
{
  g_return_if_fail (TARMAC_IS_STAT_ROW (self));

  if (g_strcmp0 (self->key, key) == 0)
    return;

  g_free (self->key);
  self->key = g_strdup (key);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KEY]);
}

const char *
tarmac_stat_row_get_label (TarmacStatRow *self)
{
  g_return_val_if_fail (TARMAC_IS_STAT_ROW (self), NULL);

  return self->label;
}

void
tarmac_stat_row_set_label (TarmacStatRow *self,
                          const char *label)
{
  g_return_if_fail (TARMAC_IS_STAT_ROW (self));

  if (g_strcmp0 (self->label, label) == 0)
    return;

  g_free (self->label);
  self->label = g_strdup (label);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABEL]);
}

gint64
tarmac_stat_row_get_seizures (TarmacStatRow *self)
{
  g_return_val_if_fail (TARMAC_IS_STAT_ROW (self), 0);

  return self->seizures;
}

void
tarmac_stat_row_set_seizures (TarmacStatRow *self,
                             gint64 seizures)
{
  g_return_if_fail (TARMAC_IS_STAT_ROW (self));

  if (self->seizures == seizures)
    return;

  self->seizures = seizures;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEIZURES]);
}

gint64
tarmac_stat_row_get_count (TarmacStatRow *self)
{
  g_return_val_if_fail (TARMAC_IS_STAT_ROW (self), 0);

  return self->count;
}

void
tarmac_stat_row_set_count (TarmacStatRow *self,
                          gint64 count)
{
  g_return_if_fail (TARMAC_IS_STAT_ROW (self));

  if (self->count == count)
    return;

  self->count = count;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNT]);
}

gint64
tarmac_stat_row_get_count2 (TarmacStatRow *self)
{
  g_return_val_if_fail (TARMAC_IS_STAT_ROW (self), 0);

  return self->count2;
}

void
tarmac_stat_row_set_count2 (TarmacStatRow *self,
                           gint64 count2)
{
  g_return_if_fail (TARMAC_IS_STAT_ROW (self));

  if (self->count2 == count2)
    return;

  self->count2 = count2;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNT2]);
}

double
tarmac_stat_row_get_kg (TarmacStatRow *self)
{
  g_return_val_if_fail (TARMAC_IS_STAT_ROW (self), 0);

  return self->kg;
}

void
tarmac_stat_row_set_kg (TarmacStatRow *self,
                       double kg)
{
  g_return_if_fail (TARMAC_IS_STAT_ROW (self));

  if (self->kg == kg)
    return;

  self->kg = kg;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KG]);
}

double
tarmac_stat_row_get_kg2 (TarmacStatRow *self)
{
  g_return_val_if_fail (TARMAC_IS_STAT_ROW (self), 0);

  return self->kg2;
}

void
tarmac_stat_row_set_kg2 (TarmacStatRow *self,
                        double kg2)
{
  g_return_if_fail (TARMAC_IS_STAT_ROW (self));

  if (self->kg2 == kg2)
    return;

  self->kg2 = kg2;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KG2]);
}

gint64
tarmac_stat_row_get_usd_minor (TarmacStatRow *self)
{
  g_return_val_if_fail (TARMAC_IS_STAT_ROW (self), 0);

  return self->usd_minor;
}

void
tarmac_stat_row_set_usd_minor (TarmacStatRow *self,
                              gint64 usd_minor)
{
  g_return_if_fail (TARMAC_IS_STAT_ROW (self));

  if (self->usd_minor == usd_minor)
    return;

  self->usd_minor = usd_minor;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_USD_MINOR]);
}

gboolean
tarmac_stat_row_get_suppressed (TarmacStatRow *self)
{
  g_return_val_if_fail (TARMAC_IS_STAT_ROW (self), FALSE);

  return self->suppressed;
}

void
tarmac_stat_row_set_suppressed (TarmacStatRow *self,
                               gboolean suppressed)
{
  g_return_if_fail (TARMAC_IS_STAT_ROW (self));

  suppressed = !!suppressed;
  if (self->suppressed == suppressed)
    return;

  self->suppressed = suppressed;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUPPRESSED]);
}
