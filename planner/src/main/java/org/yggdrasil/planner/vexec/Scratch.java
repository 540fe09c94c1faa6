package org.yggdrasil.planner.vexec;

import java.util.ArrayDeque;

/** Work vectors of one worker, sized for a chunk and reused from chunk to chunk. */
final class Scratch {
  private final int capacity;
  private final ArrayDeque<double[]> doubles = new ArrayDeque<>();
  private final ArrayDeque<long[]> longs = new ArrayDeque<>();
  private final ArrayDeque<long[]> bitmaps = new ArrayDeque<>();
  final int[] gids;
  final int[] ints;

  Scratch(int chunkRows) {
    this.capacity = chunkRows;
    this.gids = new int[chunkRows];
    this.ints = new int[chunkRows];
  }

  private int[] dense = new int[0];

  /** An int array of at least {@code n} entries, the first {@code n} set to -1. */
  int[] dense(int n) {
    if (dense.length < n) {
      dense = new int[Math.max(n, dense.length * 2)];
    }
    java.util.Arrays.fill(dense, 0, n, -1);
    return dense;
  }

  double[] doubles() {
    double[] d = doubles.poll();
    return d != null ? d : new double[capacity];
  }

  void release(double[] d) {
    if (!isPinned(d)) {
      doubles.push(d);
    }
  }

  /** Arrays a chunk's shared subexpressions keep (see ExprEvaluator): releasing them does nothing. */
  private final java.util.List<Object> pinned = new java.util.ArrayList<>();

  void pin(Object array) {
    pinned.add(array);
  }

  boolean isPinned(Object array) {
    for (int i = 0; i < pinned.size(); i++) {
      if (pinned.get(i) == array) {
        return true;
      }
    }
    return false;
  }

  /** Unpins every pinned array and returns it to the pool. */
  void releasePinned() {
    for (Object a : pinned) {
      if (a instanceof double[] d) {
        doubles.push(d);
      } else {
        longs.push((long[]) a);
      }
    }
    pinned.clear();
  }

  long[] longs() {
    long[] l = longs.poll();
    return l != null ? l : new long[capacity];
  }

  void release(long[] l) {
    if (!isPinned(l)) {
      longs.push(l);
    }
  }

  long[] bitmap() {
    long[] b = bitmaps.poll();
    return b != null ? b : new long[(capacity + 63) >>> 6];
  }

  void releaseBitmap(long[] b) {
    bitmaps.push(b);
  }
}
