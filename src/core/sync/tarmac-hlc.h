/* tarmac-hlc.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* A hybrid logical clock value: 48 bits of Unix milliseconds, 16 bits of counter. */
#define TARMAC_HLC_MS(hlc)      ((gint64) ((guint64) (hlc) >> 16))
#define TARMAC_HLC_COUNTER(hlc) ((guint) ((guint64) (hlc) & 0xffff))
#define TARMAC_HLC_MAKE(ms, c)  ((((guint64) (ms)) << 16) | ((guint64) (c) & 0xffff))

/* How far ahead of the receiver's time a version may be dated (research/sync.md §1.7). */
#define TARMAC_HLC_MAX_AHEAD_MS (10 * 60 * 1000)

/* Returns the wall clock in Unix milliseconds; tests inject their own. */
typedef gint64 (*TarmacHlcClock) (gpointer user_data);

#define TARMAC_TYPE_HLC (tarmac_hlc_get_type ())

G_DECLARE_FINAL_TYPE (TarmacHlc, tarmac_hlc, TARMAC, HLC, GObject)

TarmacHlc *tarmac_hlc_new            (void);
TarmacHlc *tarmac_hlc_new_with_clock (TarmacHlcClock   clock,
                                      gpointer         user_data);
guint64    tarmac_hlc_tick           (TarmacHlc       *self);
gboolean   tarmac_hlc_observe        (TarmacHlc       *self,
                                      guint64          remote,
                                      GError         **error);
guint64    tarmac_hlc_get_last       (TarmacHlc       *self);
void       tarmac_hlc_restore        (TarmacHlc       *self,
                                      guint64          last);
void       tarmac_hlc_reset          (TarmacHlc       *self,
                                      guint64          last);
gint64     tarmac_hlc_get_offset_ms  (TarmacHlc       *self);
void       tarmac_hlc_set_offset_ms  (TarmacHlc       *self,
                                      gint64           offset_ms);
gboolean   tarmac_hlc_check_skew     (guint64          hlc,
                                      gint64           now_ms,
                                      GError         **error);

G_END_DECLS
