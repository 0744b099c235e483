/* tarmac-traveller-source.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-traveller-source"

#include "config.h"

#include "tarmac-traveller-source.h"

/* A message a traveller was read from: the file, its format and import time, and the
 * message's type, sender and reference. */

struct _TarmacTravellerSource
{
  GObject  parent_instance;

  char    *file_name;
  char    *format;
  char    *imported_at;
  char    *message_type;
  char    *sender;
  char    *reference;
  char    *pushed_at;
};

G_DEFINE_FINAL_TYPE (TarmacTravellerSource, tarmac_traveller_source, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FILE_NAME,
  PROP_FORMAT,
  PROP_IMPORTED_AT,
  PROP_MESSAGE_TYPE,
  PROP_SENDER,
  PROP_REFERENCE,
  PROP_PUSHED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
tarmac_traveller_source_finalize (GObject *object)
{
  TarmacTravellerSource *self = (TarmacTravellerSource *)object;

  g_clear_pointer (&self->file_name, g_free);
  g_clear_pointer (&self->format, g_free);
  g_clear_pointer (&self->imported_at, g_free);
  g_clear_pointer (&self->message_type, g_free);
  g_clear_pointer (&self->sender, g_free);
  g_clear_pointer (&self->reference, g_free);
  g_clear_pointer (&self->pushed_at, g_free);

  G_OBJECT_CLASS (tarmac_traveller_source_parent_class)->finalize (object);
}

static void
tarmac_traveller_source_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  TarmacTravellerSource *self = TARMAC_TRAVELLER_SOURCE (object);

  switch (prop_id)
    {
    case PROP_FILE_NAME:
      g_value_set_string (value, self->file_name);
      break;

    case PROP_FORMAT:
      g_value_set_string (value, self->format);
      break;

    case PROP_IMPORTED_AT:
      g_value_set_string (value, self->imported_at);
      break;

    case PROP_MESSAGE_TYPE:
      g_value_set_string (value, self->message_type);
      break;

    case PROP_SENDER:
      g_value_set_string (value, self->sender);
      break;

    case PROP_REFERENCE:
      g_value_set_string (value, self->reference);
      break;

    case PROP_PUSHED_AT:
      g_value_set_string (value, self->pushed_at);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tarmac_traveller_source_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  TarmacTravellerSource *self = TARMAC_TRAVELLER_SOURCE (object);

  switch (prop_id)
    {
    case PROP_FILE_NAME:
      self->file_name = g_value_dup_string (value);
      break;

    case PROP_FORMAT:
      self->format = g_value_dup_string (value);
      break;

    case PROP_IMPORTED_AT:
      self->imported_at = g_value_dup_string (value);
      break;

    case PROP_MESSAGE_TYPE:
      self->message_type = g_value_dup_string (value);
      break;

    case PROP_SENDER:
      self->sender = g_value_dup_string (value);
      break;

    case PROP_REFERENCE:
      self->reference = g_value_dup_string (value);
      break;

    case PROP_PUSHED_AT:
      self->pushed_at = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tarmac_traveller_source_class_init (TarmacTravellerSourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags construct_flags = (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                       G_PARAM_STATIC_STRINGS);

  object_class->finalize = tarmac_traveller_source_finalize;
  object_class->get_property = tarmac_traveller_source_get_property;
  object_class->set_property = tarmac_traveller_source_set_property;

  properties[PROP_FILE_NAME] =
    g_param_spec_string ("file-name", NULL, NULL, NULL, construct_flags);
  properties[PROP_FORMAT] =
    g_param_spec_string ("format", NULL, NULL, NULL, construct_flags);
  properties[PROP_IMPORTED_AT] =
    g_param_spec_string ("imported-at", NULL, NULL, NULL, construct_flags);
  properties[PROP_MESSAGE_TYPE] =
    g_param_spec_string ("message-type", NULL, NULL, NULL, construct_flags);
  properties[PROP_SENDER] =
    g_param_spec_string ("sender", NULL, NULL, NULL, construct_flags);
  properties[PROP_REFERENCE] =
    g_param_spec_string ("reference", NULL, NULL, NULL, construct_flags);
  properties[PROP_PUSHED_AT] =
    g_param_spec_string ("pushed-at", NULL, NULL, NULL, construct_flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tarmac_traveller_source_init (TarmacTravellerSource *self)
{
}

const char *
tarmac_traveller_source_get_file_name (TarmacTravellerSource *self)
{
  g_return_val_if_fail (TARMAC_IS_TRAVELLER_SOURCE (self), NULL);
  return self->file_name;
}

const char *
tarmac_traveller_source_get_format (TarmacTravellerSource *self)
{
  g_return_val_if_fail (TARMAC_IS_TRAVELLER_SOURCE (self), NULL);
  return self->format;
}

const char *
tarmac_traveller_source_get_imported_at (TarmacTravellerSource *self)
{
  g_return_val_if_fail (TARMAC_IS_TRAVELLER_SOURCE (self), NULL);
  return self->imported_at;
}

const char *
tarmac_traveller_source_get_message_type (TarmacTravellerSource *self)
{
  g_return_val_if_fail (TARMAC_IS_TRAVELLER_SOURCE (self), NULL);
  return self->message_type;
}

const char *
tarmac_traveller_source_get_sender (TarmacTravellerSource *self)
{
  g_return_val_if_fail (TARMAC_IS_TRAVELLER_SOURCE (self), NULL);
  return self->sender;
}

const char *
tarmac_traveller_source_get_reference (TarmacTravellerSource *self)
{
  g_return_val_if_fail (TARMAC_IS_TRAVELLER_SOURCE (self), NULL);
  return self->reference;
}

const char *
tarmac_traveller_source_get_pushed_at (TarmacTravellerSource *self)
{
  g_return_val_if_fail (TARMAC_IS_TRAVELLER_SOURCE (self), NULL);
  return self->pushed_at;
}
