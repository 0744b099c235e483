/* tarmac-statistics-page.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tarmac-page.h"
#include "tarmac-seizure-stats.h"

G_BEGIN_DECLS

#define TARMAC_TYPE_STATISTICS_PAGE (tarmac_statistics_page_get_type ())

G_DECLARE_FINAL_TYPE (TarmacStatisticsPage, tarmac_statistics_page, TARMAC, STATISTICS_PAGE, TarmacPage)

/**
 * TarmacStatisticsPeriod:
 * The choices of the Period filter, in their order.
 */
typedef enum
{
  TARMAC_STATISTICS_PERIOD_THIS_MONTH,
  TARMAC_STATISTICS_PERIOD_LAST_MONTH,
  TARMAC_STATISTICS_PERIOD_THIS_YEAR,
  TARMAC_STATISTICS_PERIOD_LAST_YEAR,
  TARMAC_STATISTICS_PERIOD_CUSTOM,
} TarmacStatisticsPeriod;

void                tarmac_statistics_page_set_period   (TarmacStatisticsPage  *self,
                                                         const char            *from_day,
                                                         const char            *to_day);
void                tarmac_statistics_page_set_filter   (TarmacStatisticsPage  *self,
                                                         const char            *airport,
                                                         const char            *category,
                                                         const char            *agency);
TarmacSeizureStats *tarmac_statistics_page_get_stats    (TarmacStatisticsPage  *self);
GListModel         *tarmac_statistics_page_get_events   (TarmacStatisticsPage  *self);
gboolean            tarmac_statistics_page_is_computing (TarmacStatisticsPage  *self);
GtkWidget          *tarmac_statistics_page_get_figure   (TarmacStatisticsPage  *self,
                                                         const char            *key);
gboolean            tarmac_statistics_page_export       (TarmacStatisticsPage  *self,
                                                         const char            *table,
                                                         const char            *path,
                                                         gboolean               shared,
                                                         GError               **error);

gboolean            tarmac_statistics_period_range      (TarmacStatisticsPeriod period,
                                                         const char            *today,
                                                         char                 **from_day,
                                                         char                 **to_day);

G_END_DECLS
