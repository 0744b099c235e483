/* tarmac-device-keys.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-device-keys"

#include "config.h"

#include <glib/gi18n.h>
#include <sodium.h>
#include <string.h>

#include "tarmac-device-keys.h"
#include "tarmac-key-continuity.h"
#include "tarmac-site-handover.h"
#include "tarmac-sync-error.h"

/* The keys one installation holds (research/sync.md §3.3):
 *
 *  - an Ed25519 signing key, which signs every version this device writes and never
 *    leaves it;
 *  - an X25519 box key of its own, to which another desk of the same site seals the site
 *    key when this device joins an existing site;
 *  - the site's X25519 box key, shared by the desks of one airport, to which senders seal
 *    each record's key. The first device of a site creates it; a later desk has none
 *    until a desk that holds it hands it over (tarmac-site-handover.c), sealed to this
 *    desk's own box key.
 *
 * When the site's key is rotated (tarmac_device_keys_take_site_key() with a new one),
 * the previous ones are kept too, at most OLD_KEYS of them, newest first, to open what
 * was sealed to them before.
 *
 * Only the 32-byte seeds are kept (the site's only once it is held), sealed in the database's keystore
 * (tarmac_secrets_put(): XChaCha20-Poly1305 under a key from the keyring or the
 * passphrase), never in plain text on disk. In memory they sit in sodium_malloc'd pages,
 * wiped when the object goes. */

#define SEED_BYTES 32
#define MAGIC      "TDK1"
#define MAGIC_KEYLESS "TDK0"   /* a desk waiting for its site's key: the site seed is zeros */
#define MAGIC_LEN  4
#define UUID_LEN   36
#define MAGIC_ROTATED "TDK2"   /* then a count and the older site seeds, newest first */
#define BLOB_LEN   (MAGIC_LEN + UUID_LEN + 3 * SEED_BYTES)
#define OLD_KEYS   TARMAC_HANDOVER_OLD_KEYS

typedef struct
{
  guint8 sign_seed[SEED_BYTES];
  guint8 box_seed[SEED_BYTES];
  guint8 site_seed[SEED_BYTES];
  guint8 sign_sk[crypto_sign_SECRETKEYBYTES];
  guint8 box_sk[crypto_box_SECRETKEYBYTES];
  guint8 site_sk[crypto_box_SECRETKEYBYTES];
  guint8 old_seed[OLD_KEYS][SEED_BYTES];
  guint8 old_sk[OLD_KEYS][crypto_box_SECRETKEYBYTES];
  guint8 scratch_seed[SEED_BYTES];
  guint8 scratch_sk[crypto_box_SECRETKEYBYTES];
} Secret;

struct _TarmacDeviceKeys
{
  GObject  parent_instance;

  char    *device_id;
  Secret  *secret;                                 /* sodium_malloc'd */
  guint8   sign_pk[crypto_sign_PUBLICKEYBYTES];
  guint8   box_pk[crypto_box_PUBLICKEYBYTES];
  guint8   site_pk[crypto_box_PUBLICKEYBYTES];
  guint8   old_pk[OLD_KEYS][crypto_box_PUBLICKEYBYTES];
  guint    n_old;
  gboolean has_site_key;
};

G_DEFINE_FINAL_TYPE (TarmacDeviceKeys, tarmac_device_keys, G_TYPE_OBJECT)

G_STATIC_ASSERT (crypto_sign_SEEDBYTES == SEED_BYTES);
G_STATIC_ASSERT (crypto_box_SEEDBYTES == SEED_BYTES);
G_STATIC_ASSERT (crypto_box_SEALBYTES + 32 == TARMAC_SYNC_WRAP_BYTES);

static void
derive (TarmacDeviceKeys *self)
{
  Secret *s = self->secret;

  crypto_sign_seed_keypair (self->sign_pk, s->sign_sk, s->sign_seed);
  crypto_box_seed_keypair (self->box_pk, s->box_sk, s->box_seed);
  crypto_box_seed_keypair (self->site_pk, s->site_sk, s->site_seed);
  self->has_site_key = TRUE;
}

static TarmacDeviceKeys *
new_empty (const char *device_id)
{
  TarmacDeviceKeys *self;

  if (sodium_init () < 0)
    g_error ("libsodium cannot start");

  self = g_object_new (TARMAC_TYPE_DEVICE_KEYS, NULL);
  self->device_id = g_strdup (device_id);
  self->secret = sodium_malloc (sizeof (Secret));
  if (self->secret == NULL)
    g_error ("Out of locked memory for keys");

  return self;
}

static void
tarmac_device_keys_finalize (GObject *object)
{
  TarmacDeviceKeys *self = (TarmacDeviceKeys *) object;

  g_clear_pointer (&self->device_id, g_free);
  g_clear_pointer (&self->secret, sodium_free);

  G_OBJECT_CLASS (tarmac_device_keys_parent_class)->finalize (object);
}

static void
tarmac_device_keys_class_init (TarmacDeviceKeysClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tarmac_device_keys_finalize;
}

static void
tarmac_device_keys_init (TarmacDeviceKeys *self)
{
}

/**
 * tarmac_device_keys_generate:
 *
 * New keys for a new installation, with a new device id and a new site key (this device
 * is the first of its site).
 */
TarmacDeviceKeys *
tarmac_device_keys_generate (void)
{
  g_autofree char *device_id = g_uuid_string_random ();
  TarmacDeviceKeys *self = new_empty (device_id);

  randombytes_buf (self->secret->sign_seed, SEED_BYTES);
  randombytes_buf (self->secret->box_seed, SEED_BYTES);
  randombytes_buf (self->secret->site_seed, SEED_BYTES);
  derive (self);
  return self;
}

/**
 * tarmac_device_keys_new_from_seeds:
 * @device_id: a UUID
 * @sign_seed: 32 bytes
 * @box_seed: 32 bytes
 * @site_seed: 32 bytes
 *
 * Keys from known seeds: for the known-answer tests and for loading.
 */
TarmacDeviceKeys *
tarmac_device_keys_new_from_seeds (const char   *device_id,
                                   const guint8 *sign_seed,
                                   const guint8 *box_seed,
                                   const guint8 *site_seed)
{
  TarmacDeviceKeys *self;

  g_return_val_if_fail (device_id != NULL && g_uuid_string_is_valid (device_id), NULL);
  g_return_val_if_fail (sign_seed != NULL && box_seed != NULL && site_seed != NULL, NULL);

  self = new_empty (device_id);
  memcpy (self->secret->sign_seed, sign_seed, SEED_BYTES);
  memcpy (self->secret->box_seed, box_seed, SEED_BYTES);
  memcpy (self->secret->site_seed, site_seed, SEED_BYTES);
  derive (self);
  return self;
}

/**
 * tarmac_device_keys_load:
 * @secrets: the database's keystore
 *
 * Reads the device's keys from the keystore. %TARMAC_SECRETS_ERROR_NOT_FOUND when this
 * database was never enrolled.
 */
TarmacDeviceKeys *
tarmac_device_keys_load (TarmacSecrets  *secrets,
                         GError        **error)
{
  g_autoptr(GBytes) blob = NULL;
  g_autofree char *device_id = NULL;
  TarmacDeviceKeys *keys;
  const guint8 *data;
  gsize length = 0;
  gboolean keyless;
  guint n_old = 0;

  g_return_val_if_fail (TARMAC_IS_SECRETS (secrets), NULL);

  blob = tarmac_secrets_get (secrets, TARMAC_DEVICE_KEYS_SECRET, error);
  if (blob == NULL)
    return NULL;

  data = g_bytes_get_data (blob, &length);
  keyless = length == BLOB_LEN && memcmp (data, MAGIC_KEYLESS, MAGIC_LEN) == 0;
  if (length > BLOB_LEN && memcmp (data, MAGIC_ROTATED, MAGIC_LEN) == 0)
    {
      n_old = data[BLOB_LEN];
      if (n_old == 0 || n_old > OLD_KEYS || length != BLOB_LEN + 1 + n_old * SEED_BYTES)
        goto corrupt;
    }
  else if (length != BLOB_LEN || (memcmp (data, MAGIC, MAGIC_LEN) != 0 && !keyless))
    goto corrupt;

  device_id = g_strndup ((const char *) data + MAGIC_LEN, UUID_LEN);
  if (!g_uuid_string_is_valid (device_id))
    goto corrupt;

  keys = tarmac_device_keys_new_from_seeds (device_id,
                                            data + MAGIC_LEN + UUID_LEN,
                                            data + MAGIC_LEN + UUID_LEN + SEED_BYTES,
                                            data + MAGIC_LEN + UUID_LEN + 2 * SEED_BYTES);
  if (keyless)
    tarmac_device_keys_forget_site_key (keys);
  for (guint i = 0; i < n_old; i++)
    {
      memcpy (keys->secret->old_seed[i], data + BLOB_LEN + 1 + i * SEED_BYTES, SEED_BYTES);
      crypto_box_seed_keypair (keys->old_pk[i], keys->secret->old_sk[i], keys->secret->old_seed[i]);
    }
  keys->n_old = n_old;
  return keys;

corrupt:
  g_set_error (error, TARMAC_SYNC_ERROR, TARMAC_SYNC_ERROR_KEYS,
               _("The device keys in this database are damaged"));
  return NULL;
}

static void
wiped_free (gpointer data)
{
  sodium_free (data);
}

static gboolean
save (TarmacDeviceKeys  *self,
      TarmacSecrets     *secrets,
      gboolean           replace,
      GError           **error)
{
  g_autoptr(GBytes) blob = NULL;
  gsize length = BLOB_LEN + (self->n_old > 0 ? 1 + self->n_old * SEED_BYTES : 0);
  guint8 *data;

  data = sodium_malloc (length);
  if (data == NULL)
    g_error ("Out of locked memory for keys");
  memcpy (data, !self->has_site_key ? MAGIC_KEYLESS : self->n_old > 0 ? MAGIC_ROTATED : MAGIC,
          MAGIC_LEN);
  memcpy (data + MAGIC_LEN, self->device_id, UUID_LEN);
  memcpy (data + MAGIC_LEN + UUID_LEN, self->secret->sign_seed, SEED_BYTES);
  memcpy (data + MAGIC_LEN + UUID_LEN + SEED_BYTES, self->secret->box_seed, SEED_BYTES);
  memcpy (data + MAGIC_LEN + UUID_LEN + 2 * SEED_BYTES, self->secret->site_seed, SEED_BYTES);
  if (self->n_old > 0)
    {
      data[BLOB_LEN] = (guint8) self->n_old;
      for (guint i = 0; i < self->n_old; i++)
        memcpy (data + BLOB_LEN + 1 + i * SEED_BYTES, self->secret->old_seed[i], SEED_BYTES);
    }
  blob = g_bytes_new_with_free_func (data, length, wiped_free, data);

  return tarmac_secrets_put (secrets, TARMAC_DEVICE_KEYS_SECRET, blob, replace, error);
}

/**
 * tarmac_device_keys_save:
 * @secrets: the database's keystore
 *
 * Seals the keys into the keystore. Never replaces keys already there: a device that
 * loses its keys must enrol again (research/sync.md §4.10).
 */
gboolean
tarmac_device_keys_save (TarmacDeviceKeys  *self,
                         TarmacSecrets     *secrets,
                         GError           **error)
{
  g_return_val_if_fail (TARMAC_IS_DEVICE_KEYS (self), FALSE);
  g_return_val_if_fail (TARMAC_IS_SECRETS (secrets), FALSE);

  return save (self, secrets, FALSE, error);
}

/**
 * tarmac_device_keys_forget_site_key:
 *
 * This desk joins a site that already has a key: the one it made is dropped, and it
 * waits for the site's own (tarmac_device_keys_take_site_key()).
 */
void
tarmac_device_keys_forget_site_key (TarmacDeviceKeys *self)
{
  g_return_if_fail (TARMAC_IS_DEVICE_KEYS (self));

  sodium_memzero (self->secret->site_seed, SEED_BYTES);
  sodium_memzero (self->secret->site_sk, sizeof self->secret->site_sk);
  sodium_memzero (self->secret->old_seed, sizeof self->secret->old_seed);
  sodium_memzero (self->secret->old_sk, sizeof self->secret->old_sk);
  memset (self->site_pk, 0, sizeof self->site_pk);
  self->n_old = 0;
  self->has_site_key = FALSE;
}

gboolean
tarmac_device_keys_has_site_key (TarmacDeviceKeys *self)
{
  g_return_val_if_fail (TARMAC_IS_DEVICE_KEYS (self), FALSE);

  return self->has_site_key;
}

/**
 * tarmac_device_keys_seal_site_key:
 * @box_pk: a new desk's X25519 public key, 32 bytes
 *
 * Seals the site's secret seed, and the older ones kept after rotations, to another desk
 * of the site (tarmac-site-handover.c).
 *
 * Returns: (transfer full) (nullable): the sealed box
 */
GBytes *
tarmac_device_keys_seal_site_key (TarmacDeviceKeys  *self,
                                  const guint8      *box_pk,
                                  GError           **error)
{
  gsize plain_length = SEED_BYTES * (1 + self->n_old);
  guint8 *plain, *sealed;

  g_return_val_if_fail (TARMAC_IS_DEVICE_KEYS (self), NULL);

  if (!self->has_site_key)
    {
      g_set_error (error, TARMAC_SYNC_ERROR, TARMAC_SYNC_ERROR_AWAITING_KEY,
                   _("This desk does not hold its airport’s key: it cannot hand it over"));
      return NULL;
    }

  plain = sodium_malloc (plain_length);
  if (plain == NULL)
    g_error ("Out of locked memory for keys");
  memcpy (plain, self->secret->site_seed, SEED_BYTES);
  for (guint i = 0; i < self->n_old; i++)
    memcpy (plain + SEED_BYTES * (1 + i), self->secret->old_seed[i], SEED_BYTES);
  sealed = g_malloc (plain_length + crypto_box_SEALBYTES);
  if (crypto_box_seal (sealed, plain, plain_length, box_pk) != 0)
    {
      /* A box key of small order: nothing was sealed past the first 32 bytes. */
      sodium_free (plain);
      g_free (sealed);
      g_set_error (error, TARMAC_SYNC_ERROR, TARMAC_SYNC_ERROR_KEYS,
                   _("The desk’s key is not a valid key: the airport’s key cannot be handed to it"));
      return NULL;
    }
  sodium_free (plain);

  return g_bytes_new_take (sealed, plain_length + crypto_box_SEALBYTES);
}

/**
 * tarmac_device_keys_site_key_proof:
 * @site: the desk's site
 * @device_id: the desk
 * @sign_pk: its signing key, 32 bytes
 * @box_pk: its box key, 32 bytes
 * @proof: (out caller-allocates): 32 bytes
 *
 * A proof that the desk holds the site's current key: BLAKE2b keyed with a key derived
 * from the site's secret, over the desk's identity. Only holders of the key can make or
 * check it; the hub can do neither. %FALSE without a site key.
 */
gboolean
tarmac_device_keys_site_key_proof (TarmacDeviceKeys *self,
                                   const char       *site,
                                   const char       *device_id,
                                   const guint8     *sign_pk,
                                   const guint8     *box_pk,
                                   guint8           *proof)
{
  crypto_generichash_state state;
  guint8 key[32];

  g_return_val_if_fail (TARMAC_IS_DEVICE_KEYS (self), FALSE);

  if (!self->has_site_key)
    return FALSE;

  crypto_generichash (key, sizeof key, (const guint8 *) "tarmac-key-proof-v1", 19,
                      self->secret->site_seed, SEED_BYTES);
  crypto_generichash_init (&state, key, sizeof key, 32);
  crypto_generichash_update (&state, (const guint8 *) site, strlen (site) + 1);
  crypto_generichash_update (&state, (const guint8 *) device_id, strlen (device_id) + 1);
  crypto_generichash_update (&state, sign_pk, 32);
  crypto_generichash_update (&state, box_pk, 32);
  crypto_generichash_final (&state, proof, 32);
  sodium_memzero (key, sizeof key);
  return TRUE;
}

/**
 * tarmac_device_keys_new_site_seed:
 * @seed: (out caller-allocates): 32 random bytes
 * @site_box_pk: (out caller-allocates): the public key of that seed
 *
 * A new key for the site (a rotation): sealed to every desk of the site, this one
 * included, and taken by each with tarmac_device_keys_take_site_key().
 */
void
tarmac_device_keys_new_site_seed (guint8 *seed,
                                  guint8 *site_box_pk)
{
  guint8 sk[crypto_box_SECRETKEYBYTES];

  randombytes_buf (seed, SEED_BYTES);
  crypto_box_seed_keypair (site_box_pk, sk, seed);
  sodium_memzero (sk, sizeof sk);
}

/**
 * tarmac_device_keys_take_site_key:
 * @sealed: the site's seed sealed to this desk's box key
 * @site_box_pk: the site's public key, from the verified roster
 * @secrets: the keystore, where the keys are sealed again with the site's
 *
 * Opens a handed-over site key, checks that it is the one of @site_box_pk, and keeps it;
 * a desk that held an older key of the site (a rotation) keeps that one too, to open what
 * was sealed to it.
 */
gboolean
tarmac_device_keys_take_site_key (TarmacDeviceKeys  *self,
                                  const guint8      *sealed,
                                  gsize              sealed_length,
                                  const guint8      *site_box_pk,
                                  TarmacSecrets     *secrets,
                                  GError           **error)
{
  Secret *s = self->secret;
  guint8 pk[crypto_box_PUBLICKEYBYTES];
  guint8 *plain;
  guint n_older;

  g_return_val_if_fail (TARMAC_IS_DEVICE_KEYS (self), FALSE);

  if (!tarmac_handover_sealed_length_valid (sealed_length))
    goto unopened;
  plain = sodium_malloc (sealed_length - crypto_box_SEALBYTES);
  if (plain == NULL)
    g_error ("Out of locked memory for keys");
  if (crypto_box_seal_open (plain, sealed, sealed_length, self->box_pk, s->box_sk) != 0)
    {
      sodium_free (plain);
      goto unopened;
    }
  memcpy (s->scratch_seed, plain, SEED_BYTES);
  n_older = (sealed_length - crypto_box_SEALBYTES) / SEED_BYTES - 1;

  /* A desk that had no key yet takes the older ones too, to read what came before. */
  if (!self->has_site_key)
    {
      for (guint i = 0; i < n_older; i++)
        {
          memcpy (s->old_seed[i], plain + SEED_BYTES * (1 + i), SEED_BYTES);
          crypto_box_seed_keypair (self->old_pk[i], s->old_sk[i], s->old_seed[i]);
        }
      self->n_old = n_older;
    }
  sodium_free (plain);

  crypto_box_seed_keypair (pk, s->scratch_sk, s->scratch_seed);
  sodium_memzero (s->scratch_sk, sizeof s->scratch_sk);
  if (sodium_memcmp (pk, site_box_pk, sizeof pk) != 0)
    {
      sodium_memzero (s->scratch_seed, SEED_BYTES);
      g_set_error (error, TARMAC_SYNC_ERROR, TARMAC_SYNC_ERROR_TAMPERED,
                   _("The key handed to this desk is not its airport’s"));
      return FALSE;
    }

  if (self->has_site_key && sodium_memcmp (pk, self->site_pk, sizeof pk) == 0)
    {
      sodium_memzero (s->scratch_seed, SEED_BYTES);
      return TRUE;
    }

  /* The key held until now becomes the newest of the old ones. */
  if (self->has_site_key)
    {
      guint keep = MIN (self->n_old, OLD_KEYS - 1);

      memmove (s->old_seed[1], s->old_seed[0], keep * SEED_BYTES);
      memmove (s->old_sk[1], s->old_sk[0], keep * sizeof s->old_sk[0]);
      memmove (self->old_pk[1], self->old_pk[0], keep * sizeof self->old_pk[0]);
      memcpy (s->old_seed[0], s->site_seed, SEED_BYTES);
      memcpy (s->old_sk[0], s->site_sk, sizeof s->site_sk);
      memcpy (self->old_pk[0], self->site_pk, sizeof self->site_pk);
      self->n_old = keep + 1;
    }

  memcpy (s->site_seed, s->scratch_seed, SEED_BYTES);
  sodium_memzero (s->scratch_seed, SEED_BYTES);
  derive (self);
  if (!save (self, secrets, TRUE, error))
    return FALSE;

  return TRUE;

unopened:
  g_set_error (error, TARMAC_SYNC_ERROR, TARMAC_SYNC_ERROR_TAMPERED,
               _("The airport’s key handed to this desk does not open"));
  return FALSE;
}

const char *
tarmac_device_keys_get_device_id (TarmacDeviceKeys *self)
{
  g_return_val_if_fail (TARMAC_IS_DEVICE_KEYS (self), NULL);

  return self->device_id;
}

/* 32 bytes: the Ed25519 public key the roster lists for this device. */
const guint8 *
tarmac_device_keys_get_sign_pk (TarmacDeviceKeys *self)
{
  g_return_val_if_fail (TARMAC_IS_DEVICE_KEYS (self), NULL);

  return self->sign_pk;
}

/* 32 bytes: the device's own X25519 public key. */
const guint8 *
tarmac_device_keys_get_box_pk (TarmacDeviceKeys *self)
{
  g_return_val_if_fail (TARMAC_IS_DEVICE_KEYS (self), NULL);

  return self->box_pk;
}

/* 32 bytes: the site's X25519 public key, which senders seal record keys to. */
const guint8 *
tarmac_device_keys_get_site_box_pk (TarmacDeviceKeys *self)
{
  g_return_val_if_fail (TARMAC_IS_DEVICE_KEYS (self), NULL);

  return self->site_pk;
}

/**
 * tarmac_device_keys_dup_fingerprint:
 *
 * A short digest of the signing key, grouped for reading aloud over the phone at
 * enrolment ("safety number", research/sync.md §3.4).
 *
 * Returns: (transfer full): 8 groups of 4 hexadecimal digits
 */
char *
tarmac_device_keys_dup_fingerprint (TarmacDeviceKeys *self)
{
  guint8 digest[16];
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (TARMAC_IS_DEVICE_KEYS (self), NULL);

  crypto_generichash (digest, sizeof digest, self->sign_pk, sizeof self->sign_pk, NULL, 0);
  for (gsize i = 0; i < sizeof digest; i += 2)
    g_string_append_printf (out, "%s%02x%02x", i > 0 ? " " : "", digest[i], digest[i + 1]);

  return g_string_free (out, FALSE);
}

/**
 * tarmac_device_keys_sign:
 * @signature: (out caller-allocates): %TARMAC_SYNC_SIGNATURE_BYTES bytes
 */
void
tarmac_device_keys_sign (TarmacDeviceKeys *self,
                         const guint8     *data,
                         gsize             length,
                         guint8           *signature)
{
  g_return_if_fail (TARMAC_IS_DEVICE_KEYS (self));
  g_return_if_fail (signature != NULL);

  crypto_sign_detached (signature, NULL, data, length, self->secret->sign_sk);
}

/**
 * tarmac_device_keys_open_site_wrap:
 * @wrap: a record key sealed to the site's box key
 * @key: (out caller-allocates): %TARMAC_SYNC_KEY_BYTES bytes
 *
 * Opens a record key sealed to this site.
 */
gboolean
tarmac_device_keys_open_site_wrap (TarmacDeviceKeys  *self,
                                   const guint8      *wrap,
                                   gsize              wrap_length,
                                   guint8            *key,
                                   GError           **error)
{
  g_return_val_if_fail (TARMAC_IS_DEVICE_KEYS (self), FALSE);

  if (!self->has_site_key)
    {
      g_set_error (error, TARMAC_SYNC_ERROR, TARMAC_SYNC_ERROR_AWAITING_KEY,
                   _("This desk does not hold its airport’s key yet: another desk of the "
                     "airport must approve it"));
      return FALSE;
    }

  /* The current key, then the older ones (a note sealed before a rotation). */
  if (wrap_length == TARMAC_SYNC_WRAP_BYTES
      && crypto_box_seal_open (key, wrap, wrap_length, self->site_pk, self->secret->site_sk) == 0)
    return TRUE;
  for (guint i = 0; wrap_length == TARMAC_SYNC_WRAP_BYTES && i < self->n_old; i++)
    if (crypto_box_seal_open (key, wrap, wrap_length, self->old_pk[i], self->secret->old_sk[i]) == 0)
      return TRUE;

  g_set_error (error, TARMAC_SYNC_ERROR, TARMAC_SYNC_ERROR_TAMPERED,
               _("The record key sealed to this site does not open"));
  return FALSE;
}

/**
 * tarmac_device_keys_sign_site_key_change:
 * @site: this desk's airport
 * @new_pk: the airport's new key, 32 bytes
 * @signer: (out caller-allocates): the current key in Edwards form, 32 bytes
 * @signature: (out caller-allocates): 64 bytes
 *
 * Signs @new_pk with the airport's current key (tarmac-key-continuity.c): the proof the
 * other airports check before they take the new key without asking an officer.
 */
gboolean
tarmac_device_keys_sign_site_key_change (TarmacDeviceKeys  *self,
                                         const char        *site,
                                         const guint8      *new_pk,
                                         guint8            *signer,
                                         guint8            *signature,
                                         GError           **error)
{
  g_autoptr(GByteArray) message = NULL;

  g_return_val_if_fail (TARMAC_IS_DEVICE_KEYS (self), FALSE);

  if (!self->has_site_key)
    {
      g_set_error (error, TARMAC_SYNC_ERROR, TARMAC_SYNC_ERROR_AWAITING_KEY,
                   _("This desk does not hold its airport’s current key: it cannot change it"));
      return FALSE;
    }

  message = tarmac_site_key_change_message (site, self->site_pk, new_pk);
  tarmac_x25519_sign (self->secret->site_sk, message->data, message->len, signer, signature);
  return TRUE;
}

/**
 * tarmac_device_keys_open_own_wrap:
 * @wrap: a record key sealed to this device's own box key
 * @key: (out caller-allocates): %TARMAC_SYNC_KEY_BYTES bytes
 *
 * Opens a record key this desk kept for itself: the key of a note held back from an
 * airport whose key changed without proof, until an officer accepts the new key.
 */
gboolean
tarmac_device_keys_open_own_wrap (TarmacDeviceKeys  *self,
                                  const guint8      *wrap,
                                  gsize              wrap_length,
                                  guint8            *key,
                                  GError           **error)
{
  g_return_val_if_fail (TARMAC_IS_DEVICE_KEYS (self), FALSE);

  if (wrap_length != TARMAC_SYNC_WRAP_BYTES
      || crypto_box_seal_open (key, wrap, wrap_length, self->box_pk, self->secret->box_sk) != 0)
    {
      g_set_error (error, TARMAC_SYNC_ERROR, TARMAC_SYNC_ERROR_TAMPERED,
                   _("The record key kept by this desk does not open"));
      return FALSE;
    }

  return TRUE;
}
