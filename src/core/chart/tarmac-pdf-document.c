/* tarmac-pdf-document.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-chart"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>

#include "tarmac-pdf-document.h"

/* A4 in points, and margins roomy enough for a binder's holes. */
#define PAGE_WIDTH  595.276
#define PAGE_HEIGHT 841.890
#define MARGIN      42.0
#define FOOTER      36.0
#define BODY_SIZE   9.5
#define MAX_PAGES   200

struct _TarmacPdfDocument
{
  GObject           parent_instance;

  char             *title;
  char             *footer;
  TarmacChartStyle  style;
  GPtrArray        *pages;    /* cairo_surface_t * (recording surfaces) */
  cairo_t          *cr;       /* on the last page */
  double            y;
};

G_DEFINE_FINAL_TYPE (TarmacPdfDocument, tarmac_pdf_document, G_TYPE_OBJECT)

static void
tarmac_pdf_document_finalize (GObject *object)
{
  TarmacPdfDocument *self = (TarmacPdfDocument *)object;

  g_clear_pointer (&self->cr, cairo_destroy);
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->footer, g_free);

  G_OBJECT_CLASS (tarmac_pdf_document_parent_class)->finalize (object);
}

static void
tarmac_pdf_document_class_init (TarmacPdfDocumentClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tarmac_pdf_document_finalize;
}

static void
tarmac_pdf_document_init (TarmacPdfDocument *self)
{
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) cairo_surface_destroy);
}

static void
set_ink (TarmacPdfDocument *self,
         double             alpha)
{
  cairo_set_source_rgba (self->cr, 0.14, 0.12, 0.19, alpha);
}

static double
bottom (void)
{
  return PAGE_HEIGHT - MARGIN - FOOTER;
}

/**
 * tarmac_pdf_document_new_page:
 *
 * Starts a page. A runaway report stops growing at 200 pages: what follows is drawn
 * over the last one rather than using memory without end.
 */
void
tarmac_pdf_document_new_page (TarmacPdfDocument *self)
{
  cairo_rectangle_t extents = { 0, 0, PAGE_WIDTH, PAGE_HEIGHT };
  cairo_surface_t *page;

  g_return_if_fail (TARMAC_IS_PDF_DOCUMENT (self));

  self->y = MARGIN;
  if (self->pages->len >= MAX_PAGES)
    return;
  page = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &extents);
  g_ptr_array_add (self->pages, page);
  g_clear_pointer (&self->cr, cairo_destroy);
  self->cr = cairo_create (page);
}

static void
ensure (TarmacPdfDocument *self,
        double             height)
{
  if (self->y + height > bottom () && self->y > MARGIN)
    tarmac_pdf_document_new_page (self);
}

/**
 * tarmac_pdf_document_new:
 * @title: the document's title, in its metadata
 * @rtl: lay the pages out right to left
 * @footer: (nullable): the line at the foot of every page, beside the page number
 */
TarmacPdfDocument *
tarmac_pdf_document_new (const char *title,
                         gboolean    rtl,
                         const char *footer)
{
  TarmacPdfDocument *self = g_object_new (TARMAC_TYPE_PDF_DOCUMENT, NULL);

  self->title = g_strdup (title);
  self->footer = g_strdup (footer);
  self->style.rtl = rtl;
  self->style.font_size = 8.5;
  /* DejaVu Sans has Latin, Greek, Cyrillic and Arabic: one face, so an Arabic report
   * does not mix fonts; fontconfig falls back for what it lacks. */
  self->style.font_family = "DejaVu Sans";
  tarmac_pdf_document_new_page (self);
  return self;
}

const TarmacChartStyle *
tarmac_pdf_document_get_style (TarmacPdfDocument *self)
{
  g_return_val_if_fail (TARMAC_IS_PDF_DOCUMENT (self), NULL);
  return &self->style;
}

/* Returns: the width between the margins */
double
tarmac_pdf_document_get_width (TarmacPdfDocument *self)
{
  return PAGE_WIDTH - 2 * MARGIN;
}

void
tarmac_pdf_document_space (TarmacPdfDocument *self,
                           double             height)
{
  g_return_if_fail (TARMAC_IS_PDF_DOCUMENT (self));
  self->y += height;
}

/* A paragraph, wrapped; starts a page when fewer than two lines fit. */
void
tarmac_pdf_document_text (TarmacPdfDocument *self,
                          const char        *text,
                          double             size,
                          gboolean           bold)
{
  g_return_if_fail (TARMAC_IS_PDF_DOCUMENT (self));

  if (size <= 0)
    size = BODY_SIZE;
  ensure (self, size * 3);
  set_ink (self, 1);
  self->y += tarmac_chart_show_text (self->cr, &self->style, text, MARGIN, self->y,
                                     tarmac_pdf_document_get_width (self), 0, size, bold, TRUE);
  self->y += size * 0.4;
}

/* A section heading, kept with what follows it: a chart or the start of a table. */
void
tarmac_pdf_document_heading (TarmacPdfDocument *self,
                             const char        *text)
{
  g_return_if_fail (TARMAC_IS_PDF_DOCUMENT (self));

  ensure (self, 210);
  self->y += 8;
  cairo_set_source_rgb (self->cr, 0.10, 0.37, 0.71);
  self->y += tarmac_chart_show_text (self->cr, &self->style, text, MARGIN, self->y,
                                     tarmac_pdf_document_get_width (self), 0, 13, TRUE, TRUE);
  self->y += 4;
}

static void
rule (TarmacPdfDocument *self,
      double             alpha,
      double             width)
{
  set_ink (self, alpha);
  cairo_set_line_width (self->cr, width);
  cairo_move_to (self->cr, MARGIN, self->y);
  cairo_line_to (self->cr, PAGE_WIDTH - MARGIN, self->y);
  cairo_stroke (self->cr);
}

static double
table_row (TarmacPdfDocument  *self,
           guint               n_columns,
           const double       *widths,
           const char * const *cells,
           gboolean            bold)
{
  double width = tarmac_pdf_document_get_width (self);
  double x = 0, height = 0;

  for (guint c = 0; c < n_columns; c++)
    {
      double cw = width * widths[c];
      /* Columns run from the start side: the first is on the right in RTL. */
      double cx = self->style.rtl ? MARGIN + width - x - cw : MARGIN + x;
      double h;

      set_ink (self, bold ? 1 : 0.9);
      h = tarmac_chart_show_text (self->cr, &self->style, cells[c] != NULL ? cells[c] : "",
                                  cx + 3, self->y + 3, cw - 6, c == 0 ? 0 : 1, BODY_SIZE - 1,
                                  bold, TRUE);
      height = MAX (height, h);
      x += cw;
    }
  return height + 6;
}

/**
 * tarmac_pdf_document_table:
 * @widths: the share of the width of each column (adding up to 1)
 * @header: the column titles
 * @rows: (element-type GStrv): @n_columns cells each; the first column is text, the
 *   others figures, aligned to the end
 *
 * The header is repeated at the top of a page when the table breaks.
 */
void
tarmac_pdf_document_table (TarmacPdfDocument  *self,
                           guint               n_columns,
                           const double       *widths,
                           const char * const *header,
                           GPtrArray          *rows)
{
  g_return_if_fail (TARMAC_IS_PDF_DOCUMENT (self));

  ensure (self, 60);
  self->y += table_row (self, n_columns, widths, header, TRUE);
  rule (self, 0.8, 0.8);
  for (guint r = 0; r < rows->len; r++)
    {
      if (self->y + 30 > bottom ())
        {
          tarmac_pdf_document_new_page (self);
          self->y += table_row (self, n_columns, widths, header, TRUE);
          rule (self, 0.8, 0.8);
        }
      self->y += table_row (self, n_columns, widths, g_ptr_array_index (rows, r), FALSE);
      rule (self, 0.15, 0.5);
    }
  self->y += 8;
}

/* One chart across the width, or two side by side (@data2 not %NULL); the first is on
 * the start side. */
void
tarmac_pdf_document_charts (TarmacPdfDocument *self,
                            double             height,
                            TarmacChartKind    kind1,
                            TarmacChartData   *data1,
                            TarmacChartKind    kind2,
                            TarmacChartData   *data2)
{
  double width = tarmac_pdf_document_get_width (self);
  double half = (width - 18) / 2;

  g_return_if_fail (TARMAC_IS_PDF_DOCUMENT (self));

  ensure (self, height);
  if (data2 == NULL)
    tarmac_chart_draw (kind1, data1, &self->style, self->cr, MARGIN, self->y, width, height);
  else
    {
      double first = self->style.rtl ? MARGIN + width - half : MARGIN;
      double second = self->style.rtl ? MARGIN : MARGIN + width - half;

      tarmac_chart_draw (kind1, data1, &self->style, self->cr, first, self->y, half, height);
      tarmac_chart_draw (kind2, data2, &self->style, self->cr, second, self->y, half, height);
    }
  self->y += height + 10;
}

/* An image scaled down to fit, on the start side. */
void
tarmac_pdf_document_image (TarmacPdfDocument *self,
                           cairo_surface_t   *image,
                           double             max_width,
                           double             max_height)
{
  int w = cairo_image_surface_get_width (image);
  int h = cairo_image_surface_get_height (image);
  double scale, x;

  g_return_if_fail (TARMAC_IS_PDF_DOCUMENT (self));

  if (w <= 0 || h <= 0)
    return;
  scale = MIN (1, MIN (max_width / w, max_height / h));
  ensure (self, h * scale);
  x = self->style.rtl ? PAGE_WIDTH - MARGIN - w * scale : MARGIN;
  cairo_save (self->cr);
  cairo_translate (self->cr, x, self->y);
  cairo_scale (self->cr, scale, scale);
  cairo_set_source_surface (self->cr, image, 0, 0);
  cairo_paint (self->cr);
  cairo_restore (self->cr);
  self->y += h * scale + 8;
}

guint
tarmac_pdf_document_get_n_pages (TarmacPdfDocument *self)
{
  g_return_val_if_fail (TARMAC_IS_PDF_DOCUMENT (self), 0);
  return self->pages->len;
}

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/**
 * tarmac_pdf_document_finish:
 *
 * Returns: (transfer full) (nullable): the PDF, every page with its footer
 */
GBytes *
tarmac_pdf_document_finish (TarmacPdfDocument  *self,
                            GError            **error)
{
  g_autoptr(GByteArray) pdf = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  g_return_val_if_fail (TARMAC_IS_PDF_DOCUMENT (self), NULL);

  g_clear_pointer (&self->cr, cairo_destroy);
  surface = cairo_pdf_surface_create_for_stream (write_cb, pdf, PAGE_WIDTH, PAGE_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, self->title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Tarmac");
  cr = cairo_create (surface);

  for (guint i = 0; i < self->pages->len; i++)
    {
      /* Translators: the page number at the foot of a report page */
      g_autofree char *number = g_strdup_printf (_("Page %u of %u"), i + 1, self->pages->len);
      double width = tarmac_pdf_document_get_width (self);
      double y = PAGE_HEIGHT - MARGIN - 10;

      cairo_set_source_surface (cr, g_ptr_array_index (self->pages, i), 0, 0);
      cairo_paint (cr);

      cairo_set_source_rgba (cr, 0.14, 0.12, 0.19, 0.25);
      cairo_set_line_width (cr, 0.5);
      cairo_move_to (cr, MARGIN, y - 6);
      cairo_line_to (cr, PAGE_WIDTH - MARGIN, y - 6);
      cairo_stroke (cr);
      cairo_set_source_rgba (cr, 0.14, 0.12, 0.19, 0.7);
      /* The footer line on the start side, the page number on the end side. */
      if (self->footer != NULL)
        tarmac_chart_show_text (cr, &self->style, self->footer,
                                self->style.rtl ? MARGIN + width * 0.25 : MARGIN, y,
                                width * 0.75, 0, 7.5, FALSE, FALSE);
      tarmac_chart_show_text (cr, &self->style, number,
                              self->style.rtl ? MARGIN : MARGIN + width * 0.75, y,
                              width * 0.25, 1, 7.5, FALSE, FALSE);
      cairo_show_page (cr);
    }

  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not draw the PDF: %s"),
                   cairo_status_to_string (status));
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&pdf));
}
