/* tarmac-hit.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "tarmac-store.h"

G_BEGIN_DECLS

/* The review states of a hit (the hit table's status column). */
#define TARMAC_HIT_NEW                 "new"
#define TARMAC_HIT_IN_REVIEW           "in_review"
#define TARMAC_HIT_CLEARED             "cleared"
#define TARMAC_HIT_REFERRED            "referred"
#define TARMAC_HIT_CONTROLLED_POSITIVE "controlled_positive"
#define TARMAC_HIT_CONTROLLED_NEGATIVE "controlled_negative"
#define TARMAC_HIT_NOT_CONTROLLED      "not_controlled"

/* Filters for tarmac_hit_list(): a status above, or one of these. */
#define TARMAC_HIT_FILTER_OPEN "open"
#define TARMAC_HIT_FILTER_ALL  "all"

#define TARMAC_TYPE_HIT (tarmac_hit_get_type ())

G_DECLARE_FINAL_TYPE (TarmacHit, tarmac_hit, TARMAC, HIT, GObject)

typedef struct
{
  char *at;
  char *officer;
  char *text;
} TarmacHitComment;

gint64      tarmac_hit_get_id             (TarmacHit *self);
gint64      tarmac_hit_get_traveller_id   (TarmacHit *self);
const char *tarmac_hit_get_traveller_name (TarmacHit *self);
const char *tarmac_hit_get_flight_label   (TarmacHit *self);
const char *tarmac_hit_get_source         (TarmacHit *self);
const char *tarmac_hit_get_list_name      (TarmacHit *self);
const char *tarmac_hit_get_entry_name     (TarmacHit *self);
const char *tarmac_hit_get_entry_ref      (TarmacHit *self);
double      tarmac_hit_get_score          (TarmacHit *self);
const char *tarmac_hit_get_explanation    (TarmacHit *self);
const char *tarmac_hit_get_summary        (TarmacHit *self);
const char *tarmac_hit_get_status         (TarmacHit *self);
const char *tarmac_hit_get_created_at     (TarmacHit *self);

char       *tarmac_hit_explanation_text   (const char *explanation);
const char *const *tarmac_hit_next_statuses (const char *status);
gboolean    tarmac_hit_status_is_open     (const char *status);

GListModel *tarmac_hit_list               (TarmacStore  *store,
                                           const char   *filter,
                                           guint         limit,
                                           GError      **error);
TarmacHit  *tarmac_hit_get                (TarmacStore  *store,
                                           gint64        hit_id,
                                           GError      **error);
guint       tarmac_hit_count              (TarmacStore  *store,
                                           const char   *filter);
gboolean    tarmac_hit_set_status         (TarmacStore  *store,
                                           gint64        hit_id,
                                           const char   *status,
                                           const char   *comment,
                                           GError      **error);
GPtrArray  *tarmac_hit_list_comments      (TarmacStore  *store,
                                           gint64        hit_id,
                                           GError      **error);
void        tarmac_hit_comment_free       (TarmacHitComment *comment);

JsonNode   *tarmac_hit_list_json          (TarmacStore  *store,
                                           const char   *filter,
                                           GArray       *ids,
                                           guint         limit,
                                           GError      **error);

gboolean    _tarmac_hit_is_status         (const char   *status);

G_END_DECLS
