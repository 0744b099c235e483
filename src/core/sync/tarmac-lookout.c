/* tarmac-lookout.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-lookout"

#include "config.h"

#include "tarmac-audit.h"
#include "tarmac-lookout.h"
#include "tarmac-store-private.h"

/* A lookout held here, sent or received: a flagged traveller (names, date of birth,
 * nationality, sex, one document; nothing more), the airports it went to and when it
 * expires (Unix milliseconds). Immutable; tarmac-sync-lookouts.c writes the rows. */
struct _TarmacLookout
{
  GObject  parent_instance;

  char    *fields[12];
  gint64   expires_at;
  guint    n_hits;
};

enum {
  F_RECORD_ID,
  F_ORIGIN_SITE,
  F_AUTHOR,
  F_SURNAME,
  F_GIVEN_NAMES,
  F_DATE_OF_BIRTH,
  F_NATIONALITY,
  F_SEX,
  F_DOCUMENT_NUMBER,
  F_REASON,
  F_RECIPIENTS,
  F_CREATED_AT,
};

G_DEFINE_FINAL_TYPE (TarmacLookout, tarmac_lookout, G_TYPE_OBJECT)

static void
tarmac_lookout_finalize (GObject *object)
{
  TarmacLookout *self = (TarmacLookout *) object;

  for (guint i = 0; i < G_N_ELEMENTS (self->fields); i++)
    g_free (self->fields[i]);

  G_OBJECT_CLASS (tarmac_lookout_parent_class)->finalize (object);
}

static void
tarmac_lookout_class_init (TarmacLookoutClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tarmac_lookout_finalize;
}

static void
tarmac_lookout_init (TarmacLookout *self)
{
}

#define GETTER(name, field) \
  const char * \
  tarmac_lookout_get_##name (TarmacLookout *self) \
  { \
    g_return_val_if_fail (TARMAC_IS_LOOKOUT (self), NULL); \
    return self->fields[field]; \
  }

GETTER (record_id, F_RECORD_ID)
GETTER (origin_site, F_ORIGIN_SITE)
GETTER (author, F_AUTHOR)
GETTER (surname, F_SURNAME)
GETTER (given_names, F_GIVEN_NAMES)
GETTER (date_of_birth, F_DATE_OF_BIRTH)
GETTER (nationality, F_NATIONALITY)
GETTER (sex, F_SEX)
GETTER (document_number, F_DOCUMENT_NUMBER)
GETTER (reason, F_REASON)
GETTER (recipients, F_RECIPIENTS)
GETTER (created_at, F_CREATED_AT)

/* Unix milliseconds after which every airport drops it. */
gint64
tarmac_lookout_get_expires_at (TarmacLookout *self)
{
  g_return_val_if_fail (TARMAC_IS_LOOKOUT (self), 0);
  return self->expires_at;
}

/* How many travellers it flagged here. */
guint
tarmac_lookout_get_n_hits (TarmacLookout *self)
{
  g_return_val_if_fail (TARMAC_IS_LOOKOUT (self), 0);
  return self->n_hits;
}

/**
 * tarmac_lookout_list:
 * @store: the workstation's database
 *
 * The lookouts held here that have not expired, the soonest to expire first. They name
 * people: the read is audited.
 *
 * Returns: (transfer full): a #GListModel of #TarmacLookout, or %NULL with @error set
 */
GListModel *
tarmac_lookout_list (TarmacStore  *store,
                     GError      **error)
{
  g_autoptr(GListStore) lookouts = g_list_store_new (TARMAC_TYPE_LOOKOUT);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (TARMAC_IS_STORE (store), NULL);

  stmt = _tarmac_store_prepare (store,
                                "SELECT record_id, origin_site, author, surname, given_names,"
                                " date_of_birth, nationality, sex, document_number, reason, recipients,"
                                " created_at, expires_at,"
                                " (SELECT count (*) FROM hit WHERE hit.lookout_id = lookout.id)"
                                " FROM lookout WHERE expires_at > ?1 ORDER BY expires_at, id",
                                error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, g_get_real_time () / 1000);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(TarmacLookout) lookout = g_object_new (TARMAC_TYPE_LOOKOUT, NULL);

      for (guint i = 0; i < G_N_ELEMENTS (lookout->fields); i++)
        lookout->fields[i] = g_strdup (_tarmac_store_column_text (stmt, (int) i));
      lookout->expires_at = sqlite3_column_int64 (stmt, 12);
      lookout->n_hits = (guint) sqlite3_column_int64 (stmt, 13);
      g_list_store_append (lookouts, lookout);
    }
  if (rc != SQLITE_DONE)
    {
      _tarmac_store_set_error (store, rc, error);
      return NULL;
    }

  if (g_list_model_get_n_items (G_LIST_MODEL (lookouts)) > 0
      && !tarmac_audit_append (store, "view", "lookout", NULL, "lookouts", error))
    return NULL;

  return G_LIST_MODEL (g_steal_pointer (&lookouts));
}
