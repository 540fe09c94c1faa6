package org.yggdrasil.planner.exec;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.planner.parse.DdlStatement;
import org.yggdrasil.planner.schema.RootSchemas;
import org.yggdrasil.planner.session.ResultColumn;
import org.yggdrasil.storage.nativestore.Snapshot;
import org.yggdrasil.storage.nativestore.Transaction;
import org.yggdrasil.storage.nativestore.ViewDef;

/**
 * CREATE [OR REPLACE] VIEW and DROP VIEW. The query is planned once at CREATE, so a view over
 * missing tables or columns fails then (as in PostgreSQL), and its column names are recorded.
 */
final class ViewExecutor {
  private ViewExecutor() {}

  static StatementResult create(DdlStatement.CreateView v, Snapshot snapshot, Transaction tx) {
    ViewDef existing = snapshot.catalog().view(v.name());
    Relations.Kind kind = Relations.kindOf(snapshot, v.name());
    if (existing == null && kind != null || existing != null && !v.orReplace()) {
      if (v.orReplace()) {
        throw new SqlStateException(SqlState.WRONG_OBJECT_TYPE, "\"" + v.name() + "\" is not a view");
      }
      Relations.requireFree(snapshot, v.name());
    }
    List<String> columns = columnNames(v, snapshot);
    if (existing != null) {
      checkReplacement(v.name(), existing.columnNames(), columns);
    }
    long oid = existing != null ? existing.oid() : tx.allocateOid();
    tx.putCatalogEntry(new ViewDef(v.name(), v.query(), columns, oid).toEntry());
    return StatementResult.of("CREATE VIEW");
  }

  /** The query's column names, the first ones renamed by the view's column list. */
  private static List<String> columnNames(DdlStatement.CreateView v, Snapshot snapshot) {
    CompiledQuery q = QueryCompiler.compile(PgRewrites.apply(QueryCompiler.parse(v.query())),
        RootSchemas.create(snapshot, null, Map.of()), v.query());
    List<ResultColumn> result = q.columns();
    if (v.columns().size() > result.size()) {
      throw new SqlStateException(SqlState.SYNTAX_ERROR,
          "CREATE VIEW specifies more column names than columns");
    }
    List<String> names = new ArrayList<>(v.columns());
    for (int i = names.size(); i < result.size(); i++) {
      names.add(result.get(i).name());
    }
    Set<String> seen = new HashSet<>();
    for (String n : names) {
      if (!seen.add(n)) {
        throw new SqlStateException(SqlState.DUPLICATE_COLUMN,
            "column \"" + n + "\" specified more than once");
      }
    }
    return names;
  }

  /** OR REPLACE may add columns at the end, never drop or rename one (PostgreSQL's rule). */
  private static void checkReplacement(String view, List<String> before, List<String> after) {
    if (after.size() < before.size()) {
      throw new SqlStateException(SqlState.INVALID_TABLE_DEFINITION, "cannot drop columns from view");
    }
    for (int i = 0; i < before.size(); i++) {
      if (!before.get(i).equals(after.get(i))) {
        throw new SqlStateException(SqlState.INVALID_TABLE_DEFINITION, "cannot change name of view column \""
            + before.get(i) + "\" to \"" + after.get(i) + "\"", null,
            "Use ALTER VIEW ... RENAME COLUMN ... to change name of view column instead.", 0, null);
      }
    }
  }

  static StatementResult drop(DdlStatement.DropView d, Snapshot snapshot, Transaction tx) {
    for (String name : d.names()) {
      if (snapshot.catalog().view(name) != null) {
        continue;
      }
      Relations.Kind kind = Relations.kindOf(snapshot, name);
      if (kind != null) {
        throw Relations.wrongKind(name, "a view", kind);
      }
      if (!d.ifExists()) {
        throw new SqlStateException(SqlState.UNDEFINED_TABLE, "view \"" + name + "\" does not exist");
      }
    }
    for (String name : d.names()) {
      if (tx.snapshot().catalog().view(name) != null) {
        ViewDependencies.dropDependents(tx.snapshot(), "view", name, d.cascade(), d.names(), tx);
        tx.removeCatalogEntry(ViewDef.KIND, name);
        CommentSchemaExecutor.forget(snapshot, tx, name, null);
      }
    }
    return StatementResult.of("DROP VIEW");
  }
}
