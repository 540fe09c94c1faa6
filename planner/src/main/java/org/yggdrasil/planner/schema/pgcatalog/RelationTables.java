package org.yggdrasil.planner.schema.pgcatalog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.apache.calcite.schema.Table;
import org.yggdrasil.planner.schema.ColumnTypes;
import org.yggdrasil.planner.session.PgOid;
import org.yggdrasil.storage.nativestore.ColumnDef;
import org.yggdrasil.storage.nativestore.ColumnType;
import org.yggdrasil.storage.nativestore.Snapshot;
import org.yggdrasil.storage.nativestore.TableSchema;

/**
 * pg_class, pg_attribute, pg_attrdef, pg_index, pg_sequence and pg_constraint, generated from the
 * {@link RelationCatalog} of the statement's snapshot.
 */
final class RelationTables {
  private RelationTables() {}

  static void register(Map<String, Table> t) {
    t.put("pg_class", new CatalogTable(CatalogTable.columns("oid:BIGINT", "relname:VARCHAR",
        "relnamespace:BIGINT", "reltype:BIGINT", "reloftype:BIGINT", "relowner:BIGINT",
        "relam:BIGINT", "relfilenode:BIGINT", "reltablespace:BIGINT", "relpages:INTEGER",
        "reltuples:REAL", "relallvisible:INTEGER", "reltoastrelid:BIGINT", "relhasindex:BOOLEAN",
        "relisshared:BOOLEAN", "relpersistence:VARCHAR", "relkind:VARCHAR", "relnatts:SMALLINT",
        "relchecks:SMALLINT", "relhasrules:BOOLEAN", "relhastriggers:BOOLEAN",
        "relhassubclass:BOOLEAN", "relrowsecurity:BOOLEAN", "relforcerowsecurity:BOOLEAN",
        "relispopulated:BOOLEAN", "relreplident:VARCHAR", "relispartition:BOOLEAN",
        "relrewrite:BIGINT", "relacl:VARCHAR[]", "reloptions:VARCHAR[]",
        "relpartbound:VARCHAR"), RelationTables::classes));
    t.put("pg_attribute", CatalogTable.withContext(CatalogTable.columns("attrelid:BIGINT",
        "attname:VARCHAR", "atttypid:BIGINT", "attstattarget:INTEGER", "attlen:SMALLINT",
        "attnum:SMALLINT", "attndims:INTEGER", "attcacheoff:INTEGER", "atttypmod:INTEGER",
        "attbyval:BOOLEAN", "attalign:VARCHAR", "attstorage:VARCHAR", "attcompression:VARCHAR",
        "attnotnull:BOOLEAN", "atthasdef:BOOLEAN", "atthasmissing:BOOLEAN",
        "attidentity:VARCHAR", "attgenerated:VARCHAR", "attisdropped:BOOLEAN",
        "attislocal:BOOLEAN", "attinhcount:INTEGER", "attcollation:BIGINT", "attacl:VARCHAR[]",
        "attoptions:VARCHAR[]", "attfdwoptions:VARCHAR[]"), RelationTables::attributes));
    t.put("pg_attrdef", new CatalogTable(CatalogTable.columns("oid:BIGINT", "adrelid:BIGINT",
        "adnum:SMALLINT", "adbin:VARCHAR"), RelationTables::defaults));
    t.put("pg_index", new CatalogTable(CatalogTable.columns("indexrelid:BIGINT",
        "indrelid:BIGINT", "indnatts:SMALLINT", "indnkeyatts:SMALLINT", "indisunique:BOOLEAN",
        "indnullsnotdistinct:BOOLEAN", "indisprimary:BOOLEAN", "indisexclusion:BOOLEAN",
        "indimmediate:BOOLEAN", "indisclustered:BOOLEAN", "indisvalid:BOOLEAN",
        "indcheckxmin:BOOLEAN", "indisready:BOOLEAN", "indislive:BOOLEAN",
        "indisreplident:BOOLEAN", "indkey:SMALLINT[]", "indcollation:BIGINT[]",
        "indclass:BIGINT[]", "indoption:SMALLINT[]", "indexprs:VARCHAR", "indpred:VARCHAR"),
        RelationTables::indexes));
    t.put("pg_sequence", new CatalogTable(CatalogTable.columns("seqrelid:BIGINT",
        "seqtypid:BIGINT", "seqstart:BIGINT", "seqincrement:BIGINT", "seqmax:BIGINT",
        "seqmin:BIGINT", "seqcache:BIGINT", "seqcycle:BOOLEAN"),
        ViewsAndSequences::sequenceRows));
    t.put("pg_constraint", new CatalogTable(CatalogTable.columns("oid:BIGINT",
        "conname:VARCHAR", "connamespace:BIGINT", "contype:VARCHAR", "condeferrable:BOOLEAN",
        "condeferred:BOOLEAN", "convalidated:BOOLEAN", "conrelid:BIGINT", "contypid:BIGINT",
        "conindid:BIGINT", "conparentid:BIGINT", "confrelid:BIGINT", "confupdtype:VARCHAR",
        "confdeltype:VARCHAR", "confmatchtype:VARCHAR", "conislocal:BOOLEAN",
        "coninhcount:INTEGER", "connoinherit:BOOLEAN", "conkey:SMALLINT[]", "confkey:SMALLINT[]",
        "conpfeqop:BIGINT[]", "conppeqop:BIGINT[]", "conffeqop:BIGINT[]",
        "confdelsetcols:SMALLINT[]", "conexclop:BIGINT[]", "conbin:VARCHAR"),
        RelationTables::constraints));
  }

  private static List<Object[]> classes(Snapshot snapshot) {
    RelationCatalog catalog = RelationCatalog.of(snapshot);
    // PostgreSQL keeps a foreign key with triggers on both tables; psql asks for foreign keys
    // and "Referenced by" only where relhastriggers is set.
    java.util.Set<Long> withTriggers = new java.util.HashSet<>();
    for (RelationCatalog.Constraint c : catalog.constraints()) {
      if (c.type().equals("f")) {
        withTriggers.add(c.tableOid());
        withTriggers.add(c.refTableOid());
      }
    }
    List<Object[]> rows = new ArrayList<>();
    for (RelationCatalog.Relation r : catalog.relations()) {
      boolean index = r.kind().equals("i");
      long am = switch (r.kind()) {
        case "r", "m" -> CatalogOids.HEAP_AM;
        case "i" -> CatalogOids.BTREE_AM;
        default -> 0L;
      };
      short checks = (short) (r.table() == null ? 0 : r.table().checks().size());
      // Like a table PostgreSQL has not analyzed yet: reltuples -1, an index's one meta page.
      rows.add(new Object[] {r.oid(), r.name(), r.namespace(), 0L, 0L, CatalogOids.OWNER, am,
          r.oid(), 0L, index ? 1 : 0, index ? 0f : -1f, 0, 0L, r.hasIndex(), false, "p",
          r.kind(), (short) r.columnCount(), checks, false, withTriggers.contains(r.oid()),
          false, false, false, true, index ? "n" : "d", false, 0L, null, null, null});
    }
    rows.addAll(ForeignCatalog.classRows(snapshot));
    return rows;
  }

  private static List<Object[]> attributes(Snapshot snapshot,
      org.apache.calcite.DataContext context) {
    RelationCatalog catalog = RelationCatalog.of(snapshot);
    List<Object[]> rows = new ArrayList<>();
    for (RelationCatalog.Relation r : catalog.relations()) {
      if (r.kind().equals("v")) {
        rows.addAll(ViewColumns.attributes(r, context));
      }
      if (r.table() == null) {
        continue;
      }
      List<ColumnDef> cols = r.table().columns();
      for (int i = 0; i < cols.size(); i++) {
        ColumnDef c = cols.get(i);
        rows.add(attribute(r.oid(), c, i + 1, c.notNull(), c.defaultSql() != null));
      }
    }
    for (RelationCatalog.Index index : catalog.indexes()) {
      TableSchema table = catalog.relation(index.tableOid()).table();
      for (int k = 0; k < index.keys().size(); k++) {
        ColumnDef c = table.column(index.keys().get(k) - 1);
        rows.add(attribute(index.oid(), c, k + 1, false, false));
      }
    }
    rows.addAll(ForeignCatalog.attributeRows(snapshot));
    return rows;
  }

  static Object[] attribute(long relation, ColumnDef c, int attnum, boolean notNull,
      boolean hasDefault) {
    if (c.userType() != null) {
      // An enum value is a 4-byte OID in PostgreSQL, passed by value and not collatable.
      Object[] row = attribute(relation, c.name(), ColumnTypes.oid(c), -1, attnum, notNull,
          hasDefault, "p", false);
      row[4] = (short) 4;
      row[9] = true;
      row[10] = "i";
      return row;
    }
    return attribute(relation, c.name(), ColumnTypes.oid(c), ColumnTypes.typeModifier(c),
        attnum, notNull, hasDefault, storage(c.type()), c.type().isString());
  }

  /** A pg_attribute row of a column of type {@code typeOid}. */
  static Object[] attribute(long relation, String name, int typeOid, int typeModifier,
      int attnum, boolean notNull, boolean hasDefault, String storage, boolean collatable) {
    short length = PgOid.typeSize(typeOid);
    return new Object[] {relation, name, (long) typeOid, -1, length, (short) attnum, 0, -1,
        typeModifier, length > 0 && length <= 8, align(length), storage, "", notNull,
        hasDefault, false, "", "", false, true, 0,
        collatable ? CatalogOids.DEFAULT_COLLATION : 0L, null, null, null};
  }

  private static String align(short length) {
    return switch (length) {
      case 1 -> "c";
      case 2 -> "s";
      case 4 -> "i";
      default -> length == 8 ? "d" : "i";
    };
  }

  /** PostgreSQL's default storage strategy of each type (shown by \d+). */
  private static String storage(ColumnType type) {
    return switch (type) {
      case TEXT, VARCHAR, BPCHAR, BYTEA -> "x";
      case NUMERIC -> "m";
      default -> "p";
    };
  }

  private static List<Object[]> defaults(Snapshot snapshot) {
    List<Object[]> rows = new ArrayList<>();
    for (RelationCatalog.Relation r : RelationCatalog.of(snapshot).relations()) {
      if (r.table() == null) {
        continue;
      }
      List<ColumnDef> cols = r.table().columns();
      for (int i = 0; i < cols.size(); i++) {
        if (cols.get(i).defaultSql() != null) {
          rows.add(new Object[] {r.oid() * 1000 + i + 1, r.oid(), (short) (i + 1),
              cols.get(i).defaultSql()});
        }
      }
    }
    return rows;
  }

  private static List<Object[]> indexes(Snapshot snapshot) {
    List<Object[]> rows = new ArrayList<>();
    for (RelationCatalog.Index i : RelationCatalog.of(snapshot).indexes()) {
      int n = i.keys().size();
      rows.add(new Object[] {i.oid(), i.tableOid(), (short) n, (short) n, i.unique(), false,
          i.primary(), false, true, false, true, false, true, true, false, i.keys(),
          Collections.nCopies(n, 0L), Collections.nCopies(n, 0L), options(i), null,
          i.definition() == null ? null : i.definition().predicate()});
    }
    return rows;
  }

  /** indoption per key column: bit 0 DESC, bit 1 NULLS FIRST (PostgreSQL's encoding). */
  private static List<Short> options(RelationCatalog.Index index) {
    if (index.definition() == null) {
      return Collections.nCopies(index.keys().size(), (short) 0);
    }
    List<Short> out = new ArrayList<>();
    for (var column : index.definition().columns()) {
      out.add((short) ((column.descending() ? 1 : 0) | (column.nullsFirst() ? 2 : 0)));
    }
    return out;
  }

  private static List<Object[]> constraints(Snapshot snapshot) {
    List<Object[]> rows = new ArrayList<>();
    for (RelationCatalog.Constraint c : RelationCatalog.of(snapshot).constraints()) {
      boolean foreign = c.type().equals("f");
      // A check is not inherited-only: connoinherit false, as PostgreSQL sets it by default.
      rows.add(new Object[] {c.oid(), c.name(), CatalogOids.PUBLIC, c.type(), false, false, true,
          c.tableOid(), 0L, c.indexOid(), 0L, c.refTableOid(), c.onUpdate(), c.onDelete(),
          foreign ? "s" : " ", true, 0, !c.type().equals("c"), c.keys(), c.refKeys(), null,
          null, null, null, null, c.expression()});
    }
    return rows;
  }
}
