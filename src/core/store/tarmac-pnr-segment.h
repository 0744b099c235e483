/* tarmac-pnr-segment.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "tarmac-types.h"

G_BEGIN_DECLS

#define TARMAC_TYPE_PNR_SEGMENT (tarmac_pnr_segment_get_type ())

G_DECLARE_FINAL_TYPE (TarmacPnrSegment, tarmac_pnr_segment, TARMAC, PNR_SEGMENT, GObject)

int         tarmac_pnr_segment_get_seq         (TarmacPnrSegment *self);
const char *tarmac_pnr_segment_get_carrier     (TarmacPnrSegment *self);
const char *tarmac_pnr_segment_get_number      (TarmacPnrSegment *self);
const char *tarmac_pnr_segment_get_flight_date (TarmacPnrSegment *self);
const char *tarmac_pnr_segment_get_origin      (TarmacPnrSegment *self);
const char *tarmac_pnr_segment_get_destination (TarmacPnrSegment *self);
const char *tarmac_pnr_segment_get_departure   (TarmacPnrSegment *self);
const char *tarmac_pnr_segment_get_arrival     (TarmacPnrSegment *self);
const char *tarmac_pnr_segment_get_status      (TarmacPnrSegment *self);

G_END_DECLS
