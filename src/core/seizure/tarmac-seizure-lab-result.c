/* tarmac-seizure-lab-result.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-seizure"

#include "config.h"

#include "tarmac-seizure-lab-result.h"

/* What a laboratory found in an exhibit: the substance (a sub-type code) and its purity. */
struct _TarmacSeizureLabResult
{
  GObject parent_instance;

  gint64 id;
  gint64 exhibit_id;
  char *lab_name;
  char *received_at;
  char *reported_at;
  char *substance;
  double purity_pct;
  char *report_ref;
};

G_DEFINE_FINAL_TYPE (TarmacSeizureLabResult, tarmac_seizure_lab_result, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_EXHIBIT_ID,
  PROP_LAB_NAME,
  PROP_RECEIVED_AT,
  PROP_REPORTED_AT,
  PROP_SUBSTANCE,
  PROP_PURITY_PCT,
  PROP_REPORT_REF,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
tarmac_seizure_lab_result_finalize (GObject *object)
{
  TarmacSeizureLabResult *self = (TarmacSeizureLabResult *)object;

  g_clear_pointer (&self->lab_name, g_free);
  g_clear_pointer (&self->received_at, g_free);
  g_clear_pointer (&self->reported_at, g_free);
  g_clear_pointer (&self->substance, g_free);
  g_clear_pointer (&self->report_ref, g_free);

  G_OBJECT_CLASS (tarmac_seizure_lab_result_parent_class)->finalize (object);
}

static void
tarmac_seizure_lab_result_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  TarmacSeizureLabResult *self = TARMAC_SEIZURE_LAB_RESULT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_EXHIBIT_ID:
      g_value_set_int64 (value, self->exhibit_id);
      break;
    case PROP_LAB_NAME:
      g_value_set_string (value, self->lab_name);
      break;
    case PROP_RECEIVED_AT:
      g_value_set_string (value, self->received_at);
      break;
    case PROP_REPORTED_AT:
      g_value_set_string (value, self->reported_at);
      break;
    case PROP_SUBSTANCE:
      g_value_set_string (value, self->substance);
      break;
    case PROP_PURITY_PCT:
      g_value_set_double (value, self->purity_pct);
      break;
    case PROP_REPORT_REF:
      g_value_set_string (value, self->report_ref);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tarmac_seizure_lab_result_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec)
{
  TarmacSeizureLabResult *self = TARMAC_SEIZURE_LAB_RESULT (object);

  switch (prop_id)
    {
    case PROP_ID:
      tarmac_seizure_lab_result_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_EXHIBIT_ID:
      tarmac_seizure_lab_result_set_exhibit_id (self, g_value_get_int64 (value));
      break;
    case PROP_LAB_NAME:
      tarmac_seizure_lab_result_set_lab_name (self, g_value_get_string (value));
      break;
    case PROP_RECEIVED_AT:
      tarmac_seizure_lab_result_set_received_at (self, g_value_get_string (value));
      break;
    case PROP_REPORTED_AT:
      tarmac_seizure_lab_result_set_reported_at (self, g_value_get_string (value));
      break;
    case PROP_SUBSTANCE:
      tarmac_seizure_lab_result_set_substance (self, g_value_get_string (value));
      break;
    case PROP_PURITY_PCT:
      tarmac_seizure_lab_result_set_purity_pct (self, g_value_get_double (value));
      break;
    case PROP_REPORT_REF:
      tarmac_seizure_lab_result_set_report_ref (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tarmac_seizure_lab_result_class_init (TarmacSeizureLabResultClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tarmac_seizure_lab_result_finalize;
  object_class->get_property = tarmac_seizure_lab_result_get_property;
  object_class->set_property = tarmac_seizure_lab_result_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_EXHIBIT_ID] =
    g_param_spec_int64 ("exhibit-id", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_LAB_NAME] =
    g_param_spec_string ("lab-name", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_RECEIVED_AT] =
    g_param_spec_string ("received-at", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_REPORTED_AT] =
    g_param_spec_string ("reported-at", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SUBSTANCE] =
    g_param_spec_string ("substance", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_PURITY_PCT] =
    g_param_spec_double ("purity-pct", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_REPORT_REF] =
    g_param_spec_string ("report-ref", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tarmac_seizure_lab_result_init (TarmacSeizureLabResult *self)
{
}

TarmacSeizureLabResult *
tarmac_seizure_lab_result_new (void)
{
  return g_object_new (TARMAC_TYPE_SEIZURE_LAB_RESULT, NULL);
}

gint64
tarmac_seizure_lab_result_get_id (TarmacSeizureLabResult *self)
{
  g_return_val_if_fail (TARMAC_IS_SEIZURE_LAB_RESULT (self), 0);
  return self->id;
}

void
tarmac_seizure_lab_result_set_id (TarmacSeizureLabResult *self,
                                  gint64 id)
{
  g_return_if_fail (TARMAC_IS_SEIZURE_LAB_RESULT (self));

  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

gint64
tarmac_seizure_lab_result_get_exhibit_id (TarmacSeizureLabResult *self)
{
  g_return_val_if_fail (TARMAC_IS_SEIZURE_LAB_RESULT (self), 0);
  return self->exhibit_id;
}

void
tarmac_seizure_lab_result_set_exhibit_id (TarmacSeizureLabResult *self,
                                          gint64 exhibit_id)
{
  g_return_if_fail (TARMAC_IS_SEIZURE_LAB_RESULT (self));

  if (self->exhibit_id == exhibit_id)
    return;
  self->exhibit_id = exhibit_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXHIBIT_ID]);
}

const char *
tarmac_seizure_lab_result_get_lab_name (TarmacSeizureLabResult *self)
{
  g_return_val_if_fail (TARMAC_IS_SEIZURE_LAB_RESULT (self), NULL);
  return self->lab_name;
}

void
tarmac_seizure_lab_result_set_lab_name (TarmacSeizureLabResult *self,
                                        const char *lab_name)
{
  g_return_if_fail (TARMAC_IS_SEIZURE_LAB_RESULT (self));

  if (g_strcmp0 (self->lab_name, lab_name) == 0)
    return;
  g_free (self->lab_name);
  self->lab_name = g_strdup (lab_name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAB_NAME]);
}

const char *
tarmac_seizure_lab_result_get_received_at (TarmacSeizureLabResult *self)
{
  g_return_val_if_fail (TARMAC_IS_SEIZURE_LAB_RESULT (self), NULL);
  return self->received_at;
}

void
tarmac_seizure_lab_result_set_received_at (TarmacSeizureLabResult *self,
                                           const char *received_at)
{
  g_return_if_fail (TARMAC_IS_SEIZURE_LAB_RESULT (self));

  if (g_strcmp0 (self->received_at, received_at) == 0)
    return;
  g_free (self->received_at);
  self->received_at = g_strdup (received_at);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECEIVED_AT]);
}

const char *
tarmac_seizure_lab_result_get_reported_at (TarmacSeizureLabResult *self)
{
  g_return_val_if_fail (TARMAC_IS_SEIZURE_LAB_RESULT (self), NULL);
  return self->reported_at;
}

void
tarmac_seizure_lab_result_set_reported_at (TarmacSeizureLabResult *self,
                                           const char *reported_at)
{
  g_return_if_fail (TARMAC_IS_SEIZURE_LAB_RESULT (self));

  if (g_strcmp0 (self->reported_at, reported_at) == 0)
    return;
  g_free (self->reported_at);
  self->reported_at = g_strdup (reported_at);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REPORTED_AT]);
}

const char *
tarmac_seizure_lab_result_get_substance (TarmacSeizureLabResult *self)
{
  g_return_val_if_fail (TARMAC_IS_SEIZURE_LAB_RESULT (self), NULL);
  return self->substance;
}

void
tarmac_seizure_lab_result_set_substance (TarmacSeizureLabResult *self,
                                         const char *substance)
{
  g_return_if_fail (TARMAC_IS_SEIZURE_LAB_RESULT (self));

  if (g_strcmp0 (self->substance, substance) == 0)
    return;
  g_free (self->substance);
  self->substance = g_strdup (substance);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUBSTANCE]);
}

double
tarmac_seizure_lab_result_get_purity_pct (TarmacSeizureLabResult *self)
{
  g_return_val_if_fail (TARMAC_IS_SEIZURE_LAB_RESULT (self), 0);
  return self->purity_pct;
}

void
tarmac_seizure_lab_result_set_purity_pct (TarmacSeizureLabResult *self,
                                          double purity_pct)
{
  g_return_if_fail (TARMAC_IS_SEIZURE_LAB_RESULT (self));

  if (self->purity_pct == purity_pct)
    return;
  self->purity_pct = purity_pct;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PURITY_PCT]);
}

const char *
tarmac_seizure_lab_result_get_report_ref (TarmacSeizureLabResult *self)
{
  g_return_val_if_fail (TARMAC_IS_SEIZURE_LAB_RESULT (self), NULL);
  return self->report_ref;
}

void
tarmac_seizure_lab_result_set_report_ref (TarmacSeizureLabResult *self,
                                          const char *report_ref)
{
  g_return_if_fail (TARMAC_IS_SEIZURE_LAB_RESULT (self));

  if (g_strcmp0 (self->report_ref, report_ref) == 0)
    return;
  g_free (self->report_ref);
  self->report_ref = g_strdup (report_ref);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REPORT_REF]);
}
