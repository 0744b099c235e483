/* tarmac-seizure-alert.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "tarmac-seizure.h"
#include "tarmac-store.h"

G_BEGIN_DECLS

/* The one-page seizure alert sent to the airports on the route (research/seizures.md
 * §9.14): what, how much, how it was hidden, the route and flight, how it was found, the
 * persons as role, nationality, sex and age band only, a shareable photo. */

JsonNode *tarmac_seizure_alert_to_json (TarmacSeizure  *seizure,
                                        const char     *language);
GBytes   *tarmac_seizure_alert_to_pdf  (TarmacSeizure  *seizure,
                                        GBytes         *photo,
                                        const char     *language,
                                        GError        **error);
GBytes   *tarmac_seizure_alert_export  (TarmacStore    *store,
                                        const char     *ref_no,
                                        const char     *format,
                                        const char     *language,
                                        GError        **error);

G_END_DECLS
