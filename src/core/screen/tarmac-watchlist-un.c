/* tarmac-watchlist-un.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-watchlist"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "tarmac-translit.h"
#include "tarmac-watchlist-data.h"

/*
 * The UN Security Council Consolidated List XML (research/screening.md §4.1), read with
 * GMarkup as a stream, bounded in depth, element count and text length, with DOCTYPE and
 * entity declarations refused.
 *
 * Kept: every name (FIRST..FOURTH_NAME joined as the primary name, NAME_ORIGINAL_SCRIPT,
 * every alias with its quality — Good is strong, Low is weak), every DOB form (EXACT date or
 * year, APPROXIMATELY, BETWEEN), nationalities (country names mapped to ISO codes),
 * documents with number, type and issuing country, gender, regime, reference, listing date.
 */

#define MAX_DEPTH    32
#define MAX_ELEMENTS (G_GUINT64_CONSTANT (200) * 1000 * 1000)
#define MAX_TEXT     (64 * 1024)

typedef struct
{
  TarmacWatchlistData  *data;
  const char           *file_name;
  char                 *stack[MAX_DEPTH];
  guint                 depth;
  guint64               n_elements;
  GString              *text;

  TarmacWatchlistEntry *entry;
  char                 *name_parts[4];

  /* the sub-record being read */
  char                 *quality;
  char                 *alias;
  char                 *date_type;
  char                 *date;
  char                 *year;
  char                 *from_year;
  char                 *to_year;
  char                 *doc_type;
  char                 *doc_number;
  char                 *doc_country;
  char                 *doc_note;
  char                 *address[4];
} UnParser;

static void
clear_record (UnParser *self)
{
  g_clear_pointer (&self->quality, g_free);
  g_clear_pointer (&self->alias, g_free);
  g_clear_pointer (&self->date_type, g_free);
  g_clear_pointer (&self->date, g_free);
  g_clear_pointer (&self->year, g_free);
  g_clear_pointer (&self->from_year, g_free);
  g_clear_pointer (&self->to_year, g_free);
  g_clear_pointer (&self->doc_type, g_free);
  g_clear_pointer (&self->doc_number, g_free);
  g_clear_pointer (&self->doc_country, g_free);
  g_clear_pointer (&self->doc_note, g_free);
  for (guint i = 0; i < G_N_ELEMENTS (self->address); i++)
    g_clear_pointer (&self->address[i], g_free);
}

static const char *
parent_of (UnParser *self,
           guint     up)
{
  return self->depth > up ? self->stack[self->depth - 1 - up] : "";
}

static void
start_element (GMarkupParseContext  *context,
               const char           *element,
               const char          **attribute_names,
               const char          **attribute_values,
               gpointer              user_data,
               GError              **error)
{
  UnParser *self = user_data;

  if (self->depth >= MAX_DEPTH || ++self->n_elements > MAX_ELEMENTS)
    {
      g_set_error (error, TARMAC_WATCHLIST_ERROR, TARMAC_WATCHLIST_ERROR_TOO_LARGE,
                   _("elements are nested too deep, or too many"));
      return;
    }
  self->stack[self->depth++] = g_strdup (element);
  g_string_truncate (self->text, 0);

  if (self->depth == 1)
    {
      if (!g_str_equal (element, "CONSOLIDATED_LIST"))
        {
          g_set_error (error, TARMAC_WATCHLIST_ERROR, TARMAC_WATCHLIST_ERROR_FORMAT,
                       _("this is not a UN Consolidated List (the root element is “%s”)"),
                       element);
          return;
        }
      for (guint i = 0; attribute_names[i] != NULL; i++)
        if (g_str_equal (attribute_names[i], "dateGenerated"))
          {
            g_free (self->data->version);
            self->data->version = g_strdup (attribute_values[i]);
          }
      return;
    }

  if (g_str_equal (element, "INDIVIDUAL") || g_str_equal (element, "ENTITY"))
    {
      if (self->data->entries->len >= TARMAC_WATCHLIST_MAX_ENTRIES)
        {
          g_set_error (error, TARMAC_WATCHLIST_ERROR, TARMAC_WATCHLIST_ERROR_TOO_LARGE,
                       _("more than %u entries"), (guint) TARMAC_WATCHLIST_MAX_ENTRIES);
          return;
        }
      g_clear_pointer (&self->entry, tarmac_watchlist_entry_free);
      self->entry = tarmac_watchlist_entry_new (NULL, g_str_equal (element, "INDIVIDUAL")
                                                        ? "person" : "entity");
      for (guint i = 0; i < G_N_ELEMENTS (self->name_parts); i++)
        g_clear_pointer (&self->name_parts[i], g_free);
    }
  else if (g_str_has_suffix (element, "_ALIAS") || g_str_has_suffix (element, "_DATE_OF_BIRTH") ||
           g_str_has_suffix (element, "_DOCUMENT") || g_str_has_suffix (element, "_ADDRESS"))
    clear_record (self);
}

static void
set_field (char       **field,
           const char  *text)
{
  g_free (*field);
  *field = tarmac_watchlist_clean_text (text);
}

static void
finish_dob (UnParser *self)
{
  TarmacDob dob = { 0 };
  gboolean ok = FALSE;
  const char *type = self->date_type != NULL ? self->date_type : "";

  if (g_str_equal (type, "BETWEEN") && self->from_year != NULL && self->to_year != NULL)
    {
      g_autofree char *range = g_strdup_printf ("%s to %s", self->from_year, self->to_year);

      ok = tarmac_dob_parse (range, &dob);
    }
  else if (self->date != NULL && self->date[0] != '\0')
    ok = tarmac_dob_parse (self->date, &dob);
  else if (self->year != NULL && self->year[0] != '\0')
    ok = tarmac_dob_parse (self->year, &dob);

  if (!ok)
    return;
  if (g_str_equal (type, "APPROXIMATELY"))
    dob.kind = TARMAC_DOB_APPROXIMATE;
  g_array_append_val (self->entry->dobs, dob);
}

static void
finish_document (UnParser *self)
{
  TarmacWatchlistDocument *document;

  if (self->doc_number == NULL || self->doc_number[0] == '\0')
    return;
  document = tarmac_watchlist_entry_add_document (self->entry, self->doc_type, self->doc_number,
                                                  self->doc_country);
  if (document != NULL && self->doc_note != NULL && self->doc_note[0] != '\0')
    document->note = g_strdup (self->doc_note);
}

static void
finish_address (UnParser *self)
{
  GString *line = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (self->address); i++)
    if (self->address[i] != NULL && self->address[i][0] != '\0')
      g_string_append_printf (line, "%s%s", line->len > 0 ? ", " : "", self->address[i]);
  if (line->len > 0 && self->entry->addresses->len < 64)
    g_ptr_array_add (self->entry->addresses, g_string_free (line, FALSE));
  else
    g_string_free (line, TRUE);
}

static void
finish_entry (UnParser *self)
{
  GString *primary = g_string_new (NULL);
  TarmacWatchlistEntry *entry = self->entry;

  for (guint i = 0; i < G_N_ELEMENTS (self->name_parts); i++)
    if (self->name_parts[i] != NULL && self->name_parts[i][0] != '\0')
      g_string_append_printf (primary, "%s%s", primary->len > 0 ? " " : "",
                              self->name_parts[i]);

  /* The primary name goes first: aliases were added as they came, and one of them may
   * repeat the primary name. */
  if (primary->len > 0)
    {
      guint before = entry->names->len;

      tarmac_watchlist_entry_add_name (entry, primary->str, TARMAC_NAME_QUALITY_PRIMARY);
      for (guint i = 0; i < entry->names->len; i++)
        {
          TarmacWatchlistName *name = g_ptr_array_index (entry->names, i);

          if (entry->names->len > before ? i == entry->names->len - 1
                                         : g_ascii_strcasecmp (name->name, primary->str) == 0)
            {
              name->quality = TARMAC_NAME_QUALITY_PRIMARY;
              g_ptr_array_insert (entry->names, 0, g_ptr_array_steal_index (entry->names, i));
              break;
            }
        }
    }
  g_string_free (primary, TRUE);

  if (entry->external_id == NULL || entry->names->len == 0)
    {
      g_ptr_array_add (self->data->warnings,
                       g_strdup_printf (_("an entry without DATAID or name was skipped")));
      g_clear_pointer (&self->entry, tarmac_watchlist_entry_free);
      return;
    }
  g_ptr_array_add (self->data->entries, g_steal_pointer (&self->entry));
}

/* Adds the spellings of one part of an alias: "Mohammad Islami; Mohamed Islami", or
 * lettered, "Mohammed Sabet; Mohammad Sabet b) M. Javad Kareemi Sabet". */
static void
add_spellings (TarmacWatchlistEntry *entry,
               const char           *text,
               TarmacNameQuality     quality)
{
  g_auto(GStrv) parts = g_strsplit (text, ";", 64);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *start = g_strstrip (parts[i]);
      char *p = start;

      /* A letter and a bracket at the start, or after a space, begins a spelling. */
      while (*p != '\0')
        {
          if (g_ascii_islower (p[0]) && p[1] == ')' && (p[2] == ' ' || p[2] == '\0') &&
              (p == start || p[-1] == ' '))
            {
              p[0] = '\0';
              tarmac_watchlist_entry_add_name (entry, start, quality);
              start = p + 2;
              p = start;
              continue;
            }
          p++;
        }
      tarmac_watchlist_entry_add_name (entry, start, quality);
    }
}

/* The UN list often packs several spellings into one alias, and sometimes the name in its
 * original script between brackets, "Jin Tiesan (金铁三)", or the other way round,
 * "حاجى مالك نورزى (Hajji Malik Noorzai; …)". Each is a name of its own: kept as one,
 * a traveller's three words would face a dozen and never score. Brackets that only add
 * to a name in the same script ("Abu Muhammad (al-Jawlani)") stay part of it. */
static void
add_alias (TarmacWatchlistEntry *entry,
           const char           *alias,
           TarmacNameQuality     quality)
{
  const char *open = strchr (alias, '(');
  const char *close = open != NULL ? strchr (open, ')') : NULL;
  g_autofree char *outer = NULL;
  g_autofree char *inner = NULL;

  if (open == NULL)
    {
      add_spellings (entry, alias, quality);
      return;
    }

  outer = g_strdup_printf ("%.*s %s", (int) (open - alias), alias, close != NULL ? close + 1 : "");
  inner = close != NULL ? g_strndup (open + 1, close - open - 1) : g_strdup (open + 1);
  if (strchr (inner, ';') == NULL && strchr (outer, ';') == NULL &&
      tarmac_translit_script (g_strstrip (inner)) == tarmac_translit_script (g_strstrip (outer)))
    {
      tarmac_watchlist_entry_add_name (entry, alias, quality);
      return;
    }
  add_spellings (entry, outer, quality);
  add_spellings (entry, inner, quality);
}

static void
end_element (GMarkupParseContext  *context,
             const char           *element,
             gpointer              user_data,
             GError              **error)
{
  UnParser *self = user_data;
  const char *text = self->text->str;
  const char *parent = parent_of (self, 1);

  if (self->entry != NULL)
    {
      gboolean direct = g_str_equal (parent, "INDIVIDUAL") || g_str_equal (parent, "ENTITY");

      if (direct && g_str_equal (element, "DATAID"))
        set_field (&self->entry->external_id, text);
      else if (direct && g_str_equal (element, "FIRST_NAME"))
        set_field (&self->name_parts[0], text);
      else if (direct && g_str_equal (element, "SECOND_NAME"))
        set_field (&self->name_parts[1], text);
      else if (direct && g_str_equal (element, "THIRD_NAME"))
        set_field (&self->name_parts[2], text);
      else if (direct && g_str_equal (element, "FOURTH_NAME"))
        set_field (&self->name_parts[3], text);
      else if (direct && g_str_equal (element, "UN_LIST_TYPE"))
        set_field (&self->entry->category, text);
      else if (direct && g_str_equal (element, "REFERENCE_NUMBER"))
        set_field (&self->entry->reference, text);
      else if (direct && g_str_equal (element, "LISTED_ON"))
        set_field (&self->entry->listed_on, text);
      else if (direct && g_str_equal (element, "COMMENTS1"))
        {
          set_field (&self->entry->reason, text);
          if (strlen (self->entry->reason) > 4000)
            self->entry->reason[g_utf8_find_prev_char (self->entry->reason,
                                                       self->entry->reason + 4000) -
                                self->entry->reason] = '\0';
        }
      else if (direct && g_str_equal (element, "NAME_ORIGINAL_SCRIPT"))
        tarmac_watchlist_entry_add_name (self->entry, text, TARMAC_NAME_QUALITY_STRONG);
      else if (direct && g_str_equal (element, "GENDER"))
        {
          if (g_ascii_strncasecmp (g_strstrip (self->text->str), "male", 4) == 0)
            set_field (&self->entry->sex, "M");
          else if (g_ascii_strncasecmp (self->text->str, "female", 6) == 0)
            set_field (&self->entry->sex, "F");
        }
      else if (g_str_equal (element, "VALUE") && g_str_equal (parent, "NATIONALITY"))
        tarmac_watchlist_entry_add_nationality (self->entry, text);
      else if (g_str_equal (element, "QUALITY"))
        set_field (&self->quality, text);
      else if (g_str_equal (element, "ALIAS_NAME"))
        set_field (&self->alias, text);
      else if (g_str_has_suffix (element, "_ALIAS"))
        {
          const char *quality = self->quality != NULL ? self->quality : "";

          if (self->alias != NULL && self->alias[0] != '\0')
            add_alias (self->entry, self->alias,
                       g_ascii_strcasecmp (quality, "Low") == 0 ||
                       g_ascii_strcasecmp (quality, "Very Low") == 0
                         ? TARMAC_NAME_QUALITY_WEAK
                         : TARMAC_NAME_QUALITY_STRONG);
        }
      else if (g_str_equal (element, "TYPE_OF_DATE"))
        set_field (&self->date_type, text);
      else if (g_str_equal (element, "DATE") && g_str_has_suffix (parent, "_DATE_OF_BIRTH"))
        set_field (&self->date, text);
      else if (g_str_equal (element, "YEAR"))
        set_field (&self->year, text);
      else if (g_str_equal (element, "FROM_YEAR"))
        set_field (&self->from_year, text);
      else if (g_str_equal (element, "TO_YEAR"))
        set_field (&self->to_year, text);
      else if (g_str_equal (element, "INDIVIDUAL_DATE_OF_BIRTH"))
        finish_dob (self);
      else if (g_str_equal (element, "TYPE_OF_DOCUMENT"))
        set_field (&self->doc_type, text);
      else if (g_str_equal (element, "NUMBER"))
        set_field (&self->doc_number, text);
      else if (g_str_equal (element, "ISSUING_COUNTRY") ||
               (g_str_equal (element, "COUNTRY_OF_ISSUE") && self->doc_country == NULL))
        set_field (&self->doc_country, text);
      else if (g_str_equal (element, "NOTE") && g_str_has_suffix (parent, "_DOCUMENT"))
        set_field (&self->doc_note, text);
      else if (g_str_equal (element, "INDIVIDUAL_DOCUMENT"))
        finish_document (self);
      else if (g_str_has_suffix (parent, "_ADDRESS"))
        {
          static const char *const parts[] = { "STREET", "CITY", "STATE_PROVINCE", "COUNTRY" };

          for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
            if (g_str_equal (element, parts[i]))
              set_field (&self->address[i], text);
        }
      else if (g_str_has_suffix (element, "_ADDRESS"))
        finish_address (self);
      else if (g_str_equal (element, "INDIVIDUAL") || g_str_equal (element, "ENTITY"))
        finish_entry (self);
    }

  g_string_truncate (self->text, 0);
  if (self->depth > 0)
    g_free (self->stack[--self->depth]);
}

static void
text_cb (GMarkupParseContext  *context,
         const char           *text,
         gsize                 length,
         gpointer              user_data,
         GError              **error)
{
  UnParser *self = user_data;

  if (self->text->len + length > MAX_TEXT)
    {
      g_set_error (error, TARMAC_WATCHLIST_ERROR, TARMAC_WATCHLIST_ERROR_TOO_LARGE,
                   _("a text is longer than %u bytes"), (guint) MAX_TEXT);
      return;
    }
  g_string_append_len (self->text, text, length);
}

static void
passthrough_cb (GMarkupParseContext  *context,
                const char           *text,
                gsize                 length,
                gpointer              user_data,
                GError              **error)
{
  /* A document type may declare entities that expand without bound: never accepted. */
  if (length >= 9 && (g_ascii_strncasecmp (text, "<!DOCTYPE", 9) == 0 ||
                      g_ascii_strncasecmp (text, "<!ENTITY", 8) == 0))
    g_set_error (error, TARMAC_WATCHLIST_ERROR, TARMAC_WATCHLIST_ERROR_FORMAT,
                 _("document type declarations are not accepted"));
}

static const GMarkupParser un_parser = {
  start_element, end_element, text_cb, passthrough_cb, NULL,
};

/**
 * tarmac_watchlist_load_un:
 * @data: the XML
 * @length: its length
 * @file_name: the name to give in errors
 *
 * Returns: (transfer full): the list, or %NULL with @error naming the line and column
 */
TarmacWatchlistData *
tarmac_watchlist_load_un (const char  *data,
                          gsize        length,
                          const char  *file_name,
                          GError     **error)
{
  g_autoptr(TarmacWatchlistData) list = tarmac_watchlist_data_new ("un",
                                           "UN Security Council Consolidated List", "persons");
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) local_error = NULL;
  UnParser self = { 0 };
  gboolean ok;

  /* GMarkup would refuse it too, but quoting the bad bytes in its message. */
  if (!g_utf8_validate (data, length, NULL))
    {
      g_set_error (error, TARMAC_WATCHLIST_ERROR, TARMAC_WATCHLIST_ERROR_FORMAT,
                   _("%s: the file is not UTF-8 text"), file_name);
      return NULL;
    }

  self.data = list;
  self.file_name = file_name;
  self.text = g_string_new (NULL);
  context = g_markup_parse_context_new (&un_parser, 0, &self, NULL);

  /* In pieces, so a malformed file fails at its first error without more work. */
  ok = TRUE;
  for (gsize offset = 0; ok && offset < length; offset += 1 << 20)
    ok = g_markup_parse_context_parse (context, data + offset, MIN (1 << 20, length - offset),
                                       &local_error);
  if (ok)
    ok = g_markup_parse_context_end_parse (context, &local_error);

  clear_record (&self);
  for (guint i = 0; i < G_N_ELEMENTS (self.name_parts); i++)
    g_free (self.name_parts[i]);
  while (self.depth > 0)
    g_free (self.stack[--self.depth]);
  g_clear_pointer (&self.entry, tarmac_watchlist_entry_free);
  g_string_free (self.text, TRUE);

  if (!ok)
    {
      int line = 0, column = 0;
      /* GMarkup quotes an offending name byte by byte and may cut a UTF-8 character in
       * two (found by fuzz-list-un): the message must stay valid UTF-8. */
      g_autofree char *reason = g_utf8_make_valid (local_error->message, -1);

      g_markup_parse_context_get_position (context, &line, &column);
      g_set_error (error, TARMAC_WATCHLIST_ERROR,
                   local_error->domain == TARMAC_WATCHLIST_ERROR ? local_error->code
                                                                 : TARMAC_WATCHLIST_ERROR_FORMAT,
                   /* Translators: file name, line, column and what is wrong there */
                   _("%s, line %d, column %d: %s"), file_name, line, column, reason);
      return NULL;
    }

  if (list->entries->len == 0)
    {
      g_set_error (error, TARMAC_WATCHLIST_ERROR, TARMAC_WATCHLIST_ERROR_EMPTY,
                   _("%s: the list has no entries"), file_name);
      return NULL;
    }

  return g_steal_pointer (&list);
}
