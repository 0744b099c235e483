/* tarmac-search-result.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "tarmac-traveller.h"
#include "tarmac-types.h"

G_BEGIN_DECLS

#define TARMAC_TYPE_SEARCH_RESULT (tarmac_search_result_get_type ())

G_DECLARE_FINAL_TYPE (TarmacSearchResult, tarmac_search_result, TARMAC, SEARCH_RESULT, GObject)

TarmacTraveller   *tarmac_search_result_get_traveller     (TarmacSearchResult *self);
TarmacSearchMatch  tarmac_search_result_get_match         (TarmacSearchResult *self);
guint              tarmac_search_result_get_distance      (TarmacSearchResult *self);
guint              tarmac_search_result_get_words_matched (TarmacSearchResult *self);
guint              tarmac_search_result_get_words_total   (TarmacSearchResult *self);
char              *tarmac_search_result_describe_match    (TarmacSearchResult *self);
const char        *tarmac_search_match_to_id              (TarmacSearchMatch   match);

G_END_DECLS
