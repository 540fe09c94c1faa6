package org.yggdrasil.catalog.tables;

import java.util.List;
import java.util.Objects;

/**
 * The shape of a table an attached system exposes.
 *
 * @param name the table name within the system's schema
 * @param columns the columns in order
 * @param key the column positions that identify a row (what UPDATE and DELETE address); empty
 *     when the table has no key, and then the whole old row identifies it (the first equal row)
 * @param writable whether INSERT/UPDATE/DELETE are accepted
 */
public record TableSpec(String name, List<ColumnSpec> columns, List<Integer> key, boolean writable) {
  public TableSpec {
    Objects.requireNonNull(name, "name");
    columns = List.copyOf(columns);
    key = List.copyOf(key);
  }

  public int column(String columnName) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equals(columnName)) {
        return i;
      }
    }
    return -1;
  }
}
