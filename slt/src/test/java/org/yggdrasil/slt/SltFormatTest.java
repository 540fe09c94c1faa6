package org.yggdrasil.slt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The file parser, value formatting, sorting and hashing, without a server. */
class SltFormatTest {

  @Test
  void parsesRecordsWithLinesConditionsAndResults() {
    String text =
        """
        hash-threshold 8

        # a comment
        statement ok
        CREATE TABLE t1(a INTEGER,
          b INTEGER)

        skipif mysql # why
        onlyif postgresql
        query II rowsort label-1
        SELECT a, b
        FROM t1
        ----
        1
        2

        query T
        SELECT 'x'

        statement error
        SELECT nope

        onlyif mssql
        halt
        """;
    List<SltRecord> rs = SltParser.parse("f.test", text);
    assertEquals(6, rs.size());
    assertEquals(new SltRecord.HashThreshold(1, List.of(), 8), rs.get(0));
    var st = (SltRecord.Statement) rs.get(1);
    assertEquals(4, st.line());
    assertEquals("CREATE TABLE t1(a INTEGER,\n  b INTEGER)", st.sql());
    var q = (SltRecord.Query) rs.get(2);
    assertEquals(10, q.line());
    assertEquals("II", q.types());
    assertEquals(SltRecord.SortMode.ROWSORT, q.sort());
    assertEquals("label-1", q.label());
    assertEquals(List.of("1", "2"), q.expected());
    assertEquals(
        List.of(new SltRecord.Condition(true, "mysql"), new SltRecord.Condition(false, "postgresql")),
        q.conditions());
    assertTrue(SltRunner.applies(q, java.util.Set.of("postgresql")));
    var q2 = (SltRecord.Query) rs.get(3);
    assertEquals(null, q2.expected());
    assertEquals(SltRecord.SortMode.NOSORT, q2.sort());
    assertTrue(((SltRecord.Statement) rs.get(4)).expectError());
    assertFalse(SltRunner.applies(rs.get(5), java.util.Set.of("postgresql")));
  }

  @Test
  void parsesOurExtensions() {
    String text =
        """
        onlyif yggdrasil
        let head_1
        SELECT commit_id FROM ygg.log LIMIT 1

        statement error 25006
        INSERT INTO t VALUES (1)

        statement error # any error
        SELECT nope
        """;
    List<SltRecord> rs = SltParser.parse("f.test", text);
    assertEquals(
        new SltRecord.Let(
            2, List.of(new SltRecord.Condition(false, "yggdrasil")), "head_1",
            "SELECT commit_id FROM ygg.log LIMIT 1"),
        rs.get(0));
    assertEquals("25006", ((SltRecord.Statement) rs.get(1)).expectedState());
    assertEquals(null, ((SltRecord.Statement) rs.get(2)).expectedState());
    // onlyif yggdrasil: runs on Yggdrasil, skipped on the reference PostgreSQL.
    assertTrue(SltRunner.applies(rs.get(0), java.util.Set.of("postgresql", "yggdrasil")));
    assertFalse(SltRunner.applies(rs.get(0), java.util.Set.of("postgresql")));
    assertThrows(
        SltParser.ParseException.class, () -> SltParser.parse("f.test", "statement error oops\nSELECT 1\n"));
    assertThrows(SltParser.ParseException.class, () -> SltParser.parse("f.test", "let 1x\nSELECT 1\n"));
  }

  @Test
  void substitutesCapturedValues() {
    var vars = java.util.Map.of("c1", "ab$12\\", "n", "7");
    assertEquals("SET x = 'ab$12\\' -- 7", SltRunner.substitute("SET x = '${c1}' -- ${n}", vars));
    assertEquals("no $ {c1} here", SltRunner.substitute("no $ {c1} here", vars));
    assertThrows(RuntimeException.class, () -> SltRunner.substitute("${missing}", vars));
  }

  @Test
  void formatsValuesLikeTheReferenceDriver() {
    assertEquals("NULL", SltValues.format('I', Types.INTEGER, null));
    assertEquals("NULL", SltValues.format('T', Types.VARCHAR, null));
    assertEquals("-12", SltValues.format('I', Types.BIGINT, "-12"));
    assertEquals("3", SltValues.format('I', Types.NUMERIC, "3.000"));
    assertEquals("2.5", SltValues.format('I', Types.NUMERIC, "2.5"), "fractions are not hidden");
    assertEquals("1", SltValues.format('I', Types.BOOLEAN, "t"));
    assertEquals("0.500", SltValues.format('R', Types.DOUBLE, "0.5"));
    assertEquals("-0.000", SltValues.format('R', Types.DOUBLE, "-0.0001"));
    // C's printf("%.3f") rounds the exact binary value: 0.1245 is just below, 0.1255 just above.
    assertEquals("0.124", SltValues.format('R', Types.DOUBLE, "0.1245"));
    assertEquals("0.126", SltValues.format('R', Types.DOUBLE, "0.1255"));
    assertEquals("2.001", SltValues.format('R', Types.DOUBLE, "2.0005"));
    assertEquals("12.000", SltValues.format('R', Types.INTEGER, "12"));
    assertEquals("(empty)", SltValues.format('T', Types.VARCHAR, ""));
    assertEquals("a@b", SltValues.format('T', Types.VARCHAR, "a\tb"));
    assertEquals("caf@", SltValues.format('T', Types.VARCHAR, "café"));
  }

  @Test
  void hashesAndSorts() {
    // md5("1\n2\n")
    assertEquals("2 values hashing to 6ddb4095eb719e2a9f0a3f95677d24e0", SltValues.hashLine(List.of("1", "2")));
    List<String> v = new ArrayList<>(List.of("b", "2", "a", "1", "a", "0"));
    SltRunner.sort(v, 2, SltRecord.SortMode.ROWSORT);
    assertEquals(List.of("a", "0", "a", "1", "b", "2"), v);
    SltRunner.sort(v, 2, SltRecord.SortMode.VALUESORT);
    assertEquals(List.of("0", "1", "2", "a", "a", "b"), v);
  }

  @Test
  void globsMatchJarNames() {
    assertTrue(Corpus.globToRegex("evidence/*.test").matcher("evidence/in1.test").matches());
    assertFalse(Corpus.globToRegex("*.test").matcher("evidence/in1.test").matches());
    assertTrue(Corpus.globToRegex("index/**/10/*").matcher("index/between/10/slt_good_0.test").matches());
    assertEquals(5, Corpus.resolve(List.of("select?.test")).size());
  }

  @Test
  void groupsErrorsByNormalizedCause() {
    assertEquals(
        "column \"…\" not found in table '…' at N",
        SltRunner.normalize("From line 1, column 8 to line 1, column 9: column \"x\" not found in table 't1' at 12"));
  }
}
