/* tarmac-pnrgov.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-pnrgov"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "tarmac-edifact-fields-private.h"
#include "tarmac-pnrgov-private.h"

/*
 * PNRGOV EDIFACT (research/formats.md §3), versions 10.1 to 15.1 and later, from the
 * EDIFACT tokenizer's segments into plain structs; nothing here touches the database.
 *
 * Segments are routed by tag and qualifier rather than by the IG's strict group
 * positions, which senders do not all follow. Before the first SRC a segment belongs to
 * the message (MSG, ORG, TVL, EQN, DAT); SRC opens a PNR. Inside a PNR a TIF makes its
 * traveller current (FTI, REF, SSR, TKT, FOP, ADD that follow are theirs); a TVL opens an
 * itinerary segment (RPI, APD, SSR SEAT, DAT+2 and the DCS data TRI/TIF/SSD/TBD that
 * follow are about it; a TIF there names an existing traveller rather than a new one);
 * ABI, SAC or an inner MSG/EQN start the history part, kept as text items. Everything
 * unexpected is a warning with its position (§7.2); only input with no PNRGOV message at
 * all is an error.
 *
 * Dates in TVL, RCI and DAT are DDMMYY (read as YYMMDD with a warning when that is the
 * only valid reading), CCYYMMDD is accepted, SSR free text uses DDMMMYY. Two-digit years
 * are 20YY for bookings and flights; birth dates lean to the past and expiry dates to
 * the future of the push year, as in the PAXLST parser.
 *
 * Card numbers are never stored: FOP keeps the last four digits and an HMAC-SHA256 of
 * the digits under the caller's key, and warnings never quote FOP values.
 */

G_DEFINE_QUARK (tarmac-pnrgov-error-quark, tarmac_pnrgov_error)

/* Freeing */

static void
date_free (gpointer data)
{
  TarmacPnrgovDate *date = data;

  if (date == NULL)
    return;

  g_free (date->qualifier);
  g_free (date->value);
  g_free (date->raw);
  g_free (date);
}

static void
agency_free (TarmacPnrgovAgency *agency)
{
  if (agency == NULL)
    return;

  g_free (agency->system);
  g_free (agency->system_city);
  g_free (agency->iata_number);
  g_free (agency->office_id);
  g_free (agency->location);
  g_free (agency->originator_type);
  g_free (agency->country);
  g_free (agency->currency);
  g_free (agency->agent);
  g_free (agency);
}

static void
traveller_free (gpointer data)
{
  TarmacPnrgovTraveller *t = data;

  g_free (t->surname);
  g_free (t->given_names);
  g_free (t->given_names_raw);
  g_free (t->title);
  g_free (t->type);
  g_free (t->reference);
  g_free (t->unique_id);
  g_free (t->frequent_flyer);
  g_free (t->date_of_birth);
  g_free (t);
}

static void
segment_free (gpointer data)
{
  TarmacPnrgovSegment *s = data;

  if (s == NULL)
    return;

  g_free (s->carrier);
  g_free (s->operating_carrier);
  g_free (s->flight_number);
  g_free (s->booking_class);
  g_free (s->origin);
  g_free (s->destination);
  g_free (s->departure);
  g_free (s->arrival);
  g_free (s->departure_raw);
  g_free (s->status);
  g_free (s->aircraft);
  g_free (s->check_in);
  g_free (s);
}

static void
ssr_free (gpointer data)
{
  TarmacPnrgovSsr *ssr = data;

  g_free (ssr->code);
  g_free (ssr->status);
  g_free (ssr->quantity);
  g_free (ssr->carrier);
  g_free (ssr->board_point);
  g_free (ssr->off_point);
  g_free (ssr->text);
  g_free (ssr->traveller_reference);
  g_free (ssr);
}

static void
document_free (gpointer data)
{
  TarmacPnrgovDocument *d = data;

  g_free (d->code);
  g_free (d->type);
  g_free (d->number);
  g_free (d->issuing_state);
  g_free (d->nationality);
  g_free (d->date_of_birth);
  g_free (d->date_of_birth_raw);
  g_free (d->sex);
  g_free (d->expiry);
  g_free (d->expiry_raw);
  g_free (d->surname);
  g_free (d->given_names);
  g_free (d->place_of_birth);
  g_free (d->place_of_issue);
  g_free (d->issue_date);
  g_free (d->issue_date_raw);
  g_free (d->applicable_state);
  g_free (d);
}

static void
contact_free (gpointer data)
{
  TarmacPnrgovContact *c = data;

  g_free (c->source);
  g_free (c->value);
  g_free (c->street);
  g_free (c->city);
  g_free (c->state);
  g_free (c->country);
  g_free (c->postcode);
  g_free (c);
}

static void
payment_free (gpointer data)
{
  TarmacPnrgovPayment *pay = data;

  g_free (pay->type);
  g_free (pay->amount);
  g_free (pay->card_vendor);
  g_free (pay->card_last_four);
  g_free (pay->card_hash);
  g_free (pay->card_expiry);
  g_free (pay->reference);
  g_free (pay->holder);
  g_free (pay);
}

static void
ticket_free (gpointer data)
{
  TarmacPnrgovTicket *t = data;

  g_free (t->number);
  g_free (t->type);
  g_free (t->coupons);
  g_free (t->total);
  g_free (t->currency);
  g_free (t->issued);
  g_free (t);
}

static void
bags_free (gpointer data)
{
  TarmacPnrgovBags *b = data;

  g_free (b->weight_unit);
  g_free (b->amount);
  g_free (b->currency);
  g_clear_pointer (&b->tags, g_ptr_array_unref);
  g_free (b);
}

static void
seat_free (gpointer data)
{
  TarmacPnrgovSeat *s = data;

  g_free (s->seat);
  g_free (s->source);
  g_free (s);
}

static void
history_free (gpointer data)
{
  TarmacPnrgovHistory *h = data;

  g_free (h->action);
  g_free (h->tag);
  g_free (h->text);
  g_free (h);
}

static void
pnr_free (gpointer data)
{
  TarmacPnrgovPnr *pnr = data;

  g_free (pnr->record_locator);
  g_free (pnr->carrier);
  g_free (pnr->created_at);
  g_free (pnr->modified_at);
  g_clear_pointer (&pnr->other_locators, g_ptr_array_unref);
  g_clear_pointer (&pnr->dates, g_ptr_array_unref);
  g_clear_pointer (&pnr->agency, agency_free);
  g_clear_pointer (&pnr->travellers, g_ptr_array_unref);
  g_clear_pointer (&pnr->segments, g_ptr_array_unref);
  g_clear_pointer (&pnr->contacts, g_ptr_array_unref);
  g_clear_pointer (&pnr->payments, g_ptr_array_unref);
  g_clear_pointer (&pnr->tickets, g_ptr_array_unref);
  g_clear_pointer (&pnr->bags, g_ptr_array_unref);
  g_clear_pointer (&pnr->seats, g_ptr_array_unref);
  g_clear_pointer (&pnr->ssrs, g_ptr_array_unref);
  g_clear_pointer (&pnr->documents, g_ptr_array_unref);
  g_clear_pointer (&pnr->remarks, g_ptr_array_unref);
  g_clear_pointer (&pnr->history, g_ptr_array_unref);
  g_free (pnr);
}

/* Warnings */

void
_tarmac_pnrgov_add_warning (TarmacPnrgovParser      *p,
                            TarmacPnrgovWarningCode  code,
                            const char              *format,
                            ...)
{
  TarmacPnrgovWarning *warning;
  va_list args;

  if (p->warnings->len >= TARMAC_EDIFACT_MAX_WARNINGS)
    return;

  warning = g_new0 (TarmacPnrgovWarning, 1);
  warning->code = code;
  warning->offset = p->segment->offset;
  warning->line = p->segment->line;
  warning->segment_index = p->segment->index;
  va_start (args, format);
  warning->message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (p->warnings, warning);
}

static void
drain_reader_warnings (TarmacPnrgovParser *p)
{
  guint n = tarmac_edifact_reader_get_n_warnings (p->reader);

  for (; p->n_reader_warnings < n; p->n_reader_warnings++)
    {
      const TarmacEdifactWarning *from;
      TarmacPnrgovWarning *warning;

      from = tarmac_edifact_reader_get_warning (p->reader, p->n_reader_warnings);
      warning = g_new0 (TarmacPnrgovWarning, 1);
      warning->code = TARMAC_PNRGOV_WARNING_SYNTAX;
      warning->edifact_code = from->code;
      warning->message = g_strdup (from->message);
      warning->offset = from->offset;
      warning->line = from->line;
      warning->segment_index = from->segment_index;
      g_ptr_array_add (p->warnings, warning);
    }
}

/* Lookups */

gint
_tarmac_pnrgov_find_traveller (TarmacPnrgovPnr *pnr,
                               const char      *reference)
{
  if (reference == NULL)
    return -1;

  for (guint i = 0; i < pnr->travellers->len; i++)
    {
      TarmacPnrgovTraveller *t = g_ptr_array_index (pnr->travellers, i);

      if (g_strcmp0 (t->reference, reference) == 0)
        return (gint) i;
    }

  return -1;
}

TarmacPnrgovTraveller *
_tarmac_pnrgov_traveller_at (TarmacPnrgovPnr *pnr,
                             gint             index)
{
  if (index < 0 || (guint) index >= pnr->travellers->len)
    return NULL;
  return g_ptr_array_index (pnr->travellers, index);
}

/* Titles sent after given names, spaced ("ISABELLE MRS") or glued on ("JOHNMR"). Only
 * the unambiguous ones are taken off a glued name: "WILLIAMS" and "ALEXANDR" stay. */
void
_tarmac_pnrgov_split_title (const char  *raw,
                            char       **given,
                            char       **title)
{
  static const char *spaced[] = { "MR", "MRS", "MS", "MSTR", "MISS", "DR", "CHD", "INF",
                                  "MISTER", "PROF", "REV", NULL };
  static const char *glued[] = { "MRS", "MSTR", "MISS", "MR", NULL };
  g_autofree char *copy = g_strstrip (g_strdup (raw));
  char *space = strrchr (copy, ' ');
  gsize length = strlen (copy);

  *title = NULL;
  if (space != NULL && g_strv_contains (spaced, space + 1))
    {
      *title = g_strdup (space + 1);
      *space = '\0';
      *given = g_strstrip (g_steal_pointer (&copy));
      return;
    }

  for (guint i = 0; glued[i] != NULL; i++)
    {
      gsize n = strlen (glued[i]);

      if (length >= n + 2 && strcmp (copy + length - n, glued[i]) == 0 &&
          copy[length - n - 1] != ' ')
        {
          *title = g_strdup (glued[i]);
          copy[length - n] = '\0';
          break;
        }
    }

  *given = g_steal_pointer (&copy);
}

/* Message level */

static void
parse_tvl (TarmacPnrgovParser  *p,
           TarmacPnrgovSegment *s)
{
  TarmacEdifactSegment *segment = p->segment;
  g_autofree char *dep_date = _tarmac_edifact_dup_code (segment, 0, 0);
  g_autofree char *dep_time = _tarmac_edifact_dup_code (segment, 0, 1);
  g_autofree char *arr_date = _tarmac_edifact_dup_code (segment, 0, 2);
  g_autofree char *arr_time = _tarmac_edifact_dup_code (segment, 0, 3);

  /* TVL+280918:1220:1505: an arrival time with no arrival date */
  if (arr_date != NULL && arr_time == NULL && strlen (arr_date) == 4)
    arr_time = g_steal_pointer (&arr_date);
  if (arr_date == NULL && arr_time != NULL)
    arr_date = g_strdup (dep_date);

  s->departure_raw = dep_date != NULL ? g_strconcat (dep_date, dep_time != NULL ? ":" : "",
                                                     dep_time, NULL) : NULL;
  s->departure = _tarmac_pnrgov_parse_date_time (p, dep_date, dep_time, TRUE,
                                                 TARMAC_EDIFACT_PIVOT_FLIGHT);
  s->arrival = _tarmac_pnrgov_parse_date_time (p, arr_date, arr_time, TRUE,
                                               TARMAC_EDIFACT_PIVOT_FLIGHT);
  s->origin = _tarmac_edifact_dup_code (segment, 1, 0);
  s->destination = _tarmac_edifact_dup_code (segment, 2, 0);
  s->carrier = _tarmac_edifact_dup_code (segment, 3, 0);
  s->operating_carrier = _tarmac_edifact_dup_code (segment, 3, 1);
  s->flight_number = _tarmac_edifact_dup_code (segment, 4, 0);
  s->booking_class = _tarmac_edifact_dup_code (segment, 4, 1);
  s->number_in_party = -1;
  s->offset = segment->offset;
  s->line = segment->line;
}

static void
add_dates (TarmacPnrgovParser *p,
           GPtrArray          *dates)
{
  TarmacEdifactSegment *segment = p->segment;

  for (guint i = 0; i < segment->n_elements; i++)
    {
      g_autofree char *qualifier = _tarmac_edifact_dup_code (segment, i, 0);
      g_autofree char *date = _tarmac_edifact_dup_code (segment, i, 1);
      g_autofree char *time = _tarmac_edifact_dup_code (segment, i, 2);
      TarmacPnrgovDate *d;

      if (qualifier == NULL && date == NULL)
        continue;

      d = g_new0 (TarmacPnrgovDate, 1);
      d->qualifier = g_strdup (qualifier != NULL ? qualifier : "");
      d->raw = date != NULL ? g_strconcat (date, time != NULL ? ":" : "", time, NULL) : NULL;
      d->value = _tarmac_pnrgov_parse_date_time (p, date, time, TRUE, TARMAC_EDIFACT_PIVOT_FLIGHT);
      g_ptr_array_add (dates, d);
    }
}

static const char *
date_value (GPtrArray  *dates,
            guint       from,
            const char *qualifier)
{
  const char *value = NULL;

  for (guint i = from; i < dates->len; i++)
    {
      TarmacPnrgovDate *d = g_ptr_array_index (dates, i);

      if (strcmp (d->qualifier, qualifier) == 0 && d->value != NULL)
        value = d->value;
    }

  return value;
}

static void
start_message (TarmacPnrgovParser *p)
{
  TarmacEdifactSegment *segment = p->segment;
  TarmacPnrgovMessage *message;
  g_autofree char *type = _tarmac_edifact_dup_code (segment, 1, 0);
  g_autofree char *directory = _tarmac_edifact_dup_code (segment, 1, 1);
  g_autofree char *release = _tarmac_edifact_dup_code (segment, 1, 2);
  g_autofree char *part = _tarmac_edifact_dup_code (segment, 3, 0);
  g_autofree char *flag = _tarmac_edifact_dup_code (segment, 3, 1);

  p->message = NULL;
  p->pnr = NULL;
  p->skipping = FALSE;

  if (g_strcmp0 (type, "PNRGOV") != 0)
    {
      _tarmac_pnrgov_add_warning (p, TARMAC_PNRGOV_WARNING_OTHER_MESSAGE,
                                  _("Message of type “%s” is not a PNRGOV; skipped"),
                                  type != NULL ? type : "");
      p->skipping = TRUE;
      return;
    }

  message = _tarmac_pnrgov_message_new (segment->offset, segment->line);
  message->reference = _tarmac_edifact_dup_code (segment, 0, 0);
  if (directory != NULL)
    message->version = g_strdup_printf ("%s.%s", directory, release != NULL ? release : "1");
  message->common_access_reference = _tarmac_edifact_dup_code (segment, 2, 0);
  if (part != NULL)
    {
      guint64 number = 0;

      if (g_ascii_string_to_unsigned (part, 10, 1, G_MAXUINT, &number, NULL))
        message->part_number = (guint) number;
      else
        _tarmac_pnrgov_add_warning (p, TARMAC_PNRGOV_WARNING_BAD_NUMBER,
                                    _("Part number “%s” is not a number"), part);
      message->is_last_part = g_strcmp0 (flag, "F") == 0;
    }
  message->sender = g_strdup (p->sender);
  message->recipient = g_strdup (p->recipient);

  g_ptr_array_add (p->messages, message);
  p->message = message;
}

/* PNR level */

static void
finish_pnr (TarmacPnrgovParser *p)
{
  TarmacPnrgovPnr *pnr = p->pnr;

  if (pnr == NULL)
    return;

  _tarmac_pnrgov_link_infants (p, pnr);
  _tarmac_pnrgov_assign_documents (pnr);

  if (pnr->record_locator == NULL)
    {
      TarmacPnrgovWarning *warning = g_new0 (TarmacPnrgovWarning, 1);

      warning->code = TARMAC_PNRGOV_WARNING_MISSING_LOCATOR;
      warning->message = g_strdup_printf (_("PNR %u has no record locator (RCI)"),
                                          p->pnr_index + 1);
      warning->offset = pnr->offset;
      warning->line = pnr->line;
      g_ptr_array_add (p->warnings, warning);
    }

  p->pnr = NULL;
}

/* A PNR with its empty lists, each owning its items (shared with the XML parser). */
TarmacPnrgovPnr *
_tarmac_pnrgov_pnr_new (gsize offset,
                        guint line)
{
  TarmacPnrgovPnr *pnr = g_new0 (TarmacPnrgovPnr, 1);

  pnr->other_locators = g_ptr_array_new_with_free_func (g_free);
  pnr->dates = g_ptr_array_new_with_free_func (date_free);
  pnr->travellers = g_ptr_array_new_with_free_func (traveller_free);
  pnr->segments = g_ptr_array_new_with_free_func (segment_free);
  pnr->contacts = g_ptr_array_new_with_free_func (contact_free);
  pnr->payments = g_ptr_array_new_with_free_func (payment_free);
  pnr->tickets = g_ptr_array_new_with_free_func (ticket_free);
  pnr->bags = g_ptr_array_new_with_free_func (bags_free);
  pnr->seats = g_ptr_array_new_with_free_func (seat_free);
  pnr->ssrs = g_ptr_array_new_with_free_func (ssr_free);
  pnr->documents = g_ptr_array_new_with_free_func (document_free);
  pnr->remarks = g_ptr_array_new_with_free_func (g_free);
  pnr->history = g_ptr_array_new_with_free_func (history_free);
  pnr->offset = offset;
  pnr->line = line;

  return pnr;
}

/* A message with no PNR yet: a single, last part, no announced PNR count. */
TarmacPnrgovMessage *
_tarmac_pnrgov_message_new (gsize offset,
                            guint line)
{
  TarmacPnrgovMessage *message = g_new0 (TarmacPnrgovMessage, 1);

  message->is_last_part = TRUE;
  message->dates = g_ptr_array_new_with_free_func (date_free);
  message->announced_pnrs = -1;
  message->pnrs = g_ptr_array_new_with_free_func (pnr_free);
  message->offset = offset;
  message->line = line;

  return message;
}

void
_tarmac_pnrgov_segment_free (TarmacPnrgovSegment *segment)
{
  segment_free (segment);
}

static void
start_pnr (TarmacPnrgovParser *p)
{
  TarmacPnrgovPnr *pnr = _tarmac_pnrgov_pnr_new (p->segment->offset, p->segment->line);

  p->pnr_index = p->message->pnrs->len;
  g_ptr_array_add (p->message->pnrs, pnr);
  p->pnr = pnr;
  p->traveller = -1;
  p->itinerary = -1;
  p->ticket = NULL;
  p->payment = NULL;
  p->in_history = FALSE;
  g_clear_pointer (&p->history_action, g_free);
}

static void
handle_rci (TarmacPnrgovParser *p)
{
  TarmacEdifactSegment *segment = p->segment;
  TarmacPnrgovPnr *pnr = p->pnr;

  for (guint i = 0; i < segment->n_elements; i++)
    {
      g_autofree char *carrier = _tarmac_edifact_dup_code (segment, i, 0);
      g_autofree char *locator = _tarmac_edifact_dup_code (segment, i, 1);
      g_autofree char *date = _tarmac_edifact_dup_code (segment, i, 3);
      g_autofree char *time = _tarmac_edifact_dup_code (segment, i, 4);

      if (locator == NULL)
        continue;

      /* RCI+UA:157313:140818:1220 (no reservation control type) occurs as well */
      {
        g_autofree char *third = _tarmac_edifact_dup_code (segment, i, 2);

        if (third != NULL && (strlen (third) == 6 || strlen (third) == 8) &&
            _tarmac_edifact_all_digits (third, strlen (third)) && date != NULL && time == NULL)
          {
            time = g_steal_pointer (&date);
            date = g_steal_pointer (&third);
          }
      }

      if (pnr->record_locator == NULL)
        {
          pnr->record_locator = g_steal_pointer (&locator);
          pnr->carrier = g_steal_pointer (&carrier);
          pnr->created_at = _tarmac_pnrgov_parse_date_time (p, date, time, TRUE,
                                                            TARMAC_EDIFACT_PIVOT_FLIGHT);
        }
      else if (g_strcmp0 (locator, pnr->record_locator) != 0 ||
               g_strcmp0 (carrier, pnr->carrier) != 0)
        {
          char *other = g_strdup_printf ("%s:%s", carrier != NULL ? carrier : "", locator);

          if (!g_ptr_array_find_with_equal_func (pnr->other_locators, other, g_str_equal, NULL))
            g_ptr_array_add (pnr->other_locators, other);
          else
            g_free (other);
        }
    }
}

static void
handle_pnr_dat (TarmacPnrgovParser *p)
{
  TarmacPnrgovPnr *pnr = p->pnr;
  g_autoptr(GPtrArray) dates = g_ptr_array_new_with_free_func (date_free);

  add_dates (p, dates);
  for (guint i = 0; i < dates->len; i++)
    {
      TarmacPnrgovDate *d = g_ptr_array_index (dates, i);
      TarmacPnrgovSegment *s = p->itinerary >= 0 ? g_ptr_array_index (pnr->segments, p->itinerary)
                                                 : NULL;

      if (s != NULL && strcmp (d->qualifier, "2") == 0)
        _tarmac_edifact_set_string (&s->check_in, g_strdup (d->value));
      else if (p->ticket != NULL && strcmp (d->qualifier, "710") == 0)
        _tarmac_edifact_set_string (&p->ticket->issued, g_strdup (d->value));
      else
        {
          if (strcmp (d->qualifier, "700") == 0 && d->value != NULL)
            _tarmac_edifact_set_string (&pnr->modified_at, g_strdup (d->value));
          g_ptr_array_add (pnr->dates, g_steal_pointer (&dates->pdata[i]));
        }
    }
}

static TarmacPnrgovAgency *
parse_org (TarmacEdifactSegment *segment)
{
  TarmacPnrgovAgency *agency = g_new0 (TarmacPnrgovAgency, 1);

  agency->system = _tarmac_edifact_dup_code (segment, 0, 0);
  agency->system_city = _tarmac_edifact_dup_code (segment, 0, 1);
  agency->iata_number = _tarmac_edifact_dup_code (segment, 1, 0);
  agency->office_id = _tarmac_edifact_dup_code (segment, 1, 1);
  agency->location = _tarmac_edifact_dup_code (segment, 2, 0);
  agency->originator_type = _tarmac_edifact_dup_code (segment, 4, 0);
  agency->country = _tarmac_edifact_dup_code (segment, 5, 0);
  agency->currency = _tarmac_edifact_dup_code (segment, 5, 1);
  agency->agent = _tarmac_edifact_dup_code (segment, 6, 0);

  return agency;
}

TarmacPnrgovContact *
_tarmac_pnrgov_add_contact (TarmacPnrgovParser      *p,
                            TarmacPnrgovContactKind  kind,
                            const char              *source,
                            char                    *value)
{
  TarmacPnrgovContact *c = g_new0 (TarmacPnrgovContact, 1);

  c->kind = kind;
  c->source = g_strdup (source);
  c->value = value;
  c->traveller = p->traveller;
  g_ptr_array_add (p->pnr->contacts, c);

  return c;
}

char *
_tarmac_pnrgov_join_address (const char * const *parts)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; parts[i] != (const char *) -1; i++)
    {
      if (parts[i] == NULL)
        continue;
      if (out->len > 0)
        g_string_append (out, ", ");
      g_string_append (out, parts[i]);
    }

  return g_string_free (out, FALSE);
}

static gboolean
looks_like_phone (const char *text)
{
  guint n_digits = 0;

  for (const char *c = text; *c != '\0'; c++)
    {
      if (g_ascii_isdigit (*c))
        n_digits++;
      else if (strchr (" +-()/.", *c) == NULL)
        return FALSE;
    }

  return n_digits >= 6;
}

static void
handle_add (TarmacPnrgovParser *p)
{
  TarmacEdifactSegment *segment = p->segment;
  g_autofree char *type = _tarmac_edifact_dup_code (segment, 1, 0);
  g_autofree char *phone = _tarmac_edifact_dup_code (segment, 1, 7);
  g_autofree char *street = _tarmac_edifact_dup_code (segment, 1, 1);
  g_autofree char *city = _tarmac_edifact_dup_code (segment, 1, 2);
  g_autofree char *state = _tarmac_edifact_dup_code (segment, 1, 3);
  g_autofree char *country = _tarmac_edifact_dup_code (segment, 1, 5);
  g_autofree char *postcode = _tarmac_edifact_dup_code (segment, 1, 6);

  /* ADD++702:…:GB::SL1AA: the postcode one place later, with no phone */
  if (phone != NULL && postcode == NULL && !looks_like_phone (phone))
    postcode = g_steal_pointer (&phone);

  if (street != NULL || city != NULL || country != NULL || postcode != NULL)
    {
      const char *parts[] = { street, city, state, postcode, country, (const char *) -1 };
      TarmacPnrgovContact *c = _tarmac_pnrgov_add_contact (p, TARMAC_PNRGOV_CONTACT_ADDRESS, "ADD",
                                                           _tarmac_pnrgov_join_address (parts));

      c->street = g_steal_pointer (&street);
      c->city = g_steal_pointer (&city);
      c->state = g_steal_pointer (&state);
      c->country = g_steal_pointer (&country);
      c->postcode = g_steal_pointer (&postcode);
    }
  if (phone != NULL)
    _tarmac_pnrgov_add_contact (p, TARMAC_PNRGOV_CONTACT_PHONE, "ADD", g_steal_pointer (&phone));
  (void) type;
}

static char *
joined_elements (TarmacEdifactSegment *segment,
                 guint                 from)
{
  GString *out = g_string_new (NULL);

  for (guint i = from; i < segment->n_elements; i++)
    {
      g_autofree char *text = _tarmac_edifact_dup_code (segment, i, 0);

      if (text == NULL)
        continue;
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, text);
    }

  return _tarmac_edifact_strip_or_null (g_string_free (out, FALSE));
}

static char *
osi_email (const char *text)
{
  g_autofree char *copy = g_strdup (text);
  char *slashes = strstr (copy, "//");
  GString *out;

  if (slashes == NULL)
    return g_steal_pointer (&copy);

  out = g_string_new_len (copy, slashes - copy);
  g_string_append_c (out, '@');
  g_string_append (out, slashes + 2);
  return g_string_free (out, FALSE);
}

/* Free text (IFT, or an XML remark): an OSI contact element (CTCE e-mail, CTCM mobile,
 * CTCH home, CTCB business, …) becomes a contact of the current traveller, anything else
 * a remark with card numbers masked. Takes @text. */
void
_tarmac_pnrgov_add_free_text (TarmacPnrgovParser *p,
                              char               *text)
{
  if (strlen (text) > 5 && g_str_has_prefix (text, "CTC") && g_ascii_isalpha (text[3]) &&
      text[4] == ' ')
    {
      g_autofree char *source = g_strndup (text, 4);
      g_autofree char *value = g_strstrip (g_strdup (text + 5));

      g_free (text);
      if (source[3] == 'E')
        _tarmac_pnrgov_add_contact (p, TARMAC_PNRGOV_CONTACT_EMAIL, source, osi_email (value));
      else
        _tarmac_pnrgov_add_contact (p, TARMAC_PNRGOV_CONTACT_PHONE, source,
                                    g_steal_pointer (&value));
      return;
    }

  g_ptr_array_add (p->pnr->remarks, _tarmac_pnrgov_scrub_card_numbers (text));
}

static void
handle_ift (TarmacPnrgovParser *p)
{
  g_autofree char *qualifier = _tarmac_edifact_dup_code (p->segment, 0, 1);
  g_autofree char *text = joined_elements (p->segment, 1);

  if (text == NULL)
    return;

  if (g_strcmp0 (qualifier, "43") == 0)
    {
      _tarmac_pnrgov_scrub_card_numbers (text);
      if (p->payment != NULL)
        _tarmac_edifact_set_string (&p->payment->holder, g_steal_pointer (&text));
      else
        _tarmac_pnrgov_add_contact (p, TARMAC_PNRGOV_CONTACT_OTHER, "IFT 4:43",
                                    g_steal_pointer (&text));
      return;
    }

  _tarmac_pnrgov_add_free_text (p, g_steal_pointer (&text));
}

static void
handle_com (TarmacPnrgovParser *p)
{
  for (guint i = 0; i < p->segment->n_elements; i++)
    {
      char *number = _tarmac_edifact_dup_code (p->segment, i, 0);
      g_autofree char *type = _tarmac_edifact_dup_code (p->segment, i, 1);

      if (number == NULL)
        continue;
      if (g_strcmp0 (type, "EM") == 0 || strchr (number, '@') != NULL)
        _tarmac_pnrgov_add_contact (p, TARMAC_PNRGOV_CONTACT_EMAIL, "COM", number);
      else
        _tarmac_pnrgov_add_contact (p, TARMAC_PNRGOV_CONTACT_PHONE, "COM", number);
    }
}

static void
handle_tif (TarmacPnrgovParser *p)
{
  TarmacEdifactSegment *segment = p->segment;
  TarmacPnrgovPnr *pnr = p->pnr;
  TarmacPnrgovTraveller *t;
  g_autofree char *surname = _tarmac_edifact_dup_code (segment, 0, 0);
  g_autofree char *given_raw = _tarmac_edifact_dup_code (segment, 1, 0);
  g_autofree char *reference = _tarmac_edifact_dup_code (segment, 1, 2);
  g_autofree char *type = _tarmac_edifact_dup_code (segment, 1, 1);

  p->ticket = NULL;
  p->payment = NULL;

  /* the same traveller again (DCS data in a segment group, or a repeated TIF) */
  for (guint i = 0; i < pnr->travellers->len; i++)
    {
      t = g_ptr_array_index (pnr->travellers, i);
      if (g_strcmp0 (t->surname, surname) == 0 && g_strcmp0 (t->given_names_raw, given_raw) == 0 &&
          (reference == NULL || t->reference == NULL || strcmp (t->reference, reference) == 0))
        {
          p->traveller = (gint) i;
          return;
        }
    }

  if (type == NULL && segment->n_elements < 2)
    type = _tarmac_edifact_dup_code (segment, 0, 1); /* TIF+ACME TEAM PARTY:G, a group name */

  t = g_new0 (TarmacPnrgovTraveller, 1);
  t->surname = g_strdup (surname != NULL ? surname : "");
  t->given_names_raw = g_strdup (given_raw);
  if (given_raw != NULL)
    _tarmac_pnrgov_split_title (given_raw, &t->given_names, &t->title);
  t->type = g_steal_pointer (&type);
  t->reference = g_steal_pointer (&reference);
  t->is_infant = g_strcmp0 (t->type, "IN") == 0 || g_strcmp0 (t->type, "INF") == 0 ||
                 g_strcmp0 (t->type, "I") == 0;
  t->with_infant = tarmac_edifact_segment_get_n_components (segment, 1) > 3 &&
                   g_strcmp0 (tarmac_edifact_segment_get_value (segment, 1, 3), "") != 0;
  t->infant_of = -1;
  t->infant = -1;
  t->offset = segment->offset;
  t->line = segment->line;
  g_ptr_array_add (pnr->travellers, t);
  p->traveller = (gint) pnr->travellers->len - 1;
}

static void
handle_tkt (TarmacPnrgovParser *p)
{
  TarmacPnrgovTicket *t = g_new0 (TarmacPnrgovTicket, 1);

  t->number = _tarmac_edifact_dup_code (p->segment, 0, 0);
  t->type = _tarmac_edifact_dup_code (p->segment, 0, 1);
  t->coupons = _tarmac_edifact_dup_code (p->segment, 0, 2);
  t->traveller = p->traveller;
  g_ptr_array_add (p->pnr->tickets, t);
  p->ticket = t;
  p->payment = NULL;
}

static void
handle_mon (TarmacPnrgovParser *p)
{
  if (p->ticket == NULL)
    return;

  for (guint i = 0; i < p->segment->n_elements; i++)
    {
      g_autofree char *qualifier = _tarmac_edifact_dup_code (p->segment, i, 0);

      if (g_strcmp0 (qualifier, "T") == 0)
        {
          _tarmac_edifact_set_string (&p->ticket->total,
                                      _tarmac_edifact_dup_code (p->segment, i, 1));
          _tarmac_edifact_set_string (&p->ticket->currency,
                                      _tarmac_edifact_dup_code (p->segment, i, 2));
        }
    }
}

/* Keeps the last four digits and the keyed hash of a card number; the digits are wiped. */
void
_tarmac_pnrgov_take_card_number (TarmacPnrgovParser  *p,
                                 TarmacPnrgovPayment *pay,
                                 const char          *number)
{
  GString *digits = g_string_new (NULL);
  gboolean masked = FALSE;

  for (const char *c = number; *c != '\0'; c++)
    {
      if (g_ascii_isdigit (*c))
        g_string_append_c (digits, *c);
      else if (*c != ' ' && *c != '-')
        masked = TRUE;
    }

  if (digits->len >= 4)
    pay->card_last_four = g_strdup (digits->str + digits->len - 4);
  if (!masked && digits->len >= 12 && p->card_key != NULL)
    pay->card_hash = g_compute_hmac_for_string (G_CHECKSUM_SHA256,
                                                (const guchar *) p->card_key,
                                                strlen (p->card_key), digits->str,
                                                (gssize) digits->len);

  memset (digits->str, 0, digits->len);
  g_string_free (digits, TRUE);
}

static gboolean
looks_like_card (const char *number)
{
  guint n_digits = 0;

  for (const char *c = number; *c != '\0'; c++)
    if (g_ascii_isdigit (*c) || *c == 'X' || *c == 'x' || *c == '*')
      n_digits++;

  return n_digits >= 12;
}

static void
handle_fop (TarmacPnrgovParser *p)
{
  for (guint i = 0; i < p->segment->n_elements; i++)
    {
      TarmacPnrgovPayment *pay;
      g_autofree char *type = _tarmac_edifact_dup_code (p->segment, i, 0);
      g_autofree char *number = _tarmac_edifact_dup_code (p->segment, i, 4);
      g_autofree char *vendor = _tarmac_edifact_dup_code (p->segment, i, 3);

      if (type == NULL && number == NULL)
        continue;

      pay = g_new0 (TarmacPnrgovPayment, 1);
      pay->type = g_steal_pointer (&type);
      pay->amount = _tarmac_edifact_dup_code (p->segment, i, 2);
      pay->traveller = p->traveller;
      if (number != NULL && (g_strcmp0 (pay->type, "CC") == 0 || vendor != NULL ||
                             looks_like_card (number)))
        {
          _tarmac_pnrgov_take_card_number (p, pay, number);
          pay->card_vendor = g_steal_pointer (&vendor);
          pay->card_expiry = _tarmac_edifact_dup_code (p->segment, i, 5);
        }
      else
        pay->reference = g_steal_pointer (&number);
      if (number != NULL)
        memset (number, 0, strlen (number));
      g_ptr_array_add (p->pnr->payments, pay);
      p->payment = pay;
    }
}

static void
handle_tvl (TarmacPnrgovParser *p)
{
  TarmacPnrgovSegment *s = g_new0 (TarmacPnrgovSegment, 1);

  parse_tvl (p, s);
  g_ptr_array_add (p->pnr->segments, s);
  p->itinerary = (gint) p->pnr->segments->len - 1;
  p->traveller = -1;
  p->ticket = NULL;
  p->payment = NULL;
}

static void
handle_tbd (TarmacPnrgovParser *p)
{
  TarmacEdifactSegment *segment = p->segment;
  TarmacPnrgovBags *b = g_new0 (TarmacPnrgovBags, 1);
  g_autofree char *count = _tarmac_edifact_dup_code (segment, 1, 0);
  g_autofree char *weight = _tarmac_edifact_dup_code (segment, 1, 1);
  guint64 n = 0;

  b->count = -1;
  b->weight = -1;
  b->tags = g_ptr_array_new_with_free_func (g_free);
  b->traveller = p->traveller;
  b->segment = p->itinerary;
  if (count != NULL)
    {
      if (g_ascii_string_to_unsigned (count, 10, 0, G_MAXINT, &n, NULL))
        b->count = (gint) n;
      else
        _tarmac_pnrgov_add_warning (p, TARMAC_PNRGOV_WARNING_BAD_NUMBER,
                                    _("Bag count “%s” is not a number"),
                                    count);
    }
  if (weight != NULL)
    {
      char *end = NULL;
      double value = g_ascii_strtod (weight, &end);

      if (end != weight && *end == '\0' && value >= 0)
        b->weight = value;
      else
        _tarmac_pnrgov_add_warning (p, TARMAC_PNRGOV_WARNING_BAD_NUMBER,
                                    _("Bag weight “%s” is not a number"),
                                    weight);
    }
  b->weight_unit = _tarmac_edifact_dup_code (segment, 1, 2);

  for (guint i = 2; i < segment->n_elements; i++)
    for (guint r = 0; r < tarmac_edifact_segment_get_n_repetitions (segment, i); r++)
      {
        const char *carrier = tarmac_edifact_segment_get_repetition_value (segment, i, r, 0);
        const char *number = tarmac_edifact_segment_get_repetition_value (segment, i, r, 1);

        if (number != NULL && number[0] != '\0')
          g_ptr_array_add (b->tags, g_strconcat (carrier != NULL ? carrier : "", number, NULL));
      }

  g_ptr_array_add (p->pnr->bags, b);
}

static void
handle_ebd (TarmacPnrgovParser *p)
{
  TarmacPnrgovBags *b = g_new0 (TarmacPnrgovBags, 1);
  g_autofree char *count = _tarmac_edifact_dup_code (p->segment, 1, 0);
  guint64 n = 0;

  b->excess = TRUE;
  b->count = -1;
  b->weight = -1;
  b->tags = g_ptr_array_new_with_free_func (g_free);
  b->currency = _tarmac_edifact_dup_code (p->segment, 0, 0);
  b->amount = _tarmac_edifact_dup_code (p->segment, 0, 1);
  b->weight_unit = _tarmac_edifact_dup_code (p->segment, 1, 2);
  b->traveller = p->traveller;
  b->segment = p->itinerary;
  if (count != NULL && g_ascii_string_to_unsigned (count, 10, 0, G_MAXINT, &n, NULL))
    b->count = (gint) n;
  else if (count != NULL)
    _tarmac_pnrgov_add_warning (p, TARMAC_PNRGOV_WARNING_BAD_NUMBER,
                                _("Bag count “%s” is not a number"), count);
  g_ptr_array_add (p->pnr->bags, b);
}

static void
handle_rpi (TarmacPnrgovParser *p)
{
  TarmacPnrgovSegment *s = g_ptr_array_index (p->pnr->segments, p->itinerary);
  g_autofree char *count = _tarmac_edifact_dup_code (p->segment, 0, 0);
  guint64 n = 0;

  _tarmac_edifact_set_string (&s->status, _tarmac_edifact_dup_code (p->segment, 1, 0));
  if (count != NULL && g_ascii_string_to_unsigned (count, 10, 0, G_MAXINT, &n, NULL))
    s->number_in_party = (gint) n;
  else if (count != NULL)
    _tarmac_pnrgov_add_warning (p, TARMAC_PNRGOV_WARNING_BAD_NUMBER,
                                _("Number in party “%s” is not a number"), count);
}

/* The history part: each segment as one line of text; a FOP shows only its last four. */
static void
add_history (TarmacPnrgovParser *p)
{
  TarmacEdifactSegment *segment = p->segment;
  TarmacPnrgovHistory *h = g_new0 (TarmacPnrgovHistory, 1);
  GString *text = g_string_new (NULL);

  h->action = g_strdup (p->history_action);
  h->tag = g_strdup (segment->tag);

  if (strcmp (segment->tag, "LTS") == 0)
    {
      g_free (h->action);
      h->action = NULL;
      g_string_append (text, tarmac_edifact_segment_get_value (segment, 0, 0) ?: "");
    }
  else if (strcmp (segment->tag, "FOP") == 0)
    {
      TarmacPnrgovPayment pay = { 0 };
      g_autofree char *number = _tarmac_edifact_dup_code (segment, 0, 4);

      if (number != NULL)
        _tarmac_pnrgov_take_card_number (p, &pay, number);
      g_string_append_printf (text, "%s %s", tarmac_edifact_segment_get_value (segment, 0, 0) ?: "",
                              pay.card_last_four != NULL ? pay.card_last_four : "");
      g_free (pay.card_last_four);
      g_free (pay.card_hash);
    }
  else
    {
      for (guint i = 0; i < segment->n_elements; i++)
        {
          guint n = tarmac_edifact_segment_get_n_components (segment, i);

          if (i > 0)
            g_string_append_c (text, '+');
          for (guint c = 0; c < n; c++)
            {
              if (c > 0)
                g_string_append_c (text, ':');
              g_string_append (text, tarmac_edifact_segment_get_value (segment, i, c) ?: "");
            }
        }
    }

  h->text = _tarmac_pnrgov_scrub_card_numbers (g_strstrip (g_string_free (text, FALSE)));
  g_ptr_array_add (p->pnr->history, h);
}

/* Segments a PNR carries that we read but do not keep. */
static const char *ignored_tags[] = { "FAR", "PTK", "TXD", "TRI", "MSG", "EQN", "ABI", "SAC",
                                      "DAT", NULL };

static void
handle_pnr_segment (TarmacPnrgovParser *p)
{
  const char *tag = p->segment->tag;
  TarmacPnrgovPnr *pnr = p->pnr;
  TarmacPnrgovTraveller *t = _tarmac_pnrgov_traveller_at (pnr, p->traveller);

  if (strcmp (tag, "ABI") == 0 || strcmp (tag, "SAC") == 0 ||
      (strcmp (tag, "MSG") == 0 || strcmp (tag, "EQN") == 0))
    {
      p->in_history = TRUE;
      if (strcmp (tag, "SAC") == 0)
        _tarmac_edifact_set_string (&p->history_action,
                                    _tarmac_edifact_dup_code (p->segment, 2, 0));
      else
        add_history (p);
      return;
    }
  if (strcmp (tag, "LTS") == 0 || p->in_history)
    {
      add_history (p);
      return;
    }

  if (strcmp (tag, "RCI") == 0)
    handle_rci (p);
  else if (strcmp (tag, "DAT") == 0)
    handle_pnr_dat (p);
  else if (strcmp (tag, "ORG") == 0)
    {
      if (pnr->agency == NULL)
        pnr->agency = parse_org (p->segment);
    }
  else if (strcmp (tag, "TIF") == 0)
    handle_tif (p);
  else if (strcmp (tag, "FTI") == 0 && t != NULL)
    {
      g_autofree char *carrier = _tarmac_edifact_dup_code (p->segment, 0, 0);
      g_autofree char *number = _tarmac_edifact_dup_code (p->segment, 0, 1);

      _tarmac_edifact_set_string (&t->frequent_flyer,
                                  g_strconcat (carrier != NULL ? carrier : "", number, NULL));
    }
  else if (strcmp (tag, "REF") == 0 && t != NULL)
    {
      char *id = _tarmac_edifact_dup_code (p->segment, 0, 1);

      _tarmac_edifact_set_string (&t->unique_id,
                                  id != NULL ? id : _tarmac_edifact_dup_code (p->segment, 0, 0));
    }
  else if (strcmp (tag, "IFT") == 0)
    handle_ift (p);
  else if (strcmp (tag, "ADD") == 0)
    handle_add (p);
  else if (strcmp (tag, "COM") == 0)
    handle_com (p);
  else if (strcmp (tag, "EBD") == 0)
    handle_ebd (p);
  else if (strcmp (tag, "SSR") == 0)
    _tarmac_pnrgov_handle_ssr (p);
  else if (strcmp (tag, "TKT") == 0)
    handle_tkt (p);
  else if (strcmp (tag, "MON") == 0)
    handle_mon (p);
  else if (strcmp (tag, "FOP") == 0)
    handle_fop (p);
  else if (strcmp (tag, "TVL") == 0)
    handle_tvl (p);
  else if (strcmp (tag, "RPI") == 0 && p->itinerary >= 0)
    handle_rpi (p);
  else if (strcmp (tag, "APD") == 0 && p->itinerary >= 0)
    {
      TarmacPnrgovSegment *s = g_ptr_array_index (pnr->segments, p->itinerary);

      _tarmac_edifact_set_string (&s->aircraft, _tarmac_edifact_dup_code (p->segment, 0, 0));
    }
  else if (strcmp (tag, "SSD") == 0)
    {
      g_autofree char *seat = _tarmac_edifact_dup_code (p->segment, 0, 0);

      if (seat != NULL)
        _tarmac_pnrgov_add_seat (p, seat, "SSD", p->traveller, p->itinerary);
    }
  else if (strcmp (tag, "TBD") == 0)
    handle_tbd (p);
  else if (g_strv_contains (ignored_tags, tag))
    ;
  else if (strcmp (tag, "RPI") == 0 || strcmp (tag, "APD") == 0 || strcmp (tag, "FTI") == 0 ||
           strcmp (tag, "REF") == 0)
    _tarmac_pnrgov_add_warning (p, TARMAC_PNRGOV_WARNING_OUT_OF_PLACE,
                                _("Segment %s before the group it belongs to; skipped"), tag);
  else
    _tarmac_pnrgov_add_warning (p, TARMAC_PNRGOV_WARNING_UNKNOWN_SEGMENT,
                                _("Segment %s is not expected in a PNR; skipped"), tag);
}

static void
handle_message_segment (TarmacPnrgovParser *p)
{
  const char *tag = p->segment->tag;
  TarmacPnrgovMessage *message = p->message;

  if (strcmp (tag, "MSG") == 0)
    ;
  else if (strcmp (tag, "ORG") == 0)
    {
      g_autofree char *system = _tarmac_edifact_dup_code (p->segment, 0, 0);
      g_autofree char *city = _tarmac_edifact_dup_code (p->segment, 0, 1);

      _tarmac_edifact_set_string (&message->originator,
                                  g_strconcat (system != NULL ? system : "",
                                               city != NULL ? ":" : "", city, NULL));
      if (message->sender == NULL)
        message->sender = g_steal_pointer (&system);
    }
  else if (strcmp (tag, "TVL") == 0)
    {
      g_clear_pointer (&message->flight, segment_free);
      message->flight = g_new0 (TarmacPnrgovSegment, 1);
      parse_tvl (p, message->flight);
    }
  else if (strcmp (tag, "EQN") == 0)
    {
      g_autofree char *count = _tarmac_edifact_dup_code (p->segment, 0, 0);
      guint64 n = 0;

      if (count != NULL && g_ascii_string_to_unsigned (count, 10, 0, G_MAXINT, &n, NULL))
        message->announced_pnrs = (gint) n;
      else
        _tarmac_pnrgov_add_warning (p, TARMAC_PNRGOV_WARNING_BAD_NUMBER,
                                    _("EQN value “%s” is not a number"),
                                    count != NULL ? count : "");
    }
  else if (strcmp (tag, "DAT") == 0)
    {
      guint from = message->dates->len;
      const char *pushed;

      add_dates (p, message->dates);
      pushed = date_value (message->dates, from, "700");
      if (pushed != NULL)
        {
          _tarmac_edifact_set_string (&message->pushed_at, g_strdup (pushed));
          message->pushed_at_from_envelope = FALSE;
        }
    }
  else
    _tarmac_pnrgov_add_warning (p, TARMAC_PNRGOV_WARNING_OUT_OF_PLACE,
                                _("Segment %s before the first PNR (SRC); skipped"), tag);
}

static void
handle_envelope (TarmacPnrgovParser *p)
{
  TarmacEdifactSegment *segment = p->segment;

  if (strcmp (segment->tag, "UNB") == 0)
    {
      g_autofree char *date = _tarmac_edifact_dup_code (segment, 3, 0);
      g_autofree char *time = _tarmac_edifact_dup_code (segment, 3, 1);
      gboolean other = FALSE;
      g_autofree char *iso = NULL;

      _tarmac_edifact_set_string (&p->sender, _tarmac_edifact_dup_code (segment, 1, 0));
      _tarmac_edifact_set_string (&p->recipient, _tarmac_edifact_dup_code (segment, 2, 0));
      g_clear_pointer (&p->envelope_time, g_free);
      if (date != NULL)
        iso = _tarmac_pnrgov_read_date (date, FALSE, 2000, TARMAC_EDIFACT_PIVOT_FLIGHT, &other);
      if (iso != NULL && time != NULL && strlen (time) == 4 && _tarmac_edifact_all_digits (time, 4))
        p->envelope_time = g_strdup_printf ("%sT%.2s:%.2s", iso, time, time + 2);
      else
        p->envelope_time = g_steal_pointer (&iso);
    }
  else if (strcmp (segment->tag, "UNG") == 0)
    {
      if (p->sender == NULL)
        p->sender = _tarmac_edifact_dup_code (segment, 1, 0);
      if (p->recipient == NULL)
        p->recipient = _tarmac_edifact_dup_code (segment, 2, 0);
    }
}

static void
finish_message (TarmacPnrgovParser *p)
{
  finish_pnr (p);

  if (p->message != NULL && p->message->pushed_at == NULL && p->envelope_time != NULL)
    {
      p->message->pushed_at = g_strdup (p->envelope_time);
      p->message->pushed_at_from_envelope = TRUE;
    }

  p->message = NULL;
}

static void
handle_segment (TarmacPnrgovParser *p)
{
  const char *tag = p->segment->tag;

  if (strcmp (tag, "UNB") == 0 || strcmp (tag, "UNG") == 0)
    {
      finish_message (p);
      p->skipping = FALSE;
      handle_envelope (p);
      return;
    }
  if (strcmp (tag, "UNH") == 0)
    {
      finish_message (p);
      start_message (p);
      return;
    }
  if (strcmp (tag, "UNT") == 0 || strcmp (tag, "UNE") == 0 || strcmp (tag, "UNZ") == 0)
    {
      finish_message (p);
      p->skipping = FALSE;
      return;
    }
  if (p->skipping)
    return;

  if (p->message == NULL)
    {
      _tarmac_pnrgov_add_warning (p, TARMAC_PNRGOV_WARNING_OUT_OF_PLACE,
                                  _("Segment %s outside a message; skipped"), tag);
      return;
    }

  if (strcmp (tag, "SRC") == 0)
    {
      finish_pnr (p);
      start_pnr (p);
    }
  else if (p->pnr != NULL)
    handle_pnr_segment (p);
  else
    handle_message_segment (p);
}

/**
 * tarmac_pnrgov_parse:
 * @data: (array length=length): the bytes of a file, any number of interchanges
 * @length: the number of bytes
 * @card_key: (nullable): the key for the card-number hashes; %NULL keeps no hash
 * @messages: (out): a #GPtrArray of #TarmacPnrgovMessage, in input order
 * @warnings: (out): a #GPtrArray of #TarmacPnrgovWarning, in input order
 * @error: set when there is no PNRGOV message to return
 *
 * Parses every PNRGOV message in @data, each with its PNRs. Parts of a multi-part push
 * are returned as separate messages. Other messages, unknown segments and unreadable
 * values are warnings.
 *
 * Returns: %TRUE and at least one message, or %FALSE with @error set
 */
gboolean
tarmac_pnrgov_parse (const guint8  *data,
                     gsize          length,
                     const char    *card_key,
                     GPtrArray    **messages,
                     GPtrArray    **warnings,
                     GError       **error)
{
  g_autoptr(TarmacEdifactReader) reader = NULL;
  g_autoptr(GPtrArray) out_messages = NULL;
  g_autoptr(GPtrArray) out_warnings = NULL;
  g_autoptr(GError) local_error = NULL;
  TarmacEdifactSegment *segment = NULL;
  TarmacPnrgovParser p = { 0 };
  guint n_segments = 0;

  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (messages != NULL, FALSE);
  g_return_val_if_fail (warnings != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  reader = tarmac_edifact_reader_new (data, length);
  out_messages = g_ptr_array_new_with_free_func ((GDestroyNotify) tarmac_pnrgov_message_free);
  out_warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) tarmac_pnrgov_warning_free);
  p.reader = reader;
  p.messages = out_messages;
  p.warnings = out_warnings;
  p.card_key = card_key;
  p.traveller = -1;
  p.itinerary = -1;

  while (tarmac_edifact_reader_next (reader, &segment, &local_error))
    {
      g_autoptr(TarmacEdifactSegment) owned = g_steal_pointer (&segment);

      drain_reader_warnings (&p);
      p.segment = owned;
      handle_segment (&p);
      p.segment = NULL;
      n_segments++;
    }
  finish_message (&p);
  drain_reader_warnings (&p);

  g_free (p.sender);
  g_free (p.recipient);
  g_free (p.envelope_time);
  g_free (p.history_action);

  if (local_error != NULL && out_messages->len == 0)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (local_error != NULL)
    {
      TarmacPnrgovWarning *warning = g_new0 (TarmacPnrgovWarning, 1);

      warning->code = TARMAC_PNRGOV_WARNING_TRUNCATED;
      warning->message = g_strdup_printf (_("Reading stopped: %s"), local_error->message);
      warning->offset = length;
      warning->segment_index = n_segments;
      g_ptr_array_add (out_warnings, warning);
    }

  if (out_messages->len == 0)
    {
      g_set_error (error, TARMAC_PNRGOV_ERROR, TARMAC_PNRGOV_ERROR_NO_MESSAGE,
                   _("No PNRGOV message (UNH) in %u segments (%zu bytes)"),
                   n_segments, (size_t) length);
      return FALSE;
    }

  *messages = g_steal_pointer (&out_messages);
  *warnings = g_steal_pointer (&out_warnings);
  return TRUE;
}

void
tarmac_pnrgov_message_free (TarmacPnrgovMessage *message)
{
  if (message == NULL)
    return;

  g_free (message->reference);
  g_free (message->version);
  g_free (message->common_access_reference);
  g_free (message->sender);
  g_free (message->recipient);
  g_free (message->originator);
  g_free (message->pushed_at);
  g_clear_pointer (&message->dates, g_ptr_array_unref);
  g_clear_pointer (&message->flight, segment_free);
  g_clear_pointer (&message->pnrs, g_ptr_array_unref);
  g_free (message);
}

void
tarmac_pnrgov_warning_free (TarmacPnrgovWarning *warning)
{
  if (warning == NULL)
    return;

  g_free (warning->message);
  g_free (warning);
}
