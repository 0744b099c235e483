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
char  *_tarmac_translit_latin_skeleton (const char *folded);

/* A Latin word's skeletons read by Spanish and Portuguese conventions, when they differ
 * (at most %TARMAC_TRANSLIT_MAX_READINGS, tarmac-translit.h). */
guint  _tarmac_translit_latin_readings (const char *folded,
                                        const char *skeleton,
                                        char       *readings[TARMAC_TRANSLIT_MAX_READINGS]);
/* An Arabic-script word's skeleton read the Persian way (ث = s), when it differs. */
char  *_tarmac_translit_arabic_reading (const char *token,
                                        const char *skeleton);

G_END_DECLS
