/* tarmac-store-queries.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "tarmac-audit.h"
#include "tarmac-flight.h"
#include "tarmac-note.h"
#include "tarmac-search.h"
#include "tarmac-search-result.h"
#include "tarmac-store-private.h"
#include "tarmac-traveller.h"

/* The read side the pages use. Every function here returns core objects, never rows,
 * and each one that shows personal data writes its audit row itself. */

#define OPEN_HIT_STATUSES "('new', 'in_review', 'referred')"

static gboolean
parse_day (const char  *day,
           GDate       *date,
           GError     **error)
{
  guint y, m, d;

  if (day == NULL || strlen (day) != 10 ||
      sscanf (day, "%4u-%2u-%2u", &y, &m, &d) != 3 ||
      !g_date_valid_dmy (d, m, y))
    {
      g_set_error (error, TARMAC_STORE_ERROR, TARMAC_STORE_ERROR_INVALID,
                   _("“%s” is not a date (expected YYYY-MM-DD)"), day ? day : "");
      return FALSE;
    }

  g_date_clear (date, 1);
  g_date_set_dmy (date, d, m, y);

  return TRUE;
}

/* The UTC instants that bound a local calendar day, for columns stored in UTC. */
static gboolean
local_day_bounds_utc (const char  *day,
                      char       **start,
                      char       **end,
                      GError     **error)
{
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) to = NULL;
  g_autoptr(GDateTime) from_utc = NULL;
  g_autoptr(GDateTime) to_utc = NULL;
  GDate date;

  if (!parse_day (day, &date, error))
    return FALSE;

  from = g_date_time_new (local, g_date_get_year (&date), g_date_get_month (&date),
                          g_date_get_day (&date), 0, 0, 0);
  to = g_date_time_add_days (from, 1);
  from_utc = g_date_time_to_utc (from);
  to_utc = g_date_time_to_utc (to);

  *start = g_date_time_format (from_utc, "%Y-%m-%dT%H:%M:%SZ");
  *end = g_date_time_format (to_utc, "%Y-%m-%dT%H:%M:%SZ");

  return TRUE;
}

static gboolean
count_with_day (TarmacStore  *self,
                const char   *sql,
                const char   *arg1,
                const char   *arg2,
                guint        *count,
                GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!(stmt = _tarmac_store_prepare (self, sql, error)))
    return FALSE;

  if (arg1 != NULL)
    sqlite3_bind_text (stmt, 1, arg1, -1, SQLITE_STATIC);
  if (arg2 != NULL)
    sqlite3_bind_text (stmt, 2, arg2, -1, SQLITE_STATIC);

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      _tarmac_store_set_error (self, rc, error);
      return FALSE;
    }

  *count = (guint) CLAMP (sqlite3_column_int64 (stmt, 0), 0, G_MAXUINT);

  return TRUE;
}

/**
 * tarmac_store_get_day_counts:
 * @self: a #TarmacStore
 * @day: the local date, "YYYY-MM-DD"
 * @counts: (out caller-allocates): the counts
 * @error: return location for a #GError
 *
 * Counts what the Today page shows. Counts are not personal data, so this is not audited.
 *
 * Returns: %TRUE on success
 */
gboolean
tarmac_store_get_day_counts (TarmacStore      *self,
                             const char       *day,
                             TarmacDayCounts  *counts,
                             GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  int rc;

  g_return_val_if_fail (TARMAC_IS_STORE (self), FALSE);
  g_return_val_if_fail (counts != NULL, FALSE);

  memset (counts, 0, sizeof *counts);

  if (!local_day_bounds_utc (day, &start, &end, error))
    return FALSE;

  stmt = _tarmac_store_prepare (self,
                                "SELECT count(*),"
                                " coalesce (sum (direction = 'inbound'), 0),"
                                " coalesce (sum (direction = 'outbound'), 0)"
                                " FROM flight WHERE flight_date = ?1",
                                error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, day, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      _tarmac_store_set_error (self, rc, error);
      return FALSE;
    }

  counts->flights = sqlite3_column_int (stmt, 0);
  counts->flights_inbound = sqlite3_column_int (stmt, 1);
  counts->flights_outbound = sqlite3_column_int (stmt, 2);

  return count_with_day (self,
                         "SELECT count(*) FROM traveller t JOIN flight f ON f.id = t.flight_id"
                         " WHERE f.flight_date = ?1 AND t.kind = 'passenger'",
                         day, NULL, &counts->travellers, error) &&
         count_with_day (self,
                         "SELECT count(*) FROM traveller t JOIN flight f ON f.id = t.flight_id"
                         " WHERE f.flight_date = ?1 AND t.kind = 'crew'",
                         day, NULL, &counts->crew, error) &&
         count_with_day (self,
                         "SELECT count(*) FROM hit WHERE status IN " OPEN_HIT_STATUSES,
                         NULL, NULL, &counts->open_hits, error) &&
         count_with_day (self,
                         "SELECT count(*) FROM note WHERE created_at >= ?1 AND created_at < ?2",
                         start, end, &counts->notes, error);
}

/**
 * tarmac_store_has_imported_data:
 * @self: a #TarmacStore
 *
 * Returns: %TRUE when anything was ever imported or generated into this database
 */
gboolean
tarmac_store_has_imported_data (TarmacStore *self)
{
  guint count = 0;

  g_return_val_if_fail (TARMAC_IS_STORE (self), FALSE);

  if (!count_with_day (self,
                       "SELECT EXISTS (SELECT 1 FROM source_file)"
                       " OR EXISTS (SELECT 1 FROM flight)",
                       NULL, NULL, &count, NULL))
    return FALSE;

  return count > 0;
}

/**
 * tarmac_store_get_flight_days_range:
 * @self: a #TarmacStore
 * @last_day: (out) (optional) (transfer full): the last day with flights
 *
 * Returns: (transfer full) (nullable): the first day with flights, or %NULL when there
 *   are none
 */
char *
tarmac_store_get_flight_days_range (TarmacStore  *self,
                                    char        **last_day)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (TARMAC_IS_STORE (self), NULL);

  if (last_day != NULL)
    *last_day = NULL;

  stmt = _tarmac_store_prepare (self,
                                "SELECT min (flight_date), max (flight_date) FROM flight", NULL);
  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW ||
      sqlite3_column_type (stmt, 0) == SQLITE_NULL)
    return NULL;

  if (last_day != NULL)
    *last_day = g_strdup (_tarmac_store_column_text (stmt, 1));

  return g_strdup (_tarmac_store_column_text (stmt, 0));
}

static TarmacDirection
direction_from_text (const char *text)
{
  if (g_strcmp0 (text, "outbound") == 0)
    return TARMAC_DIRECTION_OUTBOUND;
  if (g_strcmp0 (text, "transit") == 0)
    return TARMAC_DIRECTION_TRANSIT;
  return TARMAC_DIRECTION_INBOUND;
}

#define FLIGHT_COLUMNS \
  "SELECT f.id, f.carrier, f.number, f.flight_date, f.origin, f.destination," \
  " f.scheduled_departure, f.scheduled_arrival, f.direction," \
  " (SELECT count(*) FROM traveller t WHERE t.flight_id = f.id AND t.kind = 'passenger')," \
  " (SELECT count(*) FROM traveller t WHERE t.flight_id = f.id AND t.kind = 'crew')," \
  " (SELECT count(*) FROM hit h JOIN traveller t ON t.id = h.traveller_id" \
  "   WHERE t.flight_id = f.id AND h.status IN " OPEN_HIT_STATUSES ")," \
  " s.parts_seen, s.last_part" \
  " FROM flight f LEFT JOIN message_set s ON s.id =" \
  "   (SELECT min (id) FROM message_set WHERE flight_id = f.id AND complete = 0)"

static TarmacFlight *
flight_from_row (sqlite3_stmt *stmt)
{
  return g_object_new (TARMAC_TYPE_FLIGHT,
                       "id", sqlite3_column_int64 (stmt, 0),
                       "carrier", _tarmac_store_column_text (stmt, 1),
                       "number", _tarmac_store_column_text (stmt, 2),
                       "flight-date", _tarmac_store_column_text (stmt, 3),
                       "origin", _tarmac_store_column_text (stmt, 4),
                       "destination", _tarmac_store_column_text (stmt, 5),
                       "scheduled-departure", _tarmac_store_column_text (stmt, 6),
                       "scheduled-arrival", _tarmac_store_column_text (stmt, 7),
                       "direction", direction_from_text (_tarmac_store_column_text (stmt, 8)),
                       "passenger-count", (guint) sqlite3_column_int (stmt, 9),
                       "crew-count", (guint) sqlite3_column_int (stmt, 10),
                       "open-hit-count", (guint) sqlite3_column_int (stmt, 11),
                       "manifest-parts", _tarmac_store_column_text (stmt, 12),
                       "manifest-last-part", (guint) sqlite3_column_int (stmt, 13),
                       NULL);
}

/**
 * tarmac_store_get_flight:
 * @self: a #TarmacStore
 * @flight_id: the flight
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the flight, or %NULL with
 *   %TARMAC_STORE_ERROR_NOT_FOUND when there is no such flight
 */
TarmacFlight *
tarmac_store_get_flight (TarmacStore  *self,
                         gint64        flight_id,
                         GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (TARMAC_IS_STORE (self), NULL);

  if (!(stmt = _tarmac_store_prepare (self, FLIGHT_COLUMNS " WHERE f.id = ?1", error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, flight_id);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return flight_from_row (stmt);

  if (rc == SQLITE_DONE)
    g_set_error (error, TARMAC_STORE_ERROR, TARMAC_STORE_ERROR_NOT_FOUND,
                 _("There is no flight %lld in this database"), (long long) flight_id);
  else
    _tarmac_store_set_error (self, rc, error);

  return NULL;
}

/**
 * tarmac_store_list_flights:
 * @self: a #TarmacStore
 * @from_day: the first local date, "YYYY-MM-DD"
 * @to_day: the last local date, included
 * @error: return location for a #GError
 *
 * Lists the flights of the days, in the order they use this airport: arrivals by
 * arrival time, departures by departure time.
 *
 * Returns: (transfer full): a #GListModel of #TarmacFlight
 */
GListModel *
tarmac_store_list_flights (TarmacStore  *self,
                           const char   *from_day,
                           const char   *to_day,
                           GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GListStore) flights = NULL;
  GDate from_date, to_date;
  int rc;

  g_return_val_if_fail (TARMAC_IS_STORE (self), NULL);

  if (!parse_day (from_day, &from_date, error) || !parse_day (to_day, &to_date, error))
    return NULL;

  stmt = _tarmac_store_prepare (self,
                                FLIGHT_COLUMNS
                                " WHERE f.flight_date BETWEEN ?1 AND ?2"
                                " ORDER BY f.flight_date,"
                                " CASE f.direction WHEN 'inbound' THEN f.scheduled_arrival"
                                " ELSE f.scheduled_departure END, f.carrier, f.number",
                                error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, from_day, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, to_day, -1, SQLITE_STATIC);

  flights = g_list_store_new (TARMAC_TYPE_FLIGHT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(TarmacFlight) flight = flight_from_row (stmt);
      g_list_store_append (flights, flight);
    }

  if (rc != SQLITE_DONE)
    {
      _tarmac_store_set_error (self, rc, error);
      return NULL;
    }

  return G_LIST_MODEL (g_steal_pointer (&flights));
}

TarmacTraveller *
_tarmac_store_traveller_from_row (sqlite3_stmt *stmt)
{
  const char *kind = _tarmac_store_column_text (stmt, 2);

  return g_object_new (TARMAC_TYPE_TRAVELLER,
                       "id", sqlite3_column_int64 (stmt, 0),
                       "flight-id", sqlite3_column_int64 (stmt, 1),
                       "kind", g_strcmp0 (kind, "crew") == 0 ? TARMAC_TRAVELLER_CREW
                                                            : TARMAC_TRAVELLER_PASSENGER,
                       "surname", _tarmac_store_column_text (stmt, 3),
                       "given-names", _tarmac_store_column_text (stmt, 4),
                       "sex", _tarmac_store_column_text (stmt, 5),
                       "date-of-birth", _tarmac_store_column_text (stmt, 6),
                       "nationality", _tarmac_store_column_text (stmt, 7),
                       "seat", _tarmac_store_column_text (stmt, 8),
                       "document-type", _tarmac_store_column_text (stmt, 9),
                       "document-number", _tarmac_store_column_text (stmt, 10),
                       "flight-label", _tarmac_store_column_text (stmt, 11),
                       NULL);
}

/**
 * tarmac_store_list_flight_travellers:
 * @self: a #TarmacStore
 * @flight_id: the flight
 * @error: return location for a #GError
 *
 * Lists the passengers and crew of a flight, and records the view in the audit log.
 *
 * Returns: (transfer full): a #GListModel of #TarmacTraveller
 */
GListModel *
tarmac_store_list_flight_travellers (TarmacStore  *self,
                                     gint64        flight_id,
                                     GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GListStore) travellers = NULL;
  g_autofree char *object_id = NULL;
  int rc;

  g_return_val_if_fail (TARMAC_IS_STORE (self), NULL);

  object_id = g_strdup_printf ("%" G_GINT64_FORMAT, flight_id);
  if (!tarmac_audit_append (self, "view", "flight", object_id, "travellers and crew", error))
    return NULL;

  stmt = _tarmac_store_prepare (self,
                                _TARMAC_TRAVELLER_COLUMNS
                                " WHERE t.flight_id = ?1"
                                " ORDER BY t.kind DESC, t.name_key, t.id",
                                error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, flight_id);

  travellers = g_list_store_new (TARMAC_TYPE_TRAVELLER);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(TarmacTraveller) traveller = _tarmac_store_traveller_from_row (stmt);
      g_list_store_append (travellers, traveller);
    }

  if (rc != SQLITE_DONE)
    {
      _tarmac_store_set_error (self, rc, error);
      return NULL;
    }

  return G_LIST_MODEL (g_steal_pointer (&travellers));
}

/**
 * tarmac_store_search_travellers:
 * @self: a #TarmacStore
 * @query: what the officer typed (see tarmac_store_search())
 * @limit: the most results to return
 * @error: return location for a #GError
 *
 * tarmac_store_search() without the reasons: the travellers found, best first. Records
 * the search in the audit log.
 *
 * Returns: (transfer full): a #GListModel of #TarmacTraveller
 */
GListModel *
tarmac_store_search_travellers (TarmacStore  *self,
                                const char   *query,
                                guint         limit,
                                GError      **error)
{
  g_autoptr(GListModel) results = NULL;
  g_autoptr(GListStore) travellers = NULL;

  g_return_val_if_fail (TARMAC_IS_STORE (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  if (!(results = tarmac_store_search (self, query, limit, NULL, error)))
    return NULL;

  travellers = g_list_store_new (TARMAC_TYPE_TRAVELLER);
  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr(TarmacSearchResult) result = g_list_model_get_item (results, i);
      g_list_store_append (travellers, tarmac_search_result_get_traveller (result));
    }

  return G_LIST_MODEL (g_steal_pointer (&travellers));
}

static TarmacNotePriority
priority_from_text (const char *text)
{
  if (g_strcmp0 (text, "urgent") == 0)
    return TARMAC_NOTE_PRIORITY_URGENT;
  if (g_strcmp0 (text, "priority") == 0)
    return TARMAC_NOTE_PRIORITY_PRIORITY;
  return TARMAC_NOTE_PRIORITY_ROUTINE;
}

/* A note from a row of _TARMAC_NOTE_COLUMNS. */
TarmacNote *
_tarmac_store_note_from_row (sqlite3_stmt *stmt)
{
  return g_object_new (TARMAC_TYPE_NOTE,
                       "id", sqlite3_column_int64 (stmt, 0),
                       "uuid", _tarmac_store_column_text (stmt, 1),
                       "author", _tarmac_store_column_text (stmt, 2),
                       "origin-site", _tarmac_store_column_text (stmt, 3),
                       "priority", priority_from_text (_tarmac_store_column_text (stmt, 4)),
                       "subject-type", _tarmac_store_column_text (stmt, 5),
                       "subject-ref", _tarmac_store_column_text (stmt, 6),
                       "body", _tarmac_store_column_text (stmt, 7),
                       "created-at", _tarmac_store_column_text (stmt, 8),
                       "kind", _tarmac_store_column_text (stmt, 9),
                       "recipients", _tarmac_store_column_text (stmt, 10),
                       "delivery", _tarmac_store_column_text (stmt, 11),
                       "reply-to", _tarmac_store_column_text (stmt, 12),
                       "thread-root", _tarmac_store_column_text (stmt, 13),
                       "read-at", _tarmac_store_column_text (stmt, 14),
                       "unread", sqlite3_column_int (stmt, 15) != 0,
                       NULL);
}

/**
 * tarmac_store_list_recent_notes:
 * @self: a #TarmacStore
 * @limit: the most notes to return
 * @error: return location for a #GError
 *
 * Lists the newest notes first. Notes may name travellers, so reading them is audited;
 * call it when the officer opens a page, not on a timer.
 *
 * Returns: (transfer full): a #GListModel of #TarmacNote
 */
GListModel *
tarmac_store_list_recent_notes (TarmacStore  *self,
                                guint         limit,
                                GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GListStore) notes = NULL;
  int rc;

  g_return_val_if_fail (TARMAC_IS_STORE (self), NULL);

  notes = g_list_store_new (TARMAC_TYPE_NOTE);

  stmt = _tarmac_store_prepare (self,
                                _TARMAC_NOTE_COLUMNS " ORDER BY created_at DESC, id DESC LIMIT ?1",
                                error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, limit);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(TarmacNote) note = _tarmac_store_note_from_row (stmt);

      g_list_store_append (notes, note);
    }

  if (rc != SQLITE_DONE)
    {
      _tarmac_store_set_error (self, rc, error);
      return NULL;
    }

  if (g_list_model_get_n_items (G_LIST_MODEL (notes)) > 0 &&
      !tarmac_audit_append (self, "view", "note", NULL, "recent notes", error))
    return NULL;

  return G_LIST_MODEL (g_steal_pointer (&notes));
}
