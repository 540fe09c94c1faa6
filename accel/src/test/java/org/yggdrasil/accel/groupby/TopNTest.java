package org.yggdrasil.accel.groupby;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.yggdrasil.accel.testing.TextColumns;

class TopNTest {
    private record Entry(long key, long pos) {
    }

    private static Comparator<Entry> order(boolean largest) {
        Comparator<Entry> byKey = Comparator.comparingLong(Entry::key);
        return (largest ? byKey.reversed() : byKey).thenComparingLong(Entry::pos);
    }

    @Test
    void sortKeysOrderDoublesLikePostgres() {
        double[] ascending = {Double.NEGATIVE_INFINITY, -1e300, -1, -Double.MIN_VALUE, 0.0, Double.MIN_VALUE, 1, 1e300,
            Double.POSITIVE_INFINITY, Double.NaN};
        for (int i = 0; i + 1 < ascending.length; i++) {
            assertTrue(TopKeys.ofDouble(ascending[i]) < TopKeys.ofDouble(ascending[i + 1]), "at " + i);
        }
        for (double d : ascending) {
            assertEquals(d, TopKeys.toDouble(TopKeys.ofDouble(d)));
        }
        assertEquals(TopKeys.ofDouble(0.0), TopKeys.ofDouble(-0.0));
        assertEquals(TopKeys.ofDouble(Double.NaN), TopKeys.ofDouble(Double.longBitsToDouble(0xfff8000000000123L)));
    }

    @Test
    void topNMatchesSortedReference() {
        SplittableRandom r = new SplittableRandom(61);
        for (boolean largest : new boolean[] {true, false}) {
            for (int n : new int[] {0, 1, 2, 10, 1000}) {
                TopN top = new TopN(n, largest);
                TopN partial = new TopN(n, largest);
                List<Entry> all = new ArrayList<>();
                long pos = 0;
                for (int rows : TextColumns.AWKWARD_ROWS) {
                    double[] v = new double[rows];
                    for (int i = 0; i < rows; i++) {
                        v[i] = r.nextInt(5) == 0 ? r.nextInt(3) : r.nextInt(100) == 0 ? Double.NaN : r.nextGaussian();
                    }
                    long[] sel = TextColumns.selections(rows, r)[r.nextInt(5)];
                    // the second half of the stream goes through a partial result and merge
                    (rows > 1000 ? partial : top).addDoubles(TextColumns.doubles(v), rows, sel, pos);
                    for (int i = 0; i < rows; i++) {
                        if (TextColumns.selected(sel, i)) {
                            all.add(new Entry(TopKeys.ofDouble(v[i]), pos + i));
                        }
                    }
                    pos += rows;
                }
                top.merge(partial);
                all.sort(order(largest));
                List<Entry> expected = all.subList(0, Math.min(n, all.size()));
                TopN.Result res = top.result();
                assertEquals(expected.size(), res.keys().length);
                for (int i = 0; i < expected.size(); i++) {
                    assertEquals(expected.get(i).key(), res.keys()[i], "rank " + i);
                    assertEquals(expected.get(i).pos(), res.positions()[i], "rank " + i);
                }
            }
        }
    }

    @Test
    void topNPerGroupMatchesSortedReference() {
        SplittableRandom r = new SplittableRandom(62);
        for (boolean largest : new boolean[] {true, false}) {
            for (int k : new int[] {1, 2, 5}) {
                int groups = 3000;
                TopNPerGroup top = new TopNPerGroup(k, largest);
                List<List<Entry>> ref = new ArrayList<>();
                for (int g = 0; g < groups; g++) {
                    ref.add(new ArrayList<>());
                }
                long pos = 0;
                for (int rows : TextColumns.AWKWARD_ROWS) {
                    int[] gid = new int[rows];
                    double[] v = new double[rows];
                    for (int i = 0; i < rows; i++) {
                        gid[i] = r.nextInt(10) == 0 ? -1 : r.nextInt(groups);
                        v[i] = r.nextInt(4) == 0 ? r.nextInt(3) : Math.round(r.nextDouble() * 100 * 1e6) / 1e6;
                    }
                    long[] sel = TextColumns.selections(rows, r)[r.nextInt(5)];
                    if (r.nextBoolean()) {
                        top.add(gid, v, rows, sel, pos);
                    } else {
                        top.addDoubles(gid, TextColumns.doubles(v), rows, sel, pos);
                    }
                    for (int i = 0; i < rows; i++) {
                        if (TextColumns.selected(sel, i) && gid[i] >= 0) {
                            ref.get(gid[i]).add(new Entry(TopKeys.ofDouble(v[i]), pos + i));
                        }
                    }
                    pos += rows;
                }
                for (int g = 0; g < groups; g++) {
                    List<Entry> e = ref.get(g);
                    e.sort(order(largest));
                    int expectedCount = Math.min(k, e.size());
                    assertEquals(expectedCount, top.count(g), "group " + g);
                    for (int rank = 0; rank < expectedCount; rank++) {
                        assertEquals(e.get(rank).key(), top.key(g, rank));
                        assertEquals(e.get(rank).pos(), top.position(g, rank));
                        assertEquals(TopKeys.toDouble(e.get(rank).key()), top.doubleValue(g, rank));
                    }
                }
            }
        }
    }

    @Test
    void perGroupMergeEqualsOneStream() {
        SplittableRandom r = new SplittableRandom(63);
        TopNPerGroup whole = new TopNPerGroup(2, true);
        TopNPerGroup a = new TopNPerGroup(2, true);
        TopNPerGroup b = new TopNPerGroup(2, true);
        for (int i = 0; i < 10_000; i++) {
            int g = r.nextInt(500);
            long key = r.nextInt(50);
            whole.offer(g, key, i);
            (r.nextBoolean() ? a : b).offer(g, key, i);
        }
        a.merge(b);
        for (int g = 0; g < 500; g++) {
            assertEquals(whole.count(g), a.count(g));
            for (int rank = 0; rank < whole.count(g); rank++) {
                assertArrayEquals(new long[] {whole.key(g, rank), whole.position(g, rank)},
                        new long[] {a.key(g, rank), a.position(g, rank)});
            }
        }
    }

    @Test
    void equalKeysRankByTheTieBreakThenByPosition() {
        SplittableRandom r = new SplittableRandom(65);
        long[] second = new long[20_000];
        for (int i = 0; i < second.length; i++) {
            second[i] = r.nextInt(4);
        }
        // a second ORDER BY key, descending: larger second values rank first
        TopNPerGroup.TieBreak bySecond = (a, b) -> Long.compare(second[(int) b], second[(int) a]);
        for (boolean largest : new boolean[] {true, false}) {
            TopNPerGroup whole = new TopNPerGroup(3, largest, bySecond);
            TopNPerGroup a = new TopNPerGroup(3, largest, bySecond);
            TopNPerGroup b = new TopNPerGroup(3, largest, bySecond);
            List<List<long[]>> ref = new ArrayList<>();
            for (int g = 0; g < 200; g++) {
                ref.add(new ArrayList<>());
            }
            for (int i = 0; i < second.length; i++) {
                int g = r.nextInt(200);
                long key = r.nextInt(3);
                whole.offer(g, key, i);
                (r.nextBoolean() ? a : b).offer(g, key, i);
                ref.get(g).add(new long[] {key, i});
            }
            a.merge(b);
            for (int g = 0; g < 200; g++) {
                List<long[]> e = ref.get(g);
                e.sort((x, y) -> x[0] != y[0] ? (largest ? Long.compare(y[0], x[0]) : Long.compare(x[0], y[0]))
                        : second[(int) x[1]] != second[(int) y[1]] ? Long.compare(second[(int) y[1]], second[(int) x[1]])
                        : Long.compare(x[1], y[1]));
                for (int rank = 0; rank < 3; rank++) {
                    assertEquals(e.get(rank)[1], whole.position(g, rank), "group " + g + " rank " + rank);
                    assertEquals(e.get(rank)[1], a.position(g, rank), "merged, group " + g);
                }
            }
        }
    }

    @Test
    void vectorPrefilterKeepsWhatTheScalarTwinKeeps() {
        assertTrue(Simd.AVAILABLE, "tests must run with --add-modules jdk.incubator.vector");
        SplittableRandom r = new SplittableRandom(64);
        double[] awkward = {Double.NaN, -0.0, 0.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
            Double.MIN_VALUE, -Double.MAX_VALUE};
        for (boolean largest : new boolean[] {true, false}) {
            for (int k : new int[] {1, 3}) {
                for (int groupsCap : new int[] {1, 7, 300}) {
                    TopNPerGroup fast = new TopNPerGroup(k, largest);
                    TopNPerGroup scalar = new TopNPerGroup(k, largest);
                    long first = 0;
                    for (int rows : TextColumns.AWKWARD_ROWS) {
                        double[] v = new double[rows];
                        int[] gid = new int[rows];
                        for (int i = 0; i < rows; i++) {
                            int pick = r.nextInt(20);
                            // few distinct values make ties, which positions must break alike
                            v[i] = pick == 0 ? awkward[r.nextInt(awkward.length)]
                                    : pick < 10 ? r.nextInt(5) : r.nextDouble() * 100 - 50;
                            gid[i] = r.nextInt(15) == 0 ? -1 : r.nextInt(groupsCap);
                        }
                        java.lang.foreign.MemorySegment seg = java.lang.foreign.MemorySegment.ofArray(new byte[8 * rows]);
                        for (int i = 0; i < rows; i++) {
                            seg.set(Sel.LE_DOUBLE, 8L * i, v[i]);
                        }
                        for (long[] sel : TextColumns.selections(rows, r)) {
                            fast.addDoubles(gid, seg, rows, sel, first);
                            scalar.addDoublesScalar(gid, seg, rows, sel, first);
                            first += rows;
                        }
                    }
                    for (int g = 0; g < groupsCap; g++) {
                        assertEquals(scalar.count(g), fast.count(g));
                        for (int rank = 0; rank < scalar.count(g); rank++) {
                            assertArrayEquals(new long[] {scalar.key(g, rank), scalar.position(g, rank)},
                                    new long[] {fast.key(g, rank), fast.position(g, rank)},
                                    "group " + g + " rank " + rank + " largest " + largest + " k " + k);
                        }
                    }
                }
            }
        }
    }
}
