package org.yggdrasil.pgwire.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.yggdrasil.pgwire.types.TypeAssertions.assertBinary;
import static org.yggdrasil.pgwire.types.TypeAssertions.assertBinaryError;
import static org.yggdrasil.pgwire.types.TypeAssertions.assertText;
import static org.yggdrasil.pgwire.types.TypeAssertions.assertTextError;

import org.junit.jupiter.api.Test;

class IntegerTypesTest {

  @Test
  void int2() {
    assertBinary(Int2Type.INSTANCE, (short) 1, "0001");
    assertBinary(Int2Type.INSTANCE, (short) -2, "fffe");
    assertText(Int2Type.INSTANCE, (short) -32768, "-32768");
    assertEquals("value \"32768\" is out of range for type smallint",
        assertTextError(Int2Type.INSTANCE, "32768", "22003").getMessage());
  }

  @Test
  void int4() {
    assertBinary(Int4Type.INSTANCE, 42, "0000002a");
    assertBinary(Int4Type.INSTANCE, Integer.MIN_VALUE, "80000000");
    assertText(Int4Type.INSTANCE, -7, "-7");
    assertEquals(42, Int4Type.INSTANCE.decodeText("  +42\n"));
    assertEquals(31, Int4Type.INSTANCE.decodeText("0x1F"));
    assertEquals(1_000_000, Int4Type.INSTANCE.decodeText("1_000_000"));
    assertEquals("invalid input syntax for type integer: \"abc\"",
        assertTextError(Int4Type.INSTANCE, "abc", "22P02").getMessage());
    assertTextError(Int4Type.INSTANCE, "", "22P02");
    assertTextError(Int4Type.INSTANCE, "1 2", "22P02");
    assertTextError(Int4Type.INSTANCE, "1.5", "22P02");
    assertTextError(Int4Type.INSTANCE, "1__0", "22P02");
    assertTextError(Int4Type.INSTANCE, "2147483648", "22003");
    assertBinaryError(Int4Type.INSTANCE, "000001", "22P03");
  }

  @Test
  void int8() {
    assertBinary(Int8Type.INSTANCE, 10_000_000_000L, "00000002540be400");
    assertText(Int8Type.INSTANCE, Long.MIN_VALUE, "-9223372036854775808");
    assertTextError(Int8Type.INSTANCE, "9223372036854775808", "22003");
    assertTextError(Int8Type.INSTANCE, "99999999999999999999999", "22003");
  }

  @Test
  void anyNumberIsAcceptedForEncoding() {
    assertEquals("7", Int8Type.INSTANCE.encodeText(7));
    assertEquals("7", Int4Type.INSTANCE.encodeText(7L));
    TypeAssertions.assertBytes(TypeAssertions.hex("0000000000000007"),
        Int8Type.INSTANCE.encodeBinary((short) 7));
  }

  @Test
  void stringValuesAreSentAsText() {
    assertEquals("12", Int4Type.INSTANCE.encodeText("12"));
    TypeAssertions.assertBytes(TypeAssertions.hex("0000000c"),
        Int4Type.INSTANCE.encodeBinary("12"));
  }

  @Test
  void oidIsUnsigned() {
    assertBinary(OidType.INSTANCE, 4294967295L, "ffffffff");
    assertText(OidType.INSTANCE, 16400L, "16400");
    assertEquals("4294967295", OidType.INSTANCE.encodeText(-1));
    assertEquals(4294967295L, OidType.INSTANCE.decodeText("-1"));
    assertTextError(OidType.INSTANCE, "4294967296", "22003");
  }

  @Test
  void bool() {
    assertBinary(BoolType.INSTANCE, true, "01");
    assertBinary(BoolType.INSTANCE, false, "00");
    assertText(BoolType.INSTANCE, true, "t");
    assertText(BoolType.INSTANCE, false, "f");
    for (String t : new String[] {"TRUE", "true", "tr", "yes", "y", "on", "1", " t "}) {
      assertEquals(true, BoolType.INSTANCE.decodeText(t), t);
    }
    for (String f : new String[] {"FALSE", "f", "no", "off", "of", "0"}) {
      assertEquals(false, BoolType.INSTANCE.decodeText(f), f);
    }
    assertEquals("invalid input syntax for type boolean: \"o\"",
        assertTextError(BoolType.INSTANCE, "o", "22P02").getMessage());
    assertTextError(BoolType.INSTANCE, "truex", "22P02");
    assertTextError(BoolType.INSTANCE, "2", "22P02");
    assertEquals(true, BoolType.INSTANCE.decodeBinary(new byte[] {7}));
  }
}
