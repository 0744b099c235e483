/* tarmac-pnrgov-private.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tarmac-edifact-fields-private.h"
#include "tarmac-pnrgov.h"

G_BEGIN_DECLS

/* Internals of the PNRGOV parsers, shared between tarmac-pnrgov.c, tarmac-pnrgov-dates.c
 * and tarmac-pnrgov-ssr.c (EDIFACT) and tarmac-pnrgov-xml.c. The XML parser fills
 * @segment with the position (offset, line, element index) of the element at hand, so
 * warnings raised by the shared helpers point into the XML. */

typedef struct
{
  TarmacEdifactReader *reader;
  GPtrArray           *messages;
  GPtrArray           *warnings;
  guint                n_reader_warnings;
  const char          *card_key;

  /* borrowed: the segment being handled and the open groups of the current message */
  TarmacEdifactSegment *segment;
  TarmacPnrgovMessage  *message;
  TarmacPnrgovPnr      *pnr;
  guint                 pnr_index;
  gint                  traveller;
  gint                  itinerary;
  TarmacPnrgovTicket   *ticket;
  TarmacPnrgovPayment  *payment;
  gboolean              in_history;
  char                 *history_action;
  gboolean              skipping;

  /* the envelope around the messages */
  char                 *sender;
  char                 *recipient;
  char                 *envelope_time;
} TarmacPnrgovParser;

/* tarmac-pnrgov.c */
TarmacPnrgovMessage   *_tarmac_pnrgov_message_new        (gsize                    offset,
                                                          guint                    line);
TarmacPnrgovPnr       *_tarmac_pnrgov_pnr_new            (gsize                    offset,
                                                          guint                    line);
void                   _tarmac_pnrgov_segment_free       (TarmacPnrgovSegment     *segment);
void                   _tarmac_pnrgov_add_warning        (TarmacPnrgovParser      *p,
                                                          TarmacPnrgovWarningCode  code,
                                                          const char              *format,
                                                          ...) G_GNUC_PRINTF (3, 4);
gint                   _tarmac_pnrgov_find_traveller     (TarmacPnrgovPnr         *pnr,
                                                          const char              *reference);
TarmacPnrgovTraveller *_tarmac_pnrgov_traveller_at       (TarmacPnrgovPnr         *pnr,
                                                          gint                     index);
void                   _tarmac_pnrgov_split_title        (const char              *raw,
                                                          char                   **given,
                                                          char                   **title);
TarmacPnrgovContact   *_tarmac_pnrgov_add_contact        (TarmacPnrgovParser      *p,
                                                          TarmacPnrgovContactKind  kind,
                                                          const char              *source,
                                                          char                    *value);
char                  *_tarmac_pnrgov_join_address       (const char * const      *parts);
void                   _tarmac_pnrgov_add_free_text      (TarmacPnrgovParser      *p,
                                                          char                    *text);
void                   _tarmac_pnrgov_take_card_number   (TarmacPnrgovParser      *p,
                                                          TarmacPnrgovPayment     *pay,
                                                          const char              *number);

/* tarmac-pnrgov-dates.c */
guint                  _tarmac_pnrgov_reference_year     (TarmacPnrgovParser      *p);
char                  *_tarmac_pnrgov_read_date          (const char              *value,
                                                          gboolean                 day_first,
                                                          guint                    reference,
                                                          TarmacEdifactPivot       pivot,
                                                          gboolean                *other_layout);
char                  *_tarmac_pnrgov_parse_date_time    (TarmacPnrgovParser      *p,
                                                          const char              *date,
                                                          const char              *time,
                                                          gboolean                 day_first,
                                                          TarmacEdifactPivot       pivot);

/* tarmac-pnrgov-ssr.c */
char                  *_tarmac_pnrgov_scrub_card_numbers (char                    *text);
void                   _tarmac_pnrgov_link_infants       (TarmacPnrgovParser      *p,
                                                          TarmacPnrgovPnr         *pnr);
void                   _tarmac_pnrgov_assign_documents   (TarmacPnrgovPnr         *pnr);
void                   _tarmac_pnrgov_add_seat           (TarmacPnrgovParser      *p,
                                                          const char              *seat,
                                                          const char              *source,
                                                          gint                     traveller,
                                                          gint                     segment);
void                   _tarmac_pnrgov_handle_ssr         (TarmacPnrgovParser      *p);
void                   _tarmac_pnrgov_add_ssr            (TarmacPnrgovParser      *p,
                                                          TarmacPnrgovSsr         *ssr);

G_END_DECLS
