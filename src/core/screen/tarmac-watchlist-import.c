/* tarmac-watchlist-import.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-watchlist"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "tarmac-audit.h"
#include "tarmac-screener.h"
#include "tarmac-name-key.h"
#include "tarmac-store-private.h"
#include "tarmac-watchlist-import.h"

/*
 * A list read into memory goes into watchlist, watchlist_entry, watchlist_name,
 * watchlist_dob and watchlist_document in one transaction. Re-loading a list (same source
 * and name) replaces it: entries are matched on their external id and compared by a digest
 * of their content, so unchanged entries keep their rows (and the hits that point at them),
 * changed ones are rewritten in place, and entries no longer in the file are deleted. The
 * report says how many of each. Any failure rolls everything back: the list stays as it
 * was.
 */

void
tarmac_watchlist_import_report_free (TarmacWatchlistImportReport *report)
{
  if (report == NULL)
    return;
  g_free (report->file_name);
  g_free (report->list_name);
  g_free (report->source);
  g_free (report->kind);
  g_free (report->version);
  g_ptr_array_unref (report->warnings);
  g_free (report);
}

typedef struct
{
  gint64   id;
  char    *hash;
  gboolean seen;
} Existing;

static void
existing_free (Existing *existing)
{
  g_free (existing->hash);
  g_free (existing);
}

typedef struct
{
  TarmacStore  *store;
  sqlite3_stmt *insert_entry;
  sqlite3_stmt *update_entry;
  sqlite3_stmt *insert_name;
  sqlite3_stmt *insert_dob;
  sqlite3_stmt *insert_document;
  sqlite3_stmt *clear_names;
  sqlite3_stmt *clear_dobs;
  sqlite3_stmt *clear_documents;
} Statements;

static void
statements_clear (Statements *s)
{
  g_clear_pointer (&s->insert_entry, sqlite3_finalize);
  g_clear_pointer (&s->update_entry, sqlite3_finalize);
  g_clear_pointer (&s->insert_name, sqlite3_finalize);
  g_clear_pointer (&s->insert_dob, sqlite3_finalize);
  g_clear_pointer (&s->insert_document, sqlite3_finalize);
  g_clear_pointer (&s->clear_names, sqlite3_finalize);
  g_clear_pointer (&s->clear_dobs, sqlite3_finalize);
  g_clear_pointer (&s->clear_documents, sqlite3_finalize);
}

static gboolean
statements_prepare (Statements  *s,
                    GError     **error)
{
  s->insert_entry = _tarmac_store_prepare (s->store,
    "INSERT INTO watchlist_entry (watchlist_id, external_id, dates_of_birth, nationalities,"
    " sex, document_number, document_normalised, reason, expires_at, content_hash, reference,"
    " category, listed_on, addresses, kind)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, coalesce (?8, ''), ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
    error);
  if (s->insert_entry == NULL)
    return FALSE;
  s->update_entry = _tarmac_store_prepare (s->store,
    "UPDATE watchlist_entry SET dates_of_birth = ?3, nationalities = ?4, sex = ?5,"
    " document_number = ?6, document_normalised = ?7, reason = coalesce (?8, ''),"
    " expires_at = ?9, content_hash = ?10, reference = ?11, category = ?12, listed_on = ?13,"
    " addresses = ?14, kind = ?15"
    " WHERE id = ?1 AND ?2 IS NOT NULL",
    error);
  if (s->update_entry == NULL)
    return FALSE;
  s->insert_name = _tarmac_store_prepare (s->store,
    "INSERT INTO watchlist_name (entry_id, name, quality, script, name_key)"
    " VALUES (?1, ?2, ?3, ?4, ?5)", error);
  s->insert_dob = _tarmac_store_prepare (s->store,
    "INSERT INTO watchlist_dob (entry_id, kind, year_from, year_to, month, day)"
    " VALUES (?1, ?2, ?3, ?4, nullif (?5, 0), nullif (?6, 0))", error);
  s->insert_document = _tarmac_store_prepare (s->store,
    "INSERT INTO watchlist_document (entry_id, type, number, number_normalised,"
    " issuing_country, status, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", error);
  s->clear_names = _tarmac_store_prepare (s->store,
    "DELETE FROM watchlist_name WHERE entry_id = ?1", error);
  s->clear_dobs = _tarmac_store_prepare (s->store,
    "DELETE FROM watchlist_dob WHERE entry_id = ?1", error);
  s->clear_documents = _tarmac_store_prepare (s->store,
    "DELETE FROM watchlist_document WHERE entry_id = ?1", error);

  return s->insert_name != NULL && s->insert_dob != NULL && s->insert_document != NULL &&
         s->clear_names != NULL && s->clear_dobs != NULL && s->clear_documents != NULL;
}

static gboolean
run (Statements    *s,
     sqlite3_stmt  *stmt,
     GError       **error)
{
  gboolean ok = _tarmac_store_step_done (s->store, stmt, error);

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return ok;
}

static void
bind_text (sqlite3_stmt *stmt,
           int           index,
           const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, index);
}

static char *
join_strings (GPtrArray  *strings,
              const char *separator)
{
  GString *out;

  if (strings->len == 0)
    return NULL;
  out = g_string_new (NULL);
  for (guint i = 0; i < strings->len; i++)
    g_string_append_printf (out, "%s%s", i > 0 ? separator : "",
                            (const char *) g_ptr_array_index (strings, i));
  return g_string_free (out, FALSE);
}

static gboolean
write_entry (Statements                 *s,
             sqlite3_stmt               *stmt,
             gint64                      key,
             const TarmacWatchlistEntry *entry,
             const char                 *hash,
             GError                    **error)
{
  g_autoptr(GPtrArray) dobs = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *dob_text = NULL;
  g_autofree char *nationalities = join_strings (entry->nationalities, "|");
  g_autofree char *addresses = join_strings (entry->addresses, "\n");
  const TarmacWatchlistDocument *first = entry->documents->len > 0
                                           ? g_ptr_array_index (entry->documents, 0) : NULL;
  gboolean document_list = g_str_equal (entry->kind, "document");

  for (guint i = 0; i < entry->dobs->len; i++)
    g_ptr_array_add (dobs, tarmac_dob_to_string (&g_array_index (entry->dobs, TarmacDob, i)));
  dob_text = join_strings (dobs, "|");

  sqlite3_bind_int64 (stmt, 1, key);
  bind_text (stmt, 2, entry->external_id);
  bind_text (stmt, 3, dob_text);
  bind_text (stmt, 4, nationalities);
  bind_text (stmt, 5, entry->sex);
  /* The entry's own document columns are for a documents list, where the document is
   * the entry; persons keep theirs in watchlist_document. */
  bind_text (stmt, 6, document_list && first != NULL ? first->number : NULL);
  bind_text (stmt, 7, document_list && first != NULL ? first->number_normalised : NULL);
  bind_text (stmt, 8, entry->reason);
  bind_text (stmt, 9, entry->expires_at);
  bind_text (stmt, 10, hash);
  bind_text (stmt, 11, entry->reference);
  bind_text (stmt, 12, entry->category);
  bind_text (stmt, 13, entry->listed_on);
  bind_text (stmt, 14, addresses);
  bind_text (stmt, 15, entry->kind);
  return run (s, stmt, error);
}

static gboolean
write_children (Statements                 *s,
                gint64                      entry_id,
                const TarmacWatchlistEntry *entry,
                GError                    **error)
{
  for (guint i = 0; i < entry->names->len; i++)
    {
      const TarmacWatchlistName *name = g_ptr_array_index (entry->names, i);
      g_autofree char *key = tarmac_name_key (name->name);

      sqlite3_bind_int64 (s->insert_name, 1, entry_id);
      bind_text (s->insert_name, 2, name->name);
      bind_text (s->insert_name, 3, tarmac_name_quality_to_id (name->quality));
      bind_text (s->insert_name, 4, name->script);
      bind_text (s->insert_name, 5, key);
      if (!run (s, s->insert_name, error))
        return FALSE;
    }

  for (guint i = 0; i < entry->dobs->len; i++)
    {
      const TarmacDob *dob = &g_array_index (entry->dobs, TarmacDob, i);

      sqlite3_bind_int64 (s->insert_dob, 1, entry_id);
      bind_text (s->insert_dob, 2, tarmac_dob_kind_to_id (dob->kind));
      sqlite3_bind_int (s->insert_dob, 3, dob->year_from);
      sqlite3_bind_int (s->insert_dob, 4, dob->year_to);
      sqlite3_bind_int (s->insert_dob, 5, dob->month);
      sqlite3_bind_int (s->insert_dob, 6, dob->day);
      if (!run (s, s->insert_dob, error))
        return FALSE;
    }

  for (guint i = 0; i < entry->documents->len; i++)
    {
      const TarmacWatchlistDocument *document = g_ptr_array_index (entry->documents, i);

      sqlite3_bind_int64 (s->insert_document, 1, entry_id);
      bind_text (s->insert_document, 2, document->type);
      bind_text (s->insert_document, 3, document->number);
      bind_text (s->insert_document, 4, document->number_normalised);
      bind_text (s->insert_document, 5, document->issuing_country);
      bind_text (s->insert_document, 6, document->status);
      bind_text (s->insert_document, 7, document->note);
      if (!run (s, s->insert_document, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
clear_children (Statements  *s,
                gint64       entry_id,
                GError     **error)
{
  sqlite3_stmt *stmts[] = { s->clear_names, s->clear_dobs, s->clear_documents };

  for (guint i = 0; i < G_N_ELEMENTS (stmts); i++)
    {
      sqlite3_bind_int64 (stmts[i], 1, entry_id);
      if (!run (s, stmts[i], error))
        return FALSE;
    }
  return TRUE;
}

static gint64
ensure_watchlist (TarmacStore          *store,
                  TarmacWatchlistData  *data,
                  const char           *name,
                  GError              **error)
{
  g_autoptr(sqlite3_stmt) select = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;
  g_autofree char *now = _tarmac_store_now ();

  select = _tarmac_store_prepare (store, "SELECT id FROM watchlist WHERE source = ?1 AND name = ?2",
                                  error);
  if (select == NULL)
    return -1;
  bind_text (select, 1, data->source);
  bind_text (select, 2, name);
  if (sqlite3_step (select) == SQLITE_ROW)
    return sqlite3_column_int64 (select, 0);

  insert = _tarmac_store_prepare (store,
                                  "INSERT INTO watchlist (name, kind, source, loaded_at)"
                                  " VALUES (?1, ?2, ?3, ?4)", error);
  if (insert == NULL)
    return -1;
  bind_text (insert, 1, name);
  bind_text (insert, 2, data->kind);
  bind_text (insert, 3, data->source);
  bind_text (insert, 4, now);
  if (!_tarmac_store_step_done (store, insert, error))
    return -1;
  return sqlite3_last_insert_rowid (_tarmac_store_get_db (store));
}

static gboolean
import_entries (TarmacStore                  *store,
                TarmacWatchlistData          *data,
                TarmacWatchlistImportReport  *report,
                GError                      **error)
{
  g_autoptr(GHashTable) existing = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                          (GDestroyNotify) existing_free);
  g_autoptr(sqlite3_stmt) select = NULL;
  g_autoptr(sqlite3_stmt) remove = NULL;
  g_autoptr(sqlite3_stmt) update_list = NULL;
  g_autofree char *now = _tarmac_store_now ();
  Statements s = { .store = store };
  GHashTableIter iter;
  Existing *old;
  gboolean ok = FALSE;
  int rc;

  select = _tarmac_store_prepare (store,
                                  "SELECT id, external_id, content_hash FROM watchlist_entry"
                                  " WHERE watchlist_id = ?1", error);
  if (select == NULL)
    return FALSE;
  sqlite3_bind_int64 (select, 1, report->watchlist_id);
  while ((rc = sqlite3_step (select)) == SQLITE_ROW)
    {
      Existing *item = g_new0 (Existing, 1);

      item->id = sqlite3_column_int64 (select, 0);
      item->hash = g_strdup (_tarmac_store_column_text (select, 2));
      g_hash_table_replace (existing, g_strdup (_tarmac_store_column_text (select, 1)), item);
    }
  if (rc != SQLITE_DONE)
    {
      _tarmac_store_set_error (store, rc, error);
      return FALSE;
    }

  if (!statements_prepare (&s, error))
    goto out;

  for (guint i = 0; i < data->entries->len; i++)
    {
      const TarmacWatchlistEntry *entry = g_ptr_array_index (data->entries, i);
      g_autofree char *hash = tarmac_watchlist_entry_hash (entry);

      old = g_hash_table_lookup (existing, entry->external_id);
      report->names += entry->names->len;
      report->documents += entry->documents->len;

      if (old != NULL && old->seen)
        continue;  /* the loaders refuse duplicates; a second copy would say nothing new */

      if (old != NULL && g_str_equal (old->hash, hash))
        {
          old->seen = TRUE;
          report->unchanged++;
          continue;
        }

      if (old != NULL)
        {
          old->seen = TRUE;
          if (!write_entry (&s, s.update_entry, old->id, entry, hash, error) ||
              !clear_children (&s, old->id, error) ||
              !write_children (&s, old->id, entry, error))
            goto out;
          report->changed++;
        }
      else
        {
          if (!write_entry (&s, s.insert_entry, report->watchlist_id, entry, hash, error) ||
              !write_children (&s, sqlite3_last_insert_rowid (_tarmac_store_get_db (store)),
                               entry, error))
            goto out;
          report->added++;
        }
    }

  remove = _tarmac_store_prepare (store, "DELETE FROM watchlist_entry WHERE id = ?1", error);
  if (remove == NULL)
    goto out;
  g_hash_table_iter_init (&iter, existing);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &old))
    if (!old->seen)
      {
        sqlite3_bind_int64 (remove, 1, old->id);
        if (!_tarmac_store_step_done (store, remove, error))
          goto out;
        sqlite3_reset (remove);
        report->removed++;
      }

  report->entries = report->added + report->changed + report->unchanged;
  update_list = _tarmac_store_prepare (store,
                                       "UPDATE watchlist SET version = ?2, loaded_at = ?3,"
                                       " entry_count = ?4, file_name = ?5, file_sha256 = ?6,"
                                       " kind = ?7 WHERE id = ?1", error);
  if (update_list == NULL)
    goto out;
  sqlite3_bind_int64 (update_list, 1, report->watchlist_id);
  bind_text (update_list, 2, data->version);
  bind_text (update_list, 3, now);
  sqlite3_bind_int64 (update_list, 4, report->entries);
  bind_text (update_list, 5, report->file_name);
  bind_text (update_list, 6, NULL);
  bind_text (update_list, 7, data->kind);
  if (!_tarmac_store_step_done (store, update_list, error))
    goto out;

  ok = TRUE;
out:
  statements_clear (&s);
  return ok;
}

/**
 * tarmac_watchlist_import:
 * @store: the store
 * @data: a list read by tarmac_watchlist_load()
 * @name: (nullable): the list's name, or %NULL for the format's default
 * @file_name: (nullable): the file it came from, for the record
 * @file_sha256: (nullable): the file's digest, for the record
 * @report: (out) (optional): what was added, changed and removed
 * @error: return location for a #GError
 *
 * Stores @data as the list @name, replacing what an earlier load of it stored, in one
 * transaction with one audit row.
 *
 * Returns: %TRUE on success; on failure the database is unchanged
 */
gboolean
tarmac_watchlist_import (TarmacStore                  *store,
                         TarmacWatchlistData          *data,
                         const char                   *name,
                         const char                   *file_name,
                         const char                   *file_sha256,
                         TarmacWatchlistImportReport **report,
                         GError                      **error)
{
  g_autoptr(TarmacWatchlistImportReport) result = g_new0 (TarmacWatchlistImportReport, 1);
  g_autofree char *detail = NULL;
  g_autofree char *object_id = NULL;

  g_return_val_if_fail (TARMAC_IS_STORE (store), FALSE);
  g_return_val_if_fail (data != NULL, FALSE);

  if (name == NULL || name[0] == '\0')
    name = data->default_name;
  if (name == NULL || !g_utf8_validate (name, -1, NULL) || strlen (name) > 256)
    {
      g_set_error (error, TARMAC_STORE_ERROR, TARMAC_STORE_ERROR_INVALID,
                   _("A list needs a name of at most 256 bytes"));
      return FALSE;
    }

  result->file_name = g_strdup (file_name);
  result->list_name = g_strdup (name);
  result->source = g_strdup (data->source);
  result->kind = g_strdup (data->kind);
  result->version = g_strdup (data->version);
  result->warnings = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < data->warnings->len; i++)
    g_ptr_array_add (result->warnings, g_strdup (g_ptr_array_index (data->warnings, i)));

  if (!tarmac_store_begin (store, error))
    return FALSE;

  result->watchlist_id = ensure_watchlist (store, data, name, error);
  if (result->watchlist_id < 0 || !import_entries (store, data, result, error))
    {
      tarmac_store_rollback (store);
      return FALSE;
    }

  if (file_sha256 != NULL)
    {
      g_autoptr(sqlite3_stmt) stmt = _tarmac_store_prepare (store,
                                       "UPDATE watchlist SET file_sha256 = ?2 WHERE id = ?1",
                                       error);

      if (stmt == NULL)
        {
          tarmac_store_rollback (store);
          return FALSE;
        }
      sqlite3_bind_int64 (stmt, 1, result->watchlist_id);
      bind_text (stmt, 2, file_sha256);
      if (!_tarmac_store_step_done (store, stmt, error))
        {
          tarmac_store_rollback (store);
          return FALSE;
        }
    }

  /* What travellers are screened against changed: cached indexes rebuild, and everyone is
   * screened again (tarmac-screener.c). */
  if ((result->added > 0 || result->changed > 0 || result->removed > 0) &&
      !_tarmac_screen_bump_list_generation (store, error))
    {
      tarmac_store_rollback (store);
      return FALSE;
    }

  object_id = g_strdup_printf ("%" G_GINT64_FORMAT, result->watchlist_id);
  detail = g_strdup_printf ("%s: %u entries, %u added, %u changed, %u removed", name,
                            result->entries, result->added, result->changed, result->removed);
  if (!tarmac_audit_append (store, "import", "watchlist", object_id, detail, error))
    {
      tarmac_store_rollback (store);
      return FALSE;
    }
  /* A failed commit ends its level itself. */
  if (!tarmac_store_commit (store, error))
    return FALSE;

  if (report != NULL)
    *report = g_steal_pointer (&result);
  return TRUE;
}

/**
 * tarmac_watchlist_import_file:
 * @kind: (nullable): "persons" or "documents" for a CSV, %NULL to tell from the content
 *
 * Reads the list file at @path (see tarmac_watchlist_load()) and imports it.
 *
 * Returns: %TRUE on success; on failure the database is unchanged
 */
gboolean
tarmac_watchlist_import_file (TarmacStore                  *store,
                              const char                   *path,
                              const char                   *name,
                              const char                   *kind,
                              TarmacWatchlistImportReport **report,
                              GError                      **error)
{
  g_autoptr(TarmacWatchlistData) data = NULL;
  g_autoptr(GMappedFile) file = NULL;
  g_autofree char *sha256 = NULL;
  g_autofree char *base = g_path_get_basename (path);

  data = tarmac_watchlist_load (path, kind, error);
  if (data == NULL)
    return FALSE;

  file = g_mapped_file_new (path, FALSE, NULL);
  if (file != NULL)
    sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256,
                                          (const guchar *) g_mapped_file_get_contents (file),
                                          g_mapped_file_get_length (file));

  return tarmac_watchlist_import (store, data, name, base, sha256, report, error);
}

/**
 * tarmac_watchlist_import_report_to_json:
 *
 * `{"file", "list", "watchlist_id", "source", "kind", "version", "entries", "names",
 * "documents", "added", "changed", "removed", "unchanged", "warnings": [...]}`
 *
 * Returns: (transfer full): an object node
 */
JsonNode *
tarmac_watchlist_import_report_to_json (const TarmacWatchlistImportReport *report)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  const struct { const char *key; guint value; } counts[] = {
    { "entries", report->entries }, { "names", report->names },
    { "documents", report->documents }, { "added", report->added },
    { "changed", report->changed }, { "removed", report->removed },
    { "unchanged", report->unchanged },
  };

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "file");
  json_builder_add_string_value (builder, report->file_name);
  json_builder_set_member_name (builder, "list");
  json_builder_add_string_value (builder, report->list_name);
  json_builder_set_member_name (builder, "watchlist_id");
  json_builder_add_int_value (builder, report->watchlist_id);
  json_builder_set_member_name (builder, "source");
  json_builder_add_string_value (builder, report->source);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, report->kind);
  json_builder_set_member_name (builder, "version");
  json_builder_add_string_value (builder, report->version);
  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    {
      json_builder_set_member_name (builder, counts[i].key);
      json_builder_add_int_value (builder, counts[i].value);
    }
  json_builder_set_member_name (builder, "warnings");
  json_builder_begin_array (builder);
  for (guint i = 0; i < report->warnings->len; i++)
    json_builder_add_string_value (builder, g_ptr_array_index (report->warnings, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}
