/* test-screen-accuracy.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "tarmac-screen-accuracy.h"
#include "tarmac-screen-thresholds.h"

/*
 * The accuracy benchmark's regression gate (research/screening.md §5.7): the planted
 * variants of an invented list in the UN list's shape (tests/data/watchlists/
 * un-accuracy.xml: Arabic, West African and Russian names, original scripts, good and low
 * aliases, every DOB form, passports), among 1,000 synthetic travellers, matched at
 * Tarmac's default thresholds. It fails when any class falls below the targets of issue 4.
 * The figures on the real UN list come from `tarmac-cli bench screen-accuracy` (README).
 */

#define SEED       2
#define TRAVELLERS 1000

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

static void
test_variants_deterministic (void)
{
  g_autoptr(TarmacWatchlistData) list = load_fixture ();
  g_autoptr(GPtrArray) first = tarmac_screen_variants_new (list, SEED, 50);
  g_autoptr(GPtrArray) second = tarmac_screen_variants_new (list, SEED, 50);
  guint per_class[TARMAC_VARIANT_N_CLASSES] = { 0 };

  g_assert_cmpuint (first->len, ==, second->len);
  for (guint i = 0; i < first->len; i++)
    {
      const TarmacScreenProbe *a = g_ptr_array_index (first, i);
      const TarmacScreenProbe *b = g_ptr_array_index (second, i);

      g_assert_cmpstr (a->name, ==, b->name);
      g_assert_cmpstr (a->dob, ==, b->dob);
      g_assert_true (g_utf8_validate (a->name, -1, NULL));
      per_class[a->klass]++;
      /* Planted probes name their entry; travellers do not. */
      g_assert_true ((a->entry >= 0) == (a->klass != TARMAC_VARIANT_NEGATIVE));
    }
  /* Every class is planted. */
  for (TarmacVariantClass klass = TARMAC_VARIANT_RETRANSLIT; klass < TARMAC_VARIANT_N_CLASSES;
       klass++)
    g_assert_cmpuint (per_class[klass], >, 0);
  g_assert_cmpuint (per_class[TARMAC_VARIANT_NEGATIVE], ==, 50);
}

/* Fair renderings: الله is one word (Allah, Ullah, Ellah, Alá, glued or not), never an
 * article with a guessed vowel ("AL-LOH", "LEH"), an initial is a whole letter, even
 * after ‘ (the name's UTF-8 stays valid), and only strong names are romanised anew. */
static void
test_variants_fair (void)
{
  static const char *const unfair[] = { "LAH", "LEH", "LIH", "LOH", "LUH", "LH" };
  g_autoptr(TarmacWatchlistData) list = tarmac_watchlist_data_new ("un", "test", "persons");
  TarmacWatchlistEntry *entry = tarmac_watchlist_entry_new ("1", "person");
  guint allah = 0, initials = 0;

  tarmac_watchlist_entry_add_name (entry, "SAID JAN ‘ABD AL-SALAM HIDAYATULLAH",
                                   TARMAC_NAME_QUALITY_PRIMARY);
  tarmac_watchlist_entry_add_name (entry, "سعيد جان عبد السلام هدايت الله",
                                   TARMAC_NAME_QUALITY_STRONG);
  /* a Low-quality alias is not re-transliterated: alone, it must not alert (class 9) */
  tarmac_watchlist_entry_add_name (entry, "Владимир", TARMAC_NAME_QUALITY_WEAK);
  g_ptr_array_add (list->entries, entry);

  for (guint64 seed = 1; seed <= 40; seed++)
    {
      g_autoptr(GPtrArray) probes = tarmac_screen_variants_new (list, seed, 1);

      for (guint i = 0; i < probes->len; i++)
        {
          const TarmacScreenProbe *probe = g_ptr_array_index (probes, i);
          g_auto(GStrv) words = g_strsplit_set (probe->name, " -", -1);

          g_assert_true (g_utf8_validate (probe->name, -1, NULL));
          initials += g_strcmp0 (probe->how, "initials") == 0;
          if (probe->klass != TARMAC_VARIANT_RETRANSLIT)
            continue;
          g_assert_null (strstr (probe->name, "LADIMIR"));
          if (g_str_equal (probe->how, "icu"))
            continue;
          for (guint w = 0; words[w] != NULL; w++)
            for (guint u = 0; u < G_N_ELEMENTS (unfair); u++)
              if (g_str_equal (words[w], unfair[u]))
                g_error ("seed %u: “%s” (%s)", (guint) seed, probe->name, probe->how);
          allah += strstr (probe->name, "LLAH") != NULL || strstr (probe->name, "ALA") != NULL ||
                   strstr (probe->name, "ULLA") != NULL;
        }
    }
  g_assert_cmpuint (allah, >, 10);
  g_assert_cmpuint (initials, >, 0);
}

static void
test_recall_targets (void)
{
  g_autoptr(TarmacWatchlistData) list = load_fixture ();
  g_autoptr(TarmacScreenAccuracy) accuracy = tarmac_screen_accuracy_run (list, SEED, TRAVELLERS,
                                                                         TRUE, 2);
  double alert = TARMAC_SCREEN_DEFAULT_ALERT_THRESHOLD;
  double review = TARMAC_SCREEN_DEFAULT_REVIEW_THRESHOLD;
  guint n = 0;

  for (TarmacVariantClass klass = TARMAC_VARIANT_ALIAS; klass <= TARMAC_VARIANT_DOB_DOCUMENT;
       klass++)
    {
      double recall = tarmac_screen_accuracy_recall (accuracy, klass, alert, &n);

      g_test_message ("class %u (%s): recall %.4f of %u", klass,
                      tarmac_variant_class_to_id (klass), recall, n);
      g_assert_cmpuint (n, >, 10);
      g_assert_cmpfloat (recall, >=, 0.99);
    }

  /* Re-transliterated names: at least 90 % at the alert threshold (issue 4's target; on
   * this small set of 72 it finds 97 %, 0.97 on the UN list over ten seeds), and more
   * among the hits to review. */
  g_assert_cmpfloat (tarmac_screen_accuracy_recall (accuracy, TARMAC_VARIANT_RETRANSLIT,
                                                    alert, &n), >=, 0.90);
  g_assert_cmpfloat (tarmac_screen_accuracy_recall (accuracy, TARMAC_VARIANT_RETRANSLIT,
                                                    review, &n), >=, 0.95);
  g_assert_cmpuint (n, >, 50);

  /* A low-quality alias alone, without DOB or nationality, does not alert. */
  g_assert_cmpfloat (tarmac_screen_accuracy_recall (accuracy, TARMAC_VARIANT_LOW_ALIAS, alert,
                                                    &n), <=, 0.05);
  g_assert_cmpuint (n, >, 5);

  g_assert_cmpfloat (tarmac_screen_accuracy_alerts_per_1000 (accuracy, alert), <=, 2.0);
  g_assert_cmpfloat (tarmac_screen_accuracy_blocking_recall (accuracy, review, &n), >=, 0.995);
  g_assert_cmpuint (n, >, 300);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/screen-accuracy/variants-deterministic", test_variants_deterministic);
  g_test_add_func ("/screen-accuracy/variants-fair", test_variants_fair);
  g_test_add_func ("/screen-accuracy/recall-targets", test_recall_targets);

  return g_test_run ();
}
