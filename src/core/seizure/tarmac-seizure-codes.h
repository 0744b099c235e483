/* tarmac-seizure-codes.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The reference codes of seizure records (data/seizure-codes.json, compiled into the
 * library): categories, sub-types, units and their kg factors, concealments, detection
 * techniques, selection reasons, agency roles and types, route and person roles,
 * currencies… Codes are language-free; each has labels in en, fr, es, pt and ar. */

#define TARMAC_TYPE_SEIZURE_CODES (tarmac_seizure_codes_get_type ())

G_DECLARE_FINAL_TYPE (TarmacSeizureCodes, tarmac_seizure_codes, TARMAC, SEIZURE_CODES, GObject)

TarmacSeizureCodes *tarmac_seizure_codes_get_default     (void);
TarmacSeizureCodes *tarmac_seizure_codes_new_from_bytes  (GBytes              *json,
                                                          GError             **error);

gboolean     tarmac_seizure_codes_has                    (TarmacSeizureCodes  *self,
                                                          const char          *table,
                                                          const char          *code);
const char  *tarmac_seizure_codes_get_label              (TarmacSeizureCodes  *self,
                                                          const char          *table,
                                                          const char          *code,
                                                          const char          *language);
GListModel  *tarmac_seizure_codes_list                   (TarmacSeizureCodes  *self,
                                                          const char          *table,
                                                          const char          *parent,
                                                          const char          *language);
const char  *tarmac_seizure_codes_get_category           (TarmacSeizureCodes  *self,
                                                          const char          *subtype);
const char  *tarmac_seizure_codes_get_area               (TarmacSeizureCodes  *self,
                                                          const char          *category);
gboolean     tarmac_seizure_codes_unit_allowed           (TarmacSeizureCodes  *self,
                                                          const char          *subtype,
                                                          const char          *unit);
gboolean     tarmac_seizure_codes_get_kg_factor          (TarmacSeizureCodes  *self,
                                                          const char          *subtype,
                                                          const char          *unit,
                                                          double              *kg_per_unit);
int          tarmac_seizure_codes_get_minor_units        (TarmacSeizureCodes  *self,
                                                          const char          *currency);
gboolean     tarmac_seizure_codes_is_targeted            (TarmacSeizureCodes  *self,
                                                          const char          *selection_reason);
const char  *tarmac_seizure_codes_get_language           (void);

/* Conversions (research/seizures.md §2.2, §4): bulk weight, no purity adjustment. */
gboolean     tarmac_seizure_kg_equivalent                (TarmacSeizureCodes  *codes,
                                                          const char          *subtype,
                                                          const char          *unit,
                                                          double               quantity,
                                                          double              *kg,
                                                          double              *kg_per_unit);
gboolean     tarmac_seizure_usd_minor                    (TarmacSeizureCodes  *codes,
                                                          const char          *currency,
                                                          gint64               value_minor,
                                                          double               usd_per_unit,
                                                          gint64              *usd_minor);

G_END_DECLS
