/* tarmac-cli-bench-search.c
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
#include <string.h>
#include <time.h>

#include "tarmac-cli-private.h"
#include "tarmac-demo.h"
#include "tarmac-search.h"
#include "tarmac-store-private.h"

/* bench search: latency of tarmac_store_search() per kind of query on a generated
 * database, with the time to build the name index from scratch. Every query is a real,
 * audited search (its audit row is written and synced, as in the app). */

#define QUERIES_PER_KIND 40
#define RESULT_LIMIT 50
#define DEMO_WEEK_TRAVELLERS 28560.0

typedef enum
{
  KIND_EXACT,
  KIND_MISSPELT,
  KIND_REORDERED,
  KIND_PREFIX,
  KIND_DOCUMENT,
  KIND_LOCATOR,
  KIND_PHONE,
  KIND_EMAIL,
  N_KINDS
} QueryKind;

static const char * const kind_names[N_KINDS] = {
  "exact-name", "misspelt-name", "reordered-name", "name-prefix", "document", "locator",
  "phone", "email",
};

/* One letter of the surname replaced by its neighbour in the alphabet, in the middle. */
static char *
misspell (const char *surname_key)
{
  g_autofree gunichar *letters = NULL;
  glong n = 0;

  letters = g_utf8_to_ucs4_fast (surname_key, -1, &n);
  if (n >= 3)
    letters[n / 2] = letters[n / 2] == 'z' ? 'a' : letters[n / 2] + 1;

  return g_ucs4_to_utf8 (letters, n, NULL, NULL, NULL);
}

static const char *
column_or_empty (sqlite3_stmt *stmt,
                 int           column)
{
  const char *text = _tarmac_store_column_text (stmt, column);

  return text != NULL ? text : "";
}

static gboolean
sample_queries (TarmacStore  *store,
                GPtrArray    *queries[N_KINDS],
                GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 max_id = 0;
  int rc;

  stmt = _tarmac_store_prepare (store, "SELECT max (id) FROM traveller", error);
  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    max_id = sqlite3_column_int64 (stmt, 0);
  g_clear_pointer (&stmt, sqlite3_finalize);

  /* Travellers spread evenly over the database, each giving one query of each kind it
   * has data for. */
  stmt = _tarmac_store_prepare (store,
                                "SELECT t.surname, t.given_names,"
                                " (SELECT number FROM travel_document WHERE traveller_id = t.id),"
                                " (SELECT record_locator FROM pnr WHERE id = t.pnr_id),"
                                " (SELECT value FROM pnr_contact WHERE pnr_id = t.pnr_id"
                                "   AND kind = 'phone'),"
                                " (SELECT value FROM pnr_contact WHERE pnr_id = t.pnr_id"
                                "   AND kind = 'email')"
                                " FROM traveller t WHERE t.id >= ?1 AND t.given_names <> ''"
                                " ORDER BY t.id LIMIT 1",
                                error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < QUERIES_PER_KIND * 4; i++)
    {
      const char *surname, *given, *document, *locator, *phone, *email;

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, 1 + (max_id * i) / (QUERIES_PER_KIND * 4));
      if ((rc = sqlite3_step (stmt)) != SQLITE_ROW)
        continue;

      surname = column_or_empty (stmt, 0);
      given = column_or_empty (stmt, 1);
      document = column_or_empty (stmt, 2);
      locator = column_or_empty (stmt, 3);
      phone = column_or_empty (stmt, 4);
      email = column_or_empty (stmt, 5);

      if (queries[KIND_EXACT]->len < QUERIES_PER_KIND)
        g_ptr_array_add (queries[KIND_EXACT], g_strdup_printf ("%s %s", surname, given));
      if (queries[KIND_MISSPELT]->len < QUERIES_PER_KIND)
        {
          g_autofree char *wrong = misspell (surname);
          g_ptr_array_add (queries[KIND_MISSPELT], g_strdup_printf ("%s %s", wrong, given));
        }
      if (queries[KIND_REORDERED]->len < QUERIES_PER_KIND)
        g_ptr_array_add (queries[KIND_REORDERED], g_strdup_printf ("%s %s", given, surname));
      if (queries[KIND_PREFIX]->len < QUERIES_PER_KIND && g_utf8_strlen (surname, -1) >= 4)
        g_ptr_array_add (queries[KIND_PREFIX], g_utf8_substring (surname, 0, 4));
      if (queries[KIND_DOCUMENT]->len < QUERIES_PER_KIND && *document != '\0')
        g_ptr_array_add (queries[KIND_DOCUMENT], g_strdup (document));
      if (queries[KIND_LOCATOR]->len < QUERIES_PER_KIND && *locator != '\0')
        g_ptr_array_add (queries[KIND_LOCATOR], g_strdup (locator));
      if (queries[KIND_PHONE]->len < QUERIES_PER_KIND && *phone != '\0')
        g_ptr_array_add (queries[KIND_PHONE], g_strdup (phone));
      if (queries[KIND_EMAIL]->len < QUERIES_PER_KIND && *email != '\0')
        g_ptr_array_add (queries[KIND_EMAIL], g_strdup (email));
    }

  return TRUE;
}

/* Drops the name index and builds it again from every traveller, timed. */
static gboolean
rebuild_index (TarmacStore  *store,
               double       *seconds,
               GError      **error)
{
  gint64 started;

  if (!tarmac_store_begin (store, error))
    return FALSE;
  if (!_tarmac_store_exec (store,
                           "DELETE FROM search_segment; DELETE FROM search_vocab;"
                           "INSERT OR IGNORE INTO search_pending (traveller_id)"
                           " SELECT id FROM traveller WHERE name_key <> ''",
                           error))
    {
      tarmac_store_rollback (store);
      return FALSE;
    }

  started = g_get_monotonic_time ();
  if (!tarmac_search_index_update (store, error))
    {
      tarmac_store_rollback (store);
      return FALSE;
    }
  if (!tarmac_store_commit (store, error))
    return FALSE;
  *seconds = (g_get_monotonic_time () - started) / (double) G_USEC_PER_SEC;

  return TRUE;
}

/* CPU time of the process: wall time on a machine shared with other work is noisy. */
static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double da = *(const double *) a, db = *(const double *) b;

  return da < db ? -1 : da > db ? 1 : 0;
}

static double
percentile (GArray *sorted,
            double  p)
{
  guint index;

  if (sorted->len == 0)
    return 0;
  index = (guint) (p * (sorted->len - 1) + 0.5);
  return g_array_index (sorted, double, index);
}

static void
remove_database (const char *dir,
                 const char *path)
{
  const char *suffixes[] = { "", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      g_remove (file);
    }
  g_rmdir (dir);
}

int
tarmac_cli_bench_search (int    argc,
                         char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TarmacStore) store = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *database = NULL;
  GPtrArray *queries[N_KINDS];
  TarmacDemoOptions options;
  TarmacDemoStats stats = { 0 };
  double generate_seconds = 0, index_seconds = 0;
  gint64 travellers = 0;
  int n_travellers = 100000;
  gboolean json = FALSE;
  GStatBuf st;
  const GOptionEntry entries[] = {
    { "travellers", 0, 0, G_OPTION_ARG_INT, &n_travellers,
      N_("About how many travellers to generate (default 100000)"), N_("N") },
    { "database", 0, 0, G_OPTION_ARG_FILENAME, &database,
      N_("Search an existing database instead (it is written to: use a copy)"), N_("PATH") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the figures as JSON"), NULL },
    { NULL }
  };

  if (!tarmac_cli_parse_options (&argc, &argv, entries, &error))
    {
      tarmac_cli_print_error ("%s", error->message);
      return EXIT_USAGE;
    }
  if (n_travellers < 1000 || n_travellers > 20000000)
    {
      tarmac_cli_print_error (_("--travellers must be between 1000 and 20000000"));
      return EXIT_USAGE;
    }

  if (database != NULL)
    path = g_strdup (database);
  else
    {
      if (!(dir = g_dir_make_tmp ("tarmac-bench-XXXXXX", &error)))
        {
          tarmac_cli_print_error ("%s", error->message);
          return EXIT_FAILED;
        }
      path = g_build_filename (dir, "bench.db", NULL);
    }

  if (!(store = tarmac_store_open (path, &error)))
    {
      tarmac_cli_print_error ("%s", error->message);
      return EXIT_FAILED;
    }

  if (database == NULL)
    {
      gint64 started = g_get_monotonic_time ();

      tarmac_demo_options_init (&options);
      options.scale = MAX (n_travellers / DEMO_WEEK_TRAVELLERS, 0.01);
      if (!tarmac_demo_generate (store, &options, &stats, &error))
        {
          tarmac_cli_print_error ("%s", error->message);
          return EXIT_FAILED;
        }
      generate_seconds = (g_get_monotonic_time () - started) / (double) G_USEC_PER_SEC;
    }

  if (!rebuild_index (store, &index_seconds, &error) ||
      !tarmac_cli_count_rows (store, "SELECT count(*) FROM traveller", &travellers))
    {
      tarmac_cli_print_error ("%s", error != NULL ? error->message : "");
      return EXIT_FAILED;
    }
  _tarmac_store_exec (store, "PRAGMA wal_checkpoint (TRUNCATE)", NULL);

  for (guint k = 0; k < N_KINDS; k++)
    queries[k] = g_ptr_array_new_with_free_func (g_free);
  if (!sample_queries (store, queries, &error))
    {
      tarmac_cli_print_error ("%s", error->message);
      return EXIT_FAILED;
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "cores");
  json_builder_add_int_value (builder, g_get_num_processors ());
  json_builder_set_member_name (builder, "travellers");
  json_builder_add_int_value (builder, travellers);
  json_builder_set_member_name (builder, "generate_seconds");
  json_builder_add_double_value (builder, generate_seconds);
  json_builder_set_member_name (builder, "index_build_seconds");
  json_builder_add_double_value (builder, index_seconds);
  json_builder_set_member_name (builder, "database_bytes");
  json_builder_add_int_value (builder, g_stat (path, &st) == 0 ? st.st_size : 0);

  if (!json)
    {
      g_print ("bench search: cores=%u travellers=%" G_GINT64_FORMAT "\n",
               g_get_num_processors (), travellers);
      if (database == NULL)
        g_print ("  generate+store+index: %.2f s\n", generate_seconds);
      g_print ("  index build from scratch: %.2f s\n", index_seconds);
      g_print ("  database: %.1f MiB\n",
               g_stat (path, &st) == 0 ? st.st_size / (1024.0 * 1024.0) : 0);
      g_print ("  %-15s %5s %8s %8s %8s %8s %8s %6s\n", "kind", "n", "p50 ms", "p95 ms",
               "max ms", "cpu p50", "cpu p95", "found");
    }

  json_builder_set_member_name (builder, "kinds");
  json_builder_begin_array (builder);
  for (guint k = 0; k < N_KINDS; k++)
    {
      g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GArray) cpu_times = g_array_new (FALSE, FALSE, sizeof (double));
      guint found = 0;

      for (guint i = 0; i < queries[k]->len; i++)
        {
          g_autoptr(GListModel) results = NULL;
          gint64 started = g_get_monotonic_time ();
          double cpu_started = cpu_ms ();
          double ms, cpu;

          results = tarmac_store_search (store, queries[k]->pdata[i], RESULT_LIMIT, NULL,
                                         &error);
          ms = (g_get_monotonic_time () - started) / 1000.0;
          cpu = cpu_ms () - cpu_started;
          if (results == NULL)
            {
              tarmac_cli_print_error ("%s", error->message);
              return EXIT_FAILED;
            }
          found += g_list_model_get_n_items (results) > 0;
          g_array_append_val (times, ms);
          g_array_append_val (cpu_times, cpu);
        }
      g_array_sort (times, compare_doubles);
      g_array_sort (cpu_times, compare_doubles);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder, kind_names[k]);
      json_builder_set_member_name (builder, "queries");
      json_builder_add_int_value (builder, times->len);
      json_builder_set_member_name (builder, "found");
      json_builder_add_int_value (builder, found);
      json_builder_set_member_name (builder, "p50_ms");
      json_builder_add_double_value (builder, percentile (times, 0.50));
      json_builder_set_member_name (builder, "p95_ms");
      json_builder_add_double_value (builder, percentile (times, 0.95));
      json_builder_set_member_name (builder, "max_ms");
      json_builder_add_double_value (builder, percentile (times, 1.0));
      json_builder_set_member_name (builder, "cpu_p50_ms");
      json_builder_add_double_value (builder, percentile (cpu_times, 0.50));
      json_builder_set_member_name (builder, "cpu_p95_ms");
      json_builder_add_double_value (builder, percentile (cpu_times, 0.95));
      json_builder_end_object (builder);

      if (!json)
        g_print ("  %-15s %5u %8.1f %8.1f %8.1f %8.1f %8.1f %6u\n", kind_names[k], times->len,
                 percentile (times, 0.50), percentile (times, 0.95), percentile (times, 1.0),
                 percentile (cpu_times, 0.50), percentile (cpu_times, 0.95), found);
      g_ptr_array_unref (queries[k]);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  if (json)
    {
      g_autoptr(JsonNode) root = json_builder_get_root (builder);
      g_autofree char *text = json_to_string (root, TRUE);

      g_print ("%s\n", text);
    }

  tarmac_store_close (store);
  if (dir != NULL)
    remove_database (dir, path);

  return EXIT_OK;
}
