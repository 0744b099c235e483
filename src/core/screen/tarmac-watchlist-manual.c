/* tarmac-watchlist-manual.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-watchlist"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "tarmac-audit.h"
#include "tarmac-countries.h"
#include "tarmac-store-private.h"
#include "tarmac-watchlist-entry.h"
#include "tarmac-watchlist-import.h"
#include "tarmac-watchlist.h"

/*
 * Entries officers add from the app go to one list, "Manual entries" (source "manual").
 * Saving one stores the whole list again through tarmac_watchlist_import(), the path
 * every list takes: the same rows, name keys and change tracking, so an edited entry
 * keeps its row id (and the hits that point at it) and the others are left untouched.
 * Manual lists are short, so reading them whole for each save costs nothing. Each save
 * writes an audit row for the entry on top of the import's row for the list, in the same
 * transaction.
 */

#define MAX_REASON 8192

/**
 * tarmac_watchlist_manual_validate:
 * @entry: an entry typed by an officer
 * @error: return location for a #GError
 *
 * Checks what a manual entry needs: at least one name, a reason, countries the app knows
 * (turned into their alpha-3 codes), M or F or nothing for the sex, and an expiry that is
 * a day (YYYY-MM-DD).
 *
 * Returns: %TRUE when @entry can be saved; %FALSE with %TARMAC_STORE_ERROR_INVALID
 */
gboolean
tarmac_watchlist_manual_validate (TarmacWatchlistEntry  *entry,
                                  GError               **error)
{
  g_return_val_if_fail (entry != NULL, FALSE);

  if (entry->names->len == 0)
    {
      g_set_error (error, TARMAC_STORE_ERROR, TARMAC_STORE_ERROR_INVALID,
                   _("An entry needs at least one name"));
      return FALSE;
    }

  if (entry->reason == NULL || *g_strstrip (entry->reason) == '\0')
    {
      g_set_error (error, TARMAC_STORE_ERROR, TARMAC_STORE_ERROR_INVALID,
                   _("An entry needs a reason: why this person is listed"));
      return FALSE;
    }
  if (strlen (entry->reason) > MAX_REASON || !g_utf8_validate (entry->reason, -1, NULL))
    {
      g_set_error (error, TARMAC_STORE_ERROR, TARMAC_STORE_ERROR_INVALID,
                   _("The reason is too long (at most %d characters)"), MAX_REASON);
      return FALSE;
    }

  for (guint i = 0; i < entry->nationalities->len; i++)
    {
      const char *given = g_ptr_array_index (entry->nationalities, i);
      const char *code = tarmac_country_lookup (given);

      if (code == NULL)
        {
          g_set_error (error, TARMAC_STORE_ERROR, TARMAC_STORE_ERROR_INVALID,
                       _("“%s” is not a country (use a three-letter code such as NGA)"), given);
          return FALSE;
        }
      g_free (g_ptr_array_index (entry->nationalities, i));
      g_ptr_array_index (entry->nationalities, i) = g_strdup (code);
    }

  if (entry->sex != NULL && *entry->sex == '\0')
    g_clear_pointer (&entry->sex, g_free);
  if (entry->sex != NULL && !g_str_equal (entry->sex, "M") && !g_str_equal (entry->sex, "F"))
    {
      g_set_error (error, TARMAC_STORE_ERROR, TARMAC_STORE_ERROR_INVALID,
                   _("The sex is M, F or left empty"));
      return FALSE;
    }

  if (entry->expires_at != NULL && *entry->expires_at == '\0')
    g_clear_pointer (&entry->expires_at, g_free);
  if (entry->expires_at != NULL)
    {
      TarmacDob day;

      if (!tarmac_dob_parse (entry->expires_at, &day) || day.kind != TARMAC_DOB_EXACT)
        {
          g_set_error (error, TARMAC_STORE_ERROR, TARMAC_STORE_ERROR_INVALID,
                       _("“%s” is not a day: write the expiry as YYYY-MM-DD"),
                       entry->expires_at);
          return FALSE;
        }
      g_free (entry->expires_at);
      entry->expires_at = g_strdup_printf ("%04u-%02u-%02u", day.year_from, day.month, day.day);
    }

  return TRUE;
}

static gint64
find_manual_list (TarmacStore  *store,
                  GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = _tarmac_store_prepare (store, "SELECT id FROM watchlist WHERE source = ?1 AND name = ?2",
                                error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, TARMAC_WATCHLIST_SOURCE_MANUAL, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, TARMAC_WATCHLIST_MANUAL_NAME, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);
  if (rc != SQLITE_DONE)
    {
      _tarmac_store_set_error (store, rc, error);
      return -1;
    }
  return 0;
}

/* Every entry of the manual list, in order; @max_number is the highest "M<n>" id. */
static gboolean
read_manual_entries (TarmacStore          *store,
                     gint64                list_id,
                     TarmacWatchlistData  *data,
                     GArray               *row_ids,
                     guint                *max_number,
                     GError              **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  *max_number = 0;
  if (list_id == 0)
    return TRUE;

  stmt = _tarmac_store_prepare (store, "SELECT id FROM watchlist_entry WHERE watchlist_id = ?1"
                                       " ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, list_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    {
      _tarmac_store_set_error (store, rc, error);
      return FALSE;
    }

  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      TarmacWatchlistEntry *entry = _tarmac_watchlist_entry_read (store, id, NULL, error);

      if (entry == NULL)
        return FALSE;
      if (entry->external_id != NULL && entry->external_id[0] == 'M')
        *max_number = MAX (*max_number, (guint) strtoul (entry->external_id + 1, NULL, 10));
      g_ptr_array_add (data->entries, entry);
      g_array_append_val (row_ids, id);
    }
  return TRUE;
}

static gint64
find_entry (TarmacStore  *store,
            gint64        list_id,
            const char   *external_id,
            GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = _tarmac_store_prepare (store, "SELECT id FROM watchlist_entry"
                                       " WHERE watchlist_id = ?1 AND external_id = ?2", error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, list_id);
  sqlite3_bind_text (stmt, 2, external_id, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, TARMAC_STORE_ERROR, TARMAC_STORE_ERROR_QUERY,
                   _("The saved entry could not be read back"));
      return -1;
    }
  return sqlite3_column_int64 (stmt, 0);
}

static gboolean
save (TarmacStore           *store,
      gint64                 entry_id,
      TarmacWatchlistEntry  *entry,
      const char            *action,
      gint64                *saved_id,
      GError               **error)
{
  g_autoptr(TarmacWatchlistData) data = NULL;
  g_autoptr(GArray) row_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(TarmacWatchlistImportReport) report = NULL;
  g_autofree char *object_id = NULL;
  gint64 list_id;
  gint64 id;
  guint max_number;
  gboolean replaced = FALSE;

  if (!tarmac_store_begin (store, error))
    {
      tarmac_watchlist_entry_free (entry);
      return FALSE;
    }

  data = tarmac_watchlist_data_new (TARMAC_WATCHLIST_SOURCE_MANUAL, TARMAC_WATCHLIST_MANUAL_NAME,
                                    "persons");
  list_id = find_manual_list (store, error);
  if (list_id < 0 || !read_manual_entries (store, list_id, data, row_ids, &max_number, error))
    {
      tarmac_watchlist_entry_free (entry);
      goto fail;
    }

  if (entry_id != 0)
    {
      for (guint i = 0; i < row_ids->len && !replaced; i++)
        if (g_array_index (row_ids, gint64, i) == entry_id)
          {
            TarmacWatchlistEntry *old = g_ptr_array_index (data->entries, i);

            g_free (entry->external_id);
            entry->external_id = g_strdup (old->external_id);
            g_free (entry->kind);
            entry->kind = g_strdup (old->kind);
            tarmac_watchlist_entry_free (old);
            g_ptr_array_index (data->entries, i) = entry;
            replaced = TRUE;
          }
      if (!replaced)
        {
          tarmac_watchlist_entry_free (entry);
          g_set_error (error, TARMAC_STORE_ERROR, TARMAC_STORE_ERROR_INVALID,
                       _("Only manual entries can be edited; other lists change when they are "
                         "loaded again"));
          goto fail;
        }
    }
  else
    {
      g_free (entry->external_id);
      entry->external_id = g_strdup_printf ("M%u", max_number + 1);
      if (entry->kind == NULL)
        entry->kind = g_strdup ("person");
      g_ptr_array_add (data->entries, entry);
    }

  if (!tarmac_watchlist_import (store, data, TARMAC_WATCHLIST_MANUAL_NAME, NULL, NULL, &report,
                                error))
    goto fail;

  id = find_entry (store, report->watchlist_id, entry->external_id, error);
  if (id < 0)
    goto fail;

  object_id = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  if (!tarmac_audit_append (store, action, "watchlist_entry", object_id, entry->external_id,
                            error))
    goto fail;
  /* A failed commit ends its level itself. */
  if (!tarmac_store_commit (store, error))
    return FALSE;

  if (saved_id != NULL)
    *saved_id = id;
  return TRUE;

fail:
  tarmac_store_rollback (store);
  return FALSE;
}

/**
 * tarmac_watchlist_manual_save:
 * @store: the store
 * @entry_id: the manual entry to replace, or 0 to add one
 * @entry: (transfer full): the entry as the officer typed it
 * @saved_id: (out) (optional): the row id of the saved entry
 * @error: return location for a #GError
 *
 * Validates @entry (tarmac_watchlist_manual_validate()) and stores it in the "Manual
 * entries" list, created on first use. Editing keeps the entry's id.
 *
 * Returns: %TRUE on success; on failure the database is unchanged
 */
gboolean
tarmac_watchlist_manual_save (TarmacStore           *store,
                              gint64                 entry_id,
                              TarmacWatchlistEntry  *entry,
                              gint64                *saved_id,
                              GError               **error)
{
  g_return_val_if_fail (TARMAC_IS_STORE (store), FALSE);
  g_return_val_if_fail (entry != NULL, FALSE);

  if (!tarmac_watchlist_manual_validate (entry, error))
    {
      tarmac_watchlist_entry_free (entry);
      return FALSE;
    }

  return save (store, entry_id, entry, entry_id != 0 ? "edit" : "add", saved_id, error);
}

/**
 * tarmac_watchlist_manual_expire:
 * @store: the store
 * @entry_id: a manual entry
 * @error: return location for a #GError
 *
 * Ends a manual entry today: it stays in the list, marked expired, for the record.
 *
 * Returns: %TRUE on success
 */
gboolean
tarmac_watchlist_manual_expire (TarmacStore  *store,
                                gint64        entry_id,
                                GError      **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  TarmacWatchlistEntry *entry;

  g_return_val_if_fail (TARMAC_IS_STORE (store), FALSE);

  entry = _tarmac_watchlist_entry_read (store, entry_id, NULL, error);
  if (entry == NULL)
    return FALSE;

  /* Yesterday: an entry counts as expired once its expiry day has passed. */
  g_free (entry->expires_at);
  {
    g_autoptr(GDateTime) yesterday = g_date_time_add_days (now, -1);

    entry->expires_at = g_date_time_format (yesterday, "%Y-%m-%d");
  }

  return save (store, entry_id, entry, "expire", NULL, error);
}
