package org.yggdrasil.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Joins of many tables written as sqllogictest's select5 writes them: a comma list of tables
 * in a scrambled order and WHERE equalities between them. Exhaustive join-order search never
 * finishes planning these, so they only pass with the heuristic join order; the answers are
 * worked out here by following the chain of keys.
 */
class ManyTableJoinTest {
  private static final int TABLES = 20;
  private static final int ROWS = 10;

  private SqlDriver d;

  @BeforeEach
  void tables() {
    d = new SqlDriver();
    for (int t = 1; t <= TABLES; t++) {
      d.run("CREATE TABLE t" + t + " (a" + t + " INTEGER PRIMARY KEY, b" + t + " INTEGER, x" + t
          + " VARCHAR(40))");
      StringBuilder values = new StringBuilder();
      for (int a = 1; a <= ROWS; a++) {
        values.append(a == 1 ? "" : ", ").append('(').append(a).append(", ").append(b(t, a))
            .append(", 'table t").append(t).append(" row ").append(a).append("')");
      }
      d.run("INSERT INTO t" + t + " VALUES " + values);
    }
  }

  @AfterEach
  void close() {
    d.close();
  }

  /** Table t's column b: a permutation of 1..ROWS, different for every table. */
  private static int b(int t, int a) {
    return (a * 3 + t) % ROWS + 1;
  }

  @Test
  void twentyTablesChainedByEqualitiesInScrambledOrder() {
    Random random = new Random(20);
    List<String> tables = new ArrayList<>();
    List<String> conditions = new ArrayList<>();
    for (int t = 1; t <= TABLES; t++) {
      tables.add("t" + t);
      if (t < TABLES) {
        conditions.add(random.nextBoolean() ? "b" + t + "=a" + (t + 1) : "a" + (t + 1) + "=b" + t);
      }
    }
    conditions.add("a1=7");
    Collections.shuffle(tables, random);
    Collections.shuffle(conditions, random);
    List<String> selected = new ArrayList<>(tables.stream().map(n -> "x" + n.substring(1)).toList());
    Collections.shuffle(selected, random);
    String sql = "SELECT " + String.join(",", selected) + " FROM " + String.join(",", tables)
        + " WHERE " + String.join(" AND ", conditions);

    List<Object> expected = new ArrayList<>();
    int[] a = new int[TABLES + 1];
    a[1] = 7;
    for (int t = 2; t <= TABLES; t++) {
      a[t] = b(t - 1, a[t - 1]);
    }
    for (String column : selected) {
      int t = Integer.parseInt(column.substring(1));
      expected.add("table t" + t + " row " + a[t]);
    }
    assertEquals(List.of(expected), d.run(sql));

    String plan = explain(sql);
    assertFalse(plan.contains("condition=[true]"), "a cross product in\n" + plan);
  }

  @Test
  void everyRowOfAChainWithoutAConstant() {
    List<String> conditions = new ArrayList<>();
    for (int t = 1; t < 12; t++) {
      conditions.add("b" + t + "=a" + (t + 1));
    }
    Collections.reverse(conditions);
    String sql = "SELECT a1, a12 FROM t12,t3,t1,t5,t7,t9,t11,t2,t4,t6,t8,t10 WHERE "
        + String.join(" AND ", conditions) + " ORDER BY a1";
    List<List<Object>> expected = new ArrayList<>();
    for (int start = 1; start <= ROWS; start++) {
      int a = start;
      for (int t = 1; t < 12; t++) {
        a = b(t, a);
      }
      expected.add(List.of(start, a));
    }
    assertEquals(expected, d.run(sql));
  }

  /**
   * Conditions over three tables and none at all (a cross product the order cannot avoid)
   * still hold in the ordered joins; the answer is counted by brute force.
   */
  @Test
  void conditionsOverThreeTablesAndACrossProduct() {
    String sql = "SELECT count(*) FROM t1, t2, t3, t4, t5, t6, t7"
        + " WHERE b1 = a2 AND b2 = a3 AND a4 + a5 = b3 AND b5 = a6 AND a6 < 4 AND a1 > 2";
    long expected = 0;
    for (int a1 = 3; a1 <= ROWS; a1++) {
      int a2 = b(1, a1);
      int a3 = b(2, a2);
      for (int a4 = 1; a4 <= ROWS; a4++) {
        for (int a5 = 1; a5 <= ROWS; a5++) {
          if (a4 + a5 == b(3, a3) && b(5, a5) < 4) {
            expected += ROWS; // t7 is joined by nothing
          }
        }
      }
    }
    assertTrue(expected > 0);
    assertEquals(expected, ((Number) d.value(sql)).longValue());
  }

  /** Outer joins stay where they are; the inner joins below them are still ordered. */
  @Test
  void leftJoinAboveManyInnerJoins() {
    d.run("DELETE FROM t8 WHERE a8 > 5");
    String sql = "SELECT a1, x8 FROM t1 JOIN t2 ON b1 = a2 JOIN t3 ON b2 = a3"
        + " JOIN t4 ON b3 = a4 JOIN t5 ON b4 = a5 JOIN t6 ON b5 = a6 JOIN t7 ON b6 = a7"
        + " LEFT JOIN t8 ON b7 = a8 ORDER BY a1";
    List<List<Object>> expected = new ArrayList<>();
    for (int start = 1; start <= ROWS; start++) {
      int a = start;
      for (int t = 1; t < 8; t++) {
        a = b(t, a);
      }
      expected.add(Arrays.asList(start, a <= 5 ? "table t8 row " + a : null));
    }
    assertEquals(expected, d.run(sql));
  }

  private String explain(String sql) {
    return d.run("EXPLAIN " + sql).stream().map(r -> String.valueOf(r.get(0)))
        .collect(Collectors.joining("\n"));
  }
}
