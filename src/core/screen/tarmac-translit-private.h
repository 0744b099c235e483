/* tarmac-translit-private.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The skeleton of a token already folded to Latin (tarmac-name.c has the forms at hand). */
char *_tarmac_translit_latin_skeleton (const char *folded);

G_END_DECLS
