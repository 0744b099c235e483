/* test-screen-bound.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "tarmac-name-compare-private.h"
#include "tarmac-screen-variants.h"
#include "tarmac-watchlist-data.h"

/*
 * The comparator skips what cannot change its result: a spelling similarity whose cheap
 * bound is under what is needed (tarmac-name-compare.c, fuzzy_bound()). That is only
 * allowed because the bound is a true bound: these tests hold it against the exact
 * figures on the names of the accuracy fixture (tests/data/watchlists/un-accuracy.xml:
 * Arabic, West African and Russian names, original scripts, aliases) and the planted
 * variants and synthetic travellers of tarmac-screen-variants.c.
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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/screen/bound/fuzzy", test_fuzzy_bound);

  return g_test_run ();
}
