/* tarmac-name-families.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-name-families"

#include "config.h"

#include <string.h>

#include "tarmac-name-families.h"

/*
 * Spelling families of frequent given names (research/screening.md §5.3 class 6, §2.3 on
 * name dictionaries). Mohamed, Muhammad, Mamadou, Mahamat and Mehmet are one name written
 * by different traditions; no edit distance or phonetic key relates all of them, so they
 * are listed. Each line is one family: its label first, then Latin spellings as folded
 * by tarmac_translit_token(), then Arabic or Cyrillic spellings. A token found in a family
 * matches every other member, whatever the script.
 *
 * The list is ours, from common usage; it covers the names that fill watchlists and
 * manifests from North and West Africa, the Middle East and the former Soviet Union.
 */
static const char *const families[] = {
  "muhammad mohammed mohamed mohammad mohamad muhammed muhamad mohamud mouhamed mouhamad "
    "mouhammad mouhammed mahamat mahamad mamadou mamadu mehmet mehmed muhamed mohamet mohd "
    "mohammod muhammadu محمد",
  "ahmad ahmed ahmet ahamed ahmadou ahmadu ahmat أحمد",
  "mahmoud mahmud mahmood mahmut محمود",
  "mustafa mustapha moustapha mostafa moustafa mostapha mustafah مصطفى",
  "abdullah abdallah abdulla abdalla abdoulaye abdullahi abdellah abdollah abdallahi "
    "abdalah abdulahi عبدالله",
  "abdulrahman abdelrahman abderrahmane abdurrahman abdourahmane abderahmane abdirahman "
    "abdulrahmane abdurahman abdourahman عبدالرحمن",
  "abdulkadir abdelkader abdulqadir abdelkadir abdoulkader abdulkader abdikadir abdulqader "
    "عبدالقادر",
  "abdulaziz abdelaziz abdoulaziz abdulazeez عبدالعزيز",
  "abdulkarim abdelkrim abdoulkarim abdelkarim abdulkareem عبدالكريم",
  "abdulhamid abdelhamid abdoulhamid عبدالحميد",
  "abdulmalik abdelmalek abdulmalek abdelmalik عبدالملك",
  "ali aly alee علي",
  /* the name of God in compound names: Hidayat Ullah, Nasr Allah, Abd Ellah */
  "allah ullah ulla ollah ellah oullah الله اللہ",
  "umar omar omer oumar umaru omaru عمر",
  "uthman osman usman othman ousmane ousman usmane osmane outhman ousmani عثمان",
  "ibrahim ibrahima ebrahim brahim ibraheem ibrahime إبراهيم",
  "ismail ismael ismaila esmail ismayil ismaeel إسماعيل",
  "yusuf youssef yousef yussuf youssouf yousouf yusif yousif yosef yossef yousuf يوسف",
  "musa moussa mousa moussah muusa موسى",
  "isa issa eissa aissa عيسى",
  "hasan hassan hassane hacen حسن",
  "husayn hussein husein hussain hossein hocine houssein husain hussien houssain حسين",
  "khalid khaled halid khaleed خالد",
  "said saeed saeid sayed saied سعيد",
  "salih saleh salehe صالح",
  "abubakar abubakr aboubakar aboubacar aboubakr boubacar abubakari boubakar أبوبكر",
  "yahya yahia yehia yaya yahaya يحيى",
  "sulayman suleiman sulaiman souleymane suleyman soulaymane sliman slimane souleiman "
    "سليمان",
  "jamal gamal djamel jamel djamal جمال",
  "nasir nasser naser nacer ناصر",
  "hamza hamzah hamzat حمزة",
  "idris idriss idrissa driss إدريس",
  "yaqub yacoub yakub yacub yacouba yakubu yaakoub يعقوب",
  "fatima fatimah fatoumata fatma fatouma fatumata fadimata فاطمة",
  "aisha aicha aissatou aishatu aysha ayesha aichatou عائشة",
  "khadija khadidja kadiatou khadijah hadiza khadidiatou خديجة",
  "maryam mariam mariama meryem myriam مريم",
  "zaynab zainab zeinab zeynab زينب",
  "anwar anouar anuar أنور",
  "tariq tarek tarik tareq طارق",
  "walid waleed oualid وليد",
  "rashid rachid rasheed rached راشد رشيد",
  "sayf saif seif سيف",
  "faysal faisal faycal فيصل",
  "hamid hamed حامد",
  "jafar jaafar djafar جعفر",
  "nur nour noor نور",
  "habib habibou حبيب",
  "karim kareem كريم",
  "yasin yassin yassine yaseen ياسين",
  "bilal belal بلال",
  "zakariya zakaria zakariyya zakariyah zacharie زكريا",
  "ayman aymen eymen أيمن",
  "amir ameer emir أمير",
  "ayyub ayub ayoub eyup أيوب",
  "bashir bachir beshir بشير",
  "mansur mansour mansoor منصور",
  "nikolay nikolai nicolai nikolaj николай",
  "sergey sergei serguei sergej sergiy сергей",
  "aleksandr alexander aleksander alexandre alexandr александр",
  "yuriy yuri yury iurii youri юрий",
  "dmitriy dmitri dmitry dmitrii dimitri дмитрий",
  "mikhail michail mikhael михаил",
  "vladimir wladimir владимир",
};

/* Arabic spellings differ in hamza seats, alif maqsura and ta marbuta, and in harakat:
 * fold those away so أحمد and احمد, فاطمة and فاطمه are one key. */
static char *
arabic_lookup_key (const char *token)
{
  GString *out = g_string_new (NULL);

  for (const char *p = token; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c >= 0x064B && c <= 0x065F) || c == 0x0670 || c == 0x0640)
        continue;
      if (c == 0x0623 || c == 0x0625 || c == 0x0622 || c == 0x0671)
        c = 0x0627;
      else if (c == 0x0649)
        c = 0x064A;
      else if (c == 0x0629)
        c = 0x0647;
      else if (c == 0x06CC)
        c = 0x064A;
      else if (c == 0x06A9)
        c = 0x0643;
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static GHashTable *
build_index (void)
{
  GHashTable *index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (families); i++)
    {
      g_auto(GStrv) words = g_strsplit (families[i], " ", -1);

      for (guint j = 0; words[j] != NULL; j++)
        {
          char *key;

          if (words[j][0] == '\0')
            continue;
          key = (guchar) words[j][0] >= 0x80 ? arabic_lookup_key (words[j])
                                               : g_strdup (words[j]);
          if (!g_hash_table_contains (index, key))
            g_hash_table_insert (index, key, GUINT_TO_POINTER (i + 1));
          else
            g_free (key);
        }
    }
  return index;
}

static GHashTable *
get_index (void)
{
  static gsize once = 0;
  static GHashTable *index = NULL;

  if (g_once_init_enter (&once))
    {
      index = build_index ();
      g_once_init_leave (&once, 1);
    }
  return index;
}

/**
 * tarmac_name_family:
 * @token: the case-folded token as written (any script)
 * @folded: its first Latin form
 *
 * Returns: the family @token belongs to (1 or more), or 0
 */
guint
tarmac_name_family (const char *token,
                    const char *folded)
{
  GHashTable *index = get_index ();
  guint family = 0;

  if (folded != NULL && folded[0] != '\0')
    family = GPOINTER_TO_UINT (g_hash_table_lookup (index, folded));
  if (family == 0 && token != NULL && (guchar) token[0] >= 0x80)
    {
      g_autofree char *key = arabic_lookup_key (token);

      family = GPOINTER_TO_UINT (g_hash_table_lookup (index, key));
    }
  return family;
}

/**
 * tarmac_name_family_label:
 * @family: a family from tarmac_name_family()
 *
 * Returns: the family's label, its usual English spelling ("muhammad"), or %NULL
 */
const char *
tarmac_name_family_label (guint family)
{
  static char *labels[G_N_ELEMENTS (families)];
  static gsize once = 0;

  if (family == 0 || family > G_N_ELEMENTS (families))
    return NULL;
  if (g_once_init_enter (&once))
    {
      for (guint i = 0; i < G_N_ELEMENTS (families); i++)
        labels[i] = g_strndup (families[i], strcspn (families[i], " "));
      g_once_init_leave (&once, 1);
    }
  return labels[family - 1];
}
