/* tarmac-pnrgov-xml-private.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tarmac-pnrgov-private.h"
#include "tarmac-pnrgov-xml.h"
#include "tarmac-xml-reader.h"

G_BEGIN_DECLS

/* Internals of the PNRGOV XML parser, shared between tarmac-pnrgov-xml.c (the document:
 * messages, PNRs, the walk through a PNR) and tarmac-pnrgov-xml-items.c (one element
 * kind each: passenger, flight, SSR, document, payment, …). */

typedef struct
{
  /* what the EDIFACT parser's shared helpers see; p.segment points at @position */
  TarmacPnrgovParser    p;
  TarmacEdifactSegment  position;

  TarmacXmlNode        *message_node;  /* borrowed: the open message element */
  gboolean              soap;          /* the root is a SOAP envelope */
  gboolean              in_check_in;   /* inside check-in (DCS) data: seats are "SSD" */
  guint                 n_pnrs;
  GHashTable           *warned;        /* element names already warned about, this message */
  GHashTable           *passengers;    /* TarmacXmlNode* → traveller index + 1, this PNR */
} TarmacPnrgovXml;

/* tarmac-pnrgov-xml.c */
void   _tarmac_pnrgov_xml_at              (TarmacPnrgovXml      *x,
                                           const TarmacXmlNode  *node);
gboolean _tarmac_pnrgov_xml_is            (const TarmacXmlNode  *node,
                                           ...) G_GNUC_NULL_TERMINATED;
char  *_tarmac_pnrgov_xml_value           (const TarmacXmlNode  *node,
                                           ...) G_GNUC_NULL_TERMINATED;
TarmacXmlNode *_tarmac_pnrgov_xml_child   (const TarmacXmlNode  *node,
                                           ...) G_GNUC_NULL_TERMINATED;
char  *_tarmac_pnrgov_xml_date            (TarmacPnrgovXml      *x,
                                           const char           *raw,
                                           gboolean              with_time,
                                           TarmacEdifactPivot    pivot);
gint   _tarmac_pnrgov_xml_traveller_of    (TarmacPnrgovXml      *x,
                                           const TarmacXmlNode  *node);

/* tarmac-pnrgov-xml-items.c */
gint   _tarmac_pnrgov_xml_add_passenger   (TarmacPnrgovXml      *x,
                                           TarmacXmlNode        *node);
void   _tarmac_pnrgov_xml_read_flight     (TarmacPnrgovXml      *x,
                                           const TarmacXmlNode  *node,
                                           TarmacPnrgovSegment  *s);
void   _tarmac_pnrgov_xml_add_locator     (TarmacPnrgovXml      *x,
                                           const TarmacXmlNode  *node);
void   _tarmac_pnrgov_xml_read_agency     (TarmacPnrgovXml      *x,
                                           const TarmacXmlNode  *node);
void   _tarmac_pnrgov_xml_add_ssr         (TarmacPnrgovXml      *x,
                                           const TarmacXmlNode  *node);
void   _tarmac_pnrgov_xml_add_document    (TarmacPnrgovXml      *x,
                                           const TarmacXmlNode  *node,
                                           gint                  traveller);
void   _tarmac_pnrgov_xml_add_contact     (TarmacPnrgovXml      *x,
                                           const TarmacXmlNode  *node,
                                           TarmacPnrgovContactKind kind);
void   _tarmac_pnrgov_xml_add_payment     (TarmacPnrgovXml      *x,
                                           const TarmacXmlNode  *node);
TarmacPnrgovTicket *_tarmac_pnrgov_xml_add_ticket (TarmacPnrgovXml     *x,
                                                   const TarmacXmlNode *node);
void   _tarmac_pnrgov_xml_add_bags        (TarmacPnrgovXml      *x,
                                           const TarmacXmlNode  *node);
void   _tarmac_pnrgov_xml_add_seat        (TarmacPnrgovXml      *x,
                                           const TarmacXmlNode  *node);
void   _tarmac_pnrgov_xml_add_history     (TarmacPnrgovXml      *x,
                                           const TarmacXmlNode  *node);
void   _tarmac_pnrgov_xml_merge_documents (TarmacPnrgovPnr      *pnr);

G_END_DECLS
