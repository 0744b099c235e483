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

G_END_DECLS
