package org.yggdrasil.planner.parse;

import java.util.List;

/** PostgreSQL's default constraint names, for the statement layer. */
public final class ConstraintNames {
  private ConstraintNames() {}

  /** {@code table_col_check} after the first of the table's columns the expression names, else {@code table_check}. */
  public static String check(String table, List<String> columns, String expression) {
    return ConstraintParser.checkName(table, columns, expression);
  }
}
