/* tarmac-traveller-source.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "tarmac-types.h"

G_BEGIN_DECLS

#define TARMAC_TYPE_TRAVELLER_SOURCE (tarmac_traveller_source_get_type ())

G_DECLARE_FINAL_TYPE (TarmacTravellerSource, tarmac_traveller_source, TARMAC, TRAVELLER_SOURCE, GObject)

const char *tarmac_traveller_source_get_file_name    (TarmacTravellerSource *self);
const char *tarmac_traveller_source_get_format       (TarmacTravellerSource *self);
const char *tarmac_traveller_source_get_imported_at  (TarmacTravellerSource *self);
const char *tarmac_traveller_source_get_message_type (TarmacTravellerSource *self);
const char *tarmac_traveller_source_get_sender       (TarmacTravellerSource *self);
const char *tarmac_traveller_source_get_reference    (TarmacTravellerSource *self);
const char *tarmac_traveller_source_get_pushed_at    (TarmacTravellerSource *self);

G_END_DECLS
