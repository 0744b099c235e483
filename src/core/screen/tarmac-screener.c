/* tarmac-screener.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-screener"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "tarmac-audit.h"
#include "tarmac-lookout-screen.h"
#include "tarmac-screen-index-private.h"
#include "tarmac-screen-thresholds.h"
#include "tarmac-screener.h"
#include "tarmac-store-private.h"

/*
 * Screening travellers: every traveller is matched against the person lists (the
 * candidate index of tarmac-screen-index.c) and has its documents looked up in the
 * stolen and lost document lists; what scores at or above the review threshold becomes a
 * hit for the review queue.
 *
 * The index is built from the database and kept: it is rebuilt when the lists changed
 * (meta "watchlist-generation", which every list load, manual entry and removal moves on,
 * whatever connection or program wrote it) or a day began (entries expire by the day).
 * One screener serves every thread: a run holds a reference on the index it started with,
 * so a rebuild for another run never frees it under this one (see acquire_index()).
 *
 * Matching reads; writing is one short transaction at the end with one audit row. There
 * is at most one hit per traveller and list entry: screening again updates the score and
 * explanation of a hit still new, and leaves alone a hit an officer has taken up, whatever
 * became of it — a reviewed hit is never re-opened or raised twice. The write checks again
 * what may have changed while matching ran (a traveller masked, an entry removed, a hit
 * reviewed), so its outcome is always the database's current state.
 *
 * After a list changed, tarmac_screener_rescreen() screens everyone again and notes the
 * generation it covered (meta "screened-list-generation"), so that a re-screen cut short
 * (the app closed) is run again at the next start.
 */

#define MAX_HITS_PER_TRAVELLER 20
#define CANCEL_CHECK_EVERY     256

struct _TarmacScreener
{
  GObject             parent_instance;

  GMutex              lock;       /* guards index and index_key */
  TarmacScreenIndex **index;      /* an atomic RcBox, shared with the runs using it */
  char               *index_key;  /* the generation and day it was built for */
};

G_DEFINE_FINAL_TYPE (TarmacScreener, tarmac_screener, G_TYPE_OBJECT)

/* The reference-counted box that holds an index while runs use it. Atomically counted
 * (g_atomic_rc_box_*): a run lets its reference go on its own thread, without the
 * screener's lock, while other threads take or let go of theirs. g_rc_box_*'s count is a
 * plain load and store, and two threads at once lost an update now and then: the index
 * was freed under a run still matching on it (the rare SIGSEGV of window-screen, where a
 * re-screen and a file's screening run side by side) or never freed. */
typedef TarmacScreenIndex *TarmacScreenIndexBox;

static void
index_box_clear (gpointer data)
{
  TarmacScreenIndex **index = data;

  g_clear_pointer (index, tarmac_screen_index_free);
}

static void
index_box_release (TarmacScreenIndex **index)
{
  g_atomic_rc_box_release_full (index, index_box_clear);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TarmacScreenIndexBox, index_box_release)

static void
tarmac_screener_finalize (GObject *object)
{
  TarmacScreener *self = (TarmacScreener *)object;

  g_clear_pointer (&self->index, index_box_release);
  g_free (self->index_key);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (tarmac_screener_parent_class)->finalize (object);
}

static void
tarmac_screener_class_init (TarmacScreenerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tarmac_screener_finalize;
}

static void
tarmac_screener_init (TarmacScreener *self)
{
  g_mutex_init (&self->lock);
}

/**
 * tarmac_screener_new:
 *
 * Returns: (transfer full): a screener, with no index until its first run
 */
TarmacScreener *
tarmac_screener_new (void)
{
  return g_object_new (TARMAC_TYPE_SCREENER, NULL);
}

void
tarmac_screen_report_clear (TarmacScreenReport *report)
{
  g_clear_pointer (&report->hit_ids, g_array_unref);
  memset (report, 0, sizeof *report);
}

/* The list generation ---------------------------------------------------------------- */

static gint64
meta_int (TarmacStore *store,
          const char  *key,
          gint64       fallback)
{
  g_autofree char *text = tarmac_store_get_meta (store, key);
  gint64 value;

  if (text == NULL || !g_ascii_string_to_signed (text, 10, 0, G_MAXINT64, &value, NULL))
    return fallback;
  return value;
}

/**
 * tarmac_screen_get_list_generation:
 * @store: the store
 *
 * Returns: a number that grows every time a list's entries change: 0 before any did
 */
gint64
tarmac_screen_get_list_generation (TarmacStore *store)
{
  g_return_val_if_fail (TARMAC_IS_STORE (store), 0);

  return meta_int (store, "watchlist-generation", 0);
}

/* Called inside the transaction that changes a list, so the change and its generation
 * commit together. */
gboolean
_tarmac_screen_bump_list_generation (TarmacStore  *store,
                                     GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = _tarmac_store_prepare (store,
                                "INSERT INTO meta (key, value) VALUES ('watchlist-generation', '1')"
                                " ON CONFLICT (key) DO UPDATE"
                                " SET value = CAST (CAST (value AS INTEGER) + 1 AS TEXT)",
                                error);
  return stmt != NULL && _tarmac_store_step_done (store, stmt, error);
}

/* The index ------------------------------------------------------------------------------ */

/* The index for the lists as they are now: the one kept when the lists have not changed
 * since and the day is the same, or a new one. A reference is only ever taken here, under
 * the lock, on the box the screener itself still holds: its count cannot be at zero. */
static TarmacScreenIndex **
acquire_index (TarmacScreener  *self,
               TarmacStore     *store,
               double          *build_ms,
               GError         **error)
{
  g_autofree char *now = _tarmac_store_now ();
  g_autofree char *key = NULL;
  TarmacScreenIndex *index;
  TarmacScreenIndex **box;
  gint64 started;

  /* Read before the lists are: a list changed meanwhile makes the next run rebuild, and
   * never labels an old index as new. */
  key = g_strdup_printf ("%" G_GINT64_FORMAT "/%.10s", tarmac_screen_get_list_generation (store),
                         now);

  g_mutex_lock (&self->lock);
  if (self->index != NULL && g_strcmp0 (self->index_key, key) == 0)
    {
      box = g_atomic_rc_box_acquire (self->index);
      g_mutex_unlock (&self->lock);
      *build_ms = 0.0;
      return box;
    }

  /* Built under the lock: two threads that both find the index stale build it once. */
  started = g_get_monotonic_time ();
  index = _tarmac_screen_index_load_filtered (store, TRUE, error);
  if (index == NULL)
    {
      g_mutex_unlock (&self->lock);
      return NULL;
    }
  *build_ms = (g_get_monotonic_time () - started) / 1000.0;

  box = g_atomic_rc_box_new (TarmacScreenIndex *);
  *box = index;
  g_clear_pointer (&self->index, index_box_release);
  self->index = g_atomic_rc_box_acquire (box);
  g_free (self->index_key);
  self->index_key = g_steal_pointer (&key);
  g_mutex_unlock (&self->lock);

  return box;
}

/* The travellers --------------------------------------------------------------------------- */

typedef struct
{
  gint64      id;
  const char *name;          /* given names then surname */
  const char *dob;
  const char *nationality;
  const char *sex;
  const char *document;      /* the first number, a passport's if any */
} Traveller;

/* A passport first: it is what lists record. */
#define TRAVELLER_COLUMNS \
  "SELECT t.id, t.given_names || ' ' || t.surname, t.date_of_birth, t.nationality, t.sex," \
  " (SELECT d.number_normalised FROM travel_document d" \
  "  WHERE d.traveller_id = t.id AND d.number_normalised <> ''" \
  "  ORDER BY d.type = 'P' DESC, d.id LIMIT 1)" \
  " FROM traveller t"

static const char *
scope_sql (const TarmacScreenScope *scope)
{
  switch (scope->kind)
    {
    case TARMAC_SCREEN_FLIGHT:
      return TRAVELLER_COLUMNS " WHERE t.masked = 0 AND t.flight_id = ?1 ORDER BY t.id";

    case TARMAC_SCREEN_FLIGHT_NAMED:
      /* As tarmac-cli export names a flight: any case, with or without leading zeros,
       * every origin of that number that day. */
      return TRAVELLER_COLUMNS " JOIN flight f ON f.id = t.flight_id"
             " WHERE t.masked = 0 AND f.flight_date = ?4 AND upper (f.carrier) = ?2"
             " AND upper (ltrim (f.number, '0')) = ?3 ORDER BY t.id";

    case TARMAC_SCREEN_SOURCE_FILE:
      /* Those the file brought, and those it updated (a PNR pushed again). */
      return TRAVELLER_COLUMNS " WHERE t.masked = 0 AND t.id IN"
             " (SELECT s.traveller_id FROM message m"
             "  JOIN traveller_sources s ON s.message_id = m.id"
             "  WHERE m.source_file_id = ?1) ORDER BY t.id";

    case TARMAC_SCREEN_ALL:
    default:
      return TRAVELLER_COLUMNS " WHERE t.masked = 0 ORDER BY t.id";
    }
}

static GArray *
read_travellers (TarmacStore              *store,
                 const TarmacScreenScope  *scope,
                 GStringChunk             *strings,
                 GError                  **error)
{
  g_autoptr(GArray) travellers = g_array_new (FALSE, FALSE, sizeof (Traveller));
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = _tarmac_store_prepare (store, scope_sql (scope), error);
  if (stmt == NULL)
    return NULL;
  /* Only the parameters the scope's statement has are bound. */
  if (scope->kind == TARMAC_SCREEN_FLIGHT || scope->kind == TARMAC_SCREEN_SOURCE_FILE)
    sqlite3_bind_int64 (stmt, 1, scope->id);
  if (scope->kind == TARMAC_SCREEN_FLIGHT_NAMED)
    {
      sqlite3_bind_text (stmt, 2, scope->carrier, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, scope->number, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, scope->date, -1, SQLITE_STATIC);
    }

#define TEXT(column) \
  (sqlite3_column_type (stmt, column) == SQLITE_NULL ? NULL \
   : g_string_chunk_insert_const (strings, _tarmac_store_column_text (stmt, column)))

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Traveller traveller = {
        sqlite3_column_int64 (stmt, 0), TEXT (1), TEXT (2), TEXT (3), TEXT (4), TEXT (5),
      };

      g_array_append_val (travellers, traveller);
    }
#undef TEXT
  if (rc != SQLITE_DONE)
    {
      _tarmac_store_set_error (store, rc, error);
      return NULL;
    }
  return g_steal_pointer (&travellers);
}

/* Hits found, before they are written ------------------------------------------------------ */

typedef struct
{
  gint64      traveller_id;
  gint64      entry_id;
  const char *source;        /* watchlist, document_list */
  double      score;
  char       *explanation;   /* JSON */
} Found;

static void
found_clear (gpointer data)
{
  g_free (((Found *) data)->explanation);
}

/* Four decimals, as the CLI prints them: a score that did not change compares equal. */
static double
round_score (double score)
{
  return CLAMP (floor (score * 10000.0 + 0.5) / 10000.0, 0.0, 1.0);
}

/* A person-list match, as the hit stores it: the match's explanation (name alignment and
 * each piece of evidence) with its text, and the name it matched on. */
static char *
candidate_explanation (const TarmacMatchCandidate *candidate)
{
  g_autoptr(JsonNode) node = json_node_copy (candidate->explanation);
  JsonObject *object = json_node_get_object (node);

  json_object_set_string_member (object, "text", candidate->summary);
  if (candidate->matched_name != NULL)
    json_object_set_string_member (object, "matched_name", candidate->matched_name);
  if (candidate->matched_quality != NULL)
    json_object_set_string_member (object, "matched_quality", candidate->matched_quality);
  json_object_set_double_member (object, "name_score", round_score (candidate->name_score));
  return json_to_string (node, FALSE);
}

static const char *
document_status_label (const char *status)
{
  if (g_strcmp0 (status, "stolen") == 0)
    return _("stolen");
  if (g_strcmp0 (status, "lost") == 0)
    return _("lost");
  if (g_strcmp0 (status, "revoked") == 0)
    return _("revoked");
  if (g_strcmp0 (status, "invalid") == 0)
    return _("invalid");
  return _("listed");
}

static char *
document_explanation (const char *number,
                      const char *traveller_country,
                      const char *list_number,
                      const char *list_country,
                      const char *status,
                      const char *list_name)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  gboolean same_country = list_country != NULL && traveller_country != NULL;

  if (same_country)
    /* Translators: a traveller's document found on a stolen/lost documents list: its
     * number, its issuing country, the list's name and the reported status ("stolen") */
    text = g_strdup_printf (_("document %s (%s) is on “%s” as %s; the same number and "
                              "issuing country"), number, traveller_country, list_name,
                            document_status_label (status));
  else
    /* Translators: as above, when the list or the manifest gives no issuing country */
    text = g_strdup_printf (_("document %s is on “%s” as %s; the same number (no issuing "
                              "country to compare)"), number, list_name,
                            document_status_label (status));

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "text");
  json_builder_add_string_value (builder, text);
  json_builder_set_member_name (builder, "document");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "result");
  json_builder_add_string_value (builder, "same-number");
  json_builder_set_member_name (builder, "number");
  json_builder_add_string_value (builder, number);
  json_builder_set_member_name (builder, "list_number");
  json_builder_add_string_value (builder, list_number);
  json_builder_set_member_name (builder, "issuing_country");
  json_builder_add_string_value (builder, traveller_country);
  json_builder_set_member_name (builder, "list_issuing_country");
  json_builder_add_string_value (builder, list_country);
  json_builder_set_member_name (builder, "country");
  json_builder_add_string_value (builder, same_country ? "same" : "unknown");
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, status);
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

/* A traveller's documents on the enabled, unexpired stolen and lost document lists: the
 * same normalised number, and the same issuing country when both say one. A list country
 * that is not an ISO code (a name the loader could not map) cannot be compared. */
#define DOCUMENT_LIST_SQL \
  "SELECT wd.entry_id, d.number, d.issuing_state, wd.number, wd.issuing_country, wd.status," \
  " w.name" \
  " FROM travel_document d" \
  " JOIN watchlist_document wd ON wd.number_normalised = d.number_normalised" \
  " JOIN watchlist_entry e ON e.id = wd.entry_id" \
  " JOIN watchlist w ON w.id = e.watchlist_id" \
  " WHERE d.traveller_id = ?1 AND d.number_normalised <> ''" \
  "   AND w.kind = 'documents' AND w.enabled = 1" \
  "   AND (e.expires_at IS NULL OR e.expires_at >= ?2)" \
  "   AND (wd.issuing_country IS NULL OR length (wd.issuing_country) <> 3" \
  "        OR d.issuing_state IS NULL OR d.issuing_state = ''" \
  "        OR upper (wd.issuing_country) = upper (d.issuing_state))" \
  " ORDER BY wd.entry_id"

static gboolean
find_documents (TarmacStore   *store,
                sqlite3_stmt  *stmt,
                gint64         traveller_id,
                GArray        *found,
                GError       **error)
{
  int rc;

  sqlite3_reset (stmt);
  sqlite3_bind_int64 (stmt, 1, traveller_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *list_country = _tarmac_store_column_text (stmt, 4);
      const char *traveller_country = _tarmac_store_column_text (stmt, 2);
      Found hit = { traveller_id, sqlite3_column_int64 (stmt, 0), "document_list", 1.0, NULL };

      if (list_country != NULL && strlen (list_country) != 3)
        list_country = NULL;
      if (traveller_country != NULL && traveller_country[0] == '\0')
        traveller_country = NULL;
      hit.explanation = document_explanation (_tarmac_store_column_text (stmt, 1),
                                              traveller_country,
                                              _tarmac_store_column_text (stmt, 3),
                                              list_country,
                                              _tarmac_store_column_text (stmt, 5),
                                              _tarmac_store_column_text (stmt, 6));
      g_array_append_val (found, hit);
    }
  if (rc != SQLITE_DONE)
    {
      _tarmac_store_set_error (store, rc, error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
has_document_lists (TarmacStore *store)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = _tarmac_store_prepare (store,
                                "SELECT EXISTS (SELECT 1 FROM watchlist"
                                " WHERE kind = 'documents' AND enabled = 1 AND entry_count > 0)",
                                NULL);
  return stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0) != 0;
}

/* Writing -------------------------------------------------------------------------------- */

/* The lists' generation everyone has now been screened against, and at which review
 * threshold: lowering it later may turn matches into hits. */
static gboolean
note_generation (TarmacStore  *store,
                 gint64        generation,
                 GError      **error)
{
  g_autofree char *value = g_strdup_printf ("%" G_GINT64_FORMAT, generation);
  char threshold[G_ASCII_DTOSTR_BUF_SIZE];
  double review = TARMAC_SCREEN_DEFAULT_REVIEW_THRESHOLD;

  tarmac_screen_get_thresholds (store, NULL, &review);
  g_ascii_dtostr (threshold, sizeof threshold, review);
  return tarmac_store_set_meta (store, "screened-list-generation", value, error) &&
         tarmac_store_set_meta (store, "screened-review-threshold", threshold, error);
}

/* Whether the review threshold is lower now than when everyone was last screened. */
static gboolean
threshold_lowered (TarmacStore *store)
{
  g_autofree char *text = tarmac_store_get_meta (store, "screened-review-threshold");
  double review = TARMAC_SCREEN_DEFAULT_REVIEW_THRESHOLD;
  double noted;
  char *end = NULL;

  if (text == NULL)
    return FALSE;
  noted = g_ascii_strtod (text, &end);
  if (end == text || *end != '\0')
    return FALSE;
  tarmac_screen_get_thresholds (store, NULL, &review);
  return review < noted - 1e-9;
}

static char *
describe_scope (const TarmacScreenScope *scope)
{
  switch (scope->kind)
    {
    case TARMAC_SCREEN_FLIGHT:
      return g_strdup_printf ("flight %" G_GINT64_FORMAT, scope->id);
    case TARMAC_SCREEN_FLIGHT_NAMED:
      return g_strdup_printf ("flight %s%s/%s", scope->carrier, scope->number, scope->date);
    case TARMAC_SCREEN_SOURCE_FILE:
      return g_strdup_printf ("file %" G_GINT64_FORMAT, scope->id);
    case TARMAC_SCREEN_ALL:
    default:
      return g_strdup ("all");
    }
}

static gboolean
write_hits (TarmacStore              *store,
            const TarmacScreenScope  *scope,
            GArray                   *found,
            gint64                    generation,
            TarmacScreenReport       *report,
            GError                  **error)
{
  g_autoptr(sqlite3_stmt) existing = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;
  g_autoptr(sqlite3_stmt) update = NULL;
  g_autofree char *now = _tarmac_store_now ();
  g_autofree char *where = describe_scope (scope);
  g_autofree char *detail = NULL;
  sqlite3 *db = _tarmac_store_get_db (store);

  if (!tarmac_store_begin (store, error))
    return FALSE;

  /* A new hit, if there is one, is the one to update; any other means an officer has
   * taken the match up, and it stays as they left it. */
  existing = _tarmac_store_prepare (store,
                                    "SELECT id, status, score, explanation FROM hit"
                                    " WHERE traveller_id = ?1 AND watchlist_entry_id = ?2"
                                    " ORDER BY status = 'new' DESC, id LIMIT 1", error);
  /* Only for a traveller still unmasked and an entry still there: both may have gone
   * while the match ran. A hit lives as long as its traveller. */
  insert = _tarmac_store_prepare (store,
                                  "INSERT INTO hit (subject_type, traveller_id, source,"
                                  " watchlist_entry_id, score, explanation, status, created_at,"
                                  " updated_at, retain_until)"
                                  " SELECT 'traveller', t.id, ?2, ?3, ?4, ?5, 'new', ?6, ?6,"
                                  " t.retain_until FROM traveller t"
                                  " WHERE t.id = ?1 AND t.masked = 0"
                                  " AND EXISTS (SELECT 1 FROM watchlist_entry e WHERE e.id = ?3)",
                                  error);
  update = _tarmac_store_prepare (store,
                                  "UPDATE hit SET score = ?2, explanation = ?3, updated_at = ?4"
                                  " WHERE id = ?1 AND status = 'new'", error);
  if (existing == NULL || insert == NULL || update == NULL)
    goto fail;

  for (guint i = 0; i < found->len; i++)
    {
      const Found *hit = &g_array_index (found, Found, i);
      int rc;

      sqlite3_reset (existing);
      sqlite3_bind_int64 (existing, 1, hit->traveller_id);
      sqlite3_bind_int64 (existing, 2, hit->entry_id);
      rc = sqlite3_step (existing);
      if (rc == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (existing, 0);
          gboolean is_new = g_strcmp0 (_tarmac_store_column_text (existing, 1), "new") == 0;
          gboolean same = fabs (sqlite3_column_double (existing, 2) - hit->score) < 1e-9 &&
                          g_strcmp0 (_tarmac_store_column_text (existing, 3),
                                     hit->explanation) == 0;

          if (!is_new || same)
            {
              report->unchanged++;
              continue;
            }
          sqlite3_reset (update);
          sqlite3_bind_int64 (update, 1, id);
          sqlite3_bind_double (update, 2, hit->score);
          sqlite3_bind_text (update, 3, hit->explanation, -1, SQLITE_STATIC);
          sqlite3_bind_text (update, 4, now, -1, SQLITE_STATIC);
          if (!_tarmac_store_step_done (store, update, error))
            goto fail;
          report->updated++;
          g_array_append_val (report->hit_ids, id);
          continue;
        }
      if (rc != SQLITE_DONE)
        {
          _tarmac_store_set_error (store, rc, error);
          goto fail;
        }

      sqlite3_reset (insert);
      sqlite3_bind_int64 (insert, 1, hit->traveller_id);
      sqlite3_bind_text (insert, 2, hit->source, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (insert, 3, hit->entry_id);
      sqlite3_bind_double (insert, 4, hit->score);
      sqlite3_bind_text (insert, 5, hit->explanation, -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 6, now, -1, SQLITE_STATIC);
      if (!_tarmac_store_step_done (store, insert, error))
        goto fail;
      if (sqlite3_changes (db) == 1)
        {
          gint64 id = sqlite3_last_insert_rowid (db);

          report->added++;
          g_array_append_val (report->hit_ids, id);
        }
    }

  if (generation >= 0 && !note_generation (store, generation, error))
    goto fail;

  /* The file's screening committed with its hits: a crash before this point leaves the
   * file for tarmac_screener_list_unscreened(). */
  if (scope->kind == TARMAC_SCREEN_SOURCE_FILE)
    {
      g_autoptr(sqlite3_stmt) mark = _tarmac_store_prepare (store,
                                                            "UPDATE source_file SET screened_at = ?2"
                                                            " WHERE id = ?1", error);

      if (mark == NULL)
        goto fail;
      sqlite3_bind_int64 (mark, 1, scope->id);
      sqlite3_bind_text (mark, 2, now, -1, SQLITE_STATIC);
      if (!_tarmac_store_step_done (store, mark, error))
        goto fail;
    }

  /* Screening reads every traveller's name and documents: that is written down too. */
  detail = g_strdup_printf ("%s: %u travellers, %u hits added, %u updated", where,
                            report->travellers, report->added, report->updated);
  if (!tarmac_audit_append (store, "screen", "traveller", NULL, detail, error))
    goto fail;
  /* A failed commit ends its level itself. */
  return tarmac_store_commit (store, error);

fail:
  tarmac_store_rollback (store);
  return FALSE;
}

/* Screening ------------------------------------------------------------------------------- */

static gboolean
screen (TarmacScreener           *self,
        TarmacStore              *store,
        const TarmacScreenScope  *scope,
        gint64                    generation,
        TarmacScreenReport       *report,
        GCancellable             *cancellable,
        GError                  **error)
{
  g_autoptr(TarmacScreenIndexBox) box = NULL;
  g_autoptr(GStringChunk) strings = g_string_chunk_new (64 * 1024);
  g_autoptr(GArray) travellers = NULL;
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (Found));
  g_autoptr(sqlite3_stmt) documents = NULL;
  g_autofree char *now = _tarmac_store_now ();
  TarmacScreenIndex *index;
  double review = TARMAC_SCREEN_DEFAULT_REVIEW_THRESHOLD;
  gboolean any_names;
  gint64 started, written;

  g_array_set_clear_func (found, found_clear);

  memset (report, 0, sizeof *report);
  report->hit_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  tarmac_screen_get_thresholds (store, NULL, &review);

  box = acquire_index (self, store, &report->build_ms, error);
  if (box == NULL)
    return FALSE;
  index = *box;
  report->index_entries = tarmac_screen_index_get_n_entries (index);
  report->index_names = tarmac_screen_index_get_n_names (index);
  any_names = report->index_names > 0;

  if (has_document_lists (store))
    {
      documents = _tarmac_store_prepare (store, DOCUMENT_LIST_SQL, error);
      if (documents == NULL)
        return FALSE;
      sqlite3_bind_text (documents, 2, now, 10, SQLITE_TRANSIENT);
    }

  started = g_get_monotonic_time ();
  travellers = read_travellers (store, scope, strings, error);
  if (travellers == NULL)
    return FALSE;

  /* With no list to screen against, or nobody to screen, nothing is matched or written
   * (but for the generation a full screening covered). */
  if (travellers->len > 0 && (any_names || documents != NULL))
    {
      report->travellers = travellers->len;
      for (guint i = 0; i < travellers->len; i++)
        {
          const Traveller *traveller = &g_array_index (travellers, Traveller, i);

          if (i % CANCEL_CHECK_EVERY == 0 &&
              g_cancellable_set_error_if_cancelled (cancellable, error))
            return FALSE;

          if (any_names)
            {
              TarmacMatchQuery query = {
                traveller->name, traveller->dob, traveller->nationality, traveller->sex,
                traveller->document,
              };
              g_autoptr(GPtrArray) candidates = NULL;

              candidates = tarmac_screen_index_match (index, &query, review,
                                                      MAX_HITS_PER_TRAVELLER, NULL);
              for (guint c = 0; c < candidates->len; c++)
                {
                  const TarmacMatchCandidate *candidate = g_ptr_array_index (candidates, c);
                  Found hit = {
                    traveller->id, candidate->entry_id, "watchlist",
                    round_score (candidate->score), candidate_explanation (candidate),
                  };

                  g_array_append_val (found, hit);
                }
            }

          if (documents != NULL && !find_documents (store, documents, traveller->id, found,
                                                    error))
            return FALSE;
        }
      written = g_get_monotonic_time ();
      report->match_ms = (written - started) / 1000.0;

      if (!write_hits (store, scope, found, generation, report, error))
        return FALSE;
    }
  else
    {
      written = g_get_monotonic_time ();
      if (generation >= 0 && !note_generation (store, generation, error))
        return FALSE;
    }

  /* The lookouts other airports sent (tarmac-lookout-screen.c): the same travellers, or
   * for everyone those of recent and coming flights, whom a lookout is about. */
  {
    g_autoptr(GArray) ids = NULL;
    guint lookout_hits = 0;

    if (scope->kind != TARMAC_SCREEN_ALL)
      {
        ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), travellers->len);
        for (guint i = 0; i < travellers->len; i++)
          g_array_append_val (ids, g_array_index (travellers, Traveller, i).id);
      }
    if (!tarmac_lookout_screen (store, 0, ids, &lookout_hits, error))
      return FALSE;
    report->added += lookout_hits;
  }
  report->write_ms = (g_get_monotonic_time () - written) / 1000.0;

  return TRUE;
}

/* The newest imported file: everything up to it is in a screening of everyone that
 * starts now. */
static gint64
last_file_id (TarmacStore *store)
{
  g_autoptr(sqlite3_stmt) stmt = _tarmac_store_prepare (store, "SELECT max (id) FROM source_file",
                                                        NULL);

  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return 0;
  return sqlite3_column_int64 (stmt, 0);
}

/* After a screening of everyone that began when @last was the newest file. A file
 * imported meanwhile has its own screening, and keeps its mark until that one commits. */
static gboolean
mark_screened_through (TarmacStore  *store,
                       gint64        last,
                       GError      **error)
{
  g_autoptr(sqlite3_stmt) mark = NULL;
  g_autofree char *now = _tarmac_store_now ();

  mark = _tarmac_store_prepare (store,
                                "UPDATE source_file SET screened_at = ?2"
                                " WHERE screened_at IS NULL AND id <= ?1", error);
  if (mark == NULL)
    return FALSE;
  sqlite3_bind_int64 (mark, 1, last);
  sqlite3_bind_text (mark, 2, now, -1, SQLITE_STATIC);
  return _tarmac_store_step_done (store, mark, error);
}

static gboolean
has_lists (TarmacStore *store)
{
  g_autoptr(sqlite3_stmt) stmt = _tarmac_store_prepare (store, "SELECT EXISTS (SELECT 1 FROM watchlist"
                                                               " WHERE enabled = 1 AND entry_count > 0)",
                                                        NULL);

  return stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0) != 0;
}

/**
 * tarmac_screener_screen:
 * @self: a screener
 * @store: the database to screen, on the calling thread's connection
 * @scope: whom to screen
 * @report: (out caller-allocates): what the run did; clear with
 *   tarmac_screen_report_clear()
 * @cancellable: (nullable): stops the run before anything is written
 * @error: return location for a #GError
 *
 * Screens the unmasked travellers of @scope against the person lists and the document
 * lists, and writes the hits at or above the review threshold, with an audit row, in one
 * transaction. Several threads may screen at once, each on its own connection.
 *
 * Returns: %TRUE on success; on failure nothing is written
 */
gboolean
tarmac_screener_screen (TarmacScreener           *self,
                        TarmacStore              *store,
                        const TarmacScreenScope  *scope,
                        TarmacScreenReport       *report,
                        GCancellable             *cancellable,
                        GError                  **error)
{
  gint64 last;

  g_return_val_if_fail (TARMAC_IS_SCREENER (self), FALSE);
  g_return_val_if_fail (TARMAC_IS_STORE (store), FALSE);
  g_return_val_if_fail (scope != NULL, FALSE);
  g_return_val_if_fail (report != NULL, FALSE);
  g_return_val_if_fail (scope->kind != TARMAC_SCREEN_FLIGHT_NAMED ||
                        (scope->carrier != NULL && scope->number != NULL && scope->date != NULL),
                        FALSE);

  if (scope->kind != TARMAC_SCREEN_ALL)
    return screen (self, store, scope, -1, report, cancellable, error);

  /* Everyone screened against the lists as they are: a re-screen would add nothing. */
  last = last_file_id (store);
  return screen (self, store, scope, tarmac_screen_get_list_generation (store), report,
                 cancellable, error) &&
         mark_screened_through (store, last, error);
}

/**
 * tarmac_screener_list_unscreened:
 * @self: a screener
 * @store: the store
 * @error: return location for a #GError
 *
 * The imported files whose travellers were never screened: the program that imported
 * them stopped (a crash, a power cut) between the file's commit and its screening's.
 * Screening each with a %TARMAC_SCREEN_SOURCE_FILE scope marks it. Without any list
 * there is nothing to screen against: the files are marked at once, and a list loaded
 * later screens everyone.
 *
 * Returns: (transfer full) (element-type gint64): the files' ids, oldest first, at most
 *   10,000; %NULL on error
 */
GArray *
tarmac_screener_list_unscreened (TarmacScreener  *self,
                                 TarmacStore     *store,
                                 GError         **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (TARMAC_IS_SCREENER (self), NULL);
  g_return_val_if_fail (TARMAC_IS_STORE (store), NULL);

  if (!has_lists (store))
    return mark_screened_through (store, G_MAXINT64, error) ? g_steal_pointer (&ids) : NULL;

  stmt = _tarmac_store_prepare (store,
                                "SELECT id FROM source_file WHERE screened_at IS NULL"
                                " ORDER BY id LIMIT 10000", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    {
      _tarmac_store_set_error (store, rc, error);
      return NULL;
    }
  return g_steal_pointer (&ids);
}

/**
 * tarmac_screener_needs_rescreen:
 * @self: a screener
 * @store: the store
 *
 * Returns: whether the lists changed since everyone was last screened against them, or
 *   the review threshold was lowered since
 */
gboolean
tarmac_screener_needs_rescreen (TarmacScreener *self,
                                TarmacStore    *store)
{
  g_return_val_if_fail (TARMAC_IS_SCREENER (self), FALSE);
  g_return_val_if_fail (TARMAC_IS_STORE (store), FALSE);

  if (meta_int (store, "screened-list-generation", -1) ==
      tarmac_screen_get_list_generation (store) && !threshold_lowered (store))
    return FALSE;

  /* Without a list, screening can add nothing (the last list removed, or none yet). */
  return has_lists (store);
}

/**
 * tarmac_screener_rescreen:
 * @self: a screener
 * @store: the store
 * @report: (out caller-allocates): what the run did (all zero when nothing was needed)
 * @cancellable: (nullable): stops the run before anything is written
 * @error: return location for a #GError
 *
 * Screens every unmasked traveller again when the lists changed since the last time, or
 * the review threshold was lowered (tarmac_screener_needs_rescreen()), and notes the
 * lists' generation and the threshold it covered. Hits
 * already reviewed stay as they are; hits still new get the new score.
 *
 * Returns: %TRUE on success, and when nothing was needed
 */
gboolean
tarmac_screener_rescreen (TarmacScreener      *self,
                          TarmacStore         *store,
                          TarmacScreenReport  *report,
                          GCancellable        *cancellable,
                          GError             **error)
{
  const TarmacScreenScope all = { TARMAC_SCREEN_ALL, 0, NULL, NULL, NULL };
  gint64 generation;
  gint64 last;

  g_return_val_if_fail (TARMAC_IS_SCREENER (self), FALSE);
  g_return_val_if_fail (TARMAC_IS_STORE (store), FALSE);
  g_return_val_if_fail (report != NULL, FALSE);

  memset (report, 0, sizeof *report);
  if (!tarmac_screener_needs_rescreen (self, store))
    {
      report->hit_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      return TRUE;
    }

  /* Read first: a list that changes while the run goes on moves the generation past the
   * one noted, and the next call screens again. */
  generation = tarmac_screen_get_list_generation (store);
  last = last_file_id (store);
  return screen (self, store, &all, generation, report, cancellable, error) &&
         mark_screened_through (store, last, error);
}
