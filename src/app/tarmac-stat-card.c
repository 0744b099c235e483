/* tarmac-stat-card.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-stat-card"

#include "config.h"

#include "tarmac-stat-card.h"

/* One figure of the Today page: a big number, what it counts and an optional detail line. */
struct _TarmacStatCard
{
  GtkWidget  parent_instance;

  /* Template widgets */
  GtkLabel  *value_label;
  GtkLabel  *title_label;
  GtkLabel  *detail_label;

  guint      value;
};

G_DEFINE_FINAL_TYPE (TarmacStatCard, tarmac_stat_card, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_VALUE,
  PROP_TITLE,
  PROP_DETAIL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
tarmac_stat_card_dispose (GObject *object)
{
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), TARMAC_TYPE_STAT_CARD);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (tarmac_stat_card_parent_class)->dispose (object);
}

static void
tarmac_stat_card_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  TarmacStatCard *self = TARMAC_STAT_CARD (object);

  switch (prop_id)
    {
    case PROP_VALUE:
      g_value_set_uint (value, tarmac_stat_card_get_value (self));
      break;

    case PROP_TITLE:
      g_value_set_string (value, tarmac_stat_card_get_title (self));
      break;

    case PROP_DETAIL:
      g_value_set_string (value, tarmac_stat_card_get_detail (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tarmac_stat_card_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  TarmacStatCard *self = TARMAC_STAT_CARD (object);

  switch (prop_id)
    {
    case PROP_VALUE:
      tarmac_stat_card_set_value (self, g_value_get_uint (value));
      break;

    case PROP_TITLE:
      tarmac_stat_card_set_title (self, g_value_get_string (value));
      break;

    case PROP_DETAIL:
      tarmac_stat_card_set_detail (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tarmac_stat_card_class_init (TarmacStatCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tarmac_stat_card_dispose;
  object_class->get_property = tarmac_stat_card_get_property;
  object_class->set_property = tarmac_stat_card_set_property;

  properties[PROP_VALUE] =
    g_param_spec_uint ("value", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_DETAIL] =
    g_param_spec_string ("detail", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/jaitf/Tarmac/tarmac-stat-card.ui");
  gtk_widget_class_bind_template_child (widget_class, TarmacStatCard, detail_label);
  gtk_widget_class_bind_template_child (widget_class, TarmacStatCard, title_label);
  gtk_widget_class_bind_template_child (widget_class, TarmacStatCard, value_label);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "statcard");
}

static void
tarmac_stat_card_init (TarmacStatCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

guint
tarmac_stat_card_get_value (TarmacStatCard *self)
{
  g_return_val_if_fail (TARMAC_IS_STAT_CARD (self), 0);

  return self->value;
}

void
tarmac_stat_card_set_value (TarmacStatCard *self,
                            guint           value)
{
  g_autofree char *text = NULL;

  g_return_if_fail (TARMAC_IS_STAT_CARD (self));

  if (self->value == value && *gtk_label_get_label (self->value_label) != '\0')
    return;

  self->value = value;

  /* The ' flag groups digits the way the locale does ("12,345", "12 345"). */
  text = g_strdup_printf ("%'u", value);
  gtk_label_set_label (self->value_label, text);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE]);
}

const char *
tarmac_stat_card_get_title (TarmacStatCard *self)
{
  g_return_val_if_fail (TARMAC_IS_STAT_CARD (self), NULL);

  return gtk_label_get_label (self->title_label);
}

void
tarmac_stat_card_set_title (TarmacStatCard *self,
                            const char     *title)
{
  g_return_if_fail (TARMAC_IS_STAT_CARD (self));

  if (g_strcmp0 (title, gtk_label_get_label (self->title_label)) == 0)
    return;

  gtk_label_set_label (self->title_label, title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
tarmac_stat_card_get_detail (TarmacStatCard *self)
{
  g_return_val_if_fail (TARMAC_IS_STAT_CARD (self), NULL);

  return gtk_label_get_label (self->detail_label);
}

void
tarmac_stat_card_set_detail (TarmacStatCard *self,
                             const char     *detail)
{
  g_return_if_fail (TARMAC_IS_STAT_CARD (self));

  if (g_strcmp0 (detail, gtk_label_get_label (self->detail_label)) == 0)
    return;

  gtk_label_set_label (self->detail_label, detail);
  gtk_widget_set_visible (GTK_WIDGET (self->detail_label), detail != NULL && *detail != '\0');
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DETAIL]);
}
