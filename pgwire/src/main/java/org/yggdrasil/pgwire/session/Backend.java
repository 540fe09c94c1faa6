package org.yggdrasil.pgwire.session;

import io.netty.channel.Channel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.pgwire.auth.Authentication;
import org.yggdrasil.pgwire.codec.FrontendMessage;
import org.yggdrasil.pgwire.codec.FrontendMessage.Bind;
import org.yggdrasil.pgwire.codec.FrontendMessage.CancelRequest;
import org.yggdrasil.pgwire.codec.FrontendMessage.Close;
import org.yggdrasil.pgwire.codec.FrontendMessage.Describe;
import org.yggdrasil.pgwire.codec.FrontendMessage.Execute;
import org.yggdrasil.pgwire.codec.FrontendMessage.Flush;
import org.yggdrasil.pgwire.codec.FrontendMessage.FunctionCall;
import org.yggdrasil.pgwire.codec.FrontendMessage.PasswordMessage;
import org.yggdrasil.pgwire.codec.FrontendMessage.ProtocolViolation;
import org.yggdrasil.pgwire.codec.FrontendMessage.Query;
import org.yggdrasil.pgwire.codec.FrontendMessage.Startup;
import org.yggdrasil.pgwire.codec.FrontendMessage.Sync;
import org.yggdrasil.pgwire.codec.FrontendMessage.Terminate;
import org.yggdrasil.pgwire.codec.Messages;
import org.yggdrasil.pgwire.codec.PgError;
import org.yggdrasil.pgwire.types.FormatSettings;
import org.yggdrasil.planner.session.Session;
import org.yggdrasil.planner.session.SqlEngine;
import org.yggdrasil.planner.session.TransactionStatus;

/**
 * One connection's protocol state machine, as PostgreSQL's {@code PostgresMain} loop: it takes
 * frontend messages in order and dispatches them to the startup, simple-query and
 * extended-query flows. It holds the connection's state: the engine session, named statements
 * and portals, and the skip-until-Sync flag.
 *
 * <pre>
 *   STARTUP --Startup ok--> READY --Terminate / FATAL / client gone--> CLOSED
 *      \--CancelRequest / FATAL--------------------------------------/
 * </pre>
 *
 * Methods run on one thread at a time: the connection's worker, or — for a message that
 * {@link #tryInline} judges quick, while the worker has nothing to do — the event loop itself.
 * {@link #cancelRunning()} may be called from any thread.
 */
final class Backend {
  private static final Logger LOG = LoggerFactory.getLogger(Backend.class);
  private static final int MAX_TRACKED = 64;

  private final SqlEngine engine;
  private final Channel channel;
  private final WireOutput out;
  private final NamedObjects objects = new NamedObjects();
  private final StartupFlow startupFlow;
  private final SimpleQueryFlow simpleFlow = new SimpleQueryFlow(this);
  private final ExtendedQueryFlow extendedFlow = new ExtendedQueryFlow(this);
  private final CopyInFlow copyInFlow = new CopyInFlow(this);

  /** Written by the worker, read by the event loop to cancel. */
  private volatile Session session;

  /** Set by the worker; read by the event loop so that a closed session is not cancelled. */
  private volatile boolean closed;

  /** PostgreSQL's {@code ignore_till_sync}: after an extended-protocol error. */
  private boolean ignoreTillSync;

  /** How values are formatted, from the parameters the session reported. */
  private FormatSettings format = FormatSettings.DEFAULT;

  /** Parameter changes taken from the session, to report before the next ReadyForQuery. */
  private final Map<String, String> pendingParameters = new LinkedHashMap<>();

  /** How long statements take: decides what may run on the event loop. */
  private final CostHistory history = new CostHistory();

  /** Statements executed since the last Sync, whose cost the Sync completes. */
  private final List<CostHistory.Stats> sinceSync = new ArrayList<>();

  /** Whether every statement executed since the last Sync is quick: the Sync may run inline. */
  private boolean syncQuick = true;

  /** The worker to hand the rest of an inline run to; null in the tests' inline mode. */
  private ConnectionWorker worker;

  /** Set when an inline run handed the rest of its message to the worker. */
  private boolean handedOff;

  Backend(SqlEngine engine, Authentication authentication, Channel channel, WireOutput out) {
    this.startupFlow = new StartupFlow(this, authentication);
    this.engine = engine;
    this.channel = channel;
    this.out = out;
  }

  /** Handles one message; never throws. */
  void handle(FrontendMessage message) {
    if (closed) {
      return;
    }
    run(() -> dispatch(message));
  }

  /** Worker: continues a message that an inline run handed off; never throws. */
  void resume(Runnable continuation) {
    if (closed) {
      return;
    }
    run(continuation);
  }

  private void run(Runnable work) {
    handedOff = false;
    try {
      work.run();
      if (handedOff) {
        return; // the worker owns the connection now
      }
      if (!closed) {
        out.flushIfLarge(); // bounded output even for long pipelines without Sync
      }
    } catch (ClientGoneException e) {
      clientGone();
    } catch (RuntimeException e) {
      // A failure outside the flows' own error handling: report it and end the connection,
      // whose state can no longer be trusted. The server carries on.
      LOG.warn("protocol handler failed", e);
      fatal(ErrorReporter.toPgError(e, PgError.FATAL));
    }
    if (!closed && !channel.isActive()) {
      clientGone();
    }
  }

  /**
   * Event loop, while the worker is idle: handles the message right here if it is known to be
   * quick, saving the two thread wake-ups of a hand-off. Quick means: describing, closing,
   * flushing; binding, executing or querying outside a transaction block a statement whose
   * recent runs were all fast and short (see {@link CostHistory}); a Sync after only such
   * statements. An inline run that reaches {@link CostHistory#INLINE_ROWS} rows hands the
   * rest to the worker. Anything else (Parse, which may plan; startup; COPY; transaction
   * blocks) is left to the worker.
   *
   * @return false if the message was not handled and must go to the worker
   */
  boolean tryInline(FrontendMessage message) {
    if (closed || session == null || worker == null) {
      return false;
    }
    boolean quick = switch (message) {
      case Describe d -> true;
      case Close c -> true;
      case Flush f -> true;
      case Sync s -> syncQuick;
      case Query q -> idle() && quick(history.forQuery(q.sql()));
      case Bind b -> idle() && quick(objects.stats(b.statement()));
      case Execute e -> {
        BoundPortal portal = objects.portal(e.portal());
        yield idle() && portal != null && quick(portal.stats());
      }
      default -> false;
    };
    if (!quick) {
      return false;
    }
    handle(message);
    return true;
  }

  private boolean idle() {
    return !ignoreTillSync && session.transactionStatus() == TransactionStatus.IDLE;
  }

  private static boolean quick(CostHistory.Stats stats) {
    return stats != null && stats.quick();
  }

  void worker(ConnectionWorker worker) {
    this.worker = worker;
  }

  CostHistory history() {
    return history;
  }

  /** Rows an inline run may send before handing off; 0 (no cap) on the worker. */
  int inlineRowCap() {
    return worker != null && channel.eventLoop().inEventLoop() ? CostHistory.INLINE_ROWS : 0;
  }

  /**
   * Inline run: the worker continues the current message with {@code rest}. Must be the last
   * thing the inline run does; from here on the worker owns the connection.
   */
  void handOff(Runnable rest) {
    handedOff = true;
    worker.resume(rest);
  }

  /** An Execute finished (nanos &lt; 0: it was slow or failed): its Sync completes the cost. */
  void noteExecuted(CostHistory.Stats stats, long nanos, long rows) {
    if (stats == null) {
      syncQuick = false;
      return;
    }
    syncQuick &= stats.quick();
    stats.pendingNanos = nanos < 0 || stats.pendingNanos < 0
        ? -1 : stats.pendingNanos + nanos;
    stats.pendingRows += rows;
    if (sinceSync.size() >= MAX_TRACKED) {
      syncQuick = false;
    } else if (!sinceSync.contains(stats)) {
      sinceSync.add(stats);
    }
  }

  /** A Sync took {@code nanos}: records the cost of the statements it ended. */
  void noteSynced(long nanos) {
    for (CostHistory.Stats s : sinceSync) {
      if (s.pendingNanos < 0) {
        s.slow();
      } else {
        s.record(s.pendingNanos + nanos, s.pendingRows);
      }
      s.pendingNanos = 0;
      s.pendingRows = 0;
    }
    sinceSync.clear();
    syncQuick = true;
  }

  private void dispatch(FrontendMessage message) {
    switch (message) {
      case ProtocolViolation v -> {
        LOG.debug("protocol violation on {}: {}", channel, v.error().getMessage());
        fatal(PgError.of(PgError.FATAL, v.error()));
      }
      case CancelRequest c -> {
        // Answered by closing, with no message, whether or not the key matched (PostgreSQL).
        engine.cancel(c.processId(), c.secretKey());
        closed = true;
        out.flushAndClose();
      }
      case Startup s -> {
        if (session != null || startupFlow.started()) {
          fatal(PgError.of(PgError.FATAL, SqlState.PROTOCOL_VIOLATION, "unexpected startup"));
        } else {
          startupFlow.start(s);
        }
      }
      case PasswordMessage p -> startupFlow.password(p);
      default -> {
        if (session == null) {
          fatal(PgError.of(PgError.FATAL, SqlState.PROTOCOL_VIOLATION, startupFlow.expected()));
        } else {
          dispatchReady(message);
        }
      }
    }
  }

  private void dispatchReady(FrontendMessage message) {
    if (message instanceof Terminate) {
      terminate();
      return;
    }
    if (copyInFlow.intercept(message)) {
      return; // the messages of COPY FROM STDIN (and stray copy messages, ignored)
    }
    if (ignoreTillSync && !(message instanceof Sync)) {
      return; // PostgreSQL discards everything up to the Sync after an error
    }
    switch (message) {
      case Query q -> simpleFlow.run(q);
      case FunctionCall f -> simpleFlow.refuseFunctionCall(f);
      case Sync s -> extendedFlow.sync();
      default -> extendedFlow.handle(message);
    }
  }

  // ---- for the flows ----

  SqlEngine engine() {
    return engine;
  }

  Session session() {
    return session;
  }

  void session(Session opened) {
    this.session = opened;
    opened.onNotification(n -> {
      notifications.add(n);
      channel.eventLoop().execute(this::deliverNotificationsIfWaiting);
    });
    // pg_terminate_backend: finish the current message, FATAL 57P01, close.
    opened.onTerminate(() -> channel.eventLoop().execute(
        () -> channel.pipeline().fireUserEventTriggered(AdminShutdown.INSTANCE)));
  }

  Channel channel() {
    return channel;
  }

  WireOutput out() {
    return out;
  }

  NamedObjects objects() {
    return objects;
  }

  CopyInFlow copyIn() {
    return copyInFlow;
  }

  void ignoreTillSync(boolean ignore) {
    this.ignoreTillSync = ignore;
  }

  /** ErrorResponse (severity ERROR) for a failed statement or message. */
  void sendError(Throwable e) {
    Messages.writeErrorResponse(out.buffer(), ErrorReporter.toPgError(e, PgError.ERROR));
  }

  /**
   * An error raised by pgwire itself (not by the session): the session is told, so that the
   * transaction fails as if the statement had thrown. Returns the error for throwing.
   */
  RuntimeException ownError(RuntimeException e) {
    session.statementFailed(e);
    return e;
  }

  FormatSettings format() {
    return format;
  }

  /** Notes reported parameters that change how values are formatted (TimeZone, ...). */
  void applyParameters(Map<String, String> parameters) {
    parameters.forEach((name, value) -> format = format.withParameter(name, value));
  }

  /**
   * Takes the session's parameter changes after a statement, so that the next statement is
   * already formatted with them ({@code SET TimeZone ...; SELECT now()}); they are reported to
   * the client before ReadyForQuery, as PostgreSQL does.
   */
  void collectParameterChanges() {
    Map<String, String> changes = session.takeParameterChanges();
    if (changes != null && !changes.isEmpty()) {
      pendingParameters.putAll(changes);
      applyParameters(changes);
    }
  }

  /** Pending ParameterStatus changes and notifications, then ReadyForQuery, then flush. */
  void readyForQuery() {
    collectParameterChanges();
    Messages.writeParameterStatuses(out.buffer(), pendingParameters);
    pendingParameters.clear();
    if (session.transactionStatus() == TransactionStatus.IDLE) {
      writeNotifications();
    }
    Messages.writeReadyForQuery(out.buffer(), session.transactionStatus().indicator());
    out.flush();
    waitingForClient = true;
    // A NOTIFY that arrived while the flag was still down is queued: send it now.
    if (!notifications.isEmpty()) {
      channel.eventLoop().execute(this::deliverNotificationsIfWaiting);
    }
  }

  /** NOTIFY deliveries not yet sent; they go out between transactions, as in PostgreSQL. */
  private final java.util.Queue<org.yggdrasil.planner.session.Notification> notifications =
      new java.util.concurrent.ConcurrentLinkedQueue<>();
  /** True from ReadyForQuery until the client's next message: nothing else is writing. */
  private volatile boolean waitingForClient;

  /** Event loop: a message arrived, so the connection is busy until the next ReadyForQuery. */
  void messageArrived() {
    waitingForClient = false;
  }

  /** Event loop: sends notifications at once if the client is idle outside a transaction. */
  private void deliverNotificationsIfWaiting() {
    if (waitingForClient && !closed && session != null
        && session.transactionStatus() == TransactionStatus.IDLE && !notifications.isEmpty()) {
      writeNotifications();
      out.flush();
    }
  }

  private void writeNotifications() {
    org.yggdrasil.planner.session.Notification n;
    while ((n = notifications.poll()) != null) {
      Messages.writeNotificationResponse(out.buffer(), n.processId(), n.channel(), n.payload());
    }
  }

  /** Sends a FATAL error and closes the connection. */
  void fatal(PgError error) {
    Messages.writeErrorResponse(out.buffer(), error);
    terminate();
  }

  /** Frees the session and closes the connection after sending what is buffered. */
  void terminate() {
    release();
    out.flushAndClose();
  }

  /** The client vanished: free everything, send nothing. */
  void clientGone() {
    release();
    out.discard();
    channel.close();
  }

  /** The server is shutting down: tell the client, as PostgreSQL's fast shutdown does. */
  void adminShutdown() {
    if (closed) {
      return;
    }
    fatal(PgError.of(PgError.FATAL, SqlState.ADMIN_SHUTDOWN,
        "terminating connection due to administrator command"));
  }

  /** From any thread: stops the running statement, if any. */
  void cancelRunning() {
    Session s = session;
    if (s != null && !closed) {
      try {
        s.cancel();
      } catch (RuntimeException e) {
        LOG.warn("session cancel failed", e);
      }
    }
  }

  boolean isClosed() {
    return closed;
  }

  private void release() {
    if (closed) {
      return;
    }
    closed = true;
    copyInFlow.abandon();
    objects.closeAll();
    Closer.quietly(session);
  }
}
