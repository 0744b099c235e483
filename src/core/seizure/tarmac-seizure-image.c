/* tarmac-seizure-image.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-seizure"

#include "config.h"

#include <string.h>

#include "tarmac-seizure-image.h"

static gboolean
sniff_png (const guchar *data,
           gsize         length,
           guint        *width,
           guint        *height)
{
  static const guchar signature[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

  if (length < 24 || memcmp (data, signature, sizeof signature) != 0 ||
      memcmp (data + 12, "IHDR", 4) != 0)
    return FALSE;
  *width = (guint) data[16] << 24 | (guint) data[17] << 16 | (guint) data[18] << 8 | data[19];
  *height = (guint) data[20] << 24 | (guint) data[21] << 16 | (guint) data[22] << 8 | data[23];
  return TRUE;
}

/* Walks the JPEG markers up to the first start-of-frame, which holds the size. */
static gboolean
sniff_jpeg (const guchar *data,
            gsize         length,
            guint        *width,
            guint        *height)
{
  gsize i = 2;

  if (length < 4 || data[0] != 0xff || data[1] != 0xd8)
    return FALSE;
  while (i + 4 <= length)
    {
      guint marker, segment;

      if (data[i] != 0xff)
        return FALSE;
      marker = data[i + 1];
      if (marker == 0xff)
        {
          i++;   /* fill byte */
          continue;
        }
      if (marker == 0xd8 || marker == 0x01 || (marker >= 0xd0 && marker <= 0xd7))
        {
          i += 2;
          continue;
        }
      if (marker == 0xd9 || marker == 0xda)
        return FALSE;   /* end of image or scan data before any frame header */
      segment = (guint) data[i + 2] << 8 | data[i + 3];
      if (segment < 2)
        return FALSE;
      if (marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 &&
          marker != 0xcc)
        {
          if (i + 9 > length || segment < 7)
            return FALSE;
          *height = (guint) data[i + 5] << 8 | data[i + 6];
          *width = (guint) data[i + 7] << 8 | data[i + 8];
          return TRUE;
        }
      i += 2 + segment;
    }
  return FALSE;
}

/**
 * tarmac_seizure_image_sniff:
 * @bytes: a file's bytes
 * @width: (out) (optional): the image's width in pixels
 * @height: (out) (optional): its height
 *
 * Returns: (nullable): "image/png" or "image/jpeg" when @bytes are one with a sensible
 *   size (1 to %TARMAC_SEIZURE_IMAGE_MAX_SIDE pixels a side), otherwise %NULL
 */
const char *
tarmac_seizure_image_sniff (GBytes *bytes,
                            guint  *width,
                            guint  *height)
{
  const guchar *data;
  gsize length = 0;
  guint w = 0, h = 0;
  const char *type = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);

  data = g_bytes_get_data (bytes, &length);
  if (data == NULL)
    return NULL;
  if (sniff_png (data, length, &w, &h))
    type = "image/png";
  else if (sniff_jpeg (data, length, &w, &h))
    type = "image/jpeg";
  if (type == NULL || w == 0 || h == 0 ||
      w > TARMAC_SEIZURE_IMAGE_MAX_SIDE || h > TARMAC_SEIZURE_IMAGE_MAX_SIDE)
    return NULL;
  if (width != NULL)
    *width = w;
  if (height != NULL)
    *height = h;
  return type;
}
