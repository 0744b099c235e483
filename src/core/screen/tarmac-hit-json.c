/* tarmac-hit-json.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-hit"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <math.h>

#include "tarmac-audit.h"
#include "tarmac-hit.h"
#include "tarmac-store-private.h"

/*
 * Hits as JSON, for `tarmac-cli hits list --json` and `tarmac-cli screen --json`: each
 * names the traveller (surname, given names, DOB, nationality, document number, flight),
 * the list and entry it matched (list name, entry ids, the entry's names), the score, the
 * explanation and the review status. The shape is documented in README.md and stays
 * stable. Reading hits shows personal data, so it is audited like the Hits page.
 */

#define HIT_JSON_SQL \
  "SELECT h.id, h.status, h.source, h.score, h.explanation, h.created_at, h.updated_at," \
  " t.id, t.surname, t.given_names, t.date_of_birth, t.nationality, t.sex," \
  " (SELECT d.number FROM travel_document d WHERE d.traveller_id = t.id" \
  "  ORDER BY d.type = 'P' DESC, d.id LIMIT 1)," \
  " f.carrier, f.number, f.flight_date, f.origin, f.destination," \
  " w.id, w.name, w.kind, e.id, e.external_id," \
  " h.lookout_record, l.origin_site, l.expires_at, l.reason" \
  " FROM hit h LEFT JOIN traveller t ON t.id = h.traveller_id" \
  " LEFT JOIN flight f ON f.id = t.flight_id" \
  " LEFT JOIN watchlist_entry e ON e.id = h.watchlist_entry_id" \
  " LEFT JOIN watchlist w ON w.id = e.watchlist_id" \
  " LEFT JOIN lookout l ON l.id = h.lookout_id" \
  " WHERE CASE WHEN ?3 IS NOT NULL THEN h.id IN (SELECT value FROM json_each (?3))" \
  "   WHEN ?1 = 'all' THEN 1" \
  "   WHEN ?1 = 'open' THEN h.status IN ('new', 'in_review', 'referred')" \
  "   ELSE h.status = ?1 END" \
  " ORDER BY h.created_at DESC, h.score DESC, h.id DESC LIMIT ?2"

static void
add_text (JsonBuilder  *builder,
          const char   *member,
          sqlite3_stmt *stmt,
          int           column)
{
  json_builder_set_member_name (builder, member);
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    json_builder_add_null_value (builder);
  else
    json_builder_add_string_value (builder, _tarmac_store_column_text (stmt, column));
}

static void
add_id (JsonBuilder  *builder,
        const char   *member,
        sqlite3_stmt *stmt,
        int           column)
{
  json_builder_set_member_name (builder, member);
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    json_builder_add_null_value (builder);
  else
    json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, column));
}

/* The stored explanation: screening stores a JSON object, rules and older hits text.
 * Its "text" is put in words again in the reader's language (tarmac_hit_explanation_text()). */
static JsonNode *
explanation_node (const char *stored)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;
  JsonObject *object;

  if (stored != NULL && stored[0] == '{' &&
      json_parser_load_from_data (parser, stored, -1, NULL) &&
      (root = json_parser_get_root (parser)) != NULL && JSON_NODE_HOLDS_OBJECT (root))
    {
      JsonNode *copy = json_node_copy (root);
      g_autofree char *words = tarmac_hit_explanation_text (stored);

      json_object_set_string_member (json_node_get_object (copy), "text", words);
      return copy;
    }

  object = json_object_new ();
  json_object_set_string_member (object, "text", stored != NULL ? stored : "");
  /* The node takes its own reference. */
  root = json_node_init_object (json_node_alloc (), object);
  json_object_unref (object);
  return root;
}

static gboolean
add_entry_names (TarmacStore   *store,
                 sqlite3_stmt  *names,
                 JsonBuilder   *builder,
                 sqlite3_stmt  *row,
                 GError       **error)
{
  int rc;

  json_builder_set_member_name (builder, "names");
  json_builder_begin_array (builder);
  if (sqlite3_column_type (row, 22) != SQLITE_NULL)
    {
      sqlite3_reset (names);
      sqlite3_bind_int64 (names, 1, sqlite3_column_int64 (row, 22));
      while ((rc = sqlite3_step (names)) == SQLITE_ROW)
        json_builder_add_string_value (builder, _tarmac_store_column_text (names, 0));
      if (rc != SQLITE_DONE)
        {
          _tarmac_store_set_error (store, rc, error);
          return FALSE;
        }
    }
  json_builder_end_array (builder);
  return TRUE;
}

static gboolean
add_hit (TarmacStore   *store,
         sqlite3_stmt  *names,
         JsonBuilder   *builder,
         sqlite3_stmt  *row,
         GError       **error)
{
  json_builder_begin_object (builder);
  add_id (builder, "id", row, 0);
  add_text (builder, "status", row, 1);
  add_text (builder, "source", row, 2);
  json_builder_set_member_name (builder, "score");
  json_builder_add_double_value (builder,
                                 floor (sqlite3_column_double (row, 3) * 10000.0 + 0.5) / 10000.0);
  add_text (builder, "created_at", row, 5);
  add_text (builder, "updated_at", row, 6);

  json_builder_set_member_name (builder, "traveller");
  json_builder_begin_object (builder);
  add_id (builder, "id", row, 7);
  add_text (builder, "surname", row, 8);
  add_text (builder, "given_names", row, 9);
  add_text (builder, "date_of_birth", row, 10);
  add_text (builder, "nationality", row, 11);
  add_text (builder, "sex", row, 12);
  add_text (builder, "document_number", row, 13);
  json_builder_set_member_name (builder, "flight");
  if (sqlite3_column_type (row, 14) == SQLITE_NULL)
    json_builder_add_null_value (builder);
  else
    {
      json_builder_begin_object (builder);
      add_text (builder, "carrier", row, 14);
      add_text (builder, "number", row, 15);
      add_text (builder, "date", row, 16);
      add_text (builder, "origin", row, 17);
      add_text (builder, "destination", row, 18);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);

  add_text (builder, "list", row, 20);
  add_id (builder, "watchlist_id", row, 19);
  add_text (builder, "list_kind", row, 21);
  add_id (builder, "entry_id", row, 22);
  add_text (builder, "external_id", row, 23);
  if (!add_entry_names (store, names, builder, row, error))
    return FALSE;

  /* A lookout's hit: the sender's record, and while the lookout is held, who sent it,
   * until when and why. */
  json_builder_set_member_name (builder, "lookout");
  if (sqlite3_column_type (row, 24) == SQLITE_NULL)
    json_builder_add_null_value (builder);
  else
    {
      json_builder_begin_object (builder);
      add_text (builder, "record_id", row, 24);
      add_text (builder, "origin_site", row, 25);
      json_builder_set_member_name (builder, "expires_at");
      if (sqlite3_column_type (row, 26) == SQLITE_NULL)
        json_builder_add_null_value (builder);
      else
        json_builder_add_int_value (builder, sqlite3_column_int64 (row, 26));
      add_text (builder, "reason", row, 27);
      json_builder_end_object (builder);
    }

  json_builder_set_member_name (builder, "explanation");
  json_builder_add_value (builder, explanation_node (_tarmac_store_column_text (row, 4)));
  json_builder_end_object (builder);
  return TRUE;
}

/**
 * tarmac_hit_list_json:
 * @store: the store
 * @filter: (nullable): as for tarmac_hit_list(); %NULL lists open hits
 * @ids: (nullable) (element-type gint64): these hits instead, whatever their status
 * @limit: the most hits to return
 * @error: return location for a #GError
 *
 * The hits, newest first, as JSON objects (README.md, "Screening travellers"). Records
 * the view in the audit log.
 *
 * Returns: (transfer full): a JSON array node, or %NULL on error
 */
JsonNode *
tarmac_hit_list_json (TarmacStore  *store,
                      const char   *filter,
                      GArray       *ids,
                      guint         limit,
                      GError      **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) names = NULL;
  g_autoptr(GString) id_list = NULL;
  int rc;

  g_return_val_if_fail (TARMAC_IS_STORE (store), NULL);

  if (filter == NULL)
    filter = TARMAC_HIT_FILTER_OPEN;
  if (ids == NULL && !g_str_equal (filter, TARMAC_HIT_FILTER_OPEN) &&
      !g_str_equal (filter, TARMAC_HIT_FILTER_ALL) && !_tarmac_hit_is_status (filter))
    {
      g_set_error (error, TARMAC_STORE_ERROR, TARMAC_STORE_ERROR_INVALID,
                   _("“%s” is not a hit status"), filter);
      return NULL;
    }

  stmt = _tarmac_store_prepare (store, HIT_JSON_SQL, error);
  names = _tarmac_store_prepare (store,
                                 "SELECT name FROM watchlist_name WHERE entry_id = ?1"
                                 " ORDER BY CASE quality WHEN 'primary' THEN 0"
                                 " WHEN 'strong' THEN 1 ELSE 2 END, id", error);
  if (stmt == NULL || names == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, filter, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, limit);
  if (ids != NULL)
    {
      id_list = g_string_new ("[");
      for (guint i = 0; i < ids->len; i++)
        g_string_append_printf (id_list, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "",
                                g_array_index (ids, gint64, i));
      g_string_append_c (id_list, ']');
      sqlite3_bind_text (stmt, 3, id_list->str, -1, SQLITE_STATIC);
    }

  json_builder_begin_array (builder);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    if (!add_hit (store, names, builder, stmt, error))
      return NULL;
  if (rc != SQLITE_DONE)
    {
      _tarmac_store_set_error (store, rc, error);
      return NULL;
    }
  json_builder_end_array (builder);

  if (!tarmac_audit_append (store, "view", "hit", NULL, ids != NULL ? "screened" : filter, error))
    return NULL;

  return json_builder_get_root (builder);
}
