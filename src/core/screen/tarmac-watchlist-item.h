/* tarmac-watchlist-item.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define TARMAC_TYPE_WATCHLIST_ITEM (tarmac_watchlist_item_get_type ())

G_DECLARE_FINAL_TYPE (TarmacWatchlistItem, tarmac_watchlist_item, TARMAC, WATCHLIST_ITEM, GObject)

TarmacWatchlistItem *tarmac_watchlist_item_new (gint64      id,
                                                const char *external_id,
                                                const char *name,
                                                guint       n_names,
                                                const char *dates_of_birth,
                                                const char *nationalities,
                                                const char *document,
                                                const char *reason,
                                                const char *expires_at,
                                                gboolean    expired);

gint64      tarmac_watchlist_item_get_id             (TarmacWatchlistItem *self);
const char *tarmac_watchlist_item_get_external_id    (TarmacWatchlistItem *self);
const char *tarmac_watchlist_item_get_name           (TarmacWatchlistItem *self);
guint       tarmac_watchlist_item_get_n_names        (TarmacWatchlistItem *self);
const char *tarmac_watchlist_item_get_dates_of_birth (TarmacWatchlistItem *self);
const char *tarmac_watchlist_item_get_nationalities  (TarmacWatchlistItem *self);
const char *tarmac_watchlist_item_get_document       (TarmacWatchlistItem *self);
const char *tarmac_watchlist_item_get_reason         (TarmacWatchlistItem *self);
const char *tarmac_watchlist_item_get_expires_at     (TarmacWatchlistItem *self);
gboolean    tarmac_watchlist_item_get_expired        (TarmacWatchlistItem *self);

G_END_DECLS
