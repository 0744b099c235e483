/* test-pnrgov-xml.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "tarmac-importer.h"
#include "tarmac-pnrgov-xml.h"
#include "tarmac-test-store.h"
#include "tarmac-test-util.h"
#include "tarmac-xml-reader.h"

/* The PNRGOV XML parser and its import against our own pushes (tests/data/pnrgov/xml_*,
 * people and cards invented), hostile input built here, and the public SaberLS sample
 * in ../shared/samples/pnrgov when it is there. */

#define CARD_KEY  "test-card-key"
#define FULL_CARD "4111111111111111"

typedef struct
{
  GPtrArray *messages;
  GPtrArray *warnings;
  GError    *error;
  gboolean   ok;
} Parse;

static void
parse_clear (Parse *parse)
{
  g_clear_pointer (&parse->messages, g_ptr_array_unref);
  g_clear_pointer (&parse->warnings, g_ptr_array_unref);
  g_clear_error (&parse->error);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Parse, parse_clear)

/* Parses an exact-size heap copy, so reading past the end shows up under ASan. */
static void
parse_bytes (Parse      *parse,
             const void *data,
             gsize       length)
{
  g_autofree guint8 *copy = length > 0 ? g_memdup2 (data, length) : NULL;

  parse_clear (parse);
  parse->ok = tarmac_pnrgov_xml_parse (copy, length, CARD_KEY, &parse->messages,
                                       &parse->warnings, &parse->error);
  g_assert_true (parse->ok == (parse->error == NULL));
  g_assert_true (parse->ok == (parse->messages != NULL));
}

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "pnrgov", name, NULL);
}

static GBytes *
read_fixture (const char *name)
{
  g_autofree char *path = fixture_path (name);
  g_autoptr(GError) error = NULL;
  g_autoptr(GMappedFile) mapped = g_mapped_file_new (path, FALSE, &error);

  g_assert_no_error (error);
  return g_mapped_file_get_bytes (mapped);
}

static void
parse_fixture (Parse      *parse,
               const char *name)
{
  g_autoptr(GBytes) bytes = read_fixture (name);
  gsize length;
  const guint8 *data = g_bytes_get_data (bytes, &length);

  parse_bytes (parse, data, length);
}

static TarmacPnrgovMessage *
message_at (Parse *parse,
            guint  index)
{
  g_assert_cmpuint (index, <, parse->messages->len);
  return g_ptr_array_index (parse->messages, index);
}

static TarmacPnrgovPnr *
pnr_at (TarmacPnrgovMessage *message,
        guint                index)
{
  g_assert_cmpuint (index, <, message->pnrs->len);
  return g_ptr_array_index (message->pnrs, index);
}

static gpointer
item_at (GPtrArray *array,
         guint      index)
{
  g_assert_cmpuint (index, <, array->len);
  return g_ptr_array_index (array, index);
}

#define ITEM(array, type, index) ((type *) item_at ((array), (index)))

static const TarmacPnrgovContact *
find_contact (TarmacPnrgovPnr         *pnr,
              TarmacPnrgovContactKind  kind,
              const char              *source)
{
  for (guint i = 0; i < pnr->contacts->len; i++)
    {
      const TarmacPnrgovContact *c = g_ptr_array_index (pnr->contacts, i);

      if (c->kind == kind && g_strcmp0 (c->source, source) == 0)
        return c;
    }
  return NULL;
}

/* The parser */

static void
test_parse_two_pnrs (void)
{
  g_auto(Parse) parse = { 0 };
  TarmacPnrgovMessage *m;
  TarmacPnrgovPnr *p;
  const TarmacPnrgovTraveller *odile;
  const TarmacPnrgovTraveller *lucie;
  const TarmacPnrgovTraveller *paul;
  const TarmacPnrgovSegment *s;
  const TarmacPnrgovDocument *d;
  const TarmacPnrgovPayment *pay;
  const TarmacPnrgovTicket *ticket;
  const TarmacPnrgovSeat *seat;
  const TarmacPnrgovBags *bags;
  const TarmacPnrgovHistory *h;
  const TarmacPnrgovContact *c;
  const TarmacPnrgovPayment *other_pay;

  parse_fixture (&parse, "xml_two_pnrs.xml");
  g_assert_no_error (parse.error);
  g_assert_cmpuint (parse.warnings->len, ==, 0);
  g_assert_cmpuint (parse.messages->len, ==, 1);

  m = message_at (&parse, 0);
  g_assert_cmpstr (m->version, ==, "13.1");
  g_assert_cmpstr (m->reference, ==, "ZX0123-0001");
  g_assert_cmpstr (m->sender, ==, "ZX");
  g_assert_cmpstr (m->recipient, ==, "TARMACPIU");
  g_assert_cmpstr (m->pushed_at, ==, "2026-03-10T08:00");
  g_assert_cmpint (m->announced_pnrs, ==, 2);
  g_assert_nonnull (m->flight);
  g_assert_cmpstr (m->flight->carrier, ==, "ZX");
  g_assert_cmpstr (m->flight->flight_number, ==, "123");
  g_assert_cmpstr (m->flight->origin, ==, "ORY");
  g_assert_cmpstr (m->flight->destination, ==, "LIS");
  g_assert_cmpstr (m->flight->departure, ==, "2026-03-12T09:00");
  g_assert_cmpstr (m->flight->arrival, ==, "2026-03-12T11:30");
  g_assert_cmpuint (m->pnrs->len, ==, 2);

  p = pnr_at (m, 0);
  g_assert_cmpstr (p->record_locator, ==, "QWERTY");
  g_assert_cmpstr (p->carrier, ==, "ZX");
  g_assert_cmpstr (p->created_at, ==, "2026-03-02T10:15");
  g_assert_cmpstr (p->modified_at, ==, "2026-03-09T14:12");
  g_assert_nonnull (p->agency);
  g_assert_cmpstr (p->agency->iata_number, ==, "12345675");
  g_assert_cmpstr (p->agency->office_id, ==, "PARZX2101");
  g_assert_cmpstr (p->agency->location, ==, "PAR");
  g_assert_cmpstr (p->agency->agent, ==, "A1234");

  /* two adults and the infant carried by the first */
  g_assert_cmpuint (p->travellers->len, ==, 3);
  odile = ITEM (p->travellers, TarmacPnrgovTraveller, 0);
  lucie = ITEM (p->travellers, TarmacPnrgovTraveller, 1);
  paul = ITEM (p->travellers, TarmacPnrgovTraveller, 2);
  g_assert_cmpstr (odile->surname, ==, "VARENNE");
  g_assert_cmpstr (odile->given_names, ==, "ODILE");
  g_assert_cmpstr (odile->title, ==, "MRS");
  g_assert_cmpstr (odile->reference, ==, "1");
  g_assert_cmpstr (odile->frequent_flyer, ==, "ZX987654321");
  g_assert_true (odile->with_infant);
  g_assert_cmpint (odile->infant, ==, 1);
  g_assert_true (lucie->is_infant);
  g_assert_cmpint (lucie->infant_of, ==, 0);
  g_assert_cmpstr (lucie->date_of_birth, ==, "2025-01-03");
  g_assert_cmpstr (paul->given_names, ==, "PAUL");
  g_assert_cmpstr (paul->title, ==, "MR");
  g_assert_false (paul->is_infant);

  /* the itinerary */
  g_assert_cmpuint (p->segments->len, ==, 2);
  s = ITEM (p->segments, TarmacPnrgovSegment, 0);
  g_assert_cmpstr (s->aircraft, ==, "320");
  g_assert_cmpstr (s->booking_class, ==, "Y");
  g_assert_cmpstr (s->status, ==, "HK");
  g_assert_cmpint (s->number_in_party, ==, 2);
  s = ITEM (p->segments, TarmacPnrgovSegment, 1);
  g_assert_cmpstr (s->flight_number, ==, "124");
  g_assert_cmpstr (s->origin, ==, "LIS");
  g_assert_cmpstr (s->departure, ==, "2026-03-15T18:00");

  /* documents: attributes (DOC_SSR) and slash text (SSR DOCS), each on its person */
  g_assert_cmpuint (p->documents->len, ==, 3);
  d = ITEM (p->documents, TarmacPnrgovDocument, 0);
  g_assert_cmpstr (d->number, ==, "17AB12345");
  g_assert_cmpstr (d->date_of_birth, ==, "1985-02-14");
  g_assert_cmpstr (d->expiry, ==, "2031-11-20");
  g_assert_cmpstr (d->given_names, ==, "ODILE MARIE");
  g_assert_cmpint (d->traveller, ==, 0);
  d = ITEM (p->documents, TarmacPnrgovDocument, 1);
  g_assert_cmpstr (d->number, ==, "20CD54321");
  g_assert_cmpstr (d->sex, ==, "FI");
  g_assert_cmpint (d->traveller, ==, 1);
  d = ITEM (p->documents, TarmacPnrgovDocument, 2);
  g_assert_cmpstr (d->number, ==, "18EF67890");
  g_assert_cmpstr (d->date_of_birth, ==, "1983-03-01");
  g_assert_cmpint (d->traveller, ==, 2);

  /* contacts: DOCA, phone, e-mail, address, and the OSI mobile in a remark */
  g_assert_cmpuint (p->contacts->len, ==, 5);
  c = find_contact (p, TARMAC_PNRGOV_CONTACT_ADDRESS, "DOCA");
  g_assert_nonnull (c);
  g_assert_cmpstr (c->postcode, ==, "75011");
  g_assert_cmpint (c->traveller, ==, 0);
  c = find_contact (p, TARMAC_PNRGOV_CONTACT_PHONE, "Telephone");
  g_assert_nonnull (c);
  g_assert_cmpstr (c->value, ==, "+33155550101");
  c = find_contact (p, TARMAC_PNRGOV_CONTACT_EMAIL, "Email");
  g_assert_nonnull (c);
  g_assert_cmpstr (c->value, ==, "odile.varenne@example.org");
  c = find_contact (p, TARMAC_PNRGOV_CONTACT_ADDRESS, "Address");
  g_assert_nonnull (c);
  g_assert_cmpstr (c->city, ==, "PARIS");
  g_assert_cmpstr (c->country, ==, "FR");
  c = find_contact (p, TARMAC_PNRGOV_CONTACT_PHONE, "CTCM");
  g_assert_nonnull (c);
  g_assert_cmpstr (c->value, ==, "33655550102");
  g_assert_cmpuint (p->remarks->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (p->remarks, 0), ==, "TRAVELLING WITH PRAM");

  /* the ticket and its card: last four and hash only */
  g_assert_cmpuint (p->tickets->len, ==, 1);
  ticket = ITEM (p->tickets, TarmacPnrgovTicket, 0);
  g_assert_cmpstr (ticket->number, ==, "1234567890123");
  g_assert_cmpstr (ticket->total, ==, "389.20");
  g_assert_cmpstr (ticket->currency, ==, "EUR");
  g_assert_cmpstr (ticket->coupons, ==, "2");
  g_assert_cmpstr (ticket->issued, ==, "2026-03-03");
  g_assert_cmpint (ticket->traveller, ==, 0);
  g_assert_cmpuint (p->payments->len, ==, 1);
  pay = ITEM (p->payments, TarmacPnrgovPayment, 0);
  g_assert_cmpstr (pay->type, ==, "CC");
  g_assert_cmpstr (pay->amount, ==, "389.20");
  g_assert_cmpstr (pay->card_vendor, ==, "VI");
  g_assert_cmpstr (pay->card_last_four, ==, "1111");
  g_assert_cmpuint (strlen (pay->card_hash), ==, 64);
  g_assert_cmpstr (pay->card_expiry, ==, "0829");
  g_assert_cmpstr (pay->holder, ==, "ODILE VARENNE");
  g_assert_cmpint (pay->traveller, ==, 0);

  /* seats: the request, and the one given at check-in; bags with their tags */
  g_assert_cmpuint (p->seats->len, ==, 2);
  seat = ITEM (p->seats, TarmacPnrgovSeat, 0);
  g_assert_cmpstr (seat->seat, ==, "14C");
  g_assert_cmpstr (seat->source, ==, "SSR");
  g_assert_cmpint (seat->traveller, ==, 0);
  g_assert_cmpint (seat->segment, ==, 0);
  seat = ITEM (p->seats, TarmacPnrgovSeat, 1);
  g_assert_cmpstr (seat->seat, ==, "14D");
  g_assert_cmpstr (seat->source, ==, "SSD");
  g_assert_cmpint (seat->traveller, ==, 2);
  g_assert_cmpuint (p->bags->len, ==, 1);
  bags = ITEM (p->bags, TarmacPnrgovBags, 0);
  g_assert_cmpint (bags->count, ==, 2);
  g_assert_cmpfloat (bags->weight, ==, 31);
  g_assert_cmpstr (bags->weight_unit, ==, "KG");
  g_assert_cmpint (bags->traveller, ==, 0);
  g_assert_cmpint (bags->segment, ==, 0);
  g_assert_cmpuint (bags->tags->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (bags->tags, 1), ==, "ZX0057123457");

  /* history: the card in a history item shows only its last four digits */
  g_assert_cmpuint (p->history->len, ==, 2);
  h = ITEM (p->history, TarmacPnrgovHistory, 0);
  g_assert_cmpstr (h->action, ==, "A");
  g_assert_cmpstr (h->text, ==, "SS ZX 123 Y 12MAR ORYLIS HK2");
  h = ITEM (p->history, TarmacPnrgovHistory, 1);
  g_assert_null (strstr (h->text, FULL_CARD));
  g_assert_nonnull (strstr (h->text, "1111"));

  /* the second PNR: the same card gives the same hash; "ZX123" is flight 123 */
  p = pnr_at (m, 1);
  g_assert_cmpstr (p->record_locator, ==, "ASDFGH");
  g_assert_cmpuint (p->travellers->len, ==, 1);
  g_assert_cmpuint (p->documents->len, ==, 1);
  g_assert_cmpstr (ITEM (p->documents, TarmacPnrgovDocument, 0)->number, ==, "123456789ZZ4");
  other_pay = ITEM (p->payments, TarmacPnrgovPayment, 0);
  g_assert_cmpstr (other_pay->card_hash, ==, pay->card_hash);
  g_assert_cmpstr (ITEM (p->segments, TarmacPnrgovSegment, 0)->flight_number, ==, "123");
  g_assert_cmpuint (p->contacts->len, ==, 2);
}

/* Prefixes everywhere, a SOAP envelope, the PNR's parts in another order, values as
 * child elements, and no message-level flight. */
static void
test_parse_namespaced (void)
{
  g_auto(Parse) parse = { 0 };
  g_autoptr(GBytes) bytes = read_fixture ("xml_namespaced.xml");
  const char *data = g_bytes_get_data (bytes, NULL);
  TarmacPnrgovMessage *m;
  TarmacPnrgovPnr *p;
  const TarmacPnrgovTraveller *conor;
  const TarmacPnrgovTraveller *aoife;
  const TarmacPnrgovTraveller *orla;
  const TarmacPnrgovWarning *warning;
  const TarmacPnrgovDocument *d;

  parse_fixture (&parse, "xml_namespaced.xml");
  g_assert_no_error (parse.error);
  m = message_at (&parse, 0);
  g_assert_cmpstr (m->version, ==, "13.1");
  g_assert_cmpstr (m->sender, ==, "QK");
  g_assert_cmpstr (m->pushed_at, ==, "2026-04-02T05:30");

  /* the flight every PNR books stands in for the missing FlightLeg */
  g_assert_nonnull (m->flight);
  g_assert_cmpstr (m->flight->carrier, ==, "QK");
  g_assert_cmpstr (m->flight->flight_number, ==, "0451");
  g_assert_cmpstr (m->flight->origin, ==, "DUB");
  g_assert_cmpstr (m->flight->destination, ==, "LIS");
  g_assert_cmpstr (m->flight->departure, ==, "2026-04-03T07:45");

  p = pnr_at (m, 0);
  g_assert_cmpstr (p->record_locator, ==, "KQ4RTY");
  g_assert_cmpuint (p->travellers->len, ==, 3);
  conor = ITEM (p->travellers, TarmacPnrgovTraveller, 0);
  aoife = ITEM (p->travellers, TarmacPnrgovTraveller, 1);
  orla = ITEM (p->travellers, TarmacPnrgovTraveller, 2);
  g_assert_cmpstr (conor->given_names, ==, "CONOR");
  g_assert_cmpstr (aoife->given_names, ==, "AOIFE");
  g_assert_cmpstr (aoife->title, ==, "MS");
  /* the SSRs stood before the passengers they name */
  d = ITEM (p->documents, TarmacPnrgovDocument, 0);
  g_assert_cmpstr (d->number, ==, "PB7654321");
  g_assert_cmpint (d->traveller, ==, 0);
  g_assert_true (orla->is_infant);
  g_assert_true (orla->from_ssr);
  g_assert_cmpstr (orla->date_of_birth, ==, "2025-10-10");
  g_assert_cmpint (orla->infant_of, ==, 1);
  g_assert_cmpint (aoife->infant, ==, 2);
  g_assert_cmpstr (ITEM (p->payments, TarmacPnrgovPayment, 0)->card_last_four, ==, "0004");
  g_assert_cmpuint (p->contacts->len, ==, 1);

  /* one warning, for the element we do not read, pointing right at it */
  g_assert_cmpuint (parse.warnings->len, ==, 1);
  warning = g_ptr_array_index (parse.warnings, 0);
  g_assert_cmpint (warning->code, ==, TARMAC_PNRGOV_WARNING_UNKNOWN_SEGMENT);
  g_assert_nonnull (strstr (warning->message, "LoungeAccess"));
  g_assert_cmpuint (warning->line, ==, 42);
  g_assert_true (strncmp (data + warning->offset, "<iata:LoungeAccess", 18) == 0);
}

/* The public SaberLS sample (read in place, never copied), with the counts read off the
 * file by hand: one PNR 00A234B of ENT, three Kowalski travellers, one flight ENT 1234
 * LHR–WAW on 2024-01-01, five SSRs (three DOCS, CHLD, SEAT) and three passports. The
 * DOC_SSR attributes (sex, names) and the SSR DOCS text (numbers, dates) are one
 * document each. */
static void
test_parse_saberls_sample (void)
{
  const char *root = g_getenv ("TARMAC_SAMPLES_DIR");
  g_autofree char *path = root != NULL ? g_build_filename (root, "pnrgov",
                                                           "SaberLS-PNRGOV-XML-Parser_test_pnr.xml",
                                                           NULL) : NULL;
  static const char * const given[] = { "ANNA", "ADAM", "JAN" };
  static const char * const numbers[] = { "BA5345321", "ZC9038023", "AB1324659" };
  static const char * const births[] = { "2002-12-30", "2022-12-30", "2002-12-30" };
  static const char * const sexes[] = { "F", "M", "M" };
  g_auto(Parse) parse = { 0 };
  g_autofree char *contents = NULL;
  gsize length = 0;
  TarmacPnrgovMessage *m;
  TarmacPnrgovPnr *p;
  const TarmacPnrgovSegment *s;

  if (path == NULL || !g_file_get_contents (path, &contents, &length, NULL))
    {
      g_test_skip ("no SaberLS sample ($TARMAC_SAMPLES_DIR/pnrgov)");
      return;
    }

  parse_bytes (&parse, contents, length);
  g_assert_no_error (parse.error);
  g_assert_cmpuint (parse.warnings->len, ==, 0);
  g_assert_cmpuint (parse.messages->len, ==, 1);
  m = message_at (&parse, 0);
  g_assert_cmpuint (m->pnrs->len, ==, 1);
  p = pnr_at (m, 0);
  g_assert_cmpstr (p->record_locator, ==, "00A234B");
  g_assert_cmpstr (p->carrier, ==, "ENT");
  g_assert_cmpstr (p->created_at, ==, "2024-01-01T04:40");
  g_assert_cmpstr (p->modified_at, ==, "2024-01-01T02:40");
  g_assert_cmpuint (p->other_locators->len, ==, 0);
  g_assert_cmpstr (m->pushed_at, ==, "2024-01-01T02:40");

  g_assert_cmpuint (p->segments->len, ==, 1);
  s = ITEM (p->segments, TarmacPnrgovSegment, 0);
  g_assert_cmpstr (s->carrier, ==, "ENT");
  g_assert_cmpstr (s->flight_number, ==, "1234");
  g_assert_cmpstr (s->origin, ==, "LHR");
  g_assert_cmpstr (s->destination, ==, "WAW");
  g_assert_cmpstr (s->departure, ==, "2024-01-01T10:15");
  g_assert_cmpstr (s->arrival, ==, "2024-01-01T14:20");
  g_assert_cmpstr (s->status, ==, "HK");
  g_assert_cmpint (s->number_in_party, ==, 167);
  g_assert_nonnull (m->flight);
  g_assert_cmpstr (m->flight->flight_number, ==, "1234");

  g_assert_cmpuint (p->travellers->len, ==, 3);
  g_assert_cmpuint (p->ssrs->len, ==, 5);
  g_assert_cmpuint (p->documents->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      const TarmacPnrgovTraveller *t = ITEM (p->travellers, TarmacPnrgovTraveller, i);
      const TarmacPnrgovDocument *d = ITEM (p->documents, TarmacPnrgovDocument, i);

      g_assert_cmpstr (t->given_names, ==, given[i]);
      g_assert_cmpstr (t->reference, ==, i == 0 ? "20000000" : i == 1 ? "20000001" : "20000002");
      g_assert_false (t->is_infant);
      g_assert_cmpint (d->traveller, ==, (gint) i);
      g_assert_cmpstr (d->number, ==, numbers[i]);
      g_assert_cmpstr (d->date_of_birth, ==, births[i]);
      g_assert_cmpstr (d->sex, ==, sexes[i]);
      g_assert_cmpstr (d->issuing_state, ==, "POL");
    }
  g_assert_cmpstr (ITEM (p->ssrs, TarmacPnrgovSsr, 2)->code, ==, "CHLD");
  g_assert_cmpint (ITEM (p->ssrs, TarmacPnrgovSsr, 2)->traveller, ==, 1);
  g_assert_cmpstr (ITEM (p->ssrs, TarmacPnrgovSsr, 4)->code, ==, "SEAT");
  g_assert_cmpint (ITEM (p->ssrs, TarmacPnrgovSsr, 4)->traveller, ==, 2);
}

/* Bad input: each is refused with its position. */

static void
assert_refused (const char *text,
                GQuark      domain,
                gint        code,
                const char *expected)
{
  g_auto(Parse) parse = { 0 };

  parse_bytes (&parse, text, strlen (text));
  g_assert_error (parse.error, domain, code);
  if (expected != NULL && strstr (parse.error->message, expected) == NULL)
    g_error ("“%s” does not say “%s”", parse.error->message, expected);
}

static char *
nested (guint depth)
{
  GString *text = g_string_new ("<IATA_PNRGOV_NotifRQ><PNRs><PNR><BookingRefID ID=\"DEEP01\"/>");

  for (guint i = 0; i < depth; i++)
    g_string_append (text, "<Remark>");
  for (guint i = 0; i < depth; i++)
    g_string_append (text, "</Remark>");
  g_string_append (text, "</PNR></PNRs></IATA_PNRGOV_NotifRQ>");
  return g_string_free (text, FALSE);
}

static void
test_parse_bad (void)
{
  g_autofree char *shallow = nested (50);
  g_autofree char *deep = nested (100);
  g_autofree char *long_value = g_strnfill (TARMAC_XML_MAX_ATTRIBUTE + 1, 'A');
  g_autofree char *long_attribute = g_strdup_printf ("<PNR><BookingRefID ID=\"%s\"/></PNR>",
                                                     long_value);
  g_autofree char *long_text_value = g_strnfill (TARMAC_XML_MAX_TEXT + 1, 'B');
  g_autofree char *long_text = g_strdup_printf ("<PNR><Remark>%s</Remark></PNR>",
                                                long_text_value);
  GString *many = g_string_new ("<PNR><BookingRefID");
  g_autofree char *many_attributes = NULL;
  g_auto(Parse) parse = { 0 };

  /* 50 levels are fine; 100 are not, and the error names where */
  parse_bytes (&parse, shallow, strlen (shallow));
  g_assert_no_error (parse.error);
  assert_refused (deep, TARMAC_XML_ERROR, TARMAC_XML_ERROR_LIMIT,
                  "line 1, column 548 (byte 547): elements nested more than 64 levels deep");

  for (guint i = 0; i <= TARMAC_XML_MAX_ATTRIBUTES; i++)
    g_string_append_printf (many, " a%u=\"1\"", i);
  g_string_append (many, " ID=\"X\"/></PNR>");
  many_attributes = g_string_free (many, FALSE);
  assert_refused (many_attributes, TARMAC_XML_ERROR, TARMAC_XML_ERROR_LIMIT, "attributes");
  assert_refused (long_attribute, TARMAC_XML_ERROR, TARMAC_XML_ERROR_LIMIT,
                  "line 1, column 6 (byte 5): attribute ID of <BookingRefID>");
  assert_refused (long_text, TARMAC_XML_ERROR, TARMAC_XML_ERROR_LIMIT, "the text of <Remark>");

  assert_refused ("", TARMAC_XML_ERROR, TARMAC_XML_ERROR_MALFORMED, "line 1");
  assert_refused ("<PNR><BookingRefID ID=\"A\"></PNR>", TARMAC_XML_ERROR,
                  TARMAC_XML_ERROR_MALFORMED, "line 1");
  assert_refused ("<PNR/><PNR/>", TARMAC_XML_ERROR, TARMAC_XML_ERROR_MALFORMED,
                  "line 1, column 7 (byte 6): a second root element <PNR>");
  assert_refused ("<PNR>\n<Remark>\xff\xfe</Remark></PNR>", TARMAC_XML_ERROR,
                  TARMAC_XML_ERROR_MALFORMED, "line 2");
  assert_refused ("<PNR>\n<Remark>&bomb;</Remark></PNR>", TARMAC_XML_ERROR,
                  TARMAC_XML_ERROR_MALFORMED, "line 2");
  assert_refused ("<?xml version=\"1.0\"?>\n<!DOCTYPE PNR SYSTEM \"file:///etc/passwd\">\n<PNR/>",
                  TARMAC_XML_ERROR, TARMAC_XML_ERROR_DOCTYPE, "line 2, column 1 (byte 22)");
  assert_refused ("<Invoice><PNR/></Invoice>", TARMAC_XML_ERROR, TARMAC_XML_ERROR_CONTENT,
                  "line 1, column 1 (byte 0): the root element <Invoice>");
  assert_refused ("<IATA_PNRGOV_NotifRQ><PNRs/></IATA_PNRGOV_NotifRQ>", TARMAC_PNRGOV_ERROR,
                  TARMAC_PNRGOV_ERROR_NO_MESSAGE, "No PNR");
  assert_refused ("<?xml version=\"1.0\" encoding=\"NO-SUCH-CHARSET\"?><PNR/>", TARMAC_XML_ERROR,
                  TARMAC_XML_ERROR_ENCODING, "NO-SUCH-CHARSET");
}

static void
test_parse_bad_fixtures (void)
{
  static const struct { const char *name; gint code; const char *expected; } cases[] = {
    { "xml_truncated.xml", TARMAC_XML_ERROR_MALFORMED, "line 31, column 53 (byte 1500)" },
    { "xml_entity_bomb.xml", TARMAC_XML_ERROR_DOCTYPE, "line 2, column 1 (byte 22)" },
    { "xml_wrong_root.xml", TARMAC_XML_ERROR_CONTENT, "line 2, column 1 (byte 39)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Parse) parse = { 0 };

      parse_fixture (&parse, cases[i].name);
      g_assert_error (parse.error, TARMAC_XML_ERROR, cases[i].code);
      if (strstr (parse.error->message, cases[i].expected) == NULL)
        g_error ("%s: “%s” does not say “%s”", cases[i].name, parse.error->message,
                 cases[i].expected);
    }
}

/* Tolerance: a BOM, Latin-1 declared and converted, a root PNR, OTA-style names. */
static void
test_parse_variants (void)
{
  static const char latin1[] =
    "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n"
    "<PNR PNR_TransDate=\"2026-05-01T10:00:00\">"
    "<BookingRefID ID=\"LAT1N1\"><CompanyName Code=\"QK\"/></BookingRefID>"
    "<Passenger RPH=\"1\"><Surname>M\xdcLLER</Surname><GivenName>J\xd6RG</GivenName></Passenger>"
    "</PNR>";
  static const char bom[] =
    "\xef\xbb\xbf<PNRGOVMessage><PNR><BookingRefID ID=\"B0M001\"/>"
    "<Traveler><PersonName><GivenName>ANA</GivenName><Surname>LIMA</Surname></PersonName>"
    "<Telephone CountryAccessCode=\"351\" AreaCityCode=\"21\" PhoneNumber=\"5550100\"/>"
    "</Traveler></PNR></PNRGOVMessage>";
  g_auto(Parse) parse = { 0 };
  TarmacPnrgovPnr *p;
  const TarmacPnrgovContact *c;

  parse_bytes (&parse, latin1, strlen (latin1));
  g_assert_no_error (parse.error);
  p = pnr_at (message_at (&parse, 0), 0);
  g_assert_cmpstr (p->record_locator, ==, "LAT1N1");
  g_assert_cmpstr (ITEM (p->travellers, TarmacPnrgovTraveller, 0)->surname, ==, "MÜLLER");
  g_assert_cmpstr (ITEM (p->travellers, TarmacPnrgovTraveller, 0)->given_names, ==, "JÖRG");
  g_assert_cmpstr (message_at (&parse, 0)->pushed_at, ==, "2026-05-01T10:00");

  parse_bytes (&parse, bom, strlen (bom));
  g_assert_no_error (parse.error);
  p = pnr_at (message_at (&parse, 0), 0);
  g_assert_cmpstr (ITEM (p->travellers, TarmacPnrgovTraveller, 0)->surname, ==, "LIMA");
  c = ITEM (p->contacts, TarmacPnrgovContact, 0);
  g_assert_cmpstr (c->value, ==, "+351215550100");
  g_assert_cmpint (c->traveller, ==, 0);
  g_assert_null (message_at (&parse, 0)->flight);
}

/* The fixtures cut short at many points and with bytes flipped are answered, never
 * crashed on (under ASan or valgrind this is where a bad read would show). */
static void
test_parse_damaged (void)
{
  static const char * const names[] = { "xml_two_pnrs.xml", "xml_namespaced.xml" };

  for (guint f = 0; f < G_N_ELEMENTS (names); f++)
    {
      g_autoptr(GBytes) bytes = read_fixture (names[f]);
      gsize length;
      const guint8 *data = g_bytes_get_data (bytes, &length);
      g_autofree guint8 *copy = g_memdup2 (data, length);
      g_autoptr(GRand) rand = g_rand_new_with_seed (f + 7);

      /* every cut before the root's end tag: the document is unfinished */
      for (gsize cut = 0; cut + 24 < length; cut += MAX (1, length / 61))
        {
          g_auto(Parse) parse = { 0 };

          parse_bytes (&parse, data, cut);
          g_assert_false (parse.ok);
        }
      for (guint round = 0; round < 300; round++)
        {
          g_auto(Parse) parse = { 0 };

          copy[g_rand_int_range (rand, 0, length)] = g_rand_int_range (rand, 0, 256);
          parse_bytes (&parse, copy, length);
        }
    }
}

/* The import */

static TarmacStore *
open_store (const char *path)
{
  g_autoptr(GError) error = NULL;
  TarmacStore *store = tarmac_store_open (path, &error);

  g_assert_no_error (error);
  return store;
}

static TarmacImportReport *
import_ok (TarmacStore *store,
           const char  *name)
{
  g_autofree char *path = fixture_path (name);
  g_autoptr(TarmacImportReport) report = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (tarmac_import_file (store, path, &report, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (report->result, ==, TARMAC_IMPORT_RESULT_IMPORTED);
  g_assert_cmpstr (report->format, ==, "pnrgov-xml");
  return g_steal_pointer (&report);
}

/* Found by fuzz-import: GMarkup quoted a bad name byte by byte and cut a UTF-8 character
 * in two; the refusal the officer reads (and the report stored) must stay valid UTF-8. */
static void
test_import_refusal_is_utf8 (void)
{
  g_autoptr(TarmacStore) store = open_store (":memory:");
  g_autofree char *path = fixture_path ("xml_bad_split_character.xml");
  g_autoptr(TarmacImportReport) report = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (tarmac_import_file (store, path, &report, NULL, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "line 31"));
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_true (g_utf8_validate (report->error_message, -1, NULL));
}

static gboolean
file_contains (const char *path,
               const char *needle)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  gsize n = strlen (needle);

  /* the bytes of a database hold NULs: search them all, not as a string */
  if (!g_file_get_contents (path, &contents, &length, NULL))
    return FALSE;
  for (gsize i = 0; i + n <= length; i++)
    if (contents[i] == needle[0] && memcmp (contents + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

static void
test_import_two_pnrs (void)
{
  g_autofree char *db_path = tarmac_test_db_path ("pnrgov-xml.db");
  g_autoptr(TarmacStore) store = open_store (db_path);
  g_autoptr(TarmacImportReport) report = NULL;
  g_autoptr(TarmacImportReport) later = NULL;
  g_autoptr(TarmacImportReport) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = fixture_path ("xml_two_pnrs.xml");
  const char *suffixes[] = { "", "-wal", "-journal" };

  report = import_ok (store, "xml_two_pnrs.xml");
  g_assert_cmpuint (report->n_messages, ==, 1);
  g_assert_cmpuint (report->n_pnrs, ==, 2);
  g_assert_cmpuint (report->n_flights, ==, 1);
  g_assert_cmpuint (report->n_travellers, ==, 4);
  g_assert_cmpuint (report->warnings->len, ==, 0);

  g_assert_cmpint (tarmac_test_count (store, "SELECT count(*) FROM source_file WHERE"
                                             " format = 'pnrgov-xml'"), ==, 1);
  g_assert_cmpint (tarmac_test_count (store, "SELECT count(*) FROM message WHERE type = 'PNRGOV'"
                                             " AND version = '13.1' AND pushed_at ="
                                             " '2026-03-10T08:00'"), ==, 1);
  g_assert_cmpint (tarmac_test_count (store, "SELECT count(*) FROM flight WHERE carrier = 'ZX'"
                                             " AND number = '123' AND flight_date = '2026-03-12'"
                                             " AND origin = 'ORY'"), ==, 1);
  g_assert_cmpint (tarmac_test_count (store, "SELECT count(*) FROM pnr WHERE version = 1 AND"
                                             " record_locator = 'QWERTY' AND agency = '12345675'"
                                             " AND modified_at_source = '2026-03-09T14:12'"),
                   ==, 1);
  g_assert_cmpint (tarmac_test_count (store, "SELECT count(*) FROM traveller WHERE from_pnr = 1"
                                             " AND pnr_id IS NOT NULL"), ==, 4);
  g_assert_cmpint (tarmac_test_count (store, "SELECT count(*) FROM traveller WHERE is_infant = 1"
                                             " AND given_names = 'LUCIE' AND date_of_birth ="
                                             " '2025-01-03'"), ==, 1);
  g_assert_cmpint (tarmac_test_count (store, "SELECT count(*) FROM pnr_segment"), ==, 3);
  g_assert_cmpint (tarmac_test_count (store, "SELECT count(*) FROM travel_document"), ==, 4);
  g_assert_cmpint (tarmac_test_count (store, "SELECT count(*) FROM travel_document WHERE"
                                             " number_normalised = '18EF67890' AND expires_on ="
                                             " '2030-05-05'"), ==, 1);
  g_assert_cmpint (tarmac_test_count (store, "SELECT count(*) FROM pnr_contact WHERE"
                                             " kind = 'email'"), ==, 2);
  g_assert_cmpint (tarmac_test_count (store, "SELECT count(*) FROM pnr_contact WHERE"
                                             " kind = 'phone' AND value_normalised ="
                                             " '+33155550101'"), ==, 1);
  g_assert_cmpint (tarmac_test_count (store, "SELECT count(*) FROM pnr_payment WHERE form = 'CC'"
                                             " AND card_last4 = '1111' AND length (card_hash) ="
                                             " 64"), ==, 2);
  g_assert_cmpint (tarmac_test_count (store, "SELECT count(DISTINCT card_hash) FROM pnr_payment"),
                   ==, 1);
  g_assert_cmpint (tarmac_test_count (store, "SELECT count(*) FROM pnr_history"), ==, 2);

  /* identical bytes: a no-op that says so */
  g_assert_true (tarmac_import_file (store, path, &again, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (again->result, ==, TARMAC_IMPORT_RESULT_DUPLICATE);

  /* the same PNRs pushed later: version 2 of each, the same four people */
  later = import_ok (store, "xml_two_pnrs_later.xml");
  g_assert_cmpuint (later->n_pnrs, ==, 2);
  g_assert_cmpint (tarmac_test_count (store, "SELECT count(*) FROM pnr WHERE version = 2 AND"
                                             " pushed_at = '2026-03-11T06:15'"), ==, 2);
  g_assert_cmpint (tarmac_test_count (store, "SELECT count(*) FROM traveller"), ==, 4);
  g_assert_cmpint (tarmac_test_count (store, "SELECT count(*) FROM traveller WHERE pnr_id IN"
                                             " (SELECT id FROM pnr WHERE version = 2)"), ==, 4);

  /* the full card number is nowhere: not in any value, not in the file's bytes */
  g_assert_cmpint (tarmac_test_count_everywhere (store, FULL_CARD), ==, 0);
  g_assert_cmpint (tarmac_test_count_everywhere (store, "411111111111"), ==, 0);
  tarmac_store_close (store);
  g_clear_object (&store);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (db_path, suffixes[i], NULL);

      g_assert_false (file_contains (file, FULL_CARD));
      g_assert_false (file_contains (file, "411111111111"));
    }
  g_assert_true (file_contains (db_path, "QWERTY"));
}

static void
test_import_bad (void)
{
  static const char * const names[] = { "xml_truncated.xml", "xml_entity_bomb.xml",
                                        "xml_wrong_root.xml", "xml_no_pnr.xml" };
  g_autoptr(TarmacStore) store = open_store (":memory:");
  g_autoptr(TarmacImportReport) first = import_ok (store, "xml_namespaced.xml");
  g_autoptr(TarmacImportReport) fixed = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = fixture_path (names[i]);
      g_autofree char *before = tarmac_test_snapshot (store);
      g_autofree char *after = NULL;
      g_autoptr(TarmacImportReport) report = NULL;
      g_autoptr(GError) error = NULL;

      g_assert_false (tarmac_import_file (store, path, &report, NULL, &error));
      g_assert_error (error, TARMAC_IMPORT_ERROR, TARMAC_IMPORT_ERROR_INVALID);
      g_assert_true (g_str_has_prefix (error->message, names[i]));
      if (i < 3)
        g_assert_nonnull (strstr (error->message, ", column "));
      g_assert_cmpint (report->result, ==, TARMAC_IMPORT_RESULT_FAILED);
      g_assert_cmpstr (report->format, ==, "pnrgov-xml");
      after = tarmac_test_snapshot (store);
      g_assert_cmpstr (before, ==, after);
    }

  /* a refused file imports once fixed */
  fixed = import_ok (store, "xml_two_pnrs.xml");
  g_assert_cmpuint (fixed->n_pnrs, ==, 2);
}

static void
test_import_saberls_sample (void)
{
  const char *root = g_getenv ("TARMAC_SAMPLES_DIR");
  g_autofree char *path = root != NULL ? g_build_filename (root, "pnrgov",
                                                           "SaberLS-PNRGOV-XML-Parser_test_pnr.xml",
                                                           NULL) : NULL;
  g_autoptr(TarmacStore) store = NULL;
  g_autoptr(TarmacImportReport) report = NULL;
  g_autoptr(GError) error = NULL;

  if (path == NULL || !g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_test_skip ("no SaberLS sample ($TARMAC_SAMPLES_DIR/pnrgov)");
      return;
    }

  store = open_store (":memory:");
  g_assert_true (tarmac_import_file (store, path, &report, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (report->format, ==, "pnrgov-xml");
  g_assert_cmpuint (report->n_messages, ==, 1);
  g_assert_cmpuint (report->n_pnrs, ==, 1);
  g_assert_cmpuint (report->n_flights, ==, 1);
  g_assert_cmpuint (report->n_travellers, ==, 3);
  g_assert_cmpuint (report->warnings->len, ==, 0);
  g_assert_cmpint (tarmac_test_count (store, "SELECT count(*) FROM flight WHERE carrier = 'ENT'"
                                             " AND number = '1234' AND origin = 'LHR' AND"
                                             " destination = 'WAW' AND flight_date ="
                                             " '2024-01-01'"), ==, 1);
  g_assert_cmpint (tarmac_test_count (store, "SELECT count(*) FROM traveller WHERE surname LIKE"
                                             " 'KOWALSK_' AND booking_reference = '00A234B'"),
                   ==, 3);
  g_assert_cmpint (tarmac_test_count (store, "SELECT count(*) FROM pnr_ssr"), ==, 5);
  g_assert_cmpint (tarmac_test_count (store, "SELECT count(*) FROM travel_document WHERE"
                                             " issuing_state = 'POL'"), ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/pnrgov-xml/parse/two-pnrs", test_parse_two_pnrs);
  g_test_add_func ("/pnrgov-xml/import/refusal-is-utf8", test_import_refusal_is_utf8);
  g_test_add_func ("/pnrgov-xml/parse/namespaced", test_parse_namespaced);
  g_test_add_func ("/pnrgov-xml/parse/saberls-sample", test_parse_saberls_sample);
  g_test_add_func ("/pnrgov-xml/parse/bad", test_parse_bad);
  g_test_add_func ("/pnrgov-xml/parse/bad-fixtures", test_parse_bad_fixtures);
  g_test_add_func ("/pnrgov-xml/parse/variants", test_parse_variants);
  g_test_add_func ("/pnrgov-xml/parse/damaged", test_parse_damaged);
  g_test_add_func ("/pnrgov-xml/import/two-pnrs", test_import_two_pnrs);
  g_test_add_func ("/pnrgov-xml/import/bad", test_import_bad);
  g_test_add_func ("/pnrgov-xml/import/saberls-sample", test_import_saberls_sample);

  return g_test_run ();
}
