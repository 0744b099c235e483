/* tarmac-seizure-leg.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define TARMAC_TYPE_SEIZURE_LEG (tarmac_seizure_leg_get_type ())

G_DECLARE_FINAL_TYPE (TarmacSeizureLeg, tarmac_seizure_leg, TARMAC, SEIZURE_LEG, GObject)

TarmacSeizureLeg *tarmac_seizure_leg_new (void);

int tarmac_seizure_leg_get_seq (TarmacSeizureLeg *self);
void tarmac_seizure_leg_set_seq (TarmacSeizureLeg *self, int seq);
const char *tarmac_seizure_leg_get_role (TarmacSeizureLeg *self);
void tarmac_seizure_leg_set_role (TarmacSeizureLeg *self, const char *role);
const char *tarmac_seizure_leg_get_country (TarmacSeizureLeg *self);
void tarmac_seizure_leg_set_country (TarmacSeizureLeg *self, const char *country);
const char *tarmac_seizure_leg_get_airport (TarmacSeizureLeg *self);
void tarmac_seizure_leg_set_airport (TarmacSeizureLeg *self, const char *airport);


G_END_DECLS
