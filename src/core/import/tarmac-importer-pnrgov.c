/* tarmac-importer-pnrgov.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-importer"

#include "config.h"

#include <glib/gi18n.h>
#include <sodium.h>
#include <string.h>

#include "tarmac-audit.h"
#include "tarmac-importer-private.h"
#include "tarmac-name-key.h"
#include "tarmac-pnrgov.h"
#include "tarmac-store-private.h"

/* PNRGOV pushes into the database, inside the transaction tarmac-importer.c opened: one
 * message row per UNH, then for each PNR a pnr row with its contacts, payments,
 * segments, SSRs and history.
 *
 * Versions: a PNR is (carrier, record_locator). Each push of it is a new pnr row with
 * version = the highest stored + 1, so every push is kept. Versions are numbered in the
 * order files arrive; when a push is older (by message pushed_at, the DAT+700) than the
 * latest stored version, it is still stored as the next version and the report says so
 * ("out-of-order"). Readers wanting the newest content order by pushed_at, not version.
 *
 * Travellers: the push is about one flight (the message-level TVL); each PNR traveller
 * joins that flight row (upserted as for PAXLST). A traveller already on the flight with
 * the same name key — and, when both sides know them, the same date of birth and a
 * common document number — is the same person: the row gets pnr_id (the newest version)
 * and from_pnr = 1 instead of a second row. Otherwise a row with from_pnr = 1, from_api =
 * 0 is added. SSR DOCS become travel_document rows unless the traveller already has that
 * normalised number. Without a message-level flight the PNRs are stored without
 * traveller rows, with a warning. */

typedef struct
{
  char *date_of_birth;
  char *sex;
  char *nationality;
  GPtrArray *documents;       /* of const TarmacPnrgovDocument*, DOCS with a number */
} TravellerFacts;

static const char *
warning_code_to_id (TarmacPnrgovWarningCode code)
{
  switch (code)
    {
    case TARMAC_PNRGOV_WARNING_SYNTAX:
      return "syntax";
    case TARMAC_PNRGOV_WARNING_UNKNOWN_SEGMENT:
      return "unknown-segment";
    case TARMAC_PNRGOV_WARNING_UNKNOWN_QUALIFIER:
      return "unknown-qualifier";
    case TARMAC_PNRGOV_WARNING_OUT_OF_PLACE:
      return "out-of-place";
    case TARMAC_PNRGOV_WARNING_BAD_DATE:
      return "bad-date";
    case TARMAC_PNRGOV_WARNING_BAD_NUMBER:
      return "bad-number";
    case TARMAC_PNRGOV_WARNING_MISSING_LOCATOR:
      return "missing-locator";
    case TARMAC_PNRGOV_WARNING_OTHER_MESSAGE:
      return "other-message";
    case TARMAC_PNRGOV_WARNING_TRUNCATED:
      return "truncated";
    default:
      return "other";
    }
}

/**
 * _tarmac_import_pnrgov_warning_id:
 *
 * The report id of a parser warning code.
 */
const char *
_tarmac_import_pnrgov_warning_id (int code)
{
  return warning_code_to_id ((TarmacPnrgovWarningCode) code);
}

/**
 * _tarmac_import_card_key:
 * @store: the database
 * @is_new: (out): %TRUE when the key was made now and is not stored yet
 * @error: return location for a #GError
 *
 * The per-database key of the card-number HMAC, as 64 hex digits: the sealed secret
 * "card-hash-key" (tarmac-secrets.c), or 32 fresh random bytes when there is none. A new
 * key is stored by _tarmac_import_write_pnrgov() inside the import's transaction, so a
 * refused file leaves the database as it was.
 *
 * Returns: (transfer full) (nullable): the key, or %NULL with @error set when the
 *   keystore cannot be opened (no keyring, no passphrase): then no card is hashed
 */
char *
_tarmac_import_card_key (TarmacStore  *store,
                         gboolean     *is_new,
                         GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) stored = NULL;
  guint8 bytes[32];
  char hex[sizeof bytes * 2 + 1];
  gsize size;

  *is_new = FALSE;
  stored = tarmac_secrets_get (tarmac_store_get_secrets (store), "card-hash-key", &local_error);
  if (stored != NULL)
    {
      const char *data = g_bytes_get_data (stored, &size);

      if (size == sizeof hex - 1)
        return g_strndup (data, size);
    }
  else if (!g_error_matches (local_error, TARMAC_SECRETS_ERROR, TARMAC_SECRETS_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  randombytes_buf (bytes, sizeof bytes);
  sodium_bin2hex (hex, sizeof hex, bytes, sizeof bytes);
  sodium_memzero (bytes, sizeof bytes);
  *is_new = TRUE;
  return g_strdup (hex);
}

/* The flight of the push, or 0 with a warning when the message-level TVL does not name
 * one we can store. */
static gint64
upsert_flight (Import                     *import,
               const TarmacPnrgovMessage  *message,
               GError                    **error)
{
  const TarmacPnrgovSegment *tvl = message->flight;
  g_autoptr(TarmacCachedStmt) stmt = NULL;
  g_autofree char *flight_date = NULL;
  g_autofree char *origin = NULL;
  g_autofree char *destination = NULL;
  gint64 flight_id;

  if (tvl == NULL || tvl->carrier == NULL || tvl->flight_number == NULL ||
      strlen (tvl->carrier) < 2 || strlen (tvl->carrier) > 3 ||
      strlen (tvl->flight_number) < 1 || strlen (tvl->flight_number) > 5 ||
      !_tarmac_import_is_airport (tvl->origin) ||
      !_tarmac_import_is_airport (tvl->destination) ||
      tvl->departure == NULL || strlen (tvl->departure) < 10)
    {
      import->flight_date[0] = '\0';
      _tarmac_import_add_warning (import->report, "no-flight",
                                  _("The message names no complete flight (TVL with carrier, "
                                    "number, date and airports); its PNRs were stored "
                                    "without travellers"),
                                  message->offset, message->line, 0);
      return 0;
    }

  flight_date = g_strndup (tvl->departure, 10);
  g_strlcpy (import->flight_date, flight_date, sizeof import->flight_date);
  origin = g_ascii_strup (tvl->origin, -1);
  destination = g_ascii_strup (tvl->destination, -1);

  stmt = _tarmac_store_prepare_cached (import->store,
                                       "INSERT INTO flight (carrier, number, flight_date, origin,"
                                       " destination, scheduled_departure, scheduled_arrival,"
                                       " direction, created_at)"
                                       " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"
                                       " ON CONFLICT (carrier, number, flight_date, origin) DO UPDATE"
                                       " SET scheduled_departure = coalesce (scheduled_departure,"
                                       "       excluded.scheduled_departure),"
                                       "     scheduled_arrival = coalesce (scheduled_arrival,"
                                       "       excluded.scheduled_arrival)",
                                       error);
  if (stmt == NULL)
    return -1;

  sqlite3_bind_text (stmt, 1, tvl->carrier, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, tvl->flight_number, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, flight_date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, origin, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, destination, -1, SQLITE_TRANSIENT);
  if (strlen (tvl->departure) > 10)
    sqlite3_bind_text (stmt, 6, tvl->departure, -1, SQLITE_TRANSIENT);
  _tarmac_import_bind_text (stmt, 7, tvl->arrival);
  sqlite3_bind_text (stmt, 8, _tarmac_import_direction (import->airport, origin, destination),
                     -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 9, import->now, -1, SQLITE_TRANSIENT);

  if (sqlite3_step (stmt) != SQLITE_DONE ||
      !_tarmac_import_flight_id (import, tvl->carrier, tvl->flight_number, flight_date, origin,
                                 &flight_id))
    {
      g_autoptr(GError) local_error = NULL;

      _tarmac_store_set_error (import->store,
                               sqlite3_errcode (_tarmac_store_get_db (import->store)),
                               &local_error);
      _tarmac_import_set_position_error (error, import->report->name, tvl->line, tvl->offset,
                                         local_error->message);
      return -1;
    }

  if (!g_hash_table_contains (import->flight_ids, &flight_id))
    g_hash_table_add (import->flight_ids, g_memdup2 (&flight_id, sizeof flight_id));

  return flight_id;
}

/* The next version of (carrier, locator), and whether a stored version was pushed later
 * than @pushed_at. Returns 0 on error. */
static gint64
next_version (Import      *import,
              const char  *carrier,
              const char  *locator,
              const char  *pushed_at,
              gboolean    *out_of_order,
              GError     **error)
{
  g_autoptr(TarmacCachedStmt) stmt = NULL;
  gint64 version;

  stmt = _tarmac_store_prepare_cached (import->store,
                                       "SELECT coalesce (max (version), 0) + 1,"
                                       " coalesce (max (pushed_at) > ?3, 0)"
                                       " FROM pnr WHERE carrier IS ?1 AND record_locator = ?2",
                                       error);
  if (stmt == NULL)
    return 0;
  _tarmac_import_bind_text (stmt, 1, carrier);
  sqlite3_bind_text (stmt, 2, locator, -1, SQLITE_TRANSIENT);
  _tarmac_import_bind_text (stmt, 3, pushed_at);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      _tarmac_store_set_error (import->store,
                               sqlite3_errcode (_tarmac_store_get_db (import->store)), error);
      return 0;
    }
  version = sqlite3_column_int64 (stmt, 0);
  *out_of_order = pushed_at != NULL && sqlite3_column_int (stmt, 1) != 0;
  return version;
}

static gint64
insert_pnr (Import                     *import,
            gint64                      message_id,
            const TarmacPnrgovMessage  *message,
            const TarmacPnrgovPnr      *pnr,
            const char                 *locator,
            GError                    **error)
{
  g_autoptr(TarmacCachedStmt) stmt = NULL;
  const TarmacPnrgovAgency *agency = pnr->agency;
  gboolean out_of_order = FALSE;
  gint64 version;

  version = next_version (import, pnr->carrier, locator, message->pushed_at, &out_of_order,
                          error);
  if (version == 0)
    return 0;
  if (out_of_order)
    {
      g_autofree char *text = NULL;

      /* Translators: "PNR ABC123 version 3 was pushed before a version already stored…" */
      text = g_strdup_printf (_("PNR %s version %lld was pushed before a version already "
                                "stored; it is kept, numbered in order of arrival"),
                              locator, (long long) version);
      _tarmac_import_add_warning (import->report, "out-of-order", text, pnr->offset,
                                  pnr->line, 0);
    }

  stmt = _tarmac_store_prepare_cached (import->store,
                                       "INSERT INTO pnr (carrier, record_locator, version,"
                                       " created_at_source, modified_at_source, pushed_at, agency,"
                                       " point_of_sale, message_id, retain_until)"
                                       " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                                       error);
  if (stmt == NULL)
    return 0;

  _tarmac_import_bind_text (stmt, 1, pnr->carrier);
  sqlite3_bind_text (stmt, 2, locator, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, version);
  _tarmac_import_bind_text (stmt, 4, pnr->created_at);
  _tarmac_import_bind_text (stmt, 5, pnr->modified_at);
  _tarmac_import_bind_text (stmt, 6, message->pushed_at);
  if (agency != NULL)
    {
      _tarmac_import_bind_text (stmt, 7, agency->iata_number != NULL ? agency->iata_number :
                                         agency->office_id);
      _tarmac_import_bind_text (stmt, 8, agency->location != NULL ? agency->location :
                                         agency->country);
    }
  sqlite3_bind_int64 (stmt, 9, message_id);
  sqlite3_bind_text (stmt, 10, import->retain_until, -1, SQLITE_TRANSIENT);

  if (!_tarmac_import_step (import, stmt, pnr->line, pnr->offset, error))
    return 0;

  import->report->n_pnrs++;
  return sqlite3_last_insert_rowid (_tarmac_store_get_db (import->store));
}

/* Phones: "+" and the digits; e-mails: lowercased; addresses: uppercased, one space. */
static char *
normalise_contact (TarmacPnrgovContactKind  kind,
                   const char              *value)
{
  GString *out = g_string_new (NULL);

  if (kind == TARMAC_PNRGOV_CONTACT_PHONE)
    {
      g_string_append_c (out, '+');
      for (const char *p = value; *p != '\0'; p++)
        if (g_ascii_isdigit (*p))
          g_string_append_c (out, *p);
      if (out->len == 1)
        g_string_truncate (out, 0);
    }
  else if (kind == TARMAC_PNRGOV_CONTACT_EMAIL)
    {
      g_autofree char *lower = g_utf8_strdown (value, -1);

      g_string_append (out, g_strstrip (lower));
    }
  else
    {
      g_autofree char *upper = g_utf8_strup (value, -1);
      g_auto(GStrv) words = g_strsplit_set (upper, " \t", -1);

      for (guint i = 0; words[i] != NULL; i++)
        if (*words[i] != '\0')
          g_string_append_printf (out, "%s%s", out->len > 0 ? " " : "", words[i]);
    }

  return g_string_free (out, FALSE);
}

static gboolean
insert_contacts (Import                 *import,
                 gint64                  pnr_id,
                 const TarmacPnrgovPnr  *pnr,
                 GError                **error)
{
  g_autoptr(TarmacCachedStmt) stmt = NULL;

  stmt = _tarmac_store_prepare_cached (import->store,
                                       "INSERT INTO pnr_contact (pnr_id, kind, value, value_normalised,"
                                       " retain_until) VALUES (?1, ?2, ?3, ?4, ?5)",
                                       error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < pnr->contacts->len; i++)
    {
      const TarmacPnrgovContact *contact = g_ptr_array_index (pnr->contacts, i);
      g_autofree char *value = NULL;
      g_autofree char *normalised = NULL;
      const char *kind;

      switch (contact->kind)
        {
        case TARMAC_PNRGOV_CONTACT_PHONE:
          kind = "phone";
          break;
        case TARMAC_PNRGOV_CONTACT_EMAIL:
          kind = "email";
          break;
        case TARMAC_PNRGOV_CONTACT_ADDRESS:
          kind = "address";
          break;
        case TARMAC_PNRGOV_CONTACT_OTHER:
        default:
          continue;
        }
      if (contact->value == NULL || *contact->value == '\0')
        continue;

      value = _tarmac_import_cap_utf8 (contact->value, 512);
      normalised = normalise_contact (contact->kind, value);
      if (*normalised == '\0')
        continue;

      sqlite3_bind_int64 (stmt, 1, pnr_id);
      sqlite3_bind_text (stmt, 2, kind, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, value, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 4, normalised, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 5, import->retain_until, -1, SQLITE_TRANSIENT);
      if (!_tarmac_import_step (import, stmt, pnr->line, pnr->offset, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
is_four_digits (const char *value)
{
  if (value == NULL || strlen (value) != 4)
    return FALSE;
  for (guint i = 0; i < 4; i++)
    if (!g_ascii_isdigit (value[i]))
      return FALSE;
  return TRUE;
}

static gboolean
insert_payments (Import                 *import,
                 gint64                  pnr_id,
                 const TarmacPnrgovPnr  *pnr,
                 GError                **error)
{
  g_autoptr(TarmacCachedStmt) stmt = NULL;
  const char *currency = NULL;

  /* A FOP carries no currency: the ticket's, else the agency's. */
  for (guint i = 0; i < pnr->tickets->len && currency == NULL; i++)
    currency = ((const TarmacPnrgovTicket *) g_ptr_array_index (pnr->tickets, i))->currency;
  if (currency == NULL && pnr->agency != NULL)
    currency = pnr->agency->currency;

  stmt = _tarmac_store_prepare_cached (import->store,
                                       "INSERT INTO pnr_payment (pnr_id, form, card_last4, card_hash,"
                                       " card_holder, amount, currency, retain_until)"
                                       " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                                       error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < pnr->payments->len; i++)
    {
      const TarmacPnrgovPayment *payment = g_ptr_array_index (pnr->payments, i);
      g_autofree char *holder = _tarmac_import_cap_utf8 (payment->holder, 256);
      char *end = NULL;
      double amount = 0;

      sqlite3_bind_int64 (stmt, 1, pnr_id);
      sqlite3_bind_text (stmt, 2, payment->type != NULL && *payment->type != '\0' ?
                                  payment->type : "?", -1, SQLITE_TRANSIENT);
      if (is_four_digits (payment->card_last_four))
        sqlite3_bind_text (stmt, 3, payment->card_last_four, -1, SQLITE_TRANSIENT);
      _tarmac_import_bind_text (stmt, 4, payment->card_hash);
      _tarmac_import_bind_text (stmt, 5, holder);
      if (payment->amount != NULL)
        amount = g_ascii_strtod (payment->amount, &end);
      if (end != NULL && end != payment->amount && *end == '\0')
        {
          sqlite3_bind_double (stmt, 6, amount);
          _tarmac_import_bind_text (stmt, 7, currency);
        }
      sqlite3_bind_text (stmt, 8, import->retain_until, -1, SQLITE_TRANSIENT);
      if (!_tarmac_import_step (import, stmt, pnr->line, pnr->offset, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
insert_segments (Import                 *import,
                 gint64                  pnr_id,
                 const TarmacPnrgovPnr  *pnr,
                 GError                **error)
{
  g_autoptr(TarmacCachedStmt) stmt = NULL;

  stmt = _tarmac_store_prepare_cached (import->store,
                                       "INSERT INTO pnr_segment (pnr_id, seq, carrier, number,"
                                       " flight_date, origin, destination, departure, arrival, status)"
                                       " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                                       error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < pnr->segments->len; i++)
    {
      const TarmacPnrgovSegment *segment = g_ptr_array_index (pnr->segments, i);
      g_autofree char *flight_date = NULL;

      if (segment->departure != NULL && strlen (segment->departure) >= 10)
        flight_date = g_strndup (segment->departure, 10);

      sqlite3_bind_int64 (stmt, 1, pnr_id);
      sqlite3_bind_int (stmt, 2, (int) i + 1);
      _tarmac_import_bind_text (stmt, 3, segment->carrier);
      _tarmac_import_bind_text (stmt, 4, segment->flight_number);
      _tarmac_import_bind_text (stmt, 5, flight_date);
      _tarmac_import_bind_text (stmt, 6, segment->origin);
      _tarmac_import_bind_text (stmt, 7, segment->destination);
      _tarmac_import_bind_text (stmt, 8, segment->departure);
      _tarmac_import_bind_text (stmt, 9, segment->arrival);
      _tarmac_import_bind_text (stmt, 10, segment->status);
      if (!_tarmac_import_step (import, stmt, segment->line, segment->offset, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
insert_ssrs (Import                 *import,
             gint64                  pnr_id,
             const TarmacPnrgovPnr  *pnr,
             const gint64           *traveller_ids,
             GError                **error)
{
  g_autoptr(TarmacCachedStmt) stmt = NULL;

  stmt = _tarmac_store_prepare_cached (import->store,
                                       "INSERT INTO pnr_ssr (pnr_id, traveller_id, code, text,"
                                       " retain_until) VALUES (?1, ?2, ?3, ?4, ?5)",
                                       error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < pnr->ssrs->len; i++)
    {
      const TarmacPnrgovSsr *ssr = g_ptr_array_index (pnr->ssrs, i);

      if (ssr->code == NULL || strlen (ssr->code) != 4)
        {
          _tarmac_import_add_warning (import->report, "bad-ssr",
                                      _("An SSR without a four-letter code was not stored"),
                                      ssr->offset, ssr->line, 0);
          continue;
        }

      sqlite3_bind_int64 (stmt, 1, pnr_id);
      if (ssr->traveller >= 0 && (guint) ssr->traveller < pnr->travellers->len &&
          traveller_ids[ssr->traveller] > 0)
        sqlite3_bind_int64 (stmt, 2, traveller_ids[ssr->traveller]);
      sqlite3_bind_text (stmt, 3, ssr->code, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 4, ssr->text != NULL ? ssr->text : "", -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 5, import->retain_until, -1, SQLITE_TRANSIENT);
      if (!_tarmac_import_step (import, stmt, ssr->line, ssr->offset, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
insert_history (Import                 *import,
                gint64                  pnr_id,
                const TarmacPnrgovPnr  *pnr,
                GError                **error)
{
  g_autoptr(TarmacCachedStmt) stmt = NULL;

  stmt = _tarmac_store_prepare_cached (import->store,
                                       "INSERT INTO pnr_history (pnr_id, seq, action, text)"
                                       " VALUES (?1, ?2, ?3, ?4)",
                                       error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < pnr->history->len; i++)
    {
      const TarmacPnrgovHistory *item = g_ptr_array_index (pnr->history, i);
      g_autofree char *text = NULL;

      if (item->tag != NULL && item->text != NULL)
        text = g_strdup_printf ("%s %s", item->tag, item->text);
      else
        text = g_strdup (item->text != NULL ? item->text : (item->tag != NULL ? item->tag : ""));

      sqlite3_bind_int64 (stmt, 1, pnr_id);
      sqlite3_bind_int (stmt, 2, (int) i + 1);
      _tarmac_import_bind_text (stmt, 3, item->action);
      sqlite3_bind_text (stmt, 4, text, -1, SQLITE_TRANSIENT);
      if (!_tarmac_import_step (import, stmt, pnr->line, pnr->offset, error))
        return FALSE;
    }

  return TRUE;
}

/* TRUE when @name has a letter of a script other than Latin: the manifest spells the
 * same person in Latin (the passport's MRZ), so the names will not agree. */
static gboolean
has_non_latin_letter (const char *name)
{
  for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c;

      if ((guchar) *p < 0x80)
        continue;
      c = g_utf8_get_char (p);
      if (g_unichar_isalpha (c) && g_unichar_get_script (c) != G_UNICODE_SCRIPT_LATIN)
        return TRUE;
    }
  return FALSE;
}

static void
collect_facts (const TarmacPnrgovPnr        *pnr,
               gint                          index,
               const TarmacPnrgovTraveller  *traveller,
               TravellerFacts               *facts)
{
  facts->date_of_birth = g_strdup (traveller->date_of_birth);
  facts->documents = g_ptr_array_new ();

  for (guint i = 0; i < pnr->documents->len; i++)
    {
      const TarmacPnrgovDocument *document = g_ptr_array_index (pnr->documents, i);

      if (document->traveller != index || g_strcmp0 (document->code, "DOCS") != 0)
        continue;
      /* A DOCS naming someone else (an infant's passport sent on the adult, often with
       * another surname) is not theirs: a different surname, or the same surname with
       * other given names. A name booked in another script (Arabic) cannot be compared
       * with the passport's Latin one: the DOCS is theirs unless it is an infant's. */
      if (document->surname != NULL && traveller->surname != NULL &&
          has_non_latin_letter (traveller->surname) &&
          !has_non_latin_letter (document->surname))
        {
          gboolean infant_document = document->sex != NULL &&
                                     g_str_has_suffix (document->sex, "I");

          if (infant_document != traveller->is_infant)
            continue;
        }
      else if (document->surname != NULL && traveller->surname != NULL &&
               (g_ascii_strcasecmp (document->surname, traveller->surname) != 0 ||
                (document->given_names != NULL && traveller->given_names != NULL &&
                 g_ascii_strncasecmp (document->given_names, traveller->given_names,
                                      strlen (traveller->given_names)) != 0)))
        continue;
      if (facts->date_of_birth == NULL)
        facts->date_of_birth = g_strdup (document->date_of_birth);
      if (facts->sex == NULL)
        facts->sex = g_strdup (document->sex);
      if (facts->nationality == NULL)
        facts->nationality = g_strdup (document->nationality);
      if (document->number != NULL && *document->number != '\0')
        g_ptr_array_add (facts->documents, (gpointer) document);
    }
}

static void
facts_clear (TravellerFacts *facts)
{
  g_clear_pointer (&facts->date_of_birth, g_free);
  g_clear_pointer (&facts->sex, g_free);
  g_clear_pointer (&facts->nationality, g_free);
  g_clear_pointer (&facts->documents, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (TravellerFacts, facts_clear)

/* TRUE when the stored traveller has a document in @facts, or none at all, or we have
 * none: documents only tell people apart when both sides have one. */
static gboolean
documents_agree (Import          *import,
                 gint64           traveller_id,
                 TravellerFacts  *facts,
                 GError         **error)
{
  g_autoptr(TarmacCachedStmt) stmt = NULL;
  gboolean any = FALSE;
  int rc;

  if (facts->documents->len == 0)
    return TRUE;

  stmt = _tarmac_store_prepare_cached (import->store,
                                       "SELECT number_normalised FROM travel_document"
                                       " WHERE traveller_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, traveller_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *stored = _tarmac_store_column_text (stmt, 0);

      any = TRUE;
      for (guint i = 0; i < facts->documents->len; i++)
        {
          const TarmacPnrgovDocument *document = g_ptr_array_index (facts->documents, i);
          g_autofree char *ours = tarmac_document_number_normalise (document->number);

          if (g_strcmp0 (stored, ours) == 0)
            return TRUE;
        }
    }

  /* A failed read is an error, not a verdict that would link the wrong person. */
  if (rc != SQLITE_DONE)
    {
      _tarmac_store_set_error (import->store, rc, error);
      return FALSE;
    }

  return !any;
}

/* The traveller on @flight_id who is this PNR traveller, 0 for none, -1 on error.
 * Only a traveller not booked in another PNR qualifies: unlinked, or linked to an earlier
 * version of this same booking. One already linked to this version is someone else of
 * the same name (a father and son), never the same person twice. */
static gint64
find_same_person (Import          *import,
                  gint64           flight_id,
                  gint64           pnr_id,
                  const char      *name_key,
                  TravellerFacts  *facts,
                  GError         **error)
{
  g_autoptr(TarmacCachedStmt) stmt = NULL;
  int rc;

  /* traveller_flight holds (flight_id, masked, name_key): the flight's unmasked travellers
   * of that name only. By the flight alone SQLite read every traveller of the flight for
   * each PNR traveller, quadratic in the flight's size (40,000 PNR travellers took 10
   * minutes). A masked traveller (no name left) is nobody to link to. */
  stmt = _tarmac_store_prepare_cached (import->store,
                                       "SELECT id, date_of_birth FROM traveller"
                                       " INDEXED BY traveller_flight"
                                       " WHERE flight_id = ?1 AND name_key = ?2 AND masked = 0"
                                       "   AND kind = 'passenger'"
                                       "   AND (pnr_id IS NULL OR pnr_id IN"
                                       "     (SELECT other.id FROM pnr other JOIN pnr this ON this.id = ?3"
                                       "      WHERE other.record_locator = this.record_locator"
                                       "        AND other.carrier IS this.carrier"
                                       "        AND other.id <> this.id))"
                                       " ORDER BY from_api DESC, id",
                                       error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, flight_id);
  sqlite3_bind_text (stmt, 2, name_key, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, pnr_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      const char *dob = _tarmac_store_column_text (stmt, 1);
      g_autoptr(GError) local_error = NULL;

      if (dob != NULL && facts->date_of_birth != NULL &&
          g_strcmp0 (dob, facts->date_of_birth) != 0)
        continue;
      if (!documents_agree (import, id, facts, &local_error))
        {
          if (local_error != NULL)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return -1;
            }
          continue;
        }
      return id;
    }
  if (rc != SQLITE_DONE)
    {
      _tarmac_store_set_error (import->store, rc, error);
      return -1;
    }
  return 0;
}

/* find_same_person() for a name in another script (Arabic in a PNR, Latin in the
 * manifest): the traveller on @flight_id with the same date of birth and one of the same
 * documents, 0 for none, -1 on error. Both must be known: a name that does not match
 * links on nothing less. */
static gint64
find_same_document (Import          *import,
                    gint64           flight_id,
                    gint64           pnr_id,
                    TravellerFacts  *facts,
                    GError         **error)
{
  if (facts->date_of_birth == NULL)
    return 0;

  for (guint i = 0; i < facts->documents->len; i++)
    {
      const TarmacPnrgovDocument *document = g_ptr_array_index (facts->documents, i);
      g_autoptr(TarmacCachedStmt) stmt = NULL;
      char normalised[TARMAC_DOCUMENT_NUMBER_MAX + 1];
      int rc;

      if (tarmac_document_number_normalise_into (document->number, normalised,
                                                 sizeof normalised) == 0)
        continue;

      stmt = _tarmac_store_prepare_cached (import->store,
                                           "SELECT t.id FROM travel_document d"
                                           " JOIN traveller t ON t.id = d.traveller_id"
                                           " WHERE d.number_normalised = ?2 AND t.flight_id = ?1"
                                           "   AND t.kind = 'passenger' AND t.date_of_birth = ?4"
                                           "   AND (t.pnr_id IS NULL OR t.pnr_id IN"
                                           "     (SELECT other.id FROM pnr other JOIN pnr this"
                                           "      ON this.id = ?3"
                                           "      WHERE other.record_locator = this.record_locator"
                                           "        AND other.carrier IS this.carrier"
                                           "        AND other.id <> this.id))"
                                           " ORDER BY t.from_api DESC, t.id LIMIT 1",
                                           error);
      if (stmt == NULL)
        return -1;
      sqlite3_bind_int64 (stmt, 1, flight_id);
      sqlite3_bind_text (stmt, 2, normalised, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 3, pnr_id);
      sqlite3_bind_text (stmt, 4, facts->date_of_birth, -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        return sqlite3_column_int64 (stmt, 0);
      if (rc != SQLITE_DONE)
        {
          _tarmac_store_set_error (import->store, rc, error);
          return -1;
        }
    }

  return 0;
}

static gboolean
insert_documents (Import                       *import,
                  gint64                        traveller_id,
                  const TarmacPnrgovTraveller  *traveller,
                  TravellerFacts               *facts,
                  GError                      **error)
{
  g_autoptr(TarmacCachedStmt) exists = NULL;

  exists = _tarmac_store_prepare_cached (import->store,
                                         "SELECT count(*) FROM travel_document"
                                         " WHERE traveller_id = ?1 AND number_normalised = ?2",
                                         error);
  if (exists == NULL)
    return FALSE;

  for (guint i = 0; i < facts->documents->len; i++)
    {
      const TarmacPnrgovDocument *document = g_ptr_array_index (facts->documents, i);
      TarmacDocumentFacts document_facts = {
        .type = document->type,
        .number = document->number,
        .expiry = document->expiry,
        .surname = traveller->surname,
        .given_names = traveller->given_names,
        .date_of_birth = facts->date_of_birth,
      };
      char normalised[TARMAC_DOCUMENT_NUMBER_MAX + 1];
      g_autofree char *state = _tarmac_import_map_country (document->issuing_state);
      gboolean known;

      if (tarmac_document_number_normalise_into (document->number, normalised,
                                                 sizeof normalised) == 0)
        continue;

      sqlite3_bind_int64 (exists, 1, traveller_id);
      sqlite3_bind_text (exists, 2, normalised, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (exists) != SQLITE_ROW)
        {
          _tarmac_store_set_error (import->store,
                                   sqlite3_errcode (_tarmac_store_get_db (import->store)),
                                   error);
          return FALSE;
        }
      known = sqlite3_column_int64 (exists, 0) > 0;
      sqlite3_reset (exists);
      if (known)
        continue;

      document_facts.issuing_state = state;
      if (!_tarmac_import_insert_document (import, traveller_id, &document_facts,
                                           document->issue_date, (guint) document->line,
                                           document->offset, error))
        return FALSE;
    }

  return TRUE;
}

/* Links or adds one PNR traveller; returns the traveller id, 0 when skipped, -1 on error. */
static gint64
store_traveller (Import                       *import,
                 gint64                        flight_id,
                 gint64                        message_id,
                 gint64                        pnr_id,
                 const char                   *locator,
                 const TarmacPnrgovPnr        *pnr,
                 gint                          index,
                 GError                      **error)
{
  const TarmacPnrgovTraveller *traveller = g_ptr_array_index (pnr->travellers, index);
  g_autofree char *surname = _tarmac_import_cap_utf8 (traveller->surname, 256);
  g_autofree char *given_names = _tarmac_import_cap_utf8 (traveller->given_names != NULL ?
                                                          traveller->given_names : "", 256);
  g_autofree char *full_name = NULL;
  g_autofree char *name_key = NULL;
  g_autofree char *nationality = NULL;
  g_auto(TravellerFacts) facts = { 0 };
  g_autoptr(TarmacCachedStmt) stmt = NULL;
  gint64 traveller_id;
  gboolean found;

  if (surname == NULL || *surname == '\0' || g_strcmp0 (traveller->type, "G") == 0)
    return 0;

  collect_facts (pnr, index, traveller, &facts);
  full_name = g_strdup_printf ("%s %s", surname, given_names);
  name_key = tarmac_name_key (full_name);
  nationality = _tarmac_import_map_country (facts.nationality);

  traveller_id = find_same_person (import, flight_id, pnr_id, name_key, &facts, error);
  if (traveller_id == 0 && has_non_latin_letter (full_name))
    traveller_id = find_same_document (import, flight_id, pnr_id, &facts, error);
  if (traveller_id < 0)
    return -1;

  found = traveller_id > 0;
  if (found)
    {
      stmt = _tarmac_store_prepare_cached (import->store,
                                           "UPDATE traveller SET pnr_id = ?2, from_pnr = 1,"
                                           " date_of_birth = coalesce (date_of_birth, ?3),"
                                           " booking_reference = coalesce (booking_reference, ?4)"
                                           " WHERE id = ?1",
                                           error);
      if (stmt == NULL)
        return -1;
      sqlite3_bind_int64 (stmt, 1, traveller_id);
      sqlite3_bind_int64 (stmt, 2, pnr_id);
      _tarmac_import_bind_text (stmt, 3, facts.date_of_birth);
      sqlite3_bind_text (stmt, 4, locator, -1, SQLITE_TRANSIENT);
    }
  else
    {
      stmt = _tarmac_store_prepare_cached (import->store,
                                           "INSERT INTO traveller (flight_id, pnr_id, kind, is_infant,"
                                           " surname, given_names, sex, date_of_birth, nationality,"
                                           " booking_reference, from_api, from_pnr, name_key,"
                                           " created_at, retain_until, message_id)"
                                           " VALUES (?1, ?2, 'passenger', ?3, ?4, ?5, ?6, ?7, ?8, ?9,"
                                           " 0, 1, ?10, ?11, ?12, ?13)",
                                           error);
      if (stmt == NULL)
        return -1;
      sqlite3_bind_int64 (stmt, 1, flight_id);
      sqlite3_bind_int64 (stmt, 2, pnr_id);
      sqlite3_bind_int (stmt, 3, traveller->is_infant ? 1 : 0);
      sqlite3_bind_text (stmt, 4, surname, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 5, given_names, -1, SQLITE_TRANSIENT);
      _tarmac_import_bind_text (stmt, 6, _tarmac_import_map_sex (facts.sex));
      _tarmac_import_bind_text (stmt, 7, facts.date_of_birth);
      _tarmac_import_bind_text (stmt, 8, nationality);
      sqlite3_bind_text (stmt, 9, locator, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 10, name_key, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 11, import->now, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 12, import->retain_until, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 13, message_id);
    }

  if (!_tarmac_import_step (import, stmt, traveller->line, traveller->offset, error))
    return -1;
  if (traveller_id == 0)
    {
      traveller_id = sqlite3_last_insert_rowid (_tarmac_store_get_db (import->store));
      _tarmac_store_queue_for_search (import->store, traveller_id);
      /* A linked API traveller had these checks when it was imported. */
      if (!_tarmac_import_check_traveller (import, traveller_id, facts.date_of_birth,
                                           traveller->line, traveller->offset, error))
        return -1;
    }
  import->report->n_travellers++;

  /* A traveller found again: this message names it too. */
  if (found)
    {
      sqlite3_bind_int64 (import->insert_source, 1, traveller_id);
      sqlite3_bind_int64 (import->insert_source, 2, message_id);
      if (!_tarmac_import_step (import, import->insert_source, traveller->line,
                                traveller->offset, error))
        return -1;
    }

  if (!insert_documents (import, traveller_id, traveller, &facts, error))
    return -1;

  return traveller_id;
}

static gboolean
write_pnr (Import                     *import,
           gint64                      message_id,
           gint64                      flight_id,
           const TarmacPnrgovMessage  *message,
           const TarmacPnrgovPnr      *pnr,
           GError                    **error)
{
  g_autofree char *locator = NULL;
  g_autofree gint64 *traveller_ids = NULL;
  gint64 pnr_id;

  if (pnr->record_locator == NULL || *pnr->record_locator == '\0')
    {
      _tarmac_import_add_warning (import->report, "skipped-pnr",
                                  _("A PNR without a record locator was not imported"),
                                  pnr->offset, pnr->line, 0);
      return TRUE;
    }
  locator = _tarmac_import_cap_utf8 (pnr->record_locator, 16);

  if ((pnr_id = insert_pnr (import, message_id, message, pnr, locator, error)) == 0)
    return FALSE;

  traveller_ids = g_new0 (gint64, pnr->travellers->len + 1);
  for (guint i = 0; flight_id > 0 && i < pnr->travellers->len; i++)
    if ((traveller_ids[i] = store_traveller (import, flight_id, message_id, pnr_id, locator,
                                             pnr, (gint) i, error)) < 0)
      return FALSE;

  return insert_contacts (import, pnr_id, pnr, error) &&
         insert_payments (import, pnr_id, pnr, error) &&
         insert_segments (import, pnr_id, pnr, error) &&
         insert_ssrs (import, pnr_id, pnr, traveller_ids, error) &&
         insert_history (import, pnr_id, pnr, error);
}

static gboolean
prepare_statements (Import  *import,
                    GError **error)
{
  /* traveller_source holds the messages other than the one that brought the traveller
   * (migration 20), each once. */
  import->insert_source =
    _tarmac_store_prepare_cached (import->store,
                                  "INSERT INTO traveller_source (traveller_id, message_id)"
                                  " SELECT ?1, ?2 WHERE NOT EXISTS (SELECT 1 FROM traveller"
                                  "   WHERE id = ?1 AND message_id IS ?2)"
                                  " ON CONFLICT DO NOTHING",
                                  error);
  return import->insert_source != NULL;
}

/**
 * _tarmac_import_write_pnrgov:
 * @import: the import, inside its transaction
 * @messages: (element-type TarmacPnrgovMessage): what the parser read
 * @card_key: the key the card hashes were made with
 * @card_key_is_new: whether @card_key must be stored
 * @length: the file's size
 * @cancellable: (nullable): checked between messages
 * @error: return location for a #GError
 *
 * Writes source_file, messages, PNRs and travellers, and the audit row.
 *
 * Returns: %TRUE on success
 */
gboolean
_tarmac_import_write_pnrgov (Import        *import,
                             GPtrArray     *messages,
                             const char    *card_key,
                             gboolean       card_key_is_new,
                             gsize          length,
                             GCancellable  *cancellable,
                             GError       **error)
{
  g_autofree char *object_id = NULL;
  g_autofree char *detail = NULL;
  gint64 source_file_id;

  if (!prepare_statements (import, error))
    return FALSE;

  if (card_key != NULL && card_key_is_new)
    {
      g_autoptr(GBytes) value = g_bytes_new (card_key, strlen (card_key));
      g_autoptr(GError) local_error = NULL;

      /* Never replace a key: hashes made with it would no longer link. Another import
       * (the CLI beside the app) may have stored one since we looked, under this
       * transaction's lock now; then the hashes parsed with ours are refused whole. */
      if (!tarmac_secrets_put (tarmac_store_get_secrets (import->store), "card-hash-key", value,
                               FALSE, &local_error))
        {
          if (g_error_matches (local_error, TARMAC_SECRETS_ERROR, TARMAC_SECRETS_ERROR_EXISTS))
            g_set_error_literal (error, TARMAC_IMPORT_ERROR, TARMAC_IMPORT_ERROR_INVALID,
                                 _("Another import set up the card key at the same moment; "
                                   "nothing was written, import the file again"));
          else
            g_set_error_literal (error, TARMAC_IMPORT_ERROR, TARMAC_IMPORT_ERROR_INVALID,
                                 local_error->message);
          return FALSE;
        }
    }

  source_file_id = _tarmac_import_insert_source_file (import, length, error);
  if (source_file_id == 0)
    return FALSE;

  for (guint i = 0; i < messages->len; i++)
    {
      const TarmacPnrgovMessage *message = g_ptr_array_index (messages, i);
      gint64 message_id;
      gint64 flight_id = 0;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      message_id = _tarmac_import_insert_message (import, source_file_id, "PNRGOV",
                                                  message->version, message->sender,
                                                  message->recipient, message->reference,
                                                  message->part_number,
                                                  message->is_last_part, message->pushed_at,
                                                  message->offset, message->line, error);
      if (message_id == 0)
        return FALSE;
      import->report->n_messages++;

      if (message->pnrs->len > 0 && (flight_id = upsert_flight (import, message, error)) < 0)
        return FALSE;

      for (guint j = 0; j < message->pnrs->len; j++)
        if (!write_pnr (import, message_id, flight_id, message,
                        g_ptr_array_index (message->pnrs, j), error))
          return FALSE;
    }

  import->report->n_flights = g_hash_table_size (import->flight_ids);
  import->report->source_file_id = source_file_id;
  if (!_tarmac_import_store_report (import, source_file_id, error))
    return FALSE;

  object_id = g_strdup_printf ("%lld", (long long) source_file_id);
  detail = g_strdup_printf ("%s: %u PNRs, %u travellers", import->report->name,
                            import->report->n_pnrs, import->report->n_travellers);
  return tarmac_audit_append (import->store, "import", "source_file", object_id, detail,
                              error);
}
