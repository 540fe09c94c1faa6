package org.yggdrasil.storage.nativestore;

import java.util.List;
import java.util.Objects;

/**
 * An index created with CREATE INDEX: a catalog object of its table, versioned with it (it follows
 * branches and commits and is dropped with the table). A unique index is enforced like a unique
 * constraint (its key index lives in the table version); a plain index is a definition only.
 *
 * @param method the access method as written ({@code btree} unless USING said otherwise)
 * @param predicate the WHERE clause of a partial index as SQL text, or null
 * @param oid the index's own object id (pg_class.oid), from the database's oid counter
 */
public record IndexDef(String name, List<Column> columns, boolean unique, String method, String predicate,
    long oid) {

  /** One key column: its name and ordering options. */
  public record Column(String name, boolean descending, boolean nullsFirst) {
    public Column {
      Objects.requireNonNull(name, "name");
    }

    /** An ascending column with PostgreSQL's default NULLS LAST. */
    public static Column of(String name) {
      return new Column(name, false, false);
    }
  }

  public IndexDef {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(method, "method");
    columns = List.copyOf(columns);
  }

  public List<String> columnNames() {
    return columns.stream().map(Column::name).toList();
  }

  public boolean covers(String column) {
    return columns.stream().anyMatch(c -> c.name().equals(column));
  }

  IndexDef withColumnRenamed(String from, String to) {
    return new IndexDef(name, columns.stream()
        .map(c -> c.name().equals(from) ? new Column(to, c.descending(), c.nullsFirst()) : c)
        .toList(), unique, method, predicate, oid);
  }
}
