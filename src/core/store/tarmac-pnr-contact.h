/* tarmac-pnr-contact.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "tarmac-types.h"

G_BEGIN_DECLS

#define TARMAC_TYPE_PNR_CONTACT (tarmac_pnr_contact_get_type ())

G_DECLARE_FINAL_TYPE (TarmacPnrContact, tarmac_pnr_contact, TARMAC, PNR_CONTACT, GObject)

const char *tarmac_pnr_contact_get_kind  (TarmacPnrContact *self);
const char *tarmac_pnr_contact_get_value (TarmacPnrContact *self);

G_END_DECLS
