/* tarmac-stat-row.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define TARMAC_TYPE_STAT_ROW (tarmac_stat_row_get_type ())

G_DECLARE_FINAL_TYPE (TarmacStatRow, tarmac_stat_row, TARMAC, STAT_ROW, GObject)

TarmacStatRow *tarmac_stat_row_new (void);

const char *tarmac_stat_row_get_key (TarmacStatRow *self);
void tarmac_stat_row_set_key (TarmacStatRow *self, const char *key);
const char *tarmac_stat_row_get_label (TarmacStatRow *self);
void tarmac_stat_row_set_label (TarmacStatRow *self, const char *label);
gint64 tarmac_stat_row_get_seizures (TarmacStatRow *self);
void tarmac_stat_row_set_seizures (TarmacStatRow *self, gint64 seizures);
gint64 tarmac_stat_row_get_count (TarmacStatRow *self);
void tarmac_stat_row_set_count (TarmacStatRow *self, gint64 count);
gint64 tarmac_stat_row_get_count2 (TarmacStatRow *self);
void tarmac_stat_row_set_count2 (TarmacStatRow *self, gint64 count2);
double tarmac_stat_row_get_kg (TarmacStatRow *self);
void tarmac_stat_row_set_kg (TarmacStatRow *self, double kg);
double tarmac_stat_row_get_kg2 (TarmacStatRow *self);
void tarmac_stat_row_set_kg2 (TarmacStatRow *self, double kg2);
gint64 tarmac_stat_row_get_usd_minor (TarmacStatRow *self);
void tarmac_stat_row_set_usd_minor (TarmacStatRow *self, gint64 usd_minor);
gboolean tarmac_stat_row_get_suppressed (TarmacStatRow *self);
void tarmac_stat_row_set_suppressed (TarmacStatRow *self, gboolean suppressed);


G_END_DECLS
