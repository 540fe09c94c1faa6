package org.yggdrasil.pgwire.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.yggdrasil.pgwire.types.TypeAssertions.assertBinary;
import static org.yggdrasil.pgwire.types.TypeAssertions.assertBinaryError;
import static org.yggdrasil.pgwire.types.TypeAssertions.assertText;
import static org.yggdrasil.pgwire.types.TypeAssertions.assertTextError;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** numeric in PostgreSQL's base-10000 binary format and plain text. */
class NumericTypeTest {
  private static final NumericType N = NumericType.INSTANCE;

  private static BigDecimal d(String s) {
    return new BigDecimal(s);
  }

  @Test
  void binaryMatchesPostgres() {
    // ndigits weight sign dscale digits...
    assertBinary(N, d("12.345"), "0002 0000 0000 0003 000c 0d7a"); // 12, 3450
    assertBinary(N, d("0.50"), "0001 ffff 0000 0002 1388"); // pgjdbc's capture
    assertBinary(N, d("-12.345"), "0002 0000 4000 0003 000c 0d7a");
    assertBinary(N, d("0"), "0000 0000 0000 0000");
    assertBinary(N, d("0.00"), "0000 0000 0000 0002");
    assertBinary(N, d("10000"), "0001 0001 0000 0000 0001");
    assertBinary(N, d("1234567.89"), "0003 0001 0000 0002 007b 11d7 22c4"); // 123 4567 .8900
    assertBinary(N, d("0.0000000001"), "0001 fffd 0000 000a 0064"); // 100 * 10000^-3
    assertBinary(N, d("-1"), "0001 0000 4000 0000 0001");
  }

  @Test
  void specialValues() {
    assertEquals("0000 0000 c000 0000".replace(" ", ""),
        java.util.HexFormat.of().formatHex(N.encodeBinary(Double.NaN)));
    assertEquals(Double.NaN, N.decodeBinary(TypeAssertions.hex("00000000c0000000")));
    assertEquals(Double.POSITIVE_INFINITY, N.decodeBinary(TypeAssertions.hex("00000000d0000000")));
    assertEquals(Double.NEGATIVE_INFINITY, N.decodeBinary(TypeAssertions.hex("00000000f0000000")));
    assertEquals("NaN", N.encodeText(Double.NaN));
    assertEquals("Infinity", N.encodeText(Double.POSITIVE_INFINITY));
    assertEquals("-Infinity", N.encodeText(Float.NEGATIVE_INFINITY));
    assertEquals(Double.NaN, N.decodeText("NaN"));
    assertEquals(Double.NEGATIVE_INFINITY, N.decodeText("-Infinity"));
  }

  @Test
  void textIsPlainAndKeepsScale() {
    assertText(N, d("12.340"), "12.340");
    assertText(N, d("-0.001"), "-0.001");
    assertEquals("1000", N.encodeText(d("1E+3")));
    assertEquals("10000000000", N.encodeText(1e10));
    assertEquals("0.1", N.encodeText(0.1));
    assertEquals("5", N.encodeText(5L));
    assertEquals("123456789012345678901234567890",
        N.encodeText(new BigInteger("123456789012345678901234567890")));
    assertEquals(d("100000"), N.decodeText(" 1e5 "));
    assertEquals(d("0.5"), N.decodeText(".5"));
    assertEquals("invalid input syntax for type numeric: \"12a\"",
        assertTextError(N, "12a", "22P02").getMessage());
    assertTextError(N, "", "22P02");
    assertTextError(N, "1e", "22P02");
  }

  @Test
  void binaryRoundTripsRandomValues() {
    SplittableRandom r = new SplittableRandom(3);
    for (int i = 0; i < 5_000; i++) {
      BigInteger unscaled = new BigInteger(r.nextInt(1, 200), new java.util.Random(r.nextLong()));
      if (r.nextBoolean()) {
        unscaled = unscaled.negate();
      }
      BigDecimal v = new BigDecimal(unscaled, r.nextInt(0, 40));
      assertEquals(v, N.decodeBinary(N.encodeBinary(v)), v::toPlainString);
      assertEquals(v, N.decodeText(N.encodeText(v)), v::toPlainString);
    }
  }

  @Test
  void binaryDigitsBeyondDscaleAreTruncatedAsPostgresDoes() {
    // 12.3450 with dscale 2 -> 12.34
    assertEquals(d("12.34"), N.decodeBinary(TypeAssertions.hex("0002 0000 0000 0002 000c 0d7a")));
  }

  @Test
  void malformedBinary() {
    assertBinaryError(N, "0001 0000 0000 0000", "22P03"); // digit missing
    assertBinaryError(N, "0001 0000 1234 0000 0001", "22P03"); // bad sign
    assertBinaryError(N, "0001 0000 0000 0000 2710", "22P03"); // digit 10000
    assertBinaryError(N, "0000", "22P03");
  }
}
