package org.yggdrasil.accel.groupby;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemorySegment;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.yggdrasil.accel.testing.TextColumns;

class DenseKeysTest {

    @Test
    void vectorAndScalarGiveValueMinusMin() {
        assertTrue(Simd.AVAILABLE, "tests must run with --add-modules jdk.incubator.vector");
        SplittableRandom r = new SplittableRandom(31);
        for (int width : new int[] {1, 2, 4, 8}) {
            long min = switch (width) {
                case 1 -> -128;
                case 2 -> -300;
                case 4 -> 1_000_000;
                default -> Long.MAX_VALUE - 1000;
            };
            int limit = width == 1 ? 256 : 1000;
            for (int rows : TextColumns.AWKWARD_ROWS) {
                long[] v = new long[rows];
                for (int i = 0; i < rows; i++) {
                    v[i] = min + r.nextInt(limit);
                }
                MemorySegment seg = TextColumns.ints(v, width);
                for (long[] sel : TextColumns.selections(rows, r)) {
                    int[] expected = new int[rows];
                    for (int i = 0; i < rows; i++) {
                        expected[i] = TextColumns.selected(sel, i) ? (int) (v[i] - min) : -1;
                    }
                    int[] fast = new int[rows];
                    int[] scalar = new int[rows];
                    DenseKeys.groupIds(seg, width, min, rows, sel, fast);
                    DenseKeys.groupIdsScalar(seg, width, min, rows, sel, scalar);
                    assertArrayEquals(expected, fast, "width " + width + " rows " + rows);
                    assertArrayEquals(expected, scalar, "width " + width + " rows " + rows);
                }
            }
        }
    }

    @Test
    void packVectorAndScalarAgreeOnEveryShiftAndLength() {
        assertTrue(Simd.AVAILABLE, "tests must run with --add-modules jdk.incubator.vector");
        SplittableRandom r = new SplittableRandom(33);
        for (int rows : TextColumns.AWKWARD_ROWS) {
            for (int shift : new int[] {0, 1, 7, 31, 32, 40, 63}) {
                long[] start = new long[rows];
                int[] ids = new int[rows];
                for (int i = 0; i < rows; i++) {
                    start[i] = r.nextLong();
                    ids[i] = r.nextInt(8) == 0 ? -1 : r.nextInt();
                }
                long[] expected = start.clone();
                for (int i = 0; i < rows; i++) {
                    expected[i] |= (long) ids[i] << shift;
                }
                long[] fast = start.clone();
                long[] scalar = start.clone();
                DenseKeys.pack(fast, ids, shift, rows);
                DenseKeys.packScalar(scalar, ids, shift, rows);
                assertArrayEquals(expected, fast, "rows " + rows + " shift " + shift);
                assertArrayEquals(expected, scalar, "rows " + rows + " shift " + shift);
            }
        }
    }

    @Test
    void packedColumnsUnpackToTheirIds() {
        SplittableRandom r = new SplittableRandom(34);
        int rows = 1000;
        int[] widths = {7, 0, 17, 24, 16};
        int[][] ids = new int[widths.length][rows];
        long[] keys = new long[rows];
        int shift = 0;
        for (int c = 0; c < widths.length; c++) {
            for (int i = 0; i < rows; i++) {
                ids[c][i] = widths[c] == 0 ? 0 : r.nextInt(1 << widths[c]);
            }
            DenseKeys.pack(keys, ids[c], shift, rows);
            shift += widths[c];
        }
        for (int i = 0; i < rows; i++) {
            shift = 0;
            for (int c = 0; c < widths.length; c++) {
                assertEquals(ids[c][i], (int) ((keys[i] >>> shift) & ((1L << widths[c]) - 1)));
                shift += widths[c];
            }
        }
    }

    @Test
    void rejectsUnknownWidth() {
        assertThrows(IllegalArgumentException.class,
                () -> DenseKeys.groupIds(TextColumns.ints(new long[4], 4), 3, 0, 4, null, new int[4]));
    }

    @Test
    void compositeKeysAreDenseInFirstSeenOrder() {
        SplittableRandom r = new SplittableRandom(32);
        CompositeKeys keys = new CompositeKeys();
        java.util.Map<Long, Integer> ref = new java.util.HashMap<>();
        for (int rows : TextColumns.AWKWARD_ROWS) {
            int[] g1 = new int[rows];
            int[] g2 = new int[rows];
            for (int i = 0; i < rows; i++) {
                g1[i] = r.nextInt(20) == 0 ? -1 : r.nextInt(300);
                g2[i] = r.nextInt(300);
            }
            for (long[] sel : TextColumns.selections(rows, r)) {
                int[] out = new int[rows];
                keys.groupIds(g1, g2, rows, sel, out);
                for (int i = 0; i < rows; i++) {
                    if (!TextColumns.selected(sel, i) || g1[i] < 0) {
                        assertEquals(-1, out[i]);
                        continue;
                    }
                    long pair = (long) g1[i] * 1000 + g2[i];
                    int expected = ref.computeIfAbsent(pair, p -> ref.size());
                    assertEquals(expected, out[i]);
                    assertEquals(g1[i], keys.first(out[i]));
                    assertEquals(g2[i], keys.second(out[i]));
                }
            }
        }
        assertEquals(ref.size(), keys.groupCount());
        assertTrue(keys.groupCount() > 20_000, "grew through several resizes");
    }

    @Test
    void combineVectorAndScalarAgree() {
        SplittableRandom r = new SplittableRandom(33);
        for (int rows : TextColumns.AWKWARD_ROWS) {
            int[] g1 = new int[rows];
            int[] g2 = new int[rows];
            int[] expected = new int[rows];
            for (int i = 0; i < rows; i++) {
                g1[i] = r.nextInt(15) == 0 ? -1 : r.nextInt(100);
                g2[i] = r.nextInt(15) == 0 ? -1 : r.nextInt(37);
                expected[i] = g1[i] < 0 || g2[i] < 0 ? -1 : g1[i] * 37 + g2[i];
            }
            int[] fast = new int[rows];
            int[] scalar = new int[rows];
            DenseKeys.combine(g1, g2, 37, rows, fast);
            DenseKeys.combineScalar(g1, g2, 37, rows, scalar);
            assertArrayEquals(expected, fast);
            assertArrayEquals(expected, scalar);
        }
    }

    @Test
    void absorbMapsPartialGroupIds() {
        SplittableRandom r = new SplittableRandom(34);
        LongGroupTable whole = new LongGroupTable();
        LongGroupTable part = new LongGroupTable();
        BytesGroupTable wholeText = new BytesGroupTable();
        BytesGroupTable partText = new BytesGroupTable();
        for (int i = 0; i < 20_000; i++) {
            long k = r.nextInt(5000);
            byte[] t = ("key-" + k + (k % 3 == 0 ? "-long-enough-to-skip-the-short-path" : "")).getBytes();
            if (r.nextBoolean()) {
                whole.idOf(k);
                wholeText.idOf(t);
            } else {
                part.idOf(k);
                partText.idOf(t);
            }
        }
        int[] map = whole.absorb(part);
        for (int g = 0; g < part.groupCount(); g++) {
            assertEquals(part.key(g), whole.key(map[g]));
        }
        int[] textMap = wholeText.absorb(partText);
        for (int g = 0; g < partText.groupCount(); g++) {
            assertArrayEquals(partText.key(g), wholeText.key(textMap[g]));
        }
        assertEquals(whole.groupCount(), wholeText.groupCount());
    }
}
