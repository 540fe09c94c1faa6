package org.yggdrasil.pgwire.testing;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.yggdrasil.pgwire.auth.Authentication;
import org.yggdrasil.pgwire.codec.PgDecoder;
import org.yggdrasil.pgwire.session.PgConnectionHandler;

/**
 * One connection's real pipeline ({@link PgDecoder} and an inline {@link PgConnectionHandler})
 * in an {@link EmbeddedChannel} over a {@link FakeEngine}: bytes in, backend messages out,
 * deterministic and on the test thread.
 */
public final class EmbeddedWire {
  public final FakeEngine engine;
  public final EmbeddedChannel channel;

  public EmbeddedWire() {
    this(new FakeEngine());
  }

  public EmbeddedWire(FakeEngine engine) {
    this(engine, Authentication.TRUST);
  }

  /** A connection whose server asks for passwords as {@code authentication} says. */
  public EmbeddedWire(Authentication authentication) {
    this(new FakeEngine(), authentication);
  }

  public EmbeddedWire(FakeEngine engine, Authentication authentication) {
    this.engine = engine;
    this.channel = new EmbeddedChannel(
        new PgDecoder(), PgConnectionHandler.inline(engine, authentication));
  }

  /** Sends the bytes and returns the backend messages written in response. */
  public List<BackendMessage> send(Frontend frontend) {
    return BackendMessage.parseAll(sendRaw(frontend.bytes()));
  }

  /** Sends raw bytes and returns the raw bytes written in response. */
  public byte[] sendRaw(byte[] bytes) {
    channel.writeInbound(io.netty.buffer.Unpooled.wrappedBuffer(bytes));
    channel.runPendingTasks();
    channel.checkException(); // nothing may escape into the pipeline
    return drain();
  }

  /** Startup as user ygg to database ygg; returns the messages (R, S..., K, Z). */
  public List<BackendMessage> startup() {
    return send(Frontend.create().startup("user", "ygg", "database", "ygg"));
  }

  public byte[] drain() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Object o;
    while ((o = channel.readOutbound()) != null) {
      ByteBuf b = (ByteBuf) o;
      out.writeBytes(ByteBufUtil.getBytes(b));
      b.release();
    }
    return out.toByteArray();
  }

  public FakeSession session() {
    return engine.last();
  }
}
