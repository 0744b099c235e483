/* tarmac-watchlists-page.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tarmac-page.h"

G_BEGIN_DECLS

#define TARMAC_TYPE_WATCHLISTS_PAGE (tarmac_watchlists_page_get_type ())

G_DECLARE_FINAL_TYPE (TarmacWatchlistsPage, tarmac_watchlists_page,
                      TARMAC, WATCHLISTS_PAGE, TarmacPage)

GListModel *tarmac_watchlists_page_get_lists    (TarmacWatchlistsPage *self);
gboolean    tarmac_watchlists_page_open_list    (TarmacWatchlistsPage *self,
                                                 gint64                watchlist_id);
GListModel *tarmac_watchlists_page_get_entries  (TarmacWatchlistsPage *self);
void        tarmac_watchlists_page_set_query    (TarmacWatchlistsPage *self,
                                                 const char           *query);
GtkWindow  *tarmac_watchlists_page_open_entry   (TarmacWatchlistsPage *self,
                                                 guint                 position);
void        tarmac_watchlists_page_import_file  (TarmacWatchlistsPage *self,
                                                 GFile                *file);
gboolean    tarmac_watchlists_page_is_importing (TarmacWatchlistsPage *self);
gboolean    tarmac_watchlists_page_is_searching (TarmacWatchlistsPage *self);

G_END_DECLS
