/* tarmac-search-identifiers.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-search"

#include "config.h"

#include <string.h>

#include "tarmac-document-check.h"
#include "tarmac-search-private.h"
#include "tarmac-store-private.h"

/* Documents, PNR record locators, phones and e-mails: what the query looks like decides
 * which are searched, and every plausible kind is (a six-letter word may be a surname or
 * a locator). Each is an indexed lookup, exact or by prefix. */

#define MIN_PHONE_DIGITS 7
#define MAX_PHONE_DIGITS 20
#define PHONE_TAIL 7
#define MAX_IDENTIFIER_ROWS 1000

/* Normalised as the importers store travel_document.number_normalised. */
char *
_tarmac_search_document_key (const char *query)
{
  g_autofree char *key = tarmac_document_number_normalise (query);
  gboolean digit = FALSE;

  for (const char *p = key; *p != '\0'; p++)
    digit |= g_ascii_isdigit (*p);

  /* A document number has digits; "DIALLO" is a name, not a document. */
  if (strlen (key) < 4 || !digit)
    return g_strdup ("");

  return g_steal_pointer (&key);
}

/* Five to eight letters and digits, alone: what airlines use as record locators. */
char *
_tarmac_search_locator_key (const char *query)
{
  g_autofree char *stripped = g_strstrip (g_strdup (query));
  gsize len = strlen (stripped);

  if (len < 5 || len > 8)
    return g_strdup ("");
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isalnum (stripped[i]))
      return g_strdup ("");

  return g_ascii_strup (stripped, -1);
}

/* The digits of something written like a phone number ("+228 90 12 34 56",
 * "(0)90-12-34-56"), or "" when the query has anything else in it. */
char *
_tarmac_search_phone_digits (const char *query)
{
  GString *digits = g_string_new (NULL);

  for (const char *p = query; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        g_string_append_c (digits, *p);
      else if (strchr ("+ -.()/\t", *p) == NULL)
        {
          g_string_truncate (digits, 0);
          break;
        }
    }

  if (digits->len < MIN_PHONE_DIGITS || digits->len > MAX_PHONE_DIGITS)
    g_string_truncate (digits, 0);

  return g_string_free (digits, FALSE);
}

char *
_tarmac_search_email_key (const char *query)
{
  g_autofree char *lower = g_utf8_strdown (query, -1);

  g_strstrip (lower);
  if (strchr (lower, '@') == NULL || strchr (lower, ' ') != NULL || strlen (lower) < 3)
    return g_strdup ("");

  return g_steal_pointer (&lower);
}

/* The significant digits: the international prefix "00" and a national trunk "0" go. */
static const char *
significant_digits (const char *digits)
{
  if (g_str_has_prefix (digits, "00"))
    return digits + 2;
  if (digits[0] == '0')
    return digits + 1;
  return digits;
}

/**
 * _tarmac_search_phones_match:
 * @a: a phone number's digits
 * @b: another's
 *
 * The same phone written two ways: "+228 90 12 34 56", "0022890123456" and the national
 * "90 12 34 56" all match, as one number's significant digits end the other's. PNRGOV
 * pushes carry numbers in any of these forms (and the importer keeps a "+" before a
 * "00"), so both sides are compared this way rather than trusting either to be
 * international.
 *
 * Returns: %TRUE when they are plausibly the same number
 */
gboolean
_tarmac_search_phones_match (const char *a,
                             const char *b)
{
  const char *sa = significant_digits (a);
  const char *sb = significant_digits (b);
  gsize la = strlen (sa), lb = strlen (sb);

  if (MIN (la, lb) < MIN_PHONE_DIGITS)
    return FALSE;
  if (la >= lb)
    return strcmp (sa + la - lb, sb) == 0;
  return strcmp (sb + lb - la, sa) == 0;
}

#define DAY_OF(alias) "CAST (replace (" alias ".flight_date, '-', '') AS INTEGER)"

static gboolean
collect (TarmacStore        *store,
         const char         *sql,
         const char         *key,
         const char         *phone_digits,
         guint               rows,
         TarmacSearchMatch   exact_match,
         TarmacSearchMatch   prefix_match,
         GCancellable       *cancellable,
         SearchHits         *hits,
         GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = _tarmac_store_prepare (store, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, rows);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *value = _tarmac_store_column_text (stmt, 2);
      gboolean exact = sqlite3_column_int (stmt, 3) != 0;
      SearchHit hit = { 0, };

      if (phone_digits != NULL)
        {
          g_autofree char *stored = _tarmac_search_phone_digits (value);

          if (!_tarmac_search_phones_match (phone_digits, stored))
            continue;
          exact = TRUE;
        }

      hit.traveller_id = sqlite3_column_int64 (stmt, 0);
      hit.day = sqlite3_column_int64 (stmt, 1);
      hit.match = exact ? exact_match : prefix_match;
      hit.tier = exact ? SEARCH_TIER_IDENTIFIER : SEARCH_TIER_IDENTIFIER_PREFIX;
      _tarmac_search_hits_add (hits, &hit);
    }

  if (rc != SQLITE_DONE)
    {
      _tarmac_store_set_error (store, rc, error);
      return FALSE;
    }

  return !g_cancellable_set_error_if_cancelled (cancellable, error);
}

gboolean
_tarmac_search_identifiers (TarmacStore   *store,
                            const char    *query,
                            guint          limit,
                            GCancellable  *cancellable,
                            SearchHits    *hits,
                            GError       **error)
{
  g_autofree char *document = _tarmac_search_document_key (query);
  g_autofree char *locator = _tarmac_search_locator_key (query);
  g_autofree char *phone = _tarmac_search_phone_digits (query);
  g_autofree char *email = _tarmac_search_email_key (query);
  /* More rows than results: a phone's candidates are checked after the query. */
  guint rows = CLAMP (limit * 4, 100, MAX_IDENTIFIER_ROWS);

  if (*document != '\0' &&
      !collect (store,
                _TARMAC_BLOCKS
                "SELECT t.id, " DAY_OF ("f") ", d.number_normalised, d.number_normalised = ?1"
                " FROM block CROSS JOIN travel_document d"
                "   ON " _TARMAC_BLOCK_OF ("d.traveller_id") " = block.b"
                " JOIN traveller t ON t.id = d.traveller_id"
                " JOIN flight f ON f.id = t.flight_id"
                " WHERE d.number_normalised >= ?1"
                " AND d.number_normalised < ?1 || char (1114111) AND t.masked = 0"
                " ORDER BY d.number_normalised = ?1 DESC, f.flight_date DESC LIMIT ?2",
                document, NULL, rows, TARMAC_SEARCH_MATCH_DOCUMENT,
                TARMAC_SEARCH_MATCH_DOCUMENT_PREFIX, cancellable, hits, error))
    return FALSE;

  if (*locator != '\0' &&
      !collect (store,
                "SELECT t.id, " DAY_OF ("f") ", p.record_locator, 1"
                " FROM pnr p JOIN traveller t ON t.pnr_id = p.id"
                " JOIN flight f ON f.id = t.flight_id"
                " WHERE p.record_locator = ?1 AND t.masked = 0"
                " ORDER BY f.flight_date DESC LIMIT ?2",
                locator, NULL, rows, TARMAC_SEARCH_MATCH_LOCATOR, TARMAC_SEARCH_MATCH_LOCATOR,
                cancellable, hits, error))
    return FALSE;

  /* A traveller from the manifest alone, by its booking reference (the index
   * traveller_booking_reference). */
  if (*locator != '\0' &&
      !collect (store,
                _TARMAC_BLOCKS
                "SELECT t.id, " DAY_OF ("f") ", t.booking_reference, 1"
                " FROM block CROSS JOIN traveller t ON " _TARMAC_BLOCK_OF ("t.id") " = block.b"
                " JOIN flight f ON f.id = t.flight_id"
                " WHERE t.booking_reference = ?1 AND t.booking_reference IS NOT NULL"
                " AND t.masked = 0"
                " ORDER BY f.flight_date DESC LIMIT ?2",
                locator, NULL, rows, TARMAC_SEARCH_MATCH_LOCATOR, TARMAC_SEARCH_MATCH_LOCATOR,
                cancellable, hits, error))
    return FALSE;

  /* The expression and the kind are those of the index pnr_contact_phone_tail. */
  if (*phone != '\0' &&
      !collect (store,
                "SELECT t.id, " DAY_OF ("f") ", c.value_normalised, 1"
                " FROM pnr_contact c JOIN traveller t ON t.pnr_id = c.pnr_id"
                " JOIN flight f ON f.id = t.flight_id"
                " WHERE c.kind = 'phone' AND substr (c.value_normalised, -7) = ?1"
                " AND t.masked = 0"
                " ORDER BY f.flight_date DESC LIMIT ?2",
                phone + strlen (phone) - PHONE_TAIL, phone, rows, TARMAC_SEARCH_MATCH_PHONE,
                TARMAC_SEARCH_MATCH_PHONE, cancellable, hits, error))
    return FALSE;

  if (*email != '\0' &&
      !collect (store,
                "SELECT t.id, " DAY_OF ("f") ", c.value_normalised, c.value_normalised = ?1"
                " FROM pnr_contact c JOIN traveller t ON t.pnr_id = c.pnr_id"
                " JOIN flight f ON f.id = t.flight_id"
                " WHERE c.kind = 'email' AND c.value_normalised >= ?1"
                " AND c.value_normalised < ?1 || char (1114111) AND t.masked = 0"
                " ORDER BY c.value_normalised = ?1 DESC, f.flight_date DESC LIMIT ?2",
                email, NULL, rows, TARMAC_SEARCH_MATCH_EMAIL, TARMAC_SEARCH_MATCH_EMAIL,
                cancellable, hits, error))
    return FALSE;

  return TRUE;
}
