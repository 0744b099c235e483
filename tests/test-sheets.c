/* test-sheets.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "tarmac-sheet-mapping.h"
#include "tarmac-sheet.h"
#include "tarmac-test-util.h"

/* The spreadsheet readers and the column mapper, on fixtures in tests/data/sheets (CSV
 * written by hand, XLSX by make-xlsx.py there). */

static GBytes *
read_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "sheets", name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static TarmacSheet *
read_sheet (const char  *name,
            GError     **error)
{
  g_autoptr(GBytes) bytes = read_fixture (name);
  gsize length;
  const guint8 *data = g_bytes_get_data (bytes, &length);

  if (g_str_has_suffix (name, ".xlsx"))
    return tarmac_xlsx_read (data, length, error);
  return tarmac_csv_read (data, length, error);
}

static TarmacSheet *
read_csv_text (const char *text)
{
  g_autoptr(GError) error = NULL;
  TarmacSheet *sheet = tarmac_csv_read ((const guint8 *) text, strlen (text), &error);

  g_assert_no_error (error);
  return sheet;
}

static gboolean
has_warning (TarmacSheet *sheet,
             const char  *code)
{
  for (guint i = 0; i < sheet->warnings->len; i++)
    {
      TarmacSheetWarning *warning = g_ptr_array_index (sheet->warnings, i);

      if (g_str_equal (warning->code, code))
        return TRUE;
    }
  return FALSE;
}

static void
test_csv_quoting (void)
{
  g_autoptr(TarmacSheet) sheet = NULL;

  /* Quoted delimiters, doubled quotes, a line break inside a quote, CR, LF and CRLF. */
  sheet = read_csv_text ("a,b,c\r\n\"x,1\",\"say \"\"hi\"\"\",\"two\nlines\"\r"
                         "p,,q\n\n last ,\"\",end");
  g_assert_cmpint (sheet->delimiter, ==, ',');
  g_assert_cmpuint (tarmac_sheet_get_n_rows (sheet), ==, 4);
  g_assert_cmpstr (tarmac_sheet_get_cell (sheet, 1, 0), ==, "x,1");
  g_assert_cmpstr (tarmac_sheet_get_cell (sheet, 1, 1), ==, "say \"hi\"");
  g_assert_cmpstr (tarmac_sheet_get_cell (sheet, 1, 2), ==, "two\nlines");
  g_assert_cmpstr (tarmac_sheet_get_cell (sheet, 2, 1), ==, "");
  g_assert_cmpstr (tarmac_sheet_get_cell (sheet, 2, 2), ==, "q");
  g_assert_cmpstr (tarmac_sheet_get_cell (sheet, 3, 0), ==, " last ");
  g_assert_cmpstr (tarmac_sheet_get_cell (sheet, 3, 2), ==, "end");
  g_assert_cmpstr (tarmac_sheet_get_cell (sheet, 3, 9), ==, "");
  /* Row numbers are the lines rows start on: the quoted line break counts, the blank
   * line is skipped. */
  g_assert_cmpuint (g_array_index (sheet->row_numbers, guint, 1), ==, 2);
  g_assert_cmpuint (g_array_index (sheet->row_numbers, guint, 2), ==, 4);
  g_assert_cmpuint (g_array_index (sheet->row_numbers, guint, 3), ==, 6);
  g_clear_pointer (&sheet, tarmac_sheet_free);

  /* An unterminated quote is read to the end, with a warning. */
  sheet = read_csv_text ("a;b\n1;\"open\n2;3\n");
  g_assert_cmpint (sheet->delimiter, ==, ';');
  g_assert_true (has_warning (sheet, "unterminated-quote"));
  g_assert_cmpstr (tarmac_sheet_get_cell (sheet, 1, 1), ==, "open\n2;3\n");
  g_clear_pointer (&sheet, tarmac_sheet_free);

  /* Tab and pipe. */
  sheet = read_csv_text ("a\tb\tc\n1\t2\t3\n");
  g_assert_cmpint (sheet->delimiter, ==, '\t');
  g_clear_pointer (&sheet, tarmac_sheet_free);
  sheet = read_csv_text ("title line\na|b|c\n1|2|3\n4|5|6\n");
  g_assert_cmpint (sheet->delimiter, ==, '|');
  g_assert_cmpstr (tarmac_sheet_get_cell (sheet, 3, 2), ==, "6");
}

static void
test_csv_encodings (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TarmacSheet) sheet = NULL;

  sheet = read_sheet ("manifest-en.csv", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sheet->encoding, ==, "UTF-8");
  /* The BOM is gone from the first cell. */
  g_assert_cmpstr (tarmac_sheet_get_cell (sheet, 0, 0), ==, "Flight AF 0702 22/11/2026 CDG-LFW");
  g_assert_false (has_warning (sheet, "encoding"));
  g_clear_pointer (&sheet, tarmac_sheet_free);

  sheet = read_sheet ("manifest-fr.csv", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sheet->encoding, ==, "WINDOWS-1252");
  g_assert_true (has_warning (sheet, "encoding"));
  g_assert_cmpint (sheet->delimiter, ==, ';');
  g_assert_cmpstr (tarmac_sheet_get_cell (sheet, 0, 3), ==, "Prénom(s)");
  g_assert_cmpstr (tarmac_sheet_get_cell (sheet, 2, 3), ==, "François");
  g_clear_pointer (&sheet, tarmac_sheet_free);

  sheet = read_sheet ("manifest-pt.txt", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sheet->encoding, ==, "UTF-16LE");
  g_assert_cmpint (sheet->delimiter, ==, '\t');
  g_assert_cmpuint (tarmac_sheet_get_n_rows (sheet), ==, 3);
  g_assert_cmpstr (tarmac_sheet_get_cell (sheet, 2, 3), ==, "Conceição");
  g_clear_pointer (&sheet, tarmac_sheet_free);

  /* Binary is refused. */
  sheet = tarmac_csv_read ((const guint8 *) "a,b\n\0\1\2", 7, &error);
  g_assert_error (error, TARMAC_SHEET_ERROR, TARMAC_SHEET_ERROR_ENCODING);
  g_assert_null (sheet);
}

static void
test_csv_bounds (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TarmacSheet) sheet = NULL;

  for (guint i = 0; i <= TARMAC_SHEET_MAX_COLUMNS; i++)
    g_string_append (text, "x,");
  sheet = tarmac_csv_read ((const guint8 *) text->str, text->len, &error);
  g_assert_error (error, TARMAC_SHEET_ERROR, TARMAC_SHEET_ERROR_TOO_LARGE);
  g_clear_error (&error);

  g_string_assign (text, "a,\"");
  for (guint i = 0; i <= TARMAC_SHEET_MAX_CELL; i++)
    g_string_append_c (text, 'y');
  sheet = tarmac_csv_read ((const guint8 *) text->str, text->len, &error);
  g_assert_error (error, TARMAC_SHEET_ERROR, TARMAC_SHEET_ERROR_TOO_LARGE);
  g_assert_null (sheet);
}

static void
test_xlsx_read (void)
{
  const char *files[] = { "manifest.xlsx", "manifest-1904.xlsx" };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(TarmacSheet) sheet = read_sheet (files[i], &error);

      g_assert_no_error (error);
      g_assert_cmpuint (tarmac_sheet_get_n_rows (sheet), ==, 4);
      g_assert_cmpstr (tarmac_sheet_get_cell (sheet, 0, 0), ==,
                       "Flight AF 0702 22/11/2026 CDG-LFW");
      g_assert_cmpuint (g_array_index (sheet->row_numbers, guint, 1), ==, 3);
      g_assert_cmpstr (tarmac_sheet_get_cell (sheet, 1, 5), ==, "Passport");
      g_assert_cmpstr (tarmac_sheet_get_cell (sheet, 2, 0), ==, "EXCELTEST");
      /* Rich text runs joined, the phonetic guide left out. */
      g_assert_cmpstr (tarmac_sheet_get_cell (sheet, 2, 1), ==, "Zoé");
      /* A date serial in the workbook's date system, by its style. */
      g_assert_cmpstr (tarmac_sheet_get_cell (sheet, 2, 2), ==, "1985-03-14");
      g_assert_cmpstr (tarmac_sheet_get_cell (sheet, 3, 2), ==, "1980-07-09");
      /* A number stays a number: an integer whole, a decimal as short as it goes. */
      g_assert_cmpstr (tarmac_sheet_get_cell (sheet, 2, 5), ==, "123456789");
      g_assert_cmpstr (tarmac_sheet_get_cell (sheet, 2, 6), ==, "23.5");
      /* Cells without references follow each other; str and inline strings. */
      g_assert_cmpstr (tarmac_sheet_get_cell (sheet, 3, 0), ==, "SHEETSON");
      g_assert_cmpstr (tarmac_sheet_get_cell (sheet, 3, 3), ==, "M");
      g_assert_cmpstr (tarmac_sheet_get_cell (sheet, 3, 5), ==, "C01X00T47");
    }
}

static void
test_xlsx_hostile (void)
{
  const struct
  {
    const char *name;
    int         code;
  } cases[] = {
    { "bomb.xlsx", TARMAC_SHEET_ERROR_TOO_LARGE },
    { "truncated.xlsx", TARMAC_SHEET_ERROR_CORRUPT },
    { "zip64.xlsx", TARMAC_SHEET_ERROR_UNSUPPORTED },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(TarmacSheet) sheet = read_sheet (cases[i].name, &error);

      g_test_message ("%s: %s", cases[i].name, error != NULL ? error->message : "(read)");
      g_assert_error (error, TARMAC_SHEET_ERROR, cases[i].code);
      g_assert_null (sheet);
    }
}

static TarmacSheetMapping *
propose (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TarmacSheet) sheet = read_sheet (name, &error);

  g_assert_no_error (error);
  return tarmac_sheet_mapping_propose (sheet);
}

/* The fields of the columns, as ids joined by spaces. */
static char *
fields_of (TarmacSheetMapping *mapping)
{
  GString *out = g_string_new (NULL);

  for (guint c = 0; c < tarmac_sheet_mapping_get_n_columns (mapping); c++)
    g_string_append_printf (out, "%s%s", c > 0 ? " " : "",
                            tarmac_sheet_field_to_id (tarmac_sheet_mapping_get_field (mapping, c)));
  return g_string_free (out, FALSE);
}

static void
assert_flight (TarmacSheetMapping *mapping,
               const char         *carrier,
               const char         *number,
               const char         *date,
               const char         *origin,
               const char         *destination)
{
  g_assert_cmpstr (tarmac_sheet_mapping_get_carrier (mapping), ==, carrier);
  g_assert_cmpstr (tarmac_sheet_mapping_get_flight_number (mapping), ==, number);
  g_assert_cmpstr (tarmac_sheet_mapping_get_flight_date (mapping), ==, date);
  g_assert_cmpstr (tarmac_sheet_mapping_get_origin (mapping), ==, origin);
  g_assert_cmpstr (tarmac_sheet_mapping_get_destination (mapping), ==, destination);
}

static void
test_mapper_headers (void)
{
  const struct
  {
    const char *file;
    const char *fields;
  } cases[] = {
    { "manifest-en.csv", "surname given-names date-of-birth sex nationality document-number "
                         "document-expiry seat booking-reference bags" },
    { "manifest-fr.csv", "flight flight-date surname given-names date-of-birth sex nationality "
                         "document-number seat" },
    { "manifest-es.csv", "full-name date-of-birth sex nationality document-number "
                         "document-type kind embarkation debarkation" },
    { "manifest-pt.txt", "flight flight-date surname given-names date-of-birth sex nationality "
                         "document-number seat embarkation debarkation" },
    { "manifest.xlsx", "surname given-names date-of-birth sex nationality document-number "
                       "bag-weight" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(TarmacSheetMapping) mapping = propose (cases[i].file);
      g_autofree char *fields = fields_of (mapping);

      g_test_message ("%s", cases[i].file);
      g_assert_cmpstr (fields, ==, cases[i].fields);
    }
}

static void
test_mapper_title_and_content (void)
{
  g_autoptr(TarmacSheetMapping) en = propose ("manifest-en.csv");
  g_autoptr(TarmacSheetMapping) none = propose ("manifest-noheader.csv");
  g_autoptr(TarmacSheetMapping) xlsx = propose ("manifest.xlsx");
  g_autofree char *fields = fields_of (none);

  assert_flight (en, "AF", "702", "2026-11-22", "CDG", "LFW");
  g_assert_cmpint (tarmac_sheet_mapping_get_header_row (en), ==, 1);
  g_assert_cmpuint (tarmac_sheet_mapping_get_first_row (en), ==, 2);
  g_assert_cmpint (tarmac_sheet_mapping_get_date_order (en), ==, TARMAC_SHEET_DATE_ORDER_DMY);
  g_assert_false (tarmac_sheet_mapping_get_dates_ambiguous (en));
  assert_flight (xlsx, "AF", "702", "2026-11-22", "CDG", "LFW");

  /* Without headers the cells decide. */
  g_assert_cmpint (tarmac_sheet_mapping_get_header_row (none), ==, -1);
  g_assert_cmpuint (tarmac_sheet_mapping_get_first_row (none), ==, 1);
  g_assert_cmpstr (fields, ==, "surname given-names date-of-birth sex nationality "
                               "document-number seat");
  assert_flight (none, "ET", "911", "2026-11-24", "ADD", "LFW");
  g_assert_cmpstr (tarmac_sheet_mapping_get_signature (none), ==, "columns:7");
}

static void
test_mapper_dates (void)
{
  g_autoptr(TarmacSheetMapping) mapping = propose ("manifest-ambiguous.csv");
  g_autoptr(TarmacSheet) sheet = read_sheet ("manifest-ambiguous.csv", NULL);
  g_autoptr(GPtrArray) rows = NULL;
  TarmacSheetPreviewRow *row;

  /* 03/04/1980 and 07/08/1991 read both ways: day first, and the mapper says so. */
  g_assert_true (tarmac_sheet_mapping_get_dates_ambiguous (mapping));
  assert_flight (mapping, "KP", "55", "2026-11-05", "LFW", "ACC");
  rows = tarmac_sheet_mapping_preview (mapping, sheet, 10);
  g_assert_cmpuint (rows->len, ==, 2);
  row = g_ptr_array_index (rows, 0);
  g_assert_cmpuint (row->row_number, ==, 3);
  g_assert_cmpstr (row->values[2], ==, "1980-04-03");
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* Stating the order ends the ambiguity. */
  tarmac_sheet_mapping_set_date_order (mapping, TARMAC_SHEET_DATE_ORDER_MDY);
  g_assert_false (tarmac_sheet_mapping_get_dates_ambiguous (mapping));
  rows = tarmac_sheet_mapping_preview (mapping, sheet, 10);
  row = g_ptr_array_index (rows, 0);
  g_assert_cmpstr (row->values[2], ==, "1980-03-04");
}

static void
test_mapper_values (void)
{
  g_autoptr(TarmacSheet) sheet = NULL;
  g_autoptr(TarmacSheetMapping) mapping = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  TarmacSheetPreviewRow *row;

  sheet = read_csv_text ("Name,Sexo,Pays,Naissance,Bagages,Poids,Crew/Pax,Siège\n"
                         "Marie-Claire EXEMPLE,mujer,FR,12-NOV-80,2 PC,\"23,5 kg\",PNC,007c\n"
                         "ALPHA BRAVO MR,H,D,1980/11/12,x,-,pax,aisle\n");
  mapping = tarmac_sheet_mapping_propose (sheet);
  rows = tarmac_sheet_mapping_preview (mapping, sheet, 5);
  row = g_ptr_array_index (rows, 0);
  g_assert_cmpstr (row->values[0], ==, "EXEMPLE / Marie-Claire");
  g_assert_cmpstr (row->values[1], ==, "F");
  g_assert_cmpstr (row->values[2], ==, "FRA");
  g_assert_cmpstr (row->values[3], ==, "1980-11-12");
  g_assert_cmpstr (row->values[4], ==, "2");
  g_assert_cmpstr (row->values[5], ==, "23.5");
  g_assert_cmpstr (row->values[6], ==, "crew");
  g_assert_cmpstr (row->values[7], ==, "7C");
  for (guint c = 0; c < 8; c++)
    g_assert_null (row->problems[c]);

  row = g_ptr_array_index (rows, 1);
  g_assert_cmpstr (row->values[0], ==, "ALPHA / BRAVO");
  g_assert_cmpstr (row->values[1], ==, "M");
  g_assert_cmpstr (row->values[2], ==, "DEU");
  g_assert_cmpstr (row->values[3], ==, "1980-11-12");
  g_assert_nonnull (row->problems[4]);
  g_assert_nonnull (row->problems[5]);
  g_assert_cmpstr (row->values[6], ==, "passenger");
  g_assert_nonnull (row->problems[7]);

  /* No flight anywhere: the validation names it. */
  g_assert_false (tarmac_sheet_mapping_validate (mapping, sheet, &error));
  g_assert_error (error, TARMAC_SHEET_ERROR, TARMAC_SHEET_ERROR_UNSUPPORTED);
  g_clear_error (&error);
  tarmac_sheet_mapping_set_flight (mapping, "af", "0702", "2026-11-22", "cdg", "lfw");
  g_assert_true (tarmac_sheet_mapping_validate (mapping, sheet, &error));
  g_assert_no_error (error);
  assert_flight (mapping, "AF", "702", "2026-11-22", "CDG", "LFW");
}

static void
test_mapper_options_json (void)
{
  g_autoptr(TarmacSheet) sheet = read_sheet ("manifest-en.csv", NULL);
  g_autoptr(TarmacSheetMapping) mapping = tarmac_sheet_mapping_propose (sheet);
  g_autoptr(TarmacSheetMapping) other = tarmac_sheet_mapping_propose (sheet);
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;

  /* By header name, letter and number; a field moves away from its old column. */
  g_assert_true (tarmac_sheet_mapping_set_from_option (mapping, sheet, "pnr=ignore", &error));
  g_assert_true (tarmac_sheet_mapping_set_from_option (mapping, sheet, "J=residence", &error));
  g_assert_true (tarmac_sheet_mapping_set_from_option (mapping, sheet, "8=given-names", &error));
  g_assert_true (tarmac_sheet_mapping_set_from_option (mapping, sheet, "dates=mdy", &error));
  g_assert_no_error (error);
  g_assert_cmpint (tarmac_sheet_mapping_get_field (mapping, 8), ==, TARMAC_SHEET_FIELD_IGNORE);
  g_assert_cmpint (tarmac_sheet_mapping_get_field (mapping, 9), ==, TARMAC_SHEET_FIELD_RESIDENCE);
  g_assert_cmpint (tarmac_sheet_mapping_get_field (mapping, 7), ==, TARMAC_SHEET_FIELD_GIVEN_NAMES);
  g_assert_cmpint (tarmac_sheet_mapping_get_field (mapping, 1), ==, TARMAC_SHEET_FIELD_IGNORE);

  g_assert_false (tarmac_sheet_mapping_set_from_option (mapping, sheet, "Z=surname", &error));
  g_assert_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE);
  g_clear_error (&error);
  g_assert_false (tarmac_sheet_mapping_set_from_option (mapping, sheet, "A=shoe-size", &error));
  g_assert_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE);
  g_clear_error (&error);

  /* The columns and the date order travel as JSON, not the flight. */
  json = tarmac_sheet_mapping_to_json (mapping);
  g_assert_false (tarmac_sheet_mapping_get_remembered (other));
  g_assert_true (tarmac_sheet_mapping_apply_json (other, json, &error));
  g_assert_no_error (error);
  g_assert_true (tarmac_sheet_mapping_get_remembered (other));
  g_assert_cmpint (tarmac_sheet_mapping_get_field (other, 9), ==, TARMAC_SHEET_FIELD_RESIDENCE);
  g_assert_cmpint (tarmac_sheet_mapping_get_date_order (other), ==, TARMAC_SHEET_DATE_ORDER_MDY);
  g_assert_false (tarmac_sheet_mapping_apply_json (other, "{\"columns\": [\"surname\"]}", &error));
  g_assert_nonnull (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/sheets/csv/quoting", test_csv_quoting);
  g_test_add_func ("/sheets/csv/encodings", test_csv_encodings);
  g_test_add_func ("/sheets/csv/bounds", test_csv_bounds);
  g_test_add_func ("/sheets/xlsx/read", test_xlsx_read);
  g_test_add_func ("/sheets/xlsx/hostile", test_xlsx_hostile);

  g_test_add_func ("/sheets/mapper/headers", test_mapper_headers);
  g_test_add_func ("/sheets/mapper/title-and-content", test_mapper_title_and_content);
  g_test_add_func ("/sheets/mapper/dates", test_mapper_dates);
  g_test_add_func ("/sheets/mapper/values", test_mapper_values);
  g_test_add_func ("/sheets/mapper/options-json", test_mapper_options_json);

  return g_test_run ();
}
