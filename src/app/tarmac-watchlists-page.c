/* tarmac-watchlists-page.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-watchlists-page"

#include "config.h"

#include "tarmac-watchlists-page.h"

/* Watchlists and risk rules that screening applies to every manifest. Until one is loaded
 * the page says what they do and where they come from. */
struct _TarmacWatchlistsPage
{
  TarmacPage parent_instance;
};

G_DEFINE_FINAL_TYPE (TarmacWatchlistsPage, tarmac_watchlists_page, TARMAC_TYPE_PAGE)

static void
tarmac_watchlists_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), TARMAC_TYPE_WATCHLISTS_PAGE);

  G_OBJECT_CLASS (tarmac_watchlists_page_parent_class)->dispose (object);
}

static void
tarmac_watchlists_page_class_init (TarmacWatchlistsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tarmac_watchlists_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/jaitf/Tarmac/tarmac-watchlists-page.ui");
}

static void
tarmac_watchlists_page_init (TarmacWatchlistsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  tarmac_page_set_empty (TARMAC_PAGE (self), TRUE);
}
