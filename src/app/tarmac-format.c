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
 * tarmac_format_time:
 * @timestamp: (nullable): a local time as "YYYY-MM-DDTHH:MM[:SS]", "YYYY-MM-DD HH:MM" or "HH:MM"
 *
 * Returns: (nullable): the time of day as "HH:MM", or %NULL if there is none
 */
char *
tarmac_format_time (const char *timestamp)
{
  const char *clock;

  if (timestamp == NULL || *timestamp == '\0')
    return NULL;

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
