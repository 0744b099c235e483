/* tarmac-hit.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-hit"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "tarmac-audit.h"
#include "tarmac-hit.h"
#include "tarmac-screen-index.h"
#include "tarmac-store-private.h"

/*
 * A hit as the review queue shows it: who (the traveller and flight), what it matched
 * (the list and entry), how well (score and the explanation's one-line summary), and
 * where its review stands. A review moves one way:
 *
 *   new → in_review → cleared | referred → controlled_positive | controlled_negative |
 *                                         not_controlled
 *
 * Each change is written with the officer's comment (hit_comment) and an audit row in
 * one transaction. Listing hits names travellers, so it is audited too.
 */

struct _TarmacHit
{
  GObject  parent_instance;

  gint64   id;
  gint64   traveller_id;
  char    *traveller_name;
  char    *flight_label;
  char    *source;
  char    *list_name;
  char    *entry_name;
  char    *entry_ref;
  double   score;
  char    *explanation;
  char    *summary;
  char    *status;
  char    *created_at;
};

G_DEFINE_FINAL_TYPE (TarmacHit, tarmac_hit, G_TYPE_OBJECT)

static void
tarmac_hit_finalize (GObject *object)
{
  TarmacHit *self = (TarmacHit *)object;

  g_free (self->traveller_name);
  g_free (self->flight_label);
  g_free (self->source);
  g_free (self->list_name);
  g_free (self->entry_name);
  g_free (self->entry_ref);
  g_free (self->explanation);
  g_free (self->summary);
  g_free (self->status);
  g_free (self->created_at);

  G_OBJECT_CLASS (tarmac_hit_parent_class)->finalize (object);
}

static void
tarmac_hit_class_init (TarmacHitClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tarmac_hit_finalize;
}

static void
tarmac_hit_init (TarmacHit *self)
{
}

static const struct
{
  const char *from;
  const char *to[4];
} transitions[] = {
  { TARMAC_HIT_NEW, { TARMAC_HIT_IN_REVIEW, TARMAC_HIT_CLEARED, TARMAC_HIT_REFERRED, NULL } },
  { TARMAC_HIT_IN_REVIEW, { TARMAC_HIT_CLEARED, TARMAC_HIT_REFERRED, NULL } },
  { TARMAC_HIT_REFERRED, { TARMAC_HIT_CONTROLLED_POSITIVE, TARMAC_HIT_CONTROLLED_NEGATIVE,
                           TARMAC_HIT_NOT_CONTROLLED, NULL } },
};

/**
 * tarmac_hit_next_statuses:
 * @status: a hit's status
 *
 * Returns: (transfer none) (array zero-terminated=1): the statuses a hit in @status may
 *   move to; empty once its review is closed
 */
const char *const *
tarmac_hit_next_statuses (const char *status)
{
  static const char *const none[] = { NULL };

  for (guint i = 0; i < G_N_ELEMENTS (transitions); i++)
    if (g_strcmp0 (status, transitions[i].from) == 0)
      return transitions[i].to;
  return none;
}

/* New, in review and referred hits are open: the Today page counts them. */
gboolean
tarmac_hit_status_is_open (const char *status)
{
  return g_strcmp0 (status, TARMAC_HIT_NEW) == 0 ||
         g_strcmp0 (status, TARMAC_HIT_IN_REVIEW) == 0 ||
         g_strcmp0 (status, TARMAC_HIT_REFERRED) == 0;
}

/**
 * tarmac_hit_explanation_text:
 * @explanation: a hit's stored explanation
 *
 * Screening stores a JSON object of what aligned and what the date of birth and
 * documents added, with a "text" member in the words of whoever screened. The words are
 * made again here, in the reader's language (an officer reading French should not get
 * the Arabic of the colleague who imported the manifest); what cannot be made again
 * falls back on "text" (document lists, lookouts), and rules store plain text.
 *
 * Returns: (transfer full): the explanation in words
 */
char *
tarmac_hit_explanation_text (const char *explanation)
{
  g_autoptr(JsonParser) parser = NULL;
  JsonNode *root;

  if (explanation == NULL)
    return g_strdup ("");
  if (*explanation != '{')
    return g_strdup (explanation);

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, explanation, -1, NULL))
    return g_strdup (explanation);
  root = json_parser_get_root (parser);
  if (root != NULL && JSON_NODE_HOLDS_OBJECT (root))
    {
      JsonObject *object = json_node_get_object (root);
      JsonNode *text = json_object_get_member (object, "text");
      const char *matched_name = json_object_get_string_member_with_default (object, "matched_name",
                                                                             NULL);
      char *words = tarmac_screen_explanation_render (object, matched_name);

      if (words != NULL)
        return words;

      if (text != NULL && JSON_NODE_HOLDS_VALUE (text) &&
          json_node_get_value_type (text) == G_TYPE_STRING)
        return g_strdup (json_node_get_string (text));
    }
  return g_strdup (explanation);
}

static char *
summarise (const char *explanation)
{
  g_autofree char *text = tarmac_hit_explanation_text (explanation);
  const char *end = strchr (text, '\n');

  return end != NULL ? g_strndup (text, end - text) : g_steal_pointer (&text);
}

#define HIT_COLUMNS \
  "SELECT h.id, h.traveller_id, CASE WHEN t.id IS NULL THEN NULL" \
  "   ELSE coalesce (t.surname, '') || ', ' || coalesce (t.given_names, '') END," \
  " f.carrier || ' ' || f.number || ' · ' || f.flight_date," \
  " h.source, w.name," \
  " coalesce ((SELECT n.name FROM watchlist_name n WHERE n.entry_id = e.id" \
  "   ORDER BY CASE n.quality WHEN 'primary' THEN 0 WHEN 'strong' THEN 1 ELSE 2 END, n.id" \
  "   LIMIT 1), e.document_number)," \
  " e.external_id, h.score, h.explanation, h.status, h.created_at," \
  " l.origin_site, l.surname || CASE WHEN l.given_names = '' THEN ''" \
  "   ELSE ', ' || l.given_names END, l.expires_at" \
  " FROM hit h LEFT JOIN traveller t ON t.id = h.traveller_id" \
  " LEFT JOIN flight f ON f.id = t.flight_id" \
  " LEFT JOIN watchlist_entry e ON e.id = h.watchlist_entry_id" \
  " LEFT JOIN watchlist w ON w.id = e.watchlist_id" \
  " LEFT JOIN lookout l ON l.id = h.lookout_id"

/* A lookout's hit names the airport that sent it where a list's hit names the list, the
 * person flagged where it names the entry, and the lookout's expiry where it gives the
 * entry's reference. */
static void
set_lookout_columns (TarmacHit    *self,
                     sqlite3_stmt *stmt)
{
  g_autoptr(GDateTime) expires = NULL;

  if (sqlite3_column_type (stmt, 12) == SQLITE_NULL)
    return;

  /* Translators: where a hit's list name goes, for a hit raised by a lookout that another
   * airport sent (%s is its code, e.g. DKR) */
  self->list_name = g_strdup_printf (_("Lookout from %s"), sqlite3_column_text (stmt, 12));
  self->entry_name = g_strdup (_tarmac_store_column_text (stmt, 13));
  expires = g_date_time_new_from_unix_utc (sqlite3_column_int64 (stmt, 14) / 1000);
  if (expires != NULL)
    {
      g_autofree char *date = g_date_time_format (expires, "%Y-%m-%d %H:%M UTC");

      /* Translators: a lookout's expiry, where a list entry's reference goes */
      self->entry_ref = g_strdup_printf (_("until %s"), date);
    }
}

static TarmacHit *
hit_from_row (sqlite3_stmt *stmt)
{
  TarmacHit *self = g_object_new (TARMAC_TYPE_HIT, NULL);

  self->id = sqlite3_column_int64 (stmt, 0);
  self->traveller_id = sqlite3_column_int64 (stmt, 1);
  self->traveller_name = g_strdup (_tarmac_store_column_text (stmt, 2));
  self->flight_label = g_strdup (_tarmac_store_column_text (stmt, 3));
  self->source = g_strdup (_tarmac_store_column_text (stmt, 4));
  self->list_name = g_strdup (_tarmac_store_column_text (stmt, 5));
  self->entry_name = g_strdup (_tarmac_store_column_text (stmt, 6));
  self->entry_ref = g_strdup (_tarmac_store_column_text (stmt, 7));
  self->score = sqlite3_column_double (stmt, 8);
  self->explanation = g_strdup (_tarmac_store_column_text (stmt, 9));
  self->summary = summarise (self->explanation);
  self->status = g_strdup (_tarmac_store_column_text (stmt, 10));
  self->created_at = g_strdup (_tarmac_store_column_text (stmt, 11));
  if (self->list_name == NULL)
    set_lookout_columns (self, stmt);

  return self;
}

gboolean
_tarmac_hit_is_status (const char *status)
{
  static const char *const statuses[] = {
    TARMAC_HIT_NEW, TARMAC_HIT_IN_REVIEW, TARMAC_HIT_CLEARED, TARMAC_HIT_REFERRED,
    TARMAC_HIT_CONTROLLED_POSITIVE, TARMAC_HIT_CONTROLLED_NEGATIVE, TARMAC_HIT_NOT_CONTROLLED,
  };

  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    if (g_strcmp0 (status, statuses[i]) == 0)
      return TRUE;
  return FALSE;
}

/**
 * tarmac_hit_list:
 * @store: the store
 * @filter: (nullable): a status, %TARMAC_HIT_FILTER_OPEN (the default) or
 *   %TARMAC_HIT_FILTER_ALL
 * @limit: the most hits to return
 * @error: return location for a #GError
 *
 * The review queue, newest first, the strongest first among hits of one screening. Records the view in the audit log.
 *
 * Returns: (transfer full): a #GListModel of #TarmacHit, or %NULL on error
 */
GListModel *
tarmac_hit_list (TarmacStore  *store,
                 const char   *filter,
                 guint         limit,
                 GError      **error)
{
  g_autoptr(GListStore) hits = g_list_store_new (TARMAC_TYPE_HIT);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (TARMAC_IS_STORE (store), NULL);

  if (filter == NULL)
    filter = TARMAC_HIT_FILTER_OPEN;
  if (!g_str_equal (filter, TARMAC_HIT_FILTER_OPEN) &&
      !g_str_equal (filter, TARMAC_HIT_FILTER_ALL) && !_tarmac_hit_is_status (filter))
    {
      g_set_error (error, TARMAC_STORE_ERROR, TARMAC_STORE_ERROR_INVALID,
                   _("“%s” is not a hit status"), filter);
      return NULL;
    }

  stmt = _tarmac_store_prepare (store,
                                HIT_COLUMNS
                                " WHERE CASE ?1"
                                "   WHEN 'all' THEN 1"
                                "   WHEN 'open' THEN h.status IN ('new', 'in_review', 'referred')"
                                "   ELSE h.status = ?1 END"
                                " ORDER BY h.created_at DESC, h.score DESC, h.id DESC LIMIT ?2",
                                error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, filter, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, limit);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(TarmacHit) hit = hit_from_row (stmt);

      g_list_store_append (hits, hit);
    }
  if (rc != SQLITE_DONE)
    {
      _tarmac_store_set_error (store, rc, error);
      return NULL;
    }

  if (!tarmac_audit_append (store, "view", "hit", NULL, filter, error))
    return NULL;

  return G_LIST_MODEL (g_steal_pointer (&hits));
}

/**
 * tarmac_hit_get:
 * @store: the store
 * @hit_id: the hit
 * @error: return location for a #GError
 *
 * Reads one hit for its detail, and records the view in the audit log.
 *
 * Returns: (transfer full): the hit, or %NULL with %TARMAC_STORE_ERROR_NOT_FOUND
 */
TarmacHit *
tarmac_hit_get (TarmacStore  *store,
                gint64        hit_id,
                GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(TarmacHit) hit = NULL;
  g_autofree char *object_id = NULL;
  int rc;

  g_return_val_if_fail (TARMAC_IS_STORE (store), NULL);

  stmt = _tarmac_store_prepare (store, HIT_COLUMNS " WHERE h.id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, hit_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, TARMAC_STORE_ERROR, TARMAC_STORE_ERROR_NOT_FOUND,
                   _("The hit no longer exists"));
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      _tarmac_store_set_error (store, rc, error);
      return NULL;
    }
  hit = hit_from_row (stmt);

  object_id = g_strdup_printf ("%" G_GINT64_FORMAT, hit_id);
  if (!tarmac_audit_append (store, "view", "hit", object_id, NULL, error))
    return NULL;

  return g_steal_pointer (&hit);
}

/**
 * tarmac_hit_count:
 * @store: the store
 * @filter: (nullable): as for tarmac_hit_list(); %NULL counts open hits
 *
 * Returns: how many hits @filter keeps (a count, not audited)
 */
guint
tarmac_hit_count (TarmacStore *store,
                  const char  *filter)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (TARMAC_IS_STORE (store), 0);

  stmt = _tarmac_store_prepare (store,
                                "SELECT count(*) FROM hit h WHERE CASE ?1"
                                "   WHEN 'all' THEN 1"
                                "   WHEN 'open' THEN h.status IN ('new', 'in_review', 'referred')"
                                "   ELSE h.status = ?1 END", NULL);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, filter != NULL ? filter : TARMAC_HIT_FILTER_OPEN, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return 0;
  return (guint) sqlite3_column_int64 (stmt, 0);
}

/**
 * tarmac_hit_set_status:
 * @store: the store
 * @hit_id: the hit
 * @status: its new status, one that tarmac_hit_next_statuses() allows
 * @comment: (nullable): what the officer found; required to clear a hit or close its
 *   review
 * @error: return location for a #GError
 *
 * Moves a hit's review on, with the comment and an audit row, in one transaction.
 *
 * Returns: %TRUE on success; %FALSE with %TARMAC_STORE_ERROR_INVALID when the move is not
 *   allowed or a needed comment is missing
 */
gboolean
tarmac_hit_set_status (TarmacStore  *store,
                       gint64        hit_id,
                       const char   *status,
                       const char   *comment,
                       GError      **error)
{
  g_autoptr(sqlite3_stmt) select = NULL;
  g_autoptr(sqlite3_stmt) update = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;
  g_autofree char *current = NULL;
  g_autofree char *text = NULL;
  g_autofree char *now = _tarmac_store_now ();
  g_autofree char *object_id = NULL;
  g_autofree char *detail = NULL;
  const char *const *next;
  gboolean allowed = FALSE;

  g_return_val_if_fail (TARMAC_IS_STORE (store), FALSE);
  g_return_val_if_fail (status != NULL, FALSE);

  text = g_strstrip (g_strdup (comment != NULL ? comment : ""));
  if (strlen (text) > 8192 || !g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, TARMAC_STORE_ERROR, TARMAC_STORE_ERROR_INVALID,
                   _("The comment is too long (at most 8192 bytes)"));
      return FALSE;
    }
  /* Closing a review is a decision someone may have to account for: it needs a reason. */
  if (*text == '\0' && !g_str_equal (status, TARMAC_HIT_IN_REVIEW))
    {
      g_set_error (error, TARMAC_STORE_ERROR, TARMAC_STORE_ERROR_INVALID,
                   _("Say why in a comment"));
      return FALSE;
    }

  if (!tarmac_store_begin (store, error))
    return FALSE;

  select = _tarmac_store_prepare (store, "SELECT status FROM hit WHERE id = ?1", error);
  if (select == NULL)
    goto fail;
  sqlite3_bind_int64 (select, 1, hit_id);
  if (sqlite3_step (select) != SQLITE_ROW)
    {
      g_set_error (error, TARMAC_STORE_ERROR, TARMAC_STORE_ERROR_NOT_FOUND,
                   _("The hit no longer exists"));
      goto fail;
    }
  current = g_strdup (_tarmac_store_column_text (select, 0));

  next = tarmac_hit_next_statuses (current);
  for (guint i = 0; next[i] != NULL; i++)
    allowed |= g_str_equal (next[i], status);
  if (!allowed)
    {
      g_set_error (error, TARMAC_STORE_ERROR, TARMAC_STORE_ERROR_INVALID,
                   _("A hit that is “%s” cannot become “%s”"), current, status);
      goto fail;
    }

  update = _tarmac_store_prepare (store, "UPDATE hit SET status = ?2, updated_at = ?3"
                                         " WHERE id = ?1", error);
  if (update == NULL)
    goto fail;
  sqlite3_bind_int64 (update, 1, hit_id);
  sqlite3_bind_text (update, 2, status, -1, SQLITE_STATIC);
  sqlite3_bind_text (update, 3, now, -1, SQLITE_STATIC);
  if (!_tarmac_store_step_done (store, update, error))
    goto fail;

  if (*text != '\0')
    {
      insert = _tarmac_store_prepare (store, "INSERT INTO hit_comment (hit_id, at, text)"
                                             " VALUES (?1, ?2, ?3)", error);
      if (insert == NULL)
        goto fail;
      sqlite3_bind_int64 (insert, 1, hit_id);
      sqlite3_bind_text (insert, 2, now, -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 3, text, -1, SQLITE_STATIC);
      if (!_tarmac_store_step_done (store, insert, error))
        goto fail;
    }

  object_id = g_strdup_printf ("%" G_GINT64_FORMAT, hit_id);
  detail = g_strdup_printf ("%s -> %s", current, status);
  if (!tarmac_audit_append (store, "update", "hit", object_id, detail, error))
    goto fail;

  /* A failed commit ends its level itself. */
  return tarmac_store_commit (store, error);

fail:
  tarmac_store_rollback (store);
  return FALSE;
}

void
tarmac_hit_comment_free (TarmacHitComment *comment)
{
  if (comment == NULL)
    return;
  g_free (comment->at);
  g_free (comment->officer);
  g_free (comment->text);
  g_free (comment);
}

/**
 * tarmac_hit_list_comments:
 * @store: the store
 * @hit_id: the hit
 * @error: return location for a #GError
 *
 * The comments of a hit's review, oldest first. Read with the hit's detail, whose view is
 * already audited (tarmac_hit_get()).
 *
 * Returns: (transfer full) (element-type TarmacHitComment): the comments, or %NULL
 */
GPtrArray *
tarmac_hit_list_comments (TarmacStore  *store,
                          gint64        hit_id,
                          GError      **error)
{
  g_autoptr(GPtrArray) comments = g_ptr_array_new_with_free_func ((GDestroyNotify) tarmac_hit_comment_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (TARMAC_IS_STORE (store), NULL);

  stmt = _tarmac_store_prepare (store,
                                "SELECT c.at, o.display_name, c.text FROM hit_comment c"
                                " LEFT JOIN officer o ON o.id = c.officer_id"
                                " WHERE c.hit_id = ?1 ORDER BY c.at, c.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, hit_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TarmacHitComment *comment = g_new0 (TarmacHitComment, 1);

      comment->at = g_strdup (_tarmac_store_column_text (stmt, 0));
      comment->officer = g_strdup (_tarmac_store_column_text (stmt, 1));
      comment->text = g_strdup (_tarmac_store_column_text (stmt, 2));
      g_ptr_array_add (comments, comment);
    }
  if (rc != SQLITE_DONE)
    {
      _tarmac_store_set_error (store, rc, error);
      return NULL;
    }
  return g_steal_pointer (&comments);
}

#define GETTER(type, name, field, fallback) \
  type \
  tarmac_hit_get_##name (TarmacHit *self) \
  { \
    g_return_val_if_fail (TARMAC_IS_HIT (self), fallback); \
    return self->field; \
  }

GETTER (gint64, id, id, 0)
GETTER (gint64, traveller_id, traveller_id, 0)
GETTER (const char *, traveller_name, traveller_name, NULL)
GETTER (const char *, flight_label, flight_label, NULL)
GETTER (const char *, source, source, NULL)
GETTER (const char *, list_name, list_name, NULL)
GETTER (const char *, entry_name, entry_name, NULL)
GETTER (const char *, entry_ref, entry_ref, NULL)
GETTER (double, score, score, 0.0)
GETTER (const char *, explanation, explanation, NULL)
GETTER (const char *, summary, summary, NULL)
GETTER (const char *, status, status, NULL)
GETTER (const char *, created_at, created_at, NULL)
