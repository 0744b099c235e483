/* tarmac-detail-rows.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "tarmac-detail-rows.h"

/* The read-only detail windows (a hit, a watchlist entry) are preference pages of
 * titled groups and title/value rows. Values come from lists and manifests: never
 * markup. */

AdwPreferencesGroup *
tarmac_detail_add_group (AdwPreferencesPage *page,
                         const char         *title)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  adw_preferences_page_add (page, ADW_PREFERENCES_GROUP (group));
  return ADW_PREFERENCES_GROUP (group);
}

GtkWidget *
tarmac_detail_add_row (AdwPreferencesGroup *group,
                       const char          *title,
                       const char          *subtitle)
{
  GtkWidget *row = g_object_new (ADW_TYPE_ACTION_ROW,
                                 "use-markup", FALSE,
                                 "title", title != NULL ? title : "",
                                 "subtitle", subtitle,
                                 NULL);

  adw_preferences_group_add (group, row);
  return row;
}
