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

  ConnectionWorker(Backend backend, Channel channel) {
    this.backend = backend;
    this.channel = channel;
  }

  void start() {
    Thread.ofVirtual().name("pg-conn-" + channel.id().asShortText()).start(this);
  }

  /** Event loop: a decoded message. */
  void submit(FrontendMessage message) {
    queue.addLast(message);
    if (queued.incrementAndGet() >= PAUSE_READING_AT && channel.config().isAutoRead()) {
      channel.config().setAutoRead(false);
    }
  }

  /** Event loop: the channel closed. */
  void clientGone() {
    queue.addFirst(CLIENT_GONE);
  }

  /** Any thread: the server is shutting down. */
  void shutdown() {
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
        backend.handle((FrontendMessage) item);
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
