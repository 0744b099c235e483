/* tarmac-cli-compare.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "tarmac-cli-private.h"
#include "tarmac-name-compare.h"

/* compare --pairs FILE [--explain]: the name comparator alone. Each line of FILE is
 * NAME_A<TAB>NAME_B; each output line is the score of that pair, in order, with the
 * alignment after a tab when --explain is given. A line without a tab scores 0, so the
 * output always has one line per input line. */

#define MAX_PAIRS_FILE_SIZE (256 * 1024 * 1024)

int
tarmac_cli_compare (TarmacStore  *store,
                    int           argc,
                    char        **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *pairs = NULL;
  g_autofree char *contents = NULL;
  gboolean explain = FALSE;
  gsize length = 0;
  char *line, *next;
  GString *out;
  const GOptionEntry entries[] = {
    { "pairs", 0, 0, G_OPTION_ARG_FILENAME, &pairs,
      N_("Read NAME_A<TAB>NAME_B lines from FILE (- for standard input)"), N_("FILE") },
    { "explain", 0, 0, G_OPTION_ARG_NONE, &explain,
      N_("Print how the names aligned after each score"), NULL },
    { NULL }
  };

  if (!tarmac_cli_parse_options (&argc, &argv, entries, &error))
    {
      tarmac_cli_print_error ("%s", error->message);
      return EXIT_USAGE;
    }
  if (pairs == NULL)
    {
      tarmac_cli_print_error (_("usage: tarmac-cli compare --pairs FILE [--explain]"));
      return EXIT_USAGE;
    }

  if (g_str_equal (pairs, "-"))
    {
      g_autoptr(GIOChannel) channel = g_io_channel_unix_new (0);

      if (g_io_channel_set_encoding (channel, NULL, &error) != G_IO_STATUS_NORMAL ||
          g_io_channel_read_to_end (channel, &contents, &length, &error) != G_IO_STATUS_NORMAL)
        {
          tarmac_cli_print_error ("%s", error->message);
          return EXIT_FAILED;
        }
    }
  else if (!g_file_get_contents (pairs, &contents, &length, &error))
    {
      tarmac_cli_print_error ("%s", error->message);
      return EXIT_FAILED;
    }
  if (length > MAX_PAIRS_FILE_SIZE)
    {
      tarmac_cli_print_error (_("%s: the file is larger than %d MiB"), pairs,
                              MAX_PAIRS_FILE_SIZE / (1024 * 1024));
      return EXIT_FAILED;
    }
  if (!g_utf8_validate (contents, length, NULL))
    {
      tarmac_cli_print_error (_("%s: the file is not UTF-8 text"), pairs);
      return EXIT_FAILED;
    }

  out = g_string_new (NULL);
  for (line = contents; line != NULL && *line != '\0'; line = next)
    {
      char *tab, *end = strchr (line, '\n');
      TarmacNameComparison comparison;
      double score = 0.0;

      next = end != NULL ? end + 1 : NULL;
      if (end != NULL)
        *end = '\0';
      if (end != NULL && end > line && end[-1] == '\r')
        end[-1] = '\0';

      tab = strchr (line, '\t');
      memset (&comparison, 0, sizeof comparison);
      if (tab != NULL)
        {
          g_autoptr(GPtrArray) a = NULL;
          g_autoptr(GPtrArray) b = NULL;

          *tab = '\0';
          a = tarmac_name_analyse (line);
          b = tarmac_name_analyse (tab + 1);
          score = tarmac_name_compare ((TarmacNameToken *const *) a->pdata, NULL, a->len,
                                       (TarmacNameToken *const *) b->pdata, NULL, b->len,
                                       &comparison);
          if (explain)
            {
              g_autofree char *text =
                tarmac_name_comparison_describe ((TarmacNameToken *const *) a->pdata, a->len,
                                                 (TarmacNameToken *const *) b->pdata, b->len,
                                                 &comparison);
              g_string_append_printf (out, "%.4f\t%s\n", score, text);
              continue;
            }
        }
      g_string_append_printf (out, "%.4f\n", score);

      if (out->len > 1 << 16)
        {
          fwrite (out->str, 1, out->len, stdout);
          g_string_truncate (out, 0);
        }
    }
  fwrite (out->str, 1, out->len, stdout);
  g_string_free (out, TRUE);

  return EXIT_OK;
}
