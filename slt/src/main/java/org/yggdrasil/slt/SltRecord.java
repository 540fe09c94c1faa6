package org.yggdrasil.slt;

import java.util.List;

/** One record of a sqllogictest file, with the 1-based line its header starts on. */
public sealed interface SltRecord {
  int line();

  /** {@code skipif}/{@code onlyif} conditions written before the record. */
  List<Condition> conditions();

  /** {@code skipif db} (skip == true) or {@code onlyif db} (skip == false). */
  record Condition(boolean skip, String engine) {}

  /**
   * {@code statement ok} or {@code statement error [SQLSTATE]}; {@code expectedState} is the
   * five-character SQLSTATE the error must carry, or null when any error will do.
   */
  record Statement(
      int line, List<Condition> conditions, boolean expectError, String expectedState, String sql)
      implements SltRecord {
    public Statement(int line, List<Condition> conditions, boolean expectError, String sql) {
      this(line, conditions, expectError, null, sql);
    }
  }

  /**
   * {@code let NAME}: runs the query, which must return exactly one row of one column, and
   * binds the value to {@code NAME} for later records, which use it as {@code ${NAME}} in their
   * SQL and expected results (an extension; see {@link SltParser}).
   */
  record Let(int line, List<Condition> conditions, String name, String sql)
      implements SltRecord {}

  /**
   * {@code query <types> [sort] [label]}; {@code expected} is null when the record has no
   * {@code ----} section (the query only has to run).
   */
  record Query(
      int line,
      List<Condition> conditions,
      String types,
      SortMode sort,
      String label,
      String sql,
      List<String> expected)
      implements SltRecord {}

  /** {@code hash-threshold N}. */
  record HashThreshold(int line, List<Condition> conditions, int threshold) implements SltRecord {}

  /** {@code halt}: stop reading the file here. */
  record Halt(int line, List<Condition> conditions) implements SltRecord {}

  enum SortMode {
    NOSORT,
    ROWSORT,
    VALUESORT
  }
}
