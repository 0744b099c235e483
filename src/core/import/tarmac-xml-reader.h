/* tarmac-xml-reader.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define TARMAC_XML_ERROR (tarmac_xml_error_quark ())

/* Hard bounds on hostile input (issue 3, item 10). */
#define TARMAC_XML_MAX_SIZE       ((gsize) 128 * 1024 * 1024)
#define TARMAC_XML_MAX_DEPTH      64
#define TARMAC_XML_MAX_ELEMENTS   4000000
#define TARMAC_XML_MAX_LIVE_NODES 200000
#define TARMAC_XML_MAX_ATTRIBUTES 64
#define TARMAC_XML_MAX_NAME       256
#define TARMAC_XML_MAX_ATTRIBUTE  4096
#define TARMAC_XML_MAX_TEXT       65536

/**
 * TarmacXmlError:
 * @TARMAC_XML_ERROR_MALFORMED: not well-formed XML (GMarkup's reason is quoted)
 * @TARMAC_XML_ERROR_TOO_LARGE: the input is larger than %TARMAC_XML_MAX_SIZE
 * @TARMAC_XML_ERROR_LIMIT: a bound was passed: depth, element count, attribute count,
 *   name, attribute or text length, or elements held at once
 * @TARMAC_XML_ERROR_DOCTYPE: a DOCTYPE or entity declaration, which is refused
 * @TARMAC_XML_ERROR_ENCODING: a declared encoding that cannot be converted to UTF-8
 * @TARMAC_XML_ERROR_CONTENT: well-formed, but not what the caller reads (set by callbacks)
 *
 * Every message starts with the position: "line L, column C (byte B): …".
 */
typedef enum
{
  TARMAC_XML_ERROR_MALFORMED,
  TARMAC_XML_ERROR_TOO_LARGE,
  TARMAC_XML_ERROR_LIMIT,
  TARMAC_XML_ERROR_DOCTYPE,
  TARMAC_XML_ERROR_ENCODING,
  TARMAC_XML_ERROR_CONTENT,
} TarmacXmlError;

typedef struct _TarmacXmlNode TarmacXmlNode;

/**
 * TarmacXmlNode:
 * @name: the local name (any namespace prefix removed)
 * @attr_names: (array length=n_attrs): local names; namespace declarations are left out
 * @attr_values: (array length=n_attrs): values, entities replaced
 * @text: the element's own text, trimmed; %NULL when it has none
 * @children: (element-type TarmacXmlNode) (nullable): child elements still held
 * @parent: (nullable): the enclosing element
 * @offset: byte offset of the "<" of the start tag in the input
 * @line: 1-based line of @offset
 * @column: 1-based column (in characters) of @offset
 * @index: 0-based index of the element in document order
 * @depth: 0 for the root element
 */
struct _TarmacXmlNode
{
  char           *name;
  char          **attr_names;
  char          **attr_values;
  guint           n_attrs;
  char           *text;
  GPtrArray      *children;
  TarmacXmlNode  *parent;
  gsize           offset;
  guint           line;
  guint           column;
  guint           index;
  guint           depth;

  /*< private >*/
  GString        *text_buffer;
};

/**
 * TarmacXmlVerdict:
 * @TARMAC_XML_KEEP: the node stays in its parent's @children
 * @TARMAC_XML_DROP: the node and its subtree are freed now
 */
typedef enum
{
  TARMAC_XML_KEEP,
  TARMAC_XML_DROP,
} TarmacXmlVerdict;

typedef gboolean         (*TarmacXmlStartFunc) (TarmacXmlNode  *node,
                                                gpointer        user_data,
                                                GError        **error);
typedef TarmacXmlVerdict (*TarmacXmlEndFunc)   (TarmacXmlNode  *node,
                                                gpointer        user_data,
                                                GError        **error);

GQuark           tarmac_xml_error_quark         (void);

gboolean         tarmac_xml_read                (const guint8         *data,
                                                 gsize                 length,
                                                 TarmacXmlStartFunc    start,
                                                 TarmacXmlEndFunc      end,
                                                 gpointer              user_data,
                                                 GError              **error);

const char      *tarmac_xml_node_get_attribute  (const TarmacXmlNode  *node,
                                                 const char           *name);
TarmacXmlNode   *tarmac_xml_node_get_child      (const TarmacXmlNode  *node,
                                                 const char           *name);
void             tarmac_xml_node_set_error      (const TarmacXmlNode  *node,
                                                 GError              **error,
                                                 gint                  code,
                                                 const char           *format,
                                                 ...) G_GNUC_PRINTF (4, 5);

G_END_DECLS
