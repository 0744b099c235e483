/* tarmac-pnr-payment.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-pnr-payment"

#include "config.h"

#include "tarmac-pnr-payment.h"

/* How a booking was paid. Only the masked form of a card is ever carried: the last four
 * digits. The database holds no more than that, and this object never will (no holder,
 * no hash), so no page can show more by mistake. */

struct _TarmacPnrPayment
{
  GObject   parent_instance;

  char     *form;
  char     *card_last4;
  gboolean  has_amount;
  double    amount;
  char     *currency;
};

G_DEFINE_FINAL_TYPE (TarmacPnrPayment, tarmac_pnr_payment, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FORM,
  PROP_CARD_LAST4,
  PROP_HAS_AMOUNT,
  PROP_AMOUNT,
  PROP_CURRENCY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
tarmac_pnr_payment_finalize (GObject *object)
{
  TarmacPnrPayment *self = (TarmacPnrPayment *)object;

  g_clear_pointer (&self->form, g_free);
  g_clear_pointer (&self->card_last4, g_free);
  g_clear_pointer (&self->currency, g_free);

  G_OBJECT_CLASS (tarmac_pnr_payment_parent_class)->finalize (object);
}

static void
tarmac_pnr_payment_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  TarmacPnrPayment *self = TARMAC_PNR_PAYMENT (object);

  switch (prop_id)
    {
    case PROP_FORM:
      g_value_set_string (value, self->form);
      break;

    case PROP_CARD_LAST4:
      g_value_set_string (value, self->card_last4);
      break;

    case PROP_HAS_AMOUNT:
      g_value_set_boolean (value, self->has_amount);
      break;

    case PROP_AMOUNT:
      g_value_set_double (value, self->amount);
      break;

    case PROP_CURRENCY:
      g_value_set_string (value, self->currency);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tarmac_pnr_payment_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  TarmacPnrPayment *self = TARMAC_PNR_PAYMENT (object);

  switch (prop_id)
    {
    case PROP_FORM:
      self->form = g_value_dup_string (value);
      break;

    case PROP_CARD_LAST4:
      self->card_last4 = g_value_dup_string (value);
      break;

    case PROP_HAS_AMOUNT:
      self->has_amount = g_value_get_boolean (value);
      break;

    case PROP_AMOUNT:
      self->amount = g_value_get_double (value);
      break;

    case PROP_CURRENCY:
      self->currency = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tarmac_pnr_payment_class_init (TarmacPnrPaymentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags construct_flags = (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                       G_PARAM_STATIC_STRINGS);

  object_class->finalize = tarmac_pnr_payment_finalize;
  object_class->get_property = tarmac_pnr_payment_get_property;
  object_class->set_property = tarmac_pnr_payment_set_property;

  properties[PROP_FORM] =
    g_param_spec_string ("form", NULL, NULL, NULL, construct_flags);
  properties[PROP_CARD_LAST4] =
    g_param_spec_string ("card-last4", NULL, NULL, NULL, construct_flags);
  properties[PROP_HAS_AMOUNT] =
    g_param_spec_boolean ("has-amount", NULL, NULL, FALSE, construct_flags);
  properties[PROP_AMOUNT] =
    g_param_spec_double ("amount", NULL, NULL, 0.0, G_MAXDOUBLE, 0.0, construct_flags);
  properties[PROP_CURRENCY] =
    g_param_spec_string ("currency", NULL, NULL, NULL, construct_flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tarmac_pnr_payment_init (TarmacPnrPayment *self)
{
}

const char *
tarmac_pnr_payment_get_form (TarmacPnrPayment *self)
{
  g_return_val_if_fail (TARMAC_IS_PNR_PAYMENT (self), NULL);
  return self->form;
}

const char *
tarmac_pnr_payment_get_card_last4 (TarmacPnrPayment *self)
{
  g_return_val_if_fail (TARMAC_IS_PNR_PAYMENT (self), NULL);
  return self->card_last4;
}

gboolean
tarmac_pnr_payment_get_has_amount (TarmacPnrPayment *self)
{
  g_return_val_if_fail (TARMAC_IS_PNR_PAYMENT (self), FALSE);
  return self->has_amount;
}

double
tarmac_pnr_payment_get_amount (TarmacPnrPayment *self)
{
  g_return_val_if_fail (TARMAC_IS_PNR_PAYMENT (self), 0.0);
  return self->amount;
}

const char *
tarmac_pnr_payment_get_currency (TarmacPnrPayment *self)
{
  g_return_val_if_fail (TARMAC_IS_PNR_PAYMENT (self), NULL);
  return self->currency;
}
