package org.yggdrasil.planner.vexec;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import org.apache.calcite.sql.type.SqlTypeName;
import org.yggdrasil.planner.vexec.Kernels.Grouped;

/**
 * The aggregates of a GROUP BY query: one slot per group in primitive arrays that grow with the
 * number of groups, fed a chunk at a time from group ids and work vectors.
 *
 * <p>Work is shared where results allow: selected rows are counted per group once for all
 * aggregates ({@link #rowCounts}); {@code nullArgs} counts, per aggregate, only the selected rows
 * where its argument is NULL or its own filter ({@link AggFilters}) leaves the row out, which no
 * pass visits in a chunk without NULLs for an aggregate without a filter. Aggregates with the
 * same state (SUM and Calcite's SUM0 of one argument, as AVG becomes) keep one state
 * ({@link #stateOf}).
 */
final class GroupedAggregates {
  private final List<AggSpec> aggs;
  private final List<ColumnSlot> slots;
  /**
   * Selected rows per group whose aggregate's argument is NULL or that its filter leaves out (a
   * row count is rowCounts - this).
   */
  private final long[][] nullArgs;
  /** Selected rows per group, counted once for all aggregates. */
  private long[] rowCounts = new long[0];
  /** Whether any aggregate reads row counts (not so for a bare GROUP BY, as DISTINCT becomes). */
  private final boolean countsRows;
  /** stateOf[i]: the aggregate whose state aggregate i reads (itself unless it shares one). */
  private final int[] stateOf;
  private final long[][] longs;
  private final double[][] doubles;
  private final StatAggregates stats;
  /**
   * For numeric sums: how many times each group's long sum wrapped around (the exact sum is
   * longs + wraps * 2^64, see {@link Grouped#sumLongWide}) and the rows a long could not hold.
   */
  private final long[][] wraps;
  private final BigInteger[][] beyond;
  private int capacity;
  /** Group ids in use so far (ids below this), for the dense-domain kernels. */
  private int groups;
  private final DenseSums sums = new DenseSums();
  private final AggFilters filters;
  /** For MIN and MAX of a text column, each group's extreme so far; else null. */
  private final TextExtremes[] texts;

  GroupedAggregates(List<AggSpec> aggs, List<ColumnSlot> slots) {
    this(aggs, slots, AggFilters.NONE);
  }

  GroupedAggregates(List<AggSpec> aggs, List<ColumnSlot> slots, AggFilters filters) {
    this.aggs = aggs;
    this.filters = filters;
    this.slots = slots;
    int n = aggs.size();
    nullArgs = new long[n][];
    longs = new long[n][];
    doubles = new double[n][];
    wraps = new long[n][];
    beyond = new BigInteger[n][];
    capacity = 0;
    stats = new StatAggregates(aggs, slots);
    countsRows = aggs.stream().anyMatch(a -> !a.fn().statistical());
    stateOf = new int[n];
    texts = new TextExtremes[n];
    for (int i = 0; i < n; i++) {
      AggSpec a = aggs.get(i);
      if ((a.fn() == AggSpec.Fn.MIN || a.fn() == AggSpec.Fn.MAX) && slots.get(a.minMaxSlot()).isText()) {
        texts[i] = new TextExtremes(a.minMaxSlot(), a.fn() == AggSpec.Fn.MIN);
      }
    }
    for (int i = 0; i < n; i++) {
      stateOf[i] = i;
      for (int j = 0; j < i; j++) {
        if (stateOf[j] == j && sameState(aggs.get(i), aggs.get(j))) {
          stateOf[i] = j;
          break;
        }
      }
    }
    ensure(64);
    groups = 0; // room made ahead of use: no group exists yet
  }

  /** Whether two aggregates accumulate exactly the same way (they differ at most in SUM / SUM0). */
  private static boolean sameState(AggSpec a, AggSpec b) {
    boolean sums = (a.fn() == AggSpec.Fn.SUM || a.fn() == AggSpec.Fn.SUM0)
        && (b.fn() == AggSpec.Fn.SUM || b.fn() == AggSpec.Fn.SUM0);
    boolean counts = a.fn() == AggSpec.Fn.COUNT && b.fn() == AggSpec.Fn.COUNT;
    return (sums || counts) && java.util.Objects.equals(a.arg(), b.arg())
        && a.resultType() == b.resultType() && a.resultScale() == b.resultScale()
        && java.util.Objects.equals(a.filter(), b.filter()) && a.zeroOutside() == b.zeroOutside();
  }

  private boolean exactArg(AggSpec a) {
    if (a.fn() == AggSpec.Fn.MIN || a.fn() == AggSpec.Fn.MAX) {
      return !slots.get(a.minMaxSlot()).isFloating();
    }
    return a.arg() != null && a.arg().kind() == VecExpr.Kind.LONG;
  }

  /** Numeric sums never overflow: they run wide and keep what exceeds a long as BigIntegers. */
  private boolean wide(AggSpec a) {
    return (a.fn() == AggSpec.Fn.SUM || a.fn() == AggSpec.Fn.SUM0) && exactArg(a)
        && a.resultType() == SqlTypeName.DECIMAL;
  }

  /** Makes room for group ids below {@code groups}. */
  void ensure(int groups) {
    this.groups = Math.max(this.groups, groups);
    if (groups <= capacity) {
      return;
    }
    int old = capacity;
    int cap = Math.max(groups, capacity * 2);
    for (int i = 0; i < aggs.size(); i++) {
      AggSpec a = aggs.get(i);
      nullArgs[i] = nullArgs[i] == null ? new long[cap] : Arrays.copyOf(nullArgs[i], cap);
      if (texts[i] != null) {
        texts[i].ensure(cap);
        continue;
      }
      if (a.fn() == AggSpec.Fn.COUNT || a.fn().statistical()) {
        continue;
      }
      if (exactArg(a)) {
        longs[i] = longs[i] == null ? new long[cap] : Arrays.copyOf(longs[i], cap);
        if (wide(a)) {
          wraps[i] = wraps[i] == null ? new long[cap] : Arrays.copyOf(wraps[i], cap);
          beyond[i] = beyond[i] == null ? new BigInteger[cap] : Arrays.copyOf(beyond[i], cap);
        }
        if (a.fn() == AggSpec.Fn.MIN || a.fn() == AggSpec.Fn.MAX) {
          Arrays.fill(longs[i], old, cap, a.fn() == AggSpec.Fn.MIN ? Long.MAX_VALUE : Long.MIN_VALUE);
        }
      } else {
        doubles[i] = doubles[i] == null ? new double[cap] : Arrays.copyOf(doubles[i], cap);
        if (a.fn() == AggSpec.Fn.MIN || a.fn() == AggSpec.Fn.MAX) {
          Arrays.fill(doubles[i], old, cap,
              a.fn() == AggSpec.Fn.MIN ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY);
        }
      }
    }
    rowCounts = Arrays.copyOf(rowCounts, cap);
    stats.ensure(cap);
    capacity = cap;
  }

  void add(ChunkData chunk, long[] sel, int[] gids, ExprEvaluator eval, Scratch scratch) {
    int rows = chunk.rows();
    sums.newChunk(sel);
    for (int i = 0; i < aggs.size(); i++) {
      if (stateOf[i] != i) {
        continue;
      }
      AggSpec a = aggs.get(i);
      long[] kept = filters.rows(i, chunk, sel, scratch);
      long[] argSel = AggArgs.selection(a, chunk, kept, scratch);
      // rows left out of the aggregate: with CASE WHEN c THEN x ELSE 0 only those where c holds
      // and x is NULL, for the others are zeros
      long[] leftOutOf = a.zeroOutside() ? kept : sel;
      if (argSel != leftOutOf) {
        long[] nulls = Selections.copyOrAll(leftOutOf, rows, scratch);
        org.yggdrasil.accel.kernels.Bitmaps.andNot(nulls, argSel, rows);
        Grouped.count(gids, rows, nulls, nullArgs[i]);
        scratch.releaseBitmap(nulls);
      }
      switch (a.fn()) {
        case COUNT -> {}
        case PERCENTILE_CONT, PERCENTILE_DISC, CORR, COVAR_POP, COVAR_SAMP, VAR_POP, VAR_SAMP,
            STDDEV_POP, STDDEV_SAMP ->
            stats.add(i, chunk, argSel, gids, eval, scratch);
        case SUM, SUM0 -> {
          if (wide(a)) {
            long[] v = eval.longs(a.arg(), chunk);
            if (v == null) {
              ExactRows.sumGroups(a.arg(), chunk, argSel, gids, beyond[i]);
            } else {
              sums.sumLongWide(groups, gids, v, rows, argSel, longs[i], wraps[i]);
              scratch.release(v);
            }
          } else if (exactArg(a)) {
            long[] v = eval.longs(a.arg(), chunk);
            sums.sumLong(groups, gids, v, rows, argSel, longs[i]);
            scratch.release(v);
          } else {
            double[] v = eval.doubles(a.arg(), chunk);
            sums.sumDouble(groups, gids, v, rows, argSel, doubles[i]);
            scratch.release(v);
          }
        }
        case MIN, MAX -> {
          if (texts[i] != null) {
            texts[i].add(chunk, argSel, gids);
            break;
          }
          VecExpr.Column c = new VecExpr.Column(a.minMaxSlot(),
              exactArg(a) ? VecExpr.Kind.LONG : VecExpr.Kind.DOUBLE);
          boolean min = a.fn() == AggSpec.Fn.MIN;
          if (exactArg(a)) {
            long[] v = eval.longs(c, chunk);
            if (min) {
              Grouped.minLong(gids, v, rows, argSel, longs[i]);
            } else {
              Grouped.maxLong(gids, v, rows, argSel, longs[i]);
            }
            scratch.release(v);
          } else {
            double[] v = eval.doubles(c, chunk);
            if (min) {
              Grouped.minDouble(gids, v, rows, argSel, doubles[i]);
            } else {
              Grouped.maxDouble(gids, v, rows, argSel, doubles[i]);
            }
            scratch.release(v);
          }
        }
      }
      AggArgs.release(argSel, kept, scratch);
    }
    filters.endChunk(scratch);
    if (countsRows) {
      sums.count(groups, gids, rows, sel, rowCounts);
    }
  }

  /** Adds the statistical states of {@code o}, its group g going to group {@code map[g]}. */
  void mergeStats(GroupedAggregates o, int[] map) {
    stats.merge(o.stats, map);
  }

  /** Adds group {@code from} of {@code o} into group {@code to} of this (statistical aggregates: see mergeStats). */
  void mergeGroup(GroupedAggregates o, int from, int to) {
    rowCounts[to] += o.rowCounts[from];
    for (int i = 0; i < aggs.size(); i++) {
      if (stateOf[i] != i) {
        continue;
      }
      AggSpec a = aggs.get(i);
      nullArgs[i][to] += o.nullArgs[i][from];
      if (texts[i] != null) {
        texts[i].merge(o.texts[i], from, to);
        continue;
      }
      switch (a.fn()) {
        case COUNT -> {}
        case SUM, SUM0 -> {
          if (wide(a)) {
            org.yggdrasil.accel.agg.Grouped.addWide(to, o.longs[i][from], longs[i], wraps[i]);
            wraps[i][to] += o.wraps[i][from];
            beyond[i][to] = ExactRows.add(beyond[i][to], o.beyond[i][from]);
          } else if (exactArg(a)) {
            longs[i][to] = Math.addExact(longs[i][to], o.longs[i][from]);
          } else {
            doubles[i][to] += o.doubles[i][from];
          }
        }
        case MIN -> {
          if (exactArg(a)) {
            longs[i][to] = Math.min(longs[i][to], o.longs[i][from]);
          } else {
            doubles[i][to] = pgMin(doubles[i][to], o.doubles[i][from]);
          }
        }
        case MAX -> {
          if (exactArg(a)) {
            longs[i][to] = Math.max(longs[i][to], o.longs[i][from]);
          } else {
            doubles[i][to] = pgMax(doubles[i][to], o.doubles[i][from]);
          }
        }
      }
    }
  }

  /** The part of group g's wide sum beyond its long accumulator, or null. */
  private BigInteger beyondLong(int i, int g) {
    BigInteger b = beyond[i][g];
    long w = wraps[i][g];
    return w == 0 ? b : ExactRows.add(b, BigInteger.valueOf(w).shiftLeft(64));
  }

  private static double pgMin(double a, double b) {
    return Double.isNaN(a) ? b : Double.isNaN(b) ? a : Math.min(a, b);
  }

  private static double pgMax(double a, double b) {
    return Double.isNaN(a) || Double.isNaN(b) ? Double.NaN : Math.max(a, b);
  }

  /** Writes the aggregates of group {@code g} into {@code row} from {@code at}. */
  void values(int g, Object[] row, int at) {
    for (int k = 0; k < aggs.size(); k++) {
      AggSpec a = aggs.get(k);
      int i = stateOf[k];
      long n = rowCounts[g] - nullArgs[i][g];
      row[at + k] = switch (a.fn()) {
        case COUNT -> ResultValues.count(n);
        case SUM, SUM0 -> wide(a) ? ResultValues.exactSum(a, longs[i][g], beyondLong(i, g), n)
            : exactArg(a) ? ResultValues.exactSum(a, longs[i][g], n)
            : ResultValues.doubleSum(a, doubles[i][g], n);
        case MIN, MAX -> {
          ColumnSlot slot = slots.get(a.minMaxSlot());
          if (texts[i] != null) {
            yield texts[i].value(g);
          }
          yield exactArg(a) ? ResultValues.exactExtreme(slot, longs[i][g], n > 0)
              : ResultValues.doubleExtreme(slot, doubles[i][g], n > 0);
        }
        case PERCENTILE_CONT, PERCENTILE_DISC, CORR, COVAR_POP, COVAR_SAMP, VAR_POP, VAR_SAMP,
            STDDEV_POP, STDDEV_SAMP -> stats.value(i, g);
      };
    }
  }
}
