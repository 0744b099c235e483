/* tarmac-key-change.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-sync"

#include "config.h"

#include "tarmac-key-change.h"

/* A key the roster changed without a proof the hub cannot make (tarmac-sync-pins.c),
 * waiting for an officer: an airport's box key (notes to it are held meanwhile) or a
 * desk's signing key (its versions are refused meanwhile). It carries the code of the key
 * known here but not the new key's: the officer accepts the new key by typing the code an
 * officer of that airport (or desk) reads out by phone, and a code shown here could be
 * copied instead, which is how a key forged by the hub would get through. */

struct _TarmacKeyChange
{
  GObject   parent_instance;

  gboolean  is_site;
  char     *subject;
  char     *site;
  char     *old_code;
  char     *since;
  guint     n_held;
};

G_DEFINE_FINAL_TYPE (TarmacKeyChange, tarmac_key_change, G_TYPE_OBJECT)

static void
tarmac_key_change_finalize (GObject *object)
{
  TarmacKeyChange *self = (TarmacKeyChange *) object;

  g_clear_pointer (&self->subject, g_free);
  g_clear_pointer (&self->site, g_free);
  g_clear_pointer (&self->old_code, g_free);
  g_clear_pointer (&self->since, g_free);

  G_OBJECT_CLASS (tarmac_key_change_parent_class)->finalize (object);
}

static void
tarmac_key_change_class_init (TarmacKeyChangeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tarmac_key_change_finalize;
}

static void
tarmac_key_change_init (TarmacKeyChange *self)
{
}

/**
 * tarmac_key_change_new:
 * @is_site: an airport's key (%TRUE) or a desk's signing key
 * @subject: the airport's code, or the desk's device id
 * @site: the airport (the desk's, for a desk)
 * @old_code: the code of the key pinned here
 * @since: when the change was seen (ISO 8601, UTC)
 * @n_held: the notes held back from the airport meanwhile
 */
TarmacKeyChange *
tarmac_key_change_new (gboolean    is_site,
                       const char *subject,
                       const char *site,
                       const char *old_code,
                       const char *since,
                       guint       n_held)
{
  TarmacKeyChange *self = g_object_new (TARMAC_TYPE_KEY_CHANGE, NULL);

  self->is_site = is_site;
  self->subject = g_strdup (subject);
  self->site = g_strdup (site);
  self->old_code = g_strdup (old_code);
  self->since = g_strdup (since);
  self->n_held = n_held;
  return self;
}

gboolean
tarmac_key_change_get_is_site (TarmacKeyChange *self)
{
  g_return_val_if_fail (TARMAC_IS_KEY_CHANGE (self), FALSE);
  return self->is_site;
}

const char *
tarmac_key_change_get_subject (TarmacKeyChange *self)
{
  g_return_val_if_fail (TARMAC_IS_KEY_CHANGE (self), NULL);
  return self->subject;
}

const char *
tarmac_key_change_get_site (TarmacKeyChange *self)
{
  g_return_val_if_fail (TARMAC_IS_KEY_CHANGE (self), NULL);
  return self->site;
}

const char *
tarmac_key_change_get_old_code (TarmacKeyChange *self)
{
  g_return_val_if_fail (TARMAC_IS_KEY_CHANGE (self), NULL);
  return self->old_code;
}

const char *
tarmac_key_change_get_since (TarmacKeyChange *self)
{
  g_return_val_if_fail (TARMAC_IS_KEY_CHANGE (self), NULL);
  return self->since;
}

guint
tarmac_key_change_get_n_held (TarmacKeyChange *self)
{
  g_return_val_if_fail (TARMAC_IS_KEY_CHANGE (self), 0);
  return self->n_held;
}
