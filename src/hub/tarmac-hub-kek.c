/* tarmac-hub-kek.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-hub-kek"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>

#include "tarmac-hub-kek.h"

/* The hub's secret keys at rest ("no secret in plain text on disk"): the TLS key and the
 * coordinator's key are sealed with XChaCha20-Poly1305 under a key-encryption key (KEK)
 * that does not sit beside them. The KEK comes from
 *
 *  - a systemd credential, $CREDENTIALS_DIRECTORY/tarmac-hub-kek: the unit file loads it
 *    with LoadCredentialEncrypted=, so on disk it is sealed by systemd to the host (and
 *    its TPM when there is one), and only the service's process sees it in clear, in a
 *    non-swappable ramfs that goes with the process; or
 *  - a passphrase, stretched with Argon2id (crypto_pwhash, "moderate": 256 MiB, 3 passes),
 *    typed at a terminal or read from --passphrase-file (a file, or /dev/fd/N from a
 *    pipe), for a hub run by hand.
 *
 * A sealed file says which of the two it needs, so a hub sealed under the credential
 * still opens at a console with the credential, and a wrong or missing KEK is said in
 * words. The file's role ("tls.key", "coordinator.key") is bound into the associated
 * data: the two sealed files cannot be swapped.
 *
 *   "TARMACK1" | kdf (1: 'c' credential, 'p' passphrase) | salt (16) | opslimit (u64 LE)
 *   | memlimit (u64 LE) | nonce (24) | ciphertext (plain + 16) */

#define MAGIC          "TARMACK1"
#define MAGIC_LEN      8
#define KDF_CREDENTIAL 'c'
#define KDF_PASSPHRASE 'p'
#define PARAMS_LEN     (MAGIC_LEN + 1 + crypto_pwhash_SALTBYTES + 8 + 8)
#define NONCE_LEN      crypto_aead_xchacha20poly1305_ietf_NPUBBYTES
#define HEADER_LEN     (PARAMS_LEN + NONCE_LEN)
#define KEY_LEN        crypto_aead_xchacha20poly1305_ietf_KEYBYTES
#define TAG_LEN        crypto_aead_xchacha20poly1305_ietf_ABYTES
#define MAX_SEALED     (64 * 1024)
#define MAX_SECRET     4096

G_STATIC_ASSERT (crypto_pwhash_SALTBYTES == 16);

typedef struct
{
  guint8   credential_key[KEY_LEN];
  guint8   passphrase_key[KEY_LEN];
  guint8   salt[crypto_pwhash_SALTBYTES];   /* of passphrase_key */
  guint64  opslimit;
  guint64  memlimit;
  gboolean has_credential;
  gboolean has_passphrase_key;
} Keys;

struct _TarmacHubKek
{
  GObject  parent_instance;

  char    *passphrase_file;
  char    *credentials;      /* instead of $CREDENTIALS_DIRECTORY, or NULL */
  Keys    *keys;             /* sodium_malloc'd: locked, guarded, wiped when freed */
  gboolean credential_read;
};

G_DEFINE_FINAL_TYPE (TarmacHubKek, tarmac_hub_kek, G_TYPE_OBJECT)

static void
tarmac_hub_kek_finalize (GObject *object)
{
  TarmacHubKek *self = (TarmacHubKek *) object;

  g_clear_pointer (&self->passphrase_file, g_free);
  g_clear_pointer (&self->credentials, g_free);
  g_clear_pointer (&self->keys, sodium_free);

  G_OBJECT_CLASS (tarmac_hub_kek_parent_class)->finalize (object);
}

static void
tarmac_hub_kek_class_init (TarmacHubKekClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tarmac_hub_kek_finalize;
}

static void
tarmac_hub_kek_init (TarmacHubKek *self)
{
  if (sodium_init () < 0)
    g_error ("libsodium cannot start");

  self->keys = sodium_malloc (sizeof (Keys));
  if (self->keys == NULL)
    g_error ("Out of locked memory for keys");
  sodium_memzero (self->keys, sizeof (Keys));
}

/**
 * tarmac_hub_kek_new:
 * @passphrase_file: (nullable): where the passphrase is, instead of a terminal prompt
 *
 * The hub's key-encryption key, found when first needed.
 */
TarmacHubKek *
tarmac_hub_kek_new (const char *passphrase_file)
{
  TarmacHubKek *self = g_object_new (TARMAC_TYPE_HUB_KEK, NULL);

  self->passphrase_file = g_strdup (passphrase_file);
  return self;
}

/**
 * tarmac_hub_kek_set_credentials_directory:
 * @directory: where the credential is, instead of $CREDENTIALS_DIRECTORY
 *
 * For a caller that cannot set its environment (a test with threads).
 */
void
tarmac_hub_kek_set_credentials_directory (TarmacHubKek *self,
                                          const char   *directory)
{
  g_return_if_fail (TARMAC_IS_HUB_KEK (self));

  g_free (self->credentials);
  self->credentials = g_strdup (directory);
  self->credential_read = FALSE;
}

static void
put_u64 (guint8  *out,
         guint64  value)
{
  for (int i = 0; i < 8; i++)
    out[i] = (guint8) (value >> (8 * i));
}

static guint64
get_u64 (const guint8 *in)
{
  guint64 value = 0;

  for (int i = 7; i >= 0; i--)
    value = (value << 8) | in[i];
  return value;
}

/* Reads the credential systemd put in $CREDENTIALS_DIRECTORY, if there is one. */
static gboolean
read_credential (TarmacHubKek  *self,
                 GError       **error)
{
  const char *directory = self->credentials != NULL ? self->credentials
                                                    : g_getenv ("CREDENTIALS_DIRECTORY");
  g_autofree char *path = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;

  if (self->credential_read)
    return TRUE;
  self->credential_read = TRUE;

  if (directory == NULL || directory[0] == '\0')
    return TRUE;
  path = g_build_filename (directory, TARMAC_HUB_KEK_CREDENTIAL, NULL);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return TRUE;

  if (!g_file_get_contents (path, &data, &length, error))
    return FALSE;
  if (length < 16 || length > MAX_SECRET)
    {
      sodium_memzero (data, length);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The credential %s must hold 16 to 4,096 bytes (32 random bytes are right)"),
                   path);
      return FALSE;
    }

  crypto_generichash (self->keys->credential_key, KEY_LEN, (const guint8 *) data, length,
                      (const guint8 *) "tarmac-hub-kek-v1", 17);
  sodium_memzero (data, length);
  self->keys->has_credential = TRUE;
  return TRUE;
}

/* One line from a terminal, without echo. (transfer full) (nullable) */
static char *
prompt (const char *question)
{
  struct termios saved, quiet;
  char *line;
  gboolean restore;

  line = sodium_malloc (MAX_SECRET);
  if (line == NULL)
    return NULL;

  fprintf (stderr, "%s", question);
  fflush (stderr);
  restore = tcgetattr (STDIN_FILENO, &saved) == 0;
  if (restore)
    {
      quiet = saved;
      quiet.c_lflag &= ~(tcflag_t) ECHO;
      tcsetattr (STDIN_FILENO, TCSAFLUSH, &quiet);
    }
  if (fgets (line, MAX_SECRET, stdin) == NULL)
    line[0] = '\0';
  if (restore)
    tcsetattr (STDIN_FILENO, TCSAFLUSH, &saved);
  fprintf (stderr, "\n");

  line[strcspn (line, "\r\n")] = '\0';
  return line;
}

/* The passphrase, from --passphrase-file or the terminal. (transfer full): sodium_free it */
static char *
read_passphrase (TarmacHubKek  *self,
                 gboolean       twice,
                 GError       **error)
{
  char *passphrase = NULL;

  if (self->passphrase_file != NULL)
    {
      g_autofree char *data = NULL;
      gsize length = 0;

      if (!g_file_get_contents (self->passphrase_file, &data, &length, error))
        return NULL;
      if (length >= MAX_SECRET)
        {
          sodium_memzero (data, length);
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("The passphrase in %s is too long"), self->passphrase_file);
          return NULL;
        }
      passphrase = sodium_malloc (MAX_SECRET);
      memcpy (passphrase, data, length);
      passphrase[length] = '\0';
      passphrase[strcspn (passphrase, "\r\n")] = '\0';
      sodium_memzero (data, length);
    }
  else if (isatty (STDIN_FILENO))
    {
      passphrase = prompt (_("Passphrase of the hub’s keys: "));
      if (passphrase != NULL && twice)
        {
          char *again = prompt (_("The same passphrase again: "));

          if (again == NULL || strcmp (again, passphrase) != 0)
            {
              g_clear_pointer (&passphrase, sodium_free);
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("The two passphrases differ"));
            }
          g_clear_pointer (&again, sodium_free);
          if (passphrase == NULL)
            return NULL;
        }
    }
  else
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("No key-encryption key for the hub’s keys: run the hub with the systemd "
                     "credential %s (LoadCredentialEncrypted=), give --passphrase-file, or "
                     "type the passphrase at a terminal"), TARMAC_HUB_KEK_CREDENTIAL);
      return NULL;
    }

  if (passphrase == NULL)
    g_error ("Out of locked memory for the passphrase");
  if (strlen (passphrase) < 8)
    {
      sodium_free (passphrase);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The passphrase must have at least 8 characters"));
      return NULL;
    }

  return passphrase;
}

/* The key for a passphrase file with these parameters, derived once per process. */
static gboolean
passphrase_key (TarmacHubKek  *self,
                const guint8  *salt,
                guint64        opslimit,
                guint64        memlimit,
                gboolean       twice,
                GError       **error)
{
  Keys *keys = self->keys;
  char *passphrase;
  int rc;

  if (keys->has_passphrase_key && memcmp (keys->salt, salt, sizeof keys->salt) == 0
      && keys->opslimit == opslimit && keys->memlimit == memlimit)
    return TRUE;

  if (opslimit < crypto_pwhash_OPSLIMIT_MIN || opslimit > crypto_pwhash_OPSLIMIT_SENSITIVE
      || memlimit < crypto_pwhash_MEMLIMIT_MIN || memlimit > crypto_pwhash_MEMLIMIT_SENSITIVE)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("A sealed key file names impossible Argon2id parameters"));
      return FALSE;
    }

  passphrase = read_passphrase (self, twice, error);
  if (passphrase == NULL)
    return FALSE;

  rc = crypto_pwhash (keys->passphrase_key, KEY_LEN, passphrase, strlen (passphrase), salt,
                      opslimit, (size_t) memlimit, crypto_pwhash_ALG_ARGON2ID13);
  sodium_free (passphrase);
  if (rc != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                   _("Not enough memory to derive the key from the passphrase"));
      return FALSE;
    }

  memcpy (keys->salt, salt, sizeof keys->salt);
  keys->opslimit = opslimit;
  keys->memlimit = memlimit;
  keys->has_passphrase_key = TRUE;
  return TRUE;
}

/**
 * tarmac_hub_kek_seal_file:
 * @path: where to write the sealed file (0600, replaced atomically)
 * @role: what it holds, bound into the seal ("tls.key", "coordinator.key")
 * @plain: the secret
 *
 * Seals under the passphrase when --passphrase-file was given, else under the systemd
 * credential when there is one, else under a passphrase typed twice at the terminal.
 */
gboolean
tarmac_hub_kek_seal_file (TarmacHubKek  *self,
                          const char    *path,
                          const char    *role,
                          GBytes        *plain,
                          GError       **error)
{
  g_autofree guint8 *sealed = NULL;
  g_autoptr(GByteArray) ad = g_byte_array_new ();
  const guint8 *key;
  gsize plain_length = 0;
  const guint8 *plain_data = g_bytes_get_data (plain, &plain_length);
  gsize sealed_length = HEADER_LEN + plain_length + TAG_LEN;
  unsigned long long ct_length = 0;
  gboolean ok;

  g_return_val_if_fail (TARMAC_IS_HUB_KEK (self), FALSE);

  if (!read_credential (self, error))
    return FALSE;

  sealed = g_malloc0 (sealed_length);
  memcpy (sealed, MAGIC, MAGIC_LEN);
  if (self->passphrase_file == NULL && self->keys->has_credential)
    {
      sealed[MAGIC_LEN] = KDF_CREDENTIAL;
      key = self->keys->credential_key;
    }
  else
    {
      guint8 salt[crypto_pwhash_SALTBYTES];

      /* One salt for the files sealed by one command: the passphrase is asked and
       * stretched once. */
      if (self->keys->has_passphrase_key)
        memcpy (salt, self->keys->salt, sizeof salt);
      else
        randombytes_buf (salt, sizeof salt);
      if (!passphrase_key (self, salt, crypto_pwhash_OPSLIMIT_MODERATE,
                           crypto_pwhash_MEMLIMIT_MODERATE, TRUE, error))
        return FALSE;
      sealed[MAGIC_LEN] = KDF_PASSPHRASE;
      memcpy (sealed + MAGIC_LEN + 1, salt, sizeof salt);
      put_u64 (sealed + MAGIC_LEN + 1 + sizeof salt, self->keys->opslimit);
      put_u64 (sealed + MAGIC_LEN + 1 + sizeof salt + 8, self->keys->memlimit);
      key = self->keys->passphrase_key;
    }

  randombytes_buf (sealed + PARAMS_LEN, NONCE_LEN);
  g_byte_array_append (ad, sealed, PARAMS_LEN);
  g_byte_array_append (ad, (const guint8 *) role, strlen (role));
  crypto_aead_xchacha20poly1305_ietf_encrypt (sealed + HEADER_LEN, &ct_length,
                                              plain_data, plain_length, ad->data, ad->len,
                                              NULL, sealed + PARAMS_LEN, key);
  g_assert (ct_length == plain_length + TAG_LEN);

  ok = g_file_set_contents_full (path, (const char *) sealed, sealed_length,
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
  return ok;
}

/**
 * tarmac_hub_kek_open_file:
 * @path: a file tarmac_hub_kek_seal_file() wrote
 * @role: what it must hold
 *
 * Returns: (transfer full): the secret, in memory that is wiped when the bytes go
 */
GBytes *
tarmac_hub_kek_open_file (TarmacHubKek  *self,
                          const char    *path,
                          const char    *role,
                          GError       **error)
{
  g_autofree char *sealed = NULL;
  g_autoptr(GByteArray) ad = g_byte_array_new ();
  g_autofree char *name = g_path_get_basename (path);
  const guint8 *data;
  const guint8 *key;
  guint8 *plain;
  gsize length = 0;
  unsigned long long plain_length = 0;

  g_return_val_if_fail (TARMAC_IS_HUB_KEK (self), NULL);

  if (!g_file_get_contents (path, &sealed, &length, error))
    return NULL;
  data = (const guint8 *) sealed;
  if (length < HEADER_LEN + TAG_LEN || length > MAX_SEALED || memcmp (data, MAGIC, MAGIC_LEN) != 0
      || (data[MAGIC_LEN] != KDF_CREDENTIAL && data[MAGIC_LEN] != KDF_PASSPHRASE))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("%s is not a sealed key file of the hub"), path);
      return NULL;
    }

  if (data[MAGIC_LEN] == KDF_CREDENTIAL)
    {
      if (!read_credential (self, error))
        return NULL;
      if (!self->keys->has_credential)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                       _("%s is sealed under the systemd credential %s, which this process "
                         "was not given (LoadCredentialEncrypted= in the unit file, or "
                         "systemd-run -p LoadCredentialEncrypted=…)"),
                       name, TARMAC_HUB_KEK_CREDENTIAL);
          return NULL;
        }
      key = self->keys->credential_key;
    }
  else
    {
      if (!passphrase_key (self, data + MAGIC_LEN + 1, get_u64 (data + MAGIC_LEN + 1 + 16),
                           get_u64 (data + MAGIC_LEN + 1 + 24), FALSE, error))
        return NULL;
      key = self->keys->passphrase_key;
    }

  g_byte_array_append (ad, data, PARAMS_LEN);
  g_byte_array_append (ad, (const guint8 *) role, strlen (role));
  plain = sodium_malloc (length - HEADER_LEN);
  if (plain == NULL)
    g_error ("Out of locked memory for keys");
  if (crypto_aead_xchacha20poly1305_ietf_decrypt (plain, &plain_length, NULL,
                                                  data + HEADER_LEN, length - HEADER_LEN,
                                                  ad->data, ad->len, data + PARAMS_LEN, key) != 0)
    {
      sodium_free (plain);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                   data[MAGIC_LEN] == KDF_PASSPHRASE
                   ? _("%s does not open: the passphrase is wrong (or the file was altered)")
                   : _("%s does not open: the credential is not the one it was sealed with "
                       "(or the file was altered)"),
                   name);
      return NULL;
    }

  return g_bytes_new_with_free_func (plain, plain_length, sodium_free, plain);
}

/**
 * tarmac_hub_kek_shred:
 * @path: a plain key file
 *
 * Overwrites @path with zeros, flushes it to the disk, and removes it. (On a journalling
 * or copy-on-write file system, or an SSD, old blocks may survive: the README says to
 * keep the data directory on an encrypted volume all the same.)
 */
gboolean
tarmac_hub_kek_shred (const char  *path,
                      GError     **error)
{
  struct stat st;
  guint8 zeros[4096] = { 0 };
  int fd;

  fd = g_open (path, O_WRONLY | O_CLOEXEC | O_NOFOLLOW, 0);
  if (fd < 0 || fstat (fd, &st) != 0)
    goto fail;

  for (off_t done = 0; done < st.st_size; )
    {
      gsize n = MIN ((off_t) sizeof zeros, st.st_size - done);
      gssize written = write (fd, zeros, n);

      if (written <= 0)
        goto fail;
      done += written;
    }
  if (fsync (fd) != 0 || close (fd) != 0)
    {
      fd = -1;
      goto fail;
    }
  fd = -1;

  if (g_unlink (path) != 0)
    goto fail;
  return TRUE;

fail:
  {
    int saved = errno;

    if (fd >= 0)
      close (fd);
    g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), "%s: %s", path,
                 g_strerror (saved));
    return FALSE;
  }
}
