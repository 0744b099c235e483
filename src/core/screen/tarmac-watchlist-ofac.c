/* tarmac-watchlist-ofac.c
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
 * The OFAC SDN legacy CSV set (research/screening.md §4.2): sdn.csv (no header; ent_num,
 * name, type, programs, title, call sign, vessel fields, remarks; "-0-" is null), alt.csv
 * (ent_num, alt_num, aka/fka/nka, name, remarks) and add.csv (ent_num, add_num, address,
 * city, country, remarks). alt.csv and add.csv are found next to sdn.csv, their names made
 * by replacing "sdn" in its name ("test_sdn.csv" → "test_alt.csv").
 *
 * DOBs, nationalities, documents and gender are packed in the remarks ("DOB 19 Jun 1951;
 * POB Giza, Egypt; Passport 1084010 (Egypt); alt. Passport 19820215; Gender Male."): they
 * are read from there.
 */

static const char *
field (GPtrArray *fields,
       guint      index)
{
  const char *value;

  if (index >= fields->len)
    return NULL;
  value = g_ptr_array_index (fields, index);
  while (*value == ' ')
    value++;
  if (g_str_has_prefix (value, "-0-") || value[0] == '\0')
    return NULL;
  return value;
}

/* "Passport 1084010 (Egypt)", "National ID No. 123 (Iraq)", "Cedula No. 9 (Colombia)". */
static void
add_remark_document (TarmacWatchlistEntry *entry,
                     const char           *item)
{
  g_autofree char *type = NULL;
  g_autofree char *country = NULL;
  g_autofree char *number = NULL;
  const char *open = strchr (item, '(');
  g_auto(GStrv) words = NULL;
  g_autofree char *head = NULL;

  head = open != NULL ? g_strndup (item, open - item) : g_strdup (item);
  if (open != NULL)
    {
      const char *close = strchr (open, ')');

      country = close != NULL ? g_strndup (open + 1, close - open - 1) : g_strdup (open + 1);
    }

  /* The number is the first word with a digit in it; the type is what comes before. */
  words = g_strsplit (g_strstrip (head), " ", -1);
  for (guint i = 1; words[i] != NULL && number == NULL; i++)
    {
      gboolean digit = FALSE;

      for (const char *p = words[i]; *p != '\0'; p++)
        digit |= g_ascii_isdigit (*p);
      if (digit)
        {
          GString *kind = g_string_new (NULL);

          for (guint j = 0; j < i; j++)
            g_string_append_printf (kind, "%s%s", j > 0 ? " " : "", words[j]);
          type = g_string_free (kind, FALSE);
          number = g_strdup (words[i]);
        }
    }
  if (number != NULL)
    tarmac_watchlist_entry_add_document (entry, type, number, country);
}

static gboolean
is_document_remark (const char *item)
{
  static const char *const kinds[] = {
    "Passport", "National ID", "Cedula", "Identification Number", "D.N.I.", "NIT #",
    "Tax ID", "Residency Number", "Personal ID", "C.U.R.P.", "Visa Number", "Driver's License",
    "SSN", "Refugee ID",
  };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_str_has_prefix (item, kinds[i]))
      return TRUE;
  return FALSE;
}

static void
parse_remarks (TarmacWatchlistEntry *entry,
               const char           *remarks)
{
  g_auto(GStrv) items = g_strsplit (remarks, ";", -1);

  for (guint i = 0; items[i] != NULL; i++)
    {
      char *item = g_strstrip (items[i]);
      gsize len = strlen (item);

      if (len > 0 && item[len - 1] == '.')
        item[len - 1] = '\0';
      if (g_str_has_prefix (item, "alt. "))
        item += strlen ("alt. ");

      if (g_str_has_prefix (item, "DOB "))
        {
          TarmacDob dob;

          if (tarmac_dob_parse (item + 4, &dob) && entry->dobs->len < 32)
            g_array_append_val (entry->dobs, dob);
        }
      else if (g_str_has_prefix (item, "nationality "))
        tarmac_watchlist_entry_add_nationality (entry, item + strlen ("nationality "));
      else if (g_str_has_prefix (item, "citizen "))
        tarmac_watchlist_entry_add_nationality (entry, item + strlen ("citizen "));
      else if (g_str_has_prefix (item, "Gender "))
        {
          /* A record may say it twice: the last one stands (found by fuzz-list-ofac). */
          if (g_str_has_prefix (item + 7, "Male"))
            {
              g_free (entry->sex);
              entry->sex = g_strdup ("M");
            }
          else if (g_str_has_prefix (item + 7, "Female"))
            {
              g_free (entry->sex);
              entry->sex = g_strdup ("F");
            }
        }
      else if (g_str_has_prefix (item, "a.k.a. "))
        {
          g_autofree char *alias = g_strdup (item + strlen ("a.k.a. "));

          g_strdelimit (alias, "'", ' ');
          tarmac_watchlist_entry_add_name (entry, alias, TARMAC_NAME_QUALITY_STRONG);
        }
      else if (is_document_remark (item))
        add_remark_document (entry, item);
    }
}

static char *
sibling_path (const char *sdn_path,
              const char *what)
{
  g_autofree char *dir = g_path_get_dirname (sdn_path);
  g_autofree char *base = g_path_get_basename (sdn_path);
  char *hit = g_strrstr (base, "sdn");

  if (hit == NULL)
    hit = g_strrstr (base, "SDN");
  if (hit == NULL)
    return NULL;
  memcpy (hit, what, 3);
  return g_build_filename (dir, base, NULL);
}

static gboolean
read_file (const char  *path,
           GMappedFile **file,
           GError     **error)
{
  *file = g_mapped_file_new (path, FALSE, error);
  if (*file == NULL)
    return FALSE;
  if (g_mapped_file_get_length (*file) > TARMAC_WATCHLIST_MAX_FILE_SIZE)
    {
      g_set_error (error, TARMAC_WATCHLIST_ERROR, TARMAC_WATCHLIST_ERROR_TOO_LARGE,
                   _("%s: the file is too large"), path);
      g_clear_pointer (file, g_mapped_file_unref);
      return FALSE;
    }
  if (!g_utf8_validate (g_mapped_file_get_contents (*file), g_mapped_file_get_length (*file),
                        NULL))
    {
      g_set_error (error, TARMAC_WATCHLIST_ERROR, TARMAC_WATCHLIST_ERROR_FORMAT,
                   _("%s: the file is not UTF-8 text"), path);
      g_clear_pointer (file, g_mapped_file_unref);
      return FALSE;
    }
  return TRUE;
}

/* Reads alt.csv or add.csv into the entries they name; a missing file is a warning. */
static gboolean
read_companion (TarmacWatchlistData *list,
                GHashTable          *by_id,
                const char          *sdn_path,
                const char          *what,
                GError             **error)
{
  g_autofree char *path = sibling_path (sdn_path, what);
  g_autofree char *base = NULL;
  g_autoptr(GMappedFile) file = NULL;
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) local_error = NULL;
  TarmacCsvReader reader;

  if (path == NULL || !g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_ptr_array_add (list->warnings,
                       /* Translators: %s is alt.csv or add.csv */
                       g_strdup_printf (_("%s.csv was not found next to the SDN file: "
                                          "read without it"), what));
      return TRUE;
    }
  if (!read_file (path, &file, error))
    return FALSE;

  base = g_path_get_basename (path);
  tarmac_csv_reader_init (&reader, g_mapped_file_get_contents (file),
                          g_mapped_file_get_length (file), ',');
  while (tarmac_csv_reader_next (&reader, fields, base, &local_error))
    {
      TarmacWatchlistEntry *entry;
      const char *id = field (fields, 0);

      if (id == NULL || (entry = g_hash_table_lookup (by_id, id)) == NULL)
        continue;

      if (g_str_equal (what, "alt"))
        {
          const char *name = field (fields, 3);
          const char *remarks = field (fields, 4);
          gboolean weak = remarks != NULL && strstr (remarks, "weak") != NULL;

          tarmac_watchlist_entry_add_name (entry, name, weak ? TARMAC_NAME_QUALITY_WEAK
                                                             : TARMAC_NAME_QUALITY_STRONG);
        }
      else
        {
          GString *line = g_string_new (NULL);

          for (guint i = 2; i <= 4; i++)
            if (field (fields, i) != NULL)
              g_string_append_printf (line, "%s%s", line->len > 0 ? ", " : "", field (fields, i));
          if (line->len > 0 && entry->addresses->len < 64)
            g_ptr_array_add (entry->addresses, g_string_free (line, FALSE));
          else
            g_string_free (line, TRUE);
        }
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

/**
 * tarmac_watchlist_load_ofac:
 * @sdn_path: the path of sdn.csv
 *
 * Returns: (transfer full): the list, or %NULL with @error naming the file and line
 */
TarmacWatchlistData *
tarmac_watchlist_load_ofac (const char  *sdn_path,
                            GError     **error)
{
  g_autoptr(TarmacWatchlistData) list = tarmac_watchlist_data_new ("ofac",
                                           "OFAC SDN List", "persons");
  g_autoptr(GMappedFile) file = NULL;
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *base = g_path_get_basename (sdn_path);
  TarmacCsvReader reader;

  if (!read_file (sdn_path, &file, error))
    return NULL;

  tarmac_csv_reader_init (&reader, g_mapped_file_get_contents (file),
                          g_mapped_file_get_length (file), ',');
  while (tarmac_csv_reader_next (&reader, fields, base, &local_error))
    {
      TarmacWatchlistEntry *entry;
      const char *id = field (fields, 0);
      const char *name = field (fields, 1);
      const char *type = field (fields, 2);
      const char *remarks = field (fields, 11);

      if (fields->len == 1 && id == NULL)
        continue;  /* the end-of-file marker some copies carry */
      if (fields->len < 12 || id == NULL || name == NULL || !g_ascii_isdigit (id[0]))
        {
          g_set_error (error, TARMAC_WATCHLIST_ERROR, TARMAC_WATCHLIST_ERROR_FORMAT,
                       _("%s, line %u: not an SDN record (12 fields: number, name, type…)"),
                       base, reader.line);
          return NULL;
        }
      if (list->entries->len >= TARMAC_WATCHLIST_MAX_ENTRIES)
        {
          g_set_error (error, TARMAC_WATCHLIST_ERROR, TARMAC_WATCHLIST_ERROR_TOO_LARGE,
                       _("%s: more than %u entries"), base, (guint) TARMAC_WATCHLIST_MAX_ENTRIES);
          return NULL;
        }
      if (g_hash_table_contains (by_id, id))
        {
          g_set_error (error, TARMAC_WATCHLIST_ERROR, TARMAC_WATCHLIST_ERROR_FORMAT,
                       _("%s, line %u: entry %s appears twice"), base, reader.line, id);
          return NULL;
        }

      entry = tarmac_watchlist_entry_new (id, type != NULL && g_str_equal (type, "individual")
                                                ? "person" : "entity");
      tarmac_watchlist_entry_add_name (entry, name, TARMAC_NAME_QUALITY_PRIMARY);
      if (field (fields, 3) != NULL)
        entry->category = g_strdup (field (fields, 3));
      if (field (fields, 4) != NULL)
        entry->reason = g_strdup (field (fields, 4));
      if (remarks != NULL)
        parse_remarks (entry, remarks);
      g_ptr_array_add (list->entries, entry);
      g_hash_table_insert (by_id, entry->external_id, entry);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (list->entries->len == 0)
    {
      g_set_error (error, TARMAC_WATCHLIST_ERROR, TARMAC_WATCHLIST_ERROR_EMPTY,
                   _("%s: the list has no entries"), base);
      return NULL;
    }

  if (!read_companion (list, by_id, sdn_path, "alt", error) ||
      !read_companion (list, by_id, sdn_path, "add", error))
    return NULL;

  return g_steal_pointer (&list);
}
