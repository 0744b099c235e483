/* tarmac-list-csv.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-list-csv"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "tarmac-list-csv.h"
#include "tarmac-watchlist-data.h"

void
tarmac_csv_reader_init (TarmacCsvReader *reader,
                        const char      *data,
                        gsize            length,
                        char             delimiter)
{
  memset (reader, 0, sizeof *reader);
  reader->data = data;
  reader->length = length;
  reader->delimiter = delimiter;
  reader->next_line = 1;
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    reader->position = 3;
}

/* The delimiter of the first line: the one of , ; TAB | that occurs most outside quotes. */
char
tarmac_csv_guess_delimiter (const char *data,
                            gsize       length)
{
  const char candidates[] = { ',', ';', '\t', '|' };
  guint counts[G_N_ELEMENTS (candidates)] = { 0 };
  gboolean quoted = FALSE;
  guint best = 0;

  for (gsize i = 0; i < length && data[i] != '\n'; i++)
    {
      if (data[i] == '"')
        quoted = !quoted;
      else if (!quoted)
        for (guint k = 0; k < G_N_ELEMENTS (candidates); k++)
          if (data[i] == candidates[k])
            counts[k]++;
    }
  for (guint k = 1; k < G_N_ELEMENTS (candidates); k++)
    if (counts[k] > counts[best])
      best = k;
  return candidates[best];
}

/**
 * tarmac_csv_reader_next:
 * @fields: (element-type utf8): emptied, then filled with the record's fields
 *
 * Returns: %TRUE when a record was read; %FALSE at the end (@error unset) or on an error
 */
gboolean
tarmac_csv_reader_next (TarmacCsvReader  *reader,
                        GPtrArray        *fields,
                        const char       *file_name,
                        GError          **error)
{
  GString *field = g_string_new (NULL);
  gboolean quoted = FALSE, was_quoted = FALSE;
  const char *p = reader->data;
  gsize i = reader->position;

  g_ptr_array_set_size (fields, 0);

  /* Blank lines between records say nothing. */
  while (i < reader->length && (p[i] == '\n' || p[i] == '\r'))
    {
      if (p[i] == '\n')
        reader->next_line++;
      i++;
    }
  if (i >= reader->length)
    {
      reader->position = i;
      g_string_free (field, TRUE);
      return FALSE;
    }
  reader->line = reader->next_line;

  for (;; i++)
    {
      char c = i < reader->length ? p[i] : '\0';
      gboolean end = i >= reader->length;

      if (quoted)
        {
          if (end)
            {
              g_set_error (error, TARMAC_WATCHLIST_ERROR, TARMAC_WATCHLIST_ERROR_FORMAT,
                           /* Translators: a CSV file name and the line a quoted field opens on */
                           _("%s, line %u: a quoted field is never closed"), file_name,
                           reader->line);
              g_string_free (field, TRUE);
              return FALSE;
            }
          if (c == '"')
            {
              if (i + 1 < reader->length && p[i + 1] == '"')
                {
                  g_string_append_c (field, '"');
                  i++;
                }
              else
                quoted = FALSE;
              continue;
            }
          if (c == '\n')
            reader->next_line++;
          g_string_append_c (field, c);
        }
      else if (!end && c == '"' && field->len == 0 && !was_quoted)
        {
          quoted = was_quoted = TRUE;
          continue;
        }
      else if (end || c == reader->delimiter || c == '\n' || c == '\r')
        {
          if (fields->len >= TARMAC_CSV_MAX_FIELDS)
            {
              g_set_error (error, TARMAC_WATCHLIST_ERROR, TARMAC_WATCHLIST_ERROR_TOO_LARGE,
                           _("%s, line %u: more than %u fields"), file_name, reader->line,
                           (guint) TARMAC_CSV_MAX_FIELDS);
              g_string_free (field, TRUE);
              return FALSE;
            }
          g_ptr_array_add (fields, g_strdup (field->str));
          g_string_truncate (field, 0);
          was_quoted = FALSE;
          if (end || c != reader->delimiter)
            {
              if (!end && c == '\r' && i + 1 < reader->length && p[i + 1] == '\n')
                i++;
              if (!end)
                {
                  reader->next_line++;
                  i++;
                }
              break;
            }
          continue;
        }
      else
        g_string_append_c (field, c);

      if (field->len > TARMAC_CSV_MAX_FIELD_LENGTH)
        {
          g_set_error (error, TARMAC_WATCHLIST_ERROR, TARMAC_WATCHLIST_ERROR_TOO_LARGE,
                       _("%s, line %u: a field is longer than %u bytes"), file_name,
                       reader->line, (guint) TARMAC_CSV_MAX_FIELD_LENGTH);
          g_string_free (field, TRUE);
          return FALSE;
        }
    }

  reader->position = i;
  g_string_free (field, TRUE);
  return TRUE;
}
