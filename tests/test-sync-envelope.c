/* test-sync-envelope.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sodium.h>
#include <string.h>

#include "tarmac-device-keys.h"
#include "tarmac-envelope-private.h"
#include "tarmac-envelope-verifier.h"
#include "tarmac-envelope.h"
#include "tarmac-hlc.h"
#include "tarmac-store.h"
#include "tarmac-sync-error.h"
#include "tarmac-sync-json.h"
#include "tarmac-test-util.h"

/* Envelopes, keys and the clock of the sync module (research/sync.md §3, §4.5, §5.7):
 * known answers from fixed seeds, the round trip, and the refusals that matter — every
 * altered byte, a re-signed copy, a replay, a site that is not a recipient, a revoked or
 * foreign device, a clock far ahead, hostile JSON. */

#define DKR_DEVICE "6f1c1f0e-3a5b-4c1d-9e2f-0a1b2c3d4e5f"
#define LFW_DEVICE "0d9e8f7a-6b5c-4d3e-8f1a-2b3c4d5e6f70"
#define ADD_DEVICE "11111111-2222-4333-8444-555555555555"
#define RECORD     "01890a5d-ac96-774b-bcce-b302099a8057"
#define NOW_MS     G_GINT64_CONSTANT (1790000000000)

#define KAT_COMMIT     "wI/j6GGIVacMfEiDwd8NJ1VwtSHsgptivVBOGlPqW9U="
#define KAT_SIGNATURE  "5e2d058090f48e02649f9a1e5339b40d6764dd0bd7182b949baf2e25b727517d" \
                       "7a36a64cec887dedd45605f3b2b53386a8f758261f2b68028f8bd6b7faa4800c"
#define KAT_VERSION_ID "0f667a104ca782899a9f5c8bfbc65ce435b360a970bc9bac147201742a523f2a"
#define KAT_CIPHERTEXT "ddc27c33446de18ef39d6d48c0a720007edcdc9252325ad56c4faf003ad8149e" \
                       "649c39ec84cb2be80d6444caf20a79c49905623021c1a6ca075f1ff6773761fa" \
                       "ee319c30f17239ab1a2453f7bf03de2041680a5950"

static TarmacDeviceKeys *
keys_from_byte (const char *device_id,
                guint8      b)
{
  guint8 sign[32], box[32], site[32];

  memset (sign, b, sizeof sign);
  memset (box, b + 1, sizeof box);
  memset (site, b + 2, sizeof site);
  return tarmac_device_keys_new_from_seeds (device_id, sign, box, site);
}

typedef struct
{
  TarmacDeviceKeys *dkr;       /* the sender at Dakar */
  TarmacDeviceKeys *lfw;       /* a recipient at Lomé */
  TarmacDeviceKeys *add;       /* Addis Ababa: not addressed */
  GHashTable       *box_keys;  /* site → its box public key */
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dkr = keys_from_byte (DKR_DEVICE, 1);
  f->lfw = keys_from_byte (LFW_DEVICE, 11);
  f->add = keys_from_byte (ADD_DEVICE, 21);
  f->box_keys = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                       (GDestroyNotify) g_bytes_unref);
  g_hash_table_insert (f->box_keys, "LFW",
                       g_bytes_new (tarmac_device_keys_get_site_box_pk (f->lfw), 32));
  g_hash_table_insert (f->box_keys, "ADD",
                       g_bytes_new (tarmac_device_keys_get_site_box_pk (f->add), 32));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->dkr);
  g_clear_object (&f->lfw);
  g_clear_object (&f->add);
  g_clear_pointer (&f->box_keys, g_hash_table_unref);
}

static const char * const to_lfw[] = { "LFW", NULL };
static const char *body_text = "{\"text\":\"Courier suspected on ET908 ADD-LFW, check on arrival\"}";

static TarmacEnvelopeDraft
draft_for (guint64 seq)
{
  TarmacEnvelopeDraft draft = {
    .kind = "alert",
    .record_id = RECORD,
    .origin_site = "DKR",
    .author = "officer-17",
    .device_seq = seq,
    .hlc = TARMAC_HLC_MAKE (NOW_MS, seq),
    .recipients = to_lfw,
    .priority = TARMAC_NOTE_PRIORITY_URGENT,
  };

  return draft;
}

static TarmacEnvelope *
seal (Fixture *f,
      guint64  seq)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = g_bytes_new_static (body_text, strlen (body_text));
  TarmacEnvelopeDraft draft = draft_for (seq);
  TarmacEnvelope *envelope = tarmac_envelope_seal (&draft, body, f->dkr, f->box_keys, &error);

  g_assert_no_error (error);
  g_assert_nonnull (envelope);
  return envelope;
}

static TarmacEnvelopeVerifier *
verifier_for (Fixture *f)
{
  TarmacEnvelopeVerifier *verifier = tarmac_envelope_verifier_new ();

  tarmac_envelope_verifier_add_device (verifier, DKR_DEVICE, "DKR",
                                       tarmac_device_keys_get_sign_pk (f->dkr));
  tarmac_envelope_verifier_add_device (verifier, LFW_DEVICE, "LFW",
                                       tarmac_device_keys_get_sign_pk (f->lfw));
  return verifier;
}

/* A site key of small order (a hostile roster's, at first contact): crypto_box_seal()
 * refuses it and writes only its first 32 bytes, so sealing must fail rather than send
 * a wrap of leftover memory. Both small-order points that X25519 rejects are tried. */
static void
test_small_order_key (Fixture       *f,
                      gconstpointer  data)
{
  static const guint8 small_order[][32] = {
    { 0 },
    { 1 },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (small_order); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) body = g_bytes_new_static (body_text, strlen (body_text));
      g_autoptr(TarmacEnvelope) envelope = NULL;
      TarmacEnvelopeDraft draft = draft_for (1);

      g_hash_table_replace (f->box_keys, "LFW", g_bytes_new (small_order[i], 32));
      envelope = tarmac_envelope_seal (&draft, body, f->dkr, f->box_keys, &error);
      g_assert_error (error, TARMAC_SYNC_ERROR, TARMAC_SYNC_ERROR_KEYS);
      g_assert_null (envelope);
    }
}

/* Fixed seeds, key and nonce give fixed bytes (the commitment and the version id were
 * recomputed outside Tarmac, with Python's hashlib.blake2b): a change to the header layout, the
 * signed message or the version id breaks every envelope already stored, so it must be
 * deliberate. The wraps are not fixed (sealed boxes use a fresh ephemeral key). */
static void
test_known_answer (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = g_bytes_new_static (body_text, strlen (body_text));
  g_autoptr(TarmacEnvelope) envelope = NULL;
  g_autoptr(GBytes) plain = NULL;
  TarmacEnvelopeDraft draft = draft_for (1);
  guint8 key[32], nonce[24];
  char hex[2 * 64 + 1];
  char ct_hex[512];

  memset (key, 0x42, sizeof key);
  memset (nonce, 0x24, sizeof nonce);
  envelope = _tarmac_envelope_seal_fixed (&draft, body, f->dkr, f->box_keys, key, nonce, &error);
  g_assert_no_error (error);

  g_assert_cmpstr (g_bytes_get_data (tarmac_envelope_get_header (envelope), NULL), ==,
                   "{\"v\":1,\"kind\":\"alert\",\"record_id\":\"" RECORD "\","
                   "\"origin_site\":\"DKR\",\"origin_device\":\"" DKR_DEVICE "\","
                   "\"author\":\"officer-17\",\"device_seq\":1,\"hlc\":117309440000000001,"
                   "\"prev_version\":null,\"ref_record_id\":null,\"recipients\":[\"LFW\"],"
                   "\"priority\":\"urgent\",\"expires_at\":null,\"deleted\":false,"
                   "\"enc\":\"zlib\",\"nonce\":\"JCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQk\","
                   "\"key_commit\":\"" KAT_COMMIT "\"}");
  sodium_bin2hex (hex, sizeof hex, g_bytes_get_data (tarmac_envelope_get_signature (envelope), NULL), 64);
  sodium_bin2hex (ct_hex, sizeof ct_hex, g_bytes_get_data (tarmac_envelope_get_ciphertext (envelope), NULL),
                  g_bytes_get_size (tarmac_envelope_get_ciphertext (envelope)));
  g_assert_cmpstr (ct_hex, ==, KAT_CIPHERTEXT);
  g_assert_cmpstr (hex, ==, KAT_SIGNATURE);
  g_assert_cmpstr (tarmac_envelope_get_version_id (envelope), ==, KAT_VERSION_ID);

  plain = tarmac_envelope_open (envelope, "LFW", f->lfw, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (plain, NULL), g_bytes_get_size (plain),
                   body_text, strlen (body_text));
}

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TarmacEnvelope) sent = seal (f, 1);
  g_autoptr(TarmacEnvelope) received = NULL;
  g_autoptr(TarmacEnvelope) for_lfw = NULL;
  g_autoptr(GBytes) plain = NULL;
  g_autofree char *wire = tarmac_envelope_to_data (sent, NULL);
  g_autofree char *wire_lfw = tarmac_envelope_to_data (sent, "LFW");

  received = tarmac_envelope_new_from_data (wire, strlen (wire), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tarmac_envelope_get_version_id (received), ==,
                   tarmac_envelope_get_version_id (sent));
  g_assert_cmpstr (tarmac_envelope_get_kind (received), ==, "alert");
  g_assert_cmpstr (tarmac_envelope_get_origin_device (received), ==, DKR_DEVICE);
  g_assert_cmpint (tarmac_envelope_get_priority (received), ==, TARMAC_NOTE_PRIORITY_URGENT);
  g_assert_true (tarmac_envelope_is_visible_to (received, "DKR"));
  g_assert_true (tarmac_envelope_is_visible_to (received, "LFW"));
  g_assert_false (tarmac_envelope_is_visible_to (received, "ADD"));
  g_assert_true (tarmac_envelope_verify_signature (received, tarmac_device_keys_get_sign_pk (f->dkr),
                                                   &error));
  g_assert_no_error (error);

  /* The recipient and the other desks of the sender's own airport read it. */
  plain = tarmac_envelope_open (received, "LFW", f->lfw, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (plain, NULL), g_bytes_get_size (plain),
                   body_text, strlen (body_text));
  g_clear_pointer (&plain, g_bytes_unref);
  plain = tarmac_envelope_open (received, "DKR", f->dkr, &error);
  g_assert_no_error (error);
  g_clear_pointer (&plain, g_bytes_unref);

  /* What the hub hands LFW holds LFW's wrap only. */
  g_assert_null (strstr (wire_lfw, "\"DKR\""));
  for_lfw = tarmac_envelope_new_from_data (wire_lfw, strlen (wire_lfw), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tarmac_envelope_get_version_id (for_lfw), ==,
                   tarmac_envelope_get_version_id (sent));
  g_assert_null (tarmac_envelope_open (for_lfw, "DKR", f->dkr, &error));
  g_assert_error (error, TARMAC_SYNC_ERROR, TARMAC_SYNC_ERROR_NOT_RECIPIENT);
}

/* A site that is not addressed has no key, so even an envelope leaked by a hub bug, with
 * every wrap in it, does not open. */
static void
test_not_recipient (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TarmacEnvelope) envelope = seal (f, 1);
  GBytes *lfw_wrap = tarmac_envelope_get_wrap (envelope, "LFW");
  g_autoptr(GHashTable) forged = NULL;
  g_autoptr(TarmacEnvelope) relabelled = NULL;
  guint8 key[32];

  g_assert_null (tarmac_envelope_get_wrap (envelope, "ADD"));
  g_assert_null (tarmac_envelope_open (envelope, "ADD", f->add, &error));
  g_assert_error (error, TARMAC_SYNC_ERROR, TARMAC_SYNC_ERROR_NOT_RECIPIENT);
  g_clear_error (&error);

  /* LFW's wrap does not open with ADD's site key... */
  g_assert_false (tarmac_device_keys_open_site_wrap (f->add, g_bytes_get_data (lfw_wrap, NULL),
                                                     g_bytes_get_size (lfw_wrap), key, &error));
  g_assert_error (error, TARMAC_SYNC_ERROR, TARMAC_SYNC_ERROR_TAMPERED);
  g_clear_error (&error);

  /* ...and a wrap filed under a site the signed header does not name is refused. */
  forged = g_hash_table_new (g_str_hash, g_str_equal);
  g_hash_table_insert (forged, "ADD", lfw_wrap);
  relabelled = tarmac_envelope_new_from_parts (tarmac_envelope_get_header (envelope),
                                               tarmac_envelope_get_ciphertext (envelope),
                                               tarmac_envelope_get_signature (envelope),
                                               forged, &error);
  g_assert_null (relabelled);
  g_assert_error (error, TARMAC_SYNC_ERROR, TARMAC_SYNC_ERROR_MALFORMED);
}

static GBytes *
flip (GBytes *bytes,
      gsize   at)
{
  gsize length = g_bytes_get_size (bytes);
  guint8 *copy = g_memdup2 (g_bytes_get_data (bytes, NULL), length);

  copy[at] ^= 0x01;
  return g_bytes_new_take (copy, length);
}

/* Every byte of the header, the ciphertext and the signature: the altered envelope is
 * either not an envelope at all or fails its signature. */
static void
test_every_byte_tampered (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(TarmacEnvelope) envelope = seal (f, 1);
  const guint8 *pk = tarmac_device_keys_get_sign_pk (f->dkr);
  GBytes *h = tarmac_envelope_get_header (envelope);
  GBytes *c = tarmac_envelope_get_ciphertext (envelope);
  GBytes *s = tarmac_envelope_get_signature (envelope);
  GHashTable *w = tarmac_envelope_get_wraps (envelope);
  guint refused_h = 0, refused_c = 0, refused_s = 0;

  for (int part = 0; part < 3; part++)
    {
      GBytes *target = part == 0 ? h : part == 1 ? c : s;

      for (gsize i = 0; i < g_bytes_get_size (target); i++)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(GBytes) bad = flip (target, i);
          g_autoptr(TarmacEnvelope) altered = NULL;

          altered = tarmac_envelope_new_from_parts (part == 0 ? bad : h, part == 1 ? bad : c,
                                                    part == 2 ? bad : s, part == 0 ? NULL : w,
                                                    &error);
          if (altered != NULL)
            {
              g_assert_false (tarmac_envelope_verify_signature (altered, pk, &error));
              g_assert_error (error, TARMAC_SYNC_ERROR, TARMAC_SYNC_ERROR_BAD_SIGNATURE);
              g_assert_cmpstr (tarmac_envelope_get_version_id (altered), !=,
                               part == 2 ? "" : tarmac_envelope_get_version_id (envelope));
            }
          else
            {
              g_assert_error (error, TARMAC_SYNC_ERROR, TARMAC_SYNC_ERROR_MALFORMED);
            }

          if (part == 0)
            refused_h++;
          else if (part == 1)
            refused_c++;
          else
            refused_s++;
        }
    }

  g_assert_cmpuint (refused_h, ==, g_bytes_get_size (h));
  g_assert_cmpuint (refused_c, ==, g_bytes_get_size (c));
  g_assert_cmpuint (refused_s, ==, 64);

  /* Every byte of a wrap: the key does not open, so the body is never shown. */
  for (gsize i = 0; i < TARMAC_SYNC_WRAP_BYTES; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GHashTable) wraps = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                           (GDestroyNotify) g_bytes_unref);
      g_autoptr(TarmacEnvelope) altered = NULL;
      g_autoptr(GBytes) plain = NULL;

      g_hash_table_insert (wraps, "LFW", flip (tarmac_envelope_get_wrap (envelope, "LFW"), i));
      altered = tarmac_envelope_new_from_parts (h, c, s, wraps, &error);
      g_assert_no_error (error);
      plain = tarmac_envelope_open (altered, "LFW", f->lfw, &error);
      g_assert_null (plain);
      g_assert_error (error, TARMAC_SYNC_ERROR, TARMAC_SYNC_ERROR_TAMPERED);
    }
}

/* A hub that moves a ciphertext under another header, or swaps the wraps of two records:
 * caught by the AEAD (the header is its associated data) and the key commitment, even
 * before looking at the signature. */
static void
test_swapped_parts (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TarmacEnvelope) one = seal (f, 1);
  g_autoptr(TarmacEnvelope) two = seal (f, 2);
  g_autoptr(TarmacEnvelope) moved = NULL;
  g_autoptr(TarmacEnvelope) rewrapped = NULL;
  g_autoptr(GHashTable) wraps = g_hash_table_new (g_str_hash, g_str_equal);

  g_hash_table_insert (wraps, "LFW", tarmac_envelope_get_wrap (one, "LFW"));
  moved = tarmac_envelope_new_from_parts (tarmac_envelope_get_header (one),
                                          tarmac_envelope_get_ciphertext (two),
                                          tarmac_envelope_get_signature (one), wraps, &error);
  g_assert_no_error (error);
  g_assert_null (tarmac_envelope_open (moved, "LFW", f->lfw, &error));
  g_assert_error (error, TARMAC_SYNC_ERROR, TARMAC_SYNC_ERROR_TAMPERED);
  g_clear_error (&error);

  g_hash_table_insert (wraps, "LFW", tarmac_envelope_get_wrap (two, "LFW"));
  rewrapped = tarmac_envelope_new_from_parts (tarmac_envelope_get_header (one),
                                              tarmac_envelope_get_ciphertext (one),
                                              tarmac_envelope_get_signature (one), wraps, &error);
  g_assert_no_error (error);
  g_assert_null (tarmac_envelope_open (rewrapped, "LFW", f->lfw, &error));
  g_assert_error (error, TARMAC_SYNC_ERROR, TARMAC_SYNC_ERROR_TAMPERED);
}

static void
assert_refused (TarmacEnvelopeVerifier *verifier,
                TarmacEnvelope         *envelope,
                const char             *sender,
                int                     code)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (tarmac_envelope_verifier_check (verifier, envelope, sender, NOW_MS, &error));
  g_assert_error (error, TARMAC_SYNC_ERROR, code);
}

static void
assert_accepted (TarmacEnvelopeVerifier *verifier,
                 TarmacEnvelope         *envelope,
                 const char             *sender)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (tarmac_envelope_verifier_check (verifier, envelope, sender, NOW_MS, &error));
  g_assert_no_error (error);
  tarmac_envelope_verifier_remember (verifier, envelope);
}

/* The same bytes signed by a key that is not the origin device's: what someone holding
 * another key (or a hub) would do to put words in Dakar's mouth. */
static void
test_resigned (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = g_bytes_new_static (body_text, strlen (body_text));
  g_autoptr(TarmacDeviceKeys) impostor = keys_from_byte (DKR_DEVICE, 99);
  g_autoptr(TarmacEnvelopeVerifier) verifier = verifier_for (f);
  g_autoptr(TarmacEnvelope) forged = NULL;
  TarmacEnvelopeDraft draft = draft_for (1);

  forged = tarmac_envelope_seal (&draft, body, impostor, f->box_keys, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tarmac_envelope_get_origin_device (forged), ==, DKR_DEVICE);
  assert_refused (verifier, forged, NULL, TARMAC_SYNC_ERROR_BAD_SIGNATURE);
  assert_refused (verifier, forged, DKR_DEVICE, TARMAC_SYNC_ERROR_BAD_SIGNATURE);
}

static void
test_verifier_rules (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = g_bytes_new_static (body_text, strlen (body_text));
  g_autoptr(TarmacEnvelopeVerifier) verifier = verifier_for (f);
  g_autoptr(TarmacEnvelope) one = seal (f, 1);
  g_autoptr(TarmacEnvelope) three = seal (f, 3);
  g_autoptr(TarmacEnvelope) other_one = NULL;
  g_autoptr(TarmacEnvelope) two = seal (f, 2);
  g_autoptr(TarmacEnvelope) future = NULL;
  g_autoptr(TarmacEnvelope) lfw_claims_dkr = NULL;
  g_autoptr(TarmacEnvelope) lfw_edits_dkr = NULL;
  g_autoptr(TarmacEnvelope) from_add = NULL;
  TarmacEnvelopeDraft draft;

  tarmac_envelope_verifier_set_contiguous (verifier, TRUE);

  /* Another device pushing Dakar's envelope on its own connection. */
  assert_refused (verifier, one, LFW_DEVICE, TARMAC_SYNC_ERROR_ORIGIN_MISMATCH);
  assert_refused (verifier, three, DKR_DEVICE, TARMAC_SYNC_ERROR_SEQ_GAP);
  assert_accepted (verifier, one, DKR_DEVICE);
  g_assert_cmpuint (tarmac_envelope_verifier_get_last_seq (verifier, DKR_DEVICE), ==, 1);

  /* A replay of the same version, days later. */
  assert_refused (verifier, one, DKR_DEVICE, TARMAC_SYNC_ERROR_DUPLICATE);

  /* Another version under a sequence number already used: a restored or cloned device. */
  draft = draft_for (1);
  draft.author = "officer-18";
  other_one = tarmac_envelope_seal (&draft, body, f->dkr, f->box_keys, &error);
  g_assert_no_error (error);
  assert_refused (verifier, other_one, DKR_DEVICE, TARMAC_SYNC_ERROR_SEQ_REUSE);

  /* A version dated 11 minutes ahead. */
  draft = draft_for (2);
  draft.hlc = TARMAC_HLC_MAKE (NOW_MS + 11 * 60 * 1000, 0);
  future = tarmac_envelope_seal (&draft, body, f->dkr, f->box_keys, &error);
  g_assert_no_error (error);
  assert_refused (verifier, future, DKR_DEVICE, TARMAC_SYNC_ERROR_CLOCK_SKEW);

  assert_accepted (verifier, two, DKR_DEVICE);

  /* Lomé's device claiming to be from Dakar; then Lomé writing Dakar's record. */
  draft = draft_for (1);
  draft.recipients = NULL;
  lfw_claims_dkr = tarmac_envelope_seal (&draft, body, f->lfw, NULL, &error);
  g_assert_no_error (error);
  assert_refused (verifier, lfw_claims_dkr, LFW_DEVICE, TARMAC_SYNC_ERROR_ORIGIN_MISMATCH);

  draft.origin_site = "LFW";
  lfw_edits_dkr = tarmac_envelope_seal (&draft, body, f->lfw, NULL, &error);
  g_assert_no_error (error);
  assert_refused (verifier, lfw_edits_dkr, LFW_DEVICE, TARMAC_SYNC_ERROR_ORIGIN_MISMATCH);

  /* A device outside the roster, then a revoked one. */
  draft.origin_site = "ADD";
  draft.record_id = "01890a5d-ac96-774b-bcce-b302099a8058";
  from_add = tarmac_envelope_seal (&draft, body, f->add, NULL, &error);
  g_assert_no_error (error);
  assert_refused (verifier, from_add, ADD_DEVICE, TARMAC_SYNC_ERROR_UNKNOWN_DEVICE);

  g_assert_true (tarmac_envelope_verifier_revoke_device (verifier, DKR_DEVICE));
  assert_refused (verifier, three, DKR_DEVICE, TARMAC_SYNC_ERROR_REVOKED);
}

/* A site (not contiguous: it sees only what is addressed to it) still refuses a second
 * version under a device sequence it already holds. */
static void
test_verifier_sparse (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = g_bytes_new_static (body_text, strlen (body_text));
  g_autoptr(TarmacEnvelopeVerifier) verifier = verifier_for (f);
  g_autoptr(TarmacEnvelope) five = seal (f, 5);
  g_autoptr(TarmacEnvelope) other_five = NULL;
  TarmacEnvelopeDraft draft = draft_for (5);

  assert_accepted (verifier, five, NULL);
  draft.author = "officer-18";
  other_five = tarmac_envelope_seal (&draft, body, f->dkr, f->box_keys, &error);
  g_assert_no_error (error);
  assert_refused (verifier, other_five, NULL, TARMAC_SYNC_ERROR_SEQ_REUSE);
  assert_refused (verifier, five, NULL, TARMAC_SYNC_ERROR_DUPLICATE);
}

static void
test_draft_rules (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = g_bytes_new_static (body_text, strlen (body_text));
  g_autoptr(TarmacEnvelope) envelope = NULL;
  static const char * const to_unknown[] = { "GRU", NULL };
  static const char * const to_self[] = { "DKR", NULL };
  TarmacEnvelopeDraft draft = draft_for (1);

  draft.recipients = to_unknown;
  envelope = tarmac_envelope_seal (&draft, body, f->dkr, f->box_keys, &error);
  g_assert_null (envelope);
  g_assert_error (error, TARMAC_SYNC_ERROR, TARMAC_SYNC_ERROR_KEYS);
  g_clear_error (&error);

  draft.recipients = to_self;
  envelope = tarmac_envelope_seal (&draft, body, f->dkr, f->box_keys, &error);
  g_assert_null (envelope);
  g_assert_error (error, TARMAC_SYNC_ERROR, TARMAC_SYNC_ERROR_MALFORMED);
  g_clear_error (&error);

  draft = draft_for (1);
  draft.kind = "gossip";
  envelope = tarmac_envelope_seal (&draft, body, f->dkr, f->box_keys, &error);
  g_assert_null (envelope);
  g_assert_error (error, TARMAC_SYNC_ERROR, TARMAC_SYNC_ERROR_MALFORMED);
  g_clear_error (&error);

  draft = draft_for (1);
  draft.record_id = "not-a-uuid";
  envelope = tarmac_envelope_seal (&draft, body, f->dkr, f->box_keys, &error);
  g_assert_null (envelope);
  g_assert_error (error, TARMAC_SYNC_ERROR, TARMAC_SYNC_ERROR_MALFORMED);
}

static void
assert_bad_json (const char *data,
                 gsize       length,
                 int         code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TarmacEnvelope) envelope = tarmac_envelope_new_from_data (data, length, &error);

  g_assert_null (envelope);
  g_assert_error (error, TARMAC_SYNC_ERROR, code);
}

static void
test_hostile_json (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TarmacEnvelope) envelope = seal (f, 1);
  g_autofree char *deep = g_strnfill (100000, '[');
  g_autofree char *big = g_strnfill (TARMAC_ENVELOPE_MAX_JSON + 1, ' ');
  g_autofree char *wire = tarmac_envelope_to_data (envelope, NULL);
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *deep_in_string = NULL;
  g_autofree char *h_junk = NULL;
  const char nul[] = "{\"h\":\"\0\"}";

  /* 100,000 nested arrays crash json-glib 1.6; refused before it sees them. */
  assert_bad_json (deep, strlen (deep), TARMAC_SYNC_ERROR_TOO_LARGE);
  assert_bad_json (big, strlen (big), TARMAC_SYNC_ERROR_TOO_LARGE);
  assert_bad_json ("{\"h\":\"\xff\xfe\"}", 10, TARMAC_SYNC_ERROR_MALFORMED);
  assert_bad_json (nul, sizeof nul - 1, TARMAC_SYNC_ERROR_MALFORMED);
  assert_bad_json ("{\"h\":", 5, TARMAC_SYNC_ERROR_MALFORMED);
  assert_bad_json ("[]", 2, TARMAC_SYNC_ERROR_MALFORMED);
  assert_bad_json ("{\"h\":1,\"c\":2,\"s\":3}", 19, TARMAC_SYNC_ERROR_MALFORMED);
  assert_bad_json ("{\"h\":\"e30=\",\"c\":\"AAAA\",\"s\":\"AAAA\"}", 34, TARMAC_SYNC_ERROR_MALFORMED);

  /* Brackets inside strings do not count as nesting. */
  deep_in_string = g_strdup_printf ("[\"%s\"]", deep);
  node = tarmac_sync_json_parse (deep_in_string, strlen (deep_in_string), 1 << 20, 4, &error);
  g_assert_no_error (error);
  g_assert_nonnull (node);

  /* Base64 with a character outside the alphabet is not quietly skipped. */
  h_junk = g_strdup (wire);
  h_junk[7] = '*';
  assert_bad_json (h_junk, strlen (h_junk), TARMAC_SYNC_ERROR_MALFORMED);
}

static gboolean
contains_bytes (const char   *haystack,
                gsize         length,
                const guint8 *needle,
                gsize         needle_length)
{
  for (gsize i = 0; i + needle_length <= length; i++)
    if (memcmp (haystack + i, needle, needle_length) == 0)
      return TRUE;

  return FALSE;
}

static gint64
fake_clock (gpointer user_data)
{
  return *(gint64 *) user_data;
}

static void
test_hlc (void)
{
  g_autoptr(GError) error = NULL;
  gint64 now = NOW_MS;
  g_autoptr(TarmacHlc) hlc = tarmac_hlc_new_with_clock (fake_clock, &now);
  guint64 a, b, c, d;

  a = tarmac_hlc_tick (hlc);
  g_assert_cmpint (TARMAC_HLC_MS (a), ==, NOW_MS);
  g_assert_cmpuint (TARMAC_HLC_COUNTER (a), ==, 0);
  b = tarmac_hlc_tick (hlc);
  g_assert_cmpuint (b, ==, a + 1);

  /* The wall clock goes back an hour: the clock does not. */
  now -= 3600 * 1000;
  c = tarmac_hlc_tick (hlc);
  g_assert_cmpuint (c, >, b);
  g_assert_cmpint (TARMAC_HLC_MS (c), ==, NOW_MS);

  /* The counter full: the next millisecond is borrowed. */
  tarmac_hlc_restore (hlc, TARMAC_HLC_MAKE (NOW_MS, 0xffff));
  d = tarmac_hlc_tick (hlc);
  g_assert_cmpuint (d, ==, TARMAC_HLC_MAKE (NOW_MS + 1, 0));

  /* A remote value 5 minutes ahead is merged; 11 minutes ahead is refused. */
  now = NOW_MS;
  g_assert_true (tarmac_hlc_observe (hlc, TARMAC_HLC_MAKE (NOW_MS + 5 * 60 * 1000, 7), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (tarmac_hlc_tick (hlc), ==, TARMAC_HLC_MAKE (NOW_MS + 5 * 60 * 1000, 8));
  g_assert_false (tarmac_hlc_observe (hlc, TARMAC_HLC_MAKE (NOW_MS + 16 * 60 * 1000, 0), &error));
  g_assert_error (error, TARMAC_SYNC_ERROR, TARMAC_SYNC_ERROR_CLOCK_SKEW);
  g_assert_cmpint (TARMAC_HLC_MS (tarmac_hlc_get_last (hlc)), ==, NOW_MS + 5 * 60 * 1000);

  /* A learned offset moves the physical part. */
  tarmac_hlc_set_offset_ms (hlc, 60 * 60 * 1000);
  g_assert_cmpint (TARMAC_HLC_MS (tarmac_hlc_tick (hlc)), ==, NOW_MS + 60 * 60 * 1000);
}

static void
test_record_id (void)
{
  g_autofree char *a = tarmac_envelope_new_record_id ();
  g_autofree char *b = tarmac_envelope_new_record_id ();

  g_assert_true (g_uuid_string_is_valid (a));
  g_assert_cmpstr (a, !=, b);
  g_assert_cmpint (a[14], ==, '7');
  g_assert_true (strchr ("89ab", a[19]) != NULL);
}

/* Keys go into the keystore sealed: the seed bytes are nowhere in the file, and they come
 * back the same after reopening. */
static void
test_keys_in_keystore (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = tarmac_test_db_path ("sync-keys.db");
  g_autoptr(TarmacDeviceKeys) keys = NULL;
  g_autoptr(TarmacDeviceKeys) loaded = NULL;
  g_autoptr(TarmacDeviceKeys) other = keys_from_byte (LFW_DEVICE, 50);
  g_autofree char *contents = NULL;
  g_autofree char *fp = NULL;
  guint8 sign[32], box[32], site[32];
  gsize length = 0;

  for (int i = 0; i < 32; i++)
    {
      sign[i] = 0x80 + i;
      box[i] = 0xa0 + i;
      site[i] = 0x40 + i;
    }
  keys = tarmac_device_keys_new_from_seeds (DKR_DEVICE, sign, box, site);

  {
    g_autoptr(TarmacStore) store = tarmac_store_open (path, &error);

    g_assert_no_error (error);
    loaded = tarmac_device_keys_load (tarmac_store_get_secrets (store), &error);
    g_assert_null (loaded);
    g_assert_error (error, TARMAC_SECRETS_ERROR, TARMAC_SECRETS_ERROR_NOT_FOUND);
    g_clear_error (&error);

    g_assert_true (tarmac_device_keys_save (keys, tarmac_store_get_secrets (store), &error));
    g_assert_no_error (error);

    /* A device's identity is never replaced behind its back. */
    g_assert_false (tarmac_device_keys_save (other, tarmac_store_get_secrets (store), &error));
    g_assert_error (error, TARMAC_SECRETS_ERROR, TARMAC_SECRETS_ERROR_EXISTS);
    g_clear_error (&error);
  }

  {
    g_autoptr(TarmacStore) store = tarmac_store_open (path, &error);

    g_assert_no_error (error);
    loaded = tarmac_device_keys_load (tarmac_store_get_secrets (store), &error);
    g_assert_no_error (error);
  }

  g_assert_cmpstr (tarmac_device_keys_get_device_id (loaded), ==, DKR_DEVICE);
  g_assert_cmpmem (tarmac_device_keys_get_sign_pk (loaded), 32, tarmac_device_keys_get_sign_pk (keys), 32);
  g_assert_cmpmem (tarmac_device_keys_get_site_box_pk (loaded), 32,
                   tarmac_device_keys_get_site_box_pk (keys), 32);
  fp = tarmac_device_keys_dup_fingerprint (loaded);
  g_assert_cmpuint (strlen (fp), ==, 39);

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_false (contains_bytes (contents, length, sign, sizeof sign));
  g_assert_false (contains_bytes (contents, length, box, sizeof box));
  g_assert_false (contains_bytes (contents, length, site, sizeof site));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/sync/envelope/known-answer", Fixture, NULL, fixture_set_up, test_known_answer, fixture_tear_down);
  g_test_add ("/sync/envelope/round-trip", Fixture, NULL, fixture_set_up, test_round_trip, fixture_tear_down);
  g_test_add ("/sync/envelope/not-recipient", Fixture, NULL, fixture_set_up, test_not_recipient, fixture_tear_down);
  g_test_add ("/sync/envelope/every-byte-tampered", Fixture, NULL, fixture_set_up, test_every_byte_tampered, fixture_tear_down);
  g_test_add ("/sync/envelope/swapped-parts", Fixture, NULL, fixture_set_up, test_swapped_parts, fixture_tear_down);
  g_test_add ("/sync/envelope/resigned", Fixture, NULL, fixture_set_up, test_resigned, fixture_tear_down);
  g_test_add ("/sync/envelope/verifier-rules", Fixture, NULL, fixture_set_up, test_verifier_rules, fixture_tear_down);
  g_test_add ("/sync/envelope/verifier-sparse", Fixture, NULL, fixture_set_up, test_verifier_sparse, fixture_tear_down);
  g_test_add ("/sync/envelope/draft-rules", Fixture, NULL, fixture_set_up, test_draft_rules, fixture_tear_down);
  g_test_add ("/sync/envelope/hostile-json", Fixture, NULL, fixture_set_up, test_hostile_json, fixture_tear_down);
  g_test_add ("/sync/envelope/small-order-key", Fixture, NULL, fixture_set_up, test_small_order_key,
              fixture_tear_down);
  g_test_add_func ("/sync/hlc", test_hlc);
  g_test_add_func ("/sync/record-id", test_record_id);
  g_test_add_func ("/sync/keys-in-keystore", test_keys_in_keystore);

  return g_test_run ();
}
