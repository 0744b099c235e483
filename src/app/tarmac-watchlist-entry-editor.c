/* tarmac-watchlist-entry-editor.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-watchlist-entry-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tarmac-countries.h"
#include "tarmac-watchlist-entry-editor.h"
#include "tarmac-watchlist-entry.h"

/* Adds or edits a manual entry: a name and its aliases, a date of birth in any form lists
 * use, nationalities, sex, a passport, the reason and an expiry. The core validates
 * (tarmac_watchlist_manual_save()); a refused entry keeps the window open with the reason
 * shown and the row at fault marked. */
struct _TarmacWatchlistEntryEditor
{
  AdwWindow       parent_instance;

  /* Template widgets */
  AdwWindowTitle *window_title;
  GtkLabel       *error_label;
  AdwEntryRow    *name_row;
  AdwEntryRow    *aliases_row;
  AdwEntryRow    *dob_row;
  AdwEntryRow    *nationality_row;
  AdwComboRow    *sex_row;
  AdwEntryRow    *document_row;
  AdwEntryRow    *document_country_row;
  AdwEntryRow    *reason_row;
  AdwEntryRow    *expires_row;

  /* Owned references */
  TarmacStore    *store;

  gint64          entry_id;
  /* What the form does not show, kept as it was when an entry is edited. */
  GPtrArray      *kept_documents;
};

G_DEFINE_FINAL_TYPE (TarmacWatchlistEntryEditor, tarmac_watchlist_entry_editor, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
row_text (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static void
mark (AdwEntryRow *row,
      gboolean     wrong)
{
  if (wrong)
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
}

static void
show_error (TarmacWatchlistEntryEditor *self,
            const char                 *message,
            AdwEntryRow                *row)
{
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
  if (row != NULL)
    {
      mark (row, TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (row));
    }
}

static void
clear_errors (TarmacWatchlistEntryEditor *self)
{
  AdwEntryRow *rows[] = { self->name_row, self->aliases_row, self->dob_row,
                          self->nationality_row, self->document_row,
                          self->document_country_row, self->reason_row, self->expires_row };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    mark (rows[i], FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
}

static char **
split_list (const char *text,
            const char *separators)
{
  g_auto(GStrv) parts = g_strsplit_set (text, separators, -1);
  GPtrArray *out = g_ptr_array_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (*parts[i] != '\0')
        g_ptr_array_add (out, g_strdup (parts[i]));
    }
  g_ptr_array_add (out, NULL);
  return (char **) g_ptr_array_free (out, FALSE);
}

/* Reads the form into an entry; %NULL (with the row marked) when a field cannot be read
 * at all. The rest is the core's to judge. */
static TarmacWatchlistEntry *
read_form (TarmacWatchlistEntryEditor *self)
{
  g_autoptr(TarmacWatchlistEntry) entry = tarmac_watchlist_entry_new (NULL, "person");
  g_auto(GStrv) aliases = split_list (row_text (self->aliases_row), ";");
  g_auto(GStrv) dobs = split_list (row_text (self->dob_row), ";");
  g_auto(GStrv) nationalities = split_list (row_text (self->nationality_row), ",; ");
  g_autofree char *document = g_strstrip (g_strdup (row_text (self->document_row)));
  g_autofree char *reason = g_strstrip (g_strdup (row_text (self->reason_row)));
  g_autofree char *expires = g_strstrip (g_strdup (row_text (self->expires_row)));
  guint sex = adw_combo_row_get_selected (self->sex_row);

  tarmac_watchlist_entry_add_name (entry, row_text (self->name_row), TARMAC_NAME_QUALITY_PRIMARY);
  if (entry->names->len == 0)
    {
      show_error (self, _("An entry needs at least one name"), self->name_row);
      return NULL;
    }
  for (guint i = 0; aliases[i] != NULL; i++)
    tarmac_watchlist_entry_add_name (entry, aliases[i], TARMAC_NAME_QUALITY_STRONG);

  for (guint i = 0; dobs[i] != NULL; i++)
    {
      TarmacDob dob;

      if (!tarmac_dob_parse (dobs[i], &dob))
        {
          g_autofree char *message = NULL;

          /* Translators: %s is a date of birth the officer typed */
          message = g_strdup_printf (_("“%s” is not a date of birth: write 1979-04-02, 1979, "
                                       "~1979 or 1978/1980"), dobs[i]);
          show_error (self, message, self->dob_row);
          return NULL;
        }
      g_array_append_val (entry->dobs, dob);
    }

  for (guint i = 0; nationalities[i] != NULL; i++)
    g_ptr_array_add (entry->nationalities, g_strdup (nationalities[i]));

  entry->sex = sex == 1 ? g_strdup ("M") : sex == 2 ? g_strdup ("F") : NULL;

  if (*document != '\0')
    {
      if (tarmac_watchlist_entry_add_document (entry, "passport", document,
                                              row_text (self->document_country_row)) == NULL)
        {
          show_error (self, _("The passport number has no letters or digits"), self->document_row);
          return NULL;
        }
    }
  if (self->kept_documents != NULL)
    for (guint i = 0; i < self->kept_documents->len; i++)
      {
        const TarmacWatchlistDocument *kept = g_ptr_array_index (self->kept_documents, i);

        tarmac_watchlist_entry_add_document (entry, kept->type, kept->number,
                                             kept->issuing_country);
      }

  entry->reason = g_steal_pointer (&reason);
  if (*expires != '\0')
    entry->expires_at = g_steal_pointer (&expires);

  return g_steal_pointer (&entry);
}

/* Which row a core refusal is about: the core's message says what is wrong; this points
 * the officer at the field. */
static AdwEntryRow *
row_for_error (TarmacWatchlistEntryEditor *self)
{
  g_autofree char *reason = g_strstrip (g_strdup (row_text (self->reason_row)));
  g_autofree char *expires = g_strstrip (g_strdup (row_text (self->expires_row)));
  g_auto(GStrv) nationalities = split_list (row_text (self->nationality_row), ",; ");
  TarmacDob day;

  if (*reason == '\0')
    return self->reason_row;
  for (guint i = 0; nationalities[i] != NULL; i++)
    if (tarmac_country_lookup (nationalities[i]) == NULL)
      return self->nationality_row;
  if (*expires != '\0' && (!tarmac_dob_parse (expires, &day) || day.kind != TARMAC_DOB_EXACT))
    return self->expires_row;
  return NULL;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  tarmac_watchlist_entry_editor_save (TARMAC_WATCHLIST_ENTRY_EDITOR (widget));
}

static void
tarmac_watchlist_entry_editor_dispose (GObject *object)
{
  TarmacWatchlistEntryEditor *self = (TarmacWatchlistEntryEditor *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), TARMAC_TYPE_WATCHLIST_ENTRY_EDITOR);

  g_clear_pointer (&self->kept_documents, g_ptr_array_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (tarmac_watchlist_entry_editor_parent_class)->dispose (object);
}

static void
tarmac_watchlist_entry_editor_class_init (TarmacWatchlistEntryEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tarmac_watchlist_entry_editor_dispose;

  /**
   * TarmacWatchlistEntryEditor::saved:
   * @entry_id: the saved entry
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/jaitf/Tarmac/tarmac-watchlist-entry-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, TarmacWatchlistEntryEditor, aliases_row);
  gtk_widget_class_bind_template_child (widget_class, TarmacWatchlistEntryEditor, document_country_row);
  gtk_widget_class_bind_template_child (widget_class, TarmacWatchlistEntryEditor, document_row);
  gtk_widget_class_bind_template_child (widget_class, TarmacWatchlistEntryEditor, dob_row);
  gtk_widget_class_bind_template_child (widget_class, TarmacWatchlistEntryEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, TarmacWatchlistEntryEditor, expires_row);
  gtk_widget_class_bind_template_child (widget_class, TarmacWatchlistEntryEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, TarmacWatchlistEntryEditor, nationality_row);
  gtk_widget_class_bind_template_child (widget_class, TarmacWatchlistEntryEditor, reason_row);
  gtk_widget_class_bind_template_child (widget_class, TarmacWatchlistEntryEditor, sex_row);
  gtk_widget_class_bind_template_child (widget_class, TarmacWatchlistEntryEditor, window_title);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save",
                                       NULL);
}

static void
tarmac_watchlist_entry_editor_init (TarmacWatchlistEntryEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

static void
fill_form (TarmacWatchlistEntryEditor *self,
           const TarmacWatchlistEntry *entry)
{
  g_autoptr(GString) aliases = g_string_new (NULL);
  g_autoptr(GString) dobs = g_string_new (NULL);
  g_autoptr(GString) nationalities = g_string_new (NULL);

  for (guint i = 0; i < entry->names->len; i++)
    {
      const TarmacWatchlistName *name = g_ptr_array_index (entry->names, i);

      if (i == 0)
        gtk_editable_set_text (GTK_EDITABLE (self->name_row), name->name);
      else
        g_string_append_printf (aliases, "%s%s", aliases->len > 0 ? "; " : "", name->name);
    }
  gtk_editable_set_text (GTK_EDITABLE (self->aliases_row), aliases->str);

  for (guint i = 0; i < entry->dobs->len; i++)
    {
      g_autofree char *dob = tarmac_dob_to_string (&g_array_index (entry->dobs, TarmacDob, i));

      g_string_append_printf (dobs, "%s%s", dobs->len > 0 ? "; " : "", dob);
    }
  gtk_editable_set_text (GTK_EDITABLE (self->dob_row), dobs->str);

  for (guint i = 0; i < entry->nationalities->len; i++)
    g_string_append_printf (nationalities, "%s%s", nationalities->len > 0 ? ", " : "",
                            (const char *) g_ptr_array_index (entry->nationalities, i));
  gtk_editable_set_text (GTK_EDITABLE (self->nationality_row), nationalities->str);

  adw_combo_row_set_selected (self->sex_row, g_strcmp0 (entry->sex, "M") == 0 ? 1
                                             : g_strcmp0 (entry->sex, "F") == 0 ? 2 : 0);

  /* The form edits the first document; any others are kept as they are. */
  self->kept_documents = g_ptr_array_new ();
  for (guint i = 0; i < entry->documents->len; i++)
    {
      TarmacWatchlistDocument *document = g_ptr_array_index (entry->documents, i);

      if (i == 0)
        {
          gtk_editable_set_text (GTK_EDITABLE (self->document_row), document->number);
          gtk_editable_set_text (GTK_EDITABLE (self->document_country_row),
                                 document->issuing_country != NULL ? document->issuing_country : "");
        }
      else
        {
          g_ptr_array_add (self->kept_documents, document);
        }
    }

  gtk_editable_set_text (GTK_EDITABLE (self->reason_row), entry->reason != NULL ? entry->reason : "");
  gtk_editable_set_text (GTK_EDITABLE (self->expires_row),
                         entry->expires_at != NULL ? entry->expires_at : "");
  adw_window_title_set_title (self->window_title, _("Edit Entry"));
}

/**
 * tarmac_watchlist_entry_editor_new:
 * @store: the store
 * @entry_id: the manual entry to edit, or 0 for a new one
 * @entry: (nullable): the entry as stored, to fill the form with
 *
 * Returns: (transfer floating): the editor
 */
TarmacWatchlistEntryEditor *
tarmac_watchlist_entry_editor_new (TarmacStore                *store,
                                   gint64                      entry_id,
                                   const TarmacWatchlistEntry *entry)
{
  TarmacWatchlistEntryEditor *self;

  g_return_val_if_fail (TARMAC_IS_STORE (store), NULL);

  self = g_object_new (TARMAC_TYPE_WATCHLIST_ENTRY_EDITOR, NULL);
  self->store = g_object_ref (store);
  self->entry_id = entry_id;
  if (entry != NULL)
    fill_form (self, entry);

  return self;
}

/**
 * tarmac_watchlist_entry_editor_set_field:
 * @self: the editor
 * @field: "name", "aliases", "dob", "nationalities", "document", "document-country",
 *   "reason" or "expires"
 * @text: what to type in it
 *
 * Fills a field as the officer would (for tests and for pre-filling from a traveller).
 */
void
tarmac_watchlist_entry_editor_set_field (TarmacWatchlistEntryEditor *self,
                                         const char                 *field,
                                         const char                 *text)
{
  const struct { const char *name; AdwEntryRow *row; } fields[] = {
    { "name", self->name_row }, { "aliases", self->aliases_row }, { "dob", self->dob_row },
    { "nationalities", self->nationality_row }, { "document", self->document_row },
    { "document-country", self->document_country_row }, { "reason", self->reason_row },
    { "expires", self->expires_row },
  };

  g_return_if_fail (TARMAC_IS_WATCHLIST_ENTRY_EDITOR (self));

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (g_str_equal (field, fields[i].name))
      gtk_editable_set_text (GTK_EDITABLE (fields[i].row), text);
}

/**
 * tarmac_watchlist_entry_editor_save:
 * @self: the editor
 *
 * Saves the form (the Save button). On success emits #TarmacWatchlistEntryEditor::saved
 * and closes; otherwise shows why and stays open.
 *
 * Returns: %TRUE when the entry was saved
 */
gboolean
tarmac_watchlist_entry_editor_save (TarmacWatchlistEntryEditor *self)
{
  g_autoptr(GError) error = NULL;
  TarmacWatchlistEntry *entry;
  gint64 saved_id = 0;

  g_return_val_if_fail (TARMAC_IS_WATCHLIST_ENTRY_EDITOR (self), FALSE);

  clear_errors (self);
  entry = read_form (self);
  if (entry == NULL)
    return FALSE;

  if (!tarmac_watchlist_manual_save (self->store, self->entry_id, entry, &saved_id, &error))
    {
      show_error (self, error->message, row_for_error (self));
      return FALSE;
    }

  g_signal_emit (self, signals[SAVED], 0, saved_id);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

/* The reason the last save was refused, or %NULL */
const char *
tarmac_watchlist_entry_editor_get_error (TarmacWatchlistEntryEditor *self)
{
  g_return_val_if_fail (TARMAC_IS_WATCHLIST_ENTRY_EDITOR (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->error_label)))
    return NULL;
  return gtk_label_get_text (self->error_label);
}
