/* tarmac-seizure-exhibit.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define TARMAC_TYPE_SEIZURE_EXHIBIT (tarmac_seizure_exhibit_get_type ())

G_DECLARE_FINAL_TYPE (TarmacSeizureExhibit, tarmac_seizure_exhibit, TARMAC, SEIZURE_EXHIBIT, GObject)

TarmacSeizureExhibit *tarmac_seizure_exhibit_new (void);

gint64 tarmac_seizure_exhibit_get_id (TarmacSeizureExhibit *self);
void tarmac_seizure_exhibit_set_id (TarmacSeizureExhibit *self, gint64 id);
gint64 tarmac_seizure_exhibit_get_series_id (TarmacSeizureExhibit *self);
void tarmac_seizure_exhibit_set_series_id (TarmacSeizureExhibit *self, gint64 series_id);
int tarmac_seizure_exhibit_get_item_seq (TarmacSeizureExhibit *self);
void tarmac_seizure_exhibit_set_item_seq (TarmacSeizureExhibit *self, int item_seq);
const char *tarmac_seizure_exhibit_get_exhibit_no (TarmacSeizureExhibit *self);
void tarmac_seizure_exhibit_set_exhibit_no (TarmacSeizureExhibit *self, const char *exhibit_no);
const char *tarmac_seizure_exhibit_get_seal_no (TarmacSeizureExhibit *self);
void tarmac_seizure_exhibit_set_seal_no (TarmacSeizureExhibit *self, const char *seal_no);
const char *tarmac_seizure_exhibit_get_storage_location (TarmacSeizureExhibit *self);
void tarmac_seizure_exhibit_set_storage_location (TarmacSeizureExhibit *self, const char *storage_location);
const char *tarmac_seizure_exhibit_get_status (TarmacSeizureExhibit *self);
void tarmac_seizure_exhibit_set_status (TarmacSeizureExhibit *self, const char *status);
const char *tarmac_seizure_exhibit_get_created_at (TarmacSeizureExhibit *self);
void tarmac_seizure_exhibit_set_created_at (TarmacSeizureExhibit *self, const char *created_at);

G_END_DECLS
