/* tarmac-zip.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-zip"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <string.h>

#include "tarmac-sheet.h"
#include "tarmac-zip.h"

/* Just enough ZIP (APPNOTE 6.3) to read an XLSX from memory: the central directory at the
 * end, entries stored or deflated (GIO's raw-deflate decompressor), CRC-32 checked.
 * Hostile files are bounded before anything is inflated: entry count, each entry's and
 * the total uncompressed size, and the compression ratio (a 4 KiB entry that claims to
 * inflate to 1 GiB is a bomb, not a spreadsheet). The sizes the directory declares are
 * also enforced while inflating, so an entry that lies about its size stops at the
 * declared one. Zip64 (files over 4 GiB) and encryption are refused: no manifest needs
 * them. Errors are in TARMAC_SHEET_ERROR. */

#define EOCD_SIZE        22
#define CENTRAL_SIZE     46
#define LOCAL_SIZE       30

typedef struct
{
  char    *name;
  guint16  flags;
  guint16  method;
  guint32  crc;
  guint32  compressed_size;
  guint32  size;
  guint32  local_offset;
} Entry;

struct _TarmacZip
{
  const guint8 *data;
  gsize         length;
  GPtrArray    *entries;      /* of Entry */
  GHashTable   *by_name;      /* name → Entry, borrowed */
  gsize         inflated;     /* total handed out so far */
};

static guint16
read16 (const guint8 *p)
{
  return (guint16) (p[0] | (p[1] << 8));
}

static guint32
read32 (const guint8 *p)
{
  return (guint32) p[0] | ((guint32) p[1] << 8) | ((guint32) p[2] << 16) |
         ((guint32) p[3] << 24);
}

static guint32
crc32_update (guint32       crc,
              const guint8 *data,
              gsize         length)
{
  static guint32 table[256];
  static gsize initialised = 0;

  if (g_once_init_enter (&initialised))
    {
      for (guint32 i = 0; i < 256; i++)
        {
          guint32 c = i;

          for (guint k = 0; k < 8; k++)
            c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
          table[i] = c;
        }
      g_once_init_leave (&initialised, 1);
    }

  crc = ~crc;
  for (gsize i = 0; i < length; i++)
    crc = table[(crc ^ data[i]) & 0xFF] ^ (crc >> 8);
  return ~crc;
}

static void
entry_free (Entry *entry)
{
  g_free (entry->name);
  g_free (entry);
}

void
tarmac_zip_free (TarmacZip *zip)
{
  if (zip == NULL)
    return;

  g_hash_table_unref (zip->by_name);
  g_ptr_array_unref (zip->entries);
  g_free (zip);
}

static void
set_corrupt (GError     **error,
             const char  *message)
{
  g_set_error_literal (error, TARMAC_SHEET_ERROR, TARMAC_SHEET_ERROR_CORRUPT, message);
}

/**
 * tarmac_zip_open:
 * @data: (array length=length): the whole archive; must outlive the result
 * @length: its size
 * @error: return location for a #GError
 *
 * Reads the central directory.
 *
 * Returns: (transfer full): the archive, or %NULL with @error set
 */
TarmacZip *
tarmac_zip_open (const guint8  *data,
                 gsize          length,
                 GError       **error)
{
  g_autoptr(TarmacZip) zip = g_new0 (TarmacZip, 1);
  const guint8 *eocd = NULL;
  guint32 cd_size, cd_offset;
  guint16 n_entries;
  gsize p;

  zip->data = data;
  zip->length = length;
  zip->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
  zip->by_name = g_hash_table_new (g_str_hash, g_str_equal);

  /* The end record is the last 22 bytes, or earlier by a comment of up to 64 KiB. */
  if (length >= EOCD_SIZE)
    for (gsize i = length - EOCD_SIZE + 1; i-- > 0 && length - i <= EOCD_SIZE + 0xFFFF;)
      if (memcmp (data + i, "PK\005\006", 4) == 0)
        {
          eocd = data + i;
          break;
        }
  if (eocd == NULL)
    {
      set_corrupt (error, _("The archive is truncated or damaged: its directory is "
                            "missing"));
      return NULL;
    }

  n_entries = read16 (eocd + 10);
  cd_size = read32 (eocd + 12);
  cd_offset = read32 (eocd + 16);

  if (n_entries == 0xFFFF || cd_size == 0xFFFFFFFF || cd_offset == 0xFFFFFFFF ||
      (eocd - data >= 20 && memcmp (eocd - 20, "PK\006\007", 4) == 0))
    {
      g_set_error_literal (error, TARMAC_SHEET_ERROR, TARMAC_SHEET_ERROR_UNSUPPORTED,
                           _("The archive uses the Zip64 extension, which Tarmac does not "
                             "read; save the spreadsheet again as a normal .xlsx file"));
      return NULL;
    }
  if (read16 (eocd + 4) != 0 || read16 (eocd + 6) != 0)
    {
      g_set_error_literal (error, TARMAC_SHEET_ERROR, TARMAC_SHEET_ERROR_UNSUPPORTED,
                           _("The archive is split across several files"));
      return NULL;
    }
  if (n_entries > TARMAC_ZIP_MAX_ENTRIES)
    {
      g_set_error (error, TARMAC_SHEET_ERROR, TARMAC_SHEET_ERROR_TOO_LARGE,
                   _("The archive has %u entries; a spreadsheet has at most %u"),
                   (guint) n_entries, (guint) TARMAC_ZIP_MAX_ENTRIES);
      return NULL;
    }
  if ((gsize) cd_offset + cd_size > (gsize) (eocd - data))
    {
      set_corrupt (error, _("The archive is truncated or damaged: its directory points "
                            "past the end of the file"));
      return NULL;
    }

  p = cd_offset;
  for (guint i = 0; i < n_entries; i++)
    {
      Entry *entry;
      guint16 name_length, extra_length, comment_length;

      if (p + CENTRAL_SIZE > (gsize) cd_offset + cd_size ||
          memcmp (data + p, "PK\001\002", 4) != 0)
        {
          set_corrupt (error, _("The archive is truncated or damaged: a directory entry "
                                "is unreadable"));
          return NULL;
        }
      name_length = read16 (data + p + 28);
      extra_length = read16 (data + p + 30);
      comment_length = read16 (data + p + 32);
      if (p + CENTRAL_SIZE + name_length + extra_length + comment_length >
          (gsize) cd_offset + cd_size)
        {
          set_corrupt (error, _("The archive is truncated or damaged: a directory entry "
                                "is unreadable"));
          return NULL;
        }

      entry = g_new0 (Entry, 1);
      entry->flags = read16 (data + p + 8);
      entry->method = read16 (data + p + 10);
      entry->crc = read32 (data + p + 16);
      entry->compressed_size = read32 (data + p + 20);
      entry->size = read32 (data + p + 24);
      entry->local_offset = read32 (data + p + 42);
      entry->name = g_strndup ((const char *) data + p + CENTRAL_SIZE, name_length);
      g_ptr_array_add (zip->entries, entry);

      if (entry->compressed_size == 0xFFFFFFFF || entry->size == 0xFFFFFFFF ||
          entry->local_offset == 0xFFFFFFFF)
        {
          g_set_error_literal (error, TARMAC_SHEET_ERROR, TARMAC_SHEET_ERROR_UNSUPPORTED,
                               _("The archive uses the Zip64 extension, which Tarmac does "
                                 "not read; save the spreadsheet again as a normal .xlsx "
                                 "file"));
          return NULL;
        }
      if (!g_hash_table_contains (zip->by_name, entry->name))
        g_hash_table_insert (zip->by_name, entry->name, entry);

      p += CENTRAL_SIZE + name_length + extra_length + comment_length;
    }

  return g_steal_pointer (&zip);
}

gboolean
tarmac_zip_has_entry (TarmacZip  *zip,
                      const char *name)
{
  return g_hash_table_contains (zip->by_name, name);
}

static GBytes *
inflate (const guint8  *data,
         gsize          length,
         gsize          size,
         const char    *name,
         GError       **error)
{
  g_autoptr(GZlibDecompressor) decompressor = NULL;
  g_autofree guint8 *out = g_malloc (size + 1);
  gsize in_pos = 0;
  gsize out_pos = 0;

  decompressor = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_RAW);

  for (;;)
    {
      g_autoptr(GError) local_error = NULL;
      gsize read = 0, written = 0;
      GConverterResult result;

      /* One byte of room past the declared size: an entry that inflates further lies. */
      result = g_converter_convert (G_CONVERTER (decompressor), data + in_pos,
                                    length - in_pos, out + out_pos, size + 1 - out_pos,
                                    G_CONVERTER_INPUT_AT_END, &read, &written,
                                    &local_error);
      if (result == G_CONVERTER_ERROR)
        {
          if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NO_SPACE))
            break;
          g_set_error (error, TARMAC_SHEET_ERROR, TARMAC_SHEET_ERROR_CORRUPT,
                       _("The archive entry %s is damaged: %s"), name, local_error->message);
          return NULL;
        }
      in_pos += read;
      out_pos += written;
      if (result == G_CONVERTER_FINISHED || out_pos > size)
        break;
      if (read == 0 && written == 0)
        {
          g_set_error (error, TARMAC_SHEET_ERROR, TARMAC_SHEET_ERROR_CORRUPT,
                       _("The archive entry %s is truncated"), name);
          return NULL;
        }
    }

  if (out_pos != size)
    {
      g_set_error (error, TARMAC_SHEET_ERROR, TARMAC_SHEET_ERROR_CORRUPT,
                   _("The archive entry %s does not have the size its directory states"),
                   name);
      return NULL;
    }

  return g_bytes_new_take (g_steal_pointer (&out), size);
}

/**
 * tarmac_zip_read_entry:
 * @zip: an archive
 * @name: the entry's full name ("xl/workbook.xml")
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the entry's bytes, or %NULL with @error set (also when there
 *   is no such entry: %TARMAC_SHEET_ERROR_CORRUPT)
 */
GBytes *
tarmac_zip_read_entry (TarmacZip   *zip,
                       const char  *name,
                       GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  const Entry *entry = g_hash_table_lookup (zip->by_name, name);
  const guint8 *local;
  gsize start;

  if (entry == NULL)
    {
      g_set_error (error, TARMAC_SHEET_ERROR, TARMAC_SHEET_ERROR_CORRUPT,
                   _("The archive has no entry %s"), name);
      return NULL;
    }
  if (entry->flags & 1)
    {
      g_set_error (error, TARMAC_SHEET_ERROR, TARMAC_SHEET_ERROR_UNSUPPORTED,
                   _("The spreadsheet is encrypted; save it again without a password"));
      return NULL;
    }
  if (entry->method != 0 && entry->method != 8)
    {
      g_set_error (error, TARMAC_SHEET_ERROR, TARMAC_SHEET_ERROR_UNSUPPORTED,
                   _("The archive entry %s uses compression method %u, which Tarmac does "
                     "not read"), name, (guint) entry->method);
      return NULL;
    }
  if (entry->size > TARMAC_ZIP_MAX_ENTRY_SIZE ||
      zip->inflated + entry->size > TARMAC_ZIP_MAX_TOTAL_SIZE ||
      (entry->size > 1024 * 1024 &&
       entry->size / MAX (entry->compressed_size, 1) > TARMAC_ZIP_MAX_RATIO))
    {
      g_set_error (error, TARMAC_SHEET_ERROR, TARMAC_SHEET_ERROR_TOO_LARGE,
                   _("The archive entry %s would inflate to %u bytes from %u; Tarmac "
                     "refuses it as a possible zip bomb"), name, (guint) entry->size,
                   (guint) entry->compressed_size);
      return NULL;
    }

  if ((gsize) entry->local_offset + LOCAL_SIZE > zip->length ||
      memcmp (zip->data + entry->local_offset, "PK\003\004", 4) != 0)
    {
      g_set_error (error, TARMAC_SHEET_ERROR, TARMAC_SHEET_ERROR_CORRUPT,
                   _("The archive is truncated or damaged: entry %s is missing"), name);
      return NULL;
    }
  local = zip->data + entry->local_offset;
  start = (gsize) entry->local_offset + LOCAL_SIZE + read16 (local + 26) + read16 (local + 28);
  if (start > zip->length || zip->length - start < entry->compressed_size)
    {
      g_set_error (error, TARMAC_SHEET_ERROR, TARMAC_SHEET_ERROR_CORRUPT,
                   _("The archive is truncated or damaged: entry %s is cut short"), name);
      return NULL;
    }

  if (entry->method == 0)
    {
      if (entry->compressed_size != entry->size)
        {
          g_set_error (error, TARMAC_SHEET_ERROR, TARMAC_SHEET_ERROR_CORRUPT,
                       _("The archive entry %s does not have the size its directory "
                         "states"), name);
          return NULL;
        }
      bytes = g_bytes_new (zip->data + start, entry->size);
    }
  else if ((bytes = inflate (zip->data + start, entry->compressed_size, entry->size, name,
                             error)) == NULL)
    return NULL;

  if (crc32_update (0, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes)) != entry->crc)
    {
      g_set_error (error, TARMAC_SHEET_ERROR, TARMAC_SHEET_ERROR_CORRUPT,
                   _("The archive entry %s is damaged (its checksum does not match)"), name);
      return NULL;
    }

  zip->inflated += entry->size;
  return g_steal_pointer (&bytes);
}
