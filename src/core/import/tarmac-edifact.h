/* tarmac-edifact.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define TARMAC_EDIFACT_ERROR (tarmac_edifact_error_quark ())

/**
 * TarmacEdifactError:
 * @TARMAC_EDIFACT_ERROR_NOT_EDIFACT: no UNA, UNB or UNH segment was found
 * @TARMAC_EDIFACT_ERROR_TRUNCATED_UNA: the input ends inside the UNA service string
 * @TARMAC_EDIFACT_ERROR_SEGMENT_TOO_LONG: a segment is longer than %TARMAC_EDIFACT_MAX_SEGMENT
 * @TARMAC_EDIFACT_ERROR_TOO_MANY_ELEMENTS: a segment has more than %TARMAC_EDIFACT_MAX_ITEMS elements
 * @TARMAC_EDIFACT_ERROR_TOO_MANY_COMPONENTS: an element has more than %TARMAC_EDIFACT_MAX_ITEMS components
 * @TARMAC_EDIFACT_ERROR_TOO_MANY_REPETITIONS: an element repeats more than %TARMAC_EDIFACT_MAX_ITEMS times
 *
 * Input the reader refuses to go on with. Each message names the byte offset and line;
 * after an error the reader returns no more segments.
 */
typedef enum
{
  TARMAC_EDIFACT_ERROR_NOT_EDIFACT,
  TARMAC_EDIFACT_ERROR_TRUNCATED_UNA,
  TARMAC_EDIFACT_ERROR_SEGMENT_TOO_LONG,
  TARMAC_EDIFACT_ERROR_TOO_MANY_ELEMENTS,
  TARMAC_EDIFACT_ERROR_TOO_MANY_COMPONENTS,
  TARMAC_EDIFACT_ERROR_TOO_MANY_REPETITIONS,
} TarmacEdifactError;

/**
 * TarmacEdifactWarningCode:
 * @TARMAC_EDIFACT_WARNING_RELEASE_AT_END: the input ends with a release character
 * @TARMAC_EDIFACT_WARNING_UNTERMINATED_SEGMENT: the last segment has no terminator
 * @TARMAC_EDIFACT_WARNING_UNRELEASED_TERMINATOR: a terminator inside a value (O'BRIEN)
 *   was not released; the two halves were joined again
 * @TARMAC_EDIFACT_WARNING_INVALID_TAG: a segment tag is not three letters or digits
 * @TARMAC_EDIFACT_WARNING_INVALID_CHARACTER: bytes that are not valid in the character
 *   set were replaced (U+FFFD) or read as Latin-1
 * @TARMAC_EDIFACT_WARNING_OUTSIDE_REPERTOIRE: valid UTF-8 in an ASCII repertoire, kept
 * @TARMAC_EDIFACT_WARNING_UNKNOWN_CHARSET: UNB names a syntax identifier we do not know
 * @TARMAC_EDIFACT_WARNING_SEGMENT_COUNT: the UNT segment count is wrong
 * @TARMAC_EDIFACT_WARNING_MESSAGE_COUNT: the UNE or UNZ count is wrong
 * @TARMAC_EDIFACT_WARNING_REFERENCE_MISMATCH: a UNT, UNE or UNZ reference does not match
 *   its header
 * @TARMAC_EDIFACT_WARNING_MISSING_UNT: a message was closed by UNH, UNE, UNZ, UNB or the end
 * @TARMAC_EDIFACT_WARNING_MISSING_UNE: a group was closed by UNG, UNZ, UNB or the end
 * @TARMAC_EDIFACT_WARNING_MISSING_UNZ: an interchange was closed by UNB or the end
 * @TARMAC_EDIFACT_WARNING_UNEXPECTED_TRAILER: UNT, UNE or UNZ with nothing open
 * @TARMAC_EDIFACT_WARNING_TOO_MANY_WARNINGS: further warnings were dropped
 *
 * Problems the reader recovers from (research/formats.md §7.2: warn, do not reject).
 */
typedef enum
{
  TARMAC_EDIFACT_WARNING_RELEASE_AT_END,
  TARMAC_EDIFACT_WARNING_UNTERMINATED_SEGMENT,
  TARMAC_EDIFACT_WARNING_UNRELEASED_TERMINATOR,
  TARMAC_EDIFACT_WARNING_INVALID_TAG,
  TARMAC_EDIFACT_WARNING_INVALID_CHARACTER,
  TARMAC_EDIFACT_WARNING_OUTSIDE_REPERTOIRE,
  TARMAC_EDIFACT_WARNING_UNKNOWN_CHARSET,
  TARMAC_EDIFACT_WARNING_SEGMENT_COUNT,
  TARMAC_EDIFACT_WARNING_MESSAGE_COUNT,
  TARMAC_EDIFACT_WARNING_REFERENCE_MISMATCH,
  TARMAC_EDIFACT_WARNING_MISSING_UNT,
  TARMAC_EDIFACT_WARNING_MISSING_UNE,
  TARMAC_EDIFACT_WARNING_MISSING_UNZ,
  TARMAC_EDIFACT_WARNING_UNEXPECTED_TRAILER,
  TARMAC_EDIFACT_WARNING_TOO_MANY_WARNINGS,
} TarmacEdifactWarningCode;

/* Bounds against hostile input. */
#define TARMAC_EDIFACT_MAX_SEGMENT  (64 * 1024)
#define TARMAC_EDIFACT_MAX_ITEMS    1000
#define TARMAC_EDIFACT_MAX_WARNINGS 10000

/**
 * TarmacEdifactWarning:
 * @code: what went wrong
 * @message: a translated, human-readable explanation
 * @offset: byte offset in the input the warning is about
 * @line: 1-based line of @offset (LF, CRLF and CR-only line ends all count once)
 * @segment_index: 0-based index of the segment it is about (the segment being read, or
 *   the number of segments read when it is about the end of input)
 */
typedef struct
{
  TarmacEdifactWarningCode  code;
  char                     *message;
  gsize                     offset;
  guint                     line;
  guint                     segment_index;
} TarmacEdifactWarning;

/**
 * TarmacEdifactElement:
 * @n_repetitions: at least 1; more only with a repetition separator (syntax version 4)
 * @repetitions: @n_repetitions %NULL-terminated arrays of components, each component
 *   released (release character applied) and valid UTF-8
 */
typedef struct
{
  guint   n_repetitions;
  GStrv  *repetitions;
} TarmacEdifactElement;

/**
 * TarmacEdifactSegment:
 * @tag: the segment tag ("UNH", "NAD", …), UTF-8
 * @offset: byte offset of the tag in the input
 * @length: bytes from the tag up to and including the terminator
 * @line: 1-based line of the tag
 * @index: 0-based index among the segments of the input (UNA is not a segment)
 * @n_elements: number of data elements after the tag
 * @elements: the data elements; element 0 is the first one after the tag
 *
 * Read-only; use the accessors for values.
 */
typedef struct
{
  char                 *tag;
  gsize                 offset;
  gsize                 length;
  guint                 line;
  guint                 index;
  guint                 n_elements;
  TarmacEdifactElement *elements;
} TarmacEdifactSegment;

typedef struct _TarmacEdifactReader TarmacEdifactReader;

GQuark                      tarmac_edifact_error_quark                  (void);

TarmacEdifactReader        *tarmac_edifact_reader_new                   (const guint8          *data,
                                                                         gsize                  length);
void                        tarmac_edifact_reader_free                  (TarmacEdifactReader   *self);
gboolean                    tarmac_edifact_reader_next                  (TarmacEdifactReader   *self,
                                                                         TarmacEdifactSegment **segment,
                                                                         GError               **error);
gsize                       tarmac_edifact_reader_get_start_offset      (TarmacEdifactReader   *self);
guint                       tarmac_edifact_reader_get_n_warnings        (TarmacEdifactReader   *self);
const TarmacEdifactWarning *tarmac_edifact_reader_get_warning           (TarmacEdifactReader   *self,
                                                                         guint                  index);

void                        tarmac_edifact_segment_free                 (TarmacEdifactSegment  *segment);
guint                       tarmac_edifact_segment_get_n_components     (TarmacEdifactSegment  *segment,
                                                                         guint                  element);
guint                       tarmac_edifact_segment_get_n_repetitions    (TarmacEdifactSegment  *segment,
                                                                         guint                  element);
const char                 *tarmac_edifact_segment_get_value            (TarmacEdifactSegment  *segment,
                                                                         guint                  element,
                                                                         guint                  component);
const char                 *tarmac_edifact_segment_get_repetition_value (TarmacEdifactSegment  *segment,
                                                                         guint                  element,
                                                                         guint                  repetition,
                                                                         guint                  component);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TarmacEdifactReader, tarmac_edifact_reader_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TarmacEdifactSegment, tarmac_edifact_segment_free)

G_END_DECLS
