/* tarmac-pnrgov-xml.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-pnrgov"

#include "config.h"

#include <stdarg.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "tarmac-pnrgov-xml-private.h"

/*
 * PNRGOV XML (research/formats.md §3.8) into the same structs as the EDIFACT parser, so
 * tarmac-importer-pnrgov.c stores both the same way.
 *
 * IATA's schema (IATA_PNRGOV_NotifRQ, namespace http://www.iata.org/IATA/2007/00) is
 * OTA-style, and senders vary it: prefixes or none, attributes or child elements,
 * wrappers (a SOAP envelope, a vendor's own root as in the public SaberLS sample). So
 * elements are matched by local name without case, values are read from an attribute
 * or a child element of that name, and order does not matter within a PNR: passengers
 * are read first, then everything else, so an SSR naming a passenger by RPH finds it
 * wherever it stands.
 *
 * The document: a message element (IATA_PNRGOV_NotifRQ, PNRGOV…, or a root that holds
 * PNR elements directly) holds PNR elements at any depth (usually under PNRs). A root
 * PNR is a message of one PNR. Each PNR is converted and freed when it closes, so memory
 * follows the largest PNR, not the file (tarmac-xml-reader.c bounds the rest). The
 * flight the push is about is a message-level FlightLeg or Flight; without one, it is
 * the flight every PNR of the message books (the SaberLS sample has no other). The push
 * time is the message's TimeStamp, else its newest PNR_TransDate.
 *
 * Card numbers: only the last four digits and the keyed hash are kept; free text and
 * history are masked; warnings name elements, never values.
 */

static const char * const message_names[] = {
  "IATA_PNRGOV_NotifRQ", "PNRGOV", "PNRGOVMessage", "PNRGOV_Message", "PNRGOVNotif",
  "PNRs", "PNRList", "DaneXML", NULL
};

/* Positions and lookups */

void
_tarmac_pnrgov_xml_at (TarmacPnrgovXml     *x,
                       const TarmacXmlNode *node)
{
  x->position.tag = node->name;
  x->position.offset = node->offset;
  x->position.line = node->line;
  x->position.index = node->index;
  x->p.segment = &x->position;
}

static gboolean
name_in (const char         *name,
         const char * const *names)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (g_ascii_strcasecmp (name, names[i]) == 0)
      return TRUE;
  return FALSE;
}

/* Whether @node's local name is one of the names that follow (without case). */
gboolean
_tarmac_pnrgov_xml_is (const TarmacXmlNode *node,
                       ...)
{
  const char *name;
  gboolean found = FALSE;
  va_list args;

  va_start (args, node);
  while (!found && (name = va_arg (args, const char *)) != NULL)
    found = g_ascii_strcasecmp (node->name, name) == 0;
  va_end (args);

  return found;
}

static char *
stripped_or_null (const char *value)
{
  char *copy;

  if (value == NULL)
    return NULL;
  copy = g_strstrip (g_strdup (value));
  if (copy[0] == '\0')
    g_clear_pointer (&copy, g_free);
  return copy;
}

static char *
value_named (const TarmacXmlNode *node,
             const char          *name)
{
  static const char * const code_attributes[] = { "Code", "LocationCode", "Value", NULL };
  char *value = stripped_or_null (tarmac_xml_node_get_attribute (node, name));
  TarmacXmlNode *child;

  if (value != NULL)
    return value;

  child = tarmac_xml_node_get_child (node, name);
  if (child == NULL)
    return NULL;
  if ((value = stripped_or_null (child->text)) != NULL)
    return value;
  for (guint i = 0; code_attributes[i] != NULL; i++)
    if ((value = stripped_or_null (tarmac_xml_node_get_attribute (child,
                                                                  code_attributes[i]))) != NULL)
      return value;

  return NULL;
}

/* The first non-empty value among the names that follow, each read as an attribute of
 * @node, else as the text (or Code/LocationCode/Value) of a child element so named. */
char *
_tarmac_pnrgov_xml_value (const TarmacXmlNode *node,
                          ...)
{
  const char *name;
  char *value = NULL;
  va_list args;

  va_start (args, node);
  while (value == NULL && (name = va_arg (args, const char *)) != NULL)
    value = value_named (node, name);
  va_end (args);

  return value;
}

/* The first child element whose local name is one of those that follow. */
TarmacXmlNode *
_tarmac_pnrgov_xml_child (const TarmacXmlNode *node,
                          ...)
{
  const char *name;
  TarmacXmlNode *child = NULL;
  va_list args;

  va_start (args, node);
  while (child == NULL && (name = va_arg (args, const char *)) != NULL)
    child = tarmac_xml_node_get_child (node, name);
  va_end (args);

  return child;
}

/* The traveller an element names (RPH and the like, as an attribute or a
 * TravelerRefNumber child), else the current one. */
gint
_tarmac_pnrgov_xml_traveller_of (TarmacPnrgovXml     *x,
                                 const TarmacXmlNode *node)
{
  g_autofree char *reference = _tarmac_pnrgov_xml_value (node, "PassengerRPH", "TravelerRPH",
                                                         "TravelerRefNumberRPHList",
                                                         "PassengerRefNumber", "RPH", NULL);
  TarmacXmlNode *child = _tarmac_pnrgov_xml_child (node, "TravelerRefNumber",
                                                   "PassengerRef", NULL);
  gint found;

  if (reference == NULL && child != NULL)
    reference = _tarmac_pnrgov_xml_value (child, "RPH", "ID", NULL);
  if (reference == NULL)
    return x->p.traveller;

  /* "1 2" lists several: the first one is taken */
  if (strchr (reference, ' ') != NULL)
    *strchr (reference, ' ') = '\0';
  found = _tarmac_pnrgov_find_traveller (x->p.pnr, reference);
  return found >= 0 ? found : x->p.traveller;
}

/* Dates */

static gboolean
read_digits (const char *text,
             guint       n,
             guint      *out)
{
  return _tarmac_edifact_all_digits (text, n) && _tarmac_edifact_read_number (text, n, out);
}

/* "YYYY-MM-DD" with an optional "THH:MM[:SS[.fff]][Z|±HH:MM]" (or a space for the T). */
static char *
read_iso (const char *raw,
          gboolean    with_time)
{
  gsize length = strlen (raw);
  guint year;
  guint month;
  guint day;
  guint hour;
  guint minute;
  g_autofree char *date = NULL;

  if (length < 10 || raw[4] != '-' || raw[7] != '-' || !read_digits (raw, 4, &year) ||
      !read_digits (raw + 5, 2, &month) || !read_digits (raw + 8, 2, &day))
    return NULL;
  date = _tarmac_edifact_format_date (year, month, day);
  if (date == NULL)
    return NULL;
  if (length == 10)
    return g_steal_pointer (&date);
  if (raw[10] != 'T' && raw[10] != ' ')
    return NULL;
  if (length < 16 || raw[13] != ':' || !read_digits (raw + 11, 2, &hour) ||
      !read_digits (raw + 14, 2, &minute) || hour > 23 || minute > 59)
    return NULL;
  if (!with_time)
    return g_steal_pointer (&date);

  return g_strdup_printf ("%sT%.2s:%.2s", date, raw + 11, raw + 14);
}

/* A date (or date-time when @with_time and one is sent) from ISO 8601, or from the
 * EDIFACT layouts (DDMMMYY, DDMMYY, CCYYMMDD); unreadable ones are warned about at the
 * current position. */
char *
_tarmac_pnrgov_xml_date (TarmacPnrgovXml     *x,
                         const char          *raw,
                         gboolean             with_time,
                         TarmacEdifactPivot   pivot)
{
  char *iso;
  gboolean other = FALSE;

  if (raw == NULL)
    return NULL;

  if ((iso = read_iso (raw, with_time)) != NULL)
    return iso;
  if ((iso = _tarmac_pnrgov_read_date (raw, TRUE, _tarmac_pnrgov_reference_year (&x->p), pivot,
                                       &other)) != NULL)
    return iso;

  _tarmac_pnrgov_add_warning (&x->p, TARMAC_PNRGOV_WARNING_BAD_DATE,
                              _("Unreadable date “%s”"), raw);
  return NULL;
}

/* The walk through one PNR */

static void walk_children (TarmacPnrgovXml     *x,
                           const TarmacXmlNode *node);

static void
warn_unknown (TarmacPnrgovXml     *x,
              const TarmacXmlNode *node)
{
  if (g_hash_table_contains (x->warned, node->name))
    return;

  g_hash_table_add (x->warned, g_strdup (node->name));
  _tarmac_pnrgov_xml_at (x, node);
  _tarmac_pnrgov_add_warning (&x->p, TARMAC_PNRGOV_WARNING_UNKNOWN_SEGMENT,
                              _("Element <%s> is not read in a PNR; skipped"), node->name);
}

/* Containers whose children we walk, and elements their parent already read. */
static const char * const containers[] = {
  "Passengers", "Travelers", "Travellers", "Flights", "Itinerary", "OriginDestination",
  "OriginDestinationOptions", "OriginDestinationOption", "Segments", "ContactInfo",
  "Contacts", "ContactDetails", "Contact", "Payments", "FormsOfPayment", "Tickets",
  "TicketDocuments", "SSRs", "SpecialServiceRequests", "DOC_SSRs", "TravelDocuments",
  "Documents", "PNRData", "Remarks", "OSIs", "SplitPNR", "SplitPNRs", "Seats", NULL
};
static const char * const consumed[] = {
  "GivenName", "FirstName", "MiddleName", "Surname", "LastName", "NameTitle", "NamePrefix",
  "Title", "PersonName", "PassengerName", "Name", "TravelerName", "BirthDate", "DateOfBirth",
  "PassengerTypeCode", "UniqueID", "ProfileRef", "DepartureAirport", "ArrivalAirport",
  "MarketingAirline", "OperatingAirline", "Equipment", "Text", "FreeText", "Airline",
  "FlightInfo", "CompanyName", "TravelerRefNumber", "PassengerRef", "PaymentCard",
  "CardHolderName", "TotalFare", "BaseFare", "Coupon", "Coupons", "Fare", "Taxes", "Tax",
  "POS", "Source", "RequestorID", "BookingChannel", "DepartureDateTime", "ArrivalDateTime",
  "Infant", "InfantInfo", "CreateDateTime", "LastModified", NULL
};

static void
walk_node (TarmacPnrgovXml     *x,
           const TarmacXmlNode *node)
{
  TarmacPnrgovPnr *pnr = x->p.pnr;
  gint traveller = x->p.traveller;
  gint itinerary = x->p.itinerary;
  gboolean in_check_in = x->in_check_in;

  _tarmac_pnrgov_xml_at (x, node);

  if (_tarmac_pnrgov_xml_is (node, "Passenger", "Traveler", "Traveller", "AirTraveler",
                             "PassengerInfo", NULL))
    {
      gpointer index = g_hash_table_lookup (x->passengers, node);

      /* DCS data in a flight names a passenger read already, or one the PNR lacked */
      x->p.traveller = index != NULL ? GPOINTER_TO_INT (index) - 1
                                     : _tarmac_pnrgov_xml_add_passenger (x, (TarmacXmlNode *) node);
      x->p.ticket = NULL;
      x->p.payment = NULL;
      walk_children (x, node);
      for (guint i = 0; node->children != NULL && i < node->children->len; i++)
        {
          TarmacXmlNode *child = g_ptr_array_index (node->children, i);
          gpointer infant = g_hash_table_lookup (x->passengers, child);

          if (infant != NULL)
            {
              x->p.traveller = GPOINTER_TO_INT (infant) - 1;
              walk_children (x, child);
            }
        }
      x->p.traveller = traveller;
      x->p.ticket = NULL;
      x->p.payment = NULL;
    }
  else if (_tarmac_pnrgov_xml_is (node, "Flight", "FlightSegment", "AirSegment", "Segment",
                                  "FlightLeg", NULL))
    {
      TarmacPnrgovSegment *s = g_new0 (TarmacPnrgovSegment, 1);

      _tarmac_pnrgov_xml_read_flight (x, node, s);
      g_ptr_array_add (pnr->segments, s);
      x->p.itinerary = (gint) pnr->segments->len - 1;
      x->p.traveller = -1;
      walk_children (x, node);
      x->p.itinerary = itinerary;
      x->p.traveller = traveller;
    }
  else if (_tarmac_pnrgov_xml_is (node, "CheckInInfo", "CheckIn", "DCS", "DCSData",
                                  "CheckInData", NULL))
    {
      x->in_check_in = TRUE;
      walk_children (x, node);
      x->in_check_in = in_check_in;
    }
  else if (_tarmac_pnrgov_xml_is (node, "BookingRefID", "BookingReference", "RecordLocator",
                                  NULL))
    _tarmac_pnrgov_xml_add_locator (x, node);
  else if (_tarmac_pnrgov_xml_is (node, "POS", "BookingAgent", "TravelAgency", "Agency",
                                  "Originator", NULL))
    _tarmac_pnrgov_xml_read_agency (x, node);
  else if (_tarmac_pnrgov_xml_is (node, "SSR", "SpecialServiceRequest", "SSRInfo", NULL))
    _tarmac_pnrgov_xml_add_ssr (x, node);
  else if (_tarmac_pnrgov_xml_is (node, "DOC_SSR", "DocSSR", NULL))
    {
      gint owner = _tarmac_pnrgov_xml_traveller_of (x, node);
      TarmacXmlNode *text = tarmac_xml_node_get_child (node, "Text");

      /* a DOC_SSR sent as free text is an ordinary SSR */
      if (text != NULL && text->text != NULL)
        _tarmac_pnrgov_xml_add_ssr (x, node);
      for (guint i = 0; node->children != NULL && i < node->children->len; i++)
        {
          TarmacXmlNode *child = g_ptr_array_index (node->children, i);

          if (_tarmac_pnrgov_xml_is (child, "DOCS", "DOCO", "DOCA", NULL))
            _tarmac_pnrgov_xml_add_document (x, child, owner);
        }
    }
  else if (_tarmac_pnrgov_xml_is (node, "DOCS", "DOCO", "DOCA", "Document", "TravelDocument",
                                  NULL))
    _tarmac_pnrgov_xml_add_document (x, node, _tarmac_pnrgov_xml_traveller_of (x, node));
  else if (_tarmac_pnrgov_xml_is (node, "Telephone", "Phone", "PhoneNumber", "Mobile", "Fax",
                                  NULL))
    _tarmac_pnrgov_xml_add_contact (x, node, TARMAC_PNRGOV_CONTACT_PHONE);
  else if (_tarmac_pnrgov_xml_is (node, "Email", "EmailAddress", "E-mail", NULL))
    _tarmac_pnrgov_xml_add_contact (x, node, TARMAC_PNRGOV_CONTACT_EMAIL);
  else if (_tarmac_pnrgov_xml_is (node, "Address", "AddressInfo", "PostalAddress", NULL))
    _tarmac_pnrgov_xml_add_contact (x, node, TARMAC_PNRGOV_CONTACT_ADDRESS);
  else if (_tarmac_pnrgov_xml_is (node, "Payment", "FormOfPayment", "FOP", "PaymentDetail",
                                  "PaymentInfo", NULL))
    _tarmac_pnrgov_xml_add_payment (x, node);
  else if (_tarmac_pnrgov_xml_is (node, "TicketDocument", "Ticket", "TicketInfo", "ETicket",
                                  NULL))
    {
      TarmacPnrgovTicket *ticket = _tarmac_pnrgov_xml_add_ticket (x, node);

      x->p.traveller = ticket->traveller;
      x->p.ticket = ticket;
      x->p.payment = NULL;
      walk_children (x, node);
      x->p.ticket = NULL;
      x->p.payment = NULL;
      x->p.traveller = traveller;
    }
  else if (_tarmac_pnrgov_xml_is (node, "Baggage", "Bags", "BagTags", "CheckedBags",
                                  "CheckedBaggage", "ExcessBaggage", NULL))
    _tarmac_pnrgov_xml_add_bags (x, node);
  else if (_tarmac_pnrgov_xml_is (node, "Seat", "SeatNumber", "SeatAssignment", NULL))
    _tarmac_pnrgov_xml_add_seat (x, node);
  else if (_tarmac_pnrgov_xml_is (node, "History", "PNRHistory", "HistoryItems", NULL))
    _tarmac_pnrgov_xml_add_history (x, node);
  else if (_tarmac_pnrgov_xml_is (node, "Remark", "OSI", "OtherServiceInfo",
                                  "OtherServiceInformation", "GeneralRemark", "SpecialRemark",
                                  NULL))
    {
      g_autofree char *text = _tarmac_pnrgov_xml_value (node, "Text", "FreeText", NULL);

      if (text == NULL)
        text = stripped_or_null (node->text);
      if (text != NULL)
        _tarmac_pnrgov_add_free_text (&x->p, g_steal_pointer (&text));
    }
  else if (_tarmac_pnrgov_xml_is (node, "CustLoyalty", "FrequentFlyer", "Loyalty", NULL))
    {
      TarmacPnrgovTraveller *t = _tarmac_pnrgov_traveller_at (pnr, x->p.traveller);
      g_autofree char *program = _tarmac_pnrgov_xml_value (node, "ProgramID", "Airline",
                                                           "Carrier", NULL);
      g_autofree char *number = _tarmac_pnrgov_xml_value (node, "MembershipID", "Number",
                                                          "ID", NULL);

      if (t != NULL && number != NULL)
        _tarmac_edifact_set_string (&t->frequent_flyer,
                                    g_strconcat (program != NULL ? program : "", number, NULL));
    }
  else if (name_in (node->name, containers))
    walk_children (x, node);
  else if (node->children == NULL && node->n_attrs == 0)
    ; /* a value sent as an element (<FlightNumber>451</FlightNumber>): its parent reads it */
  else if (!name_in (node->name, consumed))
    warn_unknown (x, node);
}

static void
walk_children (TarmacPnrgovXml     *x,
               const TarmacXmlNode *node)
{
  for (guint i = 0; node->children != NULL && i < node->children->len; i++)
    walk_node (x, g_ptr_array_index (node->children, i));
}

/* Passengers first, wherever they stand outside flights, so references resolve. */
static void
find_passengers (TarmacPnrgovXml *x,
                 TarmacXmlNode   *node)
{
  for (guint i = 0; node->children != NULL && i < node->children->len; i++)
    {
      TarmacXmlNode *child = g_ptr_array_index (node->children, i);

      if (_tarmac_pnrgov_xml_is (child, "Passenger", "Traveler", "Traveller", "AirTraveler",
                                 "PassengerInfo", NULL))
        _tarmac_pnrgov_xml_add_passenger (x, child);
      else if (name_in (child->name, containers))
        find_passengers (x, child);
    }
}

static void
add_pnr_date (TarmacPnrgovPnr *pnr,
              const char      *qualifier,
              const char      *raw,
              const char      *value)
{
  TarmacPnrgovDate *date = g_new0 (TarmacPnrgovDate, 1);

  date->qualifier = g_strdup (qualifier);
  date->raw = g_strdup (raw);
  date->value = g_strdup (value);
  g_ptr_array_add (pnr->dates, date);
}

static void
convert_pnr (TarmacPnrgovXml *x,
             TarmacXmlNode   *node)
{
  TarmacPnrgovPnr *pnr = _tarmac_pnrgov_pnr_new (node->offset, node->line);
  g_autofree char *created = NULL;
  g_autofree char *modified = NULL;

  x->p.pnr_index = x->p.message->pnrs->len;
  g_ptr_array_add (x->p.message->pnrs, pnr);
  x->p.pnr = pnr;
  x->p.traveller = -1;
  x->p.itinerary = -1;
  x->p.ticket = NULL;
  x->p.payment = NULL;
  x->in_check_in = FALSE;
  x->n_pnrs++;
  g_hash_table_remove_all (x->passengers);

  _tarmac_pnrgov_xml_at (x, node);
  created = _tarmac_pnrgov_xml_value (node, "PNR_CreationDate", "CreationDate",
                                      "CreateDateTime", NULL);
  modified = _tarmac_pnrgov_xml_value (node, "PNR_TransDate", "TransDate", "LastModified",
                                       "LastTransactionDate", NULL);
  pnr->created_at = _tarmac_pnrgov_xml_date (x, created, TRUE, TARMAC_EDIFACT_PIVOT_FLIGHT);
  pnr->modified_at = _tarmac_pnrgov_xml_date (x, modified, TRUE, TARMAC_EDIFACT_PIVOT_FLIGHT);
  if (modified != NULL)
    add_pnr_date (pnr, "700", modified, pnr->modified_at);

  find_passengers (x, node);
  walk_children (x, node);

  _tarmac_pnrgov_xml_merge_documents (pnr);
  _tarmac_pnrgov_link_infants (&x->p, pnr);
  _tarmac_pnrgov_assign_documents (pnr);

  if (pnr->record_locator == NULL)
    {
      _tarmac_pnrgov_xml_at (x, node);
      _tarmac_pnrgov_add_warning (&x->p, TARMAC_PNRGOV_WARNING_MISSING_LOCATOR,
                                  _("PNR %u has no record locator (BookingRefID)"),
                                  x->p.pnr_index + 1);
    }

  x->p.pnr = NULL;
}

/* Messages */

static void
start_message (TarmacPnrgovXml *x,
               TarmacXmlNode   *node)
{
  TarmacPnrgovMessage *message = _tarmac_pnrgov_message_new (node->offset, node->line);
  g_autofree char *pushed = NULL;

  _tarmac_pnrgov_xml_at (x, node);
  g_ptr_array_add (x->p.messages, message);
  x->p.message = message;
  x->message_node = node;
  g_hash_table_remove_all (x->warned);

  message->version = _tarmac_pnrgov_xml_value (node, "Version", NULL);
  message->reference = _tarmac_pnrgov_xml_value (node, "EchoToken", "TransactionIdentifier",
                                                 "MessageID", "CorrelationID", NULL);
  message->sender = _tarmac_pnrgov_xml_value (node, "Sender", "SenderID", NULL);
  message->recipient = _tarmac_pnrgov_xml_value (node, "Recipient", "RecipientID",
                                                 "Receiver", NULL);
  pushed = _tarmac_pnrgov_xml_value (node, "TimeStamp", "Timestamp", "CreationDateTime",
                                     "MessageDateTime", NULL);
  message->pushed_at = _tarmac_pnrgov_xml_date (x, pushed, TRUE, TARMAC_EDIFACT_PIVOT_FLIGHT);
}

static TarmacPnrgovSegment *
copy_segment (const TarmacPnrgovSegment *from)
{
  TarmacPnrgovSegment *s = g_new0 (TarmacPnrgovSegment, 1);

  s->carrier = g_strdup (from->carrier);
  s->operating_carrier = g_strdup (from->operating_carrier);
  s->flight_number = g_strdup (from->flight_number);
  s->booking_class = NULL;
  s->origin = g_strdup (from->origin);
  s->destination = g_strdup (from->destination);
  s->departure = g_strdup (from->departure);
  s->arrival = g_strdup (from->arrival);
  s->departure_raw = g_strdup (from->departure_raw);
  s->number_in_party = -1;
  s->aircraft = g_strdup (from->aircraft);
  s->offset = from->offset;
  s->line = from->line;

  return s;
}

static gboolean
same_flight (const TarmacPnrgovSegment *a,
             const TarmacPnrgovSegment *b)
{
  return g_strcmp0 (a->carrier, b->carrier) == 0 &&
         g_strcmp0 (a->flight_number, b->flight_number) == 0 &&
         g_strcmp0 (a->origin, b->origin) == 0 &&
         a->departure != NULL && b->departure != NULL &&
         strncmp (a->departure, b->departure, 10) == 0;
}

/* Without a message-level flight: the first flight that every PNR books. */
static void
infer_flight (TarmacPnrgovMessage *message)
{
  TarmacPnrgovPnr *first;

  if (message->flight != NULL || message->pnrs->len == 0)
    return;

  first = g_ptr_array_index (message->pnrs, 0);
  for (guint i = 0; i < first->segments->len; i++)
    {
      TarmacPnrgovSegment *candidate = g_ptr_array_index (first->segments, i);
      gboolean everywhere = candidate->departure != NULL;

      for (guint j = 1; everywhere && j < message->pnrs->len; j++)
        {
          TarmacPnrgovPnr *other = g_ptr_array_index (message->pnrs, j);
          gboolean found = FALSE;

          for (guint k = 0; !found && k < other->segments->len; k++)
            found = same_flight (candidate, g_ptr_array_index (other->segments, k));
          everywhere = found;
        }
      if (everywhere)
        {
          message->flight = copy_segment (candidate);
          return;
        }
    }
}

/* Message-level data outside the PNRs (which are gone by now): the flight, the source,
 * the announced count. */
static void
read_message_level (TarmacPnrgovXml     *x,
                    const TarmacXmlNode *node)
{
  TarmacPnrgovMessage *message = x->p.message;

  for (guint i = 0; node->children != NULL && i < node->children->len; i++)
    {
      TarmacXmlNode *child = g_ptr_array_index (node->children, i);

      _tarmac_pnrgov_xml_at (x, child);
      if (_tarmac_pnrgov_xml_is (child, "FlightLeg", "Flight", "FlightInfo", NULL))
        {
          if (message->flight == NULL)
            {
              message->flight = g_new0 (TarmacPnrgovSegment, 1);
              _tarmac_pnrgov_xml_read_flight (x, child, message->flight);
            }
        }
      else if (_tarmac_pnrgov_xml_is (child, "MessageSource", "Source", "Sender",
                                      "Originator", "MessageHeader", NULL))
        {
          g_autofree char *sender = _tarmac_pnrgov_xml_value (child, "Sender", "SenderID",
                                                              "DataSource", "AirlineCode",
                                                              "Code", NULL);
          g_autofree char *recipient = _tarmac_pnrgov_xml_value (child, "Recipient",
                                                                 "RecipientID", "Receiver",
                                                                 NULL);

          if (message->originator == NULL)
            message->originator = g_strdup (sender);
          if (message->sender == NULL)
            message->sender = g_steal_pointer (&sender);
          if (message->recipient == NULL)
            message->recipient = g_steal_pointer (&recipient);
          read_message_level (x, child);
        }
      else if (_tarmac_pnrgov_xml_is (child, "PNRs", NULL))
        {
          g_autofree char *count = _tarmac_pnrgov_xml_value (child, "NumberOfPNRs", "Count",
                                                             "Quantity", NULL);
          guint64 n = 0;

          if (count != NULL && g_ascii_string_to_unsigned (count, 10, 0, G_MAXINT, &n, NULL))
            message->announced_pnrs = (gint) n;
          else if (count != NULL)
            _tarmac_pnrgov_add_warning (&x->p, TARMAC_PNRGOV_WARNING_BAD_NUMBER,
                                        _("PNR count “%s” is not a number"), count);
          read_message_level (x, child);
        }
    }
}

/* Without a message time stamp, the push is dated by its newest PNR transaction, so
 * versions still order by the push (the importer's pushed_at). */
static void
infer_pushed_at (TarmacPnrgovMessage *message)
{
  const char *latest = NULL;

  if (message->pushed_at != NULL)
    return;

  for (guint i = 0; i < message->pnrs->len; i++)
    {
      TarmacPnrgovPnr *pnr = g_ptr_array_index (message->pnrs, i);

      if (pnr->modified_at != NULL && g_strcmp0 (pnr->modified_at, latest) > 0)
        latest = pnr->modified_at;
    }
  message->pushed_at = g_strdup (latest);
}

static void
finish_message (TarmacPnrgovXml *x,
                TarmacXmlNode   *node)
{
  read_message_level (x, node);
  infer_flight (x->p.message);
  infer_pushed_at (x->p.message);
  x->p.message = NULL;
  x->message_node = NULL;
}

/* Reader callbacks */

static gboolean
inside_pnr (const TarmacXmlNode *node,
            const TarmacXmlNode *message_node)
{
  for (const TarmacXmlNode *n = node->parent; n != NULL && n != message_node; n = n->parent)
    if (g_ascii_strcasecmp (n->name, "PNR") == 0)
      return TRUE;
  return FALSE;
}

static gboolean
under_soap_body (const TarmacXmlNode *node)
{
  return node->parent != NULL && g_ascii_strcasecmp (node->parent->name, "Body") == 0;
}

static gboolean
start_cb (TarmacXmlNode  *node,
          gpointer        user_data,
          GError        **error)
{
  TarmacPnrgovXml *x = user_data;
  gboolean message = name_in (node->name, message_names) ||
                     g_ascii_strncasecmp (node->name, "PNRGOV", 6) == 0 ||
                     g_ascii_strncasecmp (node->name, "IATA_PNRGOV", 11) == 0;

  if (node->depth == 0)
    {
      if (message || g_ascii_strcasecmp (node->name, "PNR") == 0)
        start_message (x, node);
      else if (g_ascii_strcasecmp (node->name, "Envelope") == 0)
        x->soap = TRUE;
      else
        {
          tarmac_xml_node_set_error (node, error, TARMAC_XML_ERROR_CONTENT,
                                     _("the root element <%s> is not a PNRGOV message "
                                       "(IATA_PNRGOV_NotifRQ, PNRGOV or PNR)"), node->name);
          return FALSE;
        }
    }
  else if (x->soap && x->message_node == NULL && under_soap_body (node) &&
           (message || g_ascii_strcasecmp (node->name, "PNR") == 0))
    start_message (x, node);

  return TRUE;
}

static TarmacXmlVerdict
end_cb (TarmacXmlNode  *node,
        gpointer        user_data,
        GError        **error)
{
  TarmacPnrgovXml *x = user_data;

  if (x->message_node == NULL)
    return TARMAC_XML_DROP;

  if (node == x->message_node)
    {
      if (g_ascii_strcasecmp (node->name, "PNR") == 0)
        convert_pnr (x, node);
      finish_message (x, node);
      return TARMAC_XML_DROP;
    }

  if (g_ascii_strcasecmp (node->name, "PNR") == 0 && !inside_pnr (node, x->message_node))
    {
      convert_pnr (x, node);
      return TARMAC_XML_DROP;
    }

  return TARMAC_XML_KEEP;
}

/**
 * tarmac_pnrgov_xml_parse:
 * @data: (array length=length): the bytes of a PNRGOV XML file
 * @length: the number of bytes
 * @card_key: (nullable): the key for the card-number hashes; %NULL keeps no hash
 * @messages: (out): a #GPtrArray of #TarmacPnrgovMessage, in input order
 * @warnings: (out): a #GPtrArray of #TarmacPnrgovWarning; @line and @offset point at the
 *   element concerned, @segment_index is its index among the elements of the document
 * @error: set when the XML is not well-formed, passes a bound, is not PNRGOV, or holds
 *   no PNR; the message names the line, column and byte
 *
 * Parses a PNRGOV XML document into the structures tarmac_pnrgov_parse() returns. Unlike
 * EDIFACT, nothing is kept from a document that is cut short: XML that does not close
 * is an error.
 *
 * Returns: %TRUE and at least one PNR, or %FALSE with @error set
 */
gboolean
tarmac_pnrgov_xml_parse (const guint8  *data,
                         gsize          length,
                         const char    *card_key,
                         GPtrArray    **messages,
                         GPtrArray    **warnings,
                         GError       **error)
{
  g_autoptr(GPtrArray) out_messages = NULL;
  g_autoptr(GPtrArray) out_warnings = NULL;
  g_autoptr(GHashTable) warned = NULL;
  g_autoptr(GHashTable) passengers = NULL;
  TarmacPnrgovXml x = { 0 };
  gboolean ok;

  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (messages != NULL, FALSE);
  g_return_val_if_fail (warnings != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  out_messages = g_ptr_array_new_with_free_func ((GDestroyNotify) tarmac_pnrgov_message_free);
  out_warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) tarmac_pnrgov_warning_free);
  warned = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  passengers = g_hash_table_new (g_direct_hash, g_direct_equal);
  x.p.messages = out_messages;
  x.p.warnings = out_warnings;
  x.p.card_key = card_key;
  x.p.traveller = -1;
  x.p.itinerary = -1;
  x.position.line = 1;
  x.p.segment = &x.position;
  x.warned = warned;
  x.passengers = passengers;

  ok = tarmac_xml_read (data, length, start_cb, end_cb, &x, error);
  if (!ok)
    return FALSE;

  if (x.n_pnrs == 0)
    {
      g_set_error (error, TARMAC_PNRGOV_ERROR, TARMAC_PNRGOV_ERROR_NO_MESSAGE,
                   _("No PNR element in the PNRGOV XML (%zu bytes read to the end)"),
                   (size_t) length);
      return FALSE;
    }

  *messages = g_steal_pointer (&out_messages);
  *warnings = g_steal_pointer (&out_warnings);
  return TRUE;
}
