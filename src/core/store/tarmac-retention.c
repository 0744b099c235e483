/* tarmac-retention.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-retention"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tarmac-audit.h"
#include "tarmac-retention.h"
#include "tarmac-store-private.h"

/*
 * Retention (DESIGN.md §8): API/PNR personal data is masked some months after the flight
 * and deleted some years after it, except what a hit (later: a seizure or a case) keeps.
 *
 * The job is a fixed list of set-based statements, run in passes of at most a batch of
 * travellers, each pass one transaction: a pass applies whole or not at all, and the
 * officer's own writes never wait long behind it.
 * The sets it works on go into TEMP tables of ids first (they never leave this
 * connection), so each rule is written once:
 *
 *  kept     travellers a hit that is not cleared is about. Neither masked nor deleted.
 *  delete   travellers whose flight is older than the deletion period, or whose
 *           retain_until has passed, and that are not kept.
 *  mask     travellers whose flight is older than the masking period, not masked yet, not
 *           kept, and not about to be deleted (masking a row and deleting it would only
 *           write it twice).
 *
 * What masking keeps is what statistics need: the flight, kind, sex, nationality, birth
 * year, embarkation and debarkation, bags counted and weighed, boarding status, document
 * type and issuing state, the codes of findings and SSRs, and a PNR's itinerary, form of
 * payment and amount. What it removes is what names or links a person: names, the rest of
 * the birth date, birthplace, residence, seat, bag tags, booking reference and name key;
 * document numbers, MRZ and dates; finding details and hit explanations (they quote the
 * data); and, once every traveller booked in a PNR is masked, the PNR's contacts, card
 * holder, card hash and last digits, and the free text of its SSRs and history.
 *
 * Flights, flight legs, imported files and messages stay: they hold no personal data and
 * are the denominators of the statistics.
 *
 * The traveller and PNR rows carry the retain_until that governs them; the rows that
 * depend on them (documents, findings, hits; contacts, payments, SSRs, history) are
 * stamped with the same value at import and go with their owner, so the job scans two
 * tables for it rather than eight.
 *
 * Speed: the statements go from the small id sets to the big tables through their
 * indexes; CROSS JOIN keeps that order where SQLite, without statistics, would scan the
 * big table instead. On the demo database at scale 36 (1.02 million travellers) the first
 * run masks everything in about 18 s and a run with nothing to do takes 0.6 s, most of it
 * scanning traveller.retain_until and traveller.masked, which have no index. Deleting
 * travellers needs an index on pnr_ssr (traveller_id): without it, SQLite scans pnr_ssr
 * once per deleted traveller to apply ON DELETE SET NULL.
 */

#define MASKED "'***'"

/* The page cache while the job runs, in KiB (see tarmac_retention_apply()). */
#define JOB_CACHE_KIB 262144

/* Travellers per transaction: about a second of work, so a search or a view in the window,
 * which writes its audit row, never waits long on the job's write lock. */
#define DEFAULT_BATCH_SIZE 50000

/* Named parameters the statements may use; each is bound when the statement has it. */
typedef struct
{
  const char *now;
  const char *mask_day;
  const char *delete_day;
  gint64      batch;
} Params;

typedef struct
{
  const char *sql;
  /* Where sqlite3_changes() is added, or -1 */
  gssize      stat_offset;
  /* This step picks the pass's travellers: a pass that picks a full batch is followed by
   * another one. */
  gboolean    picks;
} Step;

#define STAT(field) G_STRUCT_OFFSET (TarmacRetentionStats, field)
#define NO_STAT     ((gssize) -1)

static const char * const temp_tables[] = {
  "retention_kept",
  "retention_delete",
  "retention_mask",
  "retention_pnr_gone",
  "retention_pnr_check",
  "retention_pnr_mask",
};

static const Step steps[] = {
  /* Kept: a hit that is not cleared (new, in review, referred, or controlled either way or
   * not at all) keeps its traveller whole. A cleared hit keeps nothing.
   * When seizures and cases arrive, the travellers they name join this set here (for
   * example UNION SELECT traveller_id FROM seizure_traveller), and everything below
   * follows. */
  { "INSERT OR IGNORE INTO temp.retention_kept (id)"
    " SELECT traveller_id FROM hit"
    " WHERE traveller_id IS NOT NULL AND status <> 'cleared'",
    NO_STAT },

  { "INSERT INTO temp.retention_delete (id)"
    " SELECT t.id FROM flight f CROSS JOIN traveller t ON t.flight_id = f.id"
    " WHERE f.flight_date < :delete_day"
    "   AND t.id NOT IN (SELECT id FROM temp.retention_kept)"
    /* retain_until is indexed after the message (migration 24): message by message, and
     * the travellers of no message. */
    " UNION"
    " SELECT t.id FROM message m CROSS JOIN traveller t ON t.message_id = m.id"
    " WHERE t.retain_until < :now AND t.id NOT IN (SELECT id FROM temp.retention_kept)"
    " UNION"
    " SELECT t.id FROM traveller t"
    " WHERE t.message_id IS NULL AND t.retain_until < :now"
    "   AND t.id NOT IN (SELECT id FROM temp.retention_kept)"
    " LIMIT :batch",
    NO_STAT, TRUE },

  /* From the old flights to their unmasked travellers (traveller_flight): a run with
   * nothing to mask reads nothing else. */
  { "INSERT INTO temp.retention_mask (id)"
    " SELECT t.id FROM flight f CROSS JOIN traveller t ON t.flight_id = f.id"
    " WHERE f.flight_date < :mask_day AND t.masked = 0"
    "   AND t.id NOT IN (SELECT id FROM temp.retention_kept)"
    "   AND t.id NOT IN (SELECT id FROM temp.retention_delete)"
    " LIMIT :batch",
    NO_STAT, TRUE },

  /* PNRs to look at once the travellers are done: those that lose a traveller may go;
   * those that lose their last unmasked traveller (masked now, or deleted unmasked) are
   * masked. Captured before the travellers change. */
  { "INSERT OR IGNORE INTO temp.retention_pnr_gone (id)"
    " SELECT t.pnr_id FROM temp.retention_delete d CROSS JOIN traveller t ON t.id = d.id"
    " WHERE t.pnr_id IS NOT NULL",
    NO_STAT },
  { "INSERT OR IGNORE INTO temp.retention_pnr_check (id)"
    " SELECT t.pnr_id FROM temp.retention_mask m CROSS JOIN traveller t ON t.id = m.id"
    " WHERE t.pnr_id IS NOT NULL"
    " UNION ALL"
    " SELECT t.pnr_id FROM temp.retention_delete d CROSS JOIN traveller t ON t.id = d.id"
    " WHERE t.pnr_id IS NOT NULL AND t.masked = 0",
    NO_STAT },

  /* Masking. The birth year stays (age bands in the statistics; a year among a flight's
   * travellers no longer singles anyone out once the name and document are gone). */
  { "UPDATE traveller SET surname = " MASKED ", given_names = '',"
    " date_of_birth = CASE WHEN date_of_birth GLOB '[0-9][0-9][0-9][0-9]*'"
    "                      THEN substr (date_of_birth, 1, 4) END,"
    " residence = NULL, birthplace = NULL, seat = NULL, bag_tags = NULL,"
    " booking_reference = NULL, name_key = '', masked = 1"
    " WHERE id IN (SELECT id FROM temp.retention_mask)",
    STAT (travellers_masked) },
  /* Nothing of the number stays, not even its last characters: they add nothing to the
   * statistics and help match the document again. */
  { "UPDATE travel_document SET number = " MASKED ", number_normalised = '', mrz = NULL,"
    " issued_on = NULL, expires_on = NULL"
    " WHERE traveller_id IN (SELECT id FROM temp.retention_mask)",
    STAT (documents_masked) },
  { "UPDATE finding SET detail = ''"
    " WHERE traveller_id IN (SELECT id FROM temp.retention_mask) AND detail <> ''",
    NO_STAT },
  /* Only cleared hits are left on a masked traveller; their status stays for the figures,
   * the explanation quotes the name and document that matched. */
  { "UPDATE hit SET explanation = " MASKED
    " WHERE traveller_id IN (SELECT id FROM temp.retention_mask)",
    NO_STAT },
  /* Officers' comments on those hits quote the same things. */
  { "UPDATE hit_comment SET text = " MASKED
    " WHERE hit_id IN (SELECT h.id FROM temp.retention_mask m"
    "                  CROSS JOIN hit h ON h.traveller_id = m.id)",
    NO_STAT },
  /* A traveller's own SSRs (DOCS, DOCO, DOCA, FOID, but also INFT and CHLD, which name
   * and date an infant or child) are masked with the traveller, even when the PNR stays
   * whole for someone else booked in it. The code stays, the text goes. */
  { "UPDATE pnr_ssr SET text = ''"
    " WHERE pnr_id IN (SELECT t.pnr_id FROM temp.retention_mask m"
    "                  CROSS JOIN traveller t ON t.id = m.id)"
    "   AND traveller_id IN (SELECT id FROM temp.retention_mask) AND text <> ''",
    NO_STAT },

  /* Deletion. The SSRs of a deleted traveller go first: the foreign key would only set
   * their traveller_id to NULL and leave the data in a PNR that stays. Deleting a traveller
   * deletes its documents, findings, sources and hits (ON DELETE CASCADE). */
  { "DELETE FROM pnr_ssr"
    " WHERE pnr_id IN (SELECT t.pnr_id FROM temp.retention_delete d"
    "                  CROSS JOIN traveller t ON t.id = d.id)"
    "   AND traveller_id IN (SELECT id FROM temp.retention_delete)",
    NO_STAT },
  { "DELETE FROM traveller WHERE id IN (SELECT id FROM temp.retention_delete)",
    STAT (travellers_deleted) },
  /* A PNR goes when no traveller is booked in it any more and it lost one now or is past
   * its own retain_until. A PNR that never had a traveller and is still within its period
   * stays: travellers may yet be linked to it. Its contacts, payments, itinerary, SSRs and
   * history go with it (ON DELETE CASCADE). */
  { "DELETE FROM pnr"
    " WHERE (id IN (SELECT id FROM temp.retention_pnr_gone) OR retain_until < :now)"
    "   AND NOT EXISTS (SELECT 1 FROM traveller t WHERE t.pnr_id = pnr.id)",
    STAT (pnrs_deleted) },

  /* A PNR is masked when every traveller still booked in it is masked: a PNR shared with
   * a kept traveller, or with one whose flight is more recent, stays whole until then. */
  { "INSERT INTO temp.retention_pnr_mask (id)"
    " SELECT c.id FROM temp.retention_pnr_check c"
    " WHERE EXISTS (SELECT 1 FROM pnr WHERE pnr.id = c.id)"
    "   AND NOT EXISTS (SELECT 1 FROM traveller t WHERE t.pnr_id = c.id AND t.masked = 0)",
    STAT (pnrs_masked) },
  { "UPDATE pnr_contact SET value = " MASKED ", value_normalised = ''"
    " WHERE pnr_id IN (SELECT id FROM temp.retention_pnr_mask)",
    NO_STAT },
  /* The record locator is how an airline (or a leaked list) names the booking: it goes
   * too, replaced by a token that is unique (the locator is part of a UNIQUE key) and
   * says nothing. */
  { "UPDATE pnr SET record_locator = '*' || id"
    " WHERE id IN (SELECT id FROM temp.retention_pnr_mask)",
    NO_STAT },
  /* The card hash links the same card across PNRs, and the last four digits with the date
   * and amount are what a bank statement shows: both go. */
  { "UPDATE pnr_payment SET card_holder = NULL, card_hash = NULL, card_last4 = NULL"
    " WHERE pnr_id IN (SELECT id FROM temp.retention_pnr_mask)",
    NO_STAT },
  { "UPDATE pnr_ssr SET text = ''"
    " WHERE pnr_id IN (SELECT id FROM temp.retention_pnr_mask) AND text <> ''",
    NO_STAT },
  { "UPDATE pnr_history SET text = ''"
    " WHERE pnr_id IN (SELECT id FROM temp.retention_pnr_mask) AND text <> ''",
    NO_STAT },

  /* Notes are deleted when their own period ends. When seizures and cases arrive, a note
   * about one they keep will be excepted here. */
  { "DELETE FROM note WHERE retain_until < :now",
    STAT (notes_deleted) },
};

/* Travellers the exception saved from something: old enough to be masked (and still not
 * masked) or to be deleted. */
static const char kept_sql[] =
  "SELECT count(*) FROM temp.retention_kept k"
  " CROSS JOIN traveller t ON t.id = k.id CROSS JOIN flight f ON f.id = t.flight_id"
  " WHERE (f.flight_date < :mask_day AND t.masked = 0)"
  "    OR f.flight_date < :delete_day OR t.retain_until < :now";

/**
 * tarmac_retention_policy_init:
 * @policy: a policy to fill
 *
 * Sets the defaults of DESIGN.md §8: mask after 6 months, delete after 5 years, now.
 */
void
tarmac_retention_policy_init (TarmacRetentionPolicy *policy)
{
  g_return_if_fail (policy != NULL);

  policy->mask_after_months = TARMAC_RETENTION_DEFAULT_MASK_MONTHS;
  policy->delete_after_years = TARMAC_RETENTION_DEFAULT_DELETE_YEARS;
  policy->now = NULL;
  policy->batch_size = 0;
}

static GDateTime *
parse_now (const char  *now,
           GError     **error)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) parsed = NULL;

  if (now == NULL)
    return g_date_time_new_now_utc ();

  parsed = g_date_time_new_from_iso8601 (now, utc);
  if (parsed == NULL)
    {
      g_set_error (error, TARMAC_STORE_ERROR, TARMAC_STORE_ERROR_INVALID,
                   /* Translators: %s is what was given instead */
                   _("“%s” is not a date and time such as 2026-11-22T00:00:00Z"), now);
      return NULL;
    }

  return g_date_time_to_utc (parsed);
}

/**
 * tarmac_retention_validate:
 * @policy: a policy
 * @error: return location for a #GError
 *
 * Checks the periods (masking after 1 to 120 months, deletion after 1 to 30 years, and
 * masking not after deletion) and the time.
 *
 * Returns: %TRUE if @policy can be applied; %FALSE with %TARMAC_STORE_ERROR_INVALID
 */
gboolean
tarmac_retention_validate (const TarmacRetentionPolicy  *policy,
                           GError                      **error)
{
  g_autoptr(GDateTime) now = NULL;

  g_return_val_if_fail (policy != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (policy->mask_after_months < 1 || policy->mask_after_months > 120)
    {
      g_set_error (error, TARMAC_STORE_ERROR, TARMAC_STORE_ERROR_INVALID,
                   _("Personal data can be masked after 1 to 120 months, not %u"),
                   policy->mask_after_months);
      return FALSE;
    }

  if (policy->delete_after_years < 1 || policy->delete_after_years > 30)
    {
      g_set_error (error, TARMAC_STORE_ERROR, TARMAC_STORE_ERROR_INVALID,
                   _("Personal data can be deleted after 1 to 30 years, not %u"),
                   policy->delete_after_years);
      return FALSE;
    }

  /* Equal periods are allowed: the data is then deleted when it would be masked. */
  if (policy->mask_after_months > policy->delete_after_years * 12)
    {
      g_set_error_literal (error, TARMAC_STORE_ERROR, TARMAC_STORE_ERROR_INVALID,
                           _("Personal data must be masked before it is deleted: the "
                             "masking period is longer than the deletion period"));
      return FALSE;
    }

  if (!(now = parse_now (policy->now, error)))
    return FALSE;

  return TRUE;
}

static void
bind_params (sqlite3_stmt *stmt,
             const Params *params)
{
  const struct { const char *name; const char *value; } names[] = {
    { ":now", params->now },
    { ":mask_day", params->mask_day },
    { ":delete_day", params->delete_day },
  };

  int batch_index;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      int index = sqlite3_bind_parameter_index (stmt, names[i].name);

      if (index > 0)
        sqlite3_bind_text (stmt, index, names[i].value, -1, SQLITE_STATIC);
    }

  if ((batch_index = sqlite3_bind_parameter_index (stmt, ":batch")) > 0)
    sqlite3_bind_int64 (stmt, batch_index, params->batch);
}

static gboolean
run_sql (TarmacStore   *store,
         const char    *sql,
         const Params  *params,
         gint64        *changes,
         GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 started = g_get_monotonic_time ();

  if (!(stmt = _tarmac_store_prepare (store, sql, error)))
    return FALSE;

  if (params != NULL)
    bind_params (stmt, params);

  if (!_tarmac_store_step_done (store, stmt, error))
    return FALSE;

  if (changes != NULL)
    *changes = sqlite3_changes64 (_tarmac_store_get_db (store));

  g_debug ("%.3f s: %.60s…", (g_get_monotonic_time () - started) / 1e6, sql);

  return TRUE;
}

static gboolean
create_temp_tables (TarmacStore  *store,
                    GError      **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (temp_tables); i++)
    {
      /* Names from the table above, never input. */
      g_autofree char *drop = g_strdup_printf ("DROP TABLE IF EXISTS temp.%s", temp_tables[i]);
      g_autofree char *create = g_strdup_printf ("CREATE TEMP TABLE %s (id INTEGER PRIMARY KEY)",
                                                 temp_tables[i]);

      if (!run_sql (store, drop, NULL, NULL, error) ||
          !run_sql (store, create, NULL, NULL, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
drop_temp_tables (TarmacStore  *store,
                  GError      **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (temp_tables); i++)
    {
      g_autofree char *drop = g_strdup_printf ("DROP TABLE temp.%s", temp_tables[i]);

      if (!run_sql (store, drop, NULL, NULL, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
count_kept (TarmacStore   *store,
            const Params  *params,
            guint         *kept,
            GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!(stmt = _tarmac_store_prepare (store, kept_sql, error)))
    return FALSE;

  bind_params (stmt, params);

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      _tarmac_store_set_error (store, rc, error);
      return FALSE;
    }

  *kept = (guint) sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

static gboolean
run_steps (TarmacStore           *store,
           const Params          *params,
           TarmacRetentionStats  *stats,
           gboolean              *more,
           GError               **error)
{
  *more = FALSE;

  if (!create_temp_tables (store, error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      gint64 changes = 0;

      if (!run_sql (store, steps[i].sql, params, &changes, error))
        return FALSE;

      if (steps[i].stat_offset >= 0)
        G_STRUCT_MEMBER (guint, stats, steps[i].stat_offset) += (guint) changes;

      if (steps[i].picks && changes >= params->batch)
        *more = TRUE;
    }

  /* Kept travellers are untouched by the steps, so counting them last is exact; every
   * pass counts the same ones, so the last count is the answer, not the sum. */
  return count_kept (store, params, &stats->travellers_kept, error) &&
         drop_temp_tables (store, error);
}

/* One pass: at most a batch of travellers to mask and a batch to delete, with what
 * follows from them, and the audit row saying so, in one transaction. */
static gboolean
run_pass (TarmacStore                  *store,
          const TarmacRetentionPolicy  *policy,
          const Params                 *params,
          TarmacRetentionStats         *total,
          gboolean                     *more,
          GError                      **error)
{
  TarmacRetentionStats pass = { 0 };
  g_autofree char *detail = NULL;

  if (!tarmac_store_begin (store, error))
    return FALSE;

  if (!run_steps (store, params, &pass, more, error))
    {
      tarmac_store_rollback (store);
      return FALSE;
    }

  /* The log says what was done, never to whom. */
  detail = g_strdup_printf ("masked travellers %u, documents %u, PNRs %u;"
                            " deleted travellers %u, PNRs %u, notes %u;"
                            " kept travellers %u;"
                            " policy mask after %u months (flights before %s),"
                            " delete after %u years (flights before %s); now %s",
                            pass.travellers_masked, pass.documents_masked,
                            pass.pnrs_masked, pass.travellers_deleted,
                            pass.pnrs_deleted, pass.notes_deleted,
                            pass.travellers_kept,
                            policy->mask_after_months, params->mask_day,
                            policy->delete_after_years, params->delete_day, params->now);

  if (!tarmac_audit_append (store, "retention", "database", NULL, detail, error))
    {
      tarmac_store_rollback (store);
      return FALSE;
    }

  /* A failed commit rolls itself back. */
  if (!tarmac_store_commit (store, error))
    return FALSE;

  total->travellers_masked += pass.travellers_masked;
  total->documents_masked += pass.documents_masked;
  total->pnrs_masked += pass.pnrs_masked;
  total->travellers_deleted += pass.travellers_deleted;
  total->pnrs_deleted += pass.pnrs_deleted;
  total->notes_deleted += pass.notes_deleted;
  total->travellers_kept = pass.travellers_kept;

  return TRUE;
}

static gboolean
apply_in_passes (TarmacStore                  *store,
                 const TarmacRetentionPolicy  *policy,
                 TarmacRetentionStats         *stats,
                 GCancellable                 *cancellable,
                 GError                      **error)
{
  TarmacRetentionPolicy defaults;
  TarmacRetentionStats total = { 0 };
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) mask_cut = NULL;
  g_autoptr(GDateTime) delete_cut = NULL;
  g_autofree char *now_text = NULL;
  g_autofree char *mask_day = NULL;
  g_autofree char *delete_day = NULL;
  gint64 started;
  gint64 old_cache_size;
  gboolean more = TRUE;
  gboolean ok = TRUE;
  guint passes = 0;
  Params params;

  g_return_val_if_fail (TARMAC_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (policy == NULL)
    {
      tarmac_retention_policy_init (&defaults);
      policy = &defaults;
    }

  if (!tarmac_retention_validate (policy, error) ||
      !(now = parse_now (policy->now, error)))
    return FALSE;

  /* flight_date is a day; retain_until a UTC timestamp written like now_text, so both
   * compare as text. */
  mask_cut = g_date_time_add_months (now, -(gint) policy->mask_after_months);
  delete_cut = g_date_time_add_years (now, -(gint) policy->delete_after_years);
  now_text = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  mask_day = g_date_time_format (mask_cut, "%Y-%m-%d");
  delete_day = g_date_time_format (delete_cut, "%Y-%m-%d");

  params.now = now_text;
  params.mask_day = mask_day;
  params.delete_day = delete_day;
  params.batch = policy->batch_size > 0 ? policy->batch_size : DEFAULT_BATCH_SIZE;

  started = g_get_monotonic_time ();

  /* The first run on a database that was never masked rewrites every personal row and
   * its indexes; SQLite's default cache (2 MiB) would read the same pages again and
   * again. The cache only grows as far as it is used, and shrinks back after. */
  old_cache_size = _tarmac_store_grow_cache (store, JOB_CACHE_KIB);

  /* Each pass commits on its own: the rules can be applied again at any point, so a job
   * stopped half-way (cancelled, or the laptop switched off) leaves a consistent database
   * and the next start carries on. */
  while (ok && more)
    {
      ok = !g_cancellable_set_error_if_cancelled (cancellable, error) &&
           run_pass (store, policy, &params, &total, &more, error);
      passes++;
    }

  _tarmac_store_restore_cache (store, old_cache_size);

  /* secure_delete overwrites freed pages in the database file, but the WAL still holds the
   * pages as they were before masking until it is checkpointed and truncated. */
  if (total.travellers_masked + total.travellers_deleted + total.pnrs_deleted +
      total.notes_deleted > 0)
    _tarmac_store_exec (store, "PRAGMA wal_checkpoint(TRUNCATE)", NULL);

  if (!ok)
    {
      g_prefix_error (error, _("Could not apply the retention periods: "));
      return FALSE;
    }

  g_debug ("Retention on %s in %.3f s, %u passes", tarmac_store_get_path (store),
           (g_get_monotonic_time () - started) / 1e6, passes);

  if (stats != NULL)
    *stats = total;

  return TRUE;
}

/**
 * tarmac_retention_apply:
 * @store: a #TarmacStore
 * @policy: (nullable): the periods and the time; %NULL for the defaults
 * @stats: (out caller-allocates) (optional): what was masked, deleted and kept
 * @error: return location for a #GError
 *
 * Masks the personal data of travellers whose flight is older than the masking period,
 * and of the PNRs they were booked in once nobody else in them is unmasked; deletes
 * travellers whose flight is older than the deletion period or whose retain_until has
 * passed, PNRs left without travellers, and notes past their retain_until. A traveller
 * with a hit that is not cleared is neither masked nor deleted.
 *
 * The work goes in passes of at most a batch of travellers; each pass, with one audit row
 * saying what it did, is one transaction. On error, the pass that failed changed nothing
 * and the passes before it stand; running it again finishes the job. Running it again
 * after it succeeded changes nothing more.
 *
 * Returns: %TRUE on success; %FALSE with %TARMAC_STORE_ERROR_INVALID for a bad policy, or
 *   another store error
 */
gboolean
tarmac_retention_apply (TarmacStore                  *store,
                        const TarmacRetentionPolicy  *policy,
                        TarmacRetentionStats         *stats,
                        GError                      **error)
{
  return apply_in_passes (store, policy, stats, NULL, error);
}

typedef struct
{
  char                  *path;
  char                  *actor;
  char                  *now;
  TarmacRetentionPolicy  policy;
} ApplyData;

static void
apply_data_free (gpointer data)
{
  ApplyData *apply = data;

  g_free (apply->path);
  g_free (apply->actor);
  g_free (apply->now);
  g_free (apply);
}

static void
apply_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  ApplyData *apply = task_data;
  g_autoptr(TarmacStore) store = NULL;
  g_autoptr(GError) error = NULL;
  TarmacRetentionStats stats = { 0 };

  if (g_task_return_error_if_cancelled (task))
    return;

  if (!(store = tarmac_store_open (apply->path, &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (apply->actor != NULL)
    tarmac_store_set_actor (store, apply->actor);

  if (!apply_in_passes (store, &apply->policy, &stats, cancellable, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_pointer (task, g_memdup2 (&stats, sizeof stats), g_free);
}

/**
 * tarmac_retention_apply_async:
 * @path: the database file (not ":memory:", which another connection cannot see)
 * @actor: (nullable): who the audit row names; %NULL for the session's user
 * @policy: the periods and the time, copied
 * @cancellable: (nullable): a #GCancellable
 * @callback: called on the thread-default main context when done
 * @user_data: for @callback
 *
 * Runs tarmac_retention_apply() in a worker thread on a connection of its own, so the
 * caller's #TarmacStore is never used from two threads. SQLite's WAL lets the caller's
 * connection read meanwhile; a write from it waits (busy timeout) until the job commits.
 */
void
tarmac_retention_apply_async (const char                  *path,
                              const char                  *actor,
                              const TarmacRetentionPolicy *policy,
                              GCancellable                *cancellable,
                              GAsyncReadyCallback          callback,
                              gpointer                     user_data)
{
  g_autoptr(GTask) task = NULL;
  ApplyData *apply;

  g_return_if_fail (path != NULL && g_strcmp0 (path, ":memory:") != 0);
  g_return_if_fail (policy != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  apply = g_new0 (ApplyData, 1);
  apply->path = g_strdup (path);
  apply->actor = g_strdup (actor);
  apply->now = g_strdup (policy->now);
  apply->policy = *policy;
  apply->policy.now = apply->now;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, tarmac_retention_apply_async);
  g_task_set_task_data (task, apply, apply_data_free);
  g_task_run_in_thread (task, apply_thread);
}

/**
 * tarmac_retention_apply_finish:
 * @result: the #GAsyncResult given to the callback
 * @stats: (out caller-allocates) (optional): what was masked, deleted and kept
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
tarmac_retention_apply_finish (GAsyncResult          *result,
                               TarmacRetentionStats  *stats,
                               GError               **error)
{
  g_autofree TarmacRetentionStats *result_stats = NULL;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        tarmac_retention_apply_async, FALSE);

  if (!(result_stats = g_task_propagate_pointer (G_TASK (result), error)))
    return FALSE;

  if (stats != NULL)
    *stats = *result_stats;

  return TRUE;
}
