package org.yggdrasil.pgwire.server;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yggdrasil.pgwire.auth.Authentication;
import org.yggdrasil.pgwire.codec.PgDecoder;
import org.yggdrasil.pgwire.session.AdminShutdown;
import org.yggdrasil.pgwire.session.PgConnectionHandler;
import org.yggdrasil.planner.session.SqlEngine;

/**
 * A PostgreSQL wire protocol server in front of a {@link SqlEngine}. Each connection's pipeline
 * is {@code [SslHandler ->] PgDecoder -> PgConnectionHandler} (the SslHandler is put in
 * place when a client's SSLRequest is accepted); statements run on per-connection virtual threads,
 * never on the event loops. Uses epoll where available, NIO otherwise.
 *
 * <pre>{@code
 * try (PgServer server = PgServer.start(engine, "127.0.0.1", 0)) {
 *   connect to server.port() ...
 * }
 * }</pre>
 */
public final class PgServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PgServer.class);

  /**
   * A slow reader makes the worker wait once this much is queued for its socket, and it resumes
   * at the low mark: bounded memory per connection while results stream.
   */
  static final WriteBufferWaterMark WATER_MARK = new WriteBufferWaterMark(64 * 1024, 256 * 1024);

  private static final long SHUTDOWN_GRACE_MILLIS = 5_000;

  private final EventLoopGroup bossGroup;
  private final EventLoopGroup workerGroup;
  private final Channel serverChannel;
  private final ChannelGroup connections;
  private final int port;
  private volatile boolean closed;

  private PgServer(
      EventLoopGroup bossGroup,
      EventLoopGroup workerGroup,
      Channel serverChannel,
      ChannelGroup connections) {
    this.bossGroup = bossGroup;
    this.workerGroup = workerGroup;
    this.serverChannel = serverChannel;
    this.connections = connections;
    this.port = ((InetSocketAddress) serverChannel.localAddress()).getPort();
  }

  /**
   * Binds and starts serving.
   *
   * @param port the TCP port, or 0 for an ephemeral one (see {@link #port()})
   * @throws IllegalStateException if the address cannot be bound
   */
  public static PgServer start(SqlEngine engine, String host, int port) {
    return start(engine, host, port, Authentication.TRUST, null);
  }

  /**
   * Binds and starts serving, asking for passwords as {@code authentication} says and offering
   * TLS when {@code tls} is not null.
   *
   * @param tls answers SSLRequest with 'S' and encrypts the connection; null answers 'N'
   */
  public static PgServer start(
      SqlEngine engine, String host, int port, Authentication authentication, SslContext tls) {
    Objects.requireNonNull(engine, "engine");
    Objects.requireNonNull(authentication, "authentication");
    Objects.requireNonNull(host, "host");
    boolean epoll = Epoll.isAvailable();
    IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
    Class<? extends ServerChannel> channelType =
        epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
    EventLoopGroup boss = new MultiThreadIoEventLoopGroup(1, io);
    EventLoopGroup workers = new MultiThreadIoEventLoopGroup(io);
    ChannelGroup connections = new DefaultChannelGroup("pg-connections",
        GlobalEventExecutor.INSTANCE);
    try {
      ServerBootstrap bootstrap =
          new ServerBootstrap()
              .group(boss, workers)
              .channel(channelType)
              .option(ChannelOption.SO_BACKLOG, 1024)
              .childOption(ChannelOption.TCP_NODELAY, true)
              .childOption(ChannelOption.SO_KEEPALIVE, true)
              .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, WATER_MARK)
              .childHandler(
                  new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                      connections.add(ch);
                      ch.pipeline()
                          .addLast("pg-decoder", new PgDecoder(tls))
                          .addLast("pg-connection",
                              PgConnectionHandler.create(engine, authentication));
                    }
                  });
      Channel channel = bootstrap.bind(host, port).syncUninterruptibly().channel();
      LOG.info("listening on {} ({}; authentication {}; TLS {})", channel.localAddress(),
          epoll ? "epoll" : "nio", authentication, tls == null ? "off" : "on");
      return new PgServer(boss, workers, channel, connections);
    } catch (RuntimeException e) {
      boss.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
      workers.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
      throw new IllegalStateException("cannot listen on " + host + ":" + port + ": " + e, e);
    }
  }

  /** The port the server listens on (the ephemeral one chosen if started with port 0). */
  public int port() {
    return port;
  }

  /** How many client connections are open. */
  public int connectionCount() {
    return connections.size();
  }

  /**
   * Stops accepting, asks every connection to finish its current message and close with FATAL
   * 57P01 (PostgreSQL's fast shutdown), waits up to five seconds for them, then closes the rest
   * and stops the event loops. Idempotent.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    serverChannel.close().syncUninterruptibly();
    for (Channel c : connections) {
      c.pipeline().fireUserEventTriggered(AdminShutdown.INSTANCE);
    }
    if (!connections.newCloseFuture().awaitUninterruptibly(SHUTDOWN_GRACE_MILLIS)) {
      LOG.warn("{} connections did not close in time; closing them", connections.size());
      connections.close().awaitUninterruptibly(SHUTDOWN_GRACE_MILLIS);
    }
    bossGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    workerGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
  }
}
