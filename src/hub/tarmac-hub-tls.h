/* tarmac-hub-tls.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

gboolean  tarmac_hub_tls_generate    (const char * const  *names,
                                      GBytes             **cert_pem,
                                      GBytes             **key_pem,
                                      GError             **error);

G_END_DECLS
