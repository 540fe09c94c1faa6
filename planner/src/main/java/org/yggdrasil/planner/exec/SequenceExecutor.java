package org.yggdrasil.planner.exec;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.yggdrasil.catalog.error.SqlState;
import org.yggdrasil.catalog.error.SqlStateException;
import org.yggdrasil.planner.parse.DdlStatement;
import org.yggdrasil.planner.parse.SequenceOptions;
import org.yggdrasil.storage.nativestore.ColumnDef;
import org.yggdrasil.storage.nativestore.SequenceDef;
import org.yggdrasil.storage.nativestore.Snapshot;
import org.yggdrasil.storage.nativestore.TableSchema;
import org.yggdrasil.storage.nativestore.Transaction;

/**
 * CREATE SEQUENCE and DROP SEQUENCE, and the sequences serial and identity columns own: made with
 * their table ({@code table_column_seq}), dropped with it.
 */
final class SequenceExecutor {
  private static final int MAX_NAME = 63;

  private SequenceExecutor() {}

  static StatementResult create(DdlStatement.CreateSequence c, Snapshot snapshot, Transaction tx) {
    if (Relations.kindOf(snapshot, c.name()) != null) {
      if (c.ifNotExists()) {
        return StatementResult.of("CREATE SEQUENCE");
      }
      Relations.requireFree(snapshot, c.name());
    }
    SequenceOptions o = c.options();
    if (o.ownedByTable() != null) {
      requireColumn(snapshot, o.ownedByTable(), o.ownedByColumn());
    }
    tx.putCatalogEntry(define(c.name(), o, "bigint", o.ownedByTable(), o.ownedByColumn(), tx).toEntry());
    return StatementResult.of("CREATE SEQUENCE");
  }

  private static SequenceDef define(String name, SequenceOptions o, String defaultType,
      String ownedTable, String ownedColumn, Transaction tx) {
    long[] r = o.resolve(defaultType);
    return new SequenceDef(name, o.typeOr(defaultType), r[0], r[1], r[2], r[3],
        UUID.randomUUID().toString(), ownedTable, ownedColumn, tx.allocateOid());
  }

  private static void requireColumn(Snapshot snapshot, String table, String column) {
    if (snapshot.table(table) == null) {
      throw new SqlStateException(SqlState.UNDEFINED_TABLE, "relation \"" + table + "\" does not exist");
    }
    if (snapshot.table(table).schema().columnIndex(column) < 0) {
      throw new SqlStateException(SqlState.UNDEFINED_COLUMN,
          "column \"" + column + "\" of relation \"" + table + "\" does not exist");
    }
  }

  /**
   * The table with a sequence made for each serial or identity column, whose DEFAULT becomes its
   * nextval. The sequences are recorded in {@code tx}; the caller creates the table.
   */
  static TableSchema withOwnedSequences(TableSchema table, List<DdlStatement.Identity> identities,
      Snapshot snapshot, Transaction tx) {
    if (identities.isEmpty()) {
      return table;
    }
    List<ColumnDef> cols = new ArrayList<>(table.columns());
    List<String> taken = new ArrayList<>();
    for (DdlStatement.Identity identity : identities) {
      int i = table.columnIndex(identity.column());
      ColumnDef col = cols.get(i);
      if (col.defaultSql() != null) {
        throw new SqlStateException(SqlState.SYNTAX_ERROR, "multiple default values specified for column \""
            + col.name() + "\" of table \"" + table.name() + "\"");
      }
      String type = switch (col.type()) {
        case INT2 -> "smallint";
        case INT4 -> "integer";
        case INT8 -> "bigint";
        default -> throw new SqlStateException(SqlState.INVALID_PARAMETER_VALUE, "identity column type must be"
            + " smallint, integer, or bigint");
      };
      String name = freeName(snapshot, table.name() + "_" + col.name(), "seq", taken);
      taken.add(name);
      SequenceOptions o = identity.options();
      SequenceDef seq = define(name, new SequenceOptions(o.type() != null ? o.type() : type, o.start(),
          o.increment(), o.min(), o.max(), null, null), type, table.name(), col.name(), tx);
      tx.putCatalogEntry(seq.toEntry());
      cols.set(i, col.withDefaultSql(seq.nextvalSql()).withNotNull(true));
    }
    return table.withColumns(cols);
  }

  /** {@code base_label}, else {@code base_label1}, … as PostgreSQL picks a free name. */
  static String freeName(Snapshot snapshot, String base, String label, List<String> alsoTaken) {
    for (int n = 0; ; n++) {
      String l = n == 0 ? label : label + n;
      String prefix = base.length() + 1 + l.length() > MAX_NAME ? base.substring(0, MAX_NAME - 1 - l.length()) : base;
      String candidate = prefix + "_" + l;
      if (Relations.kindOf(snapshot, candidate) == null && !alsoTaken.contains(candidate)) {
        return candidate;
      }
    }
  }

  static StatementResult drop(DdlStatement.DropSequence d, Snapshot snapshot, Transaction tx) {
    for (String name : d.names()) {
      SequenceDef seq = snapshot.catalog().sequence(name);
      if (seq == null) {
        Relations.Kind kind = Relations.kindOf(snapshot, name);
        if (kind != null) {
          throw Relations.wrongKind(name, "a sequence", kind);
        }
        if (!d.ifExists()) {
          throw new SqlStateException(SqlState.UNDEFINED_TABLE, "sequence \"" + name + "\" does not exist");
        }
        continue;
      }
      for (TableSchema t : snapshot.tables()) {
        for (ColumnDef col : t.columns()) {
          if (name.equals(SequenceDefault.sequenceOf(col.defaultSql()))) {
            if (!d.cascade()) {
              throw new SqlStateException(SqlState.DEPENDENT_OBJECTS_STILL_EXIST,
                  "cannot drop sequence " + name + " because other objects depend on it",
                  "default value for column " + col.name() + " of table " + t.name()
                      + " depends on sequence " + name,
                  "Use DROP ... CASCADE to drop the dependent objects too.", 0, null);
            }
            tx.setColumnDefault(t.name(), col.name(), null);
          }
        }
      }
      tx.removeCatalogEntry(SequenceDef.KIND, name);
      CommentSchemaExecutor.forget(snapshot, tx, name, null);
    }
    return StatementResult.of("DROP SEQUENCE");
  }

  /** DROP TABLE drops the sequences its columns own. */
  static void dropOwnedBy(String table, Snapshot snapshot, Transaction tx) {
    dropOwnedBy(table, null, snapshot, tx);
  }

  /** DROP COLUMN drops the sequence the column owns (all columns' when {@code column} is null). */
  static void dropOwnedBy(String table, String column, Snapshot snapshot, Transaction tx) {
    for (SequenceDef s : snapshot.catalog().sequences()) {
      if (table.equals(s.ownedByTable()) && (column == null || column.equals(s.ownedByColumn()))) {
        tx.removeCatalogEntry(SequenceDef.KIND, s.name());
      }
    }
  }

  /** ALTER TABLE RENAME keeps the table's sequences owned by it. */
  static void renameOwner(String from, String to, Snapshot snapshot, Transaction tx) {
    for (SequenceDef s : snapshot.catalog().sequences()) {
      if (from.equals(s.ownedByTable())) {
        tx.putCatalogEntry(s.withOwner(to, s.ownedByColumn()).toEntry());
      }
    }
  }

  /** ALTER TABLE RENAME COLUMN keeps the column's sequence owned by it. */
  static void renameOwnerColumn(String table, String from, String to, Snapshot snapshot,
      Transaction tx) {
    for (SequenceDef s : snapshot.catalog().sequences()) {
      if (table.equals(s.ownedByTable()) && from.equals(s.ownedByColumn())) {
        tx.putCatalogEntry(s.withOwner(table, to).toEntry());
      }
    }
  }
}
