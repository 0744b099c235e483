/* tarmac-demo-names.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * The tables the demo generator draws people from. Internal to src/core/demo.
 *
 * Lists are strings of '|'-separated items, parsed once per generation. In a name list,
 * an item may hold spelling variants separated by '~' ("Mohamed~Mohammed~Muhammad": one is
 * picked per person), a gendered surname is written "male/female" ("Kowalski/Kowalska"),
 * and an Arabic-script name with its Latin spelling "Latin=Arabic".
 */

typedef struct
{
  const char *id;
  const char *given_m;
  const char *given_f;
  const char *surnames;
  /* Only for cultures whose names PNRs sometimes carry in Arabic script only:
   * "Latin=Arabic" pairs, so the Latin fields of the same record agree. */
  const char *arabic_given_m;
  const char *arabic_given_f;
  const char *arabic_surnames;
  /* Percent of people with two given names. */
  guint8      second_given;
  /* How many surnames a person carries (compound surnames). */
  guint8      min_surnames;
  guint8      max_surnames;
} TarmacDemoCulture;

typedef struct
{
  const char *iso3;
  /* "culture:weight|culture:weight": the names met among this country's citizens. */
  const char *cultures;
  /* Number formats: '#' a digit, '@' a letter, '*' a letter or digit, others literal. */
  const char *passport_formats;
  guint8      passport_years;
  /* ECOWAS national identity card, accepted for travel within the region; or NULL. */
  const char *id_card_format;
  const char *dial_code;
  /* National significant number of a mobile phone, spaces as the country groups them. */
  const char *mobile_formats;
  const char *cities;
  const char *main_city;
  const char *currency;
  const char *email_domains;
  /* Second nationalities of dual nationals. */
  const char *dual;
} TarmacDemoNationality;

typedef struct
{
  const char *iso3;
  /* "Agency name@CITY|…": where travellers resident in this country buy tickets. */
  const char *agencies;
} TarmacDemoAgencies;

extern const TarmacDemoCulture     _tarmac_demo_cultures[];
extern const guint                 _tarmac_demo_n_cultures;
extern const TarmacDemoNationality _tarmac_demo_nationalities[];
extern const guint                 _tarmac_demo_n_nationalities;
extern const TarmacDemoAgencies    _tarmac_demo_agencies[];
extern const guint                 _tarmac_demo_n_agencies;

G_END_DECLS
