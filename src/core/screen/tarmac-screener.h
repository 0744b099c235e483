/* tarmac-screener.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "tarmac-store.h"

G_BEGIN_DECLS

/**
 * TarmacScreenScopeKind:
 * @TARMAC_SCREEN_ALL: every unmasked traveller
 * @TARMAC_SCREEN_FLIGHT: the travellers of one flight row (@id)
 * @TARMAC_SCREEN_FLIGHT_NAMED: the travellers of a flight as an officer names it
 *   (@carrier, @number, @date: every origin of that flight that day)
 * @TARMAC_SCREEN_SOURCE_FILE: the travellers one imported file brought or updated (@id,
 *   a source_file row)
 */
typedef enum
{
  TARMAC_SCREEN_ALL,
  TARMAC_SCREEN_FLIGHT,
  TARMAC_SCREEN_FLIGHT_NAMED,
  TARMAC_SCREEN_SOURCE_FILE,
} TarmacScreenScopeKind;

typedef struct
{
  TarmacScreenScopeKind  kind;
  gint64                 id;
  const char            *carrier;   /* upper case, "AF" */
  const char            *number;    /* without leading zeros, "702" */
  const char            *date;      /* YYYY-MM-DD */
} TarmacScreenScope;

/* What one screening did. */
typedef struct
{
  guint   travellers;       /* screened */
  guint   added;            /* new hits */
  guint   updated;          /* new hits whose score or explanation changed */
  guint   unchanged;        /* hits found again as they were, or already reviewed */
  guint   index_entries;    /* person-list entries screened against */
  guint   index_names;
  double  build_ms;         /* building the index, when this run had to */
  double  match_ms;         /* matching and comparing documents */
  double  write_ms;         /* the write transaction */
  GArray *hit_ids;          /* (element-type gint64) the hits added or updated */
} TarmacScreenReport;

#define TARMAC_TYPE_SCREENER (tarmac_screener_get_type ())

G_DECLARE_FINAL_TYPE (TarmacScreener, tarmac_screener, TARMAC, SCREENER, GObject)

TarmacScreener *tarmac_screener_new                  (void);
gboolean        tarmac_screener_screen               (TarmacScreener           *self,
                                                      TarmacStore              *store,
                                                      const TarmacScreenScope  *scope,
                                                      TarmacScreenReport       *report,
                                                      GCancellable             *cancellable,
                                                      GError                  **error);
GArray         *tarmac_screener_list_unscreened      (TarmacScreener           *self,
                                                      TarmacStore              *store,
                                                      GError                  **error);
gboolean        tarmac_screener_needs_rescreen       (TarmacScreener           *self,
                                                      TarmacStore              *store);
gboolean        tarmac_screener_rescreen             (TarmacScreener           *self,
                                                      TarmacStore              *store,
                                                      TarmacScreenReport       *report,
                                                      GCancellable             *cancellable,
                                                      GError                  **error);

void            tarmac_screen_report_clear           (TarmacScreenReport       *report);

gint64          tarmac_screen_get_list_generation    (TarmacStore              *store);
gboolean        _tarmac_screen_bump_list_generation  (TarmacStore              *store,
                                                      GError                  **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (TarmacScreenReport, tarmac_screen_report_clear)

G_END_DECLS
