/* tarmac-name-compare.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-name-compare"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "tarmac-name-compare-private.h"
#include "tarmac-name-families.h"
#include "tarmac-phonetic.h"
#include "tarmac-translit-private.h"

/*
 * The name comparator (research/screening.md §6.4): one-to-one alignment of the tokens of
 * two names, in any order, each aligned pair scored by the best of several token
 * similarities, weighted by how rare the tokens are.
 *
 *  - Token similarity: the same word (1), the same after transliteration (1), one name
 *    family (0.93), one phonetic key (0.90), one consonant skeleton (0.88 across scripts
 *    or against a word written without vowels, Mhmd, whose consonants are all it says;
 *    0.72 within Latin, where Mahmoud and Mohamed share one; a Latin word's skeleton may be
 *    read the Spanish or Portuguese way, Jasan = حسن), or a few edits within a
 *    budget that grows with length and is zero for words of three letters or less ("fails
 *    closed" on short words, as OpenSanctions' matcher does).
 *  - Segmentation: a run of two or three adjacent tokens glued together may align with one
 *    token of the other name ("abd al rahman" ↔ "abdelrahman", "al sabah" ↔ "alsabah").
 *  - Alignment: greedy on the best pairs first, each token used once (watchman's best
 *    pairs; with at most a dozen tokens the greedy choice is the optimal one in practice).
 *  - Score: the weighted mean credit of the aligned pairs (their similarity, falling
 *    faster below 0.9), where a token of the first
 *    name left over costs 0.6 of its weight and one of the second name 0.25 — a passenger
 *    whose list entry lacks a middle name still matches; a list name missing half of the
 *    passenger's name does not. The second name's middle names (between its first and last
 *    tokens, both aligned) cost 0.2: manifests often give only a given name and a surname
 *    ("Sher Khan" for Sher Mohammad Abbas Stanekzai Padshah Khan).
 */

#define MIN_PAIR_SIMILARITY 0.6f
#define UNMATCHED_A_COST    0.6
#define UNMATCHED_B_COST    0.25
#define UNMATCHED_MIDDLE_COST 0.2
#define MAX_SPAN            3
#define MAX_FUZZY_LENGTH    48
/* Every pair of single tokens, and every run of two or three tokens of one name (at most
 * 2 × (n − 1)) against every single token of the other, on both sides. */
#define MAX_PAIR_CANDIDATES (TARMAC_NAME_MAX_TOKENS * TARMAC_NAME_MAX_TOKENS + \
                             2 * 2 * (TARMAC_NAME_MAX_TOKENS - 1) * TARMAC_NAME_MAX_TOKENS)

static float
jaro_winkler (const char *s,
              gsize       ls,
              const char *t,
              gsize       lt)
{
  /* Which letters are matched, as bits: MAX_FUZZY_LENGTH fits in 64. */
  guint64 s_match = 0, t_match = 0;
  gsize window, matches = 0, transpositions = 0, prefix = 0, k = 0;
  float jaro;

  G_STATIC_ASSERT (MAX_FUZZY_LENGTH <= 64);

  if (ls == 0 || lt == 0)
    return 0.0f;
  ls = MIN (ls, MAX_FUZZY_LENGTH);
  lt = MIN (lt, MAX_FUZZY_LENGTH);

  window = MAX (ls, lt) / 2;
  window = window > 0 ? window - 1 : 0;

  for (gsize i = 0; i < ls; i++)
    {
      gsize lo = i > window ? i - window : 0;
      gsize hi = MIN (i + window + 1, lt);

      for (gsize j = lo; j < hi; j++)
        if (!(t_match & (G_GUINT64_CONSTANT (1) << j)) && s[i] == t[j])
          {
            s_match |= G_GUINT64_CONSTANT (1) << i;
            t_match |= G_GUINT64_CONSTANT (1) << j;
            matches++;
            break;
          }
    }
  if (matches == 0)
    return 0.0f;

  for (gsize i = 0; i < ls; i++)
    if (s_match & (G_GUINT64_CONSTANT (1) << i))
      {
        while (!(t_match & (G_GUINT64_CONSTANT (1) << k)))
          k++;
        if (s[i] != t[k])
          transpositions++;
        k++;
      }

  jaro = ((float) matches / ls + (float) matches / lt +
          (float) (matches - transpositions / 2) / matches) / 3.0f;

  while (prefix < 4 && prefix < ls && prefix < lt && s[prefix] == t[prefix])
    prefix++;

  return jaro > 0.7f ? jaro + prefix * 0.1f * (1.0f - jaro) : jaro;
}

/* Optimal string alignment distance (Levenshtein plus adjacent transpositions), or
 * @limit + 1 as soon as it is sure to exceed @limit: a cell is at least the smallest of
 * the row above it or of the row two above plus one, so once two rows in a row are all
 * over @limit, every later row is too. */
static guint
osa_distance (const char *s,
              gsize       ls,
              const char *t,
              gsize       lt,
              guint       limit)
{
  guint rows[3][MAX_FUZZY_LENGTH + 1];
  guint *prev2 = rows[0], *prev = rows[1], *cur = rows[2];
  guint prev_min = 0;

  ls = MIN (ls, MAX_FUZZY_LENGTH);
  lt = MIN (lt, MAX_FUZZY_LENGTH);

  if ((ls > lt ? ls - lt : lt - ls) > limit)
    return limit + 1;

  for (gsize j = 0; j <= lt; j++)
    prev[j] = j;

  for (gsize i = 1; i <= ls; i++)
    {
      guint *tmp;
      guint row_min;

      cur[0] = i;
      row_min = i;
      for (gsize j = 1; j <= lt; j++)
        {
          guint cost = s[i - 1] == t[j - 1] ? 0 : 1;
          guint best = MIN (prev[j] + 1, cur[j - 1] + 1);

          best = MIN (best, prev[j - 1] + cost);
          if (i > 1 && j > 1 && s[i - 1] == t[j - 2] && s[i - 2] == t[j - 1])
            best = MIN (best, prev2[j - 2] + 1);
          cur[j] = best;
          row_min = MIN (row_min, best);
        }
      if (row_min > limit && prev_min > limit)
        return limit + 1;
      prev_min = row_min;
      tmp = prev2;
      prev2 = prev;
      prev = cur;
      cur = tmp;
    }

  return MIN (prev[lt], limit + 1);
}

/* Slips of the hand and of the eye (research/screening.md §5.3 class 7): a finger one key
 * off on its row of a QWERTY keyboard, and the shapes OCR of a scanned page or an MRZ
 * takes for one another. Such a substitution costs half an edit; OCR's "rn" for "m", "cl"
 * for "d" and "vv" for "w" one edit, not two. */
static const char *const keyboard_rows[] = { "qwertyuiop", "asdfghjkl", "zxcvbnm" };
static const char *const ocr_confusions[] = { "il", "uv", "oc", "ec", "hb" };
static const char *const ocr_pairs[][2] = { { "rn", "m" }, { "cl", "d" }, { "vv", "w" } };

typedef struct
{
  guint32 confusable[26];  /* letter a..z → the letters it is half an edit from, as bits */
  guint64 reach[64];       /* for the bounds: byte & 63 → every byte & 63 a slip relates it to */
} Slips;

static void
add_slip (Slips *slips,
          char   a,
          char   b,
          gboolean substitution)
{
  if (substitution)
    {
      slips->confusable[a - 'a'] |= 1u << (b - 'a');
      slips->confusable[b - 'a'] |= 1u << (a - 'a');
    }
  slips->reach[(guchar) a & 63] |= G_GUINT64_CONSTANT (1) << ((guchar) b & 63);
  slips->reach[(guchar) b & 63] |= G_GUINT64_CONSTANT (1) << ((guchar) a & 63);
}

static const Slips *
get_slips (void)
{
  static Slips slips;
  static gsize ready = 0;

  if (g_once_init_enter (&ready))
    {
      for (guint r = 0; r < G_N_ELEMENTS (keyboard_rows); r++)
        for (const char *k = keyboard_rows[r]; k[1] != '\0'; k++)
          add_slip (&slips, k[0], k[1], TRUE);
      for (guint i = 0; i < G_N_ELEMENTS (ocr_confusions); i++)
        add_slip (&slips, ocr_confusions[i][0], ocr_confusions[i][1], TRUE);
      /* A two-letter shape costs one edit for two letters: half an edit each, as far as
       * the bounds know. */
      for (guint i = 0; i < G_N_ELEMENTS (ocr_pairs); i++)
        for (const char *k = ocr_pairs[i][0]; *k != '\0'; k++)
          add_slip (&slips, *k, ocr_pairs[i][1][0], FALSE);
      g_once_init_leave (&ready, 1);
    }
  return &slips;
}

/**
 * _tarmac_name_slip_reach:
 * @letters: a set of bytes, bit b & 63 for byte b (TarmacNameToken's form_letters)
 *
 * Returns: the bytes one keying or OCR slip away from one of @letters, as the same bits
 */
guint64
_tarmac_name_slip_reach (guint64 letters)
{
  const Slips *slips = get_slips ();
  guint64 reach = 0;

  for (guint b = 0; b < 64; b++)
    if (letters & (G_GUINT64_CONSTANT (1) << b))
      reach |= slips->reach[b];
  return reach;
}

/* In half edits: 0 for the same letter, 1 for a slip, 2 otherwise. */
static inline guint
substitution_cost (const Slips *slips,
                   char         a,
                   char         b)
{
  if (a == b)
    return 0;
  if (a >= 'a' && a <= 'z' && b >= 'a' && b <= 'z' &&
      (slips->confusable[a - 'a'] >> (b - 'a')) & 1)
    return 1;
  return 2;
}

/* Whether @x @y is a shape OCR reads as @z ("rn" for "m"). */
static inline gboolean
reads_as (char x,
          char y,
          char z)
{
  for (guint i = 0; i < G_N_ELEMENTS (ocr_pairs); i++)
    if (ocr_pairs[i][0][0] == x && ocr_pairs[i][0][1] == y && ocr_pairs[i][1][0] == z)
      return TRUE;
  return FALSE;
}

/* osa_distance() in half edits, with the slips above: a substitution of letters a slip
 * confuses costs 1, any other edit 2, and OCR's two letters for one (either way) 2. The
 * same early stop holds: every operation reads the row above (at any cost) or the row
 * two above (at cost 2), so a row is at least the smaller of those two rows' minimums. */
static guint
typo_distance (const char *s,
               gsize       ls,
               const char *t,
               gsize       lt,
               guint       limit)
{
  const Slips *slips = get_slips ();
  guint rows[3][MAX_FUZZY_LENGTH + 1];
  guint *prev2 = rows[0], *prev = rows[1], *cur = rows[2];
  guint prev_min = 0;

  ls = MIN (ls, MAX_FUZZY_LENGTH);
  lt = MIN (lt, MAX_FUZZY_LENGTH);

  if (2 * (ls > lt ? ls - lt : lt - ls) > limit)
    return limit + 1;

  for (gsize j = 0; j <= lt; j++)
    prev[j] = 2 * j;

  for (gsize i = 1; i <= ls; i++)
    {
      guint *tmp;
      guint row_min;

      cur[0] = 2 * i;
      row_min = cur[0];
      for (gsize j = 1; j <= lt; j++)
        {
          guint best = MIN (prev[j] + 2, cur[j - 1] + 2);

          best = MIN (best, prev[j - 1] + substitution_cost (slips, s[i - 1], t[j - 1]));
          if (i > 1 && j > 1 && s[i - 1] == t[j - 2] && s[i - 2] == t[j - 1])
            best = MIN (best, prev2[j - 2] + 2);
          if (i > 1 && reads_as (s[i - 2], s[i - 1], t[j - 1]))
            best = MIN (best, prev2[j - 1] + 2);
          if (j > 1 && reads_as (t[j - 2], t[j - 1], s[i - 1]))
            best = MIN (best, prev[j - 2] + 2);
          cur[j] = best;
          row_min = MIN (row_min, best);
        }
      if (row_min > limit && prev_min > limit)
        return limit + 1;
      prev_min = row_min;
      tmp = prev2;
      prev2 = prev;
      prev = cur;
      cur = tmp;
    }

  return MIN (prev[lt], limit + 1);
}

/* How many edits a word of this length may take and still be the same name. */
static guint
edit_budget (gsize length)
{
  if (length <= 3)
    return 0;
  if (length <= 5)
    return 1;
  if (length <= 9)
    return 2;
  return 3;
}

/* The spelling similarity of two forms (tests call it to check
 * _tarmac_name_fuzzy_bound()). */
float
_tarmac_name_fuzzy_similarity (const char *s,
                               const char *t)
{
  gsize ls = strlen (s), lt = strlen (t);
  float jw;
  guint distance, budget;

  if (ls == 0 || lt == 0)
    return 0.0f;

  jw = jaro_winkler (s, ls, t, lt);
  if (jw < 0.6f)
    return jw * 0.75f;

  /* In half edits: a keying or OCR slip is half an edit (typo_distance()). */
  budget = 2 * edit_budget (MIN (ls, lt));
  distance = typo_distance (s, ls, t, lt, budget);
  if (distance > budget)
    return jw * 0.75f;

  return (jw + (1.0f - (float) distance / (2 * MAX (ls, lt)))) / 2.0f;
}

/* The bits set in @x, without the library call that __builtin_popcountll() is on the
 * baseline x86-64 instruction set. */
static inline gsize
count_bits (guint64 x)
{
  x = x - ((x >> 1) & G_GUINT64_CONSTANT (0x5555555555555555));
  x = (x & G_GUINT64_CONSTANT (0x3333333333333333)) +
      ((x >> 2) & G_GUINT64_CONSTANT (0x3333333333333333));
  x = (x + (x >> 4)) & G_GUINT64_CONSTANT (0x0f0f0f0f0f0f0f0f);
  return (gsize) ((x * G_GUINT64_CONSTANT (0x0101010101010101)) >> 56);
}

static guint64
letter_set (const char *s,
            gsize       ls)
{
  guint64 set = 0;

  for (gsize i = 0; i < ls; i++)
    set |= G_GUINT64_CONSTANT (1) << ((guchar) s[i] & 63);
  return set;
}

/* An upper bound of _tarmac_name_fuzzy_similarity (@s, @t) from which letters the two
 * words share, far cheaper than the similarity itself (@ls and @lt are their lengths,
 * @s_letters and @t_letters their byte sets, as tarmac-name.c measures them; of @s and @t
 * only the first four bytes are read, so a token's form_heads will do). Why it is one:
 *
 *  - Jaro–Winkler matches a letter of @s only with an equal letter of @t, so its matches
 *    m are at most the letters of @s found anywhere in @t, and at most those of @t found
 *    in @s; each letter @s has and @t lacks takes one place of @s at least, so m ≤ |s| −
 *    (how many such letters), likewise for @t (counted on the byte sets, where two letters
 *    sharing a bit only lower the count); then Jaro ≤ (m/|s| + m/|t| + 1)/3 (the
 *    transposition term is at most 1), and
 *    the Winkler boost grows with Jaro, so Jaro–Winkler is at most the boost of that bound
 *    with the words' true common prefix;
 *  - every letter of @s that @t lacks must be replaced or deleted, every letter of @t
 *    that @s lacks inserted or replaced (a transposition moves letters both words have),
 *    each at a cost of one edit, or half an edit when a slip relates it to a letter the
 *    other word has (its reach: a confusable substitution costs half an edit, and OCR's
 *    two letters for one an edit for two letters), and lengths that differ by d take d
 *    insertions or two-for-ones, one edit each: typo_distance() is at least the largest
 *    of these sums (counted on the byte sets, in half edits);
 *  - the similarity is 0.75 × Jaro–Winkler when the distance exceeds the budget, else
 *    the mean of Jaro–Winkler and 1 − distance / length: both grow with Jaro–Winkler and
 *    fall with the distance.
 *
 * Words longer than MAX_FUZZY_LENGTH (compared on their first letters) have no bound but
 * 1. A small margin covers the rounding of floats. tests/test-screen-name.c checks
 * the bound against the similarity on many pairs of words. */
static inline float
fuzzy_bound (const char *s,
             gsize       ls,
             guint64     s_letters,
             guint64     s_reach,
             const char *t,
             gsize       lt,
             guint64     t_letters,
             guint64     t_reach)
{
  gsize in_t, in_s, matches, prefix = 0, least, s_only, t_only;
  float jaro, jw, bound;

  if (ls == 0 || lt == 0)
    return 0.0f;
  if (ls > MAX_FUZZY_LENGTH || lt > MAX_FUZZY_LENGTH)
    return 1.0f;

  /* At most the places of @s holding a letter that @t has, and of @t one @s has. */
  in_t = ls - MIN (ls, count_bits (s_letters & ~t_letters));
  in_s = lt - MIN (lt, count_bits (t_letters & ~s_letters));
  matches = MIN (in_t, in_s);
  if (matches == 0)
    return 0.0f;

  jaro = ((float) matches / ls + (float) matches / lt + 1.0f) / 3.0f;
  while (prefix < 4 && prefix < ls && prefix < lt && s[prefix] == t[prefix])
    prefix++;
  jw = jaro > 0.7f ? jaro + prefix * 0.1f * (1.0f - jaro) : jaro;

  /* In half edits: each letter one word lacks costs 2, or 1 when a slip relates it to a
   * letter the word has (its reach). */
  s_only = count_bits (s_letters & ~t_letters);
  t_only = count_bits (t_letters & ~s_letters);
  least = MAX (2 * s_only - count_bits (s_letters & ~t_letters & t_reach),
               2 * t_only - count_bits (t_letters & ~s_letters & s_reach));
  least = MAX (least, 2 * (ls > lt ? ls - lt : lt - ls));
  if (least > 2 * edit_budget (MIN (ls, lt)))
    bound = jw * 0.75f;
  else
    bound = MAX (jw * 0.75f, (jw + (1.0f - (float) least / (2 * MAX (ls, lt)))) / 2.0f);

  return bound + 1e-4f;
}

/**
 * _tarmac_name_fuzzy_bound:
 * @s: a form
 * @t: another
 *
 * The comparator's cheap bound (fuzzy_bound() above) on two words as written, for tests.
 *
 * Returns: a number at least _tarmac_name_fuzzy_similarity (@s, @t)
 */
float
_tarmac_name_fuzzy_bound (const char *s,
                          const char *t)
{
  gsize ls = strlen (s), lt = strlen (t);

  guint64 s_letters = letter_set (s, ls), t_letters = letter_set (t, lt);

  return fuzzy_bound (s, ls, s_letters, _tarmac_name_slip_reach (s_letters), t, lt, t_letters,
                      _tarmac_name_slip_reach (t_letters));
}

/* Whether a token's vowels are unknown, so that its skeleton is all there is to compare:
 * another script, or Latin letters without vowels (Mhmd). */
static gboolean
is_foreign (const TarmacNameToken *token)
{
  return token->script != TARMAC_SCRIPT_LATIN || (token->flags & TARMAC_NAME_TOKEN_BARE);
}

/* Whether one word's skeleton is the other's read by another convention (a Spanish j for
 * خ or ح, a Portuguese x for ش, a Persian ث said s: tarmac-translit.c), either way. */
static gboolean
shares_reading (const TarmacNameToken *a,
                const TarmacNameToken *b)
{
  for (guint i = 0; i < a->n_readings; i++)
    if (a->readings[i][0] != '\0' && a->readings[i][1] != '\0' &&
        g_str_equal (a->readings[i], b->skeleton))
      return TRUE;
  for (guint j = 0; j < b->n_readings; j++)
    if (b->readings[j][0] != '\0' && b->readings[j][1] != '\0' &&
        g_str_equal (b->readings[j], a->skeleton))
      return TRUE;
  return FALSE;
}

/* shares_reading() by the hashes: keys that differ in hash differ. */
static gboolean
may_share_reading (const TarmacNameToken *a,
                   const TarmacNameToken *b)
{
  for (guint i = 0; i < a->n_readings; i++)
    if (a->reading_hashes[i] == b->skeleton_hash)
      return TRUE;
  for (guint j = 0; j < b->n_readings; j++)
    if (b->reading_hashes[j] == a->skeleton_hash)
      return TRUE;
  return FALSE;
}

static float
token_similarity (const TarmacNameToken *a,
                  const TarmacNameToken *b,
                  TarmacTokenMatch      *how)
{
  float best = 0.0f;
  gboolean cross_script = a->script != b->script;

  if (g_str_equal (a->text, b->text))
    {
      *how = TARMAC_TOKEN_MATCH_EXACT;
      return 1.0f;
    }

  for (guint i = 0; i < a->n_forms; i++)
    for (guint j = 0; j < b->n_forms; j++)
      if (a->forms[i][0] != '\0' && g_str_equal (a->forms[i], b->forms[j]))
        {
          *how = cross_script ? TARMAC_TOKEN_MATCH_TRANSLIT : TARMAC_TOKEN_MATCH_EXACT;
          return 1.0f;
        }

  if (a->family != 0 && a->family == b->family)
    {
      *how = TARMAC_TOKEN_MATCH_FAMILY;
      return 0.93f;
    }

  /* Initials: J ↔ John. */
  if ((a->flags & TARMAC_NAME_TOKEN_INITIAL) != (b->flags & TARMAC_NAME_TOKEN_INITIAL))
    {
      if (a->forms[0][0] == b->forms[0][0])
        {
          *how = TARMAC_TOKEN_MATCH_INITIAL;
          return 0.8f;
        }
      return 0.0f;
    }

  if (a->phonetic[0] != '\0' && a->phonetic[1] != '\0' && g_str_equal (a->phonetic, b->phonetic))
    {
      *how = TARMAC_TOKEN_MATCH_PHONETIC;
      best = 0.9f;
    }

  if (best < 0.88f && ((a->skeleton[0] != '\0' && a->skeleton[1] != '\0' &&
                        g_str_equal (a->skeleton, b->skeleton)) ||
                       shares_reading (a, b)))
    {
      float s = (is_foreign (a) || is_foreign (b)) ? 0.88f : 0.72f;

      if (s > best)
        {
          best = s;
          *how = TARMAC_TOKEN_MATCH_SKELETON;
        }
    }

  /* Pairs under MIN_PAIR_SIMILARITY are dropped by every caller, and a spelling only
   * counts when it beats what is found already: a pair of forms whose bound reaches
   * neither is not compared (the bound is cheap; the similarity is not). */
  for (guint i = 0; i < a->n_forms; i++)
    for (guint j = 0; j < b->n_forms; j++)
      {
        float s;

        if (fuzzy_bound (a->form_heads[i], a->form_lengths[i], a->form_letters[i],
                         a->form_reach[i], b->form_heads[j], b->form_lengths[j],
                         b->form_letters[j], b->form_reach[j]) <
            MAX (best, MIN_PAIR_SIMILARITY))
          continue;
        s = _tarmac_name_fuzzy_similarity (a->forms[i], b->forms[j]);
        if (s > best)
          {
            best = s;
            *how = TARMAC_TOKEN_MATCH_FUZZY;
          }
      }

  /* Across scripts the renderings guess the vowels; a skeleton one edit apart on a long
   * name is still evidence. */
  if (best < 0.75f && (is_foreign (a) || is_foreign (b)))
    {
      gsize la = strlen (a->skeleton), lb = strlen (b->skeleton);

      if (MIN (la, lb) >= 4 && osa_distance (a->skeleton, la, b->skeleton, lb, 1) <= 1)
        {
          best = 0.75f;
          *how = TARMAC_TOKEN_MATCH_SKELETON;
        }
    }

  return best;
}

/* An upper bound of token_similarity (@a, @b), cheap: it follows token_similarity() step
 * by step with what tarmac-name.c measured of each form and key. Equal texts have equal
 * forms, and equal forms have equal lengths and byte sets, so without such a pair of
 * forms neither is the same word (1); the family and the initial are tested as there,
 * and when either decides there, it decides here (a family shared is 0.93, an initial
 * 0.8 or nothing); keys with different hashes differ, so neither the phonetic key (0.90)
 * nor the skeleton, nor a reading of one word's skeleton against the other's (0.88 across
 * scripts, 0.72 within Latin) can be shared; a spelling is
 * at most its fuzzy_bound(); across scripts a skeleton one edit away gives 0.75. */
static float
similarity_bound (const TarmacNameToken *a,
                  const TarmacNameToken *b)
{
  gboolean foreign = is_foreign (a) || is_foreign (b);
  float bound = 0.0f;

  for (guint i = 0; i < a->n_forms; i++)
    for (guint j = 0; j < b->n_forms; j++)
      if (a->form_lengths[i] == b->form_lengths[j] && a->form_letters[i] == b->form_letters[j])
        return 1.0f;

  if (a->family != 0 && a->family == b->family)
    return 0.93f;

  if ((a->flags & TARMAC_NAME_TOKEN_INITIAL) != (b->flags & TARMAC_NAME_TOKEN_INITIAL))
    return a->forms[0][0] == b->forms[0][0] ? 0.8f : 0.0f;

  if (a->phonetic_hash == b->phonetic_hash && a->phonetic[0] != '\0' && a->phonetic[1] != '\0')
    bound = 0.9f;
  if ((a->skeleton_hash == b->skeleton_hash && a->skeleton[0] != '\0' &&
       a->skeleton[1] != '\0') || may_share_reading (a, b))
    bound = MAX (bound, foreign ? 0.88f : 0.72f);
  for (guint i = 0; i < a->n_forms; i++)
    for (guint j = 0; j < b->n_forms; j++)
      bound = MAX (bound, fuzzy_bound (a->form_heads[i], a->form_lengths[i], a->form_letters[i],
                                       a->form_reach[i], b->form_heads[j], b->form_lengths[j],
                                       b->form_letters[j], b->form_reach[j]));
  if (foreign)
    bound = MAX (bound, 0.75f);
  return bound;
}

/**
 * tarmac_name_token_weight:
 * @token: a token
 *
 * The weight of @token when nothing is known of how common it is: 1, a particle 0.2, an
 * initial 0.3. The candidate index replaces it with a rarity weight.
 */
float
tarmac_name_token_weight (const TarmacNameToken *token)
{
  if (token->flags & TARMAC_NAME_TOKEN_PARTICLE)
    return 0.2f;
  if (token->flags & TARMAC_NAME_TOKEN_INITIAL)
    return 0.3f;
  return 1.0f;
}

/* A run of tokens glued into one, to align with a single token of the other name. */
static TarmacNameToken *
glue_tokens (TarmacNameToken *const *tokens,
             guint                   first,
             guint                   count)
{
  TarmacNameToken *glued = g_new0 (TarmacNameToken, 1);
  GString *text = g_string_new (NULL);
  GString *form = g_string_new (NULL);
  GString *skeleton = g_string_new (NULL);
  gboolean arabic = TRUE;

  for (guint i = first; i < first + count; i++)
    {
      g_string_append (text, tokens[i]->text);
      g_string_append (form, tokens[i]->forms[0]);
      arabic &= tokens[i]->script == TARMAC_SCRIPT_ARABIC;
    }

  glued->script = tokens[first]->script;
  glued->text = g_string_free (text, FALSE);
  glued->forms[0] = g_string_free (form, FALSE);
  glued->n_forms = 1;
  if (arabic)
    {
      for (guint i = first; i < first + count; i++)
        g_string_append (skeleton, tokens[i]->skeleton);
      glued->skeleton = g_string_free (skeleton, FALSE);
    }
  else
    {
      g_string_free (skeleton, TRUE);
      glued->skeleton = _tarmac_translit_latin_skeleton (glued->forms[0]);
    }
  glued->phonetic = tarmac_phonetic_key (glued->forms[0]);
  glued->family = tarmac_name_family (glued->text, glued->forms[0]);
  _tarmac_name_token_measure_forms (glued);

  return glued;
}

typedef struct
{
  TarmacNamePair pair;
  float          weight;
} Candidate;

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const Candidate *x = a, *y = b;
  guint span_x = x->pair.a_count + x->pair.b_count;
  guint span_y = y->pair.a_count + y->pair.b_count;

  if (x->pair.similarity != y->pair.similarity)
    return x->pair.similarity > y->pair.similarity ? -1 : 1;
  if (span_x != span_y)
    return span_x > span_y ? -1 : 1;
  if (x->pair.a_first != y->pair.a_first)
    return x->pair.a_first < y->pair.a_first ? -1 : 1;
  return x->pair.b_first < y->pair.b_first ? -1 : (x->pair.b_first > y->pair.b_first);
}

static int
compare_candidates_data (gconstpointer a,
                         gconstpointer b,
                         gpointer      user_data)
{
  return compare_candidates (a, b);
}

/* A stable sort (ties keep their order, as they did with g_array_sort()): by insertion
 * for the few pairs of usual names, without the allocation a merge sort makes. */
static void
sort_candidates (Candidate *candidates,
                 guint      n)
{
  if (n > 32)
    {
      g_qsort_with_data (candidates, n, sizeof (Candidate), compare_candidates_data, NULL);
      return;
    }
  for (guint i = 1; i < n; i++)
    {
      Candidate moving = candidates[i];
      guint j = i;

      while (j > 0 && compare_candidates (&candidates[j - 1], &moving) > 0)
        {
          candidates[j] = candidates[j - 1];
          j--;
        }
      candidates[j] = moving;
    }
}

static float
span_weight (const float *weights,
             guint        first,
             guint        count)
{
  float sum = 0.0f;

  for (guint i = first; i < first + count; i++)
    sum += weights[i];
  return sum;
}

static guint32
span_mask (guint first,
           guint count)
{
  return ((1u << count) - 1u) << first;
}

/* What an aligned pair adds to the score. Below 0.9 a pair is doubtful (one consonant
 * skeleton for Mahmoud and Mohamed, an initial), and its credit falls twice as fast, so
 * that one doubtful token next to an exact one stays under the alert bands. */
static double
pair_credit (float similarity)
{
  if (similarity >= 0.9f)
    return similarity;
  return MAX (0.0, 2.0 * similarity - 0.9);
}

/* Whether a run of tokens starting with @head, @glued_len bytes long with no piece longer
 * than @longest, is worth gluing to align with @single: only when the run's first letter
 * is the token's, and lengths are comparable: gluing is for segmentation, not for
 * inventing matches. */
static inline gboolean
may_glue (const TarmacNameToken *head,
          gsize                  glued_len,
          gsize                  longest,
          const TarmacNameToken *single)
{
  gsize len = single->form_lengths[0];

  if (head->form_initial != single->form_initial &&
      head->skeleton_initial != single->skeleton_initial)
    return FALSE;
  if (glued_len * 10 < len * 6 || glued_len * 6 > len * 10)
    return FALSE;
  /* Only a word longer than each piece can be the pieces written together. */
  return len >= 5 && len > longest;
}

/* Whether the run's glued forms[0] (or, with @text, its glued text) is @word. */
static gboolean
run_spells (TarmacNameToken *const *runs,
            guint                   first,
            guint                   count,
            gboolean                text,
            const char             *word)
{
  for (guint i = first; i < first + count; i++)
    {
      const char *piece = text ? runs[i]->text : runs[i]->forms[0];
      gsize length = text ? strlen (piece) : runs[i]->form_lengths[0];

      if (strncmp (word, piece, length) != 0)
        return FALSE;
      word += length;
    }
  return *word == '\0';
}

/* An upper bound of token_similarity (glue_tokens (@runs, @first, @count), @single),
 * without gluing: 1 if the glued text or form is one of @single's; else the glued word
 * may still share @single's name family (0.93, only if @single has one), phonetic key
 * (0.90), consonant skeleton (0.88 at most, or 0.75 a skeleton one edit away across
 * scripts), or be a close spelling of one of its forms (fuzzy_bound() on the glued
 * form's length and letters, and its first four letters for the common prefix). */
static float
glued_bound (TarmacNameToken *const *runs,
             guint                   first,
             guint                   count,
             gsize                   glued_len,
             const TarmacNameToken  *single)
{
  char head[5] = { 0 };
  gsize head_len = 0;
  guint64 letters = 0, reach = 0;
  float bound = single->family != 0 ? 0.93f : 0.9f;

  if (run_spells (runs, first, count, TRUE, single->text))
    return 1.0f;
  for (guint j = 0; j < single->n_forms; j++)
    if (glued_len > 0 && run_spells (runs, first, count, FALSE, single->forms[j]))
      return 1.0f;

  for (guint i = first; i < first + count; i++)
    {
      letters |= runs[i]->form_letters[0];
      reach |= runs[i]->form_reach[0];
      for (gsize k = 0; k < runs[i]->form_lengths[0] && head_len < 4; k++)
        head[head_len++] = runs[i]->form_heads[0][k];
    }
  /* fuzzy_bound() reads no more of the glued form than its first four letters. */
  for (guint j = 0; j < single->n_forms; j++)
    bound = MAX (bound, fuzzy_bound (head, glued_len, letters, reach, single->form_heads[j],
                                     single->form_lengths[j], single->form_letters[j],
                                     single->form_reach[j]));
  return bound;
}

/* For the bound of tarmac_name_compare(): raises @best_runs (per token of the runs' name)
 * and @best_singles to the bound of every glued pair add_glued_candidates() could make. */
static void
bound_glued_candidates (TarmacNameToken *const *runs,
                        guint                   n_runs,
                        TarmacNameToken *const *singles,
                        guint                   n_singles,
                        float                  *best_runs,
                        float                  *best_singles)
{
  guint eligible[TARMAC_NAME_MAX_TOKENS], n_eligible = 0;
  guint64 form_initials = 0, skeleton_initials = 0;

  /* may_glue() takes a word of five letters or more, starting as the run does (its
   * initials as 64 bits: sharing a bit only lets more runs through to may_glue()). */
  for (guint t = 0; t < n_singles; t++)
    if (singles[t]->form_lengths[0] >= 5)
      {
        eligible[n_eligible++] = t;
        form_initials |= G_GUINT64_CONSTANT (1) << ((guchar) singles[t]->form_initial & 63);
        skeleton_initials |= G_GUINT64_CONSTANT (1) <<
                             ((guchar) singles[t]->skeleton_initial & 63);
      }
  if (n_eligible == 0)
    return;

  for (guint first = 0; first + 1 < n_runs; first++)
    {
      gsize glued_len = runs[first]->form_lengths[0], longest = glued_len;

      if (!((form_initials >> ((guchar) runs[first]->form_initial & 63)) & 1) &&
          !((skeleton_initials >> ((guchar) runs[first]->skeleton_initial & 63)) & 1))
        continue;

      for (guint count = 2; count <= MAX_SPAN && first + count <= n_runs; count++)
        {
          glued_len += runs[first + count - 1]->form_lengths[0];
          longest = MAX (longest, runs[first + count - 1]->form_lengths[0]);

          for (guint e = 0; e < n_eligible; e++)
            {
              guint t = eligible[e];
              float bound;

              if (!may_glue (runs[first], glued_len, longest, singles[t]))
                continue;
              bound = glued_bound (runs, first, count, glued_len, singles[t]);
              if (bound < MIN_PAIR_SIMILARITY)
                continue;
              for (guint i = first; i < first + count; i++)
                best_runs[i] = MAX (best_runs[i], bound);
              best_singles[t] = MAX (best_singles[t], bound);
            }
        }
    }
}

/* Glued runs of one name against single tokens of the other (see may_glue()). */
static void
add_glued_candidates (TarmacNameToken *const *runs,
                      const float            *run_weights,
                      guint                   n_runs,
                      TarmacNameToken *const *singles,
                      const float            *single_weights,
                      guint                   n_singles,
                      gboolean                runs_are_a,
                      Candidate              *candidates,
                      guint                  *n_candidates)
{
  for (guint first = 0; first + 1 < n_runs; first++)
    for (guint count = 2; count <= MAX_SPAN && first + count <= n_runs; count++)
      {
        g_autoptr(TarmacNameToken) glued = NULL;
        gsize glued_len = 0, longest = 0;

        for (guint i = first; i < first + count; i++)
          {
            gsize piece = runs[i]->form_lengths[0];

            glued_len += piece;
            longest = MAX (longest, piece);
          }

        for (guint t = 0; t < n_singles; t++)
          {
            TarmacTokenMatch how = TARMAC_TOKEN_MATCH_FUZZY;
            Candidate candidate;
            float similarity;

            if (!may_glue (runs[first], glued_len, longest, singles[t]))
              continue;

            if (glued == NULL)
              glued = glue_tokens (runs, first, count);
            similarity = token_similarity (glued, singles[t], &how);
            if (similarity < MIN_PAIR_SIMILARITY)
              continue;

            memset (&candidate, 0, sizeof candidate);
            if (runs_are_a)
              {
                candidate.pair.a_first = first;
                candidate.pair.a_count = count;
                candidate.pair.b_first = t;
                candidate.pair.b_count = 1;
              }
            else
              {
                candidate.pair.a_first = t;
                candidate.pair.a_count = 1;
                candidate.pair.b_first = first;
                candidate.pair.b_count = count;
              }
            candidate.pair.how = how;
            candidate.pair.similarity = similarity;
            candidate.weight = (span_weight (run_weights, first, count) +
                                single_weights[t]) / 2.0f;
            candidates[(*n_candidates)++] = candidate;
          }
      }
}

/* Whether tarmac_name_compare() must score under @floor, given for each token of either
 * name an upper bound of the similarity of its best possible pair (@best_a, @best_b; 0
 * when it can have none):
 *
 * A score is N / D over the aligned pairs and the tokens left over. Split each pair's
 * weight, (sum of its tokens' weights) / 2, among its tokens: a token aligned with credit
 * c puts w/2 × c into N and w/2 into D; one left over puts nothing into N and 0.6 w (first
 * name) or 0.25 w (second) into D. So N − floor × D is a sum over tokens of what each
 * puts in, and N / D ≥ floor needs that sum ≥ 0. A token can do no better than the
 * larger of w/2 × (c − floor), c being the credit of its best possible pair (pair_credit()
 * grows with similarity; a pair needs MIN_PAIR_SIMILARITY), and −0.6 floor w (or
 * −0.25 floor w) left over; whatever the alignment, the sum is at most the sum of these
 * bests. When that sum is negative, the score is under @floor. A token of the second
 * name between its first and last is counted at the middle names' cost, 0.2 (the lower:
 * whether the ends are aligned is not known yet). The margin covers the rounding of the
 * float weights. */
/* Whether token @j of a name of @n is between its first and last. */
static inline gboolean
is_middle (guint j,
           guint n)
{
  return j > 0 && j + 1 < n;
}

static gboolean
tokens_under (const float *a_weights,
              guint        n_a,
              const float *b_weights,
              guint        n_b,
              const float *best_a,
              const float *best_b,
              double       floor)
{
  double sum = 0.0;

  for (guint i = 0; i < n_a; i++)
    {
      double left = -UNMATCHED_A_COST * floor * a_weights[i];

      sum += best_a[i] >= MIN_PAIR_SIMILARITY
               ? MAX (left, a_weights[i] / 2.0 * (pair_credit (best_a[i]) - floor))
               : left;
    }
  for (guint j = 0; j < n_b; j++)
    {
      double left = -(is_middle (j, n_b) ? UNMATCHED_MIDDLE_COST : UNMATCHED_B_COST) * floor *
                    b_weights[j];

      sum += best_b[j] >= MIN_PAIR_SIMILARITY
               ? MAX (left, b_weights[j] / 2.0 * (pair_credit (best_b[j]) - floor))
               : left;
    }

  return sum < -1e-4;
}

/* tokens_under() with the glued pairs too, bounded (glued_bound()): a glued pair only
 * raises the bests, so when the single pairs alone cannot prove the score under @floor,
 * the glued ones are not bounded. @best_a and @best_b are raised in place. */
static gboolean
score_under (TarmacNameToken *const *a,
             const float            *a_weights,
             guint                   n_a,
             TarmacNameToken *const *b,
             const float            *b_weights,
             guint                   n_b,
             float                  *best_a,
             float                  *best_b,
             gboolean                need_glue,
             double                  floor)
{
  if (!tokens_under (a_weights, n_a, b_weights, n_b, best_a, best_b, floor))
    return FALSE;
  if (!need_glue)
    return TRUE;
  bound_glued_candidates (a, n_a, b, n_b, best_a, best_b);
  bound_glued_candidates (b, n_b, a, n_a, best_b, best_a);
  return tokens_under (a_weights, n_a, b_weights, n_b, best_a, best_b, floor);
}

/**
 * tarmac_name_compare:
 * @a: (array length=n_a): the tokens of the first name (the query: a traveller)
 * @a_weights: (array length=n_a) (nullable): their weights, or %NULL for the defaults
 * @n_a: how many
 * @b: (array length=n_b): the tokens of the second name (a list name)
 * @b_weights: (array length=n_b) (nullable): their weights
 * @n_b: how many
 * @out: (out caller-allocates) (optional): the alignment, for the explanation
 *
 * Compares two analysed names. The score is 1 for the same name in any order and falls
 * with every token that is missing or differs; it is not symmetric (see above).
 *
 * Returns: the score in [0, 1]
 */
double
tarmac_name_compare (TarmacNameToken *const *a,
                     const float            *a_weights,
                     guint                   n_a,
                     TarmacNameToken *const *b,
                     const float            *b_weights,
                     guint                   n_b,
                     TarmacNameComparison   *out)
{
  return _tarmac_name_compare_at_least (a, a_weights, n_a, b, b_weights, n_b, 0.0, NULL, NULL,
                                        out);
}

/**
 * _tarmac_name_compare_at_least:
 * @floor: the score that matters, or a lower bound of it when @exact_floor is given
 * @exact_floor: (nullable): the score that matters (at least @floor), costlier to know:
 *   asked only when the score cannot be proved under @floor
 * @data: for @exact_floor
 *
 * tarmac_name_compare(), or −1 (with @out empty) as soon as the score is sure to be under
 * @floor (tokens_under()): first from cheap bounds of every pair's similarity
 * (similarity_bound()), then from the similarities of single tokens: the matcher's full
 * comparison of a name that cannot reach the review threshold stops before the costly
 * similarities, or before gluing words and aligning.
 *
 * Returns: the score in [0, 1], or −1 when it is under @floor
 */
double
_tarmac_name_compare_at_least (TarmacNameToken *const *a,
                               const float            *a_weights,
                               guint                   n_a,
                               TarmacNameToken *const *b,
                               const float            *b_weights,
                               guint                   n_b,
                               double                  floor,
                               TarmacNameFloorFunc     exact_floor,
                               gpointer                data,
                               TarmacNameComparison   *out)
{
  float default_a[TARMAC_NAME_MAX_TOKENS], default_b[TARMAC_NAME_MAX_TOKENS];
  Candidate candidates[MAX_PAIR_CANDIDATES];
  TarmacNameComparison local;
  guint n_candidates = 0;
  guint32 used_a = 0, used_b = 0;
  double numerator = 0.0, denominator = 0.0;
  gboolean need_glue = FALSE, ends;

  if (out == NULL)
    out = &local;
  memset (out, 0, sizeof *out);

  n_a = MIN (n_a, TARMAC_NAME_MAX_TOKENS);
  n_b = MIN (n_b, TARMAC_NAME_MAX_TOKENS);
  if (n_a == 0 || n_b == 0)
    return 0.0;

  if (a_weights == NULL)
    {
      for (guint i = 0; i < n_a; i++)
        default_a[i] = tarmac_name_token_weight (a[i]);
      a_weights = default_a;
    }
  if (b_weights == NULL)
    {
      for (guint i = 0; i < n_b; i++)
        default_b[i] = tarmac_name_token_weight (b[i]);
      b_weights = default_b;
    }

  if (floor > 0.0)
    {
      float best_a[TARMAC_NAME_MAX_TOKENS] = { 0 }, best_b[TARMAC_NAME_MAX_TOKENS] = { 0 };

      for (guint i = 0; i < n_a; i++)
        for (guint j = 0; j < n_b; j++)
          {
            float bound = similarity_bound (a[i], b[j]);

            if (bound < MIN_PAIR_SIMILARITY)
              continue;
            best_a[i] = MAX (best_a[i], bound);
            best_b[j] = MAX (best_b[j], bound);
          }
      /* Whether gluing is needed is not known yet: bound the glued pairs as if it were. */
      if (score_under (a, a_weights, n_a, b, b_weights, n_b, best_a, best_b, TRUE, floor))
        return -1.0;
      if (exact_floor != NULL)
        {
          floor = MAX (floor, exact_floor (data));
          if (score_under (a, a_weights, n_a, b, b_weights, n_b, best_a, best_b, TRUE, floor))
            return -1.0;
        }
    }
  else if (exact_floor != NULL)
    floor = exact_floor (data);

  for (guint i = 0; i < n_a; i++)
    for (guint j = 0; j < n_b; j++)
      {
        TarmacTokenMatch how = TARMAC_TOKEN_MATCH_FUZZY;
        float similarity = token_similarity (a[i], b[j], &how);
        Candidate *candidate;

        if (similarity < MIN_PAIR_SIMILARITY)
          continue;
        candidate = &candidates[n_candidates++];
        memset (candidate, 0, sizeof *candidate);
        candidate->pair.a_first = i;
        candidate->pair.a_count = 1;
        candidate->pair.b_first = j;
        candidate->pair.b_count = 1;
        candidate->pair.how = how;
        candidate->pair.similarity = similarity;
        candidate->weight = (a_weights[i] + b_weights[j]) / 2.0f;
      }

  /* Gluing is only worth its cost when a token on each side found no exact partner. */
  {
    guint32 exact_a = 0, exact_b = 0;

    for (guint k = 0; k < n_candidates; k++)
      if (candidates[k].pair.similarity >= 0.999f)
        {
          exact_a |= 1u << candidates[k].pair.a_first;
          exact_b |= 1u << candidates[k].pair.b_first;
        }
    need_glue = (exact_a != span_mask (0, n_a) && exact_b != span_mask (0, n_b)) &&
                (n_a > 1 || n_b > 1);
  }

  if (floor > 0.0)
    {
      float best_a[TARMAC_NAME_MAX_TOKENS] = { 0 }, best_b[TARMAC_NAME_MAX_TOKENS] = { 0 };

      for (guint k = 0; k < n_candidates; k++)
        {
          const TarmacNamePair *pair = &candidates[k].pair;

          best_a[pair->a_first] = MAX (best_a[pair->a_first], pair->similarity);
          best_b[pair->b_first] = MAX (best_b[pair->b_first], pair->similarity);
        }
      if (score_under (a, a_weights, n_a, b, b_weights, n_b, best_a, best_b, need_glue,
                       floor))
        return -1.0;
    }

  if (need_glue)
    {
      add_glued_candidates (a, a_weights, n_a, b, b_weights, n_b, TRUE, candidates,
                            &n_candidates);
      add_glued_candidates (b, b_weights, n_b, a, a_weights, n_a, FALSE, candidates,
                            &n_candidates);
    }
  sort_candidates (candidates, n_candidates);

  for (guint k = 0; k < n_candidates && out->n_pairs < TARMAC_NAME_MAX_TOKENS; k++)
    {
      const Candidate *candidate = &candidates[k];
      guint32 mask_a = span_mask (candidate->pair.a_first, candidate->pair.a_count);
      guint32 mask_b = span_mask (candidate->pair.b_first, candidate->pair.b_count);

      if ((used_a & mask_a) || (used_b & mask_b))
        continue;
      used_a |= mask_a;
      used_b |= mask_b;
      out->pairs[out->n_pairs++] = candidate->pair;
      numerator += pair_credit (candidate->pair.similarity) * candidate->weight;
      denominator += candidate->weight;
    }

  for (guint i = 0; i < n_a; i++)
    if (!(used_a & (1u << i)))
      denominator += UNMATCHED_A_COST * a_weights[i];
  /* The entry's middle names, when its first and last words are aligned: a manifest
   * often gives only a given name and a surname. */
  ends = n_b > 2 && (used_b & 1u) && (used_b & (1u << (n_b - 1)));
  for (guint j = 0; j < n_b; j++)
    if (!(used_b & (1u << j)))
      denominator += (ends && is_middle (j, n_b) ? UNMATCHED_MIDDLE_COST : UNMATCHED_B_COST) *
                     b_weights[j];

  out->a_matched = used_a;
  out->b_matched = used_b;
  out->score = denominator > 0.0 ? CLAMP (numerator / denominator, 0.0, 1.0) : 0.0;
  return out->score;
}

/**
 * tarmac_name_compare_strings:
 * @a: the first name, as written
 * @b: the second name, as written
 * @out: (out caller-allocates) (optional): the alignment
 *
 * tarmac_name_compare() on two names analysed with default weights.
 *
 * Returns: the score in [0, 1]
 */
double
tarmac_name_compare_strings (const char           *a,
                             const char           *b,
                             TarmacNameComparison *out)
{
  g_autoptr(GPtrArray) ta = tarmac_name_analyse (a);
  g_autoptr(GPtrArray) tb = tarmac_name_analyse (b);

  return tarmac_name_compare ((TarmacNameToken *const *) ta->pdata, NULL, ta->len,
                              (TarmacNameToken *const *) tb->pdata, NULL, tb->len, out);
}

const char *
tarmac_token_match_to_id (TarmacTokenMatch how)
{
  switch (how)
    {
    case TARMAC_TOKEN_MATCH_EXACT:
      return "exact";
    case TARMAC_TOKEN_MATCH_TRANSLIT:
      return "transliteration";
    case TARMAC_TOKEN_MATCH_FAMILY:
      return "name-family";
    case TARMAC_TOKEN_MATCH_PHONETIC:
      return "phonetic";
    case TARMAC_TOKEN_MATCH_SKELETON:
      return "skeleton";
    case TARMAC_TOKEN_MATCH_FUZZY:
      return "spelling";
    case TARMAC_TOKEN_MATCH_INITIAL:
    default:
      return "initial";
    }
}

static const char *
token_match_label (TarmacTokenMatch how)
{
  switch (how)
    {
    case TARMAC_TOKEN_MATCH_EXACT:
      return _("same");
    case TARMAC_TOKEN_MATCH_TRANSLIT:
      return _("same once transliterated");
    case TARMAC_TOKEN_MATCH_FAMILY:
      return _("spellings of one name");
    case TARMAC_TOKEN_MATCH_PHONETIC:
      return _("sounds the same");
    case TARMAC_TOKEN_MATCH_SKELETON:
      return _("same consonants");
    case TARMAC_TOKEN_MATCH_FUZZY:
      return _("close spelling");
    case TARMAC_TOKEN_MATCH_INITIAL:
    default:
      return _("initial");
    }
}

static char *
join_span (TarmacNameToken *const *tokens,
           guint                   first,
           guint                   count)
{
  GString *text = g_string_new (NULL);

  for (guint i = first; i < first + count; i++)
    {
      if (i > first)
        g_string_append_c (text, ' ');
      g_string_append (text, tokens[i]->text);
    }
  return g_string_free (text, FALSE);
}

static JsonNode *
unmatched_to_json (TarmacNameToken *const *tokens,
                   guint                   n,
                   guint32                 matched)
{
  JsonArray *array = json_array_new ();
  JsonNode *node;

  for (guint i = 0; i < n && i < TARMAC_NAME_MAX_TOKENS; i++)
    if (!(matched & (1u << i)))
      json_array_add_string_element (array, tokens[i]->text);
  /* The node takes its own reference. */
  node = json_node_init_array (json_node_alloc (), array);
  json_array_unref (array);
  return node;
}

/**
 * tarmac_name_comparison_to_json:
 *
 * The alignment as JSON: `{"score", "aligned": [{"query", "entry", "how", "similarity"}],
 * "unmatched_query": [...], "unmatched_entry": [...]}`, "how" being one of the ids of
 * tarmac_token_match_to_id().
 *
 * Returns: (transfer full): an object node
 */
JsonNode *
tarmac_name_comparison_to_json (TarmacNameToken *const     *a,
                                guint                       n_a,
                                TarmacNameToken *const     *b,
                                guint                       n_b,
                                const TarmacNameComparison *comparison)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "score");
  json_builder_add_double_value (builder, comparison->score);
  json_builder_set_member_name (builder, "aligned");
  json_builder_begin_array (builder);
  for (guint k = 0; k < comparison->n_pairs; k++)
    {
      const TarmacNamePair *pair = &comparison->pairs[k];
      g_autofree char *query = join_span (a, pair->a_first, pair->a_count);
      g_autofree char *entry = join_span (b, pair->b_first, pair->b_count);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "query");
      json_builder_add_string_value (builder, query);
      json_builder_set_member_name (builder, "entry");
      json_builder_add_string_value (builder, entry);
      json_builder_set_member_name (builder, "how");
      json_builder_add_string_value (builder, tarmac_token_match_to_id (pair->how));
      json_builder_set_member_name (builder, "similarity");
      json_builder_add_double_value (builder, (double) (int) (pair->similarity * 1000 + 0.5) /
                                              1000.0);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "unmatched_query");
  json_builder_add_value (builder, unmatched_to_json (a, n_a, comparison->a_matched));
  json_builder_set_member_name (builder, "unmatched_entry");
  json_builder_add_value (builder, unmatched_to_json (b, n_b, comparison->b_matched));
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static gboolean
token_match_from_id (const char       *id,
                     TarmacTokenMatch *how)
{
  for (int k = TARMAC_TOKEN_MATCH_EXACT; k <= TARMAC_TOKEN_MATCH_INITIAL; k++)
    if (g_strcmp0 (id, tarmac_token_match_to_id (k)) == 0)
      {
        *how = k;
        return TRUE;
      }
  return FALSE;
}

/* The strings of @member, an array of strings in @object, joined with ", "; %FALSE when
 * it is not one. */
static gboolean
join_string_array (JsonObject *object,
                   const char *member,
                   GString    *out)
{
  JsonNode *node = json_object_get_member (object, member);
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return FALSE;
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_STRING)
        return FALSE;
      g_string_append_printf (out, "%s%s", out->len > 0 ? ", " : "", json_node_get_string (element));
    }
  return TRUE;
}

/**
 * tarmac_name_comparison_describe_json:
 * @json: an alignment as tarmac_name_comparison_to_json() wrote it
 *
 * The alignment in words, for an officer, in the language of the one who reads it (a hit
 * stores the alignment, not the words of whoever screened): "mohamed ↔ muhammad
 * (spellings of one name); ali ↔ ali (same); not in the entry: hassan".
 *
 * Returns: (transfer full) (nullable): the description, %NULL when @json is not an alignment
 */
char *
tarmac_name_comparison_describe_json (JsonObject *json)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GString) missing_a = g_string_new (NULL);
  g_autoptr(GString) missing_b = g_string_new (NULL);
  JsonNode *aligned;
  JsonArray *pairs;

  g_return_val_if_fail (json != NULL, NULL);

  aligned = json_object_get_member (json, "aligned");
  if (aligned == NULL || !JSON_NODE_HOLDS_ARRAY (aligned))
    return NULL;
  pairs = json_node_get_array (aligned);
  for (guint k = 0; k < json_array_get_length (pairs); k++)
    {
      JsonNode *node = json_array_get_element (pairs, k);
      JsonObject *pair;
      const char *query, *entry;
      TarmacTokenMatch how;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return NULL;
      pair = json_node_get_object (node);
      query = json_object_get_string_member_with_default (pair, "query", NULL);
      entry = json_object_get_string_member_with_default (pair, "entry", NULL);
      if (query == NULL || entry == NULL ||
          !token_match_from_id (json_object_get_string_member_with_default (pair, "how", NULL), &how))
        return NULL;

      if (text->len > 0)
        g_string_append (text, "; ");
      /* Translators: a word of the traveller's name ↔ a word of the list entry (how) */
      g_string_append_printf (text, _("%s ↔ %s (%s)"), query, entry, token_match_label (how));
    }

  if (!join_string_array (json, "unmatched_query", missing_a) ||
      !join_string_array (json, "unmatched_entry", missing_b))
    return NULL;
  if (missing_a->len > 0)
    {
      if (text->len > 0)
        g_string_append (text, "; ");
      /* Translators: words of the traveller's name that the list entry does not have */
      g_string_append_printf (text, _("not in the entry: %s"), missing_a->str);
    }
  if (missing_b->len > 0)
    {
      if (text->len > 0)
        g_string_append (text, "; ");
      /* Translators: words of the list entry's name that the traveller's name does not have */
      g_string_append_printf (text, _("not in the query: %s"), missing_b->str);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * tarmac_name_comparison_describe:
 *
 * The alignment in words, for an officer (tarmac_name_comparison_describe_json() of its
 * JSON, so that what screening shows and what a stored hit shows are the same words).
 *
 * Returns: (transfer full): the description
 */
char *
tarmac_name_comparison_describe (TarmacNameToken *const     *a,
                                 guint                       n_a,
                                 TarmacNameToken *const     *b,
                                 guint                       n_b,
                                 const TarmacNameComparison *comparison)
{
  JsonNode *json = tarmac_name_comparison_to_json (a, n_a, b, n_b, comparison);
  char *text = tarmac_name_comparison_describe_json (json_node_get_object (json));

  json_node_unref (json);
  return text != NULL ? text : g_strdup ("");
}
