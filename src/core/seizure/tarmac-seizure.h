/* tarmac-seizure.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define TARMAC_TYPE_SEIZURE (tarmac_seizure_get_type ())

G_DECLARE_FINAL_TYPE (TarmacSeizure, tarmac_seizure, TARMAC, SEIZURE, GObject)

TarmacSeizure *tarmac_seizure_new (void);

gint64 tarmac_seizure_get_id (TarmacSeizure *self);
void tarmac_seizure_set_id (TarmacSeizure *self, gint64 id);
const char *tarmac_seizure_get_ref_no (TarmacSeizure *self);
void tarmac_seizure_set_ref_no (TarmacSeizure *self, const char *ref_no);
gint64 tarmac_seizure_get_series_id (TarmacSeizure *self);
void tarmac_seizure_set_series_id (TarmacSeizure *self, gint64 series_id);
int tarmac_seizure_get_version (TarmacSeizure *self);
void tarmac_seizure_set_version (TarmacSeizure *self, int version);
gint64 tarmac_seizure_get_previous_id (TarmacSeizure *self);
void tarmac_seizure_set_previous_id (TarmacSeizure *self, gint64 previous_id);
const char *tarmac_seizure_get_status (TarmacSeizure *self);
void tarmac_seizure_set_status (TarmacSeizure *self, const char *status);
const char *tarmac_seizure_get_occurred_at (TarmacSeizure *self);
void tarmac_seizure_set_occurred_at (TarmacSeizure *self, const char *occurred_at);
const char *tarmac_seizure_get_airport (TarmacSeizure *self);
void tarmac_seizure_set_airport (TarmacSeizure *self, const char *airport);
const char *tarmac_seizure_get_place (TarmacSeizure *self);
void tarmac_seizure_set_place (TarmacSeizure *self, const char *place);
const char *tarmac_seizure_get_direction (TarmacSeizure *self);
void tarmac_seizure_set_direction (TarmacSeizure *self, const char *direction);
const char *tarmac_seizure_get_flow_type (TarmacSeizure *self);
void tarmac_seizure_set_flow_type (TarmacSeizure *self, const char *flow_type);
gint64 tarmac_seizure_get_flight_id (TarmacSeizure *self);
void tarmac_seizure_set_flight_id (TarmacSeizure *self, gint64 flight_id);
const char *tarmac_seizure_get_flight_label (TarmacSeizure *self);
void tarmac_seizure_set_flight_label (TarmacSeizure *self, const char *flight_label);
gint64 tarmac_seizure_get_hit_id (TarmacSeizure *self);
void tarmac_seizure_set_hit_id (TarmacSeizure *self, gint64 hit_id);
gint64 tarmac_seizure_get_traveller_id (TarmacSeizure *self);
void tarmac_seizure_set_traveller_id (TarmacSeizure *self, gint64 traveller_id);
const char *tarmac_seizure_get_selection_reason (TarmacSeizure *self);
void tarmac_seizure_set_selection_reason (TarmacSeizure *self, const char *selection_reason);
const char *tarmac_seizure_get_detection_technique (TarmacSeizure *self);
void tarmac_seizure_set_detection_technique (TarmacSeizure *self, const char *detection_technique);
const char *tarmac_seizure_get_legal_action (TarmacSeizure *self);
void tarmac_seizure_set_legal_action (TarmacSeizure *self, const char *legal_action);
const char *tarmac_seizure_get_offence_summary (TarmacSeizure *self);
void tarmac_seizure_set_offence_summary (TarmacSeizure *self, const char *offence_summary);
const char *tarmac_seizure_get_modus_operandi (TarmacSeizure *self);
void tarmac_seizure_set_modus_operandi (TarmacSeizure *self, const char *modus_operandi);
const char *tarmac_seizure_get_narrative (TarmacSeizure *self);
void tarmac_seizure_set_narrative (TarmacSeizure *self, const char *narrative);
const char *tarmac_seizure_get_sensitivity (TarmacSeizure *self);
void tarmac_seizure_set_sensitivity (TarmacSeizure *self, const char *sensitivity);
const char *tarmac_seizure_get_created_at (TarmacSeizure *self);
void tarmac_seizure_set_created_at (TarmacSeizure *self, const char *created_at);
const char *tarmac_seizure_get_created_by (TarmacSeizure *self);
void tarmac_seizure_set_created_by (TarmacSeizure *self, const char *created_by);
const char *tarmac_seizure_get_validated_at (TarmacSeizure *self);
void tarmac_seizure_set_validated_at (TarmacSeizure *self, const char *validated_at);
const char *tarmac_seizure_get_validated_by (TarmacSeizure *self);
void tarmac_seizure_set_validated_by (TarmacSeizure *self, const char *validated_by);
#include "tarmac-seizure-agency.h"
#include "tarmac-seizure-attachment.h"
#include "tarmac-seizure-item.h"
#include "tarmac-seizure-leg.h"
#include "tarmac-seizure-person.h"

GListModel *tarmac_seizure_get_items (TarmacSeizure *self);
void tarmac_seizure_add_item (TarmacSeizure *self, TarmacSeizureItem *item);
GListModel *tarmac_seizure_get_legs (TarmacSeizure *self);
void tarmac_seizure_add_leg (TarmacSeizure *self, TarmacSeizureLeg *leg);
GListModel *tarmac_seizure_get_agencies (TarmacSeizure *self);
void tarmac_seizure_add_agency (TarmacSeizure *self, TarmacSeizureAgency *agency);
GListModel *tarmac_seizure_get_persons (TarmacSeizure *self);
void tarmac_seizure_add_person (TarmacSeizure *self, TarmacSeizurePerson *person);
GListModel *tarmac_seizure_get_attachments (TarmacSeizure *self);
void tarmac_seizure_add_attachment (TarmacSeizure *self, TarmacSeizureAttachment *attachment);
void tarmac_seizure_clear_lists (TarmacSeizure *self);


G_END_DECLS
