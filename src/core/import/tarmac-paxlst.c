/* tarmac-paxlst.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-paxlst"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "tarmac-edifact-fields-private.h"
#include "tarmac-paxlst.h"

/*
 * PAXLST (research/formats.md §2) from the EDIFACT tokenizer's segments into plain
 * structs; nothing here touches the database.
 *
 * A small state machine over the segments of each UNH…UNT: before the first NAD it is in
 * the header/flight part (BGM, RFF+TN, NAD+MS, TDT/LOC/DTM), after a traveller NAD every
 * ATT/DTM/LOC/NAT/RFF/MEA/FTX/EMP goes to that traveller, and DOC opens a document that
 * DTM 36/182 and LOC 91 fill. Segments are routed by qualifier rather than by strict
 * position, because senders reorder them. Everything unexpected is a warning with its
 * position (§7.2); only input with no PAXLST message at all is an error.
 *
 * Two-digit years (§2.5, §2.6) are resolved against a reference year: the year of the
 * message's first readable departure time, else the UNB date, else today.
 *  - birth and issue dates are in the past: the latest year not after the reference
 *    (nobody travels before being born; an infant born this year stays this year);
 *  - expiry dates lean to the future: the window is [reference − 20, reference + 79],
 *    so a document that expired a few years ago still reads as expired rather than as
 *    valid in the next century, and one that runs out in 2061 is not read as 1961;
 *  - flight times are 20YY: PAXLST traffic does not predate 2000.
 */

G_DEFINE_QUARK (tarmac-paxlst-error-quark, tarmac_paxlst_error)

typedef struct
{
  TarmacEdifactReader        *reader;
  GPtrArray                  *messages;
  GPtrArray                  *warnings;
  guint                       n_reader_warnings;

  /* borrowed: the segment being handled and the open groups of the current message */
  TarmacEdifactSegment       *segment;
  TarmacPaxlstMessage        *message;
  TarmacPaxlstLeg            *leg;
  TarmacPaxlstTraveller      *traveller;
  TarmacPaxlstTravelDocument *document;
  gboolean                    skipping;

  /* the envelope around the messages */
  char                       *sender;
  char                       *recipient;
  char                       *group_sender;
  guint                       interchange_year;
} Parser;

static void
leg_free (gpointer data)
{
  TarmacPaxlstLeg *leg = data;

  g_free (leg->flight_id);
  g_free (leg->carrier);
  g_free (leg->flight_number);
  g_free (leg->departure_airport);
  g_free (leg->departure_qualifier);
  g_free (leg->departure_time_raw);
  g_free (leg->departure_time);
  g_free (leg->arrival_airport);
  g_free (leg->arrival_qualifier);
  g_free (leg->arrival_time_raw);
  g_free (leg->arrival_time);
  g_free (leg);
}

static void
travel_document_free (gpointer data)
{
  TarmacPaxlstTravelDocument *document = data;

  g_free (document->type);
  g_free (document->number);
  g_free (document->expiry);
  g_free (document->expiry_raw);
  g_free (document->issue_date);
  g_free (document->issuing_state);
  g_free (document);
}

static void
traveller_free (gpointer data)
{
  TarmacPaxlstTraveller *traveller = data;

  g_free (traveller->role);
  g_free (traveller->surname_raw);
  g_free (traveller->given_names_raw);
  g_free (traveller->surname);
  g_free (traveller->given_names);
  g_free (traveller->sex);
  g_free (traveller->date_of_birth);
  g_free (traveller->date_of_birth_raw);
  g_free (traveller->nationality);
  g_free (traveller->residence);
  g_free (traveller->birthplace);
  g_free (traveller->embarkation);
  g_free (traveller->debarkation);
  g_free (traveller->clearance);
  g_free (traveller->seat);
  g_free (traveller->booking_reference);
  g_free (traveller->passenger_reference);
  g_free (traveller->crew_function);
  g_free (traveller->bag_weight_unit);
  g_clear_pointer (&traveller->bag_tags, g_ptr_array_unref);
  g_clear_pointer (&traveller->documents, g_ptr_array_unref);
  g_free (traveller);
}

static void add_warning (Parser                  *p,
                         TarmacPaxlstWarningCode  code,
                         const char              *format,
                         ...) G_GNUC_PRINTF (3, 4);

static void
add_warning (Parser                  *p,
             TarmacPaxlstWarningCode  code,
             const char              *format,
             ...)
{
  TarmacPaxlstWarning *warning;
  va_list args;

  if (p->warnings->len >= TARMAC_EDIFACT_MAX_WARNINGS)
    return;

  warning = g_new0 (TarmacPaxlstWarning, 1);
  warning->code = code;
  warning->offset = p->segment->offset;
  warning->line = p->segment->line;
  warning->segment_index = p->segment->index;
  va_start (args, format);
  warning->message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (p->warnings, warning);
}

/* Moves the tokenizer's new warnings over, so both kinds stay in input order. */
static void
drain_reader_warnings (Parser *p)
{
  guint n = tarmac_edifact_reader_get_n_warnings (p->reader);

  for (; p->n_reader_warnings < n; p->n_reader_warnings++)
    {
      const TarmacEdifactWarning *from;
      TarmacPaxlstWarning *warning;

      from = tarmac_edifact_reader_get_warning (p->reader, p->n_reader_warnings);
      warning = g_new0 (TarmacPaxlstWarning, 1);
      warning->code = TARMAC_PAXLST_WARNING_SYNTAX;
      warning->edifact_code = from->code;
      warning->message = g_strdup (from->message);
      warning->offset = from->offset;
      warning->line = from->line;
      warning->segment_index = from->segment_index;
      g_ptr_array_add (p->warnings, warning);
    }
}

static gboolean
code_is (TarmacEdifactSegment *segment,
         guint                 element,
         guint                 component,
         const char           *expected)
{
  g_autofree char *code = _tarmac_edifact_dup_code (segment, element, component);

  return g_strcmp0 (code, expected) == 0;
}

/* @text with runs of blanks (space, tab, line breaks) made one space, and none at either
 * end. One pass: every name of every traveller goes through here. */
static char *
collapse_spaces (const char *text)
{
  char *out = g_malloc (strlen (text) + 1);
  gsize n = 0;
  gboolean blank = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')
        {
          blank = n > 0;
          continue;
        }
      if (blank)
        out[n++] = ' ';
      blank = FALSE;
      out[n++] = *p;
    }
  out[n] = '\0';
  return out;
}

/* Layouts by length: 6 YYMMDD, 8 CCYYMMDD, 10 YYMMDDHHMM, 12 CCYYMMDDHHMM. */
static gboolean
layout_for_length (gsize     length,
                   guint    *year_digits,
                   gboolean *has_time)
{
  switch (length)
    {
    case 6: *year_digits = 2; *has_time = FALSE; return TRUE;
    case 8: *year_digits = 4; *has_time = FALSE; return TRUE;
    case 10: *year_digits = 2; *has_time = TRUE; return TRUE;
    case 12: *year_digits = 4; *has_time = TRUE; return TRUE;
    default: return FALSE;
    }
}

/* The length that DTM format code @format (2379) announces, 0 for codes we do not read. */
static gsize
length_for_format (const char *format)
{
  if (g_strcmp0 (format, "101") == 0)
    return 6;
  if (g_strcmp0 (format, "102") == 0)
    return 8;
  if (g_strcmp0 (format, "201") == 0)
    return 10;
  if (g_strcmp0 (format, "203") == 0)
    return 12;
  return 0;
}

static char *
decode_date (const char         *value,
             guint               year_digits,
             gboolean            has_time,
             guint               reference,
             TarmacEdifactPivot  pivot)
{
  g_autofree char *date = NULL;
  guint year, month, day, hour = 0, minute = 0;
  const char *rest = value + year_digits;

  if (!_tarmac_edifact_read_number (value, year_digits, &year) ||
      !_tarmac_edifact_read_number (rest, 2, &month) ||
      !_tarmac_edifact_read_number (rest + 2, 2, &day) ||
      (has_time &&
       (!_tarmac_edifact_read_number (rest + 4, 2, &hour) ||
        !_tarmac_edifact_read_number (rest + 6, 2, &minute))))
    return NULL;

  if (year_digits == 2)
    year = _tarmac_edifact_resolve_year (year, reference, pivot);

  if (hour > 23 || minute > 59)
    return NULL;

  date = _tarmac_edifact_format_date (year, month, day);
  if (date == NULL || !has_time)
    return g_steal_pointer (&date);

  return g_strdup_printf ("%sT%02u:%02u", date, hour, minute);
}

static guint
reference_year (Parser *p)
{
  g_autoptr(GDateTime) now = NULL;

  for (guint i = 0; p->message != NULL && i < p->message->legs->len; i++)
    {
      TarmacPaxlstLeg *leg = g_ptr_array_index (p->message->legs, i);

      if (leg->departure_time != NULL)
        return (guint) atoi (leg->departure_time);
    }

  if (p->interchange_year != 0)
    return p->interchange_year;

  now = g_date_time_new_now_utc ();
  return (guint) g_date_time_get_year (now);
}

/* Reads the DTM of the current segment into "YYYY-MM-DD" (or with "THH:MM" for flight
 * times); a value that does not fit its format code is tried by its length. */
static char *
parse_dtm (Parser              *p,
           TarmacEdifactPivot   pivot,
           char               **raw_out)
{
  g_autofree char *value = _tarmac_edifact_dup_code (p->segment, 0, 1);
  g_autofree char *format = _tarmac_edifact_dup_code (p->segment, 0, 2);
  gsize length = value != NULL ? strlen (value) : 0;
  gsize announced = length_for_format (format);
  guint year_digits = 0;
  gboolean has_time = FALSE;
  char *iso = NULL;

  if (raw_out != NULL)
    *raw_out = g_strdup (value);

  if (value == NULL)
    {
      add_warning (p, TARMAC_PAXLST_WARNING_BAD_DATE, _("DTM without a date"));
      return NULL;
    }

  if (layout_for_length (length, &year_digits, &has_time))
    iso = decode_date (value, year_digits, has_time, reference_year (p), pivot);

  if (iso == NULL)
    add_warning (p, TARMAC_PAXLST_WARNING_BAD_DATE, _("Unreadable date “%s”"), value);
  else if (format != NULL && announced != length)
    add_warning (p, TARMAC_PAXLST_WARNING_BAD_DATE,
                 _("Date “%s” does not match format %s; read as %s"), value, format, iso);

  return iso;
}

static void
split_flight_id (TarmacPaxlstLeg *leg)
{
  const char *id = leg->flight_id;
  gsize length = id != NULL ? strlen (id) : 0;
  gsize designator = 0;

  if (id == NULL)
    return;

  if (leg->carrier != NULL && g_str_has_prefix (id, leg->carrier) &&
      length > strlen (leg->carrier))
    designator = strlen (leg->carrier);
  else if (length >= 3 && g_ascii_isalnum (id[0]) && g_ascii_isalnum (id[1]) &&
           g_ascii_isdigit (id[2]) && !(g_ascii_isdigit (id[0]) && g_ascii_isdigit (id[1])))
    designator = 2;
  else if (length >= 4 && g_ascii_isalpha (id[0]) && g_ascii_isalpha (id[1]) &&
           g_ascii_isalpha (id[2]) && g_ascii_isdigit (id[3]))
    designator = 3;

  if (leg->carrier == NULL && designator > 0)
    leg->carrier = g_strndup (id, designator);
  leg->flight_number = g_strstrip (g_strdup (id + designator));
}

static void
start_message (Parser *p)
{
  TarmacEdifactSegment *segment = p->segment;
  TarmacPaxlstMessage *message;
  g_autofree char *type = _tarmac_edifact_dup_code (segment, 1, 0);
  g_autofree char *directory = _tarmac_edifact_dup_code (segment, 1, 1);
  g_autofree char *release = _tarmac_edifact_dup_code (segment, 1, 2);
  g_autofree char *part = _tarmac_edifact_dup_code (segment, 3, 0);
  g_autofree char *flag = _tarmac_edifact_dup_code (segment, 3, 1);

  p->message = NULL;
  p->leg = NULL;
  p->traveller = NULL;
  p->document = NULL;
  p->skipping = FALSE;

  if (g_strcmp0 (type, "PAXLST") != 0)
    {
      add_warning (p, TARMAC_PAXLST_WARNING_OTHER_MESSAGE,
                   _("Message of type “%s” is not a PAXLST; skipped"),
                   type != NULL ? type : "");
      p->skipping = TRUE;
      return;
    }

  message = g_new0 (TarmacPaxlstMessage, 1);
  message->reference = _tarmac_edifact_dup_code (segment, 0, 0);
  if (directory != NULL || release != NULL)
    message->version = g_strconcat (directory != NULL ? directory : "",
                                    release != NULL ? release : "", NULL);
  message->common_access_reference = _tarmac_edifact_dup_code (segment, 2, 0);
  message->is_last_part = TRUE;
  if (part != NULL)
    {
      guint64 number = 0;

      if (g_ascii_string_to_unsigned (part, 10, 1, G_MAXUINT, &number, NULL))
        message->part_number = (guint) number;
      else
        add_warning (p, TARMAC_PAXLST_WARNING_BAD_NUMBER,
                     _("Part number “%s” is not a number"), part);
      /* C = more parts follow; F = final; no flag on a numbered part means a middle one. */
      message->is_last_part = g_strcmp0 (flag, "F") == 0;
    }
  message->sender = g_strdup (p->sender != NULL ? p->sender : p->group_sender);
  message->recipient = g_strdup (p->recipient);
  message->group_sender = g_strdup (p->group_sender);
  message->legs = g_ptr_array_new_with_free_func (leg_free);
  message->travellers = g_ptr_array_new_with_free_func (traveller_free);
  message->count = -1;
  message->offset = segment->offset;
  message->line = segment->line;

  g_ptr_array_add (p->messages, message);
  p->message = message;
}

static void
finish_message (Parser *p)
{
  TarmacPaxlstMessage *message = p->message;
  TarmacPaxlstLeg *chosen = NULL;

  if (message == NULL)
    return;

  for (guint i = 0; i < message->legs->len && chosen == NULL; i++)
    {
      TarmacPaxlstLeg *leg = g_ptr_array_index (message->legs, i);

      if (g_strcmp0 (leg->departure_qualifier, "125") == 0 ||
          g_strcmp0 (leg->arrival_qualifier, "87") == 0)
        chosen = leg;
    }
  if (chosen == NULL && message->legs->len > 0)
    chosen = g_ptr_array_index (message->legs, 0);

  if (chosen != NULL)
    {
      message->carrier = g_strdup (chosen->carrier);
      message->flight_number = g_strdup (chosen->flight_number);
      message->flight_id = g_strdup (chosen->flight_id);
    }

  p->message = NULL;
  p->leg = NULL;
  p->traveller = NULL;
  p->document = NULL;
}

/* A segment's tag as one number, which a comparison reads at once, where a chain of
 * strcmp() calls, twenty a segment, was a tenth of the parser's work: TAG ('N', 'A', 'D')
 * for "NAD", and tag_of() 0 for a tag of any other length. */
#define TAG(a, b, c) ((guint32) (a) << 16 | (guint32) (b) << 8 | (guint32) (c))

static guint32
tag_of (const char *tag)
{
  const guchar *t = (const guchar *) tag;

  if (t[0] == '\0' || t[1] == '\0' || t[2] == '\0' || t[3] != '\0')
    return 0;
  return TAG (t[0], t[1], t[2]);
}

static void
handle_envelope (Parser *p)
{
  TarmacEdifactSegment *segment = p->segment;

  if (strcmp (segment->tag, "UNB") == 0)
    {
      g_autofree char *date = _tarmac_edifact_dup_code (segment, 3, 0);
      guint yy = 0;

      _tarmac_edifact_set_string (&p->sender, _tarmac_edifact_dup_code (segment, 1, 0));
      _tarmac_edifact_set_string (&p->recipient, _tarmac_edifact_dup_code (segment, 2, 0));
      g_clear_pointer (&p->group_sender, g_free);
      p->interchange_year = 0;
      if (date != NULL && strlen (date) == 6 && _tarmac_edifact_read_number (date, 2, &yy))
        p->interchange_year = 2000 + yy;
    }
  else if (strcmp (segment->tag, "UNG") == 0)
    {
      _tarmac_edifact_set_string (&p->group_sender, _tarmac_edifact_dup_code (segment, 1, 0));
      if (p->recipient == NULL)
        p->recipient = _tarmac_edifact_dup_code (segment, 2, 0);
    }
}

static void
handle_nad (Parser *p)
{
  TarmacEdifactSegment *segment = p->segment;
  TarmacPaxlstTraveller *traveller;
  g_autofree char *role = _tarmac_edifact_dup_code (segment, 0, 0);
  g_autoptr(GString) given = g_string_new (NULL);
  const char *surname;

  p->document = NULL;

  if (g_strcmp0 (role, "MS") == 0)
    {
      const char *party = tarmac_edifact_segment_get_value (segment, 3, 0);

      p->traveller = NULL;
      _tarmac_edifact_set_string (&p->message->reporting_party,
                                  collapse_spaces (party != NULL ? party : ""));
      if (p->message->reporting_party[0] == '\0')
        g_clear_pointer (&p->message->reporting_party, g_free);
      return;
    }

  traveller = g_new0 (TarmacPaxlstTraveller, 1);
  traveller->bag_count = -1;
  traveller->bag_weight = -1;
  traveller->bag_tags = g_ptr_array_new_with_free_func (g_free);
  traveller->documents = g_ptr_array_new_with_free_func (travel_document_free);
  traveller->offset = segment->offset;
  traveller->line = segment->line;

  if (g_strcmp0 (role, "FL") == 0 || g_strcmp0 (role, "DDU") == 0)
    traveller->kind = TARMAC_PAXLST_TRAVELLER_PASSENGER;
  else if (g_strcmp0 (role, "FM") == 0 || g_strcmp0 (role, "DDT") == 0)
    traveller->kind = TARMAC_PAXLST_TRAVELLER_CREW;
  else if (g_strcmp0 (role, "COT") != 0)
    add_warning (p, TARMAC_PAXLST_WARNING_UNKNOWN_QUALIFIER,
                 _("Unknown party role “%s” in NAD; kept as another traveller"),
                 role != NULL ? role : "");
  traveller->in_transit = g_strcmp0 (role, "DDU") == 0 || g_strcmp0 (role, "DDT") == 0;
  traveller->role = g_steal_pointer (&role);

  surname = tarmac_edifact_segment_get_value (segment, 3, 0);
  for (guint i = 1; i < tarmac_edifact_segment_get_n_components (segment, 3); i++)
    {
      const char *part = tarmac_edifact_segment_get_value (segment, 3, i);

      if (part == NULL || part[0] == '\0')
        continue;
      if (given->len > 0)
        g_string_append_c (given, ' ');
      g_string_append (given, part);
    }

  traveller->surname_raw = g_strdup (surname != NULL ? surname : "");
  traveller->given_names_raw = g_strdup (given->str);
  traveller->surname = collapse_spaces (traveller->surname_raw);
  traveller->given_names = collapse_spaces (traveller->given_names_raw);
  if (traveller->surname[0] == '\0')
    add_warning (p, TARMAC_PAXLST_WARNING_MISSING_NAME, _("Traveller without a surname"));

  g_ptr_array_add (p->message->travellers, traveller);
  p->traveller = traveller;
}

static void
handle_tdt (Parser *p)
{
  TarmacPaxlstLeg *leg;

  if (p->traveller != NULL)
    {
      add_warning (p, TARMAC_PAXLST_WARNING_OUT_OF_PLACE,
                   _("TDT after the first traveller; skipped"));
      return;
    }

  leg = g_new0 (TarmacPaxlstLeg, 1);
  leg->flight_id = _tarmac_edifact_dup_code (p->segment, 1, 0);
  leg->carrier = _tarmac_edifact_dup_code (p->segment, 4, 0);
  leg->offset = p->segment->offset;
  leg->line = p->segment->line;
  split_flight_id (leg);
  g_ptr_array_add (p->message->legs, leg);
  p->leg = leg;
}

static void
handle_flight_loc (Parser     *p,
                   const char *qualifier)
{
  TarmacPaxlstLeg *leg = p->leg;
  gboolean departure;

  if (leg == NULL)
    {
      add_warning (p, TARMAC_PAXLST_WARNING_OUT_OF_PLACE,
                   _("LOC+%s before any TDT; skipped"), qualifier);
      return;
    }

  if (strcmp (qualifier, "125") == 0)
    departure = TRUE;
  else if (strcmp (qualifier, "87") == 0)
    departure = FALSE;
  else
    departure = leg->departure_qualifier == NULL;

  if (departure)
    {
      _tarmac_edifact_set_string (&leg->departure_qualifier, g_strdup (qualifier));
      _tarmac_edifact_set_string (&leg->departure_airport,
                                  _tarmac_edifact_dup_code (p->segment, 1, 0));
    }
  else
    {
      _tarmac_edifact_set_string (&leg->arrival_qualifier, g_strdup (qualifier));
      _tarmac_edifact_set_string (&leg->arrival_airport,
                                  _tarmac_edifact_dup_code (p->segment, 1, 0));
    }
}

/* LOC value: the code, else the place name (LOC+180+:::HARTFORD USA). */
static char *
loc_value (TarmacEdifactSegment *segment)
{
  char *value = _tarmac_edifact_dup_code (segment, 1, 0);

  if (value == NULL)
    value = _tarmac_edifact_dup_code (segment, 1, 3);

  return value;
}

static void
handle_loc (Parser *p)
{
  g_autofree char *qualifier = _tarmac_edifact_dup_code (p->segment, 0, 0);
  TarmacPaxlstTraveller *t = p->traveller;
  char **field = NULL;

  if (qualifier == NULL)
    qualifier = g_strdup ("");

  if (strcmp (qualifier, "91") == 0)
    {
      if (p->document == NULL)
        add_warning (p, TARMAC_PAXLST_WARNING_OUT_OF_PLACE, _("LOC+91 without a DOC; skipped"));
      else
        _tarmac_edifact_set_string (&p->document->issuing_state, loc_value (p->segment));
      return;
    }

  if (t == NULL)
    {
      if (strcmp (qualifier, "125") == 0 || strcmp (qualifier, "87") == 0 ||
          strcmp (qualifier, "92") == 0 || strcmp (qualifier, "22") == 0)
        handle_flight_loc (p, qualifier);
      else
        add_warning (p, TARMAC_PAXLST_WARNING_UNKNOWN_QUALIFIER,
                     _("Unknown LOC qualifier “%s” in the flight; skipped"), qualifier);
      return;
    }

  if (strcmp (qualifier, "178") == 0)
    field = &t->embarkation;
  else if (strcmp (qualifier, "179") == 0)
    field = &t->debarkation;
  else if (strcmp (qualifier, "22") == 0)
    field = &t->clearance;
  else if (strcmp (qualifier, "174") == 0)
    field = &t->residence;
  else if (strcmp (qualifier, "180") == 0)
    field = &t->birthplace;

  if (field == NULL)
    add_warning (p, TARMAC_PAXLST_WARNING_UNKNOWN_QUALIFIER,
                 _("Unknown LOC qualifier “%s” for a traveller; skipped"), qualifier);
  else
    _tarmac_edifact_set_string (field, loc_value (p->segment));
}

static void
handle_dtm (Parser *p)
{
  g_autofree char *qualifier = _tarmac_edifact_dup_code (p->segment, 0, 0);

  if (qualifier == NULL)
    qualifier = g_strdup ("");

  if (strcmp (qualifier, "36") == 0 || strcmp (qualifier, "182") == 0)
    {
      if (p->document == NULL)
        add_warning (p, TARMAC_PAXLST_WARNING_OUT_OF_PLACE,
                     _("DTM+%s without a DOC; skipped"), qualifier);
      else if (strcmp (qualifier, "36") == 0)
        {
          g_clear_pointer (&p->document->expiry_raw, g_free);
          _tarmac_edifact_set_string (&p->document->expiry,
                                      parse_dtm (p, TARMAC_EDIFACT_PIVOT_FUTURE,
                                                 &p->document->expiry_raw));
        }
      else
        _tarmac_edifact_set_string (&p->document->issue_date,
                                    parse_dtm (p, TARMAC_EDIFACT_PIVOT_PAST, NULL));
    }
  else if (strcmp (qualifier, "329") == 0 && p->traveller != NULL)
    {
      g_clear_pointer (&p->traveller->date_of_birth_raw, g_free);
      _tarmac_edifact_set_string (&p->traveller->date_of_birth,
                                  parse_dtm (p, TARMAC_EDIFACT_PIVOT_PAST,
                                             &p->traveller->date_of_birth_raw));
    }
  else if ((strcmp (qualifier, "189") == 0 || strcmp (qualifier, "232") == 0) &&
           p->traveller == NULL)
    {
      gboolean departure = strcmp (qualifier, "189") == 0;

      if (p->leg == NULL)
        {
          add_warning (p, TARMAC_PAXLST_WARNING_OUT_OF_PLACE,
                       _("DTM+%s before any TDT; skipped"), qualifier);
          return;
        }
      if (departure)
        {
          g_clear_pointer (&p->leg->departure_time_raw, g_free);
          _tarmac_edifact_set_string (&p->leg->departure_time,
                                      parse_dtm (p, TARMAC_EDIFACT_PIVOT_FLIGHT,
                                                 &p->leg->departure_time_raw));
        }
      else
        {
          g_clear_pointer (&p->leg->arrival_time_raw, g_free);
          _tarmac_edifact_set_string (&p->leg->arrival_time,
                                      parse_dtm (p, TARMAC_EDIFACT_PIVOT_FLIGHT,
                                                 &p->leg->arrival_time_raw));
        }
    }
  else
    add_warning (p, TARMAC_PAXLST_WARNING_UNKNOWN_QUALIFIER,
                 _("Unknown DTM qualifier “%s” here; skipped"), qualifier);
}

static void
handle_rff (Parser *p)
{
  g_autofree char *qualifier = _tarmac_edifact_dup_code (p->segment, 0, 0);
  TarmacPaxlstTraveller *t = p->traveller;
  char **field = NULL;

  if (qualifier == NULL)
    qualifier = g_strdup ("");

  if (t == NULL && strcmp (qualifier, "TN") == 0)
    field = &p->message->transaction_reference;
  else if (t != NULL && strcmp (qualifier, "AVF") == 0)
    field = &t->booking_reference;
  else if (t != NULL && strcmp (qualifier, "ABO") == 0)
    field = &t->passenger_reference;
  else if (t != NULL && strcmp (qualifier, "SEA") == 0)
    field = &t->seat;

  if (field == NULL)
    add_warning (p, TARMAC_PAXLST_WARNING_UNKNOWN_QUALIFIER,
                 _("Unknown RFF qualifier “%s” here; skipped"), qualifier);
  else
    _tarmac_edifact_set_string (field, _tarmac_edifact_dup_code (p->segment, 0, 1));
}

static void
handle_mea (Parser *p)
{
  TarmacEdifactSegment *segment = p->segment;
  g_autofree char *qualifier = _tarmac_edifact_dup_code (segment, 0, 0);
  g_autofree char *first = _tarmac_edifact_dup_code (segment, 2, 0);
  g_autofree char *second = _tarmac_edifact_dup_code (segment, 2, 1);
  /* MEA+CT++:2 and MEA+CT++2 both occur; MEA+WT++KGM:31 carries the unit first. */
  const char *number = second != NULL ? second : first;
  char *end = NULL;
  double value = number != NULL ? g_ascii_strtod (number, &end) : -1;

  if (number == NULL || end == number || *end != '\0' || value < 0)
    {
      add_warning (p, TARMAC_PAXLST_WARNING_BAD_NUMBER, _("MEA value “%s” is not a number"),
                   number != NULL ? number : "");
      return;
    }

  if (g_strcmp0 (qualifier, "CT") == 0)
    p->traveller->bag_count = (gint) CLAMP (value, 0, G_MAXINT);
  else if (g_strcmp0 (qualifier, "WT") == 0)
    {
      p->traveller->bag_weight = value;
      _tarmac_edifact_set_string (&p->traveller->bag_weight_unit,
                                  second != NULL ? g_strdup (first) : NULL);
    }
  else
    add_warning (p, TARMAC_PAXLST_WARNING_UNKNOWN_QUALIFIER,
                 _("Unknown MEA qualifier “%s”; skipped"), qualifier != NULL ? qualifier : "");
}

static void
handle_doc (Parser *p)
{
  TarmacPaxlstTravelDocument *document = g_new0 (TarmacPaxlstTravelDocument, 1);

  document->type = _tarmac_edifact_dup_code (p->segment, 0, 0);
  document->number = _tarmac_edifact_dup_code (p->segment, 1, 0);
  document->is_visa = g_strcmp0 (document->type, "V") == 0;
  g_ptr_array_add (p->traveller->documents, document);
  p->document = document;
}

/* Segments that belong to a traveller (SG4/SG5). */
static gboolean
handle_traveller_segment (Parser  *p,
                          guint32  tag)
{
  TarmacEdifactSegment *segment = p->segment;
  TarmacPaxlstTraveller *t = p->traveller;

  if (tag == TAG ('A', 'T', 'T'))
    {
      if (code_is (segment, 0, 0, "2"))
        _tarmac_edifact_set_string (&t->sex, _tarmac_edifact_dup_code (segment, 2, 0));
      else
        add_warning (p, TARMAC_PAXLST_WARNING_UNKNOWN_QUALIFIER,
                     _("Unknown ATT qualifier; skipped"));
    }
  else if (tag == TAG ('N', 'A', 'T'))
    _tarmac_edifact_set_string (&t->nationality, _tarmac_edifact_dup_code (segment, 1, 0));
  else if (tag == TAG ('M', 'E', 'A'))
    handle_mea (p);
  else if (tag == TAG ('F', 'T', 'X'))
    {
      char *bag_tag = _tarmac_edifact_dup_code (segment, 3, 0);

      if (code_is (segment, 0, 0, "BAG") && bag_tag != NULL)
        g_ptr_array_add (t->bag_tags, bag_tag);
      else
        {
          g_free (bag_tag);
          add_warning (p, TARMAC_PAXLST_WARNING_UNKNOWN_QUALIFIER,
                       _("FTX other than a bag tag; skipped"));
        }
    }
  else if (tag == TAG ('E', 'M', 'P'))
    _tarmac_edifact_set_string (&t->crew_function, _tarmac_edifact_dup_code (segment, 1, 0));
  else if (tag == TAG ('D', 'O', 'C'))
    handle_doc (p);
  else if (tag == TAG ('G', 'E', 'I') || tag == TAG ('C', 'O', 'M'))
    ; /* verified flag and contact: read, not kept yet */
  else
    return FALSE;

  return TRUE;
}

static void
handle_segment (Parser *p)
{
  const char *name = p->segment->tag;
  guint32 tag = tag_of (name);

  if (tag == TAG ('U', 'N', 'B') || tag == TAG ('U', 'N', 'G'))
    {
      finish_message (p);
      p->skipping = FALSE;
      handle_envelope (p);
      return;
    }
  if (tag == TAG ('U', 'N', 'H'))
    {
      finish_message (p);
      start_message (p);
      return;
    }
  if (tag == TAG ('U', 'N', 'T') || tag == TAG ('U', 'N', 'E') || tag == TAG ('U', 'N', 'Z'))
    {
      /* counts and references are the tokenizer's business */
      finish_message (p);
      p->skipping = FALSE;
      return;
    }
  if (p->skipping)
    return;

  if (p->message == NULL)
    {
      add_warning (p, TARMAC_PAXLST_WARNING_OUT_OF_PLACE,
                   _("Segment %s outside a message; skipped"), name);
      return;
    }

  if (tag == TAG ('B', 'G', 'M'))
    {
      _tarmac_edifact_set_string (&p->message->document_code,
                                  _tarmac_edifact_dup_code (p->segment, 0, 0));
      if (g_strcmp0 (p->message->document_code, "745") == 0)
        p->message->document_type = TARMAC_PAXLST_DOCUMENT_TYPE_PASSENGERS;
      else if (g_strcmp0 (p->message->document_code, "250") == 0 ||
               g_strcmp0 (p->message->document_code, "336") == 0)
        p->message->document_type = TARMAC_PAXLST_DOCUMENT_TYPE_CREW;
      else
        p->message->document_type = TARMAC_PAXLST_DOCUMENT_TYPE_OTHER;
    }
  else if (tag == TAG ('N', 'A', 'D'))
    handle_nad (p);
  else if (tag == TAG ('T', 'D', 'T'))
    handle_tdt (p);
  else if (tag == TAG ('L', 'O', 'C'))
    handle_loc (p);
  else if (tag == TAG ('D', 'T', 'M'))
    handle_dtm (p);
  else if (tag == TAG ('R', 'F', 'F'))
    handle_rff (p);
  else if (tag == TAG ('C', 'N', 'T'))
    {
      g_autofree char *count = _tarmac_edifact_dup_code (p->segment, 0, 1);
      guint64 value = 0;

      /* CNT+41+8 (element, not component, separator) occurs in US traffic */
      if (count == NULL && (count = _tarmac_edifact_dup_code (p->segment, 1, 0)) != NULL)
        add_warning (p, TARMAC_PAXLST_WARNING_BAD_NUMBER,
                     _("CNT value “%s” sent as a separate element; read anyway"), count);

      p->traveller = NULL;
      p->document = NULL;
      _tarmac_edifact_set_string (&p->message->count_qualifier,
                                  _tarmac_edifact_dup_code (p->segment, 0, 0));
      if (count != NULL && g_ascii_string_to_unsigned (count, 10, 0, G_MAXINT, &value, NULL))
        p->message->count = (gint) value;
      else
        add_warning (p, TARMAC_PAXLST_WARNING_BAD_NUMBER, _("CNT value “%s” is not a number"),
                     count != NULL ? count : "");
    }
  else if (tag == TAG ('C', 'O', 'M') && p->traveller == NULL)
    ; /* the reporting party's phone and fax: not kept yet */
  else if (p->traveller != NULL && handle_traveller_segment (p, tag))
    ;
  else
    add_warning (p, TARMAC_PAXLST_WARNING_UNKNOWN_SEGMENT,
                 _("Segment %s is not expected here; skipped"), name);
}

/**
 * tarmac_paxlst_parse:
 * @data: (array length=length): the bytes of a file, any number of interchanges
 * @length: the number of bytes
 * @messages: (out): a #GPtrArray of #TarmacPaxlstMessage, in input order
 * @warnings: (out): a #GPtrArray of #TarmacPaxlstWarning, in input order
 * @error: set when there is no PAXLST message to return
 *
 * Parses every PAXLST message in @data. Parts of a multi-part message are returned as
 * separate messages with their part number and last-part flag; reassembly is the
 * importer's job. Other messages, unknown segments and qualifiers, and unreadable
 * values are warnings.
 *
 * Returns: %TRUE and at least one message, or %FALSE with @error set
 */
gboolean
tarmac_paxlst_parse (const guint8  *data,
                     gsize          length,
                     GPtrArray    **messages,
                     GPtrArray    **warnings,
                     GError       **error)
{
  g_autoptr(TarmacEdifactReader) reader = NULL;
  g_autoptr(GPtrArray) out_messages = NULL;
  g_autoptr(GPtrArray) out_warnings = NULL;
  g_autoptr(GError) local_error = NULL;
  TarmacEdifactSegment *segment = NULL;
  Parser p = { 0 };
  guint n_segments = 0;

  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (messages != NULL, FALSE);
  g_return_val_if_fail (warnings != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  reader = tarmac_edifact_reader_new (data, length);
  out_messages = g_ptr_array_new_with_free_func ((GDestroyNotify) tarmac_paxlst_message_free);
  out_warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) tarmac_paxlst_warning_free);
  p.reader = reader;
  p.messages = out_messages;
  p.warnings = out_warnings;

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
  g_free (p.group_sender);

  if (local_error != NULL && out_messages->len == 0)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (local_error != NULL)
    {
      TarmacPaxlstWarning *warning = g_new0 (TarmacPaxlstWarning, 1);

      warning->code = TARMAC_PAXLST_WARNING_TRUNCATED;
      warning->message = g_strdup_printf (_("Reading stopped: %s"), local_error->message);
      warning->offset = length;
      warning->segment_index = n_segments;
      g_ptr_array_add (out_warnings, warning);
    }

  if (out_messages->len == 0)
    {
      g_set_error (error, TARMAC_PAXLST_ERROR, TARMAC_PAXLST_ERROR_NO_MESSAGE,
                   _("No PAXLST message (UNH) in %u segments (%zu bytes)"),
                   n_segments, (size_t) length);
      return FALSE;
    }

  *messages = g_steal_pointer (&out_messages);
  *warnings = g_steal_pointer (&out_warnings);
  return TRUE;
}

void
tarmac_paxlst_message_free (TarmacPaxlstMessage *message)
{
  if (message == NULL)
    return;

  g_free (message->reference);
  g_free (message->version);
  g_free (message->common_access_reference);
  g_free (message->sender);
  g_free (message->recipient);
  g_free (message->group_sender);
  g_free (message->document_code);
  g_free (message->transaction_reference);
  g_free (message->reporting_party);
  g_free (message->carrier);
  g_free (message->flight_number);
  g_free (message->flight_id);
  g_clear_pointer (&message->legs, g_ptr_array_unref);
  g_clear_pointer (&message->travellers, g_ptr_array_unref);
  g_free (message->count_qualifier);
  g_free (message);
}

void
tarmac_paxlst_warning_free (TarmacPaxlstWarning *warning)
{
  if (warning == NULL)
    return;

  g_free (warning->message);
  g_free (warning);
}

/**
 * tarmac_paxlst_message_new:
 *
 * An empty message, for importers that build a manifest from another format (a
 * spreadsheet) and store it the way a PAXLST is stored.
 *
 * Returns: (transfer full): a message without legs or travellers, count -1
 */
TarmacPaxlstMessage *
tarmac_paxlst_message_new (void)
{
  TarmacPaxlstMessage *message = g_new0 (TarmacPaxlstMessage, 1);

  message->legs = g_ptr_array_new_with_free_func (leg_free);
  message->travellers = g_ptr_array_new_with_free_func (traveller_free);
  message->count = -1;
  return message;
}

/**
 * tarmac_paxlst_message_add_leg:
 * @message: a message
 *
 * Returns: (transfer none): a new empty leg at the end of @message's legs
 */
TarmacPaxlstLeg *
tarmac_paxlst_message_add_leg (TarmacPaxlstMessage *message)
{
  TarmacPaxlstLeg *leg = g_new0 (TarmacPaxlstLeg, 1);

  g_ptr_array_add (message->legs, leg);
  return leg;
}

/**
 * tarmac_paxlst_message_add_traveller:
 * @message: a message
 *
 * Returns: (transfer none): a new traveller, without bags (-1) or documents
 */
TarmacPaxlstTraveller *
tarmac_paxlst_message_add_traveller (TarmacPaxlstMessage *message)
{
  TarmacPaxlstTraveller *traveller = g_new0 (TarmacPaxlstTraveller, 1);

  traveller->bag_count = -1;
  traveller->bag_weight = -1;
  traveller->bag_tags = g_ptr_array_new_with_free_func (g_free);
  traveller->documents = g_ptr_array_new_with_free_func (travel_document_free);
  g_ptr_array_add (message->travellers, traveller);
  return traveller;
}

/**
 * tarmac_paxlst_traveller_add_document:
 * @traveller: a traveller
 *
 * Returns: (transfer none): a new empty document of @traveller
 */
TarmacPaxlstTravelDocument *
tarmac_paxlst_traveller_add_document (TarmacPaxlstTraveller *traveller)
{
  TarmacPaxlstTravelDocument *document = g_new0 (TarmacPaxlstTravelDocument, 1);

  g_ptr_array_add (traveller->documents, document);
  return document;
}
