/* tarmac-format.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-format"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "tarmac-format.h"

/**
 * tarmac_format_today:
 *
 * Returns: today's local date as "YYYY-MM-DD"
 */
char *
tarmac_format_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

/**
 * tarmac_format_parse_day:
 * @day: a day as "YYYY-MM-DD"
 *
 * Returns: (transfer full) (nullable): midnight of @day in local time, or %NULL if @day
 *   is not a valid date
 */
GDateTime *
tarmac_format_parse_day (const char *day)
{
  guint year, month, mday;
  char tail;

  if (day == NULL || sscanf (day, "%4u-%2u-%2u%c", &year, &month, &mday, &tail) != 3)
    return NULL;

  if (!g_date_valid_dmy (mday, month, year))
    return NULL;

  return g_date_time_new_local (year, month, mday, 0, 0, 0);
}

/**
 * tarmac_format_day_offset:
 * @day: a day as "YYYY-MM-DD"
 * @days: how many days to move, negative for earlier
 *
 * Returns: (nullable): the day @days after @day, or %NULL if @day is not valid
 */
char *
tarmac_format_day_offset (const char *day,
                          int         days)
{
  g_autoptr(GDateTime) date = tarmac_format_parse_day (day);
  g_autoptr(GDateTime) moved = NULL;

  if (date == NULL)
    return NULL;

  moved = g_date_time_add_days (date, days);
  return g_date_time_format (moved, "%Y-%m-%d");
}

/**
 * tarmac_format_day_long:
 * @day: a day as "YYYY-MM-DD"
 *
 * Returns: the day spelled out for a heading, for example "Tuesday 5 March 2026"
 */
char *
tarmac_format_day_long (const char *day)
{
  g_autoptr(GDateTime) date = tarmac_format_parse_day (day);

  if (date == NULL)
    return g_strdup (day != NULL ? day : "");

  /* Translators: a full date as a heading, in g_date_time_format() syntax, for example
   * "Tuesday 5 March 2026". Reorder it as your language writes dates. */
  return g_date_time_format (date, _("%A %-e %B %Y"));
}

/**
 * tarmac_format_date:
 * @day: (nullable): a date, "YYYY-MM-DD", as documents and birth dates give it
 *
 * Returns: (transfer full) (nullable): the date written out ("5 March 2030"), or %NULL
 *   when @day is not a whole date (a birth year alone, a masked value)
 */
char *
tarmac_format_date (const char *day)
{
  g_autoptr(GDateTime) date = tarmac_format_parse_day (day);

  if (date == NULL)
    return NULL;

  /* Translators: a date without the weekday, in g_date_time_format() syntax, for
   * example "5 March 2030" (a birth date, an expiry). Reorder it as your language
   * writes dates. */
  return g_date_time_format (date, _("%-e %B %Y"));
}

/**
 * tarmac_format_time:
 * @timestamp: (nullable): a time as the store writes it, in UTC ISO 8601
 *   ("2026-11-22T07:00:00Z"), or a bare clock time "HH:MM"
 *
 * Returns: (nullable): the local time of day as "HH:MM", or %NULL if there is none
 */
char *
tarmac_format_time (const char *timestamp)
{
  g_autoptr(GDateTime) local = NULL;
  const char *clock;

  if (timestamp == NULL || *timestamp == '\0')
    return NULL;

  /* Times are stored in UTC; officers read them in the airport's (the machine's) time. */
  if ((local = tarmac_format_parse_timestamp (timestamp)) != NULL)
    return g_date_time_format (local, "%H:%M");

  clock = strpbrk (timestamp, "T ");
  clock = clock != NULL ? clock + 1 : timestamp;

  if (!g_ascii_isdigit (clock[0]) || !g_ascii_isdigit (clock[1]) || clock[2] != ':' ||
      !g_ascii_isdigit (clock[3]) || !g_ascii_isdigit (clock[4]))
    return NULL;

  return g_strndup (clock, 5);
}

/**
 * tarmac_format_flight_time:
 * @flight: a flight
 *
 * Returns: (nullable): the time that matters at this airport: arrival for inbound
 *   flights, departure otherwise, falling back to whichever is known
 */
const char *
tarmac_format_flight_time (TarmacFlight *flight)
{
  const char *departure = tarmac_flight_get_scheduled_departure (flight);
  const char *arrival = tarmac_flight_get_scheduled_arrival (flight);

  if (tarmac_flight_get_direction (flight) == TARMAC_DIRECTION_INBOUND)
    return arrival != NULL && *arrival != '\0' ? arrival : departure;

  return departure != NULL && *departure != '\0' ? departure : arrival;
}

/**
 * tarmac_format_route:
 * @flight: a flight
 *
 * Returns: the route, for example "ADD → LFW"
 */
char *
tarmac_format_route (TarmacFlight *flight)
{
  /* Translators: a flight's route from origin to destination airport code, for example
   * "ADD → LFW". Right-to-left languages may want "%2$s ← %1$s" or similar. */
  return g_strdup_printf (_("%1$s → %2$s"),
                          tarmac_flight_get_origin (flight),
                          tarmac_flight_get_destination (flight));
}

/**
 * tarmac_format_parse_timestamp:
 * @timestamp: (nullable): a UTC time in ISO 8601, for example "2026-11-22T06:45:00Z"
 *
 * Returns: (transfer full) (nullable): @timestamp in local time, or %NULL if it is not
 *   a valid ISO 8601 time
 */
GDateTime *
tarmac_format_parse_timestamp (const char *timestamp)
{
  g_autoptr(GTimeZone) utc = NULL;
  g_autoptr(GDateTime) parsed = NULL;

  if (timestamp == NULL || *timestamp == '\0')
    return NULL;

  /* A time without an offset is UTC, as the store writes it. */
  utc = g_time_zone_new_utc ();
  parsed = g_date_time_new_from_iso8601 (timestamp, utc);
  if (parsed == NULL)
    return NULL;

  return g_date_time_to_local (parsed);
}

/**
 * tarmac_format_timestamp_short:
 * @timestamp: (nullable): a UTC time in ISO 8601
 * @now: the current local time
 *
 * Formats @timestamp for a list row, relative to @now: the time of day if it is today,
 * "Yesterday", the weekday within the last week, otherwise the date.
 *
 * Returns: (nullable): the text, or %NULL if @timestamp is not valid
 */
char *
tarmac_format_timestamp_short (const char *timestamp,
                               GDateTime  *now)
{
  g_autoptr(GDateTime) local = tarmac_format_parse_timestamp (timestamp);
  g_autoptr(GDateTime) local_now = NULL;
  GDate day, today;
  int days_ago;
  int year, month, mday;

  g_return_val_if_fail (now != NULL, NULL);

  if (local == NULL)
    return NULL;

  local_now = g_date_time_to_local (now);

  g_date_time_get_ymd (local, &year, &month, &mday);
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, mday, month, year);

  g_date_time_get_ymd (local_now, &year, &month, &mday);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, mday, month, year);

  days_ago = g_date_days_between (&day, &today);

  if (days_ago == 0)
    return g_date_time_format (local, "%H:%M");

  if (days_ago == 1)
    /* Translators: when something was written, in a list row */
    return g_strdup (_("Yesterday"));

  if (days_ago > 1 && days_ago < 7)
    return g_date_time_format (local, "%A");

  if (g_date_time_get_year (local) == g_date_time_get_year (local_now))
    /* Translators: a date in this year in a list row, in g_date_time_format() syntax,
     * for example "22 Nov". Reorder it as your language writes dates. */
    return g_date_time_format (local, _("%-e %b"));

  /* Translators: a date in another year in a list row, in g_date_time_format() syntax,
   * for example "22 Nov 2025" */
  return g_date_time_format (local, _("%-e %b %Y"));
}

/**
 * tarmac_format_timestamp_long:
 * @timestamp: (nullable): a UTC time in ISO 8601
 *
 * Returns: (nullable): the local date and time in full, for example
 *   "Sunday 22 November 2026, 07:45", or %NULL if @timestamp is not valid
 */
char *
tarmac_format_timestamp_long (const char *timestamp)
{
  g_autoptr(GDateTime) local = tarmac_format_parse_timestamp (timestamp);

  if (local == NULL)
    return NULL;

  /* Translators: a local date and time in full, in g_date_time_format() syntax, for
   * example "Sunday 22 November 2026, 07:45". Reorder it as your language writes dates. */
  return g_date_time_format (local, _("%A %-e %B %Y, %H:%M"));
}

/**
 * tarmac_format_source_time_long:
 * @timestamp: (nullable): a time as an airline message gave it: ISO 8601 with or without
 *   seconds, and usually without a zone ("2026-03-02T10:15")
 *
 * Booking, push and itinerary times are the airline's wall-clock times, not the store's
 * UTC: without a zone they are written out as they are, not moved to local time. One
 * with a zone is converted like any other time.
 *
 * Returns: (nullable): the date and time in full, for example
 *   "Monday 2 March 2026, 10:15", or %NULL if @timestamp is not such a time
 */
char *
tarmac_format_source_time_long (const char *timestamp)
{
  g_autoptr(GTimeZone) utc = NULL;
  g_autoptr(GDateTime) zoned = NULL;
  g_autoptr(GDateTime) wall = NULL;
  int year, month, day, hour, minute;
  char end;

  if (timestamp == NULL || *timestamp == '\0')
    return NULL;

  /* With a NULL default zone, only a time that names its zone parses. */
  zoned = g_date_time_new_from_iso8601 (timestamp, NULL);
  if (zoned != NULL)
    return tarmac_format_timestamp_long (timestamp);

  /* "YYYY-MM-DDTHH:MM", then optional seconds, which a full date and time leaves out. */
  if (strlen (timestamp) < 16 ||
      sscanf (timestamp, "%4d-%2d-%2d%c%2d:%2d", &year, &month, &day, &end, &hour,
              &minute) != 6 ||
      (end != 'T' && end != ' '))
    return NULL;

  utc = g_time_zone_new_utc ();
  wall = g_date_time_new (utc, year, month, day, hour, minute, 0);
  if (wall == NULL)
    return NULL;

  /* Translators: a local date and time in full, in g_date_time_format() syntax, for
   * example "Sunday 22 November 2026, 07:45". Reorder it as your language writes dates. */
  return g_date_time_format (wall, _("%A %-e %B %Y, %H:%M"));
}

const char *
tarmac_format_direction_icon (TarmacDirection direction)
{
  switch (direction)
    {
    case TARMAC_DIRECTION_INBOUND:
      return "flight-inbound-symbolic";
    case TARMAC_DIRECTION_OUTBOUND:
      return "flight-outbound-symbolic";
    case TARMAC_DIRECTION_TRANSIT:
    default:
      return "flight-transit-symbolic";
    }
}

const char *
tarmac_format_direction_label (TarmacDirection direction)
{
  switch (direction)
    {
    case TARMAC_DIRECTION_INBOUND:
      return C_("flight direction", "Inbound");
    case TARMAC_DIRECTION_OUTBOUND:
      return C_("flight direction", "Outbound");
    case TARMAC_DIRECTION_TRANSIT:
    default:
      return C_("flight direction", "Transit");
    }
}

const char *
tarmac_format_traveller_kind (TarmacTravellerKind kind)
{
  if (kind == TARMAC_TRAVELLER_CREW)
    return C_("traveller kind", "Crew");

  return C_("traveller kind", "Passenger");
}

/**
 * tarmac_format_note_priority:
 * @priority: a note's priority
 *
 * Returns: (nullable): the label of the priority's badge, or %NULL for routine notes,
 *   which have none
 */
const char *
tarmac_format_note_priority (TarmacNotePriority priority)
{
  switch (priority)
    {
    case TARMAC_NOTE_PRIORITY_URGENT:
      return C_("note priority", "Urgent");
    case TARMAC_NOTE_PRIORITY_PRIORITY:
      return C_("note priority", "Priority");
    case TARMAC_NOTE_PRIORITY_ROUTINE:
    default:
      return NULL;
    }
}

/**
 * tarmac_format_note_subject:
 * @note: a note
 *
 * Returns: (nullable): what the note is about, for example "Flight ET 935", or %NULL if
 *   it names no subject
 */
char *
tarmac_format_note_subject (TarmacNote *note)
{
  const char *type = tarmac_note_get_subject_type (note);
  const char *ref = tarmac_note_get_subject_ref (note);

  if (ref == NULL || *ref == '\0')
    return NULL;

  if (g_strcmp0 (type, "flight") == 0)
    /* Translators: what a note is about; %s is a flight designator such as "ET 935" */
    return g_strdup_printf (_("Flight %s"), ref);

  if (g_strcmp0 (type, "traveller") == 0)
    /* Translators: what a note is about; %s is a traveller's name or reference */
    return g_strdup_printf (_("Traveller %s"), ref);

  if (g_strcmp0 (type, "consignment") == 0)
    /* Translators: what a note is about; %s is an air waybill number or similar */
    return g_strdup_printf (_("Consignment %s"), ref);

  if (g_strcmp0 (type, "seizure") == 0)
    /* Translators: what a note is about; %s is a seizure's reference */
    return g_strdup_printf (_("Seizure %s"), ref);

  return g_strdup (ref);
}

/**
 * tarmac_format_sync_age:
 * @then: (nullable): when the last sync went through
 * @now: the current time
 *
 * Says how long ago the workstation last synced, for the header bar: "Synced just now",
 * "Synced 2 min ago", "Synced 3 h ago", then the date.
 *
 * Returns: the text
 */
char *
tarmac_format_sync_age (GDateTime *then,
                        GDateTime *now)
{
  g_autoptr(GDateTime) local = NULL;
  GTimeSpan age;
  gint64 minutes, hours;

  g_return_val_if_fail (now != NULL, NULL);

  if (then == NULL)
    /* Translators: the header bar, before the first sync with the hub */
    return g_strdup (_("Never synced"));

  age = g_date_time_difference (now, then);
  minutes = MAX (age, 0) / G_TIME_SPAN_MINUTE;
  hours = minutes / 60;

  if (minutes < 1)
    /* Translators: the header bar, when the last sync with the hub was under a minute ago */
    return g_strdup (_("Synced just now"));

  if (minutes < 60)
    /* Translators: the header bar; "min" is minutes, keep it short */
    return g_strdup_printf (ngettext ("Synced %d min ago", "Synced %d min ago", (gulong) minutes),
                            (int) minutes);

  if (hours < 24)
    /* Translators: the header bar; "h" is hours, keep it short */
    return g_strdup_printf (ngettext ("Synced %d h ago", "Synced %d h ago", (gulong) hours),
                            (int) hours);

  local = g_date_time_to_local (then);
  {
    /* Translators: a date in g_date_time_format() syntax, for example "22 Nov" */
    g_autofree char *day = g_date_time_format (local, _("%-e %b"));

    /* Translators: the header bar; %s is a date, for example "22 Nov" */
    return g_strdup_printf (_("Synced %s"), day);
  }
}

/**
 * tarmac_format_fingerprint:
 * @fingerprint: a SHA-256 fingerprint in hex, with or without separators
 *
 * Formats a fingerprint to be read out over the phone: upper-case hex in groups of four,
 * four groups to a line ("AB12 CD34 …").
 *
 * Returns: the text
 */
char *
tarmac_format_fingerprint (const char *fingerprint)
{
  GString *out = g_string_new (NULL);
  guint n = 0;

  g_return_val_if_fail (fingerprint != NULL, NULL);

  for (const char *p = fingerprint; *p != '\0'; p++)
    {
      if (!g_ascii_isxdigit (*p))
        continue;

      if (n > 0 && n % 16 == 0)
        g_string_append_c (out, '\n');
      else if (n > 0 && n % 4 == 0)
        g_string_append_c (out, ' ');
      g_string_append_c (out, g_ascii_toupper (*p));
      n++;
    }

  return g_string_free (out, FALSE);
}

/**
 * tarmac_format_receipts:
 * @receipts: a #GListModel of #TarmacNoteReceipt
 * @now: the current time
 *
 * Says how far a note got at each airport, for the line under it: "Read at DKR 14:02 ·
 * Delivered to ADD 14:01 · Waiting to be sent to LFW".
 *
 * Returns: (nullable): the text, or %NULL when there is nothing to say
 */
char *
tarmac_format_receipts (GListModel *receipts,
                        GDateTime  *now)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (G_IS_LIST_MODEL (receipts), NULL);

  for (guint i = 0; i < g_list_model_get_n_items (receipts); i++)
    {
      g_autoptr(TarmacNoteReceipt) receipt = g_list_model_get_item (receipts, i);
      const char *state = tarmac_note_receipt_get_state (receipt);
      const char *site = tarmac_note_receipt_get_site (receipt);
      g_autofree char *at = tarmac_format_timestamp_short (tarmac_note_receipt_get_at (receipt), now);
      g_autofree char *part = NULL;

      if (g_strcmp0 (state, "read") == 0)
        /* Translators: under a note: %1$s is an airport code, %2$s a time ("14:02") */
        part = g_strdup_printf (_("Read at %1$s %2$s"), site, at != NULL ? at : "");
      else if (g_strcmp0 (state, "delivered") == 0)
        /* Translators: under a note: %1$s is an airport code, %2$s a time ("14:02") */
        part = g_strdup_printf (_("Delivered to %1$s %2$s"), site, at != NULL ? at : "");
      else if (g_strcmp0 (state, "pending") == 0)
        /* Translators: under a note: %s is an airport code */
        part = g_strdup_printf (_("Waiting to be sent to %s"), site);
      else
        /* Translators: under a note, when the hub has it: %s is an airport code */
        part = g_strdup_printf (_("Sent to %s"), site);

      if (text->len > 0)
        g_string_append (text, " · ");
      g_string_append (text, g_strstrip (part));
    }

  return text->len > 0 ? g_strdup (text->str) : NULL;
}
