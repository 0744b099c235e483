/* tarmac-pnrgov-ssr.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-pnrgov"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "tarmac-pnrgov-private.h"

/*
 * PNRGOV SSR elements: DOCS/DOCO travel documents, DOCA addresses, SEAT, and INFT
 * infants linked to their adults when the PNR is finished; card numbers in free text
 * are masked before anything is kept.
 */

/* Letters and digits only, upper case: for comparing names sent with wrapped spaces. */
static char *
name_key (const char *name)
{
  GString *key = g_string_new (NULL);

  for (const char *c = name != NULL ? name : ""; *c != '\0'; c++)
    if (g_ascii_isalnum (*c) || (guchar) *c >= 0x80)
      g_string_append_c (key, g_ascii_toupper (*c));

  return g_string_free (key, FALSE);
}

static gboolean
same_name (const char *a,
           const char *b)
{
  g_autofree char *ka = name_key (a);
  g_autofree char *kb = name_key (b);

  return ka[0] != '\0' && strcmp (ka, kb) == 0;
}

/* A run of 15 to 19 digits that passes the Luhn check is a card number: all but its
 * last four digits become X, in place. Ticket numbers (13–14 digits) stay. */
char *
_tarmac_pnrgov_scrub_card_numbers (char *text)
{
  char *c = text;

  if (text == NULL)
    return NULL;

  while (*c != '\0')
    {
      gsize n = 0;
      guint sum = 0;

      while (g_ascii_isdigit (c[n]))
        n++;
      if (n >= 15 && n <= 19)
        {
          for (gsize i = 0; i < n; i++)
            {
              guint digit = (guint) (c[n - 1 - i] - '0');

              if (i % 2 == 1)
                digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
              sum += digit;
            }
          if (sum % 10 == 0)
            memset (c, 'X', n - 4);
        }
      c += n > 0 ? n : 1;
    }

  return text;
}

static gint
find_traveller_by_name (TarmacPnrgovPnr *pnr,
                        const char      *surname,
                        gboolean         infant)
{
  for (guint i = 0; i < pnr->travellers->len; i++)
    {
      TarmacPnrgovTraveller *t = g_ptr_array_index (pnr->travellers, i);

      if (t->is_infant == infant && same_name (t->surname, surname))
        return (gint) i;
    }

  return -1;
}

void
_tarmac_pnrgov_link_infants (TarmacPnrgovParser *p,
                             TarmacPnrgovPnr    *pnr)
{
  /* SSR INFT: SURNAME/GIVEN/DDMMMYY on the adult; builds the infant when no TIF has it */
  for (guint i = 0; i < pnr->ssrs->len; i++)
    {
      TarmacPnrgovSsr *ssr = g_ptr_array_index (pnr->ssrs, i);
      TarmacPnrgovTraveller *adult = _tarmac_pnrgov_traveller_at (pnr, ssr->traveller);
      TarmacPnrgovTraveller *infant;
      g_auto(GStrv) parts = NULL;
      gint index;

      if (g_strcmp0 (ssr->code, "INFT") != 0 || ssr->text == NULL)
        continue;

      parts = g_strsplit (ssr->text, "/", -1);
      if (parts[0] == NULL || *g_strstrip (parts[0]) == '\0')
        continue;

      index = find_traveller_by_name (pnr, parts[0], TRUE);
      if (index < 0)
        {
          infant = g_new0 (TarmacPnrgovTraveller, 1);
          infant->surname = g_strdup (parts[0]);
          if (parts[1] != NULL)
            _tarmac_pnrgov_split_title (parts[1], &infant->given_names, &infant->title);
          infant->given_names_raw = g_strdup (parts[1]);
          infant->type = g_strdup ("IN");
          infant->is_infant = TRUE;
          infant->from_ssr = TRUE;
          infant->infant_of = -1;
          infant->infant = -1;
          infant->offset = ssr->offset;
          infant->line = ssr->line;
          g_ptr_array_add (pnr->travellers, infant);
          index = (gint) pnr->travellers->len - 1;
        }
      infant = _tarmac_pnrgov_traveller_at (pnr, index);
      if (infant->date_of_birth == NULL && parts[1] != NULL && parts[2] != NULL)
        {
          gboolean other = FALSE;

          infant->date_of_birth = _tarmac_pnrgov_read_date (g_strstrip (parts[2]), FALSE,
                                                            _tarmac_pnrgov_reference_year (p),
                                                            TARMAC_EDIFACT_PIVOT_PAST, &other);
        }
      if (adult != NULL && !adult->is_infant && infant->infant_of < 0 && adult->infant < 0)
        {
          infant->infant_of = ssr->traveller;
          adult->infant = index;
          adult->with_infant = TRUE;
        }
    }

  /* TIF infants with no INFT: the first adult flagged as travelling with an infant */
  for (guint i = 0; i < pnr->travellers->len; i++)
    {
      TarmacPnrgovTraveller *infant = g_ptr_array_index (pnr->travellers, i);

      if (!infant->is_infant || infant->infant_of >= 0)
        continue;

      for (guint j = 0; j < pnr->travellers->len; j++)
        {
          TarmacPnrgovTraveller *adult = g_ptr_array_index (pnr->travellers, j);

          if (!adult->is_infant && adult->with_infant && adult->infant < 0)
            {
              adult->infant = (gint) i;
              infant->infant_of = (gint) j;
              break;
            }
        }
    }
}

/* A DOCS sent on the adult's reference but naming someone else (the infant's passport)
 * goes to the traveller it names. */
void
_tarmac_pnrgov_assign_documents (TarmacPnrgovPnr *pnr)
{
  for (guint i = 0; i < pnr->documents->len; i++)
    {
      TarmacPnrgovDocument *d = g_ptr_array_index (pnr->documents, i);
      TarmacPnrgovTraveller *t = _tarmac_pnrgov_traveller_at (pnr, d->traveller);
      gboolean infant = d->sex != NULL && strlen (d->sex) == 2 && d->sex[1] == 'I';
      gint named;

      if (d->surname == NULL ||
          (t != NULL && same_name (t->surname, d->surname) && t->is_infant == infant))
        continue;

      named = find_traveller_by_name (pnr, d->surname, infant);
      if (named < 0)
        named = find_traveller_by_name (pnr, d->surname, FALSE);
      if (named >= 0)
        d->traveller = named;
      else if (t == NULL && pnr->travellers->len == 1)
        d->traveller = 0;
    }
}

static TarmacPnrgovDocument *
parse_document (TarmacPnrgovParser *p,
                const char         *code,
                const char         *text)
{
  TarmacPnrgovDocument *d = g_new0 (TarmacPnrgovDocument, 1);
  g_auto(GStrv) f = NULL;
  guint n;
  gboolean other = FALSE;

  /* DOCS and DOCA start with a slash; DOCO starts with the place of birth */
  f = g_strsplit (text[0] == '/' && strcmp (code, "DOCO") != 0 ? text + 1 : text, "/", -1);
  n = g_strv_length (f);
  for (guint i = 0; i < n; i++)
    {
      char *value = _tarmac_edifact_strip_or_null (f[i]);

      f[i] = value != NULL ? value : g_strdup ("");
    }
#define FIELD(i) ((i) < n && f[i][0] != '\0' ? g_strdup (f[i]) : NULL)

  d->code = g_strdup (code);
  if (strcmp (code, "DOCS") == 0)
    {
      d->type = FIELD (0);
      d->issuing_state = FIELD (1);
      d->number = FIELD (2);
      d->nationality = FIELD (3);
      d->date_of_birth_raw = FIELD (4);
      d->sex = FIELD (5);
      d->expiry_raw = FIELD (6);
      d->surname = FIELD (7);
      if (n > 8)
        {
          GString *given = g_string_new (NULL);

          for (guint i = 8; i < n; i++)
            {
              if (i == n - 1 && i > 8 && strcmp (f[i], "H") == 0)
                {
                  d->is_holder = TRUE;
                  break;
                }
              if (f[i][0] == '\0')
                continue;
              if (given->len > 0)
                g_string_append_c (given, ' ');
              g_string_append (given, f[i]);
            }
          d->given_names = _tarmac_edifact_strip_or_null (g_string_free (given, FALSE));
        }
    }
  else
    {
      d->place_of_birth = FIELD (0);
      d->type = FIELD (1);
      d->number = FIELD (2);
      d->place_of_issue = FIELD (3);
      d->issue_date_raw = FIELD (4);
      d->applicable_state = FIELD (5);
    }
#undef FIELD

  if (d->date_of_birth_raw != NULL)
    {
      d->date_of_birth = _tarmac_pnrgov_read_date (d->date_of_birth_raw, TRUE,
                                                   _tarmac_pnrgov_reference_year (p),
                                                   TARMAC_EDIFACT_PIVOT_PAST, &other);
      if (d->date_of_birth == NULL)
        _tarmac_pnrgov_add_warning (p, TARMAC_PNRGOV_WARNING_BAD_DATE,
                                    _("Unreadable birth date “%s” in SSR %s"),
                                    d->date_of_birth_raw, code);
    }
  if (d->expiry_raw != NULL)
    {
      d->expiry = _tarmac_pnrgov_read_date (d->expiry_raw, TRUE, _tarmac_pnrgov_reference_year (p),
                                            TARMAC_EDIFACT_PIVOT_FUTURE, &other);
      if (d->expiry == NULL)
        _tarmac_pnrgov_add_warning (p, TARMAC_PNRGOV_WARNING_BAD_DATE,
                                    _("Unreadable expiry date “%s” in SSR %s"),
                                    d->expiry_raw, code);
    }
  if (d->issue_date_raw != NULL)
    {
      d->issue_date = _tarmac_pnrgov_read_date (d->issue_date_raw, TRUE,
                                                _tarmac_pnrgov_reference_year (p),
                                                TARMAC_EDIFACT_PIVOT_PAST, &other);
      if (d->issue_date == NULL)
        _tarmac_pnrgov_add_warning (p, TARMAC_PNRGOV_WARNING_BAD_DATE,
                                    _("Unreadable issue date “%s” in SSR %s"),
                                    d->issue_date_raw, code);
    }

  return d;
}

static void
handle_doca (TarmacPnrgovParser *p,
             const char         *text)
{
  g_auto(GStrv) f = g_strsplit (text[0] == '/' ? text + 1 : text, "/", -1);
  guint n = g_strv_length (f);
  TarmacPnrgovContact *c;
  const char *parts[6];

  for (guint i = 0; i < n; i++)
    f[i] = _tarmac_edifact_strip_or_null (f[i]);
  /* f[0] is R (residence) or D (destination); then country, street, city, state, postcode */
  for (guint i = 0; i < 5; i++)
    parts[i] = i + 1 < n ? f[i + 1] : NULL;
  {
    const char *ordered[] = { parts[1], parts[2], parts[3], parts[4], parts[0],
                              (const char *) -1 };

    c = _tarmac_pnrgov_add_contact (p, TARMAC_PNRGOV_CONTACT_ADDRESS, "DOCA",
                                    _tarmac_pnrgov_join_address (ordered));
  }
  c->country = g_strdup (parts[0]);
  c->street = g_strdup (parts[1]);
  c->city = g_strdup (parts[2]);
  c->state = g_strdup (parts[3]);
  c->postcode = g_strdup (parts[4]);
  for (guint i = 0; i < n; i++)
    g_free (f[i]);
  f[0] = NULL;
}

static gint
segment_for_points (TarmacPnrgovPnr *pnr,
                    const char      *board,
                    const char      *off)
{
  for (guint i = 0; board != NULL && i < pnr->segments->len; i++)
    {
      TarmacPnrgovSegment *s = g_ptr_array_index (pnr->segments, i);

      if (g_strcmp0 (s->origin, board) == 0 && g_strcmp0 (s->destination, off) == 0)
        return (gint) i;
    }
  return -1;
}

void
_tarmac_pnrgov_add_seat (TarmacPnrgovParser *p,
                         const char         *seat,
                         const char         *source,
                         gint                traveller,
                         gint                segment)
{
  TarmacPnrgovSeat *s = g_new0 (TarmacPnrgovSeat, 1);

  s->seat = g_strdup (seat);
  s->source = g_strdup (source);
  s->traveller = traveller;
  s->segment = segment;
  g_ptr_array_add (p->pnr->seats, s);
}

void
_tarmac_pnrgov_handle_ssr (TarmacPnrgovParser *p)
{
  TarmacEdifactSegment *segment = p->segment;
  TarmacPnrgovPnr *pnr = p->pnr;
  TarmacPnrgovSsr *ssr = g_new0 (TarmacPnrgovSsr, 1);

  ssr->code = _tarmac_edifact_dup_code (segment, 0, 0);
  ssr->status = _tarmac_edifact_dup_code (segment, 0, 1);
  ssr->quantity = _tarmac_edifact_dup_code (segment, 0, 2);
  ssr->carrier = _tarmac_edifact_dup_code (segment, 0, 3);
  ssr->board_point = _tarmac_edifact_dup_code (segment, 0, 6);
  ssr->off_point = _tarmac_edifact_dup_code (segment, 0, 7);
  ssr->text = _tarmac_pnrgov_scrub_card_numbers (_tarmac_edifact_dup_code (segment, 0, 8));
  ssr->offset = segment->offset;
  ssr->line = segment->line;
  if (ssr->code == NULL)
    ssr->code = g_strdup ("");

  if (strcmp (ssr->code, "SEAT") == 0)
    {
      gint seg = p->itinerary >= 0 ? p->itinerary
                                   : segment_for_points (pnr, ssr->board_point, ssr->off_point);
      GString *seats = g_string_new (NULL);

      ssr->traveller = -1;
      for (guint i = 1; i < segment->n_elements; i++)
        {
          g_autofree char *seat = _tarmac_edifact_dup_code (segment, i, 0);
          g_autofree char *reference = _tarmac_edifact_dup_code (segment, i, 2);
          gint traveller = reference != NULL ? _tarmac_pnrgov_find_traveller (pnr, reference)
                                             : p->traveller;

          if (seat == NULL)
            continue;
          _tarmac_pnrgov_add_seat (p, seat, "SSR", traveller, seg);
          if (seats->len > 0)
            g_string_append_c (seats, ' ');
          g_string_append (seats, seat);
        }
      if (ssr->text == NULL && seats->len > 0)
        ssr->text = g_string_free (seats, FALSE);
      else
        g_string_free (seats, TRUE);
      g_ptr_array_add (pnr->ssrs, ssr);
      return;
    }

  ssr->traveller_reference = _tarmac_edifact_dup_code (segment, 1, 2);
  ssr->traveller = ssr->traveller_reference != NULL
                   ? _tarmac_pnrgov_find_traveller (pnr, ssr->traveller_reference)
                   : p->traveller;
  _tarmac_pnrgov_add_ssr (p, ssr);
}

/* Adds @ssr (taken) to the PNR; the free text of DOCS and DOCO becomes a document, that of
 * DOCA an address, both of @ssr's traveller. Shared with the XML parser. */
void
_tarmac_pnrgov_add_ssr (TarmacPnrgovParser *p,
                        TarmacPnrgovSsr    *ssr)
{
  g_ptr_array_add (p->pnr->ssrs, ssr);

  if (ssr->text == NULL)
    return;

  if (strcmp (ssr->code, "DOCS") == 0 || strcmp (ssr->code, "DOCO") == 0)
    {
      TarmacPnrgovDocument *d = parse_document (p, ssr->code, ssr->text);

      d->traveller = ssr->traveller;
      d->offset = ssr->offset;
      d->line = ssr->line;
      g_ptr_array_add (p->pnr->documents, d);
    }
  else if (strcmp (ssr->code, "DOCA") == 0)
    {
      gint current = p->traveller;

      p->traveller = ssr->traveller;
      handle_doca (p, ssr->text);
      p->traveller = current;
    }
}
