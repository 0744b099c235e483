/* test-seizure-evidence.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "tarmac-demo.h"
#include "tarmac-flight.h"
#include "tarmac-hit.h"
#include "tarmac-seizure-alert.h"
#include "tarmac-seizure-draft.h"
#include "tarmac-seizure-evidence.h"
#include "tarmac-seizure-image.h"
#include "tarmac-seizure-store.h"
#include "tarmac-test-store.h"
#include "tarmac-test-util.h"

/* The core under the seizure form: drafts filled from a hit, a traveller or a flight;
 * saving a record as a hit's outcome; evidence (exhibits, custody, lab results); photos
 * recognised by their bytes, PNG and JPEG, and a JPEG in the alert PDF. */

/* A needle in bytes that hold NUL (memmem would need _GNU_SOURCE). */
static gboolean
contains_bytes (const char *data,
                gsize       length,
                const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= length; i++)
    if (memcmp (data + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

static TarmacSeizure *
minimal_seizure (void)
{
  TarmacSeizure *seizure = tarmac_seizure_new ();
  g_autoptr(TarmacSeizureItem) item = tarmac_seizure_item_new ();
  g_autoptr(TarmacSeizureAgency) agency = tarmac_seizure_agency_new ();

  tarmac_seizure_set_airport (seizure, "LFW");
  tarmac_seizure_set_occurred_at (seizure, "2026-03-14T06:40:00Z");
  tarmac_seizure_set_selection_reason (seizure, "RISK_PROFILE");
  tarmac_seizure_set_detection_technique (seizure, "XRAY");
  tarmac_seizure_item_set_subtype (item, "COCAINE");
  tarmac_seizure_item_set_quantity (item, 1.5);
  tarmac_seizure_item_set_unit (item, "KG");
  tarmac_seizure_add_item (seizure, item);
  tarmac_seizure_agency_set_agency (agency, "Douanes LFW");
  tarmac_seizure_agency_set_agency_type (agency, "CUSTOMS");
  tarmac_seizure_agency_set_role (agency, "LEAD");
  tarmac_seizure_add_agency (seizure, agency);
  return seizure;
}

static TarmacStore *
open_memory (void)
{
  g_autoptr(GError) error = NULL;
  TarmacStore *store = tarmac_store_open (":memory:", &error);

  g_assert_no_error (error);
  return store;
}

static GBytes *
fixture_bytes (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "seizures", name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static void
test_helpers (void)
{
  g_assert_cmpstr (tarmac_seizure_country_alpha2 ("TGO"), ==, "TG");
  g_assert_cmpstr (tarmac_seizure_country_alpha2 ("NGA"), ==, "NG");
  g_assert_cmpstr (tarmac_seizure_country_alpha2 ("ABW"), ==, "AW");
  g_assert_cmpstr (tarmac_seizure_country_alpha2 ("ZWE"), ==, "ZW");
  g_assert_cmpstr (tarmac_seizure_country_alpha2 ("D"), ==, "DE");
  g_assert_null (tarmac_seizure_country_alpha2 ("XXX"));
  g_assert_null (tarmac_seizure_country_alpha2 ("TG"));
  g_assert_null (tarmac_seizure_country_alpha2 (NULL));

  g_assert_cmpstr (tarmac_seizure_age_band ("1990-06-15", "2026-06-14"), ==, "35_44");
  g_assert_cmpstr (tarmac_seizure_age_band ("1991-06-15", "2026-06-14"), ==, "25_34");
  g_assert_cmpstr (tarmac_seizure_age_band ("1991-06-15", "2026-06-15"), ==, "35_44");
  g_assert_cmpstr (tarmac_seizure_age_band ("2010-01-01", "2026-06-15"), ==, "U18");
  g_assert_cmpstr (tarmac_seizure_age_band ("1950", "2026-06-15"), ==, "55P");
  g_assert_cmpstr (tarmac_seizure_age_band (NULL, "2026-06-15"), ==, "UNK");
  g_assert_cmpstr (tarmac_seizure_age_band ("soon", "2026-06-15"), ==, "UNK");
  g_assert_cmpstr (tarmac_seizure_age_band ("2030-01-01", "2026-06-15"), ==, "UNK");
}

static void
test_image_sniff (void)
{
  g_autoptr(GBytes) jpeg = fixture_bytes ("photo.jpg");
  static const guchar png_header[] = {
    0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
    0, 0, 0, 40, 0, 0, 0, 30, 8, 2, 0, 0, 0,
  };
  static const guchar huge_png[] = {
    0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
    0, 1, 0, 0, 0, 0, 0, 30, 8, 2, 0, 0, 0,
  };
  static const guchar truncated_jpeg[] = { 0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 'J', 'F' };
  g_autoptr(GBytes) png = g_bytes_new_static (png_header, sizeof png_header);
  g_autoptr(GBytes) huge = g_bytes_new_static (huge_png, sizeof huge_png);
  g_autoptr(GBytes) truncated = g_bytes_new_static (truncated_jpeg, sizeof truncated_jpeg);
  g_autoptr(GBytes) text = g_bytes_new_static ("not a photo", 11);
  guint width = 0, height = 0;

  g_assert_cmpstr (tarmac_seizure_image_sniff (jpeg, &width, &height), ==, "image/jpeg");
  g_assert_cmpuint (width, ==, 40);
  g_assert_cmpuint (height, ==, 30);
  g_assert_cmpstr (tarmac_seizure_image_sniff (png, &width, &height), ==, "image/png");
  g_assert_cmpuint (width, ==, 40);
  g_assert_null (tarmac_seizure_image_sniff (huge, NULL, NULL));
  g_assert_null (tarmac_seizure_image_sniff (truncated, NULL, NULL));
  g_assert_null (tarmac_seizure_image_sniff (text, NULL, NULL));
}

/* A JPEG photo is stored as image/jpeg whatever its name, and the alert PDF embeds it. */
static void
test_jpeg_alert (void)
{
  g_autoptr(TarmacStore) store = open_memory ();
  g_autoptr(TarmacSeizure) seizure = minimal_seizure ();
  g_autoptr(TarmacSeizureAttachment) photo = tarmac_seizure_attachment_new ();
  g_autoptr(GBytes) jpeg = fixture_bytes ("photo.jpg");
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *digest = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, jpeg);
  g_autofree char *mime = NULL;
  g_autofree char *stored = NULL;
  gsize length = 0;
  const char *data;

  tarmac_seizure_attachment_set_kind (photo, "CONCEALMENT");
  tarmac_seizure_attachment_set_file_name (photo, "suitcase.png");
  tarmac_seizure_attachment_set_shareable (photo, TRUE);
  tarmac_seizure_attachment_set_data (photo, jpeg);
  tarmac_seizure_add_attachment (seizure, photo);
  g_assert_true (tarmac_seizure_store_save (store, seizure, &error));
  g_assert_no_error (error);

  mime = tarmac_test_query_text (store, "SELECT mime_type FROM seizure_attachment");
  g_assert_cmpstr (mime, ==, "image/jpeg");
  stored = tarmac_test_query_text (store, "SELECT sha256 FROM seizure_attachment");
  g_assert_cmpstr (stored, ==, digest);

  pdf = tarmac_seizure_alert_export (store, tarmac_seizure_get_ref_no (seizure), "pdf", "en", &error);
  g_assert_no_error (error);
  g_assert_nonnull (pdf);
  data = g_bytes_get_data (pdf, &length);
  /* The JPEG is embedded as it is (DCT), not decoded and re-encoded. */
  g_assert_true (contains_bytes (data, length, "/DCTDecode"));
}

static gint64
insert_hit (TarmacStore *store,
            gint64       traveller_id,
            const char  *status)
{
  g_autoptr(sqlite3_stmt) stmt = _tarmac_store_prepare (store,
    "INSERT INTO hit (traveller_id, source, score, explanation, created_at, updated_at,"
    " retain_until, status) VALUES (?1, 'lookout', 0.9, 'lookout', '2026-01-01T08:00:00Z',"
    " '2026-01-01T08:00:00Z', '2031-01-01', ?2) RETURNING id", NULL);

  sqlite3_bind_int64 (stmt, 1, traveller_id);
  sqlite3_bind_text (stmt, 2, status, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

static gint64
count (TarmacStore *store,
       const char  *format,
       gint64       value)
{
  g_autofree char *sql = g_strdup_printf (format, (long long) value);

  return tarmac_test_count (store, sql);
}

static void
test_draft_and_outcome (void)
{
  g_autoptr(TarmacStore) store = open_memory ();
  g_autoptr(GError) error = NULL;
  g_autoptr(TarmacSeizure) draft = NULL;
  g_autoptr(TarmacSeizure) blank = NULL;
  g_autoptr(TarmacSeizurePerson) person = NULL;
  g_autoptr(TarmacSeizureLeg) departure = NULL;
  g_autoptr(TarmacFlight) flight = NULL;
  g_autofree char *snapshot = NULL;
  g_autofree char *after = NULL;
  TarmacDemoOptions options;
  gint64 traveller_id, flight_id, hit_id, views;

  tarmac_demo_options_init (&options);
  options.days = 1;
  options.scale = 0.1;
  /* No earlier records: the draft's lead agency is the one this test gives it. */
  options.results = FALSE;
  g_assert_true (tarmac_demo_generate (store, &options, NULL, &error));
  g_assert_no_error (error);
  traveller_id = tarmac_test_count (store, "SELECT min (id) FROM traveller WHERE kind = 'passenger'"
                                           " AND nationality IS NOT NULL");
  flight_id = count (store, "SELECT flight_id FROM traveller WHERE id = %lld", traveller_id);
  flight = tarmac_store_get_flight (store, flight_id, NULL);
  hit_id = insert_hit (store, traveller_id, "new");

  /* A blank draft: now, this airport, no links. */
  blank = tarmac_seizure_draft_new (store, 0, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_nonnull (tarmac_seizure_get_occurred_at (blank));
  g_assert_cmpuint (g_list_model_get_n_items (tarmac_seizure_get_legs (blank)), ==, 0);
  g_assert_cmpint (tarmac_seizure_get_hit_id (blank), ==, 0);

  /* From the hit: the reads are audited; the person has no name. */
  views = tarmac_test_count (store, "SELECT count(*) FROM audit_log WHERE action = 'view'");
  draft = tarmac_seizure_draft_new (store, hit_id, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tarmac_test_count (store, "SELECT count(*) FROM audit_log WHERE action = 'view'"),
                   >, views);
  g_assert_cmpint (tarmac_seizure_get_hit_id (draft), ==, hit_id);
  g_assert_cmpint (tarmac_seizure_get_traveller_id (draft), ==, traveller_id);
  g_assert_cmpint (tarmac_seizure_get_flight_id (draft), ==, flight_id);
  g_assert_cmpstr (tarmac_seizure_get_selection_reason (draft), ==, "PARTNER_ALERT");
  g_assert_cmpuint (g_list_model_get_n_items (tarmac_seizure_get_legs (draft)), ==, 2);
  departure = g_list_model_get_item (tarmac_seizure_get_legs (draft), 0);
  g_assert_cmpstr (tarmac_seizure_leg_get_role (departure), ==, "DEPARTURE");
  g_assert_cmpstr (tarmac_seizure_leg_get_airport (departure), ==, tarmac_flight_get_origin (flight));
  g_assert_cmpuint (strlen (tarmac_seizure_leg_get_country (departure)), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (tarmac_seizure_get_persons (draft)), ==, 1);
  person = g_list_model_get_item (tarmac_seizure_get_persons (draft), 0);
  g_assert_cmpstr (tarmac_seizure_person_get_role (person), ==, "PASSENGER_COURIER");
  g_assert_cmpuint (strlen (tarmac_seizure_person_get_nationality (person)), ==, 2);

  /* What the hit cannot know. */
  {
    g_autoptr(TarmacSeizure) filled = minimal_seizure ();
    GListModel *items = tarmac_seizure_get_items (filled);
    GListModel *agencies = tarmac_seizure_get_agencies (filled);
    g_autoptr(TarmacSeizureItem) item = g_list_model_get_item (items, 0);
    g_autoptr(TarmacSeizureAgency) agency = g_list_model_get_item (agencies, 0);

    tarmac_seizure_add_item (draft, item);
    tarmac_seizure_add_agency (draft, agency);
    tarmac_seizure_set_detection_technique (draft, "XRAY");
  }

  /* A record the core refuses changes neither the seizures nor the hit. */
  tarmac_seizure_set_detection_technique (draft, "TELEPATHY");
  snapshot = tarmac_test_snapshot (store);
  g_assert_false (tarmac_seizure_store_save_for_hit (store, draft, &error));
  g_assert_error (error, TARMAC_SEIZURE_ERROR, TARMAC_SEIZURE_ERROR_UNKNOWN_CODE);
  g_clear_error (&error);
  after = tarmac_test_snapshot (store);
  g_assert_cmpstr (snapshot, ==, after);
  g_assert_cmpint (tarmac_seizure_get_id (draft), ==, 0);

  /* Saved: the new hit is referred, then controlled positive, with comments; linked. */
  tarmac_seizure_set_detection_technique (draft, "XRAY");
  g_assert_true (tarmac_seizure_store_save_for_hit (store, draft, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (store, "SELECT count(*) FROM hit WHERE id = %lld"
                                 " AND status = 'controlled_positive'", hit_id), ==, 1);
  g_assert_cmpint (count (store, "SELECT count(*) FROM hit_comment WHERE hit_id = %lld", hit_id), ==, 2);
  g_assert_cmpint (count (store, "SELECT hit_id FROM seizure WHERE id = %lld",
                          tarmac_seizure_get_id (draft)), ==, hit_id);

  /* A closed hit refuses a second positive outcome: nothing is saved. */
  {
    g_autoptr(TarmacSeizure) again = tarmac_seizure_draft_new (store, insert_hit (store, traveller_id, "cleared"),
                                                               0, 0, &error);
    g_autoptr(TarmacSeizure) filled = minimal_seizure ();
    g_autoptr(TarmacSeizureItem) item = g_list_model_get_item (tarmac_seizure_get_items (filled), 0);
    gint64 before = tarmac_test_count (store, "SELECT count(*) FROM seizure");

    g_assert_no_error (error);
    tarmac_seizure_add_item (again, item);
    tarmac_seizure_set_detection_technique (again, "K9");
    g_assert_false (tarmac_seizure_store_save_for_hit (store, again, &error));
    g_assert_error (error, TARMAC_STORE_ERROR, TARMAC_STORE_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_cmpint (tarmac_test_count (store, "SELECT count(*) FROM seizure"), ==, before);
    g_assert_cmpint (tarmac_seizure_get_id (again), ==, 0);
    g_assert_null (tarmac_seizure_get_ref_no (again));
  }

  /* The next draft by the same officer gets their agency as lead. */
  {
    g_autoptr(TarmacSeizure) next = tarmac_seizure_draft_new (store, 0, 0, flight_id, &error);
    g_autoptr(TarmacSeizureAgency) lead = NULL;

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (tarmac_seizure_get_agencies (next)), ==, 1);
    lead = g_list_model_get_item (tarmac_seizure_get_agencies (next), 0);
    g_assert_cmpstr (tarmac_seizure_agency_get_agency (lead), ==, "Douanes LFW");
    g_assert_cmpstr (tarmac_seizure_agency_get_role (lead), ==, "LEAD");
    g_assert_cmpint (tarmac_seizure_get_flight_id (next), ==, flight_id);
    g_assert_cmpuint (g_list_model_get_n_items (tarmac_seizure_get_persons (next)), ==, 0);
  }
}

static void
test_evidence (void)
{
  g_autoptr(TarmacStore) store = open_memory ();
  g_autoptr(TarmacSeizure) seizure = minimal_seizure ();
  g_autoptr(TarmacSeizureExhibit) exhibit = tarmac_seizure_exhibit_new ();
  g_autoptr(TarmacSeizureExhibit) twin = tarmac_seizure_exhibit_new ();
  g_autoptr(TarmacSeizureCustodyEvent) to_lab = tarmac_seizure_custody_event_new ();
  g_autoptr(TarmacSeizureCustodyEvent) nowhere = tarmac_seizure_custody_event_new ();
  g_autoptr(TarmacSeizureCustodyEvent) destroyed = tarmac_seizure_custody_event_new ();
  g_autoptr(TarmacSeizureCustodyEvent) late = tarmac_seizure_custody_event_new ();
  g_autoptr(TarmacSeizureLabResult) result = tarmac_seizure_lab_result_new ();
  g_autoptr(TarmacSeizureLabResult) bad = tarmac_seizure_lab_result_new ();
  g_autoptr(GListModel) exhibits = NULL;
  g_autoptr(GListModel) chain = NULL;
  g_autoptr(GListModel) results = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *snapshot = NULL;
  g_autofree char *after = NULL;
  g_autofree char *status = NULL;
  gint64 id;

  g_assert_true (tarmac_seizure_store_save (store, seizure, &error));
  /* Custody goes on after validation. */
  g_assert_true (tarmac_seizure_store_set_status (store, tarmac_seizure_get_id (seizure), "SUBMITTED", &error));
  g_assert_true (tarmac_seizure_store_set_status (store, tarmac_seizure_get_id (seizure), "VALIDATED", &error));
  g_assert_no_error (error);

  tarmac_seizure_exhibit_set_series_id (exhibit, tarmac_seizure_get_series_id (seizure));
  tarmac_seizure_exhibit_set_exhibit_no (exhibit, "LFW-EX-2026-001");
  tarmac_seizure_exhibit_set_seal_no (exhibit, "S-4471");
  tarmac_seizure_exhibit_set_item_seq (exhibit, 1);
  g_assert_true (tarmac_seizure_store_add_exhibit (store, exhibit, &error));
  g_assert_no_error (error);
  id = tarmac_seizure_exhibit_get_id (exhibit);

  /* The same number twice is refused, and nothing is written. */
  tarmac_seizure_exhibit_set_series_id (twin, tarmac_seizure_get_series_id (seizure));
  tarmac_seizure_exhibit_set_exhibit_no (twin, "LFW-EX-2026-001");
  snapshot = tarmac_test_snapshot (store);
  g_assert_false (tarmac_seizure_store_add_exhibit (store, twin, &error));
  g_assert_error (error, TARMAC_SEIZURE_ERROR, TARMAC_SEIZURE_ERROR_INVALID);
  g_clear_error (&error);

  /* A hand-over must say to whom. */
  tarmac_seizure_custody_event_set_exhibit_id (nowhere, id);
  tarmac_seizure_custody_event_set_action (nowhere, "TRANSFERRED");
  g_assert_false (tarmac_seizure_store_add_custody_event (store, nowhere, &error));
  g_assert_error (error, TARMAC_SEIZURE_ERROR, TARMAC_SEIZURE_ERROR_INVALID);
  g_clear_error (&error);
  after = tarmac_test_snapshot (store);
  g_assert_cmpstr (snapshot, ==, after);

  tarmac_seizure_custody_event_set_exhibit_id (to_lab, id);
  tarmac_seizure_custody_event_set_action (to_lab, "TO_LAB");
  tarmac_seizure_custody_event_set_to_party (to_lab, "Laboratoire national");
  tarmac_seizure_custody_event_set_seal_no_after (to_lab, "S-4472");
  tarmac_seizure_custody_event_set_witness (to_lab, "Lt. Adjo");
  g_assert_true (tarmac_seizure_store_add_custody_event (store, to_lab, &error));
  g_assert_no_error (error);
  status = tarmac_test_query_text (store, "SELECT status || ' ' || seal_no FROM exhibit");
  g_assert_cmpstr (status, ==, "AT_LAB S-4472");

  tarmac_seizure_lab_result_set_exhibit_id (bad, id);
  tarmac_seizure_lab_result_set_lab_name (bad, "Laboratoire national");
  tarmac_seizure_lab_result_set_purity_pct (bad, 180);
  g_assert_false (tarmac_seizure_store_add_lab_result (store, bad, &error));
  g_assert_error (error, TARMAC_SEIZURE_ERROR, TARMAC_SEIZURE_ERROR_QUANTITY);
  g_clear_error (&error);

  tarmac_seizure_lab_result_set_exhibit_id (result, id);
  tarmac_seizure_lab_result_set_lab_name (result, "Laboratoire national");
  tarmac_seizure_lab_result_set_substance (result, "COCAINE");
  tarmac_seizure_lab_result_set_purity_pct (result, 78.5);
  tarmac_seizure_lab_result_set_report_ref (result, "LN-2026-118");
  g_assert_true (tarmac_seizure_store_add_lab_result (store, result, &error));
  g_assert_no_error (error);

  tarmac_seizure_custody_event_set_exhibit_id (destroyed, id);
  tarmac_seizure_custody_event_set_action (destroyed, "DESTROYED");
  tarmac_seizure_custody_event_set_reason (destroyed, "Court order 2026/44");
  g_assert_true (tarmac_seizure_store_add_custody_event (store, destroyed, &error));
  tarmac_seizure_custody_event_set_exhibit_id (late, id);
  tarmac_seizure_custody_event_set_action (late, "WEIGHED");
  g_assert_false (tarmac_seizure_store_add_custody_event (store, late, &error));
  g_assert_error (error, TARMAC_SEIZURE_ERROR, TARMAC_SEIZURE_ERROR_STATUS);
  g_clear_error (&error);

  exhibits = tarmac_seizure_store_list_exhibits (store, tarmac_seizure_get_series_id (seizure), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (exhibits), ==, 1);
  chain = tarmac_seizure_store_list_custody (store, id, &error);
  g_assert_cmpuint (g_list_model_get_n_items (chain), ==, 3);
  {
    g_autoptr(TarmacSeizureCustodyEvent) first = g_list_model_get_item (chain, 0);

    g_assert_cmpstr (tarmac_seizure_custody_event_get_action (first), ==, "SEIZED");
    g_assert_cmpstr (tarmac_seizure_custody_event_get_seal_no_after (first), ==, "S-4471");
    g_assert_nonnull (tarmac_seizure_custody_event_get_recorded_by (first));
  }
  results = tarmac_seizure_store_list_lab_results (store, id, &error);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 1);
  g_assert_cmpint (tarmac_test_count (store, "SELECT count(*) FROM audit_log WHERE object_type"
                                             " IN ('exhibit', 'custody_event', 'lab_result')"), ==, 5);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/seizure-evidence/helpers", test_helpers);
  g_test_add_func ("/seizure-evidence/image-sniff", test_image_sniff);
  g_test_add_func ("/seizure-evidence/jpeg-alert", test_jpeg_alert);
  g_test_add_func ("/seizure-evidence/draft-and-outcome", test_draft_and_outcome);
  g_test_add_func ("/seizure-evidence/evidence", test_evidence);

  return g_test_run ();
}
