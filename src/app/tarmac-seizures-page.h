/* tarmac-seizures-page.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tarmac-page.h"

G_BEGIN_DECLS

#define TARMAC_TYPE_SEIZURES_PAGE (tarmac_seizures_page_get_type ())

G_DECLARE_FINAL_TYPE (TarmacSeizuresPage, tarmac_seizures_page, TARMAC, SEIZURES_PAGE, TarmacPage)

GListModel *tarmac_seizures_page_get_seizures   (TarmacSeizuresPage *self);
void        tarmac_seizures_page_set_filter     (TarmacSeizuresPage *self,
                                                 const char         *status,
                                                 const char         *category);
GtkWindow  *tarmac_seizures_page_open_seizure   (TarmacSeizuresPage *self,
                                                 guint               position);
GtkWindow  *tarmac_seizures_page_new_seizure    (TarmacSeizuresPage *self);

G_END_DECLS
