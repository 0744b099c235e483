/* tarmac-seizure-person.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define TARMAC_TYPE_SEIZURE_PERSON (tarmac_seizure_person_get_type ())

G_DECLARE_FINAL_TYPE (TarmacSeizurePerson, tarmac_seizure_person, TARMAC, SEIZURE_PERSON, GObject)

TarmacSeizurePerson *tarmac_seizure_person_new (void);

const char *tarmac_seizure_person_get_role (TarmacSeizurePerson *self);
void tarmac_seizure_person_set_role (TarmacSeizurePerson *self, const char *role);
const char *tarmac_seizure_person_get_nationality (TarmacSeizurePerson *self);
void tarmac_seizure_person_set_nationality (TarmacSeizurePerson *self, const char *nationality);
const char *tarmac_seizure_person_get_sex (TarmacSeizurePerson *self);
void tarmac_seizure_person_set_sex (TarmacSeizurePerson *self, const char *sex);
const char *tarmac_seizure_person_get_age_band (TarmacSeizurePerson *self);
void tarmac_seizure_person_set_age_band (TarmacSeizurePerson *self, const char *age_band);
gboolean tarmac_seizure_person_get_arrested (TarmacSeizurePerson *self);
void tarmac_seizure_person_set_arrested (TarmacSeizurePerson *self, gboolean arrested);


G_END_DECLS
