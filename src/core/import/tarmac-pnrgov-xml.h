/* tarmac-pnrgov-xml.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "tarmac-pnrgov.h"

G_BEGIN_DECLS

gboolean tarmac_pnrgov_xml_parse (const guint8  *data,
                                  gsize          length,
                                  const char    *card_key,
                                  GPtrArray    **messages,
                                  GPtrArray    **warnings,
                                  GError       **error);

G_END_DECLS
