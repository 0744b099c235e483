/* tarmac-sync-notify.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-sync-notify"

#include "config.h"

#include <glib/gi18n.h>

#include "tarmac-sync-json.h"
#include "tarmac-sync-notify.h"

/* The client end of the hub's notification socket, WS /v1/notify (research/sync.md §4.6):
 * the hub sends {"t":"head","seq":N,"urgent":b} when the site's inbox grows, and the
 * client then pulls as usual. The socket carries no data, only the news that there is
 * some, so a lost frame costs a delay, never a note.
 *
 * The client is synchronous and runs on the CLI's main thread or the app's sync thread;
 * the socket lives on a main context of its own, iterated only inside open() and wait(),
 * so its frames wait in the kernel while the client pulls, and nobody else's loop ever
 * runs its callbacks. libsoup 3.2 attaches a connection's sources to the thread-default
 * context of the moment, so every call on the socket is made with ours pushed.
 *
 * Bounds: frames over 4 KiB close the socket (libsoup checks before reading them); the
 * client pings every 20 s and a hub silent for 50 s (no pong, no frame) is taken for gone
 * — libsoup 3.2 has no pong timeout of its own (sync.md §2.2); the handshake has a time
 * limit. The compression extension is never offered: the client's session has no
 * extension manager. */

struct _TarmacSyncNotify
{
  GObject                  parent_instance;

  GMainContext            *context;
  SoupWebsocketConnection *conn;

  gboolean                 poked;
  gint64                   head;
  gboolean                 urgent;
  gboolean                 closed;
  gboolean                 revoked;
  gint64                   heard_at;    /* monotonic µs of the last frame or pong */
};

G_DEFINE_FINAL_TYPE (TarmacSyncNotify, tarmac_sync_notify, G_TYPE_OBJECT)

typedef struct
{
  gboolean                 done;
  gboolean                 timed_out;
  GCancellable            *attempt;
  SoupWebsocketConnection *conn;
  GError                  *error;
} Opening;

static void
forget_connection (TarmacSyncNotify *self)
{
  if (self->conn == NULL)
    return;

  g_main_context_push_thread_default (self->context);
  g_signal_handlers_disconnect_by_data (self->conn, self);
  if (soup_websocket_connection_get_state (self->conn) == SOUP_WEBSOCKET_STATE_OPEN)
    soup_websocket_connection_close (self->conn, SOUP_WEBSOCKET_CLOSE_NORMAL, NULL);
  g_clear_object (&self->conn);
  g_main_context_pop_thread_default (self->context);
}

static void
tarmac_sync_notify_dispose (GObject *object)
{
  TarmacSyncNotify *self = (TarmacSyncNotify *) object;

  forget_connection (self);

  G_OBJECT_CLASS (tarmac_sync_notify_parent_class)->dispose (object);
}

static void
tarmac_sync_notify_finalize (GObject *object)
{
  TarmacSyncNotify *self = (TarmacSyncNotify *) object;

  /* Whatever libsoup left attached (a close frame not yet written) goes with it. */
  g_main_context_unref (self->context);

  G_OBJECT_CLASS (tarmac_sync_notify_parent_class)->finalize (object);
}

static void
tarmac_sync_notify_class_init (TarmacSyncNotifyClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = tarmac_sync_notify_dispose;
  object_class->finalize = tarmac_sync_notify_finalize;
}

static void
tarmac_sync_notify_init (TarmacSyncNotify *self)
{
  self->context = g_main_context_new ();
}

TarmacSyncNotify *
tarmac_sync_notify_new (void)
{
  return g_object_new (TARMAC_TYPE_SYNC_NOTIFY, NULL);
}

/* Only the hub's news frames matter; anything else is ignored (a newer hub may say more). */
static void
message_cb (SoupWebsocketConnection *conn,
            gint                     type,
            GBytes                  *message,
            gpointer                 user_data)
{
  TarmacSyncNotify *self = user_data;
  g_autoptr(JsonNode) node = NULL;
  JsonObject *object;
  gsize length = 0;
  const char *data = g_bytes_get_data (message, &length);

  self->heard_at = g_get_monotonic_time ();

  if (type != SOUP_WEBSOCKET_DATA_TEXT || length > TARMAC_SYNC_NOTIFY_MAX_FRAME)
    return;

  node = tarmac_sync_json_parse (data, length, TARMAC_SYNC_NOTIFY_MAX_FRAME, 2, NULL);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return;

  object = json_node_get_object (node);
  if (g_strcmp0 (json_object_get_string_member_with_default (object, "t", NULL), "head") != 0)
    return;

  self->poked = TRUE;
  self->head = MAX (self->head, json_object_get_int_member_with_default (object, "seq", 0));
  self->urgent = self->urgent || json_object_get_boolean_member_with_default (object, "urgent", FALSE);
}

static void
pong_cb (SoupWebsocketConnection *conn,
         GBytes                  *message,
         gpointer                 user_data)
{
  TarmacSyncNotify *self = user_data;

  self->heard_at = g_get_monotonic_time ();
}

static void
closed_cb (SoupWebsocketConnection *conn,
           gpointer                 user_data)
{
  TarmacSyncNotify *self = user_data;

  self->closed = TRUE;
  /* The hub says why when it throws a revoked device out (tarmac-hub-server.c). */
  self->revoked = soup_websocket_connection_get_close_code (conn) == SOUP_WEBSOCKET_CLOSE_POLICY_VIOLATION
                  && g_strcmp0 (soup_websocket_connection_get_close_data (conn), "revoked") == 0;
}

static void
connected_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Opening *opening = user_data;

  opening->conn = soup_session_websocket_connect_finish (SOUP_SESSION (source), result,
                                                         &opening->error);
  opening->done = TRUE;
}

static gboolean
open_timeout_cb (gpointer user_data)
{
  Opening *opening = user_data;

  opening->timed_out = TRUE;
  g_cancellable_cancel (opening->attempt);
  return G_SOURCE_REMOVE;
}

static void
cancel_attempt_cb (GCancellable *cancellable,
                   gpointer      user_data)
{
  g_cancellable_cancel (G_CANCELLABLE (user_data));
}

/**
 * tarmac_sync_notify_open:
 * @session: the client's session (its TLS settings apply)
 * @msg: the handshake, signed and pinned by the caller
 * @timeout_s: how long the handshake may take
 *
 * Opens the socket, closing any open one first. Blocks until it is open, refused, timed
 * out or @cancellable is cancelled (from any thread).
 */
gboolean
tarmac_sync_notify_open (TarmacSyncNotify  *self,
                         SoupSession       *session,
                         SoupMessage       *msg,
                         guint              timeout_s,
                         GCancellable      *cancellable,
                         GError           **error)
{
  g_autoptr(GCancellable) attempt = g_cancellable_new ();
  Opening opening = { FALSE, FALSE, attempt, NULL, NULL };
  GSource *timer;
  gulong handler = 0;

  g_return_val_if_fail (TARMAC_IS_SYNC_NOTIFY (self), FALSE);
  g_return_val_if_fail (SOUP_IS_SESSION (session), FALSE);
  g_return_val_if_fail (SOUP_IS_MESSAGE (msg), FALSE);

  forget_connection (self);
  self->poked = FALSE;
  self->urgent = FALSE;
  self->closed = FALSE;
  self->revoked = FALSE;

  g_main_context_push_thread_default (self->context);

  if (cancellable != NULL)
    handler = g_cancellable_connect (cancellable, G_CALLBACK (cancel_attempt_cb), attempt, NULL);
  timer = g_timeout_source_new_seconds (MAX (timeout_s, 1));
  g_source_set_callback (timer, open_timeout_cb, &opening, NULL);
  g_source_attach (timer, self->context);

  soup_session_websocket_connect_async (session, msg, NULL, NULL, G_PRIORITY_DEFAULT, attempt,
                                        connected_cb, &opening);
  while (!opening.done)
    g_main_context_iteration (self->context, TRUE);

  g_source_destroy (timer);
  g_source_unref (timer);
  if (handler != 0)
    g_cancellable_disconnect (cancellable, handler);

  if (opening.conn != NULL)
    {
      self->conn = opening.conn;
      soup_websocket_connection_set_max_incoming_payload_size (self->conn, TARMAC_SYNC_NOTIFY_MAX_FRAME);
      soup_websocket_connection_set_keepalive_interval (self->conn, TARMAC_SYNC_NOTIFY_KEEPALIVE_S);
      g_signal_connect (self->conn, "message", G_CALLBACK (message_cb), self);
      g_signal_connect (self->conn, "pong", G_CALLBACK (pong_cb), self);
      g_signal_connect (self->conn, "closed", G_CALLBACK (closed_cb), self);
      self->heard_at = g_get_monotonic_time ();
    }

  g_main_context_pop_thread_default (self->context);

  if (self->conn != NULL)
    {
      g_clear_error (&opening.error);
      return TRUE;
    }

  if (g_cancellable_is_cancelled (cancellable))
    {
      g_clear_error (&opening.error);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Cancelled"));
    }
  else if (opening.timed_out)
    {
      g_clear_error (&opening.error);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT,
                   _("The hub did not open its notification socket in time"));
    }
  else
    g_propagate_error (error, opening.error);

  return FALSE;
}

gboolean
tarmac_sync_notify_is_open (TarmacSyncNotify *self)
{
  g_return_val_if_fail (TARMAC_IS_SYNC_NOTIFY (self), FALSE);

  return self->conn != NULL && !self->closed;
}

static gboolean
wake_cb (gpointer user_data)
{
  return G_SOURCE_REMOVE;
}

static gboolean
cancelled_wake_cb (GCancellable *cancellable,
                   gpointer      user_data)
{
  return G_SOURCE_REMOVE;
}

/**
 * tarmac_sync_notify_wait:
 * @timeout_ms: how long to wait for news
 * @cancellable: (nullable): ends the wait from any thread; the socket stays open
 * @head: (out): with %TARMAC_SYNC_NOTIFY_POKED, the newest main-lane sequence announced
 * @urgent: (out): with %TARMAC_SYNC_NOTIFY_POKED, whether anything announced was urgent
 *
 * Waits for the hub's news. News that came while nobody waited is returned at once.
 */
TarmacSyncNotifyEvent
tarmac_sync_notify_wait (TarmacSyncNotify *self,
                         guint             timeout_ms,
                         GCancellable     *cancellable,
                         gint64           *head,
                         gboolean         *urgent)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout_ms * G_TIME_SPAN_MILLISECOND;
  TarmacSyncNotifyEvent event;
  GSource *cancel_source = NULL;

  g_return_val_if_fail (TARMAC_IS_SYNC_NOTIFY (self), TARMAC_SYNC_NOTIFY_CLOSED);

  if (self->conn == NULL)
    return TARMAC_SYNC_NOTIFY_CLOSED;

  g_main_context_push_thread_default (self->context);
  if (cancellable != NULL)
    {
      cancel_source = g_cancellable_source_new (cancellable);
      g_source_set_callback (cancel_source, (GSourceFunc) (void (*) (void)) cancelled_wake_cb, NULL, NULL);
      g_source_attach (cancel_source, self->context);
    }

  /* Frames already in the socket are read before anything is decided. */
  while (g_main_context_iteration (self->context, FALSE))
    ;

  for (;;)
    {
      gint64 now = g_get_monotonic_time ();
      gint64 wake_at;
      GSource *timer;

      if (self->poked)
        {
          *head = self->head;
          *urgent = self->urgent;
          self->poked = FALSE;
          self->urgent = FALSE;
          event = TARMAC_SYNC_NOTIFY_POKED;
          break;
        }
      if (self->closed)
        {
          event = self->revoked ? TARMAC_SYNC_NOTIFY_REVOKED : TARMAC_SYNC_NOTIFY_CLOSED;
          break;
        }
      if (g_cancellable_is_cancelled (cancellable))
        {
          event = TARMAC_SYNC_NOTIFY_CANCELLED;
          break;
        }
      if (now - self->heard_at > TARMAC_SYNC_NOTIFY_SILENCE_MS * G_TIME_SPAN_MILLISECOND)
        {
          g_debug ("The hub said nothing for %d s: closing its socket",
                   TARMAC_SYNC_NOTIFY_SILENCE_MS / 1000);
          self->closed = TRUE;
          event = TARMAC_SYNC_NOTIFY_CLOSED;
          break;
        }
      if (now >= deadline)
        {
          event = TARMAC_SYNC_NOTIFY_TIMEOUT;
          break;
        }

      wake_at = MIN (deadline, self->heard_at + TARMAC_SYNC_NOTIFY_SILENCE_MS * G_TIME_SPAN_MILLISECOND + 1000);
      timer = g_timeout_source_new ((guint) MAX (1, (wake_at - now + 999) / 1000));
      g_source_set_callback (timer, wake_cb, NULL, NULL);
      g_source_attach (timer, self->context);
      g_main_context_iteration (self->context, TRUE);
      g_source_destroy (timer);
      g_source_unref (timer);
    }

  if (cancel_source != NULL)
    {
      g_source_destroy (cancel_source);
      g_source_unref (cancel_source);
    }
  g_main_context_pop_thread_default (self->context);

  if (self->closed)
    forget_connection (self);

  return event;
}

/**
 * tarmac_sync_notify_close:
 *
 * Closes the socket, if open.
 */
void
tarmac_sync_notify_close (TarmacSyncNotify *self)
{
  g_return_if_fail (TARMAC_IS_SYNC_NOTIFY (self));

  forget_connection (self);
}
