/* tarmac-finding.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-finding"

#include "config.h"

#include "tarmac-finding.h"

/* A problem found on a traveller at import (an expired document, a wrong check digit…):
 * a stable code, the detail that explains it, and when it was found. */

struct _TarmacFinding
{
  GObject  parent_instance;

  gint64   id;
  char    *code;
  char    *detail;
  char    *created_at;
};

G_DEFINE_FINAL_TYPE (TarmacFinding, tarmac_finding, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CODE,
  PROP_DETAIL,
  PROP_CREATED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
tarmac_finding_finalize (GObject *object)
{
  TarmacFinding *self = (TarmacFinding *)object;

  g_clear_pointer (&self->code, g_free);
  g_clear_pointer (&self->detail, g_free);
  g_clear_pointer (&self->created_at, g_free);

  G_OBJECT_CLASS (tarmac_finding_parent_class)->finalize (object);
}

static void
tarmac_finding_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  TarmacFinding *self = TARMAC_FINDING (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_CODE:
      g_value_set_string (value, self->code);
      break;

    case PROP_DETAIL:
      g_value_set_string (value, self->detail);
      break;

    case PROP_CREATED_AT:
      g_value_set_string (value, self->created_at);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tarmac_finding_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  TarmacFinding *self = TARMAC_FINDING (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;

    case PROP_CODE:
      self->code = g_value_dup_string (value);
      break;

    case PROP_DETAIL:
      self->detail = g_value_dup_string (value);
      break;

    case PROP_CREATED_AT:
      self->created_at = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tarmac_finding_class_init (TarmacFindingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags construct_flags = (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                       G_PARAM_STATIC_STRINGS);

  object_class->finalize = tarmac_finding_finalize;
  object_class->get_property = tarmac_finding_get_property;
  object_class->set_property = tarmac_finding_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, construct_flags);
  properties[PROP_CODE] =
    g_param_spec_string ("code", NULL, NULL, NULL, construct_flags);
  properties[PROP_DETAIL] =
    g_param_spec_string ("detail", NULL, NULL, NULL, construct_flags);
  properties[PROP_CREATED_AT] =
    g_param_spec_string ("created-at", NULL, NULL, NULL, construct_flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tarmac_finding_init (TarmacFinding *self)
{
}

gint64
tarmac_finding_get_id (TarmacFinding *self)
{
  g_return_val_if_fail (TARMAC_IS_FINDING (self), 0);
  return self->id;
}

const char *
tarmac_finding_get_code (TarmacFinding *self)
{
  g_return_val_if_fail (TARMAC_IS_FINDING (self), NULL);
  return self->code;
}

const char *
tarmac_finding_get_detail (TarmacFinding *self)
{
  g_return_val_if_fail (TARMAC_IS_FINDING (self), NULL);
  return self->detail;
}

const char *
tarmac_finding_get_created_at (TarmacFinding *self)
{
  g_return_val_if_fail (TARMAC_IS_FINDING (self), NULL);
  return self->created_at;
}
