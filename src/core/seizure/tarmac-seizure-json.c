/* tarmac-seizure-json.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-seizure"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "tarmac-seizure-store.h"

/* One seizure as JSON (README.md, "Seizure JSON"). The input is hostile: every member is
 * checked for its type (json-glib 1.6's getters would warn or quietly convert), and an
 * error names the member, e.g. items[2].quantity. */

static gboolean
wrong_type (const char  *field,
            const char  *expected,
            GError     **error)
{
  g_set_error (error, TARMAC_SEIZURE_ERROR, TARMAC_SEIZURE_ERROR_INVALID,
               /* Translators: the second %s is "text", "a number", "true or false"… */
               _("%s: expected %s"), field, expected);
  return FALSE;
}

static gboolean
get_string (JsonObject  *object,
            const char  *member,
            const char  *field,
            char       **value,
            GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  *value = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return wrong_type (field, _("text"), error);
  *value = g_strdup (json_node_get_string (node));
  return TRUE;
}

static gboolean
get_number (JsonObject  *object,
            const char  *member,
            const char  *field,
            double      *value,
            gboolean    *present,
            GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);
  GType type;

  *present = FALSE;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node))
    return wrong_type (field, _("a number"), error);
  type = json_node_get_value_type (node);
  if (type == G_TYPE_DOUBLE)
    *value = json_node_get_double (node);
  else if (type == G_TYPE_INT64)
    *value = (double) json_node_get_int (node);
  else
    return wrong_type (field, _("a number"), error);
  if (!isfinite (*value))
    return wrong_type (field, _("a number"), error);
  *present = TRUE;
  return TRUE;
}

static gboolean
get_int (JsonObject  *object,
         const char  *member,
         const char  *field,
         gint64       min,
         gint64       max,
         gint64      *value,
         GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return wrong_type (field, _("a whole number"), error);
  *value = json_node_get_int (node);
  if (*value < min || *value > max)
    {
      g_set_error (error, TARMAC_SEIZURE_ERROR, TARMAC_SEIZURE_ERROR_QUANTITY,
                   _("%s: %lld is out of bounds"), field, (long long) *value);
      return FALSE;
    }
  return TRUE;
}

static gboolean
get_bool (JsonObject  *object,
          const char  *member,
          const char  *field,
          gboolean    *value,
          GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  *value = FALSE;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return wrong_type (field, _("true or false"), error);
  *value = json_node_get_boolean (node);
  return TRUE;
}

static gboolean
get_array (JsonObject  *object,
           const char  *member,
           JsonArray  **array,
           GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  *array = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return wrong_type (member, _("a list"), error);
  *array = json_node_get_array (node);
  return TRUE;
}

static JsonObject *
element_object (JsonArray   *array,
                guint        i,
                const char  *field,
                GError     **error)
{
  JsonNode *node = json_array_get_element (array, i);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      wrong_type (field, _("an object"), error);
      return NULL;
    }
  return json_node_get_object (node);
}

/* Sets a string property from a member of the same name. */
static gboolean
take_string (GObject     *target,
             const char  *property,
             JsonObject  *object,
             const char  *member,
             const char  *prefix,
             GError     **error)
{
  g_autofree char *value = NULL;
  g_autofree char *field = prefix != NULL ? g_strdup_printf ("%s.%s", prefix, member)
                                          : g_strdup (member);

  if (!get_string (object, member, field, &value, error))
    return FALSE;
  if (value != NULL)
    g_object_set (target, property, value, NULL);
  return TRUE;
}

static gboolean
parse_item (JsonObject         *object,
            guint               n,
            TarmacSeizureItem  *item,
            GError            **error)
{
  g_autofree char *prefix = g_strdup_printf ("items[%u]", n);
  g_autofree char *f_quantity = g_strdup_printf ("%s.quantity", prefix);
  g_autofree char *f_value = g_strdup_printf ("%s.value", prefix);
  g_autofree char *f_value_minor = g_strdup_printf ("%s.value_minor", prefix);
  g_autofree char *f_rate = g_strdup_printf ("%s.fx_rate", prefix);
  g_autofree char *f_purity = g_strdup_printf ("%s.purity_pct", prefix);
  g_autofree char *f_pieces = g_strdup_printf ("%s.pieces", prefix);
  g_autofree char *f_estimated = g_strdup_printf ("%s.estimated", prefix);
  const struct { const char *member, *property; } strings[] = {
    { "category", "category" }, { "subtype", "subtype" }, { "description", "description" },
    { "unit", "unit" }, { "concealment", "concealment" }, { "currency", "value-currency" },
    { "fx_rate_date", "fx-rate-date" }, { "species", "species" }, { "cites_term", "cites-term" },
    { "ivory_state", "ivory-state" },
  };
  double number = 0;
  gboolean present = FALSE;
  gboolean estimated = FALSE;
  gint64 pieces = -1;
  gint64 value_minor = 0;

  for (guint i = 0; i < G_N_ELEMENTS (strings); i++)
    if (!take_string (G_OBJECT (item), strings[i].property, object, strings[i].member, prefix,
                      error))
      return FALSE;

  if (!get_number (object, "quantity", f_quantity, &number, &present, error))
    return FALSE;
  if (present)
    {
      /* 0 means "none" on the object: keep an explicit 0 or less visible to validation. */
      tarmac_seizure_item_set_quantity (item, number > 0 ? number : -1);
    }

  if (!get_int (object, "pieces", f_pieces, 0, 100000000, &pieces, error) ||
      !get_bool (object, "estimated", f_estimated, &estimated, error))
    return FALSE;
  tarmac_seizure_item_set_pieces (item, pieces);
  tarmac_seizure_item_set_qty_estimated (item, estimated);

  if (!get_number (object, "purity_pct", f_purity, &number, &present, error))
    return FALSE;
  if (present)
    tarmac_seizure_item_set_purity_pct (item, number > 0 ? number : -1);

  /* Money: "value" in major units (15000.5 EUR) or "value_minor" (1500050 cents). */
  if (!get_int (object, "value_minor", f_value_minor, G_MININT64, G_MAXINT64, &value_minor,
                error) ||
      !get_number (object, "value", f_value, &number, &present, error))
    return FALSE;
  if (present)
    {
      int decimals = tarmac_seizure_codes_get_minor_units (tarmac_seizure_codes_get_default (),
                                                           tarmac_seizure_item_get_value_currency (item));
      double minor = number * pow (10, decimals < 0 ? 2 : decimals);

      value_minor = (minor > 0 && minor < 9e15) ? (gint64) llround (minor)
                                                : (number > 0 ? G_MAXINT64 : -1);
    }
  tarmac_seizure_item_set_value_minor (item, value_minor);

  if (!get_number (object, "fx_rate", f_rate, &number, &present, error))
    return FALSE;
  if (present)
    tarmac_seizure_item_set_fx_rate (item, number > 0 ? number : -1);

  return TRUE;
}

static gboolean
parse_attachment (JsonObject               *object,
                  guint                     n,
                  const char               *base_dir,
                  TarmacSeizureAttachment  *attachment,
                  GError                  **error)
{
  g_autofree char *prefix = g_strdup_printf ("attachments[%u]", n);
  g_autofree char *f_path = g_strdup_printf ("%s.path", prefix);
  g_autofree char *f_data = g_strdup_printf ("%s.data_base64", prefix);
  g_autofree char *f_item = g_strdup_printf ("%s.item", prefix);
  g_autofree char *f_shareable = g_strdup_printf ("%s.shareable", prefix);
  g_autofree char *path = NULL;
  g_autofree char *base64 = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gboolean shareable = FALSE;
  gint64 item_seq = 0;

  if (!take_string (G_OBJECT (attachment), "kind", object, "kind", prefix, error) ||
      !take_string (G_OBJECT (attachment), "file-name", object, "file_name", prefix, error) ||
      !take_string (G_OBJECT (attachment), "mime-type", object, "mime_type", prefix, error) ||
      !take_string (G_OBJECT (attachment), "caption", object, "caption", prefix, error) ||
      !take_string (G_OBJECT (attachment), "captured-at", object, "captured_at", prefix, error) ||
      !get_bool (object, "shareable", f_shareable, &shareable, error) ||
      !get_int (object, "item", f_item, 0, 200, &item_seq, error) ||
      !get_string (object, "path", f_path, &path, error) ||
      !get_string (object, "data_base64", f_data, &base64, error))
    return FALSE;
  tarmac_seizure_attachment_set_shareable (attachment, shareable);
  tarmac_seizure_attachment_set_item_seq (attachment, (int) item_seq);

  if (path != NULL)
    {
      g_autofree char *full = g_path_is_absolute (path) || base_dir == NULL
                              ? g_strdup (path) : g_build_filename (base_dir, path, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (full);
      g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                                     G_FILE_QUERY_INFO_NONE, NULL, NULL);
      g_autofree char *contents = NULL;
      gsize length = 0;

      /* Bounded before reading: a path to a huge file is refused, not loaded. */
      if (info == NULL || g_file_info_get_size (info) > 32 * 1024 * 1024 ||
          !g_file_get_contents (full, &contents, &length, NULL))
        {
          g_set_error (error, TARMAC_SEIZURE_ERROR, TARMAC_SEIZURE_ERROR_INVALID,
                       _("%s: “%s” cannot be read, or is larger than 32 MB"), f_path, path);
          return FALSE;
        }
      bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
      if (tarmac_seizure_attachment_get_file_name (attachment) == NULL)
        {
          g_autofree char *name = g_path_get_basename (path);

          tarmac_seizure_attachment_set_file_name (attachment, name);
        }
    }
  else if (base64 != NULL)
    {
      gsize length = 0;
      guchar *decoded;

      if (strlen (base64) > 45 * 1024 * 1024)
        {
          g_set_error (error, TARMAC_SEIZURE_ERROR, TARMAC_SEIZURE_ERROR_INVALID,
                       _("%s: the file is empty or larger than 32 MB"), f_data);
          return FALSE;
        }
      decoded = g_base64_decode (base64, &length);
      bytes = g_bytes_new_take (decoded, length);
    }
  else
    {
      g_set_error (error, TARMAC_SEIZURE_ERROR, TARMAC_SEIZURE_ERROR_INVALID,
                   _("%s: give the file as “path” or “data_base64”"), prefix);
      return FALSE;
    }

  tarmac_seizure_attachment_set_data (attachment, bytes);
  return TRUE;
}

/**
 * tarmac_seizure_from_json:
 * @node: one seizure object
 * @base_dir: (nullable): the folder that relative attachment paths start from
 * @error: return location for a #GError naming the member at fault
 *
 * Parses, but does not validate codes and quantities: tarmac_seizure_validate() (called
 * by the store on save) does.
 *
 * Returns: (transfer full) (nullable): the record, unsaved
 */
TarmacSeizure *
tarmac_seizure_from_json (JsonNode    *node,
                          const char  *base_dir,
                          GError     **error)
{
  g_autoptr(TarmacSeizure) seizure = tarmac_seizure_new ();
  const struct { const char *member, *property; } strings[] = {
    { "ref_no", "ref-no" }, { "status", "status" }, { "occurred_at", "occurred-at" },
    { "airport", "airport" }, { "place", "place" }, { "direction", "direction" },
    { "flow_type", "flow-type" }, { "flight", "flight-label" },
    { "selection_reason", "selection-reason" }, { "detection_technique", "detection-technique" },
    { "legal_action", "legal-action" }, { "offence_summary", "offence-summary" },
    { "modus_operandi", "modus-operandi" }, { "narrative", "narrative" },
    { "sensitivity", "sensitivity" },
  };
  const struct { const char *member, *property; } links[] = {
    { "flight_id", "flight-id" }, { "hit_id", "hit-id" }, { "traveller_id", "traveller-id" },
  };
  JsonObject *object;
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, TARMAC_SEIZURE_ERROR, TARMAC_SEIZURE_ERROR_INVALID,
                   _("A seizure is a JSON object"));
      return NULL;
    }
  object = json_node_get_object (node);

  for (guint i = 0; i < G_N_ELEMENTS (strings); i++)
    if (!take_string (G_OBJECT (seizure), strings[i].property, object, strings[i].member, NULL,
                      error))
      return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (links); i++)
    {
      gint64 id = 0;

      if (!get_int (object, links[i].member, links[i].member, 0, G_MAXINT64, &id, error))
        return NULL;
      g_object_set (seizure, links[i].property, id, NULL);
    }

  if (!get_array (object, "items", &array, error))
    return NULL;
  for (guint i = 0; array != NULL && i < MIN (json_array_get_length (array), 1000); i++)
    {
      g_autofree char *field = g_strdup_printf ("items[%u]", i + 1);
      g_autoptr(TarmacSeizureItem) item = tarmac_seizure_item_new ();
      JsonObject *element = element_object (array, i, field, error);

      if (element == NULL || !parse_item (element, i + 1, item, error))
        return NULL;
      tarmac_seizure_add_item (seizure, item);
    }

  if (!get_array (object, "route", &array, error))
    return NULL;
  for (guint i = 0; array != NULL && i < MIN (json_array_get_length (array), 1000); i++)
    {
      g_autofree char *field = g_strdup_printf ("route[%u]", i + 1);
      g_autoptr(TarmacSeizureLeg) leg = tarmac_seizure_leg_new ();
      JsonObject *element = element_object (array, i, field, error);

      if (element == NULL ||
          !take_string (G_OBJECT (leg), "role", element, "role", field, error) ||
          !take_string (G_OBJECT (leg), "country", element, "country", field, error) ||
          !take_string (G_OBJECT (leg), "airport", element, "airport", field, error))
        return NULL;
      tarmac_seizure_add_leg (seizure, leg);
    }

  if (!get_array (object, "agencies", &array, error))
    return NULL;
  for (guint i = 0; array != NULL && i < MIN (json_array_get_length (array), 1000); i++)
    {
      g_autofree char *field = g_strdup_printf ("agencies[%u]", i + 1);
      g_autoptr(TarmacSeizureAgency) agency = tarmac_seizure_agency_new ();
      JsonObject *element = element_object (array, i, field, error);

      if (element == NULL ||
          !take_string (G_OBJECT (agency), "agency", element, "agency", field, error) ||
          !take_string (G_OBJECT (agency), "agency-type", element, "type", field, error) ||
          !take_string (G_OBJECT (agency), "role", element, "role", field, error))
        return NULL;
      tarmac_seizure_add_agency (seizure, agency);
    }

  if (!get_array (object, "persons", &array, error))
    return NULL;
  for (guint i = 0; array != NULL && i < MIN (json_array_get_length (array), 1000); i++)
    {
      g_autofree char *field = g_strdup_printf ("persons[%u]", i + 1);
      g_autofree char *f_arrested = g_strdup_printf ("%s.arrested", field);
      g_autoptr(TarmacSeizurePerson) person = tarmac_seizure_person_new ();
      JsonObject *element = element_object (array, i, field, error);
      gboolean arrested = FALSE;

      if (element == NULL)
        return NULL;
      /* Non-nominal only: a name or a document here is refused, not silently dropped. */
      if (json_object_has_member (element, "name") ||
          json_object_has_member (element, "document_number") ||
          json_object_has_member (element, "date_of_birth"))
        {
          g_set_error (error, TARMAC_SEIZURE_ERROR, TARMAC_SEIZURE_ERROR_INVALID,
                       _("%s: persons are recorded without name, document or date of birth"),
                       field);
          return NULL;
        }
      if (!take_string (G_OBJECT (person), "role", element, "role", field, error) ||
          !take_string (G_OBJECT (person), "nationality", element, "nationality", field, error) ||
          !take_string (G_OBJECT (person), "sex", element, "sex", field, error) ||
          !take_string (G_OBJECT (person), "age-band", element, "age_band", field, error) ||
          !get_bool (element, "arrested", f_arrested, &arrested, error))
        return NULL;
      tarmac_seizure_person_set_arrested (person, arrested);
      tarmac_seizure_add_person (seizure, person);
    }

  if (!get_array (object, "attachments", &array, error))
    return NULL;
  for (guint i = 0; array != NULL && i < MIN (json_array_get_length (array), 100); i++)
    {
      g_autofree char *field = g_strdup_printf ("attachments[%u]", i + 1);
      g_autoptr(TarmacSeizureAttachment) attachment = tarmac_seizure_attachment_new ();
      JsonObject *element = element_object (array, i, field, error);

      if (element == NULL || !parse_attachment (element, i + 1, base_dir, attachment, error))
        return NULL;
      tarmac_seizure_add_attachment (seizure, attachment);
    }

  return g_steal_pointer (&seizure);
}

static void
add_string (JsonBuilder *builder,
            const char  *member,
            const char  *value)
{
  if (value == NULL)
    return;
  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, value);
}

/**
 * tarmac_seizure_to_json:
 * @nominal_links: include the ids of the hit and traveller (never in shared exports)
 *
 * Returns: (transfer full): the record in the format tarmac_seizure_from_json() reads,
 *   plus its computed figures; attachments are listed without their bytes
 */
JsonNode *
tarmac_seizure_to_json (TarmacSeizure *seizure,
                        gboolean       nominal_links)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  GListModel *list;

  g_return_val_if_fail (TARMAC_IS_SEIZURE (seizure), NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, tarmac_seizure_get_id (seizure));
  add_string (builder, "ref_no", tarmac_seizure_get_ref_no (seizure));
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, tarmac_seizure_get_version (seizure));
  add_string (builder, "status", tarmac_seizure_get_status (seizure));
  add_string (builder, "occurred_at", tarmac_seizure_get_occurred_at (seizure));
  add_string (builder, "airport", tarmac_seizure_get_airport (seizure));
  add_string (builder, "place", tarmac_seizure_get_place (seizure));
  add_string (builder, "direction", tarmac_seizure_get_direction (seizure));
  add_string (builder, "flow_type", tarmac_seizure_get_flow_type (seizure));
  add_string (builder, "flight", tarmac_seizure_get_flight_label (seizure));
  if (nominal_links)
    {
      const struct { const char *name; gint64 value; } links[] = {
        { "flight_id", tarmac_seizure_get_flight_id (seizure) },
        { "hit_id", tarmac_seizure_get_hit_id (seizure) },
        { "traveller_id", tarmac_seizure_get_traveller_id (seizure) },
      };

      for (guint i = 0; i < G_N_ELEMENTS (links); i++)
        if (links[i].value > 0)
          {
            json_builder_set_member_name (builder, links[i].name);
            json_builder_add_int_value (builder, links[i].value);
          }
    }
  add_string (builder, "selection_reason", tarmac_seizure_get_selection_reason (seizure));
  add_string (builder, "detection_technique", tarmac_seizure_get_detection_technique (seizure));
  add_string (builder, "legal_action", tarmac_seizure_get_legal_action (seizure));
  add_string (builder, "offence_summary", tarmac_seizure_get_offence_summary (seizure));
  add_string (builder, "modus_operandi", tarmac_seizure_get_modus_operandi (seizure));
  add_string (builder, "narrative", tarmac_seizure_get_narrative (seizure));
  add_string (builder, "sensitivity", tarmac_seizure_get_sensitivity (seizure));
  add_string (builder, "created_at", tarmac_seizure_get_created_at (seizure));
  add_string (builder, "validated_at", tarmac_seizure_get_validated_at (seizure));

  json_builder_set_member_name (builder, "items");
  json_builder_begin_array (builder);
  list = tarmac_seizure_get_items (seizure);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(TarmacSeizureItem) item = g_list_model_get_item (list, i);

      json_builder_begin_object (builder);
      add_string (builder, "category", tarmac_seizure_item_get_category (item));
      add_string (builder, "subtype", tarmac_seizure_item_get_subtype (item));
      add_string (builder, "description", tarmac_seizure_item_get_description (item));
      if (tarmac_seizure_item_get_unit (item) != NULL)
        {
          json_builder_set_member_name (builder, "quantity");
          json_builder_add_double_value (builder, tarmac_seizure_item_get_quantity (item));
          add_string (builder, "unit", tarmac_seizure_item_get_unit (item));
        }
      if (tarmac_seizure_item_get_pieces (item) >= 0)
        {
          json_builder_set_member_name (builder, "pieces");
          json_builder_add_int_value (builder, tarmac_seizure_item_get_pieces (item));
        }
      if (tarmac_seizure_item_get_kg_equivalent (item) >= 0)
        {
          json_builder_set_member_name (builder, "kg_equivalent");
          json_builder_add_double_value (builder, tarmac_seizure_item_get_kg_equivalent (item));
          json_builder_set_member_name (builder, "kg_factor");
          json_builder_add_double_value (builder, tarmac_seizure_item_get_kg_factor (item));
        }
      add_string (builder, "concealment", tarmac_seizure_item_get_concealment (item));
      if (tarmac_seizure_item_get_value_minor (item) > 0)
        {
          json_builder_set_member_name (builder, "value_minor");
          json_builder_add_int_value (builder, tarmac_seizure_item_get_value_minor (item));
          add_string (builder, "currency", tarmac_seizure_item_get_value_currency (item));
          json_builder_set_member_name (builder, "fx_rate");
          json_builder_add_double_value (builder, tarmac_seizure_item_get_fx_rate (item));
          add_string (builder, "fx_rate_date", tarmac_seizure_item_get_fx_rate_date (item));
          json_builder_set_member_name (builder, "value_usd_minor");
          json_builder_add_int_value (builder, tarmac_seizure_item_get_value_usd_minor (item));
        }
      if (tarmac_seizure_item_get_purity_pct (item) > 0)
        {
          json_builder_set_member_name (builder, "purity_pct");
          json_builder_add_double_value (builder, tarmac_seizure_item_get_purity_pct (item));
        }
      add_string (builder, "species", tarmac_seizure_item_get_species (item));
      add_string (builder, "cites_term", tarmac_seizure_item_get_cites_term (item));
      add_string (builder, "ivory_state", tarmac_seizure_item_get_ivory_state (item));
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
      add_string (builder, "role", tarmac_seizure_leg_get_role (leg));
      add_string (builder, "country", tarmac_seizure_leg_get_country (leg));
      add_string (builder, "airport", tarmac_seizure_leg_get_airport (leg));
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
      add_string (builder, "type", tarmac_seizure_agency_get_agency_type (agency));
      add_string (builder, "role", tarmac_seizure_agency_get_role (agency));
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
      add_string (builder, "role", tarmac_seizure_person_get_role (person));
      add_string (builder, "nationality", tarmac_seizure_person_get_nationality (person));
      add_string (builder, "sex", tarmac_seizure_person_get_sex (person));
      add_string (builder, "age_band", tarmac_seizure_person_get_age_band (person));
      json_builder_set_member_name (builder, "arrested");
      json_builder_add_boolean_value (builder, tarmac_seizure_person_get_arrested (person));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "attachments");
  json_builder_begin_array (builder);
  list = tarmac_seizure_get_attachments (seizure);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(TarmacSeizureAttachment) attachment = g_list_model_get_item (list, i);

      json_builder_begin_object (builder);
      add_string (builder, "kind", tarmac_seizure_attachment_get_kind (attachment));
      add_string (builder, "file_name", tarmac_seizure_attachment_get_file_name (attachment));
      add_string (builder, "mime_type", tarmac_seizure_attachment_get_mime_type (attachment));
      add_string (builder, "sha256", tarmac_seizure_attachment_get_sha256 (attachment));
      json_builder_set_member_name (builder, "size");
      json_builder_add_int_value (builder, tarmac_seizure_attachment_get_size (attachment));
      add_string (builder, "caption", tarmac_seizure_attachment_get_caption (attachment));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}
