package org.yggdrasil.pgwire.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.pgwire.codec.FrontendMessage.CopyData;
import org.yggdrasil.pgwire.codec.FrontendMessage.CopyDone;
import org.yggdrasil.pgwire.codec.FrontendMessage.CopyFail;
import org.yggdrasil.pgwire.codec.FrontendMessage.ProtocolViolation;
import org.yggdrasil.pgwire.testing.Frontend;

/** The COPY messages' bytes, both ways, and the CONTEXT field of errors. */
class CopyMessagesTest {
  private final EmbeddedChannel channel = new EmbeddedChannel(new PgDecoder());

  private <T> T decode(byte[] bytes, Class<T> type) {
    channel.writeInbound(Unpooled.wrappedBuffer(bytes));
    channel.checkException();
    return assertInstanceOf(type, channel.readInbound());
  }

  private void started() {
    channel.writeInbound(Frontend.create().startup("user", "u").buffer());
    channel.readInbound();
  }

  @Test
  void copyDataCarriesItsBytesExactly() {
    started();
    byte[] data = {'1', '\t', (byte) 0xC3, (byte) 0xA9, 0, '\n'};
    CopyData d = decode(new byte[] {'d', 0, 0, 0, 10, '1', '\t', (byte) 0xC3, (byte) 0xA9, 0,
        '\n'}, CopyData.class);
    assertArrayEquals(data, d.data());
    assertArrayEquals(new byte[0], decode(new byte[] {'d', 0, 0, 0, 4}, CopyData.class).data());
  }

  @Test
  void copyDoneAndCopyFail() {
    started();
    decode(new byte[] {'c', 0, 0, 0, 4}, CopyDone.class);
    CopyFail f = decode(new byte[] {'f', 0, 0, 0, 8, 'w', 'h', 'y', 0}, CopyFail.class);
    assertEquals("why", f.message());
  }

  @Test
  void copyDoneWithABodyIsAViolation() {
    started();
    ProtocolViolation v = decode(new byte[] {'c', 0, 0, 0, 5, 1}, ProtocolViolation.class);
    assertEquals("08P01", v.error().state().code());
  }

  @Test
  void copyFailWithoutNulIsAViolation() {
    started();
    decode(new byte[] {'f', 0, 0, 0, 7, 'w', 'h', 'y'}, ProtocolViolation.class);
  }

  @Test
  void copyDataSplitAcrossReadsIsReassembled() {
    started();
    channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {'d', 0, 0, 0, 7, 'a'}));
    channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {'b', 'c'}));
    assertArrayEquals(new byte[] {'a', 'b', 'c'},
        assertInstanceOf(CopyData.class, channel.readInbound()).data());
  }

  @Test
  void copyInAndOutResponsesAreTextFormatForEveryColumn() {
    ByteBuf out = Unpooled.buffer();
    Messages.writeCopyInResponse(out, 3);
    Messages.writeCopyOutResponse(out, 1);
    assertArrayEquals(new byte[] {'G', 0, 0, 0, 13, 0, 0, 3, 0, 0, 0, 0, 0, 0,
        'H', 0, 0, 0, 9, 0, 0, 1, 0, 0}, ByteBufUtil.getBytes(out));
    out.release();
  }

  @Test
  void copyDataAndCopyDone() {
    ByteBuf out = Unpooled.buffer();
    int start = Messages.beginCopyData(out);
    out.writeBytes(new byte[] {'1', '\n'});
    Messages.endCopyData(out, start);
    Messages.writeCopyDone(out);
    assertArrayEquals(new byte[] {'d', 0, 0, 0, 6, '1', '\n', 'c', 0, 0, 0, 4},
        ByteBufUtil.getBytes(out));
    out.release();
  }

  @Test
  void errorContextIsTheWField() {
    ByteBuf out = Unpooled.buffer();
    SqlStateException e = new SqlStateException(SqlState.BAD_COPY_FILE_FORMAT, "m")
        .withWhere("COPY t, line 2");
    Messages.writeErrorResponse(out, PgError.of(PgError.ERROR, e));
    byte[] bytes = ByteBufUtil.getBytes(out);
    String body = new String(bytes, 5, bytes.length - 5, java.nio.charset.StandardCharsets.UTF_8);
    assertEquals("SERROR\0VERROR\0C22P04\0Mm\0WCOPY t, line 2\0\0", body);
    out.release();
  }
}
