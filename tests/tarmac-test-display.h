/* tarmac-test-display.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "tarmac-application.h"
#include "tarmac-test-util.h"
#include "tarmac-window.h"

G_BEGIN_DECLS

/* Set-up shared by the widget tests: the application their windows belong to, a main
 * loop run for a while, windows opened the same way in each. */

/* TRUE when there is a display to test on; otherwise says so, and the test exits 77
 * (skipped) rather than fail on a machine without X or Wayland. */
static inline gboolean
tarmac_test_has_display (const char *tests)
{
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_printerr ("No display: skipping the %s\n", tests);
      return FALSE;
    }
  return TRUE;
}

/* Windows belong to a registered application; NON_UNIQUE needs no bus name. */
static inline TarmacApplication *
tarmac_test_application_new (void)
{
  g_autoptr(GError) error = NULL;
  TarmacApplication *application = tarmac_application_new ();

  g_application_set_flags (G_APPLICATION (application), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (application), NULL, &error);
  g_assert_no_error (error);
  return application;
}

static inline gboolean
tarmac_test_run_for_cb (gpointer user_data)
{
  gboolean *done = user_data;

  *done = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop for @ms milliseconds: layout, frames, idles and timeouts happen. */
static inline void
tarmac_test_run_for (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, tarmac_test_run_for_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* The first widget of @type under @widget, depth first. */
static inline GtkWidget *
tarmac_test_find_descendant (GtkWidget *widget,
                             GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;

      if ((found = tarmac_test_find_descendant (child, type)) != NULL)
        return found;
    }

  return NULL;
}

/* Whether @window had its first layout: its pages are mapped only then (the leaflet shows
 * its children once it knows its width), a few turns of the main loop after it is
 * presented, which a loaded machine may take well over 50 ms to get to. */
static inline gboolean
tarmac_test_window_laid_out (TarmacWindow *window)
{
  const char *name = tarmac_window_get_visible_page_name (window);
  GtkWidget *page = name != NULL ? tarmac_window_get_page (window, name) : NULL;

  return gtk_widget_get_width (GTK_WIDGET (window)) > 0 &&
         (page == NULL || gtk_widget_get_mapped (page));
}

/* A main window on @store, shown at a laptop's size and laid out. */
static inline TarmacWindow *
tarmac_test_window_new (TarmacApplication *application,
                        TarmacStore       *store)
{
  TarmacWindow *window = tarmac_window_new (application, store);

  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 600);
  gtk_window_present (GTK_WINDOW (window));
  tarmac_test_wait_for (tarmac_test_window_laid_out (window));
  tarmac_test_run_for (10);
  return window;
}

typedef struct
{
  int      gone;     /* atomic: the weak notify may come from another thread */
  GThread *thread;
} TarmacTestGone;

static inline void
tarmac_test_window_gone_cb (gpointer  data,
                            GObject  *where_the_object_was)
{
  TarmacTestGone *gone = data;

  gone->thread = g_thread_self ();
  g_atomic_int_set (&gone->gone, TRUE);
}

/* Closes @window and waits until it is finalized: the jobs that hold it (screening,
 * imports, retention) have answered, so none of them runs on into the next test. And it
 * went on the main thread, as a GTK widget must: a window once went with the last
 * reference to a GTask, in the task's worker thread. */
static inline void
tarmac_test_window_destroy (TarmacWindow *window)
{
  TarmacTestGone gone = { FALSE, NULL };

  g_object_weak_ref (G_OBJECT (window), tarmac_test_window_gone_cb, &gone);
  gtk_window_destroy (GTK_WINDOW (window));
  tarmac_test_wait_for (g_atomic_int_get (&gone.gone));
  g_assert_true (gone.thread == g_thread_self ());
  tarmac_test_run_for (10);
}

/* Removes a database file with its WAL and shared-memory files, then its directory. */
static inline void
tarmac_test_remove_database (const char *dir,
                             const char *db_path)
{
  for (guint i = 0; i < 3; i++)
    {
      const char *suffixes[] = { "", "-wal", "-shm" };
      g_autofree char *name = g_strconcat (db_path, suffixes[i], NULL);

      g_remove (name);
    }
  g_rmdir (dir);
}

G_END_DECLS
