/* tarmac-seizure.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-seizure"

#include "config.h"

#include <math.h>

#include "tarmac-seizure.h"

/* A seizure record, one version of it (research/seizures.md §8.3), with its item lines, route legs, agencies, non-nominal persons and attachments as list models. Built by TarmacSeizureStore or from JSON; saving goes through the store, which validates. */
struct _TarmacSeizure
{
  GObject parent_instance;

  gint64 id;
  char *ref_no;
  gint64 series_id;
  int version;
  gint64 previous_id;
  char *status;
  char *occurred_at;
  char *airport;
  char *place;
  char *direction;
  char *flow_type;
  gint64 flight_id;
  char *flight_label;
  gint64 hit_id;
  gint64 traveller_id;
  char *selection_reason;
  char *detection_technique;
  char *legal_action;
  char *offence_summary;
  char *modus_operandi;
  char *narrative;
  char *sensitivity;
  char *created_at;
  char *created_by;
  char *validated_at;
  char *validated_by;
  GListStore *items;
  GListStore *legs;
  GListStore *agencies;
  GListStore *persons;
  GListStore *attachments;
};

G_DEFINE_FINAL_TYPE (TarmacSeizure, tarmac_seizure, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_REF_NO,
  PROP_SERIES_ID,
  PROP_VERSION,
  PROP_PREVIOUS_ID,
  PROP_STATUS,
  PROP_OCCURRED_AT,
  PROP_AIRPORT,
  PROP_PLACE,
  PROP_DIRECTION,
  PROP_FLOW_TYPE,
  PROP_FLIGHT_ID,
  PROP_FLIGHT_LABEL,
  PROP_HIT_ID,
  PROP_TRAVELLER_ID,
  PROP_SELECTION_REASON,
  PROP_DETECTION_TECHNIQUE,
  PROP_LEGAL_ACTION,
  PROP_OFFENCE_SUMMARY,
  PROP_MODUS_OPERANDI,
  PROP_NARRATIVE,
  PROP_SENSITIVITY,
  PROP_CREATED_AT,
  PROP_CREATED_BY,
  PROP_VALIDATED_AT,
  PROP_VALIDATED_BY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
tarmac_seizure_finalize (GObject *object)
{
  TarmacSeizure *self = (TarmacSeizure *)object;

  g_clear_pointer (&self->ref_no, g_free);
  g_clear_pointer (&self->status, g_free);
  g_clear_pointer (&self->occurred_at, g_free);
  g_clear_pointer (&self->airport, g_free);
  g_clear_pointer (&self->place, g_free);
  g_clear_pointer (&self->direction, g_free);
  g_clear_pointer (&self->flow_type, g_free);
  g_clear_pointer (&self->flight_label, g_free);
  g_clear_pointer (&self->selection_reason, g_free);
  g_clear_pointer (&self->detection_technique, g_free);
  g_clear_pointer (&self->legal_action, g_free);
  g_clear_pointer (&self->offence_summary, g_free);
  g_clear_pointer (&self->modus_operandi, g_free);
  g_clear_pointer (&self->narrative, g_free);
  g_clear_pointer (&self->sensitivity, g_free);
  g_clear_pointer (&self->created_at, g_free);
  g_clear_pointer (&self->created_by, g_free);
  g_clear_pointer (&self->validated_at, g_free);
  g_clear_pointer (&self->validated_by, g_free);
  g_clear_object (&self->items);
  g_clear_object (&self->legs);
  g_clear_object (&self->agencies);
  g_clear_object (&self->persons);
  g_clear_object (&self->attachments);

  G_OBJECT_CLASS (tarmac_seizure_parent_class)->finalize (object);
}

static void
tarmac_seizure_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  TarmacSeizure *self = TARMAC_SEIZURE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_REF_NO:
      g_value_set_string (value, self->ref_no);
      break;

    case PROP_SERIES_ID:
      g_value_set_int64 (value, self->series_id);
      break;

    case PROP_VERSION:
      g_value_set_int (value, self->version);
      break;

    case PROP_PREVIOUS_ID:
      g_value_set_int64 (value, self->previous_id);
      break;

    case PROP_STATUS:
      g_value_set_string (value, self->status);
      break;

    case PROP_OCCURRED_AT:
      g_value_set_string (value, self->occurred_at);
      break;

    case PROP_AIRPORT:
      g_value_set_string (value, self->airport);
      break;

    case PROP_PLACE:
      g_value_set_string (value, self->place);
      break;

    case PROP_DIRECTION:
      g_value_set_string (value, self->direction);
      break;

    case PROP_FLOW_TYPE:
      g_value_set_string (value, self->flow_type);
      break;

    case PROP_FLIGHT_ID:
      g_value_set_int64 (value, self->flight_id);
      break;

    case PROP_FLIGHT_LABEL:
      g_value_set_string (value, self->flight_label);
      break;

    case PROP_HIT_ID:
      g_value_set_int64 (value, self->hit_id);
      break;

    case PROP_TRAVELLER_ID:
      g_value_set_int64 (value, self->traveller_id);
      break;

    case PROP_SELECTION_REASON:
      g_value_set_string (value, self->selection_reason);
      break;

    case PROP_DETECTION_TECHNIQUE:
      g_value_set_string (value, self->detection_technique);
      break;

    case PROP_LEGAL_ACTION:
      g_value_set_string (value, self->legal_action);
      break;

    case PROP_OFFENCE_SUMMARY:
      g_value_set_string (value, self->offence_summary);
      break;

    case PROP_MODUS_OPERANDI:
      g_value_set_string (value, self->modus_operandi);
      break;

    case PROP_NARRATIVE:
      g_value_set_string (value, self->narrative);
      break;

    case PROP_SENSITIVITY:
      g_value_set_string (value, self->sensitivity);
      break;

    case PROP_CREATED_AT:
      g_value_set_string (value, self->created_at);
      break;

    case PROP_CREATED_BY:
      g_value_set_string (value, self->created_by);
      break;

    case PROP_VALIDATED_AT:
      g_value_set_string (value, self->validated_at);
      break;

    case PROP_VALIDATED_BY:
      g_value_set_string (value, self->validated_by);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tarmac_seizure_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  TarmacSeizure *self = TARMAC_SEIZURE (object);

  switch (prop_id)
    {
    case PROP_ID:
      tarmac_seizure_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_REF_NO:
      tarmac_seizure_set_ref_no (self, g_value_get_string (value));
      break;

    case PROP_SERIES_ID:
      tarmac_seizure_set_series_id (self, g_value_get_int64 (value));
      break;

    case PROP_VERSION:
      tarmac_seizure_set_version (self, g_value_get_int (value));
      break;

    case PROP_PREVIOUS_ID:
      tarmac_seizure_set_previous_id (self, g_value_get_int64 (value));
      break;

    case PROP_STATUS:
      tarmac_seizure_set_status (self, g_value_get_string (value));
      break;

    case PROP_OCCURRED_AT:
      tarmac_seizure_set_occurred_at (self, g_value_get_string (value));
      break;

    case PROP_AIRPORT:
      tarmac_seizure_set_airport (self, g_value_get_string (value));
      break;

    case PROP_PLACE:
      tarmac_seizure_set_place (self, g_value_get_string (value));
      break;

    case PROP_DIRECTION:
      tarmac_seizure_set_direction (self, g_value_get_string (value));
      break;

    case PROP_FLOW_TYPE:
      tarmac_seizure_set_flow_type (self, g_value_get_string (value));
      break;

    case PROP_FLIGHT_ID:
      tarmac_seizure_set_flight_id (self, g_value_get_int64 (value));
      break;

    case PROP_FLIGHT_LABEL:
      tarmac_seizure_set_flight_label (self, g_value_get_string (value));
      break;

    case PROP_HIT_ID:
      tarmac_seizure_set_hit_id (self, g_value_get_int64 (value));
      break;

    case PROP_TRAVELLER_ID:
      tarmac_seizure_set_traveller_id (self, g_value_get_int64 (value));
      break;

    case PROP_SELECTION_REASON:
      tarmac_seizure_set_selection_reason (self, g_value_get_string (value));
      break;

    case PROP_DETECTION_TECHNIQUE:
      tarmac_seizure_set_detection_technique (self, g_value_get_string (value));
      break;

    case PROP_LEGAL_ACTION:
      tarmac_seizure_set_legal_action (self, g_value_get_string (value));
      break;

    case PROP_OFFENCE_SUMMARY:
      tarmac_seizure_set_offence_summary (self, g_value_get_string (value));
      break;

    case PROP_MODUS_OPERANDI:
      tarmac_seizure_set_modus_operandi (self, g_value_get_string (value));
      break;

    case PROP_NARRATIVE:
      tarmac_seizure_set_narrative (self, g_value_get_string (value));
      break;

    case PROP_SENSITIVITY:
      tarmac_seizure_set_sensitivity (self, g_value_get_string (value));
      break;

    case PROP_CREATED_AT:
      tarmac_seizure_set_created_at (self, g_value_get_string (value));
      break;

    case PROP_CREATED_BY:
      tarmac_seizure_set_created_by (self, g_value_get_string (value));
      break;

    case PROP_VALIDATED_AT:
      tarmac_seizure_set_validated_at (self, g_value_get_string (value));
      break;

    case PROP_VALIDATED_BY:
      tarmac_seizure_set_validated_by (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tarmac_seizure_class_init (TarmacSeizureClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tarmac_seizure_finalize;
  object_class->get_property = tarmac_seizure_get_property;
  object_class->set_property = tarmac_seizure_set_property;

  /* row id of this version, 0 before saving */
  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* local reference, e.g. DSS-2026-0042 */
  properties[PROP_REF_NO] =
    g_param_spec_string ("ref-no", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* id of the first version */
  properties[PROP_SERIES_ID] =
    g_param_spec_int64 ("series-id", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* version number, from 1 */
  properties[PROP_VERSION] =
    g_param_spec_int ("version", NULL, NULL, 0, G_MAXINT, 1,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* the version this one was edited from, 0 for the first */
  properties[PROP_PREVIOUS_ID] =
    g_param_spec_int64 ("previous-id", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* DRAFT, SUBMITTED, VALIDATED, SHARED or CLOSED */
  properties[PROP_STATUS] =
    g_param_spec_string ("status", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* UTC ISO-8601 date and time */
  properties[PROP_OCCURRED_AT] =
    g_param_spec_string ("occurred-at", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* IATA code of the airport where it happened */
  properties[PROP_AIRPORT] =
    g_param_spec_string ("airport", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* place within the airport (code) */
  properties[PROP_PLACE] =
    g_param_spec_string ("place", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* IN, OUT or TRN */
  properties[PROP_DIRECTION] =
    g_param_spec_string ("direction", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* flow type code */
  properties[PROP_FLOW_TYPE] =
    g_param_spec_string ("flow-type", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* linked flight row, 0 for none */
  properties[PROP_FLIGHT_ID] =
    g_param_spec_int64 ("flight-id", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* the flight as text (CARRIER+NUMBER/DATE), kept when the flight row goes */
  properties[PROP_FLIGHT_LABEL] =
    g_param_spec_string ("flight-label", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* the hit whose control found it, 0 for none */
  properties[PROP_HIT_ID] =
    g_param_spec_int64 ("hit-id", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* the traveller involved, 0 for none */
  properties[PROP_TRAVELLER_ID] =
    g_param_spec_int64 ("traveller-id", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* why controlled (code) */
  properties[PROP_SELECTION_REASON] =
    g_param_spec_string ("selection-reason", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* how found (code) */
  properties[PROP_DETECTION_TECHNIQUE] =
    g_param_spec_string ("detection-technique", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* legal follow-up (code) */
  properties[PROP_LEGAL_ACTION] =
    g_param_spec_string ("legal-action", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* one line */
  properties[PROP_OFFENCE_SUMMARY] =
    g_param_spec_string ("offence-summary", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* free text */
  properties[PROP_MODUS_OPERANDI] =
    g_param_spec_string ("modus-operandi", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* free text */
  properties[PROP_NARRATIVE] =
    g_param_spec_string ("narrative", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* T1 (operational) or T2 (restricted) */
  properties[PROP_SENSITIVITY] =
    g_param_spec_string ("sensitivity", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* when this version was created */
  properties[PROP_CREATED_AT] =
    g_param_spec_string ("created-at", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* who created it */
  properties[PROP_CREATED_BY] =
    g_param_spec_string ("created-by", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* when it was validated */
  properties[PROP_VALIDATED_AT] =
    g_param_spec_string ("validated-at", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* who validated it */
  properties[PROP_VALIDATED_BY] =
    g_param_spec_string ("validated-by", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tarmac_seizure_init (TarmacSeizure *self)
{
  self->version = 1;
  self->items = g_list_store_new (TARMAC_TYPE_SEIZURE_ITEM);
  self->legs = g_list_store_new (TARMAC_TYPE_SEIZURE_LEG);
  self->agencies = g_list_store_new (TARMAC_TYPE_SEIZURE_AGENCY);
  self->persons = g_list_store_new (TARMAC_TYPE_SEIZURE_PERSON);
  self->attachments = g_list_store_new (TARMAC_TYPE_SEIZURE_ATTACHMENT);
}

TarmacSeizure *
tarmac_seizure_new (void)
{
  return g_object_new (TARMAC_TYPE_SEIZURE, NULL);
}

gint64
tarmac_seizure_get_id (TarmacSeizure *self)
{
  g_return_val_if_fail (TARMAC_IS_SEIZURE (self), 0);

  return self->id;
}

void
tarmac_seizure_set_id (TarmacSeizure *self,
                      gint64 id)
{
  g_return_if_fail (TARMAC_IS_SEIZURE (self));

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
tarmac_seizure_get_ref_no (TarmacSeizure *self)
{
  g_return_val_if_fail (TARMAC_IS_SEIZURE (self), NULL);

  return self->ref_no;
}

void
tarmac_seizure_set_ref_no (TarmacSeizure *self,
                          const char *ref_no)
{
  g_return_if_fail (TARMAC_IS_SEIZURE (self));

  if (g_strcmp0 (self->ref_no, ref_no) == 0)
    return;

  g_free (self->ref_no);
  self->ref_no = g_strdup (ref_no);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REF_NO]);
}

gint64
tarmac_seizure_get_series_id (TarmacSeizure *self)
{
  g_return_val_if_fail (TARMAC_IS_SEIZURE (self), 0);

  return self->series_id;
}

void
tarmac_seizure_set_series_id (TarmacSeizure *self,
                             gint64 series_id)
{
  g_return_if_fail (TARMAC_IS_SEIZURE (self));

  if (self->series_id == series_id)
    return;

  self->series_id = series_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SERIES_ID]);
}

int
tarmac_seizure_get_version (TarmacSeizure *self)
{
  g_return_val_if_fail (TARMAC_IS_SEIZURE (self), 0);

  return self->version;
}

void
tarmac_seizure_set_version (TarmacSeizure *self,
                           int version)
{
  g_return_if_fail (TARMAC_IS_SEIZURE (self));

  if (self->version == version)
    return;

  self->version = version;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VERSION]);
}

gint64
tarmac_seizure_get_previous_id (TarmacSeizure *self)
{
  g_return_val_if_fail (TARMAC_IS_SEIZURE (self), 0);

  return self->previous_id;
}

void
tarmac_seizure_set_previous_id (TarmacSeizure *self,
                               gint64 previous_id)
{
  g_return_if_fail (TARMAC_IS_SEIZURE (self));

  if (self->previous_id == previous_id)
    return;

  self->previous_id = previous_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PREVIOUS_ID]);
}

const char *
tarmac_seizure_get_status (TarmacSeizure *self)
{
  g_return_val_if_fail (TARMAC_IS_SEIZURE (self), NULL);

  return self->status;
}

void
tarmac_seizure_set_status (TarmacSeizure *self,
                          const char *status)
{
  g_return_if_fail (TARMAC_IS_SEIZURE (self));

  if (g_strcmp0 (self->status, status) == 0)
    return;

  g_free (self->status);
  self->status = g_strdup (status);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

const char *
tarmac_seizure_get_occurred_at (TarmacSeizure *self)
{
  g_return_val_if_fail (TARMAC_IS_SEIZURE (self), NULL);

  return self->occurred_at;
}

void
tarmac_seizure_set_occurred_at (TarmacSeizure *self,
                               const char *occurred_at)
{
  g_return_if_fail (TARMAC_IS_SEIZURE (self));

  if (g_strcmp0 (self->occurred_at, occurred_at) == 0)
    return;

  g_free (self->occurred_at);
  self->occurred_at = g_strdup (occurred_at);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OCCURRED_AT]);
}

const char *
tarmac_seizure_get_airport (TarmacSeizure *self)
{
  g_return_val_if_fail (TARMAC_IS_SEIZURE (self), NULL);

  return self->airport;
}

void
tarmac_seizure_set_airport (TarmacSeizure *self,
                           const char *airport)
{
  g_return_if_fail (TARMAC_IS_SEIZURE (self));

  if (g_strcmp0 (self->airport, airport) == 0)
    return;

  g_free (self->airport);
  self->airport = g_strdup (airport);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AIRPORT]);
}

const char *
tarmac_seizure_get_place (TarmacSeizure *self)
{
  g_return_val_if_fail (TARMAC_IS_SEIZURE (self), NULL);

  return self->place;
}

void
tarmac_seizure_set_place (TarmacSeizure *self,
                         const char *place)
{
  g_return_if_fail (TARMAC_IS_SEIZURE (self));

  if (g_strcmp0 (self->place, place) == 0)
    return;

  g_free (self->place);
  self->place = g_strdup (place);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLACE]);
}

const char *
tarmac_seizure_get_direction (TarmacSeizure *self)
{
  g_return_val_if_fail (TARMAC_IS_SEIZURE (self), NULL);

  return self->direction;
}

void
tarmac_seizure_set_direction (TarmacSeizure *self,
                             const char *direction)
{
  g_return_if_fail (TARMAC_IS_SEIZURE (self));

  if (g_strcmp0 (self->direction, direction) == 0)
    return;

  g_free (self->direction);
  self->direction = g_strdup (direction);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRECTION]);
}

const char *
tarmac_seizure_get_flow_type (TarmacSeizure *self)
{
  g_return_val_if_fail (TARMAC_IS_SEIZURE (self), NULL);

  return self->flow_type;
}

void
tarmac_seizure_set_flow_type (TarmacSeizure *self,
                             const char *flow_type)
{
  g_return_if_fail (TARMAC_IS_SEIZURE (self));

  if (g_strcmp0 (self->flow_type, flow_type) == 0)
    return;

  g_free (self->flow_type);
  self->flow_type = g_strdup (flow_type);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FLOW_TYPE]);
}

gint64
tarmac_seizure_get_flight_id (TarmacSeizure *self)
{
  g_return_val_if_fail (TARMAC_IS_SEIZURE (self), 0);

  return self->flight_id;
}

void
tarmac_seizure_set_flight_id (TarmacSeizure *self,
                             gint64 flight_id)
{
  g_return_if_fail (TARMAC_IS_SEIZURE (self));

  if (self->flight_id == flight_id)
    return;

  self->flight_id = flight_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FLIGHT_ID]);
}

const char *
tarmac_seizure_get_flight_label (TarmacSeizure *self)
{
  g_return_val_if_fail (TARMAC_IS_SEIZURE (self), NULL);

  return self->flight_label;
}

void
tarmac_seizure_set_flight_label (TarmacSeizure *self,
                                const char *flight_label)
{
  g_return_if_fail (TARMAC_IS_SEIZURE (self));

  if (g_strcmp0 (self->flight_label, flight_label) == 0)
    return;

  g_free (self->flight_label);
  self->flight_label = g_strdup (flight_label);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FLIGHT_LABEL]);
}

gint64
tarmac_seizure_get_hit_id (TarmacSeizure *self)
{
  g_return_val_if_fail (TARMAC_IS_SEIZURE (self), 0);

  return self->hit_id;
}

void
tarmac_seizure_set_hit_id (TarmacSeizure *self,
                          gint64 hit_id)
{
  g_return_if_fail (TARMAC_IS_SEIZURE (self));

  if (self->hit_id == hit_id)
    return;

  self->hit_id = hit_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HIT_ID]);
}

gint64
tarmac_seizure_get_traveller_id (TarmacSeizure *self)
{
  g_return_val_if_fail (TARMAC_IS_SEIZURE (self), 0);

  return self->traveller_id;
}

void
tarmac_seizure_set_traveller_id (TarmacSeizure *self,
                                gint64 traveller_id)
{
  g_return_if_fail (TARMAC_IS_SEIZURE (self));

  if (self->traveller_id == traveller_id)
    return;

  self->traveller_id = traveller_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TRAVELLER_ID]);
}

const char *
tarmac_seizure_get_selection_reason (TarmacSeizure *self)
{
  g_return_val_if_fail (TARMAC_IS_SEIZURE (self), NULL);

  return self->selection_reason;
}

void
tarmac_seizure_set_selection_reason (TarmacSeizure *self,
                                    const char *selection_reason)
{
  g_return_if_fail (TARMAC_IS_SEIZURE (self));

  if (g_strcmp0 (self->selection_reason, selection_reason) == 0)
    return;

  g_free (self->selection_reason);
  self->selection_reason = g_strdup (selection_reason);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTION_REASON]);
}

const char *
tarmac_seizure_get_detection_technique (TarmacSeizure *self)
{
  g_return_val_if_fail (TARMAC_IS_SEIZURE (self), NULL);

  return self->detection_technique;
}

void
tarmac_seizure_set_detection_technique (TarmacSeizure *self,
                                       const char *detection_technique)
{
  g_return_if_fail (TARMAC_IS_SEIZURE (self));

  if (g_strcmp0 (self->detection_technique, detection_technique) == 0)
    return;

  g_free (self->detection_technique);
  self->detection_technique = g_strdup (detection_technique);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DETECTION_TECHNIQUE]);
}

const char *
tarmac_seizure_get_legal_action (TarmacSeizure *self)
{
  g_return_val_if_fail (TARMAC_IS_SEIZURE (self), NULL);

  return self->legal_action;
}

void
tarmac_seizure_set_legal_action (TarmacSeizure *self,
                                const char *legal_action)
{
  g_return_if_fail (TARMAC_IS_SEIZURE (self));

  if (g_strcmp0 (self->legal_action, legal_action) == 0)
    return;

  g_free (self->legal_action);
  self->legal_action = g_strdup (legal_action);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LEGAL_ACTION]);
}

const char *
tarmac_seizure_get_offence_summary (TarmacSeizure *self)
{
  g_return_val_if_fail (TARMAC_IS_SEIZURE (self), NULL);

  return self->offence_summary;
}

void
tarmac_seizure_set_offence_summary (TarmacSeizure *self,
                                   const char *offence_summary)
{
  g_return_if_fail (TARMAC_IS_SEIZURE (self));

  if (g_strcmp0 (self->offence_summary, offence_summary) == 0)
    return;

  g_free (self->offence_summary);
  self->offence_summary = g_strdup (offence_summary);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OFFENCE_SUMMARY]);
}

const char *
tarmac_seizure_get_modus_operandi (TarmacSeizure *self)
{
  g_return_val_if_fail (TARMAC_IS_SEIZURE (self), NULL);

  return self->modus_operandi;
}

void
tarmac_seizure_set_modus_operandi (TarmacSeizure *self,
                                  const char *modus_operandi)
{
  g_return_if_fail (TARMAC_IS_SEIZURE (self));

  if (g_strcmp0 (self->modus_operandi, modus_operandi) == 0)
    return;

  g_free (self->modus_operandi);
  self->modus_operandi = g_strdup (modus_operandi);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODUS_OPERANDI]);
}

const char *
tarmac_seizure_get_narrative (TarmacSeizure *self)
{
  g_return_val_if_fail (TARMAC_IS_SEIZURE (self), NULL);

  return self->narrative;
}

void
tarmac_seizure_set_narrative (TarmacSeizure *self,
                             const char *narrative)
{
  g_return_if_fail (TARMAC_IS_SEIZURE (self));

  if (g_strcmp0 (self->narrative, narrative) == 0)
    return;

  g_free (self->narrative);
  self->narrative = g_strdup (narrative);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NARRATIVE]);
}

const char *
tarmac_seizure_get_sensitivity (TarmacSeizure *self)
{
  g_return_val_if_fail (TARMAC_IS_SEIZURE (self), NULL);

  return self->sensitivity;
}

void
tarmac_seizure_set_sensitivity (TarmacSeizure *self,
                               const char *sensitivity)
{
  g_return_if_fail (TARMAC_IS_SEIZURE (self));

  if (g_strcmp0 (self->sensitivity, sensitivity) == 0)
    return;

  g_free (self->sensitivity);
  self->sensitivity = g_strdup (sensitivity);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SENSITIVITY]);
}

const char *
tarmac_seizure_get_created_at (TarmacSeizure *self)
{
  g_return_val_if_fail (TARMAC_IS_SEIZURE (self), NULL);

  return self->created_at;
}

void
tarmac_seizure_set_created_at (TarmacSeizure *self,
                              const char *created_at)
{
  g_return_if_fail (TARMAC_IS_SEIZURE (self));

  if (g_strcmp0 (self->created_at, created_at) == 0)
    return;

  g_free (self->created_at);
  self->created_at = g_strdup (created_at);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATED_AT]);
}

const char *
tarmac_seizure_get_created_by (TarmacSeizure *self)
{
  g_return_val_if_fail (TARMAC_IS_SEIZURE (self), NULL);

  return self->created_by;
}

void
tarmac_seizure_set_created_by (TarmacSeizure *self,
                              const char *created_by)
{
  g_return_if_fail (TARMAC_IS_SEIZURE (self));

  if (g_strcmp0 (self->created_by, created_by) == 0)
    return;

  g_free (self->created_by);
  self->created_by = g_strdup (created_by);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATED_BY]);
}

const char *
tarmac_seizure_get_validated_at (TarmacSeizure *self)
{
  g_return_val_if_fail (TARMAC_IS_SEIZURE (self), NULL);

  return self->validated_at;
}

void
tarmac_seizure_set_validated_at (TarmacSeizure *self,
                                const char *validated_at)
{
  g_return_if_fail (TARMAC_IS_SEIZURE (self));

  if (g_strcmp0 (self->validated_at, validated_at) == 0)
    return;

  g_free (self->validated_at);
  self->validated_at = g_strdup (validated_at);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALIDATED_AT]);
}

const char *
tarmac_seizure_get_validated_by (TarmacSeizure *self)
{
  g_return_val_if_fail (TARMAC_IS_SEIZURE (self), NULL);

  return self->validated_by;
}

void
tarmac_seizure_set_validated_by (TarmacSeizure *self,
                                const char *validated_by)
{
  g_return_if_fail (TARMAC_IS_SEIZURE (self));

  if (g_strcmp0 (self->validated_by, validated_by) == 0)
    return;

  g_free (self->validated_by);
  self->validated_by = g_strdup (validated_by);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALIDATED_BY]);
}

/* Returns: (transfer none): the record's items, in order */
GListModel *
tarmac_seizure_get_items (TarmacSeizure *self)
{
  g_return_val_if_fail (TARMAC_IS_SEIZURE (self), NULL);

  return G_LIST_MODEL (self->items);
}

void
tarmac_seizure_add_item (TarmacSeizure *self,
                        TarmacSeizureItem *item)
{
  g_return_if_fail (TARMAC_IS_SEIZURE (self));
  g_return_if_fail (TARMAC_IS_SEIZURE_ITEM (item));

  g_list_store_append (self->items, item);
}

/* Returns: (transfer none): the record's legs, in order */
GListModel *
tarmac_seizure_get_legs (TarmacSeizure *self)
{
  g_return_val_if_fail (TARMAC_IS_SEIZURE (self), NULL);

  return G_LIST_MODEL (self->legs);
}

void
tarmac_seizure_add_leg (TarmacSeizure *self,
                        TarmacSeizureLeg *leg)
{
  g_return_if_fail (TARMAC_IS_SEIZURE (self));
  g_return_if_fail (TARMAC_IS_SEIZURE_LEG (leg));

  g_list_store_append (self->legs, leg);
}

/* Returns: (transfer none): the record's agencies, in order */
GListModel *
tarmac_seizure_get_agencies (TarmacSeizure *self)
{
  g_return_val_if_fail (TARMAC_IS_SEIZURE (self), NULL);

  return G_LIST_MODEL (self->agencies);
}

void
tarmac_seizure_add_agency (TarmacSeizure *self,
                        TarmacSeizureAgency *agency)
{
  g_return_if_fail (TARMAC_IS_SEIZURE (self));
  g_return_if_fail (TARMAC_IS_SEIZURE_AGENCY (agency));

  g_list_store_append (self->agencies, agency);
}

/* Returns: (transfer none): the record's persons, in order */
GListModel *
tarmac_seizure_get_persons (TarmacSeizure *self)
{
  g_return_val_if_fail (TARMAC_IS_SEIZURE (self), NULL);

  return G_LIST_MODEL (self->persons);
}

void
tarmac_seizure_add_person (TarmacSeizure *self,
                        TarmacSeizurePerson *person)
{
  g_return_if_fail (TARMAC_IS_SEIZURE (self));
  g_return_if_fail (TARMAC_IS_SEIZURE_PERSON (person));

  g_list_store_append (self->persons, person);
}

/* Returns: (transfer none): the record's attachments, in order */
GListModel *
tarmac_seizure_get_attachments (TarmacSeizure *self)
{
  g_return_val_if_fail (TARMAC_IS_SEIZURE (self), NULL);

  return G_LIST_MODEL (self->attachments);
}

void
tarmac_seizure_add_attachment (TarmacSeizure *self,
                        TarmacSeizureAttachment *attachment)
{
  g_return_if_fail (TARMAC_IS_SEIZURE (self));
  g_return_if_fail (TARMAC_IS_SEIZURE_ATTACHMENT (attachment));

  g_list_store_append (self->attachments, attachment);
}

void
tarmac_seizure_clear_lists (TarmacSeizure *self)
{
  g_return_if_fail (TARMAC_IS_SEIZURE (self));

  g_list_store_remove_all (self->items);
  g_list_store_remove_all (self->legs);
  g_list_store_remove_all (self->agencies);
  g_list_store_remove_all (self->persons);
  g_list_store_remove_all (self->attachments);
}
