/* tarmac-site-desk.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define TARMAC_TYPE_SITE_DESK (tarmac_site_desk_get_type ())

G_DECLARE_FINAL_TYPE (TarmacSiteDesk, tarmac_site_desk, TARMAC, SITE_DESK, GObject)

TarmacSiteDesk *tarmac_site_desk_new           (const char     *device_id,
                                                const char     *status,
                                                gboolean        waiting,
                                                gboolean        this_desk,
                                                const char     *code);
const char     *tarmac_site_desk_get_device_id (TarmacSiteDesk *self);
const char     *tarmac_site_desk_get_status    (TarmacSiteDesk *self);
gboolean        tarmac_site_desk_get_waiting   (TarmacSiteDesk *self);
gboolean        tarmac_site_desk_get_this_desk (TarmacSiteDesk *self);
const char     *tarmac_site_desk_get_code      (TarmacSiteDesk *self);

G_END_DECLS
