package org.yggdrasil.planner.vexec;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.linq4j.Linq4j;
import org.yggdrasil.accel.iforest.IsolationForest;
import org.yggdrasil.accel.iforest.Measure;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.planner.model.AnomalyRuntime;
import org.yggdrasil.planner.schema.InternalValues;
import org.yggdrasil.storage.nativestore.TableVersion;
import org.yggdrasil.storage.nativestore.chunk.ColumnChunk;
import org.yggdrasil.storage.nativestore.chunk.Physical;

/**
 * Runs a {@link ScorePlan} a chunk at a time: zone maps and the vectorized filter first, so rows
 * and chunks the filter prunes are never scored; then the kept rows' features go to the forest as
 * one batch per chunk ({@link IsolationForest#evaluate(double[][], int, int, Measure, double[])})
 * and only the columns the plan passes through are turned into row values. Chunks are scored
 * {@code ygg.threads} at a time by parallel workers and emitted in table order, so the output is
 * the row-at-a-time scan's, in the same order, with bit-identical scores.
 */
public final class ScoreRunner {
  private ScoreRunner() {}

  /** Called by generated code (see {@code AccelScoreRel}). */
  public static Enumerable<Object[]> run(DataContext root, ScorePlan plan) {
    TableVersion table = plan.table().versionAt(root);
    RowFilter filter = plan.filter() == null ? null : RowFilter.bind(plan.filter(), plan.columns(), root);
    // resolved here, on the statement's thread, against the snapshot it reads
    IsolationForest[] forests = new IsolationForest[plan.scores().size()];
    for (int i = 0; i < forests.length; i++) {
      ScorePlan.Score s = plan.scores().get(i);
      forests[i] = AnomalyRuntime.forest(s.model(), s.features().size());
    }
    int threads = MorselPool.workers(root, table.chunkCount());
    AtomicBoolean cancel = DataContext.Variable.CANCEL_FLAG.get(root);
    return new AbstractEnumerable<>() {
      @Override
      public Enumerator<Object[]> enumerator() {
        return Linq4j.iterableEnumerator(() -> new Rounds(root, plan, table, filter, forests, threads, cancel));
      }
    };
  }

  /** The output rows, computed {@code threads} chunks at a time as they are consumed. */
  private static final class Rounds implements Iterator<Object[]> {
    private final TableVersion table;
    private final AtomicBoolean cancel;
    private final List<ChunkScorer> scorers = new ArrayList<>();
    private int nextChunk;
    private final List<List<Object[]>> round = new ArrayList<>();
    private int part;
    private int at;

    Rounds(DataContext root, ScorePlan plan, TableVersion table, RowFilter filter, IsolationForest[] forests,
        int threads, AtomicBoolean cancel) {
      this.table = table;
      this.cancel = cancel;
      for (int i = 0; i < threads; i++) {
        scorers.add(new ChunkScorer(root, plan, table, filter, forests));
      }
    }

    @Override
    public boolean hasNext() {
      while (part >= round.size() || at >= round.get(part).size()) {
        if (part < round.size()) {
          part++;
          at = 0;
          continue;
        }
        if (nextChunk >= table.chunkCount()) {
          return false;
        }
        scoreRound();
      }
      return true;
    }

    @Override
    public Object[] next() {
      if (!hasNext()) {
        throw new java.util.NoSuchElementException();
      }
      return round.get(part).get(at++);
    }

    private void scoreRound() {
      if (cancel != null && cancel.get()) {
        throw new SqlStateException(SqlState.QUERY_CANCELED, "canceling statement due to user request");
      }
      int n = Math.min(scorers.size(), table.chunkCount() - nextChunk);
      int first = nextChunk;
      nextChunk += n;
      List<Callable<List<Object[]>>> tasks = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        ChunkScorer s = scorers.get(i);
        int c = first + i;
        tasks.add(() -> s.score(c));
      }
      round.clear();
      round.addAll(MorselPool.callAll(tasks));
      part = 0;
      at = 0;
    }
  }

  /** One worker's state: filters, reads and scores one chunk at a time. */
  private static final class ChunkScorer {
    private final ScorePlan plan;
    private final RowFilter filter;
    private final IsolationForest[] forests;
    private final ChunkData chunk;
    private final Scratch scratch;
    private final ExprEvaluator expressions;
    private final long[] sel;
    private final int[] rows;

    ChunkScorer(DataContext root, ScorePlan plan, TableVersion table, RowFilter filter, IsolationForest[] forests) {
      this.plan = plan;
      this.filter = filter;
      this.forests = forests;
      this.chunk = new ChunkData(table, plan.columns());
      // no chunk holds more rows than the table: a small table gets small work vectors
      int capacity = (int) Math.max(1, Math.min(table.chunkRows(), table.physicalRows()));
      this.scratch = new Scratch(capacity);
      this.expressions = new ExprEvaluator(root, scratch);
      this.sel = new long[org.yggdrasil.accel.kernels.Bitmaps.words(capacity)];
      this.rows = new int[capacity];
    }

    List<Object[]> score(int c) {
      int physical = chunk.moveTo(c);
      if (physical == 0 || (filter != null && !filter.mayMatch(chunk))) {
        return List.of();
      }
      long[] kept = ChunkSelection.select(chunk, filter, sel, scratch);
      int m = 0;
      if (kept == null) {
        for (int r = 0; r < physical; r++) {
          rows[m++] = r;
        }
      } else {
        for (int w = 0; w < org.yggdrasil.accel.kernels.Bitmaps.words(physical); w++) {
          for (long x = kept[w]; x != 0; x &= x - 1) {
            rows[m++] = (w << 6) + Long.numberOfTrailingZeros(x);
          }
        }
      }
      if (m == 0) {
        return List.of();
      }
      expressions.newChunk();
      List<ScorePlan.Score> scores = plan.scores();
      double[][] values = new double[scores.size()][];
      boolean[][] nulls = new boolean[scores.size()][];
      for (int s = 0; s < scores.size(); s++) {
        List<VecExpr> exprs = scores.get(s).features();
        double[][] features = new double[exprs.size()][m];
        boolean[] isNull = null;
        for (int f = 0; f < exprs.size(); f++) {
          isNull = exprs.get(f) instanceof VecExpr.Column col
              ? readDoubles(chunk.chunk(col.slot()), m, features[f], isNull)
              : computeDoubles(exprs.get(f), m, features[f], isNull);
        }
        values[s] = new double[m];
        nulls[s] = isNull;
        forests[s].evaluate(features, 0, m, scores.get(s).measure(), values[s]);
      }
      List<Integer> pass = plan.passThrough();
      int width = pass.size() + scores.size();
      Object[][] made = new Object[m][width];
      // column by column: each column's kind is looked at once, not once per value
      for (int p = 0; p < pass.size(); p++) {
        int slot = pass.get(p);
        if (slot >= 0) {
          passThrough(chunk.chunk(slot), m, made, p);
        }
      }
      List<Object[]> out = new ArrayList<>(m);
      for (int i = 0; i < m; i++) {
        Object[] row = made[i];
        for (int s = 0; s < scores.size(); s++) {
          if (nulls[s] == null || !nulls[s][i]) {
            double value = values[s][i];
            row[pass.size() + s] = scores.get(s).measure() == Measure.PREDICT ? (Object) (int) value : (Object) value;
          }
        }
        out.add(row);
      }
      return out;
    }

    /** Sets field {@code p} of the kept rows' output rows to their values of {@code column}, as the row-at-a-time scan reads them. */
    private void passThrough(ColumnChunk column, int m, Object[][] out, int p) {
      Physical physical = column.encoding().physical();
      if (column.stats().nullCount() == 0 && physical != Physical.VARLEN && physical != Physical.UUID) {
        // what get() returns for a fixed-width value, without its per-value NULL and buffer tests
        var encoding = column.encoding();
        for (int i = 0; i < m; i++) {
          out[i][p] = InternalValues.fromStore(encoding.fromBits(column.bits(rows[i])));
        }
        return;
      }
      for (int i = 0; i < m; i++) {
        out[i][p] = InternalValues.fromStore(column.get(rows[i]));
      }
    }

    /**
     * The selected rows' values of an expression over columns, computed for the whole chunk and
     * picked; rows where a column it reads is NULL are marked in the returned array (created on
     * the first NULL). ln's argument is checked on the other kept rows only, where the row path
     * would have computed it: a value at most 0 fails as Calcite's ln does.
     */
    private boolean[] computeDoubles(VecExpr e, int m, double[] out, boolean[] isNull) {
      boolean[] own = nullRows(e, m);
      checkLogarithms(e, m, own);
      double[] all = expressions.doubles(e, chunk);
      for (int i = 0; i < m; i++) {
        out[i] = all[rows[i]];
      }
      scratch.release(all);
      if (own == null) {
        return isNull;
      }
      if (isNull == null) {
        return own;
      }
      for (int i = 0; i < m; i++) {
        isNull[i] |= own[i];
      }
      return isNull;
    }

    /** Which kept rows have a NULL in a column {@code e} reads; null when none. */
    private boolean[] nullRows(VecExpr e, int m) {
      java.util.BitSet slots = new java.util.BitSet();
      e.slots(slots);
      boolean[] out = null;
      for (int slot = slots.nextSetBit(0); slot >= 0; slot = slots.nextSetBit(slot + 1)) {
        ColumnChunk column = chunk.chunk(slot);
        if (column.stats().nullCount() == 0) {
          continue;
        }
        for (int i = 0; i < m; i++) {
          if (column.isNull(rows[i])) {
            if (out == null) {
              out = new boolean[m];
            }
            out[i] = true;
          }
        }
      }
      return out;
    }

    private void checkLogarithms(VecExpr e, int m, boolean[] nullRow) {
      switch (e) {
        case VecExpr.MathFn f -> {
          checkLogarithms(f.arg(), m, nullRow);
          if (f.op() == VecExpr.MathOp.LN) {
            double[] arg = expressions.doubles(f.arg(), chunk);
            try {
              for (int i = 0; i < m; i++) {
                if (arg[rows[i]] <= 0 && (nullRow == null || !nullRow[i])) {
                  // Calcite's message and exception, so the error reads the same on both paths
                  throw new IllegalArgumentException("Cannot take logarithm of zero or negative number");
                }
              }
            } finally {
              scratch.release(arg);
            }
          }
        }
        case VecExpr.Arith a -> {
          checkLogarithms(a.left(), m, nullRow);
          checkLogarithms(a.right(), m, nullRow);
        }
        default -> {}
      }
    }

    /**
     * The selected rows' values of a numeric column as doubles, as {@code CAST(x AS DOUBLE)}
     * gives them; NULL rows are marked in the returned array (created on the first NULL) and read
     * as 0.
     */
    private boolean[] readDoubles(ColumnChunk column, int m, double[] out, boolean[] isNull) {
      boolean mayBeNull = column.stats().nullCount() > 0;
      if (column.encoding().physical() == Physical.DOUBLE && !mayBeNull) {
        MemorySegment data = column.data();
        if (rows[m - 1] == m - 1) { // every row of the chunk from the first, in order: one bulk copy
          MemorySegment.copy(data, org.yggdrasil.accel.kernels.Layouts.DOUBLE, 0, out, 0, m);
          return isNull;
        }
        for (int i = 0; i < m; i++) {
          out[i] = data.getAtIndex(org.yggdrasil.accel.kernels.Layouts.DOUBLE, rows[i]);
        }
        return isNull;
      }
      for (int i = 0; i < m; i++) {
        Object v = column.get(rows[i]);
        if (v == null) {
          if (isNull == null) {
            isNull = new boolean[m];
          }
          isNull[i] = true;
          out[i] = 0.0;
        } else {
          out[i] = ((Number) v).doubleValue();
        }
      }
      return isNull;
    }
  }
}
