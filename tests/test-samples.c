/* test-samples.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "tarmac-mrz.h"
#include "tarmac-sniff.h"

/*
 * Conformance over ../shared/samples: real public messages and lists written by others.
 * They are read in place and never copied into this repository. When the folder is not
 * there the program exits 77, which meson reports as SKIP.
 *
 * Each later importer adds its own assertions to the table below (what the file must
 * parse into), so the samples stay the one place where our parsers meet data that
 * nobody on the team wrote.
 */

#define MAX_SAMPLE_SIZE (64 * 1024 * 1024)

typedef struct
{
  const char       *folder;
  TarmacFileFormat  format;
} FolderExpectation;

/* What every file in a folder must be recognised as, unless listed in file_expectations. */
static const FolderExpectation folder_expectations[] = {
  { "paxlst", TARMAC_FILE_FORMAT_PAXLST },
  { "pnrgov", TARMAC_FILE_FORMAT_PNRGOV },
  { "cargo", TARMAC_FILE_FORMAT_CARGO_XML },
  { "lists", TARMAC_FILE_FORMAT_CSV },
};

typedef struct
{
  const char       *suffix;
  TarmacFileFormat  format;
} FileExpectation;

static const FileExpectation file_expectations[] = {
  { "_test_pnr.xml", TARMAC_FILE_FORMAT_PNRGOV_XML },
  { "_ffm8.txt", TARMAC_FILE_FORMAT_CARGO_IMP_FFM },
  { "_fwb17.txt", TARMAC_FILE_FORMAT_CARGO_IMP_FWB },
  { "_fhl5.txt", TARMAC_FILE_FORMAT_CARGO_IMP_FHL },
  { "UN_consolidated.xml", TARMAC_FILE_FORMAT_UN_LIST_XML },
};

static char *samples_dir;

static gboolean
expected_format (const char       *folder,
                 const char       *name,
                 TarmacFileFormat *format)
{
  for (guint i = 0; i < G_N_ELEMENTS (file_expectations); i++)
    if (g_str_has_suffix (name, file_expectations[i].suffix))
      {
        *format = file_expectations[i].format;
        return TRUE;
      }

  for (guint i = 0; i < G_N_ELEMENTS (folder_expectations); i++)
    if (g_str_equal (folder, folder_expectations[i].folder))
      {
        *format = folder_expectations[i].format;
        return TRUE;
      }

  return FALSE;
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static GPtrArray *
list_samples (const char *folder)
{
  g_autofree char *path = g_build_filename (samples_dir, folder, NULL);
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  GPtrArray *files = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (files, g_build_filename (path, name, NULL));

  g_ptr_array_sort (files, compare_paths);
  return files;
}

static GBytes *
read_sample (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GMappedFile) mapped = g_mapped_file_new (path, FALSE, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (g_mapped_file_get_length (mapped), <=, MAX_SAMPLE_SIZE);

  return g_mapped_file_get_bytes (mapped);
}

static void
test_samples_sniffed (gconstpointer user_data)
{
  const char *folder = user_data;
  g_autoptr(GPtrArray) files = list_samples (folder);
  guint checked = 0;

  for (guint i = 0; i < files->len; i++)
    {
      const char *path = g_ptr_array_index (files, i);
      g_autofree char *name = g_path_get_basename (path);
      g_autoptr(GBytes) bytes = read_sample (path);
      TarmacFileFormat expected;
      TarmacFileFormat found;
      gsize length;
      const guint8 *data = g_bytes_get_data (bytes, &length);

      if (!expected_format (folder, name, &expected))
        {
          g_test_message ("%s/%s: no expectation yet", folder, name);
          continue;
        }

      found = tarmac_sniff_format (data, length);
      g_test_message ("%s/%s: %s", folder, name, tarmac_file_format_to_id (found));
      if (found != expected)
        g_error ("%s/%s: sniffed as %s, expected %s", folder, name,
                 tarmac_file_format_to_id (found), tarmac_file_format_to_id (expected));
      checked++;
    }

  g_test_message ("%s: %u files checked", folder, checked);
}

/* Reference material, not imports: it must never be taken for a manifest. */
static void
test_samples_reference_not_manifests (gconstpointer user_data)
{
  const char *folder = user_data;
  g_autoptr(GPtrArray) files = list_samples (folder);

  for (guint i = 0; i < files->len; i++)
    {
      g_autoptr(GBytes) bytes = read_sample (g_ptr_array_index (files, i));
      gsize length;
      const guint8 *data = g_bytes_get_data (bytes, &length);
      TarmacFileFormat found = tarmac_sniff_format (data, length);

      g_assert_cmpint (found, !=, TARMAC_FILE_FORMAT_PAXLST);
      g_assert_cmpint (found, !=, TARMAC_FILE_FORMAT_PNRGOV);
      g_assert_cmpint (found, !=, TARMAC_FILE_FORMAT_CARGO_IMP_FFM);
      g_assert_cmpint (found, !=, TARMAC_FILE_FORMAT_PNRGOV_XML);
    }
}

/* What each group of mrz/cheminfo-mrz_test_vectors.txt must read as, in file order. The
 * file names its groups only by the test they come from; what they claim is in those
 * tests: ICAO specimens and real-layout national documents that must pass, the same with
 * one digit changed that must fail in that field, OCR-damaged copies that the character
 * classes repair, and national layouts that are not ICAO zones at all (the French
 * identity card of 1988 has TD2's size but not its fields; driving licences start with a
 * code ICAO does not assign). @checks lists the verdict of each field (document number,
 * birth date, expiry, optional data, composite) by its first letter; %NULL only requires
 * the zone to fail. */
typedef struct
{
  int              error;       /* a TarmacMrzError, or -1 */
  TarmacMrzFormat  format;
  const char      *checks;
  gboolean         corrected;
} MrzExpectation;

#define MRZ_LAYOUT { TARMAC_MRZ_ERROR_LAYOUT, TARMAC_MRZ_FORMAT_UNKNOWN, NULL, FALSE }
#define MRZ_OK(f, c) { -1, TARMAC_MRZ_FORMAT_ ## f, c, FALSE }

static const MrzExpectation mrz_expectations[] = {
  /* French identity cards (not ICAO fields) and driving-licence fragments */
  MRZ_OK (TD2, NULL), MRZ_OK (TD2, NULL), MRZ_LAYOUT, MRZ_LAYOUT, MRZ_OK (TD2, NULL),
  MRZ_LAYOUT, MRZ_OK (TD2, NULL), MRZ_LAYOUT, MRZ_LAYOUT, MRZ_LAYOUT,
  { TARMAC_MRZ_ERROR_DOCUMENT_CODE, TARMAC_MRZ_FORMAT_UNKNOWN, NULL, FALSE }, MRZ_LAYOUT,
  /* TD1: Swiss, Portuguese (long numbers), Belgian, Finnish, ICAO specimens */
  MRZ_OK (TD1, "vvvav"), MRZ_OK (TD1, "vvvav"), MRZ_OK (TD1, "vvvav"),
  MRZ_OK (TD1, "vvvav"), MRZ_OK (TD1, "vvvav"), MRZ_OK (TD1, "vvvav"),
  MRZ_OK (TD1, "vvvav"), MRZ_OK (TD1, "vvvav"), MRZ_OK (TD1, "vvvav"),
  { -1, TARMAC_MRZ_FORMAT_TD1, "vvvav", TRUE },
  /* Belgian long number with the digit over the printed field, then two broken copies */
  MRZ_OK (TD1, "vvvav"), MRZ_OK (TD1, "ivvai"), MRZ_OK (TD1, "vivai"),
  /* TD2 specimen, and OCR-damaged */
  MRZ_OK (TD2, "vvvav"), { -1, TARMAC_MRZ_FORMAT_TD2, "vvvav", TRUE },
  /* TD3: specimen, wrong optional digit, German (filler), Indian, Chinese, OCR-damaged */
  MRZ_OK (TD3, "vvvvv"), MRZ_OK (TD3, "vvvii"), MRZ_OK (TD3, "vvvfv"),
  MRZ_OK (TD3, "vvvfv"), MRZ_OK (TD3, "vvvvv"), MRZ_OK (TD3, "vvvvv"),
  { -1, TARMAC_MRZ_FORMAT_TD3, "vvvvv", TRUE },
};

static void
test_samples_mrz (void)
{
  g_autofree char *path = g_build_filename (samples_dir, "mrz",
                                            "cheminfo-mrz_test_vectors.txt", NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) groups = NULL;
  g_autoptr(GError) error = NULL;
  guint n = 0;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("no MRZ vectors");
      return;
    }
  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);

  groups = g_strsplit (contents, "\n\n", -1);
  for (guint i = 0; groups[i] != NULL; i++)
    {
      g_auto(GStrv) lines = g_strsplit (groups[i], "\n", -1);
      g_autoptr(GString) zone = g_string_new (NULL);
      g_autoptr(GError) parse_error = NULL;
      const MrzExpectation *expected;
      TarmacMrz mrz;
      gboolean ok;

      for (guint j = 0; lines[j] != NULL; j++)
        if (lines[j][0] != '\0' && lines[j][0] != '#')
          g_string_append_printf (zone, "%s\n", lines[j]);
      if (zone->len == 0)
        continue;

      g_assert_cmpuint (n, <, G_N_ELEMENTS (mrz_expectations));
      expected = &mrz_expectations[n++];
      ok = tarmac_mrz_parse (zone->str, &mrz, &parse_error);
      g_test_message ("group %u: %s", n - 1,
                      ok ? tarmac_mrz_format_to_id (mrz.format) : parse_error->message);

      if (expected->error >= 0)
        {
          g_assert_false (ok);
          g_assert_error (parse_error, TARMAC_MRZ_ERROR, expected->error);
          continue;
        }
      g_assert_no_error (parse_error);
      g_assert_cmpint (mrz.format, ==, expected->format);
      if (expected->checks == NULL)
        {
          g_assert_false (tarmac_mrz_is_valid (&mrz));
          continue;
        }
      for (guint f = 0; f < TARMAC_MRZ_N_FIELDS; f++)
        g_assert_cmpint (tarmac_mrz_verdict_to_id (mrz.checks[f])[0], ==, expected->checks[f]);
      g_assert_cmpint (tarmac_mrz_is_valid (&mrz), ==, strchr (expected->checks, 'i') == NULL);
      g_assert_cmpint (mrz.n_corrections > 0, ==, expected->corrected);
    }

  g_assert_cmpuint (n, ==, G_N_ELEMENTS (mrz_expectations));
}

/* Every sample cut short at many points, and with bytes flipped, is answered, not crashed
 * on. Under ASan or valgrind this is where an out-of-bounds read would show. */
static void
test_samples_damaged (void)
{
  const char *folders[] = { "paxlst", "pnrgov", "cargo" };

  for (guint f = 0; f < G_N_ELEMENTS (folders); f++)
    {
      g_autoptr(GPtrArray) files = list_samples (folders[f]);

      for (guint i = 0; i < files->len; i++)
        {
          g_autoptr(GBytes) bytes = read_sample (g_ptr_array_index (files, i));
          gsize length;
          const guint8 *data = g_bytes_get_data (bytes, &length);
          gsize window = MIN (length, 4096);
          g_autofree guint8 *copy = g_memdup2 (data, window);
          GRand *rand = g_rand_new_with_seed (i * 31 + f);

          for (gsize cut = 0; cut <= window; cut += MAX (1, window / 97))
            {
              g_autofree guint8 *prefix = g_memdup2 (data, cut);
              tarmac_sniff_format (prefix, cut);
            }

          for (guint round = 0; round < 200; round++)
            {
              copy[g_rand_int_range (rand, 0, window)] = g_rand_int_range (rand, 0, 256);
              tarmac_sniff_format (copy, window);
            }

          g_rand_free (rand);
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  const char *from_env = g_getenv ("TARMAC_SAMPLES_DIR");

  samples_dir = g_strdup (from_env ? from_env : "../shared/samples");
  if (!g_file_test (samples_dir, G_FILE_TEST_IS_DIR))
    {
      g_printerr ("No samples at %s: skipping the conformance run.\n", samples_dir);
      return 77;
    }

  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (folder_expectations); i++)
    {
      g_autofree char *test_path = g_strdup_printf ("/samples/sniff/%s",
                                                    folder_expectations[i].folder);
      g_test_add_data_func (test_path, folder_expectations[i].folder, test_samples_sniffed);
    }
  g_test_add_data_func ("/samples/reference/mrz", "mrz", test_samples_reference_not_manifests);
  g_test_add_data_func ("/samples/reference/translit", "translit",
                        test_samples_reference_not_manifests);
  g_test_add_func ("/samples/mrz/cheminfo", test_samples_mrz);
  g_test_add_func ("/samples/damaged", test_samples_damaged);

  return g_test_run ();
}
