/* tarmac-searcher.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "tarmac-store.h"

G_BEGIN_DECLS

#define TARMAC_TYPE_SEARCHER (tarmac_searcher_get_type ())

G_DECLARE_FINAL_TYPE (TarmacSearcher, tarmac_searcher, TARMAC, SEARCHER, GObject)

TarmacSearcher *tarmac_searcher_new           (TarmacStore          *store);
void            tarmac_searcher_search_async  (TarmacSearcher       *self,
                                               const char           *query,
                                               guint                 limit,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
GListModel     *tarmac_searcher_search_finish (TarmacSearcher       *self,
                                               GAsyncResult         *result,
                                               GError              **error);

G_END_DECLS
