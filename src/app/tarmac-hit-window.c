/* tarmac-hit-window.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-hit-window"

#include "config.h"

#include <glib/gi18n.h>

#include "tarmac-format.h"
#include "tarmac-hit-window.h"
#include "tarmac-hit.h"
#include "tarmac-detail-rows.h"
#include "tarmac-screen-format.h"
#include "tarmac-seizure-window.h"

/* One hit: who it is about (and a way to their traveller page), what it matched, the
 * whole explanation, the review so far, and the steps the review may take next, each
 * with the officer's comment. A control that found something records its outcome
 * through the seizure form ("Record Seizure"), which closes the review as positive. Built in code: its rows depend on the hit. Reading it is
 * audited by tarmac_hit_get(), each change by tarmac_hit_set_status(). */
struct _TarmacHitWindow
{
  AdwWindow    parent_instance;

  /* Owned references */
  TarmacStore *store;
  TarmacHit   *hit;

  /* Borrowed references */
  AdwEntryRow *comment_row;
  GtkLabel    *error_label;
};

G_DEFINE_FINAL_TYPE (TarmacHitWindow, tarmac_hit_window, ADW_TYPE_WINDOW)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
open_traveller_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  TarmacHitWindow *self = TARMAC_HIT_WINDOW (widget);
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  if (parent != NULL)
    gtk_widget_activate_action (GTK_WIDGET (parent), "win.show-traveller", "x",
                                tarmac_hit_get_traveller_id (self->hit));
  gtk_window_close (GTK_WINDOW (self));
}

static void
on_seizure_saved_cb (TarmacHitWindow     *self,
                     TarmacSeizureWindow *form)
{
  g_autofree char *message = NULL;
  TarmacSeizure *seizure = tarmac_seizure_window_get_seizure (form);

  /* Translators: a toast after a seizure was recorded from a hit: its reference */
  message = g_strdup_printf (_("Seizure %s recorded; the hit is controlled: positive"),
                             tarmac_seizure_get_ref_no (seizure));
  g_signal_emit (self, signals[CHANGED], 0, message);
  gtk_window_close (GTK_WINDOW (self));
}

static void
record_seizure_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  tarmac_hit_window_record_seizure (TARMAC_HIT_WINDOW (widget));
}

static void
set_status_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  tarmac_hit_window_change_status (TARMAC_HIT_WINDOW (widget),
                                   g_variant_get_string (parameter, NULL));
}

static void
fill (TarmacHitWindow    *self,
      AdwPreferencesPage *page)
{
  g_autoptr(GPtrArray) comments = NULL;
  g_autofree char *explanation = tarmac_hit_explanation_text (tarmac_hit_get_explanation (self->hit));
  g_autofree char *score = g_strdup_printf ("%.2f", tarmac_hit_get_score (self->hit));
  g_auto(GStrv) parts = NULL;
  const char *const *next = tarmac_hit_next_statuses (tarmac_hit_get_status (self->hit));
  AdwPreferencesGroup *group;
  GtkWidget *row;

  group = tarmac_detail_add_group (page, _("Match"));
  tarmac_detail_add_row (group, _("Status"),
                         tarmac_screen_format_hit_status (tarmac_hit_get_status (self->hit)));
  tarmac_detail_add_row (group, _("Score"), score);
  if (tarmac_hit_get_list_name (self->hit) != NULL)
    {
      g_autofree char *entry = NULL;

      /* Translators: a list entry's name and its reference in the list */
      entry = g_strdup_printf (_("%1$s (%2$s)"),
                               tarmac_hit_get_entry_name (self->hit) != NULL
                                 ? tarmac_hit_get_entry_name (self->hit) : "",
                               tarmac_hit_get_entry_ref (self->hit) != NULL
                                 ? tarmac_hit_get_entry_ref (self->hit) : "");
      tarmac_detail_add_row (group, tarmac_hit_get_list_name (self->hit), entry);
    }
  else
    {
      tarmac_detail_add_row (group, _("Source"), tarmac_hit_get_source (self->hit));
    }

  /* The explanation's parts are separated by "; ": one row each reads better. */
  group = tarmac_detail_add_group (page, _("Why"));
  parts = g_strsplit (explanation, "; ", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      GtkWidget *label = gtk_label_new (parts[i]);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_widget_set_margin_top (label, 8);
      gtk_widget_set_margin_bottom (label, 8);
      gtk_widget_set_margin_start (label, 12);
      gtk_widget_set_margin_end (label, 12);
      adw_preferences_group_add (group, label);
    }

  group = tarmac_detail_add_group (page, _("Traveller"));
  row = tarmac_detail_add_row (group, tarmac_hit_get_traveller_name (self->hit),
                 tarmac_hit_get_flight_label (self->hit));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "hit.open-traveller");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("go-next-symbolic"));

  group = tarmac_detail_add_group (page, _("Review"));
  comments = tarmac_hit_list_comments (self->store, tarmac_hit_get_id (self->hit), NULL);
  for (guint i = 0; comments != NULL && i < comments->len; i++)
    {
      TarmacHitComment *comment = g_ptr_array_index (comments, i);
      g_autofree char *at = tarmac_format_timestamp_long (comment->at);

      tarmac_detail_add_row (group, comment->text, at != NULL ? at : comment->at);
    }

  if (next[0] == NULL)
    {
      tarmac_detail_add_row (group, _("Review closed"), NULL);
      return;
    }

  self->comment_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->comment_row), _("Comment"));
  adw_preferences_group_add (group, GTK_WIDGET (self->comment_row));

  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_label_set_xalign (self->error_label, 0.0f);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_widget_set_margin_top (GTK_WIDGET (self->error_label), 6);
  adw_preferences_group_add (group, GTK_WIDGET (self->error_label));

  {
    GtkWidget *buttons = gtk_flow_box_new ();

    gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (buttons), GTK_SELECTION_NONE);
    gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (buttons), FALSE);
    gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (buttons), 3);
    gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (buttons), 6);
    gtk_widget_set_margin_top (buttons, 12);
    if (tarmac_hit_status_is_open (tarmac_hit_get_status (self->hit)))
      {
        GtkWidget *button = gtk_button_new_with_mnemonic (_("Record _Seizure…"));

        gtk_widget_set_tooltip_text (button, _("The control found something: record what, and "
                                               "close this hit as controlled: positive"));
        gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "hit.record-seizure");
        gtk_widget_add_css_class (button, "destructive-action");
        gtk_flow_box_append (GTK_FLOW_BOX (buttons), button);
      }
    for (guint i = 0; next[i] != NULL; i++)
      {
        GtkWidget *button;

        /* A positive control is recorded through the seizure form above. */
        if (g_str_equal (next[i], TARMAC_HIT_CONTROLLED_POSITIVE))
          continue;
        button = gtk_button_new_with_label (g_str_equal (next[i], TARMAC_HIT_CONTROLLED_NEGATIVE)
                                              ? _("Nothing Found")
                                              : tarmac_screen_format_hit_action (next[i]));

        gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "hit.set-status");
        gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", next[i]);
        if (g_str_equal (next[i], TARMAC_HIT_REFERRED))
          gtk_widget_add_css_class (button, "destructive-action");
        else if (i == 0)
          gtk_widget_add_css_class (button, "suggested-action");
        gtk_flow_box_append (GTK_FLOW_BOX (buttons), button);
      }
    adw_preferences_group_add (group, buttons);
  }
}

static void
tarmac_hit_window_dispose (GObject *object)
{
  TarmacHitWindow *self = (TarmacHitWindow *)object;

  g_clear_object (&self->hit);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (tarmac_hit_window_parent_class)->dispose (object);
}

static void
tarmac_hit_window_class_init (TarmacHitWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tarmac_hit_window_dispose;

  /**
   * TarmacHitWindow::changed:
   * @message: what happened, for a toast
   *
   * The hit's status changed.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_install_action (widget_class, "hit.open-traveller", NULL,
                                   open_traveller_action);
  gtk_widget_class_install_action (widget_class, "hit.set-status", "s", set_status_action);
  gtk_widget_class_install_action (widget_class, "hit.record-seizure", NULL, record_seizure_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
tarmac_hit_window_init (TarmacHitWindow *self)
{
  gtk_window_set_default_size (GTK_WINDOW (self), 520, 560);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
}

/**
 * tarmac_hit_window_new:
 * @store: the store
 * @hit_id: the hit to show
 * @error: return location for a #GError
 *
 * Returns: (transfer floating): the window, or %NULL when the hit cannot be read
 */
TarmacHitWindow *
tarmac_hit_window_new (TarmacStore  *store,
                       gint64        hit_id,
                       GError      **error)
{
  TarmacHitWindow *self;
  g_autoptr(TarmacHit) hit = NULL;
  GtkWidget *box, *header, *page;
  const char *name;

  g_return_val_if_fail (TARMAC_IS_STORE (store), NULL);

  hit = tarmac_hit_get (store, hit_id, error);
  if (hit == NULL)
    return NULL;

  self = g_object_new (TARMAC_TYPE_HIT_WINDOW, NULL);
  self->store = g_object_ref (store);
  self->hit = g_steal_pointer (&hit);

  name = tarmac_hit_get_traveller_name (self->hit);
  gtk_window_set_title (GTK_WINDOW (self), name != NULL ? name : _("Hit"));

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header),
                                   adw_window_title_new (name != NULL ? name : _("Hit"),
                                                         tarmac_hit_get_flight_label (self->hit)));
  gtk_box_append (GTK_BOX (box), header);
  page = adw_preferences_page_new ();
  gtk_widget_set_vexpand (page, TRUE);
  fill (self, ADW_PREFERENCES_PAGE (page));
  gtk_box_append (GTK_BOX (box), page);
  adw_window_set_content (ADW_WINDOW (self), box);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "hit.open-traveller",
                                 tarmac_hit_get_traveller_id (self->hit) > 0);
  return self;
}

/* Types a comment, as the officer would (for tests). */
void
tarmac_hit_window_set_comment (TarmacHitWindow *self,
                               const char      *comment)
{
  g_return_if_fail (TARMAC_IS_HIT_WINDOW (self));

  if (self->comment_row != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->comment_row), comment);
}

/**
 * tarmac_hit_window_change_status:
 * @self: the window
 * @status: the status to move the hit to
 *
 * Moves the hit on with the typed comment. On success emits #TarmacHitWindow::changed
 * and closes; otherwise shows why and stays open.
 *
 * Returns: %TRUE when the status changed
 */
gboolean
tarmac_hit_window_change_status (TarmacHitWindow *self,
                                 const char      *status)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  const char *comment;

  g_return_val_if_fail (TARMAC_IS_HIT_WINDOW (self), FALSE);

  if (self->comment_row == NULL)
    return FALSE;

  comment = gtk_editable_get_text (GTK_EDITABLE (self->comment_row));
  if (!tarmac_hit_set_status (self->store, tarmac_hit_get_id (self->hit), status, comment,
                              &error))
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      gtk_widget_add_css_class (GTK_WIDGET (self->comment_row), "error");
      gtk_widget_grab_focus (GTK_WIDGET (self->comment_row));
      return FALSE;
    }

  /* Translators: a toast after a hit's review moved on: the traveller, the new status */
  message = g_strdup_printf (_("%1$s: %2$s"),
                             tarmac_hit_get_traveller_name (self->hit) != NULL
                               ? tarmac_hit_get_traveller_name (self->hit) : _("Hit"),
                             tarmac_screen_format_hit_status (status));
  g_signal_emit (self, signals[CHANGED], 0, message);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

/**
 * tarmac_hit_window_record_seizure:
 * @self: the window of an open hit
 *
 * Opens the seizure form filled from the hit: its traveller (non-nominally), flight and
 * route. Saving the form closes the hit's review as "controlled: positive" and this window.
 *
 * Returns: (transfer none) (nullable): the form
 */
GtkWindow *
tarmac_hit_window_record_seizure (TarmacHitWindow *self)
{
  g_autoptr(GError) error = NULL;
  TarmacSeizureWindow *form;
  GtkWindow *parent;

  g_return_val_if_fail (TARMAC_IS_HIT_WINDOW (self), NULL);

  form = tarmac_seizure_window_new_draft (self->store, tarmac_hit_get_id (self->hit), 0, 0, &error);
  if (form == NULL)
    {
      if (self->error_label != NULL)
        {
          gtk_label_set_text (self->error_label, error->message);
          gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
        }
      return NULL;
    }
  parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  gtk_window_set_transient_for (GTK_WINDOW (form), parent != NULL ? parent : GTK_WINDOW (self));
  gtk_window_set_modal (GTK_WINDOW (form), TRUE);
  g_signal_connect_object (form, "saved", G_CALLBACK (on_seizure_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (form));
  return GTK_WINDOW (form);
}
