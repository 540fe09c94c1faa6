package org.yggdrasil.pgwire.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.yggdrasil.pgwire.types.TypeAssertions.assertBinary;
import static org.yggdrasil.pgwire.types.TypeAssertions.assertBinaryError;
import static org.yggdrasil.pgwire.types.TypeAssertions.assertText;
import static org.yggdrasil.pgwire.types.TypeAssertions.assertTextError;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.yggdrasil.planner.session.PgOid;

class ArrayTypeTest {
  private static final PgType INT4S = PgTypes.forOid(PgOid.INT4_ARRAY);
  private static final PgType INT8S = PgTypes.forOid(PgOid.INT8_ARRAY);
  private static final PgType TEXTS = PgTypes.forOid(PgOid.TEXT_ARRAY);

  @Test
  void textOutput() {
    assertText(INT4S, List.of(1, 2, 3), "{1,2,3}");
    assertText(INT4S, Arrays.asList(1, null, 3), "{1,NULL,3}");
    assertText(INT4S, List.of(), "{}");
    assertText(INT4S, List.of(List.of(1, 2), List.of(3, 4)), "{{1,2},{3,4}}");
    assertText(PgTypes.forOid(PgOid.BOOL_ARRAY), List.of(true, false), "{t,f}");
    assertText(PgTypes.forOid(PgOid.FLOAT8_ARRAY), List.of(1.5, Double.NaN), "{1.5,NaN}");
    assertEquals("{1,2}", INT4S.encodeText(new int[] {1, 2}));
    assertEquals("{1,2}", INT4S.encodeText(new Integer[] {1, 2}));
  }

  @Test
  void textElementsAreQuotedWhenNeeded() {
    List<String> values = List.of("a b", "", "NULL", "null", "x\"y", "back\\slash", "plain",
        "{b}", "c,d", "é");
    assertText(TEXTS, values,
        "{\"a b\",\"\",\"NULL\",\"null\",\"x\\\"y\",\"back\\\\slash\",plain,\"{b}\",\"c,d\",é}");
  }

  @Test
  void textInput() {
    assertEquals(Arrays.asList("a", null, "NULL", "b c", " d"),
        TEXTS.decodeText(" { a , NULL,\"NULL\" , b c ,\\ d} "));
    assertEquals(List.of(List.of(1, 2), List.of(3, 4)), INT4S.decodeText("{{1,2},{3,4}}"));
    assertEquals(List.of(1, 2), INT4S.decodeText("[1:2]={1,2}"));
    assertEquals(List.of(), INT4S.decodeText("{}"));
    assertEquals("malformed array literal: \"{1,2\"",
        assertTextError(INT4S, "{1,2", "22P02").getMessage());
    assertTextError(INT4S, "1,2", "22P02");
    assertTextError(INT4S, "{1,,2}", "22P02");
    assertTextError(INT4S, "{1,2}x", "22P02");
    assertTextError(INT4S, "{1,x}", "22P02"); // the element's own error
  }

  @Test
  void binaryOneDimension() {
    // ndim 1, no nulls, element int4 (23), size 2, lower bound 1, then (len, value) pairs
    assertBinary(INT4S, List.of(1, 2),
        "00000001 00000000 00000017 00000002 00000001 00000004 00000001 00000004 00000002");
    assertBinary(INT8S, Arrays.asList(7L, null),
        "00000001 00000001 00000014 00000002 00000001 00000008 0000000000000007 ffffffff");
    assertBinary(INT4S, List.of(), "00000000 00000000 00000017");
    assertBinary(TEXTS, List.of("ab"),
        "00000001 00000000 00000019 00000001 00000001 00000002 6162");
  }

  @Test
  void binaryTwoDimensions() {
    assertBinary(INT4S, List.of(List.of(1), List.of(2)),
        "00000002 00000000 00000017 00000002 00000001 00000001 00000001"
            + " 00000004 00000001 00000004 00000002");
  }

  @Test
  void binaryErrors() {
    assertEquals("binary data has array element type 20 instead of expected 23 (int4)",
        assertBinaryError(INT4S, "00000001 00000000 00000014 00000000 00000001", "42804")
            .getMessage());
    assertBinaryError(INT4S, "00000001 00000000 00000017 00000002 00000001 00000004 00000001",
        "22P03");
    assertBinaryError(INT4S, "00000007 00000000 00000017", "54000");
    assertBinaryError(INT4S, "00000001 00000000 00000017 7fffffff 00000001", "22P03");
  }
}
