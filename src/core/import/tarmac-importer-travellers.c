/* tarmac-importer-travellers.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-importer"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>

#include "tarmac-importer-private.h"
#include "tarmac-name-key.h"
#include "tarmac-store-private.h"

/* A manifest message's travellers, written for tarmac-importer.c: the traveller rows (each
 * naming the message that brought it), their findings and documents, and their place in
 * the name index.
 *
 * The rows go up to ROWS_PER_STATEMENT to a statement. A statement's own cost —
 * opening the table, its indexes and the flight's for the foreign key, then closing them,
 * and resetting — was about a sixth of a traveller row's, written a million times. The ids are
 * given rather than left to SQLite, as the next ones it would have chosen (the largest
 * plus one: the table has no AUTOINCREMENT, and the import holds the write lock), so a
 * traveller's documents, findings and name-index entry can follow its row. A statement
 * with a refused row keeps the rows before it (INSERT OR FAIL: see migration 25), and
 * the rest are then written one by one, so the error names the traveller at fault. */

/* The values all of a message's travellers share are bound once per statement, as ?1 to
 * ?4, which every row names; each row's own follow (a bare ? is one more than the
 * largest number before it). A bind is about as costly as the row's b-tree insert into
 * an index that grows in order. */
#define TRAVELLER_COLUMNS \
  "INSERT OR FAIL INTO traveller (flight_id, message_id, created_at, retain_until, id, kind," \
  " surname, given_names, sex, date_of_birth, nationality, residence, birthplace, seat," \
  " bag_count, bag_weight_kg, bag_tags, transit, embarkation, debarkation," \
  " booking_reference, from_api, name_key) VALUES "
#define TRAVELLER_ROW \
  "(?1, ?2, ?3, ?4, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?)"
#define TRAVELLER_SHARED_PARAMETERS 4
#define TRAVELLER_PARAMETERS 18

/* A manifest traveller made ready for its row without the database: by the preparer
 * thread of a batch import (tarmac-importer.c), whose writer thread is the one the import
 * waits for, or else here. */
typedef struct
{
  const TarmacPaxlstTraveller *traveller;
  char                        *name_key;
  char                        *nationality;   /* mapped to ISO 3166 alpha-3 */
  TarmacDocumentCheck         *birth;         /* its birth date's findings, or %NULL */
  ImportDocument              *documents;     /* those with a number, checked */
  guint                        n_documents;
  guint                        index;         /* in its message */
} ImportTraveller;

/* A message's travellers in the order they are written: by name key, then as listed.
 * That is their order in the index traveller_flight (flight, masked, name key), so the
 * travellers of a new flight arrive in the index's order and each entry goes after the
 * last, which SQLite finds without searching the tree, instead of anywhere among the
 * flight's earlier ones: 4 % of an API import. Their ids follow the same order (the flight
 * page lists by name anyway). */
struct _ImportTravellers
{
  ImportTraveller  *items;   /* as listed */
  ImportTraveller **order;   /* as written */
  guint             n;
};

typedef struct
{
  const ImportTraveller *item;
  gint64                 id;
  gboolean               crew;
} Pending;

/* The traveller's name key, from its names as stored (each capped at 256 characters). */
static char *
traveller_name_key (const TarmacPaxlstTraveller *traveller)
{
  g_autofree char *surname = _tarmac_import_cap_utf8 (traveller->surname, 256);
  g_autofree char *given_names = _tarmac_import_cap_utf8 (traveller->given_names != NULL ?
                                                          traveller->given_names : "", 256);
  g_autofree char *full_name = g_strconcat (surname != NULL ? surname : "", " ", given_names,
                                            NULL);

  return tarmac_name_key (full_name);
}

/* @value, or its first @max characters when longer (the column's bound, which the
 * database leaves to the importers since migration 25), bound as text; "" when %NULL. */
static void
bind_capped (sqlite3_stmt *stmt,
             int           column,
             const char   *value,
             glong         max)
{
  const char *end;
  glong length = 0;

  if (value == NULL)
    value = "";
  for (end = value; *end != '\0' && length <= max; end = g_utf8_next_char (end))
    length++;
  if (length <= max)
    sqlite3_bind_text (stmt, column, value, -1, SQLITE_STATIC);
  else
    sqlite3_bind_text (stmt, column, g_utf8_substring (value, 0, max), -1, g_free);
}

/* @value, which SQLite frees, bound as text; NULL when %NULL or empty. */
static void
bind_owned (sqlite3_stmt *stmt,
            int           column,
            char         *value)
{
  if (value != NULL && *value != '\0')
    sqlite3_bind_text (stmt, column, value, -1, g_free);
  else
    {
      sqlite3_bind_null (stmt, column);
      g_free (value);
    }
}

/* Binds @pending, row @row of @stmt (the multi-row statement, or the one-row one), and,
 * for row 0, the values all rows share. Every parameter is bound, NULL included: the
 * multi-row statements are not cleared between uses. */
static void
bind_traveller (Import        *import,
                sqlite3_stmt  *stmt,
                guint          row,
                const Pending *pending,
                gint64         flight_id,
                gint64         message_id)
{
  const TarmacPaxlstTraveller *traveller = pending->item->traveller;
  int base = (int) (TRAVELLER_SHARED_PARAMETERS + row * TRAVELLER_PARAMETERS);

  if (row == 0)
    {
      sqlite3_bind_int64 (stmt, 1, flight_id);
      sqlite3_bind_int64 (stmt, 2, message_id);
      sqlite3_bind_text (stmt, 3, import->now, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, import->retain_until, -1, SQLITE_STATIC);
    }

  sqlite3_bind_int64 (stmt, base + 1, pending->id);
  sqlite3_bind_text (stmt, base + 2, pending->crew ? "crew" : "passenger", -1, SQLITE_STATIC);
  bind_capped (stmt, base + 3, traveller->surname, 256);
  bind_capped (stmt, base + 4, traveller->given_names, 256);
  _tarmac_import_bind_static (stmt, base + 5, _tarmac_import_map_sex (traveller->sex));
  _tarmac_import_bind_static (stmt, base + 6, traveller->date_of_birth);
  sqlite3_bind_text (stmt, base + 7, pending->item->nationality, -1, SQLITE_STATIC);
  _tarmac_import_bind_static (stmt, base + 8, traveller->residence);
  _tarmac_import_bind_static (stmt, base + 9, traveller->birthplace);
  _tarmac_import_bind_static (stmt, base + 10, traveller->seat);
  if (traveller->bag_count >= 0)
    sqlite3_bind_int (stmt, base + 11, traveller->bag_count);
  else
    sqlite3_bind_null (stmt, base + 11);
  if (traveller->bag_weight >= 0)
    {
      double kg = traveller->bag_weight;

      if (traveller->bag_weight_unit != NULL &&
          (g_ascii_strcasecmp (traveller->bag_weight_unit, "LBR") == 0 ||
           g_ascii_strcasecmp (traveller->bag_weight_unit, "LB") == 0))
        kg *= 0.45359237;
      sqlite3_bind_double (stmt, base + 12, kg);
    }
  else
    sqlite3_bind_null (stmt, base + 12);
  if (traveller->bag_tags != NULL && traveller->bag_tags->len > 0)
    {
      g_ptr_array_add (traveller->bag_tags, NULL);
      bind_owned (stmt, base + 13, g_strjoinv (" ", (char **) traveller->bag_tags->pdata));
      g_ptr_array_set_size (traveller->bag_tags, traveller->bag_tags->len - 1);
    }
  else
    sqlite3_bind_null (stmt, base + 13);
  sqlite3_bind_int (stmt, base + 14, traveller->in_transit ? 1 : 0);
  _tarmac_import_bind_static (stmt, base + 15, traveller->embarkation);
  _tarmac_import_bind_static (stmt, base + 16, traveller->debarkation);
  _tarmac_import_bind_static (stmt, base + 17, traveller->booking_reference);
  sqlite3_bind_text (stmt, base + 18, pending->item->name_key, -1, SQLITE_STATIC);
}

/* Fills @pending for @item, the next id with it; %FALSE when the traveller is not
 * written (it has no surname), with a warning. */
static gboolean
pending_init (Import                     *import,
              const TarmacPaxlstMessage  *message,
              const ImportTraveller      *item,
              Pending                    *pending)
{
  const TarmacPaxlstTraveller *traveller = item->traveller;

  if (traveller->surname == NULL || *traveller->surname == '\0')
    {
      _tarmac_import_add_warning (import->report, "skipped-traveller",
                   _("A traveller without a surname was not imported"),
                   traveller->offset, traveller->line, 0);
      return FALSE;
    }

  pending->item = item;
  pending->id = import->next_traveller_id++;

  if (traveller->kind == TARMAC_PAXLST_TRAVELLER_CREW)
    pending->crew = TRUE;
  else if (traveller->kind == TARMAC_PAXLST_TRAVELLER_PASSENGER)
    pending->crew = FALSE;
  else
    pending->crew = message->document_type == TARMAC_PAXLST_DOCUMENT_TYPE_CREW;

  return TRUE;
}

/* What follows a traveller's row: its name-index entry, the findings of its birth date
 * and documents, its documents, and the report's counts. */
static gboolean
after_row (Import         *import,
           const Pending  *pending,
           GError        **error)
{
  const ImportTraveller *item = pending->item;
  const TarmacPaxlstTraveller *traveller = item->traveller;

  _tarmac_store_queue_for_search_key (import->store, pending->id, item->name_key,
                                      import->flight_date);

  if (item->birth != NULL &&
      !_tarmac_import_write_findings (import, pending->id, item->birth, traveller->line,
                                      traveller->offset, error))
    return FALSE;

  for (guint i = 0; i < item->n_documents; i++)
    if (!_tarmac_import_queue_document (import, pending->id, item->documents, i, error))
      return FALSE;

  import->report->n_travellers++;
  if (pending->crew)
    {
      import->report->n_crew++;
      import->message_crew++;
    }
  else
    import->message_passengers++;

  return TRUE;
}

/* Writes a row for each of @n pending travellers: all in one statement, or, when SQLite
 * refused one of them, those from the refused one on one by one, so that the failing row
 * says where it is. */
static gboolean
write_pending (Import         *import,
               gint64          flight_id,
               gint64          message_id,
               const Pending  *pending,
               guint           n,
               GError        **error)
{
  guint written = 0;

  if (n > 1)
    {
      sqlite3_stmt *stmt = _tarmac_store_prepare_rows_cached (import->store, TRAVELLER_COLUMNS,
                                                              TRAVELLER_ROW, n, error);

      if (stmt == NULL)
        return FALSE;
      for (guint i = 0; i < n; i++)
        bind_traveller (import, stmt, i, &pending[i], flight_id, message_id);
      if (!_tarmac_import_step_rows (import, stmt, n, pending[0].item->traveller->line,
                                     pending[0].item->traveller->offset, &written, error))
        return FALSE;
    }

  for (guint i = written; i < n; i++)
    {
      bind_traveller (import, import->insert_traveller, 0, &pending[i], flight_id, message_id);
      if (!_tarmac_import_step (import, import->insert_traveller,
                                pending[i].item->traveller->line,
                                pending[i].item->traveller->offset, error))
        return FALSE;
    }

  return TRUE;
}

/* Writes @n pending travellers, then what follows each, and forgets them. */
static gboolean
flush (Import   *import,
       gint64    flight_id,
       gint64    message_id,
       Pending  *pending,
       guint     n,
       GError  **error)
{
  gboolean ok = TRUE;

  for (guint done = 0, rows; ok && done < n; done += rows)
    {
      rows = _tarmac_import_rows_per_statement (n - done);
      ok = write_pending (import, flight_id, message_id, pending + done, rows, error);
    }
  for (guint i = 0; ok && i < n; i++)
    ok = after_row (import, &pending[i], error);

  return ok;
}

static int
compare_travellers (gconstpointer a,
                    gconstpointer b)
{
  const ImportTraveller *x = *(ImportTraveller * const *) a;
  const ImportTraveller *y = *(ImportTraveller * const *) b;
  int order = strcmp (x->name_key, y->name_key);

  if (order != 0)
    return order;
  return x->index < y->index ? -1 : x->index > y->index;
}

/**
 * _tarmac_import_travellers_new:
 * @message: a manifest message
 *
 * Makes @message's travellers ready for _tarmac_import_write_travellers(), without the
 * database: their name keys, their birth dates and documents checked against the flight,
 * and the order they are written in. A batch import's preparer thread calls it.
 *
 * Returns: (transfer full): the travellers, pointing into @message
 */
ImportTravellers *
_tarmac_import_travellers_new (const TarmacPaxlstMessage *message)
{
  ImportTravellers *travellers = g_new0 (ImportTravellers, 1);
  char flight_date[11];

  if (message->travellers == NULL || message->travellers->len == 0)
    return travellers;

  _tarmac_import_flight_date (message, flight_date);
  travellers->n = message->travellers->len;
  travellers->items = g_new0 (ImportTraveller, travellers->n);
  travellers->order = g_new (ImportTraveller *, travellers->n);
  for (guint i = 0; i < travellers->n; i++)
    {
      ImportTraveller *item = &travellers->items[i];
      const TarmacPaxlstTraveller *traveller = g_ptr_array_index (message->travellers, i);
      TarmacDocumentCheck birth;

      item->traveller = traveller;
      item->index = i;
      item->name_key = traveller_name_key (traveller);
      item->nationality = _tarmac_import_map_country (traveller->nationality);
      tarmac_document_check_birth_date (traveller->date_of_birth, flight_date, &birth);
      if (birth.n_findings > 0)
        item->birth = g_memdup2 (&birth, sizeof birth);
      item->documents = _tarmac_import_prepare_documents (traveller, flight_date,
                                                          &item->n_documents);
      travellers->order[i] = item;
    }
  qsort (travellers->order, travellers->n, sizeof (ImportTraveller *), compare_travellers);

  return travellers;
}

void
_tarmac_import_travellers_free (ImportTravellers *travellers)
{
  if (travellers == NULL)
    return;

  for (guint i = 0; i < travellers->n; i++)
    {
      g_free (travellers->items[i].name_key);
      g_free (travellers->items[i].nationality);
      g_free (travellers->items[i].birth);
      g_free (travellers->items[i].documents);
    }
  g_free (travellers->items);
  g_free (travellers->order);
  g_free (travellers);
}

/**
 * _tarmac_import_write_travellers:
 * @import: the import, inside its transaction, its statements prepared
 *   (_tarmac_import_prepare_travellers())
 * @flight_id: the flight row of @message
 * @message_id: the message row of @message
 * @message: a manifest message
 * @error: return location for a #GError
 *
 * Writes the travellers of @message, each naming it as its source, counting them in
 * import->report, import->message_passengers and import->message_crew.
 *
 * Returns: %FALSE with @error set (naming the traveller's position) when a row could
 *   not be written
 */
gboolean
_tarmac_import_write_travellers (Import                     *import,
                                 gint64                      flight_id,
                                 gint64                      message_id,
                                 const TarmacPaxlstMessage  *message,
                                 GError                    **error)
{
  g_autoptr(ImportTravellers) owned = NULL;
  const ImportTravellers *travellers = NULL;
  Pending pending[ROWS_PER_STATEMENT];
  guint n = 0;

  if (import->travellers != NULL)
    travellers = g_hash_table_lookup (import->travellers, message);
  if (travellers == NULL)
    travellers = owned = _tarmac_import_travellers_new (message);

  for (guint i = 0; i < travellers->n; i++)
    {
      if (!pending_init (import, message, travellers->order[i], &pending[n]))
        continue;
      if (++n == ROWS_PER_STATEMENT)
        {
          if (!flush (import, flight_id, message_id, pending, n, error))
            return FALSE;
          n = 0;
        }
    }
  return flush (import, flight_id, message_id, pending, n, error);
}

/* The statements _tarmac_import_write_travellers() uses, and the id its first traveller
 * gets. Call once per file, inside its transaction. */
gboolean
_tarmac_import_prepare_travellers (Import  *import,
                                   GError **error)
{
  g_autoptr(TarmacCachedStmt) last = NULL;
  int rc;

  import->insert_traveller = _tarmac_store_prepare_cached (import->store,
                                                           TRAVELLER_COLUMNS TRAVELLER_ROW,
                                                           error);
  if (import->insert_traveller == NULL)
    return FALSE;

  last = _tarmac_store_prepare_cached (import->store,
                                       "SELECT coalesce (max (id), 0) + 1 FROM traveller",
                                       error);
  if (last == NULL)
    return FALSE;
  rc = sqlite3_step (last);
  if (rc != SQLITE_ROW)
    {
      _tarmac_store_set_error (import->store, rc, error);
      return FALSE;
    }
  import->next_traveller_id = sqlite3_column_int64 (last, 0);

  return TRUE;
}
