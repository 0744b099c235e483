/* tarmac-screen-thresholds.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-screen"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>

#include "tarmac-screen-thresholds.h"

/* The scores at which a match becomes an alert (a hit to act on) and a hit for review.
 * Like the airport code, they live in the database (meta "screen-alert-threshold" and
 * "screen-review-threshold"): screening runs in the app's import thread and in
 * tarmac-cli, on their own connections, and both must apply the officer's preference. The
 * app writes its GSettings keys here when it opens a database and when they change. */

static double
read_threshold (TarmacStore *store,
                const char  *key,
                double       fallback)
{
  g_autofree char *text = tarmac_store_get_meta (store, key);
  char *end = NULL;
  double value;

  if (text == NULL || *text == '\0')
    return fallback;
  value = g_ascii_strtod (text, &end);
  if (end == text || *end != '\0' || !(value > 0.0 && value <= 1.0))
    return fallback;
  return value;
}

/**
 * tarmac_screen_get_thresholds:
 * @store: the store
 * @alert: (out) (optional): the score from which a match is an alert
 * @review: (out) (optional): the score from which a match is a hit to review
 *
 * Reads the thresholds screening applies, or the defaults when none were set.
 */
void
tarmac_screen_get_thresholds (TarmacStore *store,
                              double      *alert,
                              double      *review)
{
  g_return_if_fail (TARMAC_IS_STORE (store));

  if (alert != NULL)
    *alert = read_threshold (store, "screen-alert-threshold",
                             TARMAC_SCREEN_DEFAULT_ALERT_THRESHOLD);
  if (review != NULL)
    *review = read_threshold (store, "screen-review-threshold",
                              TARMAC_SCREEN_DEFAULT_REVIEW_THRESHOLD);
}

/**
 * tarmac_screen_set_thresholds:
 * @store: the store
 * @alert: the score from which a match is an alert, in (0, 1]
 * @review: the score from which a match is a hit to review, in (0, @alert]
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success; %FALSE with %TARMAC_STORE_ERROR_INVALID when the values are
 *   out of range or the review threshold is above the alert one
 */
gboolean
tarmac_screen_set_thresholds (TarmacStore  *store,
                              double        alert,
                              double        review,
                              GError      **error)
{
  char alert_text[G_ASCII_DTOSTR_BUF_SIZE];
  char review_text[G_ASCII_DTOSTR_BUF_SIZE];

  g_return_val_if_fail (TARMAC_IS_STORE (store), FALSE);

  if (!(alert > 0.0 && alert <= 1.0) || !(review > 0.0 && review <= alert))
    {
      g_set_error (error, TARMAC_STORE_ERROR, TARMAC_STORE_ERROR_INVALID,
                   _("Thresholds are scores between 0 and 1, the review threshold at most the "
                     "alert threshold"));
      return FALSE;
    }

  g_ascii_formatd (alert_text, sizeof alert_text, "%.2f", alert);
  g_ascii_formatd (review_text, sizeof review_text, "%.2f", review);

  if (!tarmac_store_begin (store, error))
    return FALSE;
  if (!tarmac_store_set_meta (store, "screen-alert-threshold", alert_text, error) ||
      !tarmac_store_set_meta (store, "screen-review-threshold", review_text, error))
    {
      tarmac_store_rollback (store);
      return FALSE;
    }
  /* A failed commit ends its level itself. */
  return tarmac_store_commit (store, error);
}
