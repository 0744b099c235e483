/* tarmac-cli-report.c
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
#include "tarmac-seizure-stats.h"

/* report results --from DAY --to DAY --format json|csv|pdf [--shared] [--lang L] [--output FILE]
 *                [--airport CODE] [--category CODE] [--agency NAME]
 *
 * The figures are non-nominal; the file is still written 0600, as every export. */

/* Writes @bytes to @path (0600), or to standard output when @path is NULL. */
gboolean
tarmac_cli_write_output (const char  *path,
                         GBytes      *bytes,
                         GError     **error)
{
  gsize length = 0;
  const char *data = g_bytes_get_data (bytes, &length);

  if (path == NULL)
    {
      if (fwrite (data, 1, length, stdout) != length || fflush (stdout) != 0)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                       _("Could not write to standard output"));
          return FALSE;
        }
      return TRUE;
    }
  return g_file_set_contents_full (path, data, (gssize) length, G_FILE_SET_CONTENTS_CONSISTENT,
                                   0600, error);
}

int
tarmac_cli_report (TarmacStore  *store,
                   int           argc,
                   char        **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TarmacSeizureStats) stats = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *format = NULL;
  g_autofree char *language = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *airport = NULL;
  g_autofree char *only_airport = NULL;
  g_autofree char *category = NULL;
  g_autofree char *agency = NULL;
  TarmacSeizureStatsFilter filter = { NULL, NULL, NULL };
  g_autoptr(GBytes) bytes = NULL;
  gboolean shared = FALSE;
  gsize length;
  const GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("First day (YYYY-MM-DD)"), N_("DAY") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("Last day (YYYY-MM-DD)"), N_("DAY") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("json, csv or pdf"), N_("FORMAT") },
    { "shared", 0, 0, G_OPTION_ARG_NONE, &shared,
      N_("For sharing outside the task force: hide figures below 3"), NULL },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &language,
      N_("Language of the labels: en, fr, es, pt or ar"), N_("LANG") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &path,
      N_("Write to FILE instead of standard output"), N_("FILE") },
    { "airport", 0, 0, G_OPTION_ARG_STRING, &only_airport,
      N_("Only the records of this airport"), N_("CODE") },
    { "category", 0, 0, G_OPTION_ARG_STRING, &category,
      N_("Only seizures of this category (DRUG, CASH, WILD…), and only those items"), N_("CODE") },
    { "agency", 0, 0, G_OPTION_ARG_STRING, &agency,
      N_("Only seizures this agency took part in"), N_("NAME") },
    { NULL }
  };

  if (argc < 2 || !g_str_equal (argv[1], "results"))
    goto usage;
  argc--;
  argv++;
  if (!tarmac_cli_parse_options (&argc, &argv, entries, &error))
    {
      tarmac_cli_print_error ("%s", error->message);
      return EXIT_USAGE;
    }
  if (from == NULL || to == NULL || format == NULL ||
      !g_strv_contains ((const char *[]) { "json", "csv", "pdf", NULL }, format))
    goto usage;
  if (language != NULL && !g_strv_contains ((const char *[]) { "en", "fr", "es", "pt", "ar", NULL },
                                            language))
    goto usage;

  /* The PDF's titles follow the label language too, when the catalogue has it. */
  if (language != NULL && g_str_equal (format, "pdf"))
    g_setenv ("LANGUAGE", language, TRUE);

  filter.airport = only_airport;
  filter.category = category;
  filter.agency = agency;
  stats = tarmac_seizure_stats_compute_filtered (store, from, to, &filter, shared, language, &error);
  if (stats == NULL)
    {
      tarmac_cli_print_error ("%s", error->message);
      return EXIT_FAILED;
    }
  if (g_str_equal (format, "pdf"))
    {
      airport = tarmac_store_get_airport_code (store);
      bytes = tarmac_seizure_stats_to_pdf (stats, airport, &error);
      if (bytes == NULL)
        {
          tarmac_cli_print_error ("%s", error->message);
          return EXIT_FAILED;
        }
    }
  else
    {
      text = g_str_equal (format, "json") ? tarmac_seizure_stats_to_json (stats)
                                          : tarmac_seizure_stats_to_csv (stats);
      if (path == NULL)
        {
          g_print ("%s\n", text);
          return EXIT_OK;
        }
      length = strlen (text);
      bytes = g_bytes_new_take (g_steal_pointer (&text), length);
    }

  if (!tarmac_cli_write_output (path, bytes, &error))
    {
      tarmac_cli_print_error ("%s", error->message);
      return EXIT_FAILED;
    }
  return EXIT_OK;

usage:
  tarmac_cli_print_error (_("usage: tarmac-cli report results --from DAY --to DAY "
                            "--format json|csv|pdf [--shared] [--lang en|fr|es|pt|ar] "
                            "[--airport CODE] [--category CODE] [--agency NAME] [--output FILE]"));
  return EXIT_USAGE;
}
