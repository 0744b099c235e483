/* tarmac-sniff.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-sniff"

#include "config.h"

#include <string.h>

#include "tarmac-sniff.h"

/* Picks the parser from the first bytes of a file. It must survive what real traffic
 * looks like (research/formats.md §1, §7.1): a UTF-8 BOM, blank or indented lines, Type B
 * envelope lines before UNB, a UNA that redefines the separators, a message body with no
 * envelope at all. It reads at most TARMAC_SNIFF_WINDOW bytes and never allocates. */

static gsize
skip_bom_and_space (const guint8 *data,
                    gsize         length)
{
  gsize i = 0;

  if (length >= 3 && data[0] == 0xef && data[1] == 0xbb && data[2] == 0xbf)
    i = 3;

  while (i < length && g_ascii_isspace (data[i]))
    i++;

  return i;
}

static const guint8 *
find_bytes (const guint8 *haystack,
            gsize         length,
            const char   *needle)
{
  gsize needle_length = strlen (needle);

  if (needle_length == 0 || length < needle_length)
    return NULL;

  for (gsize i = 0; i + needle_length <= length; i++)
    if (haystack[i] == (guint8) needle[0] && memcmp (haystack + i, needle, needle_length) == 0)
      return haystack + i;

  return NULL;
}

/* The message type of the first UNH: "UNH+ref+PAXLST:D:05B:UN:IATA". */
static TarmacFileFormat
sniff_edifact (const guint8 *data,
               gsize         length)
{
  char data_separator = '+';
  char component_separator = ':';
  const guint8 *unh;
  gsize start = skip_bom_and_space (data, length);

  if (length - start >= 9 && memcmp (data + start, "UNA", 3) == 0)
    {
      component_separator = data[start + 3];
      data_separator = data[start + 4];
    }

  for (gsize offset = 0; offset < length; offset = (unh - data) + 3)
    {
      const guint8 *p;
      const guint8 *end = data + length;
      char type[7] = { 0 };
      guint n = 0;

      unh = find_bytes (data + offset, length - offset, "UNH");
      if (unh == NULL)
        return TARMAC_FILE_FORMAT_UNKNOWN;

      /* A segment tag starts a line or follows a terminator; "UNH" inside a name is not one. */
      if (unh > data && g_ascii_isalnum (unh[-1]))
        continue;

      p = unh + 3;
      if (p >= end || *p != data_separator)
        continue;

      /* Skip the message reference. */
      for (p++; p < end && *p != data_separator; p++)
        ;
      if (p >= end)
        return TARMAC_FILE_FORMAT_UNKNOWN;

      for (p++; p < end && n < 6 && g_ascii_isalpha (*p); p++)
        type[n++] = *p;

      if (p < end && *p != component_separator && *p != data_separator)
        return TARMAC_FILE_FORMAT_EDIFACT_OTHER;
      if (g_str_equal (type, "PAXLST"))
        return TARMAC_FILE_FORMAT_PAXLST;
      if (g_str_equal (type, "PNRGOV"))
        return TARMAC_FILE_FORMAT_PNRGOV;
      return TARMAC_FILE_FORMAT_EDIFACT_OTHER;
    }

  return TARMAC_FILE_FORMAT_UNKNOWN;
}

static gboolean
looks_like_edifact (const guint8 *data,
                    gsize         length)
{
  gsize start = skip_bom_and_space (data, length);

  if (length - start < 4)
    return FALSE;

  /* UNA/UNB/UNH at the start, or after Type B envelope lines (QU …, .SENDER …). */
  return memcmp (data + start, "UNA", 3) == 0 ||
         memcmp (data + start, "UNB", 3) == 0 ||
         memcmp (data + start, "UNH", 3) == 0 ||
         find_bytes (data, length, "\nUNB") != NULL ||
         find_bytes (data, length, "\nUNH") != NULL ||
         find_bytes (data, length, "'UNH") != NULL;
}

/* Cargo-IMP: the first line of the message is "FFM/8", "FWB/17", "FHL/5". */
static TarmacFileFormat
sniff_cargo_imp (const guint8 *data,
                 gsize         length)
{
  static const struct { const char *tag; TarmacFileFormat format; } tags[] = {
    { "FFM/", TARMAC_FILE_FORMAT_CARGO_IMP_FFM },
    { "FWB/", TARMAC_FILE_FORMAT_CARGO_IMP_FWB },
    { "FHL/", TARMAC_FILE_FORMAT_CARGO_IMP_FHL },
  };
  gsize i = skip_bom_and_space (data, length);

  /* Up to a few Type B envelope lines may come first. */
  for (guint line = 0; line < 8 && i < length; line++)
    {
      for (guint t = 0; t < G_N_ELEMENTS (tags); t++)
        if (length - i >= 5 && memcmp (data + i, tags[t].tag, 4) == 0 &&
            g_ascii_isdigit (data[i + 4]))
          return tags[t].format;

      while (i < length && data[i] != '\n' && data[i] != '\r')
        i++;
      while (i < length && g_ascii_isspace (data[i]))
        i++;
    }

  return TARMAC_FILE_FORMAT_UNKNOWN;
}

/* The local name of the root element, skipping the declaration, comments and doctype. */
static gboolean
xml_root_name (const guint8 *data,
               gsize         length,
               char         *name,
               gsize         name_size)
{
  gsize i = skip_bom_and_space (data, length);

  while (i + 1 < length && data[i] == '<' && (data[i + 1] == '?' || data[i + 1] == '!'))
    {
      const char *close = data[i + 1] == '!' && length - i > 3 &&
                          data[i + 2] == '-' && data[i + 3] == '-' ? "-->" : ">";
      const guint8 *end = find_bytes (data + i, length - i, close);
      const guint8 *subset = data[i + 1] == '!' ? memchr (data + i, '[', length - i) : NULL;

      /* a DOCTYPE with an internal subset ends at "]>", not at its first ">": the
       * importer must see the root behind it to refuse the file by name */
      if (subset != NULL && end != NULL && subset < end && strcmp (close, ">") == 0)
        {
          end = find_bytes (subset, length - (subset - data), "]>");
          close = "]>";
        }
      if (end == NULL)
        return FALSE;
      i = (end - data) + strlen (close);
      while (i < length && g_ascii_isspace (data[i]))
        i++;
    }

  if (i >= length || data[i] != '<')
    return FALSE;

  {
    gsize start = ++i;
    gsize n = 0;

    while (i < length && (g_ascii_isalnum (data[i]) || data[i] == '_' || data[i] == '-' ||
                          data[i] == '.' || data[i] == ':'))
      {
        if (data[i] == ':')
          start = i + 1;
        i++;
      }

    if (i == start || i - start >= name_size)
      return FALSE;

    for (gsize k = start; k < i; k++)
      name[n++] = data[k];
    name[n] = '\0';
  }

  return TRUE;
}

static TarmacFileFormat
sniff_xml (const guint8 *data,
           gsize         length)
{
  static const char * const cargo_roots[] = {
    "Waybill", "FlightManifest", "HouseWaybill", "HouseManifest", "StatusMessage",
  };
  char root[64];

  if (!xml_root_name (data, length, root, sizeof root))
    return TARMAC_FILE_FORMAT_UNKNOWN;

  for (guint i = 0; i < G_N_ELEMENTS (cargo_roots); i++)
    if (g_str_equal (root, cargo_roots[i]))
      return TARMAC_FILE_FORMAT_CARGO_XML;

  if (g_str_equal (root, "CONSOLIDATED_LIST"))
    return TARMAC_FILE_FORMAT_UN_LIST_XML;

  if (g_str_has_prefix (root, "PNR") || g_str_equal (root, "DaneXML") ||
      find_bytes (data, length, "<PNR") != NULL ||
      find_bytes (data, length, ":PNR") != NULL)
    return TARMAC_FILE_FORMAT_PNRGOV_XML;

  return TARMAC_FILE_FORMAT_XML_OTHER;
}

/* Text whose first lines split on one delimiter into the same number (≥ 2) of fields at
 * least twice (a header and a row), most of the lines that split at all agreeing: title
 * rows of one cell above the header are common in station-office manifests. */
static gboolean
looks_like_csv (const guint8 *data,
                gsize         length)
{
  static const char delimiters[] = { ',', ';', '\t', '|' };
  gsize start = skip_bom_and_space (data, length);

  /* Legacy 8-bit spreadsheets exist, so invalid UTF-8 is allowed; NUL bytes are not text. */
  if (memchr (data + start, '\0', MIN (length - start, 4096)) != NULL)
    return FALSE;

  for (guint d = 0; d < G_N_ELEMENTS (delimiters); d++)
    {
      guint counts[10] = { 0 };
      guint lines = 0;
      guint in_line = 1;
      gboolean quoted = FALSE;

      for (gsize i = start; i <= length && lines < G_N_ELEMENTS (counts); i++)
        {
          gboolean end = i == length;

          if (!end && data[i] == '"')
            quoted = !quoted;
          else if (!end && !quoted && data[i] == (guint8) delimiters[d])
            in_line++;
          else if (end || (!quoted && (data[i] == '\n' || data[i] == '\r')))
            {
              if (!end && data[i] == '\r' && i + 1 < length && data[i + 1] == '\n')
                i++;
              /* A line cut by the end of the window is not counted. */
              if (!end || length < TARMAC_SNIFF_WINDOW)
                counts[lines++] = in_line;
              in_line = 1;
            }
        }

      for (guint i = 0; i < lines; i++)
        {
          guint same = 0;
          guint other = 0;

          if (counts[i] < 2)
            continue;
          for (guint j = 0; j < lines; j++)
            {
              if (counts[j] == counts[i])
                same++;
              else if (counts[j] > 1)
                other++;
            }
          /* A header and at least one row that split the same way: one line of prose with
           * a comma in it is not a spreadsheet. */
          if (same >= 2 && other * 2 <= same)
            return TRUE;
        }
    }

  return FALSE;
}

/* UTF-16 text (Excel's "Unicode text") is sniffed as the UTF-8 it stands for. */
static TarmacFileFormat
sniff_utf16 (const guint8 *data,
             gsize         length)
{
  const char *charset = data[0] == 0xFF ? "UTF-16LE" : "UTF-16BE";
  g_autofree char *text = NULL;
  gsize written = 0;

  text = g_convert ((const char *) data + 2, (length - 2) & ~(gsize) 1, "UTF-8", charset, NULL,
                    &written, NULL);
  if (text == NULL || written == 0 || memchr (text, '\0', written) != NULL)
    return TARMAC_FILE_FORMAT_UNKNOWN;
  return tarmac_sniff_format ((const guint8 *) text, written);
}

/**
 * tarmac_sniff_format:
 * @data: (array length=length): the start of the file
 * @length: how many bytes @data holds
 *
 * Returns: the format the bytes look like, or %TARMAC_FILE_FORMAT_UNKNOWN
 */
TarmacFileFormat
tarmac_sniff_format (const guint8 *data,
                     gsize         length)
{
  TarmacFileFormat format;
  gsize start;

  g_return_val_if_fail (data != NULL || length == 0, TARMAC_FILE_FORMAT_UNKNOWN);

  length = MIN (length, TARMAC_SNIFF_WINDOW);
  start = skip_bom_and_space (data, length);
  if (start >= length)
    return TARMAC_FILE_FORMAT_UNKNOWN;

  /* An XLSX is a zip whose entries live under xl/. */
  if (length >= 4 && memcmp (data, "PK\003\004", 4) == 0)
    return find_bytes (data, length, "xl/") != NULL ? TARMAC_FILE_FORMAT_XLSX
                                                    : TARMAC_FILE_FORMAT_UNKNOWN;

  if (length >= 4 && ((data[0] == 0xFF && data[1] == 0xFE) || (data[0] == 0xFE && data[1] == 0xFF)))
    return sniff_utf16 (data, length);

  if (data[start] == '<')
    return sniff_xml (data, length);

  if (looks_like_edifact (data, length) &&
      (format = sniff_edifact (data, length)) != TARMAC_FILE_FORMAT_UNKNOWN)
    return format;

  if ((format = sniff_cargo_imp (data, length)) != TARMAC_FILE_FORMAT_UNKNOWN)
    return format;

  if (looks_like_csv (data, length))
    return TARMAC_FILE_FORMAT_CSV;

  return TARMAC_FILE_FORMAT_UNKNOWN;
}

/**
 * tarmac_file_format_to_id:
 * @format: a #TarmacFileFormat
 *
 * Returns: the stable identifier stored in source_file.format and printed by the CLI
 */
const char *
tarmac_file_format_to_id (TarmacFileFormat format)
{
  switch (format)
    {
    case TARMAC_FILE_FORMAT_PAXLST:        return "paxlst";
    case TARMAC_FILE_FORMAT_PNRGOV:        return "pnrgov";
    case TARMAC_FILE_FORMAT_EDIFACT_OTHER: return "edifact";
    case TARMAC_FILE_FORMAT_PNRGOV_XML:    return "pnrgov-xml";
    case TARMAC_FILE_FORMAT_CARGO_IMP_FFM: return "cargo-imp-ffm";
    case TARMAC_FILE_FORMAT_CARGO_IMP_FWB: return "cargo-imp-fwb";
    case TARMAC_FILE_FORMAT_CARGO_IMP_FHL: return "cargo-imp-fhl";
    case TARMAC_FILE_FORMAT_CARGO_XML:     return "cargo-xml";
    case TARMAC_FILE_FORMAT_UN_LIST_XML:   return "un-consolidated-list";
    case TARMAC_FILE_FORMAT_XML_OTHER:     return "xml";
    case TARMAC_FILE_FORMAT_XLSX:          return "xlsx";
    case TARMAC_FILE_FORMAT_CSV:           return "csv";
    case TARMAC_FILE_FORMAT_UNKNOWN:
    default:                               return "unknown";
    }
}
