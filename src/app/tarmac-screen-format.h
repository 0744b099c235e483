/* tarmac-screen-format.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "tarmac-watchlist-data.h"
#include "tarmac-watchlist.h"

G_BEGIN_DECLS

const char *tarmac_screen_format_list_kind     (const char             *kind);
const char *tarmac_screen_format_list_source   (const char             *source);
const char *tarmac_screen_format_list_name     (TarmacWatchlist        *list);
const char *tarmac_screen_format_hit_status    (const char             *status);
const char *tarmac_screen_format_hit_action    (const char             *status);
const char *tarmac_screen_format_name_quality  (TarmacNameQuality       quality);
const char *tarmac_screen_format_script        (const char             *script);
char       *tarmac_screen_format_dob           (const TarmacDob        *dob);
char       *tarmac_screen_format_stored_list   (const char             *stored);
const char *tarmac_screen_format_document_type (const char             *type);

G_END_DECLS
