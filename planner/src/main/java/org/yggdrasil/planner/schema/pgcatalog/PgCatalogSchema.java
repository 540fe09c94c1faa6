package org.yggdrasil.planner.schema.pgcatalog;

import com.google.common.collect.Multimap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.rel.type.RelProtoDataType;
import org.apache.calcite.schema.Function;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;

/**
 * {@code pg_catalog}, generated from the live catalog of the statement's snapshot, so it follows
 * the session's branch: what psql's backslash commands and drivers' metadata calls read.
 */
public final class PgCatalogSchema extends AbstractSchema {
  public static final long PG_CATALOG_OID = CatalogOids.PG_CATALOG;
  public static final long PUBLIC_OID = CatalogOids.PUBLIC;

  private final Map<String, Table> tables = catalogTables();
  private final Multimap<String, Function> functions;
  private final Map<String, RelProtoDataType> types;

  /**
   * pg_catalog with the built-in {@code functions} and {@code types} (pg_catalog is always on
   * the search path).
   */
  public PgCatalogSchema(Multimap<String, Function> functions,
      Map<String, RelProtoDataType> types) {
    this.functions = functions;
    this.types = types;
  }

  @Override
  protected Map<String, RelProtoDataType> getTypeMap() {
    return types;
  }

  @Override
  protected Multimap<String, Function> getFunctionMultimap() {
    return functions;
  }

  @Override
  protected Map<String, Table> getTableMap() {
    return tables;
  }

  private static Map<String, Table> catalogTables() {
    Map<String, Table> t = new HashMap<>();
    RelationTables.register(t);
    SystemTables.register(t);
    EmptyTables.register(t);
    Descriptions.register(t);
    ForeignCatalog.register(t);
    t.put("pg_type", new CatalogTable(CatalogTable.columns("oid:BIGINT", "typname:VARCHAR",
        "typnamespace:BIGINT", "typowner:BIGINT", "typlen:SMALLINT", "typbyval:BOOLEAN",
        "typtype:VARCHAR", "typcategory:VARCHAR", "typispreferred:BOOLEAN",
        "typisdefined:BOOLEAN", "typdelim:VARCHAR", "typrelid:BIGINT", "typsubscript:VARCHAR",
        "typelem:BIGINT", "typarray:BIGINT", "typinput:VARCHAR", "typoutput:VARCHAR",
        "typreceive:VARCHAR", "typsend:VARCHAR", "typalign:VARCHAR", "typstorage:VARCHAR",
        "typnotnull:BOOLEAN", "typbasetype:BIGINT", "typtypmod:INTEGER", "typndims:INTEGER",
        "typcollation:BIGINT", "typdefaultbin:VARCHAR", "typdefault:VARCHAR",
        "typacl:VARCHAR[]"), snapshot -> {
          List<Object[]> rows = types();
          rows.addAll(EnumCatalog.types(snapshot));
          return rows;
        }));
    t.put("pg_enum", new CatalogTable(CatalogTable.columns("oid:BIGINT", "enumtypid:BIGINT",
        "enumsortorder:REAL", "enumlabel:VARCHAR"), EnumCatalog::labels));
    return Map.copyOf(t);
  }

  private static List<Object[]> types() {
    List<Object[]> rows = new ArrayList<>();
    for (PgTypes.Type t : PgTypes.ALL) {
      boolean array = t.elementOid() != 0;
      boolean text = t.category().equals("S");
      String input = array ? "array_in" : t.name() + "in";
      String output = array ? "array_out" : t.name() + "out";
      rows.add(new Object[] {(long) t.oid(), t.name(), CatalogOids.PG_CATALOG, CatalogOids.OWNER,
          (short) t.length(), t.length() > 0 && t.length() <= 8, "b", t.category(), false, true,
          ",", 0L, array ? "array_subscript_handler" : "-", (long) t.elementOid(),
          (long) t.arrayOid(), input, output, input.replace("in", "recv"),
          output.replace("out", "send"), "i", t.length() > 0 ? "p" : "x", false, 0L, -1, 0,
          text ? CatalogOids.DEFAULT_COLLATION : 0L, null, null, null});
    }
    return rows;
  }
}
