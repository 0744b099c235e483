/* tarmac-note-receipt.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-note-receipt"

#include "config.h"

#include "tarmac-note-receipt.h"

/* How far a note got at one recipient site, as the Network page shows it ("read at DKR
 * 14:02"): state is "pending" (still in this workstation's outbox), "sent" (the hub has
 * it), "delivered" (the site applied it) or "read" (an officer there opened it); at is
 * when it reached that state (ISO 8601 UTC), NULL for pending and sent. Immutable. */
struct _TarmacNoteReceipt
{
  GObject  parent_instance;

  char    *site;
  char    *state;
  char    *at;
  char    *read_by;
};

G_DEFINE_FINAL_TYPE (TarmacNoteReceipt, tarmac_note_receipt, G_TYPE_OBJECT)

static void
tarmac_note_receipt_finalize (GObject *object)
{
  TarmacNoteReceipt *self = (TarmacNoteReceipt *) object;

  g_clear_pointer (&self->site, g_free);
  g_clear_pointer (&self->state, g_free);
  g_clear_pointer (&self->at, g_free);
  g_clear_pointer (&self->read_by, g_free);

  G_OBJECT_CLASS (tarmac_note_receipt_parent_class)->finalize (object);
}

static void
tarmac_note_receipt_class_init (TarmacNoteReceiptClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tarmac_note_receipt_finalize;
}

static void
tarmac_note_receipt_init (TarmacNoteReceipt *self)
{
}

TarmacNoteReceipt *
tarmac_note_receipt_new (const char *site,
                         const char *state,
                         const char *at,
                         const char *read_by)
{
  TarmacNoteReceipt *self = g_object_new (TARMAC_TYPE_NOTE_RECEIPT, NULL);

  self->site = g_strdup (site);
  self->state = g_strdup (state);
  self->at = g_strdup (at);
  self->read_by = g_strdup (read_by);
  return self;
}

const char *
tarmac_note_receipt_get_site (TarmacNoteReceipt *self)
{
  g_return_val_if_fail (TARMAC_IS_NOTE_RECEIPT (self), NULL);
  return self->site;
}

/* "pending", "sent", "delivered" or "read" */
const char *
tarmac_note_receipt_get_state (TarmacNoteReceipt *self)
{
  g_return_val_if_fail (TARMAC_IS_NOTE_RECEIPT (self), NULL);
  return self->state;
}

/* (nullable): when it was delivered or read, ISO 8601 UTC */
const char *
tarmac_note_receipt_get_at (TarmacNoteReceipt *self)
{
  g_return_val_if_fail (TARMAC_IS_NOTE_RECEIPT (self), NULL);
  return self->at;
}

/* (nullable): the officer who read it, as their site names them */
const char *
tarmac_note_receipt_get_read_by (TarmacNoteReceipt *self)
{
  g_return_val_if_fail (TARMAC_IS_NOTE_RECEIPT (self), NULL);
  return self->read_by;
}
