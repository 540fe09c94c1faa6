package org.yggdrasil.storage.nativestore;

import java.util.List;

/**
 * An immutable view of a database's tables: a committed branch head, or a transaction's view
 * including its own writes. Thread-safe and cheap to hold; it never changes.
 */
public interface Snapshot {
  /**
   * Increases with every commit that changes anything (database-wide counter); equal versions mean
   * identical content. A transaction's view with uncommitted writes has a version of its own.
   */
  long version();

  /**
   * Equal schema versions mean identical table schemas (names, columns, keys, oids), so plans
   * cached for one remain valid for the other. Data-only commits keep the schema version.
   */
  long schemaVersion();

  /**
   * The id of the commit this snapshot is (a branch head or a commit read by id), or null for a
   * transaction's view (which may include uncommitted writes).
   */
  default String commitId() {
    return null;
  }

  /** The table with this exact name, or null. */
  TableVersion table(String name);

  /** All table schemas, sorted by name. */
  List<TableSchema> tables();

  /** The database-level catalog objects (views, …) of this snapshot. */
  default Catalog catalog() {
    return Catalog.EMPTY;
  }

  /** The table holding the CREATE INDEX index with this name, or null. */
  default TableSchema tableOfIndex(String indexName) {
    for (TableSchema t : tables()) {
      if (t.index(indexName) != null) {
        return t;
      }
    }
    return null;
  }
}
