/* tarmac-watchlist-load.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-watchlist"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "tarmac-list-csv.h"
#include "tarmac-watchlist-data.h"

/* An OFAC sdn.csv has no header: its first record starts with the entry number and has
 * twelve fields. */
static gboolean
looks_like_ofac (const char *data,
                 gsize       length)
{
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  TarmacCsvReader reader;
  const char *first;

  tarmac_csv_reader_init (&reader, data, MIN (length, 64 * 1024), ',');
  if (!tarmac_csv_reader_next (&reader, fields, "", NULL) || fields->len != 12)
    return FALSE;
  first = g_ptr_array_index (fields, 0);
  for (const char *p = first; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return first[0] != '\0';
}

/**
 * tarmac_watchlist_load:
 * @path: a list file: UN Consolidated List XML, OFAC sdn.csv (alt.csv and add.csv beside
 *   it), a Tarmac persons CSV or a documents CSV
 * @kind: (nullable): "persons" or "documents" to say what a CSV holds, or %NULL to tell
 *   from its content
 *
 * Reads a list file into memory, telling the format from its content.
 *
 * Returns: (transfer full): the list, or %NULL with @error naming the file and position
 */
TarmacWatchlistData *
tarmac_watchlist_load (const char  *path,
                       const char  *kind,
                       GError     **error)
{
  g_autoptr(GMappedFile) file = NULL;
  g_autofree char *base = g_path_get_basename (path);
  TarmacWatchlistData *list;
  const char *data;
  gsize length, start = 0;

  if (kind != NULL && !g_str_equal (kind, "persons") && !g_str_equal (kind, "documents"))
    {
      g_set_error (error, TARMAC_WATCHLIST_ERROR, TARMAC_WATCHLIST_ERROR_FORMAT,
                   _("A list holds persons or documents, not “%s”"), kind);
      return NULL;
    }

  file = g_mapped_file_new (path, FALSE, error);
  if (file == NULL)
    return NULL;
  data = g_mapped_file_get_contents (file);
  length = g_mapped_file_get_length (file);

  if (length > TARMAC_WATCHLIST_MAX_FILE_SIZE)
    {
      g_set_error (error, TARMAC_WATCHLIST_ERROR, TARMAC_WATCHLIST_ERROR_TOO_LARGE,
                   _("%s: the file is too large"), base);
      return NULL;
    }
  if (length == 0)
    {
      g_set_error (error, TARMAC_WATCHLIST_ERROR, TARMAC_WATCHLIST_ERROR_EMPTY,
                   _("%s: the file is empty"), base);
      return NULL;
    }
  if (!g_utf8_validate (data, length, NULL))
    {
      g_set_error (error, TARMAC_WATCHLIST_ERROR, TARMAC_WATCHLIST_ERROR_FORMAT,
                   _("%s: the file is not UTF-8 text"), base);
      return NULL;
    }

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    start = 3;
  while (start < length && g_ascii_isspace (data[start]))
    start++;

  if (start < length && data[start] == '<')
    {
      if (g_strstr_len (data, MIN (length, 4096), "CONSOLIDATED_LIST") == NULL)
        {
          g_set_error (error, TARMAC_WATCHLIST_ERROR, TARMAC_WATCHLIST_ERROR_FORMAT,
                       _("%s: an XML file, but not the UN Consolidated List"), base);
          return NULL;
        }
      list = tarmac_watchlist_load_un (data, length, base, error);
    }
  else if ((kind == NULL || g_str_equal (kind, "persons")) && looks_like_ofac (data, length))
    list = tarmac_watchlist_load_ofac (path, error);
  else
    list = tarmac_watchlist_load_csv (data, length, base, kind, error);

  if (list != NULL && list->default_name == NULL)
    {
      char *dot = strrchr (base, '.');

      if (dot != NULL && dot != base)
        *dot = '\0';
      list->default_name = g_strdup (base);
    }
  return list;
}
