/* tarmac-countries.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

const char *tarmac_country_lookup (const char *country);
const char *tarmac_country_name   (const char *code);

G_END_DECLS
