package org.yggdrasil.planner.exec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlDelete;
import org.apache.calcite.sql.SqlNode;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.planner.session.ResultColumn;
import org.yggdrasil.storage.nativestore.Snapshot;
import org.yggdrasil.storage.nativestore.TableSchema;

/**
 * DELETE, planned as {@code SELECT <position> FROM t WHERE <condition>}; the positions found
 * are then marked deleted in the store (their old rows read from the store for RETURNING).
 */
final class DeleteStatement extends DescribedDml {
  private final String sql;
  private final Returning returning;
  private final TableSchema table;
  private final String alias;

  private DeleteStatement(String sql, Returning returning, TableSchema table, String alias,
      Map<Integer, RelDataType> markerTypes, List<ResultColumn> resultColumns) {
    super(markerTypes, resultColumns);
    this.sql = sql;
    this.returning = returning;
    this.table = table;
    this.alias = alias;
  }

  static DeleteStatement prepare(String sql, Returning returning, StatementContext ctx) {
    Snapshot snapshot = ctx.readSnapshot();
    SqlDelete delete = parse(returning.body());
    TableSchema table = DmlStatement.targetTable(delete.getTargetTable(), snapshot).schema();
    String alias = delete.getAlias() == null ? null : delete.getAlias().getSimple();
    TargetRows.Plan source = compileSource(sql, returning, table, snapshot, ctx);
    List<ResultColumn> columns = returning.present()
        ? returning.describe(ctx, snapshot, table, alias) : List.of();
    return new DeleteStatement(sql, returning, table, alias, source.query().markerTypes(),
        columns);
  }

  private static SqlDelete parse(String body) {
    SqlNode node = QueryCompiler.parse(body);
    if (!(node instanceof SqlDelete delete)) {
      throw new SqlStateException(SqlState.SYNTAX_ERROR, "not a DELETE statement");
    }
    return delete;
  }

  private static TargetRows.Plan compileSource(String sql, Returning returning, TableSchema table,
      Snapshot snapshot, StatementContext ctx) {
    return TargetRows.compile(ctx, "delete-source", sql, returning.body(), table, snapshot, () -> {
      SqlDelete delete = parse(returning.body());
      return TargetRows.query(table, delete.getAlias(), List.of(), delete.getCondition());
    });
  }

  @Override
  public StatementResult execute(StatementContext ctx, Object[] markerValues) {
    var tx = ctx.writeTransaction();
    Snapshot snapshot = ctx.readSnapshot();
    TargetRows.Plan source = compileSource(sql, returning, table, snapshot, ctx);
    List<Long> positions = new ArrayList<>();
    List<Object[]> oldRows = new ArrayList<>();
    var stored = snapshot.table(table.name());
    int[] all = java.util.stream.IntStream.range(0, table.columns().size()).toArray();
    source.scan(ctx, markerValues, row -> {
      long position = (Long) row[0];
      positions.add(position);
      if (returning.present()) {
        oldRows.add(stored.row(position, all));
      }
    });
    long[] pos = positions.stream().mapToLong(Long::longValue).toArray();
    if (pos.length > 0) {
      tx.delete(table.name(), pos);
    }
    List<Object[]> returned = returning.present()
        ? returning.evaluate(ctx, snapshot, table, alias, oldRows) : List.of();
    return new StatementResult("DELETE " + pos.length, returned);
  }
}
