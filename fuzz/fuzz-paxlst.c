/* fuzz-paxlst.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "tarmac-fuzz.h"
#include "tarmac-paxlst.h"

/* The PAXLST parser: every string of the in-memory manifest it returns is read back. */
int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GPtrArray) messages = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GError) error = NULL;

  if (!tarmac_paxlst_parse (data, size, &messages, &warnings, &error))
    {
      tarmac_fuzz_touch (error->message);
      return 0;
    }

  for (guint i = 0; i < warnings->len; i++)
    tarmac_fuzz_touch (((TarmacPaxlstWarning *) g_ptr_array_index (warnings, i))->message);

  for (guint i = 0; i < messages->len; i++)
    {
      const TarmacPaxlstMessage *message = g_ptr_array_index (messages, i);

      tarmac_fuzz_touch (message->reference);
      tarmac_fuzz_touch (message->version);
      tarmac_fuzz_touch (message->sender);
      tarmac_fuzz_touch (message->recipient);
      tarmac_fuzz_touch (message->carrier);
      tarmac_fuzz_touch (message->flight_number);
      for (guint j = 0; j < message->legs->len; j++)
        {
          const TarmacPaxlstLeg *leg = g_ptr_array_index (message->legs, j);

          tarmac_fuzz_touch (leg->departure_airport);
          tarmac_fuzz_touch (leg->departure_time);
          tarmac_fuzz_touch (leg->arrival_airport);
          tarmac_fuzz_touch (leg->arrival_time);
        }
      for (guint j = 0; j < message->travellers->len; j++)
        {
          const TarmacPaxlstTraveller *traveller = g_ptr_array_index (message->travellers, j);

          tarmac_fuzz_touch (traveller->surname);
          tarmac_fuzz_touch (traveller->given_names);
          tarmac_fuzz_touch (traveller->date_of_birth);
          tarmac_fuzz_touch (traveller->nationality);
          tarmac_fuzz_touch (traveller->seat);
          for (guint k = 0; traveller->bag_tags != NULL && k < traveller->bag_tags->len; k++)
            tarmac_fuzz_touch (g_ptr_array_index (traveller->bag_tags, k));
          for (guint k = 0; traveller->documents != NULL && k < traveller->documents->len; k++)
            {
              const TarmacPaxlstTravelDocument *document =
                g_ptr_array_index (traveller->documents, k);

              tarmac_fuzz_touch (document->type);
              tarmac_fuzz_touch (document->number);
              tarmac_fuzz_touch (document->expiry);
            }
        }
    }

  return 0;
}
