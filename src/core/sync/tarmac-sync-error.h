/* tarmac-sync-error.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define TARMAC_SYNC_ERROR (tarmac_sync_error_quark ())

/**
 * TarmacSyncError:
 * @TARMAC_SYNC_ERROR_MALFORMED: not an envelope: bad JSON, a missing or mistyped field
 * @TARMAC_SYNC_ERROR_TOO_LARGE: over a size, depth or count limit
 * @TARMAC_SYNC_ERROR_BAD_SIGNATURE: the signature does not verify with the origin device's key
 * @TARMAC_SYNC_ERROR_TAMPERED: the ciphertext, its key or its header were altered
 * @TARMAC_SYNC_ERROR_NOT_RECIPIENT: no key was sealed to this site
 * @TARMAC_SYNC_ERROR_UNKNOWN_DEVICE: the origin device is not in the roster
 * @TARMAC_SYNC_ERROR_REVOKED: the origin device was revoked
 * @TARMAC_SYNC_ERROR_ORIGIN_MISMATCH: the device does not belong to the origin site, or
 *   sent another device's envelope
 * @TARMAC_SYNC_ERROR_DUPLICATE: this version was already received (a replay)
 * @TARMAC_SYNC_ERROR_SEQ_GAP: versions of the device are missing before this one
 * @TARMAC_SYNC_ERROR_SEQ_REUSE: another version already holds this device sequence
 * @TARMAC_SYNC_ERROR_CLOCK_SKEW: the version is dated too far in the future
 * @TARMAC_SYNC_ERROR_KEYS: the device's keys are missing or unusable
 * @TARMAC_SYNC_ERROR_AWAITING_KEY: this desk does not hold its site's key yet: a desk
 *   that does must approve it (tarmac-site-handover.c)
 * @TARMAC_SYNC_ERROR_BAD_CODE: a desk's confirmation code is not the one typed
 *
 * Why an envelope or a key was refused. The codes are stable: the hub sends their names
 * (tarmac_sync_error_code_name()) in its replies.
 */
typedef enum
{
  TARMAC_SYNC_ERROR_MALFORMED,
  TARMAC_SYNC_ERROR_TOO_LARGE,
  TARMAC_SYNC_ERROR_BAD_SIGNATURE,
  TARMAC_SYNC_ERROR_TAMPERED,
  TARMAC_SYNC_ERROR_NOT_RECIPIENT,
  TARMAC_SYNC_ERROR_UNKNOWN_DEVICE,
  TARMAC_SYNC_ERROR_REVOKED,
  TARMAC_SYNC_ERROR_ORIGIN_MISMATCH,
  TARMAC_SYNC_ERROR_DUPLICATE,
  TARMAC_SYNC_ERROR_SEQ_GAP,
  TARMAC_SYNC_ERROR_SEQ_REUSE,
  TARMAC_SYNC_ERROR_CLOCK_SKEW,
  TARMAC_SYNC_ERROR_KEYS,
  TARMAC_SYNC_ERROR_AWAITING_KEY,
  TARMAC_SYNC_ERROR_BAD_CODE,
} TarmacSyncError;

#define TARMAC_SYNC_ERROR_LAST TARMAC_SYNC_ERROR_BAD_CODE

GQuark      tarmac_sync_error_quark     (void);
const char *tarmac_sync_error_code_name (int code);
void        tarmac_sync_crash_point     (const char *point);

G_END_DECLS
