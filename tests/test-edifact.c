/* test-edifact.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "tarmac-edifact.h"

/* The EDIFACT tokenizer against our own small messages (tests/data/edifact, names
 * invented), shaped like real traffic (research/formats.md §1, §7), and against the
 * public samples in ../shared/samples when they are there. */

typedef struct
{
  TarmacEdifactReader *reader;
  GPtrArray           *segments;
  GError              *error;
  guint8              *copy;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->reader, tarmac_edifact_reader_free);
  g_clear_pointer (&run->segments, g_ptr_array_unref);
  g_clear_error (&run->error);
  g_clear_pointer (&run->copy, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* Tokenizes an exact-size heap copy, so reading past the end shows up under ASan. */
static void
run_bytes (Run          *run,
           const guint8 *data,
           gsize         length)
{
  TarmacEdifactSegment *segment = NULL;

  run->copy = length > 0 ? g_memdup2 (data, length) : NULL;
  run->reader = tarmac_edifact_reader_new (run->copy, length);
  run->segments = g_ptr_array_new_with_free_func ((GDestroyNotify) tarmac_edifact_segment_free);

  while (tarmac_edifact_reader_next (run->reader, &segment, &run->error))
    g_ptr_array_add (run->segments, segment);

  /* After the end (or an error) it stays at the end. */
  g_assert_false (tarmac_edifact_reader_next (run->reader, &segment, NULL));
  g_assert_null (segment);
}

static void
run_text (Run        *run,
          const char *text)
{
  run_bytes (run, (const guint8 *) text, strlen (text));
}

static void
run_fixture (Run        *run,
             const char *name,
             char      **contents_out)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "edifact", name, NULL);
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  run_bytes (run, (const guint8 *) contents, length);
  if (contents_out != NULL)
    *contents_out = g_steal_pointer (&contents);
}

static TarmacEdifactSegment *
seg (Run   *run,
     guint  index)
{
  g_assert_cmpuint (index, <, run->segments->len);
  return g_ptr_array_index (run->segments, index);
}

static guint
n_warnings (Run *run)
{
  return tarmac_edifact_reader_get_n_warnings (run->reader);
}

static const TarmacEdifactWarning *
warning (Run   *run,
         guint  index)
{
  g_assert_cmpuint (index, <, n_warnings (run));
  return tarmac_edifact_reader_get_warning (run->reader, index);
}

static guint
count_warnings (Run                      *run,
                TarmacEdifactWarningCode  code)
{
  guint n = 0;

  for (guint i = 0; i < n_warnings (run); i++)
    if (warning (run, i)->code == code)
      n++;
  return n;
}

static void
assert_tags (Run        *run,
             const char *expected)
{
  g_autoptr(GString) tags = g_string_new (NULL);

  for (guint i = 0; i < run->segments->len; i++)
    {
      TarmacEdifactSegment *s = seg (run, i);

      g_assert_cmpuint (s->index, ==, i);
      g_string_append_printf (tags, "%s%s", i > 0 ? " " : "", s->tag);
    }
  g_assert_cmpstr (tags->str, ==, expected);
}

static void
test_edifact_basic (void)
{
  g_auto(Run) run = { 0 };
  TarmacEdifactSegment *s;

  run_text (&run, "UNB+UNOA:3+KP:ZZ+TGLFW:ZZ+261122:0600+9'\n"
                  "UNH+1+PAXLST:D:05B:UN:IATA+KP35/261122/0715+01:F'\n"
                  "NAD+FL+++KOWALSKI:ADAM::::+UL 1'\n"
                  "UNT+3+1'\n"
                  "UNZ+1+9'\n");
  g_assert_no_error (run.error);
  assert_tags (&run, "UNB UNH NAD UNT UNZ");
  g_assert_cmpuint (n_warnings (&run), ==, 0);
  g_assert_cmpuint (tarmac_edifact_reader_get_start_offset (run.reader), ==, 0);

  s = seg (&run, 0);
  g_assert_cmpuint (s->offset, ==, 0);
  g_assert_cmpuint (s->line, ==, 1);
  g_assert_cmpuint (s->length, ==, 40);
  g_assert_cmpuint (s->n_elements, ==, 5);
  g_assert_cmpstr (tarmac_edifact_segment_get_value (s, 0, 0), ==, "UNOA");
  g_assert_cmpstr (tarmac_edifact_segment_get_value (s, 0, 1), ==, "3");
  g_assert_null (tarmac_edifact_segment_get_value (s, 0, 2));
  g_assert_null (tarmac_edifact_segment_get_value (s, 5, 0));
  g_assert_cmpstr (tarmac_edifact_segment_get_value (s, 4, 0), ==, "9");

  s = seg (&run, 2);
  g_assert_cmpuint (s->offset, ==, 41 + 50);
  g_assert_cmpuint (s->line, ==, 3);
  g_assert_cmpuint (s->n_elements, ==, 5);
  g_assert_cmpstr (tarmac_edifact_segment_get_value (s, 0, 0), ==, "FL");
  g_assert_cmpstr (tarmac_edifact_segment_get_value (s, 1, 0), ==, "");
  g_assert_cmpuint (tarmac_edifact_segment_get_n_components (s, 3), ==, 6);
  g_assert_cmpstr (tarmac_edifact_segment_get_value (s, 3, 0), ==, "KOWALSKI");
  g_assert_cmpstr (tarmac_edifact_segment_get_value (s, 3, 1), ==, "ADAM");
  g_assert_cmpstr (tarmac_edifact_segment_get_value (s, 3, 5), ==, "");
  g_assert_cmpstr (tarmac_edifact_segment_get_value (s, 4, 0), ==, "UL 1");
  g_assert_cmpuint (tarmac_edifact_segment_get_n_repetitions (s, 3), ==, 1);
}

static void
test_edifact_release (void)
{
  g_auto(Run) run = { 0 };
  g_auto(Run) end = { 0 };
  g_auto(Run) wrap = { 0 };
  TarmacEdifactSegment *s;

  run_text (&run, "UNH+1+PAXLST'"
                  "NAD+FL+++DOE?'S:A??B:C?+D:E?:F'"
                  "FTX+A?\?\?'X'"
                  "FTX+B?\?\?\?'"
                  "UNT+5+1'");
  g_assert_no_error (run.error);
  assert_tags (&run, "UNH NAD FTX FTX UNT");
  g_assert_cmpuint (n_warnings (&run), ==, 0);

  s = seg (&run, 1);
  g_assert_cmpuint (s->n_elements, ==, 4);
  g_assert_cmpstr (tarmac_edifact_segment_get_value (s, 3, 0), ==, "DOE'S");
  g_assert_cmpstr (tarmac_edifact_segment_get_value (s, 3, 1), ==, "A?B");
  g_assert_cmpstr (tarmac_edifact_segment_get_value (s, 3, 2), ==, "C+D");
  g_assert_cmpstr (tarmac_edifact_segment_get_value (s, 3, 3), ==, "E:F");
  /* Parity: three releases = "?" + a released terminator; four = "??" then the end. */
  g_assert_cmpstr (tarmac_edifact_segment_get_value (seg (&run, 2), 0, 0), ==, "A?'X");
  g_assert_cmpstr (tarmac_edifact_segment_get_value (seg (&run, 3), 0, 0), ==, "B?\?");
  g_assert_cmpuint (seg (&run, 3)->offset, ==,
                    strlen ("UNH+1+PAXLST'NAD+FL+++DOE?'S:A??B:C?+D:E?:F'FTX+A?\?\?'X'"));

  /* A line break after the release (Type B wrapping) is not data; the release applies
   * to what follows it. */
  run_text (&wrap, "UNH+1+X'NAD+FL+++O?\r\n'BRIEN'UNT+3+1'");
  g_assert_cmpstr (tarmac_edifact_segment_get_value (seg (&wrap, 1), 3, 0), ==, "O'BRIEN");
  g_assert_cmpuint (seg (&wrap, 2)->line, ==, 2);
  g_assert_cmpuint (n_warnings (&wrap), ==, 0);

  /* A release character at the very end of input. */
  run_text (&end, "UNH+1+X'FTX+AB?");
  g_assert_no_error (end.error);
  assert_tags (&end, "UNH FTX");
  g_assert_cmpstr (tarmac_edifact_segment_get_value (seg (&end, 1), 0, 0), ==, "AB");
  g_assert_cmpuint (count_warnings (&end, TARMAC_EDIFACT_WARNING_RELEASE_AT_END), ==, 1);
  g_assert_cmpuint (count_warnings (&end, TARMAC_EDIFACT_WARNING_MISSING_UNT), ==, 1);
  g_assert_cmpuint (warning (&end, 0)->code, ==, TARMAC_EDIFACT_WARNING_RELEASE_AT_END);
  g_assert_cmpuint (warning (&end, 0)->offset, ==, 14);
  g_assert_cmpuint (n_warnings (&end), ==, 2);
}

static void
test_edifact_typeb_envelope (void)
{
  g_auto(Run) run = { 0 };
  g_autofree char *contents = NULL;
  const TarmacEdifactWarning *w;
  TarmacEdifactSegment *s;
  gsize apostrophe;

  /* SOH, Type B address and origin lines, STX, UNA, CRLF, … ETX. */
  run_fixture (&run, "typeb-paxlst.txt", &contents);
  g_assert_no_error (run.error);
  assert_tags (&run, "UNB UNG UNH BGM NAD NAD ATT UNT UNE UNZ");
  g_assert_cmpuint (tarmac_edifact_reader_get_start_offset (run.reader), ==, 31);

  s = seg (&run, 0);
  g_assert_cmpuint (s->offset, ==, 42);
  g_assert_cmpuint (s->line, ==, 4);
  g_assert_cmpstr (tarmac_edifact_segment_get_value (s, 1, 0), ==, "KP");

  /* The unreleased apostrophe in a name is joined again, with one warning. */
  s = seg (&run, 4);
  g_assert_cmpuint (s->line, ==, 8);
  g_assert_cmpstr (tarmac_edifact_segment_get_value (s, 3, 0), ==, "O'BRIEN");
  g_assert_cmpstr (tarmac_edifact_segment_get_value (s, 3, 1), ==, "MAEVE");
  apostrophe = strstr (contents, "O'BRIEN") - contents + 1;
  g_assert_cmpuint (n_warnings (&run), ==, 1);
  w = warning (&run, 0);
  g_assert_cmpuint (w->code, ==, TARMAC_EDIFACT_WARNING_UNRELEASED_TERMINATOR);
  g_assert_cmpuint (w->offset, ==, apostrophe);
  g_assert_cmpuint (w->line, ==, 8);
  g_assert_cmpuint (w->segment_index, ==, 4);
  g_assert_nonnull (w->message);

  s = seg (&run, 5);
  g_assert_cmpstr (tarmac_edifact_segment_get_value (s, 3, 0), ==, "DOE'S");
  g_assert_cmpstr (tarmac_edifact_segment_get_value (s, 3, 1), ==, "JANE:ANN");
  g_assert_cmpuint (seg (&run, 9)->line, ==, 13);
}

static void
test_edifact_interchanges (void)
{
  g_auto(Run) run = { 0 };
  TarmacEdifactSegment *s;

  /* UNA:(.) - with newlines, then a UNB without UNA (defaults, version 4 → `*`), then
   * a UNA with a backslash release and `*` repetition. */
  run_fixture (&run, "three-interchanges.edi", NULL);
  g_assert_no_error (run.error);
  assert_tags (&run, "UNB UNH NAD UNT UNZ UNB UNH ATT UNT UNZ UNB UNH FTX UNT UNZ");
  g_assert_cmpuint (n_warnings (&run), ==, 0);

  s = seg (&run, 0);
  g_assert_cmpuint (s->line, ==, 2);
  g_assert_cmpstr (tarmac_edifact_segment_get_value (s, 4, 0), ==, "IC1");
  s = seg (&run, 2);
  g_assert_cmpuint (s->line, ==, 4);
  g_assert_cmpstr (tarmac_edifact_segment_get_value (s, 3, 0), ==, "SMITH(JONES");
  g_assert_cmpstr (tarmac_edifact_segment_get_value (s, 3, 1), ==, "ANA");

  s = seg (&run, 7);
  g_assert_cmpuint (s->line, ==, 7);
  g_assert_cmpuint (tarmac_edifact_segment_get_n_repetitions (s, 2), ==, 2);
  g_assert_cmpstr (tarmac_edifact_segment_get_repetition_value (s, 2, 0, 0), ==, "M");
  g_assert_cmpstr (tarmac_edifact_segment_get_repetition_value (s, 2, 1, 0), ==, "F");
  g_assert_null (tarmac_edifact_segment_get_repetition_value (s, 2, 2, 0));

  s = seg (&run, 12);
  g_assert_cmpuint (s->line, ==, 9);
  g_assert_cmpuint (tarmac_edifact_segment_get_n_repetitions (s, 0), ==, 2);
  g_assert_cmpstr (tarmac_edifact_segment_get_repetition_value (s, 0, 0, 0), ==, "14:30");
  g_assert_cmpstr (tarmac_edifact_segment_get_repetition_value (s, 0, 1, 0), ==, "A*B");
}

static void
test_edifact_repetition (void)
{
  g_auto(Run) v4 = { 0 };
  g_auto(Run) v3 = { 0 };
  g_auto(Run) una_space = { 0 };

  /* Version 4 without UNA: `*` repeats, but not inside UNB itself (read before the
   * version is known), as in the CBP samples' "APIS*C3K". */
  run_text (&v4, "UNB+UNOA:4+APIS*KP:ZZ+DHS+261122:0600+1'UNH+1+X'ATT+2++M*M*F'UNT+3+1'UNZ+1+1'");
  g_assert_no_error (v4.error);
  g_assert_cmpuint (n_warnings (&v4), ==, 0);
  g_assert_cmpstr (tarmac_edifact_segment_get_value (seg (&v4, 0), 1, 0), ==, "APIS*KP");
  g_assert_cmpuint (tarmac_edifact_segment_get_n_repetitions (seg (&v4, 2), 2), ==, 3);
  g_assert_cmpstr (tarmac_edifact_segment_get_repetition_value (seg (&v4, 2), 2, 2, 0), ==, "F");

  /* Version 3: `*` is data. */
  run_text (&v3, "UNB+UNOA:3+A+B+1+1'UNH+1+X'ATT+2++M*F'UNT+3+1'UNZ+1+1'");
  g_assert_cmpuint (tarmac_edifact_segment_get_n_repetitions (seg (&v3, 2), 2), ==, 1);
  g_assert_cmpstr (tarmac_edifact_segment_get_value (seg (&v3, 2), 2, 0), ==, "M*F");

  /* A space in UNA position 8 means "none", even in version 4. */
  run_text (&una_space, "UNA:+.? 'UNB+UNOA:4+A+B+1+1'UNH+1+X'ATT+2++M*F'UNT+3+1'UNZ+1+1'");
  g_assert_cmpstr (tarmac_edifact_segment_get_value (seg (&una_space, 2), 2, 0), ==, "M*F");
  g_assert_cmpuint (seg (&una_space, 0)->offset, ==, 9);
}

static void
test_edifact_line_breaks (void)
{
  g_auto(Run) bom_cr = { 0 };
  g_auto(Run) mixed = { 0 };
  TarmacEdifactSegment *s;

  /* BOM, IATA:1, CR-only line ends, `*` from UNA. */
  run_fixture (&bom_cr, "cr-only-pnrgov.edi", NULL);
  g_assert_no_error (bom_cr.error);
  assert_tags (&bom_cr, "UNB UNH MSG SRC RCI TIF UNT UNZ");
  g_assert_cmpuint (n_warnings (&bom_cr), ==, 0);
  g_assert_cmpuint (tarmac_edifact_reader_get_start_offset (bom_cr.reader), ==, 3);
  for (guint i = 0; i < bom_cr.segments->len; i++)
    g_assert_cmpuint (seg (&bom_cr, i)->line, ==, i + 2);
  s = seg (&bom_cr, 5);
  g_assert_cmpstr (tarmac_edifact_segment_get_repetition_value (s, 1, 0, 1), ==, "A");
  g_assert_cmpstr (tarmac_edifact_segment_get_repetition_value (s, 1, 1, 0), ==, "AB");

  /* Indented lines, CRLF, a segment wrapped over two lines (the break is not data),
   * blank lines, LF and CR. */
  run_text (&mixed, "  UNH+1+X'\r\n"
                    "  FTX+AAA\r\n"
                    "BBB+C'  \n"
                    "\n"
                    "\tFTX+D'\rUNT+4+1'");
  g_assert_no_error (mixed.error);
  assert_tags (&mixed, "UNH FTX FTX UNT");
  g_assert_cmpuint (n_warnings (&mixed), ==, 0);
  g_assert_cmpuint (seg (&mixed, 0)->offset, ==, 2);
  g_assert_cmpuint (seg (&mixed, 1)->line, ==, 2);
  g_assert_cmpuint (seg (&mixed, 1)->offset, ==, 14);
  g_assert_cmpstr (tarmac_edifact_segment_get_value (seg (&mixed, 1), 0, 0), ==, "AAABBB");
  g_assert_cmpstr (tarmac_edifact_segment_get_value (seg (&mixed, 1), 1, 0), ==, "C");
  g_assert_cmpuint (seg (&mixed, 2)->line, ==, 5);
  g_assert_cmpuint (seg (&mixed, 3)->line, ==, 6);
}

static void
test_edifact_no_envelope (void)
{
  g_auto(Run) run = { 0 };

  run_text (&run, "UNH+1+PAXLST:D:02B:UN:IATA+KP35/261122/0715+01:F'\nBGM+745'\nUNT+3+1'\n");
  g_assert_no_error (run.error);
  assert_tags (&run, "UNH BGM UNT");
  g_assert_cmpuint (n_warnings (&run), ==, 0);
  g_assert_cmpstr (tarmac_edifact_segment_get_value (seg (&run, 0), 3, 1), ==, "F");
}

static void
test_edifact_charsets (void)
{
  g_auto(Run) unoc = { 0 };
  g_auto(Run) unoy = { 0 };
  g_auto(Run) unoa = { 0 };
  g_auto(Run) iata = { 0 };
  g_auto(Run) unod = { 0 };
  g_auto(Run) nul = { 0 };
  g_auto(Run) unknown = { 0 };
  const char *text;

  run_text (&unoc, "UNB+UNOC:3+A+B+1+R'UNH+1+X'NAD+FL+++M\xc9NARD'UNT+3+1'UNZ+1+R'");
  g_assert_cmpstr (tarmac_edifact_segment_get_value (seg (&unoc, 2), 3, 0), ==, "M\xc3\x89NARD");
  g_assert_cmpuint (n_warnings (&unoc), ==, 0);

  text = "UNB+UNOY:4+A+B+1+R'UNH+1+X'NAD+FL+++J\xc3\xbcRGEN\xff'UNT+3+1'UNZ+1+R'";
  run_text (&unoy, text);
  g_assert_cmpstr (tarmac_edifact_segment_get_value (seg (&unoy, 2), 3, 0), ==,
                   "J\xc3\xbcRGEN\xef\xbf\xbd");
  g_assert_cmpuint (n_warnings (&unoy), ==, 1);
  g_assert_cmpuint (warning (&unoy, 0)->code, ==, TARMAC_EDIFACT_WARNING_INVALID_CHARACTER);
  g_assert_cmpuint (warning (&unoy, 0)->offset, ==, strchr (text, '\xff') - text);
  g_assert_cmpuint (warning (&unoy, 0)->segment_index, ==, 2);

  /* Valid UTF-8 in an ASCII repertoire is kept and flagged. */
  text = "UNB+UNOA:4+A+B+1+R'UNH+1+X'NAD+FL+++M\xc3\xbcLLER'UNT+3+1'UNZ+1+R'";
  run_text (&unoa, text);
  g_assert_cmpstr (tarmac_edifact_segment_get_value (seg (&unoa, 2), 3, 0), ==, "M\xc3\xbcLLER");
  g_assert_cmpuint (n_warnings (&unoa), ==, 1);
  g_assert_cmpuint (warning (&unoa, 0)->code, ==, TARMAC_EDIFACT_WARNING_OUTSIDE_REPERTOIRE);
  g_assert_cmpuint (warning (&unoa, 0)->offset, ==, strchr (text, '\xc3') - text);

  /* IATA: a stray Latin-1 byte is read as Latin-1, with a warning. */
  run_text (&iata, "UNB+IATA:1+A+B+1+R'UNH+1+X'TIF+REN\xc9" "E'UNT+3+1'UNZ+1+R'");
  g_assert_cmpstr (tarmac_edifact_segment_get_value (seg (&iata, 2), 0, 0), ==, "REN\xc3\x89" "E");
  g_assert_cmpuint (count_warnings (&iata, TARMAC_EDIFACT_WARNING_INVALID_CHARACTER), ==, 1);
  g_assert_cmpuint (n_warnings (&iata), ==, 1);

  /* UNOD is ISO 8859-2: 0xB1 is "ą". */
  run_text (&unod, "UNB+UNOD:3+A+B+1+R'UNH+1+X'TIF+W\xb1S'UNT+3+1'UNZ+1+R'");
  g_assert_cmpstr (tarmac_edifact_segment_get_value (seg (&unod, 2), 0, 0), ==, "W\xc4\x85S");
  g_assert_cmpuint (n_warnings (&unod), ==, 0);

  /* A NUL byte never truncates a value. */
  run_bytes (&nul, (const guint8 *) "UNH+1+X'TIF+A\0B'UNT+3+1'", 24);
  g_assert_cmpstr (tarmac_edifact_segment_get_value (seg (&nul, 1), 0, 0), ==, "A\xef\xbf\xbd" "B");
  g_assert_cmpuint (count_warnings (&nul, TARMAC_EDIFACT_WARNING_INVALID_CHARACTER), ==, 1);
  g_assert_cmpuint (warning (&nul, 0)->offset, ==, 13);

  run_text (&unknown, "UNB+UNOX:3+A+B+1+R'UNZ+0+R'");
  g_assert_cmpuint (n_warnings (&unknown), ==, 1);
  g_assert_cmpuint (warning (&unknown, 0)->code, ==, TARMAC_EDIFACT_WARNING_UNKNOWN_CHARSET);
}

static void
test_edifact_envelope (void)
{
  g_auto(Run) count = { 0 };
  g_auto(Run) refs = { 0 };
  g_auto(Run) group = { 0 };
  g_auto(Run) open = { 0 };
  g_auto(Run) next_unb = { 0 };
  g_auto(Run) stray = { 0 };
  const TarmacEdifactWarning *w;
  const char *text;

  /* Exactly one warning, at the UNT. */
  text = "UNB+UNOA:4+A+B+1+R'\nUNH+1+X'\nBGM+745'\nUNT+9+1'\nUNZ+1+R'\n";
  run_text (&count, text);
  g_assert_no_error (count.error);
  g_assert_cmpuint (n_warnings (&count), ==, 1);
  w = warning (&count, 0);
  g_assert_cmpuint (w->code, ==, TARMAC_EDIFACT_WARNING_SEGMENT_COUNT);
  g_assert_cmpuint (w->offset, ==, strstr (text, "UNT") - text);
  g_assert_cmpuint (w->line, ==, 4);
  g_assert_cmpuint (w->segment_index, ==, 3);

  run_text (&refs, "UNB+UNOA:4+A+B+1+R'UNH+1+X'UNT+2+2'UNZ+2+Q'");
  g_assert_cmpuint (n_warnings (&refs), ==, 3);
  g_assert_cmpuint (warning (&refs, 0)->code, ==, TARMAC_EDIFACT_WARNING_REFERENCE_MISMATCH);
  g_assert_cmpuint (warning (&refs, 0)->segment_index, ==, 2);
  g_assert_cmpuint (warning (&refs, 1)->code, ==, TARMAC_EDIFACT_WARNING_MESSAGE_COUNT);
  g_assert_cmpuint (warning (&refs, 2)->code, ==, TARMAC_EDIFACT_WARNING_REFERENCE_MISMATCH);
  g_assert_cmpuint (warning (&refs, 2)->segment_index, ==, 3);

  /* UNZ counts groups when there are groups; UNE counts messages. */
  run_text (&group, "UNB+UNOA:4+A+B+1+R'UNG+PAXLST+A+B+1+G1+UN+D:05B'UNH+1+X'UNT+2+1'"
                    "UNE+2+G2'UNZ+1+R'");
  g_assert_cmpuint (n_warnings (&group), ==, 2);
  g_assert_cmpuint (warning (&group, 0)->code, ==, TARMAC_EDIFACT_WARNING_MESSAGE_COUNT);
  g_assert_cmpuint (warning (&group, 1)->code, ==, TARMAC_EDIFACT_WARNING_REFERENCE_MISMATCH);
  g_assert_cmpuint (warning (&group, 1)->segment_index, ==, 4);

  /* A UNH closes an open message; the end of input closes everything. */
  text = "UNB+UNOA:4+A+B+1+R'UNG+P+A+B+1+G'UNH+1+X'BGM+1'UNH+2+X'BGM+2'";
  run_text (&open, text);
  g_assert_no_error (open.error);
  g_assert_cmpuint (n_warnings (&open), ==, 4);
  g_assert_cmpuint (warning (&open, 0)->code, ==, TARMAC_EDIFACT_WARNING_MISSING_UNT);
  g_assert_cmpuint (warning (&open, 0)->offset, ==, strstr (text, "UNH+2") - text);
  g_assert_cmpuint (warning (&open, 0)->segment_index, ==, 4);
  g_assert_cmpuint (warning (&open, 1)->code, ==, TARMAC_EDIFACT_WARNING_MISSING_UNT);
  g_assert_cmpuint (warning (&open, 2)->code, ==, TARMAC_EDIFACT_WARNING_MISSING_UNE);
  g_assert_cmpuint (warning (&open, 3)->code, ==, TARMAC_EDIFACT_WARNING_MISSING_UNZ);
  g_assert_cmpuint (warning (&open, 3)->offset, ==, strlen (text));
  g_assert_cmpuint (warning (&open, 3)->segment_index, ==, 6);

  text = "UNB+UNOA:4+A+B+1+R1'UNH+1+X'UNT+2+1'UNB+UNOA:4+A+B+1+R2'UNZ+0+R2'";
  run_text (&next_unb, text);
  g_assert_cmpuint (n_warnings (&next_unb), ==, 1);
  g_assert_cmpuint (warning (&next_unb, 0)->code, ==, TARMAC_EDIFACT_WARNING_MISSING_UNZ);
  g_assert_cmpuint (warning (&next_unb, 0)->offset, ==, strstr (text, "UNB+UNOA:4+A+B+1+R2") - text);

  run_text (&stray, "UNH+1+X'UNT+2+1'UNT+1+1'UNZ+1+1'");
  g_assert_cmpuint (n_warnings (&stray), ==, 2);
  g_assert_cmpuint (count_warnings (&stray, TARMAC_EDIFACT_WARNING_UNEXPECTED_TRAILER), ==, 2);
}

static void
test_edifact_apostrophe (void)
{
  g_auto(Run) names = { 0 };
  g_auto(Run) newline = { 0 };
  TarmacEdifactSegment *s;

  run_text (&names, "UNH+1+X'NAD+FL+++O'NEILL:SEAN+O' HARA+DOE':JO'UNT+3+1'");
  g_assert_no_error (names.error);
  assert_tags (&names, "UNH NAD UNT");
  s = seg (&names, 1);
  g_assert_cmpstr (tarmac_edifact_segment_get_value (s, 3, 0), ==, "O'NEILL");
  g_assert_cmpstr (tarmac_edifact_segment_get_value (s, 3, 1), ==, "SEAN");
  g_assert_cmpstr (tarmac_edifact_segment_get_value (s, 4, 0), ==, "O' HARA");
  g_assert_cmpstr (tarmac_edifact_segment_get_value (s, 5, 0), ==, "DOE'");
  g_assert_cmpstr (tarmac_edifact_segment_get_value (s, 5, 1), ==, "JO");
  g_assert_cmpuint (n_warnings (&names), ==, 3);
  g_assert_cmpuint (count_warnings (&names, TARMAC_EDIFACT_WARNING_UNRELEASED_TERMINATOR), ==, 3);
  g_assert_cmpuint (warning (&names, 0)->offset, ==, 18);

  /* Never across a line break: junk after the last segment stays junk. */
  run_text (&newline, "UNH+1+X'UNT+2+1'\nnnnn\n");
  assert_tags (&newline, "UNH UNT nnnn");
  g_assert_cmpstr (tarmac_edifact_segment_get_value (seg (&newline, 1), 1, 0), ==, "1");
  g_assert_cmpuint (count_warnings (&newline, TARMAC_EDIFACT_WARNING_INVALID_TAG), ==, 1);
  g_assert_cmpuint (count_warnings (&newline, TARMAC_EDIFACT_WARNING_UNTERMINATED_SEGMENT), ==, 1);
}

static void
test_edifact_limits (void)
{
  g_auto(Run) long_segment = { 0 };
  g_auto(Run) elements = { 0 };
  g_auto(Run) components = { 0 };
  g_auto(Run) repetitions = { 0 };
  g_auto(Run) just_fits = { 0 };
  g_autoptr(GString) text = g_string_new ("UNH+1+X'\nFTX+");

  for (guint i = 0; i < 70 * 1024; i++)
    g_string_append_c (text, 'A');
  g_string_append (text, "'UNT+3+1'");
  run_text (&long_segment, text->str);
  g_assert_error (long_segment.error, TARMAC_EDIFACT_ERROR, TARMAC_EDIFACT_ERROR_SEGMENT_TOO_LONG);
  g_assert_nonnull (strstr (long_segment.error->message, "byte 9 "));
  g_assert_nonnull (strstr (long_segment.error->message, "line 2"));
  assert_tags (&long_segment, "UNH");

  g_string_assign (text, "UNH+1+X'FTX");
  for (guint i = 0; i < 1001; i++)
    g_string_append (text, "+A");
  g_string_append (text, "'");
  run_text (&elements, text->str);
  g_assert_error (elements.error, TARMAC_EDIFACT_ERROR, TARMAC_EDIFACT_ERROR_TOO_MANY_ELEMENTS);

  g_string_assign (text, "UNH+1+X'FTX+A");
  for (guint i = 0; i < 1000; i++)
    g_string_append (text, ":A");
  g_string_append (text, "'");
  run_text (&components, text->str);
  g_assert_error (components.error, TARMAC_EDIFACT_ERROR, TARMAC_EDIFACT_ERROR_TOO_MANY_COMPONENTS);

  g_string_assign (text, "UNA:+.?*'UNH+1+X'FTX+A");
  for (guint i = 0; i < 1000; i++)
    g_string_append (text, "*A");
  g_string_append (text, "'");
  run_text (&repetitions, text->str);
  g_assert_error (repetitions.error, TARMAC_EDIFACT_ERROR,
                  TARMAC_EDIFACT_ERROR_TOO_MANY_REPETITIONS);

  g_string_assign (text, "UNH+1+X'FTX");
  for (guint i = 0; i < 1000; i++)
    g_string_append (text, "+A:B");
  g_string_append (text, "'UNT+3+1'");
  run_text (&just_fits, text->str);
  g_assert_no_error (just_fits.error);
  g_assert_cmpuint (seg (&just_fits, 1)->n_elements, ==, 1000);
  g_assert_cmpuint (n_warnings (&just_fits), ==, 0);
}

static void
test_edifact_not_edifact (void)
{
  g_auto(Run) empty = { 0 };
  g_auto(Run) text = { 0 };
  g_auto(Run) una = { 0 };

  run_bytes (&empty, NULL, 0);
  g_assert_error (empty.error, TARMAC_EDIFACT_ERROR, TARMAC_EDIFACT_ERROR_NOT_EDIFACT);
  run_text (&text, "QU LFWKPXH\nFFM/8\n1/KP035/22NOV/ABJ\n");
  g_assert_error (text.error, TARMAC_EDIFACT_ERROR, TARMAC_EDIFACT_ERROR_NOT_EDIFACT);
  g_assert_cmpuint (text.segments->len, ==, 0);
  run_text (&una, "UNA:+.");
  g_assert_error (una.error, TARMAC_EDIFACT_ERROR, TARMAC_EDIFACT_ERROR_TRUNCATED_UNA);
}

/* Every prefix of every fixture, each an exact-size heap copy: no crash, no read past
 * the end (ASan/valgrind), positions inside the prefix, errors only in our domain. */
static void
test_edifact_truncated (void)
{
  const char *names[] = { "typeb-paxlst.txt", "three-interchanges.edi", "cr-only-pnrgov.edi" };

  for (guint n = 0; n < G_N_ELEMENTS (names); n++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "edifact", names[n], NULL);
      g_autofree char *contents = NULL;
      gsize length = 0;

      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      for (gsize prefix = 0; prefix <= length; prefix++)
        {
          g_auto(Run) run = { 0 };

          run_bytes (&run, (const guint8 *) contents, prefix);
          if (run.error != NULL)
            g_assert_true (run.error->domain == TARMAC_EDIFACT_ERROR);
          for (guint i = 0; i < run.segments->len; i++)
            g_assert_cmpuint (seg (&run, i)->offset + seg (&run, i)->length, <=, prefix);
          for (guint i = 0; i < n_warnings (&run); i++)
            g_assert_cmpuint (warning (&run, i)->offset, <=, prefix);
        }
    }
}

/* Found by fuzz-edifact: a first segment that starts with a separator has an empty tag.
 * Before anything was buffered, that empty value came back NULL and the reader crashed
 * on strlen (NULL). Now it is an invalid (empty) tag with a warning, and reading goes on. */
static void
test_edifact_empty_first_component (void)
{
  g_auto(Run) run = { 0 };

  run_fixture (&run, "empty-first-component.edi", NULL);
  g_assert_no_error (run.error);
  g_assert_cmpuint (run.segments->len, ==, 2);
  g_assert_cmpstr (seg (&run, 0)->tag, ==, "");
  g_assert_cmpstr (tarmac_edifact_segment_get_value (seg (&run, 0), 0, 0), ==, "UNOA");
  g_assert_cmpstr (seg (&run, 1)->tag, ==, "UNH");
  g_assert_cmpuint (count_warnings (&run, TARMAC_EDIFACT_WARNING_INVALID_TAG), >=, 1);

  /* With an element separator first. */
  {
    g_auto(Run) bare = { 0 };

    run_text (&bare, "UNA:+.? '+X'UNH+1'");
    g_assert_no_error (bare.error);
    g_assert_cmpuint (bare.segments->len, ==, 2);
    g_assert_cmpstr (seg (&bare, 0)->tag, ==, "");
    g_assert_cmpstr (tarmac_edifact_segment_get_value (seg (&bare, 0), 0, 0), ==, "X");
  }
}

/* Conformance over ../shared/samples (read in place, never copied). */
static void
test_edifact_samples (void)
{
  const char *samples = g_getenv ("TARMAC_SAMPLES_DIR");
  const char *folders[] = { "paxlst", "pnrgov" };
  guint n_files = 0;

  if (samples == NULL || !g_file_test (samples, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("TARMAC_SAMPLES_DIR is not there");
      return;
    }

  for (guint f = 0; f < G_N_ELEMENTS (folders); f++)
    {
      g_autofree char *dir_path = g_build_filename (samples, folders[f], NULL);
      g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
      const char *name;

      if (dir == NULL)
        continue;

      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = g_build_filename (dir_path, name, NULL);
          g_autofree char *contents = NULL;
          g_autoptr(GString) codes = g_string_new (NULL);
          g_auto(Run) run = { 0 };
          gsize length = 0;
          guint n_unh = 0;
          guint n_closed = 0;

          if (g_str_has_suffix (name, ".xml"))
            continue;

          g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
          run_bytes (&run, (const guint8 *) contents, length);
          g_assert_no_error (run.error);

          for (guint i = 0; i < run.segments->len; i++)
            {
              if (strcmp (seg (&run, i)->tag, "UNH") == 0)
                n_unh++;
              else if (strcmp (seg (&run, i)->tag, "UNT") == 0)
                n_closed++;
            }
          for (guint i = 0; i < n_warnings (&run); i++)
            {
              const TarmacEdifactWarning *w = warning (&run, i);

              if (w->code == TARMAC_EDIFACT_WARNING_MISSING_UNT)
                n_closed++;
              if (w->code == TARMAC_EDIFACT_WARNING_UNEXPECTED_TRAILER &&
                  strcmp (seg (&run, w->segment_index)->tag, "UNT") == 0)
                n_closed--;
              g_string_append_printf (codes, " %u@%" G_GSIZE_FORMAT, w->code, w->offset);
            }

          g_test_message ("%s/%s: %u segments, %u UNH, %u warnings:%s", folders[f], name,
                          run.segments->len, n_unh, n_warnings (&run), codes->str);
          for (guint i = 0; i < n_warnings (&run); i++)
            g_test_message ("  line %u: %s", warning (&run, i)->line, warning (&run, i)->message);
          g_assert_cmpuint (n_unh, >=, 1);
          g_assert_cmpuint (n_closed, ==, n_unh);
          n_files++;
        }
    }

  g_assert_cmpuint (n_files, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/edifact/basic", test_edifact_basic);
  g_test_add_func ("/edifact/release", test_edifact_release);
  g_test_add_func ("/edifact/typeb-envelope", test_edifact_typeb_envelope);
  g_test_add_func ("/edifact/interchanges", test_edifact_interchanges);
  g_test_add_func ("/edifact/repetition", test_edifact_repetition);
  g_test_add_func ("/edifact/line-breaks", test_edifact_line_breaks);
  g_test_add_func ("/edifact/no-envelope", test_edifact_no_envelope);
  g_test_add_func ("/edifact/charsets", test_edifact_charsets);
  g_test_add_func ("/edifact/envelope", test_edifact_envelope);
  g_test_add_func ("/edifact/apostrophe", test_edifact_apostrophe);
  g_test_add_func ("/edifact/limits", test_edifact_limits);
  g_test_add_func ("/edifact/not-edifact", test_edifact_not_edifact);
  g_test_add_func ("/edifact/truncated", test_edifact_truncated);
  g_test_add_func ("/edifact/empty-first-component", test_edifact_empty_first_component);
  g_test_add_func ("/edifact/samples", test_edifact_samples);

  return g_test_run ();
}
