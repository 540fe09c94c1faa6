package org.yggdrasil.storage.nativestore;

import org.yggdrasil.storage.nativestore.chunk.ColumnChunk;
import org.yggdrasil.storage.nativestore.chunk.DeleteVector;

/**
 * One immutable version of a table. Rows have positions: chunk {@code i} holds positions
 * {@code [i * chunkRows(), (i + 1) * chunkRows())}; deleted rows keep their position (marked in the
 * chunk's delete vector), so positions of live rows are stable within a transaction.
 */
public interface TableVersion {
  TableSchema schema();

  /** Stable positive id of the table, allocated at CREATE TABLE, kept across versions. */
  long tableOid();

  /** Number of live rows. */
  long rowCount();

  /** Live rows in position order, with the values of the given column indexes. */
  RowCursor scan(int[] columns);

  /** Position of the live row with this primary key value, or -1 (also when there is no key). */
  long lookupPrimaryKey(Object[] key);

  /** The requested column values of the live row at this position, or null if it is not live. */
  Object[] row(long position, int[] columns);

  // ---- physical layout, for vectorized readers and tests ----

  /** Rows per chunk (all chunks but the last are full). */
  int chunkRows();

  /** Number of chunks. */
  int chunkCount();

  /** Number of positions ever used (live + deleted). */
  long physicalRows();

  /** Chunk {@code chunkIndex} of column {@code column}. */
  ColumnChunk chunk(int column, int chunkIndex);

  /** The hidden row ids (INT8, never null) of chunk {@code chunkIndex}. */
  ColumnChunk rowIdChunk(int chunkIndex);

  /** The delete vector of chunk {@code chunkIndex}, or null when none of its rows is deleted. */
  DeleteVector deleteVector(int chunkIndex);

  /**
   * The names of the indexes backing the primary key (first, if any) and the unique keys, in
   * {@link TableSchema#uniqueKeys()} order, e.g. {@code t_pkey}, {@code t_a_key}.
   */
  java.util.List<String> constraintIndexNames();

  /**
   * The columns of each key index, in key-number order: the primary key (if any), the unique keys,
   * then the unique CREATE INDEX indexes. {@link #lookupKey} takes these numbers.
   */
  java.util.List<java.util.List<String>> keyColumns();

  /** Position of the live row whose key number {@code keyNumber} equals {@code key}, or -1. */
  long lookupKey(int keyNumber, Object[] key);
}
