/* tarmac-travel-document.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "tarmac-types.h"

G_BEGIN_DECLS

#define TARMAC_TYPE_TRAVEL_DOCUMENT (tarmac_travel_document_get_type ())

G_DECLARE_FINAL_TYPE (TarmacTravelDocument, tarmac_travel_document, TARMAC, TRAVEL_DOCUMENT, GObject)

gint64      tarmac_travel_document_get_id            (TarmacTravelDocument *self);
const char *tarmac_travel_document_get_document_type (TarmacTravelDocument *self);
const char *tarmac_travel_document_get_number        (TarmacTravelDocument *self);
const char *tarmac_travel_document_get_issuing_state (TarmacTravelDocument *self);
const char *tarmac_travel_document_get_issued_on     (TarmacTravelDocument *self);
const char *tarmac_travel_document_get_expires_on    (TarmacTravelDocument *self);
const char *tarmac_travel_document_get_check_verdict (TarmacTravelDocument *self);

G_END_DECLS
