/* tarmac-cli-hits.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "tarmac-cli-private.h"
#include "tarmac-hit.h"

/* hits list [--status S] [--limit N] [--json]: the review queue, newest first, open hits
 * by default. Each listing is written to the audit log (it names travellers). */

#define DEFAULT_LIMIT 1000
#define MAX_LIMIT     1000000

static const char *
member_text (JsonObject *object,
             const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return "";
  return json_node_get_string (node);
}

static JsonObject *
member_object (JsonObject *object,
               const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

/* One hit in two lines: score, status, traveller, flight, list and entry; then why. */
void
tarmac_cli_print_hits (JsonArray *hits)
{
  for (guint i = 0; i < json_array_get_length (hits); i++)
    {
      JsonObject *hit = json_array_get_object_element (hits, i);
      JsonObject *traveller = member_object (hit, "traveller");
      JsonObject *flight = traveller != NULL ? member_object (traveller, "flight") : NULL;
      JsonArray *names = json_object_get_array_member (hit, "names");
      const char *entry = json_array_get_length (names) > 0
                            ? json_array_get_string_element (names, 0)
                            : member_text (hit, "external_id");
      const char *list = member_text (hit, "list");

      g_print ("%.2f  %-19s %s, %s  %s %s %s  %s%s%s\n",
               json_object_get_double_member (hit, "score"), member_text (hit, "status"),
               member_text (traveller, "surname"), member_text (traveller, "given_names"),
               member_text (flight, "carrier"), member_text (flight, "number"),
               member_text (flight, "date"), list, list[0] != '\0' ? ": " : "", entry);
      g_print ("      %s\n", member_text (member_object (hit, "explanation"), "text"));
    }
}

static int
hits_list (TarmacStore  *store,
           int           argc,
           char        **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) hits = NULL;
  g_autofree char *status = NULL;
  gboolean json = FALSE;
  int limit = DEFAULT_LIMIT;
  const GOptionEntry entries[] = {
    { "status", 0, 0, G_OPTION_ARG_STRING, &status,
      N_("open (the default), all, or one status: new, in_review, cleared, referred, "
         "controlled_positive, controlled_negative, not_controlled"), N_("STATUS") },
    { "limit", 0, 0, G_OPTION_ARG_INT, &limit, N_("At most N hits (default 1000)"), N_("N") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the hits as JSON"), NULL },
    { NULL }
  };

  if (!tarmac_cli_parse_options (&argc, &argv, entries, &error))
    {
      tarmac_cli_print_error ("%s", error->message);
      return EXIT_USAGE;
    }
  if (limit < 1 || limit > MAX_LIMIT)
    {
      tarmac_cli_print_error (_("--limit is 1 to 1000000"));
      return EXIT_USAGE;
    }

  hits = tarmac_hit_list_json (store, status, NULL, limit, &error);
  if (hits == NULL)
    {
      tarmac_cli_print_error ("%s", error->message);
      return g_error_matches (error, TARMAC_STORE_ERROR, TARMAC_STORE_ERROR_INVALID)
               ? EXIT_USAGE : EXIT_FAILED;
    }

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;
      g_autofree char *text = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "filter");
      json_builder_add_string_value (builder, status != NULL ? status : TARMAC_HIT_FILTER_OPEN);
      json_builder_set_member_name (builder, "hits");
      json_builder_add_value (builder, g_steal_pointer (&hits));
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      text = json_to_string (root, TRUE);
      g_print ("%s\n", text);
      return EXIT_OK;
    }

  if (json_array_get_length (json_node_get_array (hits)) == 0)
    g_print ("%s\n", _("No hit."));
  tarmac_cli_print_hits (json_node_get_array (hits));
  return EXIT_OK;
}

int
tarmac_cli_hits (TarmacStore  *store,
                 int           argc,
                 char        **argv)
{
  if (argc >= 2 && g_str_equal (argv[1], "list"))
    return hits_list (store, argc - 1, argv + 1);

  tarmac_cli_print_error (_("usage: tarmac-cli hits list [--status STATUS] [--limit N] "
                            "[--json]"));
  return EXIT_USAGE;
}
