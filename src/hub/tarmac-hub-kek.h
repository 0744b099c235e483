/* tarmac-hub-kek.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The systemd credential's name: $CREDENTIALS_DIRECTORY/tarmac-hub-kek. */
#define TARMAC_HUB_KEK_CREDENTIAL "tarmac-hub-kek"

#define TARMAC_TYPE_HUB_KEK (tarmac_hub_kek_get_type ())

G_DECLARE_FINAL_TYPE (TarmacHubKek, tarmac_hub_kek, TARMAC, HUB_KEK, GObject)

TarmacHubKek *tarmac_hub_kek_new          (const char    *passphrase_file);
void          tarmac_hub_kek_set_credentials_directory (TarmacHubKek *self,
                                           const char    *directory);
gboolean      tarmac_hub_kek_seal_file    (TarmacHubKek  *self,
                                           const char    *path,
                                           const char    *role,
                                           GBytes        *plain,
                                           GError       **error);
GBytes       *tarmac_hub_kek_open_file    (TarmacHubKek  *self,
                                           const char    *path,
                                           const char    *role,
                                           GError       **error);
gboolean      tarmac_hub_kek_shred        (const char    *path,
                                           GError       **error);

G_END_DECLS
