/* tarmac-traveller-detail-load.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-traveller-detail"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tarmac-audit.h"
#include "tarmac-co-traveller.h"
#include "tarmac-enums.h"
#include "tarmac-finding.h"
#include "tarmac-hit.h"
#include "tarmac-pnr-contact.h"
#include "tarmac-pnr-history.h"
#include "tarmac-pnr-payment.h"
#include "tarmac-pnr-segment.h"
#include "tarmac-pnr-ssr.h"
#include "tarmac-pnr-version.h"
#include "tarmac-store-private.h"
#include "tarmac-travel-document.h"
#include "tarmac-traveller-detail.h"
#include "tarmac-traveller-hit.h"
#include "tarmac-traveller-source.h"

/* Reads the traveller page in one transaction, so every list comes from the same state
 * of the database, and writes the one audit row of the view in it: if a read fails the
 * row goes too, and nothing was shown. Each list is bounded, so a hostile file with a
 * hundred thousand SSRs makes a long page, not a frozen one.
 *
 * Which booking: a PNR is (carrier, record locator) and every push of it is a version
 * (tarmac-importer-pnrgov.c). The traveller is linked to one version; the page shows the
 * newest by pushed_at (the airline's DAT+700), as pushes can arrive out of order, and
 * lists every version. */

#define MAX_ROWS 500

/* The named parameters the statements use; each is bound where a statement has it. */
typedef struct
{
  gint64      traveller;
  gint64      flight;
  gint64      pnr;
  const char *locator;
  const char *carrier;
  const char *reference;
} Params;

typedef GObject *(*RowFunc) (sqlite3_stmt *stmt);

static void
bind_params (sqlite3_stmt *stmt,
             const Params *params)
{
  int index;

  if ((index = sqlite3_bind_parameter_index (stmt, ":traveller")) > 0)
    sqlite3_bind_int64 (stmt, index, params->traveller);
  if ((index = sqlite3_bind_parameter_index (stmt, ":flight")) > 0)
    sqlite3_bind_int64 (stmt, index, params->flight);
  if ((index = sqlite3_bind_parameter_index (stmt, ":pnr")) > 0)
    sqlite3_bind_int64 (stmt, index, params->pnr);
  if ((index = sqlite3_bind_parameter_index (stmt, ":locator")) > 0)
    sqlite3_bind_text (stmt, index, params->locator, -1, SQLITE_STATIC);
  if ((index = sqlite3_bind_parameter_index (stmt, ":carrier")) > 0)
    sqlite3_bind_text (stmt, index, params->carrier, -1, SQLITE_STATIC);
  if ((index = sqlite3_bind_parameter_index (stmt, ":reference")) > 0)
    sqlite3_bind_text (stmt, index, params->reference, -1, SQLITE_STATIC);
  if ((index = sqlite3_bind_parameter_index (stmt, ":limit")) > 0)
    sqlite3_bind_int (stmt, index, MAX_ROWS);
}

/* Appends the rows of @sql to @list, through @row_func. */
static gboolean
append_rows (TarmacStore   *store,
             GListStore    *list,
             const char    *sql,
             const Params  *params,
             RowFunc        row_func,
             GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!(stmt = _tarmac_store_prepare (store, sql, error)))
    return FALSE;

  bind_params (stmt, params);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(GObject) item = row_func (stmt);
      g_list_store_append (list, item);
    }

  if (rc != SQLITE_DONE)
    {
      _tarmac_store_set_error (store, rc, error);
      return FALSE;
    }

  return TRUE;
}

static GListModel *
list_rows (TarmacStore   *store,
           GType          item_type,
           const char    *sql,
           const Params  *params,
           RowFunc        row_func,
           GError       **error)
{
  g_autoptr(GListStore) list = g_list_store_new (item_type);

  if (sql != NULL && !append_rows (store, list, sql, params, row_func, error))
    return NULL;

  return G_LIST_MODEL (g_steal_pointer (&list));
}

static const char *
text (sqlite3_stmt *stmt,
      int           column)
{
  return _tarmac_store_column_text (stmt, column);
}

static GObject *
document_from_row (sqlite3_stmt *stmt)
{
  return g_object_new (TARMAC_TYPE_TRAVEL_DOCUMENT,
                       "id", sqlite3_column_int64 (stmt, 0),
                       "document-type", text (stmt, 1),
                       "number", text (stmt, 2),
                       "issuing-state", text (stmt, 3),
                       "issued-on", text (stmt, 4),
                       "expires-on", text (stmt, 5),
                       "check-verdict", text (stmt, 6),
                       NULL);
}

static GObject *
finding_from_row (sqlite3_stmt *stmt)
{
  return g_object_new (TARMAC_TYPE_FINDING,
                       "id", sqlite3_column_int64 (stmt, 0),
                       "code", text (stmt, 1),
                       "detail", text (stmt, 2),
                       "created-at", text (stmt, 3),
                       NULL);
}

static GObject *
version_from_row (sqlite3_stmt *stmt)
{
  return g_object_new (TARMAC_TYPE_PNR_VERSION,
                       "id", sqlite3_column_int64 (stmt, 0),
                       "version", MAX (sqlite3_column_int64 (stmt, 1), 1),
                       "pushed-at", text (stmt, 2),
                       "modified-at-source", text (stmt, 3),
                       "file-name", text (stmt, 4),
                       NULL);
}

static GObject *
segment_from_row (sqlite3_stmt *stmt)
{
  return g_object_new (TARMAC_TYPE_PNR_SEGMENT,
                       "seq", MAX (sqlite3_column_int (stmt, 0), 1),
                       "carrier", text (stmt, 1),
                       "number", text (stmt, 2),
                       "flight-date", text (stmt, 3),
                       "origin", text (stmt, 4),
                       "destination", text (stmt, 5),
                       "departure", text (stmt, 6),
                       "arrival", text (stmt, 7),
                       "status", text (stmt, 8),
                       NULL);
}

static GObject *
contact_from_row (sqlite3_stmt *stmt)
{
  return g_object_new (TARMAC_TYPE_PNR_CONTACT,
                       "kind", text (stmt, 0),
                       "value", text (stmt, 1),
                       NULL);
}

/* Card holder and hash are not even read: the page has no use for them. */
static GObject *
payment_from_row (sqlite3_stmt *stmt)
{
  gboolean has_amount = sqlite3_column_type (stmt, 2) != SQLITE_NULL;
  double amount = has_amount ? sqlite3_column_double (stmt, 2) : 0.0;

  return g_object_new (TARMAC_TYPE_PNR_PAYMENT,
                       "form", text (stmt, 0),
                       "card-last4", text (stmt, 1),
                       "has-amount", has_amount && amount >= 0.0,
                       "amount", MAX (amount, 0.0),
                       "currency", text (stmt, 3),
                       NULL);
}

static GObject *
ssr_from_row (sqlite3_stmt *stmt)
{
  return g_object_new (TARMAC_TYPE_PNR_SSR,
                       "code", text (stmt, 0),
                       "text", text (stmt, 1),
                       "traveller-id", MAX (sqlite3_column_int64 (stmt, 2), 0),
                       NULL);
}

static GObject *
history_from_row (sqlite3_stmt *stmt)
{
  return g_object_new (TARMAC_TYPE_PNR_HISTORY,
                       "seq", MAX (sqlite3_column_int (stmt, 0), 1),
                       "at", text (stmt, 1),
                       "action", text (stmt, 2),
                       "text", text (stmt, 3),
                       NULL);
}

static GObject *
source_from_row (sqlite3_stmt *stmt)
{
  return g_object_new (TARMAC_TYPE_TRAVELLER_SOURCE,
                       "file-name", text (stmt, 0),
                       "format", text (stmt, 1),
                       "imported-at", text (stmt, 2),
                       "message-type", text (stmt, 3),
                       "sender", text (stmt, 4),
                       "reference", text (stmt, 5),
                       "pushed-at", text (stmt, 6),
                       NULL);
}

/* Screening stores its explanation as JSON (tarmac-screener.c): the page shows its text. */
static GObject *
hit_from_row (sqlite3_stmt *stmt)
{
  g_autofree char *explanation = tarmac_hit_explanation_text (text (stmt, 4));

  return g_object_new (TARMAC_TYPE_TRAVELLER_HIT,
                       "id", sqlite3_column_int64 (stmt, 0),
                       "source", text (stmt, 1),
                       "status", text (stmt, 2),
                       "score", CLAMP (sqlite3_column_double (stmt, 3), 0.0, 1.0),
                       "explanation", explanation,
                       "created-at", text (stmt, 5),
                       NULL);
}

/* The co-traveller queries share their columns: the reason, as text, is the fifth. */
#define CO_TRAVELLER_COLUMNS \
  "SELECT t.id, t.surname, t.given_names, f.carrier || ' ' || f.number || ' · ' || f.flight_date,"

#define CO_TRAVELLER_FROM " t.masked FROM traveller t JOIN flight f ON f.id = t.flight_id"

/* Others booked with the traveller (any version of the booking, any flight). */
#define SAME_BOOKING_SQL \
  CO_TRAVELLER_COLUMNS " 'booking', NULL," CO_TRAVELLER_FROM \
  " WHERE t.pnr_id IN (SELECT id FROM pnr" \
  "   WHERE record_locator = :locator AND carrier IS :carrier)" \
  " AND t.id <> :traveller" \
  " ORDER BY f.flight_date, t.surname, t.given_names LIMIT :limit"

/* Others on the same flight with the booking reference the manifest gives. */
#define SAME_REFERENCE_SQL \
  CO_TRAVELLER_COLUMNS " 'reference', t.booking_reference," CO_TRAVELLER_FROM \
  " WHERE t.flight_id = :flight AND t.booking_reference = :reference" \
  " AND t.id <> :traveller" \
  " ORDER BY t.surname, t.given_names LIMIT :limit"

/* Others on the same flight whose booking gives a phone, e-mail or address in common. A
 * masked contact has an empty normalised value, so it links no one. */
#define SHARED_CONTACT_SQL \
  CO_TRAVELLER_COLUMNS " 'contact', other.value," CO_TRAVELLER_FROM \
  " JOIN pnr_contact other ON other.pnr_id = t.pnr_id" \
  " JOIN pnr_contact mine ON mine.value_normalised = other.value_normalised" \
  " WHERE mine.pnr_id = :pnr AND mine.value_normalised <> ''" \
  " AND t.flight_id = :flight AND t.id <> :traveller" \
  " ORDER BY t.surname, t.given_names LIMIT :limit"

static TarmacCoTravellerReason
reason_from_text (const char *reason)
{
  if (g_strcmp0 (reason, "reference") == 0)
    return TARMAC_CO_TRAVELLER_SAME_BOOKING_REFERENCE;
  if (g_strcmp0 (reason, "contact") == 0)
    return TARMAC_CO_TRAVELLER_SHARED_CONTACT;
  return TARMAC_CO_TRAVELLER_SAME_BOOKING;
}

static GObject *
co_traveller_from_row (sqlite3_stmt *stmt)
{
  const char *surname = text (stmt, 1);
  const char *given_names = text (stmt, 2);
  g_autofree char *full_name = NULL;

  if (given_names != NULL && *given_names != '\0')
    full_name = g_strdup_printf ("%s, %s", surname ? surname : "", given_names);
  else
    full_name = g_strdup (surname ? surname : "");

  return g_object_new (TARMAC_TYPE_CO_TRAVELLER,
                       "traveller-id", sqlite3_column_int64 (stmt, 0),
                       "full-name", full_name,
                       "flight-label", text (stmt, 3),
                       "reason", reason_from_text (text (stmt, 4)),
                       "detail", text (stmt, 5),
                       "masked", sqlite3_column_int (stmt, 6) != 0,
                       NULL);
}

/* Booked together first, then the same booking reference, then a shared contact: each
 * person once, under the first reason found. */
static GListModel *
list_co_travellers (TarmacStore   *store,
                    const Params  *params,
                    GError       **error)
{
  g_autoptr(GListStore) list = g_list_store_new (TARMAC_TYPE_CO_TRAVELLER);
  g_autoptr(GListStore) deduplicated = g_list_store_new (TARMAC_TYPE_CO_TRAVELLER);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  guint n_items;

  if (params->locator != NULL &&
      !append_rows (store, list, SAME_BOOKING_SQL, params, co_traveller_from_row, error))
    return NULL;
  if (params->reference != NULL && *params->reference != '\0' &&
      !append_rows (store, list, SAME_REFERENCE_SQL, params, co_traveller_from_row, error))
    return NULL;
  if (params->pnr != 0 &&
      !append_rows (store, list, SHARED_CONTACT_SQL, params, co_traveller_from_row, error))
    return NULL;

  n_items = g_list_model_get_n_items (G_LIST_MODEL (list));
  for (guint i = 0; i < n_items && g_hash_table_size (seen) < MAX_ROWS; i++)
    {
      g_autoptr(TarmacCoTraveller) co = g_list_model_get_item (G_LIST_MODEL (list), i);
      gint64 id = tarmac_co_traveller_get_traveller_id (co);

      if (g_hash_table_contains (seen, &id))
        continue;

      g_hash_table_add (seen, g_memdup2 (&id, sizeof id));
      g_list_store_append (deduplicated, co);
    }

  return G_LIST_MODEL (g_steal_pointer (&deduplicated));
}

#define TRAVELLER_SQL \
  "SELECT t.id, t.flight_id, f.carrier || ' ' || f.number || ' · ' || f.flight_date," \
  " t.masked, t.kind, t.is_infant, t.surname, t.given_names, t.sex, t.date_of_birth," \
  " t.nationality, t.residence, t.birthplace, t.seat, t.bag_count, t.bag_weight_kg," \
  " t.bag_tags, t.boarding_status, t.transit, t.embarkation, t.debarkation," \
  " t.booking_reference, t.from_api, t.from_pnr, linked.record_locator, linked.carrier" \
  " FROM traveller t JOIN flight f ON f.id = t.flight_id" \
  " LEFT JOIN pnr linked ON linked.id = t.pnr_id" \
  " WHERE t.id = :traveller"

/* The newest push of the booking the traveller is linked to. */
#define CURRENT_PNR_SQL \
  "SELECT id, record_locator, carrier, created_at_source, agency, point_of_sale FROM pnr" \
  " WHERE record_locator = :locator AND carrier IS :carrier" \
  " ORDER BY pushed_at IS NULL, pushed_at DESC, version DESC LIMIT 1"

#define DOCUMENTS_SQL \
  "SELECT id, type, number, issuing_state, issued_on, expires_on, check_verdict" \
  " FROM travel_document WHERE traveller_id = :traveller ORDER BY id LIMIT :limit"

#define FINDINGS_SQL \
  "SELECT id, code, detail, created_at FROM finding WHERE traveller_id = :traveller" \
  " ORDER BY id LIMIT :limit"

#define VERSIONS_SQL \
  "SELECT p.id, p.version, p.pushed_at, p.modified_at_source, s.name FROM pnr p" \
  " LEFT JOIN message m ON m.id = p.message_id" \
  " LEFT JOIN source_file s ON s.id = m.source_file_id" \
  " WHERE p.record_locator = :locator AND p.carrier IS :carrier" \
  " ORDER BY p.version DESC LIMIT :limit"

#define SEGMENTS_SQL \
  "SELECT seq, carrier, number, flight_date, origin, destination, departure, arrival," \
  " status FROM pnr_segment WHERE pnr_id = :pnr ORDER BY seq LIMIT :limit"

#define CONTACTS_SQL \
  "SELECT kind, value FROM pnr_contact WHERE pnr_id = :pnr" \
  " ORDER BY CASE kind WHEN 'phone' THEN 0 WHEN 'email' THEN 1 ELSE 2 END, id LIMIT :limit"

#define PAYMENTS_SQL \
  "SELECT form, card_last4, amount, currency FROM pnr_payment WHERE pnr_id = :pnr" \
  " ORDER BY id LIMIT :limit"

/* The booking's own requests and this traveller's; another traveller's are theirs. */
#define SSRS_SQL \
  "SELECT code, text, traveller_id FROM pnr_ssr WHERE pnr_id = :pnr" \
  " AND (traveller_id IS NULL OR traveller_id = :traveller) ORDER BY id LIMIT :limit"

#define HISTORY_SQL \
  "SELECT seq, at, action, text FROM pnr_history WHERE pnr_id = :pnr" \
  " ORDER BY seq LIMIT :limit"

#define SOURCES_SQL \
  "SELECT s.name, s.format, s.imported_at, m.type, m.sender, m.reference, m.pushed_at" \
  " FROM traveller_sources ts JOIN message m ON m.id = ts.message_id" \
  " JOIN source_file s ON s.id = m.source_file_id" \
  " WHERE ts.traveller_id = :traveller ORDER BY s.imported_at, m.id LIMIT :limit"

#define HITS_SQL \
  "SELECT id, source, status, score, explanation, created_at FROM hit" \
  " WHERE traveller_id = :traveller ORDER BY created_at DESC, id DESC LIMIT :limit"

typedef struct
{
  char *flight_label;
  char *surname;
  char *given_names;
  char *sex;
  char *date_of_birth;
  char *nationality;
  char *residence;
  char *birthplace;
  char *seat;
  char *bag_tags;
  char *boarding_status;
  char *embarkation;
  char *debarkation;
  char *booking_reference;
  char *locator;
  char *carrier;
  char *pnr_locator;
  char *pnr_carrier;
  char *pnr_created_at;
  char *pnr_agency;
  char *pnr_point_of_sale;
} Texts;

/* Texts holds only strings, so it is cleared as an array of them. */
static void
texts_clear (Texts *texts)
{
  char **fields = (char **) texts;

  for (guint i = 0; i < sizeof *texts / sizeof (char *); i++)
    g_clear_pointer (&fields[i], g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Texts, texts_clear)

static TarmacTravellerDetail *
load_in_transaction (TarmacStore  *store,
                     gint64        traveller_id,
                     GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_auto(Texts) texts = { NULL };
  g_autofree char *object_id = NULL;
  g_autoptr(GListModel) documents = NULL;
  g_autoptr(GListModel) findings = NULL;
  g_autoptr(GListModel) versions = NULL;
  g_autoptr(GListModel) segments = NULL;
  g_autoptr(GListModel) contacts = NULL;
  g_autoptr(GListModel) payments = NULL;
  g_autoptr(GListModel) ssrs = NULL;
  g_autoptr(GListModel) history = NULL;
  g_autoptr(GListModel) co_travellers = NULL;
  g_autoptr(GListModel) sources = NULL;
  g_autoptr(GListModel) hits = NULL;
  Params params = { .traveller = traveller_id };
  gboolean masked, is_infant, transit, from_api, from_pnr;
  TarmacTravellerKind kind;
  int bag_count;
  double bag_weight;
  int rc;

  if (!(stmt = _tarmac_store_prepare (store, TRAVELLER_SQL, error)))
    return NULL;
  bind_params (stmt, &params);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, TARMAC_STORE_ERROR, TARMAC_STORE_ERROR_NOT_FOUND,
                   _("There is no traveller %lld in this database"), (long long) traveller_id);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      _tarmac_store_set_error (store, rc, error);
      return NULL;
    }

  params.flight = sqlite3_column_int64 (stmt, 1);
  texts.flight_label = g_strdup (text (stmt, 2));
  masked = sqlite3_column_int (stmt, 3) != 0;
  kind = g_strcmp0 (text (stmt, 4), "crew") == 0 ? TARMAC_TRAVELLER_CREW
                                                  : TARMAC_TRAVELLER_PASSENGER;
  is_infant = sqlite3_column_int (stmt, 5) != 0;
  texts.surname = g_strdup (text (stmt, 6));
  texts.given_names = g_strdup (text (stmt, 7));
  texts.sex = g_strdup (text (stmt, 8));
  texts.date_of_birth = g_strdup (text (stmt, 9));
  texts.nationality = g_strdup (text (stmt, 10));
  texts.residence = g_strdup (text (stmt, 11));
  texts.birthplace = g_strdup (text (stmt, 12));
  texts.seat = g_strdup (text (stmt, 13));
  bag_count = sqlite3_column_type (stmt, 14) == SQLITE_NULL
                ? -1 : (int) CLAMP (sqlite3_column_int64 (stmt, 14), 0, G_MAXINT);
  bag_weight = sqlite3_column_type (stmt, 15) == SQLITE_NULL
                 ? -1.0 : MAX (sqlite3_column_double (stmt, 15), 0.0);
  texts.bag_tags = g_strdup (text (stmt, 16));
  texts.boarding_status = g_strdup (text (stmt, 17));
  transit = sqlite3_column_int (stmt, 18) != 0;
  texts.embarkation = g_strdup (text (stmt, 19));
  texts.debarkation = g_strdup (text (stmt, 20));
  texts.booking_reference = g_strdup (text (stmt, 21));
  from_api = sqlite3_column_int (stmt, 22) != 0;
  from_pnr = sqlite3_column_int (stmt, 23) != 0;
  texts.locator = g_strdup (text (stmt, 24));
  texts.carrier = g_strdup (text (stmt, 25));
  g_clear_pointer (&stmt, sqlite3_finalize);

  /* The traveller exists: this is a view of personal data from here on. */
  object_id = g_strdup_printf ("%" G_GINT64_FORMAT, traveller_id);
  if (!tarmac_audit_append (store, "view", "traveller", object_id, "traveller page", error))
    return NULL;

  params.locator = texts.locator;
  params.carrier = texts.carrier;
  /* A masked booking reference is "***": it would link every masked traveller. */
  params.reference = masked ? NULL : texts.booking_reference;

  if (texts.locator != NULL)
    {
      if (!(stmt = _tarmac_store_prepare (store, CURRENT_PNR_SQL, error)))
        return NULL;
      bind_params (stmt, &params);

      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          params.pnr = sqlite3_column_int64 (stmt, 0);
          texts.pnr_locator = g_strdup (text (stmt, 1));
          texts.pnr_carrier = g_strdup (text (stmt, 2));
          texts.pnr_created_at = g_strdup (text (stmt, 3));
          texts.pnr_agency = g_strdup (text (stmt, 4));
          texts.pnr_point_of_sale = g_strdup (text (stmt, 5));
        }
      else if (rc != SQLITE_DONE)
        {
          _tarmac_store_set_error (store, rc, error);
          return NULL;
        }
    }

#define PNR_SQL(sql) (params.pnr != 0 ? (sql) : NULL)
  if (!(documents = list_rows (store, TARMAC_TYPE_TRAVEL_DOCUMENT, DOCUMENTS_SQL, &params,
                               document_from_row, error)) ||
      !(findings = list_rows (store, TARMAC_TYPE_FINDING, FINDINGS_SQL, &params,
                              finding_from_row, error)) ||
      !(versions = list_rows (store, TARMAC_TYPE_PNR_VERSION, PNR_SQL (VERSIONS_SQL), &params,
                              version_from_row, error)) ||
      !(segments = list_rows (store, TARMAC_TYPE_PNR_SEGMENT, PNR_SQL (SEGMENTS_SQL), &params,
                              segment_from_row, error)) ||
      !(contacts = list_rows (store, TARMAC_TYPE_PNR_CONTACT, PNR_SQL (CONTACTS_SQL), &params,
                              contact_from_row, error)) ||
      !(payments = list_rows (store, TARMAC_TYPE_PNR_PAYMENT, PNR_SQL (PAYMENTS_SQL), &params,
                              payment_from_row, error)) ||
      !(ssrs = list_rows (store, TARMAC_TYPE_PNR_SSR, PNR_SQL (SSRS_SQL), &params,
                          ssr_from_row, error)) ||
      !(history = list_rows (store, TARMAC_TYPE_PNR_HISTORY, PNR_SQL (HISTORY_SQL), &params,
                             history_from_row, error)) ||
      !(co_travellers = list_co_travellers (store, &params, error)) ||
      !(sources = list_rows (store, TARMAC_TYPE_TRAVELLER_SOURCE, SOURCES_SQL, &params,
                             source_from_row, error)) ||
      !(hits = list_rows (store, TARMAC_TYPE_TRAVELLER_HIT, HITS_SQL, &params,
                          hit_from_row, error)))
    return NULL;
#undef PNR_SQL

  return g_object_new (TARMAC_TYPE_TRAVELLER_DETAIL,
                       "id", traveller_id,
                       "flight-id", params.flight,
                       "flight-label", texts.flight_label,
                       "masked", masked,
                       "kind", kind,
                       "is-infant", is_infant,
                       "surname", texts.surname,
                       "given-names", texts.given_names,
                       "sex", texts.sex,
                       "date-of-birth", texts.date_of_birth,
                       "nationality", texts.nationality,
                       "residence", texts.residence,
                       "birthplace", texts.birthplace,
                       "seat", texts.seat,
                       "bag-count", bag_count,
                       "bag-weight-kg", bag_weight,
                       "bag-tags", texts.bag_tags,
                       "boarding-status", texts.boarding_status,
                       "transit", transit,
                       "embarkation", texts.embarkation,
                       "debarkation", texts.debarkation,
                       "booking-reference", texts.booking_reference,
                       "from-api", from_api,
                       "from-pnr", from_pnr,
                       "pnr-id", params.pnr,
                       "pnr-locator", texts.pnr_locator,
                       "pnr-carrier", texts.pnr_carrier,
                       "pnr-created-at", texts.pnr_created_at,
                       "pnr-agency", texts.pnr_agency,
                       "pnr-point-of-sale", texts.pnr_point_of_sale,
                       "documents", documents,
                       "findings", findings,
                       "pnr-versions", versions,
                       "segments", segments,
                       "contacts", contacts,
                       "payments", payments,
                       "ssrs", ssrs,
                       "history", history,
                       "co-travellers", co_travellers,
                       "sources", sources,
                       "hits", hits,
                       NULL);
}

/**
 * tarmac_store_load_traveller_detail:
 * @store: a #TarmacStore
 * @traveller_id: the traveller
 * @error: return location for a #GError
 *
 * Reads everything about one traveller for the traveller page, and writes one audit row
 * ("view", "traveller", @traveller_id), in one transaction.
 *
 * Returns: (transfer full) (nullable): the traveller, or %NULL with
 *   %TARMAC_STORE_ERROR_NOT_FOUND when there is no such traveller (and no audit row)
 */
TarmacTravellerDetail *
tarmac_store_load_traveller_detail (TarmacStore  *store,
                                    gint64        traveller_id,
                                    GError      **error)
{
  g_autoptr(TarmacTravellerDetail) detail = NULL;

  g_return_val_if_fail (TARMAC_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!tarmac_store_begin (store, error))
    return NULL;

  if (!(detail = load_in_transaction (store, traveller_id, error)))
    {
      tarmac_store_rollback (store);
      return NULL;
    }

  if (!tarmac_store_commit (store, error))
    return NULL;

  return g_steal_pointer (&detail);
}

typedef struct
{
  char   *path;
  char   *actor;
  gint64  traveller_id;
} LoadData;

static void
load_data_free (gpointer data)
{
  LoadData *load = data;

  g_free (load->path);
  g_free (load->actor);
  g_free (load);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *load = task_data;
  g_autoptr(TarmacStore) store = NULL;
  g_autoptr(GError) error = NULL;
  TarmacTravellerDetail *detail;

  if (g_task_return_error_if_cancelled (task))
    return;

  if (!(store = tarmac_store_open (load->path, &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (load->actor != NULL)
    tarmac_store_set_actor (store, load->actor);

  if (!(detail = tarmac_store_load_traveller_detail (store, load->traveller_id, &error)))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, detail, g_object_unref);
}

/**
 * tarmac_store_load_traveller_detail_async:
 * @store: a #TarmacStore
 * @traveller_id: the traveller
 * @cancellable: (nullable): a #GCancellable
 * @callback: called on the thread-default main context when done
 * @user_data: for @callback
 *
 * Runs tarmac_store_load_traveller_detail() in a worker thread on a connection of its
 * own (WAL lets it read while the window's connection is in use), so @store is never
 * used from two threads. A ":memory:" store cannot be seen from another connection: it
 * is read on @store, here, and the callback still comes from the main loop.
 */
void
tarmac_store_load_traveller_detail_async (TarmacStore         *store,
                                          gint64               traveller_id,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  LoadData *load;

  g_return_if_fail (TARMAC_IS_STORE (store));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, tarmac_store_load_traveller_detail_async);

  if (g_strcmp0 (tarmac_store_get_path (store), ":memory:") == 0)
    {
      g_autoptr(GError) error = NULL;
      TarmacTravellerDetail *detail;

      if (!(detail = tarmac_store_load_traveller_detail (store, traveller_id, &error)))
        g_task_return_error (task, g_steal_pointer (&error));
      else
        g_task_return_pointer (task, detail, g_object_unref);
      return;
    }

  load = g_new0 (LoadData, 1);
  load->path = g_strdup (tarmac_store_get_path (store));
  load->actor = g_strdup (tarmac_store_get_actor (store));
  load->traveller_id = traveller_id;

  g_task_set_task_data (task, load, load_data_free);
  g_task_run_in_thread (task, load_thread);
}

/**
 * tarmac_store_load_traveller_detail_finish:
 * @store: a #TarmacStore
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the traveller, or %NULL with @error set
 */
TarmacTravellerDetail *
tarmac_store_load_traveller_detail_finish (TarmacStore   *store,
                                           GAsyncResult  *result,
                                           GError       **error)
{
  g_return_val_if_fail (TARMAC_IS_STORE (store), NULL);
  g_return_val_if_fail (g_task_is_valid (result, store), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        tarmac_store_load_traveller_detail_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
