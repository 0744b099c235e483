/* tarmac-importer.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "tarmac-sheet-mapping.h"
#include "tarmac-store.h"

G_BEGIN_DECLS

#define TARMAC_IMPORT_ERROR (tarmac_import_error_quark ())

/* Files larger than this are refused before they are read. */
#define TARMAC_IMPORT_MAX_SIZE ((gsize) 256 * 1024 * 1024)

/**
 * TarmacImportError:
 * @TARMAC_IMPORT_ERROR_READ: the file could not be read
 * @TARMAC_IMPORT_ERROR_EMPTY: the file holds no bytes
 * @TARMAC_IMPORT_ERROR_TOO_LARGE: the file is larger than %TARMAC_IMPORT_MAX_SIZE
 * @TARMAC_IMPORT_ERROR_UNSUPPORTED: the content is not a format this version imports
 * @TARMAC_IMPORT_ERROR_INVALID: the parser found no trustworthy structure, or a record
 *   could not be stored
 */
typedef enum
{
  TARMAC_IMPORT_ERROR_READ,
  TARMAC_IMPORT_ERROR_EMPTY,
  TARMAC_IMPORT_ERROR_TOO_LARGE,
  TARMAC_IMPORT_ERROR_UNSUPPORTED,
  TARMAC_IMPORT_ERROR_INVALID,
} TarmacImportError;

typedef enum
{
  TARMAC_IMPORT_RESULT_IMPORTED,
  TARMAC_IMPORT_RESULT_DUPLICATE,
  TARMAC_IMPORT_RESULT_FAILED,
} TarmacImportResult;

/**
 * TarmacImportWarning:
 * @code: a stable id ("syntax", "unknown-segment", "bad-date", …)
 * @message: translated explanation
 * @offset: byte offset in the file
 * @line: 1-based line
 * @segment_index: 0-based segment index
 */
typedef struct
{
  char  *code;
  char  *message;
  gsize  offset;
  guint  line;
  guint  segment_index;
} TarmacImportWarning;

/**
 * TarmacImportReport:
 * What happened to one file. @format is a static id from tarmac_file_format_to_id();
 * @error_message is set when @result is %TARMAC_IMPORT_RESULT_FAILED.
 * @source_file_id is the source_file row (the earlier one for a duplicate), 0 if none.
 * @n_travellers counts every traveller row written, crew included (for PNRGOV also the
 * API rows a PNR traveller was linked to); @n_crew the crew; @n_pnrs the PNR versions
 * stored; @n_findings the findings the document checks wrote on travellers (an expired
 * document, a wrong check digit…: tarmac-document-check.h); @n_hits the hits screening
 * raised on its travellers, when the caller screened them (tarmac-screener.h).
 * @cancelled is set when the file failed because its import was cancelled: it was not
 * saved, and nothing is wrong with it.
 */
typedef struct
{
  char               *name;
  char               *sha256;
  const char         *format;
  TarmacImportResult  result;
  gint64              source_file_id;
  guint               n_messages;
  guint               n_flights;
  guint               n_travellers;
  guint               n_crew;
  guint               n_documents;
  guint               n_pnrs;
  guint               n_findings;
  guint               n_hits;
  GPtrArray          *warnings;       /* of TarmacImportWarning */
  char               *error_message;
  gboolean            cancelled;
} TarmacImportReport;

GQuark      tarmac_import_error_quark      (void);

gboolean    tarmac_import_file             (TarmacStore               *store,
                                            const char                *path,
                                            TarmacImportReport       **report,
                                            GCancellable              *cancellable,
                                            GError                   **error);
gboolean    tarmac_import_bytes            (TarmacStore               *store,
                                            const char                *name,
                                            const guint8              *data,
                                            gsize                      length,
                                            TarmacImportReport       **report,
                                            GCancellable              *cancellable,
                                            GError                   **error);

gboolean    tarmac_import_sheet_bytes      (TarmacStore               *store,
                                            const char                *name,
                                            const guint8              *data,
                                            gsize                      length,
                                            TarmacSheetMapping        *mapping,
                                            TarmacImportReport       **report,
                                            GCancellable              *cancellable,
                                            GError                   **error);
TarmacSheet *tarmac_import_read_sheet      (const char                *name,
                                            const guint8              *data,
                                            gsize                      length,
                                            GError                   **error);
TarmacSheetMapping *tarmac_import_propose_mapping (TarmacStore        *store,
                                            const TarmacSheet         *sheet,
                                            GError                   **error);
TarmacImportReport *tarmac_import_report_load (TarmacStore           *store,
                                               gint64                 source_file_id,
                                               GError               **error);

const char *tarmac_import_result_to_id     (TarmacImportResult         result);
JsonNode   *tarmac_import_report_to_json   (const TarmacImportReport  *report);
void        tarmac_import_report_free      (TarmacImportReport        *report);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TarmacImportReport, tarmac_import_report_free)

G_END_DECLS
