/* tarmac-test-interrupt.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <sqlite3.h>
#include <string.h>

G_BEGIN_DECLS

/* Interrupts a connection in the @nth statement whose SQL begins with @prefix (and holds
 * @contains, unless %NULL). On a write SQLite then rolls the whole transaction back, as
 * after a full disk or an I/O error, which tests cannot cause at will. */
typedef struct
{
  const char *prefix;
  const char *contains;
  guint       nth;
  guint       seen;
  gboolean    armed;
} TarmacTestInterrupt;

static inline int
tarmac_test_interrupt_progress (void *data)
{
  TarmacTestInterrupt *interrupt = data;
  gboolean armed = interrupt->armed;

  interrupt->armed = FALSE;
  return armed;
}

static inline int
tarmac_test_interrupt_trace (unsigned  type,
                             void     *data,
                             void     *statement,
                             void     *unused)
{
  TarmacTestInterrupt *interrupt = data;
  const char *sql = sqlite3_sql (statement);

  if (sql != NULL && g_str_has_prefix (sql, interrupt->prefix) &&
      (interrupt->contains == NULL || strstr (sql, interrupt->contains) != NULL) &&
      ++interrupt->seen == interrupt->nth)
    interrupt->armed = TRUE;
  return 0;
}

static inline void
tarmac_test_interrupt_start (sqlite3             *db,
                             TarmacTestInterrupt *interrupt)
{
  sqlite3_trace_v2 (db, SQLITE_TRACE_STMT, tarmac_test_interrupt_trace, interrupt);
  sqlite3_progress_handler (db, 1, tarmac_test_interrupt_progress, interrupt);
}

static inline void
tarmac_test_interrupt_stop (sqlite3 *db)
{
  sqlite3_progress_handler (db, 0, NULL, NULL);
  sqlite3_trace_v2 (db, 0, NULL, NULL);
}

G_END_DECLS
