/* tarmac-watchlist-data.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-watchlist"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "tarmac-countries.h"
#include "tarmac-translit.h"
#include "tarmac-watchlist-data.h"

G_DEFINE_QUARK (tarmac-watchlist-error-quark, tarmac_watchlist_error)

static void
name_free (TarmacWatchlistName *name)
{
  g_free (name->name);
  g_free (name->script);
  g_free (name);
}

static void
document_free (TarmacWatchlistDocument *document)
{
  g_free (document->type);
  g_free (document->number);
  g_free (document->number_normalised);
  g_free (document->issuing_country);
  g_free (document->status);
  g_free (document->note);
  g_free (document);
}

TarmacWatchlistData *
tarmac_watchlist_data_new (const char *source,
                           const char *default_name,
                           const char *kind)
{
  TarmacWatchlistData *data = g_new0 (TarmacWatchlistData, 1);

  data->source = g_strdup (source);
  data->default_name = g_strdup (default_name);
  data->kind = g_strdup (kind);
  data->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) tarmac_watchlist_entry_free);
  data->warnings = g_ptr_array_new_with_free_func (g_free);
  return data;
}

void
tarmac_watchlist_data_free (TarmacWatchlistData *data)
{
  if (data == NULL)
    return;
  g_free (data->source);
  g_free (data->default_name);
  g_free (data->kind);
  g_free (data->version);
  g_ptr_array_unref (data->entries);
  g_ptr_array_unref (data->warnings);
  g_free (data);
}

TarmacWatchlistEntry *
tarmac_watchlist_entry_new (const char *external_id,
                            const char *kind)
{
  TarmacWatchlistEntry *entry = g_new0 (TarmacWatchlistEntry, 1);

  entry->external_id = g_strdup (external_id);
  entry->kind = g_strdup (kind);
  entry->names = g_ptr_array_new_with_free_func ((GDestroyNotify) name_free);
  entry->dobs = g_array_new (FALSE, TRUE, sizeof (TarmacDob));
  entry->nationalities = g_ptr_array_new_with_free_func (g_free);
  entry->documents = g_ptr_array_new_with_free_func ((GDestroyNotify) document_free);
  entry->addresses = g_ptr_array_new_with_free_func (g_free);
  return entry;
}

void
tarmac_watchlist_entry_free (TarmacWatchlistEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->external_id);
  g_free (entry->kind);
  g_ptr_array_unref (entry->names);
  g_array_unref (entry->dobs);
  g_ptr_array_unref (entry->nationalities);
  g_free (entry->sex);
  g_ptr_array_unref (entry->documents);
  g_free (entry->reference);
  g_free (entry->category);
  g_free (entry->listed_on);
  g_free (entry->reason);
  g_free (entry->expires_at);
  g_ptr_array_unref (entry->addresses);
  g_free (entry);
}

/**
 * tarmac_watchlist_clean_text:
 *
 * Collapses runs of white space into one space and trims the ends: the UN list wraps
 * long values over lines.
 *
 * Returns: (transfer full): the cleaned text
 */
char *
tarmac_watchlist_clean_text (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/**
 * tarmac_watchlist_entry_add_name:
 *
 * Adds a name unless it is empty or already there; notes its script when not Latin.
 */
void
tarmac_watchlist_entry_add_name (TarmacWatchlistEntry *entry,
                                 const char           *name,
                                 TarmacNameQuality     quality)
{
  g_autofree char *clean = NULL;
  TarmacWatchlistName *item;
  TarmacScript script;

  if (name == NULL || !g_utf8_validate (name, -1, NULL))
    return;
  clean = tarmac_watchlist_clean_text (name);
  if (clean[0] == '\0' || strlen (clean) > 512 || entry->names->len >= TARMAC_WATCHLIST_MAX_NAMES)
    return;

  for (guint i = 0; i < entry->names->len; i++)
    {
      TarmacWatchlistName *other = g_ptr_array_index (entry->names, i);

      if (g_utf8_collate (other->name, clean) == 0 || g_ascii_strcasecmp (other->name, clean) == 0)
        return;
    }

  item = g_new0 (TarmacWatchlistName, 1);
  item->name = g_steal_pointer (&clean);
  item->quality = quality;
  script = tarmac_translit_script (item->name);
  if (script != TARMAC_SCRIPT_LATIN)
    item->script = g_strdup (tarmac_script_to_id (script));
  g_ptr_array_add (entry->names, item);
}

/**
 * tarmac_watchlist_entry_add_nationality:
 * @country: an ISO 3166 code or a country's English name
 *
 * Adds the country as its alpha-3 code when known, as written otherwise.
 */
void
tarmac_watchlist_entry_add_nationality (TarmacWatchlistEntry *entry,
                                        const char           *country)
{
  g_autofree char *clean = NULL;
  const char *code;

  if (country == NULL || !g_utf8_validate (country, -1, NULL))
    return;
  clean = tarmac_watchlist_clean_text (country);
  if (clean[0] == '\0' || entry->nationalities->len >= 32)
    return;

  code = tarmac_country_lookup (clean);
  if (code == NULL && strlen (clean) < 3)
    return;
  for (guint i = 0; i < entry->nationalities->len; i++)
    if (g_str_equal (g_ptr_array_index (entry->nationalities, i), code != NULL ? code : clean))
      return;
  g_ptr_array_add (entry->nationalities, code != NULL ? g_strdup (code) : g_steal_pointer (&clean));
}

TarmacWatchlistDocument *
tarmac_watchlist_entry_add_document (TarmacWatchlistEntry *entry,
                                     const char           *type,
                                     const char           *number,
                                     const char           *country)
{
  TarmacWatchlistDocument *document;
  g_autofree char *normalised = NULL;

  if (number == NULL || !g_utf8_validate (number, -1, NULL) || entry->documents->len >= 64)
    return NULL;
  normalised = tarmac_document_normalise (number);
  if (normalised[0] == '\0')
    return NULL;

  document = g_new0 (TarmacWatchlistDocument, 1);
  document->type = tarmac_document_type_normalise (type);
  document->number = tarmac_watchlist_clean_text (number);
  document->number_normalised = g_steal_pointer (&normalised);
  if (country != NULL && g_utf8_validate (country, -1, NULL))
    {
      g_autofree char *clean = tarmac_watchlist_clean_text (country);
      const char *code = tarmac_country_lookup (clean);

      if (clean[0] != '\0')
        document->issuing_country = code != NULL ? g_strdup (code) : g_steal_pointer (&clean);
    }
  g_ptr_array_add (entry->documents, document);
  return document;
}

/**
 * tarmac_document_type_normalise:
 * @type: (nullable): a document type as a list writes it, in any language
 *
 * Returns: (transfer full): passport, national_id, visa or other
 */
char *
tarmac_document_type_normalise (const char *type)
{
  g_autofree char *lower = NULL;

  if (type == NULL)
    return g_strdup ("other");
  lower = g_utf8_casefold (type, -1);
  if (strstr (lower, "passport") != NULL || strstr (lower, "passeport") != NULL ||
      strstr (lower, "pasaporte") != NULL || strstr (lower, "passaporte") != NULL ||
      g_str_equal (lower, "p"))
    return g_strdup ("passport");
  if (strstr (lower, "visa") != NULL || g_str_equal (lower, "v"))
    return g_strdup ("visa");
  if (strstr (lower, "identi") != NULL || strstr (lower, "national id") != NULL ||
      strstr (lower, "cedula") != NULL || strstr (lower, "cédula") != NULL ||
      strstr (lower, "id card") != NULL || g_str_equal (lower, "i") ||
      g_str_equal (lower, "id"))
    return g_strdup ("national_id");
  return g_strdup ("other");
}

/**
 * tarmac_document_normalise:
 * @number: a document number as written
 *
 * Upper-case letters and digits only: "SE-011697", "se 011697" and "SE011697" are one
 * number (research/screening.md §4.1). OCR confusions are the index's business.
 *
 * Returns: (transfer full): the normalised number, possibly empty
 */
char *
tarmac_document_normalise (const char *number)
{
  GString *out = g_string_new (NULL);

  for (const char *p = number; *p != '\0' && out->len < 35; p++)
    if (g_ascii_isalnum (*p))
      g_string_append_c (out, g_ascii_toupper (*p));
  return g_string_free (out, FALSE);
}

static const char *const month_names[] = {
  "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
};

static guint
parse_month (const char *word)
{
  g_autofree char *lower = g_ascii_strdown (word, -1);

  for (guint i = 0; i < G_N_ELEMENTS (month_names); i++)
    if (g_str_has_prefix (lower, month_names[i]))
      return i + 1;
  return 0;
}

static gboolean
parse_year (const char *word,
            guint16    *year)
{
  char *end = NULL;
  guint64 value;

  if (strlen (word) != 4 || !g_ascii_isdigit (word[0]))
    return FALSE;
  value = g_ascii_strtoull (word, &end, 10);
  if (end == NULL || *end != '\0' || value < 1800 || value > 2200)
    return FALSE;
  *year = value;
  return TRUE;
}

/* One date: YYYY-MM-DD, YYYY-MM, YYYY, DD Mon YYYY, Mon YYYY, DD/MM/YYYY. */
static gboolean
parse_one_date (const char *text,
                TarmacDob  *dob)
{
  g_auto(GStrv) words = NULL;
  guint n;

  memset (dob, 0, sizeof *dob);
  if (strlen (text) >= 7 && text[4] == '-')
    {
      g_auto(GStrv) parts = g_strsplit (text, "-", 3);
      guint month = 0, day = 0;

      if (!parse_year (parts[0], &dob->year_from))
        return FALSE;
      month = parts[1] != NULL ? atoi (parts[1]) : 0;
      day = parts[1] != NULL && parts[2] != NULL ? atoi (parts[2]) : 0;
      if (month < 1 || month > 12 || day > 31)
        return FALSE;
      dob->month = month;
      dob->day = day;
      dob->kind = day > 0 ? TARMAC_DOB_EXACT : TARMAC_DOB_MONTH;
      dob->year_to = dob->year_from;
      return TRUE;
    }

  if (strchr (text, '/') != NULL)
    {
      g_auto(GStrv) parts = g_strsplit (text, "/", 3);

      if (g_strv_length (parts) == 3 && parse_year (parts[2], &dob->year_from))
        {
          guint day = atoi (parts[0]), month = atoi (parts[1]);

          if (day < 1 || day > 31 || month < 1 || month > 12)
            return FALSE;
          dob->kind = TARMAC_DOB_EXACT;
          dob->day = day;
          dob->month = month;
          dob->year_to = dob->year_from;
          return TRUE;
        }
      return FALSE;
    }

  words = g_strsplit_set (text, " ", -1);
  n = g_strv_length (words);
  if (n == 1 && parse_year (words[0], &dob->year_from))
    dob->kind = TARMAC_DOB_YEAR;
  else if (n == 2 && parse_month (words[0]) > 0 && parse_year (words[1], &dob->year_from))
    {
      dob->kind = TARMAC_DOB_MONTH;
      dob->month = parse_month (words[0]);
    }
  else if (n == 3 && parse_month (words[1]) > 0 && parse_year (words[2], &dob->year_from))
    {
      guint day = atoi (words[0]);

      if (day < 1 || day > 31)
        return FALSE;
      dob->kind = TARMAC_DOB_EXACT;
      dob->day = day;
      dob->month = parse_month (words[1]);
    }
  else
    return FALSE;

  dob->year_to = dob->year_from;
  return TRUE;
}

/**
 * tarmac_dob_parse:
 * @text: a date of birth as lists write it
 * @dob: (out): the parsed form
 *
 * Reads the forms of research/screening.md §4: ISO dates and partial dates (YYYY-MM-DD,
 * YYYY-MM, YYYY), OFAC's "19 Jun 1951", "Jun 1951", "circa 1960", "1960 to 1962" and "01
 * Jan 1960 to 31 Dec 1962", and intervals "1960/1962".
 *
 * Returns: %TRUE when @text was understood
 */
gboolean
tarmac_dob_parse (const char *text,
                  TarmacDob  *dob)
{
  g_autofree char *clean = NULL;
  const char *body;
  gboolean approximate = FALSE;
  char *sep;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return FALSE;
  clean = tarmac_watchlist_clean_text (text);
  body = clean;

  {
    static const char *const approx[] = { "circa ", "approximately ", "approx. ", "approx ",
                                          "about ", "ca. ", "c. ", "~" };

    for (guint i = 0; i < G_N_ELEMENTS (approx); i++)
      if (g_ascii_strncasecmp (body, approx[i], strlen (approx[i])) == 0)
        {
          approximate = TRUE;
          body += strlen (approx[i]);
          break;
        }
  }

  sep = strstr (body, " to ");
  if (sep == NULL && strlen (body) == 9 && body[4] == '/')
    sep = (char *) body + 4;
  if (sep != NULL)
    {
      g_autofree char *first = g_strndup (body, sep - body);
      const char *second = sep + (*sep == '/' ? 1 : 4);
      TarmacDob from, to;

      if (!parse_one_date (first, &from) || !parse_one_date (second, &to) ||
          to.year_from < from.year_from)
        return FALSE;
      memset (dob, 0, sizeof *dob);
      dob->kind = TARMAC_DOB_RANGE;
      dob->year_from = from.year_from;
      dob->year_to = to.year_from;
      return TRUE;
    }

  if (!parse_one_date (body, dob))
    return FALSE;
  if (approximate)
    dob->kind = TARMAC_DOB_APPROXIMATE;
  return TRUE;
}

/**
 * tarmac_dob_to_string:
 *
 * The canonical text of a DOB form: "1966-01-25", "1966-01", "1966", "~1960", "1960/1962".
 *
 * Returns: (transfer full): the text
 */
char *
tarmac_dob_to_string (const TarmacDob *dob)
{
  switch (dob->kind)
    {
    case TARMAC_DOB_EXACT:
      return g_strdup_printf ("%04u-%02u-%02u", dob->year_from, dob->month, dob->day);
    case TARMAC_DOB_MONTH:
      return g_strdup_printf ("%04u-%02u", dob->year_from, dob->month);
    case TARMAC_DOB_APPROXIMATE:
      return g_strdup_printf ("~%04u", dob->year_from);
    case TARMAC_DOB_RANGE:
      return g_strdup_printf ("%04u/%04u", dob->year_from, dob->year_to);
    case TARMAC_DOB_YEAR:
    default:
      return g_strdup_printf ("%04u", dob->year_from);
    }
}

const char *
tarmac_dob_kind_to_id (TarmacDobKind kind)
{
  switch (kind)
    {
    case TARMAC_DOB_EXACT:
      return "exact";
    case TARMAC_DOB_MONTH:
      return "month";
    case TARMAC_DOB_APPROXIMATE:
      return "approximate";
    case TARMAC_DOB_RANGE:
      return "range";
    case TARMAC_DOB_YEAR:
    default:
      return "year";
    }
}

const char *
tarmac_name_quality_to_id (TarmacNameQuality quality)
{
  switch (quality)
    {
    case TARMAC_NAME_QUALITY_PRIMARY:
      return "primary";
    case TARMAC_NAME_QUALITY_WEAK:
      return "weak";
    case TARMAC_NAME_QUALITY_STRONG:
    default:
      return "strong";
    }
}

/**
 * tarmac_watchlist_entry_hash:
 *
 * A digest of everything stored about @entry, so that re-loading a list tells changed
 * entries from unchanged ones.
 *
 * Returns: (transfer full): the SHA-256 in hex
 */
char *
tarmac_watchlist_entry_hash (const TarmacWatchlistEntry *entry)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  const char *fields[] = { entry->kind, entry->sex, entry->reference, entry->category,
                           entry->listed_on, entry->reason, entry->expires_at };

#define FEED(s) G_STMT_START { const char *v_ = (s) ? (s) : "\x01"; \
    g_checksum_update (checksum, (const guchar *) v_, strlen (v_) + 1); } G_STMT_END

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    FEED (fields[i]);
  for (guint i = 0; i < entry->names->len; i++)
    {
      TarmacWatchlistName *name = g_ptr_array_index (entry->names, i);

      FEED ("name");
      FEED (name->name);
      FEED (tarmac_name_quality_to_id (name->quality));
    }
  for (guint i = 0; i < entry->dobs->len; i++)
    {
      g_autofree char *dob = tarmac_dob_to_string (&g_array_index (entry->dobs, TarmacDob, i));

      FEED ("dob");
      FEED (dob);
    }
  for (guint i = 0; i < entry->nationalities->len; i++)
    {
      FEED ("nationality");
      FEED (g_ptr_array_index (entry->nationalities, i));
    }
  for (guint i = 0; i < entry->documents->len; i++)
    {
      TarmacWatchlistDocument *document = g_ptr_array_index (entry->documents, i);

      FEED ("document");
      FEED (document->type);
      FEED (document->number);
      FEED (document->issuing_country);
      FEED (document->status);
      FEED (document->note);
    }
  for (guint i = 0; i < entry->addresses->len; i++)
    {
      FEED ("address");
      FEED (g_ptr_array_index (entry->addresses, i));
    }
#undef FEED

  return g_strdup (g_checksum_get_string (checksum));
}
