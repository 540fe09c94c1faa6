package org.yggdrasil.planner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;

/**
 * PostgreSQL's text functions count characters (code points): a character beyond U+FFFF, such
 * as 😀, is one character and is never cut in half. Expected values are PostgreSQL 15's.
 */
class CodePointStringsTest {
  private static List<Object> row(SqlDriver d, String sql, Object... params) {
    List<List<Object>> rows = d.run(sql, params);
    assertEquals(1, rows.size(), sql);
    return rows.get(0);
  }

  private static List<Object> values(Object... v) {
    return Arrays.asList(v);
  }

  private static SqlState errorOf(SqlDriver d, String sql) {
    return assertThrows(SqlStateException.class, () -> d.run(sql), sql).state();
  }

  @Test
  void emojiIsOneCharacter() {
    try (SqlDriver d = new SqlDriver()) {
      assertEquals(values("ab", "😀a", 3, 3, "😀", "b😀a"), row(d,
          "SELECT substr('😀abc', 2, 2), left('😀abc', 2), position('b' in '😀abc'),"
              + " strpos('😀abc', 'b'), right('abc😀', 1), reverse('a😀b')"));
      assertEquals(values("xx😀", "ab😀😀"), row(d, "SELECT lpad('😀', 3, 'x'), rpad('ab', 4, '😀')"));
    }
  }

  @Test
  void substringForms() {
    try (SqlDriver d = new SqlDriver()) {
      assertEquals(values("😀b", "😀bc", "😀b", "😀bc", "😀b", "😀bc"), row(d,
          "SELECT substring('a😀bc' FROM 2 FOR 2), substring('a😀bc' FROM 2),"
              + " substring('a😀bc', 2, 2), substring('a😀bc', 2),"
              + " substr('a😀bc', 2, 2), substr('a😀bc', 2)"));
      // a start before 1 still counts towards the end; past the end is empty
      assertEquals(values("😀", "😀", "", "", "", "😀ab", "😀ab", "b"), row(d,
          "SELECT substr('😀ab', 0, 2), substr('😀ab', -1, 3), substr('😀ab', -5, 2),"
              + " substr('😀ab', 4), substr('😀ab', 9, 2), substr('😀ab', -3),"
              + " substr('😀ab', 1, 2147483647), substr('😀ab', 3, 2147483647)"));
      assertEquals("", d.value("SELECT substring('😀ab' FROM 2 FOR 0)"));
    }
  }

  @Test
  void negativeSubstringLengthIsAnError() {
    try (SqlDriver d = new SqlDriver()) {
      assertEquals(SqlState.SUBSTRING_ERROR, errorOf(d, "SELECT substr('😀ab', 2, -1)"));
      assertEquals(SqlState.SUBSTRING_ERROR, errorOf(d, "SELECT substring('abc' FROM 1 FOR -1)"));
      assertEquals("22011", SqlState.SUBSTRING_ERROR.code());
      d.run("CREATE TABLE neg (s text, n int)");
      d.run("INSERT INTO neg VALUES ('abc', -2)");
      assertEquals(SqlState.SUBSTRING_ERROR, errorOf(d, "SELECT substr(s, 1, n) FROM neg"));
      // strict: a null string gives null before the length is looked at
      assertEquals(values((Object) null), row(d, "SELECT substr(NULL::text, 1, -1)"));
    }
  }

  @Test
  void leftAndRight() {
    try (SqlDriver d = new SqlDriver()) {
      assertEquals(values("😀a", "😀ab", "", "😀a", "", "ab", "b", "😀ab", "", "😀ab", ""), row(d,
          "SELECT left('😀ab', 2), left('😀ab', 5), left('😀ab', 0), left('😀ab', -1),"
              + " left('😀ab', -5), right('😀ab', 2), right('😀ab', -2), right('😀ab', 5),"
              + " right('😀ab', 0), left('😀ab', 2147483647), right('😀ab', -2147483647)"));
      // the smallest integer, whose negation overflows
      assertEquals(values("", ""), row(d,
          "SELECT right('😀ab', n), left('😀ab', n) FROM (VALUES (-2147483647 - 1)) v(n)"));
    }
  }

  @Test
  void positionAndStrpos() {
    try (SqlDriver d = new SqlDriver()) {
      assertEquals(values(4, 4, 0, 1, 1, 2), row(d,
          "SELECT position('c' in '😀😀bc'), strpos('😀😀bc', 'c'), strpos('😀😀bc', 'x'),"
              + " strpos('😀😀bc', ''), position('😀' in '😀😀'), strpos('a😀😀', '😀😀')"));
    }
  }

  @Test
  void padding() {
    try (SqlDriver d = new SqlDriver()) {
      assertEquals(values("  😀", "😀  ", "😀x😀a", "a😀x😀", "😀a", "😀a", "😀", "😀", "", ""), row(d,
          "SELECT lpad('😀', 3), rpad('😀', 3), lpad('a', 4, '😀x'), rpad('a', 4, '😀x'),"
              + " lpad('😀abc', 2), rpad('😀abc', 2, 'x'), lpad('😀', 5, ''), rpad('😀', 5, ''),"
              + " lpad('😀', 0), rpad('😀', -3, 'x')"));
      assertEquals(SqlState.PROGRAM_LIMIT_EXCEEDED, errorOf(d, "SELECT lpad('a', 300000000, 'x')"));
    }
  }

  @Test
  void overlayAndTranslate() {
    try (SqlDriver d = new SqlDriver()) {
      assertEquals(values("😀Xc", "😀XYc", "😀XYbc", "X", "😀ab😀Z", "😀abX😀ab"), row(d,
          "SELECT overlay('😀bc' PLACING 'X' FROM 2), overlay('😀bc' PLACING 'XY' FROM 2 FOR 1),"
              + " overlay('😀bc' PLACING 'XY' FROM 2 FOR 0), overlay('😀' PLACING 'X' FROM 1),"
              + " overlay('😀ab' PLACING '😀Z' FROM 4), overlay('😀ab' PLACING 'X' FROM 4 FOR -3)"));
      assertEquals(SqlState.SUBSTRING_ERROR, errorOf(d, "SELECT overlay('abc' PLACING 'x' FROM 0)"));
      assertEquals(values("a1b2", "xb", "😀😀", "ab"), row(d,
          "SELECT translate('a😀b🎉', '😀🎉', '12'), translate('a😀b', 'a😀', 'x'),"
              + " translate('ab', 'ab', '😀😀'), translate('ab', '', 'x')"));
    }
  }

  /** Strings without characters beyond U+FFFF, Latin-1 or not, take the plain path. */
  @Test
  void withoutSurrogatesTheResultsAreTheSame() {
    try (SqlDriver d = new SqlDriver()) {
      for (String s : List.of("abcd", "αβγδ")) {
        String a = s.substring(0, 1);
        String b = s.substring(1, 2);
        String c = s.substring(2, 3);
        String dd = s.substring(3, 4);
        assertEquals(values(b + c, b + c + dd, a + b, c + dd, 3, "xx" + s, s + "xx", a + "X" + dd,
            "1" + b + c + dd, dd + c + b + a), row(d,
            "SELECT substr($1::text, 2, 2), substring($1::text FROM 2), left($1::text, -2),"
                + " right($1::text, 2), strpos($1::text, '" + c + "'), lpad($1::text, 6, 'x'),"
                + " rpad($1::text, 6, 'x'), overlay($1::text PLACING 'X' FROM 2 FOR 2),"
                + " translate($1::text, '" + a + "', '1'), reverse($1::text)", s));
      }
    }
  }

  @Test
  void nullArgumentsGiveNull() {
    try (SqlDriver d = new SqlDriver()) {
      List<Object> row = row(d, "SELECT substr(NULL::text, 1, 2), substr('a', NULL::int),"
          + " left('a', NULL::int), right(NULL::text, 1), strpos('a', NULL::text),"
          + " position(NULL::text in 'a'), lpad('a', NULL::int), rpad('a', 3, NULL::text),"
          + " overlay('a' PLACING NULL::text FROM 1), translate('a', NULL::text, 'b'),"
          + " substring('a' FROM NULL::int FOR 1)");
      assertEquals(11, row.size());
      row.forEach(v -> assertEquals(null, v, row.toString()));
    }
  }

  /** Values read from a table, the executor's row path rather than folded constants. */
  @Test
  void tableColumnsAndParameters() {
    try (SqlDriver d = new SqlDriver()) {
      d.run("CREATE TABLE words (id int PRIMARY KEY, s text, n int)");
      d.run("INSERT INTO words VALUES (1, '😀abc', 2), (2, 'plain', 3), (3, NULL, 1), (4, 'ab😀', NULL)");
      assertEquals(List.of(
          values(1, "ab", "😀a", "bc", 3, "😀ab", "xxx😀abc"),
          values(2, "ai", "pla", "in", 0, "pla", "xxxplain"),
          values(3, null, null, null, null, null, null),
          values(4, null, null, "b😀", 2, "ab😀", null)), d.run(
          "SELECT id, substr(s, n, 2), left(s, n), right(s, 2), strpos(s, 'b'), left(s, 3),"
              + " lpad(s, 6 + n - 1, 'x') FROM words ORDER BY id"));
      // a parameterised statement, planned once and run with different values
      String sql = "SELECT substr(s, $1, $2) FROM words WHERE id = 1";
      assertEquals("😀a", d.value(sql, 1, 2));
      assertEquals("bc", d.value(sql, 3, 5));
      assertEquals(SqlState.SUBSTRING_ERROR,
          assertThrows(SqlStateException.class, () -> d.run(sql, 1, -1)).state());
    }
  }

  /** Calls with constant arguments are still folded while planning, to the same values. */
  @Test
  void constantCallsAreFolded() {
    try (SqlDriver d = new SqlDriver()) {
      d.run("CREATE TABLE f (id int PRIMARY KEY, s text)");
      d.run("INSERT INTO f VALUES (1, 'b😀'), (2, 'bc')");
      String sql = "SELECT id FROM f WHERE s = substr('ab😀c', 2, 2)";
      assertEquals(List.of(List.of(1)), d.run(sql));
      assertFalse(d.explain(sql).contains("substr"), d.explain(sql));
      assertEquals(SqlState.SUBSTRING_ERROR,
          errorOf(d, "SELECT id FROM f WHERE s = substr('abc', 2, -1)"));
    }
  }

  /** Binary strings keep Calcite's functions, which count bytes. */
  @Test
  void byteaIsUntouched() {
    try (SqlDriver d = new SqlDriver()) {
      assertArrayEquals(new byte[] {2, 3}, (byte[]) d.value(
          "SELECT substring('\\x01020304'::bytea FROM 2 FOR 2)"));
      assertEquals(3, d.value("SELECT position('\\x03'::bytea IN '\\x01020304'::bytea)"));
    }
  }
}
