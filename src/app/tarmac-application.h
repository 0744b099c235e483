/* tarmac-application.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define TARMAC_TYPE_APPLICATION (tarmac_application_get_type ())

G_DECLARE_FINAL_TYPE (TarmacApplication, tarmac_application, TARMAC, APPLICATION, AdwApplication)

TarmacApplication *tarmac_application_new (void);

G_END_DECLS
