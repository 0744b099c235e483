/* tarmac-cli-util.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "tarmac-cli-private.h"
#include "tarmac-store-private.h"

void
tarmac_cli_print_error (const char *format,
                        ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  /* Translators: the prefix of an error message on the command line */
  g_printerr (_("tarmac-cli: %s\n"), message);
}

gboolean
tarmac_cli_count_rows (TarmacStore *store,
                       const char  *sql,
                       gint64      *count)
{
  g_autoptr(sqlite3_stmt) stmt = _tarmac_store_prepare (store, sql, NULL);

  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return FALSE;

  *count = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

/* Parses a command's own options; anything left over is an error. */
gboolean
tarmac_cli_parse_options (int                 *argc,
                          char              ***argv,
                          const GOptionEntry  *entries,
                          GError             **error)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, argc, argv, error))
    return FALSE;

  if (*argc > 1)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("Unexpected argument “%s”"), (*argv)[1]);
      return FALSE;
    }

  return TRUE;
}

/* Pads by characters, not bytes, so that translated labels line up. */
void
tarmac_cli_print_field (const char *label,
                        const char *value)
{
  glong width = g_utf8_strlen (label, -1);

  g_print ("%s%*s %s\n", label, (int) MAX (0, 28 - width), "", value);
}
