/* tarmac-cli-note.c
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
#include "tarmac-note.h"
#include "tarmac-note-receipt.h"
#include "tarmac-sync-replica.h"

/* note send --to CODE[,CODE] [--priority urgent|priority|routine] [--alert] [--author NAME]
 *           [--reply-to UUID] --text TEXT: saves a note (or an alert, or a reply) and queues
 *           it for the hub, in one transaction; `tarmac-cli sync` sends it.
 * note list [--json] [--limit N]: the notes written here and received, newest first,
 *           read through the audited store call the Network page uses, with their thread,
 *           unread state and, in JSON, where they stand at each recipient.
 * note read UUID [--author NAME]: marks a note read here and tells its writer.
 * note unread: how many notes from other airports nobody here has read. */

static char *opt_to = NULL;
static char *opt_priority = NULL;
static char *opt_author = NULL;
static char *opt_text = NULL;
static char *opt_reply_to = NULL;
static gboolean opt_alert = FALSE;
static gboolean opt_json = FALSE;
static int opt_limit = 100;

static const GOptionEntry send_entries[] = {
  { "to", 0, 0, G_OPTION_ARG_STRING, &opt_to, N_("The airports to send it to, comma-separated"), N_("CODES") },
  { "priority", 0, 0, G_OPTION_ARG_STRING, &opt_priority, N_("routine, priority or urgent"), N_("PRIORITY") },
  { "alert", 0, 0, G_OPTION_ARG_NONE, &opt_alert, N_("An alert, to be acknowledged"), NULL },
  { "author", 0, 0, G_OPTION_ARG_STRING, &opt_author, N_("Who writes it (default: the user name)"), N_("NAME") },
  { "text", 0, 0, G_OPTION_ARG_STRING, &opt_text, N_("The text"), N_("TEXT") },
  { "reply-to", 0, 0, G_OPTION_ARG_STRING, &opt_reply_to,
    N_("The note it answers (by default it goes to everyone that note went to)"), N_("UUID") },
  { NULL }
};

static const GOptionEntry read_entries[] = {
  { "author", 0, 0, G_OPTION_ARG_STRING, &opt_author, N_("Who reads it (default: the user name)"), N_("NAME") },
  { NULL }
};

static const GOptionEntry list_entries[] = {
  { "json", 0, 0, G_OPTION_ARG_NONE, &opt_json, N_("Print JSON"), NULL },
  { "limit", 0, 0, G_OPTION_ARG_INT, &opt_limit, N_("At most N notes (default 100)"), N_("N") },
  { NULL }
};

static const char * const priorities[] = { "routine", "priority", "urgent" };

static int
usage (void)
{
  tarmac_cli_print_error (_("usage: tarmac-cli note send --to CODE[,CODE] [--priority urgent] "
                            "[--alert] [--reply-to UUID] --text TEXT | note list [--json] | "
                            "note read UUID | note unread"));
  return EXIT_USAGE;
}

static int
note_send (TarmacStore  *store,
           int           argc,
           char        **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TarmacSyncReplica) replica = NULL;
  g_autoptr(TarmacNote) note = NULL;
  g_auto(GStrv) recipients = NULL;
  TarmacNoteDraft draft = { 0 };

  if (!tarmac_cli_parse_options (&argc, &argv, send_entries, &error))
    {
      tarmac_cli_print_error ("%s", error->message);
      return EXIT_USAGE;
    }
  if (opt_text == NULL)
    return usage ();

  draft.priority = TARMAC_NOTE_PRIORITY_ROUTINE;
  for (guint i = 0; opt_priority != NULL && i < G_N_ELEMENTS (priorities); i++)
    if (g_str_equal (opt_priority, priorities[i]))
      draft.priority = (TarmacNotePriority) i;
  if (opt_priority != NULL && !g_str_equal (opt_priority, priorities[draft.priority]))
    return usage ();

  if (opt_to != NULL)
    {
      recipients = g_strsplit (opt_to, ",", 64);
      for (gsize i = 0; recipients[i] != NULL; i++)
        g_strstrip (recipients[i]);
    }

  draft.kind = opt_alert ? "alert" : "note";
  draft.recipients = (const char * const *) recipients;
  draft.author = opt_author != NULL ? opt_author : g_get_user_name ();
  draft.text = opt_text;
  draft.reply_to = opt_reply_to;

  replica = tarmac_sync_replica_new (store, &error);
  if (replica != NULL)
    note = tarmac_sync_replica_save_note (replica, &draft, &error);
  if (note == NULL)
    {
      tarmac_cli_print_error ("%s", error->message);
      return EXIT_FAILED;
    }

  g_print ("%s\n", tarmac_note_get_uuid (note));
  tarmac_cli_warn_held (replica, tarmac_note_get_recipients (note));
  return EXIT_OK;
}

static gboolean
add_receipts (JsonBuilder        *builder,
              TarmacSyncReplica  *replica,
              const char         *uuid,
              GError            **error)
{
  g_autoptr(GListModel) receipts = tarmac_sync_replica_list_receipts (replica, uuid, error);

  if (receipts == NULL)
    return FALSE;

  json_builder_set_member_name (builder, "receipts");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (receipts); i++)
    {
      g_autoptr(TarmacNoteReceipt) receipt = g_list_model_get_item (receipts, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "site");
      json_builder_add_string_value (builder, tarmac_note_receipt_get_site (receipt));
      json_builder_set_member_name (builder, "state");
      json_builder_add_string_value (builder, tarmac_note_receipt_get_state (receipt));
      json_builder_set_member_name (builder, "at");
      json_builder_add_string_value (builder, tarmac_note_receipt_get_at (receipt));
      if (tarmac_note_receipt_get_read_by (receipt) != NULL)
        {
          json_builder_set_member_name (builder, "read_by");
          json_builder_add_string_value (builder, tarmac_note_receipt_get_read_by (receipt));
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  return TRUE;
}

static int
note_list (TarmacStore  *store,
           int           argc,
           char        **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) notes = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  g_autoptr(TarmacSyncReplica) replica = NULL;

  if (!tarmac_cli_parse_options (&argc, &argv, list_entries, &error))
    {
      tarmac_cli_print_error ("%s", error->message);
      return EXIT_USAGE;
    }

  replica = tarmac_sync_replica_new (store, &error);
  if (replica != NULL)
    notes = tarmac_store_list_recent_notes (store, (guint) CLAMP (opt_limit, 1, 100000), &error);
  if (notes == NULL)
    {
      tarmac_cli_print_error ("%s", error->message);
      return EXIT_FAILED;
    }

  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (notes); i++)
    {
      g_autoptr(TarmacNote) note = g_list_model_get_item (notes, i);

      if (!opt_json)
        {
          g_print ("%s %s %-4s %-8s %s%s: %s\n", tarmac_note_get_unread (note) ? "*" : " ",
                   tarmac_note_get_created_at (note),
                   tarmac_note_get_origin_site (note), priorities[tarmac_note_get_priority (note)],
                   tarmac_note_get_reply_to (note) != NULL ? "↳ " : "",
                   tarmac_note_get_author (note), tarmac_note_get_body (note));
          continue;
        }

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "uuid");
      json_builder_add_string_value (builder, tarmac_note_get_uuid (note));
      json_builder_set_member_name (builder, "origin_site");
      json_builder_add_string_value (builder, tarmac_note_get_origin_site (note));
      json_builder_set_member_name (builder, "author");
      json_builder_add_string_value (builder, tarmac_note_get_author (note));
      json_builder_set_member_name (builder, "priority");
      json_builder_add_string_value (builder, priorities[tarmac_note_get_priority (note)]);
      json_builder_set_member_name (builder, "subject_type");
      json_builder_add_string_value (builder, tarmac_note_get_subject_type (note));
      json_builder_set_member_name (builder, "subject_ref");
      json_builder_add_string_value (builder, tarmac_note_get_subject_ref (note));
      json_builder_set_member_name (builder, "text");
      json_builder_add_string_value (builder, tarmac_note_get_body (note));
      json_builder_set_member_name (builder, "created_at");
      json_builder_add_string_value (builder, tarmac_note_get_created_at (note));
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder, tarmac_note_get_kind (note));
      json_builder_set_member_name (builder, "recipients");
      json_builder_begin_array (builder);
      {
        g_auto(GStrv) sites = g_strsplit (tarmac_note_get_recipients (note), ",", 0);

        for (gsize s = 0; sites[s] != NULL; s++)
          if (*sites[s] != '\0')
            json_builder_add_string_value (builder, sites[s]);
      }
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "delivery");
      json_builder_add_string_value (builder, tarmac_note_get_delivery (note));
      json_builder_set_member_name (builder, "reply_to");
      json_builder_add_string_value (builder, tarmac_note_get_reply_to (note));
      json_builder_set_member_name (builder, "thread");
      json_builder_add_string_value (builder, tarmac_note_get_thread_root (note) != NULL
                                              ? tarmac_note_get_thread_root (note)
                                              : tarmac_note_get_uuid (note));
      json_builder_set_member_name (builder, "unread");
      json_builder_add_boolean_value (builder, tarmac_note_get_unread (note));
      json_builder_set_member_name (builder, "read_at");
      json_builder_add_string_value (builder, tarmac_note_get_read_at (note));
      if (!add_receipts (builder, replica, tarmac_note_get_uuid (note), &error))
        {
          tarmac_cli_print_error ("%s", error->message);
          return EXIT_FAILED;
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  if (opt_json)
    {
      root = json_builder_get_root (builder);
      text = json_to_string (root, TRUE);
      g_print ("%s\n", text);
    }
  return EXIT_OK;
}

static int
note_read (TarmacStore  *store,
           int           argc,
           char        **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TarmacSyncReplica) replica = NULL;
  const char *uuid;

  /* The uuid first, then the options (it stands in for the program name). */
  if (argc < 2 || argv[1][0] == '-')
    return usage ();
  uuid = argv[1];
  argc--;
  argv++;
  if (!tarmac_cli_parse_options (&argc, &argv, read_entries, &error))
    {
      tarmac_cli_print_error ("%s", error->message);
      return EXIT_USAGE;
    }

  replica = tarmac_sync_replica_new (store, &error);
  if (replica == NULL
      || !tarmac_sync_replica_mark_read (replica, uuid,
                                         opt_author != NULL ? opt_author : g_get_user_name (), &error))
    {
      tarmac_cli_print_error ("%s", error->message);
      return EXIT_FAILED;
    }

  return EXIT_OK;
}

static int
note_unread (TarmacStore  *store,
             int           argc,
             char        **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TarmacSyncReplica) replica = NULL;
  gint64 unread = -1;

  replica = tarmac_sync_replica_new (store, &error);
  if (replica != NULL)
    unread = tarmac_sync_replica_count_unread (replica, &error);
  if (unread < 0)
    {
      tarmac_cli_print_error ("%s", error->message);
      return EXIT_FAILED;
    }

  g_print ("%" G_GINT64_FORMAT "\n", unread);
  return EXIT_OK;
}

int
tarmac_cli_note (TarmacStore  *store,
                 int           argc,
                 char        **argv)
{
  if (argc >= 2 && g_str_equal (argv[1], "send"))
    return note_send (store, argc - 1, argv + 1);
  if (argc >= 2 && g_str_equal (argv[1], "list"))
    return note_list (store, argc - 1, argv + 1);
  if (argc >= 2 && g_str_equal (argv[1], "read"))
    return note_read (store, argc - 1, argv + 1);
  if (argc >= 2 && g_str_equal (argv[1], "unread"))
    return note_unread (store, argc - 1, argv + 1);

  return usage ();
}
