package org.yggdrasil.storage.nativestore;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A table's shape: its name, its columns in order, its primary key (column names, possibly empty),
 * its unique keys (each a list of column names), the indexes made with CREATE INDEX, its FOREIGN KEY
 * constraints and its CHECK constraints. Immutable; lists are copied.
 */
public record TableSchema(String name, List<ColumnDef> columns, List<String> primaryKey,
    List<List<String>> uniqueKeys, List<IndexDef> indexes, List<ForeignKeyDef> foreignKeys,
    List<CheckDef> checks) {

  public TableSchema {
    Objects.requireNonNull(name, "name");
    columns = List.copyOf(columns);
    primaryKey = primaryKey == null ? List.of() : List.copyOf(primaryKey);
    if (uniqueKeys == null) {
      uniqueKeys = List.of();
    } else {
      List<List<String>> copy = new ArrayList<>(uniqueKeys.size());
      for (List<String> key : uniqueKeys) {
        copy.add(List.copyOf(key));
      }
      uniqueKeys = List.copyOf(copy);
    }
    indexes = indexes == null ? List.of() : List.copyOf(indexes);
    foreignKeys = foreignKeys == null ? List.of() : List.copyOf(foreignKeys);
    checks = checks == null ? List.of() : List.copyOf(checks);
  }

  /** A table without FOREIGN KEY and CHECK constraints. */
  public TableSchema(String name, List<ColumnDef> columns, List<String> primaryKey,
      List<List<String>> uniqueKeys, List<IndexDef> indexes) {
    this(name, columns, primaryKey, uniqueKeys, indexes, List.of(), List.of());
  }

  /** A table without CREATE INDEX indexes. */
  public TableSchema(String name, List<ColumnDef> columns, List<String> primaryKey,
      List<List<String>> uniqueKeys) {
    this(name, columns, primaryKey, uniqueKeys, List.of());
  }

  /** The CREATE INDEX index with this name, or null. */
  public IndexDef index(String indexName) {
    for (IndexDef i : indexes) {
      if (i.name().equals(indexName)) {
        return i;
      }
    }
    return null;
  }

  /** The unique indexes among {@link #indexes()}, in order (their key indexes follow the unique keys'). */
  public List<IndexDef> uniqueIndexes() {
    return indexes.stream().filter(IndexDef::unique).toList();
  }

  /** A table without keys. */
  public static TableSchema of(String name, List<ColumnDef> columns) {
    return new TableSchema(name, columns, List.of(), List.of());
  }

  /** The index of the column with this exact name, or -1. */
  public int columnIndex(String columnName) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equals(columnName)) {
        return i;
      }
    }
    return -1;
  }

  public ColumnDef column(int index) {
    return columns.get(index);
  }

  public TableSchema withName(String newName) {
    return new TableSchema(newName, columns, primaryKey, uniqueKeys, indexes, foreignKeys, checks);
  }

  public TableSchema withColumns(List<ColumnDef> newColumns) {
    return new TableSchema(name, newColumns, primaryKey, uniqueKeys, indexes, foreignKeys, checks);
  }

  public TableSchema withPrimaryKey(List<String> newPrimaryKey) {
    return new TableSchema(name, columns, newPrimaryKey, uniqueKeys, indexes, foreignKeys, checks);
  }

  public TableSchema withUniqueKeys(List<List<String>> newUniqueKeys) {
    return new TableSchema(name, columns, primaryKey, newUniqueKeys, indexes, foreignKeys, checks);
  }

  public TableSchema withIndexes(List<IndexDef> newIndexes) {
    return new TableSchema(name, columns, primaryKey, uniqueKeys, newIndexes, foreignKeys, checks);
  }

  public TableSchema withForeignKeys(List<ForeignKeyDef> newForeignKeys) {
    return new TableSchema(name, columns, primaryKey, uniqueKeys, indexes, newForeignKeys, checks);
  }

  public TableSchema withChecks(List<CheckDef> newChecks) {
    return new TableSchema(name, columns, primaryKey, uniqueKeys, indexes, foreignKeys, newChecks);
  }

  /** The FOREIGN KEY constraint with this name, or null. */
  public ForeignKeyDef foreignKey(String constraintName) {
    return foreignKeys.stream().filter(f -> f.name().equals(constraintName)).findFirst().orElse(null);
  }
}
