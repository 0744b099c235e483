/* tarmac-pnr-payment.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "tarmac-types.h"

G_BEGIN_DECLS

#define TARMAC_TYPE_PNR_PAYMENT (tarmac_pnr_payment_get_type ())

G_DECLARE_FINAL_TYPE (TarmacPnrPayment, tarmac_pnr_payment, TARMAC, PNR_PAYMENT, GObject)

const char *tarmac_pnr_payment_get_form       (TarmacPnrPayment *self);
const char *tarmac_pnr_payment_get_card_last4 (TarmacPnrPayment *self);
gboolean    tarmac_pnr_payment_get_has_amount (TarmacPnrPayment *self);
double      tarmac_pnr_payment_get_amount     (TarmacPnrPayment *self);
const char *tarmac_pnr_payment_get_currency   (TarmacPnrPayment *self);

G_END_DECLS
