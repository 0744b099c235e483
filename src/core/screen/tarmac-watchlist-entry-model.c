/* tarmac-watchlist-entry-model.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-watchlist-entry-model"

#include "config.h"

#include <string.h>

#include "tarmac-audit.h"
#include "tarmac-name-key.h"
#include "tarmac-store-private.h"
#include "tarmac-watchlist-data.h"
#include "tarmac-watchlist-entry-model.h"
#include "tarmac-watchlist-item.h"

/*
 * The entries of one list, or those a search finds in it, as a GListModel that stays
 * smooth at a million rows: it holds only the entries' ids (8 bytes each, read in one
 * indexed pass) and reads the rows a view asks for a page at a time, keeping a few pages.
 * Rows come in list order (the file's order, which is the id order).
 *
 * Finding the ids (tarmac_watchlist_entry_ids()) only reads, and may run on a worker
 * thread's own connection; a search of a million names takes a second or two. Opening a
 * list shows personal data, so making the model writes one audit row ("view", or "search"
 * with the query); scrolling through it does not write more.
 */

#define PAGE_SIZE 128
#define MAX_PAGES 32
#define MAX_QUERY_WORDS 4

struct _TarmacWatchlistEntryModel
{
  GObject       parent_instance;

  TarmacStore  *store;
  gint64        watchlist_id;
  GArray       *ids;         /* gint64, ascending */
  GHashTable   *pages;       /* page number → GPtrArray of TarmacWatchlistItem */
  sqlite3_stmt *page_stmt;
  char         *today;
  guint         pages_read;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TarmacWatchlistEntryModel, tarmac_watchlist_entry_model,
                               G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

/* A page's rows by id range: the ids between its first and last, of which a search keeps
 * only its own. The first name is the primary one when the list marks one. */
static const char page_sql[] =
  "SELECT e.id, e.external_id,"
  " (SELECT n.name FROM watchlist_name n WHERE n.entry_id = e.id"
  "   ORDER BY CASE n.quality WHEN 'primary' THEN 0 WHEN 'strong' THEN 1 ELSE 2 END, n.id"
  "   LIMIT 1),"
  " (SELECT count(*) FROM watchlist_name n WHERE n.entry_id = e.id),"
  " e.dates_of_birth, e.nationalities,"
  " coalesce (e.document_number,"
  "   (SELECT d.number FROM watchlist_document d WHERE d.entry_id = e.id ORDER BY d.id"
  "    LIMIT 1)),"
  " e.reason, e.expires_at"
  " FROM watchlist_entry e"
  " WHERE e.watchlist_id = ?1 AND e.id BETWEEN ?2 AND ?3 ORDER BY e.id";

static GType
get_item_type (GListModel *model)
{
  return TARMAC_TYPE_WATCHLIST_ITEM;
}

static guint
get_n_items (GListModel *model)
{
  return TARMAC_WATCHLIST_ENTRY_MODEL (model)->ids->len;
}

static GPtrArray *
read_page (TarmacWatchlistEntryModel *self,
           guint                      page)
{
  guint first = page * PAGE_SIZE;
  guint last = MIN (first + PAGE_SIZE, self->ids->len) - 1;
  GPtrArray *items = g_ptr_array_new_full (last - first + 1, g_object_unref);
  guint next = first;
  int rc;

  sqlite3_reset (self->page_stmt);
  sqlite3_bind_int64 (self->page_stmt, 1, self->watchlist_id);
  sqlite3_bind_int64 (self->page_stmt, 2, g_array_index (self->ids, gint64, first));
  sqlite3_bind_int64 (self->page_stmt, 3, g_array_index (self->ids, gint64, last));

  /* Both sides are in id order: walk them together, keeping the rows of our ids. */
  while (next <= last && (rc = sqlite3_step (self->page_stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (self->page_stmt, 0);
      const char *expires_at = _tarmac_store_column_text (self->page_stmt, 8);

      if (id != g_array_index (self->ids, gint64, next))
        continue;

      g_ptr_array_add (items, tarmac_watchlist_item_new (
        id,
        _tarmac_store_column_text (self->page_stmt, 1),
        _tarmac_store_column_text (self->page_stmt, 2),
        (guint) sqlite3_column_int (self->page_stmt, 3),
        _tarmac_store_column_text (self->page_stmt, 4),
        _tarmac_store_column_text (self->page_stmt, 5),
        _tarmac_store_column_text (self->page_stmt, 6),
        _tarmac_store_column_text (self->page_stmt, 7),
        expires_at,
        expires_at != NULL && strncmp (expires_at, self->today, 10) < 0));
      next++;
    }
  sqlite3_reset (self->page_stmt);

  /* An entry deleted since the ids were read (a re-load of the list): keep the positions
   * the view knows, with an empty row, until the page reloads the model. */
  while (next <= last)
    {
      g_ptr_array_add (items, tarmac_watchlist_item_new (g_array_index (self->ids, gint64, next),
                                                         NULL, "", 0, NULL, NULL, NULL, NULL,
                                                         NULL, FALSE));
      next++;
    }

  self->pages_read++;
  return items;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  TarmacWatchlistEntryModel *self = TARMAC_WATCHLIST_ENTRY_MODEL (model);
  guint page = position / PAGE_SIZE;
  GPtrArray *items;

  if (position >= self->ids->len)
    return NULL;

  items = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page));
  if (items == NULL)
    {
      /* A view asks for the rows around what it shows; a few dozen pages cover any
       * window. Dropping them all when full is simpler than an LRU and as smooth. */
      if (g_hash_table_size (self->pages) >= MAX_PAGES)
        g_hash_table_remove_all (self->pages);
      items = read_page (self, page);
      g_hash_table_insert (self->pages, GUINT_TO_POINTER (page), items);
    }

  return g_object_ref (g_ptr_array_index (items, position % PAGE_SIZE));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
tarmac_watchlist_entry_model_finalize (GObject *object)
{
  TarmacWatchlistEntryModel *self = (TarmacWatchlistEntryModel *)object;

  g_clear_pointer (&self->page_stmt, sqlite3_finalize);
  g_clear_pointer (&self->pages, g_hash_table_unref);
  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->today, g_free);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (tarmac_watchlist_entry_model_parent_class)->finalize (object);
}

static void
tarmac_watchlist_entry_model_class_init (TarmacWatchlistEntryModelClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tarmac_watchlist_entry_model_finalize;
}

static void
tarmac_watchlist_entry_model_init (TarmacWatchlistEntryModel *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  self->today = g_date_time_format (now, "%Y-%m-%d");
}

static int
progress_cb (void *user_data)
{
  return g_cancellable_is_cancelled (user_data) ? 1 : 0;
}

static GArray *
read_ids (TarmacStore   *store,
          sqlite3_stmt  *stmt,
          GCancellable  *cancellable,
          GError       **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3 *db = _tarmac_store_get_db (store);
  gint64 last = G_MININT64;
  int rc;

  /* A search of a million names takes a second or more: let the caller stop it. */
  if (cancellable != NULL)
    sqlite3_progress_handler (db, 4096, progress_cb, cancellable);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      /* Rows come sorted; the union of names and documents may repeat an entry. */
      if (id != last)
        g_array_append_val (ids, id);
      last = id;
    }
  if (cancellable != NULL)
    sqlite3_progress_handler (db, 0, NULL, NULL);

  if (rc == SQLITE_INTERRUPT || g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      if (error != NULL && *error == NULL)
        g_cancellable_set_error_if_cancelled (cancellable, error);
      return NULL;
    }
  if (rc != SQLITE_DONE)
    {
      _tarmac_store_set_error (store, rc, error);
      return NULL;
    }
  return g_steal_pointer (&ids);
}

/* "instr" needles for the words of a name: each must begin a word of the entry's name
 * key, so "moh ali" finds "Mohammed Ali" and "ALI, Mohamed" but not "Khalil". */
static char *
word_needle (const char *word)
{
  return g_strconcat (" ", word, NULL);
}

static gboolean
has_digits (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      return TRUE;
  return FALSE;
}

static GArray *
search_ids (TarmacStore   *store,
            gint64         watchlist_id,
            const char    *query,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autofree char *key = tarmac_name_key (query);
  g_autofree char *document = tarmac_document_normalise (query);
  g_auto(GStrv) words = NULL;
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  guint n_words = 0;

  if (key != NULL && *key != '\0')
    words = g_strsplit (key, " ", -1);
  if (words != NULL)
    n_words = MIN (g_strv_length (words), MAX_QUERY_WORDS);

  /* The SQL's shape depends only on how many words there are; every value is bound. The
   * entry id and documents are found through their indexes ("+" keeps SQLite from
   * scanning the list's million entries instead); names by a scan of the name key index
   * (a third of the table's size), then their entries by row id. CROSS JOIN fixes that
   * order. Words with digits are document numbers or ids, never names: no scan for them. */
  g_string_append (sql,
                   "SELECT id FROM watchlist_entry WHERE watchlist_id = ?1 AND external_id = ?2"
                   " UNION SELECT id FROM watchlist_entry"
                   "   WHERE ?3 <> '' AND document_normalised = ?3 AND +watchlist_id = ?1"
                   " UNION SELECT d.entry_id FROM watchlist_document d"
                   "   CROSS JOIN watchlist_entry e ON e.id = d.entry_id"
                   "   WHERE ?3 <> '' AND d.number_normalised = ?3 AND +e.watchlist_id = ?1");
  if (n_words > 0 && !has_digits (key))
    {
      g_string_append (sql, " UNION SELECT n.entry_id FROM"
                            "   (SELECT rowid AS name_id FROM watchlist_name"
                            "    INDEXED BY watchlist_name_key WHERE 1");
      for (guint i = 0; i < n_words; i++)
        g_string_append_printf (sql, " AND instr (' ' || name_key, ?%u) > 0", 4 + i);
      g_string_append (sql, ") m CROSS JOIN watchlist_name n ON n.rowid = m.name_id"
                            " CROSS JOIN watchlist_entry e ON e.id = n.entry_id"
                            " WHERE +e.watchlist_id = ?1");
    }
  else
    {
      n_words = 0;
    }
  g_string_append (sql, " ORDER BY 1");

  stmt = _tarmac_store_prepare (store, sql->str, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, watchlist_id);
  sqlite3_bind_text (stmt, 2, query, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, document != NULL ? document : "", -1, SQLITE_TRANSIENT);
  for (guint i = 0; i < n_words; i++)
    sqlite3_bind_text (stmt, 4 + i, word_needle (words[i]), -1, g_free);

  return read_ids (store, stmt, cancellable, error);
}

/**
 * tarmac_watchlist_entry_ids:
 * @store: the store
 * @watchlist_id: the list
 * @query: (nullable): a name (any accent or case, any order of words, each word the start
 *   of a word of a name), a document number in any writing, or the entry's id in the list;
 *   %NULL for every entry
 * @cancellable: (nullable): stops a long search
 * @error: return location for a #GError
 *
 * Finds the entries to show, in list order. Writes nothing, so it can run on a worker
 * thread's own connection; the view it leads to is audited by
 * tarmac_watchlist_entry_model_new_for_ids().
 *
 * Returns: (transfer full) (element-type gint64): the entries' row ids, or %NULL on error
 *   (%G_IO_ERROR_CANCELLED when cancelled)
 */
GArray *
tarmac_watchlist_entry_ids (TarmacStore   *store,
                            gint64         watchlist_id,
                            const char    *query,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_autofree char *trimmed = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (TARMAC_IS_STORE (store), NULL);

  trimmed = g_strstrip (g_strdup (query != NULL ? query : ""));
  if (*trimmed != '\0')
    return search_ids (store, watchlist_id, trimmed, cancellable, error);

  stmt = _tarmac_store_prepare (store,
                                "SELECT id FROM watchlist_entry WHERE watchlist_id = ?1"
                                " ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, watchlist_id);
  return read_ids (store, stmt, cancellable, error);
}

/**
 * tarmac_watchlist_entry_model_new_for_ids:
 * @store: the store the rows are read from
 * @watchlist_id: the list
 * @query: (nullable): what found @ids, for the audit row
 * @ids: (element-type gint64): from tarmac_watchlist_entry_ids()
 * @error: return location for a #GError
 *
 * Makes the model of the entries @ids, and writes the audit row of the view ("view", or
 * "search" with the query).
 *
 * Returns: (transfer full): a model of #TarmacWatchlistItem, or %NULL on error
 */
TarmacWatchlistEntryModel *
tarmac_watchlist_entry_model_new_for_ids (TarmacStore  *store,
                                          gint64        watchlist_id,
                                          const char   *query,
                                          GArray       *ids,
                                          GError      **error)
{
  g_autoptr(TarmacWatchlistEntryModel) self = NULL;
  g_autofree char *object_id = NULL;
  g_autofree char *trimmed = NULL;

  g_return_val_if_fail (TARMAC_IS_STORE (store), NULL);
  g_return_val_if_fail (ids != NULL, NULL);

  self = g_object_new (TARMAC_TYPE_WATCHLIST_ENTRY_MODEL, NULL);
  self->store = g_object_ref (store);
  self->watchlist_id = watchlist_id;
  g_array_unref (self->ids);
  self->ids = g_array_ref (ids);
  self->page_stmt = _tarmac_store_prepare (store, page_sql, error);
  if (self->page_stmt == NULL)
    return NULL;

  trimmed = g_strstrip (g_strdup (query != NULL ? query : ""));
  object_id = g_strdup_printf ("%" G_GINT64_FORMAT, watchlist_id);
  if (!tarmac_audit_append (store, *trimmed == '\0' ? "view" : "search", "watchlist", object_id,
                            *trimmed == '\0' ? "entries" : trimmed, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * tarmac_watchlist_entry_model_new:
 * @store: the store
 * @watchlist_id: the list
 * @query: (nullable): what to look for (see tarmac_watchlist_entry_ids())
 * @error: return location for a #GError
 *
 * Finds and opens a list's entries in one call, on the caller's thread.
 *
 * Returns: (transfer full): a model of #TarmacWatchlistItem, or %NULL on error
 */
TarmacWatchlistEntryModel *
tarmac_watchlist_entry_model_new (TarmacStore  *store,
                                  gint64        watchlist_id,
                                  const char   *query,
                                  GError      **error)
{
  g_autoptr(GArray) ids = NULL;

  g_return_val_if_fail (TARMAC_IS_STORE (store), NULL);

  ids = tarmac_watchlist_entry_ids (store, watchlist_id, query, NULL, error);
  if (ids == NULL)
    return NULL;
  return tarmac_watchlist_entry_model_new_for_ids (store, watchlist_id, query, ids, error);
}

/* How many pages were read from the database: tests check that a view reads what it
 * shows, not the whole list. */
guint
tarmac_watchlist_entry_model_get_pages_read (TarmacWatchlistEntryModel *self)
{
  g_return_val_if_fail (TARMAC_IS_WATCHLIST_ENTRY_MODEL (self), 0);
  return self->pages_read;
}
