/* tarmac-seizure-store.c
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

/* Seizure records in the database. Every write runs in one transaction with its audit
 * row, so an error means "nothing changed". The lock on validated records is enforced
 * twice: here, with a clear message, and by the triggers of migration 7, for any other
 * code that writes to the file. */

static const char *status_order[] = { "DRAFT", "SUBMITTED", "VALIDATED", "SHARED", "CLOSED" };

static int
status_rank (const char *status)
{
  for (guint i = 0; i < G_N_ELEMENTS (status_order); i++)
    if (g_strcmp0 (status, status_order[i]) == 0)
      return (int) i;
  return -1;
}

static gboolean
is_locked (const char *status)
{
  return status_rank (status) >= 2;
}

/* Turns the triggers' RAISE messages into the errors callers expect. */
static void
map_error (GError **error)
{
  if (error == NULL || *error == NULL)
    return;
  if (strstr ((*error)->message, "seizure-locked") != NULL)
    {
      g_clear_error (error);
      g_set_error (error, TARMAC_SEIZURE_ERROR, TARMAC_SEIZURE_ERROR_LOCKED,
                   _("This seizure is validated and can no longer be changed; edit it as a "
                     "new version"));
    }
  else if (strstr ((*error)->message, "seizure-status-path") != NULL)
    {
      g_clear_error (error);
      g_set_error (error, TARMAC_SEIZURE_ERROR, TARMAC_SEIZURE_ERROR_STATUS,
                   _("status: that change of status is not allowed"));
    }
}

static void
bind_text (sqlite3_stmt *stmt,
           int           column,
           const char   *value)
{
  if (value == NULL)
    sqlite3_bind_null (stmt, column);
  else
    sqlite3_bind_text (stmt, column, value, -1, SQLITE_TRANSIENT);
}

static void
bind_id (sqlite3_stmt *stmt,
         int           column,
         gint64        value)
{
  if (value <= 0)
    sqlite3_bind_null (stmt, column);
  else
    sqlite3_bind_int64 (stmt, column, value);
}

static char *
current_status (TarmacStore  *store,
                gint64        id,
                GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = _tarmac_store_prepare (store,
    "SELECT status FROM seizure WHERE id = ?", error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, TARMAC_SEIZURE_ERROR, TARMAC_SEIZURE_ERROR_NOT_FOUND,
                   _("No seizure with id %lld"), (long long) id);
      return NULL;
    }
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

/**
 * tarmac_seizure_store_next_ref_no:
 *
 * Returns: (transfer full): the next free local reference, AIRPORT-YEAR-NNNN
 */
char *
tarmac_seizure_store_next_ref_no (TarmacStore  *store,
                                  const char   *airport,
                                  const char   *occurred_at,
                                  GError      **error)
{
  g_autofree char *prefix = NULL;
  g_autofree char *pattern = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 last = 0;

  g_return_val_if_fail (TARMAC_IS_STORE (store), NULL);

  prefix = g_strdup_printf ("%s-%.4s-", airport != NULL ? airport : "XXX",
                            occurred_at != NULL && strlen (occurred_at) >= 4 ? occurred_at
                                                                             : "0000");
  pattern = g_strdup_printf ("%s*", prefix);
  stmt = _tarmac_store_prepare (store,
    "SELECT ref_no FROM seizure WHERE ref_no GLOB ?", error);
  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, pattern);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *ref = (const char *) sqlite3_column_text (stmt, 0);
      gint64 n = g_ascii_strtoll (ref + strlen (prefix), NULL, 10);

      last = MAX (last, n);
    }
  return g_strdup_printf ("%s%04lld", prefix, (long long) last + 1);
}

static gboolean
insert_children (TarmacStore    *store,
                 TarmacSeizure  *seizure,
                 gint64          id,
                 GError        **error)
{
  g_autoptr(sqlite3_stmt) item_stmt = NULL;
  g_autoptr(sqlite3_stmt) leg_stmt = NULL;
  g_autoptr(sqlite3_stmt) agency_stmt = NULL;
  g_autoptr(sqlite3_stmt) person_stmt = NULL;
  g_autoptr(sqlite3_stmt) blob_stmt = NULL;
  g_autoptr(sqlite3_stmt) attachment_stmt = NULL;
  GListModel *list;
  g_autofree char *now = _tarmac_store_now ();

  item_stmt = _tarmac_store_prepare (store,
    "INSERT INTO seizure_item (seizure_id, seq, category, subtype, description, quantity,"
    " unit, pieces, qty_estimated, kg_equivalent, kg_factor, concealment, value_minor,"
    " value_currency, fx_rate, fx_rate_date, value_usd_minor, purity_pct, species, cites_term,"
    " ivory_state) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
  leg_stmt = item_stmt == NULL ? NULL : _tarmac_store_prepare (store,
    "INSERT INTO seizure_route (seizure_id, seq, role, country, airport) VALUES (?, ?, ?, ?, ?)",
    error);
  agency_stmt = leg_stmt == NULL ? NULL : _tarmac_store_prepare (store,
    "INSERT INTO seizure_agency (seizure_id, agency, agency_type, role) VALUES (?, ?, ?, ?)",
    error);
  person_stmt = agency_stmt == NULL ? NULL : _tarmac_store_prepare (store,
    "INSERT INTO seizure_person (seizure_id, role, nationality, sex, age_band, arrested)"
    " VALUES (?, ?, ?, ?, ?, ?)", error);
  blob_stmt = person_stmt == NULL ? NULL : _tarmac_store_prepare (store,
    "INSERT INTO attachment_blob (sha256, size, data) VALUES (?, ?, ?)"
    " ON CONFLICT (sha256) DO NOTHING", error);
  attachment_stmt = blob_stmt == NULL ? NULL : _tarmac_store_prepare (store,
    "INSERT INTO seizure_attachment (seizure_id, item_seq, kind, file_name, mime_type, sha256,"
    " caption, captured_at, shareable, added_at, added_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
    " RETURNING id", error);
  if (attachment_stmt == NULL)
    return FALSE;

  list = tarmac_seizure_get_items (seizure);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(TarmacSeizureItem) item = g_list_model_get_item (list, i);
      sqlite3_stmt *s = item_stmt;

      sqlite3_reset (s);
      sqlite3_bind_int64 (s, 1, id);
      sqlite3_bind_int (s, 2, (int) i + 1);
      bind_text (s, 3, tarmac_seizure_item_get_category (item));
      bind_text (s, 4, tarmac_seizure_item_get_subtype (item));
      bind_text (s, 5, tarmac_seizure_item_get_description (item));
      if (tarmac_seizure_item_get_unit (item) != NULL)
        sqlite3_bind_double (s, 6, tarmac_seizure_item_get_quantity (item));
      else
        sqlite3_bind_null (s, 6);
      bind_text (s, 7, tarmac_seizure_item_get_unit (item));
      if (tarmac_seizure_item_get_pieces (item) >= 0)
        sqlite3_bind_int64 (s, 8, tarmac_seizure_item_get_pieces (item));
      else
        sqlite3_bind_null (s, 8);
      sqlite3_bind_int (s, 9, tarmac_seizure_item_get_qty_estimated (item));
      if (tarmac_seizure_item_get_kg_equivalent (item) >= 0)
        {
          sqlite3_bind_double (s, 10, tarmac_seizure_item_get_kg_equivalent (item));
          sqlite3_bind_double (s, 11, tarmac_seizure_item_get_kg_factor (item));
        }
      else
        {
          sqlite3_bind_null (s, 10);
          sqlite3_bind_null (s, 11);
        }
      bind_text (s, 12, tarmac_seizure_item_get_concealment (item));
      if (tarmac_seizure_item_get_value_minor (item) > 0)
        {
          sqlite3_bind_int64 (s, 13, tarmac_seizure_item_get_value_minor (item));
          bind_text (s, 14, tarmac_seizure_item_get_value_currency (item));
          sqlite3_bind_double (s, 15, tarmac_seizure_item_get_fx_rate (item));
          bind_text (s, 16, tarmac_seizure_item_get_fx_rate_date (item));
          sqlite3_bind_int64 (s, 17, tarmac_seizure_item_get_value_usd_minor (item));
        }
      else
        for (int c = 13; c <= 17; c++)
          sqlite3_bind_null (s, c);
      if (tarmac_seizure_item_get_purity_pct (item) > 0)
        sqlite3_bind_double (s, 18, tarmac_seizure_item_get_purity_pct (item));
      else
        sqlite3_bind_null (s, 18);
      bind_text (s, 19, tarmac_seizure_item_get_species (item));
      bind_text (s, 20, tarmac_seizure_item_get_cites_term (item));
      bind_text (s, 21, tarmac_seizure_item_get_ivory_state (item));
      if (!_tarmac_store_step_done (store, s, error))
        return FALSE;
    }

  list = tarmac_seizure_get_legs (seizure);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(TarmacSeizureLeg) leg = g_list_model_get_item (list, i);

      sqlite3_reset (leg_stmt);
      sqlite3_bind_int64 (leg_stmt, 1, id);
      sqlite3_bind_int (leg_stmt, 2, (int) i + 1);
      bind_text (leg_stmt, 3, tarmac_seizure_leg_get_role (leg));
      bind_text (leg_stmt, 4, tarmac_seizure_leg_get_country (leg));
      bind_text (leg_stmt, 5, tarmac_seizure_leg_get_airport (leg));
      if (!_tarmac_store_step_done (store, leg_stmt, error))
        return FALSE;
    }

  list = tarmac_seizure_get_agencies (seizure);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(TarmacSeizureAgency) agency = g_list_model_get_item (list, i);

      sqlite3_reset (agency_stmt);
      sqlite3_bind_int64 (agency_stmt, 1, id);
      bind_text (agency_stmt, 2, tarmac_seizure_agency_get_agency (agency));
      bind_text (agency_stmt, 3, tarmac_seizure_agency_get_agency_type (agency));
      bind_text (agency_stmt, 4, tarmac_seizure_agency_get_role (agency));
      if (!_tarmac_store_step_done (store, agency_stmt, error))
        return FALSE;
    }

  list = tarmac_seizure_get_persons (seizure);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(TarmacSeizurePerson) person = g_list_model_get_item (list, i);
      const char *sex = tarmac_seizure_person_get_sex (person);
      const char *age = tarmac_seizure_person_get_age_band (person);

      sqlite3_reset (person_stmt);
      sqlite3_bind_int64 (person_stmt, 1, id);
      bind_text (person_stmt, 2, tarmac_seizure_person_get_role (person));
      bind_text (person_stmt, 3, tarmac_seizure_person_get_nationality (person));
      bind_text (person_stmt, 4, sex != NULL ? sex : "U");
      bind_text (person_stmt, 5, age != NULL ? age : "UNK");
      sqlite3_bind_int (person_stmt, 6, tarmac_seizure_person_get_arrested (person));
      if (!_tarmac_store_step_done (store, person_stmt, error))
        return FALSE;
    }

  list = tarmac_seizure_get_attachments (seizure);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(TarmacSeizureAttachment) attachment = g_list_model_get_item (list, i);
      GBytes *data = tarmac_seizure_attachment_get_data (attachment);

      /* A new version reuses the bytes already stored under the same digest. */
      if (data != NULL)
        {
          gsize size = 0;
          gconstpointer bytes = g_bytes_get_data (data, &size);

          sqlite3_reset (blob_stmt);
          bind_text (blob_stmt, 1, tarmac_seizure_attachment_get_sha256 (attachment));
          sqlite3_bind_int64 (blob_stmt, 2, (gint64) size);
          sqlite3_bind_blob64 (blob_stmt, 3, bytes, size, SQLITE_STATIC);
          if (!_tarmac_store_step_done (store, blob_stmt, error))
            return FALSE;
        }

      sqlite3_reset (attachment_stmt);
      sqlite3_bind_int64 (attachment_stmt, 1, id);
      if (tarmac_seizure_attachment_get_item_seq (attachment) > 0)
        sqlite3_bind_int (attachment_stmt, 2, tarmac_seizure_attachment_get_item_seq (attachment));
      else
        sqlite3_bind_null (attachment_stmt, 2);
      bind_text (attachment_stmt, 3, tarmac_seizure_attachment_get_kind (attachment));
      bind_text (attachment_stmt, 4, tarmac_seizure_attachment_get_file_name (attachment));
      bind_text (attachment_stmt, 5, tarmac_seizure_attachment_get_mime_type (attachment));
      bind_text (attachment_stmt, 6, tarmac_seizure_attachment_get_sha256 (attachment));
      bind_text (attachment_stmt, 7, tarmac_seizure_attachment_get_caption (attachment));
      bind_text (attachment_stmt, 8, tarmac_seizure_attachment_get_captured_at (attachment));
      sqlite3_bind_int (attachment_stmt, 9, tarmac_seizure_attachment_get_shareable (attachment));
      bind_text (attachment_stmt, 10, now);
      bind_text (attachment_stmt, 11, tarmac_store_get_actor (store));
      if (sqlite3_step (attachment_stmt) != SQLITE_ROW)
        {
          _tarmac_store_set_error (store, sqlite3_errcode (_tarmac_store_get_db (store)), error);
          return FALSE;
        }
      tarmac_seizure_attachment_set_id (attachment, sqlite3_column_int64 (attachment_stmt, 0));
      sqlite3_reset (attachment_stmt);
    }

  return TRUE;
}

static gboolean
write_header (TarmacStore    *store,
              TarmacSeizure  *seizure,
              GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = _tarmac_store_now ();
  gint64 id = tarmac_seizure_get_id (seizure);
  const char *sensitivity = tarmac_seizure_get_sensitivity (seizure);

  if (id == 0)
    stmt = _tarmac_store_prepare (store,
      "INSERT INTO seizure (ref_no, series_id, version, previous_id, status, occurred_at,"
      " airport, place, direction, flow_type, flight_id, flight_label, hit_id, traveller_id,"
      " selection_reason, detection_technique, legal_action, offence_summary, modus_operandi,"
      " narrative, sensitivity, created_at, created_by)"
      " VALUES (?1, ?2, ?3, ?4, 'DRAFT', ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,"
      " ?17, ?18, ?19, ?20, ?21, ?22) RETURNING id", error);
  else
    stmt = _tarmac_store_prepare (store,
      "UPDATE seizure SET ref_no = ?1, occurred_at = ?5, airport = ?6, place = ?7,"
      " direction = ?8, flow_type = ?9, flight_id = ?10, flight_label = ?11, hit_id = ?12,"
      " traveller_id = ?13, selection_reason = ?14, detection_technique = ?15,"
      " legal_action = ?16, offence_summary = ?17, modus_operandi = ?18, narrative = ?19,"
      " sensitivity = ?20 WHERE id = ?23 RETURNING id", error);
  if (stmt == NULL)
    return FALSE;

  bind_text (stmt, 1, tarmac_seizure_get_ref_no (seizure));
  if (id == 0)
    {
      sqlite3_bind_int64 (stmt, 2, MAX (tarmac_seizure_get_series_id (seizure), 0));
      sqlite3_bind_int (stmt, 3, tarmac_seizure_get_version (seizure));
      bind_id (stmt, 4, tarmac_seizure_get_previous_id (seizure));
      bind_text (stmt, 21, now);
      bind_text (stmt, 22, tarmac_store_get_actor (store));
    }
  bind_text (stmt, 5, tarmac_seizure_get_occurred_at (seizure));
  bind_text (stmt, 6, tarmac_seizure_get_airport (seizure));
  bind_text (stmt, 7, tarmac_seizure_get_place (seizure));
  bind_text (stmt, 8, tarmac_seizure_get_direction (seizure));
  bind_text (stmt, 9, tarmac_seizure_get_flow_type (seizure));
  bind_id (stmt, 10, tarmac_seizure_get_flight_id (seizure));
  bind_text (stmt, 11, tarmac_seizure_get_flight_label (seizure));
  bind_id (stmt, 12, tarmac_seizure_get_hit_id (seizure));
  bind_id (stmt, 13, tarmac_seizure_get_traveller_id (seizure));
  bind_text (stmt, 14, tarmac_seizure_get_selection_reason (seizure));
  bind_text (stmt, 15, tarmac_seizure_get_detection_technique (seizure));
  bind_text (stmt, 16, tarmac_seizure_get_legal_action (seizure));
  bind_text (stmt, 17, tarmac_seizure_get_offence_summary (seizure));
  bind_text (stmt, 18, tarmac_seizure_get_modus_operandi (seizure));
  bind_text (stmt, 19, tarmac_seizure_get_narrative (seizure));
  bind_text (stmt, 20, sensitivity != NULL ? sensitivity : "T1");
  if (id != 0)
    sqlite3_bind_int64 (stmt, 23, id);

  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      _tarmac_store_set_error (store, sqlite3_errcode (_tarmac_store_get_db (store)), error);
      map_error (error);
      return FALSE;
    }

  if (id == 0)
    {
      g_autoptr(sqlite3_stmt) series = NULL;

      id = sqlite3_column_int64 (stmt, 0);
      tarmac_seizure_set_id (seizure, id);
      if (tarmac_seizure_get_series_id (seizure) <= 0)
        {
          series = _tarmac_store_prepare (store,
            "UPDATE seizure SET series_id = id WHERE id = ?", error);
          if (series == NULL)
            return FALSE;
          sqlite3_bind_int64 (series, 1, id);
          if (!_tarmac_store_step_done (store, series, error))
            return FALSE;
          tarmac_seizure_set_series_id (seizure, id);
        }
      tarmac_seizure_set_created_at (seizure, now);
      tarmac_seizure_set_created_by (seizure, tarmac_store_get_actor (store));
    }
  return TRUE;
}

static gboolean
delete_children (TarmacStore  *store,
                 gint64        id,
                 GError      **error)
{
  const char *tables[] = {
    "DELETE FROM seizure_item WHERE seizure_id = ?",
    "DELETE FROM seizure_route WHERE seizure_id = ?",
    "DELETE FROM seizure_agency WHERE seizure_id = ?",
    "DELETE FROM seizure_person WHERE seizure_id = ?",
    "DELETE FROM seizure_attachment WHERE seizure_id = ?",
  };

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autoptr(sqlite3_stmt) stmt = _tarmac_store_prepare (store, tables[i], error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      if (!_tarmac_store_step_done (store, stmt, error))
        {
          map_error (error);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
move_status (TarmacStore  *store,
             gint64        id,
             const char   *status,
             GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = _tarmac_store_prepare (store,
    "UPDATE seizure SET status = ?2,"
    " submitted_at = CASE WHEN ?2 = 'SUBMITTED' THEN ?3 ELSE submitted_at END,"
    " validated_at = CASE WHEN ?2 = 'VALIDATED' THEN ?3 ELSE validated_at END,"
    " validated_by = CASE WHEN ?2 = 'VALIDATED' THEN ?4 ELSE validated_by END,"
    " shared_at = CASE WHEN ?2 = 'SHARED' THEN ?3 ELSE shared_at END,"
    " closed_at = CASE WHEN ?2 = 'CLOSED' THEN ?3 ELSE closed_at END"
    " WHERE id = ?1", error);
  g_autofree char *now = _tarmac_store_now ();

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  bind_text (stmt, 2, status);
  bind_text (stmt, 3, now);
  bind_text (stmt, 4, tarmac_store_get_actor (store));
  if (!_tarmac_store_step_done (store, stmt, error))
    {
      map_error (error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
save_in_transaction (TarmacStore    *store,
                     TarmacSeizure  *seizure,
                     GError        **error)
{
  gint64 id = tarmac_seizure_get_id (seizure);
  const char *target = tarmac_seizure_get_status (seizure);
  g_autofree char *detail = NULL;
  g_autofree char *object_id = NULL;
  gboolean created = id == 0;

  if (id != 0)
    {
      g_autofree char *status = current_status (store, id, error);

      if (status == NULL)
        return FALSE;
      if (is_locked (status))
        {
          g_set_error (error, TARMAC_SEIZURE_ERROR, TARMAC_SEIZURE_ERROR_LOCKED,
                       _("Seizure %s version %d is validated and can no longer be changed; "
                         "edit it as a new version"),
                       tarmac_seizure_get_ref_no (seizure), tarmac_seizure_get_version (seizure));
          return FALSE;
        }
      if (target != NULL && status_rank (target) != status_rank (status))
        {
          g_set_error (error, TARMAC_SEIZURE_ERROR, TARMAC_SEIZURE_ERROR_STATUS,
                       _("status: saving a record does not change its status"));
          return FALSE;
        }
    }

  if (tarmac_seizure_get_ref_no (seizure) == NULL)
    {
      g_autofree char *ref_no = tarmac_seizure_store_next_ref_no (store,
                                                                   tarmac_seizure_get_airport (seizure),
                                                                   tarmac_seizure_get_occurred_at (seizure),
                                                                   error);

      if (ref_no == NULL)
        return FALSE;
      tarmac_seizure_set_ref_no (seizure, ref_no);
    }

  if (!write_header (store, seizure, error))
    return FALSE;
  id = tarmac_seizure_get_id (seizure);
  if ((!created && !delete_children (store, id, error)) ||
      !insert_children (store, seizure, id, error))
    {
      map_error (error);
      return FALSE;
    }

  /* A new record may arrive with a later status (records typed in after the fact): walk
   * the path, so each step is the one the triggers allow. */
  if (created && target != NULL)
    for (int rank = 1; rank <= status_rank (target); rank++)
      if (!move_status (store, id, status_order[rank], error))
        return FALSE;
  if (target == NULL)
    tarmac_seizure_set_status (seizure, "DRAFT");

  object_id = g_strdup_printf ("%lld", (long long) id);
  detail = g_strdup_printf ("%s v%d", tarmac_seizure_get_ref_no (seizure),
                            tarmac_seizure_get_version (seizure));
  return tarmac_audit_append (store, created ? "create" : "update", "seizure", object_id,
                              detail, error);
}

/**
 * tarmac_seizure_store_save:
 * @store: a #TarmacStore
 * @seizure: a new record (id 0) or a draft being edited
 * @error: return location for a #GError
 *
 * Validates, then inserts or updates the record whole. A validated record is refused
 * (%TARMAC_SEIZURE_ERROR_LOCKED): tarmac_seizure_store_new_version() makes an editable copy.
 *
 * Returns: %TRUE on success; on failure the database is unchanged
 */
gboolean
tarmac_seizure_store_save (TarmacStore    *store,
                           TarmacSeizure  *seizure,
                           GError        **error)
{
  gint64 old_id;

  g_return_val_if_fail (TARMAC_IS_STORE (store), FALSE);
  g_return_val_if_fail (TARMAC_IS_SEIZURE (seizure), FALSE);

  if (!tarmac_seizure_validate (seizure, tarmac_seizure_codes_get_default (), error))
    return FALSE;

  old_id = tarmac_seizure_get_id (seizure);
  if (!tarmac_store_begin (store, error))
    return FALSE;
  if (!save_in_transaction (store, seizure, error))
    {
      tarmac_store_rollback (store);
      tarmac_seizure_set_id (seizure, old_id);
      return FALSE;
    }
  return tarmac_store_commit (store, error);
}

/**
 * tarmac_seizure_store_set_status:
 *
 * Moves a record along DRAFT → SUBMITTED → VALIDATED → SHARED → CLOSED (or a submitted
 * one back to DRAFT), recording who validated it and when.
 */
gboolean
tarmac_seizure_store_set_status (TarmacStore  *store,
                                 gint64        id,
                                 const char   *status,
                                 GError      **error)
{
  g_autofree char *object_id = g_strdup_printf ("%lld", (long long) id);

  g_return_val_if_fail (TARMAC_IS_STORE (store), FALSE);

  if (status_rank (status) < 0)
    {
      g_set_error (error, TARMAC_SEIZURE_ERROR, TARMAC_SEIZURE_ERROR_UNKNOWN_CODE,
                   _("%s: “%s” is not a known code"), "status", status);
      return FALSE;
    }
  if (!tarmac_store_begin (store, error))
    return FALSE;
  if (!move_status (store, id, status, error) ||
      sqlite3_changes (_tarmac_store_get_db (store)) != 1 ||
      !tarmac_audit_append (store, "status", "seizure", object_id, status, error))
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, TARMAC_SEIZURE_ERROR, TARMAC_SEIZURE_ERROR_NOT_FOUND,
                     _("No seizure with id %lld"), (long long) id);
      tarmac_store_rollback (store);
      return FALSE;
    }
  return tarmac_store_commit (store, error);
}

static gboolean
load_children (TarmacStore    *store,
               TarmacSeizure  *seizure,
               GError        **error)
{
  gint64 id = tarmac_seizure_get_id (seizure);
  g_autoptr(sqlite3_stmt) items = NULL;
  g_autoptr(sqlite3_stmt) legs = NULL;
  g_autoptr(sqlite3_stmt) agencies = NULL;
  g_autoptr(sqlite3_stmt) persons = NULL;
  g_autoptr(sqlite3_stmt) attachments = NULL;

  items = _tarmac_store_prepare (store,
    "SELECT seq, category, subtype, description, quantity, unit, pieces, qty_estimated,"
    " kg_equivalent, kg_factor, concealment, value_minor, value_currency, fx_rate,"
    " fx_rate_date, value_usd_minor, purity_pct, species, cites_term, ivory_state"
    " FROM seizure_item WHERE seizure_id = ? ORDER BY seq", error);
  if (items == NULL)
    return FALSE;
  sqlite3_bind_int64 (items, 1, id);
  while (sqlite3_step (items) == SQLITE_ROW)
    {
      g_autoptr(TarmacSeizureItem) item = tarmac_seizure_item_new ();

      tarmac_seizure_item_set_seq (item, sqlite3_column_int (items, 0));
      tarmac_seizure_item_set_category (item, _tarmac_store_column_text (items, 1));
      tarmac_seizure_item_set_subtype (item, _tarmac_store_column_text (items, 2));
      tarmac_seizure_item_set_description (item, _tarmac_store_column_text (items, 3));
      tarmac_seizure_item_set_quantity (item, sqlite3_column_double (items, 4));
      tarmac_seizure_item_set_unit (item, _tarmac_store_column_text (items, 5));
      tarmac_seizure_item_set_pieces (item, sqlite3_column_type (items, 6) == SQLITE_NULL
                                              ? -1 : sqlite3_column_int64 (items, 6));
      tarmac_seizure_item_set_qty_estimated (item, sqlite3_column_int (items, 7));
      tarmac_seizure_item_set_kg_equivalent (item, sqlite3_column_type (items, 8) == SQLITE_NULL
                                                     ? -1 : sqlite3_column_double (items, 8));
      tarmac_seizure_item_set_kg_factor (item, sqlite3_column_double (items, 9));
      tarmac_seizure_item_set_concealment (item, _tarmac_store_column_text (items, 10));
      tarmac_seizure_item_set_value_minor (item, sqlite3_column_int64 (items, 11));
      tarmac_seizure_item_set_value_currency (item, _tarmac_store_column_text (items, 12));
      tarmac_seizure_item_set_fx_rate (item, sqlite3_column_double (items, 13));
      tarmac_seizure_item_set_fx_rate_date (item, _tarmac_store_column_text (items, 14));
      tarmac_seizure_item_set_value_usd_minor (item, sqlite3_column_int64 (items, 15));
      tarmac_seizure_item_set_purity_pct (item, sqlite3_column_double (items, 16));
      tarmac_seizure_item_set_species (item, _tarmac_store_column_text (items, 17));
      tarmac_seizure_item_set_cites_term (item, _tarmac_store_column_text (items, 18));
      tarmac_seizure_item_set_ivory_state (item, _tarmac_store_column_text (items, 19));
      tarmac_seizure_add_item (seizure, item);
    }

  legs = _tarmac_store_prepare (store,
    "SELECT seq, role, country, airport FROM seizure_route WHERE seizure_id = ? ORDER BY seq",
    error);
  if (legs == NULL)
    return FALSE;
  sqlite3_bind_int64 (legs, 1, id);
  while (sqlite3_step (legs) == SQLITE_ROW)
    {
      g_autoptr(TarmacSeizureLeg) leg = tarmac_seizure_leg_new ();

      tarmac_seizure_leg_set_seq (leg, sqlite3_column_int (legs, 0));
      tarmac_seizure_leg_set_role (leg, _tarmac_store_column_text (legs, 1));
      tarmac_seizure_leg_set_country (leg, _tarmac_store_column_text (legs, 2));
      tarmac_seizure_leg_set_airport (leg, _tarmac_store_column_text (legs, 3));
      tarmac_seizure_add_leg (seizure, leg);
    }

  agencies = _tarmac_store_prepare (store,
    "SELECT agency, agency_type, role FROM seizure_agency WHERE seizure_id = ?"
    " ORDER BY role <> 'LEAD', rowid", error);
  if (agencies == NULL)
    return FALSE;
  sqlite3_bind_int64 (agencies, 1, id);
  while (sqlite3_step (agencies) == SQLITE_ROW)
    {
      g_autoptr(TarmacSeizureAgency) agency = tarmac_seizure_agency_new ();

      tarmac_seizure_agency_set_agency (agency, _tarmac_store_column_text (agencies, 0));
      tarmac_seizure_agency_set_agency_type (agency, _tarmac_store_column_text (agencies, 1));
      tarmac_seizure_agency_set_role (agency, _tarmac_store_column_text (agencies, 2));
      tarmac_seizure_add_agency (seizure, agency);
    }

  persons = _tarmac_store_prepare (store,
    "SELECT role, nationality, sex, age_band, arrested FROM seizure_person"
    " WHERE seizure_id = ? ORDER BY id", error);
  if (persons == NULL)
    return FALSE;
  sqlite3_bind_int64 (persons, 1, id);
  while (sqlite3_step (persons) == SQLITE_ROW)
    {
      g_autoptr(TarmacSeizurePerson) person = tarmac_seizure_person_new ();

      tarmac_seizure_person_set_role (person, _tarmac_store_column_text (persons, 0));
      tarmac_seizure_person_set_nationality (person, _tarmac_store_column_text (persons, 1));
      tarmac_seizure_person_set_sex (person, _tarmac_store_column_text (persons, 2));
      tarmac_seizure_person_set_age_band (person, _tarmac_store_column_text (persons, 3));
      tarmac_seizure_person_set_arrested (person, sqlite3_column_int (persons, 4));
      tarmac_seizure_add_person (seizure, person);
    }

  attachments = _tarmac_store_prepare (store,
    "SELECT a.id, a.item_seq, a.kind, a.file_name, a.mime_type, a.sha256, b.size, a.caption,"
    " a.captured_at, a.shareable FROM seizure_attachment a"
    " JOIN attachment_blob b ON b.sha256 = a.sha256 WHERE a.seizure_id = ? ORDER BY a.id",
    error);
  if (attachments == NULL)
    return FALSE;
  sqlite3_bind_int64 (attachments, 1, id);
  while (sqlite3_step (attachments) == SQLITE_ROW)
    {
      g_autoptr(TarmacSeizureAttachment) attachment = tarmac_seizure_attachment_new ();

      tarmac_seizure_attachment_set_id (attachment, sqlite3_column_int64 (attachments, 0));
      tarmac_seizure_attachment_set_item_seq (attachment, sqlite3_column_int (attachments, 1));
      tarmac_seizure_attachment_set_kind (attachment, _tarmac_store_column_text (attachments, 2));
      tarmac_seizure_attachment_set_file_name (attachment, _tarmac_store_column_text (attachments, 3));
      tarmac_seizure_attachment_set_mime_type (attachment, _tarmac_store_column_text (attachments, 4));
      tarmac_seizure_attachment_set_sha256 (attachment, _tarmac_store_column_text (attachments, 5));
      tarmac_seizure_attachment_set_size (attachment, sqlite3_column_int64 (attachments, 6));
      tarmac_seizure_attachment_set_caption (attachment, _tarmac_store_column_text (attachments, 7));
      tarmac_seizure_attachment_set_captured_at (attachment, _tarmac_store_column_text (attachments, 8));
      tarmac_seizure_attachment_set_shareable (attachment, sqlite3_column_int (attachments, 9));
      tarmac_seizure_add_attachment (seizure, attachment);
    }

  return TRUE;
}

#define HEADER_COLUMNS \
  "id, ref_no, series_id, version, previous_id, status, occurred_at, airport, place," \
  " direction, flow_type, flight_id, flight_label, hit_id, traveller_id, selection_reason," \
  " detection_technique, legal_action, offence_summary, modus_operandi, narrative," \
  " sensitivity, created_at, created_by, validated_at, validated_by"

static TarmacSeizure *
seizure_from_row (sqlite3_stmt *stmt)
{
  TarmacSeizure *seizure = tarmac_seizure_new ();

  tarmac_seizure_set_id (seizure, sqlite3_column_int64 (stmt, 0));
  tarmac_seizure_set_ref_no (seizure, _tarmac_store_column_text (stmt, 1));
  tarmac_seizure_set_series_id (seizure, sqlite3_column_int64 (stmt, 2));
  tarmac_seizure_set_version (seizure, sqlite3_column_int (stmt, 3));
  tarmac_seizure_set_previous_id (seizure, sqlite3_column_int64 (stmt, 4));
  tarmac_seizure_set_status (seizure, _tarmac_store_column_text (stmt, 5));
  tarmac_seizure_set_occurred_at (seizure, _tarmac_store_column_text (stmt, 6));
  tarmac_seizure_set_airport (seizure, _tarmac_store_column_text (stmt, 7));
  tarmac_seizure_set_place (seizure, _tarmac_store_column_text (stmt, 8));
  tarmac_seizure_set_direction (seizure, _tarmac_store_column_text (stmt, 9));
  tarmac_seizure_set_flow_type (seizure, _tarmac_store_column_text (stmt, 10));
  tarmac_seizure_set_flight_id (seizure, sqlite3_column_int64 (stmt, 11));
  tarmac_seizure_set_flight_label (seizure, _tarmac_store_column_text (stmt, 12));
  tarmac_seizure_set_hit_id (seizure, sqlite3_column_int64 (stmt, 13));
  tarmac_seizure_set_traveller_id (seizure, sqlite3_column_int64 (stmt, 14));
  tarmac_seizure_set_selection_reason (seizure, _tarmac_store_column_text (stmt, 15));
  tarmac_seizure_set_detection_technique (seizure, _tarmac_store_column_text (stmt, 16));
  tarmac_seizure_set_legal_action (seizure, _tarmac_store_column_text (stmt, 17));
  tarmac_seizure_set_offence_summary (seizure, _tarmac_store_column_text (stmt, 18));
  tarmac_seizure_set_modus_operandi (seizure, _tarmac_store_column_text (stmt, 19));
  tarmac_seizure_set_narrative (seizure, _tarmac_store_column_text (stmt, 20));
  tarmac_seizure_set_sensitivity (seizure, _tarmac_store_column_text (stmt, 21));
  tarmac_seizure_set_created_at (seizure, _tarmac_store_column_text (stmt, 22));
  tarmac_seizure_set_created_by (seizure, _tarmac_store_column_text (stmt, 23));
  tarmac_seizure_set_validated_at (seizure, _tarmac_store_column_text (stmt, 24));
  tarmac_seizure_set_validated_by (seizure, _tarmac_store_column_text (stmt, 25));
  return seizure;
}

static TarmacSeizure *
load_unaudited (TarmacStore  *store,
                gint64        id,
                GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = _tarmac_store_prepare (store,
    "SELECT " HEADER_COLUMNS " FROM seizure WHERE id = ?", error);
  g_autoptr(TarmacSeizure) seizure = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, TARMAC_SEIZURE_ERROR, TARMAC_SEIZURE_ERROR_NOT_FOUND,
                   _("No seizure with id %lld"), (long long) id);
      return NULL;
    }
  seizure = seizure_from_row (stmt);
  if (!load_children (store, seizure, error))
    return NULL;
  return g_steal_pointer (&seizure);
}

/**
 * tarmac_seizure_store_load:
 *
 * Returns: (transfer full) (nullable): one version of a record, whole; the read is audited
 */
TarmacSeizure *
tarmac_seizure_store_load (TarmacStore  *store,
                           gint64        id,
                           GError      **error)
{
  g_autoptr(TarmacSeizure) seizure = NULL;
  g_autofree char *object_id = g_strdup_printf ("%lld", (long long) id);

  g_return_val_if_fail (TARMAC_IS_STORE (store), NULL);

  seizure = load_unaudited (store, id, error);
  if (seizure == NULL ||
      !tarmac_audit_append (store, "view", "seizure", object_id, NULL, error))
    return NULL;
  return g_steal_pointer (&seizure);
}

/* Returns: the id of the latest version of @ref_no, 0 (and @error) when there is none */
gint64
tarmac_seizure_store_find (TarmacStore  *store,
                           const char   *ref_no,
                           GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = _tarmac_store_prepare (store,
    "SELECT id FROM seizure WHERE ref_no = ? ORDER BY version DESC LIMIT 1", error);

  if (stmt == NULL)
    return 0;
  bind_text (stmt, 1, ref_no);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, TARMAC_SEIZURE_ERROR, TARMAC_SEIZURE_ERROR_NOT_FOUND,
                   _("No seizure with reference %s"), ref_no);
      return 0;
    }
  return sqlite3_column_int64 (stmt, 0);
}

/**
 * tarmac_seizure_store_list:
 * @from_day: (nullable): first day (YYYY-MM-DD, UTC), inclusive
 * @to_day: (nullable): last day, inclusive
 *
 * Returns: (transfer full): a list of #TarmacSeizure, the latest version of each record,
 *   newest first, whole (with items, route, agencies, persons)
 */
GListModel *
tarmac_seizure_store_list (TarmacStore  *store,
                           const char   *from_day,
                           const char   *to_day,
                           GError      **error)
{
  g_autoptr(GListStore) list = g_list_store_new (TARMAC_TYPE_SEIZURE);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *detail = NULL;
  int rc;

  g_return_val_if_fail (TARMAC_IS_STORE (store), NULL);

  stmt = _tarmac_store_prepare (store,
    "SELECT " HEADER_COLUMNS " FROM seizure s"
    " WHERE NOT EXISTS (SELECT 1 FROM seizure n WHERE n.previous_id = s.id)"
    "   AND (?1 IS NULL OR substr (occurred_at, 1, 10) >= ?1)"
    "   AND (?2 IS NULL OR substr (occurred_at, 1, 10) <= ?2)"
    " ORDER BY occurred_at DESC, id DESC", error);
  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, from_day);
  bind_text (stmt, 2, to_day);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(TarmacSeizure) seizure = seizure_from_row (stmt);

      if (!load_children (store, seizure, error))
        return NULL;
      g_list_store_append (list, seizure);
    }
  if (rc != SQLITE_DONE)
    {
      _tarmac_store_set_error (store, rc, error);
      return NULL;
    }

  detail = g_strdup_printf ("%s..%s", from_day != NULL ? from_day : "",
                            to_day != NULL ? to_day : "");
  if (!tarmac_audit_append (store, "list", "seizure", NULL, detail, error))
    return NULL;
  return G_LIST_MODEL (g_steal_pointer (&list));
}

/**
 * tarmac_seizure_store_new_version:
 * @id: a validated (or shared, or closed) version
 *
 * Copies it into a new DRAFT version (same reference, same series, version + 1,
 * previous-id @id) and saves it; the validated version stays as it was.
 *
 * Returns: (transfer full) (nullable): the new version, saved
 */
TarmacSeizure *
tarmac_seizure_store_new_version (TarmacStore  *store,
                                  gint64        id,
                                  GError      **error)
{
  g_autoptr(TarmacSeizure) seizure = NULL;

  g_return_val_if_fail (TARMAC_IS_STORE (store), NULL);

  seizure = load_unaudited (store, id, error);
  if (seizure == NULL)
    return NULL;
  if (!is_locked (tarmac_seizure_get_status (seizure)))
    {
      g_set_error (error, TARMAC_SEIZURE_ERROR, TARMAC_SEIZURE_ERROR_STATUS,
                   _("status: a draft or submitted record is edited in place, not versioned"));
      return NULL;
    }

  tarmac_seizure_set_id (seizure, 0);
  tarmac_seizure_set_previous_id (seizure, id);
  tarmac_seizure_set_version (seizure, tarmac_seizure_get_version (seizure) + 1);
  tarmac_seizure_set_status (seizure, "DRAFT");
  tarmac_seizure_set_validated_at (seizure, NULL);
  tarmac_seizure_set_validated_by (seizure, NULL);

  if (!tarmac_seizure_store_save (store, seizure, error))
    {
      if (error != NULL && *error != NULL && strstr ((*error)->message, "UNIQUE") != NULL)
        {
          g_clear_error (error);
          g_set_error (error, TARMAC_SEIZURE_ERROR, TARMAC_SEIZURE_ERROR_STATUS,
                       _("This version already has a newer one: edit that one"));
        }
      return NULL;
    }
  return g_steal_pointer (&seizure);
}

/**
 * tarmac_seizure_store_read_attachment:
 *
 * Returns: (transfer full) (nullable): the bytes of a photo or document; the read is audited
 */
GBytes *
tarmac_seizure_store_read_attachment (TarmacStore  *store,
                                      gint64        attachment_id,
                                      GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = _tarmac_store_prepare (store,
    "SELECT b.data FROM seizure_attachment a JOIN attachment_blob b ON b.sha256 = a.sha256"
    " WHERE a.id = ?", error);
  g_autofree char *object_id = g_strdup_printf ("%lld", (long long) attachment_id);
  g_autoptr(GBytes) bytes = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, attachment_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, TARMAC_SEIZURE_ERROR, TARMAC_SEIZURE_ERROR_NOT_FOUND,
                   _("No attachment with id %lld"), (long long) attachment_id);
      return NULL;
    }
  bytes = g_bytes_new (sqlite3_column_blob (stmt, 0), (gsize) sqlite3_column_bytes (stmt, 0));
  if (!tarmac_audit_append (store, "view", "seizure_attachment", object_id, NULL, error))
    return NULL;
  return g_steal_pointer (&bytes);
}

/**
 * tarmac_seizure_store_count:
 *
 * Returns: how many records there are (each counted once, whatever its versions); a
 *   count, not audited
 */
guint
tarmac_seizure_store_count (TarmacStore *store)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (TARMAC_IS_STORE (store), 0);

  stmt = _tarmac_store_prepare (store, "SELECT count (DISTINCT series_id) FROM seizure", NULL);
  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return 0;
  return (guint) sqlite3_column_int64 (stmt, 0);
}
