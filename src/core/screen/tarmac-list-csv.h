/* tarmac-list-csv.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A bounded RFC 4180 reader over a file in memory, for the list loaders: quoted fields
 * with doubled quotes and line breaks, CR, LF or CRLF, a BOM skipped. */
typedef struct
{
  const char *data;
  gsize       length;
  gsize       position;
  guint       line;        /* of the record last read, from 1 */
  guint       next_line;
  char        delimiter;
} TarmacCsvReader;

#define TARMAC_CSV_MAX_FIELDS       256
#define TARMAC_CSV_MAX_FIELD_LENGTH (64 * 1024)

void     tarmac_csv_reader_init (TarmacCsvReader  *reader,
                                 const char       *data,
                                 gsize             length,
                                 char              delimiter);
gboolean tarmac_csv_reader_next (TarmacCsvReader  *reader,
                                 GPtrArray        *fields,
                                 const char       *file_name,
                                 GError          **error);
char     tarmac_csv_guess_delimiter (const char   *data,
                                     gsize         length);

G_END_DECLS
