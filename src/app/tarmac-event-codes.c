/* tarmac-event-codes.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-event-codes"

#include "config.h"

#include <glib/gi18n.h>

#include "tarmac-event-codes.h"

/* The codes the database accepts (CHECK constraints of migration 11) for triggers,
 * security outcomes and activity kinds; exploitation types follow the IOM HTCDS broad
 * types. */

static const TarmacEventCode direction[] = {
  { NULL, N_("Not known") },
  { "IN", N_("Arriving") },
  { "OUT", N_("Departing") },
  { "TRN", N_("In transit") },
};

static const TarmacEventCode exploitation[] = {
  { NULL, N_("Not known") },
  { "SEXUAL", N_("Sexual exploitation") },
  { "LABOUR", N_("Forced labour") },
  { "DOMESTIC", N_("Domestic servitude") },
  { "CRIMINALITY", N_("Forced criminality") },
  { "MARRIAGE", N_("Forced marriage") },
  { "ORGANS", N_("Organ removal") },
  { "OTHER", N_("Other") },
};

static const TarmacEventCode trigger[] = {
  { "NOTICE", N_("INTERPOL notice") },
  { "DIFFUSION", N_("INTERPOL diffusion") },
  { "UN_LIST", N_("UN sanctions list") },
  { "NAT_WATCHLIST", N_("National watchlist") },
  { "API_PNR_RULE", N_("API/PNR rule") },
  { "BEHAVIOUR", N_("Behaviour") },
  { "DOC_FRAUD", N_("Document fraud") },
};

static const TarmacEventCode security_outcome[] = {
  { NULL, N_("Not known yet") },
  { "DENIED_BOARDING", N_("Denied boarding") },
  { "ARRESTED", N_("Arrested") },
  { "HANDED_OVER", N_("Handed over") },
  { "MONITORED", N_("Monitored") },
  { "CLEARED", N_("Cleared") },
};

static const TarmacEventCode activity_kind[] = {
  { "TRAINING", N_("Training") },
  { "MENTORING", N_("Mentoring") },
  { "JOINT_OPERATION", N_("Joint operation") },
  { "MEETING", N_("Meeting") },
  { "EXERCISE", N_("Exercise") },
};

static const struct
{
  const char            *name;
  const TarmacEventCode *codes;
  guint                  n_codes;
} lists[] = {
  { "direction", direction, G_N_ELEMENTS (direction) },
  { "exploitation", exploitation, G_N_ELEMENTS (exploitation) },
  { "trigger", trigger, G_N_ELEMENTS (trigger) },
  { "security_outcome", security_outcome, G_N_ELEMENTS (security_outcome) },
  { "activity_kind", activity_kind, G_N_ELEMENTS (activity_kind) },
};

/**
 * tarmac_event_codes_get:
 * @list: a list name
 * @n_codes: (out): its length
 *
 * Returns: (transfer none) (nullable): the codes of @list
 */
const TarmacEventCode *
tarmac_event_codes_get (const char *list,
                        guint      *n_codes)
{
  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    if (g_strcmp0 (lists[i].name, list) == 0)
      {
        *n_codes = lists[i].n_codes;
        return lists[i].codes;
      }
  *n_codes = 0;
  return NULL;
}

/**
 * tarmac_event_codes_label:
 *
 * Returns: (nullable): the translated label of @code, @code itself when the list does not
 *   know it (free text from a JSON file), %NULL for %NULL
 */
const char *
tarmac_event_codes_label (const char *list,
                          const char *code)
{
  guint n_codes;
  const TarmacEventCode *codes = tarmac_event_codes_get (list, &n_codes);

  if (code == NULL)
    return NULL;
  for (guint i = 0; i < n_codes; i++)
    if (g_strcmp0 (codes[i].code, code) == 0)
      return _(codes[i].label);
  return code;
}
