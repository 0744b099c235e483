/* tarmac-search-page.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-search-page"

#include "config.h"

#include <glib/gi18n.h>

#include "tarmac-format.h"
#include "tarmac-search-page.h"
#include "tarmac-search-result.h"
#include "tarmac-searcher.h"

#define MAX_RESULTS  200
/* ms after the last key: searches follow the typing, and each one is in the audit log */
#define SEARCH_DELAY 150

/* Finds travellers by name (misspelt too), document, PNR locator, phone or e-mail across
 * every imported flight, as the officer types. The search runs in a worker thread on its
 * own connection (TarmacSearcher); a newer query cancels the one still running.
 * Activating a result opens the traveller's page (win.show-traveller). */
struct _TarmacSearchPage
{
  TarmacPage      parent_instance;

  /* Template widgets */
  GtkSearchEntry *search_entry;
  GtkStack       *stack;
  GtkListBox     *result_list;
  AdwStatusPage  *none_page;

  /* Owned references */
  GListModel     *results;       /* of TarmacSearchResult */
  TarmacSearcher *searcher;
  GCancellable   *cancellable;
  char           *query;         /* of the search running or shown */
  gboolean        open_first;    /* Enter was pressed: open the first result of query */
};

G_DEFINE_FINAL_TYPE (TarmacSearchPage, tarmac_search_page, TARMAC_TYPE_PAGE)

static GtkWidget *
create_suffix_label (const char *text,
                     const char *style)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (label, "numeric");
  /* Document numbers and codes read left to right in every language: in a right-to-left
   * row, "1 461 3330 76659" would otherwise come out with its groups reversed. */
  gtk_widget_set_direction (label, GTK_TEXT_DIR_LTR);
  if (style != NULL)
    gtk_widget_add_css_class (label, style);

  return label;
}

static GtkWidget *
create_result_row_cb (gpointer item,
                      gpointer user_data)
{
  TarmacSearchResult *result = item;
  TarmacTraveller *traveller = tarmac_search_result_get_traveller (result);
  const char *document = tarmac_traveller_get_document_number (traveller);
  const char *nationality = tarmac_traveller_get_nationality (traveller);
  g_autofree char *why = tarmac_search_result_describe_match (result);
  g_autofree char *subtitle = NULL;
  GtkWidget *row;

  /* Translators: a search result's subtitle: the flight ("ET 935 · 2026-03-05"), whether
   * the person is a passenger or crew, then why it was found ("name, 1 letter
   * different", "document", "PNR") */
  subtitle = g_strdup_printf (_("%1$s · %2$s · found by %3$s"),
                              tarmac_traveller_get_flight_label (traveller),
                              tarmac_format_traveller_kind (tarmac_traveller_get_kind (traveller)),
                              why);

  row = g_object_new (ADW_TYPE_ACTION_ROW,
                      "use-markup", FALSE,
                      "title", tarmac_traveller_get_full_name (traveller),
                      "subtitle", subtitle,
                      "activatable", TRUE,
                      NULL);

  if (document != NULL && *document != '\0')
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), create_suffix_label (document, NULL));
  if (nationality != NULL && *nationality != '\0')
    adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                               create_suffix_label (nationality, "dim-label"));

  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             g_object_new (GTK_TYPE_IMAGE,
                                           "icon-name", "go-next-symbolic",
                                           "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                           NULL));

  return row;
}

/* The rows are about to be destroyed: a focused one would leave the scrolled window
 * tracking a dead focus child (GTK 4.8), so the entry takes the focus first. */
static void
bind_results (TarmacSearchPage *self,
              GListModel       *results)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->result_list)))
    gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));

  if (results != NULL)
    gtk_list_box_bind_model (self->result_list, results, create_result_row_cb, NULL, NULL);
  else
    gtk_list_box_bind_model (self->result_list, NULL, NULL, NULL, NULL);
}

static void
show_results (TarmacSearchPage *self,
              const char       *query)
{
  guint n_results = self->results != NULL ? g_list_model_get_n_items (self->results) : 0;
  g_autofree char *subtitle = NULL;

  bind_results (self, self->results);

  if (n_results == 0)
    {
      g_autofree char *description = NULL;

      /* Translators: %s is what the officer searched for */
      description = g_markup_printf_escaped (_("No traveller matches “%s”. Check the spelling, "
                                               "try fewer names, or search by document number."),
                                             query);
      adw_status_page_set_description (self->none_page, description);
      gtk_stack_set_visible_child_name (self->stack, "none");
      tarmac_page_set_subtitle (TARMAC_PAGE (self), NULL);
      tarmac_page_set_empty (TARMAC_PAGE (self), TRUE);
      return;
    }

  if (n_results >= MAX_RESULTS)
    subtitle = g_strdup_printf (ngettext ("First %u result", "First %u results", n_results),
                                n_results);
  else
    subtitle = g_strdup_printf (ngettext ("%u result", "%u results", n_results), n_results);

  tarmac_page_set_subtitle (TARMAC_PAGE (self), subtitle);
  gtk_stack_set_visible_child_name (self->stack, "results");
  tarmac_page_set_empty (TARMAC_PAGE (self), FALSE);
}

static void
show_initial (TarmacSearchPage *self)
{
  bind_results (self, NULL);
  gtk_stack_set_visible_child_name (self->stack, "initial");
  tarmac_page_set_subtitle (TARMAC_PAGE (self), NULL);
  tarmac_page_set_empty (TARMAC_PAGE (self), TRUE);
}

static void
show_error (TarmacSearchPage *self,
            const GError     *error)
{
  g_autofree char *description = g_markup_escape_text (error->message, -1);

  bind_results (self, NULL);
  adw_status_page_set_description (self->none_page, description);
  gtk_stack_set_visible_child_name (self->stack, "none");
  tarmac_page_set_subtitle (TARMAC_PAGE (self), NULL);
  tarmac_page_set_empty (TARMAC_PAGE (self), TRUE);
}

static void
search_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(TarmacSearchPage) self = user_data;
  g_autoptr(GListModel) results = NULL;
  g_autoptr(GError) error = NULL;

  results = tarmac_searcher_search_finish (TARMAC_SEARCHER (object), result, &error);

  /* A newer query replaced this one: its results are coming. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->cancellable);

  if (results == NULL)
    {
      show_error (self, error);
      return;
    }

  g_set_object (&self->results, results);
  show_results (self, self->query);

  if (self->open_first)
    {
      self->open_first = FALSE;
      tarmac_search_page_open_result (self, 0);
    }
}

static void
run_search (TarmacSearchPage *self)
{
  TarmacStore *store = tarmac_page_get_store (TARMAC_PAGE (self));
  g_autofree char *query = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));

  g_strstrip (query);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->open_first = FALSE;

  if (*query == '\0' || store == NULL)
    {
      g_clear_object (&self->results);
      g_clear_pointer (&self->query, g_free);
      show_initial (self);
      return;
    }

  if (self->searcher == NULL)
    self->searcher = tarmac_searcher_new (store);

  g_free (self->query);
  self->query = g_steal_pointer (&query);
  self->cancellable = g_cancellable_new ();
  tarmac_searcher_search_async (self->searcher, self->query, MAX_RESULTS, self->cancellable,
                                search_cb, g_object_ref (self));
}

static void
on_search_changed_cb (TarmacSearchPage *self,
                      GtkSearchEntry   *entry)
{
  g_autofree char *query = g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry)));

  /* The delayed signal for text Enter already searched: keep that search, and the
   * result it is to open. */
  g_strstrip (query);
  if (*query != '\0' && g_strcmp0 (query, self->query) == 0 &&
      (self->cancellable != NULL || self->results != NULL))
    return;

  run_search (self);
}

/* Enter opens the first result, as soon as the search for what is typed has one. */
static void
on_search_activate_cb (TarmacSearchPage *self,
                       GtkSearchEntry   *entry)
{
  g_autofree char *query = g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry)));

  g_strstrip (query);

  if (self->cancellable == NULL && self->results != NULL && g_strcmp0 (query, self->query) == 0)
    {
      tarmac_search_page_open_result (self, 0);
      return;
    }

  run_search (self);
  self->open_first = self->cancellable != NULL;
}

static void
on_stop_search_cb (TarmacSearchPage *self,
                   GtkSearchEntry   *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

static void
on_result_activated_cb (TarmacSearchPage *self,
                        GtkListBoxRow    *row,
                        GtkListBox       *list)
{
  tarmac_search_page_open_result (self, gtk_list_box_row_get_index (row));
}

static void
tarmac_search_page_dispose (GObject *object)
{
  TarmacSearchPage *self = (TarmacSearchPage *)object;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), TARMAC_TYPE_SEARCH_PAGE);

  g_clear_object (&self->results);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->searcher);
  g_clear_pointer (&self->query, g_free);

  G_OBJECT_CLASS (tarmac_search_page_parent_class)->dispose (object);
}

static void
tarmac_search_page_class_init (TarmacSearchPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tarmac_search_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/jaitf/Tarmac/tarmac-search-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TarmacSearchPage, none_page);
  gtk_widget_class_bind_template_child (widget_class, TarmacSearchPage, result_list);
  gtk_widget_class_bind_template_child (widget_class, TarmacSearchPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, TarmacSearchPage, stack);
  gtk_widget_class_bind_template_callback (widget_class, on_result_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search_cb);
}

static void
tarmac_search_page_init (TarmacSearchPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_search_entry_set_search_delay (self->search_entry, SEARCH_DELAY);
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));
  tarmac_page_set_empty (TARMAC_PAGE (self), TRUE);
}

/**
 * tarmac_search_page_focus_entry:
 * @self: a search page
 *
 * Puts the keyboard focus in the search entry, with its text selected.
 */
void
tarmac_search_page_focus_entry (TarmacSearchPage *self)
{
  g_return_if_fail (TARMAC_IS_SEARCH_PAGE (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

/**
 * tarmac_search_page_set_query:
 * @self: a search page
 * @query: what to search for
 *
 * Searches for @query at once, as if the officer had typed it and pressed Enter. The
 * results arrive later, from the worker thread: see tarmac_search_page_is_searching().
 */
void
tarmac_search_page_set_query (TarmacSearchPage *self,
                              const char       *query)
{
  g_return_if_fail (TARMAC_IS_SEARCH_PAGE (self));
  g_return_if_fail (query != NULL);

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), query);
  run_search (self);
}

/**
 * tarmac_search_page_is_searching:
 * @self: a search page
 *
 * Returns: %TRUE while a search runs
 */
gboolean
tarmac_search_page_is_searching (TarmacSearchPage *self)
{
  g_return_val_if_fail (TARMAC_IS_SEARCH_PAGE (self), FALSE);

  return self->cancellable != NULL;
}

/**
 * tarmac_search_page_get_results:
 * @self: a search page
 *
 * Returns: (transfer none) (nullable): the #TarmacSearchResult<!-- -->s of the last search
 */
GListModel *
tarmac_search_page_get_results (TarmacSearchPage *self)
{
  g_return_val_if_fail (TARMAC_IS_SEARCH_PAGE (self), NULL);

  return self->results;
}

/**
 * tarmac_search_page_open_result:
 * @self: a search page
 * @position: the result's position
 *
 * Opens the page of the traveller at @position.
 */
void
tarmac_search_page_open_result (TarmacSearchPage *self,
                                guint             position)
{
  g_autoptr(TarmacSearchResult) result = NULL;
  TarmacTraveller *traveller;

  g_return_if_fail (TARMAC_IS_SEARCH_PAGE (self));

  if (self->results == NULL || position >= g_list_model_get_n_items (self->results))
    return;

  result = g_list_model_get_item (self->results, position);
  traveller = tarmac_search_result_get_traveller (result);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-traveller", "x",
                              tarmac_traveller_get_id (traveller));
}
