package org.yggdrasil.pgwire.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.yggdrasil.pgwire.types.TypeAssertions.assertBinary;
import static org.yggdrasil.pgwire.types.TypeAssertions.assertText;
import static org.yggdrasil.pgwire.types.TypeAssertions.assertTextError;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** float4/float8 text output matches PostgreSQL 12+ (Ryu shortest, %g-style layout). */
class FloatTypesTest {
  private static final Float8Type F8 = Float8Type.INSTANCE;
  private static final Float4Type F4 = Float4Type.INSTANCE;

  @Test
  void float8TextLikePostgres() {
    assertText(F8, 0.1, "0.1");
    assertText(F8, 1.5, "1.5");
    assertText(F8, 100.0, "100");
    assertText(F8, -2.5, "-2.5");
    assertText(F8, 1.0 / 3, "0.3333333333333333");
    assertText(F8, 123456789012345.0, "123456789012345");
    assertText(F8, 1e15, "1e+15");
    assertText(F8, 1.5e300, "1.5e+300");
    assertText(F8, 0.0001, "0.0001");
    assertText(F8, 0.00001, "1e-05");
    assertText(F8, 1.2345e-7, "1.2345e-07");
    assertText(F8, Double.MAX_VALUE, "1.7976931348623157e+308");
    assertText(F8, 0.0, "0");
    assertEquals("-0", F8.encodeText(-0.0));
    assertText(F8, Double.POSITIVE_INFINITY, "Infinity");
    assertText(F8, Double.NEGATIVE_INFINITY, "-Infinity");
    assertEquals("NaN", F8.encodeText(Double.NaN));
    assertEquals(Double.NaN, F8.decodeText("nan"));
  }

  @Test
  void singleDigitIsPreferredOverJavasTwoDigits() {
    // Java prints 4.9E-324; Ryu (and so PostgreSQL) prints 5e-324.
    assertEquals("5e-324", F8.encodeText(Double.MIN_VALUE));
    assertEquals("1e-45", F4.encodeText(Float.MIN_VALUE));
  }

  @Test
  void float8TextRoundTripsExactly() {
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 20_000; i++) {
      double d = Double.longBitsToDouble(random.nextLong());
      if (Double.isNaN(d)) {
        continue;
      }
      assertEquals(d, (double) F8.decodeText(F8.encodeText(d)), () -> Double.toString(d));
    }
  }

  @Test
  void float4TextLikePostgres() {
    assertText(F4, 0.1f, "0.1");
    assertText(F4, 123456f, "123456");
    assertText(F4, 1e6f, "1e+06");
    assertText(F4, 3.4028235e38f, "3.4028235e+38");
    assertText(F4, 1.25e-5f, "1.25e-05");
    SplittableRandom random = new SplittableRandom(11);
    for (int i = 0; i < 20_000; i++) {
      float f = Float.intBitsToFloat(random.nextInt());
      if (!Float.isNaN(f)) {
        assertEquals(f, (float) F4.decodeText(F4.encodeText(f)), () -> Float.toString(f));
      }
    }
  }

  @Test
  void binaryIsIeeeBigEndian() {
    assertBinary(F8, 1.5, "3ff8000000000000");
    assertBinary(F8, Double.NEGATIVE_INFINITY, "fff0000000000000");
    assertBinary(F4, 1.5f, "3fc00000");
    assertEquals("3ff0000000000000", java.util.HexFormat.of().formatHex(F8.encodeBinary(1)));
  }

  @Test
  void input() {
    assertEquals(1.5, F8.decodeText(" 1.5 "));
    assertEquals(-0.5, F8.decodeText("-.5"));
    assertEquals(5.0, F8.decodeText("5."));
    assertEquals(1e10, F8.decodeText("1E10"));
    assertEquals(Double.POSITIVE_INFINITY, F8.decodeText("Infinity"));
    assertEquals(Double.NEGATIVE_INFINITY, F8.decodeText("-inf"));
    assertEquals("invalid input syntax for type double precision: \"abc\"",
        assertTextError(F8, "abc", "22P02").getMessage());
    assertTextError(F8, "1d", "22P02");
    assertTextError(F8, "0x1p3", "22P02");
    assertTextError(F8, "1e", "22P02");
    assertTextError(F8, "", "22P02");
    assertEquals("\"1e400\" is out of range for type double precision",
        assertTextError(F8, "1e400", "22003").getMessage());
    assertTextError(F8, "1e-400", "22003");
    assertEquals(0.0, F8.decodeText("0e-400"));
    assertTextError(F4, "1e39", "22003");
  }

  @Test
  void extraFloatDigitsZeroOrLessRoundsLikePrintfG() {
    Float8Type f8 = F8.withExtraFloatDigits(0);
    assertEquals("0.3", f8.encodeText(0.1 + 0.2));
    assertEquals("1e+15", f8.encodeText(1e15));
    assertEquals("1.23456789012346e+17", f8.encodeText(123456789012345678.0));
    assertEquals("100", f8.encodeText(100.0));
    assertEquals("1e-05", f8.encodeText(0.00001));
    assertEquals("-2.5", f8.encodeText(-2.5));
    assertEquals("NaN", f8.encodeText(Double.NaN));
    assertEquals("0.3333333333333", F8.withExtraFloatDigits(-2).encodeText(1.0 / 3));
    assertEquals("0.30000000000000004", F8.withExtraFloatDigits(3).encodeText(0.1 + 0.2));
    Float4Type f4 = F4.withExtraFloatDigits(0);
    assertEquals("0.1", f4.encodeText(0.1f));
    assertEquals("3.40282e+38", f4.encodeText(3.4028235e38f));
    assertEquals("123457", f4.encodeText(123456.7f));
  }

  @Test
  void sessionSettingsSelectTheCodec() {
    FormatSettings s = FormatSettings.DEFAULT.withParameter("extra_float_digits", "0");
    assertEquals("0.3", PgTypes.forOid(org.yggdrasil.planner.session.PgOid.FLOAT8, s)
        .encodeText(0.1 + 0.2));
    assertEquals("{0.3}", PgTypes.forOid(org.yggdrasil.planner.session.PgOid.FLOAT8_ARRAY, s)
        .encodeText(java.util.List.of(0.1 + 0.2)));
    assertEquals(FormatSettings.DEFAULT, FormatSettings.DEFAULT.withParameter("TimeZone", "??"));
  }
}
