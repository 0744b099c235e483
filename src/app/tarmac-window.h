/* tarmac-window.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "tarmac-application.h"
#include "tarmac-flight.h"
#include "tarmac-store.h"
#include "tarmac-sync-service.h"

G_BEGIN_DECLS

#define TARMAC_TYPE_WINDOW (tarmac_window_get_type ())

G_DECLARE_FINAL_TYPE (TarmacWindow, tarmac_window, TARMAC, WINDOW, AdwApplicationWindow)

TarmacWindow *tarmac_window_new                   (TarmacApplication *application,
                                                   TarmacStore       *store);
TarmacStore  *tarmac_window_get_store             (TarmacWindow      *self);
TarmacSyncService *tarmac_window_get_sync_service (TarmacWindow      *self);
void          tarmac_window_show_store_error      (TarmacWindow      *self,
                                                   const char        *path,
                                                   const GError      *error);
const char   *tarmac_window_get_visible_page_name (TarmacWindow      *self);
GtkWidget    *tarmac_window_get_page              (TarmacWindow      *self,
                                                   const char        *name);
void          tarmac_window_show_flight           (TarmacWindow      *self,
                                                   TarmacFlight      *flight);
void          tarmac_window_show_traveller        (TarmacWindow      *self,
                                                   gint64             traveller_id);
void          tarmac_window_show_note             (TarmacWindow      *self,
                                                   const char        *uuid);

G_END_DECLS
