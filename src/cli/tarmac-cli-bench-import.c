/* tarmac-cli-bench-import.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "tarmac-cli-private.h"
#include "tarmac-batch-import.h"
#include "tarmac-demo-messages.h"
#include "tarmac-importer.h"

/* bench import: the budget of DESIGN.md §10, "import 1,000,000 API travellers (parse,
 * store, index) ≤ 10 s". Files come from the message generator one flight at a time and
 * go through a TarmacBatchImport into a fresh database on disk, as in production (WAL,
 * synchronous=FULL, a savepoint per file, a commit per batch, audit). Only the import
 * calls are timed, the commits included; making the files is timed apart. --pnr-share 0
 * leaves PNRGOV out, for the budget's API-only figure. */

typedef struct
{
  guint   files;
  guint   paxlst_files;
  guint   pnrgov_files;
  guint   failed;
  guint   duplicates;
  guint64 travellers;       /* API travellers in the generated files */
  guint64 imported;         /* traveller rows the reports count, PNR-only ones included */
  guint64 bytes;
  gint64  import_usec;
  gint64  import_cpu_usec;  /* CPU time of the process (all threads) during those calls */
  gint64  writer_cpu_usec;  /* of the calling thread, which writes, during those calls */
  gint64  preparer_cpu_usec; /* of the other threads (the preparer), from start to end */
  gint64  paxlst_usec;      /* within import_usec: the calls that added a PAXLST file */
  gint64  pnrgov_usec;
  guint   commits;
  gint64  generate_usec;
  char   *first_error;
} Figures;

/* Peak resident memory as the kernel counts it (VmHWM), in KiB; 0 if unknown. */
static guint64
read_vm_hwm (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return 0;
  if ((line = strstr (status, "VmHWM:")) == NULL)
    return 0;
  return g_ascii_strtoull (line + strlen ("VmHWM:"), NULL, 10);
}

/* The one-minute load average, to read wall times with; -1 if unknown. */
static double
load_average (void)
{
  double load[1];

  return getloadavg (load, 1) == 1 ? load[0] : -1;
}

static guint64
file_size (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 ? (guint64) st.st_size : 0;
}

/* CPU time of the whole process: under load, wall time says more about the machine's
 * other jobs than about the importer. */
static gint64
process_cpu_usec (void)
{
  struct timespec ts;

  if (clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts) != 0)
    return 0;
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

/* CPU time of the calling thread: the one that writes to the database. The import's wall
 * time cannot be less. */
static gint64
thread_cpu_usec (void)
{
  struct timespec ts;

  if (clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts) != 0)
    return 0;
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static void
count_reports (GPtrArray *done,
               Figures   *figures)
{
  for (guint i = 0; i < done->len; i++)
    {
      const TarmacImportReport *report = g_ptr_array_index (done, i);

      if (report->result == TARMAC_IMPORT_RESULT_FAILED)
        {
          figures->failed++;
          if (figures->first_error == NULL)
            figures->first_error = g_strdup (report->error_message);
        }
      else if (report->result == TARMAC_IMPORT_RESULT_DUPLICATE)
        figures->duplicates++;
      else
        figures->imported += report->n_travellers;
    }
}

static gboolean
run (TarmacStore                     *store,
     const TarmacDemoMessagesOptions *options,
     guint                            batch_files,
     const char                      *save_dir,
     Figures                         *figures)
{
  g_autoptr(TarmacDemoMessages) messages = tarmac_demo_messages_new (options);
  g_autoptr(TarmacBatchImport) batch = tarmac_batch_import_new (store);
  g_autoptr(GPtrArray) last = NULL;
  gint64 process_start = process_cpu_usec ();
  gint64 thread_start = thread_cpu_usec ();
  gint64 t0, t1, c1, w1;

  /* A batch as large as asked, however long it takes: the figure is then the same under
   * load. */
  tarmac_batch_import_set_limits (batch, batch_files, G_MAXUINT);

  for (;;)
    {
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GPtrArray) done = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *name = NULL;
      TarmacDemoMessageKind kind;
      guint n_travellers = 0;
      gint64 t2;
      gsize length;
      const guint8 *data;

      t0 = g_get_monotonic_time ();
      bytes = tarmac_demo_messages_next (messages, &name, &kind, &n_travellers);
      t1 = g_get_monotonic_time ();
      figures->generate_usec += t1 - t0;
      if (bytes == NULL)
        break;

      data = g_bytes_get_data (bytes, &length);
      if (save_dir != NULL)
        {
          g_autofree char *file = g_build_filename (save_dir, name, NULL);

          if (!g_file_set_contents (file, (const char *) data, (gssize) length, &error))
            {
              tarmac_cli_print_error ("%s", error->message);
              return FALSE;
            }
        }

      c1 = process_cpu_usec ();
      w1 = thread_cpu_usec ();
      t1 = g_get_monotonic_time ();
      done = tarmac_batch_import_add_bytes (batch, name, data, length, NULL);
      t2 = g_get_monotonic_time ();
      figures->import_usec += t2 - t1;
      figures->import_cpu_usec += process_cpu_usec () - c1;
      figures->writer_cpu_usec += thread_cpu_usec () - w1;
      if (kind == TARMAC_DEMO_MESSAGE_PAXLST)
        figures->paxlst_usec += t2 - t1;
      else
        figures->pnrgov_usec += t2 - t1;
      count_reports (done, figures);

      figures->files++;
      figures->bytes += length;
      figures->travellers += n_travellers;
      if (kind == TARMAC_DEMO_MESSAGE_PAXLST)
        figures->paxlst_files++;
      else
        figures->pnrgov_files++;
    }

  c1 = process_cpu_usec ();
  w1 = thread_cpu_usec ();
  t0 = g_get_monotonic_time ();
  last = tarmac_batch_import_finish (batch);
  t1 = g_get_monotonic_time ();
  figures->import_usec += t1 - t0;
  figures->import_cpu_usec += process_cpu_usec () - c1;
  figures->writer_cpu_usec += thread_cpu_usec () - w1;
  count_reports (last, figures);
  figures->commits = tarmac_batch_import_get_commits (batch);

  /* The preparer also works while this thread makes the next file, outside the timed
   * calls: its figure covers the whole run. */
  figures->preparer_cpu_usec = (process_cpu_usec () - process_start) -
                               (thread_cpu_usec () - thread_start);

  return figures->failed == 0;
}

/* bench import [--travellers N] [--seed N] [--batch N] [--pnr-share PERMILLE] [--json]
 * [--save DIR]. argv[0] is "import". */
int
tarmac_cli_bench_import (int    argc,
                         char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TarmacStore) store = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  TarmacDemoMessagesOptions options;
  Figures figures = { 0 };
  struct rusage usage;
  gint64 travellers = 1000000;
  gint64 seed = 1;
  gint64 batch_files = TARMAC_BATCH_IMPORT_MAX_FILES;
  gint64 pnr_share = -1;
  gboolean json = FALSE;
  g_autofree char *save_dir = NULL;
  double seconds, per_second;
  guint64 db_bytes = 0, vm_hwm;
  const char *suffixes[] = { "", "-wal", "-shm" };
  gboolean ok;
  const GOptionEntry entries[] = {
    { "travellers", 0, 0, G_OPTION_ARG_INT64, &travellers,
      N_("API travellers to import (default 1000000)"), N_("N") },
    { "seed", 0, 0, G_OPTION_ARG_INT64, &seed, N_("Seed of the generator (default 1)"),
      N_("N") },
    { "batch", 0, 0, G_OPTION_ARG_INT64, &batch_files,
      N_("Files per committed transaction (default 100; 1 commits every file)"), N_("N") },
    { "pnr-share", 0, 0, G_OPTION_ARG_INT64, &pnr_share,
      N_("Flights, in thousandths, that also get a PNRGOV push (default 300; 0 for API only)"),
      N_("PERMILLE") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the figures as JSON"), NULL },
    { "save", 0, 0, G_OPTION_ARG_FILENAME, &save_dir,
      N_("Also write the generated files to DIR (outside the timing)"), N_("DIR") },
    { NULL }
  };

  if (!tarmac_cli_parse_options (&argc, &argv, entries, &error))
    {
      tarmac_cli_print_error ("%s", error->message);
      return EXIT_USAGE;
    }
  if (travellers < 1 || travellers > G_MAXUINT32 || seed < 0 || seed > G_MAXUINT32)
    {
      tarmac_cli_print_error (_("--travellers must be at least 1, and --seed at least 0"));
      return EXIT_USAGE;
    }
  if (batch_files < 1 || batch_files > G_MAXUINT32 || pnr_share < -1 || pnr_share > 1000)
    {
      tarmac_cli_print_error (_("--batch must be at least 1, and --pnr-share between 0 and "
                                "1000"));
      return EXIT_USAGE;
    }

  tarmac_demo_messages_options_init (&options);
  options.travellers = (guint) travellers;
  options.seed = (guint32) seed;
  if (pnr_share >= 0)
    options.pnr_permille = (guint) pnr_share;

  /* A fresh file on disk, so the figure includes real writes, WAL and fsync. */
  if (!(dir = g_dir_make_tmp ("tarmac-bench-XXXXXX", &error)))
    {
      tarmac_cli_print_error ("%s", error->message);
      return EXIT_FAILED;
    }
  path = g_build_filename (dir, "bench.db", NULL);

  if (!(store = tarmac_store_open (path, &error)) ||
      !tarmac_store_set_airport_code (store, "LFW", &error))
    {
      tarmac_cli_print_error ("%s", error->message);
      return EXIT_FAILED;
    }

  if (save_dir != NULL && g_mkdir_with_parents (save_dir, 0700) != 0)
    {
      int saved_errno = errno;

      tarmac_cli_print_error ("%s: %s", save_dir, g_strerror (saved_errno));
      return EXIT_FAILED;
    }

  ok = run (store, &options, (guint) batch_files, save_dir, &figures);
  tarmac_store_close (store);

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      db_bytes += file_size (file);
      g_remove (file);
    }
  g_rmdir (dir);

  getrusage (RUSAGE_SELF, &usage);
  vm_hwm = read_vm_hwm ();
  seconds = figures.import_usec / (double) G_USEC_PER_SEC;
  per_second = seconds > 0 ? figures.travellers / seconds : 0;

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;
      g_autofree char *text = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "benchmark");
      json_builder_add_string_value (builder, "import");
      json_builder_set_member_name (builder, "cores");
      json_builder_add_int_value (builder, g_get_num_processors ());
      json_builder_set_member_name (builder, "seed");
      json_builder_add_int_value (builder, seed);
      json_builder_set_member_name (builder, "pnr_permille");
      json_builder_add_int_value (builder, options.pnr_permille);
      json_builder_set_member_name (builder, "batch_files");
      json_builder_add_int_value (builder, batch_files);
      json_builder_set_member_name (builder, "commits");
      json_builder_add_int_value (builder, figures.commits);
      json_builder_set_member_name (builder, "travellers");
      json_builder_add_int_value (builder, (gint64) figures.travellers);
      json_builder_set_member_name (builder, "traveller_rows");
      json_builder_add_int_value (builder, (gint64) figures.imported);
      json_builder_set_member_name (builder, "files");
      json_builder_add_int_value (builder, figures.files);
      json_builder_set_member_name (builder, "paxlst_files");
      json_builder_add_int_value (builder, figures.paxlst_files);
      json_builder_set_member_name (builder, "pnrgov_files");
      json_builder_add_int_value (builder, figures.pnrgov_files);
      json_builder_set_member_name (builder, "failed_files");
      json_builder_add_int_value (builder, figures.failed);
      json_builder_set_member_name (builder, "input_bytes");
      json_builder_add_int_value (builder, (gint64) figures.bytes);
      json_builder_set_member_name (builder, "import_seconds");
      json_builder_add_double_value (builder, seconds);
      json_builder_set_member_name (builder, "import_cpu_seconds");
      json_builder_add_double_value (builder, figures.import_cpu_usec / (double) G_USEC_PER_SEC);
      json_builder_set_member_name (builder, "writer_cpu_seconds");
      json_builder_add_double_value (builder, figures.writer_cpu_usec / (double) G_USEC_PER_SEC);
      json_builder_set_member_name (builder, "preparer_cpu_seconds");
      json_builder_add_double_value (builder,
                                     figures.preparer_cpu_usec / (double) G_USEC_PER_SEC);
      json_builder_set_member_name (builder, "paxlst_seconds");
      json_builder_add_double_value (builder, figures.paxlst_usec / (double) G_USEC_PER_SEC);
      json_builder_set_member_name (builder, "pnrgov_seconds");
      json_builder_add_double_value (builder, figures.pnrgov_usec / (double) G_USEC_PER_SEC);
      json_builder_set_member_name (builder, "generate_seconds");
      json_builder_add_double_value (builder, figures.generate_usec / (double) G_USEC_PER_SEC);
      json_builder_set_member_name (builder, "travellers_per_second");
      json_builder_add_double_value (builder, per_second);
      json_builder_set_member_name (builder, "load_average");
      json_builder_add_double_value (builder, load_average ());
      json_builder_set_member_name (builder, "peak_rss_kib");
      json_builder_add_int_value (builder, usage.ru_maxrss);
      json_builder_set_member_name (builder, "vm_hwm_kib");
      json_builder_add_int_value (builder, (gint64) vm_hwm);
      json_builder_set_member_name (builder, "db_bytes");
      json_builder_add_int_value (builder, (gint64) db_bytes);
      if (figures.first_error != NULL)
        {
          json_builder_set_member_name (builder, "first_error");
          json_builder_add_string_value (builder, figures.first_error);
        }
      json_builder_end_object (builder);

      root = json_builder_get_root (builder);
      text = json_to_string (root, TRUE);
      g_print ("%s\n", text);
    }
  else
    {
      g_print ("bench import: cores=%u seed=%u pnr-share=%u/1000 batch=%u files\n",
               g_get_num_processors (), options.seed, options.pnr_permille,
               (guint) batch_files);
      g_print ("  files=%u (paxlst=%u pnrgov=%u, %.1f MiB) failed=%u\n", figures.files,
               figures.paxlst_files, figures.pnrgov_files,
               figures.bytes / (1024.0 * 1024.0), figures.failed);
      g_print ("  api travellers=%" G_GUINT64_FORMAT " traveller rows=%" G_GUINT64_FORMAT "\n",
               figures.travellers, figures.imported);
      g_print ("  import: %.3f s, %.0f travellers/s (generation apart: %.3f s)\n", seconds,
               per_second, figures.generate_usec / (double) G_USEC_PER_SEC);
      g_print ("  import cpu: %.3f s (user and system, all threads; load average now %.1f)\n",
               figures.import_cpu_usec / (double) G_USEC_PER_SEC, load_average ());
      g_print ("  writer thread cpu: %.3f s (during the import); preparer thread cpu: %.3f s"
               " (whole run)\n", figures.writer_cpu_usec / (double) G_USEC_PER_SEC,
               figures.preparer_cpu_usec / (double) G_USEC_PER_SEC);
      g_print ("  of which paxlst files %.3f s, pnrgov files %.3f s; %u commits\n",
               figures.paxlst_usec / (double) G_USEC_PER_SEC,
               figures.pnrgov_usec / (double) G_USEC_PER_SEC, figures.commits);
      g_print ("  peak rss=%ld KiB vm_hwm=%" G_GUINT64_FORMAT " KiB db=%.1f MiB\n",
               usage.ru_maxrss, vm_hwm, db_bytes / (1024.0 * 1024.0));
      if (figures.first_error != NULL)
        g_print ("  first error: %s\n", figures.first_error);
    }

  g_free (figures.first_error);
  return ok ? EXIT_OK : EXIT_FAILED;
}
