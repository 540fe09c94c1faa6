package org.yggdrasil.planner.schema;

import com.google.common.collect.ImmutableMultimap;
import com.google.common.collect.Multimap;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.calcite.schema.Function;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelProtoDataType;
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
  /**
   * Built-in functions by name, computed once: reflection is too slow per statement, and so is
   * registering them one by one in each statement's root (Calcite keeps explicitly added
   * functions in case-insensitive tree maps). The schemas below serve them as their own.
   */
  private static final List<Map.Entry<String, Function>> FUNCTIONS = builtinFunctions();
  /** PostgreSQL's type names Calcite lacks ({@code int8}, {@code text}, …). */
  private static final Map<String, RelProtoDataType> TYPES = typeAliases();
  private static final PgCatalogSchema PG_CATALOG = new PgCatalogSchema(functions(null), TYPES);
  /**
   * Catalog functions live in pg_catalog only (always on the search path): registered in the
   * root schema too, an unqualified call would find each twice, which Calcite's overload
   * resolution asserts against.
   */
  private static final BuiltinSchema BUILTINS = new BuiltinSchema(
      functions(catalogFunctionNames()), TYPES);
  private static final YggSchema YGG = new YggSchema();
  private static final InformationSchema INFORMATION_SCHEMA = new InformationSchema();

  private RootSchemas() {}

  /** A root schema over {@code snapshot}. */
  public static SchemaPlus create(Snapshot snapshot, String positionTable,
      Map<String, Table> overrides) {
    SchemaPlus root = CalciteSchema.createRootSchema(false, false, "", BUILTINS).plus();
    SnapshotSchema publicSchema = new SnapshotSchema(snapshot, positionTable, overrides);
    root.add("public", publicSchema);
    root.add("pg_catalog", PG_CATALOG);
    root.add("ygg", YGG);
    root.add(RefSchema.NAME, new RefSchema());
    root.add("information_schema", INFORMATION_SCHEMA);
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
    publicSchema.attach(root);
    org.yggdrasil.planner.attach.AttachedSchemas.addTo(root, snapshot);
    return root;
  }

  /** The built-in functions whose names are not in {@code excluded} (null: all of them). */
  private static Multimap<String, Function> functions(java.util.Set<String> excluded) {
    ImmutableMultimap.Builder<String, Function> b = ImmutableMultimap.builder();
    for (Map.Entry<String, Function> f : FUNCTIONS) {
      if (excluded == null || !excluded.contains(f.getKey())) {
        b.put(f.getKey(), f.getValue());
      }
    }
    return b.build();
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

  private static Map<String, RelProtoDataType> typeAliases() {
    Map<String, RelProtoDataType> t = new java.util.HashMap<>();
    t.put("int2", f -> f.createSqlType(SqlTypeName.SMALLINT));
    t.put("int4", f -> f.createSqlType(SqlTypeName.INTEGER));
    t.put("int8", f -> f.createSqlType(SqlTypeName.BIGINT));
    t.put("float4", f -> f.createSqlType(SqlTypeName.REAL));
    t.put("float8", f -> f.createSqlType(SqlTypeName.DOUBLE));
    t.put("bool", f -> f.createSqlType(SqlTypeName.BOOLEAN));
    t.put("text", f -> f.createSqlType(SqlTypeName.VARCHAR));
    t.put("name", f -> f.createSqlType(SqlTypeName.VARCHAR));
    t.put("bpchar", f -> f.createSqlType(SqlTypeName.CHAR));
    t.put("bytea", f -> f.createSqlType(SqlTypeName.VARBINARY));
    t.put("timestamptz", f -> f.createSqlType(SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE));
    t.put("oid", f -> f.createSqlType(SqlTypeName.BIGINT));
    t.put("numeric", f -> f.createSqlType(SqlTypeName.DECIMAL,
        PgTypeSystem.UNCONSTRAINED_NUMERIC_PRECISION, PgTypeSystem.UNCONSTRAINED_NUMERIC_SCALE));
    return Map.copyOf(t);
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
