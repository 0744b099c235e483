/* tarmac-types.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _TarmacStore     TarmacStore;
typedef struct _TarmacFlight    TarmacFlight;
typedef struct _TarmacTraveller TarmacTraveller;
typedef struct _TarmacNote      TarmacNote;

/**
 * TarmacDirection:
 * @TARMAC_DIRECTION_INBOUND: the flight lands at this airport
 * @TARMAC_DIRECTION_OUTBOUND: the flight leaves from this airport
 * @TARMAC_DIRECTION_TRANSIT: the flight stops here on its way elsewhere
 *
 * Which way a flight goes, seen from the airport this workstation serves.
 */
typedef enum
{
  TARMAC_DIRECTION_INBOUND,
  TARMAC_DIRECTION_OUTBOUND,
  TARMAC_DIRECTION_TRANSIT,
} TarmacDirection;

/**
 * TarmacTravellerKind:
 * @TARMAC_TRAVELLER_PASSENGER: a passenger (infants included)
 * @TARMAC_TRAVELLER_CREW: a crew member
 */
typedef enum
{
  TARMAC_TRAVELLER_PASSENGER,
  TARMAC_TRAVELLER_CREW,
} TarmacTravellerKind;

/**
 * TarmacCoTravellerReason:
 * @TARMAC_CO_TRAVELLER_SAME_BOOKING: booked in the same PNR
 * @TARMAC_CO_TRAVELLER_SAME_BOOKING_REFERENCE: on the same flight with the same booking
 *   reference in the manifest
 * @TARMAC_CO_TRAVELLER_SHARED_CONTACT: on the same flight, booked with a phone, e-mail or
 *   address in common
 *
 * Why the traveller page lists another traveller as travelling with this one.
 */
typedef enum
{
  TARMAC_CO_TRAVELLER_SAME_BOOKING,
  TARMAC_CO_TRAVELLER_SAME_BOOKING_REFERENCE,
  TARMAC_CO_TRAVELLER_SHARED_CONTACT,
} TarmacCoTravellerReason;

/**
 * TarmacNotePriority:
 * @TARMAC_NOTE_PRIORITY_ROUTINE: for information
 * @TARMAC_NOTE_PRIORITY_PRIORITY: to read today
 * @TARMAC_NOTE_PRIORITY_URGENT: to act on now
 */
typedef enum
{
  TARMAC_NOTE_PRIORITY_ROUTINE,
  TARMAC_NOTE_PRIORITY_PRIORITY,
  TARMAC_NOTE_PRIORITY_URGENT,
} TarmacNotePriority;

G_END_DECLS
