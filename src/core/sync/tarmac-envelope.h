/* tarmac-envelope.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "tarmac-device-keys.h"
#include "tarmac-types.h"

G_BEGIN_DECLS

#define TARMAC_ENVELOPE_MAX_HEADER     (8 * 1024)
#define TARMAC_ENVELOPE_MAX_CIPHERTEXT (256 * 1024)
#define TARMAC_ENVELOPE_MAX_BODY       (1024 * 1024)
#define TARMAC_ENVELOPE_MAX_RECIPIENTS 64
#define TARMAC_ENVELOPE_MAX_JSON       (512 * 1024)

/* The longest a lookout may live, from when it was written. */
#define TARMAC_LOOKOUT_MAX_MS          (G_GINT64_CONSTANT (90) * 24 * 3600 * 1000)

/**
 * TarmacEnvelopeDraft:
 * @kind: "note", "alert", "lookout", "comment", "ack" or "hit"
 * @record_id: the record's UUID (tarmac_envelope_new_record_id() for a new one)
 * @origin_site: the writing site's code (the record's owner)
 * @author: the officer, as the site knows them
 * @device_seq: the device's next sequence number, from 1, without gaps
 * @hlc: tarmac_hlc_tick()
 * @prev_version: the version this one replaces, or %NULL for the first
 * @ref_record_id: the record a comment, ack or hit is about, or %NULL
 * @recipients: the sites that may read it besides the origin, %NULL-terminated
 * @priority: the priority
 * @expires_at: Unix milliseconds after which every node drops it, or 0
 * @deleted: a tombstone: the record's last version, with an empty body
 *
 * What the author states about a version. It becomes the signed header.
 */
typedef struct
{
  const char          *kind;
  const char          *record_id;
  const char          *origin_site;
  const char          *author;
  guint64              device_seq;
  guint64              hlc;
  const char          *prev_version;
  const char          *ref_record_id;
  const char * const  *recipients;
  TarmacNotePriority   priority;
  gint64               expires_at;
  gboolean             deleted;
} TarmacEnvelopeDraft;

#define TARMAC_TYPE_ENVELOPE (tarmac_envelope_get_type ())

G_DECLARE_FINAL_TYPE (TarmacEnvelope, tarmac_envelope, TARMAC, ENVELOPE, GObject)

char               *tarmac_envelope_new_record_id        (void);
gboolean            tarmac_envelope_is_site_code         (const char                 *code);

TarmacEnvelope     *tarmac_envelope_seal                 (const TarmacEnvelopeDraft  *draft,
                                                          GBytes                     *body,
                                                          TarmacDeviceKeys           *keys,
                                                          GHashTable                 *site_box_keys,
                                                          GError                    **error);
TarmacEnvelope     *tarmac_envelope_new_from_parts       (GBytes                     *header,
                                                          GBytes                     *ciphertext,
                                                          GBytes                     *signature,
                                                          GHashTable                 *wraps,
                                                          GError                    **error);
TarmacEnvelope     *tarmac_envelope_new_from_json        (JsonNode                   *node,
                                                          GError                    **error);
TarmacEnvelope     *tarmac_envelope_new_from_data        (const char                 *data,
                                                          gsize                       length,
                                                          GError                    **error);
JsonNode           *tarmac_envelope_to_json              (TarmacEnvelope             *self,
                                                          const char                 *only_site);
char               *tarmac_envelope_to_data              (TarmacEnvelope             *self,
                                                          const char                 *only_site);

gboolean            tarmac_envelope_verify_signature     (TarmacEnvelope             *self,
                                                          const guint8               *sign_pk,
                                                          GError                    **error);
GBytes             *tarmac_envelope_open                 (TarmacEnvelope             *self,
                                                          const char                 *site,
                                                          TarmacDeviceKeys           *keys,
                                                          GError                    **error);

const char         *tarmac_envelope_get_version_id       (TarmacEnvelope             *self);
const char         *tarmac_envelope_get_kind             (TarmacEnvelope             *self);
const char         *tarmac_envelope_get_record_id        (TarmacEnvelope             *self);
const char         *tarmac_envelope_get_origin_site      (TarmacEnvelope             *self);
const char         *tarmac_envelope_get_origin_device    (TarmacEnvelope             *self);
const char         *tarmac_envelope_get_author           (TarmacEnvelope             *self);
guint64             tarmac_envelope_get_device_seq       (TarmacEnvelope             *self);
guint64             tarmac_envelope_get_hlc              (TarmacEnvelope             *self);
const char         *tarmac_envelope_get_prev_version     (TarmacEnvelope             *self);
const char         *tarmac_envelope_get_ref_record_id    (TarmacEnvelope             *self);
const char * const *tarmac_envelope_get_recipients       (TarmacEnvelope             *self);
gboolean            tarmac_envelope_is_visible_to        (TarmacEnvelope             *self,
                                                          const char                 *site);
TarmacNotePriority  tarmac_envelope_get_priority         (TarmacEnvelope             *self);
gint64              tarmac_envelope_get_expires_at       (TarmacEnvelope             *self);
gboolean            tarmac_envelope_get_deleted          (TarmacEnvelope             *self);
GBytes             *tarmac_envelope_get_header           (TarmacEnvelope             *self);
GBytes             *tarmac_envelope_get_ciphertext       (TarmacEnvelope             *self);
GBytes             *tarmac_envelope_get_signature        (TarmacEnvelope             *self);
GBytes             *tarmac_envelope_get_wrap             (TarmacEnvelope             *self,
                                                          const char                 *site);
GHashTable         *tarmac_envelope_get_wraps            (TarmacEnvelope             *self);
GBytes             *tarmac_envelope_steal_wrap           (TarmacEnvelope             *self,
                                                          const char                 *site);

G_END_DECLS
