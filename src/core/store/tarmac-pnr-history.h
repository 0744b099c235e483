/* tarmac-pnr-history.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "tarmac-types.h"

G_BEGIN_DECLS

#define TARMAC_TYPE_PNR_HISTORY (tarmac_pnr_history_get_type ())

G_DECLARE_FINAL_TYPE (TarmacPnrHistory, tarmac_pnr_history, TARMAC, PNR_HISTORY, GObject)

int         tarmac_pnr_history_get_seq    (TarmacPnrHistory *self);
const char *tarmac_pnr_history_get_at     (TarmacPnrHistory *self);
const char *tarmac_pnr_history_get_action (TarmacPnrHistory *self);
const char *tarmac_pnr_history_get_text   (TarmacPnrHistory *self);

G_END_DECLS
