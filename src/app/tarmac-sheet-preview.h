/* tarmac-sheet-preview.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "tarmac-sheet-mapping.h"

G_BEGIN_DECLS

#define TARMAC_TYPE_SHEET_PREVIEW (tarmac_sheet_preview_get_type ())

G_DECLARE_FINAL_TYPE (TarmacSheetPreview, tarmac_sheet_preview, TARMAC, SHEET_PREVIEW, AdwWindow)

TarmacSheetPreview *tarmac_sheet_preview_new         (GtkWindow          *parent,
                                                      const char         *name,
                                                      TarmacSheet        *sheet,
                                                      TarmacSheetMapping *mapping);
TarmacSheetMapping *tarmac_sheet_preview_get_mapping (TarmacSheetPreview *self);
gboolean            tarmac_sheet_preview_can_import  (TarmacSheetPreview *self);
void                tarmac_sheet_preview_set_field   (TarmacSheetPreview *self,
                                                      guint               column,
                                                      TarmacSheetField    field);

G_END_DECLS
