/* tarmac-export.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-export"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "tarmac-audit.h"
#include "tarmac-export.h"
#include "tarmac-store-private.h"

/* Travellers out of the database, as CSV or JSON, for another tool or an officer's
 * spreadsheet. It is a view of personal data, so each export writes one audit row (what,
 * how many rows, where to). Rows are read with one statement per flight and written one at
 * a time through a buffer, so a million travellers need no more memory than one: nothing
 * is sorted outside an index but the travellers of one flight.
 *
 * Every export has the same fields (README "Exporting travellers"): flight, flight_date,
 * origin, destination, direction, kind, surname, given_names, sex, date_of_birth,
 * nationality, documents, seat, pnr_locator, sources. */

#define BUFFER_SIZE (64 * 1024)

/* A row is written when it holds this much, so the GString never grows past a few rows. */
#define FLUSH_AT (48 * 1024)

static const char *const csv_header[] = {
  "flight", "flight_date", "origin", "destination", "direction", "kind", "surname",
  "given_names", "sex", "date_of_birth", "nationality", "document_type", "document_number",
  "document_issuing_state", "document_expires_on", "other_documents", "seat", "pnr_locator",
  "sources",
};

typedef struct
{
  char *type;
  char *number;
  char *issuing_state;
  char *expires_on;
} Document;

typedef struct
{
  TarmacExportFormat  format;
  GOutputStream      *output;
  GString            *buffer;
  sqlite3_stmt       *documents;
  GArray             *row_documents;  /* of Document */
  guint64             n_rows;
} Export;

static void
document_clear (Document *document)
{
  g_free (document->type);
  g_free (document->number);
  g_free (document->issuing_state);
  g_free (document->expires_on);
}

gboolean
tarmac_export_parse_format (const char          *text,
                            TarmacExportFormat  *format,
                            GError             **error)
{
  if (g_strcmp0 (text, "csv") == 0)
    *format = TARMAC_EXPORT_FORMAT_CSV;
  else if (g_strcmp0 (text, "json") == 0)
    *format = TARMAC_EXPORT_FORMAT_JSON;
  else
    {
      g_set_error (error, TARMAC_STORE_ERROR, TARMAC_STORE_ERROR_INVALID,
                   _("“%s” is not an export format (expected csv or json)"),
                   text != NULL ? text : "");
      return FALSE;
    }
  return TRUE;
}

void
tarmac_export_flight_clear (TarmacExportFlight *flight)
{
  g_clear_pointer (&flight->carrier, g_free);
  g_clear_pointer (&flight->number, g_free);
  g_clear_pointer (&flight->date, g_free);
}

/**
 * tarmac_export_parse_flight:
 * @text: "CARRIER+NUMBER/DATE": "AF702/2026-11-22", "AF0702/2026-11-22", "AFR702/…",
 *   "U2123/…" (a space between carrier and number is allowed)
 * @flight: (out caller-allocates): the parts; clear with tarmac_export_flight_clear()
 * @error: return location for a #GError
 *
 * A third character that is a letter makes a three-letter (ICAO) carrier; otherwise the
 * carrier is the first two characters, which may hold a digit ("9W", "U2"). The number
 * loses its leading zeros, as airlines write it either way.
 *
 * Returns: %TRUE when @text names a flight
 */
gboolean
tarmac_export_parse_flight (const char          *text,
                            TarmacExportFlight  *flight,
                            GError             **error)
{
  g_autofree char *designator = NULL;
  g_autofree char *compact = NULL;
  const char *slash;
  const char *number;
  const char *p;
  gsize carrier_length;
  guint y, m, d;
  char tail;

  memset (flight, 0, sizeof *flight);

  if (text == NULL || (slash = strchr (text, '/')) == NULL)
    goto invalid;

  designator = g_ascii_strup (text, slash - text);
  compact = g_strdup (designator);
  {
    char *w = compact;

    for (const char *r = designator; *r != '\0'; r++)
      if (*r != ' ')
        *w++ = *r;
    *w = '\0';
  }

  if (strlen (compact) < 3)
    goto invalid;
  carrier_length = g_ascii_isalpha (compact[2]) ? 3 : 2;
  for (gsize i = 0; i < carrier_length; i++)
    if (!g_ascii_isalnum (compact[i]))
      goto invalid;

  /* 1 to 4 digits, then at most one letter (an operational suffix). */
  number = compact + carrier_length;
  for (p = number; g_ascii_isdigit (*p); p++)
    ;
  if (p == number || p - number > 4 || (*p != '\0' && (!g_ascii_isalpha (*p) || p[1] != '\0')))
    goto invalid;
  while (number[0] == '0' && g_ascii_isdigit (number[1]))
    number++;

  if (strlen (slash + 1) != 10 ||
      sscanf (slash + 1, "%4u-%2u-%2u%c", &y, &m, &d, &tail) != 3 ||
      !g_date_valid_dmy (d, m, y))
    goto invalid;

  flight->carrier = g_strndup (compact, carrier_length);
  flight->number = g_strdup (number);
  flight->date = g_strdup (slash + 1);
  return TRUE;

invalid:
  g_set_error (error, TARMAC_STORE_ERROR, TARMAC_STORE_ERROR_INVALID,
               _("“%s” is not a flight (expected CARRIER+NUMBER/DATE, for example "
                 "AF702/2026-11-22)"), text != NULL ? text : "");
  return FALSE;
}

static gboolean
flush (Export        *export,
       gboolean       force,
       GCancellable  *cancellable,
       GError       **error)
{
  if (export->buffer->len == 0 || (!force && export->buffer->len < FLUSH_AT))
    return TRUE;

  if (!g_output_stream_write_all (export->output, export->buffer->str, export->buffer->len,
                                  NULL, cancellable, error))
    return FALSE;

  g_string_truncate (export->buffer, 0);
  return TRUE;
}

/* RFC 4180: quoted when it holds a comma, quote or line end, quotes doubled. A cell that
 * a spreadsheet would run as a formula (= + - @, or a tab or CR before one) starts with an
 * apostrophe, so opening the file never runs what a traveller's data says. */
static void
append_csv_cell (GString    *out,
                 const char *value,
                 gboolean    first)
{
  gboolean quote;

  if (!first)
    g_string_append_c (out, ',');
  if (value == NULL || *value == '\0')
    return;

  quote = strpbrk (value, ",\"\r\n") != NULL;
  if (quote)
    g_string_append_c (out, '"');
  if (strchr ("=+-@\t\r", value[0]) != NULL)
    g_string_append_c (out, '\'');
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  if (quote)
    g_string_append_c (out, '"');
}

static void
append_json_string (GString    *out,
                    const char *value)
{
  if (value == NULL)
    {
      g_string_append (out, "null");
      return;
    }

  g_string_append_c (out, '"');
  for (const char *p = value; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      if (c == '"' || c == '\\')
        {
          g_string_append_c (out, '\\');
          g_string_append_c (out, c);
        }
      else if (c == '\n')
        g_string_append (out, "\\n");
      else if (c == '\r')
        g_string_append (out, "\\r");
      else if (c == '\t')
        g_string_append (out, "\\t");
      else if (c < 0x20 || c == 0x7f)
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_c (out, c);
    }
  g_string_append_c (out, '"');
}

static void
append_json_member (GString    *out,
                    const char *name,
                    const char *value,
                    gboolean    first)
{
  if (!first)
    g_string_append_c (out, ',');
  g_string_append_printf (out, "\"%s\":", name);
  append_json_string (out, value);
}

/* Text from the database as it is, unless it is not UTF-8 (a file written by something
 * else): then made valid, so the output always is. */
static char *
column_utf8 (sqlite3_stmt *stmt,
             int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  if (text == NULL)
    return NULL;
  if (g_utf8_validate (text, -1, NULL))
    return g_strdup (text);
  return g_utf8_make_valid (text, -1);
}

static gboolean
load_documents (Export   *export,
                gint64    traveller_id,
                GError  **error)
{
  int rc;

  g_array_set_size (export->row_documents, 0);
  sqlite3_bind_int64 (export->documents, 1, traveller_id);
  while ((rc = sqlite3_step (export->documents)) == SQLITE_ROW)
    {
      Document document = {
        column_utf8 (export->documents, 0),
        column_utf8 (export->documents, 1),
        column_utf8 (export->documents, 2),
        column_utf8 (export->documents, 3),
      };

      g_array_append_val (export->row_documents, document);
    }
  sqlite3_reset (export->documents);

  if (rc != SQLITE_DONE)
    {
      g_set_error (error, TARMAC_STORE_ERROR, TARMAC_STORE_ERROR_QUERY,
                   _("Could not read the travellers’ documents: %s"),
                   sqlite3_errstr (rc));
      return FALSE;
    }
  return TRUE;
}

/* Columns of the traveller statement, see export_flight(). */
enum {
  COL_ID,
  COL_KIND,
  COL_SURNAME,
  COL_GIVEN_NAMES,
  COL_SEX,
  COL_DATE_OF_BIRTH,
  COL_NATIONALITY,
  COL_SEAT,
  COL_PNR_LOCATOR,
  COL_FROM_API,
  COL_FROM_PNR,
};

typedef struct
{
  char *designator;
  char *date;
  char *origin;
  char *destination;
  char *direction;
} FlightFields;

static void
write_csv_row (Export             *export,
               const FlightFields *flight,
               char              **fields,
               const char         *sources)
{
  GString *out = export->buffer;
  g_autoptr(GString) others = g_string_new (NULL);
  const Document *first = NULL;

  if (export->row_documents->len > 0)
    first = &g_array_index (export->row_documents, Document, 0);

  /* The first document in its own columns for a spreadsheet; the rest, rare (a visa, a
   * second passport), as "TYPE NUMBER ISSUER EXPIRY" separated by semicolons. */
  for (guint i = 1; i < export->row_documents->len; i++)
    {
      const Document *document = &g_array_index (export->row_documents, Document, i);

      if (others->len > 0)
        g_string_append (others, "; ");
      g_string_append_printf (others, "%s %s %s %s", document->type,
                              document->number ? document->number : "",
                              document->issuing_state ? document->issuing_state : "-",
                              document->expires_on ? document->expires_on : "-");
    }

  append_csv_cell (out, flight->designator, TRUE);
  append_csv_cell (out, flight->date, FALSE);
  append_csv_cell (out, flight->origin, FALSE);
  append_csv_cell (out, flight->destination, FALSE);
  append_csv_cell (out, flight->direction, FALSE);
  append_csv_cell (out, fields[COL_KIND], FALSE);
  append_csv_cell (out, fields[COL_SURNAME], FALSE);
  append_csv_cell (out, fields[COL_GIVEN_NAMES], FALSE);
  append_csv_cell (out, fields[COL_SEX], FALSE);
  append_csv_cell (out, fields[COL_DATE_OF_BIRTH], FALSE);
  append_csv_cell (out, fields[COL_NATIONALITY], FALSE);
  append_csv_cell (out, first ? first->type : NULL, FALSE);
  append_csv_cell (out, first ? first->number : NULL, FALSE);
  append_csv_cell (out, first ? first->issuing_state : NULL, FALSE);
  append_csv_cell (out, first ? first->expires_on : NULL, FALSE);
  append_csv_cell (out, others->str, FALSE);
  append_csv_cell (out, fields[COL_SEAT], FALSE);
  append_csv_cell (out, fields[COL_PNR_LOCATOR], FALSE);
  append_csv_cell (out, sources, FALSE);
  g_string_append (out, "\r\n");
}

static void
write_json_row (Export             *export,
                const FlightFields *flight,
                char              **fields,
                gboolean            from_api,
                gboolean            from_pnr)
{
  GString *out = export->buffer;

  g_string_append (out, export->n_rows == 0 ? "\n{" : ",\n{");
  append_json_member (out, "flight", flight->designator, TRUE);
  append_json_member (out, "flight_date", flight->date, FALSE);
  append_json_member (out, "origin", flight->origin, FALSE);
  append_json_member (out, "destination", flight->destination, FALSE);
  append_json_member (out, "direction", flight->direction, FALSE);
  append_json_member (out, "kind", fields[COL_KIND], FALSE);
  append_json_member (out, "surname", fields[COL_SURNAME], FALSE);
  append_json_member (out, "given_names", fields[COL_GIVEN_NAMES], FALSE);
  append_json_member (out, "sex", fields[COL_SEX], FALSE);
  append_json_member (out, "date_of_birth", fields[COL_DATE_OF_BIRTH], FALSE);
  append_json_member (out, "nationality", fields[COL_NATIONALITY], FALSE);

  g_string_append (out, ",\"documents\":[");
  for (guint i = 0; i < export->row_documents->len; i++)
    {
      const Document *document = &g_array_index (export->row_documents, Document, i);

      g_string_append (out, i == 0 ? "{" : ",{");
      append_json_member (out, "type", document->type, TRUE);
      append_json_member (out, "number", document->number, FALSE);
      append_json_member (out, "issuing_state", document->issuing_state, FALSE);
      append_json_member (out, "expires_on", document->expires_on, FALSE);
      g_string_append_c (out, '}');
    }
  g_string_append_c (out, ']');

  append_json_member (out, "seat", fields[COL_SEAT], FALSE);
  append_json_member (out, "pnr_locator", fields[COL_PNR_LOCATOR], FALSE);
  g_string_append (out, ",\"sources\":[");
  if (from_api)
    g_string_append (out, "\"api\"");
  if (from_pnr)
    g_string_append (out, from_api ? ",\"pnr\"" : "\"pnr\"");
  g_string_append (out, "]}");
}

/* The travellers of one flight: passengers, then crew, each in the order they were
 * imported (the manifest's order). */
static gboolean
export_flight (Export              *export,
               TarmacStore         *store,
               sqlite3_stmt        *travellers,
               const FlightFields  *flight,
               gint64               flight_id,
               GCancellable        *cancellable,
               GError             **error)
{
  int rc;

  sqlite3_bind_int64 (travellers, 1, flight_id);
  while ((rc = sqlite3_step (travellers)) == SQLITE_ROW)
    {
      char *fields[COL_FROM_API] = { NULL, };
      gboolean from_api = sqlite3_column_int (travellers, COL_FROM_API) != 0;
      gboolean from_pnr = sqlite3_column_int (travellers, COL_FROM_PNR) != 0;
      gboolean ok;

      for (int i = COL_KIND; i < COL_FROM_API; i++)
        fields[i] = column_utf8 (travellers, i);

      ok = load_documents (export, sqlite3_column_int64 (travellers, COL_ID), error);
      if (ok)
        {
          if (export->format == TARMAC_EXPORT_FORMAT_CSV)
            write_csv_row (export, flight, fields,
                           from_api && from_pnr ? "api;pnr" : from_pnr ? "pnr" : "api");
          else
            write_json_row (export, flight, fields, from_api, from_pnr);
          export->n_rows++;
        }

      for (int i = COL_KIND; i < COL_FROM_API; i++)
        g_free (fields[i]);
      if (!ok || !flush (export, FALSE, cancellable, error))
        {
          sqlite3_reset (travellers);
          return FALSE;
        }
    }
  sqlite3_reset (travellers);

  if (rc != SQLITE_DONE)
    {
      _tarmac_store_set_error (store, rc, error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
export_all (Export                    *export,
            TarmacStore               *store,
            const TarmacExportFlight  *flight,
            GCancellable              *cancellable,
            GError                   **error)
{
  g_autoptr(sqlite3_stmt) flights = NULL;
  g_autoptr(sqlite3_stmt) travellers = NULL;
  int rc;

  export->documents = _tarmac_store_prepare (store,
                                             "SELECT type, number, issuing_state, expires_on"
                                             " FROM travel_document WHERE traveller_id = ?1"
                                             " ORDER BY id",
                                             error);
  if (export->documents == NULL)
    return FALSE;

  travellers = _tarmac_store_prepare (store,
                                      "SELECT t.id, t.kind, t.surname, t.given_names, t.sex,"
                                      " t.date_of_birth, t.nationality, t.seat,"
                                      " coalesce (p.record_locator, t.booking_reference),"
                                      " t.from_api, t.from_pnr"
                                      " FROM traveller t LEFT JOIN pnr p ON p.id = t.pnr_id"
                                      " WHERE t.flight_id = ?1"
                                      " ORDER BY t.kind DESC, t.name_key, t.id",
                                      error);
  if (travellers == NULL)
    return FALSE;

  /* A flight named by an officer matches with or without the number's leading zeros and
   * whatever case the message used; several origins on one day are all exported. */
  flights = _tarmac_store_prepare (store,
                                   "SELECT id, carrier, number, flight_date, origin,"
                                   " destination, direction FROM flight"
                                   " WHERE ?1 IS NULL OR (flight_date = ?3"
                                   "   AND upper (carrier) = ?1"
                                   "   AND upper (ltrim (number, '0')) = ?2)"
                                   " ORDER BY flight_date, carrier, number, id",
                                   error);
  if (flights == NULL)
    return FALSE;

  if (flight != NULL)
    {
      sqlite3_bind_text (flights, 1, flight->carrier, -1, SQLITE_STATIC);
      sqlite3_bind_text (flights, 2, flight->number, -1, SQLITE_STATIC);
      sqlite3_bind_text (flights, 3, flight->date, -1, SQLITE_STATIC);
    }

  if (export->format == TARMAC_EXPORT_FORMAT_CSV)
    {
      for (guint i = 0; i < G_N_ELEMENTS (csv_header); i++)
        append_csv_cell (export->buffer, csv_header[i], i == 0);
      g_string_append (export->buffer, "\r\n");
    }
  else
    g_string_append_c (export->buffer, '[');

  while ((rc = sqlite3_step (flights)) == SQLITE_ROW)
    {
      FlightFields fields = { NULL, };
      gboolean ok;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      fields.designator = g_strconcat (_tarmac_store_column_text (flights, 1),
                                       _tarmac_store_column_text (flights, 2), NULL);
      fields.date = column_utf8 (flights, 3);
      fields.origin = column_utf8 (flights, 4);
      fields.destination = column_utf8 (flights, 5);
      fields.direction = column_utf8 (flights, 6);

      ok = export_flight (export, store, travellers, &fields,
                          sqlite3_column_int64 (flights, 0), cancellable, error);

      g_free (fields.designator);
      g_free (fields.date);
      g_free (fields.origin);
      g_free (fields.destination);
      g_free (fields.direction);
      if (!ok)
        return FALSE;
    }

  if (rc != SQLITE_DONE)
    {
      _tarmac_store_set_error (store, rc, error);
      return FALSE;
    }

  if (export->format == TARMAC_EXPORT_FORMAT_JSON)
    g_string_append (export->buffer, export->n_rows > 0 ? "\n]\n" : "]\n");

  return flush (export, TRUE, cancellable, error) &&
         g_output_stream_flush (export->output, cancellable, error);
}

/**
 * tarmac_export_travellers:
 * @store: the database
 * @flight: (nullable): only this flight's travellers; %NULL for every traveller
 * @format: CSV or JSON
 * @output: where the bytes go; it is flushed, not closed
 * @destination: where @output leads, for the audit log ("/home/…/out.csv", "standard
 *   output")
 * @n_rows: (out) (optional): the travellers written
 * @cancellable: (nullable): checked between flights
 * @error: return location for a #GError
 *
 * Writes the travellers, streaming, and records the export in the audit log with the
 * format, the number of rows and @destination, even when it stopped half-way: what left
 * the database is what the row says.
 *
 * Returns: %TRUE when every row was written and the audit row too
 */
gboolean
tarmac_export_travellers (TarmacStore               *store,
                          const TarmacExportFlight  *flight,
                          TarmacExportFormat         format,
                          GOutputStream             *output,
                          const char                *destination,
                          guint64                   *n_rows,
                          GCancellable              *cancellable,
                          GError                   **error)
{
  g_autoptr(GOutputStream) buffered = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GError) audit_error = NULL;
  g_autofree char *object_id = NULL;
  g_autofree char *detail = NULL;
  Export export = { 0, };
  gboolean ok;

  g_return_val_if_fail (TARMAC_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (output), FALSE);
  g_return_val_if_fail (destination != NULL, FALSE);

  buffered = g_buffered_output_stream_new_sized (output, BUFFER_SIZE);
  g_filter_output_stream_set_close_base_stream (G_FILTER_OUTPUT_STREAM (buffered), FALSE);

  export.format = format;
  export.output = buffered;
  export.buffer = g_string_sized_new (FLUSH_AT + 4096);
  export.row_documents = g_array_new (FALSE, TRUE, sizeof (Document));
  g_array_set_clear_func (export.row_documents, (GDestroyNotify) document_clear);

  ok = export_all (&export, store, flight, cancellable, &local_error);

  g_clear_pointer (&export.documents, sqlite3_finalize);
  g_string_free (export.buffer, TRUE);
  g_array_unref (export.row_documents);

  if (flight != NULL)
    object_id = g_strdup_printf ("%s%s/%s", flight->carrier, flight->number, flight->date);
  detail = g_strdup_printf ("%s, %llu rows%s, to %s",
                            format == TARMAC_EXPORT_FORMAT_CSV ? "csv" : "json",
                            (unsigned long long) export.n_rows,
                            ok ? "" : " (stopped by an error)", destination);
  if (!tarmac_audit_append (store, "export", "traveller", object_id, detail, &audit_error) &&
      ok)
    {
      g_propagate_error (error, g_steal_pointer (&audit_error));
      ok = FALSE;
    }
  else if (!ok)
    g_propagate_error (error, g_steal_pointer (&local_error));

  if (n_rows != NULL)
    *n_rows = export.n_rows;

  return ok;
}
