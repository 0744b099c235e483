/* test-seizure-store.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "tarmac-seizure-store.h"
#include "tarmac-store-private.h"
#include "tarmac-test-util.h"

static JsonNode *
load_fixture (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "seizures", name, NULL);

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static TarmacStore *
store_with_fixture (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = load_fixture ("results-march-2026.json");
  TarmacStore *store = tarmac_store_open (":memory:", &error);
  JsonArray *array = json_node_get_array (root);

  g_assert_no_error (error);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      tarmac_seizure_store_add_json (store, json_array_get_element (array, i), NULL, NULL, &error);
      g_assert_no_error (error);
    }
  return store;
}

static gint64
count (TarmacStore *store,
       const char  *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = _tarmac_store_prepare (store, sql, &error);

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

/* Everything a seizure write could touch, as one string to compare before and after. */
static char *
snapshot (TarmacStore *store)
{
  const char *tables[] = { "seizure", "seizure_item", "seizure_route", "seizure_agency",
                           "seizure_person", "seizure_attachment", "attachment_blob",
                           "ht_referral", "security_referral", "activity", "audit_log" };
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", tables[i]);

      g_string_append_printf (text, "%s=%lld ", tables[i], (long long) count (store, sql));
    }
  g_string_append_printf (text, "status=%lld", (long long) count (store,
    "SELECT total (length (status) * id) FROM seizure"));
  return g_string_free (text, FALSE);
}

static void
test_store_round_trip (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TarmacStore) store = store_with_fixture ();
  g_autoptr(TarmacSeizure) seizure = NULL;
  g_autoptr(TarmacSeizureItem) item = NULL;
  g_autoptr(TarmacSeizureItem) cash = NULL;
  g_autoptr(TarmacSeizureLeg) leg = NULL;
  g_autoptr(TarmacSeizurePerson) person = NULL;
  g_autoptr(GListModel) list = NULL;
  gint64 id;

  g_assert_cmpint (count (store, "SELECT count(*) FROM seizure"), ==, 9);
  g_assert_cmpint (count (store, "SELECT count(*) FROM ht_referral"), ==, 1);
  g_assert_cmpint (count (store, "SELECT count(*) FROM activity"), ==, 2);
  g_assert_cmpint (count (store, "SELECT count(*) FROM audit_log WHERE object_type = 'seizure'"
                                 " AND action = 'create'"), ==, 9);

  id = tarmac_seizure_store_find (store, "DSS-2026-0001", &error);
  g_assert_no_error (error);
  seizure = tarmac_seizure_store_load (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tarmac_seizure_get_status (seizure), ==, "VALIDATED");
  g_assert_nonnull (tarmac_seizure_get_validated_at (seizure));
  g_assert_cmpint (tarmac_seizure_get_series_id (seizure), ==, id);
  item = g_list_model_get_item (tarmac_seizure_get_items (seizure), 0);
  g_assert_cmpstr (tarmac_seizure_item_get_category (item), ==, "DRUG");
  /* 87 pellets of cocaine at 10 g: the factor is kept beside the figure. */
  g_assert_cmpfloat_with_epsilon (tarmac_seizure_item_get_kg_equivalent (item), 0.87, 1e-9);
  g_assert_cmpfloat_with_epsilon (tarmac_seizure_item_get_kg_factor (item), 0.01, 1e-12);
  g_assert_cmpint (g_list_model_get_n_items (tarmac_seizure_get_legs (seizure)), ==, 3);
  leg = g_list_model_get_item (tarmac_seizure_get_legs (seizure), 2);
  g_assert_cmpstr (tarmac_seizure_leg_get_role (leg), ==, "DESTINATION");
  g_assert_cmpstr (tarmac_seizure_leg_get_airport (leg), ==, "MAD");
  person = g_list_model_get_item (tarmac_seizure_get_persons (seizure), 0);
  g_assert_cmpstr (tarmac_seizure_person_get_age_band (person), ==, "25_34");
  g_assert_true (tarmac_seizure_person_get_arrested (person));
  g_clear_object (&seizure);

  /* €50,000 at 1.08: the rate is stored on the item with the USD figure. */
  id = tarmac_seizure_store_find (store, "DSS-2026-0003", &error);
  seizure = tarmac_seizure_store_load (store, id, &error);
  g_assert_no_error (error);
  cash = g_list_model_get_item (tarmac_seizure_get_items (seizure), 0);
  g_assert_cmpint (tarmac_seizure_item_get_value_minor (cash), ==, 5000000);
  g_assert_cmpint (tarmac_seizure_item_get_value_usd_minor (cash), ==, 5400000);
  g_assert_cmpfloat_with_epsilon (tarmac_seizure_item_get_fx_rate (cash), 1.08, 1e-12);
  g_assert_cmpfloat (tarmac_seizure_item_get_kg_equivalent (cash), <, 0);

  list = tarmac_seizure_store_list (store, "2026-03-01", "2026-03-31", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 7);
}

static void
test_store_refusals_change_nothing (void)
{
  g_autoptr(TarmacStore) store = store_with_fixture ();
  g_autofree char *before = snapshot (store);
  const struct { const char *file; int code; const char *field; } cases[] = {
    { "bad-quantity.json", TARMAC_SEIZURE_ERROR_QUANTITY, "items[1].quantity" },
    { "bad-absurd.json", TARMAC_SEIZURE_ERROR_QUANTITY, "items[1].quantity" },
    { "bad-code.json", TARMAC_SEIZURE_ERROR_UNKNOWN_CODE, "items[1].concealment" },
    { "bad-rate.json", TARMAC_SEIZURE_ERROR_MISSING_RATE, "items[1].fx_rate" },
    { "bad-unit.json", TARMAC_SEIZURE_ERROR_UNKNOWN_CODE, "items[1].unit" },
    { "bad-nominal.json", TARMAC_SEIZURE_ERROR_INVALID, "persons[1]" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) node = load_fixture (cases[i].file);
      g_autofree char *after = NULL;

      g_test_message ("%s", cases[i].file);
      g_assert_false (tarmac_seizure_store_add_json (store, node, NULL, NULL, &error));
      g_assert_error (error, TARMAC_SEIZURE_ERROR, cases[i].code);
      g_assert_true (g_str_has_prefix (error->message, cases[i].field));
      after = snapshot (store);
      g_assert_cmpstr (after, ==, before);
    }
}

static void
test_store_validated_lock (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TarmacStore) store = store_with_fixture ();
  g_autoptr(TarmacSeizure) seizure = NULL;
  g_autoptr(TarmacSeizure) second = NULL;
  g_autoptr(TarmacSeizure) third = NULL;
  g_autoptr(TarmacSeizureItem) item = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 id = tarmac_seizure_store_find (store, "DSS-2026-0002", &error);

  g_assert_no_error (error);
  seizure = tarmac_seizure_store_load (store, id, &error);
  g_assert_no_error (error);
  before = snapshot (store);

  /* In place, through the core: refused with the reason, nothing changed. */
  item = g_list_model_get_item (tarmac_seizure_get_items (seizure), 0);
  tarmac_seizure_item_set_quantity (item, 125);
  g_assert_false (tarmac_seizure_store_save (store, seizure, &error));
  g_assert_error (error, TARMAC_SEIZURE_ERROR, TARMAC_SEIZURE_ERROR_LOCKED);
  g_clear_error (&error);
  after = snapshot (store);
  g_assert_cmpstr (after, ==, before);
  g_clear_pointer (&after, g_free);

  /* …and behind the core's back: the triggers refuse too. */
  g_assert_false (_tarmac_store_exec (store, "UPDATE seizure SET narrative = 'x' WHERE ref_no ="
                                             " 'DSS-2026-0002'", &error));
  g_clear_error (&error);
  g_assert_false (_tarmac_store_exec (store, "UPDATE seizure_item SET quantity = 125 WHERE"
                                             " seizure_id = (SELECT id FROM seizure WHERE"
                                             " ref_no = 'DSS-2026-0002')", &error));
  g_clear_error (&error);
  g_assert_false (_tarmac_store_exec (store, "DELETE FROM seizure WHERE ref_no = 'DSS-2026-0002'",
                                      &error));
  g_clear_error (&error);
  g_assert_false (_tarmac_store_exec (store, "UPDATE seizure SET status = 'DRAFT' WHERE ref_no ="
                                             " 'DSS-2026-0002'", &error));
  g_clear_error (&error);
  after = snapshot (store);
  g_assert_cmpstr (after, ==, before);

  /* Moving forward is allowed; skipping validation is not. */
  g_assert_true (tarmac_seizure_store_set_status (store, id, "SHARED", &error));
  g_assert_no_error (error);
  g_assert_false (tarmac_seizure_store_set_status (store,
                                                   tarmac_seizure_store_find (store, "DSS-2026-0007",
                                                                              NULL),
                                                   "VALIDATED", &error));
  g_assert_error (error, TARMAC_SEIZURE_ERROR, TARMAC_SEIZURE_ERROR_STATUS);
  g_clear_error (&error);

  /* An edit is a new version: same reference and series, version 2, a draft. */
  second = tarmac_seizure_store_new_version (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tarmac_seizure_get_version (second), ==, 2);
  g_assert_cmpint (tarmac_seizure_get_previous_id (second), ==, id);
  g_assert_cmpint (tarmac_seizure_get_series_id (second), ==, id);
  g_assert_cmpstr (tarmac_seizure_get_status (second), ==, "DRAFT");
  g_assert_cmpstr (tarmac_seizure_get_ref_no (second), ==, "DSS-2026-0002");
  g_clear_object (&item);
  item = g_list_model_get_item (tarmac_seizure_get_items (second), 0);
  tarmac_seizure_item_set_quantity (item, 12.0);
  g_assert_true (tarmac_seizure_store_save (store, second, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (store, "SELECT quantity FROM seizure_item WHERE seizure_id = (SELECT id"
                                 " FROM seizure WHERE ref_no = 'DSS-2026-0002' AND version = 1)"),
                   ==, 12);   /* 12.5 read as an integer: version 1 kept its figure */
  g_assert_cmpint (count (store, "SELECT count(*) FROM seizure_item WHERE quantity = 12.0"), ==, 1);

  /* One line of history: a second edit of version 1 is refused. */
  third = tarmac_seizure_store_new_version (store, id, &error);
  g_assert_null (third);
  g_assert_error (error, TARMAC_SEIZURE_ERROR, TARMAC_SEIZURE_ERROR_STATUS);
  g_clear_error (&error);

  list = tarmac_seizure_store_list (store, "2026-03-07", "2026-03-07", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  g_clear_object (&third);
  third = g_list_model_get_item (list, 0);
  g_assert_cmpint (tarmac_seizure_get_version (third), ==, 2);
}

static void
test_store_attachments (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TarmacStore) store = store_with_fixture ();
  g_autoptr(JsonNode) node = load_fixture ("bad-code.json");
  g_autoptr(TarmacSeizure) seizure = NULL;
  g_autoptr(TarmacSeizure) loaded = NULL;
  g_autoptr(TarmacSeizure) second = NULL;
  g_autoptr(TarmacSeizureAttachment) attachment = tarmac_seizure_attachment_new ();
  g_autoptr(TarmacSeizureAttachment) stored = NULL;
  g_autoptr(TarmacSeizureItem) item = NULL;
  g_autoptr(GBytes) photo = g_bytes_new_static ("\x89PNG\r\n\x1a\n-not-really-a-png", 25);
  g_autoptr(GBytes) read_back = NULL;
  g_autofree char *digest = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, photo);

  seizure = tarmac_seizure_from_json (node, NULL, &error);
  g_assert_no_error (error);
  item = g_list_model_get_item (tarmac_seizure_get_items (seizure), 0);
  tarmac_seizure_item_set_concealment (item, "CABIN_BAG");
  tarmac_seizure_attachment_set_kind (attachment, "CONCEALMENT");
  tarmac_seizure_attachment_set_file_name (attachment, "bag.png");
  tarmac_seizure_attachment_set_data (attachment, photo);
  tarmac_seizure_add_attachment (seizure, attachment);
  g_assert_true (tarmac_seizure_store_save (store, seizure, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (tarmac_seizure_get_ref_no (seizure), ==, "DSS-2026-0009");

  loaded = tarmac_seizure_store_load (store, tarmac_seizure_get_id (seizure), &error);
  g_assert_no_error (error);
  stored = g_list_model_get_item (tarmac_seizure_get_attachments (loaded), 0);
  g_assert_cmpstr (tarmac_seizure_attachment_get_sha256 (stored), ==, digest);
  /* Guessed from the name and bytes (the answer depends on shared-mime-info). */
  g_assert_nonnull (tarmac_seizure_attachment_get_mime_type (stored));
  g_assert_cmpint (tarmac_seizure_attachment_get_size (stored), ==, 25);
  read_back = tarmac_seizure_store_read_attachment (store, tarmac_seizure_attachment_get_id (stored),
                                                    &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (read_back, photo));

  /* A new version points at the same bytes: stored once. */
  g_assert_true (tarmac_seizure_store_set_status (store, tarmac_seizure_get_id (seizure),
                                                  "SUBMITTED", &error));
  g_assert_true (tarmac_seizure_store_set_status (store, tarmac_seizure_get_id (seizure),
                                                  "VALIDATED", &error));
  second = tarmac_seizure_store_new_version (store, tarmac_seizure_get_id (seizure), &error);
  g_assert_no_error (error);
  g_assert_cmpint (count (store, "SELECT count(*) FROM seizure_attachment"), ==, 2);
  g_assert_cmpint (count (store, "SELECT count(*) FROM attachment_blob"), ==, 1);
}

static void
test_store_hostile_json (void)
{
  const char *inputs[] = {
    "[]", "42", "{\"items\": 3}", "{\"items\": [7]}", "{\"airport\": 12}",
    "{\"items\": [{\"subtype\": \"COCAINE\", \"quantity\": \"lots\", \"unit\": \"KG\"}]}",
    "{\"items\": [{\"subtype\": \"COCAINE\", \"pieces\": 1.5}]}",
    "{\"record\": \"ht_referral\", \"airport\": \"DSS\", \"occurred_at\": \"2026-03-01T00:00:00Z\","
    " \"referred_to\": \"x\", \"victims\": [\"A name\"]}",
    "{\"record\": \"ht_referral\", \"airport\": \"DSS\", \"occurred_at\": \"2026-03-01T00:00:00Z\","
    " \"referred_to\": \"x\", \"victims_male_adult\": -4}",
    "{\"record\": \"spaceship\"}",
  };
  g_autoptr(TarmacStore) store = store_with_fixture ();
  g_autofree char *before = snapshot (store);

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) node = json_from_string (inputs[i], &error);
      g_autofree char *after = NULL;

      g_assert_no_error (error);
      g_assert_false (tarmac_seizure_store_add_json (store, node, NULL, NULL, &error));
      g_assert_true (error != NULL && error->domain == TARMAC_SEIZURE_ERROR);
      after = snapshot (store);
      g_assert_cmpstr (after, ==, before);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/seizure/store/round-trip", test_store_round_trip);
  g_test_add_func ("/seizure/store/refusals-change-nothing", test_store_refusals_change_nothing);
  g_test_add_func ("/seizure/store/validated-lock", test_store_validated_lock);
  g_test_add_func ("/seizure/store/attachments", test_store_attachments);
  g_test_add_func ("/seizure/store/hostile-json", test_store_hostile_json);

  return g_test_run ();
}
