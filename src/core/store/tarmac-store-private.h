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
gboolean      _tarmac_store_exec          (TarmacStore  *self,
                                           const char   *sql,
                                           GError      **error);
gboolean      _tarmac_store_step_done     (TarmacStore  *self,
                                           sqlite3_stmt *stmt,
                                           GError      **error);
void          _tarmac_store_set_error     (TarmacStore  *self,
                                           int           rc,
                                           GError      **error);
char         *_tarmac_store_now           (void);
char         *_tarmac_store_retain_until  (TarmacStore  *self);
guint         _tarmac_store_get_retention_years (TarmacStore *self);
const char   *_tarmac_store_column_text   (sqlite3_stmt *stmt,
                                           int           column);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

G_END_DECLS
