/* tarmac-demo-people.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-demo"

#include "config.h"

#include <string.h>

#include "tarmac-demo-generator-private.h"
#include "tarmac-document-check.h"

/*
 * Invented people and what identifies them: names in the spellings airline systems use,
 * ages, document numbers in each country's format, phones, e-mails, cards and record
 * locators. Nothing here touches the database; everything draws from the generator's PRNG.
 */

/* Not a secret: card numbers in the demo are invented. The hash only shows how real
 * cards are linked without being stored. */
#define DEMO_CARD_KEY "tarmac-demo-card-key-2026"

static const int style_surname_form[] = {
  DEMO_FORM_MIXED, DEMO_FORM_ASCII_UPPER, DEMO_FORM_UPPER, DEMO_FORM_ASCII,
};
static const int style_given_form[] = {
  DEMO_FORM_MIXED, DEMO_FORM_ASCII_UPPER, DEMO_FORM_MIXED, DEMO_FORM_ASCII,
};

static inline void
append (char       *buf,
        gsize       size,
        gsize      *len,
        const char *text)
{
  gsize n = strlen (text);

  if (*len + n + 1 > size)
    n = size - *len - 1;
  memcpy (buf + *len, text, n);
  *len += n;
  buf[*len] = '\0';
}

static DemoStyle
pick_style (DemoGen           *gen,
            const DemoCarrier *carrier)
{
  guint r = demo_rng_below (&gen->rng, 100);

  if (r < carrier->def->dcs_uppercase)
    return DEMO_STYLE_UPPER_ASCII;

  r = demo_rng_below (&gen->rng, 100);
  return r < 40 ? DEMO_STYLE_MIXED : r < 75 ? DEMO_STYLE_SURNAME_UPPER : DEMO_STYLE_ASCII_MIXED;
}

void
_tarmac_demo_person_init (DemoGen               *gen,
                          DemoPerson            *p,
                          const DemoNationality *nat,
                          const DemoCarrier     *carrier)
{
  memset (p, 0, sizeof *p);
  p->nat = nat;
  p->residence = nat;
  p->culture = &gen->tables.cultures[demo_pick_weighted (gen, &nat->cultures)];
  p->style = pick_style (gen, carrier);
}

void
_tarmac_demo_choose_residence (DemoGen           *gen,
                               DemoPerson        *p,
                               const DemoAirport *far_end)
{
  /* West Africans living in Europe or America fly home on these routes. */
  if (far_end != NULL && !p->nat->diaspora_host && demo_rng_permille (&gen->rng, 350))
    {
      const DemoNationality *host = _tarmac_demo_find_nationality (&gen->tables,
                                                                   far_end->def->country);

      if (host != NULL && host->diaspora_host)
        {
          p->residence = host;
          return;
        }
    }

  /* Lebanese, Chinese and Indian traders who live in Lomé. */
  if (p->nat->trader && demo_rng_permille (&gen->rng, 450))
    p->residence = gen->tables.home_nat;
}

char
_tarmac_demo_pick_sex (DemoGen *gen)
{
  guint r = demo_rng_below (&gen->rng, 1000);

  return r < 515 ? 'M' : r < 995 ? 'F' : r < 997 ? 'X' : 'U';
}

int
_tarmac_demo_adult_age (DemoGen *gen)
{
  guint r = demo_rng_below (&gen->rng, 100);

  if (r < 25)
    return demo_rng_range (&gen->rng, 18, 29);
  if (r < 63)
    return demo_rng_range (&gen->rng, 30, 44);
  if (r < 88)
    return demo_rng_range (&gen->rng, 45, 59);
  return demo_rng_range (&gen->rng, 60, 86);
}

void
_tarmac_demo_set_age (DemoGen    *gen,
                      DemoPerson *p,
                      gint64      day,
                      int         age)
{
  p->age = age;
  p->dob = day - (gint64) (age * 365.2425) - demo_rng_below (&gen->rng, 365);
  _tarmac_demo_format_day (p->dob, p->dob_text);
}

void
_tarmac_demo_pick_surname (DemoGen           *gen,
                           const DemoCulture *culture,
                           gboolean           arabic,
                           DemoSurnamePick   *pick)
{
  const TarmacDemoCulture *def = culture->def;
  guint n = def->min_surnames;

  memset (pick, 0, sizeof *pick);

  if (arabic)
    {
      pick->arabic = &culture->arabic_surnames.items[demo_rng_below (&gen->rng,
                                                                     culture->arabic_surnames.n)];
      return;
    }

  if (def->max_surnames > def->min_surnames)
    {
      guint r = demo_rng_below (&gen->rng, 100);

      n = r < 35 ? 1 : r < 85 ? 2 : 3;
      n = CLAMP (n, def->min_surnames, def->max_surnames);
    }

  for (guint i = 0; i < n; i++)
    {
      const DemoName *name;

      /* A compound surname does not repeat a part. */
      do
        name = &culture->surnames.items[demo_rng_below (&gen->rng, culture->surnames.n)];
      while (i > 0 && name == pick->names[i - 1]);

      pick->names[i] = name;
      pick->variant[i] = demo_rng_below (&gen->rng, name->n_variants);
    }
  pick->n = n;
}

void
_tarmac_demo_apply_surname (DemoPerson            *p,
                            const DemoSurnamePick *pick)
{
  /* An Arabic-script record keeps its Latin spelling for the fields that must be Latin
   * (card holder, e-mail, SSR DOCS). */
  if (pick->arabic != NULL)
    {
      p->arabic_surname = pick->arabic->arabic;
      p->surname[0] = &pick->arabic->latin;
      p->n_surname = 1;
      return;
    }

  p->arabic_surname = NULL;
  p->n_surname = pick->n;
  for (guint i = 0; i < pick->n; i++)
    {
      const DemoName *name = pick->names[i];

      p->surname[i] = p->female_names && name->female != NULL
                        ? &name->female[pick->variant[i]]
                        : &name->variants[pick->variant[i]];
    }
}

static const DemoForm *
pick_given_form (DemoGen            *gen,
                 const DemoNameList *list)
{
  const DemoName *name = &list->items[demo_rng_below (&gen->rng, list->n)];

  return &name->variants[demo_rng_below (&gen->rng, name->n_variants)];
}

void
_tarmac_demo_pick_given (DemoGen    *gen,
                         DemoPerson *p,
                         gboolean    arabic)
{
  const DemoCulture *c = p->culture;
  const DemoNameList *list = p->female_names ? &c->given_f : &c->given_m;

  if (arabic)
    {
      const DemoArabicList *alist = p->female_names ? &c->arabic_given_f : &c->arabic_given_m;
      const DemoArabicName *name = &alist->items[demo_rng_below (&gen->rng, alist->n)];

      p->arabic_given = name->arabic;
      p->given[0] = &name->latin;
      p->n_given = 1;
      return;
    }

  p->given[0] = pick_given_form (gen, list);
  p->n_given = 1;
  if (demo_rng_below (&gen->rng, 100) < c->def->second_given)
    {
      p->given[1] = pick_given_form (gen, list);
      if (p->given[1] != p->given[0])
        p->n_given = 2;
    }
}

void
_tarmac_demo_render_names (const DemoPerson *p,
                           int               surname_form,
                           int               given_form,
                           char             *surname,
                           gsize             surname_size,
                           char             *given,
                           gsize             given_size)
{
  gsize len = 0;

  surname[0] = given[0] = '\0';
  for (guint i = 0; i < p->n_surname; i++)
    {
      if (i > 0)
        append (surname, surname_size, &len, " ");
      append (surname, surname_size, &len, p->surname[i]->s[surname_form]);
    }

  len = 0;
  for (guint i = 0; i < p->n_given; i++)
    {
      if (i > 0)
        append (given, given_size, &len, " ");
      append (given, given_size, &len, p->given[i]->s[given_form]);
    }
}

/* The names as this traveller's record carries them. */
void
_tarmac_demo_render_person (DemoPerson *p)
{
  if (p->arabic_surname != NULL)
    {
      g_strlcpy (p->surname_text, p->arabic_surname, sizeof p->surname_text);
      g_strlcpy (p->given_text, p->arabic_given, sizeof p->given_text);
      return;
    }

  _tarmac_demo_render_names (p, style_surname_form[p->style], style_given_form[p->style],
                             p->surname_text, sizeof p->surname_text,
                             p->given_text, sizeof p->given_text);
}

/* '#' a digit, '@' a letter (no I, O, Q), '*' a letter or digit as in German passport
 * numbers; anything else is literal. */
void
_tarmac_demo_fill_pattern (DemoGen    *gen,
                           const char *pattern,
                           char       *out,
                           gsize       size)
{
  static const char letters[] = "ABCDEFGHJKLMNPRSTUVWXYZ";
  static const char alnum[] = "0123456789CFGHJKLMNPRTVWXYZ";
  gsize len = 0;

  for (const char *p = pattern; *p != '\0' && len + 1 < size; p++)
    {
      switch (*p)
        {
        case '#':
          out[len++] = (char) ('0' + demo_rng_below (&gen->rng, 10));
          break;
        case '@':
          out[len++] = letters[demo_rng_below (&gen->rng, sizeof letters - 1)];
          break;
        case '*':
          out[len++] = alnum[demo_rng_below (&gen->rng, sizeof alnum - 1)];
          break;
        default:
          out[len++] = *p;
          break;
        }
    }
  out[len] = '\0';
}

/* What number_normalised holds: the importers' normalisation, so demo data and imported
 * data compare alike. */
void
_tarmac_demo_normalise_number (const char *number,
                               char       *out,
                               gsize       size)
{
  tarmac_document_number_normalise_into (number, out, size);
}

void
_tarmac_demo_make_phone (DemoGen               *gen,
                         const DemoNationality *nat,
                         char                  *value,
                         gsize                  value_size,
                         char                  *normalised,
                         gsize                  normalised_size)
{
  char national[32];
  gsize len;

  _tarmac_demo_fill_pattern (gen, nat->mobiles.items[demo_rng_below (&gen->rng, nat->mobiles.n)],
                             national, sizeof national);

  len = g_strlcpy (normalised, "+", normalised_size);
  append (normalised, normalised_size, &len, nat->def->dial_code);
  for (const char *p = national; *p != '\0' && len + 1 < normalised_size; p++)
    if (g_ascii_isdigit (*p))
      normalised[len++] = *p;
  normalised[len] = '\0';

  switch (demo_rng_below (&gen->rng, 20))
    {
    case 0:
    case 1:
    case 2:
      /* The international prefix instead of "+", without spaces. */
      g_snprintf (value, value_size, "00%s", normalised + 1);
      break;
    case 3:
    case 4:
      /* The national form, as the traveller wrote it. */
      g_snprintf (value, value_size, "%s%s", nat->trunk_zero ? "0" : "", national);
      break;
    default:
      g_snprintf (value, value_size, "+%s %s", nat->def->dial_code, national);
      break;
    }
}

/* From the Latin spelling of the name, at a domain under the reserved ".example". */
void
_tarmac_demo_make_email (DemoGen               *gen,
                         const DemoPerson      *p,
                         const DemoNationality *nat,
                         char                  *out,
                         gsize                  size)
{
  char given[64], surname[96], g_clean[64], s_clean[96];
  const char *domain = nat->domains.items[demo_rng_below (&gen->rng, nat->domains.n)];
  gsize gl = 0, sl = 0;
  int year, month, day;

  _tarmac_demo_render_names (p, DEMO_FORM_ASCII, DEMO_FORM_ASCII, surname, sizeof surname,
                             given, sizeof given);

  /* The first given name only; letters and digits, in lower case. */
  for (const char *c = given; *c != '\0' && *c != ' ' && gl + 1 < sizeof g_clean; c++)
    if (g_ascii_isalnum (*c))
      g_clean[gl++] = g_ascii_tolower (*c);
  g_clean[gl] = '\0';
  for (const char *c = surname; *c != '\0' && sl + 1 < sizeof s_clean; c++)
    if (g_ascii_isalnum (*c))
      s_clean[sl++] = g_ascii_tolower (*c);
  s_clean[sl] = '\0';

  switch (demo_rng_below (&gen->rng, 5))
    {
    case 0:
      g_snprintf (out, size, "%s.%s@%s", g_clean, s_clean, domain);
      break;
    case 1:
      _tarmac_demo_civil_from_days (p->dob, &year, &month, &day);
      g_snprintf (out, size, "%c%s%02d@%s", g_clean[0], s_clean, year % 100, domain);
      break;
    case 2:
      g_snprintf (out, size, "%s.%s%u@%s", s_clean, g_clean, demo_rng_below (&gen->rng, 100),
                  domain);
      break;
    case 3:
      g_snprintf (out, size, "%s%s@%s", g_clean, s_clean, domain);
      break;
    default:
      g_snprintf (out, size, "%s_%s%d@%s", g_clean, s_clean,
                  demo_rng_range (&gen->rng, 1, 999), domain);
      break;
    }
}

/* An invented card number with a valid Luhn digit: only its last four digits and a keyed
 * hash leave this function, as the store requires of real ones. */
void
_tarmac_demo_make_card (DemoGen *gen,
                        char    *last4,
                        char    *hash,
                        gsize    hash_size)
{
  char number[17];
  int sum = 0;

  number[0] = demo_rng_below (&gen->rng, 3) == 0 ? '5' : '4';
  for (guint i = 1; i < 15; i++)
    number[i] = (char) ('0' + demo_rng_below (&gen->rng, 10));

  for (int i = 14, twice = 1; i >= 0; i--, twice = !twice)
    {
      int d = number[i] - '0';

      if (twice)
        d = d * 2 > 9 ? d * 2 - 9 : d * 2;
      sum += d;
    }
  number[15] = (char) ('0' + (10 - sum % 10) % 10);
  number[16] = '\0';

  memcpy (last4, number + 12, 5);

  g_checksum_reset (gen->card_checksum);
  g_checksum_update (gen->card_checksum, (const guchar *) DEMO_CARD_KEY, -1);
  g_checksum_update (gen->card_checksum, (const guchar *) number, 16);
  g_strlcpy (hash, g_checksum_get_string (gen->card_checksum), hash_size);
}

/* A bijection of a counter on 30 bits (32^6 locators): unique without a lookup, yet
 * random-looking. The alphabet has no 0/O or 1/I. */
void
_tarmac_demo_make_locator (DemoGen *gen,
                           char     out[7])
{
  static const char alphabet[] = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  const guint32 mask = (1u << 30) - 1;
  guint32 x = (gen->locator_serial++ + gen->locator_key) & mask;

  x = (x * 0x2c1b3c6du) & mask;
  x ^= x >> 15;
  x = (x * 0x297a2d39u) & mask;
  x ^= x >> 13;
  x = (x * 0x1b873593u) & mask;
  x ^= x >> 16;

  for (guint i = 0; i < 6; i++)
    {
      out[i] = alphabet[x & 31];
      x >>= 5;
    }
  out[6] = '\0';
}

/* 8-4-4-4-12 hex, shaped like a version 4 UUID but drawn from the seeded PRNG. */
void
_tarmac_demo_make_uuid (DemoGen *gen,
                        char     out[37])
{
  static const char hex[] = "0123456789abcdef";
  guint64 words[2] = { demo_rng_next (&gen->rng), demo_rng_next (&gen->rng) };
  guint k = 0;

  for (guint j = 0; j < 36; j++)
    {
      guint64 nibble;

      if (j == 8 || j == 13 || j == 18 || j == 23)
        {
          out[j] = '-';
          continue;
        }

      nibble = (words[k / 16] >> ((k % 16) * 4)) & 15;
      if (j == 14)
        nibble = 4;
      else if (j == 19)
        nibble = 8 + (nibble & 3);
      out[j] = hex[nibble];
      k++;
    }
  out[36] = '\0';
}

void
_tarmac_demo_make_shared (DemoGen *gen)
{
  static const char * const phone_countries[] = { "BRA", "NGA", "TGO", "GHA", "BRA", "BEN" };
  static const char * const emails[] = {
    "voyages.express.2026@gmail.example", "logistique.afrique@outlook.example",
    "bigboss.trading@yahoo.example", "import.export.lome@proton.example",
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (phone_countries) == G_N_ELEMENTS (gen->shared_phone));
  G_STATIC_ASSERT (G_N_ELEMENTS (emails) == G_N_ELEMENTS (gen->shared_email));

  for (guint i = 0; i < G_N_ELEMENTS (gen->shared_phone); i++)
    _tarmac_demo_make_phone (gen, _tarmac_demo_find_nationality (&gen->tables,
                                                                 phone_countries[i]),
                             gen->shared_phone[i], sizeof gen->shared_phone[i],
                             gen->shared_phone_norm[i], sizeof gen->shared_phone_norm[i]);

  for (guint i = 0; i < G_N_ELEMENTS (gen->shared_email); i++)
    g_strlcpy (gen->shared_email[i], emails[i], sizeof gen->shared_email[i]);

  for (guint i = 0; i < G_N_ELEMENTS (gen->shared_card_hash); i++)
    _tarmac_demo_make_card (gen, gen->shared_card_last4[i], gen->shared_card_hash[i],
                            sizeof gen->shared_card_hash[i]);
}
