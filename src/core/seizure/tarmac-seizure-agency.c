/* tarmac-seizure-agency.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-seizure"

#include "config.h"

#include <math.h>

#include "tarmac-seizure-agency.h"

/* An agency credited on a seizure, with its role (research/seizures.md §6.5). */
struct _TarmacSeizureAgency
{
  GObject parent_instance;

  char *agency;
  char *agency_type;
  char *role;
};

G_DEFINE_FINAL_TYPE (TarmacSeizureAgency, tarmac_seizure_agency, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_AGENCY,
  PROP_AGENCY_TYPE,
  PROP_ROLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
tarmac_seizure_agency_finalize (GObject *object)
{
  TarmacSeizureAgency *self = (TarmacSeizureAgency *)object;

  g_clear_pointer (&self->agency, g_free);
  g_clear_pointer (&self->agency_type, g_free);
  g_clear_pointer (&self->role, g_free);

  G_OBJECT_CLASS (tarmac_seizure_agency_parent_class)->finalize (object);
}

static void
tarmac_seizure_agency_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  TarmacSeizureAgency *self = TARMAC_SEIZURE_AGENCY (object);

  switch (prop_id)
    {
    case PROP_AGENCY:
      g_value_set_string (value, self->agency);
      break;

    case PROP_AGENCY_TYPE:
      g_value_set_string (value, self->agency_type);
      break;

    case PROP_ROLE:
      g_value_set_string (value, self->role);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tarmac_seizure_agency_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  TarmacSeizureAgency *self = TARMAC_SEIZURE_AGENCY (object);

  switch (prop_id)
    {
    case PROP_AGENCY:
      tarmac_seizure_agency_set_agency (self, g_value_get_string (value));
      break;

    case PROP_AGENCY_TYPE:
      tarmac_seizure_agency_set_agency_type (self, g_value_get_string (value));
      break;

    case PROP_ROLE:
      tarmac_seizure_agency_set_role (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tarmac_seizure_agency_class_init (TarmacSeizureAgencyClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tarmac_seizure_agency_finalize;
  object_class->get_property = tarmac_seizure_agency_get_property;
  object_class->set_property = tarmac_seizure_agency_set_property;

  /* the agency's name or code as the task force writes it */
  properties[PROP_AGENCY] =
    g_param_spec_string ("agency", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* agency type code */
  properties[PROP_AGENCY_TYPE] =
    g_param_spec_string ("agency-type", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* LEAD, PARTICIPATED, INFO_PROVIDED or RECEIVED_REFERRAL */
  properties[PROP_ROLE] =
    g_param_spec_string ("role", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tarmac_seizure_agency_init (TarmacSeizureAgency *self)
{
}

TarmacSeizureAgency *
tarmac_seizure_agency_new (void)
{
  return g_object_new (TARMAC_TYPE_SEIZURE_AGENCY, NULL);
}

const char *
tarmac_seizure_agency_get_agency (TarmacSeizureAgency *self)
{
  g_return_val_if_fail (TARMAC_IS_SEIZURE_AGENCY (self), NULL);

  return self->agency;
}

void
tarmac_seizure_agency_set_agency (TarmacSeizureAgency *self,
                                 const char *agency)
{
  g_return_if_fail (TARMAC_IS_SEIZURE_AGENCY (self));

  if (g_strcmp0 (self->agency, agency) == 0)
    return;

  g_free (self->agency);
  self->agency = g_strdup (agency);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AGENCY]);
}

const char *
tarmac_seizure_agency_get_agency_type (TarmacSeizureAgency *self)
{
  g_return_val_if_fail (TARMAC_IS_SEIZURE_AGENCY (self), NULL);

  return self->agency_type;
}

void
tarmac_seizure_agency_set_agency_type (TarmacSeizureAgency *self,
                                      const char *agency_type)
{
  g_return_if_fail (TARMAC_IS_SEIZURE_AGENCY (self));

  if (g_strcmp0 (self->agency_type, agency_type) == 0)
    return;

  g_free (self->agency_type);
  self->agency_type = g_strdup (agency_type);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AGENCY_TYPE]);
}

const char *
tarmac_seizure_agency_get_role (TarmacSeizureAgency *self)
{
  g_return_val_if_fail (TARMAC_IS_SEIZURE_AGENCY (self), NULL);

  return self->role;
}

void
tarmac_seizure_agency_set_role (TarmacSeizureAgency *self,
                               const char *role)
{
  g_return_if_fail (TARMAC_IS_SEIZURE_AGENCY (self));

  if (g_strcmp0 (self->role, role) == 0)
    return;

  g_free (self->role);
  self->role = g_strdup (role);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROLE]);
}
