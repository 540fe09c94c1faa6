package org.yggdrasil.planner.exec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlUpdate;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.planner.schema.AssignmentCast;
import org.yggdrasil.planner.session.ResultColumn;
import org.yggdrasil.storage.nativestore.Snapshot;
import org.yggdrasil.storage.nativestore.TableSchema;

/**
 * UPDATE, planned as a query: {@code SELECT <position>, <new values> FROM t WHERE
 * <condition>}; each row found is read whole from the store (exactly, without a round trip
 * through the planner's value types), the assigned columns replaced, and written back. The whole source is
 * read before anything is written, so the update never sees its own changes.
 */
final class UpdateStatement extends DescribedDml {
  private final String sql;
  private final Returning returning;
  private final TableSchema table;
  private final String alias;
  private final int[] targetColumns;

  private UpdateStatement(String sql, Returning returning, TableSchema table, String alias,
      int[] targetColumns, Map<Integer, RelDataType> markerTypes, List<ResultColumn> columns) {
    super(markerTypes, columns);
    this.sql = sql;
    this.returning = returning;
    this.table = table;
    this.alias = alias;
    this.targetColumns = targetColumns;
  }

  static UpdateStatement prepare(String sql, Returning returning, StatementContext ctx) {
    Snapshot snapshot = ctx.readSnapshot();
    SqlUpdate update = parse(returning.body());
    TableSchema table = DmlStatement.targetTable(update.getTargetTable(), snapshot).schema();
    String alias = update.getAlias() == null ? null : update.getAlias().getSimple();
    SqlNodeList targets = update.getTargetColumnList();
    int[] targetColumns = new int[targets.size()];
    for (int i = 0; i < targetColumns.length; i++) {
      SqlIdentifier id = (SqlIdentifier) targets.get(i);
      String name = id.names.get(id.names.size() - 1);
      targetColumns[i] = table.columnIndex(name);
      if (targetColumns[i] < 0) {
        throw new SqlStateException(SqlState.UNDEFINED_COLUMN,
            "column \"" + name + "\" of relation \"" + table.name() + "\" does not exist");
      }
    }
    TargetRows.Plan source = compileSource(sql, returning, table, snapshot, ctx);
    List<ResultColumn> columns = returning.present()
        ? returning.describe(ctx, snapshot, table, alias) : List.of();
    return new UpdateStatement(sql, returning, table, alias, targetColumns,
        source.query().markerTypes(), columns);
  }

  private static SqlUpdate parse(String body) {
    SqlNode node = QueryCompiler.parse(body);
    if (!(node instanceof SqlUpdate update)) {
      throw new SqlStateException(SqlState.SYNTAX_ERROR, "not an UPDATE statement");
    }
    return update;
  }

  private static TargetRows.Plan compileSource(String sql, Returning returning, TableSchema table,
      Snapshot snapshot, StatementContext ctx) {
    return TargetRows.compile(ctx, "update-source", sql, returning.body(), table, snapshot, () -> {
      SqlUpdate update = parse(returning.body());
      return TargetRows.query(table, update.getAlias(), update.getSourceExpressionList(),
          update.getCondition());
    });
  }

  @Override
  public StatementResult execute(StatementContext ctx, Object[] markerValues) {
    var tx = ctx.writeTransaction();
    Snapshot snapshot = ctx.readSnapshot();
    TargetRows.Plan source = compileSource(sql, returning, table, snapshot, ctx);
    var stored = snapshot.table(table.name());
    int n = table.columns().size();
    int[] all = new int[n];
    for (int i = 0; i < n; i++) {
      all[i] = i;
    }
    List<Long> positions = new ArrayList<>();
    List<Object[]> newRows = new ArrayList<>();
    source.scan(ctx, markerValues, row -> {
      long position = (Long) row[0];
      Object[] updated = stored.row(position, all);
      for (int i = 0; i < targetColumns.length; i++) {
        int c = targetColumns[i];
        updated[c] = AssignmentCast.cast(row[1 + i], table.columns().get(c).type());
      }
      positions.add(position);
      newRows.add(updated);
    });
    long[] pos = positions.stream().mapToLong(Long::longValue).toArray();
    if (pos.length > 0) {
      EnumColumns.verify(snapshot, table.name(), newRows);
      CheckConstraints.verify(ctx, snapshot, table.name(), newRows);
      tx.update(table.name(), pos, newRows);
    }
    List<Object[]> returned = returning.present()
        ? returning.evaluate(ctx, ctx.readSnapshot(), table, alias, newRows) : List.of();
    return new StatementResult("UPDATE " + pos.length, returned);
  }
}
