/* tarmac-demo.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-demo"

#include "config.h"

#include <errno.h>
#include <math.h>
#include <string.h>
#include <sys/stat.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "tarmac-demo-private.h"
#include "tarmac-demo-schedule.h"
#include "tarmac-search.h"
#include "tarmac-store-private.h"

/* The same constant as the store's header mark ("TRMC"). */
#define TARMAC_APPLICATION_ID 0x54524d43

#define DEFAULT_SEED        20261122u
#define DEFAULT_DAYS        7
#define MAX_DAYS            366
#define MAX_SCALE           1000.0

/* While generating, a larger page cache keeps the indexes in memory: at a million
 * travellers the name-key index alone outgrows SQLite's default 2 MiB many times over. */
#define GENERATION_CACHE_KIB 262144

typedef enum
{
  DEMO_FILE_MISSING,
  DEMO_FILE_EMPTY,        /* no byte, or a Tarmac database without data */
  DEMO_FILE_DEMO,
} DemoFileState;

static char *
get_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

/**
 * tarmac_demo_options_init:
 * @options: the options to fill
 *
 * Sets the defaults: a fixed seed, today's local date as the anchor, seven days, and the
 * traffic of a normal week (scale 1.0).
 */
void
tarmac_demo_options_init (TarmacDemoOptions *options)
{
  g_autofree char *today = get_today ();

  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->seed = DEFAULT_SEED;
  g_strlcpy (options->anchor_day, today, sizeof options->anchor_day);
  options->days = DEFAULT_DAYS;
  options->scale = 1.0;
  options->results = TRUE;
}

static gboolean
validate_options (const TarmacDemoOptions  *options,
                  gint64                   *anchor,
                  GError                  **error)
{
  if (memchr (options->anchor_day, '\0', sizeof options->anchor_day) == NULL ||
      !_tarmac_demo_parse_day (options->anchor_day, anchor))
    {
      g_set_error (error, TARMAC_STORE_ERROR, TARMAC_STORE_ERROR_INVALID,
                   _("The demo's anchor day must be a date written YYYY-MM-DD"));
      return FALSE;
    }

  if (options->days < 1 || options->days > MAX_DAYS)
    {
      g_set_error (error, TARMAC_STORE_ERROR, TARMAC_STORE_ERROR_INVALID,
                   _("The demo covers 1 to %d days, not %u"), MAX_DAYS, options->days);
      return FALSE;
    }

  if (!isfinite (options->scale) || options->scale <= 0 || options->scale > MAX_SCALE)
    {
      g_set_error (error, TARMAC_STORE_ERROR, TARMAC_STORE_ERROR_INVALID,
                   _("The demo's scale must be above 0 and at most %g"), MAX_SCALE);
      return FALSE;
    }

  return TRUE;
}

static gboolean
store_has_flights (TarmacStore  *store,
                   gboolean     *has_flights,
                   GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = _tarmac_store_prepare (store, "SELECT EXISTS (SELECT 1 FROM flight)", error);
  if (stmt == NULL)
    return FALSE;

  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      _tarmac_store_set_error (store, sqlite3_errcode (_tarmac_store_get_db (store)), error);
      return FALSE;
    }

  *has_flights = sqlite3_column_int (stmt, 0) != 0;
  return TRUE;
}

static gint64
get_pragma (TarmacStore *store,
            const char  *sql)
{
  g_autoptr(sqlite3_stmt) stmt = _tarmac_store_prepare (store, sql, NULL);

  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);

  return 0;
}

static void
resume_checks (TarmacStore *store,
               gboolean     foreign_keys,
               gboolean     constraints)
{
  if (foreign_keys)
    _tarmac_store_exec (store, "PRAGMA foreign_keys = ON", NULL);
  if (constraints)
    _tarmac_store_exec (store, "PRAGMA ignore_check_constraints = OFF", NULL);
}

static void
set_cache_size (TarmacStore *store,
                gint64       size)
{
  /* A literal integer, never input. */
  g_autofree char *sql = g_strdup_printf ("PRAGMA cache_size = %" G_GINT64_FORMAT, size);

  _tarmac_store_exec (store, sql, NULL);
}

/* Bulk loading. Maintaining the secondary indexes row by row costs most of the
 * generation time (random inserts into name, document, contact and card indexes), and
 * building them once at the end is several times faster. So, inside the transaction, the
 * indexes of the tables the generator fills are dropped and then re-created from their own
 * stored definitions: the schema ends exactly as it was, and a failure rolls everything
 * back. Indexes that enforce UNIQUE constraints cannot be dropped and stay. */
static const char * const bulk_tables[] = {
  "flight_leg", "pnr", "pnr_contact", "pnr_payment", "pnr_segment", "pnr_ssr", "traveller",
  "travel_document",
};

static gboolean
drop_indexes (TarmacStore  *store,
              GPtrArray    *definitions,
              GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  int rc;

  stmt = _tarmac_store_prepare (store,
                                "SELECT name, sql FROM sqlite_schema WHERE type = 'index'"
                                " AND sql IS NOT NULL AND tbl_name = ?1 ORDER BY name",
                                error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (bulk_tables); i++)
    {
      sqlite3_reset (stmt);
      sqlite3_bind_text (stmt, 1, bulk_tables[i], -1, SQLITE_STATIC);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          g_ptr_array_add (names, g_strdup (_tarmac_store_column_text (stmt, 0)));
          g_ptr_array_add (definitions, g_strdup (_tarmac_store_column_text (stmt, 1)));
        }
      if (rc != SQLITE_DONE)
        {
          _tarmac_store_set_error (store, rc, error);
          return FALSE;
        }
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  for (guint i = 0; i < names->len; i++)
    {
      /* An identifier from our own schema, quoted as one. */
      char *sql = sqlite3_mprintf ("DROP INDEX \"%w\"", (const char *) names->pdata[i]);
      gboolean ok = _tarmac_store_exec (store, sql, error);

      sqlite3_free (sql);
      if (!ok)
        return FALSE;
    }

  return TRUE;
}

static gboolean
restore_indexes (TarmacStore  *store,
                 GPtrArray    *definitions,
                 GError      **error)
{
  for (guint i = 0; i < definitions->len; i++)
    if (!_tarmac_store_exec (store, definitions->pdata[i], error))
      return FALSE;

  return TRUE;
}

static gboolean
write_meta (TarmacStore              *store,
            const TarmacDemoOptions  *options,
            GError                  **error)
{
  g_autofree char *seed = g_strdup_printf ("%u", options->seed);
  g_autofree char *days = g_strdup_printf ("%u", options->days);
  char scale[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_dtostr (scale, sizeof scale, options->scale);

  return tarmac_store_set_meta (store, TARMAC_DEMO_META_KEY, "1", error) &&
         tarmac_store_set_meta (store, TARMAC_DEMO_META_ANCHOR_DAY, options->anchor_day, error) &&
         tarmac_store_set_meta (store, "demo-seed", seed, error) &&
         tarmac_store_set_meta (store, "demo-days", days, error) &&
         tarmac_store_set_meta (store, "demo-scale", scale, error) &&
         tarmac_store_set_meta (store, "airport-code", TARMAC_DEMO_HOME_AIRPORT, error);
}

/* Inside the transaction: the rows, then the indexes and the settings. @times gets the
 * moments each step ended, for the debug log. */
static gboolean
write_all (TarmacStore              *store,
           const TarmacDemoOptions  *options,
           gint64                    first_day,
           TarmacDemoStats          *stats,
           gint64                    times[2],
           GError                  **error)
{
  g_autoptr(GPtrArray) indexes = g_ptr_array_new_with_free_func (g_free);
  gint64 anchor = 0;

  if (!drop_indexes (store, indexes, error) ||
      !_tarmac_demo_write_rows (store, options, first_day,
                                _tarmac_store_get_retention_years (store),
                                stats, error))
    return FALSE;
  times[0] = g_get_monotonic_time ();

  if (!restore_indexes (store, indexes, error) ||
      !tarmac_search_index_update (store, error) ||
      !write_meta (store, options, error) ||
      !_tarmac_demo_parse_day (options->anchor_day, &anchor) ||
      (options->results &&
       (!_tarmac_demo_write_seizures (store, anchor, options->seed, error) ||
        !_tarmac_demo_write_watchlist (store, anchor, options->seed, error))))
    return FALSE;
  times[1] = g_get_monotonic_time ();

  return TRUE;
}

/**
 * tarmac_demo_generate:
 * @store: an open store without flights
 * @options: (nullable): what to generate; %NULL for tarmac_demo_options_init()'s defaults
 * @stats: (out) (optional): what was generated
 * @error: return location for a #GError
 *
 * Fills @store with invented but realistic traffic at Lomé (LFW): flights, passengers
 * and crew with their documents, PNRs with contacts, payments, itineraries and SSRs,
 * a few notes from other airports of the network, thirteen months of seizures and
 * other results (tarmac-demo-seizures.c), and a watchlist of invented people with the
 * hits it raises on the demo's travellers (tarmac-demo-watchlist.c). The same options always give the same
 * rows. Everything is written in one transaction, so on error the store is unchanged.
 *
 * A store that already holds flights is refused with %TARMAC_STORE_ERROR_INVALID: the
 * demo never mixes with real data.
 *
 * Returns: %TRUE on success
 */
gboolean
tarmac_demo_generate (TarmacStore              *store,
                      const TarmacDemoOptions  *options,
                      TarmacDemoStats          *stats,
                      GError                  **error)
{
  TarmacDemoOptions defaults;
  TarmacDemoStats local_stats;
  sqlite3 *db;
  gint64 anchor, first_day;
  gint64 old_cache_size;
  gint64 times[4] = { 0, };
  gboolean has_flights = FALSE;
  gboolean foreign_keys_paused = FALSE;
  gboolean checks_paused = FALSE;
  gboolean ok;

  g_return_val_if_fail (TARMAC_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (options == NULL)
    {
      tarmac_demo_options_init (&defaults);
      options = &defaults;
    }

  if (!validate_options (options, &anchor, error))
    return FALSE;

  first_day = anchor - (gint64) (options->days - 1) / 2;
  memset (&local_stats, 0, sizeof local_stats);
  db = _tarmac_store_get_db (store);

  /* The generator writes valid rows by construction, and the tests prove it on its
   * output (PRAGMA foreign_key_check and integrity_check, which re-evaluates every CHECK
   * constraint). Checking each row while generating would triple the time: on SQLite 3.40
   * the CHECK constraints alone cost about 4 µs a traveller row. The foreign-key pragma only
   * takes effect outside a transaction; inside a caller's, those checks stay on. */
  if (sqlite3_get_autocommit (db) && get_pragma (store, "PRAGMA foreign_keys") != 0)
    foreign_keys_paused = _tarmac_store_exec (store, "PRAGMA foreign_keys = OFF", NULL);
  if (get_pragma (store, "PRAGMA ignore_check_constraints") == 0)
    checks_paused = _tarmac_store_exec (store, "PRAGMA ignore_check_constraints = ON", NULL);

  if (!tarmac_store_begin (store, error))
    {
      resume_checks (store, foreign_keys_paused, checks_paused);
      g_prefix_error (error, _("Could not generate the demo data: "));
      return FALSE;
    }

  if (!store_has_flights (store, &has_flights, error))
    {
      tarmac_store_rollback (store);
      resume_checks (store, foreign_keys_paused, checks_paused);
      g_prefix_error (error, _("Could not generate the demo data: "));
      return FALSE;
    }

  if (has_flights)
    {
      tarmac_store_rollback (store);
      resume_checks (store, foreign_keys_paused, checks_paused);
      g_set_error (error, TARMAC_STORE_ERROR, TARMAC_STORE_ERROR_INVALID,
                   _("“%s” already holds flights: demo data is only written into an empty "
                     "database"), tarmac_store_get_path (store));
      return FALSE;
    }

  old_cache_size = get_pragma (store, "PRAGMA cache_size");
  if (old_cache_size > -GENERATION_CACHE_KIB && options->days * options->scale > 7)
    set_cache_size (store, -GENERATION_CACHE_KIB);

  times[0] = g_get_monotonic_time ();
  /* A failed commit rolls itself back; only a failed write needs the rollback here. */
  ok = write_all (store, options, first_day, &local_stats, times + 1, error);
  if (ok)
    ok = tarmac_store_commit (store, error);
  else
    tarmac_store_rollback (store);
  times[3] = g_get_monotonic_time ();

  set_cache_size (store, old_cache_size);
  resume_checks (store, foreign_keys_paused, checks_paused);

  if (!ok)
    {
      g_prefix_error (error, _("Could not generate the demo data: "));
      return FALSE;
    }

  g_debug ("Generated %u flights, %u passengers, %u crew, %u documents, %u PNRs, %u notes"
           " in %s: %.2f s (rows %.2f s, indexes %.2f s, commit %.2f s)",
           local_stats.flights, local_stats.passengers, local_stats.crew,
           local_stats.documents, local_stats.pnrs, local_stats.notes,
           tarmac_store_get_path (store), (times[3] - times[0]) / 1e6,
           (times[1] - times[0]) / 1e6, (times[2] - times[1]) / 1e6,
           (times[3] - times[2]) / 1e6);

  if (stats != NULL)
    *stats = local_stats;

  return TRUE;
}

/**
 * tarmac_demo_get_default_path:
 *
 * Returns: (transfer full): `$XDG_DATA_HOME/tarmac/demo.db`, apart from the real database
 */
char *
tarmac_demo_get_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "tarmac", "demo.db", NULL);
}

/**
 * tarmac_store_is_demo:
 * @store: a #TarmacStore
 *
 * Returns: %TRUE if @store holds generated demo data
 */
gboolean
tarmac_store_is_demo (TarmacStore *store)
{
  g_autofree char *value = NULL;

  g_return_val_if_fail (TARMAC_IS_STORE (store), FALSE);

  value = tarmac_store_get_meta (store, TARMAC_DEMO_META_KEY);
  return g_strcmp0 (value, "1") == 0;
}

static gboolean
query_int (sqlite3    *db,
           const char *sql,
           gint64     *value)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return FALSE;

  *value = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  return TRUE;
}

static char *
query_text (sqlite3    *db,
            const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK ||
      sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;

  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

/* Whether a Tarmac database holds anything a person put there. The officer row that
 * opening the store adds, and the settings, do not count. */
static gboolean
holds_data (sqlite3 *db)
{
  static const char * const queries[] = {
    "SELECT EXISTS (SELECT 1 FROM flight)",
    "SELECT EXISTS (SELECT 1 FROM traveller)",
    "SELECT EXISTS (SELECT 1 FROM pnr)",
    "SELECT EXISTS (SELECT 1 FROM source_file)",
    "SELECT EXISTS (SELECT 1 FROM note)",
    "SELECT EXISTS (SELECT 1 FROM watchlist)",
    "SELECT EXISTS (SELECT 1 FROM rule)",
    "SELECT EXISTS (SELECT 1 FROM hit)",
    "SELECT EXISTS (SELECT 1 FROM audit_log)",
  };

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      gint64 exists = 0;

      /* A table that does not exist yet (older version) holds nothing. */
      if (query_int (db, queries[i], &exists) && exists)
        return TRUE;
    }

  return FALSE;
}

/* Looks at @path read-only, without creating, migrating or writing anything. */
static gboolean
inspect_file (const char     *path,
              DemoFileState  *state,
              char          **anchor_day,
              gboolean       *has_flights,
              GError        **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *demo = NULL;
  sqlite3 *db = NULL;
  struct stat st;
  gint64 app_id = 0, n_tables = 0, flights = 0;
  gboolean ok = FALSE;

  *anchor_day = NULL;
  *has_flights = FALSE;

  if (g_lstat (path, &st) != 0)
    {
      int errsv = errno;

      if (errsv == ENOENT)
        {
          *state = DEMO_FILE_MISSING;
          return TRUE;
        }

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                   _("Could not read the demo database “%s”: %s"), path, g_strerror (errsv));
      return FALSE;
    }

  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, TARMAC_STORE_ERROR, TARMAC_STORE_ERROR_OPEN,
                   _("“%s” is not a regular file; the demo does not use it"), path);
      return FALSE;
    }

  if (st.st_size == 0)
    {
      *state = DEMO_FILE_EMPTY;
      return TRUE;
    }

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOFOLLOW, NULL) == SQLITE_OK &&
      query_int (db, "PRAGMA application_id", &app_id) &&
      query_int (db, "SELECT count(*) FROM sqlite_schema", &n_tables))
    {
      if (n_tables == 0)
        {
          *state = DEMO_FILE_EMPTY;
          ok = TRUE;
        }
      else if (app_id == TARMAC_APPLICATION_ID)
        {
          demo = query_text (db, "SELECT value FROM meta WHERE key = '" TARMAC_DEMO_META_KEY "'");
          if (g_strcmp0 (demo, "1") == 0)
            {
              *state = DEMO_FILE_DEMO;
              *anchor_day = query_text (db, "SELECT value FROM meta WHERE key = '"
                                            TARMAC_DEMO_META_ANCHOR_DAY "'");
              *has_flights = query_int (db, "SELECT EXISTS (SELECT 1 FROM flight)", &flights) &&
                             flights != 0;
              ok = TRUE;
            }
          else if (!holds_data (db))
            {
              *state = DEMO_FILE_EMPTY;
              ok = TRUE;
            }
        }
    }

  sqlite3_close_v2 (db);

  if (!ok)
    g_set_error (error, TARMAC_STORE_ERROR, TARMAC_STORE_ERROR_NOT_TARMAC,
                 _("“%s” is not a Tarmac demo database; it was left untouched"), path);

  return ok;
}

static gboolean
remove_demo_file (const char  *path,
                  GError     **error)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      if (g_unlink (file) != 0 && errno != ENOENT)
        {
          int errsv = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                       _("Could not remove the old demo database “%s”: %s"), file,
                       g_strerror (errsv));
          return FALSE;
        }
    }

  return TRUE;
}

/**
 * tarmac_demo_open:
 * @path: (nullable): the demo database, or %NULL for tarmac_demo_get_default_path()
 * @error: return location for a #GError
 *
 * Opens the demo database, first generating it for today when it is missing, empty, or
 * was made for another day, so the demo always shows today's flights. A file that is not
 * a demo database is refused and left untouched: only a file marked as demo data is ever
 * deleted.
 *
 * Returns: (transfer full) (nullable): the store, or %NULL with @error set
 */
TarmacStore *
tarmac_demo_open (const char  *path,
                  GError     **error)
{
  g_autofree char *default_path = NULL;
  g_autofree char *anchor_day = NULL;
  g_autofree char *today = get_today ();
  g_autoptr(TarmacStore) store = NULL;
  TarmacDemoOptions options;
  DemoFileState state;
  gboolean has_flights = FALSE;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (path == NULL)
    path = default_path = tarmac_demo_get_default_path ();

  if (!inspect_file (path, &state, &anchor_day, &has_flights, error))
    return NULL;

  if (state == DEMO_FILE_DEMO)
    {
      if (has_flights && g_strcmp0 (anchor_day, today) == 0)
        return tarmac_store_open (path, error);

      g_debug ("Regenerating the demo database %s for %s (it was made for %s)",
               path, today, anchor_day != NULL ? anchor_day : "no day");
      if (!remove_demo_file (path, error))
        return NULL;
    }

  if (!(store = tarmac_store_open (path, error)))
    return NULL;

  tarmac_demo_options_init (&options);
  if (!tarmac_demo_generate (store, &options, NULL, error))
    return NULL;

  return g_steal_pointer (&store);
}
