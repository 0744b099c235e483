/* tarmac-xml-reader.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-xml"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "tarmac-xml-reader.h"

/*
 * A bounded XML reader over GMarkup (no new dependency) for the XML importers.
 *
 * GMarkup checks well-formedness and UTF-8 and never expands entities other than the
 * five predefined ones and character references, so an entity bomb cannot grow; we still
 * refuse any DOCTYPE outright, because a file that declares entities means something we
 * would silently misread. On top of GMarkup we bound the input size, the depth, the
 * number of elements, attributes per element, name, attribute and text lengths, and the
 * number of elements held at once, so memory stays proportional to one record rather
 * than to the file: callers drop each record's subtree when it closes.
 *
 * GMarkup reports positions awkwardly (its column counts bytes and moves after the
 * tag), so we find each start tag's "<" ourselves with a cursor that only moves
 * forward, skipping comments, CDATA, processing instructions and end tags; GMarkup has
 * already validated what the cursor walks over. That gives every element an exact byte
 * offset, line and column in one pass over the input.
 */

G_DEFINE_QUARK (tarmac-xml-error-quark, tarmac_xml_error)

typedef struct
{
  const char         *data;
  gsize               length;
  gsize               base;           /* bytes skipped before @data (a BOM) */

  /* the cursor: the next start tag is at or after it */
  gsize               cursor;
  guint               line;
  guint               column;

  guint               n_elements;
  guint               n_live;
  gboolean            root_done;
  TarmacXmlNode      *root;
  TarmacXmlNode      *current;

  TarmacXmlStartFunc  start;
  TarmacXmlEndFunc    end;
  gpointer            user_data;
} Reader;

static guint
node_free (TarmacXmlNode *node)
{
  guint n = 1;

  if (node == NULL)
    return 0;

  if (node->children != NULL)
    {
      for (guint i = 0; i < node->children->len; i++)
        n += node_free (g_ptr_array_index (node->children, i));
      g_ptr_array_unref (node->children);
    }
  for (guint i = 0; i < node->n_attrs; i++)
    {
      g_free (node->attr_names[i]);
      g_free (node->attr_values[i]);
    }
  g_free (node->attr_names);
  g_free (node->attr_values);
  g_free (node->name);
  g_free (node->text);
  if (node->text_buffer != NULL)
    g_string_free (node->text_buffer, TRUE);
  g_free (node);

  return n;
}

static const char *
local_name (const char *name)
{
  const char *colon = strrchr (name, ':');

  return colon != NULL ? colon + 1 : name;
}

static void
set_error_at (GError     **error,
              gint         code,
              guint        line,
              guint        column,
              gsize        offset,
              const char  *message)
{
  /* Translators: the position of a problem in an XML file, then the problem */
  g_set_error (error, TARMAC_XML_ERROR, code, _("line %u, column %u (byte %zu): %s"),
               line, column, (size_t) offset, message);
}

/* Moves the cursor to @target (never backwards), counting lines and columns. */
static void
advance_to (Reader *r,
            gsize   target)
{
  for (; r->cursor < target && r->cursor < r->length; r->cursor++)
    {
      guchar c = (guchar) r->data[r->cursor];

      if (c == '\n')
        {
          r->line++;
          r->column = 1;
        }
      else if ((c & 0xC0) != 0x80)
        r->column++;
    }
}

static gsize
find_bytes (const char *data,
            gsize       length,
            gsize       from,
            const char *needle)
{
  gsize n = strlen (needle);

  while (from + n <= length)
    {
      const char *hit = memchr (data + from, needle[0], length - from);

      if (hit == NULL)
        break;
      from = hit - data;
      if (from + n <= length && memcmp (hit, needle, n) == 0)
        return from;
      from++;
    }

  return length;
}

/* The offset of the next start tag's "<" at or after the cursor. */
static gsize
next_start_tag (Reader *r)
{
  gsize i = r->cursor;

  while (i < r->length)
    {
      const char *at = memchr (r->data + i, '<', r->length - i);
      gsize rest;

      if (at == NULL)
        return r->length;
      i = at - r->data;
      rest = r->length - i;

      if (rest >= 4 && memcmp (at, "<!--", 4) == 0)
        i = find_bytes (r->data, r->length, i + 4, "-->") + 3;
      else if (rest >= 9 && memcmp (at, "<![CDATA[", 9) == 0)
        i = find_bytes (r->data, r->length, i + 9, "]]>") + 3;
      else if (rest >= 2 && at[1] == '?')
        i = find_bytes (r->data, r->length, i + 2, "?>") + 2;
      else if (rest >= 2 && (at[1] == '!' || at[1] == '/'))
        i = find_bytes (r->data, r->length, i + 2, ">") + 1;
      else
        return i;
    }

  return r->length;
}

void
tarmac_xml_node_set_error (const TarmacXmlNode  *node,
                           GError              **error,
                           gint                  code,
                           const char           *format,
                           ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  set_error_at (error, code, node->line, node->column, node->offset, message);
}

static void
start_element_cb (GMarkupParseContext  *context,
                  const char           *element_name,
                  const char          **attribute_names,
                  const char          **attribute_values,
                  gpointer              user_data,
                  GError              **error)
{
  Reader *r = user_data;
  TarmacXmlNode *node;
  guint depth = r->current != NULL ? r->current->depth + 1 : 0;
  guint n_attrs = g_strv_length ((char **) attribute_names);
  gsize at;
  guint line;
  guint column;
  gsize offset;

  at = next_start_tag (r);
  advance_to (r, at);
  line = r->line;
  column = r->column;
  offset = r->base + at;
  advance_to (r, at + 1);

#define LIMIT_ERROR(...) \
  G_STMT_START { \
    g_autofree char *message_ = g_strdup_printf (__VA_ARGS__); \
    set_error_at (error, TARMAC_XML_ERROR_LIMIT, line, column, offset, message_); \
    return; \
  } G_STMT_END

  if (r->root_done)
    {
      g_autofree char *message = g_strdup_printf (_("a second root element <%s> after the "
                                                    "end of the document"),
                                                  local_name (element_name));

      set_error_at (error, TARMAC_XML_ERROR_MALFORMED, line, column, offset, message);
      return;
    }
  if (++r->n_elements > TARMAC_XML_MAX_ELEMENTS)
    LIMIT_ERROR (_("more than %u elements"), (guint) TARMAC_XML_MAX_ELEMENTS);
  if (depth >= TARMAC_XML_MAX_DEPTH)
    LIMIT_ERROR (_("elements nested more than %u levels deep"), (guint) TARMAC_XML_MAX_DEPTH);
  if (r->n_live >= TARMAC_XML_MAX_LIVE_NODES)
    LIMIT_ERROR (_("more than %u elements in one record"), (guint) TARMAC_XML_MAX_LIVE_NODES);
  if (strlen (element_name) > TARMAC_XML_MAX_NAME)
    LIMIT_ERROR (_("an element name longer than %u bytes"), (guint) TARMAC_XML_MAX_NAME);
  if (n_attrs > TARMAC_XML_MAX_ATTRIBUTES)
    LIMIT_ERROR (_("more than %u attributes on <%s>"), (guint) TARMAC_XML_MAX_ATTRIBUTES,
                 local_name (element_name));
  for (guint i = 0; i < n_attrs; i++)
    {
      if (strlen (attribute_names[i]) > TARMAC_XML_MAX_NAME)
        LIMIT_ERROR (_("an attribute name longer than %u bytes"), (guint) TARMAC_XML_MAX_NAME);
      if (strlen (attribute_values[i]) > TARMAC_XML_MAX_ATTRIBUTE)
        LIMIT_ERROR (_("attribute %s of <%s> is longer than %u bytes"),
                     local_name (attribute_names[i]), local_name (element_name),
                     (guint) TARMAC_XML_MAX_ATTRIBUTE);
    }
#undef LIMIT_ERROR

  node = g_new0 (TarmacXmlNode, 1);
  node->name = g_strdup (local_name (element_name));
  node->attr_names = g_new0 (char *, n_attrs + 1);
  node->attr_values = g_new0 (char *, n_attrs + 1);
  for (guint i = 0; i < n_attrs; i++)
    {
      /* namespace declarations are not data */
      if (strcmp (attribute_names[i], "xmlns") == 0 ||
          g_str_has_prefix (attribute_names[i], "xmlns:"))
        continue;
      node->attr_names[node->n_attrs] = g_strdup (local_name (attribute_names[i]));
      node->attr_values[node->n_attrs] = g_strdup (attribute_values[i]);
      node->n_attrs++;
    }
  node->parent = r->current;
  node->offset = offset;
  node->line = line;
  node->column = column;
  node->index = r->n_elements - 1;
  node->depth = depth;

  if (r->current != NULL)
    {
      if (r->current->children == NULL)
        r->current->children = g_ptr_array_new ();
      g_ptr_array_add (r->current->children, node);
    }
  else
    r->root = node;
  r->current = node;
  r->n_live++;

  if (r->start != NULL)
    r->start (node, r->user_data, error);
}

static void
end_element_cb (GMarkupParseContext  *context,
                const char           *element_name,
                gpointer              user_data,
                GError              **error)
{
  Reader *r = user_data;
  TarmacXmlNode *node = r->current;
  TarmacXmlVerdict verdict = TARMAC_XML_KEEP;
  GError *local_error = NULL;

  g_assert (node != NULL);

  if (node->text_buffer != NULL)
    {
      char *text = g_strstrip (g_string_free (g_steal_pointer (&node->text_buffer), FALSE));

      if (text[0] != '\0')
        node->text = text;
      else
        g_free (text);
    }

  r->current = node->parent;
  if (node->parent == NULL)
    r->root_done = TRUE;

  if (r->end != NULL)
    verdict = r->end (node, r->user_data, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return;
    }

  if (verdict == TARMAC_XML_DROP)
    {
      if (node->parent != NULL)
        g_ptr_array_set_size (node->parent->children, node->parent->children->len - 1);
      else
        r->root = NULL;
      r->n_live -= node_free (node);
    }
}

static void
text_cb (GMarkupParseContext  *context,
         const char           *text,
         gsize                 text_len,
         gpointer              user_data,
         GError              **error)
{
  Reader *r = user_data;
  TarmacXmlNode *node = r->current;
  gboolean blank = TRUE;

  if (node == NULL)
    return;

  /* Indentation between child elements is not text; skipping it keeps a long list of
   * children from counting against the text bound. */
  for (gsize i = 0; i < text_len && blank; i++)
    blank = g_ascii_isspace (text[i]);
  if (blank)
    return;

  if ((node->text_buffer != NULL ? node->text_buffer->len : 0) + text_len > TARMAC_XML_MAX_TEXT)
    {
      g_autofree char *message = g_strdup_printf (_("the text of <%s> is longer than %u bytes"),
                                                  node->name, (guint) TARMAC_XML_MAX_TEXT);

      set_error_at (error, TARMAC_XML_ERROR_LIMIT, node->line, node->column, node->offset,
                    message);
      return;
    }

  if (node->text_buffer == NULL)
    node->text_buffer = g_string_sized_new (text_len);
  g_string_append_len (node->text_buffer, text, text_len);
}

static void
passthrough_cb (GMarkupParseContext  *context,
                const char           *text,
                gsize                 text_len,
                gpointer              user_data,
                GError              **error)
{
  Reader *r = user_data;

  if ((text_len >= 9 && g_ascii_strncasecmp (text, "<!DOCTYPE", 9) == 0) ||
      (text_len >= 8 && g_ascii_strncasecmp (text, "<!ENTITY", 8) == 0))
    {
      /* GMarkup hands us a copy: the declaration is the next one after the cursor */
      g_autofree char *needle = g_strndup (text, text[3] == 'D' || text[3] == 'd' ? 9 : 8);
      gsize at = find_bytes (r->data, r->length, r->cursor, needle);

      if (at < r->length)
        advance_to (r, at);
      set_error_at (error, TARMAC_XML_ERROR_DOCTYPE, r->line, r->column, r->base + r->cursor,
                    _("a DOCTYPE or entity declaration; Tarmac does not read XML that "
                      "declares entities"));
    }
}

/* GMarkup's own message starts with its (less exact) position: keep only the reason. */
static const char *
markup_reason (const char *message)
{
  const char *colon = strstr (message, ": ");

  return colon != NULL && colon - message < 80 ? colon + 2 : message;
}

static void
set_markup_error (Reader               *r,
                  GMarkupParseContext  *context,
                  const GError         *markup_error,
                  GError              **error)
{
  g_autofree char *message = NULL;
  g_autofree char *reason = NULL;
  int line = 1;
  int column = 1;
  gsize offset;
  guint at_line;

  g_markup_parse_context_get_position (context, &line, &column);
  line = MAX (line, 1);
  column = MAX (column, 1);

  /* The start of GMarkup's line, counted from the cursor (or from the start when GMarkup
   * is behind it), then its column as bytes into that line. */
  if ((guint) line >= r->line)
    {
      offset = MIN (r->cursor, r->length);
      at_line = r->line;
      while (offset > 0 && r->data[offset - 1] != '\n')
        offset--;
    }
  else
    {
      offset = 0;
      at_line = 1;
    }
  for (; at_line < (guint) line && offset < r->length; offset++)
    if (r->data[offset] == '\n')
      at_line++;
  offset = MIN (offset + (gsize) (column - 1), r->length);

  /* Translators: the reason comes from GLib's XML parser */
  /* GMarkup quotes the offending name byte by byte, and may cut a UTF-8 character in
   * two: what we pass on to the report and the database must stay valid UTF-8. */
  reason = g_utf8_make_valid (markup_reason (markup_error->message), -1);
  message = g_strdup_printf (_("not well-formed XML: %s"), reason);
  set_error_at (error, TARMAC_XML_ERROR_MALFORMED, (guint) line, (guint) column,
                r->base + offset, message);
}

/* The encoding named in the XML declaration, if any. */
static char *
declared_encoding (const char *data,
                   gsize       length)
{
  gsize end;
  gsize at;
  char quote;
  gsize start;

  if (length < 6 || memcmp (data, "<?xml", 5) != 0)
    return NULL;
  end = find_bytes (data, MIN (length, 512), 5, "?>");
  at = find_bytes (data, end, 5, "encoding");
  if (at >= end)
    return NULL;
  at += 8;
  while (at < end && (data[at] == ' ' || data[at] == '=' || data[at] == '\t'))
    at++;
  if (at >= end || (data[at] != '"' && data[at] != '\''))
    return NULL;
  quote = data[at++];
  start = at;
  while (at < end && data[at] != quote)
    {
      if (at - start >= 40 || data[at] == '\0' ||
          (!g_ascii_isalnum (data[at]) && strchr ("-_.:", data[at]) == NULL))
        return NULL;
      at++;
    }
  if (at >= end || at == start)
    return NULL;

  return g_strndup (data + start, at - start);
}

/**
 * tarmac_xml_read:
 * @data: (array length=length): the bytes of a file
 * @length: the number of bytes
 * @start: (nullable): called when an element opens, with its attributes but no children
 * @end: (nullable): called when an element closes, with its text and the children
 *   kept; its verdict keeps or drops the element
 * @user_data: passed to @start and @end
 * @error: set on malformed input, on a bound passed, or by a callback
 *
 * Reads @data as XML within the bounds above. A UTF-8 byte-order mark is skipped; a
 * declared encoding other than UTF-8 is converted first (positions then count in the
 * converted text). The root element is freed at the end whatever the verdict.
 *
 * Returns: %TRUE when the whole document was read
 */
gboolean
tarmac_xml_read (const guint8        *data,
                 gsize                length,
                 TarmacXmlStartFunc   start,
                 TarmacXmlEndFunc     end,
                 gpointer             user_data,
                 GError             **error)
{
  static const GMarkupParser parser = {
    start_element_cb, end_element_cb, text_cb, passthrough_cb, NULL,
  };
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *converted = NULL;
  g_autofree char *encoding = NULL;
  Reader r = { 0 };
  gboolean ok;

  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (length > TARMAC_XML_MAX_SIZE)
    {
      g_set_error (error, TARMAC_XML_ERROR, TARMAC_XML_ERROR_TOO_LARGE,
                   _("the XML is %llu MiB; Tarmac reads XML files of at most %llu MiB"),
                   (unsigned long long) (length / (1024 * 1024)),
                   (unsigned long long) (TARMAC_XML_MAX_SIZE / (1024 * 1024)));
      return FALSE;
    }

  r.data = data != NULL ? (const char *) data : "";
  r.length = length;
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      r.data += 3;
      r.length -= 3;
      r.base = 3;
    }

  encoding = declared_encoding (r.data, r.length);
  if (encoding != NULL && g_ascii_strcasecmp (encoding, "utf-8") != 0 &&
      g_ascii_strcasecmp (encoding, "utf8") != 0 && g_ascii_strcasecmp (encoding, "us-ascii") != 0 &&
      g_ascii_strcasecmp (encoding, "ascii") != 0)
    {
      gsize converted_length = 0;

      converted = g_convert (r.data, r.length, "UTF-8", encoding, NULL, &converted_length,
                             &local_error);
      if (converted == NULL || converted_length > TARMAC_XML_MAX_SIZE)
        {
          g_set_error (error, TARMAC_XML_ERROR, TARMAC_XML_ERROR_ENCODING,
                       _("the XML declares the encoding “%s”, which could not be read: %s"),
                       encoding, local_error != NULL ? local_error->message : "");
          return FALSE;
        }
      r.data = converted;
      r.length = converted_length;
      r.base = 0;
    }

  r.line = 1;
  r.column = 1;

  /* Checked here rather than left to GMarkup, which on GLib 2.74 can set an error over
   * another one for a bad byte in an attribute name, and names the place less exactly. */
  {
    const char *bad = NULL;

    if (!g_utf8_validate_len (r.data, r.length, &bad))
      {
        advance_to (&r, bad - r.data);
        set_error_at (error, TARMAC_XML_ERROR_MALFORMED, r.line, r.column, r.base + r.cursor,
                      _("not valid UTF-8 text (a NUL byte, a binary file, or an encoding "
                        "the XML does not declare)"));
        return FALSE;
      }
  }

  r.start = start;
  r.end = end;
  r.user_data = user_data;

  context = g_markup_parse_context_new (&parser, G_MARKUP_TREAT_CDATA_AS_TEXT, &r, NULL);
  ok = g_markup_parse_context_parse (context, r.data, (gssize) r.length, &local_error) &&
       g_markup_parse_context_end_parse (context, &local_error);

  node_free (r.root);

  if (!ok)
    {
      if (local_error->domain == G_MARKUP_ERROR)
        set_markup_error (&r, context, local_error, error);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

/**
 * tarmac_xml_node_get_attribute:
 * @node: an element
 * @name: a local name, compared without case
 *
 * Returns: (nullable): the attribute's value, %NULL when absent
 */
const char *
tarmac_xml_node_get_attribute (const TarmacXmlNode *node,
                               const char          *name)
{
  for (guint i = 0; i < node->n_attrs; i++)
    if (g_ascii_strcasecmp (node->attr_names[i], name) == 0)
      return node->attr_values[i];

  return NULL;
}

/**
 * tarmac_xml_node_get_child:
 * @node: an element
 * @name: a local name, compared without case
 *
 * Returns: (nullable) (transfer none): the first child element so named
 */
TarmacXmlNode *
tarmac_xml_node_get_child (const TarmacXmlNode *node,
                           const char          *name)
{
  for (guint i = 0; node->children != NULL && i < node->children->len; i++)
    {
      TarmacXmlNode *child = g_ptr_array_index (node->children, i);

      if (g_ascii_strcasecmp (child->name, name) == 0)
        return child;
    }

  return NULL;
}
