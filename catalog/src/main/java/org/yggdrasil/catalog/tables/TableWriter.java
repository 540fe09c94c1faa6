package org.yggdrasil.catalog.tables;

import org.yggdrasil.catalog.protocol.SnapshotRef;

/**
 * Writes staged against one branch of a system, invisible to others until {@link #commit}; the
 * SQL layer opens one per transaction that writes to the system and commits it when the
 * database transaction commits. Rows are given in the table's column order; UPDATE and DELETE
 * address rows by the table's key columns. Constraint errors carry their SQLSTATE (23505 for a
 * duplicate key, 23502 for a missing value, 0A000 for a read-only table).
 */
public interface TableWriter {
  void insert(String table, Object[] row);

  void update(String table, Object[] oldRow, Object[] newRow);

  void delete(String table, Object[] row);

  /** Whether anything is staged. */
  boolean isEmpty();

  /** The table as the staged writes leave it (what the writing transaction itself reads). */
  Iterable<Object[]> rows(String table);

  /**
   * Applies the staged writes as one new snapshot on the branch (nothing when empty) and
   * returns the branch head afterwards. 40001 when the branch moved since the writer started
   * and the writes conflict with that.
   */
  SnapshotRef commit(String message, String author);

  /** Drops the staged writes. */
  void rollback();
}
