package org.yggdrasil.planner.vexec;

import java.util.Map;
import java.util.WeakHashMap;
import org.yggdrasil.accel.groupby.ChunkDictionary;
import org.yggdrasil.storage.nativestore.chunk.ColumnChunk;

/**
 * Dictionaries of text chunks with few distinct values, built on first use and kept while the
 * chunk is alive. A chunk view never changes, so its dictionary never goes stale; grouping and
 * filtering then work on codes and run once per distinct value.
 */
final class ChunkDictionaries {
  /** Above this many distinct values per chunk, hashing rows directly is as cheap. */
  static final int MAX_DISTINCT = 4096;
  private static final Object NONE = new Object();
  private static final Map<ColumnChunk, Object> CACHE = new WeakHashMap<>();

  private ChunkDictionaries() {}

  /** The chunk's dictionary, or null when it has too many distinct values or NULLs. */
  static ChunkDictionary of(ColumnChunk chunk) {
    Object d;
    synchronized (CACHE) {
      d = CACHE.get(chunk);
    }
    if (d == null) {
      d = chunk.validity() != null ? null
          : ChunkDictionary.build(chunk.offsets(), chunk.data(), chunk.rows(), MAX_DISTINCT);
      synchronized (CACHE) {
        CACHE.put(chunk, d == null ? NONE : d);
      }
    }
    return d == NONE ? null : (ChunkDictionary) d;
  }
}
