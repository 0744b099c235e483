/* tarmac-watchlist-entry-editor.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "tarmac-store.h"
#include "tarmac-watchlist-data.h"

G_BEGIN_DECLS

#define TARMAC_TYPE_WATCHLIST_ENTRY_EDITOR (tarmac_watchlist_entry_editor_get_type ())

G_DECLARE_FINAL_TYPE (TarmacWatchlistEntryEditor, tarmac_watchlist_entry_editor, TARMAC,
                      WATCHLIST_ENTRY_EDITOR, AdwWindow)

TarmacWatchlistEntryEditor *tarmac_watchlist_entry_editor_new  (TarmacStore                *store,
                                                                gint64                      entry_id,
                                                                const TarmacWatchlistEntry *entry);
void                        tarmac_watchlist_entry_editor_set_field (TarmacWatchlistEntryEditor *self,
                                                                const char                 *field,
                                                                const char                 *text);
gboolean                    tarmac_watchlist_entry_editor_save (TarmacWatchlistEntryEditor *self);
const char                 *tarmac_watchlist_entry_editor_get_error (TarmacWatchlistEntryEditor *self);

G_END_DECLS
