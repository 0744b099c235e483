/* tarmac-cli-bench-sync.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <sodium.h>
#include <string.h>

#include "tarmac-cli-private.h"
#include "tarmac-note.h"
#include "tarmac-sync-client.h"

/* bench sync [--sites N] [--notes N] [--rounds N] [--hub PATH] [--json]: a real tarmac-hub
 * on a loopback port and N enrolled databases in temporary directories, all on this
 * machine (research/sync.md §5):
 *
 *  - save: notes saved at the first site, each to every other site (encrypt, sign, seal,
 *    one transaction each);
 *  - push: the first site sends them all (batches of 200): the hub verifies, stores and
 *    fans out — what "hub throughput" means here;
 *  - pull: the second site receives and applies them (verify, decrypt, commit);
 *    push + pull is the catch-up of notes made offline;
 *  - latency: one note saved at the first site, sent, and applied at the second, which
 *    waits in a long-poll on the hub: save-to-display without the GUI, --rounds times.
 *
 * Timings on a shared 2-core machine are noisy: run it several times. */

static int opt_sites = 2;
static int opt_notes = 1000;
static int opt_rounds = 50;
static char *opt_hub = NULL;
static gboolean opt_json = FALSE;

static const GOptionEntry entries[] = {
  { "sites", 0, 0, G_OPTION_ARG_INT, &opt_sites, N_("Sites to enrol (2 to 64)"), N_("N") },
  { "notes", 0, 0, G_OPTION_ARG_INT, &opt_notes, N_("Notes for the throughput run"), N_("N") },
  { "rounds", 0, 0, G_OPTION_ARG_INT, &opt_rounds, N_("Notes for the latency run"), N_("N") },
  { "hub", 0, 0, G_OPTION_ARG_FILENAME, &opt_hub, N_("The tarmac-hub program"), N_("PATH") },
  { "json", 0, 0, G_OPTION_ARG_NONE, &opt_json, N_("Print JSON"), NULL },
  { NULL }
};

typedef struct
{
  TarmacStore       *store;
  TarmacSyncReplica *replica;
  TarmacSyncClient  *client;
} Desk;

static char *
find_hub (void)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *dir = self != NULL ? g_path_get_dirname (self) : NULL;
  const char *candidates[] = { "../hub/tarmac-hub", "tarmac-hub" };

  if (opt_hub != NULL)
    return g_strdup (opt_hub);

  for (guint i = 0; dir != NULL && i < G_N_ELEMENTS (candidates); i++)
    {
      g_autofree char *path = g_build_filename (dir, candidates[i], NULL);

      if (g_file_test (path, G_FILE_TEST_IS_EXECUTABLE))
        return g_steal_pointer (&path);
    }

  return g_find_program_in_path ("tarmac-hub");
}

static char *
run_hub (const char  *hub,
         const char  *data,
         GError     **error,
         ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autofree char *out = NULL;
  va_list ap;

  g_ptr_array_add (args, (gpointer) hub);
  va_start (ap, error);
  for (const char *arg = va_arg (ap, const char *); arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, "--data");
  g_ptr_array_add (args, (gpointer) data);
  g_ptr_array_add (args, NULL);

  process = g_subprocess_newv ((const char * const *) args->pdata,
                               G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_SILENCE,
                               error);
  if (process == NULL || !g_subprocess_communicate_utf8 (process, NULL, NULL, &out, NULL, error))
    return NULL;
  if (!g_subprocess_get_successful (process))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "tarmac-hub %s failed",
                   (const char *) args->pdata[1]);
      return NULL;
    }

  return g_strstrip (g_steal_pointer (&out));
}

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

typedef struct
{
  Desk     *desk;
  gboolean  stop;
  GMutex    lock;
  GCond     cond;
  gint64    applied_at;
} Receiver;

static gpointer
receiver_thread (gpointer user_data)
{
  Receiver *receiver = user_data;

  for (guint i = 0; i < 100000; i++)
    {
      gboolean more = FALSE;

      if (!tarmac_sync_client_wait (receiver->desk->client, 5, &more, NULL))
        g_usleep (10000);

      g_mutex_lock (&receiver->lock);
      if (more)
        {
          receiver->applied_at = g_get_monotonic_time ();
          g_cond_signal (&receiver->cond);
        }
      if (receiver->stop)
        {
          g_mutex_unlock (&receiver->lock);
          break;
        }
      g_mutex_unlock (&receiver->lock);
    }

  return NULL;
}

static gboolean
save_note (Desk                *desk,
           const char * const  *to,
           const char          *text,
           GError             **error)
{
  g_autoptr(TarmacNote) note = NULL;
  TarmacNoteDraft draft = {
    .kind = "note",
    .priority = TARMAC_NOTE_PRIORITY_ROUTINE,
    .recipients = to,
    .author = "bench",
    .text = text,
  };

  note = tarmac_sync_replica_save_note (desk->replica, &draft, error);
  return note != NULL;
}

int
tarmac_cli_bench_sync (int    argc,
                       char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *hub = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *data = NULL;
  g_autofree char *fingerprint = NULL;
  g_autofree char *url = NULL;
  g_autoptr(GSubprocess) server = NULL;
  g_autoptr(GDataInputStream) lines = NULL;
  g_autofree char *port = NULL;
  g_autoptr(GPtrArray) recipients = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) latencies = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree Desk *desks = NULL;
  g_autofree char *text = NULL;
  TarmacSyncStats push_stats = { 0 }, pull_stats = { 0 };
  gint64 t0, t_save, t_push, t_pull;
  Receiver receiver = { NULL };
  GThread *thread;
  int status = EXIT_FAILED;

  if (!tarmac_cli_parse_options (&argc, &argv, entries, &error))
    {
      tarmac_cli_print_error ("%s", error->message);
      return EXIT_USAGE;
    }
  opt_sites = CLAMP (opt_sites, 2, 64);
  opt_notes = CLAMP (opt_notes, 1, 1000000);
  opt_rounds = CLAMP (opt_rounds, 1, 10000);

  /* After the options: --hub names it. */
  hub = find_hub ();
  if (hub == NULL)
    {
      tarmac_cli_print_error ("%s", _("tarmac-hub was not found: give it with --hub PATH"));
      return EXIT_FAILED;
    }

  /* The bench databases are thrown away: a passphrase of their own if none is set. */
  if (g_getenv ("TARMAC_PASSPHRASE") == NULL)
    g_setenv ("TARMAC_PASSPHRASE", "tarmac bench sync", TRUE);
  g_setenv ("TARMAC_KEYRING", "0", TRUE);

  dir = g_dir_make_tmp ("tarmac-bench-sync-XXXXXX", &error);
  if (dir == NULL)
    goto out;
  data = g_build_filename (dir, "hub", NULL);

  /* The throwaway hub's keys are sealed under a credential of its own, as systemd would
   * hand one (tarmac-hub-kek.c); it goes with the directory. */
  {
    g_autofree char *credential = g_build_filename (dir, "tarmac-hub-kek", NULL);
    guint8 kek[32];

    randombytes_buf (kek, sizeof kek);
    if (!g_file_set_contents_full (credential, (const char *) kek, sizeof kek,
                                   G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error))
      goto out;
    g_setenv ("CREDENTIALS_DIRECTORY", dir, TRUE);
  }

  {
    g_autofree char *out = run_hub (hub, data, &error, "init", NULL);

    if (out == NULL)
      goto out;
  }
  for (int i = 0; i < opt_sites; i++)
    {
      g_autofree char *code = g_strdup_printf ("S%02d", i);
      g_autofree char *out = run_hub (hub, data, &error, "site", "add", code, NULL);

      if (out == NULL)
        goto out;
      if (i > 0)
        g_ptr_array_add (recipients, g_steal_pointer (&code));
    }
  g_ptr_array_add (recipients, NULL);
  fingerprint = run_hub (hub, data, &error, "fingerprint", NULL);
  if (fingerprint == NULL)
    goto out;

  server = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error,
                             hub, "serve", "--data", data, "--listen", "127.0.0.1:0", "--print-port", NULL);
  if (server == NULL)
    goto out;
  lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (server));
  port = g_data_input_stream_read_line_utf8 (lines, NULL, NULL, &error);
  if (port == NULL)
    goto out;
  url = g_strdup_printf ("https://127.0.0.1:%s", port);

  desks = g_new0 (Desk, opt_sites);
  for (int i = 0; i < opt_sites; i++)
    {
      g_autofree char *file = g_strdup_printf ("site%02d.db", i);
      g_autofree char *path = g_build_filename (dir, file, NULL);
      g_autofree char *site = g_strdup_printf ("S%02d", i);
      g_autofree char *code = run_hub (hub, data, &error, "enrol-code", site, NULL);

      if (code == NULL
          || (desks[i].store = tarmac_store_open (path, &error)) == NULL
          || (desks[i].replica = tarmac_sync_replica_new (desks[i].store, &error)) == NULL)
        goto out;
      desks[i].client = tarmac_sync_client_new (desks[i].replica);
      if (!tarmac_sync_client_enrol (desks[i].client, url, code, fingerprint, &error))
        goto out;
    }
  for (int i = 0; i < opt_sites; i++)
    if (!tarmac_sync_client_sync (desks[i].client, NULL, &error))
      goto out;

  /* Throughput and catch-up. */
  text = g_strnfill (400, 'x');
  t0 = g_get_monotonic_time ();
  for (int i = 0; i < opt_notes; i++)
    if (!save_note (&desks[0], (const char * const *) recipients->pdata, text, &error))
      goto out;
  t_save = g_get_monotonic_time ();
  if (!tarmac_sync_client_sync (desks[0].client, &push_stats, &error))
    goto out;
  t_push = g_get_monotonic_time ();
  if (!tarmac_sync_client_sync (desks[1].client, &pull_stats, &error))
    goto out;
  t_pull = g_get_monotonic_time ();

  /* Latency: the second site waits on the hub in its own thread. */
  receiver.desk = &desks[1];
  g_mutex_init (&receiver.lock);
  g_cond_init (&receiver.cond);
  thread = g_thread_new ("receiver", receiver_thread, &receiver);
  g_usleep (300 * 1000);
  for (int i = 0; i < opt_rounds; i++)
    {
      gint64 start, end_time, latency;

      g_mutex_lock (&receiver.lock);
      receiver.applied_at = 0;
      g_mutex_unlock (&receiver.lock);

      start = g_get_monotonic_time ();
      if (!save_note (&desks[0], (const char * const *) recipients->pdata, "latency", &error)
          || !tarmac_sync_client_sync (desks[0].client, NULL, &error))
        break;

      g_mutex_lock (&receiver.lock);
      end_time = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
      while (receiver.applied_at == 0)
        if (!g_cond_wait_until (&receiver.cond, &receiver.lock, end_time))
          break;
      latency = receiver.applied_at > 0 ? receiver.applied_at - start : -1;
      g_mutex_unlock (&receiver.lock);
      if (latency > 0)
        g_array_append_val (latencies, latency);
    }
  g_mutex_lock (&receiver.lock);
  receiver.stop = TRUE;
  g_mutex_unlock (&receiver.lock);
  /* Wake the long-poll: one more note. */
  save_note (&desks[0], (const char * const *) recipients->pdata, "stop", NULL);
  tarmac_sync_client_sync (desks[0].client, NULL, NULL);
  g_thread_join (thread);
  if (error != NULL)
    goto out;

  g_array_sort (latencies, compare_gint64);
  {
    double save_s = (t_save - t0) / 1e6, push_s = (t_push - t_save) / 1e6, pull_s = (t_pull - t_push) / 1e6;
    guint n = latencies->len;
    double p50 = n ? g_array_index (latencies, gint64, n / 2) / 1000.0 : 0;
    double p99 = n ? g_array_index (latencies, gint64, MIN (n - 1, (n * 99) / 100)) / 1000.0 : 0;
    double max = n ? g_array_index (latencies, gint64, n - 1) / 1000.0 : 0;
    double up = push_stats.pushed ? (double) push_stats.bytes_up / push_stats.pushed : 0;
    double down = pull_stats.pulled ? (double) pull_stats.bytes_down / pull_stats.pulled : 0;

    if (opt_json)
      g_print ("{\"cores\":%u,\"sites\":%d,\"notes\":%d,\"save_per_s\":%.0f,\"push_per_s\":%.0f,"
               "\"pull_per_s\":%.0f,\"catch_up_s\":%.3f,\"bytes_up_per_note\":%.0f,"
               "\"bytes_down_per_note\":%.0f,\"latency_ms\":{\"n\":%u,\"p50\":%.2f,\"p99\":%.2f,"
               "\"max\":%.2f}}\n",
               g_get_num_processors (), opt_sites, opt_notes, opt_notes / save_s,
               push_stats.pushed / push_s, pull_stats.pulled / pull_s, push_s + pull_s, up, down,
               n, p50, p99, max);
    else
      {
        g_print ("bench sync: cores=%u sites=%d notes=%d (400-byte texts, each to %d sites)\n",
                 g_get_num_processors (), opt_sites, opt_notes, opt_sites - 1);
        g_print ("  save:  %.0f notes/s\n", opt_notes / save_s);
        g_print ("  push:  %u in %.3f s, %.0f notes/s through the hub\n", push_stats.pushed, push_s,
                 push_stats.pushed / push_s);
        g_print ("  pull:  %u in %.3f s, %.0f notes/s applied\n", pull_stats.pulled, pull_s,
                 pull_stats.pulled / pull_s);
        g_print ("  catch-up of %d notes made offline: %.3f s\n", opt_notes, push_s + pull_s);
        g_print ("  wire:  %.0f bytes up, %.0f bytes down per note\n", up, down);
        g_print ("  save-to-applied latency (long-poll), %u notes: p50 %.2f ms, p99 %.2f ms, max %.2f ms\n",
                 n, p50, p99, max);
      }
  }
  status = EXIT_OK;

out:
  if (error != NULL)
    tarmac_cli_print_error ("%s", error->message);
  for (int i = 0; desks != NULL && i < opt_sites; i++)
    {
      g_clear_object (&desks[i].client);
      g_clear_object (&desks[i].replica);
      g_clear_object (&desks[i].store);
    }
  if (server != NULL)
    {
      g_subprocess_send_signal (server, SIGTERM);
      g_subprocess_wait (server, NULL, NULL);
    }
  if (dir != NULL)
    {
      /* Two levels: the databases, and the hub's directory. */
      for (int pass = 0; pass < 2; pass++)
        {
          const char *where = pass == 0 ? data : dir;
          g_autoptr(GDir) listing = where ? g_dir_open (where, 0, NULL) : NULL;
          const char *name;

          while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
            {
              g_autofree char *path = g_build_filename (where, name, NULL);

              g_remove (path);
            }
          if (where != NULL)
            g_rmdir (where);
        }
    }
  return status;
}
