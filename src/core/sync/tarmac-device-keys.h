/* tarmac-device-keys.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "tarmac-secrets.h"

G_BEGIN_DECLS

#define TARMAC_SYNC_KEY_BYTES       32
#define TARMAC_SYNC_SIGNATURE_BYTES 64
#define TARMAC_SYNC_WRAP_BYTES      80   /* a 32-byte key sealed to an X25519 key */

/* The keystore name of the device's keys (tarmac-secrets.c seals them). */
#define TARMAC_DEVICE_KEYS_SECRET "sync-device-keys"

#define TARMAC_TYPE_DEVICE_KEYS (tarmac_device_keys_get_type ())

G_DECLARE_FINAL_TYPE (TarmacDeviceKeys, tarmac_device_keys, TARMAC, DEVICE_KEYS, GObject)

TarmacDeviceKeys *tarmac_device_keys_generate        (void);
TarmacDeviceKeys *tarmac_device_keys_new_from_seeds  (const char        *device_id,
                                                      const guint8      *sign_seed,
                                                      const guint8      *box_seed,
                                                      const guint8      *site_seed);
TarmacDeviceKeys *tarmac_device_keys_load            (TarmacSecrets     *secrets,
                                                      GError           **error);
gboolean          tarmac_device_keys_save            (TarmacDeviceKeys  *self,
                                                      TarmacSecrets     *secrets,
                                                      GError           **error);
const char       *tarmac_device_keys_get_device_id   (TarmacDeviceKeys  *self);
const guint8     *tarmac_device_keys_get_sign_pk     (TarmacDeviceKeys  *self);
const guint8     *tarmac_device_keys_get_box_pk      (TarmacDeviceKeys  *self);
const guint8     *tarmac_device_keys_get_site_box_pk (TarmacDeviceKeys  *self);
char             *tarmac_device_keys_dup_fingerprint (TarmacDeviceKeys  *self);
void              tarmac_device_keys_sign            (TarmacDeviceKeys  *self,
                                                      const guint8      *data,
                                                      gsize              length,
                                                      guint8            *signature);
void              tarmac_device_keys_forget_site_key (TarmacDeviceKeys  *self);
gboolean          tarmac_device_keys_has_site_key    (TarmacDeviceKeys  *self);
GBytes           *tarmac_device_keys_seal_site_key   (TarmacDeviceKeys  *self,
                                                      const guint8      *box_pk,
                                                      GError           **error);
gboolean          tarmac_device_keys_site_key_proof  (TarmacDeviceKeys  *self,
                                                      const char        *site,
                                                      const char        *device_id,
                                                      const guint8      *sign_pk,
                                                      const guint8      *box_pk,
                                                      guint8            *proof);
void              tarmac_device_keys_new_site_seed   (guint8            *seed,
                                                      guint8            *site_box_pk);
gboolean          tarmac_device_keys_take_site_key   (TarmacDeviceKeys  *self,
                                                      const guint8      *sealed,
                                                      gsize              sealed_length,
                                                      const guint8      *site_box_pk,
                                                      TarmacSecrets     *secrets,
                                                      GError           **error);
gboolean          tarmac_device_keys_open_site_wrap  (TarmacDeviceKeys  *self,
                                                      const guint8      *wrap,
                                                      gsize              wrap_length,
                                                      guint8            *key,
                                                      GError           **error);
gboolean          tarmac_device_keys_sign_site_key_change (TarmacDeviceKeys  *self,
                                                           const char        *site,
                                                           const guint8      *new_pk,
                                                           guint8            *signer,
                                                           guint8            *signature,
                                                           GError           **error);
gboolean          tarmac_device_keys_open_own_wrap   (TarmacDeviceKeys  *self,
                                                      const guint8      *wrap,
                                                      gsize              wrap_length,
                                                      guint8            *key,
                                                      GError           **error);

G_END_DECLS
