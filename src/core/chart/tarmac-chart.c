/* tarmac-chart.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-chart"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "tarmac-chart.h"

/* The GNOME palette (HIG), ordered so that neighbours differ in lightness as well as in
 * hue: a chart printed in greyscale still tells its first series from its second. The dark
 * variant takes lighter shades of the same hues. */
static const guint32 light_palette[] = {
  0x1a5fb4, 0xf5c211, 0x26a269, 0xc01c28, 0x99c1f1, 0x613583, 0xff7800, 0x865e3c, 0x9a9996,
};
static const guint32 dark_palette[] = {
  0x62a0ea, 0xf8e45c, 0x57e389, 0xf66151, 0x1c71d8, 0xdc8add, 0xffa348, 0xcdab8f, 0xdeddda,
};

#define PAD 6.0

typedef struct
{
  const TarmacChartStyle *style;
  cairo_t                *cr;
  TarmacChartData        *data;
  double                  size;
} Ctx;

void
tarmac_chart_get_color (guint    index,
                        gboolean dark,
                        double   rgb[3])
{
  const guint32 *palette = dark ? dark_palette : light_palette;
  guint32 c = palette[index % G_N_ELEMENTS (light_palette)];

  rgb[0] = ((c >> 16) & 0xff) / 255.0;
  rgb[1] = ((c >> 8) & 0xff) / 255.0;
  rgb[2] = (c & 0xff) / 255.0;
}

/* Languages written right to left, among those we ship and their neighbours. */
gboolean
tarmac_chart_direction_is_rtl (const char *language)
{
  static const char * const rtl[] = { "ar", "he", "fa", "ur", "ps", "ckb", "yi", "dv", NULL };

  if (language == NULL)
    return FALSE;
  for (guint i = 0; rtl[i] != NULL; i++)
    {
      gsize n = strlen (rtl[i]);

      if (strncmp (language, rtl[i], n) == 0 && (language[n] == '\0' || language[n] == '_' ||
                                                 language[n] == '-' || language[n] == '.'))
        return TRUE;
    }
  return FALSE;
}

/* Heckbert's "nice numbers": 1, 2 or 5 times a power of ten. */
static double
nice_number (double   x,
             gboolean round_it)
{
  double exponent = floor (log10 (x));
  double fraction = x / pow (10, exponent);
  double nice;

  if (round_it)
    nice = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10;
  else
    nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
  return nice * pow (10, exponent);
}

/**
 * tarmac_chart_nice_ticks:
 * @max: the largest value shown
 * @wanted: about how many ticks
 * @integers: counts: the step is at least 1
 * @step: (out): the distance between ticks
 *
 * Returns: the top of the axis, a multiple of @step at or above @max
 */
double
tarmac_chart_nice_ticks (double    max,
                         guint     wanted,
                         gboolean  integers,
                         double   *step)
{
  double range;

  if (!isfinite (max) || max <= 0)
    max = integers ? 1 : 1;
  wanted = MAX (wanted, 2);
  range = nice_number (max, FALSE);
  *step = nice_number (range / (wanted - 1), TRUE);
  if (integers && *step < 1)
    *step = 1;
  return ceil (max / *step - 1e-9) * *step;
}

static void
set_color (Ctx    *ctx,
           guint   index)
{
  double rgb[3];

  tarmac_chart_get_color (index, ctx->style->dark, rgb);
  cairo_set_source_rgb (ctx->cr, rgb[0], rgb[1], rgb[2]);
}

static void
set_fg (Ctx    *ctx,
        double  alpha)
{
  if (ctx->style->dark)
    cairo_set_source_rgba (ctx->cr, 1, 1, 1, alpha);
  else
    cairo_set_source_rgba (ctx->cr, 0.14, 0.12, 0.19, alpha);
}

/* The direction of the first strong character, as the bidi algorithm's paragraph rule
 * (pango_find_base_dir() is deprecated): Hebrew, Arabic and their presentation forms are
 * right to left, other letters left to right. */
static PangoDirection
text_direction (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c >= 0x0590 && c <= 0x08ff) || (c >= 0xfb1d && c <= 0xfdff) ||
          (c >= 0xfe70 && c <= 0xfeff) || (c >= 0x10800 && c <= 0x10fff) ||
          (c >= 0x1e800 && c <= 0x1efff))
        return PANGO_DIRECTION_RTL;
      if (g_unichar_isalpha (c))
        return PANGO_DIRECTION_LTR;
    }
  return PANGO_DIRECTION_NEUTRAL;
}

static PangoLayout *
make_layout (Ctx        *ctx,
             const char *text,
             double      scale,
             gboolean    bold)
{
  PangoLayout *layout = pango_cairo_create_layout (ctx->cr);
  PangoFontDescription *font = pango_font_description_new ();
  PangoDirection direction;

  pango_font_description_set_family (font, ctx->style->font_family != NULL
                                           ? ctx->style->font_family : "Sans");
  pango_font_description_set_absolute_size (font, ctx->size * scale * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  /* Each text runs in its own direction: an English label stays "33.37 kg" on an Arabic
   * page, and figures alone ("35–44", "2026-03") read left to right as they do in a
   * table cell anywhere. Alignment is then physical: the callers put the start side on
   * the right for right-to-left pages. */
  direction = text_direction (text);
  if (direction != PANGO_DIRECTION_RTL)
    direction = PANGO_DIRECTION_LTR;
  pango_context_set_base_dir (pango_layout_get_context (layout), direction);
  pango_layout_set_auto_dir (layout, FALSE);
  pango_layout_context_changed (layout);
  pango_layout_set_text (layout, text, -1);
  pango_font_description_free (font);
  return layout;
}

/* Draws @text in the box [x, x + width] at @y; @align is logical: 0 at the start of the
 * line (left, or right in RTL), 1 at its end. Too long a text is ellipsized.
 * Returns the height used. */
static double
draw_text (Ctx        *ctx,
           const char *text,
           double      x,
           double      y,
           double      width,
           double      align,
           double      scale,
           gboolean    bold)
{
  g_autoptr(PangoLayout) layout = make_layout (ctx, text, scale, bold);
  PangoRectangle logical;
  double physical = ctx->style->rtl ? 1 - align : align;

  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  pango_layout_get_pixel_extents (layout, NULL, &logical);
  cairo_move_to (ctx->cr, x + (width - logical.width) * physical - logical.x, y);
  pango_cairo_show_layout (ctx->cr, layout);
  return logical.height;
}

static void
text_size (Ctx        *ctx,
           const char *text,
           double      scale,
           double     *width,
           double     *height)
{
  g_autoptr(PangoLayout) layout = make_layout (ctx, text, scale, FALSE);
  PangoRectangle logical;

  pango_layout_get_pixel_extents (layout, NULL, &logical);
  if (width != NULL)
    *width = logical.width;
  if (height != NULL)
    *height = logical.height;
}

static double
line_height (Ctx *ctx)
{
  double h;

  text_size (ctx, "Ag", 1, NULL, &h);
  return h;
}

/* The legend: a swatch and a name per entry, flowing from the start side and wrapping.
 * Returns its height; draws only when @draw. */
static double
legend (Ctx             *ctx,
        TarmacChartKind  kind,
        double           x,
        double           y,
        double           width,
        gboolean         draw)
{
  guint n = kind == TARMAC_CHART_DONUT ? tarmac_chart_data_get_n_labels (ctx->data)
                                       : tarmac_chart_data_get_n_series (ctx->data);
  double lh = line_height (ctx);
  double cx = 0, cy = 0;

  for (guint i = 0; i < n; i++)
    {
      const char *name = kind == TARMAC_CHART_DONUT ? tarmac_chart_data_get_label (ctx->data, i)
                                                    : tarmac_chart_data_get_series_name (ctx->data, i);
      double tw, entry;

      text_size (ctx, name, 0.9, &tw, NULL);
      tw = MIN (tw, width - lh * 1.5);
      entry = lh * 1.3 + tw + PAD * 2;
      if (cx > 0 && cx + entry > width)
        cx = 0, cy += lh + 2;
      if (draw)
        {
          double sx = ctx->style->rtl ? x + width - cx - lh : x + cx;
          double tx = ctx->style->rtl ? x + width - cx - lh * 1.3 - tw : x + cx + lh * 1.3;

          set_color (ctx, i);
          if (kind == TARMAC_CHART_LINE)
            {
              cairo_set_line_width (ctx->cr, 2);
              if (i % 2 == 1)
                cairo_set_dash (ctx->cr, (double[]) { 3, 2 }, 2, 0);
              cairo_move_to (ctx->cr, sx, cy + y + lh / 2);
              cairo_line_to (ctx->cr, sx + lh, cy + y + lh / 2);
              cairo_stroke (ctx->cr);
              cairo_set_dash (ctx->cr, NULL, 0, 0);
            }
          else
            {
              cairo_rectangle (ctx->cr, sx + lh * 0.15, y + cy + lh * 0.15, lh * 0.7, lh * 0.7);
              cairo_fill (ctx->cr);
            }
          set_fg (ctx, 0.9);
          /* A box exactly as wide as the text: draw_text's alignment is then moot. */
          draw_text (ctx, name, tx, y + cy + lh * 0.05, tw + 1, 0, 0.9, FALSE);
        }
      cx += entry;
    }
  return n > 0 ? cy + lh + PAD : 0;
}

static gboolean
is_empty (TarmacChartData *data)
{
  for (guint s = 0; s < tarmac_chart_data_get_n_series (data); s++)
    for (guint i = 0; i < tarmac_chart_data_get_n_labels (data); i++)
      if (tarmac_chart_data_get_value (data, s, i) > 0)
        return FALSE;
  return TRUE;
}

static void
draw_no_data (Ctx    *ctx,
              double  x,
              double  y,
              double  width,
              double  height)
{
  set_fg (ctx, 0.55);
  draw_text (ctx, _("No data for this period"), x, y + height / 2 - line_height (ctx) / 2,
             width, 0.5, 1, FALSE);
}

static char *
value_label (Ctx    *ctx,
             double  value)
{
  return tarmac_chart_data_format_value (ctx->data, value);
}

/* Bars, stacked bars and lines share a vertical value axis and category labels below. */
static void
draw_axes_chart (Ctx             *ctx,
                 TarmacChartKind  kind,
                 double           x,
                 double           y,
                 double           width,
                 double           height)
{
  TarmacChartData *data = ctx->data;
  guint n = tarmac_chart_data_get_n_labels (data);
  guint n_series = tarmac_chart_data_get_n_series (data);
  gboolean rtl = ctx->style->rtl;
  double lh = line_height (ctx);
  double legend_h = n_series > 1 ? legend (ctx, kind, x, 0, width, FALSE) : 0;
  double max = 0, step, top, axis_w = 0, px, pw, py, ph, slot;

  for (guint i = 0; i < n; i++)
    {
      double sum = 0;

      for (guint s = 0; s < n_series; s++)
        {
          double v = tarmac_chart_data_get_value (data, s, i);

          sum += v;
          max = MAX (max, v);
        }
      if (kind == TARMAC_CHART_STACKED_BAR)
        max = MAX (max, sum);
    }
  /* Counts step by whole numbers: a step of 0.5 would print "0, 0, 1, 1, 2". */
  top = tarmac_chart_nice_ticks (max, 5, tarmac_chart_data_get_decimals (data) == 0, &step);

  for (double t = 0; t <= top + step / 2; t += step)
    {
      g_autofree char *label = value_label (ctx, t);
      double tw;

      text_size (ctx, label, 0.85, &tw, NULL);
      axis_w = MAX (axis_w, tw);
    }
  axis_w += PAD;

  pw = width - axis_w - PAD;
  px = rtl ? x + PAD : x + axis_w + PAD;
  py = y + lh;                               /* room for the value labels on top */
  ph = height - lh - lh * 1.4 - legend_h;    /* category labels and legend below */
  if (pw < 20 || ph < 20 || n == 0)
    return;
  slot = pw / n;

  /* Grid and tick labels. */
  cairo_set_line_width (ctx->cr, 0.5);
  for (double t = 0; t <= top + step / 2; t += step)
    {
      g_autofree char *label = value_label (ctx, t);
      double ty = py + ph - ph * t / top;

      set_fg (ctx, t == 0 ? 0.6 : 0.15);
      cairo_move_to (ctx->cr, px, ty);
      cairo_line_to (ctx->cr, px + pw, ty);
      cairo_stroke (ctx->cr);
      set_fg (ctx, 0.7);
      draw_text (ctx, label, rtl ? px + pw + PAD : x, ty - lh * 0.45, axis_w - PAD, 1, 0.85, FALSE);
    }

  for (guint i = 0; i < n; i++)
    {
      guint phys = rtl ? n - 1 - i : i;
      double sx = px + slot * phys;
      double stack = 0;

      set_fg (ctx, 0.8);
      draw_text (ctx, tarmac_chart_data_get_label (data, i), sx, py + ph + 3, slot, 0.5, 0.85,
                 FALSE);

      if (kind == TARMAC_CHART_LINE)
        continue;
      for (guint s = 0; s < n_series; s++)
        {
          double v = tarmac_chart_data_get_value (data, s, i);
          double bh = ph * v / top;
          double bw, bx, by;
          g_autofree char *label = NULL;
          double tw;

          if (kind == TARMAC_CHART_STACKED_BAR)
            {
              bw = slot * 0.6;
              bx = sx + (slot - bw) / 2;
              by = py + ph - ph * (stack + v) / top;
              stack += v;
            }
          else
            {
              guint ps = rtl ? n_series - 1 - s : s;

              bw = slot * 0.7 / n_series;
              bx = sx + slot * 0.15 + bw * ps;
              by = py + ph - bh;
            }
          if (v <= 0)
            continue;
          set_color (ctx, s);
          cairo_rectangle (ctx->cr, bx, by, bw, bh);
          cairo_fill_preserve (ctx->cr);
          /* A hairline in the background colour keeps stacked segments apart in grey. */
          if (ctx->style->dark)
            cairo_set_source_rgb (ctx->cr, 0.14, 0.14, 0.14);
          else
            cairo_set_source_rgb (ctx->cr, 1, 1, 1);
          cairo_set_line_width (ctx->cr, 0.75);
          cairo_stroke (ctx->cr);

          label = value_label (ctx, v);
          text_size (ctx, label, 0.8, &tw, NULL);
          if (kind == TARMAC_CHART_BAR && tw <= slot / n_series + 4)
            {
              set_fg (ctx, 0.9);
              draw_text (ctx, label, bx - 20, by - lh * 0.95, bw + 40, 0.5, 0.8, FALSE);
            }
          else if (kind == TARMAC_CHART_STACKED_BAR && bh > lh && tw < bw)
            {
              double rgb[3];

              tarmac_chart_get_color (s, ctx->style->dark, rgb);
              /* Dark text on light swatches, light on dark ones. */
              if (0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2] > 0.5)
                cairo_set_source_rgb (ctx->cr, 0.1, 0.1, 0.1);
              else
                cairo_set_source_rgb (ctx->cr, 1, 1, 1);
              draw_text (ctx, label, bx, by + (bh - lh) / 2, bw, 0.5, 0.8, FALSE);
            }
        }
      if (kind == TARMAC_CHART_STACKED_BAR && stack > 0)
        {
          g_autofree char *total = value_label (ctx, stack);

          set_fg (ctx, 0.9);
          draw_text (ctx, total, sx, py + ph - ph * stack / top - lh * 0.95, slot, 0.5, 0.8, TRUE);
        }
    }

  if (kind == TARMAC_CHART_LINE)
    for (guint s = n_series; s-- > 0;)
      {
        set_color (ctx, s);
        cairo_set_line_width (ctx->cr, 2);
        if (s % 2 == 1)
          cairo_set_dash (ctx->cr, (double[]) { 5, 3 }, 2, 0);
        for (guint i = 0; i < n; i++)
          {
            guint phys = rtl ? n - 1 - i : i;
            double cx = px + slot * (phys + 0.5);
            double cy = py + ph - ph * tarmac_chart_data_get_value (data, s, i) / top;

            if (i == 0)
              cairo_move_to (ctx->cr, cx, cy);
            else
              cairo_line_to (ctx->cr, cx, cy);
          }
        cairo_stroke (ctx->cr);
        cairo_set_dash (ctx->cr, NULL, 0, 0);
        for (guint i = 0; i < n; i++)
          {
            guint phys = rtl ? n - 1 - i : i;
            double v = tarmac_chart_data_get_value (data, s, i);
            double cx = px + slot * (phys + 0.5);
            double cy = py + ph - ph * v / top;

            /* Markers differ by shape too: dots this year, squares last year. The
             * label drawn before left a current point: start a new path, or cairo_arc
             * would join it with a line. */
            set_color (ctx, s);
            cairo_new_path (ctx->cr);
            if (s % 2 == 0)
              cairo_arc (ctx->cr, cx, cy, 3, 0, 2 * G_PI);
            else
              cairo_rectangle (ctx->cr, cx - 2.5, cy - 2.5, 5, 5);
            cairo_fill (ctx->cr);
            if (s == 0 && n <= 24 && v > 0)
              {
                g_autofree char *label = value_label (ctx, v);

                set_fg (ctx, 0.9);
                draw_text (ctx, label, cx - slot / 2, cy - lh * 1.1, slot, 0.5, 0.8, FALSE);
              }
          }
      }

  if (n_series > 1)
    legend (ctx, kind, x, y + height - legend_h + PAD / 2, width, TRUE);
}

static void
draw_donut (Ctx    *ctx,
            double  x,
            double  y,
            double  width,
            double  height)
{
  TarmacChartData *data = ctx->data;
  guint n = tarmac_chart_data_get_n_labels (data);
  gboolean rtl = ctx->style->rtl;
  double lh = line_height (ctx);
  double total = 0, angle = -G_PI / 2;
  double list_w = width * 0.5;
  double radius = MIN ((width - list_w) / 2, height / 2) - PAD;
  double cx = rtl ? x + width - (width - list_w) / 2 : x + (width - list_w) / 2;
  double cy = y + height / 2;
  double lx = rtl ? x : x + width - list_w;
  double ly = y + MAX (0, (height - n * (lh + 3) * 1.4) / 2);
  g_autofree char *total_label = NULL;

  if (radius < 10)
    return;
  for (guint i = 0; i < n; i++)
    total += tarmac_chart_data_get_value (data, 0, i);

  cairo_set_line_width (ctx->cr, 1.5);
  for (guint i = 0; i < n; i++)
    {
      double v = tarmac_chart_data_get_value (data, 0, i);
      double sweep = 2 * G_PI * v / total;

      if (v <= 0)
        continue;
      /* Clockwise from the top; anticlockwise in right-to-left, as the text reads. */
      set_color (ctx, i);
      cairo_new_path (ctx->cr);
      if (rtl)
        {
          cairo_arc_negative (ctx->cr, cx, cy, radius, -angle - G_PI, -angle - G_PI - sweep);
          cairo_arc (ctx->cr, cx, cy, radius * 0.55, -angle - G_PI - sweep, -angle - G_PI);
        }
      else
        {
          cairo_arc (ctx->cr, cx, cy, radius, angle, angle + sweep);
          cairo_arc_negative (ctx->cr, cx, cy, radius * 0.55, angle + sweep, angle);
        }
      cairo_close_path (ctx->cr);
      cairo_fill_preserve (ctx->cr);
      if (ctx->style->dark)
        cairo_set_source_rgb (ctx->cr, 0.14, 0.14, 0.14);
      else
        cairo_set_source_rgb (ctx->cr, 1, 1, 1);
      cairo_stroke (ctx->cr);
      angle += sweep;
    }

  /* The list beside the ring names every slice with its value and share, so the chart
   * reads in greyscale too. Long names wrap rather than lose their end. */
  for (guint i = 0; i < n; i++)
    {
      double v = tarmac_chart_data_get_value (data, 0, i);
      g_autofree char *value = value_label (ctx, v);
      g_autofree char *entry = NULL;
      g_autoptr(PangoLayout) layout = NULL;
      PangoRectangle logical;
      double text_w = list_w - lh * 1.1;

      /* Translators: a chart legend entry: label, value and its share in percent */
      entry = g_strdup_printf (C_("chart", "%s: %s (%.0f%%)"), tarmac_chart_data_get_label (data, i),
                               value, total > 0 ? 100 * v / total : 0);
      layout = make_layout (ctx, entry, 0.9, FALSE);
      pango_layout_set_width (layout, (int) (text_w * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_height (layout, -2);   /* at most two lines, then an ellipsis */
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_alignment (layout, rtl ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
      pango_layout_get_pixel_extents (layout, NULL, &logical);
      if (ly + logical.height > y + height)
        break;
      set_color (ctx, i);
      cairo_rectangle (ctx->cr, rtl ? lx + list_w - lh * 0.85 : lx, ly + lh * 0.15, lh * 0.7, lh * 0.7);
      cairo_fill (ctx->cr);
      set_fg (ctx, 0.9);
      cairo_move_to (ctx->cr, rtl ? lx : lx + lh * 1.1, ly);
      pango_cairo_show_layout (ctx->cr, layout);
      ly += logical.height + 3;
    }

  total_label = value_label (ctx, total);
  set_fg (ctx, 0.9);
  draw_text (ctx, total_label, cx - radius * 0.5, cy - lh * 0.65, radius, 0.5, 1.2, TRUE);
}

static void
draw_top_n (Ctx    *ctx,
            double  x,
            double  y,
            double  width,
            double  height)
{
  TarmacChartData *data = ctx->data;
  guint n = tarmac_chart_data_get_n_labels (data);
  gboolean rtl = ctx->style->rtl;
  double lh = line_height (ctx);
  double label_w = width * 0.35;
  double value_w = 0, max = 0, row_h, bar_x, bar_w;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *label = value_label (ctx, tarmac_chart_data_get_value (data, 0, i));
      double tw;

      max = MAX (max, tarmac_chart_data_get_value (data, 0, i));
      text_size (ctx, label, 0.85, &tw, NULL);
      value_w = MAX (value_w, tw);
    }
  row_h = MIN (height / MAX (n, 1), lh * 1.8);
  bar_w = width - label_w - value_w - PAD * 3;
  bar_x = rtl ? x + value_w + PAD * 2 : x + label_w + PAD;
  if (bar_w < 10 || max <= 0)
    return;

  for (guint i = 0; i < n; i++)
    {
      double v = tarmac_chart_data_get_value (data, 0, i);
      double ry = y + row_h * i;
      double bw = bar_w * v / max;
      double bx = rtl ? bar_x + bar_w - bw : bar_x;
      g_autofree char *label = value_label (ctx, v);

      set_fg (ctx, 0.85);
      draw_text (ctx, tarmac_chart_data_get_label (data, i), rtl ? x + width - label_w : x,
                 ry + (row_h - lh) / 2, label_w, 1, 0.9, FALSE);
      set_color (ctx, 0);
      cairo_rectangle (ctx->cr, bx, ry + row_h * 0.15, bw, row_h * 0.7);
      cairo_fill (ctx->cr);
      set_fg (ctx, 0.9);
      draw_text (ctx, label, rtl ? bx - value_w - PAD : bx + bw + PAD, ry + (row_h - lh) / 2,
                 value_w, 0, 0.85, FALSE);
    }
}

/**
 * tarmac_chart_show_text:
 * @align: 0 at the start of the line (left, or right when @style->rtl), 1 at its end
 * @size: font size in cairo units
 * @wrap: wrap at @width; otherwise ellipsize
 *
 * Draws @text in the current source colour, in the box [@x, @x + @width] from @y, as
 * the charts do: for tables and titles around them.
 *
 * Returns: the height used
 */
double
tarmac_chart_show_text (cairo_t                *cr,
                        const TarmacChartStyle *style,
                        const char             *text,
                        double                  x,
                        double                  y,
                        double                  width,
                        double                  align,
                        double                  size,
                        gboolean                bold,
                        gboolean                wrap)
{
  static const TarmacChartStyle default_style = { FALSE, FALSE, NULL, 0 };
  Ctx ctx = { style != NULL ? style : &default_style, cr, NULL, size };
  g_autoptr(PangoLayout) layout = NULL;
  PangoRectangle logical;
  double physical = ctx.style->rtl ? 1 - align : align;

  if (!wrap)
    return draw_text (&ctx, text, x, y, width, align, 1, bold);

  layout = make_layout (&ctx, text, 1, bold);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, physical > 0.75 ? PANGO_ALIGN_RIGHT
                                      : physical > 0.25 ? PANGO_ALIGN_CENTER : PANGO_ALIGN_LEFT);
  pango_layout_get_pixel_extents (layout, NULL, &logical);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  return logical.height;
}

/**
 * tarmac_chart_draw:
 * @kind: the chart
 * @data: labels and series
 * @style: (nullable): colours, direction and font; %NULL for light, left to right
 * @cr: where to draw, in user units (points on a PDF page, pixels in a widget)
 * @x, @y, @width, @height: the chart's rectangle, title and legend included
 *
 * Draws @data as @kind. Text goes through Pango, so Arabic shapes and reads right to
 * left; with @style->rtl the layout is mirrored as well.
 */
void
tarmac_chart_draw (TarmacChartKind         kind,
                   TarmacChartData        *data,
                   const TarmacChartStyle *style,
                   cairo_t                *cr,
                   double                  x,
                   double                  y,
                   double                  width,
                   double                  height)
{
  static const TarmacChartStyle default_style = { FALSE, FALSE, NULL, 0 };
  Ctx ctx = { style != NULL ? style : &default_style, cr, data, 9 };
  const char *title;

  g_return_if_fail (TARMAC_IS_CHART_DATA (data));
  g_return_if_fail (cr != NULL);

  if (ctx.style->font_size > 0)
    ctx.size = ctx.style->font_size;
  if (width <= 0 || height <= 0)
    return;

  cairo_save (cr);
  cairo_rectangle (cr, x, y, width, height);
  cairo_clip (cr);

  title = tarmac_chart_data_get_title (data);
  if (title != NULL && *title != '\0')
    {
      double th;

      set_fg (&ctx, 1);
      th = draw_text (&ctx, title, x, y, width, 0, 1.1, TRUE);
      y += th + PAD;
      height -= th + PAD;
    }

  if (tarmac_chart_data_get_n_series (data) == 0 || tarmac_chart_data_get_n_labels (data) == 0 ||
      is_empty (data))
    draw_no_data (&ctx, x, y, width, height);
  else if (kind == TARMAC_CHART_DONUT)
    draw_donut (&ctx, x, y, width, height);
  else if (kind == TARMAC_CHART_TOP_N)
    draw_top_n (&ctx, x, y, width, height);
  else
    draw_axes_chart (&ctx, kind, x, y, width, height);

  cairo_restore (cr);
}
