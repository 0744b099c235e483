/* tarmac-hits-page.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-hits-page"

#include "config.h"

#include "tarmac-hits-page.h"

/* The review queue: travellers that watchlists and risk rules flagged. Screening fills it;
 * until a hit exists the page says where hits come from and where to start. */
struct _TarmacHitsPage
{
  TarmacPage parent_instance;
};

G_DEFINE_FINAL_TYPE (TarmacHitsPage, tarmac_hits_page, TARMAC_TYPE_PAGE)

static void
tarmac_hits_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), TARMAC_TYPE_HITS_PAGE);

  G_OBJECT_CLASS (tarmac_hits_page_parent_class)->dispose (object);
}

static void
tarmac_hits_page_class_init (TarmacHitsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tarmac_hits_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/jaitf/Tarmac/tarmac-hits-page.ui");
}

static void
tarmac_hits_page_init (TarmacHitsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  tarmac_page_set_empty (TARMAC_PAGE (self), TRUE);
}
