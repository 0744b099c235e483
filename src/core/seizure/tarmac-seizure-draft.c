/* tarmac-seizure-draft.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-seizure"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "tarmac-demo-schedule.h"
#include "tarmac-flight.h"
#include "tarmac-hit.h"
#include "tarmac-seizure-codes.h"
#include "tarmac-seizure-draft.h"
#include "tarmac-seizure-store.h"
#include "tarmac-store-private.h"
#include "tarmac-traveller-detail.h"

/* ISO 3166-1 alpha-3 followed by alpha-2, sorted by alpha-3 (from the iso-codes list):
 * manifests give nationalities in alpha-3, seizure records in alpha-2. */
static const char iso3166[] =
  "ABWAWAFGAFAGOAOAIAAIALAAXALBALANDADAREAEARGARARMAMASMASATAAQATFTFATGAGAUSAUAUTATAZEAZBDIBI"
  "BELBEBENBJBESBQBFABFBGDBDBGRBGBHRBHBHSBSBIHBABLMBLBLRBYBLZBZBMUBMBOLBOBRABRBRBBBBRNBNBTNBT"
  "BVTBVBWABWCAFCFCANCACCKCCCHECHCHLCLCHNCNCIVCICMRCMCODCDCOGCGCOKCKCOLCOCOMKMCPVCVCRICRCUBCU"
  "CUWCWCXRCXCYMKYCYPCYCZECZDEUDEDJIDJDMADMDNKDKDOMDODZADZECUECEGYEGERIERESHEHESPESESTEEETHET"
  "FINFIFJIFJFLKFKFRAFRFROFOFSMFMGABGAGBRGBGEOGEGGYGGGHAGHGIBGIGINGNGLPGPGMBGMGNBGWGNQGQGRCGR"
  "GRDGDGRLGLGTMGTGUFGFGUMGUGUYGYHKGHKHMDHMHNDHNHRVHRHTIHTHUNHUIDNIDIMNIMINDINIOTIOIRLIEIRNIR"
  "IRQIQISLISISRILITAITJAMJMJEYJEJORJOJPNJPKAZKZKENKEKGZKGKHMKHKIRKIKNAKNKORKRKWTKWLAOLALBNLB"
  "LBRLRLBYLYLCALCLIELILKALKLSOLSLTULTLUXLULVALVMACMOMAFMFMARMAMCOMCMDAMDMDGMGMDVMVMEXMXMHLMH"
  "MKDMKMLIMLMLTMTMMRMMMNEMEMNGMNMNPMPMOZMZMRTMRMSRMSMTQMQMUSMUMWIMWMYSMYMYTYTNAMNANCLNCNERNE"
  "NFKNFNGANGNICNINIUNUNLDNLNORNONPLNPNRUNRNZLNZOMNOMPAKPKPANPAPCNPNPERPEPHLPHPLWPWPNGPGPOLPL"
  "PRIPRPRKKPPRTPTPRYPYPSEPSPYFPFQATQAREUREROURORUSRURWARWSAUSASDNSDSENSNSGPSGSGSGSSHNSHSJMSJ"
  "SLBSBSLESLSLVSVSMRSMSOMSOSPMPMSRBRSSSDSSSTPSTSURSRSVKSKSVNSISWESESWZSZSXMSXSYCSCSYRSYTCATC"
  "TCDTDTGOTGTHATHTJKTJTKLTKTKMTMTLSTLTONTOTTOTTTUNTNTURTRTUVTVTWNTWTZATZUGAUGUKRUAUMIUMURYUY"
  "USAUSUZBUZVATVAVCTVCVENVEVGBVGVIRVIVNMVNVUTVUWLFWFWSMWSYEMYEZAFZAZMBZMZWEZW";

/**
 * tarmac_seizure_country_alpha2:
 * @alpha3: an ISO 3166-1 alpha-3 code (or "D", Germany in machine-readable documents)
 *
 * Returns: (nullable): the alpha-2 code, a static string, or %NULL
 */
const char *
tarmac_seizure_country_alpha2 (const char *alpha3)
{
  static char results[G_N_ELEMENTS (iso3166) / 5][3];
  guint low = 0, high = (sizeof iso3166 - 1) / 5;

  if (alpha3 == NULL)
    return NULL;
  if (g_str_equal (alpha3, "D") || g_str_equal (alpha3, "D<<"))
    alpha3 = "DEU";
  if (strlen (alpha3) != 3)
    return NULL;

  while (low < high)
    {
      guint mid = (low + high) / 2;
      int cmp = strncmp (alpha3, iso3166 + mid * 5, 3);

      if (cmp == 0)
        {
          /* Written once per entry, always with the same bytes: safe from any thread. */
          memcpy (results[mid], iso3166 + mid * 5 + 3, 2);
          results[mid][2] = '\0';
          return results[mid];
        }
      if (cmp < 0)
        high = mid;
      else
        low = mid + 1;
    }
  return NULL;
}

/**
 * tarmac_seizure_age_band:
 * @date_of_birth: (nullable): YYYY-MM-DD (a year alone is enough for most bands)
 * @on_day: the day of the seizure, YYYY-MM-DD…
 *
 * Returns: the age band code (U18, 18_24 … 55P), UNK when the date is unknown
 */
const char *
tarmac_seizure_age_band (const char *date_of_birth,
                         const char *on_day)
{
  int by, bm = 0, bd = 0, y, m = 0, d = 0, age;

  if (date_of_birth == NULL || on_day == NULL ||
      sscanf (date_of_birth, "%4d-%2d-%2d", &by, &bm, &bd) < 1 ||
      sscanf (on_day, "%4d-%2d-%2d", &y, &m, &d) < 3 || by < 1900 || by > y)
    return "UNK";
  age = y - by;
  if (bm > m || (bm == m && bd > d))
    age--;
  if (age < 18)
    return "U18";
  if (age < 25)
    return "18_24";
  if (age < 35)
    return "25_34";
  if (age < 45)
    return "35_44";
  if (age < 55)
    return "45_54";
  return "55P";
}

/**
 * tarmac_seizure_store_airport_country:
 * @airport: an IATA airport code
 *
 * The country of an airport, as officers last typed it on a route, or from the airports
 * Tarmac knows of. Not personal data: not audited.
 *
 * Returns: (transfer full) (nullable): an ISO alpha-2 code, or %NULL when unknown
 */
char *
tarmac_seizure_store_airport_country (TarmacStore *store,
                                      const char  *airport)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (TARMAC_IS_STORE (store), NULL);

  if (airport == NULL)
    return NULL;
  stmt = _tarmac_store_prepare (store,
    "SELECT country FROM seizure_route WHERE airport = ? ORDER BY rowid DESC LIMIT 1", NULL);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, airport, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        return g_strdup (_tarmac_store_column_text (stmt, 0));
    }
  for (guint i = 0; i < _tarmac_demo_n_airports; i++)
    if (g_str_equal (_tarmac_demo_airports[i].code, airport))
      return g_strdup (tarmac_seizure_country_alpha2 (_tarmac_demo_airports[i].country));
  return NULL;
}

/* The officer's agency: the lead agency of their last record, else the agency of their
 * account, named by its type. */
static void
add_lead_agency (TarmacStore   *store,
                 TarmacSeizure *seizure)
{
  static const struct { const char *officer; const char *type; } types[] = {
    { "customs", "CUSTOMS" }, { "police", "POLICE" }, { "gendarmerie", "GENDARMERIE" },
    { "immigration", "IMMIGRATION" }, { "other", "OTHER" },
  };
  g_autoptr(sqlite3_stmt) last = NULL;
  g_autoptr(sqlite3_stmt) officer = NULL;
  g_autoptr(TarmacSeizureAgency) agency = NULL;
  const char *actor = tarmac_store_get_actor (store);

  last = _tarmac_store_prepare (store,
    "SELECT a.agency, a.agency_type FROM seizure_agency a JOIN seizure s ON s.id = a.seizure_id"
    " WHERE s.created_by = ? AND a.role = 'LEAD' ORDER BY s.id DESC LIMIT 1", NULL);
  if (last == NULL)
    return;
  sqlite3_bind_text (last, 1, actor, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (last) == SQLITE_ROW)
    {
      agency = tarmac_seizure_agency_new ();
      tarmac_seizure_agency_set_agency (agency, _tarmac_store_column_text (last, 0));
      tarmac_seizure_agency_set_agency_type (agency, _tarmac_store_column_text (last, 1));
    }
  else if ((officer = _tarmac_store_prepare (store,
              "SELECT agency FROM officer WHERE login = ?", NULL)) != NULL)
    {
      sqlite3_bind_text (officer, 1, actor, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (officer) == SQLITE_ROW)
        for (guint i = 0; i < G_N_ELEMENTS (types); i++)
          if (g_strcmp0 (_tarmac_store_column_text (officer, 0), types[i].officer) == 0)
            {
              agency = tarmac_seizure_agency_new ();
              tarmac_seizure_agency_set_agency (agency,
                                                tarmac_seizure_codes_get_label (tarmac_seizure_codes_get_default (),
                                                                                "agency_type",
                                                                                types[i].type, NULL));
              tarmac_seizure_agency_set_agency_type (agency, types[i].type);
            }
    }
  if (agency == NULL)
    return;
  tarmac_seizure_agency_set_role (agency, "LEAD");
  tarmac_seizure_add_agency (seizure, agency);
}

static void
add_leg (TarmacStore   *store,
         TarmacSeizure *seizure,
         const char    *role,
         const char    *airport)
{
  g_autoptr(TarmacSeizureLeg) leg = tarmac_seizure_leg_new ();
  g_autofree char *country = tarmac_seizure_store_airport_country (store, airport);

  tarmac_seizure_leg_set_role (leg, role);
  tarmac_seizure_leg_set_airport (leg, airport);
  tarmac_seizure_leg_set_country (leg, country);
  tarmac_seizure_add_leg (seizure, leg);
}

static gboolean
fill_flight (TarmacStore    *store,
             TarmacSeizure  *seizure,
             gint64          flight_id,
             gboolean        crew,
             GError        **error)
{
  g_autoptr(TarmacFlight) flight = tarmac_store_get_flight (store, flight_id, error);
  g_autofree char *label = NULL;
  const char *direction, *place, *flow;

  if (flight == NULL)
    return FALSE;

  label = g_strdup_printf ("%s %s", tarmac_flight_get_designator (flight),
                           tarmac_flight_get_flight_date (flight));
  tarmac_seizure_set_flight_id (seizure, flight_id);
  tarmac_seizure_set_flight_label (seizure, label);
  switch (tarmac_flight_get_direction (flight))
    {
    case TARMAC_DIRECTION_OUTBOUND:
      direction = "OUT", place = "DEP", flow = "AIR_PAX";
      break;
    case TARMAC_DIRECTION_TRANSIT:
      direction = "TRN", place = "TRN", flow = "AIR_TRANSIT_PAX";
      break;
    case TARMAC_DIRECTION_INBOUND:
    default:
      direction = "IN", place = "ARR", flow = "AIR_PAX";
      break;
    }
  tarmac_seizure_set_direction (seizure, direction);
  tarmac_seizure_set_place (seizure, place);
  tarmac_seizure_set_flow_type (seizure, crew ? "AIR_CREW" : flow);

  tarmac_seizure_clear_lists (seizure);
  add_leg (store, seizure, "DEPARTURE", tarmac_flight_get_origin (flight));
  add_leg (store, seizure, "DESTINATION", tarmac_flight_get_destination (flight));
  return TRUE;
}

static const char *
reason_for_hit (const char *source)
{
  if (g_strcmp0 (source, "lookout") == 0)
    return "PARTNER_ALERT";
  if (g_strcmp0 (source, "document_list") == 0)
    return "INTERPOL_HIT";
  if (g_strcmp0 (source, "manual") == 0)
    return "RISK_PROFILE";
  /* Watchlists and rules run on API and PNR data. */
  return "API_PNR";
}

/**
 * tarmac_seizure_draft_new:
 * @store: the store
 * @hit_id: the hit the control came from, or 0
 * @traveller_id: the traveller found carrying it, or 0 (taken from the hit if any)
 * @flight_id: the flight, or 0 (taken from the traveller if any)
 * @error: return location for a #GError
 *
 * Reads the hit and the traveller (both reads audited) and makes an unsaved record: the
 * links, the flight's direction and route, the traveller as a person (role, nationality,
 * sex and age band: never the name), the selection reason a hit implies, and the desk's
 * defaults.
 *
 * Returns: (transfer full) (nullable): the draft, not saved
 */
TarmacSeizure *
tarmac_seizure_draft_new (TarmacStore  *store,
                          gint64        hit_id,
                          gint64        traveller_id,
                          gint64        flight_id,
                          GError      **error)
{
  g_autoptr(TarmacSeizure) seizure = tarmac_seizure_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *occurred_at = g_date_time_format (now, "%Y-%m-%dT%H:%M:00Z");
  g_autofree char *airport = NULL;
  gboolean crew = FALSE;

  g_return_val_if_fail (TARMAC_IS_STORE (store), NULL);

  airport = tarmac_store_get_airport_code (store);
  tarmac_seizure_set_occurred_at (seizure, occurred_at);
  tarmac_seizure_set_airport (seizure, airport);

  if (hit_id > 0)
    {
      g_autoptr(TarmacHit) hit = tarmac_hit_get (store, hit_id, error);

      if (hit == NULL)
        return NULL;
      tarmac_seizure_set_hit_id (seizure, hit_id);
      tarmac_seizure_set_selection_reason (seizure, reason_for_hit (tarmac_hit_get_source (hit)));
      if (traveller_id <= 0)
        traveller_id = tarmac_hit_get_traveller_id (hit);
    }

  if (traveller_id > 0)
    {
      g_autoptr(TarmacTravellerDetail) traveller = NULL;
      g_autoptr(TarmacSeizurePerson) person = tarmac_seizure_person_new ();
      const char *sex;

      traveller = tarmac_store_load_traveller_detail (store, traveller_id, error);
      if (traveller == NULL)
        return NULL;
      crew = tarmac_traveller_detail_get_kind (traveller) == TARMAC_TRAVELLER_CREW;
      tarmac_seizure_set_traveller_id (seizure, traveller_id);
      if (flight_id <= 0)
        flight_id = tarmac_traveller_detail_get_flight_id (traveller);

      sex = tarmac_traveller_detail_get_sex (traveller);
      tarmac_seizure_person_set_role (person, crew ? "CREW" : "PASSENGER_COURIER");
      tarmac_seizure_person_set_nationality (person,
        tarmac_seizure_country_alpha2 (tarmac_traveller_detail_get_nationality (traveller)));
      tarmac_seizure_person_set_sex (person, g_strcmp0 (sex, "M") == 0 ? "M"
                                             : g_strcmp0 (sex, "F") == 0 ? "F"
                                             : g_strcmp0 (sex, "X") == 0 ? "X" : "U");
      tarmac_seizure_person_set_age_band (person,
        tarmac_seizure_age_band (tarmac_traveller_detail_get_date_of_birth (traveller),
                                 occurred_at));
      if (flight_id > 0 && !fill_flight (store, seizure, flight_id, crew, error))
        return NULL;
      tarmac_seizure_add_person (seizure, person);
    }
  else if (flight_id > 0 && !fill_flight (store, seizure, flight_id, FALSE, error))
    {
      return NULL;
    }

  add_lead_agency (store, seizure);
  return g_steal_pointer (&seizure);
}

/**
 * tarmac_seizure_store_save_for_hit:
 * @store: the store
 * @seizure: a record whose hit-id is set
 * @error: return location for a #GError
 *
 * Saves @seizure and moves its hit to "controlled: positive", with a comment naming the
 * record: a hit still new or in review is referred first (the control happened). All in
 * one transaction; on error nothing changed.
 *
 * Returns: %TRUE on success
 */
gboolean
tarmac_seizure_store_save_for_hit (TarmacStore    *store,
                                   TarmacSeizure  *seizure,
                                   GError        **error)
{
  g_autoptr(TarmacHit) hit = NULL;
  g_autofree char *comment = NULL;
  gint64 hit_id, old_id;
  const char *status;

  g_return_val_if_fail (TARMAC_IS_STORE (store), FALSE);
  g_return_val_if_fail (TARMAC_IS_SEIZURE (seizure), FALSE);

  hit_id = tarmac_seizure_get_hit_id (seizure);
  if (hit_id <= 0)
    return tarmac_seizure_store_save (store, seizure, error);

  old_id = tarmac_seizure_get_id (seizure);
  if (!tarmac_store_begin (store, error))
    return FALSE;
  if (!tarmac_seizure_store_save (store, seizure, error) ||
      (hit = tarmac_hit_get (store, hit_id, error)) == NULL)
    goto fail;

  /* Translators: the comment a hit gets when a seizure records its control's outcome */
  comment = g_strdup_printf (_("Seizure %s recorded"), tarmac_seizure_get_ref_no (seizure));
  status = tarmac_hit_get_status (hit);
  if ((g_strcmp0 (status, TARMAC_HIT_NEW) == 0 || g_strcmp0 (status, TARMAC_HIT_IN_REVIEW) == 0) &&
      !tarmac_hit_set_status (store, hit_id, TARMAC_HIT_REFERRED, comment, error))
    goto fail;
  if (g_strcmp0 (status, TARMAC_HIT_CONTROLLED_POSITIVE) != 0 &&
      !tarmac_hit_set_status (store, hit_id, TARMAC_HIT_CONTROLLED_POSITIVE, comment, error))
    goto fail;
  if (!tarmac_store_commit (store, error))
    goto fail_committed;
  return TRUE;

fail:
  tarmac_store_rollback (store);
fail_committed:
  tarmac_seizure_set_id (seizure, old_id);
  if (old_id == 0)
    {
      tarmac_seizure_set_ref_no (seizure, NULL);
      tarmac_seizure_set_series_id (seizure, 0);
    }
  return FALSE;
}
