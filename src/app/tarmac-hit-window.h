/* tarmac-hit-window.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "tarmac-store.h"

G_BEGIN_DECLS

#define TARMAC_TYPE_HIT_WINDOW (tarmac_hit_window_get_type ())

G_DECLARE_FINAL_TYPE (TarmacHitWindow, tarmac_hit_window, TARMAC, HIT_WINDOW, AdwWindow)

TarmacHitWindow *tarmac_hit_window_new           (TarmacStore      *store,
                                                  gint64            hit_id,
                                                  GError          **error);
void             tarmac_hit_window_set_comment   (TarmacHitWindow  *self,
                                                  const char       *comment);
gboolean         tarmac_hit_window_change_status (TarmacHitWindow  *self,
                                                  const char       *status);
GtkWindow       *tarmac_hit_window_record_seizure (TarmacHitWindow *self);

G_END_DECLS
