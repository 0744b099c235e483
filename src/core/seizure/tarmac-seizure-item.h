/* tarmac-seizure-item.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define TARMAC_TYPE_SEIZURE_ITEM (tarmac_seizure_item_get_type ())

G_DECLARE_FINAL_TYPE (TarmacSeizureItem, tarmac_seizure_item, TARMAC, SEIZURE_ITEM, GObject)

TarmacSeizureItem *tarmac_seizure_item_new (void);

int tarmac_seizure_item_get_seq (TarmacSeizureItem *self);
void tarmac_seizure_item_set_seq (TarmacSeizureItem *self, int seq);
const char *tarmac_seizure_item_get_category (TarmacSeizureItem *self);
void tarmac_seizure_item_set_category (TarmacSeizureItem *self, const char *category);
const char *tarmac_seizure_item_get_subtype (TarmacSeizureItem *self);
void tarmac_seizure_item_set_subtype (TarmacSeizureItem *self, const char *subtype);
const char *tarmac_seizure_item_get_description (TarmacSeizureItem *self);
void tarmac_seizure_item_set_description (TarmacSeizureItem *self, const char *description);
double tarmac_seizure_item_get_quantity (TarmacSeizureItem *self);
void tarmac_seizure_item_set_quantity (TarmacSeizureItem *self, double quantity);
const char *tarmac_seizure_item_get_unit (TarmacSeizureItem *self);
void tarmac_seizure_item_set_unit (TarmacSeizureItem *self, const char *unit);
gint64 tarmac_seizure_item_get_pieces (TarmacSeizureItem *self);
void tarmac_seizure_item_set_pieces (TarmacSeizureItem *self, gint64 pieces);
gboolean tarmac_seizure_item_get_qty_estimated (TarmacSeizureItem *self);
void tarmac_seizure_item_set_qty_estimated (TarmacSeizureItem *self, gboolean qty_estimated);
double tarmac_seizure_item_get_kg_equivalent (TarmacSeizureItem *self);
void tarmac_seizure_item_set_kg_equivalent (TarmacSeizureItem *self, double kg_equivalent);
double tarmac_seizure_item_get_kg_factor (TarmacSeizureItem *self);
void tarmac_seizure_item_set_kg_factor (TarmacSeizureItem *self, double kg_factor);
const char *tarmac_seizure_item_get_concealment (TarmacSeizureItem *self);
void tarmac_seizure_item_set_concealment (TarmacSeizureItem *self, const char *concealment);
gint64 tarmac_seizure_item_get_value_minor (TarmacSeizureItem *self);
void tarmac_seizure_item_set_value_minor (TarmacSeizureItem *self, gint64 value_minor);
const char *tarmac_seizure_item_get_value_currency (TarmacSeizureItem *self);
void tarmac_seizure_item_set_value_currency (TarmacSeizureItem *self, const char *value_currency);
double tarmac_seizure_item_get_fx_rate (TarmacSeizureItem *self);
void tarmac_seizure_item_set_fx_rate (TarmacSeizureItem *self, double fx_rate);
const char *tarmac_seizure_item_get_fx_rate_date (TarmacSeizureItem *self);
void tarmac_seizure_item_set_fx_rate_date (TarmacSeizureItem *self, const char *fx_rate_date);
gint64 tarmac_seizure_item_get_value_usd_minor (TarmacSeizureItem *self);
void tarmac_seizure_item_set_value_usd_minor (TarmacSeizureItem *self, gint64 value_usd_minor);
double tarmac_seizure_item_get_purity_pct (TarmacSeizureItem *self);
void tarmac_seizure_item_set_purity_pct (TarmacSeizureItem *self, double purity_pct);
const char *tarmac_seizure_item_get_species (TarmacSeizureItem *self);
void tarmac_seizure_item_set_species (TarmacSeizureItem *self, const char *species);
const char *tarmac_seizure_item_get_cites_term (TarmacSeizureItem *self);
void tarmac_seizure_item_set_cites_term (TarmacSeizureItem *self, const char *cites_term);
const char *tarmac_seizure_item_get_ivory_state (TarmacSeizureItem *self);
void tarmac_seizure_item_set_ivory_state (TarmacSeizureItem *self, const char *ivory_state);


G_END_DECLS
