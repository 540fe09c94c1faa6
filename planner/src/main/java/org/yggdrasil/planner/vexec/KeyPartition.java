package org.yggdrasil.planner.vexec;

import java.lang.foreign.MemorySegment;
import org.yggdrasil.accel.groupby.KeyPartitions;
import org.yggdrasil.accel.kernels.Bitmaps;
import org.yggdrasil.storage.nativestore.chunk.ColumnChunk;

/**
 * One worker's share of a key-partitioned GROUP BY: the rows whose integer key column hashes to
 * its partition (see {@link KeyPartitions}). All rows of a group share that key, so the workers'
 * groups are disjoint and their results are simply concatenated.
 */
final class KeyPartition {
  private final int slot;
  private final ColumnSlot column;
  private final int parts;
  private final int part;
  private final long[] bits;
  private final long[] valid;

  KeyPartition(int slot, ColumnSlot column, int parts, int part, int chunkRows) {
    this.slot = slot;
    this.column = column;
    this.parts = parts;
    this.part = part;
    this.bits = new long[Bitmaps.words(chunkRows)];
    this.valid = new long[Bitmaps.words(chunkRows)];
  }

  /** Whether a group column can partition rows: stored as integers (not text, floats or UUIDs). */
  static boolean canPartitionBy(ColumnSlot c) {
    return !c.isText() && !c.isFloating() && c.lane() != null;
  }

  /** The rows of {@code sel} (null = all) in this partition; an array this object owns. */
  long[] restrict(ChunkData chunk, long[] sel, Scratch scratch) {
    int rows = chunk.rows();
    ColumnChunk c = chunk.chunk(slot);
    long[] values = scratch.longs();
    Kernels.Arith.loadLong(c.data(), column.lane(), rows, values);
    MemorySegment validity = c.validity();
    long[] v = null;
    if (validity != null) {
      v = valid;
      Bitmaps.setAll(v, rows);
      Bitmaps.andValidity(v, validity, rows);
    }
    KeyPartitions.select(values, v, rows, sel, parts, part, bits);
    scratch.release(values);
    return bits;
  }
}
