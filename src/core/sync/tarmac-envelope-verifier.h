/* tarmac-envelope-verifier.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "tarmac-envelope.h"

G_BEGIN_DECLS

#define TARMAC_TYPE_ENVELOPE_VERIFIER (tarmac_envelope_verifier_get_type ())

G_DECLARE_FINAL_TYPE (TarmacEnvelopeVerifier, tarmac_envelope_verifier, TARMAC, ENVELOPE_VERIFIER, GObject)

TarmacEnvelopeVerifier *tarmac_envelope_verifier_new                (void);
void                    tarmac_envelope_verifier_add_device         (TarmacEnvelopeVerifier  *self,
                                                                     const char              *device_id,
                                                                     const char              *site,
                                                                     const guint8            *sign_pk);
gboolean                tarmac_envelope_verifier_revoke_device      (TarmacEnvelopeVerifier  *self,
                                                                     const char              *device_id);
void                    tarmac_envelope_verifier_set_contiguous     (TarmacEnvelopeVerifier  *self,
                                                                     gboolean                 contiguous);
void                    tarmac_envelope_verifier_set_last_seq       (TarmacEnvelopeVerifier  *self,
                                                                     const char              *device_id,
                                                                     guint64                  last_seq);
guint64                 tarmac_envelope_verifier_get_last_seq       (TarmacEnvelopeVerifier  *self,
                                                                     const char              *device_id);
gboolean                tarmac_envelope_verifier_check              (TarmacEnvelopeVerifier  *self,
                                                                     TarmacEnvelope          *envelope,
                                                                     const char              *sender_device,
                                                                     gint64                   now_ms,
                                                                     GError                 **error);
void                    tarmac_envelope_verifier_remember           (TarmacEnvelopeVerifier  *self,
                                                                     TarmacEnvelope          *envelope);

G_END_DECLS
