package org.yggdrasil.accel.groupby;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;

/**
 * Exact quantiles (MEDIAN, PERCENTILE_CONT, PERCENTILE_DISC) for one group or per group.
 * Selected values are collected as doubles with their group id; at the end the values are laid
 * out group by group (a counting sort on the id) and each requested rank is found by
 * quickselect, not by sorting. NaN sorts above every number, as in PostgreSQL.
 *
 * <p>A group with no values yields NaN; callers check {@link #count(int)} to emit NULL.
 */
public final class Quantiles {
    private double[] values = new double[1024];
    private int[] gids;
    private int n;
    private int groups;
    /** Values rearranged group by group, and where each group starts; null until needed. */
    private double[] laidOut;
    private int[] starts;

    /** Adds one value to group 0 (the single-group form). */
    public void add(double v) {
        add(0, v);
    }

    public void add(int gid, double v) {
        if (gid < 0) {
            return;
        }
        ensure(1, gid != 0);
        if (gids != null) {
            gids[n] = gid;
        }
        values[n++] = v;
        groups = Math.max(groups, gid + 1);
        laidOut = null;
    }

    /** Adds the selected values of {@code v[0..rows)} to group 0. */
    public void add(double[] v, int rows, long[] sel) {
        add(null, v, null, rows, sel);
    }

    /** Adds the selected values; rows with group id -1 are skipped. */
    public void add(int[] gid, double[] v, int rows, long[] sel) {
        add(gid, v, null, rows, sel);
    }

    /** As {@link #add(int[], double[], int, long[])} from a little-endian float64 column; gid null = group 0. */
    public void addDoubles(int[] gid, MemorySegment data, int rows, long[] sel) {
        add(gid, null, data, rows, sel);
    }

    private void add(int[] gid, double[] arr, MemorySegment seg, int rows, long[] sel) {
        ensure(rows, gid != null);
        if (sel == null && gid == null && gids == null) {
            // one group, every row: a bulk copy
            if (arr != null) {
                System.arraycopy(arr, 0, values, n, rows);
            } else {
                MemorySegment.copy(seg, Sel.LE_DOUBLE, 0, values, n, rows);
            }
            n += rows;
            if (n > 0) {
                groups = Math.max(groups, 1);
            }
            laidOut = null;
            return;
        }
        if (sel == null) {
            for (int i = 0; i < rows; i++) {
                put(gid, arr, seg, i);
            }
        } else {
            for (int w = 0, words = Sel.words(rows); w < words; w++) {
                long bits = Sel.word(sel, w, rows);
                while (bits != 0) {
                    put(gid, arr, seg, (w << 6) + Long.numberOfTrailingZeros(bits));
                    bits &= bits - 1;
                }
            }
        }
        if (gid == null && n > 0) {
            groups = Math.max(groups, 1);
        }
        laidOut = null;
    }

    private void put(int[] gid, double[] arr, MemorySegment seg, int i) {
        int g = 0;
        if (gid != null) {
            g = gid[i];
            if (g < 0) {
                return;
            }
            if (g >= groups) {
                groups = g + 1;
            }
        }
        if (gids != null) {
            gids[n] = g;
        }
        values[n++] = arr != null ? arr[i] : seg.get(Sel.LE_DOUBLE, 8L * i);
    }

    private void ensure(int more, boolean grouped) {
        if (grouped && gids == null) {
            gids = new int[values.length]; // values so far belong to group 0
        }
        long need = (long) n + more;
        if (need > values.length) {
            if (need > Integer.MAX_VALUE - 8) {
                throw new IllegalStateException("too many values for an exact quantile");
            }
            int cap = (int) Math.min(Integer.MAX_VALUE - 8, Math.max(need, values.length * 2L));
            values = Arrays.copyOf(values, cap);
            if (gids != null) {
                gids = Arrays.copyOf(gids, cap);
            }
        }
    }

    /** Adds the values of a partial result over the same group ids (parallel workers). */
    public void merge(Quantiles other) {
        boolean grouped = other.gids != null || other.groups > 1;
        ensure(other.n, grouped);
        for (int i = 0; i < other.n; i++) {
            if (gids != null) {
                gids[n] = other.gids == null ? 0 : other.gids[i];
            }
            values[n++] = other.values[i];
        }
        groups = Math.max(groups, other.groups);
        laidOut = null;
    }

    /** Number of groups: one more than the largest group id seen. */
    public int groupCount() {
        return groups;
    }

    /** Number of values in group {@code gid}. */
    public long count(int gid) {
        layOut();
        return gid + 1 < starts.length ? starts[gid + 1] - starts[gid] : 0;
    }

    public double[] median() {
        return percentileCont(0.5);
    }

    /**
     * PostgreSQL's percentile_cont: with the group's values sorted, position {@code f * (n - 1)}
     * interpolated linearly between its floor and ceiling.
     */
    public double[] percentileCont(double f) {
        return percentileCont(f, false);
    }

    /**
     * percentile_cont(f) WITHIN GROUP (ORDER BY x [DESC]): the position counts in the requested
     * order (NaN first when descending, as PostgreSQL sorts it above every number).
     */
    public double[] percentileCont(double f, boolean descending) {
        check(f);
        layOut();
        double[] out = new double[groups];
        for (int g = 0; g < groups; g++) {
            int from = starts[g];
            int cnt = starts[g + 1] - from;
            if (cnt == 0) {
                out[g] = Double.NaN;
                continue;
            }
            double pos = f * (cnt - 1);
            int first = (int) Math.floor(pos);
            int second = (int) Math.ceil(pos);
            double lo;
            double hi;
            if (first == second) {
                out[g] = rank(from, cnt, descending ? cnt - 1 - first : first);
                continue;
            } else if (descending) {
                // ascending ranks cnt-1-second < cnt-1-first = that + 1
                hi = rank(from, cnt, cnt - 1 - second);
                lo = next(from, cnt, cnt - 1 - second);
            } else {
                lo = rank(from, cnt, first);
                hi = next(from, cnt, first);
            }
            out[g] = lo + (pos - first) * (hi - lo); // float8_lerp
        }
        return out;
    }

    /** PostgreSQL's percentile_disc: the first value whose position reaches fraction {@code f}. */
    public double[] percentileDisc(double f) {
        return percentileDisc(f, false);
    }

    /** percentile_disc(f) WITHIN GROUP (ORDER BY x [DESC]). */
    public double[] percentileDisc(double f, boolean descending) {
        check(f);
        layOut();
        double[] out = new double[groups];
        for (int g = 0; g < groups; g++) {
            int from = starts[g];
            int cnt = starts[g + 1] - from;
            if (cnt == 0) {
                out[g] = Double.NaN;
                continue;
            }
            long row = (long) Math.ceil(f * cnt);
            int k = (int) Math.max(row, 1) - 1;
            out[g] = rank(from, cnt, descending ? cnt - 1 - k : k);
        }
        return out;
    }

    /**
     * Adds every value of {@code other} (a partial state, e.g. another thread's), its group g
     * becoming group {@code groupMap[g]} here; {@code groupMap} null keeps the ids.
     */
    public void addAll(Quantiles other, int[] groupMap) {
        int m = other.n;
        boolean grouped = other.gids != null || (groupMap != null && groupMap.length > 0 && groupMap[0] != 0);
        ensure(m, grouped);
        if (gids != null) {
            for (int i = 0; i < m; i++) {
                int g = other.gids == null ? 0 : other.gids[i];
                int to = groupMap == null ? g : groupMap[g];
                gids[n + i] = to;
                groups = Math.max(groups, to + 1);
            }
        } else if (m > 0) {
            groups = Math.max(groups, 1);
        }
        System.arraycopy(other.values, 0, values, n, m);
        n += m;
        laidOut = null;
    }

    /** The k-th smallest value (0-based) of the group at {@code from}; NaNs count as largest. */
    private double rank(int from, int cnt, int k) {
        int numbers = nanEnd(from, cnt) - from;
        return k >= numbers ? Double.NaN : Select.kth(laidOut, from, from + numbers, from + k);
    }

    /** The value of rank k + 1 right after {@link #rank} placed rank k. */
    private double next(int from, int cnt, int k) {
        int numbers = nanEnd(from, cnt) - from;
        return k + 1 >= numbers ? Double.NaN : Select.min(laidOut, from + k + 1, from + numbers);
    }

    private int nanEnd(int from, int cnt) {
        return Select.nanLast(laidOut, from, from + cnt);
    }

    private static void check(double f) {
        if (!(f >= 0 && f <= 1)) {
            throw new InvalidPercentileException(f);
        }
    }

    private void layOut() {
        if (laidOut != null) {
            return;
        }
        starts = new int[groups + 1];
        if (gids == null) {
            laidOut = values; // one group: select in place
            if (groups == 1) {
                starts[1] = n;
            }
            return;
        }
        for (int i = 0; i < n; i++) {
            starts[gids[i] + 1]++;
        }
        for (int g = 0; g < groups; g++) {
            starts[g + 1] += starts[g];
        }
        int[] fill = Arrays.copyOf(starts, groups);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[fill[gids[i]]++] = values[i];
        }
        laidOut = out;
    }
}
