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
};

const TarmacMigration *
_tarmac_migrations_get (guint *n_migrations)
{
  *n_migrations = G_N_ELEMENTS (migrations);
  return migrations;
}
