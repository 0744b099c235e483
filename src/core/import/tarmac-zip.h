/* tarmac-zip.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Bounds against zip bombs: an XLSX manifest is a few hundred kilobytes. */
#define TARMAC_ZIP_MAX_ENTRIES      4096
#define TARMAC_ZIP_MAX_ENTRY_SIZE   ((gsize) 64 * 1024 * 1024)
#define TARMAC_ZIP_MAX_TOTAL_SIZE   ((gsize) 256 * 1024 * 1024)
#define TARMAC_ZIP_MAX_RATIO        200

typedef struct _TarmacZip TarmacZip;

TarmacZip *tarmac_zip_open        (const guint8  *data,
                                   gsize          length,
                                   GError       **error);
void       tarmac_zip_free        (TarmacZip     *zip);
gboolean   tarmac_zip_has_entry   (TarmacZip     *zip,
                                   const char    *name);
GBytes    *tarmac_zip_read_entry  (TarmacZip     *zip,
                                   const char    *name,
                                   GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TarmacZip, tarmac_zip_free)

G_END_DECLS
