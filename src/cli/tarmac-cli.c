/* tarmac-cli.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "tarmac-cli-private.h"
#include "tarmac-demo.h"
#include "tarmac-i18n.h"
#include "tarmac-store.h"

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

typedef struct
{
  const char           *name;
  const char           *summary;
  gboolean              needs_store;
  TarmacCliCommandFunc  func;
} Command;

/* Keep in the order of --help. */
static const Command commands[] = {
  { "info", N_("Show the database’s version and what it holds"), TRUE, tarmac_cli_info },
  { "audit", N_("Verify the audit log’s hash chain (audit verify) or list it (audit list)"),
    TRUE, tarmac_cli_audit },
  { "demo", N_("Fill an empty database with generated demo data"), TRUE, tarmac_cli_demo },
  { "migrate", N_("Bring the database to the latest version"), TRUE, tarmac_cli_migrate },
  { "has-data", N_("Exit with status 0 when the database holds imported data"), TRUE,
    tarmac_cli_has_data },
  { "retention", N_("Mask and delete personal data past its periods (retention apply)"), TRUE,
    tarmac_cli_retention },
  { "config", N_("Show or set the airport this database serves (config get airport, "
                  "config set airport CODE)"), TRUE, tarmac_cli_config },
  { "import", N_("Import manifests, PNRs and spreadsheets, printing a report per file "
                 "(import [--json] [--flight FLIGHT] [--map COLUMN=FIELD]… FILE…)"), TRUE,
    tarmac_cli_import },
  { "export", N_("Export travellers as CSV or JSON (export travellers [--flight F] --format "
                  "csv|json [--output FILE])"), TRUE, tarmac_cli_export },
  { "watchlist", N_("Import a watchlist file, reporting what changed (watchlist import FILE), "
                     "or list the lists (watchlist list)"), TRUE, tarmac_cli_watchlist },
  { "seizure", N_("Record and list seizures (seizure add --json FILE | list [--json] | "
                   "status REF STATUS | edit REF | alert REF --format pdf|json)"), TRUE,
    tarmac_cli_seizure },
  { "report", N_("Period results as JSON, CSV or PDF (report results --from DAY --to DAY "
                  "--format json|csv|pdf [--shared] [--output FILE])"), TRUE, tarmac_cli_report },
  { "match", N_("Match a person against the watchlists (match --name NAME [--dob D] "
                 "[--nationality ISO3] [--limit K] [--json])"), TRUE, tarmac_cli_match },
  { "screen", N_("Screen travellers against the watchlists and record the hits "
                  "(screen [--flight CARRIER+NUMBER/DATE] [--json])"), TRUE, tarmac_cli_screen },
  { "hits", N_("List the hits for review (hits list [--status STATUS] [--limit N] [--json])"),
    TRUE, tarmac_cli_hits },
  { "compare", N_("Score pairs of names with the name comparator (compare --pairs FILE)"),
    FALSE, tarmac_cli_compare },
  { "search", N_("Find travellers by name, document, PNR, phone or e-mail "
                  "(search [--json] QUERY)"),
    TRUE, tarmac_cli_search },
  { "sync", N_("Enrol with a hub (sync enrol --hub URL --code CODE --fingerprint FP), send and "
                "receive notes (sync [--watch]), list this airport’s desks (sync devices [--json]), "
                "hand the airport’s key to a new one (sync approve DEVICE_ID --code CODE) or replace "
                "it after a desk was revoked (sync rotate-key), show the keys' codes and the keys "
                "that changed without proof (sync keys [--json]) and accept one (sync trust SITE CODE)"),
    TRUE, tarmac_cli_sync },
  { "note", N_("Write a note to other airports (note send --to CODE[,CODE] [--priority urgent] [--reply-to UUID] "
                "--text TEXT), list them (note list [--json]), mark one read (note read UUID) or "
                "count the unread (note unread)"), TRUE, tarmac_cli_note },
  { "lookout", N_("Flag a traveller to other airports until a date (lookout send --to CODE[,CODE] "
                  "--traveller ID --expires DATE [--reason TEXT]) or list the lookouts held here "
                  "(lookout list [--json])"), TRUE, tarmac_cli_lookout },
  { "bundle", N_("For an air-gapped site: write the outbox to a signed bundle file (bundle export "
                 "FILE) or apply a bundle carried in (bundle import FILE)"), TRUE, tarmac_cli_bundle },
  { "bench", N_("Measure speed and print the figures (bench demo)"), FALSE, tarmac_cli_bench },
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
      tarmac_cli_print_error ("%s", error->message);
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
      tarmac_cli_print_error (_("Unknown command “%s”. Run “tarmac-cli --help” for the list."), argv[1]);
      return EXIT_USAGE;
    }

  if (opt_db != NULL && opt_demo)
    {
      tarmac_cli_print_error (_("--db and --demo cannot be used together"));
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
          tarmac_cli_print_error ("%s", error->message);
          return EXIT_FAILED;
        }
    }

  return command->func (store, argc - 1, argv + 1);
}
