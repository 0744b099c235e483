/* tarmac-hub-commands.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-hub"

#include "config.h"

#include <glib-unix.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "tarmac-hub-bundle.h"
#include "tarmac-hub-commands.h"
#include "tarmac-hub-db.h"
#include "tarmac-hub-kek.h"
#include "tarmac-hub-server.h"
#include "tarmac-hub-tls.h"
#include "tarmac-sync-tls.h"

/* The hub's commands (README, "Sync hub"):
 *
 *   tarmac-hub init --data DIR [--name HOST]…   database, TLS certificate, coordinator key
 *   tarmac-hub fingerprint --data DIR           the certificate's SHA-256, for enrolment
 *   tarmac-hub site add CODE --name NAME --data DIR
 *   tarmac-hub site reset-key CODE --data DIR   a site whose key is lost gets a new one
 *   tarmac-hub enrol-code CODE --data DIR       a one-time code for a device of CODE
 *   tarmac-hub device list|revoke [ID] --data DIR
 *   tarmac-hub serve --data DIR --listen ADDR:PORT [--print-port]
 *   tarmac-hub bundle import FILE --data DIR    a workstation's outbox carried in
 *   tarmac-hub bundle export SITE FILE [--since SEQ] --data DIR
 *                                               a site's inbox, to carry out
 *
 * The data directory is 0700. The TLS key and the coordinator's key are in it only
 * sealed (tls.key.sealed, coordinator.key.sealed: tarmac-hub-kek.c), under a key from a
 * systemd credential or a passphrase; a hub made before that has its plain files sealed
 * and shredded at its next start, or by `tarmac-hub init --encrypt-keys`. Keep the
 * coordinator key's backup offline (research/sync.md §6). */

static char *opt_data = NULL;
static char *opt_name = NULL;
static char **opt_names = NULL;
static char *opt_listen = NULL;
static gboolean opt_print_port = FALSE;
static gboolean opt_json = FALSE;
static gint64 opt_since = 0;
static char *opt_passphrase_file = NULL;
static gboolean opt_encrypt_keys = FALSE;
static TarmacHubKek *kek = NULL;

#define TLS_KEY         "tls.key"
#define COORDINATOR_KEY "coordinator.key"

static const GOptionEntry entries[] = {
  { "data", 'd', 0, G_OPTION_ARG_FILENAME, &opt_data, N_("The hub’s data directory"), N_("DIR") },
  { "name", 'n', 0, G_OPTION_ARG_STRING, &opt_name, N_("The site’s name"), N_("NAME") },
  { "host", 0, 0, G_OPTION_ARG_STRING_ARRAY, &opt_names,
    N_("A host name or address the hub is reached by (repeat; init)"), N_("HOST") },
  { "listen", 'l', 0, G_OPTION_ARG_STRING, &opt_listen,
    N_("Address and port to serve on, e.g. 127.0.0.1:8443"), N_("ADDR:PORT") },
  { "print-port", 0, 0, G_OPTION_ARG_NONE, &opt_print_port,
    N_("Print the port actually listened on, then serve"), NULL },
  { "json", 0, 0, G_OPTION_ARG_NONE, &opt_json, N_("Print JSON"), NULL },
  { "since", 0, 0, G_OPTION_ARG_INT64, &opt_since,
    N_("The site’s cursor: export what came after it (bundle export)"), N_("SEQ") },
  { "passphrase-file", 0, 0, G_OPTION_ARG_FILENAME, &opt_passphrase_file,
    N_("Read the passphrase of the hub’s keys from FILE (or /dev/fd/N) instead of the "
       "systemd credential or a prompt"), N_("FILE") },
  { "encrypt-keys", 0, 0, G_OPTION_ARG_NONE, &opt_encrypt_keys,
    N_("Seal the plain key files of an existing hub, then shred them (init)"), NULL },
  { NULL }
};

static int
fail (GError *error)
{
  g_printerr ("tarmac-hub: %s\n", error->message);
  return 1;
}

static char *
data_file (const char *name)
{
  return g_build_filename (opt_data, name, NULL);
}

static TarmacHubDb *
open_db (GError **error)
{
  g_autofree char *path = data_file ("hub.db");

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("No hub in %s: run tarmac-hub init first"), opt_data);
      return NULL;
    }

  return tarmac_hub_db_open (path, error);
}

static char *
sealed_file (const char *role)
{
  g_autofree char *name = g_strconcat (role, ".sealed", NULL);

  return data_file (name);
}

/* Seals the plain key files a hub made before keys were sealed, checks that the sealed
 * copies open to the same bytes, then shreds the plain ones. A crash half-way leaves
 * both, and the next run only shreds. */
static gboolean
seal_plain_keys (TarmacHubDb  *db,
                 guint        *n_sealed,
                 GError      **error)
{
  static const char * const roles[] = { TLS_KEY, COORDINATOR_KEY };

  *n_sealed = 0;
  for (gsize pass = 0; pass < 2; pass++)
    for (gsize i = 0; i < G_N_ELEMENTS (roles); i++)
      {
        g_autofree char *plain_path = data_file (roles[i]);
        g_autofree char *sealed_path = sealed_file (roles[i]);
        g_autofree char *data = NULL;
        g_autoptr(GBytes) plain = NULL;
        g_autoptr(GBytes) opened = NULL;
        gsize length = 0;

        if (!g_file_test (plain_path, G_FILE_TEST_EXISTS))
          continue;

        if (pass == 1)
          {
            if (!tarmac_hub_kek_shred (plain_path, error))
              return FALSE;
            continue;
          }

        if (!g_file_get_contents (plain_path, &data, &length, error))
          return FALSE;
        plain = g_bytes_new (data, length);
        sodium_memzero (data, length);
        if (!g_file_test (sealed_path, G_FILE_TEST_EXISTS)
            && !tarmac_hub_kek_seal_file (kek, sealed_path, roles[i], plain, error))
          return FALSE;
        opened = tarmac_hub_kek_open_file (kek, sealed_path, roles[i], error);
        if (opened == NULL)
          return FALSE;
        if (!g_bytes_equal (opened, plain))
          {
            g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                         _("%s and %s differ: remove the one that is wrong"), plain_path, sealed_path);
            return FALSE;
          }
        (*n_sealed)++;
      }

  if (*n_sealed > 0)
    return tarmac_hub_db_audit (db, "admin", "seal-keys", "hub", "", error);
  return TRUE;
}

/* (transfer full): the hub's key @role, opened with the key-encryption key */
static GBytes *
open_key (const char  *role,
          GError     **error)
{
  g_autofree char *sealed_path = sealed_file (role);
  g_autofree char *plain_path = data_file (role);

  if (!g_file_test (sealed_path, G_FILE_TEST_EXISTS) && g_file_test (plain_path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("The hub’s keys are not sealed yet: run tarmac-hub init --encrypt-keys "
                     "--data %s (tarmac-hub serve does it too)"), opt_data);
      return NULL;
    }

  return tarmac_hub_kek_open_file (kek, sealed_path, role, error);
}

/* The certificate alone, for its fingerprint: no key needed. */
static GTlsCertificate *
load_public_certificate (GError **error)
{
  g_autofree char *cert = data_file ("tls.crt");

  return g_tls_certificate_new_from_file (cert, error);
}

static GTlsCertificate *
load_certificate (GError **error)
{
  g_autofree char *cert_path = data_file ("tls.crt");
  g_autofree char *cert = NULL;
  g_autoptr(GBytes) key = NULL;
  GTlsCertificate *certificate;
  gsize cert_length = 0, key_length = 0;
  const char *key_data;
  char *pem;

  if (!g_file_get_contents (cert_path, &cert, &cert_length, error)
      || (key = open_key (TLS_KEY, error)) == NULL)
    return NULL;

  /* The certificate and its key in one PEM, in memory that is wiped after. */
  key_data = g_bytes_get_data (key, &key_length);
  pem = sodium_malloc (cert_length + key_length + 2);
  if (pem == NULL)
    g_error ("Out of locked memory for keys");
  memcpy (pem, cert, cert_length);
  pem[cert_length] = '\n';
  memcpy (pem + cert_length + 1, key_data, key_length);
  pem[cert_length + key_length + 1] = '\0';
  certificate = g_tls_certificate_new_from_pem (pem, -1, error);
  sodium_free (pem);
  return certificate;
}

static int
cmd_init (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TarmacHubDb) db = NULL;
  g_autoptr(GTlsCertificate) certificate = NULL;
  g_autoptr(GBytes) cert_pem = NULL;
  g_autoptr(GBytes) key_pem = NULL;
  g_autoptr(GBytes) seed = NULL;
  g_autofree char *db_path = data_file ("hub.db");
  g_autofree char *cert = data_file ("tls.crt");
  g_autofree char *key = sealed_file (TLS_KEY);
  g_autofree char *coordinator = sealed_file (COORDINATOR_KEY);
  g_autofree char *fingerprint = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  guint8 *seed_data;

  if (opt_encrypt_keys)
    {
      guint n_sealed = 0;

      if ((db = open_db (&error)) == NULL || !seal_plain_keys (db, &n_sealed, &error))
        return fail (error);
      if (n_sealed == 0)
        g_print (_("The hub’s keys were already sealed\n"));
      else
        g_print (_("Sealed %u key files and removed the plain ones\n"), n_sealed);
      return 0;
    }

  if (g_file_test (db_path, G_FILE_TEST_EXISTS))
    {
      g_printerr ("tarmac-hub: %s\n", _("This directory already holds a hub"));
      return 1;
    }

  if (g_mkdir_with_parents (opt_data, 0700) != 0 || g_chmod (opt_data, 0700) != 0)
    {
      g_printerr ("tarmac-hub: %s: %s\n", opt_data, g_strerror (errno));
      return 1;
    }

  g_ptr_array_add (names, "localhost");
  g_ptr_array_add (names, "127.0.0.1");
  g_ptr_array_add (names, "::1");
  for (gsize i = 0; opt_names != NULL && opt_names[i] != NULL; i++)
    g_ptr_array_add (names, opt_names[i]);
  g_ptr_array_add (names, NULL);

  seed_data = sodium_malloc (32);
  if (seed_data == NULL)
    g_error ("Out of locked memory for keys");
  randombytes_buf (seed_data, 32);
  seed = g_bytes_new_with_free_func (seed_data, 32, sodium_free, seed_data);

  /* The keys are sealed before anything else is written: without a key-encryption key
   * the directory holds no hub yet, and init can be run again. */
  if (!tarmac_hub_kek_seal_file (kek, coordinator, COORDINATOR_KEY, seed, &error)
      || !tarmac_hub_tls_generate ((const char * const *) names->pdata, &cert_pem, &key_pem, &error)
      || !tarmac_hub_kek_seal_file (kek, key, TLS_KEY, key_pem, &error)
      || !g_file_set_contents_full (cert, g_bytes_get_data (cert_pem, NULL), g_bytes_get_size (cert_pem),
                                    G_FILE_SET_CONTENTS_CONSISTENT, 0644, &error)
      || (db = tarmac_hub_db_open (db_path, &error)) == NULL
      || !tarmac_hub_db_audit (db, "admin", "init", "hub", "", &error)
      || (certificate = load_certificate (&error)) == NULL)
    return fail (error);

  fingerprint = tarmac_sync_tls_fingerprint (certificate);
  g_print (_("Hub created in %s\n"), opt_data);
  g_print (_("Certificate fingerprint (SHA-256): %s\n"), fingerprint);
  return 0;
}

static int
cmd_fingerprint (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTlsCertificate) certificate = load_public_certificate (&error);
  g_autofree char *fingerprint = NULL;

  if (certificate == NULL)
    return fail (error);

  fingerprint = tarmac_sync_tls_fingerprint (certificate);
  g_print ("%s\n", fingerprint);
  return 0;
}

static int
cmd_site (int    argc,
          char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TarmacHubDb) db = NULL;

  if (argc == 3 && g_strcmp0 (argv[1], "reset-key") == 0)
    {
      if ((db = open_db (&error)) == NULL
          || !tarmac_hub_db_reset_site_key (db, argv[2], &error))
        return fail (error);

      g_print (_("The key of %s is forgotten: the next desk to enrol brings a new one\n"), argv[2]);
      return 0;
    }

  if (argc != 3 || g_strcmp0 (argv[1], "add") != 0)
    {
      g_printerr ("%s\n", _("Usage: tarmac-hub site add CODE --name NAME | site reset-key CODE --data DIR"));
      return 2;
    }

  if ((db = open_db (&error)) == NULL
      || !tarmac_hub_db_add_site (db, argv[2], opt_name, &error))
    return fail (error);

  g_print (_("Site %s added\n"), argv[2]);
  return 0;
}

static int
cmd_enrol_code (int    argc,
                char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TarmacHubDb) db = NULL;
  g_autofree char *code = NULL;

  if (argc != 2)
    {
      g_printerr ("%s\n", _("Usage: tarmac-hub enrol-code CODE --data DIR"));
      return 2;
    }

  if ((db = open_db (&error)) == NULL
      || (code = tarmac_hub_db_new_enrol_code (db, argv[1], &error)) == NULL)
    return fail (error);

  g_print ("%s\n", code);
  return 0;
}

static int
cmd_device (int    argc,
            char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TarmacHubDb) db = NULL;

  if ((db = open_db (&error)) == NULL)
    return fail (error);

  if (argc == 2 && g_strcmp0 (argv[1], "list") == 0)
    {
      g_autoptr(JsonNode) devices = tarmac_hub_db_list_devices (db, &error);
      JsonArray *array;

      if (devices == NULL)
        return fail (error);

      if (opt_json)
        {
          g_autofree char *text = json_to_string (devices, TRUE);

          g_print ("%s\n", text);
          return 0;
        }

      array = json_node_get_array (devices);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonObject *device = json_array_get_object_element (array, i);

          g_print ("%s  %-8s %-8s seq %-8" G_GINT64_FORMAT " %s %s\n",
                   json_object_get_string_member (device, "device_id"),
                   json_object_get_string_member (device, "site"),
                   json_object_get_string_member (device, "status"),
                   json_object_get_int_member (device, "last_seq"),
                   json_object_get_string_member (device, "fingerprint"),
                   json_object_get_string_member (device, "key"));
        }
      return 0;
    }

  if (argc == 3 && g_strcmp0 (argv[1], "revoke") == 0)
    {
      if (!tarmac_hub_db_revoke_device (db, argv[2], &error))
        return fail (error);

      g_print (_("Device %s revoked\n"), argv[2]);
      return 0;
    }

  g_printerr ("%s\n", _("Usage: tarmac-hub device list|revoke [DEVICE] --data DIR"));
  return 2;
}

static gboolean
read_seed (guint8   *seed,
           GError  **error)
{
  g_autoptr(GBytes) data = open_key (COORDINATOR_KEY, error);

  if (data == NULL)
    return FALSE;
  if (g_bytes_get_size (data) != 32)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("The coordinator key is damaged"));
      return FALSE;
    }
  memcpy (seed, g_bytes_get_data (data, NULL), 32);
  return TRUE;
}

static int
cmd_bundle (int    argc,
            char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TarmacHubDb) db = NULL;

  if (argc == 3 && g_str_equal (argv[1], "import"))
    {
      guint accepted = 0, duplicate = 0;

      if ((db = open_db (&error)) == NULL
          || !tarmac_hub_bundle_import (db, argv[2], &accepted, &duplicate, &error))
        return fail (error);
      if (opt_json)
        g_print ("{\"accepted\":%u,\"duplicate\":%u}\n", accepted, duplicate);
      else
        g_print (_("Accepted %u, already here %u\n"), accepted, duplicate);
      return 0;
    }

  if (argc == 4 && g_str_equal (argv[1], "export"))
    {
      guint8 seed[32];
      guint exported = 0;
      gint64 next = 0;
      gboolean ok;

      if ((db = open_db (&error)) == NULL || !read_seed (seed, &error))
        return fail (error);
      ok = tarmac_hub_bundle_export (db, seed, argv[2], opt_since, argv[3], &exported, &next, &error);
      sodium_memzero (seed, sizeof seed);
      if (!ok)
        return fail (error);
      if (opt_json)
        g_print ("{\"exported\":%u,\"next\":%" G_GINT64_FORMAT "}\n", exported, next);
      else
        g_print (_("Wrote %u versions; next time export --since %lld\n"), exported, (long long) next);
      return 0;
    }

  g_printerr ("%s\n", _("Usage: tarmac-hub bundle import FILE | bundle export SITE FILE [--since SEQ] --data DIR"));
  return 2;
}

static gboolean
quit_cb (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_REMOVE;
}

static int
cmd_serve (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TarmacHubDb) db = NULL;
  g_autoptr(GTlsCertificate) certificate = NULL;
  g_autoptr(TarmacHubServer) server = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autoptr(GInetAddress) address = NULL;
  g_autoptr(GBytes) seed = NULL;
  g_autofree char *host = NULL;
  guint16 port = 0;
  guint n_sealed = 0;
  const char *colon;

  colon = opt_listen != NULL ? strrchr (opt_listen, ':') : NULL;
  if (colon == NULL)
    {
      g_printerr ("%s\n", _("Usage: tarmac-hub serve --data DIR --listen ADDR:PORT"));
      return 2;
    }
  host = g_strndup (opt_listen, colon - opt_listen);
  if (host[0] == '[' && host[strlen (host) - 1] == ']')
    {
      memmove (host, host + 1, strlen (host));
      host[strlen (host) - 1] = '\0';
    }
  address = g_inet_address_new_from_string (host);
  if (address == NULL || !g_ascii_string_to_unsigned (colon + 1, 10, 0, 65535, (guint64 *) NULL, NULL))
    {
      g_printerr ("tarmac-hub: %s\n", _("--listen wants an IP address and a port, e.g. 127.0.0.1:8443"));
      return 2;
    }
  port = (guint16) g_ascii_strtoull (colon + 1, NULL, 10);

  /* A hub made before keys were sealed seals them at its first start. */
  if ((db = open_db (&error)) == NULL
      || !seal_plain_keys (db, &n_sealed, &error)
      || (certificate = load_certificate (&error)) == NULL
      || (seed = open_key (COORDINATOR_KEY, &error)) == NULL)
    return fail (error);
  if (n_sealed > 0)
    g_message ("Sealed %u plain key files and shredded them", n_sealed);
  if (g_bytes_get_size (seed) != 32)
    {
      g_printerr ("tarmac-hub: %s\n", _("The coordinator key is damaged"));
      return 1;
    }

  server = tarmac_hub_server_new (db, certificate, seed);
  if (!tarmac_hub_server_listen (server, address, port, &error))
    return fail (error);

  if (opt_print_port)
    {
      g_print ("%u\n", tarmac_hub_server_get_port (server));
      fflush (stdout);
    }
  g_message ("Serving on %s:%u", host, tarmac_hub_server_get_port (server));

  loop = g_main_loop_new (NULL, FALSE);
  g_unix_signal_add (SIGINT, quit_cb, loop);
  g_unix_signal_add (SIGTERM, quit_cb, loop);
  g_main_loop_run (loop);

  g_clear_object (&server);
  return 0;
}

int
tarmac_hub_run_command (int    argc,
                        char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("COMMAND [ARGUMENTS]"));
  g_autoptr(GError) error = NULL;
  const char *command;

  g_option_context_set_summary (context,
                                _("Commands: init, fingerprint, site add, site reset-key, enrol-code, device list, "
                                  "device revoke, serve, bundle import, bundle export."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return fail (error);

  if (sodium_init () < 0)
    return 1;
  kek = tarmac_hub_kek_new (opt_passphrase_file);

  command = argv[0];
  if (opt_data == NULL)
    {
      g_printerr ("tarmac-hub: %s\n", _("--data DIR is required"));
      return 2;
    }

  if (g_str_equal (command, "init"))
    return cmd_init ();
  if (g_str_equal (command, "fingerprint"))
    return cmd_fingerprint ();
  if (g_str_equal (command, "site"))
    return cmd_site (argc, argv);
  if (g_str_equal (command, "enrol-code"))
    return cmd_enrol_code (argc, argv);
  if (g_str_equal (command, "device"))
    return cmd_device (argc, argv);
  if (g_str_equal (command, "serve"))
    return cmd_serve ();
  if (g_str_equal (command, "bundle"))
    return cmd_bundle (argc, argv);

  g_printerr (_("tarmac-hub: unknown command “%s”\n"), command);
  return 2;
}
