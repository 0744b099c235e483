/* tarmac-today-page.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-today-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tarmac-flight-row.h"
#include "tarmac-format.h"
#include "tarmac-note-row.h"
#include "tarmac-seizure-codes.h"
#include "tarmac-seizure-stats.h"
#include "tarmac-stat-card.h"
#include "tarmac-today-page-private.h"

#define N_NEXT_FLIGHTS   8
#define N_LATEST_NOTES   5
#define REFRESH_SECONDS 60
#define FRESH_USEC      (G_USEC_PER_SEC / 2)

/* The morning overview: today's counts, the next flights, the latest notes and the sync
 * state. It reads the store again whenever it is shown, and every minute while it stays
 * on screen. Reading notes is audited (they may name people), so the timer refreshes
 * only the counts and the flights; notes are read when the officer comes to the page. */
struct _TarmacTodayPage
{
  TarmacPage           parent_instance;

  /* Template widgets */
  GtkStack            *stack;
  TarmacStatCard      *flights_card;
  TarmacStatCard      *travellers_card;
  TarmacStatCard      *crew_card;
  TarmacStatCard      *hits_card;
  TarmacStatCard      *notes_card;
  TarmacStatCard      *seizures_card;
  GtkWidget           *hits_button;
  AdwPreferencesGroup *next_group;
  GtkListBox          *next_list;
  AdwPreferencesGroup *notes_group;
  GtkListBox          *notes_list;
  AdwActionRow        *sync_row;
  GtkWidget           *sync_button;
  GtkWidget           *empty_button;

  /* Owned references */
  GSettings           *settings;
  GListModel          *notes;

  guint                refresh_id;
  gint64               loaded_at;
  /* An idle, pending while the notes just read are the ones of this showing. */
  guint                notes_read_id;

  /* Reloaded while off screen: the notes are read once the page is mapped. */
  guint                notes_pending : 1;
};

G_DEFINE_FINAL_TYPE (TarmacTodayPage, tarmac_today_page, TARMAC_TYPE_PAGE)

static void
set_card (TarmacStatCard *card,
          guint           value,
          const char     *title)
{
  tarmac_stat_card_set_value (card, value);
  tarmac_stat_card_set_title (card, title);
}

static void
update_cards (TarmacTodayPage       *self,
              const TarmacDayCounts *counts)
{
  g_autofree char *inbound = NULL;
  g_autofree char *outbound = NULL;
  g_autofree char *split = NULL;

  set_card (self->flights_card, counts->flights,
            ngettext ("Flight Today", "Flights Today", counts->flights));
  set_card (self->travellers_card, counts->travellers,
            ngettext ("Passenger", "Passengers", counts->travellers));
  set_card (self->crew_card, counts->crew,
            ngettext ("Crew Member", "Crew Members", counts->crew));
  set_card (self->hits_card, counts->open_hits,
            ngettext ("Open Hit", "Open Hits", counts->open_hits));
  set_card (self->notes_card, counts->notes,
            ngettext ("Note Today", "Notes Today", counts->notes));

  inbound = g_strdup_printf (ngettext ("%u inbound", "%u inbound", counts->flights_inbound),
                             counts->flights_inbound);
  outbound = g_strdup_printf (ngettext ("%u outbound", "%u outbound", counts->flights_outbound),
                              counts->flights_outbound);
  split = g_strdup_printf ("%s\n%s", inbound, outbound);
  tarmac_stat_card_set_detail (self->flights_card, split);

  if (counts->open_hits > 0)
    gtk_widget_add_css_class (self->hits_button, "attention");
  else
    gtk_widget_remove_css_class (self->hits_button, "attention");
}

/* This month's validated seizures and the category with most of them; the card opens
 * the Statistics page. */
static void
update_seizures_card (TarmacTodayPage *self,
                      const char      *today)
{
  TarmacStore *store = tarmac_page_get_store (TARMAC_PAGE (self));
  g_autoptr(GError) error = NULL;
  g_autofree char *top = NULL;
  gint64 seizures = 0;

  if (!tarmac_seizure_stats_month_summary (store, today, &seizures, &top, &error))
    {
      g_warning ("Could not count this month’s seizures: %s", error->message);
      return;
    }
  set_card (self->seizures_card, (guint) CLAMP (seizures, 0, G_MAXUINT),
            ngettext ("Seizure This Month", "Seizures This Month", seizures));
  tarmac_stat_card_set_detail (self->seizures_card,
                               top != NULL ? tarmac_seizure_codes_get_label (tarmac_seizure_codes_get_default (),
                                                                             "category", top, NULL)
                                           : NULL);
}

static void
update_next_flights (TarmacTodayPage *self,
                     GListModel      *flights)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *clock = g_date_time_format (now, "%H:%M");
  guint n_items = g_list_model_get_n_items (flights);
  guint first = n_items;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->next_list))) != NULL)
    gtk_list_box_remove (self->next_list, child);

  /* The store sorts by time: find the first flight that has not gone yet. */
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(TarmacFlight) flight = g_list_model_get_item (flights, i);
      g_autofree char *time = tarmac_format_time (tarmac_format_flight_time (flight));

      if (time == NULL || strcmp (time, clock) >= 0)
        {
          first = i;
          break;
        }
    }

  if (first < n_items)
    {
      adw_preferences_group_set_title (self->next_group, _("Next Flights"));
    }
  else
    {
      /* The day's flights are all gone: show the last ones. */
      adw_preferences_group_set_title (self->next_group, _("Earlier Today"));
      first = n_items > N_NEXT_FLIGHTS ? n_items - N_NEXT_FLIGHTS : 0;
    }

  for (guint i = first; i < n_items && i < first + N_NEXT_FLIGHTS; i++)
    {
      g_autoptr(TarmacFlight) flight = g_list_model_get_item (flights, i);

      gtk_list_box_append (self->next_list, tarmac_flight_row_new (flight));
    }
}

static GtkWidget *
create_note_row_cb (gpointer item,
                    gpointer user_data)
{
  GtkWidget *row = tarmac_note_row_new (TARMAC_NOTE (item), TRUE);

  /* The whole note, with its author and subject, is on the Network page. */
  gtk_actionable_set_detailed_action_name (GTK_ACTIONABLE (row), "win.show-page::network");

  return row;
}

static gboolean
notes_read_cb (gpointer user_data)
{
  TarmacTodayPage *self = user_data;

  self->notes_read_id = 0;
  return G_SOURCE_REMOVE;
}

static void
update_notes (TarmacTodayPage *self)
{
  TarmacStore *store = tarmac_page_get_store (TARMAC_PAGE (self));
  g_autoptr(GError) error = NULL;

  self->notes_pending = FALSE;
  /* At the default priority: a lower one would wait for the end of the page's
   * transition, whose frames come first. */
  if (self->notes_read_id == 0)
    self->notes_read_id = g_idle_add_full (G_PRIORITY_DEFAULT, notes_read_cb, self, NULL);
  g_clear_object (&self->notes);

  if (store != NULL)
    {
      self->notes = tarmac_store_list_recent_notes (store, N_LATEST_NOTES, &error);
      if (self->notes == NULL)
        g_warning ("Could not list the latest notes: %s", error->message);
    }

  gtk_list_box_bind_model (self->notes_list, self->notes, create_note_row_cb, NULL, NULL);

  /* Without notes the section goes: the counts already say so. */
  gtk_widget_set_visible (GTK_WIDGET (self->notes_group),
                          self->notes != NULL && g_list_model_get_n_items (self->notes) > 0);
}

static void
update_sync (TarmacTodayPage *self)
{
  g_autofree char *hub = g_settings_get_string (self->settings, "hub-address");

  g_strstrip (hub);

  if (*hub == '\0')
    {
      adw_action_row_set_subtitle (self->sync_row, _("Not connected to a hub"));
      gtk_widget_set_visible (self->sync_button, TRUE);
    }
  else
    {
      adw_action_row_set_subtitle (self->sync_row, hub);
      gtk_widget_set_visible (self->sync_button, FALSE);
    }
}

static void
update_subtitle (TarmacTodayPage *self,
                 const char      *today)
{
  g_autofree char *airport = g_settings_get_string (self->settings, "airport-code");
  g_autofree char *day = tarmac_format_day_long (today);
  g_autofree char *subtitle = NULL;

  g_strstrip (airport);

  /* The preference names this workstation's airport; without one, the database may know
   * whose data it holds (the demo does). */
  if (*airport == '\0')
    {
      TarmacStore *store = tarmac_page_get_store (TARMAC_PAGE (self));
      char *from_store = store != NULL ? tarmac_store_get_meta (store, "airport-code") : NULL;

      if (from_store != NULL)
        {
          g_free (airport);
          airport = from_store;
        }
    }

  if (*airport == '\0')
    {
      tarmac_page_set_subtitle (TARMAC_PAGE (self), day);
      return;
    }

  /* Translators: the Today page's subtitle: the airport code, then the date */
  subtitle = g_strdup_printf (_("%1$s · %2$s"), airport, day);
  tarmac_page_set_subtitle (TARMAC_PAGE (self), subtitle);
}

/* Reads what the page shows but the notes. Returns whether there are flights today. */
static gboolean
refresh (TarmacTodayPage *self)
{
  TarmacPage *page = TARMAC_PAGE (self);
  TarmacStore *store = tarmac_page_get_store (page);
  TarmacDayCounts counts = { 0 };
  g_autoptr(GListModel) flights = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = tarmac_format_today ();

  update_subtitle (self, today);
  update_sync (self);

  if (store == NULL)
    return FALSE;

  if (!tarmac_store_get_day_counts (store, today, &counts, &error))
    {
      g_warning ("Could not count today’s records: %s", error->message);
      g_clear_error (&error);
    }

  flights = tarmac_store_list_flights (store, today, today, &error);
  if (flights == NULL)
    g_warning ("Could not list today’s flights: %s", error->message);

  if (flights == NULL || g_list_model_get_n_items (flights) == 0)
    {
      gtk_widget_set_visible (self->empty_button, tarmac_store_has_imported_data (store));
      gtk_stack_set_visible_child_name (self->stack, "empty");
      tarmac_page_set_empty (page, TRUE);
      return FALSE;
    }

  update_cards (self, &counts);
  update_seizures_card (self, today);
  update_next_flights (self, flights);

  gtk_stack_set_visible_child_name (self->stack, "today");
  tarmac_page_set_empty (page, FALSE);
  return TRUE;
}

static void
tarmac_today_page_reload (TarmacPage *page)
{
  TarmacTodayPage *self = TARMAC_TODAY_PAGE (page);

  self->loaded_at = g_get_monotonic_time ();

  /* The notes show only next to today's flights, and only on screen: the window also
   * reloads the page while it builds its stack, before the officer chose a page. Showing
   * the page maps it and reloads it, in either order, in the same turn of the main loop:
   * read the notes once. (Not "once in half a second", as it was: on a loaded machine
   * the refresh between the two can take longer, and the view was then audited twice.) */
  if (!refresh (self))
    self->notes_pending = FALSE;
  else if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    self->notes_pending = TRUE;
  else if (self->notes_read_id == 0)
    update_notes (self);
}

static gboolean
refresh_cb (gpointer user_data)
{
  _tarmac_today_page_refresh (TARMAC_TODAY_PAGE (user_data));

  return G_SOURCE_CONTINUE;
}

static void
on_setting_changed_cb (TarmacTodayPage *self,
                       const char      *key,
                       GSettings       *settings)
{
  g_autofree char *today = tarmac_format_today ();

  update_subtitle (self, today);
  update_sync (self);
}

static void
on_flight_activated_cb (TarmacTodayPage *self,
                        GtkListBoxRow   *row,
                        GtkListBox      *list)
{
  tarmac_page_open_flight (TARMAC_PAGE (self),
                           tarmac_flight_row_get_flight (TARMAC_FLIGHT_ROW (row)),
                           NULL);
}

static void
tarmac_today_page_map (GtkWidget *widget)
{
  TarmacTodayPage *self = TARMAC_TODAY_PAGE (widget);

  GTK_WIDGET_CLASS (tarmac_today_page_parent_class)->map (widget);

  /* The window may have reloaded the page just before showing it. */
  if (g_get_monotonic_time () - self->loaded_at > FRESH_USEC)
    tarmac_page_reload (TARMAC_PAGE (self));
  else if (self->notes_pending)
    update_notes (self);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  self->refresh_id = g_timeout_add_seconds (REFRESH_SECONDS, refresh_cb, self);
}

static void
tarmac_today_page_unmap (GtkWidget *widget)
{
  TarmacTodayPage *self = TARMAC_TODAY_PAGE (widget);

  g_clear_handle_id (&self->refresh_id, g_source_remove);

  GTK_WIDGET_CLASS (tarmac_today_page_parent_class)->unmap (widget);
}

static void
tarmac_today_page_dispose (GObject *object)
{
  TarmacTodayPage *self = (TarmacTodayPage *)object;

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_clear_handle_id (&self->notes_read_id, g_source_remove);

  gtk_widget_dispose_template (GTK_WIDGET (self), TARMAC_TYPE_TODAY_PAGE);

  g_clear_object (&self->settings);
  g_clear_object (&self->notes);

  G_OBJECT_CLASS (tarmac_today_page_parent_class)->dispose (object);
}

static void
tarmac_today_page_class_init (TarmacTodayPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  TarmacPageClass *page_class = TARMAC_PAGE_CLASS (klass);

  object_class->dispose = tarmac_today_page_dispose;

  widget_class->map = tarmac_today_page_map;
  widget_class->unmap = tarmac_today_page_unmap;

  page_class->reload = tarmac_today_page_reload;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/jaitf/Tarmac/tarmac-today-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TarmacTodayPage, crew_card);
  gtk_widget_class_bind_template_child (widget_class, TarmacTodayPage, empty_button);
  gtk_widget_class_bind_template_child (widget_class, TarmacTodayPage, flights_card);
  gtk_widget_class_bind_template_child (widget_class, TarmacTodayPage, hits_button);
  gtk_widget_class_bind_template_child (widget_class, TarmacTodayPage, hits_card);
  gtk_widget_class_bind_template_child (widget_class, TarmacTodayPage, next_group);
  gtk_widget_class_bind_template_child (widget_class, TarmacTodayPage, next_list);
  gtk_widget_class_bind_template_child (widget_class, TarmacTodayPage, notes_card);
  gtk_widget_class_bind_template_child (widget_class, TarmacTodayPage, notes_group);
  gtk_widget_class_bind_template_child (widget_class, TarmacTodayPage, notes_list);
  gtk_widget_class_bind_template_child (widget_class, TarmacTodayPage, seizures_card);
  gtk_widget_class_bind_template_child (widget_class, TarmacTodayPage, stack);
  gtk_widget_class_bind_template_child (widget_class, TarmacTodayPage, sync_button);
  gtk_widget_class_bind_template_child (widget_class, TarmacTodayPage, sync_row);
  gtk_widget_class_bind_template_child (widget_class, TarmacTodayPage, travellers_card);
  gtk_widget_class_bind_template_callback (widget_class, on_flight_activated_cb);

  g_type_ensure (TARMAC_TYPE_STAT_CARD);
}

static void
tarmac_today_page_init (TarmacTodayPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (BASE_ID);
  g_signal_connect_object (self->settings, "changed::hub-address",
                           G_CALLBACK (on_setting_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::airport-code",
                           G_CALLBACK (on_setting_changed_cb),
                           self, G_CONNECT_SWAPPED);
}

/**
 * tarmac_today_page_get_notes:
 * @self: a Today page
 *
 * Returns: (transfer none) (nullable): the latest notes the page shows, newest first
 */
GListModel *
tarmac_today_page_get_notes (TarmacTodayPage *self)
{
  g_return_val_if_fail (TARMAC_IS_TODAY_PAGE (self), NULL);

  return self->notes;
}

/*
 * _tarmac_today_page_refresh:
 * @self: a Today page
 *
 * What the timer does every minute: reads the counts and the flights again, but not the
 * notes, whose reading is audited.
 */
void
_tarmac_today_page_refresh (TarmacTodayPage *self)
{
  g_return_if_fail (TARMAC_IS_TODAY_PAGE (self));

  refresh (self);
}
