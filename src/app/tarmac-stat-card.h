/* tarmac-stat-card.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define TARMAC_TYPE_STAT_CARD (tarmac_stat_card_get_type ())

G_DECLARE_FINAL_TYPE (TarmacStatCard, tarmac_stat_card, TARMAC, STAT_CARD, GtkWidget)

guint       tarmac_stat_card_get_value  (TarmacStatCard *self);
void        tarmac_stat_card_set_value  (TarmacStatCard *self,
                                         guint           value);
const char *tarmac_stat_card_get_title  (TarmacStatCard *self);
void        tarmac_stat_card_set_title  (TarmacStatCard *self,
                                         const char     *title);
const char *tarmac_stat_card_get_detail (TarmacStatCard *self);
void        tarmac_stat_card_set_detail (TarmacStatCard *self,
                                         const char     *detail);

G_END_DECLS
