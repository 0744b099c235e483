/* tarmac-cli-import.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "tarmac-cli-private.h"
#include "tarmac-batch-import.h"
#include "tarmac-importer.h"

/* import [--json] FILE...: one report per file; exit 1 when any file was rejected. */
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

      /* Translators: a warning with its position: line, segment number, byte offset */
      g_print (_("  line %u, segment %u, byte %zu: %s (%s)\n"), warning->line,
               warning->segment_index, (size_t) warning->offset, warning->message,
               warning->code);
    }
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
      tarmac_cli_print_error ("%s", error->message);
      return EXIT_USAGE;
    }
  if (argc < 2)
    {
      tarmac_cli_print_error (_("usage: tarmac-cli import [--json] FILE…"));
      return EXIT_USAGE;
    }

  /* In batches: one fsync per batch, not per file; each report is printed once its
   * batch is committed, so what the officer reads as imported is on disk. */
  batch = tarmac_batch_import_new (store);
  for (int i = 1; i <= argc; i++)
    {
      g_autoptr(GPtrArray) done = NULL;

      done = i < argc ? tarmac_batch_import_add_file (batch, argv[i], NULL)
                      : tarmac_batch_import_finish (batch);

      for (guint j = 0; j < done->len; j++)
        {
          const TarmacImportReport *report = g_ptr_array_index (done, j);

          if (report->result == TARMAC_IMPORT_RESULT_FAILED)
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
