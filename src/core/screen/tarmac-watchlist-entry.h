/* tarmac-watchlist-entry.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tarmac-store.h"
#include "tarmac-watchlist-data.h"

G_BEGIN_DECLS

/* The name of the list manual entries go to, as stored (shown translated). */
#define TARMAC_WATCHLIST_MANUAL_NAME "Manual entries"

TarmacWatchlistEntry *tarmac_watchlist_entry_load     (TarmacStore           *store,
                                                       gint64                 entry_id,
                                                       gint64                *watchlist_id,
                                                       GError               **error);
gboolean              tarmac_watchlist_manual_save    (TarmacStore           *store,
                                                       gint64                 entry_id,
                                                       TarmacWatchlistEntry  *entry,
                                                       gint64                *saved_id,
                                                       GError               **error);
gboolean              tarmac_watchlist_manual_expire  (TarmacStore           *store,
                                                       gint64                 entry_id,
                                                       GError               **error);
gboolean              tarmac_watchlist_manual_validate (TarmacWatchlistEntry *entry,
                                                       GError               **error);

/* For tarmac-watchlist-manual.c: reads an entry without writing an audit row. */
TarmacWatchlistEntry *_tarmac_watchlist_entry_read    (TarmacStore           *store,
                                                       gint64                 entry_id,
                                                       gint64                *watchlist_id,
                                                       GError               **error);

G_END_DECLS
