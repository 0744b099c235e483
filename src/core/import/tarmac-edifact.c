/* tarmac-edifact.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-edifact"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "tarmac-edifact.h"

/*
 * The one EDIFACT tokenizer (research/formats.md §1, §7.1, §7.2). It turns bytes into
 * segments (tag, elements, repetitions, components), with the release character applied
 * and every value decoded to valid UTF-8, and remembers where each came from.
 *
 * What real traffic does and how we cope:
 *  - junk before the first segment (UTF-8 BOM, Type B addressing lines, SOH/STX): whole
 *    lines are skipped until one starts with UNA, UNB or UNH;
 *  - UNA may appear before every UNB and changes the service characters from there on;
 *    a UNB without UNA goes back to the defaults, plus `*` as repetition separator when
 *    its syntax version is 4;
 *  - unreleased CR and LF, and whitespace or control characters between segments, are
 *    noise, unless they are service characters;
 *  - an unreleased terminator followed on the same line by something that is not a
 *    segment tag (O'BRIEN) is taken as data, with a warning;
 *  - wrong or missing envelope trailers are warnings; the envelope is closed implicitly.
 *
 * One pass, no recursion, no backtracking except the bounded look-ahead after a
 * terminator (it only skips noise that the next call skips again).
 */

#define UTF8_REPLACEMENT "\357\277\275"

G_DEFINE_QUARK (tarmac-edifact-error-quark, tarmac_edifact_error)

typedef enum
{
  CHARSET_NONE,     /* no UNB yet: ASCII, tolerant like IATA */
  CHARSET_ASCII,    /* UNOA, UNOB */
  CHARSET_IATA,     /* IATA, and anything we do not know: ASCII, Latin-1 tolerant */
  CHARSET_LATIN1,   /* UNOC */
  CHARSET_ICONV,    /* the other ISO 8859 parts, through g_convert() */
  CHARSET_UTF8,     /* UNOW, UNOY */
} Charset;

/* Where a byte of the value being built came from. */
typedef struct
{
  gsize offset;
  guint line;
} Origin;

/* The segment being read, kept by the reader from one segment to the next so that
 * reading one allocates nothing but the segment itself: the values go one after the other
 * into text, each ended by a NUL, and three arrays say where they are. read_segment()
 * then copies all of it into one block (segment_new()). Plain arrays, as for the value:
 * every component of every segment passes through here. */
typedef struct
{
  char    *text;          /* the values, NUL-terminated, back to back */
  gsize    text_len;
  gsize    text_size;
  gsize   *components;    /* where each component's value starts in text */
  guint    n_components;
  gsize    components_size;
  guint   *repetitions;   /* the components before each repetition's end */
  guint    n_repetitions;
  gsize    repetitions_size;
  guint   *elements;      /* the repetitions before each element's end */
  guint    n_elements;
  gsize    elements_size;
  guint    rep_start;     /* the first component of the repetition being read */
  guint    element_start; /* the first repetition of the element being read */
  gboolean have_tag;      /* the tag, at the start of text, has been read */
} Builder;

struct _TarmacEdifactReader
{
  /* borrowed */
  const guint8 *data;
  gsize         length;

  /* position */
  gsize         pos;
  guint         line;
  guint         n_segments;
  gsize         start_offset;
  guint         started : 1;
  guint         done : 1;

  /* service characters; repetition is -1 when there is none */
  int           component;
  int           element;
  int           release;
  int           repetition;
  int           terminator;
  gboolean      una_pending;

  Charset       charset;
  const char   *iconv_name;

  /* envelope */
  gboolean      in_interchange;
  gboolean      in_group;
  gboolean      in_message;
  char         *interchange_ref;
  char         *group_ref;
  char         *message_ref;
  guint         n_interchange_messages;
  guint         n_interchange_groups;
  guint         n_group_messages;
  guint         n_message_segments;

  /* owned */
  GPtrArray    *warnings;
  /* The value being read, unescaped, and where each of its bytes came from (for the
   * positions warnings give). Plain arrays: every byte of the input passes through
   * append_byte(), so it must cost a compare and two stores. */
  guint8       *value;
  Origin       *origins;
  gsize         value_len;
  gsize         value_size;
  Builder       builder;
};


static const struct
{
  const char *id;
  Charset     charset;
  const char *iconv_name;
} charsets[] = {
  { "UNOA", CHARSET_ASCII, NULL },
  { "UNOB", CHARSET_ASCII, NULL },
  { "IATA", CHARSET_IATA, NULL },
  { "UNOC", CHARSET_LATIN1, NULL },
  { "UNOD", CHARSET_ICONV, "ISO-8859-2" },
  { "UNOE", CHARSET_ICONV, "ISO-8859-5" },
  { "UNOF", CHARSET_ICONV, "ISO-8859-7" },
  { "UNOG", CHARSET_ICONV, "ISO-8859-3" },
  { "UNOH", CHARSET_ICONV, "ISO-8859-4" },
  { "UNOI", CHARSET_ICONV, "ISO-8859-6" },
  { "UNOJ", CHARSET_ICONV, "ISO-8859-8" },
  { "UNOK", CHARSET_ICONV, "ISO-8859-9" },
  { "UNOW", CHARSET_UTF8, NULL },
  { "UNOY", CHARSET_UTF8, NULL },
};

static void
warning_free (gpointer data)
{
  TarmacEdifactWarning *warning = data;

  g_free (warning->message);
  g_free (warning);
}

static void add_warning (TarmacEdifactReader      *self,
                         TarmacEdifactWarningCode  code,
                         gsize                     offset,
                         guint                     line,
                         const char               *format,
                         ...) G_GNUC_PRINTF (5, 6);

static void
add_warning (TarmacEdifactReader      *self,
             TarmacEdifactWarningCode  code,
             gsize                     offset,
             guint                     line,
             const char               *format,
             ...)
{
  TarmacEdifactWarning *warning;
  va_list args;

  if (self->warnings->len > TARMAC_EDIFACT_MAX_WARNINGS)
    return;

  warning = g_new0 (TarmacEdifactWarning, 1);
  warning->offset = offset;
  warning->line = line;
  warning->segment_index = self->n_segments;

  if (self->warnings->len == TARMAC_EDIFACT_MAX_WARNINGS)
    {
      warning->code = TARMAC_EDIFACT_WARNING_TOO_MANY_WARNINGS;
      warning->message = g_strdup_printf (_("More than %u warnings; the rest were dropped"),
                                          TARMAC_EDIFACT_MAX_WARNINGS);
    }
  else
    {
      warning->code = code;
      va_start (args, format);
      warning->message = g_strdup_vprintf (format, args);
      va_end (args);
    }

  g_ptr_array_add (self->warnings, warning);
}

static void
set_default_service_characters (TarmacEdifactReader *self)
{
  self->component = ':';
  self->element = '+';
  self->release = '?';
  self->repetition = -1;
  self->terminator = '\'';
}

static inline gboolean
is_service (TarmacEdifactReader *self,
            guint8               c)
{
  return c == self->component || c == self->element || c == self->release ||
         c == self->repetition || c == self->terminator;
}

/* Whitespace and control characters between segments (and in Type B envelopes). */
static inline gboolean
is_noise (TarmacEdifactReader *self,
          guint8               c)
{
  return (c <= 0x20 || c == 0x7f) && !is_service (self, c);
}

static inline gboolean
is_tag_char (guint8 c)
{
  return g_ascii_isupper (c) || g_ascii_isdigit (c);
}

/* Moves the line counter past data[i]: LF, CRLF and a lone CR each end one line. */
static inline void
count_line (TarmacEdifactReader *self,
            gsize                i)
{
  guint8 c = self->data[i];

  if (c == '\n' || (c == '\r' && (i + 1 >= self->length || self->data[i + 1] != '\n')))
    self->line++;
}

static gboolean
has_prefix_at (TarmacEdifactReader *self,
               gsize                i,
               const char          *prefix)
{
  gsize n = strlen (prefix);

  return self->length - i >= n && memcmp (self->data + i, prefix, n) == 0;
}

/* UNA, UNB or UNH at a line start marks where EDIFACT begins. */
static gboolean
starts_interchange (TarmacEdifactReader *self,
                    gsize                i)
{
  if (has_prefix_at (self, i, "UNA"))
    return TRUE;

  if (!has_prefix_at (self, i, "UNB") && !has_prefix_at (self, i, "UNH"))
    return FALSE;

  return i + 3 >= self->length || !g_ascii_isalnum (self->data[i + 3]);
}

static gboolean
find_start (TarmacEdifactReader  *self,
            GError              **error)
{
  gsize i = 0;

  if (self->length >= 3 && memcmp (self->data, "\xef\xbb\xbf", 3) == 0)
    i = 3;

  while (i < self->length)
    {
      while (i < self->length && (self->data[i] <= 0x20 || self->data[i] == 0x7f))
        count_line (self, i++);

      if (i >= self->length)
        break;

      if (starts_interchange (self, i))
        {
          self->pos = i;
          self->start_offset = i;
          return TRUE;
        }

      /* A Type B or log line: skip it up to its line break. */
      while (i < self->length && self->data[i] != '\r' && self->data[i] != '\n')
        i++;
    }

  g_set_error (error, TARMAC_EDIFACT_ERROR, TARMAC_EDIFACT_ERROR_NOT_EDIFACT,
               _("No EDIFACT segment (UNA, UNB or UNH) found in %zu bytes"),
               self->length);
  return FALSE;
}

/* After an unreleased terminator at j - 1: does a segment really end there? It does at
 * the end of input, before a line break, before another terminator, and before a tag
 * (three upper-case letters or digits followed by a data element separator or a
 * terminator). Otherwise it is an apostrophe in a name (O'BRIEN) that was not released. */
static gboolean
looks_like_segment_end (TarmacEdifactReader *self,
                        gsize                j)
{
  guint8 after;

  while (j < self->length && is_noise (self, self->data[j]))
    {
      if (self->data[j] == '\r' || self->data[j] == '\n')
        return TRUE;
      j++;
    }

  if (j >= self->length || self->data[j] == self->terminator || has_prefix_at (self, j, "UNA"))
    return TRUE;

  for (guint k = 0; k < 3; k++)
    {
      if (j + k >= self->length)
        return TRUE;  /* truncated input: cannot tell, keep the split */
      if (!is_tag_char (self->data[j + k]))
        return FALSE;
    }

  if (j + 3 >= self->length)
    return TRUE;

  after = self->data[j + 3];
  return after == self->element || after == self->terminator;
}

/* Decoding: every value comes out as valid UTF-8, and every replacement is reported. */

static const Origin *
origin_at (TarmacEdifactReader *self,
           gsize                index)
{
  return &self->origins[index];
}

static char *
decode_latin1 (const char *bytes,
               gsize       n)
{
  GString *out = g_string_sized_new (n + n / 2);

  for (gsize i = 0; i < n; i++)
    {
      guint8 c = (guint8) bytes[i];

      if (c == 0)
        g_string_append (out, UTF8_REPLACEMENT);
      else if (c < 0x80)
        g_string_append_c (out, (char) c);
      else
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

static char *
make_valid (TarmacEdifactReader *self,
            const char          *bytes,
            gsize                n)
{
  const char *end = NULL;
  const Origin *origin;

  if (g_utf8_validate_len (bytes, n, &end))
    return g_strndup (bytes, n);

  origin = origin_at (self, end - bytes);
  add_warning (self, TARMAC_EDIFACT_WARNING_INVALID_CHARACTER, origin->offset, origin->line,
               _("Invalid byte 0x%02x at byte %zu replaced by U+FFFD"),
               (guint) (guint8) *end, origin->offset);
  return g_utf8_make_valid (bytes, n);
}

static char *
decode_value (TarmacEdifactReader *self)
{
  const char *bytes = (const char *) self->value;
  gsize n = self->value_len;
  const char *end = NULL;
  const Origin *origin;
  gsize first = 0;

  while (first < n && bytes[first] != 0 && (guint8) bytes[first] < 0x80)
    first++;

  /* An empty value before anything was ever buffered has no buffer at all, and
   * g_strndup (NULL, 0) is NULL, which would end the component list early. */
  if (n == 0)
    return g_strdup ("");
  if (first == n)
    return g_strndup (bytes, n);

  switch (self->charset)
    {
    case CHARSET_LATIN1:
      if (memchr (bytes, 0, n) != NULL)
        {
          origin = origin_at (self, (const char *) memchr (bytes, 0, n) - bytes);
          add_warning (self, TARMAC_EDIFACT_WARNING_INVALID_CHARACTER, origin->offset,
                       origin->line, _("NUL byte at byte %zu replaced by U+FFFD"),
                       origin->offset);
        }
      return decode_latin1 (bytes, n);

    case CHARSET_ICONV:
      {
        gsize out_length = 0;
        g_autofree char *out = g_convert (bytes, n, "UTF-8", self->iconv_name,
                                          NULL, &out_length, NULL);

        if (out != NULL && memchr (out, 0, out_length) == NULL)
          return g_steal_pointer (&out);
        return make_valid (self, bytes, n);
      }

    case CHARSET_UTF8:
      return make_valid (self, bytes, n);

    case CHARSET_ASCII:
      if (!g_utf8_validate_len (bytes, n, NULL))
        return make_valid (self, bytes, n);
      break;

    case CHARSET_NONE:
    case CHARSET_IATA:
    default:
      if (!g_utf8_validate_len (bytes, n, &end))
        {
          origin = origin_at (self, end - bytes);
          add_warning (self, TARMAC_EDIFACT_WARNING_INVALID_CHARACTER, origin->offset,
                       origin->line,
                       _("Byte 0x%02x at byte %zu is not UTF-8; value read as Latin-1"),
                       (guint) (guint8) *end, origin->offset);
          return decode_latin1 (bytes, n);
        }
      break;
    }

  /* Valid UTF-8 where only ASCII is allowed: keep it, say so. */
  origin = origin_at (self, first);
  add_warning (self, TARMAC_EDIFACT_WARNING_OUTSIDE_REPERTOIRE, origin->offset, origin->line,
               _("Non-ASCII character at byte %zu in an ASCII character set"),
               origin->offset);
  return g_strndup (bytes, n);
}

/* Building a segment. */

/* @items, an array of *@size items of @item_size with @used in use, with room for @extra
 * more: the same array, or a larger one. */
static inline gpointer
reserve (gpointer  items,
         gsize    *size,
         gsize     used,
         gsize     extra,
         gsize     item_size)
{
  if (G_LIKELY (used + extra <= *size))
    return items;
  *size = MAX (MAX (*size * 2, used + extra), 64);
  return g_realloc_n (items, *size, item_size);
}

static inline void
text_append (Builder    *b,
             const char *bytes,
             gsize       n)
{
  b->text = reserve (b->text, &b->text_size, b->text_len, n + 1, 1);
  /* An empty value before anything was ever buffered has no buffer at all (NULL). */
  if (n > 0)
    memcpy (b->text + b->text_len, bytes, n);
  b->text_len += n;
  b->text[b->text_len++] = '\0';
}

/* Appends the value read (self->value), decoded to UTF-8 and NUL-terminated, to the
 * text of @b. Most values are plain ASCII and are copied as they are. */
static void
append_value (TarmacEdifactReader *self,
              Builder             *b)
{
  const char *bytes = (const char *) self->value;
  gsize n = self->value_len;
  g_autofree char *decoded = NULL;
  gsize ascii = 0;

  while (ascii < n && bytes[ascii] != 0 && (guint8) bytes[ascii] < 0x80)
    ascii++;

  if (ascii == n)
    text_append (b, bytes, n);
  else
    {
      decoded = decode_value (self);
      text_append (b, decoded, strlen (decoded));
    }
}

static void
builder_reset (Builder *b)
{
  b->text_len = 0;
  b->n_components = 0;
  b->n_repetitions = 0;
  b->n_elements = 0;
  b->rep_start = 0;
  b->element_start = 0;
  b->have_tag = FALSE;
}

static void
builder_clear (Builder *b)
{
  g_clear_pointer (&b->text, g_free);
  g_clear_pointer (&b->components, g_free);
  g_clear_pointer (&b->repetitions, g_free);
  g_clear_pointer (&b->elements, g_free);
}

static gboolean
finish_component (TarmacEdifactReader  *self,
                  Builder              *b,
                  gsize                 offset,
                  GError              **error)
{
  b->components = reserve (b->components, &b->components_size, b->n_components, 1,
                           sizeof (gsize));
  b->components[b->n_components++] = b->text_len;
  append_value (self, b);
  self->value_len = 0;

  if (b->n_components - b->rep_start > TARMAC_EDIFACT_MAX_ITEMS)
    {
      g_set_error (error, TARMAC_EDIFACT_ERROR, TARMAC_EDIFACT_ERROR_TOO_MANY_COMPONENTS,
                   _("More than %u components in one element at byte %zu"
                     " (line %u)"),
                   TARMAC_EDIFACT_MAX_ITEMS, offset, self->line);
      return FALSE;
    }

  return TRUE;
}

static gboolean
finish_repetition (TarmacEdifactReader  *self,
                   Builder              *b,
                   gsize                 offset,
                   GError              **error)
{
  if (!finish_component (self, b, offset, error))
    return FALSE;

  b->repetitions = reserve (b->repetitions, &b->repetitions_size, b->n_repetitions, 1,
                            sizeof (guint));
  b->repetitions[b->n_repetitions++] = b->n_components;
  b->rep_start = b->n_components;

  if (b->n_repetitions - b->element_start > TARMAC_EDIFACT_MAX_ITEMS)
    {
      g_set_error (error, TARMAC_EDIFACT_ERROR, TARMAC_EDIFACT_ERROR_TOO_MANY_REPETITIONS,
                   _("More than %u repetitions of one element at byte %zu"
                     " (line %u)"),
                   TARMAC_EDIFACT_MAX_ITEMS, offset, self->line);
      return FALSE;
    }

  return TRUE;
}

static gboolean
finish_element (TarmacEdifactReader  *self,
                Builder              *b,
                gsize                 offset,
                GError              **error)
{
  if (!finish_repetition (self, b, offset, error))
    return FALSE;

  if (!b->have_tag)
    {
      /* The tag is the first component of the first "element", at the start of text;
       * the rest of that element is dropped. */
      b->text_len = strlen (b->text) + 1;
      b->n_components = 0;
      b->n_repetitions = 0;
      b->rep_start = 0;
      b->element_start = 0;
      b->have_tag = TRUE;
      return TRUE;
    }

  b->elements = reserve (b->elements, &b->elements_size, b->n_elements, 1, sizeof (guint));
  b->elements[b->n_elements++] = b->n_repetitions;
  b->element_start = b->n_repetitions;

  if (b->n_elements > TARMAC_EDIFACT_MAX_ITEMS)
    {
      g_set_error (error, TARMAC_EDIFACT_ERROR, TARMAC_EDIFACT_ERROR_TOO_MANY_ELEMENTS,
                   _("More than %u elements in one segment at byte %zu"
                     " (line %u)"),
                   TARMAC_EDIFACT_MAX_ITEMS, offset, self->line);
      return FALSE;
    }

  return TRUE;
}

/* The segment @b holds, in one block: the segment, its elements, their repetitions
 * (NULL-terminated arrays of components) and the text they point into, so that
 * tarmac_edifact_segment_free() is one g_free(). Every part's size is a multiple of a
 * pointer's, so each part stays aligned. */
static TarmacEdifactSegment *
segment_new (Builder *b)
{
  guint n_elements = b->n_elements;
  guint n_repetitions = b->n_repetitions;
  guint n_components = b->n_components;
  TarmacEdifactSegment *segment;
  TarmacEdifactElement *elements;
  GStrv *repetitions;
  char **values;
  char *text;
  guint r = 0, c = 0, v = 0;

  G_STATIC_ASSERT (sizeof (TarmacEdifactSegment) % sizeof (gpointer) == 0);
  G_STATIC_ASSERT (sizeof (TarmacEdifactElement) % sizeof (gpointer) == 0);

  segment = g_malloc (sizeof (TarmacEdifactSegment) +
                      n_elements * sizeof (TarmacEdifactElement) +
                      n_repetitions * sizeof (GStrv) +
                      (n_components + n_repetitions) * sizeof (char *) +
                      b->text_len);
  elements = (TarmacEdifactElement *) (segment + 1);
  repetitions = (GStrv *) (elements + n_elements);
  values = (char **) (repetitions + n_repetitions);
  text = (char *) (values + n_components + n_repetitions);
  memcpy (text, b->text, b->text_len);

  for (guint e = 0; e < n_elements; e++)
    {
      guint end = b->elements[e];

      elements[e].n_repetitions = end - r;
      elements[e].repetitions = repetitions + r;
      for (; r < end; r++)
        {
          guint last = b->repetitions[r];

          repetitions[r] = values + v;
          for (; c < last; c++)
            values[v++] = text + b->components[c];
          values[v++] = NULL;
        }
    }

  segment->tag = text;
  segment->n_elements = n_elements;
  segment->elements = elements;
  return segment;
}

static inline void
append_byte (TarmacEdifactReader *self,
             guint8               c,
             gsize                offset)
{
  if (G_UNLIKELY (self->value_len == self->value_size))
    {
      self->value_size = MAX (256, self->value_size * 2);
      self->value = g_realloc (self->value, self->value_size);
      self->origins = g_realloc_n (self->origins, self->value_size, sizeof (Origin));
    }
  self->value[self->value_len] = c;
  self->origins[self->value_len].offset = offset;
  self->origins[self->value_len].line = self->line;
  self->value_len++;
}

static TarmacEdifactSegment *
read_segment (TarmacEdifactReader  *self,
              GError              **error)
{
  TarmacEdifactSegment *segment;
  gsize start = self->pos;
  guint start_line = self->line;
  gsize i = start;
  gboolean terminated = FALSE;
  gboolean release_at_end = FALSE;
  gboolean valid_tag;
  Builder *b = &self->builder;

  builder_reset (b);
  self->value_len = 0;

  while (i < self->length)
    {
      guint8 c = self->data[i];

      if (i - start >= TARMAC_EDIFACT_MAX_SEGMENT)
        {
          g_set_error (error, TARMAC_EDIFACT_ERROR, TARMAC_EDIFACT_ERROR_SEGMENT_TOO_LONG,
                       _("Segment at byte %zu (line %u) is longer than %u bytes"),
                       start, start_line, (guint) TARMAC_EDIFACT_MAX_SEGMENT);
          goto fail;
        }

      if (c == self->release)
        {
          guint release_line = self->line;
          gsize j = i + 1;

          /* A line break right after the release is transport wrapping (Type B): the
           * release applies to the next real character. */
          count_line (self, i);
          while (j < self->length && (self->data[j] == '\r' || self->data[j] == '\n') &&
                 !is_service (self, self->data[j]))
            count_line (self, j++);

          if (j >= self->length)
            {
              add_warning (self, TARMAC_EDIFACT_WARNING_RELEASE_AT_END, i, release_line,
                           _("The input ends with a release character"));
              i = j;
              release_at_end = TRUE;
              break;
            }
          append_byte (self, self->data[j], j);
          count_line (self, j);
          i = j + 1;
          continue;
        }

      if (c == self->terminator)
        {
          if (!looks_like_segment_end (self, i + 1))
            {
              add_warning (self, TARMAC_EDIFACT_WARNING_UNRELEASED_TERMINATOR, i, self->line,
                           _("Unreleased segment terminator at byte %zu"
                             " taken as data"), i);
              append_byte (self, c, i);
              count_line (self, i++);
              continue;
            }
          count_line (self, i++);
          terminated = TRUE;
          break;
        }

      if (c == self->element)
        {
          if (!finish_element (self, b, i, error))
            goto fail;
        }
      else if (c == self->component)
        {
          if (!finish_component (self, b, i, error))
            goto fail;
        }
      else if (self->repetition >= 0 && c == self->repetition)
        {
          if (!finish_repetition (self, b, i, error))
            goto fail;
        }
      else if (c != '\r' && c != '\n')
        {
          append_byte (self, c, i);
        }

      count_line (self, i++);
    }

  if (!finish_element (self, b, i, error))
    goto fail;

  if (!terminated && !release_at_end)
    add_warning (self, TARMAC_EDIFACT_WARNING_UNTERMINATED_SEGMENT, start, start_line,
                 _("The last segment, at byte %zu, has no terminator"), start);

  segment = segment_new (b);
  segment->offset = start;
  segment->length = i - start;
  segment->line = start_line;
  segment->index = self->n_segments;

  valid_tag = strlen (segment->tag) == 3;
  for (guint k = 0; valid_tag && k < 3; k++)
    valid_tag = is_tag_char ((guint8) segment->tag[k]);
  if (!valid_tag)
    add_warning (self, TARMAC_EDIFACT_WARNING_INVALID_TAG, start, start_line,
                 _("“%s” at byte %zu is not a segment tag"), segment->tag, start);

  self->pos = i;
  return segment;

fail:
  return NULL;
}

/* Envelope checks (§1.7): all warnings, never errors. */

static const char *
value_or_empty (TarmacEdifactSegment *segment,
                guint                 element)
{
  const char *value = tarmac_edifact_segment_get_value (segment, element, 0);

  return value != NULL ? value : "";
}

static void
check_count (TarmacEdifactReader      *self,
             TarmacEdifactSegment     *segment,
             TarmacEdifactWarningCode  code,
             guint                     actual)
{
  const char *said = value_or_empty (segment, 0);
  guint64 count = 0;

  if (g_ascii_string_to_unsigned (said, 10, 0, G_MAXUINT, &count, NULL) && count == actual)
    return;

  add_warning (self, code, segment->offset, segment->line,
               _("%s at byte %zu gives the count “%s”, but there are %u"),
               segment->tag, segment->offset, said, actual);
}

static void
check_reference (TarmacEdifactReader  *self,
                 TarmacEdifactSegment *segment,
                 const char           *header,
                 const char           *expected)
{
  const char *said = value_or_empty (segment, 1);

  if (g_strcmp0 (said, expected != NULL ? expected : "") == 0)
    return;

  add_warning (self, TARMAC_EDIFACT_WARNING_REFERENCE_MISMATCH, segment->offset, segment->line,
               _("%s at byte %zu has the reference “%s”, but its %s has “%s”"),
               segment->tag, segment->offset, said, header, expected != NULL ? expected : "");
}

static void
close_message (TarmacEdifactReader *self,
               gsize                offset,
               guint                line)
{
  if (!self->in_message)
    return;

  add_warning (self, TARMAC_EDIFACT_WARNING_MISSING_UNT, offset, line,
               _("Message “%s” has no UNT; closed at byte %zu"),
               self->message_ref != NULL ? self->message_ref : "", offset);
  self->in_message = FALSE;
}

static void
close_group (TarmacEdifactReader *self,
             gsize                offset,
             guint                line)
{
  close_message (self, offset, line);
  if (!self->in_group)
    return;

  add_warning (self, TARMAC_EDIFACT_WARNING_MISSING_UNE, offset, line,
               _("Group “%s” has no UNE; closed at byte %zu"),
               self->group_ref != NULL ? self->group_ref : "", offset);
  self->in_group = FALSE;
}

static void
close_interchange (TarmacEdifactReader *self,
                   gsize                offset,
                   guint                line)
{
  close_group (self, offset, line);
  if (!self->in_interchange)
    return;

  add_warning (self, TARMAC_EDIFACT_WARNING_MISSING_UNZ, offset, line,
               _("Interchange “%s” has no UNZ; closed at byte %zu"),
               self->interchange_ref != NULL ? self->interchange_ref : "", offset);
  self->in_interchange = FALSE;
}

static void
unexpected_trailer (TarmacEdifactReader  *self,
                    TarmacEdifactSegment *segment)
{
  add_warning (self, TARMAC_EDIFACT_WARNING_UNEXPECTED_TRAILER, segment->offset, segment->line,
               _("%s at byte %zu closes nothing"), segment->tag, segment->offset);
}

static void
start_interchange (TarmacEdifactReader  *self,
                   TarmacEdifactSegment *segment)
{
  const char *syntax = value_or_empty (segment, 0);
  const char *version = tarmac_edifact_segment_get_value (segment, 0, 1);

  close_interchange (self, segment->offset, segment->line);

  self->in_interchange = TRUE;
  g_free (self->interchange_ref);
  self->interchange_ref = g_strdup (tarmac_edifact_segment_get_value (segment, 4, 0));
  self->n_interchange_messages = 0;
  self->n_interchange_groups = 0;

  self->charset = CHARSET_IATA;
  self->iconv_name = NULL;
  for (guint i = 0; i < G_N_ELEMENTS (charsets); i++)
    {
      if (g_ascii_strcasecmp (syntax, charsets[i].id) == 0)
        {
          self->charset = charsets[i].charset;
          self->iconv_name = charsets[i].iconv_name;
          break;
        }
      if (i + 1 == G_N_ELEMENTS (charsets))
        add_warning (self, TARMAC_EDIFACT_WARNING_UNKNOWN_CHARSET, segment->offset,
                     segment->line,
                     _("Unknown syntax identifier “%s” at byte %zu"
                       "; read as ASCII"), syntax, segment->offset);
    }

  /* Without UNA, syntax version 4 has `*` as repetition separator (§1.3). */
  if (!self->una_pending && g_strcmp0 (version, "4") == 0)
    self->repetition = '*';
  self->una_pending = FALSE;
}

static void
track_envelope (TarmacEdifactReader  *self,
                TarmacEdifactSegment *segment)
{
  const char *tag = segment->tag;

  if (self->in_message && strcmp (tag, "UNH") != 0)
    self->n_message_segments++;

  if (strcmp (tag, "UNB") == 0)
    {
      start_interchange (self, segment);
    }
  else if (strcmp (tag, "UNG") == 0)
    {
      close_group (self, segment->offset, segment->line);
      self->in_group = TRUE;
      g_free (self->group_ref);
      self->group_ref = g_strdup (tarmac_edifact_segment_get_value (segment, 4, 0));
      self->n_group_messages = 0;
      self->n_interchange_groups++;
    }
  else if (strcmp (tag, "UNH") == 0)
    {
      close_message (self, segment->offset, segment->line);
      self->in_message = TRUE;
      g_free (self->message_ref);
      self->message_ref = g_strdup (tarmac_edifact_segment_get_value (segment, 0, 0));
      self->n_message_segments = 1;
      self->n_interchange_messages++;
      if (self->in_group)
        self->n_group_messages++;
    }
  else if (strcmp (tag, "UNT") == 0)
    {
      if (!self->in_message)
        {
          unexpected_trailer (self, segment);
          return;
        }
      check_count (self, segment, TARMAC_EDIFACT_WARNING_SEGMENT_COUNT,
                   self->n_message_segments);
      check_reference (self, segment, "UNH", self->message_ref);
      self->in_message = FALSE;
    }
  else if (strcmp (tag, "UNE") == 0)
    {
      close_message (self, segment->offset, segment->line);
      if (!self->in_group)
        {
          unexpected_trailer (self, segment);
          return;
        }
      check_count (self, segment, TARMAC_EDIFACT_WARNING_MESSAGE_COUNT, self->n_group_messages);
      check_reference (self, segment, "UNG", self->group_ref);
      self->in_group = FALSE;
    }
  else if (strcmp (tag, "UNZ") == 0)
    {
      close_group (self, segment->offset, segment->line);
      self->una_pending = FALSE;
      if (!self->in_interchange)
        {
          unexpected_trailer (self, segment);
          return;
        }
      check_count (self, segment, TARMAC_EDIFACT_WARNING_MESSAGE_COUNT,
                   self->n_interchange_groups > 0 ? self->n_interchange_groups
                                                  : self->n_interchange_messages);
      check_reference (self, segment, "UNB", self->interchange_ref);
      self->in_interchange = FALSE;
    }
}

/* Public API */

/**
 * tarmac_edifact_reader_new:
 * @data: (array length=length): the bytes; borrowed, they must outlive the reader
 * @length: their number
 *
 * Returns: (transfer full): a reader positioned before the first segment
 */
TarmacEdifactReader *
tarmac_edifact_reader_new (const guint8 *data,
                           gsize         length)
{
  TarmacEdifactReader *self;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  self = g_new0 (TarmacEdifactReader, 1);
  self->data = data;
  self->length = length;
  self->line = 1;
  self->charset = CHARSET_NONE;
  set_default_service_characters (self);
  self->warnings = g_ptr_array_new_with_free_func (warning_free);

  return self;
}

void
tarmac_edifact_reader_free (TarmacEdifactReader *self)
{
  if (self == NULL)
    return;

  g_free (self->interchange_ref);
  g_free (self->group_ref);
  g_free (self->message_ref);
  g_ptr_array_unref (self->warnings);
  g_free (self->value);
  g_free (self->origins);
  builder_clear (&self->builder);
  g_free (self);
}

/**
 * tarmac_edifact_reader_next:
 * @self: a reader
 * @segment: (out) (transfer full): the next segment, or %NULL
 * @error: where to put a fatal error
 *
 * Reads one segment. At the end of input it closes what is still open (with warnings)
 * and returns %FALSE without an error. On hostile input it returns %FALSE with an error
 * and then returns %FALSE (no error) on every later call.
 *
 * Returns: %TRUE if @segment was set
 */
gboolean
tarmac_edifact_reader_next (TarmacEdifactReader   *self,
                            TarmacEdifactSegment **segment,
                            GError               **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (segment != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *segment = NULL;

  if (self->done)
    return FALSE;

  if (!self->started)
    {
      self->started = TRUE;
      if (!find_start (self, error))
        {
          self->done = TRUE;
          return FALSE;
        }
    }

  for (;;)
    {
      while (self->pos < self->length &&
             (is_noise (self, self->data[self->pos]) ||
              self->data[self->pos] == self->terminator))
        count_line (self, self->pos++);

      if (self->pos >= self->length)
        {
          close_interchange (self, self->length, self->line);
          self->done = TRUE;
          return FALSE;
        }

      if (has_prefix_at (self, self->pos, "UNA"))
        {
          const guint8 *una = self->data + self->pos;

          if (self->length - self->pos < 9)
            {
              g_set_error (error, TARMAC_EDIFACT_ERROR, TARMAC_EDIFACT_ERROR_TRUNCATED_UNA,
                           _("The input ends inside the UNA at byte %zu"
                             " (line %u)"), self->pos, self->line);
              self->done = TRUE;
              return FALSE;
            }

          /* Positional, never trimmed: a space in position 8 means "no repetition". */
          self->component = una[3];
          self->element = una[4];
          self->release = una[6];
          self->repetition = una[7] == ' ' ? -1 : una[7];
          self->terminator = una[8];
          self->una_pending = TRUE;
          for (guint k = 0; k < 9; k++)
            count_line (self, self->pos++);
          continue;
        }

      if (has_prefix_at (self, self->pos, "UNB"))
        {
          if (!self->una_pending)
            set_default_service_characters (self);
          /* ISO 9735: the UNB header is in the basic set whatever comes next. */
          self->charset = CHARSET_NONE;
        }

      *segment = read_segment (self, error);
      if (*segment == NULL)
        {
          self->done = TRUE;
          return FALSE;
        }

      track_envelope (self, *segment);
      self->n_segments++;
      return TRUE;
    }
}

/**
 * tarmac_edifact_reader_get_start_offset:
 *
 * Returns: the byte offset of the first UNA, UNB or UNH, after a BOM and any Type B
 *   envelope lines; 0 before the first call to tarmac_edifact_reader_next()
 */
gsize
tarmac_edifact_reader_get_start_offset (TarmacEdifactReader *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->start_offset;
}

guint
tarmac_edifact_reader_get_n_warnings (TarmacEdifactReader *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->warnings->len;
}

/**
 * tarmac_edifact_reader_get_warning:
 *
 * Returns: (transfer none): the warning, owned by the reader
 */
const TarmacEdifactWarning *
tarmac_edifact_reader_get_warning (TarmacEdifactReader *self,
                                   guint                index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->warnings->len, NULL);

  return g_ptr_array_index (self->warnings, index);
}

void
tarmac_edifact_segment_free (TarmacEdifactSegment *segment)
{
  /* One block (segment_new()). */
  g_free (segment);
}

guint
tarmac_edifact_segment_get_n_repetitions (TarmacEdifactSegment *segment,
                                          guint                 element)
{
  g_return_val_if_fail (segment != NULL, 0);

  if (element >= segment->n_elements)
    return 0;

  return segment->elements[element].n_repetitions;
}

guint
tarmac_edifact_segment_get_n_components (TarmacEdifactSegment *segment,
                                         guint                 element)
{
  g_return_val_if_fail (segment != NULL, 0);

  if (element >= segment->n_elements)
    return 0;

  return g_strv_length (segment->elements[element].repetitions[0]);
}

/**
 * tarmac_edifact_segment_get_repetition_value:
 *
 * Returns: (nullable): the component, or %NULL if the segment does not have it
 */
const char *
tarmac_edifact_segment_get_repetition_value (TarmacEdifactSegment *segment,
                                             guint                 element,
                                             guint                 repetition,
                                             guint                 component)
{
  GStrv components;

  g_return_val_if_fail (segment != NULL, NULL);

  if (element >= segment->n_elements ||
      repetition >= segment->elements[element].n_repetitions)
    return NULL;

  components = segment->elements[element].repetitions[repetition];
  for (guint i = 0; i < component; i++)
    if (components[i] == NULL)
      return NULL;

  return components[component];
}

/**
 * tarmac_edifact_segment_get_value:
 * @element: 0 for the first element after the tag
 * @component: 0 for the first component
 *
 * The value in the first repetition.
 *
 * Returns: (nullable): the component, or %NULL if the segment does not have it
 */
const char *
tarmac_edifact_segment_get_value (TarmacEdifactSegment *segment,
                                  guint                 element,
                                  guint                 component)
{
  return tarmac_edifact_segment_get_repetition_value (segment, element, 0, component);
}
