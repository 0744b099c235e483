/* tarmac-pnrgov-xml-items.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-pnrgov"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "tarmac-pnrgov-xml-private.h"

/*
 * One PNRGOV XML element kind each, into the shared structs. The names accepted for
 * each value are IATA's (DOCS DocID, Flight DepartureDateTime, …) followed by the OTA
 * and vendor spellings seen or likely; the README lists them.
 */

#define VALUE(node, ...) _tarmac_pnrgov_xml_value ((node), __VA_ARGS__, NULL)
#define IS(node, ...)    _tarmac_pnrgov_xml_is ((node), __VA_ARGS__, NULL)
#define CHILD(node, ...) _tarmac_pnrgov_xml_child ((node), __VA_ARGS__, NULL)

static gboolean
is_true (const char *value)
{
  return value != NULL && (g_ascii_strcasecmp (value, "true") == 0 || strcmp (value, "1") == 0 ||
                           g_ascii_strcasecmp (value, "Y") == 0 ||
                           g_ascii_strcasecmp (value, "yes") == 0);
}

static gboolean
is_infant_type (const char *type)
{
  return g_strcmp0 (type, "IN") == 0 || g_strcmp0 (type, "INF") == 0 ||
         g_strcmp0 (type, "I") == 0;
}

static char *
join_non_null (const char *separator,
               const char *a,
               const char *b)
{
  if (a == NULL)
    return g_strdup (b);
  if (b == NULL)
    return g_strdup (a);
  return g_strconcat (a, separator, b, NULL);
}

/* Passengers */

static TarmacPnrgovTraveller *
new_traveller (const TarmacXmlNode *node)
{
  TarmacPnrgovTraveller *t = g_new0 (TarmacPnrgovTraveller, 1);

  t->infant_of = -1;
  t->infant = -1;
  t->offset = node->offset;
  t->line = node->line;
  return t;
}

/* Names sit on the element, or in a PersonName (OTA) or similar child. */
static void
read_name (const TarmacXmlNode    *node,
           TarmacPnrgovTraveller  *t)
{
  const TarmacXmlNode *holder = CHILD (node, "PersonName", "PassengerName", "TravelerName",
                                       "Name");
  g_autofree char *surname = NULL;
  g_autofree char *given = NULL;
  g_autofree char *middle = NULL;
  g_autofree char *title = NULL;

  if (holder == NULL || holder->children == NULL)
    holder = node;
  surname = VALUE (holder, "Surname", "LastName", "FamilyName");
  given = VALUE (holder, "GivenName", "FirstName", "FirstGivenName");
  middle = VALUE (holder, "MiddleName", "SecondGivenName");
  title = VALUE (holder, "NameTitle", "NamePrefix", "Title");
  if (surname == NULL && holder != node)
    surname = VALUE (node, "Surname", "LastName");
  if (given == NULL && holder != node)
    given = VALUE (node, "GivenName", "FirstName");

  t->surname = g_strdup (surname != NULL ? surname : "");
  t->given_names_raw = join_non_null (" ", given, middle);
  if (t->given_names_raw != NULL && title == NULL)
    _tarmac_pnrgov_split_title (t->given_names_raw, &t->given_names, &t->title);
  else
    {
      t->given_names = g_strdup (t->given_names_raw);
      t->title = g_steal_pointer (&title);
    }
}

static gint
find_passenger (TarmacPnrgovPnr             *pnr,
                const TarmacPnrgovTraveller *wanted)
{
  for (guint i = 0; i < pnr->travellers->len; i++)
    {
      TarmacPnrgovTraveller *t = g_ptr_array_index (pnr->travellers, i);

      if (wanted->reference != NULL && t->reference != NULL)
        {
          if (strcmp (wanted->reference, t->reference) == 0)
            return (gint) i;
          continue;
        }
      if (g_strcmp0 (t->surname, wanted->surname) == 0 &&
          g_strcmp0 (t->given_names_raw, wanted->given_names_raw) == 0 &&
          t->is_infant == wanted->is_infant)
        return (gint) i;
    }
  return -1;
}

static gint
add_traveller (TarmacPnrgovXml       *x,
               TarmacXmlNode         *node,
               TarmacPnrgovTraveller *t)
{
  TarmacPnrgovPnr *pnr = x->p.pnr;
  gint index = find_passenger (pnr, t);

  if (index >= 0)
    {
      /* the same passenger again (DCS data in a flight, or sent twice): the copy is
       * freed by the list's own free function, which knows every field */
      g_ptr_array_add (pnr->travellers, t);
      g_ptr_array_remove_index (pnr->travellers, pnr->travellers->len - 1);
    }
  else
    {
      g_ptr_array_add (pnr->travellers, t);
      index = (gint) pnr->travellers->len - 1;
    }
  g_hash_table_insert (x->passengers, node, GINT_TO_POINTER (index + 1));
  return index;
}

/* Reads a passenger (and an infant it carries) and returns its index; one read already
 * (same RPH, or same name without one) keeps its first index. */
gint
_tarmac_pnrgov_xml_add_passenger (TarmacPnrgovXml *x,
                                  TarmacXmlNode   *node)
{
  TarmacPnrgovTraveller *t = new_traveller (node);
  g_autofree char *birth = NULL;
  gint index;

  _tarmac_pnrgov_xml_at (x, node);
  read_name (node, t);
  t->type = VALUE (node, "PassengerTypeCode", "PassengerType", "PaxType", "PTC", "Type");
  t->reference = VALUE (node, "RPH", "SurnameRefNumber", "PassengerRPH", "TravelerRPH",
                        "PaxRef", "ID");
  t->unique_id = VALUE (node, "UniqueID", "ProfileRef", "CustomerID");
  t->is_infant = is_infant_type (t->type);
  {
    g_autofree char *with_infant = VALUE (node, "AccompaniedByInfantInd", "WithInfant",
                                          "InfantInd");

    t->with_infant = is_true (with_infant);
  }
  birth = VALUE (node, "BirthDate", "DateOfBirth");
  t->date_of_birth = _tarmac_pnrgov_xml_date (x, birth, FALSE, TARMAC_EDIFACT_PIVOT_PAST);

  index = add_traveller (x, node, t);

  for (guint i = 0; node->children != NULL && i < node->children->len; i++)
    {
      TarmacXmlNode *child = g_ptr_array_index (node->children, i);
      TarmacPnrgovTraveller *adult;
      TarmacPnrgovTraveller *infant;
      g_autofree char *infant_birth = NULL;
      gint infant_index;

      if (!IS (child, "Infant", "InfantInfo") || g_hash_table_contains (x->passengers, child))
        continue;

      _tarmac_pnrgov_xml_at (x, child);
      infant = new_traveller (child);
      read_name (child, infant);
      adult = _tarmac_pnrgov_traveller_at (x->p.pnr, index);
      if (infant->surname[0] == '\0')
        _tarmac_edifact_set_string (&infant->surname, g_strdup (adult->surname));
      infant->type = g_strdup ("IN");
      infant->is_infant = TRUE;
      infant->reference = VALUE (child, "RPH", "ID");
      infant_birth = VALUE (child, "BirthDate", "DateOfBirth");
      infant->date_of_birth = _tarmac_pnrgov_xml_date (x, infant_birth, FALSE,
                                                       TARMAC_EDIFACT_PIVOT_PAST);
      infant_index = add_traveller (x, child, infant);
      infant = _tarmac_pnrgov_traveller_at (x->p.pnr, infant_index);
      adult = _tarmac_pnrgov_traveller_at (x->p.pnr, index);
      if (adult->infant < 0 && infant->infant_of < 0 && infant_index != index)
        {
          adult->infant = infant_index;
          adult->with_infant = TRUE;
          infant->infant_of = index;
        }
    }

  return index;
}

/* Flights */

static char *
airport_of (const TarmacXmlNode *node,
            const char          *child_name,
            const char          *attribute)
{
  const TarmacXmlNode *child = tarmac_xml_node_get_child (node, child_name);
  char *value = NULL;

  if (child != NULL)
    value = VALUE (child, "LocationCode", "Code", "IATACode");
  if (value == NULL && child != NULL && child->text != NULL)
    value = g_strstrip (g_strdup (child->text));
  if (value == NULL)
    value = VALUE (node, attribute);
  return value;
}

void
_tarmac_pnrgov_xml_read_flight (TarmacPnrgovXml     *x,
                                const TarmacXmlNode *node,
                                TarmacPnrgovSegment *s)
{
  const TarmacXmlNode *marketing = CHILD (node, "MarketingAirline", "MarketingCarrier",
                                          "Airline");
  const TarmacXmlNode *operating = CHILD (node, "OperatingAirline", "OperatingCarrier");
  g_autofree char *departure = VALUE (node, "DepartureDateTime", "DepartureDate",
                                      "ScheduledDeparture", "DepartureTime");
  g_autofree char *arrival = VALUE (node, "ArrivalDateTime", "ArrivalDate", "ScheduledArrival",
                                    "ArrivalTime");
  g_autofree char *in_party = VALUE (node, "NumberInParty");

  _tarmac_pnrgov_xml_at (x, node);
  s->departure_raw = g_strdup (departure);
  s->departure = _tarmac_pnrgov_xml_date (x, departure, TRUE, TARMAC_EDIFACT_PIVOT_FLIGHT);
  s->arrival = _tarmac_pnrgov_xml_date (x, arrival, TRUE, TARMAC_EDIFACT_PIVOT_FLIGHT);
  s->origin = airport_of (node, "DepartureAirport", "Origin");
  if (s->origin == NULL)
    s->origin = VALUE (node, "BoardPoint", "DepartureAirport");
  s->destination = airport_of (node, "ArrivalAirport", "Destination");
  if (s->destination == NULL)
    s->destination = VALUE (node, "OffPoint", "ArrivalAirport");
  if (marketing != NULL)
    s->carrier = VALUE (marketing, "Code", "CompanyShortName");
  if (marketing != NULL && s->carrier == NULL && marketing->text != NULL)
    s->carrier = g_strstrip (g_strdup (marketing->text));
  if (s->carrier == NULL)
    s->carrier = VALUE (node, "AirlineCode", "Carrier", "MarketingCarrierCode");
  if (operating != NULL)
    s->operating_carrier = VALUE (operating, "Code");
  s->flight_number = VALUE (node, "FlightNumber", "FlightNo");
  if (s->flight_number == NULL && marketing != NULL)
    s->flight_number = VALUE (marketing, "FlightNumber");
  if (s->flight_number == NULL && operating != NULL)
    s->flight_number = VALUE (operating, "FlightNumber");
  if (s->carrier == NULL && operating != NULL)
    s->carrier = g_strdup (s->operating_carrier);

  /* "LO3917" with the carrier repeated in the number */
  if (s->carrier != NULL && s->flight_number != NULL &&
      g_str_has_prefix (s->flight_number, s->carrier) &&
      strlen (s->flight_number) > strlen (s->carrier) &&
      _tarmac_edifact_all_digits (s->flight_number + strlen (s->carrier),
                                  strlen (s->flight_number) - strlen (s->carrier)))
    _tarmac_edifact_set_string (&s->flight_number,
                                g_strdup (s->flight_number + strlen (s->carrier)));

  s->booking_class = VALUE (node, "ResBookDesigCode", "BookingClass", "ClassOfService",
                            "Class");
  s->status = VALUE (node, "Status", "ActionCode", "SegmentStatus");
  s->aircraft = VALUE (node, "Equipment", "AircraftType", "AirEquipType");
  {
    const TarmacXmlNode *equipment = tarmac_xml_node_get_child (node, "Equipment");

    if (s->aircraft == NULL && equipment != NULL)
      s->aircraft = VALUE (equipment, "AirEquipType");
  }
  s->number_in_party = -1;
  if (in_party != NULL)
    {
      guint64 n = 0;

      if (g_ascii_string_to_unsigned (in_party, 10, 0, G_MAXINT, &n, NULL))
        s->number_in_party = (gint) n;
      else
        _tarmac_pnrgov_add_warning (&x->p, TARMAC_PNRGOV_WARNING_BAD_NUMBER,
                                    _("Number in party “%s” is not a number"), in_party);
    }
  s->offset = node->offset;
  s->line = node->line;
}

/* Record locators and the agency */

void
_tarmac_pnrgov_xml_add_locator (TarmacPnrgovXml     *x,
                                const TarmacXmlNode *node)
{
  TarmacPnrgovPnr *pnr = x->p.pnr;
  const TarmacXmlNode *company = CHILD (node, "CompanyName", "Airline");
  g_autofree char *locator = VALUE (node, "ID", "RecordLocator", "Locator");
  g_autofree char *carrier = NULL;

  if (locator == NULL && node->children == NULL)
    locator = node->text != NULL ? g_strstrip (g_strdup (node->text)) : NULL;
  if (locator == NULL || locator[0] == '\0')
    return;
  if (company != NULL)
    carrier = VALUE (company, "Code", "CompanyShortName");
  if (carrier == NULL)
    carrier = VALUE (node, "Code", "Airline", "AirlineCode", "CompanyCode");

  if (pnr->record_locator == NULL)
    {
      g_autofree char *created = VALUE (node, "CreateDateTime", "CreationDate");

      pnr->record_locator = g_steal_pointer (&locator);
      pnr->carrier = g_steal_pointer (&carrier);
      if (pnr->created_at == NULL)
        pnr->created_at = _tarmac_pnrgov_xml_date (x, created, TRUE,
                                                   TARMAC_EDIFACT_PIVOT_FLIGHT);
    }
  else if (g_strcmp0 (locator, pnr->record_locator) != 0 ||
           (carrier != NULL && g_strcmp0 (carrier, pnr->carrier) != 0))
    {
      char *other = g_strdup_printf ("%s:%s", carrier != NULL ? carrier : "", locator);

      if (!g_ptr_array_find_with_equal_func (pnr->other_locators, other, g_str_equal, NULL))
        g_ptr_array_add (pnr->other_locators, other);
      else
        g_free (other);
    }
}

void
_tarmac_pnrgov_xml_read_agency (TarmacPnrgovXml     *x,
                                const TarmacXmlNode *node)
{
  TarmacPnrgovPnr *pnr = x->p.pnr;
  const TarmacXmlNode *source = CHILD (node, "Source");
  const TarmacXmlNode *requestor;
  TarmacPnrgovAgency *agency;

  if (pnr->agency != NULL)
    return;
  if (source == NULL)
    source = node;
  requestor = CHILD (source, "RequestorID");

  agency = g_new0 (TarmacPnrgovAgency, 1);
  agency->system = VALUE (source, "AirlineVendorID", "SystemCode", "System", "CRS");
  agency->system_city = VALUE (source, "CityCode", "City");
  agency->iata_number = VALUE (source, "IATA_Number", "IATANumber", "AgencyID");
  if (agency->iata_number == NULL && requestor != NULL)
    agency->iata_number = VALUE (requestor, "ID");
  agency->office_id = VALUE (source, "PseudoCityCode", "OfficeID", "PCC");
  agency->location = VALUE (source, "AirportCode", "Location");
  agency->originator_type = VALUE (source, "AgentType", "OriginatorType");
  agency->country = VALUE (source, "ISOCountry", "Country", "CountryCode");
  agency->currency = VALUE (source, "ISOCurrency", "Currency");
  agency->agent = VALUE (source, "AgentSine", "AgentID", "Agent");
  pnr->agency = agency;
}

/* SSRs and documents */

static gboolean
looks_like_seat (const char *text)
{
  gsize n = strlen (text);

  return n >= 2 && n <= 4 && g_ascii_isalpha (text[n - 1]) &&
         _tarmac_edifact_all_digits (text, n - 1);
}

static gint
segment_for_points (TarmacPnrgovPnr *pnr,
                    const char      *board,
                    const char      *off)
{
  for (guint i = 0; board != NULL && i < pnr->segments->len; i++)
    {
      TarmacPnrgovSegment *s = g_ptr_array_index (pnr->segments, i);

      if (g_strcmp0 (s->origin, board) == 0 && g_strcmp0 (s->destination, off) == 0)
        return (gint) i;
    }
  return -1;
}

void
_tarmac_pnrgov_xml_add_ssr (TarmacPnrgovXml     *x,
                            const TarmacXmlNode *node)
{
  TarmacPnrgovSsr *ssr = g_new0 (TarmacPnrgovSsr, 1);
  const TarmacXmlNode *airline = CHILD (node, "Airline", "FlightInfo", "Carrier");
  char *text;

  _tarmac_pnrgov_xml_at (x, node);
  ssr->code = VALUE (node, "SSRCode", "Code", "SSRType");
  if (ssr->code == NULL)
    ssr->code = g_strdup ("");
  ssr->status = VALUE (node, "Status", "ActionCode");
  ssr->quantity = VALUE (node, "ServiceQuantity", "Quantity", "NumberInParty");
  if (airline != NULL)
    ssr->carrier = VALUE (airline, "Code", "CompanyShortName");
  if (ssr->carrier == NULL)
    ssr->carrier = VALUE (node, "AirlineCode", "CarrierCode");
  ssr->board_point = VALUE (node, "BoardPoint", "DepartureAirport");
  ssr->off_point = VALUE (node, "OffPoint", "ArrivalAirport");
  text = VALUE (node, "Text", "FreeText");
  if (text == NULL && node->children == NULL && node->text != NULL)
    text = g_strstrip (g_strdup (node->text));
  ssr->text = _tarmac_pnrgov_scrub_card_numbers (text);
  ssr->traveller_reference = VALUE (node, "PassengerRPH", "TravelerRPH",
                                    "TravelerRefNumberRPHList", "PassengerRefNumber", "RPH");
  ssr->traveller = _tarmac_pnrgov_xml_traveller_of (x, node);
  ssr->offset = node->offset;
  ssr->line = node->line;

  if (strcmp (ssr->code, "SEAT") == 0)
    {
      g_autofree char *seat = VALUE (node, "SeatNumber", "Seat");
      gint segment = x->p.itinerary >= 0 ? x->p.itinerary
                                         : segment_for_points (x->p.pnr, ssr->board_point,
                                                               ssr->off_point);

      if (seat == NULL && ssr->text != NULL && looks_like_seat (ssr->text))
        seat = g_strdup (ssr->text);
      if (seat != NULL)
        {
          _tarmac_pnrgov_add_seat (&x->p, seat, "SSR", ssr->traveller, segment);
          if (ssr->text == NULL)
            ssr->text = g_steal_pointer (&seat);
        }
    }

  _tarmac_pnrgov_add_ssr (&x->p, ssr);
}

static const char *
sex_code (const char *value)
{
  if (value == NULL)
    return NULL;
  if (g_ascii_strcasecmp (value, "Male") == 0)
    return "M";
  if (g_ascii_strcasecmp (value, "Female") == 0)
    return "F";
  if (g_ascii_strcasecmp (value, "Unknown") == 0 || g_ascii_strcasecmp (value, "Unspecified") == 0)
    return "U";
  return value;
}

static void
add_doca (TarmacPnrgovXml     *x,
          const TarmacXmlNode *node,
          gint                 traveller)
{
  g_autofree char *country = VALUE (node, "CountryCode", "Country", "CountryName");
  g_autofree char *street = VALUE (node, "Address", "Street", "AddressLine", "StreetNmbr");
  g_autofree char *city = VALUE (node, "CityName", "City");
  g_autofree char *state = VALUE (node, "StateProv", "State", "StateCode");
  g_autofree char *postcode = VALUE (node, "PostalCode", "PostCode", "Zip", "ZipCode");
  const char *parts[] = { street, city, state, postcode, country, (const char *) -1 };
  TarmacPnrgovContact *c;
  gint current = x->p.traveller;

  if (street == NULL && city == NULL && country == NULL && postcode == NULL)
    return;

  x->p.traveller = traveller;
  c = _tarmac_pnrgov_add_contact (&x->p, TARMAC_PNRGOV_CONTACT_ADDRESS, "DOCA",
                                  _tarmac_pnrgov_join_address (parts));
  x->p.traveller = current;
  c->street = g_steal_pointer (&street);
  c->city = g_steal_pointer (&city);
  c->state = g_steal_pointer (&state);
  c->postcode = g_steal_pointer (&postcode);
  c->country = g_steal_pointer (&country);
}

static char *
document_date (TarmacPnrgovXml    *x,
               const char         *raw,
               TarmacEdifactPivot  pivot)
{
  return _tarmac_pnrgov_xml_date (x, raw, FALSE, pivot);
}

/* A DOCS, DOCO or DOCA sent as attributes (IATA's DOC_SSR), not as slash text. */
void
_tarmac_pnrgov_xml_add_document (TarmacPnrgovXml     *x,
                                 const TarmacXmlNode *node,
                                 gint                 traveller)
{
  TarmacPnrgovDocument *d;
  g_autofree char *given = NULL;
  g_autofree char *second = NULL;
  g_autofree char *holder = NULL;
  g_autofree char *sex = NULL;

  _tarmac_pnrgov_xml_at (x, node);
  if (IS (node, "DOCA"))
    {
      add_doca (x, node, traveller);
      return;
    }

  d = g_new0 (TarmacPnrgovDocument, 1);
  d->traveller = traveller;
  d->offset = node->offset;
  d->line = node->line;
  d->type = VALUE (node, "DocType", "DocumentType", "Type");
  d->number = VALUE (node, "DocID", "DocNumber", "DocumentNumber", "Number");

  if (IS (node, "DOCO"))
    {
      d->code = g_strdup ("DOCO");
      d->place_of_birth = VALUE (node, "BirthPlace", "PlaceOfBirth");
      d->place_of_issue = VALUE (node, "DocIssueLocation", "PlaceOfIssue", "IssueLocation");
      d->issue_date_raw = VALUE (node, "DocIssueDate", "IssueDate", "EffectiveDate");
      d->applicable_state = VALUE (node, "DocLimitCountry", "ApplicableCountry",
                                   "ApplicableState");
      d->issue_date = document_date (x, d->issue_date_raw, TARMAC_EDIFACT_PIVOT_PAST);
      g_ptr_array_add (x->p.pnr->documents, d);
      return;
    }

  d->code = g_strdup ("DOCS");
  d->issuing_state = VALUE (node, "DocIssueCountry", "IssueCountry", "IssuingCountry",
                            "DocIssueStateProv");
  d->nationality = VALUE (node, "DocHolderNationality", "Nationality");
  d->date_of_birth_raw = VALUE (node, "BirthDate", "DateOfBirth");
  sex = VALUE (node, "Gender", "Sex");
  d->sex = g_strdup (sex_code (sex));
  d->expiry_raw = VALUE (node, "DocExpireDate", "ExpireDate", "ExpiryDate", "ExpirationDate");
  d->surname = VALUE (node, "Surname", "LastName");
  given = VALUE (node, "FirstGivenName", "GivenName", "FirstName");
  second = VALUE (node, "SecondGivenName", "MiddleName");
  d->given_names = join_non_null (" ", given, second);
  holder = VALUE (node, "DocHolderInd", "HolderInd");
  d->is_holder = is_true (holder);
  d->date_of_birth = document_date (x, d->date_of_birth_raw, TARMAC_EDIFACT_PIVOT_PAST);
  d->expiry = document_date (x, d->expiry_raw, TARMAC_EDIFACT_PIVOT_FUTURE);
  g_ptr_array_add (x->p.pnr->documents, d);
}

#define TAKE_IF_NULL(field) \
  G_STMT_START { if (into->field == NULL) into->field = g_steal_pointer (&from->field); } G_STMT_END

static gboolean
documents_agree (const TarmacPnrgovDocument *a,
                 const TarmacPnrgovDocument *b)
{
  return strcmp (a->code, b->code) == 0 && a->traveller == b->traveller && a->traveller >= 0 &&
         (a->number == NULL || b->number == NULL || strcmp (a->number, b->number) == 0) &&
         (a->type == NULL || b->type == NULL || strcmp (a->type, b->type) == 0) &&
         (a->date_of_birth == NULL || b->date_of_birth == NULL ||
          strcmp (a->date_of_birth, b->date_of_birth) == 0);
}

/* One document sent twice, as DOC_SSR attributes and as SSR text (the SaberLS sample
 * sends both, the first without the number): one document with the fields of both. */
void
_tarmac_pnrgov_xml_merge_documents (TarmacPnrgovPnr *pnr)
{
  for (guint i = 1; i < pnr->documents->len; i++)
    for (guint j = 0; j < i; j++)
      {
        TarmacPnrgovDocument *into = g_ptr_array_index (pnr->documents, j);
        TarmacPnrgovDocument *from = g_ptr_array_index (pnr->documents, i);

        if (!documents_agree (into, from))
          continue;

        TAKE_IF_NULL (type);
        TAKE_IF_NULL (number);
        TAKE_IF_NULL (issuing_state);
        TAKE_IF_NULL (nationality);
        TAKE_IF_NULL (date_of_birth);
        TAKE_IF_NULL (date_of_birth_raw);
        TAKE_IF_NULL (sex);
        TAKE_IF_NULL (expiry);
        TAKE_IF_NULL (expiry_raw);
        TAKE_IF_NULL (surname);
        TAKE_IF_NULL (given_names);
        TAKE_IF_NULL (place_of_birth);
        TAKE_IF_NULL (place_of_issue);
        TAKE_IF_NULL (issue_date);
        TAKE_IF_NULL (issue_date_raw);
        TAKE_IF_NULL (applicable_state);
        into->is_holder |= from->is_holder;
        g_ptr_array_remove_index (pnr->documents, i);
        i--;
        break;
      }
}

#undef TAKE_IF_NULL

/* Contacts */

static char *
phone_of (const TarmacXmlNode *node)
{
  g_autofree char *number = VALUE (node, "PhoneNumber", "Number", "Phone", "Value");
  g_autofree char *country = VALUE (node, "CountryAccessCode");
  g_autofree char *area = VALUE (node, "AreaCityCode");

  if (number == NULL && node->children == NULL && node->text != NULL)
    number = g_strstrip (g_strdup (node->text));
  if (number == NULL)
    return NULL;
  if (country != NULL || area != NULL)
    return g_strconcat (country != NULL ? "+" : "", country != NULL ? country : "",
                        area != NULL ? area : "", number, NULL);
  return g_steal_pointer (&number);
}

static void
add_address (TarmacPnrgovXml     *x,
             const TarmacXmlNode *node)
{
  GString *street = g_string_new (NULL);
  g_autofree char *city = VALUE (node, "CityName", "City");
  g_autofree char *state = VALUE (node, "StateProv", "State", "StateCode");
  g_autofree char *postcode = VALUE (node, "PostalCode", "PostCode", "Zip", "ZipCode");
  g_autofree char *country = VALUE (node, "CountryName", "Country", "CountryCode");
  g_autofree char *street_text = NULL;
  TarmacPnrgovContact *c;

  for (guint i = 0; node->children != NULL && i < node->children->len; i++)
    {
      TarmacXmlNode *child = g_ptr_array_index (node->children, i);

      if (IS (child, "AddressLine", "StreetNmbr", "Street", "Line") && child->text != NULL)
        {
          if (street->len > 0)
            g_string_append (street, ", ");
          g_string_append (street, child->text);
        }
    }
  if (street->len == 0)
    {
      g_autofree char *attribute = VALUE (node, "Street", "AddressLine", "Line1");

      if (attribute != NULL)
        g_string_append (street, attribute);
      else if (node->children == NULL && node->text != NULL)
        g_string_append (street, node->text);
    }
  street_text = g_string_free (street, street->len == 0);
  if (street_text == NULL && city == NULL && postcode == NULL && country == NULL)
    return;

  {
    const char *parts[] = { street_text, city, state, postcode, country, (const char *) -1 };

    c = _tarmac_pnrgov_add_contact (&x->p, TARMAC_PNRGOV_CONTACT_ADDRESS, node->name,
                                    _tarmac_pnrgov_join_address (parts));
  }
  c->street = g_steal_pointer (&street_text);
  c->city = g_steal_pointer (&city);
  c->state = g_steal_pointer (&state);
  c->postcode = g_steal_pointer (&postcode);
  c->country = g_steal_pointer (&country);
}

void
_tarmac_pnrgov_xml_add_contact (TarmacPnrgovXml         *x,
                                const TarmacXmlNode     *node,
                                TarmacPnrgovContactKind  kind)
{
  gint current = x->p.traveller;
  char *value = NULL;

  x->p.traveller = _tarmac_pnrgov_xml_traveller_of (x, node);
  if (kind == TARMAC_PNRGOV_CONTACT_ADDRESS)
    add_address (x, node);
  else
    {
      if (kind == TARMAC_PNRGOV_CONTACT_PHONE)
        value = phone_of (node);
      else if ((value = VALUE (node, "EmailAddress", "Email", "Address", "Value")) == NULL &&
               node->text != NULL)
        value = g_strstrip (g_strdup (node->text));
      if (value != NULL)
        _tarmac_pnrgov_add_contact (&x->p, kind, node->name, value);
    }
  x->p.traveller = current;
}

/* Payments and tickets */

void
_tarmac_pnrgov_xml_add_payment (TarmacPnrgovXml     *x,
                                const TarmacXmlNode *node)
{
  TarmacPnrgovPayment *pay = g_new0 (TarmacPnrgovPayment, 1);
  const TarmacXmlNode *card = CHILD (node, "PaymentCard", "Card", "CreditCard", "CardInfo");
  const TarmacXmlNode *amount = CHILD (node, "PaymentAmount", "Amount");
  g_autofree char *number = NULL;

  _tarmac_pnrgov_xml_at (x, node);
  if (card == NULL && tarmac_xml_node_get_attribute (node, "CardNumber") != NULL)
    card = node;

  pay->type = VALUE (node, "PaymentType", "FOPType", "FormOfPaymentCode", "Type", "Code");
  pay->amount = VALUE (node, "Amount", "TotalAmount");
  if (pay->amount == NULL && amount != NULL)
    pay->amount = VALUE (amount, "Amount", "Value");
  pay->traveller = _tarmac_pnrgov_xml_traveller_of (x, node);

  if (card != NULL)
    {
      const TarmacXmlNode *number_node = tarmac_xml_node_get_child (card, "CardNumber");

      number = VALUE (card, "CardNumber", "Number", "CardNo");
      if (number == NULL && number_node != NULL)
        number = VALUE (number_node, "PlainText", "Mask", "Token");
      if (number != NULL)
        _tarmac_pnrgov_take_card_number (&x->p, pay, number);
      else
        pay->card_last_four = VALUE (card, "LastFourDigits", "LastFour");
      pay->card_vendor = VALUE (card, "CardCode", "CardType", "Vendor", "CardVendor");
      pay->card_expiry = VALUE (card, "ExpireDate", "ExpiryDate", "ExpirationDate");
      pay->holder = VALUE (card, "CardHolderName", "HolderName", "Name");
      if (pay->holder == NULL && card != node)
        pay->holder = VALUE (node, "CardHolderName", "HolderName");
      pay->holder = _tarmac_pnrgov_scrub_card_numbers (pay->holder);
      if (pay->type == NULL)
        pay->type = g_strdup ("CC");
    }
  else
    {
      number = VALUE (node, "Reference", "VoucherNumber", "ReceiptNumber", "Number");
      /* a card number in a field meant for a voucher is still a card number */
      if (number != NULL && strlen (number) >= 12 &&
          _tarmac_edifact_all_digits (number, strlen (number)))
        _tarmac_pnrgov_take_card_number (&x->p, pay, number);
      else
        pay->reference = g_strdup (number);
    }
  if (number != NULL)
    memset (number, 0, strlen (number));

  g_ptr_array_add (x->p.pnr->payments, pay);
  x->p.payment = pay;
}

TarmacPnrgovTicket *
_tarmac_pnrgov_xml_add_ticket (TarmacPnrgovXml     *x,
                               const TarmacXmlNode *node)
{
  TarmacPnrgovTicket *t = g_new0 (TarmacPnrgovTicket, 1);
  const TarmacXmlNode *total = CHILD (node, "TotalFare", "Total", "TotalAmount");
  g_autofree char *issued = NULL;
  guint n_coupons = 0;

  _tarmac_pnrgov_xml_at (x, node);
  t->number = VALUE (node, "TicketDocumentNbr", "TicketNumber", "DocumentNumber", "Number");
  t->type = VALUE (node, "Type", "TicketType", "DocumentType");
  t->coupons = VALUE (node, "NumberOfCoupons", "Coupons");
  for (guint i = 0; node->children != NULL && i < node->children->len; i++)
    if (IS (g_ptr_array_index (node->children, i), "Coupon", "CouponInfo"))
      n_coupons++;
  if (t->coupons == NULL && n_coupons > 0)
    t->coupons = g_strdup_printf ("%u", n_coupons);
  if (total != NULL)
    {
      t->total = VALUE (total, "Amount", "Value");
      t->currency = VALUE (total, "CurrencyCode", "Currency");
    }
  if (t->total == NULL)
    t->total = VALUE (node, "TotalAmount", "Amount");
  if (t->currency == NULL)
    t->currency = VALUE (node, "CurrencyCode", "Currency");
  issued = VALUE (node, "DateOfIssue", "IssueDate", "DateIssued");
  t->issued = _tarmac_pnrgov_xml_date (x, issued, FALSE, TARMAC_EDIFACT_PIVOT_FLIGHT);
  t->traveller = _tarmac_pnrgov_xml_traveller_of (x, node);
  g_ptr_array_add (x->p.pnr->tickets, t);

  return t;
}

/* Bags and seats */

void
_tarmac_pnrgov_xml_add_bags (TarmacPnrgovXml     *x,
                             const TarmacXmlNode *node)
{
  TarmacPnrgovBags *b = g_new0 (TarmacPnrgovBags, 1);
  g_autofree char *count = VALUE (node, "Quantity", "Count", "Pieces", "NumberOfPieces",
                                  "BagCount");
  g_autofree char *weight = VALUE (node, "Weight", "TotalWeight");
  guint64 n = 0;

  _tarmac_pnrgov_xml_at (x, node);
  b->excess = IS (node, "ExcessBaggage");
  b->count = -1;
  b->weight = -1;
  b->tags = g_ptr_array_new_with_free_func (g_free);
  b->weight_unit = VALUE (node, "UnitOfMeasure", "Unit", "WeightUnit");
  b->amount = VALUE (node, "Amount");
  b->currency = VALUE (node, "CurrencyCode", "Currency");
  b->traveller = _tarmac_pnrgov_xml_traveller_of (x, node);
  b->segment = x->p.itinerary;

  if (count != NULL && g_ascii_string_to_unsigned (count, 10, 0, G_MAXINT, &n, NULL))
    b->count = (gint) n;
  else if (count != NULL)
    _tarmac_pnrgov_add_warning (&x->p, TARMAC_PNRGOV_WARNING_BAD_NUMBER,
                                _("Bag count “%s” is not a number"), count);
  if (weight != NULL)
    {
      char *end = NULL;
      double value = g_ascii_strtod (weight, &end);

      if (end != weight && *end == '\0' && value >= 0)
        b->weight = value;
      else
        _tarmac_pnrgov_add_warning (&x->p, TARMAC_PNRGOV_WARNING_BAD_NUMBER,
                                    _("Bag weight “%s” is not a number"), weight);
    }

  for (guint i = 0; node->children != NULL && i < node->children->len; i++)
    {
      TarmacXmlNode *child = g_ptr_array_index (node->children, i);
      g_autofree char *tag = NULL;
      g_autofree char *carrier = NULL;

      if (!IS (child, "BagTag", "Tag", "BaggageTag"))
        continue;
      tag = VALUE (child, "TagNumber", "Number", "ID");
      if (tag == NULL && child->text != NULL)
        tag = g_strstrip (g_strdup (child->text));
      carrier = VALUE (child, "Carrier", "Airline", "AirlineCode", "Code");
      if (tag != NULL)
        g_ptr_array_add (b->tags, g_strconcat (carrier != NULL ? carrier : "", tag, NULL));
    }
  if (b->count < 0 && b->tags->len > 0 && !b->excess)
    b->count = (gint) b->tags->len;

  g_ptr_array_add (x->p.pnr->bags, b);
}

void
_tarmac_pnrgov_xml_add_seat (TarmacPnrgovXml     *x,
                             const TarmacXmlNode *node)
{
  g_autofree char *seat = VALUE (node, "SeatNumber", "Number", "Seat");

  if (seat == NULL && node->children == NULL && node->text != NULL)
    seat = g_strstrip (g_strdup (node->text));
  if (seat == NULL)
    return;

  _tarmac_pnrgov_add_seat (&x->p, seat, x->in_check_in ? "SSD" : "SSR",
                           _tarmac_pnrgov_xml_traveller_of (x, node), x->p.itinerary);
}

/* History */

#define MAX_HISTORY_TEXT 2000

static gboolean
is_card_element (const TarmacXmlNode *node)
{
  return g_ascii_strncasecmp (node->name, "Payment", 7) == 0 ||
         g_ascii_strncasecmp (node->name, "FormOfPayment", 13) == 0 ||
         strstr (node->name, "Card") != NULL;
}

/* " name=value" for each attribute but @skip; in a payment or card element, or for a
 * card attribute, a value with digits shows only its last four characters. */
static void
append_attributes (const TarmacXmlNode *node,
                   GString             *out,
                   const char          *skip)
{
  gboolean card = is_card_element (node);

  for (guint i = 0; i < node->n_attrs && out->len < MAX_HISTORY_TEXT; i++)
    {
      const char *name = node->attr_names[i];
      const char *value = node->attr_values[i];
      gsize length = strlen (value);

      if (skip != NULL && g_ascii_strncasecmp (name, skip, strlen (skip)) == 0)
        continue;
      if (out->len > 0)
        g_string_append_c (out, ' ');
      if ((card || strstr (name, "Card") != NULL) && length > 4 &&
          strpbrk (value, "0123456789") != NULL)
        g_string_append_printf (out, "%s=…%s", name, value + length - 4);
      else
        g_string_append_printf (out, "%s=%s", name, value);
    }
}

/* An element as one line of text: "Name attr=value … text", children in braces; card
 * numbers are cut to their last four digits. */
static void
flatten (const TarmacXmlNode *node,
         GString             *out)
{
  gboolean card = is_card_element (node);

  if (out->len >= MAX_HISTORY_TEXT)
    return;
  if (out->len > 0)
    g_string_append_c (out, ' ');
  g_string_append (out, node->name);
  append_attributes (node, out, NULL);
  if (node->text != NULL)
    {
      gsize length = strlen (node->text);

      if (card && length > 4)
        g_string_append_printf (out, " …%s", node->text + length - 4);
      else
        g_string_append_printf (out, " %s", node->text);
    }
  if (node->children != NULL && node->children->len > 0)
    {
      g_string_append (out, " {");
      for (guint i = 0; i < node->children->len; i++)
        flatten (g_ptr_array_index (node->children, i), out);
      g_string_append (out, " }");
    }
}

void
_tarmac_pnrgov_xml_add_history (TarmacPnrgovXml     *x,
                                const TarmacXmlNode *node)
{
  for (guint i = 0; node->children != NULL && i < node->children->len; i++)
    {
      TarmacXmlNode *item = g_ptr_array_index (node->children, i);
      TarmacPnrgovHistory *h = g_new0 (TarmacPnrgovHistory, 1);
      GString *text = g_string_new (NULL);

      h->action = VALUE (item, "Action", "ActionCode", "ActionType");
      h->tag = g_strdup (item->name);
      if (item->text != NULL && item->children == NULL)
        g_string_append (text, item->text);
      else
        {
          /* the item's own name is already the tag, its action the action */
          append_attributes (item, text, "Action");
          for (guint c = 0; item->children != NULL && c < item->children->len; c++)
            flatten (g_ptr_array_index (item->children, c), text);
        }
      if (text->len > MAX_HISTORY_TEXT)
        g_string_truncate (text, g_utf8_find_prev_char (text->str, text->str + MAX_HISTORY_TEXT)
                                 - text->str);
      h->text = _tarmac_pnrgov_scrub_card_numbers (g_strstrip (g_string_free (text, FALSE)));
      g_ptr_array_add (x->p.pnr->history, h);
    }
}
