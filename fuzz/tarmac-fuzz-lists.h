/* tarmac-fuzz-lists.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tarmac-fuzz.h"
#include "tarmac-screen-index.h"
#include "tarmac-watchlist-data.h"

G_BEGIN_DECLS

/* What every list loader promises, checked on whatever it returned: a list and no error,
 * or no list and an error whose message is valid UTF-8; every string of every entry valid
 * UTF-8; and the list indexable and matchable (names from hostile input go through the
 * name analysis, transliteration and candidate keys). Only the first entries are indexed,
 * so a run stays fast. */
#define TARMAC_FUZZ_INDEXED_ENTRIES 64

static inline void
tarmac_fuzz_check_list (TarmacWatchlistData *list,
                        GError              *error)
{
  g_autoptr(TarmacScreenIndex) index = NULL;
  const char *probe = NULL;

  if (list == NULL)
    {
      if (error == NULL)
        __builtin_trap ();
      tarmac_fuzz_touch (error->message);
      return;
    }
  if (error != NULL || list->entries->len == 0)
    __builtin_trap ();

  index = tarmac_screen_index_new ();
  for (guint i = 0; i < list->entries->len; i++)
    {
      const TarmacWatchlistEntry *entry = g_ptr_array_index (list->entries, i);

      tarmac_fuzz_touch (entry->external_id);
      tarmac_fuzz_touch (entry->kind);
      tarmac_fuzz_touch (entry->sex);
      tarmac_fuzz_touch (entry->reason);
      for (guint n = 0; n < entry->names->len; n++)
        {
          const TarmacWatchlistName *name = g_ptr_array_index (entry->names, n);

          tarmac_fuzz_touch (name->name);
          if (probe == NULL)
            probe = name->name;
        }
      for (guint n = 0; n < entry->dobs->len; n++)
        {
          g_autofree char *text = tarmac_dob_to_string (&g_array_index (entry->dobs,
                                                                        TarmacDob, n));

          tarmac_fuzz_touch (text);
        }
      for (guint n = 0; n < entry->nationalities->len; n++)
        tarmac_fuzz_touch (g_ptr_array_index (entry->nationalities, n));
      for (guint n = 0; n < entry->documents->len; n++)
        {
          const TarmacWatchlistDocument *document = g_ptr_array_index (entry->documents, n);

          tarmac_fuzz_touch (document->number);
          tarmac_fuzz_touch (document->number_normalised);
        }
      if (i < TARMAC_FUZZ_INDEXED_ENTRIES)
        tarmac_screen_index_add_entry (index, entry, i + 1, list->default_name, 1);
    }
  tarmac_screen_index_finish (index);

  if (probe != NULL)
    {
      TarmacMatchQuery query = { probe, "1970-01-01", NULL, NULL, NULL };
      g_autoptr(GPtrArray) candidates = tarmac_screen_index_match (index, &query, 0.5, 5, NULL);

      for (guint i = 0; i < candidates->len; i++)
        {
          const TarmacMatchCandidate *candidate = g_ptr_array_index (candidates, i);

          if (!(candidate->score >= 0.0 && candidate->score <= 1.0))
            __builtin_trap ();
          tarmac_fuzz_touch (candidate->summary);
        }
    }
}

G_END_DECLS
