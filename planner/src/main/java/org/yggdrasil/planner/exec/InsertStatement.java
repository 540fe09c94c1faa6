package org.yggdrasil.planner.exec;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.NlsString;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.planner.schema.AssignmentCast;
import org.yggdrasil.planner.schema.ColumnTypes;
import org.yggdrasil.planner.schema.RootSchemas;
import org.yggdrasil.planner.session.ResultColumn;
import org.yggdrasil.storage.nativestore.ColumnDef;
import org.yggdrasil.storage.nativestore.Snapshot;
import org.yggdrasil.storage.nativestore.TableSchema;
import org.yggdrasil.storage.nativestore.TableVersion;

/**
 * INSERT. A VALUES list of literals, parameters and DEFAULT takes the fast path: values are
 * converted in Java and appended without planning (parameters get their types from the target
 * columns, as PostgreSQL infers them). Other expressions, and INSERT … SELECT, run through the
 * planner, and their results are cast to the column types (PostgreSQL's assignment cast).
 */
final class InsertStatement extends DescribedDml {
  private final String sql;
  private final Returning returning;
  private final TableSchema table;
  private final int[] targetColumns;
  private final List<List<SqlNode>> valuesRows;
  private final Map<Integer, Integer> markerOids;
  /** The ON CONFLICT clause, or null. */
  private final OnConflict onConflict;

  private InsertStatement(String sql, Returning returning, TableSchema table, int[] targetColumns,
      List<List<SqlNode>> valuesRows, Map<Integer, RelDataType> markerTypes,
      Map<Integer, Integer> markerOids, List<ResultColumn> resultColumns, OnConflict onConflict) {
    super(markerTypes, resultColumns);
    this.onConflict = onConflict;
    this.sql = sql;
    this.returning = returning;
    this.table = table;
    this.targetColumns = targetColumns;
    this.valuesRows = valuesRows;
    this.markerOids = markerOids;
  }

  static InsertStatement prepare(String sql, Returning withConflict, StatementContext ctx) {
    OnConflict.Split split = OnConflict.split(withConflict.body());
    Returning returning = new Returning(split.insert(), withConflict.list());
    Snapshot snapshot = ctx.readSnapshot();
    DefaultValuesForm dv = DefaultValuesForm.match(returning.body());
    PlainValuesInsert plain = dv != null ? null : PlainValuesInsert.match(returning.body());
    SqlInsert insert = dv != null || plain != null ? null : parse(returning.body());
    String tableName = dv != null ? dv.table() : plain != null ? plain.table() : null;
    TableVersion version = tableName != null
        ? DmlStatement.targetTable(new SqlIdentifier(tableName, SqlParserPos.ZERO), snapshot)
        : DmlStatement.targetTable(insert.getTargetTable(), snapshot);
    TableSchema table = version.schema();
    int[] targets = dv != null ? new int[0]
        : plain != null ? targetColumns(plain.columns(), table)
        : targetColumns(insert.getTargetColumnList(), table);
    List<List<SqlNode>> rows = dv != null ? List.of(List.of())
        : plain != null ? plain.rows() : valuesRows(insert.getSource());
    Map<Integer, RelDataType> markerTypes = new HashMap<>();
    Map<Integer, Integer> markerOids = new HashMap<>();
    if (rows != null) {
      for (List<SqlNode> row : rows) {
        if (row.size() > targets.length) {
          throw new SqlStateException(SqlState.SYNTAX_ERROR,
              "INSERT has more expressions than target columns");
        }
        for (int i = 0; i < row.size(); i++) {
          ColumnDef col = table.columns().get(targets[i]);
          collectMarkers(row.get(i), col, markerTypes, markerOids);
        }
      }
    } else {
      CompiledQuery source = compileSource(sql, returning, snapshot, ctx);
      markerTypes.putAll(source.markerTypes());
      if (source.rowType().getFieldCount() > targets.length) {
        throw new SqlStateException(SqlState.SYNTAX_ERROR,
            "INSERT has more expressions than target columns");
      }
    }
    List<ResultColumn> columns = returning.present()
        ? returning.describe(ctx, snapshot, table, null) : List.of();
    return new InsertStatement(sql, returning, table, targets, rows, markerTypes, markerOids,
        columns, split.clause());
  }

  private static SqlInsert parse(String body) {
    SqlNode node = QueryCompiler.parse(body);
    if (!(node instanceof SqlInsert insert)) {
      throw new SqlStateException(SqlState.SYNTAX_ERROR, "not an INSERT statement");
    }
    return insert;
  }

  private static int[] targetColumns(SqlNodeList list, TableSchema table) {
    if (list == null) {
      return targetColumns((List<String>) null, table);
    }
    List<String> names = new ArrayList<>();
    for (SqlNode node : list) {
      SqlIdentifier id = (SqlIdentifier) node;
      names.add(id.names.get(id.names.size() - 1));
    }
    return targetColumns(names, table);
  }

  private static int[] targetColumns(List<String> list, TableSchema table) {
    if (list == null || list.isEmpty()) {
      int[] all = new int[table.columns().size()];
      for (int i = 0; i < all.length; i++) {
        all[i] = i;
      }
      return all;
    }
    int[] out = new int[list.size()];
    for (int i = 0; i < out.length; i++) {
      String name = list.get(i);
      int index = table.columnIndex(name);
      if (index < 0) {
        throw new SqlStateException(SqlState.UNDEFINED_COLUMN,
            "column \"" + name + "\" of relation \"" + table.name() + "\" does not exist");
      }
      for (int j = 0; j < i; j++) {
        if (out[j] == index) {
          throw new SqlStateException(SqlState.DUPLICATE_COLUMN,
              "column \"" + name + "\" specified more than once");
        }
      }
      out[i] = index;
    }
    return out;
  }

  /** The rows of a VALUES source, or null when the source is a query. */
  private static List<List<SqlNode>> valuesRows(SqlNode source) {
    if (source.getKind() != SqlKind.VALUES) {
      return null;
    }
    List<List<SqlNode>> rows = new ArrayList<>();
    for (SqlNode row : ((SqlCall) source).getOperandList()) {
      rows.add(((SqlCall) row).getOperandList());
    }
    return rows;
  }

  private static void collectMarkers(SqlNode expr, ColumnDef col, Map<Integer, RelDataType> out,
      Map<Integer, Integer> oids) {
    if (expr instanceof SqlDynamicParam p) {
      out.putIfAbsent(p.getIndex(), ColumnTypes.relType(ExecContext.typeFactory(), col));
      oids.putIfAbsent(p.getIndex(), ColumnTypes.oid(col));
    }
  }

  private static CompiledQuery compileSource(String sql, Returning returning, Snapshot snapshot,
      StatementContext ctx) {
    SchemaPlus root = RootSchemas.create(snapshot, null, Map.of());
    return ctx.compile(new PlanKey("insert-source", sql, List.of(), snapshot.schemaVersion()),
        () -> PgRewrites.apply(parse(returning.body()).getSource()), root, returning.body());
  }

  @Override
  public Map<Integer, Integer> markerOids() {
    return markerOids;
  }

  @Override
  public StatementResult execute(StatementContext ctx, Object[] markerValues) {
    var tx = ctx.writeTransaction();
    Snapshot snapshot = ctx.readSnapshot();
    Defaults defaults = new Defaults(ctx, snapshot);
    List<Object[]> rows = new ArrayList<>();
    if (valuesRows != null) {
      for (int r = 0; r < valuesRows.size(); r++) {
        List<SqlNode> exprs = valuesRows.get(r);
        Object[] values = new Object[exprs.size()];
        boolean[] isDefault = new boolean[exprs.size()];
        List<Integer> complex = new ArrayList<>();
        for (int i = 0; i < exprs.size(); i++) {
          SqlNode e = exprs.get(i);
          if (e.getKind() == SqlKind.DEFAULT) {
            isDefault[i] = true;
          } else if (!simpleValue(e, markerValues, values, i)) {
            complex.add(i);
          }
        }
        if (!complex.isEmpty()) {
          evaluateComplexRow(ctx, snapshot, r, exprs, complex, markerValues, values);
        }
        rows.add(fullRow(values, isDefault, defaults));
      }
    } else {
      CompiledQuery source = compileSource(sql, returning, snapshot, ctx);
      SchemaPlus root = RootSchemas.create(snapshot, null, Map.of());
      new QueryPortal(source, ctx.execContext(root, markerValues, source.markerTypes()))
          .execute(0, row -> rows.add(fullRow(row, new boolean[row.length], defaults)));
    }
    List<Object[]> written = rows;
    EnumColumns.verify(snapshot, table.name(), rows);
    if (onConflict == null) {
      CheckConstraints.verify(ctx, snapshot, table.name(), rows);
      tx.insert(table.name(), rows);
    } else {
      OnConflict.Outcome outcome = onConflict.apply(ctx, tx, table, table.name(), rows, sql);
      written = outcome.written();
      EnumColumns.verify(snapshot, table.name(), written);
      // The statement fails, and with it what apply wrote, if a written row breaks a CHECK.
      CheckConstraints.verify(ctx, snapshot, table.name(), written);
    }
    List<Object[]> returned = returning.present()
        ? returning.evaluate(ctx, ctx.readSnapshot(), table, null, written) : List.of();
    return new StatementResult("INSERT 0 " + written.size(), returned);
  }

  private Object[] fullRow(Object[] values, boolean[] isDefault, Defaults defaults) {
    List<ColumnDef> cols = table.columns();
    Object[] row = new Object[cols.size()];
    boolean[] given = new boolean[cols.size()];
    for (int i = 0; i < values.length; i++) {
      int c = targetColumns[i];
      if (!isDefault[i]) {
        row[c] = AssignmentCast.cast(values[i], cols.get(c).type());
        given[c] = true;
      }
    }
    for (int c = 0; c < cols.size(); c++) {
      if (!given[c]) {
        row[c] = defaults.valueOf(cols.get(c));
      }
    }
    return row;
  }

  /** Evaluates literals, parameters and negated numbers in Java; false for anything else. */
  private static boolean simpleValue(SqlNode e, Object[] markers, Object[] out, int i) {
    if (e instanceof SqlDynamicParam p) {
      out[i] = markers[p.getIndex()];
      return true;
    }
    if (e instanceof SqlLiteral lit) {
      if (lit.getTypeName() == SqlTypeName.NULL) {
        out[i] = null;
        return true;
      }
      Object v = lit.getValue();
      if (v instanceof NlsString s) {
        out[i] = s.getValue();
        return true;
      }
      if (v instanceof BigDecimal b) {
        out[i] = b;
        return true;
      }
      if (v instanceof Boolean b) {
        out[i] = b;
        return true;
      }
      return false;
    }
    if (e.getKind() == SqlKind.MINUS_PREFIX && e instanceof SqlBasicCall call
        && call.operand(0) instanceof SqlLiteral lit && lit.getValue() instanceof BigDecimal b) {
      out[i] = b.negate();
      return true;
    }
    return false;
  }

  private void evaluateComplexRow(StatementContext ctx, Snapshot snapshot, int rowIndex,
      List<SqlNode> exprs, List<Integer> complex, Object[] markerValues, Object[] out) {
    SchemaPlus root = RootSchemas.create(snapshot, null, Map.of());
    CompiledQuery q = ctx.compile(
        new PlanKey("insert-row-" + rowIndex, sql, List.of(), snapshot.schemaVersion()), () -> {
          List<SqlNode> row = valuesRows(parse(returning.body()).getSource()).get(rowIndex);
          SqlNodeList list = new SqlNodeList(SqlParserPos.ZERO);
          for (int i : complex) {
            list.add(row.get(i));
          }
          return PgRewrites.apply(new SqlSelect(SqlParserPos.ZERO, null, list, null, null, null,
              null, null, null, null, null, null, null));
        }, root, returning.body());
    Object[][] holder = new Object[1][];
    new QueryPortal(q, ctx.execContext(root, markerValues, q.markerTypes()))
        .execute(0, row -> holder[0] = row);
    for (int k = 0; k < complex.size(); k++) {
      out[complex.get(k)] = holder[0][k];
    }
  }

  /** {@code INSERT INTO t DEFAULT VALUES}, which Calcite's grammar lacks. */
  private record DefaultValuesForm(String table) {
    static DefaultValuesForm match(String body) {
      var tokens = org.yggdrasil.planner.parse.SqlLexer.tokenize(body);
      int n = tokens.size();
      if (n >= 5 && tokens.get(0).is("insert") && tokens.get(1).is("into")
          && tokens.get(n - 2).is("default") && tokens.get(n - 1).is("values")) {
        return new DefaultValuesForm(tokens.get(n - 3).identifier());
      }
      return null;
    }
  }
}
