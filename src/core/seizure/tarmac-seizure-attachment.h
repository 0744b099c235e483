/* tarmac-seizure-attachment.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define TARMAC_TYPE_SEIZURE_ATTACHMENT (tarmac_seizure_attachment_get_type ())

G_DECLARE_FINAL_TYPE (TarmacSeizureAttachment, tarmac_seizure_attachment, TARMAC, SEIZURE_ATTACHMENT, GObject)

TarmacSeizureAttachment *tarmac_seizure_attachment_new (void);

gint64 tarmac_seizure_attachment_get_id (TarmacSeizureAttachment *self);
void tarmac_seizure_attachment_set_id (TarmacSeizureAttachment *self, gint64 id);
int tarmac_seizure_attachment_get_item_seq (TarmacSeizureAttachment *self);
void tarmac_seizure_attachment_set_item_seq (TarmacSeizureAttachment *self, int item_seq);
const char *tarmac_seizure_attachment_get_kind (TarmacSeizureAttachment *self);
void tarmac_seizure_attachment_set_kind (TarmacSeizureAttachment *self, const char *kind);
const char *tarmac_seizure_attachment_get_file_name (TarmacSeizureAttachment *self);
void tarmac_seizure_attachment_set_file_name (TarmacSeizureAttachment *self, const char *file_name);
const char *tarmac_seizure_attachment_get_mime_type (TarmacSeizureAttachment *self);
void tarmac_seizure_attachment_set_mime_type (TarmacSeizureAttachment *self, const char *mime_type);
const char *tarmac_seizure_attachment_get_sha256 (TarmacSeizureAttachment *self);
void tarmac_seizure_attachment_set_sha256 (TarmacSeizureAttachment *self, const char *sha256);
gint64 tarmac_seizure_attachment_get_size (TarmacSeizureAttachment *self);
void tarmac_seizure_attachment_set_size (TarmacSeizureAttachment *self, gint64 size);
const char *tarmac_seizure_attachment_get_caption (TarmacSeizureAttachment *self);
void tarmac_seizure_attachment_set_caption (TarmacSeizureAttachment *self, const char *caption);
const char *tarmac_seizure_attachment_get_captured_at (TarmacSeizureAttachment *self);
void tarmac_seizure_attachment_set_captured_at (TarmacSeizureAttachment *self, const char *captured_at);
gboolean tarmac_seizure_attachment_get_shareable (TarmacSeizureAttachment *self);
void tarmac_seizure_attachment_set_shareable (TarmacSeizureAttachment *self, gboolean shareable);
GBytes *tarmac_seizure_attachment_get_data (TarmacSeizureAttachment *self);
void tarmac_seizure_attachment_set_data (TarmacSeizureAttachment *self, GBytes *data);


G_END_DECLS
