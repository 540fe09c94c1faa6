package org.yggdrasil.planner.exec;

import java.util.List;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.planner.parse.DdlStatement;
import org.yggdrasil.storage.nativestore.CheckDef;
import org.yggdrasil.storage.nativestore.Snapshot;
import org.yggdrasil.storage.nativestore.TableVersion;
import org.yggdrasil.storage.nativestore.Transaction;

/** ALTER TABLE ADD FOREIGN KEY / CHECK, and DROP CONSTRAINT of either. */
final class ConstraintExecutor {
  private ConstraintExecutor() {}

  static StatementResult addForeignKey(DdlStatement.AddForeignKey a, Snapshot snapshot, Transaction tx) {
    require(snapshot, a.table());
    tx.addForeignKey(a.table(), a.foreignKey());
    return StatementResult.of("ALTER TABLE");
  }

  static StatementResult addCheck(DdlStatement.AddCheck a, Snapshot snapshot, Transaction tx,
      StatementContext ctx) {
    TableVersion t = require(snapshot, a.table());
    List<String> columns = t.schema().columns().stream().map(c -> c.name()).toList();
    java.util.Set<String> taken = new java.util.HashSet<>(t.constraintIndexNames());
    t.schema().checks().forEach(ch -> taken.add(ch.name()));
    t.schema().foreignKeys().forEach(f -> taken.add(f.name()));
    String name = a.name() != null ? a.name()
        : org.yggdrasil.planner.parse.ConstraintNames.check(a.table(), columns, a.expression(), taken);
    if (t.schema().checks().stream().anyMatch(c -> c.name().equals(name))) {
      throw new SqlStateException(SqlState.DUPLICATE_OBJECT,
          "constraint \"" + name + "\" for relation \"" + a.table() + "\" already exists");
    }
    CheckDef check = new CheckDef(name, a.expression());
    // existing rows must pass it, as in PostgreSQL
    CheckConstraints.verify(ctx, snapshot, t.schema(), List.of(check), rows(t));
    tx.addCheck(a.table(), check);
    return StatementResult.of("ALTER TABLE");
  }

  /** DROP CONSTRAINT of a FOREIGN KEY or CHECK; false when the table has neither so named. */
  static boolean drop(String table, String name, Transaction tx) {
    return tx.dropForeignKey(table, name) || tx.dropCheck(table, name);
  }

  private static List<Object[]> rows(TableVersion t) {
    int n = t.schema().columns().size();
    int[] all = new int[n];
    java.util.Arrays.setAll(all, i -> i);
    List<Object[]> out = new java.util.ArrayList<>();
    try (var rc = t.scan(all)) {
      while (rc.next()) {
        Object[] row = new Object[n];
        for (int i = 0; i < n; i++) {
          row[i] = rc.value(i);
        }
        out.add(row);
      }
    }
    return out;
  }

  private static TableVersion require(Snapshot snapshot, String table) {
    TableVersion t = snapshot.table(table);
    if (t == null) {
      throw new SqlStateException(SqlState.UNDEFINED_TABLE, "relation \"" + table + "\" does not exist");
    }
    return t;
  }
}
