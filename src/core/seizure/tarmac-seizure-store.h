/* tarmac-seizure-store.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "tarmac-seizure-codes.h"
#include "tarmac-seizure-event.h"
#include "tarmac-seizure.h"
#include "tarmac-store.h"

G_BEGIN_DECLS

#define TARMAC_SEIZURE_ERROR (tarmac_seizure_error_quark ())

/**
 * TarmacSeizureError:
 * @TARMAC_SEIZURE_ERROR_INVALID: a field is missing, malformed or out of its bounds
 * @TARMAC_SEIZURE_ERROR_UNKNOWN_CODE: a code is not in the reference lists
 * @TARMAC_SEIZURE_ERROR_QUANTITY: a quantity or amount is impossible or absurd
 * @TARMAC_SEIZURE_ERROR_MISSING_RATE: an amount in a currency other than USD has no rate
 * @TARMAC_SEIZURE_ERROR_LOCKED: the record is validated: edit it as a new version
 * @TARMAC_SEIZURE_ERROR_STATUS: that status change is not allowed
 * @TARMAC_SEIZURE_ERROR_NOT_FOUND: no such record
 *
 * Every message is translated and names the field (items[2].quantity, route[1].country…).
 */
typedef enum
{
  TARMAC_SEIZURE_ERROR_INVALID,
  TARMAC_SEIZURE_ERROR_UNKNOWN_CODE,
  TARMAC_SEIZURE_ERROR_QUANTITY,
  TARMAC_SEIZURE_ERROR_MISSING_RATE,
  TARMAC_SEIZURE_ERROR_LOCKED,
  TARMAC_SEIZURE_ERROR_STATUS,
  TARMAC_SEIZURE_ERROR_NOT_FOUND,
} TarmacSeizureError;

GQuark          tarmac_seizure_error_quark          (void);

/* Checks every field against the codes and bounds, and computes each item's
 * kg-equivalent (with the factor used) and USD value (with the rate used). */
gboolean        tarmac_seizure_validate             (TarmacSeizure       *seizure,
                                                     TarmacSeizureCodes  *codes,
                                                     GError             **error);

/* JSON (the format README.md documents). @base_dir resolves attachments given by "path". */
TarmacSeizure  *tarmac_seizure_from_json            (JsonNode            *node,
                                                     const char          *base_dir,
                                                     GError             **error);
JsonNode       *tarmac_seizure_to_json              (TarmacSeizure       *seizure,
                                                     gboolean             nominal_links);

/* Storage. Each write is one transaction and one audit row; on error nothing changed. */
gboolean        tarmac_seizure_store_save           (TarmacStore         *store,
                                                     TarmacSeizure       *seizure,
                                                     GError             **error);
gboolean        tarmac_seizure_store_add_json       (TarmacStore         *store,
                                                     JsonNode            *node,
                                                     const char          *base_dir,
                                                     gint64              *id,
                                                     GError             **error);
TarmacSeizure  *tarmac_seizure_store_load           (TarmacStore         *store,
                                                     gint64               id,
                                                     GError             **error);
gint64          tarmac_seizure_store_find           (TarmacStore         *store,
                                                     const char          *ref_no,
                                                     GError             **error);
GListModel     *tarmac_seizure_store_list           (TarmacStore         *store,
                                                     const char          *from_day,
                                                     const char          *to_day,
                                                     GError             **error);
gboolean        tarmac_seizure_store_set_status     (TarmacStore         *store,
                                                     gint64               id,
                                                     const char          *status,
                                                     GError             **error);
TarmacSeizure  *tarmac_seizure_store_new_version    (TarmacStore         *store,
                                                     gint64               id,
                                                     GError             **error);
char           *tarmac_seizure_store_next_ref_no    (TarmacStore         *store,
                                                     const char          *airport,
                                                     const char          *occurred_at,
                                                     GError             **error);
GListModel     *tarmac_seizure_store_list_events    (TarmacStore         *store,
                                                     const char          *from_day,
                                                     const char          *to_day,
                                                     const char          *airport,
                                                     GError             **error);
guint           tarmac_seizure_store_count          (TarmacStore         *store);
GBytes         *tarmac_seizure_store_read_attachment (TarmacStore        *store,
                                                     gint64               attachment_id,
                                                     GError             **error);

G_END_DECLS
