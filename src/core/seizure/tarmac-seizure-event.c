/* tarmac-seizure-event.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-seizure"

#include "config.h"

#include "tarmac-seizure-event.h"

struct _TarmacSeizureEvent
{
  GObject  parent_instance;

  char    *record;       /* ht_referral, security_referral, activity */
  gint64   id;
  char    *day;          /* YYYY-MM-DD */
  char    *airport;
  char    *kind;         /* security trigger, activity kind, exploitation type */
  char    *title;        /* an activity's title */
  gint64   persons;      /* victims, persons referred, participants */
  gint64   female;       /* of whom women and girls */
  char    *referred_to;
  char    *outcome;
};

G_DEFINE_FINAL_TYPE (TarmacSeizureEvent, tarmac_seizure_event, G_TYPE_OBJECT)

static void
tarmac_seizure_event_finalize (GObject *object)
{
  TarmacSeizureEvent *self = (TarmacSeizureEvent *)object;

  g_clear_pointer (&self->record, g_free);
  g_clear_pointer (&self->day, g_free);
  g_clear_pointer (&self->airport, g_free);
  g_clear_pointer (&self->kind, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->referred_to, g_free);
  g_clear_pointer (&self->outcome, g_free);

  G_OBJECT_CLASS (tarmac_seizure_event_parent_class)->finalize (object);
}

static void
tarmac_seizure_event_class_init (TarmacSeizureEventClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tarmac_seizure_event_finalize;
}

static void
tarmac_seizure_event_init (TarmacSeizureEvent *self)
{
}

TarmacSeizureEvent *
tarmac_seizure_event_new (const char *record,
                          gint64      id)
{
  TarmacSeizureEvent *self = g_object_new (TARMAC_TYPE_SEIZURE_EVENT, NULL);

  self->record = g_strdup (record);
  self->id = id;
  return self;
}

#define STRING_FIELD(name) \
  const char * \
  tarmac_seizure_event_get_##name (TarmacSeizureEvent *self) \
  { \
    g_return_val_if_fail (TARMAC_IS_SEIZURE_EVENT (self), NULL); \
    return self->name; \
  } \
  void \
  tarmac_seizure_event_set_##name (TarmacSeizureEvent *self, \
                                   const char         *value) \
  { \
    g_return_if_fail (TARMAC_IS_SEIZURE_EVENT (self)); \
    g_free (self->name); \
    self->name = g_strdup (value); \
  }

#define INT_FIELD(name) \
  gint64 \
  tarmac_seizure_event_get_##name (TarmacSeizureEvent *self) \
  { \
    g_return_val_if_fail (TARMAC_IS_SEIZURE_EVENT (self), 0); \
    return self->name; \
  } \
  void \
  tarmac_seizure_event_set_##name (TarmacSeizureEvent *self, \
                                   gint64              value) \
  { \
    g_return_if_fail (TARMAC_IS_SEIZURE_EVENT (self)); \
    self->name = value; \
  }

STRING_FIELD (day)
STRING_FIELD (airport)
STRING_FIELD (kind)
STRING_FIELD (title)
STRING_FIELD (referred_to)
STRING_FIELD (outcome)
INT_FIELD (persons)
INT_FIELD (female)

const char *
tarmac_seizure_event_get_record (TarmacSeizureEvent *self)
{
  g_return_val_if_fail (TARMAC_IS_SEIZURE_EVENT (self), NULL);
  return self->record;
}

gint64
tarmac_seizure_event_get_id (TarmacSeizureEvent *self)
{
  g_return_val_if_fail (TARMAC_IS_SEIZURE_EVENT (self), 0);
  return self->id;
}
