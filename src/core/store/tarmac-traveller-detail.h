/* tarmac-traveller-detail.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "tarmac-store.h"
#include "tarmac-types.h"

G_BEGIN_DECLS

#define TARMAC_TYPE_TRAVELLER_DETAIL (tarmac_traveller_detail_get_type ())

G_DECLARE_FINAL_TYPE (TarmacTravellerDetail, tarmac_traveller_detail, TARMAC, TRAVELLER_DETAIL,
                      GObject)

gint64               tarmac_traveller_detail_get_id                (TarmacTravellerDetail *self);
gint64               tarmac_traveller_detail_get_flight_id         (TarmacTravellerDetail *self);
const char          *tarmac_traveller_detail_get_flight_label      (TarmacTravellerDetail *self);
gboolean             tarmac_traveller_detail_get_masked            (TarmacTravellerDetail *self);
TarmacTravellerKind  tarmac_traveller_detail_get_kind              (TarmacTravellerDetail *self);
gboolean             tarmac_traveller_detail_get_is_infant         (TarmacTravellerDetail *self);
const char          *tarmac_traveller_detail_get_surname           (TarmacTravellerDetail *self);
const char          *tarmac_traveller_detail_get_given_names       (TarmacTravellerDetail *self);
const char          *tarmac_traveller_detail_get_sex               (TarmacTravellerDetail *self);
const char          *tarmac_traveller_detail_get_date_of_birth     (TarmacTravellerDetail *self);
const char          *tarmac_traveller_detail_get_nationality       (TarmacTravellerDetail *self);
const char          *tarmac_traveller_detail_get_residence         (TarmacTravellerDetail *self);
const char          *tarmac_traveller_detail_get_birthplace        (TarmacTravellerDetail *self);
const char          *tarmac_traveller_detail_get_seat              (TarmacTravellerDetail *self);
int                  tarmac_traveller_detail_get_bag_count         (TarmacTravellerDetail *self);
double               tarmac_traveller_detail_get_bag_weight_kg     (TarmacTravellerDetail *self);
const char          *tarmac_traveller_detail_get_bag_tags          (TarmacTravellerDetail *self);
const char          *tarmac_traveller_detail_get_boarding_status   (TarmacTravellerDetail *self);
gboolean             tarmac_traveller_detail_get_transit           (TarmacTravellerDetail *self);
const char          *tarmac_traveller_detail_get_embarkation       (TarmacTravellerDetail *self);
const char          *tarmac_traveller_detail_get_debarkation       (TarmacTravellerDetail *self);
const char          *tarmac_traveller_detail_get_booking_reference (TarmacTravellerDetail *self);
gboolean             tarmac_traveller_detail_get_from_api          (TarmacTravellerDetail *self);
gboolean             tarmac_traveller_detail_get_from_pnr          (TarmacTravellerDetail *self);
gint64               tarmac_traveller_detail_get_pnr_id            (TarmacTravellerDetail *self);
const char          *tarmac_traveller_detail_get_pnr_locator       (TarmacTravellerDetail *self);
const char          *tarmac_traveller_detail_get_pnr_carrier       (TarmacTravellerDetail *self);
const char          *tarmac_traveller_detail_get_pnr_created_at    (TarmacTravellerDetail *self);
const char          *tarmac_traveller_detail_get_pnr_agency        (TarmacTravellerDetail *self);
const char          *tarmac_traveller_detail_get_pnr_point_of_sale (TarmacTravellerDetail *self);
GListModel          *tarmac_traveller_detail_get_documents         (TarmacTravellerDetail *self);
GListModel          *tarmac_traveller_detail_get_findings          (TarmacTravellerDetail *self);
GListModel          *tarmac_traveller_detail_get_pnr_versions      (TarmacTravellerDetail *self);
GListModel          *tarmac_traveller_detail_get_segments          (TarmacTravellerDetail *self);
GListModel          *tarmac_traveller_detail_get_contacts          (TarmacTravellerDetail *self);
GListModel          *tarmac_traveller_detail_get_payments          (TarmacTravellerDetail *self);
GListModel          *tarmac_traveller_detail_get_ssrs              (TarmacTravellerDetail *self);
GListModel          *tarmac_traveller_detail_get_history           (TarmacTravellerDetail *self);
GListModel          *tarmac_traveller_detail_get_co_travellers     (TarmacTravellerDetail *self);
GListModel          *tarmac_traveller_detail_get_sources           (TarmacTravellerDetail *self);
GListModel          *tarmac_traveller_detail_get_hits              (TarmacTravellerDetail *self);
const char          *tarmac_traveller_detail_get_full_name         (TarmacTravellerDetail *self);

/* tarmac-traveller-detail-load.c: reading one, audited. */
TarmacTravellerDetail *tarmac_store_load_traveller_detail        (TarmacStore          *store,
                                                                  gint64                traveller_id,
                                                                  GError              **error);
void                   tarmac_store_load_traveller_detail_async  (TarmacStore          *store,
                                                                  gint64                traveller_id,
                                                                  GCancellable         *cancellable,
                                                                  GAsyncReadyCallback   callback,
                                                                  gpointer              user_data);
TarmacTravellerDetail *tarmac_store_load_traveller_detail_finish (TarmacStore          *store,
                                                                  GAsyncResult         *result,
                                                                  GError              **error);

G_END_DECLS
