/* tarmac-watchlist-entry-load.c
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
#include "tarmac-store-private.h"
#include "tarmac-watchlist-entry.h"

/* Reads one stored entry back into the loaders' TarmacWatchlistEntry: every name with its
 * quality and script, every DOB form, nationalities, documents, reason, expiry. The entry
 * detail shows it, and manual entries are edited in it and stored again through
 * tarmac_watchlist_import(), so what is read must hash as what was written. */

static TarmacNameQuality
quality_from_id (const char *id)
{
  if (g_strcmp0 (id, "primary") == 0)
    return TARMAC_NAME_QUALITY_PRIMARY;
  if (g_strcmp0 (id, "weak") == 0)
    return TARMAC_NAME_QUALITY_WEAK;
  return TARMAC_NAME_QUALITY_STRONG;
}

static TarmacDobKind
dob_kind_from_id (const char *id)
{
  static const struct { const char *id; TarmacDobKind kind; } kinds[] = {
    { "exact", TARMAC_DOB_EXACT }, { "month", TARMAC_DOB_MONTH },
    { "approximate", TARMAC_DOB_APPROXIMATE }, { "range", TARMAC_DOB_RANGE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (id, kinds[i].id) == 0)
      return kinds[i].kind;
  return TARMAC_DOB_YEAR;
}

static char *
dup_nonempty (const char *text)
{
  return text != NULL && *text != '\0' ? g_strdup (text) : NULL;
}

static gboolean
read_children (TarmacStore           *store,
               TarmacWatchlistEntry  *entry,
               gint64                 entry_id,
               GError               **error)
{
  g_autoptr(sqlite3_stmt) names = NULL;
  g_autoptr(sqlite3_stmt) dobs = NULL;
  g_autoptr(sqlite3_stmt) documents = NULL;
  int rc;

  names = _tarmac_store_prepare (store, "SELECT name, quality, script FROM watchlist_name"
                                        " WHERE entry_id = ?1 ORDER BY id", error);
  dobs = _tarmac_store_prepare (store, "SELECT kind, year_from, year_to, month, day"
                                       " FROM watchlist_dob WHERE entry_id = ?1 ORDER BY id",
                                error);
  documents = _tarmac_store_prepare (store,
                                     "SELECT type, number, number_normalised, issuing_country,"
                                     " status, note FROM watchlist_document"
                                     " WHERE entry_id = ?1 ORDER BY id", error);
  if (names == NULL || dobs == NULL || documents == NULL)
    return FALSE;

  sqlite3_bind_int64 (names, 1, entry_id);
  while ((rc = sqlite3_step (names)) == SQLITE_ROW)
    {
      TarmacWatchlistName *name = g_new0 (TarmacWatchlistName, 1);

      name->name = g_strdup (_tarmac_store_column_text (names, 0));
      name->quality = quality_from_id (_tarmac_store_column_text (names, 1));
      name->script = g_strdup (_tarmac_store_column_text (names, 2));
      g_ptr_array_add (entry->names, name);
    }
  if (rc != SQLITE_DONE)
    goto fail;

  sqlite3_bind_int64 (dobs, 1, entry_id);
  while ((rc = sqlite3_step (dobs)) == SQLITE_ROW)
    {
      TarmacDob dob = { 0, };

      dob.kind = dob_kind_from_id (_tarmac_store_column_text (dobs, 0));
      dob.year_from = (guint16) sqlite3_column_int (dobs, 1);
      dob.year_to = (guint16) sqlite3_column_int (dobs, 2);
      dob.month = (guint8) sqlite3_column_int (dobs, 3);
      dob.day = (guint8) sqlite3_column_int (dobs, 4);
      g_array_append_val (entry->dobs, dob);
    }
  if (rc != SQLITE_DONE)
    goto fail;

  sqlite3_bind_int64 (documents, 1, entry_id);
  while ((rc = sqlite3_step (documents)) == SQLITE_ROW)
    {
      TarmacWatchlistDocument *document = g_new0 (TarmacWatchlistDocument, 1);

      document->type = g_strdup (_tarmac_store_column_text (documents, 0));
      document->number = g_strdup (_tarmac_store_column_text (documents, 1));
      document->number_normalised = g_strdup (_tarmac_store_column_text (documents, 2));
      document->issuing_country = g_strdup (_tarmac_store_column_text (documents, 3));
      document->status = g_strdup (_tarmac_store_column_text (documents, 4));
      document->note = g_strdup (_tarmac_store_column_text (documents, 5));
      g_ptr_array_add (entry->documents, document);
    }
  if (rc != SQLITE_DONE)
    goto fail;

  return TRUE;

fail:
  _tarmac_store_set_error (store, rc, error);
  return FALSE;
}

static void
add_split (GPtrArray  *array,
           const char *text,
           const char *separator)
{
  g_auto(GStrv) parts = NULL;

  if (text == NULL || *text == '\0')
    return;
  parts = g_strsplit (text, separator, -1);
  for (guint i = 0; parts[i] != NULL; i++)
    if (*parts[i] != '\0')
      g_ptr_array_add (array, g_strdup (parts[i]));
}

TarmacWatchlistEntry *
_tarmac_watchlist_entry_read (TarmacStore  *store,
                              gint64        entry_id,
                              gint64       *watchlist_id,
                              GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(TarmacWatchlistEntry) entry = NULL;
  int rc;

  stmt = _tarmac_store_prepare (store,
                                "SELECT watchlist_id, external_id, kind, nationalities, sex,"
                                " reason, expires_at, reference, category, listed_on, addresses"
                                " FROM watchlist_entry WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, entry_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, TARMAC_STORE_ERROR, TARMAC_STORE_ERROR_NOT_FOUND,
                   _("The list entry no longer exists"));
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      _tarmac_store_set_error (store, rc, error);
      return NULL;
    }

  if (watchlist_id != NULL)
    *watchlist_id = sqlite3_column_int64 (stmt, 0);
  entry = tarmac_watchlist_entry_new (_tarmac_store_column_text (stmt, 1),
                                      _tarmac_store_column_text (stmt, 2));
  add_split (entry->nationalities, _tarmac_store_column_text (stmt, 3), "|");
  entry->sex = dup_nonempty (_tarmac_store_column_text (stmt, 4));
  entry->reason = dup_nonempty (_tarmac_store_column_text (stmt, 5));
  entry->expires_at = dup_nonempty (_tarmac_store_column_text (stmt, 6));
  entry->reference = dup_nonempty (_tarmac_store_column_text (stmt, 7));
  entry->category = dup_nonempty (_tarmac_store_column_text (stmt, 8));
  entry->listed_on = dup_nonempty (_tarmac_store_column_text (stmt, 9));
  add_split (entry->addresses, _tarmac_store_column_text (stmt, 10), "\n");

  if (!read_children (store, entry, entry_id, error))
    return NULL;

  return g_steal_pointer (&entry);
}

/**
 * tarmac_watchlist_entry_load:
 * @store: the store
 * @entry_id: the entry's row id
 * @watchlist_id: (out) (optional): the list it belongs to
 * @error: return location for a #GError
 *
 * Reads a whole entry for the entry detail, and records the view in the audit log.
 *
 * Returns: (transfer full): the entry, or %NULL with %TARMAC_STORE_ERROR_NOT_FOUND
 */
TarmacWatchlistEntry *
tarmac_watchlist_entry_load (TarmacStore  *store,
                             gint64        entry_id,
                             gint64       *watchlist_id,
                             GError      **error)
{
  g_autoptr(TarmacWatchlistEntry) entry = NULL;
  g_autofree char *object_id = NULL;

  g_return_val_if_fail (TARMAC_IS_STORE (store), NULL);

  entry = _tarmac_watchlist_entry_read (store, entry_id, watchlist_id, error);
  if (entry == NULL)
    return NULL;

  object_id = g_strdup_printf ("%" G_GINT64_FORMAT, entry_id);
  if (!tarmac_audit_append (store, "view", "watchlist_entry", object_id, entry->external_id,
                            error))
    return NULL;

  return g_steal_pointer (&entry);
}
