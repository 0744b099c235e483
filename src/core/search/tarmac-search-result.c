/* tarmac-search-result.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-search"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tarmac-enums.h"
#include "tarmac-search-result.h"

/* One traveller a search found, and why. */
struct _TarmacSearchResult
{
  GObject            parent_instance;

  /* Owned */
  TarmacTraveller   *traveller;

  TarmacSearchMatch  match;
  guint              distance;
  guint              words_matched;
  guint              words_total;
};

G_DEFINE_FINAL_TYPE (TarmacSearchResult, tarmac_search_result, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TRAVELLER,
  PROP_MATCH,
  PROP_DISTANCE,
  PROP_WORDS_MATCHED,
  PROP_WORDS_TOTAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
tarmac_search_result_dispose (GObject *object)
{
  TarmacSearchResult *self = (TarmacSearchResult *)object;

  g_clear_object (&self->traveller);

  G_OBJECT_CLASS (tarmac_search_result_parent_class)->dispose (object);
}

static void
tarmac_search_result_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  TarmacSearchResult *self = TARMAC_SEARCH_RESULT (object);

  switch (prop_id)
    {
    case PROP_TRAVELLER:
      g_value_set_object (value, self->traveller);
      break;
    case PROP_MATCH:
      g_value_set_enum (value, self->match);
      break;
    case PROP_DISTANCE:
      g_value_set_uint (value, self->distance);
      break;
    case PROP_WORDS_MATCHED:
      g_value_set_uint (value, self->words_matched);
      break;
    case PROP_WORDS_TOTAL:
      g_value_set_uint (value, self->words_total);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tarmac_search_result_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  TarmacSearchResult *self = TARMAC_SEARCH_RESULT (object);

  switch (prop_id)
    {
    case PROP_TRAVELLER:
      g_set_object (&self->traveller, g_value_get_object (value));
      break;
    case PROP_MATCH:
      self->match = g_value_get_enum (value);
      break;
    case PROP_DISTANCE:
      self->distance = g_value_get_uint (value);
      break;
    case PROP_WORDS_MATCHED:
      self->words_matched = g_value_get_uint (value);
      break;
    case PROP_WORDS_TOTAL:
      self->words_total = g_value_get_uint (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tarmac_search_result_class_init (TarmacSearchResultClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = tarmac_search_result_dispose;
  object_class->get_property = tarmac_search_result_get_property;
  object_class->set_property = tarmac_search_result_set_property;

  properties[PROP_TRAVELLER] =
    g_param_spec_object ("traveller", NULL, NULL, TARMAC_TYPE_TRAVELLER, flags);
  properties[PROP_MATCH] =
    g_param_spec_enum ("match", NULL, NULL, TARMAC_TYPE_SEARCH_MATCH,
                       TARMAC_SEARCH_MATCH_NAME, flags);
  properties[PROP_DISTANCE] =
    g_param_spec_uint ("distance", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_WORDS_MATCHED] =
    g_param_spec_uint ("words-matched", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_WORDS_TOTAL] =
    g_param_spec_uint ("words-total", NULL, NULL, 0, G_MAXUINT, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tarmac_search_result_init (TarmacSearchResult *self)
{
}

TarmacTraveller *
tarmac_search_result_get_traveller (TarmacSearchResult *self)
{
  g_return_val_if_fail (TARMAC_IS_SEARCH_RESULT (self), NULL);

  return self->traveller;
}

TarmacSearchMatch
tarmac_search_result_get_match (TarmacSearchResult *self)
{
  g_return_val_if_fail (TARMAC_IS_SEARCH_RESULT (self), TARMAC_SEARCH_MATCH_NAME);

  return self->match;
}

guint
tarmac_search_result_get_distance (TarmacSearchResult *self)
{
  g_return_val_if_fail (TARMAC_IS_SEARCH_RESULT (self), 0);

  return self->distance;
}

guint
tarmac_search_result_get_words_matched (TarmacSearchResult *self)
{
  g_return_val_if_fail (TARMAC_IS_SEARCH_RESULT (self), 0);

  return self->words_matched;
}

guint
tarmac_search_result_get_words_total (TarmacSearchResult *self)
{
  g_return_val_if_fail (TARMAC_IS_SEARCH_RESULT (self), 0);

  return self->words_total;
}

/**
 * tarmac_search_result_describe_match:
 * @self: a #TarmacSearchResult
 *
 * Returns: (transfer full): why the traveller was found, for the officer ("name, 1 letter
 *   different", "document", "PNR")
 */
char *
tarmac_search_result_describe_match (TarmacSearchResult *self)
{
  g_return_val_if_fail (TARMAC_IS_SEARCH_RESULT (self), NULL);

  switch (self->match)
    {
    case TARMAC_SEARCH_MATCH_NAME:
      return g_strdup (C_("search match", "name"));
    case TARMAC_SEARCH_MATCH_NAME_PREFIX:
      return g_strdup (C_("search match", "name, beginning of a word"));
    case TARMAC_SEARCH_MATCH_NAME_FUZZY:
      return g_strdup_printf (ngettext ("name, %u letter different",
                                        "name, %u letters different", self->distance),
                              self->distance);
    case TARMAC_SEARCH_MATCH_NAME_PARTIAL:
      /* Translators: "name, 1 of 2 words" */
      return g_strdup_printf (ngettext ("name, %u of %u word", "name, %u of %u words",
                                        self->words_total),
                              self->words_matched, self->words_total);
    case TARMAC_SEARCH_MATCH_DOCUMENT:
      return g_strdup (C_("search match", "document"));
    case TARMAC_SEARCH_MATCH_DOCUMENT_PREFIX:
      return g_strdup (C_("search match", "beginning of a document number"));
    case TARMAC_SEARCH_MATCH_LOCATOR:
      return g_strdup (C_("search match", "PNR"));
    case TARMAC_SEARCH_MATCH_PHONE:
      return g_strdup (C_("search match", "phone"));
    case TARMAC_SEARCH_MATCH_EMAIL:
      return g_strdup (C_("search match", "e-mail"));
    default:
      g_return_val_if_reached (g_strdup (""));
    }
}

/**
 * tarmac_search_match_to_id:
 * @match: a #TarmacSearchMatch
 *
 * Returns: the stable identifier used in `tarmac-cli search --json`
 */
const char *
tarmac_search_match_to_id (TarmacSearchMatch match)
{
  switch (match)
    {
    case TARMAC_SEARCH_MATCH_NAME:
      return "name";
    case TARMAC_SEARCH_MATCH_NAME_PREFIX:
      return "name-prefix";
    case TARMAC_SEARCH_MATCH_NAME_FUZZY:
      return "name-fuzzy";
    case TARMAC_SEARCH_MATCH_NAME_PARTIAL:
      return "name-partial";
    case TARMAC_SEARCH_MATCH_DOCUMENT:
      return "document";
    case TARMAC_SEARCH_MATCH_DOCUMENT_PREFIX:
      return "document-prefix";
    case TARMAC_SEARCH_MATCH_LOCATOR:
      return "locator";
    case TARMAC_SEARCH_MATCH_PHONE:
      return "phone";
    case TARMAC_SEARCH_MATCH_EMAIL:
      return "email";
    default:
      return "unknown";
    }
}
