/* tarmac-batch-import.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "tarmac-importer.h"
#include "tarmac-store.h"

G_BEGIN_DECLS

/* A batch commits after this many files, or this long after it began, whichever comes
 * first (tarmac_batch_import_set_limits()). */
#define TARMAC_BATCH_IMPORT_MAX_FILES 100
#define TARMAC_BATCH_IMPORT_MAX_MSEC  500

typedef struct _TarmacBatchImport TarmacBatchImport;

TarmacBatchImport *tarmac_batch_import_new        (TarmacStore       *store);
void               tarmac_batch_import_set_limits (TarmacBatchImport *self,
                                                   guint              max_files,
                                                   guint              max_msec);
GPtrArray         *tarmac_batch_import_add_file   (TarmacBatchImport *self,
                                                   const char        *path,
                                                   GCancellable      *cancellable);
GPtrArray         *tarmac_batch_import_add_bytes  (TarmacBatchImport *self,
                                                   const char        *name,
                                                   const guint8      *data,
                                                   gsize              length,
                                                   GCancellable      *cancellable);
GPtrArray         *tarmac_batch_import_finish     (TarmacBatchImport *self);
guint              tarmac_batch_import_get_commits (TarmacBatchImport *self);
void               tarmac_batch_import_free       (TarmacBatchImport *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TarmacBatchImport, tarmac_batch_import_free)

G_END_DECLS
