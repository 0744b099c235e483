/* tarmac-bundle.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* A bundle file's limits: what one USB stick carries between two syncs. */
#define TARMAC_BUNDLE_MAX_BYTES   (G_GINT64_CONSTANT (64) * 1024 * 1024)
#define TARMAC_BUNDLE_MAX_CHANGES 20000

/* The signer of a bundle the hub writes (with the coordinator's key). */
#define TARMAC_BUNDLE_HUB_SIGNER "hub"

/* Signs @length bytes of @data into @signature (64 bytes). */
typedef void     (*TarmacBundleSignFunc)   (gpointer      user_data,
                                            const guint8 *data,
                                            gsize         length,
                                            guint8       *signature);

/* Finds the Ed25519 public key (32 bytes) of @signer; FALSE when it is not trusted. */
typedef gboolean (*TarmacBundleKeyFunc)    (gpointer      user_data,
                                            const char   *signer,
                                            guint8       *public_key);

char     *tarmac_bundle_seal (JsonNode             *payload,
                              const char           *signer,
                              TarmacBundleSignFunc  sign,
                              gpointer              user_data,
                              gsize                *length);
JsonNode *tarmac_bundle_open (const char           *data,
                              gsize                 length,
                              TarmacBundleKeyFunc   lookup,
                              gpointer              user_data,
                              char                **signer,
                              GError              **error);
gboolean  tarmac_bundle_read_file (const char      *path,
                                   char           **contents,
                                   gsize           *length,
                                   GError         **error);

G_END_DECLS
