/* tarmac-seizure-validate.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-seizure"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "tarmac-seizure-image.h"
#include "tarmac-seizure-store.h"

/* Bounds on what one record may hold: hostile or mistaken input stays small. */
#define MAX_ITEMS        200
#define MAX_LEGS         20
#define MAX_AGENCIES     20
#define MAX_PERSONS      500
#define MAX_ATTACHMENTS  50
#define MAX_TEXT         65536
#define MAX_ATTACHMENT   (32 * 1024 * 1024)

/* Above these a figure is a typing error, not a seizure: the largest airport seizures
 * on record are a few tonnes; 100 tonnes or a hundred million units is absurd. */
#define MAX_QUANTITY     1e8
#define MAX_KG           100000.0
#define MAX_USD_MINOR    G_GINT64_CONSTANT (100000000000)   /* a billion dollars */

G_DEFINE_QUARK (tarmac-seizure-error-quark, tarmac_seizure_error)

static gboolean
check_code (TarmacSeizureCodes  *codes,
            const char          *table,
            const char          *field,
            const char          *code,
            gboolean             required,
            GError             **error)
{
  if (code == NULL || *code == '\0')
    {
      if (!required)
        return TRUE;
      g_set_error (error, TARMAC_SEIZURE_ERROR, TARMAC_SEIZURE_ERROR_INVALID,
                   _("%s: this field is required"), field);
      return FALSE;
    }
  if (!tarmac_seizure_codes_has (codes, table, code))
    {
      g_set_error (error, TARMAC_SEIZURE_ERROR, TARMAC_SEIZURE_ERROR_UNKNOWN_CODE,
                   _("%s: “%s” is not a known code"), field, code);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_letters (const char  *field,
               const char  *value,
               guint        length,
               gboolean     required,
               GError     **error)
{
  if (value == NULL || *value == '\0')
    {
      if (!required)
        return TRUE;
      g_set_error (error, TARMAC_SEIZURE_ERROR, TARMAC_SEIZURE_ERROR_INVALID,
                   _("%s: this field is required"), field);
      return FALSE;
    }
  for (guint i = 0; i < length; i++)
    if (!g_ascii_isupper (value[i]) && !g_ascii_isdigit (value[i]))
      goto bad;
  if (value[length] == '\0')
    return TRUE;

bad:
  g_set_error (error, TARMAC_SEIZURE_ERROR, TARMAC_SEIZURE_ERROR_INVALID,
               ngettext ("%s: “%s” is not a code of %u capital letter",
                         "%s: “%s” is not a code of %u capital letters", length),
               field, value, length);
  return FALSE;
}

static gboolean
check_text (const char  *field,
            const char  *value,
            gsize        max,
            GError     **error)
{
  if (value == NULL || (strlen (value) <= max && g_utf8_validate (value, -1, NULL)))
    return TRUE;
  g_set_error (error, TARMAC_SEIZURE_ERROR, TARMAC_SEIZURE_ERROR_INVALID,
               _("%s: the text is too long or not UTF-8"), field);
  return FALSE;
}

static gboolean
check_count (const char  *field,
             guint        n,
             guint        max,
             GError     **error)
{
  if (n <= max)
    return TRUE;
  g_set_error (error, TARMAC_SEIZURE_ERROR, TARMAC_SEIZURE_ERROR_INVALID,
               _("%s: %u entries, more than the %u a record may hold"), field, n, max);
  return FALSE;
}

static gboolean
check_timestamp (const char  *field,
                 const char  *value,
                 GError     **error)
{
  g_autoptr(GDateTime) parsed = NULL;
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();

  if (value == NULL)
    {
      g_set_error (error, TARMAC_SEIZURE_ERROR, TARMAC_SEIZURE_ERROR_INVALID,
                   _("%s: this field is required"), field);
      return FALSE;
    }
  parsed = g_date_time_new_from_iso8601 (value, utc);
  if (parsed == NULL || g_date_time_get_year (parsed) < 1990 ||
      g_date_time_get_year (parsed) > 2100)
    {
      g_set_error (error, TARMAC_SEIZURE_ERROR, TARMAC_SEIZURE_ERROR_INVALID,
                   _("%s: “%s” is not a date and time such as 2026-03-14T06:40:00Z"),
                   field, value);
      return FALSE;
    }
  return TRUE;
}

static gboolean
validate_item (TarmacSeizureItem   *item,
               guint                n,
               TarmacSeizureCodes  *codes,
               GError             **error)
{
  g_autofree char *f_category = g_strdup_printf ("items[%u].category", n);
  g_autofree char *f_subtype = g_strdup_printf ("items[%u].subtype", n);
  g_autofree char *f_unit = g_strdup_printf ("items[%u].unit", n);
  g_autofree char *f_quantity = g_strdup_printf ("items[%u].quantity", n);
  g_autofree char *f_concealment = g_strdup_printf ("items[%u].concealment", n);
  g_autofree char *f_value = g_strdup_printf ("items[%u].value", n);
  g_autofree char *f_currency = g_strdup_printf ("items[%u].currency", n);
  g_autofree char *f_rate = g_strdup_printf ("items[%u].fx_rate", n);
  g_autofree char *f_description = g_strdup_printf ("items[%u].description", n);
  g_autofree char *f_purity = g_strdup_printf ("items[%u].purity_pct", n);
  const char *category = tarmac_seizure_item_get_category (item);
  const char *subtype = tarmac_seizure_item_get_subtype (item);
  const char *unit = tarmac_seizure_item_get_unit (item);
  const char *currency = tarmac_seizure_item_get_value_currency (item);
  const char *ivory = tarmac_seizure_item_get_ivory_state (item);
  double quantity = tarmac_seizure_item_get_quantity (item);
  double rate = tarmac_seizure_item_get_fx_rate (item);
  double purity = tarmac_seizure_item_get_purity_pct (item);
  gint64 value_minor = tarmac_seizure_item_get_value_minor (item);
  gboolean is_cash;

  tarmac_seizure_item_set_seq (item, (int) n);

  if (!check_code (codes, "subtype", f_subtype, subtype, TRUE, error))
    return FALSE;
  /* The category follows from the sub-type; when both are given they must agree. */
  if (category == NULL)
    tarmac_seizure_item_set_category (item, category = tarmac_seizure_codes_get_category (codes,
                                                                                          subtype));
  else if (!check_code (codes, "category", f_category, category, TRUE, error))
    return FALSE;
  if (g_strcmp0 (category, tarmac_seizure_codes_get_category (codes, subtype)) != 0)
    {
      g_set_error (error, TARMAC_SEIZURE_ERROR, TARMAC_SEIZURE_ERROR_UNKNOWN_CODE,
                   _("%s: “%s” is not a sub-type of %s"), f_subtype, subtype, category);
      return FALSE;
    }
  if (!check_code (codes, "concealment", f_concealment,
                   tarmac_seizure_item_get_concealment (item), FALSE, error) ||
      !check_text (f_description, tarmac_seizure_item_get_description (item), 4096, error) ||
      !check_text (f_description, tarmac_seizure_item_get_species (item), 256, error))
    return FALSE;
  if (ivory != NULL && !g_str_equal (ivory, "RAW") && !g_str_equal (ivory, "WORKED"))
    {
      g_set_error (error, TARMAC_SEIZURE_ERROR, TARMAC_SEIZURE_ERROR_UNKNOWN_CODE,
                   _("%s: “%s” is not a known code"), "ivory_state", ivory);
      return FALSE;
    }
  if (purity != 0 && (!isfinite (purity) || purity < 0 || purity > 100))
    {
      g_set_error (error, TARMAC_SEIZURE_ERROR, TARMAC_SEIZURE_ERROR_QUANTITY,
                   _("%s: a purity is between 0 and 100 %%"), f_purity);
      return FALSE;
    }

  is_cash = g_str_equal (category, "CASH");

  /* Quantity: required for goods, absent for cash (money is not a unit). */
  if (is_cash)
    {
      if (unit != NULL || quantity != 0)
        {
          g_set_error (error, TARMAC_SEIZURE_ERROR, TARMAC_SEIZURE_ERROR_INVALID,
                       _("%s: cash has an amount and a currency, not a quantity"), f_quantity);
          return FALSE;
        }
      if (value_minor == 0)
        {
          g_set_error (error, TARMAC_SEIZURE_ERROR, TARMAC_SEIZURE_ERROR_QUANTITY,
                       _("%s: the amount of cash seized is required"), f_value);
          return FALSE;
        }
      tarmac_seizure_item_set_kg_equivalent (item, -1);
      tarmac_seizure_item_set_kg_factor (item, 0);
    }
  else
    {
      double kg = 0, factor = 0;

      if (!check_code (codes, "unit", f_unit, unit, TRUE, error))
        return FALSE;
      if (!tarmac_seizure_codes_unit_allowed (codes, subtype, unit))
        {
          g_set_error (error, TARMAC_SEIZURE_ERROR, TARMAC_SEIZURE_ERROR_UNKNOWN_CODE,
                       _("%s: the unit “%s” does not apply to %s"), f_unit, unit, subtype);
          return FALSE;
        }
      if (!isfinite (quantity) || quantity <= 0)
        {
          g_set_error (error, TARMAC_SEIZURE_ERROR, TARMAC_SEIZURE_ERROR_QUANTITY,
                       _("%s: the quantity must be greater than zero"), f_quantity);
          return FALSE;
        }
      if (quantity > MAX_QUANTITY)
        {
          g_set_error (error, TARMAC_SEIZURE_ERROR, TARMAC_SEIZURE_ERROR_QUANTITY,
                       _("%s: %g %s is not a plausible quantity"), f_quantity, quantity, unit);
          return FALSE;
        }
      if (tarmac_seizure_kg_equivalent (codes, subtype, unit, quantity, &kg, &factor))
        {
          if (kg > MAX_KG)
            {
              g_set_error (error, TARMAC_SEIZURE_ERROR, TARMAC_SEIZURE_ERROR_QUANTITY,
                           _("%s: %g %s is %.0f kg, not a plausible quantity"),
                           f_quantity, quantity, unit, kg);
              return FALSE;
            }
          tarmac_seizure_item_set_kg_equivalent (item, kg);
          tarmac_seizure_item_set_kg_factor (item, factor);
        }
      else
        {
          tarmac_seizure_item_set_kg_equivalent (item, -1);
          tarmac_seizure_item_set_kg_factor (item, 0);
        }
    }

  /* Money: an amount, its currency and the rate to USD used, or none of them. */
  if (value_minor < 0 || (value_minor == 0 && currency != NULL))
    {
      g_set_error (error, TARMAC_SEIZURE_ERROR, TARMAC_SEIZURE_ERROR_QUANTITY,
                   _("%s: the amount must be greater than zero"), f_value);
      return FALSE;
    }
  if (value_minor > 0)
    {
      gint64 usd_minor = 0;

      if (!check_code (codes, "currency", f_currency, currency, TRUE, error))
        return FALSE;
      if (rate == 0 && g_str_equal (currency, "USD"))
        tarmac_seizure_item_set_fx_rate (item, rate = 1.0);
      if (rate == 0)
        {
          g_set_error (error, TARMAC_SEIZURE_ERROR, TARMAC_SEIZURE_ERROR_MISSING_RATE,
                       _("%s: an amount in %s needs its rate to US dollars"), f_rate, currency);
          return FALSE;
        }
      if (!isfinite (rate) || rate < 0 || rate > 100000)
        {
          g_set_error (error, TARMAC_SEIZURE_ERROR, TARMAC_SEIZURE_ERROR_QUANTITY,
                       _("%s: %g is not a plausible rate to US dollars"), f_rate, rate);
          return FALSE;
        }
      if (!tarmac_seizure_usd_minor (codes, currency, value_minor, rate, &usd_minor) ||
          usd_minor > MAX_USD_MINOR)
        {
          g_set_error (error, TARMAC_SEIZURE_ERROR, TARMAC_SEIZURE_ERROR_QUANTITY,
                       _("%s: the amount is not plausible"), f_value);
          return FALSE;
        }
      tarmac_seizure_item_set_value_usd_minor (item, usd_minor);
    }
  else
    {
      tarmac_seizure_item_set_fx_rate (item, 0);
      tarmac_seizure_item_set_value_usd_minor (item, 0);
    }

  return TRUE;
}

/**
 * tarmac_seizure_validate:
 * @seizure: a record about to be saved
 * @codes: the reference codes
 * @error: return location for a #GError naming the field at fault
 *
 * Returns: %TRUE when the record may be saved; its computed fields are then filled
 */
gboolean
tarmac_seizure_validate (TarmacSeizure       *seizure,
                         TarmacSeizureCodes  *codes,
                         GError             **error)
{
  GListModel *items = tarmac_seizure_get_items (seizure);
  GListModel *legs = tarmac_seizure_get_legs (seizure);
  GListModel *agencies = tarmac_seizure_get_agencies (seizure);
  GListModel *persons = tarmac_seizure_get_persons (seizure);
  GListModel *attachments = tarmac_seizure_get_attachments (seizure);
  const char *sensitivity = tarmac_seizure_get_sensitivity (seizure);
  guint n_leads = 0;

  g_return_val_if_fail (TARMAC_IS_SEIZURE (seizure), FALSE);
  g_return_val_if_fail (TARMAC_IS_SEIZURE_CODES (codes), FALSE);

  if (!check_letters ("airport", tarmac_seizure_get_airport (seizure), 3, TRUE, error) ||
      !check_timestamp ("occurred_at", tarmac_seizure_get_occurred_at (seizure), error) ||
      !check_code (codes, "selection_reason", "selection_reason",
                   tarmac_seizure_get_selection_reason (seizure), TRUE, error) ||
      !check_code (codes, "detection_technique", "detection_technique",
                   tarmac_seizure_get_detection_technique (seizure), TRUE, error) ||
      !check_code (codes, "place", "place", tarmac_seizure_get_place (seizure), FALSE, error) ||
      !check_code (codes, "direction", "direction", tarmac_seizure_get_direction (seizure),
                   FALSE, error) ||
      !check_code (codes, "flow_type", "flow_type", tarmac_seizure_get_flow_type (seizure),
                   FALSE, error) ||
      !check_code (codes, "legal_action", "legal_action",
                   tarmac_seizure_get_legal_action (seizure), FALSE, error) ||
      !check_code (codes, "status", "status", tarmac_seizure_get_status (seizure), FALSE,
                   error) ||
      !check_text ("ref_no", tarmac_seizure_get_ref_no (seizure), 32, error) ||
      !check_text ("flight", tarmac_seizure_get_flight_label (seizure), 32, error) ||
      !check_text ("offence_summary", tarmac_seizure_get_offence_summary (seizure), 1024,
                   error) ||
      !check_text ("modus_operandi", tarmac_seizure_get_modus_operandi (seizure), MAX_TEXT,
                   error) ||
      !check_text ("narrative", tarmac_seizure_get_narrative (seizure), MAX_TEXT, error))
    return FALSE;
  if (sensitivity != NULL && !g_str_equal (sensitivity, "T1") && !g_str_equal (sensitivity, "T2"))
    {
      g_set_error (error, TARMAC_SEIZURE_ERROR, TARMAC_SEIZURE_ERROR_UNKNOWN_CODE,
                   _("%s: “%s” is not a known code"), "sensitivity", sensitivity);
      return FALSE;
    }

  if (g_list_model_get_n_items (items) == 0)
    {
      g_set_error (error, TARMAC_SEIZURE_ERROR, TARMAC_SEIZURE_ERROR_INVALID,
                   _("%s: a seizure has at least one item"), "items");
      return FALSE;
    }
  if (!check_count ("items", g_list_model_get_n_items (items), MAX_ITEMS, error) ||
      !check_count ("route", g_list_model_get_n_items (legs), MAX_LEGS, error) ||
      !check_count ("agencies", g_list_model_get_n_items (agencies), MAX_AGENCIES, error) ||
      !check_count ("persons", g_list_model_get_n_items (persons), MAX_PERSONS, error) ||
      !check_count ("attachments", g_list_model_get_n_items (attachments), MAX_ATTACHMENTS,
                    error))
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(TarmacSeizureItem) item = g_list_model_get_item (items, i);

      if (!validate_item (item, i + 1, codes, error))
        return FALSE;
    }

  for (guint i = 0; i < g_list_model_get_n_items (legs); i++)
    {
      g_autoptr(TarmacSeizureLeg) leg = g_list_model_get_item (legs, i);
      g_autofree char *f_role = g_strdup_printf ("route[%u].role", i + 1);
      g_autofree char *f_country = g_strdup_printf ("route[%u].country", i + 1);
      g_autofree char *f_airport = g_strdup_printf ("route[%u].airport", i + 1);

      tarmac_seizure_leg_set_seq (leg, (int) i + 1);
      if (!check_code (codes, "route_role", f_role, tarmac_seizure_leg_get_role (leg), TRUE,
                       error) ||
          !check_letters (f_country, tarmac_seizure_leg_get_country (leg), 2, TRUE, error) ||
          !check_letters (f_airport, tarmac_seizure_leg_get_airport (leg), 3, FALSE, error))
        return FALSE;
    }

  if (g_list_model_get_n_items (agencies) == 0)
    {
      g_set_error (error, TARMAC_SEIZURE_ERROR, TARMAC_SEIZURE_ERROR_INVALID,
                   _("%s: a seizure has a lead agency"), "agencies");
      return FALSE;
    }
  for (guint i = 0; i < g_list_model_get_n_items (agencies); i++)
    {
      g_autoptr(TarmacSeizureAgency) agency = g_list_model_get_item (agencies, i);
      g_autofree char *f_name = g_strdup_printf ("agencies[%u].agency", i + 1);
      g_autofree char *f_type = g_strdup_printf ("agencies[%u].type", i + 1);
      g_autofree char *f_role = g_strdup_printf ("agencies[%u].role", i + 1);
      const char *name = tarmac_seizure_agency_get_agency (agency);

      if (name == NULL || *name == '\0')
        {
          g_set_error (error, TARMAC_SEIZURE_ERROR, TARMAC_SEIZURE_ERROR_INVALID,
                       _("%s: this field is required"), f_name);
          return FALSE;
        }
      if (!check_text (f_name, name, 128, error) ||
          !check_code (codes, "agency_type", f_type, tarmac_seizure_agency_get_agency_type (agency),
                       TRUE, error) ||
          !check_code (codes, "agency_role", f_role, tarmac_seizure_agency_get_role (agency),
                       TRUE, error))
        return FALSE;
      if (g_str_equal (tarmac_seizure_agency_get_role (agency), "LEAD"))
        n_leads++;
      for (guint j = 0; j < i; j++)
        {
          g_autoptr(TarmacSeizureAgency) other = g_list_model_get_item (agencies, j);

          if (g_str_equal (tarmac_seizure_agency_get_agency (other), name))
            {
              g_set_error (error, TARMAC_SEIZURE_ERROR, TARMAC_SEIZURE_ERROR_INVALID,
                           _("%s: “%s” is listed twice"), f_name, name);
              return FALSE;
            }
        }
    }
  if (n_leads != 1)
    {
      g_set_error (error, TARMAC_SEIZURE_ERROR, TARMAC_SEIZURE_ERROR_INVALID,
                   _("%s: a seizure has exactly one lead agency, not %u"), "agencies", n_leads);
      return FALSE;
    }

  for (guint i = 0; i < g_list_model_get_n_items (persons); i++)
    {
      g_autoptr(TarmacSeizurePerson) person = g_list_model_get_item (persons, i);
      g_autofree char *f_role = g_strdup_printf ("persons[%u].role", i + 1);
      g_autofree char *f_nationality = g_strdup_printf ("persons[%u].nationality", i + 1);
      g_autofree char *f_sex = g_strdup_printf ("persons[%u].sex", i + 1);
      g_autofree char *f_age = g_strdup_printf ("persons[%u].age_band", i + 1);

      if (!check_code (codes, "person_role", f_role, tarmac_seizure_person_get_role (person),
                       TRUE, error) ||
          !check_letters (f_nationality, tarmac_seizure_person_get_nationality (person), 2,
                          FALSE, error) ||
          !check_code (codes, "sex", f_sex, tarmac_seizure_person_get_sex (person), FALSE,
                       error) ||
          !check_code (codes, "age_band", f_age, tarmac_seizure_person_get_age_band (person),
                       FALSE, error))
        return FALSE;
    }

  for (guint i = 0; i < g_list_model_get_n_items (attachments); i++)
    {
      g_autoptr(TarmacSeizureAttachment) attachment = g_list_model_get_item (attachments, i);
      g_autofree char *f_kind = g_strdup_printf ("attachments[%u].kind", i + 1);
      g_autofree char *f_name = g_strdup_printf ("attachments[%u].file_name", i + 1);
      g_autofree char *f_data = g_strdup_printf ("attachments[%u].data", i + 1);
      const char *name = tarmac_seizure_attachment_get_file_name (attachment);
      gint64 size = tarmac_seizure_attachment_get_size (attachment);
      const char *image_type;

      if (!check_code (codes, "attachment_kind", f_kind,
                       tarmac_seizure_attachment_get_kind (attachment), TRUE, error))
        return FALSE;
      if (name == NULL || *name == '\0' || strlen (name) > 255 || strchr (name, '/') != NULL ||
          !g_utf8_validate (name, -1, NULL))
        {
          g_set_error (error, TARMAC_SEIZURE_ERROR, TARMAC_SEIZURE_ERROR_INVALID,
                       _("%s: a file name without folders is required"), f_name);
          return FALSE;
        }
      if (tarmac_seizure_attachment_get_sha256 (attachment) == NULL || size <= 0 ||
          size > MAX_ATTACHMENT)
        {
          g_set_error (error, TARMAC_SEIZURE_ERROR, TARMAC_SEIZURE_ERROR_INVALID,
                       _("%s: the file is empty or larger than 32 MB"), f_data);
          return FALSE;
        }
      /* A photo's type is what its bytes say, whatever the file was called. */
      if (tarmac_seizure_attachment_get_data (attachment) != NULL &&
          (image_type = tarmac_seizure_image_sniff (tarmac_seizure_attachment_get_data (attachment),
                                                    NULL, NULL)) != NULL)
        tarmac_seizure_attachment_set_mime_type (attachment, image_type);
      else if (tarmac_seizure_attachment_get_mime_type (attachment) == NULL)
        {
          g_autofree char *type = g_content_type_guess (name, NULL, 0, NULL);
          g_autofree char *mime = g_content_type_get_mime_type (type);

          tarmac_seizure_attachment_set_mime_type (attachment,
                                                   mime != NULL ? mime : "application/octet-stream");
        }
    }

  return TRUE;
}
