/* tarmac-cli-sync.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <sodium.h>

#include "tarmac-cli-private.h"
#include "tarmac-key-change.h"
#include "tarmac-site-desk.h"
#include "tarmac-sync-client.h"
#include "tarmac-sync-error.h"

/* sync enrol --hub URL --code CODE --fingerprint FP: makes this database a device of the
 * site the code was made for.
 * sync [--watch] [--rounds N] [--json]: one round (hello, roster, push, pull), or rounds
 * until stopped: after each, up to 25 s of waiting for the hub's news on its notification
 * socket (a long-poll when the socket cannot be had); after a failure, a pause of full
 * jitter (random between 0 and 2^n s, at most 5 min) so a hub that comes back is not
 * flooded. A refusal that no retry can change (this device revoked, unknown to the hub,
 * or a restored copy) ends it. Everything is transactional: stopping it at any moment
 * (even kill -9) loses nothing.
 * sync devices [--json]: the desks of this airport, from a fresh roster, with the
 * confirmation code of those that wait for the airport's key.
 * sync approve DEVICE_ID --code CODE: hands the airport's key to that desk when CODE is
 * the one it shows (tarmac-site-handover.c).
 * sync rotate-key: replaces the airport's key (after a desk was revoked).
 * sync keys [--json]: the codes of this airport's key and of this desk's signing key, and
 * the keys the roster changed without proof, which wait for an officer (tarmac-sync-pins.c).
 * sync trust SITE|DEVICE_ID CODE: accepts such a key once its code was compared by phone. */

static char *opt_hub = NULL;
static char *opt_code = NULL;
static char *opt_fingerprint = NULL;
static gboolean opt_watch = FALSE;
static gboolean opt_json = FALSE;
static int opt_rounds = 0;

static const GOptionEntry enrol_entries[] = {
  { "hub", 0, 0, G_OPTION_ARG_STRING, &opt_hub, N_("The hub’s address, https://HOST:PORT"), N_("URL") },
  { "code", 0, 0, G_OPTION_ARG_STRING, &opt_code, N_("The one-time enrolment code"), N_("CODE") },
  { "fingerprint", 0, 0, G_OPTION_ARG_STRING, &opt_fingerprint,
    N_("The hub certificate’s SHA-256 fingerprint, as read out by its administrator"), N_("FP") },
  { NULL }
};

static const GOptionEntry approve_entries[] = {
  { "code", 0, 0, G_OPTION_ARG_STRING, &opt_code,
    N_("The confirmation code the new desk shows"), N_("CODE") },
  { NULL }
};

static const GOptionEntry devices_entries[] = {
  { "json", 0, 0, G_OPTION_ARG_NONE, &opt_json, N_("Print JSON"), NULL },
  { NULL }
};

static const GOptionEntry sync_entries[] = {
  { "watch", 0, 0, G_OPTION_ARG_NONE, &opt_watch, N_("Keep syncing as changes arrive"), NULL },
  { "rounds", 0, 0, G_OPTION_ARG_INT, &opt_rounds, N_("With --watch, stop after N rounds"), N_("N") },
  { "json", 0, 0, G_OPTION_ARG_NONE, &opt_json, N_("Print each round as JSON"), NULL },
  { NULL }
};

/* Refusals that waiting does not change. */
static gboolean
is_final (const GError *error)
{
  return error->domain == TARMAC_SYNC_ERROR
         && (error->code == TARMAC_SYNC_ERROR_REVOKED
             || error->code == TARMAC_SYNC_ERROR_UNKNOWN_DEVICE
             || error->code == TARMAC_SYNC_ERROR_SEQ_REUSE);
}

static void
print_stats (const TarmacSyncStats *stats)
{
  if (opt_json)
    g_print ("{\"pushed\":%u,\"pulled\":%u,\"requests\":%u,\"bytes_up\":%zu,\"bytes_down\":%zu}\n",
             stats->pushed, stats->pulled, stats->requests, (size_t) stats->bytes_up,
             (size_t) stats->bytes_down);
  else
    g_print (_("Sent %u, received %u\n"), stats->pushed, stats->pulled);
}

static int
enrol (TarmacSyncClient  *client,
       TarmacSyncReplica *replica,
       int                argc,
       char             **argv)
{
  g_autoptr(GError) error = NULL;

  if (!tarmac_cli_parse_options (&argc, &argv, enrol_entries, &error))
    {
      tarmac_cli_print_error ("%s", error->message);
      return EXIT_USAGE;
    }
  if (opt_hub == NULL || opt_code == NULL || opt_fingerprint == NULL)
    {
      tarmac_cli_print_error (_("usage: tarmac-cli sync enrol --hub URL --code CODE --fingerprint FP"));
      return EXIT_USAGE;
    }

  if (!tarmac_sync_client_enrol (client, opt_hub, opt_code, opt_fingerprint, &error))
    {
      tarmac_cli_print_error ("%s", error->message);
      return EXIT_FAILED;
    }

  g_print (_("Enrolled as a device of %s\n"), tarmac_sync_replica_get_site (replica));
  if (tarmac_sync_replica_is_awaiting_key (replica))
    {
      g_autofree char *code = tarmac_sync_replica_dup_desk_code (replica);

      /* Translators: %1$s is the airport, %2$s the confirmation code, %3$s the device id */
      g_print (_("%1$s already has desks: this one reads notes once one of them approves it.\n"
                 "Code to read to them: %2$s\n"
                 "(at that desk: tarmac-cli sync approve %3$s --code %2$s)\n"),
               tarmac_sync_replica_get_site (replica), code,
               tarmac_device_keys_get_device_id (tarmac_sync_replica_get_keys (replica)));
    }
  return EXIT_OK;
}

static int
devices (TarmacSyncClient  *client,
         TarmacSyncReplica *replica,
         int                argc,
         char             **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) desks = NULL;
  g_autoptr(GError) waiting = NULL;

  if (!tarmac_cli_parse_options (&argc, &argv, devices_entries, &error))
    {
      tarmac_cli_print_error ("%s", error->message);
      return EXIT_USAGE;
    }

  /* A desk still waiting learns here too that it was approved. */
  if (!tarmac_sync_client_refresh_desks (client, &error))
    {
      if (!g_error_matches (error, TARMAC_SYNC_ERROR, TARMAC_SYNC_ERROR_AWAITING_KEY))
        {
          tarmac_cli_print_error ("%s", error->message);
          return EXIT_FAILED;
        }
      waiting = g_steal_pointer (&error);
    }
  desks = tarmac_sync_replica_list_desks (replica, &error);
  if (desks == NULL)
    {
      tarmac_cli_print_error ("%s", error->message);
      return EXIT_FAILED;
    }

  if (opt_json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
      g_autoptr(JsonNode) root = NULL;
      g_autofree char *text = NULL;

      json_builder_begin_array (builder);
      for (guint i = 0; i < g_list_model_get_n_items (desks); i++)
        {
          g_autoptr(TarmacSiteDesk) desk = g_list_model_get_item (desks, i);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "device_id");
          json_builder_add_string_value (builder, tarmac_site_desk_get_device_id (desk));
          json_builder_set_member_name (builder, "status");
          json_builder_add_string_value (builder, tarmac_site_desk_get_status (desk));
          json_builder_set_member_name (builder, "key");
          json_builder_add_string_value (builder, tarmac_site_desk_get_waiting (desk) ? "waiting" : "held");
          json_builder_set_member_name (builder, "this_desk");
          json_builder_add_boolean_value (builder, tarmac_site_desk_get_this_desk (desk));
          json_builder_set_member_name (builder, "code");
          if (tarmac_site_desk_get_code (desk) != NULL)
            json_builder_add_string_value (builder, tarmac_site_desk_get_code (desk));
          else
            json_builder_add_null_value (builder);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      root = json_builder_get_root (builder);
      text = json_to_string (root, TRUE);
      g_print ("%s\n", text);
      return EXIT_OK;
    }

  for (guint i = 0; i < g_list_model_get_n_items (desks); i++)
    {
      g_autoptr(TarmacSiteDesk) desk = g_list_model_get_item (desks, i);
      const char *state;

      if (g_strcmp0 (tarmac_site_desk_get_status (desk), "revoked") == 0)
        state = _("revoked");
      else if (tarmac_site_desk_get_waiting (desk))
        state = _("waiting for the key");
      else
        state = _("reads notes");

      g_print ("%s  %-22s %s%s\n", tarmac_site_desk_get_device_id (desk), state,
               tarmac_site_desk_get_code (desk) != NULL ? tarmac_site_desk_get_code (desk) : "",
               tarmac_site_desk_get_this_desk (desk) ? _("  (this desk)") : "");
    }
  if (waiting != NULL)
    g_print ("%s\n", waiting->message);
  return EXIT_OK;
}

static int
keys (TarmacSyncClient  *client,
      TarmacSyncReplica *replica,
      int                argc,
      char             **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) changes = NULL;
  g_autofree char *site_code = NULL;
  g_autofree char *sign_code = NULL;

  if (!tarmac_cli_parse_options (&argc, &argv, devices_entries, &error))
    {
      tarmac_cli_print_error ("%s", error->message);
      return EXIT_USAGE;
    }
  if (!tarmac_sync_replica_is_enrolled (replica))
    {
      tarmac_cli_print_error (_("This workstation is not enrolled in a network"));
      return EXIT_FAILED;
    }

  /* A fresh roster; a desk that waits for its airport's key lists the rest all the same. */
  if (!tarmac_sync_client_refresh_desks (client, &error)
      && !g_error_matches (error, TARMAC_SYNC_ERROR, TARMAC_SYNC_ERROR_AWAITING_KEY))
    {
      tarmac_cli_print_error ("%s", error->message);
      return EXIT_FAILED;
    }
  g_clear_error (&error);

  changes = tarmac_sync_replica_list_key_changes (replica, &error);
  if (changes == NULL)
    {
      tarmac_cli_print_error ("%s", error->message);
      return EXIT_FAILED;
    }
  site_code = tarmac_sync_replica_dup_site_key_code (replica);
  sign_code = tarmac_sync_replica_dup_sign_key_code (replica);

  if (opt_json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
      g_autoptr(JsonNode) root = NULL;
      g_autofree char *text = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "site");
      json_builder_add_string_value (builder, tarmac_sync_replica_get_site (replica));
      json_builder_set_member_name (builder, "site_key_code");
      if (site_code != NULL)
        json_builder_add_string_value (builder, site_code);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "sign_key_code");
      json_builder_add_string_value (builder, sign_code);
      json_builder_set_member_name (builder, "changes");
      json_builder_begin_array (builder);
      for (guint i = 0; i < g_list_model_get_n_items (changes); i++)
        {
          g_autoptr(TarmacKeyChange) change = g_list_model_get_item (changes, i);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "kind");
          json_builder_add_string_value (builder, tarmac_key_change_get_is_site (change) ? "site" : "device");
          json_builder_set_member_name (builder, "subject");
          json_builder_add_string_value (builder, tarmac_key_change_get_subject (change));
          json_builder_set_member_name (builder, "site");
          json_builder_add_string_value (builder, tarmac_key_change_get_site (change));
          json_builder_set_member_name (builder, "pinned_code");
          json_builder_add_string_value (builder, tarmac_key_change_get_old_code (change));
          json_builder_set_member_name (builder, "since");
          json_builder_add_string_value (builder, tarmac_key_change_get_since (change));
          json_builder_set_member_name (builder, "held");
          json_builder_add_int_value (builder, tarmac_key_change_get_n_held (change));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      text = json_to_string (root, TRUE);
      g_print ("%s\n", text);
      return EXIT_OK;
    }

  /* Translators: %1$s is the airport's code, %2$s the key's code (XXXXX-XXXXX-XXXXX-XXXXX) */
  if (site_code != NULL)
    g_print (_("Key of %1$s: %2$s\n"), tarmac_sync_replica_get_site (replica), site_code);
  g_print (_("Signing key of this desk: %s\n"), sign_code);
  for (guint i = 0; i < g_list_model_get_n_items (changes); i++)
    {
      g_autoptr(TarmacKeyChange) change = g_list_model_get_item (changes, i);
      const char *subject = tarmac_key_change_get_subject (change);

      g_print ("\n");
      if (tarmac_key_change_get_is_site (change))
        {
          guint held = tarmac_key_change_get_n_held (change);

          g_print (_("The key of airport %s changed without proof from its desks.\n"), subject);
          /* Translators: a key code (XXXXX-XXXXX-XXXXX-XXXXX); the new key's is not shown,
           * on purpose */
          g_print (_("  key known here: %s\n"), tarmac_key_change_get_old_code (change));
          if (held > 0)
            g_print (ngettext ("  %1$u note to %2$s is held until you accept the new key.\n",
                               "  %1$u notes to %2$s are held until you accept the new key.\n", held),
                     held, subject);
          /* Translators: %s is an airport's code; "Preferences → Network" and "Code of the
           * Airport’s Key" as in the app's preferences window */
          g_print (_("  Call %1$s by a number you already know and ask them to read out the code of\n"
                     "  their key (Preferences → Network, Code of the Airport’s Key, or tarmac-cli sync\n"
                     "  keys there); then: tarmac-cli sync trust %1$s CODE (refused if it is not the new key’s)\n"),
                   subject);
        }
      else
        {
          /* Translators: %1$s is a device id, %2$s its airport */
          g_print (_("The signing key of the desk %1$s of %2$s changed: what it sends is refused.\n"),
                   subject, tarmac_key_change_get_site (change));
          g_print (_("  key known here: %s\n"), tarmac_key_change_get_old_code (change));
          g_print (_("  Call that desk’s airport and ask them to read out the code of its signing key\n"
                     "  (tarmac-cli sync keys there); then: tarmac-cli sync trust %s CODE\n"
                     "  (refused if it is not the new key’s)\n"), subject);
        }
    }

  return EXIT_OK;
}

/**
 * tarmac_cli_warn_held:
 * @recipients: the airports a note or lookout just saved goes to, comma-separated
 *
 * Says which of them it is held back from (their key changed without proof).
 */
void
tarmac_cli_warn_held (TarmacSyncReplica *replica,
                      const char        *recipients)
{
  g_autoptr(GListModel) changes = tarmac_sync_replica_list_key_changes (replica, NULL);
  g_auto(GStrv) sites = g_strsplit (recipients != NULL ? recipients : "", ",", 64);

  for (guint i = 0; changes != NULL && i < g_list_model_get_n_items (changes); i++)
    {
      g_autoptr(TarmacKeyChange) change = g_list_model_get_item (changes, i);
      const char *site = tarmac_key_change_get_subject (change);

      if (tarmac_key_change_get_is_site (change) && g_strv_contains ((const char * const *) sites, site))
        tarmac_cli_print_error (_("Held for %1$s: its key changed without proof from its desks. It is "
                                  "sent once an officer accepts the new key (tarmac-cli sync keys, then "
                                  "tarmac-cli sync trust %1$s CODE)"), site);
    }
}

static int
trust (TarmacSyncReplica *replica,
       int                argc,
       char             **argv)
{
  g_autoptr(GError) error = NULL;
  gint64 held;

  if (argc != 3)
    {
      tarmac_cli_print_error (_("usage: tarmac-cli sync trust SITE|DEVICE_ID CODE"));
      return EXIT_USAGE;
    }

  held = tarmac_sync_replica_count_held (replica, argv[1]);
  if (!tarmac_sync_replica_trust_key (replica, argv[1], argv[2], &error))
    {
      tarmac_cli_print_error ("%s", error->message);
      return error->code == TARMAC_SYNC_ERROR_BAD_CODE ? EXIT_FAILED : EXIT_USAGE;
    }

  if (g_uuid_string_is_valid (argv[1]))
    g_print (_("The new signing key of the desk %s is accepted\n"), argv[1]);
  else if (held > 0)
    g_print (ngettext ("The new key of %1$s is accepted: %2$u held note goes to it at the next sync\n",
                       "The new key of %1$s is accepted: %2$u held notes go to it at the next sync\n",
                       (gulong) held),
             argv[1], (guint) held);
  else
    g_print (_("The new key of %s is accepted\n"), argv[1]);
  return EXIT_OK;
}

static int
approve (TarmacSyncClient  *client,
         int                argc,
         char             **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *device_id = NULL;

  /* argv: approve DEVICE_ID [--code CODE]; the id stands where the options' parser
   * expects the program's name. */
  if (argc < 2 || argv[1][0] == '-')
    {
      tarmac_cli_print_error (_("usage: tarmac-cli sync approve DEVICE_ID --code CODE"));
      return EXIT_USAGE;
    }
  device_id = g_strdup (argv[1]);
  argc--;
  argv++;
  if (!tarmac_cli_parse_options (&argc, &argv, approve_entries, &error))
    {
      tarmac_cli_print_error ("%s", error->message);
      return EXIT_USAGE;
    }
  if (opt_code == NULL)
    {
      tarmac_cli_print_error (_("usage: tarmac-cli sync approve DEVICE_ID --code CODE"));
      return EXIT_USAGE;
    }

  if (!tarmac_sync_client_approve (client, device_id, opt_code, &error))
    {
      tarmac_cli_print_error ("%s", error->message);
      return EXIT_FAILED;
    }

  g_print (_("The desk %s can read this airport’s notes at its next sync\n"), device_id);
  return EXIT_OK;
}

int
tarmac_cli_sync (TarmacStore  *store,
                 int           argc,
                 char        **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TarmacSyncReplica) replica = NULL;
  g_autoptr(TarmacSyncClient) client = NULL;
  guint failures = 0;

  replica = tarmac_sync_replica_new (store, &error);
  if (replica == NULL)
    {
      tarmac_cli_print_error ("%s", error->message);
      return EXIT_FAILED;
    }
  client = tarmac_sync_client_new (replica);

  if (argc > 1 && g_str_equal (argv[1], "enrol"))
    return enrol (client, replica, argc - 1, argv + 1);
  if (argc > 1 && g_str_equal (argv[1], "devices"))
    return devices (client, replica, argc - 1, argv + 1);
  if (argc > 1 && g_str_equal (argv[1], "approve"))
    return approve (client, argc - 1, argv + 1);
  if (argc > 1 && g_str_equal (argv[1], "keys"))
    return keys (client, replica, argc - 1, argv + 1);
  if (argc > 1 && g_str_equal (argv[1], "trust"))
    return trust (replica, argc - 1, argv + 1);
  if (argc == 2 && g_str_equal (argv[1], "rotate-key"))
    {
      guint sealed = 0, left_out = 0;

      if (!tarmac_sync_client_rotate_site_key (client, &sealed, &left_out, &error))
        {
          tarmac_cli_print_error ("%s", error->message);
          return EXIT_FAILED;
        }
      /* Translators: %1$s is the airport's code */
      g_print (ngettext ("New key of %1$s sent to %2$u desk (this one included)\n",
                         "New key of %1$s sent to %2$u desks (this one included)\n", sealed),
               tarmac_sync_replica_get_site (replica), sealed);
      if (left_out > 0)
        g_print (ngettext ("%u desk could not prove it held the key: it must be approved again\n",
                           "%u desks could not prove they held the key: they must be approved again\n",
                           left_out),
                 left_out);
      return EXIT_OK;
    }

  if (!tarmac_cli_parse_options (&argc, &argv, sync_entries, &error))
    {
      tarmac_cli_print_error ("%s", error->message);
      return EXIT_USAGE;
    }

  for (int round = 0; ; round++)
    {
      TarmacSyncStats stats;
      gboolean more = FALSE;

      if (opt_rounds > 0 && round >= opt_rounds)
        return EXIT_OK;

      g_clear_error (&error);
      if (tarmac_sync_client_sync (client, &stats, &error)
          && (!opt_watch || tarmac_sync_client_wait (client, 25, &more, &error)))
        {
          failures = 0;
          print_stats (&stats);
          if (!opt_watch)
            return EXIT_OK;
          continue;
        }

      tarmac_cli_print_error ("%s", error->message);
      if (!opt_watch || is_final (error))
        return EXIT_FAILED;

      /* Full jitter: 0 to min (300, 2^n) seconds. */
      failures = MIN (failures + 1, 9);
      g_usleep ((gulong) randombytes_uniform ((guint32) MIN (300, 1u << failures) * 1000) * 1000);
    }
}
