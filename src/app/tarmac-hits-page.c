/* tarmac-hits-page.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-hits-page"

#include "config.h"

#include <glib/gi18n.h>

#include "tarmac-hit-window.h"
#include "tarmac-hit.h"
#include "tarmac-hits-page.h"
#include "tarmac-screen-format.h"

#define MAX_HITS 1000

/* The review queue: hits that watchlists and risk rules raised, newest first, filtered by
 * status (open ones by default). Each row says who, on which flight, what it matched and
 * how well; opening one shows the whole explanation and the review actions. Until a hit
 * exists the page says where hits come from. */
struct _TarmacHitsPage
{
  TarmacPage       parent_instance;

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  GtkStack        *stack;
  GtkStack        *list_stack;
  GtkLabel        *count_label;
  GtkDropDown     *filter_dropdown;
  GtkListBox      *hit_list;

  /* Owned references */
  GListModel      *hits;
};

G_DEFINE_FINAL_TYPE (TarmacHitsPage, tarmac_hits_page, TARMAC_TYPE_PAGE)

/* The filter menu, in the order of a review. */
static const struct
{
  const char *filter;
  const char *label;
} filters[] = {
  { TARMAC_HIT_FILTER_OPEN, N_("Open") },
  { TARMAC_HIT_NEW, N_("New") },
  { TARMAC_HIT_IN_REVIEW, N_("In review") },
  { TARMAC_HIT_REFERRED, N_("Referred") },
  { TARMAC_HIT_CLEARED, N_("Cleared") },
  { TARMAC_HIT_CONTROLLED_POSITIVE, N_("Controlled: positive") },
  { TARMAC_HIT_CONTROLLED_NEGATIVE, N_("Controlled: negative") },
  { TARMAC_HIT_NOT_CONTROLLED, N_("Not controlled") },
  { TARMAC_HIT_FILTER_ALL, N_("All") },
};

static const char *
current_filter (TarmacHitsPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->filter_dropdown);

  return selected < G_N_ELEMENTS (filters) ? filters[selected].filter : TARMAC_HIT_FILTER_OPEN;
}

static GtkWidget *
create_hit_row_cb (gpointer item,
                   gpointer user_data)
{
  TarmacHit *hit = item;
  const char *name = tarmac_hit_get_traveller_name (hit);
  const char *flight = tarmac_hit_get_flight_label (hit);
  const char *list = tarmac_hit_get_list_name (hit);
  const char *entry = tarmac_hit_get_entry_name (hit);
  g_autofree char *subtitle = NULL;
  g_autofree char *score = NULL;
  GtkWidget *row;
  GtkWidget *box;
  GtkWidget *score_label;
  GtkWidget *status_label;

  /* Translators: a hit's subtitle: the flight ("ET 935 · 2026-03-05"), the list and the
   * entry it matched ("UN Consolidated List: Abd al-Rahman Yusuf"), then how it matched */
  subtitle = g_strdup_printf (_("%1$s · %2$s: %3$s\n%4$s"),
                              flight != NULL ? flight : "",
                              list != NULL ? list : tarmac_hit_get_source (hit),
                              entry != NULL ? entry : "",
                              tarmac_hit_get_summary (hit));

  row = g_object_new (ADW_TYPE_ACTION_ROW,
                      "use-markup", FALSE,
                      "title", name != NULL ? name : _("Unknown traveller"),
                      "subtitle", subtitle,
                      "subtitle-lines", 3,
                      "activatable", TRUE,
                      NULL);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  score = g_strdup_printf ("%.2f", tarmac_hit_get_score (hit));
  score_label = gtk_label_new (score);
  gtk_widget_add_css_class (score_label, "numeric");
  gtk_widget_add_css_class (score_label, "heading");
  status_label = gtk_label_new (tarmac_screen_format_hit_status (tarmac_hit_get_status (hit)));
  gtk_widget_add_css_class (status_label, "caption");
  if (g_strcmp0 (tarmac_hit_get_status (hit), TARMAC_HIT_NEW) == 0)
    gtk_widget_add_css_class (status_label, "accent");
  else
    gtk_widget_add_css_class (status_label, "dim-label");
  gtk_box_append (GTK_BOX (box), score_label);
  gtk_box_append (GTK_BOX (box), status_label);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), box);

  return row;
}

static void
reload_hits (TarmacHitsPage *self)
{
  TarmacStore *store = tarmac_page_get_store (TARMAC_PAGE (self));
  g_autoptr(GError) error = NULL;
  g_autofree char *count = NULL;
  const char *filter = current_filter (self);
  guint n_total, n_filtered;

  g_clear_object (&self->hits);
  gtk_list_box_bind_model (self->hit_list, NULL, NULL, NULL, NULL);

  n_total = store != NULL ? tarmac_hit_count (store, TARMAC_HIT_FILTER_ALL) : 0;
  if (n_total == 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      tarmac_page_set_subtitle (TARMAC_PAGE (self), NULL);
      tarmac_page_set_empty (TARMAC_PAGE (self), TRUE);
      return;
    }

  tarmac_page_set_empty (TARMAC_PAGE (self), FALSE);
  gtk_stack_set_visible_child_name (self->stack, "hits");

  n_filtered = tarmac_hit_count (store, filter);
  if (n_filtered == 0)
    {
      gtk_stack_set_visible_child_name (self->list_stack, "none");
    }
  else
    {
      /* Listing names travellers: the core audits it, so read only when there is any. */
      self->hits = tarmac_hit_list (store, filter, MAX_HITS, &error);
      if (self->hits == NULL)
        {
          g_warning ("Could not list hits: %s", error->message);
          gtk_stack_set_visible_child_name (self->list_stack, "none");
        }
      else
        {
          gtk_list_box_bind_model (self->hit_list, self->hits, create_hit_row_cb, NULL, NULL);
          gtk_stack_set_visible_child_name (self->list_stack, "list");
        }
    }

  if (n_filtered > MAX_HITS)
    /* Translators: how many hits the review queue shows, of how many */
    count = g_strdup_printf (ngettext ("Newest %u of %u hit", "Newest %u of %u hits", n_filtered),
                             MAX_HITS, n_filtered);
  else
    count = g_strdup_printf (ngettext ("%u hit", "%u hits", n_filtered), n_filtered);
  gtk_label_set_text (self->count_label, count);

  {
    guint n_new = tarmac_hit_count (store, TARMAC_HIT_NEW);
    g_autofree char *subtitle = n_new > 0 ? g_strdup_printf (ngettext ("%u new", "%u new", n_new),
                                                             n_new)
                                          : NULL;

    tarmac_page_set_subtitle (TARMAC_PAGE (self), subtitle);
  }
}

static void
on_filter_changed_cb (TarmacHitsPage *self,
                      GParamSpec     *pspec,
                      GtkDropDown    *dropdown)
{
  if (tarmac_page_get_store (TARMAC_PAGE (self)) != NULL)
    reload_hits (self);
}

static void
on_hit_changed_cb (TarmacHitsPage *self,
                   const char     *message,
                   gpointer        window)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
  reload_hits (self);
}

static void
on_hit_activated_cb (TarmacHitsPage *self,
                     GtkListBoxRow  *row,
                     GtkListBox     *list)
{
  tarmac_hits_page_open_hit (self, gtk_list_box_row_get_index (row));
}

static void
tarmac_hits_page_reload (TarmacPage *page)
{
  reload_hits (TARMAC_HITS_PAGE (page));
}

static void
tarmac_hits_page_dispose (GObject *object)
{
  TarmacHitsPage *self = (TarmacHitsPage *)object;

  gtk_widget_dispose_template (GTK_WIDGET (object), TARMAC_TYPE_HITS_PAGE);

  g_clear_object (&self->hits);

  G_OBJECT_CLASS (tarmac_hits_page_parent_class)->dispose (object);
}

static void
tarmac_hits_page_class_init (TarmacHitsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tarmac_hits_page_dispose;
  TARMAC_PAGE_CLASS (klass)->reload = tarmac_hits_page_reload;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/jaitf/Tarmac/tarmac-hits-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TarmacHitsPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, TarmacHitsPage, filter_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TarmacHitsPage, hit_list);
  gtk_widget_class_bind_template_child (widget_class, TarmacHitsPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, TarmacHitsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, TarmacHitsPage, toast_overlay);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_hit_activated_cb);
}

static void
tarmac_hits_page_init (TarmacHitsPage *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < G_N_ELEMENTS (filters); i++)
    gtk_string_list_append (labels, _(filters[i].label));
  gtk_drop_down_set_model (self->filter_dropdown, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (self->filter_dropdown, 0);

  tarmac_page_set_empty (TARMAC_PAGE (self), TRUE);
}

/**
 * tarmac_hits_page_get_hits:
 *
 * Returns: (transfer none) (nullable): the hits shown, of #TarmacHit
 */
GListModel *
tarmac_hits_page_get_hits (TarmacHitsPage *self)
{
  g_return_val_if_fail (TARMAC_IS_HITS_PAGE (self), NULL);
  return self->hits;
}

/* Shows the hits with @filter (a status, "open" or "all"), as the menu would. */
void
tarmac_hits_page_set_filter (TarmacHitsPage *self,
                             const char     *filter)
{
  g_return_if_fail (TARMAC_IS_HITS_PAGE (self));

  for (guint i = 0; i < G_N_ELEMENTS (filters); i++)
    if (g_strcmp0 (filter, filters[i].filter) == 0)
      {
        if (gtk_drop_down_get_selected (self->filter_dropdown) == i)
          reload_hits (self);
        else
          gtk_drop_down_set_selected (self->filter_dropdown, i);
      }
}

/**
 * tarmac_hits_page_open_hit:
 * @self: the page
 * @position: a hit's position in the list
 *
 * Returns: (transfer none) (nullable): the hit's window
 */
GtkWindow *
tarmac_hits_page_open_hit (TarmacHitsPage *self,
                           guint           position)
{
  g_autoptr(TarmacHit) hit = NULL;
  g_autoptr(GError) error = NULL;
  TarmacHitWindow *window;
  GtkRoot *root;

  g_return_val_if_fail (TARMAC_IS_HITS_PAGE (self), NULL);

  if (self->hits == NULL || (hit = g_list_model_get_item (self->hits, position)) == NULL)
    return NULL;

  window = tarmac_hit_window_new (tarmac_page_get_store (TARMAC_PAGE (self)),
                                  tarmac_hit_get_id (hit), &error);
  if (window == NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      reload_hits (self);
      return NULL;
    }

  root = gtk_widget_get_root (GTK_WIDGET (self));
  gtk_window_set_transient_for (GTK_WINDOW (window), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL);
  g_signal_connect_object (window, "changed", G_CALLBACK (on_hit_changed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (window));
  return GTK_WINDOW (window);
}
