package org.yggdrasil.planner.schema.pgcatalog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.yggdrasil.planner.schema.functions.SessionInfo;
import org.yggdrasil.storage.nativestore.ColumnDef;
import org.yggdrasil.storage.nativestore.Snapshot;

/**
 * {@code information_schema}: the SQL-standard views PostgreSQL 15 offers, computed from the same
 * {@link RelationCatalog} as pg_catalog (so they follow the session's branch too). They list the
 * user's relations in {@code public}; PostgreSQL's own catalogs are not repeated here.
 * NOT NULL columns show as CHECK constraints named {@code nsp_rel_attnum_not_null}, as in
 * PostgreSQL 15.
 */
public final class InformationSchema extends AbstractSchema {
  private final Map<String, Table> tables = views();

  @Override
  protected Map<String, Table> getTableMap() {
    return tables;
  }

  private static Map<String, Table> views() {
    Map<String, Table> t = new HashMap<>();
    t.put("schemata", new CatalogTable(CatalogTable.columns("catalog_name:VARCHAR",
        "schema_name:VARCHAR", "schema_owner:VARCHAR", "default_character_set_catalog:VARCHAR",
        "default_character_set_schema:VARCHAR", "default_character_set_name:VARCHAR",
        "sql_path:VARCHAR"), snapshot -> schemata()));
    t.put("tables", new CatalogTable(CatalogTable.columns("table_catalog:VARCHAR",
        "table_schema:VARCHAR", "table_name:VARCHAR", "table_type:VARCHAR",
        "self_referencing_column_name:VARCHAR", "reference_generation:VARCHAR",
        "user_defined_type_catalog:VARCHAR", "user_defined_type_schema:VARCHAR",
        "user_defined_type_name:VARCHAR", "is_insertable_into:VARCHAR", "is_typed:VARCHAR",
        "commit_action:VARCHAR"), InformationSchema::tables));
    t.put("columns", new CatalogTable(CatalogTable.columns("table_catalog:VARCHAR",
        "table_schema:VARCHAR", "table_name:VARCHAR", "column_name:VARCHAR",
        "ordinal_position:INTEGER", "column_default:VARCHAR", "is_nullable:VARCHAR",
        "data_type:VARCHAR", "character_maximum_length:INTEGER",
        "character_octet_length:INTEGER", "numeric_precision:INTEGER",
        "numeric_precision_radix:INTEGER", "numeric_scale:INTEGER", "datetime_precision:INTEGER",
        "interval_type:VARCHAR", "interval_precision:INTEGER",
        "character_set_catalog:VARCHAR", "character_set_schema:VARCHAR",
        "character_set_name:VARCHAR", "collation_catalog:VARCHAR", "collation_schema:VARCHAR",
        "collation_name:VARCHAR", "domain_catalog:VARCHAR", "domain_schema:VARCHAR",
        "domain_name:VARCHAR", "udt_catalog:VARCHAR", "udt_schema:VARCHAR", "udt_name:VARCHAR",
        "scope_catalog:VARCHAR", "scope_schema:VARCHAR", "scope_name:VARCHAR",
        "maximum_cardinality:INTEGER", "dtd_identifier:VARCHAR", "is_self_referencing:VARCHAR",
        "is_identity:VARCHAR", "identity_generation:VARCHAR", "identity_start:VARCHAR",
        "identity_increment:VARCHAR", "identity_maximum:VARCHAR", "identity_minimum:VARCHAR",
        "identity_cycle:VARCHAR", "is_generated:VARCHAR", "generation_expression:VARCHAR",
        "is_updatable:VARCHAR"), InformationSchema::columns));
    t.put("table_constraints", new CatalogTable(CatalogTable.columns(
        "constraint_catalog:VARCHAR", "constraint_schema:VARCHAR", "constraint_name:VARCHAR",
        "table_catalog:VARCHAR", "table_schema:VARCHAR", "table_name:VARCHAR",
        "constraint_type:VARCHAR", "is_deferrable:VARCHAR", "initially_deferred:VARCHAR",
        "enforced:VARCHAR", "nulls_distinct:VARCHAR"), InformationSchema::tableConstraints));
    t.put("key_column_usage", new CatalogTable(CatalogTable.columns(
        "constraint_catalog:VARCHAR", "constraint_schema:VARCHAR", "constraint_name:VARCHAR",
        "table_catalog:VARCHAR", "table_schema:VARCHAR", "table_name:VARCHAR",
        "column_name:VARCHAR", "ordinal_position:INTEGER",
        "position_in_unique_constraint:INTEGER"), InformationSchema::keyColumnUsage));
    t.put("referential_constraints", new CatalogTable(CatalogTable.columns(
        "constraint_catalog:VARCHAR", "constraint_schema:VARCHAR", "constraint_name:VARCHAR",
        "unique_constraint_catalog:VARCHAR", "unique_constraint_schema:VARCHAR",
        "unique_constraint_name:VARCHAR", "match_option:VARCHAR", "update_rule:VARCHAR",
        "delete_rule:VARCHAR"), ConstraintViews::referentialConstraints));
    t.put("check_constraints", new CatalogTable(CatalogTable.columns(
        "constraint_catalog:VARCHAR", "constraint_schema:VARCHAR", "constraint_name:VARCHAR",
        "check_clause:VARCHAR"), ConstraintViews::checkConstraints));
    t.put("views", new CatalogTable(CatalogTable.columns("table_catalog:VARCHAR",
        "table_schema:VARCHAR", "table_name:VARCHAR", "view_definition:VARCHAR",
        "check_option:VARCHAR", "is_updatable:VARCHAR", "is_insertable_into:VARCHAR",
        "is_trigger_updatable:VARCHAR", "is_trigger_deletable:VARCHAR",
        "is_trigger_insertable_into:VARCHAR"), InformationSchema::views));
    t.put("sequences", new CatalogTable(CatalogTable.columns("sequence_catalog:VARCHAR",
        "sequence_schema:VARCHAR", "sequence_name:VARCHAR", "data_type:VARCHAR",
        "numeric_precision:INTEGER", "numeric_precision_radix:INTEGER", "numeric_scale:INTEGER",
        "start_value:VARCHAR", "minimum_value:VARCHAR", "maximum_value:VARCHAR",
        "increment:VARCHAR", "cycle_option:VARCHAR"), InformationSchema::sequences));
    t.put("routines", new CatalogTable(CatalogTable.columns("specific_catalog:VARCHAR",
        "specific_schema:VARCHAR", "specific_name:VARCHAR", "routine_catalog:VARCHAR",
        "routine_schema:VARCHAR", "routine_name:VARCHAR", "routine_type:VARCHAR",
        "data_type:VARCHAR", "type_udt_catalog:VARCHAR", "type_udt_schema:VARCHAR",
        "type_udt_name:VARCHAR", "routine_body:VARCHAR", "routine_definition:VARCHAR",
        "external_name:VARCHAR", "external_language:VARCHAR", "is_deterministic:VARCHAR",
        "security_type:VARCHAR"), snapshot -> routines()));
    return Map.copyOf(t);
  }

  /** The sequences of the snapshot (Hibernate's schema validation reads them here). */
  private static List<Object[]> sequences(org.yggdrasil.storage.nativestore.Snapshot snapshot) {
    List<Object[]> rows = new java.util.ArrayList<>();
    for (var s : snapshot.catalog().sequences()) {
      int precision = switch (s.type()) {
        case "smallint" -> 16;
        case "integer" -> 32;
        default -> 64;
      };
      rows.add(new Object[] {database(), "public", s.name(), s.type(), precision, 2, 0,
          Long.toString(s.start()), Long.toString(s.min()), Long.toString(s.max()),
          Long.toString(s.increment()), "NO"});
    }
    return rows;
  }

  /** Views are read-only in Yggdrasil: not updatable, not insertable into. */
  private static List<Object[]> views(Snapshot snapshot) {
    List<Object[]> rows = new ArrayList<>();
    String db = database();
    for (var v : snapshot.catalog().views()) {
      rows.add(new Object[] {db, "public", v.name(), " " + v.sql().strip() + ";", "NONE", "NO",
          "NO", "NO", "NO", "NO"});
    }
    return rows;
  }

  static String database() {
    return SessionInfo.current().database();
  }

  private static List<Object[]> schemata() {
    String db = database();
    String user = SessionInfo.current().user();
    return List.of(new Object[] {db, "information_schema", user, null, null, null, null},
        new Object[] {db, "pg_catalog", user, null, null, null, null},
        new Object[] {db, "public", "pg_database_owner", null, null, null, null});
  }

  private static List<Object[]> tables(Snapshot snapshot) {
    List<Object[]> rows = new ArrayList<>();
    String db = database();
    for (RelationCatalog.Relation r : RelationCatalog.of(snapshot).relations()) {
      String type = switch (r.kind()) {
        case "r" -> "BASE TABLE";
        case "v" -> "VIEW";
        default -> null;
      };
      if (type != null) {
        rows.add(new Object[] {db, "public", r.name(), type, null, null, null, null, null,
            r.kind().equals("r") ? "YES" : "NO", "NO", null});
      }
    }
    for (Object[] t : org.yggdrasil.planner.attach.AttachedSchemas.tables(snapshot)) {
      rows.add(new Object[] {db, t[0], t[1], "FOREIGN", null, null, null, null, null,
          (Boolean) t[2] ? "YES" : "NO", "NO", null});
    }
    return rows;
  }

  private static List<Object[]> columns(Snapshot snapshot) {
    List<Object[]> rows = new ArrayList<>();
    String db = database();
    for (RelationCatalog.Relation r : RelationCatalog.of(snapshot).relations()) {
      if (r.table() == null) {
        continue;
      }
      List<ColumnDef> cols = r.table().columns();
      for (int i = 0; i < cols.size(); i++) {
        ColumnDef c = cols.get(i);
        ColumnShape shape = ColumnShape.of(c);
        rows.add(new Object[] {db, "public", r.name(), c.name(), i + 1, c.defaultSql(),
            c.notNull() ? "NO" : "YES", shape.dataType(), shape.maximumLength(),
            shape.octetLength(), shape.precision(), shape.radix(), shape.scale(),
            shape.datetimePrecision(), null, null, null, null, null, null, null, null, null,
            null, null, db, c.userType() != null ? "public" : "pg_catalog", shape.udtName(), null, null, null, null,
            Integer.toString(i + 1), "NO", "NO", null, null, null, null, null, "NO", "NEVER",
            null, "YES"});
      }
    }
    return rows;
  }

  private static List<Object[]> tableConstraints(Snapshot snapshot) {
    List<Object[]> rows = new ArrayList<>();
    String db = database();
    RelationCatalog catalog = RelationCatalog.of(snapshot);
    for (RelationCatalog.Constraint c : catalog.constraints()) {
      String table = catalog.relation(c.tableOid()).name();
      String type = switch (c.type()) {
        case "p" -> "PRIMARY KEY";
        case "u" -> "UNIQUE";
        case "f" -> "FOREIGN KEY";
        default -> "CHECK";
      };
      rows.add(new Object[] {db, "public", c.name(), db, "public", table, type, "NO", "NO",
          "YES", c.type().equals("u") ? "YES" : null});
    }
    for (RelationCatalog.Relation r : catalog.relations()) {
      if (r.table() == null) {
        continue;
      }
      List<ColumnDef> cols = r.table().columns();
      for (int i = 0; i < cols.size(); i++) {
        if (cols.get(i).notNull()) {
          String name = CatalogOids.PUBLIC + "_" + r.oid() + "_" + (i + 1) + "_not_null";
          rows.add(new Object[] {db, "public", name, db, "public", r.name(), "CHECK", "NO",
              "NO", "YES", null});
        }
      }
    }
    return rows;
  }

  private static List<Object[]> keyColumnUsage(Snapshot snapshot) {
    List<Object[]> rows = new ArrayList<>();
    String db = database();
    RelationCatalog catalog = RelationCatalog.of(snapshot);
    for (RelationCatalog.Constraint c : catalog.constraints()) {
      if (c.type().equals("c")) {
        continue;
      }
      RelationCatalog.Relation table = catalog.relation(c.tableOid());
      for (int k = 0; k < c.keys().size(); k++) {
        String column = table.table().column(c.keys().get(k) - 1).name();
        // A foreign key column's position among the referenced key's columns.
        Integer inUnique = c.type().equals("f")
            ? ConstraintViews.positionInKey(catalog, c, k) : null;
        rows.add(new Object[] {db, "public", c.name(), db, "public", table.name(), column, k + 1,
            inUnique});
      }
    }
    return rows;
  }

  private static List<Object[]> routines() {
    List<Object[]> rows = new ArrayList<>();
    String db = database();
    for (ProcCatalog.Proc p : ProcCatalog.ALL) {
      String specific = p.name() + "_" + p.oid();
      rows.add(new Object[] {db, "pg_catalog", specific, db, "pg_catalog", p.name(), "FUNCTION",
          CatalogDescriber.formatType(p.returnType(), null), db, "pg_catalog",
          PgTypes.name(p.returnType()), "EXTERNAL", p.name(), p.name(), "INTERNAL", "NO",
          "INVOKER"});
    }
    return rows;
  }
}
