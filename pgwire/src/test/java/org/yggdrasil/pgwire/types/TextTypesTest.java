package org.yggdrasil.pgwire.types;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.yggdrasil.pgwire.types.TypeAssertions.assertBinary;
import static org.yggdrasil.pgwire.types.TypeAssertions.assertBinaryError;
import static org.yggdrasil.pgwire.types.TypeAssertions.assertText;
import static org.yggdrasil.pgwire.types.TypeAssertions.assertTextError;
import static org.yggdrasil.pgwire.types.TypeAssertions.hex;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.planner.session.PgOid;

class TextTypesTest {

  @Test
  void textIsUtf8BothWays() {
    assertBinary(TextType.TEXT, "héllo", "68c3a96c6c6f");
    assertText(TextType.VARCHAR, "✓ ok", "✓ ok");
    assertEquals("", TextType.TEXT.decodeBinary(new byte[0]));
    assertEquals("42", TextType.TEXT.encodeText(42));
    assertBinaryError(TextType.TEXT, "61ff", "22021");
    assertBinaryError(TextType.TEXT, "6100", "22021");
    assertTextError(TextType.TEXT, "a\0b", "22021");
  }

  @Test
  void characterTypesShareTheCodec() {
    for (int oid : new int[] {PgOid.TEXT, PgOid.VARCHAR, PgOid.BPCHAR, PgOid.NAME, PgOid.CHAR,
        PgOid.UNKNOWN}) {
      assertEquals("abc", PgTypes.forOid(oid).decodeText("abc"));
    }
  }

  @Test
  void byteaHexOutput() {
    assertEquals("\\x0a0bff", ByteaType.INSTANCE.encodeText(new byte[] {0x0a, 0x0b, -1}));
    io.netty.buffer.ByteBuf buf = io.netty.buffer.Unpooled.buffer();
    ByteaType.INSTANCE.writeText(buf, new byte[] {0x0a, 0x0b, -1});
    assertEquals("\\x0a0bff", buf.toString(java.nio.charset.StandardCharsets.US_ASCII));
    assertArrayEquals(new byte[] {0x0a, 0x0b}, (byte[]) ByteaType.INSTANCE.decodeText("\\x0a0b"));
  }

  @Test
  void byteaTextRoundTrip() {
    byte[] all = new byte[256];
    for (int i = 0; i < 256; i++) {
      all[i] = (byte) i;
    }
    String text = ByteaType.INSTANCE.encodeText(all);
    assertEquals(2 + 512, text.length());
    assertArrayEquals(all, (byte[]) ByteaType.INSTANCE.decodeText(text));
    assertArrayEquals(all, (byte[]) ByteaType.INSTANCE.decodeBinary(all));
    assertArrayEquals(all, ByteaType.INSTANCE.encodeBinary(all));
    assertEquals("\\x", ByteaType.INSTANCE.encodeText(new byte[0]));
  }

  @Test
  void byteaInputFormats() {
    ByteaType b = ByteaType.INSTANCE;
    assertArrayEquals(new byte[] {0x0a, (byte) 0xbc}, (byte[]) b.decodeText("\\x0A bC"));
    assertArrayEquals(new byte[] {'a', '\\', 'b', 1, (byte) 0377},
        (byte[]) b.decodeText("a\\\\b\\001\\377"));
    assertArrayEquals(new byte[] {(byte) 0xc3, (byte) 0xa9}, (byte[]) b.decodeText("é"));
    assertEquals("invalid hexadecimal digit: \"z\"",
        assertTextError(b, "\\x0z", "22023").getMessage());
    assertEquals("invalid hexadecimal data: odd number of digits",
        assertTextError(b, "\\x0ab", "22023").getMessage());
    assertEquals("invalid input syntax for type bytea",
        assertTextError(b, "a\\9", "22P02").getMessage().substring(0, 35));
    assertTextError(b, "trailing\\", "22P02");
    assertTextError(b, "\\400", "22P02");
  }

  @Test
  void uuid() {
    UUID u = UUID.fromString("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");
    assertBinary(UuidType.INSTANCE, u, "a0eebc999c0b4ef8bb6d6bb9bd380a11");
    assertText(UuidType.INSTANCE, u, "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");
    for (String form : new String[] {"A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11",
        "{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11}", "a0eebc999c0b4ef8bb6d6bb9bd380a11",
        "a0ee-bc99-9c0b-4ef8-bb6d-6bb9-bd38-0a11"}) {
      assertEquals(u, UuidType.INSTANCE.decodeText(form), form);
    }
    assertEquals("invalid input syntax for type uuid: \"xyz\"",
        assertTextError(UuidType.INSTANCE, "xyz", "22P02").getMessage());
    assertTextError(UuidType.INSTANCE, "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a1", "22P02");
    assertTextError(UuidType.INSTANCE, "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a111", "22P02");
    assertTextError(UuidType.INSTANCE, "-a0eebc999c0b4ef8bb6d6bb9bd380a11", "22P02");
    assertBinaryError(UuidType.INSTANCE, "a0eebc99", "22P03");
  }

  @Test
  void jsonAndJsonb() {
    assertBinary(JsonType.JSON, "{\"a\":1}", "7b2261223a317d");
    assertBinary(JsonType.JSONB, "{\"a\":1}", "01 7b2261223a317d");
    assertText(JsonType.JSONB, "[1, 2]", "[1, 2]");
    assertEquals("unsupported jsonb version number 2",
        assertBinaryError(JsonType.JSONB, "02 7b7d", "22P03").getMessage());
  }

  @Test
  void intervalIsTextOnly() {
    assertText(IntervalType.INSTANCE, "1 year 2 mons 3 days 04:05:06", 
        "1 year 2 mons 3 days 04:05:06");
    assertFalse(IntervalType.INSTANCE.supportsBinary());
    SqlStateException e = assertThrows(SqlStateException.class,
        () -> IntervalType.INSTANCE.encodeBinary("1 day"));
    assertEquals("0A000", e.state().code());
  }

  @Test
  void unknownOidsFallBackToText() {
    PgType t = PgTypes.forOid(16391); // an enum
    assertEquals(16391, t.oid());
    assertEquals("happy", t.encodeText("happy"));
    assertEquals("[1, 2]", t.encodeText(java.util.List.of(1, 2)));
    assertFalse(t.supportsBinary());
    assertFalse(PgTypes.isKnown(16391));
    assertEquals("happy", t.decodeText("happy"));
  }

  @Test
  void vectorTypes() {
    assertText(VectorType.INT2VECTOR, java.util.List.of((short) 1, (short) 3), "1 3");
    assertEquals("", VectorType.OIDVECTOR.encodeText(java.util.List.of()));
    assertEquals(java.util.List.of(23L, 25L), VectorType.OIDVECTOR.decodeText("23 25"));
  }

  @Test
  void registryResolvesEveryPgOidConstant() {
    assertEquals(Int4Type.INSTANCE, PgTypes.forOid(PgOid.INT4));
    assertEquals(NumericType.INSTANCE, PgTypes.forOid(PgOid.NUMERIC));
    assertEquals(TimestampTzType.INSTANCE, PgTypes.forOid(PgOid.TIMESTAMPTZ));
    assertEquals(Int8Type.INSTANCE, ((ArrayType) PgTypes.forOid(PgOid.INT8_ARRAY)).element());
    assertEquals("_text", PgTypes.forOid(PgOid.TEXT_ARRAY).typname());
    byte[] raw = hex("00");
    assertEquals(false, PgTypes.forOid(PgOid.BOOL).decodeBinary(raw));
  }
}
