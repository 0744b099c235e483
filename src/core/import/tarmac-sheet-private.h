/* tarmac-sheet-private.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tarmac-sheet-mapping.h"

G_BEGIN_DECLS

/* Reading cells as values (tarmac-sheet-values.c). */
char        *_tarmac_sheet_fold               (const char            *text);
char        *_tarmac_sheet_trim               (const char            *cell);
gboolean     _tarmac_sheet_is_country         (const char            *code);
char        *_tarmac_sheet_read_country       (const char            *cell);
guint        _tarmac_sheet_date_orders        (const char            *cell);
char        *_tarmac_sheet_read_date          (const char            *cell,
                                               TarmacSheetDateOrder   order,
                                               gboolean               past);
const char  *_tarmac_sheet_read_sex           (const char            *cell);
int          _tarmac_sheet_read_kind          (const char            *cell);
char        *_tarmac_sheet_read_document_type (const char            *cell);
gboolean     _tarmac_sheet_split_name         (const char            *cell,
                                               char                 **surname,
                                               char                 **given_names);
int          _tarmac_sheet_read_count         (const char            *cell);
double       _tarmac_sheet_read_weight        (const char            *cell);
char        *_tarmac_sheet_read_seat          (const char            *cell);
gboolean     _tarmac_sheet_read_flight        (const char            *cell,
                                               char                 **carrier,
                                               char                 **number);

/* The mapper (tarmac-sheet-mapper.c) fills a new mapping from a sheet. */
void         _tarmac_sheet_mapping_detect     (TarmacSheetMapping    *self,
                                               const TarmacSheet     *sheet);
TarmacSheetField _tarmac_sheet_field_for_header (const char          *header);
void         _tarmac_sheet_find_flight        (const char            *text,
                                               char                 **carrier,
                                               char                 **number,
                                               char                 **date,
                                               char                 **origin,
                                               char                 **destination);

/* Reads one cell as @field: the value, or %NULL with *@problem set when the cell is not
 * empty but unreadable. */
char        *_tarmac_sheet_mapping_read_cell  (TarmacSheetMapping    *self,
                                               TarmacSheetField       field,
                                               const char            *cell,
                                               char                 **problem);
void         _tarmac_sheet_mapping_set_detected (TarmacSheetMapping  *self,
                                                 const char          *signature,
                                                 gboolean             dates_ambiguous);

G_END_DECLS
