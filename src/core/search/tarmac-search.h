/* tarmac-search.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "tarmac-store.h"

G_BEGIN_DECLS

#define TARMAC_SEARCH_MAX_QUERY_LENGTH 256

GListModel *tarmac_store_search         (TarmacStore   *store,
                                         const char    *query,
                                         guint          limit,
                                         GCancellable  *cancellable,
                                         GError       **error);
gboolean    tarmac_search_index_update  (TarmacStore   *store,
                                         GError       **error);

G_END_DECLS
