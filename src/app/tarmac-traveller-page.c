/* tarmac-traveller-page.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-traveller-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tarmac-co-traveller.h"
#include "tarmac-document-check.h"
#include "tarmac-finding.h"
#include "tarmac-format.h"
#include "tarmac-pnr-contact.h"
#include "tarmac-pnr-history.h"
#include "tarmac-pnr-payment.h"
#include "tarmac-pnr-segment.h"
#include "tarmac-pnr-ssr.h"
#include "tarmac-pnr-version.h"
#include "tarmac-travel-document.h"
#include "tarmac-traveller-hit.h"
#include "tarmac-traveller-page.h"
#include "tarmac-traveller-source.h"

/* One traveller: what the manifest and the booking say, in boxed lists as in the
 * Preferences, one group per subject. The detail is read in a worker thread on a
 * connection of its own (tarmac_store_load_traveller_detail_async), which writes the
 * view to the audit log. Groups with nothing to show are hidden. */
struct _TarmacTravellerPage
{
  TarmacPage             parent_instance;

  /* Template widgets */
  GtkStack              *stack;
  GtkSpinner            *spinner;
  AdwStatusPage         *error_page;
  GtkScrolledWindow     *scrolled_window;
  AdwAvatar             *avatar;
  GtkLabel              *name_label;
  GtkWidget             *note_button;
  GtkLabel              *summary_label;
  GtkWidget             *seizure_button;
  GtkLabel              *masked_label;
  GtkListBox            *hits_list;
  GtkListBox            *identity_list;
  GtkListBox            *documents_list;
  GtkListBox            *findings_list;
  GtkListBox            *booking_list;
  GtkListBox            *itinerary_list;
  GtkListBox            *contacts_list;
  GtkListBox            *payment_list;
  GtkListBox            *ssrs_list;
  GtkListBox            *co_travellers_list;
  GtkListBox            *history_list;
  GtkListBox            *sources_list;

  /* Borrowed references: the lists above, to clear and hide them together */
  GtkListBox            *lists[12];

  /* Owned references */
  TarmacTravellerDetail *detail;
  GCancellable          *cancellable;     /* the load in progress */

  gint64                 traveller_id;
};

G_DEFINE_FINAL_TYPE (TarmacTravellerPage, tarmac_traveller_page, TARMAC_TYPE_PAGE)

enum {
  PROP_0,
  PROP_DETAIL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
is_set (const char *text)
{
  return text != NULL && *text != '\0';
}

/* What retention leaves in place of a value ("***", or "*" and a row number for a
 * booking's locator): nothing to show. */
static gboolean
is_masked_value (const char *text)
{
  return text != NULL && text[0] == '*';
}

static const char *
or_empty (const char *text)
{
  return text != NULL ? text : "";
}

static void
clear_lists (TarmacTravellerPage *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (self->lists); i++)
    {
      GtkWidget *child;

      while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->lists[i]))) != NULL)
        gtk_list_box_remove (self->lists[i], child);
    }
}

/* A list's group shows only when the list has rows. */
static void
update_group_visibility (TarmacTravellerPage *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (self->lists); i++)
    {
      GtkWidget *list = GTK_WIDGET (self->lists[i]);
      GtkWidget *group = gtk_widget_get_ancestor (list, ADW_TYPE_PREFERENCES_GROUP);

      gtk_widget_set_visible (group, gtk_widget_get_first_child (list) != NULL);
    }
}

static GtkWidget *
add_row (GtkListBox *list,
         const char *title,
         const char *subtitle)
{
  GtkWidget *row;

  row = g_object_new (ADW_TYPE_ACTION_ROW,
                      "use-markup", FALSE,
                      "title", title != NULL ? title : "",
                      "subtitle", subtitle,
                      NULL);
  gtk_list_box_append (list, row);

  return row;
}

/* A field and its value: the name small above, the value as the row's text. The value
 * is isolated (FSI … PDI), so a phone number keeps its order in a right-to-left window:
 * without a letter to say otherwise, it reads left to right. */
static void
add_property (GtkListBox *list,
              const char *label,
              const char *value)
{
  g_autofree char *isolated = NULL;
  GtkWidget *row;

  if (!is_set (value) || is_masked_value (value))
    return;

  isolated = g_strconcat ("\u2068", value, "\u2069", NULL);
  row = add_row (list, label, isolated);
  gtk_widget_add_css_class (row, "property");
}

static void
add_badge (GtkWidget  *row,
           const char *text,
           const char *style)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (label, "status-badge");
  if (style != NULL)
    gtk_widget_add_css_class (label, style);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
}

/* Parts of a subtitle, each a complete phrase, joined like a list. */
static void
append_part (GString    *text,
             const char *part)
{
  if (!is_set (part))
    return;

  if (text->len > 0)
    g_string_append (text, " · ");
  g_string_append (text, part);
}

static char *
format_date_or_raw (const char *day)
{
  char *formatted = tarmac_format_date (day);

  return formatted != NULL ? formatted : g_strdup (day);
}

static char *
format_timestamp_or_raw (const char *timestamp)
{
  char *formatted = tarmac_format_timestamp_long (timestamp);

  return formatted != NULL ? formatted : g_strdup (timestamp);
}

/* A time from an airline message: its own wall-clock time, often without seconds. */
static char *
format_source_time_or_raw (const char *timestamp)
{
  char *formatted = tarmac_format_source_time_long (timestamp);

  return formatted != NULL ? formatted : g_strdup (timestamp);
}

static const char *
format_sex (const char *sex)
{
  if (g_strcmp0 (sex, "M") == 0)
    return C_("sex", "Male");
  if (g_strcmp0 (sex, "F") == 0)
    return C_("sex", "Female");
  if (g_strcmp0 (sex, "X") == 0)
    return C_("sex", "Unspecified");
  if (g_strcmp0 (sex, "U") == 0)
    return C_("sex", "Unknown");
  return sex;
}

/* The store keeps the status as a code ("boarded"); anything else is shown as given. */
static const char *
format_boarding_status (const char *status)
{
  if (g_strcmp0 (status, "boarded") == 0)
    return C_("boarding status", "Boarded");
  if (g_strcmp0 (status, "not-boarded") == 0 || g_strcmp0 (status, "not_boarded") == 0)
    return C_("boarding status", "Not boarded");
  return status;
}

static char *
format_bags (TarmacTravellerDetail *detail)
{
  int count = tarmac_traveller_detail_get_bag_count (detail);
  double weight = tarmac_traveller_detail_get_bag_weight_kg (detail);

  if (count < 0 && weight < 0.0)
    return NULL;

  if (count >= 0 && weight > 0.0)
    /* Translators: checked bags, for example "2 bags, 23.5 kg" */
    return g_strdup_printf (ngettext ("%d bag, %.1f kg", "%d bags, %.1f kg", count),
                            count, weight);

  if (count >= 0)
    return g_strdup_printf (ngettext ("%d bag", "%d bags", count), count);

  /* Translators: the weight of checked bags when their number is not known */
  return g_strdup_printf (_("%.1f kg"), weight);
}

static const char *
format_reported_by (TarmacTravellerDetail *detail)
{
  gboolean api = tarmac_traveller_detail_get_from_api (detail);
  gboolean pnr = tarmac_traveller_detail_get_from_pnr (detail);

  if (api && pnr)
    return _("Passenger manifest (API) and booking (PNR)");
  if (api)
    return _("Passenger manifest (API)");
  if (pnr)
    return _("Booking (PNR)");
  return NULL;
}

static const char *
format_kind (TarmacTravellerDetail *detail)
{
  if (tarmac_traveller_detail_get_is_infant (detail))
    return C_("traveller kind", "Infant");

  return tarmac_format_traveller_kind (tarmac_traveller_detail_get_kind (detail));
}

static void
fill_header (TarmacTravellerPage *self)
{
  TarmacTravellerDetail *detail = self->detail;
  gboolean masked = tarmac_traveller_detail_get_masked (detail);
  const char *name = tarmac_traveller_detail_get_full_name (detail);
  g_autofree char *summary = NULL;

  if (masked || !is_set (name))
    name = _("Masked Traveller");

  gtk_label_set_label (self->name_label, name);
  adw_avatar_set_text (self->avatar, masked ? NULL : name);
  /* A note about this traveller names them by flight and seat (or booking reference),
   * not by name: nominal data leaves the workstation only in lookouts, which expire
   * (DESIGN.md §8). The officer writes more in the text if the case needs it. */
  {
    const char *seat = tarmac_traveller_detail_get_seat (detail);
    const char *booking = tarmac_traveller_detail_get_booking_reference (detail);
    const char *flight = tarmac_traveller_detail_get_flight_label (detail);
    g_autofree char *reference = NULL;

    if (is_set (seat))
      /* Translators: what a note is about: a flight ("ET 935 · 2026-03-05") and a seat */
      reference = g_strdup_printf (_("%1$s, seat %2$s"), flight, seat);
    else if (is_set (booking))
      /* Translators: what a note is about: a flight ("ET 935 · 2026-03-05") and a booking
       * reference */
      reference = g_strdup_printf (_("%1$s, booking %2$s"), flight, booking);
    else
      reference = g_strdup (flight);

    gtk_widget_set_visible (self->note_button, is_set (flight));
    gtk_actionable_set_action_target (GTK_ACTIONABLE (self->note_button), "(ss)", "traveller",
                                      reference != NULL ? reference : "");
    gtk_actionable_set_action_name (GTK_ACTIONABLE (self->note_button), "win.send-note-about");
  }
  adw_avatar_set_icon_name (self->avatar, "avatar-default-symbolic");

  /* Translators: under a traveller's name: passenger, crew or infant, then the flight
   * ("ET 935 · 2026-03-05") */
  summary = g_strdup_printf (_("%1$s · %2$s"), format_kind (detail),
                             tarmac_traveller_detail_get_flight_label (detail));
  gtk_label_set_label (self->summary_label, summary);
  gtk_widget_set_visible (GTK_WIDGET (self->masked_label), masked);

  tarmac_page_set_title (TARMAC_PAGE (self), name);
  tarmac_page_set_subtitle (TARMAC_PAGE (self), tarmac_traveller_detail_get_flight_label (detail));
}

static void
fill_identity (TarmacTravellerPage *self)
{
  TarmacTravellerDetail *detail = self->detail;
  GtkListBox *list = self->identity_list;
  g_autofree char *born = format_date_or_raw (tarmac_traveller_detail_get_date_of_birth (detail));
  g_autofree char *bags = format_bags (detail);

  add_property (list, _("Surname"), tarmac_traveller_detail_get_surname (detail));
  add_property (list, _("Given Names"), tarmac_traveller_detail_get_given_names (detail));
  add_property (list, C_("traveller", "Sex"), format_sex (tarmac_traveller_detail_get_sex (detail)));
  add_property (list, _("Date of Birth"), born);
  add_property (list, _("Nationality"), tarmac_traveller_detail_get_nationality (detail));
  add_property (list, _("Country of Residence"), tarmac_traveller_detail_get_residence (detail));
  add_property (list, _("Place of Birth"), tarmac_traveller_detail_get_birthplace (detail));
  add_property (list, C_("traveller", "Kind"), format_kind (detail));
  add_property (list, C_("aircraft seat", "Seat"), tarmac_traveller_detail_get_seat (detail));
  add_property (list, _("Checked Bags"), bags);
  add_property (list, _("Bag Tags"), tarmac_traveller_detail_get_bag_tags (detail));
  add_property (list, _("Boarding Status"),
                format_boarding_status (tarmac_traveller_detail_get_boarding_status (detail)));
  if (tarmac_traveller_detail_get_transit (detail))
    add_property (list, C_("traveller", "Transit"), _("In transit at this airport"));
  add_property (list, _("Embarkation"), tarmac_traveller_detail_get_embarkation (detail));
  add_property (list, _("Debarkation"), tarmac_traveller_detail_get_debarkation (detail));
  add_property (list, _("Booking Reference"), tarmac_traveller_detail_get_booking_reference (detail));
  add_property (list, _("Reported By"), format_reported_by (detail));
}

static const char *
format_document_type (const char *type)
{
  /* ICAO 9303 document codes: the first letter says what it is. */
  switch (type != NULL ? type[0] : '\0')
    {
    case 'P':
      return C_("document", "Passport");
    case 'I':
    case 'A':
    case 'C':
      return C_("document", "Identity card");
    case 'V':
      return C_("document", "Visa");
    default:
      return type;
    }
}

static void
fill_documents (TarmacTravellerPage *self)
{
  GListModel *documents = tarmac_traveller_detail_get_documents (self->detail);
  guint n_items = g_list_model_get_n_items (documents);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(TarmacTravelDocument) document = g_list_model_get_item (documents, i);
      const char *state = tarmac_travel_document_get_issuing_state (document);
      const char *verdict = tarmac_travel_document_get_check_verdict (document);
      g_autofree char *expires = NULL;
      g_autofree char *issued_by = NULL;
      g_autofree char *expiry = NULL;
      g_autoptr(GString) subtitle = g_string_new (NULL);
      GtkWidget *row;

      append_part (subtitle, format_document_type (tarmac_travel_document_get_document_type (document)));
      if (is_set (state))
        {
          /* Translators: %s is the issuing state's code, for example "GHA" */
          issued_by = g_strdup_printf (_("Issued by %s"), state);
          append_part (subtitle, issued_by);
        }
      expires = format_date_or_raw (tarmac_travel_document_get_expires_on (document));
      if (is_set (expires))
        {
          /* Translators: %s is a date, for example "5 March 2030" */
          expiry = g_strdup_printf (_("Expires %s"), expires);
          append_part (subtitle, expiry);
        }

      row = add_row (self->documents_list,
                     is_masked_value (tarmac_travel_document_get_number (document))
                       ? C_("document", "Number masked")
                       : tarmac_travel_document_get_number (document),
                     subtitle->str);

      if (g_strcmp0 (verdict, "valid") == 0)
        add_badge (row, C_("document check", "Checked"), "success");
      else if (g_strcmp0 (verdict, "invalid") == 0)
        add_badge (row, C_("document check", "Check failed"), "error");
    }
}

static void
fill_findings (TarmacTravellerPage *self)
{
  GListModel *findings = tarmac_traveller_detail_get_findings (self->detail);
  guint n_items = g_list_model_get_n_items (findings);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(TarmacFinding) finding = g_list_model_get_item (findings, i);
      const char *detail = tarmac_finding_get_detail (finding);
      GtkWidget *row;
      GtkWidget *icon;

      row = add_row (self->findings_list,
                     tarmac_finding_code_label (or_empty (tarmac_finding_get_code (finding))),
                     is_set (detail) ? detail : NULL);
      icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
      gtk_widget_add_css_class (icon, "warning");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
    }
}

static const char *
format_hit_source (const char *source)
{
  if (g_strcmp0 (source, "watchlist") == 0)
    return C_("hit source", "Watchlist");
  if (g_strcmp0 (source, "document_list") == 0)
    return C_("hit source", "Lost or stolen documents");
  if (g_strcmp0 (source, "rule") == 0)
    return C_("hit source", "Risk rule");
  if (g_strcmp0 (source, "lookout") == 0)
    return C_("hit source", "Lookout");
  if (g_strcmp0 (source, "manual") == 0)
    return C_("hit source", "Flagged by an officer");
  return source;
}

static const char *
format_hit_status (const char  *status,
                   const char **style)
{
  *style = NULL;

  if (g_strcmp0 (status, "new") == 0)
    {
      *style = "warning";
      return C_("hit status", "New");
    }
  if (g_strcmp0 (status, "in_review") == 0)
    {
      *style = "warning";
      return C_("hit status", "In review");
    }
  if (g_strcmp0 (status, "referred") == 0)
    {
      *style = "warning";
      return C_("hit status", "Referred");
    }
  if (g_strcmp0 (status, "cleared") == 0)
    return C_("hit status", "Cleared");
  if (g_strcmp0 (status, "controlled_positive") == 0)
    {
      *style = "error";
      return C_("hit status", "Controlled, positive");
    }
  if (g_strcmp0 (status, "controlled_negative") == 0)
    return C_("hit status", "Controlled, negative");
  if (g_strcmp0 (status, "not_controlled") == 0)
    return C_("hit status", "Not controlled");
  return status;
}

static void
fill_hits (TarmacTravellerPage *self)
{
  GListModel *hits = tarmac_traveller_detail_get_hits (self->detail);
  guint n_items = g_list_model_get_n_items (hits);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(TarmacTravellerHit) hit = g_list_model_get_item (hits, i);
      g_autofree char *when = format_timestamp_or_raw (tarmac_traveller_hit_get_created_at (hit));
      g_autofree char *score = NULL;
      g_autoptr(GString) subtitle = g_string_new (NULL);
      const char *status;
      const char *style;
      GtkWidget *row;

      append_part (subtitle, tarmac_traveller_hit_get_explanation (hit));
      /* Translators: how strongly a hit matched, for example "score 85%" */
      score = g_strdup_printf (_("score %d%%"),
                               (int) (tarmac_traveller_hit_get_score (hit) * 100.0 + 0.5));
      append_part (subtitle, score);
      append_part (subtitle, when);

      row = add_row (self->hits_list, format_hit_source (tarmac_traveller_hit_get_source (hit)),
                     subtitle->str);
      status = format_hit_status (tarmac_traveller_hit_get_status (hit), &style);
      add_badge (row, status, style);
    }
}

static void
fill_booking (TarmacTravellerPage *self)
{
  TarmacTravellerDetail *detail = self->detail;
  GListModel *versions = tarmac_traveller_detail_get_pnr_versions (detail);
  guint n_items = g_list_model_get_n_items (versions);
  const char *locator = tarmac_traveller_detail_get_pnr_locator (detail);
  const char *carrier = tarmac_traveller_detail_get_pnr_carrier (detail);
  g_autofree char *created = NULL;
  g_autofree char *record = NULL;

  if (!is_set (locator))
    return;
  if (is_masked_value (locator))
    locator = C_("booking", "Masked");

  if (is_set (carrier))
    /* Translators: a booking's record locator and the airline that holds it, for
     * example "ZF72ZK (KP)" */
    record = g_strdup_printf (_("%1$s (%2$s)"), locator, carrier);
  else
    record = g_strdup (locator);

  created = format_source_time_or_raw (tarmac_traveller_detail_get_pnr_created_at (detail));

  add_property (self->booking_list, _("Record Locator"), record);
  add_property (self->booking_list, _("Booked"), created);
  add_property (self->booking_list, _("Travel Agency"), tarmac_traveller_detail_get_pnr_agency (detail));
  add_property (self->booking_list, _("Point of Sale"),
                tarmac_traveller_detail_get_pnr_point_of_sale (detail));

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(TarmacPnrVersion) version = g_list_model_get_item (versions, i);
      g_autofree char *title = NULL;
      g_autofree char *pushed = NULL;
      g_autofree char *pushed_at = NULL;
      g_autoptr(GString) subtitle = g_string_new (NULL);
      GtkWidget *row;

      /* Translators: one push of a booking by the airline; %lld counts them from 1 */
      title = g_strdup_printf (_("Version %lld"),
                               (long long) tarmac_pnr_version_get_version (version));
      pushed_at = format_source_time_or_raw (tarmac_pnr_version_get_pushed_at (version));
      if (is_set (pushed_at))
        {
          /* Translators: when the airline sent this version of the booking */
          pushed = g_strdup_printf (_("Pushed %s"), pushed_at);
          append_part (subtitle, pushed);
        }
      append_part (subtitle, tarmac_pnr_version_get_file_name (version));

      row = add_row (self->booking_list, title, subtitle->str);
      if (n_items > 1 &&
          tarmac_pnr_version_get_id (version) == tarmac_traveller_detail_get_pnr_id (detail))
        add_badge (row, C_("booking version", "Shown"), "accent");
    }
}

static char *
format_route (const char *origin,
              const char *destination)
{
  /* Translators: a flight's route from origin to destination airport code, for example
   * "ADD → LFW". Right-to-left languages may want "%2$s ← %1$s" or similar. */
  return g_strdup_printf (_("%1$s → %2$s"), origin != NULL ? origin : "?",
                          destination != NULL ? destination : "?");
}

static void
fill_itinerary (TarmacTravellerPage *self)
{
  GListModel *segments = tarmac_traveller_detail_get_segments (self->detail);
  guint n_items = g_list_model_get_n_items (segments);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(TarmacPnrSegment) segment = g_list_model_get_item (segments, i);
      g_autofree char *route = format_route (tarmac_pnr_segment_get_origin (segment),
                                             tarmac_pnr_segment_get_destination (segment));
      g_autofree char *title = NULL;
      g_autofree char *departs = NULL;
      g_autofree char *departs_at = NULL;
      g_autofree char *arrives = NULL;
      g_autofree char *arrives_at = NULL;
      g_autoptr(GString) subtitle = g_string_new (NULL);

      /* Translators: an itinerary line: the flight ("ET 935"), then its route */
      title = g_strdup_printf (_("%1$s %2$s · %3$s"),
                               or_empty (tarmac_pnr_segment_get_carrier (segment)),
                               or_empty (tarmac_pnr_segment_get_number (segment)), route);

      departs_at = format_source_time_or_raw (tarmac_pnr_segment_get_departure (segment));
      arrives_at = tarmac_format_time (tarmac_pnr_segment_get_arrival (segment));
      if (is_set (departs_at))
        {
          /* Translators: %s is a date and time */
          departs = g_strdup_printf (_("Departs %s"), departs_at);
          append_part (subtitle, departs);
        }
      else
        {
          g_autofree char *day = format_date_or_raw (tarmac_pnr_segment_get_flight_date (segment));
          append_part (subtitle, day);
        }
      if (is_set (arrives_at))
        {
          /* Translators: %s is a scheduled time of day, for example "12:35" */
          arrives = g_strdup_printf (_("Arrives %s"), arrives_at);
          append_part (subtitle, arrives);
        }

      add_row (self->itinerary_list, title, subtitle->str);
    }
}

static const char *
format_contact_kind (const char *kind)
{
  if (g_strcmp0 (kind, "phone") == 0)
    return C_("contact", "Phone");
  if (g_strcmp0 (kind, "email") == 0)
    return C_("contact", "E-mail");
  if (g_strcmp0 (kind, "address") == 0)
    return C_("contact", "Address");
  return kind;
}

static void
fill_contacts (TarmacTravellerPage *self)
{
  GListModel *contacts = tarmac_traveller_detail_get_contacts (self->detail);
  guint n_items = g_list_model_get_n_items (contacts);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(TarmacPnrContact) contact = g_list_model_get_item (contacts, i);

      add_property (self->contacts_list,
                    format_contact_kind (tarmac_pnr_contact_get_kind (contact)),
                    tarmac_pnr_contact_get_value (contact));
    }
}

static const char *
format_payment_form (const char *form)
{
  /* PNRGOV FOP codes (research/formats.md §3) */
  if (g_strcmp0 (form, "CC") == 0)
    return C_("payment", "Card");
  if (g_strcmp0 (form, "CA") == 0)
    return C_("payment", "Cash");
  if (g_strcmp0 (form, "CK") == 0)
    return C_("payment", "Cheque");
  if (g_strcmp0 (form, "MS") == 0)
    return C_("payment", "Other");
  return form;
}

static void
fill_payments (TarmacTravellerPage *self)
{
  GListModel *payments = tarmac_traveller_detail_get_payments (self->detail);
  guint n_items = g_list_model_get_n_items (payments);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(TarmacPnrPayment) payment = g_list_model_get_item (payments, i);
      const char *last4 = tarmac_pnr_payment_get_card_last4 (payment);
      g_autofree char *card = NULL;
      g_autofree char *amount = NULL;
      g_autoptr(GString) subtitle = g_string_new (NULL);

      if (is_set (last4))
        {
          /* Translators: a payment card shown by its last four digits only */
          card = g_strdup_printf (_("Card ending in %s"), last4);
          append_part (subtitle, card);
        }
      if (tarmac_pnr_payment_get_has_amount (payment))
        {
          const char *currency = tarmac_pnr_payment_get_currency (payment);

          /* Translators: an amount and its currency code, for example "274700.00 XOF" */
          amount = g_strdup_printf (_("%.2f %s"), tarmac_pnr_payment_get_amount (payment),
                                    currency != NULL ? currency : "");
          g_strstrip (amount);
          append_part (subtitle, amount);
        }

      add_row (self->payment_list,
               format_payment_form (tarmac_pnr_payment_get_form (payment)),
               subtitle->len > 0 ? subtitle->str : NULL);
    }
}

static void
fill_ssrs (TarmacTravellerPage *self)
{
  GListModel *ssrs = tarmac_traveller_detail_get_ssrs (self->detail);
  guint n_items = g_list_model_get_n_items (ssrs);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(TarmacPnrSsr) ssr = g_list_model_get_item (ssrs, i);
      const char *text = tarmac_pnr_ssr_get_text (ssr);

      add_row (self->ssrs_list, tarmac_pnr_ssr_get_code (ssr), is_set (text) ? text : NULL);
    }
}

static char *
format_co_reason (TarmacCoTraveller *co)
{
  /* Isolated, as in add_property(): a phone number inside a right-to-left sentence. */
  g_autofree char *detail = g_strconcat ("\u2068", or_empty (tarmac_co_traveller_get_detail (co)),
                                         "\u2069", NULL);

  switch (tarmac_co_traveller_get_reason (co))
    {
    case TARMAC_CO_TRAVELLER_SAME_BOOKING_REFERENCE:
      /* Translators: why another traveller is listed; %s is the booking reference */
      return g_strdup_printf (_("Same booking reference %s"), detail);
    case TARMAC_CO_TRAVELLER_SHARED_CONTACT:
      /* Translators: why another traveller is listed; %s is a phone number, e-mail
       * address or postal address both bookings give */
      return g_strdup_printf (_("Shares %s"), detail);
    case TARMAC_CO_TRAVELLER_SAME_BOOKING:
    default:
      return g_strdup (_("Same booking"));
    }
}

static void
fill_co_travellers (TarmacTravellerPage *self)
{
  GListModel *co_travellers = tarmac_traveller_detail_get_co_travellers (self->detail);
  guint n_items = g_list_model_get_n_items (co_travellers);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(TarmacCoTraveller) co = g_list_model_get_item (co_travellers, i);
      g_autofree char *reason = format_co_reason (co);
      g_autoptr(GString) subtitle = g_string_new (NULL);
      const char *name = tarmac_co_traveller_get_full_name (co);
      GVariant *target;
      GtkWidget *row;

      if (tarmac_co_traveller_get_masked (co) || !is_set (name))
        name = _("Masked Traveller");

      append_part (subtitle, reason);
      append_part (subtitle, tarmac_co_traveller_get_flight_label (co));

      /* The row names the action, like every button: a click, Enter and the test all
       * go through win.show-traveller. */
      row = add_row (self->co_travellers_list, name, subtitle->str);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      target = g_variant_new_int64 (tarmac_co_traveller_get_traveller_id (co));
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row), target);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.show-traveller");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
    }
}

static void
fill_history (TarmacTravellerPage *self)
{
  GListModel *history = tarmac_traveller_detail_get_history (self->detail);
  guint n_items = g_list_model_get_n_items (history);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(TarmacPnrHistory) entry = g_list_model_get_item (history, i);
      const char *text = tarmac_pnr_history_get_text (entry);
      g_autofree char *when = format_source_time_or_raw (tarmac_pnr_history_get_at (entry));
      g_autoptr(GString) subtitle = g_string_new (NULL);

      append_part (subtitle, tarmac_pnr_history_get_action (entry));
      append_part (subtitle, when);

      add_row (self->history_list, is_set (text) ? text : tarmac_pnr_history_get_action (entry),
               subtitle->len > 0 ? subtitle->str : NULL);
    }
}

static void
fill_sources (TarmacTravellerPage *self)
{
  GListModel *sources = tarmac_traveller_detail_get_sources (self->detail);
  guint n_items = g_list_model_get_n_items (sources);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(TarmacTravellerSource) source = g_list_model_get_item (sources, i);
      const char *reference = tarmac_traveller_source_get_reference (source);
      g_autofree char *format = NULL;
      g_autofree char *imported_at = NULL;
      g_autofree char *imported = NULL;
      g_autofree char *message = NULL;
      g_autoptr(GString) subtitle = g_string_new (NULL);

      format = g_ascii_strup (or_empty (tarmac_traveller_source_get_format (source)), -1);
      append_part (subtitle, format);
      imported_at = format_timestamp_or_raw (tarmac_traveller_source_get_imported_at (source));
      if (is_set (imported_at))
        {
          /* Translators: %s is a date and time */
          imported = g_strdup_printf (_("Imported %s"), imported_at);
          append_part (subtitle, imported);
        }
      if (is_set (reference))
        {
          /* Translators: %s is the reference the sender gave the message */
          message = g_strdup_printf (_("Message %s"), reference);
          append_part (subtitle, message);
        }

      add_row (self->sources_list, tarmac_traveller_source_get_file_name (source),
               subtitle->str);
    }
}

static void
show_detail (TarmacTravellerPage *self,
             gboolean             same_traveller)
{
  GtkAdjustment *adjustment;

  clear_lists (self);
  fill_header (self);
  fill_hits (self);
  fill_identity (self);
  fill_documents (self);
  fill_findings (self);
  fill_booking (self);
  fill_itinerary (self);
  fill_contacts (self);
  fill_payments (self);
  fill_ssrs (self);
  fill_co_travellers (self);
  fill_history (self);
  fill_sources (self);
  update_group_visibility (self);

  /* Another traveller starts at the top; the same one read again stays where it was. */
  adjustment = gtk_scrolled_window_get_vadjustment (self->scrolled_window);
  if (!same_traveller)
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_lower (adjustment));

  gtk_spinner_stop (self->spinner);
  gtk_stack_set_visible_child_name (self->stack, "detail");
  tarmac_page_set_empty (TARMAC_PAGE (self), FALSE);
}

static void
show_error (TarmacTravellerPage *self,
            const GError        *error)
{
  gtk_spinner_stop (self->spinner);
  adw_status_page_set_description (self->error_page, error->message);
  gtk_stack_set_visible_child_name (self->stack, "error");
  tarmac_page_set_title (TARMAC_PAGE (self), _("Traveller"));
  tarmac_page_set_subtitle (TARMAC_PAGE (self), NULL);
  tarmac_page_set_empty (TARMAC_PAGE (self), TRUE);
}

/* The load holds the page weakly: a page closed while its load runs is disposed at once
 * (which cancels the load) instead of living on with a thread of its own, and the
 * callback then finds nothing to show. */
static GWeakRef *
weak_page_new (TarmacTravellerPage *self)
{
  GWeakRef *weak = g_new0 (GWeakRef, 1);

  g_weak_ref_init (weak, self);
  return weak;
}

static void
on_detail_loaded_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  GWeakRef *weak = user_data;
  g_autoptr(TarmacTravellerPage) self = g_weak_ref_get (weak);
  g_autoptr(TarmacTravellerDetail) detail = NULL;
  g_autoptr(GError) error = NULL;
  gboolean same_traveller;

  g_weak_ref_clear (weak);
  g_free (weak);
  detail = tarmac_store_load_traveller_detail_finish (TARMAC_STORE (object), result, &error);

  /* Cancelled: another traveller was asked for, or the page is gone or going away. */
  if (self == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      self->cancellable == NULL || g_cancellable_is_cancelled (self->cancellable) ||
      g_task_get_cancellable (G_TASK (result)) != self->cancellable)
    return;

  g_clear_object (&self->cancellable);

  if (detail == NULL)
    {
      /* A traveller deleted by retention meanwhile is no fault of the program. */
      if (!g_error_matches (error, TARMAC_STORE_ERROR, TARMAC_STORE_ERROR_NOT_FOUND))
        g_warning ("Could not read traveller %" G_GINT64_FORMAT ": %s",
                   self->traveller_id, error->message);
      show_error (self, error);
      return;
    }

  same_traveller = self->detail != NULL &&
                   tarmac_traveller_detail_get_id (self->detail) ==
                   tarmac_traveller_detail_get_id (detail);
  g_set_object (&self->detail, detail);
  show_detail (self, same_traveller);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DETAIL]);
}

/* The same traveller read again (screening found new hits), in place: the page shows what
 * it has until the new read arrives, and keeps its scroll position. Like every read of a
 * traveller, it is audited. */
static void
tarmac_traveller_page_reload (TarmacPage *page)
{
  TarmacTravellerPage *self = TARMAC_TRAVELLER_PAGE (page);
  TarmacStore *store = tarmac_page_get_store (page);

  if (store == NULL || self->detail == NULL || self->cancellable != NULL)
    return;

  self->cancellable = g_cancellable_new ();
  tarmac_store_load_traveller_detail_async (store, self->traveller_id, self->cancellable,
                                            on_detail_loaded_cb, weak_page_new (self));
}

static void
tarmac_traveller_page_dispose (GObject *object)
{
  TarmacTravellerPage *self = (TarmacTravellerPage *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), TARMAC_TYPE_TRAVELLER_PAGE);

  g_clear_object (&self->detail);

  G_OBJECT_CLASS (tarmac_traveller_page_parent_class)->dispose (object);
}

static void
tarmac_traveller_page_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  TarmacTravellerPage *self = TARMAC_TRAVELLER_PAGE (object);

  switch (prop_id)
    {
    case PROP_DETAIL:
      g_value_set_object (value, tarmac_traveller_page_get_detail (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tarmac_traveller_page_class_init (TarmacTravellerPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tarmac_traveller_page_dispose;
  object_class->get_property = tarmac_traveller_page_get_property;

  TARMAC_PAGE_CLASS (klass)->reload = tarmac_traveller_page_reload;

  /**
   * TarmacTravellerPage:detail:
   *
   * The traveller shown, once read; %NULL while reading and after an error.
   */
  properties[PROP_DETAIL] =
    g_param_spec_object ("detail", NULL, NULL,
                         TARMAC_TYPE_TRAVELLER_DETAIL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/jaitf/Tarmac/tarmac-traveller-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TarmacTravellerPage, avatar);
  gtk_widget_class_bind_template_child (widget_class, TarmacTravellerPage, booking_list);
  gtk_widget_class_bind_template_child (widget_class, TarmacTravellerPage, co_travellers_list);
  gtk_widget_class_bind_template_child (widget_class, TarmacTravellerPage, contacts_list);
  gtk_widget_class_bind_template_child (widget_class, TarmacTravellerPage, documents_list);
  gtk_widget_class_bind_template_child (widget_class, TarmacTravellerPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, TarmacTravellerPage, findings_list);
  gtk_widget_class_bind_template_child (widget_class, TarmacTravellerPage, history_list);
  gtk_widget_class_bind_template_child (widget_class, TarmacTravellerPage, hits_list);
  gtk_widget_class_bind_template_child (widget_class, TarmacTravellerPage, identity_list);
  gtk_widget_class_bind_template_child (widget_class, TarmacTravellerPage, itinerary_list);
  gtk_widget_class_bind_template_child (widget_class, TarmacTravellerPage, masked_label);
  gtk_widget_class_bind_template_child (widget_class, TarmacTravellerPage, name_label);
  gtk_widget_class_bind_template_child (widget_class, TarmacTravellerPage, note_button);
  gtk_widget_class_bind_template_child (widget_class, TarmacTravellerPage, payment_list);
  gtk_widget_class_bind_template_child (widget_class, TarmacTravellerPage, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, TarmacTravellerPage, sources_list);
  gtk_widget_class_bind_template_child (widget_class, TarmacTravellerPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, TarmacTravellerPage, ssrs_list);
  gtk_widget_class_bind_template_child (widget_class, TarmacTravellerPage, stack);
  gtk_widget_class_bind_template_child (widget_class, TarmacTravellerPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, TarmacTravellerPage, seizure_button);
}

static void
tarmac_traveller_page_init (TarmacTravellerPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* The target names what the form starts from; set before the action, which checks it. */
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->seizure_button), "(xxx)",
                                    (gint64) 0, (gint64) 0, (gint64) 0);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->seizure_button), "win.record-seizure");

  {
    GtkListBox *lists[] = {
      self->hits_list, self->identity_list, self->documents_list, self->findings_list,
      self->booking_list, self->itinerary_list, self->contacts_list, self->payment_list,
      self->ssrs_list, self->co_travellers_list, self->history_list, self->sources_list,
    };

    G_STATIC_ASSERT (G_N_ELEMENTS (lists) == G_N_ELEMENTS (self->lists));
    memcpy (self->lists, lists, sizeof lists);
  }
}

/**
 * tarmac_traveller_page_load:
 * @self: a traveller page
 * @traveller_id: the traveller to show
 *
 * Reads the traveller in the background (an audited view) and shows it; a load still
 * running for another traveller is cancelled.
 */
void
tarmac_traveller_page_load (TarmacTravellerPage *self,
                            gint64               traveller_id)
{
  TarmacStore *store;

  g_return_if_fail (TARMAC_IS_TRAVELLER_PAGE (self));

  store = tarmac_page_get_store (TARMAC_PAGE (self));
  if (store == NULL)
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  self->traveller_id = traveller_id;
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->seizure_button), "(xxx)",
                                    (gint64) 0, traveller_id, (gint64) 0);
  if (self->detail != NULL)
    {
      g_clear_object (&self->detail);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DETAIL]);
    }

  gtk_spinner_start (self->spinner);
  gtk_stack_set_visible_child_name (self->stack, "loading");
  tarmac_page_set_title (TARMAC_PAGE (self), _("Traveller"));
  tarmac_page_set_subtitle (TARMAC_PAGE (self), NULL);

  tarmac_store_load_traveller_detail_async (store, traveller_id, self->cancellable,
                                            on_detail_loaded_cb, weak_page_new (self));
}

gint64
tarmac_traveller_page_get_traveller_id (TarmacTravellerPage *self)
{
  g_return_val_if_fail (TARMAC_IS_TRAVELLER_PAGE (self), 0);

  return self->traveller_id;
}

/**
 * tarmac_traveller_page_get_detail:
 * @self: a traveller page
 *
 * Returns: (transfer none) (nullable): the traveller shown, or %NULL while it is read
 */
TarmacTravellerDetail *
tarmac_traveller_page_get_detail (TarmacTravellerPage *self)
{
  g_return_val_if_fail (TARMAC_IS_TRAVELLER_PAGE (self), NULL);

  return self->detail;
}
