/* tarmac-cli-import.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "tarmac-cli-private.h"
#include "tarmac-batch-import.h"
#include "tarmac-importer.h"
#include "tarmac-sniff.h"

/* import [--json] [--flight F] [--map COLUMN=FIELD]... FILE...: one report per file,
 * with the hits screening its travellers raised; exit 1 when any file was rejected. --flight and --map apply to spreadsheets (CSV,
 * XLSX): they correct the mapping Tarmac proposes (or remembered), and the corrected
 * mapping is remembered for the airline, as the app's preview does. */
static void
print_import_report (const TarmacImportReport *report)
{
  g_print ("%s\n", report->name);
  tarmac_cli_print_field (_("  Format"), report->format);
  tarmac_cli_print_field (_("  Result"), tarmac_import_result_to_id (report->result));
  if (report->result == TARMAC_IMPORT_RESULT_FAILED)
    {
      tarmac_cli_print_field (_("  Error"), report->error_message);
      return;
    }
  if (report->result == TARMAC_IMPORT_RESULT_DUPLICATE)
    {
      tarmac_cli_print_field (_("  Note"), _("already imported; nothing was written"));
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
      { N_("  Findings"), report->n_findings },
      { N_("  Hits"), report->n_hits },
    };

    for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
      {
        g_autofree char *value = g_strdup_printf ("%u", counts[i].value);
        tarmac_cli_print_field (_(counts[i].label), value);
      }
  }
  for (guint i = 0; i < report->warnings->len; i++)
    {
      const TarmacImportWarning *warning = g_ptr_array_index (report->warnings, i);

      if (g_strcmp0 (report->format, "csv") == 0 || g_strcmp0 (report->format, "xlsx") == 0)
        /* Translators: a spreadsheet warning with its position: row and column numbers */
        g_print (_("  row %u, column %u: %s (%s)\n"), warning->line, warning->segment_index,
                 warning->message, warning->code);
      else
        /* Translators: a warning with its position: line, segment number, byte offset */
        g_print (_("  line %u, segment %u, byte %zu: %s (%s)\n"), warning->line,
                 warning->segment_index, (size_t) warning->offset, warning->message,
                 warning->code);
    }
}

/* A spreadsheet with the officer's corrections: the mapping Tarmac would use, then
 * --flight and each --map on top. Other files import as usual. */
static gboolean
import_with_mapping (TarmacStore          *store,
                     const char           *path,
                     const char           *flight,
                     char                **maps,
                     TarmacImportReport  **report,
                     GError              **error)
{
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *contents = NULL;
  g_autoptr(TarmacSheet) sheet = NULL;
  g_autoptr(TarmacSheetMapping) mapping = NULL;
  g_autoptr(GError) option_error = NULL;
  GStatBuf st;
  gsize length = 0;
  TarmacFileFormat format;

  /* The size limit and the read errors are tarmac_import_file()'s. */
  if (g_stat (path, &st) != 0 || (guint64) st.st_size > TARMAC_IMPORT_MAX_SIZE ||
      !g_file_get_contents (path, &contents, &length, NULL))
    return tarmac_import_file (store, path, report, NULL, error);

  format = tarmac_sniff_format ((const guint8 *) contents, length);
  if (format != TARMAC_FILE_FORMAT_CSV && format != TARMAC_FILE_FORMAT_XLSX)
    return tarmac_import_bytes (store, name, (const guint8 *) contents, length, report, NULL,
                                error);

  if ((sheet = tarmac_import_read_sheet (name, (const guint8 *) contents, length,
                                         NULL)) == NULL ||
      (mapping = tarmac_import_propose_mapping (store, sheet, NULL)) == NULL)
    return tarmac_import_bytes (store, name, (const guint8 *) contents, length, report, NULL,
                                error);

  if (flight != NULL &&
      !tarmac_sheet_mapping_set_flight_from_option (mapping, flight, &option_error))
    {
      tarmac_cli_print_error ("%s", option_error->message);
      return FALSE;
    }
  for (guint i = 0; maps != NULL && maps[i] != NULL; i++)
    if (!tarmac_sheet_mapping_set_from_option (mapping, sheet, maps[i], &option_error))
      {
        /* Translators: "manifest.csv: the reason" */
        tarmac_cli_print_error (_("%s: %s"), name, option_error->message);
        return FALSE;
      }

  return tarmac_import_sheet_bytes (store, name, (const guint8 *) contents, length, mapping,
                                    report, NULL, error);
}

/* Every traveller a file brought is screened once the file is committed, so a listed
 * person's hit is in the review queue by the time the report is printed. A screening
 * that fails leaves the import as it is, and says why. */
static gboolean
screen_imported (TarmacScreener     *screener,
                 TarmacStore        *store,
                 TarmacImportReport *report)
{
  TarmacScreenScope scope = { TARMAC_SCREEN_SOURCE_FILE, report->source_file_id, NULL, NULL,
                              NULL };
  g_auto(TarmacScreenReport) screened = { 0, };
  g_autoptr(GError) error = NULL;

  if (report->result != TARMAC_IMPORT_RESULT_IMPORTED || report->source_file_id <= 0)
    return TRUE;
  if (!tarmac_screener_screen (screener, store, &scope, &screened, NULL, &error))
    {
      /* Translators: "manifest.edi: the reason" when screening a file's travellers failed */
      tarmac_cli_print_error (_("%s: screening failed: %s"), report->name, error->message);
      return FALSE;
    }
  report->n_hits = screened.added;
  return TRUE;
}

int
tarmac_cli_import (TarmacStore  *store,
                   int           argc,
                   char        **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) array = json_array_new ();
  g_autoptr(TarmacBatchImport) batch = NULL;
  g_autoptr(TarmacScreener) screener = tarmac_screener_new ();
  g_auto(GStrv) maps = NULL;
  g_autofree char *flight = NULL;
  gboolean json = FALSE;
  int status = EXIT_OK;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the reports as a JSON array"), NULL },
    { "flight", 0, 0, G_OPTION_ARG_STRING, &flight,
      N_("The flight of a spreadsheet, as AF702/2026-11-22 or AF702/2026-11-22/CDG-LFW"),
      N_("FLIGHT") },
    { "map", 0, 0, G_OPTION_ARG_STRING_ARRAY, &maps,
      N_("What a spreadsheet column holds, as COLUMN=FIELD (repeatable)"),
      N_("COLUMN=FIELD") },
    { NULL }
  };

  context = g_option_context_new (_("FILE…"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      tarmac_cli_print_error ("%s", error->message);
      return EXIT_USAGE;
    }
  if (argc < 2)
    {
      tarmac_cli_print_error (_("usage: tarmac-cli import [--json] [--flight FLIGHT] "
                                "[--map COLUMN=FIELD]… FILE…"));
      return EXIT_USAGE;
    }

  /* With --flight or --map, file by file: each spreadsheet's corrected mapping is its
   * own, and each file commits on its own as before batches. */
  if (flight != NULL || maps != NULL)
    {
      for (int i = 1; i < argc; i++)
        {
          g_autoptr(TarmacImportReport) report = NULL;
          g_autoptr(GError) import_error = NULL;

          if (!import_with_mapping (store, argv[i], flight, maps, &report, &import_error))
            status = EXIT_FAILED;
          /* A --map or --flight that does not fit the file: said on stderr, no report. */
          if (report == NULL)
            continue;
          if (!screen_imported (screener, store, report))
            status = EXIT_FAILED;
          if (json)
            json_array_add_element (array, tarmac_import_report_to_json (report));
          else
            print_import_report (report);
        }
    }
  else
    {
      batch = tarmac_batch_import_new (store);
      if (argc - 1 > TARMAC_BATCH_IMPORT_MAX_FILES)
        tarmac_batch_import_set_limits (batch, TARMAC_BATCH_IMPORT_BACKLOG_FILES,
                                        TARMAC_BATCH_IMPORT_BACKLOG_MSEC);
    }

  /* In batches: one fsync per batch, not per file; each report is printed once its
   * batch is committed, so what the officer reads as imported is on disk. */
  for (int i = 1; batch != NULL && i <= argc; i++)
    {
      g_autoptr(GPtrArray) done = NULL;

      done = i < argc ? tarmac_batch_import_add_file (batch, argv[i], NULL)
                      : tarmac_batch_import_finish (batch);

      for (guint j = 0; j < done->len; j++)
        {
          TarmacImportReport *report = g_ptr_array_index (done, j);

          if (report->result == TARMAC_IMPORT_RESULT_FAILED ||
              !screen_imported (screener, store, report))
            status = EXIT_FAILED;

          if (json)
            json_array_add_element (array, tarmac_import_report_to_json (report));
          else
            print_import_report (report);
        }
    }

  if (json)
    {
      g_autoptr(JsonNode) root = json_node_init_array (json_node_alloc (), array);
      g_autofree char *text = json_to_string (root, TRUE);

      g_print ("%s\n", text);
    }

  return status;
}
