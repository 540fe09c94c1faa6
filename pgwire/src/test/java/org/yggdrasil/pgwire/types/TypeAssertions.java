package org.yggdrasil.pgwire.types;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.yggdrasil.catalog.error.SqlStateException;

/** Shared assertions: exact bytes both ways, text both ways, PostgreSQL's error codes. */
final class TypeAssertions {
  private TypeAssertions() {}

  static byte[] hex(String hex) {
    return HexFormat.of().parseHex(hex.replace(" ", ""));
  }

  /** Encodes to exactly these bytes, and those bytes decode back to the value. */
  static void assertBinary(PgType type, Object value, String hex) {
    byte[] expected = hex(hex);
    assertEquals(HexFormat.of().formatHex(expected), HexFormat.of().formatHex(
        type.encodeBinary(value)), "binary of " + value);
    assertEquals(value, type.decodeBinary(expected), "decoding " + hex);
  }

  /** Formats to exactly this text (as written by writeText too), and the text parses back. */
  static void assertText(PgType type, Object value, String text) {
    assertEquals(text, type.encodeText(value));
    ByteBuf buf = Unpooled.buffer();
    type.writeText(buf, value);
    assertEquals(text, new String(ByteBufUtil.getBytes(buf), StandardCharsets.UTF_8));
    assertEquals(value, type.decodeText(text), "parsing " + text);
  }

  static SqlStateException assertTextError(PgType type, String text, String code) {
    SqlStateException e = assertThrows(SqlStateException.class, () -> type.decodeText(text));
    assertEquals(code, e.state().code(), e.getMessage());
    return e;
  }

  static SqlStateException assertBinaryError(PgType type, String hex, String code) {
    SqlStateException e =
        assertThrows(SqlStateException.class, () -> type.decodeBinary(hex(hex)));
    assertEquals(code, e.state().code(), e.getMessage());
    return e;
  }

  static void assertBytes(byte[] expected, byte[] actual) {
    assertArrayEquals(expected, actual);
  }
}
