/* tarmac-desks-group.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "tarmac-sync-service.h"

G_BEGIN_DECLS

#define TARMAC_TYPE_DESKS_GROUP (tarmac_desks_group_get_type ())

G_DECLARE_FINAL_TYPE (TarmacDesksGroup, tarmac_desks_group, TARMAC, DESKS_GROUP, AdwPreferencesGroup)

void        tarmac_desks_group_set_service  (TarmacDesksGroup  *self,
                                             TarmacSyncService *service);
void        tarmac_desks_group_refresh      (TarmacDesksGroup  *self);
guint       tarmac_desks_group_get_n_waiting (TarmacDesksGroup *self);
const char *tarmac_desks_group_get_own_code (TarmacDesksGroup  *self);
gboolean    tarmac_desks_group_get_busy     (TarmacDesksGroup  *self);
void        tarmac_desks_group_approve      (TarmacDesksGroup  *self,
                                             const char        *device_id,
                                             const char        *code);

void        tarmac_desks_group_rotate       (TarmacDesksGroup  *self);
gboolean    tarmac_desks_group_get_rotated  (TarmacDesksGroup  *self);

G_END_DECLS
