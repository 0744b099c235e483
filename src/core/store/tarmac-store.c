/* tarmac-store.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tarmac-migrations-private.h"
#include "tarmac-search.h"
#include "tarmac-secrets-private.h"
#include "tarmac-store-private.h"

/* "TRMC": marks the file as ours, so we never migrate someone else's database. */
#define TARMAC_APPLICATION_ID 0x54524d43

#define DEFAULT_RETENTION_YEARS 5

struct _TarmacStore
{
  GObject  parent_instance;

  /* Owned */
  sqlite3 *db;
  char    *path;
  char    *actor;
  TarmacSecrets *secrets;    /* made on first use */

  guint    version;
  guint    transaction_depth;
  guint    retention_years;

  /* SQL text → sqlite3_stmt*, prepared once and reset after each use (importers run the
   * same statements for every row and every file). */
  GHashTable *statements;
  /* RowsKey → a statement of @statements, for _tarmac_store_prepare_rows_cached() */
  GHashTable *row_statements;

  /* Travellers this connection inserted in its open transaction, for the name index
   * (tarmac_search_index_update()), as TarmacSearchQueued. A savepoint rolled back takes
   * its travellers out again. */
  GArray     *search_queue;

  /* The nested levels of the open transaction, innermost last, as Nested. */
  GArray     *nested;
  gboolean    unguarded;     /* _tarmac_store_set_unguarded() */
  gboolean    spoiled;       /* a level without a savepoint wrote and was rolled back */
};

typedef struct
{
  gint64   changes;         /* sqlite3_total_changes64() when it began if it has no
                             * savepoint, -1 if it has one */
  guint    queued;          /* the length of search_queue when it began */
  gboolean keys_resolved;   /* no foreign key was left unresolved when it began */
} Nested;

G_DEFINE_FINAL_TYPE (TarmacStore, tarmac_store, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PATH,
  PROP_VERSION,
  PROP_ACTOR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_QUARK (tarmac-store-error-quark, tarmac_store_error)

static gboolean
is_memory_path (const char *path)
{
  return g_strcmp0 (path, ":memory:") == 0;
}

/* Create the file ourselves with 0600 before SQLite sees it: SQLite would create it with
 * the umask's mode, readable by every user of the laptop. SQLite gives its -wal and -shm
 * files the same mode as the database. */
static gboolean
prepare_file (const char  *path,
              GError     **error)
{
  g_autofree char *dir = NULL;
  struct stat st;

  if (is_memory_path (path))
    return TRUE;

  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int errsv = errno;
      g_set_error (error, TARMAC_STORE_ERROR, TARMAC_STORE_ERROR_OPEN,
                   _("Could not create the folder “%s”: %s"), dir, g_strerror (errsv));
      return FALSE;
    }

  if (g_stat (path, &st) == 0)
    {
      if (!S_ISREG (st.st_mode))
        {
          g_set_error (error, TARMAC_STORE_ERROR, TARMAC_STORE_ERROR_OPEN,
                       _("“%s” is not a regular file"), path);
          return FALSE;
        }

      /* Tighten a file that someone copied in with looser permissions. */
      if ((st.st_mode & 077) != 0 && g_chmod (path, 0600) != 0)
        g_warning ("Could not restrict permissions of %s: %s", path, g_strerror (errno));

      return TRUE;
    }
  else
    {
      int fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);

      if (fd < 0 && errno != EEXIST)
        {
          int errsv = errno;
          g_set_error (error, TARMAC_STORE_ERROR, TARMAC_STORE_ERROR_OPEN,
                       _("Could not create the database “%s”: %s"), path, g_strerror (errsv));
          return FALSE;
        }
      if (fd >= 0)
        close (fd);
    }

  return TRUE;
}

void
_tarmac_store_set_error (TarmacStore  *self,
                         int           rc,
                         GError      **error)
{
  int code = TARMAC_STORE_ERROR_QUERY;

  if ((rc & 0xff) == SQLITE_CONSTRAINT)
    code = TARMAC_STORE_ERROR_CONSTRAINT;

  g_set_error_literal (error, TARMAC_STORE_ERROR, code,
                       self->db != NULL ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
}

sqlite3 *
_tarmac_store_get_db (TarmacStore *self)
{
  g_return_val_if_fail (TARMAC_IS_STORE (self), NULL);

  return self->db;
}

sqlite3_stmt *
_tarmac_store_prepare (TarmacStore  *self,
                       const char   *sql,
                       GError      **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (TARMAC_IS_STORE (self), NULL);
  g_return_val_if_fail (self->db != NULL, NULL);

  rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _tarmac_store_set_error (self, rc, error);
      return NULL;
    }

  return stmt;
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

/* @stmt, from the cache, unless it is borrowed already (a caller that forgot to hand it
 * back, or two at once). */
static sqlite3_stmt *
lend (TarmacStore   *self,
      sqlite3_stmt  *stmt,
      GError       **error)
{
  if (sqlite3_stmt_busy (stmt))
    {
      g_critical ("Cached statement borrowed twice: %s", sqlite3_sql (stmt));
      _tarmac_store_set_error (self, SQLITE_MISUSE, error);
      return NULL;
    }
  return stmt;
}

/**
 * _tarmac_store_prepare_cached:
 * @self: a #TarmacStore
 * @sql: one SQL statement
 * @error: return location for a #GError
 *
 * Like _tarmac_store_prepare(), but the statement is prepared once per connection and
 * kept: compiling SQL costs more than running a small INSERT. The caller borrows it and
 * hands it back with _tarmac_store_release_cached() (g_autoptr(TarmacCachedStmt) does),
 * which resets it and clears its bindings. The same SQL may not be borrowed twice at once.
 *
 * Returns: (transfer none): the statement, or %NULL with @error set
 */
sqlite3_stmt *
_tarmac_store_prepare_cached (TarmacStore  *self,
                              const char   *sql,
                              GError      **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (TARMAC_IS_STORE (self), NULL);
  g_return_val_if_fail (self->db != NULL, NULL);

  if (self->statements == NULL)
    self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                              finalize_statement);

  if ((stmt = g_hash_table_lookup (self->statements, sql)) != NULL)
    return lend (self, stmt, error);

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _tarmac_store_set_error (self, rc, error);
      return NULL;
    }
  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

typedef struct
{
  const char *columns;
  const char *row;
  guint       n;
} RowsKey;

static guint
rows_key_hash (gconstpointer data)
{
  const RowsKey *key = data;

  return g_direct_hash (key->columns) ^ (g_direct_hash (key->row) * 31) ^ (key->n * 2654435761u);
}

static gboolean
rows_key_equal (gconstpointer a,
                gconstpointer b)
{
  const RowsKey *ka = a;
  const RowsKey *kb = b;

  return ka->columns == kb->columns && ka->row == kb->row && ka->n == kb->n;
}

/**
 * _tarmac_store_prepare_rows_cached:
 * @self: a #TarmacStore
 * @columns: the statement up to its first row ("INSERT INTO t (a, b) VALUES "), a
 *   string that lives as long as the program (a literal)
 * @row: one row's placeholders ("(?, ?)"), a literal too
 * @n: how many rows, at least 1
 * @error: return location for a #GError
 *
 * _tarmac_store_prepare_cached() for "@columns @row, @row, …" with @n rows, found by the
 * strings' addresses: hashing the text of a statement of a hundred rows, a few
 * kilobytes, at each use was a few percent of an import.
 *
 * Returns: (transfer none): the statement, or %NULL with @error set
 */
sqlite3_stmt *
_tarmac_store_prepare_rows_cached (TarmacStore  *self,
                                   const char   *columns,
                                   const char   *row,
                                   guint         n,
                                   GError      **error)
{
  RowsKey key = { columns, row, n };
  g_autoptr(GString) sql = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TARMAC_IS_STORE (self), NULL);
  g_return_val_if_fail (n >= 1, NULL);

  if (self->row_statements == NULL)
    self->row_statements = g_hash_table_new_full (rows_key_hash, rows_key_equal, g_free, NULL);

  if ((stmt = g_hash_table_lookup (self->row_statements, &key)) != NULL)
    return lend (self, stmt, error);

  sql = g_string_new (columns);
  g_string_append (sql, row);
  for (guint i = 1; i < n; i++)
    {
      g_string_append (sql, ", ");
      g_string_append (sql, row);
    }
  if ((stmt = _tarmac_store_prepare_cached (self, sql->str, error)) != NULL)
    g_hash_table_insert (self->row_statements, g_memdup2 (&key, sizeof key), stmt);
  return stmt;
}

void
_tarmac_store_release_cached (TarmacCachedStmt *stmt)
{
  if (stmt == NULL)
    return;
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

gboolean
_tarmac_store_exec (TarmacStore  *self,
                    const char   *sql,
                    GError      **error)
{
  int rc;

  g_return_val_if_fail (TARMAC_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->db != NULL, FALSE);

  rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      _tarmac_store_set_error (self, rc, error);
      return FALSE;
    }

  return TRUE;
}

gboolean
_tarmac_store_step_done (TarmacStore   *self,
                         sqlite3_stmt  *stmt,
                         GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      _tarmac_store_set_error (self, rc, error);
      return FALSE;
    }

  return TRUE;
}

const char *
_tarmac_store_column_text (sqlite3_stmt *stmt,
                           int           column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

char *
_tarmac_store_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

char *
_tarmac_store_retain_until (TarmacStore *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) until = g_date_time_add_years (now, self->retention_years);

  return g_date_time_format (until, "%Y-%m-%dT%H:%M:%SZ");
}

/* Demo rows "arrive" on their flight's day and count their retention from it, not from the
 * wall clock, so the generator needs the period itself. */
guint
_tarmac_store_get_retention_years (TarmacStore *self)
{
  g_return_val_if_fail (TARMAC_IS_STORE (self), DEFAULT_RETENTION_YEARS);

  return self->retention_years;
}

static gboolean
query_int (TarmacStore  *self,
           const char   *sql,
           gint64       *value,
           GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!(stmt = _tarmac_store_prepare (self, sql, error)))
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *value = sqlite3_column_int64 (stmt, 0);
  else if (rc == SQLITE_DONE)
    *value = 0;
  else
    {
      _tarmac_store_set_error (self, rc, error);
      return FALSE;
    }

  return TRUE;
}

/* Reads the header fields that tell whose file this is and how old, before anything is
 * written, so a newer or foreign database is refused untouched. */
static gboolean
check_identity (TarmacStore  *self,
                GError      **error)
{
  gint64 app_id = 0;
  gint64 user_version = 0;
  gint64 n_tables = 0;
  g_autoptr(GError) local_error = NULL;

  if (!query_int (self, "PRAGMA application_id", &app_id, &local_error) ||
      !query_int (self, "PRAGMA user_version", &user_version, &local_error) ||
      !query_int (self, "SELECT count(*) FROM sqlite_schema", &n_tables, &local_error))
    {
      /* Only a file SQLite cannot read as a database is "not Tarmac's"; a locked or
       * unreadable one is an error opening it, and must say so. */
      if (sqlite3_errcode (self->db) == SQLITE_NOTADB)
        g_set_error (error, TARMAC_STORE_ERROR, TARMAC_STORE_ERROR_NOT_TARMAC,
                     _("“%s” is not a Tarmac database: %s"), self->path, local_error->message);
      else
        g_set_error (error, TARMAC_STORE_ERROR, TARMAC_STORE_ERROR_OPEN,
                     _("Could not open the database “%s”: %s"), self->path,
                     local_error->message);
      return FALSE;
    }

  if (app_id != TARMAC_APPLICATION_ID && (app_id != 0 || n_tables > 0))
    {
      g_set_error (error, TARMAC_STORE_ERROR, TARMAC_STORE_ERROR_NOT_TARMAC,
                   _("“%s” is an SQLite database of another program, not Tarmac’s; it was "
                     "left untouched"), self->path);
      return FALSE;
    }

  if (user_version > (gint64) tarmac_store_get_latest_version ())
    {
      g_set_error (error, TARMAC_STORE_ERROR, TARMAC_STORE_ERROR_TOO_NEW,
                   _("“%s” was written by a newer version of Tarmac (database version %u; "
                     "this Tarmac knows up to %u). It was left untouched: update Tarmac to "
                     "open it."),
                   self->path, (guint) user_version, tarmac_store_get_latest_version ());
      return FALSE;
    }

  self->version = (guint) user_version;

  return TRUE;
}

static gboolean
configure_connection (TarmacStore  *self,
                      GError      **error)
{
  /* WAL lets the UI read while an import writes; FULL makes a committed transaction
   * survive a power cut, which an officer's saved work must; secure_delete overwrites
   * personal data that retention removes. temp_store keeps the statement and savepoint
   * journals in memory: in a file they cost a write system call per page a savepoint
   * first touches, twenty per imported traveller, and they are never needed after a
   * crash (the WAL is what recovers). */
  if (!is_memory_path (self->path) &&
      !_tarmac_store_exec (self, "PRAGMA journal_mode = WAL", error))
    return FALSE;

  return _tarmac_store_exec (self,
                             "PRAGMA synchronous = FULL;"
                             "PRAGMA foreign_keys = ON;"
                             "PRAGMA secure_delete = ON;"
                             "PRAGMA trusted_schema = OFF;"
                             "PRAGMA temp_store = MEMORY;",
                             error);
}

/* One step in one write transaction. Another process (the app and the CLI started
 * together) may have applied it while we waited for the lock, so the version is read
 * again under the lock. */
static gboolean
apply_step (TarmacStore            *self,
            const TarmacMigration  *step,
            GError                **error)
{
  g_autofree char *bump = NULL;
  gint64 current = 0;

  if (!_tarmac_store_exec (self, "BEGIN IMMEDIATE", error) ||
      !query_int (self, "PRAGMA user_version", &current, error))
    return FALSE;

  if (current > (gint64) tarmac_store_get_latest_version ())
    {
      g_set_error (error, TARMAC_STORE_ERROR, TARMAC_STORE_ERROR_TOO_NEW,
                   _("a newer version of Tarmac upgraded it to database version %u "
                     "meanwhile"), (guint) current);
      return FALSE;
    }

  if (current < step->version)
    {
      /* A literal integer from our own table, never from input. */
      bump = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %u;",
                              TARMAC_APPLICATION_ID, step->version);

      if (!_tarmac_store_exec (self, step->sql, error) ||
          !_tarmac_store_exec (self, bump, error))
        return FALSE;
      current = step->version;
    }

  if (!_tarmac_store_exec (self, "COMMIT", error))
    return FALSE;

  self->version = (guint) current;

  return TRUE;
}

static gboolean
migrate (TarmacStore  *self,
         guint         target,
         GError      **error)
{
  const TarmacMigration *steps;
  guint n_steps;
  gboolean migrated = FALSE;

  steps = _tarmac_migrations_get (&n_steps);

  for (guint i = 0; i < n_steps; i++)
    {
      const TarmacMigration *step = &steps[i];
      g_autoptr(GError) local_error = NULL;

      if (step->version <= self->version || step->version > target)
        continue;

      g_debug ("Migrating %s to version %u: %s", self->path, step->version, step->description);

      migrated = TRUE;
      if (!apply_step (self, step, &local_error))
        {
          if (!sqlite3_get_autocommit (self->db))
            sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);

          g_set_error (error, TARMAC_STORE_ERROR, TARMAC_STORE_ERROR_MIGRATION,
                       _("Could not upgrade “%s” to database version %u (%s): %s. The file "
                         "was left as it was."),
                       self->path, step->version, step->description, local_error->message);
          return FALSE;
        }
    }

  /* A migration that rebuilds the name index leaves the travellers in search_pending:
   * a commit indexes them, with the code of the latest schema. */
  if (migrated && self->version == tarmac_store_get_latest_version ())
    {
      if (!tarmac_store_begin (self, error))
        return FALSE;
      /* A failed commit ends its level itself. */
      if (!tarmac_store_commit (self, error))
        return FALSE;
    }

  return TRUE;
}

/* The person at the keyboard is the actor of the audit log. Until sign-in exists, that is
 * the desktop session's user, recorded as an officer on first use. */
static gboolean
ensure_actor_officer (TarmacStore  *self,
                      GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = _tarmac_store_now ();
  const char *real_name = g_get_real_name ();

  if (self->version < 1)
    return TRUE;

  stmt = _tarmac_store_prepare (self,
                                "INSERT INTO officer (login, display_name, role, created_at)"
                                " VALUES (?1, ?2, 'administrator', ?3)"
                                " ON CONFLICT (login) DO NOTHING",
                                error);
  if (stmt == NULL)
    return FALSE;

  if (real_name == NULL || g_strcmp0 (real_name, "Unknown") == 0)
    real_name = self->actor;

  sqlite3_bind_text (stmt, 1, self->actor, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, real_name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_TRANSIENT);

  return _tarmac_store_step_done (self, stmt, error);
}

static void
tarmac_store_finalize (GObject *object)
{
  TarmacStore *self = (TarmacStore *)object;

  g_clear_object (&self->secrets);
  g_clear_pointer (&self->search_queue, g_array_unref);
  g_clear_pointer (&self->nested, g_array_unref);
  tarmac_store_close (self);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->actor, g_free);

  G_OBJECT_CLASS (tarmac_store_parent_class)->finalize (object);
}

static void
tarmac_store_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  TarmacStore *self = TARMAC_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;

    case PROP_VERSION:
      g_value_set_uint (value, self->version);
      break;

    case PROP_ACTOR:
      g_value_set_string (value, self->actor);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tarmac_store_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  TarmacStore *self = TARMAC_STORE (object);

  switch (prop_id)
    {
    case PROP_ACTOR:
      tarmac_store_set_actor (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tarmac_store_class_init (TarmacStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tarmac_store_finalize;
  object_class->get_property = tarmac_store_get_property;
  object_class->set_property = tarmac_store_set_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_VERSION] =
    g_param_spec_uint ("version", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_ACTOR] =
    g_param_spec_string ("actor", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
clear_queued (TarmacSearchQueued *queued)
{
  g_clear_pointer (&queued->name_key, g_free);
  g_clear_pointer (&queued->flight_date, g_free);
}

static GArray *
new_search_queue (void)
{
  GArray *queue = g_array_new (FALSE, FALSE, sizeof (TarmacSearchQueued));

  g_array_set_clear_func (queue, (GDestroyNotify) clear_queued);
  return queue;
}

static void
tarmac_store_init (TarmacStore *self)
{
  self->actor = g_strdup (g_get_user_name ());
  self->retention_years = DEFAULT_RETENTION_YEARS;
  self->search_queue = new_search_queue ();
  self->nested = g_array_new (FALSE, FALSE, sizeof (Nested));
}

/**
 * tarmac_store_get_default_path:
 *
 * Returns: (transfer full): `$XDG_DATA_HOME/tarmac/tarmac.db`
 */
char *
tarmac_store_get_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "tarmac", "tarmac.db", NULL);
}

/**
 * tarmac_store_get_latest_version:
 *
 * Returns: the database version this Tarmac writes
 */
guint
tarmac_store_get_latest_version (void)
{
  const TarmacMigration *steps;
  guint n_steps;

  steps = _tarmac_migrations_get (&n_steps);

  return steps[n_steps - 1].version;
}

/* Older Tarmacs kept the card-hash key in meta in plain text: seal it at the first open
 * that can (a keyring or TARMAC_PASSPHRASE). Until then it stays where it was, and
 * imports hash no card (tarmac-importer.c). */
static void
seal_plain_secrets (TarmacStore *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = _tarmac_store_prepare (self,
                                "SELECT count(*) FROM meta WHERE key = 'card-hash-key'"
                                " AND EXISTS (SELECT 1 FROM sqlite_master"
                                "   WHERE type = 'table' AND name = 'secret')", NULL);
  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW || sqlite3_column_int (stmt, 0) == 0)
    return;
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (!_tarmac_secrets_seal_plain_meta (tarmac_store_get_secrets (self), "card-hash-key",
                                        &error))
    g_message ("The card key of %s stays unsealed for now: %s", self->path, error->message);
}

/**
 * tarmac_store_open_at_version:
 * @path: (nullable): the database file, ":memory:", or %NULL for the default
 * @version: the version to migrate to; tests use it to build old databases
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the store, or %NULL with @error set
 */
/* Process-wide SQLite settings, before the first connection (sqlite3_config() refuses
 * them once SQLite is initialised, harmlessly). Memory statistics take a global mutex
 * around every allocation, two hundred per imported traveller, and Tarmac never reads
 * them. */
static void
configure_sqlite_once (void)
{
  static gsize configured = 0;

  if (g_once_init_enter (&configured))
    {
      sqlite3_config (SQLITE_CONFIG_MEMSTATUS, 0);
      g_once_init_leave (&configured, 1);
    }
}

TarmacStore *
tarmac_store_open_at_version (const char  *path,
                              guint        version,
                              GError     **error)
{
  g_autoptr(TarmacStore) self = NULL;
  int rc;

  g_return_val_if_fail (version <= tarmac_store_get_latest_version (), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  configure_sqlite_once ();
  self = g_object_new (TARMAC_TYPE_STORE, NULL);
  self->path = path != NULL ? g_strdup (path) : tarmac_store_get_default_path ();

  if (!prepare_file (self->path, error))
    return NULL;

  /* A store is used by one thread at a time (each thread opens its own), so the
   * connection needs no mutex of its own: SQLite's serialized mode took one around every
   * call, bind and step alike, four percent of an import's writing thread. */
  rc = sqlite3_open_v2 (self->path, &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOFOLLOW |
                        SQLITE_OPEN_NOMUTEX,
                        NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, TARMAC_STORE_ERROR, TARMAC_STORE_ERROR_OPEN,
                   _("Could not open the database “%s”: %s"),
                   self->path, self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
      return NULL;
    }

  sqlite3_extended_result_codes (self->db, TRUE);
  rc = _tarmac_search_postings_register (self->db);
  if (rc != SQLITE_OK)
    {
      _tarmac_store_set_error (self, rc, error);
      return NULL;
    }
  /* Another Tarmac (the app and the CLI, say) may hold a write lock for a moment. */
  sqlite3_busy_timeout (self->db, 5000);

  /* Until we know the file is ours and not newer, closing must not checkpoint a WAL left
   * by another program into the main file: a refused file is left exactly as it was. */
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
  if (!check_identity (self, error))
    return NULL;
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 0, NULL);

  if (!configure_connection (self, error) ||
      !migrate (self, version, error) ||
      !ensure_actor_officer (self, error))
    return NULL;

  seal_plain_secrets (self);

  return g_steal_pointer (&self);
}

/**
 * tarmac_store_get_secrets:
 * @self: a #TarmacStore
 *
 * The keystore of this database (tarmac-secrets.h), locked until first used.
 *
 * Returns: (transfer none): the secrets
 */
TarmacSecrets *
tarmac_store_get_secrets (TarmacStore *self)
{
  g_return_val_if_fail (TARMAC_IS_STORE (self), NULL);

  if (self->secrets == NULL)
    self->secrets = _tarmac_secrets_new (self);
  return self->secrets;
}

/**
 * tarmac_store_open:
 * @path: (nullable): the database file, ":memory:", or %NULL for the default
 * @error: return location for a #GError
 *
 * Opens or creates the database and brings it to the latest version, each step in one
 * transaction. A database from a newer Tarmac, or of another program, is refused with
 * @error and left untouched.
 *
 * Returns: (transfer full) (nullable): the store, or %NULL with @error set
 */
TarmacStore *
tarmac_store_open (const char  *path,
                   GError     **error)
{
  return tarmac_store_open_at_version (path, tarmac_store_get_latest_version (), error);
}

const char *
tarmac_store_get_path (TarmacStore *self)
{
  g_return_val_if_fail (TARMAC_IS_STORE (self), NULL);

  return self->path;
}

guint
tarmac_store_get_version (TarmacStore *self)
{
  g_return_val_if_fail (TARMAC_IS_STORE (self), 0);

  return self->version;
}

const char *
tarmac_store_get_actor (TarmacStore *self)
{
  g_return_val_if_fail (TARMAC_IS_STORE (self), NULL);

  return self->actor;
}

void
tarmac_store_set_actor (TarmacStore *self,
                        const char  *actor)
{
  g_return_if_fail (TARMAC_IS_STORE (self));
  g_return_if_fail (actor != NULL && *actor != '\0');

  if (g_strcmp0 (self->actor, actor) == 0)
    return;

  g_free (self->actor);
  self->actor = g_strdup (actor);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTOR]);
}

void
tarmac_store_set_retention_years (TarmacStore *self,
                                  guint        years)
{
  g_return_if_fail (TARMAC_IS_STORE (self));
  g_return_if_fail (years >= 1 && years <= 30);

  self->retention_years = years;
}

/**
 * tarmac_store_close:
 * @self: a #TarmacStore
 *
 * Closes the connection; a WAL checkpoint folds the log back into the main file.
 * Safe to call twice.
 */
void
tarmac_store_close (TarmacStore *self)
{
  g_return_if_fail (TARMAC_IS_STORE (self));

  if (self->db == NULL)
    return;

  if (!sqlite3_get_autocommit (self->db))
    {
      g_warning ("Closing %s with a transaction open: rolling it back", self->path);
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
    }

  g_clear_pointer (&self->row_statements, g_hash_table_unref);
  g_clear_pointer (&self->statements, g_hash_table_unref);
  sqlite3_close_v2 (self->db);
  self->db = NULL;
}

/* A store opened at an older version (the migration tests) has an older name index: the
 * travellers its writers queued go to search_pending, as they did then. */
static gboolean
flush_search_queue (TarmacStore  *self,
                    GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (self->search_queue->len == 0)
    return TRUE;

  stmt = _tarmac_store_prepare (self,
                                "INSERT OR IGNORE INTO search_pending (traveller_id)"
                                " SELECT id FROM traveller WHERE id = ?1",
                                error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < self->search_queue->len; i++)
    {
      sqlite3_bind_int64 (stmt, 1,
                          g_array_index (self->search_queue, TarmacSearchQueued, i).traveller_id);
      if (!_tarmac_store_step_done (self, stmt, error))
        return FALSE;
      sqlite3_reset (stmt);
    }
  g_array_set_size (self->search_queue, 0);
  return TRUE;
}

/* How many rows refer to a row that does not exist, in foreign keys SQLite checks only at
 * COMMIT (DEFERRABLE INITIALLY DEFERRED, as the importer's hot tables declare them since
 * migration 25, or any under PRAGMA defer_foreign_keys): nonzero while a transaction is
 * in the middle of changing rows that refer to each other. */
static int
unresolved_keys (TarmacStore *self)
{
  int current = 0;
  int highest = 0;

  if (sqlite3_db_status (self->db, SQLITE_DBSTATUS_DEFERRED_FKS, &current, &highest,
                         FALSE) != SQLITE_OK)
    return 0;
  return current;
}

/* A nested level must not leave behind a row that refers to nothing: SQLite would find it
 * only at the COMMIT of the whole transaction, and refuse every level with it. So the
 * level that left it fails, as its statement did when the keys were checked at once.
 * Levels that began with keys unresolved, or under PRAGMA defer_foreign_keys (whose
 * owner resolves them before its COMMIT: tarmac-sync-replica.c), are left to the
 * COMMIT. */
static gboolean
check_nested_keys (TarmacStore  *self,
                   Nested       *nested,
                   GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!nested->keys_resolved || unresolved_keys (self) == 0)
    return TRUE;

  stmt = _tarmac_store_prepare (self, "PRAGMA defer_foreign_keys", NULL);
  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0) != 0)
    return TRUE;

  g_set_error_literal (error, TARMAC_STORE_ERROR, TARMAC_STORE_ERROR_CONSTRAINT,
                       "FOREIGN KEY constraint failed");
  return FALSE;
}

static void
push_nested (TarmacStore *self,
             gint64       changes)
{
  Nested nested = { changes, self->search_queue->len, unresolved_keys (self) == 0 };

  g_array_append_val (self->nested, nested);
}

/* The innermost nested level, and forgets it. */
static Nested
pop_nested (TarmacStore *self)
{
  Nested nested = { -1, G_MAXUINT };

  g_return_val_if_fail (self->nested->len > 0, nested);

  nested = g_array_index (self->nested, Nested, self->nested->len - 1);
  g_array_set_size (self->nested, self->nested->len - 1);
  return nested;
}

static gboolean
innermost_unguarded (TarmacStore *self)
{
  return self->nested->len > 0 &&
         g_array_index (self->nested, Nested, self->nested->len - 1).changes >= 0;
}

/* After some errors (a full disk, an I/O error, an interruption) SQLite rolls the whole
 * transaction back by itself. Until the outermost level learns it
 * (_tarmac_store_transaction_lost(), or its own commit or rollback), nothing may run as if
 * the transaction were open: a savepoint would start a new transaction, and its release
 * would commit it alone. */
static gboolean
check_transaction_open (TarmacStore  *self,
                        GError      **error)
{
  if (self->transaction_depth == 0 || !sqlite3_get_autocommit (self->db))
    return TRUE;

  g_set_error_literal (error, TARMAC_STORE_ERROR, TARMAC_STORE_ERROR_QUERY,
                       _("the database rolled the transaction back after an earlier error"));
  return FALSE;
}

/**
 * tarmac_store_begin:
 * @self: a #TarmacStore
 * @error: return location for a #GError
 *
 * Starts a write transaction, or a savepoint inside one, so that core operations that
 * use transactions can call each other.
 *
 * Returns: %TRUE on success
 */
gboolean
tarmac_store_begin (TarmacStore  *self,
                    GError      **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (TARMAC_IS_STORE (self), FALSE);

  if (!check_transaction_open (self, error))
    return FALSE;

  if (self->transaction_depth > 0 && self->unguarded)
    {
      push_nested (self, sqlite3_total_changes64 (self->db));
      self->transaction_depth++;
      return TRUE;
    }

  if (self->transaction_depth == 0)
    sql = g_strdup ("BEGIN IMMEDIATE");
  else
    sql = g_strdup_printf ("SAVEPOINT tarmac_%u", self->transaction_depth);

  if (!_tarmac_store_exec (self, sql, error))
    return FALSE;

  if (self->transaction_depth > 0)
    push_nested (self, -1);
  self->transaction_depth++;

  return TRUE;
}

/* Commits the innermost level. When that fails, the level has ended (rolled back, or
 * lost with the whole transaction): the caller must not call tarmac_store_rollback() for
 * it too, which would end the level around it. */
gboolean
tarmac_store_commit (TarmacStore  *self,
                     GError      **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (TARMAC_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->transaction_depth > 0, FALSE);

  /* As a failed commit does, this level ends (tarmac_store_rollback() knows the
   * transaction is gone). */
  if (!check_transaction_open (self, error))
    {
      tarmac_store_rollback (self);
      return FALSE;
    }

  if (self->transaction_depth > 1 &&
      !check_nested_keys (self, &g_array_index (self->nested, Nested, self->nested->len - 1),
                          error))
    {
      tarmac_store_rollback (self);
      return FALSE;
    }

  if (self->transaction_depth > 1 && innermost_unguarded (self))
    {
      pop_nested (self);
      self->transaction_depth--;
      return TRUE;
    }

  if (self->transaction_depth == 1 &&
      !(self->version == tarmac_store_get_latest_version ()
        ? tarmac_search_index_update (self, error)
        : flush_search_queue (self, error)))
    {
      tarmac_store_rollback (self);
      return FALSE;
    }

  if (self->transaction_depth == 1)
    sql = g_strdup ("COMMIT");
  else
    sql = g_strdup_printf ("RELEASE tarmac_%u", self->transaction_depth - 1);

  if (!_tarmac_store_exec (self, sql, error))
    {
      /* A failed COMMIT (disk full, I/O error) leaves the transaction open: undo it whole,
       * so the caller's error means "nothing was saved", never "half of it, later". */
      if (self->transaction_depth == 1)
        {
          if (!sqlite3_get_autocommit (self->db))
            sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
          self->transaction_depth = 0;
        }
      else
        tarmac_store_rollback (self);
      return FALSE;
    }

  if (self->transaction_depth > 1)
    pop_nested (self);
  self->transaction_depth--;

  return TRUE;
}

/**
 * _tarmac_store_grow_cache:
 * @self: a #TarmacStore
 * @kib: the page cache wanted, in KiB
 *
 * Lets the connection's page cache grow to @kib for a job that touches many pages (an
 * import, the retention job); SQLite's default of 2 MiB would read the same index pages
 * again and again. The cache only takes memory as far as it is used.
 *
 * Returns: the cache_size to give back to _tarmac_store_restore_cache(), 0 when the
 *   cache was already as large
 */
gint64
_tarmac_store_grow_cache (TarmacStore *self,
                          gint64       kib)
{
  g_autofree char *sql = NULL;
  gint64 old;
  gint64 page_size;

  if (!query_int (self, "PRAGMA cache_size", &old, NULL) ||
      !query_int (self, "PRAGMA page_size", &page_size, NULL))
    return 0;
  /* Negative values are KiB, positive ones pages of the database's size. */
  if ((old < 0 ? -old : old * page_size / 1024) >= kib)
    return 0;

  /* A literal integer, never input. */
  sql = g_strdup_printf ("PRAGMA cache_size = -%" G_GINT64_FORMAT, kib);
  _tarmac_store_exec (self, sql, NULL);
  return old;
}

/**
 * _tarmac_store_restore_cache:
 * @self: a #TarmacStore
 * @old: what _tarmac_store_grow_cache() returned
 *
 * Gives the page cache its size from before _tarmac_store_grow_cache().
 */
void
_tarmac_store_restore_cache (TarmacStore *self,
                             gint64       old)
{
  g_autofree char *sql = NULL;

  if (old == 0)
    return;
  sql = g_strdup_printf ("PRAGMA cache_size = %" G_GINT64_FORMAT, old);
  _tarmac_store_exec (self, sql, NULL);
}

/* SQLite rolls a whole transaction back by itself on some errors (SQLITE_FULL,
 * SQLITE_IOERR, SQLITE_NOMEM…), savepoints included. Returns %TRUE when that happened
 * to ours, and forgets it, so the next tarmac_store_begin() starts a transaction again
 * instead of a savepoint of one that is gone. */
gboolean
_tarmac_store_transaction_lost (TarmacStore *self)
{
  g_return_val_if_fail (TARMAC_IS_STORE (self), FALSE);

  if (self->transaction_depth == 0 || !sqlite3_get_autocommit (self->db))
    return FALSE;

  self->transaction_depth = 0;
  g_array_set_size (self->search_queue, 0);
  g_array_set_size (self->nested, 0);
  self->spoiled = FALSE;
  return TRUE;
}

/**
 * _tarmac_store_set_unguarded:
 * @self: a #TarmacStore
 * @unguarded: whether nested transactions opened from now on go without a savepoint
 *
 * A savepoint costs a copy of every page its statements change that the transaction
 * had changed before it (SQLite's statement journal, kept in memory); in a batch import
 * that copy and its bookkeeping are a fifth of the work. A caller able to redo its whole
 * transaction may ask for nested tarmac_store_begin() calls without one: their commit
 * does nothing, and their rollback, having nothing to roll back to, marks the
 * transaction spoiled if the level wrote anything (_tarmac_store_take_spoiled()); the
 * caller must then roll the whole transaction back. A level that wrote nothing rolls
 * back as before. Levels already open keep their savepoints.
 */
void
_tarmac_store_set_unguarded (TarmacStore *self,
                             gboolean     unguarded)
{
  g_return_if_fail (TARMAC_IS_STORE (self));

  self->unguarded = unguarded;
}

/**
 * _tarmac_store_take_spoiled:
 * @self: a #TarmacStore
 *
 * Returns: %TRUE when a nested transaction opened without a savepoint wrote and was
 *   rolled back since the last call: the open transaction holds part of what that level
 *   meant to undo, and must be rolled back whole
 */
gboolean
_tarmac_store_take_spoiled (TarmacStore *self)
{
  gboolean spoiled;

  g_return_val_if_fail (TARMAC_IS_STORE (self), FALSE);

  spoiled = self->spoiled;
  self->spoiled = FALSE;
  return spoiled;
}

/**
 * _tarmac_store_queue_for_search:
 * @self: a #TarmacStore, inside a transaction
 * @traveller_id: a traveller row just inserted
 *
 * Asks for @traveller_id to be added to the name index by the next
 * tarmac_search_index_update() of this transaction. Writers that insert travellers call
 * it instead of a trigger: an AFTER INSERT trigger made SQLite keep a statement journal
 * for every traveller row, a copy of each page the row touched (a third of an import's
 * time).
 */
void
_tarmac_store_queue_for_search (TarmacStore *self,
                                gint64       traveller_id)
{
  TarmacSearchQueued queued = { traveller_id, NULL, NULL };

  g_return_if_fail (TARMAC_IS_STORE (self));

  g_array_append_val (self->search_queue, queued);
}

/**
 * _tarmac_store_queue_for_search_key:
 * @self: a #TarmacStore, inside a transaction
 * @traveller_id: a traveller row just inserted
 * @name_key: the name_key it was inserted with
 * @flight_date: the flight_date of its flight
 *
 * As _tarmac_store_queue_for_search(), with what the index needs of the row, so that it
 * is not read back. Only for a row whose name key and flight stay as they are until the
 * transaction commits.
 */
void
_tarmac_store_queue_for_search_key (TarmacStore *self,
                                    gint64       traveller_id,
                                    const char  *name_key,
                                    const char  *flight_date)
{
  TarmacSearchQueued queued = { traveller_id, NULL, NULL };

  g_return_if_fail (TARMAC_IS_STORE (self));
  g_return_if_fail (name_key != NULL && flight_date != NULL);

  queued.name_key = g_strdup (name_key);
  queued.flight_date = g_strdup (flight_date);
  g_array_append_val (self->search_queue, queued);
}

/**
 * _tarmac_store_take_search_queue:
 * @self: a #TarmacStore
 *
 * Returns: (transfer full) (element-type TarmacSearchQueued): the travellers queued by
 *   _tarmac_store_queue_for_search() and _tarmac_store_queue_for_search_key(), leaving
 *   the queue empty
 */
GArray *
_tarmac_store_take_search_queue (TarmacStore *self)
{
  GArray *queue;

  g_return_val_if_fail (TARMAC_IS_STORE (self), NULL);

  queue = g_steal_pointer (&self->search_queue);
  self->search_queue = new_search_queue ();
  return queue;
}

void
tarmac_store_rollback (TarmacStore *self)
{
  g_autofree char *sql = NULL;

  g_return_if_fail (TARMAC_IS_STORE (self));
  g_return_if_fail (self->transaction_depth > 0);

  /* After some errors (a full disk, an I/O error, an interruption) SQLite has rolled the
   * whole transaction back itself, savepoints included: nothing is left to roll back. An
   * outer level learns it from _tarmac_store_transaction_lost(). */
  if (sqlite3_get_autocommit (self->db))
    {
      g_debug ("%s: the transaction was rolled back already", self->path);
      if (self->transaction_depth > 1)
        pop_nested (self);
      else
        {
          g_array_set_size (self->search_queue, 0);
          g_array_set_size (self->nested, 0);
          self->spoiled = FALSE;
        }
      self->transaction_depth--;
      return;
    }

  if (self->transaction_depth > 1)
    {
      Nested nested = pop_nested (self);

      if (nested.changes >= 0)
        {
          /* Nothing to roll back to: if the level wrote anything, only the whole
           * transaction can undo it, which its owner learns from
           * _tarmac_store_take_spoiled(). Its travellers stay queued meanwhile, as its
           * rows stay. */
          if (sqlite3_total_changes64 (self->db) != nested.changes)
            self->spoiled = TRUE;
          self->transaction_depth--;
          return;
        }
      g_array_set_size (self->search_queue, MIN (nested.queued, self->search_queue->len));
    }

  if (self->transaction_depth == 1)
    {
      sql = g_strdup ("ROLLBACK");
      g_array_set_size (self->search_queue, 0);
      g_array_set_size (self->nested, 0);
      self->spoiled = FALSE;
    }
  else
    sql = g_strdup_printf ("ROLLBACK TO tarmac_%u; RELEASE tarmac_%u",
                           self->transaction_depth - 1, self->transaction_depth - 1);

  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    g_warning ("Rollback failed on %s: %s", self->path, sqlite3_errmsg (self->db));

  self->transaction_depth--;
}

/**
 * tarmac_store_get_meta:
 * @self: a #TarmacStore
 * @key: the setting
 *
 * Returns: (transfer full) (nullable): the value stored in the database, or %NULL
 */
char *
tarmac_store_get_meta (TarmacStore *self,
                       const char  *key)
{
  g_autoptr(TarmacCachedStmt) stmt = NULL;

  g_return_val_if_fail (TARMAC_IS_STORE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  /* Cached: an import reads the airport's code once per file, and compiling the
   * statement each time was 1.5 % of the writing thread's time at a million travellers. */
  if (!(stmt = _tarmac_store_prepare_cached (self, "SELECT value FROM meta WHERE key = ?1",
                                             NULL)))
    return NULL;

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);

  if (sqlite3_step (stmt) == SQLITE_ROW)
    return g_strdup (_tarmac_store_column_text (stmt, 0));

  return NULL;
}

gboolean
tarmac_store_set_meta (TarmacStore  *self,
                       const char   *key,
                       const char   *value,
                       GError      **error)
{
  g_autoptr(TarmacCachedStmt) stmt = NULL;

  g_return_val_if_fail (TARMAC_IS_STORE (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  /* Kept prepared: every audit row moves the chain's head here. */
  stmt = _tarmac_store_prepare_cached (self,
                                       "INSERT INTO meta (key, value) VALUES (?1, ?2)"
                                       " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                                       error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, value, -1, SQLITE_STATIC);

  return _tarmac_store_step_done (self, stmt, error);
}
