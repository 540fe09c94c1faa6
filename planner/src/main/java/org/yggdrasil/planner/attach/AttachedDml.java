package org.yggdrasil.planner.attach;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.sql.SqlDelete;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlUpdate;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.catalog.tables.TableSpec;
import org.yggdrasil.catalog.tables.TableWriter;
import org.yggdrasil.planner.exec.CompiledQuery;
import org.yggdrasil.planner.exec.DmlStatement;
import org.yggdrasil.planner.exec.PgRewrites;
import org.yggdrasil.planner.exec.PlanKey;
import org.yggdrasil.planner.exec.QueryCompiler;
import org.yggdrasil.planner.exec.QueryPortal;
import org.yggdrasil.planner.exec.StatementContext;
import org.yggdrasil.planner.exec.StatementResult;
import org.yggdrasil.planner.parse.SqlLexer;
import org.yggdrasil.planner.parse.StatementKind;
import org.yggdrasil.planner.parse.Token;
import org.yggdrasil.planner.schema.AssignmentCast;
import org.yggdrasil.planner.schema.RootSchemas;
import org.yggdrasil.planner.session.ResultColumn;
import org.yggdrasil.storage.nativestore.ColumnDef;
import org.yggdrasil.storage.nativestore.Snapshot;

/**
 * INSERT, UPDATE and DELETE on a table of an attached system. The statement becomes a query
 * (the INSERT's source; {@code SELECT <columns>, <new values> FROM t WHERE …} for UPDATE and
 * DELETE) planned like any other, whose rows are staged in the transaction's {@link
 * TableWriter} for the system; they become a member snapshot when the database commits.
 */
public final class AttachedDml implements DmlStatement {
  private final StatementKind kind;
  private final String sql;
  private final ServerDef server;
  private final SqlNode statement;
  private final SessionSystems systems;
  private final Map<Integer, RelDataType> markerTypes;

  private AttachedDml(StatementKind kind, String sql, ServerDef server, SqlNode statement,
      SessionSystems systems, Map<Integer, RelDataType> markerTypes) {
    this.kind = kind;
    this.sql = sql;
    this.server = server;
    this.statement = statement;
    this.systems = systems;
    this.markerTypes = markerTypes;
  }

  /**
   * The attached system an INSERT, UPDATE or DELETE targets ({@code server.table}), or null
   * when it targets a native table.
   */
  public static ServerDef target(StatementKind kind, String sql, Snapshot snapshot) {
    List<Token> t = SqlLexer.tokenize(sql);
    int i = kind == StatementKind.UPDATE ? 1 : 2;
    if (i < t.size() && t.get(i).is("only")) {
      i++;
    }
    if (i + 2 >= t.size() || t.get(i + 1).kind() != Token.Kind.DOT) {
      return null;
    }
    return MemberViews.servers(snapshot).get(t.get(i).identifier());
  }

  /** Prepares the statement (inside the session's scope: the attached schema is read). */
  public static AttachedDml prepare(StatementKind kind, String sql, ServerDef server,
      StatementContext ctx, SessionSystems systems) {
    for (Token t : SqlLexer.tokenize(sql)) {
      if (t.is("returning")) {
        throw new SqlStateException(SqlState.FEATURE_NOT_SUPPORTED,
            "RETURNING is not supported on attached tables");
      }
    }
    SqlNode node = QueryCompiler.parse(sql);
    AttachedDml dml = new AttachedDml(kind, sql, server, node, systems, Map.of());
    CompiledQuery q = dml.compile(ctx, ctx.readSnapshot());
    return new AttachedDml(kind, sql, server, node, systems, q.markerTypes());
  }

  @Override
  public Map<Integer, RelDataType> markerTypes() {
    return markerTypes;
  }

  @Override
  public List<ResultColumn> resultColumns() {
    return List.of();
  }

  @Override
  public StatementResult execute(StatementContext ctx, Object[] markerValues) {
    TableSpec spec = spec(ctx.readSnapshot());
    if (!spec.writable()) {
      throw new SqlStateException(SqlState.FEATURE_NOT_SUPPORTED,
          "cannot change table \"" + server.name() + "." + spec.name() + "\": it is read-only",
          null, "ygg.systems lists what each attached system supports.", 0, null);
    }
    TableWriter writer = systems.writer(server);
    Snapshot snapshot = ctx.readSnapshot();
    SchemaPlus root = RootSchemas.create(snapshot, null, Map.of());
    CompiledQuery q = compile(ctx, snapshot, root);
    List<Object[]> rows = new ArrayList<>();
    new QueryPortal(q, ctx.execContext(root, markerValues, q.markerTypes()))
        .execute(0, rows::add);
    List<ColumnDef> columns = spec.columns().stream().map(ColumnMapping::def).toList();
    int n = columns.size();
    switch (kind) {
      case INSERT -> {
        int[] targets = targetColumns(spec);
        for (Object[] r : rows) {
          Object[] row = new Object[n];
          for (int i = 0; i < targets.length; i++) {
            row[targets[i]] = r[i];
          }
          writer.insert(spec.name(), cast(row, columns));
        }
        return new StatementResult("INSERT 0 " + rows.size(), List.of());
      }
      case UPDATE -> {
        int[] targets = targetColumns(spec);
        for (Object[] r : rows) {
          Object[] old = java.util.Arrays.copyOf(r, n);
          Object[] row = old.clone();
          for (int i = 0; i < targets.length; i++) {
            row[targets[i]] = r[n + i];
          }
          writer.update(spec.name(), cast(old, columns), cast(row, columns));
        }
        return new StatementResult("UPDATE " + rows.size(), List.of());
      }
      default -> {
        for (Object[] r : rows) {
          writer.delete(spec.name(), cast(r, columns));
        }
        return new StatementResult("DELETE " + rows.size(), List.of());
      }
    }
  }

  private static Object[] cast(Object[] row, List<ColumnDef> columns) {
    Object[] out = new Object[row.length];
    for (int i = 0; i < row.length; i++) {
      ColumnDef c = columns.get(i);
      out[i] = AssignmentCast.cast(row[i], c.type());
      if (out[i] == null && c.notNull()) {
        throw new SqlStateException(SqlState.NOT_NULL_VIOLATION,
            "null value in column \"" + c.name() + "\" violates not-null constraint");
      }
    }
    return out;
  }

  private CompiledQuery compile(StatementContext ctx, Snapshot snapshot) {
    return compile(ctx, snapshot, RootSchemas.create(snapshot, null, Map.of()));
  }

  private CompiledQuery compile(StatementContext ctx, Snapshot snapshot, SchemaPlus root) {
    TableSpec spec = spec(snapshot);
    return ctx.compile(new PlanKey("attached-" + kind, sql, List.of(), snapshot.schemaVersion()),
        () -> PgRewrites.apply(query(spec)), root, sql);
  }

  private TableSpec spec(Snapshot snapshot) {
    String table = tableName();
    for (TableSpec t : systems.tables(server, snapshot)) {
      if (t.name().equals(table)) {
        return t;
      }
    }
    throw new SqlStateException(SqlState.UNDEFINED_TABLE,
        "relation \"" + server.name() + "." + table + "\" does not exist");
  }

  private SqlIdentifier targetIdentifier() {
    SqlNode target = switch (statement) {
      case SqlInsert i -> i.getTargetTable();
      case SqlUpdate u -> u.getTargetTable();
      case SqlDelete d -> d.getTargetTable();
      default -> null;
    };
    if (!(target instanceof SqlIdentifier id) || id.names.size() != 2) {
      throw new SqlStateException(SqlState.FEATURE_NOT_SUPPORTED,
          "only plain table names can be the target of INSERT, UPDATE or DELETE");
    }
    return id;
  }

  private String tableName() {
    return targetIdentifier().names.get(1);
  }

  /** The query whose rows the statement writes (a fresh node: planning mutates it). */
  private SqlNode query(TableSpec spec) {
    SqlNode node = QueryCompiler.parse(sql);
    SqlParserPos pos = SqlParserPos.ZERO;
    if (node instanceof SqlInsert insert) {
      return insert.getSource();
    }
    SqlIdentifier alias = node instanceof SqlUpdate u ? u.getAlias()
        : ((SqlDelete) node).getAlias();
    String qualifier = alias != null ? alias.getSimple() : spec.name();
    SqlNodeList select = new SqlNodeList(pos);
    for (var c : spec.columns()) {
      select.add(new SqlIdentifier(List.of(qualifier, c.name()), pos));
    }
    SqlNode condition;
    if (node instanceof SqlUpdate u) {
      u.getSourceExpressionList().forEach(select::add);
      condition = u.getCondition();
    } else {
      condition = ((SqlDelete) node).getCondition();
    }
    SqlNode from = new SqlIdentifier(List.of(server.name(), spec.name()), pos);
    from = SqlStdOperatorTable.AS.createCall(pos, from, new SqlIdentifier(qualifier, pos));
    return new SqlSelect(pos, null, select, from, condition, null, null, null, null, null, null,
        null, null);
  }

  /** The positions of the INSERT's column list or UPDATE's SET targets (INSERT: all by default). */
  private int[] targetColumns(TableSpec spec) {
    SqlNodeList list = switch (statement) {
      case SqlInsert i -> i.getTargetColumnList();
      case SqlUpdate u -> u.getTargetColumnList();
      default -> null;
    };
    if (list == null || list.isEmpty()) {
      int[] all = new int[spec.columns().size()];
      for (int i = 0; i < all.length; i++) {
        all[i] = i;
      }
      return all;
    }
    int[] out = new int[list.size()];
    for (int i = 0; i < out.length; i++) {
      SqlIdentifier id = (SqlIdentifier) list.get(i);
      String name = id.names.get(id.names.size() - 1);
      out[i] = spec.column(name);
      if (out[i] < 0) {
        throw new SqlStateException(SqlState.UNDEFINED_COLUMN, "column \"" + name
            + "\" of relation \"" + spec.name() + "\" does not exist");
      }
    }
    return out;
  }
}
