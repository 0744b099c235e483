/* test-key-continuity.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sodium.h>
#include <string.h>

#include "tarmac-key-continuity.h"

/* The XEdDSA signatures of tarmac-key-continuity.c, checked with nothing of ours:
 *
 *  - for many random X25519 keys (about half of whose Edwards points a·B have sign bit
 *    1), what tarmac_x25519_sign() makes is a plain Ed25519 signature that libsodium's
 *    crypto_sign_verify_detached() accepts under the X25519 key's Edwards form — the one
 *    point with sign bit 0 whose Montgomery form (crypto_sign_ed25519_pk_to_curve25519)
 *    is the X25519 public key that crypto_box made;
 *  - signing is deterministic, and two messages never share a nonce;
 *  - the verifier takes only that signer: a valid Ed25519 signature under −A (the same
 *    X25519 key, the other sign bit) is refused, so a proof has one form only. */

#define N_KEYS 1000

static void
clamp (guint8 *a)
{
  a[0] &= 248;
  a[31] &= 127;
  a[31] |= 64;
}

static void
test_verifies_as_ed25519 (void)
{
  guint n_sign_one = 0, n_sign_zero = 0;

  for (guint i = 0; i < N_KEYS; i++)
    {
      guint8 pk[32], sk[32], a[32], raw[32], signer[32], montgomery[32], sig[64];
      guint8 message[200];
      gsize length = randombytes_uniform (sizeof message + 1);

      crypto_box_keypair (pk, sk);
      randombytes_buf (message, length);

      /* A = a·B as X25519 clamps a: what the sign bit of the Edwards point is. */
      memcpy (a, sk, 32);
      clamp (a);
      g_assert_cmpint (crypto_scalarmult_ed25519_base_noclamp (raw, a), ==, 0);
      if (raw[31] & 0x80)
        n_sign_one++;
      else
        n_sign_zero++;

      tarmac_x25519_sign (sk, message, length, signer, sig);

      /* The signer is the Edwards form of the X25519 key with sign bit 0: ±A, whichever
       * has it. */
      g_assert_cmpint (signer[31] & 0x80, ==, 0);
      g_assert_cmpint (crypto_sign_ed25519_pk_to_curve25519 (montgomery, signer), ==, 0);
      g_assert_cmpmem (montgomery, 32, pk, 32);
      raw[31] &= 0x7f;
      g_assert_cmpmem (signer, 32, raw, 32);

      /* Plain Ed25519 verification accepts it, and only for that message and key. */
      g_assert_cmpint (crypto_sign_verify_detached (sig, message, length, signer), ==, 0);
      signer[31] ^= 0x80;
      g_assert_cmpint (crypto_sign_verify_detached (sig, message, length, signer), !=, 0);
      signer[31] ^= 0x80;
      if (length > 0)
        {
          message[i % length] ^= 0x20;
          g_assert_cmpint (crypto_sign_verify_detached (sig, message, length, signer), !=, 0);
          message[i % length] ^= 0x20;
        }
      sig[i % 64] ^= 1;
      g_assert_cmpint (crypto_sign_verify_detached (sig, message, length, signer), !=, 0);
    }

  /* Both kinds of key were tried (each has a chance of 2⁻¹⁰⁰⁰ of being missed). */
  g_assert_cmpuint (n_sign_one, >, 0);
  g_assert_cmpuint (n_sign_zero, >, 0);
}

static void
test_deterministic (void)
{
  guint8 pk[32], sk[32], signer[32], signer2[32], sig[64], sig2[64], sig3[64];
  const guint8 hello[] = "hello", world[] = "world";

  crypto_box_keypair (pk, sk);
  tarmac_x25519_sign (sk, hello, sizeof hello, signer, sig);
  tarmac_x25519_sign (sk, hello, sizeof hello, signer2, sig2);
  g_assert_cmpmem (signer, 32, signer2, 32);
  g_assert_cmpmem (sig, 64, sig2, 64);

  /* Another message, another nonce (R): a repeated one would give the key away. */
  tarmac_x25519_sign (sk, world, sizeof world, signer2, sig3);
  g_assert_true (memcmp (sig, sig3, 32) != 0);
}

/* Signs @message under −A with −a, as a holder of the key could: a valid Ed25519
 * signature that the proof's verifier must still refuse. */
static void
sign_negated (const guint8 *sk,
              const guint8 *message,
              gsize         length,
              guint8       *signer,
              guint8       *sig)
{
  crypto_hash_sha512_state state;
  guint8 a[32], wide[64], r[32], h[32], ha[32], hash[64];

  memcpy (a, sk, 32);
  clamp (a);
  g_assert_cmpint (crypto_scalarmult_ed25519_base_noclamp (signer, a), ==, 0);
  memset (wide, 0, sizeof wide);
  memcpy (wide, a, 32);
  crypto_core_ed25519_scalar_reduce (a, wide);
  /* The other sign from the one tarmac_x25519_sign() uses. */
  if ((signer[31] & 0x80) == 0)
    {
      crypto_core_ed25519_scalar_negate (ha, a);
      memcpy (a, ha, 32);
      signer[31] |= 0x80;
    }

  crypto_core_ed25519_scalar_random (r);
  g_assert_cmpint (crypto_scalarmult_ed25519_base_noclamp (sig, r), ==, 0);
  crypto_hash_sha512_init (&state);
  crypto_hash_sha512_update (&state, sig, 32);
  crypto_hash_sha512_update (&state, signer, 32);
  crypto_hash_sha512_update (&state, message, length);
  crypto_hash_sha512_final (&state, hash);
  crypto_core_ed25519_scalar_reduce (h, hash);
  crypto_core_ed25519_scalar_mul (ha, h, a);
  crypto_core_ed25519_scalar_add (sig + 32, r, ha);
}

static void
test_one_signer (void)
{
  for (guint i = 0; i < 64; i++)
    {
      guint8 old_pk[32], old_sk[32], new_pk[32], new_sk[32], signer[32], sig[64];
      guint8 negated[32], negated_sig[64], montgomery[32];
      g_autoptr(GByteArray) message = NULL;

      crypto_box_keypair (old_pk, old_sk);
      crypto_box_keypair (new_pk, new_sk);
      message = tarmac_site_key_change_message ("DKR", old_pk, new_pk);

      tarmac_x25519_sign (old_sk, message->data, message->len, signer, sig);
      g_assert_true (tarmac_site_key_change_verify ("DKR", old_pk, new_pk, signer, sig));

      /* −A maps to the same X25519 key, and the signature under it is valid Ed25519:
       * refused all the same. */
      sign_negated (old_sk, message->data, message->len, negated, negated_sig);
      g_assert_cmpint (crypto_sign_ed25519_pk_to_curve25519 (montgomery, negated), ==, 0);
      g_assert_cmpmem (montgomery, 32, old_pk, 32);
      g_assert_cmpint (crypto_sign_verify_detached (negated_sig, message->data, message->len, negated), ==, 0);
      g_assert_false (tarmac_site_key_change_verify ("DKR", old_pk, new_pk, negated, negated_sig));

      /* The message names the airport and both keys, in order. */
      g_assert_false (tarmac_site_key_change_verify ("DKS", old_pk, new_pk, signer, sig));
      g_assert_false (tarmac_site_key_change_verify ("DKR", new_pk, old_pk, signer, sig));
      g_assert_false (tarmac_site_key_change_verify ("DKR", old_pk, old_pk, signer, sig));
    }
}

/* A key's code: 20 symbols of 32, 100 bits, bound to the subject; a typed code matches
 * only in full. */
static void
test_code (void)
{
  guint8 pk[32], other_pk[32];
  g_autofree char *code = NULL;
  g_autofree char *other = NULL;
  g_autofree char *short_code = NULL;
  g_autofree char *wrong = NULL;

  randombytes_buf (pk, sizeof pk);
  memcpy (other_pk, pk, 32);
  other_pk[31] ^= 1;
  code = tarmac_key_code ("DKR", pk);
  other = tarmac_key_code ("DKR", other_pk);
  g_assert_cmpuint (strlen (code), ==, 23);
  g_assert_cmpstr (code, !=, other);
  for (guint i = 0; i < 23; i++)
    if (i % 6 == 5)
      g_assert_cmpint (code[i], ==, '-');
    else
      g_assert_nonnull (strchr ("ABCDEFGHJKLMNPQRSTUVWXYZ23456789", code[i]));

  /* All but the last symbol is not the code; nor is one symbol changed. */
  short_code = g_strndup (code, 22);
  g_assert_false (tarmac_key_code_equal (short_code, code));
  wrong = g_strdup (code);
  wrong[22] = wrong[22] == 'A' ? 'B' : 'A';
  g_assert_false (tarmac_key_code_equal (wrong, code));
  g_assert_true (tarmac_key_code_equal (code, code));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  if (sodium_init () < 0)
    return 1;

  g_test_add_func ("/key-continuity/verifies-as-ed25519", test_verifies_as_ed25519);
  g_test_add_func ("/key-continuity/deterministic", test_deterministic);
  g_test_add_func ("/key-continuity/one-signer", test_one_signer);
  g_test_add_func ("/key-continuity/code", test_code);

  return g_test_run ();
}
