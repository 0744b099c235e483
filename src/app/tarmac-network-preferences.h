/* tarmac-network-preferences.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "tarmac-desks-group.h"
#include "tarmac-sync-service.h"

G_BEGIN_DECLS

#define TARMAC_TYPE_NETWORK_PREFERENCES (tarmac_network_preferences_get_type ())

G_DECLARE_FINAL_TYPE (TarmacNetworkPreferences, tarmac_network_preferences, TARMAC, NETWORK_PREFERENCES,
                      AdwPreferencesPage)

GtkWidget *tarmac_network_preferences_new             (TarmacSyncService        *service);
void       tarmac_network_preferences_fill            (TarmacNetworkPreferences *self,
                                                       const char               *hub_url,
                                                       const char               *code);
const char *tarmac_network_preferences_get_fingerprint (TarmacNetworkPreferences *self);
const char *tarmac_network_preferences_get_error       (TarmacNetworkPreferences *self);
TarmacDesksGroup *tarmac_network_preferences_get_desks_group (TarmacNetworkPreferences *self);

G_END_DECLS
