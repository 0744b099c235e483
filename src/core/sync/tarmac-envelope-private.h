/* tarmac-envelope-private.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tarmac-envelope.h"

G_BEGIN_DECLS

/* Sealing with a given record key and nonce: only for the known-answer tests. */
TarmacEnvelope *_tarmac_envelope_seal_fixed (const TarmacEnvelopeDraft  *draft,
                                             GBytes                     *body,
                                             TarmacDeviceKeys           *keys,
                                             GHashTable                 *site_box_keys,
                                             const guint8               *record_key,
                                             const guint8               *nonce,
                                             GError                    **error);

G_END_DECLS
