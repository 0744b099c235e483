/* tarmac-note-row.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "tarmac-note.h"

G_BEGIN_DECLS

#define TARMAC_TYPE_NOTE_ROW (tarmac_note_row_get_type ())

G_DECLARE_FINAL_TYPE (TarmacNoteRow, tarmac_note_row, TARMAC, NOTE_ROW, GtkListBoxRow)

GtkWidget  *tarmac_note_row_new         (TarmacNote    *note,
                                         gboolean       compact);
TarmacNote *tarmac_note_row_get_note    (TarmacNoteRow *self);
gboolean    tarmac_note_row_get_compact (TarmacNoteRow *self);
void        tarmac_note_row_set_receipts (TarmacNoteRow *self,
                                          const char    *text);
const char *tarmac_note_row_get_receipts (TarmacNoteRow *self);
void        tarmac_note_row_set_can_reply (TarmacNoteRow *self,
                                           gboolean       can_reply);

G_END_DECLS
