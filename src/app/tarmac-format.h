/* tarmac-format.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "tarmac-flight.h"
#include "tarmac-note.h"
#include "tarmac-note-receipt.h"
#include "tarmac-traveller.h"

G_BEGIN_DECLS

/* Small pure helpers that turn core values into text for the pages. */

char       *tarmac_format_today             (void);
char       *tarmac_format_day_offset        (const char          *day,
                                             int                  days);
GDateTime  *tarmac_format_parse_day         (const char          *day);
char       *tarmac_format_day_long          (const char          *day);
char       *tarmac_format_date              (const char          *day);
char       *tarmac_format_time              (const char          *timestamp);
char       *tarmac_format_route             (TarmacFlight        *flight);
const char *tarmac_format_flight_time       (TarmacFlight        *flight);
GDateTime  *tarmac_format_parse_timestamp   (const char          *timestamp);
char       *tarmac_format_timestamp_short   (const char          *timestamp,
                                             GDateTime           *now);
char       *tarmac_format_timestamp_long    (const char          *timestamp);
char       *tarmac_format_source_time_long  (const char          *timestamp);
const char *tarmac_format_direction_icon    (TarmacDirection      direction);
const char *tarmac_format_direction_label   (TarmacDirection      direction);
const char *tarmac_format_traveller_kind    (TarmacTravellerKind  kind);
const char *tarmac_format_note_priority     (TarmacNotePriority   priority);
char       *tarmac_format_note_subject      (TarmacNote          *note);
char       *tarmac_format_sync_age          (GDateTime           *then,
                                             GDateTime           *now);
char       *tarmac_format_fingerprint       (const char          *fingerprint);
char       *tarmac_format_receipts          (GListModel          *receipts,
                                             GDateTime           *now);

G_END_DECLS
