/* tarmac-name-compare-private.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tarmac-name-compare.h"

G_BEGIN_DECLS

/* The comparator's insides, shared with the matcher (tarmac-screen-match.c) and the
 * tests. */

float  _tarmac_name_fuzzy_similarity (const char             *s,
                                      const char             *t);
float  _tarmac_name_fuzzy_bound      (const char             *s,
                                      const char             *t);
guint64 _tarmac_name_slip_reach      (guint64                 letters);
typedef double (*TarmacNameFloorFunc) (gpointer data);

double _tarmac_name_compare_at_least (TarmacNameToken *const *a,
                                      const float            *a_weights,
                                      guint                   n_a,
                                      TarmacNameToken *const *b,
                                      const float            *b_weights,
                                      guint                   n_b,
                                      double                  floor,
                                      TarmacNameFloorFunc     exact_floor,
                                      gpointer                data,
                                      TarmacNameComparison   *out);

G_END_DECLS
