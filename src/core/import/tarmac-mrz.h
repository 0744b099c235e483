/* tarmac-mrz.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define TARMAC_MRZ_ERROR (tarmac_mrz_error_quark ())

/* Longer input is refused before it is looked at: three TD1 lines and their breaks fit
 * many times over. */
#define TARMAC_MRZ_MAX_INPUT 512

typedef enum
{
  TARMAC_MRZ_ERROR_LAYOUT,
  TARMAC_MRZ_ERROR_CHARACTERS,
  TARMAC_MRZ_ERROR_DOCUMENT_CODE,
} TarmacMrzError;

/**
 * TarmacMrzFormat:
 * The layouts of ICAO Doc 9303 (research/formats.md §5.2): TD1 (ID card, 3×30), TD2
 * (2×36), TD3 (passport, 2×44), MRV-A (visa, 2×44) and MRV-B (visa, 2×36).
 */
typedef enum
{
  TARMAC_MRZ_FORMAT_UNKNOWN,
  TARMAC_MRZ_FORMAT_TD1,
  TARMAC_MRZ_FORMAT_TD2,
  TARMAC_MRZ_FORMAT_TD3,
  TARMAC_MRZ_FORMAT_MRV_A,
  TARMAC_MRZ_FORMAT_MRV_B,
} TarmacMrzFormat;

/**
 * TarmacMrzField:
 * The fields a check digit protects. @TARMAC_MRZ_FIELD_OPTIONAL is TD3's personal
 * number (TD1, TD2 and visas have no check digit on their optional data);
 * @TARMAC_MRZ_FIELD_COMPOSITE the final digit over several fields (none on visas).
 */
typedef enum
{
  TARMAC_MRZ_FIELD_DOCUMENT_NUMBER,
  TARMAC_MRZ_FIELD_BIRTH_DATE,
  TARMAC_MRZ_FIELD_EXPIRY,
  TARMAC_MRZ_FIELD_OPTIONAL,
  TARMAC_MRZ_FIELD_COMPOSITE,
  TARMAC_MRZ_N_FIELDS,
} TarmacMrzField;

/**
 * TarmacMrzVerdict:
 * @TARMAC_MRZ_VERDICT_ABSENT: this layout has no such check digit
 * @TARMAC_MRZ_VERDICT_VALID: the digit is right
 * @TARMAC_MRZ_VERDICT_FILLER: `<` where the standard allows it (TD3 optional data that
 *   is all filler)
 * @TARMAC_MRZ_VERDICT_INVALID: the digit is wrong, or not a digit where one is needed
 */
typedef enum
{
  TARMAC_MRZ_VERDICT_ABSENT,
  TARMAC_MRZ_VERDICT_VALID,
  TARMAC_MRZ_VERDICT_FILLER,
  TARMAC_MRZ_VERDICT_INVALID,
} TarmacMrzVerdict;

/**
 * TarmacMrz:
 * One machine readable zone, read. Text fields are NUL-terminated, with the filler `<`
 * removed from the ends (names: `<` between words becomes a space). Dates stay YYMMDD as
 * printed (`<` for an unknown day or month); @birth_date_ok and @expiry_ok say whether
 * they are calendar dates. @n_corrections counts characters read as another one because
 * the field only admits digits (O→0, I→1…) or only letters (0→O, 1→I…): OCR confusions
 * the standard's character classes resolve. Document numbers and optional data admit
 * both, so they are never corrected.
 */
typedef struct
{
  TarmacMrzFormat   format;
  char              document_code[3];
  char              issuing_state[4];
  char              document_number[32];
  char              nationality[4];
  char              birth_date[7];
  char              sex;                 /* 'M', 'F', 'X', or '<' unspecified */
  char              expiry[7];
  char              optional_data[32];   /* TD1: line 1 and line 2 data, joined by a space */
  char              primary_name[48];
  char              secondary_names[48];
  gboolean          name_truncated;      /* the name field is full to its last character */
  gboolean          birth_date_ok;
  gboolean          expiry_ok;
  guint             n_corrections;
  TarmacMrzVerdict  checks[TARMAC_MRZ_N_FIELDS];
} TarmacMrz;

GQuark      tarmac_mrz_error_quark    (void);

int         tarmac_mrz_check_digit    (const char       *text,
                                       gsize             length);
gboolean    tarmac_mrz_parse          (const char       *text,
                                       TarmacMrz        *mrz,
                                       GError          **error);
gboolean    tarmac_mrz_is_valid       (const TarmacMrz  *mrz);

const char *tarmac_mrz_format_to_id   (TarmacMrzFormat   format);
const char *tarmac_mrz_field_to_id    (TarmacMrzField    field);
const char *tarmac_mrz_verdict_to_id  (TarmacMrzVerdict  verdict);

G_END_DECLS
