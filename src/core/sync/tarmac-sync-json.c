/* tarmac-sync-json.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-sync"

#include "config.h"

#include <glib/gi18n.h>
#include <sodium.h>
#include <string.h>

#include "tarmac-sync-error.h"
#include "tarmac-sync-json.h"

/* JSON from the network, parsed only after it has passed three cheap checks: a byte cap,
 * valid UTF-8 without NUL, and a one-pass scan of the nesting depth that knows about
 * strings and escapes. json-glib 1.6 recurses once per level with no limit, so 100,000
 * '[' (100 KB) would crash the process before any other check could run. */

static gboolean
check_depth (const char  *data,
             gsize        length,
             guint        max_depth,
             GError     **error)
{
  gboolean in_string = FALSE;
  gboolean escaped = FALSE;
  guint depth = 0;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (escaped)
            escaped = FALSE;
          else if (c == '\\')
            escaped = TRUE;
          else if (c == '"')
            in_string = FALSE;
          continue;
        }

      switch (c)
        {
        case '"':
          in_string = TRUE;
          break;

        case '[':
        case '{':
          if (++depth > max_depth)
            {
              g_set_error (error, TARMAC_SYNC_ERROR, TARMAC_SYNC_ERROR_TOO_LARGE,
                           _("JSON nested deeper than %u levels at byte %zu"),
                           max_depth, (size_t) i);
              return FALSE;
            }
          break;

        case ']':
        case '}':
          if (depth > 0)
            depth--;
          break;

        default:
          break;
        }
    }

  return TRUE;
}

/**
 * tarmac_sync_json_parse:
 * @data: the bytes, not necessarily NUL-terminated
 * @length: their length
 * @max_bytes: refuse more than this
 * @max_depth: refuse nesting deeper than this
 * @error: a #TARMAC_SYNC_ERROR: TOO_LARGE or MALFORMED
 *
 * Parses untrusted JSON without letting it exhaust the stack or memory.
 *
 * Returns: (transfer full): the root node
 */
JsonNode *
tarmac_sync_json_parse (const char  *data,
                        gsize        length,
                        gsize        max_bytes,
                        guint        max_depth,
                        GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *end = NULL;
  JsonNode *root;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (length > max_bytes)
    {
      g_set_error (error, TARMAC_SYNC_ERROR, TARMAC_SYNC_ERROR_TOO_LARGE,
                   _("JSON of %zu bytes, more than the %zu allowed"),
                   (size_t) length, (size_t) max_bytes);
      return NULL;
    }

  if (!g_utf8_validate_len (data, length, &end))
    {
      g_set_error (error, TARMAC_SYNC_ERROR, TARMAC_SYNC_ERROR_MALFORMED,
                   _("JSON that is not UTF-8 text at byte %zu"), (size_t) (end - data));
      return NULL;
    }

  if (!check_depth (data, length, max_depth, error))
    return NULL;

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, (gssize) length, &local_error))
    {
      g_set_error (error, TARMAC_SYNC_ERROR, TARMAC_SYNC_ERROR_MALFORMED,
                   _("Malformed JSON: %s"), local_error->message);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL)
    {
      g_set_error (error, TARMAC_SYNC_ERROR, TARMAC_SYNC_ERROR_MALFORMED,
                   _("Empty JSON document"));
      return NULL;
    }

  return json_node_ref (root);
}

/**
 * tarmac_sync_json_get_bytes:
 * @object: (nullable): an object of a roster, a chain link or an answer
 * @member: the member holding standard base64
 * @out: (out caller-allocates) (array length=size): where the bytes go
 * @size: how many bytes the member must hold, no more and no fewer (a key, a signature)
 *
 * Returns: whether @member is base64 of exactly @size bytes
 */
gboolean
tarmac_sync_json_get_bytes (JsonObject *object,
                            const char *member,
                            guint8     *out,
                            gsize       size)
{
  const char *text = object != NULL ? json_object_get_string_member_with_default (object, member, NULL)
                                    : NULL;
  size_t length = 0;

  return text != NULL
         && sodium_base642bin (out, size, text, strlen (text), NULL, &length, NULL,
                               sodium_base64_VARIANT_ORIGINAL) == 0
         && length == size;
}
