/* tarmac-cli-config.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "tarmac-cli-private.h"

/* config get airport | config set airport CODE: the settings kept in the database itself,
 * which every program using it (the app, tarmac-cli import) reads. For now the airport
 * this workstation serves, from which imported flights are inbound or outbound. */

static int
usage (void)
{
  tarmac_cli_print_error (_("usage: tarmac-cli config get airport | config set airport CODE"));
  return EXIT_USAGE;
}

int
tarmac_cli_config (TarmacStore  *store,
                   int           argc,
                   char        **argv)
{
  g_autoptr(GError) error = NULL;

  if (argc == 3 && g_str_equal (argv[1], "get") && g_str_equal (argv[2], "airport"))
    {
      g_autofree char *code = tarmac_store_get_airport_code (store);

      if (code == NULL)
        {
          tarmac_cli_print_error (_("No airport is set in this database"));
          return EXIT_FAILED;
        }
      g_print ("%s\n", code);
      return EXIT_OK;
    }

  if (argc == 4 && g_str_equal (argv[1], "set") && g_str_equal (argv[2], "airport"))
    {
      if (!tarmac_store_set_airport_code (store, argv[3], &error))
        {
          tarmac_cli_print_error ("%s", error->message);
          return g_error_matches (error, TARMAC_STORE_ERROR, TARMAC_STORE_ERROR_INVALID) ?
                 EXIT_USAGE : EXIT_FAILED;
        }
      return EXIT_OK;
    }

  return usage ();
}
