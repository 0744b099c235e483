/* fuzz-postings.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "tarmac-fuzz.h"
#include "tarmac-search-private.h"

/* A segment of the name index (migration 23) as read from the database file, whatever its
 * bytes: decoding it ends without reading past it; a refused blob gives nothing; what it
 * gives, put in order, encodes to a blob that decodes to the same postings, each once. */
int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GArray) postings = g_array_new (FALSE, FALSE, sizeof (SearchPosting));
  g_autoptr(GArray) again = g_array_new (FALSE, FALSE, sizeof (SearchPosting));
  g_autoptr(GByteArray) blob = g_byte_array_new ();
  guint unique = 0;
  guint written;

  if (!_tarmac_search_postings_decode (data, size, postings))
    {
      if (postings->len != 0)
        __builtin_trap ();
      return 0;
    }

  g_array_sort (postings, _tarmac_search_posting_compare);
  for (guint i = 0; i < postings->len; i++)
    if (i == 0 || _tarmac_search_posting_compare (&g_array_index (postings, SearchPosting, i - 1),
                                                  &g_array_index (postings, SearchPosting, i)) != 0)
      g_array_index (postings, SearchPosting, unique++) = g_array_index (postings, SearchPosting, i);
  g_array_set_size (postings, unique);

  written = _tarmac_search_postings_encode ((const SearchPosting *) (gpointer) postings->data,
                                            postings->len, blob);
  if (written != unique ||
      !_tarmac_search_postings_decode (blob->data, blob->len, again) ||
      again->len != unique ||
      (unique > 0 && memcmp (again->data, postings->data, unique * sizeof (SearchPosting)) != 0))
    __builtin_trap ();

  return 0;
}
