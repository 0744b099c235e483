/* tarmac-window.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-window"

#include "config.h"

#include <glib/gi18n.h>

#include "tarmac-cargo-page.h"
#include "tarmac-demo.h"
#include "tarmac-flight-page.h"
#include "tarmac-flights-page.h"
#include "tarmac-hits-page.h"
#include "tarmac-network-page.h"
#include "tarmac-page.h"
#include "tarmac-retention.h"
#include "tarmac-screen-thresholds.h"
#include "tarmac-search-page.h"
#include "tarmac-seizure-window.h"
#include "tarmac-seizures-page.h"
#include "tarmac-statistics-page.h"
#include "tarmac-today-page.h"
#include "tarmac-traveller-page.h"
#include "tarmac-watchlists-page.h"
#include "tarmac-window-private.h"

G_DEFINE_FINAL_TYPE (TarmacWindow, tarmac_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The sidebar, in order. Each page sets its own title and icon. */
static const struct
{
  const char *name;
  GType     (*get_type) (void);
} page_types[] = {
  { "today",      tarmac_today_page_get_type },
  { "flights",    tarmac_flights_page_get_type },
  { "search",     tarmac_search_page_get_type },
  { "hits",       tarmac_hits_page_get_type },
  { "cargo",      tarmac_cargo_page_get_type },
  { "seizures",   tarmac_seizures_page_get_type },
  { "statistics", tarmac_statistics_page_get_type },
  { "network",    tarmac_network_page_get_type },
  { "watchlists", tarmac_watchlists_page_get_type },
};

static const char *
lookup_page_name (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (page_types); i++)
    {
      if (g_strcmp0 (page_types[i].name, name) == 0)
        return page_types[i].name;
    }

  return NULL;
}

/* The flight and traveller pages are reached from other pages and go back to them. */
static gboolean
is_detail_page (TarmacWindow *self,
                TarmacPage   *page)
{
  return page != NULL && (page == self->flight_page || page == self->traveller_page);
}

static gboolean
is_visible (TarmacWindow *self,
            TarmacPage   *page)
{
  return page != NULL && gtk_stack_get_visible_child (self->page_stack) == GTK_WIDGET (page);
}

static void
update_back_button (TarmacWindow *self)
{
  gboolean in_detail;

  in_detail = is_visible (self, self->flight_page) || is_visible (self, self->traveller_page);

  gtk_widget_set_visible (self->back_button,
                          in_detail || adw_leaflet_get_folded (self->leaflet));
}

static void
select_sidebar_row (TarmacWindow *self,
                    const char   *name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_BOX_ROW (child) &&
          g_strcmp0 (g_object_get_data (G_OBJECT (child), "tarmac-page-name"), name) == 0)
        {
          gtk_list_box_select_row (self->sidebar_list, GTK_LIST_BOX_ROW (child));
          return;
        }
    }
}

static void
show_page (TarmacWindow *self,
           const char   *name,
           gboolean      navigate)
{
  const char *page_name = lookup_page_name (name);

  if (page_name == NULL || self->store == NULL)
    return;

  gtk_stack_set_visible_child_name (self->page_stack, page_name);
  select_sidebar_row (self, page_name);
  g_settings_set_string (self->settings, "last-page", page_name);

  if (navigate && adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->content_box);
}

static GtkWidget *
create_sidebar_row (TarmacPage *page,
                    const char *name)
{
  GtkWidget *row;
  GtkWidget *box;
  GtkWidget *image;
  GtkWidget *label;

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  image = gtk_image_new_from_icon_name (tarmac_page_get_icon_name (page));
  label = gtk_label_new (tarmac_page_get_title (page));
  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  /* Take the row's whole width, or wrapping breaks even short words at the label's
   * natural width (seen in Arabic). */
  gtk_widget_set_hexpand (label, TRUE);
  /* Translations run longer than English ("Listes de surveillance et règles"): wrap onto a
   * second line rather than cut the page's name. */
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (label), 2);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), image);
  gtk_box_append (GTK_BOX (box), label);

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data (G_OBJECT (row), "tarmac-page-name", (gpointer) name);

  return row;
}

static void
on_sidebar_row_selected_cb (TarmacWindow  *self,
                            GtkListBoxRow *row,
                            GtkListBox    *list)
{
  const char *name;

  if (row == NULL)
    return;

  name = g_object_get_data (G_OBJECT (row), "tarmac-page-name");

  if (g_strcmp0 (name, gtk_stack_get_visible_child_name (self->page_stack)) != 0)
    show_page (self, name, FALSE);
}

static void
on_sidebar_row_activated_cb (TarmacWindow  *self,
                             GtkListBoxRow *row,
                             GtkListBox    *list)
{
  const char *name = g_object_get_data (G_OBJECT (row), "tarmac-page-name");

  show_page (self, name, TRUE);

  /* Clicking Search is a request to type: without this the keys would go to the sidebar,
   * where the page's key capture never sees them. Only on activation, so moving through
   * the sidebar with the arrow keys does not jump into the entry. */
  if (g_strcmp0 (name, "search") == 0)
    {
      GtkWidget *page = gtk_stack_get_child_by_name (self->page_stack, "search");

      tarmac_search_page_focus_entry (TARMAC_SEARCH_PAGE (page));
    }
}

static void
on_page_open_flight_cb (TarmacWindow    *self,
                        TarmacFlight    *flight,
                        TarmacTraveller *traveller,
                        TarmacPage      *page)
{
  tarmac_window_show_flight (self, flight);

  if (traveller != NULL)
    tarmac_flight_page_set_filter (TARMAC_FLIGHT_PAGE (self->flight_page),
                                   tarmac_traveller_get_full_name (traveller));
}

static void
on_visible_page_changed_cb (TarmacWindow *self,
                            GParamSpec   *pspec,
                            GtkStack     *stack)
{
  GtkWidget *child = gtk_stack_get_visible_child (stack);
  TarmacPage *page = TARMAC_IS_PAGE (child) ? TARMAC_PAGE (child) : NULL;
  gboolean back_from_detail;

  /* The stack empties itself while the window is disposed. */
  if (self->title_bindings == NULL)
    return;

  /* Coming back from a flight or a traveller keeps the list as it was (scroll position,
   * selection), and does not search or read again (each read is audited). */
  back_from_detail = is_detail_page (self, self->previous_page);
  self->previous_page = page;

  g_binding_group_set_source (self->title_bindings, page);
  update_back_button (self);

  if (page != NULL && !is_detail_page (self, page) && !back_from_detail)
    tarmac_page_reload (page);
}

static void
on_folded_changed_cb (TarmacWindow *self,
                      GParamSpec   *pspec,
                      AdwLeaflet   *leaflet)
{
  if (self->title_bindings != NULL)
    update_back_button (self);
}

static void
apply_retention (TarmacWindow *self)
{
  tarmac_store_set_retention_years (self->store,
                                    g_settings_get_int (self->settings,
                                                        "retention-delete-years"));
}

static void
on_retention_changed_cb (TarmacWindow *self,
                         const char   *key,
                         GSettings    *settings)
{
  if (self->store != NULL)
    apply_retention (self);
}

/* The importer reads the airport from the database, not from GSettings (it also runs in
 * tarmac-cli and on its own connection): write the preference there, so flights are
 * inbound or outbound as seen from it. An empty preference leaves the database's own code
 * (set with tarmac-cli config); the demo keeps the airport it was generated for. */
static void
apply_airport_code (TarmacWindow *self)
{
  g_autofree char *code = g_settings_get_string (self->settings, "airport-code");
  g_autoptr(GError) error = NULL;

  g_strstrip (code);
  if (*code == '\0' || tarmac_store_is_demo (self->store))
    return;

  /* Preferences bind the entry to the key, so every keystroke lands here: "L" and "LF"
   * on the way to "LFW" are expected, not worth a message. */
  if (!tarmac_store_set_airport_code (self->store, code, &error))
    {
      if (g_error_matches (error, TARMAC_STORE_ERROR, TARMAC_STORE_ERROR_INVALID))
        g_debug ("%s", error->message);
      else
        g_message ("Airport code not saved in the database: %s", error->message);
    }
}

/* Screening runs where imports run (the import thread, tarmac-cli), on connections of
 * their own: the thresholds go into the database, as the airport code does. A review
 * threshold above the alert one, met on the way while the officer changes both, is not
 * written until it makes sense. */
static void
apply_screen_thresholds (TarmacWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (!tarmac_screen_set_thresholds (self->store,
                                     g_settings_get_double (self->settings,
                                                            "screen-alert-threshold"),
                                     g_settings_get_double (self->settings,
                                                            "screen-review-threshold"),
                                     &error))
    {
      if (g_error_matches (error, TARMAC_STORE_ERROR, TARMAC_STORE_ERROR_INVALID))
        g_debug ("%s", error->message);
      else
        g_message ("Screening thresholds not saved in the database: %s", error->message);
    }
}

static void
on_screen_threshold_changed_cb (TarmacWindow *self,
                                const char   *key,
                                GSettings    *settings)
{
  if (self->store == NULL)
    return;
  apply_screen_thresholds (self);
  /* A lower review threshold may turn matches into hits: everyone is screened again
   * (tarmac-window-screen.c runs it only then). */
  gtk_widget_activate_action (GTK_WIDGET (self), "win.rescreen", NULL);
}

static void
on_airport_code_changed_cb (TarmacWindow *self,
                            const char   *key,
                            GSettings    *settings)
{
  if (self->store != NULL)
    apply_airport_code (self);
}

static void
on_retention_applied_cb (GObject      *object,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(TarmacWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  TarmacRetentionStats stats;

  if (g_application_get_default () != NULL)
    g_application_release (g_application_get_default ());

  /* Nothing modal: the next start tries again. The window has no AdwToastOverlay yet;
   * when it gets one, a toast saying the periods could not be applied belongs here. */
  if (!tarmac_retention_apply_finish (result, &stats, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_message ("%s", error->message);
      return;
    }

  g_debug ("Retention: %u travellers masked, %u deleted, %u kept",
           stats.travellers_masked, stats.travellers_deleted, stats.travellers_kept);
}

/* Masks and deletes what the Preferences' periods say, once, when the window gets its
 * database. Not synchronously: the first run on a large database rewrites every old row
 * (about 20 s for a million travellers), and even a run with nothing to do scans for
 * half a second. Not on self->store from a thread either, since the pages use it here
 * meanwhile: tarmac_retention_apply_async() opens a connection of its own, and WAL lets
 * the pages read while it works (a write of theirs waits for its commit). Not for the
 * demo, which is generated again anyway, nor for ":memory:", which another connection
 * cannot see. */
static void
start_retention (TarmacWindow *self)
{
  const char *path = tarmac_store_get_path (self->store);
  TarmacRetentionPolicy policy;

  if (tarmac_store_is_demo (self->store) || g_strcmp0 (path, ":memory:") == 0)
    return;

  tarmac_retention_policy_init (&policy);
  policy.mask_after_months = (guint) g_settings_get_int (self->settings,
                                                         "retention-mask-months");
  policy.delete_after_years = (guint) g_settings_get_int (self->settings,
                                                          "retention-delete-years");

  /* Quitting while a pass runs would end the process mid-transaction: SQLite would undo
   * that pass, but the job would never finish on short sessions. The application waits
   * for the pass in progress; closing the window cancels the passes after it. */
  if (g_application_get_default () != NULL)
    g_application_hold (g_application_get_default ());

  tarmac_retention_apply_async (path, tarmac_store_get_actor (self->store), &policy,
                                self->cancellable, on_retention_applied_cb,
                                g_object_ref (self));
}

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  show_page (TARMAC_WINDOW (widget), g_variant_get_string (parameter, NULL), TRUE);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TarmacWindow *self = TARMAC_WINDOW (widget);
  GtkWidget *page;

  if (self->store == NULL)
    return;

  show_page (self, "search", TRUE);

  page = gtk_stack_get_child_by_name (self->page_stack, "search");
  tarmac_search_page_focus_entry (TARMAC_SEARCH_PAGE (page));
}

static void
show_traveller_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  tarmac_window_show_traveller (TARMAC_WINDOW (widget), g_variant_get_int64 (parameter));
}

static void
on_seizure_saved_cb (TarmacWindow *self,
                     GtkWindow    *form)
{
  GtkWidget *page = tarmac_window_get_page (self, "seizures");

  if (TARMAC_IS_PAGE (page))
    tarmac_page_reload (TARMAC_PAGE (page));
}

/* (hit, traveller, flight), each 0 when absent: the seizure form, filled from them. */
static void
record_seizure_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  TarmacWindow *self = TARMAC_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  TarmacSeizureWindow *form;
  gint64 hit_id, traveller_id, flight_id;

  if (self->store == NULL)
    return;
  g_variant_get (parameter, "(xxx)", &hit_id, &traveller_id, &flight_id);
  form = tarmac_seizure_window_new_draft (self->store, hit_id, traveller_id, flight_id, &error);
  if (form == NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }
  gtk_window_set_transient_for (GTK_WINDOW (form), GTK_WINDOW (self));
  gtk_window_set_modal (GTK_WINDOW (form), TRUE);
  g_signal_connect_object (form, "saved", G_CALLBACK (on_seizure_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (form));
}

/* From a traveller: to the one before it, then to the page it was opened from. */
static void
go_back_from_traveller (TarmacWindow *self)
{
  if (self->traveller_history->len > 0)
    {
      guint last = self->traveller_history->len - 1;
      gint64 id = g_array_index (self->traveller_history, gint64, last);

      g_array_set_size (self->traveller_history, last);
      tarmac_traveller_page_load (TARMAC_TRAVELLER_PAGE (self->traveller_page), id);
    }
  else if (g_strcmp0 (self->traveller_origin, "flight") == 0)
    {
      gtk_stack_set_visible_child (self->page_stack, GTK_WIDGET (self->flight_page));
    }
  else
    {
      show_page (self, self->traveller_origin, FALSE);
    }
}

static void
go_back_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  TarmacWindow *self = TARMAC_WINDOW (widget);

  if (is_visible (self, self->traveller_page))
    go_back_from_traveller (self);
  else if (is_visible (self, self->flight_page))
    show_page (self, self->flight_origin, FALSE);
  else if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* Escape leaves the traveller page; elsewhere it is left to the focused widget (a search
 * entry clears itself with it). */
static gboolean
escape_cb (GtkWidget *widget,
           GVariant  *args,
           gpointer   user_data)
{
  TarmacWindow *self = TARMAC_WINDOW (widget);

  if (!is_visible (self, self->traveller_page))
    return FALSE;

  go_back_from_traveller (self);
  return TRUE;
}

static void
add_pages (TarmacWindow *self)
{
  g_autofree char *last_page = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (page_types); i++)
    {
      TarmacPage *page = g_object_new (page_types[i].get_type (), "store", self->store, NULL);

      gtk_stack_add_named (self->page_stack, GTK_WIDGET (page), page_types[i].name);
      gtk_list_box_append (self->sidebar_list, create_sidebar_row (page, page_types[i].name));
      g_signal_connect_object (page, "open-flight",
                               G_CALLBACK (on_page_open_flight_cb),
                               self, G_CONNECT_SWAPPED);
    }

  self->flight_page = g_object_new (TARMAC_TYPE_FLIGHT_PAGE, "store", self->store, NULL);
  gtk_stack_add_named (self->page_stack, GTK_WIDGET (self->flight_page), "flight");
  self->flight_origin = "flights";

  self->traveller_page = g_object_new (TARMAC_TYPE_TRAVELLER_PAGE, "store", self->store, NULL);
  gtk_stack_add_named (self->page_stack, GTK_WIDGET (self->traveller_page), "traveller");
  self->traveller_origin = "search";

  last_page = g_settings_get_string (self->settings, "last-page");
  show_page (self, lookup_page_name (last_page) != NULL ? last_page : "today", FALSE);
}

static void
tarmac_window_constructed (GObject *object)
{
  TarmacWindow *self = (TarmacWindow *)object;

  G_OBJECT_CLASS (tarmac_window_parent_class)->constructed (object);

#if DEVELOPMENT_BUILD
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif

  g_settings_bind (self->settings, "window-width", self, "default-width",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized",
                   G_SETTINGS_BIND_DEFAULT);

  if (self->store == NULL)
    {
      gtk_stack_set_visible_child_name (self->main_stack, "error");
      return;
    }

  /* Preferences → "Delete after" reaches the core now and whenever it changes. The
   * handler goes with self->settings in dispose. */
  apply_retention (self);
  g_signal_connect_object (self->settings, "changed::retention-delete-years",
                           G_CALLBACK (on_retention_changed_cb),
                           self, G_CONNECT_SWAPPED);
  apply_airport_code (self);
  g_signal_connect_object (self->settings, "changed::airport-code",
                           G_CALLBACK (on_airport_code_changed_cb),
                           self, G_CONNECT_SWAPPED);
  apply_screen_thresholds (self);
  g_signal_connect_object (self->settings, "changed::screen-alert-threshold",
                           G_CALLBACK (on_screen_threshold_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::screen-review-threshold",
                           G_CALLBACK (on_screen_threshold_changed_cb),
                           self, G_CONNECT_SWAPPED);
  start_retention (self);
  _tarmac_window_init_drop_folder (self);
  _tarmac_window_init_screening (self);

  if (tarmac_store_is_demo (self->store))
    {
      gtk_widget_set_visible (self->demo_pill, TRUE);
      gtk_revealer_set_reveal_child (self->demo_revealer, TRUE);
    }

  add_pages (self);
  _tarmac_window_init_sync (self);
}

static void
tarmac_window_dispose (GObject *object)
{
  TarmacWindow *self = (TarmacWindow *)object;

  if (self->title_bindings != NULL)
    g_binding_group_set_source (self->title_bindings, NULL);

  /* Cleared first: the callbacks below check it to ignore the stack emptying itself. */
  g_clear_object (&self->title_bindings);
  self->flight_page = NULL;
  self->traveller_page = NULL;
  self->previous_page = NULL;
  g_clear_pointer (&self->traveller_history, g_array_unref);

  _tarmac_window_dispose_sync (self);
  _tarmac_window_dispose_drop_folder (self);
  _tarmac_window_dispose_sheets (self);
  _tarmac_window_dispose_import (self);
  _tarmac_window_dispose_screening (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), TARMAC_TYPE_WINDOW);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (tarmac_window_parent_class)->dispose (object);
}

static void
tarmac_window_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  TarmacWindow *self = TARMAC_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, tarmac_window_get_store (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tarmac_window_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  TarmacWindow *self = TARMAC_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tarmac_window_class_init (TarmacWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = tarmac_window_constructed;
  object_class->dispose = tarmac_window_dispose;
  object_class->get_property = tarmac_window_get_property;
  object_class->set_property = tarmac_window_set_property;

  /**
   * TarmacWindow:store:
   *
   * The database the window shows, or %NULL when it could not be opened.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         TARMAC_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/jaitf/Tarmac/tarmac-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TarmacWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, TarmacWindow, content_box);
  gtk_widget_class_bind_template_child (widget_class, TarmacWindow, demo_pill);
  gtk_widget_class_bind_template_child (widget_class, TarmacWindow, demo_revealer);
  gtk_widget_class_bind_template_child (widget_class, TarmacWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, TarmacWindow, sync_indicator);
  gtk_widget_class_bind_template_child (widget_class, TarmacWindow, import_label);
  gtk_widget_class_bind_template_child (widget_class, TarmacWindow, import_progress);
  gtk_widget_class_bind_template_child (widget_class, TarmacWindow, import_revealer);
  gtk_widget_class_bind_template_child (widget_class, TarmacWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, TarmacWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, TarmacWindow, page_stack);
  gtk_widget_class_bind_template_child (widget_class, TarmacWindow, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, TarmacWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TarmacWindow, window_title);
  gtk_widget_class_bind_template_callback (widget_class, on_folded_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_visible_page_changed_cb);

  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.go-back", NULL, go_back_action);
  gtk_widget_class_install_action (widget_class, "win.show-traveller", "x",
                                   show_traveller_action);
  gtk_widget_class_install_action (widget_class, "win.record-seizure", "(xxx)",
                                   record_seizure_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK,
                                       "win.go-back", NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, escape_cb, NULL);

  _tarmac_window_class_init_import (widget_class);
  _tarmac_window_class_init_sync (widget_class);
  _tarmac_window_class_init_screening (widget_class);

  g_type_ensure (TARMAC_TYPE_PAGE);
  g_type_ensure (TARMAC_TYPE_SYNC_INDICATOR);
}

static void
tarmac_window_init (TarmacWindow *self)
{
  self->settings = g_settings_new (BASE_ID);
  self->cancellable = g_cancellable_new ();
  self->traveller_history = g_array_new (FALSE, FALSE, sizeof (gint64));

  self->title_bindings = g_binding_group_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  _tarmac_window_init_import (self);

  g_binding_group_bind (self->title_bindings, "title", self->window_title, "title",
                        G_BINDING_SYNC_CREATE);
  g_binding_group_bind (self->title_bindings, "subtitle", self->window_title, "subtitle",
                        G_BINDING_SYNC_CREATE);
}

TarmacWindow *
tarmac_window_new (TarmacApplication *application,
                   TarmacStore       *store)
{
  g_return_val_if_fail (TARMAC_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (store == NULL || TARMAC_IS_STORE (store), NULL);

  return g_object_new (TARMAC_TYPE_WINDOW,
                       "application", application,
                       "store", store,
                       NULL);
}

TarmacStore *
tarmac_window_get_store (TarmacWindow *self)
{
  g_return_val_if_fail (TARMAC_IS_WINDOW (self), NULL);

  return self->store;
}

/**
 * tarmac_window_show_store_error:
 * @self: a window without a store
 * @path: the database file that could not be opened
 * @error: why
 *
 * Shows the error page: what went wrong with the file, and what the officer can do.
 */
void
tarmac_window_show_store_error (TarmacWindow *self,
                                const char   *path,
                                const GError *error)
{
  g_autofree char *description = NULL;
  const char *title;

  g_return_if_fail (TARMAC_IS_WINDOW (self));
  g_return_if_fail (path != NULL);
  g_return_if_fail (error != NULL);

  if (g_error_matches (error, TARMAC_STORE_ERROR, TARMAC_STORE_ERROR_TOO_NEW))
    {
      title = _("Database From a Newer Tarmac");
      description = g_markup_printf_escaped (_("“%s” was written by a newer version of Tarmac. "
                                               "Update Tarmac on this workstation to open it. "
                                               "The file has not been changed."),
                                             path);
    }
  else if (g_error_matches (error, TARMAC_STORE_ERROR, TARMAC_STORE_ERROR_NOT_TARMAC))
    {
      title = _("Not a Tarmac Database");
      description = g_markup_printf_escaped (_("“%s” is not a database Tarmac can open. "
                                               "Check that you chose the right file. "
                                               "The file has not been changed."),
                                             path);
    }
  else
    {
      title = _("Cannot Open the Database");
      /* Translators: the first %s is why the database could not be opened (a sentence
       * from the database layer), the second its file name */
      description = g_markup_printf_escaped (_("%s\n\nDatabase file: %s"),
                                             error->message, path);
    }

  adw_status_page_set_title (self->error_page, title);
  adw_status_page_set_description (self->error_page, description);
  gtk_stack_set_visible_child_name (self->main_stack, "error");
}

/**
 * tarmac_window_get_visible_page_name:
 * @self: a window
 *
 * Returns: (nullable): the name of the page in the content pane: one of the sidebar's
 *   pages ("today", "flights", …), "flight" or "traveller"
 */
const char *
tarmac_window_get_visible_page_name (TarmacWindow *self)
{
  g_return_val_if_fail (TARMAC_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->page_stack);
}

/**
 * tarmac_window_get_page:
 * @self: a window
 * @name: a page name
 *
 * Returns: (transfer none) (nullable): the page called @name
 */
GtkWidget *
tarmac_window_get_page (TarmacWindow *self,
                        const char   *name)
{
  g_return_val_if_fail (TARMAC_IS_WINDOW (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  return gtk_stack_get_child_by_name (self->page_stack, name);
}

/**
 * tarmac_window_show_flight:
 * @self: a window
 * @flight: a flight
 *
 * Shows @flight's travellers and crew. The back button returns to the page the officer
 * came from.
 */
void
tarmac_window_show_flight (TarmacWindow *self,
                           TarmacFlight *flight)
{
  const char *origin;

  g_return_if_fail (TARMAC_IS_WINDOW (self));
  g_return_if_fail (TARMAC_IS_FLIGHT (flight));

  if (self->flight_page == NULL)
    return;

  origin = lookup_page_name (gtk_stack_get_visible_child_name (self->page_stack));
  if (origin != NULL)
    self->flight_origin = origin;

  tarmac_flight_page_set_flight (TARMAC_FLIGHT_PAGE (self->flight_page), flight);
  gtk_stack_set_visible_child (self->page_stack, GTK_WIDGET (self->flight_page));

  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->content_box);
}

/**
 * tarmac_window_show_traveller:
 * @self: a window
 * @traveller_id: a traveller
 *
 * Shows everything about a traveller (an audited view). The back button returns to the
 * traveller or the page the officer came from.
 */
void
tarmac_window_show_traveller (TarmacWindow *self,
                              gint64        traveller_id)
{
  g_return_if_fail (TARMAC_IS_WINDOW (self));

  if (self->traveller_page == NULL)
    return;

  if (is_visible (self, self->traveller_page))
    {
      gint64 current = tarmac_traveller_page_get_traveller_id (TARMAC_TRAVELLER_PAGE (self->traveller_page));

      if (current == traveller_id)
        return;

      /* Bounded: a long walk through co-travellers forgets its oldest steps. */
      if (self->traveller_history->len >= 100)
        g_array_remove_index (self->traveller_history, 0);
      g_array_append_val (self->traveller_history, current);
    }
  else
    {
      const char *visible = gtk_stack_get_visible_child_name (self->page_stack);

      g_array_set_size (self->traveller_history, 0);
      self->traveller_origin = g_strcmp0 (visible, "flight") == 0 ? "flight"
                                                                  : lookup_page_name (visible);
      if (self->traveller_origin == NULL)
        self->traveller_origin = "search";
    }

  tarmac_traveller_page_load (TARMAC_TRAVELLER_PAGE (self->traveller_page), traveller_id);
  gtk_stack_set_visible_child (self->page_stack, GTK_WIDGET (self->traveller_page));

  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->content_box);
}
