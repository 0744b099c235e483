/* tarmac-screen-format.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-screen-format"

#include "config.h"

#include <glib/gi18n.h>

#include "tarmac-format.h"
#include "tarmac-screen-format.h"
#include "tarmac-watchlist-entry.h"

/* Words for the ids the screening core stores: list kinds and sources, hit statuses,
 * name qualities, scripts, DOB forms. */

const char *
tarmac_screen_format_list_kind (const char *kind)
{
  if (g_strcmp0 (kind, "documents") == 0)
    return _("Documents");
  if (g_strcmp0 (kind, "lookouts") == 0)
    return _("Lookouts");
  return _("Persons");
}

const char *
tarmac_screen_format_list_source (const char *source)
{
  if (g_strcmp0 (source, "un") == 0)
    return _("UN Security Council");
  if (g_strcmp0 (source, "ofac") == 0)
    return _("OFAC SDN");
  if (g_strcmp0 (source, "tarmac-csv") == 0)
    return _("National list (CSV)");
  if (g_strcmp0 (source, "documents-csv") == 0)
    return _("Stolen and lost documents (CSV)");
  if (g_strcmp0 (source, TARMAC_WATCHLIST_SOURCE_MANUAL) == 0)
    return _("Entered in Tarmac");
  return source != NULL ? source : "";
}

/* The manual list is stored under an English name; officers read it in their language. */
const char *
tarmac_screen_format_list_name (TarmacWatchlist *list)
{
  if (tarmac_watchlist_is_manual (list) &&
      g_strcmp0 (tarmac_watchlist_get_name (list), TARMAC_WATCHLIST_MANUAL_NAME) == 0)
    return _("Manual Entries");
  return tarmac_watchlist_get_name (list);
}

const char *
tarmac_screen_format_hit_status (const char *status)
{
  static const struct { const char *id; const char *label; } labels[] = {
    { "new", N_("New") },
    { "in_review", N_("In review") },
    { "cleared", N_("Cleared") },
    { "referred", N_("Referred") },
    { "controlled_positive", N_("Controlled: positive") },
    { "controlled_negative", N_("Controlled: negative") },
    { "not_controlled", N_("Not controlled") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (status, labels[i].id) == 0)
      return _(labels[i].label);
  return status != NULL ? status : "";
}

/* The label of the button that moves a hit to @status. */
const char *
tarmac_screen_format_hit_action (const char *status)
{
  static const struct { const char *id; const char *label; } labels[] = {
    { "in_review", N_("Start Review") },
    { "cleared", N_("Clear") },
    { "referred", N_("Refer") },
    { "controlled_positive", N_("Controlled: Positive") },
    { "controlled_negative", N_("Controlled: Negative") },
    { "not_controlled", N_("Not Controlled") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (status, labels[i].id) == 0)
      return _(labels[i].label);
  return status != NULL ? status : "";
}

const char *
tarmac_screen_format_name_quality (TarmacNameQuality quality)
{
  switch (quality)
    {
    case TARMAC_NAME_QUALITY_PRIMARY:
      return _("Primary name");
    case TARMAC_NAME_QUALITY_WEAK:
      /* Translators: a low-quality alias, which only matches exactly */
      return _("Weak alias");
    case TARMAC_NAME_QUALITY_STRONG:
    default:
      return _("Alias");
    }
}

const char *
tarmac_screen_format_script (const char *script)
{
  if (script == NULL)
    return NULL;
  if (g_str_equal (script, "arabic"))
    return _("Arabic script");
  if (g_str_equal (script, "cyrillic"))
    return _("Cyrillic script");
  if (g_str_equal (script, "greek"))
    return _("Greek script");
  if (g_str_equal (script, "han"))
    return _("Chinese script");
  return script;
}

char *
tarmac_screen_format_dob (const TarmacDob *dob)
{
  switch (dob->kind)
    {
    case TARMAC_DOB_EXACT:
      {
        g_autofree char *day = g_strdup_printf ("%04u-%02u-%02u", dob->year_from, dob->month,
                                                dob->day);
        char *date = tarmac_format_date (day);

        return date != NULL ? date : g_steal_pointer (&day);
      }
    case TARMAC_DOB_MONTH:
      /* Translators: a date of birth known to the month: year, then month */
      return g_strdup_printf (_("%04u-%02u (month only)"), dob->year_from, dob->month);
    case TARMAC_DOB_APPROXIMATE:
      /* Translators: a date of birth given as "about a year" */
      return g_strdup_printf (_("About %04u"), dob->year_from);
    case TARMAC_DOB_RANGE:
      /* Translators: a date of birth given as a range of years */
      return g_strdup_printf (_("Between %04u and %04u"), dob->year_from, dob->year_to);
    case TARMAC_DOB_YEAR:
    default:
      /* Translators: a date of birth known to the year */
      return g_strdup_printf (_("%04u (year only)"), dob->year_from);
    }
}

/* "1966-01-25|~1960" or "AFG|PAK", as the store keeps them, for a table cell. */
char *
tarmac_screen_format_stored_list (const char *stored)
{
  g_auto(GStrv) parts = NULL;

  if (stored == NULL || *stored == '\0')
    return g_strdup ("");
  parts = g_strsplit (stored, "|", -1);
  return g_strjoinv (", ", parts);
}

const char *
tarmac_screen_format_document_type (const char *type)
{
  if (g_strcmp0 (type, "passport") == 0)
    return _("Passport");
  if (g_strcmp0 (type, "national_id") == 0)
    return _("National identity card");
  if (g_strcmp0 (type, "visa") == 0)
    return _("Visa");
  return _("Document");
}
