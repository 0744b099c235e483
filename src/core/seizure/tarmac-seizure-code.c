/* tarmac-seizure-code.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-seizure"

#include "config.h"

#include <math.h>

#include "tarmac-seizure-code.h"

/* One reference code and its label in the language asked for, for lists and combo rows. */
struct _TarmacSeizureCode
{
  GObject parent_instance;

  char *code;
  char *label;
  char *parent;
};

G_DEFINE_FINAL_TYPE (TarmacSeizureCode, tarmac_seizure_code, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CODE,
  PROP_LABEL,
  PROP_PARENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
tarmac_seizure_code_finalize (GObject *object)
{
  TarmacSeizureCode *self = (TarmacSeizureCode *)object;

  g_clear_pointer (&self->code, g_free);
  g_clear_pointer (&self->label, g_free);
  g_clear_pointer (&self->parent, g_free);

  G_OBJECT_CLASS (tarmac_seizure_code_parent_class)->finalize (object);
}

static void
tarmac_seizure_code_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  TarmacSeizureCode *self = TARMAC_SEIZURE_CODE (object);

  switch (prop_id)
    {
    case PROP_CODE:
      g_value_set_string (value, self->code);
      break;

    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;

    case PROP_PARENT:
      g_value_set_string (value, self->parent);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tarmac_seizure_code_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  TarmacSeizureCode *self = TARMAC_SEIZURE_CODE (object);

  switch (prop_id)
    {
    case PROP_CODE:
      tarmac_seizure_code_set_code (self, g_value_get_string (value));
      break;

    case PROP_LABEL:
      tarmac_seizure_code_set_label (self, g_value_get_string (value));
      break;

    case PROP_PARENT:
      tarmac_seizure_code_set_parent (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tarmac_seizure_code_class_init (TarmacSeizureCodeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tarmac_seizure_code_finalize;
  object_class->get_property = tarmac_seizure_code_get_property;
  object_class->set_property = tarmac_seizure_code_set_property;

  /* the code stored in records */
  properties[PROP_CODE] =
    g_param_spec_string ("code", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* the label shown */
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* the category of a sub-type, NULL otherwise */
  properties[PROP_PARENT] =
    g_param_spec_string ("parent", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tarmac_seizure_code_init (TarmacSeizureCode *self)
{
}

TarmacSeizureCode *
tarmac_seizure_code_new (void)
{
  return g_object_new (TARMAC_TYPE_SEIZURE_CODE, NULL);
}

const char *
tarmac_seizure_code_get_code (TarmacSeizureCode *self)
{
  g_return_val_if_fail (TARMAC_IS_SEIZURE_CODE (self), NULL);

  return self->code;
}

void
tarmac_seizure_code_set_code (TarmacSeizureCode *self,
                             const char *code)
{
  g_return_if_fail (TARMAC_IS_SEIZURE_CODE (self));

  if (g_strcmp0 (self->code, code) == 0)
    return;

  g_free (self->code);
  self->code = g_strdup (code);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CODE]);
}

const char *
tarmac_seizure_code_get_label (TarmacSeizureCode *self)
{
  g_return_val_if_fail (TARMAC_IS_SEIZURE_CODE (self), NULL);

  return self->label;
}

void
tarmac_seizure_code_set_label (TarmacSeizureCode *self,
                              const char *label)
{
  g_return_if_fail (TARMAC_IS_SEIZURE_CODE (self));

  if (g_strcmp0 (self->label, label) == 0)
    return;

  g_free (self->label);
  self->label = g_strdup (label);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABEL]);
}

const char *
tarmac_seizure_code_get_parent (TarmacSeizureCode *self)
{
  g_return_val_if_fail (TARMAC_IS_SEIZURE_CODE (self), NULL);

  return self->parent;
}

void
tarmac_seizure_code_set_parent (TarmacSeizureCode *self,
                               const char *parent)
{
  g_return_if_fail (TARMAC_IS_SEIZURE_CODE (self));

  if (g_strcmp0 (self->parent, parent) == 0)
    return;

  g_free (self->parent);
  self->parent = g_strdup (parent);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PARENT]);
}
