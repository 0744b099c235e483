/* test-seizure-form.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "tarmac-application.h"
#include "tarmac-demo.h"
#include "tarmac-hit-window.h"
#include "tarmac-hit.h"
#include "tarmac-seizure-draft.h"
#include "tarmac-seizure-format.h"
#include "tarmac-seizure-store.h"
#include "tarmac-seizure-window-private.h"
#include "tarmac-seizures-page.h"
#include "tarmac-test-display.h"
#include "tarmac-test-store.h"
#include "tarmac-test-util.h"
#include "tarmac-window.h"

/* The seizure form and the Seizures page, on a demo database: a seizure recorded from a
 * hit fills itself and reloads the same; a refused record shows why next to the field and
 * writes nothing; a validated record edited makes a new version; a photo gets a thumbnail
 * and is stored by its SHA-256. */

static TarmacApplication *application;

static TarmacStore *
open_demo_store (const char *name)
{
  g_autofree char *path = tarmac_test_db_path (name);
  g_autoptr(GError) error = NULL;
  TarmacDemoOptions options;
  TarmacStore *store;

  g_remove (path);
  store = tarmac_store_open (path, &error);
  g_assert_no_error (error);
  tarmac_demo_options_init (&options);
  options.days = 1;
  options.scale = 0.1;
  /* The form's tests count the seizures they record from none. */
  options.results = FALSE;
  g_assert_true (tarmac_demo_generate (store, &options, NULL, &error));
  g_assert_no_error (error);
  return store;
}

static gint64
insert_hit (TarmacStore *store,
            gint64       traveller_id)
{
  g_autoptr(sqlite3_stmt) stmt = _tarmac_store_prepare (store,
    "INSERT INTO hit (traveller_id, source, score, explanation, created_at, updated_at,"
    " retain_until, status) VALUES (?1, 'watchlist', 0.93, 'name: 2 of 2 words',"
    " '2026-01-01T08:00:00Z', '2026-01-01T08:00:00Z', '2031-01-01', 'referred') RETURNING id",
    NULL);

  sqlite3_bind_int64 (stmt, 1, traveller_id);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

static void
type_text (GtkWidget  *widget,
           const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (widget), text);
}

static GtkWidget *
field (TarmacSeizureWindow *form,
       const char          *name)
{
  GtkWidget *widget = tarmac_seizure_window_get_field (form, name);

  g_assert_nonnull (widget);
  return widget;
}

static TarmacLineWidgets *
line (GPtrArray *lines,
      guint      index)
{
  g_assert_cmpuint (index, <, lines->len);
  return g_ptr_array_index (lines, index);
}

/* A count or a text from SQL built with printf (test data only). */
static gint64
count_sql (TarmacStore *store,
           const char  *format,
           ...)
{
  g_autofree char *sql = NULL;
  va_list args;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);
  return tarmac_test_count (store, sql);
}

static char *
text_sql (TarmacStore *store,
          const char  *format,
          ...)
{
  g_autofree char *sql = NULL;
  va_list args;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);
  return tarmac_test_query_text (store, sql);
}

/* Fills what a hit cannot know: what was found, how, and who led. */
static void
fill_find (TarmacSeizureWindow *form)
{
  g_assert_true (tarmac_code_picker_set (field (form, "items[1].subtype"), "COCAINE"));
  type_text (field (form, "items[1].quantity"), "2,5");
  g_assert_true (tarmac_code_picker_set (field (form, "items[1].concealment"), "CHECKED_BAG_STRUCT"));
  g_assert_true (tarmac_code_picker_set (field (form, "detection_technique"), "XRAY"));
  if (tarmac_code_picker_get (field (form, "selection_reason")) == NULL)
    g_assert_true (tarmac_code_picker_set (field (form, "selection_reason"), "RISK_PROFILE"));
  type_text (line (form->agencies, 0)->widgets[0], "Douanes LFW");
}

static void
test_from_hit (void)
{
  g_autoptr(TarmacStore) store = open_demo_store ("seizure-form-hit.db");
  g_autoptr(TarmacFlight) flight = NULL;
  g_autoptr(TarmacSeizure) saved = NULL;
  g_autofree char *nationality = NULL;
  g_autofree char *flight_label = NULL;
  g_autofree char *status = NULL;
  TarmacHitWindow *hit_window;
  TarmacSeizureWindow *form, *again;
  gint64 traveller_id, flight_id, hit_id, seizure_id;
  const char *kg;

  traveller_id = tarmac_test_count (store, "SELECT min (id) FROM traveller WHERE kind = 'passenger'"
                                           " AND nationality IS NOT NULL AND date_of_birth IS NOT NULL");
  flight_id = count_sql (store, "SELECT flight_id FROM traveller WHERE id = %lld",
                                (long long) traveller_id);
  flight = tarmac_store_get_flight (store, flight_id, NULL);
  g_assert_nonnull (flight);
  hit_id = insert_hit (store, traveller_id);

  hit_window = tarmac_hit_window_new (store, hit_id, NULL);
  g_assert_nonnull (hit_window);
  gtk_window_present (GTK_WINDOW (hit_window));
  form = TARMAC_SEIZURE_WINDOW (tarmac_hit_window_record_seizure (hit_window));
  g_assert_nonnull (form);
  tarmac_test_run_for (50);

  /* The hit filled the links, the flight, its direction and route, and the traveller as
   * a person without a name. */
  flight_label = g_strdup_printf ("%s %s", tarmac_flight_get_designator (flight),
                                  tarmac_flight_get_flight_date (flight));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field (form, "flight"))), ==, flight_label);
  g_assert_cmpstr (tarmac_code_picker_get (field (form, "selection_reason")), ==, "API_PNR");
  g_assert_nonnull (tarmac_code_picker_get (field (form, "direction")));
  g_assert_cmpuint (form->legs->len, ==, 2);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (line (form->legs, 0)->widgets[2])), ==,
                   tarmac_flight_get_origin (flight));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (line (form->legs, 1)->widgets[2])), ==,
                   tarmac_flight_get_destination (flight));
  g_assert_cmpuint (strlen (gtk_editable_get_text (GTK_EDITABLE (line (form->legs, 0)->widgets[1]))), ==, 2);
  g_assert_cmpuint (form->persons->len, ==, 1);
  nationality = text_sql (store, "SELECT nationality FROM traveller"
                                 " WHERE id = %lld", (long long) traveller_id);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (line (form->persons, 0)->widgets[1])), ==,
                   tarmac_seizure_country_alpha2 (nationality));
  g_assert_cmpstr (tarmac_code_picker_get (line (form->persons, 0)->widgets[3]), !=, "UNK");

  /* What the hit cannot know, typed; the kg-equivalent shows as it is typed. */
  fill_find (form);
  kg = adw_action_row_get_subtitle (ADW_ACTION_ROW (((TarmacItemWidgets *) g_ptr_array_index (form->items, 0))->kg_label));
  g_assert_nonnull (strstr (kg, "2.5"));

  g_assert_true (tarmac_seizure_window_save (form));
  g_assert_null (tarmac_seizure_window_get_error (form));
  seizure_id = tarmac_seizure_get_id (tarmac_seizure_window_get_seizure (form));
  g_assert_cmpint (seizure_id, >, 0);

  /* The hit's outcome is recorded, and linked. */
  status = text_sql (store, "SELECT status FROM hit WHERE id = %lld",
                            (long long) hit_id);
  g_assert_cmpstr (status, ==, "controlled_positive");
  g_assert_cmpint (count_sql (store, "SELECT hit_id FROM seizure WHERE id = %lld",
                                     (long long) seizure_id), ==, hit_id);
  g_assert_cmpint (count_sql (store, "SELECT traveller_id FROM seizure"
                                     " WHERE id = %lld", (long long) seizure_id),
                   ==, traveller_id);
  tarmac_test_run_for (20);

  /* Reloaded: the same values. */
  again = tarmac_seizure_window_new_for_id (store, seizure_id, NULL);
  g_assert_nonnull (again);
  gtk_window_present (GTK_WINDOW (again));
  tarmac_test_run_for (20);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field (again, "flight"))), ==, flight_label);
  g_assert_cmpstr (tarmac_code_picker_get (field (again, "items[1].subtype")), ==, "COCAINE");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field (again, "items[1].quantity"))), ==, "2.5");
  g_assert_cmpstr (tarmac_code_picker_get (field (again, "items[1].concealment")), ==, "CHECKED_BAG_STRUCT");
  g_assert_cmpstr (tarmac_code_picker_get (field (again, "detection_technique")), ==, "XRAY");
  g_assert_cmpstr (tarmac_code_picker_get (field (again, "selection_reason")), ==, "API_PNR");
  g_assert_cmpuint (again->legs->len, ==, 2);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (line (again->legs, 1)->widgets[2])), ==,
                   tarmac_flight_get_destination (flight));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (line (again->persons, 0)->widgets[1])), ==,
                   tarmac_seizure_country_alpha2 (nationality));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (line (again->agencies, 0)->widgets[0])), ==,
                   "Douanes LFW");
  saved = tarmac_seizure_store_load (store, seizure_id, NULL);
  {
    g_autoptr(TarmacSeizureItem) item = g_list_model_get_item (tarmac_seizure_get_items (saved), 0);

    g_assert_cmpfloat_with_epsilon (tarmac_seizure_item_get_kg_equivalent (item), 2.5, 1e-9);
  }

  gtk_window_destroy (GTK_WINDOW (again));
  gtk_window_destroy (GTK_WINDOW (form));
  tarmac_test_run_for (20);
}

static void
test_validation_error (void)
{
  g_autoptr(TarmacStore) store = open_demo_store ("seizure-form-invalid.db");
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  TarmacSeizureWindow *form;
  GtkWidget *quantity;

  form = tarmac_seizure_window_new_draft (store, 0, 0, 0, &error);
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (form));
  tarmac_test_run_for (20);
  fill_find (form);
  quantity = field (form, "items[1].quantity");
  type_text (quantity, "");

  before = tarmac_test_snapshot (store);
  g_assert_false (tarmac_seizure_window_save (form));
  after = tarmac_test_snapshot (store);
  g_assert_cmpstr (before, ==, after);

  /* The core's reason, next to the field. */
  g_assert_nonnull (tarmac_seizure_window_get_error (form));
  g_test_message ("error: %s", tarmac_seizure_window_get_error (form));
  g_assert_nonnull (strstr (tarmac_seizure_window_get_error (form), "greater than zero"));
  g_assert_true (gtk_widget_has_css_class (quantity, "error"));

  /* Corrected: the mark goes as the officer types, and the record saves. */
  type_text (quantity, "1.2");
  g_assert_false (gtk_widget_has_css_class (quantity, "error"));
  g_assert_null (tarmac_seizure_window_get_error (form));
  g_assert_true (tarmac_seizure_window_save (form));

  /* A date that does not read is refused by the form itself, by the same rule. */
  type_text (field (form, "occurred_at"), "yesterday");
  g_assert_false (tarmac_seizure_window_save (form));
  g_assert_true (gtk_widget_has_css_class (field (form, "occurred_at"), "error"));

  gtk_window_destroy (GTK_WINDOW (form));
  tarmac_test_run_for (20);
}

static void
test_new_version (void)
{
  g_autoptr(TarmacStore) store = open_demo_store ("seizure-form-version.db");
  g_autoptr(GError) error = NULL;
  TarmacSeizureWindow *form;
  gint64 first_id, series_id;

  form = tarmac_seizure_window_new_draft (store, 0, 0, 0, &error);
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (form));
  fill_find (form);
  g_assert_true (tarmac_seizure_window_move_status (form, "SUBMITTED"));
  g_assert_true (tarmac_seizure_window_move_status (form, "VALIDATED"));
  first_id = tarmac_seizure_get_id (tarmac_seizure_window_get_seizure (form));
  series_id = tarmac_seizure_get_series_id (tarmac_seizure_window_get_seizure (form));

  /* Validated: its alert can be saved, a one-page PDF; the export is audited. */
  {
    g_autofree char *path = g_build_filename (g_get_tmp_dir (), "seizure-alert.pdf", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autofree char *contents = NULL;
    gsize length = 0;

    g_assert_true (tarmac_seizure_window_save_alert (form, file, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
    g_assert_cmpuint (length, >, 1000);
    g_assert_true (g_str_has_prefix (contents, "%PDF-"));
    g_assert_cmpint (tarmac_test_count (store, "SELECT count(*) FROM audit_log WHERE action = 'export'"
                                               " AND object_type = 'seizure'"), ==, 1);
    g_remove (path);
  }

  /* Locked: the form does not save, and says the next edit makes version 2. */
  g_assert_false (tarmac_seizure_window_save (form));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (form->items_group)));
  g_assert_true (gtk_widget_get_visible (form->lock_label));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (form->lock_label)), "2"));

  g_assert_true (tarmac_seizure_window_new_version (form));
  g_assert_cmpint (tarmac_seizure_get_version (tarmac_seizure_window_get_seizure (form)), ==, 2);
  g_assert_cmpstr (tarmac_seizure_get_status (tarmac_seizure_window_get_seizure (form)), ==, "DRAFT");
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (form->items_group)));
  type_text (field (form, "items[1].quantity"), "3");
  g_assert_true (tarmac_seizure_window_save (form));

  /* The validated version is as it was; the edit is version 2 of the same series. */
  g_assert_cmpint (count_sql (store, "SELECT count(*) FROM seizure"
                                     " WHERE series_id = %lld",
                                     (long long) series_id), ==, 2);
  g_assert_cmpint (count_sql (store, "SELECT count(*) FROM seizure s"
                                     " JOIN seizure_item i ON i.seizure_id = s.id"
                                     " WHERE s.id = %lld AND s.status = 'VALIDATED'"
                                     " AND i.quantity = 2.5",
                                     (long long) first_id), ==, 1);
  g_assert_cmpint (count_sql (store, "SELECT count(*) FROM seizure s"
                                     " JOIN seizure_item i ON i.seizure_id = s.id"
                                     " WHERE s.previous_id = %lld AND s.version = 2"
                                     " AND i.quantity = 3",
                                     (long long) first_id), ==, 1);

  gtk_window_destroy (GTK_WINDOW (form));
  tarmac_test_run_for (20);
}

/* Evidence goes on after validation: exhibits, custody steps and lab results are added
 * from the form of a locked record, each checked by the core. */
static void
test_evidence (void)
{
  g_autoptr(TarmacStore) store = open_demo_store ("seizure-form-evidence.db");
  g_autoptr(GError) error = NULL;
  g_autofree char *status = NULL;
  TarmacSeizureWindow *form;
  GtkWindow *dialog;
  const char *reason;
  gint64 exhibit_id;

  form = tarmac_seizure_window_new_draft (store, 0, 0, 0, &error);
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (form));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (form->evidence_group)));
  fill_find (form);
  g_assert_true (tarmac_seizure_window_move_status (form, "SUBMITTED"));
  g_assert_true (tarmac_seizure_window_move_status (form, "VALIDATED"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (form->evidence_group)));
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (form->evidence_group)));

  dialog = tarmac_seizure_window_ask_evidence (form, 0, 0);
  reason = tarmac_seizure_window_answer_evidence (dialog, (const char *[]) { "LFW-EX-7", "S-1", "Safe A", "1", NULL });
  g_assert_null (reason);
  tarmac_test_run_for (20);
  g_assert_nonnull (gtk_widget_get_first_child (form->exhibit_list));
  exhibit_id = tarmac_test_count (store, "SELECT id FROM exhibit WHERE exhibit_no = 'LFW-EX-7' AND item_seq = 1");
  g_assert_cmpint (exhibit_id, >, 0);

  /* A hand-over without a recipient: refused, said in the dialog, nothing written. */
  dialog = tarmac_seizure_window_ask_evidence (form, 1, exhibit_id);
  reason = tarmac_seizure_window_answer_evidence (dialog, (const char *[]) { "TRANSFERRED", "Sgt. Koffi", "", NULL });
  g_assert_nonnull (reason);
  g_assert_nonnull (strstr (reason, "to_party"));
  g_assert_cmpint (tarmac_test_count (store, "SELECT count(*) FROM custody_event"), ==, 1);
  reason = tarmac_seizure_window_answer_evidence (dialog, (const char *[]) { "TO_LAB", "Sgt. Koffi",
                                                                             "Laboratoire national", "S-2",
                                                                             "Lt. Adjo", "Analysis", NULL });
  g_assert_null (reason);
  status = tarmac_test_query_text (store, "SELECT status FROM exhibit");
  g_assert_cmpstr (status, ==, "AT_LAB");

  dialog = tarmac_seizure_window_ask_evidence (form, 2, exhibit_id);
  reason = tarmac_seizure_window_answer_evidence (dialog, (const char *[]) { "Laboratoire national", "COCAINE",
                                                                             "78,5", "LN-118", NULL });
  g_assert_null (reason);
  g_assert_cmpint (tarmac_test_count (store, "SELECT count(*) FROM lab_result WHERE purity_pct = 78.5"), ==, 1);

  gtk_window_destroy (GTK_WINDOW (form));
  tarmac_test_run_for (20);
}

static GBytes *
jpeg_bytes (void)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 64, 48);
  g_autoptr(GError) error = NULL;
  char *buffer = NULL;
  gsize length = 0;

  gdk_pixbuf_fill (pixbuf, 0x996633ff);
  g_assert_true (gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &length, "jpeg", &error, NULL));
  g_assert_no_error (error);
  return g_bytes_new_take (buffer, length);
}

static void
test_photo (void)
{
  g_autoptr(TarmacStore) store = open_demo_store ("seizure-form-photo.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) jpeg = jpeg_bytes ();
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "seizure-photo.jpg", NULL);
  g_autofree char *text_path = g_build_filename (g_get_tmp_dir (), "notes.jpg", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) text_file = g_file_new_for_path (text_path);
  g_autofree char *digest = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, jpeg);
  g_autofree char *stored = NULL;
  g_autofree char *mime = NULL;
  TarmacSeizureWindow *form, *again;
  gint64 seizure_id;

  g_assert_true (g_file_set_contents (path, g_bytes_get_data (jpeg, NULL), g_bytes_get_size (jpeg), NULL));
  g_assert_true (g_file_set_contents (text_path, "not a photo", -1, NULL));

  form = tarmac_seizure_window_new_draft (store, 0, 0, 0, &error);
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (form));
  fill_find (form);

  /* A file named .jpg that is not one is refused by its bytes. */
  g_assert_false (tarmac_seizure_window_add_photo (form, text_file, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_clear_error (&error);
  g_assert_cmpuint (tarmac_seizure_window_get_n_photos (form), ==, 0);

  g_assert_true (tarmac_seizure_window_add_photo (form, file, &error));
  g_assert_no_error (error);
  tarmac_test_run_for (20);
  g_assert_cmpuint (tarmac_seizure_window_get_n_photos (form), ==, 1);
  g_assert_true (tarmac_seizure_window_photo_has_thumbnail (form, 0));

  g_assert_true (tarmac_seizure_window_save (form));
  seizure_id = tarmac_seizure_get_id (tarmac_seizure_window_get_seizure (form));
  stored = text_sql (store, "SELECT sha256 FROM seizure_attachment"
                            " WHERE seizure_id = %lld", (long long) seizure_id);
  g_assert_cmpstr (stored, ==, digest);
  mime = text_sql (store, "SELECT mime_type FROM seizure_attachment"
                          " WHERE seizure_id = %lld", (long long) seizure_id);
  g_assert_cmpstr (mime, ==, "image/jpeg");
  g_assert_cmpint (count_sql (store, "SELECT size FROM attachment_blob"
                                     " WHERE sha256 = '%s'", digest),
                   ==, (gint64) g_bytes_get_size (jpeg));

  /* Reopened, the thumbnail comes from the stored bytes. */
  again = tarmac_seizure_window_new_for_id (store, seizure_id, NULL);
  gtk_window_present (GTK_WINDOW (again));
  tarmac_test_run_for (20);
  g_assert_cmpuint (tarmac_seizure_window_get_n_photos (again), ==, 1);
  g_assert_true (tarmac_seizure_window_photo_has_thumbnail (again, 0));

  gtk_window_destroy (GTK_WINDOW (again));
  gtk_window_destroy (GTK_WINDOW (form));
  g_remove (path);
  g_remove (text_path);
  tarmac_test_run_for (20);
}

static void
test_page (void)
{
  g_autoptr(TarmacStore) store = open_demo_store ("seizure-form-page.db");
  TarmacWindow *window = tarmac_window_new (application, store);
  TarmacSeizuresPage *page;
  TarmacSeizureWindow *form;

  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 600);
  gtk_window_present (GTK_WINDOW (window));
  tarmac_test_run_for (50);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "seizures"));
  tarmac_test_run_for (20);
  page = TARMAC_SEIZURES_PAGE (tarmac_window_get_page (window, "seizures"));
  g_assert_true (tarmac_page_get_empty (TARMAC_PAGE (page)));

  form = TARMAC_SEIZURE_WINDOW (tarmac_seizures_page_new_seizure (page));
  g_assert_nonnull (form);
  fill_find (form);
  g_assert_true (tarmac_seizure_window_save (form));
  tarmac_test_run_for (20);

  /* Saving reloads the page: one record, shown; a filter on another category hides it. */
  g_assert_false (tarmac_page_get_empty (TARMAC_PAGE (page)));
  g_assert_cmpuint (g_list_model_get_n_items (tarmac_seizures_page_get_seizures (page)), ==, 1);
  tarmac_seizures_page_set_filter (page, NULL, "CASH");
  g_assert_cmpuint (g_list_model_get_n_items (tarmac_seizures_page_get_seizures (page)), ==, 0);
  tarmac_seizures_page_set_filter (page, "DRAFT", "DRUG");
  g_assert_cmpuint (g_list_model_get_n_items (tarmac_seizures_page_get_seizures (page)), ==, 1);
  tarmac_seizures_page_set_filter (page, "VALIDATED", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (tarmac_seizures_page_get_seizures (page)), ==, 0);

  /* From a traveller (the traveller and flight pages' button): the form fills itself, and
   * saving it reloads the page. */
  {
    gint64 traveller_id = tarmac_test_count (store, "SELECT min (id) FROM traveller"
                                                    " WHERE kind = 'passenger'");
    TarmacSeizureWindow *from_traveller = NULL;
    GList *toplevels;

    tarmac_seizures_page_set_filter (page, NULL, NULL);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.record-seizure", "(xxx)",
                                               (gint64) 0, traveller_id, (gint64) 0));
    tarmac_test_run_for (20);
    toplevels = gtk_window_list_toplevels ();
    for (GList *l = toplevels; l != NULL; l = l->next)
      if (TARMAC_IS_SEIZURE_WINDOW (l->data) && l->data != (gpointer) form)
        from_traveller = l->data;
    g_list_free (toplevels);
    g_assert_nonnull (from_traveller);
    g_assert_cmpuint (from_traveller->persons->len, ==, 1);
    g_assert_cmpuint (from_traveller->legs->len, ==, 2);
    g_assert_cmpint (tarmac_seizure_get_traveller_id (tarmac_seizure_window_get_seizure (from_traveller)),
                     ==, traveller_id);
    fill_find (from_traveller);
    g_assert_true (tarmac_seizure_window_save (from_traveller));
    tarmac_test_run_for (20);
    g_assert_cmpuint (g_list_model_get_n_items (tarmac_seizures_page_get_seizures (page)), ==, 2);
    gtk_window_destroy (GTK_WINDOW (from_traveller));
  }

  gtk_window_destroy (GTK_WINDOW (form));
  gtk_window_destroy (GTK_WINDOW (window));
  tarmac_test_run_for (20);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  if (!tarmac_test_has_display ("seizure form tests"))
    return 77;

  gtk_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  application = tarmac_test_application_new ();

  g_test_add_func ("/seizure-form/from-hit", test_from_hit);
  g_test_add_func ("/seizure-form/validation-error", test_validation_error);
  g_test_add_func ("/seizure-form/new-version", test_new_version);
  g_test_add_func ("/seizure-form/photo", test_photo);
  g_test_add_func ("/seizure-form/evidence", test_evidence);
  g_test_add_func ("/seizure-form/page", test_page);

  ret = g_test_run ();

  g_clear_object (&application);

  return ret;
}
