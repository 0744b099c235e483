/* main.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac"

#include "config.h"

#include <glib/gi18n.h>

#include "tarmac-application.h"
#include "tarmac-i18n.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(TarmacApplication) app = NULL;

  tarmac_i18n_init ();

  g_set_application_name ("Tarmac" NAME_SUFFIX);

  app = tarmac_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
