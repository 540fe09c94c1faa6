package org.yggdrasil.planner.vexec;

import java.lang.foreign.MemorySegment;
import java.util.List;
import org.yggdrasil.storage.nativestore.TableVersion;
import org.yggdrasil.storage.nativestore.chunk.ColumnChunk;
import org.yggdrasil.storage.nativestore.chunk.DeleteVector;

/**
 * The columns a vectorized plan reads from one chunk of a table version, fetched on first use.
 * Segments are the store's own (memory-mapped on disk): nothing is copied.
 */
final class ChunkData {
  private final TableVersion table;
  private final List<ColumnSlot> slots;
  private final ColumnChunk[] chunks;
  private int index;
  private int rows;

  ChunkData(TableVersion table, List<ColumnSlot> slots) {
    this.table = table;
    this.slots = slots;
    this.chunks = new ColumnChunk[slots.size()];
  }

  /** Moves to chunk {@code chunkIndex}; returns its physical row count. */
  int moveTo(int chunkIndex) {
    index = chunkIndex;
    java.util.Arrays.fill(chunks, null);
    rows = table.rowIdChunk(chunkIndex).rows();
    return rows;
  }

  int rows() {
    return rows;
  }

  ColumnChunk chunk(int slot) {
    ColumnChunk c = chunks[slot];
    if (c == null) {
      c = table.chunk(slots.get(slot).tableColumn(), index);
      chunks[slot] = c;
    }
    return c;
  }

  ColumnSlot slot(int slot) {
    return slots.get(slot);
  }

  MemorySegment data(int slot) {
    return chunk(slot).data();
  }

  /** The validity bitmap of a column in this chunk, or null when no row is NULL. */
  MemorySegment validity(int slot) {
    return chunk(slot).validity();
  }

  DeleteVector deletes() {
    return table.deleteVector(index);
  }
}
