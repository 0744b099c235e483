/* tarmac-edifact-fields-private.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tarmac-edifact.h"

G_BEGIN_DECLS

/* Internals shared by the PAXLST and PNRGOV parsers: reading values out of segments,
 * digits and dates. Which pivot applies to which date is each parser's business. */

/**
 * TarmacEdifactPivot:
 * @TARMAC_EDIFACT_PIVOT_PAST: the latest year not after the reference
 * @TARMAC_EDIFACT_PIVOT_FUTURE: within [reference − 20, reference + 79]
 * @TARMAC_EDIFACT_PIVOT_FLIGHT: always 20YY
 *
 * How a two-digit year is resolved against a reference year.
 */
typedef enum
{
  TARMAC_EDIFACT_PIVOT_PAST,
  TARMAC_EDIFACT_PIVOT_FUTURE,
  TARMAC_EDIFACT_PIVOT_FLIGHT,
} TarmacEdifactPivot;

char     *_tarmac_edifact_strip_or_null (char                 *copy);
char     *_tarmac_edifact_dup_code      (TarmacEdifactSegment *segment,
                                         guint                 element,
                                         guint                 component);
void      _tarmac_edifact_set_string    (char                **field,
                                         char                 *value);
gboolean  _tarmac_edifact_all_digits    (const char           *text,
                                         gsize                 length);
guint     _tarmac_edifact_number_at     (const char           *text,
                                         guint                 n_digits);
gboolean  _tarmac_edifact_read_number   (const char           *text,
                                         guint                 n_digits,
                                         guint                *out);
guint     _tarmac_edifact_resolve_year  (guint                 yy,
                                         guint                 reference,
                                         TarmacEdifactPivot    pivot);
char     *_tarmac_edifact_format_date   (guint                 year,
                                         guint                 month,
                                         guint                 day);

G_END_DECLS
