/* tarmac-watchlist.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-watchlist"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tarmac-audit.h"
#include "tarmac-screener.h"
#include "tarmac-store-private.h"
#include "tarmac-watchlist.h"

/* A loaded list as the Watchlists page shows it: what it is, where it came from, when it
 * was loaded, how many entries it has and how many of those have expired. A list's name,
 * source and counts are not personal data, so listing lists is not audited; opening one
 * is (tarmac-watchlist-entry-model.c). The fields are read-only copies of one row. */
struct _TarmacWatchlist
{
  GObject  parent_instance;

  gint64   id;
  char    *name;
  char    *kind;
  char    *source;
  char    *version;
  char    *loaded_at;
  char    *file_name;
  char    *next_expiry;
  guint    entry_count;
  guint    expired_count;
};

G_DEFINE_FINAL_TYPE (TarmacWatchlist, tarmac_watchlist, G_TYPE_OBJECT)

static void
tarmac_watchlist_finalize (GObject *object)
{
  TarmacWatchlist *self = (TarmacWatchlist *)object;

  g_free (self->name);
  g_free (self->kind);
  g_free (self->source);
  g_free (self->version);
  g_free (self->loaded_at);
  g_free (self->file_name);
  g_free (self->next_expiry);

  G_OBJECT_CLASS (tarmac_watchlist_parent_class)->finalize (object);
}

static void
tarmac_watchlist_class_init (TarmacWatchlistClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tarmac_watchlist_finalize;
}

static void
tarmac_watchlist_init (TarmacWatchlist *self)
{
}

/* Expired entries are those whose expiry day has passed (expires_at holds a day or a UTC
 * timestamp; comparing its first ten characters with today's date works for both). */
#define WATCHLIST_COLUMNS \
  "SELECT w.id, w.name, w.kind, w.source, w.version, w.loaded_at, w.file_name," \
  " (SELECT count(*) FROM watchlist_entry e WHERE e.watchlist_id = w.id)," \
  " (SELECT count(*) FROM watchlist_entry e WHERE e.watchlist_id = w.id" \
  "    AND e.expires_at IS NOT NULL AND substr (e.expires_at, 1, 10) < ?1)," \
  " (SELECT min (substr (e.expires_at, 1, 10)) FROM watchlist_entry e" \
  "    WHERE e.watchlist_id = w.id AND e.expires_at IS NOT NULL" \
  "    AND substr (e.expires_at, 1, 10) >= ?1)" \
  " FROM watchlist w"

static TarmacWatchlist *
watchlist_from_row (sqlite3_stmt *stmt)
{
  TarmacWatchlist *self = g_object_new (TARMAC_TYPE_WATCHLIST, NULL);

  self->id = sqlite3_column_int64 (stmt, 0);
  self->name = g_strdup (_tarmac_store_column_text (stmt, 1));
  self->kind = g_strdup (_tarmac_store_column_text (stmt, 2));
  self->source = g_strdup (_tarmac_store_column_text (stmt, 3));
  self->version = g_strdup (_tarmac_store_column_text (stmt, 4));
  self->loaded_at = g_strdup (_tarmac_store_column_text (stmt, 5));
  self->file_name = g_strdup (_tarmac_store_column_text (stmt, 6));
  self->entry_count = (guint) sqlite3_column_int64 (stmt, 7);
  self->expired_count = (guint) sqlite3_column_int64 (stmt, 8);
  self->next_expiry = g_strdup (_tarmac_store_column_text (stmt, 9));

  return self;
}

static char *
today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%d");
}

/**
 * tarmac_watchlist_list_all:
 * @store: the store
 * @error: return location for a #GError
 *
 * Lists every loaded list, by name. Not audited: nothing here is personal data.
 *
 * Returns: (transfer full): a #GListModel of #TarmacWatchlist, or %NULL on error
 */
GListModel *
tarmac_watchlist_list_all (TarmacStore  *store,
                           GError      **error)
{
  g_autoptr(GListStore) lists = g_list_store_new (TARMAC_TYPE_WATCHLIST);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *day = today ();
  int rc;

  g_return_val_if_fail (TARMAC_IS_STORE (store), NULL);

  stmt = _tarmac_store_prepare (store, WATCHLIST_COLUMNS " ORDER BY w.name COLLATE NOCASE, w.id",
                                error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, day, -1, SQLITE_STATIC);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(TarmacWatchlist) list = watchlist_from_row (stmt);

      g_list_store_append (lists, list);
    }
  if (rc != SQLITE_DONE)
    {
      _tarmac_store_set_error (store, rc, error);
      return NULL;
    }

  return G_LIST_MODEL (g_steal_pointer (&lists));
}

/**
 * tarmac_watchlist_get:
 * @store: the store
 * @watchlist_id: the list's id
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the list, or %NULL with %TARMAC_STORE_ERROR_NOT_FOUND
 */
TarmacWatchlist *
tarmac_watchlist_get (TarmacStore  *store,
                      gint64        watchlist_id,
                      GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *day = today ();
  int rc;

  g_return_val_if_fail (TARMAC_IS_STORE (store), NULL);

  stmt = _tarmac_store_prepare (store, WATCHLIST_COLUMNS " WHERE w.id = ?2", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, day, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, watchlist_id);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return watchlist_from_row (stmt);
  if (rc == SQLITE_DONE)
    g_set_error (error, TARMAC_STORE_ERROR, TARMAC_STORE_ERROR_NOT_FOUND,
                 _("The list no longer exists"));
  else
    _tarmac_store_set_error (store, rc, error);
  return NULL;
}

/**
 * tarmac_watchlist_remove:
 * @store: the store
 * @watchlist_id: the list's id
 * @error: return location for a #GError
 *
 * Deletes a list and all its entries, in one transaction with an audit row. Hits that
 * pointed at its entries stay, without their entry (the hit table's ON DELETE SET NULL):
 * the review of a hit is a record of its own.
 *
 * Returns: %TRUE on success; %FALSE with %TARMAC_STORE_ERROR_NOT_FOUND when there is no
 *   such list
 */
gboolean
tarmac_watchlist_remove (TarmacStore  *store,
                         gint64        watchlist_id,
                         GError      **error)
{
  g_autoptr(TarmacWatchlist) list = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *object_id = NULL;
  g_autofree char *detail = NULL;

  g_return_val_if_fail (TARMAC_IS_STORE (store), FALSE);

  list = tarmac_watchlist_get (store, watchlist_id, error);
  if (list == NULL)
    return FALSE;

  if (!tarmac_store_begin (store, error))
    return FALSE;

  stmt = _tarmac_store_prepare (store, "DELETE FROM watchlist WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, watchlist_id);
  if (!_tarmac_store_step_done (store, stmt, error) ||
      !_tarmac_screen_bump_list_generation (store, error))
    goto fail;

  object_id = g_strdup_printf ("%" G_GINT64_FORMAT, watchlist_id);
  detail = g_strdup_printf ("%s: %u entries", list->name, list->entry_count);
  if (!tarmac_audit_append (store, "delete", "watchlist", object_id, detail, error))
    goto fail;

  /* A failed commit ends its level itself. */
  return tarmac_store_commit (store, error);

fail:
  tarmac_store_rollback (store);
  return FALSE;
}

gint64
tarmac_watchlist_get_id (TarmacWatchlist *self)
{
  g_return_val_if_fail (TARMAC_IS_WATCHLIST (self), 0);
  return self->id;
}

const char *
tarmac_watchlist_get_name (TarmacWatchlist *self)
{
  g_return_val_if_fail (TARMAC_IS_WATCHLIST (self), NULL);
  return self->name;
}

/* "persons", "documents" or "lookouts" */
const char *
tarmac_watchlist_get_kind (TarmacWatchlist *self)
{
  g_return_val_if_fail (TARMAC_IS_WATCHLIST (self), NULL);
  return self->kind;
}

/* "un", "ofac", "tarmac-csv", "documents-csv" or "manual" */
const char *
tarmac_watchlist_get_source (TarmacWatchlist *self)
{
  g_return_val_if_fail (TARMAC_IS_WATCHLIST (self), NULL);
  return self->source;
}

const char *
tarmac_watchlist_get_version (TarmacWatchlist *self)
{
  g_return_val_if_fail (TARMAC_IS_WATCHLIST (self), NULL);
  return self->version;
}

/* A UTC timestamp, as the store writes them */
const char *
tarmac_watchlist_get_loaded_at (TarmacWatchlist *self)
{
  g_return_val_if_fail (TARMAC_IS_WATCHLIST (self), NULL);
  return self->loaded_at;
}

const char *
tarmac_watchlist_get_file_name (TarmacWatchlist *self)
{
  g_return_val_if_fail (TARMAC_IS_WATCHLIST (self), NULL);
  return self->file_name;
}

guint
tarmac_watchlist_get_entry_count (TarmacWatchlist *self)
{
  g_return_val_if_fail (TARMAC_IS_WATCHLIST (self), 0);
  return self->entry_count;
}

guint
tarmac_watchlist_get_expired_count (TarmacWatchlist *self)
{
  g_return_val_if_fail (TARMAC_IS_WATCHLIST (self), 0);
  return self->expired_count;
}

/* The first day (YYYY-MM-DD) on which an entry still in force expires, or %NULL */
const char *
tarmac_watchlist_get_next_expiry (TarmacWatchlist *self)
{
  g_return_val_if_fail (TARMAC_IS_WATCHLIST (self), NULL);
  return self->next_expiry;
}

gboolean
tarmac_watchlist_is_manual (TarmacWatchlist *self)
{
  g_return_val_if_fail (TARMAC_IS_WATCHLIST (self), FALSE);
  return g_strcmp0 (self->source, TARMAC_WATCHLIST_SOURCE_MANUAL) == 0;
}
