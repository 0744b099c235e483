/* tarmac-watchlist-entry-window.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "tarmac-store.h"

G_BEGIN_DECLS

#define TARMAC_TYPE_WATCHLIST_ENTRY_WINDOW (tarmac_watchlist_entry_window_get_type ())

G_DECLARE_FINAL_TYPE (TarmacWatchlistEntryWindow, tarmac_watchlist_entry_window, TARMAC,
                      WATCHLIST_ENTRY_WINDOW, AdwWindow)

TarmacWatchlistEntryWindow *tarmac_watchlist_entry_window_new (TarmacStore  *store,
                                                               gint64        entry_id,
                                                               GError      **error);

G_END_DECLS
