/* tarmac-sheet.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-sheet"

#include "config.h"

#include "tarmac-sheet.h"

/* The table both spreadsheet readers (tarmac-csv.c, tarmac-xlsx.c) fill: rows of UTF-8
 * strings, so the column mapper and the importer never care which format it came from. */

G_DEFINE_QUARK (tarmac-sheet-error-quark, tarmac_sheet_error)

static void
warning_free (TarmacSheetWarning *warning)
{
  g_free (warning->code);
  g_free (warning->message);
  g_free (warning);
}

TarmacSheet *
tarmac_sheet_new (const char *format)
{
  TarmacSheet *sheet = g_new0 (TarmacSheet, 1);

  sheet->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  sheet->row_numbers = g_array_new (FALSE, FALSE, sizeof (guint));
  sheet->warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) warning_free);
  sheet->format = format;
  sheet->encoding = "UTF-8";
  return sheet;
}

void
tarmac_sheet_free (TarmacSheet *sheet)
{
  if (sheet == NULL)
    return;

  g_ptr_array_unref (sheet->rows);
  g_array_unref (sheet->row_numbers);
  g_ptr_array_unref (sheet->warnings);
  g_free (sheet);
}

static gboolean
cell_is_blank (const char *cell)
{
  for (const char *p = cell; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;
  return TRUE;
}

/**
 * tarmac_sheet_add_row:
 * @sheet: a sheet
 * @row_number: the row's 1-based number
 * @cells: (transfer full) (element-type utf8): the row's cells
 *
 * Adds a row, trailing empty cells removed; a row of blank cells is dropped, so
 * the mapper and the importer see only rows that say something.
 */
void
tarmac_sheet_add_row (TarmacSheet *sheet,
                      guint        row_number,
                      GPtrArray   *cells)
{
  while (cells->len > 0 && cell_is_blank (g_ptr_array_index (cells, cells->len - 1)))
    g_ptr_array_remove_index (cells, cells->len - 1);

  if (cells->len == 0)
    {
      g_ptr_array_unref (cells);
      return;
    }

  sheet->n_columns = MAX (sheet->n_columns, cells->len);
  g_ptr_array_add (cells, NULL);
  g_ptr_array_add (sheet->rows, g_ptr_array_free (cells, FALSE));
  g_array_append_val (sheet->row_numbers, row_number);
}

void
tarmac_sheet_add_warning (TarmacSheet *sheet,
                          const char  *code,
                          guint        row,
                          guint        column,
                          const char  *format,
                          ...)
{
  TarmacSheetWarning *warning = g_new0 (TarmacSheetWarning, 1);
  va_list args;

  /* A hostile file could raise one warning per cell; a hundred say enough. */
  if (sheet->warnings->len >= 100)
    {
      g_free (warning);
      return;
    }

  va_start (args, format);
  warning->message = g_strdup_vprintf (format, args);
  va_end (args);
  warning->code = g_strdup (code);
  warning->row = row;
  warning->column = column;
  g_ptr_array_add (sheet->warnings, warning);
}

/**
 * tarmac_sheet_get_cell:
 * @sheet: a sheet
 * @row: 0-based index into @sheet's rows
 * @column: 0-based column
 *
 * Returns: the cell's text, "" past the end of a short row
 */
const char *
tarmac_sheet_get_cell (const TarmacSheet *sheet,
                       guint              row,
                       guint              column)
{
  char **cells;

  g_return_val_if_fail (sheet != NULL, "");

  if (row >= sheet->rows->len)
    return "";
  cells = g_ptr_array_index (sheet->rows, row);
  for (guint i = 0; i <= column; i++)
    if (cells[i] == NULL)
      return "";
  return cells[column];
}

guint
tarmac_sheet_get_n_rows (const TarmacSheet *sheet)
{
  g_return_val_if_fail (sheet != NULL, 0);

  return sheet->rows->len;
}
