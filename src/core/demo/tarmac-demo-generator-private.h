/* tarmac-demo-generator-private.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tarmac-demo-names.h"
#include "tarmac-demo-private.h"
#include "tarmac-demo-schedule.h"

G_BEGIN_DECLS

/*
 * The generator's state, shared by its files:
 *  - tarmac-demo-tables.c parses the name and schedule tables once per run;
 *  - tarmac-demo-people.c makes up people, documents, contacts and cards;
 *  - tarmac-demo-pnr.c writes a booking's PNR;
 *  - tarmac-demo-rows.c writes rows to SQLite on a second thread;
 *  - tarmac-demo-generator.c plans flights and bookings and drives the rest.
 */

/* ---------------------------------------------------------------------------------- */
/* Pseudo-random numbers: xoshiro256**, seeded through splitmix64. Never the clock.    */

typedef struct
{
  guint64 s[4];
} DemoRng;

static inline guint64
demo_rotl (guint64 x,
           int     k)
{
  return (x << k) | (x >> (64 - k));
}

static inline void
demo_rng_seed (DemoRng *rng,
               guint64  seed)
{
  for (guint i = 0; i < 4; i++)
    {
      guint64 z = (seed += G_GUINT64_CONSTANT (0x9e3779b97f4a7c15));

      z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
      z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94d049bb133111eb);
      rng->s[i] = z ^ (z >> 31);
    }
}

static inline guint64
demo_rng_next (DemoRng *rng)
{
  guint64 *s = rng->s;
  guint64 result = demo_rotl (s[1] * 5, 7) * 9;
  guint64 t = s[1] << 17;

  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = demo_rotl (s[3], 45);

  return result;
}

/* Uniform in [0, n). */
static inline guint
demo_rng_below (DemoRng *rng,
                guint    n)
{
  return (guint) (((demo_rng_next (rng) >> 32) * (guint64) n) >> 32);
}

/* Uniform in [lo, hi]. */
static inline int
demo_rng_range (DemoRng *rng,
                int      lo,
                int      hi)
{
  return lo + (int) demo_rng_below (rng, (guint) (hi - lo + 1));
}

static inline gboolean
demo_rng_permille (DemoRng *rng,
                   guint    permille)
{
  return demo_rng_below (rng, 1000) < permille;
}

static inline double
demo_rng_double (DemoRng *rng)
{
  return (double) (demo_rng_next (rng) >> 11) * (1.0 / 9007199254740992.0);
}

/* ---------------------------------------------------------------------------------- */
/* Tables                                                                              */

enum
{
  DEMO_FORM_MIXED,
  DEMO_FORM_UPPER,
  DEMO_FORM_ASCII,
  DEMO_FORM_ASCII_UPPER,
  DEMO_N_FORMS
};

/* One spelling of a name, as written in each way airline systems write it. */
typedef struct
{
  const char *s[DEMO_N_FORMS];
} DemoForm;

typedef struct
{
  guint     n_variants;
  DemoForm *variants;
  DemoForm *female;     /* gendered surnames; as many as @variants */
} DemoName;

typedef struct
{
  guint     n;
  DemoName *items;
} DemoNameList;

typedef struct
{
  guint        n;
  const char **items;
} DemoStrList;

typedef struct
{
  guint  n;
  guint  total;
  guint *index;
  guint *cumulative;
} DemoWeighted;

/* A name in Arabic script, with the Latin spelling the same record uses elsewhere. */
typedef struct
{
  const char *arabic;
  DemoForm    latin;
} DemoArabicName;

typedef struct
{
  guint           n;
  DemoArabicName *items;
} DemoArabicList;

typedef struct
{
  const TarmacDemoCulture *def;
  DemoNameList             given_m;
  DemoNameList             given_f;
  DemoNameList             surnames;
  DemoArabicList           arabic_given_m;
  DemoArabicList           arabic_given_f;
  DemoArabicList           arabic_surnames;
} DemoCulture;

typedef struct
{
  const TarmacDemoNationality *def;
  DemoWeighted                 cultures;
  DemoStrList                  passport_formats;
  DemoStrList                  mobiles;
  DemoStrList                  domains;
  DemoNameList                 cities;
  guint                       *dual;
  guint                        n_dual;
  DemoStrList                  agency_names;
  DemoStrList                  agency_cities;
  double                       per_usd;
  gboolean                     ecowas;
  gboolean                     trunk_zero;
  gboolean                     diaspora_host;
  gboolean                     trader;       /* communities settled in West Africa */
} DemoNationality;

typedef struct
{
  const TarmacDemoAirport *def;
  DemoWeighted             mix;
  guint                   *beyond;
  guint                    n_beyond;
  gboolean                 ecowas;
  gboolean                 watched;    /* on routes that the network watches */
} DemoAirport;

typedef struct
{
  const TarmacDemoCarrier *def;
  DemoWeighted             crew;
  guint                    transit_permille;
} DemoCarrier;

typedef enum
{
  DEMO_INBOUND,
  DEMO_OUTBOUND,
  DEMO_TRANSIT,
} DemoDirection;

typedef struct
{
  const TarmacDemoMovement *def;
  guint                     index;
  const DemoAirport        *origin;
  const DemoAirport        *via;
  const DemoAirport        *destination;
  const DemoCarrier        *carrier;
  const TarmacDemoAircraft *aircraft;
  DemoDirection             direction;
  int                       block1;     /* minutes, first leg (or the only one) */
  int                       block2;     /* minutes, second leg */
  int                       reverse;    /* index of the return movement, or -1 */
} DemoMovement;

typedef struct
{
  GStringChunk          *chunk;
  DemoCulture           *cultures;
  guint                  n_cultures;
  DemoNationality       *nats;
  guint                  n_nats;
  DemoAirport           *airports;
  guint                  n_airports;
  DemoCarrier           *carriers;
  guint                  n_carriers;
  DemoMovement          *movements;
  guint                  n_movements;
  const DemoAirport     *home;
  const DemoNationality *home_nat;
} DemoTables;

void               _tarmac_demo_tables_load       (DemoTables             *tables);
void               _tarmac_demo_tables_free       (DemoTables             *tables);
const DemoNationality *
                   _tarmac_demo_find_nationality  (const DemoTables       *tables,
                                                   const char             *iso3);
int                _tarmac_demo_block_minutes     (const DemoAirport      *a,
                                                   const DemoAirport      *b);
double             _tarmac_demo_distance_km       (const DemoAirport      *a,
                                                   const DemoAirport      *b);

/* ---------------------------------------------------------------------------------- */
/* Rows, written by a second thread                                                    */

typedef enum
{
  DEMO_ROW_FLIGHT,
  DEMO_ROW_LEG,
  DEMO_ROW_PNR,
  DEMO_ROW_CONTACT,
  DEMO_ROW_PAYMENT,
  DEMO_ROW_SEGMENT,
  DEMO_ROW_SSR,
  DEMO_ROW_TRAVELLER,
  DEMO_ROW_DOCUMENT,
  DEMO_ROW_NOTE,
  DEMO_N_ROWS
} DemoRowKind;

typedef struct _DemoRows DemoRows;

DemoRows *_tarmac_demo_rows_start  (TarmacStore  *store,
                                    GError      **error);
void      _tarmac_demo_rows_begin  (DemoRows     *rows,
                                    DemoRowKind   kind);
void      _tarmac_demo_rows_int    (DemoRows     *rows,
                                    gint64        value);
void      _tarmac_demo_rows_double (DemoRows     *rows,
                                    double        value);
void      _tarmac_demo_rows_text   (DemoRows     *rows,
                                    const char   *text);
void      _tarmac_demo_rows_null   (DemoRows     *rows);
gboolean  _tarmac_demo_rows_end    (DemoRows     *rows);
gboolean  _tarmac_demo_rows_finish (DemoRows     *rows,
                                    GError      **error);

/* ---------------------------------------------------------------------------------- */
/* The generator                                                                       */

/* How an airline system wrote the names of one record. */
typedef enum
{
  DEMO_STYLE_MIXED,
  DEMO_STYLE_UPPER_ASCII,
  DEMO_STYLE_SURNAME_UPPER,
  DEMO_STYLE_ASCII_MIXED,
} DemoStyle;

typedef struct
{
  TarmacStore             *store;
  const TarmacDemoOptions *options;
  TarmacDemoStats         *stats;
  DemoRng                  rng;
  DemoTables               tables;
  DemoRows                *rows;
  guint                    retention_years;
  gint64                   anchor_day;
  gint64                   message_id;

  /* Row ids are given, not read back: the writer runs behind. */
  gint64                   next_flight_id;
  gint64                   next_pnr_id;
  gint64                   next_traveller_id;

  guint32                  locator_serial;
  guint32                  locator_key;
  GChecksum               *card_checksum;

  /* A few contacts and cards that facilitators reuse across bookings, so that the demo
   * holds the links an analyst looks for. */
  char                     shared_phone[6][32];
  char                     shared_phone_norm[6][24];
  char                     shared_email[4][64];
  char                     shared_card_hash[4][65];
  char                     shared_card_last4[4][5];
} DemoGen;

static inline guint
demo_pick_weighted (DemoGen            *gen,
                    const DemoWeighted *w)
{
  guint r = demo_rng_below (&gen->rng, w->total);

  for (guint i = 0; i < w->n; i++)
    if (r < w->cumulative[i])
      return w->index[i];

  return w->index[w->n - 1];
}

typedef struct
{
  const DemoName       *names[3];
  guint                 variant[3];
  guint                 n;
  const DemoArabicName *arabic;
} DemoSurnamePick;

typedef struct
{
  const DemoNationality *nat;
  const DemoNationality *residence;
  const DemoCulture     *culture;
  char                   sex;
  gboolean               female_names;
  gboolean               infant;
  gboolean               crew;
  int                    age;
  gint64                 dob;
  const DemoForm        *given[2];
  guint                  n_given;
  const DemoForm        *surname[3];
  guint                  n_surname;
  const char            *arabic_given;
  const char            *arabic_surname;
  DemoStyle              style;
  gint64                 traveller_id;
  char                   surname_text[256];
  char                   given_text[256];
  char                   dob_text[11];
  /* The first document, which an SSR DOCS quotes. */
  char                   doc_type[4];
  char                   doc_number[40];
  char                   doc_issuer[4];
  gint64                 doc_expires;
} DemoPerson;

void  _tarmac_demo_person_init       (DemoGen                *gen,
                                      DemoPerson             *p,
                                      const DemoNationality  *nat,
                                      const DemoCarrier      *carrier);
void  _tarmac_demo_choose_residence  (DemoGen                *gen,
                                      DemoPerson             *p,
                                      const DemoAirport      *far_end);
void  _tarmac_demo_set_age           (DemoGen                *gen,
                                      DemoPerson             *p,
                                      gint64                  day,
                                      int                     age);
int   _tarmac_demo_adult_age         (DemoGen                *gen);
char  _tarmac_demo_pick_sex          (DemoGen                *gen);
void  _tarmac_demo_pick_surname      (DemoGen                *gen,
                                      const DemoCulture      *culture,
                                      gboolean                arabic,
                                      DemoSurnamePick        *pick);
void  _tarmac_demo_apply_surname     (DemoPerson             *p,
                                      const DemoSurnamePick  *pick);
void  _tarmac_demo_pick_given        (DemoGen                *gen,
                                      DemoPerson             *p,
                                      gboolean                arabic);
void  _tarmac_demo_render_names      (const DemoPerson       *p,
                                      int                     surname_form,
                                      int                     given_form,
                                      char                   *surname,
                                      gsize                   surname_size,
                                      char                   *given,
                                      gsize                   given_size);
void  _tarmac_demo_render_person     (DemoPerson             *p);
void  _tarmac_demo_fill_pattern      (DemoGen                *gen,
                                      const char             *pattern,
                                      char                   *out,
                                      gsize                   size);
void  _tarmac_demo_normalise_number  (const char             *number,
                                      char                   *out,
                                      gsize                   size);
void  _tarmac_demo_make_phone        (DemoGen                *gen,
                                      const DemoNationality  *nat,
                                      char                   *value,
                                      gsize                   value_size,
                                      char                   *normalised,
                                      gsize                   normalised_size);
void  _tarmac_demo_make_email        (DemoGen                *gen,
                                      const DemoPerson       *p,
                                      const DemoNationality  *nat,
                                      char                   *out,
                                      gsize                   size);
void  _tarmac_demo_make_card         (DemoGen                *gen,
                                      char                   *last4,
                                      char                   *hash,
                                      gsize                   hash_size);
void  _tarmac_demo_make_locator      (DemoGen                *gen,
                                      char                    out[7]);
void  _tarmac_demo_make_uuid         (DemoGen                *gen,
                                      char                    out[37]);
void  _tarmac_demo_make_shared       (DemoGen                *gen);

/* ---------------------------------------------------------------------------------- */
/* Flights and bookings                                                                */

#define DEMO_MAX_BOOKING  5
#define DEMO_MAX_SEGMENTS 6

typedef struct
{
  gint64 dep;
  gint64 arr;
  gint64 stop_arr;      /* at the intermediate airport, for flights with a stop */
  gint64 stop_dep;
  char   flight_date[11];
} DemoTimes;

typedef struct
{
  const DemoMovement *mv;
  gint64              id;
  gint64              day;
  char                number[8];
  DemoTimes           t;
  char                created_at[21];
  char                retain_until[21];
  guint               rows;
  guint               n_letters;
  guint               row_mul;
  guint               row_add;
  guint               seat_next;
  guint32             bag_serial;
} DemoFlight;

typedef enum
{
  DEMO_BOOKING_SINGLE,
  DEMO_BOOKING_FAMILY,
  DEMO_BOOKING_GROUP,
} DemoBookingKind;

typedef struct
{
  char               carrier[4];
  char               number[8];
  char               date[11];
  const DemoAirport *origin;
  const DemoAirport *destination;
  gint64             dep;
  gint64             arr;
} DemoSegment;

typedef struct
{
  DemoBookingKind    kind;
  DemoPerson         people[DEMO_MAX_BOOKING + 1];
  guint              n_people;
  guint              n_seated;
  gboolean           arabic;
  gboolean           transit;
  const DemoAirport *embark;
  const DemoAirport *debark;
  gint64             departure;    /* from @embark, on the booked flight */
  const DemoAirport *start;
  const DemoAirport *end;
  DemoSegment        segments[DEMO_MAX_SEGMENTS];
  guint              n_segments;
  gint64             pnr_id;
  char               locator[7];
} DemoBooking;

/* tarmac-demo-generator.c, also for the message generator (tarmac-demo-messages.c) */
void     _tarmac_demo_movement_times (const DemoMovement *mv,
                                      gint64              day,
                                      int                 shift,
                                      DemoTimes          *t);
gboolean _tarmac_demo_operates_on    (const DemoMovement *mv,
                                      gint64              day);

/* tarmac-demo-pnr.c */
gboolean _tarmac_demo_write_pnr  (DemoGen          *gen,
                                  const DemoFlight *f,
                                  DemoBooking      *b);
gboolean _tarmac_demo_write_ssrs (DemoGen          *gen,
                                  const DemoFlight *f,
                                  DemoBooking      *b);

/* Rows: short names for the writer. */
static inline void
demo_row_begin (DemoGen     *gen,
                DemoRowKind  kind)
{
  _tarmac_demo_rows_begin (gen->rows, kind);
}

static inline void
demo_row_int (DemoGen *gen,
              gint64   value)
{
  _tarmac_demo_rows_int (gen->rows, value);
}

static inline void
demo_row_real (DemoGen *gen,
               double   value)
{
  _tarmac_demo_rows_double (gen->rows, value);
}

static inline void
demo_row_text (DemoGen    *gen,
               const char *value)
{
  _tarmac_demo_rows_text (gen->rows, value);
}

static inline void
demo_row_null (DemoGen *gen)
{
  _tarmac_demo_rows_null (gen->rows);
}

/* A reference to another row, or NULL for 0. */
static inline void
demo_row_id (DemoGen *gen,
             gint64   id)
{
  if (id > 0)
    _tarmac_demo_rows_int (gen->rows, id);
  else
    _tarmac_demo_rows_null (gen->rows);
}

static inline gboolean
demo_row_end (DemoGen *gen)
{
  return _tarmac_demo_rows_end (gen->rows);
}

G_END_DECLS
