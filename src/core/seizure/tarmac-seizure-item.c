/* tarmac-seizure-item.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-seizure"

#include "config.h"

#include <math.h>

#include "tarmac-seizure-item.h"

/* One commodity line of a seizure (research/seizures.md §8.3). Absent numbers are 0 (quantity, rates, money) or -1 (pieces, kg-equivalent), since every present value is positive. */
struct _TarmacSeizureItem
{
  GObject parent_instance;

  int seq;
  char *category;
  char *subtype;
  char *description;
  double quantity;
  char *unit;
  gint64 pieces;
  gboolean qty_estimated;
  double kg_equivalent;
  double kg_factor;
  char *concealment;
  gint64 value_minor;
  char *value_currency;
  double fx_rate;
  char *fx_rate_date;
  gint64 value_usd_minor;
  double purity_pct;
  char *species;
  char *cites_term;
  char *ivory_state;
};

G_DEFINE_FINAL_TYPE (TarmacSeizureItem, tarmac_seizure_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SEQ,
  PROP_CATEGORY,
  PROP_SUBTYPE,
  PROP_DESCRIPTION,
  PROP_QUANTITY,
  PROP_UNIT,
  PROP_PIECES,
  PROP_QTY_ESTIMATED,
  PROP_KG_EQUIVALENT,
  PROP_KG_FACTOR,
  PROP_CONCEALMENT,
  PROP_VALUE_MINOR,
  PROP_VALUE_CURRENCY,
  PROP_FX_RATE,
  PROP_FX_RATE_DATE,
  PROP_VALUE_USD_MINOR,
  PROP_PURITY_PCT,
  PROP_SPECIES,
  PROP_CITES_TERM,
  PROP_IVORY_STATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
tarmac_seizure_item_finalize (GObject *object)
{
  TarmacSeizureItem *self = (TarmacSeizureItem *)object;

  g_clear_pointer (&self->category, g_free);
  g_clear_pointer (&self->subtype, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->unit, g_free);
  g_clear_pointer (&self->concealment, g_free);
  g_clear_pointer (&self->value_currency, g_free);
  g_clear_pointer (&self->fx_rate_date, g_free);
  g_clear_pointer (&self->species, g_free);
  g_clear_pointer (&self->cites_term, g_free);
  g_clear_pointer (&self->ivory_state, g_free);

  G_OBJECT_CLASS (tarmac_seizure_item_parent_class)->finalize (object);
}

static void
tarmac_seizure_item_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  TarmacSeizureItem *self = TARMAC_SEIZURE_ITEM (object);

  switch (prop_id)
    {
    case PROP_SEQ:
      g_value_set_int (value, self->seq);
      break;

    case PROP_CATEGORY:
      g_value_set_string (value, self->category);
      break;

    case PROP_SUBTYPE:
      g_value_set_string (value, self->subtype);
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;

    case PROP_QUANTITY:
      g_value_set_double (value, self->quantity);
      break;

    case PROP_UNIT:
      g_value_set_string (value, self->unit);
      break;

    case PROP_PIECES:
      g_value_set_int64 (value, self->pieces);
      break;

    case PROP_QTY_ESTIMATED:
      g_value_set_boolean (value, self->qty_estimated);
      break;

    case PROP_KG_EQUIVALENT:
      g_value_set_double (value, self->kg_equivalent);
      break;

    case PROP_KG_FACTOR:
      g_value_set_double (value, self->kg_factor);
      break;

    case PROP_CONCEALMENT:
      g_value_set_string (value, self->concealment);
      break;

    case PROP_VALUE_MINOR:
      g_value_set_int64 (value, self->value_minor);
      break;

    case PROP_VALUE_CURRENCY:
      g_value_set_string (value, self->value_currency);
      break;

    case PROP_FX_RATE:
      g_value_set_double (value, self->fx_rate);
      break;

    case PROP_FX_RATE_DATE:
      g_value_set_string (value, self->fx_rate_date);
      break;

    case PROP_VALUE_USD_MINOR:
      g_value_set_int64 (value, self->value_usd_minor);
      break;

    case PROP_PURITY_PCT:
      g_value_set_double (value, self->purity_pct);
      break;

    case PROP_SPECIES:
      g_value_set_string (value, self->species);
      break;

    case PROP_CITES_TERM:
      g_value_set_string (value, self->cites_term);
      break;

    case PROP_IVORY_STATE:
      g_value_set_string (value, self->ivory_state);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tarmac_seizure_item_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  TarmacSeizureItem *self = TARMAC_SEIZURE_ITEM (object);

  switch (prop_id)
    {
    case PROP_SEQ:
      tarmac_seizure_item_set_seq (self, g_value_get_int (value));
      break;

    case PROP_CATEGORY:
      tarmac_seizure_item_set_category (self, g_value_get_string (value));
      break;

    case PROP_SUBTYPE:
      tarmac_seizure_item_set_subtype (self, g_value_get_string (value));
      break;

    case PROP_DESCRIPTION:
      tarmac_seizure_item_set_description (self, g_value_get_string (value));
      break;

    case PROP_QUANTITY:
      tarmac_seizure_item_set_quantity (self, g_value_get_double (value));
      break;

    case PROP_UNIT:
      tarmac_seizure_item_set_unit (self, g_value_get_string (value));
      break;

    case PROP_PIECES:
      tarmac_seizure_item_set_pieces (self, g_value_get_int64 (value));
      break;

    case PROP_QTY_ESTIMATED:
      tarmac_seizure_item_set_qty_estimated (self, g_value_get_boolean (value));
      break;

    case PROP_KG_EQUIVALENT:
      tarmac_seizure_item_set_kg_equivalent (self, g_value_get_double (value));
      break;

    case PROP_KG_FACTOR:
      tarmac_seizure_item_set_kg_factor (self, g_value_get_double (value));
      break;

    case PROP_CONCEALMENT:
      tarmac_seizure_item_set_concealment (self, g_value_get_string (value));
      break;

    case PROP_VALUE_MINOR:
      tarmac_seizure_item_set_value_minor (self, g_value_get_int64 (value));
      break;

    case PROP_VALUE_CURRENCY:
      tarmac_seizure_item_set_value_currency (self, g_value_get_string (value));
      break;

    case PROP_FX_RATE:
      tarmac_seizure_item_set_fx_rate (self, g_value_get_double (value));
      break;

    case PROP_FX_RATE_DATE:
      tarmac_seizure_item_set_fx_rate_date (self, g_value_get_string (value));
      break;

    case PROP_VALUE_USD_MINOR:
      tarmac_seizure_item_set_value_usd_minor (self, g_value_get_int64 (value));
      break;

    case PROP_PURITY_PCT:
      tarmac_seizure_item_set_purity_pct (self, g_value_get_double (value));
      break;

    case PROP_SPECIES:
      tarmac_seizure_item_set_species (self, g_value_get_string (value));
      break;

    case PROP_CITES_TERM:
      tarmac_seizure_item_set_cites_term (self, g_value_get_string (value));
      break;

    case PROP_IVORY_STATE:
      tarmac_seizure_item_set_ivory_state (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tarmac_seizure_item_class_init (TarmacSeizureItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tarmac_seizure_item_finalize;
  object_class->get_property = tarmac_seizure_item_get_property;
  object_class->set_property = tarmac_seizure_item_set_property;

  /* 1-based position in the record */
  properties[PROP_SEQ] =
    g_param_spec_int ("seq", NULL, NULL, 0, G_MAXINT, 0,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* category code (data/seizure-codes.json) */
  properties[PROP_CATEGORY] =
    g_param_spec_string ("category", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* sub-type code */
  properties[PROP_SUBTYPE] =
    g_param_spec_string ("subtype", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* free text */
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* amount as reported, in unit; 0 when none (cash) */
  properties[PROP_QUANTITY] =
    g_param_spec_double ("quantity", NULL, NULL, 0.0, G_MAXDOUBLE, 0.0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* unit code; NULL for cash */
  properties[PROP_UNIT] =
    g_param_spec_string ("unit", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* number of packages or pieces, -1 unknown */
  properties[PROP_PIECES] =
    g_param_spec_int64 ("pieces", NULL, NULL, -1, G_MAXINT64, -1,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* quantity is an estimate */
  properties[PROP_QTY_ESTIMATED] =
    g_param_spec_boolean ("qty-estimated", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* computed on save; -1 when the unit has no factor */
  properties[PROP_KG_EQUIVALENT] =
    g_param_spec_double ("kg-equivalent", NULL, NULL, -1.0, G_MAXDOUBLE, -1.0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* kg per unit used for kg-equivalent; 0 when none */
  properties[PROP_KG_FACTOR] =
    g_param_spec_double ("kg-factor", NULL, NULL, 0.0, G_MAXDOUBLE, 0.0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* concealment code */
  properties[PROP_CONCEALMENT] =
    g_param_spec_string ("concealment", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* cash amount or estimated value, minor units of value-currency; 0 when none */
  properties[PROP_VALUE_MINOR] =
    g_param_spec_int64 ("value-minor", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* ISO 4217 code */
  properties[PROP_VALUE_CURRENCY] =
    g_param_spec_string ("value-currency", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* USD per major unit of value-currency, as used */
  properties[PROP_FX_RATE] =
    g_param_spec_double ("fx-rate", NULL, NULL, 0.0, G_MAXDOUBLE, 0.0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* date of the rate */
  properties[PROP_FX_RATE_DATE] =
    g_param_spec_string ("fx-rate-date", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* value in US cents, computed on save */
  properties[PROP_VALUE_USD_MINOR] =
    g_param_spec_int64 ("value-usd-minor", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* drug purity in %, 0 when unknown */
  properties[PROP_PURITY_PCT] =
    g_param_spec_double ("purity-pct", NULL, NULL, 0.0, G_MAXDOUBLE, 0.0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* scientific name (wildlife) */
  properties[PROP_SPECIES] =
    g_param_spec_string ("species", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* CITES term code (TUS, SCA…) */
  properties[PROP_CITES_TERM] =
    g_param_spec_string ("cites-term", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* RAW or WORKED */
  properties[PROP_IVORY_STATE] =
    g_param_spec_string ("ivory-state", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tarmac_seizure_item_init (TarmacSeizureItem *self)
{
  self->pieces = -1;
  self->kg_equivalent = -1.0;
}

TarmacSeizureItem *
tarmac_seizure_item_new (void)
{
  return g_object_new (TARMAC_TYPE_SEIZURE_ITEM, NULL);
}

int
tarmac_seizure_item_get_seq (TarmacSeizureItem *self)
{
  g_return_val_if_fail (TARMAC_IS_SEIZURE_ITEM (self), 0);

  return self->seq;
}

void
tarmac_seizure_item_set_seq (TarmacSeizureItem *self,
                            int seq)
{
  g_return_if_fail (TARMAC_IS_SEIZURE_ITEM (self));

  if (self->seq == seq)
    return;

  self->seq = seq;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEQ]);
}

const char *
tarmac_seizure_item_get_category (TarmacSeizureItem *self)
{
  g_return_val_if_fail (TARMAC_IS_SEIZURE_ITEM (self), NULL);

  return self->category;
}

void
tarmac_seizure_item_set_category (TarmacSeizureItem *self,
                                 const char *category)
{
  g_return_if_fail (TARMAC_IS_SEIZURE_ITEM (self));

  if (g_strcmp0 (self->category, category) == 0)
    return;

  g_free (self->category);
  self->category = g_strdup (category);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CATEGORY]);
}

const char *
tarmac_seizure_item_get_subtype (TarmacSeizureItem *self)
{
  g_return_val_if_fail (TARMAC_IS_SEIZURE_ITEM (self), NULL);

  return self->subtype;
}

void
tarmac_seizure_item_set_subtype (TarmacSeizureItem *self,
                                const char *subtype)
{
  g_return_if_fail (TARMAC_IS_SEIZURE_ITEM (self));

  if (g_strcmp0 (self->subtype, subtype) == 0)
    return;

  g_free (self->subtype);
  self->subtype = g_strdup (subtype);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUBTYPE]);
}

const char *
tarmac_seizure_item_get_description (TarmacSeizureItem *self)
{
  g_return_val_if_fail (TARMAC_IS_SEIZURE_ITEM (self), NULL);

  return self->description;
}

void
tarmac_seizure_item_set_description (TarmacSeizureItem *self,
                                    const char *description)
{
  g_return_if_fail (TARMAC_IS_SEIZURE_ITEM (self));

  if (g_strcmp0 (self->description, description) == 0)
    return;

  g_free (self->description);
  self->description = g_strdup (description);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
}

double
tarmac_seizure_item_get_quantity (TarmacSeizureItem *self)
{
  g_return_val_if_fail (TARMAC_IS_SEIZURE_ITEM (self), 0);

  return self->quantity;
}

void
tarmac_seizure_item_set_quantity (TarmacSeizureItem *self,
                                 double quantity)
{
  g_return_if_fail (TARMAC_IS_SEIZURE_ITEM (self));

  if (self->quantity == quantity)
    return;

  self->quantity = quantity;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUANTITY]);
}

const char *
tarmac_seizure_item_get_unit (TarmacSeizureItem *self)
{
  g_return_val_if_fail (TARMAC_IS_SEIZURE_ITEM (self), NULL);

  return self->unit;
}

void
tarmac_seizure_item_set_unit (TarmacSeizureItem *self,
                             const char *unit)
{
  g_return_if_fail (TARMAC_IS_SEIZURE_ITEM (self));

  if (g_strcmp0 (self->unit, unit) == 0)
    return;

  g_free (self->unit);
  self->unit = g_strdup (unit);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNIT]);
}

gint64
tarmac_seizure_item_get_pieces (TarmacSeizureItem *self)
{
  g_return_val_if_fail (TARMAC_IS_SEIZURE_ITEM (self), 0);

  return self->pieces;
}

void
tarmac_seizure_item_set_pieces (TarmacSeizureItem *self,
                               gint64 pieces)
{
  g_return_if_fail (TARMAC_IS_SEIZURE_ITEM (self));

  if (self->pieces == pieces)
    return;

  self->pieces = pieces;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PIECES]);
}

gboolean
tarmac_seizure_item_get_qty_estimated (TarmacSeizureItem *self)
{
  g_return_val_if_fail (TARMAC_IS_SEIZURE_ITEM (self), FALSE);

  return self->qty_estimated;
}

void
tarmac_seizure_item_set_qty_estimated (TarmacSeizureItem *self,
                                      gboolean qty_estimated)
{
  g_return_if_fail (TARMAC_IS_SEIZURE_ITEM (self));

  qty_estimated = !!qty_estimated;
  if (self->qty_estimated == qty_estimated)
    return;

  self->qty_estimated = qty_estimated;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QTY_ESTIMATED]);
}

double
tarmac_seizure_item_get_kg_equivalent (TarmacSeizureItem *self)
{
  g_return_val_if_fail (TARMAC_IS_SEIZURE_ITEM (self), 0);

  return self->kg_equivalent;
}

void
tarmac_seizure_item_set_kg_equivalent (TarmacSeizureItem *self,
                                      double kg_equivalent)
{
  g_return_if_fail (TARMAC_IS_SEIZURE_ITEM (self));

  if (self->kg_equivalent == kg_equivalent)
    return;

  self->kg_equivalent = kg_equivalent;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KG_EQUIVALENT]);
}

double
tarmac_seizure_item_get_kg_factor (TarmacSeizureItem *self)
{
  g_return_val_if_fail (TARMAC_IS_SEIZURE_ITEM (self), 0);

  return self->kg_factor;
}

void
tarmac_seizure_item_set_kg_factor (TarmacSeizureItem *self,
                                  double kg_factor)
{
  g_return_if_fail (TARMAC_IS_SEIZURE_ITEM (self));

  if (self->kg_factor == kg_factor)
    return;

  self->kg_factor = kg_factor;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KG_FACTOR]);
}

const char *
tarmac_seizure_item_get_concealment (TarmacSeizureItem *self)
{
  g_return_val_if_fail (TARMAC_IS_SEIZURE_ITEM (self), NULL);

  return self->concealment;
}

void
tarmac_seizure_item_set_concealment (TarmacSeizureItem *self,
                                    const char *concealment)
{
  g_return_if_fail (TARMAC_IS_SEIZURE_ITEM (self));

  if (g_strcmp0 (self->concealment, concealment) == 0)
    return;

  g_free (self->concealment);
  self->concealment = g_strdup (concealment);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONCEALMENT]);
}

gint64
tarmac_seizure_item_get_value_minor (TarmacSeizureItem *self)
{
  g_return_val_if_fail (TARMAC_IS_SEIZURE_ITEM (self), 0);

  return self->value_minor;
}

void
tarmac_seizure_item_set_value_minor (TarmacSeizureItem *self,
                                    gint64 value_minor)
{
  g_return_if_fail (TARMAC_IS_SEIZURE_ITEM (self));

  if (self->value_minor == value_minor)
    return;

  self->value_minor = value_minor;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE_MINOR]);
}

const char *
tarmac_seizure_item_get_value_currency (TarmacSeizureItem *self)
{
  g_return_val_if_fail (TARMAC_IS_SEIZURE_ITEM (self), NULL);

  return self->value_currency;
}

void
tarmac_seizure_item_set_value_currency (TarmacSeizureItem *self,
                                       const char *value_currency)
{
  g_return_if_fail (TARMAC_IS_SEIZURE_ITEM (self));

  if (g_strcmp0 (self->value_currency, value_currency) == 0)
    return;

  g_free (self->value_currency);
  self->value_currency = g_strdup (value_currency);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE_CURRENCY]);
}

double
tarmac_seizure_item_get_fx_rate (TarmacSeizureItem *self)
{
  g_return_val_if_fail (TARMAC_IS_SEIZURE_ITEM (self), 0);

  return self->fx_rate;
}

void
tarmac_seizure_item_set_fx_rate (TarmacSeizureItem *self,
                                double fx_rate)
{
  g_return_if_fail (TARMAC_IS_SEIZURE_ITEM (self));

  if (self->fx_rate == fx_rate)
    return;

  self->fx_rate = fx_rate;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FX_RATE]);
}

const char *
tarmac_seizure_item_get_fx_rate_date (TarmacSeizureItem *self)
{
  g_return_val_if_fail (TARMAC_IS_SEIZURE_ITEM (self), NULL);

  return self->fx_rate_date;
}

void
tarmac_seizure_item_set_fx_rate_date (TarmacSeizureItem *self,
                                     const char *fx_rate_date)
{
  g_return_if_fail (TARMAC_IS_SEIZURE_ITEM (self));

  if (g_strcmp0 (self->fx_rate_date, fx_rate_date) == 0)
    return;

  g_free (self->fx_rate_date);
  self->fx_rate_date = g_strdup (fx_rate_date);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FX_RATE_DATE]);
}

gint64
tarmac_seizure_item_get_value_usd_minor (TarmacSeizureItem *self)
{
  g_return_val_if_fail (TARMAC_IS_SEIZURE_ITEM (self), 0);

  return self->value_usd_minor;
}

void
tarmac_seizure_item_set_value_usd_minor (TarmacSeizureItem *self,
                                        gint64 value_usd_minor)
{
  g_return_if_fail (TARMAC_IS_SEIZURE_ITEM (self));

  if (self->value_usd_minor == value_usd_minor)
    return;

  self->value_usd_minor = value_usd_minor;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE_USD_MINOR]);
}

double
tarmac_seizure_item_get_purity_pct (TarmacSeizureItem *self)
{
  g_return_val_if_fail (TARMAC_IS_SEIZURE_ITEM (self), 0);

  return self->purity_pct;
}

void
tarmac_seizure_item_set_purity_pct (TarmacSeizureItem *self,
                                   double purity_pct)
{
  g_return_if_fail (TARMAC_IS_SEIZURE_ITEM (self));

  if (self->purity_pct == purity_pct)
    return;

  self->purity_pct = purity_pct;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PURITY_PCT]);
}

const char *
tarmac_seizure_item_get_species (TarmacSeizureItem *self)
{
  g_return_val_if_fail (TARMAC_IS_SEIZURE_ITEM (self), NULL);

  return self->species;
}

void
tarmac_seizure_item_set_species (TarmacSeizureItem *self,
                                const char *species)
{
  g_return_if_fail (TARMAC_IS_SEIZURE_ITEM (self));

  if (g_strcmp0 (self->species, species) == 0)
    return;

  g_free (self->species);
  self->species = g_strdup (species);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SPECIES]);
}

const char *
tarmac_seizure_item_get_cites_term (TarmacSeizureItem *self)
{
  g_return_val_if_fail (TARMAC_IS_SEIZURE_ITEM (self), NULL);

  return self->cites_term;
}

void
tarmac_seizure_item_set_cites_term (TarmacSeizureItem *self,
                                   const char *cites_term)
{
  g_return_if_fail (TARMAC_IS_SEIZURE_ITEM (self));

  if (g_strcmp0 (self->cites_term, cites_term) == 0)
    return;

  g_free (self->cites_term);
  self->cites_term = g_strdup (cites_term);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CITES_TERM]);
}

const char *
tarmac_seizure_item_get_ivory_state (TarmacSeizureItem *self)
{
  g_return_val_if_fail (TARMAC_IS_SEIZURE_ITEM (self), NULL);

  return self->ivory_state;
}

void
tarmac_seizure_item_set_ivory_state (TarmacSeizureItem *self,
                                    const char *ivory_state)
{
  g_return_if_fail (TARMAC_IS_SEIZURE_ITEM (self));

  if (g_strcmp0 (self->ivory_state, ivory_state) == 0)
    return;

  g_free (self->ivory_state);
  self->ivory_state = g_strdup (ivory_state);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IVORY_STATE]);
}
