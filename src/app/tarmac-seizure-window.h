/* tarmac-seizure-window.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "tarmac-seizure.h"
#include "tarmac-store.h"

G_BEGIN_DECLS

#define TARMAC_TYPE_SEIZURE_WINDOW (tarmac_seizure_window_get_type ())

G_DECLARE_FINAL_TYPE (TarmacSeizureWindow, tarmac_seizure_window, TARMAC, SEIZURE_WINDOW, AdwWindow)

TarmacSeizureWindow *tarmac_seizure_window_new_draft   (TarmacStore          *store,
                                                        gint64                hit_id,
                                                        gint64                traveller_id,
                                                        gint64                flight_id,
                                                        GError              **error);
TarmacSeizureWindow *tarmac_seizure_window_new_for_id  (TarmacStore          *store,
                                                        gint64                seizure_id,
                                                        GError              **error);
TarmacSeizure       *tarmac_seizure_window_get_seizure (TarmacSeizureWindow  *self);
gboolean             tarmac_seizure_window_save        (TarmacSeizureWindow  *self);
gboolean             tarmac_seizure_window_move_status (TarmacSeizureWindow  *self,
                                                        const char           *status);
gboolean             tarmac_seizure_window_new_version (TarmacSeizureWindow  *self);
gboolean             tarmac_seizure_window_save_alert  (TarmacSeizureWindow  *self,
                                                        GFile                *file,
                                                        GError              **error);
const char          *tarmac_seizure_window_get_error   (TarmacSeizureWindow  *self);
GtkWidget           *tarmac_seizure_window_get_field   (TarmacSeizureWindow  *self,
                                                        const char           *field);
gboolean             tarmac_seizure_window_add_photo   (TarmacSeizureWindow  *self,
                                                        GFile                *file,
                                                        GError              **error);
GtkWidget           *tarmac_seizure_window_add_item    (TarmacSeizureWindow  *self);
guint                tarmac_seizure_window_get_n_photos (TarmacSeizureWindow *self);
gboolean             tarmac_seizure_window_photo_has_thumbnail (TarmacSeizureWindow *self,
                                                                guint                index);

GtkWindow           *tarmac_seizure_window_ask_evidence (TarmacSeizureWindow *self,
                                                         guint                kind,
                                                         gint64               exhibit_id);
const char          *tarmac_seizure_window_answer_evidence (GtkWindow          *dialog,
                                                            const char * const *values);

G_END_DECLS
