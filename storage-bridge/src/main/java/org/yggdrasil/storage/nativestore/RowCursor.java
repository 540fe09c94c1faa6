package org.yggdrasil.storage.nativestore;

/**
 * Iterates the live rows of one table version in position order. {@link #value(int)} indexes the
 * column array the cursor was opened with. Not thread-safe; the version it reads never changes.
 */
public interface RowCursor extends AutoCloseable {
  /** Moves to the next live row; false when there is none. */
  boolean next();

  /** The position of the current row (valid for {@link TableVersion#row} and writes). */
  long position();

  /** The value of the i-th requested column of the current row, in its canonical Java class. */
  Object value(int i);

  @Override
  void close();
}
