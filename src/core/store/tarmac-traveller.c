/* tarmac-traveller.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-traveller"

#include "config.h"

#include "tarmac-enums.h"
#include "tarmac-traveller.h"

/* One person on one flight, as lists and search results show them: immutable, built by
 * the store from one row. The full record (PNR, findings, sources) has its own view. */
struct _TarmacTraveller
{
  GObject              parent_instance;

  gint64               id;
  gint64               flight_id;
  TarmacTravellerKind  kind;
  char                *full_name;
  char                *surname;
  char                *given_names;
  char                *sex;
  char                *date_of_birth;
  char                *nationality;
  char                *seat;
  char                *document_type;
  char                *document_number;
  char                *flight_label;
};

G_DEFINE_FINAL_TYPE (TarmacTraveller, tarmac_traveller, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_FLIGHT_ID,
  PROP_KIND,
  PROP_FULL_NAME,
  PROP_SURNAME,
  PROP_GIVEN_NAMES,
  PROP_SEX,
  PROP_DATE_OF_BIRTH,
  PROP_NATIONALITY,
  PROP_SEAT,
  PROP_DOCUMENT_TYPE,
  PROP_DOCUMENT_NUMBER,
  PROP_FLIGHT_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
tarmac_traveller_constructed (GObject *object)
{
  TarmacTraveller *self = (TarmacTraveller *)object;

  G_OBJECT_CLASS (tarmac_traveller_parent_class)->constructed (object);

  /* Surname first, as manifests and watchlists write it, so lists sort by family name. */
  if (self->given_names != NULL && *self->given_names != '\0')
    self->full_name = g_strdup_printf ("%s, %s", self->surname ? self->surname : "",
                                       self->given_names);
  else
    self->full_name = g_strdup (self->surname ? self->surname : "");
}

static void
tarmac_traveller_finalize (GObject *object)
{
  TarmacTraveller *self = (TarmacTraveller *)object;

  g_clear_pointer (&self->full_name, g_free);
  g_clear_pointer (&self->surname, g_free);
  g_clear_pointer (&self->given_names, g_free);
  g_clear_pointer (&self->sex, g_free);
  g_clear_pointer (&self->date_of_birth, g_free);
  g_clear_pointer (&self->nationality, g_free);
  g_clear_pointer (&self->seat, g_free);
  g_clear_pointer (&self->document_type, g_free);
  g_clear_pointer (&self->document_number, g_free);
  g_clear_pointer (&self->flight_label, g_free);

  G_OBJECT_CLASS (tarmac_traveller_parent_class)->finalize (object);
}

static void
tarmac_traveller_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  TarmacTraveller *self = TARMAC_TRAVELLER (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_FLIGHT_ID:
      g_value_set_int64 (value, self->flight_id);
      break;

    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_FULL_NAME:
      g_value_set_string (value, self->full_name);
      break;

    case PROP_SURNAME:
      g_value_set_string (value, self->surname);
      break;

    case PROP_GIVEN_NAMES:
      g_value_set_string (value, self->given_names);
      break;

    case PROP_SEX:
      g_value_set_string (value, self->sex);
      break;

    case PROP_DATE_OF_BIRTH:
      g_value_set_string (value, self->date_of_birth);
      break;

    case PROP_NATIONALITY:
      g_value_set_string (value, self->nationality);
      break;

    case PROP_SEAT:
      g_value_set_string (value, self->seat);
      break;

    case PROP_DOCUMENT_TYPE:
      g_value_set_string (value, self->document_type);
      break;

    case PROP_DOCUMENT_NUMBER:
      g_value_set_string (value, self->document_number);
      break;

    case PROP_FLIGHT_LABEL:
      g_value_set_string (value, self->flight_label);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tarmac_traveller_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  TarmacTraveller *self = TARMAC_TRAVELLER (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;

    case PROP_FLIGHT_ID:
      self->flight_id = g_value_get_int64 (value);
      break;

    case PROP_KIND:
      self->kind = g_value_get_enum (value);
      break;

    case PROP_SURNAME:
      self->surname = g_value_dup_string (value);
      break;

    case PROP_GIVEN_NAMES:
      self->given_names = g_value_dup_string (value);
      break;

    case PROP_SEX:
      self->sex = g_value_dup_string (value);
      break;

    case PROP_DATE_OF_BIRTH:
      self->date_of_birth = g_value_dup_string (value);
      break;

    case PROP_NATIONALITY:
      self->nationality = g_value_dup_string (value);
      break;

    case PROP_SEAT:
      self->seat = g_value_dup_string (value);
      break;

    case PROP_DOCUMENT_TYPE:
      self->document_type = g_value_dup_string (value);
      break;

    case PROP_DOCUMENT_NUMBER:
      self->document_number = g_value_dup_string (value);
      break;

    case PROP_FLIGHT_LABEL:
      self->flight_label = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tarmac_traveller_class_init (TarmacTravellerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags construct_flags = (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                       G_PARAM_STATIC_STRINGS);

  object_class->constructed = tarmac_traveller_constructed;
  object_class->finalize = tarmac_traveller_finalize;
  object_class->get_property = tarmac_traveller_get_property;
  object_class->set_property = tarmac_traveller_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, construct_flags);
  properties[PROP_FLIGHT_ID] =
    g_param_spec_int64 ("flight-id", NULL, NULL, 0, G_MAXINT64, 0, construct_flags);
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       TARMAC_TYPE_TRAVELLER_KIND, TARMAC_TRAVELLER_PASSENGER,
                       construct_flags);
  properties[PROP_FULL_NAME] =
    g_param_spec_string ("full-name", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_SURNAME] =
    g_param_spec_string ("surname", NULL, NULL, NULL, construct_flags);
  properties[PROP_GIVEN_NAMES] =
    g_param_spec_string ("given-names", NULL, NULL, NULL, construct_flags);
  properties[PROP_SEX] =
    g_param_spec_string ("sex", NULL, NULL, NULL, construct_flags);
  properties[PROP_DATE_OF_BIRTH] =
    g_param_spec_string ("date-of-birth", NULL, NULL, NULL, construct_flags);
  properties[PROP_NATIONALITY] =
    g_param_spec_string ("nationality", NULL, NULL, NULL, construct_flags);
  properties[PROP_SEAT] =
    g_param_spec_string ("seat", NULL, NULL, NULL, construct_flags);
  properties[PROP_DOCUMENT_TYPE] =
    g_param_spec_string ("document-type", NULL, NULL, NULL, construct_flags);
  properties[PROP_DOCUMENT_NUMBER] =
    g_param_spec_string ("document-number", NULL, NULL, NULL, construct_flags);
  properties[PROP_FLIGHT_LABEL] =
    g_param_spec_string ("flight-label", NULL, NULL, NULL, construct_flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tarmac_traveller_init (TarmacTraveller *self)
{
}

gint64
tarmac_traveller_get_id (TarmacTraveller *self)
{
  g_return_val_if_fail (TARMAC_IS_TRAVELLER (self), 0);
  return self->id;
}

gint64
tarmac_traveller_get_flight_id (TarmacTraveller *self)
{
  g_return_val_if_fail (TARMAC_IS_TRAVELLER (self), 0);
  return self->flight_id;
}

TarmacTravellerKind
tarmac_traveller_get_kind (TarmacTraveller *self)
{
  g_return_val_if_fail (TARMAC_IS_TRAVELLER (self), TARMAC_TRAVELLER_PASSENGER);
  return self->kind;
}

const char *
tarmac_traveller_get_full_name (TarmacTraveller *self)
{
  g_return_val_if_fail (TARMAC_IS_TRAVELLER (self), NULL);
  return self->full_name;
}

const char *
tarmac_traveller_get_surname (TarmacTraveller *self)
{
  g_return_val_if_fail (TARMAC_IS_TRAVELLER (self), NULL);
  return self->surname;
}

const char *
tarmac_traveller_get_given_names (TarmacTraveller *self)
{
  g_return_val_if_fail (TARMAC_IS_TRAVELLER (self), NULL);
  return self->given_names;
}

const char *
tarmac_traveller_get_sex (TarmacTraveller *self)
{
  g_return_val_if_fail (TARMAC_IS_TRAVELLER (self), NULL);
  return self->sex;
}

const char *
tarmac_traveller_get_date_of_birth (TarmacTraveller *self)
{
  g_return_val_if_fail (TARMAC_IS_TRAVELLER (self), NULL);
  return self->date_of_birth;
}

const char *
tarmac_traveller_get_nationality (TarmacTraveller *self)
{
  g_return_val_if_fail (TARMAC_IS_TRAVELLER (self), NULL);
  return self->nationality;
}

const char *
tarmac_traveller_get_seat (TarmacTraveller *self)
{
  g_return_val_if_fail (TARMAC_IS_TRAVELLER (self), NULL);
  return self->seat;
}

const char *
tarmac_traveller_get_document_type (TarmacTraveller *self)
{
  g_return_val_if_fail (TARMAC_IS_TRAVELLER (self), NULL);
  return self->document_type;
}

const char *
tarmac_traveller_get_document_number (TarmacTraveller *self)
{
  g_return_val_if_fail (TARMAC_IS_TRAVELLER (self), NULL);
  return self->document_number;
}

const char *
tarmac_traveller_get_flight_label (TarmacTraveller *self)
{
  g_return_val_if_fail (TARMAC_IS_TRAVELLER (self), NULL);
  return self->flight_label;
}
