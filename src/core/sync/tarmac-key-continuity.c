/* tarmac-key-continuity.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-sync"

#include "config.h"

#include <sodium.h>
#include <string.h>

#include "tarmac-key-continuity.h"

/* Key continuity (README "What the hub can and cannot do"): a workstation pins each
 * airport's box key the first time a verified roster gives it, and afterwards takes a new
 * one silently only with a proof the hub cannot make — the new key signed with the old
 * one. Only the desks that held the old key have its secret.
 *
 * The old key is an X25519 key, which cannot sign as it is. It signs as XEdDSA does
 * (Signal's "XEdDSA and VXEdDSA", §2.3): its clamped scalar a gives the Edwards point
 * A = a·B, whose Montgomery form is the X25519 public key. A and −A have the same
 * Montgomery form, so, as XEdDSA requires, the signer is always the one of the two whose
 * sign bit is 0 (a is negated when A's is 1): one X25519 key has exactly one Edwards key,
 * and one valid signer per proof. The signature is a Schnorr signature under (a, A) that
 * libsodium's Ed25519 verification accepts. The verifier refuses a signer whose sign bit
 * is set, checks that it maps to the pinned X25519 key, then verifies with it. The nonce
 * is derived from a secret (a and the message, after a tag of its own), as Ed25519's is,
 * so it never repeats for two messages.
 *
 * A key's code — what two officers read to each other by phone before accepting a key
 * that changed without proof — is 100 bits of BLAKE2b over the subject and the key, in
 * four groups of five letters and digits: finding another key with the same code costs
 * 2¹⁰⁰ tries. */

#define CODE_GROUPS 4
#define GROUP_CHARS 5
#define CODE_CHARS  (CODE_GROUPS * GROUP_CHARS)
#define ALPHABET    "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"

/**
 * tarmac_key_code:
 * @subject: what the key belongs to: a site code, or a device id
 * @pk: the public key, 32 bytes
 *
 * Returns: (transfer full): "XXXXX-XXXXX-XXXXX-XXXXX"
 */
char *
tarmac_key_code (const char   *subject,
                 const guint8 *pk)
{
  crypto_generichash_state state;
  guint8 hash[16];
  GString *code = g_string_new (NULL);
  guint bit = 0;

  g_return_val_if_fail (subject != NULL && pk != NULL, NULL);

  crypto_generichash_init (&state, NULL, 0, sizeof hash);
  crypto_generichash_update (&state, (const guint8 *) "tarmac-key-code-v1", 19);
  crypto_generichash_update (&state, (const guint8 *) subject, strlen (subject) + 1);
  crypto_generichash_update (&state, pk, 32);
  crypto_generichash_final (&state, hash, sizeof hash);

  for (int i = 0; i < CODE_CHARS; i++, bit += 5)
    {
      guint value = ((guint) hash[bit / 8] << 8 | hash[bit / 8 + 1]) >> (11 - bit % 8);

      if (i > 0 && i % GROUP_CHARS == 0)
        g_string_append_c (code, '-');
      g_string_append_c (code, ALPHABET[value & 31]);
    }

  return g_string_free (code, FALSE);
}

static char *
normalise (const char *code)
{
  GString *out = g_string_new (NULL);

  for (const char *p = code; p != NULL && *p != '\0'; p++)
    if (g_ascii_isalnum (*p))
      g_string_append_c (out, g_ascii_toupper (*p));

  return g_string_free (out, FALSE);
}

/**
 * tarmac_typed_code_equal:
 * @typed: a code as an officer typed it (any case, with or without dashes and spaces)
 * @expected: the code computed here
 * @n_chars: how many letters and digits the code has
 *
 * Compares in constant time, so that how far a guess was right does not show in how long
 * it took; used for the key codes here and the desk codes of a handover.
 */
gboolean
tarmac_typed_code_equal (const char *typed,
                         const char *expected,
                         gsize       n_chars)
{
  g_autofree char *a = normalise (typed);
  g_autofree char *b = normalise (expected);

  return strlen (a) == n_chars && strlen (b) == n_chars
         && sodium_memcmp (a, b, n_chars) == 0;
}

/* Whether @typed (any case, with or without dashes and spaces) is @expected. */
gboolean
tarmac_key_code_equal (const char *typed,
                       const char *expected)
{
  return tarmac_typed_code_equal (typed, expected, CODE_CHARS);
}

/**
 * tarmac_site_key_change_message:
 * @site: the airport
 * @prev_pk: its key until now
 * @new_pk: its new key
 *
 * What the old key signs when a desk rotates it. Naming the old key chains the links:
 * a workstation follows them from the key it pinned, and a link cannot be replayed to
 * bring back an older key (that would need the newer key to sign the older).
 */
GByteArray *
tarmac_site_key_change_message (const char   *site,
                                const guint8 *prev_pk,
                                const guint8 *new_pk)
{
  GByteArray *message = g_byte_array_new ();

  g_byte_array_append (message, (const guint8 *) "tarmac-site-key-change-v1", 26);
  g_byte_array_append (message, (const guint8 *) site, strlen (site) + 1);
  g_byte_array_append (message, prev_pk, 32);
  g_byte_array_append (message, new_pk, 32);
  return message;
}

/**
 * tarmac_x25519_sign:
 * @x25519_sk: an X25519 secret key (crypto_box), 32 bytes
 * @signer: (out caller-allocates): the Edwards form of its public key (sign bit 0), 32 bytes
 * @signature: (out caller-allocates): 64 bytes, an Ed25519 signature under @signer
 */
void
tarmac_x25519_sign (const guint8 *x25519_sk,
                    const guint8 *message,
                    gsize         length,
                    guint8       *signer,
                    guint8       *signature)
{
  crypto_hash_sha512_state state;
  guint8 *a, *wide, *r, *hash, *h, *ha;

  if (sodium_init () < 0)
    g_error ("libsodium cannot start");
  a = sodium_malloc (32 + 64 + 32 + 64 + 32 + 32);
  if (a == NULL)
    g_error ("Out of locked memory for keys");
  wide = a + 32;
  r = wide + 64;
  hash = r + 32;
  h = hash + 64;
  ha = h + 32;

  /* X25519's clamping, so that A = a·B is the Edwards form of the X25519 key. */
  memcpy (a, x25519_sk, 32);
  a[0] &= 248;
  a[31] &= 127;
  a[31] |= 64;
  if (crypto_scalarmult_ed25519_base_noclamp (signer, a) != 0)
    g_error ("An X25519 key that cannot sign");

  /* a reduced mod L, as the scalar functions expect; then, if A's sign bit is 1, −a and
   * −A (the same point but for the sign of x): the signer's sign bit is always 0. The
   * branch is on a bit of the public key, which tells nothing secret. */
  memset (wide, 0, 64);
  memcpy (wide, a, 32);
  crypto_core_ed25519_scalar_reduce (a, wide);
  if (signer[31] & 0x80)
    {
      crypto_core_ed25519_scalar_negate (ha, a);
      memcpy (a, ha, 32);
      signer[31] &= 0x7f;
    }

  crypto_hash_sha512_init (&state);
  crypto_hash_sha512_update (&state, (const guint8 *) "tarmac-xeddsa-nonce-v1", 22);
  crypto_hash_sha512_update (&state, a, 32);
  crypto_hash_sha512_update (&state, message, length);
  crypto_hash_sha512_final (&state, wide);
  crypto_core_ed25519_scalar_reduce (r, wide);
  if (crypto_scalarmult_ed25519_base_noclamp (signature, r) != 0)
    g_error ("A nonce that cannot sign");

  crypto_hash_sha512_init (&state);
  crypto_hash_sha512_update (&state, signature, 32);
  crypto_hash_sha512_update (&state, signer, 32);
  crypto_hash_sha512_update (&state, message, length);
  crypto_hash_sha512_final (&state, hash);
  crypto_core_ed25519_scalar_reduce (h, hash);

  /* s = r + h·a (mod L) */
  crypto_core_ed25519_scalar_mul (ha, h, a);
  crypto_core_ed25519_scalar_add (signature + 32, r, ha);

  /* The hash state held a (sodium_free() wipes the rest). */
  sodium_memzero (&state, sizeof state);
  sodium_free (a);
}

/**
 * tarmac_site_key_change_verify:
 * @signer: the Edwards form of @prev_pk, as the signing desk gave it
 *
 * Whether the holder of @prev_pk's secret made @new_pk @site's key.
 */
gboolean
tarmac_site_key_change_verify (const char   *site,
                               const guint8 *prev_pk,
                               const guint8 *new_pk,
                               const guint8 *signer,
                               const guint8 *signature)
{
  g_autoptr(GByteArray) message = NULL;
  guint8 montgomery[32];

  /* One signer per X25519 key: the Edwards key with sign bit 0. */
  if ((signer[31] & 0x80) != 0
      || crypto_sign_ed25519_pk_to_curve25519 (montgomery, signer) != 0
      || sodium_memcmp (montgomery, prev_pk, 32) != 0)
    return FALSE;

  message = tarmac_site_key_change_message (site, prev_pk, new_pk);
  return crypto_sign_verify_detached (signature, message->data, message->len, signer) == 0;
}
