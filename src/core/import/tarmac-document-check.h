/* tarmac-document-check.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What number_normalised holds and what every comparison of document numbers uses. */
#define TARMAC_DOCUMENT_NUMBER_MAX 35

/* At most this many findings come out of one check. */
#define TARMAC_DOCUMENT_MAX_FINDINGS 12

/**
 * TarmacDocumentFacts:
 * A travel document as an import read it, and the holder facts its MRZ is compared
 * with. Dates are "YYYY-MM-DD"; every member may be %NULL.
 * @type: "P", "I", "V", … as sent
 * @number: the number as sent
 * @issuing_state: alpha-3
 * @expiry: the expiry date
 * @mrz: the machine readable zone, when the source carries one
 * @surname: the holder's surname as the source gives it
 * @given_names: the holder's given names
 * @date_of_birth: the holder's date of birth
 */
typedef struct
{
  const char *type;
  const char *number;
  const char *issuing_state;
  const char *expiry;
  const char *mrz;
  const char *surname;
  const char *given_names;
  const char *date_of_birth;
} TarmacDocumentFacts;

/**
 * TarmacDocumentFinding:
 * @code: a static finding code: "mrz-unreadable", "mrz-check-digit", "mrz-mismatch",
 *   "document-expired", "document-number-invalid", "dob-after-flight", "dob-implausible"
 * @detail: what exactly, in plain ids or dates ("birth-date", "2024-03-01"): the finding
 *   row's detail, never translated
 */
typedef struct
{
  const char *code;
  char        detail[48];
} TarmacDocumentFinding;

/**
 * TarmacDocumentCheck:
 * The outcome of one check, in a caller-allocated struct (no allocation, so an import of
 * a million travellers does not pay for it).
 * @findings: the problems found, in a stable order
 * @verdict: "valid" (checked, nothing wrong), "invalid" (a finding about the document) or
 *   "unchecked" (nothing could be checked: no expiry, no flight date, no MRZ): the
 *   values of travel_document.check_verdict
 */
typedef struct
{
  TarmacDocumentFinding  findings[TARMAC_DOCUMENT_MAX_FINDINGS];
  guint                  n_findings;
  const char            *verdict;
} TarmacDocumentCheck;

gsize        tarmac_document_number_normalise_into  (const char                 *number,
                                                     char                       *out,
                                                     gsize                       size);
char        *tarmac_document_number_normalise       (const char                 *number);

void         tarmac_document_check                  (const TarmacDocumentFacts  *facts,
                                                     const char                 *flight_date,
                                                     TarmacDocumentCheck        *check);
void         tarmac_document_check_birth_date       (const char                 *date_of_birth,
                                                     const char                 *flight_date,
                                                     TarmacDocumentCheck        *check);

const char  *tarmac_finding_code_label              (const char                 *code);

G_END_DECLS
