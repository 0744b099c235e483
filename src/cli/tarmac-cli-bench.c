/* tarmac-cli-bench.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "tarmac-cli-private.h"
#include "tarmac-demo.h"

/* bench demo: generation and storage speed of the demo generator. argv[0] is "demo". */
static int
bench_demo (int    argc,
            char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TarmacStore) bench_store = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  TarmacDemoOptions options;
  TarmacDemoStats stats = { 0 };
  gint64 started, elapsed;
  double seconds, rows;

  if (!tarmac_cli_parse_demo_options (argc, argv, &options, &error))
    {
      tarmac_cli_print_error ("%s", error->message);
      return EXIT_USAGE;
    }

  /* A fresh file on disk, so the figure includes real writes, WAL and fsync. */
  if (!(dir = g_dir_make_tmp ("tarmac-bench-XXXXXX", &error)))
    {
      tarmac_cli_print_error ("%s", error->message);
      return EXIT_FAILED;
    }
  path = g_build_filename (dir, "bench.db", NULL);

  if (!(bench_store = tarmac_store_open (path, &error)))
    {
      tarmac_cli_print_error ("%s", error->message);
      return EXIT_FAILED;
    }

  started = g_get_monotonic_time ();
  if (!tarmac_demo_generate (bench_store, &options, &stats, &error))
    {
      tarmac_cli_print_error ("%s", error->message);
      return EXIT_FAILED;
    }
  elapsed = g_get_monotonic_time () - started;

  seconds = elapsed / (double) G_USEC_PER_SEC;
  rows = stats.passengers + stats.crew;

  g_print ("bench demo: cores=%u scale=%.2f days=%u\n",
           g_get_num_processors (), options.scale, options.days);
  g_print ("  flights=%u travellers=%.0f documents=%u pnrs=%u\n",
           stats.flights, rows, stats.documents, stats.pnrs);
  g_print ("  generate+store: %.3f s, %.0f travellers/s\n", seconds,
           seconds > 0 ? rows / seconds : 0);

  tarmac_store_close (bench_store);
  {
    const char *suffixes[] = { "", "-wal", "-shm" };
    for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
      {
        g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
        g_remove (file);
      }
    g_rmdir (dir);
  }

  return EXIT_OK;
}

typedef struct
{
  const char *name;
  const char *usage;
  int       (*func) (int    argc,
                     char **argv);
} Benchmark;

/* Benchmarks print figures; they never pass or fail on time. Each one works on a fresh
 * database of its own, never on --db. */
static const Benchmark benchmarks[] = {
  { "demo", "bench demo [--scale X] [--days N] [--seed N]", bench_demo },
  { "import", "bench import [--travellers N] [--seed N] [--batch N] [--pnr-share PERMILLE]"
    " [--json] [--save DIR]", tarmac_cli_bench_import },
  { "search", "bench search [--travellers N] [--database PATH] [--json]",
    tarmac_cli_bench_search },
  { "sync", "bench sync [--sites N] [--notes N] [--rounds N] [--hub PATH] [--json]",
    tarmac_cli_bench_sync },
  { "match", "bench match [--names N] [--queries Q] [--seed S] [--json]",
    tarmac_cli_bench_match },
  { "screen-accuracy", "bench screen-accuracy [--list FILE] [--seed S] [--travellers N]"
    " [--alert T] [--review T] [--no-exhaustive] [--misses N] [--json]",
    tarmac_cli_bench_accuracy },
  { "screen", "bench screen [--tier small|large] [--threads N] [--seed S] [--travellers N]"
    " [--hits FILE] [--json]",
    tarmac_cli_bench_screen },
};

int
tarmac_cli_bench (TarmacStore  *store,
                  int           argc,
                  char        **argv)
{
  if (argc >= 2)
    for (guint i = 0; i < G_N_ELEMENTS (benchmarks); i++)
      if (g_str_equal (argv[1], benchmarks[i].name))
        return benchmarks[i].func (argc - 1, argv + 1);

  for (guint i = 0; i < G_N_ELEMENTS (benchmarks); i++)
    /* Translators: %s is a command line, such as "bench demo [--scale X]" */
    tarmac_cli_print_error (_("usage: tarmac-cli %s"), benchmarks[i].usage);

  return EXIT_USAGE;
}
