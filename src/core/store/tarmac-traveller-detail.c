/* tarmac-traveller-detail.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-traveller-detail"

#include "config.h"

#include "tarmac-enums.h"
#include "tarmac-traveller-detail.h"

/* Everything Tarmac holds about one traveller, read at once for the traveller page by
 * tarmac_store_load_traveller_detail() (tarmac-traveller-detail-load.c), which audits the
 * view. Immutable: the page loads a new one to refresh. A masked traveller (retention)
 * comes back with masked set and the masked values ("***", empty lists of contacts). */

struct _TarmacTravellerDetail
{
  GObject              parent_instance;

  gint64               id;
  gint64               flight_id;
  char                *flight_label;
  gboolean             masked;
  TarmacTravellerKind  kind;
  gboolean             is_infant;
  char                *surname;
  char                *given_names;
  char                *sex;
  char                *date_of_birth;
  char                *nationality;
  char                *residence;
  char                *birthplace;
  char                *seat;
  int                  bag_count;
  double               bag_weight_kg;
  char                *bag_tags;
  char                *boarding_status;
  gboolean             transit;
  char                *embarkation;
  char                *debarkation;
  char                *booking_reference;
  gboolean             from_api;
  gboolean             from_pnr;
  gint64               pnr_id;
  char                *pnr_locator;
  char                *pnr_carrier;
  char                *pnr_created_at;
  char                *pnr_agency;
  char                *pnr_point_of_sale;
  GListModel          *documents;
  GListModel          *findings;
  GListModel          *pnr_versions;
  GListModel          *segments;
  GListModel          *contacts;
  GListModel          *payments;
  GListModel          *ssrs;
  GListModel          *history;
  GListModel          *co_travellers;
  GListModel          *sources;
  GListModel          *hits;
  char                *full_name;
};

G_DEFINE_FINAL_TYPE (TarmacTravellerDetail, tarmac_traveller_detail, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_FLIGHT_ID,
  PROP_FLIGHT_LABEL,
  PROP_MASKED,
  PROP_KIND,
  PROP_IS_INFANT,
  PROP_SURNAME,
  PROP_GIVEN_NAMES,
  PROP_SEX,
  PROP_DATE_OF_BIRTH,
  PROP_NATIONALITY,
  PROP_RESIDENCE,
  PROP_BIRTHPLACE,
  PROP_SEAT,
  PROP_BAG_COUNT,
  PROP_BAG_WEIGHT_KG,
  PROP_BAG_TAGS,
  PROP_BOARDING_STATUS,
  PROP_TRANSIT,
  PROP_EMBARKATION,
  PROP_DEBARKATION,
  PROP_BOOKING_REFERENCE,
  PROP_FROM_API,
  PROP_FROM_PNR,
  PROP_PNR_ID,
  PROP_PNR_LOCATOR,
  PROP_PNR_CARRIER,
  PROP_PNR_CREATED_AT,
  PROP_PNR_AGENCY,
  PROP_PNR_POINT_OF_SALE,
  PROP_DOCUMENTS,
  PROP_FINDINGS,
  PROP_PNR_VERSIONS,
  PROP_SEGMENTS,
  PROP_CONTACTS,
  PROP_PAYMENTS,
  PROP_SSRS,
  PROP_HISTORY,
  PROP_CO_TRAVELLERS,
  PROP_SOURCES,
  PROP_HITS,
  PROP_FULL_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
tarmac_traveller_detail_constructed (GObject *object)
{
  TarmacTravellerDetail *self = (TarmacTravellerDetail *)object;

  G_OBJECT_CLASS (tarmac_traveller_detail_parent_class)->constructed (object);

  /* Surname first, as manifests and watchlists write it (see TarmacTraveller). */
  if (self->given_names != NULL && *self->given_names != '\0')
    self->full_name = g_strdup_printf ("%s, %s", self->surname ? self->surname : "",
                                       self->given_names);
  else
    self->full_name = g_strdup (self->surname ? self->surname : "");
}

static void
tarmac_traveller_detail_dispose (GObject *object)
{
  TarmacTravellerDetail *self = (TarmacTravellerDetail *)object;

  g_clear_object (&self->documents);
  g_clear_object (&self->findings);
  g_clear_object (&self->pnr_versions);
  g_clear_object (&self->segments);
  g_clear_object (&self->contacts);
  g_clear_object (&self->payments);
  g_clear_object (&self->ssrs);
  g_clear_object (&self->history);
  g_clear_object (&self->co_travellers);
  g_clear_object (&self->sources);
  g_clear_object (&self->hits);

  G_OBJECT_CLASS (tarmac_traveller_detail_parent_class)->dispose (object);
}

static void
tarmac_traveller_detail_finalize (GObject *object)
{
  TarmacTravellerDetail *self = (TarmacTravellerDetail *)object;

  g_clear_pointer (&self->flight_label, g_free);
  g_clear_pointer (&self->surname, g_free);
  g_clear_pointer (&self->given_names, g_free);
  g_clear_pointer (&self->sex, g_free);
  g_clear_pointer (&self->date_of_birth, g_free);
  g_clear_pointer (&self->nationality, g_free);
  g_clear_pointer (&self->residence, g_free);
  g_clear_pointer (&self->birthplace, g_free);
  g_clear_pointer (&self->seat, g_free);
  g_clear_pointer (&self->bag_tags, g_free);
  g_clear_pointer (&self->boarding_status, g_free);
  g_clear_pointer (&self->embarkation, g_free);
  g_clear_pointer (&self->debarkation, g_free);
  g_clear_pointer (&self->booking_reference, g_free);
  g_clear_pointer (&self->pnr_locator, g_free);
  g_clear_pointer (&self->pnr_carrier, g_free);
  g_clear_pointer (&self->pnr_created_at, g_free);
  g_clear_pointer (&self->pnr_agency, g_free);
  g_clear_pointer (&self->pnr_point_of_sale, g_free);
  g_clear_pointer (&self->full_name, g_free);

  G_OBJECT_CLASS (tarmac_traveller_detail_parent_class)->finalize (object);
}

static void
tarmac_traveller_detail_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  TarmacTravellerDetail *self = TARMAC_TRAVELLER_DETAIL (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_FLIGHT_ID:
      g_value_set_int64 (value, self->flight_id);
      break;

    case PROP_FLIGHT_LABEL:
      g_value_set_string (value, self->flight_label);
      break;

    case PROP_MASKED:
      g_value_set_boolean (value, self->masked);
      break;

    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_IS_INFANT:
      g_value_set_boolean (value, self->is_infant);
      break;

    case PROP_SURNAME:
      g_value_set_string (value, self->surname);
      break;

    case PROP_GIVEN_NAMES:
      g_value_set_string (value, self->given_names);
      break;

    case PROP_SEX:
      g_value_set_string (value, self->sex);
      break;

    case PROP_DATE_OF_BIRTH:
      g_value_set_string (value, self->date_of_birth);
      break;

    case PROP_NATIONALITY:
      g_value_set_string (value, self->nationality);
      break;

    case PROP_RESIDENCE:
      g_value_set_string (value, self->residence);
      break;

    case PROP_BIRTHPLACE:
      g_value_set_string (value, self->birthplace);
      break;

    case PROP_SEAT:
      g_value_set_string (value, self->seat);
      break;

    case PROP_BAG_COUNT:
      g_value_set_int (value, self->bag_count);
      break;

    case PROP_BAG_WEIGHT_KG:
      g_value_set_double (value, self->bag_weight_kg);
      break;

    case PROP_BAG_TAGS:
      g_value_set_string (value, self->bag_tags);
      break;

    case PROP_BOARDING_STATUS:
      g_value_set_string (value, self->boarding_status);
      break;

    case PROP_TRANSIT:
      g_value_set_boolean (value, self->transit);
      break;

    case PROP_EMBARKATION:
      g_value_set_string (value, self->embarkation);
      break;

    case PROP_DEBARKATION:
      g_value_set_string (value, self->debarkation);
      break;

    case PROP_BOOKING_REFERENCE:
      g_value_set_string (value, self->booking_reference);
      break;

    case PROP_FROM_API:
      g_value_set_boolean (value, self->from_api);
      break;

    case PROP_FROM_PNR:
      g_value_set_boolean (value, self->from_pnr);
      break;

    case PROP_PNR_ID:
      g_value_set_int64 (value, self->pnr_id);
      break;

    case PROP_PNR_LOCATOR:
      g_value_set_string (value, self->pnr_locator);
      break;

    case PROP_PNR_CARRIER:
      g_value_set_string (value, self->pnr_carrier);
      break;

    case PROP_PNR_CREATED_AT:
      g_value_set_string (value, self->pnr_created_at);
      break;

    case PROP_PNR_AGENCY:
      g_value_set_string (value, self->pnr_agency);
      break;

    case PROP_PNR_POINT_OF_SALE:
      g_value_set_string (value, self->pnr_point_of_sale);
      break;

    case PROP_DOCUMENTS:
      g_value_set_object (value, self->documents);
      break;

    case PROP_FINDINGS:
      g_value_set_object (value, self->findings);
      break;

    case PROP_PNR_VERSIONS:
      g_value_set_object (value, self->pnr_versions);
      break;

    case PROP_SEGMENTS:
      g_value_set_object (value, self->segments);
      break;

    case PROP_CONTACTS:
      g_value_set_object (value, self->contacts);
      break;

    case PROP_PAYMENTS:
      g_value_set_object (value, self->payments);
      break;

    case PROP_SSRS:
      g_value_set_object (value, self->ssrs);
      break;

    case PROP_HISTORY:
      g_value_set_object (value, self->history);
      break;

    case PROP_CO_TRAVELLERS:
      g_value_set_object (value, self->co_travellers);
      break;

    case PROP_SOURCES:
      g_value_set_object (value, self->sources);
      break;

    case PROP_HITS:
      g_value_set_object (value, self->hits);
      break;

    case PROP_FULL_NAME:
      g_value_set_string (value, self->full_name);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tarmac_traveller_detail_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  TarmacTravellerDetail *self = TARMAC_TRAVELLER_DETAIL (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;

    case PROP_FLIGHT_ID:
      self->flight_id = g_value_get_int64 (value);
      break;

    case PROP_FLIGHT_LABEL:
      self->flight_label = g_value_dup_string (value);
      break;

    case PROP_MASKED:
      self->masked = g_value_get_boolean (value);
      break;

    case PROP_KIND:
      self->kind = g_value_get_enum (value);
      break;

    case PROP_IS_INFANT:
      self->is_infant = g_value_get_boolean (value);
      break;

    case PROP_SURNAME:
      self->surname = g_value_dup_string (value);
      break;

    case PROP_GIVEN_NAMES:
      self->given_names = g_value_dup_string (value);
      break;

    case PROP_SEX:
      self->sex = g_value_dup_string (value);
      break;

    case PROP_DATE_OF_BIRTH:
      self->date_of_birth = g_value_dup_string (value);
      break;

    case PROP_NATIONALITY:
      self->nationality = g_value_dup_string (value);
      break;

    case PROP_RESIDENCE:
      self->residence = g_value_dup_string (value);
      break;

    case PROP_BIRTHPLACE:
      self->birthplace = g_value_dup_string (value);
      break;

    case PROP_SEAT:
      self->seat = g_value_dup_string (value);
      break;

    case PROP_BAG_COUNT:
      self->bag_count = g_value_get_int (value);
      break;

    case PROP_BAG_WEIGHT_KG:
      self->bag_weight_kg = g_value_get_double (value);
      break;

    case PROP_BAG_TAGS:
      self->bag_tags = g_value_dup_string (value);
      break;

    case PROP_BOARDING_STATUS:
      self->boarding_status = g_value_dup_string (value);
      break;

    case PROP_TRANSIT:
      self->transit = g_value_get_boolean (value);
      break;

    case PROP_EMBARKATION:
      self->embarkation = g_value_dup_string (value);
      break;

    case PROP_DEBARKATION:
      self->debarkation = g_value_dup_string (value);
      break;

    case PROP_BOOKING_REFERENCE:
      self->booking_reference = g_value_dup_string (value);
      break;

    case PROP_FROM_API:
      self->from_api = g_value_get_boolean (value);
      break;

    case PROP_FROM_PNR:
      self->from_pnr = g_value_get_boolean (value);
      break;

    case PROP_PNR_ID:
      self->pnr_id = g_value_get_int64 (value);
      break;

    case PROP_PNR_LOCATOR:
      self->pnr_locator = g_value_dup_string (value);
      break;

    case PROP_PNR_CARRIER:
      self->pnr_carrier = g_value_dup_string (value);
      break;

    case PROP_PNR_CREATED_AT:
      self->pnr_created_at = g_value_dup_string (value);
      break;

    case PROP_PNR_AGENCY:
      self->pnr_agency = g_value_dup_string (value);
      break;

    case PROP_PNR_POINT_OF_SALE:
      self->pnr_point_of_sale = g_value_dup_string (value);
      break;

    case PROP_DOCUMENTS:
      self->documents = g_value_dup_object (value);
      break;

    case PROP_FINDINGS:
      self->findings = g_value_dup_object (value);
      break;

    case PROP_PNR_VERSIONS:
      self->pnr_versions = g_value_dup_object (value);
      break;

    case PROP_SEGMENTS:
      self->segments = g_value_dup_object (value);
      break;

    case PROP_CONTACTS:
      self->contacts = g_value_dup_object (value);
      break;

    case PROP_PAYMENTS:
      self->payments = g_value_dup_object (value);
      break;

    case PROP_SSRS:
      self->ssrs = g_value_dup_object (value);
      break;

    case PROP_HISTORY:
      self->history = g_value_dup_object (value);
      break;

    case PROP_CO_TRAVELLERS:
      self->co_travellers = g_value_dup_object (value);
      break;

    case PROP_SOURCES:
      self->sources = g_value_dup_object (value);
      break;

    case PROP_HITS:
      self->hits = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tarmac_traveller_detail_class_init (TarmacTravellerDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags construct_flags = (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                       G_PARAM_STATIC_STRINGS);

  object_class->constructed = tarmac_traveller_detail_constructed;
  object_class->dispose = tarmac_traveller_detail_dispose;
  object_class->finalize = tarmac_traveller_detail_finalize;
  object_class->get_property = tarmac_traveller_detail_get_property;
  object_class->set_property = tarmac_traveller_detail_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, construct_flags);
  properties[PROP_FLIGHT_ID] =
    g_param_spec_int64 ("flight-id", NULL, NULL, 0, G_MAXINT64, 0, construct_flags);
  properties[PROP_FLIGHT_LABEL] =
    g_param_spec_string ("flight-label", NULL, NULL, NULL, construct_flags);
  properties[PROP_MASKED] =
    g_param_spec_boolean ("masked", NULL, NULL, FALSE, construct_flags);
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       TARMAC_TYPE_TRAVELLER_KIND, TARMAC_TRAVELLER_PASSENGER,
                       construct_flags);
  properties[PROP_IS_INFANT] =
    g_param_spec_boolean ("is-infant", NULL, NULL, FALSE, construct_flags);
  properties[PROP_SURNAME] =
    g_param_spec_string ("surname", NULL, NULL, NULL, construct_flags);
  properties[PROP_GIVEN_NAMES] =
    g_param_spec_string ("given-names", NULL, NULL, NULL, construct_flags);
  properties[PROP_SEX] =
    g_param_spec_string ("sex", NULL, NULL, NULL, construct_flags);
  properties[PROP_DATE_OF_BIRTH] =
    g_param_spec_string ("date-of-birth", NULL, NULL, NULL, construct_flags);
  properties[PROP_NATIONALITY] =
    g_param_spec_string ("nationality", NULL, NULL, NULL, construct_flags);
  properties[PROP_RESIDENCE] =
    g_param_spec_string ("residence", NULL, NULL, NULL, construct_flags);
  properties[PROP_BIRTHPLACE] =
    g_param_spec_string ("birthplace", NULL, NULL, NULL, construct_flags);
  properties[PROP_SEAT] =
    g_param_spec_string ("seat", NULL, NULL, NULL, construct_flags);
  properties[PROP_BAG_COUNT] =
    g_param_spec_int ("bag-count", NULL, NULL, -1, G_MAXINT, -1, construct_flags);
  properties[PROP_BAG_WEIGHT_KG] =
    g_param_spec_double ("bag-weight-kg", NULL, NULL, -1.0, G_MAXDOUBLE, -1.0, construct_flags);
  properties[PROP_BAG_TAGS] =
    g_param_spec_string ("bag-tags", NULL, NULL, NULL, construct_flags);
  properties[PROP_BOARDING_STATUS] =
    g_param_spec_string ("boarding-status", NULL, NULL, NULL, construct_flags);
  properties[PROP_TRANSIT] =
    g_param_spec_boolean ("transit", NULL, NULL, FALSE, construct_flags);
  properties[PROP_EMBARKATION] =
    g_param_spec_string ("embarkation", NULL, NULL, NULL, construct_flags);
  properties[PROP_DEBARKATION] =
    g_param_spec_string ("debarkation", NULL, NULL, NULL, construct_flags);
  properties[PROP_BOOKING_REFERENCE] =
    g_param_spec_string ("booking-reference", NULL, NULL, NULL, construct_flags);
  properties[PROP_FROM_API] =
    g_param_spec_boolean ("from-api", NULL, NULL, FALSE, construct_flags);
  properties[PROP_FROM_PNR] =
    g_param_spec_boolean ("from-pnr", NULL, NULL, FALSE, construct_flags);
  properties[PROP_PNR_ID] =
    g_param_spec_int64 ("pnr-id", NULL, NULL, 0, G_MAXINT64, 0, construct_flags);
  properties[PROP_PNR_LOCATOR] =
    g_param_spec_string ("pnr-locator", NULL, NULL, NULL, construct_flags);
  properties[PROP_PNR_CARRIER] =
    g_param_spec_string ("pnr-carrier", NULL, NULL, NULL, construct_flags);
  properties[PROP_PNR_CREATED_AT] =
    g_param_spec_string ("pnr-created-at", NULL, NULL, NULL, construct_flags);
  properties[PROP_PNR_AGENCY] =
    g_param_spec_string ("pnr-agency", NULL, NULL, NULL, construct_flags);
  properties[PROP_PNR_POINT_OF_SALE] =
    g_param_spec_string ("pnr-point-of-sale", NULL, NULL, NULL, construct_flags);
  properties[PROP_DOCUMENTS] =
    g_param_spec_object ("documents", NULL, NULL, G_TYPE_LIST_MODEL, construct_flags);
  properties[PROP_FINDINGS] =
    g_param_spec_object ("findings", NULL, NULL, G_TYPE_LIST_MODEL, construct_flags);
  properties[PROP_PNR_VERSIONS] =
    g_param_spec_object ("pnr-versions", NULL, NULL, G_TYPE_LIST_MODEL, construct_flags);
  properties[PROP_SEGMENTS] =
    g_param_spec_object ("segments", NULL, NULL, G_TYPE_LIST_MODEL, construct_flags);
  properties[PROP_CONTACTS] =
    g_param_spec_object ("contacts", NULL, NULL, G_TYPE_LIST_MODEL, construct_flags);
  properties[PROP_PAYMENTS] =
    g_param_spec_object ("payments", NULL, NULL, G_TYPE_LIST_MODEL, construct_flags);
  properties[PROP_SSRS] =
    g_param_spec_object ("ssrs", NULL, NULL, G_TYPE_LIST_MODEL, construct_flags);
  properties[PROP_HISTORY] =
    g_param_spec_object ("history", NULL, NULL, G_TYPE_LIST_MODEL, construct_flags);
  properties[PROP_CO_TRAVELLERS] =
    g_param_spec_object ("co-travellers", NULL, NULL, G_TYPE_LIST_MODEL, construct_flags);
  properties[PROP_SOURCES] =
    g_param_spec_object ("sources", NULL, NULL, G_TYPE_LIST_MODEL, construct_flags);
  properties[PROP_HITS] =
    g_param_spec_object ("hits", NULL, NULL, G_TYPE_LIST_MODEL, construct_flags);
  properties[PROP_FULL_NAME] =
    g_param_spec_string ("full-name", NULL, NULL, NULL, (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tarmac_traveller_detail_init (TarmacTravellerDetail *self)
{
}

gint64
tarmac_traveller_detail_get_id (TarmacTravellerDetail *self)
{
  g_return_val_if_fail (TARMAC_IS_TRAVELLER_DETAIL (self), 0);
  return self->id;
}

gint64
tarmac_traveller_detail_get_flight_id (TarmacTravellerDetail *self)
{
  g_return_val_if_fail (TARMAC_IS_TRAVELLER_DETAIL (self), 0);
  return self->flight_id;
}

const char *
tarmac_traveller_detail_get_flight_label (TarmacTravellerDetail *self)
{
  g_return_val_if_fail (TARMAC_IS_TRAVELLER_DETAIL (self), NULL);
  return self->flight_label;
}

gboolean
tarmac_traveller_detail_get_masked (TarmacTravellerDetail *self)
{
  g_return_val_if_fail (TARMAC_IS_TRAVELLER_DETAIL (self), FALSE);
  return self->masked;
}

TarmacTravellerKind
tarmac_traveller_detail_get_kind (TarmacTravellerDetail *self)
{
  g_return_val_if_fail (TARMAC_IS_TRAVELLER_DETAIL (self), TARMAC_TRAVELLER_PASSENGER);
  return self->kind;
}

gboolean
tarmac_traveller_detail_get_is_infant (TarmacTravellerDetail *self)
{
  g_return_val_if_fail (TARMAC_IS_TRAVELLER_DETAIL (self), FALSE);
  return self->is_infant;
}

const char *
tarmac_traveller_detail_get_surname (TarmacTravellerDetail *self)
{
  g_return_val_if_fail (TARMAC_IS_TRAVELLER_DETAIL (self), NULL);
  return self->surname;
}

const char *
tarmac_traveller_detail_get_given_names (TarmacTravellerDetail *self)
{
  g_return_val_if_fail (TARMAC_IS_TRAVELLER_DETAIL (self), NULL);
  return self->given_names;
}

const char *
tarmac_traveller_detail_get_sex (TarmacTravellerDetail *self)
{
  g_return_val_if_fail (TARMAC_IS_TRAVELLER_DETAIL (self), NULL);
  return self->sex;
}

const char *
tarmac_traveller_detail_get_date_of_birth (TarmacTravellerDetail *self)
{
  g_return_val_if_fail (TARMAC_IS_TRAVELLER_DETAIL (self), NULL);
  return self->date_of_birth;
}

const char *
tarmac_traveller_detail_get_nationality (TarmacTravellerDetail *self)
{
  g_return_val_if_fail (TARMAC_IS_TRAVELLER_DETAIL (self), NULL);
  return self->nationality;
}

const char *
tarmac_traveller_detail_get_residence (TarmacTravellerDetail *self)
{
  g_return_val_if_fail (TARMAC_IS_TRAVELLER_DETAIL (self), NULL);
  return self->residence;
}

const char *
tarmac_traveller_detail_get_birthplace (TarmacTravellerDetail *self)
{
  g_return_val_if_fail (TARMAC_IS_TRAVELLER_DETAIL (self), NULL);
  return self->birthplace;
}

const char *
tarmac_traveller_detail_get_seat (TarmacTravellerDetail *self)
{
  g_return_val_if_fail (TARMAC_IS_TRAVELLER_DETAIL (self), NULL);
  return self->seat;
}

int
tarmac_traveller_detail_get_bag_count (TarmacTravellerDetail *self)
{
  g_return_val_if_fail (TARMAC_IS_TRAVELLER_DETAIL (self), -1);
  return self->bag_count;
}

double
tarmac_traveller_detail_get_bag_weight_kg (TarmacTravellerDetail *self)
{
  g_return_val_if_fail (TARMAC_IS_TRAVELLER_DETAIL (self), -1.0);
  return self->bag_weight_kg;
}

const char *
tarmac_traveller_detail_get_bag_tags (TarmacTravellerDetail *self)
{
  g_return_val_if_fail (TARMAC_IS_TRAVELLER_DETAIL (self), NULL);
  return self->bag_tags;
}

const char *
tarmac_traveller_detail_get_boarding_status (TarmacTravellerDetail *self)
{
  g_return_val_if_fail (TARMAC_IS_TRAVELLER_DETAIL (self), NULL);
  return self->boarding_status;
}

gboolean
tarmac_traveller_detail_get_transit (TarmacTravellerDetail *self)
{
  g_return_val_if_fail (TARMAC_IS_TRAVELLER_DETAIL (self), FALSE);
  return self->transit;
}

const char *
tarmac_traveller_detail_get_embarkation (TarmacTravellerDetail *self)
{
  g_return_val_if_fail (TARMAC_IS_TRAVELLER_DETAIL (self), NULL);
  return self->embarkation;
}

const char *
tarmac_traveller_detail_get_debarkation (TarmacTravellerDetail *self)
{
  g_return_val_if_fail (TARMAC_IS_TRAVELLER_DETAIL (self), NULL);
  return self->debarkation;
}

const char *
tarmac_traveller_detail_get_booking_reference (TarmacTravellerDetail *self)
{
  g_return_val_if_fail (TARMAC_IS_TRAVELLER_DETAIL (self), NULL);
  return self->booking_reference;
}

gboolean
tarmac_traveller_detail_get_from_api (TarmacTravellerDetail *self)
{
  g_return_val_if_fail (TARMAC_IS_TRAVELLER_DETAIL (self), FALSE);
  return self->from_api;
}

gboolean
tarmac_traveller_detail_get_from_pnr (TarmacTravellerDetail *self)
{
  g_return_val_if_fail (TARMAC_IS_TRAVELLER_DETAIL (self), FALSE);
  return self->from_pnr;
}

gint64
tarmac_traveller_detail_get_pnr_id (TarmacTravellerDetail *self)
{
  g_return_val_if_fail (TARMAC_IS_TRAVELLER_DETAIL (self), 0);
  return self->pnr_id;
}

const char *
tarmac_traveller_detail_get_pnr_locator (TarmacTravellerDetail *self)
{
  g_return_val_if_fail (TARMAC_IS_TRAVELLER_DETAIL (self), NULL);
  return self->pnr_locator;
}

const char *
tarmac_traveller_detail_get_pnr_carrier (TarmacTravellerDetail *self)
{
  g_return_val_if_fail (TARMAC_IS_TRAVELLER_DETAIL (self), NULL);
  return self->pnr_carrier;
}

const char *
tarmac_traveller_detail_get_pnr_created_at (TarmacTravellerDetail *self)
{
  g_return_val_if_fail (TARMAC_IS_TRAVELLER_DETAIL (self), NULL);
  return self->pnr_created_at;
}

const char *
tarmac_traveller_detail_get_pnr_agency (TarmacTravellerDetail *self)
{
  g_return_val_if_fail (TARMAC_IS_TRAVELLER_DETAIL (self), NULL);
  return self->pnr_agency;
}

const char *
tarmac_traveller_detail_get_pnr_point_of_sale (TarmacTravellerDetail *self)
{
  g_return_val_if_fail (TARMAC_IS_TRAVELLER_DETAIL (self), NULL);
  return self->pnr_point_of_sale;
}

GListModel *
tarmac_traveller_detail_get_documents (TarmacTravellerDetail *self)
{
  g_return_val_if_fail (TARMAC_IS_TRAVELLER_DETAIL (self), NULL);
  return self->documents;
}

GListModel *
tarmac_traveller_detail_get_findings (TarmacTravellerDetail *self)
{
  g_return_val_if_fail (TARMAC_IS_TRAVELLER_DETAIL (self), NULL);
  return self->findings;
}

GListModel *
tarmac_traveller_detail_get_pnr_versions (TarmacTravellerDetail *self)
{
  g_return_val_if_fail (TARMAC_IS_TRAVELLER_DETAIL (self), NULL);
  return self->pnr_versions;
}

GListModel *
tarmac_traveller_detail_get_segments (TarmacTravellerDetail *self)
{
  g_return_val_if_fail (TARMAC_IS_TRAVELLER_DETAIL (self), NULL);
  return self->segments;
}

GListModel *
tarmac_traveller_detail_get_contacts (TarmacTravellerDetail *self)
{
  g_return_val_if_fail (TARMAC_IS_TRAVELLER_DETAIL (self), NULL);
  return self->contacts;
}

GListModel *
tarmac_traveller_detail_get_payments (TarmacTravellerDetail *self)
{
  g_return_val_if_fail (TARMAC_IS_TRAVELLER_DETAIL (self), NULL);
  return self->payments;
}

GListModel *
tarmac_traveller_detail_get_ssrs (TarmacTravellerDetail *self)
{
  g_return_val_if_fail (TARMAC_IS_TRAVELLER_DETAIL (self), NULL);
  return self->ssrs;
}

GListModel *
tarmac_traveller_detail_get_history (TarmacTravellerDetail *self)
{
  g_return_val_if_fail (TARMAC_IS_TRAVELLER_DETAIL (self), NULL);
  return self->history;
}

GListModel *
tarmac_traveller_detail_get_co_travellers (TarmacTravellerDetail *self)
{
  g_return_val_if_fail (TARMAC_IS_TRAVELLER_DETAIL (self), NULL);
  return self->co_travellers;
}

GListModel *
tarmac_traveller_detail_get_sources (TarmacTravellerDetail *self)
{
  g_return_val_if_fail (TARMAC_IS_TRAVELLER_DETAIL (self), NULL);
  return self->sources;
}

GListModel *
tarmac_traveller_detail_get_hits (TarmacTravellerDetail *self)
{
  g_return_val_if_fail (TARMAC_IS_TRAVELLER_DETAIL (self), NULL);
  return self->hits;
}

const char *
tarmac_traveller_detail_get_full_name (TarmacTravellerDetail *self)
{
  g_return_val_if_fail (TARMAC_IS_TRAVELLER_DETAIL (self), NULL);
  return self->full_name;
}
