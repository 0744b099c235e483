/* tarmac-screen-accuracy.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-screen-accuracy"

#include "config.h"

#include "tarmac-screen-accuracy.h"
#include "tarmac-screen-index-private.h"

/*
 * The accuracy benchmark's measurement (research/screening.md §5.3–5.4): every probe of
 * tarmac-screen-variants.c is matched against an index of the whole list (persons and
 * entities, as screening sees it), and the score of the entry each planted probe must
 * find is kept — or, for a traveller who is not on the list, the best score of any entry.
 * Recall, alerts per 1,000 travellers and the workload curve at any threshold follow from
 * those scores without matching again. The planted probes are also matched by comparing
 * every name of the list, to measure what the candidate keys lose (blocking recall).
 */

#define FLOOR_SCORE 0.5

typedef struct
{
  TarmacScreenIndex    *index;
  TarmacScreenAccuracy *accuracy;
  guint                 first;
  guint                 step;
  gboolean              exhaustive;
} Worker;

static double
probe_score (GPtrArray               *candidates,
             const TarmacScreenProbe *probe)
{
  double best = 0.0;

  for (guint i = 0; i < candidates->len; i++)
    {
      const TarmacMatchCandidate *candidate = g_ptr_array_index (candidates, i);

      if (probe->entry < 0)
        best = MAX (best, candidate->score);
      else if (candidate->entry_id == probe->entry + 1)
        best = MAX (best, candidate->score);
    }
  return best;
}

static gpointer
run_worker (gpointer data)
{
  Worker *worker = data;
  TarmacScreenAccuracy *accuracy = worker->accuracy;

  for (guint i = worker->first; i < accuracy->probes->len; i += worker->step)
    {
      const TarmacScreenProbe *probe = g_ptr_array_index (accuracy->probes, i);
      TarmacMatchQuery query = { probe->name, probe->dob, probe->nationality, probe->sex,
                                 probe->document };
      g_autoptr(GPtrArray) candidates = NULL;

      if (worker->exhaustive)
        {
          if (probe->entry < 0)
            continue;
          candidates = _tarmac_screen_index_match_exhaustive (worker->index, &query,
                                                              FLOOR_SCORE, 0);
          accuracy->exhaustive[i] = probe_score (candidates, probe);
        }
      else
        {
          candidates = tarmac_screen_index_match (worker->index, &query, FLOOR_SCORE, 0, NULL);
          accuracy->scores[i] = probe_score (candidates, probe);
        }
    }
  return NULL;
}

static double
run_threads (TarmacScreenIndex    *index,
             TarmacScreenAccuracy *accuracy,
             gboolean              exhaustive,
             guint                 n_threads)
{
  g_autofree GThread **threads = g_new0 (GThread *, n_threads);
  g_autofree Worker *workers = g_new0 (Worker, n_threads);
  gint64 started = g_get_monotonic_time ();

  for (guint t = 0; t < n_threads; t++)
    {
      workers[t] = (Worker) { index, accuracy, t, n_threads, exhaustive };
      threads[t] = g_thread_new ("tarmac-accuracy", run_worker, &workers[t]);
    }
  for (guint t = 0; t < n_threads; t++)
    g_thread_join (threads[t]);
  return (g_get_monotonic_time () - started) / (double) G_USEC_PER_SEC;
}

/**
 * tarmac_screen_accuracy_run:
 * @list: the list (its persons are planted; all its entries are indexed)
 * @seed: the generator's seed
 * @n_travellers: synthetic travellers who are not on the list
 * @exhaustive: also compare every planted probe with every name, for blocking recall
 * @n_threads: threads to match on
 *
 * Returns: (transfer full): the run
 */
TarmacScreenAccuracy *
tarmac_screen_accuracy_run (const TarmacWatchlistData *list,
                            guint64                    seed,
                            guint                      n_travellers,
                            gboolean                   exhaustive,
                            guint                      n_threads)
{
  TarmacScreenAccuracy *accuracy = g_new0 (TarmacScreenAccuracy, 1);
  g_autoptr(TarmacScreenIndex) index = tarmac_screen_index_new ();

  n_threads = CLAMP (n_threads, 1, 64);
  for (guint e = 0; e < list->entries->len; e++)
    {
      const TarmacWatchlistEntry *entry = g_ptr_array_index (list->entries, e);

      tarmac_screen_index_add_entry (index, entry, e + 1, list->default_name, 1);
      accuracy->n_persons += g_str_equal (entry->kind, "person");
    }
  tarmac_screen_index_finish (index);
  accuracy->n_names = tarmac_screen_index_get_n_names (index);

  accuracy->probes = tarmac_screen_variants_new (list, seed, n_travellers);
  accuracy->scores = g_new0 (double, MAX (accuracy->probes->len, 1));
  accuracy->threads = n_threads;
  accuracy->seconds = run_threads (index, accuracy, FALSE, n_threads);
  if (exhaustive)
    {
      accuracy->exhaustive = g_new0 (double, MAX (accuracy->probes->len, 1));
      accuracy->exhaustive_seconds = run_threads (index, accuracy, TRUE, n_threads);
    }
  return accuracy;
}

void
tarmac_screen_accuracy_free (TarmacScreenAccuracy *accuracy)
{
  if (accuracy == NULL)
    return;
  g_ptr_array_unref (accuracy->probes);
  g_free (accuracy->scores);
  g_free (accuracy->exhaustive);
  g_free (accuracy);
}

/**
 * tarmac_screen_accuracy_recall:
 * @klass: a planted class, or %TARMAC_VARIANT_N_CLASSES for classes 2 to 8 together
 * @n: (out) (optional): how many probes of the class
 *
 * Returns: the share of the class's probes whose entry scored at least @threshold (for
 *   low-quality aliases: the share that alerted, which should be small)
 */
double
tarmac_screen_accuracy_recall (const TarmacScreenAccuracy *accuracy,
                               TarmacVariantClass          klass,
                               double                      threshold,
                               guint                      *n)
{
  guint total = 0, found = 0;

  for (guint i = 0; i < accuracy->probes->len; i++)
    {
      const TarmacScreenProbe *probe = g_ptr_array_index (accuracy->probes, i);
      gboolean counted = klass == TARMAC_VARIANT_N_CLASSES
                           ? probe->klass >= TARMAC_VARIANT_ALIAS &&
                             probe->klass <= TARMAC_VARIANT_DOB_DOCUMENT
                           : probe->klass == klass;

      if (!counted || probe->entry < 0)
        continue;
      total++;
      found += accuracy->scores[i] >= threshold;
    }
  if (n != NULL)
    *n = total;
  return total > 0 ? (double) found / total : 0.0;
}

/* Recall over every planted probe that carries a name and a DOB (classes 1 to 8). */
double
tarmac_screen_accuracy_recall_named (const TarmacScreenAccuracy *accuracy,
                                     double                      threshold)
{
  guint total = 0, found = 0;

  for (guint i = 0; i < accuracy->probes->len; i++)
    {
      const TarmacScreenProbe *probe = g_ptr_array_index (accuracy->probes, i);

      if (probe->entry < 0 || probe->klass == TARMAC_VARIANT_LOW_ALIAS)
        continue;
      total++;
      found += accuracy->scores[i] >= threshold;
    }
  return total > 0 ? (double) found / total : 0.0;
}

/* Travellers who are not on the list and still alert, per 1,000 of them. */
double
tarmac_screen_accuracy_alerts_per_1000 (const TarmacScreenAccuracy *accuracy,
                                        double                      threshold)
{
  guint total = 0, alerts = 0;

  for (guint i = 0; i < accuracy->probes->len; i++)
    {
      const TarmacScreenProbe *probe = g_ptr_array_index (accuracy->probes, i);

      if (probe->klass != TARMAC_VARIANT_NEGATIVE)
        continue;
      total++;
      alerts += accuracy->scores[i] >= threshold;
    }
  return total > 0 ? 1000.0 * alerts / total : 0.0;
}

/**
 * tarmac_screen_accuracy_blocking_recall:
 * @n: (out) (optional): how many planted probes the exhaustive scan finds
 *
 * Of the planted probes whose entry the exhaustive scan scores at least @threshold, the
 * share the index finds as well. 1 when nothing was measured.
 */
double
tarmac_screen_accuracy_blocking_recall (const TarmacScreenAccuracy *accuracy,
                                        double                      threshold,
                                        guint                      *n)
{
  guint total = 0, kept = 0;

  if (n != NULL)
    *n = 0;
  if (accuracy->exhaustive == NULL)
    return 1.0;
  for (guint i = 0; i < accuracy->probes->len; i++)
    {
      const TarmacScreenProbe *probe = g_ptr_array_index (accuracy->probes, i);

      if (probe->entry < 0 || accuracy->exhaustive[i] < threshold)
        continue;
      total++;
      kept += accuracy->scores[i] >= threshold;
    }
  if (n != NULL)
    *n = total;
  return total > 0 ? (double) kept / total : 1.0;
}

static double
round4 (double value)
{
  return (double) (gint64) (value * 10000.0 + 0.5) / 10000.0;
}

/**
 * tarmac_screen_accuracy_to_json:
 * @alert: the alert threshold the recall and alert figures are given at
 * @review: the review threshold (recall at review, blocking recall)
 *
 * Returns: (transfer full): the figures as an object (see README.md, "bench screen-accuracy")
 */
JsonNode *
tarmac_screen_accuracy_to_json (const TarmacScreenAccuracy *accuracy,
                                double                      alert,
                                double                      review)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  guint n_negatives = 0, n_blocking = 0;

  for (guint i = 0; i < accuracy->probes->len; i++)
    n_negatives += ((TarmacScreenProbe *) g_ptr_array_index (accuracy->probes, i))->klass ==
                   TARMAC_VARIANT_NEGATIVE;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "benchmark");
  json_builder_add_string_value (builder, "screen-accuracy");
  json_builder_set_member_name (builder, "persons");
  json_builder_add_int_value (builder, accuracy->n_persons);
  json_builder_set_member_name (builder, "names");
  json_builder_add_int_value (builder, accuracy->n_names);
  json_builder_set_member_name (builder, "probes");
  json_builder_add_int_value (builder, accuracy->probes->len - n_negatives);
  json_builder_set_member_name (builder, "travellers");
  json_builder_add_int_value (builder, n_negatives);
  json_builder_set_member_name (builder, "alert_threshold");
  json_builder_add_double_value (builder, alert);
  json_builder_set_member_name (builder, "review_threshold");
  json_builder_add_double_value (builder, review);
  json_builder_set_member_name (builder, "threads");
  json_builder_add_int_value (builder, accuracy->threads);
  json_builder_set_member_name (builder, "match_s");
  json_builder_add_double_value (builder, round4 (accuracy->seconds));

  json_builder_set_member_name (builder, "classes");
  json_builder_begin_array (builder);
  for (TarmacVariantClass klass = TARMAC_VARIANT_RETRANSLIT;
       klass <= TARMAC_VARIANT_LOW_ALIAS; klass++)
    {
      guint n = 0;
      double at_alert = tarmac_screen_accuracy_recall (accuracy, klass, alert, &n);
      double at_review = tarmac_screen_accuracy_recall (accuracy, klass, review, NULL);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "class");
      json_builder_add_int_value (builder, klass);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, tarmac_variant_class_to_id (klass));
      json_builder_set_member_name (builder, "probes");
      json_builder_add_int_value (builder, n);
      json_builder_set_member_name (builder, klass == TARMAC_VARIANT_LOW_ALIAS
                                               ? "alert_rate" : "recall");
      json_builder_add_double_value (builder, round4 (at_alert));
      json_builder_set_member_name (builder, "recall_at_review");
      json_builder_add_double_value (builder, round4 (at_review));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "recall_classes_2_8");
  json_builder_add_double_value (builder,
                                 round4 (tarmac_screen_accuracy_recall (accuracy,
                                                                        TARMAC_VARIANT_N_CLASSES,
                                                                        alert, NULL)));
  json_builder_set_member_name (builder, "false_alerts_per_1000");
  json_builder_add_double_value (builder,
                                 round4 (tarmac_screen_accuracy_alerts_per_1000 (accuracy, alert)));
  json_builder_set_member_name (builder, "reviews_per_1000");
  json_builder_add_double_value (builder,
                                 round4 (tarmac_screen_accuracy_alerts_per_1000 (accuracy, review)));
  if (accuracy->exhaustive != NULL)
    {
      json_builder_set_member_name (builder, "blocking_recall");
      json_builder_add_double_value (builder,
                                     round4 (tarmac_screen_accuracy_blocking_recall (accuracy,
                                                                                     review,
                                                                                     &n_blocking)));
      json_builder_set_member_name (builder, "blocking_probes");
      json_builder_add_int_value (builder, n_blocking);
      json_builder_set_member_name (builder, "exhaustive_s");
      json_builder_add_double_value (builder, round4 (accuracy->exhaustive_seconds));
    }

  json_builder_set_member_name (builder, "workload_curve");
  json_builder_begin_array (builder);
  for (int t = 60; t <= 100; t += 2)
    {
      double threshold = t / 100.0;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "threshold");
      json_builder_add_double_value (builder, threshold);
      json_builder_set_member_name (builder, "recall_classes_2_8");
      json_builder_add_double_value (builder,
                                     round4 (tarmac_screen_accuracy_recall (accuracy,
                                                                            TARMAC_VARIANT_N_CLASSES,
                                                                            threshold, NULL)));
      json_builder_set_member_name (builder, "recall_retransliteration");
      json_builder_add_double_value (builder,
                                     round4 (tarmac_screen_accuracy_recall (accuracy,
                                                                            TARMAC_VARIANT_RETRANSLIT,
                                                                            threshold, NULL)));
      json_builder_set_member_name (builder, "alerts_per_1000");
      json_builder_add_double_value (builder,
                                     round4 (tarmac_screen_accuracy_alerts_per_1000 (accuracy,
                                                                                     threshold)));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}
