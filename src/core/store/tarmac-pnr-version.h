/* tarmac-pnr-version.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "tarmac-types.h"

G_BEGIN_DECLS

#define TARMAC_TYPE_PNR_VERSION (tarmac_pnr_version_get_type ())

G_DECLARE_FINAL_TYPE (TarmacPnrVersion, tarmac_pnr_version, TARMAC, PNR_VERSION, GObject)

gint64      tarmac_pnr_version_get_id                 (TarmacPnrVersion *self);
gint64      tarmac_pnr_version_get_version            (TarmacPnrVersion *self);
const char *tarmac_pnr_version_get_pushed_at          (TarmacPnrVersion *self);
const char *tarmac_pnr_version_get_modified_at_source (TarmacPnrVersion *self);
const char *tarmac_pnr_version_get_file_name          (TarmacPnrVersion *self);

G_END_DECLS
