/* tarmac-seizure-person.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-seizure"

#include "config.h"

#include <math.h>

#include "tarmac-seizure-person.h"

/* A person involved, recorded non-nominally: no name, document or date of birth, ever (DESIGN.md §8). */
struct _TarmacSeizurePerson
{
  GObject parent_instance;

  char *role;
  char *nationality;
  char *sex;
  char *age_band;
  gboolean arrested;
};

G_DEFINE_FINAL_TYPE (TarmacSeizurePerson, tarmac_seizure_person, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ROLE,
  PROP_NATIONALITY,
  PROP_SEX,
  PROP_AGE_BAND,
  PROP_ARRESTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
tarmac_seizure_person_finalize (GObject *object)
{
  TarmacSeizurePerson *self = (TarmacSeizurePerson *)object;

  g_clear_pointer (&self->role, g_free);
  g_clear_pointer (&self->nationality, g_free);
  g_clear_pointer (&self->sex, g_free);
  g_clear_pointer (&self->age_band, g_free);

  G_OBJECT_CLASS (tarmac_seizure_person_parent_class)->finalize (object);
}

static void
tarmac_seizure_person_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  TarmacSeizurePerson *self = TARMAC_SEIZURE_PERSON (object);

  switch (prop_id)
    {
    case PROP_ROLE:
      g_value_set_string (value, self->role);
      break;

    case PROP_NATIONALITY:
      g_value_set_string (value, self->nationality);
      break;

    case PROP_SEX:
      g_value_set_string (value, self->sex);
      break;

    case PROP_AGE_BAND:
      g_value_set_string (value, self->age_band);
      break;

    case PROP_ARRESTED:
      g_value_set_boolean (value, self->arrested);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tarmac_seizure_person_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  TarmacSeizurePerson *self = TARMAC_SEIZURE_PERSON (object);

  switch (prop_id)
    {
    case PROP_ROLE:
      tarmac_seizure_person_set_role (self, g_value_get_string (value));
      break;

    case PROP_NATIONALITY:
      tarmac_seizure_person_set_nationality (self, g_value_get_string (value));
      break;

    case PROP_SEX:
      tarmac_seizure_person_set_sex (self, g_value_get_string (value));
      break;

    case PROP_AGE_BAND:
      tarmac_seizure_person_set_age_band (self, g_value_get_string (value));
      break;

    case PROP_ARRESTED:
      tarmac_seizure_person_set_arrested (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tarmac_seizure_person_class_init (TarmacSeizurePersonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tarmac_seizure_person_finalize;
  object_class->get_property = tarmac_seizure_person_get_property;
  object_class->set_property = tarmac_seizure_person_set_property;

  /* person role code */
  properties[PROP_ROLE] =
    g_param_spec_string ("role", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* ISO 3166-1 alpha-2 */
  properties[PROP_NATIONALITY] =
    g_param_spec_string ("nationality", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* M, F, X or U */
  properties[PROP_SEX] =
    g_param_spec_string ("sex", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* U18, 18_24 … 55P or UNK */
  properties[PROP_AGE_BAND] =
    g_param_spec_string ("age-band", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* arrested */
  properties[PROP_ARRESTED] =
    g_param_spec_boolean ("arrested", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tarmac_seizure_person_init (TarmacSeizurePerson *self)
{
}

TarmacSeizurePerson *
tarmac_seizure_person_new (void)
{
  return g_object_new (TARMAC_TYPE_SEIZURE_PERSON, NULL);
}

const char *
tarmac_seizure_person_get_role (TarmacSeizurePerson *self)
{
  g_return_val_if_fail (TARMAC_IS_SEIZURE_PERSON (self), NULL);

  return self->role;
}

void
tarmac_seizure_person_set_role (TarmacSeizurePerson *self,
                               const char *role)
{
  g_return_if_fail (TARMAC_IS_SEIZURE_PERSON (self));

  if (g_strcmp0 (self->role, role) == 0)
    return;

  g_free (self->role);
  self->role = g_strdup (role);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROLE]);
}

const char *
tarmac_seizure_person_get_nationality (TarmacSeizurePerson *self)
{
  g_return_val_if_fail (TARMAC_IS_SEIZURE_PERSON (self), NULL);

  return self->nationality;
}

void
tarmac_seizure_person_set_nationality (TarmacSeizurePerson *self,
                                      const char *nationality)
{
  g_return_if_fail (TARMAC_IS_SEIZURE_PERSON (self));

  if (g_strcmp0 (self->nationality, nationality) == 0)
    return;

  g_free (self->nationality);
  self->nationality = g_strdup (nationality);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NATIONALITY]);
}

const char *
tarmac_seizure_person_get_sex (TarmacSeizurePerson *self)
{
  g_return_val_if_fail (TARMAC_IS_SEIZURE_PERSON (self), NULL);

  return self->sex;
}

void
tarmac_seizure_person_set_sex (TarmacSeizurePerson *self,
                              const char *sex)
{
  g_return_if_fail (TARMAC_IS_SEIZURE_PERSON (self));

  if (g_strcmp0 (self->sex, sex) == 0)
    return;

  g_free (self->sex);
  self->sex = g_strdup (sex);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEX]);
}

const char *
tarmac_seizure_person_get_age_band (TarmacSeizurePerson *self)
{
  g_return_val_if_fail (TARMAC_IS_SEIZURE_PERSON (self), NULL);

  return self->age_band;
}

void
tarmac_seizure_person_set_age_band (TarmacSeizurePerson *self,
                                   const char *age_band)
{
  g_return_if_fail (TARMAC_IS_SEIZURE_PERSON (self));

  if (g_strcmp0 (self->age_band, age_band) == 0)
    return;

  g_free (self->age_band);
  self->age_band = g_strdup (age_band);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AGE_BAND]);
}

gboolean
tarmac_seizure_person_get_arrested (TarmacSeizurePerson *self)
{
  g_return_val_if_fail (TARMAC_IS_SEIZURE_PERSON (self), FALSE);

  return self->arrested;
}

void
tarmac_seizure_person_set_arrested (TarmacSeizurePerson *self,
                                   gboolean arrested)
{
  g_return_if_fail (TARMAC_IS_SEIZURE_PERSON (self));

  arrested = !!arrested;
  if (self->arrested == arrested)
    return;

  self->arrested = arrested;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ARRESTED]);
}
