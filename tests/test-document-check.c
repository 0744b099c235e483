/* test-document-check.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "tarmac-document-check.h"
#include "tarmac-mrz.h"

/* The MRZ reader and the document checks. Vectors: the ICAO Doc 9303 specimens quoted in
 * research/formats.md §5 (their digits are the standard's, not ours), and zones we wrote
 * for people who do not exist, with digits worked out by hand outside this code. */

#define TD3_SPECIMEN "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n" \
                     "L898902C36UTO7408122F1204159ZE184226B<<<<<10"
/* A Dutch-style passport of an invented holder, optional data all filler. */
#define TD3_FILLER   "P<NLDDE<VRIES<<JAN<PIETER<<<<<<<<<<<<<<<<<<<\n" \
                     "AB12345671NLD8502289M3001019<<<<<<<<<<<<<<<4"

static void
test_check_digit (void)
{
  /* §5.1's worked example and the specimen's other fields. */
  g_assert_cmpint (tarmac_mrz_check_digit ("L898902C3", 9), ==, 6);
  g_assert_cmpint (tarmac_mrz_check_digit ("740812", 6), ==, 2);
  g_assert_cmpint (tarmac_mrz_check_digit ("120415", 6), ==, 9);
  g_assert_cmpint (tarmac_mrz_check_digit ("ZE184226B<<<<<", 14), ==, 1);
  g_assert_cmpint (tarmac_mrz_check_digit ("D23145890734", 12), ==, 9);
  g_assert_cmpint (tarmac_mrz_check_digit ("<<<<", 4), ==, 0);
  g_assert_cmpint (tarmac_mrz_check_digit ("", 0), ==, 0);
  g_assert_cmpint (tarmac_mrz_check_digit ("AB-1", 4), ==, -1);
  g_assert_cmpint (tarmac_mrz_check_digit ("ab", 2), ==, -1);
}

static void
assert_all_valid (const TarmacMrz *mrz)
{
  for (guint i = 0; i < TARMAC_MRZ_N_FIELDS; i++)
    g_assert_cmpint (mrz->checks[i], !=, TARMAC_MRZ_VERDICT_INVALID);
  g_assert_true (tarmac_mrz_is_valid (mrz));
}

static void
test_td3 (void)
{
  g_autoptr(GError) error = NULL;
  TarmacMrz mrz;

  g_assert_true (tarmac_mrz_parse (TD3_SPECIMEN, &mrz, &error));
  g_assert_no_error (error);
  g_assert_cmpint (mrz.format, ==, TARMAC_MRZ_FORMAT_TD3);
  g_assert_cmpstr (mrz.document_code, ==, "P");
  g_assert_cmpstr (mrz.issuing_state, ==, "UTO");
  g_assert_cmpstr (mrz.document_number, ==, "L898902C3");
  g_assert_cmpstr (mrz.nationality, ==, "UTO");
  g_assert_cmpstr (mrz.birth_date, ==, "740812");
  g_assert_cmpint (mrz.sex, ==, 'F');
  g_assert_cmpstr (mrz.expiry, ==, "120415");
  g_assert_cmpstr (mrz.optional_data, ==, "ZE184226B");
  g_assert_cmpstr (mrz.primary_name, ==, "ERIKSSON");
  g_assert_cmpstr (mrz.secondary_names, ==, "ANNA MARIA");
  g_assert_false (mrz.name_truncated);
  g_assert_cmpuint (mrz.n_corrections, ==, 0);
  for (guint i = 0; i < TARMAC_MRZ_N_FIELDS; i++)
    g_assert_cmpint (mrz.checks[i], ==, TARMAC_MRZ_VERDICT_VALID);
  assert_all_valid (&mrz);

  /* The optional data's digit off by one: that check and the composite fail, no other. */
  g_assert_true (tarmac_mrz_parse ("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n"
                                   "L898902C36UTO7408122F1204159ZE184226B<<<<<20", &mrz, NULL));
  g_assert_cmpint (mrz.checks[TARMAC_MRZ_FIELD_DOCUMENT_NUMBER], ==, TARMAC_MRZ_VERDICT_VALID);
  g_assert_cmpint (mrz.checks[TARMAC_MRZ_FIELD_BIRTH_DATE], ==, TARMAC_MRZ_VERDICT_VALID);
  g_assert_cmpint (mrz.checks[TARMAC_MRZ_FIELD_EXPIRY], ==, TARMAC_MRZ_VERDICT_VALID);
  g_assert_cmpint (mrz.checks[TARMAC_MRZ_FIELD_OPTIONAL], ==, TARMAC_MRZ_VERDICT_INVALID);
  g_assert_cmpint (mrz.checks[TARMAC_MRZ_FIELD_COMPOSITE], ==, TARMAC_MRZ_VERDICT_INVALID);
  g_assert_false (tarmac_mrz_is_valid (&mrz));

  /* Run together, in lower case, with CR LF: the same zone. */
  g_assert_true (tarmac_mrz_parse ("p<utoeriksson<<anna<maria<<<<<<<<<<<<<<<<<<<"
                                   "l898902c36uto7408122f1204159ze184226b<<<<<10", &mrz, NULL));
  g_assert_cmpstr (mrz.document_number, ==, "L898902C3");
  assert_all_valid (&mrz);
  g_assert_true (tarmac_mrz_parse ("  P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\r\n"
                                   "L898902C36UTO7408122F1204159ZE184226B<<<<<10\r\n",
                                   &mrz, NULL));
  assert_all_valid (&mrz);
}

static void
test_td3_filler (void)
{
  TarmacMrz mrz;

  /* Optional data all filler with `<` as its check digit: allowed (§5.5). */
  g_assert_true (tarmac_mrz_parse (TD3_FILLER, &mrz, NULL));
  g_assert_cmpint (mrz.checks[TARMAC_MRZ_FIELD_OPTIONAL], ==, TARMAC_MRZ_VERDICT_FILLER);
  g_assert_cmpint (mrz.checks[TARMAC_MRZ_FIELD_COMPOSITE], ==, TARMAC_MRZ_VERDICT_VALID);
  g_assert_cmpstr (mrz.primary_name, ==, "DE VRIES");
  g_assert_cmpstr (mrz.secondary_names, ==, "JAN PIETER");
  g_assert_cmpstr (mrz.optional_data, ==, "");
  assert_all_valid (&mrz);

  /* The same with data in it and its digit: checked. */
  g_assert_true (tarmac_mrz_parse ("P<NLDDE<VRIES<<JAN<PIETER<<<<<<<<<<<<<<<<<<<\n"
                                   "AB12345671NLD8502289M3001019BSN123456<<<<<92", &mrz, NULL));
  g_assert_cmpint (mrz.checks[TARMAC_MRZ_FIELD_OPTIONAL], ==, TARMAC_MRZ_VERDICT_VALID);
  g_assert_cmpstr (mrz.optional_data, ==, "BSN123456");
  assert_all_valid (&mrz);

  /* `<` as the digit of data that is not filler is wrong. */
  g_assert_true (tarmac_mrz_parse ("P<NLDDE<VRIES<<JAN<PIETER<<<<<<<<<<<<<<<<<<<\n"
                                   "AB12345671NLD8502289M3001019BSN123456<<<<<<2", &mrz, NULL));
  g_assert_cmpint (mrz.checks[TARMAC_MRZ_FIELD_OPTIONAL], ==, TARMAC_MRZ_VERDICT_INVALID);

  /* A TD3 has no long-number form: `<` as the number's digit fails. */
  g_assert_true (tarmac_mrz_parse ("P<NLDDE<VRIES<<JAN<PIETER<<<<<<<<<<<<<<<<<<<\n"
                                   "AB1234567<NLD8502289M3001019<<<<<<<<<<<<<<<4", &mrz, NULL));
  g_assert_cmpint (mrz.checks[TARMAC_MRZ_FIELD_DOCUMENT_NUMBER], ==,
                   TARMAC_MRZ_VERDICT_INVALID);
}

static void
test_td1 (void)
{
  TarmacMrz mrz;

  /* §5.2's verified long number: nine characters, `<`, the rest and its digit. */
  g_assert_true (tarmac_mrz_parse ("I<UTOD23145890<7349<<<<<<<<<<<\n"
                                   "3407127M9507122UTO<<<<<<<<<<<2\n"
                                   "STEVENSON<<PETER<JOHN<<<<<<<<<", &mrz, NULL));
  g_assert_cmpint (mrz.format, ==, TARMAC_MRZ_FORMAT_TD1);
  g_assert_cmpstr (mrz.document_number, ==, "D23145890734");
  g_assert_cmpstr (mrz.optional_data, ==, "");
  g_assert_cmpstr (mrz.birth_date, ==, "340712");
  g_assert_cmpint (mrz.sex, ==, 'M');
  g_assert_cmpstr (mrz.expiry, ==, "950712");
  g_assert_cmpstr (mrz.nationality, ==, "UTO");
  g_assert_cmpstr (mrz.primary_name, ==, "STEVENSON");
  g_assert_cmpstr (mrz.secondary_names, ==, "PETER JOHN");
  g_assert_cmpint (mrz.checks[TARMAC_MRZ_FIELD_OPTIONAL], ==, TARMAC_MRZ_VERDICT_ABSENT);
  assert_all_valid (&mrz);

  /* The long number's digit changed: the number and the composite fail. */
  g_assert_true (tarmac_mrz_parse ("I<UTOD23145890<7348<<<<<<<<<<<\n"
                                   "3407127M9507122UTO<<<<<<<<<<<2\n"
                                   "STEVENSON<<PETER<JOHN<<<<<<<<<", &mrz, NULL));
  g_assert_cmpint (mrz.checks[TARMAC_MRZ_FIELD_DOCUMENT_NUMBER], ==,
                   TARMAC_MRZ_VERDICT_INVALID);
  g_assert_cmpint (mrz.checks[TARMAC_MRZ_FIELD_COMPOSITE], ==, TARMAC_MRZ_VERDICT_INVALID);

  /* `<` in the number's check position with nothing after it. */
  g_assert_true (tarmac_mrz_parse ("I<UTOD23145890<<<<<<<<<<<<<<<<\n"
                                   "3407127M9507122UTO<<<<<<<<<<<2\n"
                                   "STEVENSON<<PETER<JOHN<<<<<<<<<", &mrz, NULL));
  g_assert_cmpint (mrz.checks[TARMAC_MRZ_FIELD_DOCUMENT_NUMBER], ==,
                   TARMAC_MRZ_VERDICT_INVALID);
}

static void
test_td2_and_visas (void)
{
  TarmacMrz mrz;

  g_assert_true (tarmac_mrz_parse ("I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<\n"
                                   "D231458907UTO7408122F1204159<<<<<<<6", &mrz, NULL));
  g_assert_cmpint (mrz.format, ==, TARMAC_MRZ_FORMAT_TD2);
  g_assert_cmpstr (mrz.document_number, ==, "D23145890");
  assert_all_valid (&mrz);

  /* TD2 long number (Part 6), digits worked out by hand. */
  g_assert_true (tarmac_mrz_parse ("I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<\n"
                                   "D23145890<UTO7408122F12041597349<<<2", &mrz, NULL));
  g_assert_cmpstr (mrz.document_number, ==, "D23145890734");
  assert_all_valid (&mrz);

  /* ICAO's visa specimens: no composite, optional data to the end of the line. */
  g_assert_true (tarmac_mrz_parse ("V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n"
                                   "L8988901C4XXX4009078F96121096ZE184226B<<<<<<", &mrz, NULL));
  g_assert_cmpint (mrz.format, ==, TARMAC_MRZ_FORMAT_MRV_A);
  g_assert_cmpstr (mrz.document_number, ==, "L8988901C");
  g_assert_cmpstr (mrz.nationality, ==, "XXX");
  g_assert_cmpstr (mrz.optional_data, ==, "6ZE184226B");
  g_assert_cmpint (mrz.checks[TARMAC_MRZ_FIELD_COMPOSITE], ==, TARMAC_MRZ_VERDICT_ABSENT);
  g_assert_cmpint (mrz.checks[TARMAC_MRZ_FIELD_OPTIONAL], ==, TARMAC_MRZ_VERDICT_ABSENT);
  assert_all_valid (&mrz);

  g_assert_true (tarmac_mrz_parse ("V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<\n"
                                   "L8988901C4XXX4009078F9612109<<<<<<<<", &mrz, NULL));
  g_assert_cmpint (mrz.format, ==, TARMAC_MRZ_FORMAT_MRV_B);
  assert_all_valid (&mrz);

  g_assert_true (tarmac_mrz_parse ("V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<\n"
                                   "L8988901C4XXX4009078F9612108<<<<<<<<", &mrz, NULL));
  g_assert_cmpint (mrz.checks[TARMAC_MRZ_FIELD_EXPIRY], ==, TARMAC_MRZ_VERDICT_INVALID);
}

static void
test_ocr (void)
{
  TarmacMrz mrz;

  /* Digit-only fields read O, I, Z, S, B, G as digits; the state and the name read digits
   * as letters. */
  g_assert_true (tarmac_mrz_parse ("P<UT0ERIK55ON<<ANNA<MAR1A<<<<<<<<<<<<<<<<<<<\n"
                                   "L898902C36UTO740BIZZF12041S9ZE184226B<<<<<1O", &mrz, NULL));
  g_assert_cmpuint (mrz.n_corrections, ==, 10);
  g_assert_cmpstr (mrz.issuing_state, ==, "UTO");
  g_assert_cmpstr (mrz.birth_date, ==, "740812");
  g_assert_cmpstr (mrz.expiry, ==, "120415");
  g_assert_cmpstr (mrz.primary_name, ==, "ERIKSSON");
  g_assert_cmpstr (mrz.secondary_names, ==, "ANNA MARIA");
  assert_all_valid (&mrz);

  /* A confusion inside the document number is not resolved (it admits letters and
   * digits): the number's digit fails, as it should. */
  g_assert_true (tarmac_mrz_parse ("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n"
                                   "L8989O2C36UTO7408122F1204159ZE184226B<<<<<10", &mrz, NULL));
  g_assert_cmpstr (mrz.document_number, ==, "L8989O2C3");
  g_assert_cmpuint (mrz.n_corrections, ==, 0);
  g_assert_cmpint (mrz.checks[TARMAC_MRZ_FIELD_DOCUMENT_NUMBER], ==,
                   TARMAC_MRZ_VERDICT_INVALID);
}

static void
test_dates_and_truncation (void)
{
  TarmacMrz mrz;

  /* Month 13 with a matching digit: the digit is right, the date is not. */
  g_assert_true (tarmac_mrz_parse ("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n"
                                   "L898902C36UTO7413128F1204159ZE184226B<<<<<10", &mrz, NULL));
  g_assert_cmpint (mrz.checks[TARMAC_MRZ_FIELD_BIRTH_DATE], ==, TARMAC_MRZ_VERDICT_VALID);
  g_assert_false (mrz.birth_date_ok);
  g_assert_false (tarmac_mrz_is_valid (&mrz));

  /* A name that fills the field to its end may have been cut. */
  g_assert_true (tarmac_mrz_parse ("P<UTOVAN<DER<BERGHE<MONTGOMERY<<JOSEPHINE<AL\n"
                                   "L898902C36UTO7408122F1204159ZE184226B<<<<<10", &mrz, NULL));
  g_assert_true (mrz.name_truncated);
  g_assert_cmpstr (mrz.primary_name, ==, "VAN DER BERGHE MONTGOMERY");
  g_assert_cmpstr (mrz.secondary_names, ==, "JOSEPHINE AL");
}

static void
test_refused (void)
{
  static const struct
  {
    const char *text;
    int         code;
  } cases[] = {
    { "", TARMAC_MRZ_ERROR_LAYOUT },
    { "   \n ", TARMAC_MRZ_ERROR_LAYOUT },
    { "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", TARMAC_MRZ_ERROR_LAYOUT },
    /* one line a character short */
    { "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<\n"
      "L898902C36UTO7408122F1204159ZE184226B<<<<<10", TARMAC_MRZ_ERROR_LAYOUT },
    /* four lines */
    { "A\nB\nC\nD", TARMAC_MRZ_ERROR_LAYOUT },
    { "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n"
      "L898902C36UTO7408122F1204159ZE184226B<<<<<10\n"
      "L898902C36UTO7408122F1204159ZE184226B<<<<<10", TARMAC_MRZ_ERROR_LAYOUT },
    { "P<UTOERIKSSON<<ANNA<MARÍA<<<<<<<<<<<<<<<<<<\n"
      "L898902C36UTO7408122F1204159ZE184226B<<<<<10", TARMAC_MRZ_ERROR_CHARACTERS },
    { "P<UTOERIKSSON-ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n"
      "L898902C36UTO7408122F1204159ZE184226B<<<<<10", TARMAC_MRZ_ERROR_CHARACTERS },
    /* not an ICAO code: a driving licence, a passport code on a visa layout's line */
    { "FACHE305142128097<<800126<<<<<\n"
      "MARCHAND<<FABIENNE<<<<<<<<<<<<\n"
      "FACHE305142128097<<800126<<<<<", TARMAC_MRZ_ERROR_DOCUMENT_CODE },
    { "P<UTOD23145890<7349<<<<<<<<<<<\n"
      "3407127M9507122UTO<<<<<<<<<<<2\n"
      "STEVENSON<<PETER<JOHN<<<<<<<<<", TARMAC_MRZ_ERROR_DOCUMENT_CODE },
  };
  g_autofree char *huge = NULL;
  TarmacMrz mrz;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (tarmac_mrz_parse (cases[i].text, &mrz, &error));
      g_assert_error (error, TARMAC_MRZ_ERROR, cases[i].code);
    }

  huge = g_strnfill (100000, '<');
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (tarmac_mrz_parse (huge, &mrz, &error));
    g_assert_error (error, TARMAC_MRZ_ERROR, TARMAC_MRZ_ERROR_LAYOUT);
  }
}

/* Every prefix of a valid zone, and each byte replaced: no crash, no overrun (the
 * sanitizer and valgrind setups watch this one). */
static void
test_damaged (void)
{
  const char *zone = TD3_SPECIMEN;
  gsize length = strlen (zone);
  TarmacMrz mrz;

  for (gsize i = 0; i <= length; i++)
    {
      g_autofree char *prefix = g_strndup (zone, i);

      (void) tarmac_mrz_parse (prefix, &mrz, NULL);
    }
  for (gsize i = 0; i < length; i++)
    for (guint c = 1; c < 256; c += 7)
      {
        g_autofree char *copy = g_strdup (zone);

        copy[i] = (char) c;
        if (tarmac_mrz_parse (copy, &mrz, NULL))
          g_assert_cmpint (mrz.format, !=, TARMAC_MRZ_FORMAT_UNKNOWN);
      }
}

static void
test_normalise (void)
{
  char out[8];
  g_autofree char *a = tarmac_document_number_normalise (" ab-12.34/56 ");
  g_autofree char *b = tarmac_document_number_normalise ("L898902C<<");
  g_autofree char *c = tarmac_document_number_normalise ("№ O1 Ì9");
  g_autofree char *d = tarmac_document_number_normalise (NULL);
  g_autofree char *e = tarmac_document_number_normalise ("1234567890123456789012345678901234567890");

  g_assert_cmpstr (a, ==, "AB123456");
  g_assert_cmpstr (b, ==, "L898902C");
  /* O and 0 stay apart: a document number admits both. */
  g_assert_cmpstr (c, ==, "O19");
  g_assert_cmpstr (d, ==, "");
  g_assert_cmpuint (strlen (e), ==, TARMAC_DOCUMENT_NUMBER_MAX);

  g_assert_cmpuint (tarmac_document_number_normalise_into ("abcdefghijk", out, sizeof out),
                    ==, 7);
  g_assert_cmpstr (out, ==, "ABCDEFG");
}

static gboolean
has_finding (const TarmacDocumentCheck *check,
             const char                *code,
             const char                *detail)
{
  for (guint i = 0; i < check->n_findings; i++)
    if (strcmp (check->findings[i].code, code) == 0 &&
        (detail == NULL || strcmp (check->findings[i].detail, detail) == 0))
      return TRUE;
  return FALSE;
}

static void
test_document (void)
{
  TarmacDocumentCheck check;
  TarmacDocumentFacts facts = {
    .type = "P",
    .number = "L898902C3",
    .issuing_state = "UTO",
    .expiry = "2012-04-15",
    .surname = "Eriksson",
    .given_names = "Anna Maria",
    .date_of_birth = "1974-08-12",
  };

  tarmac_document_check (&facts, "2012-04-15", &check);
  g_assert_cmpuint (check.n_findings, ==, 0);
  g_assert_cmpstr (check.verdict, ==, "valid");

  /* Expired the day before the flight. */
  tarmac_document_check (&facts, "2012-04-16", &check);
  g_assert_cmpuint (check.n_findings, ==, 1);
  g_assert_true (has_finding (&check, "document-expired", "2012-04-15"));
  g_assert_cmpstr (check.verdict, ==, "invalid");

  /* Nothing to check against: unchecked, not valid. */
  tarmac_document_check (&facts, NULL, &check);
  g_assert_cmpstr (check.verdict, ==, "unchecked");

  /* Impossible numbers. */
  facts.number = "L89#8902";
  tarmac_document_check (&facts, "2012-01-01", &check);
  g_assert_true (has_finding (&check, "document-number-invalid", "characters"));
  facts.number = "--//";
  tarmac_document_check (&facts, "2012-01-01", &check);
  g_assert_true (has_finding (&check, "document-number-invalid", "empty"));
  facts.number = "L8989021234";
  tarmac_document_check (&facts, "2012-01-01", &check);
  g_assert_true (has_finding (&check, "document-number-invalid", "length"));
  /* An ID card's number may be longer; separators and lower case are fine. */
  facts.type = "I";
  tarmac_document_check (&facts, "2012-01-01", &check);
  g_assert_cmpuint (check.n_findings, ==, 0);
  facts.type = "P";
  facts.number = "l89 890-2c3";
  tarmac_document_check (&facts, "2012-01-01", &check);
  g_assert_cmpuint (check.n_findings, ==, 0);
}

static void
test_document_mrz (void)
{
  TarmacDocumentCheck check;
  TarmacDocumentFacts facts = {
    .type = "P",
    .number = "L898902C3",
    .issuing_state = "UTO",
    .expiry = "2012-04-15",
    .mrz = TD3_SPECIMEN,
    .surname = "Eriksson",
    .given_names = "Anna Maria",
    .date_of_birth = "1974-08-12",
  };

  tarmac_document_check (&facts, "2011-06-01", &check);
  g_assert_cmpuint (check.n_findings, ==, 0);
  g_assert_cmpstr (check.verdict, ==, "valid");

  /* Every disagreement is named. */
  facts.number = "L898902C4";
  facts.date_of_birth = "1974-08-13";
  facts.expiry = "2013-04-15";
  facts.issuing_state = "FRA";
  facts.surname = "Erikson";
  facts.given_names = "Maria";
  tarmac_document_check (&facts, "2011-06-01", &check);
  g_assert_true (has_finding (&check, "mrz-mismatch", "document-number"));
  g_assert_true (has_finding (&check, "mrz-mismatch", "birth-date"));
  g_assert_true (has_finding (&check, "mrz-mismatch", "expiry"));
  g_assert_true (has_finding (&check, "mrz-mismatch", "issuing-state"));
  g_assert_true (has_finding (&check, "mrz-mismatch", "surname"));
  g_assert_true (has_finding (&check, "mrz-mismatch", "given-names"));
  g_assert_false (has_finding (&check, "mrz-check-digit", NULL));
  g_assert_cmpstr (check.verdict, ==, "invalid");

  /* Wrong digits are named by field. */
  facts = (TarmacDocumentFacts) { .type = "P", .number = "L898902C3",
                                  .mrz = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n"
                                         "L898902C37UTO7408122F1204159ZE184226B<<<<<10" };
  tarmac_document_check (&facts, "2011-06-01", &check);
  g_assert_true (has_finding (&check, "mrz-check-digit", "document-number"));
  g_assert_true (has_finding (&check, "mrz-check-digit", "composite"));
  g_assert_false (has_finding (&check, "mrz-check-digit", "birth-date"));
  g_assert_false (has_finding (&check, "mrz-check-digit", "expiry"));
  g_assert_cmpstr (check.verdict, ==, "invalid");

  /* Without a stated expiry the zone's is used: 12 04 15 read as 2012, after 2011. */
  facts.mrz = TD3_SPECIMEN;
  tarmac_document_check (&facts, "2013-01-01", &check);
  g_assert_true (has_finding (&check, "document-expired", "2012-04-15"));

  facts.mrz = "not a zone";
  tarmac_document_check (&facts, "2011-06-01", &check);
  g_assert_true (has_finding (&check, "mrz-unreadable", "layout"));
  g_assert_cmpstr (check.verdict, ==, "invalid");
}

static void
test_document_mrz_names (void)
{
  TarmacDocumentCheck check;
  TarmacDocumentFacts facts = {
    .type = "P",
    .number = "C01X0006H",
    .mrz = "P<D<<MUELLER<<JOERG<<<<<<<<<<<<<<<<<<<<<<<<<\n"
           "C01X0006H1D<<6408125F1710319<<<<<<<<<<<<<<<0",
    .issuing_state = "DEU",
    .surname = "Müller",
    .given_names = "Jörg Peter",
  };

  /* Ü written UE in the zone, U in the airline's data: both agree with "Müller"; "D" is
   * DEU. */
  tarmac_document_check (&facts, "2015-01-01", &check);
  g_assert_cmpuint (check.n_findings, ==, 0);
  facts.surname = "MULLER";
  facts.given_names = "JORG";
  tarmac_document_check (&facts, "2015-01-01", &check);
  g_assert_true (has_finding (&check, "mrz-mismatch", "surname"));

  /* A full name field was cut: the stated name need only start with it. */
  facts.mrz = "P<UTOVAN<DER<BERGHE<MONTGOMERY<<JOSEPHINE<AL\n"
              "L898902C36UTO7408122F1204159ZE184226B<<<<<10";
  facts.number = "L898902C3";
  facts.issuing_state = NULL;
  facts.surname = "Van der Berghe-Montgomery";
  facts.given_names = "Josephine Alexandra";
  tarmac_document_check (&facts, "2011-01-01", &check);
  g_assert_cmpuint (check.n_findings, ==, 0);

  /* A name in another script cannot be compared: no verdict on it. */
  facts.surname = "إريكسون";
  facts.given_names = NULL;
  tarmac_document_check (&facts, "2011-01-01", &check);
  g_assert_cmpuint (check.n_findings, ==, 0);
}

static void
test_birth_date (void)
{
  TarmacDocumentCheck check;

  tarmac_document_check_birth_date ("1980-02-29", "2024-05-01", &check);
  g_assert_cmpuint (check.n_findings, ==, 0);
  g_assert_cmpstr (check.verdict, ==, "valid");

  tarmac_document_check_birth_date ("2024-05-02", "2024-05-01", &check);
  g_assert_true (has_finding (&check, "dob-after-flight", "2024-05-02"));

  /* Born on the flight's day: an infant, fine. */
  tarmac_document_check_birth_date ("2024-05-01", "2024-05-01", &check);
  g_assert_cmpuint (check.n_findings, ==, 0);

  /* 120 years is the limit (§5.6). */
  tarmac_document_check_birth_date ("1904-05-01", "2024-05-01", &check);
  g_assert_cmpuint (check.n_findings, ==, 0);
  tarmac_document_check_birth_date ("1904-04-30", "2024-05-01", &check);
  g_assert_true (has_finding (&check, "dob-implausible", "1904-04-30"));
  tarmac_document_check_birth_date ("1850-01-01", "2024-05-01", &check);
  g_assert_true (has_finding (&check, "dob-implausible", NULL));

  tarmac_document_check_birth_date (NULL, "2024-05-01", &check);
  g_assert_cmpstr (check.verdict, ==, "unchecked");
  tarmac_document_check_birth_date ("01/02/1980", "2024-05-01", &check);
  g_assert_cmpuint (check.n_findings, ==, 0);
}

static void
test_labels (void)
{
  static const char *codes[] = {
    "mrz-unreadable", "mrz-check-digit", "mrz-mismatch", "document-expired",
    "document-number-invalid", "dob-after-flight", "dob-implausible",
  };

  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    {
      const char *label = tarmac_finding_code_label (codes[i]);

      g_assert_nonnull (label);
      g_assert_cmpstr (label, !=, codes[i]);
    }
  g_assert_cmpstr (tarmac_finding_code_label ("something-new"), ==, "something-new");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/mrz/check-digit", test_check_digit);
  g_test_add_func ("/mrz/td3", test_td3);
  g_test_add_func ("/mrz/td3-filler", test_td3_filler);
  g_test_add_func ("/mrz/td1", test_td1);
  g_test_add_func ("/mrz/td2-and-visas", test_td2_and_visas);
  g_test_add_func ("/mrz/ocr", test_ocr);
  g_test_add_func ("/mrz/dates-and-truncation", test_dates_and_truncation);
  g_test_add_func ("/mrz/refused", test_refused);
  g_test_add_func ("/mrz/damaged", test_damaged);
  g_test_add_func ("/document/normalise", test_normalise);
  g_test_add_func ("/document/check", test_document);
  g_test_add_func ("/document/mrz", test_document_mrz);
  g_test_add_func ("/document/mrz-names", test_document_mrz_names);
  g_test_add_func ("/document/birth-date", test_birth_date);
  g_test_add_func ("/document/labels", test_labels);

  return g_test_run ();
}
