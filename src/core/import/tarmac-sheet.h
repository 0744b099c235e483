/* tarmac-sheet.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define TARMAC_SHEET_ERROR (tarmac_sheet_error_quark ())

/* Bounds on hostile input: a station office's manifest is a few hundred rows. */
#define TARMAC_SHEET_MAX_ROWS    100000
#define TARMAC_SHEET_MAX_COLUMNS 256
#define TARMAC_SHEET_MAX_CELL    (32 * 1024)

typedef enum
{
  TARMAC_SHEET_ERROR_ENCODING,
  TARMAC_SHEET_ERROR_TOO_LARGE,
  TARMAC_SHEET_ERROR_CORRUPT,
  TARMAC_SHEET_ERROR_UNSUPPORTED,
  TARMAC_SHEET_ERROR_EMPTY,
} TarmacSheetError;

/**
 * TarmacSheetWarning:
 * @code: a stable id ("encoding", "unterminated-quote", …)
 * @message: translated explanation
 * @row: 1-based row (a CSV line, an XLSX row number), 0 for the whole file
 * @column: 1-based column, 0 for the whole row
 */
typedef struct
{
  char  *code;
  char  *message;
  guint  row;
  guint  column;
} TarmacSheetWarning;

/**
 * TarmacSheet:
 * @rows: (element-type GStrv): each row's cells, valid UTF-8, "" for an empty cell;
 *   rows may be shorter than @n_columns, blank rows are left out
 * @row_numbers: the 1-based row number of each row in @rows as the officer sees it (the
 *   line a CSV row starts on, the XLSX row number)
 * @n_columns: the widest row
 * @warnings: (element-type TarmacSheetWarning): what the reader noticed
 * @format: "csv" or "xlsx"
 * @encoding: what the CSV bytes were read as ("UTF-8", "UTF-16LE", "WINDOWS-1252", …)
 * @delimiter: the CSV delimiter, 0 for XLSX
 *
 * A table of text cells read from a CSV or XLSX file; dates in XLSX are given as
 * ISO 8601 ("2026-11-22"). The readers never interpret the cells.
 */
typedef struct
{
  GPtrArray   *rows;
  GArray      *row_numbers;
  guint        n_columns;
  GPtrArray   *warnings;
  const char  *format;
  const char  *encoding;
  char         delimiter;
} TarmacSheet;

GQuark        tarmac_sheet_error_quark (void);

TarmacSheet  *tarmac_sheet_new         (const char         *format);
void          tarmac_sheet_free        (TarmacSheet        *sheet);
void          tarmac_sheet_add_row     (TarmacSheet        *sheet,
                                        guint               row_number,
                                        GPtrArray          *cells);
void          tarmac_sheet_add_warning (TarmacSheet        *sheet,
                                        const char         *code,
                                        guint               row,
                                        guint               column,
                                        const char         *format,
                                        ...) G_GNUC_PRINTF (5, 6);
const char   *tarmac_sheet_get_cell    (const TarmacSheet  *sheet,
                                        guint               row,
                                        guint               column);
guint         tarmac_sheet_get_n_rows  (const TarmacSheet  *sheet);

TarmacSheet  *tarmac_csv_read          (const guint8       *data,
                                        gsize               length,
                                        GError            **error);
TarmacSheet  *tarmac_xlsx_read         (const guint8       *data,
                                        gsize               length,
                                        GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TarmacSheet, tarmac_sheet_free)

G_END_DECLS
