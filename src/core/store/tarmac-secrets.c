/* tarmac-secrets.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-secrets"

#include "config.h"

#include <glib/gi18n.h>
#include <libsecret/secret.h>
#include <sodium.h>
#include <string.h>

#include "tarmac-secrets.h"
#include "tarmac-secrets-private.h"
#include "tarmac-store-private.h"

/* A database's secrets (the card-hash key today, device and site keys with the sync
 * work), never in plain text on disk (DESIGN.md §8).
 *
 * Each secret is sealed with XChaCha20-Poly1305 (libsodium's IETF AEAD, a 24-byte random
 * nonce) under the database's master key, with the database id and the secret's name as
 * associated data, so a sealed value moved to another name or another database does not
 * open. The master key itself is stored only wrapped (sealed the same way) under one or
 * more key-encryption keys, one row of secret_wrap each:
 *
 *  - "keyring": 32 random bytes kept in the desktop keyring through the Secret Service
 *    (libsecret), one item per database id. Used only when a Secret Service is already
 *    running on the session bus: we never start one, because a keyring daemon started
 *    on a headless machine waits for a password prompt nobody can answer. TARMAC_KEYRING=0
 *    turns it off.
 *  - "passphrase": Argon2id (crypto_pwhash) of TARMAC_PASSPHRASE, with the salt and the
 *    cost stored beside the wrap, for headless machines (CI, a server) without a keyring.
 *
 * A database set up on a desktop and opened on a server with the passphrase (or the other
 * way round) works as long as one of its wraps opens: once unlocked, a wrap is added for
 * every source available that lacks one. With neither source, nothing secret can be
 * written: the caller decides what to do without (the PNRGOV import keeps the card's last
 * four digits and no hash).
 *
 * New keys (the database id, the master key, new wraps) are written by the first put(),
 * inside the caller's transaction, so an import that is refused leaves the file exactly as
 * it was; and a put() that finds keys another program stored in between fails with
 * TARMAC_SECRETS_ERROR_CHANGED instead of sealing with a key nobody else knows. */

#define KEY_BYTES    crypto_aead_xchacha20poly1305_ietf_KEYBYTES
#define NONCE_BYTES  crypto_aead_xchacha20poly1305_ietf_NPUBBYTES
#define TAG_BYTES    crypto_aead_xchacha20poly1305_ietf_ABYTES
#define MAX_SECRET   (64 * 1024)

typedef struct
{
  char    *kind;       /* "keyring" or "passphrase" */
  char    *params;     /* the KDF's parameters for "passphrase", "" otherwise */
  GBytes  *box;
} Wrap;

struct _TarmacSecrets
{
  GObject      parent_instance;

  /* Borrowed: the store owns us. */
  TarmacStore *store;

  /* Owned */
  guint8      *master_key;     /* sodium_malloc'd, KEY_BYTES, NULL while locked */
  char        *database_id;
  char        *unlocked_by;
  GPtrArray   *wraps;          /* of Wrap: what the database must hold for our key */
};

G_DEFINE_FINAL_TYPE (TarmacSecrets, tarmac_secrets, G_TYPE_OBJECT)

G_DEFINE_QUARK (tarmac-secrets-error-quark, tarmac_secrets_error)

static const SecretSchema keyring_schema = {
  "org.jaitf.Tarmac.DatabaseKey",
  SECRET_SCHEMA_NONE,
  {
    { "database-id", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { NULL, 0 },
  },
  0, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
};

static void
wrap_free (Wrap *wrap)
{
  g_free (wrap->kind);
  g_free (wrap->params);
  g_clear_pointer (&wrap->box, g_bytes_unref);
  g_free (wrap);
}

static void
zero_free (gpointer data,
           gsize    length)
{
  sodium_memzero (data, length);
  g_free (data);
}

typedef struct
{
  gpointer data;
  gsize    length;
} Wiped;

static void
wiped_free (gpointer user_data)
{
  Wiped *wiped = user_data;

  zero_free (wiped->data, wiped->length);
  g_free (wiped);
}

/* A GBytes whose memory is zeroed when it is freed. */
static GBytes *
bytes_new_wiped (gpointer data,
                 gsize    length)
{
  Wiped *wiped = g_new (Wiped, 1);

  wiped->data = data;
  wiped->length = length;
  return g_bytes_new_with_free_func (data, length, wiped_free, wiped);
}

static void
set_store_error (TarmacSecrets  *self,
                 GError        **error)
{
  g_autoptr(GError) local_error = NULL;

  _tarmac_store_set_error (self->store,
                           sqlite3_errcode (_tarmac_store_get_db (self->store)),
                           &local_error);
  g_set_error_literal (error, TARMAC_SECRETS_ERROR, TARMAC_SECRETS_ERROR_STORE,
                       local_error->message);
}

static char *
associated_data (const char *purpose,
                 const char *database_id,
                 const char *name)
{
  return g_strdup_printf ("tarmac-%s\n%s\n%s", purpose, database_id, name);
}

/* nonce || ciphertext || tag */
static GBytes *
seal (const guint8 *key,
      const char   *ad,
      const guint8 *plain,
      gsize         length)
{
  gsize size = NONCE_BYTES + length + TAG_BYTES;
  guint8 *box = g_malloc (size);
  unsigned long long written = 0;

  randombytes_buf (box, NONCE_BYTES);
  crypto_aead_xchacha20poly1305_ietf_encrypt (box + NONCE_BYTES, &written, plain, length,
                                              (const guint8 *) ad, strlen (ad), NULL, box,
                                              key);
  g_assert (written == length + TAG_BYTES);
  return g_bytes_new_take (box, size);
}

/* The plain bytes in zeroing memory, or NULL when @box does not open under @key. */
static GBytes *
open_box (const guint8 *key,
          const char   *ad,
          const guint8 *box,
          gsize         size)
{
  guint8 *plain;
  unsigned long long length = 0;

  if (size < NONCE_BYTES + TAG_BYTES || size > NONCE_BYTES + TAG_BYTES + MAX_SECRET)
    return NULL;

  plain = g_malloc (size - NONCE_BYTES - TAG_BYTES + 1);
  if (crypto_aead_xchacha20poly1305_ietf_decrypt (plain, &length, NULL, box + NONCE_BYTES,
                                                  size - NONCE_BYTES, (const guint8 *) ad,
                                                  strlen (ad), box, key) != 0)
    {
      g_free (plain);
      return NULL;
    }
  return bytes_new_wiped (plain, (gsize) length);
}

/* The keyring, if a Secret Service already runs on the session bus. */
static gboolean
keyring_usable (void)
{
  const char *setting = g_getenv (TARMAC_SECRETS_KEYRING_ENV);
  g_autofree char *address = NULL;
  g_autoptr(GDBusConnection) bus = NULL;
  g_autoptr(GVariant) reply = NULL;
  gboolean has_owner = FALSE;

  if (setting != NULL && (g_strcmp0 (setting, "0") == 0 || g_ascii_strcasecmp (setting, "off") == 0))
    return FALSE;

  /* No session bus: do not let GIO autolaunch one. */
  if (g_getenv ("DBUS_SESSION_BUS_ADDRESS") == NULL)
    {
      g_autofree char *socket = g_build_filename (g_get_user_runtime_dir (), "bus", NULL);

      if (!g_file_test (socket, G_FILE_TEST_EXISTS))
        return FALSE;
    }

  bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  if (bus == NULL)
    return FALSE;
  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "NameHasOwner",
                                       g_variant_new ("(s)", "org.freedesktop.secrets"),
                                       G_VARIANT_TYPE ("(b)"), G_DBUS_CALL_FLAGS_NONE, 2000,
                                       NULL, NULL);
  if (reply != NULL)
    g_variant_get (reply, "(b)", &has_owner);
  return has_owner;
}

/* The key-encryption key kept in the keyring for this database; with @create, a new one
 * stored there when it has none. FALSE when there is none or the keyring failed. */
static gboolean
keyring_kek (const char *database_id,
             gboolean    create,
             guint8      kek[KEY_BYTES])
{
  g_autoptr(GError) error = NULL;
  char *hex;
  char new_hex[KEY_BYTES * 2 + 1];
  gboolean ok;

  hex = secret_password_lookup_sync (&keyring_schema, NULL, &error,
                                     "database-id", database_id, NULL);
  if (hex != NULL)
    {
      ok = strlen (hex) == KEY_BYTES * 2 &&
           sodium_hex2bin (kek, KEY_BYTES, hex, strlen (hex), NULL, NULL, NULL) == 0;
      secret_password_free (hex);
      return ok;
    }
  if (error != NULL)
    {
      g_debug ("Keyring lookup failed: %s", error->message);
      return FALSE;
    }
  if (!create)
    return FALSE;

  randombytes_buf (kek, KEY_BYTES);
  sodium_bin2hex (new_hex, sizeof new_hex, kek, KEY_BYTES);
  ok = secret_password_store_sync (&keyring_schema, SECRET_COLLECTION_DEFAULT,
                                   _("Tarmac database key"), new_hex, NULL, &error,
                                   "database-id", database_id, NULL);
  sodium_memzero (new_hex, sizeof new_hex);
  if (!ok)
    {
      g_debug ("Keyring store failed: %s", error->message);
      sodium_memzero (kek, KEY_BYTES);
    }
  return ok;
}

/* "argon2id13:OPSLIMIT:MEMLIMIT:SALT-HEX" */
static char *
new_passphrase_params (void)
{
  guint8 salt[crypto_pwhash_SALTBYTES];
  char salt_hex[sizeof salt * 2 + 1];

  randombytes_buf (salt, sizeof salt);
  sodium_bin2hex (salt_hex, sizeof salt_hex, salt, sizeof salt);
  return g_strdup_printf ("argon2id13:%llu:%llu:%s",
                          (unsigned long long) crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          (unsigned long long) crypto_pwhash_MEMLIMIT_INTERACTIVE, salt_hex);
}

static gboolean
passphrase_kek (const char *params,
                guint8      kek[KEY_BYTES])
{
  const char *passphrase = g_getenv (TARMAC_SECRETS_PASSPHRASE_ENV);
  g_auto(GStrv) parts = NULL;
  guint8 salt[crypto_pwhash_SALTBYTES];
  guint64 ops, mem;

  if (passphrase == NULL || *passphrase == '\0')
    return FALSE;

  parts = g_strsplit (params, ":", -1);
  if (g_strv_length (parts) != 4 || g_strcmp0 (parts[0], "argon2id13") != 0 ||
      !g_ascii_string_to_unsigned (parts[1], 10, crypto_pwhash_OPSLIMIT_MIN,
                                   crypto_pwhash_OPSLIMIT_SENSITIVE, &ops, NULL) ||
      !g_ascii_string_to_unsigned (parts[2], 10, crypto_pwhash_MEMLIMIT_MIN,
                                   crypto_pwhash_MEMLIMIT_SENSITIVE, &mem, NULL) ||
      sodium_hex2bin (salt, sizeof salt, parts[3], strlen (parts[3]), NULL, NULL, NULL) != 0)
    return FALSE;

  return crypto_pwhash (kek, KEY_BYTES, passphrase, strlen (passphrase), salt, ops,
                        (size_t) mem, crypto_pwhash_ALG_ARGON2ID13) == 0;
}

/* Wraps our master key under @kek as a row-to-be of secret_wrap. */
static void
add_wrap (TarmacSecrets *self,
          const char    *kind,
          const char    *params,
          const guint8   kek[KEY_BYTES])
{
  Wrap *wrap = g_new0 (Wrap, 1);
  g_autofree char *ad = associated_data ("wrap", self->database_id, kind);

  wrap->kind = g_strdup (kind);
  wrap->params = g_strdup (params);
  wrap->box = seal (kek, ad, self->master_key, KEY_BYTES);
  g_ptr_array_add (self->wraps, wrap);
}

static void
lock (TarmacSecrets *self)
{
  g_clear_pointer (&self->master_key, sodium_free);
  g_clear_pointer (&self->unlocked_by, g_free);
  g_clear_pointer (&self->database_id, g_free);
  g_ptr_array_set_size (self->wraps, 0);
}

/* Reads the stored wraps: kind, params, box. */
static GPtrArray *
read_wraps (TarmacSecrets  *self,
            GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) wraps = g_ptr_array_new_with_free_func ((GDestroyNotify) wrap_free);
  int rc;

  stmt = _tarmac_store_prepare (self->store, "SELECT kind, params, box FROM secret_wrap"
                                             " ORDER BY kind", NULL);
  if (stmt == NULL)
    {
      set_store_error (self, error);
      return NULL;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Wrap *wrap = g_new0 (Wrap, 1);

      wrap->kind = g_strdup (_tarmac_store_column_text (stmt, 0));
      wrap->params = g_strdup (_tarmac_store_column_text (stmt, 1));
      wrap->box = g_bytes_new (sqlite3_column_blob (stmt, 2),
                               (gsize) sqlite3_column_bytes (stmt, 2));
      g_ptr_array_add (wraps, wrap);
    }
  if (rc != SQLITE_DONE)
    {
      set_store_error (self, error);
      return NULL;
    }
  return g_steal_pointer (&wraps);
}

static gboolean
open_wrap (TarmacSecrets *self,
           const Wrap    *wrap,
           const guint8   kek[KEY_BYTES])
{
  g_autofree char *ad = associated_data ("wrap", self->database_id, wrap->kind);
  g_autoptr(GBytes) key = NULL;
  gsize size;
  const guint8 *box = g_bytes_get_data (wrap->box, &size);

  key = open_box (kek, ad, box, size);
  if (key == NULL || g_bytes_get_size (key) != KEY_BYTES)
    return FALSE;
  self->master_key = sodium_malloc (KEY_BYTES);
  memcpy (self->master_key, g_bytes_get_data (key, NULL), KEY_BYTES);
  return TRUE;
}

/**
 * tarmac_secrets_unlock:
 * @self: the secrets of a store
 * @error: return location for a #GError
 *
 * Opens the master key with the keyring's key or the passphrase, or makes one for a
 * database that has none. Call it outside a transaction; it writes nothing (the first
 * put() writes new keys). Cheap once unlocked; the first call may take a D-Bus round trip
 * or, with the passphrase, about a tenth of a second of Argon2id.
 *
 * Returns: %TRUE when secrets can be read and written
 */
gboolean
tarmac_secrets_unlock (TarmacSecrets  *self,
                       GError        **error)
{
  g_autoptr(GPtrArray) stored = NULL;
  g_autofree char *pass_params = NULL;
  const char *passphrase = g_getenv (TARMAC_SECRETS_PASSPHRASE_ENV);
  gboolean have_pass = passphrase != NULL && *passphrase != '\0';
  gboolean have_keyring;
  gboolean pass_failed = FALSE;
  gboolean keyring_wrapped = FALSE, pass_wrapped = FALSE;
  guint8 kek[KEY_BYTES];

  g_return_val_if_fail (TARMAC_IS_SECRETS (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->master_key != NULL)
    return TRUE;

  have_keyring = keyring_usable ();
  if (sodium_init () < 0)
    g_error ("libsodium could not be initialised");

  if ((stored = read_wraps (self, error)) == NULL)
    return FALSE;
  self->database_id = tarmac_store_get_meta (self->store, "database-id");

  for (guint i = 0; stored->len > 0 && self->database_id != NULL && i < stored->len; i++)
    {
      const Wrap *wrap = g_ptr_array_index (stored, i);

      if (g_strcmp0 (wrap->kind, "keyring") == 0)
        keyring_wrapped = TRUE;
      else if (g_strcmp0 (wrap->kind, "passphrase") == 0)
        pass_wrapped = TRUE;
      if (self->master_key != NULL)
        continue;

      if (g_strcmp0 (wrap->kind, "keyring") == 0 && have_keyring &&
          keyring_kek (self->database_id, FALSE, kek))
        {
          if (open_wrap (self, wrap, kek))
            self->unlocked_by = g_strdup ("keyring");
        }
      else if (g_strcmp0 (wrap->kind, "passphrase") == 0 && have_pass)
        {
          if (passphrase_kek (wrap->params, kek) && open_wrap (self, wrap, kek))
            self->unlocked_by = g_strdup ("passphrase");
          else
            pass_failed = TRUE;
        }
      sodium_memzero (kek, sizeof kek);
    }

  if (self->master_key == NULL && stored->len > 0)
    {
      g_clear_pointer (&self->database_id, g_free);
      if (pass_failed)
        g_set_error_literal (error, TARMAC_SECRETS_ERROR, TARMAC_SECRETS_ERROR_LOCKED,
                             _("The passphrase in TARMAC_PASSPHRASE does not open this "
                               "database's keys"));
      else
        g_set_error_literal (error, TARMAC_SECRETS_ERROR, TARMAC_SECRETS_ERROR_UNAVAILABLE,
                             _("This database's keys are in a keyring that is not available "
                               "here; set TARMAC_PASSPHRASE if the database has one"));
      return FALSE;
    }

  if (self->master_key == NULL)
    {
      /* A database without keys yet: make them, to be written by the first put(). */
      if (!have_keyring && !have_pass)
        {
          g_set_error_literal (error, TARMAC_SECRETS_ERROR, TARMAC_SECRETS_ERROR_UNAVAILABLE,
                               _("No keyring is available and TARMAC_PASSPHRASE is not set: "
                                 "Tarmac cannot keep secrets in this database"));
          return FALSE;
        }
      if (self->database_id == NULL)
        {
          guint8 id[16];
          char hex[sizeof id * 2 + 1];

          randombytes_buf (id, sizeof id);
          sodium_bin2hex (hex, sizeof hex, id, sizeof id);
          self->database_id = g_strdup (hex);
        }
      self->master_key = sodium_malloc (KEY_BYTES);
      crypto_aead_xchacha20poly1305_ietf_keygen (self->master_key);
      self->unlocked_by = g_strdup ("new");
    }

  /* A wrap for every source at hand that has none yet. */
  if (have_keyring && !keyring_wrapped && keyring_kek (self->database_id, TRUE, kek))
    add_wrap (self, "keyring", "", kek);
  sodium_memzero (kek, sizeof kek);
  if (have_pass && !pass_wrapped)
    {
      pass_params = new_passphrase_params ();
      if (passphrase_kek (pass_params, kek))
        add_wrap (self, "passphrase", pass_params, kek);
      sodium_memzero (kek, sizeof kek);
    }

  if (self->wraps->len == 0 && stored->len == 0)
    {
      /* The keyring refused to store our key and there is no passphrase. */
      lock (self);
      g_set_error_literal (error, TARMAC_SECRETS_ERROR, TARMAC_SECRETS_ERROR_UNAVAILABLE,
                           _("The keyring did not accept Tarmac's key and TARMAC_PASSPHRASE "
                             "is not set: Tarmac cannot keep secrets in this database"));
      return FALSE;
    }

  return TRUE;
}

/**
 * tarmac_secrets_get_unlocked_by:
 * @self: the secrets of a store
 *
 * Returns: (nullable): "keyring" or "passphrase" (what opened the stored master key),
 *   "new" (a master key not written yet), or %NULL while locked
 */
const char *
tarmac_secrets_get_unlocked_by (TarmacSecrets *self)
{
  g_return_val_if_fail (TARMAC_IS_SECRETS (self), NULL);

  return self->unlocked_by;
}

/* Writes the database id and our wraps where missing, and checks that what is stored is
 * ours: another program may have set up keys since we read them. */
static gboolean
ensure_keys_stored (TarmacSecrets  *self,
                    GError        **error)
{
  g_autoptr(sqlite3_stmt) insert = NULL;
  g_autoptr(sqlite3_stmt) check = NULL;
  g_autofree char *stored_id = NULL;

  insert = _tarmac_store_prepare (self->store,
                                  "INSERT INTO meta (key, value) VALUES ('database-id', ?1)"
                                  " ON CONFLICT (key) DO NOTHING", NULL);
  if (insert == NULL)
    {
      set_store_error (self, error);
      return FALSE;
    }
  sqlite3_bind_text (insert, 1, self->database_id, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (insert) != SQLITE_DONE)
    {
      set_store_error (self, error);
      return FALSE;
    }
  g_clear_pointer (&insert, sqlite3_finalize);

  stored_id = tarmac_store_get_meta (self->store, "database-id");
  if (g_strcmp0 (stored_id, self->database_id) != 0)
    goto changed;

  if (self->wraps->len == 0)
    return TRUE;

  insert = _tarmac_store_prepare (self->store,
                                  "INSERT INTO secret_wrap (kind, params, box)"
                                  " VALUES (?1, ?2, ?3) ON CONFLICT (kind) DO NOTHING", NULL);
  check = _tarmac_store_prepare (self->store,
                                 "SELECT box = ?2 FROM secret_wrap WHERE kind = ?1", NULL);
  if (insert == NULL || check == NULL)
    {
      set_store_error (self, error);
      return FALSE;
    }

  for (guint i = 0; i < self->wraps->len; i++)
    {
      const Wrap *wrap = g_ptr_array_index (self->wraps, i);
      gsize size;
      const guint8 *box = g_bytes_get_data (wrap->box, &size);

      sqlite3_bind_text (insert, 1, wrap->kind, -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 2, wrap->params, -1, SQLITE_STATIC);
      sqlite3_bind_blob (insert, 3, box, (int) size, SQLITE_STATIC);
      if (sqlite3_step (insert) != SQLITE_DONE)
        {
          set_store_error (self, error);
          return FALSE;
        }
      sqlite3_reset (insert);

      sqlite3_bind_text (check, 1, wrap->kind, -1, SQLITE_STATIC);
      sqlite3_bind_blob (check, 2, box, (int) size, SQLITE_STATIC);
      if (sqlite3_step (check) != SQLITE_ROW || sqlite3_column_int (check, 0) != 1)
        goto changed;
      sqlite3_reset (check);
    }

  return TRUE;

changed:
  /* Forget our keys: the next unlock reads the stored ones. */
  lock (self);
  g_set_error_literal (error, TARMAC_SECRETS_ERROR, TARMAC_SECRETS_ERROR_CHANGED,
                       _("Another Tarmac set up this database's keys at the same moment; "
                         "nothing was written, try again"));
  return FALSE;
}

/**
 * tarmac_secrets_get:
 * @self: the secrets of a store
 * @name: the secret's name ("card-hash-key")
 * @error: return location for a #GError
 *
 * Unlocks if needed and opens the secret.
 *
 * Returns: (transfer full) (nullable): the value, in memory zeroed when freed; %NULL with
 *   %TARMAC_SECRETS_ERROR_NOT_FOUND when there is none, or another error
 */
GBytes *
tarmac_secrets_get (TarmacSecrets  *self,
                    const char     *name,
                    GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *ad = NULL;
  GBytes *value;
  int rc;

  g_return_val_if_fail (TARMAC_IS_SECRETS (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (!tarmac_secrets_unlock (self, error))
    return NULL;

  stmt = _tarmac_store_prepare (self->store, "SELECT box FROM secret WHERE name = ?1", NULL);
  if (stmt == NULL)
    {
      set_store_error (self, error);
      return NULL;
    }
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, TARMAC_SECRETS_ERROR, TARMAC_SECRETS_ERROR_NOT_FOUND,
                   _("No secret “%s” in this database"), name);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      set_store_error (self, error);
      return NULL;
    }

  ad = associated_data ("secret", self->database_id, name);
  value = open_box (self->master_key, ad, sqlite3_column_blob (stmt, 0),
                    (gsize) sqlite3_column_bytes (stmt, 0));
  if (value == NULL)
    g_set_error (error, TARMAC_SECRETS_ERROR, TARMAC_SECRETS_ERROR_CORRUPT,
                 _("The secret “%s” does not open: it was altered or comes from another "
                   "database"), name);
  return value;
}

/**
 * tarmac_secrets_put:
 * @self: the secrets of a store
 * @name: the secret's name
 * @value: at most 64 KiB
 * @replace: whether an existing secret of that name is replaced
 * @error: return location for a #GError
 *
 * Seals and stores @value, writing the database's keys first if they are new. Runs in a
 * savepoint of the caller's transaction when there is one, so it is undone with it.
 *
 * Returns: %TRUE when stored; %FALSE with %TARMAC_SECRETS_ERROR_EXISTS when @replace is
 *   %FALSE and a secret of that name exists, or another error
 */
gboolean
tarmac_secrets_put (TarmacSecrets  *self,
                    const char     *name,
                    GBytes         *value,
                    gboolean        replace,
                    GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GBytes) box = NULL;
  g_autofree char *ad = NULL;
  g_autoptr(GError) store_error = NULL;
  gsize length, size;
  const guint8 *data;
  const guint8 *box_data;

  g_return_val_if_fail (TARMAC_IS_SECRETS (self), FALSE);
  g_return_val_if_fail (name != NULL && *name != '\0', FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  data = g_bytes_get_data (value, &length);
  g_return_val_if_fail (length <= MAX_SECRET, FALSE);

  if (!tarmac_secrets_unlock (self, error))
    return FALSE;

  if (!tarmac_store_begin (self->store, &store_error))
    {
      g_set_error_literal (error, TARMAC_SECRETS_ERROR, TARMAC_SECRETS_ERROR_STORE,
                           store_error->message);
      return FALSE;
    }

  if (!ensure_keys_stored (self, error))
    goto fail;

  ad = associated_data ("secret", self->database_id, name);
  box = seal (self->master_key, ad, data, length);
  box_data = g_bytes_get_data (box, &size);

  stmt = _tarmac_store_prepare (self->store,
                                replace ?
                                "INSERT INTO secret (name, box) VALUES (?1, ?2)"
                                " ON CONFLICT (name) DO UPDATE SET box = excluded.box" :
                                "INSERT INTO secret (name, box) VALUES (?1, ?2)"
                                " ON CONFLICT (name) DO NOTHING",
                                NULL);
  if (stmt == NULL)
    {
      set_store_error (self, error);
      goto fail;
    }
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  sqlite3_bind_blob (stmt, 2, box_data, (int) size, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      set_store_error (self, error);
      goto fail;
    }
  if (!replace && sqlite3_changes (_tarmac_store_get_db (self->store)) == 0)
    {
      g_set_error (error, TARMAC_SECRETS_ERROR, TARMAC_SECRETS_ERROR_EXISTS,
                   _("A secret “%s” is already stored"), name);
      goto fail;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (!tarmac_store_commit (self->store, &store_error))
    {
      g_set_error_literal (error, TARMAC_SECRETS_ERROR, TARMAC_SECRETS_ERROR_STORE,
                           store_error->message);
      return FALSE;
    }

  /* Stored (or will be, with the caller's transaction): "new" no longer. */
  if (g_strcmp0 (self->unlocked_by, "new") == 0)
    {
      g_free (self->unlocked_by);
      self->unlocked_by = g_strdup (((Wrap *) g_ptr_array_index (self->wraps, 0))->kind);
    }
  return TRUE;

fail:
  g_clear_pointer (&stmt, sqlite3_finalize);
  tarmac_store_rollback (self->store);
  return FALSE;
}

/**
 * tarmac_secrets_delete:
 * @self: the secrets of a store
 * @name: the secret's name
 * @error: return location for a #GError
 *
 * Removes a secret (secure_delete overwrites its bytes in the file).
 *
 * Returns: %TRUE when it is gone (or was never there)
 */
gboolean
tarmac_secrets_delete (TarmacSecrets  *self,
                       const char     *name,
                       GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (TARMAC_IS_SECRETS (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  stmt = _tarmac_store_prepare (self->store, "DELETE FROM secret WHERE name = ?1", NULL);
  if (stmt == NULL)
    {
      set_store_error (self, error);
      return FALSE;
    }
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      set_store_error (self, error);
      return FALSE;
    }
  return TRUE;
}

/**
 * _tarmac_secrets_seal_plain_meta:
 * @self: the secrets of a store
 * @key: a meta key that holds a secret in plain text (databases before the keystore kept
 *   "card-hash-key" there)
 * @error: return location for a #GError
 *
 * Moves the value into the keystore under the same name, overwrites and deletes the meta
 * row in the same transaction, then truncates the WAL so no copy of the old page stays
 * in it. A database without such a row is left alone.
 *
 * Returns: %TRUE when there was nothing to do or the value was moved
 */
gboolean
_tarmac_secrets_seal_plain_meta (TarmacSecrets  *self,
                                 const char     *key,
                                 GError        **error)
{
  g_autofree char *plain = tarmac_store_get_meta (self->store, key);
  g_autoptr(GBytes) value = NULL;
  g_autoptr(sqlite3_stmt) wipe = NULL;
  g_autoptr(GError) store_error = NULL;
  gboolean ok;

  if (plain == NULL)
    return TRUE;
  if (!tarmac_secrets_unlock (self, error))
    {
      sodium_memzero (plain, strlen (plain));
      return FALSE;
    }

  value = g_bytes_new (plain, strlen (plain));
  sodium_memzero (plain, strlen (plain));

  if (!tarmac_store_begin (self->store, &store_error))
    {
      g_set_error_literal (error, TARMAC_SECRETS_ERROR, TARMAC_SECRETS_ERROR_STORE,
                           store_error->message);
      return FALSE;
    }
  /* An import that stored a sealed key meanwhile wins only if it is the same key. */
  ok = tarmac_secrets_put (self, key, value, FALSE, error);
  if (!ok && g_error_matches (*error, TARMAC_SECRETS_ERROR, TARMAC_SECRETS_ERROR_EXISTS))
    {
      g_autoptr(GBytes) sealed = NULL;

      g_clear_error (error);
      sealed = tarmac_secrets_get (self, key, error);
      ok = sealed != NULL && g_bytes_equal (sealed, value);
      if (sealed != NULL && !ok)
        g_set_error_literal (error, TARMAC_SECRETS_ERROR, TARMAC_SECRETS_ERROR_CHANGED,
                             _("The database holds two different card keys"));
    }
  if (ok)
    {
      /* Overwrite in place first: the page then holds zeros even before secure_delete
       * clears the freed cell. */
      wipe = _tarmac_store_prepare (self->store,
                                    "UPDATE meta SET value ="
                                    " replace (hex (zeroblob (length (value))), '00', '0')"
                                    " WHERE key = ?1", NULL);
      ok = wipe != NULL;
      if (ok)
        {
          sqlite3_bind_text (wipe, 1, key, -1, SQLITE_STATIC);
          ok = sqlite3_step (wipe) == SQLITE_DONE;
          g_clear_pointer (&wipe, sqlite3_finalize);
        }
      if (ok)
        {
          wipe = _tarmac_store_prepare (self->store, "DELETE FROM meta WHERE key = ?1", NULL);
          ok = wipe != NULL;
          if (ok)
            {
              sqlite3_bind_text (wipe, 1, key, -1, SQLITE_STATIC);
              ok = sqlite3_step (wipe) == SQLITE_DONE;
            }
        }
      if (!ok)
        set_store_error (self, error);
    }
  if (!ok)
    {
      tarmac_store_rollback (self->store);
      return FALSE;
    }
  if (!tarmac_store_commit (self->store, &store_error))
    {
      g_set_error_literal (error, TARMAC_SECRETS_ERROR, TARMAC_SECRETS_ERROR_STORE,
                           store_error->message);
      return FALSE;
    }

  /* The WAL still holds the page as it was before: fold it in and cut it to nothing. */
  sqlite3_wal_checkpoint_v2 (_tarmac_store_get_db (self->store), NULL,
                             SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);
  return TRUE;
}

static void
tarmac_secrets_finalize (GObject *object)
{
  TarmacSecrets *self = (TarmacSecrets *)object;

  lock (self);
  g_clear_pointer (&self->wraps, g_ptr_array_unref);

  G_OBJECT_CLASS (tarmac_secrets_parent_class)->finalize (object);
}

static void
tarmac_secrets_class_init (TarmacSecretsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tarmac_secrets_finalize;
}

static void
tarmac_secrets_init (TarmacSecrets *self)
{
  self->wraps = g_ptr_array_new_with_free_func ((GDestroyNotify) wrap_free);
}

/**
 * _tarmac_secrets_new:
 * @store: the database; not referenced (it owns the result)
 *
 * Returns: (transfer full): locked secrets of @store
 */
TarmacSecrets *
_tarmac_secrets_new (TarmacStore *store)
{
  TarmacSecrets *self = g_object_new (TARMAC_TYPE_SECRETS, NULL);

  self->store = store;
  return self;
}
