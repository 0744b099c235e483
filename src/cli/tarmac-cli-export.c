/* tarmac-cli-export.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-cli"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gunixoutputstream.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tarmac-cli-private.h"
#include "tarmac-export.h"

/* export travellers [--flight CARRIER+NUMBER/DATE] --format csv|json [--output FILE]
 *
 * The file is personal data: it is created 0600 (and an existing one is narrowed to 0600
 * before anything is written into it), and removed again when the export fails, unless
 * it was there before. Without --output the rows go to standard output. */

static int
open_output (const char  *path,
             gboolean    *created,
             GError     **error)
{
  int fd;

  *created = TRUE;
  fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (fd < 0 && errno == EEXIST)
    {
      *created = FALSE;
      fd = g_open (path, O_WRONLY | O_CLOEXEC | O_NOFOLLOW, 0600);
      if (fd >= 0 && (fchmod (fd, 0600) != 0 || ftruncate (fd, 0) != 0))
        {
          int saved_errno = errno;

          close (fd);
          errno = saved_errno;
          fd = -1;
        }
    }

  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not write %s: %s"), path, g_strerror (saved_errno));
    }
  return fd;
}

int
tarmac_cli_export (TarmacStore  *store,
                   int           argc,
                   char        **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GOutputStream) output = NULL;
  g_autofree char *flight_text = NULL;
  g_autofree char *format_text = NULL;
  g_autofree char *path = NULL;
  g_autofree char *destination = NULL;
  g_auto(TarmacExportFlight) flight = { NULL, };
  TarmacExportFormat format;
  gboolean created = FALSE;
  guint64 n_rows = 0;
  gboolean ok;
  const GOptionEntry entries[] = {
    { "flight", 0, 0, G_OPTION_ARG_STRING, &flight_text,
      N_("Only this flight’s travellers (for example AF702/2026-11-22)"),
      N_("CARRIER+NUMBER/DATE") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_text, N_("csv or json"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &path,
      N_("Write to FILE (created readable by you only) instead of standard output"),
      N_("FILE") },
    { NULL }
  };

  if (argc < 2 || !g_str_equal (argv[1], "travellers"))
    goto usage;
  argc--;
  argv++;

  if (!tarmac_cli_parse_options (&argc, &argv, entries, &error))
    {
      tarmac_cli_print_error ("%s", error->message);
      return EXIT_USAGE;
    }
  if (format_text == NULL)
    goto usage;
  if (!tarmac_export_parse_format (format_text, &format, &error) ||
      (flight_text != NULL && !tarmac_export_parse_flight (flight_text, &flight, &error)))
    {
      tarmac_cli_print_error ("%s", error->message);
      return EXIT_USAGE;
    }

  if (path != NULL)
    {
      int fd = open_output (path, &created, &error);

      if (fd < 0)
        {
          tarmac_cli_print_error ("%s", error->message);
          return EXIT_FAILED;
        }
      output = g_unix_output_stream_new (fd, TRUE);
      destination = g_canonicalize_filename (path, NULL);
    }
  else
    {
      /* A reader that stops early (| head) must not kill us before the audit row is
       * written: the write fails instead, and the row says the export stopped. */
      signal (SIGPIPE, SIG_IGN);
      output = g_unix_output_stream_new (STDOUT_FILENO, FALSE);
      destination = g_strdup ("standard output");
    }

  ok = tarmac_export_travellers (store, flight_text != NULL ? &flight : NULL, format, output,
                                 destination, &n_rows, NULL, &error);
  if (ok && !g_output_stream_close (output, NULL, &error))
    ok = FALSE;

  if (!ok)
    {
      tarmac_cli_print_error ("%s", error->message);
      if (path != NULL && created)
        g_unlink (path);
      return EXIT_FAILED;
    }

  if (flight_text != NULL && n_rows == 0)
    g_printerr (_("No traveller of %s in this database\n"), flight_text);
  else if (path != NULL)
    g_printerr (ngettext ("%llu traveller exported to %s\n",
                          "%llu travellers exported to %s\n", n_rows),
                (unsigned long long) n_rows, path);
  return EXIT_OK;

usage:
  tarmac_cli_print_error (_("usage: tarmac-cli export travellers [--flight CARRIER+NUMBER/DATE] "
                            "--format csv|json [--output FILE]"));
  return EXIT_USAGE;
}
