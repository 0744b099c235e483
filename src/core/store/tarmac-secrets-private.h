/* tarmac-secrets-private.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tarmac-secrets.h"
#include "tarmac-store.h"

G_BEGIN_DECLS

TarmacSecrets *_tarmac_secrets_new              (TarmacStore    *store);
gboolean       _tarmac_secrets_seal_plain_meta  (TarmacSecrets  *self,
                                                 const char     *key,
                                                 GError        **error);

G_END_DECLS
