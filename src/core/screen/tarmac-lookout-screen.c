/* tarmac-lookout-screen.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-lookout-screen"

#include "config.h"

#include <glib/gi18n.h>

#include "tarmac-audit.h"
#include "tarmac-lookout-screen.h"
#include "tarmac-screen-index.h"
#include "tarmac-screen-thresholds.h"
#include "tarmac-store-private.h"

/* This airport's travellers screened against the lookouts other airports sent it
 * (issue 6, DESIGN.md §7): the lookouts become the entries of an in-memory screening
 * index (tarmac-screen-index.c: the same name comparator and the same DOB, nationality,
 * sex and document evidence as the watchlists), each traveller is matched as a query,
 * and a candidate at or above the review threshold becomes a hit (source 'lookout')
 * that points back to the lookout and to the sender's record.
 *
 * One hit per traveller and lookout: screening again updates the score of a hit still
 * 'new' and never re-opens or doubles one an officer has reviewed. Masked travellers and
 * expired lookouts are never screened. Called when a lookout arrives (its own id, the
 * travellers of recent and coming flights) and when travellers are imported (every
 * active lookout, those travellers). */

#define MAX_CANDIDATES 8

typedef struct
{
  gint64  id;
  char   *record_id;
  char   *origin_site;
  char   *reason;
  gint64  expires_at;
} Lookout;

static void
lookout_free (Lookout *lookout)
{
  g_free (lookout->record_id);
  g_free (lookout->origin_site);
  g_free (lookout->reason);
  g_free (lookout);
}

/* The active lookouts (or the one asked for) as an index, and their details by id. */
static TarmacScreenIndex *
load_lookouts (TarmacStore  *store,
               gint64        lookout_id,
               GHashTable   *details,
               GError      **error)
{
  g_autoptr(TarmacScreenIndex) index = tarmac_screen_index_new ();
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = _tarmac_store_prepare (store,
                                "SELECT id, record_id, origin_site, reason, expires_at, surname,"
                                " given_names, date_of_birth, nationality, sex, document_number"
                                " FROM lookout WHERE expires_at > ?1 AND (?2 = 0 OR id = ?2)",
                                error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, g_get_real_time () / 1000);
  sqlite3_bind_int64 (stmt, 2, lookout_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TarmacWatchlistEntry *entry;
      Lookout *lookout = g_new0 (Lookout, 1);
      g_autofree char *name = NULL;
      const char *dob = _tarmac_store_column_text (stmt, 7);
      const char *nationality = _tarmac_store_column_text (stmt, 8);
      const char *sex = _tarmac_store_column_text (stmt, 9);
      const char *document = _tarmac_store_column_text (stmt, 10);
      TarmacDob parsed;

      lookout->id = sqlite3_column_int64 (stmt, 0);
      lookout->record_id = g_strdup (_tarmac_store_column_text (stmt, 1));
      lookout->origin_site = g_strdup (_tarmac_store_column_text (stmt, 2));
      lookout->reason = g_strdup (_tarmac_store_column_text (stmt, 3));
      lookout->expires_at = sqlite3_column_int64 (stmt, 4);
      g_hash_table_insert (details, &lookout->id, lookout);

      entry = tarmac_watchlist_entry_new (lookout->record_id, "person");
      name = g_strjoin (" ", _tarmac_store_column_text (stmt, 6), _tarmac_store_column_text (stmt, 5), NULL);
      tarmac_watchlist_entry_add_name (entry, g_strstrip (name), TARMAC_NAME_QUALITY_PRIMARY);
      if (dob != NULL && tarmac_dob_parse (dob, &parsed))
        g_array_append_val (entry->dobs, parsed);
      if (nationality != NULL)
        tarmac_watchlist_entry_add_nationality (entry, nationality);
      if (sex != NULL && (g_str_equal (sex, "M") || g_str_equal (sex, "F")))
        entry->sex = g_strdup (sex);
      if (document != NULL)
        tarmac_watchlist_entry_add_document (entry, "passport", document, NULL);

      tarmac_screen_index_add_entry (index, entry, lookout->id, lookout->origin_site, 0);
      tarmac_watchlist_entry_free (entry);
    }
  if (rc != SQLITE_DONE)
    {
      _tarmac_store_set_error (store, rc, error);
      return NULL;
    }

  tarmac_screen_index_finish (index);
  return g_steal_pointer (&index);
}

static char *
explanation_for (const Lookout              *lookout,
                 const TarmacMatchCandidate *candidate)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GDateTime) until = g_date_time_new_from_unix_utc (lookout->expires_at / 1000);
  g_autofree char *until_text = until != NULL ? g_date_time_format (until, "%Y-%m-%d") : g_strdup ("");
  g_autofree char *text = NULL;

  if (lookout->reason != NULL && *lookout->reason != '\0')
    /* Translators: a lookout's hit: the sending airport, its reason, its expiry date and how
     * the traveller matched ("names aligned: …") */
    text = g_strdup_printf (_("Lookout from %s (%s), until %s: %s"), lookout->origin_site,
                            lookout->reason, until_text, candidate->summary);
  else
    text = g_strdup_printf (_("Lookout from %s, until %s: %s"), lookout->origin_site,
                            until_text, candidate->summary);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "text");
  json_builder_add_string_value (builder, text);
  json_builder_set_member_name (builder, "lookout");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "record_id");
  json_builder_add_string_value (builder, lookout->record_id);
  json_builder_set_member_name (builder, "origin_site");
  json_builder_add_string_value (builder, lookout->origin_site);
  json_builder_set_member_name (builder, "reason");
  json_builder_add_string_value (builder, lookout->reason);
  json_builder_set_member_name (builder, "expires_at");
  json_builder_add_int_value (builder, lookout->expires_at);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "match");
  json_builder_add_value (builder, json_node_copy (candidate->explanation));
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

/* One hit per (traveller, lookout); returns whether a new one was raised. */
static gboolean
write_hit (TarmacStore                *store,
           gint64                      traveller_id,
           const Lookout              *lookout,
           const TarmacMatchCandidate *candidate,
           gboolean                   *added,
           GError                    **error)
{
  g_autoptr(sqlite3_stmt) existing = NULL;
  g_autoptr(sqlite3_stmt) write = NULL;
  g_autofree char *explanation = explanation_for (lookout, candidate);
  g_autofree char *now = _tarmac_store_now ();
  double score = CLAMP (candidate->score, 0.0, 1.0);
  int rc;

  *added = FALSE;
  existing = _tarmac_store_prepare (store,
                                    "SELECT id, status FROM hit WHERE traveller_id = ?1 AND lookout_id = ?2",
                                    error);
  if (existing == NULL)
    return FALSE;
  sqlite3_bind_int64 (existing, 1, traveller_id);
  sqlite3_bind_int64 (existing, 2, lookout->id);
  rc = sqlite3_step (existing);
  if (rc == SQLITE_ROW)
    {
      /* Reviewed: the officer's decision stands. */
      if (g_strcmp0 (_tarmac_store_column_text (existing, 1), "new") != 0)
        return TRUE;

      write = _tarmac_store_prepare (store,
                                     "UPDATE hit SET score = ?2, explanation = ?3, updated_at = ?4"
                                     " WHERE id = ?1 AND (score <> ?2 OR explanation <> ?3)",
                                     error);
      if (write == NULL)
        return FALSE;
      sqlite3_bind_int64 (write, 1, sqlite3_column_int64 (existing, 0));
    }
  else if (rc == SQLITE_DONE)
    {
      g_autofree char *retain_until = _tarmac_store_retain_until (store);

      write = _tarmac_store_prepare (store,
                                     "INSERT INTO hit (traveller_id, source, score, explanation,"
                                     " created_at, updated_at, retain_until, lookout_id, lookout_record)"
                                     " VALUES (?1, 'lookout', ?2, ?3, ?4, ?4, ?5, ?6, ?7)",
                                     error);
      if (write == NULL)
        return FALSE;
      sqlite3_bind_int64 (write, 1, traveller_id);
      sqlite3_bind_text (write, 5, retain_until, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (write, 6, lookout->id);
      sqlite3_bind_text (write, 7, lookout->record_id, -1, SQLITE_STATIC);
      *added = TRUE;
    }
  else
    {
      _tarmac_store_set_error (store, rc, error);
      return FALSE;
    }

  sqlite3_bind_double (write, 2, score);
  sqlite3_bind_text (write, 3, explanation, -1, SQLITE_STATIC);
  sqlite3_bind_text (write, 4, now, -1, SQLITE_STATIC);
  return _tarmac_store_step_done (store, write, error);
}

static gboolean
screen_row (TarmacStore        *store,
            TarmacScreenIndex  *index,
            GHashTable         *details,
            double              min_score,
            sqlite3_stmt       *row,
            guint              *n_hits,
            GError            **error)
{
  g_autoptr(GPtrArray) candidates = NULL;
  g_autofree char *name = g_strjoin (" ", _tarmac_store_column_text (row, 2),
                                     _tarmac_store_column_text (row, 1), NULL);
  TarmacMatchQuery query = {
    .name = g_strstrip (name),
    .dob = _tarmac_store_column_text (row, 3),
    .nationality = _tarmac_store_column_text (row, 4),
    .sex = _tarmac_store_column_text (row, 5),
    .document = _tarmac_store_column_text (row, 6),
  };

  candidates = tarmac_screen_index_match (index, &query, min_score, MAX_CANDIDATES, NULL);
  for (guint i = 0; i < candidates->len; i++)
    {
      TarmacMatchCandidate *candidate = g_ptr_array_index (candidates, i);
      Lookout *lookout = g_hash_table_lookup (details, &candidate->entry_id);
      gboolean added = FALSE;

      if (lookout == NULL)
        continue;
      if (!write_hit (store, sqlite3_column_int64 (row, 0), lookout, candidate, &added, error))
        return FALSE;
      if (added)
        (*n_hits)++;
    }

  return TRUE;
}

#define TRAVELLER_COLUMNS \
  "SELECT t.id, t.surname, t.given_names, t.date_of_birth, t.nationality, t.sex," \
  " (SELECT d.number FROM travel_document d WHERE d.traveller_id = t.id ORDER BY d.id LIMIT 1)"
#define TRAVELLER_QUERY \
  TRAVELLER_COLUMNS " FROM traveller t JOIN flight f ON f.id = t.flight_id WHERE t.masked = 0"
#define RECENT_TRAVELLERS_QUERY \
  TRAVELLER_COLUMNS " FROM flight f CROSS JOIN traveller t ON t.flight_id = f.id" \
  " WHERE f.flight_date >= ?1 AND t.masked = 0"

/**
 * tarmac_lookout_screen:
 * @store: the workstation's database
 * @lookout_id: one lookout (lookout.id), or 0 for every active one
 * @traveller_ids: (nullable) (element-type gint64): the travellers to screen (an
 *   import's), or %NULL for those of flights from %TARMAC_LOOKOUT_SCREEN_DAYS_BACK days
 *   ago onwards
 * @n_hits: (out) (optional): how many new hits were raised
 *
 * Screens travellers against lookouts and writes their hits, in one transaction with an
 * audit row (when something was screened).
 */
gboolean
tarmac_lookout_screen (TarmacStore   *store,
                       gint64         lookout_id,
                       GArray        *traveller_ids,
                       guint         *n_hits,
                       GError       **error)
{
  g_autoptr(GHashTable) details = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                                         (GDestroyNotify) lookout_free);
  g_autoptr(TarmacScreenIndex) index = NULL;
  g_autoptr(sqlite3_stmt) rows = NULL;
  g_autofree char *detail = NULL;
  double alert = 0, review = 0;
  guint added = 0, screened = 0;
  int rc;

  g_return_val_if_fail (TARMAC_IS_STORE (store), FALSE);

  if (n_hits != NULL)
    *n_hits = 0;

  index = load_lookouts (store, lookout_id, details, error);
  if (index == NULL)
    return FALSE;
  if (g_hash_table_size (details) == 0)
    return TRUE;

  tarmac_screen_get_thresholds (store, &alert, &review);

  if (!tarmac_store_begin (store, error))
    return FALSE;

  if (traveller_ids == NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
      g_autoptr(GDateTime) since = g_date_time_add_days (now, -TARMAC_LOOKOUT_SCREEN_DAYS_BACK);
      g_autofree char *since_text = g_date_time_format (since, "%Y-%m-%d");

      /* From the recent flights to their unmasked travellers (traveller_flight), never
       * through every traveller. */
      rows = _tarmac_store_prepare (store, RECENT_TRAVELLERS_QUERY, error);
      if (rows == NULL)
        goto fail;
      sqlite3_bind_text (rows, 1, since_text, -1, SQLITE_TRANSIENT);
      while ((rc = sqlite3_step (rows)) == SQLITE_ROW)
        {
          screened++;
          if (!screen_row (store, index, details, review, rows, &added, error))
            goto fail;
        }
      if (rc != SQLITE_DONE)
        {
          _tarmac_store_set_error (store, rc, error);
          goto fail;
        }
    }
  else
    {
      rows = _tarmac_store_prepare (store, TRAVELLER_QUERY " AND t.id = ?1", error);
      if (rows == NULL)
        goto fail;
      for (guint i = 0; i < traveller_ids->len; i++)
        {
          sqlite3_reset (rows);
          sqlite3_bind_int64 (rows, 1, g_array_index (traveller_ids, gint64, i));
          rc = sqlite3_step (rows);
          if (rc == SQLITE_ROW)
            {
              screened++;
              if (!screen_row (store, index, details, review, rows, &added, error))
                goto fail;
            }
          else if (rc != SQLITE_DONE)
            {
              _tarmac_store_set_error (store, rc, error);
              goto fail;
            }
        }
    }

  detail = g_strdup_printf ("%u travellers, %u lookouts, %u new hits", screened,
                            g_hash_table_size (details), added);
  if (screened > 0 && !tarmac_audit_append (store, "screen", "lookout", NULL, detail, error))
    goto fail;

  if (!tarmac_store_commit (store, error))
    return FALSE;

  if (n_hits != NULL)
    *n_hits = added;
  return TRUE;

fail:
  tarmac_store_rollback (store);
  return FALSE;
}
