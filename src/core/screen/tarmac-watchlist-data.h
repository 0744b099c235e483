/* tarmac-watchlist-data.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * A watchlist as read from a file, before it is stored: what the UN XML, the OFAC CSV set,
 * the Tarmac CSV for national lists and the stolen/lost documents CSV all map into
 * (research/screening.md §4).
 */

#define TARMAC_WATCHLIST_ERROR (tarmac_watchlist_error_quark ())

typedef enum
{
  TARMAC_WATCHLIST_ERROR_FORMAT,      /* the file is not a list we read, or is broken */
  TARMAC_WATCHLIST_ERROR_TOO_LARGE,   /* a bound was exceeded */
  TARMAC_WATCHLIST_ERROR_EMPTY,       /* no entry in the file */
} TarmacWatchlistError;

typedef enum
{
  TARMAC_NAME_QUALITY_PRIMARY,
  TARMAC_NAME_QUALITY_STRONG,   /* a good alias, an original-script name */
  TARMAC_NAME_QUALITY_WEAK,     /* a low-quality alias: exact only, needs corroboration */
} TarmacNameQuality;

typedef enum
{
  TARMAC_DOB_EXACT,        /* a day */
  TARMAC_DOB_MONTH,        /* a month of a year */
  TARMAC_DOB_YEAR,         /* a year */
  TARMAC_DOB_APPROXIMATE,  /* about a year (±2 years when matched) */
  TARMAC_DOB_RANGE,        /* between two years */
} TarmacDobKind;

typedef struct
{
  TarmacDobKind kind;
  guint16       year_from;
  guint16       year_to;     /* == year_from but for ranges */
  guint8        month;       /* 0 when unknown */
  guint8        day;         /* 0 when unknown */
} TarmacDob;

typedef struct
{
  char              *name;
  TarmacNameQuality  quality;
  char              *script;   /* "arabic", "cyrillic"…, or NULL for Latin */
} TarmacWatchlistName;

typedef struct
{
  char *type;               /* passport, national_id, visa, other */
  char *number;             /* as given */
  char *number_normalised;
  char *issuing_country;    /* ISO 3166 alpha-3 when known */
  char *status;             /* stolen, lost, revoked, invalid (documents lists) */
  char *note;
} TarmacWatchlistDocument;

typedef struct
{
  char      *external_id;
  char      *kind;            /* person, entity, document */
  GPtrArray *names;           /* TarmacWatchlistName */
  GArray    *dobs;            /* TarmacDob */
  GPtrArray *nationalities;   /* ISO 3166 alpha-3, or the country as written when unknown */
  char      *sex;             /* M, F or NULL */
  GPtrArray *documents;       /* TarmacWatchlistDocument */
  char      *reference;       /* the list's own reference (TAi.011) */
  char      *category;        /* UN regime, OFAC program, national category */
  char      *listed_on;
  char      *reason;
  char      *expires_at;
  GPtrArray *addresses;       /* one line each, as written */
} TarmacWatchlistEntry;

typedef struct
{
  char      *source;          /* un, ofac, tarmac-csv, documents-csv */
  char      *default_name;
  char      *kind;            /* persons, documents */
  char      *version;
  GPtrArray *entries;         /* TarmacWatchlistEntry */
  GPtrArray *warnings;        /* translated texts: what was read but not understood */
} TarmacWatchlistData;

/* Hostile input is bounded: a list of more entries or a file larger than this is refused. */
#define TARMAC_WATCHLIST_MAX_ENTRIES   5000000
#define TARMAC_WATCHLIST_MAX_FILE_SIZE (G_GINT64_CONSTANT (2048) * 1024 * 1024)
#define TARMAC_WATCHLIST_MAX_NAMES     256
#define TARMAC_WATCHLIST_MAX_FIELD     8192

GQuark                tarmac_watchlist_error_quark       (void);

TarmacWatchlistData  *tarmac_watchlist_data_new          (const char           *source,
                                                          const char           *default_name,
                                                          const char           *kind);
void                  tarmac_watchlist_data_free         (TarmacWatchlistData  *data);

TarmacWatchlistEntry *tarmac_watchlist_entry_new         (const char           *external_id,
                                                          const char           *kind);
void                  tarmac_watchlist_entry_free        (TarmacWatchlistEntry *entry);
void                  tarmac_watchlist_entry_add_name    (TarmacWatchlistEntry *entry,
                                                          const char           *name,
                                                          TarmacNameQuality     quality);
void                  tarmac_watchlist_entry_add_nationality (TarmacWatchlistEntry *entry,
                                                          const char           *country);
TarmacWatchlistDocument *tarmac_watchlist_entry_add_document (TarmacWatchlistEntry *entry,
                                                          const char           *type,
                                                          const char           *number,
                                                          const char           *country);
char                 *tarmac_watchlist_entry_hash        (const TarmacWatchlistEntry *entry);

gboolean              tarmac_dob_parse                   (const char           *text,
                                                          TarmacDob            *dob);
char                 *tarmac_dob_to_string               (const TarmacDob      *dob);
char                 *tarmac_document_normalise          (const char           *number);
const char           *tarmac_name_quality_to_id          (TarmacNameQuality     quality);
const char           *tarmac_dob_kind_to_id              (TarmacDobKind         kind);
char                 *tarmac_document_type_normalise     (const char           *type);
char                 *tarmac_watchlist_clean_text        (const char           *text);

TarmacWatchlistData  *tarmac_watchlist_load              (const char           *path,
                                                          const char           *kind,
                                                          GError              **error);
TarmacWatchlistData  *tarmac_watchlist_load_un           (const char           *data,
                                                          gsize                 length,
                                                          const char           *file_name,
                                                          GError              **error);
TarmacWatchlistData  *tarmac_watchlist_load_ofac         (const char           *sdn_path,
                                                          GError              **error);
TarmacWatchlistData  *tarmac_watchlist_load_csv          (const char           *data,
                                                          gsize                 length,
                                                          const char           *file_name,
                                                          const char           *kind,
                                                          GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TarmacWatchlistData, tarmac_watchlist_data_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TarmacWatchlistEntry, tarmac_watchlist_entry_free)

G_END_DECLS
