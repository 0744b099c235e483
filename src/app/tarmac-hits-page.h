/* tarmac-hits-page.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tarmac-page.h"

G_BEGIN_DECLS

#define TARMAC_TYPE_HITS_PAGE (tarmac_hits_page_get_type ())

G_DECLARE_FINAL_TYPE (TarmacHitsPage, tarmac_hits_page, TARMAC, HITS_PAGE, TarmacPage)

GListModel *tarmac_hits_page_get_hits   (TarmacHitsPage *self);
void        tarmac_hits_page_set_filter (TarmacHitsPage *self,
                                         const char     *filter);
GtkWindow  *tarmac_hits_page_open_hit   (TarmacHitsPage *self,
                                         guint           position);

G_END_DECLS
