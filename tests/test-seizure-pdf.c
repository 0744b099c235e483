/* test-seizure-pdf.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo.h>

#include "tarmac-chart.h"
#include "tarmac-seizure-alert.h"
#include "tarmac-seizure-stats.h"
#include "tarmac-seizure-store.h"
#include "tarmac-store-private.h"
#include "tarmac-test-util.h"

/* Charts, the PDF results report and the seizure alert, against the figures of
 * tests/data/seizures/results-march-2026.json (see test-seizure-stats.c). The text of the
 * PDFs is read back with pdftotext (poppler-utils) when it is installed. */

static TarmacStore *
store_with_fixture (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "seizures",
                                                 "results-march-2026.json", NULL);
  TarmacStore *store = tarmac_store_open (":memory:", &error);
  JsonArray *array;

  g_assert_no_error (error);
  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  array = json_node_get_array (json_parser_get_root (parser));
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      tarmac_seizure_store_add_json (store, json_array_get_element (array, i), NULL, NULL, &error);
      g_assert_no_error (error);
    }
  return store;
}

/* memmem(), which needs _GNU_SOURCE: the PDF's compressed streams hold NUL bytes. */
static const char *
find_bytes (const char *data,
            gsize       length,
            const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= length; i++)
    if (memcmp (data + i, needle, n) == 0)
      return data + i;
  return NULL;
}

/* Pages of a cairo PDF: its page objects are written uncompressed. */
static guint
count_pages (GBytes *pdf)
{
  gsize length = 0;
  const char *data = g_bytes_get_data (pdf, &length);
  guint n = 0;

  g_assert_cmpuint (length, >, 5);
  g_assert_true (memcmp (data, "%PDF-", 5) == 0);
  for (const char *p = data; (p = find_bytes (p, length - (p - data), "/Type /Page")) != NULL; p++)
    if (p + 11 < data + length && p[11] != 's')
      n++;
  return n;
}

/* Returns: (nullable): the text of @pdf, or NULL (test skipped) without pdftotext */
static char *
pdf_text (GBytes *pdf)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = tarmac_test_db_path ("report.pdf");
  g_autofree char *tool = g_find_program_in_path ("pdftotext");
  char *text = NULL;
  int status = 0;
  const char *argv[] = { tool, "-enc", "UTF-8", path, "-", NULL };

  if (tool == NULL)
    return NULL;
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (pdf, NULL),
                                      (gssize) g_bytes_get_size (pdf), &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                               &text, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return text;
}

static void
test_chart_nice_ticks (void)
{
  double step = 0, top;

  top = tarmac_chart_nice_ticks (33.37, 5, FALSE, &step);
  g_assert_cmpfloat (step, ==, 10);
  g_assert_cmpfloat (top, ==, 40);
  top = tarmac_chart_nice_ticks (6, 5, TRUE, &step);
  g_assert_cmpfloat (step, ==, 2);
  g_assert_cmpfloat (top, ==, 6);
  top = tarmac_chart_nice_ticks (0.3, 5, TRUE, &step);
  g_assert_cmpfloat (step, ==, 1);
  g_assert_cmpfloat (top, ==, 1);
  top = tarmac_chart_nice_ticks (0, 5, FALSE, &step);
  g_assert_cmpfloat (top, >, 0);
  top = tarmac_chart_nice_ticks (64000, 5, FALSE, &step);
  g_assert_cmpfloat (step, ==, 20000);
  g_assert_cmpfloat (top, ==, 80000);

  g_assert_true (tarmac_chart_direction_is_rtl ("ar"));
  g_assert_true (tarmac_chart_direction_is_rtl ("ar_SN.UTF-8"));
  g_assert_false (tarmac_chart_direction_is_rtl ("fr"));
  g_assert_false (tarmac_chart_direction_is_rtl ("arn"));
  g_assert_false (tarmac_chart_direction_is_rtl (NULL));
}

/* Share of pixels that differ from the background in [x0, x1) of the image. */
static double
ink_share (cairo_surface_t *surface,
           int              x0,
           int              x1)
{
  guint32 background;

  const guchar *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  int height = cairo_image_surface_get_height (surface);
  guint inked = 0;

  cairo_surface_flush (surface);
  background = ((const guint32 *) (gconstpointer) data)[0] & 0xffffff;
  for (int y = 0; y < height; y++)
    for (int x = x0; x < x1; x++)
      if ((((const guint32 *) (gconstpointer) (data + y * stride))[x] & 0xffffff) != background)
        inked++;
  return (double) inked / ((x1 - x0) * height);
}

/* Every kind draws in light, dark and right to left; a top-N chart's bars start on the
 * left, or on the right in RTL; no data draws without error. */
static void
test_chart_draw (void)
{
  const TarmacChartKind kinds[] = { TARMAC_CHART_BAR, TARMAC_CHART_STACKED_BAR, TARMAC_CHART_LINE,
                                    TARMAC_CHART_DONUT, TARMAC_CHART_TOP_N };
  g_autoptr(TarmacChartData) data = tarmac_chart_data_new ("Cocaine الكوكايين");
  g_autoptr(TarmacChartData) empty = tarmac_chart_data_new ("Empty");
  const char *months[] = { "2026-01", "2026-02", "2026-03", "2026-04" };
  guint now = tarmac_chart_data_add_series (data, "2026");
  guint before = tarmac_chart_data_add_series (data, "2025");

  for (guint i = 0; i < G_N_ELEMENTS (months); i++)
    {
      guint label = tarmac_chart_data_add_label (data, months[i]);

      tarmac_chart_data_set_value (data, now, label, 10 * (i + 1));
      tarmac_chart_data_set_value (data, before, label, 3 * i);
    }
  tarmac_chart_data_set_value (data, before, 0, -5);   /* drawn as 0 */
  g_assert_cmpfloat (tarmac_chart_data_get_value (data, before, 0), ==, 0);

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    for (guint variant = 0; variant < 3; variant++)
      {
        TarmacChartStyle style = { variant == 1, variant == 2, "DejaVu Sans", 9 };
        cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 400, 240);
        cairo_t *cr = cairo_create (surface);

        /* The dark variant on a dark background (libadwaita's #242424). */
        if (style.dark)
          cairo_set_source_rgb (cr, 0x24 / 255.0, 0x24 / 255.0, 0x24 / 255.0);
        else
          cairo_set_source_rgb (cr, 1, 1, 1);
        cairo_paint (cr);
        tarmac_chart_draw (kinds[k], data, &style, cr, 0, 0, 400, 240);
        tarmac_chart_draw (kinds[k], empty, &style, cr, 0, 0, 0, 0);
        g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
        g_assert_cmpfloat (ink_share (surface, 0, 400), >, 0.03);
        if (kinds[k] == TARMAC_CHART_TOP_N)
          {
            /* The bars: the label column is on the start side, the bars after it. */
            double left = ink_share (surface, 150, 200);
            double right = ink_share (surface, 200, 250);

            g_assert_cmpfloat (left, >, 0.05);
            g_assert_cmpfloat (right, >, 0.05);
          }
        cairo_destroy (cr);
        cairo_surface_destroy (surface);
      }

  {
    cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 300, 200);
    cairo_t *cr = cairo_create (surface);

    cairo_set_source_rgb (cr, 1, 1, 1);
    cairo_paint (cr);
    tarmac_chart_draw (TARMAC_CHART_BAR, empty, NULL, cr, 0, 0, 300, 200);
    g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
    cairo_destroy (cr);
    cairo_surface_destroy (surface);
  }
}

static void
test_report_pdf (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TarmacStore) store = store_with_fixture ();
  g_autoptr(TarmacSeizureStats) stats = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *text = NULL;

  stats = tarmac_seizure_stats_compute (store, "2026-03-01", "2026-03-31", FALSE, "en", &error);
  g_assert_no_error (error);
  pdf = tarmac_seizure_stats_to_pdf (stats, "DSS", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_pages (pdf), >=, 3);
  g_assert_cmpuint (count_pages (pdf), <=, 6);

  text = pdf_text (pdf);
  if (text == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }
  g_assert_nonnull (strstr (text, "Seizure results report"));
  g_assert_nonnull (strstr (text, "Airport DSS"));
  g_assert_nonnull (strstr (text, "2026-03-01"));
  /* The headline figures of the fixture. */
  g_assert_nonnull (strstr (text, "33.37 kg"));
  g_assert_nonnull (strstr (text, "64000.00 USD"));
  g_assert_nonnull (strstr (text, "150 kg"));
  g_assert_nonnull (strstr (text, "300 units"));
  g_assert_nonnull (strstr (text, "6 women, 14 men"));
  g_assert_nonnull (strstr (text, "67% of seizures"));
  /* Commodities, routes, agencies. */
  g_assert_nonnull (strstr (text, "Cocaine (salt)"));
  g_assert_nonnull (strstr (text, "13.37"));
  g_assert_nonnull (strstr (text, "BR→FR"));
  g_assert_nonnull (strstr (text, "Customs DSS"));
  g_assert_nonnull (strstr (text, "Internal (swallowed or inserted)"));
  g_assert_nonnull (strstr (text, "Page 1 of"));
  g_assert_null (strstr (text, "<3"));
}

static void
test_report_pdf_shared (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TarmacStore) store = store_with_fixture ();
  g_autoptr(TarmacSeizureStats) stats = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *text = NULL;

  stats = tarmac_seizure_stats_compute (store, "2026-03-01", "2026-03-31", TRUE, "en", &error);
  g_assert_no_error (error);
  pdf = tarmac_seizure_stats_to_pdf (stats, "DSS", &error);
  g_assert_no_error (error);
  text = pdf_text (pdf);
  if (text == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }
  /* Every commodity was seized once or twice: hidden, with their quantities (the labels
   * stay, as in the JSON). The drugs total, over three seizures, stays. */
  g_assert_nonnull (strstr (text, "Shared edition"));
  g_assert_nonnull (strstr (text, "<3"));
  g_assert_null (strstr (text, "13.37"));
  g_assert_null (strstr (text, "64000.00"));
  g_assert_nonnull (strstr (text, "33.37 kg"));
}

static gboolean
has_arabic (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c >= 0x0600 && c <= 0x06ff) || (c >= 0xfe70 && c <= 0xfeff))
        return TRUE;
    }
  return FALSE;
}

static void
test_report_pdf_arabic (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TarmacStore) store = store_with_fixture ();
  g_autoptr(TarmacSeizureStats) stats = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *text = NULL;

  stats = tarmac_seizure_stats_compute (store, "2026-03-01", "2026-03-31", FALSE, "ar", &error);
  g_assert_no_error (error);
  pdf = tarmac_seizure_stats_to_pdf (stats, "DSS", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_pages (pdf), >=, 3);
  text = pdf_text (pdf);
  if (text == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }
  g_assert_true (has_arabic (text));
  g_assert_nonnull (strstr (text, "13.37"));
}

static void
walk_for_nominal (JsonNode *node)
{
  static const char * const forbidden[] = {
    "name", "surname", "given_name", "given_names", "full_name", "date_of_birth", "dob",
    "birth_date", "document", "document_number", "passport", "narrative", "traveller_id",
    "hit_id", "flight_id", NULL
  };

  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      g_autoptr(GList) members = json_object_get_members (object);

      for (GList *l = members; l != NULL; l = l->next)
        {
          g_assert_false (g_strv_contains (forbidden, l->data));
          walk_for_nominal (json_object_get_member (object, l->data));
        }
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        walk_for_nominal (json_array_get_element (array, i));
    }
}

static gint64
count_audit (TarmacStore *store,
             const char  *action,
             const char  *object_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = _tarmac_store_prepare (store,
    "SELECT count(*) FROM audit_log WHERE action = ? AND object_id = ?", &error);

  g_assert_no_error (error);
  sqlite3_bind_text (stmt, 1, action, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, object_id, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

static void
test_alert_json (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TarmacStore) store = store_with_fixture ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root, *person, *item;

  bytes = tarmac_seizure_alert_export (store, "DSS-2026-0001", "json", "en", &error);
  g_assert_no_error (error);
  g_assert_cmpint (count_audit (store, "export", "DSS-2026-0001"), ==, 1);
  json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                              (gssize) g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  walk_for_nominal (json_parser_get_root (parser));

  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "alert"), ==, "seizure");
  g_assert_cmpstr (json_object_get_string_member (root, "flight"), ==, "LA8112/2026-03-02");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "route")), ==, 3);
  item = json_array_get_object_element (json_object_get_array_member (root, "items"), 0);
  g_assert_cmpstr (json_object_get_string_member (item, "subtype"), ==, "COCAINE");
  g_assert_cmpstr (json_object_get_string_member (item, "concealment"), ==, "INTERNAL");
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (item, "kg_equivalent"), 0.87, 1e-9);
  person = json_array_get_object_element (json_object_get_array_member (root, "persons"), 0);
  g_assert_cmpstr (json_object_get_string_member (person, "nationality"), ==, "BR");
  g_assert_cmpstr (json_object_get_string_member (person, "age_band"), ==, "25_34");
  g_assert_true (json_object_get_boolean_member (person, "arrested"));

  g_assert_null (tarmac_seizure_alert_export (store, "DSS-2026-9999", "json", "en", &error));
  g_assert_error (error, TARMAC_SEIZURE_ERROR, TARMAC_SEIZURE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (tarmac_seizure_alert_export (store, "DSS-2026-0001", "docx", "en", &error));
  g_assert_error (error, TARMAC_SEIZURE_ERROR, TARMAC_SEIZURE_ERROR_INVALID);
}

/* A seizure with a shareable photo and a document that is not: the alert shows the
 * photo, on one page, and mentions no document. */
static void
test_alert_pdf (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TarmacStore) store = store_with_fixture ();
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *base64 = NULL;
  g_autofree char *json = NULL;
  g_autofree char *text = NULL;

  {
    g_autofree char *path = tarmac_test_db_path ("photo.png");
    cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 64, 48);
    cairo_t *icr = cairo_create (image);
    g_autofree char *contents = NULL;
    gsize length = 0;

    cairo_set_source_rgb (icr, 0.8, 0.3, 0.1);
    cairo_paint (icr);
    cairo_destroy (icr);
    g_assert_cmpint (cairo_surface_write_to_png (image, path), ==, CAIRO_STATUS_SUCCESS);
    cairo_surface_destroy (image);
    g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
    base64 = g_base64_encode ((const guchar *) contents, length);
  }

  json = g_strdup_printf ("{\"ref_no\": \"DSS-2026-0100\", \"status\": \"VALIDATED\","
                          " \"occurred_at\": \"2026-03-28T05:00:00Z\", \"airport\": \"DSS\","
                          " \"selection_reason\": \"API_PNR\", \"detection_technique\": \"XRAY\","
                          " \"flight\": \"ET908/2026-03-28\","
                          " \"modus_operandi\": \"Powder sewn into the lining of two suitcases\","
                          " \"items\": [{\"subtype\": \"COCAINE\", \"quantity\": 4.2, \"unit\": \"KG\","
                          " \"concealment\": \"CHECKED_BAG_STRUCT\"}],"
                          " \"agencies\": [{\"agency\": \"Customs DSS\", \"type\": \"CUSTOMS\", \"role\": \"LEAD\"}],"
                          " \"route\": [{\"role\": \"DEPARTURE\", \"country\": \"BR\", \"airport\": \"GRU\"},"
                          " {\"role\": \"DESTINATION\", \"country\": \"BE\", \"airport\": \"BRU\"}],"
                          " \"persons\": [{\"role\": \"PASSENGER_COURIER\", \"nationality\": \"PT\","
                          " \"sex\": \"F\", \"age_band\": \"35_44\", \"arrested\": true}],"
                          " \"attachments\": [{\"kind\": \"ITEM\", \"file_name\": \"bags.png\","
                          " \"mime_type\": \"image/png\", \"shareable\": true, \"data_base64\": \"%s\"},"
                          " {\"kind\": \"DOCUMENT\", \"file_name\": \"ticket.png\","
                          " \"mime_type\": \"image/png\", \"shareable\": false, \"data_base64\": \"%s\"}]}",
                          base64, base64);
  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  tarmac_seizure_store_add_json (store, json_parser_get_root (parser), NULL, NULL, &error);
  g_assert_no_error (error);

  pdf = tarmac_seizure_alert_export (store, "DSS-2026-0100", "pdf", "en", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_pages (pdf), ==, 1);
  g_assert_nonnull (find_bytes (g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf),
                               "/Subtype /Image"));
  g_assert_cmpint (count_audit (store, "export", "DSS-2026-0100"), ==, 1);

  text = pdf_text (pdf);
  if (text == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }
  g_assert_nonnull (strstr (text, "Seizure alert DSS-2026-0100"));
  g_assert_nonnull (strstr (text, "Cocaine (salt)"));
  g_assert_nonnull (strstr (text, "ET908/2026-03-28"));
  g_assert_nonnull (strstr (text, "Powder sewn into the lining"));
  g_assert_nonnull (strstr (text, "BRU"));
  g_assert_nonnull (strstr (text, "35–44"));
  g_assert_nonnull (strstr (text, "Photo"));
  g_assert_null (strstr (text, "ticket.png"));

  /* Arabic: right to left, and it renders. */
  g_clear_pointer (&pdf, g_bytes_unref);
  g_clear_pointer (&text, g_free);
  pdf = tarmac_seizure_alert_export (store, "DSS-2026-0100", "pdf", "ar", &error);
  g_assert_no_error (error);
  text = pdf_text (pdf);
  g_assert_true (has_arabic (text));
}

/* tarmac-cli: the PDF file is 0600, the alert's usage errors exit 2. */
static int
run_cli (const char  *db,
         const char **args)
{
  g_autofree char *cli = tarmac_test_build_path ("src/cli/tarmac-cli");
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_ptr_array_add (argv, cli);
  g_ptr_array_add (argv, (char *) "--db");
  g_ptr_array_add (argv, (char *) db);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_STDOUT_TO_DEV_NULL |
                               G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  if (g_spawn_check_wait_status (status, &error))
    return 0;
  return error->code;
}

static void
test_cli (void)
{
  g_autofree char *db = tarmac_test_db_path ("pdf-cli.db");
  g_autofree char *report = tarmac_test_db_path ("results.pdf");
  g_autofree char *alert = tarmac_test_db_path ("alert.json");
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "data", "seizures",
                                                    "results-march-2026.json", NULL);
  g_autofree char *contents = NULL;
  GStatBuf st;

  {
    const char *args[] = { "seizure", "add", "--json", fixture, NULL };
    g_assert_cmpint (run_cli (db, args), ==, 0);
  }
  {
    const char *args[] = { "report", "results", "--from", "2026-03-01", "--to", "2026-03-31",
                           "--format", "pdf", "--shared", "--output", report, NULL };
    g_assert_cmpint (run_cli (db, args), ==, 0);
  }
  g_assert_cmpint (g_stat (report, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_true (g_file_get_contents (report, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_clear_pointer (&contents, g_free);
  {
    const char *args[] = { "seizure", "alert", "DSS-2026-0002", "--format", "json",
                           "--output", alert, NULL };
    g_assert_cmpint (run_cli (db, args), ==, 0);
  }
  g_assert_true (g_file_get_contents (alert, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "\"CHECKED_BAG_STRUCT\""));
  {
    const char *args[] = { "seizure", "alert", "DSS-2026-0002", "--format", "docx", NULL };
    g_assert_cmpint (run_cli (db, args), ==, 2);
  }
  {
    const char *args[] = { "seizure", "alert", "--format", "pdf", NULL };
    g_assert_cmpint (run_cli (db, args), ==, 2);
  }
  {
    const char *args[] = { "seizure", "alert", "NOPE-1", "--format", "pdf", NULL };
    g_assert_cmpint (run_cli (db, args), ==, 1);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/chart/nice-ticks", test_chart_nice_ticks);
  g_test_add_func ("/chart/draw", test_chart_draw);
  g_test_add_func ("/seizure/pdf/report", test_report_pdf);
  g_test_add_func ("/seizure/pdf/report-shared", test_report_pdf_shared);
  g_test_add_func ("/seizure/pdf/report-arabic", test_report_pdf_arabic);
  g_test_add_func ("/seizure/alert/json", test_alert_json);
  g_test_add_func ("/seizure/alert/pdf", test_alert_pdf);
  g_test_add_func ("/seizure/alert/cli", test_cli);

  return g_test_run ();
}
