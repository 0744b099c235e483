/* tarmac-pnrgov.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "tarmac-edifact.h"

G_BEGIN_DECLS

#define TARMAC_PNRGOV_ERROR (tarmac_pnrgov_error_quark ())

/**
 * TarmacPnrgovError:
 * @TARMAC_PNRGOV_ERROR_NO_MESSAGE: the input holds no PNRGOV message (no UNH for PNRGOV)
 *
 * Input with no usable structure. Tokenizer errors (%TARMAC_EDIFACT_ERROR) are passed on
 * when they happen before the first message.
 */
typedef enum
{
  TARMAC_PNRGOV_ERROR_NO_MESSAGE,
} TarmacPnrgovError;

/**
 * TarmacPnrgovWarningCode:
 * @TARMAC_PNRGOV_WARNING_SYNTAX: a tokenizer warning; see @edifact_code
 * @TARMAC_PNRGOV_WARNING_UNKNOWN_SEGMENT: a segment PNRGOV does not use here; skipped
 * @TARMAC_PNRGOV_WARNING_UNKNOWN_QUALIFIER: a known segment with a qualifier we do not map
 * @TARMAC_PNRGOV_WARNING_OUT_OF_PLACE: a segment where it cannot belong (PNR data before
 *   any SRC, anything outside UNH…UNT); skipped
 * @TARMAC_PNRGOV_WARNING_BAD_DATE: a date that could not be read, or only in another layout
 * @TARMAC_PNRGOV_WARNING_BAD_NUMBER: a count or weight that is not a number
 * @TARMAC_PNRGOV_WARNING_MISSING_LOCATOR: a PNR with no record locator
 * @TARMAC_PNRGOV_WARNING_OTHER_MESSAGE: a message that is not a PNRGOV; skipped
 * @TARMAC_PNRGOV_WARNING_TRUNCATED: the tokenizer stopped on an error after the first
 *   message; what came before is kept
 */
typedef enum
{
  TARMAC_PNRGOV_WARNING_SYNTAX,
  TARMAC_PNRGOV_WARNING_UNKNOWN_SEGMENT,
  TARMAC_PNRGOV_WARNING_UNKNOWN_QUALIFIER,
  TARMAC_PNRGOV_WARNING_OUT_OF_PLACE,
  TARMAC_PNRGOV_WARNING_BAD_DATE,
  TARMAC_PNRGOV_WARNING_BAD_NUMBER,
  TARMAC_PNRGOV_WARNING_MISSING_LOCATOR,
  TARMAC_PNRGOV_WARNING_OTHER_MESSAGE,
  TARMAC_PNRGOV_WARNING_TRUNCATED,
} TarmacPnrgovWarningCode;

/**
 * TarmacPnrgovWarning:
 * @code: what went wrong
 * @edifact_code: the tokenizer's code when @code is %TARMAC_PNRGOV_WARNING_SYNTAX
 * @message: a translated, human-readable explanation (never quotes a card number)
 * @offset: byte offset in the input
 * @line: 1-based line of @offset
 * @segment_index: 0-based index of the segment concerned
 */
typedef struct
{
  TarmacPnrgovWarningCode   code;
  TarmacEdifactWarningCode  edifact_code;
  char                     *message;
  gsize                     offset;
  guint                     line;
  guint                     segment_index;
} TarmacPnrgovWarning;

/*
 * Conventions for everything below:
 *  - dates are "YYYY-MM-DD", date-times "YYYY-MM-DDTHH:MM" (local to the place
 *    concerned), %NULL when absent or unreadable; the *_raw fields keep what was sent;
 *  - @traveller is the index in #TarmacPnrgovPnr.travellers of the traveller concerned,
 *    -1 for the whole PNR; @segment the index in #TarmacPnrgovPnr.segments, -1 for none.
 */

/**
 * TarmacPnrgovDate:
 * A DAT composite: @qualifier "700" last PNR transaction, "710" ticket issue, "2"
 * check-in, or another one as sent.
 */
typedef struct
{
  char *qualifier;
  char *value;
  char *raw;
} TarmacPnrgovDate;

/**
 * TarmacPnrgovAgency:
 * An ORG segment: the booking system and city, the IATA agency number, the office or
 * pseudo-city id, location, originator type, country, currency and agent sign.
 */
typedef struct
{
  char *system;
  char *system_city;
  char *iata_number;
  char *office_id;
  char *location;
  char *originator_type;
  char *country;
  char *currency;
  char *agent;
} TarmacPnrgovAgency;

/**
 * TarmacPnrgovTraveller:
 * A TIF. @given_names has the title (MR, MRS, …, also glued on as in "JOHNMR") removed
 * and put in @title; @given_names_raw is as sent. @type is the passenger type as sent
 * ("A", "C", "IN", "G" for a group name). An infant is either a TIF of type IN/INF or one
 * built from an SSR INFT (@from_ssr); @infant_of is then the index of the adult, and the
 * adult's @infant the index of the infant (-1 otherwise).
 */
typedef struct
{
  char     *surname;
  char     *given_names;
  char     *given_names_raw;
  char     *title;
  char     *type;
  char     *reference;
  char     *unique_id;          /* REF */
  char     *frequent_flyer;     /* FTI carrier + number */
  char     *date_of_birth;      /* from SSR INFT for infants */
  gboolean  is_infant;
  gboolean  from_ssr;
  gboolean  with_infant;        /* TIF infant indicator */
  gint      infant_of;
  gint      infant;
  gsize     offset;
  guint     line;
} TarmacPnrgovTraveller;

/**
 * TarmacPnrgovSegment:
 * A TVL of the itinerary. @operating_carrier is the second carrier of a codeshare.
 */
typedef struct
{
  char  *carrier;
  char  *operating_carrier;
  char  *flight_number;
  char  *booking_class;
  char  *origin;
  char  *destination;
  char  *departure;           /* date-time, or date when no time was sent */
  char  *arrival;
  char  *departure_raw;
  char  *status;              /* RPI element 2: HK, KK, … */
  gint   number_in_party;     /* RPI element 1, -1 without */
  char  *aircraft;            /* APD */
  char  *check_in;            /* DAT+2 */
  gsize  offset;
  guint  line;
} TarmacPnrgovSegment;

/**
 * TarmacPnrgovSsr:
 * A special service request as sent: code (DOCS, INFT, TKNE, SEAT, …), status, quantity,
 * carrier, board and off points and the free text. SEAT lists its seats in @text,
 * separated by spaces.
 */
typedef struct
{
  char  *code;
  char  *status;
  char  *quantity;
  char  *carrier;
  char  *board_point;
  char  *off_point;
  char  *text;
  char  *traveller_reference;
  gint   traveller;
  gsize  offset;
  guint  line;
} TarmacPnrgovSsr;

/**
 * TarmacPnrgovDocument:
 * An SSR DOCS (travel document: @type "P", "I", …) or DOCO (@type "V" visa and other
 * documents: @place_of_birth, @place_of_issue, @issue_date, @applicable_state) split on
 * its slashes. @is_holder is the "H" (multi-passenger passport holder) flag.
 */
typedef struct
{
  char     *code;             /* "DOCS" or "DOCO" */
  char     *type;
  char     *number;
  char     *issuing_state;
  char     *nationality;
  char     *date_of_birth;
  char     *date_of_birth_raw;
  char     *sex;
  char     *expiry;
  char     *expiry_raw;
  char     *surname;
  char     *given_names;
  char     *place_of_birth;
  char     *place_of_issue;
  char     *issue_date;
  char     *issue_date_raw;
  char     *applicable_state;
  gboolean  is_holder;
  gint      traveller;
  gsize     offset;
  guint     line;
} TarmacPnrgovDocument;

typedef enum
{
  TARMAC_PNRGOV_CONTACT_PHONE,
  TARMAC_PNRGOV_CONTACT_EMAIL,
  TARMAC_PNRGOV_CONTACT_ADDRESS,
  TARMAC_PNRGOV_CONTACT_OTHER,
} TarmacPnrgovContactKind;

/**
 * TarmacPnrgovContact:
 * A phone, e-mail or address from ADD, IFT (OSI CTCx), COM, SSR DOCA or a card holder's
 * IFT 4:43. @source names it ("ADD", "CTCE", "CTCM", "COM", "DOCA", …). @value is the
 * phone or e-mail (the OSI "//" turned back into "@"), or the whole address on one line;
 * addresses also come split.
 */
typedef struct
{
  TarmacPnrgovContactKind  kind;
  char                    *source;
  char                    *value;
  char                    *street;
  char                    *city;
  char                    *state;
  char                    *country;
  char                    *postcode;
  gint                     traveller;
} TarmacPnrgovContact;

/**
 * TarmacPnrgovPayment:
 * A FOP composite. A card number is never kept: only @card_last_four and @card_hash, the
 * hex HMAC-SHA256 of its digits under the caller's key (%NULL without a key, or when the
 * number came masked). @reference is the voucher or receipt number of other forms.
 */
typedef struct
{
  char  *type;                /* CC, CA, GR, MS, … */
  char  *amount;
  char  *card_vendor;
  char  *card_last_four;
  char  *card_hash;
  char  *card_expiry;
  char  *reference;
  char  *holder;              /* IFT 4:43 after the FOP, joined */
  gint   traveller;
} TarmacPnrgovPayment;

typedef struct
{
  char  *number;
  char  *type;
  char  *coupons;
  char  *total;               /* MON+T amount */
  char  *currency;
  char  *issued;              /* DAT+710 after the TKT */
  gint   traveller;
} TarmacPnrgovTicket;

/**
 * TarmacPnrgovBags:
 * A TBD (checked bags) or, with @excess set, an EBD (excess baggage, with @amount and
 * @currency). @count and @weight are -1 when not sent; @tags are "carrier+number"
 * strings, e.g. "ET0443".
 */
typedef struct
{
  gboolean   excess;
  gint       count;
  double     weight;
  char      *weight_unit;
  char      *amount;
  char      *currency;
  GPtrArray *tags;            /* of char* */
  gint       traveller;
  gint       segment;
} TarmacPnrgovBags;

typedef struct
{
  char  *seat;
  char  *source;              /* "SSR" (pre-booked) or "SSD" (check-in) */
  gint   traveller;
  gint   segment;
} TarmacPnrgovSeat;

/**
 * TarmacPnrgovHistory:
 * One history item: an LTS line, or a segment of the history part (after ABI/SAC) shown
 * as text; @action is the SAC action (A added, X cancelled, …) in force, %NULL for none.
 */
typedef struct
{
  char *action;
  char *tag;
  char *text;
} TarmacPnrgovHistory;

/**
 * TarmacPnrgovPnr:
 * One SRC group. @record_locator and @carrier come from the first RCI composite; other
 * locators (codeshare, split PNRs) are in @other_locators as "CARRIER:LOCATOR".
 * @created_at is the RCI date and time, @modified_at the DAT+700.
 */
typedef struct
{
  char               *record_locator;
  char               *carrier;
  char               *created_at;
  char               *modified_at;
  GPtrArray          *other_locators; /* of char* */
  GPtrArray          *dates;          /* of TarmacPnrgovDate */
  TarmacPnrgovAgency *agency;         /* %NULL without a PNR-level ORG */
  GPtrArray          *travellers;     /* of TarmacPnrgovTraveller */
  GPtrArray          *segments;       /* of TarmacPnrgovSegment */
  GPtrArray          *contacts;       /* of TarmacPnrgovContact */
  GPtrArray          *payments;       /* of TarmacPnrgovPayment */
  GPtrArray          *tickets;        /* of TarmacPnrgovTicket */
  GPtrArray          *bags;           /* of TarmacPnrgovBags */
  GPtrArray          *seats;          /* of TarmacPnrgovSeat */
  GPtrArray          *ssrs;           /* of TarmacPnrgovSsr */
  GPtrArray          *documents;      /* of TarmacPnrgovDocument */
  GPtrArray          *remarks;        /* of char*: IFT free text other than contacts */
  GPtrArray          *history;        /* of TarmacPnrgovHistory */
  gsize               offset;
  guint               line;
} TarmacPnrgovPnr;

/**
 * TarmacPnrgovMessage:
 * One UNH…UNT. @version is "10.1", "13.1", …; @pushed_at is the message-level DAT+700,
 * else the UNB preparation time (@pushed_at_from_envelope is then %TRUE). The flight
 * is the message-level TVL, the flight the push is about. @announced_pnrs is the EQN
 * value, -1 without.
 */
typedef struct
{
  char                *reference;
  char                *version;
  char                *common_access_reference;
  guint                part_number;
  gboolean             is_last_part;
  char                *sender;
  char                *recipient;
  char                *originator;    /* message-level ORG system:city */
  char                *pushed_at;
  gboolean             pushed_at_from_envelope;
  GPtrArray           *dates;         /* of TarmacPnrgovDate, message level */
  TarmacPnrgovSegment *flight;        /* %NULL without a message-level TVL */
  gint                 announced_pnrs;
  GPtrArray           *pnrs;          /* of TarmacPnrgovPnr */
  gsize                offset;
  guint                line;
} TarmacPnrgovMessage;

GQuark   tarmac_pnrgov_error_quark    (void);

gboolean tarmac_pnrgov_parse          (const guint8         *data,
                                       gsize                 length,
                                       const char           *card_key,
                                       GPtrArray           **messages,
                                       GPtrArray           **warnings,
                                       GError              **error);

void     tarmac_pnrgov_message_free   (TarmacPnrgovMessage  *message);
void     tarmac_pnrgov_warning_free   (TarmacPnrgovWarning  *warning);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TarmacPnrgovMessage, tarmac_pnrgov_message_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TarmacPnrgovWarning, tarmac_pnrgov_warning_free)

G_END_DECLS
