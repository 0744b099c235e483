/* tarmac-cli-private.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include <json-glib/json-glib.h>

#include "tarmac-demo.h"
#include "tarmac-screener.h"
#include "tarmac-store.h"
#include "tarmac-sync-replica.h"

G_BEGIN_DECLS

/* tarmac-cli: the same core as the app, headless. Exit status: 0 success, 1 the operation
 * failed (the message says why), 2 the command line was wrong. Each command lives in its
 * own tarmac-cli-COMMAND.c and is listed in the table of tarmac-cli.c. */

enum {
  EXIT_OK = 0,
  EXIT_FAILED = 1,
  EXIT_USAGE = 2,
};

/* A command gets the store opened from --db or --demo (NULL when it needs none) and its
 * own arguments, argv[0] being the command's name. */
typedef int (*TarmacCliCommandFunc) (TarmacStore  *store,
                                     int           argc,
                                     char        **argv);

void     tarmac_cli_print_error        (const char          *format,
                                        ...) G_GNUC_PRINTF (1, 2);
gboolean tarmac_cli_count_rows         (TarmacStore         *store,
                                        const char          *sql,
                                        gint64              *count);
gboolean tarmac_cli_parse_options      (int                 *argc,
                                        char              ***argv,
                                        const GOptionEntry  *entries,
                                        GError             **error);
void     tarmac_cli_print_field        (const char          *label,
                                        const char          *value);
gboolean tarmac_cli_parse_demo_options (int                  argc,
                                        char               **argv,
                                        TarmacDemoOptions   *options,
                                        GError             **error);

int      tarmac_cli_info               (TarmacStore         *store,
                                        int                  argc,
                                        char               **argv);
int      tarmac_cli_migrate            (TarmacStore         *store,
                                        int                  argc,
                                        char               **argv);
int      tarmac_cli_has_data           (TarmacStore         *store,
                                        int                  argc,
                                        char               **argv);
int      tarmac_cli_audit              (TarmacStore         *store,
                                        int                  argc,
                                        char               **argv);
int      tarmac_cli_demo               (TarmacStore         *store,
                                        int                  argc,
                                        char               **argv);
int      tarmac_cli_bench              (TarmacStore         *store,
                                        int                  argc,
                                        char               **argv);
int      tarmac_cli_bench_import       (int                  argc,
                                        char               **argv);
int      tarmac_cli_retention          (TarmacStore         *store,
                                        int                  argc,
                                        char               **argv);
int      tarmac_cli_import             (TarmacStore         *store,
                                        int                  argc,
                                        char               **argv);
int      tarmac_cli_export             (TarmacStore         *store,
                                        int                  argc,
                                        char               **argv);
gboolean tarmac_cli_write_output       (const char          *path,
                                        GBytes              *bytes,
                                        GError             **error);
int      tarmac_cli_seizure            (TarmacStore         *store,
                                        int                  argc,
                                        char               **argv);
void     tarmac_cli_warn_held          (TarmacSyncReplica   *replica,
                                        const char          *recipients);
int      tarmac_cli_sync               (TarmacStore         *store,
                                        int                  argc,
                                        char               **argv);
int      tarmac_cli_note               (TarmacStore         *store,
                                        int                  argc,
                                        char               **argv);
int      tarmac_cli_bundle             (TarmacStore         *store,
                                        int                  argc,
                                        char               **argv);
int      tarmac_cli_lookout            (TarmacStore         *store,
                                        int                  argc,
                                        char               **argv);
int      tarmac_cli_report             (TarmacStore         *store,
                                        int                  argc,
                                        char               **argv);
int      tarmac_cli_compare            (TarmacStore         *store,
                                        int                  argc,
                                        char               **argv);
int      tarmac_cli_config             (TarmacStore         *store,
                                        int                  argc,
                                        char               **argv);
int      tarmac_cli_watchlist          (TarmacStore         *store,
                                        int                  argc,
                                        char               **argv);
int      tarmac_cli_bench_sync         (int                  argc,
                                        char               **argv);
int      tarmac_cli_bench_search       (int                  argc,
                                        char               **argv);
int      tarmac_cli_search             (TarmacStore         *store,
                                        int                  argc,
                                        char               **argv);
int      tarmac_cli_bench_match        (int                  argc,
                                        char               **argv);
int      tarmac_cli_bench_accuracy     (int                  argc,
                                        char               **argv);
int      tarmac_cli_bench_screen       (int                  argc,
                                        char               **argv);
int      tarmac_cli_match              (TarmacStore         *store,
                                        int                  argc,
                                        char               **argv);
int      tarmac_cli_screen             (TarmacStore         *store,
                                        int                  argc,
                                        char               **argv);
int      tarmac_cli_hits               (TarmacStore         *store,
                                        int                  argc,
                                        char               **argv);
void     tarmac_cli_print_hits         (JsonArray           *hits);
JsonNode *tarmac_cli_screen_report_to_json (const TarmacScreenReport *report);
void     tarmac_cli_print_screen_report (const TarmacScreenReport *report);

G_END_DECLS
