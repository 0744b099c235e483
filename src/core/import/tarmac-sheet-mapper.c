/* tarmac-sheet-mapper.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-sheet-mapper"

#include "config.h"

#include <string.h>

#include "tarmac-sheet-private.h"

/* Proposes a mapping for a spreadsheet nobody has described to us (formats.md §4.8): the
 * header row is the one whose cells name the most known fields; header names are
 * compared folded (case, accents and punctuation dropped) with synonyms in English,
 * French, Spanish and Portuguese; columns no header explains are guessed from their
 * cells (dates, M/F, three-letter country codes, seats, passport-like numbers, …). Rows
 * above the header or the data are title rows, searched for the flight ("Flight AF 0702
 * 22/11/2026 CDG-LFW"). The officer corrects what is wrong in the preview. */

#define HEADER_SCAN_ROWS 15
#define CONTENT_SAMPLE   60

static const struct
{
  TarmacSheetField  field;
  const char       *names;        /* folded synonyms, separated by '|' */
} synonyms[] = {
  { TARMAC_SHEET_FIELD_SURNAME,
    "surname|surnames|last name|lastname|family name|pax surname|passenger surname|nom|"
    "nom de famille|nom patronymique|apellido|apellidos|primer apellido|sobrenome|"
    "apelido|apelidos|ultimo nome" },
  { TARMAC_SHEET_FIELD_GIVEN_NAMES,
    "given name|given names|first name|first names|firstname|forename|forenames|"
    "christian name|prenom|prenoms|nombre|nombres|nome|nomes|primeiro nome|nome proprio|"
    "pax first name|passenger first name" },
  { TARMAC_SHEET_FIELD_FULL_NAME,
    "name|full name|passenger name|passenger|pax name|pax|traveller|traveler|"
    "passenger names|name of passenger|nom complet|nom et prenom|nom et prenoms|"
    "nom prenom|nom prenoms|nom du passager|passager|nombre completo|nombre y apellidos|"
    "apellidos y nombre|apellidos y nombres|nombre del pasajero|pasajero|nome completo|"
    "nome do passageiro|passageiro|crew name|nom de l equipage" },
  { TARMAC_SHEET_FIELD_DATE_OF_BIRTH,
    "dob|d o b|date of birth|birth date|birthdate|birthday|born|date naissance|"
    "date de naissance|ne le|ne e le|ddn|fecha de nacimiento|fecha nacimiento|"
    "f nacimiento|fec nac|data de nascimento|data nascimento|dt nasc|dt nascimento|"
    "nascimento|nacimiento|naissance" },
  { TARMAC_SHEET_FIELD_SEX,
    "sex|gender|m f|sexe|genre|sexo|genero" },
  { TARMAC_SHEET_FIELD_NATIONALITY,
    "nationality|nat|citizenship|country|nationalite|pays|nacionalidad|nacionalidade|nac|"
    "pais" },
  { TARMAC_SHEET_FIELD_DOCUMENT_NUMBER,
    "document number|document no|document nr|doc no|doc nr|doc number|doc|document|"
    "passport|passport number|passport no|passport nr|travel document|"
    "travel document number|id number|numero de document|n document|no document|"
    "n de document|numero du document|numero de passeport|n passeport|no passeport|"
    "passeport|numero de documento|numero documento|n documento|no documento|documento|"
    "pasaporte|numero de pasaporte|n pasaporte|passaporte|numero do passaporte|"
    "numero do documento|n do documento" },
  { TARMAC_SHEET_FIELD_DOCUMENT_TYPE,
    "document type|doc type|type of document|travel document type|id type|"
    "type de document|type document|type doc|tipo de documento|tipo documento|tipo doc|"
    "tipo" },
  { TARMAC_SHEET_FIELD_DOCUMENT_ISSUER,
    "issuing state|issuing country|issued by|country of issue|issuer|issuing authority|"
    "document country|doc country|pays de delivrance|pays emetteur|etat emetteur|"
    "etat de delivrance|delivre par|pais de emision|pais emisor|pais expedidor|"
    "expedido por|pais de emissao|pais emissor|emitido por" },
  { TARMAC_SHEET_FIELD_DOCUMENT_EXPIRY,
    "expiry|expiry date|expiration|expiration date|expires|date of expiry|valid until|"
    "doc expiry|document expiry|passport expiry|date d expiration|date expiration|"
    "expire le|validite|date de validite|fin de validite|fecha de caducidad|caducidad|"
    "fecha de vencimiento|vencimiento|fecha de expiracion|expiracion|valido hasta|"
    "data de validade|validade|data de expiracao|expiracao|valido ate" },
  { TARMAC_SHEET_FIELD_SEAT,
    "seat|seat number|seat no|seat nr|siege|place|n siege|asiento|assento|lugar" },
  { TARMAC_SHEET_FIELD_BOOKING_REFERENCE,
    "pnr|booking|booking ref|booking reference|record locator|locator|reservation|"
    "reservation number|pnr locator|ref|reference|reference de reservation|"
    "reference reservation|dossier|localizador|codigo de reserva|reserva|"
    "localizador da reserva|codigo da reserva|referencia" },
  { TARMAC_SHEET_FIELD_BAGS,
    "bags|bag|bag count|no of bags|number of bags|pieces|pcs|pc|checked bags|baggage|"
    "bagages|bagage|nb bagages|nombre de bagages|equipaje|maletas|bultos|piezas|bagagem|"
    "bagagens|malas|volumes|pecas" },
  { TARMAC_SHEET_FIELD_BAG_WEIGHT,
    "bag weight|baggage weight|weight|kg|bags kg|weight kg|poids|poids bagages|"
    "poids des bagages|peso|peso equipaje|peso del equipaje|peso bagagem|peso da bagagem" },
  { TARMAC_SHEET_FIELD_KIND,
    "crew|crew pax|pax crew|crew passenger|passenger crew|crew or passenger|pax type|"
    "passenger type|type pax|role|category|categorie|equipage|equipage passager|"
    "pax equipage|tripulacion|tripulante|pasajero tripulante|tripulacao|"
    "passageiro tripulante|status" },
  { TARMAC_SHEET_FIELD_RESIDENCE,
    "residence|country of residence|resident of|pays de residence|residence pays|"
    "pais de residencia|residencia|pais de residencia" },
  { TARMAC_SHEET_FIELD_BIRTHPLACE,
    "place of birth|birthplace|birth place|country of birth|lieu de naissance|"
    "pays de naissance|lugar de nacimiento|pais de nacimiento|local de nascimento|"
    "naturalidade|pais de nascimento" },
  { TARMAC_SHEET_FIELD_EMBARKATION,
    "from|origin|boarding point|board point|boarding|embarkation|port of embarkation|"
    "dep|depart|departure|origine|provenance|embarquement|de|origen|embarque|"
    "procedencia|origem|desde" },
  { TARMAC_SHEET_FIELD_DEBARKATION,
    "to|destination|off point|debarkation|disembarkation|port of debarkation|arr|"
    "arrival|final destination|debarquement|a|destino|desembarque|para|hasta|ate" },
  { TARMAC_SHEET_FIELD_CARRIER,
    "carrier|airline|airline code|operating carrier|compagnie|compagnie aerienne|"
    "transporteur|aerolinea|compania|companhia|companhia aerea|cia" },
  { TARMAC_SHEET_FIELD_FLIGHT,
    "flight|flight number|flight no|flight nr|flt|flt no|vol|numero de vol|n vol|no vol|"
    "n du vol|vuelo|numero de vuelo|n vuelo|no vuelo|voo|numero do voo|n voo|no voo" },
  { TARMAC_SHEET_FIELD_FLIGHT_DATE,
    "flight date|date|departure date|date of flight|date du vol|date de depart|"
    "date vol|fecha|fecha de vuelo|fecha del vuelo|fecha de salida|data|data do voo|"
    "data de partida|data de saida|std date" },
};

/* How well @header names a field: the field of an exact synonym (score 1000), else of
 * the longest synonym found in it as whole words (its length). */
static TarmacSheetField
match_header (const char *header,
              guint      *score)
{
  g_autofree char *folded = _tarmac_sheet_fold (header);
  g_autofree char *padded = g_strdup_printf (" %s ", folded);
  TarmacSheetField best = TARMAC_SHEET_FIELD_IGNORE;
  guint best_length = 0;

  *score = 0;
  if (*folded == '\0' || strlen (folded) > 60)
    return TARMAC_SHEET_FIELD_IGNORE;

  for (guint i = 0; i < G_N_ELEMENTS (synonyms); i++)
    {
      g_auto(GStrv) names = g_strsplit (synonyms[i].names, "|", -1);

      for (guint j = 0; names[j] != NULL; j++)
        {
          g_autofree char *word = NULL;
          gsize length = strlen (names[j]);

          if (g_str_equal (folded, names[j]))
            {
              *score = 1000;
              return synonyms[i].field;
            }
          /* Very short synonyms ("a", "de", "to") only count as the whole header. */
          if (length < 3 || length <= best_length)
            continue;
          word = g_strdup_printf (" %s ", names[j]);
          if (strstr (padded, word) != NULL)
            {
              best = synonyms[i].field;
              best_length = length;
            }
        }
    }

  *score = best_length;
  return best;
}

TarmacSheetField
_tarmac_sheet_field_for_header (const char *header)
{
  guint score;

  return match_header (header, &score);
}

static guint
count_filled (const TarmacSheet *sheet,
              guint              row)
{
  guint filled = 0;

  for (guint c = 0; c < sheet->n_columns; c++)
    {
      g_autofree char *cell = _tarmac_sheet_trim (tarmac_sheet_get_cell (sheet, row, c));

      filled += *cell != '\0';
    }
  return filled;
}

static gboolean
field_used (TarmacSheetMapping *self,
            TarmacSheetField    field)
{
  for (guint c = 0; c < tarmac_sheet_mapping_get_n_columns (self); c++)
    if (tarmac_sheet_mapping_get_field (self, c) == field)
      return TRUE;
  return FALSE;
}

/* The header row: the one among the first rows naming the most distinct fields (two at
 * least). Returns -1 when there is none. */
static int
find_header (const TarmacSheet *sheet)
{
  int best = -1;
  guint best_count = 1;

  for (guint r = 0; r < MIN (sheet->rows->len, HEADER_SCAN_ROWS); r++)
    {
      guint seen = 0;
      guint count = 0;

      for (guint c = 0; c < sheet->n_columns; c++)
        {
          guint score;
          TarmacSheetField field = match_header (tarmac_sheet_get_cell (sheet, r, c), &score);

          if (field != TARMAC_SHEET_FIELD_IGNORE && field < 32 && !(seen & (1u << field)))
            {
              seen |= 1u << field;
              count++;
            }
        }
      if (count > best_count)
        {
          best = (int) r;
          best_count = count;
        }
    }

  return best;
}

typedef gboolean (*CellTest) (const char *cell);

static gboolean
is_date (const char *cell)
{
  return _tarmac_sheet_date_orders (cell) != 0;
}

static gboolean
is_sex (const char *cell)
{
  return strlen (cell) <= 9 && _tarmac_sheet_read_sex (cell) != NULL;
}

static gboolean
is_document_type (const char *cell)
{
  g_autofree char *type = NULL;

  if (strlen (cell) > 2)
    return FALSE;
  type = _tarmac_sheet_read_document_type (cell);
  return type != NULL && strchr ("PIVAC", type[0]) != NULL && type[1] == '\0';
}

static gboolean
is_kind (const char *cell)
{
  return _tarmac_sheet_read_kind (cell) >= 0;
}

static gboolean
is_seat (const char *cell)
{
  g_autofree char *seat = _tarmac_sheet_read_seat (cell);

  return seat != NULL;
}

static gboolean
is_slash_name (const char *cell)
{
  const char *slash = strchr (cell, '/');

  return slash != NULL && slash != cell && g_ascii_isalpha (slash[-1]) &&
         g_ascii_isalpha (slash[1]) && strspn (cell, "0123456789") == 0;
}

static gboolean
is_flight (const char *cell)
{
  g_autofree char *carrier = NULL;
  g_autofree char *number = NULL;

  return _tarmac_sheet_read_flight (cell, &carrier, &number) && carrier != NULL;
}

static gboolean
is_country (const char *cell)
{
  g_autofree char *upper = g_ascii_strup (cell, -1);

  return strlen (cell) == 3 && _tarmac_sheet_is_country (upper);
}

static gboolean
is_airport (const char *cell)
{
  return strlen (cell) == 3 && g_ascii_isupper (cell[0]) && g_ascii_isupper (cell[1]) &&
         g_ascii_isupper (cell[2]);
}

static guint
count_digits (const char *cell)
{
  guint digits = 0;

  for (const char *p = cell; *p != '\0'; p++)
    digits += g_ascii_isdigit (*p) != 0;
  return digits;
}

static gboolean
is_locator (const char *cell)
{
  return strlen (cell) == 6 &&
         strspn (cell, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") == 6 && count_digits (cell) < 4;
}

static gboolean
is_document_number (const char *cell)
{
  gsize length = strlen (cell);

  return length >= 5 && length <= 15 && count_digits (cell) >= 2 &&
         strspn (cell, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 -") ==
         length;
}

static gboolean
is_bag_count (const char *cell)
{
  int count = _tarmac_sheet_read_count (cell);

  return count >= 0 && count <= 20 && strlen (cell) <= 6;
}

static gboolean
is_name (const char *cell)
{
  gboolean letters = FALSE;

  for (const char *p = cell; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalpha (c))
        letters = TRUE;
      else if (c != ' ' && c != '-' && c != '\'' && c != 0x2019 && c != '.')
        return FALSE;
    }
  return letters && strlen (cell) >= 2;
}

/* The share (0–100) of a column's sampled cells passing @test. */
static guint
share (GPtrArray *cells,
       CellTest   test)
{
  guint passed = 0;

  if (cells->len == 0)
    return 0;
  for (guint i = 0; i < cells->len; i++)
    passed += test (g_ptr_array_index (cells, i)) != 0;
  return passed * 100 / cells->len;
}

static guint
count_distinct (GPtrArray *cells)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < cells->len; i++)
    g_hash_table_add (seen, g_ptr_array_index (cells, i));
  return g_hash_table_size (seen);
}

/* A date column: all the same → the flight date; mostly past → births; else expiries. */
static TarmacSheetField
classify_dates (GPtrArray *cells)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  guint past = 0;
  guint n = 0;

  if (count_distinct (cells) == 1 && cells->len > 1)
    return TARMAC_SHEET_FIELD_FLIGHT_DATE;

  for (guint i = 0; i < cells->len; i++)
    {
      g_autofree char *iso = _tarmac_sheet_read_date (g_ptr_array_index (cells, i),
                                                      TARMAC_SHEET_DATE_ORDER_DMY, TRUE);

      if (iso == NULL)
        continue;
      n++;
      /* Born more than a year ago. */
      past += strcmp (iso, today) < 0 && atoi (today) - atoi (iso) >= 1;
    }
  if (n > 0 && past * 2 > n)
    return TARMAC_SHEET_FIELD_DATE_OF_BIRTH;
  return TARMAC_SHEET_FIELD_DOCUMENT_EXPIRY;
}

static gboolean
propose (TarmacSheetMapping *self,
         guint               column,
         TarmacSheetField    field)
{
  if (field_used (self, field))
    return FALSE;
  tarmac_sheet_mapping_set_field (self, column, field);
  return TRUE;
}

static void
guess_from_content (TarmacSheetMapping *self,
                    guint               column,
                    GPtrArray          *cells)
{
  if (cells->len == 0)
    return;

  if (share (cells, is_date) >= 80)
    {
      TarmacSheetField field = classify_dates (cells);

      if (propose (self, column, field))
        return;
      if (field == TARMAC_SHEET_FIELD_DOCUMENT_EXPIRY)
        propose (self, column, TARMAC_SHEET_FIELD_DATE_OF_BIRTH);
      return;
    }
  if (share (cells, is_sex) >= 90 && propose (self, column, TARMAC_SHEET_FIELD_SEX))
    return;
  if (share (cells, is_document_type) >= 90 &&
      propose (self, column, TARMAC_SHEET_FIELD_DOCUMENT_TYPE))
    return;
  if (share (cells, is_kind) >= 90 && propose (self, column, TARMAC_SHEET_FIELD_KIND))
    return;
  if (share (cells, is_seat) >= 80 && propose (self, column, TARMAC_SHEET_FIELD_SEAT))
    return;
  if (share (cells, is_slash_name) >= 80 && propose (self, column, TARMAC_SHEET_FIELD_FULL_NAME))
    return;
  if (share (cells, is_flight) >= 90 && propose (self, column, TARMAC_SHEET_FIELD_FLIGHT))
    return;
  if (share (cells, is_country) >= 80)
    {
      if (propose (self, column, TARMAC_SHEET_FIELD_NATIONALITY) ||
          propose (self, column, TARMAC_SHEET_FIELD_DOCUMENT_ISSUER) ||
          propose (self, column, TARMAC_SHEET_FIELD_RESIDENCE))
        return;
    }
  if (share (cells, is_airport) >= 90)
    {
      if (propose (self, column, TARMAC_SHEET_FIELD_EMBARKATION) ||
          propose (self, column, TARMAC_SHEET_FIELD_DEBARKATION))
        return;
    }
  if (share (cells, is_locator) >= 80 && propose (self, column, TARMAC_SHEET_FIELD_BOOKING_REFERENCE))
    return;
  if (share (cells, is_document_number) >= 80 &&
      count_distinct (cells) * 10 >= cells->len * 9 &&
      propose (self, column, TARMAC_SHEET_FIELD_DOCUMENT_NUMBER))
    return;
  if (share (cells, is_bag_count) >= 90 && propose (self, column, TARMAC_SHEET_FIELD_BAGS))
    return;
  if (share (cells, is_name) >= 90)
    {
      if (field_used (self, TARMAC_SHEET_FIELD_FULL_NAME))
        return;
      if (propose (self, column, TARMAC_SHEET_FIELD_SURNAME))
        return;
      propose (self, column, TARMAC_SHEET_FIELD_GIVEN_NAMES);
    }
}

static GPtrArray *
sample_column (const TarmacSheet *sheet,
               guint              first_row,
               guint              column)
{
  GPtrArray *cells = g_ptr_array_new_with_free_func (g_free);

  for (guint r = first_row; r < sheet->rows->len && cells->len < CONTENT_SAMPLE; r++)
    {
      char *cell = _tarmac_sheet_trim (tarmac_sheet_get_cell (sheet, r, column));

      if (*cell == '\0')
        g_free (cell);
      else
        g_ptr_array_add (cells, cell);
    }
  return cells;
}

/* The order the file's dates are written in: decided by a date that reads one way only
 * (13/04 is day first); AUTO with *ambiguous when every date reads both ways. */
static TarmacSheetDateOrder
detect_date_order (TarmacSheetMapping *self,
                   const TarmacSheet  *sheet,
                   gboolean           *ambiguous)
{
  gboolean day_first = FALSE;
  gboolean month_first = FALSE;
  gboolean both = FALSE;

  for (guint c = 0; c < tarmac_sheet_mapping_get_n_columns (self); c++)
    {
      TarmacSheetField field = tarmac_sheet_mapping_get_field (self, c);

      if (field != TARMAC_SHEET_FIELD_DATE_OF_BIRTH &&
          field != TARMAC_SHEET_FIELD_DOCUMENT_EXPIRY && field != TARMAC_SHEET_FIELD_FLIGHT_DATE)
        continue;
      for (guint r = tarmac_sheet_mapping_get_first_row (self); r < sheet->rows->len; r++)
        {
          g_autofree char *cell = _tarmac_sheet_trim (tarmac_sheet_get_cell (sheet, r, c));
          guint orders = _tarmac_sheet_date_orders (cell);
          gboolean dmy = (orders & (1 << TARMAC_SHEET_DATE_ORDER_DMY)) != 0;
          gboolean mdy = (orders & (1 << TARMAC_SHEET_DATE_ORDER_MDY)) != 0;

          if (dmy && mdy)
            both = TRUE;
          else if (dmy)
            day_first = TRUE;
          else if (mdy)
            month_first = TRUE;
        }
    }

  *ambiguous = FALSE;
  if (day_first && !month_first)
    return TARMAC_SHEET_DATE_ORDER_DMY;
  if (month_first && !day_first)
    return TARMAC_SHEET_DATE_ORDER_MDY;
  /* Both kinds, or only ambiguous ones: the officer decides. */
  *ambiguous = both || (day_first && month_first);
  return TARMAC_SHEET_DATE_ORDER_AUTO;
}

static char *
find_match (const char *pattern,
            const char *text,
            guint       group)
{
  g_autoptr(GRegex) regex = g_regex_new (pattern, G_REGEX_OPTIMIZE, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;

  g_return_val_if_fail (regex != NULL, NULL);
  if (!g_regex_match (regex, text, 0, &match))
    return NULL;
  return g_match_info_fetch (match, group);
}

/**
 * _tarmac_sheet_find_flight:
 * @text: a title ("Flight AF 0702 22/11/2026 CDG-LFW", "VOL AF702 DU 22NOV26 CDG/LFW")
 *
 * Finds what it can of a flight in free text; each out value is %NULL when not found.
 * The date is returned as written.
 */
void
_tarmac_sheet_find_flight (const char  *text,
                           char       **carrier,
                           char       **number,
                           char       **date,
                           char       **origin,
                           char       **destination)
{
  static const char designator[] =
    "(?<![A-Z0-9])((?:[A-Z][A-Z0-9]|[0-9][A-Z])\\s?-?\\s?0*[0-9]{1,4}[A-Z]?)(?![0-9/.:])";
  g_autofree char *upper = g_utf8_strup (text, -1);
  g_autofree char *flight = NULL;
  g_autofree char *route = NULL;

  *carrier = *number = *date = *origin = *destination = NULL;

  /* After a word for "flight" first; then any designator-shaped token. */
  flight = find_match ("(?:FLIGHT|FLT|VOL|VUELO|VOO|N[O°º]\\.?)\\W{0,3}"
                       "((?:[A-Z][A-Z0-9]|[0-9][A-Z]|[A-Z]{3})\\s?-?\\s?0*[0-9]{1,4}[A-Z]?)"
                       "(?![0-9/.:])", upper, 1);
  if (flight == NULL)
    flight = find_match (designator, upper, 1);
  if (flight != NULL)
    _tarmac_sheet_read_flight (flight, carrier, number);

  *date = find_match ("(?<![0-9])([0-9]{4}-[0-9]{1,2}-[0-9]{1,2}|"
                      "[0-9]{1,2}[/.-][0-9]{1,2}[/.-][0-9]{2,4}|"
                      "[0-9]{1,2}[ -]?[A-Z]{3,9}\\.?[ -]?[0-9]{2,4})(?![0-9])", upper, 1);

  route = find_match ("(?<![A-Z])([A-Z]{3}\\s*(?:-|/|>|–|→|\\bTO\\b)\\s*[A-Z]{3})(?![A-Z])",
                      upper, 1);
  if (route != NULL)
    {
      const char *end = route + strlen (route) - 3;

      *origin = g_strndup (route, 3);
      *destination = g_strdup (end);
    }
}

/* The flight from the title rows above @first_row. */
static void
detect_flight (TarmacSheetMapping *self,
               const TarmacSheet  *sheet,
               guint               first_row)
{
  g_autofree char *carrier = NULL;
  g_autofree char *number = NULL;
  g_autofree char *date = NULL;
  g_autofree char *origin = NULL;
  g_autofree char *destination = NULL;
  g_autofree char *iso = NULL;
  int header = tarmac_sheet_mapping_get_header_row (self);

  for (guint r = 0; r < first_row && r < sheet->rows->len; r++)
    {
      g_autoptr(GString) title = g_string_new (NULL);
      char *found[5] = { NULL };

      if ((int) r == header)
        continue;
      for (guint c = 0; c < sheet->n_columns; c++)
        {
          g_string_append (title, tarmac_sheet_get_cell (sheet, r, c));
          g_string_append_c (title, ' ');
        }
      _tarmac_sheet_find_flight (title->str, &found[0], &found[1], &found[2], &found[3],
                                 &found[4]);
      /* The first title row that says something wins for each part. */
      if (carrier == NULL && found[0] != NULL)
        carrier = g_steal_pointer (&found[0]);
      if (number == NULL && found[1] != NULL && found[0] == NULL && carrier != NULL)
        number = g_steal_pointer (&found[1]);
      else if (number == NULL && found[1] != NULL)
        number = g_steal_pointer (&found[1]);
      if (date == NULL && found[2] != NULL)
        date = g_steal_pointer (&found[2]);
      if (origin == NULL && found[3] != NULL)
        {
          origin = g_steal_pointer (&found[3]);
          destination = g_steal_pointer (&found[4]);
        }
      for (guint i = 0; i < G_N_ELEMENTS (found); i++)
        g_free (found[i]);
    }

  if (date != NULL)
    iso = _tarmac_sheet_read_date (date, tarmac_sheet_mapping_get_date_order (self), FALSE);
  tarmac_sheet_mapping_set_flight (self, carrier, number, iso, origin, destination);
}

void
_tarmac_sheet_mapping_detect (TarmacSheetMapping *self,
                              const TarmacSheet  *sheet)
{
  g_autoptr(GString) signature = g_string_new (NULL);
  guint n_columns = tarmac_sheet_mapping_get_n_columns (self);
  int header = find_header (sheet);
  guint first_row = 0;
  gboolean ambiguous = FALSE;

  if (header >= 0)
    {
      first_row = (guint) header + 1;
      for (guint c = 0; c < n_columns; c++)
        {
          const char *cell = tarmac_sheet_get_cell (sheet, header, c);
          g_autofree char *folded = _tarmac_sheet_fold (cell);
          guint score;
          TarmacSheetField field = match_header (cell, &score);

          if (field != TARMAC_SHEET_FIELD_IGNORE && !field_used (self, field))
            tarmac_sheet_mapping_set_field (self, c, field);
          g_string_append_printf (signature, "%s%s", c > 0 ? "|" : "", folded);
        }
    }
  else
    {
      /* Title rows have few cells: the data starts at the first row filling half the
       * columns. */
      while (first_row + 1 < sheet->rows->len &&
             count_filled (sheet, first_row) * 2 < MAX (n_columns, 2))
        first_row++;
      g_string_printf (signature, "columns:%u", n_columns);
    }
  tarmac_sheet_mapping_set_rows (self, header, first_row);

  for (guint c = 0; c < n_columns; c++)
    if (tarmac_sheet_mapping_get_field (self, c) == TARMAC_SHEET_FIELD_IGNORE)
      {
        g_autoptr(GPtrArray) cells = sample_column (sheet, first_row, c);

        guess_from_content (self, c, cells);
      }

  /* "Nombre" or "Nome" alone is the whole name when no column has the surname. */
  if (!field_used (self, TARMAC_SHEET_FIELD_SURNAME) &&
      !field_used (self, TARMAC_SHEET_FIELD_FULL_NAME))
    for (guint c = 0; c < n_columns; c++)
      if (tarmac_sheet_mapping_get_field (self, c) == TARMAC_SHEET_FIELD_GIVEN_NAMES)
        tarmac_sheet_mapping_set_field (self, c, TARMAC_SHEET_FIELD_FULL_NAME);

  tarmac_sheet_mapping_set_date_order (self, detect_date_order (self, sheet, &ambiguous));
  _tarmac_sheet_mapping_set_detected (self, signature->str, ambiguous);
  detect_flight (self, sheet, first_row);
}
