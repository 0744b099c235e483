/* tarmac-seizure-custody-event.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define TARMAC_TYPE_SEIZURE_CUSTODY_EVENT (tarmac_seizure_custody_event_get_type ())

G_DECLARE_FINAL_TYPE (TarmacSeizureCustodyEvent, tarmac_seizure_custody_event, TARMAC, SEIZURE_CUSTODY_EVENT, GObject)

TarmacSeizureCustodyEvent *tarmac_seizure_custody_event_new (void);

gint64 tarmac_seizure_custody_event_get_id (TarmacSeizureCustodyEvent *self);
void tarmac_seizure_custody_event_set_id (TarmacSeizureCustodyEvent *self, gint64 id);
gint64 tarmac_seizure_custody_event_get_exhibit_id (TarmacSeizureCustodyEvent *self);
void tarmac_seizure_custody_event_set_exhibit_id (TarmacSeizureCustodyEvent *self, gint64 exhibit_id);
const char *tarmac_seizure_custody_event_get_at (TarmacSeizureCustodyEvent *self);
void tarmac_seizure_custody_event_set_at (TarmacSeizureCustodyEvent *self, const char *at);
const char *tarmac_seizure_custody_event_get_action (TarmacSeizureCustodyEvent *self);
void tarmac_seizure_custody_event_set_action (TarmacSeizureCustodyEvent *self, const char *action);
const char *tarmac_seizure_custody_event_get_from_party (TarmacSeizureCustodyEvent *self);
void tarmac_seizure_custody_event_set_from_party (TarmacSeizureCustodyEvent *self, const char *from_party);
const char *tarmac_seizure_custody_event_get_to_party (TarmacSeizureCustodyEvent *self);
void tarmac_seizure_custody_event_set_to_party (TarmacSeizureCustodyEvent *self, const char *to_party);
const char *tarmac_seizure_custody_event_get_seal_no_after (TarmacSeizureCustodyEvent *self);
void tarmac_seizure_custody_event_set_seal_no_after (TarmacSeizureCustodyEvent *self, const char *seal_no_after);
const char *tarmac_seizure_custody_event_get_reason (TarmacSeizureCustodyEvent *self);
void tarmac_seizure_custody_event_set_reason (TarmacSeizureCustodyEvent *self, const char *reason);
const char *tarmac_seizure_custody_event_get_witness (TarmacSeizureCustodyEvent *self);
void tarmac_seizure_custody_event_set_witness (TarmacSeizureCustodyEvent *self, const char *witness);
const char *tarmac_seizure_custody_event_get_notes (TarmacSeizureCustodyEvent *self);
void tarmac_seizure_custody_event_set_notes (TarmacSeizureCustodyEvent *self, const char *notes);
const char *tarmac_seizure_custody_event_get_recorded_by (TarmacSeizureCustodyEvent *self);
void tarmac_seizure_custody_event_set_recorded_by (TarmacSeizureCustodyEvent *self, const char *recorded_by);

G_END_DECLS
