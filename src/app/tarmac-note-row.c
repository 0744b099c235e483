/* tarmac-note-row.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-note-row"

#include "config.h"

#include <glib/gi18n.h>

#include "tarmac-format.h"
#include "tarmac-note-row.h"

/* One note in a boxed list: its priority as a badge, the airport it came from, when it
 * was written and its text. Compact rows (Today) show the time relative to now and two
 * lines of text; full rows (Network) show the date in full, the author and subject, and
 * all the text. */
struct _TarmacNoteRow
{
  GtkListBoxRow  parent_instance;

  /* Template widgets */
  GtkLabel      *priority_label;
  GtkLabel      *site_label;
  GtkLabel      *time_label;
  GtkLabel      *details_label;
  GtkLabel      *body_label;
  GtkLabel      *receipts_label;
  GtkWidget     *reply_image;
  GtkWidget     *reply_button;
  GtkWidget     *next_image;

  /* Owned references */
  TarmacNote    *note;

  guint          compact : 1;
};

G_DEFINE_FINAL_TYPE (TarmacNoteRow, tarmac_note_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  PROP_0,
  PROP_NOTE,
  PROP_COMPACT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *priority_classes[] = { "routine", "priority", "urgent" };

static void
update_row (TarmacNoteRow *self)
{
  TarmacNote *note = self->note;
  TarmacNotePriority priority = tarmac_note_get_priority (note);
  const char *priority_text = tarmac_format_note_priority (priority);
  const char *created_at = tarmac_note_get_created_at (note);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *time_long = tarmac_format_timestamp_long (created_at);
  g_autofree char *time = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *details = NULL;
  g_autofree char *accessible_label = NULL;

  if (self->compact)
    time = tarmac_format_timestamp_short (created_at, now);
  else
    time = g_strdup (time_long);

  gtk_label_set_label (self->priority_label, priority_text);
  gtk_widget_set_visible (GTK_WIDGET (self->priority_label), priority_text != NULL);
  if (priority < G_N_ELEMENTS (priority_classes))
    gtk_widget_add_css_class (GTK_WIDGET (self->priority_label), priority_classes[priority]);

  gtk_label_set_label (self->site_label, tarmac_note_get_origin_site (note));

  /* Translators: shown instead of a time when a note has none */
  gtk_label_set_label (self->time_label, time != NULL ? time : C_("time", "—"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->time_label), self->compact ? time_long : NULL);

  /* Full rows say who wrote the note and what it is about, on a line of their own so
   * that a narrow window does not squeeze them. */
  if (!self->compact)
    {
      const char *author = tarmac_note_get_author (note);

      subject = tarmac_format_note_subject (note);
      if (subject != NULL && author != NULL && *author != '\0')
        /* Translators: a note's author ("JAITF ABJ (Customs)"), then what the note is
         * about ("Flight ET 935") */
        details = g_strdup_printf (_("%1$s · %2$s"), author, subject);
      else if (subject != NULL)
        details = g_strdup (subject);
      else if (author != NULL && *author != '\0')
        details = g_strdup (author);
    }
  gtk_label_set_label (self->details_label, details);
  gtk_widget_set_visible (GTK_WIDGET (self->details_label), details != NULL);

  gtk_label_set_label (self->body_label, tarmac_note_get_body (note));
  if (self->compact)
    {
      gtk_label_set_lines (self->body_label, 2);
      gtk_label_set_ellipsize (self->body_label, PANGO_ELLIPSIZE_END);
    }

  gtk_widget_set_visible (self->next_image, self->compact);

  /* A reply sits under the note it answers, set in; an unread note from elsewhere is
   * marked until the page has shown it. */
  if (!self->compact && tarmac_note_get_reply_to (note) != NULL)
    {
      gtk_widget_set_margin_start (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (self)), 36);
      gtk_widget_set_visible (self->reply_image, TRUE);
    }
  if (tarmac_note_get_unread (note))
    gtk_widget_add_css_class (GTK_WIDGET (self), "unread");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->reply_button), "s",
                                    tarmac_note_get_uuid (note));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), self->compact);

  if (priority_text != NULL)
    /* Translators: the accessible description of a note: its priority ("Urgent"), the
     * airport it came from, when it was written, then its text */
    accessible_label = g_strdup_printf (_("%1$s, from %2$s, %3$s: %4$s"),
                                        priority_text,
                                        tarmac_note_get_origin_site (note),
                                        gtk_label_get_label (self->time_label),
                                        tarmac_note_get_body (note));
  else
    /* Translators: the accessible description of a note: the airport it came from, when
     * it was written, then its text */
    accessible_label = g_strdup_printf (_("From %1$s, %2$s: %3$s"),
                                        tarmac_note_get_origin_site (note),
                                        gtk_label_get_label (self->time_label),
                                        tarmac_note_get_body (note));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label,
                                  -1);
}

static void
tarmac_note_row_constructed (GObject *object)
{
  TarmacNoteRow *self = (TarmacNoteRow *)object;

  G_OBJECT_CLASS (tarmac_note_row_parent_class)->constructed (object);

  g_assert (TARMAC_IS_NOTE (self->note));

  update_row (self);
}

static void
tarmac_note_row_dispose (GObject *object)
{
  TarmacNoteRow *self = (TarmacNoteRow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), TARMAC_TYPE_NOTE_ROW);

  g_clear_object (&self->note);

  G_OBJECT_CLASS (tarmac_note_row_parent_class)->dispose (object);
}

static void
tarmac_note_row_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  TarmacNoteRow *self = TARMAC_NOTE_ROW (object);

  switch (prop_id)
    {
    case PROP_NOTE:
      g_value_set_object (value, tarmac_note_row_get_note (self));
      break;

    case PROP_COMPACT:
      g_value_set_boolean (value, tarmac_note_row_get_compact (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tarmac_note_row_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  TarmacNoteRow *self = TARMAC_NOTE_ROW (object);

  switch (prop_id)
    {
    case PROP_NOTE:
      self->note = g_value_dup_object (value);
      break;

    case PROP_COMPACT:
      self->compact = g_value_get_boolean (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tarmac_note_row_class_init (TarmacNoteRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = tarmac_note_row_constructed;
  object_class->dispose = tarmac_note_row_dispose;
  object_class->get_property = tarmac_note_row_get_property;
  object_class->set_property = tarmac_note_row_set_property;

  properties[PROP_NOTE] =
    g_param_spec_object ("note", NULL, NULL,
                         TARMAC_TYPE_NOTE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * TarmacNoteRow:compact:
   *
   * Whether the row is a short preview: the time relative to now, two lines of text,
   * no author or subject, and activatable.
   */
  properties[PROP_COMPACT] =
    g_param_spec_boolean ("compact", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/jaitf/Tarmac/tarmac-note-row.ui");
  gtk_widget_class_bind_template_child (widget_class, TarmacNoteRow, body_label);
  gtk_widget_class_bind_template_child (widget_class, TarmacNoteRow, details_label);
  gtk_widget_class_bind_template_child (widget_class, TarmacNoteRow, next_image);
  gtk_widget_class_bind_template_child (widget_class, TarmacNoteRow, receipts_label);
  gtk_widget_class_bind_template_child (widget_class, TarmacNoteRow, reply_button);
  gtk_widget_class_bind_template_child (widget_class, TarmacNoteRow, reply_image);

  gtk_widget_class_bind_template_child (widget_class, TarmacNoteRow, priority_label);
  gtk_widget_class_bind_template_child (widget_class, TarmacNoteRow, site_label);
  gtk_widget_class_bind_template_child (widget_class, TarmacNoteRow, time_label);
}

static void
tarmac_note_row_init (TarmacNoteRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * tarmac_note_row_new:
 * @note: a note
 * @compact: %TRUE for a short, activatable preview (Today), %FALSE for the whole note
 *
 * Returns: (transfer floating): a new row showing @note
 */
GtkWidget *
tarmac_note_row_new (TarmacNote *note,
                     gboolean    compact)
{
  g_return_val_if_fail (TARMAC_IS_NOTE (note), NULL);

  return g_object_new (TARMAC_TYPE_NOTE_ROW,
                       "note", note,
                       "compact", compact,
                       NULL);
}

TarmacNote *
tarmac_note_row_get_note (TarmacNoteRow *self)
{
  g_return_val_if_fail (TARMAC_IS_NOTE_ROW (self), NULL);

  return self->note;
}

gboolean
tarmac_note_row_get_compact (TarmacNoteRow *self)
{
  g_return_val_if_fail (TARMAC_IS_NOTE_ROW (self), FALSE);

  return self->compact;
}

/**
 * tarmac_note_row_set_receipts:
 * @text: (nullable): where the note got ("Read at DKR 14:02 · Delivered to ADD 14:01")
 */
void
tarmac_note_row_set_receipts (TarmacNoteRow *self,
                              const char    *text)
{
  g_return_if_fail (TARMAC_IS_NOTE_ROW (self));

  gtk_label_set_label (self->receipts_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->receipts_label), text != NULL && *text != '\0');
}

/* (nullable) */
const char *
tarmac_note_row_get_receipts (TarmacNoteRow *self)
{
  g_return_val_if_fail (TARMAC_IS_NOTE_ROW (self), NULL);

  return gtk_widget_get_visible (GTK_WIDGET (self->receipts_label))
           ? gtk_label_get_label (self->receipts_label) : NULL;
}

/* Shows a Reply button (win.reply-note), where the window can send notes. */
void
tarmac_note_row_set_can_reply (TarmacNoteRow *self,
                               gboolean       can_reply)
{
  g_return_if_fail (TARMAC_IS_NOTE_ROW (self));

  gtk_widget_set_visible (self->reply_button, can_reply && !self->compact);
}
