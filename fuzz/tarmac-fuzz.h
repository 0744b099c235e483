/* tarmac-fuzz.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <string.h>

G_BEGIN_DECLS

/* Helpers shared by the libFuzzer targets in fuzz/ (see fuzz/meson.build). */

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

/* Reads every byte of a string the code under test returned, so ASan sees a read past
 * its end or of freed memory, and checks it is valid UTF-8 as every value we hand on
 * must be. */
static inline void
tarmac_fuzz_touch (const char *text)
{
  if (text == NULL)
    return;
  if (!g_utf8_validate (text, (gssize) strlen (text), NULL))
    __builtin_trap ();
}

G_END_DECLS
