/* tarmac-paxlst.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "tarmac-edifact.h"

G_BEGIN_DECLS

#define TARMAC_PAXLST_ERROR (tarmac_paxlst_error_quark ())

/**
 * TarmacPaxlstError:
 * @TARMAC_PAXLST_ERROR_NO_MESSAGE: the input holds no PAXLST message (no UNH for PAXLST)
 *
 * Input with no usable structure. Tokenizer errors (%TARMAC_EDIFACT_ERROR) are passed on
 * when they happen before the first message.
 */
typedef enum
{
  TARMAC_PAXLST_ERROR_NO_MESSAGE,
} TarmacPaxlstError;

/**
 * TarmacPaxlstWarningCode:
 * @TARMAC_PAXLST_WARNING_SYNTAX: a tokenizer warning; see @edifact_code
 * @TARMAC_PAXLST_WARNING_UNKNOWN_SEGMENT: a segment PAXLST does not use here; skipped
 * @TARMAC_PAXLST_WARNING_UNKNOWN_QUALIFIER: a known segment with a qualifier we do not map
 * @TARMAC_PAXLST_WARNING_OUT_OF_PLACE: a segment where it cannot belong (a DTM+36 with no
 *   DOC, a LOC+125 with no TDT, anything outside UNH…UNT); skipped
 * @TARMAC_PAXLST_WARNING_BAD_DATE: a date that could not be read, or only in another format
 * @TARMAC_PAXLST_WARNING_BAD_NUMBER: a count or weight that is not a number
 * @TARMAC_PAXLST_WARNING_MISSING_NAME: a NAD with no surname
 * @TARMAC_PAXLST_WARNING_OTHER_MESSAGE: a message that is not a PAXLST; skipped
 * @TARMAC_PAXLST_WARNING_TRUNCATED: the tokenizer stopped on an error after the first
 *   message; what came before is kept
 */
typedef enum
{
  TARMAC_PAXLST_WARNING_SYNTAX,
  TARMAC_PAXLST_WARNING_UNKNOWN_SEGMENT,
  TARMAC_PAXLST_WARNING_UNKNOWN_QUALIFIER,
  TARMAC_PAXLST_WARNING_OUT_OF_PLACE,
  TARMAC_PAXLST_WARNING_BAD_DATE,
  TARMAC_PAXLST_WARNING_BAD_NUMBER,
  TARMAC_PAXLST_WARNING_MISSING_NAME,
  TARMAC_PAXLST_WARNING_OTHER_MESSAGE,
  TARMAC_PAXLST_WARNING_TRUNCATED,
} TarmacPaxlstWarningCode;

/**
 * TarmacPaxlstWarning:
 * @code: what went wrong
 * @edifact_code: the tokenizer's code when @code is %TARMAC_PAXLST_WARNING_SYNTAX
 * @message: a translated, human-readable explanation
 * @offset: byte offset in the input
 * @line: 1-based line of @offset
 * @segment_index: 0-based index of the segment concerned
 */
typedef struct
{
  TarmacPaxlstWarningCode   code;
  TarmacEdifactWarningCode  edifact_code;
  char                     *message;
  gsize                     offset;
  guint                     line;
  guint                     segment_index;
} TarmacPaxlstWarning;

typedef enum
{
  TARMAC_PAXLST_DOCUMENT_TYPE_OTHER,
  TARMAC_PAXLST_DOCUMENT_TYPE_PASSENGERS, /* BGM+745 */
  TARMAC_PAXLST_DOCUMENT_TYPE_CREW,       /* BGM+250 (and 336, the US master crew list) */
} TarmacPaxlstDocumentType;

typedef enum
{
  TARMAC_PAXLST_TRAVELLER_OTHER,          /* COT, or a role we do not know (kept in @role) */
  TARMAC_PAXLST_TRAVELLER_PASSENGER,      /* NAD+FL, NAD+DDU */
  TARMAC_PAXLST_TRAVELLER_CREW,           /* NAD+FM, NAD+DDT */
} TarmacPaxlstTravellerKind;

/**
 * TarmacPaxlstLeg:
 * One TDT group. Airports are the LOC values as sent; @departure_qualifier is "125",
 * "92" or "22", @arrival_qualifier "87", "92" or "22". Times are kept raw (the DTM value)
 * and as local "YYYY-MM-DDTHH:MM" (the time zone is the airport's), %NULL if unreadable.
 */
typedef struct
{
  char  *flight_id;           /* TDT element 2 as sent, "UA0989" */
  char  *carrier;             /* TDT element 5, or the designator in @flight_id */
  char  *flight_number;       /* @flight_id without the carrier, "0989" */
  char  *departure_airport;
  char  *departure_qualifier;
  char  *departure_time_raw;
  char  *departure_time;
  char  *arrival_airport;
  char  *arrival_qualifier;
  char  *arrival_time_raw;
  char  *arrival_time;
  gsize  offset;
  guint  line;
} TarmacPaxlstLeg;

/**
 * TarmacPaxlstTravelDocument:
 * One SG5 group (DOC, DTM 36/182, LOC 91). Dates are "YYYY-MM-DD" or %NULL.
 */
typedef struct
{
  char     *type;             /* "P", "V", "I", … as sent; %NULL for a bare DOC++number */
  char     *number;
  char     *expiry;
  char     *expiry_raw;
  char     *issue_date;
  char     *issuing_state;
  gboolean  is_visa;
} TarmacPaxlstTravelDocument;

/**
 * TarmacPaxlstTraveller:
 * One SG4 group. @surname_raw and @given_names_raw are the NAD values as sent (given
 * names from the second component on, joined with one space); @surname and
 * @given_names are the same with outer whitespace trimmed and inner runs collapsed.
 * @date_of_birth is "YYYY-MM-DD" or %NULL; @bag_count and @bag_weight are -1 when not
 * sent.
 */
typedef struct
{
  TarmacPaxlstTravellerKind  kind;
  char                      *role;
  gboolean                   in_transit;
  char                      *surname_raw;
  char                      *given_names_raw;
  char                      *surname;
  char                      *given_names;
  char                      *sex;
  char                      *date_of_birth;
  char                      *date_of_birth_raw;
  char                      *nationality;
  char                      *residence;
  char                      *birthplace;
  char                      *embarkation;
  char                      *debarkation;
  char                      *clearance;          /* LOC+22 */
  char                      *seat;               /* RFF+SEA */
  char                      *booking_reference;  /* RFF+AVF */
  char                      *passenger_reference; /* RFF+ABO */
  char                      *crew_function;      /* EMP element 2 */
  gint                       bag_count;
  double                     bag_weight;
  char                      *bag_weight_unit;
  GPtrArray                 *bag_tags;           /* of char*, FTX+BAG */
  GPtrArray                 *documents;          /* of TarmacPaxlstTravelDocument */
  gsize                      offset;
  guint                      line;
} TarmacPaxlstTraveller;

/**
 * TarmacPaxlstMessage:
 * One UNH…UNT. @part_number is 0 when UNH has no S010; @is_last_part is then %TRUE (a
 * single message). @count is the CNT value of this part, never summed across parts
 * (research/formats.md §1.8); @count_qualifier is %NULL when there is no CNT. The
 * flight fields come from the leg that crosses the border (LOC 125/87), else the first.
 */
typedef struct
{
  char                     *reference;
  char                     *version;            /* "D02B", "D05B", … */
  char                     *common_access_reference;
  guint                     part_number;
  gboolean                  is_last_part;
  char                     *sender;             /* UNB, else UNG */
  char                     *recipient;
  char                     *group_sender;       /* UNG, %NULL without */
  char                     *document_code;      /* BGM element 1 as sent */
  TarmacPaxlstDocumentType  document_type;
  char                     *transaction_reference; /* RFF+TN */
  char                     *reporting_party;    /* NAD+MS */
  char                     *carrier;
  char                     *flight_number;
  char                     *flight_id;
  GPtrArray                *legs;               /* of TarmacPaxlstLeg */
  GPtrArray                *travellers;         /* of TarmacPaxlstTraveller */
  char                     *count_qualifier;    /* "42" passengers, "41" crew */
  gint                      count;              /* -1 without CNT */
  gsize                     offset;
  guint                     line;
} TarmacPaxlstMessage;

GQuark   tarmac_paxlst_error_quark    (void);

gboolean tarmac_paxlst_parse          (const guint8         *data,
                                       gsize                 length,
                                       GPtrArray           **messages,
                                       GPtrArray           **warnings,
                                       GError              **error);

void     tarmac_paxlst_message_free   (TarmacPaxlstMessage  *message);

TarmacPaxlstMessage        *tarmac_paxlst_message_new            (void);
TarmacPaxlstLeg            *tarmac_paxlst_message_add_leg        (TarmacPaxlstMessage   *message);
TarmacPaxlstTraveller      *tarmac_paxlst_message_add_traveller  (TarmacPaxlstMessage   *message);
TarmacPaxlstTravelDocument *tarmac_paxlst_traveller_add_document (TarmacPaxlstTraveller *traveller);
void     tarmac_paxlst_warning_free   (TarmacPaxlstWarning  *warning);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TarmacPaxlstMessage, tarmac_paxlst_message_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TarmacPaxlstWarning, tarmac_paxlst_warning_free)

G_END_DECLS
