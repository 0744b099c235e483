/* tarmac-event-codes.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The codes of referrals and activities (research/seizures.md §8.5) with their labels
 * in the UI language: "direction", "exploitation", "trigger", "security_outcome",
 * "activity_kind". The first code of every list but "activity_kind" and "trigger" is
 * NULL: not known, not recorded. */

typedef struct
{
  const char *code;
  const char *label;   /* untranslated: pass through _() */
} TarmacEventCode;

const TarmacEventCode *tarmac_event_codes_get   (const char *list,
                                                 guint      *n_codes);
const char            *tarmac_event_codes_label (const char *list,
                                                 const char *code);

G_END_DECLS
