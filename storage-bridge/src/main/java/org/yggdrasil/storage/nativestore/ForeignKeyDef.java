package org.yggdrasil.storage.nativestore;

import java.util.List;
import java.util.Objects;

/**
 * A FOREIGN KEY constraint of a (child) table: its {@code columns} reference {@code refColumns} of
 * {@code refTable}, which are that table's primary key or one of its unique keys. Immutable.
 */
public record ForeignKeyDef(String name, List<String> columns, String refTable, List<String> refColumns,
    Action onDelete, Action onUpdate) {

  /** The referential actions, with PostgreSQL's pg_constraint letters (confdeltype / confupdtype). */
  public enum Action {
    NO_ACTION('a'), RESTRICT('r'), CASCADE('c'), SET_NULL('n'), SET_DEFAULT('d');

    public final char pgCode;

    Action(char pgCode) {
      this.pgCode = pgCode;
    }
  }

  public ForeignKeyDef {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(refTable, "refTable");
    columns = List.copyOf(columns);
    refColumns = List.copyOf(refColumns);
    onDelete = onDelete == null ? Action.NO_ACTION : onDelete;
    onUpdate = onUpdate == null ? Action.NO_ACTION : onUpdate;
  }

  public ForeignKeyDef withRefColumns(List<String> cols) {
    return new ForeignKeyDef(name, columns, refTable, cols, onDelete, onUpdate);
  }

  public ForeignKeyDef withRefTable(String table) {
    return new ForeignKeyDef(name, columns, table, refColumns, onDelete, onUpdate);
  }

  ForeignKeyDef withColumnRenamed(String from, String to) {
    return new ForeignKeyDef(name, columns.stream().map(c -> c.equals(from) ? to : c).toList(), refTable,
        refColumns, onDelete, onUpdate);
  }
}
