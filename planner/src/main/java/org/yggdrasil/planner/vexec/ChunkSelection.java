package org.yggdrasil.planner.vexec;

import org.yggdrasil.accel.kernels.Bitmaps;
import org.yggdrasil.storage.nativestore.chunk.DeleteVector;

/** The rows of the current chunk a scan keeps: those the filter selects that are not deleted. */
final class ChunkSelection {
  private ChunkSelection() {}

  static boolean hasDeletes(ChunkData chunk) {
    DeleteVector d = chunk.deletes();
    return d != null && d.count() > 0;
  }

  /**
   * Writes the kept rows into {@code sel} and returns it, or returns null when every row is kept
   * (no filter, nothing deleted), which lets kernels run plain counted loops.
   */
  static long[] select(ChunkData chunk, RowFilter filter, long[] sel, Scratch scratch) {
    DeleteVector deletes = chunk.deletes();
    boolean deleted = deletes != null && deletes.count() > 0;
    if (filter == null && !deleted) {
      return null;
    }
    if (filter != null) {
      filter.evaluate(chunk, sel, scratch);
    } else {
      Bitmaps.setAll(sel, chunk.rows());
    }
    if (deleted) {
      deletes.clearDeleted(sel, chunk.rows());
    }
    return sel;
  }
}
