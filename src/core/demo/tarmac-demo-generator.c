/* tarmac-demo-generator.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-demo"

#include "config.h"

#include <math.h>
#include <string.h>

#include "tarmac-demo-generator-private.h"
#include "tarmac-name-key.h"
#include "tarmac-store-private.h"

/*
 * The generator: for each day of the window, the home airport's movements (times the
 * scale), each with its passengers booked in families, groups or alone, their PNRs, and the
 * crew. Everything comes from one PRNG stream seeded with the options' seed, and every
 * time from the anchor day, so the same options give the same rows, byte for byte.
 *
 * It is built for volume: tables parsed once, no allocation per traveller but its name
 * key, and the SQLite work on a second thread (tarmac-demo-rows.c).
 */

#define SECONDS_PER_DAY TARMAC_DEMO_SECONDS_PER_DAY
#define MINUTE          TARMAC_DEMO_MINUTE
#define HOUR            TARMAC_DEMO_HOUR

static const char * const direction_names[] = { "inbound", "outbound", "transit" };

/* ------------------------------------------------------------------------------------ */
/* Times of a movement on one day                                                        */

static int
utc_offset (const DemoAirport *airport,
            gint64             t)
{
  int offset = airport->def->utc_offset;
  int y, m, d;
  gint64 start, end;

  if (airport->def->dst == TARMAC_DEMO_DST_NONE)
    return offset;

  _tarmac_demo_civil_from_days (_tarmac_demo_floor_div (t, SECONDS_PER_DAY), &y, &m, &d);

  if (airport->def->dst == TARMAC_DEMO_DST_EU)
    {
      start = _tarmac_demo_last_sunday (y, 3) * SECONDS_PER_DAY + HOUR;
      end = _tarmac_demo_last_sunday (y, 10) * SECONDS_PER_DAY + HOUR;
    }
  else
    {
      start = _tarmac_demo_nth_sunday (y, 3, 2) * SECONDS_PER_DAY + 2 * HOUR - offset * MINUTE;
      end = _tarmac_demo_nth_sunday (y, 11, 1) * SECONDS_PER_DAY + 2 * HOUR -
            (offset + 60) * MINUTE;
    }

  return t >= start && t < end ? offset + 60 : offset;
}

/* The local date at @airport of a departure at @t, as airlines date their flights. */
static void
local_date (const DemoAirport *airport,
            gint64             t,
            char               out[11])
{
  _tarmac_demo_format_day (_tarmac_demo_floor_div (t + utc_offset (airport, t) * MINUTE,
                                                   SECONDS_PER_DAY),
                           out);
}

void
_tarmac_demo_movement_times (const DemoMovement *mv,
                             gint64              day,
                             int                 shift,
                             DemoTimes          *t)
{
  gint64 home = day * SECONDS_PER_DAY + (gint64) (mv->def->home_time + shift) * MINUTE;

  switch (mv->direction)
    {
    case DEMO_OUTBOUND:
      t->dep = home;
      if (mv->via != NULL)
        {
          t->stop_arr = t->dep + mv->block1 * MINUTE;
          t->stop_dep = t->stop_arr + 55 * MINUTE;
          t->arr = t->stop_dep + mv->block2 * MINUTE;
        }
      else
        t->arr = t->dep + mv->block1 * MINUTE;
      break;

    case DEMO_INBOUND:
      t->arr = home;
      if (mv->via != NULL)
        {
          t->stop_dep = t->arr - mv->block2 * MINUTE;
          t->stop_arr = t->stop_dep - 55 * MINUTE;
          t->dep = t->stop_arr - mv->block1 * MINUTE;
        }
      else
        t->dep = t->arr - mv->block1 * MINUTE;
      break;

    case DEMO_TRANSIT:
    default:
      t->stop_arr = home;
      t->dep = home - mv->block1 * MINUTE;
      t->stop_dep = home + 75 * MINUTE;
      t->arr = t->stop_dep + mv->block2 * MINUTE;
      break;
    }

  if (mv->via == NULL)
    t->stop_arr = t->stop_dep = 0;

  local_date (mv->origin, t->dep, t->flight_date);
}

gboolean
_tarmac_demo_operates_on (const DemoMovement *mv,
                          gint64              day)
{
  return (mv->def->days & (1 << _tarmac_demo_weekday (day))) != 0;
}

/* When the movement leaves @airport: its origin or its stop. */
static gint64
departure_at (const DemoMovement *mv,
              const DemoTimes    *t,
              const DemoAirport  *airport)
{
  return airport == mv->origin ? t->dep : t->stop_dep;
}

static gint64
arrival_at (const DemoMovement *mv,
            const DemoTimes    *t,
            const DemoAirport  *airport)
{
  return airport == mv->destination ? t->arr : t->stop_arr;
}

/* ------------------------------------------------------------------------------------ */
/* Flights and travellers                                                                */

static gboolean
write_document (DemoGen               *gen,
                const DemoFlight      *f,
                DemoPerson            *p,
                const DemoNationality *issuer,
                gboolean               id_card)
{
  char number[40], raw[40], normalised[40], issued[11], expires[11];
  int years = issuer->def->passport_years;
  const char *type;
  gint64 issued_day, expires_day;

  if (id_card && issuer->def->id_card_format != NULL)
    {
      type = "I";
      _tarmac_demo_fill_pattern (gen, issuer->def->id_card_format, raw, sizeof raw);
      years = 10;
    }
  else
    {
      const DemoStrList *formats = &issuer->passport_formats;

      type = p->crew && demo_rng_permille (&gen->rng, 100) ? "AC" : "P";
      _tarmac_demo_fill_pattern (gen, formats->items[demo_rng_below (&gen->rng, formats->n)],
                                 raw, sizeof raw);
      if (p->age < 18)
        years = MIN (years, 5);
    }

  /* As typed at check-in: mostly clean, sometimes with a space or in lower case. */
  switch (demo_rng_below (&gen->rng, 50))
    {
    case 0:
    case 1:
      g_snprintf (number, sizeof number, "%.2s %s", raw, raw + 2);
      break;
    case 2:
      g_strlcpy (number, raw, sizeof number);
      for (char *c = number; *c != '\0'; c++)
        *c = g_ascii_tolower (*c);
      break;
    default:
      g_strlcpy (number, raw, sizeof number);
      break;
    }
  _tarmac_demo_normalise_number (number, normalised, sizeof normalised);

  /* About 1.2 % of documents expired before the flight: findings for the demo. */
  if (!p->infant && demo_rng_permille (&gen->rng, 12))
    issued_day = _tarmac_demo_add_years (f->day, -years) - demo_rng_range (&gen->rng, 1, 400);
  else
    issued_day = f->day - demo_rng_below (&gen->rng, (guint) (years * 365 - 20));
  if (issued_day < p->dob + 14)
    issued_day = p->dob + 14 + demo_rng_below (&gen->rng, 20);
  expires_day = _tarmac_demo_add_years (issued_day, years) - 1;

  _tarmac_demo_format_day (issued_day, issued);
  _tarmac_demo_format_day (expires_day, expires);

  demo_row_begin (gen, DEMO_ROW_DOCUMENT);
  demo_row_int (gen, p->traveller_id);
  demo_row_text (gen, type);
  demo_row_text (gen, number);
  demo_row_text (gen, normalised);
  demo_row_text (gen, issuer->def->iso3);
  demo_row_text (gen, issued);
  demo_row_text (gen, expires);
  demo_row_text (gen, f->retain_until);

  if (p->doc_type[0] == '\0')
    {
      g_strlcpy (p->doc_type, type, sizeof p->doc_type);
      g_strlcpy (p->doc_number, normalised, sizeof p->doc_number);
      g_strlcpy (p->doc_issuer, issuer->def->iso3, sizeof p->doc_issuer);
      p->doc_expires = expires_day;
    }

  gen->stats->documents++;
  return demo_row_end (gen);
}

static gboolean
write_documents (DemoGen           *gen,
                 const DemoFlight  *f,
                 DemoPerson        *p,
                 const DemoAirport *embark,
                 const DemoAirport *debark)
{
  /* ECOWAS citizens may travel within the region on their national identity card. */
  gboolean id_card = !p->crew && p->nat->ecowas && embark->ecowas && debark->ecowas &&
                     p->age >= 18 && demo_rng_permille (&gen->rng, 200);

  p->doc_type[0] = '\0';
  if (!write_document (gen, f, p, p->nat, id_card))
    return FALSE;

  /* Dual nationals carry their second passport too. */
  if (!p->crew && p->nat->n_dual > 0 && demo_rng_permille (&gen->rng, 5))
    {
      const DemoNationality *other =
        &gen->tables.nats[p->nat->dual[demo_rng_below (&gen->rng, p->nat->n_dual)]];

      if (!write_document (gen, f, p, other, FALSE))
        return FALSE;
    }

  return TRUE;
}

static void
make_bags (DemoGen          *gen,
           DemoFlight       *f,
           const DemoPerson *p,
           int              *count,
           double           *weight,
           char             *tags,
           gsize             tags_size)
{
  const TarmacDemoCarrier *carrier = f->mv->carrier->def;
  guint r = demo_rng_below (&gen->rng, 100);
  int total_tenths = 0;
  gsize len = 0;

  tags[0] = '\0';
  if (p->infant)
    *count = 0;
  else if (p->age < 12)
    *count = r < 60 ? 0 : 1;
  else
    *count = r < 20 ? 0 : r < 65 ? 1 : r < 95 ? 2 : 3;

  for (int i = 0; i < *count; i++)
    {
      total_tenths += demo_rng_range (&gen->rng, 60, 320);
      /* "0071ET123456": the carrier's accounting code, its code and a serial. */
      len += (gsize) g_snprintf (tags + len, tags_size - len, "%s0%s%s%06u", i > 0 ? "," : "",
                                 carrier->numeric_code, carrier->code,
                                 (guint) (f->bag_serial++ % 1000000));
    }

  *weight = total_tenths / 10.0;
}

static gboolean
next_seat (DemoFlight *f,
           char       *seat,
           gsize       size)
{
  guint k = f->seat_next++;
  guint row;

  if (k >= f->rows * f->n_letters)
    return FALSE;

  /* Rows in a scrambled, collision-free order; a booking fills a row together. */
  row = (k / f->n_letters * f->row_mul + f->row_add) % f->rows;
  g_snprintf (seat, size, "%u%c", row + 1, f->mv->aircraft->seat_letters[k % f->n_letters]);
  return TRUE;
}

static gboolean
write_traveller (DemoGen           *gen,
                 DemoFlight        *f,
                 DemoPerson        *p,
                 gint64             pnr_id,
                 const char        *locator,
                 gboolean           transit,
                 const DemoAirport *embark,
                 const DemoAirport *debark)
{
  char sex[2] = { p->sex, '\0' };
  char key_source[520];
  char seat[8];
  char tags[64];
  g_autofree char *name_key = NULL;
  const DemoForm *city;
  gboolean has_seat = FALSE;
  int bag_count = 0;
  double bag_weight = 0;

  _tarmac_demo_render_person (p);
  g_snprintf (key_source, sizeof key_source, "%s %s", p->surname_text, p->given_text);
  name_key = tarmac_name_key (key_source);

  city = &p->nat->cities.items[demo_rng_below (&gen->rng, p->nat->cities.n)].variants[0];

  if (!p->crew)
    {
      if (!p->infant && !demo_rng_permille (&gen->rng, 25))
        has_seat = next_seat (f, seat, sizeof seat);
      make_bags (gen, f, p, &bag_count, &bag_weight, tags, sizeof tags);
    }

  p->traveller_id = gen->next_traveller_id++;

  demo_row_begin (gen, DEMO_ROW_TRAVELLER);
  demo_row_int (gen, p->traveller_id);
  demo_row_int (gen, f->id);
  demo_row_id (gen, pnr_id);
  demo_row_text (gen, p->crew ? "crew" : "passenger");
  demo_row_int (gen, p->infant);
  demo_row_text (gen, p->surname_text);
  demo_row_text (gen, p->given_text);
  demo_row_text (gen, sex);
  demo_row_text (gen, p->dob_text);
  demo_row_text (gen, p->nat->def->iso3);
  demo_row_text (gen, p->residence->def->iso3);
  demo_row_text (gen, city->s[p->style == DEMO_STYLE_UPPER_ASCII ? DEMO_FORM_ASCII_UPPER
                                                            : DEMO_FORM_MIXED]);
  demo_row_text (gen, has_seat ? seat : NULL);
  if (p->crew)
    {
      demo_row_null (gen);
      demo_row_null (gen);
      demo_row_null (gen);
    }
  else
    {
      demo_row_int (gen, bag_count);
      demo_row_real (gen, bag_weight);
      demo_row_text (gen, bag_count > 0 ? tags : NULL);
    }
  demo_row_int (gen, transit);
  demo_row_text (gen, embark->def->code);
  demo_row_text (gen, debark->def->code);
  demo_row_text (gen, locator);
  demo_row_int (gen, pnr_id > 0);
  demo_row_text (gen, name_key);
  demo_row_text (gen, f->created_at);
  demo_row_text (gen, f->retain_until);
  demo_row_int (gen, gen->message_id);

  if (p->crew)
    gen->stats->crew++;
  else
    gen->stats->passengers++;

  return demo_row_end (gen) && write_documents (gen, f, p, embark, debark);
}

/* ------------------------------------------------------------------------------------ */
/* Bookings                                                                              */

static void
make_segment (DemoSegment       *s,
              const char        *carrier,
              const char        *number,
              const DemoAirport *origin,
              const DemoAirport *destination,
              gint64             dep,
              gint64             arr)
{
  g_strlcpy (s->carrier, carrier, sizeof s->carrier);
  g_strlcpy (s->number, number, sizeof s->number);
  s->origin = origin;
  s->destination = destination;
  s->dep = dep;
  s->arr = arr;
  local_date (origin, dep, s->date);
}

/* A flight number for legs outside the home airport's schedule, stable per route. */
static void
route_number (const char        *carrier,
              const DemoAirport *origin,
              const DemoAirport *destination,
              char              *out,
              gsize              size)
{
  guint h = g_str_hash (carrier) * 31 + g_str_hash (origin->def->code) * 17 +
            g_str_hash (destination->def->code);

  g_snprintf (out, size, "%u", 100 + h % 900);
}

/* A connection through the home airport: an arrival before @limit (for a departing
 * traveller) or a departure after it (for an arriving one). */
static const DemoMovement *
find_connection (DemoGen           *gen,
                 gboolean           arriving,
                 gint64             day,
                 gint64             limit,
                 const DemoAirport *avoid,
                 DemoTimes         *times)
{
  const DemoTables *tables = &gen->tables;

  for (guint attempt = 0; attempt < 12; attempt++)
    {
      const DemoMovement *mv = &tables->movements[demo_rng_below (&gen->rng,
                                                                  tables->n_movements)];
      gint64 d = day + (arriving ? 0 : (gint64) demo_rng_below (&gen->rng, 2));
      const DemoAirport *far;
      gint64 t;

      if (!_tarmac_demo_operates_on (mv, d))
        continue;

      if (arriving)
        {
          if (mv->direction == DEMO_OUTBOUND)
            continue;
          _tarmac_demo_movement_times (mv, d, 0, times);
          t = arrival_at (mv, times, tables->home);
          far = mv->origin;
          if (t > limit - 60 * MINUTE || t < limit - 14 * HOUR)
            continue;
        }
      else
        {
          if (mv->direction == DEMO_INBOUND)
            continue;
          _tarmac_demo_movement_times (mv, d, 0, times);
          t = departure_at (mv, times, tables->home);
          far = mv->destination;
          if (t < limit + 60 * MINUTE || t > limit + 20 * HOUR)
            continue;
        }

      if (far != avoid)
        return mv;
    }

  return NULL;
}

/* The itinerary: an earlier connection or leg, the booked flight, a later connection or
 * leg, and often the return. */
static void
plan_journey (DemoGen     *gen,
              DemoFlight  *f,
              DemoBooking *b,
              gboolean     through)
{
  const DemoTables *tables = &gen->tables;
  const DemoMovement *mv = f->mv;
  const DemoCarrier *carrier = mv->carrier;
  const char *code = carrier->def->code;
  gint64 dep = departure_at (mv, &f->t, b->embark);
  gint64 arr = arrival_at (mv, &f->t, b->debark);
  const DemoMovement *cmv;
  DemoSegment *s;
  DemoTimes ct;

  b->n_segments = 0;
  b->departure = dep;
  b->start = b->embark;
  b->end = b->debark;
  b->transit = through;

  if (!through && b->embark == tables->home &&
      demo_rng_permille (&gen->rng, carrier->transit_permille) &&
      (cmv = find_connection (gen, TRUE, f->day, dep, b->debark, &ct)) != NULL)
    {
      s = &b->segments[b->n_segments++];
      make_segment (s, cmv->carrier->def->code, cmv->def->number, cmv->origin, tables->home,
                    departure_at (cmv, &ct, cmv->origin), arrival_at (cmv, &ct, tables->home));
      b->start = cmv->origin;
      b->transit = TRUE;
    }
  else if (b->embark != tables->home && b->embark->n_beyond > 0 &&
           demo_rng_permille (&gen->rng, 180))
    {
      const DemoAirport *from =
        &tables->airports[b->embark->beyond[demo_rng_below (&gen->rng, b->embark->n_beyond)]];
      int block = _tarmac_demo_block_minutes (from, b->embark);
      gint64 a = dep - demo_rng_range (&gen->rng, 2, 6) * HOUR;
      char number[8];

      route_number (code, from, b->embark, number, sizeof number);
      s = &b->segments[b->n_segments++];
      make_segment (s, code, number, from, b->embark, a - block * MINUTE, a);
      b->start = from;
    }

  s = &b->segments[b->n_segments++];
  make_segment (s, code, f->number, b->embark, b->debark, dep, arr);
  /* The segment is dated like the flight, even from its stop. */
  memcpy (s->date, f->t.flight_date, sizeof s->date);

  if (!through && b->debark == tables->home &&
      demo_rng_permille (&gen->rng, carrier->transit_permille) &&
      (cmv = find_connection (gen, FALSE, f->day, arr, b->embark, &ct)) != NULL)
    {
      s = &b->segments[b->n_segments++];
      make_segment (s, cmv->carrier->def->code, cmv->def->number, tables->home,
                    cmv->destination, departure_at (cmv, &ct, tables->home),
                    arrival_at (cmv, &ct, cmv->destination));
      b->end = cmv->destination;
      b->transit = TRUE;
    }
  else if (b->debark != tables->home && b->debark->n_beyond > 0 &&
           demo_rng_permille (&gen->rng, 200))
    {
      const DemoAirport *to =
        &tables->airports[b->debark->beyond[demo_rng_below (&gen->rng, b->debark->n_beyond)]];
      gint64 d = arr + demo_rng_range (&gen->rng, 2, 5) * HOUR;
      char number[8];

      route_number (code, b->debark, to, number, sizeof number);
      s = &b->segments[b->n_segments++];
      make_segment (s, code, number, b->debark, to, d,
                    d + _tarmac_demo_block_minutes (b->debark, to) * MINUTE);
      b->end = to;
    }

  if (!b->transit && mv->reverse >= 0 && demo_rng_permille (&gen->rng, 520))
    {
      const DemoMovement *rmv = &tables->movements[mv->reverse];
      gint64 day = f->day + demo_rng_range (&gen->rng, 2, 30);

      for (guint i = 0; i < 7 && !_tarmac_demo_operates_on (rmv, day); i++)
        day++;
      _tarmac_demo_movement_times (rmv, day, 0, &ct);
      s = &b->segments[b->n_segments++];
      make_segment (s, code, rmv->def->number, b->debark, b->embark,
                    departure_at (rmv, &ct, b->debark), arrival_at (rmv, &ct, b->embark));
    }

  g_assert (b->n_segments <= DEMO_MAX_SEGMENTS);
}

/* Travellers come from either end of their trip, in the proportions of that airport. */
static const DemoNationality *
pick_nationality (DemoGen           *gen,
                  const DemoBooking *b)
{
  const DemoAirport *side = demo_rng_below (&gen->rng, 2) == 0 ? b->start : b->end;
  const DemoWeighted *mix = side->mix.n > 0 ? &side->mix : &gen->tables.home->mix;

  return &gen->tables.nats[demo_pick_weighted (gen, mix)];
}

/* @with_pnr: whether the booking comes with a PNR; only PNRs carry Arabic script. */
static void
make_people (DemoGen     *gen,
             DemoFlight  *f,
             DemoBooking *b,
             guint        size,
             gboolean     with_pnr)
{
  const DemoNationality *nat = pick_nationality (gen, b);
  const DemoAirport *far_end = b->start == gen->tables.home ? b->end : b->start;
  const DemoCarrier *carrier = f->mv->carrier;
  DemoSurnamePick family, kept;
  gboolean use_arabic;

  b->n_people = 0;

  for (guint i = 0; i < size; i++)
    {
      DemoPerson *p = &b->people[b->n_people++];
      const DemoNationality *own = nat;

      if (b->kind == DEMO_BOOKING_GROUP && i > 0 && demo_rng_permille (&gen->rng, 300))
        own = pick_nationality (gen, b);

      _tarmac_demo_person_init (gen, p, own, carrier);
      if (i > 0 && b->kind == DEMO_BOOKING_FAMILY)
        {
          p->culture = b->people[0].culture;
          p->residence = b->people[0].residence;
        }
      else
        _tarmac_demo_choose_residence (gen, p, far_end);

      /* Some PNRs carry Arabic names in Arabic script only. */
      if (i == 0)
        b->arabic = with_pnr && p->culture->arabic_surnames.n > 0 &&
                    demo_rng_permille (&gen->rng, 60);

      if (b->kind == DEMO_BOOKING_FAMILY && i == 1)
        {
          p->sex = b->people[0].sex == 'F' ? 'M' : 'F';
          _tarmac_demo_set_age (gen, p, f->day,
                                CLAMP (b->people[0].age + demo_rng_range (&gen->rng, -8, 8),
                                       18, 90));
        }
      else if (b->kind == DEMO_BOOKING_FAMILY && i >= 2)
        {
          p->sex = demo_rng_below (&gen->rng, 2) ? 'M' : 'F';
          _tarmac_demo_set_age (gen, p, f->day,
                                demo_rng_range (&gen->rng, 2, MIN (17, b->people[0].age - 20)));
        }
      else
        {
          int age;

          p->sex = _tarmac_demo_pick_sex (gen);
          if (b->kind == DEMO_BOOKING_GROUP)
            age = demo_rng_range (&gen->rng, 20, 60);
          else if (b->kind == DEMO_BOOKING_FAMILY)
            age = size >= 3 ? demo_rng_range (&gen->rng, 30, 60)
                            : MAX (_tarmac_demo_adult_age (gen), 24);
          else
            age = _tarmac_demo_adult_age (gen);
          _tarmac_demo_set_age (gen, p, f->day, age);
        }

      p->female_names = p->sex == 'F' || (p->sex != 'M' && demo_rng_below (&gen->rng, 2));
      p->style = b->people[0].style;

      /* Relatives share the surname, but for spouses who kept theirs. */
      use_arabic = b->arabic && p->culture->arabic_surnames.n > 0;
      if (i == 0 || b->kind == DEMO_BOOKING_GROUP)
        {
          _tarmac_demo_pick_surname (gen, p->culture, use_arabic, &family);
          _tarmac_demo_apply_surname (p, &family);
        }
      else if (i == 1 && demo_rng_permille (&gen->rng, 250))
        {
          _tarmac_demo_pick_surname (gen, p->culture, use_arabic, &kept);
          _tarmac_demo_apply_surname (p, &kept);
        }
      else
        _tarmac_demo_apply_surname (p, &family);

      _tarmac_demo_pick_given (gen, p, p->arabic_surname != NULL);
    }

  b->n_seated = b->n_people;

  /* An infant on a parent's lap. */
  if ((b->kind == DEMO_BOOKING_FAMILY && demo_rng_permille (&gen->rng, 180)) ||
      (b->kind == DEMO_BOOKING_SINGLE && demo_rng_permille (&gen->rng, 8)))
    {
      const DemoPerson *parent = &b->people[0];
      DemoPerson *p = &b->people[b->n_people++];

      _tarmac_demo_person_init (gen, p, parent->nat, carrier);
      p->culture = parent->culture;
      p->residence = parent->residence;
      p->infant = TRUE;
      p->sex = demo_rng_below (&gen->rng, 2) ? 'M' : 'F';
      p->female_names = p->sex == 'F';
      p->style = parent->style;
      p->age = 0;
      p->dob = f->day - demo_rng_range (&gen->rng, 20, 700);
      _tarmac_demo_format_day (p->dob, p->dob_text);
      _tarmac_demo_apply_surname (p, &family);
      _tarmac_demo_pick_given (gen, p, p->arabic_surname != NULL);
    }
}

static guint
booking_size (DemoGen *gen)
{
  guint r = demo_rng_below (&gen->rng, 100);

  return r < 74 ? 1 : r < 87 ? 2 : r < 93 ? 3 : r < 98 ? 4 : 5;
}

static gboolean
generate_booking (DemoGen           *gen,
                  DemoFlight        *f,
                  const DemoAirport *embark,
                  const DemoAirport *debark,
                  gboolean           through,
                  guint              max_size,
                  guint             *seated)
{
  guint size = MIN (booking_size (gen), max_size);
  guint r = demo_rng_below (&gen->rng, 100);
  gboolean has_pnr;
  DemoBooking b;

  b.embark = embark;
  b.debark = debark;
  b.kind = size == 1 ? DEMO_BOOKING_SINGLE : r < 72 ? DEMO_BOOKING_FAMILY : DEMO_BOOKING_GROUP;
  plan_journey (gen, f, &b, through);

  /* About 70 % of passengers come with a PNR; an infant always does (SSR INFT). */
  has_pnr = demo_rng_permille (&gen->rng, b.kind == DEMO_BOOKING_SINGLE ? 660 : 850);
  make_people (gen, f, &b, size, has_pnr);
  has_pnr = has_pnr || b.n_people > b.n_seated;
  b.pnr_id = 0;
  b.locator[0] = '\0';
  if (has_pnr && !_tarmac_demo_write_pnr (gen, f, &b))
    return FALSE;

  for (guint i = 0; i < b.n_people; i++)
    if (!write_traveller (gen, f, &b.people[i], b.pnr_id, has_pnr ? b.locator : NULL,
                          b.transit, embark, debark))
      return FALSE;

  if (has_pnr && !_tarmac_demo_write_ssrs (gen, f, &b))
    return FALSE;

  *seated = b.n_seated;
  return TRUE;
}

/* ------------------------------------------------------------------------------------ */
/* Flights                                                                               */

static gboolean
write_leg (DemoGen           *gen,
           DemoFlight        *f,
           int                seq,
           const DemoAirport *origin,
           const DemoAirport *destination,
           gint64             dep,
           gint64             arr)
{
  char dep_text[21], arr_text[21];

  _tarmac_demo_format_time (dep, dep_text);
  _tarmac_demo_format_time (arr, arr_text);
  demo_row_begin (gen, DEMO_ROW_LEG);
  demo_row_int (gen, f->id);
  demo_row_int (gen, seq);
  demo_row_text (gen, origin->def->code);
  demo_row_text (gen, destination->def->code);
  demo_row_text (gen, dep_text);
  demo_row_text (gen, arr_text);
  demo_row_text (gen, f->mv->carrier->def->code);
  demo_row_text (gen, f->number);
  return demo_row_end (gen);
}

static gboolean
write_crew (DemoGen    *gen,
            DemoFlight *f)
{
  const DemoMovement *mv = f->mv;
  guint n = (guint) demo_rng_range (&gen->rng, mv->aircraft->crew_min, mv->aircraft->crew_max);

  for (guint i = 0; i < n; i++)
    {
      const DemoNationality *nat = &gen->tables.nats[demo_pick_weighted (gen, &mv->carrier->crew)];
      DemoSurnamePick pick;
      DemoPerson p;

      _tarmac_demo_person_init (gen, &p, nat, mv->carrier);
      p.crew = TRUE;
      /* Two pilots, then cabin crew, who are more often women. */
      p.sex = i < 2 ? (demo_rng_permille (&gen->rng, 900) ? 'M' : 'F')
                    : (demo_rng_permille (&gen->rng, 680) ? 'F' : 'M');
      p.female_names = p.sex == 'F';
      _tarmac_demo_set_age (gen, &p, f->day, i < 2 ? demo_rng_range (&gen->rng, 28, 62)
                                                   : demo_rng_range (&gen->rng, 21, 50));
      _tarmac_demo_pick_surname (gen, p.culture, FALSE, &pick);
      _tarmac_demo_apply_surname (&p, &pick);
      _tarmac_demo_pick_given (gen, &p, FALSE);

      if (!write_traveller (gen, f, &p, 0, NULL, mv->direction == DEMO_TRANSIT,
                            mv->origin, mv->destination))
        return FALSE;
    }

  return TRUE;
}

static guint
gcd (guint a,
     guint b)
{
  while (b != 0)
    {
      guint t = a % b;

      a = b;
      b = t;
    }
  return a;
}

/* Who travels on which stretch of a flight, in thousandths of its passengers. */
typedef struct
{
  const DemoAirport *embark;
  const DemoAirport *debark;
  guint              permille;
  gboolean           through;
} Part;

static guint
flight_parts (const DemoTables   *tables,
              const DemoMovement *mv,
              Part                parts[3])
{
  guint n = 0;

  switch (mv->direction)
    {
    case DEMO_TRANSIT:
      parts[n++] = (Part) { mv->origin, tables->home, 400, FALSE };
      parts[n++] = (Part) { tables->home, mv->destination, 300, FALSE };
      parts[n++] = (Part) { mv->origin, mv->destination, 300, TRUE };
      break;

    case DEMO_OUTBOUND:
      if (mv->via != NULL)
        parts[n++] = (Part) { tables->home, mv->via, 450, FALSE };
      parts[n++] = (Part) { tables->home, mv->destination, mv->via != NULL ? 550 : 1000, FALSE };
      break;

    case DEMO_INBOUND:
    default:
      parts[n++] = (Part) { mv->origin, tables->home, mv->via != NULL ? 550 : 1000, FALSE };
      if (mv->via != NULL)
        parts[n++] = (Part) { mv->via, tables->home, 450, FALSE };
      break;
    }

  return n;
}

static gboolean
generate_flight (DemoGen            *gen,
                 const DemoMovement *mv,
                 gint64              day,
                 guint               copy)
{
  DemoFlight f;
  Part parts[3];
  guint n_parts;
  char dep_text[21], arr_text[21], until_day[11];
  guint seats = mv->aircraft->seats;
  guint passengers;
  int shift = 0;

  memset (&f, 0, sizeof f);
  f.mv = mv;
  f.day = day;
  f.id = gen->next_flight_id++;

  /* Extra copies at larger scales: numbers of their own, spread over the day. */
  if (copy == 0)
    g_strlcpy (f.number, mv->def->number, sizeof f.number);
  else
    {
      g_snprintf (f.number, sizeof f.number, "%u",
                  10000 + (copy - 1) * gen->tables.n_movements + mv->index);
      shift = (int) ((copy * 97 + mv->index * 31) % 241) - 120;
    }

  _tarmac_demo_movement_times (mv, day, shift, &f.t);
  _tarmac_demo_format_time (f.t.dep, dep_text);
  _tarmac_demo_format_time (f.t.arr, arr_text);
  /* The API manifest arrives as the doors close; personal data is kept for the store's
   * retention period from then. */
  _tarmac_demo_format_time (f.t.dep - 10 * MINUTE, f.created_at);
  _tarmac_demo_format_day (_tarmac_demo_add_years (day, (int) gen->retention_years) + 1,
                           until_day);
  g_snprintf (f.retain_until, sizeof f.retain_until, "%sT00:00:00Z", until_day);

  demo_row_begin (gen, DEMO_ROW_FLIGHT);
  demo_row_int (gen, f.id);
  demo_row_text (gen, mv->carrier->def->code);
  demo_row_text (gen, f.number);
  demo_row_text (gen, f.t.flight_date);
  demo_row_text (gen, mv->origin->def->code);
  demo_row_text (gen, mv->destination->def->code);
  demo_row_text (gen, dep_text);
  demo_row_text (gen, arr_text);
  /* The days before the anchor have flown, a few of them late. */
  if (day < gen->anchor_day)
    {
      int delay = demo_rng_permille (&gen->rng, 150) ? demo_rng_range (&gen->rng, 45, 200)
                                                     : demo_rng_range (&gen->rng, -5, 40);
      char actual_dep[21], actual_arr[21];

      _tarmac_demo_format_time (f.t.dep + delay * MINUTE, actual_dep);
      _tarmac_demo_format_time (f.t.arr + (delay - demo_rng_range (&gen->rng, 0, 15)) * MINUTE,
                                actual_arr);
      demo_row_text (gen, actual_dep);
      demo_row_text (gen, actual_arr);
    }
  else
    {
      demo_row_null (gen);
      demo_row_null (gen);
    }
  demo_row_text (gen, direction_names[mv->direction]);
  demo_row_text (gen, mv->aircraft->name);
  demo_row_text (gen, f.created_at);
  if (!demo_row_end (gen))
    return FALSE;
  gen->stats->flights++;

  if (mv->via != NULL &&
      (!write_leg (gen, &f, 1, mv->origin, mv->via, f.t.dep, f.t.stop_arr) ||
       !write_leg (gen, &f, 2, mv->via, mv->destination, f.t.stop_dep, f.t.arr)))
    return FALSE;

  f.n_letters = (guint) strlen (mv->aircraft->seat_letters);
  f.rows = (seats + f.n_letters - 1) / f.n_letters;
  do
    f.row_mul = 1 + demo_rng_below (&gen->rng, f.rows - 1);
  while (gcd (f.row_mul, f.rows) != 1);
  f.row_add = demo_rng_below (&gen->rng, f.rows);
  f.bag_serial = demo_rng_below (&gen->rng, 900000);

  /* Load factors of 55 to 95 %. */
  passengers = (guint) (seats * (0.55 + demo_rng_double (&gen->rng) * 0.40));
  n_parts = flight_parts (&gen->tables, mv, parts);

  for (guint i = 0; i < n_parts; i++)
    {
      guint n = passengers * parts[i].permille / 1000;

      while (n > 0)
        {
          guint seated = 0;

          if (!generate_booking (gen, &f, parts[i].embark, parts[i].debark, parts[i].through,
                                 n, &seated))
            return FALSE;
          n -= MIN (n, seated);
        }
    }

  return write_crew (gen, &f);
}

/* ------------------------------------------------------------------------------------ */
/* Notes, and where the rows came from                                                   */

static gboolean
write_notes (DemoGen *gen,
             gint64   first_day)
{
  guint days = gen->options->days;
  guint n = MIN (_tarmac_demo_n_notes, days + 3);

  for (guint i = 0; i < n; i++)
    {
      const TarmacDemoNote *note = &_tarmac_demo_notes[i];
      char uuid[37], created[21], retain[21], until_day[11];
      /* Notes are what other airports already sent: never later than the anchor day's
       * first hour, so none appears to come from the future when the officer looks. */
      gint64 anchor = first_day + (gint64) (days - 1) / 2;
      gint64 day = anchor - (gint64) (i % ((days - 1) / 2 + 1));
      gint64 hour = day == anchor ? 0 : note->hour;

      _tarmac_demo_make_uuid (gen, uuid);
      _tarmac_demo_format_time (day * SECONDS_PER_DAY + hour * HOUR +
                                demo_rng_below (&gen->rng, HOUR), created);
      _tarmac_demo_format_day (_tarmac_demo_add_years (day, (int) gen->retention_years) + 1,
                               until_day);
      g_snprintf (retain, sizeof retain, "%sT00:00:00Z", until_day);

      demo_row_begin (gen, DEMO_ROW_NOTE);
      demo_row_text (gen, uuid);
      demo_row_text (gen, note->author);
      demo_row_text (gen, note->origin_site);
      demo_row_text (gen, note->priority);
      demo_row_text (gen, note->subject_type);
      demo_row_text (gen, note->subject_ref);
      demo_row_text (gen, note->body);
      demo_row_text (gen, created);
      demo_row_text (gen, retain);
      if (!demo_row_end (gen))
        return FALSE;
      gen->stats->notes++;
    }

  return TRUE;
}

/* The demo's source_file and message: the generated rows have no file behind them, so
 * the checksum is over the parameters that determine them. */
static gboolean
write_source (DemoGen  *gen,
              gint64    first_day,
              GError  **error)
{
  const TarmacDemoOptions *options = gen->options;
  g_autoptr(sqlite3_stmt) file_stmt = NULL;
  g_autoptr(sqlite3_stmt) message_stmt = NULL;
  g_autofree char *description = NULL;
  g_autofree char *sha = NULL;
  g_autofree char *name = NULL;
  char imported_at[21];

  description = g_strdup_printf ("tarmac-demo seed=%u anchor=%s days=%u scale=%.6g",
                                 options->seed, options->anchor_day, options->days,
                                 options->scale);
  sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, description, -1);
  name = g_strdup_printf ("Demo data, %u days around %s (seed %u, scale %.6g)",
                          options->days, options->anchor_day, options->seed, options->scale);
  _tarmac_demo_format_time (first_day * SECONDS_PER_DAY - HOUR, imported_at);

  file_stmt = _tarmac_store_prepare (gen->store,
                                     "INSERT INTO source_file (sha256, name, format, size,"
                                     " imported_at, result, report)"
                                     " VALUES (?1, ?2, 'demo', 0, ?3, 'imported',"
                                     " 'Invented data made by the demo generator')",
                                     error);
  if (file_stmt == NULL)
    return FALSE;
  sqlite3_bind_text (file_stmt, 1, sha, -1, SQLITE_STATIC);
  sqlite3_bind_text (file_stmt, 2, name, -1, SQLITE_STATIC);
  sqlite3_bind_text (file_stmt, 3, imported_at, -1, SQLITE_STATIC);
  if (!_tarmac_store_step_done (gen->store, file_stmt, error))
    return FALSE;

  message_stmt = _tarmac_store_prepare (gen->store,
                                        "INSERT INTO message (source_file_id, type, version,"
                                        " sender, recipient, reference, part_number,"
                                        " last_part, pushed_at)"
                                        " VALUES (?1, 'demo', '1', 'TARMAC-DEMO', ?2, ?3, 1, 1,"
                                        " ?4)",
                                        error);
  if (message_stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (message_stmt, 1,
                      sqlite3_last_insert_rowid (_tarmac_store_get_db (gen->store)));
  sqlite3_bind_text (message_stmt, 2, gen->tables.home->def->code, -1, SQLITE_STATIC);
  sqlite3_bind_text (message_stmt, 3, sha, -1, SQLITE_STATIC);
  sqlite3_bind_text (message_stmt, 4, imported_at, -1, SQLITE_STATIC);
  if (!_tarmac_store_step_done (gen->store, message_stmt, error))
    return FALSE;

  gen->message_id = sqlite3_last_insert_rowid (_tarmac_store_get_db (gen->store));
  return TRUE;
}

static gboolean
write_report (DemoGen  *gen,
              GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *report = NULL;
  const TarmacDemoStats *s = gen->stats;

  report = g_strdup_printf ("Invented data made by the demo generator; no real person. "
                            "%u flights, %u passengers, %u crew, %u documents, %u PNRs, "
                            "%u notes.",
                            s->flights, s->passengers, s->crew, s->documents, s->pnrs,
                            s->notes);
  stmt = _tarmac_store_prepare (gen->store,
                                "UPDATE source_file SET report = ?1 WHERE id ="
                                " (SELECT source_file_id FROM message WHERE id = ?2)",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, report, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, gen->message_id);
  return _tarmac_store_step_done (gen->store, stmt, error);
}

static gint64
next_id (TarmacStore *store,
         const char  *sql)
{
  g_autoptr(sqlite3_stmt) stmt = _tarmac_store_prepare (store, sql, NULL);

  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0) + 1;

  return 1;
}

/* The scale multiplies the day's movements: whole copies of the schedule, then an evenly
 * spread share of it for the fraction. */
static gboolean
generate_days (DemoGen *gen,
               gint64   first_day)
{
  const DemoMovement **today = g_newa (const DemoMovement *, gen->tables.n_movements);
  guint copies = (guint) floor (gen->options->scale);
  double fraction = gen->options->scale - copies;

  for (guint d = 0; d < gen->options->days; d++)
    {
      gint64 day = first_day + d;
      guint n_today = 0;

      for (guint i = 0; i < gen->tables.n_movements; i++)
        if (_tarmac_demo_operates_on (&gen->tables.movements[i], day))
          today[n_today++] = &gen->tables.movements[i];

      for (guint copy = 0; copy <= copies; copy++)
        for (guint i = 0; i < n_today; i++)
          {
            if (copy == copies && floor ((i + 1) * fraction) == floor (i * fraction))
              continue;
            if (!generate_flight (gen, today[i], day, copy))
              return FALSE;
          }

      g_debug ("Demo day %u of %u: %u travellers so far", d + 1, gen->options->days,
               gen->stats->passengers + gen->stats->crew);
    }

  return TRUE;
}

gboolean
_tarmac_demo_write_rows (TarmacStore              *store,
                         const TarmacDemoOptions  *options,
                         gint64                    first_day,
                         guint                     retention_years,
                         TarmacDemoStats          *stats,
                         GError                  **error)
{
  DemoGen gen;
  gboolean ok = FALSE;

  memset (&gen, 0, sizeof gen);
  gen.store = store;
  gen.options = options;
  gen.stats = stats;
  gen.retention_years = retention_years;
  demo_rng_seed (&gen.rng, options->seed);
  gen.locator_key = (guint32) demo_rng_next (&gen.rng);
  gen.card_checksum = g_checksum_new (G_CHECKSUM_SHA256);
  if (!_tarmac_demo_parse_day (options->anchor_day, &gen.anchor_day))
    g_assert_not_reached ();

  _tarmac_demo_tables_load (&gen.tables);
  _tarmac_demo_make_shared (&gen);

  gen.next_flight_id = next_id (store, "SELECT max(id) FROM flight");
  gen.next_pnr_id = next_id (store, "SELECT max(id) FROM pnr");
  gen.next_traveller_id = next_id (store, "SELECT max(id) FROM traveller");

  if (write_source (&gen, first_day, error) &&
      (gen.rows = _tarmac_demo_rows_start (store, error)) != NULL)
    {
      gboolean generated = generate_days (&gen, first_day) && write_notes (&gen, first_day);

      /* The writer's error, if any, says why the generation stopped. */
      ok = _tarmac_demo_rows_finish (g_steal_pointer (&gen.rows), error) && generated &&
           write_report (&gen, error);
    }

  _tarmac_demo_tables_free (&gen.tables);
  g_checksum_free (gen.card_checksum);
  return ok;
}
