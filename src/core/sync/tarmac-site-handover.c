/* tarmac-site-handover.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-sync"

#include "config.h"

#include <sodium.h>
#include <string.h>

#include "tarmac-site-handover.h"
#include "tarmac-key-continuity.h"

/* Handing an airport's key to a new desk (research/sync.md §3.3), without the hub being
 * able to read it or to get it:
 *
 *  1. the new desk enrols with its own keys and none of the site's; the hub lists it in
 *     the roster as waiting, with its signing and box keys;
 *  2. it shows a confirmation code computed from the site, its device id and its two
 *     public keys; a desk that holds the key computes the same code from the roster, and
 *     the officer types the code read at the new desk into it (or compares them): equal
 *     codes mean the roster's keys are the new desk's, not keys the hub put there;
 *  3. that desk seals the site's secret seed — and the older seeds it keeps after
 *     rotations, so the new desk reads what came before too — to the new desk's box key
 *     (crypto_box_seal: only the new desk opens it) and signs the sealed box with the
 *     site, the new desk's id and box key, and the site's public key (so the hub can
 *     neither move it to another desk or site nor pass off another key);
 *  4. the hub keeps that ciphertext and hands it to the new desk only, which checks the
 *     signature against a desk of its own site in the roster, opens it, checks that it
 *     is the key of the site's public key, and keeps it sealed in its keystore.
 *
 * The code is short enough to read aloud (10 characters, 50 bits), so a hub that wanted
 * to slip in keys of its own would have to find keys with the same code: each try costs
 * an Argon2id of 64 MiB (crypto_pwhash "interactive"), about 2⁴⁹ of them on average —
 * out of reach, where a plain hash of 50 bits would be ground in a day. */

#define CODE_CHARS 10
#define ALPHABET   "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"

G_STATIC_ASSERT (crypto_box_SEALBYTES + 32 == TARMAC_HANDOVER_SEALED_BYTES);

/**
 * tarmac_handover_code:
 * @site: the site the desk belongs to
 * @device_id: the new desk's id
 * @sign_pk: its Ed25519 public key, 32 bytes
 * @box_pk: its X25519 public key, 32 bytes
 *
 * The confirmation code a waiting desk shows and an approving desk checks.
 *
 * Returns: (transfer full): "XXXXX-XXXXX"
 */
char *
tarmac_handover_code (const char   *site,
                      const char   *device_id,
                      const guint8 *sign_pk,
                      const guint8 *box_pk)
{
  crypto_generichash_state state;
  guint8 input[32], salt[crypto_pwhash_SALTBYTES], out[16];
  GString *code = g_string_new (NULL);
  guint64 bits = 0;

  g_return_val_if_fail (site != NULL && device_id != NULL, NULL);
  g_return_val_if_fail (sign_pk != NULL && box_pk != NULL, NULL);

  if (sodium_init () < 0)
    g_error ("libsodium cannot start");

  crypto_generichash_init (&state, NULL, 0, sizeof input);
  crypto_generichash_update (&state, (const guint8 *) "tarmac-desk-code-v1", 20);
  crypto_generichash_update (&state, (const guint8 *) site, strlen (site) + 1);
  crypto_generichash_update (&state, (const guint8 *) device_id, strlen (device_id) + 1);
  crypto_generichash_update (&state, sign_pk, 32);
  crypto_generichash_update (&state, box_pk, 32);
  crypto_generichash_final (&state, input, sizeof input);
  crypto_generichash (salt, sizeof salt, (const guint8 *) site, strlen (site),
                      (const guint8 *) "tarmac-desk-salt", 16);

  if (crypto_pwhash (out, sizeof out, (const char *) input, sizeof input, salt,
                     crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE,
                     crypto_pwhash_ALG_ARGON2ID13) != 0)
    g_error ("Out of memory for the desk code");

  for (int i = 0; i < 7; i++)
    bits = (bits << 8) | out[i];
  for (int i = 0; i < CODE_CHARS; i++)
    {
      if (i == CODE_CHARS / 2)
        g_string_append_c (code, '-');
      g_string_append_c (code, ALPHABET[(bits >> (5 * (CODE_CHARS - 1 - i))) & 31]);
    }

  return g_string_free (code, FALSE);
}

/**
 * tarmac_handover_code_equal:
 * @typed: a code as the officer typed it (any case, spaces or dashes)
 * @expected: the code computed here
 */
gboolean
tarmac_handover_code_equal (const char *typed,
                            const char *expected)
{
  return tarmac_typed_code_equal (typed, expected, CODE_CHARS);
}

/* A sealed handover: the current key and 0 to TARMAC_HANDOVER_OLD_KEYS older ones. */
gboolean
tarmac_handover_sealed_length_valid (gsize length)
{
  return length >= TARMAC_HANDOVER_SEALED_BYTES && length <= TARMAC_HANDOVER_SEALED_MAX
         && (length - TARMAC_HANDOVER_SEALED_BYTES) % 32 == 0;
}

/**
 * tarmac_handover_signed_message:
 * @site: the site whose key is handed over
 * @device_id: the desk it is for
 * @box_pk: that desk's X25519 key, which it is sealed to
 * @site_box_pk: the site's public key, whose secret it is
 * @sealed: the sealed key(s)
 * @sealed_length: their length (tarmac_handover_sealed_length_valid())
 *
 * What the approving desk signs.
 */
GByteArray *
tarmac_handover_signed_message (const char   *site,
                                const char   *device_id,
                                const guint8 *box_pk,
                                const guint8 *site_box_pk,
                                const guint8 *sealed,
                                gsize         sealed_length)
{
  GByteArray *message = g_byte_array_new ();

  g_byte_array_append (message, (const guint8 *) "tarmac-handover-v1", 19);
  g_byte_array_append (message, (const guint8 *) site, strlen (site) + 1);
  g_byte_array_append (message, (const guint8 *) device_id, strlen (device_id) + 1);
  g_byte_array_append (message, box_pk, 32);
  g_byte_array_append (message, site_box_pk, 32);
  g_byte_array_append (message, sealed, sealed_length);
  return message;
}
