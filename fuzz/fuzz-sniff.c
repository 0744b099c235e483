/* fuzz-sniff.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "tarmac-fuzz.h"
#include "tarmac-sniff.h"

/* Format detection reads the first bytes of anything dropped on the window. */
int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  TarmacFileFormat format = tarmac_sniff_format (data, size);

  tarmac_fuzz_touch (tarmac_file_format_to_id (format));
  return 0;
}
