/* tarmac-seizure-evidence.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-seizure"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "tarmac-audit.h"
#include "tarmac-seizure-codes.h"
#include "tarmac-seizure-evidence.h"
#include "tarmac-seizure-store.h"
#include "tarmac-store-private.h"

#define MAX_TEXT 1024

/* Where an exhibit is after a custody step; NULL: where it was. */
static const struct
{
  const char *action;
  const char *status;
} places[] = {
  { "TO_LAB", "AT_LAB" },
  { "LAB_RESULT", "IN_STORE" },
  { "TO_COURT", "IN_COURT" },
  { "RETURNED", "RETURNED" },
  { "DESTROYED", "DESTROYED" },
};

static void
bind_text (sqlite3_stmt *stmt,
           int           column,
           const char   *value)
{
  if (value == NULL || *value == '\0')
    sqlite3_bind_null (stmt, column);
  else
    sqlite3_bind_text (stmt, column, value, -1, SQLITE_TRANSIENT);
}

static gboolean
check_text (const char  *field,
            const char  *value,
            gboolean     required,
            GError     **error)
{
  if (value == NULL || *value == '\0')
    {
      if (!required)
        return TRUE;
      g_set_error (error, TARMAC_SEIZURE_ERROR, TARMAC_SEIZURE_ERROR_INVALID,
                   _("%s: this field is required"), field);
      return FALSE;
    }
  if (strlen (value) > MAX_TEXT || !g_utf8_validate (value, -1, NULL))
    {
      g_set_error (error, TARMAC_SEIZURE_ERROR, TARMAC_SEIZURE_ERROR_INVALID,
                   _("%s: the text is too long or not UTF-8"), field);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_time (const char  *field,
            const char  *value,
            gboolean     required,
            GError     **error)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) parsed = NULL;

  if (value == NULL && !required)
    return TRUE;
  if (value != NULL)
    parsed = g_date_time_new_from_iso8601 (value, utc);
  if (parsed == NULL)
    {
      g_set_error (error, TARMAC_SEIZURE_ERROR, TARMAC_SEIZURE_ERROR_INVALID,
                   _("%s: “%s” is not a date and time such as 2026-03-14T06:40:00Z"),
                   field, value != NULL ? value : "");
      return FALSE;
    }
  return TRUE;
}

static gboolean
finish (TarmacStore  *store,
        const char   *action,
        const char   *object_type,
        gint64        id,
        const char   *detail,
        GError      **error)
{
  g_autofree char *object_id = g_strdup_printf ("%lld", (long long) id);

  if (!tarmac_audit_append (store, action, object_type, object_id, detail, error))
    {
      tarmac_store_rollback (store);
      return FALSE;
    }
  /* A failed commit ends its level itself. */
  return tarmac_store_commit (store, error);
}

static gboolean
insert_event (TarmacStore                *store,
              TarmacSeizureCustodyEvent  *event,
              GError                    **error)
{
  g_autoptr(sqlite3_stmt) stmt = _tarmac_store_prepare (store,
    "INSERT INTO custody_event (exhibit_id, at, action, from_party, to_party, seal_no_after,"
    " reason, witness, notes, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
    error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, tarmac_seizure_custody_event_get_exhibit_id (event));
  bind_text (stmt, 2, tarmac_seizure_custody_event_get_at (event));
  bind_text (stmt, 3, tarmac_seizure_custody_event_get_action (event));
  bind_text (stmt, 4, tarmac_seizure_custody_event_get_from_party (event));
  bind_text (stmt, 5, tarmac_seizure_custody_event_get_to_party (event));
  bind_text (stmt, 6, tarmac_seizure_custody_event_get_seal_no_after (event));
  bind_text (stmt, 7, tarmac_seizure_custody_event_get_reason (event));
  bind_text (stmt, 8, tarmac_seizure_custody_event_get_witness (event));
  bind_text (stmt, 9, tarmac_seizure_custody_event_get_notes (event));
  bind_text (stmt, 10, tarmac_store_get_actor (store));
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      _tarmac_store_set_error (store, sqlite3_errcode (_tarmac_store_get_db (store)), error);
      return FALSE;
    }
  tarmac_seizure_custody_event_set_id (event, sqlite3_column_int64 (stmt, 0));
  /* Finished now: a statement left running blocks the savepoints that follow. */
  sqlite3_reset (stmt);
  tarmac_seizure_custody_event_set_recorded_by (event, tarmac_store_get_actor (store));
  return TRUE;
}

/**
 * tarmac_seizure_store_add_exhibit:
 * @exhibit: a new exhibit: its series-id (the record's), exhibit number, and optionally
 *   the item it holds, its seal and where it is kept
 *
 * Records the exhibit and the first step of its chain, "seized", now, by the actor.
 *
 * Returns: %TRUE on success; its id is then set. On error nothing changed.
 */
gboolean
tarmac_seizure_store_add_exhibit (TarmacStore           *store,
                                  TarmacSeizureExhibit  *exhibit,
                                  GError               **error)
{
  g_autoptr(sqlite3_stmt) series = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(TarmacSeizureCustodyEvent) seized = tarmac_seizure_custody_event_new ();
  g_autofree char *now = _tarmac_store_now ();
  const char *number = tarmac_seizure_exhibit_get_exhibit_no (exhibit);
  gint64 series_id = tarmac_seizure_exhibit_get_series_id (exhibit);
  gint64 id;

  g_return_val_if_fail (TARMAC_IS_STORE (store), FALSE);
  g_return_val_if_fail (TARMAC_IS_SEIZURE_EXHIBIT (exhibit), FALSE);

  if (!check_text ("exhibit_no", number, TRUE, error) ||
      !check_text ("seal_no", tarmac_seizure_exhibit_get_seal_no (exhibit), FALSE, error) ||
      !check_text ("storage_location", tarmac_seizure_exhibit_get_storage_location (exhibit),
                   FALSE, error))
    return FALSE;
  if (strlen (number) > 64)
    {
      g_set_error (error, TARMAC_SEIZURE_ERROR, TARMAC_SEIZURE_ERROR_INVALID,
                   _("%s: at most %d characters"), "exhibit_no", 64);
      return FALSE;
    }

  if (!tarmac_store_begin (store, error))
    return FALSE;
  series = _tarmac_store_prepare (store,
    "SELECT (SELECT count(*) FROM seizure WHERE series_id = ?1),"
    " (SELECT count(*) FROM exhibit WHERE exhibit_no = ?2)", error);
  if (series == NULL)
    goto fail;
  sqlite3_bind_int64 (series, 1, series_id);
  bind_text (series, 2, number);
  if (sqlite3_step (series) != SQLITE_ROW)
    goto fail_db;
  if (sqlite3_column_int64 (series, 0) == 0)
    {
      g_set_error (error, TARMAC_SEIZURE_ERROR, TARMAC_SEIZURE_ERROR_NOT_FOUND,
                   _("No seizure with id %lld"), (long long) series_id);
      goto fail;
    }
  if (sqlite3_column_int64 (series, 1) > 0)
    {
      g_set_error (error, TARMAC_SEIZURE_ERROR, TARMAC_SEIZURE_ERROR_INVALID,
                   _("%s: exhibit %s is already recorded"), "exhibit_no", number);
      goto fail;
    }
  sqlite3_reset (series);

  stmt = _tarmac_store_prepare (store,
    "INSERT INTO exhibit (series_id, item_seq, exhibit_no, seal_no, storage_location, status,"
    " created_at) VALUES (?, ?, ?, ?, ?, 'IN_STORE', ?) RETURNING id", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, series_id);
  if (tarmac_seizure_exhibit_get_item_seq (exhibit) > 0)
    sqlite3_bind_int (stmt, 2, tarmac_seizure_exhibit_get_item_seq (exhibit));
  else
    sqlite3_bind_null (stmt, 2);
  bind_text (stmt, 3, number);
  bind_text (stmt, 4, tarmac_seizure_exhibit_get_seal_no (exhibit));
  bind_text (stmt, 5, tarmac_seizure_exhibit_get_storage_location (exhibit));
  bind_text (stmt, 6, now);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    goto fail_db;
  id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  tarmac_seizure_custody_event_set_exhibit_id (seized, id);
  tarmac_seizure_custody_event_set_at (seized, now);
  tarmac_seizure_custody_event_set_action (seized, "SEIZED");
  tarmac_seizure_custody_event_set_seal_no_after (seized, tarmac_seizure_exhibit_get_seal_no (exhibit));
  if (!insert_event (store, seized, error))
    goto fail;

  tarmac_seizure_exhibit_set_id (exhibit, id);
  tarmac_seizure_exhibit_set_status (exhibit, "IN_STORE");
  tarmac_seizure_exhibit_set_created_at (exhibit, now);
  return finish (store, "create", "exhibit", id, number, error);

fail_db:
  _tarmac_store_set_error (store, sqlite3_errcode (_tarmac_store_get_db (store)), error);
fail:
  tarmac_store_rollback (store);
  return FALSE;
}

/**
 * tarmac_seizure_store_add_custody_event:
 * @event: the step: its exhibit, action (a custody_action code), time (now if unset) and
 *   who gave it to whom, why, the seal after it and the witness
 *
 * Appends the step and moves the exhibit where the step took it (to the lab, to court,
 * returned, destroyed). A destroyed or returned exhibit takes no further step.
 *
 * Returns: %TRUE on success. On error nothing changed.
 */
gboolean
tarmac_seizure_store_add_custody_event (TarmacStore                *store,
                                        TarmacSeizureCustodyEvent  *event,
                                        GError                    **error)
{
  g_autoptr(sqlite3_stmt) select = NULL;
  g_autoptr(sqlite3_stmt) update = NULL;
  g_autofree char *now = _tarmac_store_now ();
  g_autofree char *status = NULL;
  const char *action = tarmac_seizure_custody_event_get_action (event);
  const char *next = NULL;
  gint64 exhibit_id = tarmac_seizure_custody_event_get_exhibit_id (event);

  g_return_val_if_fail (TARMAC_IS_STORE (store), FALSE);
  g_return_val_if_fail (TARMAC_IS_SEIZURE_CUSTODY_EVENT (event), FALSE);

  if (action == NULL || !tarmac_seizure_codes_has (tarmac_seizure_codes_get_default (),
                                                   "custody_action", action))
    {
      g_set_error (error, TARMAC_SEIZURE_ERROR, TARMAC_SEIZURE_ERROR_UNKNOWN_CODE,
                   _("%s: “%s” is not a known code"), "action", action != NULL ? action : "");
      return FALSE;
    }
  if (tarmac_seizure_custody_event_get_at (event) == NULL)
    tarmac_seizure_custody_event_set_at (event, now);
  if (!check_time ("at", tarmac_seizure_custody_event_get_at (event), TRUE, error) ||
      !check_text ("from_party", tarmac_seizure_custody_event_get_from_party (event), FALSE, error) ||
      !check_text ("to_party", tarmac_seizure_custody_event_get_to_party (event), FALSE, error) ||
      !check_text ("seal_no_after", tarmac_seizure_custody_event_get_seal_no_after (event), FALSE, error) ||
      !check_text ("reason", tarmac_seizure_custody_event_get_reason (event), FALSE, error) ||
      !check_text ("witness", tarmac_seizure_custody_event_get_witness (event), FALSE, error) ||
      !check_text ("notes", tarmac_seizure_custody_event_get_notes (event), FALSE, error))
    return FALSE;
  /* A hand-over names who received the exhibit: the gap a court would find otherwise. */
  if (g_str_equal (action, "TRANSFERRED") &&
      !check_text ("to_party", tarmac_seizure_custody_event_get_to_party (event), TRUE, error))
    return FALSE;

  if (!tarmac_store_begin (store, error))
    return FALSE;
  select = _tarmac_store_prepare (store, "SELECT status FROM exhibit WHERE id = ?", error);
  if (select == NULL)
    goto fail;
  sqlite3_bind_int64 (select, 1, exhibit_id);
  if (sqlite3_step (select) != SQLITE_ROW)
    {
      g_set_error (error, TARMAC_SEIZURE_ERROR, TARMAC_SEIZURE_ERROR_NOT_FOUND,
                   _("No exhibit with id %lld"), (long long) exhibit_id);
      goto fail;
    }
  status = g_strdup (_tarmac_store_column_text (select, 0));
  sqlite3_reset (select);
  if (g_strcmp0 (status, "DESTROYED") == 0 || g_strcmp0 (status, "RETURNED") == 0)
    {
      g_set_error (error, TARMAC_SEIZURE_ERROR, TARMAC_SEIZURE_ERROR_STATUS,
                   _("%s: the exhibit was destroyed or returned; its chain of custody is closed"),
                   "action");
      goto fail;
    }

  if (!insert_event (store, event, error))
    goto fail;
  for (guint i = 0; i < G_N_ELEMENTS (places); i++)
    if (g_str_equal (action, places[i].action))
      next = places[i].status;
  if (next != NULL || tarmac_seizure_custody_event_get_seal_no_after (event) != NULL)
    {
      update = _tarmac_store_prepare (store,
        "UPDATE exhibit SET status = coalesce (?2, status), seal_no = coalesce (?3, seal_no)"
        " WHERE id = ?1", error);
      if (update == NULL)
        goto fail;
      sqlite3_bind_int64 (update, 1, exhibit_id);
      bind_text (update, 2, next);
      bind_text (update, 3, tarmac_seizure_custody_event_get_seal_no_after (event));
      if (!_tarmac_store_step_done (store, update, error))
        goto fail;
    }
  return finish (store, "create", "custody_event", tarmac_seizure_custody_event_get_id (event),
                 action, error);

fail:
  tarmac_store_rollback (store);
  return FALSE;
}

/**
 * tarmac_seizure_store_add_lab_result:
 * @result: the laboratory, what it found (a sub-type code), the purity, dates, reference
 *
 * Returns: %TRUE on success. On error nothing changed.
 */
gboolean
tarmac_seizure_store_add_lab_result (TarmacStore             *store,
                                     TarmacSeizureLabResult  *result,
                                     GError                 **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char *substance = tarmac_seizure_lab_result_get_substance (result);
  double purity = tarmac_seizure_lab_result_get_purity_pct (result);

  g_return_val_if_fail (TARMAC_IS_STORE (store), FALSE);
  g_return_val_if_fail (TARMAC_IS_SEIZURE_LAB_RESULT (result), FALSE);

  if (!check_text ("lab_name", tarmac_seizure_lab_result_get_lab_name (result), TRUE, error) ||
      !check_text ("report_ref", tarmac_seizure_lab_result_get_report_ref (result), FALSE, error) ||
      !check_time ("received_at", tarmac_seizure_lab_result_get_received_at (result), FALSE, error) ||
      !check_time ("reported_at", tarmac_seizure_lab_result_get_reported_at (result), FALSE, error))
    return FALSE;
  if (substance != NULL && !tarmac_seizure_codes_has (tarmac_seizure_codes_get_default (),
                                                      "subtype", substance))
    {
      g_set_error (error, TARMAC_SEIZURE_ERROR, TARMAC_SEIZURE_ERROR_UNKNOWN_CODE,
                   _("%s: “%s” is not a known code"), "substance", substance);
      return FALSE;
    }
  if (!isfinite (purity) || purity < 0 || purity > 100)
    {
      g_set_error (error, TARMAC_SEIZURE_ERROR, TARMAC_SEIZURE_ERROR_QUANTITY,
                   _("%s: a purity is between 0 and 100 %%"), "purity_pct");
      return FALSE;
    }

  if (!tarmac_store_begin (store, error))
    return FALSE;
  stmt = _tarmac_store_prepare (store,
    "INSERT INTO lab_result (exhibit_id, lab_name, received_at, reported_at, substance,"
    " purity_pct, report_ref) SELECT id, ?2, ?3, ?4, ?5, ?6, ?7 FROM exhibit WHERE id = ?1"
    " RETURNING id", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, tarmac_seizure_lab_result_get_exhibit_id (result));
  bind_text (stmt, 2, tarmac_seizure_lab_result_get_lab_name (result));
  bind_text (stmt, 3, tarmac_seizure_lab_result_get_received_at (result));
  bind_text (stmt, 4, tarmac_seizure_lab_result_get_reported_at (result));
  bind_text (stmt, 5, substance);
  if (purity > 0)
    sqlite3_bind_double (stmt, 6, purity);
  else
    sqlite3_bind_null (stmt, 6);
  bind_text (stmt, 7, tarmac_seizure_lab_result_get_report_ref (result));
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, TARMAC_SEIZURE_ERROR, TARMAC_SEIZURE_ERROR_NOT_FOUND,
                   _("No exhibit with id %lld"),
                   (long long) tarmac_seizure_lab_result_get_exhibit_id (result));
      goto fail;
    }
  tarmac_seizure_lab_result_set_id (result, sqlite3_column_int64 (stmt, 0));
  sqlite3_reset (stmt);
  return finish (store, "create", "lab_result", tarmac_seizure_lab_result_get_id (result),
                 substance, error);

fail:
  tarmac_store_rollback (store);
  return FALSE;
}

/**
 * tarmac_seizure_store_list_exhibits:
 * @series_id: a record's series (the id of its first version)
 *
 * Returns: (transfer full) (nullable): its exhibits, of #TarmacSeizureExhibit, oldest
 *   first; the read is audited
 */
GListModel *
tarmac_seizure_store_list_exhibits (TarmacStore  *store,
                                    gint64        series_id,
                                    GError      **error)
{
  g_autoptr(GListStore) list = g_list_store_new (TARMAC_TYPE_SEIZURE_EXHIBIT);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *object_id = g_strdup_printf ("%lld", (long long) series_id);
  int rc;

  g_return_val_if_fail (TARMAC_IS_STORE (store), NULL);

  stmt = _tarmac_store_prepare (store,
    "SELECT id, series_id, item_seq, exhibit_no, seal_no, storage_location, status, created_at"
    " FROM exhibit WHERE series_id = ? ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, series_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(TarmacSeizureExhibit) exhibit = tarmac_seizure_exhibit_new ();

      tarmac_seizure_exhibit_set_id (exhibit, sqlite3_column_int64 (stmt, 0));
      tarmac_seizure_exhibit_set_series_id (exhibit, sqlite3_column_int64 (stmt, 1));
      tarmac_seizure_exhibit_set_item_seq (exhibit, sqlite3_column_int (stmt, 2));
      tarmac_seizure_exhibit_set_exhibit_no (exhibit, _tarmac_store_column_text (stmt, 3));
      tarmac_seizure_exhibit_set_seal_no (exhibit, _tarmac_store_column_text (stmt, 4));
      tarmac_seizure_exhibit_set_storage_location (exhibit, _tarmac_store_column_text (stmt, 5));
      tarmac_seizure_exhibit_set_status (exhibit, _tarmac_store_column_text (stmt, 6));
      tarmac_seizure_exhibit_set_created_at (exhibit, _tarmac_store_column_text (stmt, 7));
      g_list_store_append (list, exhibit);
    }
  if (rc != SQLITE_DONE)
    {
      _tarmac_store_set_error (store, rc, error);
      return NULL;
    }
  if (!tarmac_audit_append (store, "view", "exhibit", object_id, NULL, error))
    return NULL;
  return G_LIST_MODEL (g_steal_pointer (&list));
}

/**
 * tarmac_seizure_store_list_custody:
 *
 * Returns: (transfer full) (nullable): an exhibit's chain of custody, of
 *   #TarmacSeizureCustodyEvent, in order; read with the exhibits (whose view is audited)
 */
GListModel *
tarmac_seizure_store_list_custody (TarmacStore  *store,
                                   gint64        exhibit_id,
                                   GError      **error)
{
  g_autoptr(GListStore) list = g_list_store_new (TARMAC_TYPE_SEIZURE_CUSTODY_EVENT);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (TARMAC_IS_STORE (store), NULL);

  stmt = _tarmac_store_prepare (store,
    "SELECT id, exhibit_id, at, action, from_party, to_party, seal_no_after, reason, witness,"
    " notes, recorded_by FROM custody_event WHERE exhibit_id = ? ORDER BY at, id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, exhibit_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(TarmacSeizureCustodyEvent) event = tarmac_seizure_custody_event_new ();

      tarmac_seizure_custody_event_set_id (event, sqlite3_column_int64 (stmt, 0));
      tarmac_seizure_custody_event_set_exhibit_id (event, sqlite3_column_int64 (stmt, 1));
      tarmac_seizure_custody_event_set_at (event, _tarmac_store_column_text (stmt, 2));
      tarmac_seizure_custody_event_set_action (event, _tarmac_store_column_text (stmt, 3));
      tarmac_seizure_custody_event_set_from_party (event, _tarmac_store_column_text (stmt, 4));
      tarmac_seizure_custody_event_set_to_party (event, _tarmac_store_column_text (stmt, 5));
      tarmac_seizure_custody_event_set_seal_no_after (event, _tarmac_store_column_text (stmt, 6));
      tarmac_seizure_custody_event_set_reason (event, _tarmac_store_column_text (stmt, 7));
      tarmac_seizure_custody_event_set_witness (event, _tarmac_store_column_text (stmt, 8));
      tarmac_seizure_custody_event_set_notes (event, _tarmac_store_column_text (stmt, 9));
      tarmac_seizure_custody_event_set_recorded_by (event, _tarmac_store_column_text (stmt, 10));
      g_list_store_append (list, event);
    }
  if (rc != SQLITE_DONE)
    {
      _tarmac_store_set_error (store, rc, error);
      return NULL;
    }
  return G_LIST_MODEL (g_steal_pointer (&list));
}

/**
 * tarmac_seizure_store_list_lab_results:
 *
 * Returns: (transfer full) (nullable): an exhibit's lab results, of
 *   #TarmacSeizureLabResult, oldest first
 */
GListModel *
tarmac_seizure_store_list_lab_results (TarmacStore  *store,
                                       gint64        exhibit_id,
                                       GError      **error)
{
  g_autoptr(GListStore) list = g_list_store_new (TARMAC_TYPE_SEIZURE_LAB_RESULT);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (TARMAC_IS_STORE (store), NULL);

  stmt = _tarmac_store_prepare (store,
    "SELECT id, exhibit_id, lab_name, received_at, reported_at, substance, purity_pct,"
    " report_ref FROM lab_result WHERE exhibit_id = ? ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, exhibit_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(TarmacSeizureLabResult) result = tarmac_seizure_lab_result_new ();

      tarmac_seizure_lab_result_set_id (result, sqlite3_column_int64 (stmt, 0));
      tarmac_seizure_lab_result_set_exhibit_id (result, sqlite3_column_int64 (stmt, 1));
      tarmac_seizure_lab_result_set_lab_name (result, _tarmac_store_column_text (stmt, 2));
      tarmac_seizure_lab_result_set_received_at (result, _tarmac_store_column_text (stmt, 3));
      tarmac_seizure_lab_result_set_reported_at (result, _tarmac_store_column_text (stmt, 4));
      tarmac_seizure_lab_result_set_substance (result, _tarmac_store_column_text (stmt, 5));
      tarmac_seizure_lab_result_set_purity_pct (result, sqlite3_column_double (stmt, 6));
      tarmac_seizure_lab_result_set_report_ref (result, _tarmac_store_column_text (stmt, 7));
      g_list_store_append (list, result);
    }
  if (rc != SQLITE_DONE)
    {
      _tarmac_store_set_error (store, rc, error);
      return NULL;
    }
  return G_LIST_MODEL (g_steal_pointer (&list));
}
