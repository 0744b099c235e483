/* tarmac-today-page.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tarmac-page.h"

G_BEGIN_DECLS

#define TARMAC_TYPE_TODAY_PAGE (tarmac_today_page_get_type ())

G_DECLARE_FINAL_TYPE (TarmacTodayPage, tarmac_today_page, TARMAC, TODAY_PAGE, TarmacPage)

GListModel *tarmac_today_page_get_notes (TarmacTodayPage *self);

G_END_DECLS
