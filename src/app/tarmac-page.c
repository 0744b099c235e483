/* tarmac-page.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-page"

#include "config.h"

#include "tarmac-page.h"

typedef struct
{
  /* Owned references */
  TarmacStore *store;
  char        *title;
  char        *subtitle;
  char        *icon_name;

  guint        empty : 1;
} TarmacPagePrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (TarmacPage, tarmac_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_TITLE,
  PROP_SUBTITLE,
  PROP_ICON_NAME,
  PROP_EMPTY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  OPEN_FLIGHT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
set_string (char       **field,
            const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

static void
tarmac_page_dispose (GObject *object)
{
  TarmacPage *self = (TarmacPage *)object;
  TarmacPagePrivate *priv = tarmac_page_get_instance_private (self);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&priv->store);

  G_OBJECT_CLASS (tarmac_page_parent_class)->dispose (object);
}

static void
tarmac_page_finalize (GObject *object)
{
  TarmacPage *self = (TarmacPage *)object;
  TarmacPagePrivate *priv = tarmac_page_get_instance_private (self);

  g_clear_pointer (&priv->title, g_free);
  g_clear_pointer (&priv->subtitle, g_free);
  g_clear_pointer (&priv->icon_name, g_free);

  G_OBJECT_CLASS (tarmac_page_parent_class)->finalize (object);
}

static void
tarmac_page_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  TarmacPage *self = TARMAC_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, tarmac_page_get_store (self));
      break;

    case PROP_TITLE:
      g_value_set_string (value, tarmac_page_get_title (self));
      break;

    case PROP_SUBTITLE:
      g_value_set_string (value, tarmac_page_get_subtitle (self));
      break;

    case PROP_ICON_NAME:
      g_value_set_string (value, tarmac_page_get_icon_name (self));
      break;

    case PROP_EMPTY:
      g_value_set_boolean (value, tarmac_page_get_empty (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tarmac_page_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  TarmacPage *self = TARMAC_PAGE (object);
  TarmacPagePrivate *priv = tarmac_page_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_STORE:
      priv->store = g_value_dup_object (value);
      break;

    case PROP_TITLE:
      tarmac_page_set_title (self, g_value_get_string (value));
      break;

    case PROP_SUBTITLE:
      tarmac_page_set_subtitle (self, g_value_get_string (value));
      break;

    case PROP_ICON_NAME:
      tarmac_page_set_icon_name (self, g_value_get_string (value));
      break;

    case PROP_EMPTY:
      tarmac_page_set_empty (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tarmac_page_class_init (TarmacPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tarmac_page_dispose;
  object_class->finalize = tarmac_page_finalize;
  object_class->get_property = tarmac_page_get_property;
  object_class->set_property = tarmac_page_set_property;

  /**
   * TarmacPage:store:
   *
   * The database the page shows. %NULL only while the window shows an error.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         TARMAC_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SUBTITLE] =
    g_param_spec_string ("subtitle", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_ICON_NAME] =
    g_param_spec_string ("icon-name", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * TarmacPage:empty:
   *
   * Whether the page shows its empty state (a status page saying what to do next).
   */
  properties[PROP_EMPTY] =
    g_param_spec_boolean ("empty", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TarmacPage::open-flight:
   * @self: the page
   * @flight: the flight to show
   * @traveller: (nullable): the traveller to point out, if any
   *
   * The officer asked to see a flight's travellers and crew.
   */
  signals[OPEN_FLIGHT] =
    g_signal_new ("open-flight",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, TARMAC_TYPE_FLIGHT, TARMAC_TYPE_TRAVELLER);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
tarmac_page_init (TarmacPage *self)
{
}

TarmacStore *
tarmac_page_get_store (TarmacPage *self)
{
  TarmacPagePrivate *priv = tarmac_page_get_instance_private (self);

  g_return_val_if_fail (TARMAC_IS_PAGE (self), NULL);

  return priv->store;
}

const char *
tarmac_page_get_title (TarmacPage *self)
{
  TarmacPagePrivate *priv = tarmac_page_get_instance_private (self);

  g_return_val_if_fail (TARMAC_IS_PAGE (self), NULL);

  return priv->title;
}

void
tarmac_page_set_title (TarmacPage *self,
                       const char *title)
{
  TarmacPagePrivate *priv = tarmac_page_get_instance_private (self);

  g_return_if_fail (TARMAC_IS_PAGE (self));

  if (set_string (&priv->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
tarmac_page_get_subtitle (TarmacPage *self)
{
  TarmacPagePrivate *priv = tarmac_page_get_instance_private (self);

  g_return_val_if_fail (TARMAC_IS_PAGE (self), NULL);

  return priv->subtitle;
}

void
tarmac_page_set_subtitle (TarmacPage *self,
                          const char *subtitle)
{
  TarmacPagePrivate *priv = tarmac_page_get_instance_private (self);

  g_return_if_fail (TARMAC_IS_PAGE (self));

  if (set_string (&priv->subtitle, subtitle))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUBTITLE]);
}

const char *
tarmac_page_get_icon_name (TarmacPage *self)
{
  TarmacPagePrivate *priv = tarmac_page_get_instance_private (self);

  g_return_val_if_fail (TARMAC_IS_PAGE (self), NULL);

  return priv->icon_name;
}

void
tarmac_page_set_icon_name (TarmacPage *self,
                           const char *icon_name)
{
  TarmacPagePrivate *priv = tarmac_page_get_instance_private (self);

  g_return_if_fail (TARMAC_IS_PAGE (self));

  if (set_string (&priv->icon_name, icon_name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ICON_NAME]);
}

gboolean
tarmac_page_get_empty (TarmacPage *self)
{
  TarmacPagePrivate *priv = tarmac_page_get_instance_private (self);

  g_return_val_if_fail (TARMAC_IS_PAGE (self), FALSE);

  return priv->empty;
}

void
tarmac_page_set_empty (TarmacPage *self,
                       gboolean    empty)
{
  TarmacPagePrivate *priv = tarmac_page_get_instance_private (self);

  g_return_if_fail (TARMAC_IS_PAGE (self));

  empty = !!empty;

  if (priv->empty == empty)
    return;

  priv->empty = empty;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EMPTY]);
}

/**
 * tarmac_page_reload:
 * @self: a page
 *
 * Reads the page's data from the store again. The window calls this when it shows the page.
 */
void
tarmac_page_reload (TarmacPage *self)
{
  g_return_if_fail (TARMAC_IS_PAGE (self));

  if (TARMAC_PAGE_GET_CLASS (self)->reload != NULL)
    TARMAC_PAGE_GET_CLASS (self)->reload (self);
}

/**
 * tarmac_page_open_flight:
 * @self: a page
 * @flight: the flight to show
 * @traveller: (nullable): a traveller of @flight to point out
 *
 * Asks the window to show @flight on the flight page.
 */
void
tarmac_page_open_flight (TarmacPage      *self,
                         TarmacFlight    *flight,
                         TarmacTraveller *traveller)
{
  g_return_if_fail (TARMAC_IS_PAGE (self));
  g_return_if_fail (TARMAC_IS_FLIGHT (flight));
  g_return_if_fail (traveller == NULL || TARMAC_IS_TRAVELLER (traveller));

  g_signal_emit (self, signals[OPEN_FLIGHT], 0, flight, traveller);
}
