/* tarmac-store-airport.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "tarmac-store-private.h"

/* The airport this workstation serves, kept in the database (meta "airport-code") because
 * the importer needs it wherever it runs — the app's import thread, tarmac-cli — to say
 * whether a flight is inbound, outbound or in transit. The app writes its preference here
 * when it opens a database and when the preference changes; tarmac-cli config sets it. */

static gboolean
is_airport_code (const char *code)
{
  if (code == NULL || strlen (code) != 3)
    return FALSE;
  for (guint i = 0; i < 3; i++)
    if (!g_ascii_isalpha (code[i]))
      return FALSE;
  return TRUE;
}

/**
 * tarmac_store_get_airport_code:
 * @self: a #TarmacStore
 *
 * Returns: (transfer full) (nullable): the IATA code of this database's airport, or %NULL
 *   when none was set
 */
char *
tarmac_store_get_airport_code (TarmacStore *self)
{
  g_autofree char *code = NULL;

  g_return_val_if_fail (TARMAC_IS_STORE (self), NULL);

  code = tarmac_store_get_meta (self, "airport-code");
  if (code == NULL || *code == '\0')
    return NULL;
  return g_steal_pointer (&code);
}

/**
 * tarmac_store_set_airport_code:
 * @self: a #TarmacStore
 * @code: a three-letter IATA airport code, in any case ("LFW", "lfw")
 * @error: return location for a #GError
 *
 * Sets the airport this database's flights are seen from, and turns the flights already
 * stored around to match, in one transaction: inbound when they land here, outbound when
 * they leave from here, transit otherwise (as the importer decides). The same code again
 * writes nothing.
 *
 * Returns: %TRUE on success; %FALSE with %TARMAC_STORE_ERROR_INVALID when @code is not an
 *   airport code
 */
gboolean
tarmac_store_set_airport_code (TarmacStore  *self,
                               const char   *code,
                               GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *upper = NULL;
  g_autofree char *current = NULL;

  g_return_val_if_fail (TARMAC_IS_STORE (self), FALSE);

  if (!is_airport_code (code))
    {
      g_set_error (error, TARMAC_STORE_ERROR, TARMAC_STORE_ERROR_INVALID,
                   _("“%s” is not an airport code (three letters, for example LFW)"),
                   code != NULL ? code : "");
      return FALSE;
    }

  upper = g_ascii_strup (code, -1);
  current = tarmac_store_get_airport_code (self);
  if (g_strcmp0 (current, upper) == 0)
    return TRUE;

  if (!tarmac_store_begin (self, error))
    return FALSE;

  stmt = _tarmac_store_prepare (self,
                                "UPDATE flight SET direction = CASE"
                                " WHEN destination = ?1 THEN 'inbound'"
                                " WHEN origin = ?1 THEN 'outbound'"
                                " ELSE 'transit' END",
                                error);
  if (stmt == NULL ||
      (sqlite3_bind_text (stmt, 1, upper, -1, SQLITE_STATIC),
       !_tarmac_store_step_done (self, stmt, error)) ||
      !tarmac_store_set_meta (self, "airport-code", upper, error))
    {
      tarmac_store_rollback (self);
      return FALSE;
    }

  return tarmac_store_commit (self, error);
}
