/* tarmac-importer-documents.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-importer"

#include "config.h"

#include <string.h>

#include "tarmac-importer-private.h"
#include "tarmac-store-private.h"

/* The one way every import path (PAXLST, PNRGOV, spreadsheets) stores a travel document
 * and runs the document checks (tarmac-document-check.c): the verdict goes into the
 * document's row and each problem becomes a finding row on the traveller, inside the
 * import's transaction, so a refused file leaves no finding behind either. Statements are
 * prepared once per import and findings are rare, so this adds next to nothing to a
 * million-traveller import. */

/* A finding row for each problem @check found on @traveller_id's row. */
gboolean
_tarmac_import_write_findings (Import                     *import,
                               gint64                      traveller_id,
                               const TarmacDocumentCheck  *check,
                               guint                       line,
                               gsize                       offset,
                               GError                    **error)
{
  if (check->n_findings == 0)
    return TRUE;

  if (import->insert_finding == NULL)
    {
      import->insert_finding =
        _tarmac_store_prepare_cached (import->store,
                                      "INSERT INTO finding (traveller_id, code, detail, created_at)"
                                      " VALUES (?1, ?2, ?3, ?4)",
                                      error);
      if (import->insert_finding == NULL)
        return FALSE;
    }

  for (guint i = 0; i < check->n_findings; i++)
    {
      const TarmacDocumentFinding *finding = &check->findings[i];

      sqlite3_bind_int64 (import->insert_finding, 1, traveller_id);
      sqlite3_bind_text (import->insert_finding, 2, finding->code, -1, SQLITE_STATIC);
      sqlite3_bind_text (import->insert_finding, 3, finding->detail, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (import->insert_finding, 4, import->now, -1, SQLITE_TRANSIENT);
      if (!_tarmac_import_step (import, import->insert_finding, line, offset, error))
        return FALSE;
      import->report->n_findings++;
    }

  return TRUE;
}

/* At most @max characters of @value into @out (UTF-8 safe): the column's bound, which the
 * database leaves to the importers (migration 25), a long value cut rather than failing
 * the file. */
static const char *
cap_into (const char *value,
          glong       max,
          char       *out,
          gsize       size)
{
  const char *end;

  if (value == NULL)
    return NULL;
  end = value;
  for (glong i = 0; i < max && *end != '\0'; i++)
    end = g_utf8_next_char (end);
  if ((gsize) (end - value) >= size)
    end = value + size - 1;
  memcpy (out, value, (gsize) (end - value));
  out[end - value] = '\0';
  return out;
}

/* A document on its way to its row: its values as bound, and its check. */
struct _ImportDocument
{
  gint64               traveller_id;
  const char          *issuing_state;
  const char          *issued_on;
  const char          *expiry;
  const char          *mrz;
  guint                line;
  gsize                offset;
  TarmacDocumentCheck  check;
  char                 normalised[TARMAC_DOCUMENT_NUMBER_MAX + 1];
  char                 number[4 * TARMAC_DOCUMENT_NUMBER_MAX + 1];
  char                 type[16];
};

/* The retention date, the same for every document of an import, is ?1 in every row (see
 * TRAVELLER_ROW in tarmac-importer-travellers.c). */
#define DOCUMENT_COLUMNS \
  "INSERT OR FAIL INTO travel_document (retain_until, traveller_id, type, number," \
  " number_normalised, issuing_state, issued_on, expires_on, mrz, check_verdict) VALUES "
#define DOCUMENT_ROW "(?1, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
#define DOCUMENT_SHARED_PARAMETERS 1
#define DOCUMENT_PARAMETERS 9

/* Checks @facts against a flight of @flight_date and fills @document for a traveller to
 * come; %FALSE when it has no number, and is not written. It touches nothing shared: the
 * preparer thread of a batch import runs it (_tarmac_import_prepare_documents()). */
static gboolean
document_init (ImportDocument             *document,
               const TarmacDocumentFacts  *facts,
               const char                 *issued_on,
               const char                 *flight_date,
               guint                       line,
               gsize                       offset)
{
  if (facts->number == NULL || *facts->number == '\0')
    return FALSE;

  document->traveller_id = 0;
  document->issuing_state = facts->issuing_state;
  document->issued_on = issued_on;
  document->expiry = facts->expiry;
  document->mrz = facts->mrz;
  document->line = line;
  document->offset = offset;
  tarmac_document_check (facts, flight_date, &document->check);
  tarmac_document_number_normalise_into (facts->number, document->normalised,
                                         sizeof document->normalised);
  cap_into (facts->type != NULL && *facts->type != '\0' ? facts->type : "ZZZ", 3,
            document->type, sizeof document->type);
  cap_into (facts->number, TARMAC_DOCUMENT_NUMBER_MAX, document->number,
            sizeof document->number);
  return TRUE;
}

/* Binds @document as row @row of @stmt, and for row 0 what the rows share. Every
 * parameter is bound, NULL included: the multi-row statements are not cleared. */
static void
bind_document (Import               *import,
               sqlite3_stmt         *stmt,
               guint                 row,
               const ImportDocument *document)
{
  int base = (int) (DOCUMENT_SHARED_PARAMETERS + row * DOCUMENT_PARAMETERS);

  if (row == 0)
    sqlite3_bind_text (stmt, 1, import->retain_until, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, base + 1, document->traveller_id);
  sqlite3_bind_text (stmt, base + 2, document->type, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, base + 3, document->number, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, base + 4, document->normalised, -1, SQLITE_STATIC);
  _tarmac_import_bind_static (stmt, base + 5, document->issuing_state);
  _tarmac_import_bind_static (stmt, base + 6, document->issued_on);
  _tarmac_import_bind_static (stmt, base + 7, document->expiry);
  _tarmac_import_bind_static (stmt, base + 8, document->mrz);
  sqlite3_bind_text (stmt, base + 9, document->check.verdict, -1, SQLITE_STATIC);
}

/* One row, its error naming the document's position. */
static gboolean
write_document (Import                *import,
                const ImportDocument  *document,
                GError               **error)
{
  if (import->insert_document == NULL)
    {
      import->insert_document = _tarmac_store_prepare_cached (import->store,
                                                              DOCUMENT_COLUMNS DOCUMENT_ROW,
                                                              error);
      if (import->insert_document == NULL)
        return FALSE;
    }

  bind_document (import, import->insert_document, 0, document);
  return _tarmac_import_step (import, import->insert_document, document->line,
                              document->offset, error);
}

/* Writes @n documents, as many to a statement, then their findings. */
static gboolean
write_documents (Import                *import,
                 const ImportDocument  *documents,
                 guint                  n,
                 GError               **error)
{
  guint written = 0;

  if (n > 1)
    {
      sqlite3_stmt *stmt = _tarmac_store_prepare_rows_cached (import->store, DOCUMENT_COLUMNS,
                                                              DOCUMENT_ROW, n, error);

      if (stmt == NULL)
        return FALSE;
      for (guint i = 0; i < n; i++)
        bind_document (import, stmt, i, &documents[i]);
      /* After a refused row, the rest one by one, so the error says where. */
      if (!_tarmac_import_step_rows (import, stmt, n, documents[0].line, documents[0].offset,
                                     &written, error))
        return FALSE;
    }

  for (guint i = 0; i < n; i++)
    {
      const ImportDocument *document = &documents[i];

      if (i >= written && !write_document (import, document, error))
        return FALSE;
      import->report->n_documents++;
      if (!_tarmac_import_write_findings (import, document->traveller_id, &document->check,
                                          document->line, document->offset, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * _tarmac_import_insert_document:
 * @import: the import, inside its transaction
 * @traveller_id: the holder's traveller row
 * @facts: the document (and the holder facts an MRZ is compared with)
 * @issued_on: (nullable): the issue date, "YYYY-MM-DD"
 * @line: the source line, for errors
 * @offset: the source byte offset, for errors
 * @error: return location for a #GError
 *
 * Checks the document against the flight of @import (import->flight_date), then writes
 * its travel_document row with the normalised number and the verdict, and a finding row
 * per problem. A document without a number is skipped.
 *
 * Returns: %FALSE with @error set when a row could not be written
 */
gboolean
_tarmac_import_insert_document (Import                     *import,
                                gint64                      traveller_id,
                                const TarmacDocumentFacts  *facts,
                                const char                 *issued_on,
                                guint                       line,
                                gsize                       offset,
                                GError                    **error)
{
  ImportDocument document;

  if (!document_init (&document, facts, issued_on, import->flight_date, line, offset))
    return TRUE;
  document.traveller_id = traveller_id;
  return write_documents (import, &document, 1, error);
}

/**
 * _tarmac_import_prepare_documents:
 * @traveller: a manifest traveller
 * @flight_date: "YYYY-MM-DD" of its flight (_tarmac_import_flight_date()), "" when unknown
 * @n_documents: (out): the number of documents returned
 *
 * The documents of @traveller that have a number, checked against its flight, ready for
 * _tarmac_import_queue_document(). It needs no database, so a batch import's preparer
 * thread runs it, and the writer only binds.
 *
 * Returns: (transfer full) (nullable): @n_documents documents, pointing into @traveller;
 *   free with g_free()
 */
ImportDocument *
_tarmac_import_prepare_documents (const TarmacPaxlstTraveller *traveller,
                                  const char                  *flight_date,
                                  guint                       *n_documents)
{
  ImportDocument *documents;
  guint n = 0;

  *n_documents = 0;
  if (traveller->documents == NULL || traveller->documents->len == 0)
    return NULL;

  documents = g_new (ImportDocument, traveller->documents->len);
  for (guint i = 0; i < traveller->documents->len; i++)
    {
      const TarmacPaxlstTravelDocument *document = g_ptr_array_index (traveller->documents, i);
      TarmacDocumentFacts facts = {
        .type = document->type,
        .number = document->number,
        .issuing_state = document->issuing_state,
        .expiry = document->expiry,
        .surname = traveller->surname,
        .given_names = traveller->given_names,
        .date_of_birth = traveller->date_of_birth,
      };

      if (document_init (&documents[n], &facts, document->issue_date, flight_date,
                         traveller->line, traveller->offset))
        n++;
    }
  *n_documents = n;
  return documents;
}

/**
 * _tarmac_import_queue_document:
 * @import: the import, inside its transaction
 * @traveller_id: the holder's traveller row, written already
 * @documents: documents from _tarmac_import_prepare_documents(); their strings must last
 *   until the documents are written
 * @i: which of @documents
 * @error: return location for a #GError
 *
 * As _tarmac_import_insert_document(), but the row waits with others and they are
 * written ROWS_PER_STATEMENT to a statement (a statement's own cost was about a
 * quarter of a document's): when that many wait, or at
 * _tarmac_import_flush_documents(), which the caller must call before its transaction
 * ends.
 *
 * Returns: %FALSE with @error set when rows could not be written
 */
gboolean
_tarmac_import_queue_document (Import                *import,
                               gint64                 traveller_id,
                               const ImportDocument  *documents,
                               guint                  i,
                               GError               **error)
{
  if (import->documents == NULL)
    import->documents = g_new (ImportDocument, ROWS_PER_STATEMENT);

  import->documents[import->n_documents] = documents[i];
  import->documents[import->n_documents].traveller_id = traveller_id;
  if (++import->n_documents < ROWS_PER_STATEMENT)
    return TRUE;
  return _tarmac_import_flush_documents (import, error);
}

/* Writes the documents _tarmac_import_queue_document() keeps, then their findings. */
gboolean
_tarmac_import_flush_documents (Import  *import,
                                GError **error)
{
  guint n = import->n_documents;

  import->n_documents = 0;
  for (guint done = 0, rows; done < n; done += rows)
    {
      rows = _tarmac_import_rows_per_statement (n - done);
      if (!write_documents (import, import->documents + done, rows, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * _tarmac_import_check_traveller:
 * @import: the import, inside its transaction
 * @traveller_id: the traveller row just written
 * @date_of_birth: (nullable): "YYYY-MM-DD"
 * @line: the source line, for errors
 * @offset: the source byte offset, for errors
 * @error: return location for a #GError
 *
 * The traveller's own checks (a birth date after the flight, or implausibly old),
 * written as findings. Call it once per new traveller row, not for a row an import only
 * links to, so a finding is not written twice.
 *
 * Returns: %FALSE with @error set when a row could not be written
 */
gboolean
_tarmac_import_check_traveller (Import       *import,
                                gint64        traveller_id,
                                const char   *date_of_birth,
                                guint         line,
                                gsize         offset,
                                GError      **error)
{
  TarmacDocumentCheck check;

  tarmac_document_check_birth_date (date_of_birth, import->flight_date, &check);
  return _tarmac_import_write_findings (import, traveller_id, &check, line, offset, error);
}
