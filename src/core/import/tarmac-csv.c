/* tarmac-csv.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-csv"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tarmac-sheet.h"

/* CSV as station offices send it (formats.md §4.8): Excel's "CSV" with , or ; (the
 * latter where the decimal mark is a comma), "Unicode text" (UTF-16LE with a BOM,
 * tab-separated), exports from older systems in Windows-1252, and line ends of any kind.
 * Quoting follows RFC 4180; a stray quote inside an unquoted field is kept as text, as
 * Excel does. */

/* How many lines decide the delimiter. */
#define SNIFF_LINES 30

/* Windows-1252 0x80–0x9F to Unicode; 0 for the five undefined bytes (read as U+FFFD). */
static const gunichar cp1252_high[32] = {
  0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
  0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
  0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
};

static char *
decode_cp1252 (const guint8 *data,
               gsize         length)
{
  GString *out = g_string_sized_new (length + length / 8);

  for (gsize i = 0; i < length; i++)
    {
      guint8 byte = data[i];

      if (byte < 0x80)
        g_string_append_c (out, (char) byte);
      else if (byte < 0xA0)
        g_string_append_unichar (out, cp1252_high[byte - 0x80] != 0 ?
                                 cp1252_high[byte - 0x80] : 0xFFFD);
      else
        g_string_append_unichar (out, byte);
    }

  return g_string_free (out, FALSE);
}

/* UTF-16 without a BOM: NUL in every other byte of ASCII text. */
static const char *
guess_utf16 (const guint8 *data,
             gsize         length)
{
  guint even = 0;
  guint odd = 0;
  gsize n = MIN (length, 512) & ~(gsize) 1;

  for (gsize i = 0; i < n; i += 2)
    {
      even += data[i] == 0;
      odd += data[i + 1] == 0;
    }
  if (n >= 8 && odd * 10 >= n / 2 * 8 && even == 0)
    return "UTF-16LE";
  if (n >= 8 && even * 10 >= n / 2 * 8 && odd == 0)
    return "UTF-16BE";
  return NULL;
}

/* The file as UTF-8, and the encoding it was read as. */
static char *
decode (TarmacSheet   *sheet,
        const guint8  *data,
        gsize          length,
        GError       **error)
{
  const char *utf16 = NULL;
  gsize skip = 0;

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    skip = 3;
  else if (length >= 2 && data[0] == 0xFF && data[1] == 0xFE)
    utf16 = "UTF-16LE", skip = 2;
  else if (length >= 2 && data[0] == 0xFE && data[1] == 0xFF)
    utf16 = "UTF-16BE", skip = 2;
  else if ((utf16 = guess_utf16 (data, length)) != NULL)
    tarmac_sheet_add_warning (sheet, "encoding", 0, 0,
                              _("The file has no byte order mark; it was read as %s"),
                              utf16);

  if (utf16 != NULL)
    {
      g_autoptr(GError) local_error = NULL;
      gsize written = 0;
      char *text;

      sheet->encoding = utf16;
      text = g_convert ((const char *) data + skip, (length - skip) & ~(gsize) 1, "UTF-8",
                        utf16, NULL, &written, &local_error);
      if (text == NULL)
        {
          g_set_error (error, TARMAC_SHEET_ERROR, TARMAC_SHEET_ERROR_ENCODING,
                       _("The file is not valid %s text: %s"), utf16, local_error->message);
          return NULL;
        }
      if (memchr (text, '\0', written) != NULL)
        {
          g_free (text);
          g_set_error (error, TARMAC_SHEET_ERROR, TARMAC_SHEET_ERROR_ENCODING,
                       _("The file holds binary data, not text"));
          return NULL;
        }
      return text;
    }

  data += skip;
  length -= skip;
  if (memchr (data, '\0', length) != NULL)
    {
      g_set_error (error, TARMAC_SHEET_ERROR, TARMAC_SHEET_ERROR_ENCODING,
                   _("The file holds binary data, not text"));
      return NULL;
    }
  if (g_utf8_validate ((const char *) data, length, NULL))
    return g_strndup ((const char *) data, length);

  sheet->encoding = "WINDOWS-1252";
  tarmac_sheet_add_warning (sheet, "encoding", 0, 0,
                            _("The file is not UTF-8; it was read as Windows-1252 "
                              "(Western European)"));
  return decode_cp1252 (data, length);
}

/* The delimiter that splits the first lines most consistently into two fields or more:
 * the number of lines sharing the most common field count, title rows aside. */
static char
detect_delimiter (const char *text)
{
  static const char candidates[] = { ',', ';', '\t', '|' };
  char best = ',';
  guint best_score = 0;

  for (guint d = 0; d < G_N_ELEMENTS (candidates); d++)
    {
      guint counts[SNIFF_LINES] = { 0 };
      guint n_lines = 0;
      guint fields = 1;
      gboolean quoted = FALSE;
      guint score = 0;

      for (const char *p = text; *p != '\0' && n_lines < SNIFF_LINES; p++)
        {
          if (*p == '"')
            quoted = !quoted;
          else if (!quoted && *p == candidates[d])
            fields++;
          else if (!quoted && (*p == '\n' || *p == '\r'))
            {
              if (*p == '\r' && p[1] == '\n')
                p++;
              counts[n_lines++] = fields;
              fields = 1;
            }
        }
      if (n_lines < SNIFF_LINES && fields > 1)
        counts[n_lines++] = fields;

      for (guint i = 0; i < n_lines; i++)
        {
          guint same = 0;

          if (counts[i] < 2)
            continue;
          for (guint j = 0; j < n_lines; j++)
            same += counts[j] == counts[i];
          /* More fields break ties: "a;b,c;d" is two fields on ',' but three on ';'. */
          if (same * 256 + counts[i] > score)
            score = same * 256 + MIN (counts[i], 255);
        }

      if (score > best_score)
        {
          best_score = score;
          best = candidates[d];
        }
    }

  return best;
}

static gboolean
add_cell (TarmacSheet  *sheet,
          GPtrArray    *cells,
          GString      *cell,
          guint         line,
          GError      **error)
{
  if (cells->len >= TARMAC_SHEET_MAX_COLUMNS)
    {
      g_set_error (error, TARMAC_SHEET_ERROR, TARMAC_SHEET_ERROR_TOO_LARGE,
                   _("Line %u has more than %u columns"), line, TARMAC_SHEET_MAX_COLUMNS);
      return FALSE;
    }
  g_ptr_array_add (cells, g_strndup (cell->str, cell->len));
  g_string_truncate (cell, 0);
  return TRUE;
}

/**
 * tarmac_csv_read:
 * @data: (array length=length): the file's bytes
 * @length: their number
 * @error: return location for a #GError in %TARMAC_SHEET_ERROR
 *
 * Reads a CSV file into a table of cells (see the comment at the top of the file for
 * what it accepts). Row numbers are the lines the rows start on.
 *
 * Returns: (transfer full): the table, or %NULL with @error set
 */
TarmacSheet *
tarmac_csv_read (const guint8  *data,
                 gsize          length,
                 GError       **error)
{
  g_autoptr(TarmacSheet) sheet = tarmac_sheet_new ("csv");
  g_autoptr(GPtrArray) cells = NULL;
  g_autoptr(GString) cell = g_string_new (NULL);
  g_autofree char *text = NULL;
  const char *p;
  guint line = 1;
  guint row_line = 1;
  guint quote_line = 0;
  gboolean quoted = FALSE;
  gboolean was_quoted = FALSE;
  char delimiter;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if ((text = decode (sheet, data, length, error)) == NULL)
    return NULL;

  delimiter = sheet->delimiter = detect_delimiter (text);
  cells = g_ptr_array_new_with_free_func (g_free);

  for (p = text; ; p++)
    {
      char c = *p;

      if (c == '\0' && quoted)
        {
          tarmac_sheet_add_warning (sheet, "unterminated-quote", quote_line, cells->len + 1,
                                    _("A quote opened on line %u is never closed; the "
                                      "rest of the file was read as one cell"), quote_line);
          quoted = FALSE;
        }

      if (quoted)
        {
          if (c == '"' && p[1] == '"')
            {
              g_string_append_c (cell, '"');
              p++;
            }
          else if (c == '"')
            quoted = FALSE;
          else
            {
              if (c == '\n' || (c == '\r' && p[1] != '\n'))
                line++;
              g_string_append_c (cell, c);
            }
        }
      else if (c == '"' && cell->len == 0 && !was_quoted)
        {
          quoted = was_quoted = TRUE;
          quote_line = line;
        }
      else if (c == delimiter)
        {
          if (!add_cell (sheet, cells, cell, row_line, error))
            return NULL;
          was_quoted = FALSE;
        }
      else if (c == '\n' || c == '\r' || c == '\0')
        {
          if (!add_cell (sheet, cells, cell, row_line, error))
            return NULL;
          was_quoted = FALSE;
          if (sheet->rows->len >= TARMAC_SHEET_MAX_ROWS)
            {
              g_set_error (error, TARMAC_SHEET_ERROR, TARMAC_SHEET_ERROR_TOO_LARGE,
                           _("The file has more than %u rows"), TARMAC_SHEET_MAX_ROWS);
              return NULL;
            }
          tarmac_sheet_add_row (sheet, row_line, g_steal_pointer (&cells));
          cells = g_ptr_array_new_with_free_func (g_free);
          if (c == '\0')
            break;
          if (c == '\r' && p[1] == '\n')
            p++;
          row_line = ++line;
        }
      else if (was_quoted && c != ' ')
        {
          /* Text after a closing quote ("abc"def): keep it, as spreadsheets do. */
          g_string_append_c (cell, c);
        }
      else if (!was_quoted)
        g_string_append_c (cell, c);

      if (cell->len > TARMAC_SHEET_MAX_CELL)
        {
          g_set_error (error, TARMAC_SHEET_ERROR, TARMAC_SHEET_ERROR_TOO_LARGE,
                       _("A cell on line %u is longer than %u bytes"), row_line,
                       TARMAC_SHEET_MAX_CELL);
          return NULL;
        }
    }

  if (sheet->rows->len == 0)
    {
      g_set_error (error, TARMAC_SHEET_ERROR, TARMAC_SHEET_ERROR_EMPTY,
                   _("The file holds no rows"));
      return NULL;
    }

  return g_steal_pointer (&sheet);
}
