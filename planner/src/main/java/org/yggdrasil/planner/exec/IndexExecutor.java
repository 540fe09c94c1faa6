package org.yggdrasil.planner.exec;

import java.util.List;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.planner.parse.DdlStatement;
import org.yggdrasil.storage.nativestore.IndexDef;
import org.yggdrasil.storage.nativestore.Snapshot;
import org.yggdrasil.storage.nativestore.TableSchema;
import org.yggdrasil.storage.nativestore.Transaction;

/** CREATE INDEX and DROP INDEX: checks names as PostgreSQL does, then changes the table version. */
final class IndexExecutor {
  /** PostgreSQL's NAMEDATALEN - 1: longer generated names are cut. */
  private static final int MAX_NAME = 63;

  private IndexExecutor() {}

  static StatementResult create(DdlStatement.CreateIndex c, Snapshot snapshot, Transaction tx) {
    Relations.Kind kind = Relations.kindOf(snapshot, c.table());
    if (kind == null) {
      throw new SqlStateException(SqlState.UNDEFINED_TABLE,
          "relation \"" + c.table() + "\" does not exist");
    }
    if (kind != Relations.Kind.TABLE) {
      throw new SqlStateException(SqlState.WRONG_OBJECT_TYPE,
          "cannot create index on relation \"" + c.table() + "\"",
          "This operation is not supported for " + switch (kind) {
            case VIEW -> "views.";
            case SEQUENCE -> "sequences.";
            default -> "indexes.";
          },
          null, 0, null);
    }
    TableSchema table = snapshot.table(c.table()).schema();
    for (IndexDef.Column col : c.columns()) {
      if (table.columnIndex(col.name()) < 0) {
        throw new SqlStateException(SqlState.UNDEFINED_COLUMN,
            "column \"" + col.name() + "\" does not exist");
      }
    }
    String name = c.name() != null ? c.name() : defaultName(snapshot, c.table(), c.columns());
    if (Relations.kindOf(snapshot, name) != null) {
      if (c.ifNotExists()) {
        return StatementResult.of("CREATE INDEX");
      }
      Relations.requireFree(snapshot, name);
    }
    tx.createIndex(c.table(), new IndexDef(name, c.columns(), c.unique(), c.method(), c.predicate(),
        tx.allocateOid()));
    return StatementResult.of("CREATE INDEX");
  }

  /** {@code table_col1_col2_idx}, numbered from 1 when taken, as PostgreSQL chooses. */
  private static String defaultName(Snapshot snapshot, String table, List<IndexDef.Column> columns) {
    String base = table + "_" + String.join("_", columns.stream().map(IndexDef.Column::name).toList());
    for (int n = 0; ; n++) {
      String label = n == 0 ? "idx" : "idx" + n;
      String prefix = base.length() + 1 + label.length() > MAX_NAME
          ? base.substring(0, MAX_NAME - 1 - label.length()) : base;
      String candidate = prefix + "_" + label;
      if (Relations.kindOf(snapshot, candidate) == null) {
        return candidate;
      }
    }
  }

  static StatementResult drop(DdlStatement.DropIndex d, Snapshot snapshot, Transaction tx) {
    for (String name : d.names()) {
      TableSchema table = tx.snapshot().tableOfIndex(name);
      if (table != null) {
        tx.dropIndex(table.name(), name);
        CommentSchemaExecutor.forget(snapshot, tx, name, null);
        continue;
      }
      TableSchema constrained = Relations.constraintTable(snapshot, name);
      if (constrained != null) {
        throw new SqlStateException(SqlState.DEPENDENT_OBJECTS_STILL_EXIST,
            "cannot drop index " + name + " because constraint " + name + " on table "
                + constrained.name() + " requires it", null,
            "You can drop constraint " + name + " on table " + constrained.name() + " instead.",
            0, null);
      }
      Relations.Kind kind = Relations.kindOf(snapshot, name);
      if (kind != null) {
        throw Relations.wrongKind(name, "an index", kind);
      }
      if (!d.ifExists()) {
        throw new SqlStateException(SqlState.UNDEFINED_OBJECT,
            "index \"" + name + "\" does not exist");
      }
    }
    return StatementResult.of("DROP INDEX");
  }
}
