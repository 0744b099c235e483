/* tarmac-document-check.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-document-check"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tarmac-document-check.h"
#include "tarmac-mrz.h"

/* The document checks of an import (issue 3 item 6, research/formats.md §5.5): what can
 * be validated from API/PNR data alone (number characters and length, expiry against the
 * flight, a plausible birth date) and, where an MRZ is given, every check digit and the
 * MRZ against the stated data. Problems become findings on the traveller; they never
 * refuse a file, since real documents deviate (§5.5) and the officer decides.
 *
 * Everything here works in caller-allocated structs and stack buffers: it runs once per
 * document of every import, a million times for a big one. Only an MRZ, which API and
 * PNR data do not carry, costs a little more. */

/* Part 3: the MRZ and the numbers it holds use A–Z and 0–9. Spaces, dashes, dots,
 * slashes and the MRZ filler are how people and systems write them, not part of them. */
static gboolean
is_separator (char c)
{
  return c == ' ' || c == '-' || c == '.' || c == '/' || c == '<' || c == '\t';
}

/**
 * tarmac_document_number_normalise_into:
 * @number: a document number as sent or typed
 * @out: (out caller-allocates): where the normalised number goes
 * @size: the size of @out
 *
 * The normalised document number: ASCII letters upper-cased and digits, nothing else
 * (separators, filler and any other character dropped), at most
 * %TARMAC_DOCUMENT_NUMBER_MAX characters. O and 0, I and 1 are left as they are: a
 * document number admits both, so nothing justifies folding them (ICAO Doc 9303 Part 3).
 *
 * Returns: the length written
 */
gsize
tarmac_document_number_normalise_into (const char *number,
                                       char       *out,
                                       gsize       size)
{
  gsize len = 0;

  g_return_val_if_fail (out != NULL && size > 0, 0);

  for (const char *p = number; p != NULL && *p != '\0'; p++)
    {
      if (len + 1 >= size || len == TARMAC_DOCUMENT_NUMBER_MAX)
        break;
      if (g_ascii_isalnum (*p))
        out[len++] = g_ascii_toupper (*p);
    }
  out[len] = '\0';
  return len;
}

/**
 * tarmac_document_number_normalise:
 * @number: (nullable): a document number
 *
 * As tarmac_document_number_normalise_into(), allocated: the value of
 * travel_document.number_normalised and the key document searches compare.
 *
 * Returns: (transfer full): the normalised number, "" for %NULL
 */
char *
tarmac_document_number_normalise (const char *number)
{
  char buffer[TARMAC_DOCUMENT_NUMBER_MAX + 1];

  tarmac_document_number_normalise_into (number, buffer, sizeof buffer);
  return g_strdup (buffer);
}

static void
add_finding (TarmacDocumentCheck *check,
             const char          *code,
             const char          *detail)
{
  TarmacDocumentFinding *finding;

  if (check->n_findings == TARMAC_DOCUMENT_MAX_FINDINGS)
    return;
  finding = &check->findings[check->n_findings++];
  finding->code = code;
  g_strlcpy (finding->detail, detail != NULL ? detail : "", sizeof finding->detail);
}

/* "YYYY-MM-DD" at the start of @text. */
static gboolean
is_iso_date (const char *text)
{
  if (text == NULL)
    return FALSE;
  for (guint i = 0; i < 10; i++)
    {
      if (text[i] == '\0')
        return FALSE;
      if ((i == 4 || i == 7) ? text[i] != '-' : !g_ascii_isdigit (text[i]))
        return FALSE;
    }
  return TRUE;
}

static int
iso_year (const char *iso)
{
  return (iso[0] - '0') * 1000 + (iso[1] - '0') * 100 + (iso[2] - '0') * 10 + (iso[3] - '0');
}

static void
check_number (const TarmacDocumentFacts *facts,
              TarmacDocumentCheck       *check,
              char                      *normalised,
              gsize                      size)
{
  gsize len;

  if (facts->number == NULL || *facts->number == '\0')
    {
      *normalised = '\0';
      return;
    }

  for (const char *p = facts->number; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && !is_separator (*p))
      {
        add_finding (check, "document-number-invalid", "characters");
        break;
      }

  len = tarmac_document_number_normalise_into (facts->number, normalised, size);
  if (len == 0)
    add_finding (check, "document-number-invalid", "empty");
  /* A passport's number fills at most the nine places of the TD3 zone (§5.2, §5.5). */
  else if (facts->type != NULL && g_ascii_toupper (facts->type[0]) == 'P' && len > 9)
    add_finding (check, "document-number-invalid", "length");
}

/* Upper-case ASCII letters of @name, for comparing it with an MRZ: diacritics dropped,
 * or with @expand the Part 3 two-letter forms of Ä, Ö, Ü and Å (AE, OE, UE, AA), which
 * issuers choose between (§5.4). Æ, Ø, Œ, ß and Þ always take their two letters. */
static void
fold_name (const char *name,
           char       *out,
           gsize       size,
           gboolean    expand)
{
  gsize len = 0;

  for (const char *p = name; p != NULL && *p != '\0' && len + 3 < size;
       p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char_validated (p, -1);
      gunichar decomposed[4];
      const char *pair = NULL;

      if (c == (gunichar) -1 || c == (gunichar) -2)
        break;
      c = g_unichar_toupper (c);
      switch (c)
        {
        case 0xC4: pair = expand ? "AE" : "A"; break;   /* Ä */
        case 0xD6: pair = expand ? "OE" : "O"; break;   /* Ö */
        case 0xDC: pair = expand ? "UE" : "U"; break;   /* Ü */
        case 0xC5: pair = expand ? "AA" : "A"; break;   /* Å */
        case 0xC6: pair = "AE"; break;                  /* Æ */
        case 0xD8: pair = "OE"; break;                  /* Ø */
        case 0x152: pair = "OE"; break;                 /* Œ */
        case 0xDF: case 0x1E9E: pair = "SS"; break;     /* ß */
        case 0xDE: pair = "TH"; break;                  /* Þ */
        default: break;
        }
      if (pair != NULL)
        {
          for (; *pair != '\0'; pair++)
            out[len++] = *pair;
          continue;
        }
      if (c >= 0x80 && g_unichar_fully_decompose (c, FALSE, decomposed, 4) > 0)
        c = decomposed[0];
      if (c >= 'A' && c <= 'Z')
        out[len++] = (char) c;
    }
  out[len] = '\0';
}

/* The first word of @names, folded. */
static void
fold_first_name (const char *names,
                 char       *out,
                 gsize       size,
                 gboolean    expand)
{
  char word[64];
  gsize n = 0;

  while (names != NULL && *names == ' ')
    names++;
  for (; names != NULL && *names != '\0' && *names != ' ' && n + 1 < sizeof word; names++)
    word[n++] = *names;
  word[n] = '\0';
  fold_name (word, out, size, expand);
}

/* @stated against @printed: equal, or @printed a prefix of it when the MRZ field is full
 * and may have been cut. */
static gboolean
names_agree (const char *printed,
             gboolean    truncated,
             const char *stated)
{
  if (strcmp (printed, stated) == 0)
    return TRUE;
  return truncated && *printed != '\0' && g_str_has_prefix (stated, printed);
}

static gboolean
name_matches (const char *printed,
              gboolean    truncated,
              const char *stated,
              gboolean    first_word_only)
{
  char mrz[64], plain[96], expanded[96];

  fold_name (printed, mrz, sizeof mrz, FALSE);
  if (first_word_only)
    {
      char first[64];

      fold_first_name (printed, first, sizeof first, FALSE);
      g_strlcpy (mrz, first, sizeof mrz);
      fold_first_name (stated, plain, sizeof plain, FALSE);
      fold_first_name (stated, expanded, sizeof expanded, TRUE);
      /* A full zone cut the first given name only when it is the only one. */
      truncated = truncated && strchr (printed, ' ') == NULL;
    }
  else
    {
      fold_name (stated, plain, sizeof plain, FALSE);
      fold_name (stated, expanded, sizeof expanded, TRUE);
    }

  /* Nothing comparable on one side (a name in another script): no verdict. */
  if (*mrz == '\0' || *plain == '\0')
    return TRUE;
  return names_agree (mrz, truncated, plain) || names_agree (mrz, truncated, expanded);
}

/* "YYYY-MM-DD" → "YYMMDD" matches the zone's date. */
static gboolean
date_matches (const char *printed,
              const char *iso)
{
  if (strchr (printed, '<') != NULL || !is_iso_date (iso))
    return TRUE;
  return memcmp (printed, iso + 2, 2) == 0 && memcmp (printed + 2, iso + 5, 2) == 0 &&
         memcmp (printed + 4, iso + 8, 2) == 0;
}

/* Part 3 writes Germany "D"; API data says DEU (§5.3). */
static gboolean
states_match (const char *printed,
              const char *stated)
{
  if (stated == NULL || strlen (stated) != 3 || *printed == '\0')
    return TRUE;
  if (strcmp (printed, "D") == 0)
    printed = "DEU";
  return g_ascii_strcasecmp (printed, stated) == 0;
}

/* The zone's expiry as "YYYY-MM-DD", its century chosen to fall between 50 years before
 * and 20 years after the flight (§5.6). */
static void
resolve_expiry (const char *yymmdd,
                const char *flight_date,
                char        out[11])
{
  int yy = (yymmdd[0] - '0') * 10 + (yymmdd[1] - '0');
  int flight_year = iso_year (flight_date);
  int year = (flight_year / 100) * 100 + yy;

  if (year > flight_year + 20)
    year -= 100;
  else if (year < flight_year - 80)
    year += 100;
  g_snprintf (out, 11, "%04d-%.2s-%.2s", year, yymmdd + 2, yymmdd + 4);
}

static gboolean
check_mrz (const TarmacDocumentFacts *facts,
           const char                *flight_date,
           const char                *normalised_number,
           TarmacDocumentCheck       *check)
{
  g_autoptr(GError) error = NULL;
  TarmacMrz mrz;
  char zone_number[TARMAC_DOCUMENT_NUMBER_MAX + 1];

  if (!tarmac_mrz_parse (facts->mrz, &mrz, &error))
    {
      add_finding (check, "mrz-unreadable",
                   error->code == TARMAC_MRZ_ERROR_CHARACTERS ? "characters" :
                   error->code == TARMAC_MRZ_ERROR_DOCUMENT_CODE ? "document-code" :
                   "layout");
      return FALSE;
    }

  for (guint i = 0; i < TARMAC_MRZ_N_FIELDS; i++)
    if (mrz.checks[i] == TARMAC_MRZ_VERDICT_INVALID)
      add_finding (check, "mrz-check-digit", tarmac_mrz_field_to_id ((TarmacMrzField) i));
  if (!mrz.birth_date_ok)
    add_finding (check, "mrz-unreadable", "birth-date");
  if (!mrz.expiry_ok)
    add_finding (check, "mrz-unreadable", "expiry");

  tarmac_document_number_normalise_into (mrz.document_number, zone_number,
                                         sizeof zone_number);
  if (*normalised_number != '\0' && strcmp (zone_number, normalised_number) != 0)
    add_finding (check, "mrz-mismatch", "document-number");
  if (!states_match (mrz.issuing_state, facts->issuing_state))
    add_finding (check, "mrz-mismatch", "issuing-state");
  if (mrz.birth_date_ok && !date_matches (mrz.birth_date, facts->date_of_birth))
    add_finding (check, "mrz-mismatch", "birth-date");
  if (mrz.expiry_ok && !date_matches (mrz.expiry, facts->expiry))
    add_finding (check, "mrz-mismatch", "expiry");
  if (facts->surname != NULL &&
      !name_matches (mrz.primary_name, mrz.name_truncated, facts->surname, FALSE))
    add_finding (check, "mrz-mismatch", "surname");
  if (facts->given_names != NULL && *mrz.secondary_names != '\0' &&
      !name_matches (mrz.secondary_names, mrz.name_truncated, facts->given_names, TRUE))
    add_finding (check, "mrz-mismatch", "given-names");

  /* Without a stated expiry, the zone's tells whether the document had expired. */
  if (!is_iso_date (facts->expiry) && mrz.expiry_ok && is_iso_date (flight_date))
    {
      char expiry[11];

      resolve_expiry (mrz.expiry, flight_date, expiry);
      if (strncmp (expiry, flight_date, 10) < 0)
        add_finding (check, "document-expired", expiry);
    }

  return TRUE;
}

/**
 * tarmac_document_check:
 * @facts: the document
 * @flight_date: (nullable): the flight's date, "YYYY-MM-DD"
 * @check: (out caller-allocates): the findings and the verdict
 *
 * Checks one document: its number's characters and length, its expiry against
 * @flight_date, and its MRZ when there is one (check digits, and agreement with the
 * stated number, dates, state and names).
 */
void
tarmac_document_check (const TarmacDocumentFacts *facts,
                       const char                *flight_date,
                       TarmacDocumentCheck       *check)
{
  char normalised[TARMAC_DOCUMENT_NUMBER_MAX + 1];
  gboolean checked = FALSE;

  g_return_if_fail (facts != NULL);
  g_return_if_fail (check != NULL);

  check->n_findings = 0;
  check->verdict = "unchecked";

  check_number (facts, check, normalised, sizeof normalised);

  if (is_iso_date (facts->expiry) && is_iso_date (flight_date))
    {
      checked = TRUE;
      if (strncmp (facts->expiry, flight_date, 10) < 0)
        {
          char expiry[11];

          g_strlcpy (expiry, facts->expiry, sizeof expiry);
          add_finding (check, "document-expired", expiry);
        }
    }

  if (facts->mrz != NULL && *facts->mrz != '\0' &&
      check_mrz (facts, flight_date, normalised, check))
    checked = TRUE;

  if (check->n_findings > 0)
    check->verdict = "invalid";
  else if (checked)
    check->verdict = "valid";
}

/**
 * tarmac_document_check_birth_date:
 * @date_of_birth: (nullable): "YYYY-MM-DD"
 * @flight_date: (nullable): "YYYY-MM-DD"
 * @check: (out caller-allocates): the findings
 *
 * The traveller's own checks: born after the flight, or more than 120 years before it
 * (§5.6). Either date missing or unreadable gives no finding. @check's verdict is
 * "valid", "invalid" or "unchecked" as for documents.
 */
void
tarmac_document_check_birth_date (const char          *date_of_birth,
                                  const char          *flight_date,
                                  TarmacDocumentCheck *check)
{
  char date[11];

  g_return_if_fail (check != NULL);

  check->n_findings = 0;
  check->verdict = "unchecked";
  if (!is_iso_date (date_of_birth) || !is_iso_date (flight_date))
    return;

  g_strlcpy (date, date_of_birth, sizeof date);
  if (strncmp (date_of_birth, flight_date, 10) > 0)
    add_finding (check, "dob-after-flight", date);
  else if (iso_year (flight_date) - iso_year (date_of_birth) > 120 ||
           (iso_year (flight_date) - iso_year (date_of_birth) == 120 &&
            strncmp (date_of_birth + 4, flight_date + 4, 6) < 0))
    add_finding (check, "dob-implausible", date);

  check->verdict = check->n_findings > 0 ? "invalid" : "valid";
}

/**
 * tarmac_finding_code_label:
 * @code: a finding code (finding.code)
 *
 * A short translated label for the traveller page.
 *
 * Returns: the label, or @code itself for a code this version does not know
 */
const char *
tarmac_finding_code_label (const char *code)
{
  static const struct
  {
    const char *code;
    const char *label;
  } labels[] = {
    { "mrz-unreadable", N_("MRZ unreadable") },
    { "mrz-check-digit", N_("Wrong MRZ check digit") },
    { "mrz-mismatch", N_("MRZ disagrees with the data") },
    { "document-expired", N_("Document expired before the flight") },
    { "document-number-invalid", N_("Impossible document number") },
    { "dob-after-flight", N_("Born after the flight") },
    { "dob-implausible", N_("Implausible date of birth") },
  };

  g_return_val_if_fail (code != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (strcmp (labels[i].code, code) == 0)
      return _(labels[i].label);
  return code;
}
