/* tarmac-site-handover.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The site key sealed to a new desk's box key: 32 bytes + crypto_box_SEALBYTES; then up
 * to TARMAC_HANDOVER_OLD_KEYS older keys of the site (after rotations), 32 bytes each. */
#define TARMAC_HANDOVER_SEALED_BYTES 80
#define TARMAC_HANDOVER_OLD_KEYS     8
#define TARMAC_HANDOVER_SEALED_MAX   (TARMAC_HANDOVER_SEALED_BYTES + 32 * TARMAC_HANDOVER_OLD_KEYS)

char       *tarmac_handover_code            (const char    *site,
                                             const char    *device_id,
                                             const guint8  *sign_pk,
                                             const guint8  *box_pk);
gboolean    tarmac_handover_code_equal      (const char    *typed,
                                             const char    *expected);
gboolean    tarmac_handover_sealed_length_valid (gsize      length);
GByteArray *tarmac_handover_signed_message  (const char    *site,
                                             const char    *device_id,
                                             const guint8  *box_pk,
                                             const guint8  *site_box_pk,
                                             const guint8  *sealed,
                                             gsize          sealed_length);

G_END_DECLS
