/* tarmac-export.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "tarmac-store.h"

G_BEGIN_DECLS

/**
 * TarmacExportFormat:
 * @TARMAC_EXPORT_FORMAT_CSV: RFC 4180 CSV, UTF-8, a header row, CRLF line ends
 * @TARMAC_EXPORT_FORMAT_JSON: a JSON array of objects
 */
typedef enum
{
  TARMAC_EXPORT_FORMAT_CSV,
  TARMAC_EXPORT_FORMAT_JSON,
} TarmacExportFormat;

/**
 * TarmacExportFlight:
 * @carrier: the airline designator, upper case ("AF")
 * @number: the flight number without leading zeros ("702")
 * @date: the flight date, "YYYY-MM-DD"
 *
 * A flight as an officer names it: "AF702/2026-11-22".
 */
typedef struct
{
  char *carrier;
  char *number;
  char *date;
} TarmacExportFlight;

gboolean tarmac_export_parse_format   (const char                *text,
                                       TarmacExportFormat        *format,
                                       GError                   **error);
gboolean tarmac_export_parse_flight   (const char                *text,
                                       TarmacExportFlight        *flight,
                                       GError                   **error);
void     tarmac_export_flight_clear   (TarmacExportFlight        *flight);

gboolean tarmac_export_travellers     (TarmacStore               *store,
                                       const TarmacExportFlight  *flight,
                                       TarmacExportFormat         format,
                                       GOutputStream             *output,
                                       const char                *destination,
                                       guint64                   *n_rows,
                                       GCancellable              *cancellable,
                                       GError                   **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (TarmacExportFlight, tarmac_export_flight_clear)

G_END_DECLS
