/* tarmac-hub-bundle.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tarmac-hub-db.h"

G_BEGIN_DECLS

gboolean tarmac_hub_bundle_import (TarmacHubDb   *db,
                                   const char    *path,
                                   guint         *n_accepted,
                                   guint         *n_duplicate,
                                   GError       **error);
gboolean tarmac_hub_bundle_export (TarmacHubDb   *db,
                                   const guint8  *coordinator_seed,
                                   const char    *site,
                                   gint64         since,
                                   const char    *path,
                                   guint         *n_exported,
                                   gint64        *next,
                                   GError       **error);

G_END_DECLS
