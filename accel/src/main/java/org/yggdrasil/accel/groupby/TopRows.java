package org.yggdrasil.accel.groupby;

import java.util.Arrays;

/**
 * {@code ORDER BY k1 [DESC] [NULLS FIRST|LAST], k2 … LIMIT n} over row positions: a bounded
 * binary heap of the n best rows seen, its root the worst kept. Rows rank by their keys, ties by
 * earlier position, so the kept set does not depend on the order rows (or partial results)
 * arrive in.
 *
 * <p>Most rows of a large scan never reach the heap: the root's first key is a bar that a row's
 * first key must reach, checked on a whole vector of rows at a time ({@link #addValued}) and on
 * whole chunks from their min/max ({@link #mayEnter}). Only rows that reach it are read in full
 * and compared key by key. Rows whose first key is NULL come through {@link #addNulls}.
 */
public final class TopRows {
    private enum Bar { OPEN, KEY, CLOSED }

    private final int n;
    private final int m;
    private final boolean[] descending;
    private final boolean[] nullsFirst;
    /** Per slot m keys, each flipped (~) for DESC so that smaller always ranks first. */
    private final long[] keys;
    /** Per slot, bit j set when key j is NULL. */
    private final long[] nulls;
    private final long[] positions;
    /** heap[0] is the slot of the worst kept row; slot n is the candidate's. */
    private final int[] heap;
    private int size;
    private Bar bar;
    /** The root's first key as stored in the column (unflipped), when the bar is KEY. */
    private long barRaw;

    public TopRows(int n, boolean[] descending, boolean[] nullsFirst) {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative");
        }
        if (descending.length == 0 || descending.length > 64 || nullsFirst.length != descending.length) {
            throw new IllegalArgumentException("between 1 and 64 keys, each with a direction and a NULL order");
        }
        this.n = n;
        this.m = descending.length;
        this.descending = descending.clone();
        this.nullsFirst = nullsFirst.clone();
        keys = new long[(n + 1) * m];
        nulls = new long[n + 1];
        positions = new long[n + 1];
        heap = new int[n];
        updateBar();
    }

    /**
     * Offers the rows set in {@code valued} (null: every row below {@code rows}), whose first key is
     * not NULL, at positions {@code first + row}. Lanes below the bar are dropped on vectors where
     * the first key is a LONG or DOUBLE column; see {@link #addValuedScalar} for the scalar twin.
     */
    public void addValued(SortColumn[] cols, int rows, long[] valued, long first) {
        Lane0 lane = Lane0.of(cols[0]);
        if (!Simd.AVAILABLE || lane == Lane0.OTHER) {
            addValuedScalar(cols, rows, valued, first);
            return;
        }
        TopRowsVector.addValued(this, cols, lane == Lane0.DOUBLE, rows, valued, first);
    }

    private enum Lane0 {
        LONG, DOUBLE, OTHER;

        static Lane0 of(SortColumn c) {
            return switch (c.lane()) {
                case LONG -> LONG;
                case DOUBLE -> DOUBLE;
                default -> OTHER;
            };
        }
    }

    /** Scalar twin of {@link #addValued}. */
    public void addValuedScalar(SortColumn[] cols, int rows, long[] valued, long first) {
        SortColumn k0 = cols[0];
        if (valued == null) {
            for (int i = 0; i < rows; i++) {
                long raw = k0.key(i);
                if (passes(raw)) {
                    offerRow(cols, i, raw, first + i);
                }
            }
            return;
        }
        for (int w = 0, words = Sel.words(rows); w < words; w++) {
            long bits = Sel.word(valued, w, rows);
            while (bits != 0) {
                int i = (w << 6) + Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
                long raw = k0.key(i);
                if (passes(raw)) {
                    offerRow(cols, i, raw, first + i);
                }
            }
        }
    }

    /** Offers the rows set in {@code nullRows}, whose first key is NULL. */
    public void addNulls(SortColumn[] cols, int rows, long[] nullRows, long first) {
        for (int w = 0, words = Sel.words(rows); w < words && nullsMayEnter(); w++) {
            long bits = Sel.word(nullRows, w, rows);
            while (bits != 0) {
                int i = (w << 6) + Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
                nulls[n] = 1L;
                keys[n * m] = 0;
                fillRest(cols, i);
                positions[n] = first + i;
                insertCandidate();
            }
        }
    }

    /** Whether a row with a NULL first key could still enter. */
    public boolean nullsMayEnter() {
        if (n == 0) {
            return false;
        }
        return size < n || (nulls[heap[0]] & 1) != 0 || nullsFirst[0];
    }

    /**
     * Whether a row whose first key lies in [{@code minRaw}, {@code maxRaw}] (as {@link SortColumn}
     * keys it: the integer, or {@link TopKeys#ofDouble}) could still enter: false lets a caller
     * skip a chunk by its zone map.
     */
    public boolean mayEnter(long minRaw, long maxRaw) {
        return switch (bar) {
            case OPEN -> true;
            case CLOSED -> false;
            case KEY -> descending[0] ? maxRaw >= barRaw : minRaw <= barRaw;
        };
    }

    /** Adds another partial result (a parallel worker's). */
    public void merge(TopRows other) {
        if (other.m != m) {
            throw new IllegalArgumentException("different keys");
        }
        for (int s = 0; s < other.size; s++) {
            System.arraycopy(other.keys, s * m, keys, n * m, m);
            nulls[n] = other.nulls[s];
            positions[n] = other.positions[s];
            insertCandidate();
        }
    }

    public int size() {
        return size;
    }

    /** The kept rows' positions, best first. */
    public long[] positions() {
        Integer[] order = new Integer[size];
        for (int s = 0; s < size; s++) {
            order[s] = s;
        }
        Arrays.sort(order, (a, b) -> compare(a, b));
        long[] out = new long[size];
        for (int r = 0; r < size; r++) {
            out[r] = positions[order[r]];
        }
        return out;
    }

    boolean descending0() {
        return descending[0];
    }

    /** True when no row with a non-NULL first key can enter any more. */
    boolean closed() {
        return bar == Bar.CLOSED;
    }

    boolean open() {
        return bar == Bar.OPEN;
    }

    long barRaw() {
        return barRaw;
    }

    boolean passes(long raw) {
        return switch (bar) {
            case OPEN -> true;
            case CLOSED -> false;
            case KEY -> descending[0] ? raw >= barRaw : raw <= barRaw;
        };
    }

    /** Reads row {@code i}'s keys into the candidate slot and offers it. */
    void offerRow(SortColumn[] cols, int i, long raw0, long position) {
        nulls[n] = 0;
        keys[n * m] = descending[0] ? ~raw0 : raw0;
        fillRest(cols, i);
        positions[n] = position;
        insertCandidate();
    }

    private void fillRest(SortColumn[] cols, int i) {
        int base = n * m;
        for (int j = 1; j < m; j++) {
            if (cols[j].isNull(i)) {
                nulls[n] |= 1L << j;
                keys[base + j] = 0;
            } else {
                long raw = cols[j].key(i);
                keys[base + j] = descending[j] ? ~raw : raw;
            }
        }
    }

    private void insertCandidate() {
        if (size < n) {
            int slot = size;
            System.arraycopy(keys, n * m, keys, slot * m, m);
            nulls[slot] = nulls[n];
            positions[slot] = positions[n];
            heap[size] = slot;
            siftUp(size++);
        } else if (n > 0 && compare(n, heap[0]) < 0) {
            int slot = heap[0];
            System.arraycopy(keys, n * m, keys, slot * m, m);
            nulls[slot] = nulls[n];
            positions[slot] = positions[n];
            siftDown(0);
        } else {
            return;
        }
        updateBar();
    }

    /** The worst entry rises to the root. */
    private void siftUp(int j) {
        int s = heap[j];
        while (j > 0) {
            int parent = (j - 1) >>> 1;
            if (compare(heap[parent], s) >= 0) {
                break;
            }
            heap[j] = heap[parent];
            j = parent;
        }
        heap[j] = s;
    }

    private void siftDown(int j) {
        int s = heap[j];
        while (true) {
            int c = 2 * j + 1;
            if (c >= size) {
                break;
            }
            if (c + 1 < size && compare(heap[c + 1], heap[c]) > 0) {
                c++; // the worse child
            }
            if (compare(s, heap[c]) >= 0) {
                break;
            }
            heap[j] = heap[c];
            j = c;
        }
        heap[j] = s;
    }

    private void updateBar() {
        if (n == 0) {
            bar = Bar.CLOSED;
            return;
        }
        if (size < n) {
            bar = Bar.OPEN;
            return;
        }
        int root = heap[0];
        if ((nulls[root] & 1) != 0) {
            // a NULL first key at the root: every value ranks before it, or none does
            bar = nullsFirst[0] ? Bar.CLOSED : Bar.OPEN;
            return;
        }
        bar = Bar.KEY;
        long k = keys[root * m];
        barRaw = descending[0] ? ~k : k;
    }

    /** Negative when slot a ranks before slot b. */
    private int compare(int a, int b) {
        long na = nulls[a];
        long nb = nulls[b];
        int ka = a * m;
        int kb = b * m;
        for (int j = 0; j < m; j++) {
            boolean x = (na >>> j & 1) != 0;
            boolean y = (nb >>> j & 1) != 0;
            if (x != y) {
                return x == nullsFirst[j] ? -1 : 1;
            }
            if (!x) {
                long p = keys[ka + j];
                long q = keys[kb + j];
                if (p != q) {
                    return p < q ? -1 : 1;
                }
            }
        }
        return Long.compare(positions[a], positions[b]);
    }
}
