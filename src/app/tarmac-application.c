/* tarmac-application.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-application"

#include "config.h"

#include <glib/gi18n.h>

#include "tarmac-application.h"
#include "tarmac-demo.h"
#include "tarmac-preferences-window.h"
#include "tarmac-store.h"
#include "tarmac-window.h"

struct _TarmacApplication
{
  AdwApplication  parent_instance;

  /* Owned references */
  char           *db_path;

  guint           use_demo : 1;
};

G_DEFINE_FINAL_TYPE (TarmacApplication, tarmac_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "db", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Open another database file"), N_("PATH") },
  { "demo", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Open the demo database (generated data, no real person)"), NULL },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Show the version and exit"), NULL },
  { NULL }
};

static TarmacStore *
open_store (TarmacApplication  *self,
            char              **path,
            GError            **error)
{
  TarmacStore *store;

  if (self->use_demo)
    {
      *path = tarmac_demo_get_default_path ();
      store = tarmac_demo_open (NULL, error);
    }
  else
    {
      *path = self->db_path != NULL ? g_strdup (self->db_path) : tarmac_store_get_default_path ();
      store = tarmac_store_open (*path, error);
    }

  /* The window gives the store its retention period, from the settings. */
  if (store != NULL)
    tarmac_store_set_actor (store, g_get_user_name ());

  return store;
}

static void
tarmac_application_activate (GApplication *application)
{
  TarmacApplication *self = TARMAC_APPLICATION (application);
  g_autoptr(TarmacStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  store = open_store (self, &path, &error);
  if (store == NULL)
    g_debug ("Could not open the database “%s”: %s", path, error->message);

  window = GTK_WINDOW (tarmac_window_new (self, store));
  if (store == NULL)
    tarmac_window_show_store_error (TARMAC_WINDOW (window), path, error);

  gtk_window_present (window);
}

static int
tarmac_application_handle_local_options (GApplication *application,
                                         GVariantDict *options)
{
  TarmacApplication *self = TARMAC_APPLICATION (application);
  const char *db_path = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("Tarmac %s\n", PACKAGE_VERSION);
      return EXIT_SUCCESS;
    }

  self->use_demo = g_variant_dict_contains (options, "demo");

  if (g_variant_dict_lookup (options, "db", "^&ay", &db_path))
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (db_path);

      g_free (self->db_path);
      self->db_path = g_file_get_path (file);
    }

  if (self->use_demo && self->db_path != NULL)
    {
      g_printerr ("%s\n", _("--db and --demo cannot be used together"));
      return EXIT_FAILURE;
    }

  /* Another database is another instance: it must not hand over to a running Tarmac
   * that shows a different file. */
  if (self->use_demo || self->db_path != NULL)
    g_application_set_flags (application,
                             g_application_get_flags (application) | G_APPLICATION_NON_UNIQUE);

  return -1;
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  TarmacApplication *self = user_data;
  GList *windows;

  /* Closing a window removes it from the application's list, so walk a copy that holds
   * its own references. Closing (rather than destroying) lets each window save its state. */
  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  for (GList *l = windows; l != NULL; l = l->next)
    g_object_ref (l->data);
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
  g_list_free_full (windows, g_object_unref);

  g_application_quit (G_APPLICATION (self));
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  TarmacApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  TarmacPreferencesWindow *preferences;

  preferences = tarmac_preferences_window_new (parent);
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  TarmacApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  static const char *developers[] = { "The Tarmac authors", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "modal", TRUE,
                        "application-icon", APP_ID,
                        "application-name", "Tarmac",
                        "version", PACKAGE_VERSION,
                        "developer-name", "The Tarmac authors",
                        "developers", developers,
                        "copyright", "© 2026 The Tarmac authors",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "website", "https://tarmac.jaitf.org",
                        "issue-url", "https://tarmac.jaitf.org/issues",
                        "comments", _("Tarmac helps the customs, police, gendarmerie and "
                                      "immigration officers of a Joint Airport Interdiction "
                                      "Task Force review passenger and cargo data, flag "
                                      "travellers against watchlists and risk rules, and "
                                      "share notes and lookouts with other airports."),
                        /* Translators: replace with your names, one per line */
                        "translator-credits", _("translator-credits"),
                        NULL);

  gtk_window_present (GTK_WINDOW (about));
}

/* From the desktop notification of an urgent alert: the window, on the Network page. */
static void
show_note_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  TarmacApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    {
      g_application_activate (G_APPLICATION (self));
      window = gtk_application_get_active_window (GTK_APPLICATION (self));
    }

  if (TARMAC_IS_WINDOW (window))
    {
      tarmac_window_show_note (TARMAC_WINDOW (window), g_variant_get_string (parameter, NULL));
      gtk_window_present (window);
    }
}

static const GActionEntry app_actions[] = {
  { "quit", quit_action },
  { "show-note", show_note_action, "s" },
  { "preferences", preferences_action },
  { "about", about_action },
};

static const struct
{
  const char *action;
  const char *accels[2];
} app_accels[] = {
  { "app.quit",                      { "<Control>q", NULL } },
  { "app.preferences",               { "<Control>comma", NULL } },
  { "win.search",                    { "<Control>f", NULL } },
  { "win.new-note",                  { "<Control>n", NULL } },
  { "win.go-back",                   { "<Alt>Left", NULL } },
  { "win.show-page::today",          { "<Alt>1", NULL } },
  { "win.show-page::flights",        { "<Alt>2", NULL } },
  { "win.show-page::search",         { "<Alt>3", NULL } },
  { "win.show-page::hits",           { "<Alt>4", NULL } },
  { "win.show-page::cargo",          { "<Alt>5", NULL } },
  { "win.show-page::seizures",       { "<Alt>6", NULL } },
  { "win.show-page::statistics",     { "<Alt>7", NULL } },
  { "win.show-page::network",        { "<Alt>8", NULL } },
  { "win.show-page::watchlists",     { "<Alt>9", NULL } },
};

static void
tarmac_application_startup (GApplication *application)
{
  TarmacApplication *self = TARMAC_APPLICATION (application);

  G_APPLICATION_CLASS (tarmac_application_parent_class)->startup (application);

  gtk_window_set_default_icon_name (APP_ID);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);

  for (guint i = 0; i < G_N_ELEMENTS (app_accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self),
                                           app_accels[i].action,
                                           app_accels[i].accels);
}

static void
tarmac_application_finalize (GObject *object)
{
  TarmacApplication *self = (TarmacApplication *)object;

  g_clear_pointer (&self->db_path, g_free);

  G_OBJECT_CLASS (tarmac_application_parent_class)->finalize (object);
}

static void
tarmac_application_class_init (TarmacApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *application_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = tarmac_application_finalize;

  application_class->activate = tarmac_application_activate;
  application_class->handle_local_options = tarmac_application_handle_local_options;
  application_class->startup = tarmac_application_startup;
}

static void
tarmac_application_init (TarmacApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Review passenger, crew and cargo data "
                                              "at an international airport."));
}

TarmacApplication *
tarmac_application_new (void)
{
  /* The resource base path is fixed, so that the .Devel application id does not move
   * the resources (STYLE.md §1). GApplication only accepts it at construction. */
  return g_object_new (TARMAC_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", RESOURCE_BASE_PATH,
                       NULL);
}
