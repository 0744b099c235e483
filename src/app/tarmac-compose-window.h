/* tarmac-compose-window.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "tarmac-note.h"
#include "tarmac-sync-service.h"

G_BEGIN_DECLS

#define TARMAC_TYPE_COMPOSE_WINDOW (tarmac_compose_window_get_type ())

G_DECLARE_FINAL_TYPE (TarmacComposeWindow, tarmac_compose_window, TARMAC, COMPOSE_WINDOW, AdwWindow)

TarmacComposeWindow *tarmac_compose_window_new            (GtkWindow           *parent,
                                                           TarmacSyncService   *service);
void                 tarmac_compose_window_set_subject    (TarmacComposeWindow *self,
                                                           const char          *subject_type,
                                                           const char          *subject_ref);
void                 tarmac_compose_window_set_reply_to   (TarmacComposeWindow *self,
                                                           TarmacNote          *note);
void                 tarmac_compose_window_set_recent_flights
                                                          (TarmacComposeWindow *self,
                                                           const char * const  *designators);
void                 tarmac_compose_window_set_text       (TarmacComposeWindow *self,
                                                           const char          *text);
void                 tarmac_compose_window_set_priority   (TarmacComposeWindow *self,
                                                           TarmacNotePriority   priority);
void                 tarmac_compose_window_set_recipients (TarmacComposeWindow *self,
                                                           const char * const  *codes);
GStrv                tarmac_compose_window_dup_recipients (TarmacComposeWindow *self);
const char          *tarmac_compose_window_get_error      (TarmacComposeWindow *self);

G_END_DECLS
