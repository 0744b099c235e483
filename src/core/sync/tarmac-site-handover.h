/* tarmac-site-handover.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The site key sealed to a new desk's box key: 32 bytes + crypto_box_SEALBYTES. */
#define TARMAC_HANDOVER_SEALED_BYTES 80

char       *tarmac_handover_code            (const char    *site,
                                             const char    *device_id,
                                             const guint8  *sign_pk,
                                             const guint8  *box_pk);
gboolean    tarmac_handover_code_equal      (const char    *typed,
                                             const char    *expected);
GByteArray *tarmac_handover_signed_message  (const char    *site,
                                             const char    *device_id,
                                             const guint8  *box_pk,
                                             const guint8  *site_box_pk,
                                             const guint8  *sealed);

G_END_DECLS
