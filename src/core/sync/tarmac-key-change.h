/* tarmac-key-change.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define TARMAC_TYPE_KEY_CHANGE (tarmac_key_change_get_type ())

G_DECLARE_FINAL_TYPE (TarmacKeyChange, tarmac_key_change, TARMAC, KEY_CHANGE, GObject)

TarmacKeyChange *tarmac_key_change_new           (gboolean         is_site,
                                                  const char      *subject,
                                                  const char      *site,
                                                  const char      *old_code,
                                                  const char      *since,
                                                  guint            n_held);
gboolean         tarmac_key_change_get_is_site   (TarmacKeyChange *self);
const char      *tarmac_key_change_get_subject   (TarmacKeyChange *self);
const char      *tarmac_key_change_get_site      (TarmacKeyChange *self);
const char      *tarmac_key_change_get_old_code  (TarmacKeyChange *self);
const char      *tarmac_key_change_get_since     (TarmacKeyChange *self);
guint            tarmac_key_change_get_n_held    (TarmacKeyChange *self);

G_END_DECLS
