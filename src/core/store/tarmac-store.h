/* tarmac-store.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "tarmac-secrets.h"
#include "tarmac-types.h"

G_BEGIN_DECLS

#define TARMAC_STORE_ERROR (tarmac_store_error_quark ())

/**
 * TarmacStoreError:
 * @TARMAC_STORE_ERROR_OPEN: the file could not be opened or created
 * @TARMAC_STORE_ERROR_NOT_TARMAC: the file is an SQLite database, but not Tarmac's
 * @TARMAC_STORE_ERROR_TOO_NEW: the file was written by a newer Tarmac
 * @TARMAC_STORE_ERROR_MIGRATION: a schema migration failed (the file is unchanged)
 * @TARMAC_STORE_ERROR_CONSTRAINT: a row broke a constraint (unique, foreign key, check)
 * @TARMAC_STORE_ERROR_QUERY: any other SQLite failure
 * @TARMAC_STORE_ERROR_NOT_FOUND: the record asked for does not exist
 * @TARMAC_STORE_ERROR_AUDIT_BROKEN: the audit log's hash chain does not verify
 * @TARMAC_STORE_ERROR_INVALID: an argument from the user was not acceptable
 */
typedef enum
{
  TARMAC_STORE_ERROR_OPEN,
  TARMAC_STORE_ERROR_NOT_TARMAC,
  TARMAC_STORE_ERROR_TOO_NEW,
  TARMAC_STORE_ERROR_MIGRATION,
  TARMAC_STORE_ERROR_CONSTRAINT,
  TARMAC_STORE_ERROR_QUERY,
  TARMAC_STORE_ERROR_NOT_FOUND,
  TARMAC_STORE_ERROR_AUDIT_BROKEN,
  TARMAC_STORE_ERROR_INVALID,
} TarmacStoreError;

/**
 * TarmacDayCounts:
 *
 * What the Today page shows for one day (local date of the airport).
 */
typedef struct
{
  guint flights;
  guint flights_inbound;
  guint flights_outbound;
  guint travellers;
  guint crew;
  guint open_hits;
  guint notes;
} TarmacDayCounts;

#define TARMAC_TYPE_STORE (tarmac_store_get_type ())

G_DECLARE_FINAL_TYPE (TarmacStore, tarmac_store, TARMAC, STORE, GObject)

GQuark       tarmac_store_error_quark                 (void);
char        *tarmac_store_get_default_path            (void);
guint        tarmac_store_get_latest_version          (void);

TarmacSecrets *tarmac_store_get_secrets              (TarmacStore      *self);
TarmacStore *tarmac_store_open                        (const char       *path,
                                                       GError          **error);
TarmacStore *tarmac_store_open_at_version             (const char       *path,
                                                       guint             version,
                                                       GError          **error);
const char  *tarmac_store_get_path                    (TarmacStore      *self);
guint        tarmac_store_get_version                 (TarmacStore      *self);
const char  *tarmac_store_get_actor                   (TarmacStore      *self);
void         tarmac_store_set_actor                   (TarmacStore      *self,
                                                       const char       *actor);
void         tarmac_store_set_retention_years         (TarmacStore      *self,
                                                       guint             years);
void         tarmac_store_close                       (TarmacStore      *self);

gboolean     tarmac_store_begin                       (TarmacStore      *self,
                                                       GError          **error);
gboolean     tarmac_store_commit                      (TarmacStore      *self,
                                                       GError          **error);
void         tarmac_store_rollback                    (TarmacStore      *self);

char        *tarmac_store_get_meta                    (TarmacStore      *self,
                                                       const char       *key);
gboolean     tarmac_store_set_meta                    (TarmacStore      *self,
                                                       const char       *key,
                                                       const char       *value,
                                                       GError          **error);

char        *tarmac_store_get_airport_code            (TarmacStore      *self);
gboolean     tarmac_store_set_airport_code            (TarmacStore      *self,
                                                       const char       *code,
                                                       GError          **error);

gboolean     tarmac_store_has_imported_data           (TarmacStore      *self);
gboolean     tarmac_store_get_day_counts              (TarmacStore      *self,
                                                       const char       *day,
                                                       TarmacDayCounts  *counts,
                                                       GError          **error);

/* Lists of core objects for the pages (widgets never run SQL). Each call that shows
 * personal data writes its own audit row, so no caller can forget to. */
GListModel  *tarmac_store_list_flights                (TarmacStore      *self,
                                                       const char       *from_day,
                                                       const char       *to_day,
                                                       GError          **error);
TarmacFlight *tarmac_store_get_flight                 (TarmacStore      *self,
                                                       gint64            flight_id,
                                                       GError          **error);
GListModel  *tarmac_store_list_recent_notes           (TarmacStore      *self,
                                                       guint             limit,
                                                       GError          **error);
GListModel  *tarmac_store_list_flight_travellers      (TarmacStore      *self,
                                                       gint64            flight_id,
                                                       GError          **error);
GListModel  *tarmac_store_search_travellers           (TarmacStore      *self,
                                                       const char       *query,
                                                       guint             limit,
                                                       GError          **error);
char        *tarmac_store_get_flight_days_range       (TarmacStore      *self,
                                                       char            **last_day);

G_END_DECLS
