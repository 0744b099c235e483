/* tarmac-name-families.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

guint       tarmac_name_family        (const char *token,
                                       const char *folded);
const char *tarmac_name_family_label  (guint       family);

G_END_DECLS
