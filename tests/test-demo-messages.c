/* test-demo-messages.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "tarmac-demo-messages.h"
#include "tarmac-importer.h"
#include "tarmac-store-private.h"

/* The message generator behind `tarmac-cli bench import`: its files must be ones the
 * importer takes whole, with the variety real traffic has, and the same for a seed. */

static gint64
count (TarmacStore *store,
       const char  *sql)
{
  g_autoptr(sqlite3_stmt) stmt = _tarmac_store_prepare (store, sql, NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

static GChecksum *
digest_all (guint32  seed,
            guint    travellers,
            guint   *n_files)
{
  TarmacDemoMessagesOptions options;
  g_autoptr(TarmacDemoMessages) messages = NULL;
  GChecksum *checksum = g_checksum_new (G_CHECKSUM_SHA256);
  GBytes *bytes;

  tarmac_demo_messages_options_init (&options);
  options.seed = seed;
  options.travellers = travellers;
  messages = tarmac_demo_messages_new (&options);

  *n_files = 0;
  while ((bytes = tarmac_demo_messages_next (messages, NULL, NULL, NULL)) != NULL)
    {
      gsize length;
      const guint8 *data = g_bytes_get_data (bytes, &length);

      g_checksum_update (checksum, data, (gssize) length);
      g_bytes_unref (bytes);
      (*n_files)++;
    }

  return checksum;
}

static void
test_demo_messages_deterministic (void)
{
  guint n1, n2, n3;
  g_autoptr(GChecksum) a = digest_all (5, 3000, &n1);
  g_autoptr(GChecksum) b = digest_all (5, 3000, &n2);
  g_autoptr(GChecksum) c = digest_all (6, 3000, &n3);

  g_assert_cmpuint (n1, ==, n2);
  g_assert_cmpstr (g_checksum_get_string (a), ==, g_checksum_get_string (b));
  g_assert_cmpstr (g_checksum_get_string (a), !=, g_checksum_get_string (c));
}

/* Every file imports; the travellers are exactly the total asked for, the PNR travellers
 * are linked to their API rows rather than added, and the data has the variety the
 * benchmark claims. */
static void
test_demo_messages_import (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TarmacStore) store = tarmac_store_open (":memory:", &error);
  g_autoptr(TarmacDemoMessages) messages = NULL;
  TarmacDemoMessagesOptions options;
  guint paxlst = 0, pnrgov = 0, with_una = 0, utf8 = 0, multi_leg = 0, released = 0;
  guint64 api = 0;
  GBytes *bytes;

  g_assert_no_error (error);
  g_assert_true (tarmac_store_set_airport_code (store, "LFW", &error));

  tarmac_demo_messages_options_init (&options);
  options.seed = 11;
  options.travellers = 6000;
  options.pnr_permille = 500;
  messages = tarmac_demo_messages_new (&options);

  for (;;)
    {
      g_autoptr(TarmacImportReport) report = NULL;
      g_autofree char *name = NULL;
      g_autofree char *text = NULL;
      TarmacDemoMessageKind kind;
      guint n = 0;
      gsize length;
      const guint8 *data;

      if ((bytes = tarmac_demo_messages_next (messages, &name, &kind, &n)) == NULL)
        break;
      data = g_bytes_get_data (bytes, &length);
      text = g_strndup ((const char *) data, length);

      g_assert_true (tarmac_import_bytes (store, name, data, length, &report, NULL, &error));
      g_assert_no_error (error);
      g_assert_cmpint (report->result, ==, TARMAC_IMPORT_RESULT_IMPORTED);

      if (kind == TARMAC_DEMO_MESSAGE_PAXLST)
        {
          paxlst++;
          g_assert_true (g_str_has_prefix (name, "PAXLST-"));
          g_assert_cmpuint (report->n_travellers, ==, n);
          g_assert_cmpuint (report->n_flights, ==, 1);
          if (strstr (text, "LOC+92+") != NULL)
            multi_leg++;
        }
      else
        {
          pnrgov++;
          g_assert_true (g_str_has_prefix (name, "PNRGOV-"));
          g_assert_cmpuint (report->n_pnrs, >, 0);
        }
      api += n;
      if (g_str_has_prefix (text, "UNA"))
        with_una++;
      if (strstr (text, "UNOY") != NULL)
        utf8++;
      if (strstr (text, "?'") != NULL)
        released++;
      g_bytes_unref (bytes);
    }

  g_assert_cmpuint (api, ==, 6000);
  /* Every PNR traveller was linked to its API row, those named in Arabic script too: their
   * name key cannot meet the Latin one, their passport and date of birth do. */
  g_assert_cmpint (count (store, "SELECT count(*) FROM traveller WHERE from_api = 0"), ==, 0);
  g_assert_cmpint (count (store, "SELECT count(*) FROM pnr_ssr WHERE code = 'DOCS'"), >, 0);
  g_assert_cmpint (count (store, "SELECT count(*) FROM traveller WHERE from_api = 1"), ==, 6000);
  g_assert_cmpint (count (store, "SELECT count(*) FROM traveller WHERE kind = 'crew'"), >, 50);
  /* PNR travellers landed on their API rows. */
  g_assert_cmpint (count (store, "SELECT count(*) FROM traveller WHERE from_pnr = 1"), >, 1000);
  g_assert_cmpint (count (store, "SELECT count(DISTINCT nationality) FROM traveller"), >, 20);
  g_assert_cmpint (count (store, "SELECT count(*) FROM traveller"
                                 " WHERE surname <> upper (surname)"), >, 100);
  g_assert_cmpint (count (store, "SELECT count(*) FROM pnr_payment"), >, 100);
  g_assert_cmpint (count (store, "SELECT count(*) FROM travel_document"), >=, 6000);

  g_assert_cmpuint (paxlst, >, 10);
  g_assert_cmpuint (pnrgov, >, 3);
  g_assert_cmpuint (with_una, >, 0);
  g_assert_cmpuint (with_una, <, paxlst + pnrgov);
  g_assert_cmpuint (utf8, >, 0);
  g_assert_cmpuint (multi_leg, >, 0);
  g_assert_cmpuint (released, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/demo-messages/deterministic", test_demo_messages_deterministic);
  g_test_add_func ("/demo-messages/import", test_demo_messages_import);

  return g_test_run ();
}
