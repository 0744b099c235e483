/* tarmac-watchlist-csv.c
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

/*
 * Two CSV formats of ours (documented in README.md, templates in data/watchlists/):
 *
 *  - the Tarmac CSV for national lists (research/screening.md §4.4): one person a row,
 *    entry_id plus surname/given_names or full_name, and optional name_original_script,
 *    aliases ("|"-separated, ";q=low" marks a weak one), dob ("|"-separated YYYY,
 *    YYYY-MM, YYYY-MM-DD or YYYY/YYYY), dob_approx, gender, nationalities, documents
 *    ("type:country:number", "|"-separated), category, remarks, action_code, valid_from,
 *    valid_to;
 *  - the stolen and lost documents CSV (§4.3): document_number plus document_type,
 *    issuing_country, status, reported_date, source_reference and, for personalised
 *    documents, surname, given_names, dob.
 *
 * Columns are found by their header names, in any order and case; unknown columns are
 * ignored. A row that breaks the format refuses the whole file, naming its line.
 */

typedef enum
{
  COL_ENTRY_ID, COL_CATEGORY, COL_SURNAME, COL_GIVEN_NAMES, COL_FULL_NAME,
  COL_ORIGINAL_SCRIPT, COL_ALIASES, COL_DOB, COL_DOB_APPROX, COL_GENDER, COL_NATIONALITIES,
  COL_DOCUMENTS, COL_REMARKS, COL_ACTION_CODE, COL_VALID_FROM, COL_VALID_TO,
  COL_DOCUMENT_NUMBER, COL_DOCUMENT_TYPE, COL_ISSUING_COUNTRY, COL_STATUS, COL_REPORTED_DATE,
  COL_SOURCE_REFERENCE,
  N_COLUMNS
} Column;

static const char *const column_names[N_COLUMNS] = {
  "entry_id", "category", "surname", "given_names", "full_name", "name_original_script",
  "aliases", "dob", "dob_approx", "gender", "nationalities", "documents", "remarks",
  "action_code", "valid_from", "valid_to", "document_number", "document_type",
  "issuing_country", "status", "reported_date", "source_reference",
};

typedef struct
{
  int        index[N_COLUMNS];
  GPtrArray *fields;
} Row;

static const char *
get (Row    *row,
     Column  column)
{
  const char *value;

  if (row->index[column] < 0 || (guint) row->index[column] >= row->fields->len)
    return NULL;
  value = g_ptr_array_index (row->fields, row->index[column]);
  while (*value == ' ')
    value++;
  return value[0] != '\0' ? value : NULL;
}

static gboolean
is_true (const char *value)
{
  return value != NULL && (g_ascii_strcasecmp (value, "yes") == 0 ||
                           g_ascii_strcasecmp (value, "true") == 0 ||
                           g_str_equal (value, "1") || g_ascii_strcasecmp (value, "oui") == 0 ||
                           g_ascii_strcasecmp (value, "sí") == 0 ||
                           g_ascii_strcasecmp (value, "si") == 0 ||
                           g_ascii_strcasecmp (value, "sim") == 0);
}

static gboolean
valid_date (const char *value)
{
  TarmacDob dob;

  return value == NULL || (tarmac_dob_parse (value, &dob) && dob.kind == TARMAC_DOB_EXACT);
}

static gboolean
add_dobs (TarmacWatchlistEntry  *entry,
          const char            *value,
          gboolean               approximate,
          const char            *file_name,
          guint                  line,
          GError               **error)
{
  g_auto(GStrv) forms = NULL;

  if (value == NULL)
    return TRUE;
  forms = g_strsplit (value, "|", 16);
  for (guint i = 0; forms[i] != NULL; i++)
    {
      TarmacDob dob;

      if (!tarmac_dob_parse (g_strstrip (forms[i]), &dob))
        {
          g_set_error (error, TARMAC_WATCHLIST_ERROR, TARMAC_WATCHLIST_ERROR_FORMAT,
                       _("%s, line %u: “%s” is not a date of birth (YYYY, YYYY-MM, YYYY-MM-DD "
                         "or YYYY/YYYY)"), file_name, line, forms[i]);
          return FALSE;
        }
      if (approximate && dob.kind != TARMAC_DOB_RANGE)
        dob.kind = TARMAC_DOB_APPROXIMATE;
      g_array_append_val (entry->dobs, dob);
    }
  return TRUE;
}

static void
set_sex (TarmacWatchlistEntry *entry,
         const char           *value)
{
  if (value == NULL)
    return;
  if (g_ascii_tolower (value[0]) == 'm' || g_ascii_tolower (value[0]) == 'h')
    entry->sex = g_strdup ("M");
  else if (g_ascii_tolower (value[0]) == 'f')
    entry->sex = g_strdup ("F");
}

static char *
joined_name (Row *row)
{
  const char *full = get (row, COL_FULL_NAME);
  const char *surname = get (row, COL_SURNAME);
  const char *given = get (row, COL_GIVEN_NAMES);

  if (surname != NULL || given != NULL)
    return g_strjoin (" ", given != NULL ? given : "", surname != NULL ? surname : "", NULL);
  return full != NULL ? g_strdup (full) : NULL;
}

static gboolean
read_person (TarmacWatchlistData  *list,
             Row                  *row,
             const char           *file_name,
             guint                 line,
             GError              **error)
{
  g_autoptr(TarmacWatchlistEntry) entry = NULL;
  g_autofree char *name = joined_name (row);
  const char *id = get (row, COL_ENTRY_ID);
  const char *value;

  if (id == NULL || name == NULL || g_strstrip (name)[0] == '\0')
    {
      g_set_error (error, TARMAC_WATCHLIST_ERROR, TARMAC_WATCHLIST_ERROR_FORMAT,
                   _("%s, line %u: an entry needs an entry_id and a name"), file_name, line);
      return FALSE;
    }

  entry = tarmac_watchlist_entry_new (id, "person");
  tarmac_watchlist_entry_add_name (entry, name, TARMAC_NAME_QUALITY_PRIMARY);
  if (get (row, COL_FULL_NAME) != NULL)
    tarmac_watchlist_entry_add_name (entry, get (row, COL_FULL_NAME), TARMAC_NAME_QUALITY_STRONG);
  tarmac_watchlist_entry_add_name (entry, get (row, COL_ORIGINAL_SCRIPT),
                                   TARMAC_NAME_QUALITY_STRONG);

  if ((value = get (row, COL_ALIASES)) != NULL)
    {
      g_auto(GStrv) aliases = g_strsplit (value, "|", TARMAC_WATCHLIST_MAX_NAMES);

      for (guint i = 0; aliases[i] != NULL; i++)
        {
          char *quality = strstr (aliases[i], ";q=");
          gboolean weak = quality != NULL && g_ascii_strncasecmp (quality + 3, "low", 3) == 0;

          if (quality != NULL)
            *quality = '\0';
          tarmac_watchlist_entry_add_name (entry, aliases[i], weak ? TARMAC_NAME_QUALITY_WEAK
                                                                   : TARMAC_NAME_QUALITY_STRONG);
        }
    }

  if (!add_dobs (entry, get (row, COL_DOB), is_true (get (row, COL_DOB_APPROX)), file_name,
                 line, error))
    return FALSE;
  set_sex (entry, get (row, COL_GENDER));

  if ((value = get (row, COL_NATIONALITIES)) != NULL)
    {
      g_auto(GStrv) countries = g_strsplit (value, "|", 32);

      for (guint i = 0; countries[i] != NULL; i++)
        tarmac_watchlist_entry_add_nationality (entry, countries[i]);
    }

  if ((value = get (row, COL_DOCUMENTS)) != NULL)
    {
      g_auto(GStrv) documents = g_strsplit (value, "|", 64);

      for (guint i = 0; documents[i] != NULL; i++)
        {
          g_auto(GStrv) parts = g_strsplit (documents[i], ":", 3);

          if (g_strv_length (parts) != 3)
            {
              g_set_error (error, TARMAC_WATCHLIST_ERROR, TARMAC_WATCHLIST_ERROR_FORMAT,
                           _("%s, line %u: “%s” is not a document (type:country:number)"),
                           file_name, line, documents[i]);
              return FALSE;
            }
          tarmac_watchlist_entry_add_document (entry, parts[0], parts[2],
                                               parts[1][0] != '\0' ? parts[1] : NULL);
        }
    }

  if (!valid_date (get (row, COL_VALID_FROM)) || !valid_date (get (row, COL_VALID_TO)))
    {
      g_set_error (error, TARMAC_WATCHLIST_ERROR, TARMAC_WATCHLIST_ERROR_FORMAT,
                   _("%s, line %u: valid_from and valid_to are dates (YYYY-MM-DD)"),
                   file_name, line);
      return FALSE;
    }
  entry->category = g_strdup (get (row, COL_CATEGORY));
  entry->reason = g_strdup (get (row, COL_REMARKS));
  entry->reference = g_strdup (get (row, COL_ACTION_CODE));
  entry->listed_on = g_strdup (get (row, COL_VALID_FROM));
  entry->expires_at = g_strdup (get (row, COL_VALID_TO));

  g_ptr_array_add (list->entries, g_steal_pointer (&entry));
  return TRUE;
}

static gboolean
read_document (TarmacWatchlistData  *list,
               Row                  *row,
               const char           *file_name,
               guint                 line,
               GError              **error)
{
  g_autoptr(TarmacWatchlistEntry) entry = NULL;
  g_autofree char *name = joined_name (row);
  g_autofree char *id = NULL;
  TarmacWatchlistDocument *document;
  const char *number = get (row, COL_DOCUMENT_NUMBER);
  const char *country = get (row, COL_ISSUING_COUNTRY);
  const char *type = get (row, COL_DOCUMENT_TYPE);
  const char *status = get (row, COL_STATUS);

  if (number == NULL)
    {
      g_set_error (error, TARMAC_WATCHLIST_ERROR, TARMAC_WATCHLIST_ERROR_FORMAT,
                   _("%s, line %u: a document needs a document_number"), file_name, line);
      return FALSE;
    }

  id = get (row, COL_SOURCE_REFERENCE) != NULL
         ? g_strdup (get (row, COL_SOURCE_REFERENCE))
         : g_strdup_printf ("%s:%s:%s", type != NULL ? type : "",
                            country != NULL ? country : "", number);
  entry = tarmac_watchlist_entry_new (id, "document");
  document = tarmac_watchlist_entry_add_document (entry, type, number, country);
  if (document == NULL)
    {
      g_set_error (error, TARMAC_WATCHLIST_ERROR, TARMAC_WATCHLIST_ERROR_FORMAT,
                   _("%s, line %u: “%s” is not a document number"), file_name, line, number);
      return FALSE;
    }
  if (status != NULL)
    {
      g_autofree char *lower = g_ascii_strdown (status, -1);

      if (!g_str_equal (lower, "stolen") && !g_str_equal (lower, "lost") &&
          !g_str_equal (lower, "revoked") && !g_str_equal (lower, "invalid"))
        {
          g_set_error (error, TARMAC_WATCHLIST_ERROR, TARMAC_WATCHLIST_ERROR_FORMAT,
                       _("%s, line %u: status is stolen, lost, revoked or invalid, not “%s”"),
                       file_name, line, status);
          return FALSE;
        }
      document->status = g_steal_pointer (&lower);
    }
  if (name != NULL && g_strstrip (name)[0] != '\0')
    tarmac_watchlist_entry_add_name (entry, name, TARMAC_NAME_QUALITY_PRIMARY);
  if (!add_dobs (entry, get (row, COL_DOB), FALSE, file_name, line, error))
    return FALSE;
  if (!valid_date (get (row, COL_REPORTED_DATE)))
    {
      g_set_error (error, TARMAC_WATCHLIST_ERROR, TARMAC_WATCHLIST_ERROR_FORMAT,
                   _("%s, line %u: reported_date is a date (YYYY-MM-DD)"), file_name, line);
      return FALSE;
    }
  entry->listed_on = g_strdup (get (row, COL_REPORTED_DATE));
  entry->category = g_strdup (document->status);

  g_ptr_array_add (list->entries, g_steal_pointer (&entry));
  return TRUE;
}

/**
 * tarmac_watchlist_load_csv:
 * @kind: (nullable): "persons" or "documents", or %NULL to tell from the header
 *
 * Returns: (transfer full): the list, or %NULL with @error naming the file and line
 */
TarmacWatchlistData *
tarmac_watchlist_load_csv (const char  *data,
                           gsize        length,
                           const char  *file_name,
                           const char  *kind,
                           GError     **error)
{
  g_autoptr(TarmacWatchlistData) list = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) local_error = NULL;
  TarmacCsvReader reader;
  Row row;
  gboolean documents;

  /* Every text we keep, and every error message that quotes a field, must be UTF-8. */
  if (!g_utf8_validate (data, length, NULL))
    {
      g_set_error (error, TARMAC_WATCHLIST_ERROR, TARMAC_WATCHLIST_ERROR_FORMAT,
                   _("%s: the file is not UTF-8 text"), file_name);
      return NULL;
    }

  row.fields = g_ptr_array_new_with_free_func (g_free);
  tarmac_csv_reader_init (&reader, data, length, tarmac_csv_guess_delimiter (data, length));

  if (!tarmac_csv_reader_next (&reader, row.fields, file_name, error))
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, TARMAC_WATCHLIST_ERROR, TARMAC_WATCHLIST_ERROR_EMPTY,
                     _("%s: the file is empty"), file_name);
      g_ptr_array_unref (row.fields);
      return NULL;
    }

  for (guint c = 0; c < N_COLUMNS; c++)
    {
      row.index[c] = -1;
      for (guint i = 0; i < row.fields->len; i++)
        {
          g_autofree char *header = g_strstrip (g_ascii_strdown (g_ptr_array_index (row.fields,
                                                                                    i), -1));

          if (g_str_equal (header, column_names[c]))
            row.index[c] = i;
        }
    }

  documents = kind != NULL ? g_str_equal (kind, "documents")
                           : (row.index[COL_DOCUMENT_NUMBER] >= 0 && row.index[COL_ENTRY_ID] < 0);
  if (documents && row.index[COL_DOCUMENT_NUMBER] < 0)
    {
      g_set_error (error, TARMAC_WATCHLIST_ERROR, TARMAC_WATCHLIST_ERROR_FORMAT,
                   _("%s, line 1: a documents list needs a document_number column"), file_name);
      g_ptr_array_unref (row.fields);
      return NULL;
    }
  if (!documents && (row.index[COL_ENTRY_ID] < 0 ||
                     (row.index[COL_SURNAME] < 0 && row.index[COL_FULL_NAME] < 0)))
    {
      g_set_error (error, TARMAC_WATCHLIST_ERROR, TARMAC_WATCHLIST_ERROR_FORMAT,
                   _("%s, line 1: a persons list needs entry_id and surname or full_name "
                     "columns"), file_name);
      g_ptr_array_unref (row.fields);
      return NULL;
    }

  if (documents)
    list = tarmac_watchlist_data_new ("documents-csv", NULL, "documents");
  else
    list = tarmac_watchlist_data_new ("tarmac-csv", NULL, "persons");

  while (tarmac_csv_reader_next (&reader, row.fields, file_name, &local_error))
    {
      TarmacWatchlistEntry *entry;
      gboolean ok;

      if (list->entries->len >= TARMAC_WATCHLIST_MAX_ENTRIES)
        {
          g_set_error (&local_error, TARMAC_WATCHLIST_ERROR, TARMAC_WATCHLIST_ERROR_TOO_LARGE,
                       _("%s: more than %u entries"), file_name,
                       (guint) TARMAC_WATCHLIST_MAX_ENTRIES);
          break;
        }
      ok = documents ? read_document (list, &row, file_name, reader.line, &local_error)
                     : read_person (list, &row, file_name, reader.line, &local_error);
      if (!ok)
        break;

      entry = g_ptr_array_index (list->entries, list->entries->len - 1);
      if (g_hash_table_contains (seen, entry->external_id))
        {
          g_set_error (&local_error, TARMAC_WATCHLIST_ERROR, TARMAC_WATCHLIST_ERROR_FORMAT,
                       _("%s, line %u: entry “%s” appears twice"), file_name, reader.line,
                       entry->external_id);
          break;
        }
      g_hash_table_add (seen, g_strdup (entry->external_id));
    }
  g_ptr_array_unref (row.fields);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (list->entries->len == 0)
    {
      g_set_error (error, TARMAC_WATCHLIST_ERROR, TARMAC_WATCHLIST_ERROR_EMPTY,
                   _("%s: the list has no entries"), file_name);
      return NULL;
    }

  return g_steal_pointer (&list);
}
