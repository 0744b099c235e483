/* tarmac-pnr-history.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-pnr-history"

#include "config.h"

#include "tarmac-pnr-history.h"

/* One entry of a booking's history: what the reservation system recorded, and when. */

struct _TarmacPnrHistory
{
  GObject  parent_instance;

  int      seq;
  char    *at;
  char    *action;
  char    *text;
};

G_DEFINE_FINAL_TYPE (TarmacPnrHistory, tarmac_pnr_history, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SEQ,
  PROP_AT,
  PROP_ACTION,
  PROP_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
tarmac_pnr_history_finalize (GObject *object)
{
  TarmacPnrHistory *self = (TarmacPnrHistory *)object;

  g_clear_pointer (&self->at, g_free);
  g_clear_pointer (&self->action, g_free);
  g_clear_pointer (&self->text, g_free);

  G_OBJECT_CLASS (tarmac_pnr_history_parent_class)->finalize (object);
}

static void
tarmac_pnr_history_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  TarmacPnrHistory *self = TARMAC_PNR_HISTORY (object);

  switch (prop_id)
    {
    case PROP_SEQ:
      g_value_set_int (value, self->seq);
      break;

    case PROP_AT:
      g_value_set_string (value, self->at);
      break;

    case PROP_ACTION:
      g_value_set_string (value, self->action);
      break;

    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tarmac_pnr_history_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  TarmacPnrHistory *self = TARMAC_PNR_HISTORY (object);

  switch (prop_id)
    {
    case PROP_SEQ:
      self->seq = g_value_get_int (value);
      break;

    case PROP_AT:
      self->at = g_value_dup_string (value);
      break;

    case PROP_ACTION:
      self->action = g_value_dup_string (value);
      break;

    case PROP_TEXT:
      self->text = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tarmac_pnr_history_class_init (TarmacPnrHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags construct_flags = (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                       G_PARAM_STATIC_STRINGS);

  object_class->finalize = tarmac_pnr_history_finalize;
  object_class->get_property = tarmac_pnr_history_get_property;
  object_class->set_property = tarmac_pnr_history_set_property;

  properties[PROP_SEQ] =
    g_param_spec_int ("seq", NULL, NULL, 1, G_MAXINT, 1, construct_flags);
  properties[PROP_AT] =
    g_param_spec_string ("at", NULL, NULL, NULL, construct_flags);
  properties[PROP_ACTION] =
    g_param_spec_string ("action", NULL, NULL, NULL, construct_flags);
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL, construct_flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tarmac_pnr_history_init (TarmacPnrHistory *self)
{
}

int
tarmac_pnr_history_get_seq (TarmacPnrHistory *self)
{
  g_return_val_if_fail (TARMAC_IS_PNR_HISTORY (self), 1);
  return self->seq;
}

const char *
tarmac_pnr_history_get_at (TarmacPnrHistory *self)
{
  g_return_val_if_fail (TARMAC_IS_PNR_HISTORY (self), NULL);
  return self->at;
}

const char *
tarmac_pnr_history_get_action (TarmacPnrHistory *self)
{
  g_return_val_if_fail (TARMAC_IS_PNR_HISTORY (self), NULL);
  return self->action;
}

const char *
tarmac_pnr_history_get_text (TarmacPnrHistory *self)
{
  g_return_val_if_fail (TARMAC_IS_PNR_HISTORY (self), NULL);
  return self->text;
}
