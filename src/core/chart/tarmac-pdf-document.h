/* tarmac-pdf-document.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "tarmac-chart.h"

G_BEGIN_DECLS

/* A flowing A4 PDF: headings, paragraphs, tables and charts placed one under the other,
 * new pages as needed, "page N of M" and a footer line on every page. Pages are drawn
 * into recording surfaces first, so the total is known when the footers are drawn. */

#define TARMAC_TYPE_PDF_DOCUMENT (tarmac_pdf_document_get_type ())

G_DECLARE_FINAL_TYPE (TarmacPdfDocument, tarmac_pdf_document, TARMAC, PDF_DOCUMENT, GObject)

TarmacPdfDocument      *tarmac_pdf_document_new         (const char         *title,
                                                         gboolean            rtl,
                                                         const char         *footer);
const TarmacChartStyle *tarmac_pdf_document_get_style   (TarmacPdfDocument  *self);
double                  tarmac_pdf_document_get_width   (TarmacPdfDocument  *self);
void                    tarmac_pdf_document_space       (TarmacPdfDocument  *self,
                                                         double              height);
void                    tarmac_pdf_document_new_page    (TarmacPdfDocument  *self);
void                    tarmac_pdf_document_text        (TarmacPdfDocument  *self,
                                                         const char         *text,
                                                         double              size,
                                                         gboolean            bold);
void                    tarmac_pdf_document_heading     (TarmacPdfDocument  *self,
                                                         const char         *text);
void                    tarmac_pdf_document_table       (TarmacPdfDocument  *self,
                                                         guint               n_columns,
                                                         const double       *widths,
                                                         const char * const *header,
                                                         GPtrArray          *rows);
void                    tarmac_pdf_document_charts      (TarmacPdfDocument  *self,
                                                         double              height,
                                                         TarmacChartKind     kind1,
                                                         TarmacChartData    *data1,
                                                         TarmacChartKind     kind2,
                                                         TarmacChartData    *data2);
void                    tarmac_pdf_document_image       (TarmacPdfDocument  *self,
                                                         cairo_surface_t    *image,
                                                         double              max_width,
                                                         double              max_height);
guint                   tarmac_pdf_document_get_n_pages (TarmacPdfDocument  *self);
GBytes                 *tarmac_pdf_document_finish      (TarmacPdfDocument  *self,
                                                         GError            **error);

G_END_DECLS
