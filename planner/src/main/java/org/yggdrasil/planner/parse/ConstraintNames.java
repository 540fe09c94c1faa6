package org.yggdrasil.planner.parse;

import java.util.List;

/** PostgreSQL's default constraint names, for the statement layer. */
public final class ConstraintNames {
  private ConstraintNames() {}

  /**
   * {@code table_col_check} when the expression names exactly one column, else {@code table_check},
   * numbered while in {@code taken}.
   */
  public static String check(String table, List<String> columns, String expression, java.util.Set<String> taken) {
    return ConstraintParser.checkName(table, columns, expression, taken);
  }
}
