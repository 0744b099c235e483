/* tarmac-importer-private.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "tarmac-document-check.h"
#include "tarmac-importer.h"
#include "tarmac-paxlst.h"
#include "tarmac-sniff.h"

G_BEGIN_DECLS

/* The most rows a multi-row statement writes (_tarmac_store_prepare_rows_cached()), a
 * power of two: travellers, documents (_tarmac_import_queue_document()) and the
 * remainders of both (_tarmac_import_rows_per_statement()). */
#define ROWS_PER_STATEMENT 128

typedef struct _ImportDocument ImportDocument;
typedef struct _ImportTravellers ImportTravellers;

/* State of one import, shared by the PAXLST path (tarmac-importer.c) and the PNRGOV path
 * (tarmac-importer-pnrgov.c). Everything is written inside one transaction. */
typedef struct
{
  TarmacStore        *store;
  TarmacImportReport *report;
  char               *airport;       /* meta "airport-code", %NULL when unset */
  char               *now;
  char               *retain_until;
  GHashTable         *flight_ids;    /* of gint64*, the distinct flights touched */
  GHashTable         *sets;          /* of gint64* → PartSet*, the part sets touched */
  sqlite3_stmt       *insert_traveller;
  sqlite3_stmt       *insert_document;
  ImportDocument     *documents;         /* waiting to be written, ROWS_PER_STATEMENT */
  guint               n_documents;
  sqlite3_stmt       *insert_source;
  sqlite3_stmt       *insert_finding;
  GHashTable         *travellers;    /* TarmacPaxlstMessage* → its ImportTravellers, made
                                      * by the preparer thread; %NULL: made here */
  char                flight_date[11]; /* of the flight being written, "" when none: what
                                        * the document checks compare with */
  guint               message_passengers; /* the travellers of the message being written, */
  guint               message_crew;       /* for its CNT (_tarmac_import_check_count()) */
  gint64              next_traveller_id;  /* the id the next manifest traveller gets */
} Import;

void         _tarmac_import_clear               (Import              *import);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Import, _tarmac_import_clear)

/* A multi-part set a message of this file belongs to (tarmac-importer-parts.c); the
 * position is its last part in this file, where the report points. */
typedef struct
{
  gint64  id;
  char   *reference;
  gsize   offset;
  guint   line;
} PartSet;

/* tarmac-importer-travellers.c */
ImportTravellers *_tarmac_import_travellers_new (const TarmacPaxlstMessage *message);
void         _tarmac_import_travellers_free     (ImportTravellers    *travellers);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ImportTravellers, _tarmac_import_travellers_free)

gboolean     _tarmac_import_prepare_travellers  (Import              *import,
                                                 GError             **error);
gboolean     _tarmac_import_write_travellers    (Import              *import,
                                                 gint64               flight_id,
                                                 gint64               message_id,
                                                 const TarmacPaxlstMessage *message,
                                                 GError             **error);

TarmacImportReport *_tarmac_import_report_new_failed (const char *name,
                                                      const char *message);
void         _tarmac_import_add_warning         (TarmacImportReport  *report,
                                                 const char          *code,
                                                 const char          *message,
                                                 gsize                offset,
                                                 guint                line,
                                                 guint                segment_index);
void         _tarmac_import_bind_text           (sqlite3_stmt        *stmt,
                                                 int                  column,
                                                 const char          *value);
void         _tarmac_import_bind_static         (sqlite3_stmt        *stmt,
                                                 int                  column,
                                                 const char          *value);
char        *_tarmac_import_cap_utf8            (const char          *value,
                                                 glong                max);
const char  *_tarmac_import_map_sex             (const char          *sex);
char        *_tarmac_import_map_country         (const char          *code);
gboolean     _tarmac_import_is_airport          (const char          *code);
const char  *_tarmac_import_direction           (const char          *airport,
                                                 const char          *origin,
                                                 const char          *destination);
void         _tarmac_import_set_position_error  (GError             **error,
                                                 const char          *name,
                                                 guint                line,
                                                 gsize                offset,
                                                 const char          *message);
guint         _tarmac_import_rows_per_statement (guint                n);
gboolean     _tarmac_import_step_rows           (Import              *import,
                                                 sqlite3_stmt        *stmt,
                                                 guint                n,
                                                 guint                line,
                                                 gsize                offset,
                                                 guint               *written,
                                                 GError             **error);
ImportDocument *_tarmac_import_prepare_documents (const TarmacPaxlstTraveller *traveller,
                                                 const char          *flight_date,
                                                 guint               *n_documents);
gboolean     _tarmac_import_queue_document      (Import              *import,
                                                 gint64               traveller_id,
                                                 const ImportDocument *documents,
                                                 guint                i,
                                                 GError             **error);
gboolean     _tarmac_import_write_findings      (Import              *import,
                                                 gint64               traveller_id,
                                                 const TarmacDocumentCheck *check,
                                                 guint                line,
                                                 gsize                offset,
                                                 GError             **error);
void         _tarmac_import_flight_date         (const TarmacPaxlstMessage *message,
                                                 char                 date[11]);
gboolean     _tarmac_import_flight_id           (Import              *import,
                                                 const char          *carrier,
                                                 const char          *number,
                                                 const char          *date,
                                                 const char          *origin,
                                                 gint64              *id);
gboolean     _tarmac_import_flush_documents     (Import              *import,
                                                 GError             **error);
gboolean     _tarmac_import_step                (Import              *import,
                                                 sqlite3_stmt        *stmt,
                                                 guint                line,
                                                 gsize                offset,
                                                 GError             **error);
gint64       _tarmac_import_insert_message      (Import              *import,
                                                 gint64               source_file_id,
                                                 const char          *type,
                                                 const char          *version,
                                                 const char          *sender,
                                                 const char          *recipient,
                                                 const char          *reference,
                                                 guint                part_number,
                                                 gboolean             is_last_part,
                                                 const char          *pushed_at,
                                                 gsize                offset,
                                                 guint                line,
                                                 GError             **error);
gboolean     _tarmac_import_store_report        (Import              *import,
                                                 gint64               source_file_id,
                                                 GError             **error);
gint64       _tarmac_import_insert_source_file  (Import              *import,
                                                 gsize                length,
                                                 GError             **error);
gboolean     _tarmac_import_insert_document     (Import              *import,
                                                 gint64               traveller_id,
                                                 const TarmacDocumentFacts *facts,
                                                 const char          *issued_on,
                                                 guint                line,
                                                 gsize                offset,
                                                 GError             **error);
gboolean     _tarmac_import_check_traveller     (Import              *import,
                                                 gint64               traveller_id,
                                                 const char          *date_of_birth,
                                                 guint                line,
                                                 gsize                offset,
                                                 GError             **error);

gboolean     _tarmac_import_write_paxlst        (Import              *import,
                                                 GPtrArray           *messages,
                                                 const char          *type,
                                                 gsize                length,
                                                 GCancellable        *cancellable,
                                                 GError             **error);
gboolean     _tarmac_import_sheet               (TarmacStore         *store,
                                                 const char          *name,
                                                 const guint8        *data,
                                                 gsize                length,
                                                 TarmacFileFormat     format,
                                                 TarmacSheetMapping  *mapping,
                                                 TarmacImportReport  *report,
                                                 GCancellable        *cancellable,
                                                 GError             **error);

const char  *_tarmac_import_pnrgov_warning_id   (int                  code);
char        *_tarmac_import_card_key            (TarmacStore         *store,
                                                 gboolean            *is_new,
                                                 GError             **error);
gboolean     _tarmac_import_write_pnrgov        (Import              *import,
                                                 GPtrArray           *messages,
                                                 const char          *card_key,
                                                 gboolean             card_key_is_new,
                                                 gsize                length,
                                                 GCancellable        *cancellable,
                                                 GError             **error);

void         _tarmac_import_part_set_free       (PartSet             *set);
int          _tarmac_import_part_set_compare    (const PartSet       *a,
                                                 const PartSet       *b);
PartSet     *_tarmac_import_join_set            (Import              *import,
                                                 const TarmacPaxlstMessage *message,
                                                 gint64               message_id,
                                                 gboolean            *duplicate,
                                                 GError             **error);
gboolean     _tarmac_import_set_flight          (Import              *import,
                                                 PartSet             *set,
                                                 gint64               flight_id,
                                                 GError             **error);
void         _tarmac_import_check_count         (Import              *import,
                                                 const TarmacPaxlstMessage *message);
gboolean     _tarmac_import_finish_sets         (Import              *import,
                                                 GError             **error);

/* A file read, hashed, sniffed and (PAXLST) parsed without the database, on any thread
 * (tarmac-importer.c). */
typedef struct
{
  char             *name;
  char             *contents;
  gsize             length;
  GError           *read_error;      /* the file could not be read: its import fails so */
  char             *sha256;          /* NULL when there was nothing to prepare */
  TarmacFileFormat  format;
  gboolean          parsed;          /* a PAXLST parse ran: messages, warnings, error */
  GPtrArray        *messages;
  GPtrArray        *warnings;
  GError           *parse_error;
  GHashTable       *travellers;      /* TarmacPaxlstMessage* → ImportTravellers* */
} TarmacImportPrepared;

TarmacImportPrepared *_tarmac_import_prepare_file   (const char             *path);
TarmacImportPrepared *_tarmac_import_prepare_bytes  (const char             *name,
                                                     const guint8           *data,
                                                     gsize                   length);
void                  _tarmac_import_prepared_free  (TarmacImportPrepared   *prepared);
gboolean              _tarmac_import_prepared       (TarmacStore            *store,
                                                     TarmacImportPrepared   *prepared,
                                                     TarmacImportReport    **report,
                                                     GCancellable           *cancellable,
                                                     GError                **error);

G_END_DECLS
