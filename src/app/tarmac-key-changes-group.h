/* tarmac-key-changes-group.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "tarmac-sync-service.h"

G_BEGIN_DECLS

#define TARMAC_TYPE_KEY_CHANGES_GROUP (tarmac_key_changes_group_get_type ())

G_DECLARE_FINAL_TYPE (TarmacKeyChangesGroup, tarmac_key_changes_group, TARMAC, KEY_CHANGES_GROUP,
                      AdwPreferencesGroup)

GtkWidget *tarmac_key_changes_group_new         (void);
void       tarmac_key_changes_group_set_service (TarmacKeyChangesGroup *self,
                                                 TarmacSyncService     *service);
void       tarmac_key_changes_group_refresh     (TarmacKeyChangesGroup *self);
guint      tarmac_key_changes_group_get_n_changes (TarmacKeyChangesGroup *self);
gboolean   tarmac_key_changes_group_get_busy    (TarmacKeyChangesGroup *self);
void       tarmac_key_changes_group_trust       (TarmacKeyChangesGroup *self,
                                                 const char            *subject,
                                                 const char            *code);

G_END_DECLS
