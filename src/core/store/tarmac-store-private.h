/* tarmac-store-private.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "tarmac-store.h"

G_BEGIN_DECLS

/* For the core modules only (import, screen, seizure, sync, demo): widgets never see SQL. */

sqlite3      *_tarmac_store_get_db        (TarmacStore  *self);
sqlite3_stmt *_tarmac_store_prepare       (TarmacStore  *self,
                                           const char   *sql,
                                           GError      **error);
/* A statement borrowed from the store's cache: released (reset), never finalized. */
typedef sqlite3_stmt TarmacCachedStmt;

sqlite3_stmt *_tarmac_store_prepare_cached (TarmacStore      *self,
                                            const char       *sql,
                                            GError          **error);
sqlite3_stmt *_tarmac_store_prepare_rows_cached (TarmacStore  *self,
                                                 const char   *columns,
                                                 const char   *row,
                                                 guint         n,
                                                 GError      **error);
void          _tarmac_store_release_cached (TarmacCachedStmt *stmt);
gboolean      _tarmac_store_exec          (TarmacStore  *self,
                                           const char   *sql,
                                           GError      **error);
gboolean      _tarmac_store_step_done     (TarmacStore  *self,
                                           sqlite3_stmt *stmt,
                                           GError      **error);
void          _tarmac_store_set_error     (TarmacStore  *self,
                                           int           rc,
                                           GError      **error);
gboolean      _tarmac_store_transaction_lost (TarmacStore *self);
void          _tarmac_store_set_unguarded (TarmacStore *self,
                                           gboolean     unguarded);
gboolean      _tarmac_store_take_spoiled (TarmacStore *self);
/* A traveller queued for the name index: its row is read back when name_key is %NULL. */
typedef struct
{
  gint64  traveller_id;
  char   *name_key;
  char   *flight_date;
} TarmacSearchQueued;

void          _tarmac_store_queue_for_search (TarmacStore *self,
                                              gint64       traveller_id);
void          _tarmac_store_queue_for_search_key (TarmacStore *self,
                                                  gint64       traveller_id,
                                                  const char  *name_key,
                                                  const char  *flight_date);
GArray       *_tarmac_store_take_search_queue (TarmacStore *self);

/* In tarmac-search-postings.c: search_postings(), for the search_token view. */
int           _tarmac_search_postings_register (sqlite3 *db);

gint64        _tarmac_store_grow_cache    (TarmacStore  *self,
                                           gint64        kib);
void          _tarmac_store_restore_cache (TarmacStore  *self,
                                           gint64        old);
char         *_tarmac_store_now           (void);
char         *_tarmac_store_retain_until  (TarmacStore  *self);
guint         _tarmac_store_get_retention_years (TarmacStore *self);
const char   *_tarmac_store_column_text   (sqlite3_stmt *stmt,
                                           int           column);

/* The columns _tarmac_store_traveller_from_row() reads. */
#define _TARMAC_TRAVELLER_COLUMNS \
  "SELECT t.id, t.flight_id, t.kind, t.surname, t.given_names, t.sex, t.date_of_birth," \
  " t.nationality, t.seat, d.type, d.number," \
  " f.carrier || ' ' || f.number || ' · ' || f.flight_date, t.name_key" \
  " FROM traveller t JOIN flight f ON f.id = t.flight_id" \
  " LEFT JOIN travel_document d ON d.id =" \
  "   (SELECT min (id) FROM travel_document WHERE traveller_id = t.id)"

TarmacTraveller *_tarmac_store_traveller_from_row (sqlite3_stmt *stmt);

/* The columns _tarmac_store_note_from_row() reads, from the note table. A note is unread
 * when it came from another site and nobody here has read it. */
#define _TARMAC_NOTE_COLUMNS \
  "SELECT id, uuid, author, origin_site, priority, subject_type, subject_ref, body," \
  " created_at, kind, recipients, delivery, reply_to, thread_root, read_at," \
  " read_at IS NULL AND origin_site <>" \
  "   coalesce ((SELECT value FROM sync_state WHERE key = 'site'), '')" \
  " FROM note"

TarmacNote      *_tarmac_store_note_from_row      (sqlite3_stmt *stmt);

/* Document numbers and booking references are indexed by block of 4,096 traveller ids
 * first (migration 19), so an import writes into the newest block instead of all over the
 * index. A lookup by number goes through every block: join the "block" this defines,
 * whose column b runs over the blocks that hold travellers, with CROSS JOIN (so it stays
 * the outer loop), on _TARMAC_BLOCK_OF (the indexes' own expression, which the planner
 * only matches when written the same way) = block.b. Each block is found from the last by
 * one seek past the last id it can hold (not at the next block's first id, which would
 * overflow after the last block), so blocks emptied by retention, or ids far apart, cost
 * nothing. */
#define _TARMAC_BLOCK_OF(traveller_id) "(" traveller_id " >> 12)"
#define _TARMAC_BLOCKS \
  "WITH RECURSIVE block (b) AS (SELECT (SELECT min (id) FROM traveller) >> 12" \
  " UNION ALL SELECT (SELECT min (id) FROM traveller WHERE id > ((block.b << 12) | 4095)) >> 12" \
  " FROM block WHERE block.b IS NOT NULL) "

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TarmacCachedStmt, _tarmac_store_release_cached)

G_END_DECLS
