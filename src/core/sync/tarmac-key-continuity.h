/* tarmac-key-continuity.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The most links of an airport's key chain the roster lists (older rotations drop off). */
#define TARMAC_KEY_CHAIN_MAX 8

char       *tarmac_key_code                  (const char    *subject,
                                              const guint8  *pk);
gboolean    tarmac_key_code_equal            (const char    *typed,
                                              const char    *expected);
gboolean    tarmac_typed_code_equal          (const char    *typed,
                                              const char    *expected,
                                              gsize          n_chars);
GByteArray *tarmac_site_key_change_message   (const char    *site,
                                              const guint8  *prev_pk,
                                              const guint8  *new_pk);
void        tarmac_x25519_sign               (const guint8  *x25519_sk,
                                              const guint8  *message,
                                              gsize          length,
                                              guint8        *signer,
                                              guint8        *signature);
gboolean    tarmac_site_key_change_verify    (const char    *site,
                                              const guint8  *prev_pk,
                                              const guint8  *new_pk,
                                              const guint8  *signer,
                                              const guint8  *signature);

G_END_DECLS
