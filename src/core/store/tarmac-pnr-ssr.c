/* tarmac-pnr-ssr.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-pnr-ssr"

#include "config.h"

#include "tarmac-pnr-ssr.h"

/* A special service request of a booking (DOCS, WCHR, VGML…). traveller_id is 0 when
 * the request is about the whole booking rather than one of its travellers. */

struct _TarmacPnrSsr
{
  GObject  parent_instance;

  char    *code;
  char    *text;
  gint64   traveller_id;
};

G_DEFINE_FINAL_TYPE (TarmacPnrSsr, tarmac_pnr_ssr, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CODE,
  PROP_TEXT,
  PROP_TRAVELLER_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
tarmac_pnr_ssr_finalize (GObject *object)
{
  TarmacPnrSsr *self = (TarmacPnrSsr *)object;

  g_clear_pointer (&self->code, g_free);
  g_clear_pointer (&self->text, g_free);

  G_OBJECT_CLASS (tarmac_pnr_ssr_parent_class)->finalize (object);
}

static void
tarmac_pnr_ssr_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  TarmacPnrSsr *self = TARMAC_PNR_SSR (object);

  switch (prop_id)
    {
    case PROP_CODE:
      g_value_set_string (value, self->code);
      break;

    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;

    case PROP_TRAVELLER_ID:
      g_value_set_int64 (value, self->traveller_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tarmac_pnr_ssr_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  TarmacPnrSsr *self = TARMAC_PNR_SSR (object);

  switch (prop_id)
    {
    case PROP_CODE:
      self->code = g_value_dup_string (value);
      break;

    case PROP_TEXT:
      self->text = g_value_dup_string (value);
      break;

    case PROP_TRAVELLER_ID:
      self->traveller_id = g_value_get_int64 (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tarmac_pnr_ssr_class_init (TarmacPnrSsrClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags construct_flags = (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                       G_PARAM_STATIC_STRINGS);

  object_class->finalize = tarmac_pnr_ssr_finalize;
  object_class->get_property = tarmac_pnr_ssr_get_property;
  object_class->set_property = tarmac_pnr_ssr_set_property;

  properties[PROP_CODE] =
    g_param_spec_string ("code", NULL, NULL, NULL, construct_flags);
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL, construct_flags);
  properties[PROP_TRAVELLER_ID] =
    g_param_spec_int64 ("traveller-id", NULL, NULL, 0, G_MAXINT64, 0, construct_flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tarmac_pnr_ssr_init (TarmacPnrSsr *self)
{
}

const char *
tarmac_pnr_ssr_get_code (TarmacPnrSsr *self)
{
  g_return_val_if_fail (TARMAC_IS_PNR_SSR (self), NULL);
  return self->code;
}

const char *
tarmac_pnr_ssr_get_text (TarmacPnrSsr *self)
{
  g_return_val_if_fail (TARMAC_IS_PNR_SSR (self), NULL);
  return self->text;
}

gint64
tarmac_pnr_ssr_get_traveller_id (TarmacPnrSsr *self)
{
  g_return_val_if_fail (TARMAC_IS_PNR_SSR (self), 0);
  return self->traveller_id;
}
