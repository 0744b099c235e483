/* tarmac-cli-lookout.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>

#include "tarmac-cli-private.h"
#include "tarmac-lookout.h"
#include "tarmac-sync-replica.h"

/* lookout send --to CODE[,CODE] --traveller ID --expires DATE [--reason TEXT] [--author NAME]:
 *   flags a traveller of this database to other airports until DATE (YYYY-MM-DD: to the
 *   end of that day, UTC; or an ISO 8601 date and time), at most 90 days ahead; queued
 *   for the hub like a note.
 * lookout list [--json]: the lookouts held here, sent and received, that have not expired
 *   (an audited read). Expired ones are dropped first. */

static char *opt_to = NULL;
static char *opt_expires = NULL;
static char *opt_reason = NULL;
static char *opt_author = NULL;
static gint64 opt_traveller = 0;
static gboolean opt_json = FALSE;

static const GOptionEntry send_entries[] = {
  { "to", 0, 0, G_OPTION_ARG_STRING, &opt_to, N_("The airports to send it to, comma-separated"), N_("CODES") },
  { "traveller", 0, 0, G_OPTION_ARG_INT64, &opt_traveller, N_("The traveller flagged (their id)"), N_("ID") },
  { "expires", 0, 0, G_OPTION_ARG_STRING, &opt_expires,
    N_("When it expires everywhere: YYYY-MM-DD (end of the day, UTC) or an ISO 8601 time, within 90 days"),
    N_("DATE") },
  { "reason", 0, 0, G_OPTION_ARG_STRING, &opt_reason, N_("Why, in a few words"), N_("TEXT") },
  { "author", 0, 0, G_OPTION_ARG_STRING, &opt_author, N_("Who sends it (default: the user name)"), N_("NAME") },
  { NULL }
};

static const GOptionEntry list_entries[] = {
  { "json", 0, 0, G_OPTION_ARG_NONE, &opt_json, N_("Print JSON"), NULL },
  { NULL }
};

static int
usage (void)
{
  tarmac_cli_print_error (_("usage: tarmac-cli lookout send --to CODE[,CODE] --traveller ID "
                            "--expires DATE [--reason TEXT] | lookout list [--json]"));
  return EXIT_USAGE;
}

/* Unix milliseconds, or 0 when @text is neither a date nor an ISO 8601 time. */
static gint64
parse_expiry (const char *text)
{
  g_autoptr(GDateTime) time = NULL;
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  int year, month, day;
  char end;

  if (sscanf (text, "%4d-%2d-%2d%c", &year, &month, &day, &end) == 3)
    {
      g_autoptr(GDateTime) start = g_date_time_new_utc (year, month, day, 0, 0, 0);

      if (start != NULL)
        time = g_date_time_add_days (start, 1);
    }
  else
    time = g_date_time_new_from_iso8601 (text, utc);

  return time != NULL ? g_date_time_to_unix (time) * 1000 : 0;
}

static int
lookout_send (TarmacStore  *store,
              int           argc,
              char        **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TarmacSyncReplica) replica = NULL;
  g_auto(GStrv) recipients = NULL;
  g_autofree char *record_id = NULL;
  TarmacLookoutDraft draft = { 0 };

  if (!tarmac_cli_parse_options (&argc, &argv, send_entries, &error))
    {
      tarmac_cli_print_error ("%s", error->message);
      return EXIT_USAGE;
    }
  if (opt_to == NULL || opt_traveller <= 0 || opt_expires == NULL)
    return usage ();

  draft.expires_at = parse_expiry (opt_expires);
  if (draft.expires_at == 0)
    {
      tarmac_cli_print_error (_("“%s” is not a date (YYYY-MM-DD) or an ISO 8601 time"), opt_expires);
      return EXIT_USAGE;
    }

  recipients = g_strsplit (opt_to, ",", 64);
  for (gsize i = 0; recipients[i] != NULL; i++)
    g_strstrip (recipients[i]);

  draft.traveller_id = opt_traveller;
  draft.recipients = (const char * const *) recipients;
  draft.reason = opt_reason;
  draft.author = opt_author != NULL ? opt_author : g_get_user_name ();

  replica = tarmac_sync_replica_new (store, &error);
  if (replica != NULL)
    record_id = tarmac_sync_replica_send_lookout (replica, &draft, &error);
  if (record_id == NULL)
    {
      tarmac_cli_print_error ("%s", error->message);
      return EXIT_FAILED;
    }

  g_print ("%s\n", record_id);
  tarmac_cli_warn_held (replica, opt_to);
  return EXIT_OK;
}

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

static int
lookout_list (TarmacStore  *store,
              int           argc,
              char        **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TarmacSyncReplica) replica = NULL;
  g_autoptr(GListModel) lookouts = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  if (!tarmac_cli_parse_options (&argc, &argv, list_entries, &error))
    {
      tarmac_cli_print_error ("%s", error->message);
      return EXIT_USAGE;
    }

  replica = tarmac_sync_replica_new (store, &error);
  if (replica == NULL || !tarmac_sync_replica_expire_lookouts (replica, NULL, &error)
      || (lookouts = tarmac_lookout_list (store, &error)) == NULL)
    {
      tarmac_cli_print_error ("%s", error->message);
      return EXIT_FAILED;
    }

  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (lookouts); i++)
    {
      g_autoptr(TarmacLookout) lookout = g_list_model_get_item (lookouts, i);
      g_autoptr(GDateTime) until = g_date_time_new_from_unix_utc (tarmac_lookout_get_expires_at (lookout) / 1000);
      g_autofree char *until_text = g_date_time_format (until, "%Y-%m-%dT%H:%M:%SZ");
      g_auto(GStrv) sites = g_strsplit (tarmac_lookout_get_recipients (lookout), ",", 0);

      if (!opt_json)
        {
          g_print ("%s  %-4s %s, %s  %s  %s  (%u)\n", until_text, tarmac_lookout_get_origin_site (lookout),
                   tarmac_lookout_get_surname (lookout), tarmac_lookout_get_given_names (lookout),
                   tarmac_lookout_get_date_of_birth (lookout) ? tarmac_lookout_get_date_of_birth (lookout) : "",
                   tarmac_lookout_get_reason (lookout), tarmac_lookout_get_n_hits (lookout));
          continue;
        }

      json_builder_begin_object (builder);
      add_string (builder, "record_id", tarmac_lookout_get_record_id (lookout));
      add_string (builder, "origin_site", tarmac_lookout_get_origin_site (lookout));
      add_string (builder, "author", tarmac_lookout_get_author (lookout));
      add_string (builder, "surname", tarmac_lookout_get_surname (lookout));
      add_string (builder, "given_names", tarmac_lookout_get_given_names (lookout));
      add_string (builder, "date_of_birth", tarmac_lookout_get_date_of_birth (lookout));
      add_string (builder, "nationality", tarmac_lookout_get_nationality (lookout));
      add_string (builder, "sex", tarmac_lookout_get_sex (lookout));
      add_string (builder, "document_number", tarmac_lookout_get_document_number (lookout));
      add_string (builder, "reason", tarmac_lookout_get_reason (lookout));
      json_builder_set_member_name (builder, "recipients");
      json_builder_begin_array (builder);
      for (gsize s = 0; sites[s] != NULL; s++)
        json_builder_add_string_value (builder, sites[s]);
      json_builder_end_array (builder);
      add_string (builder, "expires_at", until_text);
      add_string (builder, "created_at", tarmac_lookout_get_created_at (lookout));
      json_builder_set_member_name (builder, "hits");
      json_builder_add_int_value (builder, tarmac_lookout_get_n_hits (lookout));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  if (opt_json)
    {
      g_autoptr(JsonNode) root = json_builder_get_root (builder);
      g_autofree char *text = json_to_string (root, TRUE);

      g_print ("%s\n", text);
    }
  return EXIT_OK;
}

int
tarmac_cli_lookout (TarmacStore  *store,
                    int           argc,
                    char        **argv)
{
  if (argc >= 2 && g_str_equal (argv[1], "send"))
    return lookout_send (store, argc - 1, argv + 1);
  if (argc >= 2 && g_str_equal (argv[1], "list"))
    return lookout_list (store, argc - 1, argv + 1);

  return usage ();
}
