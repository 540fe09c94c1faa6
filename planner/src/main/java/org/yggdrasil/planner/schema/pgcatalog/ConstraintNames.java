package org.yggdrasil.planner.schema.pgcatalog;

import java.util.List;
import java.util.Set;

/**
 * PostgreSQL's names for implicit constraints and their indexes: {@code table_pkey}, {@code
 * table_col1_col2_key}, cut to 63 bytes, with a number appended on a clash
 * ({@code ChooseRelationName} in PostgreSQL).
 */
final class ConstraintNames {
  private static final int MAX_NAME = 63;

  private ConstraintNames() {}

  /** A name not in {@code taken}; adds it there. */
  static String choose(String table, List<String> columns, String suffix, Set<String> taken) {
    String label = suffix.equals("pkey") ? "" : String.join("_", columns);
    for (int n = 0; ; n++) {
      String tail = n == 0 ? suffix : suffix + n;
      String name = make(table, label, tail);
      if (taken.add(name)) {
        return name;
      }
    }
  }

  /** table_label_suffix, shortening the longer of table and label until it fits. */
  private static String make(String table, String label, String suffix) {
    String t = table;
    String l = label;
    while (length(t, l, suffix) > MAX_NAME) {
      if (t.length() >= l.length()) {
        t = t.substring(0, t.length() - 1);
      } else {
        l = l.substring(0, l.length() - 1);
      }
    }
    return l.isEmpty() ? t + "_" + suffix : t + "_" + l + "_" + suffix;
  }

  private static int length(String t, String l, String suffix) {
    return t.length() + (l.isEmpty() ? 0 : l.length() + 1) + 1 + suffix.length();
  }
}
