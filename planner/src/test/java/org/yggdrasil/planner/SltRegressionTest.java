package org.yggdrasil.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Wrong results the sqllogictest corpus found, each fixed at its root; answers are PostgreSQL's. */
class SltRegressionTest {
  private SqlDriver d;

  @BeforeEach
  void data() {
    d = new SqlDriver();
    d.run("CREATE TABLE t (a INTEGER, b FLOAT)");
    d.run("INSERT INTO t VALUES (1, 30.0), (2, 10.0)");
  }

  @AfterEach
  void close() {
    d.close();
  }

  @Test
  void orWithAnInSubqueryThatIsEmpty() {
    assertEquals(List.of(List.of(1)),
        d.run("SELECT a FROM t WHERE b > 25 OR b IN (SELECT b FROM t WHERE a > 5 AND a < 0)"));
  }

  /** SemiJoinRule must not replace a global (group-less) aggregate by its input: see GroupedSemiJoinRules. */
  @Test
  void inSubqueryOrTrue() {
    assertEquals(List.of(List.of(1), List.of(2)),
        d.run("SELECT a FROM t WHERE a IN (SELECT a FROM t WHERE a > 5 AND a < 0) OR true"
            + " ORDER BY a"));
  }

  /**
   * Calcite's monotonicity check throws AssertionError on this expression while planning
   * (random/expr/slt_good_78.test:1178; PostgreSQL answers NULL). Whatever the answer, the
   * session must survive: the error was escaping and closing the connection.
   */
  @Test
  void plannerAssertionFailsTheStatementNotTheSession() {
    try {
      d.run("SELECT + CAST ( NULL AS INTEGER ) * 75 / - - NULLIF ( + MAX ( + 35 ), + AVG ( + - 1 ) )"
          + " * - 3 + CAST ( - 29 AS INTEGER ) AS col2");
    } catch (org.yggdrasil.catalog.error.SqlStateException statementFailed) {
      // acceptable until the root cause is fixed; an Error escaping is not
    }
    assertEquals(List.of(List.of(1)), d.run("SELECT 1"));
  }

  /**
   * The same assertion, raised while converting the select list (random/expr/slt_good_41.test:1488):
   * {@code -7 / NULL} is a constant but not a literal, and Calcite's monotonicity check of the
   * {@code *} around it asserted that it was. Strict arithmetic on NULL is folded to NULL as the
   * call is built (PgRexBuilder); PostgreSQL answers NULL.
   */
  @Test
  void arithmeticOnANullCaseIsNull() {
    assertEquals(List.of(Arrays.asList((Object) null)),
        d.run("SELECT ALL - 7 / + CASE + + 90 WHEN 65 THEN - 61 + - 64 * - + 44 END * - 18"
            + " + + + 57 + + + 10 col2"));
    assertEquals(List.of(Arrays.asList((Object) null)),
        d.run("SELECT 3 * (a / NULLIF(1, 1)) + 2 FROM t WHERE a = 1"));
    // binary minus and plus stay calls (Calcite's convertlets cast them to RexCall)
    assertEquals(List.of(Arrays.asList((Object) null, null)),
        d.run("SELECT a - 9 * + (+ CAST(NULL AS INTEGER)) * - 41, (5 - NULL) * 3 FROM t"
            + " WHERE a = 1"));
    assertEquals(List.of(List.of(1)), d.run("SELECT 1"));
  }

  @Test
  void constantBesideAnAggregateOverNoRows() {
    assertEquals(List.of(List.of(62, 0L)),
        d.run("SELECT 62 AS c, count(*) FROM t WHERE 62 IN (a, b)"));
  }

  @Test
  void nullifAndCoalesceOverAGroupedColumn() {
    assertEquals(List.of(Arrays.asList((Object) null), Arrays.asList((Object) null)),
        d.run("SELECT NULLIF(a, a) FROM t GROUP BY a"));
    assertEquals(List.of(List.of(1), List.of(2)),
        d.run("SELECT COALESCE(a, -a) FROM t GROUP BY a ORDER BY 1"));
  }
}
