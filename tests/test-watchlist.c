/* test-watchlist.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "tarmac-store-private.h"
#include "tarmac-test-util.h"
#include "tarmac-watchlist-import.h"

static char *
fixture (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "watchlists", name, NULL);
}

static TarmacWatchlistEntry *
find_entry (TarmacWatchlistData *data,
            const char          *id)
{
  for (guint i = 0; i < data->entries->len; i++)
    {
      TarmacWatchlistEntry *entry = g_ptr_array_index (data->entries, i);

      if (g_strcmp0 (entry->external_id, id) == 0)
        return entry;
    }
  g_error ("entry %s not found", id);
  return NULL;
}

static TarmacWatchlistName *
name_at (TarmacWatchlistEntry *entry,
         guint                 i)
{
  g_assert_cmpuint (i, <, entry->names->len);
  return g_ptr_array_index (entry->names, i);
}

static TarmacDob *
dob_at (TarmacWatchlistEntry *entry,
        guint                 i)
{
  g_assert_cmpuint (i, <, entry->dobs->len);
  return &g_array_index (entry->dobs, TarmacDob, i);
}

static TarmacWatchlistDocument *
document_at (TarmacWatchlistEntry *entry,
             guint                 i)
{
  g_assert_cmpuint (i, <, entry->documents->len);
  return g_ptr_array_index (entry->documents, i);
}

static void
test_dob_forms (void)
{
  TarmacDob dob;

  g_assert_true (tarmac_dob_parse ("1971-05-14", &dob));
  g_assert_cmpint (dob.kind, ==, TARMAC_DOB_EXACT);
  g_assert_cmpuint (dob.day, ==, 14);
  g_assert_true (tarmac_dob_parse ("19 Jun 1951", &dob));
  g_assert_cmpint (dob.kind, ==, TARMAC_DOB_EXACT);
  g_assert_cmpuint (dob.month, ==, 6);
  g_assert_true (tarmac_dob_parse ("Jun 1951", &dob));
  g_assert_cmpint (dob.kind, ==, TARMAC_DOB_MONTH);
  g_assert_true (tarmac_dob_parse ("circa 1960", &dob));
  g_assert_cmpint (dob.kind, ==, TARMAC_DOB_APPROXIMATE);
  g_assert_true (tarmac_dob_parse ("01 Jan 1960 to 31 Dec 1962", &dob));
  g_assert_cmpint (dob.kind, ==, TARMAC_DOB_RANGE);
  g_assert_cmpuint (dob.year_to, ==, 1962);
  g_assert_true (tarmac_dob_parse ("1979/1981", &dob));
  g_assert_cmpint (dob.kind, ==, TARMAC_DOB_RANGE);
  g_assert_true (tarmac_dob_parse ("1988", &dob));
  g_assert_cmpint (dob.kind, ==, TARMAC_DOB_YEAR);
  g_assert_false (tarmac_dob_parse ("1962 to 1960", &dob));
  g_assert_false (tarmac_dob_parse ("1971-13-01", &dob));
  g_assert_false (tarmac_dob_parse ("yesterday", &dob));
  g_assert_false (tarmac_dob_parse ("", &dob));
}

static void
test_un (void)
{
  g_autofree char *path = fixture ("un-small.xml");
  g_autoptr(GError) error = NULL;
  g_autoptr(TarmacWatchlistData) data = tarmac_watchlist_load (path, NULL, &error);
  TarmacWatchlistEntry *entry;

  g_assert_no_error (error);
  g_assert_cmpstr (data->source, ==, "un");
  g_assert_cmpstr (data->version, ==, "2026-01-15T00:00:00.000Z");
  g_assert_cmpuint (data->entries->len, ==, 4);

  entry = find_entry (data, "900001");
  g_assert_cmpstr (entry->kind, ==, "person");
  g_assert_cmpuint (entry->names->len, ==, 4);
  g_assert_cmpstr (name_at (entry, 0)->name, ==, "ABD AL-RAHMAN YUSUF AL-HADDADI");
  g_assert_cmpint (name_at (entry, 0)->quality, ==, TARMAC_NAME_QUALITY_PRIMARY);
  g_assert_cmpstr (name_at (entry, 1)->script, ==, "arabic");
  g_assert_cmpint (name_at (entry, 2)->quality, ==, TARMAC_NAME_QUALITY_STRONG);
  g_assert_cmpstr (name_at (entry, 3)->name, ==, "Abu Yusuf");
  g_assert_cmpint (name_at (entry, 3)->quality, ==, TARMAC_NAME_QUALITY_WEAK);
  g_assert_cmpuint (entry->dobs->len, ==, 2);
  g_assert_cmpint (dob_at (entry, 0)->kind, ==, TARMAC_DOB_EXACT);
  g_assert_cmpint (dob_at (entry, 1)->kind, ==, TARMAC_DOB_APPROXIMATE);
  g_assert_cmpuint (dob_at (entry, 1)->year_from, ==, 1969);
  g_assert_cmpuint (entry->nationalities->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (entry->nationalities, 0), ==, "SYR");
  g_assert_cmpstr (g_ptr_array_index (entry->nationalities, 1), ==, "IRN");
  g_assert_cmpuint (entry->documents->len, ==, 2);
  g_assert_cmpstr (document_at (entry, 0)->type, ==, "passport");
  g_assert_cmpstr (document_at (entry, 0)->number_normalised, ==, "N0123456");
  g_assert_cmpstr (document_at (entry, 0)->issuing_country, ==, "SYR");
  g_assert_cmpstr (document_at (entry, 0)->note, ==, "expired");
  /* a type that wraps over lines is still a national identity number */
  g_assert_cmpstr (document_at (entry, 1)->type, ==, "national_id");
  g_assert_cmpstr (entry->sex, ==, "M");
  g_assert_cmpstr (entry->reference, ==, "QDi.901");
  g_assert_cmpstr (entry->reason, ==, "Invented for Tarmac's tests. Wraps over two lines.");

  entry = find_entry (data, "900002");
  g_assert_cmpint (dob_at (entry, 0)->kind, ==, TARMAC_DOB_RANGE);
  g_assert_cmpuint (dob_at (entry, 0)->year_from, ==, 1958);
  g_assert_cmpuint (dob_at (entry, 0)->year_to, ==, 1962);
  g_assert_cmpstr (name_at (entry, 0)->script, ==, "cyrillic");
  /* several spellings packed into one alias are names of their own, the original script
   * between brackets too; brackets that add to a name in its own script stay */
  g_assert_cmpuint (entry->names->len, ==, 7);
  g_assert_cmpstr (name_at (entry, 1)->name, ==, "Vladislav Shcheglovskiy");
  g_assert_cmpstr (name_at (entry, 2)->name, ==, "Wladyslaw Szczeglowski");
  g_assert_cmpstr (name_at (entry, 3)->name, ==, "Vladislav Chtcheglovski");
  g_assert_cmpstr (name_at (entry, 4)->name, ==, "V. Sheglovsky");
  g_assert_cmpstr (name_at (entry, 5)->name, ==, "Влад Щегловский");
  g_assert_cmpstr (name_at (entry, 5)->script, ==, "cyrillic");
  g_assert_cmpint (name_at (entry, 5)->quality, ==, TARMAC_NAME_QUALITY_STRONG);
  g_assert_cmpstr (name_at (entry, 6)->name, ==, "Vlad (the Engineer)");
  g_assert_cmpint (name_at (entry, 6)->quality, ==, TARMAC_NAME_QUALITY_WEAK);

  /* an alias repeating the primary name is the primary name, once */
  entry = find_entry (data, "900003");
  g_assert_cmpuint (entry->names->len, ==, 1);
  g_assert_cmpint (name_at (entry, 0)->quality, ==, TARMAC_NAME_QUALITY_PRIMARY);
  g_assert_cmpint (dob_at (entry, 0)->kind, ==, TARMAC_DOB_YEAR);

  entry = find_entry (data, "900100");
  g_assert_cmpstr (entry->kind, ==, "entity");
  g_assert_cmpuint (entry->addresses->len, ==, 1);
}

static void
test_ofac (void)
{
  g_autofree char *path = fixture ("ofac/sdn.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(TarmacWatchlistData) data = tarmac_watchlist_load (path, NULL, &error);
  TarmacWatchlistEntry *entry;

  g_assert_no_error (error);
  g_assert_cmpstr (data->source, ==, "ofac");
  g_assert_cmpuint (data->entries->len, ==, 4);
  g_assert_cmpuint (data->warnings->len, ==, 0);

  entry = find_entry (data, "7001");
  g_assert_cmpstr (entry->kind, ==, "person");
  g_assert_cmpuint (entry->names->len, ==, 3);
  g_assert_cmpuint (entry->dobs->len, ==, 2);
  g_assert_cmpint (dob_at (entry, 0)->kind, ==, TARMAC_DOB_EXACT);
  g_assert_cmpuint (dob_at (entry, 0)->month, ==, 2);
  g_assert_cmpint (dob_at (entry, 1)->kind, ==, TARMAC_DOB_YEAR);
  g_assert_cmpstr (g_ptr_array_index (entry->nationalities, 0), ==, "DZA");
  g_assert_cmpuint (entry->documents->len, ==, 2);
  g_assert_cmpstr (document_at (entry, 0)->number_normalised, ==, "0X1234567");
  g_assert_cmpstr (document_at (entry, 0)->issuing_country, ==, "DZA");
  g_assert_cmpstr (document_at (entry, 1)->number_normalised, ==, "AB99");
  g_assert_cmpstr (document_at (entry, 1)->issuing_country, ==, "FRA");
  g_assert_cmpstr (entry->sex, ==, "M");
  g_assert_cmpuint (entry->addresses->len, ==, 1);

  g_assert_cmpstr (find_entry (data, "7002")->kind, ==, "entity");

  entry = find_entry (data, "7003");
  g_assert_cmpint (dob_at (entry, 0)->kind, ==, TARMAC_DOB_APPROXIMATE);
  g_assert_cmpstr (g_ptr_array_index (entry->nationalities, 0), ==, "BRA");
  g_assert_cmpstr (document_at (entry, 0)->type, ==, "national_id");
  g_assert_cmpstr (document_at (entry, 0)->number_normalised, ==, "12345678");
  g_assert_cmpstr (entry->sex, ==, "F");

  entry = find_entry (data, "7004");
  g_assert_cmpint (dob_at (entry, 0)->kind, ==, TARMAC_DOB_RANGE);
  g_assert_cmpstr (name_at (entry, 1)->name, ==, "SAKHAROV, Petr");
  g_assert_cmpstr (g_ptr_array_index (entry->nationalities, 0), ==, "RUS");
}

static void
test_csv (void)
{
  g_autofree char *national = fixture ("national.csv");
  g_autofree char *documents = fixture ("documents.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(TarmacWatchlistData) persons = tarmac_watchlist_load (national, NULL, &error);
  g_autoptr(TarmacWatchlistData) docs = NULL;
  TarmacWatchlistEntry *entry;

  g_assert_no_error (error);
  g_assert_cmpstr (persons->source, ==, "tarmac-csv");
  g_assert_cmpstr (persons->default_name, ==, "national");
  g_assert_cmpuint (persons->entries->len, ==, 3);

  entry = find_entry (persons, "NAT-1");
  g_assert_cmpstr (name_at (entry, 0)->name, ==, "Ousmane Fallou NDIAYE");
  g_assert_cmpuint (entry->names->len, ==, 3);
  g_assert_cmpint (name_at (entry, 2)->quality, ==, TARMAC_NAME_QUALITY_WEAK);
  g_assert_cmpuint (entry->documents->len, ==, 2);
  g_assert_cmpstr (document_at (entry, 1)->number_normalised, ==, "1234567890123");
  g_assert_cmpstr (entry->expires_at, ==, "2027-01-01");
  g_assert_cmpstr (entry->category, ==, "wanted");

  entry = find_entry (persons, "NAT-2");
  g_assert_cmpuint (entry->dobs->len, ==, 2);
  g_assert_cmpint (dob_at (entry, 0)->kind, ==, TARMAC_DOB_APPROXIMATE);
  /* GIN and Guinea are one country */
  g_assert_cmpuint (entry->nationalities->len, ==, 1);
  g_assert_cmpstr (entry->sex, ==, "F");

  entry = find_entry (persons, "NAT-3");
  g_assert_cmpint (dob_at (entry, 0)->kind, ==, TARMAC_DOB_RANGE);
  g_assert_cmpstr (name_at (entry, 0)->script, ==, "cyrillic");
  g_assert_cmpstr (document_at (entry, 0)->type, ==, "visa");
  g_assert_null (document_at (entry, 0)->issuing_country);

  docs = tarmac_watchlist_load (documents, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (docs->kind, ==, "documents");
  g_assert_cmpuint (docs->entries->len, ==, 3);
  entry = find_entry (docs, "SLTD-2");
  g_assert_cmpstr (entry->kind, ==, "document");
  g_assert_cmpstr (document_at (entry, 0)->type, ==, "passport");
  g_assert_cmpstr (document_at (entry, 0)->number_normalised, ==, "CD765432");
  g_assert_cmpstr (document_at (entry, 0)->status, ==, "lost");
  g_assert_cmpstr (document_at (entry, 0)->issuing_country, ==, "CIV");
  g_assert_cmpstr (name_at (entry, 0)->name, ==, "Yao Michel KOUASSI");
  entry = find_entry (docs, "SLTD-3");
  g_assert_cmpstr (document_at (entry, 0)->type, ==, "national_id");
  g_assert_cmpstr (document_at (entry, 0)->issuing_country, ==, "MLI");
}

static gint64
count (TarmacStore *store,
       const char  *sql)
{
  g_autoptr(sqlite3_stmt) stmt = _tarmac_store_prepare (store, sql, NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

static char *
write_temp (const char *name,
            const char *contents)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "lists", NULL);
  char *path = g_build_filename (dir, name, NULL);

  g_mkdir_with_parents (dir, 0700);
  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  return path;
}

static void
test_import_replaces (void)
{
  g_autofree char *db = tarmac_test_db_path ("replace.db");
  g_autofree char *path = fixture ("un-small.xml");
  g_autofree char *original = NULL;
  g_autofree char *edited_path = NULL;
  g_autoptr(GString) edited = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TarmacStore) store = tarmac_store_open (db, &error);
  g_autoptr(TarmacWatchlistImportReport) first = NULL;
  g_autoptr(TarmacWatchlistImportReport) again = NULL;
  g_autoptr(TarmacWatchlistImportReport) changed = NULL;
  gint64 kept_id;

  g_assert_no_error (error);
  g_assert_true (tarmac_watchlist_import_file (store, path, NULL, NULL, &first, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (first->added, ==, 4);
  g_assert_cmpuint (first->entries, ==, 4);
  g_assert_cmpint (count (store, "SELECT count(*) FROM watchlist_name"), ==, 4 + 7 + 1 + 2);
  g_assert_cmpint (count (store, "SELECT count(*) FROM watchlist_dob"), ==, 4);
  g_assert_cmpint (count (store, "SELECT count(*) FROM watchlist_document"), ==, 2);
  g_assert_cmpint (count (store, "SELECT count(*) FROM watchlist_document WHERE"
                                 " number_normalised = 'N0123456' AND issuing_country = 'SYR'"),
                   ==, 1);
  g_assert_cmpint (count (store, "SELECT count(*) FROM audit_log WHERE action = 'import'"
                                 " AND object_type = 'watchlist'"), ==, 1);
  kept_id = count (store, "SELECT id FROM watchlist_entry WHERE external_id = '900001'");

  /* The same file again changes nothing. */
  g_assert_true (tarmac_watchlist_import_file (store, path, NULL, NULL, &again, &error));
  g_assert_cmpuint (again->unchanged, ==, 4);
  g_assert_cmpuint (again->added + again->changed + again->removed, ==, 0);

  /* One entry changed, one gone, one new. */
  g_assert_true (g_file_get_contents (path, &original, NULL, NULL));
  edited = g_string_new (original);
  g_string_replace (edited, "Vladislav Shcheglovskiy", "Vladislav Chtcheglovski", 1);
  g_string_replace (edited, "<DATAID>900003</DATAID>", "<DATAID>900004</DATAID>", 1);
  edited_path = write_temp ("un-small.xml", edited->str);
  g_assert_true (tarmac_watchlist_import_file (store, edited_path, NULL, NULL, &changed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed->added, ==, 1);
  g_assert_cmpuint (changed->changed, ==, 1);
  g_assert_cmpuint (changed->removed, ==, 1);
  g_assert_cmpuint (changed->unchanged, ==, 2);
  g_assert_cmpint (count (store, "SELECT count(*) FROM watchlist"), ==, 1);
  g_assert_cmpint (count (store, "SELECT entry_count FROM watchlist"), ==, 4);
  g_assert_cmpint (count (store, "SELECT count(*) FROM watchlist_entry"
                                 " WHERE external_id = '900003'"), ==, 0);
  g_assert_cmpint (count (store, "SELECT count(*) FROM watchlist_name"
                                 " WHERE name = 'Vladislav Chtcheglovski'"), ==, 1);
  g_assert_cmpint (count (store, "SELECT count(*) FROM watchlist_name"
                                 " WHERE name = 'Vladislav Shcheglovskiy'"), ==, 0);
  /* unchanged entries keep their rows */
  g_assert_cmpint (count (store, "SELECT id FROM watchlist_entry WHERE external_id = '900001'"),
                   ==, kept_id);
}

typedef struct
{
  const char *name;
  const char *contents;
  const char *kind;
  const char *expect;   /* in the message */
} BadFile;

static void
test_bad_input (void)
{
  static const BadFile bad[] = {
    { "doctype.xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY a \"aaaa\">]>\n"
      "<CONSOLIDATED_LIST><INDIVIDUALS/></CONSOLIDATED_LIST>", NULL, "line" },
    { "truncated.xml", "<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL><DATAID>1</DATAID>"
      "<FIRST_NAME>A</FIRST_NAME>", NULL, "truncated.xml" },
    { "other.xml", "<html><body>CONSOLIDATED_LIST</body></html>", NULL, "other.xml" },
    { "empty.xml", "<CONSOLIDATED_LIST><INDIVIDUALS/></CONSOLIDATED_LIST>", NULL, "no entries" },
    { "baddob.csv", "entry_id,surname,dob\nA,SMITH,1970\nB,JONES,someday\n", NULL, "line 3" },
    { "quote.csv", "entry_id,surname\nA,\"SMITH\n", NULL, "line 2" },
    { "noname.csv", "entry_id,surname\nA,\n", NULL, "line 2" },
    { "header.csv", "id,name\n1,SMITH\n", NULL, "line 1" },
    { "twice.csv", "entry_id,surname\nA,SMITH\nA,JONES\n", NULL, "appears twice" },
    { "status.csv", "document_number,status\nX1,borrowed\n", "documents", "line 2" },
    { "latin1.csv", "entry_id,surname\nA,M\xe9ndez\n", NULL, "UTF-8" },
    { "kind.csv", "entry_id,surname\nA,SMITH\n", "vessels", "vessels" },
    { "sdn.csv", "12,\"DOE, John\",\"individual\"\n", NULL, "sdn.csv" },
  };
  g_autofree char *db = tarmac_test_db_path ("bad.db");
  g_autofree char *good = fixture ("un-small.xml");
  g_autoptr(GError) error = NULL;
  g_autoptr(TarmacStore) store = tarmac_store_open (db, &error);
  gint64 entries, audits;

  g_assert_no_error (error);
  g_assert_true (tarmac_watchlist_import_file (store, good, "Our list", NULL, NULL, &error));
  entries = count (store, "SELECT count(*) FROM watchlist_entry");
  audits = count (store, "SELECT count(*) FROM audit_log");

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *path = write_temp (bad[i].name, bad[i].contents);
      g_autoptr(GError) local_error = NULL;

      /* Under the good list's name: a failed re-load must leave it as it was. */
      g_assert_false (tarmac_watchlist_import_file (store, path, "Our list", bad[i].kind, NULL,
                                                    &local_error));
      g_assert_nonnull (local_error);
      if (strstr (local_error->message, bad[i].expect) == NULL)
        g_error ("%s: “%s” does not say “%s”", bad[i].name, local_error->message, bad[i].expect);
      g_assert_cmpint (count (store, "SELECT count(*) FROM watchlist_entry"), ==, entries);
      g_assert_cmpint (count (store, "SELECT count(*) FROM audit_log"), ==, audits);
    }
}

/* Found by the list loaders' fuzz targets: the in-memory loaders refuse bytes that are not
 * UTF-8 themselves (their callers need not check first), and a refusal's message stays
 * valid UTF-8 when GMarkup quotes a name it cut in the middle of a character. */
static void
test_messages_stay_utf8 (void)
{
  static const struct
  {
    const char *data;
    const char *kind;   /* NULL for the UN loader */
  } bad[] = {
    { "<CONSOLIDATED_LIST><INDIVIDUALS><B\xe2\x80\x9c\x43/></INDIVIDUALS></CONSOLIDATED_LIST>",
      NULL },
    { "<CONSOLIDATED_LIST><INDIVIDUALS><B x\xe2\x80\x9c=\"1\"/></INDIVIDUALS>"
      "</CONSOLIDATED_LIST>", NULL },
    { "<CONSOLIDATED_LIST><FIRST_NAME>M\xe9ndez</FIRST_NAME></CONSOLIDATED_LIST>", NULL },
    { "entry_id,surname\nA,Fal\xe0\xdc\xd2\xd3\n", "persons" },
    { "document_number,document_type\nAB12\xb3\xb3\xb3,passport\n", "documents" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(TarmacWatchlistData) list = NULL;

      if (bad[i].kind == NULL)
        list = tarmac_watchlist_load_un (bad[i].data, strlen (bad[i].data), "bad.xml", &error);
      else
        list = tarmac_watchlist_load_csv (bad[i].data, strlen (bad[i].data), "bad.csv",
                                          bad[i].kind, &error);
      g_assert_null (list);
      g_assert_nonnull (error);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
    }
}

static void
test_samples (void)
{
  const char *samples = g_getenv ("TARMAC_SAMPLES_DIR");
  g_autofree char *un = NULL;
  g_autofree char *sdn = NULL;
  g_autoptr(TarmacWatchlistData) un_data = NULL;
  g_autoptr(TarmacWatchlistData) ofac_data = NULL;
  g_autoptr(GError) error = NULL;
  guint persons = 0, person_names = 0, weak = 0;
  guint kinds[TARMAC_DOB_RANGE + 1] = { 0 };

  un = samples != NULL ? g_build_filename (samples, "lists", "test_testdata_UN_consolidated.xml",
                                           NULL) : NULL;
  sdn = samples != NULL ? g_build_filename (samples, "lists", "test_testdata_sdn.csv", NULL)
                        : NULL;
  if (un == NULL || !g_file_test (un, G_FILE_TEST_EXISTS) || !g_file_test (sdn, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("../shared/samples/lists is not there");
      return;
    }

  /* research/screening.md §4.1: 730 individuals and 273 entities; 615 Low aliases */
  un_data = tarmac_watchlist_load (un, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (un_data->entries->len, ==, 1003);
  for (guint i = 0; i < un_data->entries->len; i++)
    {
      TarmacWatchlistEntry *entry = g_ptr_array_index (un_data->entries, i);

      if (!g_str_equal (entry->kind, "person"))
        continue;
      persons++;
      person_names += entry->names->len;
      for (guint j = 0; j < entry->names->len; j++)
        {
          weak += name_at (entry, j)->quality == TARMAC_NAME_QUALITY_WEAK;
          /* spellings packed into one alias were split */
          g_assert_null (strchr (name_at (entry, j)->name, ';'));
        }
      g_assert_cmpint (name_at (entry, 0)->quality, ==, TARMAC_NAME_QUALITY_PRIMARY);
    }
  g_assert_cmpuint (persons, ==, 730);
  /* the 615 Low aliases hold 623 spellings */
  g_assert_cmpuint (weak, ==, 623);
  g_assert_cmpuint (person_names, >=, 3100);

  /* §4.2: 7,379 SDN rows, 3,845 individuals, and their DOB forms */
  ofac_data = tarmac_watchlist_load (sdn, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ofac_data->entries->len, ==, 7379);
  persons = 0;
  for (guint i = 0; i < ofac_data->entries->len; i++)
    {
      TarmacWatchlistEntry *entry = g_ptr_array_index (ofac_data->entries, i);

      persons += g_str_equal (entry->kind, "person");
      for (guint j = 0; j < entry->dobs->len; j++)
        kinds[dob_at (entry, j)->kind]++;
    }
  g_assert_cmpuint (persons, ==, 3845);
  g_assert_cmpuint (kinds[TARMAC_DOB_EXACT], ==, 3358);
  g_assert_cmpuint (kinds[TARMAC_DOB_YEAR], ==, 726);
  g_assert_cmpuint (kinds[TARMAC_DOB_MONTH], ==, 16);
  g_assert_cmpuint (kinds[TARMAC_DOB_RANGE], ==, 94);
  g_assert_cmpuint (kinds[TARMAC_DOB_APPROXIMATE], ==, 80);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/watchlist/dob-forms", test_dob_forms);
  g_test_add_func ("/watchlist/un", test_un);
  g_test_add_func ("/watchlist/ofac", test_ofac);
  g_test_add_func ("/watchlist/csv", test_csv);
  g_test_add_func ("/watchlist/import-replaces", test_import_replaces);
  g_test_add_func ("/watchlist/bad-input", test_bad_input);
  g_test_add_func ("/watchlist/messages-stay-utf8", test_messages_stay_utf8);
  g_test_add_func ("/watchlist/samples", test_samples);

  return g_test_run ();
}
