package org.yggdrasil.pgwire.session;

import io.netty.channel.Channel;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yggdrasil.pgwire.codec.FrontendMessage;

/**
 * Runs one connection's {@link Backend} on its own virtual thread, so that statements — which
 * may block on storage, on locks, or on a slow client — never block the Netty event loop.
 *
 * <p>The event loop queues decoded messages; the worker takes them in order. A client that
 * pipelines many messages (pgjdbc sends BEGIN and the next statement in one write; batches send
 * hundreds) is fine; if the queue grows past {@link #PAUSE_READING_AT} the event loop stops
 * reading from the socket until the worker has caught up to {@link #RESUME_READING_AT}, so a
 * client cannot make us queue without bound.
 *
 * <p>While the worker has nothing to do, the event loop may run a message itself ({@link
 * Backend#tryInline}); {@link #idle()} tells it so. An inline run that turns out long hands
 * the rest of its message back here ({@link #resume}), ahead of anything the client sends next.
 *
 * <p>Two control signals jump the queue: the client has gone (free everything now; messages
 * still queued would have nobody to answer to) and the server is shutting down.
 */
final class ConnectionWorker implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(ConnectionWorker.class);
  static final int PAUSE_READING_AT = 256;
  static final int RESUME_READING_AT = 32;

  private static final Object CLIENT_GONE = new Object();
  private static final Object SHUTDOWN = new Object();

  private final Backend backend;
  private final Channel channel;
  private final LinkedBlockingDeque<Object> queue = new LinkedBlockingDeque<>();
  private final AtomicInteger queued = new AtomicInteger();

  /**
   * Items given to the worker and not yet finished, plus one for ever once the connection
   * ends. Only the event loop increments it, so when it reads zero the worker is done with
   * everything it was given, and the event loop may use the backend itself.
   */
  private final AtomicInteger unfinished = new AtomicInteger();

  ConnectionWorker(Backend backend, Channel channel) {
    this.backend = backend;
    this.channel = channel;
  }

  void start() {
    Thread.ofVirtual().name("pg-conn-" + channel.id().asShortText()).start(this);
  }

  /** Event loop: true when the worker has finished everything it was given. */
  boolean idle() {
    return unfinished.get() == 0;
  }

  /** Event loop: a decoded message. */
  void submit(FrontendMessage message) {
    enqueue(message);
  }

  /** Event loop (an inline run): the rest of the current message, to run next. */
  void resume(Runnable continuation) {
    enqueue(continuation);
  }

  private void enqueue(Object item) {
    unfinished.incrementAndGet();
    queue.addLast(item);
    if (queued.incrementAndGet() >= PAUSE_READING_AT && channel.config().isAutoRead()) {
      channel.config().setAutoRead(false);
    }
  }

  /** Event loop: the channel closed. */
  void clientGone() {
    unfinished.incrementAndGet();
    queue.addFirst(CLIENT_GONE);
  }

  /** Any thread: the server is shutting down. */
  void shutdown() {
    unfinished.incrementAndGet();
    queue.addFirst(SHUTDOWN);
  }

  @Override
  public void run() {
    try {
      while (true) {
        Object item = queue.takeFirst();
        if (item == CLIENT_GONE) {
          backend.clientGone();
          return;
        }
        if (item == SHUTDOWN) {
          backend.adminShutdown();
          return;
        }
        if (queued.decrementAndGet() == RESUME_READING_AT) {
          // Decided on the event loop, which is where reading was paused: no lost resume.
          channel.eventLoop().execute(this::resumeReading);
        }
        if (item instanceof Runnable continuation) {
          backend.resume(continuation);
        } else {
          backend.handle((FrontendMessage) item);
        }
        unfinished.decrementAndGet();
        if (backend.isClosed()) {
          return;
        }
      }
    } catch (InterruptedException e) {
      backend.clientGone();
    } catch (Throwable t) {
      LOG.error("connection worker failed", t);
      backend.clientGone();
    }
  }

  private void resumeReading() {
    if (queued.get() < PAUSE_READING_AT && !channel.config().isAutoRead()) {
      channel.config().setAutoRead(true);
    }
  }
}
