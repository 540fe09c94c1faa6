package org.yggdrasil.planner.model;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.accel.iforest.TrainingRows;
import org.yggdrasil.planner.exec.CompiledQuery;
import org.yggdrasil.planner.exec.ExecContext;
import org.yggdrasil.planner.exec.PgRewrites;
import org.yggdrasil.planner.exec.PlanKey;
import org.yggdrasil.planner.exec.QueryCompiler;
import org.yggdrasil.planner.exec.QueryPortal;
import org.yggdrasil.planner.exec.StatementContext;
import org.yggdrasil.planner.schema.RootSchemas;
import org.yggdrasil.planner.session.ResultColumn;
import org.yggdrasil.planner.vexec.AggregateRunner;
import org.yggdrasil.planner.vexec.ColumnReadPlan;
import org.yggdrasil.planner.vexec.StoredTrainingRows;
import org.yggdrasil.storage.nativestore.Snapshot;

/**
 * The rows a model trains on: CREATE MODEL's AS query over the statement's snapshot, its columns
 * as doubles. Every column must be numeric (42804) and no value NULL (22004: a NULL where the
 * statement cannot take one; the hint says how to drop or replace them). {@code threads} is the
 * session's {@code ygg.threads}, which training may use.
 *
 * <p>When the query only reads numeric columns of one table (optionally filtered; see {@link
 * org.yggdrasil.planner.rules.ColumnReadMatcher}), the rows are read in place and only the ones
 * training draws are ever read; otherwise the query runs and its rows are collected.
 */
record TrainingData(List<String> names, TrainingRows rows, int threads) {

  static TrainingData collect(StatementContext ctx, String model, String query) {
    Snapshot snapshot = ctx.readSnapshot();
    SchemaPlus root = RootSchemas.create(snapshot, null, Map.of());
    CompiledQuery q = ctx.compile(new PlanKey("model-training", query, List.of(),
        snapshot.schemaVersion()), () -> PgRewrites.apply(QueryCompiler.parse(query)), root, query);
    List<String> names = q.columns().stream().map(ResultColumn::name).toList();
    List<RelDataTypeField> fields = q.rowType().getFieldList();
    for (int f = 0; f < fields.size(); f++) {
      if (!SqlTypeUtil.isNumeric(fields.get(f).getType())) {
        throw new SqlStateException(SqlState.DATATYPE_MISMATCH, "feature \"" + names.get(f)
            + "\" of model \"" + model + "\" is not numeric", null,
            "Features must be numbers: cast the column to double precision in the AS query, or"
                + " leave it out.", 0, null);
      }
    }
    ExecContext exec = ctx.execContext(root, new Object[0], q.markerTypes());
    TrainingRows rows = q.columnRead() != null ? inPlace(exec, q.columnRead(), names, model)
        : collected(q, exec, names, model);
    if (rows.rows() == 0) {
      throw new SqlStateException(SqlState.DATA_EXCEPTION, "cannot train model \"" + model
          + "\": the AS query returned no rows");
    }
    Object threads = exec.get(AggregateRunner.THREADS_VARIABLE);
    return new TrainingData(names, rows, threads instanceof Number n ? Math.max(1, n.intValue())
        : Runtime.getRuntime().availableProcessors());
  }

  private static TrainingRows inPlace(ExecContext exec, ColumnReadPlan plan, List<String> names, String model) {
    StoredTrainingRows rows = StoredTrainingRows.open(exec, plan);
    StoredTrainingRows.NullValue n = rows.firstNull();
    if (n != null) {
      throw nullFeature(names.get(n.feature()), model, n.row());
    }
    return rows;
  }

  /** Runs the query and keeps every row's values. */
  private static TrainingRows collected(CompiledQuery q, ExecContext exec, List<String> names, String model) {
    int width = names.size();
    double[][] columns = new double[width][1024];
    int[] count = {0};
    new QueryPortal(q, exec).execute(0, row -> {
      int r = count[0];
      if (r == columns[0].length) {
        for (int f = 0; f < width; f++) {
          columns[f] = Arrays.copyOf(columns[f], Math.multiplyExact(r, 2));
        }
      }
      for (int f = 0; f < width; f++) {
        if (row[f] == null) {
          throw nullFeature(names.get(f), model, r);
        }
        columns[f][r] = ((Number) row[f]).doubleValue();
      }
      count[0] = r + 1;
    });
    return TrainingRows.of(columns, count[0]);
  }

  private static SqlStateException nullFeature(String feature, String model, long row) {
    return new SqlStateException(SqlState.NULL_VALUE_NOT_ALLOWED, "feature \"" + feature
        + "\" of model \"" + model + "\" is NULL in training row " + (row + 1), null,
        "Leave such rows out (WHERE " + feature + " IS NOT NULL) or replace the NULLs (COALESCE)"
            + " in the AS query.", 0, null);
  }
}
