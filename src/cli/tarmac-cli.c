/* tarmac-cli.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "tarmac-audit.h"
#include "tarmac-demo.h"
#include "tarmac-i18n.h"
#include "tarmac-importer.h"
#include "tarmac-retention.h"
#include "tarmac-store-private.h"
#include "tarmac-store.h"

/* tarmac-cli: the same core as the app, headless. Exit status: 0 success, 1 the operation
 * failed (the message says why), 2 the command line was wrong. */

enum {
  EXIT_OK = 0,
  EXIT_FAILED = 1,
  EXIT_USAGE = 2,
};

typedef int (*CommandFunc) (TarmacStore *store,
                            int          argc,
                            char       **argv);

typedef struct
{
  const char  *name;
  const char  *summary;
  gboolean     needs_store;
  CommandFunc  func;
} Command;

static char *opt_db = NULL;
static gboolean opt_demo = FALSE;
static gboolean opt_version = FALSE;

static const GOptionEntry global_entries[] = {
  { "db", 0, 0, G_OPTION_ARG_FILENAME, &opt_db,
    N_("Use the database at PATH instead of the default"), N_("PATH") },
  { "demo", 0, 0, G_OPTION_ARG_NONE, &opt_demo,
    N_("Use the demo database (generated for today when needed)"), NULL },
  { "version", 0, 0, G_OPTION_ARG_NONE, &opt_version,
    N_("Print the version and exit"), NULL },
  { NULL }
};

static void
print_error (const char *format,
             ...) G_GNUC_PRINTF (1, 2);

static void
print_error (const char *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  /* Translators: the prefix of an error message on the command line */
  g_printerr (_("tarmac-cli: %s\n"), message);
}

static gboolean
count_rows (TarmacStore *store,
            const char  *sql,
            gint64      *count)
{
  g_autoptr(sqlite3_stmt) stmt = _tarmac_store_prepare (store, sql, NULL);

  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return FALSE;

  *count = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

/* Parses a command's own options; anything left over is an error. */
static gboolean
parse_command_options (int                 *argc,
                       char              ***argv,
                       const GOptionEntry  *entries,
                       GError             **error)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, argc, argv, error))
    return FALSE;

  if (*argc > 1)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("Unexpected argument “%s”"), (*argv)[1]);
      return FALSE;
    }

  return TRUE;
}

/* Pads by characters, not bytes, so that translated labels line up. */
static void
print_field (const char *label,
             const char *value)
{
  glong width = g_utf8_strlen (label, -1);

  g_print ("%s%*s %s\n", label, (int) MAX (0, 28 - width), "", value);
}

static int
info_command (TarmacStore  *store,
              int           argc,
              char        **argv)
{
  /* Table names are literals of ours, never input. */
  static const struct { const char *label; const char *sql; } tables[] = {
    { N_("Imported files"), "SELECT count(*) FROM source_file" },
    { N_("Flights"), "SELECT count(*) FROM flight" },
    { N_("Passengers"), "SELECT count(*) FROM traveller WHERE kind = 'passenger'" },
    { N_("Crew"), "SELECT count(*) FROM traveller WHERE kind = 'crew'" },
    { N_("Travel documents"), "SELECT count(*) FROM travel_document" },
    { N_("PNRs"), "SELECT count(*) FROM pnr" },
    { N_("Watchlists"), "SELECT count(*) FROM watchlist" },
    { N_("Open hits"), "SELECT count(*) FROM hit WHERE status IN ('new', 'in_review', 'referred')" },
    { N_("Notes"), "SELECT count(*) FROM note" },
    { N_("Audit log rows"), "SELECT count(*) FROM audit_log" },
  };

  g_autofree char *version = NULL;

  if (argc > 1)
    {
      print_error (_("“info” takes no arguments"));
      return EXIT_USAGE;
    }

  print_field (_("Database"), tarmac_store_get_path (store));
  version = g_strdup_printf ("%u", tarmac_store_get_version (store));
  print_field (_("Schema version"), version);
  print_field (_("Demo data"), tarmac_store_is_demo (store) ? _("yes") : _("no"));

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      gint64 count = 0;

      if (!count_rows (store, tables[i].sql, &count))
        {
          print_error (_("Could not read the database: %s"),
                       sqlite3_errmsg (_tarmac_store_get_db (store)));
          return EXIT_FAILED;
        }
      g_autofree char *value = g_strdup_printf ("%" G_GINT64_FORMAT, count);

      print_field (_(tables[i].label), value);
    }

  return EXIT_OK;
}

static int
audit_verify (TarmacStore *store)
{
  g_autoptr(GError) error = NULL;
  guint64 n_rows = 0;
  gint64 broken = 0;

  if (!tarmac_audit_verify (store, &n_rows, &broken, &error))
    {
      print_error ("%s", error->message);
      if (broken > 0)
        g_printerr (ngettext ("%llu row before it verified.\n",
                              "%llu rows before it verified.\n",
                              n_rows),
                    (unsigned long long) n_rows);
      return EXIT_FAILED;
    }

  g_print (ngettext ("The audit log verifies: %llu row, chain intact.\n",
                     "The audit log verifies: %llu rows, chain intact.\n",
                     n_rows),
           (unsigned long long) n_rows);

  return EXIT_OK;
}

static int
audit_list (TarmacStore  *store,
            int           argc,
            char        **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int limit = 50;
  int rc;
  const GOptionEntry entries[] = {
    { "limit", 'n', 0, G_OPTION_ARG_INT, &limit, N_("Show the last N rows (default 50)"),
      N_("N") },
    { NULL }
  };

  if (!parse_command_options (&argc, &argv, entries, &error))
    {
      print_error ("%s", error->message);
      return EXIT_USAGE;
    }
  if (limit < 1)
    {
      print_error (_("--limit must be at least 1"));
      return EXIT_USAGE;
    }

  stmt = _tarmac_store_prepare (store,
                                "SELECT * FROM (SELECT id, at, actor, action, object_type,"
                                " coalesce (object_id, ''), coalesce (detail, '')"
                                " FROM audit_log ORDER BY id DESC LIMIT ?1) ORDER BY id",
                                &error);
  if (stmt == NULL)
    {
      print_error ("%s", error->message);
      return EXIT_FAILED;
    }

  sqlite3_bind_int (stmt, 1, limit);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_print ("%6" G_GINT64_FORMAT "  %s  %-12s %-8s %s %s  %s\n",
             (gint64) sqlite3_column_int64 (stmt, 0),
             _tarmac_store_column_text (stmt, 1),
             _tarmac_store_column_text (stmt, 2),
             _tarmac_store_column_text (stmt, 3),
             _tarmac_store_column_text (stmt, 4),
             _tarmac_store_column_text (stmt, 5),
             _tarmac_store_column_text (stmt, 6));

  if (rc != SQLITE_DONE)
    {
      print_error (_("Could not read the audit log: %s"),
                   sqlite3_errmsg (_tarmac_store_get_db (store)));
      return EXIT_FAILED;
    }

  /* The log holds what officers searched for: reading it is itself a view to record. */
  if (!tarmac_audit_append (store, "view", "audit_log", NULL, "audit list", &error))
    {
      print_error ("%s", error->message);
      return EXIT_FAILED;
    }

  return EXIT_OK;
}

static int
audit_command (TarmacStore  *store,
               int           argc,
               char        **argv)
{
  if (argc >= 2 && g_str_equal (argv[1], "verify") && argc == 2)
    return audit_verify (store);

  if (argc >= 2 && g_str_equal (argv[1], "list"))
    return audit_list (store, argc - 1, argv + 1);

  print_error (_("usage: tarmac-cli audit verify | audit list [--limit N]"));
  return EXIT_USAGE;
}

static gboolean
parse_demo_options (int                 argc,
                    char              **argv,
                    TarmacDemoOptions  *options,
                    GError            **error)
{
  g_autofree char *anchor = NULL;
  int seed = -1;
  int days = 0;
  double scale = 0;
  const GOptionEntry entries[] = {
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, N_("Seed of the generator"), N_("N") },
    { "days", 0, 0, G_OPTION_ARG_INT, &days, N_("Number of days of flights (default 7)"),
      N_("N") },
    { "scale", 0, 0, G_OPTION_ARG_DOUBLE, &scale,
      N_("Multiply the daily traffic (default 1.0)"), N_("X") },
    { "anchor", 0, 0, G_OPTION_ARG_STRING, &anchor,
      N_("Middle day of the generated period (default today)"), N_("YYYY-MM-DD") },
    { NULL }
  };

  tarmac_demo_options_init (options);

  if (!parse_command_options (&argc, &argv, entries, error))
    return FALSE;

  if (seed >= 0)
    options->seed = (guint32) seed;
  if (days != 0)
    {
      if (days < 1 || days > 366)
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("--days must be between 1 and 366"));
          return FALSE;
        }
      options->days = days;
    }
  if (scale != 0)
    {
      if (scale < 0.01 || scale > 1000)
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("--scale must be between 0.01 and 1000"));
          return FALSE;
        }
      options->scale = scale;
    }
  if (anchor != NULL)
    {
      guint y, m, d;

      if (strlen (anchor) != 10 || sscanf (anchor, "%4u-%2u-%2u", &y, &m, &d) != 3 ||
          !g_date_valid_dmy (d, m, y))
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("--anchor must be a date written YYYY-MM-DD"));
          return FALSE;
        }
      g_strlcpy (options->anchor_day, anchor, sizeof options->anchor_day);
    }

  return TRUE;
}

static int
demo_command (TarmacStore  *store,
              int           argc,
              char        **argv)
{
  g_autoptr(GError) error = NULL;
  TarmacDemoOptions options;
  TarmacDemoStats stats = { 0 };

  if (!parse_demo_options (argc, argv, &options, &error))
    {
      print_error ("%s", error->message);
      return EXIT_USAGE;
    }

  if (!tarmac_demo_generate (store, &options, &stats, &error))
    {
      print_error ("%s", error->message);
      return EXIT_FAILED;
    }

  g_print (_("Generated demo data in %s:\n"), tarmac_store_get_path (store));
  g_print (ngettext ("  %u flight\n", "  %u flights\n", stats.flights), stats.flights);
  g_print (ngettext ("  %u passenger\n", "  %u passengers\n", stats.passengers),
           stats.passengers);
  g_print (ngettext ("  %u crew member\n", "  %u crew members\n", stats.crew), stats.crew);
  g_print (ngettext ("  %u travel document\n", "  %u travel documents\n", stats.documents),
           stats.documents);
  g_print (ngettext ("  %u PNR\n", "  %u PNRs\n", stats.pnrs), stats.pnrs);
  g_print (ngettext ("  %u note\n", "  %u notes\n", stats.notes), stats.notes);

  return EXIT_OK;
}

/* Benchmarks print figures; they never pass or fail on time. */
static int
bench_command (TarmacStore  *store,
               int           argc,
               char        **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TarmacStore) bench_store = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  TarmacDemoOptions options;
  TarmacDemoStats stats = { 0 };
  gint64 started, elapsed;
  double seconds, rows;

  if (argc < 2 || !g_str_equal (argv[1], "demo"))
    {
      print_error (_("usage: tarmac-cli bench demo [--scale X] [--days N] [--seed N]"));
      return EXIT_USAGE;
    }

  if (!parse_demo_options (argc - 1, argv + 1, &options, &error))
    {
      print_error ("%s", error->message);
      return EXIT_USAGE;
    }

  /* A fresh file on disk, so the figure includes real writes, WAL and fsync. */
  if (!(dir = g_dir_make_tmp ("tarmac-bench-XXXXXX", &error)))
    {
      print_error ("%s", error->message);
      return EXIT_FAILED;
    }
  path = g_build_filename (dir, "bench.db", NULL);

  if (!(bench_store = tarmac_store_open (path, &error)))
    {
      print_error ("%s", error->message);
      return EXIT_FAILED;
    }

  started = g_get_monotonic_time ();
  if (!tarmac_demo_generate (bench_store, &options, &stats, &error))
    {
      print_error ("%s", error->message);
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

static int
migrate_command (TarmacStore  *store,
                 int           argc,
                 char        **argv)
{
  /* Opening the store already migrated it, each step in its own transaction. */
  g_print (_("%s is at database version %u (the latest).\n"),
           tarmac_store_get_path (store), tarmac_store_get_version (store));
  return EXIT_OK;
}

/* For scripts: the exit status alone says whether anything was imported yet. */
static int
has_data_command (TarmacStore  *store,
                  int           argc,
                  char        **argv)
{
  return tarmac_store_has_imported_data (store) ? EXIT_OK : EXIT_FAILED;
}

static int
retention_apply (TarmacStore  *store,
                 int           argc,
                 char        **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *now = NULL;
  TarmacRetentionPolicy policy;
  TarmacRetentionStats stats = { 0 };
  int mask_months = TARMAC_RETENTION_DEFAULT_MASK_MONTHS;
  int delete_years = TARMAC_RETENTION_DEFAULT_DELETE_YEARS;
  gint64 started;
  const GOptionEntry entries[] = {
    { "mask-months", 0, 0, G_OPTION_ARG_INT, &mask_months,
      N_("Mask personal data N months after the flight (default 6)"), N_("N") },
    { "delete-years", 0, 0, G_OPTION_ARG_INT, &delete_years,
      N_("Delete personal data N years after the flight (default 5)"), N_("N") },
    { "now", 0, 0, G_OPTION_ARG_STRING, &now,
      N_("Apply the periods as at this UTC time instead of now"), N_("YYYY-MM-DDTHH:MM:SSZ") },
    { NULL }
  };

  if (!parse_command_options (&argc, &argv, entries, &error))
    {
      print_error ("%s", error->message);
      return EXIT_USAGE;
    }

  tarmac_retention_policy_init (&policy);
  /* Negative numbers become out-of-range ones, which the core refuses with its message. */
  policy.mask_after_months = (guint) CLAMP (mask_months, 0, G_MAXINT);
  policy.delete_after_years = (guint) CLAMP (delete_years, 0, G_MAXINT);
  policy.now = now;

  started = g_get_monotonic_time ();
  if (!tarmac_retention_apply (store, &policy, &stats, &error))
    {
      print_error ("%s", error->message);
      return EXIT_FAILED;
    }

  g_print (_("Applied the retention periods to %s in %.2f s:\n"), tarmac_store_get_path (store),
           (g_get_monotonic_time () - started) / (double) G_USEC_PER_SEC);
  g_print (ngettext ("  %u traveller masked\n", "  %u travellers masked\n",
                     stats.travellers_masked), stats.travellers_masked);
  g_print (ngettext ("  %u travel document masked\n", "  %u travel documents masked\n",
                     stats.documents_masked), stats.documents_masked);
  g_print (ngettext ("  %u PNR masked\n", "  %u PNRs masked\n", stats.pnrs_masked),
           stats.pnrs_masked);
  g_print (ngettext ("  %u traveller deleted\n", "  %u travellers deleted\n",
                     stats.travellers_deleted), stats.travellers_deleted);
  g_print (ngettext ("  %u PNR deleted\n", "  %u PNRs deleted\n", stats.pnrs_deleted),
           stats.pnrs_deleted);
  g_print (ngettext ("  %u note deleted\n", "  %u notes deleted\n", stats.notes_deleted),
           stats.notes_deleted);
  g_print (ngettext ("  %u traveller kept for an open hit\n",
                     "  %u travellers kept for an open hit\n", stats.travellers_kept),
           stats.travellers_kept);

  return EXIT_OK;
}

static int
retention_command (TarmacStore  *store,
                   int           argc,
                   char        **argv)
{
  if (argc >= 2 && g_str_equal (argv[1], "apply"))
    return retention_apply (store, argc - 1, argv + 1);

  print_error (_("usage: tarmac-cli retention apply [--mask-months N] [--delete-years N] "
                 "[--now YYYY-MM-DDTHH:MM:SSZ]"));
  return EXIT_USAGE;
}

/* import [--json] FILE...: one report per file; exit 1 when any file was rejected. */
static void
print_import_report (const TarmacImportReport *report)
{
  g_print ("%s\n", report->name);
  print_field (_("  Format"), report->format);
  print_field (_("  Result"), tarmac_import_result_to_id (report->result));
  if (report->result == TARMAC_IMPORT_RESULT_FAILED)
    {
      print_field (_("  Error"), report->error_message);
      return;
    }
  if (report->result == TARMAC_IMPORT_RESULT_DUPLICATE)
    {
      print_field (_("  Note"), _("already imported; nothing was written"));
      return;
    }

  {
    /* Labelled figures, not a sentence: no plural forms to get wrong. */
    const struct { const char *label; guint value; } counts[] = {
      { N_("  Messages"), report->n_messages },
      { N_("  Flights"), report->n_flights },
      { N_("  Travellers"), report->n_travellers },
      { N_("  of whom crew"), report->n_crew },
      { N_("  Documents"), report->n_documents },
      { N_("  PNRs"), report->n_pnrs },
    };

    for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
      {
        g_autofree char *value = g_strdup_printf ("%u", counts[i].value);
        print_field (_(counts[i].label), value);
      }
  }
  for (guint i = 0; i < report->warnings->len; i++)
    {
      const TarmacImportWarning *warning = g_ptr_array_index (report->warnings, i);

      /* Translators: a warning with its position: line, segment number, byte offset */
      g_print (_("  line %u, segment %u, byte %zu: %s (%s)\n"), warning->line,
               warning->segment_index, (size_t) warning->offset, warning->message,
               warning->code);
    }
}

static int
import_command (TarmacStore  *store,
                int           argc,
                char        **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) array = json_array_new ();
  gboolean json = FALSE;
  int status = EXIT_OK;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the reports as a JSON array"), NULL },
    { NULL }
  };

  context = g_option_context_new (_("FILE…"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      print_error ("%s", error->message);
      return EXIT_USAGE;
    }
  if (argc < 2)
    {
      print_error (_("usage: tarmac-cli import [--json] FILE…"));
      return EXIT_USAGE;
    }

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(TarmacImportReport) report = NULL;
      g_autoptr(GError) import_error = NULL;

      if (!tarmac_import_file (store, argv[i], &report, NULL, &import_error))
        status = EXIT_FAILED;

      if (json)
        json_array_add_element (array, tarmac_import_report_to_json (report));
      else
        print_import_report (report);
    }

  if (json)
    {
      g_autoptr(JsonNode) root = json_node_init_array (json_node_alloc (), array);
      g_autofree char *text = json_to_string (root, TRUE);

      g_print ("%s\n", text);
    }

  return status;
}

static const Command commands[] = {
  { "info", N_("Show the database’s version and what it holds"), TRUE, info_command },
  { "audit", N_("Verify the audit log’s hash chain (audit verify) or list it (audit list)"),
    TRUE, audit_command },
  { "demo", N_("Fill an empty database with generated demo data"), TRUE, demo_command },
  { "migrate", N_("Bring the database to the latest version"), TRUE, migrate_command },
  { "has-data", N_("Exit with status 0 when the database holds imported data"), TRUE,
    has_data_command },
  { "retention", N_("Mask and delete personal data past its periods (retention apply)"), TRUE,
    retention_command },
  { "import", N_("Import PAXLST files, printing a report per file (import [--json] FILE…)"), TRUE,
    import_command },
  { "bench", N_("Measure speed and print the figures (bench demo)"), FALSE, bench_command },
};

static char *
describe_commands (void)
{
  GString *text = g_string_new (_("Commands:"));

  g_string_append_c (text, '\n');
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_string_append_printf (text, "  %-10s %s\n", commands[i].name, _(commands[i].summary));

  return g_string_free (text, FALSE);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TarmacStore) store = NULL;
  g_autofree char *description = NULL;
  const Command *command = NULL;

  tarmac_i18n_init ();

  context = g_option_context_new (_("COMMAND [ARGUMENTS…]"));
  g_option_context_set_summary (context, _("Tarmac on the command line: the same database "
                                           "and core as the application."));
  description = describe_commands ();
  g_option_context_set_description (context, description);
  g_option_context_add_main_entries (context, global_entries, GETTEXT_PACKAGE);
  /* Stop at the command name, so each command parses its own options. */
  g_option_context_set_strict_posix (context, TRUE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      print_error ("%s", error->message);
      return EXIT_USAGE;
    }

  if (opt_version)
    {
      g_print ("tarmac-cli %s\n", PACKAGE_VERSION);
      return EXIT_OK;
    }

  if (argc < 2)
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);
      g_printerr ("%s", help);
      return EXIT_USAGE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (argv[1], commands[i].name))
      command = &commands[i];

  if (command == NULL)
    {
      print_error (_("Unknown command “%s”. Run “tarmac-cli --help” for the list."), argv[1]);
      return EXIT_USAGE;
    }

  if (opt_db != NULL && opt_demo)
    {
      print_error (_("--db and --demo cannot be used together"));
      return EXIT_USAGE;
    }

  if (command->needs_store)
    {
      if (opt_demo)
        store = tarmac_demo_open (NULL, &error);
      else
        store = tarmac_store_open (opt_db, &error);

      if (store == NULL)
        {
          print_error ("%s", error->message);
          return EXIT_FAILED;
        }
    }

  return command->func (store, argc - 1, argv + 1);
}
