package org.yggdrasil.accel.groupby;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.yggdrasil.accel.kernels.Lane;

/**
 * {@link TopRows} keeps exactly the first n rows of a full sort (keys, then position), whether
 * rows go through the vector prefilter, its scalar twin, partial heaps merged, or chunks skipped
 * by their min/max: on random data with ties, NULLs, NaN, every direction and NULL order, and
 * awkward chunk lengths.
 */
class TopRowsTest {
    private static final int[] LENGTHS = {0, 1, 7, 63, 64, 65, 129, 1000, 4099};
    private static final Lane[] LANES = {Lane.LONG, Lane.DOUBLE, Lane.INT, Lane.FLOAT, Lane.SHORT, Lane.BYTE};

    /** One generated chunk: per key the values (Long or Double, null = NULL) and segments. */
    private record Chunk(int rows, Object[][] values, SortColumn[] cols, long[] sel) {
    }

    private record Row(Object[] keys, long position) {
    }

    @Test
    void keepsTheFirstRowsOfAFullSort() {
        assertTrue(Simd.AVAILABLE, "tests must run with --add-modules jdk.incubator.vector");
        SplittableRandom r = new SplittableRandom(71);
        for (int round = 0; round < 60; round++) {
            int m = 1 + r.nextInt(3);
            Lane[] lanes = new Lane[m];
            boolean[] desc = new boolean[m];
            boolean[] nullsFirst = new boolean[m];
            for (int j = 0; j < m; j++) {
                lanes[j] = LANES[r.nextInt(j == 0 ? 2 : LANES.length)];
                if (round % 5 == 4) {
                    lanes[j] = LANES[r.nextInt(LANES.length)];
                }
                desc[j] = r.nextBoolean();
                nullsFirst[j] = r.nextBoolean();
            }
            int n = new int[] {0, 1, 3, 10, 100, 1000}[r.nextInt(6)];
            int domain = new int[] {3, 50, 100_000}[r.nextInt(3)];
            double nullRate = new double[] {0, 0.1, 0.9}[r.nextInt(3)];
            check(r, lanes, desc, nullsFirst, n, domain, nullRate);
        }
    }

    @Test
    void emptyInputKeepsNothing() {
        TopRows top = new TopRows(5, new boolean[] {false}, new boolean[] {false});
        assertArrayEquals(new long[0], top.positions());
        assertTrue(top.mayEnter(0, 0));
        assertThrows(IllegalArgumentException.class, () -> new TopRows(-1, new boolean[] {true}, new boolean[] {true}));
        assertThrows(IllegalArgumentException.class, () -> new TopRows(1, new boolean[0], new boolean[0]));
    }

    private static void check(SplittableRandom r, Lane[] lanes, boolean[] desc, boolean[] nullsFirst, int n,
            int domain, double nullRate) {
        TopRows vector = new TopRows(n, desc, nullsFirst);
        TopRows scalar = new TopRows(n, desc, nullsFirst);
        TopRows partA = new TopRows(n, desc, nullsFirst);
        TopRows partB = new TopRows(n, desc, nullsFirst);
        TopRows skipping = new TopRows(n, desc, nullsFirst);
        List<Row> all = new ArrayList<>();
        long first = 0;
        try (Arena arena = Arena.ofConfined()) {
            for (int c = 0; c < 12; c++) {
                int rows = LENGTHS[r.nextInt(LENGTHS.length)];
                Chunk chunk = chunk(arena, r, lanes, rows, domain, nullRate);
                long[] valued = valued(chunk, true);
                long[] nullRows = valued(chunk, false);
                vector.addValued(chunk.cols(), rows, valued, first);
                vector.addNulls(chunk.cols(), rows, nullRows, first);
                scalar.addValuedScalar(chunk.cols(), rows, valued, first);
                scalar.addNulls(chunk.cols(), rows, nullRows, first);
                TopRows part = r.nextBoolean() ? partA : partB;
                part.addValued(chunk.cols(), rows, valued, first);
                part.addNulls(chunk.cols(), rows, nullRows, first);
                long[] range = range(chunk);
                if (range != null && skipping.mayEnter(range[0], range[1])) {
                    skipping.addValued(chunk.cols(), rows, valued, first);
                }
                if (skipping.nullsMayEnter()) {
                    skipping.addNulls(chunk.cols(), rows, nullRows, first);
                }
                for (int i = 0; i < rows; i++) {
                    if (selected(chunk.sel(), i)) {
                        Object[] k = new Object[lanes.length];
                        for (int j = 0; j < k.length; j++) {
                            k[j] = chunk.values()[j][i];
                        }
                        all.add(new Row(k, first + i));
                    }
                }
                first += rows + r.nextInt(3);
            }
        }
        partA.merge(partB);
        all.sort(reference(desc, nullsFirst));
        long[] expected = all.subList(0, Math.min(n, all.size())).stream().mapToLong(Row::position).toArray();
        String what = java.util.Arrays.toString(lanes) + " desc " + java.util.Arrays.toString(desc)
                + " nullsFirst " + java.util.Arrays.toString(nullsFirst) + " n " + n + " domain " + domain;
        assertArrayEquals(expected, vector.positions(), "vector " + what);
        assertArrayEquals(expected, scalar.positions(), "scalar " + what);
        assertArrayEquals(expected, partA.positions(), "merged " + what);
        assertArrayEquals(expected, skipping.positions(), "skipping " + what);
    }

    /** PostgreSQL's order, written independently of TopKeys: NaN above all, -0.0 equal to 0.0. */
    private static Comparator<Row> reference(boolean[] desc, boolean[] nullsFirst) {
        return (a, b) -> {
            for (int j = 0; j < desc.length; j++) {
                Object x = a.keys()[j];
                Object y = b.keys()[j];
                if ((x == null) != (y == null)) {
                    return (x == null) == nullsFirst[j] ? -1 : 1;
                }
                if (x == null) {
                    continue;
                }
                int c = x instanceof Double p ? Double.compare(p == 0 ? 0.0 : p, (Double) y == 0 ? 0.0 : (Double) y)
                        : Long.compare((Long) x, (Long) y);
                if (c != 0) {
                    return desc[j] ? -c : c;
                }
            }
            return Long.compare(a.position(), b.position());
        };
    }

    private static Chunk chunk(Arena arena, SplittableRandom r, Lane[] lanes, int rows, int domain, double nullRate) {
        Object[][] values = new Object[lanes.length][rows];
        SortColumn[] cols = new SortColumn[lanes.length];
        for (int j = 0; j < lanes.length; j++) {
            Lane lane = lanes[j];
            MemorySegment data = arena.allocate(Math.max(1, (long) rows * lane.byteSize()), 8);
            MemorySegment validity = nullRate > 0 ? arena.allocate(Math.max(1, (rows + 7) / 8)) : null;
            for (int i = 0; i < rows; i++) {
                boolean isNull = nullRate > 0 && r.nextDouble() < nullRate;
                if (validity != null && !isNull) {
                    validity.set(ValueLayout.JAVA_BYTE, i >>> 3,
                            (byte) (validity.get(ValueLayout.JAVA_BYTE, i >>> 3) | (1 << (i & 7))));
                }
                Object v = value(r, lane, domain);
                put(data, lane, i, v);
                values[j][i] = isNull ? null : v;
            }
            cols[j] = new SortColumn(data, lane, validity);
        }
        long[] sel = switch (r.nextInt(3)) {
            case 0 -> null;
            case 1 -> randomBits(r, rows, 0.5);
            default -> randomBits(r, rows, 0.02);
        };
        return new Chunk(rows, values, cols, sel);
    }

    private static Object value(SplittableRandom r, Lane lane, int domain) {
        if (lane.isFloating()) {
            int pick = r.nextInt(40);
            double d = pick == 0 ? Double.NaN : pick == 1 ? -0.0 : pick == 2 ? Double.NEGATIVE_INFINITY
                    : pick == 3 ? Double.POSITIVE_INFINITY : (r.nextInt(domain) - domain / 2) * 0.5;
            return lane == Lane.FLOAT ? (double) (float) d : d;
        }
        long bound = Math.min(domain, lane.maxValue());
        long v = r.nextLong(bound) - bound / 2;
        if (lane == Lane.LONG && r.nextInt(50) == 0) {
            v = r.nextBoolean() ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        return v;
    }

    private static void put(MemorySegment s, Lane lane, int i, Object v) {
        ByteOrder le = ByteOrder.LITTLE_ENDIAN;
        switch (lane) {
            case BYTE -> s.set(ValueLayout.JAVA_BYTE, i, (byte) (long) (Long) v);
            case SHORT -> s.set(ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(le), 2L * i, (short) (long) (Long) v);
            case INT -> s.set(ValueLayout.JAVA_INT_UNALIGNED.withOrder(le), 4L * i, (int) (long) (Long) v);
            case LONG -> s.set(ValueLayout.JAVA_LONG_UNALIGNED.withOrder(le), 8L * i, (Long) v);
            case FLOAT -> s.set(ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(le), 4L * i, (float) (double) (Double) v);
            case DOUBLE -> s.set(ValueLayout.JAVA_DOUBLE_UNALIGNED.withOrder(le), 8L * i, (Double) v);
        }
    }

    private static long[] randomBits(SplittableRandom r, int rows, double p) {
        long[] bits = new long[(rows + 63) >>> 6];
        for (int i = 0; i < rows; i++) {
            if (r.nextDouble() < p) {
                bits[i >>> 6] |= 1L << i;
            }
        }
        return bits;
    }

    /** Selected rows whose first key is (valued) or is not (NULL) present; null = all rows. */
    private static long[] valued(Chunk c, boolean valued) {
        SortColumn k0 = c.cols()[0];
        if (valued && k0.validity() == null && c.sel() == null) {
            return null;
        }
        long[] out = new long[(c.rows() + 63) >>> 6];
        for (int i = 0; i < c.rows(); i++) {
            if (selected(c.sel(), i) && k0.isNull(i) != valued) {
                out[i >>> 6] |= 1L << i;
            }
        }
        return out;
    }

    /** The chunk's min and max first key over all rows, as a zone map keeps them; null if none. */
    private static long[] range(Chunk c) {
        long[] mm = null;
        for (int i = 0; i < c.rows(); i++) {
            if (!c.cols()[0].isNull(i)) {
                long k = c.cols()[0].key(i);
                mm = mm == null ? new long[] {k, k} : new long[] {Math.min(mm[0], k), Math.max(mm[1], k)};
            }
        }
        return mm;
    }

    private static boolean selected(long[] sel, int i) {
        return sel == null || (sel[i >>> 6] & (1L << i)) != 0;
    }
}
