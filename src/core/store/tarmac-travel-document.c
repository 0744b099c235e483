/* tarmac-travel-document.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-travel-document"

#include "config.h"

#include "tarmac-travel-document.h"

/* One travel document of a traveller, as the traveller page lists it. check_verdict is
 * "unchecked", "valid" or "invalid" (the import's MRZ and check-digit verdict). */

struct _TarmacTravelDocument
{
  GObject  parent_instance;

  gint64   id;
  char    *document_type;
  char    *number;
  char    *issuing_state;
  char    *issued_on;
  char    *expires_on;
  char    *check_verdict;
};

G_DEFINE_FINAL_TYPE (TarmacTravelDocument, tarmac_travel_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_DOCUMENT_TYPE,
  PROP_NUMBER,
  PROP_ISSUING_STATE,
  PROP_ISSUED_ON,
  PROP_EXPIRES_ON,
  PROP_CHECK_VERDICT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
tarmac_travel_document_finalize (GObject *object)
{
  TarmacTravelDocument *self = (TarmacTravelDocument *)object;

  g_clear_pointer (&self->document_type, g_free);
  g_clear_pointer (&self->number, g_free);
  g_clear_pointer (&self->issuing_state, g_free);
  g_clear_pointer (&self->issued_on, g_free);
  g_clear_pointer (&self->expires_on, g_free);
  g_clear_pointer (&self->check_verdict, g_free);

  G_OBJECT_CLASS (tarmac_travel_document_parent_class)->finalize (object);
}

static void
tarmac_travel_document_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  TarmacTravelDocument *self = TARMAC_TRAVEL_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_DOCUMENT_TYPE:
      g_value_set_string (value, self->document_type);
      break;

    case PROP_NUMBER:
      g_value_set_string (value, self->number);
      break;

    case PROP_ISSUING_STATE:
      g_value_set_string (value, self->issuing_state);
      break;

    case PROP_ISSUED_ON:
      g_value_set_string (value, self->issued_on);
      break;

    case PROP_EXPIRES_ON:
      g_value_set_string (value, self->expires_on);
      break;

    case PROP_CHECK_VERDICT:
      g_value_set_string (value, self->check_verdict);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tarmac_travel_document_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  TarmacTravelDocument *self = TARMAC_TRAVEL_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;

    case PROP_DOCUMENT_TYPE:
      self->document_type = g_value_dup_string (value);
      break;

    case PROP_NUMBER:
      self->number = g_value_dup_string (value);
      break;

    case PROP_ISSUING_STATE:
      self->issuing_state = g_value_dup_string (value);
      break;

    case PROP_ISSUED_ON:
      self->issued_on = g_value_dup_string (value);
      break;

    case PROP_EXPIRES_ON:
      self->expires_on = g_value_dup_string (value);
      break;

    case PROP_CHECK_VERDICT:
      self->check_verdict = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tarmac_travel_document_class_init (TarmacTravelDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags construct_flags = (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                       G_PARAM_STATIC_STRINGS);

  object_class->finalize = tarmac_travel_document_finalize;
  object_class->get_property = tarmac_travel_document_get_property;
  object_class->set_property = tarmac_travel_document_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, construct_flags);
  properties[PROP_DOCUMENT_TYPE] =
    g_param_spec_string ("document-type", NULL, NULL, NULL, construct_flags);
  properties[PROP_NUMBER] =
    g_param_spec_string ("number", NULL, NULL, NULL, construct_flags);
  properties[PROP_ISSUING_STATE] =
    g_param_spec_string ("issuing-state", NULL, NULL, NULL, construct_flags);
  properties[PROP_ISSUED_ON] =
    g_param_spec_string ("issued-on", NULL, NULL, NULL, construct_flags);
  properties[PROP_EXPIRES_ON] =
    g_param_spec_string ("expires-on", NULL, NULL, NULL, construct_flags);
  properties[PROP_CHECK_VERDICT] =
    g_param_spec_string ("check-verdict", NULL, NULL, NULL, construct_flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tarmac_travel_document_init (TarmacTravelDocument *self)
{
}

gint64
tarmac_travel_document_get_id (TarmacTravelDocument *self)
{
  g_return_val_if_fail (TARMAC_IS_TRAVEL_DOCUMENT (self), 0);
  return self->id;
}

const char *
tarmac_travel_document_get_document_type (TarmacTravelDocument *self)
{
  g_return_val_if_fail (TARMAC_IS_TRAVEL_DOCUMENT (self), NULL);
  return self->document_type;
}

const char *
tarmac_travel_document_get_number (TarmacTravelDocument *self)
{
  g_return_val_if_fail (TARMAC_IS_TRAVEL_DOCUMENT (self), NULL);
  return self->number;
}

const char *
tarmac_travel_document_get_issuing_state (TarmacTravelDocument *self)
{
  g_return_val_if_fail (TARMAC_IS_TRAVEL_DOCUMENT (self), NULL);
  return self->issuing_state;
}

const char *
tarmac_travel_document_get_issued_on (TarmacTravelDocument *self)
{
  g_return_val_if_fail (TARMAC_IS_TRAVEL_DOCUMENT (self), NULL);
  return self->issued_on;
}

const char *
tarmac_travel_document_get_expires_on (TarmacTravelDocument *self)
{
  g_return_val_if_fail (TARMAC_IS_TRAVEL_DOCUMENT (self), NULL);
  return self->expires_on;
}

const char *
tarmac_travel_document_get_check_verdict (TarmacTravelDocument *self)
{
  g_return_val_if_fail (TARMAC_IS_TRAVEL_DOCUMENT (self), NULL);
  return self->check_verdict;
}
