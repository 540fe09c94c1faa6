package org.yggdrasil.pgwire.types;

import io.netty.buffer.ByteBuf;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;

/**
 * Strict UTF-8 decoding of client bytes. PostgreSQL verifies every string a client sends
 * against the client encoding (only UTF8 here) and rejects malformed sequences, overlong forms,
 * surrogates and NUL bytes; so do we, with PostgreSQL's message.
 */
public final class Utf8 {
  private static final ThreadLocal<CharsetDecoder> DECODER =
      ThreadLocal.withInitial(
          () ->
              StandardCharsets.UTF_8
                  .newDecoder()
                  .onMalformedInput(CodingErrorAction.REPORT)
                  .onUnmappableCharacter(CodingErrorAction.REPORT));

  private Utf8() {}

  /**
   * Decodes {@code length} bytes at {@code index} without moving the reader index.
   *
   * @param state the SQLSTATE to raise: 22021 for data, 08P01 for protocol strings
   */
  public static String decode(ByteBuf buf, int index, int length, SqlState state) {
    boolean ascii = true;
    for (int i = 0; i < length; i++) {
      byte b = buf.getByte(index + i);
      if (b == 0) {
        throw invalid(new byte[] {0}, state);
      }
      if (b < 0) {
        ascii = false;
        break;
      }
    }
    if (ascii) {
      return buf.toString(index, length, StandardCharsets.US_ASCII);
    }
    ByteBuffer nio = buf.nioBufferCount() == 1 ? buf.nioBuffer(index, length) : copy(buf, index, length);
    CharsetDecoder decoder = DECODER.get().reset();
    try {
      String s = decoder.decode(nio).toString();
      if (s.indexOf('\0') >= 0) {
        throw invalid(new byte[] {0}, state);
      }
      return s;
    } catch (CharacterCodingException e) {
      throw invalid(firstBadSequence(buf, index, length), state);
    }
  }

  /** Decodes a byte array (a Bind parameter value) as UTF-8 data: errors are 22021. */
  public static String decode(byte[] bytes) {
    return decode(io.netty.buffer.Unpooled.wrappedBuffer(bytes), 0, bytes.length,
        SqlState.CHARACTER_NOT_IN_REPERTOIRE);
  }

  private static ByteBuffer copy(ByteBuf buf, int index, int length) {
    byte[] bytes = new byte[length];
    buf.getBytes(index, bytes);
    return ByteBuffer.wrap(bytes);
  }

  /** The bytes PostgreSQL quotes in its message: the first invalid sequence (up to 4 bytes). */
  private static byte[] firstBadSequence(ByteBuf buf, int index, int length) {
    CharsetDecoder decoder = DECODER.get().reset();
    int good = 0;
    // Find the longest valid prefix by decoding character by character: errors are rare and
    // strings short, so the quadratic worst case does not matter.
    for (int end = 1; end <= length; end++) {
      try {
        decoder.reset().decode(copy(buf, index, end));
        good = end;
      } catch (CharacterCodingException e) {
        // keep looking: the prefix may end mid-sequence
      }
    }
    int lead = buf.getByte(index + good) & 0xFF;
    int sequence = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
    byte[] bad = new byte[Math.min(sequence, length - good)];
    buf.getBytes(index + good, bad);
    return bad;
  }

  private static SqlStateException invalid(byte[] bytes, SqlState state) {
    StringBuilder sb = new StringBuilder("invalid byte sequence for encoding \"UTF8\":");
    for (byte b : bytes) {
      sb.append(" 0x").append(HexFormat.of().toHexDigits(b));
    }
    return new SqlStateException(state, sb.toString());
  }
}
