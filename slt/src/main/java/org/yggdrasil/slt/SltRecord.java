package org.yggdrasil.slt;

import java.util.List;

/** One record of a sqllogictest file, with the 1-based line its header starts on. */
public sealed interface SltRecord {
  int line();

  /** {@code skipif}/{@code onlyif} conditions written before the record. */
  List<Condition> conditions();

  /** {@code skipif db} (skip == true) or {@code onlyif db} (skip == false). */
  record Condition(boolean skip, String engine) {}

  /** {@code statement ok} or {@code statement error}. */
  record Statement(int line, List<Condition> conditions, boolean expectError, String sql)
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
