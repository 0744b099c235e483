/* test-demo.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "tarmac-demo.h"
#include "tarmac-hit.h"
#include "tarmac-screener.h"
#include "tarmac-name-key.h"
#include "tarmac-store-private.h"
#include "tarmac-test-util.h"

/* Every table the generator writes, in a fixed order. */
static const char * const generated_tables[] = {
  "source_file", "message", "flight", "flight_leg", "pnr", "pnr_contact", "pnr_payment",
  "pnr_segment", "traveller", "travel_document", "pnr_ssr", "note",
};

static gint64
count (TarmacStore *store,
       const char  *sql)
{
  g_autoptr(sqlite3_stmt) stmt = _tarmac_store_prepare (store, sql, NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

static TarmacStore *
open_memory (void)
{
  g_autoptr(GError) error = NULL;
  TarmacStore *store = tarmac_store_open (":memory:", &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

static void
small_options (TarmacDemoOptions *options)
{
  tarmac_demo_options_init (options);
  options->seed = 7;
  g_strlcpy (options->anchor_day, "2026-03-28", sizeof options->anchor_day);
  options->days = 3;
  options->scale = 0.5;
}

static TarmacStore *
generate (const TarmacDemoOptions *options,
          TarmacDemoStats         *stats)
{
  g_autoptr(GError) error = NULL;
  TarmacStore *store = open_memory ();

  g_assert_true (tarmac_demo_generate (store, options, stats, &error));
  g_assert_no_error (error);
  return store;
}

/* A digest of every generated row, column by column with its type, in id order. */
static char *
digest_tables (TarmacStore *store)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  static const char * const meta_keys[] = {
    "demo", "demo-anchor-day", "demo-seed", "demo-days", "demo-scale", "airport-code",
  };

  for (guint t = 0; t < G_N_ELEMENTS (generated_tables); t++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s ORDER BY rowid",
                                              generated_tables[t]);
      g_autoptr(sqlite3_stmt) stmt = _tarmac_store_prepare (store, sql, NULL);
      guint rows = 0;

      g_assert_nonnull (stmt);
      g_checksum_update (checksum, (const guchar *) generated_tables[t], -1);

      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            {
              guchar type = (guchar) sqlite3_column_type (stmt, c);

              /* When the demo's list screened its travellers: the time of generation. */
              if (g_str_equal (sqlite3_column_name (stmt, c), "screened_at"))
                continue;

              g_checksum_update (checksum, &type, 1);
              if (type != SQLITE_NULL)
                {
                  const guchar *blob = sqlite3_column_blob (stmt, c);
                  int len = sqlite3_column_bytes (stmt, c);

                  g_checksum_update (checksum, (const guchar *) &len, sizeof len);
                  if (len > 0)
                    g_checksum_update (checksum, blob, len);
                }
            }
          rows++;
        }
      g_assert_cmpuint (rows, >, 0);
    }

  for (guint k = 0; k < G_N_ELEMENTS (meta_keys); k++)
    {
      g_autofree char *value = tarmac_store_get_meta (store, meta_keys[k]);

      g_assert_nonnull (value);
      g_checksum_update (checksum, (const guchar *) value, -1);
    }

  return g_strdup (g_checksum_get_string (checksum));
}

static void
test_deterministic (void)
{
  TarmacDemoOptions options;
  TarmacDemoStats stats_a, stats_b, stats_c;
  g_autoptr(TarmacStore) a = NULL;
  g_autoptr(TarmacStore) b = NULL;
  g_autoptr(TarmacStore) c = NULL;
  g_autoptr(TarmacStore) d = NULL;
  g_autofree char *digest_a = NULL;
  g_autofree char *digest_b = NULL;
  g_autofree char *digest_c = NULL;
  g_autofree char *digest_d = NULL;

  small_options (&options);
  a = generate (&options, &stats_a);
  b = generate (&options, &stats_b);
  digest_a = digest_tables (a);
  digest_b = digest_tables (b);
  g_assert_cmpstr (digest_a, ==, digest_b);
  g_assert_true (memcmp (&stats_a, &stats_b, sizeof stats_a) == 0);

  options.seed = 8;
  c = generate (&options, &stats_c);
  digest_c = digest_tables (c);
  g_assert_cmpstr (digest_a, !=, digest_c);

  /* Another anchor day gives other data too. */
  options.seed = 7;
  g_strlcpy (options.anchor_day, "2026-03-29", sizeof options.anchor_day);
  d = generate (&options, NULL);
  digest_d = digest_tables (d);
  g_assert_cmpstr (digest_a, !=, digest_d);
}

static TarmacStore *realistic_store;
static TarmacDemoStats realistic_stats;

/* One realistic week, shared by the checks below. */
static TarmacStore *
get_realistic_store (void)
{
  if (realistic_store == NULL)
    {
      TarmacDemoOptions options;

      tarmac_demo_options_init (&options);
      g_strlcpy (options.anchor_day, "2026-11-22", sizeof options.anchor_day);
      realistic_store = generate (&options, &realistic_stats);
    }

  return realistic_store;
}

static void
test_flights (void)
{
  TarmacStore *store = get_realistic_store ();
  g_autoptr(sqlite3_stmt) stmt = NULL;
  guint days = 0;

  g_assert_cmpint (count (store, "SELECT count(*) FROM flight"), ==, realistic_stats.flights);

  /* 20 to 30 movements a day at the hub; the days inside the window are whole (the edges
   * lose or gain flights dated at their origin the day before). */
  stmt = _tarmac_store_prepare (store,
                                "SELECT flight_date, count(*) FROM flight"
                                " WHERE flight_date BETWEEN '2026-11-20' AND '2026-11-24'"
                                " GROUP BY flight_date",
                                NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_test_message ("%s: %d flights", sqlite3_column_text (stmt, 0),
                      sqlite3_column_int (stmt, 1));
      g_assert_cmpint (sqlite3_column_int (stmt, 1), >=, 18);
      g_assert_cmpint (sqlite3_column_int (stmt, 1), <=, 36);
      days++;
    }
  g_assert_cmpuint (days, ==, 5);

  g_assert_cmpint (count (store, "SELECT count(*) FROM flight WHERE direction = 'inbound'"),
                   >, 30);
  g_assert_cmpint (count (store, "SELECT count(*) FROM flight WHERE direction = 'outbound'"),
                   >, 30);
  g_assert_cmpint (count (store, "SELECT count(*) FROM flight WHERE direction = 'transit'"),
                   >, 0);
  g_assert_cmpint (count (store, "SELECT count(*) FROM flight"
                                 " WHERE origin <> 'LFW' AND destination <> 'LFW'"
                                 "   AND direction <> 'transit'"), ==, 0);

  /* Flights that stop somewhere have their two legs, in order and joined up. */
  g_assert_cmpint (count (store, "SELECT count(DISTINCT flight_id) FROM flight_leg"), >, 0);
  g_assert_cmpint (count (store, "SELECT count(*) FROM flight_leg a JOIN flight_leg b"
                                 " ON a.flight_id = b.flight_id AND b.seq = a.seq + 1"
                                 " WHERE a.destination <> b.origin"
                                 "    OR a.scheduled_arrival >= b.scheduled_departure"), ==, 0);
  g_assert_cmpint (count (store, "SELECT count(*) FROM flight"
                                 " WHERE scheduled_arrival <= scheduled_departure"), ==, 0);

  /* The days before the anchor have flown. */
  g_assert_cmpint (count (store, "SELECT count(*) FROM flight WHERE actual_departure IS NOT NULL"
                                 " AND flight_date >= '2026-11-23'"), ==, 0);
  g_assert_cmpint (count (store, "SELECT count(*) FROM flight WHERE actual_departure IS NOT NULL"),
                   >, 0);
}

static gboolean
has_script (const char     *text,
            GUnicodeScript  script)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_get_script (g_utf8_get_char (p)) == script)
      return TRUE;
  return FALSE;
}

static void
test_travellers (void)
{
  TarmacStore *store = get_realistic_store ();
  g_autoptr(sqlite3_stmt) stmt = NULL;
  guint arabic = 0, accented = 0, upper = 0, mixed = 0, rows = 0;
  gint64 passengers, with_pnr;

  g_assert_cmpint (count (store, "SELECT count(*) FROM traveller WHERE kind = 'passenger'"), ==,
                   realistic_stats.passengers);
  g_assert_cmpint (count (store, "SELECT count(*) FROM traveller WHERE kind = 'crew'"), ==,
                   realistic_stats.crew);
  g_assert_cmpuint (realistic_stats.passengers, >, 15000);
  g_assert_cmpuint (realistic_stats.crew, >, 1000);

  /* Crew on every flight, within what the aircraft needs. */
  g_assert_cmpint (count (store, "SELECT count(*) FROM flight f WHERE (SELECT count(*)"
                                 " FROM traveller t WHERE t.flight_id = f.id AND kind = 'crew')"
                                 " NOT BETWEEN 4 AND 14"), ==, 0);
  g_assert_cmpint (count (store, "SELECT count(*) FROM traveller WHERE kind = 'crew'"
                                 " AND (pnr_id IS NOT NULL OR seat IS NOT NULL)"), ==, 0);

  /* Every traveller has a document, a name key and the message that brought it. */
  g_assert_cmpint (count (store, "SELECT count(*) FROM traveller t WHERE NOT EXISTS"
                                 " (SELECT 1 FROM travel_document d WHERE d.traveller_id = t.id)"),
                   ==, 0);
  g_assert_cmpint (count (store, "SELECT count(*) FROM traveller WHERE name_key = ''"), ==, 0);
  g_assert_cmpint (count (store, "SELECT count(*) FROM traveller t JOIN message m"
                                 " ON m.id = t.message_id"), ==,
                   count (store, "SELECT count(*) FROM traveller"));
  g_assert_cmpint (count (store, "SELECT count(*) FROM traveller_source"), ==, 0);
  g_assert_cmpint (count (store, "SELECT count(*) FROM travel_document"), ==,
                   realistic_stats.documents);

  stmt = _tarmac_store_prepare (store, "SELECT surname, given_names, name_key, from_pnr"
                                       " FROM traveller", NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *surname = (const char *) sqlite3_column_text (stmt, 0);
      const char *given = (const char *) sqlite3_column_text (stmt, 1);
      g_autofree char *full = g_strconcat (surname, " ", given, NULL);
      g_autofree char *key = tarmac_name_key (full);
      g_autofree char *surname_upper = g_utf8_strup (surname, -1);

      g_assert_cmpstr (key, ==, (const char *) sqlite3_column_text (stmt, 2));
      g_assert_true (g_utf8_validate (full, -1, NULL));
      g_assert_cmpuint (strlen (surname), >, 0);
      g_assert_cmpuint (strlen (given), >, 0);

      if (has_script (full, G_UNICODE_SCRIPT_ARABIC))
        {
          /* Only PNRs carry names in Arabic script only. */
          g_assert_cmpint (sqlite3_column_int (stmt, 3), ==, 1);
          g_assert_true (has_script (surname, G_UNICODE_SCRIPT_ARABIC));
          g_assert_true (has_script (given, G_UNICODE_SCRIPT_ARABIC));
          arabic++;
        }
      else
        {
          for (const char *p = full; *p != '\0'; p++)
            if ((guchar) *p >= 0x80)
              {
                accented++;
                break;
              }
          if (strcmp (surname, surname_upper) == 0)
            upper++;
          else
            mixed++;
        }
      rows++;
    }

  g_test_message ("%u travellers: %u in Arabic script, %u with letters beyond ASCII,"
                  " %u surnames in capitals, %u in mixed case", rows, arabic, accented,
                  upper, mixed);
  g_assert_cmpuint (arabic, >, 10);
  g_assert_cmpuint (arabic, <, rows / 50);
  g_assert_cmpuint (accented, >, rows / 50);
  g_assert_cmpuint (upper, >, rows / 3);
  g_assert_cmpuint (mixed, >, rows / 20);

  /* Hundreds of distinct names, from many nationalities. */
  g_assert_cmpint (count (store, "SELECT count(DISTINCT surname) FROM traveller"), >, 300);
  g_assert_cmpint (count (store, "SELECT count(DISTINCT given_names) FROM traveller"), >, 300);
  g_assert_cmpint (count (store, "SELECT count(DISTINCT nationality) FROM traveller"), >, 25);
  g_assert_cmpint (count (store, "SELECT count(*) FROM traveller WHERE length (nationality) <> 3"
                                 " OR nationality IS NULL"), ==, 0);

  /* Realistic ages, sexes, seats and bags. */
  g_assert_cmpint (count (store, "SELECT count(*) FROM traveller WHERE sex NOT IN ('M', 'F')"),
                   >, 0);
  g_assert_cmpint (count (store, "SELECT count(*) FROM traveller t JOIN flight f"
                                 " ON f.id = t.flight_id WHERE t.date_of_birth > f.flight_date"),
                   ==, 0);
  g_assert_cmpint (count (store, "SELECT count(*) FROM traveller WHERE date_of_birth"
                                 " < '1930-01-01'"), ==, 0);
  g_assert_cmpint (count (store, "SELECT count(*) FROM traveller WHERE kind = 'passenger'"
                                 " AND date_of_birth > '2015-01-01' AND is_infant = 0"), >, 100);
  g_assert_cmpint (count (store, "SELECT count(*) FROM (SELECT flight_id, seat FROM traveller"
                                 " WHERE seat IS NOT NULL GROUP BY flight_id, seat"
                                 " HAVING count(*) > 1)"), ==, 0);
  g_assert_cmpint (count (store, "SELECT count(*) FROM traveller WHERE bag_count > 0"
                                 " AND (bag_tags IS NULL OR bag_weight_kg <= 0)"), ==, 0);
  g_assert_cmpint (count (store, "SELECT count(*) FROM traveller WHERE transit = 1"), >, 100);

  /* Infants travel on a parent's booking. */
  g_assert_cmpint (count (store, "SELECT count(*) FROM traveller WHERE is_infant = 1"), >, 20);
  g_assert_cmpint (count (store, "SELECT count(*) FROM traveller i WHERE is_infant = 1"
                                 " AND NOT EXISTS (SELECT 1 FROM traveller a"
                                 "  WHERE a.pnr_id = i.pnr_id AND a.is_infant = 0"
                                 "    AND a.date_of_birth < '2010-01-01')"), ==, 0);

  /* About 70 % of passengers came with a PNR. */
  passengers = count (store, "SELECT count(*) FROM traveller WHERE kind = 'passenger'");
  with_pnr = count (store, "SELECT count(*) FROM traveller WHERE kind = 'passenger'"
                           " AND from_pnr = 1 AND pnr_id IS NOT NULL"
                           " AND booking_reference IS NOT NULL");
  g_assert_cmpfloat ((double) with_pnr / passengers, >, 0.6);
  g_assert_cmpfloat ((double) with_pnr / passengers, <, 0.85);
  g_assert_cmpint (count (store, "SELECT count(*) FROM traveller t JOIN pnr p ON p.id = t.pnr_id"
                                 " WHERE t.booking_reference <> p.record_locator"), ==, 0);
}

static void
test_documents (void)
{
  TarmacStore *store = get_realistic_store ();
  gint64 documents = count (store, "SELECT count(*) FROM travel_document");
  gint64 expired;

  expired = count (store, "SELECT count(*) FROM travel_document d"
                          " JOIN traveller t ON t.id = d.traveller_id"
                          " JOIN flight f ON f.id = t.flight_id"
                          " WHERE d.expires_on < f.flight_date");
  g_assert_cmpint (expired, >, 0);
  g_assert_cmpint (expired, <, documents / 20);

  g_assert_cmpint (count (store, "SELECT count(*) FROM travel_document WHERE type = 'P'"), >,
                   documents * 8 / 10);
  g_assert_cmpint (count (store, "SELECT count(*) FROM travel_document WHERE type = 'I'"), >, 50);
  g_assert_cmpint (count (store, "SELECT count(*) FROM travel_document WHERE type = 'AC'"), >, 0);
  g_assert_cmpint (count (store, "SELECT count(*) FROM travel_document"
                                 " WHERE check_verdict <> 'unchecked'"), ==, 0);
  g_assert_cmpint (count (store, "SELECT count(*) FROM travel_document"
                                 " WHERE issued_on >= expires_on OR issuing_state IS NULL"), ==, 0);

  /* Dual nationals carry two passports. */
  g_assert_cmpint (count (store, "SELECT count(*) FROM (SELECT traveller_id FROM travel_document"
                                 " GROUP BY traveller_id HAVING count(*) = 2)"), >, 10);

  /* Numbers as given, and normalised: upper case, no separators. */
  g_assert_cmpint (count (store, "SELECT count(*) FROM travel_document"
                                 " WHERE number <> number_normalised"), >, 0);
  g_assert_cmpint (count (store, "SELECT count(*) FROM travel_document"
                                 " WHERE number_normalised GLOB '*[^A-Z0-9]*'"
                                 "    OR number_normalised <> upper (replace (replace ("
                                 "         number, ' ', ''), '-', ''))"), ==, 0);
  /* French passports look French. */
  g_assert_cmpint (count (store, "SELECT count(*) FROM travel_document WHERE issuing_state = 'FRA'"
                                 " AND type = 'P' AND number_normalised NOT GLOB"
                                 " '[0-9][0-9][A-Z][A-Z][0-9][0-9][0-9][0-9][0-9]'"), ==, 0);
}

static void
test_pnrs (void)
{
  TarmacStore *store = get_realistic_store ();

  g_assert_cmpint (count (store, "SELECT count(*) FROM pnr"), ==, realistic_stats.pnrs);
  g_assert_cmpint (count (store, "SELECT count(*) FROM pnr WHERE length (record_locator) <> 6"
                                 " OR record_locator GLOB '*[^A-HJ-NP-Z2-9]*'"), ==, 0);
  g_assert_cmpint (count (store, "SELECT count(DISTINCT record_locator) FROM pnr"), ==,
                   realistic_stats.pnrs);

  /* Families and groups share a booking. */
  g_assert_cmpint (count (store, "SELECT count(*) FROM (SELECT pnr_id FROM traveller"
                                 " WHERE pnr_id IS NOT NULL GROUP BY pnr_id"
                                 " HAVING count(*) BETWEEN 2 AND 6)"), >, 500);

  /* Booked before the flight, some the same day. */
  g_assert_cmpint (count (store, "SELECT count(*) FROM pnr p JOIN traveller t ON t.pnr_id = p.id"
                                 " JOIN flight f ON f.id = t.flight_id"
                                 " WHERE t.embarkation = f.origin"
                                 "   AND p.created_at_source >= f.scheduled_departure"), ==, 0);
  g_assert_cmpint (count (store, "SELECT count(*) FROM pnr"
                                 " WHERE substr (created_at_source, 1, 10) ="
                                 "  (SELECT min (s.flight_date) FROM pnr_segment s"
                                 "   WHERE s.pnr_id = pnr.id)"), >, 0);

  /* Contacts: phones in E.164, e-mails only at reserved domains. */
  g_assert_cmpint (count (store, "SELECT count(*) FROM pnr p WHERE NOT EXISTS"
                                 " (SELECT 1 FROM pnr_contact c WHERE c.pnr_id = p.id"
                                 "  AND c.kind = 'phone')"), ==, 0);
  g_assert_cmpint (count (store, "SELECT count(*) FROM pnr_contact WHERE kind = 'phone'"
                                 " AND (value_normalised NOT GLOB '+[1-9]*'"
                                 "      OR value_normalised GLOB '+*[^0-9]*')"), ==, 0);
  g_assert_cmpint (count (store, "SELECT count(*) FROM pnr_contact WHERE kind = 'email'"), >, 100);
  g_assert_cmpint (count (store, "SELECT count(*) FROM pnr_contact WHERE kind = 'email'"
                                 " AND value NOT GLOB '*@*.example'"), ==, 0);
  /* Some contacts are shared between bookings, as facilitators' are. */
  g_assert_cmpint (count (store, "SELECT count(*) FROM (SELECT value_normalised FROM pnr_contact"
                                 " GROUP BY value_normalised"
                                 " HAVING count(DISTINCT pnr_id) > 1)"), >, 0);

  /* Payments never hold a card number: last four digits and a keyed hash. */
  g_assert_cmpint (count (store, "SELECT count(*) FROM pnr_payment"), ==, realistic_stats.pnrs);
  g_assert_cmpint (count (store, "SELECT count(*) FROM pnr_payment WHERE form = 'CC'"
                                 " AND (length (card_hash) <> 64 OR card_hash GLOB '*[^0-9a-f]*'"
                                 "      OR card_last4 IS NULL)"), ==, 0);
  g_assert_cmpint (count (store, "SELECT count(*) FROM pnr_payment WHERE form = 'CA'"), >, 0);
  g_assert_cmpint (count (store, "SELECT count(*) FROM pnr_payment WHERE form = 'MS'"), >, 0);
  g_assert_cmpint (count (store, "SELECT count(*) FROM pnr_payment"
                                 " WHERE card_holder GLOB '*[0-9]*' OR amount <= 0"), ==, 0);

  /* Itineraries hold the booked flight, and connections and returns. */
  g_assert_cmpint (count (store, "SELECT count(*) FROM pnr p WHERE NOT EXISTS"
                                 " (SELECT 1 FROM pnr_segment s JOIN traveller t"
                                 "   ON t.pnr_id = p.id JOIN flight f ON f.id = t.flight_id"
                                 "  WHERE s.pnr_id = p.id AND s.carrier = f.carrier"
                                 "    AND s.number = f.number AND s.flight_date = f.flight_date)"),
                   ==, 0);
  g_assert_cmpint (count (store, "SELECT count(*) FROM pnr_segment WHERE seq >= 3"), >, 100);
  g_assert_cmpint (count (store, "SELECT count(*) FROM pnr_segment WHERE destination = 'GRU'"
                                 " OR origin = 'GRU'"), >, 0);

  g_assert_cmpint (count (store, "SELECT count(*) FROM pnr_ssr WHERE length (code) <> 4"), ==, 0);
  g_assert_cmpint (count (store, "SELECT count(DISTINCT code) FROM pnr_ssr"), >=, 5);
  g_assert_cmpint (count (store, "SELECT count(*) FROM pnr_ssr WHERE code = 'INFT'"), ==,
                   count (store, "SELECT count(*) FROM traveller WHERE is_infant = 1"
                                 " AND pnr_id IS NOT NULL"));
}

static void
test_notes_and_provenance (void)
{
  TarmacStore *store = get_realistic_store ();
  g_autofree char *airport = tarmac_store_get_meta (store, "airport-code");
  g_autofree char *anchor = tarmac_store_get_meta (store, TARMAC_DEMO_META_ANCHOR_DAY);
  g_autofree char *seed = tarmac_store_get_meta (store, "demo-seed");

  g_assert_true (tarmac_store_is_demo (store));
  g_assert_cmpstr (airport, ==, "LFW");
  g_assert_cmpstr (anchor, ==, "2026-11-22");
  g_assert_cmpstr (seed, ==, "20261122");

  g_assert_cmpint (count (store, "SELECT count(*) FROM note"), ==, realistic_stats.notes);
  g_assert_cmpuint (realistic_stats.notes, >=, 3);
  g_assert_cmpint (count (store, "SELECT count(*) FROM note WHERE length (uuid) <> 36"
                                 " OR substr (uuid, 9, 1) <> '-' OR substr (uuid, 14, 1) <> '-'"
                                 " OR substr (uuid, 15, 1) <> '4' OR substr (uuid, 19, 1) <> '-'"
                                 " OR substr (uuid, 24, 1) <> '-'"
                                 " OR uuid GLOB '*[^0-9a-f-]*'"), ==, 0);
  g_assert_cmpint (count (store, "SELECT count(*) FROM note WHERE origin_site = 'LFW'"
                                 " OR created_at NOT BETWEEN '2026-11-19' AND '2026-11-26'"),
                   ==, 0);
  /* Notes were sent before the officer looks: none later than the anchor day's first hour. */
  g_assert_cmpint (count (store, "SELECT count(*) FROM note"
                                 " WHERE created_at >= '2026-11-22T01:00:00Z'"), ==, 0);
  g_assert_cmpint (count (store, "SELECT count(*) FROM note"
                                 " WHERE created_at >= '2026-11-22T00:00:00Z'"), >=, 1);
  g_assert_cmpint (count (store, "SELECT count(DISTINCT priority) FROM note"), ==, 3);
  /* Notes about a flight name one of the week's. */
  g_assert_cmpint (count (store, "SELECT count(*) FROM note WHERE subject_type = 'flight'"), >, 0);
  g_assert_cmpint (count (store, "SELECT count(*) FROM note n WHERE subject_type = 'flight'"
                                 " AND NOT EXISTS (SELECT 1 FROM flight f"
                                 "  WHERE f.carrier || ' ' || f.number = n.subject_ref)"), ==, 0);

  g_assert_cmpint (count (store, "SELECT count(*) FROM source_file WHERE format = 'demo'"), ==, 1);
  g_assert_cmpint (count (store, "SELECT count(*) FROM message WHERE type = 'demo'"), ==, 1);
  g_assert_cmpint (count (store, "SELECT count(*) FROM pnr WHERE message_id IS NULL"), ==, 0);

  /* Retention runs from the flight, not from the wall clock. */
  g_assert_cmpint (count (store, "SELECT count(*) FROM traveller WHERE retain_until"
                                 " < '2030-01-01'"), ==, 0);
}

static char *
schema_sql (TarmacStore *store)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GString *sql = g_string_new (NULL);

  stmt = _tarmac_store_prepare (store, "SELECT type, name, tbl_name, sql FROM sqlite_schema"
                                       " ORDER BY type, name", NULL);
  g_assert_nonnull (stmt);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    for (int c = 0; c < 4; c++)
      g_string_append_printf (sql, "%s\n", sqlite3_column_text (stmt, c));

  return g_string_free (sql, FALSE);
}

/* The generator skips per-row checks for speed: prove its rows pass them all, and that
 * it leaves the connection and the schema as it found them. */
/* Thirteen months of results at the airport, through the seizure module's own checks:
 * validated records every month up to the anchor, the last ones still waiting, the
 * other events, and nobody named. Without results, none. */
static void
test_results (void)
{
  TarmacStore *store = get_realistic_store ();
  TarmacDemoOptions options;
  g_autoptr(TarmacStore) without = NULL;

  g_assert_cmpint (count (store, "SELECT count(*) FROM seizure WHERE status = 'VALIDATED'"),
                   >=, 40);
  g_assert_cmpint (count (store, "SELECT count(*) FROM seizure WHERE status <> 'VALIDATED'"),
                   >=, 1);
  g_assert_cmpint (count (store, "SELECT count(DISTINCT substr (occurred_at, 1, 7))"
                                 " FROM seizure"), >=, 13);
  g_assert_cmpint (count (store, "SELECT count(*) FROM seizure"
                                 " WHERE occurred_at > '2026-11-23'"), ==, 0);
  g_assert_cmpint (count (store, "SELECT count(*) FROM seizure WHERE airport <> 'LFW'"), ==, 0);
  g_assert_cmpint (count (store, "SELECT count(DISTINCT i.category) FROM seizure_item i"), >=, 5);
  g_assert_cmpint (count (store, "SELECT count(*) FROM seizure s WHERE (SELECT count(*)"
                                 " FROM seizure_agency a WHERE a.seizure_id = s.id"
                                 " AND a.role = 'LEAD') <> 1"), ==, 0);
  g_assert_cmpint (count (store, "SELECT count(*) FROM ht_referral"), ==, 1);
  g_assert_cmpint (count (store, "SELECT count(*) FROM security_referral"), ==, 1);
  g_assert_cmpint (count (store, "SELECT count(*) FROM activity"), ==, 2);

  /* A list of twenty invented people, eight of them travelling around the anchor day
   * under other spellings: screening found each, and everyone was screened. */
  g_assert_cmpint (count (store, "SELECT count(*) FROM watchlist_entry"), ==, 20);
  g_assert_cmpint (count (store, "SELECT count(DISTINCT h.watchlist_entry_id) FROM hit h"
                                 " JOIN watchlist_entry e ON e.id = h.watchlist_entry_id"
                                 " WHERE h.status = 'new' AND h.score >= 0.8"
                                 " AND e.external_id <= 'DEMO-008'"), ==, 8);
  g_assert_cmpint (count (store, "SELECT count(*) FROM source_file WHERE screened_at IS NULL"),
                   ==, 0);
  {
    g_autoptr(TarmacScreener) screener = tarmac_screener_new ();
    g_autoptr(GListModel) hits = NULL;
    g_autoptr(TarmacHit) first = NULL;
    g_autoptr(TarmacHit) last = NULL;

    g_assert_false (tarmac_screener_needs_rescreen (screener, store));

    /* One screening found them all: the review queue shows the strongest first. */
    hits = tarmac_hit_list (store, NULL, 100, NULL);
    g_assert_nonnull (hits);
    first = g_list_model_get_item (hits, 0);
    last = g_list_model_get_item (hits, g_list_model_get_n_items (hits) - 1);
    for (guint i = 1; i < g_list_model_get_n_items (hits); i++)
      {
        g_autoptr(TarmacHit) other = g_list_model_get_item (hits, i);

        g_assert_cmpfloat (tarmac_hit_get_score (first), >=, tarmac_hit_get_score (other));
      }
    g_assert_cmpfloat (tarmac_hit_get_score (first), >, tarmac_hit_get_score (last));
  }

  small_options (&options);
  options.results = FALSE;
  without = generate (&options, NULL);
  g_assert_cmpint (count (without, "SELECT count(*) FROM seizure"), ==, 0);
  g_assert_cmpint (count (without, "SELECT count(*) FROM activity"), ==, 0);
  g_assert_cmpint (count (without, "SELECT count(*) FROM watchlist"), ==, 0);
  g_assert_cmpint (count (without, "SELECT count(*) FROM hit"), ==, 0);
}

static void
test_constraints (void)
{
  TarmacStore *store = get_realistic_store ();
  g_autoptr(TarmacStore) fresh = open_memory ();
  g_autoptr(sqlite3_stmt) fk = NULL;
  g_autoptr(sqlite3_stmt) integrity = NULL;
  g_autofree char *schema = schema_sql (store);
  g_autofree char *fresh_schema = schema_sql (fresh);

  fk = _tarmac_store_prepare (store, "PRAGMA foreign_key_check", NULL);
  g_assert_nonnull (fk);
  g_assert_cmpint (sqlite3_step (fk), ==, SQLITE_DONE);

  /* integrity_check also evaluates every CHECK and NOT NULL constraint, row by row. */
  integrity = _tarmac_store_prepare (store, "PRAGMA integrity_check", NULL);
  g_assert_nonnull (integrity);
  g_assert_cmpint (sqlite3_step (integrity), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (integrity, 0), ==, "ok");

  g_assert_cmpint (count (store, "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpint (count (store, "PRAGMA ignore_check_constraints"), ==, 0);
  g_assert_cmpstr (schema, ==, fresh_schema);
}

static void
test_scale (void)
{
  TarmacDemoOptions options;
  TarmacDemoStats one, three;
  g_autoptr(TarmacStore) a = NULL;
  g_autoptr(TarmacStore) b = NULL;

  small_options (&options);
  options.days = 1;
  options.scale = 1.0;
  a = generate (&options, &one);
  options.scale = 3.0;
  b = generate (&options, &three);

  g_assert_cmpuint (three.flights, ==, 3 * one.flights);
  g_assert_cmpfloat (fabs ((double) three.passengers / one.passengers - 3), <, 0.3);
  g_assert_cmpint (count (b, "SELECT count(DISTINCT carrier || number || flight_date || origin)"
                             " FROM flight"), ==, three.flights);
}

static void
test_refuse_existing (void)
{
  TarmacDemoOptions options;
  g_autoptr(TarmacStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  small_options (&options);
  options.days = 1;
  store = generate (&options, NULL);
  before = digest_tables (store);

  g_assert_false (tarmac_demo_generate (store, &options, NULL, &error));
  g_assert_error (error, TARMAC_STORE_ERROR, TARMAC_STORE_ERROR_INVALID);

  after = digest_tables (store);
  g_assert_cmpstr (before, ==, after);
}

/* Inside a caller's transaction the generator nests; rolling the caller back leaves
 * nothing behind, not even the dropped and re-created indexes. */
static void
test_inside_transaction (void)
{
  g_autoptr(TarmacStore) store = open_memory ();
  g_autoptr(TarmacStore) fresh = open_memory ();
  g_autoptr(GError) error = NULL;
  g_autofree char *schema = NULL;
  g_autofree char *fresh_schema = schema_sql (fresh);
  TarmacDemoOptions options;

  small_options (&options);
  options.days = 1;

  g_assert_true (tarmac_store_begin (store, &error));
  g_assert_no_error (error);
  g_assert_true (tarmac_demo_generate (store, &options, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (store, "SELECT count(*) FROM flight"), >, 0);
  tarmac_store_rollback (store);

  g_assert_cmpint (count (store, "SELECT count(*) FROM flight"), ==, 0);
  g_assert_cmpint (count (store, "SELECT count(*) FROM traveller"), ==, 0);
  g_assert_false (tarmac_store_is_demo (store));
  g_assert_cmpint (count (store, "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpint (count (store, "PRAGMA ignore_check_constraints"), ==, 0);
  schema = schema_sql (store);
  g_assert_cmpstr (schema, ==, fresh_schema);
}

static void
test_invalid_options (void)
{
  g_autoptr(TarmacStore) store = open_memory ();
  const char *bad_days[] = { "2026-02-30", "2026-13-01", "26-11-22", "2026-11-2x", "" };
  TarmacDemoOptions options;

  for (guint i = 0; i < G_N_ELEMENTS (bad_days); i++)
    {
      g_autoptr(GError) error = NULL;

      small_options (&options);
      g_strlcpy (options.anchor_day, bad_days[i], sizeof options.anchor_day);
      g_assert_false (tarmac_demo_generate (store, &options, NULL, &error));
      g_assert_error (error, TARMAC_STORE_ERROR, TARMAC_STORE_ERROR_INVALID);
    }

  {
    double bad_scales[] = { 0, -1, NAN, INFINITY, 1001 };

    for (guint i = 0; i < G_N_ELEMENTS (bad_scales); i++)
      {
        g_autoptr(GError) error = NULL;

        small_options (&options);
        options.scale = bad_scales[i];
        g_assert_false (tarmac_demo_generate (store, &options, NULL, &error));
        g_assert_error (error, TARMAC_STORE_ERROR, TARMAC_STORE_ERROR_INVALID);
      }
  }

  {
    g_autoptr(GError) error = NULL;

    small_options (&options);
    options.days = 0;
    g_assert_false (tarmac_demo_generate (store, &options, NULL, &error));
    g_assert_error (error, TARMAC_STORE_ERROR, TARMAC_STORE_ERROR_INVALID);
  }

  g_assert_cmpint (count (store, "SELECT count(*) FROM flight"), ==, 0);
  g_assert_false (tarmac_store_is_demo (store));
}

static char *
today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

static void
test_open_regenerates (void)
{
  g_autofree char *path = tarmac_test_db_path ("demo-old.db");
  g_autofree char *day = today ();
  g_autoptr(GError) error = NULL;
  TarmacDemoOptions options;

  /* A demo database made for another day, and smaller than the real one. */
  {
    g_autoptr(TarmacStore) store = tarmac_store_open (path, &error);

    g_assert_no_error (error);
    small_options (&options);
    g_strlcpy (options.anchor_day, "2020-01-01", sizeof options.anchor_day);
    options.days = 1;
    g_assert_true (tarmac_demo_generate (store, &options, NULL, &error));
    g_assert_no_error (error);
  }

  {
    g_autoptr(TarmacStore) store = tarmac_demo_open (path, &error);
    g_autofree char *anchor = NULL;
    g_autofree char *sql = NULL;

    g_assert_no_error (error);
    g_assert_nonnull (store);
    g_assert_true (tarmac_store_is_demo (store));
    anchor = tarmac_store_get_meta (store, TARMAC_DEMO_META_ANCHOR_DAY);
    g_assert_cmpstr (anchor, ==, day);
    g_assert_cmpint (count (store, "SELECT count(*) FROM flight WHERE flight_date < '2021-01-01'"),
                     ==, 0);
    sql = g_strdup_printf ("SELECT count(*) FROM flight WHERE flight_date = '%s'", day);
    g_assert_cmpint (count (store, sql), >, 10);

    /* Mark it, to see that the next open keeps it. */
    g_assert_true (tarmac_store_set_meta (store, "test-marker", "kept", &error));
    g_assert_no_error (error);
  }

  {
    g_autoptr(TarmacStore) store = tarmac_demo_open (path, &error);
    g_autofree char *marker = NULL;

    g_assert_no_error (error);
    marker = tarmac_store_get_meta (store, "test-marker");
    g_assert_cmpstr (marker, ==, "kept");
  }
}

static void
test_open_refuses_real_data (void)
{
  g_autofree char *path = tarmac_test_db_path ("real.db");
  g_autofree char *digest_before = NULL;
  g_autofree char *digest_after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TarmacStore) demo = NULL;

  {
    g_autoptr(TarmacStore) store = tarmac_store_open (path, &error);
    g_autoptr(sqlite3_stmt) stmt = NULL;

    g_assert_no_error (error);
    stmt = _tarmac_store_prepare (store,
                                  "INSERT INTO flight (carrier, number, flight_date, origin,"
                                  " destination, direction, created_at)"
                                  " VALUES ('KP', '35', '2026-11-20', 'ABJ', 'LFW', 'inbound',"
                                  " '2026-11-20T08:00:00Z')",
                                  &error);
    g_assert_no_error (error);
    g_assert_true (_tarmac_store_step_done (store, stmt, &error));
    g_assert_no_error (error);
  }

  digest_before = tarmac_test_file_digest (path);
  demo = tarmac_demo_open (path, &error);
  g_assert_null (demo);
  g_assert_error (error, TARMAC_STORE_ERROR, TARMAC_STORE_ERROR_NOT_TARMAC);
  digest_after = tarmac_test_file_digest (path);
  g_assert_cmpstr (digest_before, ==, digest_after);
}

static void
test_open_refuses_other_files (void)
{
  g_autofree char *text_path = tarmac_test_db_path ("notes.txt");
  g_autofree char *sqlite_path = tarmac_test_db_path ("other.sqlite");
  g_autoptr(GError) error = NULL;
  g_autoptr(TarmacStore) demo = NULL;
  g_autofree char *digest_before = NULL;
  g_autofree char *digest_after = NULL;
  sqlite3 *db = NULL;

  g_assert_true (g_file_set_contents (text_path, "not a database\n", -1, &error));
  demo = tarmac_demo_open (text_path, &error);
  g_assert_null (demo);
  g_assert_error (error, TARMAC_STORE_ERROR, TARMAC_STORE_ERROR_NOT_TARMAC);
  g_clear_error (&error);

  g_assert_cmpint (sqlite3_open (sqlite_path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE t (x); INSERT INTO t VALUES (1);",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  digest_before = tarmac_test_file_digest (sqlite_path);
  demo = tarmac_demo_open (sqlite_path, &error);
  g_assert_null (demo);
  g_assert_error (error, TARMAC_STORE_ERROR, TARMAC_STORE_ERROR_NOT_TARMAC);
  digest_after = tarmac_test_file_digest (sqlite_path);
  g_assert_cmpstr (digest_before, ==, digest_after);
}

static void
test_open_default_path (void)
{
  g_autofree char *path = tarmac_demo_get_default_path ();
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "tarmac", "demo.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TarmacStore) store = NULL;

  g_assert_cmpstr (path, ==, expected);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  store = tarmac_demo_open (NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_cmpstr (tarmac_store_get_path (store), ==, path);
  g_assert_true (tarmac_store_is_demo (store));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
}

static void
test_options_init (void)
{
  TarmacDemoOptions options;
  g_autofree char *day = today ();

  tarmac_demo_options_init (&options);
  g_assert_cmpuint (options.seed, ==, 20261122);
  g_assert_cmpstr (options.anchor_day, ==, day);
  g_assert_cmpuint (options.days, ==, 7);
  g_assert_cmpfloat (options.scale, ==, 1.0);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/demo/options-init", test_options_init);
  g_test_add_func ("/demo/deterministic", test_deterministic);
  g_test_add_func ("/demo/realism/flights", test_flights);
  g_test_add_func ("/demo/realism/travellers", test_travellers);
  g_test_add_func ("/demo/realism/documents", test_documents);
  g_test_add_func ("/demo/realism/pnrs", test_pnrs);
  g_test_add_func ("/demo/realism/notes-and-provenance", test_notes_and_provenance);
  g_test_add_func ("/demo/realism/constraints", test_constraints);
  g_test_add_func ("/demo/realism/results", test_results);
  g_test_add_func ("/demo/scale", test_scale);
  g_test_add_func ("/demo/inside-transaction", test_inside_transaction);
  g_test_add_func ("/demo/refuse/existing-data", test_refuse_existing);
  g_test_add_func ("/demo/refuse/invalid-options", test_invalid_options);
  g_test_add_func ("/demo/open/regenerates", test_open_regenerates);
  g_test_add_func ("/demo/open/refuses-real-data", test_open_refuses_real_data);
  g_test_add_func ("/demo/open/refuses-other-files", test_open_refuses_other_files);
  g_test_add_func ("/demo/open/default-path", test_open_default_path);

  ret = g_test_run ();
  g_clear_object (&realistic_store);
  return ret;
}
