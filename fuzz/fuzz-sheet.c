/* fuzz-sheet.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "tarmac-fuzz.h"
#include "tarmac-sheet.h"
#include "tarmac-sheet-mapping.h"

/* The spreadsheet readers, CSV and XLSX (our own ZIP reader and inflate bounds, then the
 * shared strings and the sheet's XML), and what the import does next with a table: the
 * column mapping proposed from headers and content, and the preview of the rows as the
 * officer sees them. Every cell and message handed on is read back. */

static void
touch_sheet (const TarmacSheet *sheet)
{
  g_autoptr(TarmacSheetMapping) mapping = NULL;
  g_autoptr(GPtrArray) preview = NULL;

  for (guint i = 0; i < sheet->warnings->len; i++)
    tarmac_fuzz_touch (((TarmacSheetWarning *) g_ptr_array_index (sheet->warnings, i))->message);
  for (guint r = 0; r < tarmac_sheet_get_n_rows (sheet); r++)
    for (guint c = 0; c < sheet->n_columns; c++)
      tarmac_fuzz_touch (tarmac_sheet_get_cell (sheet, r, c));

  mapping = tarmac_sheet_mapping_propose (sheet);
  if (mapping == NULL)
    return;
  tarmac_fuzz_touch (tarmac_sheet_mapping_get_carrier (mapping));
  tarmac_fuzz_touch (tarmac_sheet_mapping_get_flight_number (mapping));
  tarmac_fuzz_touch (tarmac_sheet_mapping_get_flight_date (mapping));
  tarmac_fuzz_touch (tarmac_sheet_mapping_get_signature (mapping));
  preview = tarmac_sheet_mapping_preview (mapping, sheet, 50);
  for (guint i = 0; preview != NULL && i < preview->len; i++)
    {
      TarmacSheetPreviewRow *row = g_ptr_array_index (preview, i);

      for (guint c = 0; row->values != NULL && row->values[c] != NULL; c++)
        tarmac_fuzz_touch (row->values[c]);
      for (guint c = 0; row->cells[c] != NULL; c++)
        tarmac_fuzz_touch (row->problems[c]);
    }
  {
    g_autoptr(GError) error = NULL;

    if (!tarmac_sheet_mapping_validate (mapping, sheet, &error))
      tarmac_fuzz_touch (error->message);
  }
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(TarmacSheet) csv = NULL;
  g_autoptr(TarmacSheet) xlsx = NULL;
  g_autoptr(GError) csv_error = NULL;
  g_autoptr(GError) xlsx_error = NULL;

  if ((csv = tarmac_csv_read (data, size, &csv_error)) != NULL)
    touch_sheet (csv);
  else
    tarmac_fuzz_touch (csv_error->message);

  if ((xlsx = tarmac_xlsx_read (data, size, &xlsx_error)) != NULL)
    touch_sheet (xlsx);
  else
    tarmac_fuzz_touch (xlsx_error->message);

  return 0;
}
