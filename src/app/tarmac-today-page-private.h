/* tarmac-today-page-private.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tarmac-today-page.h"

G_BEGIN_DECLS

void _tarmac_today_page_refresh (TarmacTodayPage *self);

G_END_DECLS
