/* tarmac-pnr-version.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-pnr-version"

#include "config.h"

#include "tarmac-pnr-version.h"

/* One push of a booking (a pnr row): its version number, when the airline pushed it
 * (DAT+700) and the file it came in. */

struct _TarmacPnrVersion
{
  GObject  parent_instance;

  gint64   id;
  gint64   version;
  char    *pushed_at;
  char    *modified_at_source;
  char    *file_name;
};

G_DEFINE_FINAL_TYPE (TarmacPnrVersion, tarmac_pnr_version, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_VERSION,
  PROP_PUSHED_AT,
  PROP_MODIFIED_AT_SOURCE,
  PROP_FILE_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
tarmac_pnr_version_finalize (GObject *object)
{
  TarmacPnrVersion *self = (TarmacPnrVersion *)object;

  g_clear_pointer (&self->pushed_at, g_free);
  g_clear_pointer (&self->modified_at_source, g_free);
  g_clear_pointer (&self->file_name, g_free);

  G_OBJECT_CLASS (tarmac_pnr_version_parent_class)->finalize (object);
}

static void
tarmac_pnr_version_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  TarmacPnrVersion *self = TARMAC_PNR_VERSION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_VERSION:
      g_value_set_int64 (value, self->version);
      break;

    case PROP_PUSHED_AT:
      g_value_set_string (value, self->pushed_at);
      break;

    case PROP_MODIFIED_AT_SOURCE:
      g_value_set_string (value, self->modified_at_source);
      break;

    case PROP_FILE_NAME:
      g_value_set_string (value, self->file_name);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tarmac_pnr_version_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  TarmacPnrVersion *self = TARMAC_PNR_VERSION (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;

    case PROP_VERSION:
      self->version = g_value_get_int64 (value);
      break;

    case PROP_PUSHED_AT:
      self->pushed_at = g_value_dup_string (value);
      break;

    case PROP_MODIFIED_AT_SOURCE:
      self->modified_at_source = g_value_dup_string (value);
      break;

    case PROP_FILE_NAME:
      self->file_name = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tarmac_pnr_version_class_init (TarmacPnrVersionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags construct_flags = (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                       G_PARAM_STATIC_STRINGS);

  object_class->finalize = tarmac_pnr_version_finalize;
  object_class->get_property = tarmac_pnr_version_get_property;
  object_class->set_property = tarmac_pnr_version_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, construct_flags);
  properties[PROP_VERSION] =
    g_param_spec_int64 ("version", NULL, NULL, 1, G_MAXINT64, 1, construct_flags);
  properties[PROP_PUSHED_AT] =
    g_param_spec_string ("pushed-at", NULL, NULL, NULL, construct_flags);
  properties[PROP_MODIFIED_AT_SOURCE] =
    g_param_spec_string ("modified-at-source", NULL, NULL, NULL, construct_flags);
  properties[PROP_FILE_NAME] =
    g_param_spec_string ("file-name", NULL, NULL, NULL, construct_flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tarmac_pnr_version_init (TarmacPnrVersion *self)
{
}

gint64
tarmac_pnr_version_get_id (TarmacPnrVersion *self)
{
  g_return_val_if_fail (TARMAC_IS_PNR_VERSION (self), 0);
  return self->id;
}

gint64
tarmac_pnr_version_get_version (TarmacPnrVersion *self)
{
  g_return_val_if_fail (TARMAC_IS_PNR_VERSION (self), 1);
  return self->version;
}

const char *
tarmac_pnr_version_get_pushed_at (TarmacPnrVersion *self)
{
  g_return_val_if_fail (TARMAC_IS_PNR_VERSION (self), NULL);
  return self->pushed_at;
}

const char *
tarmac_pnr_version_get_modified_at_source (TarmacPnrVersion *self)
{
  g_return_val_if_fail (TARMAC_IS_PNR_VERSION (self), NULL);
  return self->modified_at_source;
}

const char *
tarmac_pnr_version_get_file_name (TarmacPnrVersion *self)
{
  g_return_val_if_fail (TARMAC_IS_PNR_VERSION (self), NULL);
  return self->file_name;
}
