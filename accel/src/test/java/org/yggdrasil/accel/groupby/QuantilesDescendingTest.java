package org.yggdrasil.accel.groupby;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * WITHIN GROUP (ORDER BY x DESC) percentiles and merging partial states, against PostgreSQL's
 * definitions over a fully sorted copy in descending order (NaN first, as PostgreSQL sorts it).
 */
class QuantilesDescendingTest {
    private static final double[] FRACTIONS = {0, 0.1, 0.25, 0.5, 1.0 / 3, 0.75, 0.9, 1};

    private static double[] descending(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        for (int i = 0, j = s.length - 1; i < j; i++, j--) {
            double t = s[i];
            s[i] = s[j];
            s[j] = t;
        }
        return s;
    }

    private static double cont(double[] ordered, double f) {
        double pos = f * (ordered.length - 1);
        int a = (int) Math.floor(pos);
        int b = (int) Math.ceil(pos);
        return a == b ? ordered[a] : ordered[a] + (pos - a) * (ordered[b] - ordered[a]);
    }

    private static double disc(double[] ordered, double f) {
        long row = (long) Math.ceil(f * ordered.length);
        return ordered[(int) Math.max(row, 1) - 1];
    }

    @Test
    void byHand() {
        Quantiles q = new Quantiles();
        for (double v : new double[] {1, 2, 3, 10}) {
            q.add(v);
        }
        assertEquals(4.75, q.percentileCont(0.25, true)[0]);
        assertEquals(3, q.percentileDisc(0.5, true)[0]);
        Quantiles nan = new Quantiles();
        for (double v : new double[] {1, Double.NaN, 2}) {
            nan.add(v);
        }
        assertEquals(Double.NaN, nan.percentileCont(0, true)[0]);
        assertEquals(1.5, nan.percentileCont(0.75, true)[0]);
    }

    @Test
    void groupedDescendingAndMergedMatchTheSortedReference() {
        SplittableRandom r = new SplittableRandom(7);
        int groups = 13;
        for (int rows : new int[] {1, 5, 64, 65, 1000, 4099}) {
            double[] v = new double[rows];
            int[] gid = new int[rows];
            for (int i = 0; i < rows; i++) {
                v[i] = r.nextInt(5) == 0 ? r.nextInt(4) : r.nextInt(50) == 0 ? Double.NaN : r.nextDouble() * 10 - 5;
                gid[i] = r.nextInt(groups);
            }
            // two partial states (as two workers would hold), the second with its own group ids
            int half = rows / 2;
            int[] toOwn = new int[groups];
            int[] back = new int[groups];
            for (int g = 0; g < groups; g++) {
                toOwn[g] = groups - 1 - g;
                back[groups - 1 - g] = g;
            }
            Quantiles a = new Quantiles();
            Quantiles b = new Quantiles();
            for (int i = 0; i < rows; i++) {
                if (i < half) {
                    a.add(gid[i], v[i]);
                } else {
                    b.add(toOwn[gid[i]], v[i]);
                }
            }
            a.addAll(b, back);
            for (double f : FRACTIONS) {
                double[] cont = a.percentileCont(f, true);
                double[] disc = a.percentileDisc(f, true);
                double[] ascending = a.percentileCont(f, false);
                for (int g = 0; g < groups; g++) {
                    final int group = g;
                    double[] of = java.util.stream.IntStream.range(0, rows).filter(i -> gid[i] == group)
                        .mapToDouble(i -> v[i]).toArray();
                    if (of.length == 0) {
                        assertEquals(0, a.count(g));
                        continue;
                    }
                    double[] desc = descending(of);
                    double[] asc = of.clone();
                    Arrays.sort(asc);
                    String what = "rows " + rows + " group " + g + " f " + f;
                    assertEquals(cont(desc, f), cont[g], what);
                    assertEquals(disc(desc, f), disc[g], what);
                    assertEquals(cont(asc, f), ascending[g], what);
                }
            }
        }
    }

    @Test
    void mergingUngroupedStates() {
        Quantiles a = new Quantiles();
        Quantiles b = new Quantiles();
        Quantiles empty = new Quantiles();
        a.add(new double[] {5, 1, 9}, 3, null);
        b.add(new double[] {2, 8}, 2, null);
        a.addAll(b, null);
        a.addAll(empty, null);
        assertEquals(5, a.median()[0]);
        assertEquals(5, a.count(0));
        empty.addAll(a, null);
        assertEquals(8, empty.percentileDisc(0.25, true)[0]);
    }
}
