package org.yggdrasil.planner.exec;

import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.planner.parse.DdlStatement;
import org.yggdrasil.storage.nativestore.CommentDef;
import org.yggdrasil.storage.nativestore.SchemaDef;
import org.yggdrasil.storage.nativestore.Snapshot;
import org.yggdrasil.storage.nativestore.TableVersion;
import org.yggdrasil.storage.nativestore.Transaction;

/**
 * COMMENT ON (kept in the versioned catalog, moved along by renames and dropped with their
 * object) and CREATE/DROP SCHEMA. Schemas are recorded, but tables live in {@code public} only.
 */
final class CommentSchemaExecutor {
  /** Schemas every database has. */
  private static final java.util.Set<String> BUILT_IN =
      java.util.Set.of("public", "pg_catalog", "information_schema", "ygg");

  private CommentSchemaExecutor() {}

  static StatementResult comment(DdlStatement.Comment c, Snapshot snapshot, Transaction tx) {
    String kind = c.kind();
    if (kind.equals("schema")) {
      requireSchema(snapshot, c.relation());
    } else {
      Relations.Kind actual = Relations.kindOf(snapshot, c.relation());
      if (actual == null) {
        throw new SqlStateException(SqlState.UNDEFINED_TABLE,
            "relation \"" + c.relation() + "\" does not exist");
      }
      String expected = kind.equals("column") ? null : kind;
      if (expected != null && !expected.equals(actual.name().toLowerCase(java.util.Locale.ROOT))) {
        throw new SqlStateException(SqlState.WRONG_OBJECT_TYPE,
            "\"" + c.relation() + "\" is not a " + expected);
      }
      if (c.column() != null) {
        TableVersion t = snapshot.table(c.relation());
        boolean exists = t != null ? t.schema().columnIndex(c.column()) >= 0
            : actual == Relations.Kind.VIEW
                && snapshot.catalog().view(c.relation()).columnNames().contains(c.column());
        if (!exists) {
          throw new SqlStateException(SqlState.UNDEFINED_COLUMN, "column \"" + c.column()
              + "\" of relation \"" + c.relation() + "\" does not exist");
        }
      }
    }
    if (c.text() == null) {
      tx.removeCatalogEntry(CommentDef.KIND, kind.equals("schema")
          ? CommentDef.schemaKey(c.relation()) : CommentDef.key(c.relation(), c.column()));
    } else {
      tx.putCatalogEntry(new CommentDef(kind, c.relation(), c.column(), c.text()).toEntry());
    }
    return StatementResult.of("COMMENT");
  }

  /** Drops the comments on a relation and its columns ({@code column} null), or on one column. */
  static void forget(Snapshot snapshot, Transaction tx, String relation, String column) {
    for (CommentDef d : snapshot.catalog().comments()) {
      if (d.relation().equals(relation) && !d.objectKind().equals("schema")
          && (column == null || column.equals(d.column()))) {
        tx.removeCatalogEntry(CommentDef.KIND, d.key());
      }
    }
  }

  /** Moves comments along with a renamed relation ({@code fromColumn} null) or column. */
  static void rename(Snapshot snapshot, Transaction tx, String relation, String fromColumn,
      String toRelation, String toColumn) {
    for (CommentDef d : snapshot.catalog().comments()) {
      if (!d.relation().equals(relation) || d.objectKind().equals("schema")) {
        continue;
      }
      if (fromColumn == null || fromColumn.equals(d.column())) {
        tx.removeCatalogEntry(CommentDef.KIND, d.key());
        String column = fromColumn == null ? d.column() : toColumn;
        tx.putCatalogEntry(new CommentDef(d.objectKind(), toRelation, column, d.text()).toEntry());
      }
    }
  }

  static StatementResult createSchema(DdlStatement.CreateSchema c, Snapshot snapshot,
      Transaction tx) {
    if (BUILT_IN.contains(c.name()) || snapshot.catalog().schema(c.name()) != null) {
      if (c.ifNotExists()) {
        return StatementResult.of("CREATE SCHEMA");
      }
      throw new SqlStateException(SqlState.DUPLICATE_SCHEMA,
          "schema \"" + c.name() + "\" already exists");
    }
    tx.putCatalogEntry(new SchemaDef(c.name()).toEntry());
    return StatementResult.of("CREATE SCHEMA");
  }

  static StatementResult dropSchema(DdlStatement.DropSchema d, Snapshot snapshot, Transaction tx) {
    for (String name : d.names()) {
      if (BUILT_IN.contains(name)) {
        throw new SqlStateException(SqlState.FEATURE_NOT_SUPPORTED,
            "cannot drop schema " + name + ": it is built in here");
      }
      if (snapshot.catalog().schema(name) == null && !d.ifExists()) {
        requireSchema(snapshot, name);
      }
    }
    for (String name : d.names()) {
      tx.removeCatalogEntry(SchemaDef.KIND, name);
      tx.removeCatalogEntry(CommentDef.KIND, CommentDef.schemaKey(name));
    }
    return StatementResult.of("DROP SCHEMA");
  }

  private static void requireSchema(Snapshot snapshot, String name) {
    if (!BUILT_IN.contains(name) && snapshot.catalog().schema(name) == null) {
      throw new SqlStateException(SqlState.INVALID_SCHEMA_NAME, "schema \"" + name + "\" does not exist");
    }
  }
}
