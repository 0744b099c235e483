/* tarmac-envelope-verifier.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-envelope-verifier"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tarmac-envelope-verifier.h"
#include "tarmac-hlc.h"
#include "tarmac-sync-error.h"

/* The rules a received version must pass before it is stored (research/sync.md §4.4,
 * §4.5, §5.5 F6), in the order the hub applies them:
 *
 *  1. its origin device is in the roster and not revoked;
 *  2. the device belongs to the origin site, and — on an authenticated connection — is
 *     the device that sent it (A's envelope pushed by B is refused);
 *  3. the signature verifies with that device's key (an altered byte, or the same bytes
 *     signed again by another key, fail here);
 *  4. it is not dated more than ten minutes ahead;
 *  5. it is not a version already received (a replay: same version_id);
 *  6. only the owner site writes a record: the first version fixes the owner;
 *  7. with set_contiguous() (the hub, which sees every version of a device): the device
 *     sequence follows the last one without a gap, and no other version already holds it
 *     (a restored backup or a cloned machine).
 *
 * check() changes nothing; remember() records a version once the caller has stored it,
 * so a failed transaction leaves the verifier as it was. The state is loaded by the
 * caller from its database (versions, devices) and kept here as a cache. */

typedef struct
{
  char    *site;
  guint8   sign_pk[TARMAC_SYNC_KEY_BYTES];
  gboolean revoked;
  guint64  last_seq;
} Device;

struct _TarmacEnvelopeVerifier
{
  GObject     parent_instance;

  GHashTable *devices;       /* device_id → Device */
  GHashTable *seen;          /* version_id → NULL */
  GHashTable *seq_versions;  /* "device_id/seq" → version_id */
  GHashTable *owners;        /* record_id → site */
  gboolean    contiguous;
};

G_DEFINE_FINAL_TYPE (TarmacEnvelopeVerifier, tarmac_envelope_verifier, G_TYPE_OBJECT)

static void
device_free (Device *device)
{
  g_free (device->site);
  g_free (device);
}

static char *
seq_key (const char *device_id,
         guint64     seq)
{
  return g_strdup_printf ("%s/%" G_GUINT64_FORMAT, device_id, seq);
}

static void
tarmac_envelope_verifier_finalize (GObject *object)
{
  TarmacEnvelopeVerifier *self = (TarmacEnvelopeVerifier *) object;

  g_clear_pointer (&self->devices, g_hash_table_unref);
  g_clear_pointer (&self->seen, g_hash_table_unref);
  g_clear_pointer (&self->seq_versions, g_hash_table_unref);
  g_clear_pointer (&self->owners, g_hash_table_unref);

  G_OBJECT_CLASS (tarmac_envelope_verifier_parent_class)->finalize (object);
}

static void
tarmac_envelope_verifier_class_init (TarmacEnvelopeVerifierClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tarmac_envelope_verifier_finalize;
}

static void
tarmac_envelope_verifier_init (TarmacEnvelopeVerifier *self)
{
  self->devices = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify) device_free);
  self->seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->seq_versions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->owners = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

TarmacEnvelopeVerifier *
tarmac_envelope_verifier_new (void)
{
  return g_object_new (TARMAC_TYPE_ENVELOPE_VERIFIER, NULL);
}

/**
 * tarmac_envelope_verifier_add_device:
 * @device_id: the device's UUID
 * @site: its site's code
 * @sign_pk: its Ed25519 public key, 32 bytes
 *
 * Adds (or updates) an active device of the roster.
 */
void
tarmac_envelope_verifier_add_device (TarmacEnvelopeVerifier *self,
                                     const char             *device_id,
                                     const char             *site,
                                     const guint8           *sign_pk)
{
  Device *device;

  g_return_if_fail (TARMAC_IS_ENVELOPE_VERIFIER (self));
  g_return_if_fail (device_id != NULL && site != NULL && sign_pk != NULL);

  device = g_hash_table_lookup (self->devices, device_id);
  if (device == NULL)
    {
      device = g_new0 (Device, 1);
      g_hash_table_insert (self->devices, g_strdup (device_id), device);
    }

  g_free (device->site);
  device->site = g_strdup (site);
  memcpy (device->sign_pk, sign_pk, TARMAC_SYNC_KEY_BYTES);
}

/**
 * tarmac_envelope_verifier_revoke_device:
 *
 * From now on, every version of @device_id is refused, those it wrote before included
 * (research/sync.md §3.4: queued offline records of a revoked device are never accepted).
 *
 * Returns: whether the device was known
 */
gboolean
tarmac_envelope_verifier_revoke_device (TarmacEnvelopeVerifier *self,
                                        const char             *device_id)
{
  Device *device;

  g_return_val_if_fail (TARMAC_IS_ENVELOPE_VERIFIER (self), FALSE);

  device = g_hash_table_lookup (self->devices, device_id);
  if (device == NULL)
    return FALSE;

  device->revoked = TRUE;
  return TRUE;
}

/**
 * tarmac_envelope_verifier_set_contiguous:
 *
 * Requires each device's versions to arrive in sequence without gaps. Only a party that
 * sees every version of a device (the hub) can ask that; a site sees only what is
 * addressed to it.
 */
void
tarmac_envelope_verifier_set_contiguous (TarmacEnvelopeVerifier *self,
                                         gboolean                contiguous)
{
  g_return_if_fail (TARMAC_IS_ENVELOPE_VERIFIER (self));

  self->contiguous = !!contiguous;
}

void
tarmac_envelope_verifier_set_last_seq (TarmacEnvelopeVerifier *self,
                                       const char             *device_id,
                                       guint64                 last_seq)
{
  Device *device;

  g_return_if_fail (TARMAC_IS_ENVELOPE_VERIFIER (self));

  device = g_hash_table_lookup (self->devices, device_id);
  g_return_if_fail (device != NULL);

  device->last_seq = last_seq;
}

guint64
tarmac_envelope_verifier_get_last_seq (TarmacEnvelopeVerifier *self,
                                       const char             *device_id)
{
  Device *device;

  g_return_val_if_fail (TARMAC_IS_ENVELOPE_VERIFIER (self), 0);

  device = g_hash_table_lookup (self->devices, device_id);
  return device != NULL ? device->last_seq : 0;
}

/**
 * tarmac_envelope_verifier_check:
 * @envelope: a version received
 * @sender_device: (nullable): the device authenticated on the connection it came by, or
 *   %NULL when it was relayed (a pull from the hub, a bundle)
 * @now_ms: the receiver's time, Unix milliseconds
 *
 * Applies the rules above. Changes nothing.
 *
 * Returns: %TRUE if @envelope may be stored, or %FALSE with a #TARMAC_SYNC_ERROR naming
 *   the rule it broke
 */
gboolean
tarmac_envelope_verifier_check (TarmacEnvelopeVerifier  *self,
                                TarmacEnvelope          *envelope,
                                const char              *sender_device,
                                gint64                   now_ms,
                                GError                 **error)
{
  const char *device_id;
  const char *version_id;
  const char *owner;
  Device *device;
  guint64 seq;

  g_return_val_if_fail (TARMAC_IS_ENVELOPE_VERIFIER (self), FALSE);
  g_return_val_if_fail (TARMAC_IS_ENVELOPE (envelope), FALSE);

  device_id = tarmac_envelope_get_origin_device (envelope);
  version_id = tarmac_envelope_get_version_id (envelope);
  device = g_hash_table_lookup (self->devices, device_id);

  if (device == NULL)
    {
      g_set_error (error, TARMAC_SYNC_ERROR, TARMAC_SYNC_ERROR_UNKNOWN_DEVICE,
                   _("Device %s is not in the roster"), device_id);
      return FALSE;
    }

  if (device->revoked)
    {
      g_set_error (error, TARMAC_SYNC_ERROR, TARMAC_SYNC_ERROR_REVOKED,
                   _("Device %s was revoked"), device_id);
      return FALSE;
    }

  if (!g_str_equal (device->site, tarmac_envelope_get_origin_site (envelope))
      || (sender_device != NULL && !g_str_equal (sender_device, device_id)))
    {
      g_set_error (error, TARMAC_SYNC_ERROR, TARMAC_SYNC_ERROR_ORIGIN_MISMATCH,
                   _("Version %.12s claims a site or device it does not come from"), version_id);
      return FALSE;
    }

  if (!tarmac_envelope_verify_signature (envelope, device->sign_pk, error))
    return FALSE;

  if (!tarmac_hlc_check_skew (tarmac_envelope_get_hlc (envelope), now_ms, error))
    return FALSE;

  if (g_hash_table_contains (self->seen, version_id))
    {
      g_set_error (error, TARMAC_SYNC_ERROR, TARMAC_SYNC_ERROR_DUPLICATE,
                   _("Version %.12s was already received"), version_id);
      return FALSE;
    }

  owner = g_hash_table_lookup (self->owners, tarmac_envelope_get_record_id (envelope));
  if (owner != NULL && !g_str_equal (owner, device->site))
    {
      g_set_error (error, TARMAC_SYNC_ERROR, TARMAC_SYNC_ERROR_ORIGIN_MISMATCH,
                   _("Record %s belongs to %s; only its owner may change it"),
                   tarmac_envelope_get_record_id (envelope), owner);
      return FALSE;
    }

  seq = tarmac_envelope_get_device_seq (envelope);
  if (self->contiguous)
    {
      if (seq <= device->last_seq)
        {
          g_set_error (error, TARMAC_SYNC_ERROR, TARMAC_SYNC_ERROR_SEQ_REUSE,
                       _("Device %s already sent a different version numbered %llu"),
                       device_id, (unsigned long long) seq);
          return FALSE;
        }
      if (seq != device->last_seq + 1)
        {
          g_set_error (error, TARMAC_SYNC_ERROR, TARMAC_SYNC_ERROR_SEQ_GAP,
                       _("Versions %llu to %llu of device %s are missing"),
                       (unsigned long long) device->last_seq + 1,
                       (unsigned long long) seq - 1, device_id);
          return FALSE;
        }
    }
  else
    {
      g_autofree char *key = seq_key (device_id, seq);
      const char *holder = g_hash_table_lookup (self->seq_versions, key);

      if (holder != NULL && !g_str_equal (holder, version_id))
        {
          g_set_error (error, TARMAC_SYNC_ERROR, TARMAC_SYNC_ERROR_SEQ_REUSE,
                       _("Device %s already sent a different version numbered %llu"),
                       device_id, (unsigned long long) seq);
          return FALSE;
        }
    }

  return TRUE;
}

/**
 * tarmac_envelope_verifier_remember:
 *
 * Records a version that passed check() and was stored.
 */
void
tarmac_envelope_verifier_remember (TarmacEnvelopeVerifier *self,
                                   TarmacEnvelope         *envelope)
{
  const char *device_id;
  Device *device;
  guint64 seq;

  g_return_if_fail (TARMAC_IS_ENVELOPE_VERIFIER (self));
  g_return_if_fail (TARMAC_IS_ENVELOPE (envelope));

  device_id = tarmac_envelope_get_origin_device (envelope);
  seq = tarmac_envelope_get_device_seq (envelope);

  g_hash_table_add (self->seen, g_strdup (tarmac_envelope_get_version_id (envelope)));
  g_hash_table_insert (self->seq_versions, seq_key (device_id, seq),
                       g_strdup (tarmac_envelope_get_version_id (envelope)));
  if (!g_hash_table_contains (self->owners, tarmac_envelope_get_record_id (envelope)))
    g_hash_table_insert (self->owners, g_strdup (tarmac_envelope_get_record_id (envelope)),
                         g_strdup (tarmac_envelope_get_origin_site (envelope)));

  device = g_hash_table_lookup (self->devices, device_id);
  if (device != NULL && seq > device->last_seq)
    device->last_seq = seq;
}
