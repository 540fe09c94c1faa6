package org.yggdrasil.pgwire.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yggdrasil.pgwire.codec.FrontendMessage.Bind;
import org.yggdrasil.pgwire.codec.FrontendMessage.CancelRequest;
import org.yggdrasil.pgwire.codec.FrontendMessage.Describe;
import org.yggdrasil.pgwire.codec.FrontendMessage.Execute;
import org.yggdrasil.pgwire.codec.FrontendMessage.Parse;
import org.yggdrasil.pgwire.codec.FrontendMessage.ProtocolViolation;
import org.yggdrasil.pgwire.codec.FrontendMessage.Query;
import org.yggdrasil.pgwire.codec.FrontendMessage.Startup;
import org.yggdrasil.pgwire.testing.Frontend;

/** The decoder alone: bytes in, FrontendMessages out. */
class PgDecoderTest {
  private final PgDecoder decoder = new PgDecoder();
  private final EmbeddedChannel channel = new EmbeddedChannel(decoder);

  private <T> T decode(Frontend f, Class<T> type) {
    channel.writeInbound(f.buffer());
    channel.checkException();
    return assertInstanceOf(type, channel.readInbound());
  }

  @Test
  void startupParametersInOrder() {
    Startup s = decode(Frontend.create().startup("user", "ygg", "database", "db",
        "options", "-c ygg.branch=dev"), Startup.class);
    assertEquals(Map.of("user", "ygg", "database", "db", "options", "-c ygg.branch=dev"),
        s.parameters());
    assertEquals(0, s.minorVersion());
    assertEquals(PgDecoder.State.MESSAGES, decoder.state());
  }

  @Test
  void sslRequestIsAnsweredNAndDecodingStaysInStartup() {
    channel.writeInbound(Frontend.create().sslRequest().buffer());
    ByteBuf answer = channel.readOutbound();
    assertArrayEquals(new byte[] {'N'}, ByteBufUtil.getBytes(answer));
    answer.release();
    assertNull(channel.readInbound());
    assertEquals(PgDecoder.State.STARTUP, decoder.state());
  }

  @Test
  void secondSslRequestIsAViolation() {
    channel.writeInbound(Frontend.create().sslRequest().sslRequest().buffer());
    assertInstanceOf(ProtocolViolation.class, channel.readInbound());
  }

  @Test
  void cancelRequest() {
    CancelRequest c = decode(Frontend.create().cancelRequest(77, -5), CancelRequest.class);
    assertEquals(77, c.processId());
    assertEquals(-5, c.secretKey());
    assertEquals(PgDecoder.State.CLOSED, decoder.state());
  }

  @Test
  void extendedMessages() {
    decode(Frontend.create().startup("user", "u"), Startup.class);
    Parse p = decode(Frontend.create().parse("s1", "select $1", 23), Parse.class);
    assertEquals("s1", p.name());
    assertArrayEquals(new int[] {23}, p.parameterTypes());

    Bind b = decode(Frontend.create().bind("p", "s1", new short[] {1},
        new byte[][] {{0, 0, 0, 1}, null}, new short[] {0, 1}), Bind.class);
    assertEquals("p", b.portal());
    assertArrayEquals(new short[] {1}, b.parameterFormats());
    assertArrayEquals(new byte[] {0, 0, 0, 1}, b.parameters()[0]);
    assertNull(b.parameters()[1]);
    assertArrayEquals(new short[] {0, 1}, b.resultFormats());

    Describe d = decode(Frontend.create().describe('P', "p"), Describe.class);
    assertEquals('P', d.kind());
    Execute e = decode(Frontend.create().execute("p", 10), Execute.class);
    assertEquals(10, e.maxRows());
    assertEquals("héllo ✓", decode(Frontend.create().query("héllo ✓"), Query.class).sql());
  }

  /** The session decides what copy messages mean (they are ignored outside COPY FROM STDIN). */
  @Test
  void copyMessagesAreDecoded() {
    decode(Frontend.create().startup("user", "u"), Startup.class);
    decode(Frontend.create().raw((byte) 'c').int32(4), FrontendMessage.CopyDone.class);
    assertEquals(PgDecoder.State.MESSAGES, decoder.state());
  }

  @Test
  void violationCarries08P01AndClosesTheDecoder() {
    decode(Frontend.create().startup("user", "u"), Startup.class);
    ProtocolViolation v = decode(Frontend.create().raw((byte) 'Q').int32(-1),
        ProtocolViolation.class);
    assertEquals("08P01", v.error().state().code());
    assertEquals(PgDecoder.State.CLOSED, decoder.state());
    channel.writeInbound(Frontend.create().query("select 1").buffer());
    assertNull(channel.readInbound(), "everything after a violation is discarded");
  }
}
