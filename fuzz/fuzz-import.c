/* fuzz-import.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "tarmac-fuzz.h"
#include "tarmac-importer.h"
#include "tarmac-store-private.h"

/* The whole import path, sniffing to SQL, on an in-memory database: anything goes in,
 * and a refused file must leave the database as it was (all or nothing). The database
 * is remade now and then so it stays small. */

#define RUNS_PER_STORE 2000

static TarmacStore *store;
static guint runs;

static gint64
count_rows (void)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = _tarmac_store_prepare (store,
                                "SELECT (SELECT count(*) FROM source_file)"
                                " + (SELECT count(*) FROM traveller)"
                                " + (SELECT count(*) FROM message)"
                                " + (SELECT count(*) FROM flight)"
                                " + (SELECT count(*) FROM pnr)"
                                " + (SELECT count(*) FROM audit_log)",
                                NULL);
  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    __builtin_trap ();
  return sqlite3_column_int64 (stmt, 0);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(TarmacImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) json = NULL;
  g_autofree char *text = NULL;
  gint64 before;

  if (store == NULL || ++runs % RUNS_PER_STORE == 0)
    {
      g_clear_object (&store);
      if (!(store = tarmac_store_open (":memory:", &error)))
        g_error ("%s", error->message);
      tarmac_store_set_actor (store, "fuzz");
    }

  before = count_rows ();
  if (!tarmac_import_bytes (store, "fuzz.edi", data, size, &report, NULL, &error))
    {
      if (count_rows () != before)
        __builtin_trap ();
      tarmac_fuzz_touch (error->message);
    }

  json = tarmac_import_report_to_json (report);
  text = json_to_string (json, FALSE);
  tarmac_fuzz_touch (text);
  return 0;
}
