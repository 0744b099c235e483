/* tarmac-demo-tables.c
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
 * Parses the static tables (tarmac-demo-names.c, tarmac-demo-schedule.c) once per run:
 * lists split, names in all the forms airline systems write them, weights accumulated.
 * The tables are ours, so a malformed entry is a programmer error and asserts.
 */

static const char ecowas[] = "TGO|BEN|GHA|NGA|CIV|SEN|MLI|BFA|NER|GIN";
static const char trunk_zero[] = "GHA|NGA|FRA|BEL|NLD|DEU|GBR|TUR|ZAF|KEN|RWA|EGY|MAR|LBN|IND|"
                                 "VNM|ETH|VEN|IRL";
static const char diaspora[] = "FRA|BEL|DEU|GBR|USA|ITA|ESP|NLD|CAN|PRT";
static const char traders[] = "LBN|CHN|IND";
static const char watched[] = "GRU|CDG|ADD|LIS|MAD|CMN|DXB|BRU";

/* Whether @code is one of the three-letter codes of @list ("AAA|BBB|…"). */
static gboolean
in_list (const char *list,
         const char *code)
{
  gsize len = strlen (list);

  for (gsize i = 0; i + 3 <= len; i += 4)
    if (strncmp (list + i, code, 3) == 0 && code[3] == '\0')
      return TRUE;

  return FALSE;
}

static void
split_list (DemoTables  *tables,
            const char  *text,
            DemoStrList *out)
{
  g_auto(GStrv) parts = NULL;

  out->n = 0;
  out->items = NULL;
  if (text == NULL || *text == '\0')
    return;

  parts = g_strsplit (text, "|", -1);
  out->n = g_strv_length (parts);
  out->items = g_new (const char *, out->n);
  for (guint i = 0; i < out->n; i++)
    out->items[i] = g_string_chunk_insert_const (tables->chunk, parts[i]);
}

/* Strips diacritics and maps the letters that have no decomposition, as a departure
 * control system's Latin-only character set does. */
static char *
fold_ascii (const char *text)
{
  g_autofree char *decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_NFD);
  GString *out = g_string_new (NULL);

  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x80)
        {
          g_string_append_c (out, (char) c);
          continue;
        }

      switch (c)
        {
        case 0x0141: g_string_append_c (out, 'L'); break;     /* Ł */
        case 0x0142: g_string_append_c (out, 'l'); break;     /* ł */
        case 0x00D8: g_string_append_c (out, 'O'); break;     /* Ø */
        case 0x00F8: g_string_append_c (out, 'o'); break;     /* ø */
        case 0x0110: g_string_append_c (out, 'D'); break;     /* Đ */
        case 0x0111: g_string_append_c (out, 'd'); break;     /* đ */
        case 0x0131: g_string_append_c (out, 'i'); break;     /* ı */
        case 0x00DF: g_string_append (out, "ss"); break;      /* ß */
        case 0x00C6: g_string_append (out, "AE"); break;      /* Æ */
        case 0x00E6: g_string_append (out, "ae"); break;      /* æ */
        case 0x0152: g_string_append (out, "OE"); break;      /* Œ */
        case 0x0153: g_string_append (out, "oe"); break;      /* œ */
        case 0x2019: g_string_append_c (out, '\''); break;    /* ’ */
        default:
          /* Combining marks, and anything else outside the set, are dropped. */
          break;
        }
    }

  return g_string_free (out, FALSE);
}

static void
make_form (DemoTables *tables,
           const char *text,
           DemoForm   *form)
{
  g_autofree char *upper = g_utf8_strup (text, -1);
  g_autofree char *ascii = fold_ascii (text);
  g_autofree char *ascii_upper = g_ascii_strup (ascii, -1);

  form->s[DEMO_FORM_MIXED] = g_string_chunk_insert_const (tables->chunk, text);
  form->s[DEMO_FORM_UPPER] = g_string_chunk_insert_const (tables->chunk, upper);
  form->s[DEMO_FORM_ASCII] = g_string_chunk_insert_const (tables->chunk, ascii);
  form->s[DEMO_FORM_ASCII_UPPER] = g_string_chunk_insert_const (tables->chunk, ascii_upper);
}

/* "A~B|C/D|E": variants of one name with '~', male and female forms with '/'. */
static void
parse_names (DemoTables   *tables,
             const char   *text,
             DemoNameList *out)
{
  DemoStrList items;

  split_list (tables, text, &items);
  out->n = items.n;
  out->items = g_new0 (DemoName, items.n);

  for (guint i = 0; i < items.n; i++)
    {
      DemoName *name = &out->items[i];
      const char *slash = strchr (items.items[i], '/');

      if (slash != NULL)
        {
          g_autofree char *male = g_strndup (items.items[i], slash - items.items[i]);

          name->n_variants = 1;
          name->variants = g_new (DemoForm, 1);
          name->female = g_new (DemoForm, 1);
          make_form (tables, male, &name->variants[0]);
          make_form (tables, slash + 1, &name->female[0]);
        }
      else
        {
          g_auto(GStrv) variants = g_strsplit (items.items[i], "~", -1);

          name->n_variants = g_strv_length (variants);
          name->variants = g_new (DemoForm, name->n_variants);
          for (guint v = 0; v < name->n_variants; v++)
            make_form (tables, variants[v], &name->variants[v]);
        }
    }

  g_free (items.items);
}

/* "Latin=Arabic|…" */
static void
parse_arabic (DemoTables     *tables,
              const char     *text,
              DemoArabicList *out)
{
  DemoStrList items;

  split_list (tables, text, &items);
  out->n = items.n;
  out->items = g_new0 (DemoArabicName, items.n);

  for (guint i = 0; i < items.n; i++)
    {
      const char *equals = strchr (items.items[i], '=');
      g_autofree char *latin = NULL;

      g_assert (equals != NULL);
      latin = g_strndup (items.items[i], equals - items.items[i]);
      make_form (tables, latin, &out->items[i].latin);
      out->items[i].arabic = equals + 1;
    }

  g_free (items.items);
}

static void
free_names (DemoNameList *list)
{
  for (guint i = 0; i < list->n; i++)
    {
      g_free (list->items[i].variants);
      g_free (list->items[i].female);
    }
  g_free (list->items);
}

static int
nationality_index (const DemoTables *tables,
                   const char       *iso3)
{
  for (guint i = 0; i < tables->n_nats; i++)
    if (strcmp (tables->nats[i].def->iso3, iso3) == 0)
      return (int) i;
  return -1;
}

static int
culture_index (const DemoTables *tables,
               const char       *id)
{
  for (guint i = 0; i < tables->n_cultures; i++)
    if (strcmp (tables->cultures[i].def->id, id) == 0)
      return (int) i;
  return -1;
}

static const DemoAirport *
find_airport (const DemoTables *tables,
              const char       *code)
{
  for (guint i = 0; i < tables->n_airports; i++)
    if (strcmp (tables->airports[i].def->code, code) == 0)
      return &tables->airports[i];
  return NULL;
}

const DemoNationality *
_tarmac_demo_find_nationality (const DemoTables *tables,
                               const char       *iso3)
{
  int index = nationality_index (tables, iso3);

  return index >= 0 ? &tables->nats[index] : NULL;
}

/* "KEY:weight|…" → indices, with @lookup resolving the keys. */
static void
parse_weighted (const DemoTables  *tables,
                const char        *text,
                int              (*lookup) (const DemoTables *, const char *),
                DemoWeighted      *out)
{
  g_auto(GStrv) parts = NULL;
  guint n;

  memset (out, 0, sizeof *out);
  if (text == NULL)
    return;

  parts = g_strsplit (text, "|", -1);
  n = g_strv_length (parts);
  out->index = g_new (guint, n);
  out->cumulative = g_new (guint, n);

  for (guint i = 0; i < n; i++)
    {
      g_auto(GStrv) kv = g_strsplit (parts[i], ":", 2);
      int index;

      g_assert (kv[0] != NULL && kv[1] != NULL);
      index = lookup (tables, kv[0]);
      g_assert (index >= 0);

      out->total += (guint) g_ascii_strtoull (kv[1], NULL, 10);
      out->index[out->n] = (guint) index;
      out->cumulative[out->n] = out->total;
      out->n++;
    }
}

static void
free_weighted (DemoWeighted *w)
{
  g_free (w->index);
  g_free (w->cumulative);
}

/* Rough rates, for plausible amounts in local currencies. */
static double
currency_per_usd (const char *currency)
{
  static const struct {
    const char *code;
    double      rate;
  } rates[] = {
    { "XOF", 600 }, { "XAF", 600 }, { "GHS", 15 }, { "NGN", 1550 }, { "GNF", 8600 },
    { "EUR", 0.92 }, { "USD", 1 }, { "BRL", 5.6 }, { "MAD", 10 }, { "EGP", 49 },
    { "COP", 4200 }, { "MXN", 19 }, { "PLN", 4 }, { "GBP", 0.79 }, { "CNY", 7.2 },
    { "INR", 84 }, { "TRY", 34 }, { "VND", 25000 }, { "ETB", 120 }, { "KES", 130 },
    { "RWF", 1350 }, { "ZAR", 18 }, { "CAD", 1.38 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rates); i++)
    if (strcmp (rates[i].code, currency) == 0)
      return rates[i].rate;

  g_assert_not_reached ();
  return 1;
}

/* Taxi, climb and descent, then about 800 km/h over the great circle; whole five minutes. */
int
_tarmac_demo_block_minutes (const DemoAirport *a,
                            const DemoAirport *b)
{
  double lat1 = a->def->latitude * G_PI / 180;
  double lat2 = b->def->latitude * G_PI / 180;
  double dlat = lat2 - lat1;
  double dlon = (b->def->longitude - a->def->longitude) * G_PI / 180;
  double h = sin (dlat / 2) * sin (dlat / 2) +
             cos (lat1) * cos (lat2) * sin (dlon / 2) * sin (dlon / 2);
  double km = 2 * 6371 * asin (sqrt (h));

  return ((int) (35 + km / 13.3) + 4) / 5 * 5;
}

double
_tarmac_demo_distance_km (const DemoAirport *a,
                          const DemoAirport *b)
{
  return (_tarmac_demo_block_minutes (a, b) - 35) * 13.3;
}

static void
load_nationality (DemoTables      *tables,
                  DemoNationality *nat)
{
  const char *iso3 = nat->def->iso3;
  DemoStrList dual;

  parse_weighted (tables, nat->def->cultures, culture_index, &nat->cultures);
  split_list (tables, nat->def->passport_formats, &nat->passport_formats);
  split_list (tables, nat->def->mobile_formats, &nat->mobiles);
  split_list (tables, nat->def->email_domains, &nat->domains);
  parse_names (tables, nat->def->cities, &nat->cities);
  nat->per_usd = currency_per_usd (nat->def->currency);
  nat->ecowas = in_list (ecowas, iso3);
  nat->trunk_zero = in_list (trunk_zero, iso3);
  nat->diaspora_host = in_list (diaspora, iso3);
  nat->trader = in_list (traders, iso3);

  split_list (tables, nat->def->dual, &dual);
  nat->dual = g_new (guint, MAX (dual.n, 1));
  for (guint d = 0; d < dual.n; d++)
    {
      int index = nationality_index (tables, dual.items[d]);

      if (index >= 0)
        nat->dual[nat->n_dual++] = (guint) index;
    }
  g_free (dual.items);

  for (guint a = 0; a < _tarmac_demo_n_agencies; a++)
    {
      if (strcmp (_tarmac_demo_agencies[a].iso3, iso3) != 0)
        continue;

      /* "Name@CITY": the name, and the city code as the point of sale. */
      split_list (tables, _tarmac_demo_agencies[a].agencies, &nat->agency_names);
      nat->agency_cities.n = nat->agency_names.n;
      nat->agency_cities.items = g_new (const char *, nat->agency_names.n);
      for (guint k = 0; k < nat->agency_names.n; k++)
        {
          const char *at = strchr (nat->agency_names.items[k], '@');
          g_autofree char *name = NULL;

          g_assert (at != NULL);
          name = g_strndup (nat->agency_names.items[k], at - nat->agency_names.items[k]);
          nat->agency_cities.items[k] = g_string_chunk_insert_const (tables->chunk, at + 1);
          nat->agency_names.items[k] = g_string_chunk_insert_const (tables->chunk, name);
        }
    }
}

static void
load_airport (DemoTables  *tables,
              DemoAirport *airport)
{
  DemoStrList beyond;

  if (airport->def->mix != NULL)
    parse_weighted (tables, airport->def->mix, nationality_index, &airport->mix);
  else if (nationality_index (tables, airport->def->country) >= 0)
    {
      /* Airports only met in itineraries: their own country's travellers. */
      g_autofree char *own = g_strdup_printf ("%s:1", airport->def->country);

      parse_weighted (tables, own, nationality_index, &airport->mix);
    }

  airport->ecowas = in_list (ecowas, airport->def->country);
  airport->watched = in_list (watched, airport->def->code);

  split_list (tables, airport->def->beyond, &beyond);
  airport->beyond = g_new (guint, MAX (beyond.n, 1));
  for (guint b = 0; b < beyond.n; b++)
    {
      const DemoAirport *other = find_airport (tables, beyond.items[b]);

      g_assert (other != NULL);
      airport->beyond[airport->n_beyond++] = (guint) (other - tables->airports);
    }
  g_free (beyond.items);
}

static void
load_movement (DemoTables   *tables,
               DemoMovement *mv)
{
  const TarmacDemoMovement *def = mv->def;

  mv->origin = find_airport (tables, def->origin);
  mv->destination = find_airport (tables, def->destination);
  mv->via = def->via != NULL ? find_airport (tables, def->via) : NULL;
  mv->reverse = -1;
  g_assert (mv->origin != NULL && mv->destination != NULL);
  g_assert (def->via == NULL || mv->via != NULL);

  for (guint c = 0; c < tables->n_carriers; c++)
    if (strcmp (tables->carriers[c].def->code, def->carrier) == 0)
      mv->carrier = &tables->carriers[c];
  for (guint k = 0; k < _tarmac_demo_n_aircraft; k++)
    if (strcmp (_tarmac_demo_aircraft[k].name, def->aircraft) == 0)
      mv->aircraft = &_tarmac_demo_aircraft[k];
  g_assert (mv->carrier != NULL && mv->aircraft != NULL);
  g_assert (strlen (def->number) <= 5);

  if (mv->via == tables->home)
    mv->direction = DEMO_TRANSIT;
  else if (mv->destination == tables->home)
    mv->direction = DEMO_INBOUND;
  else
    {
      g_assert (mv->origin == tables->home);
      mv->direction = DEMO_OUTBOUND;
    }

  if (mv->via != NULL)
    {
      mv->block1 = _tarmac_demo_block_minutes (mv->origin, mv->via);
      mv->block2 = _tarmac_demo_block_minutes (mv->via, mv->destination);
    }
  else
    mv->block1 = _tarmac_demo_block_minutes (mv->origin, mv->destination);
}

void
_tarmac_demo_tables_load (DemoTables *tables)
{
  memset (tables, 0, sizeof *tables);
  tables->chunk = g_string_chunk_new (64 * 1024);

  tables->n_cultures = _tarmac_demo_n_cultures;
  tables->cultures = g_new0 (DemoCulture, tables->n_cultures);
  for (guint i = 0; i < tables->n_cultures; i++)
    {
      DemoCulture *c = &tables->cultures[i];

      c->def = &_tarmac_demo_cultures[i];
      parse_names (tables, c->def->given_m, &c->given_m);
      parse_names (tables, c->def->given_f, &c->given_f);
      parse_names (tables, c->def->surnames, &c->surnames);
      parse_arabic (tables, c->def->arabic_given_m, &c->arabic_given_m);
      parse_arabic (tables, c->def->arabic_given_f, &c->arabic_given_f);
      parse_arabic (tables, c->def->arabic_surnames, &c->arabic_surnames);
      g_assert ((c->arabic_surnames.n > 0) ==
                (c->arabic_given_m.n > 0 && c->arabic_given_f.n > 0));
    }

  /* Nationalities refer to each other (dual nationals): all defs first. */
  tables->n_nats = _tarmac_demo_n_nationalities;
  tables->nats = g_new0 (DemoNationality, tables->n_nats);
  for (guint i = 0; i < tables->n_nats; i++)
    tables->nats[i].def = &_tarmac_demo_nationalities[i];
  for (guint i = 0; i < tables->n_nats; i++)
    load_nationality (tables, &tables->nats[i]);

  tables->n_airports = _tarmac_demo_n_airports;
  tables->airports = g_new0 (DemoAirport, tables->n_airports);
  for (guint i = 0; i < tables->n_airports; i++)
    tables->airports[i].def = &_tarmac_demo_airports[i];
  for (guint i = 0; i < tables->n_airports; i++)
    load_airport (tables, &tables->airports[i]);

  tables->home = find_airport (tables, TARMAC_DEMO_HOME_AIRPORT);
  g_assert (tables->home != NULL && tables->home->mix.n > 0);
  tables->home_nat = _tarmac_demo_find_nationality (tables, tables->home->def->country);
  g_assert (tables->home_nat != NULL);

  tables->n_carriers = _tarmac_demo_n_carriers;
  tables->carriers = g_new0 (DemoCarrier, tables->n_carriers);
  for (guint i = 0; i < tables->n_carriers; i++)
    {
      DemoCarrier *carrier = &tables->carriers[i];

      carrier->def = &_tarmac_demo_carriers[i];
      parse_weighted (tables, carrier->def->crew_mix, nationality_index, &carrier->crew);

      /* The share of passengers who connect here: ASKY's hub, Ethiopian's stop. */
      carrier->transit_permille = strcmp (carrier->def->code, "KP") == 0 ? 220 :
                                  strcmp (carrier->def->code, "ET") == 0 ? 120 : 70;
    }

  tables->n_movements = _tarmac_demo_n_movements;
  tables->movements = g_new0 (DemoMovement, tables->n_movements);
  for (guint i = 0; i < tables->n_movements; i++)
    {
      tables->movements[i].def = &_tarmac_demo_movements[i];
      tables->movements[i].index = i;
      load_movement (tables, &tables->movements[i]);
    }

  /* Return flights: same carrier and stop, the other way. */
  for (guint i = 0; i < tables->n_movements; i++)
    for (guint k = 0; k < tables->n_movements; k++)
      {
        DemoMovement *a = &tables->movements[i];
        const DemoMovement *b = &tables->movements[k];

        if (a->carrier == b->carrier && a->origin == b->destination &&
            a->destination == b->origin && a->via == b->via)
          a->reverse = (int) k;
      }
}

void
_tarmac_demo_tables_free (DemoTables *tables)
{
  for (guint i = 0; i < tables->n_cultures; i++)
    {
      DemoCulture *c = &tables->cultures[i];

      free_names (&c->given_m);
      free_names (&c->given_f);
      free_names (&c->surnames);
      g_free (c->arabic_given_m.items);
      g_free (c->arabic_given_f.items);
      g_free (c->arabic_surnames.items);
    }
  g_free (tables->cultures);

  for (guint i = 0; i < tables->n_nats; i++)
    {
      DemoNationality *nat = &tables->nats[i];

      free_weighted (&nat->cultures);
      g_free (nat->passport_formats.items);
      g_free (nat->mobiles.items);
      g_free (nat->domains.items);
      free_names (&nat->cities);
      g_free (nat->dual);
      g_free (nat->agency_names.items);
      g_free (nat->agency_cities.items);
    }
  g_free (tables->nats);

  for (guint i = 0; i < tables->n_airports; i++)
    {
      free_weighted (&tables->airports[i].mix);
      g_free (tables->airports[i].beyond);
    }
  g_free (tables->airports);

  for (guint i = 0; i < tables->n_carriers; i++)
    free_weighted (&tables->carriers[i].crew);
  g_free (tables->carriers);
  g_free (tables->movements);

  g_clear_pointer (&tables->chunk, g_string_chunk_free);
  memset (tables, 0, sizeof *tables);
}
