package org.yggdrasil.planner.exec;

import java.util.List;
import java.util.Map;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.planner.session.ResultColumn;
import org.yggdrasil.storage.nativestore.Snapshot;
import org.yggdrasil.storage.nativestore.TableVersion;

/** A prepared INSERT, UPDATE or DELETE. */
public interface DmlStatement {

  /** The type of each {@code ?} marker, by marker index, as far as known. */
  Map<Integer, RelDataType> markerTypes();

  /**
   * Exact PostgreSQL type OIDs of markers whose type comes from a target column (INSERT
   * VALUES), where the Calcite type cannot tell varchar from bpchar; by marker index.
   */
  default Map<Integer, Integer> markerOids() {
    return Map.of();
  }

  /** Columns of the RETURNING rows; empty without RETURNING. */
  List<ResultColumn> resultColumns();

  /** Runs the statement with these marker values (canonical Java values). */
  StatementResult execute(StatementContext ctx, Object[] markerValues);

  /** Prepares a DML statement's text (its parameters already rewritten to {@code ?}). */
  static DmlStatement prepare(org.yggdrasil.planner.parse.StatementKind kind, String sql,
      StatementContext ctx) {
    Returning returning = Returning.split(sql);
    return switch (kind) {
      case INSERT -> InsertStatement.prepare(sql, returning, ctx);
      case UPDATE -> UpdateStatement.prepare(sql, returning, ctx);
      case DELETE -> DeleteStatement.prepare(sql, returning, ctx);
      default -> throw new IllegalArgumentException(kind.name());
    };
  }

  /** The table a DML statement targets, or 42P01. */
  static TableVersion targetTable(SqlNode target, Snapshot snapshot) {
    if (!(target instanceof SqlIdentifier id)) {
      throw new SqlStateException(SqlState.FEATURE_NOT_SUPPORTED,
          "only plain table names can be the target of INSERT, UPDATE or DELETE");
    }
    List<String> names = id.names;
    if (names.size() > 2 || (names.size() == 2 && !names.get(0).equals("public"))) {
      throw new SqlStateException(SqlState.UNDEFINED_TABLE,
          "relation \"" + String.join(".", names) + "\" does not exist");
    }
    String name = names.get(names.size() - 1);
    TableVersion table = snapshot.table(name);
    Relations.Kind kind = table == null ? Relations.kindOf(snapshot, name) : null;
    if (kind == Relations.Kind.VIEW) {
      throw new SqlStateException(SqlState.FEATURE_NOT_SUPPORTED,
          "cannot change view \"" + name + "\": views are read-only here", null,
          "Write to the view's table instead.", 0, null);
    }
    if (kind != null) {
      throw new SqlStateException(SqlState.WRONG_OBJECT_TYPE,
          "cannot change relation \"" + name + "\"", "\"" + name + "\" is not a table.", null, 0, null);
    }
    if (table == null) {
      throw new SqlStateException(SqlState.UNDEFINED_TABLE,
          "relation \"" + name + "\" does not exist");
    }
    return table;
  }
}
