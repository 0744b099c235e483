/* tarmac-seizure-image.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Photos of seizures are PNG or JPEG. Their type and size are read from the bytes (never
 * the file name), so a huge or disguised image is refused before anything decodes it. */
#define TARMAC_SEIZURE_IMAGE_MAX_SIDE 8000

const char *tarmac_seizure_image_sniff (GBytes *bytes,
                                        guint  *width,
                                        guint  *height);

G_END_DECLS
