/* tarmac-cli-seizure.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "tarmac-cli-private.h"
#include "tarmac-seizure-alert.h"
#include "tarmac-seizure-store.h"

/* seizure add --json FILE      one seizure (or referral, or activity) as JSON; a list of
 *                              them is added in order, each in its own transaction
 * seizure list --json [--from DAY] [--to DAY]
 * seizure status REF STATUS    move the latest version along the status path
 * seizure edit REF             make a new draft version of a validated record
 * seizure alert REF --format pdf|json [--lang L] [--output FILE]
 *                              the one-page alert for the airports on the route */

#define MAX_JSON_SIZE (64 * 1024 * 1024)

static int
seizure_add (TarmacStore  *store,
             int           argc,
             char        **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *path = NULL;
  g_autofree char *base_dir = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  JsonNode *root;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_FILENAME, &path, N_("The record as JSON"), N_("FILE") },
    { NULL }
  };

  if (!tarmac_cli_parse_options (&argc, &argv, entries, &error) || path == NULL)
    {
      tarmac_cli_print_error ("%s", error != NULL ? error->message
                                                  : _("usage: tarmac-cli seizure add --json FILE"));
      return EXIT_USAGE;
    }

  if (!g_file_get_contents (path, &contents, &length, &error))
    {
      tarmac_cli_print_error ("%s", error->message);
      return EXIT_FAILED;
    }
  if (length > MAX_JSON_SIZE || !json_parser_load_from_data (parser, contents, (gssize) length,
                                                             &error))
    {
      tarmac_cli_print_error (_("%s: not a JSON file: %s"), path,
                              error != NULL ? error->message : _("too large"));
      return EXIT_FAILED;
    }
  root = json_parser_get_root (parser);
  base_dir = g_path_get_dirname (path);

  if (root != NULL && JSON_NODE_HOLDS_ARRAY (root))
    {
      JsonArray *array = json_node_get_array (root);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          gint64 id = 0;

          if (!tarmac_seizure_store_add_json (store, json_array_get_element (array, i), base_dir,
                                              &id, &error))
            {
              /* Translators: file name, record number in the file, reason */
              tarmac_cli_print_error (_("%s, record %u: %s (the records before it were added)"),
                                      path, i + 1, error->message);
              return EXIT_FAILED;
            }
        }
      g_print (ngettext ("%u record added\n", "%u records added\n",
                         json_array_get_length (array)), json_array_get_length (array));
    }
  else
    {
      gint64 id = 0;

      if (!tarmac_seizure_store_add_json (store, root, base_dir, &id, &error))
        {
          tarmac_cli_print_error ("%s: %s", path, error->message);
          return EXIT_FAILED;
        }
      g_print (_("Added as record %lld\n"), (long long) id);
    }
  return EXIT_OK;
}

static int
seizure_list (TarmacStore  *store,
              int           argc,
              char        **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  gboolean as_json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &as_json, N_("Print JSON"), NULL },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("First day (YYYY-MM-DD)"), N_("DAY") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("Last day (YYYY-MM-DD)"), N_("DAY") },
    { NULL }
  };

  if (!tarmac_cli_parse_options (&argc, &argv, entries, &error))
    {
      tarmac_cli_print_error ("%s", error->message);
      return EXIT_USAGE;
    }

  list = tarmac_seizure_store_list (store, from, to, &error);
  if (list == NULL)
    {
      tarmac_cli_print_error ("%s", error->message);
      return EXIT_FAILED;
    }

  if (!as_json)
    {
      TarmacSeizureCodes *codes = tarmac_seizure_codes_get_default ();

      for (guint i = 0; i < g_list_model_get_n_items (list); i++)
        {
          g_autoptr(TarmacSeizure) seizure = g_list_model_get_item (list, i);
          g_autoptr(TarmacSeizureItem) item = g_list_model_get_item (tarmac_seizure_get_items (seizure), 0);

          g_print ("%s v%d  %.16s  %s  %s  %s\n", tarmac_seizure_get_ref_no (seizure),
                   tarmac_seizure_get_version (seizure), tarmac_seizure_get_occurred_at (seizure),
                   tarmac_seizure_get_airport (seizure),
                   tarmac_seizure_codes_get_label (codes, "status",
                                                   tarmac_seizure_get_status (seizure), NULL),
                   item != NULL ? tarmac_seizure_codes_get_label (codes, "subtype",
                                                                  tarmac_seizure_item_get_subtype (item),
                                                                  NULL) : "");
        }
      return EXIT_OK;
    }

  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(TarmacSeizure) seizure = g_list_model_get_item (list, i);

      json_builder_add_value (builder, tarmac_seizure_to_json (seizure, TRUE));
    }
  json_builder_end_array (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);
  g_print ("%s\n", text);
  return EXIT_OK;
}

static int
seizure_status (TarmacStore  *store,
                int           argc,
                char        **argv)
{
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (argc != 3)
    {
      tarmac_cli_print_error (_("usage: tarmac-cli seizure status REF STATUS"));
      return EXIT_USAGE;
    }
  id = tarmac_seizure_store_find (store, argv[1], &error);
  if (id == 0 || !tarmac_seizure_store_set_status (store, id, argv[2], &error))
    {
      tarmac_cli_print_error ("%s", error->message);
      return EXIT_FAILED;
    }
  return EXIT_OK;
}

static int
seizure_edit (TarmacStore  *store,
              int           argc,
              char        **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TarmacSeizure) seizure = NULL;
  gint64 id;

  if (argc != 2)
    {
      tarmac_cli_print_error (_("usage: tarmac-cli seizure edit REF"));
      return EXIT_USAGE;
    }
  id = tarmac_seizure_store_find (store, argv[1], &error);
  if (id == 0 || (seizure = tarmac_seizure_store_new_version (store, id, &error)) == NULL)
    {
      tarmac_cli_print_error ("%s", error->message);
      return EXIT_FAILED;
    }
  g_print (_("%s version %d is a new draft\n"), tarmac_seizure_get_ref_no (seizure),
           tarmac_seizure_get_version (seizure));
  return EXIT_OK;
}

static int
seizure_alert (TarmacStore  *store,
               int           argc,
               char        **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *format = NULL;
  g_autofree char *language = NULL;
  g_autofree char *path = NULL;
  const char *ref;
  const GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("pdf or json"), N_("FORMAT") },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &language,
      N_("Language of the labels: en, fr, es, pt or ar"), N_("LANG") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &path,
      N_("Write to FILE instead of standard output"), N_("FILE") },
    { NULL }
  };

  /* The reference comes first, then the options. */
  if (argc < 2 || argv[1][0] == '-')
    goto usage;
  ref = argv[1];
  argv[1] = argv[0];
  argc--;
  argv++;
  if (!tarmac_cli_parse_options (&argc, &argv, entries, &error))
    {
      tarmac_cli_print_error ("%s", error->message);
      return EXIT_USAGE;
    }
  if (format == NULL ||
      !g_strv_contains ((const char *[]) { "pdf", "json", NULL }, format) ||
      (language != NULL &&
       !g_strv_contains ((const char *[]) { "en", "fr", "es", "pt", "ar", NULL }, language)))
    goto usage;
  if (language != NULL && g_str_equal (format, "pdf"))
    g_setenv ("LANGUAGE", language, TRUE);

  bytes = tarmac_seizure_alert_export (store, ref, format, language, &error);
  if (bytes == NULL || !tarmac_cli_write_output (path, bytes, &error))
    {
      tarmac_cli_print_error ("%s", error->message);
      return EXIT_FAILED;
    }
  return EXIT_OK;

usage:
  tarmac_cli_print_error (_("usage: tarmac-cli seizure alert REF --format pdf|json "
                            "[--lang en|fr|es|pt|ar] [--output FILE]"));
  return EXIT_USAGE;
}

int
tarmac_cli_seizure (TarmacStore  *store,
                    int           argc,
                    char        **argv)
{
  if (argc >= 2 && g_str_equal (argv[1], "add"))
    return seizure_add (store, argc - 1, argv + 1);
  if (argc >= 2 && g_str_equal (argv[1], "list"))
    return seizure_list (store, argc - 1, argv + 1);
  if (argc >= 2 && g_str_equal (argv[1], "status"))
    return seizure_status (store, argc - 1, argv + 1);
  if (argc >= 2 && g_str_equal (argv[1], "edit"))
    return seizure_edit (store, argc - 1, argv + 1);
  if (argc >= 2 && g_str_equal (argv[1], "alert"))
    return seizure_alert (store, argc - 1, argv + 1);

  tarmac_cli_print_error (_("usage: tarmac-cli seizure add --json FILE | list [--json] "
                            "[--from DAY] [--to DAY] | status REF STATUS | edit REF | "
                            "alert REF --format pdf|json [--output FILE]"));
  return EXIT_USAGE;
}
