/* tarmac-search-page.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tarmac-page.h"

G_BEGIN_DECLS

#define TARMAC_TYPE_SEARCH_PAGE (tarmac_search_page_get_type ())

G_DECLARE_FINAL_TYPE (TarmacSearchPage, tarmac_search_page, TARMAC, SEARCH_PAGE, TarmacPage)

void        tarmac_search_page_focus_entry  (TarmacSearchPage *self);
void        tarmac_search_page_set_query    (TarmacSearchPage *self,
                                             const char       *query);
gboolean    tarmac_search_page_is_searching (TarmacSearchPage *self);
GListModel *tarmac_search_page_get_results  (TarmacSearchPage *self);
void        tarmac_search_page_open_result  (TarmacSearchPage *self,
                                             guint             position);

G_END_DECLS
