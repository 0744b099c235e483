/* tarmac-detail-rows.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

AdwPreferencesGroup *tarmac_detail_add_group (AdwPreferencesPage  *page,
                                              const char          *title);
GtkWidget           *tarmac_detail_add_row   (AdwPreferencesGroup *group,
                                              const char          *title,
                                              const char          *subtitle);

G_END_DECLS
