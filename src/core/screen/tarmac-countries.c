/* tarmac-countries.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-countries"

#include "config.h"

#include <string.h>

#include "tarmac-countries.h"
#include "tarmac-name-key.h"

/*
 * Countries by ISO 3166-1 alpha-3 code (the codes of ICAO Doc 9303, which passports and
 * API data use, with its special codes: D for Germany, GBD… for British nationals, XXA
 * stateless, UNO), with the English names lists write instead of codes: the UN list's
 * official names ("Iran (Islamic Republic of)", "Türkiye"), OFAC's short ones ("Korea,
 * North", "Burma") and common usage. The first name is the one shown.
 */
static const struct
{
  const char *code;
  const char *names;   /* |-separated */
} countries[] = {
  { "AFG", "Afghanistan" },
  { "ALB", "Albania" },
  { "DZA", "Algeria" },
  { "AND", "Andorra" },
  { "AGO", "Angola" },
  { "ATG", "Antigua and Barbuda" },
  { "ARG", "Argentina" },
  { "ARM", "Armenia" },
  { "AUS", "Australia" },
  { "AUT", "Austria" },
  { "AZE", "Azerbaijan" },
  { "BHS", "Bahamas|The Bahamas" },
  { "BHR", "Bahrain" },
  { "BGD", "Bangladesh" },
  { "BRB", "Barbados" },
  { "BLR", "Belarus" },
  { "BEL", "Belgium" },
  { "BLZ", "Belize" },
  { "BEN", "Benin" },
  { "BTN", "Bhutan" },
  { "BOL", "Bolivia|Bolivia (Plurinational State of)" },
  { "BIH", "Bosnia and Herzegovina" },
  { "BWA", "Botswana" },
  { "BRA", "Brazil" },
  { "BRN", "Brunei|Brunei Darussalam" },
  { "BGR", "Bulgaria" },
  { "BFA", "Burkina Faso" },
  { "BDI", "Burundi" },
  { "CPV", "Cabo Verde|Cape Verde" },
  { "KHM", "Cambodia" },
  { "CMR", "Cameroon" },
  { "CAN", "Canada" },
  { "CAF", "Central African Republic" },
  { "TCD", "Chad" },
  { "CHL", "Chile" },
  { "CHN", "China" },
  { "COL", "Colombia" },
  { "COM", "Comoros" },
  { "COG", "Congo|Republic of the Congo|Congo, Republic of the|Congo-Brazzaville" },
  { "COD", "Democratic Republic of the Congo|Congo, Democratic Republic of the|DR Congo|Zaire|Congo-Kinshasa" },
  { "CRI", "Costa Rica" },
  { "CIV", "Côte d'Ivoire|Cote d'Ivoire|Ivory Coast" },
  { "HRV", "Croatia" },
  { "CUB", "Cuba" },
  { "CYP", "Cyprus" },
  { "CZE", "Czechia|Czech Republic" },
  { "DNK", "Denmark" },
  { "DJI", "Djibouti" },
  { "DMA", "Dominica" },
  { "DOM", "Dominican Republic" },
  { "ECU", "Ecuador" },
  { "EGY", "Egypt" },
  { "SLV", "El Salvador" },
  { "GNQ", "Equatorial Guinea" },
  { "ERI", "Eritrea" },
  { "EST", "Estonia" },
  { "SWZ", "Eswatini|Swaziland" },
  { "ETH", "Ethiopia" },
  { "FJI", "Fiji" },
  { "FIN", "Finland" },
  { "FRA", "France" },
  { "GAB", "Gabon" },
  { "GMB", "Gambia|The Gambia" },
  { "GEO", "Georgia" },
  { "DEU", "Germany|D" },
  { "GHA", "Ghana" },
  { "GRC", "Greece" },
  { "GRD", "Grenada" },
  { "GTM", "Guatemala" },
  { "GIN", "Guinea" },
  { "GNB", "Guinea-Bissau" },
  { "GUY", "Guyana" },
  { "HTI", "Haiti" },
  { "HND", "Honduras" },
  { "HUN", "Hungary" },
  { "ISL", "Iceland" },
  { "IND", "India" },
  { "IDN", "Indonesia" },
  { "IRN", "Iran|Iran (Islamic Republic of)|Islamic Republic of Iran" },
  { "IRQ", "Iraq" },
  { "IRL", "Ireland" },
  { "ISR", "Israel" },
  { "ITA", "Italy" },
  { "JAM", "Jamaica" },
  { "JPN", "Japan" },
  { "JOR", "Jordan" },
  { "KAZ", "Kazakhstan" },
  { "KEN", "Kenya" },
  { "KIR", "Kiribati" },
  { "PRK", "Democratic People's Republic of Korea|Korea, North|North Korea|DPRK" },
  { "KOR", "Republic of Korea|Korea, South|South Korea" },
  { "XKX", "Kosovo|RKS" },
  { "KWT", "Kuwait" },
  { "KGZ", "Kyrgyzstan" },
  { "LAO", "Laos|Lao People's Democratic Republic" },
  { "LVA", "Latvia" },
  { "LBN", "Lebanon" },
  { "LSO", "Lesotho" },
  { "LBR", "Liberia" },
  { "LBY", "Libya|Libyan Arab Jamahiriya" },
  { "LIE", "Liechtenstein" },
  { "LTU", "Lithuania" },
  { "LUX", "Luxembourg" },
  { "MDG", "Madagascar" },
  { "MWI", "Malawi" },
  { "MYS", "Malaysia" },
  { "MDV", "Maldives" },
  { "MLI", "Mali" },
  { "MLT", "Malta" },
  { "MHL", "Marshall Islands" },
  { "MRT", "Mauritania" },
  { "MUS", "Mauritius" },
  { "MEX", "Mexico" },
  { "FSM", "Micronesia|Micronesia (Federated States of)" },
  { "MDA", "Moldova|Republic of Moldova" },
  { "MCO", "Monaco" },
  { "MNG", "Mongolia" },
  { "MNE", "Montenegro" },
  { "MAR", "Morocco" },
  { "MOZ", "Mozambique" },
  { "MMR", "Myanmar|Burma" },
  { "NAM", "Namibia" },
  { "NRU", "Nauru" },
  { "NPL", "Nepal" },
  { "NLD", "Netherlands|The Netherlands" },
  { "NZL", "New Zealand" },
  { "NIC", "Nicaragua" },
  { "NER", "Niger" },
  { "NGA", "Nigeria" },
  { "MKD", "North Macedonia|Macedonia|Macedonia, The Former Yugoslav Republic of|The former Yugoslav Republic of Macedonia" },
  { "NOR", "Norway" },
  { "OMN", "Oman" },
  { "PAK", "Pakistan" },
  { "PLW", "Palau" },
  { "PSE", "State of Palestine|Palestine|Palestinian|Palestinian Territories|West Bank|Gaza" },
  { "PAN", "Panama" },
  { "PNG", "Papua New Guinea" },
  { "PRY", "Paraguay" },
  { "PER", "Peru" },
  { "PHL", "Philippines" },
  { "POL", "Poland" },
  { "PRT", "Portugal" },
  { "QAT", "Qatar" },
  { "ROU", "Romania" },
  { "RUS", "Russian Federation|Russia" },
  { "RWA", "Rwanda" },
  { "KNA", "Saint Kitts and Nevis" },
  { "LCA", "Saint Lucia" },
  { "VCT", "Saint Vincent and the Grenadines" },
  { "WSM", "Samoa" },
  { "SMR", "San Marino" },
  { "STP", "Sao Tome and Principe|São Tomé and Príncipe" },
  { "SAU", "Saudi Arabia" },
  { "SEN", "Senegal" },
  { "SRB", "Serbia" },
  { "SYC", "Seychelles" },
  { "SLE", "Sierra Leone" },
  { "SGP", "Singapore" },
  { "SVK", "Slovakia" },
  { "SVN", "Slovenia" },
  { "SLB", "Solomon Islands" },
  { "SOM", "Somalia" },
  { "ZAF", "South Africa" },
  { "SSD", "South Sudan" },
  { "ESP", "Spain" },
  { "LKA", "Sri Lanka" },
  { "SDN", "Sudan" },
  { "SUR", "Suriname" },
  { "SWE", "Sweden" },
  { "CHE", "Switzerland" },
  { "SYR", "Syrian Arab Republic|Syria" },
  { "TWN", "Taiwan" },
  { "TJK", "Tajikistan" },
  { "TZA", "United Republic of Tanzania|Tanzania" },
  { "THA", "Thailand" },
  { "TLS", "Timor-Leste|East Timor" },
  { "TGO", "Togo" },
  { "TON", "Tonga" },
  { "TTO", "Trinidad and Tobago" },
  { "TUN", "Tunisia" },
  { "TUR", "Türkiye|Turkey" },
  { "TKM", "Turkmenistan" },
  { "TUV", "Tuvalu" },
  { "UGA", "Uganda" },
  { "UKR", "Ukraine" },
  { "ARE", "United Arab Emirates|UAE" },
  { "GBR", "United Kingdom of Great Britain and Northern Ireland|United Kingdom|UK|Great Britain|GBD|GBN|GBO|GBP|GBS" },
  { "USA", "United States of America|United States|USA|US" },
  { "URY", "Uruguay" },
  { "UZB", "Uzbekistan" },
  { "VUT", "Vanuatu" },
  { "VAT", "Holy See|Vatican" },
  { "VEN", "Venezuela|Venezuela (Bolivarian Republic of)" },
  { "VNM", "Viet Nam|Vietnam" },
  { "YEM", "Yemen" },
  { "ZMB", "Zambia" },
  { "ZWE", "Zimbabwe" },
  { "HKG", "Hong Kong|China Hong Kong SAR" },
  { "MAC", "Macau|Macao" },
  { "PRI", "Puerto Rico" },
  { "SUN", "former Soviet Union|Soviet Union|USSR" },
  { "YUG", "Yugoslavia|former Yugoslavia" },
  { "XXA", "Stateless" },
  { "UNO", "United Nations" },
};

static GHashTable *
build_index (void)
{
  GHashTable *index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (countries); i++)
    {
      g_auto(GStrv) names = g_strsplit (countries[i].names, "|", -1);

      g_hash_table_insert (index, g_ascii_strdown (countries[i].code, -1),
                           (gpointer) countries[i].code);
      for (guint j = 0; names[j] != NULL; j++)
        g_hash_table_insert (index, tarmac_name_key (names[j]), (gpointer) countries[i].code);
    }
  return index;
}

/**
 * tarmac_country_lookup:
 * @country: an alpha-3 code or a country's name, in any case and with any accents
 *
 * Returns: (nullable): the country's alpha-3 code (a static string), or %NULL
 */
const char *
tarmac_country_lookup (const char *country)
{
  static gsize once = 0;
  static GHashTable *index = NULL;
  g_autofree char *key = NULL;

  if (g_once_init_enter (&once))
    {
      index = build_index ();
      g_once_init_leave (&once, 1);
    }
  if (country == NULL)
    return NULL;
  key = tarmac_name_key (country);
  return g_hash_table_lookup (index, key);
}

/**
 * tarmac_country_name:
 * @code: an alpha-3 code
 *
 * Returns: (nullable): the country's English name, or %NULL
 */
const char *
tarmac_country_name (const char *code)
{
  static char *names[G_N_ELEMENTS (countries)];
  static gsize once = 0;

  if (g_once_init_enter (&once))
    {
      for (guint i = 0; i < G_N_ELEMENTS (countries); i++)
        names[i] = g_strndup (countries[i].names, strcspn (countries[i].names, "|"));
      g_once_init_leave (&once, 1);
    }
  for (guint i = 0; code != NULL && i < G_N_ELEMENTS (countries); i++)
    if (g_ascii_strcasecmp (countries[i].code, code) == 0)
      return names[i];
  return NULL;
}
