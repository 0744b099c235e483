/* tarmac-sheet-mapping.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "tarmac-sheet.h"

G_BEGIN_DECLS

/**
 * TarmacSheetField:
 *
 * What a spreadsheet column holds. %TARMAC_SHEET_FIELD_FLIGHT is a designator ("AF0702",
 * or the number alone with %TARMAC_SHEET_FIELD_CARRIER); %TARMAC_SHEET_FIELD_FULL_NAME is
 * "SURNAME/GIVEN", "SURNAME, Given" or "Given SURNAME".
 */
typedef enum
{
  TARMAC_SHEET_FIELD_IGNORE,
  TARMAC_SHEET_FIELD_SURNAME,
  TARMAC_SHEET_FIELD_GIVEN_NAMES,
  TARMAC_SHEET_FIELD_FULL_NAME,
  TARMAC_SHEET_FIELD_DATE_OF_BIRTH,
  TARMAC_SHEET_FIELD_SEX,
  TARMAC_SHEET_FIELD_NATIONALITY,
  TARMAC_SHEET_FIELD_DOCUMENT_NUMBER,
  TARMAC_SHEET_FIELD_DOCUMENT_TYPE,
  TARMAC_SHEET_FIELD_DOCUMENT_ISSUER,
  TARMAC_SHEET_FIELD_DOCUMENT_EXPIRY,
  TARMAC_SHEET_FIELD_SEAT,
  TARMAC_SHEET_FIELD_BOOKING_REFERENCE,
  TARMAC_SHEET_FIELD_BAGS,
  TARMAC_SHEET_FIELD_BAG_WEIGHT,
  TARMAC_SHEET_FIELD_KIND,
  TARMAC_SHEET_FIELD_RESIDENCE,
  TARMAC_SHEET_FIELD_BIRTHPLACE,
  TARMAC_SHEET_FIELD_EMBARKATION,
  TARMAC_SHEET_FIELD_DEBARKATION,
  TARMAC_SHEET_FIELD_CARRIER,
  TARMAC_SHEET_FIELD_FLIGHT,
  TARMAC_SHEET_FIELD_FLIGHT_DATE,
  TARMAC_SHEET_N_FIELDS,
} TarmacSheetField;

/**
 * TarmacSheetDateOrder:
 * @TARMAC_SHEET_DATE_ORDER_AUTO: not decided: the dates read the same either way, or
 *   were read day first
 *
 * How "03/04/1980" is read. Dates with the year first or a month name need no order.
 */
typedef enum
{
  TARMAC_SHEET_DATE_ORDER_AUTO,
  TARMAC_SHEET_DATE_ORDER_DMY,
  TARMAC_SHEET_DATE_ORDER_MDY,
  TARMAC_SHEET_DATE_ORDER_YMD,
} TarmacSheetDateOrder;

#define TARMAC_TYPE_SHEET_MAPPING (tarmac_sheet_mapping_get_type ())

typedef struct _TarmacSheetMapping TarmacSheetMapping;

/**
 * TarmacSheetPreviewRow:
 * @row_number: the row's number in the file
 * @cells: the cells as written, one per column
 * @values: what each cell is read as for its field ("" when ignored or empty)
 * @problems: per column, a translated problem, or %NULL
 */
typedef struct
{
  guint   row_number;
  char  **cells;
  char  **values;
  char  **problems;
} TarmacSheetPreviewRow;

GType                 tarmac_sheet_mapping_get_type         (void) G_GNUC_CONST;

TarmacSheetMapping   *tarmac_sheet_mapping_new              (guint                  n_columns);
TarmacSheetMapping   *tarmac_sheet_mapping_propose          (const TarmacSheet     *sheet);
TarmacSheetMapping   *tarmac_sheet_mapping_copy             (TarmacSheetMapping    *self);
TarmacSheetMapping   *tarmac_sheet_mapping_ref              (TarmacSheetMapping    *self);
void                  tarmac_sheet_mapping_unref            (TarmacSheetMapping    *self);

guint                 tarmac_sheet_mapping_get_n_columns    (TarmacSheetMapping    *self);
TarmacSheetField      tarmac_sheet_mapping_get_field        (TarmacSheetMapping    *self,
                                                             guint                  column);
void                  tarmac_sheet_mapping_set_field        (TarmacSheetMapping    *self,
                                                             guint                  column,
                                                             TarmacSheetField       field);
int                   tarmac_sheet_mapping_get_header_row   (TarmacSheetMapping    *self);
guint                 tarmac_sheet_mapping_get_first_row    (TarmacSheetMapping    *self);
void                  tarmac_sheet_mapping_set_rows         (TarmacSheetMapping    *self,
                                                             int                    header_row,
                                                             guint                  first_row);
TarmacSheetDateOrder  tarmac_sheet_mapping_get_date_order   (TarmacSheetMapping    *self);
void                  tarmac_sheet_mapping_set_date_order   (TarmacSheetMapping    *self,
                                                             TarmacSheetDateOrder   order);
gboolean              tarmac_sheet_mapping_get_dates_ambiguous (TarmacSheetMapping *self);
void                  tarmac_sheet_mapping_set_flight       (TarmacSheetMapping    *self,
                                                             const char            *carrier,
                                                             const char            *number,
                                                             const char            *date,
                                                             const char            *origin,
                                                             const char            *destination);
const char           *tarmac_sheet_mapping_get_carrier      (TarmacSheetMapping    *self);
const char           *tarmac_sheet_mapping_get_flight_number (TarmacSheetMapping   *self);
const char           *tarmac_sheet_mapping_get_flight_date  (TarmacSheetMapping    *self);
const char           *tarmac_sheet_mapping_get_origin       (TarmacSheetMapping    *self);
const char           *tarmac_sheet_mapping_get_destination  (TarmacSheetMapping    *self);
const char           *tarmac_sheet_mapping_get_signature    (TarmacSheetMapping    *self);
gboolean              tarmac_sheet_mapping_get_remembered   (TarmacSheetMapping    *self);

char                 *tarmac_sheet_mapping_to_json          (TarmacSheetMapping    *self);
gboolean              tarmac_sheet_mapping_apply_json       (TarmacSheetMapping    *self,
                                                             const char            *json,
                                                             GError               **error);
gboolean              tarmac_sheet_mapping_set_flight_from_option (TarmacSheetMapping *self,
                                                             const char            *option,
                                                             GError               **error);
gboolean              tarmac_sheet_mapping_set_from_option  (TarmacSheetMapping    *self,
                                                             const TarmacSheet     *sheet,
                                                             const char            *option,
                                                             GError               **error);

gboolean              tarmac_sheet_mapping_validate         (TarmacSheetMapping    *self,
                                                             const TarmacSheet     *sheet,
                                                             GError               **error);
GPtrArray            *tarmac_sheet_mapping_preview          (TarmacSheetMapping    *self,
                                                             const TarmacSheet     *sheet,
                                                             guint                  max_rows);
void                  tarmac_sheet_preview_row_free         (TarmacSheetPreviewRow *row);

const char           *tarmac_sheet_field_to_id              (TarmacSheetField       field);
gboolean              tarmac_sheet_field_from_id            (const char            *id,
                                                             TarmacSheetField      *field);
const char           *tarmac_sheet_field_get_label          (TarmacSheetField       field);
const char           *tarmac_sheet_date_order_to_id         (TarmacSheetDateOrder   order);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TarmacSheetMapping, tarmac_sheet_mapping_unref)

G_END_DECLS
