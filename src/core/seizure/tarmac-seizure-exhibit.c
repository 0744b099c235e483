/* tarmac-seizure-exhibit.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-seizure"

#include "config.h"

#include "tarmac-seizure-exhibit.h"

/* An exhibit: a sealed, numbered lot of seized goods, with its chain of custody and lab results (research/seizures.md §6.3). It follows the record's series, not a version: custody goes on after validation. */
struct _TarmacSeizureExhibit
{
  GObject parent_instance;

  gint64 id;
  gint64 series_id;
  int item_seq;
  char *exhibit_no;
  char *seal_no;
  char *storage_location;
  char *status;
  char *created_at;
};

G_DEFINE_FINAL_TYPE (TarmacSeizureExhibit, tarmac_seizure_exhibit, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_SERIES_ID,
  PROP_ITEM_SEQ,
  PROP_EXHIBIT_NO,
  PROP_SEAL_NO,
  PROP_STORAGE_LOCATION,
  PROP_STATUS,
  PROP_CREATED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
tarmac_seizure_exhibit_finalize (GObject *object)
{
  TarmacSeizureExhibit *self = (TarmacSeizureExhibit *)object;

  g_clear_pointer (&self->exhibit_no, g_free);
  g_clear_pointer (&self->seal_no, g_free);
  g_clear_pointer (&self->storage_location, g_free);
  g_clear_pointer (&self->status, g_free);
  g_clear_pointer (&self->created_at, g_free);

  G_OBJECT_CLASS (tarmac_seizure_exhibit_parent_class)->finalize (object);
}

static void
tarmac_seizure_exhibit_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  TarmacSeizureExhibit *self = TARMAC_SEIZURE_EXHIBIT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_SERIES_ID:
      g_value_set_int64 (value, self->series_id);
      break;
    case PROP_ITEM_SEQ:
      g_value_set_int (value, self->item_seq);
      break;
    case PROP_EXHIBIT_NO:
      g_value_set_string (value, self->exhibit_no);
      break;
    case PROP_SEAL_NO:
      g_value_set_string (value, self->seal_no);
      break;
    case PROP_STORAGE_LOCATION:
      g_value_set_string (value, self->storage_location);
      break;
    case PROP_STATUS:
      g_value_set_string (value, self->status);
      break;
    case PROP_CREATED_AT:
      g_value_set_string (value, self->created_at);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tarmac_seizure_exhibit_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  TarmacSeizureExhibit *self = TARMAC_SEIZURE_EXHIBIT (object);

  switch (prop_id)
    {
    case PROP_ID:
      tarmac_seizure_exhibit_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_SERIES_ID:
      tarmac_seizure_exhibit_set_series_id (self, g_value_get_int64 (value));
      break;
    case PROP_ITEM_SEQ:
      tarmac_seizure_exhibit_set_item_seq (self, g_value_get_int (value));
      break;
    case PROP_EXHIBIT_NO:
      tarmac_seizure_exhibit_set_exhibit_no (self, g_value_get_string (value));
      break;
    case PROP_SEAL_NO:
      tarmac_seizure_exhibit_set_seal_no (self, g_value_get_string (value));
      break;
    case PROP_STORAGE_LOCATION:
      tarmac_seizure_exhibit_set_storage_location (self, g_value_get_string (value));
      break;
    case PROP_STATUS:
      tarmac_seizure_exhibit_set_status (self, g_value_get_string (value));
      break;
    case PROP_CREATED_AT:
      tarmac_seizure_exhibit_set_created_at (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tarmac_seizure_exhibit_class_init (TarmacSeizureExhibitClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tarmac_seizure_exhibit_finalize;
  object_class->get_property = tarmac_seizure_exhibit_get_property;
  object_class->set_property = tarmac_seizure_exhibit_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SERIES_ID] =
    g_param_spec_int64 ("series-id", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ITEM_SEQ] =
    g_param_spec_int ("item-seq", NULL, NULL, G_MININT, G_MAXINT, 0,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_EXHIBIT_NO] =
    g_param_spec_string ("exhibit-no", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SEAL_NO] =
    g_param_spec_string ("seal-no", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_STORAGE_LOCATION] =
    g_param_spec_string ("storage-location", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_STATUS] =
    g_param_spec_string ("status", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CREATED_AT] =
    g_param_spec_string ("created-at", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tarmac_seizure_exhibit_init (TarmacSeizureExhibit *self)
{
}

TarmacSeizureExhibit *
tarmac_seizure_exhibit_new (void)
{
  return g_object_new (TARMAC_TYPE_SEIZURE_EXHIBIT, NULL);
}

gint64
tarmac_seizure_exhibit_get_id (TarmacSeizureExhibit *self)
{
  g_return_val_if_fail (TARMAC_IS_SEIZURE_EXHIBIT (self), 0);
  return self->id;
}

void
tarmac_seizure_exhibit_set_id (TarmacSeizureExhibit *self,
                               gint64 id)
{
  g_return_if_fail (TARMAC_IS_SEIZURE_EXHIBIT (self));

  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

gint64
tarmac_seizure_exhibit_get_series_id (TarmacSeizureExhibit *self)
{
  g_return_val_if_fail (TARMAC_IS_SEIZURE_EXHIBIT (self), 0);
  return self->series_id;
}

void
tarmac_seizure_exhibit_set_series_id (TarmacSeizureExhibit *self,
                                      gint64 series_id)
{
  g_return_if_fail (TARMAC_IS_SEIZURE_EXHIBIT (self));

  if (self->series_id == series_id)
    return;
  self->series_id = series_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SERIES_ID]);
}

int
tarmac_seizure_exhibit_get_item_seq (TarmacSeizureExhibit *self)
{
  g_return_val_if_fail (TARMAC_IS_SEIZURE_EXHIBIT (self), 0);
  return self->item_seq;
}

void
tarmac_seizure_exhibit_set_item_seq (TarmacSeizureExhibit *self,
                                     int item_seq)
{
  g_return_if_fail (TARMAC_IS_SEIZURE_EXHIBIT (self));

  if (self->item_seq == item_seq)
    return;
  self->item_seq = item_seq;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM_SEQ]);
}

const char *
tarmac_seizure_exhibit_get_exhibit_no (TarmacSeizureExhibit *self)
{
  g_return_val_if_fail (TARMAC_IS_SEIZURE_EXHIBIT (self), NULL);
  return self->exhibit_no;
}

void
tarmac_seizure_exhibit_set_exhibit_no (TarmacSeizureExhibit *self,
                                       const char *exhibit_no)
{
  g_return_if_fail (TARMAC_IS_SEIZURE_EXHIBIT (self));

  if (g_strcmp0 (self->exhibit_no, exhibit_no) == 0)
    return;
  g_free (self->exhibit_no);
  self->exhibit_no = g_strdup (exhibit_no);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXHIBIT_NO]);
}

const char *
tarmac_seizure_exhibit_get_seal_no (TarmacSeizureExhibit *self)
{
  g_return_val_if_fail (TARMAC_IS_SEIZURE_EXHIBIT (self), NULL);
  return self->seal_no;
}

void
tarmac_seizure_exhibit_set_seal_no (TarmacSeizureExhibit *self,
                                    const char *seal_no)
{
  g_return_if_fail (TARMAC_IS_SEIZURE_EXHIBIT (self));

  if (g_strcmp0 (self->seal_no, seal_no) == 0)
    return;
  g_free (self->seal_no);
  self->seal_no = g_strdup (seal_no);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEAL_NO]);
}

const char *
tarmac_seizure_exhibit_get_storage_location (TarmacSeizureExhibit *self)
{
  g_return_val_if_fail (TARMAC_IS_SEIZURE_EXHIBIT (self), NULL);
  return self->storage_location;
}

void
tarmac_seizure_exhibit_set_storage_location (TarmacSeizureExhibit *self,
                                             const char *storage_location)
{
  g_return_if_fail (TARMAC_IS_SEIZURE_EXHIBIT (self));

  if (g_strcmp0 (self->storage_location, storage_location) == 0)
    return;
  g_free (self->storage_location);
  self->storage_location = g_strdup (storage_location);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORAGE_LOCATION]);
}

const char *
tarmac_seizure_exhibit_get_status (TarmacSeizureExhibit *self)
{
  g_return_val_if_fail (TARMAC_IS_SEIZURE_EXHIBIT (self), NULL);
  return self->status;
}

void
tarmac_seizure_exhibit_set_status (TarmacSeizureExhibit *self,
                                   const char *status)
{
  g_return_if_fail (TARMAC_IS_SEIZURE_EXHIBIT (self));

  if (g_strcmp0 (self->status, status) == 0)
    return;
  g_free (self->status);
  self->status = g_strdup (status);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

const char *
tarmac_seizure_exhibit_get_created_at (TarmacSeizureExhibit *self)
{
  g_return_val_if_fail (TARMAC_IS_SEIZURE_EXHIBIT (self), NULL);
  return self->created_at;
}

void
tarmac_seizure_exhibit_set_created_at (TarmacSeizureExhibit *self,
                                       const char *created_at)
{
  g_return_if_fail (TARMAC_IS_SEIZURE_EXHIBIT (self));

  if (g_strcmp0 (self->created_at, created_at) == 0)
    return;
  g_free (self->created_at);
  self->created_at = g_strdup (created_at);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATED_AT]);
}
