/* test-window-sync.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <sodium.h>
#include <sqlite3.h>
#include <string.h>

#include "tarmac-application.h"
#include "tarmac-compose-window.h"
#include "tarmac-key-changes-group.h"
#include "tarmac-key-continuity.h"
#include "tarmac-network-page.h"
#include "tarmac-network-preferences.h"
#include "tarmac-note-row.h"
#include "tarmac-preferences-window.h"
#include "tarmac-sync-indicator.h"
#include "tarmac-sync-tls.h"
#include "tarmac-test-cli.h"
#include "tarmac-test-display.h"
#include "tarmac-test-hub.h"
#include "tarmac-test-store.h"
#include "tarmac-window-private.h"

/* Two airports through a real tarmac-hub on loopback: Dakar is the app, enrolled from
 * Preferences → Network as an officer would; Lomé is a `tarmac-cli` device. An urgent
 * alert written in the app's compose window reaches Lomé; an alert sent from Lomé shows
 * in the app without a restart, with a notification and the unread badge, and is
 * acknowledged once shown; the app shows how far its own note got. Every wait is bounded. */

#define ALERT_OUT "Courier suspected on ET908 ADD-LFW, please check on arrival"
#define ALERT_IN  "Courier stopped at LFW, 3.2 kg in the lining of a suitcase"

static TarmacApplication *application;

/* The desktop's notification server, played by the test on the session bus
 * (dbus-run-session gives each run its own), so that the app's GNotification goes through
 * the same D-Bus call as on a desktop, and the test sees what the officer would. */
static const char notifications_xml[] =
  "<node><interface name='org.freedesktop.Notifications'>"
  "<method name='Notify'>"
  "<arg type='s' direction='in'/><arg type='u' direction='in'/><arg type='s' direction='in'/>"
  "<arg type='s' direction='in'/><arg type='s' direction='in'/><arg type='as' direction='in'/>"
  "<arg type='a{sv}' direction='in'/><arg type='i' direction='in'/>"
  "<arg type='u' direction='out'/>"
  "</method>"
  "<method name='CloseNotification'><arg type='u' direction='in'/></method>"
  "<method name='GetCapabilities'><arg type='as' direction='out'/></method>"
  "<method name='GetServerInformation'>"
  "<arg type='s' direction='out'/><arg type='s' direction='out'/>"
  "<arg type='s' direction='out'/><arg type='s' direction='out'/>"
  "</method>"
  "<signal name='NotificationClosed'><arg type='u'/><arg type='u'/></signal>"
  "<signal name='ActionInvoked'><arg type='u'/><arg type='s'/></signal>"
  "</interface></node>";

static char *notified_summary;
static char *notified_body;

static void
notifications_method_cb (GDBusConnection       *connection,
                         const char            *sender,
                         const char            *object_path,
                         const char            *interface_name,
                         const char            *method_name,
                         GVariant              *parameters,
                         GDBusMethodInvocation *invocation,
                         gpointer               user_data)
{
  if (g_strcmp0 (method_name, "Notify") == 0)
    {
      const char *summary, *body;

      g_variant_get_child (parameters, 3, "&s", &summary);
      g_variant_get_child (parameters, 4, "&s", &body);
      g_free (notified_summary);
      notified_summary = g_strdup (summary);
      g_free (notified_body);
      notified_body = g_strdup (body);
      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(u)", 1));
    }
  else if (g_strcmp0 (method_name, "GetCapabilities") == 0)
    g_dbus_method_invocation_return_value (invocation, g_variant_new_parsed ("(@as ['body', 'actions'],)"));
  else if (g_strcmp0 (method_name, "GetServerInformation") == 0)
    g_dbus_method_invocation_return_value (invocation, g_variant_new ("(ssss)", "test", "tarmac", "1", "1.2"));
  else
    g_dbus_method_invocation_return_value (invocation, NULL);
}

static void
serve_notifications (void)
{
  static const GDBusInterfaceVTable vtable = { notifications_method_cb, NULL, NULL, { 0 } };
  g_autoptr(GDBusNodeInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  GDBusConnection *bus = g_application_get_dbus_connection (G_APPLICATION (application));
  g_autoptr(GVariant) reply = NULL;

  g_assert_nonnull (bus);
  info = g_dbus_node_info_new_for_xml (notifications_xml, &error);
  g_assert_no_error (error);
  g_dbus_connection_register_object (bus, "/org/freedesktop/Notifications", info->interfaces[0],
                                     &vtable, NULL, NULL, &error);
  g_assert_no_error (error);
  /* Queued for the name, not refused: another run of this test on the same session bus
   * (meson test --repeat runs them side by side) holds it until it exits, and the
   * notifications of this one would go to that one. */
  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "RequestName",
                                       g_variant_new ("(su)", "org.freedesktop.Notifications", 0),
                                       G_VARIANT_TYPE ("(u)"), G_DBUS_CALL_FLAGS_NONE, -1, NULL,
                                       &error);
  g_assert_no_error (error);
  for (gint64 end = g_get_monotonic_time () + 900 * G_TIME_SPAN_SECOND;; g_usleep (50000))
    {
      g_autoptr(GVariant) owner = NULL;
      const char *name = NULL;

      owner = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                           "org.freedesktop.DBus", "GetNameOwner",
                                           g_variant_new ("(s)", "org.freedesktop.Notifications"),
                                           G_VARIANT_TYPE ("(s)"), G_DBUS_CALL_FLAGS_NONE, -1,
                                           NULL, NULL);
      if (owner != NULL)
        g_variant_get (owner, "(&s)", &name);
      if (g_strcmp0 (name, g_dbus_connection_get_unique_name (bus)) == 0)
        break;
      if (g_get_monotonic_time () > end)
        g_error ("org.freedesktop.Notifications stays owned by %s", name);
    }
}

typedef struct
{
  TarmacTestHub  hub;
  char          *dir;
  char          *lfw_db;
  TarmacWindow  *window;
} Fixture;

typedef gboolean (*Condition) (Fixture *f);

#define wait_for(f, condition, seconds) wait_for_named (f, condition, seconds, #condition)

static void
wait_for_named (Fixture    *f,
                Condition   condition,
                guint       seconds,
                const char *name)
{
  gint64 end = g_get_monotonic_time () + seconds * G_TIME_SPAN_SECOND;

  while (!condition (f))
    {
      if (g_get_monotonic_time () > end)
        g_error ("timed out waiting for %s", name);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
}

static TarmacSyncService *
service (Fixture *f)
{
  return tarmac_window_get_sync_service (f->window);
}

static gboolean
is_online (Fixture *f)
{
  return tarmac_sync_service_get_enrolled (service (f))
         && tarmac_sync_service_get_state (service (f)) == TARMAC_SYNC_STATE_ONLINE
         && tarmac_sync_service_get_pending (service (f)) == 0;
}

static gboolean
compose_closed (Fixture *f)
{
  return _tarmac_window_get_compose_window (f->window) == NULL;
}

static gboolean
alert_notified (Fixture *f)
{
  return _tarmac_window_get_last_alert (f->window) != NULL
         && _tarmac_window_get_unread_notes (f->window) == 1
         && notified_summary != NULL;
}

static gboolean
badge_cleared (Fixture *f)
{
  return _tarmac_window_get_unread_notes (f->window) == 0
         && tarmac_sync_service_get_unread (service (f)) == 0;
}

static TarmacNoteRow *
find_row (Fixture    *f,
          const char *text)
{
  GtkWidget *page = tarmac_window_get_page (f->window, "network");

  for (GtkWidget *row = tarmac_test_find_descendant (page, TARMAC_TYPE_NOTE_ROW);
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      if (TARMAC_IS_NOTE_ROW (row)
          && g_strcmp0 (tarmac_note_get_body (tarmac_note_row_get_note (TARMAC_NOTE_ROW (row))), text) == 0)
        return TARMAC_NOTE_ROW (row);
    }

  return NULL;
}

static gboolean
own_note_acknowledged (Fixture *f)
{
  TarmacNoteRow *row = find_row (f, ALERT_OUT);
  const char *receipts = row != NULL ? tarmac_note_row_get_receipts (row) : NULL;

  return receipts != NULL && strstr (receipts, "LFW") != NULL
         && !g_str_has_prefix (receipts, "Sent to");
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autofree char *code = NULL;
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TarmacStore) store = NULL;

  f->dir = g_dir_make_tmp ("tarmac-window-sync-XXXXXX", &error);
  g_assert_no_error (error);
  f->hub.data = g_build_filename (f->dir, "hub", NULL);
  tarmac_test_hub_init (&f->hub, "DKR", "Dakar", "LFW", "Lomé", "ADD", "Addis Ababa", NULL);

  path = g_build_filename (f->dir, "dkr.db", NULL);
  f->lfw_db = g_build_filename (f->dir, "lfw.db", NULL);
  code = tarmac_test_hub_run (&f->hub, "enrol-code", "LFW", NULL);
  out = tarmac_test_cli_output (f->lfw_db, "sync", "enrol", "--hub", f->hub.url, "--code", code,
                                "--fingerprint", f->hub.fingerprint, NULL);

  store = tarmac_store_open (path, &error);
  g_assert_no_error (error);
  tarmac_store_set_actor (store, "officer-17");
  f->window = tarmac_test_window_new (application, store);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gint64 start = g_get_monotonic_time ();

  /* Closing the window stops its sync service: at once, not after the hub's 25 s
   * long-poll (the bound leaves room for a loaded machine). */
  gtk_window_destroy (GTK_WINDOW (f->window));
  tarmac_test_run_for (10);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 15 * G_TIME_SPAN_SECOND);

  tarmac_test_hub_clear (&f->hub);
  g_clear_pointer (&f->lfw_db, g_free);
  tarmac_test_remove_tree (f->dir);
  g_clear_pointer (&f->dir, g_free);
}

static void
enrol_from_preferences (Fixture *f)
{
  g_autofree char *code = tarmac_test_hub_run (&f->hub, "enrol-code", "DKR", NULL);
  TarmacPreferencesWindow *preferences;
  TarmacNetworkPreferences *page;
  GtkWidget *confirm;
  gint64 end;

  g_assert_nonnull (service (f));
  g_assert_false (tarmac_sync_service_get_enrolled (service (f)));

  preferences = tarmac_preferences_window_new (GTK_WINDOW (f->window));
  gtk_window_present (GTK_WINDOW (preferences));
  tarmac_test_run_for (50);

  page = TARMAC_NETWORK_PREFERENCES (tarmac_test_find_descendant (GTK_WIDGET (preferences),
                                                      TARMAC_TYPE_NETWORK_PREFERENCES));
  g_assert_nonnull (page);
  tarmac_network_preferences_fill (page, f->hub.url, code);

  /* Nothing to enrol with before the fingerprint was read and compared. */
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (page), "network.enrol", NULL)
                  && tarmac_sync_service_get_enrolled (service (f)));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "network.check", NULL));
  end = g_get_monotonic_time () + 30 * G_TIME_SPAN_SECOND;
  while (tarmac_network_preferences_get_fingerprint (page) == NULL
         && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (tarmac_network_preferences_get_fingerprint (page));
  g_assert_true (tarmac_sync_tls_fingerprint_equal (tarmac_network_preferences_get_fingerprint (page),
                                                    f->hub.fingerprint));
  g_assert_null (tarmac_network_preferences_get_error (page));

  confirm = tarmac_test_find_descendant (GTK_WIDGET (page), GTK_TYPE_CHECK_BUTTON);
  g_assert_nonnull (confirm);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (confirm), TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "network.enrol", NULL));

  wait_for (f, is_online, 60);
  g_assert_cmpstr (tarmac_sync_service_get_site (service (f)), ==, "DKR");
  g_assert_null (tarmac_network_preferences_get_error (page));

  gtk_window_destroy (GTK_WINDOW (preferences));
  tarmac_test_run_for (10);
}

static void
test_two_sites (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *list = NULL;
  TarmacComposeWindow *compose;
  TarmacSyncIndicator *indicator;
  const char *to[] = { "LFW", NULL };
  g_auto(GStrv) sites = NULL;

  enrol_from_preferences (f);

  /* The header bar says the workstation is online. */
  indicator = TARMAC_SYNC_INDICATOR (tarmac_test_find_descendant (GTK_WIDGET (f->window), TARMAC_TYPE_SYNC_INDICATOR));
  g_assert_nonnull (indicator);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (indicator)));
  g_assert_cmpstr (tarmac_sync_indicator_get_text (indicator), ==, "Synced just now");

  /* Lomé learns Dakar's keys; Dakar already has Lomé's from the roster. */
  out = tarmac_test_cli_output (f->lfw_db, "sync", NULL);
  sites = tarmac_sync_service_dup_sites (service (f), NULL);
  g_assert_true (g_strv_contains ((const char * const *) sites, "LFW"));

  /* Dakar writes an urgent alert about a flight (the flight page's Send Note button):
   * Send needs text first. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.send-note-about",
                                             "(ss)", "flight", "ET 908"));
  compose = TARMAC_COMPOSE_WINDOW (_tarmac_window_get_compose_window (f->window));
  g_assert_nonnull (compose);
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (compose), "compose.send", NULL)
                  && _tarmac_window_get_compose_window (f->window) == NULL);
  /* Yesterday's to tomorrow's flights are offered to pick from (none here: no button). */
  {
    const char *flights[] = { "ET 908", "AT 525", NULL };
    GtkWidget *recent = tarmac_test_find_descendant (GTK_WIDGET (compose), GTK_TYPE_MENU_BUTTON);

    g_assert_nonnull (recent);
    g_assert_false (gtk_widget_get_visible (recent));
    tarmac_compose_window_set_recent_flights (compose, flights);
    g_assert_true (gtk_widget_get_visible (recent));
  }
  tarmac_compose_window_set_text (compose, ALERT_OUT);
  tarmac_compose_window_set_priority (compose, TARMAC_NOTE_PRIORITY_URGENT);
  tarmac_compose_window_set_recipients (compose, to);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (compose), "compose.send", NULL));
  wait_for (f, compose_closed, 30);
  wait_for (f, is_online, 30);

  /* It is at Lomé after one round there, as an urgent alert about the flight. */
  g_free (out);
  out = tarmac_test_cli_output (f->lfw_db, "sync", NULL);
  list = tarmac_test_cli_output (f->lfw_db, "note", "list", "--json", NULL);
  g_assert_nonnull (strstr (list, ALERT_OUT));
  g_assert_nonnull (strstr (list, "\"urgent\""));
  g_assert_nonnull (strstr (list, "\"DKR\""));
  g_assert_nonnull (strstr (list, "ET 908"));

  /* Lomé answers with an urgent alert; the app is on Today and was not asked to sync. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-page", "s", "today"));
  g_free (out);
  out = tarmac_test_cli_output (f->lfw_db, "note", "send", "--to", "DKR", "--priority", "urgent",
                                "--alert", "--text", ALERT_IN, NULL);
  g_free (out);
  out = tarmac_test_cli_output (f->lfw_db, "sync", NULL);
  wait_for (f, alert_notified, 30);
  g_assert_cmpstr (notified_summary, ==, "Urgent alert from LFW");
  /* The notification says who, never what: it shows on a locked screen. */
  g_assert_null (strstr (notified_body, "Courier"));

  /* Shown on the Network page: read, so the badge goes, and Lomé is told. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-page", "s", "network"));
  tarmac_test_run_for (50);
  g_assert_nonnull (find_row (f, ALERT_IN));
  g_assert_nonnull (find_row (f, ALERT_OUT));
  wait_for (f, badge_cleared, 30);
  wait_for (f, is_online, 30);

  /* Lomé's next rounds send its "delivered" and get Dakar's "read"; Dakar's page then
   * says how far its own alert got. */
  g_free (out);
  out = tarmac_test_cli_output (f->lfw_db, "sync", NULL);
  g_free (out);
  out = tarmac_test_cli_output (f->lfw_db, "sync", NULL);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(TarmacStore) lfw = tarmac_store_open (f->lfw_db, &error);

    g_assert_no_error (error);
    g_assert_cmpint (tarmac_test_count (lfw, "SELECT count (*) FROM note_receipt"
                                             " WHERE site = 'DKR' AND read_at IS NOT NULL"), ==, 1);
  }
  wait_for (f, own_note_acknowledged, 30);
}

typedef struct
{
  TarmacWindow *window;
  gboolean      done;
  GError       *error;
} Desk;

static void
on_enrolled_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  Desk *desk = user_data;

  tarmac_sync_service_enrol_finish (TARMAC_SYNC_SERVICE (object), result, &desk->error);
  desk->done = TRUE;
}

static TarmacWindow *
open_desk (Fixture    *f,
           Desk       *desk,
           const char *site)
{
  g_autofree char *file = g_strdup_printf ("%s.db", site);
  g_autofree char *path = g_build_filename (f->dir, file, NULL);
  g_autofree char *code = tarmac_test_hub_run (&f->hub, "enrol-code", site, NULL);
  g_autoptr(TarmacStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gint64 end = g_get_monotonic_time () + 60 * G_TIME_SPAN_SECOND;
  TarmacSyncService *service;

  store = tarmac_store_open (path, &error);
  g_assert_no_error (error);
  desk->window = tarmac_test_window_new (application, store);

  service = tarmac_window_get_sync_service (desk->window);
  tarmac_sync_service_enrol_async (service, f->hub.url, code, f->hub.fingerprint, NULL,
                                   on_enrolled_cb, desk);
  while ((!desk->done || tarmac_sync_service_get_state (service) != TARMAC_SYNC_STATE_ONLINE)
         && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  g_assert_no_error (desk->error);
  g_assert_cmpint (tarmac_sync_service_get_state (service), ==, TARMAC_SYNC_STATE_ONLINE);

  return desk->window;
}

/* The "done when": two Tarmac windows enrolled at two airports exchange an urgent
 * alert in real time — Addis Ababa's window, left alone, shows Dakar's alert with its badge and
 * notification, and Dakar's window learns it was read there. */
static void
test_two_windows (Fixture       *f,
                  gconstpointer  data)
{
  Desk add = { 0 };
  TarmacComposeWindow *compose;
  const char *to[] = { "ADD", NULL };
  g_auto(GStrv) sites = NULL;
  gint64 end;

  /* The fixture's window is Dakar's; Addis Ababa gets a window of its own (Lomé is the
   * fixture's tarmac-cli device). */
  enrol_from_preferences (f);
  open_desk (f, &add, "ADD");

  /* Dakar learns Addis Ababa's keys from the roster at its next round. */
  tarmac_sync_service_sync_now (service (f));
  end = g_get_monotonic_time () + 30 * G_TIME_SPAN_SECOND;
  do
    {
      g_clear_pointer (&sites, g_strfreev);
      g_main_context_iteration (NULL, FALSE);
      sites = tarmac_sync_service_dup_sites (service (f), NULL);
    }
  while (!g_strv_contains ((const char * const *) sites, "ADD") && g_get_monotonic_time () < end);
  g_assert_true (g_strv_contains ((const char * const *) sites, "ADD"));

  g_clear_pointer (&notified_summary, g_free);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-note", NULL));
  compose = TARMAC_COMPOSE_WINDOW (_tarmac_window_get_compose_window (f->window));
  tarmac_compose_window_set_text (compose, ALERT_OUT);
  tarmac_compose_window_set_priority (compose, TARMAC_NOTE_PRIORITY_URGENT);
  tarmac_compose_window_set_recipients (compose, to);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (compose), "compose.send", NULL));

  /* Nobody touches Addis Ababa's window: the alert arrives through its long-poll. */
  end = g_get_monotonic_time () + 30 * G_TIME_SPAN_SECOND;
  while ((_tarmac_window_get_last_alert (add.window) == NULL
          || _tarmac_window_get_unread_notes (add.window) != 1
          || notified_summary == NULL)
         && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  g_assert_nonnull (_tarmac_window_get_last_alert (add.window));
  g_assert_cmpuint (_tarmac_window_get_unread_notes (add.window), ==, 1);
  g_assert_cmpstr (notified_summary, ==, "Urgent alert from DKR");

  /* The notification opens the note: on Addis Ababa's Network page, where it is read. */
  tarmac_window_show_note (add.window, _tarmac_window_get_last_alert (add.window));
  tarmac_test_run_for (50);
  g_assert_cmpstr (tarmac_window_get_visible_page_name (add.window), ==, "network");

  /* Dakar's page says it was read at ADD, without anyone syncing by hand. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-page", "s", "network"));
  end = g_get_monotonic_time () + 60 * G_TIME_SPAN_SECOND;
  while (g_get_monotonic_time () < end)
    {
      TarmacNoteRow *row = find_row (f, ALERT_OUT);
      const char *receipts = row != NULL ? tarmac_note_row_get_receipts (row) : NULL;

      if (receipts != NULL && g_str_has_prefix (receipts, "Read at ADD"))
        break;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
  g_assert_nonnull (find_row (f, ALERT_OUT));
  g_assert_true (g_str_has_prefix (tarmac_note_row_get_receipts (find_row (f, ALERT_OUT)), "Read at ADD"));

  gtk_window_destroy (GTK_WINDOW (add.window));
  tarmac_test_run_for (10);
}

static void
wait_for_desks (TarmacDesksGroup *group)
{
  gint64 end = g_get_monotonic_time () + 60 * G_TIME_SPAN_SECOND;

  while (tarmac_desks_group_get_busy (group) && g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
  g_assert_false (tarmac_desks_group_get_busy (group));
}

/* A second desk of Dakar, enrolled with tarmac-cli, waits for the airport's key; Dakar's
 * window lists it in Preferences → Network with its code, refuses a wrong code, and
 * approves it with the right one; the new desk then syncs. */
static void
test_second_desk (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *db2 = g_build_filename (f->dir, "dkr2.db", NULL);
  g_autofree char *enrol_code = tarmac_test_hub_run (&f->hub, "enrol-code", "DKR", NULL);
  g_autofree char *out = NULL;
  g_autofree char *desk_code = NULL;
  g_autofree char *device_id = NULL;
  TarmacPreferencesWindow *preferences;
  TarmacNetworkPreferences *page;
  TarmacDesksGroup *group;
  const char *at;

  enrol_from_preferences (f);
  wait_for (f, is_online, 60);

  g_assert_cmpint (tarmac_test_cli (db2, &out, NULL, "sync", "enrol", "--hub", f->hub.url,
                                    "--code", enrol_code, "--fingerprint", f->hub.fingerprint,
                                    NULL), ==, 0);
  at = strstr (out, "Code to read to them: ");
  g_assert_nonnull (at);
  desk_code = g_strndup (at + strlen ("Code to read to them: "), 11);
  at = strstr (out, "sync approve ");
  g_assert_nonnull (at);
  device_id = g_strndup (at + strlen ("sync approve "), 36);

  preferences = tarmac_preferences_window_new (GTK_WINDOW (f->window));
  gtk_window_present (GTK_WINDOW (preferences));
  tarmac_test_run_for (50);
  page = TARMAC_NETWORK_PREFERENCES (tarmac_test_find_descendant (GTK_WIDGET (preferences),
                                                                  TARMAC_TYPE_NETWORK_PREFERENCES));
  group = tarmac_network_preferences_get_desks_group (page);
  wait_for_desks (group);
  g_assert_cmpuint (tarmac_desks_group_get_n_waiting (group), ==, 1);
  g_assert_null (tarmac_desks_group_get_own_code (group));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (group)));

  tarmac_desks_group_approve (group, device_id, "AAAAA-AAAAA");
  wait_for_desks (group);
  g_assert_cmpuint (tarmac_desks_group_get_n_waiting (group), ==, 1);
  g_assert_cmpint (tarmac_test_cli (db2, NULL, NULL, "sync", NULL), !=, 0);

  tarmac_desks_group_approve (group, device_id, desk_code);
  wait_for_desks (group);
  g_assert_cmpuint (tarmac_desks_group_get_n_waiting (group), ==, 0);
  g_assert_cmpint (tarmac_test_cli (db2, NULL, NULL, "sync", NULL), ==, 0);

  /* Two desks hold the key now: the page offers to change it, and changing it sends the
   * new key to the other desk too. */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (group)));
  tarmac_desks_group_rotate (group);
  wait_for_desks (group);
  g_assert_true (tarmac_desks_group_get_rotated (group));
  g_assert_cmpint (tarmac_test_cli (db2, NULL, NULL, "sync", NULL), ==, 0);

  gtk_window_destroy (GTK_WINDOW (preferences));
}

static TarmacKeyChangesGroup *
key_changes_group (Fixture *f)
{
  GtkWidget *page = tarmac_window_get_page (f->window, "network");

  return TARMAC_KEY_CHANGES_GROUP (tarmac_network_page_get_key_changes (TARMAC_NETWORK_PAGE (page)));
}

static gboolean
key_change_shown (Fixture *f)
{
  return !tarmac_key_changes_group_get_busy (key_changes_group (f))
         && tarmac_key_changes_group_get_n_changes (key_changes_group (f)) == 1;
}

static gboolean
key_change_gone (Fixture *f)
{
  return !tarmac_key_changes_group_get_busy (key_changes_group (f))
         && tarmac_key_changes_group_get_n_changes (key_changes_group (f)) == 0;
}

static gboolean
group_idle (Fixture *f)
{
  return !tarmac_key_changes_group_get_busy (key_changes_group (f));
}

static gboolean
nothing_held (Fixture *f)
{
  return tarmac_test_count (tarmac_window_get_store (f->window), "SELECT count (*) FROM held_wrap") == 0;
}

static void
on_note_saved_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(TarmacNote) note = tarmac_sync_service_save_note_finish (TARMAC_SYNC_SERVICE (object), result, NULL);

  *(gboolean *) user_data = note != NULL;
}

/* What `tarmac-cli sync keys --json` (or another --json command) gives at @db_path for
 * @member: the code an officer there reads out by phone. */
static char *
cli_json_member (const char *db_path,
                 const char *command,
                 const char *member)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out = tarmac_test_cli_output (db_path, "sync", command, "--json", NULL);
  JsonNode *root;

  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  g_assert_no_error (error);
  root = json_parser_get_root (parser);
  if (JSON_NODE_HOLDS_ARRAY (root))
    {
      /* sync devices: the one that is this desk */
      JsonArray *desks = json_node_get_array (root);

      for (guint i = 0; i < json_array_get_length (desks); i++)
        if (json_object_get_boolean_member (json_array_get_object_element (desks, i), "this_desk"))
          return g_strdup (json_object_get_string_member (json_array_get_object_element (desks, i), member));
      g_assert_not_reached ();
    }
  return g_strdup (json_object_get_string_member (json_node_get_object (root), member));
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

/* Lomé loses its only desk, the coordinator resets its key and a new desk of Lomé brings
 * one, which no desk of Lomé signed over: the app's Network page says the key changed,
 * with the key known here but not the new one's code, and holds the note written to Lomé;
 * it refuses a wrong code, and Accept… takes the code Lomé's new desk reads out (its
 * tarmac-cli sync keys) and sends the note. */
static void
test_key_changed (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *lfw2_db = g_build_filename (f->dir, "lfw2.db", NULL);
  g_autofree char *known_code = NULL;
  g_autofree char *new_code = NULL;
  g_autofree char *device_id = NULL;
  g_autofree char *code = NULL;
  const char *to_lfw[] = { "LFW", NULL };
  TarmacNoteDraft draft = {
    .kind = "note",
    .priority = TARMAC_NOTE_PRIORITY_ROUTINE,
    .recipients = to_lfw,
    .author = "officer-17",
    .text = "For Lomé only",
  };
  AdwMessageDialog *dialog;
  GtkWidget *row, *button, *entry;
  gboolean saved = FALSE;

  enrol_from_preferences (f);
  wait_for (f, is_online, 60);
  /* The code of Dakar's own key, for Preferences → Network, as the CLI prints it. */
  g_assert_cmpuint (strlen (tarmac_sync_service_get_site_key_code (service (f))), ==, 23);

  g_free (tarmac_test_cli_output (f->lfw_db, "sync", NULL));
  known_code = cli_json_member (f->lfw_db, "keys", "site_key_code");
  device_id = cli_json_member (f->lfw_db, "devices", "device_id");
  g_free (tarmac_test_hub_run (&f->hub, "device", "revoke", device_id, NULL));
  g_free (tarmac_test_hub_run (&f->hub, "site", "reset-key", "LFW", NULL));
  code = tarmac_test_hub_run (&f->hub, "enrol-code", "LFW", NULL);
  g_free (tarmac_test_cli_output (lfw2_db, "sync", "enrol", "--hub", f->hub.url, "--code", code,
                                  "--fingerprint", f->hub.fingerprint, NULL));
  g_free (tarmac_test_cli_output (lfw2_db, "sync", NULL));
  new_code = cli_json_member (lfw2_db, "keys", "site_key_code");
  g_assert_nonnull (new_code);
  g_assert_cmpstr (new_code, !=, known_code);

  /* Lomé writes to Dakar: the app pulls it, learns that the roster moved, and fetches it. */
  g_free (tarmac_test_cli_output (lfw2_db, "note", "send", "--to", "DKR", "--text", "Hello from Lomé", NULL));
  g_free (tarmac_test_cli_output (lfw2_db, "sync", NULL));
  wait_for (f, key_change_shown, 60);
  row = tarmac_test_find_descendant (GTK_WIDGET (key_changes_group (f)), ADW_TYPE_ACTION_ROW);
  g_assert_nonnull (row);
  g_assert_nonnull (strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), "LFW"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), known_code));
  /* The officer here must get the new key's code by phone: it is not shown. */
  g_assert_null (strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), new_code));
  g_assert_null (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), new_code));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (key_changes_group (f))));

  tarmac_sync_service_save_note_async (service (f), &draft, NULL, on_note_saved_cb, &saved);
  while (!saved)
    g_main_context_iteration (NULL, TRUE);
  wait_for (f, is_online, 60);
  /* The note, and the acknowledgements owed to Lomé (records like any other). */
  g_assert_cmpint (tarmac_test_count (tarmac_window_get_store (f->window),
                                      "SELECT count (*) FROM held_wrap h JOIN versions v USING (version_id)"
                                      " WHERE h.site = 'LFW' AND v.kind = 'note'"), ==, 1);

  tarmac_key_changes_group_trust (key_changes_group (f), "LFW", "AAAAA-AAAAA-AAAAA-AAAAA");
  wait_for (f, group_idle, 60);
  g_assert_cmpuint (tarmac_key_changes_group_get_n_changes (key_changes_group (f)), ==, 1);
  g_assert_false (nothing_held (f));

  /* Accept… asks for the code Lomé reads out, and does not give it. */
  row = tarmac_test_find_descendant (GTK_WIDGET (key_changes_group (f)), ADW_TYPE_ACTION_ROW);
  button = tarmac_test_find_descendant (row, GTK_TYPE_BUTTON);
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_null (strstr (adw_message_dialog_get_heading (dialog), new_code));
  g_assert_null (strstr (adw_message_dialog_get_body (dialog), new_code));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Call LFW"));
  entry = adw_message_dialog_get_extra_child (dialog);
  g_assert_true (GTK_IS_EDITABLE (entry));
  gtk_editable_set_text (GTK_EDITABLE (entry), new_code);
  adw_message_dialog_response (dialog, "accept");
  if (find_message_dialog () == dialog)
    gtk_window_destroy (GTK_WINDOW (dialog));
  wait_for (f, key_change_gone, 60);
  wait_for (f, nothing_held, 60);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (key_changes_group (f))));

  /* Lomé's new desk reads the note that was held. */
  g_free (tarmac_test_cli_output (lfw2_db, "sync", NULL));
  {
    g_autofree char *list = tarmac_test_cli_output (lfw2_db, "note", "list", "--json", NULL);

    g_assert_nonnull (strstr (list, "For Lomé only"));
  }
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  if (!tarmac_test_has_display ("window sync tests"))
    return 77;

  gtk_test_init (&argc, &argv, NULL);
  application = tarmac_test_application_new ();
  serve_notifications ();

  g_test_add ("/window-sync/two-sites", Fixture, NULL,
              fixture_set_up, test_two_sites, fixture_tear_down);
  g_test_add ("/window-sync/two-windows", Fixture, NULL,
              fixture_set_up, test_two_windows, fixture_tear_down);
  g_test_add ("/window-sync/second-desk", Fixture, NULL,
              fixture_set_up, test_second_desk, fixture_tear_down);
  g_test_add ("/window-sync/key-changed", Fixture, NULL,
              fixture_set_up, test_key_changed, fixture_tear_down);

  ret = g_test_run ();
  g_clear_object (&application);
  return ret;
}
