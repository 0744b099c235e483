/* tarmac-pnr-contact.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-pnr-contact"

#include "config.h"

#include "tarmac-pnr-contact.h"

/* A phone number, e-mail address or postal address given in a booking. kind is "phone",
 * "email" or "address". */

struct _TarmacPnrContact
{
  GObject  parent_instance;

  char    *kind;
  char    *value;
};

G_DEFINE_FINAL_TYPE (TarmacPnrContact, tarmac_pnr_contact, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KIND,
  PROP_VALUE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
tarmac_pnr_contact_finalize (GObject *object)
{
  TarmacPnrContact *self = (TarmacPnrContact *)object;

  g_clear_pointer (&self->kind, g_free);
  g_clear_pointer (&self->value, g_free);

  G_OBJECT_CLASS (tarmac_pnr_contact_parent_class)->finalize (object);
}

static void
tarmac_pnr_contact_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  TarmacPnrContact *self = TARMAC_PNR_CONTACT (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_string (value, self->kind);
      break;

    case PROP_VALUE:
      g_value_set_string (value, self->value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tarmac_pnr_contact_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  TarmacPnrContact *self = TARMAC_PNR_CONTACT (object);

  switch (prop_id)
    {
    case PROP_KIND:
      self->kind = g_value_dup_string (value);
      break;

    case PROP_VALUE:
      self->value = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tarmac_pnr_contact_class_init (TarmacPnrContactClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags construct_flags = (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                       G_PARAM_STATIC_STRINGS);

  object_class->finalize = tarmac_pnr_contact_finalize;
  object_class->get_property = tarmac_pnr_contact_get_property;
  object_class->set_property = tarmac_pnr_contact_set_property;

  properties[PROP_KIND] =
    g_param_spec_string ("kind", NULL, NULL, NULL, construct_flags);
  properties[PROP_VALUE] =
    g_param_spec_string ("value", NULL, NULL, NULL, construct_flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tarmac_pnr_contact_init (TarmacPnrContact *self)
{
}

const char *
tarmac_pnr_contact_get_kind (TarmacPnrContact *self)
{
  g_return_val_if_fail (TARMAC_IS_PNR_CONTACT (self), NULL);
  return self->kind;
}

const char *
tarmac_pnr_contact_get_value (TarmacPnrContact *self)
{
  g_return_val_if_fail (TARMAC_IS_PNR_CONTACT (self), NULL);
  return self->value;
}
