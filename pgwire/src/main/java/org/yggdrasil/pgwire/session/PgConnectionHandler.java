package org.yggdrasil.pgwire.session;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yggdrasil.pgwire.auth.Authentication;
import org.yggdrasil.pgwire.codec.FrontendMessage;
import org.yggdrasil.planner.session.SqlEngine;

/**
 * The Netty end of a connection, placed after {@link org.yggdrasil.pgwire.codec.PgDecoder}. It
 * runs on the event loop and does nothing that blocks: decoded messages go to the connection's
 * {@link ConnectionWorker}, except those the backend knows to be quick, which it runs right
 * here while the worker is idle ({@link Backend#tryInline}); writability changes wake a worker waiting to stream rows; a closed
 * channel cancels the running statement and frees the session.
 */
public final class PgConnectionHandler extends ChannelInboundHandlerAdapter {
  private static final Logger LOG = LoggerFactory.getLogger(PgConnectionHandler.class);

  private final SqlEngine engine;
  private final Authentication authentication;
  private final boolean inline;
  private Backend backend;
  private ConnectionWorker worker;

  private PgConnectionHandler(SqlEngine engine, Authentication authentication, boolean inline) {
    this.engine = engine;
    this.authentication = authentication;
    this.inline = inline;
  }

  /** A handler that runs the connection on its own virtual thread: the server's choice. */
  public static PgConnectionHandler create(SqlEngine engine) {
    return create(engine, Authentication.TRUST);
  }

  /** As {@link #create(SqlEngine)}, authenticating clients as {@code authentication} says. */
  public static PgConnectionHandler create(SqlEngine engine, Authentication authentication) {
    return new PgConnectionHandler(engine, authentication, false);
  }

  /**
   * A handler that runs the protocol directly on the calling (event loop) thread, without
   * waiting for writability: deterministic, for byte-level tests with an {@code
   * EmbeddedChannel}. Never use it in a server — a slow statement would block the event loop.
   */
  public static PgConnectionHandler inline(SqlEngine engine) {
    return inline(engine, Authentication.TRUST);
  }

  /** As {@link #inline(SqlEngine)} with the given authentication. */
  public static PgConnectionHandler inline(SqlEngine engine, Authentication authentication) {
    return new PgConnectionHandler(engine, authentication, true);
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    backend = new Backend(
        engine, authentication, ctx.channel(), new WireOutput(ctx.channel(), !inline));
    if (!inline) {
      worker = new ConnectionWorker(backend, ctx.channel());
      backend.worker(worker);
      worker.start();
    }
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!(msg instanceof FrontendMessage message)) {
      ReferenceCountUtil.release(msg);
      return;
    }
    backend.messageArrived();
    if (inline) {
      backend.handle(message);
    } else if (!(worker.idle() && backend.tryInline(message))) {
      worker.submit(message);
    }
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    backend.out().wakeUp();
    ctx.fireChannelWritabilityChanged();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    // Stop a running statement now (it may be streaming to nobody), then let the worker free
    // the session once the statement has unwound.
    backend.cancelRunning();
    backend.out().wakeUp();
    if (inline) {
      backend.clientGone();
    } else {
      worker.clientGone();
    }
    ctx.fireChannelInactive();
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
    if (event instanceof AdminShutdown) {
      backend.cancelRunning();
      if (inline) {
        backend.adminShutdown();
      } else {
        worker.shutdown();
      }
      return;
    }
    ctx.fireUserEventTriggered(event);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    // I/O errors (connection reset) are the client's business; anything else is logged. The
    // connection is closed either way; the server is not affected.
    if (cause instanceof IOException) {
      LOG.debug("connection {} failed: {}", ctx.channel(), cause.toString());
    } else {
      LOG.warn("connection {} failed", ctx.channel(), cause);
    }
    ctx.close();
  }
}
