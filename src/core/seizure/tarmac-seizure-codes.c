/* tarmac-seizure-codes.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-seizure"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <math.h>

#include "tarmac-seizure-code.h"
#include "tarmac-seizure-codes.h"
#include "tarmac-seizure-resources.h"

/* Labels live in the data file, not in the .po files: they are data, shared with the
 * exports (CEN, UNODC, CITES) and the hub, they must exist in Arabic too whatever the
 * state of the translations, and a code list can be updated without a string freeze. */

#define N_LANGUAGES 5
static const char *languages[N_LANGUAGES] = { "en", "fr", "es", "pt", "ar" };

typedef struct
{
  char       *code;
  char       *labels[N_LANGUAGES];
  char       *parent;        /* category of a sub-type, WCO area of a category */
  GStrv       units;         /* allowed units (categories, sub-types), NULL = inherit */
  double      kg;            /* kg per unit (units), NAN when none */
  GHashTable *kg_per_unit;   /* unit → double* (sub-types), NULL when none */
  int         minor_units;   /* currencies */
  gboolean    targeted;      /* selection reasons that count as targeting */
} CodeEntry;

typedef struct
{
  GPtrArray  *entries;       /* CodeEntry, in file order */
  GHashTable *by_code;       /* code → CodeEntry (borrowed) */
} CodeTable;

struct _TarmacSeizureCodes
{
  GObject     parent_instance;

  GHashTable *tables;        /* name → CodeTable */
};

G_DEFINE_FINAL_TYPE (TarmacSeizureCodes, tarmac_seizure_codes, G_TYPE_OBJECT)

static void
code_entry_free (gpointer data)
{
  CodeEntry *entry = data;

  g_free (entry->code);
  for (guint i = 0; i < N_LANGUAGES; i++)
    g_free (entry->labels[i]);
  g_free (entry->parent);
  g_strfreev (entry->units);
  g_clear_pointer (&entry->kg_per_unit, g_hash_table_unref);
  g_free (entry);
}

static void
code_table_free (gpointer data)
{
  CodeTable *table = data;

  g_hash_table_unref (table->by_code);
  g_ptr_array_unref (table->entries);
  g_free (table);
}

static void
tarmac_seizure_codes_finalize (GObject *object)
{
  TarmacSeizureCodes *self = (TarmacSeizureCodes *)object;

  g_clear_pointer (&self->tables, g_hash_table_unref);

  G_OBJECT_CLASS (tarmac_seizure_codes_parent_class)->finalize (object);
}

static void
tarmac_seizure_codes_class_init (TarmacSeizureCodesClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tarmac_seizure_codes_finalize;
}

static void
tarmac_seizure_codes_init (TarmacSeizureCodes *self)
{
  self->tables = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, code_table_free);
}

static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static gboolean
member_number (JsonNode *node,
               double   *value)
{
  GType type;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  type = json_node_get_value_type (node);
  if (type == G_TYPE_DOUBLE)
    *value = json_node_get_double (node);
  else if (type == G_TYPE_INT64)
    *value = (double) json_node_get_int (node);
  else
    return FALSE;
  return isfinite (*value);
}

static GStrv
member_strv (JsonObject *object,
             const char *name)
{
  JsonNode *node = json_object_get_member (object, name);
  g_autoptr(GStrvBuilder) builder = NULL;
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;
  array = json_node_get_array (node);
  builder = g_strv_builder_new ();
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (JSON_NODE_HOLDS_VALUE (element) && json_node_get_value_type (element) == G_TYPE_STRING)
        g_strv_builder_add (builder, json_node_get_string (element));
    }
  return g_strv_builder_end (builder);
}

static CodeEntry *
parse_entry (JsonNode  *node,
             GError   **error)
{
  JsonObject *object;
  JsonNode *labels;
  JsonNode *factors;
  CodeEntry *entry;
  double number;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    goto bad;
  object = json_node_get_object (node);
  labels = json_object_get_member (object, "labels");
  if (member_string (object, "code") == NULL || labels == NULL ||
      !JSON_NODE_HOLDS_ARRAY (labels) ||
      json_array_get_length (json_node_get_array (labels)) != N_LANGUAGES)
    goto bad;

  entry = g_new0 (CodeEntry, 1);
  entry->code = g_strdup (member_string (object, "code"));
  for (guint i = 0; i < N_LANGUAGES; i++)
    {
      JsonNode *label = json_array_get_element (json_node_get_array (labels), i);

      if (JSON_NODE_HOLDS_VALUE (label) && json_node_get_value_type (label) == G_TYPE_STRING)
        entry->labels[i] = g_strdup (json_node_get_string (label));
      else
        entry->labels[i] = g_strdup (entry->code);
    }
  entry->parent = g_strdup (member_string (object, "category"));
  if (entry->parent == NULL)
    entry->parent = g_strdup (member_string (object, "area"));
  entry->units = member_strv (object, "units");
  entry->kg = member_number (json_object_get_member (object, "kg"), &number) && number > 0
              ? number : NAN;
  entry->minor_units = member_number (json_object_get_member (object, "minor_units"), &number)
                       ? (int) number : -1;
  entry->targeted = member_number (json_object_get_member (object, "targeted"), &number) &&
                    number != 0;

  factors = json_object_get_member (object, "kg_per_unit");
  if (factors != NULL && JSON_NODE_HOLDS_OBJECT (factors))
    {
      JsonObject *map = json_node_get_object (factors);
      g_autoptr(GList) units = json_object_get_members (map);

      entry->kg_per_unit = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      for (GList *l = units; l != NULL; l = l->next)
        if (member_number (json_object_get_member (map, l->data), &number) && number > 0)
          g_hash_table_insert (entry->kg_per_unit, g_strdup (l->data),
                               g_memdup2 (&number, sizeof number));
    }

  return entry;

bad:
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
               _("The seizure code list has an entry without a code or five labels"));
  return NULL;
}

/**
 * tarmac_seizure_codes_new_from_bytes:
 * @json: a code list in the format of data/seizure-codes.json
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the codes, or %NULL with @error set
 */
TarmacSeizureCodes *
tarmac_seizure_codes_new_from_bytes (GBytes  *json,
                                     GError **error)
{
  g_autoptr(TarmacSeizureCodes) self = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;
  JsonNode *tables;
  JsonObject *tables_object;
  g_autoptr(GList) names = NULL;
  gsize size = 0;
  const char *data = g_bytes_get_data (json, &size);

  if (!json_parser_load_from_data (parser, data, (gssize) size, error))
    return NULL;

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root) ||
      g_strcmp0 (member_string (json_node_get_object (root), "format"),
                 "tarmac-seizure-codes") != 0 ||
      (tables = json_object_get_member (json_node_get_object (root), "tables")) == NULL ||
      !JSON_NODE_HOLDS_OBJECT (tables))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("This is not a Tarmac seizure code list"));
      return NULL;
    }

  self = g_object_new (TARMAC_TYPE_SEIZURE_CODES, NULL);
  tables_object = json_node_get_object (tables);
  names = json_object_get_members (tables_object);
  for (GList *l = names; l != NULL; l = l->next)
    {
      JsonNode *rows = json_object_get_member (tables_object, l->data);
      CodeTable *table;

      if (!JSON_NODE_HOLDS_ARRAY (rows))
        continue;

      table = g_new0 (CodeTable, 1);
      table->entries = g_ptr_array_new_with_free_func (code_entry_free);
      table->by_code = g_hash_table_new (g_str_hash, g_str_equal);
      g_hash_table_insert (self->tables, g_strdup (l->data), table);

      for (guint i = 0; i < json_array_get_length (json_node_get_array (rows)); i++)
        {
          CodeEntry *entry = parse_entry (json_array_get_element (json_node_get_array (rows), i),
                                          error);

          if (entry == NULL)
            return NULL;
          g_ptr_array_add (table->entries, entry);
          g_hash_table_insert (table->by_code, entry->code, entry);
        }
    }

  return g_steal_pointer (&self);
}

/**
 * tarmac_seizure_codes_get_default:
 *
 * Returns: (transfer none): the code list built into the program
 */
TarmacSeizureCodes *
tarmac_seizure_codes_get_default (void)
{
  static TarmacSeizureCodes *codes = NULL;

  if (g_once_init_enter (&codes))
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = g_resource_lookup_data (tarmac_seizure_get_resource (),
                                                        "/org/jaitf/Tarmac/seizure/codes.json",
                                                        G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
      TarmacSeizureCodes *loaded;

      /* The list is part of the program: a broken one is a build error, not user input. */
      if (bytes == NULL)
        g_error ("The built-in seizure codes are missing: %s", error->message);
      loaded = tarmac_seizure_codes_new_from_bytes (bytes, &error);
      if (loaded == NULL)
        g_error ("The built-in seizure codes do not load: %s", error->message);
      g_once_init_leave (&codes, loaded);
    }

  return codes;
}

static CodeEntry *
lookup (TarmacSeizureCodes *self,
        const char         *table,
        const char         *code)
{
  CodeTable *t;

  if (code == NULL || (t = g_hash_table_lookup (self->tables, table)) == NULL)
    return NULL;
  return g_hash_table_lookup (t->by_code, code);
}

/**
 * tarmac_seizure_codes_get_language:
 *
 * Returns: the label language of the current locale: en, fr, es, pt or ar
 */
const char *
tarmac_seizure_codes_get_language (void)
{
  const char * const *names = g_get_language_names ();

  for (guint i = 0; names[i] != NULL; i++)
    for (guint j = 0; j < N_LANGUAGES; j++)
      if (g_str_has_prefix (names[i], languages[j]) &&
          (names[i][2] == '\0' || names[i][2] == '_' || names[i][2] == '.' ||
           names[i][2] == '@'))
        return languages[j];

  return "en";
}

gboolean
tarmac_seizure_codes_has (TarmacSeizureCodes *self,
                          const char         *table,
                          const char         *code)
{
  g_return_val_if_fail (TARMAC_IS_SEIZURE_CODES (self), FALSE);

  return lookup (self, table, code) != NULL;
}

/**
 * tarmac_seizure_codes_get_label:
 * @language: (nullable): en, fr, es, pt or ar; %NULL for the current locale's
 *
 * Returns: the label, or @code itself when the code is unknown
 */
const char *
tarmac_seizure_codes_get_label (TarmacSeizureCodes *self,
                                const char         *table,
                                const char         *code,
                                const char         *language)
{
  CodeEntry *entry;

  g_return_val_if_fail (TARMAC_IS_SEIZURE_CODES (self), NULL);

  if ((entry = lookup (self, table, code)) == NULL)
    return code;
  if (language == NULL)
    language = tarmac_seizure_codes_get_language ();
  for (guint i = 0; i < N_LANGUAGES; i++)
    if (g_str_equal (language, languages[i]))
      return entry->labels[i];
  return entry->labels[0];
}

/**
 * tarmac_seizure_codes_list:
 * @table: the table's name (category, subtype, unit, concealment…)
 * @parent: (nullable): only the sub-types of this category
 * @language: (nullable): the label language, %NULL for the current locale's
 *
 * Returns: (transfer full): a list of #TarmacSeizureCode, in the file's order
 */
GListModel *
tarmac_seizure_codes_list (TarmacSeizureCodes *self,
                           const char         *table,
                           const char         *parent,
                           const char         *language)
{
  GListStore *store = g_list_store_new (TARMAC_TYPE_SEIZURE_CODE);
  CodeTable *t;

  g_return_val_if_fail (TARMAC_IS_SEIZURE_CODES (self), NULL);

  if ((t = g_hash_table_lookup (self->tables, table)) == NULL)
    return G_LIST_MODEL (store);

  for (guint i = 0; i < t->entries->len; i++)
    {
      CodeEntry *entry = g_ptr_array_index (t->entries, i);
      g_autoptr(TarmacSeizureCode) code = NULL;

      if (parent != NULL && g_strcmp0 (parent, entry->parent) != 0)
        continue;
      code = tarmac_seizure_code_new ();
      tarmac_seizure_code_set_code (code, entry->code);
      tarmac_seizure_code_set_label (code, tarmac_seizure_codes_get_label (self, table,
                                                                           entry->code,
                                                                           language));
      if (g_str_equal (table, "subtype"))
        tarmac_seizure_code_set_parent (code, entry->parent);
      g_list_store_append (store, code);
    }

  return G_LIST_MODEL (store);
}

/* Returns: the category of @subtype, or %NULL when it is not a sub-type */
const char *
tarmac_seizure_codes_get_category (TarmacSeizureCodes *self,
                                   const char         *subtype)
{
  CodeEntry *entry;

  g_return_val_if_fail (TARMAC_IS_SEIZURE_CODES (self), NULL);

  entry = lookup (self, "subtype", subtype);
  return entry != NULL ? entry->parent : NULL;
}

/* Returns: the WCO enforcement area of @category (DRUGS, SECURITY…) */
const char *
tarmac_seizure_codes_get_area (TarmacSeizureCodes *self,
                               const char         *category)
{
  CodeEntry *entry;

  g_return_val_if_fail (TARMAC_IS_SEIZURE_CODES (self), NULL);

  entry = lookup (self, "category", category);
  return entry != NULL ? entry->parent : NULL;
}

/* A sub-type's own unit list, or its category's when it has none. */
gboolean
tarmac_seizure_codes_unit_allowed (TarmacSeizureCodes *self,
                                   const char         *subtype,
                                   const char         *unit)
{
  CodeEntry *entry;
  CodeEntry *category;

  g_return_val_if_fail (TARMAC_IS_SEIZURE_CODES (self), FALSE);

  if ((entry = lookup (self, "subtype", subtype)) == NULL || lookup (self, "unit", unit) == NULL)
    return FALSE;
  if (entry->units != NULL)
    return g_strv_contains ((const char * const *) entry->units, unit);
  category = lookup (self, "category", entry->parent);
  return category != NULL && category->units != NULL &&
         g_strv_contains ((const char * const *) category->units, unit);
}

/**
 * tarmac_seizure_codes_get_kg_factor:
 * @kg_per_unit: (out): kilograms per one @unit of @subtype
 *
 * The sub-type's own factor for @unit (tablets, pellets, sticks) wins over the unit's
 * (g, ml, ct); litres count as kilograms (UNODC's bulk-weight practice).
 *
 * Returns: %FALSE when no factor exists (pieces of counterfeit goods, live specimens)
 */
gboolean
tarmac_seizure_codes_get_kg_factor (TarmacSeizureCodes *self,
                                    const char         *subtype,
                                    const char         *unit,
                                    double             *kg_per_unit)
{
  CodeEntry *entry;
  CodeEntry *unit_entry;
  double *factor;

  g_return_val_if_fail (TARMAC_IS_SEIZURE_CODES (self), FALSE);

  entry = lookup (self, "subtype", subtype);
  unit_entry = lookup (self, "unit", unit);
  if (entry == NULL || unit_entry == NULL)
    return FALSE;
  if (entry->kg_per_unit != NULL && (factor = g_hash_table_lookup (entry->kg_per_unit, unit)))
    {
      *kg_per_unit = *factor;
      return TRUE;
    }
  if (isnan (unit_entry->kg))
    return FALSE;
  *kg_per_unit = unit_entry->kg;
  return TRUE;
}

/* Returns: the currency's number of decimals (ISO 4217), -1 when unknown */
int
tarmac_seizure_codes_get_minor_units (TarmacSeizureCodes *self,
                                      const char         *currency)
{
  CodeEntry *entry;

  g_return_val_if_fail (TARMAC_IS_SEIZURE_CODES (self), -1);

  entry = lookup (self, "currency", currency);
  return entry != NULL ? entry->minor_units : -1;
}

/* Targeting, intelligence and partner alerts, as against random or screening finds
 * (research/seizures.md §6.4, share of seizures from targeting). */
gboolean
tarmac_seizure_codes_is_targeted (TarmacSeizureCodes *self,
                                  const char         *selection_reason)
{
  CodeEntry *entry;

  g_return_val_if_fail (TARMAC_IS_SEIZURE_CODES (self), FALSE);

  entry = lookup (self, "selection_reason", selection_reason);
  return entry != NULL && entry->targeted;
}

/**
 * tarmac_seizure_kg_equivalent:
 * @kg: (out): @quantity in kilograms of bulk weight
 * @kg_per_unit: (out) (optional): the factor used, to store beside the figure
 *
 * Returns: %FALSE when @unit has no factor for @subtype; @kg is then untouched
 */
gboolean
tarmac_seizure_kg_equivalent (TarmacSeizureCodes *codes,
                              const char         *subtype,
                              const char         *unit,
                              double              quantity,
                              double             *kg,
                              double             *kg_per_unit)
{
  double factor;

  g_return_val_if_fail (TARMAC_IS_SEIZURE_CODES (codes), FALSE);

  if (!isfinite (quantity) || quantity < 0 ||
      !tarmac_seizure_codes_get_kg_factor (codes, subtype, unit, &factor))
    return FALSE;

  *kg = quantity * factor;
  if (kg_per_unit != NULL)
    *kg_per_unit = factor;
  return TRUE;
}

/**
 * tarmac_seizure_usd_minor:
 * @value_minor: an amount in minor units of @currency (cents, centimes; XOF has none)
 * @usd_per_unit: US dollars for one major unit of @currency
 * @usd_minor: (out): the amount in US cents, rounded to the nearest
 *
 * Returns: %FALSE for an unknown currency, a rate that is not positive, or an amount
 *   too large to hold
 */
gboolean
tarmac_seizure_usd_minor (TarmacSeizureCodes *codes,
                          const char         *currency,
                          gint64              value_minor,
                          double              usd_per_unit,
                          gint64             *usd_minor)
{
  int decimals;
  double usd_cents;

  g_return_val_if_fail (TARMAC_IS_SEIZURE_CODES (codes), FALSE);

  decimals = tarmac_seizure_codes_get_minor_units (codes, currency);
  if (decimals < 0 || value_minor < 0 || !isfinite (usd_per_unit) || usd_per_unit <= 0)
    return FALSE;

  usd_cents = (double) value_minor / pow (10, decimals) * usd_per_unit * 100.0;
  if (!isfinite (usd_cents) || usd_cents > 9e15)
    return FALSE;

  *usd_minor = (gint64) llround (usd_cents);
  return TRUE;
}
