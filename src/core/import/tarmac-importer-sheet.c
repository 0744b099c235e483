/* tarmac-importer-sheet.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-importer"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tarmac-importer-private.h"
#include "tarmac-paxlst.h"
#include "tarmac-sheet-private.h"
#include "tarmac-store-private.h"

/* Spreadsheet manifests (CSV, XLSX) into the database. The sheet is read
 * (tarmac-csv.c, tarmac-xlsx.c), mapped (tarmac-sheet-mapping.c: the officer's mapping,
 * else one remembered for this airline and layout, else the mapper's proposal), and its
 * rows become PAXLST messages, one per flight, stored by the PAXLST writer with the
 * message type "CSV" or "XLSX": the same tables, the same document checks, the same
 * provenance, from_api = 1 (a spreadsheet from the airline is manifest data). A row's
 * position is its row number (the report's line) and column (the report's segment,
 * 1-based). Problems in cells are warnings; a file without a flight, without names or
 * with an unreadable structure is refused whole, nothing written. */

/* "manifest.csv, row 12: the reason" */
static void
set_row_error (GError     **error,
               const char  *name,
               guint        row,
               const char  *message)
{
  /* Translators: "manifest.csv, row 12: the reason" */
  g_set_error (error, TARMAC_IMPORT_ERROR, TARMAC_IMPORT_ERROR_INVALID, _("%s, row %u: %s"),
               name, row, message);
}

typedef struct
{
  int columns[TARMAC_SHEET_N_FIELDS];   /* the column of each field, -1 for none */
} Columns;

static void
find_columns (TarmacSheetMapping *mapping,
              Columns            *columns)
{
  for (guint f = 0; f < TARMAC_SHEET_N_FIELDS; f++)
    columns->columns[f] = -1;
  for (guint c = 0; c < tarmac_sheet_mapping_get_n_columns (mapping); c++)
    {
      TarmacSheetField field = tarmac_sheet_mapping_get_field (mapping, c);

      if (field != TARMAC_SHEET_FIELD_IGNORE && columns->columns[field] < 0)
        columns->columns[field] = (int) c;
    }
}

/**
 * tarmac_import_read_sheet:
 * @name: the file name, for errors
 * @data: (array length=length): a CSV or XLSX file's bytes
 * @length: their number
 * @error: return location for a #GError in %TARMAC_IMPORT_ERROR
 *
 * Returns: (transfer full): the file's first sheet as a table, or %NULL with @error
 *   naming the file and the reason
 */
TarmacSheet *
tarmac_import_read_sheet (const char    *name,
                          const guint8  *data,
                          gsize          length,
                          GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  TarmacSheet *sheet;

  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (length >= 4 && memcmp (data, "PK\003\004", 4) == 0)
    sheet = tarmac_xlsx_read (data, length, &local_error);
  else
    sheet = tarmac_csv_read (data, length, &local_error);

  if (sheet == NULL)
    {
      /* Translators: "manifest.xlsx: the reason" */
      g_set_error (error, TARMAC_IMPORT_ERROR, TARMAC_IMPORT_ERROR_INVALID, _("%s: %s"), name,
                   local_error->message);
      return NULL;
    }
  return sheet;
}

/* The airline of the file: the mapping's, else the first row's airline or flight cell. */
static char *
sheet_carrier (TarmacSheetMapping *mapping,
               const TarmacSheet  *sheet)
{
  Columns columns;
  guint first = tarmac_sheet_mapping_get_first_row (mapping);

  if (tarmac_sheet_mapping_get_carrier (mapping) != NULL)
    return g_strdup (tarmac_sheet_mapping_get_carrier (mapping));

  find_columns (mapping, &columns);
  for (guint r = first; r < sheet->rows->len && r < first + 5; r++)
    {
      g_autofree char *problem = NULL;
      g_autofree char *carrier = NULL;
      g_autofree char *number = NULL;
      g_autofree char *value = NULL;

      if (columns.columns[TARMAC_SHEET_FIELD_CARRIER] >= 0 &&
          (value = _tarmac_sheet_mapping_read_cell (mapping, TARMAC_SHEET_FIELD_CARRIER,
                                                    tarmac_sheet_get_cell (sheet, r, columns.columns[TARMAC_SHEET_FIELD_CARRIER]),
                                                    &problem)) != NULL)
        return g_steal_pointer (&value);
      if (columns.columns[TARMAC_SHEET_FIELD_FLIGHT] >= 0 &&
          _tarmac_sheet_read_flight (tarmac_sheet_get_cell (sheet, r, columns.columns[TARMAC_SHEET_FIELD_FLIGHT]),
                                     &carrier, &number) && carrier != NULL)
        return g_steal_pointer (&carrier);
    }
  return NULL;
}

/**
 * tarmac_import_propose_mapping:
 * @store: the database, where mappings are remembered
 * @sheet: a sheet from tarmac_import_read_sheet()
 * @error: return location for a #GError (a database error)
 *
 * The mapping Tarmac would use for @sheet: the mapper's proposal, with the columns and
 * date order of the mapping remembered for this airline and layout when there is one
 * (tarmac_sheet_mapping_get_remembered() then says so). A layout with header names is
 * recognised from any airline when the file does not name its own.
 *
 * Returns: (transfer full): the mapping, or %NULL on a database error
 */
TarmacSheetMapping *
tarmac_import_propose_mapping (TarmacStore        *store,
                               const TarmacSheet  *sheet,
                               GError            **error)
{
  g_autoptr(TarmacSheetMapping) mapping = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *carrier = NULL;
  const char *signature;
  int rc;

  g_return_val_if_fail (TARMAC_IS_STORE (store), NULL);
  g_return_val_if_fail (sheet != NULL, NULL);

  mapping = tarmac_sheet_mapping_propose (sheet);
  signature = tarmac_sheet_mapping_get_signature (mapping);
  carrier = sheet_carrier (mapping, sheet);

  if (carrier != NULL)
    stmt = _tarmac_store_prepare (store,
                                  "SELECT mapping FROM sheet_mapping"
                                  " WHERE signature = ?1 AND carrier = ?2", error);
  else if (!g_str_has_prefix (signature, "columns:"))
    stmt = _tarmac_store_prepare (store,
                                  "SELECT mapping FROM sheet_mapping WHERE signature = ?1"
                                  " ORDER BY updated_at DESC LIMIT 1", error);
  else
    return g_steal_pointer (&mapping);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, signature, -1, SQLITE_TRANSIENT);
  if (carrier != NULL)
    sqlite3_bind_text (stmt, 2, carrier, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      g_autoptr(GError) json_error = NULL;

      /* A remembered mapping that no longer fits is ignored: the proposal stands. */
      if (!tarmac_sheet_mapping_apply_json (mapping, _tarmac_store_column_text (stmt, 0),
                                            &json_error))
        g_debug ("remembered mapping not used: %s", json_error->message);
    }
  else if (rc != SQLITE_DONE)
    {
      _tarmac_store_set_error (store, rc, error);
      return NULL;
    }

  return g_steal_pointer (&mapping);
}

static gboolean
remember_mapping (TarmacStore         *store,
                  const char          *carrier,
                  TarmacSheetMapping  *mapping,
                  const char          *now,
                  GError             **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *json = tarmac_sheet_mapping_to_json (mapping);
  const char *signature = tarmac_sheet_mapping_get_signature (mapping);

  if (carrier == NULL || *signature == '\0' || strlen (signature) > 16384)
    return TRUE;

  stmt = _tarmac_store_prepare (store,
                                "INSERT INTO sheet_mapping (carrier, signature, mapping,"
                                " created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?4)"
                                " ON CONFLICT (carrier, signature) DO UPDATE"
                                " SET mapping = excluded.mapping,"
                                "     updated_at = excluded.updated_at",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, carrier, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, signature, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, json, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, now, -1, SQLITE_TRANSIENT);
  return _tarmac_store_step_done (store, stmt, error);
}

/* One row's cell read as @field; problems become warnings at the cell. */
static char *
row_value (TarmacSheetMapping *mapping,
           const TarmacSheet  *sheet,
           const Columns      *columns,
           guint               row,
           TarmacSheetField    field,
           TarmacImportReport *report)
{
  g_autofree char *problem = NULL;
  int column = columns->columns[field];
  char *value;

  if (column < 0)
    return NULL;

  value = _tarmac_sheet_mapping_read_cell (mapping, field,
                                           tarmac_sheet_get_cell (sheet, row, column), &problem);
  if (problem != NULL)
    _tarmac_import_add_warning (report, "bad-value", problem, 0,
                                g_array_index (sheet->row_numbers, guint, row),
                                (guint) column + 1);
  return value;
}

/* The flight number as API manifests write it, four digits ("0702", "0055A"). */
static char *
pad_flight_number (const char *number)
{
  gsize digits = strspn (number, "0123456789");

  if (digits >= 4)
    return g_strdup (number);
  return g_strdup_printf ("%.*s%s", (int) (4 - digits), "0000", number);
}

typedef struct
{
  char *carrier;
  char *number;
  char *date;
  char *origin;
  char *destination;
} RowFlight;

static void
row_flight_clear (RowFlight *flight)
{
  g_clear_pointer (&flight->carrier, g_free);
  g_clear_pointer (&flight->number, g_free);
  g_clear_pointer (&flight->date, g_free);
  g_clear_pointer (&flight->origin, g_free);
  g_clear_pointer (&flight->destination, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RowFlight, row_flight_clear)

static gboolean
read_row_flight (TarmacSheetMapping  *mapping,
                 const TarmacSheet   *sheet,
                 const Columns       *columns,
                 guint                row,
                 TarmacImportReport  *report,
                 RowFlight           *flight,
                 GError             **error)
{
  g_autofree char *designator = row_value (mapping, sheet, columns, row,
                                           TARMAC_SHEET_FIELD_FLIGHT, report);
  g_autofree char *carrier = row_value (mapping, sheet, columns, row,
                                        TARMAC_SHEET_FIELD_CARRIER, report);
  guint row_number = g_array_index (sheet->row_numbers, guint, row);

  if (designator != NULL)
    {
      g_autofree char *from_designator = NULL;

      _tarmac_sheet_read_flight (designator, &from_designator, &flight->number);
      flight->carrier = g_strdup (from_designator != NULL ? from_designator : carrier);
    }
  else
    flight->carrier = g_strdup (carrier);
  if (flight->carrier == NULL)
    flight->carrier = g_strdup (tarmac_sheet_mapping_get_carrier (mapping));
  if (flight->number == NULL)
    flight->number = g_strdup (tarmac_sheet_mapping_get_flight_number (mapping));

  flight->date = row_value (mapping, sheet, columns, row, TARMAC_SHEET_FIELD_FLIGHT_DATE, report);
  if (flight->date == NULL)
    flight->date = g_strdup (tarmac_sheet_mapping_get_flight_date (mapping));

  flight->origin = g_strdup (tarmac_sheet_mapping_get_origin (mapping));
  flight->destination = g_strdup (tarmac_sheet_mapping_get_destination (mapping));
  if (flight->origin == NULL)
    flight->origin = row_value (mapping, sheet, columns, row, TARMAC_SHEET_FIELD_EMBARKATION, NULL);
  if (flight->destination == NULL)
    flight->destination = row_value (mapping, sheet, columns, row, TARMAC_SHEET_FIELD_DEBARKATION,
                                     NULL);

  if (flight->carrier == NULL || flight->number == NULL)
    {
      set_row_error (error, report->name, row_number,
                     _("the row names no flight (airline and number); state the flight"));
      return FALSE;
    }
  if (flight->date == NULL)
    {
      set_row_error (error, report->name, row_number,
                     _("the row gives no flight date; state the flight"));
      return FALSE;
    }
  return TRUE;
}

static void
add_traveller (TarmacPaxlstMessage *message,
               TarmacSheetMapping  *mapping,
               const TarmacSheet   *sheet,
               const Columns       *columns,
               guint                row,
               char                *surname,
               char                *given_names,
               TarmacImportReport  *report)
{
  TarmacPaxlstTraveller *traveller = tarmac_paxlst_message_add_traveller (message);
  g_autofree char *kind = row_value (mapping, sheet, columns, row, TARMAC_SHEET_FIELD_KIND, report);
  g_autofree char *bags = row_value (mapping, sheet, columns, row, TARMAC_SHEET_FIELD_BAGS, report);
  g_autofree char *weight = row_value (mapping, sheet, columns, row, TARMAC_SHEET_FIELD_BAG_WEIGHT,
                                       report);
  g_autofree char *number = row_value (mapping, sheet, columns, row,
                                       TARMAC_SHEET_FIELD_DOCUMENT_NUMBER, report);
  g_autofree char *type = row_value (mapping, sheet, columns, row,
                                     TARMAC_SHEET_FIELD_DOCUMENT_TYPE, report);
  g_autofree char *issuer = row_value (mapping, sheet, columns, row,
                                       TARMAC_SHEET_FIELD_DOCUMENT_ISSUER, report);
  g_autofree char *expiry = row_value (mapping, sheet, columns, row,
                                       TARMAC_SHEET_FIELD_DOCUMENT_EXPIRY, report);

  traveller->line = g_array_index (sheet->row_numbers, guint, row);
  traveller->surname = surname;
  traveller->surname_raw = g_strdup (surname);
  traveller->given_names = given_names;
  traveller->given_names_raw = g_strdup (given_names);
  traveller->kind = g_strcmp0 (kind, "crew") == 0 ? TARMAC_PAXLST_TRAVELLER_CREW
                                                  : TARMAC_PAXLST_TRAVELLER_PASSENGER;
  traveller->sex = row_value (mapping, sheet, columns, row, TARMAC_SHEET_FIELD_SEX, report);
  traveller->date_of_birth = row_value (mapping, sheet, columns, row,
                                        TARMAC_SHEET_FIELD_DATE_OF_BIRTH, report);
  traveller->date_of_birth_raw = g_strdup (traveller->date_of_birth);
  traveller->nationality = row_value (mapping, sheet, columns, row,
                                      TARMAC_SHEET_FIELD_NATIONALITY, report);
  traveller->residence = row_value (mapping, sheet, columns, row, TARMAC_SHEET_FIELD_RESIDENCE,
                                    report);
  traveller->birthplace = row_value (mapping, sheet, columns, row, TARMAC_SHEET_FIELD_BIRTHPLACE,
                                     report);
  traveller->embarkation = row_value (mapping, sheet, columns, row,
                                      TARMAC_SHEET_FIELD_EMBARKATION, report);
  traveller->debarkation = row_value (mapping, sheet, columns, row,
                                      TARMAC_SHEET_FIELD_DEBARKATION, report);
  traveller->seat = row_value (mapping, sheet, columns, row, TARMAC_SHEET_FIELD_SEAT, report);
  traveller->booking_reference = row_value (mapping, sheet, columns, row,
                                            TARMAC_SHEET_FIELD_BOOKING_REFERENCE, report);
  if (bags != NULL)
    traveller->bag_count = atoi (bags);
  if (weight != NULL)
    {
      traveller->bag_weight = g_ascii_strtod (weight, NULL);
      traveller->bag_weight_unit = g_strdup ("KGM");
    }

  if (number != NULL)
    {
      TarmacPaxlstTravelDocument *document = tarmac_paxlst_traveller_add_document (traveller);

      document->number = g_steal_pointer (&number);
      document->type = g_steal_pointer (&type);
      document->issuing_state = g_steal_pointer (&issuer);
      document->expiry = g_steal_pointer (&expiry);
      document->expiry_raw = g_strdup (document->expiry);
    }
}

/* The sheet's rows as PAXLST messages, one per flight, in the order flights appear. */
static GPtrArray *
build_messages (TarmacSheetMapping  *mapping,
                const TarmacSheet   *sheet,
                TarmacImportReport  *report,
                GError             **error)
{
  g_autoptr(GPtrArray) messages = NULL;
  g_autoptr(GHashTable) by_flight = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                           NULL);
  Columns columns;

  messages = g_ptr_array_new_with_free_func ((GDestroyNotify) tarmac_paxlst_message_free);
  find_columns (mapping, &columns);

  for (guint r = tarmac_sheet_mapping_get_first_row (mapping); r < sheet->rows->len; r++)
    {
      g_auto(RowFlight) flight = { 0 };
      g_autofree char *key = NULL;
      g_autofree char *surname = NULL;
      g_autofree char *given_names = NULL;
      guint row_number = g_array_index (sheet->row_numbers, guint, r);
      TarmacPaxlstMessage *message;

      if (columns.columns[TARMAC_SHEET_FIELD_SURNAME] >= 0)
        {
          surname = row_value (mapping, sheet, &columns, r, TARMAC_SHEET_FIELD_SURNAME, report);
          given_names = row_value (mapping, sheet, &columns, r, TARMAC_SHEET_FIELD_GIVEN_NAMES,
                                   report);
        }
      if (surname == NULL && columns.columns[TARMAC_SHEET_FIELD_FULL_NAME] >= 0)
        {
          g_autofree char *full = _tarmac_sheet_trim (tarmac_sheet_get_cell (sheet, r, columns.columns[TARMAC_SHEET_FIELD_FULL_NAME]));

          g_clear_pointer (&given_names, g_free);
          _tarmac_sheet_split_name (full, &surname, &given_names);
        }
      if (surname == NULL || *surname == '\0')
        {
          /* A totals line, a footer, a row of notes. */
          _tarmac_import_add_warning (report, "skipped-row",
                                      _("The row has no surname; it was not imported"), 0,
                                      row_number, 0);
          continue;
        }

      if (!read_row_flight (mapping, sheet, &columns, r, report, &flight, error))
        return NULL;

      key = g_strdup_printf ("%s|%s|%s|%s", flight.carrier, flight.number, flight.date,
                             flight.origin != NULL ? flight.origin : "");
      if ((message = g_hash_table_lookup (by_flight, key)) == NULL)
        {
          TarmacPaxlstLeg *leg;

          message = tarmac_paxlst_message_new ();
          message->carrier = g_strdup (flight.carrier);
          message->flight_number = g_strdup (flight.number);
          message->flight_id = g_strconcat (flight.carrier, flight.number, NULL);
          message->document_type = TARMAC_PAXLST_DOCUMENT_TYPE_PASSENGERS;
          message->line = row_number;
          leg = tarmac_paxlst_message_add_leg (message);
          leg->carrier = g_strdup (flight.carrier);
          leg->flight_number = g_strdup (flight.number);
          leg->departure_airport = g_strdup (flight.origin);
          leg->departure_qualifier = g_strdup ("125");
          leg->departure_time = g_strdup (flight.date);
          leg->arrival_airport = g_strdup (flight.destination);
          leg->arrival_qualifier = g_strdup ("87");
          leg->line = row_number;
          g_ptr_array_add (messages, message);
          g_hash_table_insert (by_flight, g_steal_pointer (&key), message);
        }

      add_traveller (message, mapping, sheet, &columns, r, g_steal_pointer (&surname),
                     g_steal_pointer (&given_names), report);
    }

  if (messages->len == 0)
    {
      g_set_error (error, TARMAC_IMPORT_ERROR, TARMAC_IMPORT_ERROR_INVALID,
                   _("%s: no row names a traveller"), report->name);
      return NULL;
    }
  return g_steal_pointer (&messages);
}

/* A flight already in the database (from a PAXLST or a PNR) gives the number as it was
 * stored ("0702" or "702") and the airports a spreadsheet often leaves out. */
static gboolean
resolve_flight (Import               *import,
                TarmacPaxlstMessage  *message,
                GError              **error)
{
  TarmacPaxlstLeg *leg = g_ptr_array_index (message->legs, 0);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = _tarmac_store_prepare (import->store,
                                "SELECT number, origin, destination FROM flight"
                                " WHERE carrier = ?1 AND flight_date = ?2"
                                "   AND ltrim (number, '0') = ltrim (?3, '0')"
                                "   AND (?4 IS NULL OR origin = ?4)"
                                " ORDER BY id LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, message->carrier, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, leg->departure_time, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, message->flight_number, -1, SQLITE_TRANSIENT);
  _tarmac_import_bind_text (stmt, 4, leg->departure_airport);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      g_free (message->flight_number);
      message->flight_number = g_strdup (_tarmac_store_column_text (stmt, 0));
      if (leg->departure_airport == NULL)
        leg->departure_airport = g_strdup (_tarmac_store_column_text (stmt, 1));
      if (leg->arrival_airport == NULL)
        leg->arrival_airport = g_strdup (_tarmac_store_column_text (stmt, 2));
    }
  else if (rc == SQLITE_DONE)
    {
      g_autofree char *padded = pad_flight_number (message->flight_number);

      g_free (message->flight_number);
      message->flight_number = g_steal_pointer (&padded);
    }
  else
    {
      _tarmac_store_set_error (import->store, rc, error);
      return FALSE;
    }

  if (leg->departure_airport == NULL || leg->arrival_airport == NULL)
    {
      g_autofree char *what = g_strdup_printf (_("the flight %s%s of %s has no departure or "
                                                 "arrival airport; state them with the "
                                                 "flight"),
                                               message->carrier, message->flight_number,
                                               leg->departure_time);

      set_row_error (error, import->report->name, message->line, what);
      return FALSE;
    }
  return TRUE;
}

gboolean
_tarmac_import_sheet (TarmacStore         *store,
                      const char          *name,
                      const guint8        *data,
                      gsize                length,
                      TarmacFileFormat     format,
                      TarmacSheetMapping  *chosen,
                      TarmacImportReport  *report,
                      GCancellable        *cancellable,
                      GError             **error)
{
  g_auto(Import) import = { 0 };
  g_autoptr(TarmacSheet) sheet = NULL;
  g_autoptr(TarmacSheetMapping) mapping = NULL;
  g_autoptr(GPtrArray) messages = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *type = format == TARMAC_FILE_FORMAT_XLSX ? "XLSX" : "CSV";

  if ((sheet = tarmac_import_read_sheet (name, data, length, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < sheet->warnings->len; i++)
    {
      const TarmacSheetWarning *warning = g_ptr_array_index (sheet->warnings, i);

      _tarmac_import_add_warning (report, warning->code, warning->message, 0, warning->row,
                                  warning->column);
    }

  if (chosen != NULL)
    {
      if (tarmac_sheet_mapping_get_n_columns (chosen) != sheet->n_columns)
        {
          g_set_error (error, TARMAC_IMPORT_ERROR, TARMAC_IMPORT_ERROR_INVALID,
                       _("%s: the column mapping is for %u columns, the file has %u"), name,
                       tarmac_sheet_mapping_get_n_columns (chosen), sheet->n_columns);
          return FALSE;
        }
      mapping = tarmac_sheet_mapping_ref (chosen);
    }
  else if ((mapping = tarmac_import_propose_mapping (store, sheet, error)) == NULL)
    return FALSE;

  if (!tarmac_sheet_mapping_validate (mapping, sheet, &local_error))
    {
      /* Translators: "manifest.csv: the reason" */
      g_set_error (error, TARMAC_IMPORT_ERROR, TARMAC_IMPORT_ERROR_INVALID, _("%s: %s"), name,
                   local_error->message);
      return FALSE;
    }
  if (tarmac_sheet_mapping_get_dates_ambiguous (mapping))
    _tarmac_import_add_warning (report, "ambiguous-dates",
                                _("Every date in the file reads both day first and month "
                                  "first; they were read day first. State the order if "
                                  "that is wrong."), 0, 0, 0);

  if ((messages = build_messages (mapping, sheet, report, error)) == NULL)
    return FALSE;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  import.store = store;
  import.report = report;
  import.airport = tarmac_store_get_meta (store, "airport-code");
  import.now = _tarmac_store_now ();
  import.retain_until = _tarmac_store_retain_until (store);
  import.flight_ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  import.sets = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                       (GDestroyNotify) _tarmac_import_part_set_free);

  if (!tarmac_store_begin (store, error))
    return FALSE;

  for (guint i = 0; i < messages->len; i++)
    if (!resolve_flight (&import, g_ptr_array_index (messages, i), error))
      {
        tarmac_store_rollback (store);
        return FALSE;
      }

  /* As for PAXLST: the commit brings the name index up to date. */
  if (!_tarmac_import_write_paxlst (&import, messages, type, length, cancellable, error) ||
      (chosen != NULL &&
       !remember_mapping (store, ((TarmacPaxlstMessage *) g_ptr_array_index (messages, 0))->carrier,
                          mapping, import.now, error)))
    {
      tarmac_store_rollback (store);
      return FALSE;
    }

  if (!tarmac_store_commit (store, error))
    return FALSE;

  report->result = TARMAC_IMPORT_RESULT_IMPORTED;
  return TRUE;
}
