/* tarmac-seizure-custody-event.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-seizure"

#include "config.h"

#include "tarmac-seizure-custody-event.h"

/* One step in an exhibit's chain of custody: who handed it to whom, when, why, the seal after it and the witness. Append-only. */
struct _TarmacSeizureCustodyEvent
{
  GObject parent_instance;

  gint64 id;
  gint64 exhibit_id;
  char *at;
  char *action;
  char *from_party;
  char *to_party;
  char *seal_no_after;
  char *reason;
  char *witness;
  char *notes;
  char *recorded_by;
};

G_DEFINE_FINAL_TYPE (TarmacSeizureCustodyEvent, tarmac_seizure_custody_event, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_EXHIBIT_ID,
  PROP_AT,
  PROP_ACTION,
  PROP_FROM_PARTY,
  PROP_TO_PARTY,
  PROP_SEAL_NO_AFTER,
  PROP_REASON,
  PROP_WITNESS,
  PROP_NOTES,
  PROP_RECORDED_BY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
tarmac_seizure_custody_event_finalize (GObject *object)
{
  TarmacSeizureCustodyEvent *self = (TarmacSeizureCustodyEvent *)object;

  g_clear_pointer (&self->at, g_free);
  g_clear_pointer (&self->action, g_free);
  g_clear_pointer (&self->from_party, g_free);
  g_clear_pointer (&self->to_party, g_free);
  g_clear_pointer (&self->seal_no_after, g_free);
  g_clear_pointer (&self->reason, g_free);
  g_clear_pointer (&self->witness, g_free);
  g_clear_pointer (&self->notes, g_free);
  g_clear_pointer (&self->recorded_by, g_free);

  G_OBJECT_CLASS (tarmac_seizure_custody_event_parent_class)->finalize (object);
}

static void
tarmac_seizure_custody_event_get_property (GObject    *object,
                                           guint       prop_id,
                                           GValue     *value,
                                           GParamSpec *pspec)
{
  TarmacSeizureCustodyEvent *self = TARMAC_SEIZURE_CUSTODY_EVENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_EXHIBIT_ID:
      g_value_set_int64 (value, self->exhibit_id);
      break;
    case PROP_AT:
      g_value_set_string (value, self->at);
      break;
    case PROP_ACTION:
      g_value_set_string (value, self->action);
      break;
    case PROP_FROM_PARTY:
      g_value_set_string (value, self->from_party);
      break;
    case PROP_TO_PARTY:
      g_value_set_string (value, self->to_party);
      break;
    case PROP_SEAL_NO_AFTER:
      g_value_set_string (value, self->seal_no_after);
      break;
    case PROP_REASON:
      g_value_set_string (value, self->reason);
      break;
    case PROP_WITNESS:
      g_value_set_string (value, self->witness);
      break;
    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;
    case PROP_RECORDED_BY:
      g_value_set_string (value, self->recorded_by);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tarmac_seizure_custody_event_set_property (GObject      *object,
                                           guint         prop_id,
                                           const GValue *value,
                                           GParamSpec   *pspec)
{
  TarmacSeizureCustodyEvent *self = TARMAC_SEIZURE_CUSTODY_EVENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      tarmac_seizure_custody_event_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_EXHIBIT_ID:
      tarmac_seizure_custody_event_set_exhibit_id (self, g_value_get_int64 (value));
      break;
    case PROP_AT:
      tarmac_seizure_custody_event_set_at (self, g_value_get_string (value));
      break;
    case PROP_ACTION:
      tarmac_seizure_custody_event_set_action (self, g_value_get_string (value));
      break;
    case PROP_FROM_PARTY:
      tarmac_seizure_custody_event_set_from_party (self, g_value_get_string (value));
      break;
    case PROP_TO_PARTY:
      tarmac_seizure_custody_event_set_to_party (self, g_value_get_string (value));
      break;
    case PROP_SEAL_NO_AFTER:
      tarmac_seizure_custody_event_set_seal_no_after (self, g_value_get_string (value));
      break;
    case PROP_REASON:
      tarmac_seizure_custody_event_set_reason (self, g_value_get_string (value));
      break;
    case PROP_WITNESS:
      tarmac_seizure_custody_event_set_witness (self, g_value_get_string (value));
      break;
    case PROP_NOTES:
      tarmac_seizure_custody_event_set_notes (self, g_value_get_string (value));
      break;
    case PROP_RECORDED_BY:
      tarmac_seizure_custody_event_set_recorded_by (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tarmac_seizure_custody_event_class_init (TarmacSeizureCustodyEventClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tarmac_seizure_custody_event_finalize;
  object_class->get_property = tarmac_seizure_custody_event_get_property;
  object_class->set_property = tarmac_seizure_custody_event_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_EXHIBIT_ID] =
    g_param_spec_int64 ("exhibit-id", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_AT] =
    g_param_spec_string ("at", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ACTION] =
    g_param_spec_string ("action", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_FROM_PARTY] =
    g_param_spec_string ("from-party", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_TO_PARTY] =
    g_param_spec_string ("to-party", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SEAL_NO_AFTER] =
    g_param_spec_string ("seal-no-after", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_REASON] =
    g_param_spec_string ("reason", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_WITNESS] =
    g_param_spec_string ("witness", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_RECORDED_BY] =
    g_param_spec_string ("recorded-by", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tarmac_seizure_custody_event_init (TarmacSeizureCustodyEvent *self)
{
}

TarmacSeizureCustodyEvent *
tarmac_seizure_custody_event_new (void)
{
  return g_object_new (TARMAC_TYPE_SEIZURE_CUSTODY_EVENT, NULL);
}

gint64
tarmac_seizure_custody_event_get_id (TarmacSeizureCustodyEvent *self)
{
  g_return_val_if_fail (TARMAC_IS_SEIZURE_CUSTODY_EVENT (self), 0);
  return self->id;
}

void
tarmac_seizure_custody_event_set_id (TarmacSeizureCustodyEvent *self,
                                     gint64 id)
{
  g_return_if_fail (TARMAC_IS_SEIZURE_CUSTODY_EVENT (self));

  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

gint64
tarmac_seizure_custody_event_get_exhibit_id (TarmacSeizureCustodyEvent *self)
{
  g_return_val_if_fail (TARMAC_IS_SEIZURE_CUSTODY_EVENT (self), 0);
  return self->exhibit_id;
}

void
tarmac_seizure_custody_event_set_exhibit_id (TarmacSeizureCustodyEvent *self,
                                             gint64 exhibit_id)
{
  g_return_if_fail (TARMAC_IS_SEIZURE_CUSTODY_EVENT (self));

  if (self->exhibit_id == exhibit_id)
    return;
  self->exhibit_id = exhibit_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXHIBIT_ID]);
}

const char *
tarmac_seizure_custody_event_get_at (TarmacSeizureCustodyEvent *self)
{
  g_return_val_if_fail (TARMAC_IS_SEIZURE_CUSTODY_EVENT (self), NULL);
  return self->at;
}

void
tarmac_seizure_custody_event_set_at (TarmacSeizureCustodyEvent *self,
                                     const char *at)
{
  g_return_if_fail (TARMAC_IS_SEIZURE_CUSTODY_EVENT (self));

  if (g_strcmp0 (self->at, at) == 0)
    return;
  g_free (self->at);
  self->at = g_strdup (at);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AT]);
}

const char *
tarmac_seizure_custody_event_get_action (TarmacSeizureCustodyEvent *self)
{
  g_return_val_if_fail (TARMAC_IS_SEIZURE_CUSTODY_EVENT (self), NULL);
  return self->action;
}

void
tarmac_seizure_custody_event_set_action (TarmacSeizureCustodyEvent *self,
                                         const char *action)
{
  g_return_if_fail (TARMAC_IS_SEIZURE_CUSTODY_EVENT (self));

  if (g_strcmp0 (self->action, action) == 0)
    return;
  g_free (self->action);
  self->action = g_strdup (action);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTION]);
}

const char *
tarmac_seizure_custody_event_get_from_party (TarmacSeizureCustodyEvent *self)
{
  g_return_val_if_fail (TARMAC_IS_SEIZURE_CUSTODY_EVENT (self), NULL);
  return self->from_party;
}

void
tarmac_seizure_custody_event_set_from_party (TarmacSeizureCustodyEvent *self,
                                             const char *from_party)
{
  g_return_if_fail (TARMAC_IS_SEIZURE_CUSTODY_EVENT (self));

  if (g_strcmp0 (self->from_party, from_party) == 0)
    return;
  g_free (self->from_party);
  self->from_party = g_strdup (from_party);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FROM_PARTY]);
}

const char *
tarmac_seizure_custody_event_get_to_party (TarmacSeizureCustodyEvent *self)
{
  g_return_val_if_fail (TARMAC_IS_SEIZURE_CUSTODY_EVENT (self), NULL);
  return self->to_party;
}

void
tarmac_seizure_custody_event_set_to_party (TarmacSeizureCustodyEvent *self,
                                           const char *to_party)
{
  g_return_if_fail (TARMAC_IS_SEIZURE_CUSTODY_EVENT (self));

  if (g_strcmp0 (self->to_party, to_party) == 0)
    return;
  g_free (self->to_party);
  self->to_party = g_strdup (to_party);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TO_PARTY]);
}

const char *
tarmac_seizure_custody_event_get_seal_no_after (TarmacSeizureCustodyEvent *self)
{
  g_return_val_if_fail (TARMAC_IS_SEIZURE_CUSTODY_EVENT (self), NULL);
  return self->seal_no_after;
}

void
tarmac_seizure_custody_event_set_seal_no_after (TarmacSeizureCustodyEvent *self,
                                                const char *seal_no_after)
{
  g_return_if_fail (TARMAC_IS_SEIZURE_CUSTODY_EVENT (self));

  if (g_strcmp0 (self->seal_no_after, seal_no_after) == 0)
    return;
  g_free (self->seal_no_after);
  self->seal_no_after = g_strdup (seal_no_after);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEAL_NO_AFTER]);
}

const char *
tarmac_seizure_custody_event_get_reason (TarmacSeizureCustodyEvent *self)
{
  g_return_val_if_fail (TARMAC_IS_SEIZURE_CUSTODY_EVENT (self), NULL);
  return self->reason;
}

void
tarmac_seizure_custody_event_set_reason (TarmacSeizureCustodyEvent *self,
                                         const char *reason)
{
  g_return_if_fail (TARMAC_IS_SEIZURE_CUSTODY_EVENT (self));

  if (g_strcmp0 (self->reason, reason) == 0)
    return;
  g_free (self->reason);
  self->reason = g_strdup (reason);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REASON]);
}

const char *
tarmac_seizure_custody_event_get_witness (TarmacSeizureCustodyEvent *self)
{
  g_return_val_if_fail (TARMAC_IS_SEIZURE_CUSTODY_EVENT (self), NULL);
  return self->witness;
}

void
tarmac_seizure_custody_event_set_witness (TarmacSeizureCustodyEvent *self,
                                          const char *witness)
{
  g_return_if_fail (TARMAC_IS_SEIZURE_CUSTODY_EVENT (self));

  if (g_strcmp0 (self->witness, witness) == 0)
    return;
  g_free (self->witness);
  self->witness = g_strdup (witness);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WITNESS]);
}

const char *
tarmac_seizure_custody_event_get_notes (TarmacSeizureCustodyEvent *self)
{
  g_return_val_if_fail (TARMAC_IS_SEIZURE_CUSTODY_EVENT (self), NULL);
  return self->notes;
}

void
tarmac_seizure_custody_event_set_notes (TarmacSeizureCustodyEvent *self,
                                        const char *notes)
{
  g_return_if_fail (TARMAC_IS_SEIZURE_CUSTODY_EVENT (self));

  if (g_strcmp0 (self->notes, notes) == 0)
    return;
  g_free (self->notes);
  self->notes = g_strdup (notes);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTES]);
}

const char *
tarmac_seizure_custody_event_get_recorded_by (TarmacSeizureCustodyEvent *self)
{
  g_return_val_if_fail (TARMAC_IS_SEIZURE_CUSTODY_EVENT (self), NULL);
  return self->recorded_by;
}

void
tarmac_seizure_custody_event_set_recorded_by (TarmacSeizureCustodyEvent *self,
                                              const char *recorded_by)
{
  g_return_if_fail (TARMAC_IS_SEIZURE_CUSTODY_EVENT (self));

  if (g_strcmp0 (self->recorded_by, recorded_by) == 0)
    return;
  g_free (self->recorded_by);
  self->recorded_by = g_strdup (recorded_by);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECORDED_BY]);
}
