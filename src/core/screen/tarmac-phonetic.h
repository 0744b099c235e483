/* tarmac-phonetic.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *tarmac_phonetic_key (const char *folded);

G_END_DECLS
