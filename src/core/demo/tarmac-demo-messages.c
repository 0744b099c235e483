/* tarmac-demo-messages.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-demo"

#include "config.h"

#include <string.h>

#include "tarmac-demo-generator-private.h"
#include "tarmac-demo-messages.h"

/*
 * The files airlines send, made up from the demo generator's people and schedule:
 * PAXLST interchanges (D02B and D05B, passengers then crew, a stop now and then, with or
 * without UNA, names that need the release character) and, for a share of the flights, a
 * PNRGOV EDIFACT push of the same travellers' bookings, with the DOCS that let the
 * importer link them to their API rows. Everything comes from a seeded PRNG, so a seed
 * gives the same bytes every time; `tarmac-cli bench import` feeds them to the importer.
 *
 * One flight at a time: the PAXLST file first, then its PNRGOV push, so memory stays the
 * size of one flight whatever the total.
 */

/* A Monday; the schedule is walked forward from here as far as the total needs. */
#define FIRST_DAY "2026-01-05"

typedef struct
{
  DemoPerson  person;
  char        api_surname[256];
  char        api_given[256];
  char        doc_number[40];
  char        doc_issuer[4];
  gboolean    id_card;
  char        expires[7];      /* YYMMDD */
  char        expires_docs[8]; /* DDMONYY */
  char        seat[8];
  guint       booking;         /* index into the flight's bookings, for the PNR */
} Traveller;

typedef struct
{
  char   locator[7];
  guint  first;
  guint  n;
} Booking;

struct _TarmacDemoMessages
{
  TarmacDemoMessagesOptions options;
  TarmacDemoOptions         demo_options;
  TarmacDemoStats           stats;
  DemoGen                   gen;
  gint64                    day;
  guint                     movement;
  guint                     travellers_left;
  guint                     serial;

  /* The current flight, kept until its PNRGOV push is written. */
  const DemoMovement       *mv;
  DemoTimes                 times;
  char                      number[8];
  GArray                   *travellers;   /* of Traveller; crew after passengers */
  guint                     n_passengers;
  GArray                   *bookings;     /* of Booking */
  gboolean                  pnr_pending;
};

void
tarmac_demo_messages_options_init (TarmacDemoMessagesOptions *options)
{
  options->seed = 1;
  options->travellers = 10000;
  options->pnr_permille = 300;
}

/* "YYMMDDHHMM", "YYMMDD", "DDMMYY", "HHMM" of a UTC time or day. */
static void
format_compact (gint64  t,
                char   *out,
                gsize   size,
                char    what)
{
  gint64 days = _tarmac_demo_floor_div (t, TARMAC_DEMO_SECONDS_PER_DAY);
  int secs = (int) (t - days * TARMAC_DEMO_SECONDS_PER_DAY);
  int y, m, d;

  _tarmac_demo_civil_from_days (days, &y, &m, &d);
  switch (what)
    {
    case 'T':
      g_snprintf (out, size, "%02d%02d%02d%02d%02d", y % 100, m, d, secs / 3600,
                  (secs / 60) % 60);
      break;
    case 'D':
      g_snprintf (out, size, "%02d%02d%02d", y % 100, m, d);
      break;
    case 'E':
      g_snprintf (out, size, "%02d%02d%02d", d, m, y % 100);
      break;
    case 'L':
      g_snprintf (out, size, "%04d%02d%02d", y, m, d);
      break;
    case 'H':
    default:
      g_snprintf (out, size, "%02d%02d", secs / 3600, (secs / 60) % 60);
      break;
    }
}

/* A value with the release character before each of the four service characters. */
static void
append_escaped (GString    *out,
                const char *value)
{
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '\'' || *p == '+' || *p == ':' || *p == '?')
        g_string_append_c (out, '?');
      g_string_append_c (out, *p);
    }
}

/* Segments are counted for UNT; @newline is whether this file puts one after each. */
typedef struct
{
  GString  *s;
  guint     n;
  gboolean  newline;
} Writer;

static void
seg_end (Writer *w)
{
  g_string_append_c (w->s, '\'');
  if (w->newline)
    g_string_append_c (w->s, '\n');
  w->n++;
}

static void
seg (Writer     *w,
     const char *format,
     ...) G_GNUC_PRINTF (2, 3);

static void
seg (Writer     *w,
     const char *format,
     ...)
{
  va_list args;

  va_start (args, format);
  g_string_append_vprintf (w->s, format, args);
  va_end (args);
  seg_end (w);
}

/* ------------------------------------------------------------------------------------ */
/* People                                                                                */

static const DemoNationality *
pick_nationality (TarmacDemoMessages *self)
{
  DemoGen *gen = &self->gen;
  const DemoAirport *side = demo_rng_below (&gen->rng, 2) == 0 ? self->mv->origin
                                                                : self->mv->destination;
  const DemoWeighted *mix = side->mix.n > 0 ? &side->mix : &gen->tables.home->mix;

  return &gen->tables.nats[demo_pick_weighted (gen, mix)];
}

static void
make_document (TarmacDemoMessages *self,
               Traveller          *t)
{
  DemoGen *gen = &self->gen;
  const DemoNationality *nat = t->person.nat;
  const DemoStrList *formats = &nat->passport_formats;
  gint64 expires;

  t->id_card = nat->ecowas && nat->def->id_card_format != NULL &&
               self->mv->origin->ecowas && self->mv->destination->ecowas &&
               demo_rng_permille (&gen->rng, 300);
  _tarmac_demo_fill_pattern (gen, t->id_card ? nat->def->id_card_format
                                             : formats->items[demo_rng_below (&gen->rng,
                                                                              formats->n)],
                             t->doc_number, sizeof t->doc_number);
  g_strlcpy (t->doc_issuer, nat->def->iso3, sizeof t->doc_issuer);

  /* About 1 % expired before the flight. */
  expires = self->day + (demo_rng_permille (&gen->rng, 10)
                           ? -demo_rng_range (&gen->rng, 1, 400)
                           : demo_rng_range (&gen->rng, 30, 3600));
  format_compact (expires * TARMAC_DEMO_SECONDS_PER_DAY, t->expires, sizeof t->expires, 'D');
  _tarmac_demo_format_docs_day (expires, t->expires_docs);
}

static void
make_traveller (TarmacDemoMessages *self,
                Traveller          *t,
                gboolean            crew,
                guint               index)
{
  DemoGen *gen = &self->gen;
  DemoPerson *p = &t->person;
  const DemoCarrier *carrier = self->mv->carrier;
  const DemoNationality *nat;
  DemoSurnamePick pick;
  gboolean arabic;

  memset (t, 0, sizeof *t);
  nat = crew ? &gen->tables.nats[demo_pick_weighted (gen, &carrier->crew)]
             : pick_nationality (self);
  _tarmac_demo_person_init (gen, p, nat, carrier);
  p->crew = crew;
  if (crew)
    {
      /* Two pilots, then cabin crew. */
      p->sex = index < 2 ? (demo_rng_permille (&gen->rng, 900) ? 'M' : 'F')
                         : (demo_rng_permille (&gen->rng, 680) ? 'F' : 'M');
      _tarmac_demo_set_age (gen, p, self->day, demo_rng_range (&gen->rng, 21, 62));
    }
  else
    {
      p->sex = _tarmac_demo_pick_sex (gen);
      _tarmac_demo_set_age (gen, p, self->day,
                            demo_rng_permille (&gen->rng, 80) ? demo_rng_range (&gen->rng, 1, 17)
                                                              : _tarmac_demo_adult_age (gen));
    }
  p->female_names = p->sex == 'F' || (p->sex != 'M' && demo_rng_below (&gen->rng, 2));

  /* Some bookings carry Arabic names in Arabic script: the PNR then has them so, while
   * the departure control system sends the Latin spelling in the API data. */
  arabic = !crew && p->culture->arabic_surnames.n > 0 && demo_rng_permille (&gen->rng, 150);
  _tarmac_demo_pick_surname (gen, p->culture, arabic, &pick);
  _tarmac_demo_apply_surname (p, &pick);
  _tarmac_demo_pick_given (gen, p, arabic);

  if (arabic)
    _tarmac_demo_render_names (p, DEMO_FORM_ASCII_UPPER, DEMO_FORM_ASCII_UPPER,
                               t->api_surname, sizeof t->api_surname,
                               t->api_given, sizeof t->api_given);
  else
    {
      _tarmac_demo_render_person (p);
      g_strlcpy (t->api_surname, p->surname_text, sizeof t->api_surname);
      g_strlcpy (t->api_given, p->given_text, sizeof t->api_given);
    }

  make_document (self, t);
  if (!crew)
    {
      const char *letters = self->mv->aircraft->seat_letters;

      g_snprintf (t->seat, sizeof t->seat, "%u%c", 1 + index / (guint) strlen (letters),
                  letters[index % strlen (letters)]);
    }
}

/* ------------------------------------------------------------------------------------ */
/* The next flight                                                                       */

static void
next_flight (TarmacDemoMessages *self)
{
  DemoGen *gen = &self->gen;
  const DemoMovement *mv;
  guint passengers, crew;
  double load;

  do
    {
      if (self->movement >= gen->tables.n_movements)
        {
          self->movement = 0;
          self->day++;
        }
      mv = &gen->tables.movements[self->movement++];
    }
  while (!_tarmac_demo_operates_on (mv, self->day));

  self->mv = mv;
  g_strlcpy (self->number, mv->def->number, sizeof self->number);
  _tarmac_demo_movement_times (mv, self->day, 0, &self->times);

  /* 100 to 400 passengers, whatever the aircraft of the schedule. */
  load = mv->aircraft->seats * (0.55 + demo_rng_double (&gen->rng) * 0.40);
  passengers = (guint) CLAMP (load, 100, 400);
  crew = (guint) demo_rng_range (&gen->rng, mv->aircraft->crew_min, mv->aircraft->crew_max);
  if (passengers + crew > self->travellers_left)
    {
      crew = MIN (crew, self->travellers_left / 10);
      passengers = self->travellers_left - crew;
    }

  g_array_set_size (self->travellers, passengers + crew);
  self->n_passengers = passengers;
  for (guint i = 0; i < passengers + crew; i++)
    make_traveller (self, &g_array_index (self->travellers, Traveller, i), i >= passengers,
                    i >= passengers ? i - passengers : i);
  self->travellers_left -= passengers + crew;

  /* Bookings of one to four consecutive passengers. */
  g_array_set_size (self->bookings, 0);
  for (guint i = 0; i < passengers;)
    {
      Booking b;

      /* Computed apart: MIN () evaluates its arguments twice. */
      guint size = 1 + (demo_rng_permille (&gen->rng, 300) ? demo_rng_below (&gen->rng, 4) : 0);

      b.first = i;
      b.n = MIN (passengers - i, size);
      _tarmac_demo_make_locator (gen, b.locator);
      for (guint k = 0; k < b.n; k++)
        g_array_index (self->travellers, Traveller, i + k).booking = self->bookings->len;
      g_array_append_val (self->bookings, b);
      i += b.n;
    }

  self->pnr_pending = passengers > 0 &&
                      demo_rng_permille (&gen->rng, self->options.pnr_permille);
}

/* ------------------------------------------------------------------------------------ */
/* PAXLST                                                                                */

/* The legs of the flight, with the qualifiers of the border crossing (LOC+125 the last
 * airport before it, LOC+87 the first after it) and LOC+92 for the others. */
typedef struct
{
  const DemoAirport *from;
  const DemoAirport *to;
  gint64             dep;
  gint64             arr;
  const char        *from_qualifier;
  const char        *to_qualifier;
} Leg;

static guint
flight_legs (TarmacDemoMessages *self,
             Leg                 legs[2])
{
  const DemoMovement *mv = self->mv;
  const DemoTimes *t = &self->times;

  if (mv->via == NULL)
    {
      legs[0] = (Leg) { mv->origin, mv->destination, t->dep, t->arr, "125", "87" };
      return 1;
    }

  /* Sent to the home airport's authority: the leg that crosses into (or out of) its
   * country is the one with 125 and 87. */
  if (mv->direction == DEMO_INBOUND)
    {
      legs[0] = (Leg) { mv->origin, mv->via, t->dep, t->stop_arr, "92", "92" };
      legs[1] = (Leg) { mv->via, mv->destination, t->stop_dep, t->arr, "125", "87" };
    }
  else
    {
      legs[0] = (Leg) { mv->origin, mv->via, t->dep, t->stop_arr, "125", "87" };
      legs[1] = (Leg) { mv->via, mv->destination, t->stop_dep, t->arr, "92", "92" };
    }
  return 2;
}

static const Leg *
border_leg (const Leg *legs,
            guint      n_legs)
{
  for (guint i = 0; i < n_legs; i++)
    if (strcmp (legs[i].from_qualifier, "125") == 0)
      return &legs[i];
  return &legs[0];
}

static void
write_paxlst_message (TarmacDemoMessages *self,
                      Writer             *w,
                      const char         *reference,
                      const char         *version,
                      gboolean            crew)
{
  DemoGen *gen = &self->gen;
  const char *carrier = self->mv->carrier->def->code;
  guint first = crew ? self->n_passengers : 0;
  guint last = crew ? self->travellers->len : self->n_passengers;
  Leg legs[2];
  guint n_legs = flight_legs (self, legs);
  char when[16], date[16];
  guint start = w->n;

  format_compact (legs[0].dep, date, sizeof date, 'D');
  format_compact (legs[0].dep, when, sizeof when, 'H');
  seg (w, "UNH+%s+PAXLST:D:%s:UN:IATA+%s%s/%s/%s+01:F", reference, version, carrier,
       self->number, date, when);
  seg (w, "BGM+%s", crew ? "250" : "745");
  seg (w, "NAD+MS+++%s OPS DESK", carrier);
  seg (w, "COM+22855500%03u:TE", demo_rng_below (&gen->rng, 1000));

  for (guint l = 0; l < n_legs; l++)
    {
      seg (w, "TDT+20+%s%s+++%s", carrier, self->number, carrier);
      format_compact (legs[l].dep, when, sizeof when, 'T');
      seg (w, "LOC+%s+%s", legs[l].from_qualifier, legs[l].from->def->code);
      seg (w, "DTM+189:%s:201", when);
      format_compact (legs[l].arr, when, sizeof when, 'T');
      seg (w, "LOC+%s+%s", legs[l].to_qualifier, legs[l].to->def->code);
      seg (w, "DTM+232:%s:201", when);
    }

  for (guint i = first; i < last; i++)
    {
      const Traveller *t = &g_array_index (self->travellers, Traveller, i);
      const DemoPerson *p = &t->person;
      const Booking *b = crew ? NULL : &g_array_index (self->bookings, Booking, t->booking);

      g_string_append_printf (w->s, "NAD+%s+++", crew ? (i - first < 2 ? "FM" : "DDT") : "FL");
      append_escaped (w->s, t->api_surname);
      g_string_append_c (w->s, ':');
      append_escaped (w->s, t->api_given);
      seg_end (w);
      seg (w, "ATT+2++%c", p->sex);
      if (demo_rng_permille (&gen->rng, 500))
        {
          format_compact (p->dob * TARMAC_DEMO_SECONDS_PER_DAY, date, sizeof date, 'L');
          seg (w, "DTM+329:%s:102", date);
        }
      else
        {
          format_compact (p->dob * TARMAC_DEMO_SECONDS_PER_DAY, date, sizeof date, 'D');
          seg (w, "DTM+329:%s", date);
        }
      if (crew)
        seg (w, "EMP+1+%s:110:111", i - first < 2 ? "CR1" : "CR2");
      else if (!crew && demo_rng_permille (&gen->rng, 400))
        {
          guint bags = 1 + demo_rng_below (&gen->rng, 3);

          seg (w, "MEA+CT++:%u", bags);
          seg (w, "MEA+WT++KGM:%u.%u", 8 + demo_rng_below (&gen->rng, 23) * bags,
               demo_rng_below (&gen->rng, 10));
        }
      if (n_legs > 1)
        {
          seg (w, "LOC+178+%s", legs[0].from->def->code);
          seg (w, "LOC+179+%s", legs[n_legs - 1].to->def->code);
        }
      seg (w, "NAT+2+%s", p->nat->def->iso3);
      if (b != NULL)
        {
          seg (w, "RFF+AVF:%s", b->locator);
          seg (w, "RFF+SEA:%s", t->seat);
        }
      seg (w, "DOC+%s+%s", t->id_card ? "I" : "P", t->doc_number);
      seg (w, "DTM+36:%s", t->expires);
      seg (w, "LOC+91+%s", t->doc_issuer);
    }

  seg (w, "CNT+%s:%u", crew ? "41" : "42", last - first);
  seg (w, "UNT+%u+%s", w->n - start + 1, reference);
}

static gboolean
is_ascii (const GString *s)
{
  for (gsize i = 0; i < s->len; i++)
    if ((guchar) s->str[i] >= 0x80)
      return FALSE;
  return TRUE;
}

/* The envelope around @body: UNOY (UTF-8) when the names need it, UNOA otherwise. */
static GBytes *
envelope (TarmacDemoMessages *self,
          Writer             *body,
          const char         *syntax_ascii,
          const char         *sender,
          const char         *recipient,
          const char         *group,
          guint               n_messages)
{
  DemoGen *gen = &self->gen;
  Writer w = { g_string_sized_new (body->s->len + 256), 0, body->newline };
  char date[16], time[16];
  gint64 prepared = self->times.dep - 40 * TARMAC_DEMO_MINUTE;

  format_compact (prepared, date, sizeof date, 'D');
  format_compact (prepared, time, sizeof time, 'H');

  if (demo_rng_permille (&gen->rng, 500))
    g_string_append (w.s, body->newline ? "UNA:+.? '\n" : "UNA:+.? '");
  seg (&w, "UNB+%s+%s+%s+%s:%s+%u++%s", is_ascii (body->s) ? syntax_ascii : "UNOY:4",
       sender, recipient, date, time, self->serial, group != NULL ? "APIS" : "");
  if (group != NULL)
    seg (&w, "UNG+PAXLST+%s+%s+%s:%s+%u+UN+D:02B", sender, recipient, date, time,
         self->serial);
  g_string_append_len (w.s, body->s->str, (gssize) body->s->len);
  if (group != NULL)
    seg (&w, "UNE+%u+%u", n_messages, self->serial);
  seg (&w, "UNZ+%u+%u", group != NULL ? 1 : n_messages, self->serial);

  return g_string_free_to_bytes (w.s);
}

static GBytes *
write_paxlst (TarmacDemoMessages *self)
{
  DemoGen *gen = &self->gen;
  const char *carrier = self->mv->carrier->def->code;
  gboolean d02b = demo_rng_permille (&gen->rng, 400);
  Writer body = { g_string_sized_new (self->travellers->len * 200), 0,
                  demo_rng_permille (&gen->rng, 800) };
  g_autofree char *sender = g_strdup_printf ("%sAPIS:ZZ", carrier);
  char reference[16];
  guint n_messages = 1;
  GBytes *bytes;

  g_snprintf (reference, sizeof reference, "P%u", self->serial);
  write_paxlst_message (self, &body, reference, d02b ? "02B" : "05B", FALSE);
  if (self->travellers->len > self->n_passengers)
    {
      g_snprintf (reference, sizeof reference, "C%u", self->serial);
      write_paxlst_message (self, &body, reference, d02b ? "02B" : "05B", TRUE);
      n_messages++;
    }

  bytes = envelope (self, &body, "UNOA:4", sender, "TARMACPIU:ZZ",
                    d02b && demo_rng_permille (&gen->rng, 500) ? carrier : NULL, n_messages);
  g_string_free (body.s, TRUE);
  return bytes;
}

/* ------------------------------------------------------------------------------------ */
/* PNRGOV                                                                                */

static GBytes *
write_pnrgov (TarmacDemoMessages *self)
{
  DemoGen *gen = &self->gen;
  const char *carrier = self->mv->carrier->def->code;
  Leg legs[2];
  const Leg *leg = border_leg (legs, flight_legs (self, legs));
  Writer w = { g_string_sized_new (self->n_passengers * 300), 0, TRUE };
  char dep_date[16], dep_time[16], arr_date[16], arr_time[16], pushed[16], pushed_time[16];
  char created[16];
  gint64 push_at = leg->dep - 24 * TARMAC_DEMO_HOUR;
  GBytes *bytes;

  format_compact (leg->dep, dep_date, sizeof dep_date, 'E');
  format_compact (leg->dep, dep_time, sizeof dep_time, 'H');
  format_compact (leg->arr, arr_date, sizeof arr_date, 'E');
  format_compact (leg->arr, arr_time, sizeof arr_time, 'H');
  format_compact (push_at, pushed, sizeof pushed, 'E');
  format_compact (push_at, pushed_time, sizeof pushed_time, 'H');

  seg (&w, "UNH+1+PNRGOV:13:1:IA+%s%s/%s/%s+01:F", carrier, self->number, dep_date, dep_time);
  seg (&w, "MSG+:22");
  seg (&w, "ORG+%s:%s", carrier, leg->from->def->code);
  seg (&w, "DAT+700:%s:%s", pushed, pushed_time);
  seg (&w, "TVL+%s:%s:%s:%s+%s+%s+%s+%s", dep_date, dep_time, arr_date, arr_time,
       leg->from->def->code, leg->to->def->code, carrier, self->number);
  seg (&w, "EQN+%u", self->bookings->len);

  for (guint i = 0; i < self->bookings->len; i++)
    {
      const Booking *b = &g_array_index (self->bookings, Booking, i);

      format_compact ((self->day - 1 - demo_rng_below (&gen->rng, 60)) *
                      TARMAC_DEMO_SECONDS_PER_DAY, created, sizeof created, 'E');
      seg (&w, "SRC");
      seg (&w, "RCI+%s:%s::%s:%02u%02u00", carrier, b->locator, created,
           demo_rng_below (&gen->rng, 24), demo_rng_below (&gen->rng, 60));
      seg (&w, "DAT+700:%s:%s", pushed, pushed_time);

      for (guint k = 0; k < b->n; k++)
        {
          const Traveller *t = &g_array_index (self->travellers, Traveller, b->first + k);
          const DemoPerson *p = &t->person;
          char surname[256], given[256], dob[8];

          if (p->arabic_surname != NULL)
            {
              g_strlcpy (surname, p->arabic_surname, sizeof surname);
              g_strlcpy (given, p->arabic_given, sizeof given);
            }
          else
            _tarmac_demo_render_names (p, DEMO_FORM_ASCII_UPPER, DEMO_FORM_ASCII_UPPER,
                                       surname, sizeof surname, given, sizeof given);

          g_string_append (w.s, "TIF+");
          append_escaped (w.s, surname);
          g_string_append_c (w.s, '+');
          append_escaped (w.s, given);
          g_string_append_printf (w.s, "%s:A:%u", p->arabic_surname != NULL ? ""
                                                  : p->age < 12 ? " MSTR"
                                                  : p->sex == 'F' ? " MRS" : " MR", k + 1);
          seg_end (&w);

          /* The DOCS always in Latin capitals, as the document's machine-readable zone. */
          _tarmac_demo_render_names (p, DEMO_FORM_ASCII_UPPER, DEMO_FORM_ASCII_UPPER,
                                     surname, sizeof surname, given, sizeof given);
          _tarmac_demo_format_docs_day (p->dob, dob);
          g_string_append_printf (w.s, "SSR+DOCS:HK:1:%s:::::/%s/%s/", carrier,
                                  t->id_card ? "I" : "P", t->doc_issuer);
          append_escaped (w.s, t->doc_number);
          g_string_append_printf (w.s, "/%s/%s/%c/%s/", p->nat->def->iso3, dob,
                                  p->sex == 'F' ? 'F' : 'M', t->expires_docs);
          append_escaped (w.s, surname);
          g_string_append_c (w.s, '/');
          append_escaped (w.s, given);
          g_string_append_printf (w.s, "+::%u", k + 1);
          seg_end (&w);
        }

      {
        const Traveller *lead = &g_array_index (self->travellers, Traveller, b->first);
        char phone[32], normalised[24], email[96];

        _tarmac_demo_make_phone (gen, lead->person.residence, phone, sizeof phone,
                                 normalised, sizeof normalised);
        _tarmac_demo_make_email (gen, &lead->person, lead->person.residence, email,
                                 sizeof email);
        g_string_append (w.s, "COM+");
        append_escaped (w.s, normalised);
        g_string_append (w.s, ":TE+");
        append_escaped (w.s, email);
        g_string_append (w.s, ":EM");
        seg_end (&w);
      }

      if (demo_rng_permille (&gen->rng, 700))
        {
          char card[17];

          card[0] = demo_rng_below (&gen->rng, 3) == 0 ? '5' : '4';
          for (guint c = 1; c < 16; c++)
            card[c] = (char) ('0' + demo_rng_below (&gen->rng, 10));
          card[16] = '\0';
          seg (&w, "FOP+CC::%u.00:%s:%s:%02u%02u", 150 + demo_rng_below (&gen->rng, 1500),
               card[0] == '5' ? "CA" : "VI", card, 1 + demo_rng_below (&gen->rng, 12),
               27 + demo_rng_below (&gen->rng, 5));
        }
      else
        seg (&w, "FOP+CA::%u.00", 150 + demo_rng_below (&gen->rng, 1500));

      seg (&w, "TVL+%s:%s::%s+%s+%s+%s+%s:Y", dep_date, dep_time, arr_time,
           leg->from->def->code, leg->to->def->code, carrier, self->number);
      seg (&w, "RPI+%u+HK", b->n);
    }

  seg (&w, "UNT+%u+1", w.n + 1);

  {
    g_autofree char *sender = g_strdup (carrier);

    bytes = envelope (self, &w, "IATA:1", sender, "TARMACPIU", NULL, 1);
  }
  g_string_free (w.s, TRUE);
  return bytes;
}

/* ------------------------------------------------------------------------------------ */

/**
 * tarmac_demo_messages_new:
 * @options: what to generate
 *
 * Returns: (transfer full): a generator; take its files with tarmac_demo_messages_next()
 */
TarmacDemoMessages *
tarmac_demo_messages_new (const TarmacDemoMessagesOptions *options)
{
  TarmacDemoMessages *self = g_new0 (TarmacDemoMessages, 1);
  DemoGen *gen = &self->gen;

  self->options = *options;
  tarmac_demo_options_init (&self->demo_options);
  self->demo_options.seed = options->seed;

  gen->options = &self->demo_options;
  gen->stats = &self->stats;
  demo_rng_seed (&gen->rng, options->seed);
  gen->locator_key = (guint32) demo_rng_next (&gen->rng);
  gen->card_checksum = g_checksum_new (G_CHECKSUM_SHA256);
  _tarmac_demo_tables_load (&gen->tables);
  if (!_tarmac_demo_parse_day (FIRST_DAY, &self->day))
    g_assert_not_reached ();

  self->travellers_left = options->travellers;
  self->travellers = g_array_new (FALSE, FALSE, sizeof (Traveller));
  self->bookings = g_array_new (FALSE, FALSE, sizeof (Booking));
  return self;
}

/**
 * tarmac_demo_messages_next:
 * @self: a generator
 * @name: (out) (optional) (transfer full): a file name for it
 * @kind: (out) (optional): what the file is
 * @n_travellers: (out) (optional): the API travellers in it (0 for a PNRGOV push)
 *
 * Makes the next file: a flight's PAXLST interchange, then, for some flights, the
 * PNRGOV push of the same flight.
 *
 * Returns: (transfer full) (nullable): its bytes, or %NULL when the total is reached
 */
GBytes *
tarmac_demo_messages_next (TarmacDemoMessages     *self,
                           char                  **name,
                           TarmacDemoMessageKind  *kind,
                           guint                  *n_travellers)
{
  TarmacDemoMessageKind what;
  GBytes *bytes;
  char date[16];

  if (self->pnr_pending)
    {
      what = TARMAC_DEMO_MESSAGE_PNRGOV;
      self->pnr_pending = FALSE;
      bytes = write_pnrgov (self);
      if (n_travellers != NULL)
        *n_travellers = 0;
    }
  else
    {
      if (self->travellers_left == 0)
        return NULL;
      self->serial++;
      next_flight (self);
      what = TARMAC_DEMO_MESSAGE_PAXLST;
      bytes = write_paxlst (self);
      if (n_travellers != NULL)
        *n_travellers = self->travellers->len;
    }

  format_compact (self->times.dep, date, sizeof date, 'L');
  if (name != NULL)
    *name = g_strdup_printf ("%s-%s%s-%s-%06u.edi",
                             what == TARMAC_DEMO_MESSAGE_PAXLST ? "PAXLST" : "PNRGOV",
                             self->mv->carrier->def->code, self->number, date, self->serial);
  if (kind != NULL)
    *kind = what;
  return bytes;
}

void
tarmac_demo_messages_free (TarmacDemoMessages *self)
{
  if (self == NULL)
    return;

  _tarmac_demo_tables_free (&self->gen.tables);
  g_checksum_free (self->gen.card_checksum);
  g_array_unref (self->travellers);
  g_array_unref (self->bookings);
  g_free (self);
}
