/* tarmac-screen-match.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-screen-match"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "tarmac-audit.h"
#include "tarmac-countries.h"
#include "tarmac-name-compare-private.h"
#include "tarmac-screen-index-private.h"

/*
 * Matching one traveller against the index (research/screening.md §6.3–6.5).
 *
 * Candidates come from the keys of the traveller's words; the best few hundred names are
 * compared in full (tarmac-name-compare.c, with rarity weights from the list), and each
 * entry's best name is then adjusted by the other evidence, as additive terms an officer
 * can read (OpenSanctions' logic-v2 qualifiers, with our DOB forms):
 *
 *  - date of birth: the same day +0.05; inside the entry's year, approximate year or range
 *    +0.03; day and month swapped +0.02; one year apart −0.03; the same year but another
 *    day −0.08; otherwise −0.30 (nothing when either side has no date): an exact name
 *    with another date of birth is a hit to review, not an alert;
 *  - nationality: one of the entry's +0.02, none of them −0.05;
 *  - sex: different −0.10;
 *  - document: the same number is decisive on its own (at least 0.99); the same number
 *    but for OCR confusions or leading zeros +0.10, or 0.90 on its own.
 *
 * A weak alias (a kunya, a short or descriptive name) only counts when it is the exact
 * name, and is held at 0.70 of its score unless the DOB or nationality corroborates it:
 * alone, it is a hit to review, never an alert.
 */

#define MAX_CANDIDATES  200
#define COMMON_POSTINGS 20000
#define MIN_NAME_SCORE  0.5
#define PREFETCH_AHEAD  8

typedef struct
{
  guint32 vid;
  float   weight;
} WordHit;

typedef struct
{
  GArray *hits;   /* WordHit of one query word */
  gsize   postings;
} QueryWord;

typedef struct
{
  guint64 key;
  char    kind;
} QueryKey;

static void
collect_key (guint64  key,
             char     kind,
             gpointer user_data)
{
  QueryKey query_key = { key, kind };

  g_array_append_val ((GArray *) user_data, query_key);
}

/* The list words one key of a query word finds, each once per query word (the stamp),
 * with its rarity: full for the same word, 0.7 for a spelling or sound neighbour. */
static void
add_hits (TarmacScreenIndex *self,
          MatchScratch      *scratch,
          const QueryKey    *key,
          GArray            *hits,
          gboolean           skip_fuzzy)
{
  guint count, first;

  if (skip_fuzzy && (key->kind == 's' || key->kind == 'd'))
    return;
  first = _tarmac_screen_index_lookup (self->keys, key->key, &count);
  for (guint i = 0; i < count; i++)
    {
      guint32 vid = g_array_index (self->keys, KeyPost, first + i).value;
      Vocab *vocab = g_ptr_array_index (self->vocab, vid);
      float weight = vocab->weight * (key->kind == 'x' ? 1.0f : 0.7f);

      if (scratch->word_stamp[vid] == scratch->stamp)
        {
          WordHit *hit = &g_array_index (hits, WordHit, scratch->word_hit[vid]);

          hit->weight = MAX (hit->weight, weight);
          continue;
        }
      scratch->word_stamp[vid] = scratch->stamp;
      scratch->word_hit[vid] = hits->len;
      {
        WordHit hit = { vid, weight };

        g_array_append_val (hits, hit);
      }
    }
}

static void
add_vocab_hit (TarmacScreenIndex *self,
               MatchScratch      *scratch,
               guint32            vid,
               float              weight,
               GArray            *hits)
{
  WordHit hit = { vid, weight };

  if (scratch->word_stamp[vid] == scratch->stamp)
    {
      WordHit *known = &g_array_index (hits, WordHit, scratch->word_hit[vid]);

      known->weight = MAX (known->weight, weight);
      return;
    }
  scratch->word_stamp[vid] = scratch->stamp;
  scratch->word_hit[vid] = hits->len;
  g_array_append_val (hits, hit);
}

static gint64
lookup_word (TarmacScreenIndex *self,
             const char        *text,
             gsize              length)
{
  g_autofree char *word = g_strndup (text, length);
  gpointer found = g_hash_table_lookup (self->vocab_by_text, word);

  return found != NULL ? (gint64) GPOINTER_TO_UINT (found) - 1 : -1;
}

/* Segmentation (research/screening.md §5.3 class 5) as candidate keys: a query word that
 * is two list words glued ("Abdulhaq" for "Abdul Haq", "Kimkyong" for "Kim Kyong") finds
 * both; a query word glued to its neighbour ("Abd" "Oulaye") finds the list word they
 * make ("Abdoulaye"). The comparator then aligns the run with the word. */
static void
add_segment_hits (TarmacScreenIndex *self,
                  MatchScratch      *scratch,
                  GPtrArray         *tokens,
                  guint              at,
                  GArray            *hits)
{
  const TarmacNameToken *token = g_ptr_array_index (tokens, at);
  const char *form = token->forms[0];
  gsize length = strlen (form);

  if (token->script != TARMAC_SCRIPT_LATIN)
    return;

  for (gsize cut = 2; length >= 5 && cut + 2 <= length; cut++)
    {
      gint64 head = lookup_word (self, form, cut);
      gint64 tail = head >= 0 ? lookup_word (self, form + cut, length - cut) : -1;

      if (head < 0 || tail < 0)
        continue;
      add_vocab_hit (self, scratch, head, 0.7f * ((Vocab *) g_ptr_array_index (self->vocab,
                                                                               head))->weight,
                     hits);
      add_vocab_hit (self, scratch, tail, 0.7f * ((Vocab *) g_ptr_array_index (self->vocab,
                                                                               tail))->weight,
                     hits);
    }

  for (int side = -1; side <= 1; side += 2)
    {
      const TarmacNameToken *other;
      g_autofree char *glued = NULL;
      gint64 vid;

      if ((side < 0 && at == 0) || (side > 0 && at + 1 >= tokens->len))
        continue;
      other = g_ptr_array_index (tokens, at + side);
      if (other->script != TARMAC_SCRIPT_LATIN)
        continue;
      glued = side < 0 ? g_strconcat (other->forms[0], form, NULL)
                       : g_strconcat (form, other->forms[0], NULL);
      vid = lookup_word (self, glued, strlen (glued));
      if (vid >= 0)
        add_vocab_hit (self, scratch, vid,
                       0.7f * ((Vocab *) g_ptr_array_index (self->vocab, vid))->weight, hits);
    }
}

/* Marks a word's hits with a fresh stamp, so a name's words can be tested against it. */
static void
stamp_hits (MatchScratch *scratch,
            GArray       *hits)
{
  scratch->stamp++;
  for (guint h = 0; h < hits->len; h++)
    {
      guint32 vid = g_array_index (hits, WordHit, h).vid;

      scratch->word_stamp[vid] = scratch->stamp;
      scratch->word_hit[vid] = h;
    }
}

static int
compare_hits (gconstpointer a,
              gconstpointer b)
{
  const WordHit *x = a, *y = b;

  return x->weight > y->weight ? -1 : (x->weight < y->weight);
}

static int
compare_query_words (gconstpointer a,
                     gconstpointer b)
{
  const QueryWord *x = a, *y = b;

  return x->postings < y->postings ? -1 : (x->postings > y->postings);
}

typedef struct
{
  guint32 name;
  float   evidence;
} Scored;

static int
compare_scored (gconstpointer a,
                gconstpointer b)
{
  const Scored *x = a, *y = b;

  if (x->evidence != y->evidence)
    return x->evidence > y->evidence ? -1 : 1;
  return x->name < y->name ? -1 : (x->name > y->name);
}

/* Evidence ---------------------------------------------------------------------------- */

typedef struct
{
  const char *id;
  double      adjustment;
} Evidence;

static Evidence
dob_evidence (const TarmacDob *query,
              const IndexedEntry *entry,
              gboolean            has_query)
{
  Evidence best = { "unknown", 0.0 };
  gboolean any = FALSE;

  if (!has_query || entry->n_dobs == 0)
    return best;

  for (guint i = 0; i < entry->n_dobs; i++)
    {
      const TarmacDob *dob = &entry->dobs[i];
      Evidence e;
      int from = dob->year_from, to = dob->year_to, year = query->year_from;

      if (dob->kind == TARMAC_DOB_APPROXIMATE)
        from -= 2, to += 2;

      /* A list's EXACT date may carry only a year (the UN list does): a year, then. */
      if (dob->kind == TARMAC_DOB_EXACT && query->kind == TARMAC_DOB_EXACT &&
          dob->month > 0 && dob->day > 0 && query->month > 0 && query->day > 0)
        {
          if (dob->year_from == query->year_from && dob->month == query->month &&
              dob->day == query->day)
            e = (Evidence) { "same-date", 0.05 };
          else if (dob->year_from == query->year_from && dob->month == query->day &&
                   dob->day == query->month)
            e = (Evidence) { "day-month-swapped", 0.02 };
          else if (dob->year_from == query->year_from)
            e = (Evidence) { "same-year-other-day", -0.08 };
          else if (abs ((int) dob->year_from - (int) query->year_from) == 1 &&
                   dob->month == query->month && dob->day == query->day)
            e = (Evidence) { "one-year-apart", -0.03 };
          else
            e = (Evidence) { "different", -0.30 };
        }
      else if (year >= from && year <= to)
        e = (Evidence) { dob->kind == TARMAC_DOB_RANGE || dob->kind == TARMAC_DOB_APPROXIMATE
                           ? "within-range" : "same-year", 0.03 };
      else if (year == from - 1 || year == to + 1)
        e = (Evidence) { "one-year-apart", -0.03 };
      else
        e = (Evidence) { "different", -0.30 };

      if (!any || e.adjustment > best.adjustment)
        best = e;
      any = TRUE;
    }
  return best;
}

/* @query is the traveller's nationality as an ISO code when tarmac_country_lookup() knows
 * it ("Afghanistan", "afg" and "AFG" are one nationality), else as written. */
static Evidence
nationality_evidence (const char         *query,
                      const IndexedEntry *entry)
{
  const char *code = entry->nationalities;
  gsize query_len;

  if (query == NULL || query[0] == '\0' || code[0] == '\0')
    return (Evidence) { "unknown", 0.0 };
  query_len = strlen (query);
  /* The codes as g_strsplit (…, "|", 32) cut them: the 32nd holds the rest. */
  for (guint i = 0; code != NULL; i++)
    {
      const char *bar = i < 31 ? strchr (code, '|') : NULL;
      gsize length = bar != NULL ? (gsize) (bar - code) : strlen (code);

      if (length == query_len && g_ascii_strncasecmp (code, query, length) == 0)
        return (Evidence) { "same", 0.02 };
      code = bar != NULL ? bar + 1 : NULL;
    }
  return (Evidence) { "different", -0.05 };
}

static Evidence
sex_evidence (const char         *query,
              const IndexedEntry *entry)
{
  if (query == NULL || entry->sex == '\0' || (query[0] != 'M' && query[0] != 'F'))
    return (Evidence) { "unknown", 0.0 };
  if (query[0] != entry->sex)
    return (Evidence) { "different", -0.10 };
  return (Evidence) { "same", 0.0 };
}

static Evidence
document_evidence (const char         *normalised,
                   const char         *fuzzy,
                   const IndexedEntry *entry)
{
  g_auto(GStrv) numbers = NULL;
  Evidence best = { "unknown", 0.0 };

  if (normalised == NULL || normalised[0] == '\0' || entry->documents == NULL)
    return best;
  numbers = g_strsplit (entry->documents, "|", 64);
  for (guint i = 0; numbers[i] != NULL; i++)
    {
      g_autofree char *other = _tarmac_screen_document_fuzzy_key (numbers[i]);

      if (g_str_equal (numbers[i], normalised))
        return (Evidence) { "same-number", 1.0 };
      if (strlen (fuzzy) >= 4 && g_str_equal (other, fuzzy))
        best = (Evidence) { "near-number", 0.10 };
    }
  if (best.adjustment == 0.0)
    best = (Evidence) { "different", 0.0 };
  return best;
}

/* Candidates ---------------------------------------------------------------------------- */

void
tarmac_match_candidate_free (TarmacMatchCandidate *candidate)
{
  if (candidate == NULL)
    return;
  g_clear_pointer (&candidate->explanation, json_node_unref);
  g_free (candidate->summary);
  g_clear_pointer (&candidate->names, g_ptr_array_unref);
  g_free (candidate);
}

static void
add_evidence_json (JsonBuilder    *builder,
                   const char     *member,
                   const Evidence *evidence)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "result");
  json_builder_add_string_value (builder, evidence->id);
  json_builder_set_member_name (builder, "adjustment");
  json_builder_add_double_value (builder, evidence->adjustment);
  json_builder_end_object (builder);
}

static const char *
evidence_label (const char *id)
{
  if (g_str_equal (id, "same-date"))
    return _("the same date");
  if (g_str_equal (id, "same-year"))
    return _("the same year");
  if (g_str_equal (id, "within-range"))
    return _("within the entry’s years");
  if (g_str_equal (id, "day-month-swapped"))
    return _("day and month swapped");
  if (g_str_equal (id, "one-year-apart"))
    return _("one year apart");
  if (g_str_equal (id, "same-year-other-day"))
    return _("the same year, another day");
  if (g_str_equal (id, "same"))
    return _("the same");
  if (g_str_equal (id, "same-number"))
    return _("the same number");
  if (g_str_equal (id, "near-number"))
    return _("the same number but for look-alike characters");
  return _("different");
}

static void
append_evidence_text (GString        *text,
                      const char     *what,
                      const Evidence *evidence)
{
  /* What added nothing and says nothing an officer needs (the same sex) is left out. */
  if (g_str_equal (evidence->id, "unknown") ||
      (g_str_equal (evidence->id, "same") && evidence->adjustment == 0.0))
    return;
  if (g_str_equal (evidence->id, "same-number"))
    {
      /* Translators: e.g. "document: the same number (decisive)" */
      g_string_append_printf (text, _("; %s: %s (decisive)"), what,
                              evidence_label (evidence->id));
      return;
    }
  if (evidence->adjustment == 0.0)
    {
      /* Translators: e.g. "document: different", evidence that moved the score neither way */
      g_string_append_printf (text, _("; %s: %s"), what, evidence_label (evidence->id));
      return;
    }
  /* Translators: e.g. "date of birth: the same year (+0.03)" */
  g_string_append_printf (text, _("; %s: %s (%+.2f)"), what, evidence_label (evidence->id),
                          evidence->adjustment);
}

/* Reads the evidence @member of @explanation into @evidence; %FALSE when it is absent or
 * not evidence (the strings stay @explanation's). */
static gboolean
evidence_from_json (JsonObject *explanation,
                    const char *member,
                    Evidence   *evidence)
{
  JsonNode *node = json_object_get_member (explanation, member);
  JsonObject *object;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return FALSE;
  object = json_node_get_object (node);
  evidence->id = json_object_get_string_member_with_default (object, "result", NULL);
  evidence->adjustment = json_object_get_double_member_with_default (object, "adjustment", 0.0);
  return evidence->id != NULL;
}

/**
 * tarmac_screen_explanation_render:
 * @explanation: a match's explanation ("name", "dob", "nationality", "sex", "document")
 * @matched_name: (nullable): the entry's name it aligned with, when "name" is given
 *
 * The explanation in words, in the language of the one who reads it: which parts of the
 * name aligned and how, and what the date of birth, nationality, sex and documents added.
 *
 * Returns: (transfer full) (nullable): the words, %NULL when @explanation lacks what they
 *   are made from
 */
char *
tarmac_screen_explanation_render (JsonObject *explanation,
                                  const char *matched_name)
{
  static const struct { const char *member; const char *label; } evidence_parts[] = {
    { "dob", N_("date of birth") },
    { "nationality", N_("nationality") },
    { "sex", N_("sex") },
    { "document", N_("document") },
  };
  g_autoptr(GString) text = g_string_new (NULL);
  JsonNode *name;

  g_return_val_if_fail (explanation != NULL, NULL);

  name = json_object_get_member (explanation, "name");
  if (name != NULL)
    {
      g_autofree char *words = NULL;

      if (matched_name == NULL || !JSON_NODE_HOLDS_OBJECT (name))
        return NULL;
      words = tarmac_name_comparison_describe_json (json_node_get_object (name));
      if (words == NULL)
        return NULL;
      /* Translators: the name an entry matched on, and how its words aligned */
      g_string_append_printf (text, _("name “%s”: %s"), matched_name, words);
    }

  for (guint i = 0; i < G_N_ELEMENTS (evidence_parts); i++)
    {
      Evidence evidence;

      if (!evidence_from_json (explanation, evidence_parts[i].member, &evidence))
        return NULL;
      append_evidence_text (text, _(evidence_parts[i].label), &evidence);
    }
  if (text->len > 2 && name == NULL)
    g_string_erase (text, 0, 2);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static TarmacMatchCandidate *
build_candidate (TarmacScreenIndex          *self,
                 const IndexedEntry         *entry,
                 const IndexedName          *name,
                 GPtrArray                  *query_tokens,
                 const TarmacNameComparison *comparison,
                 double                      name_score,
                 double                      score,
                 const Evidence             *dob,
                 const Evidence             *nationality,
                 const Evidence             *sex,
                 const Evidence             *document)
{
  TarmacMatchCandidate *candidate = g_new0 (TarmacMatchCandidate, 1);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  TarmacNameToken *entry_tokens[TARMAC_NAME_MAX_TOKENS];
  guint n_entry = 0;

  candidate->entry_id = entry->entry_id;
  candidate->external_id = entry->external_id;
  candidate->list_name = entry->list_name;
  candidate->watchlist_id = entry->watchlist_id;
  candidate->kind = entry->kind;
  candidate->score = score;
  candidate->name_score = name_score;
  candidate->names = g_ptr_array_new ();
  for (guint i = 0; i < entry->n_names; i++)
    g_ptr_array_add (candidate->names,
                     g_array_index (self->names, IndexedName, entry->first_name + i).text);

  json_builder_begin_object (builder);
  if (name != NULL)
    {
      candidate->matched_name = name->text;
      candidate->matched_quality = tarmac_name_quality_to_id (name->quality);
      for (guint k = 0; k < name->n_tokens && n_entry < TARMAC_NAME_MAX_TOKENS; k++)
        {
          guint32 vid = g_array_index (self->name_tokens, guint32, name->first_token + k);

          entry_tokens[n_entry++] = ((Vocab *) g_ptr_array_index (self->vocab, vid))->token;
        }
      json_builder_set_member_name (builder, "name");
      json_builder_add_value (builder,
                              tarmac_name_comparison_to_json ((TarmacNameToken *const *)
                                                                query_tokens->pdata,
                                                              query_tokens->len, entry_tokens,
                                                              n_entry, comparison));
    }
  add_evidence_json (builder, "dob", dob);
  add_evidence_json (builder, "nationality", nationality);
  add_evidence_json (builder, "sex", sex);
  add_evidence_json (builder, "document", document);
  json_builder_end_object (builder);
  candidate->explanation = json_builder_get_root (builder);

  /* The words come from the JSON, as they do when a stored hit is read in another
   * language (tarmac_hit_explanation_text()). */
  candidate->summary = tarmac_screen_explanation_render (json_node_get_object (candidate->explanation),
                                                         name != NULL ? name->text : NULL);
  if (candidate->summary == NULL)
    candidate->summary = g_strdup ("");

  return candidate;
}

/* What name_floor() needs to know of the match. */
typedef struct
{
  TarmacScreenIndex *self;
  const IndexedName *name;
  double             min_score;
  const TarmacDob   *query_dob;
  gboolean           has_dob;
  const char        *nationality_code;
  const char        *sex;
  const char        *document;
  const char        *document_fuzzy;
} FloorQuery;

/* The name score under which a name of its entry cannot matter, so that its full
 * comparison may stop early (tarmac_name_compare()'s bound):
 *
 *  - a weak alias counts only from 0.999, and any name only from MIN_NAME_SCORE: a name
 *    under these is skipped below whatever else is known;
 *  - otherwise the entry's score is its best name's score plus the adjustments of the
 *    DOB, nationality, sex and document, which depend on the entry alone (computed here
 *    exactly as below), then held at 0.70 for a weak alias and clamped: never more than
 *    name score + adjustments when that is positive, and 0 otherwise. A name under
 *    @min_score − adjustments thus gives a score under @min_score, which is left out;
 *    and it cannot be the entry's best name when another name of the entry reaches
 *    @min_score, that name's score being higher. Either way the result is the same
 *    without it;
 *  - a document with the same number is decisive whatever the name, and the entry's
 *    best name is reported with it: every name of such an entry is compared in full.
 *
 * With no @min_score (0), nothing is left out, and the floor is only the first rule. */
static double
name_floor (gpointer data)
{
  const FloorQuery *q = data;
  const IndexedEntry *entry = &g_array_index (q->self->entries, IndexedEntry, q->name->entry);
  double floor = q->name->quality == TARMAC_NAME_QUALITY_WEAK ? 0.999 : MIN_NAME_SCORE;
  Evidence doc = document_evidence (q->document, q->document_fuzzy, entry);

  if (q->min_score <= 0.0 || g_str_equal (doc.id, "same-number"))
    return floor;
  return MAX (floor, q->min_score - (dob_evidence (q->query_dob, entry, q->has_dob).adjustment +
                                     nationality_evidence (q->nationality_code,
                                                           entry).adjustment +
                                     sex_evidence (q->sex, entry).adjustment +
                                     doc.adjustment));
}

/* The most the evidence can add when the traveller gives no document: the same date of
 * birth +0.05 and a nationality of the entry's +0.02 (the sex never adds; see
 * dob_evidence(), nationality_evidence(), sex_evidence()), with a margin for rounding. */
#define MAX_EVIDENCE_BONUS 0.0701

/* A floor that name_floor() never goes under, known without reading the entry: the first
 * rule, and without a document (which may be decisive), @min_score less the most the
 * evidence can add. */
static double
name_floor_low (const IndexedName *name,
                double             min_score,
                const char        *document)
{
  double floor = name->quality == TARMAC_NAME_QUALITY_WEAK ? 0.999 : MIN_NAME_SCORE;

  if (min_score <= 0.0 || document != NULL)
    return floor;
  return MAX (floor, min_score - MAX_EVIDENCE_BONUS);
}

/* An entry's score and what it rests on, before its explanation is written: only the
 * candidates kept (the best @limit) are built, with their JSON and text. */
typedef struct
{
  const IndexedEntry *entry;
  const IndexedName  *name;         /* or NULL: found by document alone */
  guint               comparison;   /* into the comparisons, when @name is set */
  double              name_score;
  double              score;
  Evidence            dob, nationality, sex, document;
} Scoring;

/* Best score first, then by entry. */
static int
compare_scorings (gconstpointer a,
                  gconstpointer b)
{
  const Scoring *x = a, *y = b;

  if (x->score != y->score)
    return x->score > y->score ? -1 : 1;
  return x->entry->entry_id < y->entry->entry_id ? -1 :
         (x->entry->entry_id > y->entry->entry_id);
}

/* One match; @exhaustive compares every name instead of the candidates the keys find;
 * @bounded stops the comparison of a name that cannot matter early (name_floor()). */
static GPtrArray *
match_query (TarmacScreenIndex      *self,
             const TarmacMatchQuery *query,
             double                  min_score,
             guint                   limit,
             gboolean                exhaustive,
             gboolean                bounded,
             TarmacMatchStats       *stats)
{
  g_autoptr(GPtrArray) tokens = NULL;
  g_autoptr(GArray) words = g_array_new (FALSE, TRUE, sizeof (QueryWord));
  g_autoptr(GArray) touched = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autoptr(GArray) scored = g_array_new (FALSE, FALSE, sizeof (Scored));
  g_autoptr(GHashTable) best_by_entry = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) document_entries = g_hash_table_new (NULL, NULL);
  GPtrArray *result = g_ptr_array_new_with_free_func ((GDestroyNotify) tarmac_match_candidate_free);
  g_autofree char *document = NULL;
  g_autofree char *document_fuzzy = NULL;
  const char *nationality_code = query->nationality;
  float query_weights[TARMAC_NAME_MAX_TOKENS];
  TarmacDob query_dob = { 0 };
  gboolean has_dob, all_particles = TRUE;
  TarmacMatchStats local_stats = { 0 };
  MatchScratch *scratch;

  g_return_val_if_fail (self->finished, result);
  if (stats == NULL)
    stats = &local_stats;
  memset (stats, 0, sizeof *stats);
  stats->names_indexed = self->names->len;

  tokens = tarmac_name_analyse (query->name != NULL ? query->name : "");
  has_dob = query->dob != NULL && tarmac_dob_parse (query->dob, &query_dob);
  /* "Afghanistan", "afg" and "AFG" are one nationality: looked up once, not per entry. */
  if (nationality_code != NULL && nationality_code[0] != '\0')
    {
      const char *code = tarmac_country_lookup (nationality_code);

      if (code != NULL)
        nationality_code = code;
    }
  if (query->document != NULL && query->document[0] != '\0')
    {
      document = tarmac_document_normalise (query->document);
      document_fuzzy = _tarmac_screen_document_fuzzy_key (document);
    }

  for (guint i = 0; i < tokens->len; i++)
    all_particles &= (((TarmacNameToken *) g_ptr_array_index (tokens, i))->flags &
                      TARMAC_NAME_TOKEN_PARTICLE) != 0;

  scratch = _tarmac_screen_index_take_scratch (self);

  /* Each query word's matching list words, and its weight in the comparator: the list
   * word's rarity when the list has the word, 1 otherwise. A word the list knows well
   * (the same word in twenty names or more) is looked up by itself, its name family and
   * its sound; its skeleton and one-edit neighbours would bring thousands of names that
   * its other words find anyway. */
  for (guint i = 0; i < tokens->len; i++)
    {
      TarmacNameToken *token = g_ptr_array_index (tokens, i);
      gpointer found = g_hash_table_lookup (self->vocab_by_text, token->text);
      g_autoptr(GArray) keys = g_array_new (FALSE, FALSE, sizeof (QueryKey));
      QueryWord word = { g_array_new (FALSE, FALSE, sizeof (WordHit)), 0 };
      gboolean skip_fuzzy;

      query_weights[i] = found != NULL
                           ? ((Vocab *) g_ptr_array_index (self->vocab,
                                                           GPOINTER_TO_UINT (found) - 1))->weight
                           : tarmac_name_token_weight (token);

      if ((token->flags & TARMAC_NAME_TOKEN_PARTICLE) && !all_particles)
        {
          g_array_unref (word.hits);
          continue;
        }
      skip_fuzzy = found != NULL &&
                   ((Vocab *) g_ptr_array_index (self->vocab,
                                                 GPOINTER_TO_UINT (found) - 1))->df >= 20;
      _tarmac_screen_word_keys (token, collect_key, keys);
      scratch->stamp++;
      for (guint k = 0; k < keys->len; k++)
        add_hits (self, scratch, &g_array_index (keys, QueryKey, k), word.hits, skip_fuzzy);
      add_segment_hits (self, scratch, tokens, i, word.hits);
      for (guint h = 0; h < word.hits->len; h++)
        word.postings += ((Vocab *) g_ptr_array_index (self->vocab,
                                                        g_array_index (word.hits, WordHit,
                                                                       h).vid))->post_length;
      g_array_append_val (words, word);
    }
  g_array_sort (words, compare_query_words);

  /* Rarest words first. A word that would bring in too many names only raises the names
   * already found: their words are tested against it, not its postings read. */
  for (guint w = 0; w < words->len; w++)
    {
      QueryWord *word = &g_array_index (words, QueryWord, w);

      if (touched->len > 0 && touched->len + word->postings > COMMON_POSTINGS)
        {
          stamp_hits (scratch, word->hits);
          for (guint i = 0; i < touched->len; i++)
            {
              guint32 n = g_array_index (touched, guint32, i);
              const IndexedName *name = &g_array_index (self->names, IndexedName, n);
              float best = 0.0f;

              for (guint k = 0; k < name->n_tokens; k++)
                {
                  guint32 vid = g_array_index (self->name_tokens, guint32, name->first_token + k);

                  if (scratch->word_stamp[vid] == scratch->stamp)
                    best = MAX (best, g_array_index (word->hits, WordHit,
                                                     scratch->word_hit[vid]).weight);
                }
              scratch->names[n].evidence += best;
            }
          continue;
        }

      /* Best hits first, and each name credited once per query word: a name that
       * spells one word three ways ("Malik; Malak; Malek") is not three times as good. */
      g_array_sort (word->hits, compare_hits);
      scratch->name_round++;
      for (guint h = 0; h < word->hits->len; h++)
        {
          const WordHit *hit = &g_array_index (word->hits, WordHit, h);
          const Vocab *vocab = g_ptr_array_index (self->vocab, hit->vid);

          const guint32 *posts = self->postings + vocab->post_offset;

          for (guint p = 0; p < vocab->post_length; p++)
            {
              NameScratch *name = &scratch->names[posts[p]];

              /* The names are all over the index: ask for the coming ones early. */
              if (p + PREFETCH_AHEAD < vocab->post_length)
                __builtin_prefetch (&scratch->names[posts[p + PREFETCH_AHEAD]], 1);
              if (name->stamp == scratch->name_round)
                continue;
              name->stamp = scratch->name_round;
              if (name->evidence == 0.0f)
                {
                  g_array_append_val (touched, posts[p]);
                  name->evidence = hit->weight;
                }
              else
                name->evidence += hit->weight;
            }
        }
    }
  stats->candidates_generated = touched->len;

  /* Only names with a fair share of the best name's evidence are worth a full
   * comparison: one common word in common is not a candidate when others share three.
   * The floor rises until few enough remain, so that only a short list is sorted. */
  {
    g_autofree float *evidence = g_new (float, MAX (touched->len, 1));
    float best = 0.0f, floor;
    guint kept;

    /* Gathered once (and the scratch cleared), so that the passes below read in order. */
    for (guint i = 0; i < touched->len; i++)
      {
        NameScratch *name = &scratch->names[g_array_index (touched, guint32, i)];

        evidence[i] = name->evidence;
        name->evidence = 0.0f;
        best = MAX (best, evidence[i]);
      }
    floor = best * 0.4f;
    do
      {
        kept = 0;
        for (guint i = 0; i < touched->len; i++)
          kept += evidence[i] >= floor;
        if (kept > 4 * MAX_CANDIDATES)
          floor += (best - floor) * 0.25f;
      }
    while (kept > 4 * MAX_CANDIDATES && best - floor > 1e-4f);

    for (guint i = 0; i < touched->len; i++)
      {
        Scored s = { g_array_index (touched, guint32, i), evidence[i] };

        if (s.evidence >= floor)
          g_array_append_val (scored, s);
      }
  }
  _tarmac_screen_index_return_scratch (self, scratch);

  g_array_sort (scored, compare_scored);
  if (scored->len > MAX_CANDIDATES)
    g_array_set_size (scored, MAX_CANDIDATES);

  /* The benchmark's reference: every name compared, whatever the keys found. */
  if (exhaustive)
    {
      g_array_set_size (scored, 0);
      for (guint32 n = 0; n < self->names->len; n++)
        {
          Scored s = { n, 0.0f };

          g_array_append_val (scored, s);
        }
    }

  /* Document numbers find entries whatever the name. */
  if (document != NULL)
    {
      const char kinds[] = { 'N', 'F' };

      for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
        {
          const char *text = kinds[k] == 'N' ? document : document_fuzzy;
          guint count, first;

          if (strlen (text) < 4)
            continue;
          first = _tarmac_screen_index_lookup (self->documents,
                                               _tarmac_screen_key_hash (kinds[k], text), &count);
          for (guint i = 0; i < count; i++)
            g_hash_table_add (document_entries,
                              GUINT_TO_POINTER (g_array_index (self->documents, KeyPost,
                                                               first + i).value + 1));
        }
    }

  /* Full comparison of the best names; each entry keeps its best name. */
  {
    g_autoptr(GArray) comparisons = g_array_new (FALSE, FALSE, sizeof (TarmacNameComparison));

    for (guint i = 0; i < scored->len; i++)
      {
        const IndexedName *name = &g_array_index (self->names, IndexedName,
                                                  g_array_index (scored, Scored, i).name);
        TarmacNameToken *entry_tokens[TARMAC_NAME_MAX_TOKENS];
        float entry_weights[TARMAC_NAME_MAX_TOKENS];
        TarmacNameComparison comparison;
        guint n_entry = 0;
        gpointer previous;
        double score, floor;
        FloorQuery floor_query = { self, name, min_score, &query_dob, has_dob,
                                   nationality_code, query->sex, document, document_fuzzy };

        for (guint k = 0; k < name->n_tokens && n_entry < TARMAC_NAME_MAX_TOKENS; k++)
          {
            guint32 vid = g_array_index (self->name_tokens, guint32, name->first_token + k);
            Vocab *vocab = g_ptr_array_index (self->vocab, vid);

            entry_tokens[n_entry] = vocab->token;
            entry_weights[n_entry++] = vocab->weight;
          }
        /* First against what no evidence can lower the floor under, so that the entry's
         * evidence is only looked at for the names that come near. */
        floor = !bounded ? 0.0 : name_floor_low (name, min_score, document);
        score = _tarmac_name_compare_at_least ((TarmacNameToken *const *) tokens->pdata,
                                               query_weights, tokens->len, entry_tokens,
                                               entry_weights, n_entry, floor,
                                               bounded ? name_floor : NULL, &floor_query,
                                               &comparison);
        if (score < 0.0)
          {
            stats->candidates_bounded++;
            continue;
          }
        stats->candidates_scored++;

        /* A weak alias counts only as the exact name. */
        if (name->quality == TARMAC_NAME_QUALITY_WEAK && score < 0.999)
          continue;
        if (score < MIN_NAME_SCORE)
          continue;

        previous = g_hash_table_lookup (best_by_entry, GUINT_TO_POINTER (name->entry + 1));
        if (previous != NULL)
          {
            const TarmacNameComparison *other = &g_array_index (comparisons, TarmacNameComparison,
                                                                GPOINTER_TO_UINT (previous) - 1);

            if (other->score >= score)
              continue;
            g_array_index (comparisons, TarmacNameComparison, GPOINTER_TO_UINT (previous) - 1) =
              comparison;
            /* remember which name: stored next to the comparison below */
          }
        else
          {
            g_array_append_val (comparisons, comparison);
            g_hash_table_insert (best_by_entry, GUINT_TO_POINTER (name->entry + 1),
                                 GUINT_TO_POINTER (comparisons->len));
          }
        /* The matched name's index rides in a parallel table. */
        g_hash_table_insert (document_entries, GUINT_TO_POINTER (name->entry + 1),
                             GUINT_TO_POINTER (g_array_index (scored, Scored, i).name + 1));
      }

    /* Score every entry found by name or by document. */
    {
      g_autoptr(GArray) scorings = g_array_new (FALSE, FALSE, sizeof (Scoring));
      GHashTableIter iter;
      gpointer key, value;

      g_hash_table_iter_init (&iter, document_entries);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          guint32 entry_index = GPOINTER_TO_UINT (key) - 1;
          const IndexedEntry *entry = &g_array_index (self->entries, IndexedEntry, entry_index);
          gpointer position = g_hash_table_lookup (best_by_entry, key);
          const IndexedName *name = NULL;
          guint comparison = 0;
          Evidence dob, nationality, sex, doc;
          double name_score = 0.0, score;

          if (position != NULL && GPOINTER_TO_UINT (value) > 0 &&
              GPOINTER_TO_UINT (value) - 1 < self->names->len &&
              g_array_index (self->names, IndexedName, GPOINTER_TO_UINT (value) - 1).entry ==
                entry_index)
            {
              name = &g_array_index (self->names, IndexedName, GPOINTER_TO_UINT (value) - 1);
              comparison = GPOINTER_TO_UINT (position) - 1;
              name_score = g_array_index (comparisons, TarmacNameComparison, comparison).score;
            }

          dob = dob_evidence (&query_dob, entry, has_dob);
          nationality = nationality_evidence (nationality_code, entry);
          sex = sex_evidence (query->sex, entry);
          doc = document_evidence (document, document_fuzzy, entry);

          if (g_str_equal (doc.id, "same-number"))
            score = MAX (0.99, name_score);
          else if (name == NULL)
            score = g_str_equal (doc.id, "near-number") ? 0.90 : 0.0;
          else
            {
              score = name_score + dob.adjustment + nationality.adjustment + sex.adjustment +
                      doc.adjustment;
              if (name->quality == TARMAC_NAME_QUALITY_WEAK && dob.adjustment <= 0.0 &&
                  nationality.adjustment <= 0.0 && doc.adjustment <= 0.0)
                score *= 0.70;
            }
          score = CLAMP (score, 0.0, 1.0);
          if (score < min_score)
            continue;

          {
            Scoring scoring = { entry, name, comparison, name_score, score, dob, nationality,
                                sex, doc };

            g_array_append_val (scorings, scoring);
          }
        }

      /* Best first (a stable sort, as the candidates' was), and only the kept ones are
       * explained. */
      g_array_sort (scorings, compare_scorings);
      if (limit > 0 && scorings->len > limit)
        g_array_set_size (scorings, limit);
      for (guint i = 0; i < scorings->len; i++)
        {
          const Scoring *scoring = &g_array_index (scorings, Scoring, i);
          TarmacNameComparison empty = { 0 };

          g_ptr_array_add (result,
                           build_candidate (self, scoring->entry, scoring->name, tokens,
                                            scoring->name != NULL
                                              ? &g_array_index (comparisons,
                                                                TarmacNameComparison,
                                                                scoring->comparison)
                                              : &empty,
                                            scoring->name_score, scoring->score,
                                            &scoring->dob, &scoring->nationality,
                                            &scoring->sex, &scoring->document));
        }
    }
  }

  for (guint w = 0; w < words->len; w++)
    g_array_unref (g_array_index (words, QueryWord, w).hits);

  return result;
}

/**
 * tarmac_screen_index_match:
 * @index: a finished index
 * @query: the traveller
 * @min_score: candidates under this score are left out
 * @limit: at most this many candidates
 * @stats: (out) (optional): how much work the match took
 *
 * Safe to call from several threads at once on one index.
 *
 * Returns: (transfer full) (element-type TarmacMatchCandidate): the candidates, best first
 */
GPtrArray *
tarmac_screen_index_match (TarmacScreenIndex      *self,
                           const TarmacMatchQuery *query,
                           double                  min_score,
                           guint                   limit,
                           TarmacMatchStats       *stats)
{
  return match_query (self, query, min_score, limit, FALSE, TRUE, stats);
}

/* tarmac_screen_index_match() comparing @query with every name of the index: what the
 * candidate keys would find if they lost nothing (the accuracy benchmark's blocking
 * recall). Slow: for lists of a few thousand names. */
GPtrArray *
_tarmac_screen_index_match_exhaustive (TarmacScreenIndex      *self,
                                       const TarmacMatchQuery *query,
                                       double                  min_score,
                                       guint                   limit)
{
  return match_query (self, query, min_score, limit, TRUE, FALSE, NULL);
}

/* tarmac_screen_index_match() comparing every candidate name in full: the bound of
 * name_floor() must change nothing (tests/test-screen-bound.c). */
GPtrArray *
_tarmac_screen_index_match_unbounded (TarmacScreenIndex      *self,
                                      const TarmacMatchQuery *query,
                                      double                  min_score,
                                      guint                   limit)
{
  return match_query (self, query, min_score, limit, FALSE, FALSE, NULL);
}

/**
 * tarmac_screen_match:
 * @store: the store, for the audit log
 *
 * tarmac_screen_index_match() for an officer's look-up: a search of the lists by a
 * person's name, written to the audit log.
 *
 * Returns: (transfer full) (element-type TarmacMatchCandidate): the candidates, or %NULL
 */
GPtrArray *
tarmac_screen_match (TarmacStore            *store,
                     TarmacScreenIndex      *index,
                     const TarmacMatchQuery *query,
                     double                  min_score,
                     guint                   limit,
                     GError                **error)
{
  g_autofree char *detail = g_strdup_printf ("%s%s%s", query->name != NULL ? query->name : "",
                                             query->dob != NULL ? " " : "",
                                             query->dob != NULL ? query->dob : "");

  if (!tarmac_audit_append (store, "search", "watchlist", NULL, detail, error))
    return NULL;
  return tarmac_screen_index_match (index, query, min_score, limit, NULL);
}

/**
 * tarmac_match_candidate_to_json:
 *
 * `{"list", "watchlist_id", "entry_id", "external_id", "kind", "names": [...],
 * "matched_name", "matched_quality", "score", "name_score", "explanation": {"text",
 * "name": {...}, "dob", "nationality", "sex", "document"}}`
 *
 * Returns: (transfer full): an object node
 */
JsonNode *
tarmac_match_candidate_to_json (const TarmacMatchCandidate *candidate)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  JsonNode *explanation = json_node_copy (candidate->explanation);

  json_object_set_string_member (json_node_get_object (explanation), "text", candidate->summary);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "list");
  json_builder_add_string_value (builder, candidate->list_name);
  json_builder_set_member_name (builder, "watchlist_id");
  json_builder_add_int_value (builder, candidate->watchlist_id);
  json_builder_set_member_name (builder, "entry_id");
  json_builder_add_int_value (builder, candidate->entry_id);
  json_builder_set_member_name (builder, "external_id");
  json_builder_add_string_value (builder, candidate->external_id);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, candidate->kind);
  json_builder_set_member_name (builder, "names");
  json_builder_begin_array (builder);
  for (guint i = 0; i < candidate->names->len; i++)
    json_builder_add_string_value (builder, g_ptr_array_index (candidate->names, i));
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "matched_name");
  json_builder_add_string_value (builder, candidate->matched_name);
  json_builder_set_member_name (builder, "matched_quality");
  json_builder_add_string_value (builder, candidate->matched_quality);
  json_builder_set_member_name (builder, "score");
  json_builder_add_double_value (builder, (double) (gint64) (candidate->score * 10000 + 0.5) /
                                          10000.0);
  json_builder_set_member_name (builder, "name_score");
  json_builder_add_double_value (builder, (double) (gint64) (candidate->name_score * 10000 +
                                                             0.5) / 10000.0);
  json_builder_set_member_name (builder, "explanation");
  json_builder_add_value (builder, explanation);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}
