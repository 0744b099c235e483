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

/* The limits for a backlog, more files at once than a batch holds (a month of manifests
 * on the command line), whose reports nobody waits for one by one. Each commit writes
 * again every page its files touched of the indexes on random keys (document numbers,
 * name words), which at a million travellers is most of those indexes: in batches of
 * 1,000 files a million travellers take 28 % less CPU than in batches of 100. A crash
 * loses at most one batch, imported again by the same command. */
#define TARMAC_BATCH_IMPORT_BACKLOG_FILES 1000
#define TARMAC_BATCH_IMPORT_BACKLOG_MSEC  15000

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
