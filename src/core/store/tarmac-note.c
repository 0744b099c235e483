/* tarmac-note.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-note"

#include "config.h"

#include "tarmac-enums.h"
#include "tarmac-note.h"

/* A note, alert or lookout text as the pages list it: immutable, built by the store. The
 * sync layer (envelopes, signatures, delivery state) wraps it without changing it. */
struct _TarmacNote
{
  GObject             parent_instance;

  gint64              id;
  TarmacNotePriority  priority;
  char               *uuid;
  char               *author;
  char               *origin_site;
  char               *subject_type;
  char               *subject_ref;
  char               *body;
  char               *created_at;
  char               *kind;
  char               *recipients;
  char               *delivery;
  char               *reply_to;
  char               *thread_root;
  char               *read_at;
  gboolean            unread;
};

G_DEFINE_FINAL_TYPE (TarmacNote, tarmac_note, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_PRIORITY,
  PROP_UUID,
  PROP_AUTHOR,
  PROP_ORIGIN_SITE,
  PROP_SUBJECT_TYPE,
  PROP_SUBJECT_REF,
  PROP_BODY,
  PROP_CREATED_AT,
  PROP_KIND,
  PROP_RECIPIENTS,
  PROP_DELIVERY,
  PROP_REPLY_TO,
  PROP_THREAD_ROOT,
  PROP_READ_AT,
  PROP_UNREAD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
tarmac_note_finalize (GObject *object)
{
  TarmacNote *self = (TarmacNote *)object;

  g_clear_pointer (&self->uuid, g_free);
  g_clear_pointer (&self->author, g_free);
  g_clear_pointer (&self->origin_site, g_free);
  g_clear_pointer (&self->subject_type, g_free);
  g_clear_pointer (&self->subject_ref, g_free);
  g_clear_pointer (&self->body, g_free);
  g_clear_pointer (&self->created_at, g_free);
  g_clear_pointer (&self->kind, g_free);
  g_clear_pointer (&self->recipients, g_free);
  g_clear_pointer (&self->delivery, g_free);
  g_clear_pointer (&self->reply_to, g_free);
  g_clear_pointer (&self->thread_root, g_free);
  g_clear_pointer (&self->read_at, g_free);

  G_OBJECT_CLASS (tarmac_note_parent_class)->finalize (object);
}

static void
tarmac_note_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  TarmacNote *self = TARMAC_NOTE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_PRIORITY:
      g_value_set_enum (value, self->priority);
      break;

    case PROP_UUID:
      g_value_set_string (value, self->uuid);
      break;

    case PROP_AUTHOR:
      g_value_set_string (value, self->author);
      break;

    case PROP_ORIGIN_SITE:
      g_value_set_string (value, self->origin_site);
      break;

    case PROP_SUBJECT_TYPE:
      g_value_set_string (value, self->subject_type);
      break;

    case PROP_SUBJECT_REF:
      g_value_set_string (value, self->subject_ref);
      break;

    case PROP_BODY:
      g_value_set_string (value, self->body);
      break;

    case PROP_CREATED_AT:
      g_value_set_string (value, self->created_at);
      break;

    case PROP_KIND:
      g_value_set_string (value, self->kind);
      break;

    case PROP_RECIPIENTS:
      g_value_set_string (value, self->recipients);
      break;

    case PROP_DELIVERY:
      g_value_set_string (value, self->delivery);
      break;

    case PROP_REPLY_TO:
      g_value_set_string (value, self->reply_to);
      break;

    case PROP_THREAD_ROOT:
      g_value_set_string (value, self->thread_root);
      break;

    case PROP_READ_AT:
      g_value_set_string (value, self->read_at);
      break;

    case PROP_UNREAD:
      g_value_set_boolean (value, self->unread);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tarmac_note_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  TarmacNote *self = TARMAC_NOTE (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;

    case PROP_PRIORITY:
      self->priority = g_value_get_enum (value);
      break;

    case PROP_UUID:
      self->uuid = g_value_dup_string (value);
      break;

    case PROP_AUTHOR:
      self->author = g_value_dup_string (value);
      break;

    case PROP_ORIGIN_SITE:
      self->origin_site = g_value_dup_string (value);
      break;

    case PROP_SUBJECT_TYPE:
      self->subject_type = g_value_dup_string (value);
      break;

    case PROP_SUBJECT_REF:
      self->subject_ref = g_value_dup_string (value);
      break;

    case PROP_BODY:
      self->body = g_value_dup_string (value);
      break;

    case PROP_CREATED_AT:
      self->created_at = g_value_dup_string (value);
      break;

    case PROP_KIND:
      self->kind = g_value_dup_string (value);
      break;

    case PROP_RECIPIENTS:
      self->recipients = g_value_dup_string (value);
      break;

    case PROP_DELIVERY:
      self->delivery = g_value_dup_string (value);
      break;

    case PROP_REPLY_TO:
      self->reply_to = g_value_dup_string (value);
      break;

    case PROP_THREAD_ROOT:
      self->thread_root = g_value_dup_string (value);
      break;

    case PROP_READ_AT:
      self->read_at = g_value_dup_string (value);
      break;

    case PROP_UNREAD:
      self->unread = g_value_get_boolean (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tarmac_note_class_init (TarmacNoteClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags construct_flags = (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                       G_PARAM_STATIC_STRINGS);

  object_class->finalize = tarmac_note_finalize;
  object_class->get_property = tarmac_note_get_property;
  object_class->set_property = tarmac_note_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, construct_flags);
  properties[PROP_PRIORITY] =
    g_param_spec_enum ("priority", NULL, NULL,
                       TARMAC_TYPE_NOTE_PRIORITY, TARMAC_NOTE_PRIORITY_ROUTINE,
                       construct_flags);
  properties[PROP_UUID] =
    g_param_spec_string ("uuid", NULL, NULL, NULL, construct_flags);
  properties[PROP_AUTHOR] =
    g_param_spec_string ("author", NULL, NULL, NULL, construct_flags);
  properties[PROP_ORIGIN_SITE] =
    g_param_spec_string ("origin-site", NULL, NULL, NULL, construct_flags);
  properties[PROP_SUBJECT_TYPE] =
    g_param_spec_string ("subject-type", NULL, NULL, NULL, construct_flags);
  properties[PROP_SUBJECT_REF] =
    g_param_spec_string ("subject-ref", NULL, NULL, NULL, construct_flags);
  properties[PROP_BODY] =
    g_param_spec_string ("body", NULL, NULL, NULL, construct_flags);
  properties[PROP_CREATED_AT] =
    g_param_spec_string ("created-at", NULL, NULL, NULL, construct_flags);
  properties[PROP_KIND] =
    g_param_spec_string ("kind", NULL, NULL, NULL, construct_flags);
  properties[PROP_RECIPIENTS] =
    g_param_spec_string ("recipients", NULL, NULL, NULL, construct_flags);
  properties[PROP_DELIVERY] =
    g_param_spec_string ("delivery", NULL, NULL, NULL, construct_flags);
  properties[PROP_REPLY_TO] =
    g_param_spec_string ("reply-to", NULL, NULL, NULL, construct_flags);
  properties[PROP_THREAD_ROOT] =
    g_param_spec_string ("thread-root", NULL, NULL, NULL, construct_flags);
  properties[PROP_READ_AT] =
    g_param_spec_string ("read-at", NULL, NULL, NULL, construct_flags);
  properties[PROP_UNREAD] =
    g_param_spec_boolean ("unread", NULL, NULL, FALSE, construct_flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tarmac_note_init (TarmacNote *self)
{
}

gint64
tarmac_note_get_id (TarmacNote *self)
{
  g_return_val_if_fail (TARMAC_IS_NOTE (self), 0);
  return self->id;
}

TarmacNotePriority
tarmac_note_get_priority (TarmacNote *self)
{
  g_return_val_if_fail (TARMAC_IS_NOTE (self), TARMAC_NOTE_PRIORITY_ROUTINE);
  return self->priority;
}

const char *
tarmac_note_get_uuid (TarmacNote *self)
{
  g_return_val_if_fail (TARMAC_IS_NOTE (self), NULL);
  return self->uuid;
}

const char *
tarmac_note_get_author (TarmacNote *self)
{
  g_return_val_if_fail (TARMAC_IS_NOTE (self), NULL);
  return self->author;
}

const char *
tarmac_note_get_origin_site (TarmacNote *self)
{
  g_return_val_if_fail (TARMAC_IS_NOTE (self), NULL);
  return self->origin_site;
}

const char *
tarmac_note_get_subject_type (TarmacNote *self)
{
  g_return_val_if_fail (TARMAC_IS_NOTE (self), NULL);
  return self->subject_type;
}

const char *
tarmac_note_get_subject_ref (TarmacNote *self)
{
  g_return_val_if_fail (TARMAC_IS_NOTE (self), NULL);
  return self->subject_ref;
}

const char *
tarmac_note_get_body (TarmacNote *self)
{
  g_return_val_if_fail (TARMAC_IS_NOTE (self), NULL);
  return self->body;
}

const char *
tarmac_note_get_created_at (TarmacNote *self)
{
  g_return_val_if_fail (TARMAC_IS_NOTE (self), NULL);
  return self->created_at;
}

/* "note", "alert" or "lookout" */
const char *
tarmac_note_get_kind (TarmacNote *self)
{
  g_return_val_if_fail (TARMAC_IS_NOTE (self), NULL);
  return self->kind;
}

/* the airports it was sent to, comma-separated ("" for this site only) */
const char *
tarmac_note_get_recipients (TarmacNote *self)
{
  g_return_val_if_fail (TARMAC_IS_NOTE (self), NULL);
  return self->recipients;
}

/* "local", "pending" (waiting to be sent), "sent" (the hub has it) or "received" */
const char *
tarmac_note_get_delivery (TarmacNote *self)
{
  g_return_val_if_fail (TARMAC_IS_NOTE (self), NULL);
  return self->delivery;
}

/* (nullable): the note this one answers */
const char *
tarmac_note_get_reply_to (TarmacNote *self)
{
  g_return_val_if_fail (TARMAC_IS_NOTE (self), NULL);
  return self->reply_to;
}

/* (nullable): the first note of the thread this one belongs to */
const char *
tarmac_note_get_thread_root (TarmacNote *self)
{
  g_return_val_if_fail (TARMAC_IS_NOTE (self), NULL);
  return self->thread_root;
}

/* (nullable): when this site first read it */
const char *
tarmac_note_get_read_at (TarmacNote *self)
{
  g_return_val_if_fail (TARMAC_IS_NOTE (self), NULL);
  return self->read_at;
}

/* A note from another site that nobody here has read yet. */
gboolean
tarmac_note_get_unread (TarmacNote *self)
{
  g_return_val_if_fail (TARMAC_IS_NOTE (self), FALSE);
  return self->unread;
}
