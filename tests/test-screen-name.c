/* test-screen-name.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "tarmac-name-compare-private.h"
#include "tarmac-name.h"
#include "tarmac-phonetic.h"
#include "tarmac-translit.h"

typedef struct
{
  const char *a, *b;
} Pair;

static TarmacNameToken *
token_of (const char *word)
{
  g_autofree char *folded = tarmac_translit_casefold (word);

  return tarmac_name_token_new (folded);
}

static gboolean
has_form (const TarmacNameToken *token,
          const char            *form)
{
  for (guint i = 0; i < token->n_forms; i++)
    if (g_str_equal (token->forms[i], form))
      return TRUE;
  return FALSE;
}

static void
test_casefold (void)
{
  g_autofree char *a = tarmac_translit_casefold ("ＭＵＬＬＥＲ Straße");
  g_autofree char *b = tarmac_translit_casefold ("ﻣﺤﻤﺪ");

  g_assert_cmpstr (a, ==, "muller strasse");
  /* Arabic presentation forms become the plain letters */
  g_assert_cmpstr (b, ==, "محمد");
}

static void
test_split (void)
{
  g_autoptr(GPtrArray) words = tarmac_name_split ("N'DIAYE, Abd al-Rahman  عبد الرحمن");

  g_assert_cmpuint (words->len, ==, 7);
  g_assert_cmpstr (g_ptr_array_index (words, 0), ==, "ndiaye");
  g_assert_cmpstr (g_ptr_array_index (words, 2), ==, "al");
  g_assert_cmpstr (g_ptr_array_index (words, 4), ==, "عبد");
  /* the Arabic article is split from its noun, as Latin spellings write it */
  g_assert_cmpstr (g_ptr_array_index (words, 5), ==, "ال");
  g_assert_cmpstr (g_ptr_array_index (words, 6), ==, "رحمن");
}

static void
test_cyrillic (void)
{
  g_autoptr(TarmacNameToken) shch = token_of ("Щербаков");
  g_autoptr(TarmacNameToken) yuri = token_of ("Юрий");
  g_autoptr(TarmacNameToken) khan = token_of ("Хабибуллаев");
  g_autoptr(TarmacNameToken) elena = token_of ("Елена");

  g_assert_cmpint (shch->script, ==, TARMAC_SCRIPT_CYRILLIC);
  /* ICAO 9303 first, as in passports */
  g_assert_cmpstr (shch->forms[0], ==, "shcherbakov");
  g_assert_true (has_form (shch, "chtcherbakov"));
  g_assert_cmpstr (yuri->forms[0], ==, "iurii");
  g_assert_true (has_form (yuri, "yuriy"));
  g_assert_true (has_form (yuri, "iourii"));
  g_assert_cmpstr (khan->forms[0], ==, "khabibullaev");
  /* BGN/PCGN writes initial е as ye */
  g_assert_cmpstr (elena->forms[0], ==, "elena");
  g_assert_true (has_form (elena, "yelena"));
}

static void
test_arabic (void)
{
  g_autoptr(TarmacNameToken) mhmd = token_of ("مُحَمَّد");
  g_autoptr(TarmacNameToken) latin = token_of ("Mouhammed");
  g_autoptr(TarmacNameToken) shrif = token_of ("شريف");
  g_autoptr(GPtrArray) article = tarmac_name_analyse ("عبد الرحمن");

  g_assert_cmpint (mhmd->script, ==, TARMAC_SCRIPT_ARABIC);
  /* harakat are dropped; the skeleton meets the Latin spellings */
  g_assert_cmpstr (mhmd->skeleton, ==, "mhmd");
  g_assert_cmpstr (latin->skeleton, ==, "mhmd");
  g_assert_cmpuint (mhmd->family, !=, 0);
  g_assert_cmpuint (mhmd->family, ==, latin->family);
  /* English-style and French-style renderings */
  g_assert_cmpstr (shrif->forms[0], ==, "sharif");
  g_assert_cmpstr (shrif->forms[1], ==, "cherif");
  g_assert_cmpuint (article->len, ==, 3);
  g_assert_true (((TarmacNameToken *) g_ptr_array_index (article, 1))->flags &
                 TARMAC_NAME_TOKEN_PARTICLE);
  g_assert_cmpstr (((TarmacNameToken *) g_ptr_array_index (article, 1))->forms[0], ==, "al");
}

/* An Arabic word written letter by letter, as ICU's Arabic-Latin and the systems that use
 * it print it: no vowel guessed. */
static void
test_arabic_letters (void)
{
  static const struct { const char *arabic, *latin; } words[] = {
    { "عزيز", "zyz" }, { "حمزة", "hmzt" }, { "أحمد", "ahmd" }, { "مصطفى", "mstfy" },
    { "محمود", "mhmwd" }, { "علي", "ly" }, { "عبد", "bd" }, { "مؤمن", "mwmn" },
  };
  TarmacNameComparison comparison;

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      g_autoptr(TarmacNameToken) token = token_of (words[i].arabic);

      if (!has_form (token, words[i].latin))
        g_error ("%s has no form %s", words[i].arabic, words[i].latin);
    }

  /* ICU's rendering of the listed original script is the same name, word for word */
  g_assert_cmpfloat (tarmac_name_compare_strings ("MHMD LY", "محمد علي", &comparison), ==,
                     1.0);
  g_assert_cmpuint (comparison.n_pairs, ==, 2);
  g_assert_cmpint (comparison.pairs[0].how, ==, TARMAC_TOKEN_MATCH_TRANSLIT);
  g_assert_cmpfloat (tarmac_name_compare_strings ("TARK ZYZ", "طارق عزيز", NULL), >=, 0.85);
  /* and not every short word: zyz is not Aziz's neighbour Azzam */
  g_assert_cmpfloat (tarmac_name_compare_strings ("ZYZ", "عزام", NULL), <, 0.6);
}

/* A Latin word without vowels says only its consonants: they are compared as a word of
 * another script is, not as a doubtful spelling. */
static void
test_bare (void)
{
  g_autoptr(TarmacNameToken) mhmd = token_of ("MHMD");
  g_autoptr(TarmacNameToken) lynn = token_of ("Lynn");
  g_autoptr(TarmacNameToken) bd = token_of ("Bd");
  TarmacNameComparison comparison;

  g_assert_true (mhmd->flags & TARMAC_NAME_TOKEN_BARE);
  /* y is a vowel here, and two letters are too few */
  g_assert_false (lynn->flags & TARMAC_NAME_TOKEN_BARE);
  g_assert_false (bd->flags & TARMAC_NAME_TOKEN_BARE);
  g_assert_cmpfloat (tarmac_name_compare_strings ("MHMD HMZ", "Muhammad Hamza", &comparison), >=,
                     0.85);
  g_assert_cmpint (comparison.pairs[0].how, ==, TARMAC_TOKEN_MATCH_SKELETON);
  /* a written vowel that disagrees keeps the doubt: Mahmoud is not Mohamed */
  g_assert_cmpfloat (tarmac_name_compare_strings ("Mahmud Hamza", "Muhammad Hamza", NULL), <,
                     0.85);
}

/* The name of God in compound names is one word, said Allāh: not an article and a noun
 * whose vowels are guessed. */
static void
test_allah (void)
{
  static const Pair same[] = {
    { "Hidayat Ullah", "هدايت الله" },
    { "Sana Ullah Ghafari", "ثناء اللہ غفاری" },  /* Urdu spelling */
    { "Nasr Ellah", "نصر الله" },
    { "Hidayat Ullah", "HIDAYATULLAH" },           /* glued in the list */
  };
  g_autoptr(TarmacNameToken) allah = token_of ("الله");
  g_autoptr(GPtrArray) urdu = tarmac_name_split ("ثناء اللہ");

  g_assert_cmpstr (allah->forms[0], ==, "allah");
  g_assert_true (has_form (allah, "ullah"));
  g_assert_cmpuint (urdu->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (urdu, 1), ==, "اللہ");
  for (guint i = 0; i < G_N_ELEMENTS (same); i++)
    {
      double score = tarmac_name_compare_strings (same[i].a, same[i].b, NULL);

      if (score < 0.85)
        g_error ("“%s” and “%s” scored %.3f", same[i].a, same[i].b, score);
    }
}

/* Latin letters read by Spanish, Somali and Portuguese conventions. */
static void
test_readings (void)
{
  static const Pair same[] = {
    { "Jalid", "خالد" },                 /* Spanish j: خ */
    { "Mejamad Lukajul", "محمد لكحل" },  /* and ح */
    { "Yamal", "جمال" },                 /* Spanish y before a vowel: ج */
    { "Maxamed Xasan", "محمد حسن" },     /* Somali x: ح */
    { "Xarif", "شريف" },                 /* Portuguese x: ش */
    { "Jasin Ghul", "Hassan Ghul" },     /* within Latin, with another word the same */
  };
  g_autoptr(TarmacNameToken) jasan = token_of ("Jasan");
  g_autoptr(TarmacNameToken) jamal = token_of ("Jamal");
  g_autoptr(TarmacNameToken) omar = token_of ("Omar");

  g_assert_cmpstr (jasan->skeleton, ==, "jsn");
  g_assert_cmpuint (jasan->n_readings, ==, 1);
  g_assert_cmpstr (jasan->readings[0], ==, "hsn");
  /* an English j stays: Jamal is جمال the English way */
  g_assert_cmpfloat (tarmac_name_compare_strings ("Jamal", "جمال", NULL), >=, 0.85);
  g_assert_cmpuint (jamal->n_readings, ==, 1);
  g_assert_cmpuint (omar->n_readings, ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (same); i++)
    {
      double score = tarmac_name_compare_strings (same[i].a, same[i].b, NULL);

      if (score < 0.75)
        g_error ("“%s” and “%s” scored %.3f", same[i].a, same[i].b, score);
    }
  /* Another reading of the letters is not another name: Juan is not حسن */
  g_assert_cmpfloat (tarmac_name_compare_strings ("Juan", "حسن", NULL), <, 0.6);
}

/* Keying and OCR slips cost half an edit: two of them in a short word are still the
 * word, two arbitrary changes are not. */
static void
test_slips (void)
{
  static const Pair same[] = {
    { "Umar Parck", "Umar Patek" },     /* t→r a key off, e→c misread */
    { "Fsrcd Saal", "Fared Saal" },     /* a→s, e→c */
    { "Marnadv Ture", "Mamadu Ture" },  /* m read as rn, u as v */
    { "Maulawi Rahsb", "Maulawi Rajab" },
  };

  g_assert_cmpfloat (_tarmac_name_fuzzy_similarity ("rahsb", "rajab"), >=, 0.75f);
  g_assert_cmpfloat (_tarmac_name_fuzzy_similarity ("rapxb", "rajab"), <, 0.6f);
  g_assert_cmpfloat (_tarmac_name_fuzzy_similarity ("sharnsuddin", "shamsuddin"), >, 0.9f);
  /* one ordinary edit costs what it did */
  g_assert_cmpfloat (_tarmac_name_fuzzy_similarity ("rajb", "rajab"), <,
                     _tarmac_name_fuzzy_similarity ("rajab", "rajab"));
  for (guint i = 0; i < G_N_ELEMENTS (same); i++)
    {
      double score = tarmac_name_compare_strings (same[i].a, same[i].b, NULL);

      if (score < 0.8)
        g_error ("“%s” and “%s” scored %.3f", same[i].a, same[i].b, score);
    }
  /* a word of three letters still has no budget: a slip there is any other change */
  g_assert_cmpfloat (_tarmac_name_fuzzy_similarity ("alu", "ali"), ==,
                     _tarmac_name_fuzzy_similarity ("alx", "ali"));
}

static void
test_particles (void)
{
  g_autoptr(GPtrArray) tokens = tarmac_name_analyse ("Maria dos Santos van Dijk bin Laden");
  g_autoptr(GPtrArray) alone = tarmac_name_analyse ("Da");
  const guint particles[] = { 1, 3, 5 };

  g_assert_cmpuint (tokens->len, ==, 7);
  for (guint i = 0; i < G_N_ELEMENTS (particles); i++)
    {
      TarmacNameToken *token = g_ptr_array_index (tokens, particles[i]);

      g_assert_true (token->flags & TARMAC_NAME_TOKEN_PARTICLE);
    }
  g_assert_false (((TarmacNameToken *) g_ptr_array_index (tokens, 2))->flags &
                  TARMAC_NAME_TOKEN_PARTICLE);
  /* a particle alone is the name */
  g_assert_false (((TarmacNameToken *) g_ptr_array_index (alone, 0))->flags &
                  TARMAC_NAME_TOKEN_PARTICLE);
}

static void
assert_same_key (const char *a,
                 const char *b)
{
  g_autofree char *ka = tarmac_phonetic_key (a);
  g_autofree char *kb = tarmac_phonetic_key (b);

  g_assert_cmpstr (ka, ==, kb);
}

static void
test_phonetic (void)
{
  /* West African, French, Spanish, Portuguese and Slavic spellings of one name */
  assert_same_key ("coulibaly", "kulibali");
  assert_same_key ("diallo", "jallow");
  assert_same_key ("djalo", "diallo");
  assert_same_key ("toure", "ture");
  assert_same_key ("ousmane", "usman");
  assert_same_key ("abdoulaye", "abdullahi");
  assert_same_key ("ouattara", "wattara");
  assert_same_key ("goncalves", "gonkalves");
  assert_same_key ("yuriy", "iurii");
  assert_same_key ("chevchenko", "shevchenko");
  {
    g_autofree char *ali = tarmac_phonetic_key ("ali");
    g_autofree char *ola = tarmac_phonetic_key ("ola");

    g_assert_cmpstr (ali, !=, ola);
  }
}

static void
test_compare_matches (void)
{
  /* Each a planted variant class of research/screening.md §5.3 */
  static const Pair same[] = {
    { "Mohamed Ali", "Muhammad Ali" },                /* spelling family */
    { "Abd al Rahman Hassan", "Abdelrahman Hassan" }, /* segmentation */
    { "Abdul Rahman", "Abdulrahman" },
    { "Ousmane Diallo", "Usman Jallow" },
    { "COULIBALY Moussa", "Moussa Kulibali" },        /* order */
    { "Touré Aminata", "Aminata TOURE" },
    { "Щербаков Юрий", "SHCHERBAKOV IURII" },          /* ICAO MRZ form */
    { "Щербаков Юрий", "Chtcherbakov Iouri" },
    { "محمد علي", "Mohamed Ali" },                      /* original script */
    { "Mamadou Diallo", "Mohamed Djalo" },
    { "John Smith", "John Bartholomew Smith" },       /* middle name missing */
    { "Gonçalves Joao", "GONCALVES JOÃO" },
    { "Mohammed Abdullah", "Mohamed Abdulah" },       /* typos */
  };
  static const Pair different[] = {
    { "Aminata Ndiaye", "Fatou Sow" },
    { "Mohamed Ali", "Mahmoud Ali" },
    { "Jean Dupont", "Jacques Durand" },
    { "Ali", "Ola" },
    { "Kim Lee", "Tim Li" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (same); i++)
    {
      double score = tarmac_name_compare_strings (same[i].a, same[i].b, NULL);

      if (score < 0.85)
        g_error ("“%s” and “%s” scored %.3f", same[i].a, same[i].b, score);
    }
  for (guint i = 0; i < G_N_ELEMENTS (different); i++)
    {
      double score = tarmac_name_compare_strings (different[i].a, different[i].b, NULL);

      if (score >= 0.85)
        g_error ("“%s” and “%s” scored %.3f", different[i].a, different[i].b, score);
    }
}

/* An entry's middle names cost less when its first and last names are there: manifests
 * often give only those. */
static void
test_compare_middle_names (void)
{
  const char *entry = "Sher Mohammad Abbas Stanekzai Padshah Khan";
  double ends = tarmac_name_compare_strings ("Sher Khan", entry, NULL);
  double not_ends = tarmac_name_compare_strings ("Sher Abbas", entry, NULL);

  g_assert_cmpfloat (ends, >=, 0.71);
  g_assert_cmpfloat (ends, >, not_ends + 0.03);
}

static void
test_compare_explains (void)
{
  g_autoptr(GPtrArray) a = tarmac_name_analyse ("abd al rahman ould Hassan");
  g_autoptr(GPtrArray) b = tarmac_name_analyse ("HASSAN Abdelrahman");
  g_autoptr(JsonNode) json = NULL;
  g_autofree char *text = NULL;
  TarmacNameComparison comparison;
  JsonObject *object;
  JsonArray *aligned;
  gboolean glued = FALSE;

  tarmac_name_compare ((TarmacNameToken *const *) a->pdata, NULL, a->len,
                       (TarmacNameToken *const *) b->pdata, NULL, b->len, &comparison);
  g_assert_cmpfloat (comparison.score, >, 0.85);
  g_assert_cmpfloat (comparison.score, <=, 1.0);

  json = tarmac_name_comparison_to_json ((TarmacNameToken *const *) a->pdata, a->len,
                                         (TarmacNameToken *const *) b->pdata, b->len,
                                         &comparison);
  object = json_node_get_object (json);
  aligned = json_object_get_array_member (object, "aligned");
  g_assert_cmpuint (json_array_get_length (aligned), ==, 2);
  for (guint i = 0; i < json_array_get_length (aligned); i++)
    {
      JsonObject *pair = json_array_get_object_element (aligned, i);

      if (g_str_equal (json_object_get_string_member (pair, "query"), "abd al rahman"))
        {
          g_assert_cmpstr (json_object_get_string_member (pair, "entry"), ==, "abdelrahman");
          glued = TRUE;
        }
    }
  g_assert_true (glued);
  /* the particle is left over, and said so */
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object,
                                                                         "unmatched_query")),
                    ==, 1);

  text = tarmac_name_comparison_describe ((TarmacNameToken *const *) a->pdata, a->len,
                                          (TarmacNameToken *const *) b->pdata, b->len,
                                          &comparison);
  g_assert_nonnull (strstr (text, "hassan"));
  g_assert_nonnull (strstr (text, "ould"));
}

static void
test_compare_hostile (void)
{
  GString *long_name = g_string_new (NULL);

  for (guint i = 0; i < 200; i++)
    g_string_append (long_name, "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz ");

  g_assert_cmpfloat (tarmac_name_compare_strings ("", "Ali", NULL), ==, 0.0);
  g_assert_cmpfloat (tarmac_name_compare_strings ("\xff\xfe", "Ali", NULL), ==, 0.0);
  g_assert_cmpfloat (tarmac_name_compare_strings ("-- ,, ''", "Ali", NULL), ==, 0.0);
  g_assert_cmpfloat (tarmac_name_compare_strings (long_name->str, long_name->str, NULL), ==,
                     1.0);
  g_string_free (long_name, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/screen/name/casefold", test_casefold);
  g_test_add_func ("/screen/name/split", test_split);
  g_test_add_func ("/screen/name/cyrillic", test_cyrillic);
  g_test_add_func ("/screen/name/arabic", test_arabic);
  g_test_add_func ("/screen/name/arabic-letters", test_arabic_letters);
  g_test_add_func ("/screen/name/allah", test_allah);
  g_test_add_func ("/screen/name/bare", test_bare);
  g_test_add_func ("/screen/name/readings", test_readings);
  g_test_add_func ("/screen/name/slips", test_slips);
  g_test_add_func ("/screen/name/particles", test_particles);
  g_test_add_func ("/screen/name/phonetic", test_phonetic);
  g_test_add_func ("/screen/name/compare-matches", test_compare_matches);
  g_test_add_func ("/screen/name/compare-middle-names", test_compare_middle_names);
  g_test_add_func ("/screen/name/compare-explains", test_compare_explains);
  g_test_add_func ("/screen/name/compare-hostile", test_compare_hostile);

  return g_test_run ();
}
