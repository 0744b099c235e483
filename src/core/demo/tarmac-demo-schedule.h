/* tarmac-demo-schedule.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The demo's home airport: Lomé–Gnassingbé Eyadéma (LFW), ASKY's hub, UTC+0 all year. */
#define TARMAC_DEMO_HOME_AIRPORT "LFW"

typedef enum
{
  TARMAC_DEMO_DST_NONE,
  TARMAC_DEMO_DST_EU,     /* last Sunday of March to last Sunday of October, 01:00 UTC */
  TARMAC_DEMO_DST_US,     /* second Sunday of March to first Sunday of November */
} TarmacDemoDst;

typedef struct
{
  const char    *code;
  const char    *city;
  const char    *country;      /* ISO 3166-1 alpha-3 */
  double         latitude;
  double         longitude;
  int            utc_offset;   /* minutes, standard time */
  TarmacDemoDst  dst;
  /* "ISO3:weight|…": nationalities of travellers from or to this airport; NULL for
   * airports that only appear in itineraries. */
  const char    *mix;
  /* "CODE|…": where travellers continue when this airport is a hub for them. */
  const char    *beyond;
} TarmacDemoAirport;

typedef struct
{
  const char *code;
  const char *name;
  const char *country;
  const char *numeric_code;    /* airline accounting code, used in bag tags */
  const char *crew_mix;        /* "ISO3:weight|…" */
  /* Percent of this carrier's API records with names in capitals without diacritics,
   * as most departure control systems send them. */
  guint8      dcs_uppercase;
} TarmacDemoCarrier;

typedef struct
{
  const char *name;
  guint16     seats;
  const char *seat_letters;
  guint8      crew_min;
  guint8      crew_max;
} TarmacDemoAircraft;

/* Days of the week, as a mask: bit 0 is Monday. */
#define TARMAC_DEMO_DAILY 0x7f
#define TARMAC_DEMO_MON   (1 << 0)
#define TARMAC_DEMO_TUE   (1 << 1)
#define TARMAC_DEMO_WED   (1 << 2)
#define TARMAC_DEMO_THU   (1 << 3)
#define TARMAC_DEMO_FRI   (1 << 4)
#define TARMAC_DEMO_SAT   (1 << 5)
#define TARMAC_DEMO_SUN   (1 << 6)

/* One movement at the home airport: the flight lands there (origin elsewhere), leaves
 * from there, or stops there between @origin and @destination (@via is then the home
 * airport). A flight whose @via is another airport makes a stop there. */
typedef struct
{
  const char *carrier;
  const char *number;
  const char *origin;
  const char *via;
  const char *destination;
  const char *aircraft;
  guint16     home_time;   /* minutes after 00:00 UTC: arrival if inbound or stopping
                            * here, departure if outbound */
  guint8      days;
} TarmacDemoMovement;

typedef struct
{
  const char *origin_site;
  const char *author;
  const char *priority;
  guint8      hour;
  const char *subject_type;   /* "flight", or NULL for a general note */
  const char *subject_ref;    /* a flight designator, "ET 506" */
  const char *body;
} TarmacDemoNote;

extern const TarmacDemoAirport  _tarmac_demo_airports[];
extern const guint              _tarmac_demo_n_airports;
extern const TarmacDemoCarrier  _tarmac_demo_carriers[];
extern const guint              _tarmac_demo_n_carriers;
extern const TarmacDemoAircraft _tarmac_demo_aircraft[];
extern const guint              _tarmac_demo_n_aircraft;
extern const TarmacDemoMovement _tarmac_demo_movements[];
extern const guint              _tarmac_demo_n_movements;
extern const TarmacDemoNote     _tarmac_demo_notes[];
extern const guint              _tarmac_demo_n_notes;

G_END_DECLS
