/* tarmac-hub-db.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define TARMAC_HUB_MAX_PUSH     200
#define TARMAC_HUB_MAX_PULL     1000
#define TARMAC_HUB_CODE_TTL_MS  (72 * 3600 * G_GINT64_CONSTANT (1000))

/* A device as the hub's roster holds it. */
typedef struct
{
  char    *device_id;
  char    *site;
  guint8   sign_pk[32];
  gboolean revoked;
  gint64   last_seq;
} TarmacHubDevice;

void tarmac_hub_device_free (TarmacHubDevice *device);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TarmacHubDevice, tarmac_hub_device_free)

#define TARMAC_TYPE_HUB_DB (tarmac_hub_db_get_type ())

G_DECLARE_FINAL_TYPE (TarmacHubDb, tarmac_hub_db, TARMAC, HUB_DB, GObject)

TarmacHubDb     *tarmac_hub_db_open            (const char      *path,
                                                GError         **error);
gboolean         tarmac_hub_db_audit           (TarmacHubDb     *self,
                                                const char      *actor,
                                                const char      *action,
                                                const char      *object,
                                                const char      *detail,
                                                GError         **error);
gboolean         tarmac_hub_db_verify_audit    (TarmacHubDb     *self,
                                                gint64          *n_rows,
                                                GError         **error);
gboolean         tarmac_hub_db_add_site        (TarmacHubDb     *self,
                                                const char      *code,
                                                const char      *name,
                                                GError         **error);
gboolean         tarmac_hub_db_reset_site_key  (TarmacHubDb     *self,
                                                const char      *code,
                                                GError         **error);
char            *tarmac_hub_db_new_enrol_code  (TarmacHubDb     *self,
                                                const char      *site,
                                                GError         **error);
JsonNode        *tarmac_hub_db_enrol           (TarmacHubDb     *self,
                                                JsonObject      *request,
                                                guint           *status,
                                                GError         **error);
TarmacHubDevice *tarmac_hub_db_get_device      (TarmacHubDb     *self,
                                                const char      *device_id,
                                                GError         **error);
JsonNode        *tarmac_hub_db_list_devices    (TarmacHubDb     *self,
                                                GError         **error);
gboolean         tarmac_hub_db_revoke_device   (TarmacHubDb     *self,
                                                const char      *device_id,
                                                GError         **error);
JsonNode        *tarmac_hub_db_store_handover  (TarmacHubDb     *self,
                                                TarmacHubDevice *approver,
                                                const char      *device_id,
                                                JsonObject      *request,
                                                guint           *status,
                                                GError         **error);
JsonNode        *tarmac_hub_db_store_key_proof (TarmacHubDb     *self,
                                                TarmacHubDevice *device,
                                                JsonObject      *request,
                                                guint           *status,
                                                GError         **error);
JsonNode        *tarmac_hub_db_rotate_site_key (TarmacHubDb     *self,
                                                TarmacHubDevice *device,
                                                JsonObject      *request,
                                                guint           *status,
                                                GError         **error);
JsonNode        *tarmac_hub_db_add_wraps       (TarmacHubDb     *self,
                                                TarmacHubDevice *device,
                                                JsonArray       *wraps,
                                                GPtrArray       *touched_sites,
                                                gboolean        *urgent,
                                                guint           *status,
                                                GError         **error);
JsonNode        *tarmac_hub_db_get_handover    (TarmacHubDb     *self,
                                                TarmacHubDevice *device,
                                                guint           *status,
                                                GError         **error);
GPtrArray       *tarmac_hub_db_list_revoked    (TarmacHubDb     *self,
                                                GError         **error);
JsonNode        *tarmac_hub_db_roster          (TarmacHubDb     *self,
                                                GError         **error);
JsonNode        *tarmac_hub_db_push            (TarmacHubDb     *self,
                                                TarmacHubDevice *device,
                                                const char      *batch_id,
                                                JsonArray       *envelopes,
                                                GPtrArray       *touched_sites,
                                                gboolean        *urgent,
                                                GError         **error);
JsonNode        *tarmac_hub_db_changes         (TarmacHubDb     *self,
                                                const char      *site,
                                                const char      *lane,
                                                gint64           since,
                                                guint            limit,
                                                GError         **error);
gint64           tarmac_hub_db_roster_version (TarmacHubDb   *self);
gboolean         tarmac_hub_db_group_begin     (TarmacHubDb     *self,
                                                GError         **error);
gboolean         tarmac_hub_db_group_commit    (TarmacHubDb     *self,
                                                GError         **error);
gboolean         tarmac_hub_db_in_group        (TarmacHubDb     *self);
gboolean         tarmac_hub_db_expire          (TarmacHubDb     *self,
                                                gint64           now,
                                                guint           *n_expired,
                                                GError         **error);
gint64           tarmac_hub_db_head            (TarmacHubDb     *self,
                                                const char      *site,
                                                const char      *lane);

G_END_DECLS
