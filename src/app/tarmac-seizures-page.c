/* tarmac-seizures-page.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-seizures-page"

#include "config.h"

#include <glib/gi18n.h>

#include "tarmac-format.h"
#include "tarmac-seizure-code.h"
#include "tarmac-seizure-codes.h"
#include "tarmac-seizure-format.h"
#include "tarmac-seizure-item.h"
#include "tarmac-seizure-store.h"
#include "tarmac-seizure-window.h"
#include "tarmac-seizures-page.h"

/* Seizures recorded by the task force, newest first: reference, date, airport, what was
 * found (quantities and kg-equivalents), status and agencies. Filtered by period (read
 * from the store, an audited listing) and by status and category (over the list read).
 * "New Seizure" (Ctrl+N on the page) opens a blank form; a row opens its record. */
struct _TarmacSeizuresPage
{
  TarmacPage          parent_instance;

  /* Template widgets */
  AdwToastOverlay    *toast_overlay;
  GtkStack           *stack;
  GtkStack           *list_stack;
  GtkLabel           *count_label;
  GtkDropDown        *period_dropdown;
  GtkDropDown        *status_dropdown;
  GtkDropDown        *category_dropdown;
  GtkListBox         *seizure_list;

  /* Owned references */
  GListModel         *all;        /* of TarmacSeizure, the period's */
  GtkFilterListModel *filtered;
  GPtrArray          *categories; /* codes of category_dropdown, NULL first ("all") */
};

G_DEFINE_FINAL_TYPE (TarmacSeizuresPage, tarmac_seizures_page, TARMAC_TYPE_PAGE)

static const struct
{
  const char *status;
  const char *label;
} statuses[] = {
  { NULL, N_("Any status") },
  { "DRAFT", N_("Draft") },
  { "SUBMITTED", N_("Submitted") },
  { "VALIDATED", N_("Validated") },
  { "SHARED", N_("Shared") },
  { "CLOSED", N_("Closed") },
};

static const struct
{
  int         days;   /* 0: all */
  const char *label;
} periods[] = {
  { 30, N_("Last 30 days") },
  { 92, N_("Last 3 months") },
  { 366, N_("Last 12 months") },
  { 0, N_("All time") },
};

static gboolean
filter_cb (gpointer item,
           gpointer user_data)
{
  TarmacSeizuresPage *self = user_data;
  TarmacSeizure *seizure = item;
  guint status = gtk_drop_down_get_selected (self->status_dropdown);
  guint category = gtk_drop_down_get_selected (self->category_dropdown);
  const char *wanted;
  GListModel *items;

  if (status > 0 && status < G_N_ELEMENTS (statuses) &&
      g_strcmp0 (tarmac_seizure_get_status (seizure), statuses[status].status) != 0)
    return FALSE;

  if (self->categories == NULL || category == 0 || category >= self->categories->len)
    return TRUE;
  wanted = g_ptr_array_index (self->categories, category);
  items = tarmac_seizure_get_items (seizure);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(TarmacSeizureItem) it = g_list_model_get_item (items, i);

      if (g_strcmp0 (tarmac_seizure_item_get_category (it), wanted) == 0)
        return TRUE;
    }
  return FALSE;
}

static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  TarmacSeizure *seizure = item;
  const char *status = tarmac_seizure_get_status (seizure);
  g_autofree char *when = tarmac_format_timestamp_long (tarmac_seizure_get_occurred_at (seizure));
  g_autofree char *items = tarmac_seizure_format_items (seizure);
  g_autofree char *agencies = tarmac_seizure_format_agencies (seizure);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *css = g_ascii_strdown (status != NULL ? status : "draft", -1);
  GtkWidget *row, *tag;

  /* Translators: a seizure in the list: its reference, when and at which airport
   * ("LFW-2026-0003 · 14 March 2026, 06:40 · LFW") */
  title = g_strdup_printf (_("%1$s · %2$s · %3$s"), tarmac_seizure_get_ref_no (seizure),
                           when != NULL ? when : tarmac_seizure_get_occurred_at (seizure),
                           tarmac_seizure_get_airport (seizure));
  /* Translators: a seizure's subtitle: what was found, then the agencies */
  subtitle = g_strdup_printf (_("%1$s\n%2$s"), items, agencies);
  /* Each line is a paragraph that takes the direction of its first letter: a line of
   * agency names in Latin letters would then sit on the left of a right-to-left page. */
  if (gtk_widget_get_default_direction () == GTK_TEXT_DIR_RTL)
    {
      g_auto(GStrv) lines = g_strsplit (subtitle, "\n", -1);
      g_autofree char *joined = g_strjoinv ("\n\u200F", lines);

      g_free (subtitle);
      subtitle = g_strconcat ("\u200F", joined, NULL);
    }

  row = g_object_new (ADW_TYPE_ACTION_ROW,
                      "use-markup", FALSE,
                      "title", title,
                      "subtitle", subtitle,
                      "subtitle-lines", 3,
                      "activatable", TRUE,
                      NULL);
  tag = gtk_label_new (tarmac_seizure_format_status (status));
  gtk_widget_set_valign (tag, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (tag, "status-tag");
  gtk_widget_add_css_class (tag, css);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), tag);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  return row;
}

static void
update_count (TarmacSeizuresPage *self)
{
  guint n = self->filtered != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) : 0;
  g_autofree char *count = g_strdup_printf (ngettext ("%u seizure", "%u seizures", n), n);

  gtk_label_set_text (self->count_label, count);
  gtk_stack_set_visible_child_name (self->list_stack, n > 0 ? "list" : "none");
}

static void
reload_seizures (TarmacSeizuresPage *self)
{
  TarmacStore *store = tarmac_page_get_store (TARMAC_PAGE (self));
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) all = NULL;
  g_autofree char *from = NULL;
  guint period = gtk_drop_down_get_selected (self->period_dropdown);
  int days = period < G_N_ELEMENTS (periods) ? periods[period].days : 0;
  gint64 total;

  gtk_list_box_bind_model (self->seizure_list, NULL, NULL, NULL, NULL);
  g_clear_object (&self->filtered);
  g_clear_object (&self->all);
  if (store == NULL)
    return;

  /* Whether any record exists decides the empty state, whatever the period. */
  total = tarmac_seizure_store_count (store);
  if (total == 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      tarmac_page_set_empty (TARMAC_PAGE (self), TRUE);
      tarmac_page_set_subtitle (TARMAC_PAGE (self), NULL);
      return;
    }
  tarmac_page_set_empty (TARMAC_PAGE (self), FALSE);
  gtk_stack_set_visible_child_name (self->stack, "seizures");

  if (days > 0)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
      g_autoptr(GDateTime) start = g_date_time_add_days (now, -days);

      from = g_date_time_format (start, "%Y-%m-%d");
    }
  all = tarmac_seizure_store_list (store, from, NULL, &error);
  if (all == NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      all = G_LIST_MODEL (g_list_store_new (TARMAC_TYPE_SEIZURE));
    }
  self->all = g_steal_pointer (&all);
  self->filtered = gtk_filter_list_model_new (g_object_ref (self->all),
                                              GTK_FILTER (gtk_custom_filter_new (filter_cb, self, NULL)));
  gtk_list_box_bind_model (self->seizure_list, G_LIST_MODEL (self->filtered), create_row_cb, NULL, NULL);
  update_count (self);
}

static void
on_period_changed_cb (TarmacSeizuresPage *self,
                      GParamSpec         *pspec,
                      GtkDropDown        *dropdown)
{
  if (tarmac_page_get_store (TARMAC_PAGE (self)) != NULL)
    reload_seizures (self);
}

static void
on_filter_changed_cb (TarmacSeizuresPage *self,
                      GParamSpec         *pspec,
                      GtkDropDown        *dropdown)
{
  GtkFilter *filter;

  if (self->filtered == NULL)
    return;
  filter = gtk_filter_list_model_get_filter (self->filtered);
  gtk_filter_changed (filter, GTK_FILTER_CHANGE_DIFFERENT);
  update_count (self);
}

static void
on_saved_cb (TarmacSeizuresPage *self,
             gpointer            window)
{
  reload_seizures (self);
}

static GtkWindow *
present_form (TarmacSeizuresPage  *self,
              TarmacSeizureWindow *window)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  gtk_window_set_transient_for (GTK_WINDOW (window), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL);
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  g_signal_connect_object (window, "saved", G_CALLBACK (on_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (window));
  return GTK_WINDOW (window);
}

static void
on_seizure_activated_cb (TarmacSeizuresPage *self,
                         GtkListBoxRow      *row,
                         GtkListBox         *list)
{
  tarmac_seizures_page_open_seizure (self, gtk_list_box_row_get_index (row));
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  tarmac_seizures_page_new_seizure (TARMAC_SEIZURES_PAGE (widget));
}

static void
tarmac_seizures_page_reload (TarmacPage *page)
{
  reload_seizures (TARMAC_SEIZURES_PAGE (page));
}

static void
tarmac_seizures_page_dispose (GObject *object)
{
  TarmacSeizuresPage *self = (TarmacSeizuresPage *)object;

  if (self->seizure_list != NULL)
    gtk_list_box_bind_model (self->seizure_list, NULL, NULL, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), TARMAC_TYPE_SEIZURES_PAGE);
  g_clear_object (&self->filtered);
  g_clear_object (&self->all);
  g_clear_pointer (&self->categories, g_ptr_array_unref);

  G_OBJECT_CLASS (tarmac_seizures_page_parent_class)->dispose (object);
}

static void
tarmac_seizures_page_class_init (TarmacSeizuresPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tarmac_seizures_page_dispose;
  TARMAC_PAGE_CLASS (klass)->reload = tarmac_seizures_page_reload;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/jaitf/Tarmac/tarmac-seizures-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TarmacSeizuresPage, category_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TarmacSeizuresPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, TarmacSeizuresPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, TarmacSeizuresPage, period_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TarmacSeizuresPage, seizure_list);
  gtk_widget_class_bind_template_child (widget_class, TarmacSeizuresPage, stack);
  gtk_widget_class_bind_template_child (widget_class, TarmacSeizuresPage, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TarmacSeizuresPage, toast_overlay);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_period_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_seizure_activated_cb);

  gtk_widget_class_install_action (widget_class, "seizures.new", NULL, new_action);
}

static void
tarmac_seizures_page_init (TarmacSeizuresPage *self)
{
  g_autoptr(GtkStringList) status_labels = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) period_labels = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) category_labels = gtk_string_list_new (NULL);
  g_autoptr(GListModel) categories = NULL;
  GtkEventController *shortcuts;

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    gtk_string_list_append (status_labels, _(statuses[i].label));
  gtk_drop_down_set_model (self->status_dropdown, G_LIST_MODEL (status_labels));
  for (guint i = 0; i < G_N_ELEMENTS (periods); i++)
    gtk_string_list_append (period_labels, _(periods[i].label));
  gtk_drop_down_set_model (self->period_dropdown, G_LIST_MODEL (period_labels));
  gtk_drop_down_set_selected (self->period_dropdown, 2);

  self->categories = g_ptr_array_new_with_free_func (g_free);
  gtk_string_list_append (category_labels, _("Any category"));
  g_ptr_array_add (self->categories, NULL);
  categories = tarmac_seizure_codes_list (tarmac_seizure_codes_get_default (), "category", NULL, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (categories); i++)
    {
      g_autoptr(TarmacSeizureCode) code = g_list_model_get_item (categories, i);

      gtk_string_list_append (category_labels, tarmac_seizure_code_get_label (code));
      g_ptr_array_add (self->categories, g_strdup (tarmac_seizure_code_get_code (code)));
    }
  gtk_drop_down_set_model (self->category_dropdown, G_LIST_MODEL (category_labels));

  /* Ctrl+N while the page is shown (a managed shortcut: the window routes it to the
   * visible page, wherever the focus is). */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_MANAGED);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_n, GDK_CONTROL_MASK),
                                                          gtk_named_action_new ("seizures.new")));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);

  tarmac_page_set_empty (TARMAC_PAGE (self), TRUE);
}

/**
 * tarmac_seizures_page_get_seizures:
 *
 * Returns: (transfer none) (nullable): the seizures shown, of #TarmacSeizure
 */
GListModel *
tarmac_seizures_page_get_seizures (TarmacSeizuresPage *self)
{
  g_return_val_if_fail (TARMAC_IS_SEIZURES_PAGE (self), NULL);
  return self->filtered != NULL ? G_LIST_MODEL (self->filtered) : NULL;
}

/* Shows the seizures of @status and @category (NULL: any), as the menus would. */
void
tarmac_seizures_page_set_filter (TarmacSeizuresPage *self,
                                 const char         *status,
                                 const char         *category)
{
  g_return_if_fail (TARMAC_IS_SEIZURES_PAGE (self));

  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    if (g_strcmp0 (statuses[i].status, status) == 0)
      gtk_drop_down_set_selected (self->status_dropdown, i);
  for (guint i = 0; i < self->categories->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->categories, i), category) == 0)
      gtk_drop_down_set_selected (self->category_dropdown, i);
}

/**
 * tarmac_seizures_page_open_seizure:
 * @position: a position in the filtered list
 *
 * Returns: (transfer none) (nullable): the form showing that record
 */
GtkWindow *
tarmac_seizures_page_open_seizure (TarmacSeizuresPage *self,
                                   guint               position)
{
  g_autoptr(TarmacSeizure) seizure = NULL;
  g_autoptr(GError) error = NULL;
  TarmacSeizureWindow *window;

  g_return_val_if_fail (TARMAC_IS_SEIZURES_PAGE (self), NULL);

  if (self->filtered == NULL ||
      (seizure = g_list_model_get_item (G_LIST_MODEL (self->filtered), position)) == NULL)
    return NULL;
  window = tarmac_seizure_window_new_for_id (tarmac_page_get_store (TARMAC_PAGE (self)),
                                            tarmac_seizure_get_id (seizure), &error);
  if (window == NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return NULL;
    }
  return present_form (self, window);
}

/**
 * tarmac_seizures_page_new_seizure:
 *
 * Returns: (transfer none) (nullable): a blank form (today, this airport, this officer's
 *   agency)
 */
GtkWindow *
tarmac_seizures_page_new_seizure (TarmacSeizuresPage *self)
{
  g_autoptr(GError) error = NULL;
  TarmacSeizureWindow *window;
  TarmacStore *store;

  g_return_val_if_fail (TARMAC_IS_SEIZURES_PAGE (self), NULL);

  store = tarmac_page_get_store (TARMAC_PAGE (self));
  if (store == NULL)
    return NULL;
  window = tarmac_seizure_window_new_draft (store, 0, 0, 0, &error);
  if (window == NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return NULL;
    }
  return present_form (self, window);
}
