/* tarmac-watchlist.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "tarmac-store.h"

G_BEGIN_DECLS

/* The source of the list that the app's manual entries go to (tarmac-watchlist-manual.c). */
#define TARMAC_WATCHLIST_SOURCE_MANUAL "manual"

#define TARMAC_TYPE_WATCHLIST (tarmac_watchlist_get_type ())

G_DECLARE_FINAL_TYPE (TarmacWatchlist, tarmac_watchlist, TARMAC, WATCHLIST, GObject)

gint64      tarmac_watchlist_get_id            (TarmacWatchlist *self);
const char *tarmac_watchlist_get_name          (TarmacWatchlist *self);
const char *tarmac_watchlist_get_kind          (TarmacWatchlist *self);
const char *tarmac_watchlist_get_source        (TarmacWatchlist *self);
const char *tarmac_watchlist_get_version       (TarmacWatchlist *self);
const char *tarmac_watchlist_get_loaded_at     (TarmacWatchlist *self);
const char *tarmac_watchlist_get_file_name     (TarmacWatchlist *self);
guint       tarmac_watchlist_get_entry_count   (TarmacWatchlist *self);
guint       tarmac_watchlist_get_expired_count (TarmacWatchlist *self);
const char *tarmac_watchlist_get_next_expiry   (TarmacWatchlist *self);
gboolean    tarmac_watchlist_is_manual         (TarmacWatchlist *self);

GListModel      *tarmac_watchlist_list_all (TarmacStore  *store,
                                            GError      **error);
TarmacWatchlist *tarmac_watchlist_get      (TarmacStore  *store,
                                            gint64        watchlist_id,
                                            GError      **error);
gboolean         tarmac_watchlist_remove   (TarmacStore  *store,
                                            gint64        watchlist_id,
                                            GError      **error);

G_END_DECLS
