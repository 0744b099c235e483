/* tarmac-importer.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-importer"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "tarmac-audit.h"
#include "tarmac-importer.h"
#include "tarmac-importer-private.h"
#include "tarmac-name-key.h"
#include "tarmac-paxlst.h"
#include "tarmac-pnrgov-xml.h"
#include "tarmac-pnrgov.h"
#include "tarmac-sniff.h"
#include "tarmac-store-private.h"

/* One file in, one transaction (DESIGN.md §4–§5): sniff by content, parse in memory, then
 * write source_file, message, flight, flight_leg, traveller (each naming its message),
 * travel_document and traveller_source rows (a PNR naming a traveller already there) plus
 * one audit row, all or nothing. The same bytes twice (same sha256) is a no-op reported as
 * a duplicate.
 *
 * Multi-part PAXLST sets: each part is its own message row and its travellers join the
 * same flight row (upsert on carrier, number, flight_date, origin); the set itself, and
 * whether it is complete, is tracked in tarmac-importer-parts.c. CNT is never summed
 * across parts. */


G_DEFINE_QUARK (tarmac-import-error-quark, tarmac_import_error)

static void
import_warning_free (TarmacImportWarning *warning)
{
  g_free (warning->code);
  g_free (warning->message);
  g_free (warning);
}

void
tarmac_import_report_free (TarmacImportReport *report)
{
  if (report == NULL)
    return;

  g_free (report->name);
  g_free (report->sha256);
  g_clear_pointer (&report->warnings, g_ptr_array_unref);
  g_free (report->error_message);
  g_free (report);
}

const char *
tarmac_import_result_to_id (TarmacImportResult result)
{
  switch (result)
    {
    case TARMAC_IMPORT_RESULT_IMPORTED:
      return "imported";
    case TARMAC_IMPORT_RESULT_DUPLICATE:
      return "duplicate";
    case TARMAC_IMPORT_RESULT_FAILED:
    default:
      return "failed";
    }
}

static const char *
warning_code_to_id (TarmacPaxlstWarningCode code)
{
  switch (code)
    {
    case TARMAC_PAXLST_WARNING_SYNTAX:
      return "syntax";
    case TARMAC_PAXLST_WARNING_UNKNOWN_SEGMENT:
      return "unknown-segment";
    case TARMAC_PAXLST_WARNING_UNKNOWN_QUALIFIER:
      return "unknown-qualifier";
    case TARMAC_PAXLST_WARNING_OUT_OF_PLACE:
      return "out-of-place";
    case TARMAC_PAXLST_WARNING_BAD_DATE:
      return "bad-date";
    case TARMAC_PAXLST_WARNING_BAD_NUMBER:
      return "bad-number";
    case TARMAC_PAXLST_WARNING_MISSING_NAME:
      return "missing-name";
    case TARMAC_PAXLST_WARNING_OTHER_MESSAGE:
      return "other-message";
    case TARMAC_PAXLST_WARNING_TRUNCATED:
      return "truncated";
    default:
      return "other";
    }
}

void
_tarmac_import_add_warning (TarmacImportReport *report,
             const char         *code,
             const char         *message,
             gsize               offset,
             guint               line,
             guint               segment_index)
{
  TarmacImportWarning *warning = g_new0 (TarmacImportWarning, 1);

  warning->code = g_strdup (code);
  warning->message = g_strdup (message);
  warning->offset = offset;
  warning->line = line;
  warning->segment_index = segment_index;
  g_ptr_array_add (report->warnings, warning);
}

static JsonNode *
warnings_to_json (GPtrArray *warnings)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  for (guint i = 0; i < warnings->len; i++)
    {
      const TarmacImportWarning *warning = g_ptr_array_index (warnings, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "code");
      json_builder_add_string_value (builder, warning->code);
      json_builder_set_member_name (builder, "message");
      json_builder_add_string_value (builder, warning->message);
      json_builder_set_member_name (builder, "offset");
      json_builder_add_int_value (builder, (gint64) warning->offset);
      json_builder_set_member_name (builder, "line");
      json_builder_add_int_value (builder, warning->line);
      json_builder_set_member_name (builder, "segment");
      json_builder_add_int_value (builder, warning->segment_index);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  return json_builder_get_root (builder);
}

/**
 * tarmac_import_report_to_json:
 * @report: a report
 *
 * The report as one JSON object: name, sha256, format, result, source_file_id, counts
 * (messages, flights, travellers, crew, documents, pnrs, findings, hits), warnings (code, message, offset, line,
 * segment) and error (when failed).
 *
 * Returns: (transfer full): a JSON object node
 */
JsonNode *
tarmac_import_report_to_json (const TarmacImportReport *report)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (report != NULL, NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, report->name);
  json_builder_set_member_name (builder, "sha256");
  json_builder_add_string_value (builder, report->sha256);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, report->format);
  json_builder_set_member_name (builder, "result");
  json_builder_add_string_value (builder, tarmac_import_result_to_id (report->result));
  json_builder_set_member_name (builder, "source_file_id");
  json_builder_add_int_value (builder, report->source_file_id);
  json_builder_set_member_name (builder, "messages");
  json_builder_add_int_value (builder, report->n_messages);
  json_builder_set_member_name (builder, "flights");
  json_builder_add_int_value (builder, report->n_flights);
  json_builder_set_member_name (builder, "travellers");
  json_builder_add_int_value (builder, report->n_travellers);
  json_builder_set_member_name (builder, "crew");
  json_builder_add_int_value (builder, report->n_crew);
  json_builder_set_member_name (builder, "documents");
  json_builder_add_int_value (builder, report->n_documents);
  json_builder_set_member_name (builder, "pnrs");
  json_builder_add_int_value (builder, report->n_pnrs);
  json_builder_set_member_name (builder, "findings");
  json_builder_add_int_value (builder, report->n_findings);
  json_builder_set_member_name (builder, "hits");
  json_builder_add_int_value (builder, report->n_hits);
  json_builder_set_member_name (builder, "warnings");
  json_builder_add_value (builder, warnings_to_json (report->warnings));
  if (report->error_message != NULL)
    {
      json_builder_set_member_name (builder, "error");
      json_builder_add_string_value (builder, report->error_message);
    }
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

void
_tarmac_import_bind_text (sqlite3_stmt *stmt,
                   int           column,
                   const char   *value)
{
  if (value != NULL && *value != '\0')
    sqlite3_bind_text (stmt, column, value, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, column);
}

/* As _tarmac_import_bind_text(), without a copy: for the per-traveller statements,
 * whose values all outlive the step. A copy per value is a malloc and a free, twenty per
 * traveller. _tarmac_import_step() clears its statement right after the step; the
 * multi-row statements keep the pointers until their next use, which binds every
 * parameter again first (SQLite reads a bound value only when it steps). */
void
_tarmac_import_bind_static (sqlite3_stmt *stmt,
                            int           column,
                            const char   *value)
{
  if (value != NULL && *value != '\0')
    sqlite3_bind_text (stmt, column, value, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, column);
}

/* At most @max characters: the bound the database relies on importers to keep (migration
 * 25 took the length CHECKs out), a long value cut rather than failing the file. */
char *
_tarmac_import_cap_utf8 (const char *value,
          glong       max)
{
  if (value == NULL)
    return NULL;
  if (g_utf8_strlen (value, -1) <= max)
    return g_strdup (value);
  return g_utf8_substring (value, 0, max);
}

const char *
_tarmac_import_map_sex (const char *sex)
{
  if (sex == NULL || *sex == '\0')
    return NULL;

  switch (g_ascii_toupper (sex[0]))
    {
    case 'M':
      return "M";
    case 'F':
      return "F";
    case 'X':
      return "X";
    default:
      return "U";
    }
}

/* Three ASCII letters, uppercased; anything else (a two-letter code, junk) is NULL. */
char *
_tarmac_import_map_country (const char *code)
{
  if (code == NULL || strlen (code) != 3)
    return NULL;
  for (guint i = 0; i < 3; i++)
    if (!g_ascii_isalpha (code[i]))
      return NULL;
  return g_ascii_strup (code, -1);
}

gboolean
_tarmac_import_is_airport (const char *code)
{
  return code != NULL && strlen (code) == 3;
}

/* Direction seen from the store's meta "airport-code": inbound when the flight's
 * destination is ours, outbound when its origin is ours, transit otherwise (a leg through
 * us, or a flight we only received data for). Without an airport code every flight is
 * taken as inbound, the usual case for API data pushed to a border authority. */
const char *
_tarmac_import_direction (const char *airport,
                   const char *origin,
                   const char *destination)
{
  if (airport == NULL || *airport == '\0')
    return "inbound";
  if (g_ascii_strcasecmp (airport, destination) == 0)
    return "inbound";
  if (g_ascii_strcasecmp (airport, origin) == 0)
    return "outbound";
  return "transit";
}

void
_tarmac_import_set_position_error (GError     **error,
                    const char  *name,
                    guint        line,
                    gsize        offset,
                    const char  *message)
{
  /* Translators: "manifest.edi, line 12 (byte 345): the reason" */
  g_set_error (error, TARMAC_IMPORT_ERROR, TARMAC_IMPORT_ERROR_INVALID,
               _("%s, line %u (byte %zu): %s"), name, line, (size_t) offset, message);
}

gboolean
_tarmac_import_step (Import        *import,
      sqlite3_stmt  *stmt,
      guint          line,
      gsize          offset,
      GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  gboolean ok = _tarmac_store_step_done (import->store, stmt, &local_error);

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (!ok)
    _tarmac_import_set_position_error (error, import->report->name, line, offset,
                                       local_error->message);
  return ok;
}

/* How many of @n rows waiting to be written go in the next statement: the largest power
 * of two up to the largest statement. A statement is compiled once for each number of
 * rows it writes (a hundred rows compile in half a millisecond and keep a few hundred
 * kilobytes), so eight sizes serve every remainder instead of one each. */
guint
_tarmac_import_rows_per_statement (guint n)
{
  guint rows = ROWS_PER_STATEMENT;

  while (rows > n)
    rows >>= 1;
  return MAX (rows, 1);
}

/* Whether @rc refused one row of a statement of many and left sqlite3_changes() saying
 * how many were written before it: FAIL keeps them and counts them, ABORT (a trigger's
 * RAISE, a foreign key checked at once) undoes them all and counts none. A STRICT type
 * error is neither: it keeps the rows and counts none (SQLite 3.40), so it stops the
 * file as any other error does. */
static gboolean
is_refused_row (int rc)
{
  switch (rc)
    {
    case SQLITE_CONSTRAINT_CHECK:
    case SQLITE_CONSTRAINT_NOTNULL:
    case SQLITE_CONSTRAINT_PRIMARYKEY:
    case SQLITE_CONSTRAINT_UNIQUE:
    case SQLITE_CONSTRAINT_FOREIGNKEY:
    case SQLITE_CONSTRAINT_TRIGGER:
      return TRUE;
    default:
      return FALSE;
    }
}

/* Steps @stmt, which writes @n rows (INSERT OR FAIL) with every parameter bound, and
 * resets it; @written says how many it wrote. A refused row (a constraint) still gives
 * %TRUE, with @written the rows before it, which FAIL keeps (0 when the statement was
 * undone as a whole, as a RAISE (ABORT) or a foreign key checked at once do): the caller
 * writes the rest one by one, so the failing row says where it is. Any other error — a
 * full disk, I/O, an interruption — may have rolled the whole transaction back, after
 * which rows written again would each be committed alone: %FALSE with @error set, at
 * @line and @offset (the first row's). */
gboolean
_tarmac_import_step_rows (Import        *import,
                          sqlite3_stmt  *stmt,
                          guint          n,
                          guint          line,
                          gsize          offset,
                          guint         *written,
                          GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  sqlite3 *db = _tarmac_store_get_db (import->store);
  int rc = sqlite3_step (stmt);

  *written = n;
  if (rc != SQLITE_DONE)
    {
      if (is_refused_row (rc) && !sqlite3_get_autocommit (db))
        *written = MIN ((guint) sqlite3_changes (db), n);
      else
        _tarmac_store_set_error (import->store, rc, &local_error);
    }
  /* Not cleared: the caller binds every parameter before each step, and clearing a
   * statement of a hundred rows was half the cost of binding it again. */
  sqlite3_reset (stmt);

  if (local_error == NULL)
    return TRUE;
  _tarmac_import_set_position_error (error, import->report->name, line, offset,
                                     local_error->message);
  return FALSE;
}

gint64
_tarmac_import_insert_source_file (Import              *import,
                    gsize                length,
                    GError             **error)
{
  g_autoptr(TarmacCachedStmt) stmt = NULL;
  g_autoptr(JsonNode) json = warnings_to_json (import->report->warnings);
  g_autofree char *report_json = json_to_string (json, FALSE);
  gint64 id;

  stmt = _tarmac_store_prepare_cached (import->store,
                                       "INSERT INTO source_file (sha256, name, format, size,"
                                       " imported_at, imported_by, result, warnings, report)"
                                       " VALUES (?1, ?2, ?3, ?4, ?5,"
                                       " (SELECT id FROM officer WHERE login = ?6), ?7, ?8, ?9)",
                                       error);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_text (stmt, 1, import->report->sha256, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, import->report->name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, import->report->format, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, (sqlite3_int64) length);
  sqlite3_bind_text (stmt, 5, import->now, -1, SQLITE_TRANSIENT);
  _tarmac_import_bind_text (stmt, 6, tarmac_store_get_actor (import->store));
  sqlite3_bind_text (stmt, 7, "imported", -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 8, import->report->warnings->len);
  sqlite3_bind_text (stmt, 9, report_json, -1, SQLITE_TRANSIENT);

  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      _tarmac_store_set_error (import->store,
                               sqlite3_errcode (_tarmac_store_get_db (import->store)), error);
      return 0;
    }
  id = sqlite3_last_insert_rowid (_tarmac_store_get_db (import->store));
  return id;
}

/**
 * _tarmac_import_store_report:
 *
 * Rewrites the source_file row's warning count and report with every warning of the
 * import, those found while writing (a skipped traveller, a missing part, a count that
 * does not match) as well as the parser's, so a report reopened later is the whole one.
 * Called last inside the transaction.
 */
gboolean
_tarmac_import_store_report (Import   *import,
                             gint64    source_file_id,
                             GError  **error)
{
  g_autoptr(TarmacCachedStmt) stmt = NULL;
  g_autoptr(JsonNode) json = warnings_to_json (import->report->warnings);
  g_autofree char *report_json = json_to_string (json, FALSE);

  stmt = _tarmac_store_prepare_cached (import->store,
                                       "UPDATE source_file SET warnings = ?2, report = ?3"
                                       " WHERE id = ?1",
                                       error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, source_file_id);
  sqlite3_bind_int64 (stmt, 2, import->report->warnings->len);
  sqlite3_bind_text (stmt, 3, report_json, -1, SQLITE_TRANSIENT);
  return _tarmac_store_step_done (import->store, stmt, error);
}

/**
 * _tarmac_import_insert_message:
 *
 * One row of the message table, for any EDIFACT message type: the envelope fields every
 * parser reports the same way. @part_number 0 means the message is not a part of a set;
 * @pushed_at is PNRGOV's DAT+700, %NULL otherwise.
 *
 * Returns: the row id, or 0 with @error set
 */
gint64
_tarmac_import_insert_message (Import       *import,
                               gint64        source_file_id,
                               const char   *type,
                               const char   *version,
                               const char   *sender,
                               const char   *recipient,
                               const char   *reference,
                               guint         part_number,
                               gboolean      is_last_part,
                               const char   *pushed_at,
                               gsize         offset,
                               guint         line,
                               GError      **error)
{
  g_autoptr(TarmacCachedStmt) stmt = NULL;

  stmt = _tarmac_store_prepare_cached (import->store,
                                       "INSERT INTO message (source_file_id, type, version, sender,"
                                       " recipient, reference, part_number, last_part, pushed_at,"
                                       " byte_offset)"
                                       " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                                       error);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_int64 (stmt, 1, source_file_id);
  sqlite3_bind_text (stmt, 2, type, -1, SQLITE_STATIC);
  _tarmac_import_bind_text (stmt, 3, version);
  _tarmac_import_bind_text (stmt, 4, sender);
  _tarmac_import_bind_text (stmt, 5, recipient);
  _tarmac_import_bind_text (stmt, 6, reference);
  if (part_number >= 1)
    {
      sqlite3_bind_int (stmt, 7, (int) part_number);
      sqlite3_bind_int (stmt, 8, is_last_part ? 1 : 0);
    }
  _tarmac_import_bind_text (stmt, 9, pushed_at);
  sqlite3_bind_int64 (stmt, 10, (sqlite3_int64) offset);

  if (!_tarmac_import_step (import, stmt, line, offset, error))
    return 0;

  return sqlite3_last_insert_rowid (_tarmac_store_get_db (import->store));
}

/* The legs @message's flight runs between: the one departing from the place of departure
 * (LOC+125) and the one arriving at the place of arrival (LOC+87), or else its first and
 * its last leg; %NULL when it has none. */
static void
flight_legs (const TarmacPaxlstMessage  *message,
             const TarmacPaxlstLeg     **from,
             const TarmacPaxlstLeg     **to)
{
  *from = NULL;
  *to = NULL;
  for (guint i = 0; i < message->legs->len; i++)
    {
      const TarmacPaxlstLeg *leg = g_ptr_array_index (message->legs, i);

      if (*from == NULL && g_strcmp0 (leg->departure_qualifier, "125") == 0)
        *from = leg;
      if (*to == NULL && g_strcmp0 (leg->arrival_qualifier, "87") == 0)
        *to = leg;
    }
  if (message->legs->len > 0)
    {
      if (*from == NULL)
        *from = g_ptr_array_index (message->legs, 0);
      if (*to == NULL)
        *to = g_ptr_array_index (message->legs, message->legs->len - 1);
    }
}

/**
 * _tarmac_import_flight_date:
 * @message: a manifest message
 * @date: (out caller-allocates): "YYYY-MM-DD", or "" when @message gives none
 *
 * The date of @message's flight: the day it departs, else the day it arrives. It is the
 * flight row's date, and what the document checks compare with.
 */
void
_tarmac_import_flight_date (const TarmacPaxlstMessage *message,
                            char                       date[11])
{
  const TarmacPaxlstLeg *from;
  const TarmacPaxlstLeg *to;

  flight_legs (message, &from, &to);
  *date = '\0';
  if (from != NULL && from->departure_time != NULL && strlen (from->departure_time) >= 10)
    g_strlcpy (date, from->departure_time, 11);
  else if (to != NULL && to->arrival_time != NULL && strlen (to->arrival_time) >= 10)
    g_strlcpy (date, to->arrival_time, 11);
}

/**
 * _tarmac_import_flight_id:
 * @import: the import, inside its transaction
 * @carrier: the flight's carrier, as just written
 * @number: its number
 * @date: its date
 * @origin: its origin
 * @id: (out): the flight row's id
 *
 * Reads back, by its unique key, the flight row an upsert has just inserted or updated,
 * which the upsert itself does not say. RETURNING would, but SQLite builds and drops a
 * temporary table for it at every execution.
 *
 * Returns: %FALSE when the row could not be read (the connection holds the error)
 */
gboolean
_tarmac_import_flight_id (Import      *import,
                          const char  *carrier,
                          const char  *number,
                          const char  *date,
                          const char  *origin,
                          gint64      *id)
{
  g_autoptr(TarmacCachedStmt) stmt = NULL;

  stmt = _tarmac_store_prepare_cached (import->store,
                                       "SELECT id FROM flight WHERE carrier = ?1 AND number = ?2"
                                       " AND flight_date = ?3 AND origin = ?4",
                                       NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, carrier, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, number, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, date, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, origin, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return FALSE;
  *id = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

/* The flight of one message: origin from the leg leaving the border (LOC+125), else the
 * first leg; destination from the leg arriving (LOC+87), else the last leg. */
static gint64
upsert_flight (Import                     *import,
               const TarmacPaxlstMessage  *message,
               GError                    **error)
{
  g_autoptr(TarmacCachedStmt) stmt = NULL;
  const TarmacPaxlstLeg *from;
  const TarmacPaxlstLeg *to;
  char flight_date[11];
  g_autofree char *origin = NULL;
  g_autofree char *destination = NULL;
  gint64 flight_id;
  guint seq = 0;

  flight_legs (message, &from, &to);
  if (from == NULL || message->carrier == NULL || message->flight_number == NULL ||
      strlen (message->carrier) < 2 || strlen (message->carrier) > 3 ||
      strlen (message->flight_number) < 1 || strlen (message->flight_number) > 5)
    {
      _tarmac_import_set_position_error (error, import->report->name, message->line,
                                         message->offset,
                                         _("the message names no flight (TDT with carrier "
                                           "and number)"));
      return 0;
    }
  if (!_tarmac_import_is_airport (from->departure_airport) ||
      !_tarmac_import_is_airport (to->arrival_airport))
    {
      _tarmac_import_set_position_error (error, import->report->name, from->line, from->offset,
                          _("the flight has no departure or arrival airport (LOC+125, LOC+87)"));
      return 0;
    }

  _tarmac_import_flight_date (message, flight_date);
  if (*flight_date == '\0')
    {
      _tarmac_import_set_position_error (error, import->report->name, from->line, from->offset,
                          _("the flight has no readable departure or arrival date"));
      return 0;
    }

  origin = g_ascii_strup (from->departure_airport, -1);
  destination = g_ascii_strup (to->arrival_airport, -1);

  stmt = _tarmac_store_prepare_cached (import->store,
                                       "INSERT INTO flight (carrier, number, flight_date, origin,"
                                       " destination, scheduled_departure, scheduled_arrival,"
                                       " direction, created_at)"
                                       " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"
                                       " ON CONFLICT (carrier, number, flight_date, origin) DO UPDATE"
                                       " SET scheduled_departure = coalesce (scheduled_departure,"
                                       "       excluded.scheduled_departure),"
                                       "     scheduled_arrival = coalesce (scheduled_arrival,"
                                       "       excluded.scheduled_arrival)",
                                       error);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_text (stmt, 1, message->carrier, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, message->flight_number, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, flight_date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, origin, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, destination, -1, SQLITE_TRANSIENT);
  /* A date alone (a spreadsheet's flight date) is no scheduled time. */
  _tarmac_import_bind_text (stmt, 6, from->departure_time != NULL &&
                            strlen (from->departure_time) > 10 ? from->departure_time : NULL);
  _tarmac_import_bind_text (stmt, 7, to->arrival_time != NULL &&
                            strlen (to->arrival_time) > 10 ? to->arrival_time : NULL);
  sqlite3_bind_text (stmt, 8, _tarmac_import_direction (import->airport, origin, destination), -1,
                     SQLITE_STATIC);
  sqlite3_bind_text (stmt, 9, import->now, -1, SQLITE_TRANSIENT);

  if (sqlite3_step (stmt) != SQLITE_DONE ||
      !_tarmac_import_flight_id (import, message->carrier, message->flight_number, flight_date,
                                 origin, &flight_id))
    {
      g_autoptr(GError) local_error = NULL;

      _tarmac_store_set_error (import->store,
                               sqlite3_errcode (_tarmac_store_get_db (import->store)),
                               &local_error);
      _tarmac_import_set_position_error (error, import->report->name, from->line, from->offset,
                          local_error->message);
      return 0;
    }
  g_clear_pointer (&stmt, _tarmac_store_release_cached);
  g_strlcpy (import->flight_date, flight_date, sizeof import->flight_date);

  if (!g_hash_table_contains (import->flight_ids, &flight_id))
    g_hash_table_add (import->flight_ids, g_memdup2 (&flight_id, sizeof flight_id));

  /* Later parts repeat the legs: the first part's legs stay. */
  stmt = _tarmac_store_prepare_cached (import->store,
                                       "INSERT INTO flight_leg (flight_id, seq, origin, destination,"
                                       " scheduled_departure, scheduled_arrival, operating_carrier,"
                                       " operating_number)"
                                       " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
                                       " ON CONFLICT (flight_id, seq) DO NOTHING",
                                       error);
  if (stmt == NULL)
    return 0;

  for (guint i = 0; i < message->legs->len; i++)
    {
      const TarmacPaxlstLeg *leg = g_ptr_array_index (message->legs, i);
      g_autofree char *leg_origin = NULL;
      g_autofree char *leg_destination = NULL;

      if (!_tarmac_import_is_airport (leg->departure_airport) ||
          !_tarmac_import_is_airport (leg->arrival_airport))
        continue;

      leg_origin = g_ascii_strup (leg->departure_airport, -1);
      leg_destination = g_ascii_strup (leg->arrival_airport, -1);
      sqlite3_bind_int64 (stmt, 1, flight_id);
      sqlite3_bind_int (stmt, 2, (int) ++seq);
      sqlite3_bind_text (stmt, 3, leg_origin, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 4, leg_destination, -1, SQLITE_TRANSIENT);
      _tarmac_import_bind_text (stmt, 5, leg->departure_time);
      _tarmac_import_bind_text (stmt, 6, leg->arrival_time);
      _tarmac_import_bind_text (stmt, 7, leg->carrier);
      _tarmac_import_bind_text (stmt, 8, leg->flight_number);
      if (!_tarmac_import_step (import, stmt, leg->line, leg->offset, error))
        return 0;
    }

  return flight_id;
}

void
_tarmac_import_clear (Import *import)
{
  g_clear_pointer (&import->airport, g_free);
  g_clear_pointer (&import->now, g_free);
  g_clear_pointer (&import->retain_until, g_free);
  g_clear_pointer (&import->flight_ids, g_hash_table_unref);
  g_clear_pointer (&import->sets, g_hash_table_unref);
  g_clear_pointer (&import->insert_traveller, _tarmac_store_release_cached);
  g_clear_pointer (&import->documents, g_free);
  g_clear_pointer (&import->insert_document, _tarmac_store_release_cached);
  g_clear_pointer (&import->insert_source, _tarmac_store_release_cached);
  g_clear_pointer (&import->insert_finding, _tarmac_store_release_cached);
}

/* Everything inside the transaction. @type is the message table's type: "PAXLST", or
 * "CSV"/"XLSX" for a spreadsheet read into PAXLST messages (tarmac-importer-sheet.c). */
gboolean
_tarmac_import_write_paxlst (Import        *import,
                             GPtrArray     *messages,
                             const char    *type,
                             gsize          length,
                             GCancellable  *cancellable,
                             GError       **error)
{
  g_autofree char *object_id = NULL;
  g_autofree char *detail = NULL;
  gint64 source_file_id;

  if (!_tarmac_import_prepare_travellers (import, error))
    return FALSE;

  source_file_id = _tarmac_import_insert_source_file (import, length, error);
  if (source_file_id == 0)
    return FALSE;

  for (guint i = 0; i < messages->len; i++)
    {
      const TarmacPaxlstMessage *message = g_ptr_array_index (messages, i);
      g_autoptr(GError) local_error = NULL;
      PartSet *set;
      gboolean duplicate = FALSE;
      gint64 message_id;
      gint64 flight_id;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      message_id = _tarmac_import_insert_message (import, source_file_id, type,
                                                  message->version, message->sender,
                                                  message->recipient, message->reference,
                                                  message->part_number,
                                                  message->is_last_part, NULL,
                                                  message->offset, message->line, error);
      if (message_id == 0)
        return FALSE;
      import->report->n_messages++;

      set = _tarmac_import_join_set (import, message, message_id, &duplicate, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }

      /* A message with nobody on it (a bare crew-change notice) needs no flight; a part
       * sent again adds nobody twice. */
      if (message->travellers->len == 0 || duplicate)
        continue;

      if ((flight_id = upsert_flight (import, message, error)) == 0)
        return FALSE;
      if (set != NULL && !_tarmac_import_set_flight (import, set, flight_id, error))
        return FALSE;

      import->message_passengers = import->message_crew = 0;
      if (!_tarmac_import_write_travellers (import, flight_id, message_id, message, error))
        return FALSE;

      if (set == NULL)
        _tarmac_import_check_count (import, message);
    }

  if (!_tarmac_import_flush_documents (import, error) ||
      !_tarmac_import_finish_sets (import, error))
    return FALSE;

  import->report->n_flights = g_hash_table_size (import->flight_ids);
  import->report->source_file_id = source_file_id;
  if (!_tarmac_import_store_report (import, source_file_id, error))
    return FALSE;

  object_id = g_strdup_printf ("%lld", (long long) source_file_id);
  detail = g_strdup_printf ("%s: %u travellers", import->report->name,
                            import->report->n_travellers);
  return tarmac_audit_append (import->store, "import", "source_file", object_id, detail,
                              error);
}

static gint64
find_source_file (TarmacStore  *store,
                  const char   *sha256,
                  GError      **error)
{
  g_autoptr(TarmacCachedStmt) stmt = _tarmac_store_prepare_cached (store,
                                                               "SELECT id FROM source_file"
                                                               " WHERE sha256 = ?1", error);
  int rc;

  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, sha256, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);
  if (rc == SQLITE_DONE)
    return 0;
  _tarmac_store_set_error (store, rc, error);
  return -1;
}

/* A message still open when the input ends was cut off (a transfer that stopped, a disk
 * that filled): the tokenizer closes it there and warns, and the import refuses the file,
 * so half a manifest never lands (issue 3, item 10). A message closed by the next UNH,
 * UNE or UNZ only lacks its UNT, a sender's slip, and stays a warning; so do a missing
 * UNE or UNZ after a complete message. Blanks after the cut do not count. */
static gboolean
ends_inside_message (TarmacEdifactWarningCode  code,
                     gsize                     offset,
                     const guint8             *data,
                     gsize                     length)
{
  gsize end = length;

  if (code != TARMAC_EDIFACT_WARNING_MISSING_UNT)
    return FALSE;
  while (end > 0 && (g_ascii_isspace (data[end - 1]) || data[end - 1] == '\0'))
    end--;
  return offset >= end;
}

static void
set_cut_off_error (GError     **error,
                   const char  *name,
                   guint        line,
                   gsize        offset,
                   const char  *detail)
{
  g_autofree char *reason = NULL;

  /* Translators: %s is the tokenizer's warning, for example "Message “M1” has no UNT;
   * closed at byte 700" */
  reason = g_strdup_printf (_("the file ends inside a message (%s): it was cut off, so "
                              "nothing was imported"), detail);
  _tarmac_import_set_position_error (error, name, line, offset, reason);
}

/* The offset of the first byte no text file holds (a control character other than tab,
 * line and page breaks), within the sniffer's window; -1 when it reads as text. */
static gssize
find_binary_byte (const guint8 *data,
                  gsize         length)
{
  for (gsize i = 0; i < MIN (length, (gsize) 64 * 1024); i++)
    if ((data[i] < 0x20 && data[i] != '\t' && data[i] != '\n' && data[i] != '\r' &&
         data[i] != '\f' && data[i] != '\v') || data[i] == 0x7f)
      return (gssize) i;
  return -1;
}

static void
set_unsupported_error (GError           **error,
                       const char        *name,
                       TarmacFileFormat   format,
                       const guint8      *data,
                       gsize              length)
{
  const char *what;

  if (format == TARMAC_FILE_FORMAT_UNKNOWN)
    {
      gssize binary = find_binary_byte (data, length);

      if (binary >= 0)
        {
          g_set_error (error, TARMAC_IMPORT_ERROR, TARMAC_IMPORT_ERROR_UNSUPPORTED,
                       /* Translators: "photo.jpg holds binary data (byte 0x00 at byte 12)…" */
                       _("%s holds binary data (byte 0x%02X at byte %zu), not a PAXLST "
                         "manifest or a PNRGOV EDIFACT message"),
                       name, data[binary], (size_t) binary);
          return;
        }
    }

  switch (format)
    {
    case TARMAC_FILE_FORMAT_EDIFACT_OTHER:
      what = _("%s is an EDIFACT message other than PAXLST or PNRGOV; this version of "
               "Tarmac imports PAXLST manifests and PNRGOV messages (EDIFACT or XML)");
      break;
    case TARMAC_FILE_FORMAT_CARGO_IMP_FFM:
    case TARMAC_FILE_FORMAT_CARGO_IMP_FWB:
    case TARMAC_FILE_FORMAT_CARGO_IMP_FHL:
    case TARMAC_FILE_FORMAT_CARGO_XML:
      what = _("%s is a cargo message; this version of Tarmac imports PAXLST "
               "manifests and PNRGOV messages (EDIFACT or XML)");
      break;
    case TARMAC_FILE_FORMAT_UN_LIST_XML:
      what = _("%s is a sanctions list; this version of Tarmac imports PAXLST "
               "manifests and PNRGOV messages (EDIFACT or XML)");
      break;
    case TARMAC_FILE_FORMAT_XLSX:
    case TARMAC_FILE_FORMAT_CSV:
      what = _("%s is a spreadsheet; this version of Tarmac imports PAXLST "
               "manifests and PNRGOV messages (EDIFACT or XML)");
      break;
    case TARMAC_FILE_FORMAT_XML_OTHER:
    case TARMAC_FILE_FORMAT_UNKNOWN:
    case TARMAC_FILE_FORMAT_PAXLST:
    case TARMAC_FILE_FORMAT_PNRGOV:
    case TARMAC_FILE_FORMAT_PNRGOV_XML:
    default:
      what = _("%s is not in a format Tarmac recognises (it expects a PAXLST manifest or "
               "a PNRGOV message, EDIFACT or XML)");
      break;
    }

  g_set_error (error, TARMAC_IMPORT_ERROR, TARMAC_IMPORT_ERROR_UNSUPPORTED, what, name);
}

static gboolean
has_card (GPtrArray *messages)
{
  for (guint i = 0; i < messages->len; i++)
    {
      const TarmacPnrgovMessage *message = g_ptr_array_index (messages, i);

      for (guint j = 0; j < message->pnrs->len; j++)
        {
          const TarmacPnrgovPnr *pnr = g_ptr_array_index (message->pnrs, j);

          for (guint k = 0; pnr->payments != NULL && k < pnr->payments->len; k++)
            {
              const TarmacPnrgovPayment *payment = g_ptr_array_index (pnr->payments, k);

              if (payment->card_last_four != NULL)
                return TRUE;
            }
        }
    }
  return FALSE;
}

/* Parses a PNRGOV file, EDIFACT or XML (@format), and writes it in one transaction
 * (tarmac-importer-pnrgov.c): both parsers return the same structures. */
static gboolean
import_pnrgov (TarmacStore         *store,
               const char          *name,
               TarmacFileFormat     format,
               const guint8        *data,
               gsize                length,
               TarmacImportReport  *report,
               GCancellable        *cancellable,
               GError             **error)
{
  g_auto(Import) import = { 0 };
  g_autoptr(GPtrArray) messages = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GError) parse_error = NULL;
  g_autofree char *card_key = NULL;
  g_autoptr(GError) card_key_error = NULL;
  gboolean card_key_is_new = FALSE;

  card_key = _tarmac_import_card_key (store, &card_key_is_new, &card_key_error);
  if (format == TARMAC_FILE_FORMAT_PNRGOV_XML
      ? !tarmac_pnrgov_xml_parse (data, length, card_key, &messages, &warnings, &parse_error)
      : !tarmac_pnrgov_parse (data, length, card_key, &messages, &warnings, &parse_error))
    {
      /* Translators: "push.edi: the parser's reason (with its position)" */
      g_set_error (error, TARMAC_IMPORT_ERROR, TARMAC_IMPORT_ERROR_INVALID,
                   _("%s: %s"), name, parse_error->message);
      return FALSE;
    }

  for (guint i = 0; i < warnings->len; i++)
    {
      const TarmacPnrgovWarning *warning = g_ptr_array_index (warnings, i);

      /* As for PAXLST: a truncated or corrupt file is refused whole. */
      if (warning->code == TARMAC_PNRGOV_WARNING_TRUNCATED)
        {
          /* Translators: "push.edi: the reason (with its position)" */
          g_set_error (error, TARMAC_IMPORT_ERROR, TARMAC_IMPORT_ERROR_INVALID,
                       _("%s: %s"), name, warning->message);
          return FALSE;
        }
      if (warning->code == TARMAC_PNRGOV_WARNING_SYNTAX &&
          ends_inside_message (warning->edifact_code, warning->offset, data, length))
        {
          set_cut_off_error (error, name, warning->line, warning->offset, warning->message);
          return FALSE;
        }

      _tarmac_import_add_warning (report, _tarmac_import_pnrgov_warning_id (warning->code),
                                  warning->message, warning->offset, warning->line,
                                  warning->segment_index);
    }

  /* Without a keystore no card is hashed: nothing secret is written, the last four
   * digits are kept, and the officer is told why cards will not link. */
  if (card_key == NULL && has_card (messages))
    {
      g_autofree char *message = NULL;

      /* Translators: %s says why ("No keyring is available and TARMAC_PASSPHRASE is not
       * set…") */
      message = g_strdup_printf (_("Card numbers were not hashed for linking, only their last "
                                   "four digits were kept: %s"), card_key_error->message);
      _tarmac_import_add_warning (report, "card-not-hashed", message, 0, 0, 0);
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  import.store = store;
  import.report = report;
  import.airport = tarmac_store_get_meta (store, "airport-code");
  import.now = _tarmac_store_now ();
  import.retain_until = _tarmac_store_retain_until (store);
  import.flight_ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  if (!tarmac_store_begin (store, error))
    return FALSE;

  /* The commit brings the name index up to date, in the same transaction. */
  if (!_tarmac_import_write_pnrgov (&import, messages, card_key, card_key_is_new, length,
                                    cancellable, error))
    {
      tarmac_store_rollback (store);
      return FALSE;
    }

  if (!tarmac_store_commit (store, error))
    return FALSE;

  report->result = TARMAC_IMPORT_RESULT_IMPORTED;
  return TRUE;
}

static gboolean
import_bytes (TarmacStore           *store,
              const char            *name,
              const guint8          *data,
              gsize                  length,
              TarmacSheetMapping    *mapping,
              TarmacImportPrepared  *prepared,
              TarmacImportReport    *report,
              GCancellable          *cancellable,
              GError               **error)
{
  g_auto(Import) import = { 0 };
  g_autoptr(GPtrArray) messages = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GError) parse_error = NULL;
  TarmacFileFormat format;
  gint64 existing;

  if (length == 0)
    {
      g_set_error (error, TARMAC_IMPORT_ERROR, TARMAC_IMPORT_ERROR_EMPTY,
                   _("%s is empty"), name);
      return FALSE;
    }
  if (length > TARMAC_IMPORT_MAX_SIZE)
    {
      g_set_error (error, TARMAC_IMPORT_ERROR, TARMAC_IMPORT_ERROR_TOO_LARGE,
                   _("%s is %llu MiB; Tarmac imports files of at most %llu MiB"), name,
                   (unsigned long long) (length / (1024 * 1024)),
                   (unsigned long long) (TARMAC_IMPORT_MAX_SIZE / (1024 * 1024)));
      return FALSE;
    }

  if (prepared != NULL)
    {
      report->sha256 = g_strdup (prepared->sha256);
      format = prepared->format;
    }
  else
    {
      report->sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, data, length);
      format = tarmac_sniff_format (data, length);
    }
  report->format = tarmac_file_format_to_id (format);

  if ((existing = find_source_file (store, report->sha256, error)) < 0)
    return FALSE;
  if (existing > 0)
    {
      report->result = TARMAC_IMPORT_RESULT_DUPLICATE;
      report->source_file_id = existing;
      return TRUE;
    }

  if (format == TARMAC_FILE_FORMAT_CSV || format == TARMAC_FILE_FORMAT_XLSX)
    return _tarmac_import_sheet (store, name, data, length, format, mapping, report,
                                 cancellable, error);
  if (mapping != NULL)
    {
      g_set_error (error, TARMAC_IMPORT_ERROR, TARMAC_IMPORT_ERROR_UNSUPPORTED,
                   _("%s is not a spreadsheet; a column mapping applies only to CSV and "
                     "XLSX files"), name);
      return FALSE;
    }
  if (format == TARMAC_FILE_FORMAT_PNRGOV || format == TARMAC_FILE_FORMAT_PNRGOV_XML)
    return import_pnrgov (store, name, format, data, length, report, cancellable, error);
  if (format != TARMAC_FILE_FORMAT_PAXLST)
    {
      set_unsupported_error (error, name, format, data, length);
      return FALSE;
    }

  if (prepared != NULL && prepared->parsed)
    {
      /* A reference, not the array: @prepared frees the messages, which a batch import
       * does on its preparer thread (tarmac-batch-import.c). */
      messages = g_ptr_array_ref (prepared->messages);
      warnings = g_steal_pointer (&prepared->warnings);
      parse_error = g_steal_pointer (&prepared->parse_error);
    }
  else
    tarmac_paxlst_parse (data, length, &messages, &warnings, &parse_error);

  if (parse_error != NULL)
    {
      /* Translators: "manifest.edi: the parser's reason (with its position)" */
      g_set_error (error, TARMAC_IMPORT_ERROR, TARMAC_IMPORT_ERROR_INVALID,
                   _("%s: %s"), name, parse_error->message);
      return FALSE;
    }

  for (guint i = 0; i < warnings->len; i++)
    {
      const TarmacPaxlstWarning *warning = g_ptr_array_index (warnings, i);

      /* The parser keeps what it read before the tokenizer stopped; we refuse the file
       * instead, so a truncated or corrupt file never lands half-imported (issue 3, item
       * 10). The tokenizer's message names the position. */
      if (warning->code == TARMAC_PAXLST_WARNING_TRUNCATED)
        {
          /* Translators: "manifest.edi: the reason (with its position)" */
          g_set_error (error, TARMAC_IMPORT_ERROR, TARMAC_IMPORT_ERROR_INVALID,
                       _("%s: %s"), name, warning->message);
          return FALSE;
        }
      if (warning->code == TARMAC_PAXLST_WARNING_SYNTAX &&
          ends_inside_message (warning->edifact_code, warning->offset, data, length))
        {
          set_cut_off_error (error, name, warning->line, warning->offset, warning->message);
          return FALSE;
        }

      _tarmac_import_add_warning (report, warning_code_to_id (warning->code), warning->message,
                   warning->offset, warning->line, warning->segment_index);
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  import.store = store;
  import.report = report;
  import.travellers = prepared != NULL ? prepared->travellers : NULL;
  import.airport = tarmac_store_get_meta (store, "airport-code");
  import.now = _tarmac_store_now ();
  import.retain_until = _tarmac_store_retain_until (store);
  import.flight_ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  import.sets = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                       (GDestroyNotify) _tarmac_import_part_set_free);

  if (!tarmac_store_begin (store, error))
    return FALSE;

  /* The commit brings the name index up to date, in the same transaction and in one
   * sorted pass (in a batch, the batch's commit does, for all its files). */
  if (!_tarmac_import_write_paxlst (&import, messages, "PAXLST", length, cancellable, error))
    {
      tarmac_store_rollback (store);
      return FALSE;
    }

  /* A failed commit rolls itself back. */
  if (!tarmac_store_commit (store, error))
    return FALSE;

  report->result = TARMAC_IMPORT_RESULT_IMPORTED;
  return TRUE;
}

static TarmacImportReport *
report_new (const char *name)
{
  TarmacImportReport *report = g_new0 (TarmacImportReport, 1);

  report->name = g_strdup (name);
  report->format = tarmac_file_format_to_id (TARMAC_FILE_FORMAT_UNKNOWN);
  report->result = TARMAC_IMPORT_RESULT_FAILED;
  report->warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) import_warning_free);
  return report;
}

/* The report of a file refused before the importer saw it (tarmac-batch-import.c). */
TarmacImportReport *
_tarmac_import_report_new_failed (const char *name,
                                  const char *message)
{
  TarmacImportReport *report = report_new (name);

  report->error_message = g_strdup (message);
  return report;
}

static gboolean
finish (TarmacImportReport  *report,
        gboolean             ok,
        GError             **local_error,
        TarmacImportReport **out_report,
        GError             **error)
{
  if (!ok)
    {
      report->result = TARMAC_IMPORT_RESULT_FAILED;
      report->error_message = g_strdup ((*local_error)->message);
      report->cancelled = g_error_matches (*local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      report->n_messages = report->n_flights = report->n_travellers = 0;
      report->n_crew = report->n_documents = report->n_pnrs = report->n_findings = 0;
      report->source_file_id = 0;
      g_propagate_error (error, g_steal_pointer (local_error));
    }

  if (out_report != NULL)
    *out_report = report;
  else
    tarmac_import_report_free (report);

  return ok;
}

/* Reads @path whole, refusing a file over %TARMAC_IMPORT_MAX_SIZE before reading it. */
static gboolean
read_file (const char  *path,
           const char  *name,
           char       **contents,
           gsize       *length,
           GError     **error)
{
  g_autoptr(GError) read_error = NULL;
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, TARMAC_IMPORT_ERROR, TARMAC_IMPORT_ERROR_READ,
                   _("Could not read %s: %s"), name, g_strerror (saved_errno));
      return FALSE;
    }
  if ((guint64) st.st_size > TARMAC_IMPORT_MAX_SIZE)
    {
      g_set_error (error, TARMAC_IMPORT_ERROR, TARMAC_IMPORT_ERROR_TOO_LARGE,
                   _("%s is %llu MiB; Tarmac imports files of at most %llu MiB"), name,
                   (unsigned long long) (st.st_size / (1024 * 1024)),
                   (unsigned long long) (TARMAC_IMPORT_MAX_SIZE / (1024 * 1024)));
      return FALSE;
    }
  if (!g_file_get_contents (path, contents, length, &read_error))
    {
      g_set_error (error, TARMAC_IMPORT_ERROR, TARMAC_IMPORT_ERROR_READ,
                   _("Could not read %s: %s"), name, read_error->message);
      return FALSE;
    }
  return TRUE;
}

/*
 * Preparing a file is everything its import does without the database: reading it,
 * its SHA-256, its format and, for a PAXLST manifest, parsing it. It touches nothing
 * shared, so a batch import prepares the next file on a second thread while it writes
 * this one (tarmac-batch-import.c): on two cores the parser and SQLite then run side by
 * side.
 */

/* The largest file whose travellers the preparer makes ready: some 25,000 travellers. */
#define PREPARE_TRAVELLERS_MAX_BYTES (4 * 1024 * 1024)

static void
prepare (TarmacImportPrepared *prepared)
{
  const guint8 *data = (const guint8 *) prepared->contents;

  if (prepared->read_error != NULL || prepared->length == 0 ||
      prepared->length > TARMAC_IMPORT_MAX_SIZE)
    return;

  prepared->sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, data, prepared->length);
  prepared->format = tarmac_sniff_format (data, prepared->length);
  if (prepared->format == TARMAC_FILE_FORMAT_PAXLST)
    {
      tarmac_paxlst_parse (data, prepared->length, &prepared->messages, &prepared->warnings,
                           &prepared->parse_error);
      prepared->parsed = TRUE;

      /* The travellers made ready too (name keys, ICU folding and transliteration;
       * document checks): the writer thread is the one the import waits for. Not those of
       * a large file, which would hold them all at once (a kilobyte or two a traveller):
       * the writer makes them one message at a time. */
      if (prepared->length > PREPARE_TRAVELLERS_MAX_BYTES)
        return;
      prepared->travellers = g_hash_table_new_full (NULL, NULL, NULL,
                                                    (GDestroyNotify) _tarmac_import_travellers_free);
      for (guint i = 0; prepared->messages != NULL && i < prepared->messages->len; i++)
        {
          const TarmacPaxlstMessage *message = g_ptr_array_index (prepared->messages, i);

          g_hash_table_insert (prepared->travellers, (gpointer) message,
                               _tarmac_import_travellers_new (message));
        }
    }
}

/* @path read and prepared; a file that cannot be read keeps its error for the import. */
TarmacImportPrepared *
_tarmac_import_prepare_file (const char *path)
{
  TarmacImportPrepared *prepared = g_new0 (TarmacImportPrepared, 1);

  prepared->name = g_path_get_basename (path);
  if (read_file (path, prepared->name, &prepared->contents, &prepared->length,
                 &prepared->read_error))
    prepare (prepared);
  return prepared;
}

/* A copy of @data, prepared: the caller's buffer may go before the import runs. */
TarmacImportPrepared *
_tarmac_import_prepare_bytes (const char   *name,
                              const guint8 *data,
                              gsize         length)
{
  TarmacImportPrepared *prepared = g_new0 (TarmacImportPrepared, 1);

  prepared->name = g_strdup (name);
  prepared->contents = length > 0 ? g_memdup2 (data, length) : g_strdup ("");
  prepared->length = length;
  prepare (prepared);
  return prepared;
}

void
_tarmac_import_prepared_free (TarmacImportPrepared *prepared)
{
  if (prepared == NULL)
    return;

  g_free (prepared->name);
  g_free (prepared->contents);
  g_clear_error (&prepared->read_error);
  g_free (prepared->sha256);
  g_clear_pointer (&prepared->messages, g_ptr_array_unref);
  g_clear_pointer (&prepared->warnings, g_ptr_array_unref);
  g_clear_error (&prepared->parse_error);
  g_clear_pointer (&prepared->travellers, g_hash_table_unref);
  g_free (prepared);
}

/* Imports a prepared file, as tarmac_import_file() or tarmac_import_bytes() would. */
gboolean
_tarmac_import_prepared (TarmacStore           *store,
                         TarmacImportPrepared  *prepared,
                         TarmacImportReport   **report,
                         GCancellable          *cancellable,
                         GError               **error)
{
  g_autoptr(GError) local_error = NULL;
  TarmacImportReport *result = report_new (prepared->name);
  gboolean ok;

  if (prepared->read_error != NULL)
    {
      local_error = g_steal_pointer (&prepared->read_error);
      ok = FALSE;
    }
  else
    ok = import_bytes (store, prepared->name, (const guint8 *) prepared->contents,
                       prepared->length, NULL, prepared->sha256 != NULL ? prepared : NULL,
                       result, cancellable, &local_error);

  return finish (result, ok, &local_error, report, error);
}

/**
 * tarmac_import_bytes:
 * @store: the database
 * @name: the file name shown in reports and errors
 * @data: (array length=length): the file's bytes
 * @length: the number of bytes
 * @report: (out) (optional) (transfer full): what happened; set even when the import fails
 *   (result "failed", with the error message), so a caller can list every file
 * @cancellable: (nullable): checked between messages
 * @error: return location for a #GError
 *
 * Imports one file in one transaction. Identical bytes already imported are a no-op
 * (%TARMAC_IMPORT_RESULT_DUPLICATE, %TRUE).
 *
 * Returns: %TRUE when imported or a duplicate; %FALSE with nothing written otherwise
 */
gboolean
tarmac_import_bytes (TarmacStore         *store,
                     const char          *name,
                     const guint8        *data,
                     gsize                length,
                     TarmacImportReport **report,
                     GCancellable        *cancellable,
                     GError             **error)
{
  g_autoptr(GError) local_error = NULL;
  TarmacImportReport *result;
  gboolean ok;

  g_return_val_if_fail (TARMAC_IS_STORE (store), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  result = report_new (name);
  ok = import_bytes (store, name, data, length, NULL, NULL, result, cancellable, &local_error);
  return finish (result, ok, &local_error, report, error);
}

/**
 * tarmac_import_sheet_bytes:
 * @store: the database
 * @name: the file name shown in reports and errors
 * @data: (array length=length): a CSV or XLSX file's bytes
 * @length: the number of bytes
 * @mapping: the columns and the flight, as the officer chose them (from
 *   tarmac_import_propose_mapping(), corrected)
 * @report: (out) (optional) (transfer full): as for tarmac_import_bytes()
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Imports a spreadsheet with an explicit mapping, in one transaction, and remembers the
 * mapping for the next file of the same layout from the same airline.
 *
 * Returns: %TRUE when imported or a duplicate
 */
gboolean
tarmac_import_sheet_bytes (TarmacStore         *store,
                           const char          *name,
                           const guint8        *data,
                           gsize                length,
                           TarmacSheetMapping  *mapping,
                           TarmacImportReport **report,
                           GCancellable        *cancellable,
                           GError             **error)
{
  g_autoptr(GError) local_error = NULL;
  TarmacImportReport *result;
  gboolean ok;

  g_return_val_if_fail (TARMAC_IS_STORE (store), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (mapping != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  result = report_new (name);
  ok = import_bytes (store, name, data, length, mapping, NULL, result, cancellable,
                     &local_error);
  return finish (result, ok, &local_error, report, error);
}

/**
 * tarmac_import_file:
 * @store: the database
 * @path: the file to import; its base name is the name in reports
 * @report: (out) (optional) (transfer full): as for tarmac_import_bytes()
 * @cancellable: (nullable): checked between messages
 * @error: return location for a #GError
 *
 * Reads @path (refusing files over %TARMAC_IMPORT_MAX_SIZE before reading them) and
 * imports it with tarmac_import_bytes().
 *
 * Returns: %TRUE when imported or a duplicate
 */
gboolean
tarmac_import_file (TarmacStore         *store,
                    const char          *path,
                    TarmacImportReport **report,
                    GCancellable        *cancellable,
                    GError             **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *contents = NULL;
  TarmacImportReport *result;
  gsize length = 0;
  gboolean ok;

  g_return_val_if_fail (TARMAC_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  name = g_path_get_basename (path);
  result = report_new (name);

  ok = read_file (path, name, &contents, &length, &local_error) &&
       import_bytes (store, name, (const guint8 *) contents, length, NULL, NULL, result,
                     cancellable, &local_error);

  return finish (result, ok, &local_error, report, error);
}

/**
 * tarmac_import_report_load:
 * @store: the database
 * @source_file_id: a source_file row
 * @error: return location for a #GError
 *
 * An import report as it was stored: the file's name, digest, format and every warning
 * with its position. The counts are not stored and are 0.
 *
 * Returns: (transfer full) (nullable): the report, or %NULL with @error set
 *   (%TARMAC_STORE_ERROR_NOT_FOUND when there is no such file)
 */
TarmacImportReport *
tarmac_import_report_load (TarmacStore  *store,
                           gint64        source_file_id,
                           GError      **error)
{
  g_autoptr(TarmacCachedStmt) stmt = NULL;
  g_autoptr(TarmacImportReport) report = NULL;
  g_autoptr(JsonNode) root = NULL;
  const char *stored;
  int rc;

  g_return_val_if_fail (TARMAC_IS_STORE (store), NULL);

  stmt = _tarmac_store_prepare_cached (store,
                                       "SELECT name, sha256, format, coalesce (report, '[]')"
                                       " FROM source_file WHERE id = ?1",
                                       error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, source_file_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        g_set_error (error, TARMAC_STORE_ERROR, TARMAC_STORE_ERROR_NOT_FOUND,
                     _("There is no imported file %lld in this database"),
                     (long long) source_file_id);
      else
        _tarmac_store_set_error (store, rc, error);
      return NULL;
    }

  report = report_new (_tarmac_store_column_text (stmt, 0));
  report->sha256 = g_strdup (_tarmac_store_column_text (stmt, 1));
  /* The static id of the stored format; an id this version does not know stays
   * "unknown". */
  for (int f = 0; f < 64; f++)
    if (g_strcmp0 (tarmac_file_format_to_id (f), _tarmac_store_column_text (stmt, 2)) == 0)
      report->format = tarmac_file_format_to_id (f);
  report->result = TARMAC_IMPORT_RESULT_IMPORTED;
  report->source_file_id = source_file_id;

  stored = _tarmac_store_column_text (stmt, 3);
  root = json_from_string (stored, NULL);
  if (root != NULL && JSON_NODE_HOLDS_ARRAY (root))
    {
      JsonArray *array = json_node_get_array (root);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *node = json_array_get_element (array, i);
          JsonObject *object;

          if (!JSON_NODE_HOLDS_OBJECT (node))
            continue;
          object = json_node_get_object (node);
          _tarmac_import_add_warning (report,
                                      json_object_get_string_member_with_default (object,
                                                                                  "code", ""),
                                      json_object_get_string_member_with_default (object,
                                                                                  "message", ""),
                                      (gsize) MAX (0, json_object_get_int_member_with_default (object, "offset", 0)),
                                      (guint) CLAMP (json_object_get_int_member_with_default (object, "line", 0), 0, G_MAXUINT),
                                      (guint) CLAMP (json_object_get_int_member_with_default (object, "segment", 0), 0, G_MAXUINT));
        }
    }

  return g_steal_pointer (&report);
}
