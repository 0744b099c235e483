/* tarmac-seizure-events.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-seizure"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tarmac-audit.h"
#include "tarmac-seizure-store.h"
#include "tarmac-store-private.h"

/* The other events of the results sheet (research/seizures.md §8.5): trafficking and
 * security referrals as counts and outcomes, never identities, and activities. They
 * arrive as JSON objects with a "kind"; a seizure has kind "seizure" or none. */

typedef struct
{
  const char *member;
  gboolean    is_int;
  gboolean    required;
} Column;

static const Column ht_columns[] = {
  { "airport", FALSE, TRUE }, { "occurred_at", FALSE, TRUE }, { "direction", FALSE, FALSE },
  { "victims_female_adult", TRUE, FALSE }, { "victims_male_adult", TRUE, FALSE },
  { "victims_female_child", TRUE, FALSE }, { "victims_male_child", TRUE, FALSE },
  { "victims_unknown", TRUE, FALSE }, { "nationalities", FALSE, FALSE },
  { "exploitation_type", FALSE, FALSE }, { "suspects_held", TRUE, FALSE },
  { "referred_to", FALSE, TRUE }, { "referral_ref", FALSE, FALSE }, { "outcome", FALSE, FALSE },
};

static const Column security_columns[] = {
  { "airport", FALSE, TRUE }, { "occurred_at", FALSE, TRUE }, { "direction", FALSE, FALSE },
  { "trigger_kind", FALSE, TRUE }, { "persons_count", TRUE, TRUE },
  { "referred_to", FALSE, TRUE }, { "referral_ref", FALSE, FALSE }, { "outcome", FALSE, FALSE },
};

static const Column activity_columns[] = {
  { "kind", FALSE, TRUE }, { "title", FALSE, TRUE }, { "start_date", FALSE, TRUE },
  { "end_date", FALSE, FALSE }, { "airport", FALSE, FALSE }, { "country", FALSE, FALSE },
  { "participants_female", TRUE, FALSE }, { "participants_male", TRUE, FALSE },
  { "participants_other", TRUE, FALSE }, { "agencies", FALSE, FALSE },
  { "operation_name", FALSE, FALSE },
};

/* Names, documents and dates of birth have no column here; refuse them rather than drop
 * them silently, so the sender learns they were not kept. */
static const char *nominal_members[] = {
  "name", "names", "victims", "persons", "document_number", "date_of_birth", "passport",
};

static gboolean
insert_event (TarmacStore   *store,
              const char    *table,
              const Column  *columns,
              guint          n_columns,
              JsonObject    *object,
              gint64        *id,
              GError       **error)
{
  g_autoptr(GString) sql = g_string_new ("INSERT INTO ");
  g_autoptr(GString) values = g_string_new (" VALUES (");
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = _tarmac_store_now ();
  g_autofree char *object_id = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (nominal_members); i++)
    if (json_object_has_member (object, nominal_members[i]))
      {
        g_set_error (error, TARMAC_SEIZURE_ERROR, TARMAC_SEIZURE_ERROR_INVALID,
                     _("%s: referrals are recorded as counts, without names or documents"),
                     nominal_members[i]);
        return FALSE;
      }

  /* Column names come from the tables above, never from the input. */
  g_string_append_printf (sql, "%s (", table);
  for (guint i = 0; i < n_columns; i++)
    {
      g_string_append_printf (sql, "%s, ", columns[i].member);
      g_string_append_printf (values, "?%u, ", i + 1);
    }
  g_string_append (sql, "created_at)");
  g_string_append_printf (values, "?%u) RETURNING id", n_columns + 1);
  g_string_append (sql, values->str);

  stmt = _tarmac_store_prepare (store, sql->str, error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < n_columns; i++)
    {
      JsonNode *node = json_object_get_member (object, columns[i].member);
      GType type = node != NULL && JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node)
                                                                 : G_TYPE_INVALID;

      if (node == NULL || JSON_NODE_HOLDS_NULL (node))
        {
          if (columns[i].required)
            {
              g_set_error (error, TARMAC_SEIZURE_ERROR, TARMAC_SEIZURE_ERROR_INVALID,
                           _("%s: this field is required"), columns[i].member);
              return FALSE;
            }
          if (columns[i].is_int)
            sqlite3_bind_int (stmt, (int) i + 1, 0);
          else
            sqlite3_bind_null (stmt, (int) i + 1);
        }
      else if (columns[i].is_int && type == G_TYPE_INT64)
        sqlite3_bind_int64 (stmt, (int) i + 1, json_node_get_int (node));
      else if (!columns[i].is_int && type == G_TYPE_STRING)
        sqlite3_bind_text (stmt, (int) i + 1, json_node_get_string (node), -1, SQLITE_TRANSIENT);
      else
        {
          g_set_error (error, TARMAC_SEIZURE_ERROR, TARMAC_SEIZURE_ERROR_INVALID,
                       _("%s: expected %s"), columns[i].member,
                       columns[i].is_int ? _("a whole number") : _("text"));
          return FALSE;
        }
    }
  sqlite3_bind_text (stmt, (int) n_columns + 1, now, -1, SQLITE_TRANSIENT);

  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      /* The CHECK constraints bound every count; say which record kind broke one. */
      g_set_error (error, TARMAC_SEIZURE_ERROR, TARMAC_SEIZURE_ERROR_INVALID,
                   _("%s: a value is out of bounds or not a known code (%s)"), table,
                   sqlite3_errmsg (_tarmac_store_get_db (store)));
      return FALSE;
    }
  *id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  object_id = g_strdup_printf ("%lld", (long long) *id);
  return tarmac_audit_append (store, "create", table, object_id, NULL, error);
}

/**
 * tarmac_seizure_store_add_json:
 * @node: one object: a seizure, or an event with "kind" ht_referral, security_referral
 *   or activity
 * @base_dir: (nullable): the folder that relative attachment paths start from
 * @id: (out) (optional): the new row's id
 *
 * Returns: %TRUE when saved; on error nothing was written
 */
gboolean
tarmac_seizure_store_add_json (TarmacStore  *store,
                               JsonNode     *node,
                               const char   *base_dir,
                               gint64       *id,
                               GError      **error)
{
  JsonObject *object;
  JsonNode *kind_node;
  const char *kind = "seizure";
  gint64 new_id = 0;

  g_return_val_if_fail (TARMAC_IS_STORE (store), FALSE);

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, TARMAC_SEIZURE_ERROR, TARMAC_SEIZURE_ERROR_INVALID,
                   _("A seizure is a JSON object"));
      return FALSE;
    }
  object = json_node_get_object (node);
  kind_node = json_object_get_member (object, "record");
  if (kind_node != NULL)
    {
      if (!JSON_NODE_HOLDS_VALUE (kind_node) ||
          json_node_get_value_type (kind_node) != G_TYPE_STRING)
        {
          g_set_error (error, TARMAC_SEIZURE_ERROR, TARMAC_SEIZURE_ERROR_INVALID,
                       _("%s: expected %s"), "record", _("text"));
          return FALSE;
        }
      kind = json_node_get_string (kind_node);
    }

  if (g_str_equal (kind, "seizure"))
    {
      g_autoptr(TarmacSeizure) seizure = tarmac_seizure_from_json (node, base_dir, error);

      if (seizure == NULL || !tarmac_seizure_store_save (store, seizure, error))
        return FALSE;
      new_id = tarmac_seizure_get_id (seizure);
    }
  else
    {
      const Column *columns;
      guint n_columns;
      const char *table;
      gboolean ok;

      if (g_str_equal (kind, "ht_referral"))
        columns = ht_columns, n_columns = G_N_ELEMENTS (ht_columns), table = "ht_referral";
      else if (g_str_equal (kind, "security_referral"))
        columns = security_columns, n_columns = G_N_ELEMENTS (security_columns),
        table = "security_referral";
      else if (g_str_equal (kind, "activity"))
        columns = activity_columns, n_columns = G_N_ELEMENTS (activity_columns),
        table = "activity";
      else
        {
          g_set_error (error, TARMAC_SEIZURE_ERROR, TARMAC_SEIZURE_ERROR_UNKNOWN_CODE,
                       _("%s: “%s” is not a known code"), "record", kind);
          return FALSE;
        }

      if (!tarmac_store_begin (store, error))
        return FALSE;
      ok = insert_event (store, table, columns, n_columns, object, &new_id, error);
      if (!ok)
        {
          tarmac_store_rollback (store);
          return FALSE;
        }
      if (!tarmac_store_commit (store, error))
        return FALSE;
    }

  if (id != NULL)
    *id = new_id;
  return TRUE;
}
