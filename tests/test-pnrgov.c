/* test-pnrgov.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "tarmac-pnrgov.h"

/* The PNRGOV parser against our own pushes (tests/data/pnrgov, people invented), shaped
 * like research/formats.md §3, and against the public samples in ../shared/samples/pnrgov
 * when they are there. */

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
parse_bytes (Parse        *parse,
             const guint8 *data,
             gsize         length)
{
  g_autofree guint8 *copy = length > 0 ? g_memdup2 (data, length) : NULL;

  parse->ok = tarmac_pnrgov_parse (copy, length, CARD_KEY, &parse->messages, &parse->warnings,
                                   &parse->error);
  g_assert_true (parse->ok == (parse->error == NULL));
  g_assert_true (parse->ok == (parse->messages != NULL));
}

static void
parse_fixture (Parse      *parse,
               const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "pnrgov", name, NULL);
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  parse_bytes (parse, (const guint8 *) contents, length);
  g_assert_no_error (parse->error);
}

static TarmacPnrgovMessage *
message (Parse *parse,
         guint  index)
{
  g_assert_cmpuint (index, <, parse->messages->len);
  return g_ptr_array_index (parse->messages, index);
}

static TarmacPnrgovPnr *
pnr (TarmacPnrgovMessage *msg,
     guint                index)
{
  g_assert_cmpuint (index, <, msg->pnrs->len);
  return g_ptr_array_index (msg->pnrs, index);
}

#define ITEM(array, type, index) ((type *) item_at ((array), (index)))

static gpointer
item_at (GPtrArray *array,
         guint      index)
{
  g_assert_cmpuint (index, <, array->len);
  return g_ptr_array_index (array, index);
}

static guint
count_warnings (Parse                   *parse,
                TarmacPnrgovWarningCode  code)
{
  guint n = 0;

  for (guint i = 0; i < parse->warnings->len; i++)
    if (((TarmacPnrgovWarning *) g_ptr_array_index (parse->warnings, i))->code == code)
      n++;

  return n;
}

static void
print_warnings (Parse *parse)
{
  for (guint i = 0; i < parse->warnings->len && i < 20; i++)
    {
      TarmacPnrgovWarning *w = g_ptr_array_index (parse->warnings, i);

      g_test_message ("  line %u (byte %zu): %s", w->line, w->offset, w->message);
    }
}

/* Every string of the model, one after another, for "appears nowhere" checks. */
static void
add (GString    *out,
     const char *value)
{
  if (value != NULL)
    {
      g_string_append (out, value);
      g_string_append_c (out, '|');
    }
}

static void
dump_strings (GPtrArray *strings,
              GString   *out)
{
  for (guint i = 0; i < strings->len; i++)
    add (out, g_ptr_array_index (strings, i));
}

static void
dump_segment (TarmacPnrgovSegment *s,
              GString             *out)
{
  if (s == NULL)
    return;
  add (out, s->carrier); add (out, s->operating_carrier); add (out, s->flight_number);
  add (out, s->booking_class); add (out, s->origin); add (out, s->destination);
  add (out, s->departure); add (out, s->arrival); add (out, s->departure_raw);
  add (out, s->status); add (out, s->aircraft); add (out, s->check_in);
}

static char *
dump_parse (Parse *parse)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < parse->warnings->len; i++)
    add (out, ((TarmacPnrgovWarning *) g_ptr_array_index (parse->warnings, i))->message);

  for (guint m = 0; m < parse->messages->len; m++)
    {
      TarmacPnrgovMessage *msg = message (parse, m);

      add (out, msg->reference); add (out, msg->version); add (out, msg->sender);
      add (out, msg->recipient); add (out, msg->originator); add (out, msg->pushed_at);
      add (out, msg->common_access_reference);
      dump_segment (msg->flight, out);
      for (guint i = 0; i < msg->dates->len; i++)
        {
          TarmacPnrgovDate *d = g_ptr_array_index (msg->dates, i);
          add (out, d->qualifier); add (out, d->value); add (out, d->raw);
        }

      for (guint n = 0; n < msg->pnrs->len; n++)
        {
          TarmacPnrgovPnr *r = pnr (msg, n);

          add (out, r->record_locator); add (out, r->carrier); add (out, r->created_at);
          add (out, r->modified_at);
          dump_strings (r->other_locators, out);
          dump_strings (r->remarks, out);
          for (guint i = 0; i < r->dates->len; i++)
            {
              TarmacPnrgovDate *d = g_ptr_array_index (r->dates, i);
              add (out, d->qualifier); add (out, d->value); add (out, d->raw);
            }
          if (r->agency != NULL)
            {
              TarmacPnrgovAgency *a = r->agency;
              add (out, a->system); add (out, a->system_city); add (out, a->iata_number);
              add (out, a->office_id); add (out, a->location); add (out, a->originator_type);
              add (out, a->country); add (out, a->currency); add (out, a->agent);
            }
          for (guint i = 0; i < r->travellers->len; i++)
            {
              TarmacPnrgovTraveller *t = g_ptr_array_index (r->travellers, i);
              add (out, t->surname); add (out, t->given_names); add (out, t->given_names_raw);
              add (out, t->title); add (out, t->type); add (out, t->reference);
              add (out, t->unique_id); add (out, t->frequent_flyer); add (out, t->date_of_birth);
            }
          for (guint i = 0; i < r->segments->len; i++)
            dump_segment (g_ptr_array_index (r->segments, i), out);
          for (guint i = 0; i < r->ssrs->len; i++)
            {
              TarmacPnrgovSsr *s = g_ptr_array_index (r->ssrs, i);
              add (out, s->code); add (out, s->status); add (out, s->quantity);
              add (out, s->carrier); add (out, s->board_point); add (out, s->off_point);
              add (out, s->text); add (out, s->traveller_reference);
            }
          for (guint i = 0; i < r->documents->len; i++)
            {
              TarmacPnrgovDocument *d = g_ptr_array_index (r->documents, i);
              add (out, d->code); add (out, d->type); add (out, d->number);
              add (out, d->issuing_state); add (out, d->nationality); add (out, d->date_of_birth);
              add (out, d->date_of_birth_raw); add (out, d->sex); add (out, d->expiry);
              add (out, d->expiry_raw); add (out, d->surname); add (out, d->given_names);
              add (out, d->place_of_birth); add (out, d->place_of_issue);
              add (out, d->issue_date); add (out, d->issue_date_raw);
              add (out, d->applicable_state);
            }
          for (guint i = 0; i < r->contacts->len; i++)
            {
              TarmacPnrgovContact *c = g_ptr_array_index (r->contacts, i);
              add (out, c->source); add (out, c->value); add (out, c->street);
              add (out, c->city); add (out, c->state); add (out, c->country);
              add (out, c->postcode);
            }
          for (guint i = 0; i < r->payments->len; i++)
            {
              TarmacPnrgovPayment *p = g_ptr_array_index (r->payments, i);
              add (out, p->type); add (out, p->amount); add (out, p->card_vendor);
              add (out, p->card_last_four); add (out, p->card_hash); add (out, p->card_expiry);
              add (out, p->reference); add (out, p->holder);
            }
          for (guint i = 0; i < r->tickets->len; i++)
            {
              TarmacPnrgovTicket *t = g_ptr_array_index (r->tickets, i);
              add (out, t->number); add (out, t->type); add (out, t->coupons);
              add (out, t->total); add (out, t->currency); add (out, t->issued);
            }
          for (guint i = 0; i < r->bags->len; i++)
            {
              TarmacPnrgovBags *b = g_ptr_array_index (r->bags, i);
              add (out, b->weight_unit); add (out, b->amount); add (out, b->currency);
              dump_strings (b->tags, out);
            }
          for (guint i = 0; i < r->seats->len; i++)
            {
              TarmacPnrgovSeat *s = g_ptr_array_index (r->seats, i);
              add (out, s->seat); add (out, s->source);
            }
          for (guint i = 0; i < r->history->len; i++)
            {
              TarmacPnrgovHistory *h = g_ptr_array_index (r->history, i);
              add (out, h->action); add (out, h->tag); add (out, h->text);
            }
        }
    }

  return g_string_free (out, FALSE);
}

static void
test_pnrgov_two_pnrs (void)
{
  g_auto(Parse) parse = { 0 };
  TarmacPnrgovMessage *msg;
  TarmacPnrgovPnr *first, *second;
  TarmacPnrgovTraveller *adult, *infant;
  TarmacPnrgovDocument *doc;
  TarmacPnrgovSegment *seg;

  parse_fixture (&parse, "two_pnrs.edi");
  print_warnings (&parse);
  g_assert_cmpuint (parse.warnings->len, ==, 0);
  g_assert_cmpuint (parse.messages->len, ==, 1);

  msg = message (&parse, 0);
  g_assert_cmpstr (msg->reference, ==, "42");
  g_assert_cmpstr (msg->version, ==, "13.1");
  g_assert_cmpstr (msg->sender, ==, "ZX");
  g_assert_cmpstr (msg->recipient, ==, "TARMACPIU");
  g_assert_cmpstr (msg->originator, ==, "ZX:ORY");
  g_assert_cmpstr (msg->pushed_at, ==, "2026-03-10T08:00");
  g_assert_false (msg->pushed_at_from_envelope);
  g_assert_cmpuint (msg->part_number, ==, 1);
  g_assert_true (msg->is_last_part);
  g_assert_nonnull (msg->flight);
  g_assert_cmpstr (msg->flight->carrier, ==, "ZX");
  g_assert_cmpstr (msg->flight->flight_number, ==, "123");
  g_assert_cmpstr (msg->flight->origin, ==, "ORY");
  g_assert_cmpstr (msg->flight->destination, ==, "LIS");
  g_assert_cmpstr (msg->flight->departure, ==, "2026-03-12T09:00");
  g_assert_cmpstr (msg->flight->arrival, ==, "2026-03-12T11:30");
  g_assert_cmpint (msg->announced_pnrs, ==, 2);
  g_assert_cmpuint (msg->pnrs->len, ==, 2);

  first = pnr (msg, 0);
  g_assert_cmpstr (first->record_locator, ==, "QWERTY");
  g_assert_cmpstr (first->carrier, ==, "ZX");
  g_assert_cmpstr (first->created_at, ==, "2026-03-02T10:15");
  g_assert_cmpstr (first->modified_at, ==, "2026-03-09T14:12");
  g_assert_nonnull (first->agency);
  g_assert_cmpstr (first->agency->iata_number, ==, "12345675");
  g_assert_cmpstr (first->agency->office_id, ==, "PARZX2101");
  g_assert_cmpstr (first->agency->country, ==, "FR");
  g_assert_cmpstr (first->agency->agent, ==, "A1234");

  /* travellers: the DCS TIF repeats the adult and adds nobody; the infant is linked */
  g_assert_cmpuint (first->travellers->len, ==, 2);
  adult = ITEM (first->travellers, TarmacPnrgovTraveller, 0);
  infant = ITEM (first->travellers, TarmacPnrgovTraveller, 1);
  g_assert_cmpstr (adult->surname, ==, "VARENNE");
  g_assert_cmpstr (adult->given_names, ==, "ODILE");
  g_assert_cmpstr (adult->title, ==, "MRS");
  g_assert_cmpstr (adult->reference, ==, "1.1");
  g_assert_cmpstr (adult->frequent_flyer, ==, "ZX987654321");
  g_assert_cmpstr (adult->unique_id, ==, "AB123456");
  g_assert_false (adult->is_infant);
  g_assert_cmpint (adult->infant, ==, 1);
  g_assert_true (infant->is_infant);
  g_assert_false (infant->from_ssr);
  g_assert_cmpint (infant->infant_of, ==, 0);
  g_assert_cmpstr (infant->given_names, ==, "LUCIE");
  g_assert_cmpstr (infant->date_of_birth, ==, "2025-01-03");

  /* DOCS for both (the infant's on the adult's reference goes to the infant), DOCO */
  g_assert_cmpuint (first->documents->len, ==, 3);
  doc = ITEM (first->documents, TarmacPnrgovDocument, 0);
  g_assert_cmpstr (doc->code, ==, "DOCS");
  g_assert_cmpstr (doc->type, ==, "P");
  g_assert_cmpstr (doc->issuing_state, ==, "FRA");
  g_assert_cmpstr (doc->number, ==, "17AB12345");
  g_assert_cmpstr (doc->nationality, ==, "FRA");
  g_assert_cmpstr (doc->date_of_birth, ==, "1985-02-14");
  g_assert_cmpstr (doc->sex, ==, "F");
  g_assert_cmpstr (doc->expiry, ==, "2031-11-20");
  g_assert_cmpstr (doc->surname, ==, "VARENNE");
  g_assert_cmpstr (doc->given_names, ==, "ODILE MARIE");
  g_assert_cmpint (doc->traveller, ==, 0);
  doc = ITEM (first->documents, TarmacPnrgovDocument, 1);
  g_assert_cmpstr (doc->sex, ==, "FI");
  g_assert_cmpstr (doc->date_of_birth, ==, "2025-01-03");
  g_assert_cmpint (doc->traveller, ==, 1);
  doc = ITEM (first->documents, TarmacPnrgovDocument, 2);
  g_assert_cmpstr (doc->code, ==, "DOCO");
  g_assert_cmpstr (doc->place_of_birth, ==, "LYON");
  g_assert_cmpstr (doc->type, ==, "V");
  g_assert_cmpstr (doc->number, ==, "X9876543");
  g_assert_cmpstr (doc->place_of_issue, ==, "PARIS");
  g_assert_cmpstr (doc->issue_date, ==, "2026-01-10");
  g_assert_cmpstr (doc->applicable_state, ==, "USA");

  /* contacts: ADD address and phone, OSI e-mail and mobile, DOCA */
  g_assert_cmpuint (first->contacts->len, ==, 5);
  {
    TarmacPnrgovContact *c = ITEM (first->contacts, TarmacPnrgovContact, 0);

    g_assert_cmpint (c->kind, ==, TARMAC_PNRGOV_CONTACT_ADDRESS);
    g_assert_cmpstr (c->street, ==, "12 RUE DES LILAS");
    g_assert_cmpstr (c->city, ==, "PARIS");
    g_assert_cmpstr (c->country, ==, "FR");
    c = ITEM (first->contacts, TarmacPnrgovContact, 1);
    g_assert_cmpint (c->kind, ==, TARMAC_PNRGOV_CONTACT_PHONE);
    g_assert_cmpstr (c->value, ==, "33155550101");
    c = ITEM (first->contacts, TarmacPnrgovContact, 2);
    g_assert_cmpint (c->kind, ==, TARMAC_PNRGOV_CONTACT_EMAIL);
    g_assert_cmpstr (c->value, ==, "ODILE.VARENNE@EXAMPLE.ORG");
    c = ITEM (first->contacts, TarmacPnrgovContact, 3);
    g_assert_cmpint (c->kind, ==, TARMAC_PNRGOV_CONTACT_PHONE);
    g_assert_cmpstr (c->source, ==, "CTCM");
    c = ITEM (first->contacts, TarmacPnrgovContact, 4);
    g_assert_cmpstr (c->source, ==, "DOCA");
    g_assert_cmpstr (c->postcode, ==, "75011");
    g_assert_cmpint (c->traveller, ==, 0);
  }
  g_assert_cmpuint (first->remarks->len, ==, 1);

  /* itinerary */
  g_assert_cmpuint (first->segments->len, ==, 2);
  seg = ITEM (first->segments, TarmacPnrgovSegment, 0);
  g_assert_cmpstr (seg->booking_class, ==, "Y");
  g_assert_cmpstr (seg->status, ==, "HK");
  g_assert_cmpint (seg->number_in_party, ==, 2);
  g_assert_cmpstr (seg->aircraft, ==, "320");
  g_assert_cmpstr (seg->check_in, ==, "2026-03-12T07:45");
  g_assert_cmpstr (seg->arrival, ==, "2026-03-12T11:30");
  seg = ITEM (first->segments, TarmacPnrgovSegment, 1);
  g_assert_cmpstr (seg->origin, ==, "LIS");
  g_assert_cmpstr (seg->destination, ==, "ORY");
  g_assert_cmpstr (seg->flight_number, ==, "124");
  g_assert_cmpstr (seg->departure, ==, "2026-03-15T18:00");

  /* ticket, seats, bags, history */
  g_assert_cmpuint (first->tickets->len, ==, 1);
  g_assert_cmpstr (ITEM (first->tickets, TarmacPnrgovTicket, 0)->number, ==, "1234567890123");
  g_assert_cmpstr (ITEM (first->tickets, TarmacPnrgovTicket, 0)->total, ==, "389.20");
  g_assert_cmpstr (ITEM (first->tickets, TarmacPnrgovTicket, 0)->issued, ==, "2026-03-03T09:30");
  g_assert_cmpuint (first->seats->len, ==, 2);
  g_assert_cmpstr (ITEM (first->seats, TarmacPnrgovSeat, 0)->seat, ==, "14C");
  g_assert_cmpstr (ITEM (first->seats, TarmacPnrgovSeat, 1)->source, ==, "SSD");
  g_assert_cmpint (ITEM (first->seats, TarmacPnrgovSeat, 1)->traveller, ==, 0);
  g_assert_cmpint (ITEM (first->seats, TarmacPnrgovSeat, 1)->segment, ==, 0);
  g_assert_cmpuint (first->bags->len, ==, 2);
  {
    TarmacPnrgovBags *excess = ITEM (first->bags, TarmacPnrgovBags, 0);
    TarmacPnrgovBags *bags = ITEM (first->bags, TarmacPnrgovBags, 1);

    g_assert_true (excess->excess);
    g_assert_cmpstr (excess->amount, ==, "60.00");
    g_assert_false (bags->excess);
    g_assert_cmpint (bags->count, ==, 2);
    g_assert_cmpfloat (bags->weight, ==, 31);
    g_assert_cmpstr (bags->weight_unit, ==, "701");
    g_assert_cmpuint (bags->tags->len, ==, 2);
    g_assert_cmpstr (g_ptr_array_index (bags->tags, 1), ==, "ZX0057123457");
    g_assert_cmpint (bags->traveller, ==, 0);
    g_assert_cmpint (bags->segment, ==, 0);
  }
  g_assert_cmpuint (first->history->len, ==, 2);
  g_assert_cmpstr (ITEM (first->history, TarmacPnrgovHistory, 0)->text, ==,
                   "0/O/SS/ZX 123 Y 12MAR ORYLIS HK2");
  /* a card number in free text is masked too */
  g_assert_cmpstr (ITEM (first->history, TarmacPnrgovHistory, 1)->text, ==,
                   "1/FP CCVIXXXXXXXXXXXX1111/0829");

  /* the second PNR: an infant given only by SSR INFT, COM contacts */
  second = pnr (msg, 1);
  g_assert_cmpstr (second->record_locator, ==, "ASDFGH");
  g_assert_cmpuint (second->travellers->len, ==, 2);
  infant = ITEM (second->travellers, TarmacPnrgovTraveller, 1);
  g_assert_true (infant->is_infant);
  g_assert_true (infant->from_ssr);
  g_assert_cmpstr (infant->surname, ==, "MORAIS");
  g_assert_cmpstr (infant->given_names, ==, "TIAGO");
  g_assert_cmpstr (infant->date_of_birth, ==, "2025-06-15");
  g_assert_cmpint (infant->infant_of, ==, 0);
  g_assert_cmpint (ITEM (second->travellers, TarmacPnrgovTraveller, 0)->infant, ==, 1);
  g_assert_cmpuint (second->contacts->len, ==, 2);
  g_assert_cmpint (ITEM (second->contacts, TarmacPnrgovContact, 1)->kind, ==,
                   TARMAC_PNRGOV_CONTACT_EMAIL);
  g_assert_cmpuint (second->segments->len, ==, 2);
  g_assert_cmpstr (ITEM (second->documents, TarmacPnrgovDocument, 0)->type, ==, "I");
}

static void
test_pnrgov_card (void)
{
  g_auto(Parse) parse = { 0 };
  g_autofree char *dump = NULL;
  g_autofree char *expected = NULL;
  TarmacPnrgovPayment *first, *second;

  parse_fixture (&parse, "two_pnrs.edi");
  first = ITEM (pnr (message (&parse, 0), 0)->payments, TarmacPnrgovPayment, 0);
  second = ITEM (pnr (message (&parse, 0), 1)->payments, TarmacPnrgovPayment, 0);

  g_assert_cmpstr (first->type, ==, "CC");
  g_assert_cmpstr (first->card_vendor, ==, "VI");
  g_assert_cmpstr (first->card_last_four, ==, "1111");
  g_assert_cmpstr (first->card_expiry, ==, "0829");
  g_assert_cmpstr (first->amount, ==, "389.20");
  g_assert_cmpstr (first->holder, ==, "ODILE VARENNE 12 RUE DES LILAS PARIS 33155550101");
  g_assert_null (first->reference);
  expected = g_compute_hmac_for_string (G_CHECKSUM_SHA256, (const guchar *) CARD_KEY,
                                        strlen (CARD_KEY), FULL_CARD, -1);
  g_assert_cmpstr (first->card_hash, ==, expected);
  /* the same card in two PNRs links by its hash */
  g_assert_cmpstr (second->card_hash, ==, first->card_hash);

  dump = dump_parse (&parse);
  g_assert_nonnull (strstr (dump, "ODILE.VARENNE@EXAMPLE.ORG"));
  g_assert_null (strstr (dump, FULL_CARD));
  g_assert_null (strstr (dump, "411111111111"));
}

static void
test_pnrgov_bad_dates (void)
{
  g_auto(Parse) parse = { 0 };
  TarmacPnrgovPnr *r;
  TarmacPnrgovDocument *doc;

  parse_fixture (&parse, "bad_dates.edi");
  print_warnings (&parse);
  r = pnr (message (&parse, 0), 0);

  /* TVL 320326 only reads as YYMMDD; RCI 350326 likewise, with an unreadable time */
  g_assert_cmpstr (message (&parse, 0)->flight->departure, ==, "2032-03-26T09:00");
  g_assert_cmpstr (r->created_at, ==, "2035-03-26");
  g_assert_cmpstr (r->modified_at, ==, "2026-03-09T10:00");
  g_assert_cmpstr (message (&parse, 0)->pushed_at, ==, "2026-03-10T08:15");
  g_assert_true (message (&parse, 0)->pushed_at_from_envelope);
  doc = ITEM (r->documents, TarmacPnrgovDocument, 0);
  g_assert_null (doc->date_of_birth);
  g_assert_cmpstr (doc->date_of_birth_raw, ==, "31FEB80");
  g_assert_null (doc->expiry);
  g_assert_cmpstr (doc->number, ==, "99XX00001");
  g_assert_cmpuint (count_warnings (&parse, TARMAC_PNRGOV_WARNING_BAD_DATE), ==, 5);
  g_assert_cmpuint (count_warnings (&parse, TARMAC_PNRGOV_WARNING_UNKNOWN_SEGMENT), ==, 1);
  for (guint i = 0; i < parse.warnings->len; i++)
    g_assert_cmpuint (((TarmacPnrgovWarning *) g_ptr_array_index (parse.warnings, i))->line, >, 1);
}

static void
test_pnrgov_no_structure (void)
{
  static const char paxlst[] = "UNB+UNOA:4+A+B+260310:0815+1'UNH+1+PAXLST:D:05B:UN:IATA'"
                               "BGM+745'UNT+3+1'UNZ+1+1'";
  static const char no_locator[] = "UNH+1+PNRGOV:15:1:IA'SRC'TIF+DOE+JANE:A:1'UNT+4+1'";
  {
    g_auto(Parse) parse = { 0 };

    parse_bytes (&parse, (const guint8 *) "", 0);
    g_assert_false (parse.ok);
  }
  {
    g_auto(Parse) parse = { 0 };

    parse_bytes (&parse, (const guint8 *) paxlst, strlen (paxlst));
    g_assert_error (parse.error, TARMAC_PNRGOV_ERROR, TARMAC_PNRGOV_ERROR_NO_MESSAGE);
  }
  {
    g_auto(Parse) parse = { 0 };

    parse_bytes (&parse, (const guint8 *) no_locator, strlen (no_locator));
    g_assert_no_error (parse.error);
    g_assert_cmpstr (message (&parse, 0)->version, ==, "15.1");
    g_assert_cmpuint (count_warnings (&parse, TARMAC_PNRGOV_WARNING_MISSING_LOCATOR), ==, 1);
  }
}

/* Every sample in ../shared/samples/pnrgov but the XML (read in place, never copied). */
static void
test_pnrgov_samples (void)
{
  static const struct { const char *name; guint n_pnrs; } expected[] = {
    { "2_pnrs_basic.edi", 2 },
    { "3_pnrs.edi", 3 },
    { "pnrWithBags.txt", 127 },
  };
  const char *samples = g_getenv ("TARMAC_SAMPLES_DIR");
  g_autofree char *dir_path = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;
  guint n_files = 0;

  if (samples != NULL)
    dir_path = g_build_filename (samples, "pnrgov", NULL);
  if (dir_path == NULL || !g_file_test (dir_path, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("TARMAC_SAMPLES_DIR/pnrgov is not there");
      return;
    }

  dir = g_dir_open (dir_path, 0, NULL);
  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);
      g_autofree char *contents = NULL;
      g_auto(Parse) parse = { 0 };
      gsize length = 0;
      guint n_pnrs = 0, n_travellers = 0;

      if (g_str_has_suffix (name, ".xml") || g_str_has_suffix (name, ".md"))
        continue;

      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      parse_bytes (&parse, (const guint8 *) contents, length);
      g_assert_no_error (parse.error);

      for (guint i = 0; i < parse.messages->len; i++)
        {
          TarmacPnrgovMessage *m = message (&parse, i);

          for (guint j = 0; j < m->pnrs->len; j++)
            {
              TarmacPnrgovPnr *r = pnr (m, j);

              g_assert_nonnull (r->record_locator);
              n_travellers += r->travellers->len;
            }
          n_pnrs += m->pnrs->len;
        }
      g_test_message ("pnrgov/%s: %u messages, %u PNRs, %u travellers, %u warnings", name,
                      parse.messages->len, n_pnrs, n_travellers, parse.warnings->len);
      print_warnings (&parse);
      g_assert_cmpuint (n_pnrs, >=, 1);
      for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
        if (strcmp (name, expected[i].name) == 0)
          g_assert_cmpuint (n_pnrs, ==, expected[i].n_pnrs);
      n_files++;
    }

  g_assert_cmpuint (n_files, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/pnrgov/two-pnrs", test_pnrgov_two_pnrs);
  g_test_add_func ("/pnrgov/card", test_pnrgov_card);
  g_test_add_func ("/pnrgov/bad-dates", test_pnrgov_bad_dates);
  g_test_add_func ("/pnrgov/no-structure", test_pnrgov_no_structure);
  g_test_add_func ("/pnrgov/samples", test_pnrgov_samples);

  return g_test_run ();
}
