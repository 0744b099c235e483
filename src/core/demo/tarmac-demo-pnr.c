/* tarmac-demo-pnr.c
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

/*
 * A booking's PNR: the record, its contacts, the payment, the itinerary and the special
 * service requests, as a PNRGOV push would carry them.
 */

#define SECONDS_PER_DAY TARMAC_DEMO_SECONDS_PER_DAY
#define HOUR            TARMAC_DEMO_HOUR

static gboolean
write_contact (DemoGen     *gen,
               DemoBooking *b,
               const char  *kind,
               const char  *value,
               const char  *normalised,
               const char  *retain_until)
{
  demo_row_begin (gen, DEMO_ROW_CONTACT);
  demo_row_int (gen, b->pnr_id);
  demo_row_text (gen, kind);
  demo_row_text (gen, value);
  demo_row_text (gen, normalised);
  demo_row_text (gen, retain_until);
  return demo_row_end (gen);
}

/* The booker's phone, often an e-mail, sometimes a second phone or an address. On
 * watched routes, a few bookings share a facilitator's phone or e-mail. */
static gboolean
write_contacts (DemoGen          *gen,
                const DemoFlight *f,
                DemoBooking      *b,
                gboolean          watched)
{
  const DemoPerson *booker = &b->people[0];
  const DemoNationality *res = booker->residence;
  const char *until = f->retain_until;
  char value[48], normalised[32];

  if (watched && demo_rng_permille (&gen->rng, 25))
    {
      guint k = demo_rng_below (&gen->rng, G_N_ELEMENTS (gen->shared_phone));

      if (!write_contact (gen, b, "phone", gen->shared_phone[k], gen->shared_phone_norm[k],
                          until))
        return FALSE;
    }
  else
    {
      _tarmac_demo_make_phone (gen, res, value, sizeof value, normalised, sizeof normalised);
      if (!write_contact (gen, b, "phone", value, normalised, until))
        return FALSE;
    }

  if (demo_rng_permille (&gen->rng, 200))
    {
      _tarmac_demo_make_phone (gen, demo_rng_permille (&gen->rng, 500) ? res
                                                                       : gen->tables.home_nat,
                               value, sizeof value, normalised, sizeof normalised);
      if (!write_contact (gen, b, "phone", value, normalised, until))
        return FALSE;
    }

  if (watched && demo_rng_permille (&gen->rng, 15))
    {
      const char *shared =
        gen->shared_email[demo_rng_below (&gen->rng, G_N_ELEMENTS (gen->shared_email))];

      if (!write_contact (gen, b, "email", shared, shared, until))
        return FALSE;
    }
  else if (demo_rng_permille (&gen->rng, 700))
    {
      char email[160];

      /* Generated in lower case: already normalised. */
      _tarmac_demo_make_email (gen, booker, res, email, sizeof email);
      if (!write_contact (gen, b, "email", email, email, until))
        return FALSE;
    }

  if (demo_rng_permille (&gen->rng, 40))
    {
      const DemoForm *city =
        &res->cities.items[demo_rng_below (&gen->rng, res->cities.n)].variants[0];
      char address[160], upper[160];

      g_snprintf (address, sizeof address, "BP %d, %s, %s",
                  demo_rng_range (&gen->rng, 10, 9999), city->s[DEMO_FORM_MIXED],
                  res->def->iso3);
      g_snprintf (upper, sizeof upper, "BP %s", address + 3);
      for (char *c = upper; *c != '\0'; c++)
        *c = g_ascii_toupper (*c);
      if (!write_contact (gen, b, "address", address, upper, until))
        return FALSE;
    }

  return TRUE;
}

/* Cards, cash at the agency, or miscellaneous (vouchers, mobile money). */
static gboolean
write_payment (DemoGen          *gen,
               const DemoFlight *f,
               DemoBooking      *b,
               gboolean          watched,
               const char       *currency,
               double            per_usd)
{
  const DemoPerson *booker = &b->people[0];
  double km = _tarmac_demo_distance_km (b->start, b->end);
  gboolean is_return = b->segments[b->n_segments - 1].destination == b->start;
  char last4[5], hash[65], holder[200], sur[96], giv[96];
  guint form = demo_rng_below (&gen->rng, 100);
  double amount;

  amount = (90 + km * 0.12) * (is_return ? 1.7 : 1) *
           (0.8 + demo_rng_double (&gen->rng) * 0.8) * b->n_seated * per_usd;
  amount = per_usd > 100 ? round (amount / 100) * 100 : round (amount * 100) / 100;

  demo_row_begin (gen, DEMO_ROW_PAYMENT);
  demo_row_int (gen, b->pnr_id);
  if (form < 55)
    {
      if (watched && demo_rng_permille (&gen->rng, 20))
        {
          guint k = demo_rng_below (&gen->rng, G_N_ELEMENTS (gen->shared_card_hash));

          g_strlcpy (last4, gen->shared_card_last4[k], sizeof last4);
          g_strlcpy (hash, gen->shared_card_hash[k], sizeof hash);
        }
      else
        _tarmac_demo_make_card (gen, last4, hash, sizeof hash);

      _tarmac_demo_render_names (booker, DEMO_FORM_ASCII_UPPER, DEMO_FORM_ASCII_UPPER,
                                 sur, sizeof sur, giv, sizeof giv);
      g_snprintf (holder, sizeof holder, "%s/%s", sur, giv);
      demo_row_text (gen, "CC");
      demo_row_text (gen, last4);
      demo_row_text (gen, hash);
      demo_row_text (gen, holder);
    }
  else
    {
      demo_row_text (gen, form < 85 ? "CA" : "MS");
      demo_row_null (gen);
      demo_row_null (gen);
      demo_row_null (gen);
    }
  demo_row_real (gen, amount);
  demo_row_text (gen, currency);
  demo_row_text (gen, f->retain_until);
  return demo_row_end (gen);
}

gboolean
_tarmac_demo_write_pnr (DemoGen          *gen,
                        const DemoFlight *f,
                        DemoBooking      *b)
{
  const DemoNationality *res = b->people[0].residence;
  const DemoCarrier *carrier = f->mv->carrier;
  gint64 main_dep = b->departure;
  gint64 created, modified, pushed, lead;
  char created_text[21], modified_text[21], pushed_text[21];
  char agency_buf[96];
  const char *agency, *pos, *currency;
  gboolean watched = b->start->watched || b->end->watched;
  guint r = demo_rng_below (&gen->rng, 100);
  double per_usd;

  /* Lead time: a few the same day, most within weeks. */
  if (r < 5)
    lead = demo_rng_range (&gen->rng, 2, 11) * HOUR + demo_rng_below (&gen->rng, HOUR);
  else if (r < 28)
    lead = demo_rng_range (&gen->rng, 1, 7) * (gint64) SECONDS_PER_DAY;
  else if (r < 73)
    lead = demo_rng_range (&gen->rng, 8, 45) * (gint64) SECONDS_PER_DAY;
  else
    lead = demo_rng_range (&gen->rng, 46, 150) * (gint64) SECONDS_PER_DAY;
  if (r >= 5)
    lead += demo_rng_below (&gen->rng, SECONDS_PER_DAY);

  created = MIN (b->segments[0].dep, main_dep) - lead;
  modified = created + (gint64) (demo_rng_double (&gen->rng) * (double) (main_dep - created) * 0.5);
  /* PNRGOV pushes at 24 hours before departure, and again close to it. */
  pushed = main_dep - 24 * HOUR > created ? main_dep - 24 * HOUR : main_dep - 2 * HOUR;
  _tarmac_demo_format_time (created, created_text);
  _tarmac_demo_format_time (modified, modified_text);
  _tarmac_demo_format_time (pushed, pushed_text);

  if (res->agency_names.n > 0 && demo_rng_permille (&gen->rng, 560))
    {
      guint k = demo_rng_below (&gen->rng, res->agency_names.n);

      agency = res->agency_names.items[k];
      pos = res->agency_cities.items[k];
      currency = res->def->currency;
      per_usd = res->per_usd;
    }
  else
    {
      g_snprintf (agency_buf, sizeof agency_buf, "%s website", carrier->def->name);
      agency = agency_buf;
      pos = res->def->main_city;
      currency = res->per_usd < 2 ? res->def->currency : "USD";
      per_usd = res->per_usd < 2 ? res->per_usd : 1;
    }

  b->pnr_id = gen->next_pnr_id++;
  _tarmac_demo_make_locator (gen, b->locator);

  demo_row_begin (gen, DEMO_ROW_PNR);
  demo_row_int (gen, b->pnr_id);
  demo_row_text (gen, carrier->def->code);
  demo_row_text (gen, b->locator);
  demo_row_text (gen, created_text);
  demo_row_text (gen, modified_text);
  demo_row_text (gen, pushed_text);
  demo_row_text (gen, agency);
  demo_row_text (gen, pos);
  demo_row_int (gen, gen->message_id);
  demo_row_text (gen, f->retain_until);
  if (!demo_row_end (gen))
    return FALSE;
  gen->stats->pnrs++;

  if (!write_contacts (gen, f, b, watched) ||
      !write_payment (gen, f, b, watched, currency, per_usd))
    return FALSE;

  for (guint i = 0; i < b->n_segments; i++)
    {
      const DemoSegment *s = &b->segments[i];
      char dep_text[21], arr_text[21];

      _tarmac_demo_format_time (s->dep, dep_text);
      _tarmac_demo_format_time (s->arr, arr_text);
      demo_row_begin (gen, DEMO_ROW_SEGMENT);
      demo_row_int (gen, b->pnr_id);
      demo_row_int (gen, i + 1);
      demo_row_text (gen, s->carrier);
      demo_row_text (gen, s->number);
      demo_row_text (gen, s->date);
      demo_row_text (gen, s->origin->def->code);
      demo_row_text (gen, s->destination->def->code);
      demo_row_text (gen, dep_text);
      demo_row_text (gen, arr_text);
      if (!demo_row_end (gen))
        return FALSE;
    }

  return TRUE;
}

static gboolean
write_ssr (DemoGen     *gen,
           DemoBooking *b,
           gint64       traveller_id,
           const char  *code,
           const char  *text,
           const char  *retain_until)
{
  demo_row_begin (gen, DEMO_ROW_SSR);
  demo_row_int (gen, b->pnr_id);
  demo_row_id (gen, traveller_id);
  demo_row_text (gen, code);
  demo_row_text (gen, text);
  demo_row_text (gen, retain_until);
  return demo_row_end (gen);
}

gboolean
_tarmac_demo_write_ssrs (DemoGen          *gen,
                         const DemoFlight *f,
                         DemoBooking      *b)
{
  const char *until = f->retain_until;
  const DemoPerson *adult = &b->people[0];

  for (guint i = 0; i < b->n_people; i++)
    {
      const DemoPerson *p = &b->people[i];
      char text[256], sur[96], giv[96], dob[8], expires[8];

      _tarmac_demo_render_names (p, DEMO_FORM_ASCII_UPPER, DEMO_FORM_ASCII_UPPER,
                                 sur, sizeof sur, giv, sizeof giv);
      _tarmac_demo_format_docs_day (p->dob, dob);

      if (p->infant)
        {
          g_snprintf (text, sizeof text, "HK1 %s/%s %s", sur, giv, dob);
          if (!write_ssr (gen, b, adult->traveller_id, "INFT", text, until))
            return FALSE;
          continue;
        }

      if (demo_rng_permille (&gen->rng, 250))
        {
          _tarmac_demo_format_docs_day (p->doc_expires, expires);
          g_snprintf (text, sizeof text, "HK1/%s/%s/%s/%s/%s/%c/%s/%s/%s",
                      p->doc_type, p->doc_issuer, p->doc_number, p->nat->def->iso3, dob,
                      p->sex, expires, sur, giv);
          if (!write_ssr (gen, b, p->traveller_id, "DOCS", text, until))
            return FALSE;
        }
      if (demo_rng_permille (&gen->rng, 20))
        {
          g_snprintf (text, sizeof text, "HK1/PP%s", p->doc_number);
          if (!write_ssr (gen, b, p->traveller_id, "FOID", text, until))
            return FALSE;
        }
      if (p->age >= 75 && demo_rng_permille (&gen->rng, 400) &&
          !write_ssr (gen, b, p->traveller_id, "WCHR", "HK1", until))
        return FALSE;
      if (demo_rng_permille (&gen->rng, 20) &&
          !write_ssr (gen, b, p->traveller_id, "VGML", "HK1", until))
        return FALSE;
      if (p->age >= 2 && p->age < 12)
        {
          g_snprintf (text, sizeof text, "HK1/%s", dob);
          if (!write_ssr (gen, b, p->traveller_id, "CHLD", text, until))
            return FALSE;
        }
    }

  return TRUE;
}
