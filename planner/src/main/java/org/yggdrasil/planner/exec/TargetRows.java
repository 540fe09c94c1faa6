package org.yggdrasil.planner.exec;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.yggdrasil.planner.schema.NativeTable;
import org.yggdrasil.planner.schema.RootSchemas;
import org.yggdrasil.storage.nativestore.Snapshot;
import org.yggdrasil.storage.nativestore.TableSchema;

/**
 * The rows an UPDATE or DELETE targets, found by a planned query {@code SELECT <position>,
 * <extra expressions> FROM t [AS a] WHERE <condition>} over the table with its hidden position
 * column. The query runs to the end before the statement writes anything.
 */
final class TargetRows {
  private TargetRows() {}

  /** Builds the query that finds the target rows. */
  static SqlSelect query(TableSchema table, SqlIdentifier alias, List<SqlNode> extra,
      SqlNode condition) {
    SqlParserPos pos = SqlParserPos.ZERO;
    String qualifier = alias != null ? alias.getSimple() : table.name();
    SqlNodeList select = new SqlNodeList(pos);
    select.add(new SqlIdentifier(List.of(qualifier, NativeTable.POSITION_COLUMN), pos));
    extra.forEach(select::add);
    SqlNode from = new SqlIdentifier(table.name(), pos);
    if (alias != null) {
      from = SqlStdOperatorTable.AS.createCall(pos, from, alias);
    }
    return new SqlSelect(pos, null, select, from, condition, null, null, null, null, null, null,
        null, null);
  }

  /**
   * The query over one snapshot: its plan (cached per statement text and schema version) and
   * the root schema it plans and runs against.
   */
  record Plan(CompiledQuery query, SchemaPlus root) {
    /** Runs the query, handing each row (position first) to {@code rows}. */
    void scan(StatementContext ctx, Object[] markerValues, Consumer<Object[]> rows) {
      new QueryPortal(query, ctx.execContext(root, markerValues, query.markerTypes()))
          .execute(0, rows::accept);
    }
  }

  static Plan compile(StatementContext ctx, String role, String sql, String body,
      TableSchema table, Snapshot snapshot, Supplier<SqlSelect> query) {
    SchemaPlus root = RootSchemas.create(snapshot, table.name(), Map.of());
    return new Plan(ctx.compile(new PlanKey(role, sql, List.of(), snapshot.schemaVersion()),
        () -> PgRewrites.apply(query.get()), root, body), root);
  }
}
