/* tarmac-lookout.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "tarmac-store.h"

G_BEGIN_DECLS

#define TARMAC_TYPE_LOOKOUT (tarmac_lookout_get_type ())

G_DECLARE_FINAL_TYPE (TarmacLookout, tarmac_lookout, TARMAC, LOOKOUT, GObject)

const char *tarmac_lookout_get_record_id       (TarmacLookout  *self);
const char *tarmac_lookout_get_origin_site     (TarmacLookout  *self);
const char *tarmac_lookout_get_author          (TarmacLookout  *self);
const char *tarmac_lookout_get_surname         (TarmacLookout  *self);
const char *tarmac_lookout_get_given_names     (TarmacLookout  *self);
const char *tarmac_lookout_get_date_of_birth   (TarmacLookout  *self);
const char *tarmac_lookout_get_nationality     (TarmacLookout  *self);
const char *tarmac_lookout_get_sex             (TarmacLookout  *self);
const char *tarmac_lookout_get_document_number (TarmacLookout  *self);
const char *tarmac_lookout_get_reason          (TarmacLookout  *self);
const char *tarmac_lookout_get_recipients      (TarmacLookout  *self);
gint64      tarmac_lookout_get_expires_at      (TarmacLookout  *self);
const char *tarmac_lookout_get_created_at      (TarmacLookout  *self);
guint       tarmac_lookout_get_n_hits          (TarmacLookout  *self);

GListModel *tarmac_lookout_list                (TarmacStore    *store,
                                                GError        **error);

G_END_DECLS
