/* test-name-key.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "tarmac-name-key.h"

static void
assert_key (const char *name,
            const char *expected)
{
  g_autofree char *key = tarmac_name_key (name);

  g_assert_cmpstr (key, ==, expected);
}

static void
test_name_key_folding (void)
{
  assert_key ("AGBÉKODO Kossi", "agbekodo kossi");
  assert_key ("Agbekodo  KOSSI", "agbekodo kossi");
  assert_key ("Gonçalves, João da Silva", "goncalves joao da silva");
  assert_key ("WIŚNIEWSKI Łukasz", "wisniewski lukasz");
  assert_key ("Søren Ærø", "soren aero");
  assert_key ("Đorđević Œuvray", "dordevic oeuvray");
  assert_key ("Nguyễn Thị Hương", "nguyen thi huong");
  assert_key ("N'Diaye Mamadou", "ndiaye mamadou");
  assert_key ("N’DIAYE  Mamadou", "ndiaye mamadou");
  assert_key ("N´DIAYE Mamadou", "ndiaye mamadou");
  assert_key ("O'Brien-Mensah", "obrien mensah");
  assert_key ("MÜLLER Jürgen", "muller jurgen");
  assert_key ("Straße", "strasse");
}

static void
test_name_key_scripts (void)
{
  g_autofree char *arabic = tarmac_name_key ("محمد العمراني");

  /* Arabic letters survive as letters; the space between words stays one space. */
  g_assert_true (g_utf8_validate (arabic, -1, NULL));
  g_assert_nonnull (strchr (arabic, ' '));
  g_assert_cmpuint (g_utf8_strlen (arabic, -1), ==, 13);
}

static void
test_name_key_hostile (void)
{
  assert_key (NULL, "");
  assert_key ("", "");
  assert_key ("  --  ", "");
  assert_key ("\xff\xfe broken", "");
}

/* ASCII names take a shortcut; it must give what the full folding gives. A name with an
 * "é" goes the full way, and folds it to "e": so NAME + "é" must key as NAME + "e", for
 * every ASCII character in every position. */
static void
test_name_key_ascii_shortcut (void)
{
  const char *names[] = {
    "O'BRIEN-SMITH  Jr.", "N`DIAYE", "  --x--  ", "a\tb", "DE LA CRUZ,MARIA", "X1 Y2",
    "'", "''a''", "a' b", "Ab'-'Cd",
  };

  for (guint i = 0; i < G_N_ELEMENTS (names) + 127; i++)
    {
      char middle[4] = { 'a', (char) (i - G_N_ELEMENTS (names) + 1), 'b', '\0' };
      const char *name = i < G_N_ELEMENTS (names) ? names[i] : middle;
      g_autofree char *plain_after = g_strconcat (name, "e", NULL);
      g_autofree char *accent_after = g_strconcat (name, "\u00e9", NULL);
      g_autofree char *plain_before = g_strconcat ("e", name, NULL);
      g_autofree char *accent_before = g_strconcat ("\u00e9", name, NULL);
      g_autofree char *shortcut_after = tarmac_name_key (plain_after);
      g_autofree char *full_after = tarmac_name_key (accent_after);
      g_autofree char *shortcut_before = tarmac_name_key (plain_before);
      g_autofree char *full_before = tarmac_name_key (accent_before);

      g_assert_cmpstr (shortcut_after, ==, full_after);
      g_assert_cmpstr (shortcut_before, ==, full_before);
    }

  assert_key ("O'BRIEN-SMITH  Jr.", "obrien smith jr");
  assert_key ("a\tb", "a b");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/name-key/folding", test_name_key_folding);
  g_test_add_func ("/name-key/scripts", test_name_key_scripts);
  g_test_add_func ("/name-key/hostile", test_name_key_hostile);
  g_test_add_func ("/name-key/ascii-shortcut", test_name_key_ascii_shortcut);

  return g_test_run ();
}
