/* tarmac-cli-bench-names.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-cli"

#include "config.h"

#include <string.h>

#include "tarmac-cli-bench-names.h"
#include "tarmac-demo-names.h"

static void
add_words (GPtrArray  *words,
           const char *list)
{
  g_auto(GStrv) items = NULL;

  if (list == NULL)
    return;
  items = g_strsplit (list, "|", -1);
  for (guint i = 0; items[i] != NULL; i++)
    {
      g_auto(GStrv) variants = g_strsplit (items[i], "~", -1);

      for (guint j = 0; variants[j] != NULL; j++)
        {
          char *word = variants[j];
          char *slash = strchr (word, '/');
          char *equal = strchr (word, '=');

          if (slash != NULL)
            *slash = '\0';
          if (equal != NULL)
            *equal = '\0';
          if (word[0] != '\0')
            g_ptr_array_add (words, g_strdup (word));
        }
    }
}

/* @min_alter differs between the benchmarks (3 for bench match, 4 for bench screen) and
 * is kept so that each draws the same names from the same seed as before. */
void
tarmac_cli_bench_names_init (TarmacCliBenchNames *names,
                             guint                min_alter)
{
  names->given = g_ptr_array_new_with_free_func (g_free);
  names->surnames = g_ptr_array_new_with_free_func (g_free);
  names->min_alter = min_alter;
  for (guint i = 0; i < _tarmac_demo_n_cultures; i++)
    {
      add_words (names->given, _tarmac_demo_cultures[i].given_m);
      add_words (names->given, _tarmac_demo_cultures[i].given_f);
      add_words (names->surnames, _tarmac_demo_cultures[i].surnames);
    }
}

void
tarmac_cli_bench_names_clear (TarmacCliBenchNames *names)
{
  g_clear_pointer (&names->given, g_ptr_array_unref);
  g_clear_pointer (&names->surnames, g_ptr_array_unref);
}

/* One letter changed, so that "Diallo" also gives "Dialla", "Dkallo"…: a list of a million
 * names has hundreds of thousands of distinct words, not the demo tables' few thousand. */
static char *
alter (TarmacCliBenchNames *names,
       GRand               *rand,
       const char          *word)
{
  char *copy = g_strdup (word);
  gsize length = strlen (copy);
  guint at;

  if (length < names->min_alter)
    return copy;
  at = g_rand_int_range (rand, 1, length);
  if ((guchar) copy[at] < 0x80 && g_ascii_isalpha (copy[at]))
    copy[at] = 'a' + g_rand_int_range (rand, 0, 26);
  return copy;
}

static char *
random_word (TarmacCliBenchNames *names,
             GRand               *rand,
             GPtrArray           *words,
             gboolean             vary)
{
  const char *word = g_ptr_array_index (words, g_rand_int_range (rand, 0, words->len));

  return vary && g_rand_int_range (rand, 0, 3) == 0 ? alter (names, rand, word) : g_strdup (word);
}

/* Given name and surname, a third of the time with a second given name; with @vary, a
 * third of the words altered by a letter. */
char *
tarmac_cli_bench_names_random (TarmacCliBenchNames *names,
                               GRand               *rand,
                               gboolean             vary)
{
  g_autofree char *given = random_word (names, rand, names->given, vary);
  g_autofree char *surname = random_word (names, rand, names->surnames, vary);

  if (g_rand_int_range (rand, 0, 3) == 0)
    {
      g_autofree char *second = random_word (names, rand, names->given, vary);

      return g_strdup_printf ("%s %s %s", given, second, surname);
    }
  return g_strdup_printf ("%s %s", given, surname);
}

/* A listed name as a manifest may carry it: words swapped and one letter changed. */
char *
tarmac_cli_bench_names_respell (TarmacCliBenchNames *names,
                                GRand               *rand,
                                const char          *name)
{
  g_auto(GStrv) words = g_strsplit (name, " ", -1);
  guint n = g_strv_length (words);
  guint at = g_rand_int_range (rand, 0, n);
  GString *out = g_string_new (NULL);

  if (strlen (words[at]) >= names->min_alter + 2)
    {
      char *altered = alter (names, rand, words[at]);

      g_free (words[at]);
      words[at] = altered;
    }
  for (guint i = 0; i < n; i++)
    g_string_append_printf (out, "%s%s", i > 0 ? " " : "", words[(i + n - 1) % n]);
  return g_string_free (out, FALSE);
}

/**
 * tarmac_cli_bench_names_entry:
 * @name: (out) (transfer full): the entry's name
 *
 * A listed person: a random name, a third of its words altered, and an exact DOB born
 * 1940 to 2004.
 */
TarmacWatchlistEntry *
tarmac_cli_bench_names_entry (TarmacCliBenchNames  *names,
                              GRand                *rand,
                              const char           *id,
                              char                **name)
{
  TarmacWatchlistEntry *entry = tarmac_watchlist_entry_new (id, "person");
  TarmacDob dob = { TARMAC_DOB_EXACT, 0, 0, 0, 0 };

  *name = tarmac_cli_bench_names_random (names, rand, TRUE);
  tarmac_watchlist_entry_add_name (entry, *name, TARMAC_NAME_QUALITY_PRIMARY);
  dob.year_from = dob.year_to = g_rand_int_range (rand, 1940, 2005);
  dob.month = g_rand_int_range (rand, 1, 13);
  dob.day = g_rand_int_range (rand, 1, 29);
  g_array_append_val (entry->dobs, dob);
  return entry;
}

int
tarmac_cli_bench_compare_doubles (gconstpointer a,
                                  gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : (x > y);
}
