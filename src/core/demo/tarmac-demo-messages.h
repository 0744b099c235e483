/* tarmac-demo-messages.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * TarmacDemoMessagesOptions:
 * @seed: the same seed gives the same files, byte for byte
 * @travellers: how many API travellers (passengers and crew) to write; the last flight
 *   is cut so the total is exact
 * @pnr_permille: flights, in thousandths, that also get a PNRGOV push for their bookings
 *
 * What tarmac_demo_messages_new() generates: the files airlines send, as a benchmark or
 * a test feeds them to the importer.
 */
typedef struct
{
  guint32 seed;
  guint   travellers;
  guint   pnr_permille;
} TarmacDemoMessagesOptions;

/**
 * TarmacDemoMessageKind:
 * @TARMAC_DEMO_MESSAGE_PAXLST: a PAXLST interchange: a flight's passengers, and a
 *   second message with its crew
 * @TARMAC_DEMO_MESSAGE_PNRGOV: a PNRGOV EDIFACT push of the same flight's bookings
 */
typedef enum
{
  TARMAC_DEMO_MESSAGE_PAXLST,
  TARMAC_DEMO_MESSAGE_PNRGOV,
} TarmacDemoMessageKind;

typedef struct _TarmacDemoMessages TarmacDemoMessages;

void                tarmac_demo_messages_options_init (TarmacDemoMessagesOptions       *options);
TarmacDemoMessages *tarmac_demo_messages_new          (const TarmacDemoMessagesOptions *options);
GBytes             *tarmac_demo_messages_next         (TarmacDemoMessages              *self,
                                                       char                           **name,
                                                       TarmacDemoMessageKind           *kind,
                                                       guint                           *n_travellers);
void                tarmac_demo_messages_free         (TarmacDemoMessages              *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TarmacDemoMessages, tarmac_demo_messages_free)

G_END_DECLS
