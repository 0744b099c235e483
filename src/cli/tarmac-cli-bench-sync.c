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
#include <unistd.h>

#include "tarmac-cli-private.h"
#include "tarmac-note.h"
#include "tarmac-sync-client.h"

/* bench sync [--sites N] [--to N] [--notes N] [--rounds N] [--interval MS] [--hub PATH]
 * [--json]: a real tarmac-hub on a loopback port and N enrolled databases in temporary
 * directories, all on this machine (research/sync.md §5):
 *
 *  - latency: every site but the first holds the hub's notification socket in a thread of
 *    its own and behaves as the app does (news, pull, then a round that sends its
 *    acknowledgements); the first site saves a note to --to other sites (all of them by
 *    default) and sends it, --rounds times, one every --interval ms. Save-to-applied is
 *    measured at the second site and at every recipient (from the moment the save
 *    starts to the commit of the pulled batch), and which path the news took (socket or
 *    long-poll) is counted;
 *  - save: notes saved at the first site, each to --to other sites (encrypt, sign, seal,
 *    one transaction each);
 *  - push: the first site sends them all (batches of 200): the hub verifies, stores and
 *    fans out — what "hub throughput" means here;
 *  - pull: the second site receives and applies them (verify, decrypt, commit);
 *    push + pull is the catch-up of notes made offline;
 *  - with --converge, --notes more made offline, then the catch-up as it happens: the
 *    second site on its socket pulls while the first pushes, timed until it applied
 *    them all.
 *
 * CPU seconds of this process and of the hub are printed with each phase, and the load
 * average: timings on a shared 2-core machine are noisy, run it several times. */

static int opt_sites = 35;
static int opt_to = 0;
static int opt_notes = 1000;
static int opt_rounds = 50;
static int opt_interval = 100;
static gboolean opt_converge = FALSE;
static char *opt_hub = NULL;
static gboolean opt_json = FALSE;

static const GOptionEntry entries[] = {
  { "sites", 0, 0, G_OPTION_ARG_INT, &opt_sites, N_("Sites to enrol and connect (2 to 64)"), N_("N") },
  { "to", 0, 0, G_OPTION_ARG_INT, &opt_to, N_("Recipients of each note (default: every other site)"), N_("N") },
  { "notes", 0, 0, G_OPTION_ARG_INT, &opt_notes, N_("Notes for the throughput run"), N_("N") },
  { "rounds", 0, 0, G_OPTION_ARG_INT, &opt_rounds, N_("Notes for the latency run"), N_("N") },
  { "interval", 0, 0, G_OPTION_ARG_INT, &opt_interval, N_("Milliseconds between the notes of the latency run"), N_("MS") },
  { "converge", 0, 0, G_OPTION_ARG_NONE, &opt_converge,
    N_("Also time the catch-up with the receiver pulling on its socket while the sender pushes"), NULL },
  { "hub", 0, 0, G_OPTION_ARG_FILENAME, &opt_hub, N_("The tarmac-hub program"), N_("PATH") },
  { "json", 0, 0, G_OPTION_ARG_NONE, &opt_json, N_("Print JSON"), NULL },
  { NULL }
};

typedef struct _Bench Bench;

typedef struct
{
  TarmacStore       *store;
  TarmacSyncReplica *replica;
  TarmacSyncClient  *client;
  /* the latency run: its thread, and (under the bench's lock) when it applied */
  Bench             *bench;
  GThread           *thread;
  gboolean           ready;
  gint64             applied_at;
  guint64            applied;     /* versions its client applied, all told */
} Desk;

struct _Bench
{
  GMutex    lock;
  GCond     cond;
  gboolean  stop;
  Desk     *desks;
  int       n_desks;
  int       n_recipients;  /* the notes go to desks 1 to n_recipients */
};

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

/* Records that @desk applied something now. */
static void
note_applied (Desk *desk)
{
  Bench *bench = desk->bench;

  g_mutex_lock (&bench->lock);
  desk->applied = tarmac_sync_client_get_applied (desk->client);
  if (desk->applied_at == 0)
    desk->applied_at = g_get_monotonic_time ();
  g_cond_broadcast (&bench->cond);
  g_mutex_unlock (&bench->lock);
}

/* A site as the app runs it (tarmac-sync-service.c): news on the socket and the pull,
 * then, after a second without news (five at most), a round that sends the
 * acknowledgements of delivery. */
static gpointer
receiver_thread (gpointer user_data)
{
  Desk *desk = user_data;
  Bench *bench = desk->bench;
  gboolean more = FALSE;
  guint unacknowledged = 0;

  /* Opens the socket and pulls what came before it. */
  tarmac_sync_client_wait (desk->client, 0, &more, NULL);
  g_mutex_lock (&bench->lock);
  desk->ready = TRUE;
  g_cond_broadcast (&bench->cond);
  g_mutex_unlock (&bench->lock);

  for (guint i = 0; i < 1000000; i++)
    {
      gboolean stop;

      more = FALSE;
      if (!tarmac_sync_client_wait (desk->client, 1, &more, NULL))
        g_usleep (10000);
      if (more)
        {
          note_applied (desk);
          unacknowledged++;
        }

      g_mutex_lock (&bench->lock);
      stop = bench->stop;
      g_mutex_unlock (&bench->lock);
      if (stop)
        break;

      if (unacknowledged > 0 && (!more || unacknowledged > 5))
        {
          TarmacSyncStats stats = { 0 };

          unacknowledged = 0;
          /* The round may bring a note itself (its news is then old news). */
          if (tarmac_sync_client_sync (desk->client, &stats, NULL) && stats.pulled > 0)
            note_applied (desk);
        }
    }

  return NULL;
}

static gboolean
all_applied (Bench *bench)
{
  for (int i = 1; i <= bench->n_recipients; i++)
    if (bench->desks[i].applied_at == 0)
      return FALSE;
  return TRUE;
}

static gboolean
all_ready (Bench *bench)
{
  for (int i = 1; i < bench->n_desks; i++)
    if (!bench->desks[i].ready)
      return FALSE;
  return TRUE;
}

/* CPU seconds (user + system) of this process, or of @pid from /proc. */
static double
cpu_seconds (const char *pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%s/stat", pid != NULL ? pid : "self");
  g_autofree char *text = NULL;
  g_auto(GStrv) fields = NULL;
  const char *after;

  if (!g_file_get_contents (path, &text, NULL, NULL) || (after = strrchr (text, ')')) == NULL)
    return 0;

  /* After "pid (comm)": state is field 3, utime 14 and stime 15. */
  fields = g_strsplit (after + 2, " ", 0);
  if (g_strv_length (fields) < 13)
    return 0;
  return (g_ascii_strtod (fields[11], NULL) + g_ascii_strtod (fields[12], NULL))
         / sysconf (_SC_CLK_TCK);
}

static double
load_average (void)
{
  g_autofree char *text = NULL;

  if (!g_file_get_contents ("/proc/loadavg", &text, NULL, NULL))
    return 0;
  return g_ascii_strtod (text, NULL);
}

typedef struct
{
  guint  n;
  double p50;
  double p99;
  double max;
} Percentiles;

static Percentiles
percentiles_of (GArray *samples)
{
  Percentiles p = { samples->len, 0, 0, 0 };

  g_array_sort (samples, compare_gint64);
  if (p.n > 0)
    {
      p.p50 = g_array_index (samples, gint64, p.n / 2) / 1000.0;
      p.p99 = g_array_index (samples, gint64, MIN (p.n - 1, (p.n * 99) / 100)) / 1000.0;
      p.max = g_array_index (samples, gint64, p.n - 1) / 1000.0;
    }
  return p;
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
  g_autoptr(GArray) latencies_all = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree Desk *desks = NULL;
  g_autofree char *text = NULL;
  TarmacSyncStats push_stats = { 0 }, pull_stats = { 0 };
  gint64 t0, t_save, t_push, t_pull;
  double cpu0, cpu_save, cpu_push, cpu_pull, hub_cpu0, hub_cpu_push, hub_cpu_pull;
  double hub_cpu_latency = 0, cpu_latency = 0;
  double converge_s = 0, converge_cpu = 0, converge_hub_cpu = 0;
  guint64 converged = 0;
  guint notified = 0, long_polls = 0;
  Bench bench = { 0 };
  const char *hub_pid = NULL;
  int status = EXIT_FAILED;

  if (!tarmac_cli_parse_options (&argc, &argv, entries, &error))
    {
      tarmac_cli_print_error ("%s", error->message);
      return EXIT_USAGE;
    }
  opt_sites = CLAMP (opt_sites, 2, 64);
  opt_to = opt_to <= 0 ? opt_sites - 1 : CLAMP (opt_to, 1, opt_sites - 1);
  opt_notes = CLAMP (opt_notes, 1, 1000000);
  opt_rounds = CLAMP (opt_rounds, 1, 10000);
  opt_interval = CLAMP (opt_interval, 0, 10000);
  g_mutex_init (&bench.lock);
  g_cond_init (&bench.cond);

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
      if (i > 0 && i <= opt_to)
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
  hub_pid = g_subprocess_get_identifier (server);
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

  /* Latency: every other site on its socket, in its own thread. */
  bench.desks = desks;
  bench.n_desks = opt_sites;
  bench.n_recipients = opt_to;
  for (int i = 1; i < opt_sites; i++)
    {
      desks[i].bench = &bench;
      desks[i].thread = g_thread_new ("receiver", receiver_thread, &desks[i]);
    }
  {
    gint64 end_time = g_get_monotonic_time () + 120 * G_USEC_PER_SEC;

    g_mutex_lock (&bench.lock);
    while (!all_ready (&bench))
      if (!g_cond_wait_until (&bench.cond, &bench.lock, end_time))
        break;
    g_mutex_unlock (&bench.lock);
  }

  cpu0 = cpu_seconds (NULL);
  hub_cpu0 = cpu_seconds (hub_pid);
  for (int round = 0; round < opt_rounds && error == NULL; round++)
    {
      gint64 start, end_time;

      g_mutex_lock (&bench.lock);
      for (int i = 1; i < opt_sites; i++)
        desks[i].applied_at = 0;
      g_mutex_unlock (&bench.lock);

      start = g_get_monotonic_time ();
      if (!save_note (&desks[0], (const char * const *) recipients->pdata, "latency", &error)
          || !tarmac_sync_client_sync (desks[0].client, NULL, &error))
        break;

      g_mutex_lock (&bench.lock);
      end_time = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
      while (!all_applied (&bench))
        if (!g_cond_wait_until (&bench.cond, &bench.lock, end_time))
          break;
      for (int i = 1; i <= opt_to; i++)
        if (desks[i].applied_at > 0)
          {
            gint64 latency = desks[i].applied_at - start;

            g_array_append_val (latencies_all, latency);
            if (i == 1)
              g_array_append_val (latencies, latency);
          }
      g_mutex_unlock (&bench.lock);

      /* One note every --interval ms, as officers write them, not as fast as possible. */
      end_time = start + opt_interval * G_TIME_SPAN_MILLISECOND;
      if (g_get_monotonic_time () < end_time)
        g_usleep ((gulong) (end_time - g_get_monotonic_time ()));
    }
  g_mutex_lock (&bench.lock);
  bench.stop = TRUE;
  g_mutex_unlock (&bench.lock);
  for (int i = 1; i < opt_sites; i++)
    {
      g_thread_join (g_steal_pointer (&desks[i].thread));
      notified += tarmac_sync_client_get_notified (desks[i].client);
      long_polls += tarmac_sync_client_get_long_polls (desks[i].client);
      tarmac_sync_client_set_notify (desks[i].client, FALSE);
    }
  cpu_latency = cpu_seconds (NULL) - cpu0;
  hub_cpu_latency = cpu_seconds (hub_pid) - hub_cpu0;
  if (error != NULL)
    goto out;

  /* The acknowledgements of the latency run, out of the way of the throughput run. */
  if (!tarmac_sync_client_sync (desks[0].client, NULL, &error)
      || !tarmac_sync_client_sync (desks[1].client, NULL, &error))
    goto out;

  /* Throughput and catch-up. */
  text = g_strnfill (400, 'x');
  cpu0 = cpu_seconds (NULL);
  t0 = g_get_monotonic_time ();
  for (int i = 0; i < opt_notes; i++)
    if (!save_note (&desks[0], (const char * const *) recipients->pdata, text, &error))
      goto out;
  t_save = g_get_monotonic_time ();
  cpu_save = cpu_seconds (NULL);
  hub_cpu0 = cpu_seconds (hub_pid);
  if (!tarmac_sync_client_sync (desks[0].client, &push_stats, &error))
    goto out;
  t_push = g_get_monotonic_time ();
  cpu_push = cpu_seconds (NULL);
  hub_cpu_push = cpu_seconds (hub_pid);
  if (!tarmac_sync_client_sync (desks[1].client, &pull_stats, &error))
    goto out;
  t_pull = g_get_monotonic_time ();
  cpu_pull = cpu_seconds (NULL);
  hub_cpu_pull = cpu_seconds (hub_pid);

  if (opt_converge)
    {
      guint64 base;
      gint64 start, end_time;
      double cpu_c0, hub_c0;

      for (int i = 0; i < opt_notes; i++)
        if (!save_note (&desks[0], (const char * const *) recipients->pdata, text, &error))
          goto out;

      tarmac_sync_client_set_notify (desks[1].client, TRUE);
      base = tarmac_sync_client_get_applied (desks[1].client);
      g_mutex_lock (&bench.lock);
      bench.stop = FALSE;
      desks[1].ready = FALSE;
      desks[1].applied = base;
      g_mutex_unlock (&bench.lock);
      desks[1].thread = g_thread_new ("receiver", receiver_thread, &desks[1]);

      end_time = g_get_monotonic_time () + 120 * G_USEC_PER_SEC;
      g_mutex_lock (&bench.lock);
      while (!desks[1].ready)
        if (!g_cond_wait_until (&bench.cond, &bench.lock, end_time))
          break;
      g_mutex_unlock (&bench.lock);

      cpu_c0 = cpu_seconds (NULL);
      hub_c0 = cpu_seconds (hub_pid);
      start = g_get_monotonic_time ();
      if (!tarmac_sync_client_sync (desks[0].client, NULL, &error))
        goto out;

      end_time = g_get_monotonic_time () + 600 * G_USEC_PER_SEC;
      g_mutex_lock (&bench.lock);
      while (desks[1].applied < base + (guint64) opt_notes)
        if (!g_cond_wait_until (&bench.cond, &bench.lock, end_time))
          break;
      converged = desks[1].applied - base;
      bench.stop = TRUE;
      g_mutex_unlock (&bench.lock);
      converge_s = (g_get_monotonic_time () - start) / 1e6;
      converge_cpu = cpu_seconds (NULL) - cpu_c0;
      converge_hub_cpu = cpu_seconds (hub_pid) - hub_c0;
      g_thread_join (g_steal_pointer (&desks[1].thread));
    }

  {
    double save_s = (t_save - t0) / 1e6, push_s = (t_push - t_save) / 1e6, pull_s = (t_pull - t_push) / 1e6;
    Percentiles one = percentiles_of (latencies);
    Percentiles all = percentiles_of (latencies_all);
    double up = push_stats.pushed ? (double) push_stats.bytes_up / push_stats.pushed : 0;
    double down = pull_stats.pulled ? (double) pull_stats.bytes_down / pull_stats.pulled : 0;

    if (opt_json)
      g_print ("{\"cores\":%u,\"load\":%.2f,\"sites\":%d,\"to\":%d,\"notes\":%d,"
               "\"save_per_s\":%.0f,\"push_per_s\":%.0f,\"pull_per_s\":%.0f,\"catch_up_s\":%.3f,"
               "\"bytes_up_per_note\":%.0f,\"bytes_down_per_note\":%.0f,"
               "\"cpu_s\":{\"save\":%.2f,\"push\":%.2f,\"hub_push\":%.2f,\"pull\":%.2f,"
               "\"hub_pull\":%.2f,\"latency\":%.2f,\"hub_latency\":%.2f},"
               "\"latency_ms\":{\"n\":%u,\"p50\":%.2f,\"p99\":%.2f,\"max\":%.2f,"
               "\"all_recipients\":{\"n\":%u,\"p50\":%.2f,\"p99\":%.2f,\"max\":%.2f},"
               "\"notified\":%u,\"long_polls\":%u},\"converge\":{\"notes\":%" G_GUINT64_FORMAT
               ",\"s\":%.3f,\"cpu_s\":%.2f,\"hub_cpu_s\":%.2f}}\n",
               g_get_num_processors (), load_average (), opt_sites, opt_to, opt_notes,
               opt_notes / save_s, push_stats.pushed / push_s, pull_stats.pulled / pull_s,
               push_s + pull_s, up, down,
               cpu_save - cpu0, cpu_push - cpu_save, hub_cpu_push - hub_cpu0, cpu_pull - cpu_push,
               hub_cpu_pull - hub_cpu_push, cpu_latency, hub_cpu_latency,
               one.n, one.p50, one.p99, one.max, all.n, all.p50, all.p99, all.max,
               notified, long_polls, converged, converge_s, converge_cpu, converge_hub_cpu);
    else
      {
        g_print ("bench sync: cores=%u load=%.2f sites=%d notes=%d (400-byte texts, each to %d sites)\n",
                 g_get_num_processors (), load_average (), opt_sites, opt_notes, opt_to);
        g_print ("  save:  %.0f notes/s (%.2f CPU s)\n", opt_notes / save_s, cpu_save - cpu0);
        g_print ("  push:  %u in %.3f s, %.0f notes/s through the hub (hub %.2f CPU s, sender %.2f)\n",
                 push_stats.pushed, push_s, push_stats.pushed / push_s, hub_cpu_push - hub_cpu0,
                 cpu_push - cpu_save);
        g_print ("  pull:  %u in %.3f s, %.0f notes/s applied (hub %.2f CPU s, receiver %.2f)\n",
                 pull_stats.pulled, pull_s, pull_stats.pulled / pull_s, hub_cpu_pull - hub_cpu_push,
                 cpu_pull - cpu_push);
        g_print ("  catch-up of %d notes made offline: %.3f s\n", opt_notes, push_s + pull_s);
        g_print ("  wire:  %.0f bytes up, %.0f bytes down per note\n", up, down);
        g_print ("  save-to-applied latency, %d sites connected, a note to %d every %d ms"
                 " (hub %.2f CPU s, sites %.2f):\n", opt_sites, opt_to, opt_interval,
                 hub_cpu_latency, cpu_latency);
        g_print ("    at the second site, %u notes: p50 %.2f ms, p99 %.2f ms, max %.2f ms\n",
                 one.n, one.p50, one.p99, one.max);
        g_print ("    at every recipient, %u: p50 %.2f ms, p99 %.2f ms, max %.2f ms\n",
                 all.n, all.p50, all.p99, all.max);
        g_print ("    news by socket %u, long-polls %u\n", notified, long_polls);
        if (opt_converge)
          g_print ("  converged after reconnection (pulling while the other pushes): %" G_GUINT64_FORMAT
                   " of %d in %.3f s (hub %.2f CPU s, sites %.2f)\n", converged, opt_notes,
                   converge_s, converge_hub_cpu, converge_cpu);
      }
  }
  status = EXIT_OK;

out:
  if (error != NULL)
    tarmac_cli_print_error ("%s", error->message);
  if (desks != NULL)
    {
      g_mutex_lock (&bench.lock);
      bench.stop = TRUE;
      g_mutex_unlock (&bench.lock);
    }
  for (int i = 0; desks != NULL && i < opt_sites; i++)
    {
      if (desks[i].thread != NULL)
        g_thread_join (g_steal_pointer (&desks[i].thread));
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
  g_mutex_clear (&bench.lock);
  g_cond_clear (&bench.cond);
  return status;
}
