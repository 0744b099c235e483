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
 * arrive as JSON objects with a "record"; a seizure has record "seizure" or none. */

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

static gint64
member_int (JsonObject *object,
            const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return 0;
  return json_node_get_int (node);
}

static const char *
member_string (JsonObject *object,
               const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

/* YYYY-MM-DD, a day that exists; only the first ten characters of @text are read. */
static gboolean
is_day (const char *text)
{
  guint year, month, day;

  if (text == NULL || strlen (text) < 10 || text[4] != '-' || text[7] != '-' ||
      !g_ascii_isdigit (text[0]) || !g_ascii_isdigit (text[5]) || !g_ascii_isdigit (text[8]))
    return FALSE;
  year = (guint) g_ascii_strtoull (text, NULL, 10);
  month = (guint) g_ascii_strtoull (text + 5, NULL, 10);
  day = (guint) g_ascii_strtoull (text + 8, NULL, 10);
  return year >= 1900 && year <= 9999 && g_date_valid_dmy (day, month, year);
}

/* What the CHECK constraints cannot say: dates the reports can read (they compare the
 * first ten characters), and a trafficking referral that counts someone. */
static gboolean
check_event (const char  *table,
             JsonObject  *object,
             GError     **error)
{
  const char *occurred_at = member_string (object, "occurred_at");

  if (occurred_at != NULL)
    {
      g_autoptr(GDateTime) when = g_date_time_new_from_iso8601 (occurred_at, NULL);

      if (when == NULL || !is_day (occurred_at))
        {
          g_set_error (error, TARMAC_SEIZURE_ERROR, TARMAC_SEIZURE_ERROR_INVALID,
                       _("%s: expected a date and time such as 2026-03-11T07:00:00Z"),
                       "occurred_at");
          return FALSE;
        }
    }
  for (guint i = 0; i < 2; i++)
    {
      const char *member = i == 0 ? "start_date" : "end_date";
      const char *day = member_string (object, member);

      if (day != NULL && (strlen (day) != 10 || !is_day (day)))
        {
          g_set_error (error, TARMAC_SEIZURE_ERROR, TARMAC_SEIZURE_ERROR_INVALID,
                       _("%s: expected a date, YYYY-MM-DD"), member);
          return FALSE;
        }
    }
  if (g_str_equal (table, "ht_referral") &&
      member_int (object, "victims_female_adult") + member_int (object, "victims_male_adult") +
      member_int (object, "victims_female_child") + member_int (object, "victims_male_child") +
      member_int (object, "victims_unknown") <= 0)
    {
      g_set_error (error, TARMAC_SEIZURE_ERROR, TARMAC_SEIZURE_ERROR_INVALID,
                   _("A trafficking referral counts at least one possible victim"));
      return FALSE;
    }
  return TRUE;
}

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

  if (!check_event (table, object, error))
    return FALSE;

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

/**
 * tarmac_seizure_store_list_events:
 * @from_day: first day, YYYY-MM-DD
 * @to_day: last day, inclusive
 * @airport: (nullable): only this airport's
 *
 * The referrals and activities of the period, newest first, at most 1000. Listing them
 * is audited, as listing seizures is.
 *
 * Returns: (transfer full) (nullable): a list of #TarmacSeizureEvent
 */
GListModel *
tarmac_seizure_store_list_events (TarmacStore  *store,
                                  const char   *from_day,
                                  const char   *to_day,
                                  const char   *airport,
                                  GError      **error)
{
  g_autoptr(GListStore) events = g_list_store_new (TARMAC_TYPE_SEIZURE_EVENT);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *detail = NULL;
  int rc;

  g_return_val_if_fail (TARMAC_IS_STORE (store), NULL);
  g_return_val_if_fail (from_day != NULL && to_day != NULL, NULL);

  if (airport != NULL && *airport == '\0')
    airport = NULL;

  /* Columns: record, id, day, airport, kind, title, persons, female, referred_to, outcome. */
  stmt = _tarmac_store_prepare (store,
    "SELECT * FROM ("
    " SELECT 'ht_referral', id, substr (occurred_at, 1, 10) AS day, airport, exploitation_type,"
    "  NULL, victims_female_adult + victims_male_adult + victims_female_child"
    "  + victims_male_child + victims_unknown, victims_female_adult + victims_female_child,"
    "  referred_to, outcome FROM ht_referral"
    " UNION ALL"
    " SELECT 'security_referral', id, substr (occurred_at, 1, 10), airport, trigger_kind, NULL,"
    "  persons_count, 0, referred_to, outcome FROM security_referral"
    " UNION ALL"
    " SELECT 'activity', id, start_date, airport, kind, title,"
    "  participants_female + participants_male + participants_other, participants_female,"
    "  NULL, operation_name FROM activity)"
    " WHERE day BETWEEN ?1 AND ?2 AND (?3 IS NULL OR airport = ?3)"
    " ORDER BY day DESC, 1, 2 DESC LIMIT 1000", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, from_day, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, to_day, -1, SQLITE_TRANSIENT);
  if (airport != NULL)
    sqlite3_bind_text (stmt, 3, airport, -1, SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(TarmacSeizureEvent) event =
        tarmac_seizure_event_new ((const char *) sqlite3_column_text (stmt, 0),
                                  sqlite3_column_int64 (stmt, 1));

      tarmac_seizure_event_set_day (event, (const char *) sqlite3_column_text (stmt, 2));
      tarmac_seizure_event_set_airport (event, (const char *) sqlite3_column_text (stmt, 3));
      tarmac_seizure_event_set_kind (event, (const char *) sqlite3_column_text (stmt, 4));
      tarmac_seizure_event_set_title (event, (const char *) sqlite3_column_text (stmt, 5));
      tarmac_seizure_event_set_persons (event, sqlite3_column_int64 (stmt, 6));
      tarmac_seizure_event_set_female (event, sqlite3_column_int64 (stmt, 7));
      tarmac_seizure_event_set_referred_to (event, (const char *) sqlite3_column_text (stmt, 8));
      tarmac_seizure_event_set_outcome (event, (const char *) sqlite3_column_text (stmt, 9));
      g_list_store_append (events, event);
    }
  if (rc != SQLITE_DONE)
    {
      _tarmac_store_set_error (store, rc, error);
      return NULL;
    }

  detail = g_strdup_printf ("%s..%s%s%s", from_day, to_day, airport != NULL ? " airport=" : "",
                            airport != NULL ? airport : "");
  if (!tarmac_audit_append (store, "list", "referral", NULL, detail, error))
    return NULL;
  return G_LIST_MODEL (g_steal_pointer (&events));
}
