/* tarmac-preferences-window.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define TARMAC_TYPE_PREFERENCES_WINDOW (tarmac_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (TarmacPreferencesWindow, tarmac_preferences_window,
                      TARMAC, PREFERENCES_WINDOW, AdwPreferencesWindow)

TarmacPreferencesWindow *tarmac_preferences_window_new (GtkWindow *parent);

G_END_DECLS
