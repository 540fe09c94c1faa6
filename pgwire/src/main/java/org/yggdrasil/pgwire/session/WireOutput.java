package org.yggdrasil.pgwire.session;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The connection's outgoing bytes, written by its worker. Messages are appended to one buffer
 * that is handed to Netty when the protocol says so (ReadyForQuery, Flush) or when it grows past
 * {@link #CHUNK} while rows stream. After handing over a chunk the worker waits while the channel
 * is not writable — the client reads slower than we produce — so a large result never piles up
 * in memory: at most the channel's high water mark plus one chunk per connection.
 */
final class WireOutput {
  /** Rows are handed to Netty in chunks of about this size. */
  static final int CHUNK = 32 * 1024;

  private static final int INITIAL_CAPACITY = 1024;

  private final Channel channel;
  private final boolean mayBlock;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition writable = lock.newCondition();
  private ByteBuf buffer;
  private long rows;

  /**
   * @param mayBlock false when running on the event loop itself (tests): waiting there for
   *     writability would wait for ourselves
   */
  WireOutput(Channel channel, boolean mayBlock) {
    this.channel = channel;
    this.mayBlock = mayBlock;
  }

  /** The buffer to append messages to. */
  ByteBuf buffer() {
    if (buffer == null) {
      buffer = channel.alloc().buffer(INITIAL_CAPACITY);
    }
    return buffer;
  }

  /**
   * Called after each row and each message: once a chunk has accumulated, sends it and waits
   * until the client has read enough for the channel to be writable again. (A client that
   * pipelines without reading can block itself here, exactly as with PostgreSQL.)
   *
   * @throws ClientGoneException if the connection has closed
   */
  void flushIfLarge() {
    if (buffer != null && buffer.readableBytes() >= CHUNK) {
      flush();
      awaitWritable();
    }
  }

  /** Counts a DataRow written (for the connection's cost history). */
  void countRow() {
    rows++;
  }

  /** DataRows written so far on this connection. */
  long rows() {
    return rows;
  }

  /** Sends everything buffered. */
  void flush() {
    ByteBuf b = buffer;
    buffer = null;
    if (b == null) {
      return;
    }
    if (!b.isReadable()) {
      b.release();
      return;
    }
    // A void promise: write failures (the peer reset) surface in exceptionCaught, which closes.
    channel.writeAndFlush(b, channel.voidPromise());
  }

  /** Sends everything buffered, then closes the connection. */
  void flushAndClose() {
    ByteBuf b = buffer;
    buffer = null;
    if (b == null || !b.isReadable()) {
      if (b != null) {
        b.release();
      }
      channel.close();
      return;
    }
    channel.writeAndFlush(b).addListener(ChannelFutureListener.CLOSE);
  }

  /** Drops anything buffered (the client is gone). */
  void discard() {
    if (buffer != null) {
      buffer.release();
      buffer = null;
    }
  }

  private void awaitWritable() {
    if (!channel.isActive()) {
      throw new ClientGoneException();
    }
    if (!mayBlock || channel.eventLoop().inEventLoop()) {
      // On the event loop (tests, or a statement run inline with a row cap): waiting here
      // would wait for ourselves.
      return;
    }
    lock.lock();
    try {
      while (!channel.isWritable()) {
        if (!channel.isActive()) {
          throw new ClientGoneException();
        }
        // The event loop signals on writability changes and on close; the timeout is only a
        // safety net against a missed signal.
        writable.await(1, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ClientGoneException();
    } finally {
      lock.unlock();
    }
  }

  /** Called from the event loop when writability changes or the channel closes. */
  void wakeUp() {
    lock.lock();
    try {
      writable.signalAll();
    } finally {
      lock.unlock();
    }
  }
}
