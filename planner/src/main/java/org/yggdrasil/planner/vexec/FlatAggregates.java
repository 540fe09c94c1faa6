package org.yggdrasil.planner.vexec;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import org.yggdrasil.planner.vexec.Kernels.Aggregates;
import org.yggdrasil.planner.vexec.Kernels.ExactProductSum;
import org.yggdrasil.accel.kernels.Bitmaps;
import org.yggdrasil.accel.kernels.Lane;
import org.yggdrasil.accel.strings.Utf8Length;
import org.yggdrasil.storage.nativestore.chunk.ChunkStats;

/**
 * The aggregates of a query without GROUP BY, accumulated chunk by chunk straight from column
 * memory where the argument is a column (or a product of two), from chunk statistics where
 * nothing is filtered or deleted, and from computed work vectors otherwise.
 */
final class FlatAggregates {
  private final List<AggSpec> aggs;
  private final List<ColumnSlot> slots;
  private final long[] counts;
  private final long[] longSums;
  private final double[] doubleSums;
  private final double[] compensation;
  private final long[] longExtremes;
  private final double[] doubleExtremes;
  private final boolean[] found;
  private final StatAggregates stats;
  /** Exact sums beyond the long range (numeric results only), added to longSums; null = 0. */
  private final BigInteger[] spill;
  private final AggFilters filters;
  /** For MIN and MAX of a text column, its extreme so far; else null. */
  private final TextExtremes[] texts;

  FlatAggregates(List<AggSpec> aggs, List<ColumnSlot> slots) {
    this(aggs, slots, AggFilters.NONE);
  }

  FlatAggregates(List<AggSpec> aggs, List<ColumnSlot> slots, AggFilters filters) {
    this.aggs = aggs;
    this.filters = filters;
    this.slots = slots;
    int n = aggs.size();
    counts = new long[n];
    longSums = new long[n];
    doubleSums = new double[n];
    compensation = new double[n];
    longExtremes = new long[n];
    doubleExtremes = new double[n];
    found = new boolean[n];
    stats = new StatAggregates(aggs, slots);
    spill = new BigInteger[n];
    texts = new TextExtremes[n];
    for (int i = 0; i < n; i++) {
      AggSpec a = aggs.get(i);
      if ((a.fn() == AggSpec.Fn.MIN || a.fn() == AggSpec.Fn.MAX) && slots.get(a.minMaxSlot()).isText()) {
        texts[i] = new TextExtremes(a.minMaxSlot(), a.fn() == AggSpec.Fn.MIN);
      }
    }
  }

  /** True when chunk statistics answer every aggregate (no filter, no deleted rows). */
  boolean statsAnswer(ChunkData chunk) {
    for (AggSpec a : aggs) {
      if (a.fn().statistical() || a.filter() != null) {
        return false;
      }
      if (a.arg() == null) {
        continue;
      }
      if (!(a.arg() instanceof VecExpr.Column c)) {
        return false;
      }
      ColumnSlot slot = slots.get(c.slot());
      ChunkStats s = chunk.chunk(c.slot()).stats();
      switch (a.fn()) {
        case COUNT -> {}
        case SUM, SUM0 -> {
          if (s.sum() == null && s.nullCount() < s.rowCount()) {
            return false;
          }
          if (c.kind() == VecExpr.Kind.DOUBLE && !slot.isFloating()) {
            return false;
          }
        }
        case MIN, MAX -> {
          if (slot.isFloating() || slot.isText() || (s.min() == null && s.nullCount() < s.rowCount())) {
            return false;
          }
        }
      }
    }
    return true;
  }

  void addStats(ChunkData chunk) {
    int rows = chunk.rows();
    for (int i = 0; i < aggs.size(); i++) {
      AggSpec a = aggs.get(i);
      if (a.arg() == null) {
        counts[i] += rows;
        continue;
      }
      int slotIndex = ((VecExpr.Column) a.arg()).slot();
      ColumnSlot slot = slots.get(slotIndex);
      ChunkStats s = chunk.chunk(slotIndex).stats();
      long nonNull = s.rowCount() - s.nullCount();
      counts[i] += nonNull;
      if (nonNull == 0) {
        continue;
      }
      switch (a.fn()) {
        case COUNT -> {}
        case SUM, SUM0 -> {
          if (slot.isFloating()) {
            addDouble(i, ((Number) s.sum()).doubleValue());
          } else {
            if (s.sum() instanceof BigDecimal d) {
              addExact(i, d.movePointRight(slot.scale()).toBigIntegerExact());
            } else {
              addLong(i, ((Number) s.sum()).longValue());
            }
          }
        }
        case MIN -> extremeLong(i, slot.encoding().toBits(s.min()), true);
        case MAX -> extremeLong(i, slot.encoding().toBits(s.max()), false);
      }
    }
  }

  /** Adds the selected rows of the current chunk. */
  void add(ChunkData chunk, long[] sel, ExprEvaluator eval, Scratch scratch) {
    int rows = chunk.rows();
    for (int i = 0; i < aggs.size(); i++) {
      AggSpec a = aggs.get(i);
      long[] kept = filters.rows(i, chunk, sel, scratch);
      long[] argSel = AggArgs.selection(a, chunk, kept, scratch);
      long n = Selections.count(argSel, rows);
      counts[i] += n;
      if (a.zeroOutside()) {
        // CASE WHEN c THEN x ELSE 0: rows where c is not true are zeros, so they count
        counts[i] += Selections.count(sel, rows) - Selections.count(kept, rows);
      }
      if (n > 0 && a.fn() != AggSpec.Fn.COUNT) {
        accumulate(i, a, chunk, argSel, eval, scratch);
      }
      AggArgs.release(argSel, kept, scratch);
    }
    filters.endChunk(scratch);
  }

  private void accumulate(int i, AggSpec a, ChunkData chunk, long[] sel, ExprEvaluator eval,
      Scratch scratch) {
    int rows = chunk.rows();
    switch (a.fn()) {
      case SUM, SUM0 -> {
        VecExpr e = a.arg();
        if (e instanceof VecExpr.Column c && c.kind() == VecExpr.Kind.LONG) {
          try {
            addLong(i, Aggregates.sumLong(chunk.data(c.slot()), slots.get(c.slot()).lane(), rows, sel));
          } catch (ArithmeticException overflow) {
            addExact(i, ExactRows.sum(e, chunk, sel));
          }
        } else if (e instanceof VecExpr.Exact x && x.op() == VecExpr.ArithOp.MUL
            && x.left() instanceof VecExpr.Column l && x.right() instanceof VecExpr.Column r
            && slots.get(l.slot()).lane() == Lane.LONG && slots.get(r.slot()).lane() == Lane.LONG) {
          // numeric column times numeric column (TPC-H Q6): fused, reading only selected words
          try {
            addLong(i, ExactProductSum.sum(chunk.data(l.slot()), chunk.data(r.slot()), rows, sel));
          } catch (ArithmeticException overflow) {
            addExact(i, ExactRows.sum(x, chunk, sel));
          }
        } else if (e instanceof VecExpr.Exact x) {
          long[] v = eval.longs(x, chunk);
          if (v == null) {
            addExact(i, ExactRows.sum(x, chunk, sel));
          } else {
            try {
              addLong(i, Aggregates.sumLong(v, rows, sel));
            } catch (ArithmeticException overflow) {
              addExact(i, ExactRows.sum(v, rows, sel));
            }
            scratch.release(v);
          }
        } else if (e instanceof VecExpr.Constant k && k.kind() == VecExpr.Kind.LONG) {
          // sum(CASE WHEN c THEN 1 ELSE 0 END): the constant times the rows
          long n = Selections.count(sel, rows);
          addExact(i, BigInteger.valueOf(((Number) k.value().literal()).longValue())
              .multiply(BigInteger.valueOf(n)));
        } else if (e instanceof VecExpr.CharLength l) {
          addLong(i, Utf8Length.sumChars(chunk.chunk(l.slot()).offsets(), chunk.data(l.slot()), rows, sel));
        } else if (e instanceof VecExpr.Column c && slots.get(c.slot()).isFloating()) {
          addDouble(i, Aggregates.sumDouble(chunk.data(c.slot()), slots.get(c.slot()).lane(), rows, sel));
        } else if (e instanceof VecExpr.Arith m && m.op() == VecExpr.ArithOp.MUL
            && m.left() instanceof VecExpr.Column x && m.right() instanceof VecExpr.Column y
            && slots.get(x.slot()).isFloating() && slots.get(y.slot()).isFloating()) {
          addDouble(i, Aggregates.sumProduct(chunk.data(x.slot()), slots.get(x.slot()).lane(),
              chunk.data(y.slot()), slots.get(y.slot()).lane(), rows, sel));
        } else {
          double[] v = eval.doubles(e, chunk);
          addDouble(i, Aggregates.sumDouble(v, rows, sel));
          scratch.release(v);
        }
      }
      case MIN, MAX -> {
        boolean min = a.fn() == AggSpec.Fn.MIN;
        int s = a.minMaxSlot();
        ColumnSlot slot = slots.get(s);
        if (texts[i] != null) {
          texts[i].add(chunk, sel, null);
        } else if (slot.isFloating()) {
          double[] out = new double[1];
          boolean any = min ? Aggregates.minDouble(chunk.data(s), slot.lane(), rows, sel, out)
              : Aggregates.maxDouble(chunk.data(s), slot.lane(), rows, sel, out);
          if (any) {
            extremeDouble(i, out[0], min);
          }
        } else {
          long[] out = new long[1];
          boolean any = min ? Aggregates.minLong(chunk.data(s), slot.lane(), rows, sel, out)
              : Aggregates.maxLong(chunk.data(s), slot.lane(), rows, sel, out);
          if (any) {
            extremeLong(i, out[0], min);
          }
        }
      }
      case PERCENTILE_CONT, PERCENTILE_DISC, CORR, COVAR_POP, COVAR_SAMP, VAR_POP, VAR_SAMP,
            STDDEV_POP, STDDEV_SAMP ->
          stats.add(i, chunk, sel, null, eval, scratch);
      case COUNT -> {}
    }
  }

  private void addLong(int i, long v) {
    if (addOverflows(longSums[i], v)) {
      addExact(i, BigInteger.valueOf(v));
    } else {
      longSums[i] += v;
    }
  }

  /** Adds a sum that may not fit a long: exact for numeric results, else out of range. */
  private void addExact(int i, BigInteger v) {
    if (v.bitLength() < 64 && !addOverflows(longSums[i], v.longValue())) {
      longSums[i] += v.longValue();
      return;
    }
    if (aggs.get(i).resultType() != org.apache.calcite.sql.type.SqlTypeName.DECIMAL) {
      throw ResultValues.overflow();
    }
    spill[i] = ExactRows.add(spill[i], v);
  }

  private static boolean addOverflows(long a, long b) {
    long t = a + b;
    return ((a ^ t) & (b ^ t)) < 0;
  }

  /** Kahan-Babuska (Neumaier) summation across chunks. */
  private void addDouble(int i, double v) {
    double s = doubleSums[i];
    double t = s + v;
    if (Math.abs(s) >= Math.abs(v)) {
      compensation[i] += (s - t) + v;
    } else {
      compensation[i] += (v - t) + s;
    }
    doubleSums[i] = t;
  }

  private void extremeLong(int i, long v, boolean min) {
    if (!found[i] || (min ? v < longExtremes[i] : v > longExtremes[i])) {
      longExtremes[i] = v;
    }
    found[i] = true;
  }

  private void extremeDouble(int i, double v, boolean min) {
    // PostgreSQL orders NaN above every number
    if (!found[i] || (min ? Double.compare(v, doubleExtremes[i]) < 0 && !(v == 0 && doubleExtremes[i] == 0)
        : Double.compare(v, doubleExtremes[i]) > 0 && !(v == 0 && doubleExtremes[i] == 0))) {
      doubleExtremes[i] = v;
    }
    found[i] = true;
  }

  void merge(FlatAggregates o) {
    stats.merge(o.stats, null);
    for (int i = 0; i < aggs.size(); i++) {
      counts[i] += o.counts[i];
      addLong(i, o.longSums[i]);
      addDouble(i, o.doubleSums[i]);
      compensation[i] += o.compensation[i];
      if (o.spill[i] != null) {
        addExact(i, o.spill[i]);
      }
      if (texts[i] != null) {
        texts[i].merge(o.texts[i], 0, 0);
      } else if (o.found[i]) {
        boolean min = aggs.get(i).fn() == AggSpec.Fn.MIN;
        if (slots.get(Math.max(aggs.get(i).minMaxSlot(), 0)).isFloating()) {
          extremeDouble(i, o.doubleExtremes[i], min);
        } else {
          extremeLong(i, o.longExtremes[i], min);
        }
      }
    }
  }

  /** The one output row (no GROUP BY: always exactly one). */
  Object[] result() {
    Object[] row = new Object[aggs.size()];
    for (int i = 0; i < row.length; i++) {
      AggSpec a = aggs.get(i);
      row[i] = switch (a.fn()) {
        case COUNT -> ResultValues.count(counts[i]);
        case SUM, SUM0 -> isExact(a) ? ResultValues.exactSum(a, longSums[i], spill[i], counts[i])
            : ResultValues.doubleSum(a,
                org.yggdrasil.accel.agg.Grouped.compensated(doubleSums[i], compensation[i]), counts[i]);
        case MIN, MAX -> {
          ColumnSlot slot = slots.get(a.minMaxSlot());
          if (texts[i] != null) {
            yield texts[i].value(0);
          }
          yield slot.isFloating() ? ResultValues.doubleExtreme(slot, doubleExtremes[i], found[i])
              : ResultValues.exactExtreme(slot, longExtremes[i], found[i]);
        }
        case PERCENTILE_CONT, PERCENTILE_DISC, CORR, COVAR_POP, COVAR_SAMP, VAR_POP, VAR_SAMP,
            STDDEV_POP, STDDEV_SAMP -> stats.value(i, 0);
      };
    }
    return row;
  }

  /** True when a sum accumulates exact integers (its argument is an exact column or a length). */
  static boolean isExact(AggSpec a) {
    return a.arg().kind() == VecExpr.Kind.LONG;
  }
}
