package org.yggdrasil.planner.exec;

import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.planner.parse.DdlStatement;
import org.yggdrasil.storage.nativestore.ColumnDef;
import org.yggdrasil.storage.nativestore.Snapshot;
import org.yggdrasil.storage.nativestore.TableVersion;
import org.yggdrasil.storage.nativestore.Transaction;

/** The ALTER TABLE actions on columns' definitions, types and key constraints. */
final class AlterExecutor {
  private AlterExecutor() {}

  static StatementResult setDefault(DdlStatement.SetDefault s, Snapshot snapshot, Transaction tx,
      StatementContext ctx) {
    ColumnDef col = column(snapshot, s.table(), s.column());
    if (s.defaultSql() != null && SequenceDefault.sequenceOf(s.defaultSql()) == null) {
      // Evaluated once now so a bad expression fails here, as in PostgreSQL.
      new Defaults(ctx, snapshot).valueOf(col.withDefaultSql(s.defaultSql()));
    }
    tx.setColumnDefault(s.table(), s.column(), s.defaultSql());
    return StatementResult.of("ALTER TABLE");
  }

  static StatementResult setNotNull(DdlStatement.SetNotNull s, Snapshot snapshot, Transaction tx) {
    column(snapshot, s.table(), s.column());
    tx.setColumnNotNull(s.table(), s.column(), s.notNull());
    return StatementResult.of("ALTER TABLE");
  }

  static StatementResult alterType(DdlStatement.AlterColumnType a, Snapshot snapshot, Transaction tx) {
    column(snapshot, a.table(), a.column());
    if (!ViewDependencies.dependents(snapshot, a.table()).isEmpty()) {
      throw new SqlStateException(SqlState.FEATURE_NOT_SUPPORTED,
          "cannot alter type of a column used by a view or rule", null,
          "Drop the views over \"" + a.table() + "\" first and create them again afterwards.", 0, null);
    }
    if (a.type().userType() != null) {
      throw new SqlStateException(SqlState.FEATURE_NOT_SUPPORTED,
          "changing a column's type to an enum type is not supported yet", null,
          "Add a new column of the enum type, copy the values over with UPDATE, and drop the old"
              + " column.", 0, null);
    }
    tx.alterColumnType(a.table(), a.column(),
        new ColumnDef(a.column(), a.type().type(), a.type().length(), a.type().scale(), false, null));
    return StatementResult.of("ALTER TABLE");
  }

  static StatementResult addKey(DdlStatement.AddKey k, Snapshot snapshot, Transaction tx) {
    require(snapshot, k.table());
    String name = k.name();
    if (name == null) {
      name = k.primary() ? SequenceExecutor.freeName(snapshot, k.table(), "pkey", java.util.List.of())
          : SequenceExecutor.freeName(snapshot, k.table() + "_" + String.join("_", k.columns()), "key",
              java.util.List.of());
    } else {
      Relations.requireFree(snapshot, name);
    }
    tx.addKey(k.table(), name, k.columns(), k.primary());
    return StatementResult.of("ALTER TABLE");
  }

  static StatementResult dropKey(DdlStatement.DropKey d, Snapshot snapshot, Transaction tx) {
    require(snapshot, d.table());
    if (!tx.dropKey(d.table(), d.name()) && !ConstraintExecutor.drop(d.table(), d.name(), tx) && !d.ifExists()) {
      throw new SqlStateException(SqlState.UNDEFINED_OBJECT, "constraint \"" + d.name()
          + "\" of relation \"" + d.table() + "\" does not exist");
    }
    return StatementResult.of("ALTER TABLE");
  }

  private static TableVersion require(Snapshot snapshot, String table) {
    TableVersion t = snapshot.table(table);
    if (t == null) {
      throw new SqlStateException(SqlState.UNDEFINED_TABLE, "relation \"" + table + "\" does not exist");
    }
    return t;
  }

  private static ColumnDef column(Snapshot snapshot, String table, String column) {
    TableVersion t = require(snapshot, table);
    int idx = t.schema().columnIndex(column);
    if (idx < 0) {
      throw new SqlStateException(SqlState.UNDEFINED_COLUMN, "column \"" + column
          + "\" of relation \"" + table + "\" does not exist");
    }
    return t.schema().column(idx);
  }
}
