/* tarmac-i18n.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-i18n"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>

#include "tarmac-i18n.h"

/**
 * tarmac_i18n_init:
 *
 * Sets the locale and binds Tarmac's message catalogue, for the app, the CLI and the hub
 * alike. `TARMAC_LOCALEDIR` points an uninstalled build at the catalogues meson compiled
 * in its build tree (`_build/po`), so `LANGUAGE=ar` works before `meson install`.
 */
void
tarmac_i18n_init (void)
{
  const char *localedir = g_getenv ("TARMAC_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL && *localedir != '\0' ? localedir
                                                                           : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}
