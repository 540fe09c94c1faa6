package org.yggdrasil.planner.vexec;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.yggdrasil.planner.SqlDriver;

/**
 * One query's rows on the vectorized executor (with all threads, then one) and on Calcite's own
 * execution ({@code ygg.vectorize = off}), after checking that EXPLAIN shows each way's plan.
 */
record BothWays(List<List<Object>> vectorized, List<List<Object>> oneThread,
    List<List<Object>> enumerable) {

  /** Runs {@code sql} both ways; its vectorized plan must show one of {@code operators}. */
  static BothWays run(SqlDriver db, String sql, String... operators) {
    db.run("SET ygg.vectorize = on");
    String plan = db.explain(sql);
    assertTrue(Arrays.stream(operators).anyMatch(plan::contains), () -> "not vectorized:\n" + plan);
    List<List<Object>> vectorized = db.run(sql);
    db.run("SET ygg.threads = 1");
    List<List<Object>> oneThread = db.run(sql);
    db.run("RESET ygg.threads");
    db.run("SET ygg.vectorize = off");
    assertFalse(db.explain(sql).contains("Accel"));
    List<List<Object>> enumerable = db.run(sql);
    db.run("SET ygg.vectorize = on");
    return new BothWays(vectorized, oneThread, enumerable);
  }
}
