/* tarmac-watchlist-entry-model.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "tarmac-store.h"

G_BEGIN_DECLS

#define TARMAC_TYPE_WATCHLIST_ENTRY_MODEL (tarmac_watchlist_entry_model_get_type ())

G_DECLARE_FINAL_TYPE (TarmacWatchlistEntryModel, tarmac_watchlist_entry_model, TARMAC,
                      WATCHLIST_ENTRY_MODEL, GObject)

TarmacWatchlistEntryModel *tarmac_watchlist_entry_model_new  (TarmacStore  *store,
                                                              gint64        watchlist_id,
                                                              const char   *query,
                                                              GError      **error);
GArray                    *tarmac_watchlist_entry_ids   (TarmacStore   *store,
                                                         gint64         watchlist_id,
                                                         const char    *query,
                                                         GCancellable  *cancellable,
                                                         GError       **error);
TarmacWatchlistEntryModel *tarmac_watchlist_entry_model_new_for_ids (TarmacStore  *store,
                                                                     gint64        watchlist_id,
                                                                     const char   *query,
                                                                     GArray       *ids,
                                                                     GError      **error);
guint                      tarmac_watchlist_entry_model_get_pages_read (TarmacWatchlistEntryModel *self);

G_END_DECLS
