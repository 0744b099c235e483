/* tarmac-seizure-window-photos.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-seizure-window"

#include "config.h"

#include <glib/gi18n.h>

#include "tarmac-seizure-format.h"
#include "tarmac-seizure-image.h"
#include "tarmac-seizure-store.h"
#include "tarmac-seizure-window-private.h"

/* Photos of a seizure: dropped on the form or chosen with a file chooser, PNG or JPEG
 * (the type read from the bytes), at most 32 MB and 8000 pixels a side. Each shows as a
 * thumbnail with its kind and whether it may be shared in alerts. The bytes are kept in
 * the database by their SHA-256 (the core's attachment API) when the form is saved. */

#define MAX_PHOTO_BYTES (32 * 1024 * 1024)
#define THUMBNAIL_SIZE  120

static void rebuild_photos (TarmacSeizureWindow *self);

static void
on_remove_photo_cb (GtkButton           *button,
                    TarmacSeizureWindow *self)
{
  TarmacSeizureAttachment *attachment = g_object_get_data (G_OBJECT (button), "tarmac-attachment");
  guint position;

  if (g_list_store_find (self->photos, attachment, &position))
    {
      g_hash_table_remove (self->textures, attachment);
      g_list_store_remove (self->photos, position);
    }
  rebuild_photos (self);
}

static void
on_kind_changed_cb (GtkWidget               *drop_down,
                    GParamSpec              *pspec,
                    TarmacSeizureAttachment *attachment)
{
  tarmac_seizure_attachment_set_kind (attachment, tarmac_code_picker_get (drop_down));
}

static void
on_shareable_toggled_cb (GtkCheckButton          *check,
                         TarmacSeizureAttachment *attachment)
{
  tarmac_seizure_attachment_set_shareable (attachment, gtk_check_button_get_active (check));
}

/* A thumbnail from the bytes, decoded at thumbnail size (a JPEG from a phone is decoded
 * at an eighth of its size, not into a 48-megabyte texture); NULL for what is not a
 * sensible PNG or JPEG. */
static GdkTexture *
texture_for (GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GdkPixbuf) pixbuf = NULL;

  if (bytes == NULL || tarmac_seizure_image_sniff (bytes, NULL, NULL) == NULL)
    return NULL;
  stream = g_memory_input_stream_new_from_bytes (bytes);
  pixbuf = gdk_pixbuf_new_from_stream_at_scale (stream, THUMBNAIL_SIZE * 2, THUMBNAIL_SIZE * 3 / 2,
                                                TRUE, NULL, &error);
  if (pixbuf == NULL)
    {
      g_debug ("Cannot show a photo: %s", error->message);
      return NULL;
    }
  return gdk_texture_new_for_pixbuf (pixbuf);
}

static GtkWidget *
create_card (TarmacSeizureWindow     *self,
             TarmacSeizureAttachment *attachment)
{
  GdkTexture *texture = g_hash_table_lookup (self->textures, attachment);
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *picture, *name, *kind, *shareable, *remove, *line;

  if (texture != NULL)
    {
      picture = gtk_picture_new_for_paintable (GDK_PAINTABLE (texture));
      gtk_picture_set_can_shrink (GTK_PICTURE (picture), TRUE);
      gtk_picture_set_content_fit (GTK_PICTURE (picture), GTK_CONTENT_FIT_CONTAIN);
    }
  else
    {
      picture = gtk_image_new_from_icon_name ("image-x-generic-symbolic");
      gtk_image_set_pixel_size (GTK_IMAGE (picture), 48);
      gtk_widget_add_css_class (picture, "dim-label");
    }
  gtk_widget_set_size_request (picture, THUMBNAIL_SIZE, THUMBNAIL_SIZE * 3 / 4);
  g_object_set_data (G_OBJECT (card), "tarmac-thumbnail", picture);
  gtk_widget_set_tooltip_text (picture, tarmac_seizure_attachment_get_file_name (attachment));
  gtk_box_append (GTK_BOX (card), picture);

  name = gtk_label_new (tarmac_seizure_attachment_get_file_name (attachment));
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_MIDDLE);
  gtk_label_set_max_width_chars (GTK_LABEL (name), 16);
  gtk_widget_add_css_class (name, "caption");
  gtk_box_append (GTK_BOX (card), name);

  kind = tarmac_code_drop_down_new ("attachment_kind", NULL, FALSE);
  tarmac_code_picker_set (kind, tarmac_seizure_attachment_get_kind (attachment));
  gtk_accessible_update_property (GTK_ACCESSIBLE (kind), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("What the photo shows"), -1);
  g_signal_connect_object (kind, "notify::selected", G_CALLBACK (on_kind_changed_cb), attachment, 0);
  gtk_box_append (GTK_BOX (card), kind);

  line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  shareable = gtk_check_button_new_with_label (_("Shareable"));
  gtk_widget_set_tooltip_text (shareable, _("May be sent in seizure alerts to other airports"));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (shareable),
                               tarmac_seizure_attachment_get_shareable (attachment));
  gtk_widget_set_hexpand (shareable, TRUE);
  g_signal_connect_object (shareable, "toggled", G_CALLBACK (on_shareable_toggled_cb), attachment, 0);
  gtk_box_append (GTK_BOX (line), shareable);
  remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove this photo"));
  g_object_set_data_full (G_OBJECT (remove), "tarmac-attachment", g_object_ref (attachment),
                          g_object_unref);
  g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_photo_cb), self);
  gtk_box_append (GTK_BOX (line), remove);
  gtk_box_append (GTK_BOX (card), line);

  gtk_widget_set_margin_top (card, 6);
  gtk_widget_set_margin_bottom (card, 6);
  return card;
}

static void
rebuild_photos (TarmacSeizureWindow *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->photo_box)) != NULL)
    gtk_flow_box_remove (GTK_FLOW_BOX (self->photo_box), child);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->photos)); i++)
    {
      g_autoptr(TarmacSeizureAttachment) attachment = g_list_model_get_item (G_LIST_MODEL (self->photos), i);

      gtk_flow_box_append (GTK_FLOW_BOX (self->photo_box), create_card (self, attachment));
    }
  gtk_widget_set_visible (self->photo_box,
                          g_list_model_get_n_items (G_LIST_MODEL (self->photos)) > 0);
}

/**
 * tarmac_seizure_window_add_photo:
 * @file: a PNG or JPEG file
 * @error: return location for a #GError
 *
 * Reads a photo (bounded) and shows its thumbnail; it is stored when the form is saved.
 *
 * Returns: %TRUE when added
 */
gboolean
tarmac_seizure_window_add_photo (TarmacSeizureWindow  *self,
                                 GFile                *file,
                                 GError              **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(TarmacSeizureAttachment) attachment = NULL;
  g_autofree char *name = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  const char *type;

  g_return_val_if_fail (TARMAC_IS_SEIZURE_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  name = g_file_get_basename (file);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL, error);
  if (info == NULL)
    return FALSE;
  /* Bounded before reading: a huge file is refused, not loaded. */
  if (g_file_info_get_size (info) <= 0 || g_file_info_get_size (info) > MAX_PHOTO_BYTES)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("“%s” is empty or larger than 32 MB"), name);
      return FALSE;
    }
  if (!g_file_load_contents (file, NULL, &contents, &length, NULL, error))
    return FALSE;
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  type = tarmac_seizure_image_sniff (bytes, NULL, NULL);
  if (type == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("“%s” is not a PNG or JPEG photo (or is larger than 8000 pixels a side)"),
                   name);
      return FALSE;
    }

  attachment = tarmac_seizure_attachment_new ();
  tarmac_seizure_attachment_set_kind (attachment, "ITEM");
  tarmac_seizure_attachment_set_file_name (attachment, name);
  tarmac_seizure_attachment_set_mime_type (attachment, type);
  tarmac_seizure_attachment_set_data (attachment, bytes);
  g_hash_table_insert (self->textures, attachment, texture_for (bytes));
  g_list_store_append (self->photos, attachment);
  rebuild_photos (self);
  return TRUE;
}

guint
tarmac_seizure_window_get_n_photos (TarmacSeizureWindow *self)
{
  g_return_val_if_fail (TARMAC_IS_SEIZURE_WINDOW (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->photos));
}

/* Returns: whether the photo at @index shows as a picture (not a placeholder icon) */
gboolean
tarmac_seizure_window_photo_has_thumbnail (TarmacSeizureWindow *self,
                                           guint                index)
{
  GtkFlowBoxChild *child;
  GtkWidget *card, *thumbnail;

  g_return_val_if_fail (TARMAC_IS_SEIZURE_WINDOW (self), FALSE);

  child = gtk_flow_box_get_child_at_index (GTK_FLOW_BOX (self->photo_box), (int) index);
  if (child == NULL)
    return FALSE;
  card = gtk_flow_box_child_get_child (child);
  thumbnail = g_object_get_data (G_OBJECT (card), "tarmac-thumbnail");
  return GTK_IS_PICTURE (thumbnail) && gtk_picture_get_paintable (GTK_PICTURE (thumbnail)) != NULL;
}

static void
add_files (TarmacSeizureWindow  *self,
           GSList               *files)
{
  for (GSList *l = files; l != NULL; l = l->next)
    {
      g_autoptr(GError) error = NULL;

      if (!tarmac_seizure_window_add_photo (self, l->data, &error))
        _tarmac_seizure_window_toast (self, error->message);
    }
}

static gboolean
on_drop_cb (GtkDropTarget       *target,
            const GValue        *value,
            double               x,
            double               y,
            TarmacSeizureWindow *self)
{
  if (gtk_widget_get_sensitive (GTK_WIDGET (self->photos_group)) &&
      G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    {
      add_files (self, g_value_get_boxed (value));
      return TRUE;
    }
  return FALSE;
}

static void
on_chooser_response_cb (GtkNativeDialog     *chooser,
                        int                  response,
                        TarmacSeizureWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      GSList *list = NULL;

      for (guint i = g_list_model_get_n_items (files); i > 0; i--)
        list = g_slist_prepend (list, g_list_model_get_item (files, i - 1));
      add_files (self, list);
      g_slist_free_full (list, g_object_unref);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
add_photos_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  TarmacSeizureWindow *self = TARMAC_SEIZURE_WINDOW (widget);
  GtkFileChooserNative *chooser;
  GtkFileFilter *filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Add Photos"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Add"), NULL);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("Photos (PNG, JPEG)"));
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_filter_add_mime_type (filter, "image/jpeg");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);
  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
_tarmac_seizure_window_class_init_photos (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "seizure.add-photos", NULL, add_photos_action);
}

void
_tarmac_seizure_window_init_photos (TarmacSeizureWindow *self,
                                    AdwPreferencesPage  *page)
{
  GtkDropTarget *target;

  self->photos_group = ADW_PREFERENCES_GROUP (
    _tarmac_seizure_window_add_group (self, page, _("Photos"),
                                      _("Drop PNG or JPEG photos here: the concealment, the "
                                        "goods, x-ray images, seals.")));
  _tarmac_seizure_window_add_button (self->photos_group, _("Add P_hotos…"), "seizure.add-photos");
  self->photo_box = gtk_flow_box_new ();
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (self->photo_box), GTK_SELECTION_NONE);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (self->photo_box), TRUE);
  gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (self->photo_box), 2);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (self->photo_box), 6);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (self->photo_box), 12);
  gtk_widget_add_css_class (self->photo_box, "card");
  gtk_widget_set_visible (self->photo_box, FALSE);
  adw_preferences_group_add (self->photos_group, self->photo_box);

  /* The whole window takes a drop, so a photo need not hit the small group. */
  target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (target, "drop", G_CALLBACK (on_drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

/* The saved photos: their bytes are read for the thumbnails (each read audited). */
void
_tarmac_seizure_window_fill_photos (TarmacSeizureWindow *self)
{
  GListModel *attachments = tarmac_seizure_get_attachments (self->seizure);

  g_hash_table_remove_all (self->textures);
  g_list_store_remove_all (self->photos);
  for (guint i = 0; i < g_list_model_get_n_items (attachments); i++)
    {
      g_autoptr(TarmacSeizureAttachment) attachment = g_list_model_get_item (attachments, i);
      g_autoptr(GBytes) bytes = tarmac_seizure_attachment_get_data (attachment) != NULL
                                ? g_bytes_ref (tarmac_seizure_attachment_get_data (attachment))
                                : NULL;

      if (bytes == NULL && tarmac_seizure_attachment_get_id (attachment) > 0 &&
          g_str_has_prefix (tarmac_seizure_attachment_get_mime_type (attachment) != NULL
                              ? tarmac_seizure_attachment_get_mime_type (attachment) : "", "image/"))
        bytes = tarmac_seizure_store_read_attachment (self->store,
                                                      tarmac_seizure_attachment_get_id (attachment), NULL);
      g_hash_table_insert (self->textures, attachment, texture_for (bytes));
      g_list_store_append (self->photos, attachment);
    }
  rebuild_photos (self);
}

void
_tarmac_seizure_window_collect_photos (TarmacSeizureWindow *self,
                                       TarmacSeizure       *seizure)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->photos)); i++)
    {
      g_autoptr(TarmacSeizureAttachment) attachment = g_list_model_get_item (G_LIST_MODEL (self->photos), i);

      tarmac_seizure_add_attachment (seizure, attachment);
    }
}
