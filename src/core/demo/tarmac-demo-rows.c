/* tarmac-demo-rows.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-demo"

#include "config.h"

#include <string.h>

#include "tarmac-demo-generator-private.h"
#include "tarmac-store-private.h"

/*
 * The generator's rows go to SQLite on a second thread, so that making up the next
 * travellers overlaps with inserting the last ones (on two cores, the two halves take
 * about as long). The generator thread packs rows into a few fixed batches; the writer
 * binds their values in place (SQLITE_STATIC) and hands the batches back. The connection
 * is used by the writer only, between _tarmac_demo_rows_start() and
 * _tarmac_demo_rows_finish(), inside the caller's transaction.
 *
 * A row in a batch: its kind and value count (one byte each), then each value as a tag
 * byte and its bytes: 'I' and 'D' eight bytes, 'T' a 32-bit length, the text and a NUL,
 * 'N' nothing.
 */

#define BATCH_SIZE  (512 * 1024)
#define MAX_ROW     (16 * 1024)
#define N_BATCHES   4

typedef struct
{
  guint8   *data;
  gsize     len;
  gboolean  last;
} Batch;

struct _DemoRows
{
  TarmacStore  *store;
  sqlite3_stmt *stmts[DEMO_N_ROWS];
  GThread      *thread;
  GAsyncQueue  *full;
  GAsyncQueue  *empty;

  /* The generator's side */
  Batch        *current;
  gsize         row_start;
  guint         n_values;

  /* The writer's side; @failed is read by the generator to stop early. */
  int           failed;
  GError       *error;

  Batch         batches[N_BATCHES];
};

/* Ids are given for the rows that others refer to: the writer runs behind the generator,
 * which cannot ask SQLite for them. */
static const char * const row_sql[DEMO_N_ROWS] = {
  [DEMO_ROW_FLIGHT] =
    "INSERT INTO flight (id, carrier, number, flight_date, origin, destination,"
    " scheduled_departure, scheduled_arrival, actual_departure, actual_arrival, direction,"
    " aircraft, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
  [DEMO_ROW_LEG] =
    "INSERT INTO flight_leg (flight_id, seq, origin, destination, scheduled_departure,"
    " scheduled_arrival, operating_carrier, operating_number)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
  [DEMO_ROW_PNR] =
    "INSERT INTO pnr (id, carrier, record_locator, version, created_at_source,"
    " modified_at_source, pushed_at, agency, point_of_sale, message_id, retain_until)"
    " VALUES (?1, ?2, ?3, 1, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
  [DEMO_ROW_CONTACT] =
    "INSERT INTO pnr_contact (pnr_id, kind, value, value_normalised, retain_until)"
    " VALUES (?1, ?2, ?3, ?4, ?5)",
  [DEMO_ROW_PAYMENT] =
    "INSERT INTO pnr_payment (pnr_id, form, card_last4, card_hash, card_holder, amount,"
    " currency, retain_until) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
  [DEMO_ROW_SEGMENT] =
    "INSERT INTO pnr_segment (pnr_id, seq, carrier, number, flight_date, origin,"
    " destination, departure, arrival, status)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 'HK')",
  [DEMO_ROW_SSR] =
    "INSERT INTO pnr_ssr (pnr_id, traveller_id, code, text, retain_until)"
    " VALUES (?1, ?2, ?3, ?4, ?5)",
  [DEMO_ROW_TRAVELLER] =
    "INSERT INTO traveller (id, flight_id, pnr_id, kind, is_infant, surname, given_names,"
    " sex, date_of_birth, nationality, residence, birthplace, seat, bag_count,"
    " bag_weight_kg, bag_tags, boarding_status, transit, embarkation, debarkation,"
    " booking_reference, from_api, from_pnr, name_key, created_at, retain_until,"
    " message_id)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,"
    " 'boarded', ?17, ?18, ?19, ?20, 1, ?21, ?22, ?23, ?24, ?25)",
  [DEMO_ROW_DOCUMENT] =
    "INSERT INTO travel_document (traveller_id, type, number, number_normalised,"
    " issuing_state, issued_on, expires_on, check_verdict, retain_until)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'unchecked', ?8)",
  [DEMO_ROW_NOTE] =
    "INSERT INTO note (uuid, author, origin_site, priority, subject_type, subject_ref, body,"
    " created_at, updated_at, retain_until)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8, ?9)",
};

static gboolean
execute_batch (DemoRows *rows,
               Batch    *batch)
{
  const guint8 *p = batch->data;
  const guint8 *end = batch->data + batch->len;

  while (p < end)
    {
      DemoRowKind kind = p[0];
      guint n = p[1];
      sqlite3_stmt *stmt;
      int rc;

      g_assert (kind < DEMO_N_ROWS);
      stmt = rows->stmts[kind];
      g_assert ((int) n == sqlite3_bind_parameter_count (stmt));
      p += 2;

      for (guint i = 1; i <= n; i++)
        {
          guint8 tag = *p++;
          gint64 v;
          double d;
          guint32 len;

          switch (tag)
            {
            case 'I':
              memcpy (&v, p, sizeof v);
              sqlite3_bind_int64 (stmt, (int) i, v);
              p += sizeof v;
              break;
            case 'D':
              memcpy (&d, p, sizeof d);
              sqlite3_bind_double (stmt, (int) i, d);
              p += sizeof d;
              break;
            case 'T':
              memcpy (&len, p, sizeof len);
              p += sizeof len;
              sqlite3_bind_text (stmt, (int) i, (const char *) p, (int) len, SQLITE_STATIC);
              p += len + 1;
              break;
            case 'N':
            default:
              g_assert (tag == 'N');
              sqlite3_bind_null (stmt, (int) i);
              break;
            }
        }

      rc = sqlite3_step (stmt);
      if (rc != SQLITE_DONE)
        {
          _tarmac_store_set_error (rows->store, rc, &rows->error);
          sqlite3_reset (stmt);
          return FALSE;
        }
      sqlite3_reset (stmt);
      if (kind == DEMO_ROW_TRAVELLER)
        _tarmac_store_queue_for_search (rows->store,
                                        sqlite3_last_insert_rowid (
                                          _tarmac_store_get_db (rows->store)));
    }

  return TRUE;
}

static gpointer
writer_thread (gpointer data)
{
  DemoRows *rows = data;

  for (;;)
    {
      Batch *batch = g_async_queue_pop (rows->full);
      gboolean last = batch->last;

      /* After a failure, batches are only handed back, so the generator never waits. */
      if (!g_atomic_int_get (&rows->failed) && !execute_batch (rows, batch))
        g_atomic_int_set (&rows->failed, 1);

      batch->len = 0;
      if (last)
        return NULL;
      g_async_queue_push (rows->empty, batch);
    }
}

static void
rows_free (DemoRows *rows)
{
  for (guint i = 0; i < DEMO_N_ROWS; i++)
    g_clear_pointer (&rows->stmts[i], sqlite3_finalize);
  for (guint i = 0; i < N_BATCHES; i++)
    g_free (rows->batches[i].data);
  g_clear_pointer (&rows->full, g_async_queue_unref);
  g_clear_pointer (&rows->empty, g_async_queue_unref);
  g_clear_error (&rows->error);
  g_free (rows);
}

DemoRows *
_tarmac_demo_rows_start (TarmacStore  *store,
                         GError      **error)
{
  DemoRows *rows = g_new0 (DemoRows, 1);

  rows->store = store;
  for (guint i = 0; i < DEMO_N_ROWS; i++)
    if (!(rows->stmts[i] = _tarmac_store_prepare (store, row_sql[i], error)))
      {
        rows_free (rows);
        return NULL;
      }

  rows->full = g_async_queue_new ();
  rows->empty = g_async_queue_new ();
  for (guint i = 0; i < N_BATCHES; i++)
    {
      rows->batches[i].data = g_malloc (BATCH_SIZE);
      if (i > 0)
        g_async_queue_push (rows->empty, &rows->batches[i]);
    }
  rows->current = &rows->batches[0];

  rows->thread = g_thread_try_new ("tarmac-demo-writer", writer_thread, rows, error);
  if (rows->thread == NULL)
    {
      rows_free (rows);
      return NULL;
    }

  return rows;
}

static inline void
put (DemoRows   *rows,
     const void *data,
     gsize       len)
{
  memcpy (rows->current->data + rows->current->len, data, len);
  rows->current->len += len;
}

void
_tarmac_demo_rows_begin (DemoRows    *rows,
                         DemoRowKind  kind)
{
  guint8 header[2] = { (guint8) kind, 0 };

  if (BATCH_SIZE - rows->current->len < MAX_ROW)
    {
      g_async_queue_push (rows->full, rows->current);
      rows->current = g_async_queue_pop (rows->empty);
    }

  rows->row_start = rows->current->len;
  rows->n_values = 0;
  put (rows, header, sizeof header);
}

void
_tarmac_demo_rows_int (DemoRows *rows,
                       gint64    value)
{
  guint8 tag = 'I';

  put (rows, &tag, 1);
  put (rows, &value, sizeof value);
  rows->n_values++;
}

void
_tarmac_demo_rows_double (DemoRows *rows,
                          double    value)
{
  guint8 tag = 'D';

  put (rows, &tag, 1);
  put (rows, &value, sizeof value);
  rows->n_values++;
}

void
_tarmac_demo_rows_null (DemoRows *rows)
{
  guint8 tag = 'N';

  put (rows, &tag, 1);
  rows->n_values++;
}

/* %NULL writes a NULL. */
void
_tarmac_demo_rows_text (DemoRows   *rows,
                        const char *text)
{
  guint8 tag = 'T';
  guint32 len;

  if (text == NULL)
    {
      _tarmac_demo_rows_null (rows);
      return;
    }

  len = (guint32) strlen (text);
  g_assert (rows->current->len - rows->row_start + len + 6 < MAX_ROW);
  put (rows, &tag, 1);
  put (rows, &len, sizeof len);
  put (rows, text, len + 1);
  rows->n_values++;
}

/* Returns %FALSE once the writer has failed: the generator then stops, and
 * _tarmac_demo_rows_finish() reports why. */
gboolean
_tarmac_demo_rows_end (DemoRows *rows)
{
  g_assert (rows->n_values < 256);
  rows->current->data[rows->row_start + 1] = (guint8) rows->n_values;

  return !g_atomic_int_get (&rows->failed);
}

/* Writes what is pending, waits for the writer and frees @rows. */
gboolean
_tarmac_demo_rows_finish (DemoRows  *rows,
                          GError   **error)
{
  gboolean ok;

  rows->current->last = TRUE;
  g_async_queue_push (rows->full, rows->current);
  g_thread_join (rows->thread);

  ok = !g_atomic_int_get (&rows->failed);
  if (!ok)
    g_propagate_error (error, g_steal_pointer (&rows->error));

  rows_free (rows);
  return ok;
}
