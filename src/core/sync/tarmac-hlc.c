/* tarmac-hlc.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-hlc"

#include "config.h"

#include <glib/gi18n.h>

#include "tarmac-hlc.h"
#include "tarmac-sync-error.h"

/* The hybrid logical clock of research/sync.md §1.7 (Kulkarni et al.): it orders the
 * versions of one record for last-writer-wins and dates them for display. It is never the
 * sync cursor (the hub's server_seq is).
 *
 * The physical part is the wall clock corrected by the offset learned from the hub, so a
 * desk whose clock is wrong still stamps sane times. It never goes backwards, even when the
 * wall clock does: the counter runs on within the same millisecond and, when it would
 * overflow, borrows the next millisecond. A remote value more than ten minutes ahead is
 * refused instead of merged, so one machine set to 2036 cannot drag every clock with it. */

struct _TarmacHlc
{
  GObject         parent_instance;

  TarmacHlcClock  clock;
  gpointer        clock_data;
  gint64          offset_ms;
  guint64         last;
};

G_DEFINE_FINAL_TYPE (TarmacHlc, tarmac_hlc, G_TYPE_OBJECT)

static gint64
wall_clock (gpointer user_data)
{
  return g_get_real_time () / 1000;
}

static gint64
physical_now (TarmacHlc *self)
{
  gint64 now = self->clock (self->clock_data) + self->offset_ms;

  /* 48 bits of milliseconds last until the year 10889; a negative clock is nonsense. */
  return CLAMP (now, 0, (G_GINT64_CONSTANT (1) << 48) - 1);
}

/* The smallest value greater than both @last and (@ms, 0). */
static guint64
advance (guint64 last,
         gint64  ms)
{
  gint64 last_ms = TARMAC_HLC_MS (last);

  if (ms > last_ms)
    return TARMAC_HLC_MAKE (ms, 0);

  if (TARMAC_HLC_COUNTER (last) < 0xffff)
    return last + 1;

  return TARMAC_HLC_MAKE (last_ms + 1, 0);
}

static void
tarmac_hlc_class_init (TarmacHlcClass *klass)
{
}

static void
tarmac_hlc_init (TarmacHlc *self)
{
  self->clock = wall_clock;
}

TarmacHlc *
tarmac_hlc_new (void)
{
  return g_object_new (TARMAC_TYPE_HLC, NULL);
}

/**
 * tarmac_hlc_new_with_clock:
 * @clock: (scope forever): returns Unix milliseconds
 * @user_data: for @clock
 *
 * A clock on another time source, for tests.
 */
TarmacHlc *
tarmac_hlc_new_with_clock (TarmacHlcClock clock,
                           gpointer       user_data)
{
  TarmacHlc *self = tarmac_hlc_new ();

  g_return_val_if_fail (clock != NULL, self);

  self->clock = clock;
  self->clock_data = user_data;
  return self;
}

/**
 * tarmac_hlc_tick:
 *
 * Stamps a local event (a version being written).
 *
 * Returns: a value greater than every value this clock returned or observed before
 */
guint64
tarmac_hlc_tick (TarmacHlc *self)
{
  g_return_val_if_fail (TARMAC_IS_HLC (self), 0);

  self->last = advance (self->last, physical_now (self));
  return self->last;
}

/**
 * tarmac_hlc_observe:
 * @remote: the clock value of a version received
 *
 * Merges a received value, so the next tick() comes after it. A value more than
 * %TARMAC_HLC_MAX_AHEAD_MS ahead of this clock is refused with
 * %TARMAC_SYNC_ERROR_CLOCK_SKEW and changes nothing.
 */
gboolean
tarmac_hlc_observe (TarmacHlc  *self,
                    guint64     remote,
                    GError    **error)
{
  g_return_val_if_fail (TARMAC_IS_HLC (self), FALSE);

  if (!tarmac_hlc_check_skew (remote, physical_now (self), error))
    return FALSE;

  if (remote > self->last)
    self->last = remote;

  return TRUE;
}

guint64
tarmac_hlc_get_last (TarmacHlc *self)
{
  g_return_val_if_fail (TARMAC_IS_HLC (self), 0);

  return self->last;
}

/**
 * tarmac_hlc_restore:
 * @last: the last value stored before a restart
 *
 * Carries the clock over a restart, so it never goes back even if the wall clock did.
 */
void
tarmac_hlc_restore (TarmacHlc *self,
                    guint64    last)
{
  g_return_if_fail (TARMAC_IS_HLC (self));

  self->last = MAX (self->last, last);
}

/**
 * tarmac_hlc_reset:
 * @last: the value the next tick() comes after
 *
 * Moves the clock, backwards too: only for a clock that this machine's own wrong time
 * dragged into the future, before anything it stamped was accepted anywhere.
 */
void
tarmac_hlc_reset (TarmacHlc *self,
                  guint64    last)
{
  g_return_if_fail (TARMAC_IS_HLC (self));

  self->last = last;
}

gint64
tarmac_hlc_get_offset_ms (TarmacHlc *self)
{
  g_return_val_if_fail (TARMAC_IS_HLC (self), 0);

  return self->offset_ms;
}

/**
 * tarmac_hlc_set_offset_ms:
 * @offset_ms: hub time minus local time, as learned from the hub's replies
 */
void
tarmac_hlc_set_offset_ms (TarmacHlc *self,
                          gint64     offset_ms)
{
  g_return_if_fail (TARMAC_IS_HLC (self));

  self->offset_ms = offset_ms;
}

/**
 * tarmac_hlc_check_skew:
 * @hlc: a received clock value
 * @now_ms: the receiver's time
 *
 * Refuses a value dated more than %TARMAC_HLC_MAX_AHEAD_MS after @now_ms.
 */
gboolean
tarmac_hlc_check_skew (guint64   hlc,
                       gint64    now_ms,
                       GError  **error)
{
  gint64 ahead = TARMAC_HLC_MS (hlc) - now_ms;

  if (ahead > TARMAC_HLC_MAX_AHEAD_MS)
    {
      g_set_error (error, TARMAC_SYNC_ERROR, TARMAC_SYNC_ERROR_CLOCK_SKEW,
                   _("Dated %lld seconds in the future; check the clock of the sending computer"),
                   (long long) (ahead / 1000));
      return FALSE;
    }

  return TRUE;
}
