/* tarmac-seizure-format.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "tarmac-seizure.h"

G_BEGIN_DECLS

/* Pickers of seizure codes (data/seizure-codes.json) that show labels in the officer's
 * language and hand back the language-free codes: an AdwComboRow for a form row, a
 * GtkDropDown for a compact line. An optional picker starts with "None" (code NULL). */
GtkWidget  *tarmac_code_combo_row_new          (const char  *title,
                                                const char  *table,
                                                const char  *parent,
                                                gboolean     optional);
GtkWidget  *tarmac_code_drop_down_new          (const char  *table,
                                                const char  *parent,
                                                gboolean     optional);
void        tarmac_code_picker_set_parent      (GtkWidget   *picker,
                                                const char  *parent);
const char *tarmac_code_picker_get             (GtkWidget   *picker);
gboolean    tarmac_code_picker_set             (GtkWidget   *picker,
                                                const char  *code);

const char *tarmac_seizure_format_label        (const char  *table,
                                                const char  *code);
const char *tarmac_seizure_format_status       (const char  *status);
char       *tarmac_seizure_format_items        (TarmacSeizure *seizure);
char       *tarmac_seizure_format_agencies     (TarmacSeizure *seizure);
char       *tarmac_seizure_format_quantity     (double       quantity,
                                                const char  *unit);
char       *tarmac_seizure_format_money        (gint64       minor,
                                                const char  *currency);
gboolean    tarmac_seizure_parse_number        (const char  *text,
                                                double      *value);

G_END_DECLS
