/* tarmac-seizure-code.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define TARMAC_TYPE_SEIZURE_CODE (tarmac_seizure_code_get_type ())

G_DECLARE_FINAL_TYPE (TarmacSeizureCode, tarmac_seizure_code, TARMAC, SEIZURE_CODE, GObject)

TarmacSeizureCode *tarmac_seizure_code_new (void);

const char *tarmac_seizure_code_get_code (TarmacSeizureCode *self);
void tarmac_seizure_code_set_code (TarmacSeizureCode *self, const char *code);
const char *tarmac_seizure_code_get_label (TarmacSeizureCode *self);
void tarmac_seizure_code_set_label (TarmacSeizureCode *self, const char *label);
const char *tarmac_seizure_code_get_parent (TarmacSeizureCode *self);
void tarmac_seizure_code_set_parent (TarmacSeizureCode *self, const char *parent);


G_END_DECLS
