package org.yggdrasil.storage.nativestore;

/**
 * A difference in table definitions between two versions.
 *
 * @param table the table's name
 * @param kind what changed
 * @param column the column concerned, or null for a whole table
 * @param before the old definition (column type, or null)
 * @param after the new definition (column type, or null)
 */
public record SchemaChange(String table, Kind kind, String column, String before, String after) {
  /** What changed. */
  public enum Kind {
    TABLE_ADDED, TABLE_DROPPED, COLUMN_ADDED, COLUMN_DROPPED, COLUMN_TYPE_CHANGED;

    /** The words {@code ygg.diff} shows ("table added", …). */
    public String words() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
  }
}
