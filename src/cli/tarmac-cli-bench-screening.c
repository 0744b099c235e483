/* tarmac-cli-bench-screening.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "tarmac-cli-bench-names.h"
#include "tarmac-cli-private.h"
#include "tarmac-demo-names.h"
#include "tarmac-screen-index.h"
#include "tarmac-screen-thresholds.h"

/*
 * bench screen [--tier small|large] [--threads N] [--seed S] [--travellers N] [--hits FILE]
 * [--json]: batch screening speed (research/screening.md §5.6, issue 4):
 *
 *  - small: 100,000 travellers against 20,000 list names, in ≤ 10 s;
 *  - large: 300,000 travellers against 1,000,000 list names, in ≤ 60 s and ≤ 2 GB.
 *
 * The list is synthetic, drawn from the demo generator's name tables with a third of the
 * words altered by a letter (a real national list's vocabulary grows that way), each entry
 * with a DOB and a nationality. Travellers are drawn from the same tables; one in a
 * hundred is a listed person, re-spelt (one letter changed, words in another order), with
 * the listed DOB. Every traveller is matched at the review threshold on N threads sharing
 * one index (a GThreadPool), as screening an import does.
 */

typedef struct
{
  char *name;
  char  dob[11];
  const char *nationality;
  gint  planted;        /* the listed entry's id, or 0 */
} Traveller;

typedef struct
{
  TarmacScreenIndex *index;
  Traveller         *travellers;
  double            *latency_ms;
  guint             *candidates;
  guint             *bounded;
  guint             *alerts;
  gboolean          *found;
  char             **hits;          /* per traveller, for --hits; or NULL */
  double             review;
  double             alert;
} Batch;

static void
screen_one (gpointer data,
            gpointer user_data)
{
  Batch *batch = user_data;
  guint i = GPOINTER_TO_UINT (data) - 1;
  Traveller *traveller = &batch->travellers[i];
  TarmacMatchQuery query = { traveller->name, traveller->dob, traveller->nationality, NULL,
                             NULL };
  TarmacMatchStats stats;
  g_autoptr(GPtrArray) result = NULL;
  gint64 started = g_get_monotonic_time ();

  result = tarmac_screen_index_match (batch->index, &query, batch->review, 10, &stats);
  batch->latency_ms[i] = (g_get_monotonic_time () - started) / 1000.0;
  batch->candidates[i] = stats.candidates_scored;
  batch->bounded[i] = stats.candidates_bounded;
  for (guint k = 0; k < result->len; k++)
    {
      const TarmacMatchCandidate *candidate = g_ptr_array_index (result, k);

      batch->alerts[i] += candidate->score >= batch->alert;
      if (traveller->planted > 0 && candidate->entry_id == traveller->planted)
        batch->found[i] = TRUE;
    }
  if (batch->hits != NULL)
    {
      GString *line = g_string_new (NULL);

      for (guint k = 0; k < result->len; k++)
        {
          const TarmacMatchCandidate *candidate = g_ptr_array_index (result, k);

          g_string_append_printf (line, " %" G_GINT64_FORMAT ":%.4f", candidate->entry_id,
                                  candidate->score);
        }
      batch->hits[i] = g_string_free (line, FALSE);
    }
}

static double
process_cpu_s (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

static double
percentile (const double *sorted,
            guint         n,
            double        p)
{
  return n > 0 ? sorted[(guint) (p * (n - 1) + 0.5)] : 0.0;
}

int
tarmac_cli_bench_screen (int    argc,
                         char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TarmacScreenIndex) index = NULL;
  g_autoptr(GPtrArray) listed = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) listed_dobs = g_array_new (FALSE, FALSE, sizeof (TarmacDob));
  g_autoptr(GRand) rand = NULL;
  g_autofree char *tier = NULL;
  g_autofree char *hits_path = NULL;
  g_autofree char **hits = NULL;
  g_autofree Traveller *travellers = NULL;
  g_autofree double *latency = NULL;
  g_autofree guint *candidates = NULL;
  g_autofree guint *bounded = NULL;
  g_autofree guint *alerts = NULL;
  g_autofree gboolean *found = NULL;
  GThreadPool *pool_threads;
  TarmacCliBenchNames pool;
  int threads = (int) g_get_num_processors (), seed = 42, only = 0;
  guint n_names, n_travellers, planted = 0, planted_found = 0, alerted = 0;
  guint64 scored = 0, cut = 0;
  gboolean json = FALSE;
  double alert = TARMAC_SCREEN_DEFAULT_ALERT_THRESHOLD;
  double review = TARMAC_SCREEN_DEFAULT_REVIEW_THRESHOLD;
  double load[3] = { 0 }, build_s, screen_s, cpu_s, p50, p95, p99;
  gint64 started;
  struct rusage usage;
  const GOptionEntry entries[] = {
    { "tier", 0, 0, G_OPTION_ARG_STRING, &tier,
      N_("small (100,000 travellers, 20,000 names) or large (300,000, 1,000,000)"),
      N_("TIER") },
    { "threads", 0, 0, G_OPTION_ARG_INT, &threads, N_("Threads (default: every core)"),
      N_("N") },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, N_("Random seed (default 42)"), N_("S") },
    { "travellers", 0, 0, G_OPTION_ARG_INT, &only,
      N_("Screen only the first N travellers of the tier (for profiling)"), N_("N") },
    { "hits", 0, 0, G_OPTION_ARG_FILENAME, &hits_path,
      N_("Write each traveller's hits (entry and score) to FILE, to compare two builds"),
      N_("FILE") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the figures as JSON"), NULL },
    { NULL }
  };

  if (!tarmac_cli_parse_options (&argc, &argv, entries, &error))
    {
      tarmac_cli_print_error ("%s", error->message);
      return EXIT_USAGE;
    }
  if (tier == NULL || g_str_equal (tier, "small"))
    n_names = 20000, n_travellers = 100000;
  else if (g_str_equal (tier, "large"))
    n_names = 1000000, n_travellers = 300000;
  else
    {
      tarmac_cli_print_error (_("--tier is small or large"));
      return EXIT_USAGE;
    }
  if (only > 0)
    n_travellers = MIN (n_travellers, (guint) only);
  if (threads < 1 || threads > 64 || only < 0)
    {
      tarmac_cli_print_error (_("--threads is 1 to 64, --travellers at least 0"));
      return EXIT_USAGE;
    }

  rand = g_rand_new_with_seed (seed);
  tarmac_cli_bench_names_init (&pool, 4);

  started = g_get_monotonic_time ();
  index = tarmac_screen_index_new ();
  for (guint i = 0; i < n_names; i++)
    {
      g_autoptr(TarmacWatchlistEntry) entry = NULL;
      g_autofree char *id = g_strdup_printf ("S%u", i);
      char *name = NULL;

      entry = tarmac_cli_bench_names_entry (&pool, rand, id, &name);
      g_array_append_val (listed_dobs, g_array_index (entry->dobs, TarmacDob, 0));
      g_ptr_array_add (entry->nationalities,
                       g_strdup (_tarmac_demo_nationalities[g_rand_int_range (rand, 0,
                                                                             _tarmac_demo_n_nationalities)].iso3));
      tarmac_screen_index_add_entry (index, entry, i + 1, "bench", 1);
      g_ptr_array_add (listed, name);
    }
  tarmac_screen_index_finish (index);
  build_s = (g_get_monotonic_time () - started) / (double) G_USEC_PER_SEC;

  travellers = g_new0 (Traveller, n_travellers);
  for (guint i = 0; i < n_travellers; i++)
    {
      Traveller *traveller = &travellers[i];

      if (g_rand_int_range (rand, 0, 100) == 0)
        {
          guint target = g_rand_int_range (rand, 0, n_names);
          const TarmacDob *dob = &g_array_index (listed_dobs, TarmacDob, target);

          traveller->name = tarmac_cli_bench_names_respell (&pool, rand, g_ptr_array_index (listed, target));
          g_snprintf (traveller->dob, sizeof traveller->dob, "%04u-%02u-%02u", dob->year_from,
                      dob->month, dob->day);
          traveller->planted = target + 1;
          planted++;
        }
      else
        {
          traveller->name = tarmac_cli_bench_names_random (&pool, rand, FALSE);
          g_snprintf (traveller->dob, sizeof traveller->dob, "%04d-%02d-%02d",
                      g_rand_int_range (rand, 1940, 2008), g_rand_int_range (rand, 1, 13),
                      g_rand_int_range (rand, 1, 29));
        }
      traveller->nationality =
        _tarmac_demo_nationalities[g_rand_int_range (rand, 0, _tarmac_demo_n_nationalities)].iso3;
    }

  latency = g_new0 (double, n_travellers);
  candidates = g_new0 (guint, n_travellers);
  bounded = g_new0 (guint, n_travellers);
  alerts = g_new0 (guint, n_travellers);
  found = g_new0 (gboolean, n_travellers);
  if (hits_path != NULL)
    hits = g_new0 (char *, n_travellers);
  {
    Batch batch = { index, travellers, latency, candidates, bounded, alerts, found, hits,
                    review, alert };

    started = g_get_monotonic_time ();
    cpu_s = process_cpu_s ();
    pool_threads = g_thread_pool_new (screen_one, &batch, threads, TRUE, &error);
    if (pool_threads == NULL)
      {
        tarmac_cli_print_error ("%s", error->message);
        return EXIT_FAILED;
      }
    for (guint i = 0; i < n_travellers; i++)
      g_thread_pool_push (pool_threads, GUINT_TO_POINTER (i + 1), NULL);
    g_thread_pool_free (pool_threads, FALSE, TRUE);
    screen_s = (g_get_monotonic_time () - started) / (double) G_USEC_PER_SEC;
    cpu_s = process_cpu_s () - cpu_s;
  }
  getrusage (RUSAGE_SELF, &usage);
  if (getloadavg (load, 3) < 0)
    load[0] = -1.0;

  if (hits != NULL)
    {
      GString *text = g_string_new (NULL);
      gboolean written;

      for (guint i = 0; i < n_travellers; i++)
        {
          g_string_append_printf (text, "%u%s\n", i, hits[i]);
          g_free (hits[i]);
        }
      written = g_file_set_contents (hits_path, text->str, text->len, &error);
      g_string_free (text, TRUE);
      if (!written)
        {
          tarmac_cli_print_error ("%s", error->message);
          return EXIT_FAILED;
        }
    }

  for (guint i = 0; i < n_travellers; i++)
    {
      scored += candidates[i];
      cut += bounded[i];
      alerted += alerts[i] > 0;
      if (travellers[i].planted > 0)
        planted_found += found[i];
      g_free (travellers[i].name);
    }
  qsort (latency, n_travellers, sizeof (double), tarmac_cli_bench_compare_doubles);
  p50 = percentile (latency, n_travellers, 0.50);
  p95 = percentile (latency, n_travellers, 0.95);
  p99 = percentile (latency, n_travellers, 0.99);

  if (json)
    g_print ("{\n  \"benchmark\" : \"screen\",\n  \"tier\" : \"%s\",\n  \"names\" : %u,\n"
             "  \"travellers\" : %u,\n  \"threads\" : %d,\n  \"cores\" : %u,\n"
             "  \"build_s\" : %.3f,\n  \"screen_s\" : %.3f,\n  \"screen_cpu_s\" : %.3f,\n"
             "  \"travellers_per_s\" : %.0f,\n"
             "  \"p50_ms\" : %.3f,\n  \"p95_ms\" : %.3f,\n  \"p99_ms\" : %.3f,\n"
             "  \"scored_per_traveller\" : %.1f,\n  \"bounded_per_traveller\" : %.1f,\n"
             "  \"comparisons_per_s\" : %.0f,\n"
             "  \"peak_rss_mb\" : %.1f,\n  \"planted\" : %u,\n  \"planted_found\" : %u,\n"
             "  \"travellers_alerting\" : %u,\n  \"load_average\" : %.2f\n}\n",
             n_names == 20000 ? "small" : "large", n_names, n_travellers, threads,
             g_get_num_processors (), build_s, screen_s, cpu_s, n_travellers / screen_s, p50, p95,
             p99,
             (double) scored / n_travellers, (double) cut / n_travellers, scored / screen_s,
             usage.ru_maxrss / 1024.0,
             planted, planted_found, alerted, load[0]);
  else
    {
      g_print ("bench screen: tier=%s names=%u travellers=%u threads=%d cores=%u\n",
               n_names == 20000 ? "small" : "large", n_names, n_travellers, threads,
               g_get_num_processors ());
      g_print ("  index build: %.2f s; screening: %.2f s (%.0f travellers/s, %.2f s of CPU), "
               "load average %.2f\n", build_s, screen_s, n_travellers / screen_s, cpu_s, load[0]);
      g_print ("  per traveller: p50 %.3f ms, p95 %.3f ms, p99 %.3f ms; %.1f names scored "
               "in full (%.0f comparisons/s), %.1f more cut short by the bound\n", p50, p95, p99,
               (double) scored / n_travellers, scored / screen_s,
               (double) cut / n_travellers);
      g_print ("  peak RSS %.1f MB\n", usage.ru_maxrss / 1024.0);
      g_print ("  planted listed travellers found: %u of %u; travellers alerting: %u\n",
               planted_found, planted, alerted);
    }

  tarmac_cli_bench_names_clear (&pool);
  return EXIT_OK;
}
