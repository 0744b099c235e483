/* tarmac-watchlist-import.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "tarmac-store.h"
#include "tarmac-watchlist-data.h"

G_BEGIN_DECLS

/* What re-loading a list did. */
typedef struct
{
  char      *file_name;
  char      *list_name;
  char      *source;      /* un, ofac, tarmac-csv, documents-csv */
  char      *kind;        /* persons, documents */
  char      *version;
  gint64     watchlist_id;
  guint      entries;
  guint      names;
  guint      documents;
  guint      added;
  guint      changed;
  guint      removed;
  guint      unchanged;
  GPtrArray *warnings;    /* translated texts */
} TarmacWatchlistImportReport;

gboolean  tarmac_watchlist_import             (TarmacStore                  *store,
                                               TarmacWatchlistData          *data,
                                               const char                   *name,
                                               const char                   *file_name,
                                               const char                   *file_sha256,
                                               TarmacWatchlistImportReport **report,
                                               GError                      **error);
gboolean  tarmac_watchlist_import_file        (TarmacStore                  *store,
                                               const char                   *path,
                                               const char                   *name,
                                               const char                   *kind,
                                               TarmacWatchlistImportReport **report,
                                               GError                      **error);
void      tarmac_watchlist_import_report_free (TarmacWatchlistImportReport  *report);
JsonNode *tarmac_watchlist_import_report_to_json (const TarmacWatchlistImportReport *report);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TarmacWatchlistImportReport, tarmac_watchlist_import_report_free)

G_END_DECLS
