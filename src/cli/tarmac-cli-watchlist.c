/* tarmac-cli-watchlist.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "tarmac-cli-private.h"
#include "tarmac-store-private.h"
#include "tarmac-watchlist-import.h"

/* watchlist import FILE [--name NAME] [--kind persons|documents] [--json]
 * watchlist list [--json] */

static void
print_report (const TarmacWatchlistImportReport *report)
{
  const struct { const char *label; guint value; } counts[] = {
    { N_("  Entries"), report->entries },
    { N_("  Names"), report->names },
    { N_("  Documents"), report->documents },
    { N_("  Added"), report->added },
    { N_("  Changed"), report->changed },
    { N_("  Removed"), report->removed },
    { N_("  Unchanged"), report->unchanged },
  };

  g_print ("%s\n", report->file_name != NULL ? report->file_name : "");
  tarmac_cli_print_field (_("  List"), report->list_name);
  tarmac_cli_print_field (_("  Format"), report->source);
  if (report->version != NULL)
    tarmac_cli_print_field (_("  Version"), report->version);
  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    {
      g_autofree char *value = g_strdup_printf ("%u", counts[i].value);

      tarmac_cli_print_field (_(counts[i].label), value);
    }
  for (guint i = 0; i < report->warnings->len; i++)
    /* Translators: a warning about a list file */
    g_print (_("  warning: %s\n"), (const char *) g_ptr_array_index (report->warnings, i));
}

static int
watchlist_import (TarmacStore  *store,
                  int           argc,
                  char        **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TarmacWatchlistImportReport) report = NULL;
  g_autofree char *name = NULL;
  g_autofree char *kind = NULL;
  g_autoptr(TarmacScreener) screener = NULL;
  g_auto(TarmacScreenReport) screening = { 0, };
  gboolean screened;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &name,
      N_("The list’s name (default: the format’s, or the file’s name)"), N_("NAME") },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind,
      N_("What a CSV list holds: persons or documents"), N_("KIND") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the report as JSON"), NULL },
    { NULL }
  };

  context = g_option_context_new (_("FILE"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      tarmac_cli_print_error ("%s", error->message);
      return EXIT_USAGE;
    }
  if (argc != 2)
    {
      tarmac_cli_print_error (_("usage: tarmac-cli watchlist import FILE [--name NAME] "
                                "[--kind persons|documents] [--json]"));
      return EXIT_USAGE;
    }

  if (!tarmac_watchlist_import_file (store, argv[1], name, kind, &report, &error))
    {
      tarmac_cli_print_error ("%s", error->message);
      return EXIT_FAILED;
    }

  /* The list is stored whatever screening then does: a failed re-screen is said, and
   * runs again next time (the app's next start, or the next list or screen command). */
  screener = tarmac_screener_new ();
  screened = tarmac_screener_rescreen (screener, store, &screening, NULL, &error);

  if (json)
    {
      g_autoptr(JsonNode) root = tarmac_watchlist_import_report_to_json (report);
      g_autofree char *text = NULL;

      if (screened)
        json_object_set_member (json_node_get_object (root), "screening",
                                tarmac_cli_screen_report_to_json (&screening));
      text = json_to_string (root, TRUE);
      g_print ("%s\n", text);
    }
  else
    {
      print_report (report);
      /* Nobody is screened again when the load changed no entry. */
      if (screened)
        tarmac_cli_print_screen_report (&screening);
    }

  if (!screened)
    {
      /* Translators: re-screening travellers after a list was loaded failed */
      tarmac_cli_print_error (_("the list was loaded, but screening the travellers again "
                                "failed: %s"), error->message);
      return EXIT_FAILED;
    }
  return EXIT_OK;
}

static int
watchlist_list (TarmacStore  *store,
                int           argc,
                char        **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the lists as JSON"), NULL },
    { NULL }
  };

  if (!tarmac_cli_parse_options (&argc, &argv, entries, &error))
    {
      tarmac_cli_print_error ("%s", error->message);
      return EXIT_USAGE;
    }

  stmt = _tarmac_store_prepare (store,
                                "SELECT id, name, kind, source, coalesce (version, ''), loaded_at,"
                                " entry_count, enabled FROM watchlist ORDER BY name", &error);
  if (stmt == NULL)
    {
      tarmac_cli_print_error ("%s", error->message);
      return EXIT_FAILED;
    }

  json_builder_begin_array (builder);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      if (json)
        {
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "id");
          json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, 0));
          json_builder_set_member_name (builder, "name");
          json_builder_add_string_value (builder, _tarmac_store_column_text (stmt, 1));
          json_builder_set_member_name (builder, "kind");
          json_builder_add_string_value (builder, _tarmac_store_column_text (stmt, 2));
          json_builder_set_member_name (builder, "source");
          json_builder_add_string_value (builder, _tarmac_store_column_text (stmt, 3));
          json_builder_set_member_name (builder, "version");
          json_builder_add_string_value (builder, _tarmac_store_column_text (stmt, 4));
          json_builder_set_member_name (builder, "loaded_at");
          json_builder_add_string_value (builder, _tarmac_store_column_text (stmt, 5));
          json_builder_set_member_name (builder, "entries");
          json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, 6));
          json_builder_set_member_name (builder, "enabled");
          json_builder_add_boolean_value (builder, sqlite3_column_int (stmt, 7) != 0);
          json_builder_end_object (builder);
        }
      else
        g_print ("%-4lld %-40s %-9s %-13s %8lld  %s\n", (long long) sqlite3_column_int64 (stmt, 0),
                 _tarmac_store_column_text (stmt, 1), _tarmac_store_column_text (stmt, 2),
                 _tarmac_store_column_text (stmt, 3), (long long) sqlite3_column_int64 (stmt, 6),
                 _tarmac_store_column_text (stmt, 5));
    }
  json_builder_end_array (builder);

  if (json)
    {
      g_autoptr(JsonNode) root = json_builder_get_root (builder);
      g_autofree char *text = json_to_string (root, TRUE);

      g_print ("%s\n", text);
    }
  return EXIT_OK;
}

int
tarmac_cli_watchlist (TarmacStore  *store,
                      int           argc,
                      char        **argv)
{
  if (argc >= 2 && g_str_equal (argv[1], "import"))
    return watchlist_import (store, argc - 1, argv + 1);
  if (argc >= 2 && g_str_equal (argv[1], "list"))
    return watchlist_list (store, argc - 1, argv + 1);

  tarmac_cli_print_error (_("usage: tarmac-cli watchlist import FILE [--name NAME] "
                            "[--kind persons|documents] [--json]"));
  tarmac_cli_print_error (_("usage: tarmac-cli watchlist list [--json]"));
  return EXIT_USAGE;
}
