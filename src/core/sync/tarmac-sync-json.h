/* tarmac-sync-json.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Nesting allowed in anything that comes over the network: an envelope is 3 deep, a push
 * batch 5; json-glib 1.6 itself has no limit and overflows the stack (research/sync.md §2.6). */
#define TARMAC_SYNC_JSON_MAX_DEPTH 32

JsonNode *tarmac_sync_json_parse (const char  *data,
                                  gsize        length,
                                  gsize        max_bytes,
                                  guint        max_depth,
                                  GError     **error);
gboolean  tarmac_sync_json_get_bytes (JsonObject  *object,
                                      const char  *member,
                                      guint8      *out,
                                      gsize        size);

G_END_DECLS
