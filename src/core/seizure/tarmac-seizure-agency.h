/* tarmac-seizure-agency.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define TARMAC_TYPE_SEIZURE_AGENCY (tarmac_seizure_agency_get_type ())

G_DECLARE_FINAL_TYPE (TarmacSeizureAgency, tarmac_seizure_agency, TARMAC, SEIZURE_AGENCY, GObject)

TarmacSeizureAgency *tarmac_seizure_agency_new (void);

const char *tarmac_seizure_agency_get_agency (TarmacSeizureAgency *self);
void tarmac_seizure_agency_set_agency (TarmacSeizureAgency *self, const char *agency);
const char *tarmac_seizure_agency_get_agency_type (TarmacSeizureAgency *self);
void tarmac_seizure_agency_set_agency_type (TarmacSeizureAgency *self, const char *agency_type);
const char *tarmac_seizure_agency_get_role (TarmacSeizureAgency *self);
void tarmac_seizure_agency_set_role (TarmacSeizureAgency *self, const char *role);


G_END_DECLS
