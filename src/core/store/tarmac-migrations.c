/* tarmac-migrations.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-migrations"

#include "config.h"

#include "tarmac-migrations-private.h"

/*
 * The schema, as numbered steps. PRAGMA user_version holds the last step applied.
 *
 * Rules for whoever adds a step:
 *  - never edit a step that has shipped: add a new one;
 *  - each step runs in one transaction with the user_version bump, so it applies whole or
 *    not at all;
 *  - every table holding personal data carries retain_until (DESIGN.md §4, §8);
 *  - tables are STRICT, so a wrongly typed value is an error, not a silent conversion.
 */

static const TarmacMigration migrations[] = {
  {
    1,
    "officers, settings and the audit log",
    "CREATE TABLE meta ("
    "  key   TEXT PRIMARY KEY,"
    "  value TEXT NOT NULL"
    ") STRICT;"

    "CREATE TABLE officer ("
    "  id              INTEGER PRIMARY KEY,"
    "  login           TEXT NOT NULL UNIQUE CHECK (length (login) BETWEEN 1 AND 64),"
    "  display_name    TEXT NOT NULL,"
    "  agency          TEXT NOT NULL DEFAULT '' CHECK (agency IN ('', 'customs', 'police',"
    "                    'gendarmerie', 'immigration', 'other')),"
    "  role            TEXT NOT NULL DEFAULT 'officer' CHECK (role IN ('officer', 'analyst',"
    "                    'supervisor', 'administrator')),"
    "  passphrase_hash TEXT,"
    "  created_at      TEXT NOT NULL,"
    "  disabled        INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1))"
    ") STRICT;"

    /* Who did what to which record, including views of personal data. The chain
     * (prev_hash → hash) makes an edited, removed or inserted row visible; the
     * triggers make the honest path append-only. */
    "CREATE TABLE audit_log ("
    "  id          INTEGER PRIMARY KEY,"
    "  at          TEXT NOT NULL,"
    "  actor       TEXT NOT NULL,"
    "  action      TEXT NOT NULL,"
    "  object_type TEXT NOT NULL,"
    "  object_id   TEXT,"
    "  detail      TEXT,"
    "  prev_hash   TEXT NOT NULL CHECK (length (prev_hash) = 64),"
    "  hash        TEXT NOT NULL CHECK (length (hash) = 64)"
    ") STRICT;"
    "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log"
    "  BEGIN SELECT RAISE (ABORT, 'the audit log is append-only'); END;"
    "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log"
    "  BEGIN SELECT RAISE (ABORT, 'the audit log is append-only'); END;"
  },
  {
    2,
    "imported files, flights, travellers, documents and PNRs",
    "CREATE TABLE source_file ("
    "  id          INTEGER PRIMARY KEY,"
    "  sha256      TEXT NOT NULL UNIQUE CHECK (length (sha256) = 64),"
    "  name        TEXT NOT NULL,"
    "  format      TEXT NOT NULL,"
    "  size        INTEGER NOT NULL CHECK (size >= 0),"
    "  imported_at TEXT NOT NULL,"
    "  imported_by INTEGER REFERENCES officer (id),"
    "  result      TEXT NOT NULL CHECK (result IN ('imported', 'partial', 'failed')),"
    "  warnings    INTEGER NOT NULL DEFAULT 0 CHECK (warnings >= 0),"
    "  report      TEXT"
    ") STRICT;"

    "CREATE TABLE message ("
    "  id             INTEGER PRIMARY KEY,"
    "  source_file_id INTEGER NOT NULL REFERENCES source_file (id) ON DELETE CASCADE,"
    "  type           TEXT NOT NULL,"
    "  version        TEXT,"
    "  sender         TEXT,"
    "  recipient      TEXT,"
    "  reference      TEXT,"
    "  part_number    INTEGER CHECK (part_number IS NULL OR part_number >= 1),"
    "  last_part      INTEGER CHECK (last_part IS NULL OR last_part IN (0, 1)),"
    "  pushed_at      TEXT,"
    "  byte_offset    INTEGER CHECK (byte_offset IS NULL OR byte_offset >= 0)"
    ") STRICT;"
    "CREATE INDEX message_source_file ON message (source_file_id);"
    "CREATE INDEX message_reference ON message (type, sender, reference);"

    /* flight_date is the local date of scheduled departure at the origin, as airlines
     * number flights; direction is seen from the airport this workstation serves. */
    "CREATE TABLE flight ("
    "  id                  INTEGER PRIMARY KEY,"
    "  carrier             TEXT NOT NULL CHECK (length (carrier) BETWEEN 2 AND 3),"
    "  number              TEXT NOT NULL CHECK (length (number) BETWEEN 1 AND 5),"
    "  flight_date         TEXT NOT NULL CHECK (flight_date GLOB"
    "                        '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),"
    "  origin              TEXT NOT NULL CHECK (length (origin) = 3),"
    "  destination         TEXT NOT NULL CHECK (length (destination) = 3),"
    "  scheduled_departure TEXT,"
    "  scheduled_arrival   TEXT,"
    "  actual_departure    TEXT,"
    "  actual_arrival      TEXT,"
    "  direction           TEXT NOT NULL CHECK (direction IN ('inbound', 'outbound',"
    "                        'transit')),"
    "  aircraft            TEXT,"
    "  created_at          TEXT NOT NULL,"
    "  UNIQUE (carrier, number, flight_date, origin)"
    ") STRICT;"
    "CREATE INDEX flight_date ON flight (flight_date, scheduled_departure);"

    "CREATE TABLE flight_leg ("
    "  id                  INTEGER PRIMARY KEY,"
    "  flight_id           INTEGER NOT NULL REFERENCES flight (id) ON DELETE CASCADE,"
    "  seq                 INTEGER NOT NULL CHECK (seq >= 1),"
    "  origin              TEXT NOT NULL CHECK (length (origin) = 3),"
    "  destination         TEXT NOT NULL CHECK (length (destination) = 3),"
    "  scheduled_departure TEXT,"
    "  scheduled_arrival   TEXT,"
    "  operating_carrier   TEXT,"
    "  operating_number    TEXT,"
    "  UNIQUE (flight_id, seq)"
    ") STRICT;"

    "CREATE TABLE pnr ("
    "  id                 INTEGER PRIMARY KEY,"
    "  carrier            TEXT,"
    "  record_locator     TEXT NOT NULL CHECK (length (record_locator) BETWEEN 1 AND 16),"
    "  version            INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),"
    "  created_at_source  TEXT,"
    "  modified_at_source TEXT,"
    "  pushed_at          TEXT,"
    "  agency             TEXT,"
    "  point_of_sale      TEXT,"
    "  message_id         INTEGER REFERENCES message (id) ON DELETE SET NULL,"
    "  retain_until       TEXT NOT NULL,"
    "  UNIQUE (carrier, record_locator, version)"
    ") STRICT;"
    "CREATE INDEX pnr_locator ON pnr (record_locator);"

    "CREATE TABLE traveller ("
    "  id                INTEGER PRIMARY KEY,"
    "  flight_id         INTEGER NOT NULL REFERENCES flight (id) ON DELETE CASCADE,"
    "  pnr_id            INTEGER REFERENCES pnr (id) ON DELETE SET NULL,"
    "  kind              TEXT NOT NULL CHECK (kind IN ('passenger', 'crew')),"
    "  is_infant         INTEGER NOT NULL DEFAULT 0 CHECK (is_infant IN (0, 1)),"
    "  surname           TEXT NOT NULL CHECK (length (surname) BETWEEN 1 AND 256),"
    "  given_names       TEXT NOT NULL DEFAULT '' CHECK (length (given_names) <= 256),"
    "  sex               TEXT CHECK (sex IS NULL OR sex IN ('M', 'F', 'X', 'U')),"
    "  date_of_birth     TEXT,"
    "  nationality       TEXT CHECK (nationality IS NULL OR length (nationality) = 3),"
    "  residence         TEXT,"
    "  birthplace        TEXT,"
    "  seat              TEXT,"
    "  bag_count         INTEGER CHECK (bag_count IS NULL OR bag_count >= 0),"
    "  bag_weight_kg     REAL CHECK (bag_weight_kg IS NULL OR bag_weight_kg >= 0),"
    "  bag_tags          TEXT,"
    "  boarding_status   TEXT,"
    "  transit           INTEGER NOT NULL DEFAULT 0 CHECK (transit IN (0, 1)),"
    "  embarkation       TEXT,"
    "  debarkation       TEXT,"
    "  booking_reference TEXT,"
    "  from_api          INTEGER NOT NULL DEFAULT 0 CHECK (from_api IN (0, 1)),"
    "  from_pnr          INTEGER NOT NULL DEFAULT 0 CHECK (from_pnr IN (0, 1)),"
    "  name_key          TEXT NOT NULL DEFAULT '',"
    "  created_at        TEXT NOT NULL,"
    "  retain_until      TEXT NOT NULL,"
    "  masked            INTEGER NOT NULL DEFAULT 0 CHECK (masked IN (0, 1))"
    ") STRICT;"
    "CREATE INDEX traveller_flight ON traveller (flight_id);"
    "CREATE INDEX traveller_name_key ON traveller (name_key);"
    "CREATE INDEX traveller_pnr ON traveller (pnr_id);"

    "CREATE TABLE traveller_source ("
    "  traveller_id INTEGER NOT NULL REFERENCES traveller (id) ON DELETE CASCADE,"
    "  message_id   INTEGER NOT NULL REFERENCES message (id) ON DELETE CASCADE,"
    "  PRIMARY KEY (traveller_id, message_id)"
    ") STRICT;"

    "CREATE TABLE travel_document ("
    "  id                INTEGER PRIMARY KEY,"
    "  traveller_id      INTEGER NOT NULL REFERENCES traveller (id) ON DELETE CASCADE,"
    "  type              TEXT NOT NULL CHECK (length (type) BETWEEN 1 AND 3),"
    "  number            TEXT NOT NULL CHECK (length (number) BETWEEN 1 AND 35),"
    "  number_normalised TEXT NOT NULL,"
    "  issuing_state     TEXT,"
    "  issued_on         TEXT,"
    "  expires_on        TEXT,"
    "  mrz               TEXT,"
    "  check_verdict     TEXT NOT NULL DEFAULT 'unchecked' CHECK (check_verdict IN"
    "                      ('unchecked', 'valid', 'invalid')),"
    "  retain_until      TEXT NOT NULL"
    ") STRICT;"
    "CREATE INDEX travel_document_traveller ON travel_document (traveller_id);"
    "CREATE INDEX travel_document_number ON travel_document (number_normalised);"

    /* A problem found at import (expired document, wrong check digit…), kept on the
     * traveller so the officer sees it next to the data. */
    "CREATE TABLE finding ("
    "  id           INTEGER PRIMARY KEY,"
    "  traveller_id INTEGER NOT NULL REFERENCES traveller (id) ON DELETE CASCADE,"
    "  code         TEXT NOT NULL,"
    "  detail       TEXT NOT NULL DEFAULT '',"
    "  created_at   TEXT NOT NULL"
    ") STRICT;"
    "CREATE INDEX finding_traveller ON finding (traveller_id);"

    "CREATE TABLE pnr_contact ("
    "  id               INTEGER PRIMARY KEY,"
    "  pnr_id           INTEGER NOT NULL REFERENCES pnr (id) ON DELETE CASCADE,"
    "  kind             TEXT NOT NULL CHECK (kind IN ('phone', 'email', 'address')),"
    "  value            TEXT NOT NULL CHECK (length (value) <= 512),"
    "  value_normalised TEXT NOT NULL,"
    "  retain_until     TEXT NOT NULL"
    ") STRICT;"
    "CREATE INDEX pnr_contact_pnr ON pnr_contact (pnr_id);"
    "CREATE INDEX pnr_contact_value ON pnr_contact (value_normalised);"

    /* Card numbers are never stored: the last four digits for the officer, a keyed
     * hash to link the same card across PNRs. */
    "CREATE TABLE pnr_payment ("
    "  id           INTEGER PRIMARY KEY,"
    "  pnr_id       INTEGER NOT NULL REFERENCES pnr (id) ON DELETE CASCADE,"
    "  form         TEXT NOT NULL,"
    "  card_last4   TEXT CHECK (card_last4 IS NULL OR card_last4 GLOB '[0-9][0-9][0-9][0-9]'),"
    "  card_hash    TEXT,"
    "  card_holder  TEXT,"
    "  amount       REAL,"
    "  currency     TEXT,"
    "  retain_until TEXT NOT NULL"
    ") STRICT;"
    "CREATE INDEX pnr_payment_pnr ON pnr_payment (pnr_id);"
    "CREATE INDEX pnr_payment_card ON pnr_payment (card_hash);"

    "CREATE TABLE pnr_segment ("
    "  id          INTEGER PRIMARY KEY,"
    "  pnr_id      INTEGER NOT NULL REFERENCES pnr (id) ON DELETE CASCADE,"
    "  seq         INTEGER NOT NULL CHECK (seq >= 1),"
    "  carrier     TEXT,"
    "  number      TEXT,"
    "  flight_date TEXT,"
    "  origin      TEXT,"
    "  destination TEXT,"
    "  departure   TEXT,"
    "  arrival     TEXT,"
    "  status      TEXT,"
    "  UNIQUE (pnr_id, seq)"
    ") STRICT;"

    "CREATE TABLE pnr_ssr ("
    "  id           INTEGER PRIMARY KEY,"
    "  pnr_id       INTEGER NOT NULL REFERENCES pnr (id) ON DELETE CASCADE,"
    "  traveller_id INTEGER REFERENCES traveller (id) ON DELETE SET NULL,"
    "  code         TEXT NOT NULL CHECK (length (code) = 4),"
    "  text         TEXT NOT NULL DEFAULT '',"
    "  retain_until TEXT NOT NULL"
    ") STRICT;"
    "CREATE INDEX pnr_ssr_pnr ON pnr_ssr (pnr_id);"

    "CREATE TABLE pnr_history ("
    "  id     INTEGER PRIMARY KEY,"
    "  pnr_id INTEGER NOT NULL REFERENCES pnr (id) ON DELETE CASCADE,"
    "  seq    INTEGER NOT NULL CHECK (seq >= 1),"
    "  at     TEXT,"
    "  action TEXT,"
    "  text   TEXT NOT NULL DEFAULT '',"
    "  UNIQUE (pnr_id, seq)"
    ") STRICT;"
  },
  {
    3,
    "watchlists, risk rules and hits",
    "CREATE TABLE watchlist ("
    "  id          INTEGER PRIMARY KEY,"
    "  name        TEXT NOT NULL,"
    "  kind        TEXT NOT NULL CHECK (kind IN ('persons', 'documents', 'lookouts')),"
    "  source      TEXT NOT NULL,"
    "  version     TEXT,"
    "  loaded_at   TEXT NOT NULL,"
    "  entry_count INTEGER NOT NULL DEFAULT 0 CHECK (entry_count >= 0),"
    "  enabled     INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),"
    "  UNIQUE (source, name)"
    ") STRICT;"

    "CREATE TABLE watchlist_entry ("
    "  id                  INTEGER PRIMARY KEY,"
    "  watchlist_id        INTEGER NOT NULL REFERENCES watchlist (id) ON DELETE CASCADE,"
    "  external_id         TEXT,"
    "  kind                TEXT NOT NULL DEFAULT 'person' CHECK (kind IN ('person',"
    "                        'entity', 'document')),"
    "  dates_of_birth      TEXT,"
    "  nationalities       TEXT,"
    "  sex                 TEXT CHECK (sex IS NULL OR sex IN ('M', 'F', 'X', 'U')),"
    "  document_number     TEXT,"
    "  document_normalised TEXT,"
    "  reason              TEXT NOT NULL DEFAULT '',"
    "  expires_at          TEXT,"
    "  UNIQUE (watchlist_id, external_id)"
    ") STRICT;"
    "CREATE INDEX watchlist_entry_list ON watchlist_entry (watchlist_id);"
    "CREATE INDEX watchlist_entry_document ON watchlist_entry (document_normalised);"

    "CREATE TABLE watchlist_name ("
    "  id       INTEGER PRIMARY KEY,"
    "  entry_id INTEGER NOT NULL REFERENCES watchlist_entry (id) ON DELETE CASCADE,"
    "  name     TEXT NOT NULL CHECK (length (name) BETWEEN 1 AND 512),"
    "  quality  TEXT NOT NULL DEFAULT 'strong' CHECK (quality IN ('primary', 'strong',"
    "             'weak')),"
    "  script   TEXT,"
    "  name_key TEXT NOT NULL DEFAULT ''"
    ") STRICT;"
    "CREATE INDEX watchlist_name_entry ON watchlist_name (entry_id);"
    "CREATE INDEX watchlist_name_key ON watchlist_name (name_key);"

    "CREATE TABLE rule ("
    "  id             INTEGER PRIMARY KEY,"
    "  name           TEXT NOT NULL UNIQUE,"
    "  description    TEXT NOT NULL DEFAULT '',"
    "  category       TEXT NOT NULL DEFAULT '',"
    "  condition_json TEXT NOT NULL,"
    "  weight         REAL NOT NULL DEFAULT 1.0 CHECK (weight >= 0),"
    "  enabled        INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),"
    "  builtin        INTEGER NOT NULL DEFAULT 0 CHECK (builtin IN (0, 1)),"
    "  author_id      INTEGER REFERENCES officer (id),"
    "  valid_from     TEXT,"
    "  valid_until    TEXT,"
    "  created_at     TEXT NOT NULL"
    ") STRICT;"

    /* condition_json is validated by the rule interpreter when saved: json_valid() is not
     * allowed in CHECK constraints with trusted_schema off, which we keep off so that a
     * crafted database file cannot run functions through its schema. */

    /* One alert about one subject. A consignment subject arrives with the cargo
     * migration; until then every hit is about a traveller. */
    "CREATE TABLE hit ("
    "  id                 INTEGER PRIMARY KEY,"
    "  subject_type       TEXT NOT NULL DEFAULT 'traveller' CHECK (subject_type IN"
    "                       ('traveller', 'consignment')),"
    "  traveller_id       INTEGER REFERENCES traveller (id) ON DELETE CASCADE,"
    "  source             TEXT NOT NULL CHECK (source IN ('watchlist', 'document_list',"
    "                       'rule', 'lookout', 'manual')),"
    "  watchlist_entry_id INTEGER REFERENCES watchlist_entry (id) ON DELETE SET NULL,"
    "  rule_id            INTEGER REFERENCES rule (id) ON DELETE SET NULL,"
    "  score              REAL NOT NULL CHECK (score BETWEEN 0.0 AND 1.0),"
    "  explanation        TEXT NOT NULL,"
    "  status             TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new',"
    "                       'in_review', 'cleared', 'referred', 'controlled_positive',"
    "                       'controlled_negative', 'not_controlled')),"
    "  assignee_id        INTEGER REFERENCES officer (id),"
    "  agency             TEXT,"
    "  created_at         TEXT NOT NULL,"
    "  updated_at         TEXT NOT NULL,"
    "  retain_until       TEXT NOT NULL,"
    "  CHECK (subject_type <> 'traveller' OR traveller_id IS NOT NULL)"
    ") STRICT;"
    "CREATE INDEX hit_status ON hit (status);"
    "CREATE INDEX hit_traveller ON hit (traveller_id);"

    "CREATE TABLE hit_comment ("
    "  id         INTEGER PRIMARY KEY,"
    "  hit_id     INTEGER NOT NULL REFERENCES hit (id) ON DELETE CASCADE,"
    "  officer_id INTEGER REFERENCES officer (id),"
    "  at         TEXT NOT NULL,"
    "  text       TEXT NOT NULL CHECK (length (text) BETWEEN 1 AND 8192)"
    ") STRICT;"
  },
  {
    4,
    "notes",
    "CREATE TABLE note ("
    "  id           INTEGER PRIMARY KEY,"
    "  uuid         TEXT NOT NULL UNIQUE CHECK (length (uuid) = 36),"
    "  author       TEXT NOT NULL,"
    "  origin_site  TEXT NOT NULL DEFAULT '',"
    "  priority     TEXT NOT NULL DEFAULT 'routine' CHECK (priority IN ('routine',"
    "                 'priority', 'urgent')),"
    "  subject_type TEXT CHECK (subject_type IS NULL OR subject_type IN ('flight',"
    "                 'traveller', 'consignment', 'seizure')),"
    "  subject_ref  TEXT,"
    "  body         TEXT NOT NULL CHECK (length (body) BETWEEN 1 AND 65536),"
    "  created_at   TEXT NOT NULL,"
    "  updated_at   TEXT NOT NULL,"
    "  retain_until TEXT NOT NULL"
    ") STRICT;"
    "CREATE INDEX note_created ON note (created_at);"
  },
  {
    5,
    "indexes for the retention job, and the audit log's head record",
    /* Deleting a traveller nulls pnr_ssr.traveller_id and cascades to hit_comment through
     * hit: without these, each deleted row scans those tables (300 s for 300,000
     * travellers instead of 7.5 s). The partial and retain_until indexes let a run with
     * nothing to do finish in milliseconds at every start. */
    "CREATE INDEX pnr_ssr_traveller ON pnr_ssr (traveller_id);"
    "CREATE INDEX hit_comment_hit ON hit_comment (hit_id);"
    "CREATE INDEX traveller_unmasked ON traveller (flight_id) WHERE masked = 0;"
    "CREATE INDEX traveller_retain_until ON traveller (retain_until);"
    "CREATE INDEX pnr_retain_until ON pnr (retain_until);"
    "CREATE INDEX note_retain_until ON note (retain_until);"
    /* The audit log's head record (see tarmac-audit.c), for logs written before it. */
    "INSERT INTO meta (key, value)"
    "  SELECT 'audit-head', id || ':' || hash FROM audit_log ORDER BY id DESC LIMIT 1"
    "  ON CONFLICT (key) DO NOTHING;"
  },
  {
    6,
    "multi-part message sets",
    /* One row per multi-part PAXLST (UNH S010 "01:C" … "nn:F"), keyed as the parts are
     * tied together (research/formats.md §1.8): sender, common access reference and BGM
     * code. The parts are the message rows pointing at it; parts_seen ("1,3") and complete
     * are kept here too, so a flight's page reads them without counting messages.
     * last_part is the number of the part flagged F, NULL until it arrives; the CNT total
     * of the set is the one its parts repeat, never a sum. */
    "CREATE TABLE message_set ("
    "  id              INTEGER PRIMARY KEY,"
    "  type            TEXT NOT NULL,"
    "  sender          TEXT NOT NULL DEFAULT '',"
    "  reference       TEXT NOT NULL,"
    "  document_code   TEXT NOT NULL DEFAULT '',"
    "  flight_id       INTEGER REFERENCES flight (id) ON DELETE SET NULL,"
    "  parts_seen      TEXT NOT NULL DEFAULT '',"
    "  last_part       INTEGER CHECK (last_part IS NULL OR last_part >= 1),"
    "  count_qualifier TEXT,"
    "  declared_count  INTEGER CHECK (declared_count IS NULL OR declared_count >= 0),"
    "  complete        INTEGER NOT NULL DEFAULT 0 CHECK (complete IN (0, 1)),"
    "  updated_at      TEXT NOT NULL,"
    "  UNIQUE (type, sender, reference, document_code)"
    ") STRICT;"
    "CREATE INDEX message_set_flight ON message_set (flight_id);"
    "ALTER TABLE message ADD COLUMN set_id INTEGER REFERENCES message_set (id)"
    "  ON DELETE SET NULL;"
    "CREATE INDEX message_set_id ON message (set_id);"
  },
  {
    7,
    "the keystore: sealed secrets and their master key's wraps",
    /* See tarmac-secrets.c: each secret sealed under the master key, which is stored only
     * wrapped under a key from the keyring or from a passphrase. A plain "card-hash-key"
     * left in meta by an older Tarmac is moved in here when the database is opened. */
    "CREATE TABLE secret ("
    "  name TEXT PRIMARY KEY CHECK (length (name) BETWEEN 1 AND 128),"
    "  box  BLOB NOT NULL"
    ") STRICT;"
    "CREATE TABLE secret_wrap ("
    "  kind   TEXT PRIMARY KEY CHECK (kind IN ('keyring', 'passphrase')),"
    "  params TEXT NOT NULL DEFAULT '',"
    "  box    BLOB NOT NULL"
    ") STRICT;"
  },
  {
    8,
    "watchlist details: DOB forms, documents, references and change tracking",
    /* A list entry's data lives as long as the list: re-loading replaces it, and removed
     * or expired entries go with it, so these rows carry no retain_until of their own. */
    "ALTER TABLE watchlist ADD COLUMN file_name TEXT;"
    "ALTER TABLE watchlist ADD COLUMN file_sha256 TEXT;"
    "ALTER TABLE watchlist_entry ADD COLUMN content_hash TEXT NOT NULL DEFAULT '';"
    "ALTER TABLE watchlist_entry ADD COLUMN reference TEXT;"
    "ALTER TABLE watchlist_entry ADD COLUMN category TEXT;"
    "ALTER TABLE watchlist_entry ADD COLUMN listed_on TEXT;"
    "ALTER TABLE watchlist_entry ADD COLUMN addresses TEXT;"

    /* Every DOB form a list gives, as an interval of years with what is known of the day:
     * an exact day, a month, a year, about a year, or a range of years. */
    "CREATE TABLE watchlist_dob ("
    "  id        INTEGER PRIMARY KEY,"
    "  entry_id  INTEGER NOT NULL REFERENCES watchlist_entry (id) ON DELETE CASCADE,"
    "  kind      TEXT NOT NULL CHECK (kind IN ('exact', 'month', 'year', 'approximate',"
    "              'range')),"
    "  year_from INTEGER NOT NULL CHECK (year_from BETWEEN 1800 AND 2200),"
    "  year_to   INTEGER NOT NULL CHECK (year_to BETWEEN year_from AND 2200),"
    "  month     INTEGER CHECK (month IS NULL OR month BETWEEN 1 AND 12),"
    "  day       INTEGER CHECK (day IS NULL OR day BETWEEN 1 AND 31)"
    ") STRICT;"
    "CREATE INDEX watchlist_dob_entry ON watchlist_dob (entry_id);"

    "CREATE TABLE watchlist_document ("
    "  id                INTEGER PRIMARY KEY,"
    "  entry_id          INTEGER NOT NULL REFERENCES watchlist_entry (id) ON DELETE CASCADE,"
    "  type              TEXT NOT NULL CHECK (type IN ('passport', 'national_id', 'visa',"
    "                      'other')),"
    "  number            TEXT NOT NULL CHECK (length (number) BETWEEN 1 AND 256),"
    "  number_normalised TEXT NOT NULL,"
    "  issuing_country   TEXT,"
    "  status            TEXT CHECK (status IS NULL OR status IN ('stolen', 'lost', 'revoked',"
    "                      'invalid')),"
    "  note              TEXT"
    ") STRICT;"
    "CREATE INDEX watchlist_document_entry ON watchlist_document (entry_id);"
    "CREATE INDEX watchlist_document_number ON watchlist_document (number_normalised);"
  },
  {
    9,
    "the search index",
    /* Names are found through their words: search_token lists, per word of a traveller's
     * name_key, the traveller and the day of the flight, so a word's travellers come out
     * most recent first and two words' lists intersect in one ordered pass.
     * search_vocab holds the distinct words and search_variant their deletion
     * neighbourhoods (each word with one letter removed, and with two for words of eight
     * letters or more), where a misspelt word finds its candidates in a few probes.
     *
     * Inserting a traveller only records it in search_pending: writers index their
     * pending travellers in one sorted pass before they commit (tarmac-search-index.c),
     * several times faster than word-by-word inserts. Updates and deletes (retention masks
     * by clearing name_key) remove the words here, so a masked traveller cannot be found
     * by name. name_key holds letters, digits and single spaces, so quoting around the
     * spaces makes it a JSON array: json_each is the only way to split a string inside a
     * trigger. The phone index compares the last seven digits, which survive every way of
     * writing the international prefix. */
    "CREATE TABLE search_token ("
    "  token        TEXT NOT NULL,"
    "  day          INTEGER NOT NULL,"
    "  traveller_id INTEGER NOT NULL,"
    "  PRIMARY KEY (token, day, traveller_id)"
    ") STRICT, WITHOUT ROWID;"
    "CREATE TABLE search_vocab ("
    "  token TEXT NOT NULL PRIMARY KEY"
    ") STRICT, WITHOUT ROWID;"
    "CREATE TABLE search_variant ("
    "  variant TEXT NOT NULL,"
    "  token   TEXT NOT NULL,"
    "  PRIMARY KEY (variant, token)"
    ") STRICT, WITHOUT ROWID;"
    "CREATE TABLE search_position ("
    "  p INTEGER PRIMARY KEY"
    ") STRICT;"
    "INSERT INTO search_position (p) VALUES (1), (2), (3), (4), (5), (6), (7), (8), (9), (10),"
    "  (11), (12), (13), (14), (15), (16), (17), (18), (19), (20), (21), (22), (23), (24);"
    "CREATE TABLE search_pending ("
    "  traveller_id INTEGER PRIMARY KEY"
    ") STRICT;"
    "CREATE TRIGGER search_vocab_insert AFTER INSERT ON search_vocab BEGIN"
    "  INSERT OR IGNORE INTO search_variant (variant, token) SELECT v, new.token FROM ("
    "    SELECT new.token AS v"
    "    UNION SELECT substr (new.token, 1, a.p - 1) || substr (new.token, a.p + 1)"
    "      FROM search_position a"
    "      WHERE length (new.token) >= 3 AND a.p <= length (new.token)"
    "    UNION SELECT substr (new.token, 1, a.p - 1)"
    "      || substr (new.token, a.p + 1, b.p - a.p - 1) || substr (new.token, b.p + 1)"
    "      FROM search_position a, search_position b"
    "      WHERE length (new.token) >= 8 AND a.p < b.p AND b.p <= length (new.token)"
    "  );"
    "END;"
    "CREATE TRIGGER search_vocab_delete AFTER DELETE ON search_vocab BEGIN"
    "  DELETE FROM search_variant WHERE token = old.token AND variant IN ("
    "    SELECT old.token AS v"
    "    UNION SELECT substr (old.token, 1, a.p - 1) || substr (old.token, a.p + 1)"
    "      FROM search_position a"
    "      WHERE length (old.token) >= 3 AND a.p <= length (old.token)"
    "    UNION SELECT substr (old.token, 1, a.p - 1)"
    "      || substr (old.token, a.p + 1, b.p - a.p - 1) || substr (old.token, b.p + 1)"
    "      FROM search_position a, search_position b"
    "      WHERE length (old.token) >= 8 AND a.p < b.p AND b.p <= length (old.token)"
    "  );"
    "END;"
    "CREATE TRIGGER search_traveller_insert AFTER INSERT ON traveller BEGIN"
    "  INSERT OR IGNORE INTO search_pending (traveller_id) VALUES (new.id);"
    "END;"
    "CREATE TRIGGER search_traveller_delete AFTER DELETE ON traveller BEGIN"
    "  DELETE FROM search_pending WHERE traveller_id = old.id;"
    "  DELETE FROM search_token WHERE token IN (SELECT value FROM"
    "      json_each ('[\"' || replace (replace (replace (old.name_key, '\\', ''), '\"', ''),"
    "      ' ', '\",\"') || '\"]'))"
    "    AND day = (SELECT CAST (replace (flight_date, '-', '') AS INTEGER) FROM flight"
    "               WHERE id = old.flight_id)"
    "    AND traveller_id = old.id;"
    "  DELETE FROM search_vocab WHERE token IN (SELECT value FROM"
    "      json_each ('[\"' || replace (replace (replace (old.name_key, '\\', ''), '\"', ''),"
    "      ' ', '\",\"') || '\"]'))"
    "    AND NOT EXISTS (SELECT 1 FROM search_token s WHERE s.token = search_vocab.token);"
    "END;"
    "CREATE TRIGGER search_traveller_update AFTER UPDATE OF name_key, flight_id ON traveller"
    "  WHEN old.name_key IS NOT new.name_key OR old.flight_id IS NOT new.flight_id BEGIN"
    "  DELETE FROM search_pending WHERE traveller_id = old.id;"
    "  DELETE FROM search_token WHERE token IN (SELECT value FROM"
    "      json_each ('[\"' || replace (replace (replace (old.name_key, '\\', ''), '\"', ''),"
    "      ' ', '\",\"') || '\"]'))"
    "    AND day = (SELECT CAST (replace (flight_date, '-', '') AS INTEGER) FROM flight"
    "               WHERE id = old.flight_id)"
    "    AND traveller_id = old.id;"
    "  DELETE FROM search_vocab WHERE token IN (SELECT value FROM"
    "      json_each ('[\"' || replace (replace (replace (old.name_key, '\\', ''), '\"', ''),"
    "      ' ', '\",\"') || '\"]'))"
    "    AND NOT EXISTS (SELECT 1 FROM search_token s WHERE s.token = search_vocab.token);"
    "  INSERT OR IGNORE INTO search_pending (traveller_id) SELECT new.id WHERE new.name_key <> '';"
    "END;"
    "INSERT INTO search_token (token, day, traveller_id)"
    "  SELECT DISTINCT j.value, CAST (replace (f.flight_date, '-', '') AS INTEGER), t.id"
    "  FROM traveller t JOIN flight f ON f.id = t.flight_id,"
    "    json_each ('[\"' || replace (replace (replace (t.name_key, '\\', ''), '\"', ''),"
    "      ' ', '\",\"') || '\"]') j"
    "  WHERE t.name_key <> '' AND j.value <> '' ORDER BY 1, 2, 3;"
    "INSERT INTO search_vocab (token) SELECT DISTINCT token FROM search_token;"
    "CREATE INDEX pnr_contact_phone_tail ON pnr_contact (substr (value_normalised, -7))"
    "  WHERE kind = 'phone';"
  },
  {
    10,
    "column mappings of spreadsheet manifests, remembered per airline",
    /* The mapping an officer chose for a spreadsheet layout (its folded header names, or
     * its column count when it has none), as tarmac_sheet_mapping_to_json() writes it;
     * used on the next file of that layout from that airline. Not personal data. */
    "CREATE TABLE sheet_mapping ("
    "  carrier    TEXT NOT NULL CHECK (length (carrier) BETWEEN 1 AND 3),"
    "  signature  TEXT NOT NULL CHECK (length (signature) BETWEEN 1 AND 16384),"
    "  mapping    TEXT NOT NULL CHECK (length (mapping) BETWEEN 2 AND 65536),"
    "  created_at TEXT NOT NULL,"
    "  updated_at TEXT NOT NULL,"
    "  PRIMARY KEY (carrier, signature)"
    ") STRICT, WITHOUT ROWID;"
    "CREATE INDEX sheet_mapping_signature ON sheet_mapping (signature, updated_at);"
  },
  {
    11,
    "seizures, evidence, referrals and activities",
    /* research/seizures.md §8. Codes are the ones in data/seizure-codes.json, checked by
     * the core when a record is saved (not by foreign keys: the code lists ship with the
     * program and may gain codes without a migration). A record is one row per version:
     * series_id is the id of the first version, previous_id the version it was edited
     * from. VALIDATED and later versions are locked by the triggers below, whatever
     * code writes to the file; an edit makes a new version. */
    "CREATE TABLE seizure ("
    "  id                  INTEGER PRIMARY KEY,"
    "  ref_no              TEXT NOT NULL CHECK (length (ref_no) BETWEEN 1 AND 32),"
    "  series_id           INTEGER NOT NULL,"
    "  version             INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),"
    "  previous_id         INTEGER UNIQUE REFERENCES seizure (id),"
    "  status              TEXT NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT',"
    "                        'SUBMITTED', 'VALIDATED', 'SHARED', 'CLOSED')),"
    "  occurred_at         TEXT NOT NULL CHECK (occurred_at GLOB"
    "                        '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*'),"
    "  airport             TEXT NOT NULL CHECK (length (airport) = 3),"
    "  place               TEXT,"
    "  direction           TEXT CHECK (direction IS NULL OR direction IN ('IN', 'OUT', 'TRN')),"
    "  flow_type           TEXT,"
    "  flight_id           INTEGER REFERENCES flight (id) ON DELETE SET NULL,"
    "  flight_label        TEXT,"
    "  hit_id              INTEGER REFERENCES hit (id) ON DELETE SET NULL,"
    "  traveller_id        INTEGER REFERENCES traveller (id) ON DELETE SET NULL,"
    "  selection_reason    TEXT NOT NULL,"
    "  detection_technique TEXT NOT NULL,"
    "  legal_action        TEXT,"
    "  offence_summary     TEXT,"
    "  modus_operandi      TEXT,"
    "  narrative           TEXT CHECK (narrative IS NULL OR length (narrative) <= 65536),"
    "  sensitivity         TEXT NOT NULL DEFAULT 'T1' CHECK (sensitivity IN ('T1', 'T2')),"
    "  created_at          TEXT NOT NULL,"
    "  created_by          TEXT NOT NULL,"
    "  submitted_at        TEXT,"
    "  validated_at        TEXT,"
    "  validated_by        TEXT,"
    "  shared_at           TEXT,"
    "  closed_at           TEXT,"
    "  UNIQUE (ref_no, version),"
    "  UNIQUE (series_id, version)"
    ") STRICT;"
    "CREATE INDEX seizure_occurred ON seizure (occurred_at);"
    "CREATE INDEX seizure_series ON seizure (series_id, version);"
    "CREATE INDEX seizure_hit ON seizure (hit_id);"
    "CREATE INDEX seizure_traveller ON seizure (traveller_id);"
    "CREATE INDEX seizure_flight ON seizure (flight_id);"

    /* Only forward along DRAFT → SUBMITTED → VALIDATED → SHARED → CLOSED (and a submitted
     * record sent back to DRAFT); once VALIDATED nothing but the status moves. */
    "CREATE TRIGGER seizure_status_path BEFORE UPDATE OF status ON seizure"
    "  WHEN NEW.status IS NOT OLD.status AND NOT ("
    "       (OLD.status = 'DRAFT' AND NEW.status = 'SUBMITTED')"
    "    OR (OLD.status = 'SUBMITTED' AND NEW.status IN ('DRAFT', 'VALIDATED'))"
    "    OR (OLD.status = 'VALIDATED' AND NEW.status = 'SHARED')"
    "    OR (OLD.status IN ('VALIDATED', 'SHARED') AND NEW.status = 'CLOSED'))"
    "  BEGIN SELECT RAISE (ABORT, 'seizure-status-path'); END;"
    /* Links to flights, hits and travellers may still fall to NULL when retention deletes
     * what they point at: the record keeps its own copy of what it needs (flight_label). */
    "CREATE TRIGGER seizure_locked_update BEFORE UPDATE ON seizure"
    "  WHEN OLD.status IN ('VALIDATED', 'SHARED', 'CLOSED') AND ("
    "      NEW.ref_no IS NOT OLD.ref_no OR NEW.series_id IS NOT OLD.series_id"
    "      OR NEW.version IS NOT OLD.version OR NEW.previous_id IS NOT OLD.previous_id"
    "      OR NEW.occurred_at IS NOT OLD.occurred_at OR NEW.airport IS NOT OLD.airport"
    "      OR NEW.place IS NOT OLD.place OR NEW.direction IS NOT OLD.direction"
    "      OR NEW.flow_type IS NOT OLD.flow_type OR (NEW.flight_id IS NOT OLD.flight_id AND NEW.flight_id IS NOT NULL)"
    "      OR NEW.flight_label IS NOT OLD.flight_label OR (NEW.hit_id IS NOT OLD.hit_id AND NEW.hit_id IS NOT NULL)"
    "      OR (NEW.traveller_id IS NOT OLD.traveller_id AND NEW.traveller_id IS NOT NULL)"
    "      OR NEW.selection_reason IS NOT OLD.selection_reason"
    "      OR NEW.detection_technique IS NOT OLD.detection_technique"
    "      OR NEW.legal_action IS NOT OLD.legal_action"
    "      OR NEW.offence_summary IS NOT OLD.offence_summary"
    "      OR NEW.modus_operandi IS NOT OLD.modus_operandi"
    "      OR NEW.narrative IS NOT OLD.narrative OR NEW.sensitivity IS NOT OLD.sensitivity"
    "      OR NEW.created_at IS NOT OLD.created_at OR NEW.created_by IS NOT OLD.created_by"
    "      OR NEW.submitted_at IS NOT OLD.submitted_at"
    "      OR NEW.validated_at IS NOT OLD.validated_at"
    "      OR NEW.validated_by IS NOT OLD.validated_by"
    "  ) BEGIN SELECT RAISE (ABORT, 'seizure-locked'); END;"
    "CREATE TRIGGER seizure_locked_delete BEFORE DELETE ON seizure"
    "  WHEN OLD.status IN ('VALIDATED', 'SHARED', 'CLOSED')"
    "  BEGIN SELECT RAISE (ABORT, 'seizure-locked'); END;"

    /* One line per commodity. kg_equivalent is computed on save from the unit and the
     * sub-type's factor, and kg_factor keeps the factor used, so a later change of the
     * code tables does not silently change past totals. Money is in minor units of
     * value_currency; value_usd_minor was computed with fx_rate (USD per major unit). */
    "CREATE TABLE seizure_item ("
    "  id              INTEGER PRIMARY KEY,"
    "  seizure_id      INTEGER NOT NULL REFERENCES seizure (id) ON DELETE CASCADE,"
    "  seq             INTEGER NOT NULL CHECK (seq >= 1),"
    "  category        TEXT NOT NULL,"
    "  subtype         TEXT NOT NULL,"
    "  description     TEXT,"
    "  quantity        REAL CHECK (quantity IS NULL OR (quantity > 0 AND quantity < 1e9)),"
    "  unit            TEXT,"
    "  pieces          INTEGER CHECK (pieces IS NULL OR pieces >= 0),"
    "  qty_estimated   INTEGER NOT NULL DEFAULT 0 CHECK (qty_estimated IN (0, 1)),"
    "  kg_equivalent   REAL CHECK (kg_equivalent IS NULL OR kg_equivalent >= 0),"
    "  kg_factor       REAL CHECK (kg_factor IS NULL OR kg_factor > 0),"
    "  concealment     TEXT,"
    "  value_minor     INTEGER CHECK (value_minor IS NULL OR value_minor > 0),"
    "  value_currency  TEXT CHECK (value_currency IS NULL OR length (value_currency) = 3),"
    "  fx_rate         REAL CHECK (fx_rate IS NULL OR fx_rate > 0),"
    "  fx_rate_date    TEXT,"
    "  value_usd_minor INTEGER CHECK (value_usd_minor IS NULL OR value_usd_minor >= 0),"
    "  purity_pct      REAL CHECK (purity_pct IS NULL OR purity_pct BETWEEN 0 AND 100),"
    "  species         TEXT,"
    "  cites_term      TEXT,"
    "  ivory_state     TEXT CHECK (ivory_state IS NULL OR ivory_state IN ('RAW', 'WORKED')),"
    "  CHECK ((quantity IS NULL) = (unit IS NULL)),"
    "  CHECK ((value_minor IS NULL) = (value_currency IS NULL)),"
    "  CHECK (value_minor IS NULL OR (fx_rate IS NOT NULL AND value_usd_minor IS NOT NULL)),"
    "  UNIQUE (seizure_id, seq)"
    ") STRICT;"
    "CREATE INDEX seizure_item_category ON seizure_item (category, subtype);"

    "CREATE TABLE seizure_route ("
    "  seizure_id INTEGER NOT NULL REFERENCES seizure (id) ON DELETE CASCADE,"
    "  seq        INTEGER NOT NULL CHECK (seq >= 1),"
    "  role       TEXT NOT NULL CHECK (role IN ('ORIGIN', 'DEPARTURE', 'TRANSIT',"
    "               'DESTINATION', 'FINAL_DEST')),"
    "  country    TEXT NOT NULL CHECK (length (country) = 2),"
    "  airport    TEXT CHECK (airport IS NULL OR length (airport) = 3),"
    "  PRIMARY KEY (seizure_id, seq)"
    ") STRICT;"

    /* Credit is many-to-many; totals count each seizure once (seizures.md §6.5). */
    "CREATE TABLE seizure_agency ("
    "  seizure_id  INTEGER NOT NULL REFERENCES seizure (id) ON DELETE CASCADE,"
    "  agency      TEXT NOT NULL CHECK (length (agency) BETWEEN 1 AND 128),"
    "  agency_type TEXT NOT NULL,"
    "  role        TEXT NOT NULL CHECK (role IN ('LEAD', 'PARTICIPATED', 'INFO_PROVIDED',"
    "                'RECEIVED_REFERRAL')),"
    "  PRIMARY KEY (seizure_id, agency)"
    ") STRICT;"
    "CREATE UNIQUE INDEX seizure_agency_one_lead ON seizure_agency (seizure_id)"
    "  WHERE role = 'LEAD';"

    /* Non-nominal on purpose: no name, document or date of birth (DESIGN.md §8). */
    "CREATE TABLE seizure_person ("
    "  id          INTEGER PRIMARY KEY,"
    "  seizure_id  INTEGER NOT NULL REFERENCES seizure (id) ON DELETE CASCADE,"
    "  role        TEXT NOT NULL,"
    "  nationality TEXT CHECK (nationality IS NULL OR length (nationality) = 2),"
    "  sex         TEXT NOT NULL DEFAULT 'U' CHECK (sex IN ('M', 'F', 'X', 'U')),"
    "  age_band    TEXT NOT NULL DEFAULT 'UNK' CHECK (age_band IN ('U18', '18_24', '25_34',"
    "                '35_44', '45_54', '55P', 'UNK')),"
    "  arrested    INTEGER NOT NULL DEFAULT 0 CHECK (arrested IN (0, 1))"
    ") STRICT;"
    "CREATE INDEX seizure_person_seizure ON seizure_person (seizure_id);"

    /* Photos and documents, content-addressed: the bytes live once in attachment_blob
     * (a new version of a record points at the same bytes), inside the 0600 database, so
     * they are written in the same transaction and backed up with it. */
    "CREATE TABLE attachment_blob ("
    "  sha256 TEXT PRIMARY KEY CHECK (length (sha256) = 64),"
    "  size   INTEGER NOT NULL CHECK (size BETWEEN 1 AND 33554432),"
    "  data   BLOB NOT NULL"
    ") STRICT;"
    "CREATE TABLE seizure_attachment ("
    "  id          INTEGER PRIMARY KEY,"
    "  seizure_id  INTEGER NOT NULL REFERENCES seizure (id) ON DELETE CASCADE,"
    "  item_seq    INTEGER,"
    "  kind        TEXT NOT NULL CHECK (kind IN ('CONCEALMENT', 'ITEM', 'XRAY', 'DOCUMENT',"
    "                'SEAL', 'LAB_REPORT', 'OTHER')),"
    "  file_name   TEXT NOT NULL CHECK (length (file_name) BETWEEN 1 AND 255),"
    "  mime_type   TEXT NOT NULL,"
    "  sha256      TEXT NOT NULL REFERENCES attachment_blob (sha256),"
    "  caption     TEXT,"
    "  captured_at TEXT,"
    "  shareable   INTEGER NOT NULL DEFAULT 0 CHECK (shareable IN (0, 1)),"
    "  added_at    TEXT NOT NULL,"
    "  added_by    TEXT NOT NULL"
    ") STRICT;"
    "CREATE INDEX seizure_attachment_seizure ON seizure_attachment (seizure_id);"

    /* Evidence follows the series, not a version: custody goes on after validation. */
    "CREATE TABLE exhibit ("
    "  id               INTEGER PRIMARY KEY,"
    "  series_id        INTEGER NOT NULL,"
    "  item_seq         INTEGER,"
    "  exhibit_no       TEXT NOT NULL UNIQUE CHECK (length (exhibit_no) BETWEEN 1 AND 64),"
    "  seal_no          TEXT,"
    "  storage_location TEXT,"
    "  status           TEXT NOT NULL DEFAULT 'IN_STORE' CHECK (status IN ('IN_STORE',"
    "                     'AT_LAB', 'IN_COURT', 'RETURNED', 'DESTROYED')),"
    "  created_at       TEXT NOT NULL"
    ") STRICT;"
    "CREATE INDEX exhibit_series ON exhibit (series_id);"
    "CREATE TABLE custody_event ("
    "  id            INTEGER PRIMARY KEY,"
    "  exhibit_id    INTEGER NOT NULL REFERENCES exhibit (id) ON DELETE CASCADE,"
    "  at            TEXT NOT NULL,"
    "  action        TEXT NOT NULL,"
    "  from_party    TEXT,"
    "  to_party      TEXT,"
    "  seal_no_after TEXT,"
    "  reason        TEXT,"
    "  witness       TEXT,"
    "  notes         TEXT,"
    "  recorded_by   TEXT NOT NULL"
    ") STRICT;"
    "CREATE INDEX custody_event_exhibit ON custody_event (exhibit_id, at);"
    /* The chain of custody is evidence: append-only. */
    "CREATE TRIGGER custody_event_no_update BEFORE UPDATE ON custody_event"
    "  BEGIN SELECT RAISE (ABORT, 'custody-append-only'); END;"
    "CREATE TRIGGER custody_event_no_delete BEFORE DELETE ON custody_event"
    "  WHEN (SELECT count(*) FROM exhibit WHERE id = OLD.exhibit_id) > 0"
    "  BEGIN SELECT RAISE (ABORT, 'custody-append-only'); END;"
    "CREATE TABLE lab_result ("
    "  id          INTEGER PRIMARY KEY,"
    "  exhibit_id  INTEGER NOT NULL REFERENCES exhibit (id) ON DELETE CASCADE,"
    "  lab_name    TEXT NOT NULL,"
    "  received_at TEXT,"
    "  reported_at TEXT,"
    "  substance   TEXT,"
    "  purity_pct  REAL CHECK (purity_pct IS NULL OR purity_pct BETWEEN 0 AND 100),"
    "  report_ref  TEXT"
    ") STRICT;"

    /* seizures.md §8.5: counts and outcomes, never identities. */
    "CREATE TABLE ht_referral ("
    "  id                   INTEGER PRIMARY KEY,"
    "  airport              TEXT NOT NULL CHECK (length (airport) = 3),"
    "  occurred_at          TEXT NOT NULL,"
    "  flight_id            INTEGER REFERENCES flight (id) ON DELETE SET NULL,"
    "  direction            TEXT CHECK (direction IS NULL OR direction IN ('IN', 'OUT', 'TRN')),"
    "  victims_female_adult INTEGER NOT NULL DEFAULT 0 CHECK (victims_female_adult BETWEEN 0 AND 9999),"
    "  victims_male_adult   INTEGER NOT NULL DEFAULT 0 CHECK (victims_male_adult BETWEEN 0 AND 9999),"
    "  victims_female_child INTEGER NOT NULL DEFAULT 0 CHECK (victims_female_child BETWEEN 0 AND 9999),"
    "  victims_male_child   INTEGER NOT NULL DEFAULT 0 CHECK (victims_male_child BETWEEN 0 AND 9999),"
    "  victims_unknown      INTEGER NOT NULL DEFAULT 0 CHECK (victims_unknown BETWEEN 0 AND 9999),"
    "  nationalities        TEXT,"
    "  exploitation_type    TEXT,"
    "  suspects_held        INTEGER NOT NULL DEFAULT 0 CHECK (suspects_held BETWEEN 0 AND 9999),"
    "  referred_to          TEXT NOT NULL,"
    "  referral_ref         TEXT,"
    "  outcome              TEXT,"
    "  created_at           TEXT NOT NULL"
    ") STRICT;"
    "CREATE INDEX ht_referral_occurred ON ht_referral (occurred_at);"
    "CREATE TABLE security_referral ("
    "  id            INTEGER PRIMARY KEY,"
    "  airport       TEXT NOT NULL CHECK (length (airport) = 3),"
    "  occurred_at   TEXT NOT NULL,"
    "  flight_id     INTEGER REFERENCES flight (id) ON DELETE SET NULL,"
    "  direction     TEXT CHECK (direction IS NULL OR direction IN ('IN', 'OUT', 'TRN')),"
    "  trigger_kind  TEXT NOT NULL CHECK (trigger_kind IN ('NOTICE', 'DIFFUSION', 'UN_LIST',"
    "                  'NAT_WATCHLIST', 'API_PNR_RULE', 'BEHAVIOUR', 'DOC_FRAUD')),"
    "  persons_count INTEGER NOT NULL CHECK (persons_count BETWEEN 1 AND 9999),"
    "  referred_to   TEXT NOT NULL,"
    "  referral_ref  TEXT,"
    "  outcome       TEXT CHECK (outcome IS NULL OR outcome IN ('DENIED_BOARDING', 'ARRESTED',"
    "                  'HANDED_OVER', 'MONITORED', 'CLEARED')),"
    "  created_at    TEXT NOT NULL"
    ") STRICT;"
    "CREATE INDEX security_referral_occurred ON security_referral (occurred_at);"
    "CREATE TABLE activity ("
    "  id                  INTEGER PRIMARY KEY,"
    "  kind                TEXT NOT NULL CHECK (kind IN ('TRAINING', 'MENTORING',"
    "                        'JOINT_OPERATION', 'MEETING', 'EXERCISE')),"
    "  title               TEXT NOT NULL CHECK (length (title) BETWEEN 1 AND 256),"
    "  start_date          TEXT NOT NULL,"
    "  end_date            TEXT,"
    "  airport             TEXT,"
    "  country             TEXT,"
    "  participants_female INTEGER NOT NULL DEFAULT 0 CHECK (participants_female BETWEEN 0 AND 100000),"
    "  participants_male   INTEGER NOT NULL DEFAULT 0 CHECK (participants_male BETWEEN 0 AND 100000),"
    "  participants_other  INTEGER NOT NULL DEFAULT 0 CHECK (participants_other BETWEEN 0 AND 100000),"
    "  agencies            TEXT,"
    "  operation_name      TEXT,"
    "  created_at          TEXT NOT NULL"
    ") STRICT;"
    "CREATE INDEX activity_start ON activity (start_date);"
    "CREATE TABLE share_log ("
    "  id                INTEGER PRIMARY KEY,"
    "  seizure_id        INTEGER REFERENCES seizure (id) ON DELETE SET NULL,"
    "  channel           TEXT NOT NULL CHECK (channel IN ('CENCOMM', 'I247', 'EMAIL', 'PDF',"
    "                      'HUB', 'OTHER')),"
    "  recipients        TEXT NOT NULL,"
    "  sent_at           TEXT NOT NULL,"
    "  external_ref      TEXT,"
    "  nominal_included  INTEGER NOT NULL DEFAULT 0 CHECK (nominal_included IN (0, 1)),"
    "  sent_by           TEXT NOT NULL"
    ") STRICT;"
    "CREATE TRIGGER seizure_item_locked_insert BEFORE INSERT ON seizure_item"
    "  WHEN (SELECT status FROM seizure WHERE id = NEW.seizure_id) IN ('VALIDATED', 'SHARED', 'CLOSED')"
    "  BEGIN SELECT RAISE (ABORT, 'seizure-locked'); END;"
    "CREATE TRIGGER seizure_item_locked_update BEFORE UPDATE ON seizure_item"
    "  WHEN (SELECT status FROM seizure WHERE id = OLD.seizure_id) IN ('VALIDATED', 'SHARED', 'CLOSED')"
    "  BEGIN SELECT RAISE (ABORT, 'seizure-locked'); END;"
    "CREATE TRIGGER seizure_item_locked_delete BEFORE DELETE ON seizure_item"
    "  WHEN (SELECT status FROM seizure WHERE id = OLD.seizure_id) IN ('VALIDATED', 'SHARED', 'CLOSED')"
    "  BEGIN SELECT RAISE (ABORT, 'seizure-locked'); END;"
    "CREATE TRIGGER seizure_route_locked_insert BEFORE INSERT ON seizure_route"
    "  WHEN (SELECT status FROM seizure WHERE id = NEW.seizure_id) IN ('VALIDATED', 'SHARED', 'CLOSED')"
    "  BEGIN SELECT RAISE (ABORT, 'seizure-locked'); END;"
    "CREATE TRIGGER seizure_route_locked_update BEFORE UPDATE ON seizure_route"
    "  WHEN (SELECT status FROM seizure WHERE id = OLD.seizure_id) IN ('VALIDATED', 'SHARED', 'CLOSED')"
    "  BEGIN SELECT RAISE (ABORT, 'seizure-locked'); END;"
    "CREATE TRIGGER seizure_route_locked_delete BEFORE DELETE ON seizure_route"
    "  WHEN (SELECT status FROM seizure WHERE id = OLD.seizure_id) IN ('VALIDATED', 'SHARED', 'CLOSED')"
    "  BEGIN SELECT RAISE (ABORT, 'seizure-locked'); END;"
    "CREATE TRIGGER seizure_agency_locked_insert BEFORE INSERT ON seizure_agency"
    "  WHEN (SELECT status FROM seizure WHERE id = NEW.seizure_id) IN ('VALIDATED', 'SHARED', 'CLOSED')"
    "  BEGIN SELECT RAISE (ABORT, 'seizure-locked'); END;"
    "CREATE TRIGGER seizure_agency_locked_update BEFORE UPDATE ON seizure_agency"
    "  WHEN (SELECT status FROM seizure WHERE id = OLD.seizure_id) IN ('VALIDATED', 'SHARED', 'CLOSED')"
    "  BEGIN SELECT RAISE (ABORT, 'seizure-locked'); END;"
    "CREATE TRIGGER seizure_agency_locked_delete BEFORE DELETE ON seizure_agency"
    "  WHEN (SELECT status FROM seizure WHERE id = OLD.seizure_id) IN ('VALIDATED', 'SHARED', 'CLOSED')"
    "  BEGIN SELECT RAISE (ABORT, 'seizure-locked'); END;"
    "CREATE TRIGGER seizure_person_locked_insert BEFORE INSERT ON seizure_person"
    "  WHEN (SELECT status FROM seizure WHERE id = NEW.seizure_id) IN ('VALIDATED', 'SHARED', 'CLOSED')"
    "  BEGIN SELECT RAISE (ABORT, 'seizure-locked'); END;"
    "CREATE TRIGGER seizure_person_locked_update BEFORE UPDATE ON seizure_person"
    "  WHEN (SELECT status FROM seizure WHERE id = OLD.seizure_id) IN ('VALIDATED', 'SHARED', 'CLOSED')"
    "  BEGIN SELECT RAISE (ABORT, 'seizure-locked'); END;"
    "CREATE TRIGGER seizure_person_locked_delete BEFORE DELETE ON seizure_person"
    "  WHEN (SELECT status FROM seizure WHERE id = OLD.seizure_id) IN ('VALIDATED', 'SHARED', 'CLOSED')"
    "  BEGIN SELECT RAISE (ABORT, 'seizure-locked'); END;"
    "CREATE TRIGGER seizure_attachment_locked_insert BEFORE INSERT ON seizure_attachment"
    "  WHEN (SELECT status FROM seizure WHERE id = NEW.seizure_id) IN ('VALIDATED', 'SHARED', 'CLOSED')"
    "  BEGIN SELECT RAISE (ABORT, 'seizure-locked'); END;"
    "CREATE TRIGGER seizure_attachment_locked_update BEFORE UPDATE ON seizure_attachment"
    "  WHEN (SELECT status FROM seizure WHERE id = OLD.seizure_id) IN ('VALIDATED', 'SHARED', 'CLOSED')"
    "  BEGIN SELECT RAISE (ABORT, 'seizure-locked'); END;"
    "CREATE TRIGGER seizure_attachment_locked_delete BEFORE DELETE ON seizure_attachment"
    "  WHEN (SELECT status FROM seizure WHERE id = OLD.seizure_id) IN ('VALIDATED', 'SHARED', 'CLOSED')"
    "  BEGIN SELECT RAISE (ABORT, 'seizure-locked'); END;"
  },
  {
    12,
    "shared records: versions, records, outbox, sync state and the roster of sites",
    /* research/sync.md §4.3. A version is stored as the exact signed bytes (header,
     * ciphertext, signature) with the wraps this replica holds: all of them for a version
     * written here (they go up with the push), this site's own for one received. The
     * decoded text lives in note, tied by note.uuid = record_id, so the Network page reads
     * one table. The outbox is ordered by device_seq, and survives any crash: a version,
     * its outbox row, its note row and its audit row are written in one transaction. */
    "CREATE TABLE versions ("
    "  version_id    TEXT PRIMARY KEY CHECK (length (version_id) = 64),"
    "  record_id     TEXT NOT NULL CHECK (length (record_id) = 36),"
    "  kind          TEXT NOT NULL,"
    "  origin_site   TEXT NOT NULL,"
    "  origin_device TEXT NOT NULL,"
    "  device_seq    INTEGER NOT NULL CHECK (device_seq >= 1),"
    "  hlc           INTEGER NOT NULL,"
    "  prev_version  TEXT,"
    "  deleted       INTEGER NOT NULL DEFAULT 0,"
    "  priority      TEXT NOT NULL,"
    "  expires_at    INTEGER,"
    "  header        BLOB NOT NULL,"
    "  body_ct       BLOB NOT NULL,"
    "  sig           BLOB NOT NULL CHECK (length (sig) = 64),"
    "  wraps         TEXT NOT NULL DEFAULT '{}',"
    "  server_seq    INTEGER,"
    "  state         TEXT NOT NULL CHECK (state IN ('local-pending', 'synced', 'received')"
    "                  OR state LIKE 'rejected:%'),"
    "  received_at   TEXT NOT NULL,"
    "  UNIQUE (origin_device, device_seq)"
    ") STRICT;"
    "CREATE INDEX versions_record ON versions (record_id, hlc);"
    "CREATE INDEX versions_expires ON versions (expires_at) WHERE expires_at IS NOT NULL;"

    "CREATE TABLE records ("
    "  record_id      TEXT PRIMARY KEY,"
    "  owner_site     TEXT NOT NULL,"
    "  kind           TEXT NOT NULL,"
    "  winner_version TEXT NOT NULL REFERENCES versions (version_id),"
    "  conflict_count INTEGER NOT NULL DEFAULT 0,"
    "  deleted        INTEGER NOT NULL DEFAULT 0"
    ") STRICT, WITHOUT ROWID;"

    "CREATE TABLE outbox ("
    "  device_seq  INTEGER PRIMARY KEY,"
    "  version_id  TEXT NOT NULL UNIQUE REFERENCES versions (version_id),"
    "  batch_id    TEXT,"
    "  attempts    INTEGER NOT NULL DEFAULT 0,"
    "  next_try_at INTEGER NOT NULL DEFAULT 0,"
    "  last_error  TEXT"
    ") STRICT;"

    "CREATE TABLE sync_state ("
    "  key   TEXT PRIMARY KEY,"
    "  value TEXT NOT NULL"
    ") STRICT, WITHOUT ROWID;"

    /* The roster as this replica last verified it: sites with their box keys (to seal
     * to), devices with their signing keys (to verify). Public keys only. */
    "CREATE TABLE sync_site ("
    "  code   TEXT PRIMARY KEY CHECK (length (code) BETWEEN 2 AND 8),"
    "  name   TEXT NOT NULL DEFAULT '',"
    "  box_pk BLOB NOT NULL CHECK (length (box_pk) = 32),"
    "  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'revoked'))"
    ") STRICT, WITHOUT ROWID;"
    "CREATE TABLE sync_device ("
    "  device_id TEXT PRIMARY KEY CHECK (length (device_id) = 36),"
    "  site      TEXT NOT NULL,"
    "  sign_pk   BLOB NOT NULL CHECK (length (sign_pk) = 32),"
    "  status    TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'revoked'))"
    ") STRICT, WITHOUT ROWID;"

    /* What a note is as a shared record: its kind, where it went, how far it got. */
    "ALTER TABLE note ADD COLUMN kind TEXT NOT NULL DEFAULT 'note'"
    "  CHECK (kind IN ('note', 'alert', 'lookout'));"
    "ALTER TABLE note ADD COLUMN recipients TEXT NOT NULL DEFAULT '';"
    "ALTER TABLE note ADD COLUMN delivery TEXT NOT NULL DEFAULT 'local'"
    "  CHECK (delivery IN ('local', 'pending', 'sent', 'received'));"
  },
  {
    13,
    "travellers found by the booking reference of their manifest",
    /* A traveller known from the API manifest alone has no PNR row: the manifest's
     * booking reference (RFF+AVF, a spreadsheet's PNR column) is what Search finds the
     * record locator in. */
    "CREATE INDEX traveller_booking_reference ON traveller (booking_reference)"
    "  WHERE booking_reference IS NOT NULL;"
  },
  {
    14,
    "replies, receipts of shared notes, and lookouts received",
    /* A reply points to the note it answers and to its thread's first note. read_at is
     * when this site (any of its desks) read the note: NULL means unread here. */
    "ALTER TABLE note ADD COLUMN reply_to TEXT CHECK (reply_to IS NULL OR length (reply_to) = 36);"
    "ALTER TABLE note ADD COLUMN thread_root TEXT"
    "  CHECK (thread_root IS NULL OR length (thread_root) = 36);"
    "ALTER TABLE note ADD COLUMN read_at TEXT;"
    "CREATE INDEX note_thread ON note (thread_root) WHERE thread_root IS NOT NULL;"
    "CREATE INDEX note_unread ON note (origin_site) WHERE read_at IS NULL;"

    /* How far a note got at each other site, from the acknowledgements they sent back
     * (research/sync.md §4.3 "ack"): delivered to the site, read there, and by whom. */
    "CREATE TABLE note_receipt ("
    "  note_uuid    TEXT NOT NULL CHECK (length (note_uuid) = 36),"
    "  site         TEXT NOT NULL CHECK (length (site) BETWEEN 2 AND 8),"
    "  delivered_at TEXT,"
    "  read_at      TEXT,"
    "  read_by      TEXT,"
    "  PRIMARY KEY (note_uuid, site)"
    ") STRICT, WITHOUT ROWID;"

    /* A flagged traveller sent by another airport (or by this one), kept only until its
     * expiry: every site drops it then, without a message. Only what screening needs. */
    "CREATE TABLE lookout ("
    "  id                  INTEGER PRIMARY KEY,"
    "  record_id           TEXT NOT NULL UNIQUE CHECK (length (record_id) = 36),"
    "  origin_site         TEXT NOT NULL,"
    "  author              TEXT NOT NULL,"
    "  surname             TEXT NOT NULL CHECK (length (surname) BETWEEN 1 AND 256),"
    "  given_names         TEXT NOT NULL DEFAULT '' CHECK (length (given_names) <= 256),"
    "  date_of_birth       TEXT,"
    "  nationality         TEXT CHECK (nationality IS NULL OR length (nationality) = 3),"
    "  sex                 TEXT CHECK (sex IS NULL OR sex IN ('M', 'F', 'X', 'U')),"
    "  document_number     TEXT CHECK (document_number IS NULL OR length (document_number) <= 35),"
    "  document_normalised TEXT,"
    "  reason              TEXT NOT NULL DEFAULT '' CHECK (length (reason) <= 1024),"
    "  recipients          TEXT NOT NULL,"
    "  expires_at          INTEGER NOT NULL,"
    "  created_at          TEXT NOT NULL,"
    "  retain_until        TEXT NOT NULL"
    ") STRICT;"
    "CREATE INDEX lookout_expires ON lookout (expires_at);"
    "CREATE INDEX lookout_document ON lookout (document_normalised)"
    "  WHERE document_normalised IS NOT NULL;"
    /* The hit a lookout raised points back to it (and, through record_id, to the
     * sender's record). */
    "ALTER TABLE hit ADD COLUMN lookout_id INTEGER REFERENCES lookout (id) ON DELETE SET NULL;"
    "ALTER TABLE hit ADD COLUMN lookout_record TEXT;"
    "CREATE INDEX hit_lookout ON hit (lookout_id) WHERE lookout_id IS NOT NULL;"
  },
  {
    15,
    "cheaper checks and counts on the import's hot path",
    /* A CHECK with an IN list of three values or more opens a temporary b-tree each
     * time a row is written (SQLite 3.40): two per traveller, a fifth of an API
     * import's time. The same checks written as comparisons cost nothing. Only the text
     * of a CHECK changes, and every stored row satisfies both forms, which is the case
     * the SQLite documentation allows writable_schema for (lang_altertable.html, "making
     * other kinds of table schema changes"); RESET makes this connection re-read the
     * schema, and the CREATE INDEX below moves the schema cookie for every other one. */
    "PRAGMA writable_schema = ON;"
    "UPDATE sqlite_schema SET sql = replace (sql,"
    "  'sex IN (''M'', ''F'', ''X'', ''U'')',"
    "  'sex = ''M'' OR sex = ''F'' OR sex = ''X'' OR sex = ''U''')"
    "  WHERE type = 'table' AND name = 'traveller';"
    "UPDATE sqlite_schema SET sql = replace (sql,"
    "  'check_verdict IN                      (''unchecked'', ''valid'', ''invalid'')',"
    "  'check_verdict = ''unchecked'' OR check_verdict = ''valid'''"
    "  || ' OR check_verdict = ''invalid''')"
    "  WHERE type = 'table' AND name = 'travel_document';"
    "UPDATE sqlite_schema SET sql = replace (sql,"
    "  'kind IN (''phone'', ''email'', ''address'')',"
    "  'kind = ''phone'' OR kind = ''email'' OR kind = ''address''')"
    "  WHERE type = 'table' AND name = 'pnr_contact';"
    "PRAGMA writable_schema = RESET;"
    /* An AFTER INSERT trigger makes SQLite keep a statement journal for each traveller
     * row written (a copy of every page the row touches, so the row alone can be undone
     * if the trigger fails). Writers queue their new travellers for the name index
     * themselves (_tarmac_store_queue_for_search()); search_pending stays for rows
     * written by plain SQL and for renames. */
    "DROP TRIGGER IF EXISTS search_traveller_insert;"
    /* The import checks each message's CNT against the travellers it wrote; without
     * this index that count read the whole of traveller_source, once per message. */
    "CREATE INDEX traveller_source_message ON traveller_source (message_id);"
  },
  {
    16,
    "which imported files were screened",
    /* A file's travellers are screened once it is committed, in a transaction of their
     * own (tarmac-screener.c): screened_at says that one committed, so a crash between the
     * two leaves the file to be screened at the next start instead of never. Files from
     * before this version were screened with everyone when the lists last changed. */
    "ALTER TABLE source_file ADD COLUMN screened_at TEXT;"
    "UPDATE source_file SET screened_at = imported_at;"
    "CREATE INDEX source_file_unscreened ON source_file (id) WHERE screened_at IS NULL;"
  },
  {
    17,
    "fewer index entries per imported traveller",
    /* Each index is one more b-tree insert per traveller imported, and an index on a
     * random key (a name) touches a page of its own for almost every row once it
     * outgrows the cache. The name key is only ever looked up within a flight (linking a
     * PNR traveller to the manifest's, never a masked one), so it joins the flight's
     * partial index of unmasked travellers, whose keys then arrive in order; the
     * retention job reads that index as before. An API traveller has no PNR, so
     * traveller_pnr keeps only the travellers that have one (every query on it compares
     * pnr_id with a value). traveller_source's rows live in its primary key instead of
     * in a table and a copy of its key. */
    "DROP INDEX traveller_name_key;"
    "DROP INDEX traveller_unmasked;"
    "CREATE INDEX traveller_unmasked ON traveller (flight_id, name_key) WHERE masked = 0;"
    "DROP INDEX traveller_pnr;"
    "CREATE INDEX traveller_pnr ON traveller (pnr_id) WHERE pnr_id IS NOT NULL;"
    "CREATE TABLE traveller_source_new ("
    "  traveller_id INTEGER NOT NULL REFERENCES traveller (id) ON DELETE CASCADE,"
    "  message_id   INTEGER NOT NULL REFERENCES message (id) ON DELETE CASCADE,"
    "  PRIMARY KEY (traveller_id, message_id)"
    ") STRICT, WITHOUT ROWID;"
    "INSERT INTO traveller_source_new (traveller_id, message_id)"
    "  SELECT traveller_id, message_id FROM traveller_source ORDER BY 1, 2;"
    "DROP TABLE traveller_source;"
    "ALTER TABLE traveller_source_new RENAME TO traveller_source;"
    "CREATE INDEX traveller_source_message ON traveller_source (message_id);"
  },
  {
    18,
    "airport and desk keys pinned, notes held from a key changed without proof",
    /* sync_site.box_pk and sync_device.sign_pk become pins: the keys this workstation
     * trusts, set at first contact (the roster before this version counts as that) and
     * moved only by a proof the hub cannot make, or by an officer. A key the roster gives
     * without such a proof waits in pending_pk; notes sealed meanwhile keep the record key
     * for that airport in held_wrap (sealed to this desk's own box key) until an officer
     * accepts the new key — then the wrap is sealed to it and sent. */
    "ALTER TABLE sync_site ADD COLUMN pinned_at TEXT;"
    "ALTER TABLE sync_site ADD COLUMN pending_pk BLOB CHECK (pending_pk IS NULL OR length (pending_pk) = 32);"
    "ALTER TABLE sync_site ADD COLUMN pending_since TEXT;"
    "ALTER TABLE sync_device ADD COLUMN pending_pk BLOB CHECK (pending_pk IS NULL OR length (pending_pk) = 32);"
    "ALTER TABLE sync_device ADD COLUMN pending_since TEXT;"
    "CREATE TABLE held_wrap ("
    "  version_id TEXT NOT NULL,"
    "  site       TEXT NOT NULL,"
    "  own_wrap   BLOB NOT NULL CHECK (length (own_wrap) = 80),"
    "  wrap       BLOB CHECK (wrap IS NULL OR length (wrap) = 80),"
    "  held_at    TEXT NOT NULL,"
    "  PRIMARY KEY (version_id, site)"
    ") STRICT, WITHOUT ROWID;"
    "CREATE INDEX held_wrap_site ON held_wrap (site);"
  },
  {
    19,
    "document numbers and booking references indexed by block of travellers",
    /* An index on a random key sends each new row to a page of its own among all the rows
     * imported before: at a million travellers the document numbers and booking
     * references were 5 s of a 17 s import, seeking through trees larger than the
     * processor's caches, splitting their pages and writing most of them again at every
     * commit. Keyed first by their traveller's block of 4,096 ids, an import's rows go
     * into the newest blocks, a few pages that stay hot, as an append does. A lookup by
     * number seeks once per block (_TARMAC_BLOCKS: about 250 at a million travellers,
     * well under a millisecond); lookups within a flight go through the flight's
     * travellers instead. */
    "DROP INDEX travel_document_number;"
    "CREATE INDEX travel_document_number ON travel_document"
    "  ((traveller_id >> 12), number_normalised);"
    "DROP INDEX traveller_booking_reference;"
    "CREATE INDEX traveller_booking_reference ON traveller ((id >> 12), booking_reference)"
    "  WHERE booking_reference IS NOT NULL;"
  },
  {
    20,
    "the message that brought a traveller, on the traveller's row",
    /* Nearly every traveller comes from one message and is never named by another, yet
     * each cost a row of traveller_source and an entry in its index on message_id: two
     * b-tree inserts and a statement of their own, a ninth of an API import. The
     * traveller's row now says which message brought it (message_id, indexed for the
     * travellers of a file); traveller_source keeps only the messages that named it
     * again later (a PNR naming a manifest's traveller, or pushed again). A traveller's
     * sources are both together. Messages are never deleted (nor are the
     * files that hold them), so the column needs no foreign key, whose check on every
     * row would cost a fifth of what the change saves; the importers write the message
     * before its travellers. */
    "ALTER TABLE traveller ADD COLUMN message_id INTEGER;"
    "UPDATE traveller SET message_id ="
    "  (SELECT min (s.message_id) FROM traveller_source s WHERE s.traveller_id = traveller.id);"
    "DELETE FROM traveller_source WHERE message_id ="
    "  (SELECT t.message_id FROM traveller t WHERE t.id = traveller_source.traveller_id);"
    "CREATE INDEX traveller_message ON traveller (message_id);"
  },
  {
    21,
    "one index of a flight's travellers",
    /* A flight's travellers had two indexes, by flight and, for its unmasked travellers, by
     * flight and name key: an index entry more per traveller imported (3 % of an API
     * import). One index by flight, masked and name key serves both: all of a flight's
     * travellers, its unmasked ones (retention's masking and the lookouts' screening go
     * from the flights to them, so a run with nothing to mask reads nothing), and those of
     * a name among them. An import's travellers are unmasked, so their keys still arrive
     * in order within the flight. */
    "DROP INDEX traveller_unmasked;"
    "DROP INDEX traveller_flight;"
    "CREATE INDEX traveller_flight ON traveller (flight_id, masked, name_key);"
  },
  {
    22,
    "a traveller's sources in one view",
    /* A traveller's sources since migration 20: the message on its row and those in
     * traveller_source, which never repeats it. Readers join the view as they joined
     * traveller_source; through IN (…) or a WHERE on traveller_id SQLite searches both
     * halves by their indexes (a join under an aggregate would read all of it). */
    "CREATE VIEW traveller_sources (traveller_id, message_id) AS"
    "  SELECT id, message_id FROM traveller WHERE message_id IS NOT NULL"
    "  UNION ALL SELECT traveller_id, message_id FROM traveller_source;"
  },
  {
    23,
    "the name index in segments",
    /* search_token kept a row per word of each traveller's name: three b-tree inserts per
     * traveller, each into a page of its own among all the words, a sixth of an import.
     * search_segment keeps, per word, the travellers one index update wrote, encoded in
     * one blob (tarmac-search-postings.c): one row per word per update at most. An update
     * adds to the word's newest segment while that one is small, and starts another
     * once it holds 1,024 postings (tarmac-search-index.c).
     *
     * A traveller deleted or renamed (retention masks by clearing name_key) cannot be
     * taken out of a blob by a trigger: the triggers list its old words in search_stale,
     * readers leave those postings out, and the next index update, which every commit
     * runs (tarmac_store_commit()), rewrites the segments without them and forgets words
     * no traveller has any more. The search_token view shows the index as rows
     * (search_postings() gives a segment's postings as a JSON array of day << 32 |
     * traveller: the JSON functions that would pick pairs apart are not allowed in the
     * schema with trusted_schema off).
     *
     * The index is written again from the rows: every traveller goes to search_pending,
     * which the store indexes once the migrations are done. */
    "CREATE TABLE search_segment ("
    "  token    TEXT NOT NULL,"
    "  segment  INTEGER NOT NULL,"
    "  count    INTEGER NOT NULL,"
    "  postings BLOB NOT NULL,"
    "  PRIMARY KEY (token, segment)"
    ") STRICT, WITHOUT ROWID;"
    "CREATE TABLE search_stale ("
    "  token        TEXT NOT NULL,"
    "  traveller_id INTEGER NOT NULL,"
    "  PRIMARY KEY (token, traveller_id)"
    ") STRICT, WITHOUT ROWID;"
    "DROP TRIGGER search_traveller_delete;"
    "DROP TRIGGER search_traveller_update;"
    "CREATE TRIGGER search_traveller_delete AFTER DELETE ON traveller BEGIN"
    "  DELETE FROM search_pending WHERE traveller_id = old.id;"
    "  INSERT OR IGNORE INTO search_stale (token, traveller_id) SELECT value, old.id FROM"
    "    json_each ('[\"' || replace (replace (replace (old.name_key, '\\', ''), '\"', ''),"
    "    ' ', '\",\"') || '\"]') WHERE value <> '';"
    "END;"
    "CREATE TRIGGER search_traveller_update AFTER UPDATE OF name_key, flight_id ON traveller"
    "  WHEN old.name_key IS NOT new.name_key OR old.flight_id IS NOT new.flight_id BEGIN"
    "  DELETE FROM search_pending WHERE traveller_id = old.id;"
    "  INSERT OR IGNORE INTO search_stale (token, traveller_id) SELECT value, old.id FROM"
    "    json_each ('[\"' || replace (replace (replace (old.name_key, '\\', ''), '\"', ''),"
    "    ' ', '\",\"') || '\"]') WHERE value <> '';"
    "  INSERT OR IGNORE INTO search_pending (traveller_id) SELECT new.id WHERE new.name_key <> '';"
    "END;"
    "DROP TABLE search_token;"
    "CREATE VIEW search_token (token, day, traveller_id) AS"
    "  SELECT s.token, p.value >> 32, p.value & 4294967295"
    "  FROM search_segment s, json_each (search_postings (s.postings)) p"
    "  WHERE NOT EXISTS (SELECT 1 FROM search_stale g"
    "                    WHERE g.token = s.token AND g.traveller_id = p.value & 4294967295);"
    "INSERT OR IGNORE INTO search_pending (traveller_id)"
    "  SELECT id FROM traveller WHERE name_key <> '';"
  },
  {
    24,
    "one index of a traveller's message and retention date",
    /* Two indexes, by message (a file's travellers, a traveller's sources) and by
     * retention date (the travellers whose retain_until has passed), were two entries per
     * traveller imported, 3.5 % of an API import more than one. One on both serves the
     * first by its prefix; retention finds the second message by message (tarmac-
     * retention.c: one seek each, and one for the travellers of no message). Messages are
     * never deleted, and an import stamps all its travellers with one retain_until, so the
     * entries still arrive in order. */
    "DROP INDEX traveller_retain_until;"
    "DROP INDEX traveller_message;"
    "CREATE INDEX traveller_message ON traveller (message_id, retain_until);"
  },
  {
    25,
    "no statement journal for a manifest's rows",
    /* SQLite keeps a statement journal for a statement that writes several rows and may
     * stop half way (a copy of every page it changes, so its rows can be undone alone):
     * for an import's statements of 128 travellers or documents, 7 % of the work. Three
     * things made them such statements: a CHECK that calls a function (length ()), a
     * foreign key checked at once, and the ABORT a constraint means by default.
     *
     * - The CHECKs on the length of names, nationality, document type and number go. The
     *   importers cap those values before they bind them (tarmac-importer-travellers.c,
     *   tarmac-importer-pnrgov.c, tarmac-importer-documents.c); an empty surname, type or
     *   number is still refused, with a comparison. The flags' CHECKs, IN (0, 1), become
     *   BETWEEN 0 AND 1 (STRICT integer columns), and kind's two comparisons: fewer
     *   instructions for the same rule.
     * - The foreign keys of traveller and travel_document are checked at the end of the
     *   transaction, and at the end of each nested level of one (tarmac_store_commit()),
     *   so a file that left a traveller without its flight is still refused alone.
     * - The import's statements say INSERT OR FAIL, which keeps the rows before a refused
     *   one instead of undoing them (_tarmac_import_step_rows()).
     *
     * Only the text of the schema changes, and every stored row satisfies both forms: the
     * case the SQLite documentation allows writable_schema for (see migration 15). The
     * view created and dropped moves the schema cookie, so every other connection reads
     * the schema again. */
    "PRAGMA writable_schema = ON;"
    "UPDATE sqlite_schema SET sql = replace (replace (replace (replace (replace (replace ("
    "  replace (replace (replace (replace (replace (sql,"
    "  'CHECK (kind IN (''passenger'', ''crew''))',"
    "  'CHECK (kind = ''passenger'' OR kind = ''crew'')'),"
    "  'CHECK (is_infant IN (0, 1))', 'CHECK (is_infant BETWEEN 0 AND 1)'),"
    "  'CHECK (transit IN (0, 1))', 'CHECK (transit BETWEEN 0 AND 1)'),"
    "  'CHECK (from_api IN (0, 1))', 'CHECK (from_api BETWEEN 0 AND 1)'),"
    "  'CHECK (from_pnr IN (0, 1))', 'CHECK (from_pnr BETWEEN 0 AND 1)'),"
    "  'CHECK (masked IN (0, 1))', 'CHECK (masked BETWEEN 0 AND 1)'),"
    "  'REFERENCES flight (id) ON DELETE CASCADE',"
    "  'REFERENCES flight (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED'),"
    "  'REFERENCES pnr (id) ON DELETE SET NULL',"
    "  'REFERENCES pnr (id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED'),"
    "  'CHECK (length (surname) BETWEEN 1 AND 256)', 'CHECK (surname <> '''')'),"
    "  ' CHECK (length (given_names) <= 256)', ''),"
    "  ' CHECK (nationality IS NULL OR length (nationality) = 3)', '')"
    "  WHERE type = 'table' AND name = 'traveller';"
    "UPDATE sqlite_schema SET sql = replace (replace (replace (sql,"
    "  'REFERENCES traveller (id) ON DELETE CASCADE',"
    "  'REFERENCES traveller (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED'),"
    "  'CHECK (length (type) BETWEEN 1 AND 3)', 'CHECK (type <> '''')'),"
    "  'CHECK (length (number) BETWEEN 1 AND 35)', 'CHECK (number <> '''')')"
    "  WHERE type = 'table' AND name = 'travel_document';"
    "PRAGMA writable_schema = RESET;"
    "CREATE VIEW migration_25 AS SELECT 1;"
    "DROP VIEW migration_25;"
  },
  {
    26,
    "a file's result and a flight's direction checked by comparisons",
    /* A CHECK of a value against a list of three or more, x IN ('a', 'b', 'c'), makes
     * SQLite build a temporary b-tree of the list for every row it checks (two values are
     * compared in place), as migration 15 found on other tables. These two were left: a
     * temporary table for every file imported and for every flight a message names. The
     * same rules, as comparisons; only the text of the schema changes, as in migrations
     * 15 and 25. The flight's list was written over two lines of its CREATE TABLE, so its
     * text has the spaces between. */
    "PRAGMA writable_schema = ON;"
    "UPDATE sqlite_schema SET sql = replace (sql,"
    "  'CHECK (result IN (''imported'', ''partial'', ''failed''))',"
    "  'CHECK (result = ''imported'' OR result = ''partial'' OR result = ''failed'')')"
    "  WHERE type = 'table' AND name = 'source_file';"
    "UPDATE sqlite_schema SET sql = replace (sql,"
    "  'CHECK (direction IN (''inbound'', ''outbound'',"
    "                        ''transit''))',"
    "  'CHECK (direction = ''inbound'' OR direction = ''outbound'' OR"
    " direction = ''transit'')')"
    "  WHERE type = 'table' AND name = 'flight';"
    "PRAGMA writable_schema = RESET;"
    "CREATE VIEW migration_26 AS SELECT 1;"
    "DROP VIEW migration_26;"
  },
};

const TarmacMigration *
_tarmac_migrations_get (guint *n_migrations)
{
  *n_migrations = G_N_ELEMENTS (migrations);
  return migrations;
}
