package org.yggdrasil.planner.schema.pgcatalog;

import java.util.ArrayList;
import java.util.List;
import org.yggdrasil.storage.nativestore.Snapshot;

/**
 * information_schema's views of FOREIGN KEY and CHECK constraints: referential_constraints and
 * check_constraints (with the NOT NULL checks PostgreSQL 15 lists there too).
 */
final class ConstraintViews {
  private ConstraintViews() {}

  static List<Object[]> referentialConstraints(Snapshot snapshot) {
    RelationCatalog catalog = RelationCatalog.of(snapshot);
    String db = InformationSchema.database();
    List<Object[]> rows = new ArrayList<>();
    for (RelationCatalog.Constraint c : catalog.constraints()) {
      if (!c.type().equals("f")) {
        continue;
      }
      rows.add(new Object[] {db, "public", c.name(), db, "public", keyConstraintName(catalog, c),
          "NONE", rule(c.onUpdate()), rule(c.onDelete())});
    }
    return rows;
  }

  static List<Object[]> checkConstraints(Snapshot snapshot) {
    RelationCatalog catalog = RelationCatalog.of(snapshot);
    String db = InformationSchema.database();
    List<Object[]> rows = new ArrayList<>();
    for (RelationCatalog.Constraint c : catalog.constraints()) {
      if (c.type().equals("c")) {
        rows.add(new Object[] {db, "public", c.name(), "((" + c.expression() + "))"});
      }
    }
    for (RelationCatalog.Relation r : catalog.relations()) {
      if (r.table() == null) {
        continue;
      }
      var columns = r.table().columns();
      for (int i = 0; i < columns.size(); i++) {
        if (columns.get(i).notNull()) {
          rows.add(new Object[] {db, "public",
              CatalogOids.PUBLIC + "_" + r.oid() + "_" + (i + 1) + "_not_null",
              CatalogDescriber.quoteIdentifier(columns.get(i).name()) + " IS NOT NULL"});
        }
      }
    }
    return rows;
  }

  /** 1-based position of the k-th column's referenced column in the referenced key. */
  static Integer positionInKey(RelationCatalog catalog, RelationCatalog.Constraint fk, int k) {
    RelationCatalog.Index key = catalog.index(fk.indexOid());
    if (key == null) {
      return k + 1;
    }
    int at = key.keys().indexOf(fk.refKeys().get(k));
    return at < 0 ? k + 1 : at + 1;
  }

  /** The name of the unique constraint (or unique index) the foreign key references. */
  private static String keyConstraintName(RelationCatalog catalog,
      RelationCatalog.Constraint fk) {
    RelationCatalog.Index key = catalog.index(fk.indexOid());
    return key == null ? null : key.name();
  }

  /** information_schema's rule names for pg_constraint's action letters. */
  private static String rule(String letter) {
    return switch (letter) {
      case "r" -> "RESTRICT";
      case "c" -> "CASCADE";
      case "n" -> "SET NULL";
      case "d" -> "SET DEFAULT";
      default -> "NO ACTION";
    };
  }
}
