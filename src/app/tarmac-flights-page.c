/* tarmac-flights-page.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-flights-page"

#include "config.h"

#include <glib/gi18n.h>

#include "tarmac-flight-row.h"
#include "tarmac-flights-page.h"
#include "tarmac-format.h"

/* One day's flights, with a day navigator. Activating a flight opens its travellers. */
struct _TarmacFlightsPage
{
  TarmacPage     parent_instance;

  /* Template widgets */
  GtkStack      *stack;
  GtkListBox    *flight_list;
  GtkLabel      *day_label;
  GtkMenuButton *day_button;
  GtkCalendar   *calendar;
  AdwStatusPage *empty_page;
  GtkWidget     *latest_button;

  /* Owned references */
  GListModel    *flights;
  char          *day;
  char          *first_day;
  char          *last_day;
};

G_DEFINE_FINAL_TYPE (TarmacFlightsPage, tarmac_flights_page, TARMAC_TYPE_PAGE)

enum {
  PROP_0,
  PROP_DAY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  return tarmac_flight_row_new (TARMAC_FLIGHT (item));
}

static void
update_actions (TarmacFlightsPage *self)
{
  g_autofree char *today = tarmac_format_today ();
  gboolean has_data = self->first_day != NULL && self->last_day != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "flights.previous-day",
                                 has_data && g_strcmp0 (self->day, self->first_day) > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "flights.next-day",
                                 has_data && g_strcmp0 (self->day, self->last_day) < 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "flights.today",
                                 g_strcmp0 (self->day, today) != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "flights.latest",
                                 has_data && g_strcmp0 (self->day, self->last_day) != 0);
}

static void
show_empty (TarmacFlightsPage *self,
            const char        *day_text)
{
  if (self->first_day == NULL)
    {
      adw_status_page_set_title (self->empty_page, _("No Flights Yet"));
      adw_status_page_set_description (self->empty_page,
                                       _("Flights appear here once passenger manifests (API) "
                                         "are imported: press Ctrl+O or drop files here. "
                                         "Manifests placed in the drop folder "
                                         "are imported automatically when that is switched "
                                         "on in Preferences."));
      gtk_widget_set_visible (self->latest_button, FALSE);
    }
  else
    {
      g_autofree char *description = NULL;

      /* Translators: %s is a date, for example "Tuesday 5 March 2026" */
      description = g_markup_printf_escaped (_("No passenger manifests have been imported "
                                               "for %s."),
                                             day_text);
      adw_status_page_set_title (self->empty_page, _("No Flights on This Day"));
      adw_status_page_set_description (self->empty_page, description);
      gtk_widget_set_visible (self->latest_button, TRUE);
    }

  gtk_stack_set_visible_child_name (self->stack, "empty");
  tarmac_page_set_empty (TARMAC_PAGE (self), TRUE);
}

static void
load_day (TarmacFlightsPage *self)
{
  TarmacStore *store = tarmac_page_get_store (TARMAC_PAGE (self));
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) date = NULL;
  g_autofree char *day_text = NULL;
  g_autofree char *subtitle = NULL;
  guint n_flights;

  day_text = tarmac_format_day_long (self->day);
  gtk_label_set_label (self->day_label, day_text);

  date = tarmac_format_parse_day (self->day);
  if (date != NULL)
    gtk_calendar_select_day (self->calendar, date);

  g_clear_object (&self->flights);
  if (store != NULL)
    {
      self->flights = tarmac_store_list_flights (store, self->day, self->day, &error);
      if (self->flights == NULL)
        g_warning ("Could not list the flights of %s: %s", self->day, error->message);
    }

  gtk_list_box_bind_model (self->flight_list, self->flights, create_row_cb, NULL, NULL);
  update_actions (self);

  n_flights = self->flights != NULL ? g_list_model_get_n_items (self->flights) : 0;

  if (n_flights == 0)
    {
      tarmac_page_set_subtitle (TARMAC_PAGE (self), NULL);
      show_empty (self, day_text);
      return;
    }

  subtitle = g_strdup_printf (ngettext ("%u flight", "%u flights", n_flights), n_flights);
  tarmac_page_set_subtitle (TARMAC_PAGE (self), subtitle);

  gtk_stack_set_visible_child_name (self->stack, "flights");
  tarmac_page_set_empty (TARMAC_PAGE (self), FALSE);
}

static void
move_day (TarmacFlightsPage *self,
          int                days)
{
  g_autofree char *day = tarmac_format_day_offset (self->day, days);

  if (day != NULL)
    tarmac_flights_page_set_day (self, day);
}

static void
previous_day_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  move_day (TARMAC_FLIGHTS_PAGE (widget), -1);
}

static void
next_day_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  move_day (TARMAC_FLIGHTS_PAGE (widget), 1);
}

static void
today_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  g_autofree char *today = tarmac_format_today ();

  tarmac_flights_page_set_day (TARMAC_FLIGHTS_PAGE (widget), today);
}

static void
latest_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TarmacFlightsPage *self = TARMAC_FLIGHTS_PAGE (widget);

  if (self->last_day != NULL)
    tarmac_flights_page_set_day (self, self->last_day);
}

static void
on_calendar_day_selected_cb (TarmacFlightsPage *self,
                             GtkCalendar       *calendar)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (calendar);
  g_autofree char *day = g_date_time_format (date, "%Y-%m-%d");

  if (g_strcmp0 (day, self->day) == 0)
    return;

  gtk_menu_button_popdown (self->day_button);
  tarmac_flights_page_set_day (self, day);
}

static void
on_flight_activated_cb (TarmacFlightsPage *self,
                        GtkListBoxRow     *row,
                        GtkListBox        *list)
{
  tarmac_page_open_flight (TARMAC_PAGE (self),
                           tarmac_flight_row_get_flight (TARMAC_FLIGHT_ROW (row)),
                           NULL);
}

static void
tarmac_flights_page_reload (TarmacPage *page)
{
  TarmacFlightsPage *self = TARMAC_FLIGHTS_PAGE (page);
  TarmacStore *store = tarmac_page_get_store (page);

  g_clear_pointer (&self->first_day, g_free);
  g_clear_pointer (&self->last_day, g_free);

  if (store != NULL)
    self->first_day = tarmac_store_get_flight_days_range (store, &self->last_day);

  load_day (self);
}

static void
tarmac_flights_page_constructed (GObject *object)
{
  G_OBJECT_CLASS (tarmac_flights_page_parent_class)->constructed (object);

  tarmac_flights_page_reload (TARMAC_PAGE (object));
}

static void
tarmac_flights_page_dispose (GObject *object)
{
  TarmacFlightsPage *self = (TarmacFlightsPage *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), TARMAC_TYPE_FLIGHTS_PAGE);

  g_clear_object (&self->flights);

  G_OBJECT_CLASS (tarmac_flights_page_parent_class)->dispose (object);
}

static void
tarmac_flights_page_finalize (GObject *object)
{
  TarmacFlightsPage *self = (TarmacFlightsPage *)object;

  g_clear_pointer (&self->day, g_free);
  g_clear_pointer (&self->first_day, g_free);
  g_clear_pointer (&self->last_day, g_free);

  G_OBJECT_CLASS (tarmac_flights_page_parent_class)->finalize (object);
}

static void
tarmac_flights_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  TarmacFlightsPage *self = TARMAC_FLIGHTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_DAY:
      g_value_set_string (value, tarmac_flights_page_get_day (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tarmac_flights_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  TarmacFlightsPage *self = TARMAC_FLIGHTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_DAY:
      tarmac_flights_page_set_day (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tarmac_flights_page_class_init (TarmacFlightsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  TarmacPageClass *page_class = TARMAC_PAGE_CLASS (klass);

  object_class->constructed = tarmac_flights_page_constructed;
  object_class->dispose = tarmac_flights_page_dispose;
  object_class->finalize = tarmac_flights_page_finalize;
  object_class->get_property = tarmac_flights_page_get_property;
  object_class->set_property = tarmac_flights_page_set_property;

  page_class->reload = tarmac_flights_page_reload;

  /**
   * TarmacFlightsPage:day:
   *
   * The day shown, as "YYYY-MM-DD" (local date). Defaults to today.
   */
  properties[PROP_DAY] =
    g_param_spec_string ("day", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/jaitf/Tarmac/tarmac-flights-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TarmacFlightsPage, calendar);
  gtk_widget_class_bind_template_child (widget_class, TarmacFlightsPage, day_button);
  gtk_widget_class_bind_template_child (widget_class, TarmacFlightsPage, day_label);
  gtk_widget_class_bind_template_child (widget_class, TarmacFlightsPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, TarmacFlightsPage, flight_list);
  gtk_widget_class_bind_template_child (widget_class, TarmacFlightsPage, latest_button);
  gtk_widget_class_bind_template_child (widget_class, TarmacFlightsPage, stack);
  gtk_widget_class_bind_template_callback (widget_class, on_calendar_day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_flight_activated_cb);

  gtk_widget_class_install_action (widget_class, "flights.previous-day", NULL, previous_day_action);
  gtk_widget_class_install_action (widget_class, "flights.next-day", NULL, next_day_action);
  gtk_widget_class_install_action (widget_class, "flights.today", NULL, today_action);
  gtk_widget_class_install_action (widget_class, "flights.latest", NULL, latest_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, GDK_CONTROL_MASK,
                                       "flights.previous-day", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_CONTROL_MASK,
                                       "flights.next-day", NULL);
}

static void
tarmac_flights_page_init (TarmacFlightsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->day = tarmac_format_today ();
}

const char *
tarmac_flights_page_get_day (TarmacFlightsPage *self)
{
  g_return_val_if_fail (TARMAC_IS_FLIGHTS_PAGE (self), NULL);

  return self->day;
}

/**
 * tarmac_flights_page_set_day:
 * @self: a flights page
 * @day: (nullable): a day as "YYYY-MM-DD", or %NULL for today
 *
 * Shows the flights of @day.
 */
void
tarmac_flights_page_set_day (TarmacFlightsPage *self,
                             const char        *day)
{
  g_autofree char *today = NULL;
  g_autoptr(GDateTime) date = NULL;

  g_return_if_fail (TARMAC_IS_FLIGHTS_PAGE (self));

  if (day == NULL)
    day = today = tarmac_format_today ();

  date = tarmac_format_parse_day (day);
  g_return_if_fail (date != NULL);

  if (g_strcmp0 (self->day, day) == 0)
    return;

  g_free (self->day);
  self->day = g_strdup (day);

  load_day (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DAY]);
}

/**
 * tarmac_flights_page_get_flights:
 * @self: a flights page
 *
 * Returns: (transfer none) (nullable): the flights of the day shown
 */
GListModel *
tarmac_flights_page_get_flights (TarmacFlightsPage *self)
{
  g_return_val_if_fail (TARMAC_IS_FLIGHTS_PAGE (self), NULL);

  return self->flights;
}
