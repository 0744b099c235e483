/* tarmac-note-receipt.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define TARMAC_TYPE_NOTE_RECEIPT (tarmac_note_receipt_get_type ())

G_DECLARE_FINAL_TYPE (TarmacNoteReceipt, tarmac_note_receipt, TARMAC, NOTE_RECEIPT, GObject)

TarmacNoteReceipt *tarmac_note_receipt_new         (const char        *site,
                                                    const char        *state,
                                                    const char        *at,
                                                    const char        *read_by);
const char        *tarmac_note_receipt_get_site    (TarmacNoteReceipt *self);
const char        *tarmac_note_receipt_get_state   (TarmacNoteReceipt *self);
const char        *tarmac_note_receipt_get_at      (TarmacNoteReceipt *self);
const char        *tarmac_note_receipt_get_read_by (TarmacNoteReceipt *self);

G_END_DECLS
