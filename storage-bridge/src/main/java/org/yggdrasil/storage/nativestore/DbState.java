package org.yggdrasil.storage.nativestore;

import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;

/**
 * An immutable {@link Snapshot}: the tables by name plus the version numbers. Whoever builds one
 * hands over the map and never changes it again.
 */
final class DbState implements Snapshot {
  final long version;
  final long schemaVersion;
  final NavigableMap<String, TableState> tables;
  private volatile List<TableSchema> schemas;
  private volatile Catalog catalog;
  /** The commit this state is, set once when it is committed; null for a transaction's view. */
  volatile String commitId;

  DbState(long version, long schemaVersion, NavigableMap<String, TableState> tables) {
    this.version = version;
    this.schemaVersion = schemaVersion;
    this.tables = tables;
  }

  @Override
  public long version() {
    return version;
  }

  @Override
  public long schemaVersion() {
    return schemaVersion;
  }

  @Override
  public String commitId() {
    return commitId;
  }

  @Override
  public TableState table(String name) {
    return tables.get(name);
  }

  @Override
  public List<TableSchema> tables() {
    List<TableSchema> s = schemas;
    if (s == null) {
      List<TableSchema> list = new ArrayList<>(tables.size());
      for (TableState t : tables.values()) {
        if (CatalogTable.is(t)) {
          continue;
        }
        list.add(t.schema);
      }
      s = List.copyOf(list);
      schemas = s;
    }
    return s;
  }

  @Override
  public Catalog catalog() {
    Catalog c = catalog;
    if (c == null) {
      c = CatalogTable.read(tables.get(CatalogTable.NAME));
      catalog = c;
    }
    return c;
  }

  @Override
  public String toString() {
    return "Snapshot[" + (commitId == null ? "" : "commit " + commitId + ", ") + "version " + version + ", " + tables.keySet() + "]";
  }
}
