/* tarmac-event-window.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "tarmac-store.h"

G_BEGIN_DECLS

#define TARMAC_TYPE_EVENT_WINDOW (tarmac_event_window_get_type ())

G_DECLARE_FINAL_TYPE (TarmacEventWindow, tarmac_event_window, TARMAC, EVENT_WINDOW, AdwWindow)

TarmacEventWindow *tarmac_event_window_new        (GtkWindow          *parent,
                                                   TarmacStore        *store,
                                                   const char         *record,
                                                   const char         *airport);
const char        *tarmac_event_window_get_record (TarmacEventWindow  *self);
gboolean           tarmac_event_window_save       (TarmacEventWindow  *self,
                                                   GError            **error);

G_END_DECLS
