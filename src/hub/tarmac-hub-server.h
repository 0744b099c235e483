/* tarmac-hub-server.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "tarmac-hub-db.h"

G_BEGIN_DECLS

#define TARMAC_HUB_MAX_BODY  (2 * 1024 * 1024)
#define TARMAC_HUB_MAX_WAIT  25

#define TARMAC_TYPE_HUB_SERVER (tarmac_hub_server_get_type ())

G_DECLARE_FINAL_TYPE (TarmacHubServer, tarmac_hub_server, TARMAC, HUB_SERVER, GObject)

TarmacHubServer *tarmac_hub_server_new    (TarmacHubDb      *db,
                                           GTlsCertificate  *certificate,
                                           GBytes           *coordinator_seed);
gboolean         tarmac_hub_server_listen (TarmacHubServer  *self,
                                           GInetAddress     *address,
                                           guint             port,
                                           GError          **error);
guint            tarmac_hub_server_get_port (TarmacHubServer *self);

G_END_DECLS
