/* tarmac-xlsx.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-xlsx"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "tarmac-sheet.h"
#include "tarmac-zip.h"

/* The first worksheet of an Office Open XML workbook (ECMA-376 Part 1, §18), read into a
 * table of text: xl/workbook.xml and its relationships name the sheet's part; shared
 * strings, inline strings, numbers and booleans become text; a number whose style has a
 * date format (built-in ids 14–22 and 45–47, or a custom code with d/m/y) becomes an ISO
 * date, in the workbook's 1900 or 1904 date system. Everything is parsed with GMarkup,
 * bounded in depth, and the archive by tarmac-zip.c. */

#define MAX_DEPTH 64
#define MAX_SHARED_STRINGS 1000000

typedef struct
{
  /* workbook.xml */
  char       *sheet_rid;
  gboolean    date1904;
  /* workbook.xml.rels */
  char       *sheet_target;
  /* sharedStrings.xml */
  GPtrArray  *strings;
  GString    *text;
  gboolean    in_t;
  gboolean    in_phonetic;
  /* styles.xml */
  GHashTable *date_formats;      /* numFmtId (GINT_TO_POINTER) → 1 when a date format */
  GArray     *xf_is_date;        /* of gboolean, per cellXfs entry */
  gboolean    in_cell_xfs;
  /* the sheet */
  TarmacSheet *sheet;
  GPtrArray  *cells;
  guint       row_number;
  guint       column;
  char        cell_type[16];
  gboolean    cell_is_date;
  gboolean    in_value;
  guint       depth;
  GError     *bound_error;
} Reader;

static void
reader_clear (Reader *r)
{
  g_clear_pointer (&r->sheet_rid, g_free);
  g_clear_pointer (&r->sheet_target, g_free);
  g_clear_pointer (&r->strings, g_ptr_array_unref);
  if (r->text != NULL)
    g_string_free (r->text, TRUE);
  r->text = NULL;
  g_clear_pointer (&r->date_formats, g_hash_table_unref);
  g_clear_pointer (&r->xf_is_date, g_array_unref);
  g_clear_pointer (&r->sheet, tarmac_sheet_free);
  g_clear_pointer (&r->cells, g_ptr_array_unref);
  g_clear_error (&r->bound_error);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Reader, reader_clear)

/* "x:sheet" and "sheet" alike: some writers prefix the main namespace. */
static const char *
local_name (const char *name)
{
  const char *colon = strrchr (name, ':');

  return colon != NULL ? colon + 1 : name;
}

static const char *
attribute (const char **names,
           const char **values,
           const char  *wanted)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (g_str_equal (local_name (names[i]), wanted) &&
        (strchr (names[i], ':') == NULL || g_str_equal (wanted, "id")))
      return values[i];
  return NULL;
}

static gboolean
enter (Reader  *r,
       GError **error)
{
  if (++r->depth > MAX_DEPTH)
    {
      g_set_error (error, TARMAC_SHEET_ERROR, TARMAC_SHEET_ERROR_CORRUPT,
                   _("The spreadsheet's XML is nested more than %u levels deep"), MAX_DEPTH);
      return FALSE;
    }
  return TRUE;
}

static void
leave_cb (GMarkupParseContext  *context,
          const char           *element_name,
          gpointer              user_data,
          GError              **error)
{
  Reader *r = user_data;

  r->depth--;
}

static gboolean
parse_part (Reader             *r,
            TarmacZip          *zip,
            const char         *name,
            const GMarkupParser *parser,
            gboolean            optional,
            GError            **error)
{
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *data;
  gsize length;

  if (optional && !tarmac_zip_has_entry (zip, name))
    return TRUE;
  if ((bytes = tarmac_zip_read_entry (zip, name, error)) == NULL)
    return FALSE;

  data = g_bytes_get_data (bytes, &length);
  r->depth = 0;
  context = g_markup_parse_context_new (parser, G_MARKUP_PREFIX_ERROR_POSITION, r, NULL);
  if (!g_markup_parse_context_parse (context, data, length, &local_error) ||
      !g_markup_parse_context_end_parse (context, &local_error))
    {
      if (local_error->domain == TARMAC_SHEET_ERROR)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, TARMAC_SHEET_ERROR, TARMAC_SHEET_ERROR_CORRUPT,
                     _("The spreadsheet part %s is not valid XML: %s"), name,
                     local_error->message);
      return FALSE;
    }
  return TRUE;
}

/* workbook.xml: the first <sheet> and <workbookPr date1904>. */
static void
workbook_start_cb (GMarkupParseContext  *context,
                   const char           *element_name,
                   const char          **names,
                   const char          **values,
                   gpointer              user_data,
                   GError              **error)
{
  Reader *r = user_data;
  const char *element = local_name (element_name);

  if (!enter (r, error))
    return;

  if (g_str_equal (element, "sheet") && r->sheet_rid == NULL)
    r->sheet_rid = g_strdup (attribute (names, values, "id"));
  else if (g_str_equal (element, "workbookPr"))
    {
      const char *value = attribute (names, values, "date1904");

      r->date1904 = value != NULL && (g_str_equal (value, "1") || g_str_equal (value, "true"));
    }
}

/* workbook.xml.rels: the target of the first sheet's relationship. */
static void
rels_start_cb (GMarkupParseContext  *context,
               const char           *element_name,
               const char          **names,
               const char          **values,
               gpointer              user_data,
               GError              **error)
{
  Reader *r = user_data;
  const char *id, *target;

  if (!enter (r, error))
    return;
  if (!g_str_equal (local_name (element_name), "Relationship") || r->sheet_target != NULL)
    return;

  id = attribute (names, values, "Id");
  target = attribute (names, values, "Target");
  if (id != NULL && target != NULL && g_strcmp0 (id, r->sheet_rid) == 0)
    {
      /* Relative to xl/, or absolute from the package root. */
      if (target[0] == '/')
        r->sheet_target = g_strdup (target + 1);
      else
        r->sheet_target = g_strconcat ("xl/", target, NULL);
    }
}

/* sharedStrings.xml: <si> holds <t>, or runs <r><t>; <rPh> is a phonetic guide to skip. */
static void
strings_start_cb (GMarkupParseContext  *context,
                  const char           *element_name,
                  const char          **names,
                  const char          **values,
                  gpointer              user_data,
                  GError              **error)
{
  Reader *r = user_data;
  const char *element = local_name (element_name);

  if (!enter (r, error))
    return;

  if (g_str_equal (element, "si"))
    {
      if (r->strings->len >= MAX_SHARED_STRINGS)
        {
          g_set_error (error, TARMAC_SHEET_ERROR, TARMAC_SHEET_ERROR_TOO_LARGE,
                       _("The spreadsheet has more than %u strings"), MAX_SHARED_STRINGS);
          return;
        }
      g_string_truncate (r->text, 0);
    }
  else if (g_str_equal (element, "rPh"))
    r->in_phonetic = TRUE;
  else if (g_str_equal (element, "t") && !r->in_phonetic)
    r->in_t = TRUE;
}

static void
strings_end_cb (GMarkupParseContext  *context,
                const char           *element_name,
                gpointer              user_data,
                GError              **error)
{
  Reader *r = user_data;
  const char *element = local_name (element_name);

  r->depth--;
  if (g_str_equal (element, "si"))
    g_ptr_array_add (r->strings, g_strndup (r->text->str, r->text->len));
  else if (g_str_equal (element, "rPh"))
    r->in_phonetic = FALSE;
  else if (g_str_equal (element, "t"))
    r->in_t = FALSE;
}

static void
text_cb (GMarkupParseContext  *context,
         const char           *text,
         gsize                 length,
         gpointer              user_data,
         GError              **error)
{
  Reader *r = user_data;

  if (!r->in_t && !r->in_value)
    return;
  if (r->text->len + length > TARMAC_SHEET_MAX_CELL)
    {
      g_set_error (error, TARMAC_SHEET_ERROR, TARMAC_SHEET_ERROR_TOO_LARGE,
                   _("A cell is longer than %u bytes"), TARMAC_SHEET_MAX_CELL);
      return;
    }
  g_string_append_len (r->text, text, length);
}

/* A number format code that shows a date: d, m or y outside quotes, brackets and
 * escapes ("[$-409]d/m/yyyy", "dd\.mm\.yyyy"; not "0.00" nor "\"m\"0"). */
static gboolean
format_code_is_date (const char *code)
{
  gboolean quoted = FALSE;
  gboolean bracket = FALSE;

  for (const char *p = code; *p != '\0'; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (quoted)
        continue;
      else if (*p == '[')
        bracket = TRUE;
      else if (*p == ']')
        bracket = FALSE;
      else if (bracket)
        continue;
      else if (*p == '\\' && p[1] != '\0')
        p++;
      else if (strchr ("dDmMyY", *p) != NULL)
        return TRUE;
    }
  return FALSE;
}

static gboolean
builtin_is_date (guint id)
{
  return (id >= 14 && id <= 22) || (id >= 45 && id <= 47) || (id >= 27 && id <= 36) ||
         (id >= 50 && id <= 58);
}

static void
styles_start_cb (GMarkupParseContext  *context,
                 const char           *element_name,
                 const char          **names,
                 const char          **values,
                 gpointer              user_data,
                 GError              **error)
{
  Reader *r = user_data;
  const char *element = local_name (element_name);

  if (!enter (r, error))
    return;

  if (g_str_equal (element, "numFmt"))
    {
      const char *id = attribute (names, values, "numFmtId");
      const char *code = attribute (names, values, "formatCode");

      if (id != NULL && code != NULL && format_code_is_date (code))
        g_hash_table_add (r->date_formats, GUINT_TO_POINTER ((guint) atoi (id) + 1));
    }
  else if (g_str_equal (element, "cellXfs"))
    r->in_cell_xfs = TRUE;
  else if (g_str_equal (element, "xf") && r->in_cell_xfs)
    {
      const char *id_text = attribute (names, values, "numFmtId");
      guint id = id_text != NULL ? (guint) atoi (id_text) : 0;
      gboolean is_date = builtin_is_date (id) ||
                         g_hash_table_contains (r->date_formats, GUINT_TO_POINTER (id + 1));

      if (r->xf_is_date->len < 65536)
        g_array_append_val (r->xf_is_date, is_date);
    }
}

static void
styles_end_cb (GMarkupParseContext  *context,
               const char           *element_name,
               gpointer              user_data,
               GError              **error)
{
  Reader *r = user_data;

  r->depth--;
  if (g_str_equal (local_name (element_name), "cellXfs"))
    r->in_cell_xfs = FALSE;
}

/* "BC12" → column 55 (0-based); -1 when there are no letters. */
static int
reference_column (const char *reference)
{
  int column = 0;
  guint letters = 0;

  for (const char *p = reference; g_ascii_isalpha (*p); p++)
    {
      if (++letters > 3)
        return -1;
      column = column * 26 + (g_ascii_toupper (*p) - 'A' + 1);
    }
  return letters == 0 ? -1 : column - 1;
}

/* A serial day number as an ISO date (with the time when there is one). Excel's 1900
 * system counts the nonexistent 1900-02-29 as day 60, so days from 61 on are one late. */
static char *
serial_to_iso (double   serial,
               gboolean date1904)
{
  g_autoptr(GDateTime) base = NULL;
  g_autoptr(GDateTime) when = NULL;
  gint64 seconds;

  if (serial < 0 || serial > 2958465.0)    /* 9999-12-31 */
    return NULL;

  if (date1904)
    base = g_date_time_new_utc (1904, 1, 1, 0, 0, 0);
  else if (serial >= 61)
    base = g_date_time_new_utc (1899, 12, 30, 0, 0, 0);
  else
    base = g_date_time_new_utc (1899, 12, 31, 0, 0, 0);

  seconds = (gint64) (serial * 86400.0 + 0.5);
  when = g_date_time_add_seconds (base, (double) seconds);
  if (when == NULL)
    return NULL;
  if (seconds % 86400 == 0)
    return g_date_time_format (when, "%Y-%m-%d");
  return g_date_time_format (when, "%Y-%m-%dT%H:%M");
}

static char *
format_number (const char *text,
               gboolean    is_date,
               gboolean    date1904)
{
  char *end = NULL;
  double value = g_ascii_strtod (text, &end);

  if (end == text || *end != '\0')
    return g_strdup (text);

  if (is_date)
    {
      char *iso = serial_to_iso (value, date1904);

      if (iso != NULL)
        return iso;
    }

  /* Integers as integers (a document number stored as a number must not become
   * "1.2345678E8"); others as short as they round-trip. */
  if (value == (double) (gint64) value && value > -1e15 && value < 1e15)
    return g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) value);
  return g_strdup_printf ("%.15g", value);
}

static void
sheet_start_cb (GMarkupParseContext  *context,
                const char           *element_name,
                const char          **names,
                const char          **values,
                gpointer              user_data,
                GError              **error)
{
  Reader *r = user_data;
  const char *element = local_name (element_name);

  if (!enter (r, error))
    return;

  if (g_str_equal (element, "row"))
    {
      const char *number = attribute (names, values, "r");
      guint n = number != NULL ? (guint) strtoul (number, NULL, 10) : r->row_number + 1;

      if (r->sheet->rows->len >= TARMAC_SHEET_MAX_ROWS || n > 1048576)
        {
          g_set_error (error, TARMAC_SHEET_ERROR, TARMAC_SHEET_ERROR_TOO_LARGE,
                       _("The spreadsheet has more than %u rows"), TARMAC_SHEET_MAX_ROWS);
          return;
        }
      r->row_number = MAX (n, r->row_number + 1);
      r->column = 0;
      g_clear_pointer (&r->cells, g_ptr_array_unref);
      r->cells = g_ptr_array_new_with_free_func (g_free);
    }
  else if (g_str_equal (element, "c") && r->cells != NULL)
    {
      const char *reference = attribute (names, values, "r");
      const char *type = attribute (names, values, "t");
      const char *style = attribute (names, values, "s");
      int column = reference != NULL ? reference_column (reference) : -1;
      guint xf = style != NULL ? (guint) strtoul (style, NULL, 10) : 0;

      if (column >= 0)
        r->column = (guint) column;
      if (r->column >= TARMAC_SHEET_MAX_COLUMNS)
        {
          g_set_error (error, TARMAC_SHEET_ERROR, TARMAC_SHEET_ERROR_TOO_LARGE,
                       _("Row %u has more than %u columns"), r->row_number,
                       TARMAC_SHEET_MAX_COLUMNS);
          return;
        }
      g_strlcpy (r->cell_type, type != NULL ? type : "n", sizeof r->cell_type);
      r->cell_is_date = xf < r->xf_is_date->len &&
                        g_array_index (r->xf_is_date, gboolean, xf);
      g_string_truncate (r->text, 0);
    }
  else if (g_str_equal (element, "v"))
    r->in_value = TRUE;
  else if (g_str_equal (element, "t") && g_str_equal (r->cell_type, "inlineStr"))
    r->in_t = TRUE;
  else if (g_str_equal (element, "rPh"))
    r->in_phonetic = TRUE;
}

static void
sheet_end_cb (GMarkupParseContext  *context,
              const char           *element_name,
              gpointer              user_data,
              GError              **error)
{
  Reader *r = user_data;
  const char *element = local_name (element_name);

  r->depth--;

  if (g_str_equal (element, "v"))
    r->in_value = FALSE;
  else if (g_str_equal (element, "t"))
    r->in_t = FALSE;
  else if (g_str_equal (element, "rPh"))
    r->in_phonetic = FALSE;
  else if (g_str_equal (element, "c") && r->cells != NULL)
    {
      char *value;

      if (g_str_equal (r->cell_type, "s"))
        {
          char *end = NULL;
          guint64 index = g_ascii_strtoull (r->text->str, &end, 10);

          if (end == r->text->str || index >= r->strings->len)
            {
              tarmac_sheet_add_warning (r->sheet, "bad-string", r->row_number, r->column + 1,
                                        _("A cell refers to a shared string that does not "
                                          "exist"));
              value = g_strdup ("");
            }
          else
            value = g_strdup (g_ptr_array_index (r->strings, index));
        }
      else if (g_str_equal (r->cell_type, "n") || g_str_equal (r->cell_type, ""))
        value = format_number (r->text->str, r->cell_is_date, r->date1904);
      else if (g_str_equal (r->cell_type, "b"))
        value = g_strdup (g_str_equal (r->text->str, "1") ? "TRUE" : "FALSE");
      else
        value = g_strndup (r->text->str, r->text->len);    /* str, inlineStr, e, d */

      while (r->cells->len < r->column)
        g_ptr_array_add (r->cells, g_strdup (""));
      if (r->cells->len == r->column)
        g_ptr_array_add (r->cells, value);
      else
        {
          /* A cell repeating an earlier reference overwrites it. */
          g_free (g_ptr_array_index (r->cells, r->column));
          g_ptr_array_index (r->cells, r->column) = value;
        }
      r->column++;
      g_string_truncate (r->text, 0);
    }
  else if (g_str_equal (element, "row") && r->cells != NULL)
    tarmac_sheet_add_row (r->sheet, r->row_number, g_steal_pointer (&r->cells));
}

/**
 * tarmac_xlsx_read:
 * @data: (array length=length): the file's bytes
 * @length: their number
 * @error: return location for a #GError in %TARMAC_SHEET_ERROR
 *
 * Reads the first worksheet of an XLSX workbook into a table of cells.
 *
 * Returns: (transfer full): the table, or %NULL with @error set
 */
TarmacSheet *
tarmac_xlsx_read (const guint8  *data,
                  gsize          length,
                  GError       **error)
{
  static const GMarkupParser workbook_parser = { workbook_start_cb, leave_cb, NULL, NULL, NULL };
  static const GMarkupParser rels_parser = { rels_start_cb, leave_cb, NULL, NULL, NULL };
  static const GMarkupParser strings_parser = { strings_start_cb, strings_end_cb, text_cb,
                                                NULL, NULL };
  static const GMarkupParser styles_parser = { styles_start_cb, styles_end_cb, NULL, NULL,
                                               NULL };
  static const GMarkupParser sheet_parser = { sheet_start_cb, sheet_end_cb, text_cb, NULL,
                                              NULL };
  g_auto(Reader) r = { 0 };
  g_autoptr(TarmacZip) zip = NULL;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if ((zip = tarmac_zip_open (data, length, error)) == NULL)
    return NULL;

  r.strings = g_ptr_array_new_with_free_func (g_free);
  r.text = g_string_new (NULL);
  r.date_formats = g_hash_table_new (NULL, NULL);
  r.xf_is_date = g_array_new (FALSE, FALSE, sizeof (gboolean));
  r.sheet = tarmac_sheet_new ("xlsx");

  if (!tarmac_zip_has_entry (zip, "xl/workbook.xml"))
    {
      g_set_error (error, TARMAC_SHEET_ERROR, TARMAC_SHEET_ERROR_UNSUPPORTED,
                   _("The archive is not an Excel workbook (it has no xl/workbook.xml)"));
      return NULL;
    }
  if (!parse_part (&r, zip, "xl/workbook.xml", &workbook_parser, FALSE, error) ||
      !parse_part (&r, zip, "xl/_rels/workbook.xml.rels", &rels_parser, TRUE, error))
    return NULL;

  /* Without relationships, the first sheet's usual name. */
  if (r.sheet_target == NULL)
    r.sheet_target = g_strdup ("xl/worksheets/sheet1.xml");

  if (!parse_part (&r, zip, "xl/sharedStrings.xml", &strings_parser, TRUE, error) ||
      !parse_part (&r, zip, "xl/styles.xml", &styles_parser, TRUE, error))
    return NULL;

  r.in_t = r.in_phonetic = FALSE;
  g_string_truncate (r.text, 0);
  if (!parse_part (&r, zip, r.sheet_target, &sheet_parser, FALSE, error))
    return NULL;

  if (r.sheet->rows->len == 0)
    {
      g_set_error (error, TARMAC_SHEET_ERROR, TARMAC_SHEET_ERROR_EMPTY,
                   _("The spreadsheet's first sheet holds no rows"));
      return NULL;
    }

  return g_steal_pointer (&r.sheet);
}
