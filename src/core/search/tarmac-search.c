/* tarmac-search.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-search"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "tarmac-audit.h"
#include "tarmac-name-key.h"
#include "tarmac-search-private.h"
#include "tarmac-search-result.h"
#include "tarmac-store-private.h"

/* One query box for everything: the query is read as a name and as each kind of
 * identifier it could be, every plausible kind is searched, and the travellers found are
 * ranked together (tarmac-search-private.h has the tiers). */

void
_tarmac_search_hits_init (SearchHits *hits)
{
  hits->by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_free);
}

void
_tarmac_search_hits_clear (SearchHits *hits)
{
  g_clear_pointer (&hits->by_id, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SearchHits, _tarmac_search_hits_clear)

/* Keeps the best reason a traveller was found. */
void
_tarmac_search_hits_add (SearchHits      *hits,
                         const SearchHit *hit)
{
  SearchHit *known = g_hash_table_lookup (hits->by_id, &hit->traveller_id);

  if (known != NULL)
    {
      if (known->tier <= hit->tier)
        return;
      *known = *hit;
      return;
    }

  known = g_memdup2 (hit, sizeof *hit);
  g_hash_table_insert (hits->by_id, &known->traveller_id, known);
}

static int
compare_hits (gconstpointer a,
              gconstpointer b)
{
  const SearchHit *ha = *(SearchHit * const *) a;
  const SearchHit *hb = *(SearchHit * const *) b;

  if (ha->tier != hb->tier)
    return ha->tier < hb->tier ? -1 : 1;
  if (ha->day != hb->day)
    return ha->day > hb->day ? -1 : 1;
  if (ha->traveller_id != hb->traveller_id)
    return ha->traveller_id > hb->traveller_id ? -1 : 1;
  return 0;
}

/* Borrowed pointers into @hits, best first. */
GPtrArray *
_tarmac_search_hits_ranked (SearchHits *hits)
{
  GPtrArray *ranked = g_ptr_array_sized_new (g_hash_table_size (hits->by_id));
  GHashTableIter iter;
  gpointer hit;

  g_hash_table_iter_init (&iter, hits->by_id);
  while (g_hash_table_iter_next (&iter, NULL, &hit))
    g_ptr_array_add (ranked, hit);

  g_ptr_array_sort (ranked, compare_hits);
  return ranked;
}

static gboolean
name_key_has_letter (const char *key)
{
  for (const char *p = key; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isalpha (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

/* The traveller objects of the best hits; travellers gone or masked since are skipped. */
static GListModel *
build_results (TarmacStore   *store,
               SearchHits    *hits,
               guint          limit,
               GError       **error)
{
  g_autoptr(GPtrArray) ranked = _tarmac_search_hits_ranked (hits);
  g_autoptr(GListStore) results = g_list_store_new (TARMAC_TYPE_SEARCH_RESULT);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = _tarmac_store_prepare (store,
                                _TARMAC_TRAVELLER_COLUMNS " WHERE t.id = ?1 AND t.masked = 0",
                                error);
  if (stmt == NULL)
    return NULL;

  for (guint i = 0; i < ranked->len && g_list_model_get_n_items (G_LIST_MODEL (results)) < limit;
       i++)
    {
      const SearchHit *hit = g_ptr_array_index (ranked, i);
      g_autoptr(TarmacTraveller) traveller = NULL;
      g_autoptr(TarmacSearchResult) result = NULL;
      int rc;

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, hit->traveller_id);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_DONE)
        continue;
      if (rc != SQLITE_ROW)
        {
          _tarmac_store_set_error (store, rc, error);
          return NULL;
        }

      traveller = _tarmac_store_traveller_from_row (stmt);
      result = g_object_new (TARMAC_TYPE_SEARCH_RESULT,
                             "traveller", traveller,
                             "match", hit->match,
                             "distance", hit->distance,
                             "words-matched", hit->words_matched,
                             "words-total", hit->words_total,
                             NULL);
      g_list_store_append (results, result);
    }

  return G_LIST_MODEL (g_steal_pointer (&results));
}

/**
 * tarmac_store_search:
 * @store: a #TarmacStore
 * @query: what the officer typed: a name in any case, with or without accents, in any
 *   order and misspelt by a letter or two (two for long words); a travel document number
 *   with or without separators, or its beginning; a PNR record locator; a phone number
 *   in international or national form; an e-mail address or its beginning
 * @limit: the most results to return
 * @cancellable: (nullable): stops the search between its steps
 * @error: return location for a #GError
 *
 * Finds travellers, best first: identifiers found exactly, then travellers with every
 * word of the name (exact, then by their beginning, then misspelt), then beginnings of
 * identifiers, then travellers with some of the words; within each, the newest flight
 * first. Masked travellers are never found. Records the search in the audit log before
 * reading anything.
 *
 * Returns: (transfer full): a #GListModel of #TarmacSearchResult, or %NULL with @error set
 */
GListModel *
tarmac_store_search (TarmacStore   *store,
                     const char    *query,
                     guint          limit,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_auto(SearchHits) hits = { NULL, };
  g_autofree char *key = NULL;
  g_autofree char *email = NULL;
  gboolean search_names;

  g_return_val_if_fail (TARMAC_IS_STORE (store), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  if (!g_utf8_validate (query, -1, NULL))
    {
      g_set_error_literal (error, TARMAC_STORE_ERROR, TARMAC_STORE_ERROR_INVALID,
                           _("The search is not valid UTF-8 text"));
      return NULL;
    }

  if (g_utf8_strlen (query, -1) > TARMAC_SEARCH_MAX_QUERY_LENGTH)
    {
      g_set_error (error, TARMAC_STORE_ERROR, TARMAC_STORE_ERROR_INVALID,
                   _("The search is too long (at most %u characters)"),
                   TARMAC_SEARCH_MAX_QUERY_LENGTH);
      return NULL;
    }

  key = tarmac_name_key (query);
  if (*key == '\0')
    return G_LIST_MODEL (g_list_store_new (TARMAC_TYPE_SEARCH_RESULT));

  if (!tarmac_audit_append (store, "search", "traveller", NULL, query, error))
    return NULL;

  _tarmac_search_hits_init (&hits);

  if (!_tarmac_search_identifiers (store, query, limit, cancellable, &hits, error))
    return NULL;

  /* An e-mail address or a number is not a name. */
  email = _tarmac_search_email_key (query);
  search_names = *email == '\0' && name_key_has_letter (key);
  if (search_names &&
      !_tarmac_search_names (store, key, limit, cancellable, &hits, error))
    return NULL;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  return build_results (store, &hits, limit, error);
}
