/* tarmac-seizure-window-private.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tarmac-seizure-window.h"

G_BEGIN_DECLS

/* The seizure form. The class spans tarmac-seizure-window.c (header fields, saving,
 * the status workflow, errors), tarmac-seizure-window-lists.c (items, route, agencies,
 * persons), tarmac-seizure-window-photos.c (photos: drop, chooser, thumbnails) and
 * tarmac-seizure-window-evidence.c (exhibits, custody, lab results). */

/* One item line: its widgets */
typedef struct
{
  GtkWidget *expander;       /* AdwExpanderRow, the item's summary */
  GtkWidget *category;       /* AdwComboRow */
  GtkWidget *subtype;        /* AdwComboRow */
  GtkWidget *quantity;       /* AdwEntryRow */
  GtkWidget *unit;           /* GtkDropDown, suffix of quantity */
  GtkWidget *kg_label;       /* GtkLabel: the kg-equivalent and the factor used */
  GtkWidget *concealment;    /* AdwComboRow */
  GtkWidget *value;          /* AdwEntryRow */
  GtkWidget *currency;       /* GtkDropDown, suffix of value */
  GtkWidget *rate;           /* AdwEntryRow: USD per unit of currency */
  GtkWidget *usd_label;      /* GtkLabel: the value in USD */
  GtkWidget *description;    /* AdwEntryRow */
  GtkWidget *remove;         /* GtkButton */
} TarmacItemWidgets;

/* A route leg, an agency or a person: one line of small widgets */
typedef struct
{
  GtkWidget *row;
  GtkWidget *widgets[6];
} TarmacLineWidgets;

struct _TarmacSeizureWindow
{
  AdwWindow            parent_instance;

  /* Owned references */
  TarmacStore         *store;
  TarmacSeizure       *seizure;       /* the record shown: saved, or a draft */
  GPtrArray           *items;         /* of TarmacItemWidgets */
  GPtrArray           *legs;          /* of TarmacLineWidgets */
  GPtrArray           *agencies;      /* of TarmacLineWidgets */
  GPtrArray           *persons;       /* of TarmacLineWidgets */
  GListStore          *photos;        /* of TarmacSeizureAttachment */
  GHashTable          *textures;      /* TarmacSeizureAttachment → GdkTexture */
  char                *error_text;

  /* Borrowed references */
  AdwToastOverlay     *toast_overlay;
  AdwWindowTitle      *title;
  GPtrArray           *form_groups;   /* the groups a lock makes insensitive */
  GtkWidget           *status_row;
  GtkWidget           *status_buttons;
  GtkWidget           *lock_label;
  GtkWidget           *error_label;
  GtkWidget           *save_button;
  GtkWidget           *occurred_at;
  GtkWidget           *airport;
  GtkWidget           *place;
  GtkWidget           *direction;
  GtkWidget           *flow_type;
  GtkWidget           *flight;
  GtkWidget           *selection_reason;
  GtkWidget           *detection_technique;
  GtkWidget           *legal_action;
  GtkWidget           *offence_summary;
  GtkWidget           *narrative;     /* GtkTextView */
  AdwPreferencesGroup *items_group;
  AdwPreferencesGroup *legs_group;
  AdwPreferencesGroup *agencies_group;
  AdwPreferencesGroup *persons_group;
  AdwPreferencesGroup *photos_group;
  GtkWidget           *photo_box;     /* GtkFlowBox of thumbnails */
  AdwPreferencesGroup *evidence_group;
  GtkWidget           *exhibit_list;  /* GtkListBox of exhibits */
};

void        _tarmac_seizure_window_class_init_lists (GtkWidgetClass *widget_class);
void        _tarmac_seizure_window_class_init_photos (GtkWidgetClass *widget_class);
void        _tarmac_seizure_window_class_init_evidence (GtkWidgetClass *widget_class);
void        _tarmac_seizure_window_init_evidence (TarmacSeizureWindow *self,
                                                  AdwPreferencesPage  *page);
void        _tarmac_seizure_window_fill_evidence (TarmacSeizureWindow *self);
void        _tarmac_seizure_window_init_lists    (TarmacSeizureWindow *self,
                                                  AdwPreferencesPage  *page);
void        _tarmac_seizure_window_fill_lists    (TarmacSeizureWindow *self);
void        _tarmac_seizure_window_collect_lists (TarmacSeizureWindow *self,
                                                  TarmacSeizure       *seizure);
GtkWidget  *_tarmac_seizure_window_list_field    (TarmacSeizureWindow *self,
                                                  const char          *field);
void        _tarmac_seizure_window_clear_lists   (TarmacSeizureWindow *self);
GtkWidget  *_tarmac_seizure_window_add_item      (TarmacSeizureWindow *self,
                                                  TarmacSeizureItem   *item);

void        _tarmac_seizure_window_init_photos   (TarmacSeizureWindow *self,
                                                  AdwPreferencesPage  *page);
void        _tarmac_seizure_window_fill_photos   (TarmacSeizureWindow *self);
void        _tarmac_seizure_window_collect_photos (TarmacSeizureWindow *self,
                                                   TarmacSeizure       *seizure);

GtkWidget  *_tarmac_seizure_window_add_group     (TarmacSeizureWindow *self,
                                                  AdwPreferencesPage  *page,
                                                  const char          *title,
                                                  const char          *description);
GtkWidget  *_tarmac_seizure_window_add_button    (AdwPreferencesGroup *group,
                                                  const char          *label,
                                                  const char          *action);
void        _tarmac_seizure_window_toast         (TarmacSeizureWindow *self,
                                                  const char          *message);

G_END_DECLS
