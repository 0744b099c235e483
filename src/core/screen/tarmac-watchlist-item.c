/* tarmac-watchlist-item.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-watchlist-item"

#include "config.h"

#include "tarmac-watchlist-item.h"

/* One entry of a list as a row of the Watchlists page's table shows it: its first name
 * (the primary one when the list marks one), how many names it has in all, its DOB forms,
 * nationalities and first document as stored ("1966-01-25|~1960", "AFG|PAK"), its reason
 * and expiry. The whole entry is read with tarmac_watchlist_entry_load(). */
struct _TarmacWatchlistItem
{
  GObject   parent_instance;

  gint64    id;
  char     *external_id;
  char     *name;
  guint     n_names;
  char     *dates_of_birth;
  char     *nationalities;
  char     *document;
  char     *reason;
  char     *expires_at;
  gboolean  expired;
};

G_DEFINE_FINAL_TYPE (TarmacWatchlistItem, tarmac_watchlist_item, G_TYPE_OBJECT)

static void
tarmac_watchlist_item_finalize (GObject *object)
{
  TarmacWatchlistItem *self = (TarmacWatchlistItem *)object;

  g_free (self->external_id);
  g_free (self->name);
  g_free (self->dates_of_birth);
  g_free (self->nationalities);
  g_free (self->document);
  g_free (self->reason);
  g_free (self->expires_at);

  G_OBJECT_CLASS (tarmac_watchlist_item_parent_class)->finalize (object);
}

static void
tarmac_watchlist_item_class_init (TarmacWatchlistItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tarmac_watchlist_item_finalize;
}

static void
tarmac_watchlist_item_init (TarmacWatchlistItem *self)
{
}

TarmacWatchlistItem *
tarmac_watchlist_item_new (gint64      id,
                           const char *external_id,
                           const char *name,
                           guint       n_names,
                           const char *dates_of_birth,
                           const char *nationalities,
                           const char *document,
                           const char *reason,
                           const char *expires_at,
                           gboolean    expired)
{
  TarmacWatchlistItem *self = g_object_new (TARMAC_TYPE_WATCHLIST_ITEM, NULL);

  self->id = id;
  self->external_id = g_strdup (external_id);
  self->name = g_strdup (name != NULL ? name : "");
  self->n_names = n_names;
  self->dates_of_birth = g_strdup (dates_of_birth);
  self->nationalities = g_strdup (nationalities);
  self->document = g_strdup (document);
  self->reason = g_strdup (reason);
  self->expires_at = g_strdup (expires_at);
  self->expired = expired;

  return self;
}

gint64
tarmac_watchlist_item_get_id (TarmacWatchlistItem *self)
{
  g_return_val_if_fail (TARMAC_IS_WATCHLIST_ITEM (self), 0);
  return self->id;
}

const char *
tarmac_watchlist_item_get_external_id (TarmacWatchlistItem *self)
{
  g_return_val_if_fail (TARMAC_IS_WATCHLIST_ITEM (self), NULL);
  return self->external_id;
}

const char *
tarmac_watchlist_item_get_name (TarmacWatchlistItem *self)
{
  g_return_val_if_fail (TARMAC_IS_WATCHLIST_ITEM (self), NULL);
  return self->name;
}

guint
tarmac_watchlist_item_get_n_names (TarmacWatchlistItem *self)
{
  g_return_val_if_fail (TARMAC_IS_WATCHLIST_ITEM (self), 0);
  return self->n_names;
}

const char *
tarmac_watchlist_item_get_dates_of_birth (TarmacWatchlistItem *self)
{
  g_return_val_if_fail (TARMAC_IS_WATCHLIST_ITEM (self), NULL);
  return self->dates_of_birth;
}

const char *
tarmac_watchlist_item_get_nationalities (TarmacWatchlistItem *self)
{
  g_return_val_if_fail (TARMAC_IS_WATCHLIST_ITEM (self), NULL);
  return self->nationalities;
}

const char *
tarmac_watchlist_item_get_document (TarmacWatchlistItem *self)
{
  g_return_val_if_fail (TARMAC_IS_WATCHLIST_ITEM (self), NULL);
  return self->document;
}

const char *
tarmac_watchlist_item_get_reason (TarmacWatchlistItem *self)
{
  g_return_val_if_fail (TARMAC_IS_WATCHLIST_ITEM (self), NULL);
  return self->reason;
}

const char *
tarmac_watchlist_item_get_expires_at (TarmacWatchlistItem *self)
{
  g_return_val_if_fail (TARMAC_IS_WATCHLIST_ITEM (self), NULL);
  return self->expires_at;
}

gboolean
tarmac_watchlist_item_get_expired (TarmacWatchlistItem *self)
{
  g_return_val_if_fail (TARMAC_IS_WATCHLIST_ITEM (self), FALSE);
  return self->expired;
}
