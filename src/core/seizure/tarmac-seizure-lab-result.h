/* tarmac-seizure-lab-result.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define TARMAC_TYPE_SEIZURE_LAB_RESULT (tarmac_seizure_lab_result_get_type ())

G_DECLARE_FINAL_TYPE (TarmacSeizureLabResult, tarmac_seizure_lab_result, TARMAC, SEIZURE_LAB_RESULT, GObject)

TarmacSeizureLabResult *tarmac_seizure_lab_result_new (void);

gint64 tarmac_seizure_lab_result_get_id (TarmacSeizureLabResult *self);
void tarmac_seizure_lab_result_set_id (TarmacSeizureLabResult *self, gint64 id);
gint64 tarmac_seizure_lab_result_get_exhibit_id (TarmacSeizureLabResult *self);
void tarmac_seizure_lab_result_set_exhibit_id (TarmacSeizureLabResult *self, gint64 exhibit_id);
const char *tarmac_seizure_lab_result_get_lab_name (TarmacSeizureLabResult *self);
void tarmac_seizure_lab_result_set_lab_name (TarmacSeizureLabResult *self, const char *lab_name);
const char *tarmac_seizure_lab_result_get_received_at (TarmacSeizureLabResult *self);
void tarmac_seizure_lab_result_set_received_at (TarmacSeizureLabResult *self, const char *received_at);
const char *tarmac_seizure_lab_result_get_reported_at (TarmacSeizureLabResult *self);
void tarmac_seizure_lab_result_set_reported_at (TarmacSeizureLabResult *self, const char *reported_at);
const char *tarmac_seizure_lab_result_get_substance (TarmacSeizureLabResult *self);
void tarmac_seizure_lab_result_set_substance (TarmacSeizureLabResult *self, const char *substance);
double tarmac_seizure_lab_result_get_purity_pct (TarmacSeizureLabResult *self);
void tarmac_seizure_lab_result_set_purity_pct (TarmacSeizureLabResult *self, double purity_pct);
const char *tarmac_seizure_lab_result_get_report_ref (TarmacSeizureLabResult *self);
void tarmac_seizure_lab_result_set_report_ref (TarmacSeizureLabResult *self, const char *report_ref);

G_END_DECLS
