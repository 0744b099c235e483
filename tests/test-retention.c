/* test-retention.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <sys/wait.h>

#include "tarmac-audit.h"
#include "tarmac-retention.h"
#include "tarmac-store-private.h"
#include "tarmac-test-util.h"

#define NOW "2026-11-22T00:00:00Z"
#define FAR "2031-01-01T00:00:00Z"
#define PAST "2026-01-01T00:00:00Z"

/* With NOW and the defaults, flights before 2026-05-22 are masked and flights before
 * 2021-11-22 deleted.
 *
 *  flight  day         travellers
 *  1       2026-11-01  T1 (P1), T7 (P5, retain_until past), T8 (P5)
 *  2       2026-03-01  T2 (P1, two documents), T3 (P2, referred hit), T4 (P3, cleared hit),
 *                      T12 (masked by an earlier run)
 *  3       2021-06-01  T5 (P4, cleared hit, finding, source), T6 (new hit),
 *                      T11 (cleared and controlled_negative hits)
 *  4       2026-05-22  T9 (on the masking day: not older)
 *  5       2026-05-21  T10 (the day before: masked)
 *
 *  P6 has no traveller and is past its retain_until; P7 has none and is within it. */
static const char fixture[] =
  "INSERT INTO flight (id, carrier, number, flight_date, origin, destination, direction,"
  "  created_at) VALUES"
  " (1, 'ET', '935', '2026-11-01', 'ADD', 'LFW', 'inbound', '" NOW "'),"
  " (2, 'AF', '804', '2026-03-01', 'CDG', 'LFW', 'inbound', '" NOW "'),"
  " (3, 'SN', '285', '2021-06-01', 'BRU', 'LFW', 'inbound', '" NOW "'),"
  " (4, 'KP', '40', '2026-05-22', 'LOS', 'LFW', 'inbound', '" NOW "'),"
  " (5, 'KP', '41', '2026-05-21', 'LFW', 'LOS', 'outbound', '" NOW "');"

  "INSERT INTO source_file (id, sha256, name, format, size, imported_at, result) VALUES"
  " (1, '" "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef" "',"
  "  'api.edi', 'paxlst', 100, '" NOW "', 'imported');"
  "INSERT INTO message (id, source_file_id, type) VALUES (1, 1, 'PAXLST');"

  "INSERT INTO pnr (id, carrier, record_locator, retain_until) VALUES"
  " (1, 'AF', 'ABC123', '" FAR "'), (2, 'AF', 'DEF456', '" FAR "'),"
  " (3, 'AF', 'GHI789', '" FAR "'), (4, 'SN', 'JKL012', '" FAR "'),"
  " (5, 'ET', 'MNO345', '" FAR "'), (6, 'ET', 'PQR678', '" PAST "'),"
  " (7, 'ET', 'STU901', '" FAR "');"

  "INSERT INTO traveller (id, flight_id, pnr_id, kind, surname, given_names, sex,"
  "  date_of_birth, nationality, residence, birthplace, seat, bag_count, bag_tags,"
  "  booking_reference, name_key, created_at, retain_until, masked) VALUES"
  " (1, 1, 1, 'passenger', 'MARTIN', 'Paul', 'M', '1975-02-03', 'FRA', 'Paris',"
  "  'Lyon', '12A', 1, 'AF123456', 'ABC123', 'martin paul', '" NOW "', '" FAR "', 0),"
  " (2, 2, 1, 'passenger', 'MARTIN', 'Claire', 'F', '1980-04-02', 'FRA', 'Paris',"
  "  'Nantes', '12B', 2, 'AF123457', 'ABC123', 'martin claire', '" NOW "', '" FAR "', 0),"
  " (3, 2, 2, 'passenger', 'KOFFI', 'Ama', 'F', '1990-01-01', 'TGO', 'Lomé',"
  "  'Kara', '3C', 1, NULL, 'DEF456', 'koffi ama', '" NOW "', '" FAR "', 0),"
  " (4, 2, 3, 'passenger', 'DIALLO', 'Aminata', 'F', NULL, 'SEN', NULL,"
  "  NULL, '4D', 0, NULL, 'GHI789', 'diallo aminata', '" NOW "', '" FAR "', 0),"
  " (5, 3, 4, 'passenger', 'MENSAH', 'Kwame', 'M', '1960-07-07', 'GHA', NULL,"
  "  NULL, '5E', 1, NULL, 'JKL012', 'mensah kwame', '" NOW "', '" FAR "', 0),"
  " (6, 3, NULL, 'crew', 'SMITH', 'John', 'M', '1970-01-01', 'GBR', NULL,"
  "  NULL, NULL, 0, NULL, NULL, 'smith john', '" NOW "', '" FAR "', 0),"
  " (7, 1, 5, 'passenger', 'TESFAYE', 'Abebe', 'M', '1985-05-05', 'ETH', NULL,"
  "  NULL, '7A', 1, NULL, 'MNO345', 'tesfaye abebe', '" NOW "', '" PAST "', 0),"
  " (8, 1, 5, 'passenger', 'TESFAYE', 'Sara', 'F', '1987-08-08', 'ETH', NULL,"
  "  NULL, '7B', 1, NULL, 'MNO345', 'tesfaye sara', '" NOW "', '" FAR "', 0),"
  " (9, 4, NULL, 'passenger', 'ADEYEMI', 'Tunde', 'M', '1992-09-09', 'NGA', NULL,"
  "  NULL, '9A', 1, NULL, NULL, 'adeyemi tunde', '" NOW "', '" FAR "', 0),"
  " (10, 5, NULL, 'passenger', 'OKAFOR', 'Chidi', 'M', '19', 'NGA', NULL,"
  "  NULL, '10A', 1, NULL, NULL, 'okafor chidi', '" NOW "', '" FAR "', 0),"
  " (11, 3, NULL, 'passenger', 'BROWN', 'Ann', 'F', '1965-06-06', 'USA', NULL,"
  "  NULL, '11A', 1, NULL, NULL, 'brown ann', '" NOW "', '" FAR "', 0),"
  " (12, 2, NULL, 'passenger', '***', '', 'M', '1955', 'BEL', NULL,"
  "  NULL, NULL, 1, NULL, NULL, '', '" NOW "', '" FAR "', 1);"

  "INSERT INTO traveller_source (traveller_id, message_id) VALUES (1, 1), (5, 1);"

  "INSERT INTO travel_document (id, traveller_id, type, number, number_normalised,"
  "  issuing_state, issued_on, expires_on, mrz, retain_until) VALUES"
  " (1, 1, 'P', '12AB34567', '12AB34567', 'FRA', '2020-01-01', '2030-01-01', 'P<FRA', '" FAR "'),"
  " (2, 2, 'P', '13CD45678', '13CD45678', 'FRA', '2021-01-01', '2031-01-01', 'P<FRA', '" FAR "'),"
  " (3, 2, 'V', 'V-998877', 'V998877', 'TGO', NULL, '2026-06-01', NULL, '" FAR "'),"
  " (4, 3, 'P', 'TG112233', 'TG112233', 'TGO', NULL, '2029-01-01', NULL, '" FAR "'),"
  " (5, 4, 'P', 'SN445566', 'SN445566', 'SEN', NULL, '2028-01-01', NULL, '" FAR "'),"
  " (6, 5, 'P', 'GH778899', 'GH778899', 'GHA', NULL, '2024-01-01', NULL, '" FAR "'),"
  " (7, 10, 'P', 'A00112233', 'A00112233', 'NGA', NULL, '2027-01-01', NULL, '" FAR "');"

  "INSERT INTO finding (traveller_id, code, detail, created_at) VALUES"
  " (2, 'document-expiring', 'V-998877 expires 2026-06-01', '" NOW "'),"
  " (5, 'document-expired', 'GH778899 expired', '" NOW "');"

  "INSERT INTO hit (id, traveller_id, source, score, explanation, status, created_at,"
  "  updated_at, retain_until) VALUES"
  " (1, 3, 'watchlist', 0.9, 'KOFFI Ama matches', 'referred', '" NOW "', '" NOW "', '" FAR "'),"
  " (2, 4, 'rule', 0.5, 'DIALLO Aminata: route', 'cleared', '" NOW "', '" NOW "', '" FAR "'),"
  " (3, 5, 'rule', 0.4, 'MENSAH Kwame: route', 'cleared', '" NOW "', '" NOW "', '" FAR "'),"
  " (4, 6, 'watchlist', 0.8, 'SMITH John matches', 'new', '" NOW "', '" NOW "', '" FAR "'),"
  " (5, 11, 'rule', 0.3, 'BROWN Ann: route', 'cleared', '" NOW "', '" NOW "', '" FAR "'),"
  " (6, 11, 'rule', 0.6, 'BROWN Ann: cash', 'controlled_negative', '" NOW "', '" NOW "',"
  "  '" FAR "');"
  "INSERT INTO hit_comment (hit_id, at, text) VALUES (3, '" NOW "', 'Route explained');"

  "INSERT INTO pnr_contact (pnr_id, kind, value, value_normalised, retain_until) VALUES"
  " (1, 'email', 'paul@example.fr', 'paul@example.fr', '" FAR "'),"
  " (2, 'phone', '+228 90 00 00 00', '22890000000', '" FAR "'),"
  " (3, 'email', 'aminata@example.sn', 'aminata@example.sn', '" FAR "'),"
  " (3, 'address', '1 rue de Dakar', '1 RUE DE DAKAR', '" FAR "'),"
  " (4, 'phone', '+233 20 000 0000', '233200000000', '" FAR "'),"
  " (5, 'phone', '+251 91 000 0000', '251910000000', '" FAR "'),"
  " (6, 'phone', '+251 91 111 1111', '251911111111', '" PAST "');"

  "INSERT INTO pnr_payment (pnr_id, form, card_last4, card_hash, card_holder, amount,"
  "  currency, retain_until) VALUES"
  " (1, 'CC', '1234', 'hash1', 'PAUL MARTIN', 900.0, 'EUR', '" FAR "'),"
  " (3, 'CC', '5678', 'hash3', 'AMINATA DIALLO', 450.0, 'XOF', '" FAR "');"

  "INSERT INTO pnr_segment (pnr_id, seq, carrier, number, flight_date, origin, destination)"
  " VALUES (3, 1, 'AF', '804', '2026-03-01', 'CDG', 'LFW'),"
  "        (4, 1, 'SN', '285', '2021-06-01', 'BRU', 'LFW');"

  "INSERT INTO pnr_ssr (pnr_id, traveller_id, code, text, retain_until) VALUES"
  " (1, 1, 'DOCS', 'P/FRA/12AB34567/FRA/03FEB75/M/01JAN30/MARTIN/PAUL', '" FAR "'),"
  " (1, 2, 'DOCS', 'P/FRA/13CD45678/FRA/02APR80/F/01JAN31/MARTIN/CLAIRE', '" FAR "'),"
  " (3, 4, 'DOCS', 'P/SEN/SN445566/SEN//F/01JAN28/DIALLO/AMINATA', '" FAR "'),"
  " (3, NULL, 'OTHS', 'CALL 221 77 000 0000', '" FAR "'),"
  " (5, 7, 'FOID', 'PP123', '" FAR "'),"
  " (5, 8, 'FOID', 'PP456', '" FAR "');"

  "INSERT INTO pnr_history (pnr_id, seq, at, action, text) VALUES"
  " (3, 1, '2026-01-01T00:00:00Z', 'A', 'NM1DIALLO/AMINATA');"

  "INSERT INTO note (uuid, author, body, created_at, updated_at, retain_until) VALUES"
  " ('00000000-0000-0000-0000-000000000001', 'lfw', 'Old note', '" NOW "', '" NOW "',"
  "  '" PAST "'),"
  " ('00000000-0000-0000-0000-000000000002', 'lfw', 'Current note', '" NOW "', '" NOW "',"
  "  '" FAR "');";

/* Every table the job may touch, in full: two equal dumps mean nothing changed. */
static const char * const dumped_tables[] = {
  "flight", "source_file", "message", "traveller", "traveller_source", "travel_document",
  "finding", "hit", "hit_comment", "pnr", "pnr_contact", "pnr_payment", "pnr_segment",
  "pnr_ssr", "pnr_history", "note",
};

/* The rows in the order they were written: traveller_source has no rowid (migration
 * 17), and its key grows as its rows are added. */
static const char *
order_of (const char *table)
{
  return g_str_equal (table, "traveller_source") ? "traveller_id, message_id" : "rowid";
}

static TarmacStore *
open_fixture (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = tarmac_test_db_path (name);
  TarmacStore *store = tarmac_store_open (path, &error);

  g_assert_no_error (error);
  _tarmac_store_exec (store, fixture, &error);
  g_assert_no_error (error);

  return store;
}

static gint64
query_int (TarmacStore *store,
           const char  *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = _tarmac_store_prepare (store, sql, &error);

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);

  return sqlite3_column_int64 (stmt, 0);
}

static char *
query_text (TarmacStore *store,
            const char  *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = _tarmac_store_prepare (store, sql, &error);

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);

  if (sqlite3_column_type (stmt, 0) == SQLITE_NULL)
    return NULL;

  return g_strdup (_tarmac_store_column_text (stmt, 0));
}

#define assert_text(store, sql, expected) \
  G_STMT_START { \
    g_autofree char *assert_text_value = query_text (store, sql); \
    g_assert_cmpstr (assert_text_value, ==, expected); \
  } G_STMT_END

#define assert_int(store, sql, expected) \
  g_assert_cmpint (query_int (store, sql), ==, expected)

static char *
dump (TarmacStore *store)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (dumped_tables); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(sqlite3_stmt) stmt = NULL;
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s ORDER BY %s",
                                              dumped_tables[i], order_of (dumped_tables[i]));

      stmt = _tarmac_store_prepare (store, sql, &error);
      g_assert_no_error (error);

      g_string_append_printf (text, "[%s]\n", dumped_tables[i]);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            {
              const char *value = _tarmac_store_column_text (stmt, c);

              g_string_append_printf (text, "%s|", value != NULL ? value : "NULL");
            }
          g_string_append_c (text, '\n');
        }
    }

  return g_string_free (text, FALSE);
}

static void
apply_at_now (TarmacStore          *store,
              TarmacRetentionStats *stats)
{
  g_autoptr(GError) error = NULL;
  TarmacRetentionPolicy policy;

  tarmac_retention_policy_init (&policy);
  policy.now = NOW;

  g_assert_true (tarmac_retention_apply (store, &policy, stats, &error));
  g_assert_no_error (error);
}

static void
test_retention_policy_defaults (void)
{
  TarmacRetentionPolicy policy;

  tarmac_retention_policy_init (&policy);
  g_assert_cmpuint (policy.mask_after_months, ==, 6);
  g_assert_cmpuint (policy.delete_after_years, ==, 5);
  g_assert_null (policy.now);
  g_assert_true (tarmac_retention_validate (&policy, NULL));
}

static void
test_retention_stats (void)
{
  g_autoptr(TarmacStore) store = open_fixture ("stats.db");
  TarmacRetentionStats stats;

  memset (&stats, 0xff, sizeof stats);
  apply_at_now (store, &stats);

  g_assert_cmpuint (stats.travellers_masked, ==, 3);   /* T2, T4, T10 */
  g_assert_cmpuint (stats.documents_masked, ==, 4);    /* two of T2, T4's, T10's */
  g_assert_cmpuint (stats.pnrs_masked, ==, 1);         /* P3 */
  g_assert_cmpuint (stats.travellers_deleted, ==, 2);  /* T5, T7 */
  g_assert_cmpuint (stats.pnrs_deleted, ==, 2);        /* P4, P6 */
  g_assert_cmpuint (stats.notes_deleted, ==, 1);
  g_assert_cmpuint (stats.travellers_kept, ==, 3);     /* T3, T6, T11 */
}

static void
test_retention_masks (void)
{
  g_autoptr(TarmacStore) store = open_fixture ("masks.db");

  apply_at_now (store, NULL);

  /* T2: everything that names or links the person goes; what statistics need stays. */
  assert_text (store, "SELECT surname || '|' || given_names || '|' || date_of_birth || '|'"
               " || name_key || '|' || masked || '|' || sex || '|' || nationality || '|'"
               " || bag_count || '|' || kind || '|' || flight_id || '|' || pnr_id"
               " FROM traveller WHERE id = 2",
               "***||1980||1|F|FRA|2|passenger|2|1");
  assert_int (store, "SELECT count(*) FROM traveller WHERE id = 2 AND residence IS NULL"
              " AND birthplace IS NULL AND seat IS NULL AND bag_tags IS NULL"
              " AND booking_reference IS NULL", 1);
  assert_text (store, "SELECT group_concat (type || ':' || number || ':' || number_normalised"
               " || ':' || issuing_state || ':' || coalesce (mrz, 'NULL') || ':'"
               " || coalesce (issued_on, 'NULL') || ':' || coalesce (expires_on, 'NULL'), ',')"
               " FROM (SELECT * FROM travel_document WHERE traveller_id = 2 ORDER BY id)",
               "P:***::FRA:NULL:NULL:NULL,V:***::TGO:NULL:NULL:NULL");
  assert_text (store, "SELECT code || ':' || detail FROM finding WHERE traveller_id = 2",
               "document-expiring:");

  /* The birth year stays when there is one; a date that has none goes. T4 had none. */
  assert_text (store, "SELECT date_of_birth FROM traveller WHERE id = 10", NULL);
  assert_text (store, "SELECT date_of_birth FROM traveller WHERE id = 4", NULL);
  assert_text (store, "SELECT surname FROM traveller WHERE id = 10", "***");
  assert_text (store, "SELECT number FROM travel_document WHERE traveller_id = 10", "***");

  /* T4's cleared hit keeps nothing: masked, the hit stays cleared without its text. */
  assert_text (store, "SELECT surname FROM traveller WHERE id = 4", "***");
  assert_text (store, "SELECT status || ':' || explanation FROM hit WHERE id = 2",
               "cleared:***");

  /* P3 had only T4: its contacts, payment details, SSR and history texts go; the
   * itinerary, the form of payment and the amount stay. */
  assert_text (store, "SELECT group_concat (kind || ':' || value || ':' || value_normalised)"
               " FROM pnr_contact WHERE pnr_id = 3", "email:***:,address:***:");
  assert_int (store, "SELECT count(*) FROM pnr_payment WHERE pnr_id = 3 AND form = 'CC'"
              " AND amount = 450.0 AND currency = 'XOF' AND card_holder IS NULL"
              " AND card_hash IS NULL AND card_last4 IS NULL", 1);
  assert_text (store, "SELECT group_concat (code || ':' || text) FROM pnr_ssr"
               " WHERE pnr_id = 3", "DOCS:,OTHS:");
  assert_text (store, "SELECT action || ':' || text FROM pnr_history WHERE pnr_id = 3", "A:");
  assert_int (store, "SELECT count(*) FROM pnr_segment WHERE pnr_id = 3", 1);
  /* The locator names the booking: it becomes a token that says nothing. */
  assert_text (store, "SELECT record_locator FROM pnr WHERE id = 3", "*3");

  /* P1 is shared with T1, whose flight is recent: it stays whole, except T2's own SSR. */
  assert_text (store, "SELECT value FROM pnr_contact WHERE pnr_id = 1", "paul@example.fr");
  assert_text (store, "SELECT card_holder FROM pnr_payment WHERE pnr_id = 1", "PAUL MARTIN");
  assert_text (store, "SELECT text FROM pnr_ssr WHERE traveller_id = 2", "");
  assert_text (store, "SELECT text FROM pnr_ssr WHERE traveller_id = 1",
               "P/FRA/12AB34567/FRA/03FEB75/M/01JAN30/MARTIN/PAUL");

  /* Recent travellers, and the one flown on the masking day itself, are untouched. */
  assert_text (store, "SELECT surname || ' ' || given_names || ' ' || date_of_birth || ' '"
               " || masked FROM traveller WHERE id = 1", "MARTIN Paul 1975-02-03 0");
  assert_text (store, "SELECT surname || ' ' || masked FROM traveller WHERE id = 9",
               "ADEYEMI 0");
  assert_text (store, "SELECT number FROM travel_document WHERE traveller_id = 1",
               "12AB34567");
}

static void
test_retention_keeps_open_hits (void)
{
  g_autoptr(TarmacStore) store = open_fixture ("kept.db");

  apply_at_now (store, NULL);

  /* T3 (referred), masking age: untouched, and so is P2, its PNR. */
  assert_text (store, "SELECT surname || ' ' || given_names || ' ' || date_of_birth || ' '"
               " || seat || ' ' || name_key || ' ' || masked FROM traveller WHERE id = 3",
               "KOFFI Ama 1990-01-01 3C koffi ama 0");
  assert_text (store, "SELECT number FROM travel_document WHERE traveller_id = 3", "TG112233");
  assert_text (store, "SELECT explanation FROM hit WHERE id = 1", "KOFFI Ama matches");
  assert_text (store, "SELECT value FROM pnr_contact WHERE pnr_id = 2", "+228 90 00 00 00");

  /* T6 (new) and T11 (one cleared hit, one controlled_negative), deletion age: both stay
   * whole, with all their hits. */
  assert_text (store, "SELECT surname || ' ' || masked FROM traveller WHERE id = 6", "SMITH 0");
  assert_text (store, "SELECT surname || ' ' || masked FROM traveller WHERE id = 11",
               "BROWN 0");
  assert_int (store, "SELECT count(*) FROM hit WHERE traveller_id = 11", 2);
  assert_text (store, "SELECT explanation FROM hit WHERE id = 5", "BROWN Ann: route");
}

static void
test_retention_deletes (void)
{
  g_autoptr(TarmacStore) store = open_fixture ("deletes.db");

  apply_at_now (store, NULL);

  /* T5: flight older than five years, only a cleared hit. Gone with its documents,
   * finding, source, hit and the hit's comment; P4, booked for T5 alone, goes too. */
  assert_int (store, "SELECT count(*) FROM traveller WHERE id = 5", 0);
  assert_int (store, "SELECT count(*) FROM travel_document WHERE traveller_id = 5", 0);
  assert_int (store, "SELECT count(*) FROM finding WHERE traveller_id = 5", 0);
  assert_int (store, "SELECT count(*) FROM traveller_source WHERE traveller_id = 5", 0);
  assert_int (store, "SELECT count(*) FROM hit WHERE id = 3", 0);
  assert_int (store, "SELECT count(*) FROM hit_comment", 0);
  assert_int (store, "SELECT count(*) FROM pnr WHERE id = 4", 0);
  assert_int (store, "SELECT count(*) FROM pnr_contact WHERE pnr_id = 4", 0);
  assert_int (store, "SELECT count(*) FROM pnr_segment WHERE pnr_id = 4", 0);

  /* T7: recent flight, but past its retain_until. P5 stays for T8, without T7's SSR. */
  assert_int (store, "SELECT count(*) FROM traveller WHERE id = 7", 0);
  assert_int (store, "SELECT count(*) FROM pnr WHERE id = 5", 1);
  assert_text (store, "SELECT group_concat (text) FROM pnr_ssr WHERE pnr_id = 5", "PP456");
  assert_text (store, "SELECT value FROM pnr_contact WHERE pnr_id = 5", "+251 91 000 0000");
  assert_text (store, "SELECT surname FROM traveller WHERE id = 8", "TESFAYE");

  /* PNRs without travellers: past retain_until goes, within it stays. */
  assert_int (store, "SELECT count(*) FROM pnr WHERE id = 6", 0);
  assert_int (store, "SELECT count(*) FROM pnr_contact WHERE pnr_id = 6", 0);
  assert_int (store, "SELECT count(*) FROM pnr WHERE id = 7", 1);

  assert_int (store, "SELECT count(*) FROM note", 1);
  assert_text (store, "SELECT body FROM note", "Current note");

  /* Flights, files and messages hold no personal data: the statistics' denominators. */
  assert_int (store, "SELECT count(*) FROM flight", 5);
  assert_int (store, "SELECT count(*) FROM source_file", 1);
  assert_int (store, "SELECT count(*) FROM message", 1);
  assert_int (store, "SELECT count(*) FROM traveller", 10);

  assert_int (store, "SELECT count(*) FROM pragma_foreign_key_check", 0);
}

/* retain_until is found message by message (migration 24): a traveller past it goes
 * whether its row names a message or not, and one of the same message within it stays. */
static void
test_retention_deletes_by_message (void)
{
  g_autoptr(TarmacStore) store = open_fixture ("retention-by-message.db");
  g_autoptr(GError) error = NULL;

  _tarmac_store_exec (store,
                      "UPDATE traveller SET message_id = 1 WHERE id IN (7, 8);"
                      "UPDATE traveller SET retain_until = '" PAST "' WHERE id = 9",
                      &error);
  g_assert_no_error (error);

  apply_at_now (store, NULL);

  assert_int (store, "SELECT count(*) FROM traveller WHERE id IN (7, 9)", 0);
  assert_text (store, "SELECT surname FROM traveller WHERE id = 8", "TESFAYE");
}

static void
test_retention_audit (void)
{
  g_autoptr(TarmacStore) store = open_fixture ("audit.db");
  g_autoptr(GError) error = NULL;
  g_autofree char *detail = NULL;
  guint64 n_rows = 0;

  tarmac_store_set_actor (store, "officer1");
  apply_at_now (store, NULL);

  assert_int (store, "SELECT count(*) FROM audit_log", 1);
  assert_text (store, "SELECT actor || ' ' || action || ' ' || object_type || ' '"
               " || coalesce (object_id, 'NULL') FROM audit_log",
               "officer1 retention database NULL");

  /* What was done, never to whom. */
  detail = query_text (store, "SELECT detail FROM audit_log");
  g_assert_nonnull (strstr (detail, "masked travellers 3, documents 4, PNRs 1"));
  g_assert_nonnull (strstr (detail, "deleted travellers 2, PNRs 2, notes 1"));
  g_assert_nonnull (strstr (detail, "kept travellers 3"));
  g_assert_nonnull (strstr (detail, "now " NOW));
  g_assert_null (strstr (detail, "MARTIN"));

  g_assert_true (tarmac_audit_verify (store, &n_rows, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_rows, ==, 1);
}

static void
test_retention_second_run (void)
{
  g_autoptr(TarmacStore) store = open_fixture ("again.db");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  TarmacRetentionStats stats;

  apply_at_now (store, NULL);
  before = dump (store);

  apply_at_now (store, &stats);
  after = dump (store);

  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (stats.travellers_masked, ==, 0);
  g_assert_cmpuint (stats.documents_masked, ==, 0);
  g_assert_cmpuint (stats.pnrs_masked, ==, 0);
  g_assert_cmpuint (stats.travellers_deleted, ==, 0);
  g_assert_cmpuint (stats.pnrs_deleted, ==, 0);
  g_assert_cmpuint (stats.notes_deleted, ==, 0);
  g_assert_cmpuint (stats.travellers_kept, ==, 3);

  /* Each run is in the log, including one that found nothing to do. */
  assert_int (store, "SELECT count(*) FROM audit_log WHERE action = 'retention'", 2);
}

/* Passes of one traveller each reach the same database as one pass, one audit row per
 * pass, and the chain still verifies. */
static void
test_retention_batches (void)
{
  g_autoptr(TarmacStore) whole = open_fixture ("whole.db");
  g_autoptr(TarmacStore) batched = open_fixture ("batched.db");
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *found = NULL;
  TarmacRetentionStats whole_stats, batched_stats;
  TarmacRetentionPolicy policy;

  apply_at_now (whole, &whole_stats);

  tarmac_retention_policy_init (&policy);
  policy.now = NOW;
  policy.batch_size = 1;
  g_assert_true (tarmac_retention_apply (batched, &policy, &batched_stats, &error));
  g_assert_no_error (error);

  expected = dump (whole);
  found = dump (batched);
  g_assert_cmpstr (found, ==, expected);

  g_assert_cmpuint (batched_stats.travellers_masked, ==, whole_stats.travellers_masked);
  g_assert_cmpuint (batched_stats.travellers_deleted, ==, whole_stats.travellers_deleted);
  g_assert_cmpuint (batched_stats.pnrs_masked, ==, whole_stats.pnrs_masked);
  g_assert_cmpuint (batched_stats.pnrs_deleted, ==, whole_stats.pnrs_deleted);
  g_assert_cmpuint (batched_stats.travellers_kept, ==, whole_stats.travellers_kept);

  g_assert_cmpint (query_int (batched,
                              "SELECT count(*) FROM audit_log WHERE action = 'retention'"),
                   >, 1);
  g_assert_true (tarmac_audit_verify (batched, NULL, NULL, &error));
  g_assert_no_error (error);
}

/* Once every traveller booked in a PNR is masked, the PNR is: here T1's flight ages. */
static void
test_retention_pnr_follows_last_traveller (void)
{
  g_autoptr(TarmacStore) store = open_fixture ("later.db");
  g_autoptr(GError) error = NULL;
  TarmacRetentionPolicy policy;
  TarmacRetentionStats stats;

  apply_at_now (store, NULL);
  assert_text (store, "SELECT value FROM pnr_contact WHERE pnr_id = 1", "paul@example.fr");

  tarmac_retention_policy_init (&policy);
  policy.now = "2027-06-01T00:00:00Z";
  g_assert_true (tarmac_retention_apply (store, &policy, &stats, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (stats.travellers_masked, ==, 3);   /* T1, T8, T9 */
  g_assert_cmpuint (stats.pnrs_masked, ==, 2);         /* P1, P5 */
  assert_text (store, "SELECT value FROM pnr_contact WHERE pnr_id = 1", "***");
  assert_text (store, "SELECT card_holder FROM pnr_payment WHERE pnr_id = 1", NULL);
  assert_text (store, "SELECT group_concat (text, '') FROM pnr_ssr WHERE pnr_id IN (1, 5)", "");

  /* A hit that is cleared later lets the next run mask its traveller. */
  _tarmac_store_exec (store, "UPDATE hit SET status = 'cleared' WHERE id = 1", &error);
  g_assert_no_error (error);
  g_assert_true (tarmac_retention_apply (store, &policy, &stats, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.travellers_masked, ==, 1);   /* T3 */
  g_assert_cmpuint (stats.pnrs_masked, ==, 1);         /* P2 */
  assert_text (store, "SELECT surname FROM traveller WHERE id = 3", "***");
  assert_text (store, "SELECT value FROM pnr_contact WHERE pnr_id = 2", "***");
}

static void
test_retention_invalid_policy (void)
{
  static const struct { guint months; guint years; const char *now; } cases[] = {
    { 0, 5, NOW },
    { 121, 5, NOW },
    { 6, 0, NOW },
    { 6, 31, NOW },
    { 61, 5, NOW },                  /* masking after deletion */
    { 6, 5, "next tuesday" },
    { 6, 5, "2026-11-22" },          /* a day is not a time */
  };
  g_autoptr(TarmacStore) store = open_fixture ("invalid.db");
  g_autofree char *before = dump (store);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *after = NULL;
      TarmacRetentionPolicy policy = { cases[i].months, cases[i].years, cases[i].now };
      TarmacRetentionStats stats = { 0 };

      g_test_message ("case %u", i);
      g_assert_false (tarmac_retention_validate (&policy, NULL));
      g_assert_false (tarmac_retention_apply (store, &policy, &stats, &error));
      g_assert_error (error, TARMAC_STORE_ERROR, TARMAC_STORE_ERROR_INVALID);
      g_assert_cmpuint (stats.travellers_masked, ==, 0);

      after = dump (store);
      g_assert_cmpstr (after, ==, before);
    }

  assert_int (store, "SELECT count(*) FROM audit_log", 0);

  /* Equal periods are allowed: what is old enough is deleted rather than masked. */
  {
    g_autoptr(GError) error = NULL;
    TarmacRetentionPolicy policy = { 60, 5, NOW };

    g_assert_true (tarmac_retention_apply (store, &policy, NULL, &error));
    g_assert_no_error (error);
  }
}

/* All or nothing: a failure late in the job leaves the database as it was. */
static void
test_retention_rolls_back (void)
{
  g_autoptr(TarmacStore) store = open_fixture ("rollback.db");
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  TarmacRetentionPolicy policy;

  _tarmac_store_exec (store,
                      "CREATE TRIGGER fail_on_note BEFORE DELETE ON note"
                      "  BEGIN SELECT RAISE (ABORT, 'note refused'); END;",
                      &error);
  g_assert_no_error (error);
  before = dump (store);

  tarmac_retention_policy_init (&policy);
  policy.now = NOW;
  g_assert_false (tarmac_retention_apply (store, &policy, NULL, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "note refused"));

  after = dump (store);
  g_assert_cmpstr (after, ==, before);
  assert_int (store, "SELECT count(*) FROM audit_log", 0);

  /* The store is usable afterwards, and so is the job. */
  g_clear_error (&error);
  _tarmac_store_exec (store, "DROP TRIGGER fail_on_note", &error);
  g_assert_no_error (error);
  apply_at_now (store, NULL);
  assert_int (store, "SELECT count(*) FROM traveller WHERE masked = 1", 4);
}

typedef struct
{
  gboolean             done;
  gboolean             ok;
  TarmacRetentionStats stats;
  GError              *error;
} AsyncResult;

static void
on_applied_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  AsyncResult *async = user_data;

  async->ok = tarmac_retention_apply_finish (result, &async->stats, &async->error);
  async->done = TRUE;
}

/* The app's way: a worker thread on a connection of its own, the same database. */
static void
test_retention_async (void)
{
  g_autoptr(TarmacStore) store = open_fixture ("async.db");
  TarmacRetentionPolicy policy;
  AsyncResult async = { 0 };

  tarmac_retention_policy_init (&policy);
  policy.now = NOW;
  tarmac_retention_apply_async (tarmac_store_get_path (store), "officer2", &policy, NULL,
                                on_applied_cb, &async);
  while (!async.done)
    g_main_context_iteration (NULL, TRUE);

  g_assert_no_error (async.error);
  g_assert_true (async.ok);
  g_assert_cmpuint (async.stats.travellers_masked, ==, 3);
  g_assert_cmpuint (async.stats.travellers_deleted, ==, 2);

  /* This connection sees what the other committed. */
  assert_text (store, "SELECT surname FROM traveller WHERE id = 2", "***");
  assert_text (store, "SELECT actor FROM audit_log WHERE action = 'retention'", "officer2");

  /* Errors come back through the callback. */
  policy.mask_after_months = 0;
  async.done = FALSE;
  tarmac_retention_apply_async (tarmac_store_get_path (store), NULL, &policy, NULL,
                                on_applied_cb, &async);
  while (!async.done)
    g_main_context_iteration (NULL, TRUE);

  g_assert_false (async.ok);
  g_assert_error (async.error, TARMAC_STORE_ERROR, TARMAC_STORE_ERROR_INVALID);
  g_clear_error (&async.error);

  /* A cancelled job does not run. */
  {
    g_autoptr(GCancellable) cancellable = g_cancellable_new ();

    policy.mask_after_months = 6;
    g_cancellable_cancel (cancellable);
    async.done = FALSE;
    tarmac_retention_apply_async (tarmac_store_get_path (store), NULL, &policy, cancellable,
                                  on_applied_cb, &async);
    while (!async.done)
      g_main_context_iteration (NULL, TRUE);

    g_assert_false (async.ok);
    g_assert_error (async.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_clear_error (&async.error);
    assert_int (store, "SELECT count(*) FROM audit_log WHERE action = 'retention'", 1);
  }
}

static int
run_cli (const char  *path,
         const char **args,
         char       **out,
         char       **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  int status = -1;

  g_ptr_array_add (argv, tarmac_test_build_path ("src/cli/tarmac-cli"));
  g_ptr_array_add (argv, g_strdup ("--db"));
  g_ptr_array_add (argv, g_strdup (path));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, g_strdup (args[i]));
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                out, err, &status, &error);
  g_assert_no_error (error);

  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

static void
test_retention_cli (void)
{
  g_autoptr(TarmacStore) store = open_fixture ("cli.db");
  g_autofree char *path = g_strdup (tarmac_store_get_path (store));
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *apply[] = { "retention", "apply", "--now", NOW, NULL };
  const char *again[] = { "retention", "apply", "--mask-months", "6", "--delete-years", "5",
                          "--now", NOW, NULL };
  const char *invalid[] = { "retention", "apply", "--mask-months", "0", NULL };
  const char *backwards[] = { "retention", "apply", "--mask-months", "72",
                              "--delete-years", "5", NULL };
  const char *bad_now[] = { "retention", "apply", "--now", "soon", NULL };
  const char *no_action[] = { "retention", NULL };
  const char *bad_number[] = { "retention", "apply", "--mask-months", "six", NULL };
  const char *extra[] = { "retention", "apply", "now", NULL };

  /* The CLI opens its own connection; this one only checks afterwards. */
  g_assert_cmpint (run_cli (path, apply, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "3 travellers masked"));
  g_assert_nonnull (strstr (out, "4 travel documents masked"));
  g_assert_nonnull (strstr (out, "1 PNR masked"));
  g_assert_nonnull (strstr (out, "2 travellers deleted"));
  g_assert_nonnull (strstr (out, "2 PNRs deleted"));
  g_assert_nonnull (strstr (out, "1 note deleted"));
  g_assert_nonnull (strstr (out, "3 travellers kept for an open hit"));
  assert_text (store, "SELECT surname FROM traveller WHERE id = 2", "***");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli (path, again, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "0 travellers masked"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* A refused policy is a failure (1); a wrong command line is a usage error (2). */
  g_assert_cmpint (run_cli (path, invalid, &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, "1 to 120 months"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli (path, backwards, &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, "masked before it is deleted"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli (path, bad_now, &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, "soon"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli (path, no_action, &out, &err), ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (path, bad_number, &out, &err), ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (path, extra, &out, &err), ==, 2);

  assert_int (store, "SELECT count(*) FROM audit_log WHERE action = 'retention'", 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/retention/policy/defaults", test_retention_policy_defaults);
  g_test_add_func ("/retention/policy/invalid", test_retention_invalid_policy);
  g_test_add_func ("/retention/apply/stats", test_retention_stats);
  g_test_add_func ("/retention/apply/masks", test_retention_masks);
  g_test_add_func ("/retention/apply/keeps-open-hits", test_retention_keeps_open_hits);
  g_test_add_func ("/retention/apply/deletes", test_retention_deletes);
  g_test_add_func ("/retention/apply/deletes-by-message", test_retention_deletes_by_message);
  g_test_add_func ("/retention/apply/audit", test_retention_audit);
  g_test_add_func ("/retention/apply/second-run", test_retention_second_run);
  g_test_add_func ("/retention/apply/batches", test_retention_batches);
  g_test_add_func ("/retention/apply/pnr-follows-last-traveller",
                   test_retention_pnr_follows_last_traveller);
  g_test_add_func ("/retention/apply/rolls-back", test_retention_rolls_back);
  g_test_add_func ("/retention/async", test_retention_async);
  g_test_add_func ("/retention/cli", test_retention_cli);

  return g_test_run ();
}
