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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/name-key/folding", test_name_key_folding);
  g_test_add_func ("/name-key/scripts", test_name_key_scripts);
  g_test_add_func ("/name-key/hostile", test_name_key_hostile);

  return g_test_run ();
}
