/* test-seizure-codes.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "tarmac-seizure-code.h"
#include "tarmac-seizure-codes.h"

static void
test_codes_labels (void)
{
  TarmacSeizureCodes *codes = tarmac_seizure_codes_get_default ();
  g_autoptr(GListModel) drugs = NULL;
  g_autoptr(TarmacSeizureCode) first = NULL;

  g_assert_true (tarmac_seizure_codes_has (codes, "category", "DRUG"));
  g_assert_true (tarmac_seizure_codes_has (codes, "subtype", "PANGOLIN_SCALES"));
  g_assert_false (tarmac_seizure_codes_has (codes, "subtype", "UNOBTAINIUM"));
  g_assert_cmpstr (tarmac_seizure_codes_get_label (codes, "subtype", "COCAINE", "fr"), ==,
                   "Cocaïne (sel)");
  g_assert_cmpstr (tarmac_seizure_codes_get_label (codes, "concealment", "INTERNAL", "en"), ==,
                   "Internal (swallowed or inserted)");
  g_assert_cmpstr (tarmac_seizure_codes_get_label (codes, "category", "CASH", "ar"), ==,
                   "النقد والأدوات القابلة للتداول لحاملها");
  /* An unknown code shows as itself rather than as nothing. */
  g_assert_cmpstr (tarmac_seizure_codes_get_label (codes, "unit", "XYZ", "en"), ==, "XYZ");
  g_assert_cmpstr (tarmac_seizure_codes_get_category (codes, "IVORY"), ==, "WILD");
  g_assert_cmpstr (tarmac_seizure_codes_get_area (codes, "DRUG"), ==, "DRUGS");

  /* Every table the records use, with five labels each: the loader refuses fewer. */
  for (guint i = 0; i < 8; i++)
    {
      const char *tables[] = { "category", "subtype", "unit", "concealment",
                               "detection_technique", "selection_reason", "agency_role",
                               "currency" };
      g_autoptr(GListModel) list = tarmac_seizure_codes_list (codes, tables[i], NULL, "pt");

      g_assert_cmpuint (g_list_model_get_n_items (list), >, 3);
    }

  drugs = tarmac_seizure_codes_list (codes, "subtype", "DRUG", "es");
  g_assert_cmpuint (g_list_model_get_n_items (drugs), ==, 29);
  first = g_list_model_get_item (drugs, 0);
  g_assert_cmpstr (tarmac_seizure_code_get_code (first), ==, "OPIUM");
  g_assert_cmpstr (tarmac_seizure_code_get_label (first), ==, "Opio");
  g_assert_cmpstr (tarmac_seizure_code_get_parent (first), ==, "DRUG");

  g_assert_true (tarmac_seizure_codes_is_targeted (codes, "API_PNR"));
  g_assert_false (tarmac_seizure_codes_is_targeted (codes, "RANDOM"));
}

static void
test_codes_units_allowed (void)
{
  TarmacSeizureCodes *codes = tarmac_seizure_codes_get_default ();

  /* Inherited from the category (DRUG: KG G L ML U)… */
  g_assert_true (tarmac_seizure_codes_unit_allowed (codes, "COCAINE", "U"));
  g_assert_true (tarmac_seizure_codes_unit_allowed (codes, "HEROIN", "ML"));
  g_assert_false (tarmac_seizure_codes_unit_allowed (codes, "COCAINE", "SPEC"));
  /* …or the sub-type's own list. */
  g_assert_true (tarmac_seizure_codes_unit_allowed (codes, "LIVE_ANIMAL", "SPEC"));
  g_assert_false (tarmac_seizure_codes_unit_allowed (codes, "LIVE_ANIMAL", "KG"));
  g_assert_false (tarmac_seizure_codes_unit_allowed (codes, "COCA_LEAF", "U"));
  g_assert_false (tarmac_seizure_codes_unit_allowed (codes, "NOPE", "KG"));
}

static void
test_codes_kg_equivalent (void)
{
  TarmacSeizureCodes *codes = tarmac_seizure_codes_get_default ();
  double kg = 0, factor = 0;

  g_assert_true (tarmac_seizure_kg_equivalent (codes, "COCAINE", "KG", 12.5, &kg, &factor));
  g_assert_cmpfloat_with_epsilon (kg, 12.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (factor, 1.0, 1e-12);

  g_assert_true (tarmac_seizure_kg_equivalent (codes, "CANN_RESIN", "G", 750, &kg, &factor));
  g_assert_cmpfloat_with_epsilon (kg, 0.75, 1e-9);

  /* UNODC: a litre counts as a kilogram. */
  g_assert_true (tarmac_seizure_kg_equivalent (codes, "CANN_OIL", "L", 3, &kg, NULL));
  g_assert_cmpfloat_with_epsilon (kg, 3.0, 1e-9);
  g_assert_true (tarmac_seizure_kg_equivalent (codes, "CANN_OIL", "ML", 250, &kg, NULL));
  g_assert_cmpfloat_with_epsilon (kg, 0.25, 1e-9);

  /* Per-substance factors: 100 mg a tablet of methamphetamine, 170 mg of captagon,
   * 10 g a swallowed pellet of cocaine, 1 g a cigarette. */
  g_assert_true (tarmac_seizure_kg_equivalent (codes, "METHAMPH", "U", 20000, &kg, &factor));
  g_assert_cmpfloat_with_epsilon (kg, 2.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (factor, 0.0001, 1e-12);
  g_assert_true (tarmac_seizure_kg_equivalent (codes, "CAPTAGON", "U", 1000, &kg, NULL));
  g_assert_cmpfloat_with_epsilon (kg, 0.17, 1e-9);
  g_assert_true (tarmac_seizure_kg_equivalent (codes, "COCAINE", "U", 87, &kg, NULL));
  g_assert_cmpfloat_with_epsilon (kg, 0.87, 1e-9);
  g_assert_true (tarmac_seizure_kg_equivalent (codes, "CIGARETTES", "STK", 10000, &kg, NULL));
  g_assert_cmpfloat_with_epsilon (kg, 10.0, 1e-9);
  g_assert_true (tarmac_seizure_kg_equivalent (codes, "GEMSTONES", "CT", 500, &kg, NULL));
  g_assert_cmpfloat_with_epsilon (kg, 0.1, 1e-9);

  /* No factor: tablets of an unlisted sedative, pieces of counterfeit goods, animals. */
  kg = -7;
  g_assert_false (tarmac_seizure_kg_equivalent (codes, "SEDATIVE_OTH", "U", 10, &kg, NULL));
  g_assert_false (tarmac_seizure_kg_equivalent (codes, "IPR_CLOTHING", "PCS", 10, &kg, NULL));
  g_assert_false (tarmac_seizure_kg_equivalent (codes, "LIVE_ANIMAL", "SPEC", 3, &kg, NULL));
  g_assert_cmpfloat (kg, ==, -7);
}

static void
test_codes_usd (void)
{
  TarmacSeizureCodes *codes = tarmac_seizure_codes_get_default ();
  gint64 usd = -1;

  g_assert_true (tarmac_seizure_usd_minor (codes, "USD", 1234567, 1.0, &usd));
  g_assert_cmpint (usd, ==, 1234567);
  /* €50,000.00 at 1.08 → $54,000.00 */
  g_assert_true (tarmac_seizure_usd_minor (codes, "EUR", 5000000, 1.08, &usd));
  g_assert_cmpint (usd, ==, 5400000);
  /* XOF has no minor unit: 10,000,000 F CFA at 0.00165 → $16,500.00 */
  g_assert_true (tarmac_seizure_usd_minor (codes, "XOF", 10000000, 0.00165, &usd));
  g_assert_cmpint (usd, ==, 1650000);
  /* TND has three decimals: 1,000.000 TND at 0.32 → $320.00 */
  g_assert_true (tarmac_seizure_usd_minor (codes, "TND", 1000000, 0.32, &usd));
  g_assert_cmpint (usd, ==, 32000);

  usd = -1;
  g_assert_false (tarmac_seizure_usd_minor (codes, "ZZZ", 100, 1.0, &usd));
  g_assert_false (tarmac_seizure_usd_minor (codes, "EUR", 100, 0.0, &usd));
  g_assert_false (tarmac_seizure_usd_minor (codes, "EUR", G_MAXINT64, 1e9, &usd));
  g_assert_cmpint (usd, ==, -1);
}

static void
test_codes_hostile_list (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) not_codes = g_bytes_new_static ("{\"tables\": {}}", 14);
  g_autoptr(GBytes) short_labels = NULL;
  const char *json = "{\"format\": \"tarmac-seizure-codes\", \"tables\": {\"unit\": "
                     "[{\"code\": \"KG\", \"labels\": [\"kg\"]}]}}";
  TarmacSeizureCodes *codes;

  codes = tarmac_seizure_codes_new_from_bytes (not_codes, &error);
  g_assert_null (codes);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_clear_error (&error);

  short_labels = g_bytes_new_static (json, strlen (json));
  codes = tarmac_seizure_codes_new_from_bytes (short_labels, &error);
  g_assert_null (codes);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/seizure/codes/labels", test_codes_labels);
  g_test_add_func ("/seizure/codes/units-allowed", test_codes_units_allowed);
  g_test_add_func ("/seizure/codes/kg-equivalent", test_codes_kg_equivalent);
  g_test_add_func ("/seizure/codes/usd", test_codes_usd);
  g_test_add_func ("/seizure/codes/hostile-list", test_codes_hostile_list);

  return g_test_run ();
}
