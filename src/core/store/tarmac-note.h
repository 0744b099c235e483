/* tarmac-note.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "tarmac-types.h"

G_BEGIN_DECLS

#define TARMAC_TYPE_NOTE (tarmac_note_get_type ())

G_DECLARE_FINAL_TYPE (TarmacNote, tarmac_note, TARMAC, NOTE, GObject)

gint64              tarmac_note_get_id           (TarmacNote *self);
const char         *tarmac_note_get_uuid         (TarmacNote *self);
const char         *tarmac_note_get_author       (TarmacNote *self);
const char         *tarmac_note_get_origin_site  (TarmacNote *self);
TarmacNotePriority  tarmac_note_get_priority     (TarmacNote *self);
const char         *tarmac_note_get_subject_type (TarmacNote *self);
const char         *tarmac_note_get_subject_ref  (TarmacNote *self);
const char         *tarmac_note_get_body         (TarmacNote *self);
const char         *tarmac_note_get_created_at   (TarmacNote *self);
const char         *tarmac_note_get_kind         (TarmacNote *self);
const char         *tarmac_note_get_recipients   (TarmacNote *self);
const char         *tarmac_note_get_delivery     (TarmacNote *self);
const char         *tarmac_note_get_reply_to     (TarmacNote *self);
const char         *tarmac_note_get_thread_root  (TarmacNote *self);
const char         *tarmac_note_get_read_at      (TarmacNote *self);
gboolean            tarmac_note_get_unread       (TarmacNote *self);

G_END_DECLS
