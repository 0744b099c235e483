/* tarmac-sniff.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * TarmacFileFormat:
 *
 * What a file holds, decided from its bytes, never from its name (DESIGN.md §5).
 */
typedef enum
{
  TARMAC_FILE_FORMAT_UNKNOWN,
  TARMAC_FILE_FORMAT_PAXLST,
  TARMAC_FILE_FORMAT_PNRGOV,
  TARMAC_FILE_FORMAT_EDIFACT_OTHER,
  TARMAC_FILE_FORMAT_PNRGOV_XML,
  TARMAC_FILE_FORMAT_CARGO_IMP_FFM,
  TARMAC_FILE_FORMAT_CARGO_IMP_FWB,
  TARMAC_FILE_FORMAT_CARGO_IMP_FHL,
  TARMAC_FILE_FORMAT_CARGO_XML,
  TARMAC_FILE_FORMAT_UN_LIST_XML,
  TARMAC_FILE_FORMAT_XML_OTHER,
  TARMAC_FILE_FORMAT_XLSX,
  TARMAC_FILE_FORMAT_CSV,
} TarmacFileFormat;

/* How many bytes the sniffer looks at; callers may pass more, it reads no further. */
#define TARMAC_SNIFF_WINDOW (64 * 1024)

TarmacFileFormat  tarmac_sniff_format      (const guint8     *data,
                                            gsize             length);
const char       *tarmac_file_format_to_id (TarmacFileFormat  format);

G_END_DECLS
