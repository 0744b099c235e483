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
typedef struct _TarmacSearchResult TarmacSearchResult;

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

/**
 * TarmacSearchMatch:
 * @TARMAC_SEARCH_MATCH_NAME: every word of the name, as written
 * @TARMAC_SEARCH_MATCH_NAME_PREFIX: every word, some only by their beginning
 * @TARMAC_SEARCH_MATCH_NAME_FUZZY: every word, some with a letter or two different
 * @TARMAC_SEARCH_MATCH_NAME_PARTIAL: some of the words only
 * @TARMAC_SEARCH_MATCH_DOCUMENT: a travel document's number
 * @TARMAC_SEARCH_MATCH_DOCUMENT_PREFIX: the beginning of a travel document's number
 * @TARMAC_SEARCH_MATCH_LOCATOR: the record locator of the traveller's PNR
 * @TARMAC_SEARCH_MATCH_PHONE: a phone number of the traveller's PNR
 * @TARMAC_SEARCH_MATCH_EMAIL: an e-mail address of the traveller's PNR
 *
 * Why a search found a traveller.
 */
typedef enum
{
  TARMAC_SEARCH_MATCH_NAME,
  TARMAC_SEARCH_MATCH_NAME_PREFIX,
  TARMAC_SEARCH_MATCH_NAME_FUZZY,
  TARMAC_SEARCH_MATCH_NAME_PARTIAL,
  TARMAC_SEARCH_MATCH_DOCUMENT,
  TARMAC_SEARCH_MATCH_DOCUMENT_PREFIX,
  TARMAC_SEARCH_MATCH_LOCATOR,
  TARMAC_SEARCH_MATCH_PHONE,
  TARMAC_SEARCH_MATCH_EMAIL,
} TarmacSearchMatch;

/**
 * TarmacSyncState:
 * @TARMAC_SYNC_STATE_NOT_ENROLLED: this workstation is not enrolled in a network
 * @TARMAC_SYNC_STATE_CONNECTING: talking to the hub, with no answer yet since the start
 *   or the last failure
 * @TARMAC_SYNC_STATE_ONLINE: the last round went through; waiting for more
 * @TARMAC_SYNC_STATE_OFFLINE: the hub cannot be reached; trying again later
 * @TARMAC_SYNC_STATE_ERROR: the hub or this database refused; trying again later, but
 *   someone should look at the reason
 *
 * How this workstation's link to the hub is doing (TarmacSyncService).
 */
typedef enum
{
  TARMAC_SYNC_STATE_NOT_ENROLLED,
  TARMAC_SYNC_STATE_CONNECTING,
  TARMAC_SYNC_STATE_ONLINE,
  TARMAC_SYNC_STATE_OFFLINE,
  TARMAC_SYNC_STATE_ERROR,
} TarmacSyncState;

G_END_DECLS
