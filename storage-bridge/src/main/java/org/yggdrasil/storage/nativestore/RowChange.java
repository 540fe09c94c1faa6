package org.yggdrasil.storage.nativestore;

import java.util.Map;

/**
 * One row that differs between two versions of a table, identified by its primary key (or, in
 * a table without one, by its hidden row id under the name {@value #ROW_ID}).
 *
 * @param table the table's name
 * @param kind whether the row was added, removed or changed
 * @param key the identifying columns and their values
 * @param before the row's values in the first version (null when added)
 * @param after the row's values in the second version (null when removed)
 */
public record RowChange(String table, Kind kind, Map<String, Object> key,
    Map<String, Object> before, Map<String, Object> after) {
  /** The name a keyless table's hidden row id carries in keys. */
  public static final String ROW_ID = "ygg_row_id";

  /** How a row differs. */
  public enum Kind {
    ADDED, REMOVED, CHANGED;

    /** The lower-case word {@code ygg.diff} shows. */
    public String word() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
