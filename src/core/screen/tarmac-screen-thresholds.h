/* tarmac-screen-thresholds.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tarmac-store.h"

G_BEGIN_DECLS

/* From the workload curve of `tarmac-cli bench screen-accuracy` on the UN list (README,
 * "Screening thresholds"): 0.72 is the highest alert threshold at which planted variants
 * of classes 2–8 are found 99 % of the time or more and re-transliterated names 90 %,
 * with 1.7 false alerts per 1,000 travellers; at 0.62, hits to review find 99.9 % of
 * classes 2–8 and 96 % of re-transliterated names for 5.7 reviews per 1,000. */
#define TARMAC_SCREEN_DEFAULT_ALERT_THRESHOLD  0.72
#define TARMAC_SCREEN_DEFAULT_REVIEW_THRESHOLD 0.62

void     tarmac_screen_get_thresholds (TarmacStore  *store,
                                       double       *alert,
                                       double       *review);
gboolean tarmac_screen_set_thresholds (TarmacStore  *store,
                                       double        alert,
                                       double        review,
                                       GError      **error);

G_END_DECLS
