/* tarmac-cargo-page.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-cargo-page"

#include "config.h"

#include "tarmac-cargo-page.h"

/* Cargo manifests and air waybills, by flight. Until one is imported the page says what
 * will appear here. */
struct _TarmacCargoPage
{
  TarmacPage parent_instance;
};

G_DEFINE_FINAL_TYPE (TarmacCargoPage, tarmac_cargo_page, TARMAC_TYPE_PAGE)

static void
tarmac_cargo_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), TARMAC_TYPE_CARGO_PAGE);

  G_OBJECT_CLASS (tarmac_cargo_page_parent_class)->dispose (object);
}

static void
tarmac_cargo_page_class_init (TarmacCargoPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tarmac_cargo_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/jaitf/Tarmac/tarmac-cargo-page.ui");
}

static void
tarmac_cargo_page_init (TarmacCargoPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  tarmac_page_set_empty (TARMAC_PAGE (self), TRUE);
}
