/* tarmac-pnr-ssr.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "tarmac-types.h"

G_BEGIN_DECLS

#define TARMAC_TYPE_PNR_SSR (tarmac_pnr_ssr_get_type ())

G_DECLARE_FINAL_TYPE (TarmacPnrSsr, tarmac_pnr_ssr, TARMAC, PNR_SSR, GObject)

const char *tarmac_pnr_ssr_get_code         (TarmacPnrSsr *self);
const char *tarmac_pnr_ssr_get_text         (TarmacPnrSsr *self);
gint64      tarmac_pnr_ssr_get_traveller_id (TarmacPnrSsr *self);

G_END_DECLS
