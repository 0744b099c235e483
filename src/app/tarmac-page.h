/* tarmac-page.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "tarmac-flight.h"
#include "tarmac-store.h"
#include "tarmac-traveller.h"

G_BEGIN_DECLS

#define TARMAC_TYPE_PAGE (tarmac_page_get_type ())

G_DECLARE_DERIVABLE_TYPE (TarmacPage, tarmac_page, TARMAC, PAGE, GtkWidget)

/**
 * TarmacPageClass:
 * @reload: read the page's data from the store again; called when the page is shown
 *
 * The base of every page in the window's content stack. A page has a store, a title and
 * an icon for the sidebar, a subtitle for the header bar, and says whether it shows its
 * empty state. A page asks the window to show a flight with tarmac_page_open_flight().
 */
struct _TarmacPageClass
{
  GtkWidgetClass parent_class;

  void (*reload) (TarmacPage *self);

  /*< private >*/
  gpointer padding[4];
};

TarmacStore *tarmac_page_get_store     (TarmacPage *self);
const char  *tarmac_page_get_title     (TarmacPage *self);
void         tarmac_page_set_title     (TarmacPage *self,
                                        const char *title);
const char  *tarmac_page_get_subtitle  (TarmacPage *self);
void         tarmac_page_set_subtitle  (TarmacPage *self,
                                        const char *subtitle);
const char  *tarmac_page_get_icon_name (TarmacPage *self);
void         tarmac_page_set_icon_name (TarmacPage *self,
                                        const char *icon_name);
gboolean     tarmac_page_get_empty     (TarmacPage *self);
void         tarmac_page_set_empty     (TarmacPage *self,
                                        gboolean    empty);
void         tarmac_page_reload        (TarmacPage   *self);
void         tarmac_page_open_flight   (TarmacPage      *self,
                                        TarmacFlight    *flight,
                                        TarmacTraveller *traveller);

G_END_DECLS
