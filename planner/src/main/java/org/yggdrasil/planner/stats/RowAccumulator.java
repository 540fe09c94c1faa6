package org.yggdrasil.planner.stats;

/**
 * The running state of one group of a PostgreSQL aggregate Calcite has no implementation of.
 * Generated code creates one per group, feeds it every input row's arguments (boxed, nulls
 * included, missing arguments as null) and reads the result once.
 */
public interface RowAccumulator {
  void add(Object a, Object b, Object c);

  /** The aggregate's value, or null (SQL NULL). */
  Object result();
}
