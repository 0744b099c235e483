/* tarmac-seizures-page.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-seizures-page"

#include "config.h"

#include "tarmac-seizures-page.h"

/* Seizures made by the task force and their statistics. Until one is recorded the page
 * says what will appear here. */
struct _TarmacSeizuresPage
{
  TarmacPage parent_instance;
};

G_DEFINE_FINAL_TYPE (TarmacSeizuresPage, tarmac_seizures_page, TARMAC_TYPE_PAGE)

static void
tarmac_seizures_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), TARMAC_TYPE_SEIZURES_PAGE);

  G_OBJECT_CLASS (tarmac_seizures_page_parent_class)->dispose (object);
}

static void
tarmac_seizures_page_class_init (TarmacSeizuresPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tarmac_seizures_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/jaitf/Tarmac/tarmac-seizures-page.ui");
}

static void
tarmac_seizures_page_init (TarmacSeizuresPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  tarmac_page_set_empty (TARMAC_PAGE (self), TRUE);
}
