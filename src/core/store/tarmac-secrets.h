/* tarmac-secrets.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define TARMAC_SECRETS_ERROR (tarmac_secrets_error_quark ())

/* The environment variables of the fallback and of the keyring switch (README). */
#define TARMAC_SECRETS_PASSPHRASE_ENV "TARMAC_PASSPHRASE"
#define TARMAC_SECRETS_KEYRING_ENV    "TARMAC_KEYRING"

/**
 * TarmacSecretsError:
 * @TARMAC_SECRETS_ERROR_UNAVAILABLE: no key-encryption key: no keyring and no passphrase
 * @TARMAC_SECRETS_ERROR_LOCKED: a key-encryption key was found but opens nothing (a wrong
 *   passphrase, another keyring)
 * @TARMAC_SECRETS_ERROR_NOT_FOUND: no secret of that name
 * @TARMAC_SECRETS_ERROR_EXISTS: a secret of that name is already stored
 * @TARMAC_SECRETS_ERROR_CORRUPT: a sealed value does not open: altered or from elsewhere
 * @TARMAC_SECRETS_ERROR_CHANGED: another program set up this database's keys at the same
 *   moment; nothing was written, try again
 * @TARMAC_SECRETS_ERROR_STORE: the database failed
 */
typedef enum
{
  TARMAC_SECRETS_ERROR_UNAVAILABLE,
  TARMAC_SECRETS_ERROR_LOCKED,
  TARMAC_SECRETS_ERROR_NOT_FOUND,
  TARMAC_SECRETS_ERROR_EXISTS,
  TARMAC_SECRETS_ERROR_CORRUPT,
  TARMAC_SECRETS_ERROR_CHANGED,
  TARMAC_SECRETS_ERROR_STORE,
} TarmacSecretsError;

#define TARMAC_TYPE_SECRETS (tarmac_secrets_get_type ())

G_DECLARE_FINAL_TYPE (TarmacSecrets, tarmac_secrets, TARMAC, SECRETS, GObject)

GQuark         tarmac_secrets_error_quark   (void);

gboolean       tarmac_secrets_unlock        (TarmacSecrets  *self,
                                             GError        **error);
const char    *tarmac_secrets_get_unlocked_by (TarmacSecrets *self);
GBytes        *tarmac_secrets_get           (TarmacSecrets  *self,
                                             const char     *name,
                                             GError        **error);
gboolean       tarmac_secrets_put           (TarmacSecrets  *self,
                                             const char     *name,
                                             GBytes         *value,
                                             gboolean        replace,
                                             GError        **error);
gboolean       tarmac_secrets_delete        (TarmacSecrets  *self,
                                             const char     *name,
                                             GError        **error);

G_END_DECLS
