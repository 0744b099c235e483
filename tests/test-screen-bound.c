/* test-screen-bound.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "tarmac-name-compare-private.h"
#include "tarmac-screen-index-private.h"
#include "tarmac-screen-variants.h"
#include "tarmac-watchlist-data.h"

/*
 * The matcher skips the full comparison of a name that cannot reach the review threshold
 * (tarmac-name-compare.c, score_under(); tarmac-screen-match.c, name_floor()). That is
 * only allowed because the bounds are true bounds: these tests hold them against the
 * exact figures on the names of the accuracy fixture (tests/data/watchlists/
 * un-accuracy.xml: Arabic, West African and Russian names, original scripts, aliases)
 * and the planted variants and synthetic travellers of tarmac-screen-variants.c. The
 * matches with and without the bound must be identical, candidate for candidate, and a
 * match limited to its best few must give the first of them.
 */

#define SEED       3
#define TRAVELLERS 150

static TarmacWatchlistData *
load_fixture (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "watchlists",
                                                 "un-accuracy.xml", NULL);
  TarmacWatchlistData *list = tarmac_watchlist_load (path, "persons", &error);

  g_assert_no_error (error);
  g_assert_nonnull (list);
  return list;
}

/* Every name of the list, then every probe's name, analysed. */
static GPtrArray *
analyse_names (const TarmacWatchlistData *list,
               GPtrArray                 *probes,
               guint                     *n_listed)
{
  GPtrArray *names = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);

  for (guint e = 0; e < list->entries->len; e++)
    {
      const TarmacWatchlistEntry *entry = g_ptr_array_index (list->entries, e);

      for (guint n = 0; n < entry->names->len; n++)
        {
          const TarmacWatchlistName *name = g_ptr_array_index (entry->names, n);

          g_ptr_array_add (names, tarmac_name_analyse (name->name));
        }
    }
  *n_listed = names->len;
  for (guint p = 0; p < probes->len; p++)
    g_ptr_array_add (names, tarmac_name_analyse (((TarmacScreenProbe *)
                                                  g_ptr_array_index (probes, p))->name));
  return names;
}

static void
test_fuzzy_bound (void)
{
  g_autoptr(TarmacWatchlistData) list = load_fixture ();
  g_autoptr(GPtrArray) probes = tarmac_screen_variants_new (list, SEED, TRAVELLERS);
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) forms = g_ptr_array_new ();
  guint n_listed, pairs = 0, cut = 0, close = 0;

  names = analyse_names (list, probes, &n_listed);
  for (guint i = 0; i < names->len; i++)
    {
      GPtrArray *tokens = g_ptr_array_index (names, i);

      for (guint t = 0; t < tokens->len; t++)
        {
          const TarmacNameToken *token = g_ptr_array_index (tokens, t);

          for (guint f = 0; f < token->n_forms; f++)
            if (g_hash_table_add (seen, token->forms[f]))
              g_ptr_array_add (forms, token->forms[f]);
        }
    }
  g_assert_cmpuint (forms->len, >, 300);

  /* Every pair of distinct forms (up to 700 of them): variants of one name, and names
   * that have nothing in common. */
  for (guint i = 0; i < MIN (forms->len, 700); i++)
    for (guint j = 0; j < MIN (forms->len, 700); j++)
      {
        const char *s = g_ptr_array_index (forms, i), *t = g_ptr_array_index (forms, j);
        float similarity = _tarmac_name_fuzzy_similarity (s, t);
        float bound = _tarmac_name_fuzzy_bound (s, t);

        if (bound < similarity)
          g_error ("“%s” and “%s”: similarity %.6f over its bound %.6f", s, t, similarity,
                   bound);
        pairs++;
        cut += bound < 0.6f;
        close += similarity >= 0.6f;
      }
  /* The bound is worth having: it rules most unrelated pairs out. */
  g_assert_cmpuint (cut, >, pairs / 2);
  g_assert_cmpuint (close, >, 0);

  /* Slips of the hand and of the eye cost half an edit: the bound allows for them. */
  {
    const char *slips[][2] = { { "rahsb", "rajab" }, { "parck", "patek" },
                               { "sharnsuddin", "shamsuddin" }, { "hldayatvllah", "hidayatullah" },
                               { "marnadv", "mamadu" }, { "clavvd", "dawd" } };

    for (guint i = 0; i < G_N_ELEMENTS (slips); i++)
      for (guint k = 0; k < 2; k++)
        {
          const char *s = slips[i][k], *t = slips[i][1 - k];

          g_assert_cmpfloat (_tarmac_name_fuzzy_bound (s, t), >=,
                             _tarmac_name_fuzzy_similarity (s, t));
        }
  }

  /* Words past the comparator's length limit, and empty ones, keep the bound. */
  {
    const char *odd[] = { "", "a", "ab", "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz",
                          "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyq", "zzzzzz",
                          "aaaaaa" };

    for (guint i = 0; i < G_N_ELEMENTS (odd); i++)
      for (guint j = 0; j < G_N_ELEMENTS (odd); j++)
        g_assert_cmpfloat (_tarmac_name_fuzzy_bound (odd[i], odd[j]), >=,
                           _tarmac_name_fuzzy_similarity (odd[i], odd[j]));
  }
}

static void
test_compare_bound (void)
{
  static const double floors[] = { 0.5, 0.62, 0.72, 0.85, 0.92, 0.97, 0.999 };
  g_autoptr(TarmacWatchlistData) list = load_fixture ();
  g_autoptr(GPtrArray) probes = tarmac_screen_variants_new (list, SEED, TRAVELLERS);
  g_autoptr(GPtrArray) names = NULL;
  guint n_listed, cut = 0, kept = 0, cut_close = 0;

  names = analyse_names (list, probes, &n_listed);
  for (guint q = n_listed; q < names->len; q++)
    for (guint n = 0; n < n_listed; n++)
      {
        GPtrArray *a = g_ptr_array_index (names, q), *b = g_ptr_array_index (names, n);
        TarmacNameComparison exact;
        double score = tarmac_name_compare ((TarmacNameToken *const *) a->pdata, NULL, a->len,
                                            (TarmacNameToken *const *) b->pdata, NULL, b->len,
                                            &exact);

        for (guint f = 0; f < G_N_ELEMENTS (floors); f++)
          {
            TarmacNameComparison bounded;
            double at_least;

            at_least = _tarmac_name_compare_at_least ((TarmacNameToken *const *) a->pdata,
                                                      NULL, a->len,
                                                      (TarmacNameToken *const *) b->pdata,
                                                      NULL, b->len, floors[f], NULL, NULL,
                                                      &bounded);
            if (at_least < 0.0)
              {
                /* Cut short only when the score is under the floor. */
                if (score >= floors[f])
                  g_error ("probe %u and name %u: %.6f cut at floor %.3f", q, n, score,
                           floors[f]);
                cut++;
                cut_close += score >= floors[f] - 0.1;
                continue;
              }
            /* Otherwise the very same comparison. */
            g_assert_cmpfloat (at_least, ==, score);
            g_assert_cmpuint (bounded.n_pairs, ==, exact.n_pairs);
            g_assert_true (memcmp (bounded.pairs, exact.pairs,
                                   exact.n_pairs * sizeof (TarmacNamePair)) == 0);
            g_assert_cmpuint (bounded.a_matched, ==, exact.a_matched);
            g_assert_cmpuint (bounded.b_matched, ==, exact.b_matched);
            kept++;
          }
      }
  /* And on names made for the comparator's newer rules: middle names left over, Spanish
   * and Persian readings, words without vowels, the name of God, slips. */
  {
    static const char *const pairs[][2] = {
      { "Sher Khan", "Sher Mohammad Abbas Stanekzai Padshah Khan" },
      { "Sher Abbas", "Sher Mohammad Abbas Stanekzai Padshah Khan" },
      { "Jasin Ghul", "Hassan Ghul" }, { "Mejamad Lukajul", "محمد لكحل" },
      { "Maxamed Xasan", "محمد حسن" }, { "Sana Ullah", "ثناء اللہ غفاری" },
      { "MHMD HMZ ZBYDY", "Muhammad Hamza al-Zubaidi" }, { "MHMD LY ALHBW", "محمد علي الحبو" },
      { "Umar Parck", "Umar Patek" }, { "Marnadv Ture", "Mamadu Ture" },
    };

    for (guint p = 0; p < G_N_ELEMENTS (pairs); p++)
      {
        g_autoptr(GPtrArray) a = tarmac_name_analyse (pairs[p][0]);
        g_autoptr(GPtrArray) b = tarmac_name_analyse (pairs[p][1]);
        double score = tarmac_name_compare ((TarmacNameToken *const *) a->pdata, NULL, a->len,
                                            (TarmacNameToken *const *) b->pdata, NULL, b->len,
                                            NULL);

        for (guint f = 0; f < G_N_ELEMENTS (floors); f++)
          {
            double at_least = _tarmac_name_compare_at_least ((TarmacNameToken *const *) a->pdata,
                                                             NULL, a->len,
                                                             (TarmacNameToken *const *) b->pdata,
                                                             NULL, b->len, floors[f], NULL, NULL,
                                                             NULL);

            if (at_least < 0.0 ? score >= floors[f] : at_least != score)
              g_error ("“%s” and “%s”: %.6f, at floor %.3f %.6f", pairs[p][0], pairs[p][1],
                       score, floors[f], at_least);
          }
      }
  }

  /* Both ways were taken, and the bound also cuts names not far under the floor. */
  g_assert_cmpuint (cut, >, kept);
  g_assert_cmpuint (kept, >, 1000);
  g_assert_cmpuint (cut_close, >, 100);
}

/* @bounded is @unbounded, or its first @limit candidates. */
static void
assert_same_candidates (GPtrArray  *bounded,
                        GPtrArray  *unbounded,
                        guint       limit,
                        const char *name,
                        double      min_score)
{
  guint expected = limit > 0 ? MIN (limit, unbounded->len) : unbounded->len;

  if (bounded->len != expected)
    g_error ("“%s” at %.2f: %u candidates with the bound, %u without", name, min_score,
             bounded->len, expected);
  for (guint i = 0; i < bounded->len; i++)
    {
      const TarmacMatchCandidate *x = g_ptr_array_index (bounded, i);
      const TarmacMatchCandidate *y = g_ptr_array_index (unbounded, i);
      g_autoptr(JsonNode) x_json = tarmac_match_candidate_to_json (x);
      g_autoptr(JsonNode) y_json = tarmac_match_candidate_to_json (y);
      g_autofree char *x_text = json_to_string (x_json, FALSE);
      g_autofree char *y_text = json_to_string (y_json, FALSE);

      g_assert_cmpint (x->entry_id, ==, y->entry_id);
      g_assert_cmpfloat (x->score, ==, y->score);
      g_assert_cmpfloat (x->name_score, ==, y->name_score);
      g_assert_cmpstr (x->matched_name, ==, y->matched_name);
      g_assert_cmpstr (x->summary, ==, y->summary);
      g_assert_cmpstr (x_text, ==, y_text);
    }
}

static void
test_match_bound (void)
{
  static const double thresholds[] = { 0.5, 0.62, 0.72, 0.9 };
  g_autoptr(TarmacWatchlistData) list = load_fixture ();
  g_autoptr(GPtrArray) probes = tarmac_screen_variants_new (list, SEED, TRAVELLERS);
  g_autoptr(TarmacScreenIndex) index = tarmac_screen_index_new ();
  guint found = 0, bounded_names = 0;

  for (guint e = 0; e < list->entries->len; e++)
    tarmac_screen_index_add_entry (index, g_ptr_array_index (list->entries, e), e + 1,
                                   "fixture", 1);
  tarmac_screen_index_finish (index);

  for (guint p = 0; p < probes->len; p++)
    {
      const TarmacScreenProbe *probe = g_ptr_array_index (probes, p);
      TarmacMatchQuery query = { probe->name, probe->dob, probe->nationality, probe->sex,
                                 probe->document };

      for (guint t = 0; t < G_N_ELEMENTS (thresholds); t++)
        {
          TarmacMatchStats stats;
          g_autoptr(GPtrArray) bounded = tarmac_screen_index_match (index, &query,
                                                                    thresholds[t], 0, &stats);
          g_autoptr(GPtrArray) unbounded = _tarmac_screen_index_match_unbounded (index, &query,
                                                                                 thresholds[t],
                                                                                 0);

          g_autoptr(GPtrArray) first = tarmac_screen_index_match (index, &query, thresholds[t],
                                                                  2, NULL);

          assert_same_candidates (bounded, unbounded, 0, probe->name, thresholds[t]);
          /* Only the best are kept (and explained), the same as the first of all. */
          assert_same_candidates (first, unbounded, 2, probe->name, thresholds[t]);
          found += bounded->len;
          bounded_names += stats.candidates_bounded;
        }
    }
  g_assert_cmpuint (found, >, probes->len);
  g_assert_cmpuint (bounded_names, >, probes->len);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/screen/bound/fuzzy", test_fuzzy_bound);
  g_test_add_func ("/screen/bound/compare", test_compare_bound);
  g_test_add_func ("/screen/bound/match", test_match_bound);

  return g_test_run ();
}
