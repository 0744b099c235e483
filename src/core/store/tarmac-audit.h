/* tarmac-audit.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tarmac-store.h"

G_BEGIN_DECLS

/* The audit log is append-only (triggers refuse UPDATE and DELETE) and hash-chained:
 * each row stores SHA-256 over its own fields and the previous row's hash, so an edited,
 * removed or inserted row breaks the chain at that point. */

gboolean tarmac_audit_append (TarmacStore  *store,
                              const char   *action,
                              const char   *object_type,
                              const char   *object_id,
                              const char   *detail,
                              GError      **error);
gboolean tarmac_audit_verify (TarmacStore  *store,
                              guint64      *n_rows,
                              gint64       *first_broken_id,
                              GError      **error);

G_END_DECLS
