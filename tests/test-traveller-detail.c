/* test-traveller-detail.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "tarmac-audit.h"
#include "tarmac-co-traveller.h"
#include "tarmac-demo.h"
#include "tarmac-finding.h"
#include "tarmac-pnr-contact.h"
#include "tarmac-pnr-payment.h"
#include "tarmac-pnr-segment.h"
#include "tarmac-pnr-version.h"
#include "tarmac-retention.h"
#include "tarmac-store-private.h"
#include "tarmac-travel-document.h"
#include "tarmac-traveller-detail.h"
#include "tarmac-traveller-hit.h"
#include "tarmac-traveller-source.h"

/* The traveller page's read: everything about one traveller from a demo database, one
 * audit row per view, masked travellers flagged, and the async path on its own
 * connection. */

#define ANCHOR_DAY "2026-03-28"

static TarmacStore *
open_demo_file (char **path_out)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "traveller.db", NULL);
  TarmacStore *store;
  TarmacDemoOptions options;

  store = tarmac_store_open (path, &error);
  g_assert_no_error (error);

  tarmac_demo_options_init (&options);
  g_strlcpy (options.anchor_day, ANCHOR_DAY, sizeof options.anchor_day);
  options.days = 1;
  g_assert_true (tarmac_demo_generate (store, &options, NULL, &error));
  g_assert_no_error (error);

  if (path_out != NULL)
    *path_out = g_steal_pointer (&path);

  return store;
}

static gint64
query_int (TarmacStore *store,
           const char  *sql,
           gint64       arg)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = _tarmac_store_prepare (store, sql, &error);

  g_assert_no_error (error);
  sqlite3_bind_int64 (stmt, 1, arg);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);

  return sqlite3_column_int64 (stmt, 0);
}

static void
exec (TarmacStore *store,
      const char  *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (_tarmac_store_exec (store, sql, &error));
  g_assert_no_error (error);
}

static guint64
count_audit_rows (TarmacStore *store)
{
  g_autoptr(GError) error = NULL;
  guint64 n_rows = 0;
  gint64 first_broken_id = 0;

  g_assert_true (tarmac_audit_verify (store, &n_rows, &first_broken_id, &error));
  g_assert_no_error (error);

  return n_rows;
}

/* A passenger booked with someone else, with documents and booking contacts. */
static gint64
find_booked_traveller (TarmacStore *store)
{
  return query_int (store,
                    "SELECT t.id FROM traveller t"
                    " WHERE t.pnr_id IS NOT NULL AND t.kind = 'passenger'"
                    " AND EXISTS (SELECT 1 FROM travel_document d WHERE d.traveller_id = t.id)"
                    " AND EXISTS (SELECT 1 FROM pnr_contact c WHERE c.pnr_id = t.pnr_id)"
                    " AND EXISTS (SELECT 1 FROM pnr_payment p WHERE p.pnr_id = t.pnr_id"
                    "   AND p.card_last4 IS NOT NULL)"
                    " AND (SELECT count(*) FROM traveller o WHERE o.pnr_id = t.pnr_id) >= 2"
                    " AND ?1 = ?1 ORDER BY t.id LIMIT 1",
                    0);
}

static gboolean
has_co_traveller (TarmacTravellerDetail   *detail,
                  gint64                   id,
                  TarmacCoTravellerReason  reason)
{
  GListModel *co_travellers = tarmac_traveller_detail_get_co_travellers (detail);

  for (guint i = 0; i < g_list_model_get_n_items (co_travellers); i++)
    {
      g_autoptr(TarmacCoTraveller) co = g_list_model_get_item (co_travellers, i);

      if (tarmac_co_traveller_get_traveller_id (co) == id)
        return tarmac_co_traveller_get_reason (co) == reason;
    }

  return FALSE;
}

static void
test_detail_load (void)
{
  g_autoptr(TarmacStore) store = open_demo_file (NULL);
  g_autoptr(TarmacTravellerDetail) detail = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TarmacPnrPayment) payment = NULL;
  g_autoptr(TarmacTravelDocument) document = NULL;
  gint64 id, pnr_id;
  guint64 n_audit;

  id = find_booked_traveller (store);
  g_assert_cmpint (id, >, 0);
  pnr_id = query_int (store, "SELECT pnr_id FROM traveller WHERE id = ?1", id);

  n_audit = count_audit_rows (store);
  detail = tarmac_store_load_traveller_detail (store, id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (detail);

  /* One view, one audit row. */
  g_assert_cmpuint (count_audit_rows (store), ==, n_audit + 1);
  g_assert_cmpint (query_int (store,
                              "SELECT count(*) FROM audit_log WHERE action = 'view'"
                              " AND object_type = 'traveller' AND object_id = CAST (?1 AS TEXT)",
                              id), ==, 1);

  g_assert_cmpint (tarmac_traveller_detail_get_id (detail), ==, id);
  g_assert_false (tarmac_traveller_detail_get_masked (detail));
  g_assert_cmpint (tarmac_traveller_detail_get_kind (detail), ==, TARMAC_TRAVELLER_PASSENGER);
  g_assert_nonnull (tarmac_traveller_detail_get_surname (detail));
  g_assert_cmpstr (tarmac_traveller_detail_get_surname (detail), !=, "***");
  g_assert_true (g_str_has_prefix (tarmac_traveller_detail_get_full_name (detail),
                                   tarmac_traveller_detail_get_surname (detail)));
  g_assert_nonnull (tarmac_traveller_detail_get_flight_label (detail));

  /* Every document, as stored. */
  g_assert_cmpuint (g_list_model_get_n_items (tarmac_traveller_detail_get_documents (detail)), ==,
                    query_int (store, "SELECT count(*) FROM travel_document"
                                      " WHERE traveller_id = ?1", id));
  document = g_list_model_get_item (tarmac_traveller_detail_get_documents (detail), 0);
  g_assert_nonnull (tarmac_travel_document_get_number (document));
  g_assert_nonnull (tarmac_travel_document_get_document_type (document));

  /* The booking: its locator, contacts, itinerary and payment (masked card only). */
  g_assert_cmpint (tarmac_traveller_detail_get_pnr_id (detail), ==, pnr_id);
  g_assert_nonnull (tarmac_traveller_detail_get_pnr_locator (detail));
  g_assert_cmpuint (g_list_model_get_n_items (tarmac_traveller_detail_get_contacts (detail)), ==,
                    query_int (store, "SELECT count(*) FROM pnr_contact WHERE pnr_id = ?1",
                               pnr_id));
  g_assert_cmpuint (g_list_model_get_n_items (tarmac_traveller_detail_get_segments (detail)), ==,
                    query_int (store, "SELECT count(*) FROM pnr_segment WHERE pnr_id = ?1",
                               pnr_id));
  g_assert_cmpuint (g_list_model_get_n_items (tarmac_traveller_detail_get_segments (detail)), >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (tarmac_traveller_detail_get_pnr_versions (detail)),
                    ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (tarmac_traveller_detail_get_payments (detail)), >, 0);
  payment = g_list_model_get_item (tarmac_traveller_detail_get_payments (detail), 0);
  g_assert_cmpuint (strlen (tarmac_pnr_payment_get_card_last4 (payment)), ==, 4);
  /* Nothing on the object could carry more of the card. */
  g_assert_null (g_object_class_find_property (G_OBJECT_GET_CLASS (payment), "card-holder"));
  g_assert_null (g_object_class_find_property (G_OBJECT_GET_CLASS (payment), "card-hash"));

  /* Booked together: everyone else on the booking. */
  g_assert_cmpuint (g_list_model_get_n_items (tarmac_traveller_detail_get_co_travellers (detail)),
                    >=, query_int (store, "SELECT count(*) - 1 FROM traveller WHERE pnr_id = ?1",
                                   pnr_id));
  g_assert_true (has_co_traveller (detail,
                                   query_int (store, "SELECT min (id) FROM traveller"
                                                     " WHERE pnr_id = (SELECT pnr_id FROM"
                                                     " traveller WHERE id = ?1) AND id <> ?1",
                                              id),
                                   TARMAC_CO_TRAVELLER_SAME_BOOKING));

  /* The demo imports from generated messages: the source names them (the message that
   * brought the traveller, on its row, and any that named it again). */
  g_assert_cmpuint (g_list_model_get_n_items (tarmac_traveller_detail_get_sources (detail)), >=, 1);
  g_assert_cmpuint (g_list_model_get_n_items (tarmac_traveller_detail_get_sources (detail)), ==,
                    query_int (store, "SELECT count(*) FROM (SELECT message_id FROM traveller"
                                      " WHERE id = ?1 UNION SELECT message_id"
                                      " FROM traveller_source WHERE traveller_id = ?1)", id));

  /* No hits, no findings in the demo. */
  g_assert_cmpuint (g_list_model_get_n_items (tarmac_traveller_detail_get_hits (detail)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (tarmac_traveller_detail_get_findings (detail)),
                    ==, 0);
}

static void
test_detail_not_found (void)
{
  g_autoptr(TarmacStore) store = open_demo_file (NULL);
  g_autoptr(TarmacTravellerDetail) detail = NULL;
  g_autoptr(GError) error = NULL;
  guint64 n_audit = count_audit_rows (store);

  detail = tarmac_store_load_traveller_detail (store, 999999999, &error);
  g_assert_error (error, TARMAC_STORE_ERROR, TARMAC_STORE_ERROR_NOT_FOUND);
  g_assert_null (detail);

  /* Nothing was shown, nothing is recorded. */
  g_assert_cmpuint (count_audit_rows (store), ==, n_audit);
}

/* Findings, hits, a second version of the booking, and the links to travellers of other
 * bookings on the same flight: the same booking reference, a shared phone. */
static void
test_detail_links (void)
{
  g_autoptr(TarmacStore) store = open_demo_file (NULL);
  g_autoptr(TarmacTravellerDetail) detail = NULL;
  g_autoptr(TarmacFinding) finding = NULL;
  g_autoptr(TarmacTravellerHit) hit = NULL;
  g_autoptr(TarmacPnrVersion) newest = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id, pnr_id, sharer, same_reference, newest_pnr;
  g_autofree char *sql = NULL;

  id = find_booked_traveller (store);
  pnr_id = query_int (store, "SELECT pnr_id FROM traveller WHERE id = ?1", id);

  /* Two others on the flight, booked elsewhere (or not at all). */
  sharer = query_int (store,
                      "SELECT min (o.id) FROM traveller o, traveller t WHERE t.id = ?1"
                      " AND o.flight_id = t.flight_id AND o.pnr_id IS NOT NULL"
                      " AND o.pnr_id <> t.pnr_id",
                      id);
  same_reference = query_int (store,
                              "SELECT max (o.id) FROM traveller o, traveller t WHERE t.id = ?1"
                              " AND o.flight_id = t.flight_id"
                              " AND (o.pnr_id IS NULL OR o.pnr_id <> t.pnr_id)",
                              id);
  g_assert_cmpint (sharer, >, 0);
  g_assert_cmpint (same_reference, >, 0);
  g_assert_cmpint (sharer, !=, same_reference);

  sql = g_strdup_printf ("INSERT INTO pnr_contact (pnr_id, kind, value, value_normalised,"
                         " retain_until) SELECT (SELECT pnr_id FROM traveller WHERE id = %lld),"
                         " kind, value, value_normalised, retain_until FROM pnr_contact"
                         " WHERE pnr_id = %lld AND kind = 'phone' LIMIT 1;"
                         "UPDATE traveller SET booking_reference = 'REF-TEST-1'"
                         " WHERE id IN (%lld, %lld);"
                         "INSERT INTO finding (traveller_id, code, detail, created_at)"
                         " VALUES (%lld, 'document-expired', 'expired 2025-01-01',"
                         " '2026-03-28T10:00:00Z');"
                         "INSERT INTO hit (traveller_id, source, score, explanation, status,"
                         " created_at, updated_at, retain_until) VALUES (%lld, 'manual', 0.5,"
                         " 'test hit', 'new', '2026-03-28T11:00:00Z', '2026-03-28T11:00:00Z',"
                         " '2031-03-28');",
                         (long long) sharer, (long long) pnr_id,
                         (long long) id, (long long) same_reference,
                         (long long) id, (long long) id);
  exec (store, sql);

  detail = tarmac_store_load_traveller_detail (store, id, &error);
  g_assert_no_error (error);

  g_assert_true (has_co_traveller (detail, sharer, TARMAC_CO_TRAVELLER_SHARED_CONTACT));
  g_assert_true (has_co_traveller (detail, same_reference,
                                   TARMAC_CO_TRAVELLER_SAME_BOOKING_REFERENCE));

  g_assert_cmpuint (g_list_model_get_n_items (tarmac_traveller_detail_get_findings (detail)),
                    ==, 1);
  finding = g_list_model_get_item (tarmac_traveller_detail_get_findings (detail), 0);
  g_assert_cmpstr (tarmac_finding_get_code (finding), ==, "document-expired");

  g_assert_cmpuint (g_list_model_get_n_items (tarmac_traveller_detail_get_hits (detail)), ==, 1);
  hit = g_list_model_get_item (tarmac_traveller_detail_get_hits (detail), 0);
  g_assert_cmpstr (tarmac_traveller_hit_get_status (hit), ==, "new");
  g_assert_cmpfloat (tarmac_traveller_hit_get_score (hit), ==, 0.5);

  /* A later push of the booking, without contacts. */
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("INSERT INTO pnr (carrier, record_locator, version, pushed_at,"
                         " retain_until) SELECT carrier, record_locator, version + 1,"
                         " '2099-01-01T00:00:00Z', retain_until FROM pnr WHERE id = %lld;",
                         (long long) pnr_id);
  exec (store, sql);
  newest_pnr = query_int (store, "SELECT max (id) FROM pnr WHERE ?1 = ?1", 0);

  g_clear_object (&detail);
  detail = tarmac_store_load_traveller_detail (store, id, &error);
  g_assert_no_error (error);

  /* Both versions are listed, newest first, and the newest push is the one shown. */
  g_assert_cmpuint (g_list_model_get_n_items (tarmac_traveller_detail_get_pnr_versions (detail)),
                    ==, 2);
  newest = g_list_model_get_item (tarmac_traveller_detail_get_pnr_versions (detail), 0);
  g_assert_cmpint (tarmac_pnr_version_get_id (newest), ==, newest_pnr);
  g_assert_cmpstr (tarmac_pnr_version_get_pushed_at (newest), ==, "2099-01-01T00:00:00Z");
  g_assert_cmpint (tarmac_traveller_detail_get_pnr_id (detail), ==, newest_pnr);
  /* That push has no contacts of its own. */
  g_assert_cmpuint (g_list_model_get_n_items (tarmac_traveller_detail_get_contacts (detail)),
                    ==, 0);
}

static void
test_detail_masked (void)
{
  g_autoptr(TarmacStore) store = open_demo_file (NULL);
  g_autoptr(TarmacTravellerDetail) detail = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TarmacTravelDocument) document = NULL;
  TarmacRetentionPolicy policy;
  TarmacRetentionStats stats;
  gint64 id = find_booked_traveller (store);
  GListModel *co_travellers;
  GListModel *payments;
  const char *reference;
  guint64 n_audit;

  /* A year after the demo's flights, everyone is past the six months of masking. */
  tarmac_retention_policy_init (&policy);
  policy.now = "2027-03-28T00:00:00Z";
  g_assert_true (tarmac_retention_apply (store, &policy, &stats, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.travellers_masked, >, 0);

  n_audit = count_audit_rows (store);
  detail = tarmac_store_load_traveller_detail (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_audit_rows (store), ==, n_audit + 1);

  g_assert_true (tarmac_traveller_detail_get_masked (detail));
  g_assert_cmpstr (tarmac_traveller_detail_get_surname (detail), ==, "***");
  reference = tarmac_traveller_detail_get_booking_reference (detail);
  g_assert_true (reference == NULL || g_str_equal (reference, "***"));
  document = g_list_model_get_item (tarmac_traveller_detail_get_documents (detail), 0);
  g_assert_cmpstr (tarmac_travel_document_get_number (document), ==, "***");

  /* Contacts of a masked booking link no one, and its card is gone. */
  co_travellers = tarmac_traveller_detail_get_co_travellers (detail);
  for (guint i = 0; i < g_list_model_get_n_items (co_travellers); i++)
    {
      g_autoptr(TarmacCoTraveller) co = g_list_model_get_item (co_travellers, i);

      g_assert_cmpint (tarmac_co_traveller_get_reason (co), !=,
                       TARMAC_CO_TRAVELLER_SHARED_CONTACT);
    }
  payments = tarmac_traveller_detail_get_payments (detail);
  for (guint i = 0; i < g_list_model_get_n_items (payments); i++)
    {
      g_autoptr(TarmacPnrPayment) payment = g_list_model_get_item (payments, i);

      g_assert_null (tarmac_pnr_payment_get_card_last4 (payment));
    }
}

static void
on_loaded_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  TarmacTravellerDetail **detail = user_data;
  g_autoptr(GError) error = NULL;

  *detail = tarmac_store_load_traveller_detail_finish (TARMAC_STORE (object), result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (*detail);
}

static void
on_load_failed_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  GError **error = user_data;

  g_assert_null (tarmac_store_load_traveller_detail_finish (TARMAC_STORE (object), result,
                                                            error));
}

static void
test_detail_async (void)
{
  g_autofree char *path = NULL;
  g_autoptr(TarmacStore) store = open_demo_file (&path);
  g_autoptr(TarmacStore) memory = NULL;
  g_autoptr(TarmacTravellerDetail) detail = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = find_booked_traveller (store);
  guint64 n_audit = count_audit_rows (store);

  /* On a connection of its own: the audit row is in the file all the same. */
  tarmac_store_load_traveller_detail_async (store, id, NULL, on_loaded_cb, &detail);
  while (detail == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpint (tarmac_traveller_detail_get_id (detail), ==, id);
  g_assert_cmpuint (g_list_model_get_n_items (tarmac_traveller_detail_get_documents (detail)),
                    >, 0);
  g_assert_cmpuint (count_audit_rows (store), ==, n_audit + 1);

  /* Unknown traveller: the error comes back. */
  tarmac_store_load_traveller_detail_async (store, 999999999, NULL, on_load_failed_cb, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (error, TARMAC_STORE_ERROR, TARMAC_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* ":memory:" cannot be opened twice: it is read on the store itself. */
  memory = tarmac_store_open (":memory:", &error);
  g_assert_no_error (error);
  tarmac_store_load_traveller_detail_async (memory, 1, NULL, on_load_failed_cb, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (error, TARMAC_STORE_ERROR, TARMAC_STORE_ERROR_NOT_FOUND);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/traveller-detail/load", test_detail_load);
  g_test_add_func ("/traveller-detail/not-found", test_detail_not_found);
  g_test_add_func ("/traveller-detail/links", test_detail_links);
  g_test_add_func ("/traveller-detail/masked", test_detail_masked);
  g_test_add_func ("/traveller-detail/async", test_detail_async);

  return g_test_run ();
}
