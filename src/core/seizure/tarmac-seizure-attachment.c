/* tarmac-seizure-attachment.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-seizure"

#include "config.h"

#include <math.h>

#include "tarmac-seizure-attachment.h"

/* A photo or document of a seizure. The bytes are read on demand (tarmac_seizure_store_read_attachment); data is only set on one that is about to be saved. */
struct _TarmacSeizureAttachment
{
  GObject parent_instance;

  gint64 id;
  int item_seq;
  char *kind;
  char *file_name;
  char *mime_type;
  char *sha256;
  gint64 size;
  char *caption;
  char *captured_at;
  gboolean shareable;
  GBytes *data;
};

G_DEFINE_FINAL_TYPE (TarmacSeizureAttachment, tarmac_seizure_attachment, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_ITEM_SEQ,
  PROP_KIND,
  PROP_FILE_NAME,
  PROP_MIME_TYPE,
  PROP_SHA256,
  PROP_SIZE,
  PROP_CAPTION,
  PROP_CAPTURED_AT,
  PROP_SHAREABLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
tarmac_seizure_attachment_finalize (GObject *object)
{
  TarmacSeizureAttachment *self = (TarmacSeizureAttachment *)object;

  g_clear_pointer (&self->kind, g_free);
  g_clear_pointer (&self->file_name, g_free);
  g_clear_pointer (&self->mime_type, g_free);
  g_clear_pointer (&self->sha256, g_free);
  g_clear_pointer (&self->caption, g_free);
  g_clear_pointer (&self->captured_at, g_free);
  g_clear_pointer (&self->data, g_bytes_unref);

  G_OBJECT_CLASS (tarmac_seizure_attachment_parent_class)->finalize (object);
}

static void
tarmac_seizure_attachment_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  TarmacSeizureAttachment *self = TARMAC_SEIZURE_ATTACHMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_ITEM_SEQ:
      g_value_set_int (value, self->item_seq);
      break;

    case PROP_KIND:
      g_value_set_string (value, self->kind);
      break;

    case PROP_FILE_NAME:
      g_value_set_string (value, self->file_name);
      break;

    case PROP_MIME_TYPE:
      g_value_set_string (value, self->mime_type);
      break;

    case PROP_SHA256:
      g_value_set_string (value, self->sha256);
      break;

    case PROP_SIZE:
      g_value_set_int64 (value, self->size);
      break;

    case PROP_CAPTION:
      g_value_set_string (value, self->caption);
      break;

    case PROP_CAPTURED_AT:
      g_value_set_string (value, self->captured_at);
      break;

    case PROP_SHAREABLE:
      g_value_set_boolean (value, self->shareable);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tarmac_seizure_attachment_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec)
{
  TarmacSeizureAttachment *self = TARMAC_SEIZURE_ATTACHMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      tarmac_seizure_attachment_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_ITEM_SEQ:
      tarmac_seizure_attachment_set_item_seq (self, g_value_get_int (value));
      break;

    case PROP_KIND:
      tarmac_seizure_attachment_set_kind (self, g_value_get_string (value));
      break;

    case PROP_FILE_NAME:
      tarmac_seizure_attachment_set_file_name (self, g_value_get_string (value));
      break;

    case PROP_MIME_TYPE:
      tarmac_seizure_attachment_set_mime_type (self, g_value_get_string (value));
      break;

    case PROP_SHA256:
      tarmac_seizure_attachment_set_sha256 (self, g_value_get_string (value));
      break;

    case PROP_SIZE:
      tarmac_seizure_attachment_set_size (self, g_value_get_int64 (value));
      break;

    case PROP_CAPTION:
      tarmac_seizure_attachment_set_caption (self, g_value_get_string (value));
      break;

    case PROP_CAPTURED_AT:
      tarmac_seizure_attachment_set_captured_at (self, g_value_get_string (value));
      break;

    case PROP_SHAREABLE:
      tarmac_seizure_attachment_set_shareable (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tarmac_seizure_attachment_class_init (TarmacSeizureAttachmentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tarmac_seizure_attachment_finalize;
  object_class->get_property = tarmac_seizure_attachment_get_property;
  object_class->set_property = tarmac_seizure_attachment_set_property;

  /* row id, 0 before saving */
  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* the item it shows, 0 for the whole seizure */
  properties[PROP_ITEM_SEQ] =
    g_param_spec_int ("item-seq", NULL, NULL, 0, G_MAXINT, 0,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* attachment kind code */
  properties[PROP_KIND] =
    g_param_spec_string ("kind", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* file name without folders */
  properties[PROP_FILE_NAME] =
    g_param_spec_string ("file-name", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* MIME type */
  properties[PROP_MIME_TYPE] =
    g_param_spec_string ("mime-type", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* SHA-256 of the bytes, hex */
  properties[PROP_SHA256] =
    g_param_spec_string ("sha256", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* size in bytes */
  properties[PROP_SIZE] =
    g_param_spec_int64 ("size", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* caption */
  properties[PROP_CAPTION] =
    g_param_spec_string ("caption", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* when the photo was taken */
  properties[PROP_CAPTURED_AT] =
    g_param_spec_string ("captured-at", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* may go into shared alerts */
  properties[PROP_SHAREABLE] =
    g_param_spec_boolean ("shareable", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tarmac_seizure_attachment_init (TarmacSeizureAttachment *self)
{
}

TarmacSeizureAttachment *
tarmac_seizure_attachment_new (void)
{
  return g_object_new (TARMAC_TYPE_SEIZURE_ATTACHMENT, NULL);
}

gint64
tarmac_seizure_attachment_get_id (TarmacSeizureAttachment *self)
{
  g_return_val_if_fail (TARMAC_IS_SEIZURE_ATTACHMENT (self), 0);

  return self->id;
}

void
tarmac_seizure_attachment_set_id (TarmacSeizureAttachment *self,
                                 gint64 id)
{
  g_return_if_fail (TARMAC_IS_SEIZURE_ATTACHMENT (self));

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

int
tarmac_seizure_attachment_get_item_seq (TarmacSeizureAttachment *self)
{
  g_return_val_if_fail (TARMAC_IS_SEIZURE_ATTACHMENT (self), 0);

  return self->item_seq;
}

void
tarmac_seizure_attachment_set_item_seq (TarmacSeizureAttachment *self,
                                       int item_seq)
{
  g_return_if_fail (TARMAC_IS_SEIZURE_ATTACHMENT (self));

  if (self->item_seq == item_seq)
    return;

  self->item_seq = item_seq;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM_SEQ]);
}

const char *
tarmac_seizure_attachment_get_kind (TarmacSeizureAttachment *self)
{
  g_return_val_if_fail (TARMAC_IS_SEIZURE_ATTACHMENT (self), NULL);

  return self->kind;
}

void
tarmac_seizure_attachment_set_kind (TarmacSeizureAttachment *self,
                                   const char *kind)
{
  g_return_if_fail (TARMAC_IS_SEIZURE_ATTACHMENT (self));

  if (g_strcmp0 (self->kind, kind) == 0)
    return;

  g_free (self->kind);
  self->kind = g_strdup (kind);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

const char *
tarmac_seizure_attachment_get_file_name (TarmacSeizureAttachment *self)
{
  g_return_val_if_fail (TARMAC_IS_SEIZURE_ATTACHMENT (self), NULL);

  return self->file_name;
}

void
tarmac_seizure_attachment_set_file_name (TarmacSeizureAttachment *self,
                                        const char *file_name)
{
  g_return_if_fail (TARMAC_IS_SEIZURE_ATTACHMENT (self));

  if (g_strcmp0 (self->file_name, file_name) == 0)
    return;

  g_free (self->file_name);
  self->file_name = g_strdup (file_name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE_NAME]);
}

const char *
tarmac_seizure_attachment_get_mime_type (TarmacSeizureAttachment *self)
{
  g_return_val_if_fail (TARMAC_IS_SEIZURE_ATTACHMENT (self), NULL);

  return self->mime_type;
}

void
tarmac_seizure_attachment_set_mime_type (TarmacSeizureAttachment *self,
                                        const char *mime_type)
{
  g_return_if_fail (TARMAC_IS_SEIZURE_ATTACHMENT (self));

  if (g_strcmp0 (self->mime_type, mime_type) == 0)
    return;

  g_free (self->mime_type);
  self->mime_type = g_strdup (mime_type);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MIME_TYPE]);
}

const char *
tarmac_seizure_attachment_get_sha256 (TarmacSeizureAttachment *self)
{
  g_return_val_if_fail (TARMAC_IS_SEIZURE_ATTACHMENT (self), NULL);

  return self->sha256;
}

void
tarmac_seizure_attachment_set_sha256 (TarmacSeizureAttachment *self,
                                     const char *sha256)
{
  g_return_if_fail (TARMAC_IS_SEIZURE_ATTACHMENT (self));

  if (g_strcmp0 (self->sha256, sha256) == 0)
    return;

  g_free (self->sha256);
  self->sha256 = g_strdup (sha256);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHA256]);
}

gint64
tarmac_seizure_attachment_get_size (TarmacSeizureAttachment *self)
{
  g_return_val_if_fail (TARMAC_IS_SEIZURE_ATTACHMENT (self), 0);

  return self->size;
}

void
tarmac_seizure_attachment_set_size (TarmacSeizureAttachment *self,
                                   gint64 size)
{
  g_return_if_fail (TARMAC_IS_SEIZURE_ATTACHMENT (self));

  if (self->size == size)
    return;

  self->size = size;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIZE]);
}

const char *
tarmac_seizure_attachment_get_caption (TarmacSeizureAttachment *self)
{
  g_return_val_if_fail (TARMAC_IS_SEIZURE_ATTACHMENT (self), NULL);

  return self->caption;
}

void
tarmac_seizure_attachment_set_caption (TarmacSeizureAttachment *self,
                                      const char *caption)
{
  g_return_if_fail (TARMAC_IS_SEIZURE_ATTACHMENT (self));

  if (g_strcmp0 (self->caption, caption) == 0)
    return;

  g_free (self->caption);
  self->caption = g_strdup (caption);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAPTION]);
}

const char *
tarmac_seizure_attachment_get_captured_at (TarmacSeizureAttachment *self)
{
  g_return_val_if_fail (TARMAC_IS_SEIZURE_ATTACHMENT (self), NULL);

  return self->captured_at;
}

void
tarmac_seizure_attachment_set_captured_at (TarmacSeizureAttachment *self,
                                          const char *captured_at)
{
  g_return_if_fail (TARMAC_IS_SEIZURE_ATTACHMENT (self));

  if (g_strcmp0 (self->captured_at, captured_at) == 0)
    return;

  g_free (self->captured_at);
  self->captured_at = g_strdup (captured_at);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAPTURED_AT]);
}

gboolean
tarmac_seizure_attachment_get_shareable (TarmacSeizureAttachment *self)
{
  g_return_val_if_fail (TARMAC_IS_SEIZURE_ATTACHMENT (self), FALSE);

  return self->shareable;
}

void
tarmac_seizure_attachment_set_shareable (TarmacSeizureAttachment *self,
                                        gboolean shareable)
{
  g_return_if_fail (TARMAC_IS_SEIZURE_ATTACHMENT (self));

  shareable = !!shareable;
  if (self->shareable == shareable)
    return;

  self->shareable = shareable;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHAREABLE]);
}

GBytes *
tarmac_seizure_attachment_get_data (TarmacSeizureAttachment *self)
{
  g_return_val_if_fail (TARMAC_IS_SEIZURE_ATTACHMENT (self), NULL);

  return self->data;
}

/* Sets the bytes to save, and with them size and sha256. */
void
tarmac_seizure_attachment_set_data (TarmacSeizureAttachment *self,
                                    GBytes                  *data)
{
  g_autofree char *digest = NULL;

  g_return_if_fail (TARMAC_IS_SEIZURE_ATTACHMENT (self));

  g_clear_pointer (&self->data, g_bytes_unref);
  if (data == NULL)
    return;

  self->data = g_bytes_ref (data);
  digest = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, data);
  tarmac_seizure_attachment_set_sha256 (self, digest);
  tarmac_seizure_attachment_set_size (self, (gint64) g_bytes_get_size (data));
}
