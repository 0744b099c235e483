/* tarmac-cli-screen.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "tarmac-cli-private.h"
#include "tarmac-export.h"
#include "tarmac-hit.h"

/* screen [--flight CARRIER+NUMBER/DATE] [--json]: screens every unmasked traveller (or
 * one flight's) against the lists and writes the hits, then prints what it did and the
 * hits it added or updated. */

/* Three decimals are all a timing holds. */
static double
milliseconds (double ms)
{
  return floor (ms * 1000.0 + 0.5) / 1000.0;
}

/**
 * tarmac_cli_screen_report_to_json:
 *
 * `{"travellers", "added", "updated", "unchanged", "index": {"entries", "names",
 * "build_ms"}, "match_ms", "write_ms", "travellers_per_second"}`
 */
JsonNode *
tarmac_cli_screen_report_to_json (const TarmacScreenReport *report)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  double seconds = report->match_ms / 1000.0;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "travellers");
  json_builder_add_int_value (builder, report->travellers);
  json_builder_set_member_name (builder, "added");
  json_builder_add_int_value (builder, report->added);
  json_builder_set_member_name (builder, "updated");
  json_builder_add_int_value (builder, report->updated);
  json_builder_set_member_name (builder, "unchanged");
  json_builder_add_int_value (builder, report->unchanged);
  json_builder_set_member_name (builder, "index");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "entries");
  json_builder_add_int_value (builder, report->index_entries);
  json_builder_set_member_name (builder, "names");
  json_builder_add_int_value (builder, report->index_names);
  json_builder_set_member_name (builder, "build_ms");
  json_builder_add_double_value (builder, milliseconds (report->build_ms));
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "match_ms");
  json_builder_add_double_value (builder, milliseconds (report->match_ms));
  json_builder_set_member_name (builder, "write_ms");
  json_builder_add_double_value (builder, milliseconds (report->write_ms));
  json_builder_set_member_name (builder, "travellers_per_second");
  json_builder_add_double_value (builder, seconds > 0.0 ? floor (report->travellers / seconds)
                                                        : 0.0);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/* Labelled figures, as import prints them: no plural forms to get wrong. */
void
tarmac_cli_print_screen_report (const TarmacScreenReport *report)
{
  const struct { const char *label; guint value; } counts[] = {
    { N_("  Travellers screened"), report->travellers },
    { N_("  Hits added"), report->added },
    { N_("  Hits updated"), report->updated },
    { N_("  Hits already known"), report->unchanged },
    { N_("  List entries"), report->index_entries },
  };
  double seconds = report->match_ms / 1000.0;
  g_autofree char *speed = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    {
      g_autofree char *value = g_strdup_printf ("%u", counts[i].value);

      tarmac_cli_print_field (_(counts[i].label), value);
    }
  if (report->travellers > 0 && seconds > 0.0)
    {
      /* Translators: screening time in seconds, then its speed */
      speed = g_strdup_printf (_("%.2f s (%.0f travellers/s)"), seconds,
                               report->travellers / seconds);
      tarmac_cli_print_field (_("  Matching"), speed);
    }
}

int
tarmac_cli_screen (TarmacStore  *store,
                   int           argc,
                   char        **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TarmacScreener) screener = tarmac_screener_new ();
  g_autoptr(JsonNode) hits = NULL;
  g_auto(TarmacExportFlight) flight = { NULL, };
  g_auto(TarmacScreenReport) report = { 0, };
  g_autofree char *flight_text = NULL;
  TarmacScreenScope scope = { TARMAC_SCREEN_ALL, 0, NULL, NULL, NULL };
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "flight", 0, 0, G_OPTION_ARG_STRING, &flight_text,
      N_("Only this flight’s travellers (for example AF702/2026-11-22)"),
      N_("CARRIER+NUMBER/DATE") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the result as JSON"), NULL },
    { NULL }
  };

  if (!tarmac_cli_parse_options (&argc, &argv, entries, &error) ||
      (flight_text != NULL && !tarmac_export_parse_flight (flight_text, &flight, &error)))
    {
      tarmac_cli_print_error ("%s", error->message);
      tarmac_cli_print_error (_("usage: tarmac-cli screen [--flight CARRIER+NUMBER/DATE] "
                                "[--json]"));
      return EXIT_USAGE;
    }
  if (flight_text != NULL)
    {
      scope.kind = TARMAC_SCREEN_FLIGHT_NAMED;
      scope.carrier = flight.carrier;
      scope.number = flight.number;
      scope.date = flight.date;
    }

  if (!tarmac_screener_screen (screener, store, &scope, &report, NULL, &error))
    {
      tarmac_cli_print_error ("%s", error->message);
      return EXIT_FAILED;
    }
  /* The hits this run raised or changed, read (and audited) only when there are some. */
  if (report.hit_ids->len == 0)
    hits = json_node_init_array (json_node_alloc (), json_array_new ());
  else if ((hits = tarmac_hit_list_json (store, NULL, report.hit_ids, report.hit_ids->len,
                                         &error)) == NULL)
    {
      tarmac_cli_print_error ("%s", error->message);
      return EXIT_FAILED;
    }

  if (json)
    {
      g_autoptr(JsonNode) root = tarmac_cli_screen_report_to_json (&report);
      JsonObject *object = json_node_get_object (root);
      g_autofree char *text = NULL;

      json_object_set_string_member (object, "scope", flight_text != NULL ? "flight" : "all");
      if (flight_text != NULL)
        {
          g_autofree char *name = g_strdup_printf ("%s%s/%s", flight.carrier, flight.number,
                                                   flight.date);

          json_object_set_string_member (object, "flight", name);
        }
      json_object_set_member (object, "hits", g_steal_pointer (&hits));
      text = json_to_string (root, TRUE);
      g_print ("%s\n", text);
      return EXIT_OK;
    }

  if (flight_text != NULL && report.travellers == 0)
    g_printerr (_("No traveller of %s in this database\n"), flight_text);
  tarmac_cli_print_screen_report (&report);
  tarmac_cli_print_hits (json_node_get_array (hits));
  return EXIT_OK;
}
