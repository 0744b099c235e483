/* tarmac-migrations-private.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  guint       version;
  const char *description;
  const char *sql;
} TarmacMigration;

const TarmacMigration *_tarmac_migrations_get (guint *n_migrations);

G_END_DECLS
