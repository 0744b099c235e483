/* test-sniff.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "tarmac-sniff.h"

/* Our own small messages, shaped like real traffic (research/formats.md §1, §7.1). The
 * conformance run over ../shared/samples adds messages written by others. */

static TarmacFileFormat
sniff (const char *text)
{
  return tarmac_sniff_format ((const guint8 *) text, strlen (text));
}

static void
test_sniff_edifact (void)
{
  /* Plain envelope. */
  g_assert_cmpint (sniff ("UNB+UNOA:4+KP:ZZ+TGLFW:ZZ+261122:0600+1++APIS'"
                          "UNH+1+PAXLST:D:05B:UN:IATA+KP35/261122/0715'BGM+745'"),
                   ==, TARMAC_FILE_FORMAT_PAXLST);

  /* UNA that redefines every separator, a UTF-8 BOM, and CR-only line ends. */
  g_assert_cmpint (sniff ("\xef\xbb\xbfUNA*|.? !\rUNB|IATA*1|KP||261122*0600|7!\r"
                          "UNH|1|PNRGOV*13*1*IA|X!\r"),
                   ==, TARMAC_FILE_FORMAT_PNRGOV);

  /* Type B envelope lines before UNB, as a SITA gateway delivers them. */
  g_assert_cmpint (sniff ("QU LFWAPXH\n.KPHDQKP 221200\nUNB+UNOA:4+KP+TG+261122:0600+9'\n"
                          "UNH+9+PAXLST:D:02B:UN:IATA+REF+01:C'\n"),
                   ==, TARMAC_FILE_FORMAT_PAXLST);

  /* A message body with no envelope at all. */
  g_assert_cmpint (sniff ("UNH+1+PNRGOV:11:1:IA+AB12'MSG+:22'"), ==, TARMAC_FILE_FORMAT_PNRGOV);

  /* EDIFACT, but neither of ours. */
  g_assert_cmpint (sniff ("UNB+UNOC:3+A+B+261122:0600+1'UNH+1+CUSCAR:D:95B:UN'"),
                   ==, TARMAC_FILE_FORMAT_EDIFACT_OTHER);

  /* "UNH" inside a name is not a segment tag. */
  g_assert_cmpint (sniff ("UNB+UNOA:4+A+B+1+1'NAD+FL+++KUNHOLD:ERIC'UNH+2+PAXLST:D:05B'"),
                   ==, TARMAC_FILE_FORMAT_PAXLST);
}

static void
test_sniff_cargo_and_xml (void)
{
  g_assert_cmpint (sniff ("QK LFWFMKP\n.PARFMAF 221200\nFFM/8\n1/KP035/22NOV/ABJ/5N-ABC\n"),
                   ==, TARMAC_FILE_FORMAT_CARGO_IMP_FFM);
  g_assert_cmpint (sniff ("FWB/17\n057-12345675LFWCDG/T2K45.5\n"), ==,
                   TARMAC_FILE_FORMAT_CARGO_IMP_FWB);
  g_assert_cmpint (sniff ("FHL/5\nMBI/057-12345675LFWCDG/T2K45.5\n"), ==,
                   TARMAC_FILE_FORMAT_CARGO_IMP_FHL);

  g_assert_cmpint (sniff ("<?xml version=\"1.0\"?>\n<!-- exported -->\n"
                          "<rsm:Waybill xmlns:rsm=\"iata:waybill:1\"></rsm:Waybill>"),
                   ==, TARMAC_FILE_FORMAT_CARGO_XML);
  g_assert_cmpint (sniff ("<?xml version=\"1.0\"?><PNRGOVMessage><PNR/></PNRGOVMessage>"),
                   ==, TARMAC_FILE_FORMAT_PNRGOV_XML);
  /* the root behind a DOCTYPE with entities, so the PNRGOV XML importer refuses it */
  g_assert_cmpint (sniff ("<?xml version=\"1.0\"?>\n<!DOCTYPE PNR [\n <!ENTITY a \"b\">\n]>\n"
                          "<PNR>&a;</PNR>"),
                   ==, TARMAC_FILE_FORMAT_PNRGOV_XML);
  g_assert_cmpint (sniff ("<CONSOLIDATED_LIST dateGenerated=\"2026-11-01\"/>"), ==,
                   TARMAC_FILE_FORMAT_UN_LIST_XML);
  g_assert_cmpint (sniff ("<html><body>not a manifest</body></html>"), ==,
                   TARMAC_FILE_FORMAT_XML_OTHER);
}

static void
test_sniff_spreadsheets (void)
{
  static const guint8 xlsx[] = "PK\003\004\024\000\006\000xl/workbook.xml";
  static const guint8 zip[] = "PK\003\004\024\000\006\000word/document.xml";

  g_assert_cmpint (sniff ("Nom;Prénom;Date de naissance;Nationalité\n"
                          "AGBÉKODO;Kossi;1984-03-02;TGO\n\"DA SILVA; JR\";João;1990-01-01;BRA\n"),
                   ==, TARMAC_FILE_FORMAT_CSV);
  /* A title row above the header, CR line ends; UTF-16 with a BOM. */
  g_assert_cmpint (sniff ("Flight AF 0702 22/11/2026 CDG-LFW\r\rSurname;Given\rA;B\rC;D"), ==,
                   TARMAC_FILE_FORMAT_CSV);
  g_assert_cmpint (tarmac_sniff_format ((const guint8 *) "\xff\xfe" "a\0\t\0b\0\n\0c\0\t\0d\0\n\0",
                                        18), ==, TARMAC_FILE_FORMAT_CSV);
  g_assert_cmpint (tarmac_sniff_format (xlsx, sizeof xlsx - 1), ==, TARMAC_FILE_FORMAT_XLSX);
  g_assert_cmpint (tarmac_sniff_format (zip, sizeof zip - 1), ==, TARMAC_FILE_FORMAT_UNKNOWN);
  g_assert_cmpint (sniff ("Dear officer, please find the manifest attached.\n"), ==,
                   TARMAC_FILE_FORMAT_UNKNOWN);
}

/* Every short or cut-off input is answered, without reading past its end. */
static void
test_sniff_edges (void)
{
  static const char * const cut[] = {
    "", "U", "UN", "UNA", "UNA:", "UNA:+.? '", "UNH", "UNH+", "UNH+1", "UNH+1+",
    "UNH+1+PAX", "\xef", "\xef\xbb", "\xef\xbb\xbf", "<", "<?", "<!--", "<!-- never closed",
    "<?xml", "<a", "FFM/", "FFM/8", "PK\003", "   \n\t ",
  };

  g_assert_cmpint (tarmac_sniff_format (NULL, 0), ==, TARMAC_FILE_FORMAT_UNKNOWN);

  for (guint i = 0; i < G_N_ELEMENTS (cut); i++)
    {
      gsize length = strlen (cut[i]);
      /* An exact-size heap copy, so a read past the end is a real out-of-bounds read
       * under ASan or valgrind. */
      g_autofree guint8 *copy = g_memdup2 (cut[i], MAX (length, 1));

      tarmac_sniff_format (copy, length);
    }
}

/* The sniffer reads at most TARMAC_SNIFF_WINDOW bytes, however much it is given. */
static void
test_sniff_window (void)
{
  gsize length = TARMAC_SNIFF_WINDOW + 64;
  g_autofree guint8 *data = g_malloc (length);
  const char *unh = "UNH+1+PAXLST:D:05B:UN:IATA+X'";

  memset (data, ' ', length);
  memcpy (data, "UNB+UNOA:4+A+B+1+1'", 19);

  /* The UNH just past the window is not seen… */
  memcpy (data + TARMAC_SNIFF_WINDOW + 1, unh, strlen (unh));
  g_assert_cmpint (tarmac_sniff_format (data, length), ==, TARMAC_FILE_FORMAT_UNKNOWN);

  /* …one inside it is. */
  memcpy (data + TARMAC_SNIFF_WINDOW - 64, unh, strlen (unh));
  g_assert_cmpint (tarmac_sniff_format (data, length), ==, TARMAC_FILE_FORMAT_PAXLST);
}

static void
test_sniff_ids (void)
{
  g_assert_cmpstr (tarmac_file_format_to_id (TARMAC_FILE_FORMAT_PAXLST), ==, "paxlst");
  g_assert_cmpstr (tarmac_file_format_to_id (TARMAC_FILE_FORMAT_PNRGOV_XML), ==, "pnrgov-xml");
  g_assert_cmpstr (tarmac_file_format_to_id (TARMAC_FILE_FORMAT_UNKNOWN), ==, "unknown");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/sniff/edifact", test_sniff_edifact);
  g_test_add_func ("/sniff/cargo-and-xml", test_sniff_cargo_and_xml);
  g_test_add_func ("/sniff/spreadsheets", test_sniff_spreadsheets);
  g_test_add_func ("/sniff/edges", test_sniff_edges);
  g_test_add_func ("/sniff/window", test_sniff_window);
  g_test_add_func ("/sniff/ids", test_sniff_ids);

  return g_test_run ();
}
