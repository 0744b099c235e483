/* tarmac-seizure-alert.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-seizure"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tarmac-audit.h"
#include "tarmac-chart.h"
#include "tarmac-pdf-document.h"
#include "tarmac-seizure-alert.h"
#include "tarmac-seizure-codes.h"
#include "tarmac-seizure-image.h"
#include "tarmac-seizure-store.h"

/* Never in an alert: the narrative (free text that may name people), the links to the
 * hit, traveller and flight rows, documents among the attachments, and photos not marked
 * shareable. */

#define MAX_PHOTO_SIDE 6000

static const char *
label (const char *table,
       const char *code,
       const char *language)
{
  if (code == NULL || *code == '\0')
    return "";
  return tarmac_seizure_codes_get_label (tarmac_seizure_codes_get_default (), table, code,
                                         language);
}

static void
add_code (JsonBuilder *builder,
          const char  *member,
          const char  *table,
          const char  *code,
          const char  *language)
{
  g_autofree char *label_member = g_strconcat (member, "_label", NULL);

  if (code == NULL || *code == '\0')
    return;
  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, code);
  json_builder_set_member_name (builder, label_member);
  json_builder_add_string_value (builder, label (table, code, language));
}

static void
add_string (JsonBuilder *builder,
            const char  *member,
            const char  *value)
{
  if (value == NULL || *value == '\0')
    return;
  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, value);
}

static char *
format_number (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  char *end;

  g_ascii_formatd (buffer, sizeof buffer, "%.3f", value);
  end = buffer + strlen (buffer) - 1;
  while (*end == '0')
    *end-- = '\0';
  if (*end == '.')
    *end = '\0';
  return g_strdup (buffer);
}

/**
 * tarmac_seizure_alert_to_json:
 * @language: (nullable): language of the labels beside the codes
 *
 * Returns: (transfer full): the alert: {"alert": "seizure", "ref_no", "version", "status",
 *   "occurred_at", "airport", "flight", codes with their labels, "items", "route",
 *   "persons" (role, nationality, sex, age band, arrested), "agencies", "photos"}
 */
JsonNode *
tarmac_seizure_alert_to_json (TarmacSeizure *seizure,
                              const char    *language)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  GListModel *list;
  guint n_photos = 0;

  g_return_val_if_fail (TARMAC_IS_SEIZURE (seizure), NULL);

  json_builder_begin_object (builder);
  add_string (builder, "alert", "seizure");
  add_string (builder, "ref_no", tarmac_seizure_get_ref_no (seizure));
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, tarmac_seizure_get_version (seizure));
  add_code (builder, "status", "status", tarmac_seizure_get_status (seizure), language);
  add_string (builder, "occurred_at", tarmac_seizure_get_occurred_at (seizure));
  add_string (builder, "airport", tarmac_seizure_get_airport (seizure));
  add_string (builder, "flight", tarmac_seizure_get_flight_label (seizure));
  add_code (builder, "place", "place", tarmac_seizure_get_place (seizure), language);
  add_code (builder, "direction", "direction", tarmac_seizure_get_direction (seizure), language);
  add_code (builder, "flow_type", "flow_type", tarmac_seizure_get_flow_type (seizure), language);
  add_code (builder, "selection_reason", "selection_reason",
            tarmac_seizure_get_selection_reason (seizure), language);
  add_code (builder, "detection_technique", "detection_technique",
            tarmac_seizure_get_detection_technique (seizure), language);
  add_string (builder, "modus_operandi", tarmac_seizure_get_modus_operandi (seizure));

  json_builder_set_member_name (builder, "items");
  json_builder_begin_array (builder);
  list = tarmac_seizure_get_items (seizure);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(TarmacSeizureItem) item = g_list_model_get_item (list, i);

      json_builder_begin_object (builder);
      add_code (builder, "category", "category", tarmac_seizure_item_get_category (item), language);
      add_code (builder, "subtype", "subtype", tarmac_seizure_item_get_subtype (item), language);
      if (tarmac_seizure_item_get_quantity (item) > 0)
        {
          json_builder_set_member_name (builder, "quantity");
          json_builder_add_double_value (builder, tarmac_seizure_item_get_quantity (item));
          add_code (builder, "unit", "unit", tarmac_seizure_item_get_unit (item), language);
        }
      if (tarmac_seizure_item_get_pieces (item) > 0)
        {
          json_builder_set_member_name (builder, "pieces");
          json_builder_add_int_value (builder, tarmac_seizure_item_get_pieces (item));
        }
      if (tarmac_seizure_item_get_kg_equivalent (item) > 0)
        {
          json_builder_set_member_name (builder, "kg_equivalent");
          json_builder_add_double_value (builder, tarmac_seizure_item_get_kg_equivalent (item));
        }
      add_code (builder, "concealment", "concealment", tarmac_seizure_item_get_concealment (item),
                language);
      if (tarmac_seizure_item_get_value_currency (item) != NULL)
        {
          add_string (builder, "currency", tarmac_seizure_item_get_value_currency (item));
          json_builder_set_member_name (builder, "value_minor");
          json_builder_add_int_value (builder, tarmac_seizure_item_get_value_minor (item));
          json_builder_set_member_name (builder, "value_usd");
          json_builder_add_double_value (builder,
                                         tarmac_seizure_item_get_value_usd_minor (item) / 100.0);
        }
      if (tarmac_seizure_item_get_purity_pct (item) > 0)
        {
          json_builder_set_member_name (builder, "purity_pct");
          json_builder_add_double_value (builder, tarmac_seizure_item_get_purity_pct (item));
        }
      add_string (builder, "species", tarmac_seizure_item_get_species (item));
      add_string (builder, "cites_term", tarmac_seizure_item_get_cites_term (item));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "route");
  json_builder_begin_array (builder);
  list = tarmac_seizure_get_legs (seizure);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(TarmacSeizureLeg) leg = g_list_model_get_item (list, i);

      json_builder_begin_object (builder);
      add_code (builder, "role", "route_role", tarmac_seizure_leg_get_role (leg), language);
      add_string (builder, "country", tarmac_seizure_leg_get_country (leg));
      add_string (builder, "airport", tarmac_seizure_leg_get_airport (leg));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "persons");
  json_builder_begin_array (builder);
  list = tarmac_seizure_get_persons (seizure);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(TarmacSeizurePerson) person = g_list_model_get_item (list, i);

      json_builder_begin_object (builder);
      add_code (builder, "role", "person_role", tarmac_seizure_person_get_role (person), language);
      add_string (builder, "nationality", tarmac_seizure_person_get_nationality (person));
      add_code (builder, "sex", "sex", tarmac_seizure_person_get_sex (person), language);
      add_code (builder, "age_band", "age_band", tarmac_seizure_person_get_age_band (person),
                language);
      json_builder_set_member_name (builder, "arrested");
      json_builder_add_boolean_value (builder, tarmac_seizure_person_get_arrested (person));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "agencies");
  json_builder_begin_array (builder);
  list = tarmac_seizure_get_agencies (seizure);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(TarmacSeizureAgency) agency = g_list_model_get_item (list, i);

      json_builder_begin_object (builder);
      add_string (builder, "agency", tarmac_seizure_agency_get_agency (agency));
      add_code (builder, "type", "agency_type", tarmac_seizure_agency_get_agency_type (agency),
                language);
      add_code (builder, "role", "agency_role", tarmac_seizure_agency_get_role (agency), language);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  list = tarmac_seizure_get_attachments (seizure);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(TarmacSeizureAttachment) attachment = g_list_model_get_item (list, i);

      if (tarmac_seizure_attachment_get_shareable (attachment) &&
          g_strcmp0 (tarmac_seizure_attachment_get_kind (attachment), "DOCUMENT") != 0)
        n_photos++;
    }
  json_builder_set_member_name (builder, "photos");
  json_builder_add_int_value (builder, n_photos);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static cairo_status_t
read_cb (void          *closure,
         unsigned char *data,
         unsigned int   length)
{
  GInputStream *stream = closure;
  gsize n = 0;

  if (!g_input_stream_read_all (stream, data, length, &n, NULL, NULL) || n != length)
    return CAIRO_STATUS_READ_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

/* The photo's type and size come from its bytes: a huge image is refused before cairo
 * decodes it. A JPEG is not decoded at all: the PDF embeds its bytes as they are, over a
 * one-bit placeholder of the same size (cairo uses the attached JPEG data instead). */
static cairo_surface_t *
decode_photo (GBytes *bytes)
{
  g_autoptr(GInputStream) stream = NULL;
  const char *type;
  guint width = 0, height = 0;
  cairo_surface_t *image;

  type = tarmac_seizure_image_sniff (bytes, &width, &height);
  if (type == NULL || width > MAX_PHOTO_SIDE || height > MAX_PHOTO_SIDE)
    return NULL;

  if (g_str_equal (type, "image/jpeg"))
    {
      image = cairo_image_surface_create (CAIRO_FORMAT_A1, (int) width, (int) height);
      if (cairo_surface_status (image) != CAIRO_STATUS_SUCCESS ||
          cairo_surface_set_mime_data (image, CAIRO_MIME_TYPE_JPEG,
                                       g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                       (cairo_destroy_func_t) g_bytes_unref,
                                       g_bytes_ref (bytes)) != CAIRO_STATUS_SUCCESS)
        {
          cairo_surface_destroy (image);
          return NULL;
        }
      return image;
    }

  stream = g_memory_input_stream_new_from_bytes (bytes);
  image = cairo_image_surface_create_from_png_stream (read_cb, stream);
  if (cairo_surface_status (image) != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (image);
      return NULL;
    }
  return image;
}

static void
pairs_table (TarmacPdfDocument *doc,
             GPtrArray         *rows)
{
  const char *header[] = { "", "", NULL };
  const double widths[] = { 0.35, 0.65 };

  if (rows->len > 0)
    tarmac_pdf_document_table (doc, 2, widths, header, rows);
}

static void
add_pair (GPtrArray  *rows,
          const char *name,
          const char *value)
{
  char **cells;

  if (value == NULL || *value == '\0')
    return;
  cells = g_new0 (char *, 3);
  cells[0] = g_strdup (name);
  cells[1] = g_strdup (value);
  g_ptr_array_add (rows, cells);
}

static GStrv
cells (guint n,
       ...)
{
  char **row = g_new0 (char *, n + 1);
  va_list args;

  va_start (args, n);
  for (guint i = 0; i < n; i++)
    row[i] = va_arg (args, char *);
  va_end (args);
  return row;
}

/**
 * tarmac_seizure_alert_to_pdf:
 * @photo: (nullable): a PNG or JPEG shown as a thumbnail
 * @language: (nullable): language of the code labels; Arabic lays the page out right to left
 *
 * Returns: (transfer full) (nullable): the alert as a one-page A4 PDF
 */
GBytes *
tarmac_seizure_alert_to_pdf (TarmacSeizure  *seizure,
                             GBytes         *photo,
                             const char     *language,
                             GError        **error)
{
  g_autoptr(TarmacPdfDocument) doc = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%d %H:%M UTC");
  g_autofree char *footer = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  GListModel *list;
  const char *route_header[] = { _("Route"), _("Country"), _("Airport"), NULL };
  const double route_widths[] = { 0.4, 0.3, 0.3 };
  const char *item_header[] = { _("What"), _("Quantity"), _("kg-equivalent"), _("Concealment"),
                                _("Value (USD)"), NULL };
  const double item_widths[] = { 0.26, 0.16, 0.14, 0.26, 0.18 };
  const char *person_header[] = { _("Role"), _("Nationality"), _("Sex"), _("Age"), _("Arrested"),
                                  NULL };
  const double person_widths[] = { 0.3, 0.17, 0.15, 0.2, 0.18 };

  g_return_val_if_fail (TARMAC_IS_SEIZURE (seizure), NULL);

  if (language == NULL)
    language = tarmac_seizure_codes_get_language ();
  /* Translators: the footer of the seizure alert; %s is the date and time */
  footer = g_strdup_printf (_("Tarmac · generated %s · non-nominal, for the airports on the route"),
                            stamp);
  /* Translators: %s is the seizure's reference */
  title = g_strdup_printf (_("Seizure alert %s"), tarmac_seizure_get_ref_no (seizure));
  doc = tarmac_pdf_document_new (title, tarmac_chart_direction_is_rtl (language), footer);

  tarmac_pdf_document_text (doc, title, 20, TRUE);
  /* Translators: version number, date and time, airport code, status */
  subtitle = g_strdup_printf (_("Version %d · %s · airport %s · %s"),
                              tarmac_seizure_get_version (seizure),
                              tarmac_seizure_get_occurred_at (seizure),
                              tarmac_seizure_get_airport (seizure),
                              label ("status", tarmac_seizure_get_status (seizure), language));
  tarmac_pdf_document_text (doc, subtitle, 11, FALSE);

  tarmac_pdf_document_heading (doc, _("What was found"));
  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  list = tarmac_seizure_get_items (seizure);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(TarmacSeizureItem) item = g_list_model_get_item (list, i);
      g_autofree char *quantity = format_number (tarmac_seizure_item_get_quantity (item));
      double kg = tarmac_seizure_item_get_kg_equivalent (item);
      gint64 usd = tarmac_seizure_item_get_value_usd_minor (item);

      g_ptr_array_add (rows, cells (5, g_strdup (label ("subtype", tarmac_seizure_item_get_subtype (item), language)),
                                    tarmac_seizure_item_get_quantity (item) > 0
                                      ? g_strdup_printf ("%s %s", quantity,
                                                         label ("unit", tarmac_seizure_item_get_unit (item), language))
                                      : g_strdup (""),
                                    kg > 0 ? format_number (kg) : g_strdup (""),
                                    g_strdup (label ("concealment", tarmac_seizure_item_get_concealment (item), language)),
                                    usd > 0 ? g_strdup_printf ("%lld.%02lld", (long long) (usd / 100),
                                                               (long long) (usd % 100))
                                            : g_strdup ("")));
    }
  tarmac_pdf_document_table (doc, 5, item_widths, item_header, rows);

  tarmac_pdf_document_heading (doc, _("Route and flight"));
  if (tarmac_seizure_get_flight_label (seizure) != NULL)
    {
      /* Translators: %s is the flight, e.g. LA8112/2026-03-02 */
      g_autofree char *flight = g_strdup_printf (_("Flight %s"), tarmac_seizure_get_flight_label (seizure));

      tarmac_pdf_document_text (doc, flight, 0, TRUE);
    }
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  list = tarmac_seizure_get_legs (seizure);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(TarmacSeizureLeg) leg = g_list_model_get_item (list, i);

      g_ptr_array_add (rows, cells (3, g_strdup (label ("route_role", tarmac_seizure_leg_get_role (leg), language)),
                                    g_strdup (tarmac_seizure_leg_get_country (leg)),
                                    g_strdup (tarmac_seizure_leg_get_airport (leg))));
    }
  if (rows->len > 0)
    tarmac_pdf_document_table (doc, 3, route_widths, route_header, rows);

  tarmac_pdf_document_heading (doc, _("How it was found"));
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  add_pair (rows, _("Selection"), label ("selection_reason", tarmac_seizure_get_selection_reason (seizure), language));
  add_pair (rows, _("Detection"), label ("detection_technique", tarmac_seizure_get_detection_technique (seizure), language));
  add_pair (rows, _("Flow"), label ("flow_type", tarmac_seizure_get_flow_type (seizure), language));
  add_pair (rows, _("Direction"), label ("direction", tarmac_seizure_get_direction (seizure), language));
  add_pair (rows, _("Place"), label ("place", tarmac_seizure_get_place (seizure), language));
  add_pair (rows, _("Modus operandi"), tarmac_seizure_get_modus_operandi (seizure));
  list = tarmac_seizure_get_agencies (seizure);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(TarmacSeizureAgency) agency = g_list_model_get_item (list, i);
      /* Translators: an agency and its role in the seizure */
      g_autofree char *text = g_strdup_printf (_("%s (%s)"), tarmac_seizure_agency_get_agency (agency),
                                               label ("agency_role", tarmac_seizure_agency_get_role (agency), language));

      add_pair (rows, i == 0 ? _("Agencies") : " ", text);
    }
  pairs_table (doc, rows);

  list = tarmac_seizure_get_persons (seizure);
  if (g_list_model_get_n_items (list) > 0)
    {
      tarmac_pdf_document_heading (doc, _("Persons involved (non-nominal)"));
      g_clear_pointer (&rows, g_ptr_array_unref);
      rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
      for (guint i = 0; i < g_list_model_get_n_items (list); i++)
        {
          g_autoptr(TarmacSeizurePerson) person = g_list_model_get_item (list, i);

          g_ptr_array_add (rows, cells (5, g_strdup (label ("person_role", tarmac_seizure_person_get_role (person), language)),
                                        g_strdup (tarmac_seizure_person_get_nationality (person)),
                                        g_strdup (label ("sex", tarmac_seizure_person_get_sex (person), language)),
                                        g_strdup (label ("age_band", tarmac_seizure_person_get_age_band (person), language)),
                                        g_strdup (tarmac_seizure_person_get_arrested (person) ? _("yes") : _("no"))));
        }
      tarmac_pdf_document_table (doc, 5, person_widths, person_header, rows);
    }

  if (photo != NULL)
    {
      cairo_surface_t *image = decode_photo (photo);

      if (image != NULL)
        {
          tarmac_pdf_document_heading (doc, _("Photo"));
          tarmac_pdf_document_image (doc, image, 220, 160);
          cairo_surface_destroy (image);
        }
    }

  return tarmac_pdf_document_finish (doc, error);
}

/* The first shareable picture (not a document: those may carry names). */
static GBytes *
shareable_photo (TarmacStore   *store,
                 TarmacSeizure *seizure,
                 GError       **error)
{
  GListModel *list = tarmac_seizure_get_attachments (seizure);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(TarmacSeizureAttachment) attachment = g_list_model_get_item (list, i);
      GBytes *data;

      if (!tarmac_seizure_attachment_get_shareable (attachment) ||
          g_strcmp0 (tarmac_seizure_attachment_get_kind (attachment), "DOCUMENT") == 0 ||
          (g_strcmp0 (tarmac_seizure_attachment_get_mime_type (attachment), "image/png") != 0 &&
           g_strcmp0 (tarmac_seizure_attachment_get_mime_type (attachment), "image/jpeg") != 0))
        continue;
      data = tarmac_seizure_attachment_get_data (attachment);
      if (data != NULL)
        return g_bytes_ref (data);
      return tarmac_seizure_store_read_attachment (store, tarmac_seizure_attachment_get_id (attachment),
                                                   error);
    }
  return NULL;
}

/**
 * tarmac_seizure_alert_export:
 * @ref_no: the seizure's reference; its latest version is sent
 * @format: "pdf" or "json"
 *
 * Loads the record (the read is audited), draws the alert and audits the export.
 *
 * Returns: (transfer full) (nullable): the alert file
 */
GBytes *
tarmac_seizure_alert_export (TarmacStore  *store,
                             const char   *ref_no,
                             const char   *format,
                             const char   *language,
                             GError      **error)
{
  g_autoptr(TarmacSeizure) seizure = NULL;
  g_autoptr(GBytes) photo = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *detail = NULL;
  gint64 id;

  g_return_val_if_fail (TARMAC_IS_STORE (store), NULL);
  g_return_val_if_fail (ref_no != NULL, NULL);

  if (g_strcmp0 (format, "pdf") != 0 && g_strcmp0 (format, "json") != 0)
    {
      g_set_error (error, TARMAC_SEIZURE_ERROR, TARMAC_SEIZURE_ERROR_INVALID,
                   _("An alert is a PDF or JSON file"));
      return NULL;
    }
  id = tarmac_seizure_store_find (store, ref_no, error);
  if (id == 0 || (seizure = tarmac_seizure_store_load (store, id, error)) == NULL)
    return NULL;

  if (g_str_equal (format, "json"))
    {
      g_autoptr(JsonNode) root = tarmac_seizure_alert_to_json (seizure, language);
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      gsize length = 0;
      char *text;

      json_generator_set_root (generator, root);
      json_generator_set_pretty (generator, TRUE);
      text = json_generator_to_data (generator, &length);
      text = g_realloc (text, length + 2);
      text[length++] = '\n';
      text[length] = '\0';
      bytes = g_bytes_new_take (text, length);
    }
  else
    {
      photo = shareable_photo (store, seizure, error);
      if (photo == NULL && error != NULL && *error != NULL)
        return NULL;
      bytes = tarmac_seizure_alert_to_pdf (seizure, photo, language, error);
      if (bytes == NULL)
        return NULL;
    }

  detail = g_strdup_printf ("alert %s v%d", format, tarmac_seizure_get_version (seizure));
  if (!tarmac_audit_append (store, "export", "seizure", tarmac_seizure_get_ref_no (seizure), detail,
                            error))
    return NULL;
  return g_steal_pointer (&bytes);
}
