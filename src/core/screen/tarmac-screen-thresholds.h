/* tarmac-screen-thresholds.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tarmac-store.h"

G_BEGIN_DECLS

/* Until the workload curve of `tarmac-cli bench screen-accuracy` sets them. */
#define TARMAC_SCREEN_DEFAULT_ALERT_THRESHOLD  0.85
#define TARMAC_SCREEN_DEFAULT_REVIEW_THRESHOLD 0.70

void     tarmac_screen_get_thresholds (TarmacStore  *store,
                                       double       *alert,
                                       double       *review);
gboolean tarmac_screen_set_thresholds (TarmacStore  *store,
                                       double        alert,
                                       double        review,
                                       GError      **error);

G_END_DECLS
