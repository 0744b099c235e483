/* tarmac-importer-parts.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-importer"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tarmac-importer-private.h"
#include "tarmac-store-private.h"

/* Multi-part PAXLST sets (research/formats.md §1.8). A large flight comes as parts
 * "01:C", "02", … "nn:F" in UNH S010, tied by the common access reference, in one file or
 * several, in any order. Each part is a message row pointing at one message_set row,
 * keyed by (sender, reference, BGM code). The set is complete once the part flagged F
 * has arrived and every number 1..F is there; until then it is kept, its travellers are
 * on the flight, and the import report and the flight say which parts are missing. A
 * part that arrives twice (a resend) is not imported again. The CNT every part repeats
 * is the whole set's total: it is compared with the assembled set, never added up. */

/* The set of a message, by the fields that tie parts together. Without a common access
 * reference, the flight as the message names it stands in for one. */
static char *
set_reference (const TarmacPaxlstMessage *message)
{
  const char *departure = NULL;

  if (message->common_access_reference != NULL && *message->common_access_reference != '\0')
    return g_strdup (message->common_access_reference);

  if (message->legs->len > 0)
    departure = ((const TarmacPaxlstLeg *) g_ptr_array_index (message->legs, 0))->departure_time;

  return g_strdup_printf ("%s%s/%s", message->carrier ? message->carrier : "",
                          message->flight_number ? message->flight_number : "",
                          departure ? departure : "");
}

static PartSet *
part_set_new (gint64      id,
              const char *reference)
{
  PartSet *set = g_new0 (PartSet, 1);

  set->id = id;
  set->reference = g_strdup (reference);
  return set;
}

void
_tarmac_import_part_set_free (PartSet *set)
{
  g_free (set->reference);
  g_free (set);
}

/* A set's key after its type, as ?1 to ?3: sender, reference and document code. */
static void
bind_set_key (sqlite3_stmt               *stmt,
              const TarmacPaxlstMessage  *message,
              const char                 *reference)
{
  sqlite3_bind_text (stmt, 1, message->sender ? message->sender : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, reference, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, message->document_code ? message->document_code : "", -1,
                     SQLITE_TRANSIENT);
}

/**
 * _tarmac_import_join_set:
 * @import: the import
 * @message: a parsed message
 * @message_id: its message row
 * @duplicate: (out): %TRUE when this part of the set was imported before
 * @error: return location for a #GError
 *
 * Attaches a part to its set, creating the set at its first part. A message that is not
 * a part (no S010, or "01:F") belongs to no set.
 *
 * Returns: the set's #PartSet (owned by @import), %NULL when the message is not a part or
 *   on error (@error set)
 */
PartSet *
_tarmac_import_join_set (Import                     *import,
                         const TarmacPaxlstMessage  *message,
                         gint64                      message_id,
                         gboolean                   *duplicate,
                         GError                    **error)
{
  g_autoptr(TarmacCachedStmt) stmt = NULL;
  g_autofree char *reference = NULL;
  PartSet *set;
  gint64 set_id;
  int rc;

  *duplicate = FALSE;
  if (message->part_number == 0 || (message->part_number == 1 && message->is_last_part))
    return NULL;

  reference = set_reference (message);
  stmt = _tarmac_store_prepare_cached (import->store,
                                       "INSERT INTO message_set (type, sender, reference,"
                                       " document_code, updated_at) VALUES ('PAXLST', ?1, ?2, ?3, ?4)"
                                       " ON CONFLICT (type, sender, reference, document_code)"
                                       " DO UPDATE SET updated_at = excluded.updated_at",
                                       error);
  if (stmt == NULL)
    return NULL;
  bind_set_key (stmt, message, reference);
  sqlite3_bind_text (stmt, 4, import->now, -1, SQLITE_TRANSIENT);
  if ((rc = sqlite3_step (stmt)) != SQLITE_DONE)
    {
      _tarmac_store_set_error (import->store, rc, error);
      return NULL;
    }
  g_clear_pointer (&stmt, _tarmac_store_release_cached);

  /* Read back by its key rather than with RETURNING, which builds a temporary table at
   * every use (_tarmac_import_flight_id()). */
  stmt = _tarmac_store_prepare_cached (import->store,
                                       "SELECT id FROM message_set WHERE type = 'PAXLST'"
                                       " AND sender = ?1 AND reference = ?2 AND document_code = ?3",
                                       error);
  if (stmt == NULL)
    return NULL;
  bind_set_key (stmt, message, reference);
  if ((rc = sqlite3_step (stmt)) != SQLITE_ROW)
    {
      _tarmac_store_set_error (import->store, rc, error);
      return NULL;
    }
  set_id = sqlite3_column_int64 (stmt, 0);
  g_clear_pointer (&stmt, _tarmac_store_release_cached);

  stmt = _tarmac_store_prepare_cached (import->store,
                                       "SELECT EXISTS (SELECT 1 FROM message WHERE set_id = ?1"
                                       " AND part_number = ?2)",
                                       error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, set_id);
  sqlite3_bind_int (stmt, 2, (int) message->part_number);
  if ((rc = sqlite3_step (stmt)) != SQLITE_ROW)
    {
      _tarmac_store_set_error (import->store, rc, error);
      return NULL;
    }
  *duplicate = sqlite3_column_int (stmt, 0) != 0;
  g_clear_pointer (&stmt, _tarmac_store_release_cached);

  stmt = _tarmac_store_prepare_cached (import->store,
                                       "UPDATE message SET set_id = ?1 WHERE id = ?2",
                                       error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, set_id);
  sqlite3_bind_int64 (stmt, 2, message_id);
  if (!_tarmac_import_step (import, stmt, message->line, message->offset, error))
    return NULL;
  g_clear_pointer (&stmt, _tarmac_store_release_cached);

  /* The part flagged F names the size of the set, and its CNT is the one kept; an earlier
   * part's CNT stands in until then. */
  stmt = _tarmac_store_prepare_cached (import->store,
                                       "UPDATE message_set SET"
                                       " last_part = CASE WHEN ?2 THEN ?3 ELSE last_part END,"
                                       " count_qualifier = CASE WHEN ?4 IS NOT NULL AND"
                                       "   (?2 OR declared_count IS NULL) THEN ?4"
                                       "   ELSE count_qualifier END,"
                                       " declared_count = CASE WHEN ?4 IS NOT NULL AND"
                                       "   (?2 OR declared_count IS NULL) THEN ?5"
                                       "   ELSE declared_count END"
                                       " WHERE id = ?1",
                                       error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, set_id);
  sqlite3_bind_int (stmt, 2, message->is_last_part && !*duplicate);
  sqlite3_bind_int (stmt, 3, (int) message->part_number);
  if (message->count >= 0 && message->count_qualifier != NULL)
    {
      sqlite3_bind_text (stmt, 4, message->count_qualifier, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 5, message->count);
    }
  if (!_tarmac_import_step (import, stmt, message->line, message->offset, error))
    return NULL;

  set = g_hash_table_lookup (import->sets, &set_id);
  if (set == NULL)
    {
      set = part_set_new (set_id, reference);
      g_hash_table_insert (import->sets, &set->id, set);
    }
  set->offset = message->offset;
  set->line = message->line;

  if (*duplicate)
    {
      g_autofree char *text = NULL;

      /* Translators: %u is a part number, %s the message's reference
       * ("OK688/071008/1310") */
      text = g_strdup_printf (_("Part %u of manifest %s was already imported; this copy "
                                "was not imported again"),
                              message->part_number, reference);
      _tarmac_import_add_warning (import->report, "duplicate-part", text, message->offset,
                                  message->line, 0);
    }

  return set;
}

gboolean
_tarmac_import_set_flight (Import   *import,
                           PartSet  *set,
                           gint64    flight_id,
                           GError  **error)
{
  g_autoptr(TarmacCachedStmt) stmt = NULL;

  stmt = _tarmac_store_prepare_cached (import->store,
                                       "UPDATE message_set SET flight_id = coalesce (flight_id, ?2)"
                                       " WHERE id = ?1",
                                       error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, set->id);
  sqlite3_bind_int64 (stmt, 2, flight_id);
  return _tarmac_import_step (import, stmt, set->line, set->offset, error);
}

/* The travellers written from the messages matching @where, of the kind CNT counts:
 * qualifier 42 passengers, 41 crew. -1 for another qualifier. */
static gint64
count_travellers (Import      *import,
                  const char  *where,
                  gint64       id,
                  const char  *qualifier,
                  GError     **error)
{
  g_autoptr(TarmacCachedStmt) stmt = NULL;
  g_autofree char *sql = NULL;
  const char *kind;
  int rc;

  if (g_strcmp0 (qualifier, "42") == 0)
    kind = "passenger";
  else if (g_strcmp0 (qualifier, "41") == 0)
    kind = "crew";
  else
    return -1;

  /* Each traveller once, though several of the messages name it. IN (…) lets SQLite
   * search both halves of traveller_sources by message; a join would read all of it. */
  sql = g_strconcat ("SELECT count(*) FROM traveller t WHERE t.kind = ?2 AND t.id IN"
                     " (SELECT s.traveller_id FROM traveller_sources s"
                     "  JOIN message m ON m.id = s.message_id WHERE ", where, ")",
                     NULL);
  if (!(stmt = _tarmac_store_prepare_cached (import->store, sql, error)))
    return -2;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, kind, -1, SQLITE_STATIC);
  if ((rc = sqlite3_step (stmt)) != SQLITE_ROW)
    {
      _tarmac_store_set_error (import->store, rc, error);
      return -2;
    }
  return sqlite3_column_int64 (stmt, 0);
}

static void
warn_count (Import      *import,
            const char  *what,
            const char  *qualifier,
            gint64       declared,
            gint64       found,
            gsize        offset,
            guint        line)
{
  g_autofree char *text = NULL;

  if (g_strcmp0 (qualifier, "41") == 0)
    /* Translators: the first %s is a message reference or "the message"; CNT is the
     * EDIFACT segment that gives the total */
    text = g_strdup_printf (_("%s: CNT gives %lld crew members, but %lld were read"), what,
                            (long long) declared, (long long) found);
  else
    /* Translators: the first %s is a message reference or "the message"; CNT is the
     * EDIFACT segment that gives the total */
    text = g_strdup_printf (_("%s: CNT gives %lld passengers, but %lld were read"), what,
                            (long long) declared, (long long) found);
  _tarmac_import_add_warning (import->report, "count-mismatch", text, offset, line, 0);
}

/**
 * _tarmac_import_check_count:
 *
 * A message that is not part of a set, just written: its CNT against the travellers read
 * from it and written, which the writer counted (import->message_passengers and
 * ->message_crew): the rows linked to the new message are those, and counting them in
 * SQL was a query per message.
 */
void
_tarmac_import_check_count (Import                     *import,
                            const TarmacPaxlstMessage  *message)
{
  gint64 found;
  g_autofree char *what = NULL;

  if (message->count < 0)
    return;
  if (g_strcmp0 (message->count_qualifier, "42") == 0)
    found = import->message_passengers;
  else if (g_strcmp0 (message->count_qualifier, "41") == 0)
    found = import->message_crew;
  else
    return;
  if (found == message->count)
    return;

  /* Translators: %s is the message's reference from its UNH segment */
  what = g_strdup_printf (_("Message %s"), message->reference ? message->reference : "?");
  warn_count (import, what, message->count_qualifier, message->count, found, message->offset,
              message->line);
}

/* "2", "2, 3" or "2–4, 6": the parts of 1..@last not in @seen, runs as ranges so that a
 * set claiming thousands of parts still gives a short line. */
static char *
describe_missing (const gboolean *seen,
                  guint           last,
                  guint          *n_missing)
{
  GString *text = g_string_new (NULL);

  *n_missing = 0;
  for (guint i = 1; i <= last; i++)
    {
      guint end = i;

      if (seen[i])
        continue;
      while (end < last && !seen[end + 1])
        end++;
      if (text->len > 0)
        g_string_append (text, ", ");
      if (end == i)
        g_string_append_printf (text, "%u", i);
      else if (end == i + 1)
        g_string_append_printf (text, "%u, %u", i, end);
      else
        g_string_append_printf (text, "%u–%u", i, end);
      *n_missing += end - i + 1;
      i = end;
    }
  return g_string_free (text, FALSE);
}

#define MAX_PARTS 9999

static gboolean
finish_set (Import   *import,
            PartSet  *set,
            GError  **error)
{
  g_autoptr(TarmacCachedStmt) stmt = NULL;
  g_autoptr(GString) parts_seen = g_string_new (NULL);
  g_autofree gboolean *seen = NULL;
  g_autofree char *qualifier = NULL;
  gint64 declared = -1;
  guint last = 0;
  guint highest = 0;
  guint n_seen = 0;
  gboolean complete;
  int rc;

  stmt = _tarmac_store_prepare_cached (import->store,
                                       "SELECT last_part, count_qualifier, declared_count"
                                       " FROM message_set WHERE id = ?1",
                                       error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, set->id);
  if ((rc = sqlite3_step (stmt)) != SQLITE_ROW)
    {
      _tarmac_store_set_error (import->store, rc, error);
      return FALSE;
    }
  last = (guint) CLAMP (sqlite3_column_int64 (stmt, 0), 0, MAX_PARTS);
  qualifier = g_strdup (_tarmac_store_column_text (stmt, 1));
  if (sqlite3_column_type (stmt, 2) != SQLITE_NULL)
    declared = sqlite3_column_int64 (stmt, 2);
  g_clear_pointer (&stmt, _tarmac_store_release_cached);

  seen = g_new0 (gboolean, MAX_PARTS + 1);
  stmt = _tarmac_store_prepare_cached (import->store,
                                       "SELECT DISTINCT part_number FROM message WHERE set_id = ?1"
                                       " AND part_number BETWEEN 1 AND ?2 ORDER BY part_number",
                                       error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, set->id);
  sqlite3_bind_int (stmt, 2, MAX_PARTS);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      guint part = (guint) sqlite3_column_int (stmt, 0);

      seen[part] = TRUE;
      highest = MAX (highest, part);
      n_seen++;
      if (parts_seen->len > 0)
        g_string_append_c (parts_seen, ',');
      g_string_append_printf (parts_seen, "%u", part);
    }
  if (rc != SQLITE_DONE)
    {
      _tarmac_store_set_error (import->store, rc, error);
      return FALSE;
    }
  g_clear_pointer (&stmt, _tarmac_store_release_cached);

  complete = last > 0 && highest <= last && n_seen == last;

  stmt = _tarmac_store_prepare_cached (import->store,
                                       "UPDATE message_set SET parts_seen = ?2, complete = ?3"
                                       " WHERE id = ?1",
                                       error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, set->id);
  sqlite3_bind_text (stmt, 2, parts_seen->str, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 3, complete);
  if (!_tarmac_import_step (import, stmt, set->line, set->offset, error))
    return FALSE;

  if (!complete)
    {
      g_autofree char *text = NULL;

      if (last > 0)
        {
          guint n_missing = 0;
          g_autofree char *missing = describe_missing (seen, last, &n_missing);

          /* Translators: "Manifest OK688/071008/1310: part 2 of 3 missing; …" */
          text = g_strdup_printf (ngettext ("Manifest %s: part %s of %u missing; the set is "
                                            "kept and will be completed when it arrives",
                                            "Manifest %s: parts %s of %u missing; the set is "
                                            "kept and will be completed when they arrive",
                                            n_missing),
                                  set->reference, missing, last);
        }
      else
        {
          g_auto(GStrv) numbers = g_strsplit (parts_seen->str, ",", -1);
          g_autofree char *list = g_strjoinv (", ", numbers);

          /* Translators: "Manifest OK688/071008/1310: parts 1, 2 received, the last part
           * has not arrived; …" */
          text = g_strdup_printf (ngettext ("Manifest %s: part %s received, the last part "
                                            "has not arrived; the set is kept and will be "
                                            "completed when the rest arrives",
                                            "Manifest %s: parts %s received, the last part "
                                            "has not arrived; the set is kept and will be "
                                            "completed when the rest arrives",
                                            n_seen),
                                  set->reference, list);
        }
      _tarmac_import_add_warning (import->report, "parts-missing", text, set->offset,
                                  set->line, 0);
      return TRUE;
    }

  if (declared >= 0)
    {
      gint64 found = count_travellers (import, "m.set_id = ?1", set->id, qualifier, error);
      g_autofree char *what = NULL;

      if (found == -2)
        return FALSE;
      if (found >= 0 && found != declared)
        {
          /* Translators: %s is a message reference ("OK688/071008/1310") */
          what = g_strdup_printf (_("Manifest %s"), set->reference);
          warn_count (import, what, qualifier, declared, found, set->offset, set->line);
        }
    }

  return TRUE;
}

/**
 * _tarmac_import_finish_sets:
 *
 * After the last message of the file: each set a part of this file joined is checked
 * again, marked complete or not, and reported.
 */
gboolean
_tarmac_import_finish_sets (Import   *import,
                            GError  **error)
{
  g_autoptr(GList) sets = g_hash_table_get_values (import->sets);

  /* In the order of the file, so the report reads top to bottom. */
  sets = g_list_sort (sets, (GCompareFunc) _tarmac_import_part_set_compare);
  for (GList *l = sets; l != NULL; l = l->next)
    if (!finish_set (import, l->data, error))
      return FALSE;
  return TRUE;
}

int
_tarmac_import_part_set_compare (const PartSet *a,
                                 const PartSet *b)
{
  return a->offset < b->offset ? -1 : a->offset > b->offset;
}
