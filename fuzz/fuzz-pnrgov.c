/* fuzz-pnrgov.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "tarmac-fuzz.h"
#include "tarmac-pnrgov.h"

/* The PNRGOV EDIFACT parser, with a card key so card numbers are hashed as on import. */
int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GPtrArray) messages = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GError) error = NULL;

  if (!tarmac_pnrgov_parse (data, size, "fuzz-card-key", &messages, &warnings, &error))
    {
      tarmac_fuzz_touch (error->message);
      return 0;
    }

  for (guint i = 0; i < warnings->len; i++)
    tarmac_fuzz_touch (((TarmacPnrgovWarning *) g_ptr_array_index (warnings, i))->message);

  for (guint i = 0; i < messages->len; i++)
    {
      const TarmacPnrgovMessage *message = g_ptr_array_index (messages, i);

      tarmac_fuzz_touch (message->reference);
      tarmac_fuzz_touch (message->pushed_at);
      for (guint j = 0; j < message->pnrs->len; j++)
        {
          const TarmacPnrgovPnr *pnr = g_ptr_array_index (message->pnrs, j);

          tarmac_fuzz_touch (pnr->record_locator);
          tarmac_fuzz_touch (pnr->created_at);
          for (guint k = 0; k < pnr->travellers->len; k++)
            {
              const TarmacPnrgovTraveller *traveller = g_ptr_array_index (pnr->travellers, k);

              tarmac_fuzz_touch (traveller->surname);
              tarmac_fuzz_touch (traveller->given_names);
            }
          for (guint k = 0; k < pnr->segments->len; k++)
            {
              const TarmacPnrgovSegment *segment = g_ptr_array_index (pnr->segments, k);

              tarmac_fuzz_touch (segment->departure);
              tarmac_fuzz_touch (segment->origin);
            }
          for (guint k = 0; k < pnr->documents->len; k++)
            tarmac_fuzz_touch (((TarmacPnrgovDocument *)
                                g_ptr_array_index (pnr->documents, k))->number);
          for (guint k = 0; k < pnr->payments->len; k++)
            tarmac_fuzz_touch (((TarmacPnrgovPayment *)
                                g_ptr_array_index (pnr->payments, k))->card_last_four);
        }
    }

  return 0;
}
