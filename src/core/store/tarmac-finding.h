/* tarmac-finding.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "tarmac-types.h"

G_BEGIN_DECLS

#define TARMAC_TYPE_FINDING (tarmac_finding_get_type ())

G_DECLARE_FINAL_TYPE (TarmacFinding, tarmac_finding, TARMAC, FINDING, GObject)

gint64      tarmac_finding_get_id         (TarmacFinding *self);
const char *tarmac_finding_get_code       (TarmacFinding *self);
const char *tarmac_finding_get_detail     (TarmacFinding *self);
const char *tarmac_finding_get_created_at (TarmacFinding *self);

G_END_DECLS
