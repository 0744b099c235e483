/* tarmac-hub-reply.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-hub"

#include "config.h"

#include <string.h>

#include "tarmac-hub-reply.h"

/* What the hub answers: JSON, never cached (the roster, the inbox and the health all
 * change). Shared by the sync endpoints (tarmac-hub-server.c), the health and not-found
 * handlers (tarmac-hub.c) and the answers the database builds (tarmac-hub-db.c). */

/**
 * tarmac_hub_json_strings:
 * @first_name: the first member's name, then its value, then more names and values,
 *   ending with %NULL
 *
 * The small answers, {"status": "ok"} or {"error": "malformed"}: an object of strings.
 *
 * Returns: (transfer full): the object
 */
JsonNode *
tarmac_hub_json_strings (const char *first_name,
                         ...)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  va_list ap;

  json_builder_begin_object (builder);
  va_start (ap, first_name);
  for (const char *name = first_name; name != NULL; name = va_arg (ap, const char *))
    {
      json_builder_set_member_name (builder, name);
      json_builder_add_string_value (builder, va_arg (ap, const char *));
    }
  va_end (ap);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/**
 * tarmac_hub_reply_json:
 * @msg: the request being answered
 * @status: the HTTP status
 * @node: the body
 *
 * Answers @msg with @node, with Cache-Control: no-store.
 */
void
tarmac_hub_reply_json (SoupServerMessage *msg,
                       guint              status,
                       JsonNode          *node)
{
  g_autofree char *body = json_to_string (node, FALSE);
  gsize length = strlen (body);

  soup_server_message_set_status (msg, status, NULL);
  soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                "Cache-Control", "no-store");
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_TAKE,
                                    g_steal_pointer (&body), length);
}
