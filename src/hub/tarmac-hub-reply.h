/* tarmac-hub-reply.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

G_BEGIN_DECLS

JsonNode *tarmac_hub_json_strings (const char        *first_name,
                                   ...) G_GNUC_NULL_TERMINATED;
void      tarmac_hub_reply_json   (SoupServerMessage *msg,
                                   guint              status,
                                   JsonNode          *node);

G_END_DECLS
