/* tarmac-test-desk.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tarmac-sync-client.h"
#include "tarmac-sync-replica.h"
#include "tarmac-test-hub.h"

G_BEGIN_DECLS

/* A workstation of the sync tests: its database in the test's data dir, its replica and
 * its client of the hub. */

typedef struct
{
  TarmacStore       *store;
  TarmacSyncReplica *replica;
  TarmacSyncClient  *client;
} TarmacTestDesk;

static inline void
tarmac_test_desk_open (TarmacTestDesk *desk,
                       const char     *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *file = g_strdup_printf ("%s.db", name);
  g_autofree char *path = tarmac_test_db_path (file);

  desk->store = tarmac_store_open (path, &error);
  g_assert_no_error (error);
  desk->replica = tarmac_sync_replica_new (desk->store, &error);
  g_assert_no_error (error);
  desk->client = tarmac_sync_client_new (desk->replica);
}

static inline void
tarmac_test_desk_close (TarmacTestDesk *desk)
{
  g_clear_object (&desk->client);
  g_clear_object (&desk->replica);
  g_clear_object (&desk->store);
}

/* Enrols @desk at @site with a one-time code from @hub. */
static inline void
tarmac_test_desk_enrol (TarmacTestHub  *hub,
                        TarmacTestDesk *desk,
                        const char     *site)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *code = tarmac_test_hub_run (hub, "enrol-code", site, NULL);

  g_assert_true (tarmac_sync_client_enrol (desk->client, hub->url, code, hub->fingerprint, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (tarmac_sync_replica_get_site (desk->replica), ==, site);
}

/* One sync round of @desk, which must succeed. */
static inline void
tarmac_test_desk_sync (TarmacTestDesk *desk)
{
  g_autoptr(GError) error = NULL;
  gboolean ok = tarmac_sync_client_sync (desk->client, NULL, &error);

  g_assert_no_error (error);
  g_assert_true (ok);
}

/* Saves a routine note from @desk to @to (%NULL: to no other airport). */
static inline void
tarmac_test_desk_send_note (TarmacTestDesk     *desk,
                            const char         *text,
                            const char * const *to)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TarmacNote) note = NULL;
  TarmacNoteDraft draft = {
    .kind = "note",
    .priority = TARMAC_NOTE_PRIORITY_ROUTINE,
    .recipients = to,
    .author = "officer-17",
    .text = text,
  };

  note = tarmac_sync_replica_save_note (desk->replica, &draft, &error);
  g_assert_no_error (error);
  g_assert_nonnull (note);
}

G_END_DECLS
