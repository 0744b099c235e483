/* tarmac-site-desk.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-sync"

#include "config.h"

#include "tarmac-site-desk.h"

/* One desk (device) of this workstation's airport, as the verified roster lists it, for
 * `tarmac-cli sync devices` and Preferences → Network: its id, its status ("active" or
 * "revoked"), whether it waits for the airport's key, whether it is this workstation,
 * and, for a desk that waits, the confirmation code to compare before approving it
 * (tarmac-site-handover.c). Immutable. */
struct _TarmacSiteDesk
{
  GObject   parent_instance;

  char     *device_id;
  char     *status;
  char     *code;
  gboolean  waiting;
  gboolean  this_desk;
};

G_DEFINE_FINAL_TYPE (TarmacSiteDesk, tarmac_site_desk, G_TYPE_OBJECT)

static void
tarmac_site_desk_finalize (GObject *object)
{
  TarmacSiteDesk *self = (TarmacSiteDesk *) object;

  g_clear_pointer (&self->device_id, g_free);
  g_clear_pointer (&self->status, g_free);
  g_clear_pointer (&self->code, g_free);

  G_OBJECT_CLASS (tarmac_site_desk_parent_class)->finalize (object);
}

static void
tarmac_site_desk_class_init (TarmacSiteDeskClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tarmac_site_desk_finalize;
}

static void
tarmac_site_desk_init (TarmacSiteDesk *self)
{
}

/**
 * tarmac_site_desk_new:
 * @code: (nullable): the confirmation code of a waiting desk
 */
TarmacSiteDesk *
tarmac_site_desk_new (const char *device_id,
                      const char *status,
                      gboolean    waiting,
                      gboolean    this_desk,
                      const char *code)
{
  TarmacSiteDesk *self = g_object_new (TARMAC_TYPE_SITE_DESK, NULL);

  self->device_id = g_strdup (device_id);
  self->status = g_strdup (status);
  self->waiting = waiting;
  self->this_desk = this_desk;
  self->code = g_strdup (code);
  return self;
}

const char *
tarmac_site_desk_get_device_id (TarmacSiteDesk *self)
{
  g_return_val_if_fail (TARMAC_IS_SITE_DESK (self), NULL);

  return self->device_id;
}

const char *
tarmac_site_desk_get_status (TarmacSiteDesk *self)
{
  g_return_val_if_fail (TARMAC_IS_SITE_DESK (self), NULL);

  return self->status;
}

gboolean
tarmac_site_desk_get_waiting (TarmacSiteDesk *self)
{
  g_return_val_if_fail (TARMAC_IS_SITE_DESK (self), FALSE);

  return self->waiting;
}

gboolean
tarmac_site_desk_get_this_desk (TarmacSiteDesk *self)
{
  g_return_val_if_fail (TARMAC_IS_SITE_DESK (self), FALSE);

  return self->this_desk;
}

/* (nullable) */
const char *
tarmac_site_desk_get_code (TarmacSiteDesk *self)
{
  g_return_val_if_fail (TARMAC_IS_SITE_DESK (self), NULL);

  return self->code;
}
