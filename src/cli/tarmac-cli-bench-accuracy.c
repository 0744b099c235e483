/* tarmac-cli-bench-accuracy.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "tarmac-cli-private.h"
#include "tarmac-screen-accuracy.h"
#include "tarmac-screen-thresholds.h"

/*
 * bench screen-accuracy [--list FILE] [--seed S] [--travellers N] [--alert T] [--review T]
 * [--no-exhaustive] [--misses N] [--json]: the end-to-end accuracy benchmark of
 * research/screening.md §5.3 (B2) and §5.4 on the UN Consolidated List, read in place from
 * ../shared/samples/lists (never copied into the repository).
 */

#define UN_SAMPLE "lists/test_testdata_UN_consolidated.xml"

/* $TARMAC_SAMPLES_DIR, or ../shared/samples next to the working directory or one of its
 * parents (the repository's worktrees sit next to /work/shared). */
static char *
find_un_list (void)
{
  const char *samples = g_getenv ("TARMAC_SAMPLES_DIR");
  g_autofree char *dir = g_get_current_dir ();

  if (samples != NULL)
    return g_build_filename (samples, UN_SAMPLE, NULL);
  for (guint up = 0; up < 4 && dir != NULL; up++)
    {
      g_autofree char *path = g_build_filename (dir, "..", "shared", "samples", UN_SAMPLE, NULL);
      char *parent;

      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        return g_steal_pointer (&path);
      parent = g_path_get_dirname (dir);
      g_free (dir);
      dir = parent;
    }
  return g_strdup ("../shared/samples/" UN_SAMPLE);
}

static void
print_misses (const TarmacScreenAccuracy *accuracy,
              const TarmacWatchlistData  *list,
              double                      alert,
              int                         misses)
{
  int printed = 0;

  for (guint i = 0; i < accuracy->probes->len && printed < misses; i++)
    {
      const TarmacScreenProbe *probe = g_ptr_array_index (accuracy->probes, i);
      gboolean missed = probe->entry >= 0 && probe->klass != TARMAC_VARIANT_LOW_ALIAS &&
                        accuracy->scores[i] < alert;
      gboolean false_alert = probe->klass == TARMAC_VARIANT_NEGATIVE &&
                             accuracy->scores[i] >= alert;
      gboolean low_alert = probe->klass == TARMAC_VARIANT_LOW_ALIAS &&
                           accuracy->scores[i] >= alert;

      if (!missed && !false_alert && !low_alert)
        continue;
      printed++;
      if (probe->entry >= 0)
        {
          const TarmacWatchlistEntry *entry = g_ptr_array_index (list->entries, probe->entry);
          const TarmacWatchlistName *name = g_ptr_array_index (entry->names, 0);

          g_print ("  %s %-12s %.3f  “%s” dob=%s doc=%s nat=%s  ← %s\n",
                   missed ? "MISS " : "ALERT", tarmac_variant_class_to_id (probe->klass),
                   accuracy->scores[i], probe->name, probe->dob ? probe->dob : "-",
                   probe->document ? probe->document : "-",
                   probe->nationality ? probe->nationality : "-", name->name);
          g_print ("        (%s)\n", probe->how ? probe->how : "");
        }
      else
        g_print ("  FALSE %-12s %.3f  “%s” dob=%s nat=%s\n", probe->how, accuracy->scores[i],
                 probe->name, probe->dob, probe->nationality);
    }
}

int
tarmac_cli_bench_accuracy (int    argc,
                           char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TarmacWatchlistData) list = NULL;
  g_autoptr(TarmacScreenAccuracy) accuracy = NULL;
  g_autofree char *path = NULL;
  char *list_path = NULL;
  int seed = 1, travellers = 20000, misses = 0;
  double alert = TARMAC_SCREEN_DEFAULT_ALERT_THRESHOLD;
  double review = TARMAC_SCREEN_DEFAULT_REVIEW_THRESHOLD;
  gboolean json = FALSE, no_exhaustive = FALSE;
  double load[3] = { 0 };
  const GOptionEntry entries[] = {
    { "list", 0, 0, G_OPTION_ARG_FILENAME, &list_path,
      N_("The UN Consolidated List XML (default: ../shared/samples/lists)"), N_("FILE") },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, N_("Random seed (default 1)"), N_("S") },
    { "travellers", 0, 0, G_OPTION_ARG_INT, &travellers,
      N_("Travellers who are not on the list (default 20000)"), N_("N") },
    { "alert", 0, 0, G_OPTION_ARG_DOUBLE, &alert, N_("Alert threshold (default: Tarmac’s)"),
      N_("T") },
    { "review", 0, 0, G_OPTION_ARG_DOUBLE, &review, N_("Review threshold (default: Tarmac’s)"),
      N_("T") },
    { "no-exhaustive", 0, 0, G_OPTION_ARG_NONE, &no_exhaustive,
      N_("Skip the exhaustive scan (no blocking recall)"), NULL },
    { "misses", 0, 0, G_OPTION_ARG_INT, &misses,
      N_("Print up to N missed probes and false alerts"), N_("N") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the figures as JSON"), NULL },
    { NULL }
  };

  if (!tarmac_cli_parse_options (&argc, &argv, entries, &error))
    {
      tarmac_cli_print_error ("%s", error->message);
      return EXIT_USAGE;
    }
  path = list_path != NULL ? list_path : find_un_list ();
  if (travellers < 0 || travellers > 10000000 || !(alert > 0.0 && alert <= 1.0) ||
      !(review > 0.0 && review <= alert))
    {
      tarmac_cli_print_error (_("--travellers is 0 to 10000000; thresholds are in (0, 1], the "
                                "review threshold at most the alert one"));
      return EXIT_USAGE;
    }
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      tarmac_cli_print_error (_("The UN Consolidated List was not found at %s. The benchmark "
                                "reads it in place from ../shared/samples/lists; give another "
                                "copy with --list FILE."), path);
      return EXIT_FAILED;
    }
  list = tarmac_watchlist_load (path, "persons", &error);
  if (list == NULL)
    {
      tarmac_cli_print_error ("%s", error->message);
      return EXIT_FAILED;
    }

  accuracy = tarmac_screen_accuracy_run (list, (guint64) seed, travellers, !no_exhaustive,
                                         g_get_num_processors ());
  if (getloadavg (load, 3) < 0)
    load[0] = -1.0;

  if (json)
    {
      g_autoptr(JsonNode) root = tarmac_screen_accuracy_to_json (accuracy, alert, review);
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      g_autofree char *text = NULL;

      json_object_set_double_member (json_node_get_object (root), "load_average", load[0]);
      json_object_set_int_member (json_node_get_object (root), "seed", seed);
      json_generator_set_root (generator, root);
      json_generator_set_pretty (generator, TRUE);
      text = json_generator_to_data (generator, NULL);
      g_print ("%s\n", text);
    }
  else
    {
      guint n = 0, n_blocking = 0;
      double blocking;

      g_print ("bench screen-accuracy: list=%s persons=%u names=%u seed=%d\n", path,
               accuracy->n_persons, accuracy->n_names, seed);
      g_print ("  alert threshold %.2f, review threshold %.2f; %u threads, %.1f s matching "
               "(load average %.2f)\n", alert, review, accuracy->threads, accuracy->seconds,
               load[0]);
      g_print ("  %-20s %7s %9s %10s\n", "class", "probes", "recall", "at review");
      for (TarmacVariantClass klass = TARMAC_VARIANT_RETRANSLIT;
           klass <= TARMAC_VARIANT_LOW_ALIAS; klass++)
        {
          double recall = tarmac_screen_accuracy_recall (accuracy, klass, alert, &n);
          double at_review = tarmac_screen_accuracy_recall (accuracy, klass, review, NULL);

          g_print ("  %u %-18s %7u %9.4f %10.4f%s\n", klass, tarmac_variant_class_to_id (klass),
                   n, recall, at_review,
                   klass == TARMAC_VARIANT_LOW_ALIAS ? "  (alert rate: should be low)" : "");
        }
      g_print ("  classes 2–8 together: recall %.4f\n",
               tarmac_screen_accuracy_recall (accuracy, TARMAC_VARIANT_N_CLASSES, alert, &n));
      g_print ("  travellers not listed: %d, false alerts %.2f per 1,000, hits to review "
               "%.2f per 1,000\n", travellers, tarmac_screen_accuracy_alerts_per_1000 (accuracy,
                                                                                     alert),
               tarmac_screen_accuracy_alerts_per_1000 (accuracy, review));
      blocking = tarmac_screen_accuracy_blocking_recall (accuracy, review, &n_blocking);
      if (accuracy->exhaustive != NULL)
        g_print ("  blocking recall at %.2f: %.4f of %u probes the exhaustive scan finds "
                 "(%.1f s)\n", review, blocking, n_blocking, accuracy->exhaustive_seconds);
      g_print ("  workload curve: threshold, recall 2–8, recall 1, alerts per 1,000\n");
      for (int t = 60; t <= 100; t += 2)
        g_print ("    %.2f  %.4f  %.4f  %7.2f\n", t / 100.0,
                 tarmac_screen_accuracy_recall (accuracy, TARMAC_VARIANT_N_CLASSES, t / 100.0,
                                                NULL),
                 tarmac_screen_accuracy_recall (accuracy, TARMAC_VARIANT_RETRANSLIT, t / 100.0,
                                                NULL),
                 tarmac_screen_accuracy_alerts_per_1000 (accuracy, t / 100.0));
    }
  if (misses > 0)
    print_misses (accuracy, list, alert, misses);
  return EXIT_OK;
}
