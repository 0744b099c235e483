/* tarmac-cargo-page.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tarmac-page.h"

G_BEGIN_DECLS

#define TARMAC_TYPE_CARGO_PAGE (tarmac_cargo_page_get_type ())

G_DECLARE_FINAL_TYPE (TarmacCargoPage, tarmac_cargo_page, TARMAC, CARGO_PAGE, TarmacPage)

G_END_DECLS
