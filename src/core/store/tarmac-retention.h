/* tarmac-retention.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "tarmac-store.h"

G_BEGIN_DECLS

/* The defaults of the Preferences (GSettings retention-mask-months and
 * retention-delete-years), DESIGN.md §8. */
#define TARMAC_RETENTION_DEFAULT_MASK_MONTHS  6
#define TARMAC_RETENTION_DEFAULT_DELETE_YEARS 5

/**
 * TarmacRetentionPolicy:
 * @mask_after_months: personal data of travellers whose flight is older than this is
 *   masked (1 to 120)
 * @delete_after_years: personal data whose flight is older than this, or whose
 *   retain_until has passed, is deleted (1 to 30; not before masking)
 * @now: (nullable): the moment to apply the policy at, UTC ISO 8601
 *   ("2026-11-22T00:00:00Z"); %NULL means the wall clock. Tests pass a fixed time.
 * @batch_size: travellers masked or deleted per transaction; 0 for the default. Short
 *   transactions keep the officer's own writes (audit rows) from waiting on a long job.
 */
typedef struct
{
  guint       mask_after_months;
  guint       delete_after_years;
  const char *now;
  guint       batch_size;
} TarmacRetentionPolicy;

/**
 * TarmacRetentionStats:
 * @travellers_masked: travellers whose names, birth date, places, seat, bag tags and
 *   booking reference were masked
 * @documents_masked: their travel documents
 * @pnrs_masked: PNRs whose contacts, payments, SSR texts and history texts were masked
 *   (every traveller booked in them is masked)
 * @travellers_deleted: travellers deleted, with their documents, findings and hits
 * @pnrs_deleted: PNRs deleted, with their contacts, payments, itinerary, SSRs and history
 * @notes_deleted: notes deleted
 * @travellers_kept: travellers old enough to be masked or deleted but kept, because a hit
 *   about them is not cleared
 */
typedef struct
{
  guint travellers_masked;
  guint documents_masked;
  guint pnrs_masked;
  guint travellers_deleted;
  guint pnrs_deleted;
  guint notes_deleted;
  guint travellers_kept;
} TarmacRetentionStats;

void     tarmac_retention_policy_init  (TarmacRetentionPolicy        *policy);
gboolean tarmac_retention_validate     (const TarmacRetentionPolicy  *policy,
                                        GError                      **error);
gboolean tarmac_retention_apply        (TarmacStore                  *store,
                                        const TarmacRetentionPolicy  *policy,
                                        TarmacRetentionStats         *stats,
                                        GError                      **error);
void     tarmac_retention_apply_async  (const char                   *path,
                                        const char                   *actor,
                                        const TarmacRetentionPolicy  *policy,
                                        GCancellable                 *cancellable,
                                        GAsyncReadyCallback           callback,
                                        gpointer                      user_data);
gboolean tarmac_retention_apply_finish (GAsyncResult                 *result,
                                        TarmacRetentionStats         *stats,
                                        GError                      **error);

G_END_DECLS
