package org.yggdrasil.planner.schema.pgcatalog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.yggdrasil.planner.schema.ColumnTypes;
import org.yggdrasil.storage.nativestore.ColumnDef;
import org.yggdrasil.storage.nativestore.Snapshot;
import org.yggdrasil.storage.nativestore.TableSchema;
import org.yggdrasil.storage.nativestore.TableVersion;

/**
 * {@code pg_catalog}, generated from the live catalog of the statement's snapshot, so it follows
 * the session's branch. A first set of tables — what drivers ask when they describe result
 * columns (pgjdbc's field metadata query); the rest follows with the ecosystem work.
 */
public final class PgCatalogSchema extends AbstractSchema {
  public static final long PG_CATALOG_OID = 11;
  public static final long PUBLIC_OID = 2200;
  private static final long OWNER_OID = 10;

  public PgCatalogSchema() {}

  @Override
  protected Map<String, Table> getTableMap() {
    Map<String, Table> t = new HashMap<>();
    t.put("pg_namespace", new CatalogTable(
        CatalogTable.columns("oid:BIGINT", "nspname:VARCHAR", "nspowner:BIGINT"),
        snapshot -> List.of(new Object[] {PG_CATALOG_OID, "pg_catalog", OWNER_OID},
            new Object[] {PUBLIC_OID, "public", OWNER_OID},
            new Object[] {13000L, "information_schema", OWNER_OID})));
    t.put("pg_class", new CatalogTable(CatalogTable.columns("oid:BIGINT", "relname:VARCHAR",
        "relnamespace:BIGINT", "relkind:VARCHAR", "relowner:BIGINT", "relhasindex:BOOLEAN",
        "relpersistence:VARCHAR", "reltuples:REAL", "relispartition:BOOLEAN",
        "reltablespace:BIGINT", "relam:BIGINT"), PgCatalogSchema::classes));
    t.put("pg_attribute", new CatalogTable(CatalogTable.columns("attrelid:BIGINT",
        "attname:VARCHAR", "atttypid:BIGINT", "attnum:SMALLINT", "attlen:SMALLINT",
        "atttypmod:INTEGER", "attnotnull:BOOLEAN", "atthasdef:BOOLEAN", "attisdropped:BOOLEAN",
        "attidentity:VARCHAR", "attgenerated:VARCHAR", "attcollation:BIGINT"),
        PgCatalogSchema::attributes));
    t.put("pg_type", new CatalogTable(CatalogTable.columns("oid:BIGINT", "typname:VARCHAR",
        "typnamespace:BIGINT", "typlen:SMALLINT", "typtype:VARCHAR", "typcategory:VARCHAR",
        "typnotnull:BOOLEAN", "typbasetype:BIGINT", "typtypmod:INTEGER", "typarray:BIGINT",
        "typelem:BIGINT", "typrelid:BIGINT", "typowner:BIGINT", "typcollation:BIGINT"),
        snapshot -> types()));
    t.put("pg_attrdef", new CatalogTable(CatalogTable.columns("oid:BIGINT", "adrelid:BIGINT",
        "adnum:SMALLINT", "adbin:VARCHAR"), PgCatalogSchema::defaults));
    t.put("pg_database", new CatalogTable(CatalogTable.columns("oid:BIGINT", "datname:VARCHAR",
        "datdba:BIGINT", "encoding:INTEGER", "datlocprovider:VARCHAR", "datistemplate:BOOLEAN",
        "datallowconn:BOOLEAN", "datconnlimit:INTEGER", "datcollate:VARCHAR",
        "datctype:VARCHAR", "daticulocale:VARCHAR", "datacl:VARCHAR"), snapshot -> databases()));
    t.put("pg_description", new CatalogTable(CatalogTable.columns("objoid:BIGINT",
        "classoid:BIGINT", "objsubid:INTEGER", "description:VARCHAR"), snapshot -> List.of()));
    return t;
  }

  private static List<Object[]> classes(Snapshot snapshot) {
    List<Object[]> rows = new ArrayList<>();
    for (TableSchema schema : snapshot.tables()) {
      TableVersion v = snapshot.table(schema.name());
      rows.add(new Object[] {v.tableOid(), schema.name(), PUBLIC_OID, "r", OWNER_OID,
          !schema.primaryKey().isEmpty() || !schema.uniqueKeys().isEmpty(), "p",
          (float) v.rowCount(), false, 0L, 2L});
    }
    return rows;
  }

  private static List<Object[]> attributes(Snapshot snapshot) {
    List<Object[]> rows = new ArrayList<>();
    for (TableSchema schema : snapshot.tables()) {
      long oid = snapshot.table(schema.name()).tableOid();
      List<ColumnDef> cols = schema.columns();
      for (int i = 0; i < cols.size(); i++) {
        ColumnDef c = cols.get(i);
        int typeOid = ColumnTypes.oid(c.type());
        rows.add(new Object[] {oid, c.name(), (long) typeOid, (short) (i + 1),
            (short) org.yggdrasil.planner.session.PgOid.typeSize(typeOid),
            ColumnTypes.typeModifier(c), c.notNull(), c.defaultSql() != null, false, "", "", 0L});
      }
    }
    return rows;
  }

  private static List<Object[]> defaults(Snapshot snapshot) {
    List<Object[]> rows = new ArrayList<>();
    for (TableSchema schema : snapshot.tables()) {
      long oid = snapshot.table(schema.name()).tableOid();
      List<ColumnDef> cols = schema.columns();
      for (int i = 0; i < cols.size(); i++) {
        if (cols.get(i).defaultSql() != null) {
          rows.add(new Object[] {oid * 1000 + i + 1, oid, (short) (i + 1),
              cols.get(i).defaultSql()});
        }
      }
    }
    return rows;
  }

  private static List<Object[]> databases() {
    List<Object[]> rows = new ArrayList<>();
    long oid = 1;
    for (String name : org.yggdrasil.planner.schema.functions.SessionInfo.currentDatabases()) {
      // Stable enough for clients that join on it: derived from the name.
      oid = 16_000_000L + (name.hashCode() & 0xFFFFFL);
      rows.add(new Object[] {oid, name, OWNER_OID, 6, "c", false, true, -1, "C", "C", null,
          null});
    }
    return rows;
  }

  private static List<Object[]> types() {
    List<Object[]> rows = new ArrayList<>();
    for (PgTypes.Type t : PgTypes.ALL) {
      rows.add(new Object[] {(long) t.oid(), t.name(), PG_CATALOG_OID, (short) t.length(), "b",
          t.category(), false, 0L, -1, (long) t.arrayOid(), (long) t.elementOid(), 0L, OWNER_OID,
          0L});
    }
    return rows;
  }
}
