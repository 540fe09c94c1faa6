package org.yggdrasil.planner.vexec;

/** What every vectorized operator's plan shows in EXPLAIN: its table and what runs vectorized. */
public interface VectorizedPlan {
  String tableName();

  String describe();
}
