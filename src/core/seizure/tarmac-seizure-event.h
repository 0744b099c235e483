/* tarmac-seizure-event.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* One of the other events of the results sheet (research/seizures.md §8.5), as listed:
 * a trafficking referral, a security referral or an activity. Counts and outcomes, never
 * identities. */

#define TARMAC_TYPE_SEIZURE_EVENT (tarmac_seizure_event_get_type ())

G_DECLARE_FINAL_TYPE (TarmacSeizureEvent, tarmac_seizure_event, TARMAC, SEIZURE_EVENT, GObject)

TarmacSeizureEvent *tarmac_seizure_event_new             (const char         *record,
                                                          gint64              id);
const char         *tarmac_seizure_event_get_record      (TarmacSeizureEvent *self);
gint64              tarmac_seizure_event_get_id          (TarmacSeizureEvent *self);
const char         *tarmac_seizure_event_get_day         (TarmacSeizureEvent *self);
void                tarmac_seizure_event_set_day         (TarmacSeizureEvent *self,
                                                          const char         *day);
const char         *tarmac_seizure_event_get_airport     (TarmacSeizureEvent *self);
void                tarmac_seizure_event_set_airport     (TarmacSeizureEvent *self,
                                                          const char         *airport);
const char         *tarmac_seizure_event_get_kind        (TarmacSeizureEvent *self);
void                tarmac_seizure_event_set_kind        (TarmacSeizureEvent *self,
                                                          const char         *kind);
const char         *tarmac_seizure_event_get_title       (TarmacSeizureEvent *self);
void                tarmac_seizure_event_set_title       (TarmacSeizureEvent *self,
                                                          const char         *title);
gint64              tarmac_seizure_event_get_persons     (TarmacSeizureEvent *self);
void                tarmac_seizure_event_set_persons     (TarmacSeizureEvent *self,
                                                          gint64              persons);
gint64              tarmac_seizure_event_get_female      (TarmacSeizureEvent *self);
void                tarmac_seizure_event_set_female      (TarmacSeizureEvent *self,
                                                          gint64              female);
const char         *tarmac_seizure_event_get_referred_to (TarmacSeizureEvent *self);
void                tarmac_seizure_event_set_referred_to (TarmacSeizureEvent *self,
                                                          const char         *referred_to);
const char         *tarmac_seizure_event_get_outcome     (TarmacSeizureEvent *self);
void                tarmac_seizure_event_set_outcome     (TarmacSeizureEvent *self,
                                                          const char         *outcome);

G_END_DECLS
