/* tarmac-sync-error.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-sync"

#include "config.h"

#include <unistd.h>

#include "tarmac-sync-error.h"

G_DEFINE_QUARK (tarmac-sync-error-quark, tarmac_sync_error)

/* The names of research/sync.md §4.6 and §5.5, as the hub puts them on the wire. */
const char *
tarmac_sync_error_code_name (int code)
{
  static const char * const names[] = {
    [TARMAC_SYNC_ERROR_MALFORMED] = "malformed",
    [TARMAC_SYNC_ERROR_TOO_LARGE] = "too_large",
    [TARMAC_SYNC_ERROR_BAD_SIGNATURE] = "bad_signature",
    [TARMAC_SYNC_ERROR_TAMPERED] = "tampered",
    [TARMAC_SYNC_ERROR_NOT_RECIPIENT] = "not_recipient",
    [TARMAC_SYNC_ERROR_UNKNOWN_DEVICE] = "unknown_device",
    [TARMAC_SYNC_ERROR_REVOKED] = "revoked",
    [TARMAC_SYNC_ERROR_ORIGIN_MISMATCH] = "origin_mismatch",
    [TARMAC_SYNC_ERROR_DUPLICATE] = "duplicate",
    [TARMAC_SYNC_ERROR_SEQ_GAP] = "seq_gap",
    [TARMAC_SYNC_ERROR_SEQ_REUSE] = "seq_reuse",
    [TARMAC_SYNC_ERROR_CLOCK_SKEW] = "clock_skew",
    [TARMAC_SYNC_ERROR_KEYS] = "keys",
    [TARMAC_SYNC_ERROR_AWAITING_KEY] = "awaiting_key",
    [TARMAC_SYNC_ERROR_BAD_CODE] = "bad_code",
  };

  if (code < 0 || (gsize) code >= G_N_ELEMENTS (names))
    return "error";

  return names[code];
}

/**
 * tarmac_sync_crash_point:
 * @point: the name of a commit boundary ("save.after_commit", "push.after_reply",
 *   "pull.before_commit", "pull.after_commit")
 *
 * The crash hook of the tests (research/sync.md §5.5 F2): when the environment variable
 * TARMAC_SYNC_CRASH names @point, the process ends there at once with status 137, as
 * kill -9 would leave it — nothing flushed, nothing cleaned up. Without the variable it
 * does nothing.
 */
void
tarmac_sync_crash_point (const char *point)
{
  const char *wanted = g_getenv ("TARMAC_SYNC_CRASH");

  if (wanted != NULL && g_str_equal (wanted, point))
    _exit (137);
}
