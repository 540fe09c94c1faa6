package org.yggdrasil.storage.nativestore;

import org.yggdrasil.storage.nativestore.chunk.ColumnChunk;
import org.yggdrasil.storage.nativestore.chunk.DeleteVector;

/** A {@link RowCursor} over one immutable table version: chunk by chunk, skipping deleted rows. */
final class TableScan implements RowCursor {
  private final TableState table;
  private final int[] cols;
  private final ColumnChunk[] current;
  private int chunk = -1;
  private int chunkLength;
  private DeleteVector deleted;
  private int offset;
  private boolean closed;

  TableScan(TableState table, int[] cols) {
    this.table = table;
    this.cols = cols;
    this.current = new ColumnChunk[cols.length];
  }

  @Override
  public boolean next() {
    while (!closed) {
      offset++;
      if (offset >= chunkLength) {
        if (!nextChunk()) {
          closed = true;
          return false;
        }
        offset = 0;
      }
      if (deleted == null || !deleted.isDeleted(offset)) {
        return true;
      }
    }
    return false;
  }

  private boolean nextChunk() {
    while (++chunk < table.chunkCount()) {
      chunkLength = table.rowIds.get(chunk).rows();
      deleted = table.deletes.get(chunk);
      if (deleted != null && deleted.count() == chunkLength) {
        continue;
      }
      for (int i = 0; i < cols.length; i++) {
        current[i] = table.columns.get(cols[i]).get(chunk);
      }
      return true;
    }
    return false;
  }

  @Override
  public long position() {
    return (long) chunk * table.chunkRows() + offset;
  }

  @Override
  public Object value(int i) {
    return current[i].get(offset);
  }

  @Override
  public void close() {
    closed = true;
  }
}
