package org.yggdrasil.planner.schema;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.calcite.schema.Function;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.ScalarFunctionImpl;
import org.apache.calcite.schema.impl.TableFunctionImpl;
import org.apache.calcite.sql.type.SqlTypeName;
import org.yggdrasil.planner.schema.functions.CatalogFunctions;
import org.yggdrasil.planner.schema.functions.DateFunctions;
import org.yggdrasil.planner.schema.functions.GenerateSeries;
import org.yggdrasil.planner.schema.functions.SequenceFunctions;
import org.yggdrasil.planner.schema.functions.StringMathFunctions;
import org.yggdrasil.planner.schema.functions.SystemFunctions;
import org.yggdrasil.planner.schema.pgcatalog.InformationSchema;
import org.yggdrasil.planner.schema.pgcatalog.PgCatalogSchema;
import org.yggdrasil.storage.nativestore.Snapshot;

/**
 * Builds the Calcite root schema a statement plans and runs against: the database's
 * {@code public} schema at a snapshot, PostgreSQL's type names ({@code int8}, {@code text}, …)
 * and the built-in functions Calcite lacks.
 */
public final class RootSchemas {
  /** Built-in functions by name: computed once (reflection is too slow per statement). */
  private static final List<Map.Entry<String, Function>> FUNCTIONS = builtinFunctions();
  private static final PgCatalogSchema PG_CATALOG = new PgCatalogSchema();
  /**
   * Catalog functions live in pg_catalog only (always on the search path): registered in the
   * root schema too, an unqualified call would find each twice, which Calcite's overload
   * resolution asserts against.
   */
  private static final java.util.Set<String> CATALOG_FUNCTIONS = catalogFunctionNames();
  private static final YggSchema YGG = new YggSchema();
  private static final InformationSchema INFORMATION_SCHEMA = new InformationSchema();

  private RootSchemas() {}

  /** A root schema over {@code snapshot}. */
  public static SchemaPlus create(Snapshot snapshot, String positionTable,
      Map<String, Table> overrides) {
    SchemaPlus root = CalciteSchema.createRootSchema(false, false).plus();
    SnapshotSchema publicSchema = new SnapshotSchema(snapshot, positionTable, overrides);
    root.add("public", publicSchema);
    SchemaPlus pgCatalog = root.add("pg_catalog", PG_CATALOG);
    root.add("ygg", YGG);
    root.add(RefSchema.NAME, new RefSchema());
    root.add("information_schema", INFORMATION_SCHEMA);
    addTypes(root);
    addTypes(pgCatalog);
    if (snapshot != null) {
      // Enum types, for CAST(x AS mood) and x::mood: their values are text.
      SchemaPlus publicPlus = root.getSubSchema("public");
      for (var e : snapshot.catalog().enumTypes()) {
        alias(root, e.name(), SqlTypeName.VARCHAR);
        if (publicPlus != null) {
          alias(publicPlus, e.name(), SqlTypeName.VARCHAR);
        }
      }
    }
    for (Map.Entry<String, Function> f : FUNCTIONS) {
      if (!CATALOG_FUNCTIONS.contains(f.getKey())) {
        root.add(f.getKey(), f.getValue());
      }
      pgCatalog.add(f.getKey(), f.getValue());
    }
    publicSchema.attach(root);
    org.yggdrasil.planner.attach.AttachedSchemas.addTo(root, snapshot);
    return root;
  }

  private static java.util.Set<String> catalogFunctionNames() {
    java.util.Set<String> names = new java.util.HashSet<>();
    for (Method m : CatalogFunctions.class.getMethods()) {
      if (m.getDeclaringClass() == CatalogFunctions.class) {
        names.add(m.getName());
      }
    }
    return java.util.Set.copyOf(names);
  }

  private static void addTypes(SchemaPlus root) {
    alias(root, "int2", SqlTypeName.SMALLINT);
    alias(root, "int4", SqlTypeName.INTEGER);
    alias(root, "int8", SqlTypeName.BIGINT);
    alias(root, "float4", SqlTypeName.REAL);
    alias(root, "float8", SqlTypeName.DOUBLE);
    alias(root, "bool", SqlTypeName.BOOLEAN);
    alias(root, "text", SqlTypeName.VARCHAR);
    alias(root, "name", SqlTypeName.VARCHAR);
    alias(root, "bpchar", SqlTypeName.CHAR);
    alias(root, "bytea", SqlTypeName.VARBINARY);
    alias(root, "timestamptz", SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE);
    alias(root, "oid", SqlTypeName.BIGINT);
    root.add("numeric", f -> f.createSqlType(SqlTypeName.DECIMAL,
        PgTypeSystem.UNCONSTRAINED_NUMERIC_PRECISION, PgTypeSystem.UNCONSTRAINED_NUMERIC_SCALE));
  }

  private static void alias(SchemaPlus root, String name, SqlTypeName type) {
    root.add(name, (RelDataTypeFactory f) -> f.createSqlType(type));
  }

  private static List<Map.Entry<String, Function>> builtinFunctions() {
    List<Map.Entry<String, Function>> out = new ArrayList<>();
    java.util.Set<String> system = java.util.Set.of("version", "current_database",
        "session_user", "pg_backend_pid", "current_setting", "set_config", "pg_get_expr",
        "ygg_pg_current_schema");
    for (Method m : SystemFunctions.class.getMethods()) {
      if (system.contains(m.getName())) {
        out.add(Map.entry(m.getName(), ScalarFunctionImpl.create(m)));
      }
    }
    for (Method m : CatalogFunctions.class.getMethods()) {
      if (m.getDeclaringClass() == CatalogFunctions.class) {
        out.add(Map.entry(m.getName(), ScalarFunctionImpl.create(m)));
      }
    }
    for (Method m : DateFunctions.class.getMethods()) {
      if (m.getName().equals("date_trunc")) {
        out.add(Map.entry("ygg_pg_date_trunc", ScalarFunctionImpl.create(m)));
      }
    }
    for (Class<?> c : List.of(org.yggdrasil.planner.schema.functions.AdvisoryLockFunctions.class,
        org.yggdrasil.planner.schema.functions.BackendFunctions.class)) {
      for (Method m : c.getMethods()) {
        if (m.getName().startsWith("pg_")) {
          out.add(Map.entry(m.getName(), ScalarFunctionImpl.create(m)));
        }
      }
    }
    for (Method m : StringMathFunctions.class.getMethods()) {
      if (m.getDeclaringClass() == StringMathFunctions.class) {
        out.add(Map.entry("ygg_pg_" + m.getName(), ScalarFunctionImpl.create(m)));
      }
    }
    for (Method m : SequenceFunctions.class.getMethods()) {
      if (m.getDeclaringClass() == SequenceFunctions.class && m.getReturnType() == long.class) {
        out.add(Map.entry(m.getName(), ScalarFunctionImpl.create(m)));
      }
    }
    for (Method m : GenerateSeries.class.getMethods()) {
      if (m.getName().startsWith("generateSeries")) {
        out.add(Map.entry("generate_series", TableFunctionImpl.create(m)));
      }
    }
    out.add(Map.entry("ygg_pg_enum_in", ScalarFunctionImpl.create(
        org.yggdrasil.planner.schema.functions.EnumFunctions.class, "enum_in")));
    out.add(Map.entry("pg_get_keywords", TableFunctionImpl.create(
        org.yggdrasil.planner.schema.functions.Keywords.class, "pg_get_keywords")));
    return List.copyOf(out);
  }
}
