/* tarmac-demo-schedule.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-demo"

#include "config.h"

#include "tarmac-demo-schedule.h"

/*
 * A plausible week at Lomé for the demo, INVENTED: the carriers and airports are real,
 * but the timetable, flight numbers, aircraft and traveller mixes only look like those a
 * West African hub sees. They are not any airline's published schedule.
 */

const TarmacDemoAirport _tarmac_demo_airports[] = {
  { "LFW", "Lomé", "TGO", 6.166, 1.254, 0, TARMAC_DEMO_DST_NONE,
    "TGO:55|BEN:7|GHA:6|NGA:6|BFA:4|CIV:3|LBN:3|FRA:3|CHN:3|IND:2|NER:2|MLI:2|SEN:1|USA:1|"
    "DEU:1|TUR:1",
    NULL },
  { "ACC", "Accra", "GHA", 5.605, -0.167, 0, TARMAC_DEMO_DST_NONE,
    "GHA:60|NGA:15|TGO:10|USA:4|GBR:5|LBN:3|IND:3", "LHR|JFK|IAD" },
  { "LOS", "Lagos", "NGA", 6.577, 3.321, 60, TARMAC_DEMO_DST_NONE,
    "NGA:76|GHA:4|BEN:5|LBN:5|CHN:5|IND:5", "JFK|LHR" },
  { "ABJ", "Abidjan", "CIV", 5.261, -3.926, 0, TARMAC_DEMO_DST_NONE,
    "CIV:55|BFA:10|MLI:8|LBN:8|FRA:8|SEN:5|GIN:6", "CKY" },
  { "DSS", "Dakar", "SEN", 14.670, -17.073, 0, TARMAC_DEMO_DST_NONE,
    "SEN:55|FRA:10|MLI:10|GIN:10|MAR:5|LBN:5|CIV:5", "CKY|CDG|MAD" },
  { "COO", "Cotonou", "BEN", 6.357, 2.384, 60, TARMAC_DEMO_DST_NONE,
    "BEN:70|NGA:10|FRA:5|LBN:5|CHN:5|TGO:5", NULL },
  { "OUA", "Ouagadougou", "BFA", 12.353, -1.512, 0, TARMAC_DEMO_DST_NONE,
    "BFA:80|CIV:8|FRA:6|MLI:6", NULL },
  { "NIM", "Niamey", "NER", 13.481, 2.183, 60, TARMAC_DEMO_DST_NONE,
    "NER:75|MLI:8|BFA:7|FRA:5|TUR:5", NULL },
  { "BKO", "Bamako", "MLI", 12.533, -7.950, 0, TARMAC_DEMO_DST_NONE,
    "MLI:80|SEN:6|BFA:6|CIV:4|FRA:4", NULL },
  { "DLA", "Douala", "CMR", 4.006, 9.719, 60, TARMAC_DEMO_DST_NONE,
    "CMR:80|NGA:6|FRA:8|LBN:6", NULL },
  { "JNB", "Johannesburg", "ZAF", -26.139, 28.246, 120, TARMAC_DEMO_DST_NONE,
    "ZAF:55|NGA:15|GHA:5|IND:10|CHN:5|KEN:5|TGO:5", NULL },
  { "NBO", "Nairobi", "KEN", -1.319, 36.928, 180, TARMAC_DEMO_DST_NONE,
    "KEN:55|RWA:5|ETH:5|IND:10|CHN:10|USA:5|GBR:5|NGA:5", "JNB|BOM|CAN" },
  { "ADD", "Addis Ababa", "ETH", 8.978, 38.799, 180, TARMAC_DEMO_DST_NONE,
    "ETH:30|CHN:20|IND:10|NGA:8|KEN:5|TUR:5|LBN:5|USA:7|DEU:5|TGO:5",
    "JNB|NBO|DXB|CAN|BOM|KGL" },
  { "KGL", "Kigali", "RWA", -1.968, 30.139, 120, TARMAC_DEMO_DST_NONE,
    "RWA:65|KEN:10|BEL:10|USA:5|ETH:5|NGA:5", "NBO|BRU" },
  { "CAI", "Cairo", "EGY", 30.122, 31.406, 120, TARMAC_DEMO_DST_NONE,
    "EGY:70|LBN:10|TUR:5|NGA:5|CHN:5|IND:5", "BEY|JFK" },
  { "CMN", "Casablanca", "MAR", 33.367, -7.590, 60, TARMAC_DEMO_DST_NONE,
    "MAR:65|FRA:8|SEN:5|ESP:5|BRA:7|COL:3|LBN:4|MLI:3", "GRU|MAD|CDG|JFK|BCN|FCO" },
  { "IST", "Istanbul", "TUR", 41.275, 28.752, 180, TARMAC_DEMO_DST_NONE,
    "TUR:55|NGA:8|LBN:6|DEU:5|CHN:5|IND:5|BRA:3|POL:3|NLD:3|VNM:2|TGO:5",
    "FRA|AMS|WAW|CAN|BEY|CAI" },
  { "DXB", "Dubai", "ARE", 25.253, 55.364, 240, TARMAC_DEMO_DST_NONE,
    "IND:25|LBN:15|CHN:15|NGA:10|EGY:5|GBR:5|VNM:5|TUR:5|MAR:5|BRA:5|TGO:5",
    "BOM|CAN|SGN|BEY" },
  { "CDG", "Paris", "FRA", 49.010, 2.550, 60, TARMAC_DEMO_DST_EU,
    "FRA:55|TGO:14|BEL:3|PRT:3|ESP:3|MAR:4|LBN:4|DEU:3|NLD:2|POL:2|CHN:2|VNM:2|USA:2|ITA:1",
    "LHR|FRA|AMS|JFK|YUL|LIS|MAD|FCO|WAW|GRU" },
  { "BRU", "Brussels", "BEL", 50.901, 4.484, 60, TARMAC_DEMO_DST_EU,
    "BEL:55|NLD:10|FRA:10|TGO:10|DEU:5|POL:5|MAR:5", "AMS|FRA|LHR|JFK|WAW" },
  { "LIS", "Lisbon", "PRT", 38.774, -9.134, 0, TARMAC_DEMO_DST_EU,
    "PRT:55|BRA:25|ESP:5|FRA:5|GBR:5|TGO:5", "GRU|GIG|MAD|CDG" },
  { "MAD", "Madrid", "ESP", 40.472, -3.561, 60, TARMAC_DEMO_DST_EU,
    "ESP:55|COL:10|VEN:10|MEX:5|MAR:5|BRA:5|PRT:5|FRA:5", "BOG|CCS|MEX|GRU|BCN" },
  { "GRU", "São Paulo", "BRA", -23.435, -46.473, -180, TARMAC_DEMO_DST_NONE,
    "BRA:60|COL:6|VEN:6|NGA:8|MEX:3|PRT:3|CHN:3|LBN:3|TGO:4|BEN:2|GHA:2",
    "BOG|CCS|MEX|GIG" },

  /* Airports that only appear in itineraries. */
  { "BOG", "Bogotá", "COL", 4.702, -74.147, -300, TARMAC_DEMO_DST_NONE, NULL, NULL },
  { "CCS", "Caracas", "VEN", 10.603, -66.991, -240, TARMAC_DEMO_DST_NONE, NULL, NULL },
  { "MEX", "Mexico City", "MEX", 19.436, -99.072, -360, TARMAC_DEMO_DST_NONE, NULL, NULL },
  { "GIG", "Rio de Janeiro", "BRA", -22.810, -43.250, -180, TARMAC_DEMO_DST_NONE, NULL, NULL },
  { "FRA", "Frankfurt", "DEU", 50.033, 8.571, 60, TARMAC_DEMO_DST_EU, NULL, NULL },
  { "AMS", "Amsterdam", "NLD", 52.310, 4.768, 60, TARMAC_DEMO_DST_EU, NULL, NULL },
  { "WAW", "Warsaw", "POL", 52.166, 20.967, 60, TARMAC_DEMO_DST_EU, NULL, NULL },
  { "LHR", "London", "GBR", 51.470, -0.454, 0, TARMAC_DEMO_DST_EU, NULL, NULL },
  { "FCO", "Rome", "ITA", 41.800, 12.250, 60, TARMAC_DEMO_DST_EU, NULL, NULL },
  { "BCN", "Barcelona", "ESP", 41.297, 2.078, 60, TARMAC_DEMO_DST_EU, NULL, NULL },
  { "BEY", "Beirut", "LBN", 33.821, 35.488, 120, TARMAC_DEMO_DST_EU, NULL, NULL },
  { "JFK", "New York", "USA", 40.640, -73.779, -300, TARMAC_DEMO_DST_US, NULL, NULL },
  { "IAD", "Washington", "USA", 38.953, -77.456, -300, TARMAC_DEMO_DST_US, NULL, NULL },
  { "YUL", "Montréal", "CAN", 45.470, -73.740, -300, TARMAC_DEMO_DST_US, NULL, NULL },
  { "CAN", "Guangzhou", "CHN", 23.392, 113.299, 480, TARMAC_DEMO_DST_NONE, NULL, NULL },
  { "BOM", "Mumbai", "IND", 19.089, 72.868, 330, TARMAC_DEMO_DST_NONE, NULL, NULL },
  { "SGN", "Ho Chi Minh City", "VNM", 10.819, 106.652, 420, TARMAC_DEMO_DST_NONE, NULL, NULL },
  { "CKY", "Conakry", "GIN", 9.577, -13.612, 0, TARMAC_DEMO_DST_NONE, NULL, NULL },
};

const guint _tarmac_demo_n_airports = G_N_ELEMENTS (_tarmac_demo_airports);

const TarmacDemoCarrier _tarmac_demo_carriers[] = {
  { "KP", "ASKY Airlines", "TGO", "032",
    "TGO:50|GHA:10|NGA:10|BEN:10|CIV:8|SEN:6|BFA:6", 75 },
  { "ET", "Ethiopian Airlines", "ETH", "071", "ETH:95|KEN:5", 85 },
  { "HF", "Air Côte d'Ivoire", "CIV", "483", "CIV:85|SEN:5|BFA:5|FRA:5", 65 },
  { "AT", "Royal Air Maroc", "MAR", "147", "MAR:95|FRA:5", 70 },
  { "KQ", "Kenya Airways", "KEN", "706", "KEN:95|RWA:5", 80 },
  { "HC", "Air Senegal", "SEN", "490", "SEN:90|FRA:10", 65 },
  { "WB", "RwandAir", "RWA", "459", "RWA:80|KEN:10|ZAF:10", 80 },
  { "MS", "EgyptAir", "EGY", "077", "EGY:100", 85 },
  { "TK", "Turkish Airlines", "TUR", "235", "TUR:95|DEU:5", 55 },
  { "AF", "Air France", "FRA", "057", "FRA:92|BEL:3|PRT:3|ESP:2", 40 },
  { "SN", "Brussels Airlines", "BEL", "082", "BEL:88|FRA:6|NLD:6", 45 },
  { "EK", "Emirates", "ARE", "176",
    "IND:20|EGY:10|MAR:10|GBR:8|ZAF:8|KEN:8|POL:6|BRA:6|CHN:6|TUR:6|LBN:6|ESP:6", 60 },
  { "TP", "TAP Air Portugal", "PRT", "047", "PRT:90|BRA:10", 50 },
  { "IB", "Iberia", "ESP", "075", "ESP:92|COL:4|VEN:4", 50 },
};

const guint _tarmac_demo_n_carriers = G_N_ELEMENTS (_tarmac_demo_carriers);

const TarmacDemoAircraft _tarmac_demo_aircraft[] = {
  { "Q400", 74, "ACDF", 4, 4 },
  { "E195", 120, "ACDF", 4, 5 },
  { "737-700", 126, "ABCDEF", 5, 6 },
  { "737-800", 160, "ABCDEF", 6, 7 },
  { "737 MAX 8", 160, "ABCDEF", 6, 7 },
  { "A320", 165, "ABCDEF", 6, 7 },
  { "A321neo", 190, "ABCDEF", 7, 8 },
  { "787-8", 270, "ABCDEFHJK", 10, 11 },
  { "A330-300", 290, "ACDEFGHK", 11, 12 },
  { "777-300ER", 350, "ABCDEFGHJK", 13, 14 },
};

const guint _tarmac_demo_n_aircraft = G_N_ELEMENTS (_tarmac_demo_aircraft);

#define MWFS (TARMAC_DEMO_MON | TARMAC_DEMO_WED | TARMAC_DEMO_FRI | TARMAC_DEMO_SUN)
#define TTS  (TARMAC_DEMO_TUE | TARMAC_DEMO_THU | TARMAC_DEMO_SAT)
#define MWF  (TARMAC_DEMO_MON | TARMAC_DEMO_WED | TARMAC_DEMO_FRI)
#define HH(h, m) ((h) * 60 + (m))

const TarmacDemoMovement _tarmac_demo_movements[] = {
  /* ASKY, based here: out in the morning, back in the evening. */
  { "KP", "30", "LFW", NULL, "ACC", "Q400", HH (7, 0), TARMAC_DEMO_DAILY },
  { "KP", "31", "ACC", NULL, "LFW", "Q400", HH (20, 10), TARMAC_DEMO_DAILY },
  { "KP", "50", "LFW", NULL, "LOS", "737-700", HH (7, 40), TARMAC_DEMO_DAILY },
  { "KP", "51", "LOS", NULL, "LFW", "737-700", HH (21, 0), TARMAC_DEMO_DAILY },
  { "KP", "20", "LFW", "ABJ", "DSS", "737-800", HH (8, 15), TARMAC_DEMO_DAILY },
  { "KP", "21", "DSS", "ABJ", "LFW", "737-800", HH (19, 30), TARMAC_DEMO_DAILY },
  { "KP", "40", "LFW", NULL, "COO", "Q400", HH (9, 0), MWFS },
  { "KP", "41", "COO", NULL, "LFW", "Q400", HH (16, 40), MWFS },
  { "KP", "60", "LFW", "OUA", "NIM", "737-700", HH (10, 20), TTS },
  { "KP", "61", "NIM", "OUA", "LFW", "737-700", HH (18, 10), TTS },
  { "KP", "70", "LFW", NULL, "BKO", "737-700", HH (11, 0), MWFS },
  { "KP", "71", "BKO", NULL, "LFW", "737-700", HH (17, 20), MWFS },
  { "KP", "80", "LFW", NULL, "DLA", "737-800", HH (12, 30),
    TARMAC_DEMO_MON | TARMAC_DEMO_TUE | TARMAC_DEMO_THU | TARMAC_DEMO_SAT },
  { "KP", "81", "DLA", NULL, "LFW", "737-800", HH (18, 45),
    TARMAC_DEMO_MON | TARMAC_DEMO_TUE | TARMAC_DEMO_THU | TARMAC_DEMO_SAT },
  { "KP", "90", "LFW", NULL, "JNB", "737-800", HH (13, 10), TARMAC_DEMO_TUE | TARMAC_DEMO_FRI },
  { "KP", "91", "JNB", NULL, "LFW", "737-800", HH (6, 10), TARMAC_DEMO_WED | TARMAC_DEMO_SAT },

  /* Ethiopian: Addis daily, and the South Atlantic link that stops here. */
  { "ET", "923", "ADD", NULL, "LFW", "787-8", HH (11, 20), TARMAC_DEMO_DAILY },
  { "ET", "922", "LFW", NULL, "ADD", "787-8", HH (12, 45), TARMAC_DEMO_DAILY },
  { "ET", "507", "ADD", "LFW", "GRU", "787-8", HH (10, 40), MWF },
  { "ET", "506", "GRU", "LFW", "ADD", "787-8", HH (5, 30), TTS },

  { "AF", "770", "CDG", NULL, "LFW", "A330-300", HH (17, 5), TARMAC_DEMO_DAILY },
  { "AF", "771", "LFW", NULL, "CDG", "A330-300", HH (21, 10), TARMAC_DEMO_DAILY },
  { "SN", "287", "BRU", NULL, "LFW", "A330-300", HH (16, 10),
    TARMAC_DEMO_TUE | TARMAC_DEMO_THU | TARMAC_DEMO_SAT | TARMAC_DEMO_SUN },
  { "SN", "288", "LFW", NULL, "BRU", "A330-300", HH (19, 55),
    TARMAC_DEMO_TUE | TARMAC_DEMO_THU | TARMAC_DEMO_SAT | TARMAC_DEMO_SUN },
  { "AT", "595", "CMN", NULL, "LFW", "737-800", HH (3, 40), TARMAC_DEMO_DAILY },
  { "AT", "594", "LFW", NULL, "CMN", "737-800", HH (5, 10), TARMAC_DEMO_DAILY },
  { "TK", "543", "IST", NULL, "LFW", "737 MAX 8", HH (22, 35),
    TARMAC_DEMO_MON | TARMAC_DEMO_WED | TARMAC_DEMO_FRI | TARMAC_DEMO_SAT },
  { "TK", "544", "LFW", NULL, "IST", "737 MAX 8", HH (23, 50),
    TARMAC_DEMO_MON | TARMAC_DEMO_WED | TARMAC_DEMO_FRI | TARMAC_DEMO_SAT },
  { "MS", "883", "CAI", NULL, "LFW", "737-800", HH (14, 30),
    TARMAC_DEMO_TUE | TARMAC_DEMO_FRI | TARMAC_DEMO_SUN },
  { "MS", "884", "LFW", NULL, "CAI", "737-800", HH (15, 40),
    TARMAC_DEMO_TUE | TARMAC_DEMO_FRI | TARMAC_DEMO_SUN },
  { "KQ", "510", "NBO", NULL, "LFW", "737-800", HH (9, 5),
    TARMAC_DEMO_MON | TARMAC_DEMO_THU | TARMAC_DEMO_SAT },
  { "KQ", "511", "LFW", NULL, "NBO", "737-800", HH (10, 15),
    TARMAC_DEMO_MON | TARMAC_DEMO_THU | TARMAC_DEMO_SAT },
  { "HF", "540", "ABJ", NULL, "LFW", "A320", HH (8, 20), TARMAC_DEMO_DAILY },
  { "HF", "541", "LFW", NULL, "ABJ", "A320", HH (9, 10), TARMAC_DEMO_DAILY },
  { "HC", "503", "DSS", NULL, "LFW", "A320", HH (13, 0), MWF },
  { "HC", "504", "LFW", NULL, "DSS", "A320", HH (14, 0), MWF },
  { "WB", "206", "KGL", NULL, "LFW", "737-800", HH (15, 20), TARMAC_DEMO_TUE | TARMAC_DEMO_SAT },
  { "WB", "207", "LFW", NULL, "KGL", "737-800", HH (16, 30), TARMAC_DEMO_TUE | TARMAC_DEMO_SAT },
  { "EK", "787", "DXB", "ACC", "LFW", "777-300ER", HH (12, 0), MWFS },
  { "EK", "788", "LFW", "ACC", "DXB", "777-300ER", HH (14, 5), MWFS },
  { "TP", "1541", "LIS", NULL, "LFW", "A321neo", HH (1, 20), TTS },
  { "TP", "1542", "LFW", NULL, "LIS", "A321neo", HH (2, 40), TTS },
  { "IB", "3362", "MAD", NULL, "LFW", "A321neo", HH (23, 10), TARMAC_DEMO_MON | TARMAC_DEMO_FRI },
  { "IB", "3363", "LFW", NULL, "MAD", "A321neo", HH (0, 30), TARMAC_DEMO_TUE | TARMAC_DEMO_SAT },
};

const guint _tarmac_demo_n_movements = G_N_ELEMENTS (_tarmac_demo_movements);

/* Messages from other task forces of the network, invented for the demo. */
const TarmacDemoNote _tarmac_demo_notes[] = {
  { "GRU", "JAITF GRU (Federal Police)", "urgent", 9, "flight", "ET 506",
    "Seven travellers booked GRU–LFW–ADD on ET 506 this week share one contact phone and "
    "were ticketed the same day by the same agency in São Paulo, paid in cash. Two were "
    "stopped here with ingested pellets. Please control the others if they disembark at LFW." },
  { "ABJ", "JAITF ABJ (Customs)", "urgent", 7, NULL, NULL,
    "Seizure this morning: a traveller arriving from GRU via ADD carried 3.1 kg of cocaine "
    "in the lining of two suitcases. One-way ticket bought four days before departure, no "
    "hotel booking, phone number shared with an earlier PNR. Same pattern as two cases at "
    "LFW last month: check GRU–ADD–West Africa connections this week." },
  { "DSS", "JAITF DSS (Police)", "priority", 11, NULL, NULL,
    "Lookout: a network recruits young women in Dakar and Lomé as couriers for round trips "
    "to São Paulo. Tickets come from the same agency and several PNRs were paid with one "
    "card; the return is booked within 72 hours. Check bookings on KP 20/21 and ET 506/507 "
    "and share any hit." },
  { "ACC", "JAITF ACC (Customs)", "routine", 14, NULL, NULL,
    "For information: methamphetamine hidden in food parcels (gari, shito, dried fish) in "
    "checked bags on flights to JNB and NBO. Screen bags of travellers routed via ACC." },
  { "LOS", "JAITF LOS (Immigration)", "priority", 10, "flight", "KP 51",
    "Blank Nigerian passports from a batch reported stolen are in use on ECOWAS routes. The "
    "list of numbers will follow through the hub; meanwhile, check passports presented on "
    "LOS–LFW flights whose issue date does not match the holder's record." },
  { "CMN", "JAITF CMN (Customs)", "routine", 16, NULL, NULL,
    "Trend this quarter: cannabis resin seizures on CMN–West Africa routes are down, "
    "cocaine in transit from GRU via CMN is up. Bags transferred from AT flights deserve a "
    "look on arrival." },
  { "CDG", "JAITF CDG (Customs)", "priority", 18, "flight", "AF 771",
    "Cash couriers: EUR 50,000–150,000 in undeclared banknotes found on travellers from LFW "
    "on AF 770/771. Most carry two phones, travel on Friday evening and stay less than "
    "three days. Please check outbound AF travellers with short stays." },
  { "ADD", "JAITF ADD (Customs)", "routine", 8, NULL, NULL,
    "More ivory and pangolin scales in checked bags from West African airports to Asia via "
    "ADD. Photographs of the concealments are in the shared folder." },
  { "BKO", "JAITF BKO (Customs)", "routine", 15, "flight", "KP 71",
    "Counterfeit tramadol 225 mg seized in cabin bags arriving from LFW on KP 71; the "
    "quantities point to resale. Watch travellers carrying several identical boxes." },
  { "NIM", "JAITF NIM (Gendarmerie)", "priority", 12, "flight", "KP 61",
    "Gold smuggling: two travellers with 4 kg of undeclared gold bars on KP 61 to LFW, "
    "connecting to DXB on EK 788. The same facilitator booked both; the PNRs share an "
    "e-mail address." },
};

const guint _tarmac_demo_n_notes = G_N_ELEMENTS (_tarmac_demo_notes);
