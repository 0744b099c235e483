/* tarmac-demo-watchlist.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-demo"

#include "config.h"

#include <sqlite3.h>

#include "tarmac-demo-private.h"
#include "tarmac-screener.h"
#include "tarmac-store-private.h"
#include "tarmac-watchlist-data.h"
#include "tarmac-watchlist-import.h"

/*
 * The demo's watchlist, so that the Hits page and the traveller pages show what
 * screening does on first start: a national list of invented people, some of whom are
 * travelling on the demo's flights around its middle day under a spelling of their own
 * (a letter changed, a given name left out, the names the other way round, as officers
 * meet them on real manifests), and others who are not travelling at all. The list goes
 * through tarmac_watchlist_import() and the travellers through the screener, the same
 * doors as a list an officer loads, so the hits carry real scores and explanations.
 */

#define DEMO_LIST_NAME   "Demo national list (invented people)"
#define DEMO_LISTED      8      /* travellers of the demo who are on the list */

typedef struct
{
  const char *surname;
  const char *given_names;
  const char *date_of_birth;
  const char *nationality;
  const char *sex;
  const char *category;
} Absent;

/* Listed but not travelling this week: invented names and dates. */
static const Absent absent[] = {
  { "OKONKWO-ADEBAYO", "Chidubem Festus", "1979-04-11", "NGA", "M", "Drug trafficking" },
  { "VASQUEZ-PINTOR", "Ramiro Esteban", "1968-12-02", "COL", "M", "Drug trafficking" },
  { "DOSSOU-YOVO", "Afiavi Clarisse", "1990-07-23", "BEN", "F", "Cash smuggling" },
  { "KOUASSI-BLEDOU", "Yao Firmin", "1984-02-29", "CIV", "M", "Wildlife trafficking" },
  { "MENSAH-ATTIPOE", "Kodjo Sylvestre", "1975-09-14", "GHA", "M", "Document fraud" },
  { "BARRY-SOUMAH", "Mariama Hadja", "1993-03-05", "GIN", "F", "Human trafficking" },
  { "TRAORE-KEITA", "Bakary Lassine", "1981-11-30", "MLI", "M", "Drug trafficking" },
  { "FERREIRA-DUARTE", "Joana Patrícia", "1987-06-18", "BRA", "F", "Drug trafficking" },
  { "HADDAD-NASSER", "Karim Ziad", "1972-01-09", "LBN", "M", "Cash smuggling" },
  { "SAWADOGO-OUEDRAOGO", "Issouf Boureima", "1989-08-27", "BFA", "M", "Document fraud" },
  { "AMOUZOU-KPEGBA", "Edem Kossi", "1995-10-12", "TGO", "M", "Drug trafficking" },
  { "NDIAYE-FALL", "Aminata Rokhaya", "1983-05-21", "SEN", "F", "Human trafficking" },
};

/* A spelling of @surname an officer could meet on another manifest: a letter doubled
 * or dropped, or two letters swapped, at a place the seed picks. */
static char *
respell (const char *surname,
         GRand      *rand)
{
  glong length = g_utf8_strlen (surname, -1);
  g_autofree gunichar *chars = g_utf8_to_ucs4_fast (surname, -1, NULL);
  GString *out = g_string_new (NULL);
  glong at = length > 3 ? g_rand_int_range (rand, 1, length - 1) : 0;
  guint how = g_rand_int_range (rand, 0, 3);

  for (glong i = 0; i < length; i++)
    {
      if (length > 3 && i == at && how == 0)
        g_string_append_unichar (out, chars[i]);           /* doubled */
      if (length > 3 && i == at && how == 1)
        continue;                                          /* dropped */
      if (length > 3 && i == at && how == 2 && i + 1 < length)
        {
          g_string_append_unichar (out, chars[i + 1]);     /* swapped */
          g_string_append_unichar (out, chars[i]);
          i++;
          continue;
        }
      g_string_append_unichar (out, chars[i]);
    }
  return g_string_free (out, FALSE);
}

static void
add_dob (TarmacWatchlistEntry *entry,
         const char           *text)
{
  TarmacDob dob;

  if (text != NULL && tarmac_dob_parse (text, &dob))
    g_array_append_val (entry->dobs, dob);
}

static TarmacWatchlistEntry *
entry_new (guint       number,
           const char *sex,
           const char *category)
{
  g_autofree char *id = g_strdup_printf ("DEMO-%03u", number);
  TarmacWatchlistEntry *entry = tarmac_watchlist_entry_new (id, "person");

  entry->reference = g_strdup (id);
  entry->sex = g_strdup (sex);
  entry->category = g_strdup (category);
  entry->reason = g_strdup ("Invented for the demonstration");
  return entry;
}

/* Passengers of the flights of @anchor_day and the day after, with a date of birth and a
 * nationality, spread over the flights. */
static gboolean
add_travelling (TarmacStore          *store,
                TarmacWatchlistData  *data,
                gint64                anchor_day,
                GRand                *rand,
                GError              **error)
{
  static const char *const categories[] = {
    "Drug trafficking", "Drug trafficking", "Cash smuggling", "Document fraud",
  };
  g_autoptr(sqlite3_stmt) stmt = NULL;
  char first[11], last[11];
  guint found = 0;
  int rc;

  _tarmac_demo_format_day (anchor_day, first);
  _tarmac_demo_format_day (anchor_day + 1, last);
  stmt = _tarmac_store_prepare (store,
                                "SELECT t.surname, t.given_names, t.date_of_birth, t.nationality,"
                                " t.sex, (SELECT d.number FROM travel_document d"
                                "  WHERE d.traveller_id = t.id ORDER BY d.id LIMIT 1)"
                                " FROM traveller t JOIN flight f ON f.id = t.flight_id"
                                " WHERE f.flight_date BETWEEN ?1 AND ?2 AND t.kind = 'passenger'"
                                " AND t.date_of_birth IS NOT NULL AND t.nationality IS NOT NULL"
                                " AND t.surname IS NOT NULL AND t.given_names IS NOT NULL"
                                " AND t.id % 97 = ?3 ORDER BY t.id LIMIT ?4", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, first, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, last, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, g_rand_int_range (rand, 0, 97));
  sqlite3_bind_int (stmt, 4, DEMO_LISTED);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *surname = (const char *) sqlite3_column_text (stmt, 0);
      const char *given = (const char *) sqlite3_column_text (stmt, 1);
      const char *document = (const char *) sqlite3_column_text (stmt, 5);
      TarmacWatchlistEntry *entry = entry_new (found + 1,
                                               (const char *) sqlite3_column_text (stmt, 4),
                                               categories[found % G_N_ELEMENTS (categories)]);
      g_autofree char *listed_surname = respell (surname, rand);
      g_autofree char *name = NULL;
      g_auto(GStrv) given_words = g_strsplit (given, " ", 2);

      /* One in two listed under the first given name only, one in four with the names the
       * other way round, as a list compiled from another country's records has them. */
      if (found % 4 == 1)
        name = g_strdup_printf ("%s %s", given_words[0], listed_surname);
      else if (found % 2 == 0)
        name = g_strdup_printf ("%s %s", listed_surname, given_words[0]);
      else
        name = g_strdup_printf ("%s %s", listed_surname, given);

      tarmac_watchlist_entry_add_name (entry, name, TARMAC_NAME_QUALITY_PRIMARY);
      add_dob (entry, (const char *) sqlite3_column_text (stmt, 2));
      tarmac_watchlist_entry_add_nationality (entry, (const char *) sqlite3_column_text (stmt, 3));
      /* A few with the passport number the list knows, which the match then confirms. */
      if (document != NULL && found % 3 == 0)
        tarmac_watchlist_entry_add_document (entry, "passport", document,
                                             (const char *) sqlite3_column_text (stmt, 3));
      g_ptr_array_add (data->entries, entry);
      found++;
    }
  if (rc != SQLITE_DONE)
    {
      _tarmac_store_set_error (store, rc, error);
      return FALSE;
    }
  return TRUE;
}

/**
 * _tarmac_demo_write_watchlist:
 * @store: the demo store, inside its transaction, its flights written
 * @anchor_day: the demo's middle day, in days since 1970-01-01
 * @seed: the demo's seed
 * @error: return location for a #GError
 *
 * Loads the demo's national list (twenty invented people, eight of them travelling on
 * the flights of @anchor_day and the next day under other spellings) and screens every
 * traveller against it, so the review queue holds their hits.
 *
 * Returns: %TRUE on success
 */
gboolean
_tarmac_demo_write_watchlist (TarmacStore  *store,
                              gint64        anchor_day,
                              guint         seed,
                              GError      **error)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed ^ 0x3a7cu);
  g_autoptr(TarmacScreener) screener = NULL;
  g_auto(TarmacScreenReport) report = { 0, };
  TarmacWatchlistData *data = tarmac_watchlist_data_new ("tarmac-csv", DEMO_LIST_NAME, "persons");
  gboolean ok;

  data->version = g_strdup ("demo");
  ok = add_travelling (store, data, anchor_day, rand, error);
  for (guint i = 0; ok && i < G_N_ELEMENTS (absent); i++)
    {
      TarmacWatchlistEntry *entry = entry_new (data->entries->len + 1, absent[i].sex,
                                               absent[i].category);
      g_autofree char *name = g_strdup_printf ("%s %s", absent[i].surname,
                                               absent[i].given_names);

      tarmac_watchlist_entry_add_name (entry, name, TARMAC_NAME_QUALITY_PRIMARY);
      add_dob (entry, absent[i].date_of_birth);
      tarmac_watchlist_entry_add_nationality (entry, absent[i].nationality);
      g_ptr_array_add (data->entries, entry);
    }

  ok = ok && tarmac_watchlist_import (store, data, NULL, NULL, NULL, NULL, error);
  tarmac_watchlist_data_free (data);
  if (!ok)
    return FALSE;

  screener = tarmac_screener_new ();
  return tarmac_screener_rescreen (screener, store, &report, NULL, error);
}
