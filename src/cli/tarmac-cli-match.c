/* tarmac-cli-match.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "tarmac-cli-private.h"
#include "tarmac-screen-index.h"

/* match --name NAME [--dob YYYY-MM-DD|YYYY] [--nationality ISO3] [--sex M|F]
 *       [--document NUMBER] [--limit K] [--min-score S] [--json] */

int
tarmac_cli_match (TarmacStore  *store,
                  int           argc,
                  char        **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TarmacScreenIndex) index = NULL;
  g_autoptr(GPtrArray) candidates = NULL;
  g_autofree char *name = NULL;
  g_autofree char *dob = NULL;
  g_autofree char *nationality = NULL;
  g_autofree char *sex = NULL;
  g_autofree char *document = NULL;
  gboolean json = FALSE;
  int limit = 10;
  double min_score = 0.5;
  TarmacMatchQuery query = { 0 };
  gint64 started, built, matched;
  const GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("The person’s name, in any order and script"),
      N_("NAME") },
    { "dob", 0, 0, G_OPTION_ARG_STRING, &dob, N_("Date of birth, YYYY-MM-DD or YYYY"),
      N_("DATE") },
    { "nationality", 0, 0, G_OPTION_ARG_STRING, &nationality,
      N_("Nationality, ISO 3166 alpha-3"), N_("ISO3") },
    { "sex", 0, 0, G_OPTION_ARG_STRING, &sex, N_("Sex, M or F"), N_("SEX") },
    { "document", 0, 0, G_OPTION_ARG_STRING, &document, N_("A travel document number"),
      N_("NUMBER") },
    { "limit", 0, 0, G_OPTION_ARG_INT, &limit, N_("At most K candidates (default 10)"),
      N_("K") },
    { "min-score", 0, 0, G_OPTION_ARG_DOUBLE, &min_score,
      N_("Leave out candidates scoring less (default 0.5)"), N_("S") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the candidates as JSON"), NULL },
    { NULL }
  };

  if (!tarmac_cli_parse_options (&argc, &argv, entries, &error))
    {
      tarmac_cli_print_error ("%s", error->message);
      return EXIT_USAGE;
    }
  if ((name == NULL || name[0] == '\0') && document == NULL)
    {
      tarmac_cli_print_error (_("usage: tarmac-cli match --name NAME [--dob YYYY-MM-DD|YYYY] "
                                "[--nationality ISO3] [--sex M|F] [--document NUMBER] "
                                "[--limit K] [--min-score S] [--json]"));
      return EXIT_USAGE;
    }
  if (limit < 1 || limit > 1000 || min_score < 0.0 || min_score > 1.0)
    {
      tarmac_cli_print_error (_("--limit is 1 to 1000 and --min-score 0 to 1"));
      return EXIT_USAGE;
    }

  started = g_get_monotonic_time ();
  index = tarmac_screen_index_load (store, &error);
  if (index == NULL)
    {
      tarmac_cli_print_error ("%s", error->message);
      return EXIT_FAILED;
    }
  built = g_get_monotonic_time ();

  query.name = name;
  query.dob = dob;
  query.nationality = nationality;
  query.sex = sex;
  query.document = document;
  candidates = tarmac_screen_match (store, index, &query, min_score, limit, &error);
  if (candidates == NULL)
    {
      tarmac_cli_print_error ("%s", error->message);
      return EXIT_FAILED;
    }
  matched = g_get_monotonic_time ();

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;
      g_autofree char *text = NULL;
      const struct { const char *key; const char *value; } fields[] = {
        { "name", name }, { "dob", dob }, { "nationality", nationality }, { "sex", sex },
        { "document", document },
      };

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "query");
      json_builder_begin_object (builder);
      for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
        if (fields[i].value != NULL)
          {
            json_builder_set_member_name (builder, fields[i].key);
            json_builder_add_string_value (builder, fields[i].value);
          }
      json_builder_end_object (builder);
      json_builder_set_member_name (builder, "candidates");
      json_builder_begin_array (builder);
      for (guint i = 0; i < candidates->len; i++)
        json_builder_add_value (builder,
                                tarmac_match_candidate_to_json (g_ptr_array_index (candidates, i)));
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "index");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "entries");
      json_builder_add_int_value (builder, tarmac_screen_index_get_n_entries (index));
      json_builder_set_member_name (builder, "names");
      json_builder_add_int_value (builder, tarmac_screen_index_get_n_names (index));
      json_builder_set_member_name (builder, "build_ms");
      json_builder_add_double_value (builder, (built - started) / 1000.0);
      json_builder_set_member_name (builder, "match_ms");
      json_builder_add_double_value (builder, (matched - built) / 1000.0);
      json_builder_end_object (builder);
      json_builder_end_object (builder);

      root = json_builder_get_root (builder);
      text = json_to_string (root, TRUE);
      g_print ("%s\n", text);
      return EXIT_OK;
    }

  if (candidates->len == 0)
    g_print ("%s\n", _("No candidate."));
  for (guint i = 0; i < candidates->len; i++)
    {
      const TarmacMatchCandidate *candidate = g_ptr_array_index (candidates, i);

      g_print ("%.3f  %s  %s  %s\n", candidate->score, candidate->list_name,
               candidate->external_id,
               candidate->matched_name != NULL ? candidate->matched_name
                                               : (const char *) g_ptr_array_index (candidate->names, 0));
      g_print ("       %s\n", candidate->summary);
    }
  return EXIT_OK;
}
