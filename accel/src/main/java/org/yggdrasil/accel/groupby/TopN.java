package org.yggdrasil.accel.groupby;

import java.lang.foreign.MemorySegment;

/**
 * ORDER BY x [DESC] LIMIT n over a stream of (value, row position): a bounded binary heap
 * whose root is the worst entry kept, so most rows cost one comparison against it. Ties rank
 * by earlier position. Values are kept as sort keys ({@link TopKeys}).
 */
public final class TopN {
    private final int n;
    private final boolean largest;
    private final long[] keys;
    private final long[] positions;
    private int size;

    public TopN(int n, boolean largest) {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative");
        }
        this.n = n;
        this.largest = largest;
        keys = new long[n];
        positions = new long[n];
    }

    public void addDoubles(MemorySegment data, int rows, long[] sel, long firstPosition) {
        for (int i = 0; i < rows; i++) {
            if (Sel.selected(sel, i)) {
                offer(TopKeys.ofDouble(data.get(Sel.LE_DOUBLE, 8L * i)), firstPosition + i);
            }
        }
    }

    public void addDoubles(double[] v, int rows, long[] sel, long firstPosition) {
        for (int i = 0; i < rows; i++) {
            if (Sel.selected(sel, i)) {
                offer(TopKeys.ofDouble(v[i]), firstPosition + i);
            }
        }
    }

    /** Signed integer column of {@code width} bytes (1, 2, 4, 8). */
    public void addLongs(MemorySegment data, int width, int rows, long[] sel, long firstPosition) {
        Sel.checkWidth(width);
        for (int i = 0; i < rows; i++) {
            if (Sel.selected(sel, i)) {
                offer(Sel.readInt(data, width, i), firstPosition + i);
            }
        }
    }

    public void offer(long key, long position) {
        if (size < n) {
            int j = size++;
            // sift up: the root must be the worst (ranks last)
            while (j > 0) {
                int parent = (j - 1) >>> 1;
                if (!TopKeys.before(keys[parent], positions[parent], key, position, largest)) {
                    break;
                }
                keys[j] = keys[parent];
                positions[j] = positions[parent];
                j = parent;
            }
            keys[j] = key;
            positions[j] = position;
        } else if (n > 0 && TopKeys.before(key, position, keys[0], positions[0], largest)) {
            siftDown(key, position);
        }
    }

    private void siftDown(long key, long position) {
        int j = 0;
        while (true) {
            int c = 2 * j + 1;
            if (c >= size) {
                break;
            }
            if (c + 1 < size && TopKeys.before(keys[c], positions[c], keys[c + 1], positions[c + 1], largest)) {
                c++; // the worse child
            }
            if (!TopKeys.before(key, position, keys[c], positions[c], largest)) {
                break;
            }
            keys[j] = keys[c];
            positions[j] = positions[c];
            j = c;
        }
        keys[j] = key;
        positions[j] = position;
    }

    public void merge(TopN other) {
        for (int i = 0; i < other.size; i++) {
            offer(other.keys[i], other.positions[i]);
        }
    }

    public int size() {
        return size;
    }

    /** The kept entries best first: their sort keys and positions. */
    public Result result() {
        Integer[] order = new Integer[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (x, y) -> x.equals(y) ? 0
                : TopKeys.before(keys[x], positions[x], keys[y], positions[y], largest) ? -1 : 1);
        long[] k = new long[size];
        long[] p = new long[size];
        for (int i = 0; i < size; i++) {
            k[i] = keys[order[i]];
            p[i] = positions[order[i]];
        }
        return new Result(k, p);
    }

    /** Sorted best first. */
    public record Result(long[] keys, long[] positions) {
        public double doubleValue(int rank) {
            return TopKeys.toDouble(keys[rank]);
        }
    }
}
