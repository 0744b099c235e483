/* fuzz-edifact.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "tarmac-edifact.h"
#include "tarmac-fuzz.h"

/* The EDIFACT tokenizer: every segment, every element, component and repetition read
 * back through the accessors, as the parsers do. */
int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(TarmacEdifactReader) reader = tarmac_edifact_reader_new (data, size);
  g_autoptr(GError) error = NULL;
  TarmacEdifactSegment *segment = NULL;

  while (tarmac_edifact_reader_next (reader, &segment, &error))
    {
      for (guint e = 0; e < segment->n_elements + 1; e++)
        {
          guint n_components = tarmac_edifact_segment_get_n_components (segment, e);
          guint n_repetitions = tarmac_edifact_segment_get_n_repetitions (segment, e);

          for (guint c = 0; c < n_components + 1; c++)
            tarmac_fuzz_touch (tarmac_edifact_segment_get_value (segment, e, c));
          for (guint r = 0; r < n_repetitions + 1; r++)
            tarmac_fuzz_touch (tarmac_edifact_segment_get_repetition_value (segment, e, r, 0));
        }
      tarmac_edifact_segment_free (segment);
    }

  /* After the end it stays at the end. */
  if (tarmac_edifact_reader_next (reader, &segment, NULL) || segment != NULL)
    __builtin_trap ();

  for (guint i = 0; i < tarmac_edifact_reader_get_n_warnings (reader); i++)
    tarmac_fuzz_touch (tarmac_edifact_reader_get_warning (reader, i)->message);

  return 0;
}
