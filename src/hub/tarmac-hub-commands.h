/* tarmac-hub-commands.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

int tarmac_hub_run_command (int    argc,
                            char **argv);

G_END_DECLS
