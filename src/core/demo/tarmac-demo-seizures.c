/* tarmac-demo-seizures.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-demo"

#include "config.h"

#include <json-glib/json-glib.h>

#include "tarmac-demo-private.h"
#include "tarmac-demo-schedule.h"
#include "tarmac-seizure-store.h"

/*
 * The demo's results: thirteen months of seizures at Lomé, so that the Seizures page,
 * the Statistics page (this month against the same month last year) and the results
 * report have something to show. The cases are the ones AIRCOP task forces record most
 * (research/seizures.md §2): cocaine couriers from São Paulo through Addis Ababa,
 * swallowers, undeclared cash, tramadol and counterfeit medicines, pangolin scales and
 * ivory leaving for Asia, false passports. They go through the same JSON door as
 * `tarmac-cli seizure add`, so they pass the same checks; people are recorded without
 * names, as every seizure is. A few trafficking and security referrals and two
 * activities complete the results sheet.
 */

typedef struct
{
  const char *subtype;
  const char *unit;        /* NULL for cash */
  double      low, high;   /* quantity, or amount in @currency */
  const char *currency;
  double      fx_rate;     /* USD per unit of @currency */
  const char *concealment;
  const char *detection;
  const char *selection;
  const char *direction;   /* IN, OUT */
  const char *from[2];     /* departure airport and country */
  const char *to[2];       /* destination airport and country */
  const char *person_role;
  const char *nationality;
  const char *legal_action;
  guint       weight;      /* how often, out of the sum */
} Case;

static const Case cases[] = {
  { "COCAINE", "U", 60, 110, NULL, 0, "INTERNAL", "BODY_SCAN", "API_PNR", "IN",
    { "GRU", "BR" }, { "LFW", "TG" }, "SWALLOWER", "BR", "ARREST", 5 },
  { "COCAINE", "KG", 1.8, 7.5, NULL, 0, "CHECKED_BAG_STRUCT", "XRAY", "RISK_PROFILE", "IN",
    { "GRU", "BR" }, { "LFW", "TG" }, "PASSENGER_COURIER", "NG", "ARREST", 6 },
  { "BANKNOTES", NULL, 30000, 180000, "EUR", 1.08, "CABIN_BAG", "XRAY", "RISK_PROFILE",
    "OUT", { "LFW", "TG" }, { "DXB", "AE" }, "PASSENGER_COURIER", "TG", "ADMIN_PENALTY", 4 },
  { "BANKNOTES", NULL, 25000, 90000, "USD", 1.0, "BODY_STRAPPED", "VISUAL_SEARCH", "BEHAVIOUR",
    "OUT", { "LFW", "TG" }, { "IST", "TR" }, "PASSENGER_COURIER", "LB", "ADMIN_PENALTY", 2 },
  { "TRAMADOL", "U", 20000, 120000, NULL, 0, "CHECKED_BAG_CONTENT", "XRAY", "MANIFEST", "IN",
    { "DEL", "IN" }, { "LFW", "TG" }, "PASSENGER_COURIER", "IN", "REFERRED_PROSECUTOR", 3 },
  { "MEDI_COUNTERFEIT", "U", 5000, 40000, NULL, 0, "CARGO_IN_GOODS", "DOC_EXAM", "MANIFEST",
    "IN", { "CAN", "CN" }, { "LFW", "TG" }, "CONSIGNEE", "TG", "SEIZURE_ONLY", 3 },
  { "PANGOLIN_SCALES", "KG", 8, 60, NULL, 0, "CHECKED_BAG_CONTENT", "K9", "INTEL", "OUT",
    { "LFW", "TG" }, { "BKK", "TH" }, "PASSENGER_COURIER", "VN", "ARREST", 2 },
  { "IVORY", "KG", 4, 25, NULL, 0, "CHECKED_BAG_STRUCT", "XRAY", "PARTNER_ALERT", "OUT",
    { "LFW", "TG" }, { "HKG", "HK" }, "PASSENGER_COURIER", "CN", "ARREST", 1 },
  { "CANN_HERB", "KG", 3, 20, NULL, 0, "CHECKED_BAG_CONTENT", "K9", "RANDOM", "OUT",
    { "LFW", "TG" }, { "CDG", "FR" }, "PASSENGER_COURIER", "TG", "ARREST", 2 },
  { "PASSPORT", "PCS", 1, 4, NULL, 0, "PERSONAL_EFFECTS", "DOC_EXAM", "INTERPOL_HIT", "OUT",
    { "LFW", "TG" }, { "BRU", "BE" }, "PASSENGER_COURIER", "CM", "ARREST", 2 },
};

static const char * const agencies[][2] = {
  { "Douanes Togolaises LFW", "CUSTOMS" },
  { "Police aux frontières LFW", "POLICE" },
  { "Gendarmerie nationale", "GENDARMERIE" },
};

static const char * const age_bands[] = { "18_24", "25_34", "25_34", "35_44", "45_54" };

static const Case *
pick_case (GRand *rand)
{
  guint total = 0;
  guint n;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    total += cases[i].weight;
  n = (guint) g_rand_int_range (rand, 0, (gint32) total);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      if (n < cases[i].weight)
        return &cases[i];
      n -= cases[i].weight;
    }
  return &cases[0];
}

static void
add_leg (JsonBuilder *b,
         const char  *role,
         const char  *airport,
         const char  *country)
{
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "role");
  json_builder_add_string_value (b, role);
  json_builder_set_member_name (b, "airport");
  json_builder_add_string_value (b, airport);
  json_builder_set_member_name (b, "country");
  json_builder_add_string_value (b, country);
  json_builder_end_object (b);
}

static void
add_agency (JsonBuilder *b,
            guint        index,
            const char  *role)
{
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "agency");
  json_builder_add_string_value (b, agencies[index][0]);
  json_builder_set_member_name (b, "type");
  json_builder_add_string_value (b, agencies[index][1]);
  json_builder_set_member_name (b, "role");
  json_builder_add_string_value (b, role);
  json_builder_end_object (b);
}

/* One seizure, @day days since 1970, as the JSON of `seizure add`. */
static JsonNode *
build_seizure (GRand      *rand,
               const Case *c,
               gint64      day,
               const char *status)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  char date[11];
  g_autofree char *when = NULL;
  double amount = g_rand_double_range (rand, c->low, c->high);
  guint lead = c->person_role != NULL && g_str_equal (c->subtype, "PASSPORT") ? 1 : 0;

  _tarmac_demo_format_day (day, date);
  when = g_strdup_printf ("%sT%02d:%02d:00Z", date, g_rand_int_range (rand, 5, 23),
                          g_rand_int_range (rand, 0, 60));

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "status");
  json_builder_add_string_value (b, status);
  json_builder_set_member_name (b, "occurred_at");
  json_builder_add_string_value (b, when);
  json_builder_set_member_name (b, "airport");
  json_builder_add_string_value (b, TARMAC_DEMO_HOME_AIRPORT);
  json_builder_set_member_name (b, "place");
  json_builder_add_string_value (b, g_str_equal (c->direction, "IN") ? "ARR" : "DEP");
  json_builder_set_member_name (b, "direction");
  json_builder_add_string_value (b, c->direction);
  json_builder_set_member_name (b, "flow_type");
  json_builder_add_string_value (b, g_str_equal (c->concealment, "CARGO_IN_GOODS") ?
                                    "AIR_CARGO" : "AIR_PAX");
  json_builder_set_member_name (b, "selection_reason");
  json_builder_add_string_value (b, c->selection);
  json_builder_set_member_name (b, "detection_technique");
  json_builder_add_string_value (b, c->detection);
  json_builder_set_member_name (b, "legal_action");
  json_builder_add_string_value (b, c->legal_action);

  json_builder_set_member_name (b, "items");
  json_builder_begin_array (b);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "subtype");
  json_builder_add_string_value (b, c->subtype);
  if (c->unit != NULL)
    {
      /* Whole pellets, tablets and documents; weights to the 10 g. */
      double quantity = g_str_equal (c->unit, "KG") ? (gint64) (amount * 100) / 100.0
                                                    : (double) (gint64) amount;

      json_builder_set_member_name (b, "quantity");
      json_builder_add_double_value (b, quantity);
      json_builder_set_member_name (b, "unit");
      json_builder_add_string_value (b, c->unit);
    }
  else
    {
      json_builder_set_member_name (b, "value");
      json_builder_add_int_value (b, (gint64) amount / 50 * 50);
      json_builder_set_member_name (b, "currency");
      json_builder_add_string_value (b, c->currency);
      json_builder_set_member_name (b, "fx_rate");
      json_builder_add_double_value (b, c->fx_rate);
    }
  json_builder_set_member_name (b, "concealment");
  json_builder_add_string_value (b, c->concealment);
  json_builder_end_object (b);
  json_builder_end_array (b);

  json_builder_set_member_name (b, "route");
  json_builder_begin_array (b);
  add_leg (b, "DEPARTURE", c->from[0], c->from[1]);
  if (g_str_equal (c->from[0], "GRU"))
    add_leg (b, "TRANSIT", "ADD", "ET");
  add_leg (b, "DESTINATION", c->to[0], c->to[1]);
  json_builder_end_array (b);

  /* Customs lead most cases; the police lead document fraud; a third of the cases are
   * joint, so the multi-agency share and "agencies counted once" have something to do. */
  json_builder_set_member_name (b, "agencies");
  json_builder_begin_array (b);
  add_agency (b, lead, "LEAD");
  if (g_rand_int_range (rand, 0, 3) == 0)
    add_agency (b, lead == 0 ? 1 + (guint) g_rand_int_range (rand, 0, 2) : 0, "PARTICIPATED");
  json_builder_end_array (b);

  json_builder_set_member_name (b, "persons");
  json_builder_begin_array (b);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "role");
  json_builder_add_string_value (b, c->person_role);
  json_builder_set_member_name (b, "nationality");
  json_builder_add_string_value (b, c->nationality);
  json_builder_set_member_name (b, "sex");
  json_builder_add_string_value (b, g_rand_int_range (rand, 0, 4) == 0 ? "F" : "M");
  json_builder_set_member_name (b, "age_band");
  json_builder_add_string_value (b, age_bands[g_rand_int_range (rand, 0,
                                                                 G_N_ELEMENTS (age_bands))]);
  json_builder_set_member_name (b, "arrested");
  json_builder_add_boolean_value (b, g_str_equal (c->legal_action, "ARREST"));
  json_builder_end_object (b);
  json_builder_end_array (b);

  json_builder_end_object (b);
  return json_builder_get_root (b);
}

/**
 * _tarmac_demo_write_seizures:
 * @store: the demo store, inside its transaction
 * @anchor_day: the demo's middle day, in days since 1970-01-01
 * @seed: the demo's seed
 * @error: return location for a #GError
 *
 * About four seizures a month over the thirteen months up to @anchor_day (the last few
 * still drafts or waiting for validation), a trafficking and a security referral, a
 * training and a joint operation, three weeks before @anchor_day.
 *
 * Returns: %TRUE on success
 */
gboolean
_tarmac_demo_write_seizures (TarmacStore  *store,
                             gint64        anchor_day,
                             guint         seed,
                             GError      **error)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed ^ 0x5e12u);
  gint64 first = anchor_day - 395;
  char date[11];
  g_autofree char *json = NULL;

  for (gint64 day = first; day <= anchor_day; day += g_rand_int_range (rand, 4, 11))
    {
      const char *status = day > anchor_day - 4 ? "DRAFT"
                           : day > anchor_day - 10 ? "SUBMITTED" : "VALIDATED";

      g_autoptr(JsonNode) seizure = build_seizure (rand, pick_case (rand), day, status);

      if (!tarmac_seizure_store_add_json (store, seizure, NULL, NULL, error))
        return FALSE;
    }

  _tarmac_demo_format_day (anchor_day - 20, date);
  json = g_strdup_printf (
    "[{\"record\": \"ht_referral\", \"airport\": \"LFW\", \"occurred_at\": \"%sT08:10:00Z\","
    "  \"direction\": \"OUT\", \"victims_female_adult\": 2, \"victims_female_child\": 1,"
    "  \"nationalities\": \"TG\", \"exploitation_type\": \"LABOUR\","
    "  \"referred_to\": \"Brigade des mineurs\", \"suspects_held\": 1},"
    " {\"record\": \"security_referral\", \"airport\": \"LFW\","
    "  \"occurred_at\": \"%sT14:30:00Z\", \"trigger_kind\": \"NOTICE\", \"persons_count\": 1,"
    "  \"referred_to\": \"BCN INTERPOL Lomé\", \"outcome\": \"DENIED_BOARDING\"},"
    " {\"record\": \"activity\", \"kind\": \"TRAINING\", \"title\": \"Passenger profiling\","
    "  \"start_date\": \"%s\", \"participants_female\": 6, \"participants_male\": 11},"
    " {\"record\": \"activity\", \"kind\": \"JOINT_OPERATION\","
    "  \"title\": \"Cash couriers to the Gulf\", \"start_date\": \"%s\","
    "  \"participants_female\": 3, \"participants_male\": 9}]",
    date, date, date, date);

  {
    g_autoptr(JsonNode) events = json_from_string (json, error);
    JsonArray *array;

    if (events == NULL)
      return FALSE;
    array = json_node_get_array (events);

    for (guint i = 0; i < json_array_get_length (array); i++)
      if (!tarmac_seizure_store_add_json (store, json_array_get_element (array, i), NULL,
                                          NULL, error))
        return FALSE;
  }

  return TRUE;
}
