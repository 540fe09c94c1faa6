package org.yggdrasil.accel.groupby;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;

/**
 * The k largest (or smallest) values of each group with their row positions: ROW_NUMBER()
 * OVER (PARTITION BY g ORDER BY v [DESC]) filtered to {@code <= k}. Each group owns k slots
 * of flat arrays kept sorted best first (insertion into k slots; k is small), so 100k groups
 * cost three arrays, not 100k heaps. Ties rank by a {@link TieBreak} when there is one (further
 * ORDER BY keys), then by earlier position.
 */
public final class TopNPerGroup {
    /** Ranks two rows whose sort keys are equal, by whatever else orders them. */
    @FunctionalInterface
    public interface TieBreak {
        /** Negative when the row at {@code positionA} ranks first, positive when last, 0 on a tie. */
        int compare(long positionA, long positionB);
    }

    private final int k;
    private final boolean largest;
    private final TieBreak tieBreak;
    private long[] keys;
    private long[] positions;
    private int[] counts;
    /**
     * Per group, the key a new value must reach to enter: its worst kept key once it holds k
     * entries, else the far end of the order (every value enters). Ties pass, positions decide.
     */
    private long[] bar;
    private int groups;

    public TopNPerGroup(int k, boolean largest) {
        this(k, largest, null);
    }

    /** As {@link #TopNPerGroup(int, boolean)}, equal keys ranked by {@code tieBreak} (may be null). */
    public TopNPerGroup(int k, boolean largest, TieBreak tieBreak) {
        this.tieBreak = tieBreak;
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1");
        }
        this.k = k;
        this.largest = largest;
        counts = new int[16];
        bar = new long[16];
        Arrays.fill(bar, open());
        keys = new long[16 * k];
        positions = new long[16 * k];
    }

    /** Offers {@code v[i]} at position {@code firstPosition + i} for each selected row with gid >= 0. */
    public void add(int[] gid, double[] v, int rows, long[] sel, long firstPosition) {
        if (sel == null) {
            for (int i = 0; i < rows; i++) {
                offer(gid[i], TopKeys.ofDouble(v[i]), firstPosition + i);
            }
            return;
        }
        for (int w = 0, words = Sel.words(rows); w < words; w++) {
            long bits = Sel.word(sel, w, rows);
            while (bits != 0) {
                int i = (w << 6) + Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
                offer(gid[i], TopKeys.ofDouble(v[i]), firstPosition + i);
            }
        }
    }

    /** The bar of a group with room: every key reaches it. */
    private long open() {
        return largest ? Long.MIN_VALUE : Long.MAX_VALUE;
    }

    /**
     * As {@link #add(int[], double[], int, long[], long)} from a little-endian float64 column.
     * On vectors, lanes whose value cannot reach its group's bar are dropped before any offer.
     */
    public void addDoubles(int[] gid, MemorySegment data, int rows, long[] sel, long firstPosition) {
        if (!Simd.AVAILABLE || rows == 0) {
            addDoublesScalar(gid, data, rows, sel, firstPosition);
            return;
        }
        int most = -1;
        for (int i = 0; i < rows; i++) {
            most = Math.max(most, gid[i]);
        }
        if (most >= groups) {
            grow(most + 1);
        }
        TopNPerGroupVector.addDoubles(this, gid, data, rows, sel, firstPosition);
    }

    long[] bar() {
        return bar;
    }

    boolean largest() {
        return largest;
    }

    /** Scalar twin of {@link #addDoubles}. */
    public void addDoublesScalar(int[] gid, MemorySegment data, int rows, long[] sel, long firstPosition) {
        if (sel == null) {
            for (int i = 0; i < rows; i++) {
                offer(gid[i], TopKeys.ofDouble(data.get(Sel.LE_DOUBLE, 8L * i)), firstPosition + i);
            }
            return;
        }
        for (int w = 0, words = Sel.words(rows); w < words; w++) {
            long bits = Sel.word(sel, w, rows);
            while (bits != 0) {
                int i = (w << 6) + Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
                offer(gid[i], TopKeys.ofDouble(data.get(Sel.LE_DOUBLE, 8L * i)), firstPosition + i);
            }
        }
    }

    /** As {@link #addDoubles} for a signed integer column of {@code width} bytes. */
    public void addLongs(int[] gid, MemorySegment data, int width, int rows, long[] sel, long firstPosition) {
        Sel.checkWidth(width);
        for (int i = 0; i < rows; i++) {
            if (Sel.selected(sel, i)) {
                offer(gid[i], Sel.readInt(data, width, i), firstPosition + i);
            }
        }
    }

    /** Offers one value, given as its sort key ({@link TopKeys#ofDouble} for doubles). */
    public void offer(int gid, long key, long position) {
        if (gid < 0) {
            return;
        }
        if (gid >= groups) {
            grow(gid + 1);
        }
        int base = gid * k;
        int c = counts[gid];
        int j;
        if (c < k) {
            j = base + c;
            counts[gid] = c + 1;
        } else {
            j = base + k - 1;
            if (!before(key, position, keys[j], positions[j])) {
                return;
            }
        }
        // shift worse entries down one slot and insert
        while (j > base && before(key, position, keys[j - 1], positions[j - 1])) {
            keys[j] = keys[j - 1];
            positions[j] = positions[j - 1];
            j--;
        }
        keys[j] = key;
        positions[j] = position;
        if (counts[gid] == k) {
            bar[gid] = keys[base + k - 1];
        }
    }

    private boolean before(long key, long position, long otherKey, long otherPosition) {
        if (key == otherKey && tieBreak != null) {
            int c = tieBreak.compare(position, otherPosition);
            if (c != 0) {
                return c < 0;
            }
        }
        return TopKeys.before(key, position, otherKey, otherPosition, largest);
    }

    /** Adds another partial result over the same group ids (parallel workers). */
    public void merge(TopNPerGroup other) {
        for (int g = 0; g < other.groups; g++) {
            for (int r = 0; r < other.counts[g]; r++) {
                offer(g, other.keys[g * other.k + r], other.positions[g * other.k + r]);
            }
        }
    }

    private void grow(int need) {
        groups = need;
        if (need > counts.length) {
            int cap = Math.max(need, (int) Math.min(Integer.MAX_VALUE / k, counts.length * 2L));
            counts = Arrays.copyOf(counts, cap);
            int old = bar.length;
            bar = Arrays.copyOf(bar, cap);
            Arrays.fill(bar, old, cap, open());
            keys = Arrays.copyOf(keys, cap * k);
            positions = Arrays.copyOf(positions, cap * k);
        }
    }

    public int k() {
        return k;
    }

    /** One more than the largest group id offered. */
    public int groupCount() {
        return groups;
    }

    /** Number of ranked entries of group {@code gid} (at most k). */
    public int count(int gid) {
        return gid < groups ? counts[gid] : 0;
    }

    /** Sort key of the entry of rank {@code rank} (0 = best) of group {@code gid}. */
    public long key(int gid, int rank) {
        return keys[slot(gid, rank)];
    }

    public double doubleValue(int gid, int rank) {
        return TopKeys.toDouble(key(gid, rank));
    }

    public long position(int gid, int rank) {
        return positions[slot(gid, rank)];
    }

    private int slot(int gid, int rank) {
        if (gid < 0 || gid >= groups || rank < 0 || rank >= counts[gid]) {
            throw new IndexOutOfBoundsException("group " + gid + " rank " + rank);
        }
        return gid * k + rank;
    }
}
