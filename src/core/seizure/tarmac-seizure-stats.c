/* tarmac-seizure-stats.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-seizure"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "tarmac-audit.h"
#include "tarmac-seizure-codes.h"
#include "tarmac-seizure-stats.h"
#include "tarmac-store-private.h"

struct _TarmacSeizureStats
{
  GObject     parent_instance;

  char       *from;
  char       *to;
  char       *language;
  char       *airport;   /* the filters, NULL for any */
  char       *category;
  char       *agency;
  gboolean    shared;
  GHashTable *tables;    /* name → GListStore of TarmacStatRow */
};

G_DEFINE_FINAL_TYPE (TarmacSeizureStats, tarmac_seizure_stats, G_TYPE_OBJECT)

static const char * const table_names[] = {
  "headline", "commodities", "agencies", "monthly", "routes", "concealment", "selection", NULL
};

/* The filters on one seizure row s: ?3 airport, ?4 category, ?5 agency (NULL for any). */
#define FILTERED(s) \
  " (?3 IS NULL OR " s ".airport = ?3)" \
  " AND (?4 IS NULL OR EXISTS (SELECT 1 FROM seizure_item fi WHERE fi.seizure_id = " s ".id" \
  "      AND fi.category = ?4))" \
  " AND (?5 IS NULL OR EXISTS (SELECT 1 FROM seizure_agency fa WHERE fa.seizure_id = " s ".id" \
  "      AND fa.agency = ?5))"

/* The records a report counts: the latest validated version of each series, dated in
 * [?1, ?2] (the range on occurred_at itself lets SQLite use its index), that the filters
 * keep. A draft edit of a validated record leaves the
 * validated version counted. counted_items are their items, of the category filtered on
 * only: a courier's cash does not add to a drugs-only sheet. */
#define COUNTED \
  "counted AS (SELECT s.* FROM seizure s" \
  " WHERE s.status IN ('VALIDATED', 'SHARED', 'CLOSED')" \
  "   AND s.version = (SELECT max (v.version) FROM seizure v WHERE v.series_id = s.series_id" \
  "                    AND v.status IN ('VALIDATED', 'SHARED', 'CLOSED'))" \
  "   AND s.occurred_at >= ?1 AND s.occurred_at < date (?2, '+1 day')" \
  "   AND substr (s.occurred_at, 1, 10) BETWEEN ?1 AND ?2 AND" FILTERED ("s") ")," \
  " counted_items AS (SELECT i.* FROM seizure_item i JOIN counted c ON c.id = i.seizure_id" \
  "   WHERE ?4 IS NULL OR i.category = ?4)"

static void
tarmac_seizure_stats_finalize (GObject *object)
{
  TarmacSeizureStats *self = (TarmacSeizureStats *)object;

  g_clear_pointer (&self->from, g_free);
  g_clear_pointer (&self->to, g_free);
  g_clear_pointer (&self->language, g_free);
  g_clear_pointer (&self->airport, g_free);
  g_clear_pointer (&self->category, g_free);
  g_clear_pointer (&self->agency, g_free);
  g_clear_pointer (&self->tables, g_hash_table_unref);

  G_OBJECT_CLASS (tarmac_seizure_stats_parent_class)->finalize (object);
}

static void
tarmac_seizure_stats_class_init (TarmacSeizureStatsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tarmac_seizure_stats_finalize;
}

static void
tarmac_seizure_stats_init (TarmacSeizureStats *self)
{
  self->tables = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
  for (guint i = 0; table_names[i] != NULL; i++)
    g_hash_table_insert (self->tables, (gpointer) table_names[i],
                         g_list_store_new (TARMAC_TYPE_STAT_ROW));
}

static TarmacStatRow *
add_row (TarmacSeizureStats *self,
         const char         *table,
         const char         *key,
         const char         *label)
{
  g_autoptr(TarmacStatRow) row = tarmac_stat_row_new ();

  tarmac_stat_row_set_key (row, key);
  tarmac_stat_row_set_label (row, label != NULL ? label : key);
  g_list_store_append (g_hash_table_lookup (self->tables, table), row);
  return row;   /* the store holds it */
}

/* Binds the period (?1, ?2) and the filters (?3 to ?5, NULL for any). */
static sqlite3_stmt *
prepare (TarmacSeizureStats  *self,
         TarmacStore         *store,
         const char          *sql,
         const char          *from,
         const char          *to,
         GError             **error)
{
  sqlite3_stmt *stmt = _tarmac_store_prepare (store, sql, error);
  const char *filters[] = { self->airport, self->category, self->agency };

  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, from, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, to, -1, SQLITE_TRANSIENT);
      for (guint i = 0; i < G_N_ELEMENTS (filters); i++)
        if (filters[i] != NULL && sqlite3_bind_parameter_count (stmt) >= (int) i + 3)
          sqlite3_bind_text (stmt, (int) i + 3, filters[i], -1, SQLITE_TRANSIENT);
    }
  return stmt;
}

static gboolean
query_headline (TarmacSeizureStats  *self,
                TarmacStore         *store,
                GError             **error)
{
  TarmacSeizureCodes *codes = tarmac_seizure_codes_get_default ();
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) reasons = NULL;
  TarmacStatRow *row;
  gint64 targeted = 0;

  stmt = prepare (self, store,
    "WITH " COUNTED ","
    " items AS (SELECT * FROM counted_items)"
    " SELECT"
    "  (SELECT count(*) FROM counted),"
    "  (SELECT count(*) FROM seizure s WHERE s.status IN ('DRAFT', 'SUBMITTED')"
    "     AND NOT EXISTS (SELECT 1 FROM seizure n WHERE n.previous_id = s.id)"
    "     AND substr (s.occurred_at, 1, 10) BETWEEN ?1 AND ?2 AND" FILTERED ("s") "),"
    "  (SELECT count(DISTINCT seizure_id) FROM items WHERE category = 'DRUG'),"
    "  (SELECT total (kg_equivalent) FROM items WHERE category = 'DRUG'),"
    "  (SELECT count(DISTINCT seizure_id) FROM items WHERE category = 'CASH'),"
    "  (SELECT total (value_usd_minor) FROM items WHERE category = 'CASH'),"
    "  (SELECT count(DISTINCT seizure_id) FROM items WHERE category = 'WILD'),"
    "  (SELECT total (kg_equivalent) FROM items WHERE category = 'WILD'),"
    "  (SELECT total (quantity) FROM items WHERE category = 'WILD' AND kg_equivalent IS NULL),"
    "  (SELECT count(DISTINCT seizure_id) FROM items WHERE category IN ('IPRG', 'MEDI')),"
    "  (SELECT total (quantity) FROM items WHERE category IN ('IPRG', 'MEDI')"
    "     AND unit IN ('PCS', 'U')),"
    "  (SELECT count(*) FROM seizure_person p JOIN counted c ON c.id = p.seizure_id"
    "     WHERE p.arrested = 1),"
    "  (SELECT count(*) FROM counted c WHERE (SELECT count(*) FROM seizure_agency a"
    "     WHERE a.seizure_id = c.id) > 1),"
    "  (SELECT count(*) FROM ht_referral WHERE substr (occurred_at, 1, 10) BETWEEN ?1 AND ?2"
    "     AND (?3 IS NULL OR airport = ?3)),"
    "  (SELECT total (victims_female_adult + victims_male_adult + victims_female_child"
    "     + victims_male_child + victims_unknown) FROM ht_referral"
    "     WHERE substr (occurred_at, 1, 10) BETWEEN ?1 AND ?2 AND (?3 IS NULL OR airport = ?3)),"
    "  (SELECT count(*) FROM security_referral WHERE substr (occurred_at, 1, 10) BETWEEN ?1 AND ?2"
    "     AND (?3 IS NULL OR airport = ?3)),"
    "  (SELECT total (persons_count) FROM security_referral"
    "     WHERE substr (occurred_at, 1, 10) BETWEEN ?1 AND ?2 AND (?3 IS NULL OR airport = ?3)),"
    "  (SELECT count(*) FROM activity WHERE kind = 'TRAINING' AND start_date BETWEEN ?1 AND ?2"
    "     AND (?3 IS NULL OR airport = ?3)),"
    "  (SELECT total (participants_female) FROM activity WHERE kind = 'TRAINING'"
    "     AND start_date BETWEEN ?1 AND ?2 AND (?3 IS NULL OR airport = ?3)),"
    "  (SELECT total (participants_male) FROM activity WHERE kind = 'TRAINING'"
    "     AND start_date BETWEEN ?1 AND ?2 AND (?3 IS NULL OR airport = ?3)),"
    "  (SELECT count(*) FROM activity WHERE kind = 'JOINT_OPERATION'"
    "     AND start_date BETWEEN ?1 AND ?2 AND (?3 IS NULL OR airport = ?3)),"
    /* A hit's airport is its traveller's flight's, at either end; its agency the one
     * that worked it. */
    "  (SELECT count(*) FROM hit h WHERE h.status = 'controlled_positive'"
    "     AND substr (h.updated_at, 1, 10) BETWEEN ?1 AND ?2 AND (?5 IS NULL OR h.agency = ?5)"
    "     AND (?3 IS NULL OR EXISTS (SELECT 1 FROM traveller t JOIN flight f ON f.id = t.flight_id"
    "          WHERE t.id = h.traveller_id AND ?3 IN (f.origin, f.destination)))),"
    "  (SELECT count(*) FROM hit h WHERE h.status = 'controlled_negative'"
    "     AND substr (h.updated_at, 1, 10) BETWEEN ?1 AND ?2 AND (?5 IS NULL OR h.agency = ?5)"
    "     AND (?3 IS NULL OR EXISTS (SELECT 1 FROM traveller t JOIN flight f ON f.id = t.flight_id"
    "          WHERE t.id = h.traveller_id AND ?3 IN (f.origin, f.destination))))",
    self->from, self->to, error);
  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      _tarmac_store_set_error (store, sqlite3_errcode (_tarmac_store_get_db (store)), error);
      return FALSE;
    }

  row = add_row (self, "headline", "seizures", _("Seizures"));
  tarmac_stat_row_set_seizures (row, sqlite3_column_int64 (stmt, 0));
  row = add_row (self, "headline", "pending", _("Records awaiting validation (not counted)"));
  tarmac_stat_row_set_count (row, sqlite3_column_int64 (stmt, 1));
  row = add_row (self, "headline", "drugs", _("Drugs (kg-equivalent)"));
  tarmac_stat_row_set_seizures (row, sqlite3_column_int64 (stmt, 2));
  tarmac_stat_row_set_kg (row, sqlite3_column_double (stmt, 3));
  row = add_row (self, "headline", "cash", _("Cash and instruments (USD)"));
  tarmac_stat_row_set_seizures (row, sqlite3_column_int64 (stmt, 4));
  tarmac_stat_row_set_usd_minor (row, (gint64) sqlite3_column_double (stmt, 5));
  row = add_row (self, "headline", "wildlife", _("Wildlife (kg, and specimens or pieces)"));
  tarmac_stat_row_set_seizures (row, sqlite3_column_int64 (stmt, 6));
  tarmac_stat_row_set_kg (row, sqlite3_column_double (stmt, 7));
  tarmac_stat_row_set_count (row, (gint64) sqlite3_column_double (stmt, 8));
  row = add_row (self, "headline", "counterfeit", _("Counterfeit goods and medicines (units)"));
  tarmac_stat_row_set_seizures (row, sqlite3_column_int64 (stmt, 9));
  tarmac_stat_row_set_count (row, (gint64) sqlite3_column_double (stmt, 10));
  row = add_row (self, "headline", "arrests", _("Persons arrested"));
  tarmac_stat_row_set_count (row, sqlite3_column_int64 (stmt, 11));
  row = add_row (self, "headline", "multi_agency", _("Seizures made jointly by several agencies"));
  tarmac_stat_row_set_seizures (row, sqlite3_column_int64 (stmt, 12));
  tarmac_stat_row_set_count (row, sqlite3_column_int64 (stmt, 0));
  /* Referrals and activities have no commodity or agency to filter on: under such a
   * filter the sheet leaves them out rather than show figures it did not filter. */
  if (self->category == NULL && self->agency == NULL)
    {
      row = add_row (self, "headline", "ht_victims", _("Possible trafficking victims referred"));
      tarmac_stat_row_set_count2 (row, sqlite3_column_int64 (stmt, 13));
      tarmac_stat_row_set_count (row, (gint64) sqlite3_column_double (stmt, 14));
      row = add_row (self, "headline", "ftf", _("Potential foreign terrorist fighters referred"));
      tarmac_stat_row_set_count2 (row, sqlite3_column_int64 (stmt, 15));
      tarmac_stat_row_set_count (row, (gint64) sqlite3_column_double (stmt, 16));
      row = add_row (self, "headline", "trainings", _("Trainings (participants: women, men)"));
      tarmac_stat_row_set_seizures (row, 0);
      tarmac_stat_row_set_count (row, (gint64) sqlite3_column_double (stmt, 18));
      tarmac_stat_row_set_count2 (row, (gint64) sqlite3_column_double (stmt, 19));
      tarmac_stat_row_set_kg (row, (double) sqlite3_column_int64 (stmt, 17));
      row = add_row (self, "headline", "joint_operations", _("Joint operations"));
      tarmac_stat_row_set_count (row, sqlite3_column_int64 (stmt, 20));
    }
  if (self->category == NULL)
    {
      row = add_row (self, "headline", "hit_rate",
                     _("Controls of flagged targets: positive, negative"));
      tarmac_stat_row_set_count (row, sqlite3_column_int64 (stmt, 21));
      tarmac_stat_row_set_count2 (row, sqlite3_column_int64 (stmt, 22));
    }

  /* Targeting share: which reasons count as targeting is data (the code list). */
  reasons = prepare (self, store, "WITH " COUNTED " SELECT selection_reason, count(*) FROM counted"
                            " GROUP BY selection_reason ORDER BY count(*) DESC, selection_reason",
                     self->from, self->to, error);
  if (reasons == NULL)
    return FALSE;
  while (sqlite3_step (reasons) == SQLITE_ROW)
    {
      const char *reason = (const char *) sqlite3_column_text (reasons, 0);
      gint64 n = sqlite3_column_int64 (reasons, 1);

      row = add_row (self, "selection", reason,
                     tarmac_seizure_codes_get_label (codes, "selection_reason", reason,
                                                     self->language));
      tarmac_stat_row_set_seizures (row, n);
      if (tarmac_seizure_codes_is_targeted (codes, reason))
        {
          targeted += n;
          tarmac_stat_row_set_count (row, 1);
        }
    }
  row = add_row (self, "headline", "targeted", _("Seizures from targeting, intelligence or alerts"));
  tarmac_stat_row_set_seizures (row, targeted);
  tarmac_stat_row_set_count (row, sqlite3_column_int64 (stmt, 0));
  return TRUE;
}

static gboolean
query_table (TarmacSeizureStats  *self,
             TarmacStore         *store,
             const char          *table,
             const char          *code_table,
             const char          *sql,
             GError             **error)
{
  TarmacSeizureCodes *codes = tarmac_seizure_codes_get_default ();
  g_autoptr(sqlite3_stmt) stmt = prepare (self, store, sql, self->from, self->to, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *key = (const char *) sqlite3_column_text (stmt, 0);
      TarmacStatRow *row;

      row = add_row (self, table, key,
                     code_table != NULL ? tarmac_seizure_codes_get_label (codes, code_table, key,
                                                                          self->language)
                                        : key);
      tarmac_stat_row_set_seizures (row, sqlite3_column_int64 (stmt, 1));
      tarmac_stat_row_set_count (row, (gint64) sqlite3_column_double (stmt, 2));
      tarmac_stat_row_set_count2 (row, (gint64) sqlite3_column_double (stmt, 3));
      tarmac_stat_row_set_kg (row, sqlite3_column_double (stmt, 4));
      tarmac_stat_row_set_usd_minor (row, (gint64) sqlite3_column_double (stmt, 5));
    }
  if (rc != SQLITE_DONE)
    {
      _tarmac_store_set_error (store, rc, error);
      return FALSE;
    }
  return TRUE;
}

static char *
shift_year (const char *day,
            int         years)
{
  int year = (int) g_ascii_strtoll (day, NULL, 10);

  return g_strdup_printf ("%04d%s", year + years, day + 4);
}

/* One row per month of the period: seizures, drugs kg and cash; count2 and kg2 are the
 * same month a year before. */
static gboolean
query_monthly (TarmacSeizureStats  *self,
               TarmacStore         *store,
               GError             **error)
{
  g_autofree char *last_from = shift_year (self->from, -1);
  g_autofree char *last_to = shift_year (self->to, -1);
  const char *sql =
    /* One pass: a correlated subquery per month re-ran the CTEs for every row. */
    "WITH " COUNTED " SELECT substr (c.occurred_at, 1, 7), count(DISTINCT c.id),"
    " total (CASE WHEN i.category = 'DRUG' THEN i.kg_equivalent END),"
    " total (CASE WHEN i.category = 'CASH' THEN i.value_usd_minor END)"
    " FROM counted c LEFT JOIN counted_items i ON i.seizure_id = c.id GROUP BY 1 ORDER BY 1";
  g_autoptr(GHashTable) now = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) before = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  int year = (int) g_ascii_strtoll (self->from, NULL, 10);
  int month = (int) g_ascii_strtoll (self->from + 5, NULL, 10);
  guint n_months = 0;

  for (guint pass = 0; pass < 2; pass++)
    {
      g_autoptr(sqlite3_stmt) stmt = prepare (self, store, sql, pass == 0 ? self->from : last_from,
                                              pass == 0 ? self->to : last_to, error);

      if (stmt == NULL)
        return FALSE;
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          double figures[3] = { (double) sqlite3_column_int64 (stmt, 1),
                                sqlite3_column_double (stmt, 2),
                                sqlite3_column_double (stmt, 3) };
          g_autofree char *key = g_strdup ((const char *) sqlite3_column_text (stmt, 0));

          if (pass == 1)
            {
              g_autofree char *shifted = shift_year (key, 1);

              g_hash_table_insert (before, g_steal_pointer (&shifted),
                                   g_memdup2 (figures, sizeof figures));
            }
          else
            g_hash_table_insert (now, g_steal_pointer (&key), g_memdup2 (figures, sizeof figures));
        }
    }

  /* Every month of the period, empty ones too, so a chart has no gaps (at most ten years). */
  while (n_months++ < 120)
    {
      g_autofree char *key = g_strdup_printf ("%04d-%02d", year, month);
      double *figures = g_hash_table_lookup (now, key);
      double *previous = g_hash_table_lookup (before, key);
      TarmacStatRow *row;

      if (strncmp (key, self->to, 7) > 0)
        break;
      row = add_row (self, "monthly", key, key);
      if (figures != NULL)
        {
          tarmac_stat_row_set_seizures (row, (gint64) figures[0]);
          tarmac_stat_row_set_kg (row, figures[1]);
          tarmac_stat_row_set_usd_minor (row, (gint64) figures[2]);
        }
      if (previous != NULL)
        {
          tarmac_stat_row_set_count2 (row, (gint64) previous[0]);
          tarmac_stat_row_set_kg2 (row, previous[1]);
        }
      if (++month > 12)
        month = 1, year++;
    }
  return TRUE;
}

/* Figures that could point at one case are hidden in shared reports: a seizure count or
 * a count of persons between 1 and 2 hides the whole row. */
static void
suppress_small (TarmacSeizureStats *self)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->tables);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      GListModel *rows = value;

      for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
        {
          g_autoptr(TarmacStatRow) row = g_list_model_get_item (rows, i);
          const char *key = tarmac_stat_row_get_key (row);
          gint64 seizures = tarmac_stat_row_get_seizures (row);
          gint64 persons = tarmac_stat_row_get_count (row);
          gboolean person_row = g_strcmp0 (key, "arrests") == 0 ||
                                g_strcmp0 (key, "ht_victims") == 0 ||
                                g_strcmp0 (key, "ftf") == 0;

          if ((seizures > 0 && seizures < TARMAC_STATS_MIN_SHARED_COUNT) ||
              (person_row && persons > 0 && persons < TARMAC_STATS_MIN_SHARED_COUNT))
            {
              tarmac_stat_row_set_suppressed (row, TRUE);
              tarmac_stat_row_set_seizures (row, 0);
              tarmac_stat_row_set_count (row, 0);
              tarmac_stat_row_set_kg (row, 0);
              tarmac_stat_row_set_usd_minor (row, 0);
              if (person_row)
                tarmac_stat_row_set_count2 (row, 0);
            }
        }
    }
}

static char *
dup_filter (const char *value)
{
  return value != NULL && *value != '\0' ? g_strdup (value) : NULL;
}

/**
 * tarmac_seizure_stats_compute_filtered:
 * @from_day: first day, YYYY-MM-DD (UTC dates of the records)
 * @to_day: last day, inclusive
 * @filter: (nullable): airport, category and agency to keep; %NULL for everything
 * @shared: hide counts below 3, for reports that leave the task force
 * @language: (nullable): label language (en, fr, es, pt, ar), %NULL for the locale's
 *
 * Returns: (transfer full) (nullable): the figures; the computation is audited
 */
TarmacSeizureStats *
tarmac_seizure_stats_compute_filtered (TarmacStore                    *store,
                                       const char                     *from_day,
                                       const char                     *to_day,
                                       const TarmacSeizureStatsFilter *filter,
                                       gboolean                        shared,
                                       const char                     *language,
                                       GError                        **error)
{
  g_autoptr(TarmacSeizureStats) self = NULL;
  g_autoptr(GDate) from = g_date_new ();
  g_autoptr(GDate) to = g_date_new ();
  g_autofree char *detail = NULL;

  g_return_val_if_fail (TARMAC_IS_STORE (store), NULL);

  if (from_day != NULL)
    g_date_set_parse (from, from_day);
  if (to_day != NULL)
    g_date_set_parse (to, to_day);
  if (from_day == NULL || to_day == NULL || strlen (from_day) != 10 || strlen (to_day) != 10 ||
      !g_date_valid (from) || !g_date_valid (to) || g_date_compare (from, to) > 0)
    {
      g_set_error (error, TARMAC_STORE_ERROR, TARMAC_STORE_ERROR_INVALID,
                   _("The period must be two dates, YYYY-MM-DD, the first not after the last"));
      return NULL;
    }

  if (filter != NULL && filter->category != NULL && *filter->category != '\0' &&
      !tarmac_seizure_codes_has (tarmac_seizure_codes_get_default (), "category", filter->category))
    {
      g_set_error (error, TARMAC_STORE_ERROR, TARMAC_STORE_ERROR_INVALID,
                   _("%s: “%s” is not a known code"), "category", filter->category);
      return NULL;
    }

  self = g_object_new (TARMAC_TYPE_SEIZURE_STATS, NULL);
  self->from = g_strdup (from_day);
  self->to = g_strdup (to_day);
  self->shared = shared;
  if (filter != NULL)
    {
      self->airport = dup_filter (filter->airport);
      self->category = dup_filter (filter->category);
      self->agency = dup_filter (filter->agency);
    }
  self->language = g_strdup (language != NULL ? language : tarmac_seizure_codes_get_language ());

  if (!query_headline (self, store, error) ||
      !query_table (self, store, "commodities", "subtype",
        "WITH " COUNTED " SELECT i.subtype, count(DISTINCT i.seizure_id),"
        " total (CASE WHEN i.kg_equivalent IS NULL THEN i.quantity END), total (i.pieces),"
        " total (i.kg_equivalent), total (i.value_usd_minor)"
        " FROM counted_items i"
        " GROUP BY i.category, i.subtype ORDER BY i.category, count(DISTINCT i.seizure_id) DESC,"
        " i.subtype", error) ||
      !query_table (self, store, "agencies", NULL,
        "WITH " COUNTED " SELECT a.agency, count(DISTINCT a.seizure_id),"
        " total (a.role = 'LEAD'), total (a.role <> 'LEAD'), 0, 0"
        " FROM seizure_agency a JOIN counted c ON c.id = a.seizure_id"
        " GROUP BY a.agency ORDER BY 2 DESC, 1", error) ||
      !query_table (self, store, "routes", NULL,
        "WITH " COUNTED ", ends AS (SELECT c.id,"
        " (SELECT country FROM seizure_route r WHERE r.seizure_id = c.id"
        "   AND r.role IN ('ORIGIN', 'DEPARTURE') ORDER BY r.seq LIMIT 1) AS src,"
        " (SELECT country FROM seizure_route r WHERE r.seizure_id = c.id"
        "   AND r.role IN ('DESTINATION', 'FINAL_DEST') ORDER BY r.seq DESC LIMIT 1) AS dst"
        " FROM counted c)"
        " SELECT src || '→' || dst, count(*), 0, 0, 0, 0 FROM ends"
        " WHERE src IS NOT NULL AND dst IS NOT NULL GROUP BY src, dst"
        " ORDER BY 2 DESC, 1 LIMIT 10", error) ||
      !query_table (self, store, "concealment", "concealment",
        "WITH " COUNTED " SELECT i.concealment, count(DISTINCT i.seizure_id), 0, 0,"
        " total (i.kg_equivalent), 0 FROM counted_items i"
        " WHERE i.concealment IS NOT NULL GROUP BY i.concealment ORDER BY 2 DESC, 1", error) ||
      !query_monthly (self, store, error))
    return NULL;

  if (shared)
    suppress_small (self);

  detail = g_strdup_printf ("%s..%s%s%s%s%s%s%s%s", from_day, to_day, shared ? " shared" : "",
                            self->airport != NULL ? " airport=" : "",
                            self->airport != NULL ? self->airport : "",
                            self->category != NULL ? " category=" : "",
                            self->category != NULL ? self->category : "",
                            self->agency != NULL ? " agency=" : "",
                            self->agency != NULL ? self->agency : "");
  if (!tarmac_audit_append (store, "report", "seizure", NULL, detail, error))
    return NULL;
  return g_steal_pointer (&self);
}

/**
 * tarmac_seizure_stats_compute:
 *
 * tarmac_seizure_stats_compute_filtered() without filters.
 *
 * Returns: (transfer full) (nullable): the figures; the computation is audited
 */
TarmacSeizureStats *
tarmac_seizure_stats_compute (TarmacStore  *store,
                              const char   *from_day,
                              const char   *to_day,
                              gboolean      shared,
                              const char   *language,
                              GError      **error)
{
  return tarmac_seizure_stats_compute_filtered (store, from_day, to_day, NULL, shared, language,
                                                error);
}

const char *
tarmac_seizure_stats_get_from (TarmacSeizureStats *self)
{
  g_return_val_if_fail (TARMAC_IS_SEIZURE_STATS (self), NULL);
  return self->from;
}

const char *
tarmac_seizure_stats_get_to (TarmacSeizureStats *self)
{
  g_return_val_if_fail (TARMAC_IS_SEIZURE_STATS (self), NULL);
  return self->to;
}

gboolean
tarmac_seizure_stats_get_shared (TarmacSeizureStats *self)
{
  g_return_val_if_fail (TARMAC_IS_SEIZURE_STATS (self), FALSE);
  return self->shared;
}

const char *
tarmac_seizure_stats_get_language (TarmacSeizureStats *self)
{
  g_return_val_if_fail (TARMAC_IS_SEIZURE_STATS (self), NULL);
  return self->language;
}

/* Returns: (nullable): the airport filtered on */
const char *
tarmac_seizure_stats_get_airport (TarmacSeizureStats *self)
{
  g_return_val_if_fail (TARMAC_IS_SEIZURE_STATS (self), NULL);
  return self->airport;
}

/* Returns: (nullable): the category filtered on */
const char *
tarmac_seizure_stats_get_category (TarmacSeizureStats *self)
{
  g_return_val_if_fail (TARMAC_IS_SEIZURE_STATS (self), NULL);
  return self->category;
}

/* Returns: (nullable): the agency filtered on */
const char *
tarmac_seizure_stats_get_agency (TarmacSeizureStats *self)
{
  g_return_val_if_fail (TARMAC_IS_SEIZURE_STATS (self), NULL);
  return self->agency;
}

const char * const *
tarmac_seizure_stats_get_table_names (void)
{
  return table_names;
}

/* Returns: (transfer none) (nullable): the rows of table @name */
GListModel *
tarmac_seizure_stats_get_table (TarmacSeizureStats *self,
                                const char         *name)
{
  g_return_val_if_fail (TARMAC_IS_SEIZURE_STATS (self), NULL);
  return g_hash_table_lookup (self->tables, name);
}

/* Returns: (transfer none) (nullable): the headline row @key (seizures, drugs, cash…) */
TarmacStatRow *
tarmac_seizure_stats_get_headline (TarmacSeizureStats *self,
                                   const char         *key)
{
  GListModel *rows;

  g_return_val_if_fail (TARMAC_IS_SEIZURE_STATS (self), NULL);

  rows = g_hash_table_lookup (self->tables, "headline");
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(TarmacStatRow) row = g_list_model_get_item (rows, i);

      if (g_strcmp0 (tarmac_stat_row_get_key (row), key) == 0)
        return row;
    }
  return NULL;
}

/**
 * tarmac_seizure_stats_to_json:
 *
 * Returns: (transfer full): {"from", "to", "shared", "tables": {NAME: [rows]}}; a
 *   suppressed row has "suppressed": true and no figures
 */
char *
tarmac_seizure_stats_to_json (TarmacSeizureStats *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (TARMAC_IS_SEIZURE_STATS (self), NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "report");
  json_builder_add_string_value (builder, "results");
  json_builder_set_member_name (builder, "from");
  json_builder_add_string_value (builder, self->from);
  json_builder_set_member_name (builder, "to");
  json_builder_add_string_value (builder, self->to);
  json_builder_set_member_name (builder, "shared");
  json_builder_add_boolean_value (builder, self->shared);
  json_builder_set_member_name (builder, "tables");
  json_builder_begin_object (builder);
  for (guint t = 0; table_names[t] != NULL; t++)
    {
      GListModel *rows = g_hash_table_lookup (self->tables, table_names[t]);

      json_builder_set_member_name (builder, table_names[t]);
      json_builder_begin_array (builder);
      for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
        {
          g_autoptr(TarmacStatRow) row = g_list_model_get_item (rows, i);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "key");
          json_builder_add_string_value (builder, tarmac_stat_row_get_key (row));
          json_builder_set_member_name (builder, "label");
          json_builder_add_string_value (builder, tarmac_stat_row_get_label (row));
          if (tarmac_stat_row_get_suppressed (row))
            {
              json_builder_set_member_name (builder, "suppressed");
              json_builder_add_boolean_value (builder, TRUE);
            }
          else
            {
              json_builder_set_member_name (builder, "seizures");
              json_builder_add_int_value (builder, tarmac_stat_row_get_seizures (row));
              json_builder_set_member_name (builder, "count");
              json_builder_add_int_value (builder, tarmac_stat_row_get_count (row));
              json_builder_set_member_name (builder, "count2");
              json_builder_add_int_value (builder, tarmac_stat_row_get_count2 (row));
              json_builder_set_member_name (builder, "kg");
              json_builder_add_double_value (builder, tarmac_stat_row_get_kg (row));
              json_builder_set_member_name (builder, "kg2");
              json_builder_add_double_value (builder, tarmac_stat_row_get_kg2 (row));
              json_builder_set_member_name (builder, "usd");
              json_builder_add_double_value (builder, tarmac_stat_row_get_usd_minor (row) / 100.0);
            }
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  return json_generator_to_data (generator, NULL);
}

static void
csv_field (GString    *out,
           const char *text)
{
  /* A cell that starts like a formula is quoted with a leading apostrophe. */
  gboolean formula = text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@';

  g_string_append_c (out, '"');
  if (formula)
    g_string_append_c (out, '\'');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
append_csv_rows (TarmacSeizureStats *self,
                 GString            *out,
                 const char         *name)
{
  GListModel *rows = g_hash_table_lookup (self->tables, name);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(TarmacStatRow) row = g_list_model_get_item (rows, i);
      char kg[G_ASCII_DTOSTR_BUF_SIZE], kg2[G_ASCII_DTOSTR_BUF_SIZE];

      g_string_append_printf (out, "%s,", name);
      csv_field (out, tarmac_stat_row_get_key (row));
      g_string_append_c (out, ',');
      csv_field (out, tarmac_stat_row_get_label (row));
      if (tarmac_stat_row_get_suppressed (row))
        {
          g_string_append (out, ",,,,,,,<3\r\n");
          continue;
        }
      g_ascii_formatd (kg, sizeof kg, "%.3f", tarmac_stat_row_get_kg (row));
      g_ascii_formatd (kg2, sizeof kg2, "%.3f", tarmac_stat_row_get_kg2 (row));
      g_string_append_printf (out, ",%lld,%lld,%lld,%s,%s,%lld.%02lld,\r\n",
                              (long long) tarmac_stat_row_get_seizures (row),
                              (long long) tarmac_stat_row_get_count (row),
                              (long long) tarmac_stat_row_get_count2 (row), kg, kg2,
                              (long long) (tarmac_stat_row_get_usd_minor (row) / 100),
                              (long long) (tarmac_stat_row_get_usd_minor (row) % 100));
    }
}

#define CSV_HEADER "table,key,label,seizures,count,count2,kg,kg2,usd,note\r\n"

/**
 * tarmac_seizure_stats_to_csv:
 *
 * Returns: (transfer full): UTF-8 CSV, one line per row of every table, suppressed
 *   figures left empty with "<3" in the last column
 */
char *
tarmac_seizure_stats_to_csv (TarmacSeizureStats *self)
{
  GString *out = g_string_new (CSV_HEADER);

  g_return_val_if_fail (TARMAC_IS_SEIZURE_STATS (self), NULL);

  for (guint t = 0; table_names[t] != NULL; t++)
    append_csv_rows (self, out, table_names[t]);
  return g_string_free (out, FALSE);
}

/**
 * tarmac_seizure_stats_table_to_csv:
 * @name: a table name (tarmac_seizure_stats_get_table_names())
 *
 * Returns: (transfer full) (nullable): the CSV of that table alone, with the same
 *   columns as tarmac_seizure_stats_to_csv(); %NULL for an unknown table
 */
char *
tarmac_seizure_stats_table_to_csv (TarmacSeizureStats *self,
                                   const char         *name)
{
  GString *out;

  g_return_val_if_fail (TARMAC_IS_SEIZURE_STATS (self), NULL);

  if (name == NULL || !g_hash_table_contains (self->tables, name))
    return NULL;
  out = g_string_new (CSV_HEADER);
  append_csv_rows (self, out, name);
  return g_string_free (out, FALSE);
}

/**
 * tarmac_seizure_stats_audit_export:
 * @what: what was written: "pdf", "csv", "csv:TABLE", "json"
 * @destination: where (a file path)
 *
 * Records in the audit log that these figures left the program, with the period, the
 * filters and whether small counts were hidden, as `tarmac-cli export` records its files.
 */
gboolean
tarmac_seizure_stats_audit_export (TarmacSeizureStats  *self,
                                   TarmacStore         *store,
                                   const char          *what,
                                   const char          *destination,
                                   GError             **error)
{
  g_autofree char *detail = NULL;

  g_return_val_if_fail (TARMAC_IS_SEIZURE_STATS (self), FALSE);
  g_return_val_if_fail (TARMAC_IS_STORE (store), FALSE);
  g_return_val_if_fail (what != NULL, FALSE);

  detail = g_strdup_printf ("%s %s..%s%s%s%s%s%s%s%s → %s", what, self->from, self->to,
                            self->shared ? " shared" : "",
                            self->airport != NULL ? " airport=" : "",
                            self->airport != NULL ? self->airport : "",
                            self->category != NULL ? " category=" : "",
                            self->category != NULL ? self->category : "",
                            self->agency != NULL ? " agency=" : "",
                            self->agency != NULL ? self->agency : "",
                            destination != NULL ? destination : "?");
  return tarmac_audit_append (store, "export", "seizure_report", NULL, detail, error);
}

static GStrv
list_strings (TarmacStore  *store,
              const char   *sql,
              GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = _tarmac_store_prepare (store, sql, error);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));
  if (rc != SQLITE_DONE)
    {
      _tarmac_store_set_error (store, rc, error);
      return NULL;
    }
  return g_strv_builder_end (builder);
}

/* Returns: (transfer full): the airports of seizures, referrals and activities */
GStrv
tarmac_seizure_stats_list_airports (TarmacStore  *store,
                                    GError      **error)
{
  g_return_val_if_fail (TARMAC_IS_STORE (store), NULL);

  return list_strings (store,
                       "SELECT airport FROM seizure UNION SELECT airport FROM ht_referral"
                       " UNION SELECT airport FROM security_referral"
                       " UNION SELECT airport FROM activity WHERE airport IS NOT NULL"
                       " ORDER BY 1 LIMIT 500", error);
}

/* Returns: (transfer full): the agencies credited on seizures */
GStrv
tarmac_seizure_stats_list_agencies (TarmacStore  *store,
                                    GError      **error)
{
  g_return_val_if_fail (TARMAC_IS_STORE (store), NULL);

  return list_strings (store, "SELECT DISTINCT agency FROM seizure_agency ORDER BY 1 LIMIT 500",
                       error);
}

/**
 * tarmac_seizure_stats_month_summary:
 * @day: a day, YYYY-MM-DD: its month, up to and including it, is counted
 * @seizures: (out): counted seizures (as in the results sheet)
 * @top_category: (out) (transfer full) (nullable): the category code with most seizures
 *
 * Returns: %TRUE on success
 */
gboolean
tarmac_seizure_stats_month_summary (TarmacStore  *store,
                                    const char   *day,
                                    gint64       *seizures,
                                    char        **top_category,
                                    GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *first = NULL;
  int rc;

  g_return_val_if_fail (TARMAC_IS_STORE (store), FALSE);
  g_return_val_if_fail (day != NULL && strlen (day) == 10, FALSE);

  first = g_strdup_printf ("%.8s01", day);
  stmt = _tarmac_store_prepare (store,
    "WITH " COUNTED " SELECT (SELECT count(*) FROM counted),"
    " (SELECT category FROM counted_items GROUP BY category"
    "   ORDER BY count(DISTINCT seizure_id) DESC, category LIMIT 1)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, first, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, day, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      _tarmac_store_set_error (store, rc, error);
      return FALSE;
    }
  *seizures = sqlite3_column_int64 (stmt, 0);
  *top_category = sqlite3_column_type (stmt, 1) == SQLITE_NULL
                  ? NULL : g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  return TRUE;
}
