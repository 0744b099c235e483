/* tarmac-cli-search.c
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
#include "tarmac-search.h"
#include "tarmac-search-result.h"
#include "tarmac-traveller.h"

#define DEFAULT_LIMIT 20
#define MAX_LIMIT 1000

static JsonNode *
result_to_json (TarmacSearchResult *result)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *why = tarmac_search_result_describe_match (result);
  TarmacTraveller *traveller = tarmac_search_result_get_traveller (result);
  TarmacSearchMatch match = tarmac_search_result_get_match (result);
  const struct { const char *name; const char *value; } fields[] = {
    { "surname", tarmac_traveller_get_surname (traveller) },
    { "given_names", tarmac_traveller_get_given_names (traveller) },
    { "date_of_birth", tarmac_traveller_get_date_of_birth (traveller) },
    { "nationality", tarmac_traveller_get_nationality (traveller) },
    { "document", tarmac_traveller_get_document_number (traveller) },
    { "flight", tarmac_traveller_get_flight_label (traveller) },
  };

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "traveller_id");
  json_builder_add_int_value (builder, tarmac_traveller_get_id (traveller));
  json_builder_set_member_name (builder, "flight_id");
  json_builder_add_int_value (builder, tarmac_traveller_get_flight_id (traveller));
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder,
                                 tarmac_traveller_get_kind (traveller) == TARMAC_TRAVELLER_CREW ?
                                 "crew" : "passenger");
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      json_builder_set_member_name (builder, fields[i].name);
      if (fields[i].value != NULL && *fields[i].value != '\0')
        json_builder_add_string_value (builder, fields[i].value);
      else
        json_builder_add_null_value (builder);
    }
  json_builder_set_member_name (builder, "match");
  json_builder_add_string_value (builder, tarmac_search_match_to_id (match));
  json_builder_set_member_name (builder, "distance");
  json_builder_add_int_value (builder, tarmac_search_result_get_distance (result));
  json_builder_set_member_name (builder, "words_matched");
  json_builder_add_int_value (builder, tarmac_search_result_get_words_matched (result));
  json_builder_set_member_name (builder, "words_total");
  json_builder_add_int_value (builder, tarmac_search_result_get_words_total (result));
  json_builder_set_member_name (builder, "why");
  json_builder_add_string_value (builder, why);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/* search [--json] [--limit N] QUERY…: the app's search, audited the same way. */
int
tarmac_cli_search (TarmacStore  *store,
                   int           argc,
                   char        **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) results = NULL;
  g_autofree char *query = NULL;
  gboolean json = FALSE;
  int limit = DEFAULT_LIMIT;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the results as a JSON array"), NULL },
    { "limit", 0, 0, G_OPTION_ARG_INT, &limit, N_("Print at most N results (default 20)"),
      N_("N") },
    { NULL }
  };

  context = g_option_context_new (_("QUERY"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      tarmac_cli_print_error ("%s", error->message);
      return EXIT_USAGE;
    }
  if (argc < 2 || limit < 1 || limit > MAX_LIMIT)
    {
      tarmac_cli_print_error (_("usage: tarmac-cli search [--json] [--limit N] QUERY"));
      return EXIT_USAGE;
    }

  /* Several arguments are one query: "search Aminata Diallo" needs no quotes. */
  query = g_strjoinv (" ", argv + 1);

  if (!(results = tarmac_store_search (store, query, limit, NULL, &error)))
    {
      tarmac_cli_print_error ("%s", error->message);
      return EXIT_FAILED;
    }

  if (json)
    {
      g_autoptr(JsonArray) array = json_array_new ();
      g_autoptr(JsonNode) root = NULL;
      g_autofree char *text = NULL;

      for (guint i = 0; i < g_list_model_get_n_items (results); i++)
        {
          g_autoptr(TarmacSearchResult) result = g_list_model_get_item (results, i);
          json_array_add_element (array, result_to_json (result));
        }
      root = json_node_init_array (json_node_alloc (), array);
      text = json_to_string (root, TRUE);
      g_print ("%s\n", text);
      return EXIT_OK;
    }

  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr(TarmacSearchResult) result = g_list_model_get_item (results, i);
      TarmacTraveller *traveller = tarmac_search_result_get_traveller (result);
      g_autofree char *why = tarmac_search_result_describe_match (result);
      const char *document = tarmac_traveller_get_document_number (traveller);

      /* Translators: one search result: name, flight, document, and why it was found */
      g_print (_("%s · %s · %s · %s\n"), tarmac_traveller_get_full_name (traveller),
               tarmac_traveller_get_flight_label (traveller),
               document != NULL && *document != '\0' ? document : "—", why);
    }
  if (g_list_model_get_n_items (results) == 0)
    g_print ("%s\n", _("No traveller found"));

  return EXIT_OK;
}
