/* tarmac-sheet-mapping.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-sheet-mapping"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "tarmac-sheet-private.h"

/* Which field each column of a spreadsheet holds, where the data starts, how dates are
 * written and which flight it is: proposed by the mapper (tarmac-sheet-mapper.c),
 * corrected by the officer in the preview or with tarmac-cli's --map and --flight, and
 * remembered per airline as JSON (tarmac-importer-sheet.c). A boxed, reference-counted
 * value so the app can hand it between threads and widgets. */

struct _TarmacSheetMapping
{
  gatomicrefcount       ref_count;
  GArray               *fields;           /* of TarmacSheetField, one per column */
  int                   header_row;       /* index into the sheet's rows, -1 for none */
  guint                 first_row;        /* the first data row (an index) */
  TarmacSheetDateOrder  date_order;
  gboolean              dates_ambiguous;
  gboolean              remembered;
  char                 *carrier;
  char                 *number;
  char                 *date;
  char                 *origin;
  char                 *destination;
  char                 *signature;
};

G_DEFINE_BOXED_TYPE (TarmacSheetMapping, tarmac_sheet_mapping,
                     tarmac_sheet_mapping_ref, tarmac_sheet_mapping_unref)

static const struct
{
  const char *id;
  const char *label;
} fields[TARMAC_SHEET_N_FIELDS] = {
  { "ignore", N_("Ignore") },
  { "surname", N_("Surname") },
  { "given-names", N_("Given names") },
  { "full-name", N_("Full name") },
  { "date-of-birth", N_("Date of birth") },
  { "sex", N_("Sex") },
  { "nationality", N_("Nationality") },
  { "document-number", N_("Document number") },
  { "document-type", N_("Document type") },
  { "document-issuer", N_("Document issuing state") },
  { "document-expiry", N_("Document expiry") },
  { "seat", N_("Seat") },
  { "booking-reference", N_("Booking reference") },
  { "bags", N_("Bags") },
  { "bag-weight", N_("Bag weight") },
  { "kind", N_("Crew or passenger") },
  { "residence", N_("Country of residence") },
  { "birthplace", N_("Place of birth") },
  { "embarkation", N_("Boarding airport") },
  { "debarkation", N_("Arrival airport") },
  { "carrier", N_("Airline") },
  { "flight", N_("Flight") },
  { "flight-date", N_("Flight date") },
};

const char *
tarmac_sheet_field_to_id (TarmacSheetField field)
{
  g_return_val_if_fail (field < TARMAC_SHEET_N_FIELDS, "ignore");

  return fields[field].id;
}

gboolean
tarmac_sheet_field_from_id (const char       *id,
                            TarmacSheetField *field)
{
  for (guint i = 0; i < TARMAC_SHEET_N_FIELDS; i++)
    if (g_strcmp0 (id, fields[i].id) == 0)
      {
        *field = i;
        return TRUE;
      }
  return FALSE;
}

const char *
tarmac_sheet_field_get_label (TarmacSheetField field)
{
  g_return_val_if_fail (field < TARMAC_SHEET_N_FIELDS, "");

  return _(fields[field].label);
}

const char *
tarmac_sheet_date_order_to_id (TarmacSheetDateOrder order)
{
  switch (order)
    {
    case TARMAC_SHEET_DATE_ORDER_DMY:
      return "dmy";
    case TARMAC_SHEET_DATE_ORDER_MDY:
      return "mdy";
    case TARMAC_SHEET_DATE_ORDER_YMD:
      return "ymd";
    case TARMAC_SHEET_DATE_ORDER_AUTO:
    default:
      return "auto";
    }
}

TarmacSheetMapping *
tarmac_sheet_mapping_new (guint n_columns)
{
  TarmacSheetMapping *self = g_new0 (TarmacSheetMapping, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->fields = g_array_new (FALSE, TRUE, sizeof (TarmacSheetField));
  g_array_set_size (self->fields, n_columns);
  self->header_row = -1;
  return self;
}

/**
 * tarmac_sheet_mapping_propose:
 * @sheet: a sheet
 *
 * The mapper's proposal: the header row and each column's field from header names in
 * English, French, Spanish and Portuguese, or from the cells' content; the date order;
 * the flight from a title row or from columns.
 *
 * Returns: (transfer full): a new mapping
 */
TarmacSheetMapping *
tarmac_sheet_mapping_propose (const TarmacSheet *sheet)
{
  TarmacSheetMapping *self;

  g_return_val_if_fail (sheet != NULL, NULL);

  self = tarmac_sheet_mapping_new (sheet->n_columns);
  _tarmac_sheet_mapping_detect (self, sheet);
  return self;
}

TarmacSheetMapping *
tarmac_sheet_mapping_copy (TarmacSheetMapping *self)
{
  TarmacSheetMapping *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = tarmac_sheet_mapping_new (self->fields->len);
  memcpy (copy->fields->data, self->fields->data,
          self->fields->len * sizeof (TarmacSheetField));
  copy->header_row = self->header_row;
  copy->first_row = self->first_row;
  copy->date_order = self->date_order;
  copy->dates_ambiguous = self->dates_ambiguous;
  copy->remembered = self->remembered;
  copy->carrier = g_strdup (self->carrier);
  copy->number = g_strdup (self->number);
  copy->date = g_strdup (self->date);
  copy->origin = g_strdup (self->origin);
  copy->destination = g_strdup (self->destination);
  copy->signature = g_strdup (self->signature);
  return copy;
}

TarmacSheetMapping *
tarmac_sheet_mapping_ref (TarmacSheetMapping *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
tarmac_sheet_mapping_unref (TarmacSheetMapping *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_array_unref (self->fields);
  g_free (self->carrier);
  g_free (self->number);
  g_free (self->date);
  g_free (self->origin);
  g_free (self->destination);
  g_free (self->signature);
  g_free (self);
}

guint
tarmac_sheet_mapping_get_n_columns (TarmacSheetMapping *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->fields->len;
}

TarmacSheetField
tarmac_sheet_mapping_get_field (TarmacSheetMapping *self,
                                guint               column)
{
  g_return_val_if_fail (self != NULL, TARMAC_SHEET_FIELD_IGNORE);

  if (column >= self->fields->len)
    return TARMAC_SHEET_FIELD_IGNORE;
  return g_array_index (self->fields, TarmacSheetField, column);
}

/**
 * tarmac_sheet_mapping_set_field:
 * @self: a mapping
 * @column: a 0-based column
 * @field: what it holds
 *
 * A field other than %TARMAC_SHEET_FIELD_IGNORE belongs to one column: another column
 * that had it is set to ignore.
 */
void
tarmac_sheet_mapping_set_field (TarmacSheetMapping *self,
                                guint               column,
                                TarmacSheetField    field)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (column < self->fields->len);
  g_return_if_fail (field < TARMAC_SHEET_N_FIELDS);

  if (field != TARMAC_SHEET_FIELD_IGNORE)
    for (guint i = 0; i < self->fields->len; i++)
      if (g_array_index (self->fields, TarmacSheetField, i) == field)
        g_array_index (self->fields, TarmacSheetField, i) = TARMAC_SHEET_FIELD_IGNORE;
  g_array_index (self->fields, TarmacSheetField, column) = field;
}

int
tarmac_sheet_mapping_get_header_row (TarmacSheetMapping *self)
{
  g_return_val_if_fail (self != NULL, -1);

  return self->header_row;
}

guint
tarmac_sheet_mapping_get_first_row (TarmacSheetMapping *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->first_row;
}

void
tarmac_sheet_mapping_set_rows (TarmacSheetMapping *self,
                               int                 header_row,
                               guint               first_row)
{
  g_return_if_fail (self != NULL);

  self->header_row = header_row;
  self->first_row = first_row;
}

TarmacSheetDateOrder
tarmac_sheet_mapping_get_date_order (TarmacSheetMapping *self)
{
  g_return_val_if_fail (self != NULL, TARMAC_SHEET_DATE_ORDER_AUTO);

  return self->date_order;
}

void
tarmac_sheet_mapping_set_date_order (TarmacSheetMapping   *self,
                                     TarmacSheetDateOrder  order)
{
  g_return_if_fail (self != NULL);

  self->date_order = order;
}

/**
 * tarmac_sheet_mapping_get_dates_ambiguous:
 * @self: a mapping
 *
 * Returns: %TRUE when every date in the file reads both day first and month first, so
 *   the mapper could only guess (day first); the officer should state the order
 */
gboolean
tarmac_sheet_mapping_get_dates_ambiguous (TarmacSheetMapping *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->dates_ambiguous && self->date_order == TARMAC_SHEET_DATE_ORDER_AUTO;
}

static void
set_text (char       **field,
          const char  *value,
          gboolean     upper)
{
  g_autofree char *trimmed = value != NULL ? _tarmac_sheet_trim (value) : NULL;

  g_clear_pointer (field, g_free);
  if (trimmed != NULL && *trimmed != '\0')
    *field = upper ? g_ascii_strup (trimmed, -1) : g_steal_pointer (&trimmed);
}

/**
 * tarmac_sheet_mapping_set_flight:
 * @self: a mapping
 * @carrier: (nullable): the airline designator, "AF"
 * @number: (nullable): the flight number, "702"
 * @date: (nullable): the flight's date, ISO "2026-11-22"
 * @origin: (nullable): the departure airport, "CDG"
 * @destination: (nullable): the arrival airport, "LFW"
 *
 * The flight every row belongs to (rows with flight columns override it). %NULL or ""
 * clears a part.
 */
void
tarmac_sheet_mapping_set_flight (TarmacSheetMapping *self,
                                 const char         *carrier,
                                 const char         *number,
                                 const char         *date,
                                 const char         *origin,
                                 const char         *destination)
{
  g_return_if_fail (self != NULL);

  set_text (&self->carrier, carrier, TRUE);
  set_text (&self->number, number, TRUE);
  set_text (&self->date, date, FALSE);
  /* Typed as the file writes dates: kept as ISO, or dropped when unreadable. */
  if (self->date != NULL)
    {
      char *iso = _tarmac_sheet_read_date (self->date, self->date_order, FALSE);

      g_free (self->date);
      self->date = iso;
    }
  set_text (&self->origin, origin, TRUE);
  set_text (&self->destination, destination, TRUE);
  /* "0702" and "702" are the same flight. */
  while (self->number != NULL && self->number[0] == '0' && g_ascii_isdigit (self->number[1]))
    memmove (self->number, self->number + 1, strlen (self->number));
}

const char *
tarmac_sheet_mapping_get_carrier (TarmacSheetMapping *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->carrier;
}

const char *
tarmac_sheet_mapping_get_flight_number (TarmacSheetMapping *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->number;
}

const char *
tarmac_sheet_mapping_get_flight_date (TarmacSheetMapping *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->date;
}

const char *
tarmac_sheet_mapping_get_origin (TarmacSheetMapping *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->origin;
}

const char *
tarmac_sheet_mapping_get_destination (TarmacSheetMapping *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->destination;
}

/**
 * tarmac_sheet_mapping_get_signature:
 * @self: a mapping
 *
 * Returns: what identifies the layout of the file the mapping was proposed for: its
 *   header names folded, or the column count for a file without headers
 */
const char *
tarmac_sheet_mapping_get_signature (TarmacSheetMapping *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->signature != NULL ? self->signature : "";
}

/**
 * tarmac_sheet_mapping_get_remembered:
 * @self: a mapping
 *
 * Returns: %TRUE when the columns come from a mapping remembered for this airline
 */
gboolean
tarmac_sheet_mapping_get_remembered (TarmacSheetMapping *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->remembered;
}

void
_tarmac_sheet_mapping_set_detected (TarmacSheetMapping *self,
                                    const char         *signature,
                                    gboolean            dates_ambiguous)
{
  g_free (self->signature);
  self->signature = g_strdup (signature);
  self->dates_ambiguous = dates_ambiguous;
}

/**
 * tarmac_sheet_mapping_to_json:
 * @self: a mapping
 *
 * The part of a mapping worth remembering for the next file of the same layout: the
 * field of each column and the date order (not the flight, which changes every day).
 *
 * Returns: (transfer full): a JSON object as text
 */
char *
tarmac_sheet_mapping_to_json (TarmacSheetMapping *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "columns");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->fields->len; i++)
    json_builder_add_string_value (builder,
                                   tarmac_sheet_field_to_id (tarmac_sheet_mapping_get_field (self, i)));
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "date_order");
  json_builder_add_string_value (builder, tarmac_sheet_date_order_to_id (self->date_order));
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

/**
 * tarmac_sheet_mapping_apply_json:
 * @self: a mapping
 * @json: what tarmac_sheet_mapping_to_json() wrote
 * @error: return location for a #GError
 *
 * Takes the columns and the date order from @json (a remembered mapping). The column
 * count must match.
 *
 * Returns: %TRUE when applied
 */
gboolean
tarmac_sheet_mapping_apply_json (TarmacSheetMapping  *self,
                                 const char          *json,
                                 GError             **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *object;
  JsonArray *columns;
  const char *order;

  g_return_val_if_fail (self != NULL, FALSE);

  if (!json_parser_load_from_data (parser, json, -1, error))
    return FALSE;
  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)) ||
      (object = json_node_get_object (json_parser_get_root (parser))) == NULL ||
      !json_object_has_member (object, "columns") ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, "columns")))
    {
      g_set_error_literal (error, TARMAC_SHEET_ERROR, TARMAC_SHEET_ERROR_CORRUPT,
                           _("The remembered column mapping is not readable"));
      return FALSE;
    }

  columns = json_object_get_array_member (object, "columns");
  if (json_array_get_length (columns) != self->fields->len)
    {
      g_set_error_literal (error, TARMAC_SHEET_ERROR, TARMAC_SHEET_ERROR_CORRUPT,
                           _("The remembered column mapping is for another number of "
                             "columns"));
      return FALSE;
    }

  for (guint i = 0; i < self->fields->len; i++)
    {
      TarmacSheetField field = TARMAC_SHEET_FIELD_IGNORE;
      JsonNode *node = json_array_get_element (columns, i);

      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
        tarmac_sheet_field_from_id (json_node_get_string (node), &field);
      g_array_index (self->fields, TarmacSheetField, i) = field;
    }

  order = json_object_get_string_member_with_default (object, "date_order", "auto");
  if (g_str_equal (order, "dmy"))
    self->date_order = TARMAC_SHEET_DATE_ORDER_DMY;
  else if (g_str_equal (order, "mdy"))
    self->date_order = TARMAC_SHEET_DATE_ORDER_MDY;
  else if (g_str_equal (order, "ymd"))
    self->date_order = TARMAC_SHEET_DATE_ORDER_YMD;

  self->remembered = TRUE;
  return TRUE;
}

/* "C", "AB": a spreadsheet column name; -1 otherwise. */
static int
column_from_letters (const char *text)
{
  int column = 0;
  gsize length = strlen (text);

  if (length == 0 || length > 2)
    return -1;
  for (const char *p = text; *p != '\0'; p++)
    {
      if (!g_ascii_isalpha (*p))
        return -1;
      column = column * 26 + (g_ascii_toupper (*p) - 'A' + 1);
    }
  return column - 1;
}

/**
 * tarmac_sheet_mapping_set_from_option:
 * @self: a mapping
 * @sheet: (nullable): the sheet, to find a column by its header
 * @option: "COLUMN=FIELD": COLUMN a header name, a letter ("C") or a 1-based number;
 *   FIELD a field id ("surname") or "ignore"; or "dates=dmy|mdy|ymd"
 * @error: return location for a #GError
 *
 * Returns: %TRUE when @option was understood and applied
 */
gboolean
tarmac_sheet_mapping_set_from_option (TarmacSheetMapping  *self,
                                      const TarmacSheet   *sheet,
                                      const char          *option,
                                      GError             **error)
{
  g_autofree char *column_text = NULL;
  g_autofree char *folded = NULL;
  const char *equals = strrchr (option, '=');
  const char *value;
  TarmacSheetField field;
  int column = -1;

  g_return_val_if_fail (self != NULL, FALSE);

  if (equals == NULL || equals == option || equals[1] == '\0')
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("“%s” is not COLUMN=FIELD"), option);
      return FALSE;
    }
  column_text = g_strndup (option, equals - option);
  value = equals + 1;

  if (g_ascii_strcasecmp (column_text, "dates") == 0)
    {
      if (g_ascii_strcasecmp (value, "dmy") == 0)
        self->date_order = TARMAC_SHEET_DATE_ORDER_DMY;
      else if (g_ascii_strcasecmp (value, "mdy") == 0)
        self->date_order = TARMAC_SHEET_DATE_ORDER_MDY;
      else if (g_ascii_strcasecmp (value, "ymd") == 0)
        self->date_order = TARMAC_SHEET_DATE_ORDER_YMD;
      else
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("“%s” is not a date order (dmy, mdy or ymd)"), value);
          return FALSE;
        }
      return TRUE;
    }

  if (!tarmac_sheet_field_from_id (value, &field))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("“%s” is not a field; the fields are listed in the README"), value);
      return FALSE;
    }

  /* A header name first: a column titled "A" is meant before column A. */
  folded = _tarmac_sheet_fold (column_text);
  if (sheet != NULL && self->header_row >= 0)
    for (guint i = 0; i < self->fields->len && column < 0; i++)
      {
        g_autofree char *header = _tarmac_sheet_fold (tarmac_sheet_get_cell (sheet,
                                                                             self->header_row,
                                                                             i));

        if (*header != '\0' && g_str_equal (header, folded))
          column = (int) i;
      }
  if (column < 0 && strspn (column_text, "0123456789") == strlen (column_text))
    column = (int) g_ascii_strtoull (column_text, NULL, 10) - 1;
  else if (column < 0)
    column = column_from_letters (column_text);

  if (column < 0 || (guint) column >= self->fields->len)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("The file has no column “%s”"), column_text);
      return FALSE;
    }

  tarmac_sheet_mapping_set_field (self, (guint) column, field);
  return TRUE;
}

static gboolean
is_airport (const char *text)
{
  return text != NULL && strlen (text) == 3 && g_ascii_isalpha (text[0]) &&
         g_ascii_isalpha (text[1]) && g_ascii_isalpha (text[2]);
}

char *
_tarmac_sheet_mapping_read_cell (TarmacSheetMapping  *self,
                                 TarmacSheetField     field,
                                 const char          *cell,
                                 char               **problem)
{
  g_autofree char *text = _tarmac_sheet_trim (cell);
  TarmacSheetDateOrder order = self->date_order;
  char *value = NULL;

  *problem = NULL;
  if (*text == '\0' || field == TARMAC_SHEET_FIELD_IGNORE)
    return NULL;

  switch (field)
    {
    case TARMAC_SHEET_FIELD_DATE_OF_BIRTH:
    case TARMAC_SHEET_FIELD_DOCUMENT_EXPIRY:
    case TARMAC_SHEET_FIELD_FLIGHT_DATE:
      value = _tarmac_sheet_read_date (text, order, field == TARMAC_SHEET_FIELD_DATE_OF_BIRTH);
      if (value == NULL)
        *problem = g_strdup_printf (_("“%s” is not a date"), text);
      break;

    case TARMAC_SHEET_FIELD_SEX:
      value = g_strdup (_tarmac_sheet_read_sex (text));
      if (value == NULL)
        *problem = g_strdup_printf (_("“%s” is not a sex (M, F or X)"), text);
      break;

    case TARMAC_SHEET_FIELD_NATIONALITY:
    case TARMAC_SHEET_FIELD_DOCUMENT_ISSUER:
    case TARMAC_SHEET_FIELD_RESIDENCE:
      value = _tarmac_sheet_read_country (text);
      if (value == NULL)
        *problem = g_strdup_printf (_("“%s” is not a country code"), text);
      break;

    case TARMAC_SHEET_FIELD_DOCUMENT_TYPE:
      value = _tarmac_sheet_read_document_type (text);
      if (value == NULL)
        *problem = g_strdup_printf (_("“%s” is not a document type"), text);
      break;

    case TARMAC_SHEET_FIELD_SEAT:
      value = _tarmac_sheet_read_seat (text);
      if (value == NULL)
        *problem = g_strdup_printf (_("“%s” is not a seat"), text);
      break;

    case TARMAC_SHEET_FIELD_BAGS:
      {
        int count = _tarmac_sheet_read_count (text);

        if (count >= 0)
          value = g_strdup_printf ("%d", count);
        else
          *problem = g_strdup_printf (_("“%s” is not a number of bags"), text);
      }
      break;

    case TARMAC_SHEET_FIELD_BAG_WEIGHT:
      {
        double kg = _tarmac_sheet_read_weight (text);

        if (kg >= 0)
          value = g_strdup_printf ("%.1f", kg);
        else
          *problem = g_strdup_printf (_("“%s” is not a weight"), text);
      }
      break;

    case TARMAC_SHEET_FIELD_KIND:
      {
        int crew = _tarmac_sheet_read_kind (text);

        if (crew >= 0)
          value = g_strdup (crew ? "crew" : "passenger");
        else
          *problem = g_strdup_printf (_("“%s” says neither crew nor passenger"), text);
      }
      break;

    case TARMAC_SHEET_FIELD_EMBARKATION:
    case TARMAC_SHEET_FIELD_DEBARKATION:
      if (is_airport (text))
        value = g_ascii_strup (text, -1);
      else
        *problem = g_strdup_printf (_("“%s” is not an airport code"), text);
      break;

    case TARMAC_SHEET_FIELD_CARRIER:
      if (strlen (text) >= 2 && strlen (text) <= 3 &&
          strspn (text, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789") ==
          strlen (text))
        value = g_ascii_strup (text, -1);
      else
        *problem = g_strdup_printf (_("“%s” is not an airline code"), text);
      break;

    case TARMAC_SHEET_FIELD_FLIGHT:
      {
        g_autofree char *carrier = NULL;
        g_autofree char *number = NULL;

        if (_tarmac_sheet_read_flight (text, &carrier, &number))
          value = g_strconcat (carrier != NULL ? carrier : "", number, NULL);
        else
          *problem = g_strdup_printf (_("“%s” is not a flight number"), text);
      }
      break;

    case TARMAC_SHEET_FIELD_FULL_NAME:
      {
        g_autofree char *surname = NULL;
        g_autofree char *given = NULL;

        if (_tarmac_sheet_split_name (text, &surname, &given))
          value = *given != '\0' ? g_strdup_printf ("%s / %s", surname, given)
                                 : g_steal_pointer (&surname);
      }
      break;

    case TARMAC_SHEET_FIELD_BOOKING_REFERENCE:
    case TARMAC_SHEET_FIELD_DOCUMENT_NUMBER:
      value = g_ascii_strup (text, -1);
      break;

    case TARMAC_SHEET_FIELD_SURNAME:
    case TARMAC_SHEET_FIELD_GIVEN_NAMES:
    case TARMAC_SHEET_FIELD_BIRTHPLACE:
    case TARMAC_SHEET_FIELD_IGNORE:
    case TARMAC_SHEET_N_FIELDS:
    default:
      value = g_steal_pointer (&text);
      break;
    }

  return value;
}

static gboolean
has_field (TarmacSheetMapping *self,
           TarmacSheetField    field)
{
  for (guint i = 0; i < self->fields->len; i++)
    if (g_array_index (self->fields, TarmacSheetField, i) == field)
      return TRUE;
  return FALSE;
}

/**
 * tarmac_sheet_mapping_validate:
 * @self: a mapping
 * @sheet: the sheet it maps
 * @error: return location for a #GError (%TARMAC_SHEET_ERROR_UNSUPPORTED) naming what
 *   is missing
 *
 * Whether the mapping can import @sheet: a name column, data rows, and a flight (airline,
 * number and date, from the mapping or from columns). Airports are checked by the
 * importer, which may find them on a flight already in the database.
 *
 * Returns: %TRUE when it can
 */
gboolean
tarmac_sheet_mapping_validate (TarmacSheetMapping  *self,
                               const TarmacSheet   *sheet,
                               GError             **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (sheet != NULL, FALSE);

  if (!has_field (self, TARMAC_SHEET_FIELD_SURNAME) &&
      !has_field (self, TARMAC_SHEET_FIELD_FULL_NAME))
    {
      g_set_error_literal (error, TARMAC_SHEET_ERROR, TARMAC_SHEET_ERROR_UNSUPPORTED,
                           _("No column holds the travellers’ surnames or full names"));
      return FALSE;
    }
  if (self->first_row >= sheet->rows->len)
    {
      g_set_error_literal (error, TARMAC_SHEET_ERROR, TARMAC_SHEET_ERROR_EMPTY,
                           _("The file has no rows of travellers below its header"));
      return FALSE;
    }
  if ((self->carrier == NULL || self->number == NULL) &&
      !has_field (self, TARMAC_SHEET_FIELD_FLIGHT))
    {
      g_set_error_literal (error, TARMAC_SHEET_ERROR, TARMAC_SHEET_ERROR_UNSUPPORTED,
                           _("The file does not name its flight (airline and number); "
                             "state the flight"));
      return FALSE;
    }
  if (self->date == NULL && !has_field (self, TARMAC_SHEET_FIELD_FLIGHT_DATE))
    {
      g_set_error_literal (error, TARMAC_SHEET_ERROR, TARMAC_SHEET_ERROR_UNSUPPORTED,
                           _("The file does not give its flight’s date; state the flight"));
      return FALSE;
    }
  return TRUE;
}

void
tarmac_sheet_preview_row_free (TarmacSheetPreviewRow *row)
{
  if (row == NULL)
    return;

  for (guint i = 0; row->cells[i] != NULL; i++)
    g_free (row->problems[i]);
  g_free (row->problems);
  g_strfreev (row->cells);
  g_strfreev (row->values);
  g_free (row);
}

/**
 * tarmac_sheet_mapping_preview:
 * @self: a mapping
 * @sheet: the sheet it maps
 * @max_rows: how many data rows
 *
 * The first data rows as they would be imported, with a problem for each cell that
 * cannot be read as its column's field.
 *
 * Returns: (transfer container) (element-type TarmacSheetPreviewRow): the rows
 */
GPtrArray *
tarmac_sheet_mapping_preview (TarmacSheetMapping *self,
                              const TarmacSheet  *sheet,
                              guint               max_rows)
{
  GPtrArray *rows;
  guint n_columns;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (sheet != NULL, NULL);

  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) tarmac_sheet_preview_row_free);
  n_columns = self->fields->len;

  for (guint r = self->first_row; r < sheet->rows->len && rows->len < max_rows; r++)
    {
      TarmacSheetPreviewRow *row = g_new0 (TarmacSheetPreviewRow, 1);

      row->row_number = g_array_index (sheet->row_numbers, guint, r);
      row->cells = g_new0 (char *, n_columns + 1);
      row->values = g_new0 (char *, n_columns + 1);
      /* Problems may be NULL between set ones: a plain array, freed cell by cell below. */
      row->problems = g_new0 (char *, n_columns + 1);
      for (guint c = 0; c < n_columns; c++)
        {
          const char *cell = tarmac_sheet_get_cell (sheet, r, c);
          char *value = _tarmac_sheet_mapping_read_cell (self, tarmac_sheet_mapping_get_field (self, c),
                                                         cell, &row->problems[c]);

          row->cells[c] = g_strdup (cell);
          row->values[c] = value != NULL ? value : g_strdup ("");
        }
      g_ptr_array_add (rows, row);
    }

  return rows;
}

/**
 * tarmac_sheet_mapping_set_flight_from_option:
 * @self: a mapping
 * @option: "CARRIER+NUMBER/DATE" with an optional "/ORIGIN-DESTINATION":
 *   "AF702/2026-11-22", "AF0702/2026-11-22/CDG-LFW"; the date is ISO, or day first with
 *   dots or dashes ("22.11.2026"), since slashes separate the parts
 * @error: return location for a #GError
 *
 * Sets the flight as tarmac-cli's --flight gives it; airports left out keep what the
 * file said.
 *
 * Returns: %TRUE when @option was understood
 */
gboolean
tarmac_sheet_mapping_set_flight_from_option (TarmacSheetMapping  *self,
                                             const char          *option,
                                             GError             **error)
{
  g_auto(GStrv) parts = NULL;
  g_autofree char *carrier = NULL;
  g_autofree char *number = NULL;
  g_autofree char *date = NULL;
  g_autofree char *origin = g_strdup (self->origin);
  g_autofree char *destination = g_strdup (self->destination);
  guint n;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (option != NULL, FALSE);

  parts = g_strsplit (option, "/", 3);
  n = g_strv_length (parts);
  if (n < 2 || !_tarmac_sheet_read_flight (parts[0], &carrier, &number) || carrier == NULL ||
      (date = _tarmac_sheet_read_date (parts[1], TARMAC_SHEET_DATE_ORDER_DMY, FALSE)) == NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("“%s” is not a flight: write it CARRIER+NUMBER/DATE, for example "
                     "AF702/2026-11-22, optionally followed by /ORIGIN-DESTINATION"), option);
      return FALSE;
    }
  if (n == 3)
    {
      g_auto(GStrv) airports = g_strsplit (parts[2], "-", 2);

      if (g_strv_length (airports) != 2 || !is_airport (airports[0]) ||
          !is_airport (airports[1]))
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("“%s” is not a route: write it ORIGIN-DESTINATION, for example "
                         "CDG-LFW"), parts[2]);
          return FALSE;
        }
      g_free (origin);
      g_free (destination);
      origin = g_strdup (airports[0]);
      destination = g_strdup (airports[1]);
    }

  tarmac_sheet_mapping_set_flight (self, carrier, number, date, origin, destination);
  return TRUE;
}
