package org.yggdrasil.accel.groupby;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.yggdrasil.accel.testing.TextColumns;

class QuantilesTest {
    private static final double[] FRACTIONS = {0, 0.1, 0.25, 0.5, 1.0 / 3, 0.75, 0.9, 0.999, 1};

    /** PostgreSQL's definitions over a fully sorted copy (NaN last, as Arrays.sort orders it). */
    private static double cont(double[] sorted, double f) {
        double pos = f * (sorted.length - 1);
        int a = (int) Math.floor(pos);
        int b = (int) Math.ceil(pos);
        return a == b ? sorted[a] : sorted[a] + (pos - a) * (sorted[b] - sorted[a]);
    }

    private static double disc(double[] sorted, double f) {
        long row = (long) Math.ceil(f * sorted.length);
        return sorted[(int) Math.max(row, 1) - 1];
    }

    @Test
    void smallCasesByHand() {
        Quantiles one = new Quantiles();
        one.add(7);
        assertEquals(7, one.median()[0]);
        assertEquals(7, one.percentileDisc(0)[0]);
        Quantiles two = new Quantiles();
        two.add(1);
        two.add(4);
        assertEquals(2.5, two.median()[0]);
        assertEquals(1.75, two.percentileCont(0.25)[0]);
        assertEquals(1, two.percentileDisc(0.5)[0]);
        assertEquals(4, two.percentileDisc(0.51)[0]);
        assertEquals(1, two.percentileCont(0)[0]);
        assertEquals(4, two.percentileCont(1)[0]);
        Quantiles dup = new Quantiles();
        for (double v : new double[] {3, 3, 3, 1, 3}) {
            dup.add(v);
        }
        assertEquals(3, dup.median()[0]);
        assertEquals(1, dup.percentileCont(0)[0]);
        Quantiles nan = new Quantiles();
        for (double v : new double[] {Double.NaN, 1, 2}) {
            nan.add(v);
        }
        assertEquals(2, nan.median()[0]);
        assertEquals(Double.NaN, nan.percentileCont(1)[0]);
        assertEquals(Double.NaN, nan.percentileCont(0.75)[0]);
        assertEquals(0, new Quantiles().median().length);
    }

    @Test
    void rejectsFractionsOutsideZeroOne() {
        Quantiles q = new Quantiles();
        q.add(1);
        InvalidPercentileException e = assertThrows(InvalidPercentileException.class, () -> q.percentileCont(1.5));
        assertEquals("22003", e.sqlState());
        assertThrows(InvalidPercentileException.class, () -> q.percentileDisc(-0.1));
        assertThrows(InvalidPercentileException.class, () -> q.percentileDisc(Double.NaN));
    }

    @Test
    void singleGroupAgainstSortedReference() {
        SplittableRandom r = new SplittableRandom(51);
        for (int rows : TextColumns.AWKWARD_ROWS) {
            double[] v = new double[rows];
            for (int i = 0; i < rows; i++) {
                v[i] = r.nextInt(4) == 0 ? r.nextInt(10) : r.nextDouble() * 100 - 50;
            }
            for (long[] sel : TextColumns.selections(rows, r)) {
                Quantiles q = new Quantiles();
                // split in two chunks to cover accumulation, one from a segment
                int half = rows / 2;
                q.add(v, half, sel);
                long[] rest = shift(sel, half, rows);
                q.addDoubles(null, TextColumns.doubles(Arrays.copyOfRange(v, half, rows)), rows - half, rest);
                List<Double> chosen = new ArrayList<>();
                for (int i = 0; i < rows; i++) {
                    if (TextColumns.selected(sel, i)) {
                        chosen.add(v[i]);
                    }
                }
                double[] sorted = chosen.stream().mapToDouble(Double::doubleValue).sorted().toArray();
                for (double f : FRACTIONS) {
                    if (sorted.length == 0) {
                        assertEquals(0, q.count(0));
                        continue;
                    }
                    assertEquals(cont(sorted, f), q.percentileCont(f)[0], "cont f=" + f + " n=" + sorted.length);
                    assertEquals(disc(sorted, f), q.percentileDisc(f)[0], "disc f=" + f + " n=" + sorted.length);
                }
            }
        }
    }

    /** The selection of rows [from, rows) re-based to start at 0. */
    private static long[] shift(long[] sel, int from, int rows) {
        if (sel == null) {
            return null;
        }
        long[] out = new long[(rows - from + 63) >>> 6];
        for (int i = from; i < rows; i++) {
            if (TextColumns.selected(sel, i)) {
                out[(i - from) >>> 6] |= 1L << (i - from);
            }
        }
        return out;
    }

    @Test
    void perGroupAgainstSortedReference() {
        SplittableRandom r = new SplittableRandom(52);
        int rows = 65536;
        int groups = 700;
        int[] gid = new int[rows];
        double[] v = new double[rows];
        for (int i = 0; i < rows; i++) {
            gid[i] = r.nextInt(8) == 0 ? -1 : (int) Math.min(groups - 1, Math.abs(r.nextGaussian()) * 150);
            v[i] = r.nextInt(3) == 0 ? r.nextInt(5) : r.nextInt(50) == 0 ? Double.NaN : r.nextDouble();
        }
        long[] sel = TextColumns.selections(rows, r)[3];
        Quantiles q = new Quantiles();
        q.add(gid, v, rows, sel);
        List<List<Double>> per = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            if (TextColumns.selected(sel, i) && gid[i] >= 0) {
                while (per.size() <= gid[i]) {
                    per.add(new ArrayList<>());
                }
                per.get(gid[i]).add(v[i]);
            }
        }
        assertEquals(per.size(), q.groupCount());
        for (double f : FRACTIONS) {
            double[] c = q.percentileCont(f);
            double[] d = q.percentileDisc(f);
            for (int g = 0; g < per.size(); g++) {
                double[] sorted = per.get(g).stream().mapToDouble(Double::doubleValue).sorted().toArray();
                assertEquals(sorted.length, q.count(g));
                if (sorted.length == 0) {
                    assertEquals(Double.NaN, c[g]);
                    continue;
                }
                assertEquals(cont(sorted, f), c[g], 1e-15, "group " + g + " f " + f);
                assertEquals(disc(sorted, f), d[g], "group " + g + " f " + f);
            }
        }
    }

    @Test
    void mergedPartialsEqualOneStream() {
        SplittableRandom r = new SplittableRandom(53);
        Quantiles whole = new Quantiles();
        Quantiles a = new Quantiles();
        Quantiles b = new Quantiles();
        Quantiles single = new Quantiles();
        for (int i = 0; i < 5000; i++) {
            int g = r.nextInt(40);
            double v = r.nextInt(100);
            whole.add(g, v);
            (r.nextBoolean() ? a : b).add(g, v);
            single.add(v);
        }
        Quantiles c = new Quantiles();
        c.merge(a); // the first merge into an empty, ungrouped collector
        c.merge(b);
        for (double f : FRACTIONS) {
            assertEquals(Arrays.toString(whole.percentileCont(f)), Arrays.toString(c.percentileCont(f)));
            assertEquals(Arrays.toString(whole.percentileDisc(f)), Arrays.toString(c.percentileDisc(f)));
        }
        Quantiles s2 = new Quantiles();
        s2.merge(single);
        assertEquals(single.median()[0], s2.median()[0]);
    }

    @Test
    void orderedAndConstantInputs() {
        int n = 100_001;
        double[][] inputs = new double[5][n];
        for (int i = 0; i < n; i++) {
            inputs[0][i] = i;                             // ascending
            inputs[1][i] = n - i;                         // descending
            inputs[2][i] = 4.25;                          // all equal
            inputs[3][i] = Math.min(i, n - i);            // organ pipe
            inputs[4][i] = i % 2 == 0 ? 1 : i % 3;        // few distinct values
        }
        for (double[] v : inputs) {
            double[] sorted = v.clone();
            Arrays.sort(sorted);
            for (double f : FRACTIONS) {
                Quantiles q = new Quantiles();
                q.add(v.clone(), n, null);
                assertEquals(cont(sorted, f), q.percentileCont(f)[0], "f " + f);
                assertEquals(disc(sorted, f), q.percentileDisc(f)[0], "f " + f);
            }
        }
    }
}
