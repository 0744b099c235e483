/* test-paxlst.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "tarmac-paxlst.h"

/* The PAXLST parser against our own messages (tests/data/paxlst, names invented), shaped
 * like the profiles in research/formats.md §2, and against the public samples in
 * ../shared/samples/paxlst when they are there. */

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

  parse->ok = tarmac_paxlst_parse (copy, length, &parse->messages, &parse->warnings,
                                   &parse->error);
  g_assert_true (parse->ok == (parse->error == NULL));
  g_assert_true (parse->ok == (parse->messages != NULL));
}

static void
parse_fixture (Parse      *parse,
               const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "paxlst", name, NULL);
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  parse_bytes (parse, (const guint8 *) contents, length);
  g_assert_no_error (parse->error);
}

static TarmacPaxlstMessage *
message (Parse *parse,
         guint  index)
{
  g_assert_cmpuint (index, <, parse->messages->len);
  return g_ptr_array_index (parse->messages, index);
}

static TarmacPaxlstTraveller *
traveller (TarmacPaxlstMessage *msg,
           guint                index)
{
  g_assert_cmpuint (index, <, msg->travellers->len);
  return g_ptr_array_index (msg->travellers, index);
}

static TarmacPaxlstTravelDocument *
document (TarmacPaxlstTraveller *t,
          guint                  index)
{
  g_assert_cmpuint (index, <, t->documents->len);
  return g_ptr_array_index (t->documents, index);
}

static TarmacPaxlstLeg *
leg (TarmacPaxlstMessage *msg,
     guint                index)
{
  g_assert_cmpuint (index, <, msg->legs->len);
  return g_ptr_array_index (msg->legs, index);
}

static guint
count_warnings (Parse                   *parse,
                TarmacPaxlstWarningCode  code)
{
  guint n = 0;

  for (guint i = 0; i < parse->warnings->len; i++)
    {
      TarmacPaxlstWarning *w = g_ptr_array_index (parse->warnings, i);

      if (w->code == code)
        n++;
    }

  return n;
}

static void
print_warnings (Parse *parse)
{
  for (guint i = 0; i < parse->warnings->len; i++)
    {
      TarmacPaxlstWarning *w = g_ptr_array_index (parse->warnings, i);

      g_test_message ("  line %u (segment %u): [%d] %s", w->line, w->segment_index, w->code,
                      w->message);
    }
}

static void
test_paxlst_d02b_passengers (void)
{
  g_auto(Parse) parse = { 0 };
  TarmacPaxlstMessage *m;
  TarmacPaxlstTraveller *t;
  TarmacPaxlstTravelDocument *d;

  parse_fixture (&parse, "d02b-passengers.edi");
  print_warnings (&parse);
  g_assert_cmpuint (parse.warnings->len, ==, 0);
  g_assert_cmpuint (parse.messages->len, ==, 1);

  m = message (&parse, 0);
  g_assert_cmpstr (m->reference, ==, "M1");
  g_assert_cmpstr (m->version, ==, "D02B");
  g_assert_cmpstr (m->common_access_reference, ==, "XQ0042/260314/0910");
  g_assert_cmpuint (m->part_number, ==, 1);
  g_assert_true (m->is_last_part);
  g_assert_cmpstr (m->sender, ==, "TARMACAIR");
  g_assert_cmpstr (m->recipient, ==, "TESTAPIS");
  g_assert_cmpstr (m->group_sender, ==, "TARMAC AIR");
  g_assert_cmpstr (m->document_code, ==, "745");
  g_assert_cmpint (m->document_type, ==, TARMAC_PAXLST_DOCUMENT_TYPE_PASSENGERS);
  g_assert_cmpstr (m->transaction_reference, ==, "TX0001");
  g_assert_cmpstr (m->reporting_party, ==, "OPS DESK ZETA");
  g_assert_cmpstr (m->carrier, ==, "XQ");
  g_assert_cmpstr (m->flight_number, ==, "0042");
  g_assert_cmpstr (m->flight_id, ==, "XQ0042");
  g_assert_cmpuint (m->legs->len, ==, 1);
  g_assert_cmpstr (leg (m, 0)->departure_airport, ==, "OSL");
  g_assert_cmpstr (leg (m, 0)->departure_qualifier, ==, "125");
  g_assert_cmpstr (leg (m, 0)->departure_time, ==, "2026-03-14T09:10");
  g_assert_cmpstr (leg (m, 0)->departure_time_raw, ==, "2603140910");
  g_assert_cmpstr (leg (m, 0)->arrival_airport, ==, "LIS");
  g_assert_cmpstr (leg (m, 0)->arrival_time, ==, "2026-03-14T13:45");
  g_assert_cmpstr (m->count_qualifier, ==, "42");
  g_assert_cmpint (m->count, ==, 3);
  g_assert_cmpuint (m->travellers->len, ==, 3);

  /* The released apostrophe, all SG4 fields, two documents (passport and visa). */
  t = traveller (m, 0);
  g_assert_cmpint (t->kind, ==, TARMAC_PAXLST_TRAVELLER_PASSENGER);
  g_assert_cmpstr (t->role, ==, "FL");
  g_assert_false (t->in_transit);
  g_assert_cmpstr (t->surname, ==, "O'BRIEN");
  g_assert_cmpstr (t->given_names, ==, "AOIFE MARY");
  g_assert_cmpstr (t->sex, ==, "F");
  g_assert_cmpstr (t->date_of_birth, ==, "1985-04-12");
  g_assert_cmpstr (t->date_of_birth_raw, ==, "850412");
  g_assert_cmpint (t->bag_count, ==, 2);
  g_assert_cmpfloat (t->bag_weight, ==, 31.5);
  g_assert_cmpstr (t->bag_weight_unit, ==, "KGM");
  g_assert_cmpuint (t->bag_tags->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (t->bag_tags, 0), ==, "XQ123456");
  g_assert_cmpstr (t->embarkation, ==, "OSL");
  g_assert_cmpstr (t->debarkation, ==, "LIS");
  g_assert_cmpstr (t->residence, ==, "IRL");
  g_assert_cmpstr (t->birthplace, ==, "CORK");
  g_assert_cmpstr (t->nationality, ==, "IRL");
  g_assert_cmpstr (t->booking_reference, ==, "ZQ7KLM");
  g_assert_cmpstr (t->passenger_reference, ==, "PX0001");
  g_assert_cmpstr (t->seat, ==, "12C");
  g_assert_cmpuint (t->documents->len, ==, 2);
  d = document (t, 0);
  g_assert_cmpstr (d->type, ==, "P");
  g_assert_cmpstr (d->number, ==, "PA1234567");
  g_assert_cmpstr (d->expiry, ==, "2031-01-01");
  g_assert_cmpstr (d->issuing_state, ==, "IRL");
  g_assert_false (d->is_visa);
  d = document (t, 1);
  g_assert_true (d->is_visa);
  g_assert_cmpstr (d->expiry, ==, "2027-06-30");
  g_assert_cmpstr (d->issuing_state, ==, "PRT");

  /* Names as sent and trimmed; pivots: 27 is 1927 for a flight in 2026, 06 is an
   * expired 2006 passport, 26 a 2026 infant. */
  t = traveller (m, 1);
  g_assert_cmpstr (t->surname_raw, ==, "  VANTERPOOL ");
  g_assert_cmpstr (t->surname, ==, "VANTERPOOL");
  g_assert_cmpstr (t->given_names_raw, ==, "  JONAS   ERIK ");
  g_assert_cmpstr (t->given_names, ==, "JONAS ERIK");
  g_assert_cmpstr (t->date_of_birth, ==, "1927-01-01");
  g_assert_cmpstr (document (t, 0)->expiry, ==, "2006-01-01");
  g_assert_cmpint (t->bag_count, ==, -1);
  g_assert_null (t->seat);

  t = traveller (m, 2);
  g_assert_cmpstr (t->date_of_birth, ==, "2026-01-05");
  g_assert_cmpuint (t->documents->len, ==, 0);
}

static void
test_paxlst_d05b_multileg (void)
{
  g_auto(Parse) parse = { 0 };
  TarmacPaxlstMessage *m;
  TarmacPaxlstTraveller *t;

  parse_fixture (&parse, "d05b-multileg.edi");
  print_warnings (&parse);
  g_assert_cmpuint (parse.warnings->len, ==, 0);
  m = message (&parse, 0);
  g_assert_cmpstr (m->version, ==, "D05B");
  g_assert_cmpuint (m->part_number, ==, 0);
  g_assert_true (m->is_last_part);
  g_assert_null (m->group_sender);
  g_assert_cmpuint (m->legs->len, ==, 3);
  g_assert_cmpstr (leg (m, 0)->departure_airport, ==, "TRD");
  g_assert_cmpstr (leg (m, 0)->departure_qualifier, ==, "92");
  g_assert_cmpstr (leg (m, 0)->arrival_airport, ==, "OSL");
  g_assert_cmpstr (leg (m, 0)->arrival_qualifier, ==, "92");
  g_assert_cmpstr (leg (m, 2)->departure_airport, ==, "AMS");
  g_assert_cmpstr (leg (m, 2)->arrival_airport, ==, "MAD");
  g_assert_cmpstr (leg (m, 2)->arrival_time, ==, "2026-04-01T14:00");
  /* The flight is the leg that crosses the border (125/87), not the first one. */
  g_assert_cmpstr (m->carrier, ==, "XQ");
  g_assert_cmpstr (m->flight_number, ==, "77");
  g_assert_cmpstr (leg (m, 1)->departure_airport, ==, "OSL");
  g_assert_cmpstr (leg (m, 1)->arrival_airport, ==, "AMS");

  t = traveller (m, 0);
  g_assert_cmpint (t->kind, ==, TARMAC_PAXLST_TRAVELLER_PASSENGER);
  g_assert_true (t->in_transit);
  g_assert_cmpstr (t->clearance, ==, "AMS");
  g_assert_cmpstr (t->date_of_birth, ==, "1992-02-29");
  g_assert_cmpstr (document (t, 0)->expiry, ==, "2030-06-15");
  g_assert_cmpstr (document (t, 0)->issue_date, ==, "2020-06-15");
  t = traveller (m, 1);
  g_assert_cmpstr (t->date_of_birth, ==, "2001-02-03");
  g_assert_cmpint (m->count, ==, 2);
}

static void
test_paxlst_crew (void)
{
  g_auto(Parse) parse = { 0 };
  TarmacPaxlstMessage *m;

  parse_fixture (&parse, "crew.edi");
  g_assert_cmpuint (parse.warnings->len, ==, 0);
  m = message (&parse, 0);
  g_assert_cmpint (m->document_type, ==, TARMAC_PAXLST_DOCUMENT_TYPE_CREW);
  g_assert_cmpstr (m->document_code, ==, "250");
  g_assert_cmpuint (m->travellers->len, ==, 2);
  g_assert_cmpint (traveller (m, 0)->kind, ==, TARMAC_PAXLST_TRAVELLER_CREW);
  g_assert_cmpstr (traveller (m, 0)->crew_function, ==, "CR1");
  g_assert_false (traveller (m, 0)->in_transit);
  g_assert_cmpint (traveller (m, 1)->kind, ==, TARMAC_PAXLST_TRAVELLER_CREW);
  g_assert_true (traveller (m, 1)->in_transit);
  g_assert_cmpstr (traveller (m, 1)->role, ==, "DDT");
  g_assert_cmpstr (m->count_qualifier, ==, "41");
  g_assert_cmpint (m->count, ==, 2);
}

static void
test_paxlst_multipart (void)
{
  g_auto(Parse) parse = { 0 };
  const guint travellers[] = { 2, 1, 1 };

  parse_fixture (&parse, "multipart.edi");
  g_assert_cmpuint (parse.warnings->len, ==, 0);
  g_assert_cmpuint (parse.messages->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      TarmacPaxlstMessage *m = message (&parse, i);

      g_assert_cmpuint (m->part_number, ==, i + 1);
      g_assert_true (m->is_last_part == (i == 2));
      g_assert_cmpstr (m->common_access_reference, ==, "XQ0099/260601/1200");
      g_assert_cmpstr (m->flight_number, ==, "0099");
      g_assert_cmpuint (m->travellers->len, ==, travellers[i]);
      /* the whole-flight total in every part, kept as sent */
      g_assert_cmpint (m->count, ==, 4);
    }
  g_assert_cmpstr (traveller (message (&parse, 2), 0)->surname, ==, "DUVANOVA");
}

static void
test_paxlst_minimal (void)
{
  g_auto(Parse) parse = { 0 };
  TarmacPaxlstMessage *m;
  TarmacPaxlstTraveller *t;

  parse_fixture (&parse, "minimal.edi");
  g_assert_cmpuint (parse.warnings->len, ==, 0);
  m = message (&parse, 0);
  g_assert_null (m->sender);
  g_assert_null (m->common_access_reference);
  g_assert_null (m->reporting_party);
  g_assert_cmpstr (m->carrier, ==, "XQ");
  g_assert_cmpstr (m->flight_number, ==, "5");
  g_assert_null (leg (m, 0)->departure_airport);
  g_assert_null (m->count_qualifier);
  g_assert_cmpint (m->count, ==, -1);
  t = traveller (m, 0);
  g_assert_cmpstr (t->surname, ==, "SOLBERG");
  g_assert_cmpstr (t->given_names, ==, "");
  g_assert_null (t->date_of_birth);
  g_assert_null (t->sex);
  g_assert_null (t->nationality);
  g_assert_cmpstr (document (t, 0)->number, ==, "NX0000009");
  g_assert_null (document (t, 0)->expiry);
  g_assert_null (document (t, 0)->issuing_state);
}

static void
test_paxlst_bad_dates (void)
{
  g_auto(Parse) parse = { 0 };
  TarmacPaxlstMessage *m;

  parse_fixture (&parse, "bad-dates.edi");
  print_warnings (&parse);
  m = message (&parse, 0);
  g_assert_null (leg (m, 0)->departure_time);
  g_assert_cmpstr (leg (m, 0)->departure_time_raw, ==, "2613011200");
  g_assert_cmpstr (leg (m, 0)->arrival_time, ==, "2026-07-01T13:00");
  g_assert_null (traveller (m, 0)->date_of_birth);
  g_assert_cmpstr (traveller (m, 0)->date_of_birth_raw, ==, "851340");
  g_assert_cmpstr (traveller (m, 1)->date_of_birth, ==, "1985-11-01");
  g_assert_null (document (traveller (m, 1), 0)->expiry);
  g_assert_cmpstr (document (traveller (m, 1), 0)->expiry_raw, ==, "31-12-30");
  g_assert_cmpint (m->count, ==, -1);

  /* three unreadable dates, two read in another format */
  g_assert_cmpuint (count_warnings (&parse, TARMAC_PAXLST_WARNING_BAD_DATE), ==, 5);
  g_assert_cmpuint (count_warnings (&parse, TARMAC_PAXLST_WARNING_UNKNOWN_SEGMENT), ==, 1);
  g_assert_cmpuint (count_warnings (&parse, TARMAC_PAXLST_WARNING_UNKNOWN_QUALIFIER), ==, 1);
  g_assert_cmpuint (count_warnings (&parse, TARMAC_PAXLST_WARNING_BAD_NUMBER), ==, 1);
  g_assert_cmpuint (parse.warnings->len, ==, 8);

  /* positions: the unknown segment XYZ is on line 10 */
  for (guint i = 0; i < parse.warnings->len; i++)
    {
      TarmacPaxlstWarning *w = g_ptr_array_index (parse.warnings, i);

      if (w->code == TARMAC_PAXLST_WARNING_UNKNOWN_SEGMENT)
        {
          g_assert_cmpuint (w->line, ==, 10);
          g_assert_cmpuint (w->segment_index, ==, 9);
          g_assert_nonnull (strstr (w->message, "XYZ"));
        }
    }
}

static void
test_paxlst_no_structure (void)
{
  const char *pnrgov = "UNH+1+PNRGOV:11:1:IA+X'MSG+:22'UNT+3+1'";
  const char *mixed = "UNH+1+PNRGOV:11:1:IA+X'MSG+:22'UNT+3+1'"
                      "UNH+2+PAXLST:D:05B:UN:IATA'BGM+745'TDT+20+XQ1'NAD+FL+++DOE:JO'UNT+5+2'";
  const char *stray = "UNH+1+PAXLST:D:05B:UN:IATA'BGM+745'UNT+3+1'NAD+FL+++LATE:ONE'";
  const char *split_cnt = "UNH+1+PAXLST:D:05B:UN:IATA'BGM+250'NAD+FM+++CREW:ONE'CNT+41+8'UNT+5+1'";

  {
    g_auto(Parse) parse = { 0 };

    parse_bytes (&parse, (const guint8 *) "", 0);
    g_assert_error (parse.error, TARMAC_EDIFACT_ERROR, TARMAC_EDIFACT_ERROR_NOT_EDIFACT);
  }
  {
    g_auto(Parse) parse = { 0 };

    parse_bytes (&parse, (const guint8 *) pnrgov, strlen (pnrgov));
    g_assert_error (parse.error, TARMAC_PAXLST_ERROR, TARMAC_PAXLST_ERROR_NO_MESSAGE);
    g_assert_null (parse.warnings);
  }
  {
    g_auto(Parse) parse = { 0 };

    parse_bytes (&parse, (const guint8 *) mixed, strlen (mixed));
    g_assert_no_error (parse.error);
    g_assert_cmpuint (parse.messages->len, ==, 1);
    g_assert_cmpuint (count_warnings (&parse, TARMAC_PAXLST_WARNING_OTHER_MESSAGE), ==, 1);
    g_assert_cmpstr (message (&parse, 0)->reference, ==, "2");
    g_assert_cmpstr (traveller (message (&parse, 0), 0)->given_names, ==, "JO");
  }
  {
    g_auto(Parse) parse = { 0 };

    /* A header-only message, then a NAD outside any message. */
    parse_bytes (&parse, (const guint8 *) stray, strlen (stray));
    g_assert_no_error (parse.error);
    g_assert_cmpuint (message (&parse, 0)->travellers->len, ==, 0);
    g_assert_cmpuint (count_warnings (&parse, TARMAC_PAXLST_WARNING_OUT_OF_PLACE), ==, 1);
  }
  {
    g_auto(Parse) parse = { 0 };

    /* CNT+41+8: read, with a warning */
    parse_bytes (&parse, (const guint8 *) split_cnt, strlen (split_cnt));
    g_assert_no_error (parse.error);
    g_assert_cmpint (message (&parse, 0)->count, ==, 8);
    g_assert_cmpuint (count_warnings (&parse, TARMAC_PAXLST_WARNING_BAD_NUMBER), ==, 1);
  }
}

static const char *
or_dash (const char *value)
{
  return value != NULL ? value : "-";
}

/* Every sample in ../shared/samples/paxlst (read in place, never copied). */
static void
test_paxlst_samples (void)
{
  const char *samples = g_getenv ("TARMAC_SAMPLES_DIR");
  g_autofree char *dir_path = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;
  guint n_files = 0;

  if (samples != NULL)
    dir_path = g_build_filename (samples, "paxlst", NULL);
  if (dir_path == NULL || !g_file_test (dir_path, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("TARMAC_SAMPLES_DIR/paxlst is not there");
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
      guint n_travellers = 0;

      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      parse_bytes (&parse, (const guint8 *) contents, length);
      g_assert_no_error (parse.error);

      for (guint i = 0; i < parse.messages->len; i++)
        {
          TarmacPaxlstMessage *m = message (&parse, i);
          gboolean header_only = m->count == 0;

          n_travellers += m->travellers->len;
          g_test_message ("paxlst/%s: message %s %s BGM %s part %u%s, flight %s/%s, "
                          "%u legs, %u travellers, CNT %d",
                          name, or_dash (m->reference), or_dash (m->version),
                          or_dash (m->document_code), m->part_number,
                          m->is_last_part ? " (last)" : "", or_dash (m->carrier),
                          or_dash (m->flight_number),
                          m->legs->len, m->travellers->len, m->count);
          if (!header_only)
            g_assert_cmpuint (m->travellers->len, >=, 1);
          /* The CBP ACE land-border profile (D03B) has no flight (formats.md §2.1). */
          if (g_strcmp0 (m->version, "D03B") != 0)
            g_assert_nonnull (m->flight_number);
        }
      g_test_message ("paxlst/%s: %u messages, %u travellers, %u warnings", name,
                      parse.messages->len, n_travellers, parse.warnings->len);
      print_warnings (&parse);
      n_files++;
    }

  g_assert_cmpuint (n_files, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/paxlst/d02b-passengers", test_paxlst_d02b_passengers);
  g_test_add_func ("/paxlst/d05b-multileg", test_paxlst_d05b_multileg);
  g_test_add_func ("/paxlst/crew", test_paxlst_crew);
  g_test_add_func ("/paxlst/multipart", test_paxlst_multipart);
  g_test_add_func ("/paxlst/minimal", test_paxlst_minimal);
  g_test_add_func ("/paxlst/bad-dates", test_paxlst_bad_dates);
  g_test_add_func ("/paxlst/no-structure", test_paxlst_no_structure);
  g_test_add_func ("/paxlst/samples", test_paxlst_samples);

  return g_test_run ();
}
