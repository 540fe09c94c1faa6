package org.yggdrasil.planner.schema.pgcatalog;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.yggdrasil.planner.parse.SqlLexer;
import org.yggdrasil.planner.parse.Token;
import org.yggdrasil.storage.nativestore.CheckDef;
import org.yggdrasil.storage.nativestore.ForeignKeyDef;
import org.yggdrasil.storage.nativestore.Snapshot;
import org.yggdrasil.storage.nativestore.TableSchema;
import org.yggdrasil.storage.nativestore.TableVersion;

/** The FOREIGN KEY and CHECK constraints the store keeps, as pg_constraint rows. */
final class TableConstraints {
  private TableConstraints() {}

  static void add(Snapshot snapshot, List<RelationCatalog.Index> indexes,
      List<RelationCatalog.Constraint> constraints) {
    for (TableSchema schema : snapshot.tables()) {
      long tableOid = snapshot.table(schema.name()).tableOid();
      List<ForeignKeyDef> foreignKeys = schema.foreignKeys();
      for (int f = 0; f < foreignKeys.size(); f++) {
        ForeignKeyDef fk = foreignKeys.get(f);
        TableVersion parent = snapshot.table(fk.refTable());
        if (parent == null) {
          continue; // cannot happen while the key is enforced; shown as nothing rather than fail
        }
        long parentOid = parent.tableOid();
        constraints.add(new RelationCatalog.Constraint(CatalogOids.foreignKey(tableOid, f),
            fk.name(), "f", tableOid, keyIndex(indexes, parentOid, fk.refColumns()),
            attnums(schema, fk.columns()), parentOid, attnums(parent.schema(), fk.refColumns()),
            String.valueOf(fk.onUpdate().pgCode), String.valueOf(fk.onDelete().pgCode), null));
      }
      List<CheckDef> checks = schema.checks();
      for (int c = 0; c < checks.size(); c++) {
        CheckDef check = checks.get(c);
        constraints.add(new RelationCatalog.Constraint(CatalogOids.check(tableOid, c),
            check.name(), "c", tableOid, 0L, attnums(schema, namedColumns(schema, check)), 0L,
            null, " ", " ", check.expression()));
      }
    }
  }

  /** The unique index on the referenced table whose columns are the referenced ones. */
  private static long keyIndex(List<RelationCatalog.Index> indexes, long tableOid,
      List<String> columns) {
    Set<String> wanted = new HashSet<>(columns);
    for (RelationCatalog.Index index : indexes) {
      if (index.tableOid() == tableOid && index.unique()
          && new HashSet<>(index.columns()).equals(wanted)) {
        return index.oid();
      }
    }
    return 0L;
  }

  private static List<Short> attnums(TableSchema schema, List<String> columns) {
    List<Short> out = new ArrayList<>();
    for (String c : columns) {
      out.add((short) (schema.columnIndex(c) + 1));
    }
    return List.copyOf(out);
  }

  /** The table's columns a CHECK expression names, in table order (PostgreSQL's conkey). */
  private static List<String> namedColumns(TableSchema schema, CheckDef check) {
    Set<String> named = new LinkedHashSet<>();
    for (Token t : SqlLexer.tokenize(check.expression())) {
      if (t.kind() == Token.Kind.WORD || t.kind() == Token.Kind.QUOTED_IDENTIFIER) {
        named.add(t.identifier());
      }
    }
    List<String> out = new ArrayList<>();
    for (var column : schema.columns()) {
      if (named.contains(column.name())) {
        out.add(column.name());
      }
    }
    return out;
  }
}
